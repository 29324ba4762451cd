// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 19's single-case figures against values worked by hand and by an
// independent implementation, tests/reference/response_reference.py
// (exact fractions, its own Mann–Kendall, Theil–Sen and Tau-BC, and the
// Newcombe interval of newcombe_reference.py): the area under the pain
// curve, the baseline trend, Tau-BC (Tarlow's example series among them),
// and each infusion's course and the trend across infusions. Day offsets
// are from the infusion day D.

#include <doctest/doctest.h>

#include <algorithm>

#include "painlog/analysis/infusion_course.hpp"
#include "painlog/analysis/response.hpp"
#include "support.hpp"

namespace painlog::test_infusion_course {

namespace {

Day day(std::string_view text) { return *parse_iso_day(text); }

const Day D = day("2026-11-01");

Event infusion_on(Day d, std::int64_t id) { return test::infusion_event(d, id); }

void put(std::vector<DailyValues>& days, int offset, double pain) {
    days.push_back(test::pain_day(D + date::days{offset}, pain));
    std::ranges::sort(days, {}, &DailyValues::day);
}

void fill(std::vector<DailyValues>& days, int from, int to, double pain) {
    for (int i = from; i <= to; ++i) put(days, i, pain);
}

InfusionResponse analyse(const std::vector<DailyValues>& days, int today_offset) {
    return analyse_infusion(infusion_on(D, 1), std::nullopt, std::nullopt, days, {}, 14, D + date::days{today_offset});
}

const ResponseWindow& window(const InfusionResponse& r, std::string_view label) {
    auto it = std::ranges::find(r.windows, label, &ResponseWindow::label);
    REQUIRE(it != r.windows.end());
    return *it;
}

std::vector<stats::DayValue> pain_on(std::initializer_list<std::pair<int, double>> points) {
    std::vector<stats::DayValue> values;
    for (auto [offset, pain] : points) values.push_back({D + date::days{offset}, pain});
    return values;
}

std::vector<stats::Point> series(int first_x, std::initializer_list<double> ys) {
    std::vector<stats::Point> points;
    for (double y : ys) points.push_back({static_cast<double>(first_x++), y});
    return points;
}

}  // namespace

TEST_CASE("area under the pain curve: interpolated gaps, no guessed ends, a baseline of 0") {
    // Days 1, 2 and 4 rated 6, 4, 2: day 3 is 3 on the line; 6+4+3+2 = 15 score-days over
    // 4 days; relief 6 x 4 - 15 = 9, 9/24 = 37.5 %.
    auto a = pain_area(pain_on({{1, 6}, {2, 4}, {4, 2}}), 6);
    REQUIRE(a);
    CHECK(a->days == 4);
    CHECK(a->rated_days == 3);
    CHECK(a->filled_days == 1);
    CHECK(a->pain_score_days == doctest::Approx(15));
    CHECK(a->relief_score_days == doctest::Approx(9));
    CHECK(a->relief_pct == 37.5);
    // A gap of three: 8, 7, 6, 5, 4 = 30 against 8 x 5 = 40: 25 %.
    a = pain_area(pain_on({{1, 8}, {5, 4}}), 8);
    CHECK(a->filled_days == 3);
    CHECK(a->pain_score_days == doctest::Approx(30));
    CHECK(a->relief_pct == 25.0);
    // Thirds: 5, 5.333, 5.667, 6 = 22 against 5.5 x 4: no relief at all.
    a = pain_area(pain_on({{1, 5}, {4, 6}}), 5.5);
    CHECK(a->pain_score_days == doctest::Approx(22));
    CHECK(a->relief_pct == 0.0);
    // Rated on days 3 and 5 only: days 3-5 are summed, days 1-2 and 6-7 are not guessed.
    a = pain_area(pain_on({{3, 4}, {5, 2}}), 4);
    CHECK(a->days == 3);
    CHECK(a->pain_score_days == doctest::Approx(9));
    // A baseline of 0: the relief is negative and has no percentage.
    a = pain_area(pain_on({{1, 1}, {2, 2}}), 0);
    CHECK(a->relief_score_days == doctest::Approx(-3));
    CHECK_FALSE(a->relief_pct);
    CHECK_FALSE(pain_area({}, 5));
}

TEST_CASE("baseline trend: Theil–Sen line and the tie-corrected Mann–Kendall test, from 8 days") {
    // 1..8: S = 28, var 8 x 7 x 21 / 18 = 65.33, z = 27 / 8.083 = 3.3404, p = 0.000837.
    auto t = baseline_trend(series(-8, {1, 2, 3, 4, 5, 6, 7, 8}));
    REQUIRE(t);
    CHECK(t->n == 8);
    CHECK(t->slope_per_day == 1.0);
    CHECK(t->intercept == 9.0);
    CHECK(t->test.s == 28);
    CHECK(t->test.z == doctest::Approx(3.340383700311406));
    CHECK(t->test.p == doctest::Approx(0.0008366271311193047));
    CHECK(t->trending);
    // Pairs of ties: S = 24, var (1176 - 4 x 18) / 18 = 61.33, p = 0.00332; the line 0.5 x + 8.75.
    t = baseline_trend(series(-8, {5, 5, 6, 6, 7, 7, 8, 8}));
    CHECK(t->test.s == 24);
    CHECK(t->test.var_s == doctest::Approx(61.333333333333336));
    CHECK(t->test.p == doctest::Approx(0.003315804401574488));
    CHECK(t->slope_per_day == 0.5);
    CHECK(t->intercept == 8.75);
    // Flat: no trend. Seven days: no test.
    CHECK_FALSE(baseline_trend(series(-8, {4, 4, 4, 4, 4, 4, 4, 4}))->trending);
    CHECK_FALSE(baseline_trend(series(-7, {1, 2, 3, 4, 5, 6, 7})));
}

TEST_CASE("Tau-BC: a baseline line continued exactly after the infusion is no effect at all") {
    // 1..8 then 9..13 on the same line: raw Tau 1, corrected residuals all 0, so Tau-BC 0
    // with the all-tied interval of m = 8, n = 5 (reference: -0.5457 to 0.5457).
    auto a = series(1, {1, 2, 3, 4, 5, 6, 7, 8});
    auto b = series(9, {9, 10, 11, 12, 13});
    auto trend = baseline_trend(a);
    auto bc = baseline_corrected(a, b, Better::higher, trend);
    REQUIRE(bc);
    CHECK(bc->tau() == 0.0);
    CHECK(bc->tau_lower() == doctest::Approx(-0.545699090093122));
    CHECK(bc->tau_upper() == doctest::Approx(0.5456990900931218));
    // Without a trend (fewer than 8 days) Tau-BC is Tau.
    auto short_a = series(1, {1, 2, 3, 4, 5});
    auto raw = baseline_corrected(short_a, b, Better::higher, baseline_trend(short_a));
    CHECK(raw->tau() == 1.0);
}

TEST_CASE("Tau-BC on Tarlow's (2017) example series, lower is better") {
    // A falls 1.2 a session (Theil–Sen, intercept 27.8; Mann–Kendall S = -24, p = 0.035), so
    // both phases are corrected; B lies a little above A's line: Tau-BC -0.2 (-0.577 to 0.259).
    auto a = series(1, {33, 25, 17, 25, 19, 21, 19, 14, 19, 17});
    auto b = series(11, {14, 15, 15, 9, 12, 7, 10, 6, 5, 2, 2, 3, 5, 4});
    auto trend = baseline_trend(a);
    REQUIRE(trend);
    CHECK(trend->slope_per_day == doctest::Approx(-1.2));
    CHECK(trend->intercept == doctest::Approx(27.8));
    CHECK(trend->test.s == -24);
    CHECK(trend->test.p == doctest::Approx(0.035251304647446274));
    auto bc = baseline_corrected(a, b, Better::lower, trend);
    REQUIRE(bc);
    CHECK(bc->tau() == doctest::Approx(-0.2));
    CHECK(bc->tau_lower() == doctest::Approx(-0.5770868702594265));
    CHECK(bc->tau_upper() == doctest::Approx(0.25882896445825043));
    // Uncorrected, every B value is at or below every A value but one tie: Tau near 1.
    CHECK(non_overlap(std::vector<double>{33, 25, 17, 25, 19, 21, 19, 14, 19, 17},
                      std::vector<double>{14, 15, 15, 9, 12, 7, 10, 6, 5, 2, 2, 3, 5, 4}, Better::lower)
              ->tau() > 0.95);
}

TEST_CASE("an infusion after a falling baseline: flagged, Tau-BC corrected up to day 28 only") {
    // Baseline days -14..-1 falling from 8 to 5 with ties (reference: S = -67, p = 0.00017,
    // slope -0.25, intercept 4.625); days 1-7 at 3-4: NAP 1 (0.788-1), Tau-BC 0.163
    // (-0.336 to 0.584); days 8-30 at 4.
    std::vector<DailyValues> days;
    double base[] = {8, 8, 7, 8, 7, 7, 6, 7, 6, 6, 5, 6, 5, 5};
    for (int i = 0; i < 14; ++i) put(days, i - 14, base[i]);
    double after[] = {4, 4, 3, 4, 3, 3, 4};
    for (int i = 0; i < 7; ++i) put(days, i + 1, after[i]);
    fill(days, 8, 30, 4);
    auto r = analyse(days, 30);
    const auto& trend = r.trend_of(Metric::pain);
    REQUIRE(trend);
    CHECK(trend->trending);
    CHECK(trend->slope_per_day == -0.25);
    CHECK(trend->intercept == 4.625);
    CHECK(trend->test.p == doctest::Approx(0.0001736124076100302));
    const auto& w1 = window(r, "days 1-7");
    REQUIRE(w1.nap_of(Metric::pain));
    CHECK(w1.nap_of(Metric::pain)->nap == 1.0);
    CHECK(w1.nap_of(Metric::pain)->nap_lower == doctest::Approx(0.7883962828587022));
    REQUIRE(w1.tau_bc_of(Metric::pain));
    CHECK(w1.tau_bc_of(Metric::pain)->tau() == doctest::Approx(0.16326530612244894));
    CHECK(w1.tau_bc_of(Metric::pain)->tau_lower() == doctest::Approx(-0.3361165009783357));
    CHECK(w1.tau_bc_of(Metric::pain)->tau_upper() == doctest::Approx(0.5835941569979577));
    CHECK(window(r, "days 15-28").tau_bc_of(Metric::pain));
    CHECK(window(r, "since infusion").nap_of(Metric::pain));
    CHECK_FALSE(window(r, "since infusion").tau_bc_of(Metric::pain));  // the line is not extended past day 28
    CHECK(std::ranges::count(r.pain_remarks,
                             std::string("Pain was already falling (improving) in the baseline: -0.25 a day "
                                         "(Theil–Sen), Mann–Kendall p < 0.001 over 14 days. A change after the "
                                         "infusion may partly be this trend going on. Tau-BC corrects for the "
                                         "trend.")) == 1);
    auto j = infusion_response_json(r);
    CHECK(j["baseline_trend"]["pain"]["direction"] == "falling");
    CHECK(j["baseline_trend"]["mood"].is_null());
    CHECK(j["windows"][0]["nap"]["pain"]["tau_bc"] == 0.163);
    CHECK(j["windows"][0]["nap"]["pain"]["trend_corrected"] == true);
    CHECK(j["windows"][3]["nap"]["pain"]["tau_bc"].is_null());
}

TEST_CASE("a clear responder's course: areas per window, days 1-28, best week and curve") {
    // Baseline 6; days 1-20 pain 2; days 21-30 pain 6; today day 30.
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 1, 20, 2);
    fill(days, 21, 30, 6);
    auto r = analyse(days, 30);
    // Days 1-7: 14 score-days, relief 42 - 14 = 28, 66.7 %.
    const auto& a1 = window(r, "days 1-7").pain_area;
    REQUIRE(a1);
    CHECK(a1->pain_score_days == 14);
    CHECK(a1->relief_score_days == 28);
    CHECK(a1->relief_pct == 66.7);
    // Days 15-28: 6 x 2 + 8 x 6 = 60, relief 84 - 60 = 24, 28.6 %.
    CHECK(window(r, "days 15-28").pain_area->relief_pct == 28.6);
    // Since the infusion: 100 score-days, relief 180 - 100 = 80, 44.4 %.
    CHECK(window(r, "since infusion").pain_area->pain_score_days == 100);
    CHECK(window(r, "since infusion").pain_area->relief_pct == 44.4);
    // Days 1-28: 20 x 2 + 8 x 6 = 88, relief 168 - 88 = 80, 47.6 %; complete on day 30.
    REQUIRE(r.area_days_1_28);
    CHECK(r.area_days_1_28->to == D + date::days{28});
    CHECK(r.area_days_1_28->complete);
    CHECK(r.area_days_1_28->area.relief_score_days == 80);
    CHECK(r.area_days_1_28->area.relief_pct == 47.6);
    // The best 7 days are the first at 2 (the earliest of the ties): -66.7 %.
    REQUIRE(r.best_week);
    CHECK(r.best_week->from == D + date::days{1});
    CHECK(r.best_week->mean == 2);
    CHECK(r.best_week->change_pct == -66.7);
    // The curve from day -14 to today (day 30), day 0 left out.
    REQUIRE(r.curve.size() == 44);
    CHECK(r.curve.front().day == -14);
    CHECK(r.curve.front().change_pct == 0.0);
    auto at = [&](int d) { return *std::ranges::find(r.curve, d, &CurvePoint::day); };
    CHECK(at(1).change_pct == -66.7);
    CHECK(at(23).mean == doctest::Approx(26.0 / 7));  // days 17-23: the duration's last responding day
    CHECK(at(23).change_pct == -38.1);
    CHECK(at(24).change_pct == -28.6);
    CHECK(r.curve.back().day == 30);
    CHECK_FALSE(r.interval_days);
}

TEST_CASE("a gap inside a window is interpolated; a window cut by the next infusion is summed to its end") {
    // Baseline 6; days 1, 2, 6 and 7 rated (3, 3, 5, 5): days 3-5 lie on the line 3.5, 4, 4.5.
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    put(days, 1, 3);
    put(days, 2, 3);
    put(days, 6, 5);
    put(days, 7, 5);
    fill(days, 8, 9, 2);
    auto second = infusion_on(D + date::days{10}, 2);
    auto all = analyse_responses(days, {}, {second, infusion_on(D, 1)}, 14, D + date::days{12});
    REQUIRE(all.size() == 2);
    const auto& r1 = all[0];
    // 3 + 3 + 3.5 + 4 + 4.5 + 5 + 5 = 28 over 7 days; relief 42 - 28 = 14, 33.3 %.
    const auto& a1 = window(r1, "days 1-7").pain_area;
    REQUIRE(a1);
    CHECK(a1->filled_days == 3);
    CHECK(a1->pain_score_days == doctest::Approx(28));
    CHECK(a1->relief_pct == 33.3);
    // Days 8-14 are cut to days 8-9 (2 logged days): too sparse, no area.
    CHECK_FALSE(window(r1, "days 8-14").pain_area);
    // Days 1-28 end on day 9, the day before the next infusion: 28 + 4 = 32 over 9 days.
    REQUIRE(r1.area_days_1_28);
    CHECK(r1.area_days_1_28->to == D + date::days{9});
    CHECK(r1.area_days_1_28->complete);
    CHECK(r1.area_days_1_28->area.pain_score_days == doctest::Approx(32));
    CHECK(r1.interval_days == 10);
    CHECK(r1.number == 1);
    CHECK(r1.of == 2);
    CHECK(all[1].number == 2);
    CHECK_FALSE(all[1].interval_days);
    // The curve of the first infusion stops on day 9.
    CHECK(r1.curve.back().day == 9);
}

TEST_CASE("a baseline of 0: areas without a percentage, no curve") {
    std::vector<DailyValues> days;
    fill(days, -7, -1, 0);
    fill(days, 1, 7, 2);
    auto r = analyse(days, 7);
    const auto& a1 = window(r, "days 1-7").pain_area;
    REQUIRE(a1);
    CHECK(a1->pain_score_days == 14);
    CHECK(a1->relief_score_days == -14);
    CHECK_FALSE(a1->relief_pct);
    CHECK(r.curve.empty());
    REQUIRE(r.best_week);
    CHECK_FALSE(r.best_week->change_pct);
    CHECK_FALSE(r.area_days_1_28->complete);  // day 28 has not come
}

TEST_CASE("across infusions: the Theil–Sen slope of final durations and complete days 1-28 reliefs") {
    auto make = [](std::size_t number, ResponseStatus status, std::optional<int> days, std::optional<double> relief) {
        InfusionResponse r;
        r.number = number;
        r.response_status = status;
        r.response_days = days;
        if (relief) r.area_days_1_28 = CourseArea{D, D, true, PainArea{28, 28, 0, 0, 0, relief}};
        return r;
    };
    // One infusion only: no sentence about a direction.
    auto one = across_infusions({make(1, ResponseStatus::ended, 30, 50.0)});
    CHECK(one.duration.n == 1);
    CHECK_FALSE(one.duration.slope);
    CHECK(across_infusions_text(one).starts_with("Too few infusions"));
    // Durations 30, 25, 20, 18 (and an ongoing one, left out): slopes -5, -5, -4, -5, -3.5, -2,
    // median -4.5. Reliefs 50, 40, 42 (the fourth not complete): slopes -10, -4, +2, median -4.
    std::vector<InfusionResponse> all{make(1, ResponseStatus::ended, 30, 50.0),
                                      make(2, ResponseStatus::until_next_infusion, 25, 40.0),
                                      make(3, ResponseStatus::ended, 20, 42.0),
                                      make(4, ResponseStatus::ended, 18, std::nullopt),
                                      make(5, ResponseStatus::ongoing, 3, std::nullopt)};
    auto across = across_infusions(all);
    CHECK(across.duration.n == 4);
    CHECK(across.duration.slope == -4.5);
    CHECK(across.relief.n == 3);
    CHECK(across.relief.slope == -4.0);
    CHECK(across_infusions_text(across) ==
          "Across infusions the response got shorter by 4.5 days per infusion (4 infusions), and the relief over "
          "days 1-28 got smaller by 4.0 points of % per infusion (3 infusions) (Theil–Sen slope over the "
          "infusion's number; descriptive, no test).");
    auto j = across_infusions_json(across);
    CHECK(j["duration"]["direction"] == "shorter");
    CHECK(j["relief"]["slope_per_infusion"] == -4.0);
    // No response counts as 0 days: 0, 9, 0 give the slopes 9, 0 and -9, median 0.
    auto none = across_infusions({make(1, ResponseStatus::no_response, std::nullopt, std::nullopt),
                                  make(2, ResponseStatus::ended, 9, std::nullopt),
                                  make(3, ResponseStatus::no_response, std::nullopt, std::nullopt)});
    CHECK(none.duration.n == 3);
    CHECK(none.duration.slope == 0.0);
    CHECK(across_infusions_json(none)["duration"]["direction"] == "unchanged");
}

TEST_CASE("infusions are numbered by time among the diary's infusions, whatever the order given") {
    std::vector<Event> events{infusion_on(D + date::days{30}, 7), infusion_on(D, 9), infusion_on(D + date::days{60}, 3)};
    Event appointment = infusion_on(D + date::days{5}, 4);
    appointment.kind = EventKind::appointment;
    events.push_back(appointment);
    std::vector<InfusionResponse> shown(1);
    shown[0].infusion = events[0];
    number_infusions(shown, events);
    CHECK(shown[0].number == 2);
    CHECK(shown[0].of == 3);
    CHECK(infusion_number_text(shown[0]) == "2 of 3");
}

}  // namespace painlog::test_infusion_course
