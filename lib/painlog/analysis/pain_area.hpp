// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The area under the daily pain curve over a span of days after an
// infusion, as trials of infusions report it ("pain score-days", e.g.
// Pickering et al., Anesthesiology 2020;133:154), and the relief it
// stands for against the baseline mean (SPID, the summed pain intensity
// difference, with the baseline as the reference). Formulas in
// man/painlog-response.1:
//
//  - The days summed run from the span's first to its last day with a pain
//    rating. A day between them without one gets the straight line between
//    the nearest rated days on either side (linear interpolation); days
//    before the first or after the last rating are not guessed, so a span
//    whose ends lack ratings sums fewer days (`days` says how many).
//  - pain score-days = the sum of daily pain over the days summed.
//  - relief score-days = the sum of (baseline mean - daily pain) =
//    baseline mean x days - pain score-days.
//  - relief % = relief / (baseline mean x days) x 100, the share of the
//    largest possible relief (pain 0 on every day), one decimal; undefined
//    at a baseline of 0.

#include <optional>
#include <span>

#include "painlog/analysis/stats.hpp"

namespace painlog {

struct PainArea {
    int days = 0;         // days summed
    int rated_days = 0;   // of them with a pain rating
    int filled_days = 0;  // of them filled in by interpolation
    double pain_score_days = 0;
    double relief_score_days = 0;
    std::optional<double> relief_pct;  // null at a baseline of 0
};

// `pain`: the span's days with a pain rating, in day order. Null when empty.
[[nodiscard]] std::optional<PainArea> pain_area(std::span<const stats::DayValue> pain, double baseline_mean);

}  // namespace painlog
