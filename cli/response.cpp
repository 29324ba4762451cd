// SPDX-License-Identifier: GPL-3.0-or-later
// painlog response: how pain and the other values changed after each
// infusion, against the days before it. The analysis lives in
// lib/painlog/analysis/response.*; this file only gathers the inputs.

#include <charconv>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/query/diary_views.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/lookup.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/analysis/infusion_course.hpp"
#include "painlog/analysis/response.hpp"
#include "painlog/model/settings.hpp"

namespace painlog::cli {
namespace {

constexpr int min_baseline_setting = 7;
constexpr int max_baseline_setting = 90;

struct ResponseOptions {
    std::string event, baseline_days, format;
    CLI::Option* event_option = nullptr;
    CLI::Option* baseline_option = nullptr;
};

int parse_baseline_days(std::string_view text, std::string_view source) {
    int days = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || days < min_baseline_setting ||
        days > max_baseline_setting)
        throw InputError(fmt::format("{} {}: expected a whole number of days from {} to {}", source, text,
                                     min_baseline_setting, max_baseline_setting));
    return days;
}

void run_response(const ResponseOptions& opts, Context& ctx) {
    std::optional<std::int64_t> only;
    if (opts.event_option->count() > 0) only = parse_id(opts.event, "--event");
    std::optional<int> baseline_days;
    if (opts.baseline_option->count() > 0) baseline_days = parse_baseline_days(opts.baseline_days, "--baseline-days");

    auto& diary = ctx.diary(Access::read);
    if (!baseline_days)
        baseline_days = parse_baseline_days(diary.setting_or_default(setting_key::baseline_days), "setting baseline-days");
    if (only) {
        auto event = get_event(diary, *only);
        if (event.kind == EventKind::infusion && state_of(event, ctx.time().now) != EventState::given)
            throw InputError(fmt::format("--event {}: infusion {} is {}; expected one that was given", *only, *only,
                                         name_of(state_of(event, ctx.time().now))));
        if (event.kind != EventKind::infusion)
            throw InputError(fmt::format("--event {}: event {} is {} {}; expected an infusion (see painlog event "
                                         "list --kind infusion)",
                                         *only, *only, event.kind == EventKind::appointment ? "an" : "a",
                                         name_of(event.kind)));
    }
    auto day = today(ctx.time());
    auto responses =
        responses_of_diary(diary, given_infusions(events(diary, EventKind::infusion), ctx.time().now), *baseline_days, day);
    auto results = questionnaire_results(diary);
    add_questionnaire_courses(responses, results);
    add_pgic(responses, results);
    auto pathway = diary_pathway(diary);
    auto across = across_infusions(responses);  // over every infusion, before --event keeps one
    if (only) std::erase_if(responses, [&](const InfusionResponse& r) { return r.infusion.id != *only; });

    if (opts.format == "json") {
        auto json = response_json(responses, day, *baseline_days, pathway);
        json["across_infusions"] = across_infusions_json(across);
        print_json(ctx.out, json);
    } else if (responses.empty()) {
        ctx.out << "No infusions recorded; add one with: painlog event add infusion --at WHEN\n";
    } else {
        ctx.out << response_text(responses, pathway, ctx.color());
        // The overview is of pain: left out where the depression pathway has no pain ratings.
        bool pain = pathway.pathway != Pathway::depression || pain_rated(responses);
        if (!only && responses.size() > 1 && pain)
            ctx.out << "\n" << infusions_overview_text(responses, across, ctx.color());
    }
}

}  // namespace

void setup_response(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("response", "Did each infusion help: pain, mood and the PHQ-9 against the baseline before it");
    auto opts = std::make_shared<ResponseOptions>();
    opts->event_option =
        cmd->add_option("--event", opts->event, "Only this infusion (an id from painlog event list)")->type_name("ID");
    opts->baseline_option =
        cmd->add_option("--baseline-days", opts->baseline_days,
                        "Diary days before the infusion day that form the baseline, 7-90 (default: setting "
                        "baseline-days, 14)")
            ->type_name("N");
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_response(*opts, ctx); });
}

}  // namespace painlog::cli
