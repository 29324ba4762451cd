// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/report/svg_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

#include <fmt/compile.h>
#include <fmt/format.h>

namespace painlog {
namespace {

struct Look {
    std::string_view color;
    std::string_view dash;  // stroke-dasharray; empty for solid
};

// Okabe & Ito (2008) colours: vermillion, blue, bluish green, reddish purple.
// Their greys differ and each has its own dash pattern and marker shape.
constexpr std::array<Look, 4> looks{{
    {"#D55E00", ""},
    {"#0072B2", "7 4"},
    {"#009E73", "2 3"},
    {"#CC79A7", "9 3 2 3"},
}};

const Look& look_of(int style) { return looks[static_cast<std::size_t>(std::clamp(style, 0, 3))]; }

constexpr double margin_left = 46;
constexpr double margin_right = 14;
constexpr double margin_top = 30;
constexpr double margin_bottom = 34;

class Geometry {
public:
    explicit Geometry(const ChartSpec& spec)
        : spec_(spec),
          plot_w_(std::max(10.0, spec.width - margin_left - margin_right)),
          plot_h_(std::max(10.0, spec.height - margin_top - margin_bottom)),
          span_(std::max<long>(0, (spec.to - spec.from).count())) {}

    [[nodiscard]] double left() const { return margin_left; }
    [[nodiscard]] double right() const { return margin_left + plot_w_; }
    [[nodiscard]] double top() const { return margin_top; }
    [[nodiscard]] double bottom() const { return margin_top + plot_h_; }
    [[nodiscard]] long span() const { return span_; }
    // Horizontal room one day takes.
    [[nodiscard]] double day_width() const { return span_ == 0 ? plot_w_ : plot_w_ / static_cast<double>(span_); }

    [[nodiscard]] bool contains(Day day) const { return day >= spec_.from && day <= spec_.to; }
    [[nodiscard]] double x(Day day) const {
        if (span_ == 0) return left() + plot_w_ / 2;
        auto offset = static_cast<double>((day - spec_.from).count());
        return left() + offset * plot_w_ / static_cast<double>(span_);
    }
    [[nodiscard]] double y(double value) const {
        double lo = spec_.y_min;
        double hi = spec_.y_max > lo ? spec_.y_max : lo + 1;
        double v = std::clamp(value, lo, hi);
        return top() + (hi - v) / (hi - lo) * plot_h_;
    }

private:
    const ChartSpec& spec_;
    double plot_w_;
    double plot_h_;
    long span_;
};

using Out = std::back_insert_iterator<std::string>;

// Compiled format strings: a ten-year chart draws thousands of markers.
void marker(Out out, int style, double x, double y, double r) {
    auto color = look_of(style).color;
    switch (std::clamp(style, 0, 3)) {
        case 0: fmt::format_to(out, FMT_COMPILE(R"(<circle cx="{:.1f}" cy="{:.1f}" r="{:.1f}" fill="{}"/>)"), x, y, r, color); break;
        case 1:
            fmt::format_to(out, FMT_COMPILE(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"/>)"), x - r,
                           y - r, 2 * r, 2 * r, color);
            break;
        case 2:
            fmt::format_to(out, FMT_COMPILE(R"(<path d="M{:.1f} {:.1f}L{:.1f} {:.1f}L{:.1f} {:.1f}Z" fill="{}"/>)"), x, y - 1.3 * r,
                           x + 1.2 * r, y + r, x - 1.2 * r, y + r, color);
            break;
        default:
            fmt::format_to(out, FMT_COMPILE(R"(<path d="M{:.1f} {:.1f}L{:.1f} {:.1f}L{:.1f} {:.1f}L{:.1f} {:.1f}Z" fill="{}"/>)"), x,
                           y - 1.4 * r, x + 1.4 * r, y, x, y + 1.4 * r, x - 1.4 * r, y, color);
            break;
    }
}

std::string dash_attr(int style) {
    auto dash = look_of(style).dash;
    return dash.empty() ? std::string() : fmt::format(R"( stroke-dasharray="{}")", dash);
}

// Days between x-axis ticks: the smallest step giving at most `max_ticks`
// ticks (10 on a 720-wide chart: one per 66 px at least).
long tick_step(long span, long max_ticks) {
    for (long step : {1L, 2L, 7L, 14L, 28L, 56L, 91L, 182L, 364L})
        if (span / step < max_ticks) return step;
    return (span / (max_ticks - 1) / 364 + 1) * 364;
}

std::string tick_label(Day day, long step) {
    return step >= 91 ? date::format("%b %Y", day) : date::format("%d %b", day);
}

void legend(Out out, const ChartSpec& spec, const Geometry& g) {
    double x = g.left();
    double y = 14;
    bool any_smooth = false;
    for (const auto& series : spec.series) {
        const auto& look = look_of(series.style);
        marker(out, series.style, x + 4, y - 4, 3.2);
        if (!series.smooth.empty()) {
            any_smooth = true;
            fmt::format_to(out, R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="2.5"{}/>)",
                           x + 10, y - 4, x + 36, y - 4, look.color, dash_attr(series.style));
        }
        double text_x = x + (series.smooth.empty() ? 12 : 40);
        fmt::format_to(out, R"(<text x="{:.1f}" y="{:.1f}">{}</text>)", text_x, y, xml_escape(series.name));
        x = text_x + 7.0 * static_cast<double>(series.name.size()) + 18;
    }
    if (any_smooth && !spec.series.empty())
        fmt::format_to(out, R"(<text x="{:.1f}" y="{:.1f}" font-size="10" fill="#555">markers: daily value · lines: {}</text>)", x, y,
                       xml_escape(spec.smooth_label));
}

void axes(Out out, const ChartSpec& spec, const Geometry& g) {
    // Horizontal grid and y ticks.
    double step = spec.y_step > 0 ? spec.y_step : std::max(1.0, spec.y_max - spec.y_min);
    int count = static_cast<int>(std::floor((spec.y_max - spec.y_min) / step + 1e-9));
    for (int i = 0; i <= count && i <= 50; ++i) {
        double v = spec.y_min + i * step;
        double y = g.y(v);
        fmt::format_to(out, R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#ddd"/>)", g.left(), y,
                       g.right(), y);
        fmt::format_to(out, R"(<text x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)", g.left() - 5, y + 3.5,
                       std::fabs(v - std::round(v)) < 1e-9 ? fmt::format("{}", std::lround(v)) : fmt::format("{:.1f}", v));
    }
    double mid = (g.top() + g.bottom()) / 2;
    fmt::format_to(out, R"svg(<text x="12" y="{:.1f}" transform="rotate(-90 12 {:.1f})" text-anchor="middle">{}</text>)svg", mid, mid,
                   xml_escape(spec.y_label));
    // x ticks.
    long max_ticks = std::max(2L, std::lround((g.right() - g.left()) / 66));
    long step_days = tick_step(g.span(), max_ticks);
    for (long d = 0; d <= g.span(); d += step_days) {
        Day day = spec.from + date::days{d};
        double x = g.x(day);
        fmt::format_to(out, R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#555"/>)", x, g.bottom(), x,
                       g.bottom() + 4);
        fmt::format_to(out, R"(<text x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)", x, g.bottom() + 15,
                       tick_label(day, step_days));
    }
    fmt::format_to(out, R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="none" stroke="#555"/>)", g.left(),
                   g.top(), g.right() - g.left(), g.bottom() - g.top());
}

void ranges(Out out, const ChartSpec& spec, const Geometry& g) {
    for (const auto& range : spec.ranges) {
        if (range.to < spec.from || range.from > spec.to || range.to < range.from) continue;
        double half = g.day_width() / 2;
        double x1 = std::max(g.left(), g.x(std::max(range.from, spec.from)) - half);
        double x2 = std::min(g.right(), g.x(std::min(range.to, spec.to)) + half);
        fmt::format_to(out, R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#000" fill-opacity="0.09"/>)", x1, g.top(),
                       std::max(0.0, x2 - x1), g.bottom() - g.top());
        if (!range.label.empty())
            fmt::format_to(out, R"(<text x="{:.1f}" y="{:.1f}" font-size="10" font-style="italic" fill="#444">{}</text>)", x1 + 3, g.bottom() - 4,
                           xml_escape(range.label));
    }
}

void thresholds(Out out, const ChartSpec& spec, const Geometry& g) {
    for (const auto& line : spec.lines) {
        if (line.value < spec.y_min || line.value > spec.y_max) continue;
        double y = g.y(line.value);
        fmt::format_to(out, R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#666" stroke-dasharray="1 3"/>)", g.left(), y,
                       g.right(), y);
        fmt::format_to(out, R"(<text x="{:.1f}" y="{:.1f}" text-anchor="end" font-size="10" fill="#555">{}</text>)", g.right() - 3, y - 3,
                       xml_escape(line.label));
    }
}

void markers(Out out, const ChartSpec& spec, const Geometry& g) {
    for (const auto& m : spec.markers) {
        if (!g.contains(m.day)) continue;
        double x = g.x(m.day);
        fmt::format_to(out, R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#000" stroke-width="1.5" stroke-dasharray="5 3"/>)", x, g.top() - 2, x,
                       g.bottom());
        if (!m.label.empty())
            fmt::format_to(out, R"(<text x="{:.1f}" y="{:.1f}" font-size="10" font-weight="bold">{}</text>)", x + 3, g.top() + 9,
                           xml_escape(m.label));
    }
}

void series_lines(Out out, const ChartSeries& series, const Geometry& g) {
    const auto& look = look_of(series.style);
    std::string points;
    auto flush = [&] {
        if (points.empty()) return;
        fmt::format_to(out,
                       R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round"{}/>)",
                       points, look.color, dash_attr(series.style));
        points.clear();
    };
    std::optional<Day> previous;
    for (const auto& p : series.smooth) {
        if (!g.contains(p.day)) continue;
        // A missing value or a skipped day breaks the line.
        if (!p.value || (!series.join && previous && p.day - *previous > date::days{1})) flush();
        if (p.value) {
            if (!points.empty()) points += ' ';
            fmt::format_to(std::back_inserter(points), FMT_COMPILE("{:.1f},{:.1f}"), g.x(p.day), g.y(*p.value));
            previous = p.day;
        }
    }
    flush();
}

void series_markers(Out out, const ChartSeries& series, const Geometry& g) {
    fmt::format_to(out, R"(<g opacity="0.75">)");
    for (const auto& p : series.daily)
        if (p.value && g.contains(p.day)) marker(out, series.style, g.x(p.day), g.y(*p.value), 2.4);
    fmt::format_to(out, "</g>");
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': result += "&amp;"; break;
            case '<': result += "&lt;"; break;
            case '>': result += "&gt;"; break;
            case '"': result += "&quot;"; break;
            case '\'': result += "&#39;"; break;
            default: result += c;
        }
    }
    return result;
}

std::string_view chart_color(int style) { return look_of(style).color; }

std::string svg_chart(const ChartSpec& spec) {
    Geometry g(spec);
    std::string svg;
    auto out = std::back_inserter(svg);
    fmt::format_to(out,
                   R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-label="{}" class="chart">)",
                   spec.width, spec.height, xml_escape(spec.title));
    fmt::format_to(out, "<title>{}</title>", xml_escape(spec.title));
    fmt::format_to(out, R"(<g font-family="sans-serif" font-size="11" fill="#222">)");
    ranges(out, spec, g);
    axes(out, spec, g);
    thresholds(out, spec, g);
    for (const auto& series : spec.series) series_markers(out, series, g);
    for (const auto& series : spec.series) series_lines(out, series, g);
    markers(out, spec, g);
    legend(out, spec, g);
    svg += "</g></svg>";
    return svg;
}

}  // namespace painlog
