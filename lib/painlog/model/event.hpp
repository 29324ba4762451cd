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

struct Event {
    std::int64_t id = 0;  // 0 until stored
    EventKind kind = EventKind::other;
    std::string label;    // free text, one line, may be empty ("ketamine 0.5 mg/kg", "nerve block")
    Instant at;
    std::string zone;     // IANA name the event was recorded in
    Day day;              // diary day of `at`
    std::string note;
    friend bool operator==(const Event&, const Event&) = default;
};

// Trims and rejects control characters and labels over 100 bytes.
[[nodiscard]] std::string validate_event_label(std::string_view text, std::string_view option);
// Only appointments may lie in the future; otherwise throws InputError
// "<what>: 2026-12-01 12:00 is in the future and only appointments may be
// recorded ahead; …", `what` naming the user's value (e.g. "--at 2026-12-01").
void check_event_time(const Event& event, const TimeContext& ctx, std::string_view what);

// {"id","kind","label","time","zone","day","note"}; time is local ISO 8601
// with offset in the event's zone, as for entries.
[[nodiscard]] nlohmann::ordered_json event_json(const Event& event);

}  // namespace painlog
