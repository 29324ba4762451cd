// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <utility>

#include "painlog/analysis/slope_classes.hpp"

namespace painlog::stats {
namespace {

double sign(double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); }

// The continued fraction of the incomplete beta function, evaluated with
// the modified Lentz method (Press et al., Numerical Recipes, 6.4).
double beta_continued_fraction(double x, double a, double b) {
    constexpr int max_iterations = 300;
    constexpr double epsilon = 1e-15;
    constexpr double tiny = 1e-300;
    double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (std::fabs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= max_iterations; ++m) {
        double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1) < epsilon) break;
    }
    return h;
}


// The Theil–Sen median without storing every pairwise slope. A random
// sample of slopes brackets the middle rank(s); one pass over all pairs then
// counts the slopes outside the bracket and keeps only those inside it.
// Every comparison is between slope doubles computed as the definition
// computes them, so the median is the same double as from sorting them all;
// the sample only decides how many are kept.

// Up to this many pairs every slope is kept: no sample needed.
constexpr std::size_t keep_all_max_pairs = 50'000;
constexpr std::size_t slope_sample_size = 16384;  // on trending data a quarter faster than 8192: fewer slopes kept
// Sample ranks kept on either side of the middle: about 4.5 standard
// deviations of a sample median's rank, so a retry is very rare.
constexpr std::size_t slope_sample_margin = 290;
constexpr double infinity = std::numeric_limits<double>::infinity();

// The slopes of all pairs with distinct x, against a bracket [lo, hi].
struct SlopeCounts {
    double lo = -infinity, hi = infinity;
    std::size_t below = 0;       // < lo
    std::size_t at_lo = 0;       // == lo
    std::vector<double> inside;  // strictly between lo and hi, in no order
    std::size_t at_hi = 0;       // == hi, when hi != lo
    std::size_t above = 0;       // > hi
    [[nodiscard]] std::size_t total() const { return below + at_lo + inside.size() + at_hi + above; }
    [[nodiscard]] bool holds(std::size_t rank) const { return below <= rank && rank < total() - above; }
};

double slope(const Point& earlier, const Point& later) { return (later.y - earlier.y) / (later.x - earlier.x); }

// Two doubles in one SSE2 register (the x86-64 baseline), with GCC's and
// Clang's vector extensions: the division, the costly step, then runs on
// two slopes at once. Each lane's arithmetic is the scalar arithmetic, so
// the slopes are the same doubles. A true lane comparison is -1.
using Lanes = double __attribute__((vector_size(16)));
using LaneMask = std::int64_t __attribute__((vector_size(16)));

std::size_t lane_total(LaneMask counted_down) { return static_cast<std::size_t>(-(counted_down[0] + counted_down[1])); }

// One pass over every pair with distinct x, two pairs at a time. `points`
// must be in x order: each row then starts past the points of equal x, and
// no pair needs a test of its own. (Pairs come out oriented by x, which
// gives the same slope double as by index: negating both sides of a
// division changes nothing, except that a zero is never -0.)
SlopeCounts count_slopes(std::span<const Point> points, double lo, double hi) {
    auto n = points.size();
    std::vector<double> xs(n), ys(n);  // apart, so that neighbours load as one Lanes
    for (std::size_t i = 0; i < n; ++i) xs[i] = points[i].x, ys[i] = points[i].y;
    const Lanes los{lo, lo}, his{hi, hi};
    LaneMask below{}, at_lo{}, at_hi{}, above{};
    SlopeCounts c;
    auto tally = [&](double s) {
        c.below += s < lo, c.at_lo += s == lo, c.at_hi += s == hi, c.above += s > hi;
        if (lo < s && s < hi) c.inside.push_back(s);
    };
    std::size_t first = 0;  // the first point with x above the row's
    for (std::size_t i = 0; i < n; ++i) {
        while (first < n && !(xs[i] < xs[first])) ++first;
        const Lanes xi{xs[i], xs[i]}, yi{ys[i], ys[i]};
        std::size_t j = first;
        for (; j + 2 <= n; j += 2) {
            Lanes x, y;
            std::memcpy(&x, &xs[j], sizeof x);
            std::memcpy(&y, &ys[j], sizeof y);
            Lanes s = (y - yi) / (x - xi);
            below += s < los, at_lo += s == los, at_hi += s == his, above += s > his;
            // Rare: the bracket holds a small part of the slopes.
            if (LaneMask in = (s > los) & (s < his); in[0] | in[1]) {
                if (in[0]) c.inside.push_back(s[0]);
                if (in[1]) c.inside.push_back(s[1]);
            }
        }
        if (j < n) tally((ys[j] - ys[i]) / (xs[j] - xs[i]));
    }
    c.lo = lo, c.hi = hi;
    c.below += lane_total(below), c.at_lo += lane_total(at_lo), c.above += lane_total(above);
    c.at_hi = lo != hi ? c.at_hi + lane_total(at_hi) : 0;
    return c;
}

// The slope of 0-based rank `rank` in ascending order; `c` must hold it.
double slope_at_rank(SlopeCounts& c, std::size_t rank) {
    rank -= c.below;
    if (rank < c.at_lo) return c.lo;
    rank -= c.at_lo;
    if (rank >= c.inside.size()) return c.hi;
    auto nth = c.inside.begin() + static_cast<std::ptrdiff_t>(rank);
    std::nth_element(c.inside.begin(), nth, c.inside.end());
    return *nth;
}

// A sorted sample of slopes of pairs with distinct x, from a fixed seed so
// that the work done is the same on every run. Empty when such pairs are
// too rare to find by chance (nearly every x the same).
std::vector<double> sample_slopes(std::span<const Point> points) {
    std::mt19937_64 random(20261122);
    std::uniform_int_distribution<std::size_t> index(0, points.size() - 1);
    std::vector<double> sample;
    sample.reserve(slope_sample_size);
    for (std::size_t tries = 0; sample.size() < slope_sample_size && tries < 16 * slope_sample_size; ++tries) {
        std::size_t i = index(random), j = index(random);
        if (i > j) std::swap(i, j);
        if (points[i].x != points[j].x) sample.push_back(slope(points[i], points[j]));
    }
    if (sample.size() < slope_sample_size) return {};
    std::sort(sample.begin(), sample.end());
    return sample;
}

// Bounds around the middle of the sample, or no bounds without a sample.
std::pair<double, double> middle_bracket(std::span<const Point> points) {
    auto n = points.size();
    if (n < 2 || n * (n - 1) / 2 <= keep_all_max_pairs) return {-infinity, infinity};
    auto sample = sample_slopes(points);
    if (sample.empty()) return {-infinity, infinity};
    auto mid = slope_sample_size / 2;
    return {sample[mid - slope_sample_margin], sample[mid + slope_sample_margin]};
}

// The median of the slopes counted by class, as theil_sen_slope defines it.
std::optional<double> median_slope(const detail::ValueClasses& classes, std::span<const double> sample) {
    auto n = classes.pairs();
    if (n == 0) return std::nullopt;
    auto lower_rank = (n - 1) / 2, upper_rank = n / 2;
    double lower = classes.slope_of_rank(lower_rank, sample);
    if (n % 2 == 1) return lower;
    double upper = classes.count_at_most(lower) > upper_rank ? lower : classes.slope_of_rank(upper_rank, sample);
    return (lower + upper) / 2;
}

// Counts of values seen so far by rank, with prefix sums in O(log n)
// (a Fenwick tree).
class RankCounts {
public:
    explicit RankCounts(std::size_t ranks) : tree_(ranks + 1, 0) {}
    void add(std::size_t rank) {
        for (auto i = rank + 1; i < tree_.size(); i += i & (~i + 1)) ++tree_[i];
    }
    // How many values seen have a rank below `rank`.
    [[nodiscard]] std::int64_t below(std::size_t rank) const {
        std::int64_t count = 0;
        for (auto i = rank; i > 0; i -= i & (~i + 1)) count += tree_[i];
        return count;
    }

private:
    std::vector<std::int64_t> tree_;
};

// S = sum over i < j of sign(y_j - y_i): for each value in time order, the
// earlier values below it minus the earlier values above it. Only
// comparisons, so the count is the pairwise loop's, in O(n log n).
double mann_kendall_s(std::span<const double> values, std::span<const double> sorted) {
    std::vector<double> distinct(sorted.begin(), sorted.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    RankCounts seen(distinct.size());
    std::int64_t s = 0;
    for (std::size_t j = 0; j < values.size(); ++j) {
        auto rank = static_cast<std::size_t>(std::lower_bound(distinct.begin(), distinct.end(), values[j]) -
                                             distinct.begin());
        auto earlier = static_cast<std::int64_t>(j);
        s += seen.below(rank) - (earlier - seen.below(rank + 1));
        seen.add(rank);
    }
    return static_cast<double>(s);
}

}  // namespace

double round_to(double value, int decimals) {
    double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    return rounded == 0.0 ? 0.0 : rounded;  // no "-0"
}

std::optional<double> percent_change(double value, double baseline) {
    if (baseline == 0.0) return std::nullopt;
    return round_to((value - baseline) / baseline * 100.0, 1);
}

std::optional<double> mean(std::span<const double> values) {
    if (values.empty()) return std::nullopt;
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

std::optional<double> median(std::span<const double> values) {
    if (values.empty()) return std::nullopt;
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    auto n = sorted.size();
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

std::optional<double> sample_sd(std::span<const double> values) {
    if (values.size() < 2) return std::nullopt;
    double m = *mean(values);
    double squares = 0;
    for (double v : values) squares += (v - m) * (v - m);
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

std::vector<double> average_ranks(std::span<const double> values) {
    // Tied values share one rank, so their order among themselves does not
    // matter: a plain sort of (value, position) pairs, which keeps the
    // values next to their positions, is enough.
    std::vector<std::pair<double, std::size_t>> order(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) order[i] = {values[i], i};
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<double> ranks(values.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && order[j + 1].first == order[i].first) ++j;
        // Positions i..j (0-based) hold ranks i+1..j+1: their mean is (i+j)/2 + 1.
        double rank = static_cast<double>(i + j) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k) ranks[order[k].second] = rank;
        i = j + 1;
    }
    return ranks;
}

double normal_two_sided_p(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

double incomplete_beta(double x, double a, double b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                            b * std::log1p(-x));
    if (x < (a + 1) / (a + b + 2)) return front * beta_continued_fraction(x, a, b) / a;
    return 1 - front * beta_continued_fraction(1 - x, b, a) / b;
}

double student_t_two_sided_p(double t, double df) {
    if (std::isinf(t)) return 0;
    return incomplete_beta(df / (df + t * t), df / 2, 0.5);
}

std::optional<double> theil_sen_slope(std::span<const Point> points) {
    auto n = points.size();
    if (n >= 2 && n * (n - 1) / 2 > keep_all_max_pairs) {
        // Diary days with few distinct values: count slopes by value class (slope_classes.hpp).
        std::vector<Point> by_x(points.begin(), points.end());
        std::stable_sort(by_x.begin(), by_x.end(), [](const Point& a, const Point& b) { return a.x < b.x; });
        if (auto classes = detail::ValueClasses::of(by_x)) return median_slope(*classes, sample_slopes(points));
    }
    auto [lo, hi] = middle_bracket(points);
    return theil_sen_slope(points, lo, hi);
}

std::optional<double> theil_sen_slope(std::span<const Point> points, double lo, double hi) {
    if (!(lo <= hi)) lo = -infinity, hi = infinity;
    std::vector<Point> by_x(points.begin(), points.end());
    std::stable_sort(by_x.begin(), by_x.end(), [](const Point& a, const Point& b) { return a.x < b.x; });
    for (;;) {
        auto c = count_slopes(by_x, lo, hi);
        auto n = c.total();
        if (n == 0) return std::nullopt;
        auto lower_rank = (n - 1) / 2, upper_rank = n / 2;
        if (c.holds(lower_rank) && c.holds(upper_rank)) {
            double upper = slope_at_rank(c, upper_rank);
            if (n % 2 == 1) return upper;
            return (slope_at_rank(c, lower_rank) + upper) / 2;
        }
        // The guess missed: the side that missed becomes unbounded.
        if (lower_rank < c.below) lo = -infinity;
        if (upper_rank >= n - c.above) hi = infinity;
    }
}

std::optional<MannKendall> mann_kendall(std::span<const double> values) {
    auto n = values.size();
    if (n < 2) return std::nullopt;
    MannKendall mk;
    mk.n = n;
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    mk.s = mann_kendall_s(values, sorted);
    double ties = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && sorted[j] == sorted[i]) ++j;
        auto t = static_cast<double>(j - i);
        ties += t * (t - 1) * (2 * t + 5);
        i = j;
    }
    auto nd = static_cast<double>(n);
    mk.var_s = (nd * (nd - 1) * (2 * nd + 5) - ties) / 18.0;
    if (mk.var_s > 0 && mk.s != 0) mk.z = (mk.s - sign(mk.s)) / std::sqrt(mk.var_s);
    mk.p = normal_two_sided_p(mk.z);
    return mk;
}

std::optional<Correlation> spearman(std::span<const double> x, std::span<const double> y) {
    if (x.size() != y.size() || x.size() < 3) return std::nullopt;
    auto rx = average_ranks(x);
    auto ry = average_ranks(y);
    double mx = *mean(rx), my = *mean(ry);
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < rx.size(); ++i) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    if (sxx == 0 || syy == 0) return std::nullopt;
    Correlation c;
    c.n = x.size();
    c.rho = std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
    double df = static_cast<double>(c.n) - 2;
    if (std::fabs(c.rho) >= 1) {
        c.p = 0;
    } else {
        double t = c.rho * std::sqrt(df / (1 - c.rho * c.rho));
        c.p = student_t_two_sided_p(t, df);
    }
    return c;
}

std::vector<std::optional<double>> rolling_mean(std::span<const DayValue> series, Day from, Day to, int window,
                                                int min_values) {
    std::vector<std::optional<double>> result;
    if (to < from || window < 1) return result;
    result.reserve(static_cast<std::size_t>((to - from).count() + 1));
    // Two cursors over the series bound the window [d - (window-1), d].
    std::size_t first = 0, last = 0;
    double sum = 0;
    int count = 0;
    for (Day d = from; d <= to; d += date::days{1}) {
        while (last < series.size() && series[last].day <= d) {
            sum += series[last].value;
            ++count;
            ++last;
        }
        while (first < last && series[first].day < d - date::days{window - 1}) {
            sum -= series[first].value;
            --count;
            ++first;
        }
        if (count >= min_values && count > 0)
            result.emplace_back(sum / count);
        else
            result.emplace_back(std::nullopt);
    }
    return result;
}

}  // namespace painlog::stats
