#include "painlog/export.hpp"

#include <algorithm>

#include "painlog/csv.hpp"
#include "painlog/diary.hpp"
#include "painlog/entry_format.hpp"
#include "painlog/import.hpp"

namespace painlog {

ExportData export_data(Diary& diary, std::optional<Day> from, std::optional<Day> to) {
    ExportData data;
    data.entries = diary.entries({from, to, {}});
    for (auto& e : events(diary))
        if ((!from || e.day >= *from) && (!to || e.day <= *to)) data.events.push_back(std::move(e));
    data.results = questionnaire_results(diary, std::nullopt, from, to);
    return data;
}

std::string export_csv(const ExportData& data) { return entries_csv(data.entries); }

std::string events_csv(const std::vector<Event>& events) {
    std::string out = csv_record({"id", "kind", "label", "time", "zone", "day", "note"});
    for (const auto& e : events) {
        auto j = event_json(e);
        out += csv_record({std::to_string(e.id), j["kind"].get<std::string>(), e.label, j["time"].get<std::string>(),
                           e.zone, j["day"].get<std::string>(), e.note});
    }
    return out;
}

nlohmann::ordered_json export_json(const ExportData& data) {
    nlohmann::ordered_json j;
    j["format"] = "painlog";
    j["format_version"] = export_format_version;
    j["entries"] = entries_json(data.entries);
    auto& events = j["events"] = nlohmann::ordered_json::array();
    for (const auto& e : data.events) events.push_back(event_json(e));
    auto& results = j["questionnaires"] = nlohmann::ordered_json::array();
    for (const auto& r : data.results) results.push_back(questionnaire_json(r));
    return j;
}

}  // namespace painlog
