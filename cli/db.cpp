// SPDX-License-Identifier: GPL-3.0-or-later
// painlog db: looking after the diary file (check, backup, restore).

#include <unistd.h>

#include <memory>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "sealing.hpp"
#include "painlog/util/error.hpp"
#include "painlog/store/maintenance.hpp"
#include "painlog/store/schema.hpp"

namespace painlog::cli {
namespace {

namespace fs = std::filesystem;

struct DbOptions {
    std::string format;
    std::string destination;  // backup: FILE
    std::string source;       // restore: FILE
    bool force = false;
    SealOptions seal;
    OpenOptions open;
};

void run_check(const DbOptions& opts, Context& ctx) {
    // The path only: db check must read a damaged or newer file exactly as it is.
    auto path = ctx.diary_path();
    auto name = path.string();
    if (fs::is_directory(path)) throw InputError(fmt::format("{}: is a directory; expected a diary file", name));
    if (!fs::exists(path)) throw InputError(fmt::format("{}: no such diary; expected an existing diary file", name));
    CheckReport report;
    {
        // Read-write when allowed, so that SQLite rolls back a transaction
        // left half-done by a crash (a hot journal) as any reader would;
        // the checks themselves only read. A file from a newer painlog, or
        // not painlog's, is read as it is: its journal is not ours to undo.
        auto header = read_file_header(path);
        bool ours = header.kind == FileHeader::Kind::sqlite && header.user_version > 0 &&
                    header.user_version <= latest_schema_version();
        int mode = ::access(path.c_str(), W_OK) == 0 && ours ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY;
        auto db = ours || header.kind != FileHeader::Kind::sqlite
                      ? std::make_unique<SQLite::Database>(path, mode, static_cast<int>(busy_timeout.count()))
                      : open_immutable(path);
        report = check_diary(*db, name);
    }
    if (opts.format == "json") print_json(ctx.out, check_json(report));
    else ctx.out << render_check_text(report);
    if (!report.ok())
        throw RuntimeError(fmt::format("{}: db check found {} problem{}", name, report.problem_count(),
                                       report.problem_count() == 1 ? "" : "s"));
}

void run_backup(const DbOptions& opts, Context& ctx) {
    auto& diary = ctx.diary(Access::read);
    if (!diary.has_file())
        throw InputError(fmt::format("{}: no such diary; expected an existing diary to back up", diary.path()));
    auto seal = seal_for(opts.seal);
    auto result = backup_diary(diary.db(), diary.path(), opts.destination,
                               opts.force ? Overwrite::allow : Overwrite::refuse, seal ? &*seal : nullptr);
    if (opts.format == "json") {
        nlohmann::ordered_json json;
        json["source"] = diary.path();
        json["destination"] = result.destination;
        json["bytes"] = result.bytes;
        json["entries"] = result.entries;
        json["sealed"] = seal.has_value();
        json["check"] = check_json(result.check);
        print_json(ctx.out, json);
        return;
    }
    ctx.out << fmt::format("Backed up {} to {}: {} entries, {} bytes{}; the copy checks clean.\n", diary.path(),
                           result.destination, result.entries, result.bytes, seal ? ", sealed (age)" : "");
}

void run_restore(const DbOptions& opts, Context& ctx) {
    auto path = ctx.diary_path();
    auto keys = [&](const age::Reader& reader) { return keys_for(opts.open, reader, ctx, opts.source); };
    auto result = restore_diary(opts.source, path, opts.force ? Overwrite::allow : Overwrite::refuse, keys);
    if (opts.format == "json") {
        nlohmann::ordered_json json;
        json["source"] = opts.source;
        json["diary"] = path.string();
        json["bytes"] = result.bytes;
        json["entries"] = result.entries;
        json["sealed"] = result.sealed;
        json["check"] = check_json(result.check);
        print_json(ctx.out, json);
        return;
    }
    ctx.out << fmt::format("Restored {} from {}{}: {} entries, {} bytes; the diary checks clean.\n", path.string(),
                           opts.source, result.sealed ? " (sealed, age)" : "", result.entries, result.bytes);
}

}  // namespace

void setup_db(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("db", "Look after the diary file: check it, back it up, restore it");
    cmd->require_subcommand(1);

    auto check_opts = std::make_shared<DbOptions>();
    auto* check = cmd->add_subcommand("check", "Check the diary file: SQLite integrity, references, schema");
    add_format_option(*check, check_opts->format, {"text", "json"});
    check->callback([check_opts, &ctx] { run_check(*check_opts, ctx); });

    auto backup_opts = std::make_shared<DbOptions>();
    auto* backup = cmd->add_subcommand("backup", "Copy the diary safely, even while it is in use");
    backup->add_option("FILE", backup_opts->destination, "Where to write the copy (a new file)")->required();
    backup->add_flag("--force", backup_opts->force, "Replace FILE if it exists");
    add_seal_options(*backup, backup_opts->seal, "the backup");
    add_format_option(*backup, backup_opts->format, {"text", "json"});
    backup->callback([backup_opts, &ctx] { run_backup(*backup_opts, ctx); });

    auto restore_opts = std::make_shared<DbOptions>();
    auto* restore = cmd->add_subcommand("restore", "Replace or create the diary from a backup, plain or sealed (age)");
    restore->add_option("FILE", restore_opts->source, "The backup to restore from")->required();
    restore->add_flag("--force", restore_opts->force, "Replace the diary if it exists");
    add_open_options(*restore, restore_opts->open);
    add_format_option(*restore, restore_opts->format, {"text", "json"});
    restore->callback([restore_opts, &ctx] { run_restore(*restore_opts, ctx); });
}

}  // namespace painlog::cli
