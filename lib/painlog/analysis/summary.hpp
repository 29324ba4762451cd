// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a period of the diary says: per-metric figures over diary days,
// adherence, best and worst days, tags against pain, and patterns (Spearman
// rank correlations). Pure analysis over DailyValues plus renderers to text
// and JSON, so `painlog summary` and the report (issue 5) share it. The
// formulas are documented in man/painlog-summary.1.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/daily.hpp"
#include "painlog/analysis/body_summary.hpp"
#include "painlog/analysis/medicine_use.hpp"
#include "painlog/analysis/stats.hpp"
#include "painlog/util/text.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

// A run of diary days, both ends included.
struct Period {
    Day from;
    Day to;
    [[nodiscard]] int days() const { return static_cast<int>((to - from).count()) + 1; }
    // The period of the same length that ends the day before this one starts.
    [[nodiscard]] Period previous() const { return {from - date::days{days()}, from - date::days{1}}; }
    [[nodiscard]] bool contains(Day day) const { return from <= day && day <= to; }
};

// The period for --since/--until: `until` defaults to today and `since` to
// `default_days` - 1 days before the last day. Throws InputError when the
// first day is after the last.
[[nodiscard]] Period resolve_period(std::optional<Day> since, std::optional<Day> until, Day today, int default_days);

// The n below which a pattern (correlation) is not reported.
inline constexpr std::size_t min_pattern_n = 10;

// "sleep hours" for sleep_hours: the name a person reads.
[[nodiscard]] std::string_view label_of(Metric metric);

struct MetricSummary {
    Metric metric = Metric::pain;
    std::size_t n = 0;  // days in the period with a value
    std::optional<double> mean, median, sd, min, max;
    std::size_t previous_n = 0;  // days in the previous period with a value
    std::optional<double> previous_mean;
    std::optional<double> change;  // mean - previous_mean, when both exist
};

struct DayValueAt {
    Day day;
    double value;
};

// The best and worst day of a metric in the period (pain: lowest is best;
// mood: highest is best). Ties go to the most recent day.
struct BestWorst {
    Metric metric = Metric::pain;
    std::size_t n = 0;
    std::optional<DayValueAt> best, worst;
};

// A tag against pain: mean pain on the days it was used and on the days of
// the period it was not (days with a pain value only).
struct TagSummary {
    Tag tag;
    int days = 0;  // days of the period the tag appears on
    std::size_t n_with = 0, n_without = 0;
    std::optional<double> mean_pain_with, mean_pain_without;
};

// One association: x on a day against y on the same day (lag 0) or the
// next day (lag 1). The correlation is set only when n >= min_pattern_n and
// rho exists (neither side constant).
struct Pattern {
    Metric x = Metric::sleep_hours;
    Metric y = Metric::pain;
    int lag_days = 0;
    std::size_t n = 0;  // pairs of days with both values
    std::optional<stats::Correlation> correlation;
};

enum class Finding { not_enough_data, no_clear_link, higher, lower };
// not_enough_data without a correlation, no_clear_link when p >= 0.05,
// otherwise the direction of y as x rises.
[[nodiscard]] Finding finding_of(const Pattern& pattern);
[[nodiscard]] std::string_view name_of(Finding finding);  // not_enough_data, no_clear_link, higher, lower
// A careful sentence: "On days after more activity, pain tended to be higher."
[[nodiscard]] std::string describe(const Pattern& pattern);

struct Summary {
    Period period;
    Period previous;
    int days_logged = 0;  // days of the period with at least one entry
    int entries = 0;
    std::optional<int> streak_days;  // current logging streak, when known (needs the whole recent diary)
    std::vector<MetricSummary> metrics;  // in all_metrics order
    std::vector<BestWorst> best_worst;   // pain, then mood
    std::vector<TagSummary> tags;        // most days first, then kind, then name
    std::vector<Pattern> patterns;       // the four pairs, in a fixed order
    MedicineUseSummary medicines;        // set by add_medicine_use (the period's doses)
    BodySummary body;                    // where it hurt and how it felt (body_summary.hpp)

    [[nodiscard]] const MetricSummary& metric(Metric m) const { return metrics[static_cast<std::size_t>(m)]; }
};

// `period_days` and `previous_days` are the diary days (daily_values) of
// `period` and of period.previous(); days outside them are ignored.
[[nodiscard]] Summary summarize(const std::vector<DailyValues>& period_days,
                                const std::vector<DailyValues>& previous_days, Period period);

// Sets the summary's medicines from the period's doses; a logged day is a
// day with an entry (`period_days`) or a dose.
void add_medicine_use(Summary& summary, const std::vector<DailyValues>& period_days, const std::vector<Dose>& doses);

// Figures to one decimal, "–" when absent.
[[nodiscard]] std::string format_figure(const std::optional<double>& value);
// "p = 0.018", "p < 0.001".
[[nodiscard]] std::string format_p(double p);

[[nodiscard]] std::string summary_text(const Summary& summary, Color color);
// Keys are documented in painlog-summary(1); absent values are null.
[[nodiscard]] nlohmann::ordered_json summary_json(const Summary& summary);

}  // namespace painlog
