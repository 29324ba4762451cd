// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Statistics for one person's daily ratings: pure functions over plain
// values, no storage and no I/O. Every formula here is spelled out in
// man/painlog-summary.1 and man/painlog-trend.1.
//
// Daily ratings are ordinal, heavily tied and autocorrelated, so besides the
// mean painlog offers rank-based methods: the median, the Theil–Sen slope
// with the Mann–Kendall test (with the tie correction) and Spearman's rank
// correlation (average ranks for ties). Functions return std::nullopt when
// their input is too small for the figure to exist; callers decide the
// larger "enough data" thresholds they report.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "painlog/time/time.hpp"

namespace painlog::stats {

// The two-sided p below which trend and summary call a result clear.
inline constexpr double significance_level = 0.05;

// `value` rounded to `decimals` places, never "-0".
[[nodiscard]] double round_to(double value, int decimals);
// (value - baseline) / baseline x 100 rounded to one decimal; null when the
// baseline is 0.
[[nodiscard]] std::optional<double> percent_change(double value, double baseline);

// Arithmetic mean; nullopt when empty.
[[nodiscard]] std::optional<double> mean(std::span<const double> values);
// Middle value, or the mean of the two middle values; nullopt when empty.
[[nodiscard]] std::optional<double> median(std::span<const double> values);
// Sample standard deviation, sqrt(sum (x - mean)^2 / (n - 1)); nullopt when n < 2.
[[nodiscard]] std::optional<double> sample_sd(std::span<const double> values);

// Ranks 1..n in the order of `values`; tied values share the mean of the
// ranks they span (2 and 3 tied both get 2.5).
[[nodiscard]] std::vector<double> average_ranks(std::span<const double> values);

// Two-sided p-value of a standard normal z: P(|Z| >= |z|) = erfc(|z| / sqrt 2).
[[nodiscard]] double normal_two_sided_p(double z);
// Two-sided p-value of Student's t with `df` degrees of freedom:
// P(|T| >= |t|) = I_{df/(df+t^2)}(df/2, 1/2), the regularized incomplete beta.
[[nodiscard]] double student_t_two_sided_p(double t, double df);
// The regularized incomplete beta function I_x(a, b), for a, b > 0 and x in [0, 1].
[[nodiscard]] double incomplete_beta(double x, double a, double b);

// A value observed at a time, in days (e.g. days since the first day).
struct Point {
    double x;
    double y;
};

// Theil–Sen slope: the median of (y_j - y_i) / (x_j - x_i) over all pairs
// with x_i != x_j. nullopt when there is no such pair.
// The slopes are never all stored: a random sample (fixed seed) guesses
// bounds around the median and one pass over the pairs keeps only the
// slopes between them. Whole days with few distinct values (a diary's
// ratings over years) skip the pass: the slopes are counted by value
// class (slope_classes.hpp). The answer is the same double as from sorting
// all slopes; the guess only decides the memory and time taken.
[[nodiscard]] std::optional<double> theil_sen_slope(std::span<const Point> points);
// The same median from a given guess [lo, hi], always by the pass over the
// pairs: any guess gives the same result, a wrong one (or lo > hi) costs
// another pass and more memory.
[[nodiscard]] std::optional<double> theil_sen_slope(std::span<const Point> points, double lo, double hi);

struct MannKendall {
    std::size_t n = 0;
    double s = 0;      // sum over i < j of sign(y_j - y_i), in time order
    double var_s = 0;  // [n(n-1)(2n+5) - sum t(t-1)(2t+5)] / 18 over groups of t tied values
    double z = 0;      // (S - 1)/sqrt(var) if S > 0, (S + 1)/sqrt(var) if S < 0, else 0
    double p = 1;      // two-sided, normal approximation: erfc(|z| / sqrt 2)
};
// The Mann–Kendall trend test on values in time order. nullopt when n < 2.
// When every value is tied (var_s = 0), z = 0 and p = 1.
[[nodiscard]] std::optional<MannKendall> mann_kendall(std::span<const double> values_in_time_order);

struct Correlation {
    std::size_t n = 0;
    double rho = 0;  // Pearson correlation of the average ranks
    double p = 1;    // two-sided, t = rho sqrt((n-2)/(1-rho^2)) with n-2 degrees of freedom
};
// Spearman's rank correlation between paired values. nullopt when the sizes
// differ, n < 3, or either side is constant (rho does not exist).
[[nodiscard]] std::optional<Correlation> spearman(std::span<const double> x, std::span<const double> y);

// A diary day's value for one metric.
struct DayValue {
    Day day;
    double value;
};

// Rolling mean over calendar days: for each day d from `from` to `to`, the
// mean of the values on days d-(window-1) .. d, or nullopt when fewer than
// `min_values` of those days have a value. Days without a value are gaps,
// never zeros. `series` must be in day order; values before `from` count for
// the first windows.
[[nodiscard]] std::vector<std::optional<double>> rolling_mean(std::span<const DayValue> series, Day from, Day to,
                                                              int window = 7, int min_values = 4);

}  // namespace painlog::stats
