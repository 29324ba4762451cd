// SPDX-License-Identifier: GPL-3.0-or-later
// painlog event add|list|edit|rm: infusions, appointments, medication
// changes and other dated events that anchor before/after analysis.

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/formats/painlog_csv.hpp"
#include "painlog/model/event.hpp"
#include "painlog/report/infusion_sheet.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/infusion_check_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/table.hpp"

namespace painlog::cli {
namespace {

constexpr std::string_view kinds_help = "infusion, appointment, medication-change or other";

struct EventAddOptions {
    std::string kind, at, label, note, format;
    CLI::Option* at_option = nullptr;
};

struct EventListOptions {
    std::string kind, format;
    CLI::Option* kind_option = nullptr;
};

struct EventEditOptions {
    std::string id, kind, at, label, note, format, not_given;
    bool given = false;
    CLI::Option* not_given_option = nullptr;
    CLI::Option* kind_option = nullptr;
    CLI::Option* at_option = nullptr;
    CLI::Option* label_option = nullptr;
    CLI::Option* note_option = nullptr;
};

struct EventShowOptions {
    std::string id, format;
};

struct EventRmOptions {
    std::string id;
    bool yes = false;
};

// "infusion (ketamine) on 2026-11-10 10:00"
std::string event_brief(const Event& event, const TimeContext& time) {
    return fmt::format("{}{} on {}", name_of(event.kind), event.label.empty() ? "" : " (" + event.label + ")",
                       format_local_minutes(event.at, stored_zone(event.zone, time.zone)));
}

void print_event(Context& ctx, const std::string& format, std::string_view verb, const Event& event) {
    if (format == "json") print_json(ctx.out, event_json(event));
    else ctx.out << fmt::format("{} event {}: {}.\n", verb, event.id, event_brief(event, ctx.time()));
}

void set_time(Event& event, const std::string& text, const TimeContext& time) {
    event.at = parse_when(text, time, "--at", Future::allow);
    event.zone = time.zone->name();
    event.day = diary_day(event.at, time.zone, time.day_start_hour);
}

void run_event_add(const EventAddOptions& opts, Context& ctx) {
    Event event;
    event.kind = parse_event_kind(opts.kind, "KIND");
    event.label = validate_event_label(opts.label, "--label");
    event.note = validate_note(opts.note, "--note");
    auto& diary = ctx.diary(Access::write);
    const auto& time = ctx.time();
    set_time(event, opts.at_option->count() > 0 ? opts.at : "now", time);
    check_event_time(event, time, fmt::format("--at {}", opts.at));
    add_event(diary, event);
    print_event(ctx, opts.format, "Added", event);
}

// "(planned; check complete)", "(not given: cancelled)", "" for a past event.
std::string state_mark(const Event& e, Diary& diary, Instant now) {
    auto state = state_of(e, now);
    if (state == EventState::not_given) return fmt::format("(not given: {}) ", name_of(*e.not_given));
    if (state == EventState::given) return "";
    if (e.kind != EventKind::infusion) return "(planned) ";
    auto check = find_infusion_check(diary, e.id);
    if (!check) return "(planned; check not answered) ";
    auto open = open_items(*check).size();
    return open == 0 ? "(planned; check complete) " : fmt::format("(planned; check: {} open) ", open);
}

std::string event_table(const std::vector<Event>& list, Diary& diary, const TimeContext& time, Color color) {
    TextTable table({{"ID", Align::right}, {"Day"}, {"Time"}, {"Kind"}, {"Label and note"}});
    for (const auto& e : list) {
        std::string text = e.label;
        if (!e.note.empty()) text += (text.empty() ? "" : ": ") + one_line(e.note);
        text = state_mark(e, diary, time.now) + text;
        table.add_row({{std::to_string(e.id)},
                       {format_day(e.day), state_of(e, time.now) == EventState::planned ? Style::bold : Style::plain},
                       {format_local_minutes(e.at, stored_zone(e.zone, time.zone)).substr(11)},
                       {std::string(name_of(e.kind))},
                       {text}});
    }
    return table.render(color);
}

// event_json with where it stands and, for an infusion, its check.
nlohmann::ordered_json event_state_json(const Event& e, Diary& diary, Instant now) {
    auto j = event_json(e);
    j["state"] = name_of(state_of(e, now));
    if (e.kind != EventKind::infusion) return j;
    auto check = find_infusion_check(diary, e.id);
    j["check"] = check ? infusion_check_json(*check) : nlohmann::ordered_json();
    j["check_open"] = open_items(check.value_or(InfusionCheck{}));
    return j;
}

void run_event_list(const EventListOptions& opts, Context& ctx) {
    std::optional<EventKind> kind;
    if (opts.kind_option->count() > 0) kind = parse_event_kind(opts.kind, "--kind");
    auto& diary = ctx.diary(Access::read);
    auto list = events(diary, kind);
    if (opts.format == "json") {
        auto json = nlohmann::ordered_json::array();
        for (const auto& e : list) json.push_back(event_state_json(e, diary, ctx.time().now));
        print_json(ctx.out, json);
    } else if (opts.format == "csv") {
        write_events_csv(list, ctx.out);
    } else if (list.empty()) {
        ctx.out << (kind ? fmt::format("No {} events.\n", name_of(*kind)) : "No events.\n");
    } else {
        ctx.out << event_table(list, diary, ctx.time(), ctx.color());
    }
}

void run_event_edit(const EventEditOptions& opts, Context& ctx) {
    auto id = parse_id(opts.id, "event");
    bool any = opts.kind_option->count() + opts.at_option->count() + opts.label_option->count() +
                   opts.note_option->count() + opts.not_given_option->count() > 0 || opts.given;
    if (!any)
        throw InputError("event edit: nothing to change; expected --kind, --at, --label, --note, --not-given or "
                         "--given");
    std::optional<NotGiven> not_given;
    if (opts.not_given_option->count() > 0) not_given = parse_not_given(opts.not_given, "--not-given");
    std::optional<EventKind> kind;
    if (opts.kind_option->count() > 0) kind = parse_event_kind(opts.kind, "--kind");
    std::optional<std::string> label, note;
    if (opts.label_option->count() > 0) label = validate_event_label(opts.label, "--label");
    if (opts.note_option->count() > 0) note = validate_note(opts.note, "--note");
    auto& diary = ctx.diary(Access::write);
    auto event = get_event(diary, id);
    const auto& time = ctx.time();
    if (kind) event.kind = *kind;
    if (label) event.label = *label;
    if (note) event.note = *note;
    if (not_given) event.not_given = not_given;
    if (opts.given) event.not_given.reset();
    if (opts.at_option->count() > 0) set_time(event, opts.at, time);
    check_event_time(event, time,
                     opts.at_option->count() > 0 ? fmt::format("--at {}", opts.at) : fmt::format("event {}", id));
    update_event(diary, event);
    print_event(ctx, opts.format, "Updated", event);
}

void run_event_show(const EventShowOptions& opts, Context& ctx) {
    auto id = parse_id(opts.id, "event");
    auto& diary = ctx.diary(Access::read);
    auto event = get_event(diary, id);
    const auto& time = ctx.time();
    if (opts.format == "json") return print_json(ctx.out, event_state_json(event, diary, time.now));
    auto state = state_of(event, time.now);
    ctx.out << fmt::format("Event {}: {}, {}.\n", id, event_brief(event, time),
                           state == EventState::not_given ? "not given (" + std::string(name_of(*event.not_given)) + ")"
                                                          : std::string(name_of(state)));
    if (!event.note.empty()) ctx.out << "Note: " << one_line(event.note) << "\n";
    if (event.kind != EventKind::infusion || state == EventState::not_given) return;
    auto check = find_infusion_check(diary, id);
    ctx.out << "\nPre-infusion check (painlog prepare --event " << id << "):\n";
    for (const auto& line : check_answer_lines(check)) ctx.out << "  " << line << "\n";
    auto open = open_items(check.value_or(InfusionCheck{}));
    ctx.out << (open.empty() ? "Nothing is open.\n" : "Still open:\n");
    for (const auto& item : open) ctx.out << "  - " << item << "\n";
}

bool confirmed(Context& ctx, const Event& event) {
    ctx.err << fmt::format("Delete event {} ({})? [y/N] ", event.id, event_brief(event, ctx.time())) << std::flush;
    std::string answer;
    return std::getline(std::cin, answer) && (answer == "y" || answer == "Y" || answer == "yes");
}

void run_event_rm(const EventRmOptions& opts, Context& ctx) {
    auto id = parse_id(opts.id, "event");
    if (!opts.yes && !ctx.interactive())
        throw InputError(
            fmt::format("event rm {}: not on a terminal, so nothing was deleted; add --yes to confirm", opts.id));
    auto& diary = ctx.diary(Access::write);
    auto event = get_event(diary, id);
    if (!opts.yes && !confirmed(ctx, event)) {
        ctx.err << "Kept event " << id << ".\n";
        return;
    }
    remove_event(diary, id);
    ctx.out << fmt::format("Deleted event {}.\n", id);
}

void setup_event_add(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("add", "Record an event (appointments and infusions may be booked ahead)");
    auto opts = std::make_shared<EventAddOptions>();
    cmd->add_option("KIND", opts->kind, fmt::format("What happened: {}", kinds_help))->required();
    opts->at_option = cmd->add_option("--at", opts->at,
                                      "When (default now): 2026-11-22, 2026-11-22T08:30, today, yesterday")
                          ->type_name("WHEN");
    cmd->add_option("--label", opts->label, "Short name, e.g. the drug and dose or the clinic")->type_name("TEXT");
    cmd->add_option("--note", opts->note, "Free-text note")->type_name("TEXT");
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_event_add(*opts, ctx); });
}

void setup_event_list(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("list", "List events in time order, booked ones and their checks included");
    auto opts = std::make_shared<EventListOptions>();
    opts->kind_option =
        cmd->add_option("--kind", opts->kind, fmt::format("Only this kind: {}", kinds_help))->type_name("KIND");
    add_format_option(*cmd, opts->format, {"table", "csv", "json"});
    cmd->callback([opts, &ctx] { run_event_list(*opts, ctx); });
}

void setup_event_edit(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("edit", "Change an event's kind, time, label or note");
    auto opts = std::make_shared<EventEditOptions>();
    cmd->add_option("ID", opts->id, "Event id (from painlog event list)")->required();
    opts->kind_option = cmd->add_option("--kind", opts->kind, fmt::format("New kind: {}", kinds_help))->type_name("KIND");
    opts->at_option = cmd->add_option("--at", opts->at, "New time: 2026-11-22, 2026-11-22T08:30, today, yesterday")
                          ->type_name("WHEN");
    opts->label_option = cmd->add_option("--label", opts->label, "New label ('' clears it)")->type_name("TEXT");
    opts->note_option = cmd->add_option("--note", opts->note, "New note ('' clears it)")->type_name("TEXT");
    opts->not_given_option =
        cmd->add_option("--not-given", opts->not_given,
                        "The booked event did not happen: postponed or cancelled (it never anchors a response)")
            ->type_name("REASON");
    auto* given = cmd->add_flag("--given", opts->given, "Take back --not-given: the event happened, or will");
    given->excludes(opts->not_given_option);
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_event_edit(*opts, ctx); });
}

void setup_event_show(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("show", "One event in full: where it stands and, for an infusion, its check");
    auto opts = std::make_shared<EventShowOptions>();
    cmd->add_option("ID", opts->id, "Event id (from painlog event list)")->required();
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, &ctx] { run_event_show(*opts, ctx); });
}

void setup_event_rm(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("rm", "Delete an event (asks first on a terminal)");
    auto opts = std::make_shared<EventRmOptions>();
    cmd->add_option("ID", opts->id, "Event id (from painlog event list)")->required();
    cmd->add_flag("-y,--yes", opts->yes, "Delete without asking (needed when not on a terminal)");
    cmd->callback([opts, &ctx] { run_event_rm(*opts, ctx); });
}

}  // namespace

void setup_event(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("event", "Infusions, appointments, medication changes: add, list, show, edit, rm");
    cmd->require_subcommand(1);
    setup_event_add(*cmd, ctx);
    setup_event_list(*cmd, ctx);
    setup_event_edit(*cmd, ctx);
    setup_event_show(*cmd, ctx);
    setup_event_rm(*cmd, ctx);
}

}  // namespace painlog::cli
