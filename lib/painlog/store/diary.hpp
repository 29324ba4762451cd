// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The diary file: opening (create, check, migrate), entries and settings.
// Every write is one BEGIN IMMEDIATE transaction; the busy timeout lets a
// cron job and the user write at the same moment.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "painlog/model/entry.hpp"
#include "painlog/util/error.hpp"

namespace painlog {

enum class Access { read, write };

inline constexpr std::chrono::milliseconds busy_timeout{10'000};

struct EntryQuery {
    std::optional<Day> from;          // first diary day, inclusive
    std::optional<Day> to;            // last diary day, inclusive
    std::optional<std::size_t> last;  // only the N most recent of those
    // Entries timed from at_from to at_to, inclusive (initialised, so that
    // designated initialisers may leave them out).
    std::optional<Instant> at_from = std::nullopt;
    std::optional<Instant> at_to = std::nullopt;
};

// What a file's first 100 bytes say, read without SQLite: opening a file,
// SQLite rolls back a transaction that a crash left in its journal, which
// must not happen to a file painlog will then refuse.
struct FileHeader {
    enum class Kind { empty, not_sqlite, sqlite } kind = Kind::empty;
    int user_version = 0;  // PRAGMA user_version, when kind is sqlite
};
[[nodiscard]] FileHeader read_file_header(const std::filesystem::path& path);
// The file read as it is, journal or not: SQLite's immutable mode reads no
// journal and takes no lock. For files that must not change.
[[nodiscard]] std::unique_ptr<SQLite::Database> open_immutable(const std::filesystem::path& path);

class Diary {
public:
    // Opens the diary at `path`, migrating it forward when older. A path
    // where there is no file yet opens as a new, empty diary whose file (mode
    // 0600, missing directories 0700) is created by its first committed
    // write, so that bad input or a cancelled command creates nothing.
    // Refuses, without changing a byte, a file that is not a painlog diary
    // or is newer than this build (InputError), and a read-only file when
    // `access` is write (RuntimeError). A file that painlog turns into a
    // diary (an empty one) is given mode 0600.
    static Diary open(const std::filesystem::path& path, Access access);
    // An empty diary in memory, for tests.
    static Diary in_memory();

    [[nodiscard]] const std::string& path() const { return path_; }
    // False until the first write of a diary opened where no file was.
    [[nodiscard]] bool has_file() const { return !pending_file_; }

    // One BEGIN IMMEDIATE transaction, rolled back unless committed. The
    // first one of a diary without a file yet writes into a new file beside
    // the path, which commit() moves into place (link, so never over a diary
    // that another process created meanwhile: then commit throws
    // DiaryCreatedMeanwhile and the diary is that other file, unchanged).
    class WriteTransaction {
    public:
        explicit WriteTransaction(Diary& diary);
        WriteTransaction(const WriteTransaction&) = delete;
        WriteTransaction& operator=(const WriteTransaction&) = delete;
        ~WriteTransaction();
        void commit();

    private:
        struct NewFile;
        Diary& diary_;
        std::unique_ptr<NewFile> new_file_;
        std::optional<SQLite::Transaction> transaction_;
    };

    // Runs `work` inside one WriteTransaction: all or nothing. When another
    // process created the diary's file meanwhile, runs it again there. Called
    // from inside `work`, it runs the inner work in the same transaction.
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
    // The largest id among the entries `query` selects; nullopt when none.
    [[nodiscard]] std::optional<std::int64_t> largest_entry_id(const EntryQuery& query);

    [[nodiscard]] std::optional<std::string> setting(std::string_view key);
    // The stored value, or the key's default.
    [[nodiscard]] std::string setting_or_default(std::string_view key);
    void set_setting(std::string_view key, const std::string& value);
    void unset_setting(std::string_view key);

    // For lib modules that own other tables (events, questionnaires).
    [[nodiscard]] SQLite::Database& db() { return *db_; }

    // The time that versions of changed records are stamped with as each
    // write commits (store/sync_records.hpp): the command's "now", so that
    // the tests' fixed clock reaches them. Unset, the system clock.
    void set_clock(Instant now) { clock_ = now; }

private:
    Diary(std::string path, std::unique_ptr<SQLite::Database> db, bool pending_file);
    void insert_tags(const Entry& entry);
    void insert_body(const Entry& entry);

    std::string path_;
    std::unique_ptr<SQLite::Database> db_;
    bool pending_file_ = false;
    bool writing_ = false;
    std::optional<Instant> clock_;
};

// The first write of a new diary found a file that another process had
// created at the path meanwhile; nothing of this write was kept.
class DiaryCreatedMeanwhile : public RuntimeError {
public:
    explicit DiaryCreatedMeanwhile(const std::string& path);
};

// Parses an id given on the command line; throws InputError naming `what`.
[[nodiscard]] std::int64_t parse_id(std::string_view text, std::string_view what);

// Turns a SQLite failure into a message a patient can act on.
[[nodiscard]] std::string describe_sqlite_error(const SQLite::Exception& e, const std::string& path);

}  // namespace painlog
