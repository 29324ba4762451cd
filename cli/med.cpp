// SPDX-License-Identifier: GPL-3.0-or-later
// painlog med take|list|edit|rm: the doses of medicine taken, their history
// and the regular regimen.

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "period_options.hpp"
#include "painlog/analysis/medicine_use.hpp"
#include "painlog/formats/painlog_csv.hpp"
#include "painlog/model/medicine.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/table.hpp"

namespace painlog::cli {
namespace {

struct MedTakeOptions {
    std::vector<std::string> words;
    std::string at, note, format;
    bool prn = false;
    CLI::Option* at_option = nullptr;
};

struct MedListOptions {
    PeriodOptions period;
    std::string medicine, format;
};

struct MedEditOptions {
    std::string id, medicine, amount, at, note, format;
    bool prn = false, regular = false;
    CLI::Option* medicine_option = nullptr;
    CLI::Option* amount_option = nullptr;
    CLI::Option* at_option = nullptr;
    CLI::Option* note_option = nullptr;
};

struct MedNamesOptions {
    std::string format;
};

struct MedRmOptions {
    std::string id;
    bool yes = false;
};

std::string joined_words(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
    return text;
}

void set_dose_time(Dose& dose, const std::string& text, const TimeContext& time) {
    dose.at = parse_when(text, time, "--at");
    dose.zone = time.zone->name();
    dose.day = diary_day(dose.at, time.zone, time.day_start_hour);
}

void print_dose(Context& ctx, const std::string& format, std::string_view verb, const Dose& dose) {
    if (format == "json") return print_json(ctx.out, dose_json(dose));
    ctx.out << fmt::format("{} dose {}: {} on {}.\n", verb, dose.id, dose_brief(dose),
                           format_local_minutes(dose.at, stored_zone(dose.zone, ctx.time().zone)));
}

void run_med_take(const MedTakeOptions& opts, Context& ctx) {
    auto spec = parse_dose_spec(joined_words(opts.words), "DOSE");
    Dose dose;
    dose.medicine = spec.medicine;
    dose.amount = spec.amount;
    dose.as_needed = spec.as_needed || opts.prn;
    dose.note = validate_note(opts.note, "--note");
    auto& diary = ctx.diary(Access::write);
    set_dose_time(dose, opts.at_option->count() > 0 ? opts.at : "now", ctx.time());
    add_dose(diary, dose);
    print_dose(ctx, opts.format, "Recorded", dose);
}

std::string dose_table(const std::vector<Dose>& doses, const TimeContext& time, Color color) {
    TextTable table({{"ID", Align::right}, {"Day"}, {"Time"}, {"Medicine"}, {"Dose"}, {"Taken"}, {"Note"}});
    for (const auto& d : doses) {
        table.add_row({{std::to_string(d.id)},
                       {format_day(d.day)},
                       {format_local_minutes(d.at, stored_zone(d.zone, time.zone)).substr(11)},
                       {d.medicine},
                       {d.amount ? format_amount(*d.amount) : "-"},
                       {!d.as_needed ? "-" : *d.as_needed ? "as needed" : "regular"},
                       {one_line(d.note)}});
    }
    return table.render(color);
}

void run_med_list(const MedListOptions& opts, Context& ctx) {
    const auto& time = ctx.time();
    auto period = resolve_period_options(opts.period, time, regimen_days);
    auto& diary = ctx.diary(Access::read);
    auto doses = doses_in(diary, period.from, period.to);
    if (!opts.medicine.empty()) {
        auto wanted = canonical_medicine(normalize_tag(opts.medicine, "--medicine"));
        std::erase_if(doses, [&](const Dose& d) { return canonical_medicine(d.medicine) != wanted; });
    }
    auto plan = regimen(doses_in(diary, today(time) - date::days{regimen_days - 1}, today(time)), today(time));
    if (opts.format == "csv") return write_doses_csv(doses, ctx.out);
    if (opts.format == "json") {
        nlohmann::ordered_json j;
        j["from"] = format_day(period.from);
        j["to"] = format_day(period.to);
        j["doses"] = nlohmann::ordered_json::array();
        for (const auto& d : doses) j["doses"].push_back(dose_json(d));
        j["regimen"] = regimen_json(plan);
        return print_json(ctx.out, j);
    }
    if (doses.empty()) ctx.out << fmt::format("No doses from {} to {}.\n", format_day(period.from), format_day(period.to));
    else ctx.out << dose_table(doses, time, ctx.color());
    if (plan.empty()) return;
    ctx.out << fmt::format("\nRegular medicines (doses not as needed, {} days to {}):\n", regimen_days,
                           format_day(today(time)))
            << regimen_text(plan, ctx.color());
}

void run_med_edit(const MedEditOptions& opts, Context& ctx) {
    auto id = parse_id(opts.id, "dose");
    bool any = opts.medicine_option->count() + opts.amount_option->count() + opts.at_option->count() +
                   opts.note_option->count() > 0 || opts.prn || opts.regular;
    if (!any) throw InputError("med edit: nothing to change; expected --medicine, --amount, --prn, --regular, --at or --note");
    if (opts.prn && opts.regular) throw InputError("med edit: --prn and --regular contradict each other; expected one");
    std::optional<std::string> medicine;
    if (opts.medicine_option->count() > 0) medicine = canonical_medicine(normalize_tag(opts.medicine, "--medicine"));
    auto& diary = ctx.diary(Access::write);
    auto dose = get_dose(diary, id);
    if (medicine) dose.medicine = *medicine;
    if (opts.amount_option->count() > 0) {
        if (opts.amount.empty()) dose.amount.reset();
        else dose.amount = parse_dose_amount(opts.amount, "--amount");
    }
    const auto* info = find_medicine(dose.medicine);
    if (info && dose.amount && !info->allows(dose.amount->unit))
        throw InputError(fmt::format("med edit {}: {} does not come in {}; expected a unit such as mg", id, info->name,
                                     name_of(dose.amount->unit)));
    if (opts.prn) dose.as_needed = true;
    if (opts.regular) dose.as_needed = false;
    if (opts.note_option->count() > 0) dose.note = validate_note(opts.note, "--note");
    if (opts.at_option->count() > 0) set_dose_time(dose, opts.at, ctx.time());
    update_dose(diary, dose);
    print_dose(ctx, opts.format, "Updated", dose);
}

void run_med_rm(const MedRmOptions& opts, Context& ctx) {
    auto id = parse_id(opts.id, "dose");
    if (!opts.yes && !ctx.interactive())
        throw InputError(fmt::format("med rm {}: not on a terminal, so nothing was deleted; add --yes to confirm", opts.id));
    auto& diary = ctx.diary(Access::write);
    auto dose = get_dose(diary, id);
    if (!opts.yes) {
        ctx.err << fmt::format("Delete dose {} ({})? [y/N] ", id, dose_brief(dose)) << std::flush;
        std::string answer;
        if (!std::getline(std::cin, answer) || !(answer == "y" || answer == "Y" || answer == "yes")) {
            ctx.err << "Kept dose " << id << ".\n";
            return;
        }
    }
    remove_dose(diary, id);
    ctx.out << fmt::format("Deleted dose {}.\n", id);
}

void run_med_names(const MedNamesOptions& opts, Context& ctx) {
    if (opts.format == "json") {
        auto list = nlohmann::ordered_json::array();
        for (const auto& info : medicine_vocabulary()) {
            auto j = medicine_identity_json(info.name, &info);
            j["also_known_as"] = info.also_known_as;
            j["mme_factor"] = info.mme_factor ? nlohmann::ordered_json(*info.mme_factor) : nlohmann::ordered_json();
            j["mme_unit"] = info.mme_factor ? nlohmann::ordered_json(name_of(info.mme_unit)) : nlohmann::ordered_json();
            list.push_back(std::move(j));
        }
        return print_json(ctx.out, list);
    }
    TextTable table({{"Medicine"}, {"ATC"}, {"MME factor"}, {"Check before an infusion"}, {"Also known as"}});
    for (const auto& info : medicine_vocabulary()) {
        std::string aliases;
        for (auto a : info.also_known_as) aliases += (aliases.empty() ? "" : ", ") + std::string(a);
        table.add_row({{std::string(info.name)},
                       {std::string(info.atc)},
                       {info.mme_factor ? fmt::format("{:g}/{}", *info.mme_factor, name_of(info.mme_unit)) : "-"},
                       {info.classes.empty() ? "-" : classes_text(&info)},
                       {aliases}});
    }
    ctx.out << table.render(ctx.color(), ctx.table_width());
}

void setup_med_take(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("take", "Record a dose: painlog med take oxycodone 5mg --prn");
    auto opts = std::make_shared<MedTakeOptions>();
    cmd->add_option("DOSE", opts->words, "The medicine and, optionally, the amount: pregabalin 75mg, \"2 tablets\"")
        ->required();
    cmd->add_flag("--prn", opts->prn, "Taken as needed (PRN), not as a regular dose");
    opts->at_option = cmd->add_option("--at", opts->at, "When (default now): 2026-11-22T08:30, today, yesterday")
                          ->type_name("WHEN");
    cmd->add_option("--note", opts->note, "Free-text note")->type_name("TEXT");
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_med_take(*opts, ctx); });
}

void setup_med_list(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("list", "Doses in time order (default the last 28 days) and the regular medicines");
    auto opts = std::make_shared<MedListOptions>();
    add_period_options(*cmd, opts->period);
    cmd->add_option("--medicine", opts->medicine, "Only this medicine (a brand finds its generic name)")
        ->type_name("MEDICINE");
    add_format_option(*cmd, opts->format, {"table", "csv", "json"});
    cmd->callback([opts, &ctx] { run_med_list(*opts, ctx); });
}

void setup_med_edit(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("edit", "Change a dose's medicine, amount, time, note or as-needed flag");
    auto opts = std::make_shared<MedEditOptions>();
    cmd->add_option("ID", opts->id, "Dose id (from painlog med list)")->required();
    opts->medicine_option = cmd->add_option("--medicine", opts->medicine, "New medicine")->type_name("MEDICINE");
    opts->amount_option = cmd->add_option("--amount", opts->amount, "New amount: 5mg, 2 tablets ('' clears it)")
                              ->type_name("AMOUNT");
    cmd->add_flag("--prn", opts->prn, "Mark as taken as needed");
    cmd->add_flag("--regular", opts->regular, "Mark as a regular dose");
    opts->at_option = cmd->add_option("--at", opts->at, "New time: 2026-11-22T08:30, today, yesterday")->type_name("WHEN");
    opts->note_option = cmd->add_option("--note", opts->note, "New note ('' clears it)")->type_name("TEXT");
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_med_edit(*opts, ctx); });
}

void setup_med_names(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("names", "The medicines painlog recognises: brands, ATC codes, classes, MME factors");
    auto opts = std::make_shared<MedNamesOptions>();
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_med_names(*opts, ctx); });
}

void setup_med_rm(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("rm", "Delete a dose (asks first on a terminal)");
    auto opts = std::make_shared<MedRmOptions>();
    cmd->add_option("ID", opts->id, "Dose id (from painlog med list)")->required();
    cmd->add_flag("-y,--yes", opts->yes, "Delete without asking (needed when not on a terminal)");
    cmd->callback([opts, &ctx] { run_med_rm(*opts, ctx); });
}

}  // namespace

void setup_med(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("med", "Medicine doses: take, list, edit, rm, and the names painlog knows");
    cmd->require_subcommand(1);
    setup_med_take(*cmd, ctx);
    setup_med_list(*cmd, ctx);
    setup_med_edit(*cmd, ctx);
    setup_med_rm(*cmd, ctx);
    setup_med_names(*cmd, ctx);
}

}  // namespace painlog::cli
