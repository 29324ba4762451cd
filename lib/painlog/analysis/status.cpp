// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/status.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "painlog/model/entry_format.hpp"
#include "painlog/util/table.hpp"

namespace painlog {
namespace {

std::string status_plural(int n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string ago(int days) {
    if (days == 0) return "today";
    if (days == 1) return "yesterday";
    return fmt::format("{} days ago", days);
}

std::string ahead(int days) {
    if (days == 0) return "today";
    if (days == 1) return "tomorrow";
    return fmt::format("in {} days", days);
}

std::string event_line(const Event& event, const TimeContext& time, const std::string& when) {
    auto local = format_local_minutes(event.at, stored_zone(event.zone, time.zone));
    std::string line = fmt::format("{} ({}, event {})", local, when, event.id);
    if (!event.label.empty()) line += ": " + one_line(event.label);
    return line;
}

struct Phq9Point {
    std::string_view name;
    int first, last;
};
constexpr std::array phq9_points{Phq9Point{"about day 7", 5, 9}, Phq9Point{"about day 14", 12, 16},
                                 Phq9Point{"about day 28", 26, 31}};

}  // namespace

std::optional<Phq9Due> phq9_due(const Event& infusion, Day today, const std::vector<QuestionnaireResult>& results) {
    int day = days_between(infusion.day, today);
    for (const auto& point : phq9_points) {
        if (day < point.first || day > point.last) continue;
        bool answered = std::ranges::any_of(results, [&](const QuestionnaireResult& q) {
            int after = days_between(infusion.day, q.day);
            return q.instrument == Instrument::phq9 && q.at > infusion.at && after >= point.first && after <= point.last;
        });
        if (!answered) return Phq9Due{std::string(point.name), day, infusion.id};
    }
    return std::nullopt;
}

std::optional<int> Status::days_since_last_entry() const {
    return last_entry ? std::optional(days_between(last_entry->day, today)) : std::nullopt;
}
std::optional<int> Status::days_since_infusion() const {
    return last_infusion ? std::optional(days_between(last_infusion->day, today)) : std::nullopt;
}
std::optional<int> Status::days_until_appointment() const {
    return next_appointment ? std::optional(days_between(today, next_appointment->day)) : std::nullopt;
}

std::optional<int> Status::days_until_infusion() const {
    return next_infusion ? std::optional(days_between(today, next_infusion->day)) : std::nullopt;
}

std::string status_text(const Status& status, const TimeContext& time, Color color) {
    std::string out;
    auto row = [&](std::string_view label, const std::string& value, Style style = Style::plain) {
        out += styled(pad_right(label, 18), Style::bold, color) + styled(value, style, color) + "\n";
    };
    auto today_label = fmt::format("{} ({})", format_day(status.today), date::format("%A", status.today));
    if (status.today_logged())
        row("Today:", fmt::format("{}: logged, {}", today_label, status_plural(status.entries_today, "entry", "entries")),
            Style::good);
    else
        row("Today:", fmt::format("{}: not logged yet", today_label), Style::warn);
    row("Streak:", status.streak_days > 0 ? status_plural(status.streak_days, "day", "days") : "none");
    if (status.last_entry) {
        const auto& entry = *status.last_entry;
        auto local = format_local_minutes(entry.at, stored_zone(entry.zone, time.zone));
        auto brief = entry_brief(entry);
        row("Last entry:", fmt::format("{} ({}, entry {}){}{}", local, ago(*status.days_since_last_entry()), entry.id,
                                       brief.empty() ? "" : ": ", one_line(brief)));
    } else {
        row("Last entry:", "none yet; record one with painlog add", Style::dim);
    }
    if (!status.doses_today.empty()) {
        std::string doses;
        for (const auto& d : status.doses_today) doses += (doses.empty() ? "" : "; ") + one_line(dose_brief(d));
        row("Doses today:", doses);
    }
    if (status.last_infusion)
        row("Last infusion:", event_line(*status.last_infusion, time, ago(*status.days_since_infusion())));
    else
        row("Last infusion:", "none recorded", Style::dim);
    if (status.next_infusion) {
        auto check = !status.next_check_complete      ? std::string("check not answered yet: painlog prepare")
                     : *status.next_check_complete ? std::string("check complete")
                                                   : std::string("check not complete: painlog prepare");
        row("Next infusion:", event_line(*status.next_infusion, time, ahead(*status.days_until_infusion())) + "; " +
                                  check,
            status.next_check_complete == true ? Style::plain : Style::warn);
    }
    if (status.next_appointment)
        row("Next appointment:", event_line(*status.next_appointment, time, ahead(*status.days_until_appointment())));
    else
        row("Next appointment:", "none recorded", Style::dim);
    if (status.pathway.serves_depression()) {
        std::string last = status.last_phq9 ? fmt::format("last {}: {:g}, {}", format_day(status.last_phq9->day),
                                                          status.last_phq9->score,
                                                          band_of(Instrument::phq9, status.last_phq9->score))
                                            : std::string("none answered yet");
        if (status.phq9_due)
            row("PHQ-9:",
                fmt::format("due today ({} after the infusion): painlog check phq9; {}", status.phq9_due->point, last),
                Style::warn);
        else
            row("PHQ-9:", last);
    }
    for (const auto& notice : status.care) {
        out += "\n" + styled(notice.line, Style::warn, color) + "\n";
        for (const auto& d : notice.details) out += "  " + d + "\n";
    }
    return out;
}

nlohmann::ordered_json status_json(const Status& status) {
    auto optional_int = [](std::optional<int> n) { return n ? nlohmann::ordered_json(*n) : nullptr; };
    nlohmann::ordered_json json;
    json["today"] = format_day(status.today);
    json["today_logged"] = status.today_logged();
    json["entries_today"] = status.entries_today;
    json["streak_days"] = status.streak_days;
    json["last_entry"] = status.last_entry ? entry_json(*status.last_entry) : nullptr;
    json["days_since_last_entry"] = optional_int(status.days_since_last_entry());
    json["last_infusion"] = status.last_infusion ? event_json(*status.last_infusion) : nullptr;
    json["days_since_infusion"] = optional_int(status.days_since_infusion());
    json["next_appointment"] = status.next_appointment ? event_json(*status.next_appointment) : nullptr;
    json["days_until_appointment"] = optional_int(status.days_until_appointment());
    json["pathway"] = {{"pathway", name_of(status.pathway.pathway)},
                       {"inferred", status.pathway.inferred},
                       {"reason", status.pathway.reason}};
    const auto& due = status.phq9_due;
    json["phq9_due"] = due ? nlohmann::ordered_json{{"point", due->point},
                                                    {"days_after", due->days_after},
                                                    {"infusion_id", due->infusion_id}}
                           : nlohmann::ordered_json(nullptr);
    const auto& last = status.last_phq9;
    json["last_phq9"] = last ? nlohmann::ordered_json{{"id", last->id},
                                                      {"day", format_day(last->day)},
                                                      {"score", last->score},
                                                      {"band", band_of(Instrument::phq9, last->score)}}
                             : nlohmann::ordered_json(nullptr);
    json["doses_today"] = nlohmann::ordered_json::array();
    for (const auto& d : status.doses_today) json["doses_today"].push_back(dose_json(d));
    json["next_infusion"] = status.next_infusion ? event_json(*status.next_infusion) : nullptr;
    json["days_until_infusion"] = optional_int(status.days_until_infusion());
    json["next_check_complete"] =
        status.next_check_complete ? nlohmann::ordered_json(*status.next_check_complete) : nlohmann::ordered_json();
    json["care"] = care_notices_json(status.care);
    return json;
}

std::string reminder_text(Day today, int streak_days) {
    auto line = fmt::format("No painlog entry yet for today, {} {}: record one with `painlog add`", 
                            date::format("%A", today), format_day(today));
    if (streak_days > 0)
        line += fmt::format(" to keep your {}-day streak", streak_days);
    return line + ".\n";
}

std::string phq9_reminder_text(const Phq9Due& due) {
    return fmt::format("A PHQ-9 is due today, day {} after your infusion ({}): answer it with `painlog check phq9`.\n",
                       due.days_after, due.point);
}

}  // namespace painlog
