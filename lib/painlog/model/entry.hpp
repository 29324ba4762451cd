// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A diary entry and the rules for its values.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "painlog/time/time.hpp"

namespace painlog {

// Medicines were a tag kind before painlog 0.2; they are doses now
// (medicine.hpp), and schema v7 moved the tags there.
enum class TagKind { activity, better, worse, side_effect };
inline constexpr std::array all_tag_kinds{TagKind::activity, TagKind::better, TagKind::worse, TagKind::side_effect};

[[nodiscard]] std::string_view name_of(TagKind kind);  // activity, better, worse, side-effect
[[nodiscard]] std::optional<TagKind> tag_kind_named(std::string_view name);

struct Tag {
    TagKind kind;
    std::string name;
    friend bool operator==(const Tag&, const Tag&) = default;
    friend auto operator<=>(const Tag&, const Tag&) = default;
};

// The 0–10 ratings an entry may carry. Pain: 0 none, 10 worst imaginable;
// the others: 0 worst, 10 best.
enum class Rating { pain, mood, energy, sleep_quality, activity };
inline constexpr std::array all_ratings{Rating::pain, Rating::mood, Rating::energy, Rating::sleep_quality,
                                        Rating::activity};
[[nodiscard]] std::string_view name_of(Rating rating);  // pain, mood, energy, sleep_quality, activity
// What the rating asks and what its ends mean, e.g. "Pain (0 none, 10 worst imaginable)".
[[nodiscard]] std::string_view question_of(Rating rating);

struct Entry {
    std::int64_t id = 0;  // 0 until stored
    Instant at;
    std::string zone;     // IANA name the entry was recorded in
    Day day;              // diary day
    std::array<std::optional<int>, all_ratings.size()> ratings{};
    std::optional<double> sleep_hours;  // last night, 0–24, one decimal
    std::string note;
    std::vector<Tag> tags;  // sorted, no duplicates
    // Where it hurts and how it feels (body.hpp): stable names in
    // vocabulary order, each once (add_region, add_quality).
    std::vector<std::string> regions;
    std::vector<std::string> qualities;

    [[nodiscard]] std::optional<int>& rating(Rating r) { return ratings[static_cast<std::size_t>(r)]; }
    [[nodiscard]] const std::optional<int>& rating(Rating r) const { return ratings[static_cast<std::size_t>(r)]; }
    [[nodiscard]] bool has_values() const;
    friend bool operator==(const Entry&, const Entry&) = default;
};

// Parsers for user text. Each throws InputError naming `option` and the
// value, and saying what was expected.
[[nodiscard]] int parse_rating(std::string_view text, std::string_view option);
[[nodiscard]] double parse_sleep_hours(std::string_view text, std::string_view option);
// Trims, lower-cases ASCII and rejects empty names, control characters and
// names over 64 bytes, so "Walk " and "walk" are the same tag.
[[nodiscard]] std::string normalize_tag(std::string_view text, std::string_view option);
// User text: UTF-8 of at most `max_bytes` without control characters (C0,
// DEL, and C1, U+0080 to U+009F), tabs allowed, newlines as `lines` says.
// Returns it unchanged; throws InputError naming `what` and the problem.
enum class TextLines { one, many };
[[nodiscard]] std::string validate_text(std::string_view text, std::string_view what, std::size_t max_bytes,
                                        TextLines lines);
// A note: validate_text with newlines, at most 4000 bytes.
[[nodiscard]] std::string validate_note(std::string_view text, std::string_view option);

// Adds a tag keeping the list sorted and free of duplicates.
void add_tag(std::vector<Tag>& tags, TagKind kind, std::string_view name);

}  // namespace painlog
