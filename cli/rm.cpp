// SPDX-License-Identifier: GPL-3.0-or-later
// painlog rm: delete an entry, after asking on a terminal.

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/util/error.hpp"

namespace painlog::cli {
namespace {

struct RmOptions {
    std::string id;
    bool yes = false;
};

bool confirmed(Context& ctx, const Entry& entry) {
    ctx.err << fmt::format("Delete entry {} ({} {}: {})? [y/N] ", entry.id, format_day(entry.day),
                           format_local_minutes(entry.at, ctx.time().zone).substr(11), entry_brief(entry))
            << std::flush;
    std::string answer;
    return std::getline(std::cin, answer) && (answer == "y" || answer == "Y" || answer == "yes");
}

void run_rm(const RmOptions& opts, Context& ctx) {
    auto id = parse_id(opts.id, "entry");
    if (!opts.yes && !ctx.interactive())
        throw InputError(fmt::format("rm {}: not on a terminal, so nothing was deleted; add --yes to confirm", opts.id));
    auto& diary = ctx.diary(Access::write);
    auto entry = diary.get(id);
    if (!opts.yes && !confirmed(ctx, entry)) {
        ctx.err << "Kept entry " << id << ".\n";
        return;
    }
    diary.remove(id);
    ctx.out << fmt::format("Deleted entry {}.\n", id);
}

}  // namespace

void setup_rm(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("rm", "Delete an entry (asks first on a terminal)");
    auto opts = std::make_shared<RmOptions>();
    cmd->add_option("ID", opts->id, "Entry id (from painlog list)")->required();
    cmd->add_flag("-y,--yes", opts->yes, "Delete without asking (needed when not on a terminal)");
    cmd->callback([opts, &ctx] { run_rm(*opts, ctx); });
}

}  // namespace painlog::cli
