// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The files in a sync folder, as bytes: a replica's change files (a batch
// of record versions each) and the folder's marker, written once by sync
// init so that a joining replica can tell the right key from a wrong one.
//
// Every file is "painlog-sync 1\n", the 8-byte id of the key it is sealed
// with, then a secret stream (crypto/secretstream.hpp) sealed with the
// folder's file key, its associated data the magic, the key id and the
// file's place ("folder", or "REPLICA/SEQ"): a file copied or renamed to
// another place does not open. Inside, JSON lines: a header object, then
// one object per version:
//   {"kind":"entry","uid":"...","stamp":N,"origin":"REPLICA","vv":{"REPLICA":N},"data":{...}}
// with "data" null for a deletion.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "painlog/crypto/sodium.hpp"
#include "painlog/store/sync_store.hpp"
#include "painlog/sync/sync_key.hpp"
#include "painlog/util/error.hpp"

namespace painlog {

// Raised with a one-line reason when a file cannot be used: not a painlog
// sync file, sealed with another key, damaged, or from a newer painlog.
class SyncFileError : public InputError {
public:
    enum class Why { not_sync_file, other_key, damaged, newer };
    SyncFileError(Why why, const std::string& message) : InputError(message), why_(why) {}
    [[nodiscard]] Why why() const { return why_; }

private:
    Why why_;
};

inline constexpr int change_file_format = 1;

struct ChangeFile {
    std::string replica;  // who wrote it
    std::int64_t seq = 0;
    int schema = 0;         // the diary schema of the painlog that wrote it
    std::string host;       // the writer's host name, to tell replicas apart
    bool snapshot = false;  // holds every record (written to repair damaged files)
    std::vector<SyncChange> changes;
};

[[nodiscard]] crypto::Bytes seal_change_file(const SyncKey& key, const ChangeFile& file);
// `name` starts every message. The replica and seq are those the file's
// place says it holds; anything else is SyncFileError.
[[nodiscard]] ChangeFile open_change_file(const SyncKey& key, std::span<const std::uint8_t> bytes,
                                          const std::string& replica, std::int64_t seq, const std::string& name);

struct FolderMarker {
    std::string folder;   // the folder's id (a UUID)
    std::string created;  // ISO 8601
};
[[nodiscard]] crypto::Bytes seal_folder_marker(const SyncKey& key, const FolderMarker& marker);
[[nodiscard]] FolderMarker open_folder_marker(const SyncKey& key, std::span<const std::uint8_t> bytes,
                                              const std::string& name);

}  // namespace painlog
