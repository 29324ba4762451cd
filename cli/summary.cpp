// SPDX-License-Identifier: GPL-3.0-or-later
// painlog summary: how the last weeks went, as text or JSON.

#include <memory>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "period_options.hpp"
#include "painlog/model/questionnaire.hpp"
#include "painlog/analysis/summary.hpp"
#include "painlog/query/diary_views.hpp"
#include "painlog/store/questionnaire_store.hpp"

namespace painlog::cli {
namespace {

constexpr int summary_default_days = 28;

struct SummaryOptions {
    PeriodOptions period;
    std::string format;
};

void run_summary(const SummaryOptions& opts, Context& ctx) {
    const auto& time = ctx.time();
    auto period = resolve_period_options(opts.period, time, summary_default_days);
    auto& diary = ctx.diary(Access::read);
    auto summary = summarize_diary(diary, period, today(time));
    auto history = questionnaire_results(diary);
    auto in_period = questionnaire_results(diary, std::nullopt, period.from, period.to);
    if (opts.format == "json") {
        auto json = summary_json(summary);
        json["questionnaires"] = questionnaires_json(in_period, history);
        print_json(ctx.out, json);
    } else {
        ctx.out << summary_text(summary, ctx.color()) << questionnaires_section(in_period, history, ctx.color());
    }
}

}  // namespace

void setup_summary(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "summary", "Figures for a period (default: the last 28 diary days) against the one before, tags and patterns");
    auto opts = std::make_shared<SummaryOptions>();
    add_period_options(*cmd, opts->period);
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_summary(*opts, ctx); });
}

}  // namespace painlog::cli
