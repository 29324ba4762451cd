// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The questionnaires around one infusion: each score after it against the
// last score of its baseline. For the PHQ-9 the verdicts of the depression
// literature (documented with their sources in man/painlog-response.1):
//
//  - response: a reduction of at least 50 % from the baseline score, and
//    remission: a score below 5 (Kroenke et al., J Gen Intern Med 2001);
//  - partial response: a reduction of more than 25 % and less than 50 %
//    (the EU-PEARL consensus on partially responsive depression, Sforzini
//    et al., Mol Psychiatry 2022;27:1286, following Nierenberg & DeCecco,
//    J Clin Psychiatry 2001;62 Suppl 16:5);
//  - durability, painlog's own convention: is it still a response at week
//    4 (the score nearest day 28 within days 21-35), at week 8 (nearest day
//    56 within days 49-63) and before the next infusion (the last score in
//    the 14 days before it)?
//
// The GAD-7 gets change, percent change and band only: no verdict is cited.

#include <optional>
#include <string>
#include <vector>

#include "painlog/model/questionnaire.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

inline constexpr double phq9_partial_response_reduction = 0.25;  // more than 25 % (and less than 50 %)

struct ScoreAfterInfusion {
    QuestionnaireResult result;
    int days_after = 0;                      // diary days from the infusion day (day 1 = the day after)
    std::optional<double> change;            // score - baseline; null without a baseline
    std::optional<double> percent_change;    // one decimal; null without a baseline or at a baseline of 0
    std::optional<bool> response;            // PHQ-9 with a baseline above 0; else null
    std::optional<bool> partial_response;    // likewise
    std::optional<bool> remission;           // PHQ-9: score < 5; null for other instruments
};

struct DurabilityCheck {
    std::string label;                        // "week 4", "week 8", "before the next infusion"
    std::optional<ScoreAfterInfusion> score;  // null: no PHQ-9 in its days (which have passed)
};

// What the course of one infusion is measured over.
struct InfusionSpan {
    Instant at;                       // the infusion's instant: the baseline score is taken before it
    Day day;                          // the infusion day
    Day baseline_from;                // the baseline's first day
    Day end;                          // the last day of its "since infusion" window
    std::optional<Day> next_infusion;
};

struct QuestionnaireCourse {
    Instrument instrument = Instrument::phq9;
    std::optional<QuestionnaireResult> baseline;  // the last score before the infusion within its baseline days
    std::vector<ScoreAfterInfusion> after;        // from the infusion to the span's end, in time order
    // PHQ-9 only: where a score would answer the question but none was
    // taken: "baseline", "about day 7" (days 5-9), "about day 14 or 28"
    // (days 12-31); a point counts once its days have passed.
    std::vector<std::string> missing;
    std::vector<DurabilityCheck> durability;  // PHQ-9 with a baseline above 0: the checks whose days have come
    std::optional<int> response_lost_day;     // days_after of the first score that is no longer a response
    // Why there are no verdicts, or empty: "no PHQ-9 in the baseline", "baseline score 0".
    std::string not_assessed;

    [[nodiscard]] bool any() const { return baseline.has_value() || !after.empty(); }
};

// "response, remission", "partial response", "no response", or "" without a verdict.
[[nodiscard]] std::string verdict_text(const ScoreAfterInfusion& score);
// "Response at week 4: kept (day 27: 6); at week 8: lost (day 55: 12);
// before the next infusion: no PHQ-9." or "" when there is no check yet.
[[nodiscard]] std::string durability_text(const QuestionnaireCourse& course);

// `results` of any instruments, any order; only `instrument`'s count.
[[nodiscard]] QuestionnaireCourse questionnaire_course(Instrument instrument, const InfusionSpan& span,
                                                       const std::vector<QuestionnaireResult>& results);

}  // namespace painlog
