// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/trend.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/util/table.hpp"

namespace painlog {
namespace {

using json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 8> blocks{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

Day bucket_start(Day day, Grouping by) {
    switch (by) {
        case Grouping::day: return day;
        case Grouping::week: {
            auto iso = date::weekday(day).iso_encoding();  // Monday 1 … Sunday 7
            return day - date::days{iso - 1};
        }
        case Grouping::month: {
            date::year_month_day ymd(day);
            return date::sys_days(ymd.year() / ymd.month() / 1);
        }
    }
    return day;
}

Day bucket_end(Day start, Grouping by) {
    switch (by) {
        case Grouping::day: return start;
        case Grouping::week: return start + date::days{6};
        case Grouping::month: {
            date::year_month_day ymd(start);
            return date::sys_days(ymd.year() / ymd.month() / date::last);
        }
    }
    return start;
}

// Table headers short enough for six metrics in 80 columns.
std::string_view short_label(Metric metric) {
    switch (metric) {
        case Metric::sleep_hours: return "sleep h";
        case Metric::sleep_quality: return "sleep q";
        default: return label_of(metric);
    }
}

std::string trim_right(std::string text) {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

// A line through days on both sides of a treatment averages what the
// treatment changed: say so, naming the infusions.
std::string spans_infusions_line(const std::vector<Day>& infusions) {
    std::vector<std::string> days;
    for (auto day : infusions) days.push_back(format_day(day));
    return fmt::format("The line spans the infusion{} of {}: it mixes before and after (see painlog response).",
                       days.size() == 1 ? "" : "s", fmt::join(days, ", "));
}

// The verdict of a metric that has its test: a sentence, then the figures.
std::vector<std::string> verdict_lines_of_test(const MetricTrend& t) {
    const auto& mk = *t.mann_kendall;
    auto figures = fmt::format("slope {}/week, Mann–Kendall S = {:.0f}, z = {:.2f}, {}",
                               t.slope_per_week ? fmt::format("{:+.2f}", *t.slope_per_week) : std::string("–"), mk.s,
                               mk.z, format_p(mk.p));
    switch (t.direction) {
        case Direction::improving:
        case Direction::worsening:
            return {fmt::format("{}: {} tended to go {} (n = {} days).",
                                t.direction == Direction::improving ? "Improving" : "Worsening", label_of(t.metric),
                                mk.s > 0 ? "up" : "down", t.n),
                    figures};
        case Direction::no_clear_trend: break;
    }
    return {fmt::format("No clear trend (n = {} days).", t.n), figures};
}

// The verdict in words, the figures behind it, and whether the line spans
// an infusion.
std::vector<std::string> verdict_lines(const MetricTrend& t, const std::vector<Day>& infusions) {
    if (!t.mann_kendall)
        return {fmt::format("No clear trend: not enough data (n = {} days; needs {}).", t.n, min_trend_n)};
    auto lines = verdict_lines_of_test(t);
    if (!infusions.empty()) lines.push_back(spans_infusions_line(infusions));
    return lines;
}

std::string bucket_label(const TrendBucket& b, Grouping by) {
    switch (by) {
        case Grouping::day: return format_day(b.from);
        case Grouping::week: return format_day(b.from);
        case Grouping::month: return format_day(b.from).substr(0, 7);
    }
    return "";
}

TrendBucket bucket_of(std::span<const DailyValues> days, Day from, Day to) {
    TrendBucket b{from, to, {}, {}};
    for (auto metric : all_metrics) {
        std::vector<double> values;
        for (const auto& day : days)
            if (auto v = day.value(metric)) values.push_back(*v);
        auto m = static_cast<std::size_t>(metric);
        b.n[m] = values.size();
        b.mean[m] = stats::mean(values);
    }
    return b;
}

}  // namespace

std::string_view name_of(Grouping grouping) {
    switch (grouping) {
        case Grouping::day: return "day";
        case Grouping::week: return "week";
        case Grouping::month: return "month";
    }
    return "";
}

std::optional<Grouping> grouping_named(std::string_view name) {
    for (auto g : {Grouping::day, Grouping::week, Grouping::month})
        if (name_of(g) == name) return g;
    return std::nullopt;
}

std::string_view name_of(Direction direction) {
    switch (direction) {
        case Direction::improving: return "improving";
        case Direction::worsening: return "worsening";
        case Direction::no_clear_trend: return "no_clear_trend";
    }
    return "";
}

Direction direction_of(Metric metric, std::size_t n, const std::optional<stats::MannKendall>& mk) {
    if (n < min_trend_n || !mk || mk->p >= stats::significance_level || mk->s == 0) return Direction::no_clear_trend;
    bool rising = mk->s > 0;
    return rising == lower_is_better(metric) ? Direction::worsening : Direction::improving;
}

TrendSeries analyze_trend(const std::vector<DailyValues>& days, Period period, const std::vector<Metric>& metrics,
                          Grouping by, TrendTests tests) {
    TrendSeries trend;
    trend.period = period;
    trend.by = by;
    Day lead_in = period.from - date::days{rolling_window_days - 1};
    for (auto metric : metrics) {
        MetricTrend t;
        t.metric = metric;
        std::vector<stats::DayValue> series;  // lead-in days included, for the rolling mean
        std::vector<stats::Point> points;
        std::vector<double> values;
        for (const auto& day : days) {
            auto v = day.value(metric);
            if (!v || day.day < lead_in || day.day > period.to) continue;
            series.push_back({day.day, *v});
            if (day.day < period.from) continue;
            points.push_back({static_cast<double>((day.day - period.from).count()), *v});
            values.push_back(*v);
        }
        t.n = values.size();
        if (t.n >= min_trend_n && tests == TrendTests::run) {
            t.mann_kendall = stats::mann_kendall(values);
            if (auto slope = stats::theil_sen_slope(points)) t.slope_per_week = *slope * 7;
        }
        t.direction = direction_of(metric, t.n, t.mann_kendall);
        auto rolling = stats::rolling_mean(series, period.from, period.to, rolling_window_days, rolling_min_values);
        std::size_t next = 0;
        while (next < series.size() && series[next].day < period.from) ++next;
        for (std::size_t i = 0; i < rolling.size(); ++i) {
            Day day = period.from + date::days{static_cast<int>(i)};
            TrendPoint p{day, std::nullopt, rolling[i]};
            if (next < series.size() && series[next].day == day) p.value = series[next++].value;
            t.points.push_back(p);
        }
        trend.metrics.push_back(std::move(t));
    }

    // One walk through the days for all buckets: each bucket's days follow the previous bucket's.
    auto next = days.begin();
    for (Day start = bucket_start(period.from, by); start <= period.to;
         start = bucket_end(start, by) + date::days{1}) {
        Day from = std::max(start, period.from), to = std::min(bucket_end(start, by), period.to);
        auto first = std::find_if(next, days.end(), [&](const DailyValues& d) { return d.day >= from; });
        next = std::find_if(first, days.end(), [&](const DailyValues& d) { return d.day > to; });
        trend.buckets.push_back(bucket_of(std::span(first, next), from, to));
    }
    return trend;
}

std::string sparkline(const std::vector<std::optional<double>>& values, double lo, double hi) {
    std::string out;
    for (const auto& v : values) {
        if (!v) {
            out += ' ';
            continue;
        }
        double level = hi > lo ? std::round((*v - lo) / (hi - lo) * 7) : 0;
        out += blocks[static_cast<std::size_t>(std::clamp(level, 0.0, 7.0))];
    }
    return out;
}

std::pair<double, double> sparkline_scale(Metric metric) {
    return metric == Metric::sleep_hours ? std::pair{0.0, 12.0} : std::pair{0.0, 10.0};
}

std::vector<std::optional<double>> chunk_means(const std::vector<std::optional<double>>& values, std::size_t size) {
    if (size <= 1) return values;
    std::vector<std::optional<double>> result;
    for (std::size_t i = 0; i < values.size(); i += size) {
        double sum = 0;
        int count = 0;
        for (std::size_t j = i; j < values.size() && j < i + size; ++j)
            if (values[j]) {
                sum += *values[j];
                ++count;
            }
        result.push_back(count > 0 ? std::optional<double>(sum / count) : std::nullopt);
    }
    return result;
}

void add_infusions(TrendSeries& trend, const std::vector<Event>& events) {
    for (const auto& e : events)
        if (e.kind == EventKind::infusion && trend.period.contains(e.day)) trend.infusions.push_back(e.day);
}

std::string infusion_marks(Period period, std::size_t chunk, const std::vector<Day>& infusions) {
    auto days = static_cast<std::size_t>(period.days());
    std::string marks((days + chunk - 1) / chunk, ' ');
    for (auto day : infusions) {
        auto index = static_cast<std::size_t>((day - period.from).count()) / chunk;
        if (day >= period.from && index < marks.size()) marks[index] = '^';
    }
    return trim_right(marks);
}

std::string trend_text(const TrendSeries& trend, Color color) {
    auto days = static_cast<std::size_t>(trend.period.days());
    std::size_t chunk = (days + max_sparkline_width - 1) / max_sparkline_width;
    std::string out = fmt::format("Trend {} to {} ({} days)\n", format_day(trend.period.from),
                                  format_day(trend.period.to), days);
    bool any = std::any_of(trend.metrics.begin(), trend.metrics.end(), [](const MetricTrend& t) { return t.n > 0; });
    if (!any) {
        out += "No values in this period. Try a longer one (e.g. --since 3m), or add an entry: painlog add --pain N\n";
        return out;
    }
    out += fmt::format("Each metric: {}, then the {}-day rolling mean.\n",
                       chunk == 1 ? std::string("one character a day") : fmt::format("one character per {} days (their mean)", chunk),
                       rolling_window_days);
    out += "▁ is 0 and █ is 10 (sleep hours: 12); a blank means no value.\n";
    constexpr std::size_t label_width = 14;
    for (const auto& t : trend.metrics) {
        std::vector<std::optional<double>> daily, rolling;
        for (std::size_t i = 0; i < t.points.size(); ++i) {
            daily.push_back(t.points[i].value);
            rolling.push_back(t.points[i].rolling_mean_7);
        }
        auto [lo, hi] = sparkline_scale(t.metric);
        out += "\n" + styled(pad_right(label_of(t.metric), label_width), Style::bold, color);
        if (t.n == 0) {
            out += "no values in this period\n";
            continue;
        }
        out += trim_right(sparkline(chunk_means(daily, chunk), lo, hi)) + "\n";
        out += trim_right(pad_right("", label_width) + sparkline(chunk_means(rolling, chunk), lo, hi)) + "\n";
        if (!trend.infusions.empty())
            out += pad_right("  infusion", label_width) + infusion_marks(trend.period, chunk, trend.infusions) + "\n";
        auto lines = verdict_lines(t, trend.infusions);
        auto style = t.direction == Direction::improving   ? Style::good
                     : t.direction == Direction::worsening ? Style::warn
                                                           : Style::plain;
        out += pad_right("", label_width) + styled(lines[0], style, color) + "\n";
        for (std::size_t i = 1; i < lines.size(); ++i) out += pad_right("", label_width) + lines[i] + "\n";
    }

    std::vector<Column> columns{{trend.by == Grouping::week    ? "week of"
                                 : trend.by == Grouping::month ? "month"
                                                               : "day",
                                 Align::left}};
    for (const auto& t : trend.metrics)
        if (t.n > 0) columns.push_back({std::string(short_label(t.metric)), Align::right});
    TextTable table(columns);
    for (const auto& b : trend.buckets) {
        std::vector<Cell> row{{bucket_label(b, trend.by)}};
        for (const auto& t : trend.metrics) {
            if (t.n == 0) continue;
            auto m = static_cast<std::size_t>(t.metric);
            row.push_back({b.n[m] > 0 ? fmt::format("{} ({})", format_figure(b.mean[m]), b.n[m]) : "–"});
        }
        table.add_row(row);
    }
    out += fmt::format("\n{} means of daily values, with (n) the days with a value:\n",
                       trend.by == Grouping::week ? "Weekly (Monday to Sunday)" : trend.by == Grouping::month ? "Monthly" : "Daily");
    out += table.render(color, 200);
    out += "\nA trend needs at least 8 days. The p-values assume days are independent,\n"
           "which diary ratings rarely are: read them as a rough guide, not medical advice.\n";
    return out;
}

json trend_json(const TrendSeries& trend) {
    auto number = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
    json j;
    j["period"] = json{{"from", format_day(trend.period.from)}, {"to", format_day(trend.period.to)}, {"days", trend.period.days()}};
    j["by"] = name_of(trend.by);
    j["infusion_days"] = json::array();
    for (auto day : trend.infusions) j["infusion_days"].push_back(format_day(day));
    json metrics = json::object();
    for (const auto& t : trend.metrics) {
        json m;
        m["n"] = t.n;
        m["slope_per_week"] = number(t.slope_per_week);
        if (t.mann_kendall)
            m["mann_kendall"] = json{{"s", static_cast<std::int64_t>(t.mann_kendall->s)}, {"var_s", t.mann_kendall->var_s}, {"z", t.mann_kendall->z}, {"p", t.mann_kendall->p}};
        else
            m["mann_kendall"] = nullptr;
        m["direction"] = name_of(t.direction);
        json points = json::array();
        for (const auto& p : t.points)
            points.push_back(json{{"date", format_day(p.day)}, {"value", number(p.value)}, {"rolling_mean_7", number(p.rolling_mean_7)}});
        m["points"] = points;
        metrics[std::string(name_of(t.metric))] = m;
    }
    j["metrics"] = metrics;
    json buckets = json::array();
    for (const auto& b : trend.buckets) {
        json means = json::object();
        for (const auto& t : trend.metrics) {
            auto i = static_cast<std::size_t>(t.metric);
            means[std::string(name_of(t.metric))] = json{{"n", b.n[i]}, {"mean", number(b.mean[i])}};
        }
        buckets.push_back(json{{"from", format_day(b.from)}, {"to", format_day(b.to)}, {"metrics", means}});
    }
    j["groups"] = buckets;
    return j;
}

}  // namespace painlog
