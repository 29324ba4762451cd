// SPDX-License-Identifier: GPL-3.0-or-later
// The fast Theil–Sen and Mann–Kendall against the textbook definitions,
// written out here as the straightforward all-pairs loops (sort every slope,
// sum every sign). The fast versions promise the very same doubles, so the
// checks are exact, on data like a diary's: integer ratings (heavy ties),
// half-integer daily means, gaps, repeated days, and sizes on both sides of
// the point where the slope sample starts.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <vector>

#include "painlog/analysis/slope_classes.hpp"
#include "painlog/analysis/stats.hpp"

namespace painlog::test_stats_exact {

using namespace painlog::stats;

namespace {

// Every slope of a pair with distinct x, sorted.
std::vector<double> all_slopes(const std::vector<Point>& points) {
    std::vector<double> slopes;
    for (std::size_t i = 0; i < points.size(); ++i)
        for (std::size_t j = i + 1; j < points.size(); ++j)
            if (points[j].x != points[i].x) slopes.push_back((points[j].y - points[i].y) / (points[j].x - points[i].x));
    std::sort(slopes.begin(), slopes.end());
    return slopes;
}

std::optional<double> reference_theil_sen(const std::vector<Point>& points) {
    auto slopes = all_slopes(points);
    if (slopes.empty()) return std::nullopt;
    auto n = slopes.size();
    return n % 2 == 1 ? slopes[n / 2] : (slopes[n / 2 - 1] + slopes[n / 2]) / 2;
}

MannKendall reference_mann_kendall(const std::vector<double>& y) {
    MannKendall mk;
    mk.n = y.size();
    for (std::size_t i = 0; i < y.size(); ++i)
        for (std::size_t j = i + 1; j < y.size(); ++j) mk.s += y[j] > y[i] ? 1 : (y[j] < y[i] ? -1 : 0);
    double ties = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        // Count each group of equal values once, at its first member.
        if (std::find(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(i), y[i]) != y.begin() + static_cast<std::ptrdiff_t>(i))
            continue;
        auto t = static_cast<double>(std::count(y.begin(), y.end(), y[i]));
        ties += t * (t - 1) * (2 * t + 5);
    }
    auto n = static_cast<double>(y.size());
    mk.var_s = (n * (n - 1) * (2 * n + 5) - ties) / 18.0;
    if (mk.var_s > 0 && mk.s != 0) mk.z = (mk.s - (mk.s > 0 ? 1 : -1)) / std::sqrt(mk.var_s);
    mk.p = std::erfc(std::fabs(mk.z) / std::sqrt(2.0));
    return mk;
}

// Days 0, 1, 2, ... with about `gap_percent` of them skipped; values are
// whole ratings 0-10, or (`halves`) means of two ratings.
std::vector<Point> diary_points(std::size_t n, unsigned seed, int gap_percent, bool halves) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> rating(0, 10), percent(0, 99);
    std::vector<Point> points;
    double day = 0;
    while (points.size() < n) {
        if (percent(random) >= gap_percent) {
            double value = halves ? (rating(random) + rating(random)) / 2.0 : rating(random);
            points.push_back({day, value});
        }
        ++day;
    }
    return points;
}

std::vector<double> y_of(const std::vector<Point>& points) {
    std::vector<double> y;
    for (const auto& p : points) y.push_back(p.y);
    return y;
}

void check_theil_sen(const std::vector<Point>& points) {
    auto expected = reference_theil_sen(points);
    auto actual = theil_sen_slope(points);
    REQUIRE(actual.has_value() == expected.has_value());
    if (expected) {
        CHECK(*actual == *expected);
        CHECK(std::signbit(*actual) == std::signbit(*expected));
    }
}

void check_mann_kendall(const std::vector<double>& y) {
    auto actual = mann_kendall(y);
    REQUIRE(actual.has_value() == (y.size() >= 2));
    if (!actual) return;
    auto expected = reference_mann_kendall(y);
    CHECK(actual->n == expected.n);
    CHECK(actual->s == expected.s);
    CHECK(actual->var_s == expected.var_s);
    CHECK(actual->z == expected.z);
    CHECK(actual->p == expected.p);
}

}  // namespace

TEST_CASE("Theil–Sen and Mann–Kendall equal the all-pairs definitions on diary-like data") {
    // 316 points are the most kept whole (50,000 pairs); from 317 a sample brackets the median.
    for (std::size_t n : {0, 1, 2, 3, 4, 8, 9, 31, 316, 317, 318, 600, 1201, 2000}) {
        for (unsigned seed : {1u, 2u}) {
            for (bool halves : {false, true}) {
                CAPTURE(n);
                CAPTURE(seed);
                CAPTURE(halves);
                auto points = diary_points(n, seed, seed == 1 ? 0 : 30, halves);
                check_theil_sen(points);
                check_mann_kendall(y_of(points));
            }
        }
    }
}

TEST_CASE("Theil–Sen and Mann–Kendall equal the definitions over ten years of daily values") {
    auto points = diary_points(3650, 7, 5, true);
    check_theil_sen(points);
    check_mann_kendall(y_of(points));
}

TEST_CASE("Theil–Sen equals the definition on trending data, odd and even slope counts") {
    // A rising trend with noise: the median is far from 0 and not a tie.
    std::mt19937 random(11);
    std::normal_distribution<double> noise(0, 1.5);
    for (std::size_t n : {500, 501, 1000}) {
        std::vector<Point> points;
        for (std::size_t i = 0; i < n; ++i) points.push_back({static_cast<double>(i), 0.01 * static_cast<double>(i) + noise(random)});
        CAPTURE(n);
        check_theil_sen(points);
        check_mann_kendall(y_of(points));
    }
}

TEST_CASE("Theil–Sen: all values equal, slope 0; Mann–Kendall: S 0") {
    for (std::size_t n : {2, 9, 400}) {
        std::vector<Point> points;
        for (std::size_t i = 0; i < n; ++i) points.push_back({static_cast<double>(i), 4});
        CAPTURE(n);
        check_theil_sen(points);
        CHECK(*theil_sen_slope(points) == 0);
        check_mann_kendall(y_of(points));
    }
}

TEST_CASE("Theil–Sen with repeated x: pairs on the same x are skipped, as in the definition") {
    // Several entries a day, not averaged: many pairs share x.
    std::mt19937 random(5);
    std::uniform_int_distribution<int> rating(0, 10), per_day(1, 4);
    for (std::size_t days : {5, 120, 400}) {
        std::vector<Point> points;
        for (std::size_t d = 0; d < days; ++d)
            for (int k = per_day(random); k > 0; --k) points.push_back({static_cast<double>(d), static_cast<double>(rating(random))});
        CAPTURE(days);
        check_theil_sen(points);
    }
}

TEST_CASE("Theil–Sen when (nearly) every x is the same") {
    // All x equal: no pair counts, no slope. Two distinct x among many
    // points: too rare for the sample, so every slope is kept.
    std::vector<Point> same_x;
    for (int i = 0; i < 1000; ++i) same_x.push_back({3, static_cast<double>(i % 7)});
    CHECK_FALSE(theil_sen_slope(same_x).has_value());
    same_x.push_back({4, 1});
    same_x.push_back({5, 9});
    check_theil_sen(same_x);
    CHECK_FALSE(theil_sen_slope(std::vector<Point>{{1, 2}, {1, 5}}).has_value());
}

TEST_CASE("Theil–Sen with x out of order gives the definition's slopes") {
    auto points = diary_points(700, 3, 20, false);
    std::reverse(points.begin(), points.end());
    std::swap(points[10], points[400]);
    auto expected = reference_theil_sen(points);
    REQUIRE(expected);
    CHECK(*theil_sen_slope(points) == *expected);  // a zero median may differ in the sign of the zero
}

TEST_CASE("Theil–Sen from any guess of the bounds gives the same double") {
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (bool halves : {false, true}) {
        auto points = diary_points(900, 9, 10, halves);
        auto expected = reference_theil_sen(points);
        REQUIRE(expected);
        CAPTURE(halves);
        // Exact, too low, too high, empty, reversed, one-sided, unbounded and NaN guesses.
        // A pair, not [lo, hi]: clang 14 cannot capture structured bindings in CAPTURE's lambda.
        for (auto guess : std::vector<std::pair<double, double>>{{*expected, *expected},
                                                                    {-0.5, -0.25},
                                                                    {0.25, 0.5},
                                                                    {-100, -99},
                                                                    {0.01, -0.01},
                                                                    {*expected, inf},
                                                                    {-inf, *expected},
                                                                    {-inf, inf},
                                                                    {std::nan(""), 1}}) {
            CAPTURE(guess.first);
            CAPTURE(guess.second);
            auto actual = theil_sen_slope(points, guess.first, guess.second);
            REQUIRE(actual);
            CHECK(*actual == *expected);
        }
    }
}

// Counting by value class (slope_classes.hpp) takes over from about 2,000
// days of few distinct values: these cases make sure that it does, then
// compare it with the definition.
namespace {

void check_by_class(const std::vector<Point>& points) {
    REQUIRE(detail::ValueClasses::of(points).has_value());
    check_theil_sen(points);
}

}  // namespace

TEST_CASE("Theil–Sen by value class equals the definition: ratings, halves, gaps, a trend, one value") {
    for (unsigned seed : {3u, 4u}) {
        CAPTURE(seed);
        check_by_class(diary_points(2500, seed, 0, false));
        check_by_class(diary_points(2500, seed, 60, true));  // 60 % of days missing
    }
    // Pain falling by a point every 250 days: every slope is 0 or negative, the median below 0.
    std::vector<Point> falling;
    for (int d = 0; d < 2600; ++d) falling.push_back({static_cast<double>(d), 10.0 - d / 250});
    check_by_class(falling);
    CHECK(*theil_sen_slope(falling) < 0);
    std::vector<Point> flat;
    for (int d = 0; d < 2600; ++d) flat.push_back({static_cast<double>(d + 20000), 3.5});
    check_by_class(flat);
    CHECK(*theil_sen_slope(flat) == 0);
}

TEST_CASE("Theil–Sen by value class with several points a day and negative days") {
    std::mt19937 random(8);
    std::uniform_int_distribution<int> rating(0, 10), per_day(1, 3);
    std::vector<Point> points;
    for (int d = -1500; d < 700; ++d)
        for (int k = per_day(random); k > 0; --k) points.push_back({static_cast<double>(d), static_cast<double>(rating(random))});
    check_by_class(points);
}

TEST_CASE("value classes count the slopes at most t and find every rank, with or without a sample") {
    auto points = diary_points(2200, 12, 10, false);
    auto classes = detail::ValueClasses::of(points);
    REQUIRE(classes);
    auto slopes = all_slopes(points);
    CHECK(classes->pairs() == slopes.size());
    for (double t : {-10.0, -0.5, -1.0 / 3, 0.0, 1e-9, 0.25, 10.0}) {
        CAPTURE(t);
        auto expected = static_cast<std::size_t>(std::upper_bound(slopes.begin(), slopes.end(), t) - slopes.begin());
        CHECK(classes->count_at_most(t) == expected);
    }
    // Without a sample the candidates span every slope; ranks at both ends and in the middle.
    std::vector<double> sample{slopes[slopes.size() / 3], slopes[slopes.size() / 2], slopes[slopes.size() * 2 / 3]};
    for (std::size_t rank : {std::size_t{0}, slopes.size() / 2, slopes.size() - 1}) {
        CAPTURE(rank);
        CHECK(classes->slope_of_rank(rank, {}) == slopes[rank]);
        CHECK(classes->slope_of_rank(rank, sample) == slopes[rank]);
    }
}

TEST_CASE("value classes: too many candidate slopes, so the doubles are halved instead") {
    // 41 values (0.0 to 4.0 by tenths) over 2,600 days: 41^2 x 2,600 candidates, past the limit.
    std::mt19937 random(21);
    std::uniform_int_distribution<int> tenth(0, 40);
    std::vector<Point> points;
    for (int d = 0; d < 2600; ++d) points.push_back({static_cast<double>(d), tenth(random) / 10.0});
    auto classes = detail::ValueClasses::of(points);
    REQUIRE(classes);
    auto slopes = all_slopes(points);
    for (std::size_t rank : {std::size_t{5}, slopes.size() / 2}) {
        CAPTURE(rank);
        CHECK(classes->slope_of_rank(rank, {}) == slopes[rank]);
    }
}

TEST_CASE("value classes are not used where the pair pass is cheaper or the days are not whole") {
    CHECK_FALSE(detail::ValueClasses::of(diary_points(300, 1, 0, false)));  // few points
    auto spread = diary_points(2500, 1, 0, false);
    for (auto& p : spread) p.y += p.x / 1000.0;  // as many values as points
    CHECK_FALSE(detail::ValueClasses::of(spread));
    auto halves = diary_points(2500, 1, 0, false);
    for (auto& p : halves) p.x /= 2;  // half days
    CHECK_FALSE(detail::ValueClasses::of(halves));
    auto sparse = diary_points(2500, 1, 80, false);  // a point on one day in five
    CHECK_FALSE(detail::ValueClasses::of(sparse));
}

}  // namespace painlog::test_stats_exact
