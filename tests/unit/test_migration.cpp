// SPDX-License-Identifier: GPL-3.0-or-later
// A diary written by schema v1 (entries only, before events existed) must
// open in this build without losing anything, and gain a usable event table.

#include <doctest/doctest.h>


#include <filesystem>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/model/event.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/schema.hpp"

#include "support.hpp"

namespace painlog::test_migration {

namespace {

namespace fs = std::filesystem;

// Builds the file exactly as a v1 build would have left it: migration 1's
// SQL, user_version 1 and rows inserted with plain SQL.
void write_v1_diary(const fs::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    auto v1 = migrations()[0];
    REQUIRE(v1.version == 1);
    db.exec(std::string(v1.sql));
    db.exec("PRAGMA user_version = 1");
    db.exec("INSERT INTO entry (id, at, zone, day, pain, mood, sleep_hours, note) VALUES "
            "(1, '2026-11-01T08:00:00Z', 'Europe/London', '2026-11-01', 6, 4, 7.5, 'stiff, \"bad\" morning'), "
            "(2, '2026-11-01T23:30:00Z', 'Europe/London', '2026-11-01', 7, NULL, NULL, ''), "
            "(3, '2026-11-02T09:15:00Z', 'Europe/Paris', '2026-11-02', NULL, 5, NULL, 'ünïcode ✓')");
    db.exec("INSERT INTO entry_tag (entry_id, kind, name) VALUES (1, 'side-effect', 'nausea'), "
            "(1, 'activity', 'walk'), (3, 'better', 'heat')");
    db.exec("INSERT INTO setting (key, value) VALUES ('baseline-days', '10')");
}

}  // namespace

TEST_CASE("a v1 diary is migrated to the latest schema without loss") {
    test::TempDir dir;
    auto path = dir.path / "v1.db";
    write_v1_diary(path);

    auto diary = Diary::open(path, Access::write);
    CHECK(diary.db().execAndGet("PRAGMA user_version").getInt() == latest_schema_version());
    CHECK(latest_schema_version() >= 2);

    auto entries = diary.entries();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].id == 1);
    CHECK(format_utc(entries[0].at) == "2026-11-01T08:00:00Z");
    CHECK(entries[0].zone == "Europe/London");
    CHECK(format_day(entries[0].day) == "2026-11-01");
    CHECK(entries[0].rating(Rating::pain) == 6);
    CHECK(entries[0].rating(Rating::mood) == 4);
    CHECK_FALSE(entries[0].rating(Rating::energy));
    CHECK(entries[0].sleep_hours == 7.5);
    CHECK(entries[0].note == "stiff, \"bad\" morning");
    REQUIRE(entries[0].tags.size() == 2);
    CHECK(entries[0].tags[0] == Tag{TagKind::activity, "walk"});
    CHECK(entries[0].tags[1] == Tag{TagKind::side_effect, "nausea"});
    CHECK(entries[1].rating(Rating::pain) == 7);
    CHECK(entries[1].tags.empty());
    CHECK(entries[2].zone == "Europe/Paris");
    CHECK(entries[2].note == "ünïcode ✓");
    CHECK(entries[2].tags == std::vector<Tag>{{TagKind::better, "heat"}});
    CHECK(diary.setting("baseline-days") == "10");

    // The new table works: add, read back, constraint on kind enforced.
    CHECK(events(diary).empty());
    Event infusion;
    infusion.kind = EventKind::infusion;
    infusion.label = "ketamine";
    infusion.at = *parse_iso_instant("2026-11-03T10:00:00Z");
    infusion.zone = "Europe/London";
    infusion.day = *parse_iso_day("2026-11-03");
    add_event(diary, infusion);
    CHECK(infusion.id == 1);
    CHECK(get_event(diary, 1) == infusion);
    CHECK_THROWS(diary.db().exec("INSERT INTO event (kind, at, zone, day) VALUES ('surgery', 'x', 'y', 'z')"));

    // Entries are still writable after the migration, and ids continue.
    Entry e;
    e.at = *parse_iso_instant("2026-11-04T10:00:00Z");
    e.zone = "Europe/London";
    e.day = *parse_iso_day("2026-11-04");
    e.rating(Rating::pain) = 3;
    diary.add(e);
    CHECK(e.id == 4);
}

TEST_CASE("after v5 the tag table still refuses an unknown kind, cascades and is indexed by name") {
    test::TempDir dir;
    auto path = dir.path / "v1.db";
    write_v1_diary(path);
    auto diary = Diary::open(path, Access::write);
    auto& db = diary.db();
    for (auto kind : {"activity", "better", "worse", "side-effect", "medication"})
        CHECK_NOTHROW(db.exec(fmt::format("INSERT INTO entry_tag (entry_id, kind, name) VALUES (2, '{}', 'x')", kind)));
    CHECK_THROWS(db.exec("INSERT INTO entry_tag (entry_id, kind, name) VALUES (2, 'trigger', 'x')"));
    CHECK_THROWS(db.exec("INSERT INTO entry_tag (entry_id, kind, name) VALUES (2, 'Better', 'x')"));
    CHECK_THROWS(db.exec("INSERT INTO entry_tag (entry_id, kind, name) VALUES (99, 'better', 'x')"));
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'entry_tag_by_name' AND tbl_name = 'entry_tag'")
              .getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%v5%'").getInt() == 0);
    diary.remove(1);
    CHECK(db.execAndGet("SELECT count(*) FROM entry_tag WHERE entry_id = 1").getInt() == 0);
    CHECK(db.execAndGet("SELECT count(*) FROM entry_tag WHERE entry_id = 3").getInt() == 1);
}

TEST_CASE("after v6 daily values come from the day index alone") {
    test::TempDir dir;
    auto path = dir.path / "v1.db";
    write_v1_diary(path);
    auto diary = Diary::open(path, Access::read);
    std::string plan;
    SQLite::Statement explain(diary.db(), "EXPLAIN QUERY PLAN SELECT day, id, pain, mood, energy, sleep_hours, "
                                          "sleep_quality, activity FROM entry WHERE day >= '2026-01-01' ORDER BY day");
    while (explain.executeStep()) plan += explain.getColumn(3).getString() + "\n";
    CHECK(plan.find("COVERING INDEX entry_by_day") != std::string::npos);
    CHECK(diary.db().execAndGet("SELECT count(*) FROM pragma_index_info('entry_by_day')").getInt() == 8);
}

TEST_CASE("v7 turns the --med tags of a v6 diary into doses at their entry's time, without an amount") {
    test::TempDir dir;
    auto path = dir.path / "v6.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const auto& m : migrations())
            if (m.version <= 6) db.exec(std::string(m.sql));
        db.exec("PRAGMA user_version = 6");
        db.exec("INSERT INTO entry (id, at, zone, day, pain, note) VALUES "
                "(1, '2026-11-01T08:00:00Z', 'Europe/London', '2026-11-01', 6, ''), "
                "(2, '2026-11-02T23:30:00Z', 'Europe/Paris', '2026-11-03', NULL, 'only a medicine')");
        db.exec("INSERT INTO entry_tag (entry_id, kind, name) VALUES (1, 'medication', 'lyrica'), "
                "(1, 'medication', 'oxycodone'), (1, 'better', 'heat'), (2, 'medication', 'ibuprofen')");
    }
    auto diary = Diary::open(path, Access::write);
    auto doses = doses_in(diary, std::nullopt, std::nullopt);
    REQUIRE(doses.size() == 3);
    CHECK(doses[0].medicine == "lyrica");  // kept as typed; analysis reads it as pregabalin
    CHECK(doses[1].medicine == "oxycodone");
    CHECK(format_utc(doses[0].at) == "2026-11-01T08:00:00Z");
    CHECK(doses[0].zone == "Europe/London");
    CHECK(doses[2].medicine == "ibuprofen");
    CHECK(format_day(doses[2].day) == "2026-11-03");
    CHECK(doses[2].zone == "Europe/Paris");
    for (const auto& d : doses) {
        CHECK_FALSE(d.amount);
        CHECK_FALSE(d.as_needed);
    }
    auto entries = diary.entries();
    REQUIRE(entries.size() == 2);  // the entry that held only a medicine stays, with its note
    CHECK(entries[1].note == "only a medicine");
    REQUIRE(entries[0].tags.size() == 1);
    CHECK(entries[0].tags[0].name == "heat");
    CHECK(diary.db().execAndGet("SELECT count(*) FROM entry_tag WHERE kind = 'medication'").getInt() == 0);
}

TEST_CASE("opening a migrated diary again changes nothing") {
    test::TempDir dir;
    auto path = dir.path / "v1.db";
    write_v1_diary(path);
    { auto first = Diary::open(path, Access::write); }
    auto size = fs::file_size(path);
    auto diary = Diary::open(path, Access::read);
    CHECK(diary.db().execAndGet("PRAGMA user_version").getInt() == latest_schema_version());
    CHECK(diary.entries().size() == 3);
    CHECK(fs::file_size(path) == size);
}

}  // namespace painlog::test_migration
