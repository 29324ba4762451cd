// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/time/time.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "painlog/util/error.hpp"

namespace painlog {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Reads fixed-width fields from left to right; every method fails softly so
// the caller can report the whole text as one bad value.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    bool number(std::size_t width, int& out) {
        if (text_.size() - pos_ < width) return false;
        auto first = text_.data() + pos_;
        for (std::size_t i = 0; i < width; ++i)
            if (first[i] < '0' || first[i] > '9') return false;
        std::from_chars(first, first + width, out);
        pos_ += width;
        return true;
    }
    bool literal(char c) {
        if (pos_ < text_.size() && text_[pos_] == c) { ++pos_; return true; }
        return false;
    }
    [[nodiscard]] bool done() const { return pos_ == text_.size(); }
    [[nodiscard]] char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

std::optional<Day> scan_day(Scanner& in) {
    int y = 0, m = 0, d = 0;
    if (!(in.number(4, y) && in.literal('-') && in.number(2, m) && in.literal('-') && in.number(2, d)))
        return std::nullopt;
    date::year_month_day ymd{date::year{y}, date::month{unsigned(m)}, date::day{unsigned(d)}};
    if (!ymd.ok() || Day{ymd} < first_supported_day) return std::nullopt;
    return Day{ymd};
}

// A date with a time of day; `offset` is set when the text carries Z or ±HH:MM.
struct Stamp {
    Day day;
    seconds time_of_day{0};
    std::optional<minutes> offset;
};

std::optional<Stamp> scan_stamp(std::string_view text) {
    Scanner in(text);
    auto day = scan_day(in);
    if (!day || !(in.literal('T') || in.literal(' '))) return std::nullopt;
    int h = 0, mi = 0, s = 0;
    if (!(in.number(2, h) && in.literal(':') && in.number(2, mi))) return std::nullopt;
    if (in.literal(':') && !in.number(2, s)) return std::nullopt;
    if (h > 23 || mi > 59 || s > 59) return std::nullopt;
    Stamp stamp{*day, hours{h} + minutes{mi} + seconds{s}, std::nullopt};
    if (in.literal('Z')) {
        stamp.offset = minutes{0};
    } else if (char sign = in.peek(); sign == '+' || sign == '-') {
        in.literal(sign);
        int oh = 0, om = 0;
        if (!(in.number(2, oh) && in.literal(':') && in.number(2, om)) || oh > 23 || om > 59)
            return std::nullopt;
        stamp.offset = (sign == '-' ? -1 : 1) * (hours{oh} + minutes{om});
    }
    if (!in.done()) return std::nullopt;
    return stamp;
}

std::string describe(const TimeContext& ctx) {
    return format_local_minutes(ctx.now, ctx.zone);
}

Instant local_to_instant(date::local_seconds local, const Zone* zone, std::string_view option,
                         std::string_view text) {
    auto info = zone->get_info(local);
    if (info.result == date::local_info::nonexistent)
        throw InputError(fmt::format("{} {}: that time does not exist in {} (the clocks went forward); "
                                     "expected a time outside the skipped hour",
                                     option, text, zone->name()));
    // For a repeated hour, `first` is the earlier of the two readings.
    return Instant{local.time_since_epoch() - info.first.offset};
}

Instant noon_of(Day day, const TimeContext& ctx, std::string_view option, std::string_view text) {
    auto local = date::local_seconds{day.time_since_epoch()} + hours{12};
    return local_to_instant(local, ctx.zone, option, text);
}

[[noreturn]] void bad_when(std::string_view option, std::string_view text) {
    throw InputError(fmt::format("{} {}: expected a date or time like 2026-11-22, 2026-11-22T08:30, "
                                 "now, today or yesterday",
                                 option, text));
}

// is_supported's bounds, as a person reads them.
[[noreturn]] void unsupported_when(std::string_view option, std::string_view text) {
    throw InputError(fmt::format("{} {}: outside the times painlog keeps; expected a time from "
                                 "1900-01-03T00:00Z to before 9999-12-30T00:00Z",
                                 option, text));
}

[[noreturn]] void bad_day(std::string_view option, std::string_view text, bool spans) {
    throw InputError(fmt::format("{} {}: expected a date like 2026-11-22, today or yesterday{}, "
                                 "in the years 1900 to 9999",
                                 option, text, spans ? ", or a span like 14d, 3w, 6m, 1y" : ""));
}

std::optional<Day> named_day(std::string_view text, const TimeContext& ctx) {
    if (text == "today") return today(ctx);
    if (text == "yesterday") return today(ctx) - date::days{1};
    return parse_iso_day(text);
}

std::optional<Day> span_back(std::string_view text, Day last) {
    if (text.size() < 2) return std::nullopt;
    int count = 0;
    auto digits = text.substr(0, text.size() - 1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
    if (ec != std::errc{} || end != digits.data() + digits.size() || count < 1 || count > 10000)
        return std::nullopt;
    auto months_back = [&](date::months n) {
        date::year_month_day ymd{last};
        auto shifted = ymd.year() / ymd.month() / ymd.day() - n;
        if (!shifted.ok()) shifted = shifted.year() / shifted.month() / date::last;
        return Day{shifted} + date::days{1};
    };
    switch (text.back()) {
        case 'd': return last - date::days{count - 1};
        case 'w': return last - date::days{7 * count - 1};
        case 'm': return months_back(date::months{count});
        case 'y': return months_back(date::months{12 * count});
        default: return std::nullopt;
    }
}

std::optional<Day> span_start(std::string_view text, Day last) {
    auto first = span_back(text, last);
    if (!first || *first < first_supported_day) return std::nullopt;
    return first;
}

// Writes `value` as `width` decimal digits at `at`, zero-padded.
void put_digits(std::string& text, std::size_t at, std::size_t width, unsigned value) {
    for (std::size_t i = width; i-- > 0; value /= 10) text[at + i] = static_cast<char>('0' + value % 10);
}

}  // namespace

bool is_supported(Instant at) {
    // A day's margin at each end: zone offsets and the day-start hour move a
    // diary day less than that.
    return at >= Instant{first_supported_day + date::days{2}} && at < Instant{last_supported_day - date::days{1}};
}

Day diary_day(Instant at, const Zone* zone, int day_start_hour) {
    auto local = zone->to_local(at) - hours{day_start_hour};
    return Day{date::floor<date::days>(local).time_since_epoch()};
}

Day today(const TimeContext& ctx) { return diary_day(ctx.now, ctx.zone, ctx.day_start_hour); }

const Zone* locate_zone(std::string_view name) {
    if (const auto* zone = Zone::find(name)) return zone;
    throw InputError(fmt::format("time zone {}: unknown; expected an IANA name like Europe/London", name));
}

const Zone* stored_zone(std::string_view name, const Zone* fallback) {
    if (const auto* zone = Zone::find(name)) return zone;
    return fallback ? fallback : locate_zone("Etc/UTC");
}

const Zone* zone_from_tz(std::string_view value) {
    auto tz = value.starts_with(':') ? value.substr(1) : value;
    if (tz.empty()) return nullptr;
    std::string name(tz);
    if (tz.starts_with('/')) {
        std::error_code error;
        auto file = std::filesystem::weakly_canonical(std::filesystem::path(tz), error).string();
        auto dir = std::filesystem::weakly_canonical(Zone::directory(), error).string() + '/';
        name = file.starts_with(dir) ? file.substr(dir.size()) : "";
        // posix/ holds the same zones as the top level.
        if (name.starts_with("posix/")) name.erase(0, 6);
        if (name.empty())
            throw InputError(fmt::format("TZ={}: not a file in {}; expected an IANA zone name like Europe/London "
                                         "or the path of its zone file",
                                         value, Zone::directory()));
    }
    if (const auto* zone = Zone::find(name)) return zone;
    throw InputError(fmt::format("TZ={}: no readable zone file {}/{}; expected an IANA zone name like Europe/London",
                                 value, Zone::directory(), name));
}

const Zone* system_zone() {
    // /etc/localtime links into the zoneinfo directory on Debian; /etc/timezone
    // names the zone where it is a copy.
    std::error_code error;
    auto target = std::filesystem::read_symlink("/etc/localtime", error).string();
    if (auto at = target.rfind("zoneinfo/"); !error && at != std::string::npos)
        if (const auto* zone = Zone::find(std::string_view(target).substr(at + 9))) return zone;
    std::ifstream timezone("/etc/timezone");
    std::string name;
    if (std::getline(timezone, name))
        if (const auto* zone = Zone::find(name)) return zone;
    return locate_zone("Etc/UTC");
}

Instant parse_when(std::string_view text, const TimeContext& ctx, std::string_view option, Future future) {
    Instant at;
    if (text == "now" || text == "today") {
        at = ctx.now;
    } else if (auto day = named_day(text, ctx)) {
        // Any later day's noon is after now, so the check below catches it.
        at = *day == today(ctx) ? ctx.now : noon_of(*day, ctx, option, text);
    } else if (auto stamp = scan_stamp(text)) {
        auto since_midnight = stamp->day.time_since_epoch() + stamp->time_of_day;
        at = stamp->offset ? Instant{since_midnight - *stamp->offset}
                           : local_to_instant(date::local_seconds{since_midnight}, ctx.zone, option, text);
    } else {
        bad_when(option, text);
    }
    if (at > ctx.now && future == Future::refuse)
        throw InputError(fmt::format("{} {}: is in the future; expected a time no later than now ({})", option,
                                     text, describe(ctx)));
    if (!is_supported(at)) unsupported_when(option, text);
    return at;
}

Day parse_day(std::string_view text, const TimeContext& ctx, std::string_view option) {
    if (auto day = named_day(text, ctx)) return *day;
    bad_day(option, text, false);
}

Day parse_since(std::string_view text, const TimeContext& ctx, std::string_view option) {
    if (auto day = named_day(text, ctx)) return *day;
    if (auto day = span_start(text, today(ctx))) return *day;
    bad_day(option, text, true);
}

void require_forward_period(Day from, Day to) {
    if (from > to)
        throw InputError(fmt::format("--since {}: after the last day {}; expected a first day on or before the last",
                                     format_day(from), format_day(to)));
}

std::optional<Day> parse_iso_day(std::string_view text) {
    Scanner in(text);
    auto day = scan_day(in);
    if (!day || !in.done()) return std::nullopt;
    return day;
}

std::optional<Instant> parse_iso_instant(std::string_view text) {
    auto stamp = scan_stamp(text);
    if (!stamp || !stamp->offset) return std::nullopt;
    Instant at{stamp->day.time_since_epoch() + stamp->time_of_day - *stamp->offset};
    if (!is_supported(at)) return std::nullopt;
    return at;
}

// Digits written in place: import and export write a date or two for every
// record, and date::format's ostringstream, then fmt's width handling, cost
// ten to twenty times as much. Supported years have four digits; others
// (only ever in messages) go through fmt.
std::string format_day(Day day) {
    date::year_month_day ymd{day};
    auto year = static_cast<int>(ymd.year());
    if (year < 0 || year > 9999)
        return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    std::string text = "0000-00-00";
    put_digits(text, 0, 4, static_cast<unsigned>(year));
    put_digits(text, 5, 2, static_cast<unsigned>(ymd.month()));
    put_digits(text, 8, 2, static_cast<unsigned>(ymd.day()));
    return text;
}

std::string format_utc(Instant at) {
    auto day = date::floor<date::days>(at);
    date::hh_mm_ss time{at - day};
    auto text = format_day(day);
    text += "T00:00:00Z";
    auto t = text.size() - 9;  // the hours
    put_digits(text, t, 2, static_cast<unsigned>(time.hours().count()));
    put_digits(text, t + 3, 2, static_cast<unsigned>(time.minutes().count()));
    put_digits(text, t + 6, 2, static_cast<unsigned>(time.seconds().count()));
    return text;
}

std::string format_local(Instant at, const Zone* zone) {
    return date::format("%FT%T%Ez", date::make_zoned(zone, at));
}

std::string format_local_minutes(Instant at, const Zone* zone) {
    return date::format("%F %H:%M", date::make_zoned(zone, at));
}

}  // namespace painlog
