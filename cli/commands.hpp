// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One setup function per command, each in its own file. A setup function
// adds the subcommand, its options and a callback that runs it.

namespace CLI { class App; }

namespace painlog::cli {

class Context;

void setup_add(CLI::App& app, Context& ctx);
void setup_list(CLI::App& app, Context& ctx);
void setup_show(CLI::App& app, Context& ctx);
void setup_edit(CLI::App& app, Context& ctx);
void setup_rm(CLI::App& app, Context& ctx);
void setup_config(CLI::App& app, Context& ctx);
void setup_summary(CLI::App& app, Context& ctx);
void setup_trend(CLI::App& app, Context& ctx);
void setup_report(CLI::App& app, Context& ctx);
void setup_db(CLI::App& app, Context& ctx);
void setup_export(CLI::App& app, Context& ctx);
void setup_import(CLI::App& app, Context& ctx);
void setup_check(CLI::App& app, Context& ctx);
void setup_remind(CLI::App& app, Context& ctx);
void setup_status(CLI::App& app, Context& ctx);
void setup_completions(CLI::App& app, Context& ctx);
void setup_event(CLI::App& app, Context& ctx);
void setup_response(CLI::App& app, Context& ctx);
void setup_med(CLI::App& app, Context& ctx);
void setup_version(CLI::App& app, Context& ctx);
void setup_prepare(CLI::App& app, Context& ctx);
void setup_key(CLI::App& app, Context& ctx);
void setup_body(CLI::App& app, Context& ctx);
void setup_calendar(CLI::App& app, Context& ctx);
void setup_sync(CLI::App& app, Context& ctx);
// sync's status, conflicts and dismiss (sync_views.cpp), under `sync`.
void setup_sync_views(CLI::App& sync, Context& ctx);

}  // namespace painlog::cli
