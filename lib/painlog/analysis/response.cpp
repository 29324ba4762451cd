#include "painlog/analysis/response.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/util/table.hpp"

namespace painlog {
namespace {

constexpr std::array category_names{"substantial", "moderate", "minimal", "none", "worse"};
constexpr std::array window_status_names{"ok", "in progress", "insufficient data", "not started", "cut off"};
constexpr std::array response_status_names{"not assessable", "no response",        "ended",
                                           "ongoing",        "until next infusion", "no recent data"};

// The metrics reported besides pain.
constexpr std::array other_metrics{Metric::mood, Metric::energy, Metric::sleep_hours, Metric::sleep_quality,
                                   Metric::activity};

struct WindowSpec {
    std::string_view label;
    int first;
    std::optional<int> last;
};
constexpr std::array window_specs{WindowSpec{"days 1-7", 1, 7}, WindowSpec{"days 8-14", 8, 14},
                                  WindowSpec{"days 15-28", 15, 28}, WindowSpec{"since infusion", 1, std::nullopt}};

std::size_t index(Metric m) { return static_cast<std::size_t>(m); }

double round_to(double value, int decimals) {
    double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    return rounded == 0.0 ? 0.0 : rounded;  // no "-0"
}

std::optional<double> difference(const std::optional<double>& a, const std::optional<double>& b) {
    if (!a || !b) return std::nullopt;
    return *a - *b;
}

// The days of `days` within [from, to]. (A span, not std::ranges::subrange:
// clang 14, which builds the fuzz targets, cannot compile libstdc++ 12's.)
std::span<const DailyValues> days_in(const std::vector<DailyValues>& days, Day from, Day to) {
    auto first = std::ranges::lower_bound(days, from, {}, &DailyValues::day);
    auto last = std::ranges::upper_bound(days, to, {}, &DailyValues::day);
    return {first, last};
}

ResponseWindow make_window(const WindowSpec& spec, const Event& infusion, std::optional<Day> next_infusion,
                           const std::vector<DailyValues>& days, Day today) {
    ResponseWindow w;
    w.label = std::string(spec.label);
    w.first = spec.first;
    w.last = spec.last;
    Day from = infusion.day + date::days{spec.first};
    Day end = spec.last ? infusion.day + date::days{*spec.last} : std::max(today, from);
    Day nominal_end = end;
    if (next_infusion && *next_infusion - date::days{1} < end) {
        end = *next_infusion - date::days{1};
        w.truncated = true;
    }
    if (end < from) {
        w.span = SpanSummary{.from = from, .to = nominal_end};
        w.status = WindowStatus::cut_off;
        return w;
    }
    if (from > today) {
        w.span = SpanSummary{.from = from, .to = end};
        w.status = WindowStatus::not_started;
        return w;
    }
    Day to = std::min(end, today);
    w.span = summarize_span(days, from, to);
    if (w.span.days_logged < min_window_days) w.status = WindowStatus::insufficient_data;
    else if (to < end) w.status = WindowStatus::in_progress;
    else w.status = WindowStatus::ok;
    return w;
}

void compare_with_baseline(ResponseWindow& w, const SpanSummary& baseline, bool baseline_sufficient) {
    if (w.status == WindowStatus::cut_off || w.status == WindowStatus::not_started) return;
    for (auto m : all_metrics) w.change[index(m)] = difference(w.span.mean(m), baseline.mean(m));
    auto pain = w.span.mean(Metric::pain);
    auto base = baseline.mean(Metric::pain);
    if (pain && base) w.pain_change_pct = percent_change(*pain, *base);
    bool enough = w.status != WindowStatus::insufficient_data && baseline_sufficient &&
                  w.span.pain_days >= min_window_days && baseline.pain_days >= min_baseline_days;
    if (enough && w.pain_change_pct) w.category = pain_category(*w.pain_change_pct);
}

// The response duration; see ResponseStatus.
void measure_duration(InfusionResponse& r, const std::vector<DailyValues>& days, Day today) {
    auto base = r.baseline.mean(Metric::pain);
    if (!r.baseline_sufficient || r.baseline.pain_days < min_baseline_days || !base || *base == 0.0) {
        r.response_status = ResponseStatus::not_assessable;
        return;
    }
    Day first = r.infusion.day + date::days{1};
    Day end = today;
    if (r.next_infusion) end = std::min(end, *r.next_infusion - date::days{1});
    std::optional<Day> last_responding;
    for (Day d = first; d <= end; d += date::days{1}) {
        double total = 0;
        int count = 0;
        for (const auto& day : days_in(days, std::max(first, d - date::days{rolling_days - 1}), d)) {
            if (auto pain = day.value(Metric::pain)) {
                total += *pain;
                ++count;
            }
        }
        if (count == 0) continue;
        auto pct = percent_change(total / count, *base);
        if (*pct <= response_threshold_pct) {
            last_responding = d;
        } else if (last_responding) {
            r.response_status = ResponseStatus::ended;
            r.response_days = days_between(r.infusion.day, *last_responding);
            return;
        }
    }
    if (!last_responding) {
        r.response_status = ResponseStatus::no_response;
    } else if (*last_responding < end) {
        r.response_status = ResponseStatus::no_recent_data;
        r.response_days = days_between(r.infusion.day, *last_responding);
    } else if (end == today) {
        r.response_status = ResponseStatus::ongoing;
        r.response_ongoing = true;
        r.response_days = days_between(r.infusion.day, end);
    } else {
        r.response_status = ResponseStatus::until_next_infusion;
        r.response_days = days_between(r.infusion.day, end);
    }
}

std::vector<SideEffectCount> count_side_effects(const Event& infusion, const std::vector<Entry>& entries) {
    std::map<std::string, int> counts;
    for (const auto& entry : entries) {
        if (entry.at < infusion.at || entry.at > infusion.at + side_effect_period) continue;
        for (const auto& tag : entry.tags)
            if (tag.kind == TagKind::side_effect) ++counts[tag.name];
    }
    std::vector<SideEffectCount> result;
    for (auto& [tag, count] : counts) result.push_back({tag, count});
    std::ranges::stable_sort(result, std::greater{}, &SideEffectCount::count);
    return result;
}

void add_remarks(InfusionResponse& r) {
    if (!r.baseline_sufficient)
        r.remarks.push_back(fmt::format("Baseline has {} logged day{} of {} (at least {} needed): categories and "
                                        "duration are not assessed.",
                                        r.baseline.days_logged, r.baseline.days_logged == 1 ? "" : "s",
                                        r.baseline_days, min_baseline_days));
    else if (!r.baseline.mean(Metric::pain))
        r.remarks.push_back("Baseline has no pain ratings: categories and duration are not assessed.");
    else if (r.baseline.pain_days < min_baseline_days)
        r.remarks.push_back(fmt::format("Baseline has pain ratings on {} days (at least {} needed): categories and "
                                        "duration are not assessed.",
                                        r.baseline.pain_days, min_baseline_days));
    else if (*r.baseline.mean(Metric::pain) == 0.0)
        r.remarks.push_back("Baseline pain is 0: percent change is undefined, so only the raw change is shown.");
    for (const auto& w : r.windows) {
        bool counted = w.status == WindowStatus::ok || w.status == WindowStatus::in_progress;
        if (counted && r.baseline_sufficient && w.span.mean(Metric::pain) && w.span.pain_days < min_window_days)
            r.remarks.push_back(fmt::format("{}: pain rated on only {} day{} (at least {} needed), so no category.",
                                            w.label, w.span.pain_days, w.span.pain_days == 1 ? "" : "s",
                                            min_window_days));
    }
    if (r.previous_infusion && *r.previous_infusion >= r.baseline.from)
        r.remarks.push_back(fmt::format("The baseline includes days after the previous infusion ({}).",
                                        format_day(*r.previous_infusion)));
    if (r.next_infusion)
        r.remarks.push_back(fmt::format("Windows end on {}, the day before the next infusion.",
                                        format_day(*r.next_infusion - date::days{1})));
}

// JSON helpers: null when absent, rounded otherwise.
nlohmann::ordered_json rounded(const std::optional<double>& value, int decimals = 2) {
    if (!value) return nullptr;
    return round_to(*value, decimals);
}

void put_span(nlohmann::ordered_json& j, const SpanSummary& s) {
    j["from"] = format_day(s.from);
    j["to"] = format_day(s.to);
    j["days"] = s.days;
    j["days_logged"] = s.days_logged;
    j["pain_days"] = s.pain_days;
}

// Text helpers.
std::string number(const std::optional<double>& value) { return value ? fmt::format("{:.1f}", round_to(*value, 1)) : "-"; }
// "+1.5", "-0.3", and "0.0" for no change.
std::string signed_number(const std::optional<double>& value) {
    if (!value) return "-";
    double rounded = round_to(*value, 1);
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

// Word-wraps one paragraph to `width` columns; continuation lines are
// indented by two spaces.
std::string wrap(std::string_view text, std::size_t width = 80) {
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        auto word = std::string(text.substr(start, end - start));
        start = end + 1;
        if (word.empty()) continue;
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            out += line + "\n";
            line = "  ";
        } else if (!line.empty() && line != "  ") {
            line += ' ';
        }
        line += display_width(word) > width - 2 ? truncate_to_width(word, width - 2) : word;
    }
    return out + line + "\n";
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

}  // namespace

std::string_view name_of(PainCategory category) { return category_names[static_cast<std::size_t>(category)]; }
std::string_view name_of(WindowStatus status) { return window_status_names[static_cast<std::size_t>(status)]; }

std::string_view name_of(ResponseStatus status) { return response_status_names[static_cast<std::size_t>(status)]; }

std::string window_category_text(const ResponseWindow& w) {
    switch (w.status) {
        case WindowStatus::ok: return w.category ? std::string(name_of(*w.category)) : "no category";
        case WindowStatus::in_progress:
            return w.category ? fmt::format("{} (so far)", name_of(*w.category)) : std::string(name_of(w.status));
        default: return std::string(name_of(w.status));
    }
}

PainCategory pain_category(double pct) {
    if (pct <= -50.0) return PainCategory::substantial;
    if (pct <= -30.0) return PainCategory::moderate;
    if (pct <= -10.0) return PainCategory::minimal;
    if (pct >= 10.0) return PainCategory::worse;
    return PainCategory::none;
}

std::optional<double> percent_change(double value, double baseline) {
    if (baseline == 0.0) return std::nullopt;
    return round_to((value - baseline) / baseline * 100.0, 1);
}

SpanSummary summarize_span(const std::vector<DailyValues>& days, Day from, Day to) {
    SpanSummary s{.from = from, .to = to};
    if (to < from) return s;
    s.days = days_between(from, to) + 1;
    std::array<double, all_metrics.size()> totals{};
    std::array<int, all_metrics.size()> counts{};
    for (const auto& day : days_in(days, from, to)) {
        if (day.entries > 0) ++s.days_logged;
        if (day.value(Metric::pain)) ++s.pain_days;
        for (auto m : all_metrics) {
            if (auto v = day.value(m)) {
                totals[index(m)] += *v;
                ++counts[index(m)];
            }
        }
    }
    for (auto m : all_metrics)
        if (counts[index(m)] > 0) s.means[index(m)] = totals[index(m)] / counts[index(m)];
    return s;
}

InfusionResponse analyse_infusion(const Event& infusion, std::optional<Day> previous_infusion,
                                  std::optional<Day> next_infusion, const std::vector<DailyValues>& days,
                                  const std::vector<Entry>& entries, int baseline_days, Day today) {
    InfusionResponse r;
    r.infusion = infusion;
    r.previous_infusion = previous_infusion;
    r.next_infusion = next_infusion;
    r.baseline_days = baseline_days;
    r.baseline = summarize_span(days, infusion.day - date::days{baseline_days}, infusion.day - date::days{1});
    r.baseline_sufficient = r.baseline.days_logged >= min_baseline_days;
    for (const auto& spec : window_specs) {
        r.windows.push_back(make_window(spec, infusion, next_infusion, days, today));
        compare_with_baseline(r.windows.back(), r.baseline, r.baseline_sufficient);
    }
    measure_duration(r, days, today);
    r.side_effects = count_side_effects(infusion, entries);
    add_remarks(r);
    return r;
}

std::vector<InfusionResponse> analyse_responses(const std::vector<DailyValues>& days,
                                                const std::vector<Entry>& entries,
                                                const std::vector<Event>& events, int baseline_days, Day today) {
    std::vector<Event> infusions;
    std::ranges::copy_if(events, std::back_inserter(infusions),
                         [](const Event& e) { return e.kind == EventKind::infusion; });
    std::ranges::sort(infusions, [](const Event& a, const Event& b) { return std::tie(a.at, a.id) < std::tie(b.at, b.id); });
    std::vector<InfusionResponse> result;
    for (std::size_t i = 0; i < infusions.size(); ++i) {
        auto previous = i > 0 ? std::optional(infusions[i - 1].day) : std::nullopt;
        auto next = i + 1 < infusions.size() ? std::optional(infusions[i + 1].day) : std::nullopt;
        result.push_back(analyse_infusion(infusions[i], previous, next, days, entries, baseline_days, today));
    }
    return result;
}

namespace {

Phq9AfterInfusion phq9_after(const QuestionnaireResult& result, const InfusionResponse& r) {
    Phq9AfterInfusion point{result, days_between(r.infusion.day, result.day), {}, {}, {}, result.score < phq9_remission_below};
    if (!r.phq9.baseline) return point;
    auto baseline = r.phq9.baseline->score;
    point.change = result.score - baseline;
    if (baseline > 0) {
        point.percent_change = percent_change(result.score, baseline);
        // Whole-number scores: at least half is score <= baseline / 2, compared exactly.
        point.response = result.score <= baseline * (1 - phq9_response_reduction);
    }
    return point;
}

std::vector<std::string> missing_phq9_points(const InfusionResponse& r) {
    auto end = r.windows.back().span.to;
    auto has_between = [&](int first, int last) {
        return std::ranges::any_of(r.phq9.after, [&](const Phq9AfterInfusion& p) {
            return p.days_after >= first && p.days_after <= last;
        });
    };
    auto passed = [&](int day) { return days_between(r.infusion.day, end) >= day; };
    std::vector<std::string> missing;
    if (!r.phq9.baseline) missing.emplace_back("baseline");
    if (passed(9) && !has_between(5, 9)) missing.emplace_back("about day 7");
    if (passed(16) && !has_between(12, 31)) missing.emplace_back("about day 14 or 28");
    return missing;
}

// "PHQ-9: baseline 17 (2026-10-25); day 7: 7 (-58.8 %, response); ...".
std::string phq9_text(const InfusionPhq9& phq9) {
    std::string out = "PHQ-9: ";
    out += phq9.baseline ? fmt::format("baseline {:g} ({})", phq9.baseline->score, format_day(phq9.baseline->day))
                         : std::string("no baseline");
    for (const auto& p : phq9.after) {
        std::vector<std::string> verdicts;
        if (p.percent_change) verdicts.push_back(fmt::format("{:+.1f} %", *p.percent_change));
        if (p.response) verdicts.emplace_back(*p.response ? "response" : "no response");
        if (p.remission) verdicts.emplace_back("remission");
        out += fmt::format("; day {}: {:g}", p.days_after, p.result.score);
        if (!verdicts.empty()) out += fmt::format(" ({})", fmt::join(verdicts, ", "));
    }
    out += ".";
    if (!phq9.missing.empty()) out += fmt::format(" No PHQ-9 at: {}.", fmt::join(phq9.missing, ", "));
    return out;
}

}  // namespace

void add_phq9_courses(std::vector<InfusionResponse>& responses, const std::vector<QuestionnaireResult>& results) {
    std::vector<const QuestionnaireResult*> phq9;
    for (const auto& q : results)
        if (q.instrument == Instrument::phq9) phq9.push_back(&q);
    std::ranges::sort(phq9, [](const auto* a, const auto* b) { return std::tie(a->at, a->id) < std::tie(b->at, b->id); });
    for (auto& r : responses) {
        r.phq9 = {};
        auto end = r.windows.back().span.to;
        for (const auto* q : phq9) {
            if (q->at < r.infusion.at && q->day >= r.baseline.from) r.phq9.baseline = *q;
            else if (q->at > r.infusion.at && q->day <= end) r.phq9.after.push_back(phq9_after(*q, r));
        }
        r.phq9.missing = missing_phq9_points(r);
    }
}

nlohmann::ordered_json infusion_response_json(const InfusionResponse& r) {
    nlohmann::ordered_json j;
    auto event = event_json(r.infusion);
    j["id"] = r.infusion.id;
    j["date"] = format_day(r.infusion.day);
    j["time"] = event["time"];
    j["label"] = r.infusion.label;
    j["previous_infusion"] = r.previous_infusion ? nlohmann::ordered_json(format_day(*r.previous_infusion)) : nullptr;
    j["next_infusion"] = r.next_infusion ? nlohmann::ordered_json(format_day(*r.next_infusion)) : nullptr;
    auto& baseline = j["baseline"] = nlohmann::ordered_json::object();
    put_span(baseline, r.baseline);
    baseline["sufficient"] = r.baseline_sufficient;
    for (auto m : all_metrics) baseline[fmt::format("{}_mean", name_of(m))] = rounded(r.baseline.mean(m));
    auto& windows = j["windows"] = nlohmann::ordered_json::array();
    for (const auto& w : r.windows) {
        nlohmann::ordered_json wj;
        wj["label"] = w.label;
        put_span(wj, w.span);
        wj["status"] = name_of(w.status);
        wj["truncated"] = w.truncated;
        wj["pain_mean"] = rounded(w.span.mean(Metric::pain));
        wj["pain_change"] = rounded(w.change_of(Metric::pain));
        wj["pain_change_pct"] = rounded(w.pain_change_pct, 1);
        wj["category"] = w.category ? nlohmann::ordered_json(name_of(*w.category)) : nullptr;
        for (auto m : other_metrics) {
            wj[fmt::format("{}_mean", name_of(m))] = rounded(w.span.mean(m));
            wj[fmt::format("{}_change", name_of(m))] = rounded(w.change_of(m));
        }
        windows.push_back(std::move(wj));
    }
    j["response_status"] = name_of(r.response_status);
    j["response_days"] = r.response_days ? nlohmann::ordered_json(*r.response_days) : nullptr;
    j["response_ongoing"] = r.response_ongoing;
    auto& effects = j["side_effects"] = nlohmann::ordered_json::array();
    for (const auto& effect : r.side_effects) effects.push_back({{"tag", effect.tag}, {"count", effect.count}});
    j["remarks"] = r.remarks;
    auto& phq9 = j["phq9"] = nlohmann::ordered_json::object();
    const auto& base = r.phq9.baseline;
    phq9["baseline"] = base ? nlohmann::ordered_json{{"id", base->id}, {"day", format_day(base->day)}, {"score", base->score}}
                            : nlohmann::ordered_json(nullptr);
    auto& scores = phq9["scores"] = nlohmann::ordered_json::array();
    for (const auto& p : r.phq9.after) {
        auto optional = [](const auto& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
        scores.push_back({{"id", p.result.id},
                          {"day", format_day(p.result.day)},
                          {"days_after", p.days_after},
                          {"score", p.result.score},
                          {"change", optional(p.change)},
                          {"percent_change", optional(p.percent_change)},
                          {"response", optional(p.response)},
                          {"remission", p.remission}});
    }
    phq9["missing"] = r.phq9.missing;
    return j;
}

nlohmann::ordered_json response_json(const std::vector<InfusionResponse>& responses, Day today, int baseline_days) {
    nlohmann::ordered_json j;
    j["today"] = format_day(today);
    j["baseline_days"] = baseline_days;
    auto& events = j["events"] = nlohmann::ordered_json::array();
    for (const auto& r : responses) events.push_back(infusion_response_json(r));
    return j;
}

std::string infusion_response_text(const InfusionResponse& r, Color color) {
    std::string out;
    auto title = fmt::format("Infusion {} on {}{}", r.infusion.id, format_day(r.infusion.day),
                             r.infusion.label.empty() ? "" : " (" + one_line(r.infusion.label) + ")");
    out += styled(truncate_to_width(title, 80), Style::bold, color) + "\n";
    const auto& b = r.baseline;
    out += fmt::format("Baseline {} to {}: {}/{} days logged, pain {}{}\n", format_day(b.from), format_day(b.to),
                       b.days_logged, b.days, number(b.mean(Metric::pain)),
                       r.baseline_sufficient ? "" : " (insufficient data)");
    out += "\n";

    TextTable pain({{"Window"}, {"From"}, {"To"}, {"Days", Align::right}, {"Pain", Align::right},
                    {"Change", Align::right}, {"%", Align::right}, {"Category"}});
    for (const auto& w : r.windows) {
        bool empty = w.status == WindowStatus::cut_off || w.status == WindowStatus::not_started;
        auto pct = signed_number(w.pain_change_pct);
        pain.add_row({{w.label},
                      {format_day(w.span.from)},
                      {empty ? "-" : format_day(w.span.to)},
                      {empty ? "-" : fmt::format("{}/{}", w.span.days_logged, w.span.days)},
                      {number(w.span.mean(Metric::pain))},
                      {signed_number(w.change_of(Metric::pain))},
                      {pct},
                      {window_category_text(w), category_style(w)}});
    }
    out += pain.render(color);

    std::vector<Metric> shown;
    for (auto m : other_metrics) {
        bool any = b.mean(m).has_value() ||
                   std::ranges::any_of(r.windows, [&](const ResponseWindow& w) { return w.span.mean(m).has_value(); });
        if (any) shown.push_back(m);
    }
    if (!shown.empty()) {
        std::vector<Column> columns{{"Mean (change)"}};
        for (auto m : shown) columns.push_back({metric_header(m)});
        TextTable others(columns);
        std::vector<Cell> row{{"baseline"}};
        for (auto m : shown) row.push_back({number(b.mean(m))});
        others.add_row(row);
        for (const auto& w : r.windows) {
            if (w.status == WindowStatus::cut_off || w.status == WindowStatus::not_started) continue;
            row = {{w.label}};
            for (auto m : shown) {
                auto mean = w.span.mean(m);
                row.push_back({mean ? fmt::format("{} {}", number(mean), signed_number(w.change_of(m))) : "-"});
            }
            others.add_row(row);
        }
        out += "\n" + others.render(color);
    }

    out += "\n" + wrap(fmt::format("Response (7-day mean pain at least 30 % below baseline): {}", duration_text(r)));
    std::string effects;
    for (const auto& e : r.side_effects)
        effects += fmt::format("{}{} ({})", effects.empty() ? "" : ", ", one_line(e.tag), e.count);
    out += wrap(fmt::format("Side effects within 48 h: {}", effects.empty() ? "none logged" : effects));
    if (r.phq9.any()) out += wrap(phq9_text(r.phq9));
    for (const auto& remark : r.remarks) out += wrap("Note: " + remark);
    return out;
}

std::string response_text(const std::vector<InfusionResponse>& responses, Color color) {
    std::string out;
    for (const auto& r : responses) {
        if (!out.empty()) out += "\n";
        out += infusion_response_text(r, color);
    }
    return out;
}

}  // namespace painlog
