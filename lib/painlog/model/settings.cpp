// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/settings.hpp"

#include <array>

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/model/entry.hpp"
#include "painlog/model/pathway.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/parse.hpp"
#include "painlog/util/suggest.hpp"

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
    SettingSpec{setting_key::checkin_questions, "all",
                "what the guided check-in asks: all, or some of pain, where, feels, mood, energy, sleep, "
                "sleep-quality, activity, tag, better, worse, side-effect, med, note (comma-separated)"},
};

constexpr std::array<std::string_view, checkin_question_count> question_names{
    "pain", "where", "feels", "mood", "energy", "sleep", "sleep-quality",
    "activity", "tag", "better", "worse", "side-effect", "med", "note",
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

std::string_view name_of(CheckinQuestion question) { return question_names[static_cast<std::size_t>(question)]; }

CheckinQuestions parse_checkin_questions(std::string_view text, std::string_view what) {
    if (trim(text) == "all") return CheckinQuestions().set();
    CheckinQuestions questions;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto comma = text.find(',', start);
        auto word = ascii_lower(trim(text.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                                         : comma - start)));
        start = comma == std::string_view::npos ? text.size() + 1 : comma + 1;
        if (word.empty()) continue;
        auto known = std::ranges::find(question_names, word);
        if (known != question_names.end()) {
            questions.set(static_cast<std::size_t>(known - question_names.begin()));
            continue;
        }
        auto close = closest_names(word, question_names);
        throw InputError(fmt::format("{} {}: unknown question {}; {}expected all or some of {}", what, text, word,
                                     close.empty() ? "" : fmt::format("did you mean {}? ", either_of(close)),
                                     fmt::join(question_names, ", ")));
    }
    if (questions.none())
        throw InputError(fmt::format("{} {}: expected all or at least one of {}", what, text,
                                     fmt::join(question_names, ", ")));
    return questions;
}

std::string format_checkin_questions(const CheckinQuestions& questions) {
    if (questions.all()) return "all";
    std::string out;
    for (std::size_t i = 0; i < question_names.size(); ++i)
        if (questions.test(i)) out += (out.empty() ? "" : ",") + std::string(question_names[i]);
    return out;
}

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
    if (spec.key == setting_key::checkin_questions)
        return format_checkin_questions(parse_checkin_questions(value, "setting checkin-questions"));
    if (spec.key == setting_key::pathway) {
        if (!pathway_named(value))
            throw InputError(fmt::format("setting pathway {}: expected pain, depression or both", value));
        return std::string(value);
    }
    return validate_text(value, fmt::format("setting {}", spec.key), 100, TextLines::one);
}

}  // namespace painlog
