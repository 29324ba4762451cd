// SPDX-License-Identifier: GPL-3.0-or-later
// Statistics checked against values computed independently: by hand where
// the arithmetic is short, otherwise by a separate Python 3 implementation
// (standard library only) written from the textbook definitions, run once,
// with its results written in here as literals:
//
//   def mk(y):  # Mann–Kendall with the tie correction
//       s = sum(sgn(y[j]-y[i]) for i in range(n) for j in range(i+1, n))
//       var = (n*(n-1)*(2n+5) - sum(t*(t-1)*(2t+5) for t in Counter(y).values())) / 18
//       z = 0 if s == 0 else (s - sgn(s)) / sqrt(var); p = erfc(|z| / sqrt 2)
//   def ts(pts): median of (yj-yi)/(xj-xi) over all pairs, statistics.median
//   ranks: (count(w < x) + 1 + count(w <= x)) / 2, the average-rank formula
//   spearman: Pearson r of those ranks; t = r sqrt((n-2)/(1-r^2));
//   p = 2 * integral_|t|^inf of the Student t density, by Simpson's rule
//       (200,000 steps), which does not use the incomplete beta at all.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "painlog/analysis/stats.hpp"

namespace painlog::test_stats {
using namespace painlog::stats;
using doctest::Approx;

namespace {

Day d(int y, unsigned m, unsigned dd) { return date::year{y} / m / dd; }

}  // namespace

TEST_CASE("mean, median and sample sd of a small sample with ties") {
    // 2 4 4 4 5 5 7 9: sum 40, mean 5; median (4+5)/2; squares 9+1+1+1+0+0+4+16 = 32, sd sqrt(32/7).
    std::vector<double> v{9, 4, 2, 5, 4, 7, 4, 5};
    CHECK(*mean(v) == Approx(5.0));
    CHECK(*median(v) == Approx(4.5));
    CHECK(*sample_sd(v) == Approx(std::sqrt(32.0 / 7.0)));
    CHECK(*sample_sd(v) == Approx(2.138089935299395));
}

TEST_CASE("one value: mean and median are the value, sd does not exist") {
    std::vector<double> v{3.5};
    CHECK(*mean(v) == 3.5);
    CHECK(*median(v) == 3.5);
    CHECK_FALSE(sample_sd(v).has_value());
}

TEST_CASE("no values: nothing exists") {
    std::vector<double> v;
    CHECK_FALSE(mean(v).has_value());
    CHECK_FALSE(median(v).has_value());
    CHECK_FALSE(sample_sd(v).has_value());
    CHECK_FALSE(mann_kendall(v).has_value());
    CHECK_FALSE(theil_sen_slope(std::vector<Point>{}).has_value());
    CHECK(average_ranks(v).empty());
}

TEST_CASE("median of an odd count is the middle value") {
    std::vector<double> v{7, 1, 3};
    CHECK(*median(v) == 3);
}

TEST_CASE("average ranks share the mean rank among ties") {
    std::vector<double> x{6, 7, 7, 5, 8, 8, 8, 4, 6, 9, 5, 7};
    std::vector<double> expected{4.5, 7.0, 7.0, 2.5, 10.0, 10.0, 10.0, 1.0, 4.5, 12.0, 2.5, 7.0};
    CHECK(average_ranks(x) == expected);
}

TEST_CASE("Mann–Kendall with ties in the values") {
    // 5 6 4 4 3 3 2 5 1 2: S = -27 (python); four pairs of ties, each 2*1*9 = 18:
    // var = (10*9*25 - 72) / 18 = 121; z = (-27 + 1) / 11 = -2.3636...; p = erfc(2.3636/sqrt 2).
    std::vector<double> y{5, 6, 4, 4, 3, 3, 2, 5, 1, 2};
    auto mk = mann_kendall(y);
    REQUIRE(mk);
    CHECK(mk->n == 10);
    CHECK(mk->s == -27);
    CHECK(mk->var_s == Approx(121.0));
    CHECK(mk->z == Approx(-26.0 / 11.0));
    CHECK(mk->p == Approx(0.018096565413691125));
}

TEST_CASE("Mann–Kendall on a strictly rising series") {
    // 1..8: every pair rises, S = 28; var = 8*7*21/18 = 65.333; z = 27/sqrt(65.333).
    std::vector<double> y{1, 2, 3, 4, 5, 6, 7, 8};
    auto mk = mann_kendall(y);
    REQUIRE(mk);
    CHECK(mk->s == 28);
    CHECK(mk->var_s == Approx(65.33333333333333));
    CHECK(mk->z == Approx(3.340383700311406));
    CHECK(mk->p == Approx(0.0008366271311193047));
}

TEST_CASE("Mann–Kendall: all values tied gives S 0, z 0, p 1") {
    std::vector<double> y{4, 4, 4, 4, 4, 4, 4, 4};
    auto mk = mann_kendall(y);
    REQUIRE(mk);
    CHECK(mk->s == 0);
    CHECK(mk->var_s == Approx(0.0));  // 8*7*21 - 8*7*21
    CHECK(mk->z == 0);
    CHECK(mk->p == 1);
}

TEST_CASE("Theil–Sen slope over days with gaps") {
    // Days 0 1 3 4 7 8 10 13 14 (gaps at 2, 5, 6, 9, 11, 12); python: median of the
    // 36 pairwise slopes = -0.2857142857 (= -2/7). Mann–Kendall of those y: S = -21, var 89.
    std::vector<Point> pts{{0, 6}, {1, 6}, {3, 5}, {4, 7}, {7, 4}, {8, 4}, {10, 3}, {13, 5}, {14, 2}};
    CHECK(*theil_sen_slope(pts) == Approx(-2.0 / 7.0));
    std::vector<double> y;
    for (auto p : pts) y.push_back(p.y);
    auto mk = mann_kendall(y);
    REQUIRE(mk);
    CHECK(mk->s == -21);
    CHECK(mk->var_s == Approx(89.0));
    CHECK(mk->z == Approx(-2.11999576001272));
    CHECK(mk->p == Approx(0.03400640286438699));
}

TEST_CASE("Theil–Sen slope of an even number of slopes is the mean of the middle two") {
    // (0,0) (1,1) (2,4): slopes 1, 2, 3 -> 2 (odd). Add (3,3): slopes 1,2,1,3,1,-1 -> sorted
    // -1 1 1 1 2 3, middle two 1 and 1 -> 1.
    std::vector<Point> three{{0, 0}, {1, 1}, {2, 4}};
    CHECK(*theil_sen_slope(three) == Approx(2.0));
    std::vector<Point> four{{0, 0}, {1, 1}, {2, 4}, {3, 3}};
    CHECK(*theil_sen_slope(four) == Approx(1.0));
    // Slopes 1 and 3 only: (1+3)/2.
    std::vector<Point> two_slopes{{0, 0}, {1, 1}, {1, 3}};
    // pairs: (0,0)-(1,1) = 1, (0,0)-(1,3) = 3, (1,1)-(1,3) has equal x and is skipped.
    CHECK(*theil_sen_slope(two_slopes) == Approx(2.0));
}

TEST_CASE("Spearman with ties, against an independent implementation") {
    std::vector<double> x{6, 7, 7, 5, 8, 8, 8, 4, 6, 9, 5, 7};
    std::vector<double> y{5, 4, 4, 6, 3, 4, 2, 7, 5, 3, 5, 6};
    auto c = spearman(x, y);
    REQUIRE(c);
    CHECK(c->n == 12);
    CHECK(c->rho == Approx(-0.8568840579710145));
    CHECK(c->p == Approx(0.00036998531831968553).epsilon(1e-6));
}

TEST_CASE("Spearman: perfect agreement has p 0; constant input and short input have no rho") {
    std::vector<double> a{1, 2, 3, 4, 5}, b{10, 20, 30, 40, 50}, flat{3, 3, 3, 3, 3};
    auto c = spearman(a, b);
    REQUIRE(c);
    CHECK(c->rho == Approx(1.0));
    CHECK(c->p == 0);
    CHECK_FALSE(spearman(a, flat).has_value());
    std::vector<double> two{1, 2};
    CHECK_FALSE(spearman(two, two).has_value());
    std::vector<double> three{1, 2, 3};
    CHECK_FALSE(spearman(a, three).has_value());
}

TEST_CASE("Student t two-sided p matches tables") {
    // Tables (and the Simpson integral above): t = 2.0, df 10 -> 0.0734; t = 0.5, df 3 -> 0.6514.
    CHECK(student_t_two_sided_p(2.0, 10) == Approx(0.0733880347834844).epsilon(1e-6));
    CHECK(student_t_two_sided_p(-2.0, 10) == Approx(0.0733880347834844).epsilon(1e-6));
    CHECK(student_t_two_sided_p(0.5, 3) == Approx(0.6514479644784091).epsilon(1e-6));
    CHECK(student_t_two_sided_p(0.0, 5) == Approx(1.0));
    // df 1 is the Cauchy distribution: P(|T| >= 1) = 1 - 2 atan(1)/pi = 0.5.
    CHECK(student_t_two_sided_p(1.0, 1) == Approx(0.5));
}

TEST_CASE("normal two-sided p") {
    CHECK(normal_two_sided_p(1.959963984540054) == Approx(0.05));
    CHECK(normal_two_sided_p(0) == Approx(1.0));
}

TEST_CASE("rolling mean over calendar days counts gaps as gaps, not zeros") {
    // Values on Nov 1, 2, 3, 5 and 9 (4, 6, 8, 2 and 10); window 7, at least 2 values.
    std::vector<DayValue> s{{d(2026, 11, 1), 4}, {d(2026, 11, 2), 6}, {d(2026, 11, 3), 8},
                            {d(2026, 11, 5), 2}, {d(2026, 11, 9), 10}};
    auto r = rolling_mean(s, d(2026, 11, 1), d(2026, 11, 12), 7, 2);
    REQUIRE(r.size() == 12);
    CHECK_FALSE(r[0].has_value());             // Nov 1: only 4
    CHECK(*r[1] == Approx(5.0));               // Nov 2: 4 6
    CHECK(*r[2] == Approx(6.0));               // Nov 3: 4 6 8
    CHECK(*r[4] == Approx(5.0));               // Nov 5: 4 6 8 2
    CHECK(*r[6] == Approx(5.0));               // Nov 7: window Nov 1–7, same four
    CHECK(*r[7] == Approx(16.0 / 3.0));        // Nov 8: Nov 2–8: 6 8 2
    CHECK(*r[8] == Approx(20.0 / 3.0));        // Nov 9: Nov 3–9: 8 2 10
    CHECK(*r[9] == Approx(6.0));               // Nov 10: Nov 4–10: 2 10
    CHECK(*r[10] == Approx(6.0));              // Nov 11: Nov 5–11: 2 10
    CHECK_FALSE(r[11].has_value());            // Nov 12: Nov 6–12: 10 alone
}

TEST_CASE("rolling mean: values before the first day fill the first windows") {
    std::vector<DayValue> s{{d(2026, 10, 28), 3}, {d(2026, 10, 30), 5}, {d(2026, 11, 1), 7}};
    auto r = rolling_mean(s, d(2026, 11, 1), d(2026, 11, 4), 7, 1);
    REQUIRE(r.size() == 4);
    CHECK(*r[0] == Approx(5.0));  // Oct 26 – Nov 1: 3 5 7
    CHECK(*r[2] == Approx(5.0));  // Oct 28 – Nov 3: 3 5 7
    CHECK(*r[3] == Approx(6.0));  // Oct 29 – Nov 4: 5 7
}

}  // namespace painlog::test_stats
