// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/summary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "painlog/util/error.hpp"
#include "painlog/util/table.hpp"

namespace painlog {
namespace {

using json = nlohmann::ordered_json;

// How many tags the text shows; JSON has them all.
constexpr std::size_t max_text_tags = 15;

std::vector<const DailyValues*> within(const std::vector<DailyValues>& days, Period period) {
    std::vector<const DailyValues*> result;
    for (const auto& day : days)
        if (period.contains(day.day)) result.push_back(&day);
    return result;
}

std::vector<double> values_of(const std::vector<const DailyValues*>& days, Metric metric) {
    std::vector<double> values;
    for (const auto* day : days)
        if (auto v = day->value(metric)) values.push_back(*v);
    return values;
}

MetricSummary summarize_metric(Metric metric, const std::vector<const DailyValues*>& days,
                               const std::vector<const DailyValues*>& previous_days) {
    MetricSummary m;
    m.metric = metric;
    auto values = values_of(days, metric);
    m.n = values.size();
    m.mean = stats::mean(values);
    m.median = stats::median(values);
    m.sd = stats::sample_sd(values);
    if (!values.empty()) {
        m.min = *std::min_element(values.begin(), values.end());
        m.max = *std::max_element(values.begin(), values.end());
    }
    auto previous = values_of(previous_days, metric);
    m.previous_n = previous.size();
    m.previous_mean = stats::mean(previous);
    if (m.mean && m.previous_mean) m.change = *m.mean - *m.previous_mean;
    return m;
}

BestWorst best_and_worst(Metric metric, const std::vector<const DailyValues*>& days) {
    BestWorst bw;
    bw.metric = metric;
    bool lower_better = lower_is_better(metric);
    std::optional<DayValueAt> lowest, highest;
    // Days are in order, so `<=` and `>=` let the most recent of tied days win.
    for (const auto* day : days) {
        auto v = day->value(metric);
        if (!v) continue;
        ++bw.n;
        if (!lowest || *v <= lowest->value) lowest = DayValueAt{day->day, *v};
        if (!highest || *v >= highest->value) highest = DayValueAt{day->day, *v};
    }
    bw.best = lower_better ? lowest : highest;
    bw.worst = lower_better ? highest : lowest;
    return bw;
}

std::vector<TagSummary> summarize_tags(const std::vector<const DailyValues*>& days) {
    std::map<Tag, std::size_t> index;  // kind-then-name order
    for (const auto* day : days)
        for (const auto& tag : day->tags) index.emplace(tag, 0);
    std::vector<TagSummary> result;
    for (auto& [tag, i] : index) {
        i = result.size();
        result.push_back({tag, 0, 0, 0, std::nullopt, std::nullopt});
    }
    // Pain sums with and without each tag, in day order (as stats::mean adds
    // them), in one pass over the days.
    std::vector<double> with(result.size()), without(result.size());
    std::vector<std::size_t> seen_on(result.size(), days.size());  // the last day's position a tag was seen on
    for (std::size_t d = 0; d < days.size(); ++d) {
        for (const auto& tag : days[d]->tags) {
            auto i = index[tag];
            ++result[i].days;
            seen_on[i] = d;
        }
        auto pain = days[d]->value(Metric::pain);
        if (!pain) continue;
        for (std::size_t i = 0; i < result.size(); ++i) {
            bool has = seen_on[i] == d;
            (has ? with[i] : without[i]) += *pain;
            ++(has ? result[i].n_with : result[i].n_without);
        }
    }
    for (std::size_t i = 0; i < result.size(); ++i) {
        auto& t = result[i];
        if (t.n_with > 0) t.mean_pain_with = with[i] / static_cast<double>(t.n_with);
        if (t.n_without > 0) t.mean_pain_without = without[i] / static_cast<double>(t.n_without);
    }
    // Kind-then-name order is kept among equal day counts.
    std::stable_sort(result.begin(), result.end(), [](const TagSummary& a, const TagSummary& b) { return a.days > b.days; });
    return result;
}

Pattern correlate(Metric x, Metric y, int lag_days, const std::vector<const DailyValues*>& days) {
    Pattern pattern{x, y, lag_days, 0, std::nullopt};
    std::vector<double> xs, ys;
    if (!days.empty()) {
        // Index the days by their distance from the first.
        auto [lo, hi] = std::minmax_element(days.begin(), days.end(),
                                            [](const auto* a, const auto* b) { return a->day < b->day; });
        Day first = (*lo)->day;
        std::vector<const DailyValues*> by_offset(static_cast<std::size_t>(((*hi)->day - first).count() + 1));
        for (const auto* day : days) by_offset[static_cast<std::size_t>((day->day - first).count())] = day;
        for (const auto* day : days) {
            auto xv = day->value(x);
            auto offset = static_cast<std::size_t>((day->day - first).count() + lag_days);
            if (!xv || offset >= by_offset.size() || !by_offset[offset]) continue;
            auto yv = by_offset[offset]->value(y);
            if (!yv) continue;
            xs.push_back(*xv);
            ys.push_back(*yv);
        }
    }
    pattern.n = xs.size();
    if (pattern.n >= min_pattern_n) pattern.correlation = stats::spearman(xs, ys);
    return pattern;
}

json optional_number(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json period_json(Period period) {
    return json{{"from", format_day(period.from)}, {"to", format_day(period.to)}, {"days", period.days()}};
}

json day_value_json(const std::optional<DayValueAt>& dv) {
    if (!dv) return nullptr;
    return json{{"date", format_day(dv->day)}, {"value", dv->value}};
}

std::string signed_figure(const std::optional<double>& value) {
    if (!value) return "–";
    auto rounded = std::round(*value * 10) / 10;
    if (rounded == 0) return "0.0";
    return fmt::format("{:+.1f}", rounded);
}


std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The subject of a pattern sentence, e.g. "On days after more sleep".
std::string_view pattern_subject(const Pattern& p) {
    switch (p.x) {
        case Metric::sleep_hours: return "After nights with more sleep";
        case Metric::sleep_quality: return "After nights of better sleep quality";
        case Metric::activity: return p.lag_days == 1 ? "On days after more activity" : "On days with more activity";
        case Metric::mood: return "On days with better mood";
        case Metric::energy: return "On days with more energy";
        case Metric::pain: return "On days with more pain";
    }
    return "";
}

std::string pattern_label(const Pattern& p) {
    std::string x(label_of(p.x));
    if (p.x == Metric::sleep_hours) x = "sleep hours (last night)";
    return fmt::format("{} and {}{}", x, label_of(p.y), p.lag_days == 1 ? " the next day" : " the same day");
}

}  // namespace

Period resolve_period(std::optional<Day> since, std::optional<Day> until, Day today, int default_days) {
    Day to = until.value_or(today);
    Day from = since.value_or(to - date::days{default_days - 1});
    require_forward_period(from, to);
    return {from, to};
}

std::string_view label_of(Metric metric) {
    switch (metric) {
        case Metric::pain: return "pain";
        case Metric::mood: return "mood";
        case Metric::energy: return "energy";
        case Metric::sleep_hours: return "sleep hours";
        case Metric::sleep_quality: return "sleep quality";
        case Metric::activity: return "activity";
    }
    return "";
}

Finding finding_of(const Pattern& pattern) {
    if (!pattern.correlation) return Finding::not_enough_data;
    if (pattern.correlation->p >= stats::significance_level || pattern.correlation->rho == 0) return Finding::no_clear_link;
    return pattern.correlation->rho > 0 ? Finding::higher : Finding::lower;
}

std::string_view name_of(Finding finding) {
    switch (finding) {
        case Finding::not_enough_data: return "not_enough_data";
        case Finding::no_clear_link: return "no_clear_link";
        case Finding::higher: return "higher";
        case Finding::lower: return "lower";
    }
    return "";
}

std::string describe(const Pattern& pattern) {
    switch (finding_of(pattern)) {
        case Finding::not_enough_data:
            if (pattern.n >= min_pattern_n)
                return fmt::format("Not enough variation in {} to compare (n = {}).", pattern_label(pattern), pattern.n);
            return fmt::format("Not enough data for {} (n = {}; needs {}).", pattern_label(pattern), pattern.n,
                               min_pattern_n);
        case Finding::no_clear_link:
            return fmt::format("No clear link between {} (rho {:.2f}, {}, n = {}).", pattern_label(pattern),
                               pattern.correlation->rho, format_p(pattern.correlation->p), pattern.n);
        case Finding::higher:
        case Finding::lower:
            return fmt::format("{}, {} tended to be {} (rho {:.2f}, {}, n = {}).", pattern_subject(pattern),
                               label_of(pattern.y), name_of(finding_of(pattern)), pattern.correlation->rho,
                               format_p(pattern.correlation->p), pattern.n);
    }
    return "";
}

Summary summarize(const std::vector<DailyValues>& period_days, const std::vector<DailyValues>& previous_days,
                  Period period) {
    Summary s;
    s.period = period;
    s.previous = period.previous();
    auto days = within(period_days, s.period);
    auto before = within(previous_days, s.previous);
    for (const auto* day : days) {
        if (day->entries > 0) ++s.days_logged;
        s.entries += day->entries;
    }
    for (auto metric : all_metrics) s.metrics.push_back(summarize_metric(metric, days, before));
    s.best_worst = {best_and_worst(Metric::pain, days), best_and_worst(Metric::mood, days)};
    s.tags = summarize_tags(days);
    s.body = summarize_body(period_days, period.from, period.to);
    s.patterns = {correlate(Metric::sleep_hours, Metric::pain, 0, days),
                  correlate(Metric::sleep_quality, Metric::pain, 0, days),
                  correlate(Metric::activity, Metric::pain, 1, days), correlate(Metric::mood, Metric::pain, 0, days)};
    return s;
}

std::string format_figure(const std::optional<double>& value) {
    if (!value) return "–";
    auto rounded = std::round(*value * 10) / 10;
    return fmt::format("{:.1f}", rounded == 0 ? 0.0 : rounded);  // never "-0.0"
}

std::string format_p(double p) {
    if (p < 0.001) return "p < 0.001";
    if (p < 0.01) return fmt::format("p = {:.3f}", p);
    return fmt::format("p = {:.2f}", p);
}

std::string summary_text(const Summary& s, Color color) {
    std::string out = fmt::format("Summary {} to {} ({} days)\n", format_day(s.period.from), format_day(s.period.to),
                                  s.period.days());
    if (s.entries == 0) {
        out += fmt::format("No entries in this period.");
        auto prev = s.metric(Metric::pain).previous_n + s.metric(Metric::mood).previous_n;
        if (prev > 0) out += " Try a longer period, e.g. --since 3m.";
        out += " Add one with: painlog add --pain N --mood N\n";
        if (s.streak_days && *s.streak_days > 0) out += fmt::format("Current streak: {}.\n", plural(static_cast<std::size_t>(*s.streak_days), "day", "days"));
        return out;
    }
    out += fmt::format("Logged on {} of {} days ({:.0f} %), {}", s.days_logged, s.period.days(),
                       100.0 * s.days_logged / s.period.days(), plural(static_cast<std::size_t>(s.entries), "entry", "entries"));
    if (s.streak_days)
        out += fmt::format("; current streak {}", *s.streak_days > 0 ? plural(static_cast<std::size_t>(*s.streak_days), "day", "days") : std::string("none"));
    out += ".\n\n";

    TextTable table({{"", Align::left},
                     {"n", Align::right},
                     {"mean", Align::right},
                     {"median", Align::right},
                     {"sd", Align::right},
                     {"min", Align::right},
                     {"max", Align::right},
                     {"previous (n)", Align::right},
                     {"change", Align::right}});
    for (const auto& m : s.metrics) {
        auto previous = m.previous_n > 0 ? fmt::format("{} ({})", format_figure(m.previous_mean), m.previous_n)
                                         : std::string("–");
        table.add_row({{std::string(label_of(m.metric))},
                       {std::to_string(m.n)},
                       {format_figure(m.mean)},
                       {format_figure(m.median)},
                       {format_figure(m.sd)},
                       {format_figure(m.min)},
                       {format_figure(m.max)},
                       {previous},
                       {signed_figure(m.change)}});
    }
    out += table.render(color);
    out += fmt::format(
        "n: days with a value (a day's value is the mean of its entries).\n"
        "Previous: the {} days before, {} to {}; change: mean minus previous mean.\n"
        "Pain: lower is better. Mood, energy, sleep and activity: higher is better.\n",
        s.previous.days(), format_day(s.previous.from), format_day(s.previous.to));

    std::string days_lines;
    for (const auto& bw : s.best_worst) {
        if (!bw.best) continue;
        days_lines += fmt::format("Best {} day: {} ({}); worst: {} ({}); n = {}.\n", label_of(bw.metric),
                                  format_day(bw.best->day), format_figure(bw.best->value), format_day(bw.worst->day),
                                  format_figure(bw.worst->value), bw.n);
    }
    if (!days_lines.empty()) out += "\n" + days_lines;

    if (!s.tags.empty()) {
        out += "\nTags: days used, and mean pain on days with the tag against days without it\n";
        TextTable tags({{"tag", Align::left},
                        {"kind", Align::left},
                        {"days", Align::right},
                        {"pain with (n)", Align::right},
                        {"without (n)", Align::right}});
        for (std::size_t i = 0; i < s.tags.size() && i < max_text_tags; ++i) {
            const auto& t = s.tags[i];
            auto with = t.n_with > 0 ? fmt::format("{} ({})", format_figure(t.mean_pain_with), t.n_with) : "–";
            auto without =
                t.n_without > 0 ? fmt::format("{} ({})", format_figure(t.mean_pain_without), t.n_without) : "–";
            tags.add_row({{one_line(t.tag.name)}, {std::string(name_of(t.tag.kind))}, {std::to_string(t.days)}, {with}, {without}});
        }
        out += tags.render(color);
        if (s.tags.size() > max_text_tags)
            out += fmt::format("…and {} more (all are in --format json).\n", s.tags.size() - max_text_tags);
    }

    out += body_summary_text(s.body, color);

    out += "\nPatterns (Spearman rank correlation; a link is not a cause):\n";
    for (const auto& p : s.patterns) out += wrap_words(describe(p), 78, "  ", "    ");
    return out + medicine_use_text(s.medicines, color);
}

void add_medicine_use(Summary& summary, const std::vector<DailyValues>& period_days, const std::vector<Dose>& doses) {
    std::set<Day> logged;
    for (const auto& d : period_days)
        if (summary.period.contains(d.day)) logged.insert(d.day);
    std::vector<Dose> in_period;
    for (const auto& dose : doses)
        if (summary.period.contains(dose.day)) {
            logged.insert(dose.day);
            in_period.push_back(dose);
        }
    summary.medicines = summarize_medicine_use(in_period, logged);
}

json summary_json(const Summary& s) {
    json j;
    j["period"] = period_json(s.period);
    j["previous_period"] = period_json(s.previous);
    j["days_logged"] = s.days_logged;
    j["entries"] = s.entries;
    j["streak_days"] = s.streak_days ? json(*s.streak_days) : json(nullptr);
    json metrics = json::object();
    for (const auto& m : s.metrics) {
        metrics[std::string(name_of(m.metric))] = json{{"n", m.n},
                                                       {"mean", optional_number(m.mean)},
                                                       {"median", optional_number(m.median)},
                                                       {"sd", optional_number(m.sd)},
                                                       {"min", optional_number(m.min)},
                                                       {"max", optional_number(m.max)},
                                                       {"previous_n", m.previous_n},
                                                       {"previous_mean", optional_number(m.previous_mean)},
                                                       {"change", optional_number(m.change)}};
    }
    j["metrics"] = metrics;
    json best_worst = json::object();
    for (const auto& bw : s.best_worst)
        best_worst[std::string(name_of(bw.metric))] =
            json{{"n", bw.n}, {"best", day_value_json(bw.best)}, {"worst", day_value_json(bw.worst)}};
    j["best_worst"] = best_worst;
    json tags = json::array();
    for (const auto& t : s.tags)
        tags.push_back(json{{"tag", t.tag.name},
                            {"kind", name_of(t.tag.kind)},
                            {"days", t.days},
                            {"n_with", t.n_with},
                            {"mean_pain_with", optional_number(t.mean_pain_with)},
                            {"n_without", t.n_without},
                            {"mean_pain_without", optional_number(t.mean_pain_without)}});
    j["tags"] = tags;
    json patterns = json::array();
    for (const auto& p : s.patterns) {
        patterns.push_back(json{{"x", name_of(p.x)},
                                {"y", name_of(p.y)},
                                {"lag_days", p.lag_days},
                                {"n", p.n},
                                {"rho", p.correlation ? json(p.correlation->rho) : json(nullptr)},
                                {"p", p.correlation ? json(p.correlation->p) : json(nullptr)},
                                {"finding", name_of(finding_of(p))},
                                {"text", describe(p)}});
    }
    j["patterns"] = patterns;
    j["medicines"] = medicine_use_json(s.medicines);
    j["body"] = body_summary_json(s.body);
    return j;
}

}  // namespace painlog
