#pragma once
// Text measured as a terminal shows it: by display columns, not bytes.

#include <cstddef>
#include <string>
#include <string_view>

namespace painlog {

enum class Color { no, yes };

// Columns the text occupies in a terminal (wide CJK and emoji count 2).
[[nodiscard]] std::size_t display_width(std::string_view text);
// Cuts `text` to at most `width` columns, ending in "…" when it was cut.
[[nodiscard]] std::string truncate_to_width(std::string_view text, std::size_t width);
// Newlines and tabs become spaces, so a note stays on its table row.
[[nodiscard]] std::string one_line(std::string_view text);
// Pads with spaces to `width` columns, on the right (left-aligned) or the left.
[[nodiscard]] std::string pad_right(std::string_view text, std::size_t width);
[[nodiscard]] std::string pad_left(std::string_view text, std::size_t width);

}  // namespace painlog
