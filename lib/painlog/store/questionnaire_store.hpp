// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Questionnaire results in the diary's `questionnaire` table (schema v3).

#include <optional>
#include <vector>

#include "painlog/model/questionnaire.hpp"

namespace painlog {

class Diary;

// add_result checks the answers (InputError), sets the score from
// them and the id, in one transaction.
void add_result(Diary& diary, QuestionnaireResult& result);
// In time order (ties by id); optionally one instrument and diary days
// from..to inclusive.
[[nodiscard]] std::vector<QuestionnaireResult> questionnaire_results(Diary& diary,
                                                                     std::optional<Instrument> instrument = std::nullopt,
                                                                     std::optional<Day> from = std::nullopt,
                                                                     std::optional<Day> to = std::nullopt);

}  // namespace painlog
