// SPDX-License-Identifier: GPL-3.0-or-later
// painlog_csv.hpp's reader and writers. The reader builds its entries and
// events through painlog_fields, which the JSON reader shares, so that the
// two formats accept the same values.

#include "painlog/formats/painlog_csv.hpp"

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "painlog/formats/import_detail.hpp"
#include "painlog/formats/painlog_fields.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/util/csv.hpp"
#include "painlog/util/csv_reader.hpp"

namespace painlog {
namespace {

using detail::ColumnSpec;
using detail::EntryField;
using detail::Problems;

// The header's names, un-protected; `spec_of` says which are known (for
// entries, what each holds) and `unknown` what to say of the others.
template <typename Spec>
std::vector<std::string> header_names(const CsvRow& header, const std::function<std::optional<Spec>(const std::string&)>& spec_of,
                                      std::vector<Spec>& specs, std::string_view unknown,
                                      std::initializer_list<std::string_view> required, Problems& problems) {
    std::vector<std::string> names;
    for (const auto& raw : header.fields) {
        auto name = unprotect_csv_field(raw);
        auto spec = spec_of(name);
        if (!spec) {
            problems.add(header.line, name, std::string(unknown));
            continue;
        }
        if (std::ranges::find(names, name) != names.end()) problems.add(header.line, name, "repeated column");
        specs.push_back(*spec);
        names.push_back(name);
    }
    for (auto name : required)
        if (std::ranges::find(names, name) == names.end())
            problems.add(header.line, std::string(name), "missing from the header");
    return names;
}

// The entry of a row, and the doses of its legacy tags_medication column.
std::pair<Entry, std::vector<Dose>> entry_from_row(const CsvRow& row, const std::vector<std::string>& names,
                                                   const std::vector<ColumnSpec>& specs, Problems& problems,
                                                   const ImportRules& rules) {
    auto before = problems.count;
    detail::EntryBuilder b(row.line, problems, rules);
    for (std::size_t c = 0; c < names.size(); ++c) {
        auto value = unprotect_csv_field(row.fields[c]);
        const auto& name = names[c];
        const auto& spec = specs[c];
        if (spec.rating) { b.rating(name, *spec.rating, value); continue; }
        switch (spec.column) {
            case EntryField::id: b.id(name, value); break;
            case EntryField::time: b.time(name, value); break;
            case EntryField::zone: b.zone(name, value); break;
            case EntryField::day: b.day(name, value); break;
            case EntryField::sleep_hours: b.sleep(name, value); break;
            case EntryField::note: b.note(name, value); break;
            case EntryField::tags: b.tag_list(name, *spec.tag_kind, value); break;
            case EntryField::legacy_medication: b.legacy_medicine_list(name, value); break;
            case EntryField::regions: b.regions(name, value); break;
            case EntryField::qualities: b.qualities(name, value); break;
            default: break;
        }
    }
    b.finish("time", "day", before);
    auto doses = b.legacy_doses();
    return {std::move(b.entry), std::move(doses)};
}

// Reads a doses file (`export --what doses`) after its header.
detail::CsvRecord doses_csv_reader(const CsvRow& header, Problems& problems, const ImportRules& rules, ImportSink& sink) {
    std::vector<bool> known;
    auto names = header_names<bool>(
        header,
        [](const std::string& name) {
            return std::ranges::find(dose_csv_columns, name) == dose_csv_columns.end() ? std::nullopt : std::optional(true);
        },
        known,
        fmt::format("unknown column: expected painlog's doses CSV header ({})", fmt::join(dose_csv_columns, ",")),
        {"medicine", "time", "zone"}, problems);
    return [names, &problems, &rules, &sink](const CsvRow& row) {
        detail::NamedValues fields;
        for (std::size_t c = 0; c < names.size(); ++c) fields.emplace_back(names[c], unprotect_csv_field(row.fields[c]));
        auto dose = detail::dose_from_fields(fields, row.line, problems, rules);
        if (dose && problems.count == 0) sink.dose(std::move(*dose));
    };
}

// Reads an events file (`export --what events`) after its header.
detail::CsvRecord events_csv_reader(const CsvRow& header, Problems& problems, const ImportRules& rules, ImportSink& sink) {
    std::vector<bool> known;
    auto names = header_names<bool>(
        header,
        [](const std::string& name) {
            return std::ranges::find(event_csv_columns, name) == event_csv_columns.end() ? std::nullopt : std::optional(true);
        },
        known,
        fmt::format("unknown column: expected painlog's events CSV header ({})", fmt::join(event_csv_columns, ",")),
        {"kind", "time", "zone"}, problems);
    return [names, &problems, &rules, &sink](const CsvRow& row) {
        detail::NamedValues fields;
        for (std::size_t c = 0; c < names.size(); ++c) fields.emplace_back(names[c], unprotect_csv_field(row.fields[c]));
        auto event = detail::event_from_fields(fields, row.line, problems, rules);
        if (event && problems.count == 0) sink.event(std::move(*event));
    };
}

detail::CsvRecord entries_csv_reader(const CsvRow& header, Problems& problems, const ImportRules& rules, ImportSink& sink) {
    std::vector<ColumnSpec> specs;
    auto names = header_names<ColumnSpec>(
        header, [](const std::string& name) { return detail::column_named(name); }, specs,
        "unknown column: expected painlog's CSV header (id,time,zone,day,pain,mood,…), "
        "or use --format daylio for a Daylio export",
        {"time", "zone"}, problems);
    return [names, specs, &problems, &rules, &sink](const CsvRow& row) {
        auto [entry, doses] = entry_from_row(row, names, specs, problems, rules);
        if (problems.count != 0) return;
        sink.entry(std::move(entry));
        for (auto& dose : doses) sink.dose(std::move(dose));
    };
}

}  // namespace

std::vector<ImportProblem> read_painlog_csv(std::istream& in, const ImportRules& rules, ImportSink& sink) {
    return detail::read_csv_records(in, "empty file: expected a header row (time,zone,…)",
                                    [&](const CsvRow& header, Problems& problems) {
                                        for (const auto& raw : header.fields) {
                                            auto name = unprotect_csv_field(raw);
                                            if (name == "kind") return events_csv_reader(header, problems, rules, sink);
                                            if (name == "medicine") return doses_csv_reader(header, problems, rules, sink);
                                        }
                                        return entries_csv_reader(header, problems, rules, sink);
                                    });
}

ParsedImport parse_painlog_csv(std::string_view text, const ImportRules& rules) {
    return detail::collect([&](ImportSink& sink) {
        std::istringstream in{std::string(text)};
        return read_painlog_csv(in, rules, sink);
    });
}

void write_entries_csv(Diary& diary, const EntryQuery& query, std::ostream& out) {
    out << csv_record(entry_csv_header());
    diary.for_each_entry(query, [&](Entry e) { out << csv_record(entry_csv_fields(e)); });
}

void write_events_csv(const std::vector<Event>& events, std::ostream& out) {
    out << csv_record({event_csv_columns.begin(), event_csv_columns.end()});
    for (const auto& e : events) {
        auto j = event_json(e);
        out << csv_record({std::to_string(e.id), j["kind"].get<std::string>(), e.label, j["time"].get<std::string>(),
                           e.zone, j["day"].get<std::string>(), e.note,
                           e.not_given ? std::string(name_of(*e.not_given)) : std::string()});
    }
}

void write_doses_csv(const std::vector<Dose>& doses, std::ostream& out) {
    out << csv_record({dose_csv_columns.begin(), dose_csv_columns.end()});
    for (const auto& d : doses) {
        auto j = dose_json(d);
        out << csv_record({std::to_string(d.id), d.medicine, d.amount ? format_decimal(d.amount->value) : "",
                           d.amount ? std::string(name_of(d.amount->unit)) : "",
                           d.as_needed ? (*d.as_needed ? "true" : "false") : "", j["time"].get<std::string>(), d.zone,
                           j["day"].get<std::string>(), d.note});
    }
}

}  // namespace painlog
