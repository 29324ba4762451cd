// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/report/infusion_charts.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "painlog/analysis/infusion_course.hpp"
#include "painlog/report/svg_chart.hpp"

namespace painlog {
namespace {

using Out = std::back_insert_iterator<std::string>;

// ---------------------------------------------------------------- response curves

constexpr double curves_width = 720, curves_height = 250;
constexpr double curve_left = 52, curve_right = 706, curve_top = 34, curve_bottom = 214;
constexpr double pct_top = 40, pct_bottom = -100;

double x_of(int day) {
    return curve_left + (day - curve_first_day) * (curve_right - curve_left) / (curve_last_day - curve_first_day);
}
double y_of(double pct) { return curve_top + (pct_top - std::clamp(pct, pct_bottom, pct_top)) * (curve_bottom - curve_top) / (pct_top - pct_bottom); }

void curve_axes(Out out) {
    for (int pct = static_cast<int>(pct_top); pct >= pct_bottom; pct -= 20) {
        fmt::format_to(out, R"(<line x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}" stroke="{}"/>)", curve_left, y_of(pct), curve_right,
                       y_of(pct), pct == 0 ? "#888" : "#ddd");
        fmt::format_to(out, R"(<text x="{}" y="{:.1f}" text-anchor="end">{:+d} %</text>)", curve_left - 5, y_of(pct) + 3.5, pct);
    }
    for (int day = curve_first_day; day <= curve_last_day; day += 7)
        fmt::format_to(out, R"(<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>)", x_of(day), curve_bottom + 15, day);
    fmt::format_to(out, R"(<text x="{:.1f}" y="{}" text-anchor="middle" fill="#444">days from the infusion</text>)",
                   (curve_left + curve_right) / 2, curve_bottom + 30);
    fmt::format_to(out, R"(<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#555"/>)", curve_left, curve_top,
                   curve_right - curve_left, curve_bottom - curve_top);
    // The thresholds of a response, and the infusion day.
    for (auto [pct, label] : {std::pair{-30.0, "−30 % (moderate)"}, std::pair{-50.0, "−50 % (substantial)"}}) {
        fmt::format_to(out, R"(<line x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}" stroke="#000" stroke-dasharray="6 3"/>)", curve_left,
                       y_of(pct), curve_right, y_of(pct));
        fmt::format_to(out, R"(<text x="{}" y="{:.1f}" text-anchor="end" font-size="10">{}</text>)", curve_right - 4, y_of(pct) - 3,
                       label);
    }
    fmt::format_to(out, R"(<line x1="{0:.1f}" y1="{1}" x2="{0:.1f}" y2="{2}" stroke="#000" stroke-width="1.5"/>)", x_of(0),
                   curve_top, curve_bottom);
    fmt::format_to(out, R"(<text x="{:.1f}" y="{}" font-size="10" font-weight="bold">infusion</text>)", x_of(0) + 3, curve_top + 10);
}

struct LineLook {
    std::string_view color;
    double width;
    std::string_view dash;
    double opacity;
};

// Broken where a day has no mean and at the infusion day.
void curve_line(Out out, const InfusionResponse& r, const LineLook& look) {
    std::string points;
    auto flush = [&] {
        if (points.find(' ') != std::string::npos)
            fmt::format_to(out,
                           R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-opacity="{:.2f}" stroke-linejoin="round"{}/>)",
                           points, look.color, look.width, look.opacity,
                           look.dash.empty() ? std::string() : fmt::format(R"( stroke-dasharray="{}")", look.dash));
        points.clear();
    };
    int previous = curve_first_day - 2;
    for (const auto& p : r.curve) {
        if (!p.change_pct || p.day != previous + 1) flush();
        if (!p.change_pct) continue;
        if (!points.empty()) points += ' ';
        fmt::format_to(std::back_inserter(points), "{:.1f},{:.1f}", x_of(p.day), y_of(*p.change_pct));
        previous = p.day;
    }
    flush();
}

void curves_legend(Out out, const InfusionResponse& newest, const InfusionResponse* before, bool older) {
    double x = curve_left;
    auto item = [&](std::string_view color, std::string_view dash, double width, const std::string& text) {
        fmt::format_to(out, R"(<line x1="{0}" y1="16" x2="{1}" y2="16" stroke="{2}" stroke-width="{3}"{4}/>)", x, x + 26, color,
                       width, dash.empty() ? std::string() : fmt::format(R"( stroke-dasharray="{}")", dash));
        fmt::format_to(out, R"(<text x="{}" y="20">{}</text>)", x + 31, xml_escape(text));
        x += 40 + 6.2 * static_cast<double>(text.size());
    };
    auto name = [](const InfusionResponse& r) {
        return fmt::format("infusion {} ({})", r.number, format_day(r.infusion.day));
    };
    item("#D55E00", "", 3, name(newest) + ", newest");
    if (before) item("#0072B2", "6 3", 2, name(*before));
    if (older) item("#999", "", 1.2, "earlier ones (lighter: older)");
}

// ---------------------------------------------------------------- calendar

constexpr double cell = 11, pitch = 13, cal_left = 30, cal_top = 18;

}  // namespace

std::string response_curves_svg(const std::vector<InfusionResponse>& responses) {
    std::vector<const InfusionResponse*> drawn;
    for (const auto& r : responses)
        if (!r.curve.empty()) drawn.push_back(&r);
    if (drawn.empty()) return "";
    std::ranges::sort(drawn, {}, &InfusionResponse::number);
    std::string svg;
    auto out = std::back_inserter(svg);
    constexpr std::string_view title = "Response curves: each infusion's 7-day mean pain as percent change from its baseline";
    fmt::format_to(out, R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-label="{}" class="chart">)",
                   curves_width, curves_height, title);
    fmt::format_to(out, "<title>{}</title>", title);
    fmt::format_to(out, R"(<g font-family="sans-serif" font-size="11" fill="#222">)");
    curve_axes(out);
    auto older = drawn.size() > 2 ? drawn.size() - 2 : 0;
    for (std::size_t i = 0; i < older; ++i)  // oldest first, so that newer lines lie on curve_top
        curve_line(out, *drawn[i], {"#999", 1.2, "", 0.3 + 0.5 * static_cast<double>(i + 1) / static_cast<double>(older)});
    if (drawn.size() > 1) curve_line(out, *drawn[drawn.size() - 2], {"#0072B2", 2, "6 3", 1});
    curve_line(out, *drawn.back(), {"#D55E00", 3, "", 1});
    curves_legend(out, *drawn.back(), drawn.size() > 1 ? drawn[drawn.size() - 2] : nullptr, older > 0);
    svg += "</g></svg>";
    return svg;
}

std::string calendar_svg(const PainCalendar& calendar) {
    Day first_monday = calendar.from - date::days{date::weekday(calendar.from).iso_encoding() - 1};
    int weeks = days_between(first_monday, calendar.to) / 7 + 1;
    // At least as wide as the legend.
    double width = std::max(cal_left + weeks * pitch + 4, 480.0), height = cal_top + 7 * pitch + 22;
    std::string svg;
    auto out = std::back_inserter(svg);
    auto title = fmt::format("Pain by day, {} to {}", format_day(calendar.from), format_day(calendar.to));
    fmt::format_to(out, R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-label="{}" class="chart">)",
                   width, height, title);
    fmt::format_to(out, "<title>{}</title>", title);
    fmt::format_to(out, R"(<g font-family="sans-serif" font-size="10" fill="#222">)");
    for (auto [row, name] : {std::pair{0, "Mon"}, std::pair{2, "Wed"}, std::pair{4, "Fri"}, std::pair{6, "Sun"}})
        fmt::format_to(out, R"(<text x="{}" y="{:.1f}" text-anchor="end">{}</text>)", cal_left - 4, cal_top + row * pitch + 9, name);
    const auto& scale = calendar_scale();
    for (const auto& d : calendar.days) {
        int offset = days_between(first_monday, d.day);
        double x = cal_left + (offset / 7) * pitch, y = cal_top + (offset % 7) * pitch;
        if (date::year_month_day(d.day).day() == date::day{1})
            fmt::format_to(out, R"(<text x="{}" y="{}">{}</text>)", x, cal_top - 5, date::format("%b", d.day));
        if (d.pain)
            fmt::format_to(out, R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)", x, y, cell, cell,
                           scale[static_cast<std::size_t>(pain_level(*d.pain))].color);
        else
            fmt::format_to(out, R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#fff" stroke="#ccc"/>)", x + 0.5, y + 0.5,
                           cell - 1, cell - 1);
        if (d.infusion)
            fmt::format_to(out, R"(<circle cx="{}" cy="{}" r="3.2" fill="#fff" stroke="#000" stroke-width="1.5"/>)", x + cell / 2,
                           y + cell / 2);
    }
    double ly = cal_top + 7 * pitch + 16, lx = cal_left;
    for (std::size_t i = 0; i < scale.size(); ++i) {
        fmt::format_to(out, R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)", lx, ly - 9, cell, cell, scale[i].color);
        auto label = i + 1 < scale.size() ? fmt::format("{:g}–{:.1f}", scale[i].from, scale[i].below - 0.1)
                                          : fmt::format("{:g}–10", scale[i].from);
        fmt::format_to(out, R"(<text x="{}" y="{}">{}</text>)", lx + cell + 3, ly, label);
        lx += cell + 50;
    }
    fmt::format_to(out, R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#fff" stroke="#ccc"/><text x="{}" y="{}">no rating</text>)",
                   lx + 0.5, ly - 8.5, cell - 1, cell - 1, lx + cell + 3, ly);
    lx += cell + 62;
    fmt::format_to(out, R"(<circle cx="{}" cy="{}" r="3.2" fill="#fff" stroke="#000" stroke-width="1.5"/><text x="{}" y="{}">infusion</text>)",
                   lx + cell / 2, ly - 3.5, lx + cell + 3, ly);
    svg += "</g></svg>";
    return svg;
}

}  // namespace painlog
