// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Looking after the diary file: checking it (SQLite's integrity and foreign
// key checks, the schema version and the schema itself) and copying it with
// SQLite's online backup, which is safe while other processes write.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/crypto/age.hpp"

namespace SQLite { class Database; }

namespace painlog {

// One named check and what it found; `problems` is empty when it passed.
struct CheckResult {
    std::string name;                   // integrity_check, foreign_key_check, schema_version, schema
    std::string summary;                // one line for people: "ok", "3 problems", ...
    std::vector<std::string> problems;  // one line each
};

struct CheckReport {
    std::string path;
    int schema_version = 0;           // the file's PRAGMA user_version
    int expected_schema_version = 0;  // latest_schema_version() of this build
    std::vector<CheckResult> checks;

    [[nodiscard]] bool ok() const;
    [[nodiscard]] std::size_t problem_count() const;
};

// At most this many problem lines are kept per check (integrity_check on a
// badly damaged file can report thousands).
inline constexpr std::size_t max_problems_per_check = 100;

// Runs every check against `db`, which is only read. A file SQLite cannot
// read at all (not a database, damaged header) becomes a failed check rather
// than an exception. `path` is only used for the report.
[[nodiscard]] CheckReport check_diary(SQLite::Database& db, const std::string& path);

// The report for people: one line per check, then the verdict.
[[nodiscard]] std::string render_check_text(const CheckReport& report);
// {"path", "ok", "problem_count", "schema_version", "expected_schema_version",
//  "checks": [{"name", "ok", "summary", "problems": [...]}]}
[[nodiscard]] nlohmann::ordered_json check_json(const CheckReport& report);

enum class Overwrite { refuse, allow };

struct BackupResult {
    std::string destination;
    std::uintmax_t bytes = 0;
    std::int64_t entries = 0;
    CheckReport check;  // of the copy; always ok when backup_diary returns
};

// Copies `source`, the diary at `source_path`, to `destination` with
// SQLite's online backup API. The copy is written to a new file (mode 0600)
// beside `destination` (files.hpp's SiblingTemporary, so that one a killed
// backup left is removed by the next), checked with check_diary, and only
// then moved into place, so a failed backup leaves no file and never damages
// an older copy. Throws InputError when `destination` exists and
// `overwrite` is refuse, is the diary or one of its SQLite files, or is not
// a regular file (a directory, a device, a FIFO); RuntimeError on I/O
// failure (disk full, no permission) or when the copy does not check clean.
//
// With `seal`, FILE is an age file for those recipients: the plain copy is
// made and checked beside the diary (in its private directory, never beside
// FILE, which may be a synced folder), sealed into the temporary beside
// FILE, and removed.
BackupResult backup_diary(SQLite::Database& source, const std::filesystem::path& source_path,
                          const std::filesystem::path& destination, Overwrite overwrite,
                          const age::SealFor* seal = nullptr);

struct RestoreResult {
    std::uintmax_t bytes = 0;  // of the restored diary
    std::int64_t entries = 0;
    bool sealed = false;       // the backup was an age file
    CheckReport check;         // of the restored diary; always ok when restore_diary returns
};

// Gives the keys for a sealed backup once its header is read: whether it
// wants a passphrase (reader.sealed_with_passphrase()) decides what to ask.
using KeysFor = std::function<age::Keys(const age::Reader& reader)>;

// Replaces (Overwrite::allow) or creates the diary at `diary` from the
// backup `source`: a diary file as db backup writes it, or one sealed in an
// age file. The copy is written to a new file (mode 0600) beside the diary,
// decrypted to its last authenticated chunk, checked with check_diary, and
// only then renamed over the diary, so that a wrong key, a damaged or cut
// backup, or one that does not check clean leaves the diary as it was.
// Throws InputError for those, for a diary that exists with
// Overwrite::refuse, and for a diary with a journal left by an unfinished
// write (which SQLite would replay into the restored file); RuntimeError on
// I/O failure.
RestoreResult restore_diary(const std::filesystem::path& source, const std::filesystem::path& diary,
                            Overwrite overwrite, const KeysFor& keys_for);

}  // namespace painlog
