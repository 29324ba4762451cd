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

}  // namespace painlog
