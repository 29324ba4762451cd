// SPDX-License-Identifier: GPL-3.0-or-later
#include "entry_options.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "painlog/model/body.hpp"

namespace painlog::cli {
namespace {

std::string flag_of(Rating r) {
    std::string flag = "--" + std::string(name_of(r));
    std::ranges::replace(flag, '_', '-');
    return flag;
}

void add_tags(std::vector<Tag>& tags, const std::vector<std::string>& names, TagKind kind, std::string_view flag) {
    for (const auto& name : names) add_tag(tags, kind, normalize_tag(name, flag));
}

}  // namespace

bool EntryOptions::any_value() const {
    for (auto* option : rating_options)
        if (option->count() > 0) return true;
    return sleep_option->count() > 0 || note_option->count() > 0 || !tags.empty() || !better.empty() ||
           !worse.empty() || !side_effects.empty() || !where.empty() || !feels.empty();
}

void add_entry_options(CLI::App& cmd, EntryOptions& opts) {
    for (auto r : all_ratings) {
        auto i = static_cast<std::size_t>(r);
        opts.rating_options[i] =
            cmd.add_option(flag_of(r), opts.ratings[i], fmt::format("{}, 0-10", question_of(r)))->type_name("N");
    }
    opts.sleep_option = cmd.add_option("--sleep", opts.sleep, "Hours slept last night, 0-24, e.g. 7.5")->type_name("HOURS");
    opts.note_option = cmd.add_option("--note", opts.note, "Free-text note")->type_name("TEXT");
    cmd.add_option("--tag", opts.tags, "Activity tag (repeatable), e.g. walk")->type_name("TAG");
    cmd.add_option("--better", opts.better, "Something that eased the pain (repeatable)")->type_name("TAG");
    cmd.add_option("--worse", opts.worse, "Something that made the pain worse (repeatable)")->type_name("TAG");
    cmd.add_option("--side-effect", opts.side_effects, "Side effect noticed (repeatable), e.g. nausea")->type_name("TAG");
    cmd.add_option("--where", opts.where, "Where it hurts (repeatable or comma-separated), e.g. left-foot, feet")
        ->type_name("REGION");
    cmd.add_option("--feels", opts.feels, "How the pain feels (repeatable or comma-separated), e.g. burning")
        ->type_name("QUALITY");
    opts.at_option = cmd.add_option("--at", opts.at, "When: 2026-11-22, 2026-11-22T08:30, today, yesterday (default now)")
                         ->type_name("WHEN");
}

void apply_entry_options(const EntryOptions& opts, Entry& entry) {
    for (auto r : all_ratings) {
        auto i = static_cast<std::size_t>(r);
        if (opts.rating_options[i]->count() > 0) entry.rating(r) = parse_rating(opts.ratings[i], flag_of(r));
    }
    if (opts.sleep_option->count() > 0) entry.sleep_hours = parse_sleep_hours(opts.sleep, "--sleep");
    if (opts.note_option->count() > 0) entry.note = validate_note(opts.note, "--note");
    add_tags(entry.tags, opts.tags, TagKind::activity, "--tag");
    add_tags(entry.tags, opts.better, TagKind::better, "--better");
    add_tags(entry.tags, opts.worse, TagKind::worse, "--worse");
    add_tags(entry.tags, opts.side_effects, TagKind::side_effect, "--side-effect");
    for (const auto& text : opts.where)
        for (const auto& name : parse_regions(text, "--where")) add_region(entry.regions, name);
    for (const auto& text : opts.feels)
        for (const auto& name : parse_qualities(text, "--feels")) add_quality(entry.qualities, name);
}

}  // namespace painlog::cli
