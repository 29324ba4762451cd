#include "painlog/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <set>

#include <fmt/format.h>

#include "painlog/store/day_index.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/report/report_detail.hpp"
#include "painlog/model/settings.hpp"
#include "painlog/analysis/stats.hpp"
#include "painlog/analysis/streak.hpp"
#include "painlog/util/table.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

using namespace report_detail;

namespace {

int setting_int(Diary& diary, std::string_view key) { return std::stoi(diary.setting_or_default(key)); }

// What the report keeps of the entries it reads, in time order: their
// days, the few entries that count as side effects, and the latest notes.
// Years of entries, notes and all, would not fit in the report's memory.
class ReportReading {
public:
    ReportReading(Day notes_from, const Zone* zone) : notes_from_(notes_from), zone_(zone) {}

    void add(Entry entry) {
        days_.add(entry);
        if (entry.day >= notes_from_ && !entry.note.empty()) {
            ++notes_total_;
            if (latest_notes_.size() == report_max_notes) latest_notes_.pop_front();
            latest_notes_.push_back(note_of(entry));
        }
        bool side_effect = std::ranges::any_of(entry.tags, [](const Tag& t) { return t.kind == TagKind::side_effect; });
        if (side_effect) {
            entry.note.clear();
            side_effect_entries_.push_back(std::move(entry));
        }
    }

    [[nodiscard]] std::vector<DailyValues> days() && { return std::move(days_).finish(); }
    [[nodiscard]] const std::vector<Entry>& side_effect_entries() const { return side_effect_entries_; }
    // Most recent first.
    [[nodiscard]] std::vector<ReportNote> notes() const { return {latest_notes_.rbegin(), latest_notes_.rend()}; }
    [[nodiscard]] int notes_total() const { return notes_total_; }

private:
    ReportNote note_of(const Entry& e) const {
        auto line = one_line(e.note);
        auto cut = truncate_to_width(line, report_note_chars);
        return {e.id, e.day, format_local_minutes(e.at, zone_), cut, cut != line};
    }

    Day notes_from_;
    const Zone* zone_;
    DailyValuesBuilder days_;
    std::vector<Entry> side_effect_entries_;
    std::deque<ReportNote> latest_notes_;
    int notes_total_ = 0;
};

}  // namespace

Report build_report(Diary& diary, const TimeContext& time, const ReportRequest& request) {
    Report r;
    Day now_day = today(time);
    r.name = diary.setting(setting_key::name).value_or("");
    r.baseline_days = setting_int(diary, setting_key::baseline_days);
    int report_days = setting_int(diary, setting_key::report_days);
    r.generated = format_local_minutes(time.now, time.zone);
    r.generated_iso = format_local(time.now, time.zone);

    Day to = request.until.value_or(now_day);
    if (to > now_day)
        throw InputError(fmt::format("--until {}: expected a day no later than today ({})", format_day(to),
                                     format_day(now_day)));
    auto all_events = events(diary);
    std::optional<Event> anchor;
    if (request.event_id) {
        anchor = get_event(diary, *request.event_id);
        if (anchor->kind != EventKind::infusion)
            throw InputError(fmt::format("--event {}: expected an infusion; event {} is of kind {}", *request.event_id,
                                         *request.event_id, name_of(anchor->kind)));
        if (anchor->day > to)
            throw InputError(fmt::format("--event {}: the infusion on {} is after the report's last day {}",
                                         *request.event_id, format_day(anchor->day), format_day(to)));
    } else {
        for (const auto& e : all_events)
            if (e.kind == EventKind::infusion && e.day <= to) anchor = e;
    }

    Day from;
    if (request.since) {
        from = *request.since;
        r.period_reason = "the days asked for";
    } else if (anchor) {
        from = anchor->day - date::days{r.baseline_days};
        r.period_reason = fmt::format("from {} days before the {} infusion ({}) to {}", r.baseline_days,
                                      request.event_id ? "chosen" : "most recent", format_day(anchor->day),
                                      request.until ? "the last day asked for" : "today");
    } else {
        from = to - date::days{report_days - 1};
        r.period_reason = fmt::format("the last {} days (no infusion recorded)", report_days);
    }
    require_forward_period(from, to);
    r.period = {from, to};
    r.today = to;

    // Infusions whose response the report shows: those in the period, or the one asked for.
    std::vector<Event> infusions;
    for (const auto& e : all_events) {
        if (e.day >= from && e.day <= to) r.events.push_back(e);
        if (e.kind == EventKind::infusion && e.day <= to) infusions.push_back(e);
    }
    auto shown = [&](const Event& e) {
        return request.event_id ? e.id == *request.event_id : (e.day >= from && e.day <= to);
    };

    // One query covers everything: the previous period (change column), the
    // six days before the period (first 7-day means) and every shown
    // infusion's baseline (and the analysis of the infusion just before it).
    Day first = std::min(r.period.previous().from, from - date::days{rolling_window_days - 1});
    std::optional<Day> earliest_shown;
    for (std::size_t i = 0; i < infusions.size(); ++i) {
        if (!shown(infusions[i])) continue;
        earliest_shown = i > 0 ? infusions[i - 1].day : infusions[i].day;
        break;
    }
    if (earliest_shown) first = std::min(first, *earliest_shown - date::days{r.baseline_days});
    ReportReading reading(from, time.zone);
    diary.for_each_entry({first, to, std::nullopt}, [&](Entry e) { reading.add(std::move(e)); });
    auto days = std::move(reading).days();

    std::vector<DailyValues> period_days, previous_days;
    auto previous = r.period.previous();
    for (const auto& d : days) {
        if (r.period.contains(d.day)) period_days.push_back(d);
        if (previous.contains(d.day)) previous_days.push_back(d);
    }
    r.summary = summarize(period_days, previous_days, r.period);
    if (to == now_day) r.summary.streak_days = current_logging_streak(diary, now_day);
    r.trend = analyze_trend(days, r.period, std::vector<Metric>(all_metrics.begin(), all_metrics.end()), Grouping::week,
                            request.trend_tests);

    // Infusions before the first shown one only serve to cut windows; analyse from it on.
    std::vector<Event> analysed;
    for (const auto& e : infusions)
        if (earliest_shown && e.day >= *earliest_shown) analysed.push_back(e);
    for (auto& response : analyse_responses(days, reading.side_effect_entries(), analysed, r.baseline_days, to))
        if (shown(response.infusion)) r.infusions.push_back(std::move(response));

    r.questionnaires = questionnaire_results(diary, std::nullopt, from, to);
    if (!r.questionnaires.empty()) r.questionnaire_history = questionnaire_results(diary);
    for (const auto& q : r.questionnaires)
        if (needs_safety_message(q)) r.safety_message = true;

    r.notes = reading.notes();
    r.notes_total = reading.notes_total();
    return r;
}

// ---------------------------------------------------------------- helpers

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

std::string infusion_title(const InfusionResponse& inf, std::size_t number) {
    auto title = fmt::format("Infusion {} · {}", number, format_day(inf.infusion.day));
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
    for (std::size_t i = 0; i < r.infusions.size(); ++i) {
        const auto& inf = r.infusions[i];
        spec.markers.push_back({inf.infusion.day, fmt::format("Infusion {}", i + 1)});
        spec.ranges.push_back({inf.baseline.from, inf.baseline.to, "baseline"});
    }
    return spec;
}

ChartSeries metric_series(const Report& r, Metric metric, int style) {
    return {metric_title(metric), points(r, daily_series(r, metric)), points(r, rolling_series(r, metric)), style};
}

}  // namespace

std::string pain_mood_chart(const Report& r) {
    auto spec = base_chart(r, "Daily pain and mood with 7-day means", "rating 0–10");
    spec.series.push_back(metric_series(r, Metric::pain, 0));
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

}  // namespace report_detail

// ---------------------------------------------------------------- text

namespace {

// Greedy word wrap to `width` columns; continuation lines start with `indent`.
std::string wrap(std::string_view text, std::size_t width, std::string_view first_indent, std::string_view indent) {
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
    for (const auto& m : r.summary.metrics)
        table.add_row({{metric_title(m.metric)}, {fmt::format("{}", m.n)}, {num(m.mean)}, {num(m.median)}, {range(m)},
                       {num(m.previous_mean)}, {signed_num(m.change)}});
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
    line("pain", daily_series(r, Metric::pain), Metric::pain);
    line("  7-day mean", rolling_series(r, Metric::pain), Metric::pain);
    line("mood", daily_series(r, Metric::mood), Metric::mood);
    line("  7-day mean", rolling_series(r, Metric::mood), Metric::mood);
    line("sleep hours", daily_series(r, Metric::sleep_hours), Metric::sleep_hours);
    line("energy", daily_series(r, Metric::energy), Metric::energy);
    if (!r.infusions.empty()) {
        std::string marks((days + size - 1) / size, ' ');
        for (const auto& inf : r.infusions) {
            auto index = static_cast<std::size_t>((inf.infusion.day - r.period.from).count()) / size;
            if (index < marks.size()) marks[index] = '^';
        }
        while (!marks.empty() && marks.back() == ' ') marks.pop_back();
        out += fmt::format("{} {}\n", pad_right("infusion", 14), marks);
    }
    out += wrap(fmt::format("{} to {}, {}; ▁ lowest, █ highest (0–10; sleep 0–12 h); blank: no value.",
                            format_day(r.period.from), format_day(r.period.to),
                            size == 1 ? std::string("one character a day") : fmt::format("{} days a character", size)),
                80, std::string(15, ' '), std::string(15, ' '));
    return out;
}

}  // namespace

std::string report_text(const Report& r) {
    std::string out;
    out += r.name.empty() ? "PAIN DIARY REPORT\n" : fmt::format("PAIN DIARY REPORT · {}\n", one_line(r.name));
    out += fmt::format("{} to {} ({} days) · generated {}\n", format_day(r.period.from), format_day(r.period.to),
                       r.period.days(), r.generated);
    out += wrap(fmt::format("Period: {}.", r.period_reason), 80, "", "");
    if (r.safety_message) out += "\n" + wrap(fmt::format("IMPORTANT: {}", safety_message()), 80, "", "  ");

    out += heading("Adherence and key figures");
    out += wrap(adherence_text(r), 80, "", "");
    out += figures_table(r);

    out += heading("Response to infusions");
    if (r.infusions.empty()) out += "No infusion in this period.\n";
    for (std::size_t i = 0; i < r.infusions.size(); ++i) {
        const auto& inf = r.infusions[i];
        out += fmt::format("{}{}\n", i > 0 ? "\n" : "", infusion_title(inf, i + 1));
        TextTable table({{"window"}, {"dates"}, {"days", Align::right}, {"pain", Align::right},
                         {"change", Align::right}, {"%", Align::right}, {"mood", Align::right}, {"category"}});
        for (const auto& row : window_rows(inf))
            table.add_row({{row.label}, {row.dates}, {row.logged}, {row.pain}, {row.change}, {row.pct}, {row.mood},
                           {row.category}});
        out += table.render(Color::no, 80);
        out += wrap(fmt::format("Duration: {}.", response_duration_text(inf)), 80, "", "  ");
        for (const auto& remark : inf.remarks) out += wrap(remark, 80, "", "  ");
    }
    if (!r.infusions.empty()) out += "\n" + wrap(category_legend(), 80, "", "");

    out += heading("Charts");
    out += sparkline_block(r);

    if (!r.infusions.empty()) {
        out += heading("Side effects in the 48 hours after each infusion");
        for (std::size_t i = 0; i < r.infusions.size(); ++i)
            out += wrap(fmt::format("{}: {}", infusion_title(r.infusions[i], i + 1), side_effects_text(r.infusions[i])),
                        80, "", "  ");
    }

    out += heading("What makes pain better or worse");
    TextTable tags({{"tag"}, {"kind"}, {"days", Align::right}, {"pain with", Align::right},
                    {"without", Align::right}});
    for (const auto& t : r.summary.tags)
        if (t.tag.kind == TagKind::better || t.tag.kind == TagKind::worse)
            tags.add_row({{truncate_to_width(one_line(t.tag.name), 30)}, {std::string(name_of(t.tag.kind))},
                          {fmt::format("{}", t.days)}, {num(t.mean_pain_with)}, {num(t.mean_pain_without)}});
    out += tags.empty() ? "No better or worse tags in this period.\n"
                        : "Mean daily pain on days with the tag and without it (not proof of cause).\n" +
                              tags.render(Color::no, 80);

    out += heading("Sleep");
    for (const auto& line : sleep_lines(r)) out += wrap(line, 80, "", "  ");
    out += heading("Activity");
    for (const auto& line : activity_lines(r)) out += wrap(line, 80, "", "  ");

    if (!r.questionnaires.empty()) {
        out += heading("Questionnaires");
        TextTable table({{"day"}, {"questionnaire"}, {"score", Align::right}, {"band"}, {"change"}});
        for (const auto& q : r.questionnaires)
            table.add_row({{format_day(q.day)}, {std::string(spec_of(q.instrument).title)},
                           {format_score(q.instrument, q.score)},
                           {q.instrument == Instrument::peg ? "–" : std::string(band_of(q.instrument, q.score))},
                           {questionnaire_change_text(r, q) + (needs_safety_message(q) ? " (item 9 above 0)" : "")}});
        out += table.render(Color::no, 80);
        if (r.safety_message) out += wrap(std::string(safety_message()), 80, "", "");
        for (const auto& line : questionnaire_attributions(r)) out += wrap(line, 80, "", "  ");
    }

    out += heading(r.notes_total > static_cast<int>(r.notes.size())
                       ? fmt::format("Notes ({} most recent of {})", r.notes.size(), r.notes_total)
                       : std::string("Notes"));
    if (r.notes.empty()) out += "No notes in this period.\n";
    for (const auto& n : r.notes) out += wrap(n.text, 80, n.time + "  ", std::string(18, ' '));
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

}  // namespace

std::string report_markdown(const Report& r) {
    std::string out = "# Pain diary report\n\n";
    if (!r.name.empty()) out += fmt::format("**{}** · ", markdown_escape(r.name));
    out += fmt::format("{} to {} ({} days) · generated {}\n\n", format_day(r.period.from), format_day(r.period.to),
                       r.period.days(), r.generated);
    out += fmt::format("Period: {}.\n", r.period_reason);
    if (r.safety_message) out += fmt::format("\n> **Important:** {}\n", safety_message());

    out += "\n## Adherence and key figures\n\n" + adherence_text(r) + "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : r.summary.metrics)
        rows.push_back({metric_title(m.metric), fmt::format("{}", m.n), num(m.mean), num(m.median), range(m),
                        num(m.previous_mean), signed_num(m.change)});
    out += md_table({"Daily values", "days", "mean", "median", "range", fmt::format("previous {} days", r.period.days()),
                     "change"},
                    {false, true, true, true, true, true, true}, rows);

    out += "\n## Response to infusions\n";
    if (r.infusions.empty()) out += "\nNo infusion in this period.\n";
    for (std::size_t i = 0; i < r.infusions.size(); ++i) {
        const auto& inf = r.infusions[i];
        out += fmt::format("\n### {}\n\n", markdown_escape(infusion_title(inf, i + 1)));
        rows.clear();
        for (const auto& w : window_rows(inf))
            rows.push_back({w.label, w.dates, w.logged, w.pain, w.change, w.pct, w.category, w.mood, w.mood_change});
        out += md_table({"Window", "dates", "logged", "pain", "change", "%", "category", "mood", "change"},
                        {false, false, true, true, true, true, false, true, true}, rows);
        out += fmt::format("\n**Duration:** {}.\n", response_duration_text(inf));
        for (const auto& remark : inf.remarks) out += fmt::format("\n{}\n", markdown_escape(remark));
    }
    if (!r.infusions.empty()) out += fmt::format("\n*{}*\n", category_legend());

    out += "\n## Charts\n\n```text\n" + sparkline_block(r) + "```\n";

    if (!r.infusions.empty()) {
        out += "\n## Side effects in the 48 hours after each infusion\n\n";
        for (std::size_t i = 0; i < r.infusions.size(); ++i)
            out += fmt::format("- **{}:** {}\n", markdown_escape(infusion_title(r.infusions[i], i + 1)),
                               markdown_escape(side_effects_text(r.infusions[i])));
    }

    out += "\n## What makes pain better or worse\n\n";
    rows.clear();
    for (const auto& t : r.summary.tags)
        if (t.tag.kind == TagKind::better || t.tag.kind == TagKind::worse)
            rows.push_back({markdown_escape(t.tag.name), std::string(name_of(t.tag.kind)), fmt::format("{}", t.days),
                            num(t.mean_pain_with), num(t.mean_pain_without)});
    if (rows.empty()) {
        out += "No better or worse tags in this period.\n";
    } else {
        out += "Mean daily pain on days with the tag and without it (not proof of cause).\n\n";
        out += md_table({"Tag", "kind", "days", "pain with", "without"}, {false, false, true, true, true}, rows);
    }

    out += "\n## Sleep\n\n";
    for (const auto& line : sleep_lines(r)) out += "- " + markdown_escape(line) + "\n";
    out += "\n## Activity\n\n";
    for (const auto& line : activity_lines(r)) out += "- " + markdown_escape(line) + "\n";

    if (!r.questionnaires.empty()) {
        out += "\n## Questionnaires\n\n";
        rows.clear();
        for (const auto& q : r.questionnaires)
            rows.push_back({format_day(q.day), std::string(spec_of(q.instrument).title),
                            format_score(q.instrument, q.score),
                            q.instrument == Instrument::peg ? "–" : std::string(band_of(q.instrument, q.score)),
                            questionnaire_change_text(r, q) + (needs_safety_message(q) ? " (item 9 above 0)" : "")});
        out += md_table({"Day", "questionnaire", "score", "band", "change"}, {false, false, true, false, false}, rows);
        if (r.safety_message) out += fmt::format("\n> **Important:** {}\n", safety_message());
        for (const auto& line : questionnaire_attributions(r)) out += "\n" + markdown_escape(line) + "\n";
    }

    out += "\n## Notes\n\n";
    if (r.notes_total > static_cast<int>(r.notes.size()))
        out += fmt::format("The {} most recent of {} notes.\n\n", r.notes.size(), r.notes_total);
    if (r.notes.empty()) out += "No notes in this period.\n";
    for (const auto& n : r.notes) out += fmt::format("- {} — {}\n", n.time, markdown_escape(n.text));
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
