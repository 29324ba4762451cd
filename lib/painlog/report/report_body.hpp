// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's body map section (issue 17): where it hurt and how it felt,
// as maps (HTML) and as a table (text, Markdown), with the same figures in
// the report JSON. Helpers of the renderers, defined in report_body.cpp;
// not a public interface.
//
// Where an infusion anchors the report (the last one shown), two panels:
// its baseline and the days since it ("since infusion" window); otherwise
// one panel, the report's period. A panel's share of a name is the days
// reporting it over the panel's logged days (body_summary.hpp).

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "painlog/report/report.hpp"

namespace painlog::report_detail {

struct BodyPanel {
    std::string label;  // "Baseline", "Since the infusion", "The period"
    std::string dates;  // "14 Sep–27 Sep"
    const BodySummary* body = nullptr;
};
[[nodiscard]] std::vector<BodyPanel> body_panels(const Report& report);
// Whether any panel has a region or quality: the section is shown only then.
[[nodiscard]] bool has_body_map(const Report& report);

// How many rows of regions and of qualities the text, Markdown and HTML
// tables show (most reported first); JSON has them all.
inline constexpr std::size_t report_body_rows = 8;
inline constexpr std::size_t report_quality_rows = 5;

// One row: a name and per panel "93 % (13)" (the share and its days).
struct BodyRow {
    std::string name;
    std::vector<std::string> cells;
};
struct BodyRows {
    std::vector<BodyRow> rows;
    std::size_t more = 0;  // names left out
};
[[nodiscard]] BodyRows body_rows(const Report& report, bool regions);
// "Regions a day: 2.1 in the baseline, 0.9 since the infusion." and the
// WPI areas reported in the period's last week.
[[nodiscard]] std::vector<std::string> body_lines(const Report& report);

[[nodiscard]] std::string body_map_text(const Report& report);
[[nodiscard]] std::string body_map_markdown(const Report& report);
// {"panels":[{"label","from","to","days_logged","regions_per_day",
//   "regions":[{"region","days","share","step"}],"qualities":[{"quality","days","share"}]}]}
// ("step": the map's shading step, 0-4); null without a region or quality.
[[nodiscard]] nlohmann::ordered_json body_map_json(const Report& report);
// The template's body_map data: panels with their SVG, the legend, rows, lines.
[[nodiscard]] kainjow::mustache::data body_map_data(const Report& report);

}  // namespace painlog::report_detail
