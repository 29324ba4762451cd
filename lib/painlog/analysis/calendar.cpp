// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/calendar.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "painlog/analysis/stats.hpp"

namespace painlog {
namespace {

// Viridis at 0, 1/4, 1/2, 3/4 and 1, reversed so that more pain is darker.
constexpr std::array<CalendarLevel, calendar_levels> viridis_levels{{
    {0, 2, "#fde725", "·"},
    {2, 4, "#5ec962", "░"},
    {4, 6, "#21918c", "▒"},
    {6, 8, "#3b528b", "▓"},
    {8, 10, "#440154", "█"},
}};

constexpr std::string_view infusion_mark = "◆";
constexpr std::string_view weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::size_t label_width = 4;

struct Rgb {
    int r, g, b;
};

Rgb rgb_of(std::string_view hex) {
    auto channel = [&](std::size_t at) {
        int value = 0;
        std::from_chars(hex.data() + at, hex.data() + at + 2, value, 16);
        return value;
    };
    return {channel(1), channel(3), channel(5)};
}

// The nearest colour of the 256-colour palette's 6 x 6 x 6 cube.
int palette_index(Rgb c) {
    constexpr int steps[] = {0, 95, 135, 175, 215, 255};
    auto nearest = [&](int value) {
        int best = 0;
        for (int i = 1; i < 6; ++i)
            if (std::abs(steps[i] - value) < std::abs(steps[best] - value)) best = i;
        return best;
    };
    return 16 + 36 * nearest(c.r) + 6 * nearest(c.g) + nearest(c.b);
}

std::string coloured(std::string_view glyph, std::string_view hex, ColorDepth depth) {
    auto c = rgb_of(hex);
    if (depth == ColorDepth::truecolor) return fmt::format("\033[38;2;{};{};{}m{}\033[0m", c.r, c.g, c.b, glyph);
    return fmt::format("\033[38;5;{}m{}\033[0m", palette_index(c), glyph);
}

std::string cell(const CalendarDay& d, ColorDepth depth) {
    if (!d.pain) return d.infusion ? std::string(infusion_mark) : " ";
    const auto& level = viridis_levels[static_cast<std::size_t>(pain_level(*d.pain))];
    if (depth == ColorDepth::none) return std::string(d.infusion ? infusion_mark : level.character);
    return coloured(d.infusion ? infusion_mark : "█", level.color, depth);
}

Day monday_of(Day day) { return day - date::days{date::weekday(day).iso_encoding() - 1}; }

// The months' names above the columns: each at the week holding its 1st,
// where it does not run into the one before.
std::string month_line(Day first_monday, int weeks, const PainCalendar& calendar) {
    std::string line(label_width, ' ');
    for (int w = 0; w < weeks; ++w) {
        Day monday = first_monday + date::weeks{w};
        for (int k = 0; k < 7; ++k) {
            Day d = monday + date::days{k};
            if (d < calendar.from || d > calendar.to || date::year_month_day(d).day() != date::day{1}) continue;
            auto column = label_width + static_cast<std::size_t>(w);
            if (line.size() > column) break;  // too close to the last name
            line.resize(column, ' ');
            line += date::format("%b", d);
            break;
        }
    }
    return line;
}

std::string block_text(const PainCalendar& calendar, Day first_monday, int weeks, ColorDepth depth) {
    std::string out = month_line(first_monday, weeks, calendar) + "\n";
    for (int k = 0; k < 7; ++k) {
        std::string row = fmt::format("{:<{}}", weekdays[k], label_width);
        for (int w = 0; w < weeks; ++w) {
            Day d = first_monday + date::weeks{w} + date::days{k};
            if (d < calendar.from || d > calendar.to) {
                row += ' ';
                continue;
            }
            row += cell(calendar.days[static_cast<std::size_t>(days_between(calendar.from, d))], depth);
        }
        while (!row.empty() && row.back() == ' ') row.pop_back();
        out += row + "\n";
    }
    return out;
}

std::string legend_text(ColorDepth depth) {
    std::string out;
    for (std::size_t i = 0; i < viridis_levels.size(); ++i) {
        const auto& level = viridis_levels[i];
        auto glyph = depth == ColorDepth::none ? std::string(level.character) : coloured("█", level.color, depth);
        out += i + 1 < viridis_levels.size() ? fmt::format("{} {:g}-{:.1f}  ", glyph, level.from, level.below - 0.1)
                                    : fmt::format("{} {:g}-10  ", glyph, level.from);
    }
    return out + fmt::format("{} infusion  blank: no pain rating\n", infusion_mark);
}

}  // namespace

const std::array<CalendarLevel, calendar_levels>& calendar_scale() { return viridis_levels; }

int pain_level(double pain) { return std::clamp(static_cast<int>(std::floor(pain / 2)), 0, calendar_levels - 1); }

Day year_at_a_glance_from(Day last) { return monday_of(last) - date::weeks{calendar_weeks - 1}; }

PainCalendar pain_calendar(const std::vector<DailyValues>& days, const std::vector<Event>& events, Day from, Day to) {
    PainCalendar calendar{from, to, {}};
    auto next = std::ranges::lower_bound(days, from, {}, &DailyValues::day);
    for (Day d = from; d <= to; d += date::days{1}) {
        CalendarDay day{d, std::nullopt, false};
        if (next != days.end() && next->day == d) day.pain = (next++)->value(Metric::pain);
        calendar.days.push_back(day);
    }
    for (const auto& e : events)
        if (e.kind == EventKind::infusion && e.day >= from && e.day <= to)
            calendar.days[static_cast<std::size_t>(days_between(from, e.day))].infusion = true;
    return calendar;
}

std::string calendar_text(const PainCalendar& calendar, ColorDepth depth) {
    std::string out = fmt::format("Pain by day, {} to {}: a column a week, Monday at the top.\n",
                                  format_day(calendar.from), format_day(calendar.to));
    Day first_monday = monday_of(calendar.from);
    int weeks = days_between(first_monday, monday_of(calendar.to)) / 7 + 1;
    for (int start = 0; start < weeks; start += calendar_weeks)
        out += "\n" + block_text(calendar, first_monday + date::weeks{start}, std::min(calendar_weeks, weeks - start), depth);
    return out + "\n" + legend_text(depth);
}

nlohmann::ordered_json calendar_json(const PainCalendar& calendar) {
    using json = nlohmann::ordered_json;
    json levels = json::array();
    for (std::size_t i = 0; i < viridis_levels.size(); ++i)
        levels.push_back({{"level", i},
                          {"from", viridis_levels[i].from},
                          {"below", viridis_levels[i].below},
                          {"color", viridis_levels[i].color},
                          {"character", viridis_levels[i].character}});
    json days = json::array();
    for (const auto& d : calendar.days)
        days.push_back({{"date", format_day(d.day)},
                        {"pain", d.pain ? json(stats::round_to(*d.pain, 2)) : json(nullptr)},
                        {"level", d.pain ? json(pain_level(*d.pain)) : json(nullptr)},
                        {"infusion", d.infusion}});
    return {{"from", format_day(calendar.from)}, {"to", format_day(calendar.to)}, {"levels", levels}, {"days", days}};
}

}  // namespace painlog
