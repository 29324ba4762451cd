// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where it hurts and how it feels: painlog's fixed vocabularies of body
// regions and pain qualities (body_vocabulary.cpp; painlog-body(1) lists
// them with their sources), the Widespread Pain Index area each region lies
// in, and the parsers that turn what a person types into the stable names an
// entry stores. The names are an interface (the diary, CSV, JSON, FHIR):
// a released name never changes; new ones are appended.

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace painlog {

// The 19 areas of the Widespread Pain Index (Wolfe et al., Arthritis Care
// Res 2010;62:600-610; the 2016 revision, Semin Arthritis Rheum
// 2016;46:319-329), in five regions: left upper (jaw, shoulder girdle, upper
// arm, lower arm), right upper, left lower (hip, upper leg, lower leg),
// right lower, and axial (neck, upper back, lower back, chest, abdomen).
enum class WpiArea : std::uint8_t {
    left_jaw, left_shoulder_girdle, left_upper_arm, left_lower_arm,
    right_jaw, right_shoulder_girdle, right_upper_arm, right_lower_arm,
    left_hip, left_upper_leg, left_lower_leg,
    right_hip, right_upper_leg, right_lower_leg,
    neck, upper_back, lower_back, chest, abdomen,
};
inline constexpr std::size_t wpi_area_count = 19;
// "left-jaw", "left-shoulder-girdle", …, "abdomen".
[[nodiscard]] std::string_view name_of(WpiArea area);
// "left jaw", "left shoulder girdle", …
[[nodiscard]] std::string_view label_of(WpiArea area);
using WpiSet = std::bitset<wpi_area_count>;

// Which outline of the body map shows a region: the front, the back, or
// both (a limb, the head).
enum class View : std::uint8_t { front = 1, back = 2, both = 3 };

struct BodyRegion {
    std::string_view name;   // stable: "left-foot"
    std::string_view label;  // "left foot"
    std::optional<WpiArea> wpi;
    View view = View::front;
    std::span<const std::string_view> aliases;  // normalized spellings: "left-toes"
};

struct PainQuality {
    std::string_view name;   // stable: "electric-shocks"
    std::string_view label;  // "electric shocks"
    // A descriptor of the neuropathic pain screening tools (DN4, NPSI,
    // painDETECT); these come first in the vocabulary.
    bool neuropathic = false;
    std::span<const std::string_view> aliases;
};

// Bounds that sets of regions and qualities are sized by; the vocabularies
// may grow up to them.
inline constexpr std::size_t max_regions = 64;
inline constexpr std::size_t max_qualities = 32;
using RegionSet = std::bitset<max_regions>;    // bit i: body_regions()[i]
using QualitySet = std::bitset<max_qualities>;  // bit i: pain_qualities()[i]

// The vocabularies, head to feet and neuropathic descriptors first.
[[nodiscard]] std::span<const BodyRegion> body_regions();
[[nodiscard]] std::span<const PainQuality> pain_qualities();
// The position of a stable name (as an entry stores it), or nullopt.
[[nodiscard]] std::optional<std::size_t> region_index(std::string_view name);
[[nodiscard]] std::optional<std::size_t> quality_index(std::string_view name);
// The label of a stored name; the name itself when it is not in the vocabulary.
[[nodiscard]] std::string_view region_label(std::string_view name);
[[nodiscard]] std::string_view quality_label(std::string_view name);
// The aliases that stand for both sides: "feet" for left-foot and right-foot.
struct RegionGroup {
    std::string_view name;
    std::string_view left, right;
};
[[nodiscard]] std::span<const RegionGroup> region_groups();

// What a person types, as names: "left-foot", "Left Foot", "l-foot",
// "feet" (both), "left-foot, lower-back" (a comma-separated list).
// Case, spaces and underscores do not matter. Throws InputError naming
// `option` and the word, with the closest names when there are any.
[[nodiscard]] std::vector<std::string> parse_regions(std::string_view text, std::string_view option);
[[nodiscard]] std::vector<std::string> parse_qualities(std::string_view text, std::string_view option);

// Adds a name keeping the list in vocabulary order, each once; a name
// outside the vocabulary (put in the diary by hand) goes after the others.
void add_region(std::vector<std::string>& regions, std::string_view name);
void add_quality(std::vector<std::string>& qualities, std::string_view name);
// The vocabulary's names among `names`, as a set; others are left out.
[[nodiscard]] RegionSet region_set(const std::vector<std::string>& names);
[[nodiscard]] QualitySet quality_set(const std::vector<std::string>& names);
// The WPI areas the regions of a set lie in.
[[nodiscard]] WpiSet wpi_areas(const RegionSet& regions);

// "left-foot right-foot": names joined by spaces, for list and brief lines.
[[nodiscard]] std::string joined_names(const std::vector<std::string>& names, std::string_view separator = " ");

}  // namespace painlog
