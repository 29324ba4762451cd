// SPDX-License-Identifier: GPL-3.0-or-later
// painlog calendar: a year of pain at a glance, a coloured square a day, or
// characters for each level without colour. The calendar itself is
// lib/painlog/analysis/calendar.*; this file gathers its days.

#include <cstdlib>
#include <memory>
#include <string_view>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "period_options.hpp"
#include "painlog/analysis/calendar.hpp"
#include "painlog/store/day_index.hpp"
#include "painlog/store/event_store.hpp"

namespace painlog::cli {
namespace {

struct CalendarOptions {
    PeriodOptions period;
    std::string format;
};

// Colour as the terminal takes it: 24-bit where COLORTERM says so (the
// convention of terminals that have it), else the 256-colour palette,
// which every colour terminal of the last decades has.
ColorDepth color_depth(Color color) {
    if (color == Color::no) return ColorDepth::none;
    const char* colorterm = std::getenv("COLORTERM");
    std::string_view value = colorterm ? colorterm : "";
    return value == "truecolor" || value == "24bit" ? ColorDepth::truecolor : ColorDepth::palette256;
}

void run_calendar(const CalendarOptions& opts, Context& ctx) {
    const auto& time = ctx.time();
    // The default is a year at a glance: 53 weeks up to the last day.
    auto period = resolve_period_options(opts.period, time, 1);
    if (opts.period.since_option->count() == 0) period.from = year_at_a_glance_from(period.to);
    auto& diary = ctx.diary(Access::read);
    auto calendar = pain_calendar(read_daily_values(diary, period.from, period.to), events(diary, EventKind::infusion),
                                  period.from, period.to);
    if (opts.format == "json") print_json(ctx.out, calendar_json(calendar));
    else ctx.out << calendar_text(calendar, color_depth(ctx.color()));
}

}  // namespace

void setup_calendar(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("calendar", "Pain by day over a year (default: the 53 weeks to today), infusions marked");
    auto opts = std::make_shared<CalendarOptions>();
    add_period_options(*cmd, opts->period);
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_calendar(*opts, ctx); });
}

}  // namespace painlog::cli
