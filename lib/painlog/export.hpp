#pragma once
// painlog's own export formats (painlog-export(1)).
//
// CSV: entries exactly as `painlog list --format csv` (entry_format.hpp), so
// that list and export never drift; events (--what events) with the columns
// id,kind,label,time,zone,day,note (the keys of event_json). JSON: one object
//   {"format": "painlog", "format_version": 1, "entries": [entry_json…],
//    "events": [event_json…], "questionnaires": [questionnaire_json…]}
// that import.hpp reads back; export → import into an empty diary → export
// gives the same bytes.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/entry.hpp"
#include "painlog/event.hpp"
#include "painlog/questionnaire.hpp"

namespace painlog {

struct ExportData {
    std::vector<Entry> entries;
    std::vector<Event> events;
    std::vector<QuestionnaireResult> results;
};

// What a period of the diary holds; from/to are diary days, inclusive.
[[nodiscard]] ExportData export_data(Diary& diary, std::optional<Day> from, std::optional<Day> to);

[[nodiscard]] std::string export_csv(const ExportData& data);  // the entries
[[nodiscard]] std::string events_csv(const std::vector<Event>& events);
[[nodiscard]] nlohmann::ordered_json export_json(const ExportData& data);

}  // namespace painlog
