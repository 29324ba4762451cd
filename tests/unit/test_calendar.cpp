// SPDX-License-Identifier: GPL-3.0-or-later
// The year at a glance: levels, the days it holds, its text with and
// without colour, its JSON, and the SVG pictures of the report (the
// calendar and the response curves).

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "painlog/analysis/calendar.hpp"
#include "painlog/analysis/response.hpp"
#include "painlog/report/infusion_charts.hpp"
#include "support.hpp"

namespace painlog::test_calendar {

namespace {

Day day(std::string_view text) { return *parse_iso_day(text); }

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("pain levels: five bands of two points, 10 in the last") {
    CHECK(pain_level(0) == 0);
    CHECK(pain_level(1.99) == 0);
    CHECK(pain_level(2) == 1);
    CHECK(pain_level(5.5) == 2);
    CHECK(pain_level(7.99) == 3);
    CHECK(pain_level(8) == 4);
    CHECK(pain_level(10) == 4);
    CHECK(calendar_scale()[0].color == "#fde725");  // viridis, light for little pain
    CHECK(calendar_scale()[4].color == "#440154");
}

TEST_CASE("a year at a glance starts on the Monday 52 weeks before the last day's week") {
    // 2026-11-22 is a Sunday: its week began on Monday 11-16; 52 weeks earlier is 2025-11-17.
    CHECK(year_at_a_glance_from(day("2026-11-22")) == day("2025-11-17"));
    CHECK(year_at_a_glance_from(day("2026-11-16")) == day("2025-11-17"));
    CHECK(date::weekday(year_at_a_glance_from(day("2026-03-04"))) == date::Monday);
}

TEST_CASE("the calendar holds every day, its pain, and infusions") {
    std::vector<DailyValues> days{test::pain_day(day("2026-11-02"), 7.5), test::pain_day(day("2026-11-04"), 1)};
    DailyValues mood_only;
    mood_only.day = day("2026-11-03");
    mood_only.entries = 1;
    mood_only.values[static_cast<std::size_t>(Metric::mood)] = 5;
    days.insert(days.begin() + 1, mood_only);
    std::vector<Event> events{test::infusion_event(day("2026-11-03"), 1)};
    Event appointment = test::infusion_event(day("2026-11-04"), 2);
    appointment.kind = EventKind::appointment;
    events.push_back(appointment);
    auto c = pain_calendar(days, events, day("2026-11-02"), day("2026-11-08"));
    REQUIRE(c.days.size() == 7);
    CHECK(c.days[0].pain == 7.5);
    CHECK_FALSE(c.days[1].pain);  // logged, but without pain: blank
    CHECK(c.days[1].infusion);
    CHECK_FALSE(c.days[2].infusion);  // an appointment is not marked
    CHECK_FALSE(c.days[6].pain);

    // Without colour: a column a week, the level's character, the infusion's mark.
    auto text = calendar_text(c, ColorDepth::none);
    CHECK(text.find("Pain by day, 2026-11-02 to 2026-11-08: a column a week, Monday at the top.\n") == 0);
    CHECK(text.find("\nMon ▓\nTue ◆\nWed ·\nThu\nFri\nSat\nSun\n") != std::string::npos);
    CHECK(text.find("· 0-1.9  ░ 2-3.9  ▒ 4-5.9  ▓ 6-7.9  █ 8-10  ◆ infusion  blank: no pain rating\n") !=
          std::string::npos);
    CHECK(text.find('\033') == std::string::npos);
    // In colour: 24-bit, or the nearest of the 256-colour cube's steps 0, 95, 135, 175, 215, 255:
    // #3b528b is 59, 82, 139 -> steps 1 (95), 1 (95), 2 (135) -> 16 + 36 + 6 + 2 = 60.
    auto truecolor = calendar_text(c, ColorDepth::truecolor);
    CHECK(truecolor.find("\033[38;2;59;82;139m█\033[0m") != std::string::npos);
    auto palette = calendar_text(c, ColorDepth::palette256);
    CHECK(palette.find("\033[38;5;60m█\033[0m") != std::string::npos);

    auto j = calendar_json(c);
    CHECK(j["from"] == "2026-11-02");
    CHECK(j["levels"].size() == 5);
    CHECK(j["days"][0].dump() == R"({"date":"2026-11-02","pain":7.5,"level":3,"infusion":false})");
    CHECK(j["days"][1]["level"].is_null());
}

TEST_CASE("months are named above the week holding their 1st; long periods come in blocks of 53 weeks") {
    std::vector<DailyValues> days;
    auto c = pain_calendar(days, {}, day("2024-01-01"), day("2026-01-04"));
    auto text = calendar_text(c, ColorDepth::none);
    // 2024-01-01 is a Monday: 105 weeks, so blocks of 53 and 52 weeks.
    CHECK(count(text, "\nMon") == 2);
    CHECK(text.find("\n    Jan") != std::string::npos);
    std::size_t widest = 0, start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        widest = std::max(widest, display_width(text.substr(start, end - start)));
        start = end + 1;
    }
    CHECK(widest <= 80);
}

TEST_CASE("calendar SVG: a square a day, blank ones outlined, rings on infusion days, escaped title") {
    std::vector<DailyValues> days{test::pain_day(day("2026-11-02"), 9), test::pain_day(day("2026-11-03"), 3)};
    auto c = pain_calendar(days, {test::infusion_event(day("2026-11-03"), 1)}, day("2026-11-01"), day("2026-11-08"));
    auto svg = calendar_svg(c);
    CHECK(svg.starts_with(R"(<svg xmlns="http://www.w3.org/2000/svg")"));
    CHECK(svg.ends_with("</svg>"));
    CHECK(count(svg, R"(fill="#440154")") == 2);  // the day at 9 and its legend square
    CHECK(count(svg, R"(fill="#5ec962")") == 2);
    CHECK(count(svg, R"(stroke="#ccc")") == 6 + 1);  // six days without pain and the legend's
    CHECK(count(svg, "<circle") == 1 + 1);
    CHECK(svg.find(">Nov<") != std::string::npos);
}

TEST_CASE("response curves SVG: the newest emphasised, the one before dashed, older grey; none without curves") {
    std::vector<InfusionResponse> responses(3);
    for (std::size_t i = 0; i < responses.size(); ++i) {
        responses[i].number = i + 1;
        responses[i].of = 3;
        responses[i].infusion = test::infusion_event(day("2026-09-01") + date::days{30 * static_cast<int>(i)}, 1);
        for (int t : {-2, -1, 1, 2, 3}) responses[i].curve.push_back({t, 5.0, t < 0 ? 0.0 : -40.0});
    }
    auto svg = response_curves_svg(responses);
    CHECK(count(svg, R"(stroke="#D55E00" stroke-width="3")") == 2 + 1);  // the line's two pieces and its legend
    CHECK(count(svg, R"(stroke-dasharray="6 3")") >= 2);
    // Broken at the infusion day: each infusion draws two pieces.
    CHECK(count(svg, "<polyline") == 6);
    CHECK(svg.find("infusion 3 (2026-10-31), newest") != std::string::npos);
    CHECK(svg.find("−30 % (moderate)") != std::string::npos);
    for (auto& r : responses) r.curve.clear();
    CHECK(response_curves_svg(responses).empty());
}

}  // namespace painlog::test_calendar
