// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"
#include "painlog/store/schema.hpp"
#include "painlog/model/settings.hpp"

#include "support.hpp"

namespace painlog::test_diary {
namespace fs = std::filesystem;

namespace {

Entry make_entry(std::string_view at, int pain) {
    Entry e;
    e.at = *parse_iso_instant(at);
    e.zone = "Europe/London";
    e.day = diary_day(e.at, locate_zone(e.zone), 0);
    e.rating(Rating::pain) = pain;
    return e;
}

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("entries round-trip through storage with every field") {
    auto diary = Diary::in_memory();
    auto e = make_entry("2026-11-22T08:30:00Z", 6);
    e.rating(Rating::mood) = 4;
    e.rating(Rating::energy) = 0;
    e.rating(Rating::sleep_quality) = 10;
    e.rating(Rating::activity) = 3;
    e.sleep_hours = 7.5;
    e.note = "quotes \" commas , newline\n emoji 😀 '); DROP TABLE entry; --";
    add_tag(e.tags, TagKind::activity, "walk");
    add_tag(e.tags, TagKind::better, "heat");
    add_tag(e.tags, TagKind::worse, "cold");
    add_tag(e.tags, TagKind::side_effect, "nausea");
    diary.add(e);
    CHECK(e.id == 1);
    CHECK(diary.get(1) == e);
    auto all = diary.entries();
    REQUIRE(all.size() == 1);
    CHECK(all[0] == e);
}

TEST_CASE("queries select diary days, in time order, and the last N") {
    auto diary = Diary::in_memory();
    for (auto [at, pain] : {std::pair{"2026-11-20T09:00:00Z", 1}, {"2026-11-22T09:00:00Z", 3},
                            {"2026-11-21T09:00:00Z", 2}, {"2026-11-22T07:00:00Z", 4}}) {
        auto e = make_entry(at, pain);
        add_tag(e.tags, TagKind::activity, "t" + std::to_string(pain));
        diary.add(e);
    }
    auto pains = [](const std::vector<Entry>& es) {
        std::vector<int> out;
        for (const auto& e : es) out.push_back(*e.rating(Rating::pain));
        return out;
    };
    CHECK(pains(diary.entries()) == std::vector{1, 2, 4, 3});
    CHECK(pains(diary.entries({.from = *parse_iso_day("2026-11-21"), .to = std::nullopt, .last = std::nullopt})) ==
          std::vector{2, 4, 3});
    CHECK(pains(diary.entries({.from = std::nullopt, .to = *parse_iso_day("2026-11-21"), .last = std::nullopt})) ==
          std::vector{1, 2});
    CHECK(pains(diary.entries({.from = std::nullopt, .to = std::nullopt, .last = 2})) == std::vector{4, 3});
    // Tags follow their entries through a filtered query.
    auto last = diary.entries({.from = std::nullopt, .to = std::nullopt, .last = 1});
    REQUIRE(last.size() == 1);
    CHECK(last[0].tags == std::vector<Tag>{{TagKind::activity, "t3"}});
}

TEST_CASE("update replaces values and tags; remove deletes the tags too") {
    auto diary = Diary::in_memory();
    auto e = make_entry("2026-11-22T08:30:00Z", 6);
    add_tag(e.tags, TagKind::worse, "cold");
    diary.add(e);
    e.rating(Rating::pain).reset();
    e.tags = {{TagKind::better, "heat"}};
    diary.update(e);
    CHECK(diary.get(e.id) == e);
    diary.remove(e.id);
    CHECK_FALSE(diary.find(e.id));
    CHECK(diary.db().execAndGet("SELECT count(*) FROM entry_tag").getInt() == 0);
    CHECK_THROWS_WITH_AS(diary.remove(e.id), "entry 1: no such entry; see painlog list", InputError);
    CHECK_THROWS_AS(diary.update(e), InputError);
}

TEST_CASE("a failed write leaves nothing behind") {
    auto diary = Diary::in_memory();
    auto e = make_entry("2026-11-22T08:30:00Z", 6);
    diary.add(e);
    CHECK_THROWS_AS(diary.write([&] {
        diary.db().exec("INSERT INTO entry (at, zone, day, pain) VALUES "
                        "('2026-11-22T09:30:00Z', 'UTC', '2026-11-22', 5)");
        throw RuntimeError("the disk is full");
    }),
                    RuntimeError);
    CHECK(diary.entries().size() == 1);
    // The schema's CHECKs are the last line of defence against out-of-range values.
    CHECK_THROWS(diary.db().exec("INSERT INTO entry (at, zone, day, pain) VALUES ('x', 'UTC', 'x', 11)"));
}

TEST_CASE("settings fall back to their defaults") {
    auto diary = Diary::in_memory();
    CHECK(diary.setting_or_default(setting_key::day_start_hour) == "0");
    diary.set_setting(setting_key::day_start_hour, "4");
    CHECK(diary.setting_or_default(setting_key::day_start_hour) == "4");
    diary.unset_setting(setting_key::day_start_hour);
    CHECK_FALSE(diary.setting(setting_key::day_start_hour));
    CHECK(validate_setting(setting_spec("day-start-hour"), "11") == "11");
    CHECK_THROWS_WITH_AS((void)validate_setting(setting_spec("day-start-hour"), "12"),
                         "setting day-start-hour 12: expected a whole number from 0 to 11", InputError);
    CHECK_THROWS_WITH_AS((void)setting_spec("colour"), doctest::Contains("expected one of day-start-hour"), InputError);
}

TEST_CASE("a new diary file is private and at the latest schema") {
    test::TempDir tmp;
    auto path = tmp.path / "a" / "b" / "diary.db";
    {
        auto diary = Diary::open(path, Access::write);
        CHECK(diary.db().execAndGet("PRAGMA user_version").getInt() == latest_schema_version());
        CHECK_FALSE(diary.has_file());
        CHECK_FALSE(fs::exists(path.parent_path()));
        diary.set_setting(setting_key::name, "Alex");
        CHECK(diary.has_file());
    }
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat(path.parent_path().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(::stat((tmp.path / "a").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("files that are not painlog diaries are refused untouched") {
    test::TempDir tmp;
    auto text = tmp.path / "notes.txt";
    std::ofstream(text) << "this is not a database, just some text that is long enough to look like a header\n";
    auto before = bytes_of(text);
    CHECK_THROWS_WITH_AS(Diary::open(text, Access::write), doctest::Contains("not a SQLite database"), InputError);
    CHECK(bytes_of(text) == before);

    auto other = tmp.path / "other.db";
    {
        SQLite::Database db(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE t (x)");
    }
    before = bytes_of(other);
    CHECK_THROWS_WITH_AS(Diary::open(other, Access::read), doctest::Contains("did not create"), InputError);
    CHECK(bytes_of(other) == before);
}

TEST_CASE("a diary from a newer painlog is refused untouched") {
    test::TempDir tmp;
    auto path = tmp.path / "diary.db";
    Diary::open(path, Access::write).set_setting(setting_key::name, "Alex");
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1));
    }
    auto before = bytes_of(path);
    CHECK_THROWS_WITH_AS(Diary::open(path, Access::write), doctest::Contains("is newer than this painlog"),
                         InputError);
    CHECK(bytes_of(path) == before);
}

TEST_CASE("an older diary is migrated forward without loss") {
    test::TempDir tmp;
    auto path = tmp.path / "diary.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(std::string(migrations()[0].sql));
        db.exec("PRAGMA user_version = 1");
        db.exec("INSERT INTO entry (at, zone, day, pain, note) VALUES "
                "('2026-11-22T08:30:00Z', 'Europe/London', '2026-11-22', 6, 'kept')");
    }
    auto diary = Diary::open(path, Access::read);
    CHECK(diary.db().execAndGet("PRAGMA user_version").getInt() == latest_schema_version());
    auto all = diary.entries();
    REQUIRE(all.size() == 1);
    CHECK(all[0].note == "kept");
    CHECK(*all[0].rating(Rating::pain) == 6);
}

TEST_CASE("ids must be positive whole numbers") {
    CHECK(parse_id("42", "entry") == 42);
    for (auto bad : {"0", "-1", "x", "", "4.2", "99999999999999999999"})
        CHECK_THROWS_WITH_AS((void)parse_id(bad, "entry"), doctest::Contains("expected a positive whole number"),
                             InputError);
}

}  // namespace painlog::test_diary
