// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/nonoverlap.hpp"

#include <cmath>
#include <vector>

#include "painlog/analysis/trend.hpp"

namespace painlog {
namespace {

constexpr double z_95 = 1.959963984540054;  // the 0.975 quantile of the standard normal

// Newcombe's method 5: NAP's bounds are the roots of f(x) = m n (NAP - x)^2
// (2 - x)(1 + x) - z^2 x (1 - x)(2 + h + (1 + 2h) x (1 - x)), h = (m + n)/2 - 1.
// f is positive at 0 and 1 and negative at NAP (for 0 < NAP < 1), so one
// root lies on each side; bisection finds it to double precision.
template <typename F>
double root_between(const F& f, double lo, double hi) {
    bool rising = f(hi) > f(lo);
    for (int i = 0; i < 200 && hi - lo > 1e-15; ++i) {
        double mid = (lo + hi) / 2;
        ((f(mid) > 0) == rising ? hi : lo) = mid;
    }
    return (lo + hi) / 2;
}

}  // namespace

std::optional<NonOverlap> non_overlap(std::span<const double> baseline, std::span<const double> phase, Better better) {
    if (baseline.empty() || phase.empty()) return std::nullopt;
    double pairs = 0;
    for (double a : baseline)
        for (double b : phase) {
            bool improved = better == Better::lower ? b < a : b > a;
            pairs += improved ? 1.0 : b == a ? 0.5 : 0.0;
        }
    double m = static_cast<double>(baseline.size());
    double n = static_cast<double>(phase.size());
    NonOverlap r{static_cast<int>(baseline.size()), static_cast<int>(phase.size()), pairs / (m * n), 0, 1};
    double h = (m + n) / 2 - 1;
    auto f = [&](double x) {
        return m * n * (r.nap - x) * (r.nap - x) * (2 - x) * (1 + x) -
               z_95 * z_95 * x * (1 - x) * (2 + h + (1 + 2 * h) * x * (1 - x));
    };
    if (r.nap > 0) r.nap_lower = root_between(f, 0, r.nap);
    if (r.nap < 1) r.nap_upper = root_between(f, r.nap, 1);
    return r;
}

namespace {

std::vector<double> values_of(std::span<const stats::Point> points) {
    std::vector<double> values;
    for (const auto& p : points) values.push_back(p.y);
    return values;
}

std::vector<double> residuals(std::span<const stats::Point> points, const BaselineTrend& line) {
    std::vector<double> values;
    for (const auto& p : points) values.push_back(stats::round_to(p.y - (line.intercept + line.slope_per_day * p.x), 9));
    return values;
}

}  // namespace

std::optional<BaselineTrend> baseline_trend(std::span<const stats::Point> baseline) {
    if (baseline.size() < min_trend_n) return std::nullopt;
    auto slope = stats::theil_sen_slope(baseline);
    if (!slope) return std::nullopt;
    BaselineTrend trend;
    trend.n = baseline.size();
    trend.slope_per_day = *slope;
    std::vector<double> offsets;
    for (const auto& p : baseline) offsets.push_back(p.y - *slope * p.x);
    trend.intercept = *stats::median(offsets);
    trend.test = *stats::mann_kendall(values_of(baseline));
    trend.trending = trend.test.p < stats::significance_level;
    return trend;
}

std::optional<NonOverlap> baseline_corrected(std::span<const stats::Point> baseline, std::span<const stats::Point> phase,
                                             Better better, const std::optional<BaselineTrend>& trend) {
    if (trend && trend->trending) return non_overlap(residuals(baseline, *trend), residuals(phase, *trend), better);
    return non_overlap(values_of(baseline), values_of(phase), better);
}

}  // namespace painlog
