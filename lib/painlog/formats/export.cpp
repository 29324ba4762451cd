// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/formats/export.hpp"

#include "painlog/formats/fhir.hpp"
#include "painlog/formats/painlog_csv.hpp"
#include "painlog/formats/painlog_json.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/store/event_store.hpp"

namespace painlog {

bool write_entries_table(Diary& diary, const EntryQuery& query, Color color, std::size_t width, std::ostream& out) {
    auto largest = diary.largest_entry_id(query);
    if (!largest) return false;
    EntryTable table(*largest, color, width);
    out << table.header();
    diary.for_each_entry(query, [&](Entry e) { out << table.row(e); });
    return true;
}

void write_export(Diary& diary, ExportFormat format, std::optional<Day> from, std::optional<Day> to, Instant now,
                  std::ostream& out) {
    EntryQuery query{from, to, {}};
    switch (format) {
        case ExportFormat::entries_csv: return write_entries_csv(diary, query, out);
        case ExportFormat::events_csv: return write_events_csv(events_in(diary, from, to), out);
        case ExportFormat::doses_csv: return write_doses_csv(doses_in(diary, from, to), out);
        case ExportFormat::json: return write_painlog_json(diary, query, out);
        case ExportFormat::fhir: return write_fhir(diary, query, now, out);
    }
}

}  // namespace painlog
