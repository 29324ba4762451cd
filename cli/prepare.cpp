// SPDX-License-Identifier: GPL-3.0-or-later
// painlog prepare: the pre-infusion check for the next booked infusion (or
// one named by id), asked on a terminal or taken from flags, stored with the
// infusion, and printed as a one-page sheet to bring or send.

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "prompt.hpp"
#include "painlog/analysis/medicine_use.hpp"
#include "painlog/model/settings.hpp"
#include "painlog/query/diary_views.hpp"
#include "painlog/report/infusion_sheet.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/infusion_check_store.hpp"
#include "painlog/util/error.hpp"

namespace painlog::cli {
namespace {

// The days of doses that count as "recent medication records".
constexpr int recent_dose_days = 28;

struct PrepareOptions {
    std::string event, format, output;
    std::string pregnant, breastfeeding, new_symptoms, heart_problem, new_medicines, medicines_confirmed, sedation,
        escort;
    CLI::Option* event_option = nullptr;
    std::vector<CLI::Option*> answers;  // the answer flags, to tell whether any was given
};

// A check answer given as a flag, validated before anything is written.
void take_flags(const PrepareOptions& o, InfusionCheck& c) {
    auto flag = [](CLI::Option* opt, const std::string& text, std::optional<bool>& into) {
        if (opt->count() > 0) into = parse_yes_no(text, opt->get_name());
    };
    auto text = [](CLI::Option* opt, const std::string& value, std::optional<std::string>& into) {
        if (opt->count() > 0) into = parse_check_text(value, opt->get_name());
    };
    flag(o.answers[0], o.pregnant, c.pregnant);
    flag(o.answers[1], o.breastfeeding, c.breastfeeding);
    text(o.answers[2], o.new_symptoms, c.new_symptoms);
    flag(o.answers[3], o.heart_problem, c.heart_problem);
    text(o.answers[4], o.new_medicines, c.new_medicines);
    flag(o.answers[5], o.medicines_confirmed, c.medicines_confirmed);
    flag(o.answers[6], o.sedation, c.sedation);
    flag(o.answers[7], o.escort, c.escort);
}

std::string shown(const std::optional<bool>& v) { return !v ? "" : *v ? " [yes]" : " [no]"; }
std::string shown(const std::optional<std::string>& v) {
    return !v ? "" : v->empty() ? " [none]" : " [" + one_line(*v) + "]";
}

// Each question on the terminal; Enter keeps the answer in brackets.
void ask_check(InfusionCheck& c, const std::vector<FlaggedMedicine>& flagged, std::ostream& prompt) {
    auto yes_no = [&](const std::string& q, std::optional<bool>& into) {
        ask(std::cin, prompt, q + " (yes/no)" + shown(into),
            [&](const std::string& a) { into = parse_yes_no(a, "answer"); });
    };
    auto text = [&](const std::string& q, std::optional<std::string>& into) {
        ask(std::cin, prompt, q + " (what, or none)" + shown(into),
            [&](const std::string& a) { into = parse_check_text(a, "answer"); });
    };
    prompt << "Pre-infusion check: press Enter to keep an answer, Ctrl-D to cancel.\n"
           << clinic_text::tell_changes << "\n";
    yes_no("Are you, or could you be, pregnant?", c.pregnant);
    yes_no("Are you breastfeeding?", c.breastfeeding);
    text("Any new symptoms since the infusion was booked?", c.new_symptoms);
    yes_no("Any new heart problem?", c.heart_problem);
    text("Any new medicines since the infusion was booked?", c.new_medicines);
    if (!flagged.empty()) {
        prompt << clinic_text::check_medicines << ", from your diary:\n";
        for (const auto& m : flagged) prompt << fmt::format("  {} ({})\n", m.medicine, m.classes);
        yes_no("Are these the medicines you take?", c.medicines_confirmed);
    }
    yes_no("Is sedation planned for the infusion?", c.sedation);
    yes_no("Will someone take you home?", c.escort);
}

Event infusion_to_prepare(Diary& diary, const PrepareOptions& o, Instant now) {
    if (o.event_option->count() > 0) {
        auto event = get_event(diary, parse_id(o.event, "--event"));
        if (event.kind != EventKind::infusion)
            throw InputError(fmt::format("--event {}: event {} is {}; expected an infusion", o.event, event.id,
                                         name_of(event.kind)));
        if (event.not_given)
            throw InputError(fmt::format("--event {}: infusion {} is marked {}; expected a booked infusion", o.event,
                                         event.id, name_of(*event.not_given)));
        return event;
    }
    if (auto next = next_planned(events(diary, EventKind::infusion), EventKind::infusion, now)) return *next;
    throw InputError("no infusion is booked; book it first with: painlog event add infusion --at WHEN");
}

void run_prepare(const PrepareOptions& o, Context& ctx) {
    bool flags_given = std::ranges::any_of(o.answers, [](CLI::Option* opt) { return opt->count() > 0; });
    bool asking = !flags_given && ctx.interactive() && o.format == "text" && o.output.empty();
    const auto& time = ctx.time();
    auto& diary = ctx.diary(flags_given || asking ? Access::write : Access::read);
    auto infusion = infusion_to_prepare(diary, o, time.now);
    auto check = find_infusion_check(diary, infusion.id);
    auto recent = doses_in(diary, today(time) - date::days{recent_dose_days - 1}, today(time));
    auto flagged = flagged_medicines(recent);

    if (flags_given || asking) {
        InfusionCheck c = check.value_or(InfusionCheck{});
        std::vector<std::string> names;
        for (const auto& m : flagged) names.push_back(m.medicine);
        // A different list is a new question: its confirmation no longer holds.
        if (names != c.medicines) c.medicines_confirmed.reset();
        c.medicines = names;
        take_flags(o, c);
        if (asking) {
            try {
                ask_check(c, flagged, ctx.err);
            } catch (const Cancelled&) {
                ctx.err << "\ncheck cancelled; nothing was written\n";
                ctx.exit_code = 1;
                return;
            }
        }
        c.event_id = infusion.id;
        c.at = time.now;
        c.zone = time.zone->name();
        save_infusion_check(diary, c);
        check = c;
    }
    InfusionSheet sheet{diary.setting(setting_key::name).value_or(""),
                        format_local_minutes(time.now, time.zone),
                        time.zone,
                        infusion,
                        state_of(infusion, time.now),
                        check,
                        check ? flagged_medicines(check->medicines) : flagged,
                        diary_care_rules(diary)};
    std::string text = o.format == "markdown" ? sheet_markdown(sheet)
                       : o.format == "html"   ? sheet_html(sheet)
                       : o.format == "json"   ? sheet_json(sheet).dump(2) + "\n"
                                              : sheet_text(sheet);
    if (o.output.empty() || o.output == "-") ctx.out << text;
    else write_output_file(o.output, ctx.diary_path(), [&](std::ostream& out) { out << text; });
}

}  // namespace

void setup_prepare(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("prepare",
                                   "The pre-infusion check for the next booked infusion, and a sheet to bring or send");
    auto o = std::make_shared<PrepareOptions>();
    o->event_option = cmd->add_option("--event", o->event, "This infusion (an id from painlog event list) instead of "
                                                            "the next one booked")
                          ->type_name("ID");
    auto yes_no = [&](const std::string& name, std::string& into, const std::string& what) {
        o->answers.push_back(cmd->add_option(name, into, what + " (yes or no)")->type_name("yes|no"));
    };
    auto text = [&](const std::string& name, std::string& into, const std::string& what) {
        o->answers.push_back(cmd->add_option(name, into, what + " (text, or none)")->type_name("TEXT"));
    };
    yes_no("--pregnant", o->pregnant, "You are, or could be, pregnant");
    yes_no("--breastfeeding", o->breastfeeding, "You are breastfeeding");
    text("--new-symptoms", o->new_symptoms, "New symptoms since the infusion was booked");
    yes_no("--heart-problem", o->heart_problem, "A new heart problem");
    text("--new-medicines", o->new_medicines, "New medicines since the infusion was booked");
    yes_no("--medicines-confirmed", o->medicines_confirmed, "The medicines painlog lists are the ones you take");
    yes_no("--sedation", o->sedation, "Sedation is planned");
    yes_no("--escort", o->escort, "Someone will take you home");
    add_format_option(*cmd, o->format, {"text", "markdown", "html", "json"});
    cmd->add_option("-o,--output", o->output, "Write the sheet to FILE, replacing it atomically (default or -: "
                                              "stdout)")
        ->type_name("FILE");
    cmd->callback([o, &ctx] { run_prepare(*o, ctx); });
}

}  // namespace painlog::cli
