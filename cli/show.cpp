// SPDX-License-Identifier: GPL-3.0-or-later
// painlog show: one entry in full.

#include <memory>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/model/entry_format.hpp"

namespace painlog::cli {
namespace {

struct ShowOptions {
    std::string id, format;
};

void run_show(const ShowOptions& opts, Context& ctx) {
    auto id = parse_id(opts.id, "entry");
    auto entry = ctx.diary(Access::read).get(id);
    if (opts.format == "json") print_json(ctx.out, entry_json(entry));
    else ctx.out << entry_details(entry, ctx.color());
}

}  // namespace

void setup_show(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("show", "Show one entry in full");
    auto opts = std::make_shared<ShowOptions>();
    cmd->add_option("ID", opts->id, "Entry id (from painlog list)")->required();
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_show(*opts, ctx); });
}

}  // namespace painlog::cli
