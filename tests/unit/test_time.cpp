// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "painlog/util/error.hpp"
#include "painlog/time/time.hpp"

namespace painlog::test_time {
using namespace std::chrono_literals;

namespace {

Instant utc(std::string_view text) { return *parse_iso_instant(text); }
Day day(std::string_view text) { return *parse_iso_day(text); }

TimeContext london(std::string_view now, int day_start = 0) {
    return {utc(now), locate_zone("Europe/London"), day_start};
}

}  // namespace

TEST_CASE("diary day is the local date, shifted by the day-start hour") {
    auto zone = locate_zone("Europe/London");
    // 2026-07-01 is BST (UTC+1): 23:30Z is 00:30 local on the 2nd.
    CHECK(diary_day(utc("2026-07-01T23:30:00Z"), zone, 0) == day("2026-07-02"));
    CHECK(diary_day(utc("2026-07-01T23:30:00Z"), zone, 4) == day("2026-07-01"));
    // 03:59 local with a 04:00 day start still belongs to the day before; 04:00 does not.
    CHECK(diary_day(utc("2026-07-02T02:59:00Z"), zone, 4) == day("2026-07-01"));
    CHECK(diary_day(utc("2026-07-02T03:00:00Z"), zone, 4) == day("2026-07-02"));
    // In winter London is UTC+0.
    CHECK(diary_day(utc("2026-12-01T23:30:00Z"), zone, 0) == day("2026-12-01"));
    // East of UTC the date moves the other way.
    CHECK(diary_day(utc("2026-12-01T15:30:00Z"), locate_zone("Pacific/Auckland"), 0) == day("2026-12-02"));
}

TEST_CASE("--at accepts dates, local times and instants") {
    auto ctx = london("2026-11-22T20:00:00Z");
    CHECK(parse_when("now", ctx, "--at") == ctx.now);
    CHECK(parse_when("today", ctx, "--at") == ctx.now);
    CHECK(parse_when("yesterday", ctx, "--at") == utc("2026-11-21T12:00:00Z"));
    CHECK(parse_when("2026-11-20", ctx, "--at") == utc("2026-11-20T12:00:00Z"));
    CHECK(parse_when("2026-11-22", ctx, "--at") == ctx.now);
    CHECK(parse_when("2026-11-22T08:30", ctx, "--at") == utc("2026-11-22T08:30:00Z"));
    CHECK(parse_when("2026-11-22 08:30:15", ctx, "--at") == utc("2026-11-22T08:30:15Z"));
    CHECK(parse_when("2026-07-01T08:30", ctx, "--at") == utc("2026-07-01T07:30:00Z"));  // BST
    CHECK(parse_when("2026-11-22T08:30+01:00", ctx, "--at") == utc("2026-11-22T07:30:00Z"));
    CHECK(parse_when("2026-11-22T08:30Z", ctx, "--at") == utc("2026-11-22T08:30:00Z"));
}

TEST_CASE("--at across the DST changes") {
    auto ctx = london("2026-11-22T20:00:00Z");
    // Spring forward, 2026-03-29: 01:00-02:00 local does not exist.
    CHECK(parse_when("2026-03-29T00:59", ctx, "--at") == utc("2026-03-29T00:59:00Z"));
    CHECK_THROWS_WITH_AS((void)parse_when("2026-03-29T01:30", ctx, "--at"),
                         doctest::Contains("does not exist in Europe/London"), InputError);
    CHECK(parse_when("2026-03-29T02:00", ctx, "--at") == utc("2026-03-29T01:00:00Z"));
    // Fall back, 2026-10-25: 01:00-02:00 local happens twice; the first (BST) is chosen.
    CHECK(parse_when("2026-10-25T01:30", ctx, "--at") == utc("2026-10-25T00:30:00Z"));
    // A bare date on either day is local noon.
    CHECK(parse_when("2026-03-29", ctx, "--at") == utc("2026-03-29T11:00:00Z"));
    CHECK(parse_when("2026-10-25", ctx, "--at") == utc("2026-10-25T12:00:00Z"));
}

TEST_CASE("--at rejects the future and nonsense, naming the value") {
    auto ctx = london("2026-11-22T20:00:00Z");
    CHECK_THROWS_WITH_AS((void)parse_when("2026-11-22T20:00:01Z", ctx, "--at"), doctest::Contains("in the future"),
                         InputError);
    CHECK_THROWS_WITH_AS((void)parse_when("2026-11-23", ctx, "--at"), "--at 2026-11-23: is in the future; expected a "
                                                                 "time no later than now (2026-11-22 20:00)",
                         InputError);
    for (auto bad : {"", "tomorrow", "2026-13-01", "2026-02-30", "2026-11-22T24:00", "2026-11-22T08:60",
                     "22/11/2026", "2026-11-22T08", "2026-11-22T08:30+1", "2026-11-22T08:30:00Zjunk", "14d"})
        CHECK_THROWS_AS((void)parse_when(bad, ctx, "--at"), InputError);
    CHECK_THROWS_WITH((void)parse_when("soon", ctx, "--at"),
                      "--at soon: expected a date or time like 2026-11-22, 2026-11-22T08:30, now, today or yesterday");
}

TEST_CASE("an --at past the times painlog keeps says which times those are; one in the future, that it is") {
    auto far = london("9999-12-31T00:00:00Z");
    CHECK_THROWS_WITH_AS((void)parse_when("9999-12-30T12:00Z", far, "--at"),
                         "--at 9999-12-30T12:00Z: outside the times painlog keeps; expected a time from "
                         "1900-01-03T00:00Z to before 9999-12-30T00:00Z",
                         InputError);
    CHECK_THROWS_WITH_AS((void)parse_when("1900-01-02T12:00Z", far, "--at"),
                         doctest::Contains("outside the times painlog keeps"), InputError);
    auto now = london("2026-11-22T20:00:00Z");
    CHECK_THROWS_WITH_AS((void)parse_when("9999-12-30", now, "--at"), doctest::Contains("is in the future"),
                         InputError);
}

TEST_CASE("dates outside the years 1900 to 9999 are refused, even when an offset moves them there") {
    auto ctx = london("2026-11-22T20:00:00Z");
    // Found by fuzz_dates: year 0000 at +01:00 is year -1 in UTC, which
    // format_utc cannot write back as four digits.
    CHECK_FALSE(parse_iso_instant("0000-01-01T00:00+01:00"));
    CHECK_FALSE(parse_iso_instant("9999-12-31T23:30-01:00"));
    CHECK_FALSE(parse_iso_instant("1900-01-01T00:30+01:00"));
    CHECK_FALSE(parse_iso_day("1899-12-31"));
    CHECK(parse_iso_day("1900-01-01") == day("1900-01-01"));
    CHECK(parse_iso_day("9999-12-31") == day("9999-12-31"));
    CHECK(parse_iso_instant("1900-01-03T00:00:00Z") == utc("1900-01-03T00:00:00Z"));
    CHECK_THROWS_WITH_AS((void)parse_when("0000-01-01T00:00+01:00", ctx, "--at"),
                         doctest::Contains("--at 0000-01-01T00:00+01:00: expected a date or time"), InputError);
    CHECK_THROWS_AS((void)parse_when("9999-12-31T23:00", ctx, "--at", Future::allow), InputError);
    CHECK_THROWS_AS((void)parse_since("200y", ctx, "--since"), InputError);
    CHECK(parse_since("100y", ctx, "--since") == day("1926-11-23"));
}

TEST_CASE("days and spans for --since and --until") {
    auto ctx = london("2026-11-22T20:00:00Z");
    CHECK(parse_day("today", ctx, "--until") == day("2026-11-22"));
    CHECK(parse_day("yesterday", ctx, "--until") == day("2026-11-21"));
    CHECK(parse_day("2026-02-28", ctx, "--until") == day("2026-02-28"));
    CHECK(parse_since("1d", ctx, "--since") == day("2026-11-22"));
    CHECK(parse_since("14d", ctx, "--since") == day("2026-11-09"));
    CHECK(parse_since("3w", ctx, "--since") == day("2026-11-02"));
    CHECK(parse_since("6m", ctx, "--since") == day("2026-05-23"));
    CHECK(parse_since("1y", ctx, "--since") == day("2025-11-23"));
    CHECK_THROWS_AS((void)parse_day("14d", ctx, "--until"), InputError);
    for (auto bad : {"0d", "d", "-3d", "3x", "3.5w", "99999d"})
        CHECK_THROWS_WITH_AS((void)parse_since(bad, ctx, "--since"), doctest::Contains("or a span like 14d"), InputError);
}

TEST_CASE("month spans clamp to the end of shorter months") {
    auto ctx = london("2026-05-31T12:00:00Z");
    // 31 May minus 3 months is 31 Feb, clamped to 28 Feb, plus one day.
    CHECK(parse_since("3m", ctx, "--since") == day("2026-03-01"));
    auto leap = london("2028-02-29T12:00:00Z");
    CHECK(parse_since("1y", leap, "--since") == day("2027-03-01"));
}

TEST_CASE("today follows the day-start hour") {
    CHECK(today(london("2026-11-22T01:30:00Z", 4)) == day("2026-11-21"));
    CHECK(today(london("2026-11-22T01:30:00Z", 0)) == day("2026-11-22"));
    // yesterday with a 04:00 day start at 01:30 is two calendar days back.
    CHECK(parse_day("yesterday", london("2026-11-22T01:30:00Z", 4), "--until") == day("2026-11-20"));
}

TEST_CASE("ISO formats round-trip") {
    auto at = utc("2026-07-01T07:30:05Z");
    CHECK(format_utc(at) == "2026-07-01T07:30:05Z");
    CHECK(format_local(at, locate_zone("Europe/London")) == "2026-07-01T08:30:05+01:00");
    CHECK(format_local(at, locate_zone("America/St_Johns")) == "2026-07-01T05:00:05-02:30");
    CHECK(format_local_minutes(at, locate_zone("Europe/London")) == "2026-07-01 08:30");
    CHECK(parse_iso_instant(format_local(at, locate_zone("Asia/Kolkata"))) == at);
    CHECK_FALSE(parse_iso_instant("2026-07-01T07:30:05"));  // no offset: not an instant
    CHECK(format_day(day("2026-01-09")) == "2026-01-09");
    CHECK_FALSE(parse_iso_day("2026-1-9"));
}

TEST_CASE("format_utc and format_day pad every field, at the ends of the supported years and beyond") {
    CHECK(format_utc(utc("1900-01-03T00:00:00Z")) == "1900-01-03T00:00:00Z");  // the first supported instant (time.cpp)
    CHECK(format_utc(utc("9999-12-29T23:59:59Z")) == "9999-12-29T23:59:59Z");
    CHECK(format_utc(utc("2026-03-09T04:05:06Z")) == "2026-03-09T04:05:06Z");
    CHECK(format_day(date::sys_days{date::year{7} / 8 / 9}) == "0007-08-09");
    CHECK(format_day(date::sys_days{date::year{12345} / 1 / 2}) == "12345-01-02");  // fmt's width is a minimum
    CHECK(format_day(date::sys_days{date::year{-1} / 1 / 2}) == "-001-01-02");
    // Every day of a leap year and its neighbours, against date's own formatting.
    for (auto d = date::sys_days{date::year{2023} / 12 / 25}; d < date::sys_days{date::year{2025} / 1 / 5}; d += date::days{1})
        CHECK(format_day(d) == date::format("%F", d));
}

TEST_CASE("unknown zones are input errors") {
    CHECK(locate_zone("Europe/Paris")->name() == "Europe/Paris");
    CHECK_THROWS_WITH_AS((void)locate_zone("Mars/Olympus"),
                         "time zone Mars/Olympus: unknown; expected an IANA name like Europe/London", InputError);
}

}  // namespace painlog::test_time
