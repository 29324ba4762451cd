// SPDX-License-Identifier: GPL-3.0-or-later
// The body map SVG (issue 17): every region drawn in its views, each shaded
// by the step of its share, text escaped, and the five-step legend.

#include <doctest/doctest.h>

#include <regex>
#include <string>

#include "painlog/report/body_map.hpp"

namespace painlog::test_body_map {

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

// The data-step of each path drawn for `region`.
std::vector<int> steps_of(const std::string& svg, std::string_view region) {
    std::vector<int> steps;
    std::regex path(R"re(<path d="[^"]*" fill="(#[0-9a-f]{6})" data-region="([a-z-]+)" data-step="([0-4])">)re");
    for (std::sregex_iterator it(svg.begin(), svg.end(), path), end; it != end; ++it) {
        if ((*it)[2] != std::string(region)) continue;
        int step = std::stoi((*it)[3]);
        CHECK((*it)[1] == std::string(step_fill(step)));  // the fill is the step's
        steps.push_back(step);
    }
    return steps;
}

}  // namespace

TEST_CASE("shares fall into five steps with inclusive lower bounds") {
    CHECK(share_step(std::nullopt) == 0);
    CHECK(share_step(0.0) == 0);
    CHECK(share_step(0.01) == 1);
    CHECK(share_step(0.2499) == 1);
    CHECK(share_step(0.25) == 2);
    CHECK(share_step(0.4999) == 2);
    CHECK(share_step(0.5) == 3);
    CHECK(share_step(0.75) == 4);
    CHECK(share_step(1.0) == 4);
    // Each step darker than the one before (sRGB luminance), so greyscale keeps them apart.
    double previous = 2;
    for (int step = 0; step < body_map_steps; ++step) {
        auto hex = std::string(step_fill(step)).substr(1);
        double r = std::stoi(hex.substr(0, 2), nullptr, 16), g = std::stoi(hex.substr(2, 2), nullptr, 16),
               b = std::stoi(hex.substr(4, 2), nullptr, 16);
        double luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        CHECK(luminance < previous - 0.12);
        previous = luminance;
    }
}

TEST_CASE("every region is drawn in its views, shaded by the step of its share") {
    BodyMapSpec spec;
    spec.title = "Where it hurt <before> & after";
    auto set = [&](std::string_view name, double share) { spec.shares[*region_index(name)] = share; };
    set("left-foot", 13.0 / 13);   // 100 %: step 4
    set("right-foot", 0.48);       // step 2
    set("lower-back", 2.0 / 13);   // 15 %: step 1
    set("head", 0.5);              // step 3, front and back
    auto svg = body_map_svg(spec);
    for (const auto& region : body_regions()) {
        CAPTURE(region.name);
        auto steps = steps_of(svg, region.name);
        CHECK(steps.size() == (region.view == View::both ? 2u : 1u));
    }
    CHECK(steps_of(svg, "left-foot") == std::vector<int>{4});
    CHECK(steps_of(svg, "right-foot") == std::vector<int>{2});
    CHECK(steps_of(svg, "lower-back") == std::vector<int>{1});
    CHECK(steps_of(svg, "head") == std::vector<int>{3, 3});
    CHECK(steps_of(svg, "left-sole") == std::vector<int>{0});
    CHECK(svg.find("<title>left foot: 100 % of days</title>") != std::string::npos);
    CHECK(svg.find("<title>right sole: not reported</title>") != std::string::npos);
    // One root element, the text escaped, labels for the views and sides.
    CHECK(svg.starts_with(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 250 270" role="img" )"
                          R"(aria-label="Where it hurt &lt;before&gt; &amp; after" class="bodymap">)"));
    CHECK(svg.ends_with("</svg>"));
    CHECK(count_of(svg, "<svg") == 1);
    CHECK(count_of(svg, "<path") == count_of(svg, "</path>"));
    CHECK(svg.find(">Front</text>") != std::string::npos);
    CHECK(svg.find(">Back</text>") != std::string::npos);
    CHECK(count_of(svg, ">R</text>") == 2);
    CHECK(count_of(svg, ">L</text>") == 2);
    // The same shares, the same bytes.
    CHECK(body_map_svg(spec) == svg);
}

TEST_CASE("the front shows the person's right on the viewer's left, the back their left") {
    auto svg = body_map_svg({});
    // The first coordinate of a region's path: x below the view's centre is the viewer's left.
    auto first_x = [&](std::string_view region) {
        std::regex path(std::string(R"re(<path d="M([0-9.]+),[0-9.]+[^"]*" fill="#[0-9a-f]{6}" data-region=")re") +
                        std::string(region) + "\"");
        std::smatch m;
        REQUIRE(std::regex_search(svg, m, path));
        return std::stod(m[1]);
    };
    CHECK(first_x("right-foot") < 60);   // front view, viewer's left
    CHECK(first_x("left-foot") > 60);
    CHECK(first_x("left-sole") < 190);   // back view (offset 130), viewer's left
    CHECK(first_x("right-sole") > 190);
}

TEST_CASE("the legend names the five steps") {
    auto legend = body_map_legend();
    CHECK(count_of(legend, "<rect") == 5);
    for (int step = 0; step < body_map_steps; ++step) {
        CHECK(legend.find(std::string(step_label(step))) != std::string::npos);
        CHECK(legend.find(std::string(step_fill(step))) != std::string::npos);
    }
}

}  // namespace painlog::test_body_map
