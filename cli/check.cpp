// SPDX-License-Identifier: GPL-3.0-or-later
// painlog check: answer a questionnaire (PHQ-9, GAD-7, PEG), one item at a
// time on a terminal or all at once with --answers, and list past results.

#include <algorithm>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/model/questionnaire.hpp"

namespace painlog::cli {
namespace {

struct CheckOptions {
    Instrument instrument = Instrument::phq9;
    std::string answers, at, format;
    CLI::Option* answers_option = nullptr;
    CLI::Option* at_option = nullptr;
};

struct CheckListOptions {
    std::string instrument, since, until, format;
    CLI::Option* instrument_option = nullptr;
    CLI::Option* since_option = nullptr;
    CLI::Option* until_option = nullptr;
};

// Asks each item on `prompt`, reading from `in`; a bad answer is explained
// and asked again. Returns nullopt when input ends (Ctrl-D).
std::optional<std::vector<int>> ask_items(Instrument instrument, std::istream& in, std::ostream& prompt) {
    prompt << instrument_intro(instrument);
    std::vector<int> answers;
    for (std::size_t i = 0; i < spec_of(instrument).items.size(); ++i) {
        prompt << item_prompt(instrument, i) << std::flush;
        for (;;) {
            std::string line;
            if (!std::getline(in, line)) {
                prompt << '\n';
                return std::nullopt;
            }
            try {
                answers.push_back(parse_item_answer(instrument, i, line));
                break;
            } catch (const InputError& e) {
                prompt << "  " << e.what() << '\n' << answer_prompt(instrument) << std::flush;
            }
        }
    }
    return answers;
}

void run_check(const CheckOptions& opts, Context& ctx) {
    const auto& spec = spec_of(opts.instrument);
    std::optional<std::vector<int>> answers;
    if (opts.answers_option->count() > 0) {
        answers = parse_answers(opts.instrument, opts.answers);
    } else if (!ctx.interactive()) {
        throw InputError(fmt::format("check {}: no answers given; expected --answers with {} comma-separated "
                                     "answers (asking one item at a time needs a terminal)",
                                     name_of(opts.instrument), spec.items.size()));
    }
    const auto& time = ctx.time();
    Instant at = opts.at_option->count() > 0 ? parse_when(opts.at, time, "--at") : time.now;
    // Ask before opening the diary, so that Ctrl-D leaves no trace, not even a new file.
    if (!answers) {
        answers = ask_items(opts.instrument, std::cin, ctx.err);
        if (!answers) throw RuntimeError(fmt::format("{} cancelled; nothing was written", spec.title));
    }
    auto& diary = ctx.diary(Access::write);
    QuestionnaireResult result;
    result.instrument = opts.instrument;
    result.at = at;
    result.zone = time.zone->name();
    result.day = diary_day(at, time.zone, ctx.time().day_start_hour);
    result.answers = *answers;
    add_result(diary, result);
    auto history = questionnaire_results(diary, opts.instrument);
    if (opts.format == "json") {
        print_json(ctx.out, questionnaire_json(result, history));
        // The JSON may go to a script, but a person ran the command: tell them too.
        if (needs_safety_message(result)) ctx.err << safety_message() << '\n';
        return;
    }
    ctx.out << result_text(result, history, ctx.color());
    ctx.out << fmt::format("Saved as questionnaire result {} for {}.\n", result.id, format_day(result.day));
}

void run_check_list(const CheckListOptions& opts, Context& ctx) {
    std::optional<Instrument> instrument;
    if (opts.instrument_option->count() > 0) instrument = parse_instrument(opts.instrument, "--instrument");
    const auto& time = ctx.time();
    std::optional<Day> from, to;
    if (opts.since_option->count() > 0) from = parse_since(opts.since, time, "--since");
    if (opts.until_option->count() > 0) to = parse_day(opts.until, time, "--until");
    auto& diary = ctx.diary(Access::read);
    auto history = questionnaire_results(diary);  // progress always counts from the first PHQ-9
    auto results = questionnaire_results(diary, instrument, from, to);
    bool safety = std::any_of(results.begin(), results.end(), [](const auto& r) { return needs_safety_message(r); });
    if (opts.format == "table") {
        if (results.empty())
            ctx.out << "No questionnaire results"
                    << (instrument ? fmt::format(" for {}", spec_of(*instrument).title) : "")
                    << (from ? fmt::format(" since {}", format_day(*from)) : "") << ".\n";
        else
            ctx.out << results_table(results, history, ctx.color());
        return;
    }
    // Machine-readable output keeps stdout clean; the safety message goes to stderr.
    if (opts.format == "json") print_json(ctx.out, questionnaires_json(results, history));
    else write_questionnaires_csv(results, ctx.out);
    if (safety) ctx.err << safety_message() << '\n';
}

void setup_instrument(CLI::App& check, Context& ctx, Instrument instrument) {
    const auto& spec = spec_of(instrument);
    auto* cmd = check.add_subcommand(
        std::string(name_of(instrument)),
        fmt::format("Answer the {} ({} items, each {}-{}); on a terminal one item at a time", spec.title,
                    spec.items.size(), spec.min_answer, spec.max_answer));
    auto opts = std::make_shared<CheckOptions>();
    opts->instrument = instrument;
    opts->answers_option =
        cmd->add_option("--answers", opts->answers,
                        fmt::format("All {} answers in item order, comma-separated (needed without a terminal)",
                                    spec.items.size()))
            ->type_name("LIST");
    opts->at_option = cmd->add_option("--at", opts->at, "When it was answered: 2026-11-22T08:30, today, yesterday")
                          ->type_name("WHEN");
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_check(*opts, ctx); });
}

}  // namespace

void setup_check(CLI::App& app, Context& ctx) {
    auto* check = app.add_subcommand("check", "Questionnaires: answer the PHQ-9, GAD-7 or PEG, or list results");
    check->require_subcommand(1);
    for (auto instrument : all_instruments) setup_instrument(*check, ctx, instrument);

    auto* list = check->add_subcommand("list", "Past questionnaire results in time order");
    auto opts = std::make_shared<CheckListOptions>();
    opts->instrument_option =
        list->add_option("--instrument", opts->instrument, "Only this questionnaire: phq9, gad7, peg")
            ->type_name("NAME");
    opts->since_option =
        list->add_option("--since", opts->since, "First day: 2026-11-01, yesterday, or a span: 14d, 3w, 6m, 1y")
            ->type_name("WHEN");
    opts->until_option =
        list->add_option("--until", opts->until, "Last day: 2026-11-22, today, yesterday")->type_name("WHEN");
    add_format_option(*list, opts->format, {"table", "csv", "json"});
    list->callback([opts, &ctx] { run_check_list(*opts, ctx); });
}

}  // namespace painlog::cli
