// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where it hurt and how it felt over a span of diary days (issue 17): per
// body region and pain quality the days it was reported and the mean pain
// on those days, how many regions a day (the extent), and how many of the
// Widespread Pain Index's 19 areas were reported in each week. Pure, over
// DailyValues; the formulas are in painlog-summary(1).
//
//  - A day reports a region when any of its entries names it; a logged day
//    is a day with any entry. Share = days reported / days logged.
//  - Mean pain of a region: the mean of the daily pain values (each the mean
//    of the day's entries) on the days that report it and have a pain
//    rating; pain_n counts those days.
//  - Regions a day: the mean, over logged days, of the distinct regions
//    each reports (a logged day naming none counts 0), and the largest.
//  - WPI weeks: the 7-day blocks counted back from the span's last day (a
//    first block shorter than 7 days is left out), each with the distinct
//    WPI areas its days report. A count of reported areas, not the WPI,
//    which is a clinician's assessment of the past week.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/body.hpp"
#include "painlog/model/daily.hpp"
#include "painlog/time/time.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

// One region or quality over the span.
struct BodyNameDays {
    std::size_t index = 0;  // in body_regions() or pain_qualities()
    int days = 0;           // days that report it
    double share = 0;       // days / days logged
    std::size_t pain_n = 0;
    std::optional<double> mean_pain;
};

struct WpiWeek {
    Day from, to;
    int days_logged = 0;
    WpiSet areas;
};

struct BodySummary {
    Day from, to;
    int days_logged = 0;
    int days_with_regions = 0;
    int days_with_qualities = 0;
    std::vector<BodyNameDays> regions;    // those reported: most days first, then vocabulary order
    std::vector<BodyNameDays> qualities;  // the same
    std::optional<double> regions_per_day;  // none without a logged day
    int max_regions_per_day = 0;
    std::vector<WpiWeek> wpi_weeks;  // oldest first

    [[nodiscard]] bool any() const { return days_with_regions + days_with_qualities > 0; }
};

// `days` sorted by day; those outside [from, to] are ignored.
[[nodiscard]] BodySummary summarize_body(const std::vector<DailyValues>& days, Day from, Day to);

// How many WPI weeks the text shows (the most recent); JSON has them all.
inline constexpr std::size_t max_text_wpi_weeks = 8;

// "" when nothing was reported; else the regions, the qualities, regions a
// day and the WPI weeks, in 80 columns.
[[nodiscard]] std::string body_summary_text(const BodySummary& body, Color color);
// {"days_logged","days_with_regions","days_with_qualities",
//  "regions":[{"region","label","wpi_area","days","share","pain_n","mean_pain"}],
//  "qualities":[{"quality","label","neuropathic","days","share","pain_n","mean_pain"}],
//  "regions_per_day","max_regions_per_day",
//  "wpi_weeks":[{"from","to","days_logged","areas_reported","areas":[…]}]}
[[nodiscard]] nlohmann::ordered_json body_summary_json(const BodySummary& body);

}  // namespace painlog
