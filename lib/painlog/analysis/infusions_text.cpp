// SPDX-License-Identifier: GPL-3.0-or-later
// The text of issue 19's figures (infusion_course.hpp), in 80 columns: per
// infusion the non-overlap and area table and the course lines; across
// infusions the table of every infusion and the response curves.

#include <algorithm>

#include <fmt/format.h>

#include "painlog/analysis/infusion_course.hpp"
#include "painlog/analysis/stats.hpp"
#include "painlog/util/table.hpp"

namespace painlog {
namespace {

std::string one_decimal(double value) { return fmt::format("{:.1f}", stats::round_to(value, 1)); }

std::string signed_pct(const std::optional<double>& pct) {
    if (!pct) return "-";
    return *pct == 0 ? "0.0" : fmt::format("{:+.1f}", *pct);
}

std::string nap_cell(const std::optional<NonOverlap>& nap) {
    return nap ? fmt::format("{:.2f} ({:.2f}-{:.2f})", nap->nap, nap->nap_lower, nap->nap_upper) : "-";
}

std::string tau_cell(const std::optional<NonOverlap>& tau) {
    if (!tau) return "-";
    double rounded = stats::round_to(tau->tau(), 2);
    return rounded == 0 ? "0.00" : fmt::format("{:+.2f}", rounded);
}

bool has_course_table(const InfusionResponse& r) {
    return std::ranges::any_of(r.windows, [](const ResponseWindow& w) {
        return w.nap_of(Metric::pain) || w.pain_area.has_value();
    });
}

// Levels of a response curve's cells: the category of each 7-day mean.
std::string_view curve_block(double pct) {
    auto category = pain_category(pct);
    switch (category) {
        case PainCategory::substantial: return "▁";
        case PainCategory::moderate: return "▃";
        case PainCategory::minimal: return "▅";
        case PainCategory::none: return "▆";
        case PainCategory::worse: return "█";
    }
    return " ";
}

std::string curve_row(const InfusionResponse& r, Color color) {
    std::string row;
    for (int t = curve_first_day; t <= curve_last_day; ++t) {
        if (t == 0) {
            row += "|";
            continue;
        }
        auto point = std::ranges::find(r.curve, t, &CurvePoint::day);
        if (point == r.curve.end() || !point->change_pct) {
            row += ' ';
            continue;
        }
        bool responding = *point->change_pct <= response_threshold_pct;
        row += styled(curve_block(*point->change_pct), responding ? Style::good : Style::plain, color);
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    return row;
}

std::string category_cell(const ResponseWindow& w) {
    if (!w.category) return "-";
    return std::string(name_of(*w.category)) + (w.status == WindowStatus::in_progress ? "*" : "");
}

std::string relief_cell(const InfusionResponse& r) {
    const auto& a = r.area_days_1_28;
    if (!a || !a->area.relief_pct) return "-";
    return one_decimal(*a->area.relief_pct) + (a->complete ? "" : "*");
}

}  // namespace

std::string short_duration_text(const InfusionResponse& r) {
    switch (r.response_status) {
        case ResponseStatus::not_assessable: return "";
        case ResponseStatus::no_response: return "none";
        case ResponseStatus::ended: return fmt::format("{} d", *r.response_days);
        case ResponseStatus::ongoing: return fmt::format("{} d so far", *r.response_days);
        case ResponseStatus::until_next_infusion:
        case ResponseStatus::no_recent_data: return fmt::format("≥{} d", *r.response_days);
    }
    return "";
}

std::string course_table_text(const InfusionResponse& r, Color color) {
    if (!has_course_table(r)) return "";
    TextTable table({{"Window"}, {"NAP (95 % CI)"}, {"Tau-BC", Align::right}, {"Pain score-days", Align::right},
                     {"Relief", Align::right}, {"Relief %", Align::right}});
    for (const auto& w : r.windows) {
        if (w.status == WindowStatus::cut_off || w.status == WindowStatus::not_started) continue;
        const auto& a = w.pain_area;
        table.add_row({{w.label},
                       {nap_cell(w.nap_of(Metric::pain))},
                       {tau_cell(w.tau_bc_of(Metric::pain))},
                       {a ? one_decimal(a->pain_score_days) : "-"},
                       {a ? one_decimal(a->relief_score_days) : "-"},
                       {a ? signed_pct(a->relief_pct) : "-"}});
    }
    return "\n" + table.render(color);
}

std::string course_legend_text(const std::vector<InfusionResponse>& responses) {
    if (std::ranges::none_of(responses, has_course_table)) return "";
    return "\n" + wrap_paragraph("NAP: the share of baseline and window day pairs with less pain in the window (ties "
                                 "count half), with its 95 % interval; Tau-BC: 2 NAP - 1 after taking out a trending "
                                 "baseline's line; pain and relief in score-days, days without a rating filled on "
                                 "the line between their neighbours; relief %: of the largest possible (painlog-"
                                 "response(1)).");
}

std::string course_lines_text(const InfusionResponse& r) {
    std::string out;
    if (const auto& a = r.area_days_1_28; a)
        out += wrap_paragraph(fmt::format(
            "Days 1-28{}: relief {} score-days ({} % of the largest possible), pain {} score-days over {} days.",
            a->complete ? "" : fmt::format(" (to {}, so far)", format_day(a->to)), one_decimal(a->area.relief_score_days),
            a->area.relief_pct ? one_decimal(*a->area.relief_pct) : "-", one_decimal(a->area.pain_score_days),
            a->area.days));
    if (const auto& b = r.best_week; b)
        out += wrap_paragraph(fmt::format("Best 7 days: mean pain {} ({} %), {} to {}.", one_decimal(b->mean),
                                          signed_pct(b->change_pct), format_day(b->from), format_day(b->to)));
    if (r.peg.any()) {
        std::string line = "PEG: ";
        line += r.peg.baseline ? fmt::format("baseline {} ({})", format_score(Instrument::peg, r.peg.baseline->score),
                                             format_day(r.peg.baseline->day))
                               : std::string("no baseline");
        for (const auto& p : r.peg.after) {
            line += fmt::format("; day {}: {}", p.days_after, format_score(Instrument::peg, p.result.score));
            if (p.percent_change) line += fmt::format(" ({} %)", signed_pct(p.percent_change));
        }
        out += wrap_paragraph(line + ".");
    }
    return out;
}

std::string infusions_table_text(const std::vector<InfusionResponse>& responses, Color color) {
    TextTable table({{"No."}, {"Date"}, {"Base", Align::right}, {"1-7 %", Align::right}, {"Category"},
                     {"Best %", Align::right}, {"Response"}, {"Relief %", Align::right}, {"Next", Align::right}});
    for (const auto& r : responses) {
        const auto& first_week = r.windows.front();
        auto base = r.baseline.mean(Metric::pain);
        table.add_row({{fmt::format("{}/{}", r.number, r.of)},
                       {format_day(r.infusion.day)},
                       {base ? one_decimal(*base) : "-"},
                       {signed_pct(first_week.pain_change_pct)},
                       {category_cell(first_week)},
                       {r.best_week ? signed_pct(r.best_week->change_pct) : "-"},
                       {short_duration_text(r).empty() ? "-" : short_duration_text(r)},
                       {relief_cell(r)},
                       {r.interval_days ? fmt::format("{} d", *r.interval_days) : "-"}});
    }
    return table.render(color);
}

std::string response_curves_text(const std::vector<InfusionResponse>& responses, Color color) {
    std::string axis(static_cast<std::size_t>(curve_last_day - curve_first_day + 1), ' ');
    for (int t = curve_first_day; t <= curve_last_day; t += 7) {
        auto label = std::to_string(t);
        axis.replace(static_cast<std::size_t>(t - curve_first_day), label.size(), label);
    }
    std::string out = fmt::format("{:17}{}\n", "", axis);
    auto newest = std::ranges::max_element(responses, {}, &InfusionResponse::number);
    for (auto it = responses.begin(); it != responses.end(); ++it) {
        if (it->curve.empty()) continue;
        bool is_newest = it == newest;
        auto label = fmt::format("{}{:>3} {}", is_newest ? '*' : ' ', it->number, format_day(it->infusion.day));
        out += styled(fmt::format("{:17}", label), is_newest ? Style::bold : Style::plain, color) +
               curve_row(*it, color) + "\n";
    }
    return out;
}

std::string infusions_overview_text(const std::vector<InfusionResponse>& responses, const AcrossInfusions& across,
                                    Color color) {
    std::string out = styled("All infusions", Style::bold, color) + "\n";
    out += infusions_table_text(responses, color);
    out += wrap_paragraph(
        "Base: baseline pain; 1-7 %: days 1-7 against it; Best %: the best 7 days; Response: days the 7-day mean "
        "stayed 30 % below baseline (≥: still so at the next infusion or when the ratings stopped); Relief %: "
        "days 1-28 area; Next: days to the next infusion; *: so far.");
    out += wrap_paragraph(across_infusions_text(across));
    bool any_curve = std::ranges::any_of(responses, [](const InfusionResponse& r) { return !r.curve.empty(); });
    if (!any_curve) return out;
    out += "\n" + styled("Response curves", Style::bold, color) + "\n";
    out += wrap_paragraph("7-day mean pain against each infusion's baseline, day -14 to 42 (| is the infusion day; "
                          "* the newest): ▁ -50 % or less, ▃ -30 % or less, ▅ -10 % or less, ▆ within 10 %, "
                          "█ +10 % or more; blank: no rating.");
    out += response_curves_text(responses, color);
    return out;
}

}  // namespace painlog
