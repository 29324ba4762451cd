// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/model/event.hpp"
#include "painlog/report/report.hpp"

namespace painlog::test_report {
using namespace date::literals;

namespace {

TimeContext clock_at(const char* iso) {
    return {*parse_iso_instant(iso), locate_zone("Etc/UTC"), 0};
}

void add_entry(Diary& diary, const char* iso, int pain, std::string note = {}) {
    Entry e;
    e.at = *parse_iso_instant(iso);
    e.zone = "Etc/UTC";
    e.day = diary_day(e.at, locate_zone("Etc/UTC"), 0);
    e.rating(Rating::pain) = pain;
    e.note = std::move(note);
    diary.add(e);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("markdown_escape keeps tables and paragraphs intact") {
    CHECK(markdown_escape("a | b") == "a \\| b");
    CHECK(markdown_escape("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
    CHECK(markdown_escape("*x* _y_ `z` [l](u) ~s~ & \\") == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\& \\\\");
    CHECK(markdown_escape("# heading") == "\\# heading");      // only at the start
    CHECK(markdown_escape("- item") == "\\- item");
    CHECK(markdown_escape("1. first") == "1\\. first");
    CHECK(markdown_escape("walked 2.5 km - fine") == "walked 2.5 km - fine");
    CHECK(markdown_escape("two\nlines") == "two lines");
}

TEST_CASE("build_report: the default period without an infusion is the last report-days days") {
    auto diary = Diary::in_memory();
    add_entry(diary, "2026-10-20T09:00:00Z", 6);  // in the previous period (2026-09-28..10-25)
    add_entry(diary, "2026-11-20T09:00:00Z", 4, "older note");
    add_entry(diary, "2026-11-22T09:00:00Z", 2, "newest note");
    auto r = build_report(diary, clock_at("2026-11-22T20:00:00Z"), {});
    CHECK(r.period.from == date::sys_days{2026_y / 10 / 26});  // 28 days including today
    CHECK(r.period.to == date::sys_days{2026_y / 11 / 22});
    CHECK(r.summary.days_logged == 2);
    REQUIRE(r.summary.metric(Metric::pain).mean);
    CHECK(*r.summary.metric(Metric::pain).mean == doctest::Approx(3.0));  // (4 + 2) / 2
    REQUIRE(r.summary.metric(Metric::pain).previous_mean);
    CHECK(*r.summary.metric(Metric::pain).previous_mean == doctest::Approx(6.0));
    REQUIRE(r.notes.size() == 2);
    CHECK(r.notes[0].text == "newest note");  // most recent first
    CHECK(r.infusions.empty());
}

TEST_CASE("build_report runs the trend tests only when asked, and the chart data is the same either way") {
    auto diary = Diary::in_memory();
    for (int d = 1; d <= 20; ++d)  // pain falling by a point every four days
        add_entry(diary, fmt::format("2026-11-{:02}T09:00:00Z", d).c_str(), 9 - d / 4);
    auto clock = clock_at("2026-11-22T20:00:00Z");
    auto with = build_report(diary, clock, {});
    ReportRequest without_tests;
    without_tests.trend_tests = TrendTests::skip;
    auto without = build_report(diary, clock, without_tests);

    const auto& pain_with = with.trend.metrics[static_cast<std::size_t>(Metric::pain)];
    const auto& pain_without = without.trend.metrics[static_cast<std::size_t>(Metric::pain)];
    REQUIRE(pain_with.slope_per_week);
    CHECK(*pain_with.slope_per_week == doctest::Approx(-7.0 / 4));
    CHECK(pain_with.mann_kendall);
    CHECK(pain_with.direction == Direction::improving);
    CHECK_FALSE(pain_without.slope_per_week);
    CHECK_FALSE(pain_without.mann_kendall);
    CHECK(pain_without.direction == Direction::no_clear_trend);
    CHECK(pain_without.n == pain_with.n);
    REQUIRE(pain_without.points.size() == pain_with.points.size());
    for (std::size_t i = 0; i < pain_with.points.size(); ++i) {
        CHECK(pain_without.points[i].value == pain_with.points[i].value);
        CHECK(pain_without.points[i].rolling_mean_7 == pain_with.points[i].rolling_mean_7);
    }
}

TEST_CASE("build_report anchors on the most recent infusion and shows its response") {
    auto diary = Diary::in_memory();
    diary.set_setting("baseline-days", "7");
    // Baseline 2026-11-01..07 pain 8 on all 7 days; after the infusion on
    // 2026-11-08, days 1-7 (11-09..15) pain 4: -50 % -> substantial.
    for (int d = 1; d <= 15; ++d) {
        if (d == 8) continue;
        add_entry(diary, fmt::format("2026-11-{:02}T09:00:00Z", d).c_str(), d < 8 ? 8 : 4);
    }
    Event infusion;
    infusion.kind = EventKind::infusion;
    infusion.at = *parse_iso_instant("2026-11-08T10:00:00Z");
    infusion.zone = "Etc/UTC";
    infusion.day = date::sys_days{2026_y / 11 / 8};
    add_event(diary, infusion);
    auto r = build_report(diary, clock_at("2026-11-15T20:00:00Z"), {});
    CHECK(r.period.from == date::sys_days{2026_y / 11 / 1});
    REQUIRE(r.infusions.size() == 1);
    const auto& w = r.infusions[0].windows.at(0);
    REQUIRE(w.pain_change_pct);
    CHECK(*w.pain_change_pct == doctest::Approx(-50.0));
    REQUIRE(w.category);
    CHECK(*w.category == PainCategory::substantial);
    auto text = report_text(r);
    CHECK(has(text, "-50.0 %"));
    CHECK(has(text, "substantial"));
    auto html = report_html(r);
    CHECK(has(html, "class=\"good\">substantial</td>"));
    CHECK(has(html, ">Infusion 1</text>"));  // the chart's marker
}

TEST_CASE("build_report refuses periods that end after today or before they start") {
    auto diary = Diary::in_memory();
    auto now = clock_at("2026-11-22T20:00:00Z");
    ReportRequest future;
    future.until = date::sys_days{2026_y / 11 / 23};
    CHECK_THROWS_AS((void)build_report(diary, now, future), InputError);
    ReportRequest backwards;
    backwards.since = date::sys_days{2026_y / 11 / 20};
    backwards.until = date::sys_days{2026_y / 11 / 19};
    CHECK_THROWS_AS((void)build_report(diary, now, backwards), InputError);
    ReportRequest unknown;
    unknown.event_id = 42;
    CHECK_THROWS_AS((void)build_report(diary, now, unknown), InputError);
}

TEST_CASE("an empty period renders in every format") {
    auto diary = Diary::in_memory();
    auto r = build_report(diary, clock_at("2026-11-22T20:00:00Z"), {});
    CHECK(has(report_text(r), "No notes in this period."));
    CHECK(has(report_markdown(r), "No infusion in this period."));
    CHECK(has(report_html(r), "</html>"));
    auto j = report_json(r);
    CHECK(j["name"].is_null());
    CHECK(j["summary"]["metrics"]["pain"]["mean"].is_null());
}

}  // namespace painlog::test_report
