// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// painlog's export formats (painlog-export(1)): painlog's own CSV
// (painlog_csv.hpp) and JSON (painlog_json.hpp), and FHIR (fhir.hpp),
// written to a stream as the diary is read: an export of any size holds one
// entry at a time. Each format's writer stands beside its reader; this file
// only chooses among them.

#include <optional>
#include <ostream>

#include "painlog/store/diary.hpp"
#include "painlog/time/time.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

enum class ExportFormat { entries_csv, events_csv, doses_csv, json, fhir };

// The days from..to (inclusive, when given) of the diary in `format`; `now`
// is the FHIR Bundle.timestamp. JSON and FHIR end with a line feed.
void write_export(Diary& diary, ExportFormat format, std::optional<Day> from, std::optional<Day> to, Instant now,
                  std::ostream& out);

// The entries that `query` selects as `painlog list` shows them on a
// terminal, in EntryTable's table, written as they are read, so that a
// listing of any length holds one entry (nothing when there are none: then
// it returns false), `width` columns wide. The list's CSV and JSON are
// painlog's own formats:
// write_entries_csv (painlog_csv.hpp), write_entries_json (painlog_json.hpp).
bool write_entries_table(Diary& diary, const EntryQuery& query, Color color, std::size_t width, std::ostream& out);

}  // namespace painlog
