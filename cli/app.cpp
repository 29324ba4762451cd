// SPDX-License-Identifier: GPL-3.0-or-later
#include "app.hpp"

#include <array>
#include <cstring>
#include <iostream>
#include <optional>
#include <string_view>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "version.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/text.hpp"

namespace painlog::cli {
namespace {

void setup_global_options(CLI::App& app, Context& ctx) {
    app.set_version_flag("--version", version_line, "Print the version, commit and diary schema and exit");
    app.add_option("--db", ctx.global.db, "Diary file (default: $PAINLOG_DB, then $XDG_DATA_HOME/painlog/diary.db)")
        ->type_name("PATH");
    app.add_option("--color", ctx.global.color, "Colour output: auto (on a terminal, unless NO_COLOR), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
}

using Setup = void (*)(CLI::App&, Context&);
struct Command {
    std::string_view name;
    Setup setup;
};
constexpr std::array commands{
    Command{"add", setup_add},         Command{"list", setup_list},       Command{"show", setup_show},
    Command{"edit", setup_edit},       Command{"rm", setup_rm},           Command{"config", setup_config},
    Command{"summary", setup_summary}, Command{"trend", setup_trend},     Command{"report", setup_report},
    Command{"db", setup_db},           Command{"export", setup_export},   Command{"import", setup_import},
    Command{"check", setup_check},     Command{"remind", setup_remind},   Command{"status", setup_status},
    Command{"event", setup_event},     Command{"response", setup_response}, Command{"med", setup_med},
    Command{"key", setup_key},         Command{"version", setup_version},
    Command{"prepare", setup_prepare}, Command{"body", setup_body},
    Command{"calendar", setup_calendar}, Command{"sync", setup_sync},
};

// The first word that is not an option or the value of a global one.
std::optional<std::string_view> requested_command(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--db" || arg == "--color") ++i;
        else if (!arg.starts_with('-')) return arg;
    }
    return std::nullopt;
}

// CLI11 builds every option with its validators up front: for all commands,
// a quarter of a short command's instructions. So only the command asked
// for is set up; help, unknown words and the completion commands (which
// list all the others) get every command.
void setup_commands(CLI::App& app, Context& ctx, std::optional<std::string_view> requested) {
    for (const auto& command : commands)
        if (command.name == requested) return command.setup(app, ctx);
    for (const auto& command : commands) command.setup(app, ctx);
    setup_completions(app, ctx);
}

// Errors name the values they refuse, which may hold anything: one line,
// with nothing in it that a terminal would act on.
int fail(ExitCode code, std::string_view message) {
    std::cerr << "painlog: " << terminal_safe(message, Controls::escape_all) << '\n';
    return static_cast<int>(code);
}

// A word where a command belongs that names none: CLI11 would only say
// that a command is required.
std::optional<std::string> unknown_command(const CLI::App& app, std::optional<std::string_view> requested) {
    if (!requested) return std::nullopt;
    std::vector<std::string> names;
    for (const auto* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (command->get_name() == *requested) return std::nullopt;
        if (!command->get_group().empty()) names.push_back(command->get_name());
    }
    return fmt::format("{}: unknown command; expected one of {}; see painlog --help", *requested,
                       fmt::join(names, ", "));
}

int run_command(int argc, char** argv) {
    Context ctx(std::cout, std::cerr);
    CLI::App app{"painlog: a pain and mood diary for the command line", "painlog"};
    app.require_subcommand(1);
    app.fallthrough();
    setup_global_options(app, ctx);
    auto requested = requested_command(argc, argv);
    setup_commands(app, ctx, requested);
    if (auto unknown = unknown_command(app, requested)) return fail(ExitCode::usage, *unknown);
    try {
        app.parse(argc, argv);
        return ctx.exit_code;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        std::cout << e.what() << '\n';
        return 0;
    } catch (const CLI::ParseError& e) {
        return fail(ExitCode::usage, fmt::format("{}; see painlog --help", e.what()));
    } catch (const Error& e) {
        return fail(e.exit_code(), e.what());
    } catch (const SQLite::Exception& e) {
        return fail(ExitCode::failure, describe_sqlite_error(e, ctx.diary_label()));
    } catch (const std::exception& e) {
        return fail(ExitCode::failure, e.what());
    }
}

}  // namespace

int run(int argc, char** argv) {
    StandardOutput out;
    int code = run_command(argc, argv);
    // Output that never arrived is a failure, not a success: a full disk or
    // a closed pipe behind stdout would otherwise leave a silent exit 0.
    if (int error = out.finish(); error != 0) {
        fail(ExitCode::failure, fmt::format("standard output: cannot write: {}", std::strerror(error)));
        return code == 0 ? static_cast<int>(ExitCode::failure) : code;
    }
    return code;
}

}  // namespace painlog::cli
