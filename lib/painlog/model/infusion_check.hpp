// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The treatment pathway around a booked infusion (issue 18): the clinic's
// rules as settings, the pre-infusion check the patient answers and what is
// still open, and the fasting times. painlog repeats the clinic's
// instructions; it gives no medical advice. The instructions and the clinic
// text each one repeats are listed in painlog-prepare(1).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/event.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

// The clinic's rules, from the settings of the same names (defaults as the
// clinic's pages give them).
struct CareRules {
    int fasting_food_hours = 6;      // fasting-food-hours: no food for this long before a sedation
    int fasting_fluids_hours = 2;    // fasting-fluids-hours: clear fluids only until this long before
    int aftercare_hours = 24;        // aftercare-hours: no driving, machinery, alcohol, decisions
    int followup_reminder_days = 3;  // followup-reminder-days: suggest the report this long before a follow-up
};

// When to stop eating and drinking before an infusion under sedation:
// instants, so that a change of clock in between is counted in real hours.
struct FastingTimes {
    Instant no_food_after;
    Instant clear_fluids_until;
};
[[nodiscard]] FastingTimes fasting_times(Instant infusion, const CareRules& rules);

// A medicine of the diary's recent doses that the clinic wants to discuss
// before an infusion, with its classes ("opioid", "not recognised").
struct FlaggedMedicine {
    std::string medicine;
    std::string classes;
    friend bool operator==(const FlaggedMedicine&, const FlaggedMedicine&) = default;
};

// The check, kept with its infusion. An answer not given yet is none; a
// free-text answer of "" means "none".
struct InfusionCheck {
    std::int64_t event_id = 0;
    Instant at;        // when it was last answered
    std::string zone;  // where
    std::optional<bool> pregnant;       // are, or could be, pregnant
    std::optional<bool> breastfeeding;
    std::optional<std::string> new_symptoms;  // new symptoms of any kind since the booking
    std::optional<bool> heart_problem;        // a new heart problem
    std::optional<std::string> new_medicines; // medicines started since the booking
    std::vector<std::string> medicines;       // flagged from the diary when answered (names)
    std::optional<bool> medicines_confirmed;  // the patient confirmed the flagged list
    std::optional<bool> sedation;             // sedation is planned
    std::optional<bool> escort;               // someone will take them home
    friend bool operator==(const InfusionCheck&, const InfusionCheck&) = default;
};

// "yes"/"no" (and y/n, any case) for the check's flags; throws InputError
// "--pregnant maybe: expected yes or no".
[[nodiscard]] bool parse_yes_no(std::string_view text, std::string_view option);
// Free text of a check answer: "none" (or "no") means none, "" is refused.
[[nodiscard]] std::string parse_check_text(std::string_view text, std::string_view option);

// What the patient still has to do or answer, in plain words ("say whether
// sedation is planned", "arrange someone to take you home"); empty: the
// check is complete.
[[nodiscard]] std::vector<std::string> open_items(const InfusionCheck& check);
// The changes of health to tell the consultant before the infusion: each
// answered yes, each new symptom and new medicine.
[[nodiscard]] std::vector<std::string> health_changes(const InfusionCheck& check);

// {"event_id","answered","pregnant","breastfeeding","new_symptoms",
//  "heart_problem","new_medicines","medicines","medicines_confirmed",
//  "sedation","escort"}: answers null when not given; answered the local
// time with offset.
[[nodiscard]] nlohmann::ordered_json infusion_check_json(const InfusionCheck& check);

// The side effects the clinic's pages name, offered as numbered picks by
// the check-in in the 48 hours after an infusion.
inline constexpr std::array<std::string_view, 28> clinic_side_effects{
    "anxiety",           "agitation",          "vivid dreams",       "nightmares",
    "mood changes",      "confusion",          "disorientation",     "double vision",
    "involuntary eye movements", "hallucinations", "increased muscle tone", "jerking movements",
    "nausea",            "vomiting",           "skin reactions",     "overactive bladder",
    "urinary tract infection", "abnormal heart rhythm", "low blood pressure", "shallow breathing",
    "raised blood pressure", "raised heart rate", "dizziness",        "headache",
    "drowsiness",        "fatigue",            "dissociation",       "lightheadedness"};

// The clinic's instructions painlog repeats, word for word wherever shown.
namespace clinic_text {
inline constexpr std::string_view not_advice =
    "painlog repeats your clinic's instructions; it gives no medical advice. If in doubt, ask the clinic.";
inline constexpr std::string_view tell_changes =
    "Tell your consultant before the infusion if your health has changed since it was booked.";
inline constexpr std::string_view check_medicines = "Check these medicines with your consultant before the infusion";
inline constexpr std::string_view take_home =
    "Arrange someone to take you home after the infusion.";
inline constexpr std::string_view aftercare =
    "For {} hours after the infusion: do not drive, operate machinery, drink alcohol or make important "
    "decisions; expect to feel tired.";
inline constexpr std::string_view keep_diary = "Keep your diary, and bring it to your follow-up appointment.";
}  // namespace clinic_text

}  // namespace painlog
