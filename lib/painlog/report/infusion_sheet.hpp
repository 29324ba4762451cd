// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one-page sheet of `painlog prepare`: a booked infusion, the answers
// of its pre-infusion check, the medicines to check with the consultant,
// the fasting times when sedation is planned, the after-care rules and what
// is still open. Text, Markdown, HTML and JSON, from one struct.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/event.hpp"
#include "painlog/model/infusion_check.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

struct InfusionSheet {
    std::string name;       // the `name` setting, may be empty
    std::string generated;  // local time, "2026-11-22 20:00"
    const Zone* zone = nullptr;
    Event infusion;
    EventState state = EventState::planned;
    std::optional<InfusionCheck> check;
    std::vector<FlaggedMedicine> flagged;  // the check's medicines, or the diary's recent ones
    CareRules rules;
};

// Each answer as a line: "Pregnant, or could be: no", "New symptoms: none",
// "… : not answered".
[[nodiscard]] std::vector<std::string> check_answer_lines(const std::optional<InfusionCheck>& check);
// "no food after 04:00; clear fluids only until 08:00" when sedation is
// planned, else none.
[[nodiscard]] std::optional<std::string> sheet_fasting(const InfusionSheet& sheet);
[[nodiscard]] std::vector<std::string> sheet_open_items(const InfusionSheet& sheet);

[[nodiscard]] std::string sheet_text(const InfusionSheet& sheet);
[[nodiscard]] std::string sheet_markdown(const InfusionSheet& sheet);
[[nodiscard]] std::string sheet_html(const InfusionSheet& sheet);
// {"infusion":{event},"state","check":{…}|null,"complete","open":[…],
//  "health_changes":[…],"medicines":[{"medicine","classes"}],
//  "fasting":{"no_food_after","clear_fluids_until"}|null,
//  "rules":{"fasting_food_hours","fasting_fluids_hours","aftercare_hours"},
//  "instructions":[…]}
[[nodiscard]] nlohmann::ordered_json sheet_json(const InfusionSheet& sheet);

}  // namespace painlog
