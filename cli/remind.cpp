// SPDX-License-Identifier: GPL-3.0-or-later
// painlog remind: for cron and timers. Exit 1 with a one-line reminder each
// when today's diary day has no entry, a PHQ-9 is due on the depression
// pathway, an infusion is near (from the evening before), its after-care
// period runs or a follow-up is near; silent exit 0 otherwise.

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "painlog/analysis/status.hpp"
#include "painlog/analysis/summary.hpp"
#include "painlog/query/diary_views.hpp"
#include "painlog/store/day_index.hpp"

extern char** environ;

namespace painlog::cli {
namespace {

struct RemindOptions {
    bool quiet = false;
    bool notify = false;
};

// The first executable `name` on $PATH, as execvp would find it.
std::optional<std::string> find_on_path(std::string_view name) {
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "";
    while (true) {
        auto colon = dirs.find(':');
        auto dir = dirs.substr(0, colon);
        auto candidate = (dir.empty() ? std::filesystem::path(".") : std::filesystem::path(dir)) / name;
        if (::access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate))
            return candidate.string();
        if (colon == std::string_view::npos) return std::nullopt;
        dirs.remove_prefix(colon + 1);
    }
}

// Sends the reminder through notify-send; a missing or failing notify-send
// is reported on stderr and never fails the command.
void notify(const std::string& text, Context& ctx) {
    auto program = find_on_path("notify-send");
    if (!program) {
        ctx.err << "painlog: notify-send not found on PATH (Debian package libnotify-bin); no desktop "
                   "notification sent\n";
        return;
    }
    std::string app_name = "--app-name=painlog";
    std::string summary = "painlog";
    std::string body = text;
    std::array<char*, 5> argv{program->data(), app_name.data(), summary.data(), body.data(), nullptr};
    pid_t pid = 0;
    if (int rc = ::posix_spawn(&pid, program->c_str(), nullptr, nullptr, argv.data(), environ); rc != 0) {
        ctx.err << fmt::format("painlog: cannot run {}: {}; no desktop notification sent\n", *program,
                               std::strerror(rc));
        return;
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        ctx.err << fmt::format("painlog: {} failed (exit status {}); no desktop notification sent (a cron job "
                               "needs DBUS_SESSION_BUS_ADDRESS)\n",
                               *program, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

void run_remind(const RemindOptions& opts, Context& ctx) {
    auto& diary = ctx.diary(Access::read);
    auto day = today(ctx.time());
    std::string text;
    if (entries_on(diary, day) == 0) text = reminder_text(day, current_logging_streak(diary, day));
    auto status = diary_status(diary, ctx.time());
    if (status.phq9_due) text += phq9_reminder_text(*status.phq9_due);
    for (const auto& notice : status.care) text += notice.line + "\n";
    if (text.empty()) return;
    if (!opts.quiet) ctx.out << text;
    if (opts.notify) {
        ctx.out.flush();
        notify(text.substr(0, text.size() - 1), ctx);
    }
    ctx.exit_code = 1;
}

}  // namespace

void setup_remind(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "remind", "For cron: exit 1 with a line per reminder (today not logged, a PHQ-9 due, an infusion near, "
                  "after-care, a follow-up near), exit 0 silently otherwise");
    auto opts = std::make_shared<RemindOptions>();
    cmd->add_flag("-q,--quiet", opts->quiet, "Print nothing; only the exit status tells");
    cmd->add_flag("--notify", opts->notify, "Also show a desktop notification through notify-send, when installed");
    cmd->callback([opts, &ctx] { run_remind(*opts, ctx); });
}

}  // namespace painlog::cli
