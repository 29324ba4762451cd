// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What `status` and `remind` say about the treatment pathway at a moment
// (issue 18): before a booked infusion (from the evening before: the
// fasting times under sedation and the journey home), in the after-care
// period (the precautions and the diary), and before a booked follow-up
// (make the report). Pure: the caller reads the diary and passes the time.
// The wording repeats the clinic's instructions (infusion_check.hpp).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/event.hpp"
#include "painlog/model/infusion_check.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

// The reminders before an infusion start at this local hour on the
// calendar day before it (the day-start hour does not move them).
inline constexpr int evening_before_hour = 18;
// The check-in asks about side effects first for this long after an infusion.
inline constexpr std::chrono::hours side_effects_first_for{48};

struct CareInputs {
    TimeContext time;
    std::optional<Event> next_infusion;  // the first planned one
    std::optional<InfusionCheck> next_check;
    std::optional<Event> last_infusion;  // the last given one
    std::optional<Event> next_appointment;
    CareRules rules;
};

enum class CareNoticeKind { before_infusion, aftercare, followup };
[[nodiscard]] std::string_view name_of(CareNoticeKind kind);  // before_infusion, aftercare, followup

struct CareNotice {
    CareNoticeKind kind = CareNoticeKind::before_infusion;
    std::string line;                  // one line, for remind and cron
    std::vector<std::string> details;  // what status shows under it
};

// The notices that apply at time.now, in the order above.
[[nodiscard]] std::vector<CareNotice> care_notices(const CareInputs& inputs);
// From when the reminders before an infusion start.
[[nodiscard]] Instant reminders_from(const Event& infusion, const TimeContext& time);
// Whether the check-in should ask about side effects first.
[[nodiscard]] bool side_effects_first(const std::optional<Event>& last_infusion, Instant now);

// "no food after 04:00; clear fluids only until 08:00", the times local to
// `zone` (with the date when it is not the infusion's).
[[nodiscard]] std::string fasting_text(const FastingTimes& fasting, const Event& infusion, const Zone* zone);

// [{"kind","line","details":[…]}]
[[nodiscard]] nlohmann::ordered_json care_notices_json(const std::vector<CareNotice>& notices);

}  // namespace painlog
