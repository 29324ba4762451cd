#pragma once
// Where the diary stands today: for `painlog status` and `painlog remind`.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/entry.hpp"
#include "painlog/model/event.hpp"
#include "painlog/util/text.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

struct Status {
    Day today;
    int entries_today = 0;
    int streak_days = 0;                    // current_logging_streak (store/day_index.hpp)
    std::optional<Entry> last_entry;        // the latest by time
    std::optional<Event> last_infusion;     // the latest infusion at or before now
    std::optional<Event> next_appointment;  // the earliest appointment after now

    [[nodiscard]] bool today_logged() const { return entries_today > 0; }
    // Whole diary days from the event's or entry's day to today.
    [[nodiscard]] std::optional<int> days_since_last_entry() const;
    [[nodiscard]] std::optional<int> days_since_infusion() const;
    [[nodiscard]] std::optional<int> days_until_appointment() const;
};

// Five labelled lines: today, streak, last entry, last infusion, next appointment.
[[nodiscard]] std::string status_text(const Status& status, const TimeContext& time, Color color);
// {"today","today_logged","entries_today","streak_days","last_entry",
//  "days_since_last_entry","last_infusion","days_since_infusion",
//  "next_appointment","days_until_appointment"}; entries and events as in
// `list`/`event list --format json`; absent values are null.
[[nodiscard]] nlohmann::ordered_json status_json(const Status& status);

// The reminder `painlog remind` prints when today has no entry yet: one line.
[[nodiscard]] std::string reminder_text(Day today, int streak_days);

}  // namespace painlog
