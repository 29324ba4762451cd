// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Streaks: runs of consecutive diary days with at least one entry. Pure
// functions over a sorted list of logged days, so status, remind and summary
// agree on the numbers.

#include <span>
#include <vector>

#include "painlog/time/time.hpp"

namespace painlog {

// The current streak: the number of consecutive logged days ending today
// when today is logged, or ending yesterday when today is not logged yet
// (the day is not over, so an unlogged today does not break the streak; it
// only adds to it once logged). 0 when neither today nor yesterday is logged.
// `logged_days` must be sorted ascending; duplicates and days after `today`
// are ignored.
[[nodiscard]] int current_streak(std::span<const Day> logged_days, Day today);

// The longest run of consecutive logged days anywhere in `logged_days`
// (sorted ascending, duplicates ignored); 0 when empty.
[[nodiscard]] int longest_streak(std::span<const Day> logged_days);

}  // namespace painlog
