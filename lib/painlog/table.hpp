#pragma once
// A plain-text table rendered to a string: columns sized to their content,
// the last column cut to keep the whole table within a width.

#include <string>
#include <vector>

#include "painlog/text.hpp"

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

private:
    std::vector<Column> columns_;
    std::vector<std::vector<Cell>> rows_;
};

// Wraps text in the ANSI codes for `style` when `color` is yes.
[[nodiscard]] std::string styled(std::string_view text, Style style, Color color);

}  // namespace painlog
