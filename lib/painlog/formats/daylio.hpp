// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Daylio's CSV export (see clinical.md): one row per mood entry, newest first.
//
//   full_date,date,weekday,time,mood,activities,[scales,]note_title,note
//
// Columns are found by header name: full_date, time and mood are required;
// activities, note_title and note are optional; date, weekday, scales and
// any other column are ignored. full_date is ISO (2026-10-06); time is
// 24-hour (13:48) or 12-hour (8:30 am, 12:15 AM). Times are local to the
// zone given in DaylioOptions (Daylio does not record one). Mood labels are
// matched without regard to case; the defaults map Daylio's five levels
// linearly onto 0–10, rounding halves to even: awful 0, bad 2, meh 5,
// good 8, rad 10. Activities (separated by " | ") become activity tags;
// note_title and note become the note (title, a line break, note).
//
// read_daylio_csv hands entries over in the file's order, as
// read_painlog_csv does (painlog_csv.hpp); parse_daylio_csv collects them
// from a text and puts them in time order.

#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "painlog/formats/import_plan.hpp"

namespace painlog {

struct DaylioOptions {
    ImportRules rules;
    const Zone* zone = nullptr;  // the zone Daylio's local times are in
    // Lower-cased label → mood 0–10; added to, and overriding, the defaults.
    std::map<std::string, int, std::less<>> moods;
};

// The five default labels and their 0–10 moods, best first.
[[nodiscard]] const std::map<std::string, int, std::less<>>& daylio_default_moods();

[[nodiscard]] std::vector<ImportProblem> read_daylio_csv(std::istream& in, const DaylioOptions& options,
                                                         ImportSink& sink);
[[nodiscard]] ParsedImport parse_daylio_csv(std::string_view text, const DaylioOptions& options);

// "--daylio-mood LABEL=N": a label (lower-cased, trimmed) and a mood 0–10.
// Throws InputError naming `option` and the text.
[[nodiscard]] std::pair<std::string, int> parse_daylio_mood(std::string_view text, std::string_view option);

// Whether a CSV header row looks like Daylio's (it has full_date and mood).
[[nodiscard]] bool looks_like_daylio(std::string_view text);

}  // namespace painlog
