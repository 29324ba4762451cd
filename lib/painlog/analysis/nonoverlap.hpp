// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Non-overlap of two phases of one person's daily ratings: NAP (Parker &
// Vannest, Behav Ther 2009;40:357) and Tau = 2 NAP - 1, with the 95 %
// confidence interval of Newcombe (Stat Med 2006;25:543), method 5 (score
// inversion), as the SingleCaseES R package computes it. Daily ratings are
// autocorrelated, so the interval is descriptive: the man page says so.

#include <optional>
#include <span>

#include "painlog/analysis/stats.hpp"

namespace painlog {

enum class Better { lower, higher };  // pain: lower; mood, energy, sleep, activity: higher

struct NonOverlap {
    int baseline_n = 0;  // m
    int phase_n = 0;     // n
    double nap = 0;      // share of the m n pairs where the phase value is better (ties count 1/2)
    double nap_lower = 0;
    double nap_upper = 0;
    [[nodiscard]] double tau() const { return 2 * nap - 1; }
    [[nodiscard]] double tau_lower() const { return 2 * nap_lower - 1; }
    [[nodiscard]] double tau_upper() const { return 2 * nap_upper - 1; }
};

// Null when either phase is empty.
[[nodiscard]] std::optional<NonOverlap> non_overlap(std::span<const double> baseline, std::span<const double> phase,
                                                    Better better);

// Was the baseline already going one way? The Theil–Sen line through the
// baseline's points (x = the day, counted from the infusion day, so
// baseline days are negative) and the Mann–Kendall test with the tie
// correction (stats.hpp), on at least min_trend_n (trend.hpp) points.
struct BaselineTrend {
    std::size_t n = 0;
    double slope_per_day = 0;  // median pairwise slope
    double intercept = 0;      // median of (y - slope x)
    stats::MannKendall test;
    bool trending = false;  // test.p < stats::significance_level
};
[[nodiscard]] std::optional<BaselineTrend> baseline_trend(std::span<const stats::Point> baseline);

// Tau-BC (Tarlow, Behav Modif 2017;41:427), as the SingleCaseES package
// computes it with its trend pretest: when the baseline is trending, both
// phases are corrected by the baseline's Theil–Sen line (each value less
// intercept + slope x, rounded to 9 decimals so that residuals equal on
// paper tie here too) and NAP, Tau and the interval are taken of the
// residuals; otherwise they are those of the values (Tau-BC = Tau). Null
// when either phase is empty.
[[nodiscard]] std::optional<NonOverlap> baseline_corrected(std::span<const stats::Point> baseline,
                                                           std::span<const stats::Point> phase, Better better,
                                                           const std::optional<BaselineTrend>& trend);

}  // namespace painlog
