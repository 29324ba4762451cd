#include "painlog/stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

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

}  // namespace

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
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
        // Positions i..j (0-based) hold ranks i+1..j+1: their mean is (i+j)/2 + 1.
        double rank = static_cast<double>(i + j) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = rank;
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
    std::vector<double> slopes;
    slopes.reserve(points.size() * (points.size() > 0 ? points.size() - 1 : 0) / 2);
    for (std::size_t i = 0; i < points.size(); ++i)
        for (std::size_t j = i + 1; j < points.size(); ++j)
            if (points[j].x != points[i].x)
                slopes.push_back((points[j].y - points[i].y) / (points[j].x - points[i].x));
    if (slopes.empty()) return std::nullopt;
    // The median without sorting everything: nth_element, then the largest
    // of the lower half for an even count.
    auto n = slopes.size();
    auto mid = slopes.begin() + static_cast<std::ptrdiff_t>(n / 2);
    std::nth_element(slopes.begin(), mid, slopes.end());
    double upper = *mid;
    if (n % 2 == 1) return upper;
    double lower = *std::max_element(slopes.begin(), mid);
    return (lower + upper) / 2;
}

std::optional<MannKendall> mann_kendall(std::span<const double> values) {
    auto n = values.size();
    if (n < 2) return std::nullopt;
    MannKendall mk;
    mk.n = n;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) mk.s += sign(values[j] - values[i]);
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
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
