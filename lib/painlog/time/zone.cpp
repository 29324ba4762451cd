// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/time/zone.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace painlog {
namespace {

using std::chrono::seconds;

// The directory date's OS-database build reads (tz.cpp, discover_tz_dir):
// the uclibc one exists only on buildroot systems.
const std::string& zoneinfo_dir() {
    static const std::string dir = std::filesystem::is_directory("/usr/share/zoneinfo/uclibc")
                                       ? "/usr/share/zoneinfo/uclibc"
                                       : "/usr/share/zoneinfo";
    return dir;
}

// IANA names are segments of letters, digits, '_', '-' and '+', each
// starting with a capital letter. This keeps out paths ("..", "/etc") and
// the directory's other files (zone.tab, posixrules, posix/, right/), as
// date's own listing does.
bool iana_shaped(std::string_view name) {
    if (name.empty() || name == "Factory") return false;
    bool segment_start = true;
    for (char c : name) {
        if (c == '/') {
            if (segment_start) return false;
            segment_start = true;
            continue;
        }
        bool capital = c >= 'A' && c <= 'Z';
        bool other = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+';
        if (segment_start ? !capital : !(capital || other)) return false;
        segment_start = false;
    }
    return !segment_start;
}

std::optional<std::string> read_small_file(const std::string& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!file) return std::nullopt;
    std::string bytes;
    char buffer[8192];
    while (auto n = std::fread(buffer, 1, sizeof buffer, file.get())) {
        bytes.append(buffer, n);
        if (bytes.size() > (1u << 20)) return std::nullopt;  // zone files are a few kilobytes
    }
    return bytes;
}

// Big-endian fields of a TZif file (RFC 8536), failing softly past its end.
class Fields {
public:
    explicit Fields(std::string_view bytes) : bytes_(bytes) {}
    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] std::size_t left() const { return bytes_.size() - pos_; }
    void skip(std::size_t n) {
        if (n > bytes_.size() - pos_) return fail();
        pos_ += n;
    }
    std::string_view text(std::size_t n) {
        if (n > bytes_.size() - pos_) {
            fail();
            return {};
        }
        auto s = bytes_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    std::int64_t signed_number(std::size_t width) {
        auto s = text(width);
        if (s.size() != width) return 0;
        std::uint64_t u = 0;
        for (unsigned char c : s) u = (u << 8) | c;
        if (width < 8 && (u >> (8 * width - 1)) != 0) u |= ~std::uint64_t{0} << (8 * width);  // sign-extend
        return static_cast<std::int64_t>(u);
    }

private:
    void fail() { ok_ = false, pos_ = bytes_.size(); }
    std::string_view bytes_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

struct Counts {
    std::int64_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

// The header's magic, version and counts; nullopt unless it is a TZif header.
std::optional<std::pair<char, Counts>> read_header(Fields& in) {
    if (in.text(4) != "TZif") return std::nullopt;
    auto version = in.text(1);
    in.skip(15);
    Counts c{in.signed_number(4), in.signed_number(4), in.signed_number(4),
             in.signed_number(4), in.signed_number(4), in.signed_number(4)};
    bool sane = c.isut >= 0 && c.isstd >= 0 && c.leap >= 0 && c.time >= 0 && c.type >= 1 && c.chars >= 0;
    if (!in.ok() || !sane) return std::nullopt;
    return std::pair{version[0], c};
}

}  // namespace

const std::string& Zone::directory() { return zoneinfo_dir(); }

const Zone* Zone::find(std::string_view name) {
    static std::mutex lock;
    static std::map<std::string, std::unique_ptr<const Zone>, std::less<>> loaded;
    std::lock_guard guard(lock);
    if (auto found = loaded.find(name); found != loaded.end()) return found->second.get();
    if (!iana_shaped(name)) return nullptr;
    auto bytes = read_small_file(zoneinfo_dir() + '/' + std::string(name));
    auto zone = bytes ? from_tzif(std::string(name), *bytes) : nullptr;
    if (!zone) return nullptr;
    return loaded.emplace(std::string(name), std::move(zone)).first->second.get();
}

std::unique_ptr<const Zone> Zone::from_tzif(std::string name, std::string_view bytes) {
    // A version 2+ file repeats its data with 64-bit times after the 32-bit
    // block; date reads that second block, and so does this.
    Fields in(bytes);
    auto header = read_header(in);
    if (!header) return nullptr;
    std::size_t time_width = 4;
    if (header->first != '\0') {
        const auto& c = header->second;
        in.skip(static_cast<std::size_t>(c.time * 5 + c.type * 6 + c.chars + c.leap * 8 + c.isstd + c.isut));
        header = read_header(in);
        if (!header) return nullptr;
        time_width = 8;
    }
    const auto& c = header->second;
    if (static_cast<std::uint64_t>(c.time * static_cast<std::int64_t>(time_width + 1) + c.type * 6 + c.chars) > in.left())
        return nullptr;  // counts larger than the file: not a zone file
    std::vector<Transition> transitions(static_cast<std::size_t>(c.time));
    for (auto& t : transitions) t.at = date::sys_seconds{seconds{in.signed_number(time_width)}};
    for (auto& t : transitions) t.type = static_cast<std::size_t>(in.signed_number(1) & 0xff);
    std::vector<Type> types(static_cast<std::size_t>(c.type));
    std::vector<std::size_t> abbrev_at;
    for (auto& type : types) {
        type.offset = seconds{in.signed_number(4)};
        type.is_dst = in.signed_number(1) != 0;
        abbrev_at.push_back(static_cast<std::size_t>(in.signed_number(1) & 0xff));
    }
    auto abbreviations = std::string(in.text(static_cast<std::size_t>(c.chars)));
    if (!in.ok()) return nullptr;
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (abbrev_at[i] >= abbreviations.size()) return nullptr;
        types[i].abbrev = abbreviations.c_str() + abbrev_at[i];
    }
    for (const auto& t : transitions)
        if (t.type >= types.size()) return nullptr;
    return std::unique_ptr<const Zone>(new Zone(std::move(name), std::move(types), std::move(transitions)));
}

// As date does: before the first transition the first standard-time type
// holds, from the earliest instant date represents; a transition that
// changes nothing shown (offset, abbreviation, daylight flag) is dropped.
Zone::Zone(std::string name, std::vector<Type> types, std::vector<Transition> transitions)
    : name_(std::move(name)), types_(std::move(types)), transitions_(std::move(transitions)) {
    const date::sys_seconds earliest = date::sys_days(date::year::min() / date::January / 1);
    if (transitions_.empty() || transitions_.front().at != earliest) {
        auto standard = std::find_if(types_.begin(), types_.end(), [](const Type& t) { return !t.is_dst; });
        auto first = standard != types_.end() ? standard - types_.begin() : 0;
        transitions_.insert(transitions_.begin(), {earliest, static_cast<std::size_t>(first)});
    }
    auto same = [&](const Transition& a, const Transition& b) {
        const auto &x = types_[a.type], &y = types_[b.type];
        return x.offset == y.offset && x.abbrev == y.abbrev && x.is_dst == y.is_dst;
    };
    transitions_.erase(std::unique(transitions_.begin(), transitions_.end(), same), transitions_.end());
}

date::sys_info Zone::info_before(std::vector<Transition>::const_iterator next) const {
    const auto& from = next[-1];
    const auto& type = types_[from.type];
    date::sys_info info;
    info.begin = from.at;
    info.end = next != transitions_.end() ? next->at : date::sys_seconds(date::sys_days(date::year::max() / date::December / 31));
    info.offset = type.offset;
    info.save = std::chrono::minutes{type.is_dst ? 1 : 0};
    info.abbrev = type.abbrev;
    return info;
}

date::sys_info Zone::get_info(date::sys_seconds at) const {
    auto next = std::upper_bound(transitions_.begin(), transitions_.end(), at,
                                 [](date::sys_seconds x, const Transition& t) { return x < t.at; });
    return info_before(std::max(next, transitions_.begin() + 1));  // nothing is earlier than the first
}

// The local time's offset before the transition nearest it, and after: two
// answers when the clocks went back over it, none when they jumped it.
date::local_info Zone::get_info(date::local_seconds local) const {
    auto as_sys = [&](seconds offset) { return date::sys_seconds{(local - offset).time_since_epoch()}; };
    date::local_info info;
    info.result = date::local_info::unique;
    auto next = std::upper_bound(transitions_.begin(), transitions_.end(), local, [&](date::local_seconds x, const Transition& t) {
        return date::sys_seconds{x.time_since_epoch()} - types_[t.type].offset < t.at;
    });
    next = std::max(next, transitions_.begin() + 1);  // nothing is earlier than the first
    info.first = info_before(next);
    auto at = as_sys(info.first.offset);
    if (at < info.first.begin + date::days{1} && next - 1 != transitions_.begin()) {
        info.second = info_before(--next);
        if (as_sys(info.second.offset) < info.second.end) {
            info.result = date::local_info::ambiguous;
            std::swap(info.first, info.second);
        } else {
            info.second = {};
        }
    } else if (at >= info.first.end && next != transitions_.end()) {
        info.second = info_before(++next);
        if (as_sys(info.second.offset) < info.second.begin) info.result = date::local_info::nonexistent;
        else info.second = {};
    }
    return info;
}

}  // namespace painlog
