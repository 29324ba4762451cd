// SPDX-License-Identifier: GPL-3.0-or-later
// The text of `painlog response`, apart from the analysis (response.cpp):
// one block per infusion, in the order the pathway asks for.

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/analysis/infusion_course.hpp"
#include "painlog/analysis/response.hpp"
#include "painlog/analysis/stats.hpp"
#include "painlog/util/table.hpp"

namespace painlog {
namespace {

constexpr std::array metrics_besides_pain{Metric::mood, Metric::energy, Metric::sleep_hours, Metric::sleep_quality,
                                          Metric::activity};
constexpr std::array metrics_besides_mood{Metric::energy, Metric::sleep_hours, Metric::sleep_quality,
                                          Metric::activity};

std::string number(const std::optional<double>& value) { return value ? fmt::format("{:.1f}", stats::round_to(*value, 1)) : "-"; }
// "+1.5", "-0.3", and "0.0" for no change.
std::string signed_number(const std::optional<double>& value) {
    if (!value) return "-";
    double rounded = stats::round_to(*value, 1);
    return rounded == 0.0 ? "0.0" : fmt::format("{:+.1f}", rounded);
}

Style category_style(const ResponseWindow& w) {
    if (!w.category) return Style::dim;
    switch (*w.category) {
        case PainCategory::substantial:
        case PainCategory::moderate: return Style::good;
        case PainCategory::worse: return Style::bad;
        default: return Style::plain;
    }
}

std::string duration_text(const InfusionResponse& r) {
    auto days = [](int n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); };
    switch (r.response_status) {
        case ResponseStatus::not_assessable: return "not assessable (see below)";
        case ResponseStatus::no_response: return "none";
        case ResponseStatus::ended: return fmt::format("{}, then ended", days(*r.response_days));
        case ResponseStatus::ongoing: return fmt::format("ongoing, {} so far", days(*r.response_days));
        case ResponseStatus::until_next_infusion:
            return fmt::format("{}, still ongoing at the next infusion", days(*r.response_days));
        case ResponseStatus::no_recent_data:
            return fmt::format("at least {}; no pain ratings since", days(*r.response_days));
    }
    return "";
}

std::string metric_header(Metric m) {
    switch (m) {
        case Metric::mood: return "Mood";
        case Metric::energy: return "Energy";
        case Metric::sleep_hours: return "Sleep h";
        case Metric::sleep_quality: return "Sleep q";
        case Metric::activity: return "Activity";
        default: return "Pain";
    }
}


bool window_counted(const ResponseWindow& w) {
    return w.status != WindowStatus::cut_off && w.status != WindowStatus::not_started;
}

bool has_values(const InfusionResponse& r, Metric m) {
    return r.baseline.mean(m).has_value() ||
           std::ranges::any_of(r.windows, [&](const ResponseWindow& w) { return w.span.mean(m).has_value(); });
}

std::string title_text(const InfusionResponse& r, Color color) {
    auto title = fmt::format("Infusion {} (id {}) on {}{}", infusion_number_text(r), r.infusion.id,
                             format_day(r.infusion.day),
                             r.infusion.label.empty() ? "" : " (" + one_line(r.infusion.label) + ")");
    return styled(truncate_to_width(title, 80), Style::bold, color) + "\n";
}

std::string baseline_text(const InfusionResponse& r, Pathway pathway) {
    const auto& b = r.baseline;
    std::string means;
    if (pathway != Pathway::depression) means = fmt::format("pain {}", number(b.mean(Metric::pain)));
    if (pathway != Pathway::pain)
        means += fmt::format("{}mood {}", means.empty() ? "" : ", ", number(b.mean(Metric::mood)));
    return fmt::format("Baseline {} to {}: {}/{} days logged, {}{}\n", format_day(b.from), format_day(b.to),
                       b.days_logged, b.days, means, r.baseline_sufficient ? "" : " (insufficient data)");
}

std::string pain_table(const InfusionResponse& r, Color color) {
    TextTable pain({{"Window"}, {"From"}, {"To"}, {"Days", Align::right}, {"Pain", Align::right},
                    {"Change", Align::right}, {"%", Align::right}, {"Category"}});
    for (const auto& w : r.windows) {
        bool empty = !window_counted(w);
        pain.add_row({{w.label},
                      {format_day(w.span.from)},
                      {empty ? "-" : format_day(w.span.to)},
                      {empty ? "-" : fmt::format("{}/{}", w.span.days_logged, w.span.days)},
                      {number(w.span.mean(Metric::pain))},
                      {signed_number(w.change_of(Metric::pain))},
                      {signed_number(w.pain_change_pct)},
                      {window_category_text(w), category_style(w)}});
    }
    return pain.render(color);
}

// Means and changes of `metrics` by window, those with any value only.
template <std::size_t N>
std::string metrics_table(const InfusionResponse& r, const std::array<Metric, N>& metrics, Color color) {
    std::vector<Metric> shown;
    std::ranges::copy_if(metrics, std::back_inserter(shown), [&](Metric m) { return has_values(r, m); });
    if (shown.empty()) return "";
    std::vector<Column> columns{{"Mean (change)"}};
    for (auto m : shown) columns.push_back({metric_header(m)});
    TextTable table(columns);
    std::vector<Cell> row{{"baseline"}};
    for (auto m : shown) row.push_back({number(r.baseline.mean(m))});
    table.add_row(row);
    for (const auto& w : r.windows) {
        if (!window_counted(w)) continue;
        row = {{w.label}};
        for (auto m : shown) {
            auto mean = w.span.mean(m);
            row.push_back({mean ? fmt::format("{} {}", number(mean), signed_number(w.change_of(m))) : "-"});
        }
        table.add_row(row);
    }
    return "\n" + table.render(color);
}

std::string nap_text(const std::optional<NonOverlap>& nap) {
    if (!nap) return "-";
    return fmt::format("{:.2f} ({:.2f}-{:.2f})", nap->nap, nap->nap_lower, nap->nap_upper);
}

std::string mood_table(const InfusionResponse& r, Color color) {
    TextTable table({{"Window"}, {"From"}, {"To"}, {"Days", Align::right}, {"Mood", Align::right},
                     {"Change", Align::right}, {"NAP (95 % CI)"}});
    const auto& b = r.baseline;
    table.add_row({{"baseline"}, {format_day(b.from)}, {format_day(b.to)},
                   {fmt::format("{}/{}", b.days_with(Metric::mood), b.days)}, {number(b.mean(Metric::mood))}, {""}, {""}});
    for (const auto& w : r.windows) {
        bool empty = !window_counted(w);
        table.add_row({{w.label},
                       {format_day(w.span.from)},
                       {empty ? "-" : format_day(w.span.to)},
                       {empty ? "-" : fmt::format("{}/{}", w.span.days_with(Metric::mood), w.span.days)},
                       {number(w.span.mean(Metric::mood))},
                       {signed_number(w.change_of(Metric::mood))},
                       {empty ? std::string(name_of(w.status)) : nap_text(w.nap_of(Metric::mood))}});
    }
    return table.render(color);
}

// "PHQ-9: baseline 17 (2026-10-25); day 7: 7 (-58.8 %, response); ..." as
// the pain pathway has always shown it.
std::string phq9_line(const QuestionnaireCourse& phq9) {
    std::string out = "PHQ-9: ";
    out += phq9.baseline ? fmt::format("baseline {:g} ({})", phq9.baseline->score, format_day(phq9.baseline->day))
                         : std::string("no baseline");
    for (const auto& p : phq9.after) {
        std::vector<std::string> verdicts;
        if (p.percent_change) verdicts.push_back(fmt::format("{:+.1f} %", *p.percent_change));
        if (p.response) verdicts.emplace_back(*p.response ? "response" : "no response");
        if (p.remission == true) verdicts.emplace_back("remission");
        out += fmt::format("; day {}: {:g}", p.days_after, p.result.score);
        if (!verdicts.empty()) out += fmt::format(" ({})", fmt::join(verdicts, ", "));
    }
    out += ".";
    if (!phq9.missing.empty()) out += fmt::format(" No PHQ-9 at: {}.", fmt::join(phq9.missing, ", "));
    return out;
}

// The course as a table: baseline, then each score with band, change and verdict.
std::string course_table(const QuestionnaireCourse& course, Color color) {
    const auto& spec = spec_of(course.instrument);
    TextTable table({{std::string(spec.title)}, {"Date"}, {"Score", Align::right}, {"Band"}, {"Change", Align::right},
                     {"%", Align::right}, {"Verdict"}});
    if (course.baseline)
        table.add_row({{"baseline"}, {format_day(course.baseline->day)}, {format_score(course.instrument, course.baseline->score)},
                       {std::string(band_of(course.instrument, course.baseline->score))}, {""}, {""}, {""}});
    else
        table.add_row({{"baseline"}, {"-"}, {"-"}, {""}, {""}, {""}, {"none in the baseline"}});
    for (const auto& p : course.after)
        table.add_row({{fmt::format("day {}", p.days_after)},
                       {format_day(p.result.day)},
                       {format_score(course.instrument, p.result.score)},
                       {std::string(band_of(course.instrument, p.result.score))},
                       {p.change ? fmt::format("{:+g}", *p.change) : "-"},
                       {signed_number(p.percent_change)},
                       {verdict_text(p)}});
    return table.render(color);
}

std::string depression_block(const InfusionResponse& r, Color color) {
    std::string out;
    if (r.phq9.any()) {
        out += "\n" + course_table(r.phq9, color);
        if (auto durability = durability_text(r.phq9); !durability.empty()) out += wrap_paragraph(durability);
        if (!r.phq9.missing.empty()) out += wrap_paragraph(fmt::format("No PHQ-9 at: {}.", fmt::join(r.phq9.missing, ", ")));
    } else {
        out += "\n" + wrap_paragraph("PHQ-9: none from the baseline to the end of the last window; answer one with painlog check phq9.");
    }
    if (r.gad7.any()) out += "\n" + course_table(r.gad7, color);
    out += "\n" + mood_table(r, color);
    out += wrap_paragraph(fmt::format("Mood improvement (7-day mean mood at least {:g} point above baseline): {}",
                            mood_improvement_points, mood_duration_text(r.mood_duration)));
    return out;
}

std::string pain_block(const InfusionResponse& r, Color color) {
    return pain_table(r, color) + course_table_text(r, color);
}

// The duration of the pain response, then days 1-28, the best 7 days and the PEG.
std::string response_lines(const InfusionResponse& r) {
    return wrap_paragraph(fmt::format("Response (7-day mean pain at least 30 % below baseline): {}", duration_text(r))) +
           course_lines_text(r);
}

template <typename Remarks>
std::string notes(const Remarks& remarks) {
    std::string out;
    for (const auto& remark : remarks) out += wrap_paragraph("Note: " + remark);
    return out;
}

}  // namespace

std::string mood_duration_text(const ResponseDuration& d) {
    auto days = [](int n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); };
    switch (d.status) {
        case ResponseStatus::not_assessable: return "not assessable (see below)";
        case ResponseStatus::no_response: return "none";
        case ResponseStatus::ended: return fmt::format("{}, then ended", days(*d.days));
        case ResponseStatus::ongoing: return fmt::format("ongoing, {} so far", days(*d.days));
        case ResponseStatus::until_next_infusion:
            return fmt::format("{}, still ongoing at the next infusion", days(*d.days));
        case ResponseStatus::no_recent_data: return fmt::format("at least {}; no mood ratings since", days(*d.days));
    }
    return "";
}

std::string infusion_response_text(const InfusionResponse& r, Pathway pathway, Color color) {
    std::string out = title_text(r, color) + baseline_text(r, pathway) + "\n";
    bool pain_rated = has_values(r, Metric::pain);
    if (pathway == Pathway::pain) {
        out += pain_block(r, color) + metrics_table(r, metrics_besides_pain, color);
        out += "\n" + response_lines(r);
    } else if (pathway == Pathway::both) {
        out += pain_block(r, color) + metrics_table(r, metrics_besides_mood, color);
        out += "\n" + response_lines(r);
        out += depression_block(r, color);
    } else {
        out += depression_block(r, color).substr(1) + metrics_table(r, metrics_besides_mood, color);
        if (pain_rated) {
            out += "\n" + pain_block(r, color);
            out += response_lines(r);
        }
    }
    out += medicine_response_text(r, color);
    if (r.pgic) out += wrap_paragraph(pgic_text(r) + " (the patient's impression of change since the infusion).");
    out += body_response_text(r, color);
    std::string effects;
    for (const auto& e : r.side_effects)
        effects += fmt::format("{}{} ({})", effects.empty() ? "" : ", ", one_line(e.tag), e.count);
    out += wrap_paragraph(fmt::format("Side effects within 48 h: {}", effects.empty() ? "none logged" : effects));
    if (pathway == Pathway::pain && r.phq9.any()) out += wrap_paragraph(phq9_line(r.phq9));
    if (pathway != Pathway::depression || pain_rated) out += notes(r.pain_remarks);
    if (pathway != Pathway::pain) out += notes(r.mood_remarks);
    out += notes(r.remarks);
    return out;
}

std::string response_text(const std::vector<InfusionResponse>& responses, const PathwayChoice& pathway, Color color) {
    std::string out = wrap_paragraph(pathway.sentence());
    for (const auto& r : responses) out += "\n" + infusion_response_text(r, pathway.pathway, color);
    return out + course_legend_text(responses);
}

}  // namespace painlog
