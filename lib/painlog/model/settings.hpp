// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The settings a diary carries (stored in its `setting` table, so one file
// holds everything). Each key has a default and a validator.

#include <span>
#include <string>
#include <string_view>

namespace painlog {

struct SettingSpec {
    std::string_view key;
    std::string_view default_value;  // empty: unset means "none"
    std::string_view description;    // also says which values are valid
};

[[nodiscard]] std::span<const SettingSpec> setting_specs();
// Throws InputError listing the valid keys.
[[nodiscard]] const SettingSpec& setting_spec(std::string_view key);
// Throws InputError naming the key, the value and what is valid; returns the canonical text.
[[nodiscard]] std::string validate_setting(const SettingSpec& spec, std::string_view value);

namespace setting_key {
inline constexpr std::string_view day_start_hour = "day-start-hour";
inline constexpr std::string_view baseline_days = "baseline-days";
inline constexpr std::string_view name = "name";
inline constexpr std::string_view pathway = "pathway";
inline constexpr std::string_view report_days = "report-days";
inline constexpr std::string_view fasting_food_hours = "fasting-food-hours";
inline constexpr std::string_view fasting_fluids_hours = "fasting-fluids-hours";
inline constexpr std::string_view aftercare_hours = "aftercare-hours";
inline constexpr std::string_view followup_reminder_days = "followup-reminder-days";
}  // namespace setting_key

}  // namespace painlog
