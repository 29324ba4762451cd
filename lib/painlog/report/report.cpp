// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/report/report.hpp"

#include <algorithm>
#include <deque>

#include <fmt/format.h>

#include "painlog/model/settings.hpp"
#include "painlog/report/report_body.hpp"
#include "painlog/store/day_index.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/infusion_check_store.hpp"
#include "painlog/store/lookup.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

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
        bool side_effect = std::ranges::any_of(entry.tags, [](const Tag& t) { return t.kind == TagKind::side_effect; });
        if (entry.day >= notes_from_ && !entry.note.empty()) {
            ++notes_total_;
            // Kept as read and formatted at the end: only the last few are shown.
            if (latest_notes_.size() == report_max_notes) latest_notes_.pop_front();
            Entry note{entry.id, entry.at, entry.zone, entry.day, {}, {}, std::move(entry.note), {}, {}, {}};
            latest_notes_.push_back(std::move(note));
        }
        if (side_effect) {
            entry.note.clear();
            side_effect_entries_.push_back(std::move(entry));
        }
    }

    [[nodiscard]] std::vector<DailyValues> days() && { return std::move(days_).finish(); }
    [[nodiscard]] const std::vector<Entry>& side_effect_entries() const { return side_effect_entries_; }
    // Most recent first.
    [[nodiscard]] std::vector<ReportNote> notes() const {
        std::vector<ReportNote> notes;
        for (auto e = latest_notes_.rbegin(); e != latest_notes_.rend(); ++e) notes.push_back(note_of(*e));
        return notes;
    }
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
    std::deque<Entry> latest_notes_;  // their id, time, day and note
    int notes_total_ = 0;
};

constexpr std::array section_names{"key_figures",    "pain_response",  "depression_response", "charts",
                                   "side_effects",   "pain_tags",      "sleep_activity",      "questionnaires",
                                   "medicines",      "notes",          "body_map",            "infusions",
                                   "calendar"};

bool any_pain_tags(const Report& r) {
    return std::ranges::any_of(r.summary.tags, [](const TagSummary& t) {
        return t.tag.kind == TagKind::better || t.tag.kind == TagKind::worse;
    });
}

bool pain_rated(const Report& r) {
    if (std::ranges::any_of(r.summary.metrics, [](const MetricSummary& m) { return m.metric == Metric::pain && m.n > 0; }))
        return true;
    return std::ranges::any_of(r.infusions, [](const InfusionResponse& inf) { return inf.baseline.pain_days > 0; });
}

// The first day the table of all infusions and the calendar need: the
// year at a glance, and 20 days before the first infusion (its response
// curve's day -14 is the mean of days -20 .. -14) or its baseline.
Day diary_overview_from(const Report& r, const std::vector<Event>& infusions) {
    Day from = year_at_a_glance_from(r.today);
    for (const auto& e : infusions)
        from = std::min(from, e.day - date::days{std::max(r.baseline_days, rolling_days - 1 - curve_first_day)});
    return from;
}

}  // namespace

std::string next_infusion_text(const Report& r) {
    if (!r.next_infusion) return "";
    const auto& e = *r.next_infusion;
    auto check = !r.next_check_complete   ? "not answered yet (painlog prepare)"
                 : *r.next_check_complete ? "complete"
                                          : "not complete (painlog prepare)";
    return fmt::format("Next infusion: {}{}; pre-infusion check {}.", format_local_minutes(e.at, stored_zone(e.zone)),
                       e.label.empty() ? "" : " (" + one_line(e.label) + ")", check);
}

std::string_view name_of(ReportSection section) { return section_names[static_cast<std::size_t>(section)]; }

std::string_view report_title(const Report& r) {
    switch (r.pathway.pathway) {
        case Pathway::depression: return "Mood diary report";
        case Pathway::both: return "Pain and mood diary report";
        default: return "Pain diary report";
    }
}

std::vector<ReportSection> report_sections(const Report& r) {
    using enum ReportSection;
    std::vector<ReportSection> order;
    bool any_infusion = !r.infusions.empty();
    bool any_questionnaire = !r.questionnaires.empty();
    bool any_medicine = !r.summary.medicines.medicines.empty() || !r.regimen.empty();
    bool any_in_diary = !r.all_infusions.empty();
    if (r.pathway.pathway == Pathway::depression) {
        order = {depression_response, key_figures, charts};
        if (any_questionnaire) order.push_back(questionnaires);
        if (any_infusion) order.push_back(side_effects);
        if (any_medicine) order.push_back(medicines);
        order.push_back(sleep_activity);
        if (pain_rated(r)) {
            order.push_back(pain_response);
            if (any_in_diary) order.push_back(infusions);
            order.push_back(calendar);
        }
        if (any_pain_tags(r)) order.push_back(pain_tags);
    } else {
        order = {key_figures, pain_response};
        if (r.pathway.pathway == Pathway::both) order.push_back(depression_response);
        if (any_in_diary) order.push_back(infusions);
        order.insert(order.end(), {charts, calendar});
        if (any_infusion) order.push_back(side_effects);
        if (any_medicine) order.push_back(medicines);
        order.insert(order.end(), {pain_tags, sleep_activity});
        if (any_questionnaire) order.push_back(questionnaires);
    }
    order.push_back(notes);
    if (report_detail::has_body_map(r)) {
        auto after = std::ranges::find(order, pain_response);
        order.insert(after == order.end() ? order.end() - 1 : after + 1, body_map);
    }
    return order;
}

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
    auto given = given_infusions(all_events, time.now);
    std::optional<Event> anchor;
    if (request.event_id) {
        anchor = get_event(diary, *request.event_id);
        if (anchor->kind != EventKind::infusion)
            throw InputError(fmt::format("--event {}: expected an infusion; event {} is of kind {}", *request.event_id,
                                         *request.event_id, name_of(anchor->kind)));
        if (state_of(*anchor, time.now) != EventState::given)
            throw InputError(fmt::format("--event {}: infusion {} is {}; expected one that was given", *request.event_id,
                                         *request.event_id, name_of(state_of(*anchor, time.now))));
        if (anchor->day > to)
            throw InputError(fmt::format("--event {}: the infusion on {} is after the report's last day {}",
                                         *request.event_id, format_day(anchor->day), format_day(to)));
    } else {
        for (const auto& e : given)
            if (e.day <= to) anchor = e;
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
        if (e.kind == EventKind::infusion && e.day <= to && state_of(e, time.now) == EventState::given)
            infusions.push_back(e);
    }
    auto shown = [&](const Event& e) {
        return request.event_id ? e.id == *request.event_id : (e.day >= from && e.day <= to);
    };

    // One query of entries covers the period, the previous period (change
    // column), the six days before the period (first 7-day means) and the
    // side effects of every shown infusion; the infusions' baselines and
    // courses come from diary_overview_from on (below).
    Day first = std::min(r.period.previous().from, from - date::days{rolling_window_days - 1});
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
    auto doses = doses_in(diary, first, to);
    add_medicine_use(r.summary, period_days, doses);
    std::vector<Dose> period_doses;
    std::ranges::copy_if(doses, std::back_inserter(period_doses), [&](const Dose& d) { return r.period.contains(d.day); });
    r.daily_doses = daily_doses(period_doses);
    r.regimen = regimen(doses_in(diary, to - date::days{regimen_days - 1}, to), to);
    if (to == now_day) r.summary.streak_days = current_logging_streak(diary, now_day);
    r.trend = analyze_trend(days, r.period, std::vector<Metric>(all_metrics.begin(), all_metrics.end()), Grouping::week,
                            request.trend_tests);
    add_infusions(r.trend, infusions);

    // Every infusion up to the last day, analysed once, for the table of all
    // infusions; those shown get their questionnaires too. The days read
    // above serve when they reach back far enough, else the day index does.
    Day overview_from = diary_overview_from(r, infusions);
    std::vector<DailyValues> earlier_days;
    if (overview_from < first) earlier_days = read_daily_values(diary, overview_from, to);
    const auto& overview_days = overview_from < first ? earlier_days : days;
    r.all_infusions = analyse_responses(overview_days, reading.side_effect_entries(), infusions, r.baseline_days, to);
    for (const auto& response : r.all_infusions)
        if (shown(response.infusion)) r.infusions.push_back(response);
    r.across = across_infusions(r.all_infusions);
    r.calendar = pain_calendar(overview_days, infusions, year_at_a_glance_from(to), to);
    r.pathway = diary_pathway(diary);
    auto results = questionnaire_results(diary);
    add_questionnaire_courses(r.infusions, results);
    add_pgic(r.infusions, results);
    add_medicine_responses(r.infusions, doses, days);
    add_body_responses(r.infusions, days);

    r.questionnaires = questionnaire_results(diary, std::nullopt, from, to);
    if (!r.questionnaires.empty()) r.questionnaire_history = questionnaire_results(diary);
    for (const auto& q : r.questionnaires)
        if (needs_safety_message(q)) r.safety_message = true;

    r.next_infusion = next_planned(all_events, EventKind::infusion, time.now);
    if (r.next_infusion)
        if (auto check = find_infusion_check(diary, r.next_infusion->id))
            r.next_check_complete = open_items(*check).empty();
    r.notes = reading.notes();
    r.notes_total = reading.notes_total();
    return r;
}

}  // namespace painlog
