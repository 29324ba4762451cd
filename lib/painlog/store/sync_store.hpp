// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What sync keeps in the diary (schema v10) and does to it: this replica's
// id, folder and key; how far each replica's change files have been read;
// the versions of records going out and coming in, merged by the rule of
// model/sync_version.hpp; and the versions that lost, kept as conflicts.
// Every function that writes runs inside the caller's Diary::write.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/crypto/sodium.hpp"
#include "painlog/model/sync_version.hpp"
#include "painlog/store/sync_records.hpp"

namespace painlog {

class Diary;

// One version of one record, as it travels between replicas: replicas are
// named by their ids (UUIDs), never by the diary's own numbers for them.
struct SyncChange {
    std::string kind;
    std::string uid;
    RecordVersion version;
    std::optional<nlohmann::json> data;  // nullopt for a deletion
};

struct SyncSetup {
    std::string replica;                // this diary's replica id
    std::optional<std::string> folder;  // set by sync init or join
    crypto::Bytes key;                  // the shared secret; empty until then
    std::string home;                   // the machine and path the replica id belongs to
};

[[nodiscard]] SyncSetup read_sync_setup(Diary& diary);
void save_sync_setup(Diary& diary, const std::string& folder, const crypto::Bytes& key, const std::string& home);

struct ReplicaProgress {
    std::string id;
    std::string name;          // the host name its last change file gave
    std::int64_t applied = 0;  // its change files 1..applied have been read (this replica: written)
    bool is_me = false;
};
[[nodiscard]] std::vector<ReplicaProgress> sync_replicas(Diary& diary);
void set_replica_progress(Diary& diary, const ReplicaProgress& progress);

// This replica's change files as written: size and modification time, to
// notice one that was damaged or removed since.
struct OwnFile {
    std::int64_t seq = 0;
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
};
[[nodiscard]] std::vector<OwnFile> own_files(Diary& diary);
void record_own_file(Diary& diary, const OwnFile& file);

// True when some record has a version not yet written to the folder, or a
// change not yet stamped.
[[nodiscard]] bool has_unsent_changes(Diary& diary);
// How many records have a version, or a change, not yet written.
[[nodiscard]] std::int64_t unsent_count(Diary& diary);
// Stamps what is not yet stamped (changes from the sqlite3 shell).
void stamp_pending(Diary& diary, std::int64_t now_ms);
// The versions not yet written to the folder, and marking them written.
[[nodiscard]] std::vector<SyncChange> unsent_changes(Diary& diary);
void mark_sent(Diary& diary, const std::vector<SyncChange>& changes);
// Every record's current version, deletions too: a snapshot of the diary.
[[nodiscard]] std::vector<SyncChange> all_changes(Diary& diary);

// True when the diary holds this version of the record or one made after it.
[[nodiscard]] bool diary_knows(Diary& diary, const SyncChange& change);

// The diary becomes replica `new_id` (when it was copied, or restored from a
// backup older than what its replica wrote): its versions not yet written go
// out under the new id, with stamps past everything seen, so that none can
// share a stamp with a version its old id wrote after the backup.
void take_new_replica_id(Diary& diary, const std::string& new_id, const std::string& home, std::int64_t now_ms);

// Merges versions from other replicas into the diary.
class ChangeMerger {
public:
    explicit ChangeMerger(Diary& diary);
    ChangeMerger(const ChangeMerger&) = delete;
    ChangeMerger& operator=(const ChangeMerger&) = delete;
    ~ChangeMerger();

    enum class Outcome { known, taken, conflict };
    // InputError for a version that does not fit (unknown kind, content of
    // the wrong shape): the caller rolls back what that file wrote.
    Outcome merge(const SyncChange& change);
    // Keeps the versions that lost as conflicts, moves the clock past every
    // stamp seen and stamps the conflicts (new records of this replica) at
    // `now_ms`. Call once, after the last merge.
    void finish(std::int64_t now_ms);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A version that lost to one made apart from it, kept and shown.
struct SyncConflict {
    std::int64_t id = 0;       // sync_conflict.id, for dismiss
    std::string kind;          // of the record
    std::string record;        // the record's uid
    std::optional<LocalKey> local;  // the record's key here; nullopt when it is deleted here
    HlcStamp stamp = 0;
    std::string origin;        // the replica that made the losing version
    bool deleted = false;      // the losing version was a deletion
    nlohmann::json data;       // its content, {} for a deletion
};
[[nodiscard]] std::vector<SyncConflict> sync_conflicts(Diary& diary);
// Removes conflict `id` from the list on every replica; InputError when unknown.
void dismiss_conflict(Diary& diary, std::int64_t id);

// The id of the conflict that keeps `loser` of a record, the same on every
// replica that finds it.
[[nodiscard]] std::string conflict_uid(const std::string& kind, const std::string& uid, const RecordVersion& loser);

}  // namespace painlog
