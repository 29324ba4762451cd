// painlog report: the follow-up report as text, Markdown, HTML or JSON.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/diary.hpp"
#include "painlog/error.hpp"
#include "painlog/report.hpp"

namespace painlog::cli {
namespace {

struct ReportOptions {
    std::string since, until, event, format, output;
    CLI::Option* since_option = nullptr;
    CLI::Option* until_option = nullptr;
    CLI::Option* event_option = nullptr;
};

// Replaces `path` atomically: the text goes to a new temporary file in the
// same directory (mode 0600: the report is health data), is flushed to disk,
// then renamed over `path`. A failure leaves `path` as it was and no
// temporary file behind.
void write_atomically(const std::string& path, const std::string& text) {
    std::filesystem::path target(path);
    auto dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    std::string pattern = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw RuntimeError(fmt::format("-o {}: cannot write: {}", path, std::strerror(errno)));
    auto fail = [&](int err) {
        ::close(fd);
        ::unlink(pattern.c_str());
        throw RuntimeError(fmt::format("-o {}: cannot write: {}", path, std::strerror(err)));
    };
    std::size_t done = 0;
    while (done < text.size()) {
        auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(errno);
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) fail(errno);
    if (::close(fd) != 0) {
        auto err = errno;
        ::unlink(pattern.c_str());
        throw RuntimeError(fmt::format("-o {}: cannot write: {}", path, std::strerror(err)));
    }
    if (::rename(pattern.c_str(), path.c_str()) != 0) {
        auto err = errno;
        ::unlink(pattern.c_str());
        throw RuntimeError(fmt::format("-o {}: cannot write: {}", path, std::strerror(err)));
    }
}

void run_report(const ReportOptions& opts, Context& ctx) {
    ReportRequest request;
    if (opts.event_option->count() > 0) request.event_id = parse_id(opts.event, "--event");
    auto& diary = ctx.diary(Access::read);
    const auto& time = ctx.time();  // with the diary's day-start hour, for "today"
    if (opts.since_option->count() > 0) request.since = parse_since(opts.since, time, "--since");
    if (opts.until_option->count() > 0) request.until = parse_day(opts.until, time, "--until");
    auto report = build_report(diary, time, request);

    std::string text;
    if (opts.format == "text") text = report_text(report);
    else if (opts.format == "markdown") text = report_markdown(report);
    else if (opts.format == "html") text = report_html(report);
    else text = report_json(report).dump(2) + "\n";

    if (opts.output.empty() || opts.output == "-") ctx.out << text;
    else write_atomically(opts.output, text);
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "report", "The follow-up report: figures, response to infusions, charts, tags, sleep, notes");
    auto opts = std::make_shared<ReportOptions>();
    opts->since_option =
        cmd->add_option("--since", opts->since,
                        "First day: 2026-11-01, yesterday, or a span: 14d, 3w, 6m, 1y "
                        "(default: baseline-days before the most recent infusion, else report-days ago)")
            ->type_name("WHEN");
    opts->until_option =
        cmd->add_option("--until", opts->until, "Last day: 2026-11-22, today, yesterday (default today)")
            ->type_name("WHEN");
    opts->event_option =
        cmd->add_option("--event", opts->event, "Report on this infusion (an id from painlog event list)")
            ->type_name("ID");
    add_format_option(*cmd, opts->format, {"text", "markdown", "html", "json"});
    cmd->add_option("-o,--output", opts->output, "Write to FILE, replacing it atomically (default or -: stdout)")
        ->type_name("FILE");
    cmd->callback([opts, &ctx] { run_report(*opts, ctx); });
}

}  // namespace painlog::cli
