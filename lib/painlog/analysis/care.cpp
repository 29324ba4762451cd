// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/care.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace painlog {
namespace {

constexpr std::array notice_names{"before_infusion", "aftercare", "followup"};

// "04:00", or "Sat 2026-03-28 23:00" when the day differs from the infusion's.
std::string clock_time(Instant at, const Event& infusion, const Zone* zone) {
    auto text = format_local_minutes(at, zone);
    auto infusion_date = format_local_minutes(infusion.at, zone).substr(0, 10);
    return text.substr(0, 10) == infusion_date ? text.substr(11) : text;
}

std::optional<CareNotice> before_infusion(const CareInputs& in) {
    if (!in.next_infusion) return std::nullopt;
    const auto& inf = *in.next_infusion;
    if (in.time.now < reminders_from(inf, in.time) || in.time.now >= inf.at) return std::nullopt;
    const auto* zone = in.time.zone;
    CareNotice n{CareNoticeKind::before_infusion, "", {}};
    // Calendar days, not diary days: at 01:00 a 10:00 infusion is today
    // whatever the day-start hour.
    bool on_the_day = diary_day(inf.at, zone, 0) == diary_day(in.time.now, zone, 0);
    auto when = fmt::format("{} at {}", on_the_day ? "today" : "tomorrow", format_local_minutes(inf.at, zone).substr(11));
    std::vector<std::string> parts;
    const auto& check = in.next_check;
    if (check && check->sedation == true) {
        auto fasting = fasting_text(fasting_times(inf.at, in.rules), inf, zone);
        parts.push_back(fasting);
        n.details.push_back(fmt::format("Sedation is planned: {} (as your clinic's instructions say).", fasting));
    }
    if (!check || check->escort != true) {
        parts.emplace_back("arrange someone to take you home");
        n.details.emplace_back(clinic_text::take_home);
    }
    if (!check || !open_items(*check).empty())
        n.details.emplace_back("Your pre-infusion check is not complete: painlog prepare");
    n.line = fmt::format("Infusion {}{}{}.", when, parts.empty() ? "" : ": ", fmt::join(parts, "; "));
    return n;
}

std::optional<CareNotice> aftercare(const CareInputs& in) {
    if (!in.last_infusion) return std::nullopt;
    auto end = in.last_infusion->at + std::chrono::hours{in.rules.aftercare_hours};
    if (in.time.now < in.last_infusion->at || in.time.now >= end) return std::nullopt;
    auto precautions = fmt::format(fmt::runtime(clinic_text::aftercare), in.rules.aftercare_hours);
    return CareNotice{CareNoticeKind::aftercare,
                      fmt::format("After your infusion, until {}: no driving, machinery, alcohol or important "
                                  "decisions; please record today's diary entry.",
                                  format_local_minutes(end, in.time.zone)),
                      {precautions, std::string(clinic_text::keep_diary) + " Record today's entry: painlog add"}};
}

std::optional<CareNotice> followup(const CareInputs& in) {
    if (!in.next_appointment) return std::nullopt;
    auto days = days_between(today(in.time), diary_day(in.next_appointment->at, in.time.zone, in.time.day_start_hour));
    if (days < 0 || days > in.rules.followup_reminder_days) return std::nullopt;
    auto command = std::string("painlog report --format html -o painlog-report.html");
    return CareNotice{CareNoticeKind::followup,
                      fmt::format("Follow-up {}: make your report with: {}",
                                  days == 0   ? "today"
                                  : days == 1 ? "tomorrow"
                                              : fmt::format("in {} days", days),
                                  command),
                      {fmt::format("Your follow-up is on {}. Make the report to bring or send: {}",
                                   format_local_minutes(in.next_appointment->at, in.time.zone), command)}};
}

}  // namespace

std::string_view name_of(CareNoticeKind kind) { return notice_names[static_cast<std::size_t>(kind)]; }

Instant reminders_from(const Event& infusion, const TimeContext& time) {
    auto day_before = diary_day(infusion.at, time.zone, 0) - date::days{1};
    auto local = date::local_days{day_before.time_since_epoch()} + std::chrono::hours{evening_before_hour};
    return time.zone->to_sys(local, date::choose::earliest);
}

bool side_effects_first(const std::optional<Event>& last_infusion, Instant now) {
    return last_infusion && now >= last_infusion->at && now < last_infusion->at + side_effects_first_for;
}

std::string fasting_text(const FastingTimes& fasting, const Event& infusion, const Zone* zone) {
    return fmt::format("no food after {}; clear fluids only until {}", clock_time(fasting.no_food_after, infusion, zone),
                       clock_time(fasting.clear_fluids_until, infusion, zone));
}

std::vector<CareNotice> care_notices(const CareInputs& in) {
    std::vector<CareNotice> notices;
    for (auto notice : {before_infusion(in), aftercare(in), followup(in)})
        if (notice) notices.push_back(std::move(*notice));
    return notices;
}

nlohmann::ordered_json care_notices_json(const std::vector<CareNotice>& notices) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& n : notices) list.push_back({{"kind", name_of(n.kind)}, {"line", n.line}, {"details", n.details}});
    return list;
}

}  // namespace painlog
