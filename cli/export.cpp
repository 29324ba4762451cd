// painlog export: the diary in formats other tools read (CSV, JSON, FHIR R4).

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/error.hpp"
#include "painlog/export.hpp"

namespace painlog::cli {
namespace {

struct ExportOptions {
    std::string format, since, until, output, what;
    CLI::Option* what_option = nullptr;
    CLI::Option* since_option = nullptr;
    CLI::Option* until_option = nullptr;
};

// Writes to `path` with mode 0600 (a diary export is private), through a
// temporary file renamed into place so that a failure leaves no half file.
void write_private_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
    auto tmp = path + ".tmp";
    auto failed = [&](int err) {
        ::unlink(tmp.c_str());
        return RuntimeError(fmt::format("{}: cannot write: {}", path, std::strerror(err)));
    };
    // Created first so that the stream opens a file that already has the mode.
    int fd = ::open(tmp.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) throw RuntimeError(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
    ::close(fd);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        try {
            write(out);
        } catch (...) {
            ::unlink(tmp.c_str());
            throw;
        }
        out.close();
        if (!out) throw failed(errno);
    }
    fd = ::open(tmp.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) throw failed(errno);
}

void run_export(const ExportOptions& opts, Context& ctx) {
    auto& diary = ctx.diary(Access::read);
    const auto& time = ctx.time();
    EntryQuery query;
    if (opts.since_option->count() > 0) query.from = parse_since(opts.since, time, "--since");
    if (opts.until_option->count() > 0) query.to = parse_day(opts.until, time, "--until");
    if (query.from && query.to && *query.from > *query.to)
        throw InputError(fmt::format("--since {} is after --until {}: expected a period that runs forwards",
                                     opts.since, opts.until));
    if (opts.what_option->count() > 0 && opts.format != "csv")
        throw InputError(fmt::format("--what {}: only applies to --format csv (JSON holds entries, events and "
                                     "questionnaire results; FHIR holds entries and questionnaire results)",
                                     opts.what));
    auto format = opts.format == "json"     ? ExportFormat::json
                  : opts.format == "fhir"   ? ExportFormat::fhir
                  : opts.what == "events" ? ExportFormat::events_csv
                                          : ExportFormat::entries_csv;
    auto write = [&](std::ostream& out) { write_export(diary, format, query.from, query.to, time.now, out); };
    if (opts.output.empty() || opts.output == "-") write(ctx.out);
    else write_private_file(opts.output, write);
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
    opts->what_option = cmd->add_option("--what", opts->what, "CSV only: entries (default) or events")
                            ->check(CLI::IsMember({"entries", "events"}))
                            ->type_name("WHAT");
    cmd->add_option("-o,--output", opts->output, "Write to FILE (mode 0600) instead of standard output")
        ->type_name("FILE");
    cmd->callback([opts, &ctx] { run_export(*opts, ctx); });
}

}  // namespace painlog::cli
