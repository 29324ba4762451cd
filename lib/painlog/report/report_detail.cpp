// SPDX-License-Identifier: GPL-3.0-or-later
// The helpers of report_detail.hpp, apart from report.cpp, so that building
// the report and laying it out (report_text.cpp, report_html.cpp) depend on
// them one way: report_detail uses the Report, never build_report.

#include "painlog/report/report_detail.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/model/questionnaire.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

namespace report_detail {

std::string num(const std::optional<double>& value) { return value ? fmt::format("{:.1f}", *value) : "–"; }

std::string signed_num(const std::optional<double>& value) {
    if (!value) return "–";
    if (std::fabs(*value) < 0.05) return "0.0";
    return fmt::format("{:+.1f}", *value);
}

std::string percent(const std::optional<double>& value) {
    if (!value) return "–";
    if (std::fabs(*value) < 0.5) return "0 %";
    return fmt::format("{:+.0f} %", *value);
}

std::string range(const MetricSummary& m) {
    if (!m.min || !m.max) return "–";
    return fmt::format("{:.1f}–{:.1f}", *m.min, *m.max);
}

std::string metric_title(Metric metric) {
    switch (metric) {
        case Metric::pain: return "Pain";
        case Metric::mood: return "Mood";
        case Metric::energy: return "Energy";
        case Metric::sleep_hours: return "Sleep (hours)";
        case Metric::sleep_quality: return "Sleep quality";
        case Metric::activity: return "Activity";
    }
    return "";
}

std::string response_duration_text(const InfusionResponse& inf) {
    auto days = inf.response_days.value_or(0);
    switch (inf.response_status) {
        case ResponseStatus::not_assessable: return "not assessable (baseline too sparse, without pain ratings, or 0)";
        case ResponseStatus::no_response: return "pain 7-day mean never reached 30 % below baseline";
        case ResponseStatus::ended:
            return fmt::format("pain 7-day mean at least 30 % below baseline for {} days, then no longer", days);
        case ResponseStatus::ongoing:
            return fmt::format("pain 7-day mean at least 30 % below baseline for {} days so far (ongoing)", days);
        case ResponseStatus::until_next_infusion:
            return fmt::format("pain 7-day mean at least 30 % below baseline for {} days, up to the next infusion",
                               days);
        case ResponseStatus::no_recent_data:
            return fmt::format("pain 7-day mean at least 30 % below baseline for at least {} days; no pain ratings since",
                               days);
    }
    return "";
}

std::string infusion_title(const InfusionResponse& inf) {
    auto title = fmt::format("Infusion {} · {}", infusion_number_text(inf), format_day(inf.infusion.day));
    if (!inf.infusion.label.empty()) title += " · " + one_line(inf.infusion.label);
    return title;
}

std::string side_effects_text(const InfusionResponse& inf) {
    if (inf.side_effects.empty()) return "none logged";
    std::string text;
    for (const auto& s : inf.side_effects) {
        if (!text.empty()) text += ", ";
        text += fmt::format("{} ×{}", s.tag, s.count);
    }
    return text;
}

std::string span_dates(const SpanSummary& span) {
    if (span.to < span.from) return "–";
    if (span.to == span.from) return date::format("%d %b", span.from);
    return date::format("%d %b", span.from) + "–" + date::format("%d %b", span.to);
}

std::string adherence_text(const Report& r) {
    const auto& s = r.summary;
    int days = s.period.days();
    int pct = days == 0 ? 0 : static_cast<int>(std::lround(100.0 * s.days_logged / days));
    auto text = fmt::format("Logged on {} of {} days ({} %), {} {}", s.days_logged, days, pct, s.entries,
                            s.entries == 1 ? "entry" : "entries");
    if (s.streak_days) text += fmt::format("; current streak {} {}", *s.streak_days, *s.streak_days == 1 ? "day" : "days");
    return text + ".";
}

namespace {

const MetricSummary& figures(const Report& r, Metric metric) { return r.summary.metric(metric); }

std::string figures_sentence(const MetricSummary& m, std::string_view unit) {
    if (m.n == 0) return "no values";
    return fmt::format("mean {}{}, median {}, range {} (n = {} days)", num(m.mean), unit, num(m.median), range(m), m.n);
}

}  // namespace

std::vector<std::string> sleep_lines(const Report& r) {
    const auto& hours = figures(r, Metric::sleep_hours);
    const auto& quality = figures(r, Metric::sleep_quality);
    std::vector<std::string> lines;
    lines.push_back("Hours a night: " + figures_sentence(hours, " h"));
    if (hours.n > 0) {
        int short_nights = 0;
        for (const auto& p : r.trend.metrics[static_cast<std::size_t>(Metric::sleep_hours)].points)
            if (p.value && *p.value < 6) ++short_nights;
        lines.push_back(fmt::format("Nights under 6 hours: {} of {}.", short_nights, hours.n));
    }
    lines.push_back("Sleep quality (0 worst, 10 best): " + figures_sentence(quality, ""));
    return lines;
}

std::vector<std::string> activity_lines(const Report& r) {
    std::vector<std::string> lines;
    lines.push_back("Activity level (0 worst, 10 best): " + figures_sentence(figures(r, Metric::activity), ""));
    std::string text;
    std::size_t shown = 0;
    for (const auto& t : r.summary.tags) {
        if (t.tag.kind != TagKind::activity) continue;
        if (shown++ == 8) break;
        if (!text.empty()) text += ", ";
        text += fmt::format("{} ({} d)", t.tag.name, t.days);
    }
    lines.push_back(text.empty() ? "No activities tagged." : "Activities (days logged): " + text);
    return lines;
}

std::string category_legend() {
    return "Pain change against the baseline mean: substantial ≤ −50 %, moderate ≤ −30 %, minimal ≤ −10 %, "
           "none between −10 % and +10 %, worse ≥ +10 % (IMMPACT; Dworkin et al. 2008). "
           "Windows with fewer than 4 logged days (baseline: 7) are not categorised.";
}

std::vector<std::optional<double>> daily_series(const Report& r, Metric metric) {
    std::vector<std::optional<double>> values;
    for (const auto& p : r.trend.metrics[static_cast<std::size_t>(metric)].points) values.push_back(p.value);
    return values;
}

std::vector<std::optional<double>> rolling_series(const Report& r, Metric metric) {
    std::vector<std::optional<double>> values;
    for (const auto& p : r.trend.metrics[static_cast<std::size_t>(metric)].points) values.push_back(p.rolling_mean_7);
    return values;
}

namespace {

std::vector<ChartPoint> points(const Report& r, const std::vector<std::optional<double>>& values) {
    std::vector<ChartPoint> result;
    result.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        result.push_back({r.period.from + date::days{static_cast<int>(i)}, values[i]});
    return result;
}

ChartSpec base_chart(const Report& r, std::string title, std::string y_label) {
    ChartSpec spec;
    spec.title = std::move(title);
    spec.y_label = std::move(y_label);
    spec.from = r.period.from;
    spec.to = r.period.to;
    for (const auto& inf : r.infusions) {
        spec.markers.push_back({inf.infusion.day, fmt::format("Infusion {}", inf.number)});
        spec.ranges.push_back({inf.baseline.from, inf.baseline.to, "baseline"});
    }
    return spec;
}

ChartSeries metric_series(const Report& r, Metric metric, int style) {
    return {metric_title(metric), points(r, daily_series(r, metric)), points(r, rolling_series(r, metric)), style};
}

}  // namespace

std::string pain_mood_chart(const Report& r) {
    bool pain = r.pathway.pathway != Pathway::depression || rated_in_period(r, Metric::pain);
    auto spec = base_chart(r, pain ? "Daily pain and mood with 7-day means" : "Daily mood with 7-day mean",
                           "rating 0–10");
    if (pain) spec.series.push_back(metric_series(r, Metric::pain, 0));
    spec.series.push_back(metric_series(r, Metric::mood, 1));
    spec.height = 250;
    return svg_chart(spec);
}

std::string sleep_chart(const Report& r) {
    auto spec = base_chart(r, "Sleep hours a night with 7-day mean", "hours");
    auto series = metric_series(r, Metric::sleep_hours, 2);
    double top = 12;
    for (const auto& p : series.daily)
        if (p.value) top = std::max(top, std::ceil(*p.value / 2) * 2);
    spec.y_max = top;
    spec.y_step = top > 12 ? 4 : 2;
    spec.series.push_back(std::move(series));
    spec.width = 460;
    spec.height = 210;
    return svg_chart(spec);
}

std::string energy_chart(const Report& r) {
    auto spec = base_chart(r, "Daily energy and activity with 7-day means", "rating 0–10");
    spec.series.push_back(metric_series(r, Metric::energy, 3));
    spec.series.push_back(metric_series(r, Metric::activity, 2));
    spec.width = 460;
    spec.height = 210;
    return svg_chart(spec);
}

std::string questionnaire_chart(const Report& r, Instrument instrument) {
    const auto& spec_i = spec_of(instrument);
    auto spec = base_chart(r, fmt::format("{} scores", spec_i.title), "score");
    spec.ranges.clear();
    spec.y_max = spec_i.max_score;
    spec.y_step = instrument == Instrument::peg ? 2 : 5;
    ChartSeries s{std::string(spec_i.title), {}, {}, 0};
    s.join = true;
    for (const auto& q : r.questionnaires)
        if (q.instrument == instrument) {
            s.daily.push_back({q.day, q.score});
            s.smooth.push_back({q.day, q.score});
        }
    spec.smooth_label = "results in order";
    spec.series.push_back(std::move(s));
    for (int t : band_thresholds(instrument)) spec.lines.push_back({static_cast<double>(t), std::string(band_of(instrument, t))});
    spec.height = 170;
    return svg_chart(spec);
}

std::string questionnaire_change_text(const Report& r, const QuestionnaireResult& q) {
    if (q.instrument != Instrument::phq9) return "";
    auto progress = phq9_progress(q, r.questionnaire_history);
    std::string text = progress.change ? signed_num(progress.change) : "first";
    if (progress.response && *progress.response) text += ", response";
    if (progress.remission && *progress.remission) text += ", remission";
    return text;
}

std::vector<std::string> questionnaire_attributions(const Report& r) {
    std::vector<std::string> lines;
    for (auto instrument : all_instruments) {
        bool used = std::any_of(r.questionnaires.begin(), r.questionnaires.end(),
                                [&](const auto& q) { return q.instrument == instrument; });
        if (!used) continue;
        const auto& spec = spec_of(instrument);
        lines.push_back(fmt::format("{}: {}. {}", spec.title, spec.citation, spec.attribution));
    }
    return lines;
}

bool rated_in_period(const Report& r, Metric metric) {
    return std::ranges::any_of(r.summary.metrics, [&](const MetricSummary& m) { return m.metric == metric && m.n > 0; });
}

std::vector<const MetricSummary*> key_metrics(const Report& r) {
    std::vector<const MetricSummary*> shown;
    for (const auto& m : r.summary.metrics) shown.push_back(&m);
    if (r.pathway.pathway != Pathway::depression) return shown;
    std::erase_if(shown, [](const MetricSummary* m) { return m->n == 0 && !m->previous_mean; });
    // std::stable_partition, not the ranges one: clang 14 (the fuzz build) cannot compile the latter.
    std::stable_partition(shown.begin(), shown.end(), [](const MetricSummary* m) { return m->metric == Metric::mood; });
    return shown;
}

std::vector<CourseRow> course_rows(const QuestionnaireCourse& course) {
    std::vector<CourseRow> rows;
    auto instrument = course.instrument;
    if (course.baseline)
        rows.push_back({"baseline", format_day(course.baseline->day), format_score(instrument, course.baseline->score),
                        std::string(band_of(instrument, course.baseline->score)), "", "", ""});
    else
        rows.push_back({"baseline", "–", "–", "", "", "", "none in the baseline"});
    for (const auto& p : course.after)
        rows.push_back({fmt::format("day {}", p.days_after), format_day(p.result.day), format_score(instrument, p.result.score),
                        std::string(band_of(instrument, p.result.score)), p.change ? fmt::format("{:+g}", *p.change) : "–",
                        p.percent_change ? fmt::format("{:+.1f} %", *p.percent_change) : "–", verdict_text(p)});
    return rows;
}

namespace {

std::string nap_cell(const std::optional<NonOverlap>& nap) {
    if (!nap) return "–";
    return fmt::format("{:.2f} ({:.2f}–{:.2f})", nap->nap, nap->nap_lower, nap->nap_upper);
}

}  // namespace

std::vector<MoodRow> mood_rows(const InfusionResponse& inf) {
    std::vector<MoodRow> rows;
    const auto& b = inf.baseline;
    rows.push_back({"baseline", span_dates(b), fmt::format("{}/{}", b.days_with(Metric::mood), b.days),
                    num(b.mean(Metric::mood)), "", "", num(b.mean(Metric::energy)), num(b.mean(Metric::sleep_hours))});
    for (const auto& w : inf.windows) {
        bool shown = w.status != WindowStatus::not_started && w.status != WindowStatus::cut_off;
        auto with_change = [&](Metric m) {
            auto mean = w.span.mean(m);
            return mean ? fmt::format("{} ({})", num(mean), signed_num(w.change_of(m))) : std::string("–");
        };
        rows.push_back({w.label + (w.truncated ? "*" : ""), span_dates(w.span),
                        shown ? fmt::format("{}/{}", w.span.days_with(Metric::mood), w.span.days) : "–",
                        num(w.span.mean(Metric::mood)), signed_num(w.change_of(Metric::mood)),
                        shown ? nap_cell(w.nap_of(Metric::mood)) : std::string(name_of(w.status)),
                        with_change(Metric::energy), with_change(Metric::sleep_hours)});
    }
    return rows;
}

std::vector<std::string> depression_lines(const InfusionResponse& inf) {
    std::vector<std::string> lines;
    if (!inf.phq9.any()) lines.emplace_back("No PHQ-9 from this infusion's baseline to the end of its windows.");
    if (auto durability = durability_text(inf.phq9); !durability.empty()) lines.push_back(durability);
    if (!inf.phq9.missing.empty())
        lines.push_back(fmt::format("No PHQ-9 at: {}.", fmt::join(inf.phq9.missing, ", ")));
    lines.push_back(fmt::format("Mood improvement (7-day mean mood at least {:g} point above baseline): {}.",
                                mood_improvement_points, mood_duration_text(inf.mood_duration)));
    lines.insert(lines.end(), inf.mood_remarks.begin(), inf.mood_remarks.end());
    return lines;
}

std::string nap_legend() {
    return "PHQ-9: response is a reduction of at least 50 % from the baseline score and remission a score below 5 "
           "(Kroenke 2001); partial response a reduction of more than 25 % and less than 50 % (Sforzini 2022). "
           "NAP: the share of baseline and window day pairs in which the window's mood is higher (ties count half; "
           "0.5 is no change, 1 every window day above every baseline day), with its 95 % interval (Newcombe 2006); "
           "daily ratings are autocorrelated, so read it as descriptive. Mood improvement is painlog's own "
           "convention, not a clinical verdict.";
}

std::vector<MedicineRow> medicine_rows(const InfusionResponse& inf) {
    std::vector<MedicineRow> rows;
    if (!inf.baseline_medicines) return rows;
    auto per_day = [](const std::optional<double>& v, int places) {
        return v ? fmt::format("{:.{}f}", *v, places) : std::string("–");
    };
    auto change = [](const std::optional<double>& diff, const std::optional<double>& pct, int places) {
        if (!diff) return std::string("–");
        auto text = fmt::format("{:+.{}f}", *diff, places);
        return pct ? fmt::format("{} ({:+.0f} %)", text, *pct) : text;
    };
    const auto& b = *inf.baseline_medicines;
    rows.push_back({"baseline", fmt::format("{}", b.days_logged), per_day(b.mme_per_day, 1), "",
                    per_day(b.prn_doses_per_day, 2), ""});
    for (const auto& w : inf.windows) {
        if (!w.medicines) continue;
        const auto& m = *w.medicines;
        rows.push_back({w.label, fmt::format("{}", m.use.days_logged), per_day(m.use.mme_per_day, 1),
                        change(m.mme_change, m.mme_change_pct, 1), per_day(m.use.prn_doses_per_day, 2),
                        change(m.prn_change, m.prn_change_pct, 2)});
    }
    return rows;
}

bool any_mme(const Report& r) {
    if (r.summary.medicines.mme_mean) return true;
    return std::ranges::any_of(r.infusions, [](const InfusionResponse& inf) {
        return inf.baseline_medicines && inf.baseline_medicines->mme_per_day;
    });
}

std::string regimen_heading(const Report& r) {
    return fmt::format("Regular medicines: doses not marked as needed in the {} days to {}.", regimen_days,
                       format_day(r.period.to));
}

std::string mme_chart(const Report& r) {
    if (!r.summary.medicines.mme_mean) return "";
    auto spec = base_chart(r, "Opioid use in morphine milligram equivalents (MME) a day", "MME a day");
    std::vector<ChartPoint> daily;
    double top = 10;
    for (const auto& d : r.daily_doses) {
        if (d.mme <= 0) continue;
        daily.push_back({d.day, d.mme});
        top = std::max(top, d.mme);
    }
    // A round top: the next multiple of a step that gives about five ticks.
    double step = std::pow(10.0, std::floor(std::log10(top / 5)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (top / (step * m) <= 5) {
            step *= m;
            break;
        }
    spec.y_step = step;
    spec.y_max = std::ceil(top / step) * step;
    spec.series.push_back({"MME", std::move(daily), {}, 0});
    spec.height = 180;
    return svg_chart(spec);
}

}  // namespace report_detail

}  // namespace painlog
