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
#include "painlog/analysis/care.hpp"
#include "painlog/analysis/medicine_use.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/model/body.hpp"
#include "painlog/model/settings.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/store/lookup.hpp"
#include "painlog/util/error.hpp"

namespace painlog::cli {
namespace {

struct AddOptions {
    EntryOptions values;
    std::vector<std::string> meds;
    std::string format;
};

std::vector<DoseSpec> dose_specs(const std::vector<std::string>& texts) {
    std::vector<DoseSpec> specs;
    for (const auto& text : texts) specs.push_back(parse_dose_spec(text, "--med"));
    return specs;
}

// The doses taken with an entry: at its time, as the spec says.
std::vector<Dose> doses_at(const std::vector<DoseSpec>& specs, const Entry& entry) {
    std::vector<Dose> doses;
    for (const auto& spec : specs) {
        Dose dose;
        dose.medicine = spec.medicine;
        dose.amount = spec.amount;
        dose.as_needed = spec.as_needed;
        dose.at = entry.at;
        dose.zone = entry.zone;
        dose.day = entry.day;
        doses.push_back(std::move(dose));
    }
    return doses;
}

std::string doses_brief(const std::vector<Dose>& doses) {
    std::string out;
    for (const auto& d : doses) out += (out.empty() ? "" : "; ") + dose_brief(d);
    return out;
}

void print_added(const Entry& entry, const std::vector<Dose>& doses, bool with_entry, const std::string& format,
                 std::ostream& out) {
    nlohmann::ordered_json doses_json = nlohmann::ordered_json::array();
    for (const auto& d : doses) doses_json.push_back(dose_json(d));
    if (format == "json") {
        auto j = with_entry ? entry_json(entry) : nlohmann::ordered_json::object();
        j["doses"] = std::move(doses_json);
        return print_json(out, j);
    }
    if (with_entry) out << fmt::format("Added entry {} for {}: {}.\n", entry.id, format_day(entry.day), entry_brief(entry));
    if (!doses.empty())
        out << fmt::format("Recorded {} for {}: {}.\n", doses.size() == 1 ? fmt::format("dose {}", doses[0].id)
                                                                            : fmt::format("{} doses", doses.size()),
                           format_day(entry.day), doses_brief(doses));
}

// What the check-in needs from the diary: yesterday's values and names,
// the usual doses and the most frequent regions and qualities of the last
// 90 days, and which questions to ask.
struct CheckinInputs {
    std::optional<DailyValues> yesterday;
    CheckinSetup setup;
};

CheckinInputs checkin_inputs(Diary& diary, const TimeContext& time) {
    CheckinInputs inputs;
    auto& setup = inputs.setup;
    auto day = today(time) - date::days{1};
    auto entries = diary.entries({.from = day, .to = day, .last = std::nullopt});
    auto days = daily_values(entries);
    if (!days.empty()) inputs.yesterday = days.front();
    for (const auto& e : entries) {
        for (const auto& r : e.regions) add_region(setup.body.yesterday_regions, r);
        for (const auto& q : e.qualities) add_quality(setup.body.yesterday_qualities, q);
    }
    auto from = today(time) - date::days{89};
    setup.usual = usual_doses(doses_in(diary, from, today(time)), today(time));
    auto picks = [](const std::vector<NameUse>& uses, std::vector<std::string>& out) {
        for (std::size_t i = 0; i < uses.size() && i < max_body_picks; ++i) out.push_back(uses[i].name);
    };
    picks(region_uses(diary, from), setup.body.regions);
    picks(quality_uses(diary, from), setup.body.qualities);
    setup.questions = parse_checkin_questions(diary.setting_or_default(setting_key::checkin_questions),
                                              "setting checkin-questions");
    auto given = given_infusions(events(diary, EventKind::infusion), time.now);
    setup.after_infusion = side_effects_first(given.empty() ? std::nullopt : std::optional(given.back()), time.now);
    return inputs;
}

void run_add(const AddOptions& opts, Context& ctx) {
    Entry entry;
    apply_entry_options(opts.values, entry);
    auto specs = dose_specs(opts.meds);
    bool guided = !opts.values.any_value() && specs.empty();
    if (guided && !ctx.interactive())
        throw InputError("add: no values given; expected at least one of --pain, --mood, --energy, --sleep, "
                         "--sleep-quality, --activity, --note, a tag, --where, --feels or --med (the guided "
                         "check-in needs a terminal)");
    auto& diary = ctx.diary(Access::write);
    const auto& time = ctx.time();
    entry.at = opts.values.at_option->count() > 0 ? parse_when(opts.values.at, time, "--at") : time.now;
    entry.zone = time.zone->name();
    entry.day = diary_day(entry.at, time.zone, time.day_start_hour);
    if (guided) {
        auto inputs = checkin_inputs(diary, time);
        inputs.setup.yesterday = inputs.yesterday ? &*inputs.yesterday : nullptr;
        auto answers = guided_checkin(std::cin, ctx.err, inputs.setup);
        if (!answers) throw RuntimeError("check-in cancelled; nothing was written");
        if (!answers->entry.has_values() && answers->doses.empty()) {
            ctx.err << "Nothing entered; nothing was written.\n";
            return;
        }
        entry.ratings = answers->entry.ratings;
        entry.sleep_hours = answers->entry.sleep_hours;
        entry.note = answers->entry.note;
        entry.tags = answers->entry.tags;
        entry.regions = answers->entry.regions;
        entry.qualities = answers->entry.qualities;
        specs = answers->doses;
    }
    auto doses = doses_at(specs, entry);
    bool with_entry = entry.has_values();
    diary.write([&] {
        if (with_entry) diary.add(entry);
        for (auto& dose : doses) add_dose(diary, dose);
    });
    print_added(entry, doses, with_entry, opts.format, ctx.out);
}

}  // namespace

void setup_add(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("add", "Record an entry (with no values on a terminal: a guided check-in)");
    auto opts = std::make_shared<AddOptions>();
    add_entry_options(*cmd, opts->values);
    cmd->add_option("--med", opts->meds, "A dose taken (repeatable): \"oxycodone 5mg prn\", \"pregabalin 75mg\"")
        ->type_name("DOSE");
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_add(*opts, ctx); });
}

}  // namespace painlog::cli
