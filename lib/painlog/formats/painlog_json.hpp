// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// painlog's own JSON: its reader and its writers in one file, because both
// directions share the format's definition (export_format_version, the
// element keys of entry_format.hpp) and export → import → export must give
// the same bytes.

#include <cstddef>
#include <istream>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "painlog/formats/import_plan.hpp"
#include "painlog/model/event.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

class Diary;
struct EntryQuery;

// painlog's JSON (`painlog export --format json`): an object with
// "format": "painlog", "format_version": 1, "entries" (each as entry_json
// writes it), "events" (event_json) and "questionnaires" (questionnaire_json;
// its derived keys band, phq2_score, phq2_positive, safety_message_needed
// are recomputed, and score must match the answers). The three lists are
// optional. Problems name the line on which the element's object starts.
// A string, number or run of white space longer than this is refused as
// soon as it is read (a note is at most 4000 bytes).
inline constexpr std::size_t max_json_token_bytes = 64 * 1024;
// Likewise an element of entries, events or questionnaires holding more
// values than this (an entry has about twenty).
inline constexpr std::size_t max_json_element_values = 10'000;
[[nodiscard]] std::vector<ImportProblem> read_painlog_json(std::istream& in, const ImportRules& rules, ImportSink& sink);
[[nodiscard]] ParsedImport parse_painlog_json(std::string_view text, const ImportRules& rules);

inline constexpr int export_format_version = 1;

// The entries that `query` selects, and the events and questionnaire results
// on its days, as one object
//   {"format": "painlog", "format_version": 1, "entries": [entry_json…],
//    "events": [event_json…], "questionnaires": [questionnaire_json…]}
// ending with a line feed, written as the diary is read, so that an export
// of any size holds one entry at a time. read_painlog_json reads it back;
// export → import into an empty diary → export gives the same bytes.
void write_painlog_json(Diary& diary, const EntryQuery& query, std::ostream& out);

// The entries that `query` selects, as `painlog list --format json` shows
// them: a JSON array of entry_json, written as they are read, so that a
// listing of any length holds one entry.
void write_entries_json(Diary& diary, const EntryQuery& query, std::ostream& out);

}  // namespace painlog
