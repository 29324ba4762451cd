// SPDX-License-Identifier: GPL-3.0-or-later
// Response analysis against diaries whose figures were worked out by hand.
// Day offsets are relative to the infusion day D (day 0); day 1 is D+1.

#include <doctest/doctest.h>

#include <algorithm>

#include <fmt/format.h>

#include "painlog/analysis/response.hpp"

namespace painlog::test_response {

namespace {

Instant utc(std::string_view text) { return *parse_iso_instant(text); }
Day day(std::string_view text) { return *parse_iso_day(text); }

const Day D = day("2026-11-01");

Event infusion_on(Day d, std::int64_t id = 1) {
    Event e;
    e.id = id;
    e.kind = EventKind::infusion;
    e.label = "ketamine";
    e.at = Instant{d.time_since_epoch()} + std::chrono::hours{10};
    e.zone = "Europe/London";
    e.day = d;
    return e;
}

// Days D+from .. D+to, each with this mean pain.
void fill(std::vector<DailyValues>& days, int from, int to, double pain) {
    for (int i = from; i <= to; ++i) {
        DailyValues v;
        v.day = D + date::days{i};
        v.entries = 1;
        v.values[static_cast<std::size_t>(Metric::pain)] = pain;
        days.push_back(v);
    }
    std::ranges::sort(days, {}, &DailyValues::day);
}

InfusionResponse analyse(const std::vector<DailyValues>& days, int today_offset, int baseline_days = 14) {
    return analyse_infusion(infusion_on(D), std::nullopt, std::nullopt, days, {}, baseline_days,
                            D + date::days{today_offset});
}

const ResponseWindow& window(const InfusionResponse& r, std::string_view label) {
    auto it = std::ranges::find(r.windows, label, &ResponseWindow::label);
    REQUIRE(it != r.windows.end());
    return *it;
}

std::optional<double> pain(const SpanSummary& s) { return s.mean(Metric::pain); }

}  // namespace

TEST_CASE("pain categories: boundaries are inclusive as written") {
    CHECK(pain_category(-100.0) == PainCategory::substantial);
    CHECK(pain_category(-50.0) == PainCategory::substantial);
    CHECK(pain_category(-49.9) == PainCategory::moderate);
    CHECK(pain_category(-30.0) == PainCategory::moderate);
    CHECK(pain_category(-29.9) == PainCategory::minimal);
    CHECK(pain_category(-10.0) == PainCategory::minimal);
    CHECK(pain_category(-9.9) == PainCategory::none);
    CHECK(pain_category(0.0) == PainCategory::none);
    CHECK(pain_category(9.9) == PainCategory::none);
    CHECK(pain_category(10.0) == PainCategory::worse);
    CHECK(name_of(PainCategory::substantial) == "substantial");
    CHECK(name_of(PainCategory::worse) == "worse");
}

TEST_CASE("percent change is rounded to one decimal before it is categorised") {
    // 4.2 against 6 is -30 % up to floating-point noise: it must be moderate.
    REQUIRE(stats::percent_change(4.2, 6.0));
    CHECK(*stats::percent_change(4.2, 6.0) == -30.0);
    CHECK(pain_category(*stats::percent_change(4.2, 6.0)) == PainCategory::moderate);
    CHECK(*stats::percent_change(3.0, 6.0) == -50.0);
    CHECK(*stats::percent_change(2.0, 6.0) == doctest::Approx(-66.7));  // -66.666… rounds to -66.7
    CHECK(*stats::percent_change(5.5, 5.0) == 10.0);
    CHECK(*stats::percent_change(6.0, 6.0) == 0.0);
    CHECK_FALSE(stats::percent_change(2.0, 0.0));  // undefined against a baseline of 0
}

TEST_CASE("clear responder: substantial for two weeks, ends on day 23") {
    // Baseline 14 days of pain 6; days 1-20 pain 2; days 21-30 pain 6; today is day 30.
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 1, 20, 2);
    fill(days, 21, 30, 6);
    auto r = analyse(days, 30);
    CHECK(r.baseline.from == D - date::days{14});
    CHECK(r.baseline.to == D - date::days{1});
    CHECK(r.baseline.days_logged == 14);
    CHECK(pain(r.baseline) == 6.0);
    CHECK(r.baseline_sufficient);
    REQUIRE(r.windows.size() == 4);

    const auto& w1 = window(r, "days 1-7");
    CHECK(w1.span.from == D + date::days{1});
    CHECK(w1.span.to == D + date::days{7});
    CHECK(w1.status == WindowStatus::ok);
    CHECK(pain(w1.span) == 2.0);
    CHECK(w1.change_of(Metric::pain) == -4.0);
    CHECK(w1.pain_change_pct == doctest::Approx(-66.7));
    CHECK(w1.category == PainCategory::substantial);
    CHECK(window(r, "days 8-14").category == PainCategory::substantial);

    // Days 15-28: six days at 2 and eight at 6: 60 / 14 = 4.2857, -28.571 % -> -28.6, minimal.
    const auto& w3 = window(r, "days 15-28");
    CHECK(w3.span.days_logged == 14);
    CHECK(pain(w3.span) == doctest::Approx(60.0 / 14));
    CHECK(w3.pain_change_pct == doctest::Approx(-28.6));
    CHECK(w3.category == PainCategory::minimal);

    // Since the infusion (days 1-30): 20 x 2 + 10 x 6 = 100 / 30 = 3.333, -44.4 %, moderate.
    const auto& since = window(r, "since infusion");
    CHECK(since.span.to == D + date::days{30});
    CHECK(since.span.days == 30);
    CHECK(pain(since.span) == doctest::Approx(100.0 / 30));
    CHECK(since.pain_change_pct == doctest::Approx(-44.4));
    CHECK(since.category == PainCategory::moderate);

    // Rolling 7-day means: day 23 covers days 17-23: 4 x 2 + 3 x 6 = 26/7 = 3.71 (-38.1 %, responding);
    // day 24 covers days 18-24: 3 x 2 + 4 x 6 = 30/7 = 4.29 (-28.6 %, not). So 23 days.
    CHECK(r.response_status == ResponseStatus::ended);
    CHECK(r.response_days == 23);
    CHECK_FALSE(r.response_ongoing);
    CHECK(r.pain_remarks.empty());
}

TEST_CASE("non-responder: category none, no response duration") {
    // Baseline pain 6; day 1 pain 5, then 6 up to day 28; today is day 28.
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 1, 1, 5);
    fill(days, 2, 28, 6);
    auto r = analyse(days, 28);
    // Days 1-7: 41 / 7 = 5.857, -2.4 %.
    CHECK(window(r, "days 1-7").pain_change_pct == doctest::Approx(-2.4));
    CHECK(window(r, "days 1-7").category == PainCategory::none);
    CHECK(window(r, "days 8-14").pain_change_pct == 0.0);
    CHECK(window(r, "days 8-14").category == PainCategory::none);
    CHECK(window(r, "days 15-28").category == PainCategory::none);
    // Since: 167 / 28 = 5.964, -0.6 %.
    CHECK(window(r, "since infusion").pain_change_pct == doctest::Approx(-0.6));
    // Day 1's rolling mean is 5 (-16.7 %): never -30 %.
    CHECK(r.response_status == ResponseStatus::no_response);
    CHECK_FALSE(r.response_days);
    CHECK_FALSE(r.response_ongoing);
}

TEST_CASE("worsening: +40 % and exactly +10 % are worse; a 4-day window is too short... or not") {
    // Baseline pain 5 (14 days). Days 1-7 pain 7: +40 %.
    // Days 8-14: 6, 6, 6, 5, 5, 5, 5.5 = 38.5 / 7 = 5.5: exactly +10.0 %, worse (inclusive).
    // Days 15-28: only days 15-17 logged (3 days): insufficient data. Today is day 28.
    std::vector<DailyValues> days;
    fill(days, -14, -1, 5);
    fill(days, 1, 7, 7);
    fill(days, 8, 10, 6);
    fill(days, 11, 13, 5);
    fill(days, 14, 14, 5.5);
    fill(days, 15, 17, 4);
    auto r = analyse(days, 28);
    CHECK(window(r, "days 1-7").pain_change_pct == 40.0);
    CHECK(window(r, "days 1-7").category == PainCategory::worse);
    CHECK(window(r, "days 8-14").pain_change_pct == 10.0);
    CHECK(window(r, "days 8-14").category == PainCategory::worse);
    const auto& w3 = window(r, "days 15-28");
    CHECK(w3.span.days_logged == 3);
    CHECK(w3.status == WindowStatus::insufficient_data);
    CHECK(pain(w3.span) == 4.0);  // shown, but not categorised
    CHECK(w3.pain_change_pct == -20.0);
    CHECK_FALSE(w3.category);
    CHECK(r.response_status == ResponseStatus::no_response);

    // One more logged day makes 4: enough.
    fill(days, 18, 18, 4);
    CHECK(window(analyse(days, 28), "days 15-28").category == PainCategory::minimal);
}

TEST_CASE("short response: three good days give a 6-day response through the rolling mean") {
    // Baseline 6; days 1-3 pain 2; days 4-28 pain 6; today is day 28.
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 1, 3, 2);
    fill(days, 4, 28, 6);
    auto r = analyse(days, 28);
    // The rolling mean uses only post-infusion days: day 6 = (3 x 2 + 3 x 6) / 6 = 4.0 (-33.3 %, responding),
    // day 7 = (3 x 2 + 4 x 6) / 7 = 4.29 (-28.6 %, not).
    CHECK(r.response_status == ResponseStatus::ended);
    CHECK(r.response_days == 6);
    CHECK(window(r, "days 1-7").pain_change_pct == doctest::Approx(-28.6));
    CHECK(window(r, "days 1-7").category == PainCategory::minimal);
    CHECK(window(r, "days 8-14").category == PainCategory::none);
}

TEST_CASE("ongoing response: still responding today, days 15-28 in progress") {
    // Baseline 6; days 1-20 pain 3; today is day 20.
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 1, 20, 3);
    auto r = analyse(days, 20);
    CHECK(window(r, "days 1-7").category == PainCategory::substantial);  // exactly -50 %
    const auto& w3 = window(r, "days 15-28");
    CHECK(w3.status == WindowStatus::in_progress);
    CHECK(w3.span.to == D + date::days{20});
    CHECK(w3.span.days == 6);
    CHECK(w3.category == PainCategory::substantial);
    CHECK(window(r, "since infusion").span.days == 20);
    CHECK(r.response_status == ResponseStatus::ongoing);
    CHECK(r.response_days == 20);
    CHECK(r.response_ongoing);

    // Today falls 3 days into days 15-28 with 3 logged: not enough yet.
    auto early = analyse(days, 17);
    CHECK(window(early, "days 15-28").status == WindowStatus::insufficient_data);
    CHECK_FALSE(window(early, "days 15-28").category);
    // Before day 15 the window has not started; an infusion today has no windows yet.
    auto sooner = analyse(days, 10);
    CHECK(window(sooner, "days 15-28").status == WindowStatus::not_started);
    CHECK_FALSE(window(sooner, "days 15-28").span.mean(Metric::pain));
    auto same_day = analyse(days, 0);
    for (const auto& w : same_day.windows) CHECK(w.status == WindowStatus::not_started);
    CHECK(same_day.response_status == ResponseStatus::no_response);
}

TEST_CASE("responding, then no pain ratings for a week: duration is a lower bound") {
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 1, 5, 2);
    auto r = analyse(days, 20);
    // Day d's rolling window is days d-6..d: day 11 (days 5-11) still holds day 5's 2;
    // from day 12 (days 6-12) the window is empty and nothing more is known.
    CHECK(r.response_status == ResponseStatus::no_recent_data);
    CHECK(r.response_days == 11);
    CHECK_FALSE(r.response_ongoing);
}

TEST_CASE("sparse baseline: fewer than 7 logged days means no category and no duration") {
    std::vector<DailyValues> days;
    fill(days, -14, -14, 6);
    fill(days, -5, -1, 6);  // 6 logged days of 14
    fill(days, 1, 7, 2);
    auto r = analyse(days, 7);
    CHECK(r.baseline.days_logged == 6);
    CHECK_FALSE(r.baseline_sufficient);
    const auto& w1 = window(r, "days 1-7");
    CHECK(w1.status == WindowStatus::ok);
    CHECK(w1.pain_change_pct == doctest::Approx(-66.7));  // shown
    CHECK_FALSE(w1.category);                             // never guessed
    CHECK(r.response_status == ResponseStatus::not_assessable);
    CHECK_FALSE(r.response_days);
    REQUIRE(r.pain_remarks.size() == 1);
    CHECK(r.pain_remarks[0] == "Baseline has 6 logged days of 14 (at least 7 needed): categories and duration are "
                          "not assessed.");

    // Exactly 7 is enough.
    fill(days, -10, -10, 6);
    auto enough = analyse(days, 7);
    CHECK(enough.baseline_sufficient);
    CHECK(window(enough, "days 1-7").category == PainCategory::substantial);

    // A shorter baseline only looks at its own days: with --baseline-days 7 only days -7..-1 count (5 logged).
    auto short_baseline = analyse(days, 7, 7);
    CHECK(short_baseline.baseline.from == D - date::days{7});
    CHECK(short_baseline.baseline.days_logged == 5);
    CHECK_FALSE(short_baseline.baseline_sufficient);
}

TEST_CASE("baseline pain 0: percent undefined, raw change shown") {
    std::vector<DailyValues> days;
    fill(days, -7, -1, 0);
    fill(days, 1, 7, 2);
    auto r = analyse(days, 7);
    const auto& w1 = window(r, "days 1-7");
    CHECK(w1.change_of(Metric::pain) == 2.0);
    CHECK_FALSE(w1.pain_change_pct);
    CHECK_FALSE(w1.category);
    CHECK(r.response_status == ResponseStatus::not_assessable);
    REQUIRE(r.pain_remarks.size() == 1);
    CHECK(r.pain_remarks[0] == "Baseline pain is 0: percent change is undefined, so only the raw change is shown.");
}

TEST_CASE("two infusions 10 days apart: windows end at the next one") {
    // D-14..D-1 pain 6; D (first infusion day) 9; D+1..D+9 pain 3; D+10 (second infusion) 8;
    // D+11..D+24 pain 2; today is D+24.
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 0, 0, 9);
    fill(days, 1, 9, 3);
    fill(days, 10, 10, 8);
    fill(days, 11, 24, 2);
    auto second = infusion_on(D + date::days{10}, 2);
    auto first = infusion_on(D, 1);
    auto all = analyse_responses(days, {}, {second, first}, 14, D + date::days{24});
    REQUIRE(all.size() == 2);
    const auto& r1 = all[0];
    const auto& r2 = all[1];
    CHECK(r1.infusion.id == 1);
    CHECK(r1.next_infusion == D + date::days{10});
    CHECK_FALSE(r1.previous_infusion);
    // The infusion days (pain 9 and 8) are in none of the first infusion's figures.
    CHECK(pain(r1.baseline) == 6.0);
    CHECK(pain(window(r1, "days 1-7").span) == 3.0);
    CHECK(window(r1, "days 1-7").category == PainCategory::substantial);
    CHECK_FALSE(window(r1, "days 1-7").truncated);
    const auto& w2 = window(r1, "days 8-14");
    CHECK(w2.truncated);
    CHECK(w2.span.to == D + date::days{9});
    CHECK(w2.span.days == 2);
    CHECK(w2.status == WindowStatus::insufficient_data);
    CHECK_FALSE(w2.category);
    CHECK(window(r1, "days 15-28").status == WindowStatus::cut_off);
    CHECK(window(r1, "days 15-28").truncated);
    const auto& s1 = window(r1, "since infusion");
    CHECK(s1.truncated);
    CHECK(s1.span.to == D + date::days{9});
    CHECK(s1.span.days == 9);
    CHECK(pain(s1.span) == 3.0);
    CHECK(r1.response_status == ResponseStatus::until_next_infusion);
    CHECK(r1.response_days == 9);
    CHECK_FALSE(r1.response_ongoing);

    // Second infusion: baseline D-4..D+9 = 4 x 6 + 9 + 9 x 3 = 60 / 14 = 4.2857.
    CHECK(r2.previous_infusion == D);
    CHECK_FALSE(r2.next_infusion);
    CHECK(pain(r2.baseline) == doctest::Approx(60.0 / 14));
    // Days 1-7 at 2: (2 - 4.2857) / 4.2857 = -53.3 %.
    CHECK(window(r2, "days 1-7").pain_change_pct == doctest::Approx(-53.3));
    CHECK(window(r2, "days 1-7").category == PainCategory::substantial);
    CHECK(window(r2, "days 15-28").status == WindowStatus::not_started);
    CHECK(r2.response_status == ResponseStatus::ongoing);
    CHECK(r2.response_days == 14);
    CHECK(std::ranges::count(r2.remarks, std::string("The baseline includes days after the previous infusion "
                                                     "(2026-11-01).")) == 1);
}

TEST_CASE("entries at 23:30 and 00:30 around the infusion day fall on the right side") {
    auto zone = locate_zone("Europe/London");  // UTC+0 in November
    auto infusion = infusion_on(day("2026-11-10"));  // 10:00 on 2026-11-10
    auto entries_with = [&](int day_start) {
        std::vector<Entry> entries;
        auto add = [&](std::string_view at, int pain) {
            Entry e;
            e.at = utc(at);
            e.zone = "Europe/London";
            e.day = diary_day(e.at, zone, day_start);
            e.rating(Rating::pain) = pain;
            entries.push_back(e);
        };
        for (int d = 3; d <= 8; ++d) add(fmt::format("2026-11-{:02}T12:00:00Z", d), 6);
        add("2026-11-09T23:30:00Z", 8);  // the night before
        add("2026-11-10T00:30:00Z", 9);  // the small hours of the infusion day
        add("2026-11-10T23:30:00Z", 9);  // the evening of the infusion day
        add("2026-11-11T00:30:00Z", 1);  // the small hours after
        add("2026-11-11T12:00:00Z", 3);
        for (int d = 12; d <= 14; ++d) add(fmt::format("2026-11-{}T12:00:00Z", d), 2);
        return entries;
    };
    auto run = [&](int day_start) {
        auto entries = entries_with(day_start);
        return analyse_infusion(infusion, std::nullopt, std::nullopt, daily_values(entries), entries, 14,
                                day("2026-11-14"));
    };

    // Midnight day start: 23:30 on the 9th is baseline, both entries of the 10th are the infusion
    // day (excluded), 00:30 on the 11th is day 1. Baseline (6 x 6 + 8) / 7 = 44/7; day 1 = (1 + 3) / 2 = 2,
    // days 1-4 all 2. Change (2 - 44/7) / (44/7) = -68.18 % -> -68.2.
    auto midnight = run(0);
    CHECK(midnight.baseline.days_logged == 7);
    CHECK(pain(midnight.baseline) == doctest::Approx(44.0 / 7));
    const auto& w = window(midnight, "days 1-7");
    CHECK(w.span.days_logged == 4);
    CHECK(pain(w.span) == 2.0);
    CHECK(w.pain_change_pct == doctest::Approx(-68.2));

    // A 04:00 day start moves both 00:30 entries back a day: 00:30 on the 10th joins the 9th
    // (baseline day = (8 + 9) / 2 = 8.5) and 00:30 on the 11th joins the infusion day.
    // Baseline (36 + 8.5) / 7 = 6.357; days 1-7: (3 + 2 + 2 + 2) / 4 = 2.25.
    auto night_owl = run(4);
    CHECK(pain(night_owl.baseline) == doctest::Approx(44.5 / 7));
    CHECK(pain(window(night_owl, "days 1-7").span) == 2.25);
}

TEST_CASE("side effects: tags on entries within 48 hours after the infusion, counted") {
    auto infusion = infusion_on(D);  // 2026-11-01T10:00Z
    std::vector<Entry> entries;
    auto add = [&](std::string_view at, std::vector<Tag> tags) {
        Entry e;
        e.at = utc(at);
        e.zone = "Europe/London";
        e.day = diary_day(e.at, locate_zone("Europe/London"), 0);
        e.tags = std::move(tags);
        entries.push_back(e);
    };
    add("2026-11-01T09:00:00Z", {{TagKind::side_effect, "anxiety"}});  // before: not counted
    add("2026-11-01T10:00:00Z", {{TagKind::side_effect, "nausea"}});   // at the infusion: counted
    add("2026-11-01T18:00:00Z", {{TagKind::side_effect, "dizziness"}, {TagKind::side_effect, "nausea"},
                                 {TagKind::activity, "walk"}});
    add("2026-11-03T10:00:00Z", {{TagKind::side_effect, "headache"}});      // exactly 48 h: counted
    add("2026-11-03T10:00:01Z", {{TagKind::side_effect, "vivid dreams"}});  // past 48 h
    add("2026-11-02T10:00:00Z", {{TagKind::worse, "nausea"}});              // not a side-effect tag
    auto r = analyse_infusion(infusion, std::nullopt, std::nullopt, daily_values(entries), entries, 14,
                              D + date::days{5});
    CHECK(r.side_effects == std::vector<SideEffectCount>{{"nausea", 2}, {"dizziness", 1}, {"headache", 1}});
}

TEST_CASE("response JSON has the documented keys, rounded figures and nulls") {
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 1, 20, 2);
    fill(days, 21, 30, 6);
    auto r = analyse(days, 30);
    auto j = response_json({r}, D + date::days{30}, 14, PathwayChoice{});
    CHECK(j["today"] == "2026-12-01");
    CHECK(j["baseline_days"] == 14);
    const auto& e = j["events"][0];
    std::vector<std::string> keys;
    for (const auto& [key, value] : e.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"id", "date", "time", "label", "previous_infusion", "next_infusion",
                                           "baseline", "windows", "response_status", "response_days",
                                           "response_ongoing", "mood_response", "side_effects", "remarks",
                                           "mood_remarks", "phq9", "gad7", "pgic", "peg", "number", "of",
                                           "interval_days", "baseline_trend", "area_days_1_28", "best_7_day",
                                           "response_curve"});
    CHECK(e["date"] == "2026-11-01");
    CHECK(e["time"] == "2026-11-01T10:00:00+00:00");
    CHECK(e["baseline"].dump() ==
          R"({"from":"2026-10-18","to":"2026-10-31","days":14,"days_logged":14,"pain_days":14,"sufficient":true,)"
          R"("pain_mean":6.0,"mood_mean":null,"energy_mean":null,"sleep_hours_mean":null,)"
          R"("sleep_quality_mean":null,"activity_mean":null,"medicine_days_logged":null,"mme_per_day":null,)"
          R"("prn_doses_per_day":null,"body_days_logged":null,"regions_per_day":null,"regions":[],"qualities":[]})");
    const auto& w3 = e["windows"][2];
    CHECK(w3["label"] == "days 15-28");
    CHECK(w3["pain_mean"] == 4.29);           // 60/14 rounded to two decimals
    CHECK(w3["pain_change"] == -1.71);        // -1.714…
    CHECK(w3["pain_change_pct"] == -28.6);
    CHECK(w3["category"] == "minimal");
    CHECK(w3["status"] == "ok");
    CHECK(w3["truncated"] == false);
    CHECK(w3["mood_mean"].is_null());
    CHECK(w3["mood_change"].is_null());
    CHECK(e["response_status"] == "ended");
    CHECK(e["response_days"] == 23);
    CHECK(e["response_ongoing"] == false);
    CHECK(e["side_effects"].is_array());
}

TEST_CASE("response text fits 80 columns and says what the figures mean") {
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 1, 3, 2);
    fill(days, 4, 9, 6);
    for (auto& d : days) {
        d.values[static_cast<std::size_t>(Metric::mood)] = 4.0;
        d.values[static_cast<std::size_t>(Metric::sleep_hours)] = 6.5;
    }
    auto first = infusion_on(D, 1);
    auto second = infusion_on(D + date::days{10}, 2);
    second.label = std::string(120, 'x');
    std::vector<Entry> entries(1);
    entries[0].at = first.at + std::chrono::hours{2};
    entries[0].tags = {{TagKind::side_effect, "a rather long side effect name that goes on"},
                       {TagKind::side_effect, "nausea"}};
    auto text = response_text(analyse_responses(days, entries, {first, second}, 14, D + date::days{12}),
                              PathwayChoice{Pathway::both, false, "set"}, Color::no);
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        auto line = text.substr(start, end - start);
        CHECK_MESSAGE(display_width(line) <= 80, line);
        start = end + 1;
    }
    CHECK(text.find("Infusion 1 of 2 (id 1) on 2026-11-01 (ketamine)") != std::string::npos);
    CHECK(text.find("days 1-7       2026-11-02 2026-11-08  7/7  4.3   -1.7 -28.6 minimal\n") != std::string::npos);
    CHECK(text.find("days 15-28     2026-11-16 -             -    -      -     - cut off\n") != std::string::npos);
    CHECK(text.find("Side effects within 48 h: a rather long side effect name that goes on (1),\n  nausea (1)\n") !=
          std::string::npos);
    CHECK(text.find("Note: Windows end on 2026-11-10, the day before the next infusion.\n") != std::string::npos);
    CHECK(text.find("Response (7-day mean pain at least 30 % below baseline): 6 days, then ended") !=
          std::string::npos);
    CHECK(text.find("insufficient data") != std::string::npos);
    CHECK(text.find("Mood") != std::string::npos);
    CHECK(text.find("Energy") == std::string::npos);  // no energy ratings: no column
}

TEST_CASE("a window with enough logged days but few pain ratings gets no category") {
    // Baseline 14 days of pain 6. Days 1-7: 5 logged days, only 3 with pain (2 each); the
    // other two carry only mood.
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 1, 3, 2);
    for (int i : {4, 5}) {
        DailyValues v;
        v.day = D + date::days{i};
        v.entries = 1;
        v.values[static_cast<std::size_t>(Metric::mood)] = 7.0;
        days.push_back(v);
    }
    std::ranges::sort(days, {}, &DailyValues::day);
    auto r = analyse(days, 7);
    const auto& w1 = window(r, "days 1-7");
    CHECK(w1.span.days_logged == 5);
    CHECK(w1.span.pain_days == 3);
    CHECK(w1.status == WindowStatus::ok);
    CHECK(pain(w1.span) == 2.0);
    CHECK(w1.span.mean(Metric::mood) == 7.0);
    CHECK_FALSE(w1.change_of(Metric::mood));  // the baseline has no mood
    CHECK_FALSE(w1.category);
    CHECK(std::ranges::count(r.pain_remarks, std::string("days 1-7: pain rated on only 3 days (at least 4 needed), "
                                                    "so no category and no area.")) == 1);
    CHECK_FALSE(w1.pain_area);
}

TEST_CASE("window_category_text: the category, 'so far' while in progress, else why there is none") {
    ResponseWindow w;
    w.category = PainCategory::moderate;
    CHECK(window_category_text(w) == "moderate");
    w.status = WindowStatus::in_progress;
    CHECK(window_category_text(w) == "moderate (so far)");
    w.category.reset();
    CHECK(window_category_text(w) == "in progress");
    w.status = WindowStatus::ok;
    CHECK(window_category_text(w) == "no category");
    w.status = WindowStatus::cut_off;
    CHECK(window_category_text(w) == "cut off");
    w.status = WindowStatus::insufficient_data;
    CHECK(window_category_text(w) == "insufficient data");
    w.status = WindowStatus::not_started;
    CHECK(window_category_text(w) == "not started");
}

TEST_CASE("only infusions are analysed; appointments and other events are ignored") {
    std::vector<DailyValues> days;
    fill(days, -14, -1, 6);
    fill(days, 1, 7, 3);
    auto appointment = infusion_on(D + date::days{3}, 2);
    appointment.kind = EventKind::appointment;
    auto change = infusion_on(D + date::days{5}, 3);
    change.kind = EventKind::medication_change;
    auto all = analyse_responses(days, {}, {appointment, infusion_on(D, 1), change}, 14, D + date::days{7});
    REQUIRE(all.size() == 1);
    CHECK(all[0].infusion.id == 1);
    CHECK_FALSE(all[0].next_infusion);  // an appointment does not cut the windows
    CHECK(window(all[0], "days 1-7").span.days == 7);
    CHECK(analyse_responses(days, {}, {appointment}, 14, D).empty());
}

}  // namespace painlog::test_response
