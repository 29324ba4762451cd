// SPDX-License-Identifier: GPL-3.0-or-later
// painlog sync: one diary on several machines through a folder that a file
// sync tool keeps in step (issue 21; lib/painlog/sync/sync_engine.hpp).
// init and join pair a diary with the folder; sync reads and writes it;
// status, conflicts and dismiss show and tidy what it did.

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "sealing.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/sync_store.hpp"
#include "painlog/sync/sync_engine.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/files.hpp"
#include "painlog/util/text.hpp"

namespace painlog::cli {
namespace {

namespace fs = std::filesystem;

struct SyncOptions {
    std::string folder;    // DIR
    std::string key_file;  // init: where the key goes; join: where it comes from
    std::string format;
    std::vector<std::int64_t> ids;  // dismiss
    bool all = false;
};

std::string first_line_of(const fs::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

std::string host_name() {
    std::array<char, 256> name{};
    if (::gethostname(name.data(), name.size() - 1) != 0) return "unknown";
    return name.data();
}

// Where this diary's replica id belongs: the machine and the diary's path.
// A copy of the diary elsewhere is then told from the diary itself.
std::string replica_home(Context& ctx) {
    auto machine = first_line_of("/etc/machine-id");
    if (machine.empty()) machine = host_name();
    std::error_code ec;
    auto path = fs::weakly_canonical(fs::absolute(ctx.diary_path()), ec);
    return fmt::format("{}:{}", machine, (ec ? ctx.diary_path() : path).string());
}

SyncContext sync_context(Context& ctx, const fs::path& folder) {
    const auto& now = ctx.time().now;
    return SyncContext{folder, now.time_since_epoch().count() * 1000, format_utc(now), host_name(), replica_home(ctx)};
}

nlohmann::ordered_json report_json(const SyncReport& report, const fs::path& folder) {
    nlohmann::ordered_json json;
    json["folder"] = folder.string();
    json["replica"] = report.replica;
    json["up_to_date"] = report.up_to_date;
    json["files_read"] = report.files_read;
    json["received"] = report.received;
    json["sent"] = report.sent;
    json["conflicts"] = report.conflicts;
    json["repaired"] = report.repaired;
    json["new_replica_id"] = report.new_replica_id;
    json["problems"] = report.problems;
    return json;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

void print_report(Context& ctx, const SyncReport& report, const fs::path& folder) {
    if (report.up_to_date) {
        ctx.out << fmt::format("Up to date with {}.\n", folder.string());
        return;
    }
    std::vector<std::string> parts;
    if (report.files_read > 0)
        parts.push_back(fmt::format("received {} in {}", plural(report.received, "change", "changes"),
                                    plural(report.files_read, "file", "files")));
    else parts.emplace_back("nothing new from other machines");
    parts.push_back(fmt::format("sent {}", plural(report.sent, "change", "changes")));
    if (report.conflicts > 0)
        parts.push_back(fmt::format("{} kept (painlog sync conflicts)",
                                    plural(report.conflicts, "conflict", "conflicts")));
    ctx.out << fmt::format("Synced with {}: {}.\n", folder.string(), fmt::join(parts, "; "));
    if (report.new_replica_id)
        ctx.out << fmt::format("This diary was restored from a backup or copied: it now writes as replica {}, and "
                               "what its old id wrote is merged, not lost.\n",
                               report.replica);
    if (report.repaired > 0)
        ctx.out << fmt::format("Replaced {} of this machine that had changed in the folder, and wrote a snapshot.\n",
                               plural(report.repaired, "damaged change file", "damaged change files"));
}

// Runs a sync and says what it did; a change file that could not be read
// is a line on standard error each, and exit status 1.
void sync_and_report(Context& ctx, Diary& diary, const fs::path& folder, const std::string& format,
                     nlohmann::ordered_json* into = nullptr) {
    auto report = sync_diary(diary, sync_context(ctx, folder));
    if (into) (*into)["sync"] = report_json(report, folder);
    else if (format == "json") print_json(ctx.out, report_json(report, folder));
    else print_report(ctx, report, folder);
    for (const auto& problem : report.problems)
        ctx.err << "painlog: " << terminal_safe(problem, Controls::escape_all) << '\n';
    if (!report.problems.empty()) ctx.exit_code = 1;
}

void run_sync(const SyncOptions& opts, Context& ctx) {
    auto& diary = ctx.diary(Access::write);
    auto setup = read_sync_setup(diary);
    fs::path folder = opts.folder.empty() ? fs::path(setup.folder.value_or("")) : fs::path(opts.folder);
    sync_and_report(ctx, diary, folder, opts.format);
}

void run_init(const SyncOptions& opts, Context& ctx) {
    if (!opts.key_file.empty()) {
        refuse_diary_as_output(opts.key_file, ctx.diary_path(), "--key-file");
        check_new_private_file(opts.key_file, "--key-file", "a key");
    }
    auto& diary = ctx.diary(Access::write);
    auto key = SyncKey::generate();
    auto sync = sync_context(ctx, opts.folder);
    if (!opts.key_file.empty())
        write_new_private_file(opts.key_file, sync_key_file_text(key, opts.folder, sync.now_text), "--key-file",
                               "a key");
    try {
        init_sync(diary, sync, key);
    } catch (...) {
        if (!opts.key_file.empty()) fs::remove(opts.key_file);
        throw;
    }
    if (opts.format == "json") {
        nlohmann::ordered_json json;
        json["folder"] = opts.folder;
        json["key"] = opts.key_file.empty() ? nlohmann::ordered_json(encode_sync_key(key)) : nullptr;
        json["key_file"] = opts.key_file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(opts.key_file);
        sync_and_report(ctx, diary, opts.folder, opts.format, &json);
        print_json(ctx.out, json);
        return;
    }
    ctx.out << fmt::format("{} is now this diary's sync folder.\n", opts.folder);
    if (opts.key_file.empty())
        ctx.out << fmt::format("The key, shown only this once: take it to your other machines and keep it off the "
                               "folder.\n\n    {}\n\nOn each other machine: painlog sync join {} (and type the key), "
                               "or --key-file FILE with the key in FILE.\n",
                               encode_sync_key(key), opts.folder);
    else
        ctx.out << fmt::format("The key is in {} (mode 0600): take it to your other machines, run painlog sync join "
                               "{} --key-file {} there, then delete it.\n",
                               opts.key_file, opts.folder, opts.key_file);
    sync_and_report(ctx, diary, opts.folder, opts.format);
}

SyncKey key_for_join(const SyncOptions& opts, Context& ctx) {
    if (opts.key_file == "-") return read_sync_key(std::cin, "--key-file -");
    if (!opts.key_file.empty()) {
        std::ifstream in(opts.key_file);
        if (fs::is_directory(opts.key_file) || !in)
            throw InputError(fmt::format("--key-file {}: cannot read: {}; expected the key file painlog sync init "
                                         "wrote",
                                         opts.key_file, fs::is_directory(opts.key_file) ? "is a directory" : "no such file"));
        return read_sync_key(in, "--key-file " + opts.key_file);
    }
    if (!ctx.interactive())
        throw InputError("sync join: no key; expected --key-file FILE (the key painlog sync init gave, or - to read "
                         "it from standard input), or a terminal to type it on");
    auto text = ask_secret("sync join", "Sync key (PAINLOG-SYNC-KEY-1...): ", "sync key",
                           "for the key on; expected --key-file FILE");
    auto key = parse_sync_key(text, "the key typed");
    crypto::wipe(text);
    return key;
}

void run_join(const SyncOptions& opts, Context& ctx) {
    auto key = key_for_join(opts, ctx);
    auto& diary = ctx.diary(Access::write);
    join_sync(diary, sync_context(ctx, opts.folder), key);
    if (opts.format == "json") {
        nlohmann::ordered_json json;
        json["folder"] = opts.folder;
        sync_and_report(ctx, diary, opts.folder, opts.format, &json);
        print_json(ctx.out, json);
        return;
    }
    ctx.out << fmt::format("This diary now syncs with {}.\n", opts.folder);
    sync_and_report(ctx, diary, opts.folder, opts.format);
}

}  // namespace

void setup_sync(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("sync", "Sync this diary with your other machines through a shared folder");
    cmd->require_subcommand(0, 1);
    auto opts = std::make_shared<SyncOptions>();
    cmd->add_option("DIR", opts->folder, "The sync folder (default: the one given to sync init or join)");
    add_format_option(*cmd, opts->format, {"text", "json"});
    cmd->callback([opts, cmd, &ctx] {
        if (cmd->get_subcommands().empty()) run_sync(*opts, ctx);
    });

    auto init_opts = std::make_shared<SyncOptions>();
    auto* init = cmd->add_subcommand("init", "Make DIR this diary's sync folder, give its key once, and sync");
    init->add_option("DIR", init_opts->folder, "The folder that a sync tool shares between your machines")->required();
    init->add_option("--key-file", init_opts->key_file, "Write the key to FILE (a new file, mode 0600) instead of "
                                                        "showing it")
        ->type_name("FILE");
    add_format_option(*init, init_opts->format, {"text", "json"});
    init->callback([init_opts, &ctx] { run_init(*init_opts, ctx); });

    auto join_opts = std::make_shared<SyncOptions>();
    auto* join = cmd->add_subcommand("join", "Pair this diary with a sync folder made on another machine, and sync");
    join->add_option("DIR", join_opts->folder, "The sync folder, as the sync tool put it on this machine")->required();
    join->add_option("--key-file", join_opts->key_file, "Read the key from FILE (- for standard input); without it, "
                                                        "type it on the terminal")
        ->type_name("FILE");
    add_format_option(*join, join_opts->format, {"text", "json"});
    join->callback([join_opts, &ctx] { run_join(*join_opts, ctx); });

    setup_sync_views(*cmd, ctx);
}

}  // namespace painlog::cli
