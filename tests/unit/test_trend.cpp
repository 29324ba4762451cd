// SPDX-License-Identifier: GPL-3.0-or-later
// Trend analysis against figures computed independently with the Python
// reference implementation described in test_stats.cpp (Mann–Kendall with
// ties, Theil–Sen as the median of pairwise slopes, the rolling mean by
// listing each 7-day window by hand).
#include <doctest/doctest.h>

#include <vector>

#include "painlog/store/diary.hpp"
#include "painlog/analysis/trend.hpp"

namespace painlog::test_trend {
using doctest::Approx;

namespace {

Day nov(unsigned dd) { return date::year{2026} / 11 / dd; }
Day oct(unsigned dd) { return date::year{2026} / 10 / dd; }

DailyValues with(Day day, Metric metric, double value) {
    DailyValues d;
    d.day = day;
    d.entries = 1;
    d.values[static_cast<std::size_t>(metric)] = value;
    return d;
}

// Pain falling with ties and gaps over Nov 1–14 (no value on Nov 4, 8, 13),
// with two lead-in days before the period (Oct 27: 8, Oct 29: 7) that only
// feed the rolling mean. Energy on Nov 20–28 wanders without a trend. Mood
// has only 5 days.
std::vector<DailyValues> fixture() {
    std::vector<DailyValues> days{with(oct(20), Metric::pain, 0), with(oct(27), Metric::pain, 8),
                                  with(oct(29), Metric::pain, 7)};
    std::vector<std::pair<unsigned, double>> pain{{1, 7},  {2, 7},  {3, 6},  {5, 6},  {6, 5}, {7, 6},
                                                  {9, 5},  {10, 4}, {11, 5}, {12, 4}, {14, 3}};
    for (auto [dd, v] : pain) days.push_back(with(nov(dd), Metric::pain, v));
    for (unsigned dd = 1; dd <= 5; ++dd) days[days.size() - 11 + dd - 1].values[static_cast<std::size_t>(Metric::mood)] = 5.0 + dd;
    return days;
}

const Period fortnight{nov(1), nov(14)};

}  // namespace

TEST_CASE("trend: Theil–Sen slope per week and Mann–Kendall with ties over days with gaps") {
    auto trend = analyze_trend(fixture(), fortnight, {Metric::pain}, Grouping::week);
    REQUIRE(trend.metrics.size() == 1);
    const auto& pain = trend.metrics[0];
    CHECK(pain.n == 11);  // the lead-in days and Oct 20 are not in the period
    REQUIRE(pain.mann_kendall);
    CHECK(pain.mann_kendall->s == -43);
    CHECK(pain.mann_kendall->var_s == Approx(155.66666666666666));
    CHECK(pain.mann_kendall->z == Approx(-3.3662896164151688));
    CHECK(pain.mann_kendall->p == Approx(0.0007618667283235179));
    // python: median pairwise slope -0.2727 a day (= -3/11), times 7.
    CHECK(*pain.slope_per_week == Approx(-0.2727272727272727 * 7));
    // Pain going down is better.
    CHECK(pain.direction == Direction::improving);
}

TEST_CASE("trend: one point per calendar day, gaps null, rolling mean fed by the days before") {
    auto trend = analyze_trend(fixture(), fortnight, {Metric::pain}, Grouping::week);
    const auto& points = trend.metrics[0].points;
    REQUIRE(points.size() == 14);
    CHECK(points[0].day == nov(1));
    CHECK(*points[0].value == 7);
    CHECK_FALSE(points[3].value.has_value());  // Nov 4
    // Windows: Nov 1 = Oct 26–Nov 1: 8 7 7; Nov 4 = Oct 29–Nov 4: 7 7 7 6; Nov 14 = Nov 8–14: 5 4 5 4 3.
    CHECK(*points[0].rolling_mean_7 == Approx(22.0 / 3.0));
    CHECK(*points[3].rolling_mean_7 == Approx(6.75));  // a gap day still has a rolling mean
    CHECK(*points[12].rolling_mean_7 == Approx(4.8));
    CHECK(*points[13].rolling_mean_7 == Approx(4.2));
}

TEST_CASE("trend: fewer than 8 days is no clear trend, with no slope and no test") {
    auto trend = analyze_trend(fixture(), fortnight, {Metric::mood}, Grouping::week);
    const auto& mood = trend.metrics[0];
    CHECK(mood.n == 5);
    CHECK_FALSE(mood.slope_per_week.has_value());
    CHECK_FALSE(mood.mann_kendall.has_value());
    CHECK(mood.direction == Direction::no_clear_trend);
    // Windows with fewer than 3 values have no rolling mean: Nov 2 has 6 and 7 only.
    CHECK_FALSE(mood.points[1].rolling_mean_7.has_value());
    CHECK(*mood.points[2].rolling_mean_7 == Approx(7.0));  // 6 7 8
}

TEST_CASE("trend: no values at all") {
    auto trend = analyze_trend({}, fortnight, {Metric::pain, Metric::sleep_hours}, Grouping::month);
    CHECK(trend.metrics[0].n == 0);
    CHECK(trend.metrics[0].direction == Direction::no_clear_trend);
    CHECK(trend.metrics[1].points.size() == 14);
    auto text = trend_text(trend, Color::no);
    CHECK(text.find("No values in this period.") != std::string::npos);
    auto j = trend_json(trend);
    CHECK(j["metrics"]["pain"]["n"] == 0);
    CHECK(j["metrics"]["pain"]["slope_per_week"].is_null());
    CHECK(j["metrics"]["pain"]["mann_kendall"].is_null());
    CHECK(j["metrics"]["pain"]["direction"] == "no_clear_trend");
    CHECK(j["metrics"]["pain"]["points"][0]["value"].is_null());
    CHECK(j["metrics"]["pain"]["points"][0]["rolling_mean_7"].is_null());
}

TEST_CASE("direction depends on which way is better") {
    stats::MannKendall up{10, 30, 100, 2.9, 0.004};
    stats::MannKendall down{10, -30, 100, -2.9, 0.004};
    stats::MannKendall weak{10, 8, 100, 0.7, 0.48};
    CHECK(direction_of(Metric::pain, 10, up) == Direction::worsening);
    CHECK(direction_of(Metric::pain, 10, down) == Direction::improving);
    CHECK(direction_of(Metric::mood, 10, up) == Direction::improving);
    CHECK(direction_of(Metric::sleep_hours, 10, down) == Direction::worsening);
    CHECK(direction_of(Metric::mood, 10, weak) == Direction::no_clear_trend);
    CHECK(direction_of(Metric::mood, 7, up) == Direction::no_clear_trend);
    // p exactly 0.05 is not below 0.05.
    stats::MannKendall edge{10, 30, 100, 1.96, 0.05};
    CHECK(direction_of(Metric::mood, 10, edge) == Direction::no_clear_trend);
}

TEST_CASE("trend: a wandering series has no clear trend") {
    // Energy 5 7 4 6 5 7 4 6 5 on Nov 1–9: python S = -2, var 85.333, p 0.914, slope 0.
    std::vector<double> e{5, 7, 4, 6, 5, 7, 4, 6, 5};
    std::vector<DailyValues> days;
    for (unsigned i = 0; i < e.size(); ++i) days.push_back(with(nov(1 + i), Metric::energy, e[i]));
    auto trend = analyze_trend(days, fortnight, {Metric::energy}, Grouping::week);
    const auto& energy = trend.metrics[0];
    REQUIRE(energy.mann_kendall);
    CHECK(energy.mann_kendall->s == -2);
    CHECK(energy.mann_kendall->var_s == Approx(85.33333333333333));
    CHECK(energy.mann_kendall->p == Approx(0.9137948648205595));
    CHECK(*energy.slope_per_week == Approx(0.0));
    CHECK(energy.direction == Direction::no_clear_trend);
}

TEST_CASE("weekly buckets run Monday to Sunday, cut to the period") {
    auto trend = analyze_trend(fixture(), fortnight, {Metric::pain}, Grouping::week);
    // Nov 1 2026 is a Sunday: its week (Oct 26–Nov 1) is cut to Nov 1.
    REQUIRE(trend.buckets.size() == 3);
    CHECK(trend.buckets[0].from == nov(1));
    CHECK(trend.buckets[0].to == nov(1));
    CHECK(trend.buckets[0].n[0] == 1);
    CHECK(*trend.buckets[0].mean[0] == 7);
    CHECK(trend.buckets[1].from == nov(2));
    CHECK(trend.buckets[1].to == nov(8));
    CHECK(trend.buckets[1].n[0] == 5);
    CHECK(*trend.buckets[1].mean[0] == Approx(6.0));  // 7 6 6 5 6
    CHECK(trend.buckets[2].to == nov(14));
    CHECK(*trend.buckets[2].mean[0] == Approx(4.2));  // 5 4 5 4 3
}

TEST_CASE("monthly and daily buckets") {
    auto monthly = analyze_trend(fixture(), Period{oct(25), nov(14)}, {Metric::pain}, Grouping::month);
    REQUIRE(monthly.buckets.size() == 2);
    CHECK(monthly.buckets[0].from == oct(25));
    CHECK(monthly.buckets[0].to == oct(31));
    CHECK(*monthly.buckets[0].mean[0] == Approx(7.5));  // 8 and 7; Oct 20 is before the period
    CHECK(monthly.buckets[1].from == nov(1));
    auto daily = analyze_trend(fixture(), fortnight, {Metric::pain}, Grouping::day);
    CHECK(daily.buckets.size() == 14);
    CHECK_FALSE(daily.buckets[3].mean[0].has_value());
}

TEST_CASE("sparkline levels, gaps and clamping") {
    std::vector<std::optional<double>> v{0.0, 10.0, 5.0, std::nullopt, 1.5, 12.0, -1.0};
    // 5/10*7 = 3.5 rounds to 4 (▅); 1.5/10*7 = 1.05 -> 1 (▂); 12 clamps to █; -1 to ▁.
    CHECK(sparkline(v, 0, 10) == "▁█▅ ▂█▁");
    CHECK(sparkline({}, 0, 10).empty());
    CHECK(sparkline({3.0}, 5, 5) == "▁");
    CHECK(display_width(sparkline(v, 0, 10)) == 7);
}

TEST_CASE("chunk means put several days in one character") {
    std::vector<std::optional<double>> v{1.0, 3.0, std::nullopt, std::nullopt, 4.0};
    auto c = chunk_means(v, 2);
    REQUIRE(c.size() == 3);
    CHECK(*c[0] == 2.0);
    CHECK_FALSE(c[1].has_value());
    CHECK(*c[2] == 4.0);
    CHECK(chunk_means(v, 1).size() == 5);
}

TEST_CASE("trend JSON keys") {
    auto j = trend_json(analyze_trend(fixture(), fortnight, {Metric::pain, Metric::mood}, Grouping::week));
    CHECK(j["period"]["from"] == "2026-11-01");
    CHECK(j["by"] == "week");
    const auto& pain = j["metrics"]["pain"];
    CHECK(pain["n"] == 11);
    CHECK(pain["mann_kendall"]["s"].is_number_integer());  // S is a whole number
    CHECK(pain["mann_kendall"]["s"] == -43);
    CHECK(pain["direction"] == "improving");
    CHECK(pain["points"].size() == 14);
    CHECK(pain["points"][3]["date"] == "2026-11-04");
    CHECK(pain["points"][3]["value"].is_null());
    CHECK(pain["points"][3]["rolling_mean_7"] == 6.75);
    CHECK(j["metrics"]["mood"]["mann_kendall"].is_null());
    CHECK(j["groups"][1]["from"] == "2026-11-02");
    CHECK(j["groups"][1]["metrics"]["pain"]["n"] == 5);
    CHECK(j["groups"][1]["metrics"]["pain"]["mean"] == 6.0);
    CHECK_FALSE(j["groups"][1]["metrics"].contains("energy"));
}

TEST_CASE("trend text") {
    auto text = trend_text(analyze_trend(fixture(), fortnight, {Metric::pain, Metric::mood}, Grouping::week), Color::no);
    CHECK(text.find("Trend 2026-11-01 to 2026-11-14 (14 days)\n") == 0);
    // Pain 7 7 6 _ 6 5 6 _ 5 4 5 4 _ 3: levels round(v*0.7) = 5 5 4 _ 4 4 4 _ 4 3 4 3 _ 2
    // (3.5 rounds up), i.e. blocks ▆ ▅ ▄ ▃ for 5 4 3 2.
    CHECK(text.find("\npain          ▆▆▅ ▅▅▅ ▅▄▅▄ ▃\n") != std::string::npos);
    CHECK(text.find("Improving: pain tended to go down (n = 11 days).") != std::string::npos);
    CHECK(text.find("slope -1.91/week, Mann–Kendall S = -43, z = -3.37, p < 0.001") != std::string::npos);
    CHECK(text.find("No clear trend: not enough data (n = 5 days; needs 8).") != std::string::npos);
    CHECK(text.find("\nmood          ▅▆▇ ▇█\n                ▆▆▆▇▇▇▇\n") != std::string::npos);
    CHECK(text.find("week of       pain    mood\n2026-11-01 7.0 (1) 6.0 (1)\n2026-11-02 6.0 (5) 8.5 (4)\n"
                    "2026-11-09 4.2 (5)       –\n") != std::string::npos);
}

TEST_CASE("trend across the October clock change: one point per calendar day, slope per calendar day") {
    // Europe/London went back an hour on 25 October 2026; diary days are dates, so
    // Oct 20 – Nov 2 is 14 points, and a rise of 1 point a day is 7 a week.
    std::vector<DailyValues> days;
    for (int i = 0; i < 14; ++i)
        days.push_back(with(oct(20) + date::days{i}, Metric::mood, static_cast<double>(i % 10)));
    auto trend = analyze_trend(days, Period{oct(20), nov(2)}, {Metric::mood}, Grouping::week);
    const auto& mood = trend.metrics[0];
    REQUIRE(mood.points.size() == 14);
    for (int i = 0; i < 14; ++i) CHECK(mood.points[static_cast<std::size_t>(i)].day == oct(20) + date::days{i});
    CHECK(mood.points[5].day == oct(25));
    CHECK(mood.points[6].day == oct(26));
    // Values 0..9 then 0..3: python statistics.median of the 91 pairwise slopes = 1.0.
    REQUIRE(mood.slope_per_week);
    CHECK(*mood.slope_per_week == Approx(7.0));
}

}  // namespace painlog::test_trend
