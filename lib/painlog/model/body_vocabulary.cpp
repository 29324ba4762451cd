// SPDX-License-Identifier: GPL-3.0-or-later
// The body regions and pain qualities painlog ships (painlog-body(1) lists
// them). Sources:
//  - regions: the areas a pain diary or body chart asks about, with left and
//    right wherever a side can differ and front and back where pain in
//    the same limb differs between them (sciatica runs down the back of the
//    thigh and the calf, the burning of neuropathy is often in the soles).
//    Each region maps to the Widespread Pain Index area it lies in (Wolfe et
//    al. 2010 and 2016: a hip area covers buttock and trochanter, the upper
//    and lower leg the thigh and the shin or calf). Head, face, elbows,
//    hands, flanks, groin, knees, ankles and feet lie in none of the 19
//    areas and map to none: painlog does not guess where the index draws
//    its lines at a joint;
//  - qualities: the descriptors of the neuropathic pain screening tools
//    first — DN4 (Bouhassira et al., Pain 2005;114:29-36: burning, painful
//    cold, electric shocks, tingling, pins and needles, numbness, itching,
//    pain on brushing), NPSI (Bouhassira et al., Pain 2004;108:248-257:
//    burning, squeezing, pressure, electric shocks, stabbing, pain evoked by
//    brushing, pressure or cold, pins and needles, tingling) and painDETECT
//    (Freynhagen et al., Curr Med Res Opin 2006;22:1911-1920: burning,
//    tingling or prickling, pain on light touch, sudden pain attacks like
//    electric shocks, pain on cold or heat, numbness, pain on slight
//    pressure) — then the everyday words for other pain (aching, throbbing,
//    cramping, ...). Single words, not any questionnaire's wording.

#include <array>

#include "painlog/model/body.hpp"

namespace painlog {
namespace {

using enum WpiArea;
using sv = std::string_view;

constexpr std::array<sv, 1> head_aliases{"scalp"};
constexpr std::array<sv, 1> left_face_aliases{"left-cheek"};
constexpr std::array<sv, 1> right_face_aliases{"right-cheek"};
constexpr std::array<sv, 1> left_jaw_aliases{"left-tmj"};
constexpr std::array<sv, 1> right_jaw_aliases{"right-tmj"};
constexpr std::array<sv, 1> left_lower_arm_aliases{"left-forearm"};
constexpr std::array<sv, 1> right_lower_arm_aliases{"right-forearm"};
constexpr std::array<sv, 2> left_hand_aliases{"left-fingers", "left-wrist"};
constexpr std::array<sv, 2> right_hand_aliases{"right-fingers", "right-wrist"};
constexpr std::array<sv, 1> chest_aliases{"sternum"};
constexpr std::array<sv, 2> upper_back_aliases{"thoracic", "mid-back"};
constexpr std::array<sv, 1> left_flank_aliases{"left-side"};
constexpr std::array<sv, 1> right_flank_aliases{"right-side"};
constexpr std::array<sv, 3> abdomen_aliases{"stomach", "belly", "tummy"};
constexpr std::array<sv, 2> lower_back_aliases{"low-back", "lumbar"};
constexpr std::array<sv, 2> tailbone_aliases{"coccyx", "sacrum"};
constexpr std::array<sv, 1> groin_aliases{"pelvis"};
constexpr std::array<sv, 1> left_buttock_aliases{"left-glute"};
constexpr std::array<sv, 1> right_buttock_aliases{"right-glute"};
constexpr std::array<sv, 1> left_thigh_aliases{"left-upper-leg"};
constexpr std::array<sv, 1> right_thigh_aliases{"right-upper-leg"};
constexpr std::array<sv, 1> left_thigh_back_aliases{"left-hamstring"};
constexpr std::array<sv, 1> right_thigh_back_aliases{"right-hamstring"};
constexpr std::array<sv, 1> left_foot_aliases{"left-toes"};
constexpr std::array<sv, 1> right_foot_aliases{"right-toes"};
constexpr std::array<sv, 1> left_sole_aliases{"left-heel"};
constexpr std::array<sv, 1> right_sole_aliases{"right-heel"};

constexpr std::array region_table{
    BodyRegion{"head", "head", std::nullopt, View::both, head_aliases},
    BodyRegion{"left-face", "left face", std::nullopt, View::front, left_face_aliases},
    BodyRegion{"right-face", "right face", std::nullopt, View::front, right_face_aliases},
    BodyRegion{"left-jaw", "left jaw", left_jaw, View::front, left_jaw_aliases},
    BodyRegion{"right-jaw", "right jaw", right_jaw, View::front, right_jaw_aliases},
    BodyRegion{"neck", "neck", neck, View::both, {}},
    BodyRegion{"left-shoulder", "left shoulder", left_shoulder_girdle, View::both, {}},
    BodyRegion{"right-shoulder", "right shoulder", right_shoulder_girdle, View::both, {}},
    BodyRegion{"left-upper-arm", "left upper arm", left_upper_arm, View::both, {}},
    BodyRegion{"right-upper-arm", "right upper arm", right_upper_arm, View::both, {}},
    BodyRegion{"left-elbow", "left elbow", std::nullopt, View::both, {}},
    BodyRegion{"right-elbow", "right elbow", std::nullopt, View::both, {}},
    BodyRegion{"left-lower-arm", "left lower arm", left_lower_arm, View::both, left_lower_arm_aliases},
    BodyRegion{"right-lower-arm", "right lower arm", right_lower_arm, View::both, right_lower_arm_aliases},
    BodyRegion{"left-hand", "left hand", std::nullopt, View::both, left_hand_aliases},
    BodyRegion{"right-hand", "right hand", std::nullopt, View::both, right_hand_aliases},
    BodyRegion{"chest", "chest", chest, View::front, chest_aliases},
    BodyRegion{"upper-back", "upper back", upper_back, View::back, upper_back_aliases},
    BodyRegion{"left-flank", "left flank", std::nullopt, View::both, left_flank_aliases},
    BodyRegion{"right-flank", "right flank", std::nullopt, View::both, right_flank_aliases},
    BodyRegion{"abdomen", "abdomen", abdomen, View::front, abdomen_aliases},
    BodyRegion{"lower-back", "lower back", lower_back, View::back, lower_back_aliases},
    BodyRegion{"tailbone", "tailbone", lower_back, View::back, tailbone_aliases},
    BodyRegion{"groin", "groin", std::nullopt, View::front, groin_aliases},
    BodyRegion{"left-hip", "left hip", left_hip, View::front, {}},
    BodyRegion{"right-hip", "right hip", right_hip, View::front, {}},
    BodyRegion{"left-buttock", "left buttock", left_hip, View::back, left_buttock_aliases},
    BodyRegion{"right-buttock", "right buttock", right_hip, View::back, right_buttock_aliases},
    BodyRegion{"left-thigh", "left thigh (front)", left_upper_leg, View::front, left_thigh_aliases},
    BodyRegion{"right-thigh", "right thigh (front)", right_upper_leg, View::front, right_thigh_aliases},
    BodyRegion{"left-thigh-back", "left thigh (back)", left_upper_leg, View::back, left_thigh_back_aliases},
    BodyRegion{"right-thigh-back", "right thigh (back)", right_upper_leg, View::back, right_thigh_back_aliases},
    BodyRegion{"left-knee", "left knee", std::nullopt, View::both, {}},
    BodyRegion{"right-knee", "right knee", std::nullopt, View::both, {}},
    BodyRegion{"left-shin", "left shin", left_lower_leg, View::front, {}},
    BodyRegion{"right-shin", "right shin", right_lower_leg, View::front, {}},
    BodyRegion{"left-calf", "left calf", left_lower_leg, View::back, {}},
    BodyRegion{"right-calf", "right calf", right_lower_leg, View::back, {}},
    BodyRegion{"left-ankle", "left ankle", std::nullopt, View::both, {}},
    BodyRegion{"right-ankle", "right ankle", std::nullopt, View::both, {}},
    BodyRegion{"left-foot", "left foot", std::nullopt, View::front, left_foot_aliases},
    BodyRegion{"right-foot", "right foot", std::nullopt, View::front, right_foot_aliases},
    BodyRegion{"left-sole", "left sole", std::nullopt, View::back, left_sole_aliases},
    BodyRegion{"right-sole", "right sole", std::nullopt, View::back, right_sole_aliases},
};
static_assert(region_table.size() <= max_regions);

constexpr std::array group_table{
    RegionGroup{"shoulders", "left-shoulder", "right-shoulder"},
    RegionGroup{"upper-arms", "left-upper-arm", "right-upper-arm"},
    RegionGroup{"elbows", "left-elbow", "right-elbow"},
    RegionGroup{"forearms", "left-lower-arm", "right-lower-arm"},
    RegionGroup{"hands", "left-hand", "right-hand"},
    RegionGroup{"hips", "left-hip", "right-hip"},
    RegionGroup{"buttocks", "left-buttock", "right-buttock"},
    RegionGroup{"thighs", "left-thigh", "right-thigh"},
    RegionGroup{"knees", "left-knee", "right-knee"},
    RegionGroup{"shins", "left-shin", "right-shin"},
    RegionGroup{"calves", "left-calf", "right-calf"},
    RegionGroup{"ankles", "left-ankle", "right-ankle"},
    RegionGroup{"feet", "left-foot", "right-foot"},
    RegionGroup{"soles", "left-sole", "right-sole"},
};

constexpr std::array<sv, 2> burning_aliases{"burn", "burns"};
constexpr std::array<sv, 4> electric_aliases{"electric", "electric-shock", "shock", "shocks"};
constexpr std::array<sv, 2> shooting_aliases{"shoot", "shoots"};
constexpr std::array<sv, 2> stabbing_aliases{"stab", "stabs"};
constexpr std::array<sv, 2> tingling_aliases{"tingle", "tingly"};
constexpr std::array<sv, 3> pins_aliases{"pins", "pins-needles", "prickling"};
constexpr std::array<sv, 1> numbness_aliases{"numb"};
constexpr std::array<sv, 2> itching_aliases{"itch", "itchy"};
constexpr std::array<sv, 2> cold_aliases{"cold", "freezing"};
constexpr std::array<sv, 3> touch_aliases{"allodynia", "light-touch", "touch"};
constexpr std::array<sv, 2> squeezing_aliases{"squeeze", "tight"};
constexpr std::array<sv, 4> aching_aliases{"ache", "aches", "achy", "sore"};
constexpr std::array<sv, 3> throbbing_aliases{"throb", "pounding", "pulsing"};
constexpr std::array<sv, 2> cramping_aliases{"cramp", "cramps"};
constexpr std::array<sv, 2> pressing_aliases{"pressure", "press"};
constexpr std::array<sv, 1> stiff_aliases{"stiffness"};
constexpr std::array<sv, 1> heavy_aliases{"heaviness"};

constexpr std::array quality_table{
    PainQuality{"burning", "burning", true, burning_aliases},
    PainQuality{"electric-shocks", "electric shocks", true, electric_aliases},
    PainQuality{"shooting", "shooting", true, shooting_aliases},
    PainQuality{"stabbing", "stabbing", true, stabbing_aliases},
    PainQuality{"tingling", "tingling", true, tingling_aliases},
    PainQuality{"pins-and-needles", "pins and needles", true, pins_aliases},
    PainQuality{"numbness", "numbness", true, numbness_aliases},
    PainQuality{"itching", "itching", true, itching_aliases},
    PainQuality{"painful-cold", "painful cold", true, cold_aliases},
    PainQuality{"pain-on-light-touch", "pain on light touch", true, touch_aliases},
    PainQuality{"squeezing", "squeezing", true, squeezing_aliases},
    PainQuality{"aching", "aching", false, aching_aliases},
    PainQuality{"throbbing", "throbbing", false, throbbing_aliases},
    PainQuality{"cramping", "cramping", false, cramping_aliases},
    PainQuality{"pressing", "pressing", false, pressing_aliases},
    PainQuality{"sharp", "sharp", false, {}},
    PainQuality{"dull", "dull", false, {}},
    PainQuality{"tender", "tender", false, {}},
    PainQuality{"stiff", "stiff", false, stiff_aliases},
    PainQuality{"heavy", "heavy", false, heavy_aliases},
    PainQuality{"gnawing", "gnawing", false, {}},
};
static_assert(quality_table.size() <= max_qualities);

constexpr std::array<sv, wpi_area_count> wpi_names{
    "left-jaw",  "left-shoulder-girdle",  "left-upper-arm",  "left-lower-arm",
    "right-jaw", "right-shoulder-girdle", "right-upper-arm", "right-lower-arm",
    "left-hip",  "left-upper-leg",        "left-lower-leg",
    "right-hip", "right-upper-leg",       "right-lower-leg",
    "neck",      "upper-back",            "lower-back",      "chest", "abdomen",
};
constexpr std::array<sv, wpi_area_count> wpi_labels{
    "left jaw",  "left shoulder girdle",  "left upper arm",  "left lower arm",
    "right jaw", "right shoulder girdle", "right upper arm", "right lower arm",
    "left hip",  "left upper leg",        "left lower leg",
    "right hip", "right upper leg",       "right lower leg",
    "neck",      "upper back",            "lower back",      "chest", "abdomen",
};

}  // namespace

std::span<const BodyRegion> body_regions() { return region_table; }
std::span<const PainQuality> pain_qualities() { return quality_table; }
std::span<const RegionGroup> region_groups() { return group_table; }
std::string_view name_of(WpiArea area) { return wpi_names[static_cast<std::size_t>(area)]; }
std::string_view label_of(WpiArea area) { return wpi_labels[static_cast<std::size_t>(area)]; }

}  // namespace painlog
