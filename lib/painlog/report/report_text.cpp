// SPDX-License-Identifier: GPL-3.0-or-later
// The report's text, Markdown and JSON renderers, apart from build_report
// (report.cpp): they only lay out a built Report, with the helpers they share
// with the HTML report (report_detail.hpp).

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "painlog/model/event.hpp"
#include "painlog/model/questionnaire.hpp"
#include "painlog/report/report.hpp"
#include "painlog/report/report_body.hpp"
#include "painlog/report/report_detail.hpp"
#include "painlog/util/table.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

using namespace report_detail;

// ---------------------------------------------------------------- text

namespace {

// Greedy word wrap to `width` columns; continuation lines start with `indent`.
std::string wrap_indented(std::string_view text, std::size_t width, std::string_view first_indent, std::string_view indent) {
    std::string out(first_indent);
    std::size_t column = display_width(first_indent);
    bool line_empty = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        auto word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) continue;
        auto w = display_width(word);
        if (!line_empty && column + 1 + w > width) {
            out += '\n';
            out += indent;
            column = display_width(indent);
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++column;
        }
        out += word;
        column += w;
        line_empty = false;
    }
    return out + '\n';
}

std::string heading(std::string_view title) { return fmt::format("\n{}\n{}\n", title, std::string(display_width(title), '-')); }

std::string figures_table(const Report& r) {
    TextTable table({{"daily values"}, {"days", Align::right}, {"mean", Align::right}, {"median", Align::right},
                     {"range", Align::right}, {fmt::format("prev {} d", r.period.days()), Align::right},
                     {"change", Align::right}});
    for (const auto* m : key_metrics(r))
        table.add_row({{metric_title(m->metric)}, {fmt::format("{}", m->n)}, {num(m->mean)}, {num(m->median)}, {range(*m)},
                       {num(m->previous_mean)}, {signed_num(m->change)}});
    return table.render(Color::no, 80);
}

struct WindowRow {
    std::string label, dates, logged, pain, change, pct, category, mood, mood_change;
};

std::vector<WindowRow> window_rows(const InfusionResponse& inf) {
    std::vector<WindowRow> rows;
    const auto& b = inf.baseline;
    rows.push_back({"baseline", span_dates(b), fmt::format("{}/{}", b.days_logged, b.days), num(b.mean(Metric::pain)),
                    "", "", inf.baseline_sufficient ? "" : "insufficient data", num(b.mean(Metric::mood)), ""});
    for (const auto& w : inf.windows) {
        bool shown = w.status != WindowStatus::not_started && w.status != WindowStatus::cut_off;
        rows.push_back({w.label + (w.truncated ? "*" : ""), span_dates(w.span),
                        shown ? fmt::format("{}/{}", w.span.days_logged, w.span.days) : "–",
                        num(w.span.mean(Metric::pain)), signed_num(w.change_of(Metric::pain)),
                        w.pain_change_pct ? fmt::format("{:+.1f} %", *w.pain_change_pct) : "–", window_category_text(w),
                        num(w.span.mean(Metric::mood)), signed_num(w.change_of(Metric::mood))});
    }
    return rows;
}

std::string sparkline_block(const Report& r) {
    auto days = static_cast<std::size_t>(r.period.days());
    std::size_t size = (days + max_sparkline_width - 1) / max_sparkline_width;
    std::string out;
    auto line = [&](std::string_view label, const std::vector<std::optional<double>>& values, Metric metric) {
        auto [lo, hi] = sparkline_scale(metric);
        out += fmt::format("{} {}\n", pad_right(label, 14), sparkline(chunk_means(values, size), lo, hi));
    };
    auto pain = [&] {
        line("pain", daily_series(r, Metric::pain), Metric::pain);
        line("  7-day mean", rolling_series(r, Metric::pain), Metric::pain);
    };
    bool depression = r.pathway.pathway == Pathway::depression;
    if (!depression) pain();
    line("mood", daily_series(r, Metric::mood), Metric::mood);
    line("  7-day mean", rolling_series(r, Metric::mood), Metric::mood);
    if (depression && rated_in_period(r, Metric::pain)) pain();
    line("sleep hours", daily_series(r, Metric::sleep_hours), Metric::sleep_hours);
    line("energy", daily_series(r, Metric::energy), Metric::energy);
    double mme_top = 0;
    std::vector<std::optional<double>> mme(days);
    for (const auto& d : r.daily_doses)
        if (d.mme > 0) {
            mme[static_cast<std::size_t>((d.day - r.period.from).count())] = d.mme;
            mme_top = std::max(mme_top, d.mme);
        }
    if (mme_top > 0)
        out += fmt::format("{} {}\n", pad_right(fmt::format("MME 0–{:g}", std::ceil(mme_top)), 14),
                           sparkline(chunk_means(mme, size), 0, std::ceil(mme_top)));
    if (!r.infusions.empty()) {
        std::vector<Day> infusion_days;
        for (const auto& inf : r.infusions) infusion_days.push_back(inf.infusion.day);
        out += fmt::format("{} {}\n", pad_right("infusion", 14), infusion_marks(r.period, size, infusion_days));
    }
    out += wrap_indented(fmt::format("{} to {}, {}; ▁ lowest, █ highest (0–10; sleep 0–12 h); blank: no value.",
                                     format_day(r.period.from), format_day(r.period.to),
                                     size == 1 ? std::string("one character a day") : fmt::format("{} days a character", size)),
                         80, std::string(15, ' '), std::string(15, ' '));
    return out;
}

// The sections, one function each.
std::string text_pain_response(const Report& r) {
    std::string out = heading(r.pathway.pathway == Pathway::pain ? "Response to infusions" : "Pain response to infusions");
    if (r.infusions.empty()) out += "No infusion in this period.\n";
    for (std::size_t i = 0; i < r.infusions.size(); ++i) {
        const auto& inf = r.infusions[i];
        out += fmt::format("{}{}\n", i > 0 ? "\n" : "", infusion_title(inf));
        TextTable table({{"window"}, {"dates"}, {"days", Align::right}, {"pain", Align::right},
                         {"change", Align::right}, {"%", Align::right}, {"mood", Align::right}, {"category"}});
        for (const auto& row : window_rows(inf))
            table.add_row({{row.label}, {row.dates}, {row.logged}, {row.pain}, {row.change}, {row.pct}, {row.mood},
                           {row.category}});
        out += table.render(Color::no, 80);
        out += wrap_indented(fmt::format("Duration: {}.", response_duration_text(inf)), 80, "", "  ");
        if (inf.pgic) out += wrap_indented(pgic_text(inf) + ".", 80, "", "  ");
        if (auto course = course_sentence(inf); !course.empty()) out += wrap_indented(course, 80, "", "  ");
        for (const auto& remark : inf.pain_remarks) out += wrap_indented(remark, 80, "", "  ");
        for (const auto& remark : inf.remarks) out += wrap_indented(remark, 80, "", "  ");
    }
    if (!r.infusions.empty()) out += "\n" + wrap_indented(category_legend(), 80, "", "");
    return out;
}

std::string text_course(const QuestionnaireCourse& course) {
    TextTable table({{std::string(spec_of(course.instrument).title)}, {"date"}, {"score", Align::right}, {"band"},
                     {"change", Align::right}, {"%", Align::right}, {"verdict"}});
    for (const auto& row : course_rows(course))
        table.add_row({{row.label}, {row.date}, {row.score}, {row.band}, {row.change}, {row.percent}, {row.verdict}});
    return table.render(Color::no, 80);
}

std::string text_depression_response(const Report& r) {
    std::string out = heading("Depression response to infusions");
    if (r.infusions.empty()) out += "No infusion in this period.\n";
    for (std::size_t i = 0; i < r.infusions.size(); ++i) {
        const auto& inf = r.infusions[i];
        out += fmt::format("{}{}\n", i > 0 ? "\n" : "", infusion_title(inf));
        if (inf.phq9.any()) out += text_course(inf.phq9);
        if (inf.gad7.any()) out += text_course(inf.gad7);
        TextTable table({{"window"}, {"dates"}, {"days", Align::right}, {"mood", Align::right},
                         {"change", Align::right}, {"NAP (95 % CI)"}, {"energy"}, {"sleep h"}});
        for (const auto& row : mood_rows(inf))
            table.add_row({{row.label}, {row.dates}, {row.logged}, {row.mood}, {row.change}, {row.nap}, {row.energy},
                           {row.sleep}});
        out += table.render(Color::no, 80);
        for (const auto& line : depression_lines(inf)) out += wrap_indented(line, 80, "", "  ");
        if (r.pathway.pathway == Pathway::depression)
            for (const auto& remark : inf.remarks) out += wrap_indented(remark, 80, "", "  ");
    }
    if (!r.infusions.empty()) out += "\n" + wrap_indented(nap_legend(), 80, "", "");
    return out;
}

std::string text_infusions(const Report& r) {
    std::string out = heading("All infusions in the diary");
    TextTable table({{"no."}, {"date"}, {"base", Align::right}, {"1-7 %", Align::right}, {"category"},
                     {"best 7", Align::right}, {"response"}, {"relief", Align::right}, {"next", Align::right}});
    for (const auto& row : overview_rows(r))
        table.add_row({{row.number}, {row.date}, {row.baseline}, {row.percent}, {row.category}, {row.best},
                       {row.duration}, {row.relief}, {row.next}});
    out += table.render(Color::no, 80);
    out += wrap_indented(overview_legend(), 80, "", "");
    out += wrap_indented(across_infusions_text(r.across), 80, "", "");
    if (std::ranges::any_of(r.all_infusions, [](const InfusionResponse& inf) { return !inf.curve.empty(); }))
        out += "\n" +
               wrap_indented("Response curves: 7-day mean pain against each baseline, day -14 to 42; ▁ -50 % or "
                             "less, ▃ -30 % or less, ▅ -10 % or less, ▆ within 10 %, █ +10 % or more; * newest.",
                             80, "", "") +
               response_curves_text(r.all_infusions, Color::no);
    return out;
}

std::string text_key_figures(const Report& r) {
    return heading("Adherence and key figures") + wrap_indented(adherence_text(r), 80, "", "") + figures_table(r);
}

std::string text_side_effects(const Report& r) {
    std::string out = heading("Side effects in the 48 hours after each infusion");
    for (std::size_t i = 0; i < r.infusions.size(); ++i)
        out += wrap_indented(fmt::format("{}: {}", infusion_title(r.infusions[i]), side_effects_text(r.infusions[i])),
                             80, "", "  ");
    return out;
}

std::string text_pain_tags(const Report& r) {
    std::string out = heading("What makes pain better or worse");
    TextTable tags({{"tag"}, {"kind"}, {"days", Align::right}, {"pain with", Align::right},
                    {"without", Align::right}});
    for (const auto& t : r.summary.tags)
        if (t.tag.kind == TagKind::better || t.tag.kind == TagKind::worse)
            tags.add_row({{truncate_to_width(one_line(t.tag.name), 30)}, {std::string(name_of(t.tag.kind))},
                          {fmt::format("{}", t.days)}, {num(t.mean_pain_with)}, {num(t.mean_pain_without)}});
    out += tags.empty() ? "No better or worse tags in this period.\n"
                        : "Mean daily pain on days with the tag and without it (not proof of cause).\n" +
                              tags.render(Color::no, 80);
    return out;
}

std::string text_questionnaires(const Report& r) {
    std::string out = heading("Questionnaires");
    TextTable table({{"day"}, {"questionnaire"}, {"score", Align::right}, {"band"}, {"change"}});
    for (const auto& q : r.questionnaires)
        table.add_row({{format_day(q.day)}, {std::string(spec_of(q.instrument).title)},
                       {format_score(q.instrument, q.score)},
                       {q.instrument == Instrument::peg ? "–" : std::string(band_of(q.instrument, q.score))},
                       {questionnaire_change_text(r, q) + (needs_safety_message(q) ? " (item 9 above 0)" : "")}});
    out += table.render(Color::no, 80);
    if (r.safety_message) out += wrap_indented(std::string(safety_message()), 80, "", "");
    for (const auto& line : questionnaire_attributions(r)) out += wrap_indented(line, 80, "", "  ");
    return out;
}

std::string text_notes(const Report& r) {
    std::string out = heading(r.notes_total > static_cast<int>(r.notes.size())
                                  ? fmt::format("Notes ({} most recent of {})", r.notes.size(), r.notes_total)
                                  : std::string("Notes"));
    if (r.notes.empty()) out += "No notes in this period.\n";
    for (const auto& n : r.notes) out += wrap_indented(n.text, 80, n.time + "  ", std::string(18, ' '));
    return out;
}

std::string text_medicines(const Report& r) {
    std::string out = heading("Medicines");
    if (!r.regimen.empty()) out += wrap_indented(regimen_heading(r), 80, "", "") + regimen_text(r.regimen, Color::no);
    bool mme = any_mme(r);
    for (std::size_t i = 0; i < r.infusions.size(); ++i) {
        auto rows = medicine_rows(r.infusions[i]);
        if (rows.empty()) continue;
        out += fmt::format("\n{}: a day, over logged days\n", infusion_title(r.infusions[i]));
        std::vector<Column> columns{{"window"}, {"days", Align::right}};
        if (mme) columns.insert(columns.end(), {{"MME", Align::right}, {"change", Align::right}});
        columns.insert(columns.end(), {{"as needed", Align::right}, {"change", Align::right}});
        TextTable table(columns);
        for (const auto& row : rows) {
            std::vector<Cell> cells{{row.label}, {row.days}};
            if (mme) cells.insert(cells.end(), {{row.mme}, {row.mme_change}});
            cells.insert(cells.end(), {{row.prn}, {row.prn_change}});
            table.add_row(cells);
        }
        out += table.render(Color::no, 80);
    }
    return out + medicine_use_text(r.summary.medicines, Color::no);
}

std::string text_section(const Report& r, ReportSection section) {
    std::string out;
    switch (section) {
        case ReportSection::key_figures: return text_key_figures(r);
        case ReportSection::pain_response: return text_pain_response(r);
        case ReportSection::depression_response: return text_depression_response(r);
        case ReportSection::charts: return heading("Charts") + sparkline_block(r);
        case ReportSection::side_effects: return text_side_effects(r);
        case ReportSection::pain_tags: return text_pain_tags(r);
        case ReportSection::sleep_activity:
            out = heading("Sleep");
            for (const auto& line : sleep_lines(r)) out += wrap_indented(line, 80, "", "  ");
            out += heading("Activity");
            for (const auto& line : activity_lines(r)) out += wrap_indented(line, 80, "", "  ");
            return out;
        case ReportSection::questionnaires: return text_questionnaires(r);
        case ReportSection::medicines: return text_medicines(r);
        case ReportSection::notes: return text_notes(r);
        case ReportSection::body_map: return body_map_text(r);
        case ReportSection::infusions: return text_infusions(r);
        case ReportSection::calendar: return heading("A year at a glance") + calendar_text(r.calendar, ColorDepth::none);
    }
    return out;
}

}  // namespace

std::string report_text(const Report& r) {
    std::string out;
    for (char c : report_title(r)) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out += r.name.empty() ? "\n" : fmt::format(" · {}\n", one_line(r.name));
    out += fmt::format("{} to {} ({} days) · generated {}\n", format_day(r.period.from), format_day(r.period.to),
                       r.period.days(), r.generated);
    out += wrap_indented(fmt::format("Period: {}.", r.period_reason), 80, "", "");
    out += wrap_indented(r.pathway.sentence(), 80, "", "");
    if (r.next_infusion) out += wrap_indented(next_infusion_text(r), 80, "", "");
    if (r.safety_message) out += "\n" + wrap_indented(fmt::format("IMPORTANT: {}", safety_message()), 80, "", "  ");
    for (auto section : report_sections(r)) out += text_section(r, section);
    return out;
}

// ---------------------------------------------------------------- markdown

namespace {

std::string md_row(const std::vector<std::string>& cells) {
    std::string row = "|";
    for (const auto& c : cells) row += " " + c + " |";
    return row + "\n";
}

std::string md_table(const std::vector<std::string>& headers, const std::vector<bool>& right,
                     const std::vector<std::vector<std::string>>& rows) {
    std::string out = md_row(headers);
    std::vector<std::string> rule;
    for (std::size_t i = 0; i < headers.size(); ++i) rule.push_back(right[i] ? "---:" : "---");
    out += md_row(rule);
    for (const auto& row : rows) out += md_row(row);
    return out;
}

std::string md_key_figures(const Report& r) {
    std::string out = "\n## Adherence and key figures\n\n" + adherence_text(r) + "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto* m : key_metrics(r))
        rows.push_back({metric_title(m->metric), fmt::format("{}", m->n), num(m->mean), num(m->median), range(*m),
                        num(m->previous_mean), signed_num(m->change)});
    return out + md_table({"Daily values", "days", "mean", "median", "range",
                           fmt::format("previous {} days", r.period.days()), "change"},
                          {false, true, true, true, true, true, true}, rows);
}

std::string md_pain_response(const Report& r) {
    std::string out = r.pathway.pathway == Pathway::pain ? "\n## Response to infusions\n" : "\n## Pain response to infusions\n";
    if (r.infusions.empty()) out += "\nNo infusion in this period.\n";
    for (std::size_t i = 0; i < r.infusions.size(); ++i) {
        const auto& inf = r.infusions[i];
        out += fmt::format("\n### {}\n\n", markdown_escape(infusion_title(inf)));
        std::vector<std::vector<std::string>> rows;
        for (const auto& w : window_rows(inf))
            rows.push_back({w.label, w.dates, w.logged, w.pain, w.change, w.pct, w.category, w.mood, w.mood_change});
        out += md_table({"Window", "dates", "logged", "pain", "change", "%", "category", "mood", "change"},
                        {false, false, true, true, true, true, false, true, true}, rows);
        out += fmt::format("\n**Duration:** {}.\n", response_duration_text(inf));
        if (inf.pgic) out += fmt::format("\n{}.\n", markdown_escape(pgic_text(inf)));
        if (auto course = course_sentence(inf); !course.empty()) out += fmt::format("\n{}\n", markdown_escape(course));
        for (const auto& remark : inf.pain_remarks) out += fmt::format("\n{}\n", markdown_escape(remark));
        for (const auto& remark : inf.remarks) out += fmt::format("\n{}\n", markdown_escape(remark));
    }
    if (!r.infusions.empty()) out += fmt::format("\n*{}*\n", category_legend());
    return out;
}

std::string md_infusions(const Report& r) {
    std::string out = "\n## All infusions in the diary\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : overview_rows(r))
        rows.push_back({row.number, row.date, markdown_escape(row.label), row.baseline, row.change, row.percent,
                        row.category, row.best, row.duration, row.relief, row.next});
    out += md_table({"Infusion", "date", "label", "baseline", "days 1–7", "%", "category", "best 7 days", "response",
                     "relief 1–28", "next"},
                    {false, false, false, true, true, true, false, true, false, true, true}, rows);
    out += fmt::format("\n*{}*\n\n{}\n", markdown_escape(overview_legend()), markdown_escape(across_infusions_text(r.across)));
    if (std::ranges::any_of(r.all_infusions, [](const InfusionResponse& inf) { return !inf.curve.empty(); }))
        out += "\nResponse curves: 7-day mean pain against each baseline, day -14 to 42; ▁ -50 % or less, ▃ -30 % or "
               "less, ▅ -10 % or less, ▆ within 10 %, █ +10 % or more; \\* newest.\n\n```text\n" +
               response_curves_text(r.all_infusions, Color::no) + "```\n";
    return out;
}

std::string md_course(const QuestionnaireCourse& course) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : course_rows(course))
        rows.push_back({row.label, row.date, row.score, row.band, row.change, row.percent, row.verdict});
    return md_table({std::string(spec_of(course.instrument).title), "date", "score", "band", "change", "%", "verdict"},
                    {false, false, true, false, true, true, false}, rows);
}

std::string md_depression_response(const Report& r) {
    std::string out = "\n## Depression response to infusions\n";
    if (r.infusions.empty()) out += "\nNo infusion in this period.\n";
    for (std::size_t i = 0; i < r.infusions.size(); ++i) {
        const auto& inf = r.infusions[i];
        out += fmt::format("\n### {}\n\n", markdown_escape(infusion_title(inf)));
        if (inf.phq9.any()) out += md_course(inf.phq9) + "\n";
        if (inf.gad7.any()) out += md_course(inf.gad7) + "\n";
        std::vector<std::vector<std::string>> rows;
        for (const auto& w : mood_rows(inf))
            rows.push_back({w.label, w.dates, w.logged, w.mood, w.change, w.nap, w.energy, w.sleep});
        out += md_table({"Window", "dates", "mood days", "mood", "change", "NAP (95 % CI)", "energy", "sleep h"},
                        {false, false, true, true, true, false, false, false}, rows);
        for (const auto& line : depression_lines(inf)) out += fmt::format("\n{}\n", markdown_escape(line));
        if (r.pathway.pathway == Pathway::depression)
            for (const auto& remark : inf.remarks) out += fmt::format("\n{}\n", markdown_escape(remark));
    }
    if (!r.infusions.empty()) out += fmt::format("\n*{}*\n", markdown_escape(nap_legend()));
    return out;
}

std::string md_pain_tags(const Report& r) {
    std::string out = "\n## What makes pain better or worse\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : r.summary.tags)
        if (t.tag.kind == TagKind::better || t.tag.kind == TagKind::worse)
            rows.push_back({markdown_escape(t.tag.name), std::string(name_of(t.tag.kind)), fmt::format("{}", t.days),
                            num(t.mean_pain_with), num(t.mean_pain_without)});
    if (rows.empty()) return out + "No better or worse tags in this period.\n";
    out += "Mean daily pain on days with the tag and without it (not proof of cause).\n\n";
    return out + md_table({"Tag", "kind", "days", "pain with", "without"}, {false, false, true, true, true}, rows);
}

std::string md_questionnaires(const Report& r) {
    std::string out = "\n## Questionnaires\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& q : r.questionnaires)
        rows.push_back({format_day(q.day), std::string(spec_of(q.instrument).title), format_score(q.instrument, q.score),
                        q.instrument == Instrument::peg ? "–" : std::string(band_of(q.instrument, q.score)),
                        questionnaire_change_text(r, q) + (needs_safety_message(q) ? " (item 9 above 0)" : "")});
    out += md_table({"Day", "questionnaire", "score", "band", "change"}, {false, false, true, false, false}, rows);
    if (r.safety_message) out += fmt::format("\n> **Important:** {}\n", safety_message());
    for (const auto& line : questionnaire_attributions(r)) out += "\n" + markdown_escape(line) + "\n";
    return out;
}

std::string md_notes(const Report& r) {
    std::string out = "\n## Notes\n\n";
    if (r.notes_total > static_cast<int>(r.notes.size()))
        out += fmt::format("The {} most recent of {} notes.\n\n", r.notes.size(), r.notes_total);
    if (r.notes.empty()) out += "No notes in this period.\n";
    for (const auto& n : r.notes) out += fmt::format("- {} — {}\n", n.time, markdown_escape(n.text));
    return out;
}

std::string md_medicines(const Report& r) {
    std::string out = "\n## Medicines\n";
    if (!r.regimen.empty()) {
        out += "\n" + markdown_escape(regimen_heading(r)) + "\n\n";
        std::vector<std::vector<std::string>> rows;
        for (const auto& item : r.regimen)
            rows.push_back({markdown_escape(item.medicine), item.usual_dose ? format_amount(*item.usual_dose) : "–",
                            fmt::format("{:.1f}", item.doses_per_day), fmt::format("{}", item.days_taken),
                            format_day(item.last_taken), classes_text(item.info)});
        out += md_table({"Medicine", "usual dose", "per day", "days", "last taken", "check before an infusion"},
                        {false, false, true, true, false, false}, rows);
    }
    bool mme = any_mme(r);
    for (std::size_t i = 0; i < r.infusions.size(); ++i) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& row : medicine_rows(r.infusions[i])) {
            rows.push_back({row.label, row.days});
            if (mme) rows.back().insert(rows.back().end(), {row.mme, row.mme_change});
            rows.back().insert(rows.back().end(), {row.prn, row.prn_change});
        }
        if (rows.empty()) continue;
        out += fmt::format("\n### {}\n\nA day, over logged days (an entry or a dose).\n\n",
                           markdown_escape(infusion_title(r.infusions[i])));
        std::vector<std::string> headers{"Window", "days"};
        std::vector<bool> right{false, true};
        if (mme) headers.insert(headers.end(), {"MME", "change"}), right.insert(right.end(), {true, true});
        headers.insert(headers.end(), {"as needed", "change"});
        right.insert(right.end(), {true, true});
        out += md_table(headers, right, rows);
    }
    const auto& use = r.summary.medicines;
    if (use.medicines.empty()) return out;
    out += fmt::format("\nOver {} logged days of the period:\n\n", use.logged_days);
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : use.medicines)
        rows.push_back({markdown_escape(m.medicine), fmt::format("{}", m.days_taken), fmt::format("{}", m.doses),
                        m.as_needed_per_day ? fmt::format("{:.2f}", *m.as_needed_per_day) : "–",
                        classes_text(m.info)});
    out += md_table({"Medicine", "days", "doses", "as needed/day", "check before an infusion"},
                    {false, true, true, true, false}, rows);
    if (use.mme_mean)
        out += fmt::format("\nOpioid use: {:.1f} MME a day on average (range {:.1f} to {:.1f}). {}\n", *use.mme_mean,
                           *use.mme_min, *use.mme_max, mme_caveat);
    return out;
}

std::string md_section(const Report& r, ReportSection section) {
    std::string out;
    switch (section) {
        case ReportSection::key_figures: return md_key_figures(r);
        case ReportSection::pain_response: return md_pain_response(r);
        case ReportSection::depression_response: return md_depression_response(r);
        case ReportSection::charts: return "\n## Charts\n\n```text\n" + sparkline_block(r) + "```\n";
        case ReportSection::side_effects:
            out = "\n## Side effects in the 48 hours after each infusion\n\n";
            for (std::size_t i = 0; i < r.infusions.size(); ++i)
                out += fmt::format("- **{}:** {}\n", markdown_escape(infusion_title(r.infusions[i])),
                                   markdown_escape(side_effects_text(r.infusions[i])));
            return out;
        case ReportSection::pain_tags: return md_pain_tags(r);
        case ReportSection::sleep_activity:
            out = "\n## Sleep\n\n";
            for (const auto& line : sleep_lines(r)) out += "- " + markdown_escape(line) + "\n";
            out += "\n## Activity\n\n";
            for (const auto& line : activity_lines(r)) out += "- " + markdown_escape(line) + "\n";
            return out;
        case ReportSection::questionnaires: return md_questionnaires(r);
        case ReportSection::medicines: return md_medicines(r);
        case ReportSection::notes: return md_notes(r);
        case ReportSection::body_map: return body_map_markdown(r);
        case ReportSection::infusions: return md_infusions(r);
        case ReportSection::calendar:
            return "\n## A year at a glance\n\n```text\n" + calendar_text(r.calendar, ColorDepth::none) + "```\n";
    }
    return out;
}

}  // namespace

std::string report_markdown(const Report& r) {
    std::string out = fmt::format("# {}\n\n", report_title(r));
    if (!r.name.empty()) out += fmt::format("**{}** · ", markdown_escape(r.name));
    out += fmt::format("{} to {} ({} days) · generated {}\n\n", format_day(r.period.from), format_day(r.period.to),
                       r.period.days(), r.generated);
    out += fmt::format("Period: {}.\n\n{}\n", r.period_reason, markdown_escape(r.pathway.sentence()));
    if (r.next_infusion) out += fmt::format("\n**{}**\n", markdown_escape(next_infusion_text(r)));
    if (r.safety_message) out += fmt::format("\n> **Important:** {}\n", safety_message());
    for (auto section : report_sections(r)) out += md_section(r, section);
    return out;
}

// ---------------------------------------------------------------- json

nlohmann::ordered_json report_json(const Report& r) {
    using json = nlohmann::ordered_json;
    json j;
    j["name"] = r.name.empty() ? json(nullptr) : json(r.name);
    j["period"] = {{"from", format_day(r.period.from)},
                   {"to", format_day(r.period.to)},
                   {"days", r.period.days()},
                   {"reason", r.period_reason}};
    j["generated"] = r.generated_iso;
    j["baseline_days"] = r.baseline_days;
    j["pathway"] = pathway_json(r.pathway);
    j["title"] = report_title(r);
    json sections = json::array();
    for (auto section : report_sections(r)) sections.push_back(name_of(section));
    j["sections"] = sections;
    j["summary"] = summary_json(r.summary);
    json responses = json::array();
    for (const auto& inf : r.infusions) responses.push_back(infusion_response_json(inf));
    j["responses"] = responses;
    json events_j = json::array();
    for (const auto& e : r.events) events_j.push_back(event_json(e));
    j["events"] = events_j;
    j["trend"] = trend_json(r.trend);
    j["questionnaires"] = questionnaires_json(r.questionnaires, r.questionnaire_history);
    j["safety_message"] = r.safety_message ? json(std::string(safety_message())) : json(nullptr);
    json notes = json::array();
    for (const auto& n : r.notes)
        notes.push_back({{"entry_id", n.entry_id}, {"day", format_day(n.day)}, {"time", n.time}, {"text", n.text},
                         {"cut", n.cut}});
    j["notes"] = {{"total", r.notes_total}, {"shown", notes}};
    j["regimen"] = regimen_json(r.regimen);
    if (r.next_infusion) {
        j["next_infusion"] = event_json(*r.next_infusion);
        j["next_infusion"]["check_complete"] = r.next_check_complete ? json(*r.next_check_complete) : json();
    } else {
        j["next_infusion"] = nullptr;
    }
    json daily_mme = json::array();
    for (const auto& d : r.daily_doses)
        if (d.mme > 0) daily_mme.push_back({{"day", format_day(d.day)}, {"mme", std::round(d.mme * 100) / 100}});
    j["daily_mme"] = daily_mme;
    j["body_map"] = body_map_json(r);
    json all = json::array();
    for (const auto& inf : r.all_infusions) all.push_back(infusion_overview_json(inf));
    j["all_infusions"] = all;
    j["across_infusions"] = across_infusions_json(r.across);
    j["calendar"] = calendar_json(r.calendar);
    return j;
}

// ---------------------------------------------------------------- markdown escaping

std::string markdown_escape(std::string_view text) {
    // Inline markup anywhere; block markup (headings, lists, quotes) only
    // at the start, where a leading character is escaped instead.
    static constexpr std::string_view inline_special = "\\`*_[]<>|~&";
    static constexpr std::string_view leading_special = "#+-=";
    std::string out;
    out.reserve(text.size());
    bool at_start = true;
    bool only_digits = true;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (inline_special.find(c) != std::string_view::npos ||
            (at_start && leading_special.find(c) != std::string_view::npos) ||
            (!at_start && only_digits && (c == '.' || c == ')')))
            out += '\\';
        out += c;
        only_digits = only_digits && c >= '0' && c <= '9';
        at_start = false;
    }
    return out;
}

}  // namespace painlog
