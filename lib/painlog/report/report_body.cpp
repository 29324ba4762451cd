// SPDX-License-Identifier: GPL-3.0-or-later
// The report's body map section in every format (report_body.hpp), apart
// from the other sections' renderers so that each reads alone.

#include "painlog/report/report_body.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "painlog/report/body_map.hpp"
#include "painlog/util/table.hpp"
#include "painlog/util/text.hpp"

namespace painlog::report_detail {
namespace {

namespace body_mu = kainjow::mustache;
using BodyJson = nlohmann::ordered_json;

std::string panel_dates(const BodySummary& b) {
    if (b.from == b.to) return date::format("%d %b", b.from);
    return date::format("%d %b", b.from) + "–" + date::format("%d %b", b.to);
}

const BodyNameDays* find_body_name(const std::vector<BodyNameDays>& names, std::size_t index) {
    auto it = std::ranges::find(names, index, &BodyNameDays::index);
    return it == names.end() ? nullptr : &*it;
}

const std::vector<BodyNameDays>& body_names_of(const BodySummary& b, bool regions) {
    return regions ? b.regions : b.qualities;
}

std::string panel_name(bool regions, std::size_t index) {
    return std::string(regions ? body_regions()[index].name : pain_qualities()[index].name);
}

// The names any panel reports, by their largest share, then vocabulary order.
std::vector<std::size_t> names_in_panels(const std::vector<BodyPanel>& panels, bool regions) {
    std::vector<std::pair<double, std::size_t>> found;
    for (const auto& p : panels)
        for (const auto& d : body_names_of(*p.body, regions)) {
            auto it = std::ranges::find(found, d.index, &std::pair<double, std::size_t>::second);
            if (it == found.end()) found.emplace_back(d.share, d.index);
            else it->first = std::max(it->first, d.share);
        }
    std::ranges::sort(found, [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::size_t> out;
    for (const auto& [share, index] : found) out.push_back(index);
    return out;
}

std::string panel_cell(const BodySummary& b, bool regions, std::size_t index) {
    if (b.days_logged == 0) return "–";
    const auto* d = find_body_name(body_names_of(b, regions), index);
    return d ? fmt::format("{:.0f} % ({})", d->share * 100, d->days) : "0 %";
}

std::string panel_heading(const BodyPanel& p) {
    return fmt::format("{} {} ({} logged {})", p.label, p.dates, p.body->days_logged,
                       p.body->days_logged == 1 ? "day" : "days");
}

BodyMapSpec body_map_spec(const BodyPanel& p) {
    BodyMapSpec spec;
    spec.title = fmt::format("Where it hurt: {}", panel_heading(p));
    for (const auto& d : p.body->regions) spec.shares[d.index] = d.share;
    return spec;
}

std::string body_text_table(const Report& r, bool regions) {
    auto panels = body_panels(r);
    auto rows = body_rows(r, regions);
    if (rows.rows.empty()) return "";
    std::vector<Column> columns{{regions ? "where" : "feels"}};
    for (const auto& p : panels) columns.push_back({p.label, Align::right});
    TextTable table(columns);
    for (const auto& row : rows.rows) {
        std::vector<Cell> cells{{row.name}};
        for (const auto& c : row.cells) cells.push_back({c});
        table.add_row(cells);
    }
    auto out = table.render(Color::no, 80);
    if (rows.more > 0) out += fmt::format("…and {} more (all are in --format json).\n", rows.more);
    return out;
}

BodyJson panel_names_json(const BodySummary& b, bool regions) {
    auto list = BodyJson::array();
    for (const auto& d : body_names_of(b, regions)) {
        BodyJson item{{regions ? "region" : "quality", panel_name(regions, d.index)},
                  {"days", d.days},
                  {"share", std::round(d.share * 1000) / 1000}};
        if (regions) item["step"] = share_step(d.share);
        list.push_back(std::move(item));
    }
    return list;
}

body_mu::data body_rows_data(const Report& r, bool regions) {
    body_mu::data list{body_mu::data::type::list};
    for (const auto& row : body_rows(r, regions).rows) {
        body_mu::data item;
        item.set("name", row.name);
        body_mu::data cells{body_mu::data::type::list};
        for (const auto& c : row.cells) cells.push_back(body_mu::data{c});
        item.set("cells", cells);
        list.push_back(item);
    }
    return list;
}

}  // namespace

std::vector<BodyPanel> body_panels(const Report& r) {
    if (!r.infusions.empty()) {
        const auto& inf = r.infusions.back();
        const auto& since = inf.windows.back();
        if (inf.baseline_body && since.body)
            return {{"Baseline", panel_dates(*inf.baseline_body), &*inf.baseline_body},
                    {"Since the infusion", panel_dates(*since.body), &*since.body}};
    }
    return {{"The period", panel_dates(r.summary.body), &r.summary.body}};
}

bool has_body_map(const Report& r) {
    auto panels = body_panels(r);
    return std::ranges::any_of(panels, [](const BodyPanel& p) { return p.body->any(); });
}

BodyRows body_rows(const Report& r, bool regions) {
    auto panels = body_panels(r);
    auto names = names_in_panels(panels, regions);
    auto limit = regions ? report_body_rows : report_quality_rows;
    BodyRows out;
    for (std::size_t i = 0; i < names.size() && i < limit; ++i) {
        BodyRow row{panel_name(regions, names[i]), {}};
        for (const auto& p : panels) row.cells.push_back(panel_cell(*p.body, regions, names[i]));
        out.rows.push_back(std::move(row));
    }
    out.more = names.size() > limit ? names.size() - limit : 0;
    return out;
}

std::vector<std::string> body_lines(const Report& r) {
    auto panels = body_panels(r);
    std::vector<std::string> lines;
    std::string per_day;
    for (const auto& p : panels) {
        if (!p.body->regions_per_day) continue;
        per_day += fmt::format("{}{:.1f} {}", per_day.empty() ? "" : ", ", *p.body->regions_per_day,
                               panels.size() == 1 ? "on average" : p.label == "Baseline" ? "in the baseline"
                                                                                          : "since the infusion");
    }
    if (!per_day.empty()) lines.push_back(fmt::format("Regions a day: {}.", per_day));
    const auto& weeks = r.summary.body.wpi_weeks;
    if (!weeks.empty() && r.summary.body.days_with_regions > 0)
        lines.push_back(fmt::format("WPI areas reported in the week to {}: {} of 19 (a count of the areas named, not "
                                    "the Widespread Pain Index, which is a clinician's assessment of the past week).",
                                    format_day(weeks.back().to), weeks.back().areas.count()));
    return lines;
}

std::string body_map_text(const Report& r) {
    std::string out = "\nWhere it hurt and how it felt\n-----------------------------\n";
    std::string heads;
    for (const auto& p : body_panels(r)) heads += (heads.empty() ? "" : "; ") + panel_heading(p);
    out += wrap_words(fmt::format("Share of logged days on which each was reported (days in brackets). {}.", heads), 80, "", "");
    out += body_text_table(r, true) + body_text_table(r, false);
    for (const auto& line : body_lines(r)) out += wrap_words(line, 80, "", "  ");
    return out;
}

std::string body_map_markdown(const Report& r) {
    auto panels = body_panels(r);
    std::string out = "\n## Where it hurt and how it felt\n\n";
    std::string heads;
    for (const auto& p : panels) heads += (heads.empty() ? "" : "; ") + panel_heading(p);
    out += fmt::format("Share of logged days on which each was reported (days in brackets). {}.\n", heads);
    for (bool regions : {true, false}) {
        auto rows = body_rows(r, regions);
        if (rows.rows.empty()) continue;
        out += fmt::format("\n| {} |", regions ? "Where" : "Feels");
        for (const auto& p : panels) out += fmt::format(" {} |", p.label);
        out += "\n| --- |";
        for (std::size_t i = 0; i < panels.size(); ++i) out += " ---: |";
        out += "\n";
        for (const auto& row : rows.rows) {
            out += fmt::format("| {} |", row.name);
            for (const auto& c : row.cells) out += fmt::format(" {} |", c);
            out += "\n";
        }
        if (rows.more > 0) out += fmt::format("\n…and {} more (all are in --format json).\n", rows.more);
    }
    for (const auto& line : body_lines(r)) out += "\n" + line + "\n";
    return out;
}

BodyJson body_map_json(const Report& r) {
    if (!has_body_map(r)) return nullptr;
    BodyJson panels = BodyJson::array();
    for (const auto& p : body_panels(r)) {
        const auto& b = *p.body;
        panels.push_back({{"label", p.label},
                          {"from", format_day(b.from)},
                          {"to", format_day(b.to)},
                          {"days_logged", b.days_logged},
                          {"regions_per_day", b.regions_per_day ? BodyJson(*b.regions_per_day) : BodyJson(nullptr)},
                          {"regions", panel_names_json(b, true)},
                          {"qualities", panel_names_json(b, false)}});
    }
    return {{"panels", panels}};
}

body_mu::data body_map_data(const Report& r) {
    body_mu::data d;
    auto panels = body_panels(r);
    body_mu::data maps{body_mu::data::type::list};
    body_mu::data heads{body_mu::data::type::list};
    for (const auto& p : panels) {
        body_mu::data map;
        map.set("svg", body_map_svg(body_map_spec(p)));
        map.set("caption", panel_heading(p));
        maps.push_back(map);
        heads.push_back(body_mu::data{p.label});
    }
    d.set("maps", maps);
    d.set("two_maps", panels.size() == 2);
    d.set("legend", body_map_legend());
    d.set("panel_heads", heads);
    d.set("region_rows", body_rows_data(r, true));
    d.set("quality_rows", body_rows_data(r, false));
    auto regions = body_rows(r, true);
    auto qualities = body_rows(r, false);
    if (regions.more + qualities.more > 0)
        d.set("more", fmt::format("…and {} more in the report's JSON.", regions.more + qualities.more));
    body_mu::data lines{body_mu::data::type::list};
    for (const auto& line : body_lines(r)) lines.push_back(body_mu::data{line});
    d.set("lines", lines);
    return d;
}

}  // namespace painlog::report_detail
