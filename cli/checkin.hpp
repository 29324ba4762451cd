// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The guided check-in: one question per field on a terminal.

#include <iosfwd>
#include <optional>

#include "painlog/model/daily.hpp"
#include "painlog/model/entry.hpp"
#include "painlog/model/medicine.hpp"
#include "painlog/model/settings.hpp"

namespace painlog::cli {

struct CheckinAnswers {
    Entry entry;                  // the values given, time fields untouched
    std::vector<DoseSpec> doses;  // the medicines taken
};

// What the check-in offers for where it hurts and how it feels: the most
// frequent names as numbered picks, and yesterday's names for "y".
struct BodyPicks {
    std::vector<std::string> regions, qualities;                      // at most max_body_picks each
    std::vector<std::string> yesterday_regions, yesterday_qualities;  // empty: no "y"
};
// One digit a pick, so that a pick is one key.
inline constexpr std::size_t max_body_picks = 9;

// What the check-in is given besides the terminal.
struct CheckinSetup {
    const DailyValues* yesterday = nullptr;  // hints; may be null
    std::vector<DoseSpec> usual;             // numbered picks for the medicines taken
    BodyPicks body;
    CheckinQuestions questions = CheckinQuestions().set();  // the checkin-questions setting
    // The 48 hours after an infusion: side effects are asked first, with the
    // clinic's list as numbered picks.
    bool after_infusion = false;
};

// Asks each question of `setup.questions` on `prompt`, reading answers from
// `in`. Enter skips a question; a bad answer is explained and asked again.
// Returns the answers, or nullopt when input ends (Ctrl-D).
[[nodiscard]] std::optional<CheckinAnswers> guided_checkin(std::istream& in, std::ostream& prompt,
                                                           const CheckinSetup& setup);

}  // namespace painlog::cli
