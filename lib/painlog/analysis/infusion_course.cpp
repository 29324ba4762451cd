// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/infusion_course.hpp"

#include <algorithm>
#include <cctype>
#include <span>
#include <tuple>

#include <fmt/format.h>

#include "painlog/analysis/stats.hpp"
#include "painlog/analysis/summary.hpp"

namespace painlog {
namespace {

using json = nlohmann::ordered_json;

// A metric's values over [from, to] as points whose x is the day counted
// from `day0`.
std::vector<stats::Point> points_of(const std::vector<DailyValues>& days, Day from, Day to, Metric m, Day day0) {
    std::vector<stats::Point> points;
    for (const auto& d : days_in(days, from, to))
        if (auto v = d.value(m)) points.push_back({static_cast<double>(days_between(day0, d.day)), *v});
    return points;
}

std::vector<stats::DayValue> pain_of(const std::vector<DailyValues>& days, Day from, Day to) {
    std::vector<stats::DayValue> pain;
    for (const auto& d : days_in(days, from, to))
        if (auto v = d.value(Metric::pain)) pain.push_back({d.day, *v});
    return pain;
}

bool counted(const ResponseWindow& w) { return w.status == WindowStatus::ok || w.status == WindowStatus::in_progress; }

// The sufficiency of a category (response.hpp), on the baseline's side.
bool pain_baseline_ok(const InfusionResponse& r) {
    return r.baseline_sufficient && r.baseline.pain_days >= min_baseline_days && r.baseline.mean(Metric::pain);
}

// ... and on a span's side.
bool pain_span_ok(const SpanSummary& span) {
    return span.days_logged >= min_window_days && span.pain_days >= min_window_days;
}

// The last day an infusion's figures may use: the day before the next infusion, or today.
Day last_day_of(const InfusionResponse& r, Day today) {
    return r.next_infusion ? std::min(today, *r.next_infusion - date::days{1}) : today;
}

void add_window_areas(InfusionResponse& r, const std::vector<DailyValues>& days) {
    if (!pain_baseline_ok(r)) return;
    double base = *r.baseline.mean(Metric::pain);
    for (auto& w : r.windows)
        if (counted(w) && pain_span_ok(w.span)) w.pain_area = pain_area(pain_of(days, w.span.from, w.span.to), base);
}

void add_trends_and_tau_bc(InfusionResponse& r, const std::vector<DailyValues>& days) {
    Day day0 = r.infusion.day;
    for (auto m : all_metrics) {
        auto baseline = points_of(days, r.baseline.from, r.baseline.to, m, day0);
        auto& trend = r.baseline_trend[static_cast<std::size_t>(m)] = baseline_trend(baseline);
        Better better = lower_is_better(m) ? Better::lower : Better::higher;
        for (auto& w : r.windows) {
            if (!w.nap_of(m)) continue;  // NAP's sufficiency
            auto& tau_bc = w.tau_bc[static_cast<std::size_t>(m)];
            if (!trend || !trend->trending) {
                tau_bc = w.nap_of(m);  // uncorrected, Tau-BC is Tau: the same pairs
                continue;
            }
            bool past_line = !w.last || *w.last > course_area_days;
            if (!past_line) tau_bc = baseline_corrected(baseline, points_of(days, w.span.from, w.span.to, m, day0), better, trend);
        }
    }
}

void add_area_days_1_28(InfusionResponse& r, const std::vector<DailyValues>& days, Day today) {
    if (!pain_baseline_ok(r)) return;
    Day from = r.infusion.day + date::days{1};
    Day nominal = r.infusion.day + date::days{course_area_days};
    if (r.next_infusion) nominal = std::min(nominal, *r.next_infusion - date::days{1});
    Day to = std::min(nominal, today);
    if (to < from || !pain_span_ok(summarize_span(days, from, to))) return;
    if (auto area = pain_area(pain_of(days, from, to), *r.baseline.mean(Metric::pain)))
        r.area_days_1_28 = CourseArea{from, to, nominal <= today, *area};
}

// Pain over a run of days with running totals, so that the mean over any
// days in it costs two subtractions: the best week and the curve ask for
// thousands of them over years.
class PainDays {
public:
    PainDays(const std::vector<DailyValues>& days, Day first, Day last) : first_(first) {
        auto n = static_cast<std::size_t>(std::max(0, days_between(first, last) + 1));
        sums_.assign(n + 1, 0.0);
        counts_.assign(n + 1, 0);
        for (const auto& d : days_in(days, first, last))
            if (auto v = d.value(Metric::pain)) {
                auto i = static_cast<std::size_t>(days_between(first, d.day)) + 1;
                sums_[i] = *v;
                counts_[i] = 1;
            }
        for (std::size_t i = 1; i <= n; ++i) sums_[i] += sums_[i - 1], counts_[i] += counts_[i - 1];
    }
    // The total and number of pain ratings on days [from, to], both within the run.
    [[nodiscard]] std::pair<double, int> over(Day from, Day to) const {
        auto a = static_cast<std::size_t>(days_between(first_, from)), b = static_cast<std::size_t>(days_between(first_, to)) + 1;
        return {sums_[b] - sums_[a], counts_[b] - counts_[a]};
    }

private:
    Day first_;
    std::vector<double> sums_;  // sums_[i]: days first .. first + i - 1
    std::vector<int> counts_;
};

void add_best_week(InfusionResponse& r, const PainDays& pain, Day last) {
    double base = *r.baseline.mean(Metric::pain);
    for (Day to = r.infusion.day + date::days{rolling_days}; to <= last; to += date::days{1}) {
        Day from = to - date::days{rolling_days - 1};
        auto [total, count] = pain.over(from, to);
        if (count < min_window_days) continue;
        double mean = total / count;
        if (!r.best_week || mean < r.best_week->mean)
            r.best_week = BestWeek{from, to, mean, stats::percent_change(mean, base)};
    }
}

// For day t from -14 to 42: the 7-day mean of pain as the duration measures
// it (after the infusion only days from day 1).
void add_curve(InfusionResponse& r, const PainDays& pain, Day last) {
    double base = *r.baseline.mean(Metric::pain);
    if (base == 0) return;
    int last_t = std::min(curve_last_day, days_between(r.infusion.day, last));
    for (int t = curve_first_day; t <= last_t; ++t) {
        if (t == 0) continue;  // the infusion day belongs to no span
        Day day = r.infusion.day + date::days{t};
        Day from = day - date::days{rolling_days - 1};
        if (t > 0) from = std::max(from, r.infusion.day + date::days{1});
        auto [total, count] = pain.over(from, day);
        std::optional<double> mean;
        if (count > 0) mean = total / count;
        r.curve.push_back({t, mean, mean ? stats::percent_change(*mean, base) : std::nullopt});
    }
}

void add_best_week_and_curve(InfusionResponse& r, const std::vector<DailyValues>& days, Day today) {
    if (!pain_baseline_ok(r)) return;
    Day first = r.infusion.day + date::days{curve_first_day - (rolling_days - 1)};
    Day last = last_day_of(r, today);
    if (last < r.infusion.day + date::days{1}) last = r.infusion.day;  // nothing after the infusion yet
    PainDays pain(days, first, last);
    add_best_week(r, pain, last_day_of(r, today));
    add_curve(r, pain, last_day_of(r, today));
}

// A duration that will not change any more, for the trend across infusions.
std::optional<double> final_duration(const InfusionResponse& r) {
    switch (r.response_status) {
        case ResponseStatus::no_response: return 0.0;
        case ResponseStatus::ended:
        case ResponseStatus::until_next_infusion: return static_cast<double>(*r.response_days);
        default: return std::nullopt;
    }
}

CourseTrend course_trend(const std::vector<stats::Point>& points) {
    CourseTrend trend;
    trend.n = points.size();
    if (trend.n >= min_infusions_for_trend) trend.slope = stats::theil_sen_slope(points);
    return trend;
}

std::string_view direction_of(const CourseTrend& t, std::string_view up, std::string_view down) {
    if (!t.slope) return "";
    return *t.slope > 0 ? up : *t.slope < 0 ? down : "unchanged";
}

json optional_rounded(const std::optional<double>& value, int decimals = 2) {
    return value ? json(stats::round_to(*value, decimals)) : json(nullptr);
}

json area_json(const PainArea& a) {
    return {{"days", a.days},
            {"rated_days", a.rated_days},
            {"filled_days", a.filled_days},
            {"pain_score_days", stats::round_to(a.pain_score_days, 2)},
            {"relief_score_days", stats::round_to(a.relief_score_days, 2)},
            {"relief_pct", optional_rounded(a.relief_pct, 1)}};
}

json trend_json(const std::optional<BaselineTrend>& t) {
    if (!t) return nullptr;
    return {{"n", t->n},
            {"slope_per_day", stats::round_to(t->slope_per_day, 4)},
            {"intercept", stats::round_to(t->intercept, 4)},
            {"mann_kendall",
             {{"s", t->test.s}, {"var_s", stats::round_to(t->test.var_s, 4)}, {"z", stats::round_to(t->test.z, 4)},
              {"p", stats::round_to(t->test.p, 4)}}},
            {"trending", t->trending},
            {"direction", !t->trending ? json(nullptr) : json(t->slope_per_day > 0 ? "rising" : "falling")}};
}

void add_windows_json(json& event, const InfusionResponse& r) {
    auto& windows = event["windows"];
    for (std::size_t i = 0; i < r.windows.size(); ++i) {
        const auto& w = r.windows[i];
        auto& wj = windows[i];
        wj["pain_area"] = w.pain_area ? area_json(*w.pain_area) : json(nullptr);
        for (auto m : all_metrics) {
            auto& nap = wj["nap"][std::string(name_of(m))];
            if (nap.is_null()) continue;
            const auto& bc = w.tau_bc_of(m);
            nap["tau_bc"] = bc ? json(stats::round_to(bc->tau(), 3)) : json(nullptr);
            nap["tau_bc_lower"] = bc ? json(stats::round_to(bc->tau_lower(), 3)) : json(nullptr);
            nap["tau_bc_upper"] = bc ? json(stats::round_to(bc->tau_upper(), 3)) : json(nullptr);
            nap["trend_corrected"] = r.trend_of(m) && r.trend_of(m)->trending;
        }
    }
}

// Two arrays, a value a day from first_day on (day 0 null): a curve of
// points as objects made a ten-year diary's JSON five times longer.
json curve_json(const std::vector<CurvePoint>& curve) {
    if (curve.empty()) return nullptr;
    json means = json::array(), changes = json::array();
    for (const auto& p : curve) {
        if (p.day == 1 && !means.empty()) means.push_back(nullptr), changes.push_back(nullptr);  // day 0
        means.push_back(optional_rounded(p.mean));
        changes.push_back(optional_rounded(p.change_pct, 1));
    }
    return {{"first_day", curve.front().day}, {"mean", means}, {"change_pct", changes}};
}

json course_area_json(const std::optional<CourseArea>& a) {
    if (!a) return nullptr;
    json aj{{"from", format_day(a->from)}, {"to", format_day(a->to)}, {"complete", a->complete}};
    aj.update(area_json(a->area));
    return aj;
}

json best_week_json(const std::optional<BestWeek>& b) {
    if (!b) return nullptr;
    return {{"from", format_day(b->from)},
            {"to", format_day(b->to)},
            {"mean", stats::round_to(b->mean, 2)},
            {"change_pct", optional_rounded(b->change_pct, 1)}};
}

}  // namespace

void add_course_measures(InfusionResponse& r, const std::vector<DailyValues>& days, Day today) {
    add_window_areas(r, days);
    add_trends_and_tau_bc(r, days);
    add_area_days_1_28(r, days, today);
    add_best_week_and_curve(r, days, today);
    if (r.next_infusion) r.interval_days = days_between(r.infusion.day, *r.next_infusion);
}

void number_infusions(std::vector<InfusionResponse>& responses, const std::vector<Event>& events) {
    std::vector<const Event*> infusions;
    for (const auto& e : events)
        if (e.kind == EventKind::infusion) infusions.push_back(&e);
    std::ranges::sort(infusions, [](const Event* a, const Event* b) { return std::tie(a->at, a->id) < std::tie(b->at, b->id); });
    for (auto& r : responses) {
        auto at = std::ranges::find(infusions, r.infusion.id, &Event::id);
        r.number = at == infusions.end() ? 0 : static_cast<std::size_t>(at - infusions.begin()) + 1;
        r.of = infusions.size();
    }
}

AcrossInfusions across_infusions(const std::vector<InfusionResponse>& responses) {
    std::vector<stats::Point> durations, reliefs;
    for (const auto& r : responses) {
        auto x = static_cast<double>(r.number);
        if (auto days = final_duration(r)) durations.push_back({x, *days});
        const auto& area = r.area_days_1_28;
        if (area && area->complete && area->area.relief_pct) reliefs.push_back({x, *area->area.relief_pct});
    }
    return {course_trend(durations), course_trend(reliefs)};
}

std::string across_infusions_text(const AcrossInfusions& a) {
    if (!a.duration.slope && !a.relief.slope)
        return fmt::format("Too few infusions to say whether the response is getting longer or shorter (at least {} "
                           "with a final duration or a complete days 1-28 area are needed).",
                           min_infusions_for_trend);
    std::vector<std::string> parts;
    if (a.duration.slope)
        parts.push_back(*a.duration.slope == 0
                            ? fmt::format("the response lasted about as long each time ({} infusions)", a.duration.n)
                            : fmt::format("the response got {} by {:.1f} days per infusion ({} infusions)",
                                          direction_of(a.duration, "longer", "shorter"), std::abs(*a.duration.slope),
                                          a.duration.n));
    if (a.relief.slope)
        parts.push_back(*a.relief.slope == 0
                            ? fmt::format("the relief over days 1-28 stayed the same ({} infusions)", a.relief.n)
                            : fmt::format("the relief over days 1-28 got {} by {:.1f} points of % per infusion ({} "
                                          "infusions)",
                                          direction_of(a.relief, "larger", "smaller"), std::abs(*a.relief.slope),
                                          a.relief.n));
    std::string text = "Across infusions " + parts.front();
    if (parts.size() > 1) text += ", and " + parts.back();
    return text + " (Theil–Sen slope over the infusion's number; descriptive, no test).";
}

bool pain_rated(const std::vector<InfusionResponse>& responses) {
    return std::ranges::any_of(responses, [](const InfusionResponse& r) {
        return r.baseline.pain_days > 0 ||
               std::ranges::any_of(r.windows, [](const ResponseWindow& w) { return w.span.pain_days > 0; });
    });
}

std::string infusion_number_text(const InfusionResponse& r) { return fmt::format("{} of {}", r.number, r.of); }

std::vector<std::string> course_remarks(const InfusionResponse& r, Metric m) {
    std::vector<std::string> remarks;
    const auto& t = r.trend_of(m);
    if (!t || !t->trending) return remarks;
    bool rising = t->slope_per_day > 0;
    bool improving = rising != lower_is_better(m);
    std::string metric(label_of(m));
    metric[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(metric[0])));
    remarks.push_back(fmt::format(
        "{} was already {} ({}) in the baseline: {:+.2f} a day (Theil–Sen), Mann–Kendall {} over {} days. {} "
        "Tau-BC corrects for the trend.",
        metric, rising ? "rising" : "falling", improving ? "improving" : "worsening", t->slope_per_day,
        format_p(t->test.p), t->n,
        improving ? "A change after the infusion may partly be this trend going on."
                  : "A change after the infusion may understate its effect if the trend would have gone on."));
    return remarks;
}

void add_course_json(json& event, const InfusionResponse& r) {
    event["number"] = r.number;
    event["of"] = r.of;
    event["interval_days"] = r.interval_days ? json(*r.interval_days) : json(nullptr);
    auto& trends = event["baseline_trend"] = json::object();
    for (auto m : all_metrics) trends[std::string(name_of(m))] = trend_json(r.trend_of(m));
    add_windows_json(event, r);
    event["area_days_1_28"] = course_area_json(r.area_days_1_28);
    event["best_7_day"] = best_week_json(r.best_week);
    event["response_curve"] = curve_json(r.curve);
}

json infusion_overview_json(const InfusionResponse& r) {
    const auto& first = r.windows.front();
    return {{"id", r.infusion.id},
            {"number", r.number},
            {"of", r.of},
            {"date", format_day(r.infusion.day)},
            {"label", r.infusion.label},
            {"baseline_pain_mean", optional_rounded(r.baseline.mean(Metric::pain))},
            {"days_1_7",
             {{"pain_change", optional_rounded(first.change_of(Metric::pain))},
              {"pain_change_pct", optional_rounded(first.pain_change_pct, 1)},
              {"category", first.category ? json(name_of(*first.category)) : json(nullptr)},
              {"status", name_of(first.status)}}},
            {"best_7_day", best_week_json(r.best_week)},
            {"response_status", name_of(r.response_status)},
            {"response_days", r.response_days ? json(*r.response_days) : json(nullptr)},
            {"area_days_1_28", course_area_json(r.area_days_1_28)},
            {"interval_days", r.interval_days ? json(*r.interval_days) : json(nullptr)},
            {"response_curve", curve_json(r.curve)}};
}

json across_infusions_json(const AcrossInfusions& a) {
    auto one = [](const CourseTrend& t, std::string_view up, std::string_view down) {
        auto direction = direction_of(t, up, down);
        return json{{"n", t.n},
                    {"slope_per_infusion", optional_rounded(t.slope)},
                    {"direction", direction.empty() ? json(nullptr) : json(direction)}};
    };
    return {{"duration", one(a.duration, "longer", "shorter")},
            {"relief", one(a.relief, "larger", "smaller")},
            {"sentence", across_infusions_text(a)}};
}

}  // namespace painlog
