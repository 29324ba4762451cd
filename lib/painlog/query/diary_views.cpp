// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/query/diary_views.hpp"

#include <algorithm>

#include "painlog/analysis/infusion_course.hpp"
#include "painlog/store/day_index.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/lookup.hpp"
#include "painlog/store/questionnaire_store.hpp"

namespace painlog {

Summary summarize_diary(Diary& diary, Period period, Day today) {
    auto previous = period.previous();
    auto days = read_daily_values(diary, previous.from, period.to);
    auto s = summarize(days, days, period);
    s.streak_days = current_logging_streak(diary, today);
    return s;
}

std::vector<InfusionResponse> responses_of_diary(Diary& diary, int baseline_days, Day today) {
    auto infusions = events(diary, EventKind::infusion);
    if (infusions.empty()) return {};
    // The entries of each infusion's side-effect period, each once where two periods overlap.
    std::vector<Entry> near;
    std::optional<Instant> read_to;
    for (const auto& e : infusions) {
        Instant from = read_to ? std::max(e.at, *read_to + std::chrono::seconds{1}) : e.at;
        Instant to = e.at + side_effect_period;
        if (from > to) continue;
        for (auto& entry : diary.entries({.from = std::nullopt, .to = std::nullopt, .last = std::nullopt, .at_from = from, .at_to = to})) near.push_back(std::move(entry));
        read_to = to;
    }
    // The first infusion's curve begins with the mean of days -20 .. -14.
    Day first = infusions.front().day - date::days{std::max(baseline_days, rolling_days - 1 - curve_first_day)};
    return analyse_responses(read_daily_values(diary, first, today), near, infusions, baseline_days, today);
}

TrendSeries trend_diary(Diary& diary, Period period, const std::vector<Metric>& metrics, Grouping by) {
    auto from = period.from - date::days{rolling_window_days - 1};
    auto days = read_daily_values(diary, from, period.to);
    auto trend = analyze_trend(days, period, metrics, by);
    add_infusions(trend, events(diary, EventKind::infusion));
    return trend;
}

Status diary_status(Diary& diary, const TimeContext& time) {
    Status status;
    status.today = painlog::today(time);
    status.entries_today = entries_on(diary, status.today);
    status.streak_days = current_logging_streak(diary, status.today);
    auto last = diary.entries({.from = std::nullopt, .to = std::nullopt, .last = 1});
    if (!last.empty()) status.last_entry = last.back();
    for (const auto& event : events(diary, EventKind::infusion))
        if (event.at <= time.now) status.last_infusion = event;  // time order: the last one wins
    for (const auto& event : events(diary, EventKind::appointment)) {
        if (event.at > time.now) {
            status.next_appointment = event;  // time order: the first one wins
            break;
        }
    }
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
