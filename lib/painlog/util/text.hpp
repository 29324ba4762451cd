// SPDX-License-Identifier: GPL-3.0-or-later
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

// Greedy word wrap to `width` columns; the first line starts with `first`,
// the others with `rest`; each line ends in a newline. "n = 12" and
// "p = 0.05" are never split.
[[nodiscard]] std::string wrap_words(std::string text, std::size_t width, std::string_view first,
                                     std::string_view rest);
// One paragraph of output: wrap_words with continuation lines indented by
// two spaces.
[[nodiscard]] std::string wrap_paragraph(std::string_view text, std::size_t width = 80);

// What may reach a terminal: text from a diary or a file must not be able to
// move the cursor, set the title, write the clipboard or hide what follows.
enum class Controls {
    escape_all,   // every control character, newlines too: one-line messages
    keep_layout,  // newline and tab pass, and so do painlog's own colour codes (the calendar's
                  // ESC[38;5;Nm and ESC[38;2;R;G;Bm foregrounds among them)
};
// Appends `text` to `out` with control characters (C0, DEL, C1 U+0080 to
// U+009F) written as \u001b and bytes that are not UTF-8 as \xff. Stops
// before a sequence cut off at the end of `text` unless `final`, and returns
// how many bytes it consumed, so that a stream can be escaped in pieces.
std::size_t append_terminal_safe(std::string_view text, std::string& out, Controls controls, bool final = true);
[[nodiscard]] std::string terminal_safe(std::string_view text, Controls controls);

}  // namespace painlog
