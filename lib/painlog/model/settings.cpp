// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/settings.hpp"

#include <array>

#include <fmt/format.h>

#include "painlog/model/entry.hpp"
#include "painlog/model/pathway.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/parse.hpp"

namespace painlog {
namespace {

constexpr std::array specs{
    SettingSpec{setting_key::day_start_hour, "0",
                "hour (0-11) at which a diary day starts; entries before it count for the previous day"},
    SettingSpec{setting_key::baseline_days, "14", "diary days (7-90) before an infusion used as its baseline"},
    SettingSpec{setting_key::name, "", "name shown on reports (text, at most 100 bytes)"},
    SettingSpec{setting_key::pathway, "",
                "treatment pathway the diary serves: pain, depression or both (unset: inferred from the diary)"},
    SettingSpec{setting_key::report_days, "28",
                "days (7-365) a report covers when there is no infusion to anchor it"},
    SettingSpec{setting_key::fasting_food_hours, "6",
                "hours (0-24) without food before an infusion under sedation, as your clinic's instructions say"},
    SettingSpec{setting_key::fasting_fluids_hours, "2",
                "hours (0-24) before an infusion under sedation from which you drink nothing, as your clinic's "
                "instructions say"},
    SettingSpec{setting_key::aftercare_hours, "24",
                "hours (1-72) after an infusion without driving, machinery, alcohol or important decisions, as "
                "your clinic's instructions say"},
    SettingSpec{setting_key::followup_reminder_days, "3",
                "days (0-14) before a booked follow-up from which status and remind suggest making the report"},
};

struct IntRange {
    int min, max;
};

std::optional<IntRange> range_of(std::string_view key) {
    if (key == setting_key::day_start_hour) return IntRange{0, max_day_start_hour};
    if (key == setting_key::baseline_days) return IntRange{7, 90};
    if (key == setting_key::report_days) return IntRange{7, 365};
    if (key == setting_key::fasting_food_hours || key == setting_key::fasting_fluids_hours) return IntRange{0, 24};
    if (key == setting_key::aftercare_hours) return IntRange{1, 72};
    if (key == setting_key::followup_reminder_days) return IntRange{0, 14};
    return std::nullopt;
}

}  // namespace

std::span<const SettingSpec> setting_specs() { return specs; }

const SettingSpec& setting_spec(std::string_view key) {
    for (const auto& spec : specs)
        if (spec.key == key) return spec;
    std::string keys;
    for (const auto& spec : specs) keys += fmt::format("{}{}", keys.empty() ? "" : ", ", spec.key);
    throw InputError(fmt::format("setting {}: unknown; expected one of {}", key, keys));
}

std::string validate_setting(const SettingSpec& spec, std::string_view value) {
    if (auto range = range_of(spec.key)) {
        auto number = parse_whole_number(value);
        if (!number || *number < range->min || *number > range->max)
            throw InputError(fmt::format("setting {} {}: expected a whole number from {} to {}", spec.key, value,
                                         range->min, range->max));
        return std::to_string(*number);
    }
    if (spec.key == setting_key::pathway) {
        if (!pathway_named(value))
            throw InputError(fmt::format("setting pathway {}: expected pain, depression or both", value));
        return std::string(value);
    }
    return validate_text(value, fmt::format("setting {}", spec.key), 100, TextLines::one);
}

}  // namespace painlog
