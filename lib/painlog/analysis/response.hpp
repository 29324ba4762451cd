// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Did an infusion help, how much and for how long: pure functions over diary
// days, entries and events, and their renderers. The formulas are documented
// in man/painlog-response.1; in short:
//
//  - The infusion day D is day 0. It belongs to neither the baseline nor any
//    window: it is the day of the procedure and its sedation.
//  - Baseline: the N diary days D-N .. D-1. Windows: days 1-7, 8-14 and
//    15-28 after D (day 1 = D+1), and "since infusion" (D+1 .. today). Every
//    window ends the day before the next infusion and never after today.
//  - A span's mean of a metric is the mean of its diary days' values (each
//    day's value is the mean of that day's entries).
//  - Percent change of pain = (window mean - baseline mean) / baseline mean
//    x 100, rounded to one decimal; the category is taken from that rounded
//    figure (so it always matches what is shown): substantial <= -50,
//    moderate <= -30, minimal <= -10, worse >= +10, none otherwise.
//  - Data sufficiency: a window needs 4 logged days (days with any entry)
//    and the baseline 7; a category also needs that many days with a pain
//    rating on both sides and a baseline pain mean above 0. Otherwise the
//    category is null, never guessed.
//  - Duration: see ResponseStatus; mood's: see mood_improvement_points.
//  - Non-overlap: NAP of each window's daily values against the baseline's
//    (nonoverlap.hpp), with the same sufficiency as a category.
//  - Side effects: side-effect tags on entries timed within 48 hours after
//    the infusion's instant (both ends inclusive), counted per tag.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/daily.hpp"
#include "painlog/model/entry.hpp"
#include "painlog/model/event.hpp"
#include "painlog/model/pathway.hpp"
#include "painlog/model/questionnaire.hpp"
#include "painlog/analysis/body_summary.hpp"
#include "painlog/analysis/medicine_use.hpp"
#include "painlog/analysis/nonoverlap.hpp"
#include "painlog/analysis/pain_area.hpp"
#include "painlog/analysis/questionnaire_course.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

inline constexpr int min_window_days = 4;
inline constexpr int min_baseline_days = 7;
inline constexpr int rolling_days = 7;
inline constexpr double response_threshold_pct = -30.0;
// Mood improved, by painlog's own descriptive convention (no published
// threshold for a daily 0-10 mood rating was found): a 7-day rolling mean
// at least this many points above the baseline mean.
inline constexpr double mood_improvement_points = 1.0;
inline constexpr std::chrono::hours side_effect_period{48};
inline constexpr int default_baseline_days = 14;

enum class PainCategory { substantial, moderate, minimal, none, worse };
[[nodiscard]] std::string_view name_of(PainCategory category);  // substantial, moderate, minimal, none, worse
// `pct` as shown (already rounded to one decimal); boundaries inclusive.
[[nodiscard]] PainCategory pain_category(double pct);

// Means over a span of diary days [from, to]. An empty span has to < from.
struct SpanSummary {
    Day from;
    Day to;
    int days = 0;         // calendar days in the span
    int days_logged = 0;  // days with at least one entry
    int pain_days = 0;    // days with a pain rating
    std::array<std::optional<double>, all_metrics.size()> means{};  // indexed by Metric
    std::array<int, all_metrics.size()> value_days{};               // days with a value, indexed by Metric

    [[nodiscard]] const std::optional<double>& mean(Metric m) const { return means[static_cast<std::size_t>(m)]; }
    [[nodiscard]] int days_with(Metric m) const { return value_days[static_cast<std::size_t>(m)]; }
};

// The days of `days` (sorted by day) within [from, to].
[[nodiscard]] std::span<const DailyValues> days_in(const std::vector<DailyValues>& days, Day from, Day to);

// `days` sorted by day, as daily_values returns them.
[[nodiscard]] SpanSummary summarize_span(const std::vector<DailyValues>& days, Day from, Day to);

enum class WindowStatus {
    ok,
    in_progress,        // today falls inside the window: figures so far
    insufficient_data,  // fewer than min_window_days logged days
    not_started,        // the window begins after today
    cut_off,            // the next infusion came before the window began
};
[[nodiscard]] std::string_view name_of(WindowStatus status);  // ok, in progress, insufficient data, ...

struct ResponseWindow {
    std::string label;  // days 1-7, days 8-14, days 15-28, since infusion
    int first = 0;      // first day after the infusion (1, 8, 15, 1)
    std::optional<int> last;  // last day (7, 14, 28) or none: until today
    SpanSummary span;   // the days actually covered (from/to are the nominal days when not started or cut off)
    bool truncated = false;  // ends early because of the next infusion
    WindowStatus status = WindowStatus::ok;
    std::array<std::optional<double>, all_metrics.size()> change{};  // mean - baseline mean
    std::optional<double> pain_change_pct;                            // rounded to one decimal
    std::optional<PainCategory> category;
    // Against the baseline's days, when the baseline has min_baseline_days
    // and the window min_window_days with a value of the metric.
    std::array<std::optional<NonOverlap>, all_metrics.size()> nap{};
    // Set by add_medicine_responses when the diary has doses and the window
    // has begun (not cut off).
    std::optional<MedicineUseChange> medicines;
    // Set by add_body_responses when the diary names a region or quality and
    // the window has begun: where it hurt and how it felt in the window.
    std::optional<BodySummary> body;

    // Set by add_course_measures (infusion_course.hpp): the area under the
    // pain curve, and Tau-BC against the baseline per metric.
    std::optional<PainArea> pain_area;
    std::array<std::optional<NonOverlap>, all_metrics.size()> tau_bc{};

    [[nodiscard]] const std::optional<double>& change_of(Metric m) const { return change[static_cast<std::size_t>(m)]; }
    [[nodiscard]] const std::optional<NonOverlap>& nap_of(Metric m) const { return nap[static_cast<std::size_t>(m)]; }
    [[nodiscard]] const std::optional<NonOverlap>& tau_bc_of(Metric m) const { return tau_bc[static_cast<std::size_t>(m)]; }
};

// A window's category as the response and report tables show it: the
// category ("moderate", "moderate (so far)" while in progress), "no category"
// when the window has too few pain ratings, else the status ("cut off").
[[nodiscard]] std::string window_category_text(const ResponseWindow& window);

// How long pain stayed at least 30 % below baseline. Each day d after the
// infusion has a 7-day rolling mean of pain: the mean of the daily pain
// values on days max(D+1, d-6) .. d (none when none of those days has one).
// Its percent change against baseline (rounded like a window's) responds
// when <= -30. Days are examined from D+1 to the day before the next
// infusion or today, whichever comes first.
enum class ResponseStatus {
    not_assessable,       // baseline insufficient, without pain, or 0: days null
    no_response,          // never reached -30 %: days null
    ended,                // days = last responding day (day 1 = D+1) before a day that did not respond
    ongoing,              // still responding today: days = today - D
    until_next_infusion,  // still responding the day before the next infusion: days up to it
    no_recent_data,       // responded, but the last days have no pain ratings: days = last responding day
};
[[nodiscard]] std::string_view name_of(ResponseStatus status);  // not assessable, no response, ended, ...

// How long mood stayed improved: the same rule with mood's 7-day rolling
// mean at least mood_improvement_points above the baseline mean (the
// difference rounded to one decimal), a baseline needing min_baseline_days
// mood ratings.
struct ResponseDuration {
    ResponseStatus status = ResponseStatus::not_assessable;
    std::optional<int> days;
    bool ongoing = false;
};

struct SideEffectCount {
    std::string tag;
    int count = 0;  // entries carrying the tag
    friend bool operator==(const SideEffectCount&, const SideEffectCount&) = default;
};

// The course of one infusion beyond its windows (infusion_course.hpp).
struct CourseArea {
    Day from;
    Day to;
    bool complete = false;  // the span can no longer grow
    PainArea area;
};
struct BestWeek {
    Day from;
    Day to;
    double mean = 0;
    std::optional<double> change_pct;  // against the baseline mean, one decimal
};
struct CurvePoint {
    int day = 0;  // from the infusion day
    std::optional<double> mean;
    std::optional<double> change_pct;
};

struct InfusionResponse {
    Event infusion;
    std::optional<Day> previous_infusion;
    std::optional<Day> next_infusion;
    int baseline_days = default_baseline_days;
    SpanSummary baseline;
    bool baseline_sufficient = false;
    std::vector<ResponseWindow> windows;  // always the four, in order
    ResponseStatus response_status = ResponseStatus::not_assessable;
    std::optional<int> response_days;
    bool response_ongoing = false;
    ResponseDuration mood_duration;
    std::vector<SideEffectCount> side_effects;  // most frequent first, then by name
    std::vector<std::string> pain_remarks;      // plain sentences for the reader: why pain is not assessed
    std::vector<std::string> mood_remarks;      // why mood is not assessed
    std::vector<std::string> remarks;           // about the infusion's days (previous, next infusion)
    QuestionnaireCourse phq9;                   // set by add_questionnaire_courses
    QuestionnaireCourse gad7;
    std::optional<MedicineUse> baseline_medicines;  // set by add_medicine_responses when the diary has doses
    std::optional<QuestionnaireResult> pgic;        // set by add_pgic: the patient's impression of change
    std::optional<BodySummary> baseline_body;       // set by add_body_responses (response_body.cpp)
    QuestionnaireCourse peg;
    // Set by add_course_measures and number_infusions (infusion_course.hpp).
    std::size_t number = 0;  // the infusion's place in the diary, from 1
    std::size_t of = 0;      // infusions in the diary
    std::array<std::optional<BaselineTrend>, all_metrics.size()> baseline_trend{};
    std::optional<CourseArea> area_days_1_28;
    std::optional<BestWeek> best_week;
    std::optional<int> interval_days;  // to the next infusion
    std::vector<CurvePoint> curve;     // empty when pain is not assessable

    [[nodiscard]] const std::optional<BaselineTrend>& trend_of(Metric m) const {
        return baseline_trend[static_cast<std::size_t>(m)];
    }
};

// One infusion. `days` sorted by day; `entries` only need to cover the 48
// hours after the infusion (for side effects).
[[nodiscard]] InfusionResponse analyse_infusion(const Event& infusion, std::optional<Day> previous_infusion,
                                                std::optional<Day> next_infusion,
                                                const std::vector<DailyValues>& days,
                                                const std::vector<Entry>& entries, int baseline_days, Day today);

// Every infusion among `events` (any order, other kinds ignored), oldest
// first, each truncated by the next one.
[[nodiscard]] std::vector<InfusionResponse> analyse_responses(const std::vector<DailyValues>& days,
                                                              const std::vector<Entry>& entries,
                                                              const std::vector<Event>& events, int baseline_days,
                                                              Day today);

// Sets each response's phq9, gad7 and peg from `results` (any instruments, any order).
void add_questionnaire_courses(std::vector<InfusionResponse>& responses,
                               const std::vector<QuestionnaireResult>& results);

// Sets each response's medicine use (baseline and windows) from every dose
// of the diary; nothing when `doses` is empty. A logged day is a day with
// an entry (`days`) or a dose: a logged day without a dose counts as 0, an
// unlogged day not at all (medicine_use_between).
void add_medicine_responses(std::vector<InfusionResponse>& responses, const std::vector<Dose>& doses,
                            const std::vector<DailyValues>& days);
// Sets each response's PGIC (response_pgic.cpp): the first one answered
// after the infusion and before the next one.
void add_pgic(std::vector<InfusionResponse>& responses, const std::vector<QuestionnaireResult>& results);
// "PGIC on 2026-11-20 (day 12): much improved", or "" without one.
[[nodiscard]] std::string pgic_text(const InfusionResponse& response);
// {"id","day","days_after","answer","score"} or null.
[[nodiscard]] nlohmann::ordered_json pgic_json(const InfusionResponse& response);

// The medicines table of one infusion (response_medicines.cpp): MME and
// as-needed doses a logged day by window; "" without doses.
[[nodiscard]] std::string medicine_response_text(const InfusionResponse& response, Color color);
// Adds "medicine_days_logged","mme_per_day","prn_doses_per_day" to a
// baseline's JSON, and to a window's also "mme_per_day_change",
// "mme_per_day_change_pct","prn_doses_per_day_change",
// "prn_doses_per_day_change_pct" (null without doses).
void put_medicine_use(nlohmann::ordered_json& baseline, const std::optional<MedicineUse>& use);
void put_medicine_use(nlohmann::ordered_json& window, const std::optional<MedicineUseChange>& use);

// Sets each response's baseline_body and its begun windows' body from the
// diary days (response_body.cpp); nothing when no day names a region or a
// quality. A span's share of a name is its days reporting it over its
// logged days (body_summary.hpp).
void add_body_responses(std::vector<InfusionResponse>& responses, const std::vector<DailyValues>& days);
// Per infusion the share of logged days each region and quality was
// reported in the baseline and each window, and regions a day; "" without.
[[nodiscard]] std::string body_response_text(const InfusionResponse& response, Color color);
// Adds "body_days_logged","regions_per_day","regions":[{"region","days",
// "share"}],"qualities":[{"quality","days","share"}] to a baseline's JSON,
// and to a window's also "regions_per_day_change" and per name
// "share_change" (window share minus baseline share); the names are those
// reported in the baseline or any begun window of the infusion, in
// vocabulary order, with 0 where not reported. Null and empty without.
void put_body_use(nlohmann::ordered_json& span, const InfusionResponse& response,
                  const std::optional<BodySummary>& body, bool is_window);

// {"id","date","time","label","previous_infusion","next_infusion",
//  "baseline":{"from","to","days","days_logged","pain_days","sufficient",
//              "pain_mean","mood_mean","energy_mean","sleep_hours_mean",
//              "sleep_quality_mean","activity_mean","medicine_days_logged",
//              "mme_per_day","prn_doses_per_day"},
//  "windows":[{"label","from","to","days","days_logged","pain_days","status",
//              "truncated","pain_mean","pain_change","pain_change_pct",
//              "category","mood_mean","mood_change",…,"medicine_days_logged",
//              "mme_per_day","mme_per_day_change","mme_per_day_change_pct",
//              "prn_doses_per_day","prn_doses_per_day_change",
//              "prn_doses_per_day_change_pct",
//              "nap":{"pain":{"nap","lower","upper","tau","tau_lower",
//                     "tau_upper","baseline_n","window_n"}|null,"mood",…}}],
//  "response_status","response_days","response_ongoing",
//  "mood_response":{"status","days","ongoing","threshold_points"},
//  "side_effects":[{"tag","count"}],"remarks":[…],"mood_remarks":[…],
//  "phq9":{"baseline":{"id","day","score","band"}|null,"scores":[{"id","day",
//          "days_after","score","band","change","percent_change","response",
//          "partial_response","remission"}],"missing":[…],
//          "durability":[{"check","day","days_after","score","response"}],
//          "response_lost_day","not_assessed"},
//  "gad7":{the same keys; response, partial_response and remission null},
//  "pgic":{"id","day","days_after","answer","score"}|null}
// Means and changes are rounded to two decimals, percentages to one, NAP
// to three.
[[nodiscard]] nlohmann::ordered_json infusion_response_json(const InfusionResponse& response);
// {"today","baseline_days","pathway":{"pathway","inferred","reason"},"events":[…]}
[[nodiscard]] nlohmann::ordered_json response_json(const std::vector<InfusionResponse>& responses, Day today,
                                                   int baseline_days, const PathwayChoice& pathway);
[[nodiscard]] nlohmann::ordered_json pathway_json(const PathwayChoice& pathway);

// Text that fits 80 columns (response_text.cpp), led by the pathway's
// outcome: for pain the pain table, the other metrics, the duration, side
// effects and remarks; for depression the PHQ-9 and GAD-7 course, mood by
// window and its duration first, pain only where it was rated; for both,
// pain first.
// "12 days, then ended", "ongoing, 5 days so far", "none", ...
[[nodiscard]] std::string mood_duration_text(const ResponseDuration& duration);
[[nodiscard]] std::string infusion_response_text(const InfusionResponse& response, Pathway pathway, Color color);
[[nodiscard]] std::string response_text(const std::vector<InfusionResponse>& responses,
                                        const PathwayChoice& pathway, Color color);

}  // namespace painlog
