#include "painlog/formats/export.hpp"

#include "painlog/store/event_store.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/util/csv.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/model/event.hpp"
#include "painlog/formats/fhir.hpp"
#include "painlog/formats/import.hpp"
#include "painlog/model/questionnaire.hpp"

namespace painlog {
namespace {

// `value` dumped with indent 2, its lines after the first shifted right by
// `indent` to sit at that depth of the enclosing document. Line feeds inside
// strings are escaped, so every raw one is a line break of the layout.
void write_indented(std::ostream& out, const nlohmann::ordered_json& value, std::size_t indent) {
    auto text = value.dump(2);
    std::string margin = "\n" + std::string(indent, ' ');
    std::size_t start = 0;
    for (auto end = text.find('\n'); end != std::string::npos; start = end + 1, end = text.find('\n', start))
        out.write(text.data() + start, static_cast<std::streamsize>(end - start)) << margin;
    out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

std::vector<Event> events_in(Diary& diary, std::optional<Day> from, std::optional<Day> to) {
    std::vector<Event> kept;
    for (auto& e : events(diary))
        if ((!from || e.day >= *from) && (!to || e.day <= *to)) kept.push_back(std::move(e));
    return kept;
}


}  // namespace

void write_entries_csv(Diary& diary, const EntryQuery& query, std::ostream& out) {
    out << csv_record(entry_csv_header());
    diary.for_each_entry(query, [&](Entry e) { out << csv_record(entry_csv_fields(e)); });
}

void write_entries_json(Diary& diary, const EntryQuery& query, std::ostream& out) {
    std::size_t written = 0;
    diary.for_each_entry(query, [&](Entry e) {
        out << (written++ == 0 ? "[\n  " : ",\n  ");
        write_indented(out, entry_json(e), 2);
    });
    out << (written == 0 ? "[]\n" : "\n]\n");
}

bool write_entries_table(Diary& diary, const EntryQuery& query, Color color, std::ostream& out) {
    auto largest = diary.largest_entry_id(query);
    if (!largest) return false;
    EntryTable table(*largest, color);
    out << table.header();
    diary.for_each_entry(query, [&](Entry e) { out << table.row(e); });
    return true;
}

namespace {

void write_json(Diary& diary, const EntryQuery& query, std::ostream& out) {
    JsonObjectWriter doc(out);
    doc.member("format", "painlog");
    doc.member("format_version", export_format_version);
    doc.begin_array("entries");
    diary.for_each_entry(query, [&](Entry e) { doc.element(entry_json(e)); });
    doc.end_array();
    doc.begin_array("events");
    for (const auto& e : events_in(diary, query.from, query.to)) doc.element(event_json(e));
    doc.end_array();
    doc.begin_array("questionnaires");
    for (const auto& r : questionnaire_results(diary, std::nullopt, query.from, query.to))
        doc.element(questionnaire_json(r));
    doc.end_array();
    doc.end();
}

void write_fhir(Diary& diary, const EntryQuery& query, Instant now, std::ostream& out) {
    JsonObjectWriter bundle(out);
    const auto header = fhir_bundle_header(now);
    for (auto it = header.begin(); it != header.end(); ++it) bundle.member(it.key(), it.value());
    bundle.begin_array("entry");
    auto add = [&](nlohmann::ordered_json resource) { bundle.element({{"resource", std::move(resource)}}); };
    diary.for_each_entry(query, [&](Entry e) {
        for (auto& o : fhir_observations(e)) add(std::move(o));
    });
    for (const auto& r : questionnaire_results(diary, std::nullopt, query.from, query.to)) add(fhir_observation(r));
    bundle.end_array();
    bundle.end();
}

}  // namespace

void write_events_csv(const std::vector<Event>& events, std::ostream& out) {
    out << csv_record({event_csv_columns.begin(), event_csv_columns.end()});
    for (const auto& e : events) {
        auto j = event_json(e);
        out << csv_record({std::to_string(e.id), j["kind"].get<std::string>(), e.label, j["time"].get<std::string>(),
                           e.zone, j["day"].get<std::string>(), e.note});
    }
}

void write_export(Diary& diary, ExportFormat format, std::optional<Day> from, std::optional<Day> to, Instant now,
                  std::ostream& out) {
    EntryQuery query{from, to, {}};
    switch (format) {
        case ExportFormat::entries_csv: return write_entries_csv(diary, query, out);
        case ExportFormat::events_csv: return write_events_csv(events_in(diary, from, to), out);
        case ExportFormat::json: return write_json(diary, query, out);
        case ExportFormat::fhir: return write_fhir(diary, query, now, out);
    }
}

void JsonObjectWriter::key(std::string_view key) {
    out_ << (members_++ == 0 ? "{\n  " : ",\n  ") << nlohmann::ordered_json(key).dump() << ": ";
}

void JsonObjectWriter::member(std::string_view key, const nlohmann::ordered_json& value) {
    this->key(key);
    write_indented(out_, value, 2);
}

void JsonObjectWriter::begin_array(std::string_view key) {
    this->key(key);
    elements_ = 0;
}

void JsonObjectWriter::element(const nlohmann::ordered_json& value) {
    out_ << (elements_++ == 0 ? "[\n    " : ",\n    ");
    write_indented(out_, value, 4);
}

void JsonObjectWriter::end_array() { out_ << (elements_ == 0 ? "[]" : "\n  ]"); }

void JsonObjectWriter::end() { out_ << (members_ == 0 ? "{}" : "\n}") << '\n'; }

}  // namespace painlog
