// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "painlog/store/diary.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/model/event.hpp"

namespace painlog::test_event {

namespace {

Instant utc(std::string_view text) { return *parse_iso_instant(text); }
Day day(std::string_view text) { return *parse_iso_day(text); }

TimeContext london_at(std::string_view now) { return {utc(now), locate_zone("Europe/London"), 0}; }

Event make_event(EventKind kind, std::string_view at, std::string label = "", std::string note = "") {
    Event e;
    e.kind = kind;
    e.label = std::move(label);
    e.at = utc(at);
    e.zone = "Europe/London";
    e.day = diary_day(e.at, locate_zone("Europe/London"), 0);
    e.note = std::move(note);
    return e;
}

}  // namespace

TEST_CASE("event kinds have stable names both ways") {
    CHECK(name_of(EventKind::infusion) == "infusion");
    CHECK(name_of(EventKind::appointment) == "appointment");
    CHECK(name_of(EventKind::medication_change) == "medication-change");
    CHECK(name_of(EventKind::other) == "other");
    for (auto kind : all_event_kinds) CHECK(event_kind_named(name_of(kind)) == kind);
    CHECK_FALSE(event_kind_named("medication_change"));
    CHECK_FALSE(event_kind_named("Infusion"));
    CHECK_FALSE(event_kind_named(""));
    CHECK_THROWS_WITH_AS(static_cast<void>(parse_event_kind("infusoin", "KIND")),
                         "KIND infusoin: expected one of infusion, appointment, medication-change, other",
                         InputError);
}

TEST_CASE("events are stored, read back in time order, updated and removed") {
    auto diary = Diary::in_memory();
    auto later = make_event(EventKind::appointment, "2026-12-01T10:00:00Z", "pain clinic", "bring the diary");
    auto earlier = make_event(EventKind::infusion, "2026-11-10T09:30:00Z", "ketamine", "");
    // Quotes and SQL in user text are bound, not interpolated.
    auto odd = make_event(EventKind::other, "2026-11-15T08:00:00Z", "it's'); DROP TABLE event; --", "ü \"x\"");
    add_event(diary, later);
    add_event(diary, earlier);
    add_event(diary, odd);
    CHECK(later.id == 1);
    CHECK(earlier.id == 2);
    CHECK(odd.id == 3);

    auto all = events(diary);
    REQUIRE(all.size() == 3);
    CHECK(all[0] == earlier);
    CHECK(all[1] == odd);
    CHECK(all[2] == later);
    auto infusions = events(diary, EventKind::infusion);
    REQUIRE(infusions.size() == 1);
    CHECK(infusions[0].id == 2);
    CHECK(events(diary, EventKind::medication_change).empty());

    CHECK(find_event(diary, 3) == odd);
    CHECK_FALSE(find_event(diary, 99));
    CHECK_THROWS_WITH_AS(static_cast<void>(get_event(diary, 7)), "event 7: no such event; see painlog event list",
                         InputError);

    earlier.note = "felt floaty";
    earlier.kind = EventKind::other;
    update_event(diary, earlier);
    CHECK(get_event(diary, 2) == earlier);

    remove_event(diary, 3);
    CHECK_FALSE(find_event(diary, 3));
    CHECK(events(diary).size() == 2);
    CHECK_THROWS_WITH_AS(remove_event(diary, 3), "event 3: no such event; see painlog event list", InputError);
    auto ghost = make_event(EventKind::other, "2026-11-15T08:00:00Z");
    ghost.id = 42;
    CHECK_THROWS_AS(update_event(diary, ghost), InputError);
    CHECK(events(diary).size() == 2);
}

TEST_CASE("event JSON has stable keys and local time") {
    auto e = make_event(EventKind::medication_change, "2026-07-01T23:30:00Z", "pregabalin 150 mg", "");
    e.id = 5;
    auto j = event_json(e);
    CHECK(j.dump() == R"({"id":5,"kind":"medication-change","label":"pregabalin 150 mg",)"
                      R"("time":"2026-07-02T00:30:00+01:00","zone":"Europe/London","day":"2026-07-02","note":"",)"
                      R"("not_given":null})");
}

TEST_CASE("only appointments and infusions may be booked ahead") {
    auto ctx = london_at("2026-11-22T20:00:00Z");
    auto appointment = make_event(EventKind::appointment, "2026-12-01T10:00:00Z");
    CHECK_NOTHROW(check_event_time(appointment, ctx, "--at"));
    auto infusion = make_event(EventKind::infusion, "2026-12-01T10:00:00Z");
    CHECK_NOTHROW(check_event_time(infusion, ctx, "--at"));
    auto change = make_event(EventKind::medication_change, "2026-11-22T20:00:01Z");
    CHECK_THROWS_WITH_AS(check_event_time(change, ctx, "--at 20:00:01"),
                         "--at 20:00:01: 2026-11-22 20:00 is in the future and only appointments and infusions may "
                         "be booked ahead; expected a time no later than now (2026-11-22 20:00)",
                         InputError);
    change.at = ctx.now;
    CHECK_NOTHROW(check_event_time(change, ctx, "--at"));
}

TEST_CASE("a booked infusion is planned until its time, then given unless marked not given") {
    auto now = *parse_iso_instant("2026-11-22T20:00:00Z");
    auto past = make_event(EventKind::infusion, "2026-11-01T10:00:00Z");
    auto cancelled = make_event(EventKind::infusion, "2026-11-10T10:00:00Z");
    cancelled.not_given = NotGiven::cancelled;
    auto booked = make_event(EventKind::infusion, "2026-12-01T10:00:00Z");
    auto postponed = make_event(EventKind::infusion, "2026-11-30T10:00:00Z");
    postponed.not_given = NotGiven::postponed;
    auto appointment = make_event(EventKind::appointment, "2026-12-05T10:00:00Z");
    CHECK(state_of(past, now) == EventState::given);
    CHECK(state_of(cancelled, now) == EventState::not_given);
    CHECK(state_of(booked, now) == EventState::planned);
    CHECK(state_of(postponed, now) == EventState::not_given);
    CHECK(state_of(booked, booked.at) == EventState::given);  // at its time it counts as given
    std::vector<Event> all{past, cancelled, postponed, booked, appointment};
    auto given = given_infusions(all, now);
    REQUIRE(given.size() == 1);
    CHECK(given[0].at == past.at);
    CHECK(next_planned(all, EventKind::infusion, now)->at == booked.at);  // the postponed one is skipped
    CHECK(next_planned(all, EventKind::appointment, now)->at == appointment.at);
    CHECK_FALSE(next_planned(all, EventKind::infusion, booked.at));
    CHECK(parse_not_given("postponed", "--not-given") == NotGiven::postponed);
    CHECK_THROWS_WITH_AS((void)parse_not_given("skipped", "--not-given"),
                         "--not-given skipped: expected postponed or cancelled", InputError);
}

TEST_CASE("parse_when allows the future only when asked") {
    auto ctx = london_at("2026-11-22T20:00:00Z");
    CHECK_THROWS_AS(static_cast<void>(parse_when("2026-12-01", ctx, "--at")), InputError);
    CHECK_THROWS_AS(static_cast<void>(parse_when("2026-11-22T21:00", ctx, "--at")), InputError);
    // A future bare date means its local noon (London is UTC+0 in December).
    CHECK(parse_when("2026-12-01", ctx, "--at", Future::allow) == utc("2026-12-01T12:00:00Z"));
    CHECK(parse_when("2026-11-22T21:00", ctx, "--at", Future::allow) == utc("2026-11-22T21:00:00Z"));
    // Past and present behave as before.
    CHECK(parse_when("today", ctx, "--at", Future::allow) == ctx.now);
    CHECK(parse_when("yesterday", ctx, "--at", Future::allow) == utc("2026-11-21T12:00:00Z"));
    CHECK_THROWS_AS(static_cast<void>(parse_when("2026-13-01", ctx, "--at", Future::allow)), InputError);
    // Summer: a future date is noon BST.
    CHECK(parse_when("2027-07-01", ctx, "--at", Future::allow) == utc("2027-07-01T11:00:00Z"));
    CHECK(day("2027-07-01") == diary_day(utc("2027-07-01T11:00:00Z"), ctx.zone, 0));
}

TEST_CASE("event labels are one trimmed line") {
    CHECK(validate_event_label("  nerve block ", "--label") == "nerve block");
    CHECK(validate_event_label("", "--label").empty());
    CHECK_THROWS_AS(static_cast<void>(validate_event_label("a\nb", "--label")), InputError);
    CHECK_THROWS_AS(static_cast<void>(validate_event_label(std::string(101, 'x'), "--label")), InputError);
    CHECK_THROWS_AS(static_cast<void>(validate_event_label("\xff", "--label")), InputError);
}

}  // namespace painlog::test_event
