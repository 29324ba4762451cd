// SPDX-License-Identifier: GPL-3.0-or-later
// The HTML report: the Report's figures as mustache data, rendered with the
// template from share/report/report.html.mustache (compiled in; see
// lib/CMakeLists.txt). {{x}} escapes user text; only the SVG charts, which
// svg_chart() escapes itself, go in raw with {{{x}}}.

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "painlog/util/error.hpp"
#include "painlog/report/report.hpp"
#include "painlog/report/report_body.hpp"
#include "painlog/report/report_detail.hpp"
#include "painlog/report/report_template.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

using namespace report_detail;
namespace mu = kainjow::mustache;

namespace {

mu::data string_list(const std::vector<std::string>& items) {
    mu::data list{mu::data::type::list};
    for (const auto& item : items) list.push_back(mu::data{item});
    return list;
}

std::string category_class(const ResponseWindow& w) {
    if (!w.category) return w.status == WindowStatus::ok ? "" : "insufficient";
    switch (*w.category) {
        case PainCategory::substantial:
        case PainCategory::moderate: return "good";
        case PainCategory::worse: return "bad";
        default: return "";
    }
}

mu::data course_data(const QuestionnaireCourse& course) {
    mu::data d;
    d.set("instrument", std::string(spec_of(course.instrument).title));
    mu::data rows{mu::data::type::list};
    for (const auto& row : course_rows(course)) {
        mu::data rd;
        rd.set("label", row.label);
        rd.set("date", row.date);
        rd.set("score", row.score);
        rd.set("band", row.band);
        rd.set("change", row.change);
        rd.set("percent", row.percent);
        rd.set("verdict", row.verdict);
        rd.set("verdict_class", row.verdict.starts_with("response") || row.verdict == "remission" ? "good" : "");
        rows.push_back(rd);
    }
    d.set("rows", rows);
    return d;
}

void add_depression_data(mu::data& d, const InfusionResponse& inf) {
    mu::data courses{mu::data::type::list};
    if (inf.phq9.any()) courses.push_back(course_data(inf.phq9));
    if (inf.gad7.any()) courses.push_back(course_data(inf.gad7));
    d.set("courses", courses);
    mu::data rows{mu::data::type::list};
    for (const auto& row : mood_rows(inf)) {
        mu::data rd;
        rd.set("label", row.label);
        rd.set("dates", row.dates);
        rd.set("logged", row.logged);
        rd.set("mood", row.mood);
        rd.set("change", row.change);
        rd.set("nap", row.nap);
        rd.set("energy", row.energy);
        rd.set("sleep", row.sleep);
        rows.push_back(rd);
    }
    d.set("mood_rows", rows);
    d.set("depression_lines", string_list(depression_lines(inf)));
}

mu::data infusion_data(const InfusionResponse& inf) {
    mu::data d;
    d.set("title", infusion_title(inf));
    mu::data windows{mu::data::type::list};
    const auto& b = inf.baseline;
    mu::data base;
    base.set("label", "baseline");
    base.set("dates", span_dates(b));
    base.set("days_logged", fmt::format("{}/{}", b.days_logged, b.days));
    base.set("pain_mean", num(b.mean(Metric::pain)));
    base.set("pain_change", "");
    base.set("pain_change_pct", "");
    base.set("category", inf.baseline_sufficient ? "" : "insufficient data");
    base.set("category_class", inf.baseline_sufficient ? "" : "insufficient");
    base.set("mood_mean", num(b.mean(Metric::mood)));
    base.set("mood_change", "");
    base.set("relief", "");
    base.set("nap", "");
    windows.push_back(base);
    for (const auto& w : inf.windows) {
        bool shown = w.status != WindowStatus::not_started && w.status != WindowStatus::cut_off;
        mu::data row;
        row.set("label", w.label + (w.truncated ? "*" : ""));
        row.set("dates", span_dates(w.span));
        row.set("days_logged", shown ? fmt::format("{}/{}", w.span.days_logged, w.span.days) : "–");
        row.set("pain_mean", num(w.span.mean(Metric::pain)));
        row.set("pain_change", signed_num(w.change_of(Metric::pain)));
        row.set("pain_change_pct", w.pain_change_pct ? fmt::format("{:+.1f} %", *w.pain_change_pct) : "–");
        row.set("category", window_category_text(w));
        row.set("category_class", category_class(w));
        row.set("mood_mean", num(w.span.mean(Metric::mood)));
        row.set("mood_change", signed_num(w.change_of(Metric::mood)));
        row.set("relief", w.pain_area && w.pain_area->relief_pct ? fmt::format("{:.1f} %", *w.pain_area->relief_pct) : "–");
        const auto& nap = w.nap_of(Metric::pain);
        row.set("nap", nap ? fmt::format("{:.2f} ({:.2f}–{:.2f})", nap->nap, nap->nap_lower, nap->nap_upper) : "–");
        windows.push_back(row);
    }
    d.set("windows", windows);
    bool truncated = false;
    for (const auto& w : inf.windows) truncated = truncated || w.truncated;
    d.set("truncated", truncated);
    auto duration = response_duration_text(inf);
    for (const auto& remark : inf.pain_remarks) duration += ". " + remark;
    for (const auto& remark : inf.remarks) duration += ". " + remark;
    if (!duration.empty() && duration.back() == '.') duration.pop_back();
    d.set("duration", duration);
    d.set("side_effects", side_effects_text(inf));
    if (inf.pgic) d.set("pgic", pgic_text(inf));
    d.set("course", course_sentence(inf));
    add_depression_data(d, inf);
    return d;
}

mu::data tag_group(const Report& r, TagKind kind, std::string heading) {
    mu::data group;
    group.set("heading", std::move(heading));
    mu::data rows{mu::data::type::list};
    for (const auto& t : r.summary.tags) {
        if (t.tag.kind != kind) continue;
        mu::data row;
        row.set("tag", one_line(t.tag.name));
        row.set("days", fmt::format("{}", t.days));
        row.set("with", num(t.mean_pain_with));
        row.set("without", num(t.mean_pain_without));
        rows.push_back(row);
    }
    group.set("rows", rows);
    return group;
}

mu::data medicines_data(const Report& r) {
    mu::data d;
    d.set("regimen_heading", regimen_heading(r));
    mu::data regimen_rows{mu::data::type::list};
    for (const auto& item : r.regimen) {
        mu::data row;
        row.set("medicine", one_line(item.medicine));
        row.set("usual", item.usual_dose ? format_amount(*item.usual_dose) : "–");
        row.set("per_day", fmt::format("{:.1f}", item.doses_per_day));
        row.set("days", fmt::format("{}", item.days_taken));
        row.set("last", format_day(item.last_taken));
        row.set("classes", classes_text(item.info));
        regimen_rows.push_back(row);
    }
    d.set("regimen", regimen_rows);
    d.set("has_regimen", !r.regimen.empty());
    bool mme = any_mme(r);
    d.set("mme", mme);
    mu::data infusions{mu::data::type::list};
    for (std::size_t i = 0; i < r.infusions.size(); ++i) {
        auto rows = medicine_rows(r.infusions[i]);
        if (rows.empty()) continue;
        mu::data inf;
        inf.set("title", infusion_title(r.infusions[i]));
        mu::data list{mu::data::type::list};
        for (const auto& row : rows) {
            mu::data rd;
            rd.set("label", row.label);
            rd.set("days", row.days);
            rd.set("mme", row.mme);
            rd.set("mme_change", row.mme_change);
            rd.set("prn", row.prn);
            rd.set("prn_change", row.prn_change);
            rd.set("mme_shown", mme);
            list.push_back(rd);
        }
        inf.set("rows", list);
        inf.set("mme_shown", mme);
        infusions.push_back(inf);
    }
    d.set("medicine_infusions", infusions);
    const auto& use = r.summary.medicines;
    d.set("has_use", !use.medicines.empty());
    d.set("logged_days", fmt::format("{}", use.logged_days));
    mu::data use_rows{mu::data::type::list};
    for (const auto& m : use.medicines) {
        mu::data row;
        row.set("medicine", one_line(m.medicine));
        row.set("days", fmt::format("{}", m.days_taken));
        row.set("doses", fmt::format("{}", m.doses));
        row.set("prn", m.as_needed_per_day ? fmt::format("{:.2f}", *m.as_needed_per_day) : "–");
        row.set("classes", classes_text(m.info));
        use_rows.push_back(row);
    }
    d.set("use", use_rows);
    if (use.mme_mean)
        d.set("mme_line", fmt::format("Opioid use: {:.1f} MME a day on average over the logged days (range {:.1f} to "
                                      "{:.1f}).",
                                      *use.mme_mean, *use.mme_min, *use.mme_max));
    d.set("mme_caveat", std::string(mme_caveat));
    return d;
}

// Every infusion in the diary, the sentence across them, the response
// curves and the calendar.
void add_overview_data(mu::data& d, const Report& r) {
    mu::data rows{mu::data::type::list};
    for (const auto& row : overview_rows(r)) {
        mu::data rd;
        for (auto [key, value] : {std::pair{"number", &row.number}, {"date", &row.date}, {"label", &row.label},
                                  {"baseline", &row.baseline}, {"change", &row.change}, {"percent", &row.percent},
                                  {"category", &row.category}, {"best", &row.best}, {"duration", &row.duration},
                                  {"relief", &row.relief}, {"next", &row.next}})
            rd.set(key, *value);
        rows.push_back(rd);
    }
    d.set("overview_rows", rows);
    d.set("overview_legend", overview_legend());
    d.set("across_infusions", across_infusions_text(r.across));
    if (auto curves = response_curves_chart(r); !curves.empty()) d.set("response_curves_chart", curves);
    d.set("calendar_chart", calendar_chart(r));
}

}  // namespace

std::string report_html(const Report& r) {
    mu::mustache tmpl{std::string(report_html_template)};
    if (!tmpl.is_valid()) throw RuntimeError("report template: " + tmpl.error_message());

    mu::data d;
    d.set("version", PAINLOG_VERSION);
    d.set("report_title", std::string(report_title(r)));
    d.set("pathway", r.pathway.sentence());
    d.set("pain_response_heading",
          r.pathway.pathway == Pathway::pain ? "Response to infusions" : "Pain response to infusions");
    d.set("nap_legend", nap_legend());
    mu::data sections{mu::data::type::list};
    for (auto section : report_sections(r)) {
        mu::data item;
        item.set(fmt::format("is_{}", name_of(section)), true);
        sections.push_back(item);
    }
    d.set("sections", sections);
    if (!r.name.empty()) d.set("name", one_line(r.name));
    d.set("from", format_day(r.period.from));
    d.set("to", format_day(r.period.to));
    d.set("days", fmt::format("{}", r.period.days()));
    d.set("generated", r.generated);
    d.set("period_reason", r.period_reason);
    if (r.safety_message) d.set("safety_message", std::string(safety_message()));
    d.set("adherence", adherence_text(r));
    if (r.next_infusion) d.set("next_infusion", next_infusion_text(r));

    mu::data metrics{mu::data::type::list};
    for (const auto* m : key_metrics(r)) {
        mu::data row;
        row.set("title", metric_title(m->metric));
        row.set("n", fmt::format("{}", m->n));
        row.set("mean", num(m->mean));
        row.set("median", num(m->median));
        row.set("range", range(*m));
        row.set("previous_mean", num(m->previous_mean));
        row.set("change", signed_num(m->change));
        metrics.push_back(row);
    }
    d.set("metrics", metrics);

    mu::data infusions{mu::data::type::list};
    for (const auto& inf : r.infusions) infusions.push_back(infusion_data(inf));
    d.set("infusions", infusions);
    d.set("has_infusions", !r.infusions.empty());
    d.set("category_legend", category_legend());
    d.set("rolling_min_values", fmt::format("{}", rolling_min_values));

    add_overview_data(d, r);
    d.set("pain_mood_chart", pain_mood_chart(r));
    d.set("sleep_chart", sleep_chart(r));
    d.set("energy_chart", energy_chart(r));
    auto mme_svg = mme_chart(r);
    d.set("has_mme_chart", !mme_svg.empty());
    d.set("mme_chart", mme_svg);
    d.set("medicines", medicines_data(r));
    if (has_body_map(r)) d.set("body_map", body_map_data(r));

    bool has_tags = false;
    for (const auto& t : r.summary.tags)
        if (t.tag.kind == TagKind::better || t.tag.kind == TagKind::worse) has_tags = true;
    d.set("has_tags", has_tags);
    mu::data groups{mu::data::type::list};
    groups.push_back(tag_group(r, TagKind::better, "Eases pain (better)"));
    groups.push_back(tag_group(r, TagKind::worse, "Makes it worse"));
    d.set("tag_groups", groups);

    d.set("sleep", string_list(sleep_lines(r)));
    d.set("activity", string_list(activity_lines(r)));

    d.set("has_questionnaires", !r.questionnaires.empty());
    mu::data qs{mu::data::type::list};
    for (const auto& q : r.questionnaires) {
        mu::data row;
        row.set("day", format_day(q.day));
        row.set("title", std::string(spec_of(q.instrument).title));
        row.set("score", format_score(q.instrument, q.score));
        row.set("band", q.instrument == Instrument::peg ? "–" : std::string(band_of(q.instrument, q.score)));
        row.set("change", questionnaire_change_text(r, q));
        row.set("safety", needs_safety_message(q));
        qs.push_back(row);
    }
    d.set("questionnaires", qs);
    mu::data charts{mu::data::type::list};
    for (auto instrument : all_instruments) {
        bool used = false;
        for (const auto& q : r.questionnaires) used = used || q.instrument == instrument;
        if (instrument == Instrument::pgic) continue;  // seven labels, no scale to draw
        if (!used) continue;
        mu::data chart;
        chart.set("svg", questionnaire_chart(r, instrument));
        charts.push_back(chart);
    }
    d.set("questionnaire_charts", charts);
    d.set("attributions", string_list(questionnaire_attributions(r)));

    if (r.notes_total > static_cast<int>(r.notes.size()))
        d.set("notes_heading", fmt::format("The {} most recent of {} notes, each cut to {} characters.", r.notes.size(),
                                           r.notes_total, report_note_chars));
    mu::data notes{mu::data::type::list};
    for (const auto& n : r.notes) {
        mu::data row;
        row.set("time", n.time);
        row.set("text", n.text);
        notes.push_back(row);
    }
    d.set("notes", notes);

    auto html = tmpl.render(d);
    if (!tmpl.is_valid()) throw RuntimeError("report template: " + tmpl.error_message());
    return html;
}

}  // namespace painlog
