// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the fuzz targets: a fixed clock and zone (nothing depends on the
// machine), and a way to fail loudly that libFuzzer and the corpus replay
// driver both report with the input that caused it.

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "painlog/time/time.hpp"

namespace painlog::fuzz {

// 2026-11-22T20:00:00Z in Europe/London, as the end-to-end tests use.
inline TimeContext fixed_time(int day_start_hour = 0) {
    static const Zone* london = locate_zone("Europe/London");
    return TimeContext{*parse_iso_instant("2026-11-22T20:00:00Z"), london, day_start_hour};
}

// An invariant that must hold whatever the input: abort, so the fuzzer (or
// the replay test) reports the input.
inline void require(bool condition, const char* what) {
    if (condition) return;
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
}

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace painlog::fuzz
