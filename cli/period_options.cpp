// SPDX-License-Identifier: GPL-3.0-or-later
#include "period_options.hpp"

#include <CLI/CLI.hpp>

namespace painlog::cli {

void add_period_options(CLI::App& cmd, PeriodOptions& opts) {
    opts.since_option =
        cmd.add_option("--since", opts.since, "First day: 2026-11-01, yesterday, or a span: 14d, 3w, 6m, 1y")
            ->type_name("WHEN");
    opts.until_option =
        cmd.add_option("--until", opts.until, "Last day: 2026-11-22, today, yesterday (default today)")->type_name("WHEN");
}

Period resolve_period_options(const PeriodOptions& opts, const TimeContext& time, int default_days) {
    std::optional<Day> since, until;
    if (opts.since_option->count() > 0) since = parse_since(opts.since, time, "--since");
    if (opts.until_option->count() > 0) until = parse_day(opts.until, time, "--until");
    return resolve_period(since, until, today(time), default_days);
}

}  // namespace painlog::cli
