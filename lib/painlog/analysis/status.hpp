// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the diary stands today: for `painlog status` and `painlog remind`.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/entry.hpp"
#include "painlog/analysis/care.hpp"
#include "painlog/model/event.hpp"
#include "painlog/model/medicine.hpp"
#include "painlog/model/pathway.hpp"
#include "painlog/model/questionnaire.hpp"
#include "painlog/util/text.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

// A PHQ-9 the depression pathway asks for today: on days 5-9 ("about day
// 7"), 12-16 ("about day 14") or 26-31 ("about day 28") after the last
// infusion, while none has been answered in those days yet. The points
// where response is judged (painlog-response(1)); painlog's own schedule.
struct Phq9Due {
    std::string point;  // "about day 7", "about day 14", "about day 28"
    int days_after = 0;
    std::int64_t infusion_id = 0;
};
// `results` are the PHQ-9s after the infusion's instant (any order).
[[nodiscard]] std::optional<Phq9Due> phq9_due(const Event& infusion, Day today,
                                              const std::vector<QuestionnaireResult>& results);

struct Status {
    Day today;
    int entries_today = 0;
    int streak_days = 0;                    // current_logging_streak (store/day_index.hpp)
    std::optional<Entry> last_entry;        // the latest by time
    std::optional<Event> last_infusion;     // the latest infusion given (at or before now, not marked not given)
    std::optional<Event> next_appointment;  // the earliest appointment after now, not cancelled
    PathwayChoice pathway;
    std::optional<Phq9Due> phq9_due;        // only on the depression pathways
    std::optional<QuestionnaireResult> last_phq9;
    std::vector<Dose> doses_today;          // in time order
    std::optional<Event> next_infusion;     // the first infusion still planned
    std::optional<bool> next_check_complete;  // none: no check answered yet
    std::vector<CareNotice> care;           // the pathway's notices now (care.hpp)

    [[nodiscard]] bool today_logged() const { return entries_today > 0; }
    // Whole diary days from the event's or entry's day to today.
    [[nodiscard]] std::optional<int> days_since_last_entry() const;
    [[nodiscard]] std::optional<int> days_since_infusion() const;
    [[nodiscard]] std::optional<int> days_until_appointment() const;
    [[nodiscard]] std::optional<int> days_until_infusion() const;
};

// Labelled lines: today, streak, last entry, today's doses (when any), last
// infusion, next infusion (when booked), next appointment, on the
// depression pathways the PHQ-9, then the pathway's notices.
[[nodiscard]] std::string status_text(const Status& status, const TimeContext& time, Color color);
// {"today","today_logged","entries_today","streak_days","last_entry",
//  "days_since_last_entry","last_infusion","days_since_infusion",
//  "next_appointment","days_until_appointment","pathway":{"pathway",
//  "inferred","reason"},"phq9_due":{"point","days_after","infusion_id"}|null,
//  "last_phq9":{"id","day","score","band"}|null,"doses_today":[…],
//  "next_infusion","days_until_infusion","next_check_complete",
//  "care":[{"kind","line","details"}]}; entries,
// events and doses as in `list`/`event list`/`med list --format json`;
// absent values are null.
[[nodiscard]] nlohmann::ordered_json status_json(const Status& status);

// The reminder `painlog remind` prints when today has no entry yet: one line.
[[nodiscard]] std::string reminder_text(Day today, int streak_days);
// The line it prints when a PHQ-9 is due.
[[nodiscard]] std::string phq9_reminder_text(const Phq9Due& due);

}  // namespace painlog
