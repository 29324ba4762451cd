// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/event.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "painlog/model/entry.hpp"
#include "painlog/util/error.hpp"

namespace painlog {
namespace {

constexpr std::array event_kind_names{"infusion", "appointment", "medication-change", "other"};
constexpr std::size_t max_label_bytes = 100;
}  // namespace

std::string_view name_of(EventKind kind) { return event_kind_names[static_cast<std::size_t>(kind)]; }

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
    if (event.kind == EventKind::appointment || event.at <= ctx.now) return;
    throw InputError(fmt::format("{}: {} is in the future and only appointments may be recorded ahead; expected "
                                 "a time no later than now ({})",
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
    return j;
}

}  // namespace painlog
