// SPDX-License-Identifier: GPL-3.0-or-later
// painlog import: painlog's own CSV and JSON exports and Daylio's CSV, all
// validated before anything is written, then written in one transaction.

#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <streambuf>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "sealing.hpp"
#include "painlog/formats/daylio.hpp"
#include "painlog/formats/import_plan.hpp"
#include "painlog/formats/painlog_csv.hpp"
#include "painlog/formats/painlog_json.hpp"
#include "painlog/util/error.hpp"

namespace painlog::cli {
namespace {

struct ImportOptions {
    std::string file, format;
    bool dry_run = false;
    std::vector<std::string> daylio_moods;
    OpenOptions open;
};

std::istream& open_input(const std::string& file, std::ifstream& opened) {
    if (file == "-") {
        if (::isatty(STDIN_FILENO)) throw InputError("-: standard input is a terminal; expected a file piped in");
        return std::cin;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) throw InputError(fmt::format("{}: is a directory; expected a file", file));
    opened.open(file, std::ios::binary);
    if (!opened) throw InputError(fmt::format("{}: cannot read: {}", file, std::strerror(errno)));
    return opened;
}

// The start of the input, enough to tell its format: up to its first
// character that is not white space and the end of its first line, or
// 64 KiB (a file of NULs, or /dev/zero, has no first line).
std::string read_head(std::istream& in, const std::string& name) {
    constexpr std::size_t enough = 64 * 1024;
    std::string head;
    bool text = false, line = false;
    char c = 0;
    while (!(text && line) && head.size() < enough && in.get(c)) {
        head += c;
        if (c == '\n') line = true;
        else if (c != ' ' && c != '\t' && c != '\r') text = true;
    }
    if (in.bad()) throw RuntimeError(fmt::format("{}: cannot read", name));
    return head;
}

// Serves the head, already read to tell the format, then the rest of the
// input, so that the readers see it whole without it being held whole.
class HeadThenRest : public std::streambuf {
public:
    HeadThenRest(std::string head, std::istream& rest, std::string name)
        : head_(std::move(head)), rest_(rest), name_(std::move(name)) {
        setg(head_.data(), head_.data(), head_.data() + head_.size());
        delivered_ = head_.size();
    }
    [[nodiscard]] std::string_view head() const { return head_; }
    // Bytes handed on so far, for the progress bar.
    [[nodiscard]] std::uintmax_t delivered() const { return delivered_; }

protected:
    int_type underflow() override {
        rest_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        if (rest_.bad()) throw RuntimeError(fmt::format("{}: cannot read", name_));
        auto n = static_cast<std::size_t>(rest_.gcount());
        if (n == 0) return traits_type::eof();
        delivered_ += n;
        setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
        return traits_type::to_int_type(buffer_[0]);
    }

private:
    std::string head_;
    std::istream& rest_;
    std::string name_;
    std::array<char, 64 * 1024> buffer_{};
    std::uintmax_t delivered_ = 0;
};

std::string detect_format(const std::string& file, std::string_view head) {
    auto first = head.find_first_not_of(" \t\r\n");
    auto name = std::string_view(file);
    if (name.ends_with(".age")) name.remove_suffix(4);
    if (name.ends_with(".json") || (first != std::string_view::npos && head[first] == '{')) return "json";
    return looks_like_daylio(head) ? "daylio" : "csv";
}

// A progress bar on stderr, only on a terminal and only once the import has
// taken more than half a second.
class ProgressBar {
public:
    explicit ProgressBar(std::ostream& err)
        : err_(err), on_terminal_(::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}
    ~ProgressBar() { clear(); }
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    // `records` written, having read `read` bytes of `size` (when known).
    void update(std::size_t records, std::uintmax_t read, std::optional<std::uintmax_t> size) {
        if (!on_terminal_) return;
        if (!drawn_ && std::chrono::steady_clock::now() - start_ < std::chrono::milliseconds(500)) return;
        constexpr std::uintmax_t width = 30;
        if (size && *size > 0) {
            auto filled = std::min(read, *size) * width / *size;
            err_ << fmt::format("\rimporting [{}{}] {:3}% {} records", std::string(filled, '#'),
                                std::string(width - filled, '.'), filled * 100 / width, records);
        } else {
            err_ << fmt::format("\rimporting {} records", records);
        }
        err_ << std::flush;
        drawn_ = true;
    }

    // Erases the bar, so that what follows on the terminal (the result on
    // stdout, or a problem on stderr) starts on a clean line.
    void clear() {
        if (!drawn_) return;
        err_ << "\r\033[K" << std::flush;
        drawn_ = false;
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
    bool others =
        c.events_added + c.events_skipped + c.results_added + c.results_skipped + c.doses_added + c.doses_skipped > 0;
    if (c.entries_added + c.entries_skipped > 0 || !others) added.push_back(plural(c.entries_added, "entry", "entries"));
    if (c.entries_skipped > 0) skipped.push_back(plural(c.entries_skipped, "entry", "entries"));
    if (c.events_added + c.events_skipped > 0) added.push_back(plural(c.events_added, "event", "events"));
    if (c.events_skipped > 0) skipped.push_back(plural(c.events_skipped, "event", "events"));
    if (c.results_added + c.results_skipped > 0)
        added.push_back(plural(c.results_added, "questionnaire result", "questionnaire results"));
    if (c.results_skipped > 0)
        skipped.push_back(plural(c.results_skipped, "questionnaire result", "questionnaire results"));
    if (c.doses_added + c.doses_skipped > 0) added.push_back(plural(c.doses_added, "dose", "doses"));
    if (c.doses_skipped > 0) skipped.push_back(plural(c.doses_skipped, "dose", "doses"));
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

[[noreturn]] void refuse(const std::vector<ImportProblem>& problems, const std::string& name, bool dry_run,
                         std::ostream& err) {
    if (dry_run) {
        for (std::size_t i = 0; i + 1 < problems.size(); ++i) err << "painlog: " << describe(problems[i], name) << '\n';
        throw InputError(describe(problems.back(), name) + "; nothing was imported");
    }
    auto more = problems.size() > 1
                    ? fmt::format(" (and {}{} more; painlog import --dry-run lists them)",
                                  problems.size() >= max_import_problems ? "at least " : "", problems.size() - 1)
                    : "";
    throw InputError(describe(problems.front(), name) + more + "; nothing was imported");
}

// The plaintext of an age file, read by `reader`, as the importers read
// any input: its head told apart from the rest.
struct Unsealed {
    std::optional<age::Reader> reader;
    std::optional<std::istream> plain;
    std::optional<HeadThenRest> buffer;
    std::optional<std::istream> input;
};

// The input, and its plaintext when it is an age file. Every stream of
// the chain lets a damaged chunk's InputError through (exceptions(badbit)):
// an istream would otherwise swallow it and end the input early.
std::istream& unsealed_input(std::istream& input, const HeadThenRest& buffer, Unsealed& unsealed,
                             const ImportOptions& opts, const std::string& name, const Context& ctx) {
    if (!age::is_age(buffer.head())) return input;
    input.exceptions(std::ios::badbit);
    auto& reader = unsealed.reader.emplace(input, name);
    reader.open(keys_for(opts.open, reader, ctx, name));
    auto& plain = unsealed.plain.emplace(&reader);
    plain.exceptions(std::ios::badbit);
    auto& inner = unsealed.buffer.emplace(read_head(plain, name), plain, name);
    auto& result = unsealed.input.emplace(&inner);
    result.exceptions(std::ios::badbit);
    return result;
}

void run_import(const ImportOptions& opts, Context& ctx) {
    std::ifstream file;
    auto& in = open_input(opts.file, file);
    auto name = opts.file == "-" ? std::string("stdin") : opts.file;
    HeadThenRest buffer(read_head(in, name), in, name);
    std::istream outer(&buffer);
    Unsealed unsealed;
    auto& input = unsealed_input(outer, buffer, unsealed, opts, name, ctx);
    auto head = unsealed.buffer ? unsealed.buffer->head() : buffer.head();
    auto format = opts.format == "auto" ? detect_format(opts.file, head) : opts.format;
    if (!opts.daylio_moods.empty() && format != "daylio")
        throw InputError(fmt::format("--daylio-mood: only applies to --format daylio (this file is read as {})", format));
    // Open the diary first so that the day-start hour is known (a new diary
    // gets its file only when the import commits).
    auto& diary = ctx.diary(opts.dry_run ? Access::read : Access::write);
    const auto& time = ctx.time();
    ImportRules rules{time.now, time.day_start_hour};
    auto dry_run = opts.dry_run ? DryRun::yes : DryRun::no;
    std::optional<std::uintmax_t> size;
    std::error_code ec;
    if (auto bytes = std::filesystem::file_size(opts.file, ec); opts.file != "-" && !ec) size = bytes;
    ProgressBar bar(ctx.err);
    auto progress = [&](std::size_t done) { bar.update(done, buffer.delivered(), size); };
    ImportOutcome outcome;
    if (format == "json") {
        outcome = import_records(
            diary, [&](ImportSink& sink) { return read_painlog_json(input, rules, sink); }, dry_run,
            EntryOrder::as_read, progress);
    } else if (format == "daylio") {
        DaylioOptions daylio{rules, time.zone, {}};
        for (const auto& mapping : opts.daylio_moods) {
            auto [label, mood] = parse_daylio_mood(mapping, "--daylio-mood");
            daylio.moods[label] = mood;
        }
        outcome = import_records(
            diary, [&](ImportSink& sink) { return read_daylio_csv(input, daylio, sink); }, dry_run,
            EntryOrder::by_time, progress);
    } else {
        outcome = import_records(
            diary, [&](ImportSink& sink) { return read_painlog_csv(input, rules, sink); }, dry_run,
            EntryOrder::as_read, progress);
    }
    bar.clear();
    if (!outcome.problems.empty()) refuse(outcome.problems, name, opts.dry_run, ctx.err);
    ctx.out << summary(outcome.counts, name, dry_run);
}

}  // namespace

void setup_import(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("import", "Add entries from a painlog CSV or JSON export or a Daylio CSV export, "
                                             "plain or sealed (age)");
    auto opts = std::make_shared<ImportOptions>();
    cmd->add_option("FILE", opts->file, "The file to import (- for standard input)")->required();
    add_format_option(*cmd, opts->format, {"auto", "csv", "json", "daylio"}, "Format of FILE (auto: told by its name and content)");
    cmd->add_flag("--dry-run", opts->dry_run, "Check the file and say what would be imported; write nothing");
    add_open_options(*cmd, opts->open);
    cmd->add_option("--daylio-mood", opts->daylio_moods,
                    "Map a Daylio mood label to 0-10, like 'ecstatic=10' (repeatable)")
        ->type_name("LABEL=N")
        ->allow_extra_args(false);
    cmd->callback([opts, &ctx] { run_import(*opts, ctx); });
}

}  // namespace painlog::cli
