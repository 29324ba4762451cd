// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/infusion_check.hpp"

#include <fmt/format.h>

#include "painlog/model/entry.hpp"
#include "painlog/time/zone.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/parse.hpp"

namespace painlog {
namespace {

nlohmann::ordered_json or_null(const std::optional<bool>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
}

nlohmann::ordered_json or_null(const std::optional<std::string>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
}

}  // namespace

FastingTimes fasting_times(Instant infusion, const CareRules& rules) {
    return {infusion - std::chrono::hours{rules.fasting_food_hours},
            infusion - std::chrono::hours{rules.fasting_fluids_hours}};
}

bool parse_yes_no(std::string_view text, std::string_view option) {
    auto answer = ascii_lower(trim(text));
    if (answer == "yes" || answer == "y") return true;
    if (answer == "no" || answer == "n") return false;
    throw InputError(fmt::format("{} {}: expected yes or no", option, text));
}

std::string parse_check_text(std::string_view text, std::string_view option) {
    auto answer = std::string(trim(text));
    if (answer.empty())
        throw InputError(fmt::format("{}: expected what it is, or none", option));
    auto lower = ascii_lower(answer);
    if (lower == "none" || lower == "no") return "";
    return validate_text(answer, option, 500, TextLines::one);
}

std::vector<std::string> open_items(const InfusionCheck& c) {
    std::vector<std::string> open;
    auto unanswered = [&](bool missing, std::string_view question) {
        if (missing) open.push_back(fmt::format("answer: {}", question));
    };
    unanswered(!c.pregnant, "are you, or could you be, pregnant?");
    unanswered(!c.breastfeeding, "are you breastfeeding?");
    unanswered(!c.new_symptoms, "any new symptoms since the infusion was booked?");
    unanswered(!c.heart_problem, "any new heart problem?");
    unanswered(!c.new_medicines, "any new medicines since the infusion was booked?");
    unanswered(!c.medicines.empty() && !c.medicines_confirmed, "are the medicines listed the ones you take?");
    unanswered(!c.sedation, "is sedation planned for the infusion?");
    if (!c.escort) open.emplace_back("answer: will someone take you home?");
    else if (!*c.escort) open.emplace_back("no one to take you home yet: arrange someone before the day");
    return open;
}

std::vector<std::string> health_changes(const InfusionCheck& c) {
    std::vector<std::string> tell;
    if (c.pregnant == true) tell.emplace_back("you are, or could be, pregnant");
    if (c.breastfeeding == true) tell.emplace_back("you are breastfeeding");
    if (c.new_symptoms && !c.new_symptoms->empty()) tell.push_back("new symptoms: " + *c.new_symptoms);
    if (c.heart_problem == true) tell.emplace_back("a new heart problem");
    if (c.new_medicines && !c.new_medicines->empty()) tell.push_back("new medicines: " + *c.new_medicines);
    return tell;
}

nlohmann::ordered_json infusion_check_json(const InfusionCheck& c) {
    nlohmann::ordered_json j;
    j["event_id"] = c.event_id;
    j["answered"] = format_local(c.at, stored_zone(c.zone));
    j["pregnant"] = or_null(c.pregnant);
    j["breastfeeding"] = or_null(c.breastfeeding);
    j["new_symptoms"] = or_null(c.new_symptoms);
    j["heart_problem"] = or_null(c.heart_problem);
    j["new_medicines"] = or_null(c.new_medicines);
    j["medicines"] = c.medicines;
    j["medicines_confirmed"] = or_null(c.medicines_confirmed);
    j["sedation"] = or_null(c.sedation);
    j["escort"] = or_null(c.escort);
    return j;
}

}  // namespace painlog
