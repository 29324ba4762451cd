// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads answered by the entry table's day index (entry_by_day, which
// carries the ratings) and by logged_run, without building entries.

#include <vector>

#include "painlog/model/daily.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

class Diary;

// The same as daily_values(diary.entries({from, to})), read from the day
// index: a ten-year diary takes a few milliseconds.
[[nodiscard]] std::vector<DailyValues> read_daily_values(Diary& diary, Day from, Day to);

// The current streak (see analysis/streak.hpp), from the diary's runs of
// logged days: one lookup, however long the streak.
[[nodiscard]] int current_logging_streak(Diary& diary, Day today);

// The number of entries on one diary day.
[[nodiscard]] int entries_on(Diary& diary, Day day);

}  // namespace painlog
