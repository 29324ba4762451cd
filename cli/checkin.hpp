// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The guided check-in: one question per field on a terminal.

#include <iosfwd>
#include <optional>

#include "painlog/model/daily.hpp"
#include "painlog/model/entry.hpp"
#include "painlog/model/medicine.hpp"

namespace painlog::cli {

struct CheckinAnswers {
    Entry entry;                  // the values given, time fields untouched
    std::vector<DoseSpec> doses;  // the medicines taken
};

// Asks each question on `prompt`, reading answers from `in`. Enter skips a
// question; a bad answer is explained and asked again. Returns the answers,
// or nullopt when input ends (Ctrl-D). `yesterday` supplies hints; it may be
// null. `usual` are offered as numbered picks for the medicines taken.
// `after_infusion` (the 48 hours after one): side effects are asked first,
// with the clinic's list as numbered picks.
[[nodiscard]] std::optional<CheckinAnswers> guided_checkin(std::istream& in, std::ostream& prompt,
                                                           const DailyValues* yesterday,
                                                           const std::vector<DoseSpec>& usual, bool after_infusion);

}  // namespace painlog::cli
