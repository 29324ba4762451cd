// SPDX-License-Identifier: GPL-3.0-or-later
// painlog export: the diary in formats other tools read (CSV, JSON, FHIR R4).

#include <unistd.h>

#include <functional>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "sealing.hpp"
#include "painlog/util/error.hpp"
#include "painlog/formats/export.hpp"

namespace painlog::cli {
namespace {

struct ExportOptions {
    std::string format, since, until, output, what;
    CLI::Option* what_option = nullptr;
    CLI::Option* since_option = nullptr;
    CLI::Option* until_option = nullptr;
    SealOptions seal;
};

// `write` with what it writes sealed in an age file for `seal`.
std::function<void(std::ostream&)> sealed(const age::SealFor& seal, std::function<void(std::ostream&)> write) {
    return [&seal, write = std::move(write)](std::ostream& out) {
        age::Writer writer(out, seal);
        std::ostream plain(&writer);
        write(plain);
        writer.finish();
    };
}

void run_export(const ExportOptions& opts, Context& ctx) {
    auto& diary = ctx.diary(Access::read);
    const auto& time = ctx.time();
    EntryQuery query;
    if (opts.since_option->count() > 0) query.from = parse_since(opts.since, time, "--since");
    if (opts.until_option->count() > 0) query.to = parse_day(opts.until, time, "--until");
    if (query.from && query.to) require_forward_period(*query.from, *query.to);
    if (opts.what_option->count() > 0 && opts.format != "csv")
        throw InputError(fmt::format("--what {}: only applies to --format csv (JSON holds entries, events, "
                                     "questionnaire results and doses; FHIR holds entries, questionnaire results "
                                     "and doses)",
                                     opts.what));
    auto format = opts.format == "json"     ? ExportFormat::json
                  : opts.format == "fhir"   ? ExportFormat::fhir
                  : opts.what == "events" ? ExportFormat::events_csv
                  : opts.what == "doses"  ? ExportFormat::doses_csv
                                          : ExportFormat::entries_csv;
    std::function<void(std::ostream&)> write = [&](std::ostream& out) {
        write_export(diary, format, query.from, query.to, time.now, out);
    };
    bool to_stdout = opts.output.empty() || opts.output == "-";
    auto seal = seal_for(opts.seal);
    if (seal) {
        // An age file is binary: a terminal would show noise, and painlog
        // escapes what it prints there.
        if (to_stdout && ::isatty(STDOUT_FILENO))
            throw InputError("standard output is a terminal; expected -o FILE, or a pipe, for a sealed export");
        write = sealed(*seal, write);
    }
    if (to_stdout) write(ctx.out);
    else write_output_file(opts.output, ctx.diary_path(), write);
}

}  // namespace

void setup_export(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("export", "Write the diary as CSV, JSON or a FHIR R4 bundle");
    auto opts = std::make_shared<ExportOptions>();
    add_format_option(*cmd, opts->format, {"csv", "json", "fhir"});
    opts->since_option =
        cmd->add_option("--since", opts->since, "First day: 2026-11-01, yesterday, or a span: 14d, 3w, 6m, 1y")
            ->type_name("WHEN");
    opts->until_option = cmd->add_option("--until", opts->until, "Last day: 2026-11-22, today, yesterday")->type_name("WHEN");
    opts->what = "entries";
    opts->what_option = cmd->add_option("--what", opts->what, "CSV only: entries (default), events or doses")
                            ->check(CLI::IsMember({"entries", "events", "doses"}))
                            ->type_name("WHAT");
    cmd->add_option("-o,--output", opts->output, "Write to FILE (mode 0600) instead of standard output")
        ->type_name("FILE");
    add_seal_options(*cmd, opts->seal, "the export");
    cmd->callback([opts, &ctx] { run_export(*opts, ctx); });
}

}  // namespace painlog::cli
