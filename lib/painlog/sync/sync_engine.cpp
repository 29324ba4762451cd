// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/sync/sync_engine.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/store/schema.hpp"
#include "painlog/store/sync_store.hpp"
#include "painlog/sync/change_file.hpp"
#include "painlog/sync/sync_folder.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/files.hpp"

namespace painlog {
namespace {

namespace fs = std::filesystem;

InputError not_paired(const Diary& diary) {
    return InputError(fmt::format("{}: this diary does not sync yet; expected painlog sync init DIR on the first "
                                  "machine, or painlog sync join DIR --key-file FILE on the others",
                                  diary.path()));
}

// The folder must be there and be this key's folder.
void check_folder(const SyncFolder& folder, const SyncKey& key) {
    const auto& dir = folder.dir();
    if (!fs::is_directory(dir))
        throw InputError(fmt::format("{}: no such directory; expected the sync folder (is it mounted, and synced "
                                     "to this machine yet?)",
                                     dir.string()));
    if (!fs::exists(folder.marker()))
        throw InputError(fmt::format("{}: not a painlog sync folder (no {} in it); expected the folder that "
                                     "painlog sync init made, synced to this machine",
                                     dir.string(), folder.marker().filename().string()));
    try {
        (void)open_folder_marker(key, folder.read(folder.marker()), folder.marker().string());
    } catch (const SyncFileError& e) {
        if (e.why() == SyncFileError::Why::other_key)
            throw InputError(fmt::format("{}: sealed with another sync key: this is not the folder this diary was "
                                         "paired with, or the key is not its key",
                                         folder.marker().string()));
        throw;
    }
}

// What the folder holds that this diary has not dealt with.
struct SyncPlan {
    std::map<std::string, std::vector<std::int64_t>> listing;
    std::vector<std::int64_t> own_unknown;  // own change files past those the diary wrote
    std::vector<std::int64_t> damaged;      // own change files changed or gone since written
    std::vector<OwnFile> touched;           // own change files with a new size or time that still open
    bool moved = false;                     // the diary is on another machine or path than its replica id
    bool to_read = false;                   // another replica has files not read yet
    bool to_send = false;

    [[nodiscard]] bool nothing_to_do() const {
        return own_unknown.empty() && damaged.empty() && touched.empty() && !moved && !to_read && !to_send;
    }
};

std::map<std::string, std::int64_t> applied_by_replica(Diary& diary) {
    std::map<std::string, std::int64_t> applied;
    for (const auto& r : sync_replicas(diary)) applied[r.id] = r.applied;
    return applied;
}

// An own file whose size or time changed is damaged only when it no longer
// opens as the file this replica wrote at that place: a checkout, a copy
// without -p or a FAT volume changes the time and nothing else.
bool still_opens(const SyncFolder& folder, const SyncKey& key, const std::string& me, std::int64_t seq) {
    auto path = folder.change_file(me, seq);
    try {
        (void)open_change_file(key, folder.read(path), me, seq, path.string());
        return true;
    } catch (const InputError&) {
        return false;
    }
}

SyncPlan plan_sync(Diary& diary, const SyncFolder& folder, const SyncKey& key, const SyncSetup& setup,
                   const SyncContext& ctx) {
    SyncPlan plan;
    plan.listing = folder.list();
    auto applied = applied_by_replica(diary);
    const auto& me = setup.replica;
    for (auto seq : plan.listing[me])
        if (seq > applied[me]) plan.own_unknown.push_back(seq);
    for (const auto& file : own_files(diary)) {
        auto now = stamp_of_file(folder.change_file(me, file.seq));
        if (now && now->size == file.size && now->mtime_ns == file.mtime_ns) continue;
        if (now && still_opens(folder, key, me, file.seq)) plan.touched.push_back({file.seq, now->size, now->mtime_ns});
        else plan.damaged.push_back(file.seq);
    }
    plan.moved = setup.home != ctx.home;
    for (const auto& [replica, seqs] : plan.listing)
        if (replica != me && !seqs.empty() && seqs.back() > applied[replica]) plan.to_read = true;
    plan.to_send = has_unsent_changes(diary);
    return plan;
}

class SyncRun {
public:
    SyncRun(Diary& diary, const SyncContext& ctx, SyncKey key) : diary_(diary), ctx_(ctx), folder_(ctx.folder), key_(std::move(key)) {}

    SyncReport run() {
        auto setup = read_sync_setup(diary_);
        check_folder(folder_, key_);
        auto plan = plan_sync(diary_, folder_, key_, setup, ctx_);
        if (plan.nothing_to_do()) {
            report_.up_to_date = true;
            report_.replica = setup.replica;
            return report_;
        }
        diary_.write([&] { merge(plan, setup); });
        diary_.write([&] { publish(plan); });
        report_.replica = read_sync_setup(diary_).replica;
        return report_;
    }

private:
    // ---- the first transaction: this replica's own files, then the others' ----

    void merge(const SyncPlan& plan, const SyncSetup& setup) {
        stamp_pending(diary_, ctx_.now_ms);
        for (const auto& file : plan.touched) record_own_file(diary_, file);
        auto me = setup.replica;
        if (plan.moved) take_new_id(me);
        else adopt_or_take_new_id(plan.own_unknown, me);
        auto applied = applied_by_replica(diary_);
        for (const auto& [replica, seqs] : plan.listing)
            if (replica != me) read_replica(replica, seqs, applied[replica]);
    }

    void take_new_id(std::string& me) {
        me = new_uuid();
        take_new_replica_id(diary_, me, ctx_.home, ctx_.now_ms);
        report_.new_replica_id = true;
    }

    // Own files the diary does not record: taken as written when the diary
    // holds everything in them (a sync killed after writing one); anything
    // else means the diary went back in time, and it becomes a new replica.
    void adopt_or_take_new_id(const std::vector<std::int64_t>& unknown, std::string& me) {
        for (auto seq : unknown) {
            auto path = folder_.change_file(me, seq);
            try {
                auto file = open_change_file(key_, folder_.read(path), me, seq, path.string());
                bool known = std::all_of(file.changes.begin(), file.changes.end(),
                                         [&](const SyncChange& c) { return diary_knows(diary_, c); });
                if (known && seq == own_written(me) + 1) {
                    record_written(me, seq, file.changes);
                    continue;
                }
            } catch (const InputError& e) {
                note_problem(e.what());
            }
            return take_new_id(me);
        }
    }

    std::int64_t own_written(const std::string& me) { return applied_by_replica(diary_)[me]; }

    void record_written(const std::string& me, std::int64_t seq, const std::vector<SyncChange>& changes) {
        if (auto stamp = stamp_of_file(folder_.change_file(me, seq)))
            record_own_file(diary_, {seq, stamp->size, stamp->mtime_ns});
        set_replica_progress(diary_, {me, ctx_.host, seq, true});
        mark_sent(diary_, changes);
    }

    // Another replica's files in order, from the first not read; a file
    // that cannot be read stops that replica until it can.
    void read_replica(const std::string& replica, const std::vector<std::int64_t>& seqs, std::int64_t applied) {
        for (auto seq : seqs) {
            if (seq <= applied) continue;
            if (seq != applied + 1) return;  // still on its way through the sync tool
            auto path = folder_.change_file(replica, seq);
            try {
                read_change_file(replica, seq, path);
            } catch (const InputError& e) {
                note_problem(fmt::format("{}; skipped, with this replica's later files", e.what()));
                return;
            }
            applied = seq;
        }
    }

    // One file, all or nothing: a savepoint undoes a file that stops half way.
    void read_change_file(const std::string& replica, std::int64_t seq, const fs::path& path) {
        auto file = open_change_file(key_, folder_.read(path), replica, seq, path.string());
        auto& db = diary_.db();
        db.exec("SAVEPOINT sync_change_file");
        std::size_t received = 0, conflicts = 0;
        try {
            ChangeMerger merger(diary_);
            for (const auto& change : file.changes) {
                auto outcome = merger.merge(change);
                if (outcome != ChangeMerger::Outcome::known) ++received;
                if (outcome == ChangeMerger::Outcome::conflict) ++conflicts;
            }
            merger.finish(ctx_.now_ms);
            set_replica_progress(diary_, {replica, file.host, seq, false});
        } catch (const InputError& e) {
            db.exec("ROLLBACK TO sync_change_file; RELEASE sync_change_file");
            throw InputError(fmt::format("{}: {}", path.string(), e.what()));
        }
        db.exec("RELEASE sync_change_file");
        ++report_.files_read;
        report_.received += received;
        report_.conflicts += conflicts;
    }

    void note_problem(std::string message) {
        if (std::find(report_.problems.begin(), report_.problems.end(), message) == report_.problems.end())
            report_.problems.push_back(std::move(message));
    }

    // ---- the second transaction: this replica's next file ----

    void publish(const SyncPlan& plan) {
        auto me = read_sync_setup(diary_).replica;
        // A damaged file is repaired by a snapshot, so that whoever missed
        // what it held finds it; after a new replica id the damaged files
        // are the old id's, which only the snapshot can stand in for.
        bool snapshot = !plan.damaged.empty();
        auto changes = snapshot ? all_changes(diary_) : unsent_changes(diary_);
        if (!changes.empty()) {
            auto unsent = snapshot ? unsent_changes(diary_).size() : changes.size();
            write_own(me, own_written(me) + 1, changes, snapshot);
            report_.sent += unsent;
        }
        if (report_.new_replica_id) return;
        for (auto seq : plan.damaged) {
            write_own(me, seq, {}, false);
            ++report_.repaired;
        }
    }

    void write_own(const std::string& me, std::int64_t seq, const std::vector<SyncChange>& changes, bool snapshot) {
        ChangeFile file{me, seq, latest_schema_version(), ctx_.host, snapshot, changes};
        bool replace = seq <= own_written(me);
        folder_.write(folder_.change_file(me, seq), seal_change_file(key_, file), replace);
        if (replace) {
            if (auto stamp = stamp_of_file(folder_.change_file(me, seq)))
                record_own_file(diary_, {seq, stamp->size, stamp->mtime_ns});
        } else {
            record_written(me, seq, changes);
        }
    }

    Diary& diary_;
    const SyncContext& ctx_;
    SyncFolder folder_;
    SyncKey key_;
    SyncReport report_;
};

SyncKey paired_key(Diary& diary) {
    auto setup = read_sync_setup(diary);
    if (setup.key.empty()) throw not_paired(diary);
    return SyncKey::from_bytes(setup.key);
}

void refuse_paired(Diary& diary) {
    auto setup = read_sync_setup(diary);
    if (!setup.key.empty())
        throw InputError(fmt::format("{}: this diary already syncs with {}; expected a diary that does not sync yet",
                                     diary.path(), setup.folder.value_or("a folder")));
}

std::string absolute_folder(const fs::path& dir) { return fs::absolute(dir).lexically_normal().string(); }

}  // namespace

SyncReport sync_diary(Diary& diary, const SyncContext& ctx) {
    auto key = paired_key(diary);
    return SyncRun(diary, ctx, std::move(key)).run();
}

void init_sync(Diary& diary, const SyncContext& ctx, const SyncKey& key) {
    refuse_paired(diary);
    SyncFolder folder(ctx.folder);
    if (fs::exists(ctx.folder) && !fs::is_directory(ctx.folder))
        throw InputError(fmt::format("{}: not a directory; expected a folder to sync through", ctx.folder.string()));
    if (fs::exists(folder.marker()))
        throw InputError(fmt::format("{}: already a painlog sync folder; expected painlog sync join {} --key-file "
                                     "FILE to pair this diary with it, or a new folder",
                                     ctx.folder.string(), ctx.folder.string()));
    create_private_directories(ctx.folder);
    bool marker_written = false;
    try {
        diary.write([&] {
            save_sync_setup(diary, absolute_folder(ctx.folder), key.bytes(), ctx.home);
            folder.write(folder.marker(), seal_folder_marker(key, {new_uuid(), ctx.now_text}), false);
            marker_written = true;
        });
    } catch (...) {
        // The folder is only this diary's once the diary says so.
        if (marker_written) fs::remove(folder.marker());
        throw;
    }
}

void join_sync(Diary& diary, const SyncContext& ctx, const SyncKey& key) {
    refuse_paired(diary);
    SyncFolder folder(ctx.folder);
    try {
        check_folder(folder, key);
    } catch (const SyncFileError& e) {
        throw InputError(fmt::format("{}; expected the folder's own marker, as painlog sync init wrote it", e.what()));
    }
    diary.write([&] {
        // A copy of a diary that already syncs here (copied before pairing)
        // has its replica id: two writers of one directory, which the sync
        // tool would turn into conflict copies. The copy becomes a replica of
        // its own; its records keep their ids, so nothing doubles.
        if (folder.list().contains(read_sync_setup(diary).replica))
            take_new_replica_id(diary, new_uuid(), ctx.home, ctx.now_ms);
        save_sync_setup(diary, absolute_folder(ctx.folder), key.bytes(), ctx.home);
    });
}

}  // namespace painlog
