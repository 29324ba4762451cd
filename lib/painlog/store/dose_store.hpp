// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Doses in the diary's `dose` table (schema v7): each write one transaction,
// or part of the caller's (Diary::write).

#include <cstdint>
#include <optional>
#include <vector>

#include "painlog/model/medicine.hpp"

namespace painlog {

class Diary;

void add_dose(Diary& diary, Dose& dose);  // sets id
void update_dose(Diary& diary, const Dose& dose);
void remove_dose(Diary& diary, std::int64_t id);  // InputError when unknown
// Throws InputError "dose 7: no such dose; see painlog med list".
[[nodiscard]] Dose get_dose(Diary& diary, std::int64_t id);
// The doses on the days from..to (each inclusive, when given), by diary
// day, then time, then id.
[[nodiscard]] std::vector<Dose> doses_in(Diary& diary, std::optional<Day> from, std::optional<Day> to);
// The largest dose id, for the width of med list's ID column.
[[nodiscard]] std::int64_t largest_dose_id(Diary& diary);

}  // namespace painlog
