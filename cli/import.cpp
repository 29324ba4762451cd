// painlog import: painlog's own CSV and JSON exports and Daylio's CSV, all
// validated before anything is written, then written in one transaction.

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/daylio.hpp"
#include "painlog/error.hpp"
#include "painlog/import.hpp"
#include "painlog/paths.hpp"

namespace painlog::cli {
namespace {

struct ImportOptions {
    std::string file, format;
    bool dry_run = false;
    std::vector<std::string> daylio_moods;
};

std::string read_input(const std::string& file) {
    if (file == "-") {
        if (::isatty(STDIN_FILENO)) throw InputError("-: standard input is a terminal; expected a file piped in");
        return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    }
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) throw InputError(fmt::format("{}: is a directory; expected a file", file));
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: cannot read: {}", file, std::strerror(errno)));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw RuntimeError(fmt::format("{}: cannot read", file));
    return buffer.str();
}

std::string detect_format(const std::string& file, std::string_view text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (file.ends_with(".json") || (first != std::string_view::npos && text[first] == '{')) return "json";
    return looks_like_daylio(text) ? "daylio" : "csv";
}

std::filesystem::path diary_location(const Context& ctx) {
    auto env = [](const char* name) {
        const char* value = std::getenv(name);
        return value ? std::optional<std::string>(value) : std::nullopt;
    };
    return diary_path({ctx.global.db.empty() ? std::nullopt : std::optional(ctx.global.db), env("PAINLOG_DB"),
                       env("XDG_DATA_HOME"), env("HOME")});
}

// A progress bar on stderr, only on a terminal and only once the import has
// taken more than half a second.
class ProgressBar {
public:
    explicit ProgressBar(std::ostream& err)
        : err_(err), on_terminal_(::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}
    ~ProgressBar() {
        if (drawn_) err_ << "\r\033[K" << std::flush;
    }
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    void update(std::size_t done, std::size_t total) {
        if (!on_terminal_ || total == 0) return;
        if (!drawn_ && std::chrono::steady_clock::now() - start_ < std::chrono::milliseconds(500)) return;
        constexpr std::size_t width = 30;
        auto filled = done * width / total;
        err_ << fmt::format("\rimporting [{}{}] {:3}% {}/{}", std::string(filled, '#'), std::string(width - filled, '.'),
                            done * 100 / total, done, total)
             << std::flush;
        drawn_ = true;
    }

private:
    std::ostream& err_;
    bool on_terminal_;
    std::chrono::steady_clock::time_point start_;
    bool drawn_ = false;
};

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "Imported 3 entries and 1 event from a.json; skipped 2 entries already in the diary."
std::string summary(const ImportCounts& c, const std::string& name, DryRun dry_run) {
    std::vector<std::string> added, skipped;
    bool others = c.events_added + c.events_skipped + c.results_added + c.results_skipped > 0;
    if (c.entries_added + c.entries_skipped > 0 || !others) added.push_back(plural(c.entries_added, "entry", "entries"));
    if (c.entries_skipped > 0) skipped.push_back(plural(c.entries_skipped, "entry", "entries"));
    if (c.events_added + c.events_skipped > 0) added.push_back(plural(c.events_added, "event", "events"));
    if (c.events_skipped > 0) skipped.push_back(plural(c.events_skipped, "event", "events"));
    if (c.results_added + c.results_skipped > 0)
        added.push_back(plural(c.results_added, "questionnaire result", "questionnaire results"));
    if (c.results_skipped > 0)
        skipped.push_back(plural(c.results_skipped, "questionnaire result", "questionnaire results"));
    auto join = [](const std::vector<std::string>& parts) {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i)
            out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
        return out;
    };
    auto text = fmt::format("{} {} from {}", dry_run == DryRun::yes ? "Would import" : "Imported", join(added), name);
    if (!skipped.empty())
        text += fmt::format("; {} {} already in the diary", dry_run == DryRun::yes ? "would skip" : "skipped",
                            join(skipped));
    return text + (dry_run == DryRun::yes ? "; nothing was written (--dry-run).\n" : ".\n");
}

void run_import(const ImportOptions& opts, Context& ctx) {
    auto text = read_input(opts.file);
    auto name = opts.file == "-" ? std::string("stdin") : opts.file;
    auto format = opts.format == "auto" ? detect_format(opts.file, text) : opts.format;
    if (!opts.daylio_moods.empty() && format != "daylio")
        throw InputError(fmt::format("--daylio-mood: only applies to --format daylio (this file is read as {})", format));
    // Open the diary first so that the day-start hour is known. A dry run
    // against a diary that does not exist yet uses an empty one in memory,
    // so that it creates no file.
    std::optional<Diary> scratch;
    if (opts.dry_run && !std::filesystem::exists(diary_location(ctx))) scratch.emplace(Diary::in_memory());
    auto& diary = scratch ? *scratch : ctx.diary(opts.dry_run ? Access::read : Access::write);
    const auto& time = ctx.time();
    ImportRules rules{time.now, time.day_start_hour};
    ParsedImport parsed;
    if (format == "json") {
        parsed = parse_painlog_json(text, rules);
    } else if (format == "daylio") {
        DaylioOptions daylio{rules, time.zone, {}};
        for (const auto& mapping : opts.daylio_moods) {
            auto [label, mood] = parse_daylio_mood(mapping, "--daylio-mood");
            daylio.moods[label] = mood;
        }
        parsed = parse_daylio_csv(text, daylio);
    } else {
        parsed = parse_painlog_csv(text, rules);
    }
    if (!parsed.problems.empty()) {
        const auto& problems = parsed.problems;
        if (opts.dry_run) {
            for (std::size_t i = 0; i + 1 < problems.size(); ++i) ctx.err << "painlog: " << describe(problems[i], name) << '\n';
            throw InputError(describe(problems.back(), name) + "; nothing was imported");
        }
        auto more = problems.size() > 1
                        ? fmt::format(" (and {}{} more; painlog import --dry-run lists them)",
                                      problems.size() >= max_import_problems ? "at least " : "", problems.size() - 1)
                        : "";
        throw InputError(describe(problems.front(), name) + more + "; nothing was imported");
    }
    ProgressBar bar(ctx.err);
    auto counts = import_data(diary, parsed.data, opts.dry_run ? DryRun::yes : DryRun::no,
                              [&bar](std::size_t done, std::size_t total) { bar.update(done, total); });
    ctx.out << summary(counts, name, opts.dry_run ? DryRun::yes : DryRun::no);
}

}  // namespace

void setup_import(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("import", "Add entries from a painlog CSV or JSON export or a Daylio CSV export");
    auto opts = std::make_shared<ImportOptions>();
    cmd->add_option("FILE", opts->file, "The file to import (- for standard input)")->required();
    add_format_option(*cmd, opts->format, {"auto", "csv", "json", "daylio"}, "Format of FILE (auto: told by its name and content)");
    cmd->add_flag("--dry-run", opts->dry_run, "Check the file and say what would be imported; write nothing");
    cmd->add_option("--daylio-mood", opts->daylio_moods,
                    "Map a Daylio mood label to 0-10, like 'ecstatic=10' (repeatable)")
        ->type_name("LABEL=N")
        ->allow_extra_args(false);
    cmd->callback([opts, &ctx] { run_import(*opts, ctx); });
}

}  // namespace painlog::cli
