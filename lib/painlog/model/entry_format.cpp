// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/entry_format.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/model/body.hpp"
#include "painlog/util/csv.hpp"
#include "painlog/util/table.hpp"

namespace painlog {
namespace {

std::string json_key(TagKind kind) {
    std::string key(name_of(kind));
    for (auto& c : key)
        if (c == '-') c = '_';
    return key;
}

std::string rating_text(const std::optional<int>& value) { return value ? std::to_string(*value) : ""; }

Style pain_style(const std::optional<int>& pain) {
    if (!pain) return Style::plain;
    return *pain >= 7 ? Style::bad : *pain >= 4 ? Style::warn : Style::good;
}

std::string tags_of_kind(const std::vector<Tag>& tags, TagKind kind, std::string_view separator) {
    std::string out;
    for (const auto& tag : tags)
        if (tag.kind == kind) out += (out.empty() ? "" : std::string(separator)) + tag.name;
    return out;
}

}  // namespace

std::string format_sleep_hours(double hours) { return fmt::format("{:.1f}", hours); }

std::string compact_tags(const std::vector<Tag>& tags) {
    std::string out;
    for (const auto& tag : tags) {
        std::string_view mark = tag.kind == TagKind::better      ? "+"
                                : tag.kind == TagKind::worse       ? "-"
                                : tag.kind == TagKind::side_effect ? "!"
                                                                   : "";
        out += fmt::format("{}{}{}", out.empty() ? "" : " ", mark, tag.name);
    }
    return out;
}

// Both sides of a pair shown as its group: "feet" for left-foot and right-foot.
std::vector<std::string> grouped_regions(const std::vector<std::string>& regions) {
    std::vector<std::string> out = regions;
    for (const auto& g : region_groups()) {
        auto left = std::ranges::find(out, g.left);
        if (left == out.end() || std::ranges::find(out, g.right) == out.end()) continue;
        *left = std::string(g.name);
        std::erase(out, std::string(g.right));
    }
    return out;
}

std::string compact_body(const Entry& e) {
    std::string out;
    if (!e.regions.empty()) out = "@" + joined_names(grouped_regions(e.regions), ",");
    if (!e.qualities.empty()) out += (out.empty() ? "~" : " ~") + joined_names(e.qualities, ",");
    return out;
}

std::string entry_brief(const Entry& e) {
    std::vector<std::string> parts;
    for (auto r : all_ratings) {
        if (!e.rating(r)) continue;
        std::string name(name_of(r));
        std::ranges::replace(name, '_', ' ');
        parts.push_back(fmt::format("{} {}", name, *e.rating(r)));
    }
    if (e.sleep_hours) parts.push_back(fmt::format("sleep {} h", format_sleep_hours(*e.sleep_hours)));
    if (auto body = compact_body(e); !body.empty()) parts.push_back(body);
    if (!e.tags.empty()) parts.push_back(compact_tags(e.tags));
    if (!e.note.empty()) parts.push_back("note");
    return fmt::format("{}", fmt::join(parts, ", "));
}

EntryTable::EntryTable(std::int64_t largest_id, Color color, std::size_t width)
    : table_({{"ID", Align::right},
              {"Day"},
              {"Time"},
              {"Pain", Align::right},
              {"Mood", Align::right},
              {"Enrg", Align::right},
              {"Sleep", Align::right},
              {"Qual", Align::right},
              {"Act", Align::right},
              {"Tags and note"}}),
      color_(color) {
    // Every column but the first is as wide as its header or its widest
    // possible value (the last takes what the others leave of the width),
    // so one row of those sizes the table.
    table_.add_row({{std::to_string(largest_id)}, {"0000-00-00"}, {"00:00"}, {"10"}, {"10"}, {"10"}, {"24.0"},
                    {"10"}, {"10"}, {std::string(width, 'x')}});
    widths_ = table_.widths(width);
}

std::string EntryTable::header() const { return table_.header_line(widths_, color_); }

std::string EntryTable::row(const Entry& e) const {
    auto local = date::make_zoned(stored_zone(e.zone), e.at).get_local_time();
    auto body = compact_body(e);
    auto tags = compact_tags(e.tags);
    if (!body.empty()) tags = tags.empty() ? body : body + " " + tags;
    auto note = one_line(e.note);
    auto last = tags.empty() ? note : note.empty() ? tags : tags + " · " + note;
    return table_.line({{std::to_string(e.id), Style::dim},
                        {format_day(e.day)},
                        {date::format("%H:%M", local)},
                        {rating_text(e.rating(Rating::pain)), pain_style(e.rating(Rating::pain))},
                        {rating_text(e.rating(Rating::mood))},
                        {rating_text(e.rating(Rating::energy))},
                        {e.sleep_hours ? format_sleep_hours(*e.sleep_hours) : ""},
                        {rating_text(e.rating(Rating::sleep_quality))},
                        {rating_text(e.rating(Rating::activity))},
                        {last}},
                       widths_, color_);
}


std::string entry_details(const Entry& e, Color color) {
    std::string out;
    auto field = [&](std::string_view label, const std::string& value) {
        if (!value.empty()) out += styled(pad_right(label, 14), Style::bold, color) + value + "\n";
    };
    field("Entry", std::to_string(e.id));
    field("Time", format_local(e.at, stored_zone(e.zone)) + " (" + e.zone + ")");
    field("Diary day", format_day(e.day));
    field("Pain", rating_text(e.rating(Rating::pain)));
    field("Mood", rating_text(e.rating(Rating::mood)));
    field("Energy", rating_text(e.rating(Rating::energy)));
    field("Sleep", e.sleep_hours ? format_sleep_hours(*e.sleep_hours) + " h" : "");
    field("Sleep quality", rating_text(e.rating(Rating::sleep_quality)));
    field("Activity", rating_text(e.rating(Rating::activity)));
    field("Where", joined_names(e.regions, ", "));
    field("Feels", joined_names(e.qualities, ", "));
    constexpr std::array tag_labels{"Activities", "Better with", "Worse with", "Side effects", "Medication"};
    for (auto kind : all_tag_kinds) field(tag_labels[static_cast<std::size_t>(kind)], tags_of_kind(e.tags, kind, ", "));
    field("Note", e.note);
    return out;
}

nlohmann::ordered_json entry_json(const Entry& e) {
    nlohmann::ordered_json j;
    j["id"] = e.id;
    j["time"] = format_local(e.at, stored_zone(e.zone));
    j["zone"] = e.zone;
    j["day"] = format_day(e.day);
    auto put = [&](Rating r) {
        j[std::string(name_of(r))] = e.rating(r) ? nlohmann::ordered_json(*e.rating(r)) : nullptr;
    };
    put(Rating::pain);
    put(Rating::mood);
    put(Rating::energy);
    j["sleep_hours"] = e.sleep_hours ? nlohmann::ordered_json(*e.sleep_hours) : nullptr;
    put(Rating::sleep_quality);
    put(Rating::activity);
    j["note"] = e.note;
    auto& tags = j["tags"] = nlohmann::ordered_json::object();
    for (auto kind : all_tag_kinds) {
        auto& list = tags[json_key(kind)] = nlohmann::ordered_json::array();
        for (const auto& tag : e.tags)
            if (tag.kind == kind) list.push_back(tag.name);
    }
    j["regions"] = e.regions;
    j["qualities"] = e.qualities;
    return j;
}

nlohmann::ordered_json entries_json(const std::vector<Entry>& entries) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& e : entries) list.push_back(entry_json(e));
    return list;
}

std::vector<std::string> entry_csv_header() {
    std::vector<std::string> header{"id",          "time",          "zone",     "day",   "pain",
                                    "mood",        "energy",        "sleep_hours", "sleep_quality", "activity"};
    for (auto kind : all_tag_kinds) header.push_back("tags_" + json_key(kind));
    header.insert(header.end(), {"note", "regions", "qualities"});
    return header;
}

std::vector<std::string> entry_csv_fields(const Entry& e) {
    std::vector<std::string> fields{std::to_string(e.id),
                                    format_local(e.at, stored_zone(e.zone)),
                                    e.zone,
                                    format_day(e.day),
                                    rating_text(e.rating(Rating::pain)),
                                    rating_text(e.rating(Rating::mood)),
                                    rating_text(e.rating(Rating::energy)),
                                    e.sleep_hours ? format_sleep_hours(*e.sleep_hours) : "",
                                    rating_text(e.rating(Rating::sleep_quality)),
                                    rating_text(e.rating(Rating::activity))};
    for (auto kind : all_tag_kinds) fields.push_back(tag_list_field(e.tags, kind));
    fields.insert(fields.end(), {e.note, joined_names(e.regions, ";"), joined_names(e.qualities, ";")});
    return fields;
}

std::string tag_list_field(const std::vector<Tag>& tags, TagKind kind) {
    std::string out;
    for (const auto& tag : tags) {
        if (tag.kind != kind) continue;
        if (!out.empty()) out += ';';
        for (char c : tag.name) {
            if (c == '\\' || c == ';') out += '\\';
            out += c;
        }
    }
    return out;
}

std::vector<std::string> split_tag_list_field(std::string_view field) {
    std::vector<std::string> names(1);
    for (std::size_t i = 0; i < field.size(); ++i) {
        char c = field[i];
        bool escaped = c == '\\' && i + 1 < field.size() && (field[i + 1] == '\\' || field[i + 1] == ';');
        if (escaped) names.back() += field[++i];
        else if (c == ';') names.emplace_back();
        else names.back() += c;
    }
    return names;
}

std::string entries_csv(const std::vector<Entry>& entries) {
    std::string out = csv_record(entry_csv_header());
    for (const auto& e : entries) out += csv_record(entry_csv_fields(e));
    return out;
}

}  // namespace painlog
