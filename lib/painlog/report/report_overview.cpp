// SPDX-License-Identifier: GPL-3.0-or-later
// The report's figures of issue 19 that every format shares: the course of
// each infusion in a sentence, the rows of the table of every infusion and
// the two pictures (report_detail.hpp).

#include <fmt/format.h>

#include "painlog/analysis/stats.hpp"
#include "painlog/report/infusion_charts.hpp"
#include "painlog/report/report_detail.hpp"
#include "painlog/util/text.hpp"

namespace painlog::report_detail {
namespace {

// "-44.7 %", as the report's window tables write their percentages.
std::string pct(const std::optional<double>& value) {
    if (!value) return "–";
    if (*value == 0) return "0.0 %";
    return fmt::format("{:+.1f} %", *value);
}

}  // namespace

std::string course_sentence(const InfusionResponse& inf) {
    std::vector<std::string> parts;
    const auto& first = inf.windows.front();
    if (const auto& nap = first.nap_of(Metric::pain)) {
        auto part = fmt::format("Days 1–7: NAP {:.2f} ({:.2f}–{:.2f})", nap->nap, nap->nap_lower, nap->nap_upper);
        if (const auto& bc = first.tau_bc_of(Metric::pain)) {
            double tau = stats::round_to(bc->tau(), 2);
            part += tau == 0 ? std::string(", Tau-BC 0.00") : fmt::format(", Tau-BC {:+.2f}", tau);
        }
        parts.push_back(part + ".");
    }
    if (const auto& a = inf.area_days_1_28; a && a->area.relief_pct)
        parts.push_back(fmt::format("Days 1–28{}: relief {} of the largest possible ({:.1f} score-days).",
                                    a->complete ? "" : " so far", pct(a->area.relief_pct), a->area.relief_score_days));
    if (const auto& b = inf.best_week; b && b->change_pct)
        parts.push_back(fmt::format("Best 7 days: {} ({}–{}).", pct(b->change_pct), date::format("%d %b", b->from),
                                    date::format("%d %b", b->to)));
    std::string sentence;
    for (const auto& part : parts) sentence += (sentence.empty() ? "" : " ") + part;
    return sentence;
}

std::vector<OverviewRow> overview_rows(const Report& r) {
    std::vector<OverviewRow> rows;
    for (const auto& inf : r.all_infusions) {
        const auto& first = inf.windows.front();
        const auto& a = inf.area_days_1_28;
        rows.push_back({fmt::format("{} of {}", inf.number, inf.of),
                        format_day(inf.infusion.day),
                        one_line(inf.infusion.label),
                        num(inf.baseline.mean(Metric::pain)),
                        signed_num(first.change_of(Metric::pain)),
                        pct(first.pain_change_pct),
                        window_category_text(first),
                        inf.best_week ? pct(inf.best_week->change_pct) : "–",
                        short_duration_text(inf).empty() ? "–" : short_duration_text(inf),
                        a ? pct(a->area.relief_pct) + (a->complete ? "" : " so far") : "–",
                        inf.interval_days ? fmt::format("{} d", *inf.interval_days) : "–"});
    }
    return rows;
}

std::string overview_legend() {
    return "Baseline: mean pain before the infusion; days 1–7: change, percent change and category against it; best "
           "7 days: the lowest 7-day mean pain against it; response: days the 7-day mean stayed at least 30 % below "
           "the baseline (≥: still so at the next infusion or when the ratings stopped); relief 1–28: the area "
           "between the baseline and the pain curve over days 1–28, as a share of the largest possible; next: days "
           "to the next infusion.";
}

std::string response_curves_chart(const Report& r) { return response_curves_svg(r.all_infusions); }

std::string calendar_chart(const Report& r) { return calendar_svg(r.calendar); }

}  // namespace painlog::report_detail
