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

namespace painlog {

class Diary;

// Reads only the days needed (the period and the one before it, and the
// most recent run of logged days for the streak) and summarizes them.
[[nodiscard]] Summary summarize_diary(Diary& diary, Period period, Day today);

// Reads the period and the six days before it, and the infusions in it.
[[nodiscard]] TrendSeries trend_diary(Diary& diary, Period period, const std::vector<Metric>& metrics, Grouping by);

// Every infusion's response (analyse_responses) up to `today`, from the day
// index and, for side effects, only the entries timed within 48 hours after
// each infusion: a ten-year diary's thousands of entries are not read.
[[nodiscard]] std::vector<InfusionResponse> responses_of_diary(Diary& diary, int baseline_days, Day today);

// Today, the streak, the last entry, the last infusion and the next appointment.
[[nodiscard]] Status diary_status(Diary& diary, const TimeContext& time);

}  // namespace painlog
