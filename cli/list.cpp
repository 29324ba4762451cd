// SPDX-License-Identifier: GPL-3.0-or-later
// painlog list: entries in a period, as a table, CSV or JSON.

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/formats/export.hpp"
#include "painlog/formats/painlog_csv.hpp"
#include "painlog/formats/painlog_json.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/parse.hpp"

namespace painlog::cli {
namespace {

constexpr int list_default_days = 28;

struct ListOptions {
    std::string since, until, format, last;
    bool all = false;
    CLI::Option* since_option = nullptr;
    CLI::Option* until_option = nullptr;
    CLI::Option* last_option = nullptr;
};

EntryQuery query_for(const ListOptions& opts, const TimeContext& time) {
    EntryQuery query;
    if (opts.since_option->count() > 0) query.from = parse_since(opts.since, time, "--since");
    if (opts.until_option->count() > 0) query.to = parse_day(opts.until, time, "--until");
    if (query.from && query.to) require_forward_period(*query.from, *query.to);
    if (opts.last_option->count() > 0) {
        auto n = parse_whole_number(opts.last);
        if (!n || *n < 1)
            throw InputError(fmt::format("--last {}: expected a whole number of entries, 1 or more", opts.last));
        query.last = static_cast<std::size_t>(*n);
    }
    bool filtered = query.from || query.to || query.last || opts.all;
    if (!filtered) query.from = today(time) - date::days{list_default_days - 1};
    return query;
}

void run_list(const ListOptions& opts, Context& ctx) {
    auto& diary = ctx.diary(Access::read);
    auto query = query_for(opts, ctx.time());
    // Written as read: a listing of any length holds one entry at a time.
    if (opts.format == "json") {
        write_entries_json(diary, query, ctx.out);
    } else if (opts.format == "csv") {
        write_entries_csv(diary, query, ctx.out);
    } else if (!write_entries_table(diary, query, ctx.color(), ctx.table_width(), ctx.out)) {
        ctx.out << (query.from ? fmt::format("No entries since {}.\n", format_day(*query.from)) : "No entries.\n");
    }
}

}  // namespace

void setup_list(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("list", "List entries (default: the last 28 diary days)");
    auto opts = std::make_shared<ListOptions>();
    opts->since_option = cmd->add_option("--since", opts->since, "First day: 2026-11-01, yesterday, or a span: 14d, 3w, 6m, 1y")
                             ->type_name("WHEN");
    opts->until_option = cmd->add_option("--until", opts->until, "Last day: 2026-11-22, today, yesterday")->type_name("WHEN");
    opts->last_option = cmd->add_option("--last", opts->last, "Only the N most recent entries")
                            ->type_name("N");
    cmd->add_flag("--all", opts->all, "Every entry in the diary")->excludes(opts->since_option, opts->until_option);
    add_format_option(*cmd, opts->format, {"table", "csv", "json"});
    cmd->callback([opts, &ctx] { run_list(*opts, ctx); });
}

}  // namespace painlog::cli
