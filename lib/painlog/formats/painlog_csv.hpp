// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// painlog's own CSV: its reader and its writers in one file, because both
// directions share the format's definition (the columns) and export →
// import → export must give the same bytes. Entries are written exactly as
// `painlog list --format csv` (entry_format.hpp), so that list and export
// never drift; events (--what events) with the columns
// id,kind,label,time,zone,day,note (the keys of event_json); doses (--what
// doses) with id,medicine,amount,unit,as_needed,time,zone,day,note (the
// keys of dose_json).

#include <array>
#include <istream>
#include <ostream>
#include <string_view>
#include <vector>

#include "painlog/formats/import_plan.hpp"
#include "painlog/model/event.hpp"
#include "painlog/model/medicine.hpp"

namespace painlog {

class Diary;
struct EntryQuery;

// painlog's CSV (`painlog export --format csv`, `painlog list --format csv`).
// Columns are found by header name: time and zone are required; id, day,
// the ratings, sleep_hours, tags_<kind> and note are optional; an unknown or
// repeated column is a problem. Fields are un-protected (csv.hpp) first.
// A header with a `kind` column is an events file (`export --what events`):
// kind, time and zone required; id, label, day and note optional. A header
// with a `medicine` column is a doses file (`export --what doses`):
// medicine, time and zone required. The tags_medication column of exports
// before painlog 0.2 becomes doses at the entry's time, without an amount.
// read_painlog_csv returns the problems (at most max_import_problems, or
// the one problem of a file that is not CSV at all).
[[nodiscard]] std::vector<ImportProblem> read_painlog_csv(std::istream& in, const ImportRules& rules, ImportSink& sink);
[[nodiscard]] ParsedImport parse_painlog_csv(std::string_view text, const ImportRules& rules);

// The entries that `query` selects, as `painlog list --format csv` shows them
// and `painlog export --format csv` writes them, written as they are read,
// so that a listing of any length holds one entry.
void write_entries_csv(Diary& diary, const EntryQuery& query, std::ostream& out);

// The columns of the events CSV, which import reads back.
inline constexpr std::array<std::string_view, 8> event_csv_columns{"id",   "kind", "label", "time",
                                                                  "zone", "day",  "note",  "not_given"};
// Events in the CSV of `export --what events` (and `event list --format csv`).
void write_events_csv(const std::vector<Event>& events, std::ostream& out);

inline constexpr std::array<std::string_view, 9> dose_csv_columns{"id",        "medicine", "amount", "unit", "as_needed",
                                                                  "time",      "zone",     "day",    "note"};
// Doses in the CSV of `export --what doses` (and `med list --format csv`).
void write_doses_csv(const std::vector<Dose>& doses, std::ostream& out);

}  // namespace painlog
