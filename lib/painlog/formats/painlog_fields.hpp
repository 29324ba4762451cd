// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The rules for the fields of painlog's own entries and events, in one place
// because its CSV and its JSON reader must accept exactly the same values
// (Daylio's reader has rules of its own).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "painlog/formats/import_detail.hpp"
#include "painlog/formats/import_plan.hpp"
#include "painlog/model/entry.hpp"
#include "painlog/model/event.hpp"
#include "painlog/model/medicine.hpp"

namespace painlog::detail {

// The fields of painlog's entry CSV columns and JSON keys, other than the
// tags; legacy_medication is the tags_medication column (tags.medication in
// JSON) of exports before painlog 0.2, whose names become doses.
enum class EntryField { id, time, zone, day, pain, mood, energy, sleep_hours, sleep_quality, activity, note, tags,
                        legacy_medication, regions, qualities };

struct ColumnSpec {
    EntryField column;
    std::optional<Rating> rating;
    std::optional<TagKind> tag_kind;
};

std::optional<ColumnSpec> column_named(std::string_view name);

// Builds one entry from named text values, collecting problems. Used by both
// the CSV and the JSON parsers so that they accept exactly the same values.
struct EntryBuilder {
    Entry entry;
    bool has_time = false, has_zone = false, day_given = false;
    std::size_t line;
    Problems& problems;
    const ImportRules& rules;

    EntryBuilder(std::size_t at_line, Problems& p, const ImportRules& r) : line(at_line), problems(p), rules(r) {}

    void id(std::string_view column, std::string_view text);
    void time(std::string_view column, std::string_view text);
    void zone(std::string_view column, std::string_view text);
    void day(std::string_view column, std::string_view text);
    void rating(std::string_view column, Rating r, std::string_view text);
    void sleep(std::string_view column, std::string_view text);
    void tag(std::string_view column, TagKind kind, std::string_view text);
    void tag_list(std::string_view column, TagKind kind, std::string_view text);
    void note(std::string_view column, std::string_view text);
    // Body regions or pain qualities: names separated by ';' or ',' (any
    // spelling `painlog add --where` takes), or empty.
    void regions(std::string_view column, std::string_view text);
    void qualities(std::string_view column, std::string_view text);
    void legacy_medicine(std::string_view column, std::string_view text);
    void legacy_medicine_list(std::string_view column, std::string_view text);
    // The doses the legacy medicines stand for: at the entry's time, without
    // an amount or an as-needed flag, as schema v7 migrated them.
    [[nodiscard]] std::vector<Dose> legacy_doses() const;
    std::vector<std::string> legacy_medicines;
    // The checks that need several fields; returns whether the entry is good.
    void finish(std::string_view time_column, std::string_view day_column, std::size_t problems_before);
};

using NamedValues = std::vector<std::pair<std::string, std::string>>;

// One event from named text values (a CSV row or a JSON object's strings).
std::optional<Event> event_from_fields(const NamedValues& fields, std::size_t line, Problems& problems,
                                       const ImportRules& rules);

// One dose from named text values: a CSV row, or a JSON object's values as
// text (numbers as written, true/false, null as empty).
std::optional<Dose> dose_from_fields(const NamedValues& fields, std::size_t line, Problems& problems,
                                     const ImportRules& rules);

}  // namespace painlog::detail
