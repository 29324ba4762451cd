// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "painlog/formats/daylio.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"

namespace painlog::test_daylio {

namespace {

DaylioOptions london() {
    DaylioOptions o;
    o.rules.now = *parse_iso_instant("2026-11-22T20:00:00Z");
    o.zone = locate_zone("Europe/London");
    return o;
}

std::string local(const Entry& e) { return format_local(e.at, locate_zone(e.zone)); }

}  // namespace

TEST_CASE("Daylio: the default moods map levels 1-5 onto 0-10, halves rounded to even") {
    // 2.5 × (level − 1) = 0, 2.5, 5, 7.5, 10 → 0, 2, 5, 8, 10 (2.5 → 2 and 7.5 → 8 are the even neighbours).
    const auto& m = daylio_default_moods();
    CHECK(m.at("awful") == 0);
    CHECK(m.at("bad") == 2);
    CHECK(m.at("meh") == 5);
    CHECK(m.at("good") == 8);
    CHECK(m.at("rad") == 10);
}

TEST_CASE("Daylio: columns by header name, 12- and 24-hour times, activities and notes") {
    std::string csv =
        "full_date,date,weekday,time,mood,activities,scales,note_title,note\n"
        "2026-10-06,October 6,Tuesday,13:48,Rad,Walk | Reading | walk,,Good day,\"Felt fine, \"\"really\"\"\n😀\"\n"
        "2026-10-05,October 5,Monday,12:15 am,awful,,,,\n"
        "2026-10-04,October 4,Sunday,8:30 PM,MEH,,,,just a note\n";
    auto parsed = parse_daylio_csv(csv, london());
    REQUIRE(parsed.problems.empty());
    REQUIRE(parsed.data.entries.size() == 3);
    // Sorted oldest first.
    const auto& e0 = parsed.data.entries[0];
    CHECK(local(e0) == "2026-10-04T20:30:00+01:00");
    CHECK(e0.rating(Rating::mood) == 5);
    CHECK(e0.note == "just a note");
    const auto& e1 = parsed.data.entries[1];
    CHECK(local(e1) == "2026-10-05T00:15:00+01:00");  // 12:15 am is just after midnight
    CHECK(e1.rating(Rating::mood) == 0);
    CHECK(e1.note.empty());
    const auto& e2 = parsed.data.entries[2];
    CHECK(local(e2) == "2026-10-06T13:48:00+01:00");
    CHECK(format_day(e2.day) == "2026-10-06");
    CHECK(e2.rating(Rating::mood) == 10);
    CHECK(e2.tags == std::vector<Tag>{{TagKind::activity, "reading"}, {TagKind::activity, "walk"}});
    CHECK(e2.note == "Good day\nFelt fine, \"really\"\n😀");
    CHECK(e2.zone == "Europe/London");
}

TEST_CASE("Daylio: the older layout without note_title, and columns in another order") {
    auto parsed = parse_daylio_csv("mood,time,full_date,note\ngood,07:05,2026-11-01,x\n", london());
    REQUIRE(parsed.problems.empty());
    REQUIRE(parsed.data.entries.size() == 1);
    CHECK(local(parsed.data.entries[0]) == "2026-11-01T07:05:00+00:00");
    CHECK(parsed.data.entries[0].rating(Rating::mood) == 8);
}

TEST_CASE("Daylio: a custom mood label needs a mapping") {
    std::string csv = "full_date,time,mood\n2026-11-01,09:00,ecstatic\n";
    auto refused = parse_daylio_csv(csv, london());
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0] == ImportProblem{2, "mood",
                                               "'ecstatic': not one of Daylio's default moods (rad, good, meh, bad, "
                                               "awful); map it to 0-10 with --daylio-mood 'ecstatic=N'"});
    CHECK(refused.data.entries.empty());
    auto options = london();
    options.moods.insert(parse_daylio_mood("Ecstatic=9", "--daylio-mood"));
    auto mapped = parse_daylio_csv(csv, options);
    REQUIRE(mapped.problems.empty());
    CHECK(mapped.data.entries[0].rating(Rating::mood) == 9);
    CHECK_THROWS_AS((void)parse_daylio_mood("ecstatic=11", "--daylio-mood"), InputError);
    CHECK_THROWS_AS((void)parse_daylio_mood("ecstatic", "--daylio-mood"), InputError);
    CHECK_THROWS_AS((void)parse_daylio_mood("=3", "--daylio-mood"), InputError);
}

TEST_CASE("Daylio: bad rows are reported with line and column, and nothing is returned") {
    std::string csv =
        "full_date,time,mood\n"
        "2026-13-01,09:00,good\n"
        "2026-11-01,25:00,good\n"
        "2026-11-01,13:00 pm,good\n"
        "2026-11-01,09:00\n"
        "2026-03-29,01:30,good\n"    // the clocks skip 01:00-02:00 in London
        "2026-12-01,09:00,good\n";  // after now
    auto parsed = parse_daylio_csv(csv, london());
    CHECK(parsed.data.entries.empty());
    REQUIRE(parsed.problems.size() == 6);
    CHECK(parsed.problems[0].line == 2);
    CHECK(parsed.problems[0].column == "full_date");
    CHECK(parsed.problems[1].line == 3);
    CHECK(parsed.problems[1].column == "time");
    CHECK(parsed.problems[2].column == "time");
    CHECK(parsed.problems[3] == ImportProblem{5, "", "2 fields: expected 3 as in the header"});
    CHECK(parsed.problems[4].column == "time");
    CHECK(parsed.problems[4].message.find("does not exist") != std::string::npos);
    CHECK(parsed.problems[5].message.find("in the future") != std::string::npos);
}

TEST_CASE("Daylio: a header without full_date is not a Daylio export") {
    auto parsed = parse_daylio_csv("date,time,mood\nx,09:00,good\n", london());
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].line == 1);
    CHECK(parsed.problems[0].column == "full_date");
    CHECK(looks_like_daylio("full_date,date,weekday,time,mood\n"));
    CHECK_FALSE(looks_like_daylio("id,time,zone\n"));
}

TEST_CASE("Daylio streamed into a diary: new ids in time order, as from the parsed and sorted file") {
    std::string csv = "full_date,date,weekday,time,mood,activities,note_title,note\n"
                      "2026-10-06,October 6,Tuesday,13:48,rad,walk,,\n"
                      "2026-10-05,October 5,Monday,08:00,bad,,,x\n"
                      "2026-10-06,October 6,Tuesday,09:00,meh,walk | read,,\n"
                      "2026-10-04,October 4,Sunday,8:30 PM,good,,,\n";
    auto streamed = Diary::in_memory();
    Entry earlier;
    earlier.at = *parse_iso_instant("2026-01-01T08:00:00Z");
    earlier.zone = "UTC";
    earlier.day = Day{date::year{2026} / 1 / 1};
    earlier.rating(Rating::pain) = 2;
    streamed.add(earlier);
    std::istringstream in(csv);
    auto outcome = import_records(
        streamed, [&](ImportSink& sink) { return read_daylio_csv(in, london(), sink); }, DryRun::no,
        EntryOrder::by_time);
    REQUIRE(outcome.problems.empty());
    CHECK(outcome.counts.entries_added == 4);
    auto whole = Diary::in_memory();
    whole.add(earlier);
    (void)import_data(whole, parse_daylio_csv(csv, london()).data, DryRun::no);
    CHECK(streamed.entries() == whole.entries());
    std::vector<std::int64_t> ids;
    for (const auto& e : streamed.entries()) ids.push_back(e.id);
    CHECK(ids == std::vector<std::int64_t>{1, 2, 3, 4, 5});
}

}  // namespace painlog::test_daylio
