// SPDX-License-Identifier: GPL-3.0-or-later
// painlog add: record an entry from flags, or through a guided check-in.

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "checkin.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "entry_options.hpp"
#include "output.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/util/error.hpp"

namespace painlog::cli {
namespace {

struct AddOptions {
    EntryOptions values;
    std::string format;
};

std::optional<DailyValues> yesterday_values(Diary& diary, const TimeContext& time) {
    auto day = today(time) - date::days{1};
    auto days = daily_values(diary.entries({.from = day, .to = day, .last = std::nullopt}));
    return days.empty() ? std::nullopt : std::optional(days.front());
}

void run_add(const AddOptions& opts, Context& ctx) {
    Entry entry;
    apply_entry_options(opts.values, entry);
    bool guided = !opts.values.any_value();
    if (guided && !ctx.interactive())
        throw InputError("add: no values given; expected at least one of --pain, --mood, --energy, --sleep, "
                         "--sleep-quality, --activity, --note or a tag (the guided check-in needs a terminal)");
    auto& diary = ctx.diary(Access::write);
    const auto& time = ctx.time();
    entry.at = opts.values.at_option->count() > 0 ? parse_when(opts.values.at, time, "--at") : time.now;
    entry.zone = time.zone->name();
    entry.day = diary_day(entry.at, time.zone, time.day_start_hour);
    if (guided) {
        auto yesterday = yesterday_values(diary, time);
        auto answers = guided_checkin(std::cin, ctx.err, yesterday ? &*yesterday : nullptr);
        if (!answers) throw RuntimeError("check-in cancelled; nothing was written");
        if (!answers->has_values()) {
            ctx.err << "Nothing entered; nothing was written.\n";
            return;
        }
        entry.ratings = answers->ratings;
        entry.sleep_hours = answers->sleep_hours;
        entry.note = answers->note;
        entry.tags = answers->tags;
    }
    diary.add(entry);
    if (opts.format == "json") {
        print_json(ctx.out, entry_json(entry));
        return;
    }
    ctx.out << fmt::format("Added entry {} for {}: {}.\n", entry.id, format_day(entry.day), entry_brief(entry));
}

}  // namespace

void setup_add(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("add", "Record an entry (with no values on a terminal: a guided check-in)");
    auto opts = std::make_shared<AddOptions>();
    add_entry_options(*cmd, opts->values);
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_add(*opts, ctx); });
}

}  // namespace painlog::cli
