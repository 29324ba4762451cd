#pragma once
// Entries rendered for people (a table) and for programs (JSON, CSV).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/entry.hpp"
#include "painlog/text.hpp"

namespace painlog {

// Fits 80 columns: id, diary day, local time, the ratings, then tags and the
// note's first characters. Tags show compactly: walk (activity), +heat
// (better), -cold (worse), !nausea (side effect), Rx:name (medication).
[[nodiscard]] std::string entries_table(const std::vector<Entry>& entries, Color color);
// Every field of one entry, one per line, for `show`.
[[nodiscard]] std::string entry_details(const Entry& entry, Color color);
[[nodiscard]] std::string compact_tags(const std::vector<Tag>& tags);
// "pain 6, mood 4, sleep 7.5 h, walk +heat": the values in one short line.
[[nodiscard]] std::string entry_brief(const Entry& entry);

// {"id","time","zone","day","pain","mood","energy","sleep_hours",
//  "sleep_quality","activity","note","tags":{"activity":[…],"better":[…],
//  "worse":[…],"side_effect":[…],"medication":[…]}}; absent values are null.
[[nodiscard]] nlohmann::ordered_json entry_json(const Entry& entry);
[[nodiscard]] nlohmann::ordered_json entries_json(const std::vector<Entry>& entries);

// One header row, then one row per entry; tags as ;-separated lists per kind.
[[nodiscard]] std::vector<std::string> entry_csv_header();
[[nodiscard]] std::vector<std::string> entry_csv_fields(const Entry& entry);
[[nodiscard]] std::string entries_csv(const std::vector<Entry>& entries);

[[nodiscard]] std::string format_sleep_hours(double hours);  // 7.5, 8.0

}  // namespace painlog
