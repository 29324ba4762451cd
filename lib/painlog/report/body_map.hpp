// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The body map of the HTML report (issue 17): a front and a back outline
// drawn by painlog as one inline SVG, each body region shaded by the share
// of days it was reported. Pure: the same shares always give the same bytes.
//
// Shading is one of five steps (share_step): not reported (white), under
// 25 %, 25-49 %, 50-74 %, 75 % or more, in an orange ramp whose lightness
// falls with each step (about 78, 62, 38 and 24 % grey), so a greyscale
// print keeps them apart; the legend (body_map_legend) names them. The
// front view shows the person's right on the viewer's left, the back view
// the person's left; both say so with R and L beside them.

#include <array>
#include <optional>
#include <string>

#include "painlog/model/body.hpp"

namespace painlog {

struct BodyMapSpec {
    std::string title;  // the SVG's accessible name, e.g. "Where it hurt before the infusion"
    // Indexed by body_regions(): the share of days reported, 0 to 1; none
    // (or 0) for a region not reported.
    std::array<std::optional<double>, max_regions> shares{};
};

inline constexpr int body_map_steps = 5;
// 0 for none or 0; 1 below 0.25; 2 below 0.5; 3 below 0.75; 4 from 0.75.
[[nodiscard]] int share_step(const std::optional<double>& share);
// The fill of a step (#rrggbb).
[[nodiscard]] std::string_view step_fill(int step);
// "not reported", "under 25 %", "25–49 %", "50–74 %", "75 % or more".
[[nodiscard]] std::string_view step_label(int step);

// One <svg class="bodymap">: the front and back outlines side by side, each
// region a <path> with data-region (its name), data-step and a <title>.
[[nodiscard]] std::string body_map_svg(const BodyMapSpec& spec);
// One <svg class="bodymap-legend">: the five steps in a row.
[[nodiscard]] std::string body_map_legend();

}  // namespace painlog
