// SPDX-License-Identifier: GPL-3.0-or-later
// painlog edit: change, clear or re-date an entry's values.

#include <algorithm>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "entry_options.hpp"
#include "output.hpp"
#include "painlog/model/body.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/util/error.hpp"

namespace painlog::cli {
namespace {

const std::vector<std::string> clearable{"pain", "mood",  "energy", "sleep", "sleep-quality", "activity",
                                         "note", "tags", "where",  "feels"};

struct EditOptions {
    std::string id, format;
    EntryOptions values;
    std::vector<std::string> clear, untag, not_where, not_feels;
    [[nodiscard]] bool removes() const {
        return !clear.empty() || !untag.empty() || !not_where.empty() || !not_feels.empty();
    }
};

void clear_field(Entry& entry, const std::string& field) {
    if (field == "sleep") entry.sleep_hours.reset();
    else if (field == "note") entry.note.clear();
    else if (field == "tags") entry.tags.clear();
    else if (field == "where") entry.regions.clear();
    else if (field == "feels") entry.qualities.clear();
    for (auto r : all_ratings) {
        auto name = std::string(name_of(r));
        std::ranges::replace(name, '_', '-');
        if (field == name) entry.rating(r).reset();
    }
}

void remove_tag(Entry& entry, const std::string& text) {
    auto name = normalize_tag(text, "--untag");
    auto removed = std::erase_if(entry.tags, [&](const Tag& tag) { return tag.name == name; });
    if (removed == 0) throw InputError(fmt::format("--untag {}: entry {} has no tag {}", text, entry.id, name));
}

// Removes the names `text` stands for (any spelling --where takes); each
// must be on the entry, so that a typo does not pass for a removal.
void remove_names(std::vector<std::string>& names, const std::string& text, std::string_view option,
                  std::int64_t id, std::vector<std::string> (*parse)(std::string_view, std::string_view)) {
    for (const auto& name : parse(text, option)) {
        if (std::erase(names, name) == 0)
            throw InputError(fmt::format("{} {}: entry {} has no {}{}", option, text, id, name,
                                         names.empty() ? "" : fmt::format(" (it has {})", joined_names(names, ", "))));
    }
}

void run_edit(const EditOptions& opts, Context& ctx) {
    auto id = parse_id(opts.id, "entry");
    if (!opts.values.any_value() && !opts.removes() && opts.values.at_option->count() == 0)
        throw InputError("edit: nothing to change; expected a value flag, --at, --clear FIELD, --untag TAG, "
                         "--not-where REGION or --not-feels QUALITY");
    auto& diary = ctx.diary(Access::write);
    auto entry = diary.get(id);
    for (const auto& field : opts.clear) clear_field(entry, field);
    for (const auto& tag : opts.untag) remove_tag(entry, tag);
    for (const auto& text : opts.not_where) remove_names(entry.regions, text, "--not-where", id, parse_regions);
    for (const auto& text : opts.not_feels) remove_names(entry.qualities, text, "--not-feels", id, parse_qualities);
    apply_entry_options(opts.values, entry);
    if (opts.values.at_option->count() > 0) {
        const auto& time = ctx.time();
        entry.at = parse_when(opts.values.at, time, "--at");
        entry.zone = time.zone->name();
        entry.day = diary_day(entry.at, time.zone, time.day_start_hour);
    }
    if (!entry.has_values())
        throw InputError(fmt::format("edit {}: that would leave the entry with no values; expected at least one to "
                                     "remain, or painlog rm {} to delete the entry",
                                     id, id));
    diary.update(entry);
    if (opts.format == "json") print_json(ctx.out, entry_json(entry));
    else ctx.out << fmt::format("Updated entry {} for {}: {}.\n", entry.id, format_day(entry.day), entry_brief(entry));
}

}  // namespace

void setup_edit(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("edit", "Change an entry: new values replace old ones, tags are added");
    auto opts = std::make_shared<EditOptions>();
    cmd->add_option("ID", opts->id, "Entry id (from painlog list)")->required();
    add_entry_options(*cmd, opts->values);
    cmd->add_option("--clear", opts->clear,
                    "Remove a value: pain, mood, energy, sleep, sleep-quality, activity, note, tags, where, feels")
        ->check(CLI::IsMember(clearable))
        ->type_name("FIELD");
    cmd->add_option("--untag", opts->untag, "Remove a tag, whatever its kind (repeatable)")->type_name("TAG");
    cmd->add_option("--not-where", opts->not_where, "Remove a body region (repeatable), e.g. left-foot")
        ->type_name("REGION");
    cmd->add_option("--not-feels", opts->not_feels, "Remove a pain quality (repeatable), e.g. burning")
        ->type_name("QUALITY");
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_edit(*opts, ctx); });
}

}  // namespace painlog::cli
