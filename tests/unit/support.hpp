// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fixtures that several unit-test files share.

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "painlog/model/daily.hpp"
#include "painlog/model/entry.hpp"
#include "painlog/model/event.hpp"
#include "painlog/time/time.hpp"

namespace painlog::test {

// A scratch directory, removed with everything in it at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "painlog-unit.XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// An entry on `day` at `hour`:00 UTC, recorded in `zone`, with one pain rating.
inline Entry entry_on(Day day, int pain, int hour = 12, std::string zone = "UTC") {
    Entry e;
    e.day = day;
    e.at = std::chrono::time_point_cast<std::chrono::seconds>(day + std::chrono::hours{hour});
    e.zone = std::move(zone);
    e.rating(Rating::pain) = pain;
    return e;
}

// An infusion on `day` at 10:00 UTC, recorded in London.
inline Event infusion_event(Day day, std::int64_t id) {
    Event e;
    e.id = id;
    e.kind = EventKind::infusion;
    e.at = Instant{day.time_since_epoch()} + std::chrono::hours{10};
    e.zone = "Europe/London";
    e.day = day;
    return e;
}

// A diary day with one entry and this pain.
inline DailyValues pain_day(Day day, double pain) {
    DailyValues v;
    v.day = day;
    v.entries = 1;
    v.values[static_cast<std::size_t>(Metric::pain)] = pain;
    return v;
}

}  // namespace painlog::test
