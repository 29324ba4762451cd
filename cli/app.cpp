#include "app.hpp"

#include <array>
#include <iostream>
#include <optional>
#include <string_view>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>

#include "commands.hpp"
#include "context.hpp"
#include "painlog/error.hpp"

namespace painlog::cli {
namespace {

void setup_global_options(CLI::App& app, Context& ctx) {
    app.set_version_flag("--version", "painlog " PAINLOG_VERSION);
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
    Command{"event", setup_event},     Command{"response", setup_response},
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

}  // namespace

int run(int argc, char** argv) {
    Context ctx(std::cout, std::cerr);
    CLI::App app{"painlog: a pain and mood diary for the command line", "painlog"};
    app.require_subcommand(1);
    app.fallthrough();
    setup_global_options(app, ctx);
    setup_commands(app, ctx, requested_command(argc, argv));
    try {
        app.parse(argc, argv);
        return ctx.exit_code;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion&) {
        std::cout << "painlog " PAINLOG_VERSION "\n";
        return 0;
    } catch (const CLI::ParseError& e) {
        std::cerr << "painlog: " << e.what() << "; see painlog --help\n";
        return static_cast<int>(ExitCode::usage);
    } catch (const Error& e) {
        std::cerr << "painlog: " << e.what() << '\n';
        return static_cast<int>(e.exit_code());
    } catch (const SQLite::Exception& e) {
        std::cerr << "painlog: " << describe_sqlite_error(e, ctx.diary_label()) << '\n';
        return static_cast<int>(ExitCode::failure);
    } catch (const std::exception& e) {
        std::cerr << "painlog: " << e.what() << '\n';
        return static_cast<int>(ExitCode::failure);
    }
}

}  // namespace painlog::cli
