// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the date and span parsers behind --at, --since, --until and
// the stored ISO forms. Bad text must be an InputError (exit 2 with a
// message), never a crash, a different exception or a wrong result.
//
// Invariants: a parsed --at is never after now unless the future is
// allowed; the ISO forms round-trip through format_utc and format_day.

#include <cstdint>

#include "fuzz_support.hpp"
#include "painlog/util/error.hpp"

using namespace painlog;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The first byte picks the day-start hour, so that code path is fuzzed too.
    int day_start = size > 0 ? data[0] % (max_day_start_hour + 1) : 0;
    auto text = fuzz::as_text(data, size);
    if (size > 0) text.remove_prefix(1);
    auto ctx = fuzz::fixed_time(day_start);

    try {
        auto at = parse_when(text, ctx, "--at");
        fuzz::require(at <= ctx.now, "parse_when refused the future but returned a later instant");
    } catch (const InputError&) {
    }
    try {
        (void)parse_when(text, ctx, "--at", Future::allow);
    } catch (const InputError&) {
    }
    try {
        auto day = parse_day(text, ctx, "--until");
        (void)format_day(day);
    } catch (const InputError&) {
    }
    try {
        // A future first day is allowed (it selects nothing), like --until.
        (void)format_day(parse_since(text, ctx, "--since"));
    } catch (const InputError&) {
    }
    if (auto at = parse_iso_instant(text)) {
        auto again = parse_iso_instant(format_utc(*at));
        fuzz::require(again && *again == *at, "parse_iso_instant does not round-trip through format_utc");
        (void)format_local(*at, ctx.zone);
        (void)diary_day(*at, ctx.zone, day_start);
    }
    if (auto day = parse_iso_day(text)) {
        auto again = parse_iso_day(format_day(*day));
        fuzz::require(again && *again == *day, "parse_iso_day does not round-trip through format_day");
    }
    return 0;
}
