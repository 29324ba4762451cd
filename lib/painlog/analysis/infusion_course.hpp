// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a careful single-case study adds to painlog response (issue 19),
// apart from the windows of response.cpp: per window the area under the
// pain curve and Tau-BC, per infusion the baseline trend, the relief over
// days 1-28, the best 7-day mean, the interval to the next infusion and
// the response curve, and across infusions whether the response is getting
// longer or shorter. Formulas in man/painlog-response.1.
//
//  - Area per window (pain_area.hpp): with the sufficiency of a category
//    (the window's 4 logged days and 4 pain days, the baseline's 7 and 7,
//    a baseline pain mean); at a baseline of 0 the relief % is null.
//  - Baseline trend per metric (nonoverlap.hpp): x is the day counted from
//    the infusion day. Tau-BC per metric and window where NAP is computed,
//    corrected when the baseline is trending; a corrected Tau-BC is only
//    given for windows ending by day 28 (painlog does not extend a
//    baseline's line further), so "since infusion" has none then.
//  - Days 1-28: the area from day 1 to day 28, the day before the next
//    infusion or today, whichever comes first, with the sufficiency of a
//    window; complete once that span can no longer grow.
//  - Best 7-day mean: the lowest mean pain over 7 consecutive days from
//    day 1 to the day before the next infusion (or today), each 7 days
//    needing 4 with a pain rating; the earliest when several tie.
//  - Response curve: for day t from -14 to 42 (0 excluded, ending the day
//    before the next infusion and today), the 7-day mean of pain as
//    duration measures it (days t-6 .. t, after the infusion only days
//    from day 1), and its percent change against the baseline mean.
//  - Across infusions (from 3 infusions with a figure): the Theil–Sen slope
//    of the response duration, and of the days 1-28 relief %, over the
//    infusion's number in the diary; descriptive, no test. Durations count
//    once they are final (ended, until the next infusion, none = 0);
//    ongoing ones and those without recent ratings are left out, as are
//    days 1-28 still growing.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/analysis/pain_area.hpp"
#include "painlog/analysis/response.hpp"

namespace painlog {

inline constexpr int curve_first_day = -14;
inline constexpr int curve_last_day = 42;
inline constexpr int course_area_days = 28;
inline constexpr std::size_t min_infusions_for_trend = 3;

// Sets the per-window areas and Tau-BC and the infusion's course figures.
// `days` sorted by day; called by analyse_infusion.
void add_course_measures(InfusionResponse& response, const std::vector<DailyValues>& days, Day today);

// Numbers `responses` by their infusion's place among `events`' infusions
// (any order, other kinds ignored; ordered by time, then id), and sets
// each one's count of infusions.
void number_infusions(std::vector<InfusionResponse>& responses, const std::vector<Event>& events);

// Is the response getting longer or shorter over the infusions?
struct CourseTrend {
    std::size_t n = 0;                   // infusions with a figure
    std::optional<double> slope;         // per infusion, when n >= min_infusions_for_trend
};
struct AcrossInfusions {
    CourseTrend duration;  // response days
    CourseTrend relief;    // days 1-28 relief %
};
// `responses` numbered (number_infusions), every infusion of the diary.
[[nodiscard]] AcrossInfusions across_infusions(const std::vector<InfusionResponse>& responses);
// "Over 5 infusions the response lasted 6.5 days longer with each ..." or
// why there is no such sentence.
[[nodiscard]] std::string across_infusions_text(const AcrossInfusions& across);

// Whether any infusion has a pain rating in its baseline or windows.
[[nodiscard]] bool pain_rated(const std::vector<InfusionResponse>& responses);
// "3 of 5": the infusion's place in the diary.
[[nodiscard]] std::string infusion_number_text(const InfusionResponse& response);
// Why pain areas are missing and whether the baseline was trending, as
// sentences for the pain remarks.
[[nodiscard]] std::vector<std::string> course_remarks(const InfusionResponse& response, Metric metric);

// Text in 80 columns (infusions_text.cpp). Per infusion: pain's NAP,
// Tau-BC and areas by window ("" when none has one), and the lines for
// days 1-28, the best 7 days and the PEG.
[[nodiscard]] std::string course_table_text(const InfusionResponse& response, Color color);
[[nodiscard]] std::string course_lines_text(const InfusionResponse& response);
// What the columns of course_table_text mean, once after every infusion ("" without such a table).
[[nodiscard]] std::string course_legend_text(const std::vector<InfusionResponse>& responses);
// The response duration in a table cell: "23 d", "≥27 d" (still
// responding at the next infusion or when the ratings stopped), "5 d so
// far", "none", or "" when not assessable.
[[nodiscard]] std::string short_duration_text(const InfusionResponse& response);
// Every infusion, a row each: number, date, baseline pain, days 1-7 change
// and category, best 7 days, duration, days 1-28 relief, next infusion.
[[nodiscard]] std::string infusions_table_text(const std::vector<InfusionResponse>& responses, Color color);
// One row per infusion with a curve: day -14 to 42, a character a day.
[[nodiscard]] std::string response_curves_text(const std::vector<InfusionResponse>& responses, Color color);
// The table, its legend, the sentence across infusions and the curves.
[[nodiscard]] std::string infusions_overview_text(const std::vector<InfusionResponse>& responses,
                                                  const AcrossInfusions& across, Color color);

// JSON, added to infusion_response_json's object: "number", "of",
// "interval_days", "baseline_trend", "area_days_1_28", "best_7_day",
// "response_curve", "peg"; in each window "pain_area" and, in each metric's
// "nap", "tau_bc", "tau_bc_lower", "tau_bc_upper", "trend_corrected".
void add_course_json(nlohmann::ordered_json& event, const InfusionResponse& response);
// One infusion for the report's table of every infusion: {"id", "number",
// "of", "date", "label", "baseline_pain_mean", "days_1_7": {"pain_change",
// "pain_change_pct", "category", "status"}, "best_7_day", "response_status",
// "response_days", "area_days_1_28", "interval_days", "response_curve"}.
[[nodiscard]] nlohmann::ordered_json infusion_overview_json(const InfusionResponse& response);
// {"duration": {"n", "slope_per_infusion", "direction"}, "relief": {...}, "sentence"}
[[nodiscard]] nlohmann::ordered_json across_infusions_json(const AcrossInfusions& across);

}  // namespace painlog
