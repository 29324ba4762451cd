// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/event.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "painlog/model/entry.hpp"
#include "painlog/util/error.hpp"

namespace painlog {
namespace {

constexpr std::array event_kind_names{"infusion", "appointment", "medication-change", "other"};
constexpr std::array not_given_names{"postponed", "cancelled"};
constexpr std::array event_state_names{"planned", "given", "not given"};
constexpr std::size_t max_label_bytes = 100;
}  // namespace

std::string_view name_of(EventKind kind) { return event_kind_names[static_cast<std::size_t>(kind)]; }

std::string_view name_of(NotGiven reason) { return not_given_names[static_cast<std::size_t>(reason)]; }
std::string_view name_of(EventState state) { return event_state_names[static_cast<std::size_t>(state)]; }

NotGiven parse_not_given(std::string_view text, std::string_view option) {
    if (text == "postponed") return NotGiven::postponed;
    if (text == "cancelled") return NotGiven::cancelled;
    throw InputError(fmt::format("{} {}: expected postponed or cancelled", option, text));
}

EventState state_of(const Event& event, Instant now) {
    if (event.not_given) return EventState::not_given;
    return event.at > now ? EventState::planned : EventState::given;
}

std::vector<Event> given_infusions(const std::vector<Event>& events, Instant now) {
    std::vector<Event> given;
    for (const auto& e : events)
        if (e.kind == EventKind::infusion && state_of(e, now) == EventState::given) given.push_back(e);
    return given;
}

std::optional<Event> next_planned(const std::vector<Event>& events, EventKind kind, Instant now) {
    for (const auto& e : events)
        if (e.kind == kind && state_of(e, now) == EventState::planned) return e;
    return std::nullopt;
}

std::optional<EventKind> event_kind_named(std::string_view name) {
    for (auto kind : all_event_kinds)
        if (name_of(kind) == name) return kind;
    return std::nullopt;
}

EventKind parse_event_kind(std::string_view text, std::string_view option) {
    if (auto kind = event_kind_named(text)) return *kind;
    throw InputError(fmt::format("{} {}: expected one of infusion, appointment, medication-change, other", option,
                                 text));
}

std::string validate_event_label(std::string_view text, std::string_view option) {
    auto first = text.find_first_not_of(" \t");
    auto last = text.find_last_not_of(" \t");
    std::string label = first == std::string_view::npos ? "" : std::string(text.substr(first, last - first + 1));
    return validate_text(label, option, max_label_bytes, TextLines::one);
}

void check_event_time(const Event& event, const TimeContext& ctx, std::string_view what) {
    if (event.kind == EventKind::appointment || event.kind == EventKind::infusion || event.at <= ctx.now) return;
    throw InputError(fmt::format("{}: {} is in the future and only appointments and infusions may be booked ahead; "
                                 "expected a time no later than now ({})",
                                 what, format_local_minutes(event.at, ctx.zone), format_local_minutes(ctx.now, ctx.zone)));
}

nlohmann::ordered_json event_json(const Event& event) {
    nlohmann::ordered_json j;
    j["id"] = event.id;
    j["kind"] = name_of(event.kind);
    j["label"] = event.label;
    j["time"] = format_local(event.at, stored_zone(event.zone));
    j["zone"] = event.zone;
    j["day"] = format_day(event.day);
    j["note"] = event.note;
    j["not_given"] = event.not_given ? nlohmann::ordered_json(name_of(*event.not_given)) : nlohmann::ordered_json();
    return j;
}

}  // namespace painlog
