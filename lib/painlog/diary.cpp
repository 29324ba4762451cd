#include "painlog/diary.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "painlog/error.hpp"
#include "painlog/schema.hpp"
#include "painlog/settings.hpp"

namespace painlog {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view entry_columns =
    "id, at, zone, day, pain, mood, energy, sleep_quality, activity, sleep_hours, note";

// Creates the missing directories above `path` with mode 0700 (a diary is
// private), leaving existing ones as they are.
void create_private_directories(const fs::path& dir) {
    if (dir.empty() || fs::exists(dir)) return;
    create_private_directories(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw RuntimeError(fmt::format("{}: cannot create directory: {}", dir.string(), std::strerror(errno)));
}

// Creates an empty file with mode 0600 so SQLite never creates it with the
// umask's wider default. An empty file is a valid new database.
void create_private_file(const fs::path& path) {
    create_private_directories(path.parent_path());
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        throw RuntimeError(fmt::format("{}: cannot create the diary: {}", path.string(), std::strerror(errno)));
    if (fd >= 0) ::close(fd);
}

InputError not_a_diary(const std::string& path, std::string_view why) {
    return InputError(fmt::format("{}: not a painlog diary ({}); expected a diary file or a new path", path, why));
}

int read_version(SQLite::Database& db, const std::string& path) {
    try {
        int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version == 0 && db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0)
            throw not_a_diary(path, "a SQLite database that painlog did not create");
        return version;
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_NOTADB) throw not_a_diary(path, "the file is not a SQLite database");
        throw;
    }
}

bool is_read_only(SQLite::Database& db) { return sqlite3_db_readonly(db.getHandle(), "main") == 1; }

template <typename Column>
std::optional<int> optional_int(const Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getInt();
}

Entry read_entry(SQLite::Statement& row) {
    Entry entry;
    entry.id = row.getColumn(0).getInt64();
    entry.at = *parse_iso_instant(row.getColumn(1).getString());
    entry.zone = row.getColumn(2).getString();
    entry.day = *parse_iso_day(row.getColumn(3).getString());
    for (std::size_t i = 0; i < all_ratings.size(); ++i)
        entry.ratings[i] = optional_int(row.getColumn(static_cast<int>(4 + i)));
    if (!row.getColumn(9).isNull()) entry.sleep_hours = row.getColumn(9).getDouble();
    entry.note = row.getColumn(10).getString();
    return entry;
}

void bind_entry_values(SQLite::Statement& st, const Entry& entry) {
    st.bind(":at", format_utc(entry.at));
    st.bind(":zone", entry.zone);
    st.bind(":day", format_day(entry.day));
    for (auto r : all_ratings) {
        auto param = fmt::format(":{}", name_of(r));
        if (entry.rating(r)) st.bind(param, *entry.rating(r));
        else st.bind(param);
    }
    if (entry.sleep_hours) st.bind(":sleep_hours", *entry.sleep_hours);
    else st.bind(":sleep_hours");
    st.bind(":note", entry.note);
}

// The WHERE/ORDER/LIMIT for a query, with its parameters bound by bind_query.
std::string entry_filter(const EntryQuery& query) {
    std::string sql;
    if (query.from) sql += " AND day >= :from";
    if (query.to) sql += " AND day <= :to";
    return sql;
}

std::string entry_select(const EntryQuery& query) {
    auto sql = fmt::format("SELECT {} FROM entry WHERE 1{}", entry_columns, entry_filter(query));
    if (query.last)
        return fmt::format("SELECT * FROM ({} ORDER BY at DESC, id DESC LIMIT :last) ORDER BY at, id", sql);
    return sql + " ORDER BY at, id";
}

// The tags of entry_select's entries in the same (at, id) order, so that one
// pass over both statements gives each entry its tags. The join walks
// entry_by_at and entry_tag's key: no sort, nothing held.
std::string tag_select(const EntryQuery& query) {
    auto filter = query.last ? fmt::format(" AND entry.id IN (SELECT id FROM ({}))", entry_select(query))
                             : entry_filter(query);
    return fmt::format("SELECT entry.id, t.kind, t.name FROM entry JOIN entry_tag t ON t.entry_id = entry.id "
                       "WHERE 1{} ORDER BY entry.at, entry.id",
                       filter);
}

void bind_query(SQLite::Statement& st, const EntryQuery& query) {
    if (query.from) st.bind(":from", format_day(*query.from));
    if (query.to) st.bind(":to", format_day(*query.to));
    if (query.last) st.bind(":last", static_cast<std::int64_t>(*query.last));
}

// Makes several SELECTs one read transaction, so that they all see the
// diary as it was at one moment even while other processes write (the
// entries and, in a second statement, their tags). Inside a transaction the
// caller already opened, it does nothing.
class ReadSnapshot {
public:
    explicit ReadSnapshot(SQLite::Database& db) : db_(db), own_(sqlite3_get_autocommit(db.getHandle()) != 0) {
        if (own_) db_.exec("BEGIN DEFERRED");
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    ~ReadSnapshot() {
        // Only read: ending it cannot lose anything, and must not throw.
        if (own_ && sqlite3_get_autocommit(db_.getHandle()) == 0)
            sqlite3_exec(db_.getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }

private:
    SQLite::Database& db_;
    bool own_;
};

// SQLite's memory statistics take a global mutex on every allocation: 6 %
// of an import's instructions, for figures painlog never reads. Only
// possible before SQLite's first use in the process, hence from here.
void configure_sqlite_once() {
    [[maybe_unused]] static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

}  // namespace

Diary::Diary(std::string path, std::unique_ptr<SQLite::Database> db) : path_(std::move(path)), db_(std::move(db)) {
    db_->exec("PRAGMA foreign_keys = ON");
}

Diary Diary::open(const fs::path& path, Access access) {
    configure_sqlite_once();
    if (!fs::exists(path)) create_private_file(path);
    if (fs::is_directory(path))
        throw InputError(fmt::format("{}: is a directory; expected a diary file", path.string()));
    // One thread per connection: SQLite's per-call mutex is pure overhead
    // (a few per cent of a ten-year summary).
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX,
                                                 static_cast<int>(busy_timeout.count()));
    auto name = path.string();
    int version = read_version(*db, name);
    if (version > latest_schema_version())
        throw InputError(fmt::format("{}: diary schema version {} is newer than this painlog understands ({}); "
                                     "upgrade painlog. The file was not changed",
                                     name, version, latest_schema_version()));
    bool read_only = is_read_only(*db);
    if (read_only && (access == Access::write || version < latest_schema_version()))
        throw RuntimeError(fmt::format("{}: the diary is read-only; nothing was written", name));
    if (version < latest_schema_version()) migrate(*db);
    return Diary(name, std::move(db));
}

Diary Diary::in_memory() {
    configure_sqlite_once();
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(*db);
    return Diary(":memory:", std::move(db));
}

void Diary::write(const std::function<void()>& work) {
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    work();
    tx.commit();
}

void Diary::insert_tags(const Entry& entry) {
    SQLite::Statement st(*db_, "INSERT INTO entry_tag (entry_id, kind, name) VALUES (?, ?, ?)");
    for (const auto& tag : entry.tags) {
        st.bind(1, entry.id);
        st.bind(2, std::string(name_of(tag.kind)));
        st.bind(3, tag.name);
        st.exec();
        st.reset();
    }
}

void Diary::add(Entry& entry) {
    write([&] {
        SQLite::Statement st(*db_, "INSERT INTO entry (at, zone, day, pain, mood, energy, sleep_quality, activity, "
                                   "sleep_hours, note) VALUES (:at, :zone, :day, :pain, :mood, :energy, "
                                   ":sleep_quality, :activity, :sleep_hours, :note)");
        bind_entry_values(st, entry);
        st.exec();
        entry.id = db_->getLastInsertRowid();
        insert_tags(entry);
    });
}

void Diary::update(const Entry& entry) {
    write([&] {
        SQLite::Statement st(*db_, "UPDATE entry SET at = :at, zone = :zone, day = :day, pain = :pain, "
                                   "mood = :mood, energy = :energy, sleep_quality = :sleep_quality, "
                                   "activity = :activity, sleep_hours = :sleep_hours, note = :note WHERE id = :id");
        bind_entry_values(st, entry);
        st.bind(":id", entry.id);
        if (st.exec() != 1) throw InputError(fmt::format("entry {}: no such entry; see painlog list", entry.id));
        SQLite::Statement clear(*db_, "DELETE FROM entry_tag WHERE entry_id = ?");
        clear.bind(1, entry.id);
        clear.exec();
        insert_tags(entry);
    });
}

void Diary::remove(std::int64_t id) {
    write([&] {
        SQLite::Statement st(*db_, "DELETE FROM entry WHERE id = ?");
        st.bind(1, id);
        if (st.exec() != 1) throw InputError(fmt::format("entry {}: no such entry; see painlog list", id));
    });
}

std::optional<Entry> Diary::find(std::int64_t id) {
    ReadSnapshot snapshot(*db_);
    SQLite::Statement st(*db_, fmt::format("SELECT {} FROM entry WHERE id = ?", entry_columns));
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    Entry entry = read_entry(st);
    SQLite::Statement tags(*db_, "SELECT kind, name FROM entry_tag WHERE entry_id = ? ORDER BY kind, name");
    tags.bind(1, id);
    while (tags.executeStep())
        add_tag(entry.tags, *tag_kind_named(tags.getColumn(0).getText()), tags.getColumn(1).getText());
    return entry;
}

Entry Diary::get(std::int64_t id) {
    if (auto entry = find(id)) return *entry;
    throw InputError(fmt::format("entry {}: no such entry; see painlog list", id));
}

std::vector<Entry> Diary::entries(const EntryQuery& query) {
    std::vector<Entry> result;
    for_each_entry(query, [&](Entry entry) { result.push_back(std::move(entry)); });
    return result;
}

void Diary::for_each_entry(const EntryQuery& query, const std::function<void(Entry)>& visit) {
    ReadSnapshot snapshot(*db_);
    SQLite::Statement st(*db_, entry_select(query));
    bind_query(st, query);
    SQLite::Statement tags(*db_, tag_select(query));
    bind_query(tags, query);
    bool more_tags = tags.executeStep();
    while (st.executeStep()) {
        Entry entry = read_entry(st);
        for (; more_tags && tags.getColumn(0).getInt64() == entry.id; more_tags = tags.executeStep())
            add_tag(entry.tags, *tag_kind_named(tags.getColumn(1).getText()), tags.getColumn(2).getText());
        visit(std::move(entry));
    }
}

std::optional<Instant> Diary::last_entry_time() {
    SQLite::Statement st(*db_, "SELECT max(at) FROM entry");
    st.executeStep();
    if (st.getColumn(0).isNull()) return std::nullopt;
    return parse_iso_instant(st.getColumn(0).getString());
}

std::optional<std::string> Diary::setting(std::string_view key) {
    SQLite::Statement st(*db_, "SELECT value FROM setting WHERE key = ?");
    st.bind(1, std::string(key));
    if (!st.executeStep()) return std::nullopt;
    return st.getColumn(0).getString();
}

std::string Diary::setting_or_default(std::string_view key) {
    if (auto value = setting(key)) return *value;
    return std::string(setting_spec(key).default_value);
}

void Diary::set_setting(std::string_view key, const std::string& value) {
    write([&] {
        SQLite::Statement st(*db_, "INSERT INTO setting (key, value) VALUES (?, ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        st.bind(1, std::string(key));
        st.bind(2, value);
        st.exec();
    });
}

void Diary::unset_setting(std::string_view key) {
    write([&] {
        SQLite::Statement st(*db_, "DELETE FROM setting WHERE key = ?");
        st.bind(1, std::string(key));
        st.exec();
    });
}

std::int64_t parse_id(std::string_view text, std::string_view what) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || id < 1)
        throw InputError(fmt::format("{} {}: expected a positive whole number (an id from painlog list)", what, text));
    return id;
}

std::string describe_sqlite_error(const SQLite::Exception& e, const std::string& path) {
    switch (e.getErrorCode()) {
        case SQLITE_BUSY:
            return fmt::format("{}: the diary is locked by another process (waited {} s); try again",
                               path, busy_timeout.count() / 1000);
        case SQLITE_FULL: return fmt::format("{}: the disk is full; nothing was written", path);
        case SQLITE_IOERR:
            // A write refused by the system (ENOSPC is SQLITE_FULL, but EFBIG
            // from a file size limit, EDQUOT or a failing disk land here).
            // The transaction was rolled back.
            if (e.getExtendedErrorCode() == SQLITE_IOERR_WRITE || e.getExtendedErrorCode() == SQLITE_IOERR_FSYNC ||
                e.getExtendedErrorCode() == SQLITE_IOERR_TRUNCATE)
                return fmt::format("{}: the system refused a write (disk full, quota or file size limit, or a failing "
                                   "disk); nothing was written",
                                   path);
            return fmt::format("{}: disk I/O error ({}); run painlog db check", path, e.what());
        case SQLITE_READONLY: return fmt::format("{}: the diary is read-only; nothing was written", path);
        case SQLITE_CANTOPEN: return fmt::format("{}: cannot open the diary or its journal: {}", path, e.what());
        case SQLITE_CORRUPT: return fmt::format("{}: the diary is damaged ({}); run painlog db check", path, e.what());
        default: return fmt::format("{}: database error: {}", path, e.what());
    }
}

}  // namespace painlog
