// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/questionnaire_course.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include <fmt/format.h>

#include "painlog/analysis/stats.hpp"

namespace painlog {
namespace {

ScoreAfterInfusion score_after(const QuestionnaireResult& result, const QuestionnaireCourse& course, Day infusion_day) {
    ScoreAfterInfusion point{result, days_between(infusion_day, result.day), {}, {}, {}, {}, {}};
    bool phq9 = result.instrument == Instrument::phq9;
    if (phq9) point.remission = result.score < phq9_remission_below;
    if (!course.baseline) return point;
    auto baseline = course.baseline->score;
    point.change = result.score - baseline;
    if (baseline <= 0) return point;
    point.percent_change = stats::percent_change(result.score, baseline);
    if (phq9) {
        // Whole-number scores against exact multiples (x 0.5, x 0.75): no rounding at the boundaries.
        point.response = result.score <= baseline * (1 - phq9_response_reduction);
        point.partial_response = !*point.response && result.score < baseline * (1 - phq9_partial_response_reduction);
    }
    return point;
}

std::vector<std::string> missing_points(const QuestionnaireCourse& course, const InfusionSpan& span) {
    auto has_between = [&](int first, int last) {
        return std::ranges::any_of(course.after, [&](const ScoreAfterInfusion& p) {
            return p.days_after >= first && p.days_after <= last;
        });
    };
    auto passed = [&](int day) { return days_between(span.day, span.end) >= day; };
    std::vector<std::string> missing;
    if (!course.baseline) missing.emplace_back("baseline");
    if (passed(9) && !has_between(5, 9)) missing.emplace_back("about day 7");
    if (passed(16) && !has_between(12, 31)) missing.emplace_back("about day 14 or 28");
    return missing;
}

// The score nearest `target` among days [first, last] (the later of two
// as near), once those days have passed or a score was found.
void check_week(QuestionnaireCourse& course, const InfusionSpan& span, std::string label, int target, int first,
                int last) {
    const ScoreAfterInfusion* best = nullptr;
    for (const auto& p : course.after)
        if (p.days_after >= first && p.days_after <= last &&
            (!best || std::abs(p.days_after - target) <= std::abs(best->days_after - target)))
            best = &p;
    if (best) course.durability.push_back({std::move(label), *best});
    else if (days_between(span.day, span.end) >= last) course.durability.push_back({std::move(label), std::nullopt});
}

void check_durability(QuestionnaireCourse& course, const InfusionSpan& span) {
    check_week(course, span, "week 4", 28, 21, 35);
    check_week(course, span, "week 8", 56, 49, 63);
    if (span.next_infusion) {
        auto first = *span.next_infusion - date::days{14};
        const ScoreAfterInfusion* last = nullptr;
        for (const auto& p : course.after)
            if (p.result.day >= first) last = &p;
        course.durability.push_back({"before the next infusion", last ? std::optional(*last) : std::nullopt});
    }
    bool responded = false;
    for (const auto& p : course.after) {
        if (p.response == true) responded = true;
        if (responded && p.response == false) {
            course.response_lost_day = p.days_after;
            break;
        }
    }
}

}  // namespace

QuestionnaireCourse questionnaire_course(Instrument instrument, const InfusionSpan& span,
                                         const std::vector<QuestionnaireResult>& results) {
    std::vector<const QuestionnaireResult*> sorted;
    for (const auto& q : results)
        if (q.instrument == instrument) sorted.push_back(&q);
    std::ranges::sort(sorted, [](const auto* a, const auto* b) { return std::tie(a->at, a->id) < std::tie(b->at, b->id); });
    QuestionnaireCourse course;
    course.instrument = instrument;
    for (const auto* q : sorted)
        if (q->at < span.at && q->day >= span.baseline_from) course.baseline = *q;
    for (const auto* q : sorted)
        if (q->at > span.at && q->day <= span.end) course.after.push_back(score_after(*q, course, span.day));
    if (!course.baseline)
        course.not_assessed = fmt::format("no {} in the baseline", spec_of(instrument).title);
    else if (course.baseline->score <= 0)
        course.not_assessed = "baseline score 0: percent change undefined";
    if (instrument != Instrument::phq9) return course;
    course.missing = missing_points(course, span);
    if (course.baseline && course.baseline->score > 0) check_durability(course, span);
    return course;
}

std::string verdict_text(const ScoreAfterInfusion& p) {
    std::string text;
    if (p.response) text = *p.response ? "response" : *p.partial_response ? "partial response" : "no response";
    if (p.remission == true) text += text.empty() ? "remission" : ", remission";
    return text;
}

std::string durability_text(const QuestionnaireCourse& course) {
    std::string text;
    for (const auto& check : course.durability) {
        text += text.empty() ? "Response " : "; ";
        text += fmt::format("{}{}: ", check.label.starts_with("week") ? "at " : "", check.label);
        if (!check.score) {
            text += fmt::format("no {}", spec_of(course.instrument).title);
            continue;
        }
        bool kept = check.score->response == true;
        text += fmt::format("{} (day {}: {:g})", kept ? "yes" : "no", check.score->days_after, check.score->result.score);
    }
    if (text.empty()) return text;
    text += ".";
    if (course.response_lost_day) text += fmt::format(" Response lost on day {}.", *course.response_lost_day);
    return text;
}

}  // namespace painlog
