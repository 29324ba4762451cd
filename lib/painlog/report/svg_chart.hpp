// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A line chart of diary days as an inline SVG string, for the HTML report.
// Pure: no I/O, no clock; the same spec always gives the same bytes.
//
// Each series draws its daily values as markers and, when given, a smoothed
// line (the 7-day rolling mean), broken where there is no value. Vertical
// markers (infusions), shaded day ranges (baseline windows) and horizontal
// lines (questionnaire band thresholds) help reading it. Series styles
// differ in colour (Okabe–Ito, safe for colour-blind readers), in dash
// pattern and in marker shape, so they stay apart in greyscale print too.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "painlog/time/time.hpp"

namespace painlog {

struct ChartPoint {
    Day day;
    std::optional<double> value;
};

struct ChartSeries {
    std::string name;                // legend text, e.g. "Pain"
    std::vector<ChartPoint> daily;   // drawn as markers
    std::vector<ChartPoint> smooth;  // drawn as a line; empty for none
    int style = 0;                   // 0-3: colour, dash pattern and marker shape
    bool join = false;               // join the line across skipped days (sparse results)
};

struct ChartMarker {
    Day day;
    std::string label;  // drawn at the top of the line
};

struct ChartRange {
    Day from;  // inclusive
    Day to;    // inclusive
    std::string label;
};

struct ChartLine {
    double value;
    std::string label;  // drawn at the right end
};

struct ChartSpec {
    std::string title;    // the SVG's accessible name
    std::string y_label;  // the y axis, e.g. "0-10"
    std::string smooth_label = "7-day mean";  // legend text for smoothed lines
    Day from;             // first day on the x axis
    Day to;               // last day on the x axis
    double y_min = 0;
    double y_max = 10;
    double y_step = 2;    // tick and grid spacing
    std::vector<ChartSeries> series;
    std::vector<ChartMarker> markers;
    std::vector<ChartRange> ranges;
    std::vector<ChartLine> lines;
    int width = 720;      // viewBox size; the SVG scales to its container
    int height = 230;
};

// The chart as one <svg> element. All text is escaped; values outside
// [y_min, y_max] and days outside [from, to] are clipped to the plot.
[[nodiscard]] std::string svg_chart(const ChartSpec& spec);

// Escapes & < > " ' for XML/HTML text and attribute values.
[[nodiscard]] std::string xml_escape(std::string_view text);

// The style's stroke colour (#rrggbb), for legends outside the chart.
[[nodiscard]] std::string_view chart_color(int style);

}  // namespace painlog
