// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A year at a glance: every day's pain in a calendar of weeks (a column a
// week, Monday at the top), as `painlog calendar` prints it in a terminal
// and the HTML report draws it (report/calendar_svg.hpp). Formulas and
// characters in man/painlog-calendar.1.
//
//  - A day's pain is its daily value (the mean of its entries' pain).
//  - Five levels: 0 for pain below 2, 1 below 4, 2 below 6, 3 below 8, 4
//    for 8 to 10, coloured from viridis (van der Walt and Smith 2015), a
//    scale whose lightness rises steadily, so that it reads for colour-blind
//    readers and in greyscale: light yellow for little pain, dark violet
//    for the most.
//  - A day without a pain rating is blank, logged or not.
//  - An infusion day is marked (◆ in a terminal, a ring in SVG).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/daily.hpp"
#include "painlog/model/event.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

inline constexpr int calendar_levels = 5;
inline constexpr int calendar_weeks = 53;  // a year at a glance, and the most a block of text holds

struct CalendarLevel {
    double from;                // pain from this value...
    double below;               // ...to below this one (the last level includes 10)
    std::string_view color;     // #rrggbb
    std::string_view character; // without colour
};
[[nodiscard]] const std::array<CalendarLevel, calendar_levels>& calendar_scale();
// The level of a day's pain, 0-4.
[[nodiscard]] int pain_level(double pain);

struct CalendarDay {
    Day day;
    std::optional<double> pain;
    bool infusion = false;
};

struct PainCalendar {
    Day from;  // the first day shown
    Day to;    // the last
    std::vector<CalendarDay> days;  // every day from..to
};

// The first day of a year at a glance ending on `last`: the Monday 52
// weeks before last's week, so that 53 columns show it.
[[nodiscard]] Day year_at_a_glance_from(Day last);

// `days` sorted by day; `events`' infusions are marked.
[[nodiscard]] PainCalendar pain_calendar(const std::vector<DailyValues>& days, const std::vector<Event>& events,
                                         Day from, Day to);

// How a terminal shows colour: none (characters instead), the 256-colour
// palette, or 24-bit colour.
enum class ColorDepth { none, palette256, truecolor };

// Blocks of at most 53 weeks, each with its months above and the weekdays
// beside; a legend last. Fits 80 columns.
[[nodiscard]] std::string calendar_text(const PainCalendar& calendar, ColorDepth depth);
// {"from", "to", "levels": [{"level", "from", "below", "color", "character"}],
//  "days": [{"date", "pain", "level", "infusion"}]} (pain rounded to two
// decimals, pain and level null without a rating).
[[nodiscard]] nlohmann::ordered_json calendar_json(const PainCalendar& calendar);

}  // namespace painlog
