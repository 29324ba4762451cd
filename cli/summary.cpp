// painlog summary: how the last weeks went, as text or JSON.

#include <memory>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/questionnaire.hpp"
#include "painlog/summary.hpp"

namespace painlog::cli {
namespace {

constexpr int default_days = 28;

struct SummaryOptions {
    std::string since, until, format;
    CLI::Option* since_option = nullptr;
    CLI::Option* until_option = nullptr;
};

void run_summary(const SummaryOptions& opts, Context& ctx) {
    const auto& time = ctx.time();
    std::optional<Day> since, until;
    if (opts.since_option->count() > 0) since = parse_since(opts.since, time, "--since");
    if (opts.until_option->count() > 0) until = parse_day(opts.until, time, "--until");
    auto period = resolve_period(since, until, today(time), default_days);
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
    opts->since_option =
        cmd->add_option("--since", opts->since, "First day: 2026-11-01, yesterday, or a span: 14d, 3w, 6m, 1y")
            ->type_name("WHEN");
    opts->until_option =
        cmd->add_option("--until", opts->until, "Last day: 2026-11-22, today, yesterday (default today)")->type_name("WHEN");
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_summary(*opts, ctx); });
}

}  // namespace painlog::cli
