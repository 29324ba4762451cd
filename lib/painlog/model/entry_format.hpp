// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Entries rendered for people (a table) and for programs (JSON, CSV).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/entry.hpp"
#include "painlog/util/table.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

// Fits its width (80 columns unless told): id, diary day, local time, the
// ratings, then where it hurts, tags and the note's first characters.
// Regions and qualities show compactly: @feet,lower-back (both feet and the
// lower back) ~burning,tingling; tags: walk (activity), +heat (better),
// -cold (worse), !nausea (side effect).
// Written a row at a time, for a listing of any length; `largest_id` (of the
// entries to come) sizes the ID column.
class EntryTable {
public:
    // `width`: the columns the table may fill; the note is cut to fit.
    EntryTable(std::int64_t largest_id, Color color, std::size_t width = 80);
    [[nodiscard]] std::string header() const;
    [[nodiscard]] std::string row(const Entry& entry) const;

private:
    TextTable table_;
    std::vector<std::size_t> widths_;
    Color color_;
};
// Every field of one entry, one per line, for `show`.
[[nodiscard]] std::string entry_details(const Entry& entry, Color color);
[[nodiscard]] std::string compact_tags(const std::vector<Tag>& tags);
// "pain 6, mood 4, sleep 7.5 h, @feet ~burning, walk +heat": the values in one short line.
[[nodiscard]] std::string entry_brief(const Entry& entry);

// {"id","time","zone","day","pain","mood","energy","sleep_hours",
//  "sleep_quality","activity","note","tags":{"activity":[…],"better":[…],
//  "worse":[…],"side_effect":[…]},"regions":[…],"qualities":[…]}; absent
// values are null. Medicines are doses (dose_json), no longer tags.
[[nodiscard]] nlohmann::ordered_json entry_json(const Entry& entry);
[[nodiscard]] nlohmann::ordered_json entries_json(const std::vector<Entry>& entries);

// One header row, then one row per entry; tags as ;-separated lists per
// kind, then the note, then regions and qualities as ;-separated names.
[[nodiscard]] std::vector<std::string> entry_csv_header();
// A CSV tags_<kind> field: the kind's names joined by ';'. A backslash or
// ';' inside a name is written with a backslash before it, so that any tag
// survives a round trip.
[[nodiscard]] std::string tag_list_field(const std::vector<Tag>& tags, TagKind kind);
// Its inverse. A backslash before any other character stays as it is:
// exports before painlog 0.2 wrote backslashes unescaped.
[[nodiscard]] std::vector<std::string> split_tag_list_field(std::string_view field);
[[nodiscard]] std::vector<std::string> entry_csv_fields(const Entry& entry);
[[nodiscard]] std::string entries_csv(const std::vector<Entry>& entries);

[[nodiscard]] std::string format_sleep_hours(double hours);  // 7.5, 8.0

}  // namespace painlog
