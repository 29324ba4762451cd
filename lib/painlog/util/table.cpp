// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/util/table.hpp"

#include <algorithm>

namespace painlog {
namespace {

std::string_view ansi_code(Style style) {
    switch (style) {
        case Style::bold: return "\033[1m";
        case Style::dim: return "\033[2m";
        case Style::good: return "\033[32m";
        case Style::warn: return "\033[33m";
        case Style::bad: return "\033[31m";
        case Style::plain: break;
    }
    return "";
}

}  // namespace

std::string styled(std::string_view text, Style style, Color color) {
    if (color == Color::no || style == Style::plain || text.empty()) return std::string(text);
    return std::string(ansi_code(style)) + std::string(text) + "\033[0m";
}

std::vector<std::size_t> TextTable::widths(std::size_t max_width) const {
    std::vector<std::size_t> widths;
    for (const auto& column : columns_) widths.push_back(display_width(column.header));
    for (const auto& row : rows_)
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i].text));
    std::size_t fixed = 0;
    for (std::size_t i = 0; i + 1 < widths.size(); ++i) fixed += widths[i] + 1;
    if (!widths.empty() && fixed + widths.back() > max_width)
        widths.back() = max_width > fixed + 1 ? max_width - fixed : 1;
    return widths;
}

std::string TextTable::line(const std::vector<Cell>& cells, const std::vector<std::size_t>& widths,
                            Color color) const {
    std::string out;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        auto text = i < cells.size() ? truncate_to_width(cells[i].text, widths[i]) : std::string{};
        bool last = i + 1 == columns_.size();
        auto padded = columns_[i].align == Align::right ? pad_left(text, widths[i])
                      : last                            ? text
                                                        : pad_right(text, widths[i]);
        auto style = i < cells.size() ? cells[i].style : Style::plain;
        // Pad outside the colour codes so the columns stay aligned.
        if (columns_[i].align == Align::right)
            out += padded.substr(0, padded.size() - text.size()) + styled(text, style, color);
        else
            out += styled(text, style, color) + padded.substr(text.size());
        if (!last) out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + '\n';
}

std::string TextTable::header_line(const std::vector<std::size_t>& widths, Color color) const {
    std::vector<Cell> header;
    for (const auto& column : columns_) header.push_back({column.header, Style::bold});
    return line(header, widths, color);
}

std::string TextTable::render(Color color, std::size_t max_width) const {
    auto sizes = widths(max_width);
    std::string out = header_line(sizes, color);
    for (const auto& row : rows_) out += line(row, sizes, color);
    return out;
}

}  // namespace painlog
