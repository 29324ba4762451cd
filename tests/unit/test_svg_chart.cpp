// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <string>

#include "painlog/report/svg_chart.hpp"

namespace painlog::test_svg_chart {
using namespace date::literals;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

// 720 x 230 viewBox with margins left 46, right 14, top 30, bottom 34:
// the plot spans x 46..706 and y 30..196. With from..to = 10 days apart a
// day is 66 px wide; a value of 5 on 0..10 sits at y = 30 + 0.5 * 166 = 113.
ChartSpec ten_days() {
    ChartSpec spec;
    spec.title = "Pain and mood";
    spec.y_label = "0-10";
    spec.from = date::sys_days{2026_y / 11 / 1};
    spec.to = date::sys_days{2026_y / 11 / 11};
    return spec;
}

Day day_of_nov(int d) { return date::sys_days{2026_y / 11 / static_cast<unsigned>(d)}; }

}  // namespace

TEST_CASE("xml_escape escapes the five markup characters") {
    CHECK(xml_escape(R"(<a href="x">Tom & 'Jerry'</a>)") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    CHECK(xml_escape("plain ✓") == "plain ✓");
}

TEST_CASE("svg_chart places values by day and value") {
    auto spec = ten_days();
    spec.series.push_back({"Pain", {{day_of_nov(1), 10.0}, {day_of_nov(6), 5.0}, {day_of_nov(11), 0.0}}, {}, 0});
    auto svg = svg_chart(spec);
    CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 230\""));
    CHECK(svg.ends_with("</svg>"));
    CHECK(svg.find(R"(<circle cx="46.0" cy="30.0")") != std::string::npos);
    CHECK(svg.find(R"(<circle cx="376.0" cy="113.0")") != std::string::npos);
    CHECK(svg.find(R"(<circle cx="706.0" cy="196.0")") != std::string::npos);
}

TEST_CASE("svg_chart clips values and days outside the axes") {
    auto spec = ten_days();
    spec.series.push_back({"Pain", {{day_of_nov(1), 12.0}, {day_of_nov(20), 5.0}, {day_of_nov(2), std::nullopt}}, {}, 0});
    auto svg = svg_chart(spec);
    // 12 is drawn at the top edge; the day after `to` and the missing value are not drawn.
    CHECK(svg.find(R"(<circle cx="46.0" cy="30.0")") != std::string::npos);
    CHECK(count(svg, "<circle") == 2);  // one data point + the legend's
}

TEST_CASE("svg_chart breaks the smoothed line at gaps and skipped days") {
    auto spec = ten_days();
    ChartSeries s{"Mood", {}, {}, 1};
    s.smooth = {{day_of_nov(1), 4.0}, {day_of_nov(2), 5.0}, {day_of_nov(3), std::nullopt}, {day_of_nov(4), 6.0}, {day_of_nov(5), 6.0},
                {day_of_nov(8), 7.0}, {day_of_nov(9), 7.0}};
    spec.series.push_back(s);
    auto svg = svg_chart(spec);
    CHECK(count(svg, "<polyline") == 3);
    CHECK(svg.find(R"(points="46.0,129.6 112.0,113.0")") != std::string::npos);  // 4 -> 30 + 0.6 * 166
    CHECK(count(svg, R"(stroke-dasharray="7 4")") == 4);                         // 3 lines + legend sample
}

TEST_CASE("svg_chart shades ranges, draws markers and threshold lines") {
    auto spec = ten_days();
    spec.ranges.push_back({day_of_nov(1), day_of_nov(3), "baseline"});
    spec.markers.push_back({day_of_nov(4), "Infusion 1"});
    spec.markers.push_back({day_of_nov(30), "outside"});
    spec.lines.push_back({5, "5 mild"});
    spec.lines.push_back({50, "off the scale"});
    auto svg = svg_chart(spec);
    // Range from day 0 to day 2, half a day (33 px) either side, clipped at the left edge.
    CHECK(svg.find(R"(<rect x="46.0" y="30.0" width="165.0" height="166.0" fill="#000" fill-opacity="0.09"/>)") !=
          std::string::npos);
    CHECK(svg.find(">baseline</text>") != std::string::npos);
    CHECK(svg.find(R"(<line x1="244.0" y1="28.0" x2="244.0" y2="196.0" stroke="#000")") != std::string::npos);
    CHECK(svg.find(">Infusion 1</text>") != std::string::npos);
    CHECK(svg.find("outside") == std::string::npos);
    CHECK(svg.find(R"(<line x1="46.0" y1="113.0" x2="706.0" y2="113.0" stroke="#666")") != std::string::npos);
    CHECK(svg.find("off the scale") == std::string::npos);
}

TEST_CASE("svg_chart escapes every piece of text") {
    auto spec = ten_days();
    spec.title = "</svg><script>alert(1)</script>";
    spec.series.push_back({"<b>", {}, {}, 0});
    spec.markers.push_back({day_of_nov(2), "</svg>"});
    spec.ranges.push_back({day_of_nov(2), day_of_nov(3), "a & b"});
    spec.lines.push_back({4, "\"q\""});
    auto svg = svg_chart(spec);
    CHECK(count(svg, "</svg>") == 1);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("a &amp; b") != std::string::npos);
    CHECK(svg.find("&quot;q&quot;") != std::string::npos);
}

TEST_CASE("svg_chart picks at most 10 x ticks and handles a one-day axis") {
    auto spec = ten_days();
    spec.to = spec.from + date::days{69};  // ten weeks: a tick every 7 days
    auto svg = svg_chart(spec);
    CHECK(svg.find(">01 Nov</text>") != std::string::npos);
    CHECK(svg.find(">08 Nov</text>") != std::string::npos);
    CHECK(svg.find(">03 Jan</text>") != std::string::npos);  // day 63
    spec.to = spec.from + date::days{3650};                   // ten years: yearly ticks with the year
    svg = svg_chart(spec);
    CHECK(svg.find(">Nov 2026</text>") != std::string::npos);
    CHECK(svg.find(">01 Nov</text>") == std::string::npos);

    spec.to = spec.from;
    spec.series = {{"Pain", {{spec.from, 5.0}}, {}, 0}};
    svg = svg_chart(spec);
    CHECK(svg.find(R"(<circle cx="376.0" cy="113.0")") != std::string::npos);  // centred
}

TEST_CASE("svg_chart styles differ in colour, dash and marker shape") {
    auto spec = ten_days();
    for (int style = 0; style < 4; ++style) spec.series.push_back({"s", {{day_of_nov(5), 5.0}}, {{day_of_nov(5), 5.0}, {day_of_nov(6), 5.0}}, style});
    auto svg = svg_chart(spec);
    for (auto color : {"#D55E00", "#0072B2", "#009E73", "#CC79A7"}) CHECK(svg.find(color) != std::string::npos);
    CHECK(count(svg, "<circle") == 2);  // style 0: circles
    CHECK(count(svg, "<rect x=") >= 3);  // style 1: squares (+ frame)
    CHECK(svg.find(R"(stroke-dasharray="2 3")") != std::string::npos);
    CHECK(svg.find(R"(stroke-dasharray="9 3 2 3")") != std::string::npos);
    CHECK(svg_chart(spec) == svg);  // deterministic
}

}  // namespace painlog::test_svg_chart
