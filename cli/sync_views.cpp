// SPDX-License-Identifier: GPL-3.0-or-later
// painlog sync status, conflicts and dismiss: what sync knows and kept.

#include <algorithm>
#include <map>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/sync_store.hpp"
#include "painlog/util/error.hpp"

namespace painlog::cli {
namespace {

struct SyncViewOptions {
    std::string format;
    std::vector<std::int64_t> ids;
    bool all = false;
};

// "laptop (replica 1a2b3c4d)": a replica as a person tells them apart.
std::string replica_label(const ReplicaProgress& replica) {
    auto id = replica.id.substr(0, 8);
    return replica.name.empty() ? fmt::format("replica {}", id) : fmt::format("{} (replica {})", replica.name, id);
}

// When a version was made, by its replica's clock; nullopt for versions
// from before the diary's upgrade to sync (schema v10), which carry no time.
std::optional<std::string> made_time(HlcStamp stamp) {
    if (stamp < hlc_of_millis(1)) return std::nullopt;
    return format_utc(Instant{std::chrono::seconds{millis_of_hlc(stamp) / 1000}});
}

void run_status(const SyncViewOptions& opts, Context& ctx) {
    auto& diary = ctx.diary(Access::read);
    auto setup = read_sync_setup(diary);
    auto replicas = sync_replicas(diary);
    auto unsent = unsent_count(diary);
    auto conflicts = sync_conflicts(diary).size();
    if (opts.format == "json") {
        nlohmann::ordered_json json;
        json["syncing"] = !setup.key.empty();
        json["folder"] = setup.folder ? nlohmann::ordered_json(*setup.folder) : nullptr;
        json["replica"] = setup.replica;
        json["replicas"] = nlohmann::ordered_json::array();
        for (const auto& r : replicas)
            json["replicas"].push_back({{"id", r.id}, {"name", r.name}, {"files", r.applied}, {"this", r.is_me}});
        json["unsent"] = unsent;
        json["conflicts"] = conflicts;
        print_json(ctx.out, json);
        return;
    }
    if (setup.key.empty()) {
        ctx.out << "This diary does not sync. On the first machine: painlog sync init DIR; on the others: painlog "
                   "sync join DIR. See painlog-sync(1).\n";
        return;
    }
    ctx.out << fmt::format("Sync folder: {}\n", *setup.folder);
    for (const auto& r : replicas)
        ctx.out << fmt::format("{} {}: {} change {} {}\n", r.is_me ? "This machine," : "Replica", replica_label(r),
                               r.applied, r.applied == 1 ? "file" : "files", r.is_me ? "written" : "read");
    ctx.out << fmt::format("Not yet sent: {} {}\n", unsent, unsent == 1 ? "record" : "records");
    ctx.out << fmt::format("Conflicts kept: {}{}\n", conflicts, conflicts ? " (painlog sync conflicts)" : "");
}

// "entry 12", "setting name", or "entry (deleted here)".
std::string record_label(const SyncConflict& c) {
    if (!c.local) return fmt::format("{} (deleted here)", c.kind);
    if (const auto* id = std::get_if<std::int64_t>(&*c.local)) return fmt::format("{} {}", c.kind, *id);
    return fmt::format("{} {}", c.kind, std::get<std::string>(*c.local));
}

// The losing content without its empty values, as one line of JSON.
std::string content_line(const SyncConflict& c) {
    if (c.deleted) return "(the record deleted)";
    nlohmann::json shown = nlohmann::json::object();
    for (const auto& [key, value] : c.data.items())
        if (!value.is_null() && !(value.is_array() && value.empty()) && value != "") shown[key] = value;
    return shown.dump();
}

void run_conflicts(const SyncViewOptions& opts, Context& ctx) {
    auto& diary = ctx.diary(Access::read);
    std::map<std::string, ReplicaProgress> replicas;
    for (auto& r : sync_replicas(diary)) replicas[r.id] = r;
    auto conflicts = sync_conflicts(diary);
    auto origin_of = [&](const SyncConflict& c) {
        auto found = replicas.find(c.origin);
        return found == replicas.end() ? replica_label({c.origin, "", 0, false}) : replica_label(found->second);
    };
    if (opts.format == "json") {
        auto json = nlohmann::ordered_json::array();
        for (const auto& c : conflicts) {
            nlohmann::ordered_json item;
            item["id"] = c.id;
            item["kind"] = c.kind;
            item["record"] = c.record;
            item["local"] = c.local ? std::visit([](const auto& v) { return nlohmann::ordered_json(v); }, *c.local)
                                    : nlohmann::ordered_json(nullptr);
            auto made = made_time(c.stamp);
            item["made"] = made ? nlohmann::ordered_json(*made) : nlohmann::ordered_json(nullptr);
            item["origin"] = c.origin;
            item["origin_name"] = replicas.contains(c.origin) ? replicas[c.origin].name : "";
            item["deleted"] = c.deleted;
            item["data"] = c.data;
            json.push_back(std::move(item));
        }
        print_json(ctx.out, json);
        return;
    }
    if (conflicts.empty()) {
        ctx.out << "No conflicts.\n";
        return;
    }
    for (const auto& c : conflicts)
        ctx.out << fmt::format("Conflict {}: {}: the version made on {} {} lost to a later one made apart from "
                               "it:\n  {}\n",
                               c.id, record_label(c), origin_of(c),
                               made_time(c.stamp) ? "at " + *made_time(c.stamp) : "before the diary could sync",
                               content_line(c));
    ctx.out << "Change the record by hand to keep any of it (painlog edit, event edit, config set), then painlog "
               "sync dismiss ID.\n";
}

void run_dismiss(const SyncViewOptions& opts, Context& ctx) {
    if (opts.all == !opts.ids.empty())
        throw InputError("sync dismiss: expected conflict ids (from painlog sync conflicts) or --all");
    auto& diary = ctx.diary(Access::write);
    auto ids = opts.ids;
    if (opts.all)
        for (const auto& c : sync_conflicts(diary)) ids.push_back(c.id);
    // "dismiss 3 3" dismisses conflict 3 once, not a missing conflict the second time.
    std::ranges::sort(ids);
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    diary.write([&] {
        for (auto id : ids) dismiss_conflict(diary, id);
    });
    auto n = ids.size();
    ctx.out << fmt::format("Dismissed {} {}.\n", n, n == 1 ? "conflict" : "conflicts");
}

}  // namespace

void setup_sync_views(CLI::App& sync, Context& ctx) {
    auto status_opts = std::make_shared<SyncViewOptions>();
    auto* status = sync.add_subcommand("status", "Show the sync folder, the replicas and what waits to be sent");
    add_format_option(*status, status_opts->format, {"text", "json"});
    status->callback([status_opts, &ctx] { run_status(*status_opts, ctx); });

    auto conflicts_opts = std::make_shared<SyncViewOptions>();
    auto* conflicts =
        sync.add_subcommand("conflicts", "Show the versions that lost to one made apart from them, kept for you");
    add_format_option(*conflicts, conflicts_opts->format, {"text", "json"});
    conflicts->callback([conflicts_opts, &ctx] { run_conflicts(*conflicts_opts, ctx); });

    auto dismiss_opts = std::make_shared<SyncViewOptions>();
    auto* dismiss = sync.add_subcommand("dismiss", "Remove conflicts from the list, on every machine");
    dismiss->add_option("ID", dismiss_opts->ids, "Conflict ids, from painlog sync conflicts")
        ->check(CLI::PositiveNumber);
    dismiss->add_flag("--all", dismiss_opts->all, "Every conflict");
    dismiss->callback([dismiss_opts, &ctx] { run_dismiss(*dismiss_opts, ctx); });
}

}  // namespace painlog::cli
