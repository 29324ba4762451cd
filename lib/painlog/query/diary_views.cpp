// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/query/diary_views.hpp"

#include <algorithm>

#include "painlog/analysis/infusion_course.hpp"
#include "painlog/store/day_index.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/model/settings.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/infusion_check_store.hpp"
#include "painlog/store/lookup.hpp"
#include "painlog/store/questionnaire_store.hpp"

namespace painlog {

Summary summarize_diary(Diary& diary, Period period, Day today) {
    auto previous = period.previous();
    auto days = read_daily_values(diary, previous.from, period.to);
    auto s = summarize(days, days, period);
    s.streak_days = current_logging_streak(diary, today);
    add_medicine_use(s, days, doses_in(diary, period.from, period.to));
    return s;
}

std::vector<InfusionResponse> responses_of_diary(Diary& diary, const std::vector<Event>& infusions, int baseline_days,
                                                Day today) {
    if (infusions.empty()) return {};
    // The entries of each infusion's side-effect period, each once where two periods overlap.
    std::vector<Entry> near;
    std::optional<Instant> read_to;
    for (const auto& e : infusions) {
        Instant from = read_to ? std::max(e.at, *read_to + std::chrono::seconds{1}) : e.at;
        Instant to = e.at + side_effect_period;
        if (from > to) continue;
        auto timed = diary.entries(
            {.from = std::nullopt, .to = std::nullopt, .last = std::nullopt, .at_from = from, .at_to = to});
        for (auto& entry : timed) near.push_back(std::move(entry));
        read_to = to;
    }
    // The first infusion's curve begins with the mean of days -20 .. -14.
    Day first = infusions.front().day - date::days{std::max(baseline_days, rolling_days - 1 - curve_first_day)};
    auto days = read_daily_values(diary, first, today);
    auto responses = analyse_responses(days, near, infusions, baseline_days, today);
    add_medicine_responses(responses, doses_in(diary, first, today), days);
    add_body_responses(responses, days);
    return responses;
}

CareRules diary_care_rules(Diary& diary) {
    auto hours = [&](std::string_view key) { return std::stoi(diary.setting_or_default(key)); };
    return {hours(setting_key::fasting_food_hours), hours(setting_key::fasting_fluids_hours),
            hours(setting_key::aftercare_hours), hours(setting_key::followup_reminder_days)};
}

TrendSeries trend_diary(Diary& diary, Period period, const std::vector<Metric>& metrics, Grouping by,
                        Instant now) {
    auto from = period.from - date::days{rolling_window_days - 1};
    auto days = read_daily_values(diary, from, period.to);
    auto trend = analyze_trend(days, period, metrics, by);
    add_infusions(trend, given_infusions(events(diary, EventKind::infusion), now));
    return trend;
}

Status diary_status(Diary& diary, const TimeContext& time) {
    Status status;
    status.today = painlog::today(time);
    status.entries_today = entries_on(diary, status.today);
    status.streak_days = current_logging_streak(diary, status.today);
    auto last = diary.entries({.from = std::nullopt, .to = std::nullopt, .last = 1});
    if (!last.empty()) status.last_entry = last.back();
    auto all = events(diary);
    auto given = given_infusions(all, time.now);
    if (!given.empty()) status.last_infusion = given.back();
    status.next_infusion = next_planned(all, EventKind::infusion, time.now);
    status.next_appointment = next_planned(all, EventKind::appointment, time.now);
    CareInputs care{time, status.next_infusion, std::nullopt, status.last_infusion, status.next_appointment,
                    diary_care_rules(diary)};
    if (status.next_infusion) {
        care.next_check = find_infusion_check(diary, status.next_infusion->id);
        if (care.next_check) status.next_check_complete = open_items(*care.next_check).empty();
    }
    status.care = care_notices(care);
    status.doses_today = doses_in(diary, status.today, status.today);
    status.pathway = diary_pathway(diary);
    if (!status.pathway.serves_depression()) return status;
    auto phq9 = questionnaire_results(diary, Instrument::phq9);
    if (!phq9.empty()) status.last_phq9 = phq9.back();
    if (status.last_infusion) {
        std::erase_if(phq9, [&](const QuestionnaireResult& q) { return q.at <= status.last_infusion->at; });
        status.phq9_due = phq9_due(*status.last_infusion, status.today, phq9);
    }
    return status;
}

}  // namespace painlog
