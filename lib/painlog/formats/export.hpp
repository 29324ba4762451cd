#pragma once
// painlog's own export formats (painlog-export(1)), and FHIR (fhir.hpp),
// written to a stream as the diary is read: an export of any size holds one
// entry at a time.
//
// CSV: entries exactly as `painlog list --format csv` (entry_format.hpp), so
// that list and export never drift; events (--what events) with the columns
// id,kind,label,time,zone,day,note (the keys of event_json). JSON: one object
//   {"format": "painlog", "format_version": 1, "entries": [entry_json…],
//    "events": [event_json…], "questionnaires": [questionnaire_json…]}
// that import.hpp reads back; export → import into an empty diary → export
// gives the same bytes.

#include <array>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/store/diary.hpp"
#include "painlog/model/entry.hpp"
#include "painlog/model/event.hpp"
#include "painlog/util/text.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

enum class ExportFormat { entries_csv, events_csv, json, fhir };

// The days from..to (inclusive, when given) of the diary in `format`; `now`
// is the FHIR Bundle.timestamp. JSON and FHIR end with a line feed.
void write_export(Diary& diary, ExportFormat format, std::optional<Day> from, std::optional<Day> to, Instant now,
                  std::ostream& out);

// The entries that `query` selects as `painlog list` shows them, written as
// they are read, so that a listing of any length holds one entry: the CSV of
// export, a JSON array of entry_json, or EntryTable's table (nothing when
// there are none: then it returns false).
void write_entries_csv(Diary& diary, const EntryQuery& query, std::ostream& out);
void write_entries_json(Diary& diary, const EntryQuery& query, std::ostream& out);
bool write_entries_table(Diary& diary, const EntryQuery& query, Color color, std::ostream& out);

// The columns of the events CSV, which import reads back.
inline constexpr std::array<std::string_view, 7> event_csv_columns{"id", "kind", "label", "time", "zone", "day", "note"};
// Events in the CSV of `export --what events` (and `event list --format csv`).
void write_events_csv(const std::vector<Event>& events, std::ostream& out);

// Writes one JSON object member by member, array elements one at a time,
// with exactly the bytes that nlohmann's dump(2) of the whole object gives.
class JsonObjectWriter {
public:
    explicit JsonObjectWriter(std::ostream& out) : out_(out) {}
    void member(std::string_view key, const nlohmann::ordered_json& value);
    void begin_array(std::string_view key);
    void element(const nlohmann::ordered_json& value);
    void end_array();
    // Closes the object and ends the line.
    void end();

private:
    void key(std::string_view key);
    std::ostream& out_;
    std::size_t members_ = 0;
    std::size_t elements_ = 0;
};

}  // namespace painlog
