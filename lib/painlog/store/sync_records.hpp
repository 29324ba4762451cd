// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The diary's records as sync sees them (issue 21, schema v10): each kind of
// record, the tables it spans and the columns that travel, read and written
// generically as JSON objects; and the stamping of changed rows with ids
// and versions, which every write transaction does as it commits.
//
// A record's content ("data") is a JSON object with one member per column
// of its table (its local key left out, since ids differ between replicas,
// unless the key is data, as a setting's is) and one per child table, an
// array of rows in the child's column order, sorted. Adding a child table
// to a kind is one line in synced_kinds() and three triggers in its
// migration; see sync_records.cpp.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/sync_version.hpp"

namespace SQLite { class Database; }

namespace painlog {

// A table whose rows belong to a record of another table.
struct SyncedChild {
    std::string_view table;
    std::string_view parent;  // the column that holds the record's local key
    std::vector<std::string_view> columns;
};

struct SyncedKind {
    enum class Uid {
        random,      // a new UUID for every new record
        from_key,    // "KIND:KEY": the same record on every replica (settings)
        uid_column,  // the table's own uid column (conflicts, whose ids are derived)
    };
    std::string_view name;   // entry, event, questionnaire, dose, setting, conflict
    std::string_view table;
    std::string_view key;    // the local key column (id, or a setting's key)
    Uid uid = Uid::random;
    std::vector<std::string_view> columns;  // every column that travels, the key too when it is data
    std::vector<SyncedChild> children;
};

[[nodiscard]] std::span<const SyncedKind> synced_kinds();
[[nodiscard]] const SyncedKind* synced_kind_named(std::string_view name);

// A record's key in its own table: a rowid, or a setting's name.
using LocalKey = std::variant<std::int64_t, std::string>;

// Version vectors as sync_record stores them: keyed by the diary's numbers
// for replicas (sync_replica.n), NULL (nullopt) when the version holds only
// its own change. RuntimeError for stored text that does not parse.
[[nodiscard]] VersionVector stored_version_vector(const std::optional<std::string>& text, std::int64_t origin,
                                                  HlcStamp stamp);
[[nodiscard]] std::optional<std::string> storable_version_vector(const VersionVector& vv, std::int64_t origin,
                                                                 HlcStamp stamp);

// A random (version 4) UUID in lowercase text.
[[nodiscard]] std::string new_uuid();

// Gives every row changed since the last stamping (sync_dirty) its id and a
// new version from this replica's clock at `now_ms`, or a tombstone when
// the row is gone, and empties sync_dirty. Call inside the write
// transaction that made the changes, before it commits.
void stamp_changes(SQLite::Database& db, std::int64_t now_ms);

// Notes in sync_dirty every row of a kind with random ids that has no sync
// record: the rows a bulk insert made with the insert triggers set aside
// (with_bulk_triggers_set_aside), with their child rows.
void mark_unrecorded_rows_dirty(SQLite::Database& db);

// The content of a record as it is stored now; nullopt when its row is gone.
[[nodiscard]] std::optional<nlohmann::json> read_record_data(SQLite::Database& db, const SyncedKind& kind,
                                                             const LocalKey& local);

// Writes records' content into their tables, with prepared statements kept
// for a whole sync. Throws InputError for content that does not fit the
// kind (a member missing, unknown or of the wrong type).
class RecordWriter {
public:
    explicit RecordWriter(SQLite::Database& db);
    RecordWriter(const RecordWriter&) = delete;
    RecordWriter& operator=(const RecordWriter&) = delete;
    ~RecordWriter();
    // Replaces the record's row and child rows (inserting them when
    // `local` is nullopt) and returns its local key.
    LocalKey write(const SyncedKind& kind, const std::optional<LocalKey>& local, const nlohmann::json& data);
    void remove(const SyncedKind& kind, const LocalKey& local);

private:
    struct Statements;
    Statements& statements_for(const SyncedKind& kind);
    SQLite::Database& db_;
    std::vector<std::unique_ptr<Statements>> cache_;
};

}  // namespace painlog
