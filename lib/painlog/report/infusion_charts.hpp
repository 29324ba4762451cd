// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The HTML report's pictures of issue 19, as inline SVG strings: the
// response curves of every infusion on one chart, and the year at a glance.
// Pure: the same input always gives the same bytes; labels are escaped.

#include <string>
#include <vector>

#include "painlog/analysis/calendar.hpp"
#include "painlog/analysis/response.hpp"

namespace painlog {

// Each infusion's 7-day mean pain as percent change from its baseline,
// day -14 to 42, one line each (infusion_course.hpp): the newest thick in
// vermillion, the one before dashed in blue, older ones thin and grey,
// lighter the older; the -30 % and -50 % thresholds and the infusion day
// drawn. Infusions without a curve are left out; "" when none has one.
[[nodiscard]] std::string response_curves_svg(const std::vector<InfusionResponse>& responses);

// A square a day in columns of weeks (Monday at the top), months named
// above, coloured by the calendar's pain levels, white with a grey edge
// when there is no rating, a ring on infusion days; a legend below.
[[nodiscard]] std::string calendar_svg(const PainCalendar& calendar);

}  // namespace painlog
