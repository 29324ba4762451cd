// SPDX-License-Identifier: GPL-3.0-or-later
// The runs of logged days (schema v4, kept by triggers) against the days
// themselves: after every add, edit and removal, the table holds exactly the
// runs of the distinct entry days, and current_logging_streak equals
// current_streak over those days (streak.hpp, checked by hand elsewhere).
#include <doctest/doctest.h>


#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/analysis/streak.hpp"
#include "painlog/analysis/summary.hpp"
#include "painlog/formats/import_plan.hpp"
#include "painlog/formats/painlog_csv.hpp"
#include "painlog/store/day_index.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/schema.hpp"

#include "support.hpp"

namespace painlog::test_logged_run {
namespace fs = std::filesystem;

namespace {

Day first_day = date::year{2026} / 1 / 1;

std::vector<Day> entry_days(Diary& diary) {
    std::vector<Day> days;
    SQLite::Statement st(diary.db(), "SELECT DISTINCT day FROM entry ORDER BY day");
    while (st.executeStep()) days.push_back(*parse_iso_day(st.getColumn(0).getString()));
    return days;
}

// Runs of consecutive days, computed here from the days.
std::vector<std::pair<std::string, std::string>> runs_of(const std::vector<Day>& days) {
    std::vector<std::pair<Day, Day>> runs;
    for (Day d : days) {
        if (!runs.empty() && d == runs.back().second + date::days{1}) runs.back().second = d;
        else runs.emplace_back(d, d);
    }
    std::vector<std::pair<std::string, std::string>> text;
    for (auto [from, to] : runs) text.emplace_back(format_day(from), format_day(to));
    return text;
}

std::vector<std::pair<std::string, std::string>> stored_runs(SQLite::Database& db) {
    std::vector<std::pair<std::string, std::string>> runs;
    SQLite::Statement st(db, "SELECT first_day, last_day FROM logged_run ORDER BY first_day");
    while (st.executeStep()) runs.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    return runs;
}

Entry entry_on(Day day) { return test::entry_on(day, 4); }

void check_runs_and_streaks(Diary& diary) {
    auto days = entry_days(diary);
    REQUIRE(stored_runs(diary.db()) == runs_of(days));
    for (int offset = -1; offset <= 42; ++offset) {
        Day today = first_day + date::days{offset};
        CAPTURE(format_day(today));
        CHECK(current_logging_streak(diary, today) == current_streak(days, today));
    }
}

}  // namespace

TEST_CASE("logged runs and the streak follow every add, edit and removal") {
    std::mt19937 random(3);
    std::uniform_int_distribution<int> day(0, 40), action(0, 9);
    auto diary = Diary::in_memory();
    std::vector<Entry> stored;
    for (int step = 0; step < 400; ++step) {
        int a = action(random);
        CAPTURE(step);
        if (a < 5 || stored.empty()) {
            auto e = entry_on(first_day + date::days{day(random)});
            diary.add(e);
            stored.push_back(e);
        } else {
            auto index = std::uniform_int_distribution<std::size_t>(0, stored.size() - 1)(random);
            if (a < 8) {
                diary.remove(stored[index].id);
                stored.erase(stored.begin() + static_cast<std::ptrdiff_t>(index));
            } else {
                stored[index].day = first_day + date::days{day(random)};
                diary.update(stored[index]);
            }
        }
        check_runs_and_streaks(diary);
    }
}

TEST_CASE("an import sets the triggers aside, rebuilds the runs once, and puts the triggers back") {
    auto diary = Diary::in_memory();
    auto on = entry_on(first_day + date::days{5});
    diary.add(on);
    auto trigger_sql = [&] {
        std::string sql;
        SQLite::Statement st(diary.db(), "SELECT sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name");
        while (st.executeStep()) sql += st.getColumn(0).getString() + "\n";
        return sql;
    };
    auto triggers_before = trigger_sql();
    REQUIRE(triggers_before.find("logged_run_after_insert") != std::string::npos);
    ImportRules rules{*parse_iso_instant("2026-12-01T00:00:00Z"), 0};
    auto import = [&](std::string csv) {
        std::istringstream in(csv);
        return import_records(diary, [&](ImportSink& sink) { return read_painlog_csv(in, rules, sink); }, DryRun::no,
                              EntryOrder::as_read);
    };
    std::string csv = "time,zone,pain\n";
    for (int d : {1, 2, 3, 7, 8, 20}) csv += fmt::format("2026-01-{:02}T12:00:00Z,UTC,3\n", d);
    REQUIRE(import(csv).problems.empty());
    check_runs_and_streaks(diary);
    CHECK(trigger_sql() == triggers_before);
    // A refused import rolls back the set-aside triggers with everything else.
    REQUIRE_FALSE(import("time,zone,pain\n2026-01-30T12:00:00Z,UTC,3\nbad,UTC,3\n").problems.empty());
    CHECK(trigger_sql() == triggers_before);
    check_runs_and_streaks(diary);
    // And the triggers work again afterwards.
    auto later = entry_on(first_day + date::days{4});
    diary.add(later);
    check_runs_and_streaks(diary);
}

TEST_CASE("a v3 diary gains the runs of its logged days when migrated") {
    test::TempDir dir;
    auto file = (dir.path / "diary.db").string();
    {
        SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const auto& migration : migrations())
            if (migration.version <= 3) db.exec(std::string(migration.sql));
        db.exec("PRAGMA user_version = 3");
        for (const char* day : {"2026-11-01", "2026-11-02", "2026-11-02", "2026-11-03", "2026-11-05", "2026-11-07",
                                "2026-11-08"})
            db.exec(std::string("INSERT INTO entry (at, zone, day) VALUES ('2026-11-01T12:00:00Z', 'UTC', '") + day +
                    "')");
    }
    {
        auto diary = Diary::open(file, Access::write);
        CHECK(stored_runs(diary.db()) == std::vector<std::pair<std::string, std::string>>{
                                             {"2026-11-01", "2026-11-03"}, {"2026-11-05", "2026-11-05"},
                                             {"2026-11-07", "2026-11-08"}});
        CHECK(current_logging_streak(diary, *parse_iso_day("2026-11-09")) == 2);
        CHECK(current_logging_streak(diary, *parse_iso_day("2026-11-05")) == 1);
        CHECK(current_logging_streak(diary, *parse_iso_day("2026-11-04")) == 3);
    }
}

}  // namespace painlog::test_logged_run
