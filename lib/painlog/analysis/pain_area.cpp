// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/pain_area.hpp"

namespace painlog {

std::optional<PainArea> pain_area(std::span<const stats::DayValue> pain, double baseline_mean) {
    if (pain.empty()) return std::nullopt;
    PainArea area;
    area.rated_days = static_cast<int>(pain.size());
    area.pain_score_days = pain.front().value;
    for (std::size_t i = 1; i < pain.size(); ++i) {
        const auto& before = pain[i - 1];
        const auto& after = pain[i];
        int gap = days_between(before.day, after.day);
        // The days strictly between two ratings lie on the line joining them.
        for (int g = 1; g < gap; ++g)
            area.pain_score_days += before.value + (after.value - before.value) * g / gap;
        area.filled_days += gap - 1;
        area.pain_score_days += after.value;
    }
    area.days = area.rated_days + area.filled_days;
    double largest = baseline_mean * area.days;
    area.relief_score_days = largest - area.pain_score_days;
    if (baseline_mean != 0) area.relief_pct = stats::round_to(area.relief_score_days / largest * 100, 1);
    return area;
}

}  // namespace painlog
