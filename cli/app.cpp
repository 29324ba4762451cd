#include "app.hpp"

#include <iostream>

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

}  // namespace

int run(int argc, char** argv) {
    Context ctx(std::cout, std::cerr);
    CLI::App app{"painlog: a pain and mood diary for the command line", "painlog"};
    app.require_subcommand(1);
    app.fallthrough();
    setup_global_options(app, ctx);
    setup_add(app, ctx);
    setup_list(app, ctx);
    setup_show(app, ctx);
    setup_edit(app, ctx);
    setup_rm(app, ctx);
    setup_config(app, ctx);
    setup_summary(app, ctx);
    setup_trend(app, ctx);
    setup_report(app, ctx);
    setup_db(app, ctx);
    setup_export(app, ctx);
    setup_import(app, ctx);
    setup_check(app, ctx);
    setup_remind(app, ctx);
    setup_status(app, ctx);
    setup_completions(app, ctx);
    setup_event(app, ctx);
    setup_response(app, ctx);

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
