// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IANA time zones, read from this machine's zoneinfo directory.
//
// date's own database (date/tz.h, built with USE_OS_TZDB as Debian ships it)
// lists and stats every file under /usr/share/zoneinfo before its first
// conversion: some 700 system calls, about 5 ms, more than SQLite needs to
// add an entry. A diary names one or two zones, so painlog reads only their
// files. Zone answers exactly as date::time_zone does from the same file
// (tests/unit/test_zone.cpp compares the two on every zone) and plugs into
// date's zoned_time and format through the members zoned_time uses.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <date/tz.h>

namespace painlog {

class Zone {
public:
    // The zone called `name`, loaded once per process; nullptr when `name` is
    // not an IANA name or this machine has no such zone file.
    [[nodiscard]] static const Zone* find(std::string_view name);
    // Where the zone files are: /usr/share/zoneinfo.
    [[nodiscard]] static const std::string& directory();

    // The zone in a TZif file's bytes (RFC 8536), or nullptr when they are not one.
    [[nodiscard]] static std::unique_ptr<const Zone> from_tzif(std::string name, std::string_view bytes);

    [[nodiscard]] const std::string& name() const { return name_; }

    [[nodiscard]] date::sys_info get_info(date::sys_seconds at) const;
    [[nodiscard]] date::local_info get_info(date::local_seconds local) const;

    template <class Duration>
    [[nodiscard]] date::sys_info get_info(date::sys_time<Duration> at) const {
        return get_info(date::floor<std::chrono::seconds>(at));
    }
    template <class Duration>
    [[nodiscard]] date::local_info get_info(date::local_time<Duration> local) const {
        return get_info(date::floor<std::chrono::seconds>(local));
    }

    template <class Duration>
    [[nodiscard]] auto to_local(date::sys_time<Duration> at) const {
        using Result = date::local_time<std::common_type_t<Duration, std::chrono::seconds>>;
        return Result{(at + get_info(at).offset).time_since_epoch()};
    }

    // A local time the clocks skip maps to the instant they skip at; one they
    // repeat to its first or last occurrence, as `choose` says.
    template <class Duration>
    [[nodiscard]] auto to_sys(date::local_time<Duration> local, date::choose choose) const {
        using Result = date::sys_time<std::common_type_t<Duration, std::chrono::seconds>>;
        auto info = get_info(local);
        if (info.result == date::local_info::nonexistent) return Result{info.first.end};
        auto offset = info.result == date::local_info::ambiguous && choose == date::choose::latest ? info.second.offset
                                                                                                   : info.first.offset;
        return Result{local.time_since_epoch()} - offset;
    }
    // Throws date's nonexistent_local_time or ambiguous_local_time.
    template <class Duration>
    [[nodiscard]] auto to_sys(date::local_time<Duration> local) const {
        using Result = date::sys_time<std::common_type_t<Duration, std::chrono::seconds>>;
        auto info = get_info(local);
        if (info.result == date::local_info::nonexistent) throw date::nonexistent_local_time(local, info);
        if (info.result == date::local_info::ambiguous) throw date::ambiguous_local_time(local, info);
        return Result{local.time_since_epoch()} - info.first.offset;
    }

private:
    struct Type {
        std::chrono::seconds offset{};
        std::string abbrev;
        bool is_dst = false;
    };
    struct Transition {
        date::sys_seconds at;
        std::size_t type = 0;  // index into types_
    };

    Zone(std::string name, std::vector<Type> types, std::vector<Transition> transitions);
    [[nodiscard]] date::sys_info info_before(std::vector<Transition>::const_iterator next) const;

    std::string name_;
    std::vector<Type> types_;
    std::vector<Transition> transitions_;  // the first at the earliest instant date knows
};

}  // namespace painlog
