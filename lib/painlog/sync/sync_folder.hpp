// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The layout of a sync folder, and reading and writing its files:
//
//   DIR/painlog-sync-folder               the marker, written once by sync init
//   DIR/REPLICA/00000001.plsync, ...      each replica's change files, numbered
//                                         from 1, written only by that replica
//
// REPLICA is a replica's id (a UUID). Nothing else in DIR is painlog's: a
// sync tool's own files (Syncthing's .stfolder, its temporary files) are
// left alone. A file is written beside its name (mode 0600) and renamed
// into place once on disk, so that a sync tool never sees half of one.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "painlog/crypto/sodium.hpp"

namespace painlog {

// The largest change file painlog reads: a snapshot of a 100,000-entry
// diary is about 40 MB.
inline constexpr std::uintmax_t max_change_file_bytes = 512ull << 20;

struct FileStamp {
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
};

class SyncFolder {
public:
    explicit SyncFolder(std::filesystem::path dir) : dir_(std::move(dir)) {}

    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
    [[nodiscard]] std::filesystem::path marker() const { return dir_ / "painlog-sync-folder"; }
    [[nodiscard]] std::filesystem::path change_file(const std::string& replica, std::int64_t seq) const;

    // Each replica's change file numbers, in order.
    [[nodiscard]] std::map<std::string, std::vector<std::int64_t>> list() const;

    // RuntimeError when it cannot be read; InputError when it is larger
    // than any change file.
    [[nodiscard]] crypto::Bytes read(const std::filesystem::path& path) const;
    // Writes a new file, or replaces one when `replace`; RuntimeError when
    // the file exists and may not be replaced, or on I/O failure.
    void write(const std::filesystem::path& path, const crypto::Bytes& bytes, bool replace) const;

private:
    std::filesystem::path dir_;
};

// A file's size and modification time; nullopt when it is not there.
[[nodiscard]] std::optional<FileStamp> stamp_of_file(const std::filesystem::path& path);

// True for a replica id as painlog makes them: a UUID in lowercase.
[[nodiscard]] bool is_replica_id(std::string_view name);

}  // namespace painlog
