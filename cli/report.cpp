// SPDX-License-Identifier: GPL-3.0-or-later
// painlog report: the follow-up report as text, Markdown, HTML or JSON.

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"
#include "painlog/report/report.hpp"

namespace painlog::cli {
namespace {

struct ReportOptions {
    std::string since, until, event, format, output;
    CLI::Option* since_option = nullptr;
    CLI::Option* until_option = nullptr;
    CLI::Option* event_option = nullptr;
};

void run_report(const ReportOptions& opts, Context& ctx) {
    ReportRequest request;
    if (opts.event_option->count() > 0) request.event_id = parse_id(opts.event, "--event");
    auto& diary = ctx.diary(Access::read);
    const auto& time = ctx.time();  // with the diary's day-start hour, for "today"
    if (opts.since_option->count() > 0) request.since = parse_since(opts.since, time, "--since");
    if (opts.until_option->count() > 0) request.until = parse_day(opts.until, time, "--until");
    if (opts.format != "json") request.trend_tests = TrendTests::skip;
    auto report = build_report(diary, time, request);

    std::string text;
    if (opts.format == "text") text = report_text(report);
    else if (opts.format == "markdown") text = report_markdown(report);
    else if (opts.format == "html") text = report_html(report);
    else text = report_json(report).dump(2) + "\n";

    if (opts.output.empty() || opts.output == "-") ctx.out << text;
    else write_output_file(opts.output, ctx.diary_path(), [&](std::ostream& out) { out << text; });
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "report", "The follow-up report: figures, response to infusions, charts, tags, sleep, notes");
    auto opts = std::make_shared<ReportOptions>();
    opts->since_option =
        cmd->add_option("--since", opts->since,
                        "First day: 2026-11-01, yesterday, or a span: 14d, 3w, 6m, 1y "
                        "(default: baseline-days before the most recent infusion, else report-days ago)")
            ->type_name("WHEN");
    opts->until_option =
        cmd->add_option("--until", opts->until, "Last day: 2026-11-22, today, yesterday (default today)")
            ->type_name("WHEN");
    opts->event_option =
        cmd->add_option("--event", opts->event, "Report on this infusion (an id from painlog event list)")
            ->type_name("ID");
    add_format_option(*cmd, opts->format, {"text", "markdown", "html", "json"});
    cmd->add_option("-o,--output", opts->output, "Write to FILE, replacing it atomically (default or -: stdout)")
        ->type_name("FILE");
    cmd->callback([opts, &ctx] { run_report(*opts, ctx); });
}

}  // namespace painlog::cli
