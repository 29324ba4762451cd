// SPDX-License-Identifier: GPL-3.0-or-later
// The migration that adds body regions and pain qualities (issue 17): a
// diary of the schema before it opens without loss, gains the two tables
// and their indexes, passes db check, and takes names that go with their
// entries. The migration is found by what it creates, not by its number,
// which may change when branches are merged.

#include <doctest/doctest.h>

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/store/maintenance.hpp"
#include "painlog/store/schema.hpp"

#include "support.hpp"

namespace painlog::test_migration_body {

namespace {

int body_migration_version() {
    auto all = migrations();
    auto it = std::ranges::find_if(all, [](const Migration& m) {
        return m.sql.find("CREATE TABLE entry_region") != std::string_view::npos;
    });
    REQUIRE(it != all.end());
    return it->version;
}

// A diary as the build before the migration left it, with entries and tags.
void write_diary_before(const std::filesystem::path& path, int version) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const auto& m : migrations())
        if (m.version <= version) db.exec(std::string(m.sql));
    db.exec("PRAGMA user_version = " + std::to_string(version));
    db.exec("INSERT INTO entry (id, at, zone, day, pain, note) VALUES "
            "(1, '2026-11-01T08:00:00Z', 'Europe/London', '2026-11-01', 6, 'burning feet'), "
            "(2, '2026-11-02T09:00:00Z', 'Europe/London', '2026-11-02', 4, '')");
    db.exec("INSERT INTO entry_tag (entry_id, kind, name) VALUES (1, 'worse', 'cold')");
}

}  // namespace

TEST_CASE("the diary before regions and qualities is migrated without loss and takes them") {
    auto version = body_migration_version();
    test::TempDir dir;
    auto path = dir.path / "before.db";
    write_diary_before(path, version - 1);

    auto diary = Diary::open(path, Access::write);
    CHECK(diary.db().execAndGet("PRAGMA user_version").getInt() == latest_schema_version());
    auto entries = diary.entries();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].note == "burning feet");
    CHECK(entries[0].tags.size() == 1);
    CHECK(entries[0].regions.empty());
    CHECK(entries[0].qualities.empty());
    for (auto name : {"entry_region", "entry_quality", "entry_region_by_region", "entry_quality_by_quality"})
        CHECK(diary.db().execAndGet(fmt::format("SELECT count(*) FROM sqlite_schema WHERE name = '{}'", name)).getInt() ==
              1);
    auto report = check_diary(diary.db(), path.string());
    for (const auto& check : report.checks) {
        CAPTURE(check.name);
        CHECK(check.problems.empty());
    }

    auto e = diary.get(1);
    e.regions = {"left-foot", "right-foot"};
    e.qualities = {"burning"};
    diary.update(e);
    CHECK(diary.get(1).regions == e.regions);
    // A name belongs to its entry: no duplicate, no orphan, gone with it.
    CHECK_THROWS(diary.db().exec("INSERT INTO entry_region (entry_id, region) VALUES (1, 'left-foot')"));
    CHECK_THROWS(diary.db().exec("INSERT INTO entry_quality (entry_id, quality) VALUES (99, 'burning')"));
    diary.remove(1);
    CHECK(diary.db().execAndGet("SELECT count(*) FROM entry_region").getInt() == 0);
    CHECK(diary.db().execAndGet("SELECT count(*) FROM entry_quality").getInt() == 0);
}

TEST_CASE("the names are read by their keys and indexes, without a scan of the tables") {
    auto diary = Diary::in_memory();
    auto plan = [&](const std::string& sql) {
        std::string out;
        SQLite::Statement explain(diary.db(), "EXPLAIN QUERY PLAN " + sql);
        while (explain.executeStep()) out += explain.getColumn(3).getString() + "\n";
        return out;
    };
    CHECK(plan("SELECT region FROM entry_region WHERE entry_id = 1").find("PRIMARY KEY") != std::string::npos);
    CHECK(plan("SELECT entry_id FROM entry_region WHERE region = 'left-foot'").find("entry_region_by_region") !=
          std::string::npos);
    CHECK(plan("SELECT entry_id FROM entry_quality WHERE quality = 'burning'").find("entry_quality_by_quality") !=
          std::string::npos);
}

}  // namespace painlog::test_migration_body
