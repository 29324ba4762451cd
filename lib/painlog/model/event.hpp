// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Events: infusions, appointments, medication changes and anything else the
// patient wants to date. They anchor before/after analysis (response.hpp).
// Stored in the diary's `event` table by store/event_store.hpp.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/time/time.hpp"

namespace painlog {

enum class EventKind { infusion, appointment, medication_change, other };
inline constexpr std::array all_event_kinds{EventKind::infusion, EventKind::appointment,
                                            EventKind::medication_change, EventKind::other};

[[nodiscard]] std::string_view name_of(EventKind kind);  // infusion, appointment, medication-change, other
[[nodiscard]] std::optional<EventKind> event_kind_named(std::string_view name);
// Throws InputError "KIND foo: expected one of infusion, appointment, medication-change, other".
[[nodiscard]] EventKind parse_event_kind(std::string_view text, std::string_view option);

// Why a booked infusion (or appointment) did not happen.
enum class NotGiven { postponed, cancelled };
[[nodiscard]] std::string_view name_of(NotGiven reason);  // postponed, cancelled
// Throws InputError "--not-given x: expected postponed or cancelled".
[[nodiscard]] NotGiven parse_not_given(std::string_view text, std::string_view option);

struct Event {
    std::int64_t id = 0;  // 0 until stored
    EventKind kind = EventKind::other;
    std::string label;    // free text, one line, may be empty ("ketamine 0.5 mg/kg", "nerve block")
    Instant at;
    std::string zone;     // IANA name the event was recorded in
    Day day;              // diary day of `at`
    std::string note;
    std::optional<NotGiven> not_given;  // set by the patient; none: given once its time has passed
    friend bool operator==(const Event&, const Event&) = default;
};

// Where a booked event stands at `now`: planned until its time, then
// given (happened) unless marked as not given.
enum class EventState { planned, given, not_given };
[[nodiscard]] EventState state_of(const Event& event, Instant now);
[[nodiscard]] std::string_view name_of(EventState state);  // planned, given, not given

// The infusions that were given by `now`, in the order of `events`: the
// only ones that anchor a response, a report or a trend mark.
[[nodiscard]] std::vector<Event> given_infusions(const std::vector<Event>& events, Instant now);
// The first infusion still planned after `now` (events in time order).
[[nodiscard]] std::optional<Event> next_planned(const std::vector<Event>& events, EventKind kind, Instant now);

// Trims and rejects control characters and labels over 100 bytes.
[[nodiscard]] std::string validate_event_label(std::string_view text, std::string_view option);
// Only appointments and infusions may be booked ahead; otherwise throws
// InputError "<what>: 2026-12-01 12:00 is in the future and only
// appointments and infusions may be booked ahead; …", `what` naming the
// user's value (e.g. "--at 2026-12-01"). An event marked as not given
// keeps its time.
void check_event_time(const Event& event, const TimeContext& ctx, std::string_view what);

// {"id","kind","label","time","zone","day","note","not_given"}; time is
// local ISO 8601 with offset in the event's zone, as for entries;
// not_given null, "postponed" or "cancelled".
[[nodiscard]] nlohmann::ordered_json event_json(const Event& event);

}  // namespace painlog
