#pragma once
// The diary file: opening (create, check, migrate), entries and settings.
// Every write is one BEGIN IMMEDIATE transaction; the busy timeout lets a
// cron job and the user write at the same moment.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "painlog/entry.hpp"

namespace painlog {

enum class Access { read, write };

inline constexpr std::chrono::milliseconds busy_timeout{10'000};

struct EntryQuery {
    std::optional<Day> from;          // first diary day, inclusive
    std::optional<Day> to;            // last diary day, inclusive
    std::optional<std::size_t> last;  // only the N most recent of those
};

class Diary {
public:
    // Opens the diary at `path`, creating it (mode 0600, missing directories
    // 0700) when absent and migrating it forward when older. Refuses, without
    // changing a byte, a file that is not a painlog diary or is newer than
    // this build (InputError), and a read-only file when `access` is write
    // (RuntimeError).
    static Diary open(const std::filesystem::path& path, Access access);
    // An empty diary in memory, for tests.
    static Diary in_memory();

    [[nodiscard]] const std::string& path() const { return path_; }

    // Runs `work` inside one BEGIN IMMEDIATE transaction: all or nothing.
    void write(const std::function<void()>& work);

    // Stores a new entry and sets its id.
    void add(Entry& entry);
    // Replaces a stored entry (matched by id) with these values.
    void update(const Entry& entry);
    void remove(std::int64_t id);
    [[nodiscard]] std::optional<Entry> find(std::int64_t id);
    // Throws InputError when there is no entry `id`.
    [[nodiscard]] Entry get(std::int64_t id);
    // Entries in time order.
    [[nodiscard]] std::vector<Entry> entries(const EntryQuery& query = {});
    // The same entries, each handed to `visit` as it is read, so that a
    // caller writing them out never holds them all.
    void for_each_entry(const EntryQuery& query, const std::function<void(Entry)>& visit);
    [[nodiscard]] std::optional<Instant> last_entry_time();

    [[nodiscard]] std::optional<std::string> setting(std::string_view key);
    // The stored value, or the key's default.
    [[nodiscard]] std::string setting_or_default(std::string_view key);
    void set_setting(std::string_view key, const std::string& value);
    void unset_setting(std::string_view key);

    // For lib modules that own other tables (events, questionnaires).
    [[nodiscard]] SQLite::Database& db() { return *db_; }

private:
    Diary(std::string path, std::unique_ptr<SQLite::Database> db);
    void insert_tags(const Entry& entry);

    std::string path_;
    std::unique_ptr<SQLite::Database> db_;
};

// Parses an id given on the command line; throws InputError naming `what`.
[[nodiscard]] std::int64_t parse_id(std::string_view text, std::string_view what);

// Turns a SQLite failure into a message a patient can act on.
[[nodiscard]] std::string describe_sqlite_error(const SQLite::Exception& e, const std::string& path);

}  // namespace painlog
