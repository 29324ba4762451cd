// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Non-overlap of two phases of one person's daily ratings: NAP (Parker &
// Vannest, Behav Ther 2009;40:357) and Tau = 2 NAP - 1, with the 95 %
// confidence interval of Newcombe (Stat Med 2006;25:543), method 5 (score
// inversion), as the SingleCaseES R package computes it. Daily ratings are
// autocorrelated, so the interval is descriptive: the man page says so.

#include <optional>
#include <span>

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

}  // namespace painlog
