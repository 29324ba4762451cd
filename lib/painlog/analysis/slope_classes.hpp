// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Theil–Sen median for diary-like data, without visiting every pair:
// points on whole days whose values take few distinct values (ratings and
// the daily means of a few of them). Used by stats::theil_sen_slope; not a
// public interface.
//
// Points with the same value form a class. Between an earlier point of
// class a and a later one of class b the slope is fl(d / k), with
// d = fl(v_b - v_a) the same double for every such pair and k the whole
// number of days between them. For a fixed d, fl(d / k) is monotone in k
// (division by a growing k and rounding to nearest are both monotone), so
// "slope <= t" holds for a run of k that ends or starts at a threshold
// found by halving over k. The pairs with k in that run are counted from
// each class's running count of points by day, so counting the slopes at
// most t costs about (classes x points) lookups instead of one division
// per pair. The slope of a given rank is then found by halving over
// candidate slopes: first the sorted random sample of slopes, then the
// slopes fl(d / k) between the two sample values that bracket it. Every
// comparison is of the very slope doubles the definition computes, so the
// median is the same double as from sorting all the slopes.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "painlog/analysis/stats.hpp"

namespace painlog::stats::detail {

class ValueClasses {
public:
    // Nullopt unless every x is a whole number, the points cover at least a
    // quarter of the days from the first to the last, and there are few
    // enough distinct values for counting by class to beat the pair pass.
    // `by_x` in x order.
    [[nodiscard]] static std::optional<ValueClasses> of(std::span<const Point> by_x);

    // Pairs of points with different x.
    [[nodiscard]] std::size_t pairs() const { return pairs_; }
    // How many of those pairs have a slope of at most `t`.
    [[nodiscard]] std::size_t count_at_most(double t) const;
    // The slope of 0-based rank `rank` in ascending order (rank < pairs()),
    // with `sample` a sorted sample of slopes (may be empty).
    [[nodiscard]] double slope_of_rank(std::size_t rank, std::span<const double> sample) const;

private:
    std::vector<double> values_;                          // the distinct values, ascending
    std::vector<std::vector<std::uint32_t>> days_;        // per class: its points' days from the first, ascending
    std::vector<std::vector<std::uint32_t>> from_day_;    // per class: points on day >= d, for d in 0 .. last + 1
    std::uint32_t max_lag_ = 0;                           // days between the first and the last point
    std::size_t pairs_ = 0;

    [[nodiscard]] std::size_t pairs_with_lag(std::size_t a, std::size_t b, std::uint32_t from, std::uint32_t to) const;
    [[nodiscard]] std::vector<double> candidates_between(double lo, double hi) const;
};

}  // namespace painlog::stats::detail
