#pragma once
// The diary's schema as an ordered list of migrations. Migration i brings a
// file from user_version i to i + 1; each runs in one transaction together
// with the PRAGMA user_version that records it. Append only: a released
// migration never changes.

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

}  // namespace painlog
