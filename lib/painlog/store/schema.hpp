// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The diary's schema as an ordered list of migrations. Migration i brings a
// file from user_version i to i + 1; each runs in one transaction together
// with the PRAGMA user_version that records it. Append only: a released
// migration never changes.

#include <functional>
#include <span>
#include <string_view>

namespace SQLite { class Database; }

namespace painlog {

struct Migration {
    int version;  // user_version after it has run
    std::string_view sql;
};

[[nodiscard]] std::span<const Migration> migrations();
[[nodiscard]] int latest_schema_version();

// Brings `db` to latest_schema_version(). The caller has checked that the
// file is not newer than this build. Safe against a concurrent migration by
// another process: the version is re-read inside the write transaction.
void migrate(SQLite::Database& db);

// Runs `bulk_write` (which only inserts rows) with the triggers that keep
// logged_run and those that note inserted rows for sync set aside, then
// puts them back, rebuilds logged_run once and notes for sync every row
// without a sync record: row by row, that upkeep is a third of a
// 100,000-entry import, and the sync triggers' statement journals more than
// doubled it. Call inside a write transaction, which then covers the
// set-aside triggers too (a rollback restores them).
void with_bulk_triggers_set_aside(SQLite::Database& db, const std::function<void()>& bulk_write);

}  // namespace painlog
