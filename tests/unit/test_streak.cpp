// SPDX-License-Identifier: GPL-3.0-or-later
// Streak arithmetic, checked against runs counted by hand on a calendar.
#include <doctest/doctest.h>

#include <vector>

#include "painlog/analysis/streak.hpp"

namespace painlog::test_streak {
using date::days;

namespace {

Day d(int y, unsigned m, unsigned dd) { return date::year{y} / m / dd; }

}  // namespace

TEST_CASE("current_streak: an empty diary has no streak") {
    std::vector<Day> none;
    CHECK(current_streak(none, d(2026, 11, 22)) == 0);
    CHECK(longest_streak(none) == 0);
}

TEST_CASE("current_streak counts back from today when today is logged") {
    // 19, 20, 21, 22 logged; 17 logged before a gap on 18.
    std::vector<Day> logged{d(2026, 11, 17), d(2026, 11, 19), d(2026, 11, 20), d(2026, 11, 21), d(2026, 11, 22)};
    CHECK(current_streak(logged, d(2026, 11, 22)) == 4);
    CHECK(longest_streak(logged) == 4);
}

TEST_CASE("current_streak counts back from yesterday while today is not logged yet") {
    std::vector<Day> logged{d(2026, 11, 19), d(2026, 11, 20), d(2026, 11, 21)};
    CHECK(current_streak(logged, d(2026, 11, 22)) == 3);
    // Two days later, yesterday (23rd) is missing too: the streak is over.
    CHECK(current_streak(logged, d(2026, 11, 24)) == 0);
}

TEST_CASE("current_streak: only today logged is a streak of 1, only the day before yesterday is 0") {
    std::vector<Day> today_only{d(2026, 11, 22)};
    CHECK(current_streak(today_only, d(2026, 11, 22)) == 1);
    std::vector<Day> old{d(2026, 11, 20)};
    CHECK(current_streak(old, d(2026, 11, 22)) == 0);
}

TEST_CASE("current_streak ignores duplicates and days after today") {
    std::vector<Day> logged{d(2026, 11, 21), d(2026, 11, 21), d(2026, 11, 22), d(2026, 11, 22), d(2026, 11, 25)};
    CHECK(current_streak(logged, d(2026, 11, 22)) == 2);
    CHECK(longest_streak(logged) == 2);
}

TEST_CASE("current_streak crosses month and year ends") {
    std::vector<Day> logged{d(2025, 12, 30), d(2025, 12, 31), d(2026, 1, 1), d(2026, 2, 28), d(2026, 3, 1)};
    CHECK(current_streak(logged, d(2026, 1, 1)) == 3);
    CHECK(current_streak(logged, d(2026, 3, 2)) == 2);  // 28 Feb 2026 then 1 Mar: 2026 is not a leap year
    CHECK(longest_streak(logged) == 3);
}

TEST_CASE("longest_streak finds the longest of several runs") {
    // Runs: 1-3 Nov (3), 5 Nov (1), 7-11 Nov (5), 20 Nov (1).
    std::vector<Day> logged;
    for (unsigned i : {1U, 2U, 3U, 5U, 7U, 8U, 9U, 10U, 11U, 20U}) logged.push_back(d(2026, 11, i));
    CHECK(longest_streak(logged) == 5);
    CHECK(current_streak(logged, d(2026, 11, 20)) == 1);
    CHECK(current_streak(logged, d(2026, 11, 11)) == 5);
    CHECK(current_streak(logged, d(2026, 11, 12)) == 5);
}

}  // namespace painlog::test_streak
