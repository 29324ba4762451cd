// SPDX-License-Identifier: GPL-3.0-or-later
// painlog status: where the diary stands today.

#include <memory>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/analysis/status.hpp"
#include "painlog/query/diary_views.hpp"

namespace painlog::cli {
namespace {

struct StatusOptions {
    std::string format;
};

void run_status(const StatusOptions& opts, Context& ctx) {
    auto status = diary_status(ctx.diary(Access::read), ctx.time());
    if (opts.format == "json")
        print_json(ctx.out, status_json(status));
    else
        ctx.out << status_text(status, ctx.time(), ctx.color());
}

}  // namespace

void setup_status(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "status", "Today logged or not, streak, last entry, days since the last infusion, next appointment");
    auto opts = std::make_shared<StatusOptions>();
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_status(*opts, ctx); });
}

}  // namespace painlog::cli
