// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// painlog sync: one diary on several machines through a folder that a file
// sync tool keeps in step (issue 21). Each diary is a replica with its own
// id; a sync reads the change files of the other replicas that it has not
// read, merges their versions into the diary (model/sync_version.hpp),
// and writes this replica's versions not yet written as its next change
// file. A replica writes only in its own directory, so a sync tool never
// sees two writers of one file.
//
// A sync is two write transactions: the first merges what arrived, the
// second writes the change file and then records it, so that a sync killed
// at any moment leaves the diary as before either, and at worst a change
// file that the diary does not record yet: the next sync finds it in the
// replica's own directory and, since the diary holds all it says, takes it
// as written.
//
// Two more things the replica's own directory can show. A file the diary
// knows nothing of: the diary was restored from a backup older than it (or
// copied, which the machine and path it belongs to also show), so the diary
// takes a new replica id and reads the old id's later files like another
// replica's: nothing the old id wrote is lost, and nothing new can share a
// stamp with it. A file that changed or went since it was written
// (damaged, cut short, replaced): the replica writes a snapshot of every
// record as its next file and puts an empty one in the damaged one's place,
// so that replicas waiting on it go on and miss nothing.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "painlog/sync/sync_key.hpp"

namespace painlog {

class Diary;

// What the command knows about where and when it runs.
struct SyncContext {
    std::filesystem::path folder;
    std::int64_t now_ms = 0;
    std::string now_text;  // ISO 8601, for the folder's marker
    std::string host;      // this machine's name, shown to other replicas
    std::string home;      // this machine and the diary's path: where the replica id belongs
};

struct SyncReport {
    std::string replica;            // this diary's replica id after the sync
    bool up_to_date = false;        // there was nothing to read or write
    std::size_t files_read = 0;     // change files of other replicas merged
    std::size_t received = 0;       // versions that changed the diary
    std::size_t conflicts = 0;      // versions that lost and were kept as conflicts
    std::size_t sent = 0;           // versions written to the folder
    std::size_t repaired = 0;       // own change files found damaged and replaced
    bool new_replica_id = false;    // the diary was restored or copied: it took a new replica id
    std::vector<std::string> problems;  // files that could not be read, one line each
};

// Syncs the diary with ctx.folder. InputError when the diary is not paired
// or the folder is not its folder (missing, another key); a change file
// that cannot be read is a problem in the report, and the rest syncs.
SyncReport sync_diary(Diary& diary, const SyncContext& ctx);

// sync init: makes ctx.folder (0700 when missing) this diary's sync
// folder, sealed with `key`. InputError when the diary already syncs or
// the folder already is a painlog sync folder.
void init_sync(Diary& diary, const SyncContext& ctx, const SyncKey& key);
// sync join: pairs the diary with an existing sync folder, once `key`
// opens its marker. InputError for a folder that is not one, a key that
// is not its key, and a diary that already syncs. A copy of a replica
// already in the folder takes a new replica id.
void join_sync(Diary& diary, const SyncContext& ctx, const SyncKey& key);

}  // namespace painlog
