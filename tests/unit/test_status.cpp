// SPDX-License-Identifier: GPL-3.0-or-later
// diary_status and tag_uses over an in-memory diary, against values counted
// by hand. Now is Sunday 2026-11-22 20:00 in London (UTC+0 in November).
#include <doctest/doctest.h>

#include "painlog/query/diary_views.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/model/event.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/lookup.hpp"
#include "painlog/analysis/status.hpp"

namespace painlog::test_status {

namespace {

const Zone* london() { return locate_zone("Europe/London"); }

TimeContext at_now(std::string_view now, int day_start_hour = 0) {
    return {*parse_iso_instant(now), london(), day_start_hour};
}

void add_entry(Diary& diary, std::string_view at, std::vector<Tag> tags = {}) {
    Entry e;
    e.at = *parse_iso_instant(at);
    e.zone = "Europe/London";
    e.day = diary_day(e.at, london(), 0);
    e.rating(Rating::pain) = 5;
    for (auto& tag : tags) add_tag(e.tags, tag.kind, tag.name);
    diary.add(e);
}

void add_event_at(Diary& diary, EventKind kind, std::string_view at, std::string label = {}) {
    Event ev;
    ev.kind = kind;
    ev.label = std::move(label);
    ev.at = *parse_iso_instant(at);
    ev.zone = "Europe/London";
    ev.day = diary_day(ev.at, london(), 0);
    add_event(diary, ev);
}

}  // namespace

TEST_CASE("diary_status of an empty diary") {
    auto diary = Diary::in_memory();
    auto status = diary_status(diary, at_now("2026-11-22T20:00:00Z"));
    CHECK(format_day(status.today) == "2026-11-22");
    CHECK_FALSE(status.today_logged());
    CHECK(status.streak_days == 0);
    CHECK_FALSE(status.last_entry);
    CHECK_FALSE(status.days_since_infusion());
    CHECK_FALSE(status.next_appointment);
    CHECK(status_json(status)["last_entry"].is_null());
}

TEST_CASE("diary_status: streak, last entry, last infusion, next appointment") {
    auto diary = Diary::in_memory();
    // Logged 18th-21st, a gap on the 17th, then the 16th.
    for (auto at : {"2026-11-16T09:00:00Z", "2026-11-18T09:00:00Z", "2026-11-19T09:00:00Z", "2026-11-20T09:00:00Z",
                    "2026-11-21T09:00:00Z", "2026-11-21T21:00:00Z"})
        add_entry(diary, at);
    add_event_at(diary, EventKind::infusion, "2026-11-03T10:00:00Z");
    add_event_at(diary, EventKind::infusion, "2026-11-10T10:00:00Z", "second");
    add_event_at(diary, EventKind::appointment, "2026-11-22T09:00:00Z");  // earlier today: past
    add_event_at(diary, EventKind::appointment, "2026-11-24T09:00:00Z", "review");
    add_event_at(diary, EventKind::appointment, "2026-12-01T09:00:00Z");

    auto status = diary_status(diary, at_now("2026-11-22T20:00:00Z"));
    CHECK(status.entries_today == 0);
    CHECK(status.streak_days == 4);  // 21, 20, 19, 18
    REQUIRE(status.last_entry);
    CHECK(format_utc(status.last_entry->at) == "2026-11-21T21:00:00Z");
    CHECK(status.days_since_last_entry() == 1);
    REQUIRE(status.last_infusion);
    CHECK(status.last_infusion->label == "second");
    CHECK(status.days_since_infusion() == 12);  // 10th to 22nd
    REQUIRE(status.next_appointment);
    CHECK(status.next_appointment->label == "review");
    CHECK(status.days_until_appointment() == 2);

    add_entry(diary, "2026-11-22T19:00:00Z");
    status = diary_status(diary, at_now("2026-11-22T20:00:00Z"));
    CHECK(status.entries_today == 1);
    CHECK(status.streak_days == 5);
    CHECK(status_json(status)["streak_days"] == 5);
    CHECK(status_json(status)["today_logged"] == true);
}

TEST_CASE("reminder_text names the day and, when there is one, the streak") {
    Day day = date::year{2026} / 11 / 22;
    CHECK(reminder_text(day, 0) == "No painlog entry yet for today, Sunday 2026-11-22: record one with `painlog add`.\n");
    CHECK(reminder_text(day, 3) ==
          "No painlog entry yet for today, Sunday 2026-11-22: record one with `painlog add` to keep your 3-day streak.\n");
}

TEST_CASE("tag_uses: most used first, then by name; one kind or all") {
    auto diary = Diary::in_memory();
    add_entry(diary, "2026-11-20T09:00:00Z", {{TagKind::activity, "walk"}, {TagKind::better, "heat"}});
    add_entry(diary, "2026-11-21T09:00:00Z", {{TagKind::activity, "walk"}, {TagKind::activity, "swim"}});
    add_entry(diary, "2026-11-22T09:00:00Z", {{TagKind::activity, "walk"}, {TagKind::worse, "walk"}});
    auto all = tag_uses(diary);
    REQUIRE(all.size() == 4);
    CHECK(all[0].name == "walk");
    CHECK(all[0].kind == TagKind::activity);
    CHECK(all[0].entries == 3);
    CHECK(all[1].name == "heat");  // then one use each, by name: heat, swim, walk (worse)
    CHECK(all[2].name == "swim");
    CHECK(all[3].name == "walk");
    CHECK(all[3].kind == TagKind::worse);
    auto better = tag_uses(diary, TagKind::better);
    REQUIRE(better.size() == 1);
    CHECK(better[0].name == "heat");
}

}  // namespace painlog::test_status
