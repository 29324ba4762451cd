// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/streak.hpp"

#include <algorithm>

namespace painlog {

int current_streak(std::span<const Day> logged_days, Day today) {
    // The last logged day that is not after today.
    auto end = std::upper_bound(logged_days.begin(), logged_days.end(), today);
    if (end == logged_days.begin()) return 0;
    auto it = end - 1;
    Day expected = *it;
    if (expected != today && expected != today - date::days{1}) return 0;
    int streak = 0;
    for (;; --it) {
        if (*it == expected) {
            ++streak;
            expected -= date::days{1};
        } else if (*it < expected) {
            break;  // a gap
        }           // else a duplicate of a day already counted
        if (it == logged_days.begin()) break;
    }
    return streak;
}

int longest_streak(std::span<const Day> logged_days) {
    int longest = 0;
    int run = 0;
    for (std::size_t i = 0; i < logged_days.size(); ++i) {
        if (i > 0 && logged_days[i] == logged_days[i - 1]) continue;
        run = (i > 0 && logged_days[i] == logged_days[i - 1] + date::days{1}) ? run + 1 : 1;
        longest = std::max(longest, run);
    }
    return longest;
}

}  // namespace painlog
