// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers the report renderers share (report_text.cpp, report_html.cpp),
// defined in report_detail.cpp. Not a public interface.

#include <optional>
#include <string>
#include <vector>

#include "painlog/report/report.hpp"
#include "painlog/report/svg_chart.hpp"

namespace painlog::report_detail {

// "5.1", or "–" when absent.
[[nodiscard]] std::string num(const std::optional<double>& value);
// "+1.2" / "-0.4" / "0.0", or "–".
[[nodiscard]] std::string signed_num(const std::optional<double>& value);
// "-35 %" / "+12 %", or "–".
[[nodiscard]] std::string percent(const std::optional<double>& value);
// "2.0–8.0" or "–".
[[nodiscard]] std::string range(const MetricSummary& m);
// "Pain", "Mood", "Sleep (hours)", …
[[nodiscard]] std::string metric_title(Metric metric);
// What the report says about an infusion's response duration.
[[nodiscard]] std::string response_duration_text(const InfusionResponse& infusion);
// "Infusion 3 of 5 · 2026-09-28 · ketamine" (label only when set): its place in the diary.
[[nodiscard]] std::string infusion_title(const InfusionResponse& infusion);
// "drowsiness ×2, vivid dreams ×1" or "none logged".
[[nodiscard]] std::string side_effects_text(const InfusionResponse& infusion);
// "14 Sep–27 Sep" for a window's days.
[[nodiscard]] std::string span_dates(const SpanSummary& span);
// "Logged on 66 of 70 days (94 %), 81 entries; current streak 12 days."
[[nodiscard]] std::string adherence_text(const Report& report);
// One sentence per line summarising sleep and activity.
[[nodiscard]] std::vector<std::string> sleep_lines(const Report& report);
[[nodiscard]] std::vector<std::string> activity_lines(const Report& report);
// A PHQ-9 result's change against the previous one, with response/remission.
[[nodiscard]] std::string questionnaire_change_text(const Report& report, const QuestionnaireResult& result);
// Citation and attribution of each instrument used in the period.
[[nodiscard]] std::vector<std::string> questionnaire_attributions(const Report& report);
// The pain-change categories and their boundaries, in one sentence.
[[nodiscard]] std::string category_legend();

// Whether the period has a day with a value of `metric`.
[[nodiscard]] bool rated_in_period(const Report& report, Metric metric);
// The summary's metrics that the key figures show: all on the pain
// pathways; on the depression pathway mood first and none without a value
// in the period or the one before.
[[nodiscard]] std::vector<const MetricSummary*> key_metrics(const Report& report);

// One row of a questionnaire's course after an infusion ("baseline", "day 7").
struct CourseRow {
    std::string label, date, score, band, change, percent, verdict;
};
[[nodiscard]] std::vector<CourseRow> course_rows(const QuestionnaireCourse& course);
// One row of mood by window, with its non-overlap and energy and sleep.
struct MoodRow {
    std::string label, dates, logged, mood, change, nap, energy, sleep;
};
[[nodiscard]] std::vector<MoodRow> mood_rows(const InfusionResponse& infusion);
// The sentences under an infusion's depression tables: PHQ-9 durability,
// missing PHQ-9s, mood improvement and why mood is not assessed.
[[nodiscard]] std::vector<std::string> depression_lines(const InfusionResponse& infusion);
// "NAP: the share of baseline-window day pairs ..." legend.
[[nodiscard]] std::string nap_legend();

// One row of an infusion's medicine use: baseline, then each window begun.
struct MedicineRow {
    std::string label, days, mme, mme_change, prn, prn_change;
};
[[nodiscard]] std::vector<MedicineRow> medicine_rows(const InfusionResponse& infusion);
// Whether any shown infusion has a converted opioid dose around it, or the
// period has one: the MME columns and chart are drawn only then.
[[nodiscard]] bool any_mme(const Report& report);
// "Regular medicines: doses not marked as needed in the 28 days to 2026-11-22."
[[nodiscard]] std::string regimen_heading(const Report& report);

// The metric's value for every day of the period (nullopt on days without one)
// and its 7-day rolling mean, from the report's trend.
[[nodiscard]] std::vector<std::optional<double>> daily_series(const Report& report, Metric metric);
[[nodiscard]] std::vector<std::optional<double>> rolling_series(const Report& report, Metric metric);

// The SVG charts of the HTML report.
[[nodiscard]] std::string pain_mood_chart(const Report& report);
[[nodiscard]] std::string sleep_chart(const Report& report);
[[nodiscard]] std::string energy_chart(const Report& report);
[[nodiscard]] std::string questionnaire_chart(const Report& report, Instrument instrument);
// Opioid use in MME a day over the period ("" without any converted dose).
[[nodiscard]] std::string mme_chart(const Report& report);

// Issue 19 (report_overview.cpp).
// "Days 1-7: NAP 1.00 (0.78–1.00), Tau-BC +1.00. Days 1-28: relief 29.2 %
// (57.0 score-days). Best 7 days: −49.6 %." or "" when there is none of it.
[[nodiscard]] std::string course_sentence(const InfusionResponse& infusion);
// One row of the table of every infusion.
struct OverviewRow {
    std::string number, date, label, baseline, change, percent, category, best, duration, relief, next;
};
[[nodiscard]] std::vector<OverviewRow> overview_rows(const Report& report);
// What the table's columns mean.
[[nodiscard]] std::string overview_legend();
[[nodiscard]] std::string response_curves_chart(const Report& report);  // "" when no infusion has a curve
[[nodiscard]] std::string calendar_chart(const Report& report);

}  // namespace painlog::report_detail
