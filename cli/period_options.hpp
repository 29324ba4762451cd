// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// --since and --until as the period commands (summary, trend) take them.

#include <string>

#include "painlog/analysis/summary.hpp"

namespace CLI { class App; class Option; }

namespace painlog::cli {

struct PeriodOptions {
    std::string since, until;
    CLI::Option* since_option = nullptr;
    CLI::Option* until_option = nullptr;
};

void add_period_options(CLI::App& cmd, PeriodOptions& opts);
// The period the flags name, or the `default_days` ending today.
[[nodiscard]] Period resolve_period_options(const PeriodOptions& opts, const TimeContext& time, int default_days);

}  // namespace painlog::cli
