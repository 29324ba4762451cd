// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A plain-text table rendered to a string: columns sized to their content,
// the last column cut to keep the whole table within a width.

#include <string>
#include <vector>

#include "painlog/util/text.hpp"

namespace painlog {

enum class Align { left, right };
enum class Style { plain, bold, dim, good, warn, bad };

struct Column {
    std::string header;
    Align align = Align::left;
};

struct Cell {
    std::string text;
    Style style = Style::plain;
};

class TextTable {
public:
    explicit TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}
    void add_row(std::vector<Cell> row) { rows_.push_back(std::move(row)); }
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    // Columns are separated by one space; the header is bold when coloured.
    [[nodiscard]] std::string render(Color color, std::size_t max_width = 80) const;

    // For a table written a row at a time: the widths render() gives the
    // rows added so far (rows as wide as any to come), and one line laid
    // out in them.
    [[nodiscard]] std::vector<std::size_t> widths(std::size_t max_width = 80) const;
    [[nodiscard]] std::string line(const std::vector<Cell>& cells, const std::vector<std::size_t>& widths,
                                   Color color) const;
    [[nodiscard]] std::string header_line(const std::vector<std::size_t>& widths, Color color) const;

private:
    std::vector<Column> columns_;
    std::vector<std::vector<Cell>> rows_;
};

// Wraps text in the ANSI codes for `style` when `color` is yes.
[[nodiscard]] std::string styled(std::string_view text, Style style, Color color);

}  // namespace painlog
