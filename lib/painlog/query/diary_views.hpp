// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the commands ask of a diary: its days read from the store (the day
// index, events), then analysed. The analysis takes plain values and never
// sees the diary; this is where the two meet.

#include <vector>

#include "painlog/analysis/response.hpp"
#include "painlog/analysis/status.hpp"
#include "painlog/analysis/summary.hpp"
#include "painlog/analysis/trend.hpp"
#include "painlog/model/infusion_check.hpp"

namespace painlog {

class Diary;

// Reads only the days needed (the period and the one before it, and the
// most recent run of logged days for the streak) and summarizes them.
[[nodiscard]] Summary summarize_diary(Diary& diary, Period period, Day today);

// Reads the period and the six days before it, and the infusions given by
// `now` in it.
[[nodiscard]] TrendSeries trend_diary(Diary& diary, Period period, const std::vector<Metric>& metrics, Grouping by,
                                      Instant now);

// The response to each of `infusions` (analyse_responses; sorted, given ones)
// up to `today`, from the day index and, for side effects, only the entries
// timed within 48 hours after each infusion: a ten-year diary's thousands of
// entries are not read. Medicines and body regions are added; questionnaires
// are the caller's.
[[nodiscard]] std::vector<InfusionResponse> responses_of_diary(Diary& diary, const std::vector<Event>& infusions,
                                                               int baseline_days, Day today);

// The clinic's rules from the diary's settings.
[[nodiscard]] CareRules diary_care_rules(Diary& diary);

// Today, the streak, the last entry, today's doses, the last infusion given,
// the next infusion and appointment booked, and the pathway's notices.
[[nodiscard]] Status diary_status(Diary& diary, const TimeContext& time);

}  // namespace painlog
