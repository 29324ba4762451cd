// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which way each metric is going: daily points with the 7-day rolling mean,
// the Theil–Sen slope and the Mann–Kendall test, a plain-words direction
// aware of which way is better, and weekly or monthly means. Pure analysis
// over DailyValues plus renderers (text with sparklines, JSON), shared by
// `painlog trend` and the report. Formulas: man/painlog-trend.1.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/daily.hpp"
#include "painlog/model/event.hpp"
#include "painlog/analysis/stats.hpp"
#include "painlog/analysis/summary.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

// Below this many days with a value there is no slope, no test and no trend.
inline constexpr std::size_t min_trend_n = 8;
// The rolling mean covers this many calendar days and needs this many values.
inline constexpr int rolling_window_days = 7;
inline constexpr int rolling_min_values = 3;
// Text sparklines are at most this many characters; longer periods put
// several days in each character.
inline constexpr std::size_t max_sparkline_width = 56;

enum class Grouping { day, week, month };
[[nodiscard]] std::string_view name_of(Grouping grouping);  // day, week, month
[[nodiscard]] std::optional<Grouping> grouping_named(std::string_view name);

enum class Direction { improving, worsening, no_clear_trend };
[[nodiscard]] std::string_view name_of(Direction direction);  // improving, worsening, no_clear_trend

struct TrendPoint {
    Day day;
    std::optional<double> value;           // the day's value; nullopt on a day without one
    std::optional<double> rolling_mean_7;  // see stats::rolling_mean
};

struct MetricTrend {
    Metric metric = Metric::pain;
    std::size_t n = 0;                           // days in the period with a value
    std::optional<double> slope_per_week;        // Theil–Sen slope per day × 7, when n >= min_trend_n
    std::optional<stats::MannKendall> mann_kendall;  // when n >= min_trend_n
    Direction direction = Direction::no_clear_trend;
    std::vector<TrendPoint> points;  // one per calendar day of the period
};

// Means over a week (Monday to Sunday) or a calendar month, cut to the period.
struct TrendBucket {
    Day from;
    Day to;
    std::array<std::size_t, all_metrics.size()> n{};
    std::array<std::optional<double>, all_metrics.size()> mean{};  // mean of the daily values
};

struct TrendSeries {
    Period period;
    Grouping by = Grouping::week;
    std::vector<MetricTrend> metrics;  // in the order asked for
    std::vector<TrendBucket> buckets;
    // Infusion days inside the period (add_infusions): marked under the
    // sparklines, and named by the verdict of any trend line that spans one.
    std::vector<Day> infusions;
};

// Keeps the days of the infusions among `events` that fall in the trend's period.
void add_infusions(TrendSeries& trend, const std::vector<Event>& events);

// The line that marks infusion days with '^' under sparklines of `period`
// drawn `chunk` days a character; trailing spaces trimmed.
[[nodiscard]] std::string infusion_marks(Period period, std::size_t chunk, const std::vector<Day>& infusions);

// Improving or worsening when n >= min_trend_n and p < 0.05, by the sign of
// S and whether lower is better for the metric; otherwise no clear trend.
[[nodiscard]] Direction direction_of(Metric metric, std::size_t n, const std::optional<stats::MannKendall>& mk);

// Whether analyze_trend runs the Mann–Kendall test and the Theil–Sen slope.
// Over years they are most of its work (the slope looks at every pair of
// days), so a caller that shows neither skips them; the metrics then have
// no slope, no test and no clear direction.
enum class TrendTests { run, skip };

// `days`, in day order, may start before the period: the six days before it
// fill the first rolling means. Days outside [period.from - 6, period.to]
// are ignored.
[[nodiscard]] TrendSeries analyze_trend(const std::vector<DailyValues>& days, Period period,
                                        const std::vector<Metric>& metrics, Grouping by,
                                        TrendTests tests = TrendTests::run);
// One character per value: ▁▂▃▄▅▆▇█ for level round((v - lo) / (hi - lo) × 7)
// clamped to 0–7, a space for a missing value.
[[nodiscard]] std::string sparkline(const std::vector<std::optional<double>>& values, double lo, double hi);
// The scale a metric's sparkline uses: 0–10 for ratings, 0–12 for sleep hours.
[[nodiscard]] std::pair<double, double> sparkline_scale(Metric metric);
// Means of consecutive runs of `size` values (a run without values is nullopt).
[[nodiscard]] std::vector<std::optional<double>> chunk_means(const std::vector<std::optional<double>>& values,
                                                             std::size_t size);

[[nodiscard]] std::string trend_text(const TrendSeries& trend, Color color);
// Keys are documented in painlog-trend(1); absent values are null.
[[nodiscard]] nlohmann::ordered_json trend_json(const TrendSeries& trend);

}  // namespace painlog
