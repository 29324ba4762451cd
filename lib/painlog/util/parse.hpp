// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small strict parsers shared by the value, setting, questionnaire and
// import code, so "7", " 7" and "7x" mean the same everywhere.

#include <optional>
#include <string>
#include <string_view>

namespace painlog {

// Without leading and trailing spaces and tabs.
[[nodiscard]] std::string_view trim(std::string_view text);
// ASCII letters lower-cased; other bytes (UTF-8) unchanged.
[[nodiscard]] std::string ascii_lower(std::string_view text);
// The whole text as a decimal int (a leading '-' allowed), or nullopt:
// no spaces, signs like '+', fractions or trailing characters.
[[nodiscard]] std::optional<int> parse_whole_number(std::string_view text);

// Length of the UTF-8 sequence starting at s[i], or 0 when it is invalid
// (overlong, a surrogate, beyond U+10FFFF, or cut off by the end of s).
[[nodiscard]] std::size_t utf8_length(std::string_view s, std::size_t i);
// True when `text` is valid UTF-8 throughout.
[[nodiscard]] bool is_valid_utf8(std::string_view text);

}  // namespace painlog
