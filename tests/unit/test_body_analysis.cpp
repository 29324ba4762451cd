// SPDX-License-Identifier: GPL-3.0-or-later
// Where it hurt and how it felt (issue 17): the summary's figures per region
// and quality, regions a day and WPI weeks, and the response's shares
// before and after an infusion, each against a diary worked out by hand in
// the comments; and the day index reading the names back from a diary.

#include <doctest/doctest.h>

#include <algorithm>

#include "painlog/analysis/body_summary.hpp"
#include "painlog/analysis/response.hpp"
#include "painlog/model/daily.hpp"
#include "painlog/store/day_index.hpp"
#include "painlog/store/diary.hpp"
#include "support.hpp"

namespace painlog::test_body_analysis {

namespace {

Day day(std::string_view text) { return *parse_iso_day(text); }

DailyValues day_of(std::string_view date, std::optional<double> pain, std::vector<std::string> regions,
                   std::vector<std::string> qualities) {
    DailyValues d;
    d.day = day(date);
    d.entries = 1;
    d.values[static_cast<std::size_t>(Metric::pain)] = pain;
    d.regions = region_set(regions);
    d.qualities = quality_set(qualities);
    return d;
}

// The baseline fortnight of the hand-worked examples, 2026-11-01 .. 11-14,
// six logged days, and a day before it that must not count.
std::vector<DailyValues> fortnight() {
    return {
        day_of("2026-10-31", 9, {"head"}, {"throbbing"}),
        day_of("2026-11-01", 6, {"left-foot", "right-foot"}, {"burning"}),
        day_of("2026-11-02", 4, {"left-foot"}, {"burning", "tingling"}),
        day_of("2026-11-03", std::nullopt, {"lower-back"}, {}),  // mood only: no pain that day
        day_of("2026-11-05", 8, {"left-foot", "lower-back", "left-buttock"}, {"burning"}),
        day_of("2026-11-09", 2, {}, {}),
        day_of("2026-11-10", 5, {"neck", "left-shoulder"}, {"aching"}),
    };
}

std::string name_of_region(const BodyNameDays& d) { return std::string(body_regions()[d.index].name); }

}  // namespace

TEST_CASE("summary: days, share and mean pain per region and quality, by hand") {
    auto s = summarize_body(fortnight(), day("2026-11-01"), day("2026-11-14"));
    // Logged: 11-01, 02, 03, 05, 09, 10 = 6 days (10-31 is outside).
    CHECK(s.days_logged == 6);
    CHECK(s.days_with_regions == 5);    // all but 11-09
    CHECK(s.days_with_qualities == 4);  // 11-01, 02, 05, 10
    // left-foot on 11-01 (6), 11-02 (4), 11-05 (8): 3 days, share 3/6, pain (6+4+8)/3 = 6.
    // lower-back on 11-03 (no pain) and 11-05 (8): 2 days, pain 8 from one day.
    // Then the one-day names in vocabulary order: neck (5), left-shoulder (5),
    // left-buttock (8), right-foot (6).
    std::vector<std::string> order;
    for (const auto& d : s.regions) order.push_back(name_of_region(d));
    CHECK(order == std::vector<std::string>{"left-foot", "lower-back", "neck", "left-shoulder", "left-buttock",
                                            "right-foot"});
    CHECK(s.regions[0].days == 3);
    CHECK(s.regions[0].share == doctest::Approx(0.5));
    CHECK(s.regions[0].pain_n == 3);
    CHECK(*s.regions[0].mean_pain == doctest::Approx(6.0));
    CHECK(s.regions[1].days == 2);
    CHECK(s.regions[1].share == doctest::Approx(2.0 / 6));
    CHECK(s.regions[1].pain_n == 1);
    CHECK(*s.regions[1].mean_pain == doctest::Approx(8.0));
    CHECK(*s.regions[5].mean_pain == doctest::Approx(6.0));
    // burning: 11-01, 02, 05: (6+4+8)/3 = 6; tingling 11-02: 4; aching 11-10: 5.
    REQUIRE(s.qualities.size() == 3);
    CHECK(pain_qualities()[s.qualities[0].index].name == "burning");
    CHECK(*s.qualities[0].mean_pain == doctest::Approx(6.0));
    CHECK(pain_qualities()[s.qualities[1].index].name == "tingling");
    CHECK(*s.qualities[1].mean_pain == doctest::Approx(4.0));
    CHECK(pain_qualities()[s.qualities[2].index].name == "aching");
    // Regions a day: 2 + 1 + 1 + 3 + 0 + 2 = 9 over 6 logged days = 1.5; most 3.
    CHECK(*s.regions_per_day == doctest::Approx(1.5));
    CHECK(s.max_regions_per_day == 3);
}

TEST_CASE("summary: WPI areas per 7-day week counted back from the last day") {
    auto s = summarize_body(fortnight(), day("2026-11-01"), day("2026-11-14"));
    REQUIRE(s.wpi_weeks.size() == 2);
    // 11-01..11-07: feet (no area), lower back, left buttock (left hip): 2 areas, 4 logged days.
    CHECK(format_day(s.wpi_weeks[0].from) == "2026-11-01");
    CHECK(format_day(s.wpi_weeks[0].to) == "2026-11-07");
    CHECK(s.wpi_weeks[0].days_logged == 4);
    CHECK(s.wpi_weeks[0].areas.count() == 2);
    CHECK(s.wpi_weeks[0].areas.test(static_cast<std::size_t>(WpiArea::lower_back)));
    CHECK(s.wpi_weeks[0].areas.test(static_cast<std::size_t>(WpiArea::left_hip)));
    // 11-08..11-14: neck and left shoulder girdle, 2 logged days.
    CHECK(s.wpi_weeks[1].days_logged == 2);
    CHECK(s.wpi_weeks[1].areas.count() == 2);
    // Ten days: one whole week, 11-04..11-10; 11-01..11-03 is too short to count.
    auto ten = summarize_body(fortnight(), day("2026-11-01"), day("2026-11-10"));
    REQUIRE(ten.wpi_weeks.size() == 1);
    CHECK(format_day(ten.wpi_weeks[0].from) == "2026-11-04");
    // 11-05: lower back, left hip; 11-09: none; 11-10: neck, left shoulder girdle.
    CHECK(ten.wpi_weeks[0].areas.count() == 4);
}

TEST_CASE("summary JSON and text, and nothing when nothing was named") {
    auto s = summarize_body(fortnight(), day("2026-11-01"), day("2026-11-14"));
    auto j = body_summary_json(s);
    CHECK(j["regions"][0]["region"] == "left-foot");
    CHECK(j["regions"][0]["wpi_area"].is_null());
    CHECK(j["regions"][4]["wpi_area"] == "left-hip");  // left-buttock
    CHECK(j["qualities"][0]["neuropathic"] == true);
    CHECK(j["regions_per_day"] == 1.5);
    CHECK(j["wpi_weeks"][1]["areas"] == nlohmann::ordered_json{"left-shoulder-girdle", "neck"});
    auto text = body_summary_text(s, Color::no);
    CHECK(text.find("left-foot        3  50 %  6.0 (3)\n") != std::string::npos);
    CHECK(text.find("11-01 to 11-07: 2; 11-08 to 11-14: 2.") != std::string::npos);
    auto none = summarize_body({day_of("2026-11-01", 5, {}, {})}, day("2026-11-01"), day("2026-11-07"));
    CHECK_FALSE(none.any());
    CHECK(body_summary_text(none, Color::no).empty());
}

TEST_CASE("response: shares before and after an infusion, and regions a day, by hand") {
    auto days = fortnight();
    // Days 1-7 after an infusion on 11-15: four logged days.
    days.push_back(day_of("2026-11-16", 3, {"left-foot"}, {"burning"}));
    days.push_back(day_of("2026-11-17", 3, {}, {}));
    days.push_back(day_of("2026-11-18", 2, {"left-foot", "right-foot"}, {}));
    days.push_back(day_of("2026-11-19", 2, {}, {}));
    Event infusion;
    infusion.id = 1;
    infusion.kind = EventKind::infusion;
    infusion.at = Instant{day("2026-11-15").time_since_epoch()} + std::chrono::hours{10};
    infusion.zone = "UTC";
    infusion.day = day("2026-11-15");
    auto responses = analyse_responses(days, {}, {infusion}, 14, day("2026-11-22"));
    add_body_responses(responses, days);
    REQUIRE(responses.size() == 1);
    const auto& r = responses[0];
    REQUIRE(r.baseline_body);
    CHECK(r.baseline_body->days_logged == 6);  // 11-01 .. 11-14
    const auto& w = r.windows[0];
    REQUIRE(w.body);
    CHECK(w.body->days_logged == 4);
    auto j = infusion_response_json(r);
    const auto& b = j["baseline"];
    const auto& w1 = j["windows"][0];
    // Regions a day: baseline 9/6 = 1.5; days 1-7 (1 + 0 + 2 + 0)/4 = 0.75; change -0.75.
    CHECK(b["regions_per_day"] == 1.5);
    CHECK(w1["regions_per_day"] == 0.75);
    CHECK(w1["regions_per_day_change"] == -0.75);
    // The regions of the baseline or any window, in vocabulary order.
    std::vector<std::string> names;
    for (const auto& item : w1["regions"]) names.push_back(item["region"]);
    CHECK(names == std::vector<std::string>{"neck", "left-shoulder", "lower-back", "left-buttock", "left-foot",
                                            "right-foot"});
    // left-foot: baseline 3/6 = 0.5, days 1-7 2/4 = 0.5, change 0.
    CHECK(b["regions"][4]["share"] == 0.5);
    CHECK(w1["regions"][4]["days"] == 2);
    CHECK(w1["regions"][4]["share"] == 0.5);
    CHECK(w1["regions"][4]["share_change"] == 0.0);
    // right-foot: baseline 1/6 = 0.167, days 1-7 1/4 = 0.25, change 0.083.
    CHECK(b["regions"][5]["share"] == 0.167);
    CHECK(w1["regions"][5]["share_change"] == 0.083);
    // lower-back: 2/6 = 0.333 before, not at all after: -0.333.
    CHECK(w1["regions"][2]["days"] == 0);
    CHECK(w1["regions"][2]["share_change"] == -0.333);
    // burning: 3/6 before, 1/4 after.
    CHECK(w1["qualities"][0]["quality"] == "burning");
    CHECK(w1["qualities"][0]["share"] == 0.25);
    CHECK(w1["qualities"][0]["share_change"] == -0.25);
    // Days 15-28 have not begun: no figures.
    CHECK(j["windows"][2]["regions_per_day"].is_null());
    CHECK(j["windows"][2]["regions"].empty());
    auto text = body_response_text(r, Color::no);
    CHECK(text.find("left-foot         50 %     50 %         -          -           50 %\n") != std::string::npos);
    CHECK(text.find("regions a day      1.5      0.8         -          -            0.8\n") != std::string::npos);
}

TEST_CASE("response: a diary that names nothing gets no body figures") {
    std::vector<DailyValues> days{day_of("2026-11-01", 5, {}, {}), day_of("2026-11-16", 3, {}, {})};
    Event infusion;
    infusion.kind = EventKind::infusion;
    infusion.day = day("2026-11-15");
    infusion.at = Instant{infusion.day.time_since_epoch()};
    auto responses = analyse_responses(days, {}, {infusion}, 14, day("2026-11-22"));
    add_body_responses(responses, days);
    CHECK_FALSE(responses[0].baseline_body);
    CHECK(body_response_text(responses[0], Color::no).empty());
    auto j = infusion_response_json(responses[0]);
    CHECK(j["baseline"]["body_days_logged"].is_null());
    CHECK(j["windows"][0]["regions"].empty());
}

TEST_CASE("the day index reads each day's names as the entries give them") {
    auto diary = Diary::in_memory();
    auto add = [&](std::string_view date, int hour, std::vector<std::string> regions, std::vector<std::string> qualities) {
        auto e = test::entry_on(day(date), 5, hour);
        e.regions = std::move(regions);
        e.qualities = std::move(qualities);
        diary.add(e);
    };
    add("2026-11-01", 8, {"left-foot"}, {"burning"});
    add("2026-11-01", 20, {"right-foot", "left-foot"}, {});
    add("2026-11-02", 8, {}, {"aching"});
    add("2026-11-03", 8, {}, {});
    // A name put in by hand, outside the vocabulary: kept on the entry, not counted.
    diary.db().exec("INSERT INTO entry_region (entry_id, region) VALUES (4, 'spleen')");
    auto indexed = read_daily_values(diary, day("2026-11-01"), day("2026-11-03"));
    auto built = daily_values(diary.entries());
    REQUIRE(indexed.size() == 3);
    for (std::size_t i = 0; i < indexed.size(); ++i) {
        CHECK(indexed[i].regions == built[i].regions);
        CHECK(indexed[i].qualities == built[i].qualities);
    }
    CHECK(indexed[0].regions == region_set({"left-foot", "right-foot"}));
    CHECK(indexed[1].qualities == quality_set({"aching"}));
    CHECK(indexed[2].regions.none());
    CHECK(diary.get(4).regions == std::vector<std::string>{"spleen"});
}

TEST_CASE("the diary hands each entry its own names, whatever the order of ids and times") {
    auto diary = Diary::in_memory();
    // Ids 1..5 on days 5, 1, 3, 2, 4: time order visits ids 2, 4, 3, 5, 1.
    std::vector<std::pair<std::string, std::vector<std::string>>> made{
        {"2026-11-05", {"head"}}, {"2026-11-01", {"neck", "left-foot"}}, {"2026-11-03", {}},
        {"2026-11-02", {"right-knee"}}, {"2026-11-04", {"left-sole", "lower-back"}}};
    for (const auto& [date, regions] : made) {
        auto e = test::entry_on(day(date), 5);
        e.regions = regions;
        if (!regions.empty()) e.qualities = {"aching"};
        diary.add(e);
    }
    auto check = [&](const EntryQuery& query) {
        diary.for_each_entry(query, [&](Entry e) {
            CAPTURE(e.id);
            auto expected = made[static_cast<std::size_t>(e.id - 1)].second;
            std::vector<std::string> sorted;
            for (const auto& r : expected) add_region(sorted, r);
            CHECK(e.regions == sorted);
            CHECK(e.qualities.size() == (expected.empty() ? 0u : 1u));
        });
    };
    check({});
    check({.from = day("2026-11-02"), .to = day("2026-11-04"), .last = std::nullopt});
    check({.from = std::nullopt, .to = std::nullopt, .last = 2});
}

}  // namespace painlog::test_body_analysis
