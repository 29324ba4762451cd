// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Instants, diary days and the date syntax painlog accepts.
//
// An entry describes an instant (UTC, whole seconds) recorded in an IANA
// zone. The diary day it belongs to is the local calendar date, shifted by
// the day-start hour so that a 01:30 entry can count for the previous day.
// Nothing here reads the wall clock: callers pass a TimeContext captured
// once when the command starts.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>

#include "painlog/time/zone.hpp"

namespace painlog {

using Instant = std::chrono::sys_seconds;
using Day = date::sys_days;

// Day-start hours above 11 would put a date-only entry (stored at local noon)
// on the wrong day, and nobody's day starts in the afternoon.
inline constexpr int max_day_start_hour = 11;

// The dates painlog accepts. Instants keep a day's margin inside the years so
// that any instant's diary day (whatever the zone and day-start hour) and its
// UTC form are still four-digit years that parse back.
inline constexpr Day first_supported_day = date::year{1900} / 1 / 1;
inline constexpr Day last_supported_day = date::year{9999} / 12 / 31;
[[nodiscard]] bool is_supported(Instant at);

struct TimeContext {
    Instant now;
    const Zone* zone = nullptr;
    int day_start_hour = 0;
};

// Whole days from `from` to `to`: negative when `to` is earlier.
[[nodiscard]] constexpr int days_between(Day from, Day to) { return static_cast<int>((to - from).count()); }

[[nodiscard]] Day diary_day(Instant at, const Zone* zone, int day_start_hour);
[[nodiscard]] Day today(const TimeContext& ctx);

// Throws InputError naming `name` when there is no such IANA zone.
[[nodiscard]] const Zone* locate_zone(std::string_view name);
// The zone that $TZ's value names: an IANA name, or the path of one of the
// zone directory's files, each with or without POSIX's leading ':'. nullptr
// for an empty value (the system's zone applies); InputError for anything
// else, and for a zone whose file is missing or damaged.
[[nodiscard]] const Zone* zone_from_tz(std::string_view tz);
// This machine's zone (/etc/localtime or /etc/timezone), else UTC.
[[nodiscard]] const Zone* system_zone();
// The zone an entry or event was stored with, or `fallback` when this
// machine's tz database lacks it (a diary copied from a newer system), so
// that it is still shown rather than refused.
[[nodiscard]] const Zone* stored_zone(std::string_view name, const Zone* fallback = nullptr);

// `--at`: now, today, yesterday, 2026-11-22, 2026-11-22T08:30[:00], optionally
// with Z or an offset. A bare date means local noon (today: now). A local time
// that the clocks skip is an error; one they repeat means its first occurrence.
// Times after ctx.now are errors unless `future` is allow (then a future
// bare date means its local noon). `option` names the flag in error messages.
enum class Future { refuse, allow };
[[nodiscard]] Instant parse_when(std::string_view text, const TimeContext& ctx, std::string_view option,
                                 Future future = Future::refuse);

// A day: today, yesterday or 2026-11-22.
[[nodiscard]] Day parse_day(std::string_view text, const TimeContext& ctx, std::string_view option);

// A first day: like parse_day, or a span ending today: 14d, 3w, 6m, 1y mean
// the last 14 days, 3 weeks, 6 months or 1 year including today.
[[nodiscard]] Day parse_since(std::string_view text, const TimeContext& ctx, std::string_view option);

// The check every command with --since and --until makes, with one message:
// throws InputError unless `from` is on or before `to`.
void require_forward_period(Day from, Day to);

// Exact forms used in storage and machine formats; nullopt outside the
// supported range.
[[nodiscard]] std::optional<Day> parse_iso_day(std::string_view text);
[[nodiscard]] std::optional<Instant> parse_iso_instant(std::string_view text);  // with Z or ±HH:MM
[[nodiscard]] std::string format_day(Day day);                                   // 2026-11-22
[[nodiscard]] std::string format_utc(Instant at);                                // 2026-11-22T08:30:00Z
[[nodiscard]] std::string format_local(Instant at, const Zone* zone); // 2026-11-22T08:30:00+01:00
[[nodiscard]] std::string format_local_minutes(Instant at, const Zone* zone);  // 2026-11-22 08:30

}  // namespace painlog
