// SPDX-License-Identifier: GPL-3.0-or-later
// painlog trend: which way each metric is going, with sparklines and the
// Mann–Kendall test, as text or JSON.

#include <algorithm>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "period_options.hpp"
#include "painlog/query/diary_views.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/model/questionnaire.hpp"
#include "painlog/analysis/trend.hpp"

namespace painlog::cli {
namespace {

constexpr int trend_default_days = 56;

struct TrendOptions {
    PeriodOptions period;
    std::string by = "week", format;
    std::vector<std::string> metrics;
};

std::vector<Metric> metrics_for(const std::vector<std::string>& names) {
    if (names.empty()) return {all_metrics.begin(), all_metrics.end()};
    std::vector<Metric> metrics;
    for (const auto& name : names) {
        auto metric = metric_named(name);
        if (!metric)
            throw InputError(fmt::format(
                "--metric {}: expected one of pain, mood, energy, sleep_hours, sleep_quality, activity", name));
        if (std::find(metrics.begin(), metrics.end(), *metric) == metrics.end()) metrics.push_back(*metric);
    }
    return metrics;
}

void run_trend(const TrendOptions& opts, Context& ctx) {
    auto metrics = metrics_for(opts.metrics);
    auto by = grouping_named(opts.by);
    if (!by) throw InputError(fmt::format("--by {}: expected one of day, week, month", opts.by));
    const auto& time = ctx.time();
    auto period = resolve_period_options(opts.period, time, trend_default_days);
    auto& diary = ctx.diary(Access::read);
    auto trend = trend_diary(diary, period, metrics, *by, time.now);
    auto history = questionnaire_results(diary);
    auto in_period = questionnaire_results(diary, std::nullopt, period.from, period.to);
    if (opts.format == "json") {
        auto json = trend_json(trend);
        json["questionnaires"] = questionnaires_json(in_period, history);
        print_json(ctx.out, json);
    } else {
        ctx.out << trend_text(trend, ctx.color()) << questionnaires_section(in_period, history, ctx.color());
    }
}

}  // namespace

void setup_trend(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "trend", "Sparklines, weekly or monthly means and the direction of change (default: the last 8 weeks)");
    auto opts = std::make_shared<TrendOptions>();
    add_period_options(*cmd, opts->period);
    cmd->add_option("--metric", opts->metrics,
                    "Only this metric (repeatable): pain, mood, energy, sleep_hours, sleep_quality, activity")
        ->type_name("NAME")
        ->allow_extra_args(false);
    cmd->add_option("--by", opts->by, "Means per day, week (Monday to Sunday) or month (default week)")->type_name("UNIT");
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_trend(*opts, ctx); });
}

}  // namespace painlog::cli
