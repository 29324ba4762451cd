#pragma once
// An RFC 4180 CSV reader: the inverse of csv.hpp's writer.
//
// Records end with CRLF or LF. Quoted fields may hold commas, quotes
// (doubled) and line breaks. A UTF-8 byte order mark at the very start is
// skipped; empty lines are skipped. The text must be UTF-8 without NUL or
// other control characters outside quoted fields (tab excepted), so a
// binary file is refused rather than read as nonsense. Pure: text in,
// records or the first problem out; it never throws on bad input.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace painlog {

struct CsvRow {
    std::size_t line = 0;  // 1-based line on which the record starts
    std::vector<std::string> fields;
};

struct CsvProblem {
    std::size_t line = 0;  // 1-based line of the problem
    std::string message;   // "unterminated quoted field (the file may be truncated)"
};

struct CsvTable {
    std::vector<CsvRow> rows;
    std::optional<CsvProblem> problem;  // set: rows holds the records before it
};

[[nodiscard]] CsvTable read_csv(std::string_view text);

// True when `text` is valid UTF-8 (no overlong forms, no surrogates).
[[nodiscard]] bool is_valid_utf8(std::string_view text);

}  // namespace painlog
