// SPDX-License-Identifier: GPL-3.0-or-later
// painlog version (and --version): what this build is, for bug reports and
// for scripts that must know which diary schema a painlog writes.

#include "version.hpp"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "build_info.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/store/schema.hpp"

namespace painlog::cli {

std::string version_line() {
    if (build_commit.empty()) return fmt::format("painlog {}, diary schema {}", PAINLOG_VERSION, latest_schema_version());
    return fmt::format("painlog {} ({}), diary schema {}", PAINLOG_VERSION, build_commit, latest_schema_version());
}

namespace {

void run_version(const std::string& format, Context& ctx) {
    if (format != "json") {
        ctx.out << version_line() << '\n';
        return;
    }
    nlohmann::ordered_json json;
    json["version"] = PAINLOG_VERSION;
    json["commit"] = build_commit.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(std::string(build_commit));
    json["schema"] = latest_schema_version();
    print_json(ctx.out, json);
}

}  // namespace

void setup_version(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("version", "Version, commit and diary schema of this painlog (also --version)");
    auto format = std::make_shared<std::string>();
    add_format_option(*cmd, *format, {"text", "json"});
    cmd->callback([format, &ctx] { run_version(*format, ctx); });
}

}  // namespace painlog::cli
