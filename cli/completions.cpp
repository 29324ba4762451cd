// SPDX-License-Identifier: GPL-3.0-or-later
// Hidden commands behind shell completion. They walk the same CLI11 command
// tree that --help prints, at TAB time, so completion cannot drift from the
// code: a command or option added anywhere is completed without touching
// this file or the scripts in share/completions.
//
//   painlog _complete -- WORD... CURRENT
//       Candidates for CURRENT, the word under the cursor, after the WORDs
//       typed so far (without the leading "painlog"). The first line is a
//       directive, "words" or "files" (let the shell complete file names);
//       each further line is a candidate, a tab, and its description.
//   painlog _values KIND [COMMAND...]
//       One kind of value, same format without the directive: commands and
//       options (of COMMAND...), tags, metrics, events, entries, settings.
//   painlog completions bash|zsh|fish
//       The completion script for a shell, exactly as installed.
//
// What an option's value completes to is read from the tree (for a
// positional, its name stands for the type name: ID, KEY, FILE):
//   - an IsMember check (--format, --color): its choices;
//   - type name TAG: the diary's tags (--tag activity, --better, --worse,
//     --side-effect: that kind only);
//   - type name DOSE or MEDICINE: the medicines of the diary's doses, most
//     taken first, then the generic names of painlog's vocabulary;
//   - type name ID below a command named `med`: recent dose ids;
//   - type name REGION or QUALITY: the body regions (and both-sides groups)
//     or pain qualities, those of the diary most used first, then the rest
//     of the vocabulary in its order;
//   - type name METRIC or an option named --metric: metric names;
//   - type name KEY below `config`: setting names;
//   - type name EVENT, an option named --event or --infusion, or type name ID
//     below a command named `event`: event ids; type name ID elsewhere:
//     recent entry ids;
//   - type name KIND below `event`: event kinds;
//   - type name PATH, FILE or DIR: file names;
//   - type name WHEN: today, yesterday.
// Anything else (N, TEXT, HOURS...) has no candidates. Diary values come
// from the diary that --db among the WORDs, $PAINLOG_DB or the default names;
// a missing or unreadable diary gives none, and is never created.

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "completion_scripts.hpp"
#include "context.hpp"
#include "painlog/model/body.hpp"
#include "painlog/model/daily.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/analysis/medicine_use.hpp"
#include "painlog/util/error.hpp"
#include "painlog/model/event.hpp"
#include "painlog/store/lookup.hpp"
#include "painlog/model/settings.hpp"
#include "painlog/util/text.hpp"

namespace painlog::cli {
namespace {

struct Candidate {
    std::string word;
    std::string description;
};

// --- the command tree ---------------------------------------------------

bool visible(const CLI::App* cmd) { return !cmd->get_group().empty(); }

std::vector<CLI::App*> visible_subcommands(CLI::App& cmd) {
    return cmd.get_subcommands([](CLI::App* sub) { return visible(sub); });
}

CLI::App* find_subcommand(CLI::App& cmd, std::string_view name) {
    for (auto* sub : visible_subcommands(cmd))
        if (sub->get_name() == name) return sub;
    return nullptr;
}

// The option called `name` (--long or -s) in `cmd` or, as with fallthrough,
// in a command above it.
CLI::Option* find_option(CLI::App* cmd, std::string_view name) {
    for (; cmd != nullptr; cmd = cmd->get_parent()) {
        for (auto* opt : cmd->get_options()) {
            for (const auto& lname : opt->get_lnames())
                if (name == "--" + lname) return opt;
            for (const auto& sname : opt->get_snames())
                if (name == "-" + sname) return opt;
        }
    }
    return nullptr;
}

// Flags expect no value (CLI11 sets expected(0) for them).
bool takes_value(const CLI::Option* opt) { return opt->get_expected_max() > 0 && opt->get_type_size_max() > 0; }

std::vector<std::string> path_of(const CLI::App* cmd) {
    std::vector<std::string> path;
    for (; cmd != nullptr && cmd->get_parent() != nullptr; cmd = cmd->get_parent())
        path.insert(path.begin(), cmd->get_name());
    return path;
}

bool below(const CLI::App* cmd, std::string_view name) {
    for (const auto& part : path_of(cmd))
        if (part == name) return true;
    return false;
}

// Every name of every option of `cmd` and of the commands above it (global
// options fall through), long names first.
std::vector<Candidate> option_candidates(CLI::App* cmd) {
    std::vector<Candidate> out;
    auto add = [&out](std::string word, const std::string& description) {
        for (const auto& candidate : out)
            if (candidate.word == word) return;  // --help is on every level
        out.push_back({std::move(word), description});
    };
    for (; cmd != nullptr; cmd = cmd->get_parent()) {
        for (auto* opt : cmd->get_options([](CLI::Option* o) { return o->nonpositional() && !o->get_group().empty(); })) {
            for (const auto& lname : opt->get_lnames()) add("--" + lname, opt->get_description());
            for (const auto& sname : opt->get_snames()) add("-" + sname, opt->get_description());
        }
    }
    return out;
}

std::vector<Candidate> command_candidates(CLI::App& cmd) {
    std::vector<Candidate> out;
    for (auto* sub : visible_subcommands(cmd)) out.push_back({sub->get_name(), sub->get_description()});
    return out;
}

// The choices of an IsMember check, whose description reads "{a,b,c}".
std::vector<std::string> member_choices(CLI::Option* opt) {
    for (int i = 0;; ++i) {
        CLI::Validator* validator = nullptr;
        try {
            validator = opt->get_validator(i);
        } catch (const CLI::OptionNotFound&) {
            return {};
        }
        auto text = validator->get_description();
        if (text.size() < 2 || text.front() != '{' || text.back() != '}') continue;
        std::vector<std::string> choices;
        std::string_view rest(text);
        rest = rest.substr(1, rest.size() - 2);
        while (!rest.empty()) {
            auto comma = rest.find(',');
            choices.emplace_back(rest.substr(0, comma));
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        return choices;
    }
}

// --- values from the diary ----------------------------------------------

class DiaryValues {
public:
    explicit DiaryValues(std::optional<std::string> db_flag) : db_flag_(std::move(db_flag)) {}

    // The diary, when one exists and opens; never created here.
    Diary* diary() {
        if (tried_) return diary_ ? &*diary_ : nullptr;
        tried_ = true;
        try {
            auto path = locate_diary(db_flag_.value_or(""));
            if (std::filesystem::is_regular_file(path)) diary_.emplace(Diary::open(path, Access::read));
        } catch (const std::exception&) {
            // Completion offers what it can; an unreadable diary offers nothing.
        }
        return diary_ ? &*diary_ : nullptr;
    }

private:
    std::optional<std::string> db_flag_;
    bool tried_ = false;
    std::optional<Diary> diary_;
};

std::vector<Candidate> tag_candidates(DiaryValues& values, std::optional<TagKind> kind) {
    std::vector<Candidate> out;
    auto* diary = values.diary();
    if (diary == nullptr) return out;
    try {
        for (const auto& use : tag_uses(*diary, kind))
            out.push_back({use.name, fmt::format("{}, {} {}", name_of(use.kind), use.entries,
                                                 use.entries == 1 ? "entry" : "entries")});
    } catch (const std::exception&) {
    }
    return out;
}

std::vector<Candidate> event_candidates(DiaryValues& values) {
    std::vector<Candidate> out;
    auto* diary = values.diary();
    if (diary == nullptr) return out;
    try {
        auto all = events(*diary);
        for (auto it = all.rbegin(); it != all.rend(); ++it)  // most recent first
            out.push_back({std::to_string(it->id),
                           fmt::format("{} {}{}{}", format_day(it->day), name_of(it->kind),
                                       it->label.empty() ? "" : ": ", one_line(it->label))});
    } catch (const std::exception&) {
    }
    return out;
}

std::vector<Candidate> entry_candidates(DiaryValues& values) {
    constexpr std::size_t recent = 30;
    std::vector<Candidate> out;
    auto* diary = values.diary();
    if (diary == nullptr) return out;
    try {
        auto entries = diary->entries({.from = std::nullopt, .to = std::nullopt, .last = recent});
        for (auto it = entries.rbegin(); it != entries.rend(); ++it)
            out.push_back({std::to_string(it->id), fmt::format("{} {}", format_day(it->day), one_line(entry_brief(*it)))});
    } catch (const std::exception&) {
    }
    return out;
}

std::vector<Candidate> medicine_candidates(DiaryValues& values) {
    std::vector<Candidate> out;
    if (auto* diary = values.diary()) {
        try {
            std::map<std::string, int> taken;
            for (const auto& d : doses_in(*diary, std::nullopt, std::nullopt)) ++taken[canonical_medicine(d.medicine)];
            std::vector<std::pair<std::string, int>> order(taken.begin(), taken.end());
            std::ranges::stable_sort(order, std::greater{}, &std::pair<std::string, int>::second);
            for (const auto& [name, count] : order)
                out.push_back({name, fmt::format("{} {}", count, count == 1 ? "dose" : "doses")});
        } catch (const std::exception&) {
        }
    }
    for (const auto& info : medicine_vocabulary()) {
        std::string name(info.name);
        if (std::ranges::find(out, name, &Candidate::word) != out.end()) continue;
        auto classes = classes_text(&info);
        out.push_back({name, fmt::format("{}{}{}", info.atc, classes.empty() ? "" : ", ", classes)});
    }
    return out;
}

std::vector<Candidate> dose_candidates(DiaryValues& values) {
    constexpr std::size_t recent = 30;
    std::vector<Candidate> out;
    auto* diary = values.diary();
    if (diary == nullptr) return out;
    try {
        auto doses = doses_in(*diary, std::nullopt, std::nullopt);
        for (auto it = doses.rbegin(); it != doses.rend() && out.size() < recent; ++it)
            out.push_back({std::to_string(it->id), fmt::format("{} {}", format_day(it->day), dose_brief(*it))});
    } catch (const std::exception&) {
    }
    return out;
}

// The diary's names most used first, then the vocabulary's others.
template <typename Vocabulary>
std::vector<Candidate> body_candidates(DiaryValues& values, std::vector<NameUse> (*uses)(Diary&, std::optional<Day>),
                                       Vocabulary vocabulary) {
    std::vector<Candidate> out;
    auto label = [&](std::string_view name) -> std::string_view {
        auto it = std::ranges::find(vocabulary, name, &std::ranges::range_value_t<Vocabulary>::name);
        return it == vocabulary.end() ? std::string_view{} : it->label;
    };
    if (auto* diary = values.diary()) {
        try {
            for (const auto& use : uses(*diary, std::nullopt))
                out.push_back({use.name, fmt::format("{}, {} {}", label(use.name), use.entries,
                                                     use.entries == 1 ? "entry" : "entries")});
        } catch (const std::exception&) {
        }
    }
    for (const auto& item : vocabulary)
        if (std::ranges::find(out, item.name, &Candidate::word) == out.end())
            out.push_back({std::string(item.name), std::string(item.label)});
    return out;
}

std::vector<Candidate> region_candidates(DiaryValues& values) {
    auto out = body_candidates(values, region_uses, body_regions());
    for (const auto& g : region_groups()) out.push_back({std::string(g.name), fmt::format("{} and {}", g.left, g.right)});
    return out;
}

std::vector<Candidate> quality_candidates(DiaryValues& values) {
    return body_candidates(values, quality_uses, pain_qualities());
}

std::vector<Candidate> metric_candidates() {
    std::vector<Candidate> out;
    for (auto metric : all_metrics) out.push_back({std::string(name_of(metric)), ""});
    return out;
}

std::vector<Candidate> setting_candidates() {
    std::vector<Candidate> out;
    for (const auto& spec : setting_specs()) out.push_back({std::string(spec.key), std::string(spec.description)});
    return out;
}

std::vector<Candidate> event_kind_candidates() {
    std::vector<Candidate> out;
    for (auto kind : all_event_kinds) out.push_back({std::string(name_of(kind)), ""});
    return out;
}

// --- what an option or positional completes to --------------------------

struct Values {
    bool files = false;
    std::vector<Candidate> candidates;
};

std::optional<TagKind> tag_kind_of_option(const CLI::Option* opt) {
    auto lnames = opt->get_lnames();
    if (lnames.empty()) return std::nullopt;
    const auto& name = lnames.front();
    if (name == "tag") return TagKind::activity;
    return tag_kind_named(name);  // better, worse, side-effect
}

bool named(const CLI::Option* opt, std::string_view name) {
    for (const auto& lname : opt->get_lnames())
        if (lname == name) return true;
    return false;
}

Values values_for(const CLI::App* cmd, CLI::Option* opt, DiaryValues& diary) {
    if (auto choices = member_choices(opt); !choices.empty()) {
        Values values;
        for (auto& choice : choices) values.candidates.push_back({std::move(choice), ""});
        return values;
    }
    // A positional is known by its name (ID, KEY, FILE); an option by its type name.
    const auto type = opt->get_positional() ? opt->get_name(true) : opt->get_type_name();
    if (type == "PATH" || type == "FILE" || type == "DIR") return {true, {}};
    if (type == "TAG") return {false, tag_candidates(diary, tag_kind_of_option(opt))};
    if (type == "DOSE" || type == "MEDICINE") return {false, medicine_candidates(diary)};
    if (type == "ID" && below(cmd, "med")) return {false, dose_candidates(diary)};
    if (type == "REGION") return {false, region_candidates(diary)};
    if (type == "QUALITY") return {false, quality_candidates(diary)};
    if (type == "METRIC" || named(opt, "metric")) return {false, metric_candidates()};
    if (type == "KEY" && below(cmd, "config")) return {false, setting_candidates()};
    if (type == "EVENT" || named(opt, "event") || named(opt, "infusion") || (type == "ID" && below(cmd, "event")))
        return {false, event_candidates(diary)};
    if (type == "ID") return {false, entry_candidates(diary)};
    if (type == "KIND" && below(cmd, "event")) return {false, event_kind_candidates()};
    if (type == "WHEN") return {false, {{"today", ""}, {"yesterday", ""}}};
    return {};
}

// The positional that the next plain word fills, after `seen` of them.
CLI::Option* positional_slot(CLI::App& cmd, std::size_t seen) {
    for (auto* opt : cmd.get_options([](CLI::Option* o) { return o->get_positional(); })) {
        auto takes = static_cast<std::size_t>(std::max(opt->get_items_expected_max(), 1));
        if (seen < takes) return opt;
        seen -= takes;
    }
    return nullptr;
}

// --- the engine ---------------------------------------------------------

struct Completion {
    bool files = false;
    std::vector<Candidate> candidates;
};

Completion complete(CLI::App& root, const std::vector<std::string>& words, const std::string& current) {
    CLI::App* cmd = &root;
    CLI::Option* pending = nullptr;  // an option waiting for its value
    std::size_t positionals = 0;     // plain words given to `cmd`
    bool only_positionals = false;   // after "--"
    std::optional<std::string> db;
    const CLI::Option* db_option = find_option(&root, "--db");

    for (const auto& word : words) {
        if (pending != nullptr) {
            if (pending == db_option) db = word;
            pending = nullptr;
            continue;
        }
        if (!only_positionals && word == "--") {
            only_positionals = true;
            continue;
        }
        if (!only_positionals && word.size() > 1 && word.front() == '-') {
            auto eq = word.find('=');
            auto* opt = find_option(cmd, word.substr(0, eq));
            if (opt == nullptr) continue;
            if (eq != std::string::npos) {
                if (opt == db_option) db = word.substr(eq + 1);
            } else if (takes_value(opt)) {
                pending = opt;
            }
            continue;
        }
        if (!only_positionals) {
            if (auto* sub = find_subcommand(*cmd, word)) {
                cmd = sub;
                positionals = 0;
                continue;
            }
        }
        ++positionals;
    }

    DiaryValues diary(db);
    Completion result;
    std::string prefix;  // put before each value, for --option=value
    if (pending != nullptr) {
        auto values = values_for(cmd, pending, diary);
        result = {values.files, std::move(values.candidates)};
    } else if (!only_positionals && current.starts_with("--") && current.find('=') != std::string::npos) {
        auto eq = current.find('=');
        if (auto* opt = find_option(cmd, current.substr(0, eq)); opt != nullptr && takes_value(opt)) {
            auto values = values_for(cmd, opt, diary);
            prefix = current.substr(0, eq + 1);
            result = {values.files, std::move(values.candidates)};
        }
    } else if (!only_positionals && current.starts_with("-")) {
        result.candidates = option_candidates(cmd);
    } else if (auto subs = command_candidates(*cmd); !subs.empty() && !only_positionals) {
        result.candidates = std::move(subs);
    } else if (auto* slot = positional_slot(*cmd, positionals)) {
        auto values = values_for(cmd, slot, diary);
        result = {values.files, std::move(values.candidates)};
    } else if (!only_positionals) {
        result.candidates = option_candidates(cmd);
    }

    std::vector<Candidate> matching;
    for (auto& candidate : result.candidates) {
        candidate.word = prefix + candidate.word;
        if (candidate.word.starts_with(current)) matching.push_back(std::move(candidate));
    }
    result.candidates = std::move(matching);
    return result;
}

void print_candidates(std::ostream& out, const std::vector<Candidate>& candidates) {
    for (const auto& candidate : candidates) {
        out << candidate.word;
        if (!candidate.description.empty()) out << '\t' << one_line(candidate.description);
        out << '\n';
    }
}

// --- the hidden commands ------------------------------------------------

struct CompleteOptions {
    std::vector<std::string> words;
};

void run_complete(CLI::App& root, const CompleteOptions& opts, Context& ctx) {
    auto words = opts.words;
    std::string current;
    if (!words.empty()) {
        current = words.back();
        words.pop_back();
    }
    auto completion = complete(root, words, current);
    ctx.out << (completion.files ? "files\n" : "words\n");
    print_candidates(ctx.out, completion.candidates);
}

struct ValuesOptions {
    std::string kind;
    std::vector<std::string> command;
};

CLI::App& command_at(CLI::App& root, const std::vector<std::string>& path) {
    CLI::App* cmd = &root;
    for (const auto& name : path) {
        cmd = find_subcommand(*cmd, name);
        if (cmd == nullptr) throw InputError(fmt::format("_values: no command painlog {}", fmt::join(path, " ")));
    }
    return *cmd;
}

void run_values(CLI::App& root, const ValuesOptions& opts, Context& ctx) {
    if ((opts.kind != "commands" && opts.kind != "options") && !opts.command.empty())
        throw InputError(fmt::format("_values {}: takes no command", opts.kind));
    DiaryValues diary(ctx.global.db.empty() ? std::nullopt : std::optional(ctx.global.db));
    std::vector<Candidate> out;
    if (opts.kind == "commands") out = command_candidates(command_at(root, opts.command));
    else if (opts.kind == "options") out = option_candidates(&command_at(root, opts.command));
    else if (opts.kind == "tags") out = tag_candidates(diary, std::nullopt);
    else if (opts.kind == "metrics") out = metric_candidates();
    else if (opts.kind == "events") out = event_candidates(diary);
    else if (opts.kind == "entries") out = entry_candidates(diary);
    else if (opts.kind == "settings") out = setting_candidates();
    else if (opts.kind == "medicines") out = medicine_candidates(diary);
    else if (opts.kind == "doses") out = dose_candidates(diary);
    else if (opts.kind == "regions") out = region_candidates(diary);
    else if (opts.kind == "qualities") out = quality_candidates(diary);
    print_candidates(ctx.out, out);
}

void run_script(const std::string& shell, Context& ctx) {
    if (shell == "bash") ctx.out << completion_script_bash;
    else if (shell == "zsh") ctx.out << completion_script_zsh;
    else ctx.out << completion_script_fish;
}

}  // namespace

void setup_completions(CLI::App& app, Context& ctx) {
    // Hidden (empty group): not in --help, not completed, not in the man page test.
    auto* complete_cmd = app.add_subcommand("_complete", "Completion candidates for the shell scripts")->group("");
    auto complete_opts = std::make_shared<CompleteOptions>();
    complete_cmd->add_option("WORD", complete_opts->words, "The words typed after painlog, the current one last");
    complete_cmd->callback([&app, complete_opts, &ctx] { run_complete(app, *complete_opts, ctx); });

    auto* values_cmd = app.add_subcommand("_values", "One kind of value, for scripts")->group("");
    auto values_opts = std::make_shared<ValuesOptions>();
    values_cmd->add_option("KIND", values_opts->kind, "What to list")
        ->required()
        ->check(CLI::IsMember({"commands", "options", "tags", "metrics", "events", "entries", "settings", "medicines",
                               "doses", "regions", "qualities"}));
    values_cmd->add_option("COMMAND", values_opts->command, "For commands and options: the command path");
    values_cmd->callback([&app, values_opts, &ctx] { run_values(app, *values_opts, ctx); });

    auto* script_cmd = app.add_subcommand("completions", "Print the completion script for a shell")->group("");
    auto shell = std::make_shared<std::string>();
    script_cmd->add_option("SHELL", *shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
    script_cmd->callback([shell, &ctx] { run_script(*shell, ctx); });
}

}  // namespace painlog::cli
