// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/slope_classes.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace painlog::stats::detail {
namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
// Beyond this many candidate slopes between two sample values (which only
// an unusual spread of values gives), halving over the doubles is cheaper.
constexpr std::size_t max_candidates = std::size_t{1} << 20;

// The slope of two points of the classes' values, `k` days apart, as the
// definition computes it: (y_j - y_i) / (x_j - x_i) with x_j - x_i = k.
double slope_of(double d, std::uint32_t k) { return d / static_cast<double>(k); }

// For d > 0 the slopes fall as k grows: the least k in [1, max] with a
// slope at most t, or max + 1 when there is none.
std::uint32_t first_k_at_most(double d, double t, std::uint32_t max) {
    if (!(slope_of(d, max) <= t)) return max + 1;
    std::uint32_t fails = 0, holds = max;  // k = 0 stands for "none below"
    while (holds - fails > 1) {
        auto mid = fails + (holds - fails) / 2;
        (slope_of(d, mid) <= t ? holds : fails) = mid;
    }
    return holds;
}

// For d < 0 the slopes rise towards 0 as k grows: the greatest k in
// [1, max] with a slope at most t, or 0 when there is none.
std::uint32_t last_k_at_most(double d, double t, std::uint32_t max) {
    if (!(slope_of(d, 1) <= t)) return 0;
    std::uint32_t holds = 1, fails = max + 1;
    while (fails - holds > 1) {
        auto mid = holds + (fails - holds) / 2;
        (slope_of(d, mid) <= t ? holds : fails) = mid;
    }
    return holds;
}

// The days k (a run, first..last) at which the slope of difference d is
// at most t.
struct Run {
    std::uint32_t first = 1, last = 0;  // empty when last < first
};

Run run_at_most(double d, double t, std::uint32_t max_lag) {
    if (d == 0) return 0 <= t ? Run{1, max_lag} : Run{};
    if (d > 0) return {first_k_at_most(d, t, max_lag), max_lag};
    return {1, last_k_at_most(d, t, max_lag)};
}

// Doubles as integers in the same order (both zeros are 0), so that the
// doubles between two bounds can be halved.
std::int64_t order_key(double v) {
    std::int64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits < 0 ? std::numeric_limits<std::int64_t>::min() - bits : bits;
}

double from_order_key(std::int64_t key) {
    std::int64_t bits = key < 0 ? std::numeric_limits<std::int64_t>::min() - key : key;
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

}  // namespace

std::optional<ValueClasses> ValueClasses::of(std::span<const Point> by_x) {
    auto n = by_x.size();
    if (n < 2) return std::nullopt;
    double first = by_x.front().x, span = by_x.back().x - first;
    if (!std::isfinite(first) || !std::isfinite(span) || span >= double(std::numeric_limits<std::int32_t>::max()) ||
        span + 1 > 4.0 * static_cast<double>(n))
        return std::nullopt;
    ValueClasses c;
    for (const auto& p : by_x) {
        // Whole days, and values whose differences cannot overflow.
        if (p.x != std::floor(p.x) || !(std::fabs(p.y) < 1e300)) return std::nullopt;
        c.values_.push_back(p.y);
    }
    std::sort(c.values_.begin(), c.values_.end());
    c.values_.erase(std::unique(c.values_.begin(), c.values_.end()), c.values_.end());
    // Counting by class costs about 40 counts of (classes x points)
    // lookups and (classes^2 x 12) divisions; the pair pass n^2 / 2 divisions.
    auto classes = c.values_.size();
    if (classes * (35 * n + 1400 * classes) >= n * n) return std::nullopt;
    c.max_lag_ = static_cast<std::uint32_t>(span);
    c.days_.resize(classes);
    std::vector<std::uint32_t> per_day(c.max_lag_ + 1, 0);
    for (const auto& p : by_x) {
        auto cls = std::lower_bound(c.values_.begin(), c.values_.end(), p.y) - c.values_.begin();
        auto day = static_cast<std::uint32_t>(p.x - first);
        c.days_[static_cast<std::size_t>(cls)].push_back(day);
        ++per_day[day];
    }
    c.pairs_ = n * (n - 1) / 2;
    for (std::size_t same : per_day)
        if (same > 1) c.pairs_ -= same * (same - 1) / 2;  // pairs on one day have no slope
    c.from_day_.assign(classes, std::vector<std::uint32_t>(c.max_lag_ + 2, 0));
    for (std::size_t b = 0; b < classes; ++b) {
        auto& from = c.from_day_[b];
        for (auto day : c.days_[b]) ++from[day];
        for (auto d = c.max_lag_ + 1; d-- > 0;) from[d] += from[d + 1];
    }
    return c;
}

// Pairs of an earlier point of class a and a later one of class b that lie
// from..to days apart (1 <= from).
std::size_t ValueClasses::pairs_with_lag(std::size_t a, std::size_t b, std::uint32_t from, std::uint32_t to) const {
    const auto& later = from_day_[b];
    std::size_t end = max_lag_ + 1, count = 0;
    for (auto day : days_[a]) {
        std::size_t lo = std::size_t{day} + from;
        if (lo >= end) break;
        count += later[lo] - later[std::min(end, std::size_t{day} + to + 1)];
    }
    return count;
}

std::size_t ValueClasses::count_at_most(double t) const {
    std::size_t count = 0;
    for (std::size_t a = 0; a < values_.size(); ++a)
        for (std::size_t b = 0; b < values_.size(); ++b) {
            auto run = run_at_most(values_[b] - values_[a], t, max_lag_);
            if (run.first <= run.last) count += pairs_with_lag(a, b, run.first, run.last);
        }
    return count;
}

// Every slope value fl(d / k) in (lo, hi], whether or not a pair has it,
// sorted and distinct; empty beyond max_candidates.
std::vector<double> ValueClasses::candidates_between(double lo, double hi) const {
    std::vector<double> candidates;
    for (std::size_t a = 0; a < values_.size(); ++a)
        for (std::size_t b = 0; b < values_.size(); ++b) {
            double d = values_[b] - values_[a];
            if (d == 0) {
                if (lo < 0 && 0 <= hi) candidates.push_back(0.0);
                continue;
            }
            auto up_to_hi = run_at_most(d, hi, max_lag_), up_to_lo = run_at_most(d, lo, max_lag_);
            // The k of slopes at most hi, less those at most lo: the run's other part.
            std::uint32_t first = d > 0 ? up_to_hi.first : up_to_lo.last + 1;
            std::uint32_t last = d > 0 ? up_to_lo.first - 1 : up_to_hi.last;
            if (last >= first && candidates.size() + (last - first + 1) > max_candidates) return {};
            for (auto k = first; k <= last; ++k) candidates.push_back(slope_of(d, k));
        }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return candidates;
}

double ValueClasses::slope_of_rank(std::size_t rank, std::span<const double> sample) const {
    auto above_rank = [&](double t) { return count_at_most(t) > rank; };
    // The rank lies in (lo, hi]: first between two sample values...
    auto in_sample = std::partition_point(sample.begin(), sample.end(), [&](double s) { return !above_rank(s); });
    double lo = in_sample == sample.begin() ? -infinity : *(in_sample - 1);
    double hi = in_sample == sample.end() ? infinity : *in_sample;
    // ...then among the slopes between them: the least one that reaches past the rank.
    if (auto candidates = candidates_between(lo, hi); !candidates.empty())
        return *std::partition_point(candidates.begin(), candidates.end(), [&](double s) { return !above_rank(s); });
    // The keys of -inf and +inf are further apart than an int64 holds: their gap is unsigned.
    std::int64_t fails = order_key(lo), holds = order_key(hi);
    for (std::uint64_t gap; (gap = std::uint64_t(holds) - std::uint64_t(fails)) > 1;) {
        auto mid = static_cast<std::int64_t>(std::uint64_t(fails) + gap / 2);
        (above_rank(from_order_key(mid)) ? holds : fails) = mid;
    }
    return from_order_key(holds);
}

}  // namespace painlog::stats::detail
