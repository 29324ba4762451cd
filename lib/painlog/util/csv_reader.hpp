// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An RFC 4180 CSV reader: the inverse of csv.hpp's writer.
//
// Records end with CRLF or LF. Quoted fields may hold commas, quotes
// (doubled) and line breaks. A UTF-8 byte order mark at the very start is
// skipped; empty lines are skipped. The text must be UTF-8 without NUL or
// other control characters outside quoted fields (tab excepted), so a
// binary file is refused rather than read as nonsense, and that problem
// outranks any quoting problem, wherever in the file each lies. CsvReader
// reads a stream record by record, holding one record and one buffer of
// text; read_csv reads a whole text. Neither throws on bad input. A field
// longer than max_csv_field_bytes is a problem as soon as it is.

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace painlog {

// Longer than any value a diary holds (a note is at most 4000 bytes), and
// short enough that a hostile file cannot fill memory one field at a time.
inline constexpr std::size_t max_csv_field_bytes = 64 * 1024;

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
    std::optional<CsvProblem> problem;  // set: rows holds records read before it
};

class CsvReader {
public:
    explicit CsvReader(std::istream& in) : in_(in) {}
    // The next record, or nullopt at the end of the text or at a problem.
    // Throws RuntimeError when the stream fails (a read error, not bad text).
    [[nodiscard]] std::optional<CsvRow> next();
    [[nodiscard]] const std::optional<CsvProblem>& problem() const { return problem_; }

private:
    bool available(std::size_t ahead);
    [[nodiscard]] char at(std::size_t ahead) const { return buffer_[pos_ + ahead]; }
    template <class Stop>
    std::string_view take_run(Stop stops);
    void read_more();
    void check_new_bytes();
    std::nullopt_t fail(std::size_t line, std::string message);
    std::nullopt_t too_long(std::size_t line);
    std::optional<CsvRow> record();

    std::istream& in_;
    std::string buffer_;
    std::size_t pos_ = 0;      // the next byte to parse
    std::size_t checked_ = 0;  // bytes of buffer_ found to be text; only those are parsed
    std::size_t checked_line_ = 1;
    std::size_t line_ = 1;
    bool started_ = false;
    bool end_of_input_ = false;
    std::optional<CsvProblem> problem_;
};

[[nodiscard]] CsvTable read_csv(std::string_view text);

}  // namespace painlog
