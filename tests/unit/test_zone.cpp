// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <date/tz.h>
#include <fmt/format.h>

#include "painlog/time/time.hpp"
#include "painlog/time/zone.hpp"

// painlog::Zone reads zone files itself; date::time_zone, from date's own
// database of the same files, is the independent answer it must match.
namespace painlog::test_zone {
using namespace std::chrono_literals;
using namespace date::literals;

namespace {

bool same(const date::sys_info& a, const date::sys_info& b) {
    return a.begin == b.begin && a.end == b.end && a.offset == b.offset && a.save == b.save && a.abbrev == b.abbrev;
}

// date leaves `second` uninitialized for a unique local time.
bool same(const date::local_info& a, const date::local_info& b) {
    return a.result == b.result && same(a.first, b.first) &&
           (a.result == date::local_info::unique || same(a.second, b.second));
}

// Every period date gives for the zone from 1850 to 2040, and local times
// from two hours before each change of offset to two hours after it: the
// ones the clocks skip or repeat, and their neighbours.
std::vector<std::string> differences(const date::time_zone& theirs, const Zone& ours) {
    std::vector<std::string> found;
    const date::sys_seconds first = date::sys_days{1850_y / 1 / 1}, last = date::sys_days{2040_y / 1 / 1};
    for (date::sys_seconds at = first; at < last && found.size() < 5;) {
        auto info = theirs.get_info(at);
        if (!same(info, ours.get_info(at))) found.push_back(fmt::format("{} sys {}", theirs.name(), at.time_since_epoch().count()));
        for (std::chrono::minutes shift = -2h; shift <= 2h && info.begin >= first; shift += 30min) {
            auto local = date::local_seconds{(info.begin + shift).time_since_epoch() + info.offset};
            if (!same(theirs.get_info(local), ours.get_info(local)))
                found.push_back(fmt::format("{} local {}", theirs.name(), local.time_since_epoch().count()));
            if (theirs.to_sys(local, date::choose::earliest) != ours.to_sys(local, date::choose::earliest) ||
                theirs.to_sys(local, date::choose::latest) != ours.to_sys(local, date::choose::latest))
                found.push_back(fmt::format("{} to_sys {}", theirs.name(), local.time_since_epoch().count()));
        }
        at = info.end;
    }
    return found;
}

}  // namespace

TEST_CASE("Zone gives date's answers for every zone date lists, across every change from 1850 to 2040") {
    std::vector<std::string> found;
    std::size_t compared = 0;
    for (const auto& theirs : date::get_tzdb().zones) {
        if (theirs.name() == "localtime") continue;  // a link to /etc/localtime, not an IANA name (see below)
        const auto* ours = Zone::find(theirs.name());
        if (!ours) {
            found.push_back(theirs.name() + " not found");
            continue;
        }
        CHECK(ours->name() == theirs.name());
        auto more = differences(theirs, *ours);
        found.insert(found.end(), more.begin(), more.end());
        ++compared;
    }
    CHECK(compared > 300);  // Debian's tzdata has about 600
    CHECK(found.empty());
    for (std::size_t i = 0; i < found.size() && i < 20; ++i) MESSAGE(found[i]);
}

TEST_CASE("Zone works with date's zoned_time and format") {
    const auto* london = Zone::find("Europe/London");
    REQUIRE(london);
    auto summer = date::sys_days{2026_y / 7 / 1} + 8h;
    CHECK(date::format("%F %T %Z %Ez", date::make_zoned(london, summer)) == "2026-07-01 09:00:00 BST +01:00");
    // 01:30 on the last Sunday of October happens twice; of March, never.
    auto repeated = date::local_days{2026_y / 10 / 25} + 1h + 30min;
    CHECK(london->to_sys(repeated, date::choose::earliest) == date::sys_days{2026_y / 10 / 25} + 30min);
    CHECK(london->to_sys(repeated, date::choose::latest) == date::sys_days{2026_y / 10 / 25} + 1h + 30min);
    CHECK_THROWS_AS((void)london->to_sys(repeated), date::ambiguous_local_time);
    auto skipped = date::local_days{2026_y / 3 / 29} + 1h + 30min;
    CHECK(london->to_sys(skipped, date::choose::earliest) == date::sys_days{2026_y / 3 / 29} + 1h);
    CHECK_THROWS_AS((void)london->to_sys(skipped), date::nonexistent_local_time);
}

TEST_CASE("Zone::find refuses what is not an IANA zone name, and never leaves the zoneinfo directory") {
    for (const char* name : {"", "Mars/Olympus", "../../etc/passwd", "/etc/localtime", "Europe/../Europe/London",
                             "Europe//London", "Europe/London/", "europe/london", "zone.tab", "posixrules",
                             "posix/Europe/London", "right/UTC", "localtime", "Factory", "Europe", "Europe/London\n"}) {
        CAPTURE(name);
        CHECK(Zone::find(name) == nullptr);
    }
    CHECK(Zone::find("Etc/GMT+5"));
    CHECK(Zone::find("America/Argentina/Buenos_Aires"));
    CHECK(Zone::find("UTC"));
    CHECK(Zone::find("Europe/London") == Zone::find("Europe/London"));  // loaded once
}

TEST_CASE("Zone::from_tzif refuses truncated and damaged files without reading past their end") {
    std::ifstream file("/usr/share/zoneinfo/Europe/London", std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    REQUIRE(bytes.size() > 100);
    REQUIRE(Zone::from_tzif("Europe/London", bytes));

    // RFC 8536's layout: a version 1 block, then a second header and the
    // 64-bit block, whose indices follow its transition times. Its last
    // fields (leap seconds, standard/UT indicators) are read by neither
    // date nor painlog; truncated anywhere before them, the file is refused.
    auto count = [&](std::size_t at) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < 4; ++i) n = n << 8 | static_cast<unsigned char>(bytes[at + i]);
        return n;
    };
    auto second_header = 44 + count(32) * 5 + count(36) * 6 + count(40) + count(28) * 8 + count(24) + count(20);
    auto first_index = second_header + 44 + 8 * count(second_header + 32);
    auto needed = first_index + count(second_header + 32) + 6 * count(second_header + 36) + count(second_header + 40);
    for (std::size_t n = 0; n < needed; ++n) {
        CAPTURE(n);
        CHECK(Zone::from_tzif("Europe/London", std::string_view(bytes).substr(0, n)) == nullptr);
    }
    CHECK(Zone::from_tzif("Europe/London", std::string_view(bytes).substr(0, needed)));

    auto damaged = [&](std::size_t at, char value) {
        auto copy = bytes;
        copy[at] = value;
        return Zone::from_tzif("Europe/London", copy);
    };
    CHECK(damaged(0, 'X') == nullptr);      // not "TZif"
    CHECK(damaged(32, '\x7f') == nullptr);  // the first block's transition count, larger than the file
    CHECK(damaged(first_index, '\x7f') == nullptr);  // a transition to a type past the last
    CHECK(damaged(first_index, '\x01'));  // a valid index still reads
}

}  // namespace painlog::test_zone
