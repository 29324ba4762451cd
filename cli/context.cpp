// SPDX-License-Identifier: GPL-3.0-or-later
#include "context.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

#include "painlog/util/error.hpp"
#include "painlog/util/paths.hpp"
#include "painlog/model/settings.hpp"

namespace painlog::cli {
namespace {

std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

Instant read_now() {
    auto text = env("PAINLOG_NOW");
    if (!text || text->empty()) return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (auto at = parse_iso_instant(*text)) return *at;
    throw InputError(fmt::format("PAINLOG_NOW={}: expected an instant like 2026-11-22T20:00:00Z", *text));
}

// $TZ when set, otherwise the system zone, and UTC when even that is unknown.
const Zone* read_zone() {
    auto tz = env("TZ");
    if (const auto* zone = tz ? zone_from_tz(*tz) : nullptr) return zone;
    return system_zone();
}

}  // namespace

std::filesystem::path locate_diary(const std::string& db_flag) {
    return painlog::diary_path({db_flag.empty() ? std::nullopt : std::optional(db_flag), env("PAINLOG_DB"),
                                env("XDG_DATA_HOME"), env("HOME")});
}

const TimeContext& Context::time() {
    if (!time_) time_ = TimeContext{read_now(), read_zone(), 0};
    return *time_;
}

Diary& Context::diary(Access access) {
    if (!diary_) {
        auto path = diary_path();
        diary_label_ = path.string();
        diary_.emplace(Diary::open(path, access));
        diary_->set_clock(time().now);
        time_->day_start_hour = std::stoi(diary_->setting_or_default(setting_key::day_start_hour));
    }
    return *diary_;
}

Color Context::color() const {
    if (global.color == "always") return Color::yes;
    if (global.color == "never") return Color::no;
    auto no_color = env("NO_COLOR");
    auto term = env("TERM");
    if ((no_color && !no_color->empty()) || (term && *term == "dumb")) return Color::no;
    return ::isatty(STDOUT_FILENO) ? Color::yes : Color::no;
}

std::size_t Context::table_width() const {
    constexpr std::size_t piped = 80, narrowest = 60, widest = 1000;
    if (::isatty(STDOUT_FILENO) != 1) return piped;
    std::size_t columns = 0;
    if (auto text = env("COLUMNS"); text && !text->empty()) {
        auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), columns);
        if (ec != std::errc{} || end != text->data() + text->size()) columns = 0;
    }
    winsize size{};
    if (columns == 0 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) columns = size.ws_col;
    if (columns == 0) return piped;
    return std::clamp(columns, narrowest, widest);
}

bool Context::interactive() const { return ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO); }

}  // namespace painlog::cli
