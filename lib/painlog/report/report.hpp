// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The follow-up report: everything a consultant reads in two minutes, as one
// plain struct built from the diary, and four renderers that return strings
// (text for a terminal, Markdown, a self-contained HTML page, JSON).
//
// build_report() does all the querying and arithmetic; the renderers only
// lay it out, so every format shows the same figures.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/daily.hpp"
#include "painlog/model/event.hpp"
#include "painlog/model/pathway.hpp"
#include "painlog/model/questionnaire.hpp"
#include "painlog/analysis/calendar.hpp"
#include "painlog/analysis/infusion_course.hpp"
#include "painlog/analysis/response.hpp"
#include "painlog/analysis/summary.hpp"
#include "painlog/time/time.hpp"
#include "painlog/analysis/trend.hpp"

namespace painlog {

class Diary;

// What the user asked for; every field optional.
struct ReportRequest {
    std::optional<Day> since;                // first day
    std::optional<Day> until;                // last day (default today)
    std::optional<std::int64_t> event_id;    // report on this event (usually an infusion)
    TrendTests trend_tests = TrendTests::run;  // only the JSON report shows them
};

// A note from the period, cut to a readable length.
struct ReportNote {
    std::int64_t entry_id = 0;
    Day day;
    std::string time;  // local, "2026-11-22 08:30"
    std::string text;  // one line, at most report_note_chars columns
    bool cut = false;
};

struct Report {
    std::string name;           // the `name` setting, may be empty
    Period period;
    Day today;                  // the analysis ends here: the period's last day
    std::string generated;      // local time, "2026-11-22 20:00"
    std::string generated_iso;  // "2026-11-22T20:00:00+00:00"
    std::string period_reason;  // how the period was chosen, in words
    int baseline_days = default_baseline_days;
    PathwayChoice pathway;      // decides the title and the order of the sections

    Summary summary;            // key figures, adherence, tags (summary.hpp)
    TrendSeries trend;          // every metric's daily values and 7-day means (trend.hpp)
    std::vector<Event> events;  // every event in the period, in time order
    std::vector<InfusionResponse> infusions;  // infusions in the period (or the one asked for), oldest first
    std::vector<QuestionnaireResult> questionnaires;         // in the period, in time order
    std::vector<QuestionnaireResult> questionnaire_history;  // every result, for PHQ-9 progress
    bool safety_message = false;    // a PHQ-9 in the period has item 9 above 0
    std::vector<ReportNote> notes;  // most recent first, at most report_max_notes
    int notes_total = 0;            // notes in the period, shown or not
    // Medicines (the period's use is summary.medicines): the regular
    // medicines of the regimen_days up to the last day, and the period's
    // days with a dose or a patch on, for the MME chart.
    std::vector<RegimenItem> regimen;
    std::vector<DailyDoses> daily_doses;
    // The next infusion booked and whether its pre-infusion check is
    // complete (none: not answered), for the first page.
    std::optional<Event> next_infusion;
    std::optional<bool> next_check_complete;

    // Every infusion in the diary up to the last day, for the table of all
    // infusions and the response curves (without side effects or
    // questionnaires), what they say across infusions, and the year of pain
    // at a glance that ends on the last day.
    std::vector<InfusionResponse> all_infusions;
    AcrossInfusions across;
    PainCalendar calendar;
};
// "Next infusion: 2026-12-01 10:00 (ketamine); pre-infusion check complete."
[[nodiscard]] std::string next_infusion_text(const Report& report);

// The report's sections. report_sections() orders them by pathway:
//  - pain: key figures, pain response, all infusions, charts, the calendar,
//    side effects, pain tags, sleep and activity, questionnaires, notes;
//  - both: the same with the depression response after the pain response;
//  - depression: depression response, key figures, charts, questionnaires,
//    side effects, sleep and activity, then the pain response, all
//    infusions and the calendar only when pain was rated and the pain tags
//    only when there are any, and notes.
// Side effects need an infusion in the period, all infusions one in the
// diary, questionnaires a result in the period and medicines a dose in the
// period or a regular medicine (after side effects).
// The body map (where it hurt and how it felt) follows the pain response,
// when a region or quality was reported (report_body.hpp).
enum class ReportSection {
    key_figures,
    pain_response,
    depression_response,
    charts,
    side_effects,
    pain_tags,
    sleep_activity,
    questionnaires,
    medicines,
    notes,
    body_map,
    infusions,  // every infusion in the diary and the response curves
    calendar,   // the year at a glance
};
[[nodiscard]] std::string_view name_of(ReportSection section);  // key_figures, pain_response, ...
[[nodiscard]] std::vector<ReportSection> report_sections(const Report& report);
// "Pain diary report", "Mood diary report" (depression), "Pain and mood diary report" (both).
[[nodiscard]] std::string_view report_title(const Report& report);

inline constexpr std::size_t report_max_notes = 12;
inline constexpr std::size_t report_note_chars = 240;

// Reads what the period needs from the diary. Throws InputError for an
// unknown event, a period that ends before it starts or ends after today.
[[nodiscard]] Report build_report(Diary& diary, const TimeContext& time, const ReportRequest& request);

[[nodiscard]] std::string report_text(const Report& report);
[[nodiscard]] std::string report_markdown(const Report& report);
[[nodiscard]] std::string report_html(const Report& report);
[[nodiscard]] nlohmann::ordered_json report_json(const Report& report);

// Escapes text for a CommonMark table cell or paragraph: backslash-escapes
// the ASCII punctuation that could start markup (| * _ ` [ ] < > # etc.)
// and turns newlines into spaces.
[[nodiscard]] std::string markdown_escape(std::string_view text);


}  // namespace painlog
