// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/response.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/analysis/infusion_course.hpp"
#include "painlog/analysis/stats.hpp"
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

std::optional<double> difference(const std::optional<double>& a, const std::optional<double>& b) {
    if (!a || !b) return std::nullopt;
    return *a - *b;
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
    if (pain && base) w.pain_change_pct = stats::percent_change(*pain, *base);
    bool enough = w.status != WindowStatus::insufficient_data && baseline_sufficient &&
                  w.span.pain_days >= min_window_days && baseline.pain_days >= min_baseline_days;
    if (enough && w.pain_change_pct) w.category = pain_category(*w.pain_change_pct);
}

// How long the 7-day rolling mean of `metric` kept `responds(mean)` true;
// see ResponseStatus. The caller has checked the baseline.
template <typename Responds>
ResponseDuration measure_duration(const InfusionResponse& r, const std::vector<DailyValues>& days, Day today,
                                  Metric metric, Responds responds) {
    Day first = r.infusion.day + date::days{1};
    Day end = today;
    if (r.next_infusion) end = std::min(end, *r.next_infusion - date::days{1});
    std::optional<Day> last_responding;
    for (Day d = first; d <= end; d += date::days{1}) {
        double total = 0;
        int count = 0;
        for (const auto& day : days_in(days, std::max(first, d - date::days{rolling_days - 1}), d)) {
            if (auto value = day.value(metric)) {
                total += *value;
                ++count;
            }
        }
        if (count == 0) continue;
        if (responds(total / count)) last_responding = d;
        else if (last_responding) return {ResponseStatus::ended, days_between(r.infusion.day, *last_responding), false};
    }
    if (!last_responding) return {ResponseStatus::no_response, std::nullopt, false};
    if (*last_responding < end) return {ResponseStatus::no_recent_data, days_between(r.infusion.day, *last_responding), false};
    if (end == today) return {ResponseStatus::ongoing, days_between(r.infusion.day, end), true};
    return {ResponseStatus::until_next_infusion, days_between(r.infusion.day, end), false};
}

bool pain_assessable(const InfusionResponse& r) {
    auto base = r.baseline.mean(Metric::pain);
    return r.baseline_sufficient && r.baseline.pain_days >= min_baseline_days && base && *base != 0.0;
}

bool mood_assessable(const InfusionResponse& r) {
    return r.baseline_sufficient && r.baseline.days_with(Metric::mood) >= min_baseline_days;
}

void measure_durations(InfusionResponse& r, const std::vector<DailyValues>& days, Day today) {
    if (pain_assessable(r)) {
        double base = *r.baseline.mean(Metric::pain);
        auto pain = measure_duration(r, days, today, Metric::pain, [&](double mean) {
            return *stats::percent_change(mean, base) <= response_threshold_pct;
        });
        r.response_status = pain.status;
        r.response_days = pain.days;
        r.response_ongoing = pain.ongoing;
    }
    if (mood_assessable(r)) {
        double base = *r.baseline.mean(Metric::mood);
        r.mood_duration = measure_duration(r, days, today, Metric::mood, [&](double mean) {
            return stats::round_to(mean - base, 1) >= mood_improvement_points;
        });
    }
}

Better better_of(Metric m) { return m == Metric::pain ? Better::lower : Better::higher; }

std::vector<double> values_of(std::span<const DailyValues> days, Metric m) {
    std::vector<double> values;
    for (const auto& day : days)
        if (auto v = day.value(m)) values.push_back(*v);
    return values;
}

void add_non_overlap(InfusionResponse& r, const std::vector<DailyValues>& days) {
    if (!r.baseline_sufficient) return;
    for (auto m : all_metrics) {
        if (r.baseline.days_with(m) < min_baseline_days) continue;
        auto baseline = values_of(days_in(days, r.baseline.from, r.baseline.to), m);
        for (auto& w : r.windows) {
            bool counted = w.status == WindowStatus::ok || w.status == WindowStatus::in_progress;
            if (!counted || w.span.days_with(m) < min_window_days) continue;
            w.nap[index(m)] = non_overlap(baseline, values_of(days_in(days, w.span.from, w.span.to), m), better_of(m));
        }
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
        r.pain_remarks.push_back(fmt::format("Baseline has {} logged day{} of {} (at least {} needed): categories and "
                                        "duration are not assessed.",
                                        r.baseline.days_logged, r.baseline.days_logged == 1 ? "" : "s",
                                        r.baseline_days, min_baseline_days));
    else if (!r.baseline.mean(Metric::pain))
        r.pain_remarks.push_back("Baseline has no pain ratings: categories and duration are not assessed.");
    else if (r.baseline.pain_days < min_baseline_days)
        r.pain_remarks.push_back(fmt::format("Baseline has pain ratings on {} days (at least {} needed): categories and "
                                        "duration are not assessed.",
                                        r.baseline.pain_days, min_baseline_days));
    else if (*r.baseline.mean(Metric::pain) == 0.0)
        r.pain_remarks.push_back("Baseline pain is 0: percent change is undefined, so only the raw change is shown.");
    for (const auto& w : r.windows) {
        bool counted = w.status == WindowStatus::ok || w.status == WindowStatus::in_progress;
        if (counted && r.baseline_sufficient && w.span.mean(Metric::pain) && w.span.pain_days < min_window_days)
            r.pain_remarks.push_back(fmt::format("{}: pain rated on only {} day{} (at least {} needed), so no category "
                                                 "and no area.",
                                            w.label, w.span.pain_days, w.span.pain_days == 1 ? "" : "s",
                                            min_window_days));
    }
    for (auto& remark : course_remarks(r, Metric::pain)) r.pain_remarks.push_back(std::move(remark));
    int mood_days = r.baseline.days_with(Metric::mood);
    if (r.baseline_sufficient && mood_days < min_baseline_days)
        r.mood_remarks.push_back(fmt::format("Baseline has mood ratings on {} day{} (at least {} needed): mood "
                                             "improvement and non-overlap are not assessed.",
                                             mood_days, mood_days == 1 ? "" : "s", min_baseline_days));
    else if (!r.baseline_sufficient)
        r.mood_remarks.push_back(fmt::format("Baseline has {} logged day{} of {} (at least {} needed): mood "
                                             "improvement is not assessed.",
                                             r.baseline.days_logged, r.baseline.days_logged == 1 ? "" : "s",
                                             r.baseline_days, min_baseline_days));
    for (auto& remark : course_remarks(r, Metric::mood)) r.mood_remarks.push_back(std::move(remark));
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
    return stats::round_to(*value, decimals);
}

template <typename T>
nlohmann::ordered_json optional_json(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json nap_json(const std::optional<NonOverlap>& nap) {
    if (!nap) return nullptr;
    return {{"nap", stats::round_to(nap->nap, 3)},           {"lower", stats::round_to(nap->nap_lower, 3)},
            {"upper", stats::round_to(nap->nap_upper, 3)},   {"tau", stats::round_to(nap->tau(), 3)},
            {"tau_lower", stats::round_to(nap->tau_lower(), 3)}, {"tau_upper", stats::round_to(nap->tau_upper(), 3)},
            {"baseline_n", nap->baseline_n},                 {"window_n", nap->phase_n}};
}

// The PEG has no bands: null.
nlohmann::ordered_json band_json(const QuestionnaireResult& result) {
    auto band = band_of(result.instrument, result.score);
    return band.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(band);
}

nlohmann::ordered_json score_json(const ScoreAfterInfusion& p) {
    return {{"id", p.result.id},
            {"day", format_day(p.result.day)},
            {"days_after", p.days_after},
            {"score", p.result.score},
            {"band", band_json(p.result)},
            {"change", rounded(p.change)},
            {"percent_change", optional_json(p.percent_change)},
            {"response", optional_json(p.response)},
            {"partial_response", optional_json(p.partial_response)},
            {"remission", optional_json(p.remission)}};
}

nlohmann::ordered_json course_json(const QuestionnaireCourse& course) {
    nlohmann::ordered_json j;
    const auto& base = course.baseline;
    j["baseline"] = base ? nlohmann::ordered_json{{"id", base->id},
                                                  {"day", format_day(base->day)},
                                                  {"score", base->score},
                                                  {"band", band_json(*base)}}
                         : nlohmann::ordered_json(nullptr);
    auto& scores = j["scores"] = nlohmann::ordered_json::array();
    for (const auto& p : course.after) scores.push_back(score_json(p));
    j["missing"] = course.missing;
    auto& checks = j["durability"] = nlohmann::ordered_json::array();
    for (const auto& c : course.durability) {
        nlohmann::ordered_json cj{{"check", c.label}, {"day", nullptr}, {"days_after", nullptr}, {"score", nullptr},
                                  {"response", nullptr}};
        if (c.score) {
            cj["day"] = format_day(c.score->result.day);
            cj["days_after"] = c.score->days_after;
            cj["score"] = c.score->result.score;
            cj["response"] = optional_json(c.score->response);
        }
        checks.push_back(std::move(cj));
    }
    j["response_lost_day"] = optional_json(course.response_lost_day);
    j["not_assessed"] = course.not_assessed.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(course.not_assessed);
    return j;
}

void put_span(nlohmann::ordered_json& j, const SpanSummary& s) {
    j["from"] = format_day(s.from);
    j["to"] = format_day(s.to);
    j["days"] = s.days;
    j["days_logged"] = s.days_logged;
    j["pain_days"] = s.pain_days;
}

}  // namespace

// A span, not std::ranges::subrange: clang 14, which builds the fuzz
// targets, cannot compile libstdc++ 12's.
std::span<const DailyValues> days_in(const std::vector<DailyValues>& days, Day from, Day to) {
    auto first = std::ranges::lower_bound(days, from, {}, &DailyValues::day);
    auto last = std::ranges::upper_bound(days, to, {}, &DailyValues::day);
    return {first, last};
}

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

SpanSummary summarize_span(const std::vector<DailyValues>& days, Day from, Day to) {
    SpanSummary s{.from = from, .to = to};
    if (to < from) return s;
    s.days = days_between(from, to) + 1;
    std::array<double, all_metrics.size()> totals{};
    for (const auto& day : days_in(days, from, to)) {
        if (day.entries > 0) ++s.days_logged;
        if (day.value(Metric::pain)) ++s.pain_days;
        for (auto m : all_metrics) {
            if (auto v = day.value(m)) {
                totals[index(m)] += *v;
                ++s.value_days[index(m)];
            }
        }
    }
    for (auto m : all_metrics)
        if (s.value_days[index(m)] > 0) s.means[index(m)] = totals[index(m)] / s.value_days[index(m)];
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
    add_non_overlap(r, days);
    measure_durations(r, days, today);
    add_course_measures(r, days, today);
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
    number_infusions(result, infusions);
    return result;
}

void add_questionnaire_courses(std::vector<InfusionResponse>& responses,
                               const std::vector<QuestionnaireResult>& results) {
    for (auto& r : responses) {
        InfusionSpan span{r.infusion.at, r.infusion.day, r.baseline.from, r.windows.back().span.to, r.next_infusion};
        r.phq9 = questionnaire_course(Instrument::phq9, span, results);
        r.gad7 = questionnaire_course(Instrument::gad7, span, results);
        r.peg = questionnaire_course(Instrument::peg, span, results);
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
    put_medicine_use(baseline, r.baseline_medicines);
    put_body_use(baseline, r, r.baseline_body, false);
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
        put_medicine_use(wj, w.medicines);
        put_body_use(wj, r, w.body, true);
        auto& nap = wj["nap"] = nlohmann::ordered_json::object();
        for (auto m : all_metrics) nap[std::string(name_of(m))] = nap_json(w.nap_of(m));
        windows.push_back(std::move(wj));
    }
    j["response_status"] = name_of(r.response_status);
    j["response_days"] = r.response_days ? nlohmann::ordered_json(*r.response_days) : nullptr;
    j["response_ongoing"] = r.response_ongoing;
    j["mood_response"] = {{"status", name_of(r.mood_duration.status)},
                          {"days", optional_json(r.mood_duration.days)},
                          {"ongoing", r.mood_duration.ongoing},
                          {"threshold_points", mood_improvement_points}};
    auto& effects = j["side_effects"] = nlohmann::ordered_json::array();
    for (const auto& effect : r.side_effects) effects.push_back({{"tag", effect.tag}, {"count", effect.count}});
    auto remarks = r.pain_remarks;
    remarks.insert(remarks.end(), r.remarks.begin(), r.remarks.end());
    j["remarks"] = remarks;
    j["mood_remarks"] = r.mood_remarks;
    j["phq9"] = course_json(r.phq9);
    j["gad7"] = course_json(r.gad7);
    j["pgic"] = pgic_json(r);
    j["peg"] = course_json(r.peg);
    add_course_json(j, r);
    return j;
}

nlohmann::ordered_json pathway_json(const PathwayChoice& pathway) {
    return {{"pathway", name_of(pathway.pathway)}, {"inferred", pathway.inferred}, {"reason", pathway.reason}};
}

nlohmann::ordered_json response_json(const std::vector<InfusionResponse>& responses, Day today, int baseline_days,
                                     const PathwayChoice& pathway) {
    nlohmann::ordered_json j;
    j["today"] = format_day(today);
    j["baseline_days"] = baseline_days;
    j["pathway"] = pathway_json(pathway);
    auto& events = j["events"] = nlohmann::ordered_json::array();
    for (const auto& r : responses) events.push_back(infusion_response_json(r));
    return j;
}

}  // namespace painlog
