// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/report/body_map.hpp"

#include <cmath>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "painlog/report/svg_chart.hpp"

namespace painlog {
namespace {

// The outlines are drawn in a box 120 wide and 244 high per view, centred
// on x = 60; a part of one side is drawn on the viewer's left and mirrored
// (x -> 120 - x) for the other side.
constexpr double map_view_width = 120;
constexpr double map_back_offset = 130;
constexpr double map_centre = 60;

struct MapPoint {
    double x, y;
};

// One drawn part: the region's name without "left-" or "right-" for a
// sided part (whose viewer-left copy is the person's right in front and
// left at the back), or its whole name.
struct MapPart {
    std::string_view name;
    bool sided;
    std::vector<MapPoint> points;  // the viewer-left copy of a sided part
};

// The head as an ellipse (centre 60,20; radii 12 and 15), cut into bands.
enum class HeadHalf { whole, left };
std::vector<MapPoint> head_band(double y0, double y1, HeadHalf half) {
    auto x_at = [](double y) {
        double t = (y - 20) / 15;
        return 12 * std::sqrt(std::max(0.0, 1 - t * t));
    };
    std::vector<MapPoint> pts;
    for (double y = y0; y <= y1 + 1e-9; y += 1) pts.push_back({map_centre - x_at(y), y});
    if (half == HeadHalf::left) {
        pts.push_back({map_centre, y1});
        pts.push_back({map_centre, y0});
        return pts;
    }
    for (double y = y1; y >= y0 - 1e-9; y -= 1) pts.push_back({map_centre + x_at(y), y});
    return pts;
}

// What the front and the back share: neck, shoulders, arms, knees, ankles.
std::vector<MapPart> shared_parts() {
    return {
        {"neck", false, {{54, 34}, {66, 34}, {67, 42}, {53, 42}}},
        {"shoulder", true, {{53, 42}, {40, 46}, {32, 52}, {31, 60}, {39, 62}, {41, 58}, {46, 52}, {53, 50}}},
        {"upper-arm", true, {{31, 60}, {39, 62}, {36, 92}, {27, 92}}},
        {"elbow", true, {{27, 92}, {36, 92}, {35, 102}, {25, 102}}},
        {"lower-arm", true, {{25, 102}, {35, 102}, {31, 134}, {21, 134}}},
        {"hand", true, {{21, 134}, {31, 134}, {33, 147}, {27, 155}, {18, 151}, {17, 140}}},
        {"knee", true, {{43, 168}, {58, 168}, {57, 182}, {44, 182}}},
        {"ankle", true, {{47, 222}, {55, 222}, {55, 230}, {47, 230}}},
    };
}

const std::vector<MapPart>& front_parts() {
    static const std::vector<MapPart> parts = [] {
        std::vector<MapPart> p{
            {"head", false, head_band(5, 15, HeadHalf::whole)},
            {"face", true, head_band(15, 26, HeadHalf::left)},
            {"jaw", true, head_band(26, 35, HeadHalf::left)},
            {"chest", false, {{53, 50}, {46, 52}, {41, 58}, {41, 78}, {79, 78}, {79, 58}, {74, 52}, {67, 50}}},
            {"flank", true, {{41, 78}, {47, 78}, {47, 100}, {42, 100}}},
            {"abdomen", false, {{47, 78}, {73, 78}, {73, 104}, {47, 104}}},
            {"hip", true, {{42, 100}, {47, 100}, {47, 104}, {50, 104}, {50, 116}, {40, 122}, {39, 112}}},
            {"groin", false, {{50, 104}, {70, 104}, {70, 116}, {60, 128}, {50, 116}}},
            {"thigh", true, {{40, 122}, {50, 116}, {60, 128}, {58, 168}, {43, 168}, {39, 140}}},
            {"shin", true, {{44, 182}, {57, 182}, {55, 222}, {47, 222}}},
            {"foot", true, {{46, 230}, {56, 230}, {60, 244}, {40, 244}}},
        };
        auto shared = shared_parts();
        p.insert(p.end(), shared.begin(), shared.end());
        return p;
    }();
    return parts;
}

const std::vector<MapPart>& back_parts() {
    static const std::vector<MapPart> parts = [] {
        std::vector<MapPart> p{
            {"head", false, head_band(5, 35, HeadHalf::whole)},
            {"upper-back", false, {{53, 50}, {46, 52}, {41, 58}, {41, 84}, {79, 84}, {79, 58}, {74, 52}, {67, 50}}},
            {"flank", true, {{41, 84}, {47, 84}, {47, 100}, {42, 100}}},
            {"lower-back", false, {{47, 84}, {73, 84}, {73, 104}, {47, 104}}},
            {"tailbone", false, {{55, 104}, {65, 104}, {60, 113}}},
            {"buttock", true, {{42, 100}, {47, 100}, {47, 104}, {55, 104}, {60, 113}, {60, 128}, {40, 122}, {39, 112}}},
            {"thigh-back", true, {{40, 122}, {60, 128}, {58, 168}, {43, 168}, {39, 140}}},
            {"calf", true, {{44, 182}, {57, 182}, {55, 222}, {47, 222}}},
            {"sole", true, {{46, 230}, {56, 230}, {58, 244}, {44, 244}}},
        };
        auto shared = shared_parts();
        p.insert(p.end(), shared.begin(), shared.end());
        return p;
    }();
    return parts;
}

constexpr std::array<std::string_view, body_map_steps> step_fills{"#ffffff", "#fdbe85", "#fd8d3c", "#d94701",
                                                                  "#8c2d04"};
constexpr std::array<std::string_view, body_map_steps> step_labels{"not reported", "under 25 %", "25–49 %", "50–74 %",
                                                              "75 % or more"};

std::string map_path(const std::vector<MapPoint>& points, double dx, bool mirrored) {
    std::string d;
    for (const auto& p : points) {
        double x = (mirrored ? map_view_width - p.x : p.x) + dx;
        d += fmt::format("{}{:.1f},{:.1f}", d.empty() ? "M" : " L", x, p.y);
    }
    return d + " Z";
}

std::string region_title(const BodyRegion& region, const std::optional<double>& share) {
    if (share_step(share) == 0) return fmt::format("{}: not reported", region.label);
    return fmt::format("{}: {:.0f} % of days", region.label, *share * 100);
}

// The paths of one view; `viewer_left` is the side drawn on the viewer's left.
void draw_map_view(std::string& out, const BodyMapSpec& spec, const std::vector<MapPart>& parts, double dx,
               std::string_view viewer_left, std::string_view viewer_right) {
    auto regions = body_regions();
    auto draw = [&](const std::string& name, const std::vector<MapPoint>& points, bool mirrored) {
        auto index = region_index(name);
        if (!index) return;
        const auto& share = spec.shares[*index];
        int step = share_step(share);
        fmt::format_to(std::back_inserter(out),
                       R"(<path d="{}" fill="{}" data-region="{}" data-step="{}"><title>{}</title></path>)",
                       map_path(points, dx, mirrored), step_fill(step), name, step,
                       xml_escape(region_title(regions[*index], share)));
    };
    for (const auto& part : parts) {
        if (!part.sided) {
            draw(std::string(part.name), part.points, false);
            continue;
        }
        draw(fmt::format("{}-{}", viewer_left, part.name), part.points, false);
        draw(fmt::format("{}-{}", viewer_right, part.name), part.points, true);
    }
}

}  // namespace

int share_step(const std::optional<double>& share) {
    if (!share || *share <= 0) return 0;
    if (*share < 0.25) return 1;
    if (*share < 0.5) return 2;
    if (*share < 0.75) return 3;
    return 4;
}

std::string_view step_fill(int step) { return step_fills[static_cast<std::size_t>(step)]; }
std::string_view step_label(int step) { return step_labels[static_cast<std::size_t>(step)]; }

std::string body_map_svg(const BodyMapSpec& spec) {
    std::string out = fmt::format(
        R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {:g} 270" role="img" aria-label="{}" class="bodymap">)",
        map_back_offset + map_view_width, xml_escape(spec.title));
    out += fmt::format("<title>{}</title>", xml_escape(spec.title));
    out += R"(<g stroke="#555" stroke-width="0.7" stroke-linejoin="round">)";
    draw_map_view(out, spec, front_parts(), 0, "right", "left");
    draw_map_view(out, spec, back_parts(), map_back_offset, "left", "right");
    out += "</g>";
    // Which side is which, and which view: dark text, readable in greyscale.
    // The figure prints about 40 mm wide: text at 20 units is about 7 pt.
    out += R"(<g font-family="sans-serif" font-size="20" font-weight="bold" fill="#111" text-anchor="middle">)";
    out += fmt::format(R"(<text x="{:g}" y="266">Front</text><text x="{:g}" y="266">Back</text>)", map_centre,
                       map_back_offset + map_centre);
    out += R"(<text x="9" y="80">R</text><text x="111" y="80">L</text>)";
    out += fmt::format(R"(<text x="{:g}" y="80">L</text><text x="{:g}" y="80">R</text>)", map_back_offset + 9,
                       map_back_offset + 111);
    return out + "</g></svg>";
}

std::string body_map_legend() {
    constexpr double step_width = 92;
    std::string out = fmt::format(
        R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {:g} 16" role="img" aria-label="Shading: share of days reported" class="bodymap-legend">)",
        step_width * (body_map_steps - 1) + 100);
    out += "<title>Shading: share of days reported</title>";
    out += R"(<g font-family="sans-serif" font-size="11" fill="#111">)";
    for (int step = 0; step < body_map_steps; ++step) {
        double x = step * step_width;
        fmt::format_to(std::back_inserter(out),
                       R"(<rect x="{:g}" y="2" width="14" height="12" fill="{}" stroke="#555" stroke-width="0.7"/>)"
                       R"(<text x="{:g}" y="12.5">{}</text>)",
                       x + 1, step_fill(step), x + 19, step_label(step));
    }
    return out + "</g></svg>";
}

}  // namespace painlog
