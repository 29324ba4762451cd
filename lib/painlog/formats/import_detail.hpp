// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers shared by the readers (painlog_fields.cpp, painlog_csv.cpp,
// painlog_json.cpp, daylio.cpp); not an interface.

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "painlog/formats/import_plan.hpp"
#include "painlog/time/time.hpp"
#include "painlog/util/csv_reader.hpp"
#include "painlog/util/error.hpp"

namespace painlog::detail {

// The first max_import_problems problems, and how many there were: a
// record is good only if `count` did not move while it was read, even once
// the list is full.
struct Problems {
    std::vector<ImportProblem> list;
    std::size_t count = 0;
    void add(std::size_t line, std::string column, std::string message);
};

// The message of an entry parser's InputError, without the option name.
[[nodiscard]] std::string problem_text(const InputError& e);
[[nodiscard]] std::optional<Instant> parse_time(std::string_view text, const ImportRules& rules, std::string& problem);
[[nodiscard]] std::string zone_problem(std::string_view zone);
[[nodiscard]] std::optional<std::int64_t> parse_positive_id(std::string_view text);

// What to do with each record of a CSV file, chosen by its header.
using CsvRecord = std::function<void(const CsvRow& row)>;
using CsvHeader = std::function<CsvRecord(const CsvRow& header, Problems& problems)>;
// Reads a CSV file record by record: the header first, then each record
// that has as many fields as the header (another count is a problem; a
// problem with the header skips the records). A problem of the CSV itself
// (quoting, binary) replaces all others; a file without a header is the
// problem `empty_file`.
[[nodiscard]] std::vector<ImportProblem> read_csv_records(std::istream& in, std::string_view empty_file,
                                                          const CsvHeader& read_header);
// What `read` hands over, collected, for the parse_* functions on a text.
[[nodiscard]] ParsedImport collect(const ImportReader& read);

}  // namespace painlog::detail

namespace painlog {

// Checks a record's diary day against its instant and (valid) zone: it must
// be the local date, or the day before when the local time is before 11:00
// (the latest day-start hour). Fills it in from rules.day_start_hour when
// not given. Returns the problem message, or "" when fine.
[[nodiscard]] std::string check_diary_day(Instant at, const std::string& zone, Day& day, bool day_given,
                                          const ImportRules& rules);

}  // namespace painlog
