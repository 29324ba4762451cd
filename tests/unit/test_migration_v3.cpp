// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>


#include <filesystem>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "painlog/store/diary.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/model/questionnaire.hpp"
#include "painlog/store/schema.hpp"

#include "support.hpp"

namespace painlog::test_migration_v3 {
namespace fs = std::filesystem;

namespace {

// A diary as a schema-v2 painlog left it: migrations 1 and 2 only, one entry
// with a tag, one event and a setting.
void write_v2_diary(const fs::path& file) {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const auto& migration : migrations())
        if (migration.version <= 2) db.exec(std::string(migration.sql));
    db.exec("PRAGMA user_version = 2");
    db.exec("INSERT INTO entry (id, at, zone, day, pain, mood, sleep_hours, note) VALUES "
            "(1, '2026-11-20T08:30:00Z', 'Europe/London', '2026-11-20', 6, 4, 7.5, 'before the upgrade')");
    db.exec("INSERT INTO entry_tag (entry_id, kind, name) VALUES (1, 'better', 'heat')");
    db.exec("INSERT INTO event (id, kind, label, at, zone, day) VALUES "
            "(1, 'infusion', 'ketamine', '2026-11-19T10:00:00Z', 'Europe/London', '2026-11-19')");
    db.exec("INSERT INTO setting (key, value) VALUES ('day-start-hour', '4')");
}

}  // namespace

TEST_CASE("schema v3 is the questionnaire table, the third migration") {
    auto all = migrations();
    REQUIRE(all.size() >= 3);
    CHECK(all[2].version == 3);
    CHECK(std::string(all[2].sql).find("CREATE TABLE questionnaire") != std::string::npos);
}

TEST_CASE("a v2 diary opened by this build keeps its data and gains the questionnaire table") {
    test::TempDir dir;
    auto file = dir.path / "diary.db";
    write_v2_diary(file);
    {
        SQLite::Database before(file.string());
        CHECK(before.execAndGet("PRAGMA user_version").getInt() == 2);
        CHECK_FALSE(before.tableExists("questionnaire"));
    }

    auto diary = Diary::open(file, Access::read);
    CHECK(diary.db().execAndGet("PRAGMA user_version").getInt() == latest_schema_version());
    CHECK(diary.db().execAndGet("PRAGMA user_version").getInt() >= 3);
    CHECK(diary.db().tableExists("questionnaire"));

    auto entries = diary.entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].id == 1);
    CHECK(format_utc(entries[0].at) == "2026-11-20T08:30:00Z");
    CHECK(entries[0].rating(Rating::pain) == 6);
    CHECK(entries[0].rating(Rating::mood) == 4);
    CHECK(entries[0].sleep_hours == 7.5);
    CHECK(entries[0].note == "before the upgrade");
    REQUIRE(entries[0].tags.size() == 1);
    CHECK(entries[0].tags[0] == Tag{TagKind::better, "heat"});
    CHECK(diary.db().execAndGet("SELECT label FROM event WHERE id = 1").getString() == "ketamine");
    CHECK(diary.setting("day-start-hour") == "4");

    // The new table works: a result goes in and comes back.
    CHECK(questionnaire_results(diary).empty());
    QuestionnaireResult r;
    r.instrument = Instrument::gad7;
    r.at = *parse_iso_instant("2026-11-21T09:00:00Z");
    r.zone = "Europe/London";
    r.day = *parse_iso_day("2026-11-21");
    r.answers = {1, 1, 1, 1, 1, 1, 1};
    add_result(diary, r);
    auto results = questionnaire_results(diary);
    REQUIRE(results.size() == 1);
    CHECK(results[0] == r);
    CHECK(results[0].score == 7);
}

TEST_CASE("a damaged stored result is reported as damage, not as bad input") {
    auto diary = Diary::in_memory();
    diary.db().exec("INSERT INTO questionnaire (instrument, at, zone, day, answers, score) VALUES "
                    "('gad7', '2026-11-21T09:00:00Z', 'Etc/UTC', '2026-11-21', '1,1,1,1,1,1,1', 40)");
    CHECK_THROWS_AS((void)questionnaire_results(diary), RuntimeError);
    diary.db().exec("UPDATE questionnaire SET score = 7, answers = '1,1'");
    CHECK_THROWS_AS((void)questionnaire_results(diary), RuntimeError);
}

TEST_CASE("the questionnaire table refuses unknown instruments") {
    auto diary = Diary::in_memory();
    CHECK_THROWS_AS(diary.db().exec("INSERT INTO questionnaire (instrument, at, zone, day, answers, score) VALUES "
                                    "('bdi', '2026-11-21T09:00:00Z', 'Etc/UTC', '2026-11-21', '1', 1)"),
                    SQLite::Exception);
}

}  // namespace painlog::test_migration_v3
