// SPDX-License-Identifier: GPL-3.0-or-later
// The field checks of painlog_fields.hpp, compiled once for both of
// painlog's readers (painlog_csv.cpp, painlog_json.cpp).

#include "painlog/formats/painlog_fields.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "painlog/model/body.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/time/time.hpp"
#include "painlog/time/zone.hpp"
#include "painlog/util/error.hpp"

namespace painlog::detail {

std::optional<ColumnSpec> column_named(std::string_view name) {
    static const std::map<std::string, ColumnSpec, std::less<>> columns = [] {
        std::map<std::string, ColumnSpec, std::less<>> m{
            {"id", {EntryField::id, {}, {}}},
            {"time", {EntryField::time, {}, {}}},
            {"zone", {EntryField::zone, {}, {}}},
            {"day", {EntryField::day, {}, {}}},
            {"sleep_hours", {EntryField::sleep_hours, {}, {}}},
            {"note", {EntryField::note, {}, {}}},
            {"tags_medication", {EntryField::legacy_medication, {}, {}}},
            {"regions", {EntryField::regions, {}, {}}},
            {"qualities", {EntryField::qualities, {}, {}}},
        };
        for (auto r : all_ratings) m[std::string(name_of(r))] = {EntryField::pain, r, {}};
        for (auto k : all_tag_kinds) {
            std::string key = "tags_" + std::string(name_of(k));
            std::ranges::replace(key, '-', '_');
            m[key] = {EntryField::tags, {}, k};
        }
        return m;
    }();
    auto it = columns.find(name);
    if (it == columns.end()) return std::nullopt;
    return it->second;
}

void EntryBuilder::id(std::string_view column, std::string_view text) {
    if (text.empty()) return;
    if (auto value = detail::parse_positive_id(text)) entry.id = *value;
    else problems.add(line, std::string(column), fmt::format("{}: expected a positive whole number", text));
}

void EntryBuilder::time(std::string_view column, std::string_view text) {
    std::string problem;
    if (auto at = detail::parse_time(text, rules, problem)) {
        entry.at = *at;
        has_time = true;
    } else {
        problems.add(line, std::string(column), problem);
    }
}

void EntryBuilder::zone(std::string_view column, std::string_view text) {
    entry.zone = std::string(text);
    if (Zone::find(entry.zone)) has_zone = true;
    else problems.add(line, std::string(column), detail::zone_problem(text));
}

void EntryBuilder::day(std::string_view column, std::string_view text) {
    if (text.empty()) return;
    if (auto d = parse_iso_day(text)) {
        entry.day = *d;
        day_given = true;
    } else {
        problems.add(line, std::string(column), fmt::format("{}: expected a date like 2026-11-22", text));
    }
}

void EntryBuilder::rating(std::string_view column, Rating r, std::string_view text) {
    if (text.empty()) return;
    try {
        entry.rating(r) = parse_rating(text, "");
    } catch (const InputError& e) {
        problems.add(line, std::string(column), detail::problem_text(e));
    }
}

void EntryBuilder::sleep(std::string_view column, std::string_view text) {
    if (text.empty()) return;
    try {
        entry.sleep_hours = parse_sleep_hours(text, "");
    } catch (const InputError& e) {
        problems.add(line, std::string(column), detail::problem_text(e));
    }
}

void EntryBuilder::tag(std::string_view column, TagKind kind, std::string_view text) {
    try {
        add_tag(entry.tags, kind, normalize_tag(text, ""));
    } catch (const InputError& e) {
        problems.add(line, std::string(column), detail::problem_text(e));
    }
}

void EntryBuilder::tag_list(std::string_view column, TagKind kind, std::string_view text) {
    // Most fields are empty or hold one plain tag: no list to split.
    if (text.find_first_of(";\\") == std::string_view::npos) {
        if (text.find_first_not_of(" \t") != std::string_view::npos) tag(column, kind, text);
        return;
    }
    for (const auto& piece : split_tag_list_field(text))
        if (piece.find_first_not_of(" \t") != std::string_view::npos) tag(column, kind, piece);
}

void EntryBuilder::note(std::string_view column, std::string_view text) {
    try {
        entry.note = validate_note(text, "");
    } catch (const InputError& e) {
        problems.add(line, std::string(column), detail::problem_text(e));
    }
}

namespace {

// Names as parse_regions and parse_qualities take them: ';' (the CSV's
// list separator) read as ','.
template <typename Parse, typename Add>
void add_names(EntryBuilder& b, std::string_view column, std::string_view text, Parse parse, Add add,
               std::vector<std::string>& names) {
    if (text.find_first_not_of(" \t;,") == std::string_view::npos) return;
    std::string list(text);
    std::ranges::replace(list, ';', ',');
    try {
        for (const auto& name : parse(list, "")) add(names, name);
    } catch (const InputError& e) {
        b.problems.add(b.line, std::string(column), detail::problem_text(e));
    }
}

}  // namespace

void EntryBuilder::regions(std::string_view column, std::string_view text) {
    add_names(*this, column, text, parse_regions, add_region, entry.regions);
}

void EntryBuilder::qualities(std::string_view column, std::string_view text) {
    add_names(*this, column, text, parse_qualities, add_quality, entry.qualities);
}

void EntryBuilder::legacy_medicine(std::string_view column, std::string_view text) {
    try {
        auto name = normalize_tag(text, "");
        if (std::ranges::find(legacy_medicines, name) == legacy_medicines.end()) legacy_medicines.push_back(name);
    } catch (const InputError& e) {
        problems.add(line, std::string(column), detail::problem_text(e));
    }
}

void EntryBuilder::legacy_medicine_list(std::string_view column, std::string_view text) {
    for (const auto& piece : split_tag_list_field(text))
        if (piece.find_first_not_of(" \t") != std::string_view::npos) legacy_medicine(column, piece);
}

std::vector<Dose> EntryBuilder::legacy_doses() const {
    std::vector<Dose> doses;
    for (const auto& name : legacy_medicines) {
        Dose dose;
        dose.medicine = name;
        dose.at = entry.at;
        dose.zone = entry.zone;
        dose.day = entry.day;
        doses.push_back(std::move(dose));
    }
    std::ranges::sort(doses, {}, &Dose::medicine);
    return doses;
}

void EntryBuilder::finish(std::string_view time_column, std::string_view day_column, std::size_t problems_before) {
    if (problems.count != problems_before) return;
    if (!has_time) return problems.add(line, std::string(time_column), "missing: expected a time");
    if (!has_zone) return problems.add(line, "zone", "missing: expected an IANA time zone name");
    // An entry without values is kept: painlog before 0.2 let an edit
    // clear every value, and an export of such a diary must restore.
    if (auto message = check_diary_day(entry.at, entry.zone, entry.day, day_given, rules); !message.empty())
        problems.add(line, std::string(day_column), message);
}

std::optional<Event> event_from_fields(const NamedValues& fields, std::size_t line, Problems& problems,
                                       const ImportRules& rules) {
    auto before = problems.count;
    Event event;
    std::string time_text;
    bool has_kind = false, has_time = false, has_zone = false, day_given = false;
    for (const auto& [name, value] : fields) {
        try {
            if (name == "id") {
                if (value.empty()) continue;
                if (auto id = detail::parse_positive_id(value)) event.id = *id;
                else problems.add(line, name, fmt::format("{}: expected a positive whole number", value));
            } else if (name == "kind") {
                has_kind = true;
                event.kind = parse_event_kind(value, "");
            } else if (name == "label") {
                event.label = validate_event_label(value, "");
            } else if (name == "time") {
                time_text = value;
                has_time = true;
            } else if (name == "zone") {
                event.zone = value;
                if (Zone::find(value)) has_zone = true;
                else problems.add(line, name, detail::zone_problem(value));
            } else if (name == "day") {
                if (value.empty()) continue;
                if (auto d = parse_iso_day(value)) event.day = *d, day_given = true;
                else problems.add(line, name, fmt::format("{}: expected a date like 2026-11-22", value));
            } else if (name == "note") {
                event.note = validate_note(value, "");
            } else if (name == "not_given") {
                if (!value.empty()) event.not_given = parse_not_given(value, "");
            } else {
                problems.add(line, name, "unknown key: expected the keys of painlog's event JSON");
            }
        } catch (const InputError& e) {
            problems.add(line, name, detail::problem_text(e));
        }
    }
    if (!has_kind) problems.add(line, "kind", "missing: expected infusion, appointment, medication-change or other");
    if (!has_time) problems.add(line, "time", "missing: expected a time");
    if (!has_zone && problems.count == before) problems.add(line, "zone", "missing: expected an IANA time zone name");
    if (problems.count != before) return std::nullopt;
    // Only appointments and infusions may be booked ahead (event.hpp).
    bool may_be_ahead = event.kind == EventKind::appointment || event.kind == EventKind::infusion;
    auto rules_for_kind = rules;
    if (may_be_ahead) rules_for_kind.now = Instant::max();
    std::string problem;
    if (auto at = detail::parse_time(time_text, rules_for_kind, problem)) {
        event.at = *at;
    } else {
        problems.add(line, "time",
                     problem + (may_be_ahead ? "" : "; only appointments and infusions may be in the future"));
        return std::nullopt;
    }
    if (auto message = check_diary_day(event.at, event.zone, event.day, day_given, rules); !message.empty()) {
        problems.add(line, "day", message);
        return std::nullopt;
    }
    return event;
}

namespace {

void dose_amount_fields(Dose& dose, std::string_view amount, std::string_view unit, std::size_t line,
                        Problems& problems) {
    if (amount.empty() && unit.empty()) return;
    if (amount.empty() || unit.empty())
        return problems.add(line, amount.empty() ? "amount" : "unit", "missing: expected an amount and a unit together");
    auto parsed_unit = dose_unit_named(unit);
    if (!parsed_unit || name_of(*parsed_unit) != unit)
        return problems.add(line, "unit", fmt::format("{}: expected mg, mcg, g, ml, tablet, capsule, drop, puff, "
                                                      "patch or mcg/h", unit));
    try {
        dose.amount = parse_dose_amount(fmt::format("{}{}", amount, unit), "");
    } catch (const InputError& e) {
        return problems.add(line, "amount", detail::problem_text(e));
    }
    if (const auto* info = find_medicine(dose.medicine); info && !info->allows(dose.amount->unit))
        problems.add(line, "unit", fmt::format("{}: {} does not come in {}", unit, info->name, unit));
}

}  // namespace

std::optional<Dose> dose_from_fields(const NamedValues& fields, std::size_t line, Problems& problems,
                                     const ImportRules& rules) {
    auto before = problems.count;
    Dose dose;
    std::string time_text, amount, unit;
    bool has_medicine = false, has_time = false, has_zone = false, day_given = false;
    for (const auto& [name, value] : fields) {
        try {
            if (name == "id") {
                if (value.empty()) continue;
                if (auto id = detail::parse_positive_id(value)) dose.id = *id;
                else problems.add(line, name, fmt::format("{}: expected a positive whole number", value));
            } else if (name == "medicine") {
                has_medicine = true;
                dose.medicine = normalize_tag(value, "");
            } else if (name == "amount") {
                amount = value;
            } else if (name == "unit") {
                unit = value;
            } else if (name == "as_needed") {
                if (value == "true" || value == "false") dose.as_needed = value == "true";
                else if (!value.empty()) problems.add(line, name, fmt::format("{}: expected true, false or empty", value));
            } else if (name == "time") {
                time_text = value;
                has_time = true;
            } else if (name == "zone") {
                dose.zone = value;
                if (Zone::find(value)) has_zone = true;
                else problems.add(line, name, detail::zone_problem(value));
            } else if (name == "day") {
                if (value.empty()) continue;
                if (auto d = parse_iso_day(value)) dose.day = *d, day_given = true;
                else problems.add(line, name, fmt::format("{}: expected a date like 2026-11-22", value));
            } else if (name == "note") {
                dose.note = validate_note(value, "");
            } else {
                problems.add(line, name, "unknown key: expected the keys of painlog's dose JSON");
            }
        } catch (const InputError& e) {
            problems.add(line, name, detail::problem_text(e));
        }
    }
    if (!has_medicine) problems.add(line, "medicine", "missing: expected a medicine's name");
    if (!has_time) problems.add(line, "time", "missing: expected a time");
    if (!has_zone && problems.count == before) problems.add(line, "zone", "missing: expected an IANA time zone name");
    if (problems.count != before) return std::nullopt;
    dose_amount_fields(dose, amount, unit, line, problems);
    std::string problem;
    if (auto at = detail::parse_time(time_text, rules, problem)) dose.at = *at;
    else problems.add(line, "time", problem);
    if (problems.count != before) return std::nullopt;
    if (auto message = check_diary_day(dose.at, dose.zone, dose.day, day_given, rules); !message.empty()) {
        problems.add(line, "day", message);
        return std::nullopt;
    }
    return dose;
}

}  // namespace painlog::detail
