// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/diary.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "painlog/model/body.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/files.hpp"
#include "painlog/store/schema.hpp"
#include "painlog/store/sync_records.hpp"
#include "painlog/model/settings.hpp"

namespace painlog {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view entry_columns =
    "id, at, zone, day, pain, mood, energy, sleep_quality, activity, sleep_hours, note";

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

InputError newer_diary(const std::string& path, int version) {
    return InputError(fmt::format("{}: diary schema version {} is newer than this painlog understands ({}); "
                                  "upgrade painlog. The file was not changed",
                                  path, version, latest_schema_version()));
}

// Refuses from the header alone, before SQLite may recover the file, a file
// that is not SQLite, a newer diary and a database painlog did not create.
void refuse_foreign_or_newer(const fs::path& path) {
    auto header = read_file_header(path);
    auto name = path.string();
    if (header.kind == FileHeader::Kind::not_sqlite) throw not_a_diary(name, "the file is not a SQLite database");
    if (header.kind != FileHeader::Kind::sqlite) return;
    if (header.user_version > latest_schema_version()) throw newer_diary(name, header.user_version);
    if (header.user_version == 0 && open_immutable(path)->execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0)
        throw not_a_diary(name, "a SQLite database that painlog did not create");
}

std::unique_ptr<SQLite::Database> open_file(const std::string& path) {
    // One thread per connection: SQLite's per-call mutex is pure overhead
    // (a few per cent of a ten-year summary).
    return std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX,
                                              static_cast<int>(busy_timeout.count()));
}

std::unique_ptr<SQLite::Database> new_in_memory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(*db);
    return db;
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
    // `at` is stored as format_utc writes it, so text order is time order (and entry_by_at serves it).
    if (query.at_from) sql += " AND at >= :at_from";
    if (query.at_to) sql += " AND at <= :at_to";
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
    if (query.at_from) st.bind(":at_from", format_utc(*query.at_from));
    if (query.at_to) st.bind(":at_to", format_utc(*query.at_to));
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

// Hands each entry its body regions (or qualities) as the entries are read.
// Entries come in time order, which is id order but for entries imported
// or re-dated later, so the names are read by one walk of the table's key
// from the first entry's id, merged with the entries: no seek per entry
// (a join did one for each entry of a ten-year report, a tenth of its
// work). An id lower than the one before starts the walk again from it.
// A diary without any names (most, and every one before issue 17) is not
// read at all.
class BodyCursor {
public:
    using Add = void (*)(std::vector<std::string>&, std::string_view);
    BodyCursor(SQLite::Database& db, std::string_view table, std::string_view column, Add add) : add_(add) {
        if (!db.execAndGet(fmt::format("SELECT EXISTS (SELECT 1 FROM {})", table)).getInt()) return;
        st_.emplace(db, fmt::format("SELECT entry_id, {} FROM {} WHERE entry_id >= ? ORDER BY entry_id", column, table));
    }
    void read(std::int64_t id, std::vector<std::string>& names) {
        if (!st_) return;
        if (!started_ || id < last_id_) {
            st_->reset();
            st_->bind(1, id);
            more_ = st_->executeStep();
            started_ = true;
        }
        last_id_ = id;
        for (; more_ && st_->getColumn(0).getInt64() < id;) more_ = st_->executeStep();
        for (; more_ && st_->getColumn(0).getInt64() == id; more_ = st_->executeStep())
            add_(names, st_->getColumn(1).getText());
    }

private:
    Add add_;
    std::optional<SQLite::Statement> st_;
    bool started_ = false, more_ = false;
    std::int64_t last_id_ = 0;
};

// SQLite's memory statistics take a global mutex on every allocation: 6 %
// of an import's instructions, for figures painlog never reads. Only
// possible before SQLite's first use in the process, hence from here.
void configure_sqlite_once() {
    [[maybe_unused]] static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

}  // namespace

std::unique_ptr<SQLite::Database> open_immutable(const fs::path& path) {
    std::string uri = "file:";
    for (char c : path.string()) {
        if (c == '%' || c == '?' || c == '#') uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        else uri += c;
    }
    return std::make_unique<SQLite::Database>(uri + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI);
}

FileHeader read_file_header(const fs::path& path) {
    std::array<unsigned char, 100> bytes{};
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw RuntimeError(fmt::format("{}: cannot open the diary: {}", path.string(), std::strerror(errno)));
    auto n = ::read(fd, bytes.data(), bytes.size());
    ::close(fd);
    if (n == 0) return {FileHeader::Kind::empty, 0};
    constexpr std::string_view magic{"SQLite format 3\0", 16};
    if (n != static_cast<ssize_t>(bytes.size()) || !std::equal(magic.begin(), magic.end(), bytes.begin()))
        return {FileHeader::Kind::not_sqlite, 0};
    // Offset 60: the user version, a big-endian 32-bit integer.
    auto version = (std::uint32_t{bytes[60]} << 24) | (std::uint32_t{bytes[61]} << 16) |
                   (std::uint32_t{bytes[62]} << 8) | std::uint32_t{bytes[63]};
    return {FileHeader::Kind::sqlite, static_cast<int>(version)};
}

DiaryCreatedMeanwhile::DiaryCreatedMeanwhile(const std::string& path)
    : RuntimeError(fmt::format("{}: another painlog created this diary meanwhile; nothing was written; "
                               "run the command again",
                               path)) {}

Diary::Diary(std::string path, std::unique_ptr<SQLite::Database> db, bool pending_file)
    : path_(std::move(path)), db_(std::move(db)), pending_file_(pending_file) {
    db_->exec("PRAGMA foreign_keys = ON");
}

Diary Diary::open(const fs::path& path, Access access) {
    configure_sqlite_once();
    auto name = path.string();
    if (fs::is_directory(path)) throw InputError(fmt::format("{}: is a directory; expected a diary file", name));
    if (!fs::exists(path)) return Diary(name, new_in_memory(), true);
    refuse_foreign_or_newer(path);
    auto db = open_file(name);
    int version = read_version(*db, name);
    if (version > latest_schema_version()) throw newer_diary(name, version);
    bool read_only = is_read_only(*db);
    if (read_only && (access == Access::write || version < latest_schema_version()))
        throw RuntimeError(fmt::format("{}: the diary is read-only; nothing was written", name));
    // An empty file becomes a diary here: private, like one painlog creates.
    if (version == 0 && ::chmod(path.c_str(), 0600) != 0)
        throw RuntimeError(fmt::format("{}: cannot make the diary private: {}", name, std::strerror(errno)));
    if (version < latest_schema_version()) migrate(*db);
    return Diary(name, std::move(db), false);
}

Diary Diary::in_memory() {
    configure_sqlite_once();
    return Diary(":memory:", new_in_memory(), false);
}

// The file a new diary's first write goes into, and the directories made
// for it: all removed again unless that write commits.
struct Diary::WriteTransaction::NewFile {
    std::vector<fs::path> directories;
    std::optional<SiblingTemporary> file;

    ~NewFile() {
        file.reset();
        for (auto dir = directories.rbegin(); dir != directories.rend(); ++dir) ::rmdir(dir->c_str());
    }
};

Diary::WriteTransaction::WriteTransaction(Diary& diary) : diary_(diary) {
    if (diary_.pending_file_) {
        new_file_ = std::make_unique<NewFile>();
        create_private_directories(fs::path(diary_.path_).parent_path(), &new_file_->directories);
        new_file_->file.emplace(diary_.path_, fmt::format("{}: cannot create the diary", diary_.path_));
        auto db = open_file(new_file_->file->path());
        migrate(*db);
        db->exec("PRAGMA foreign_keys = ON");
        diary_.db_ = std::move(db);
    }
    transaction_.emplace(*diary_.db_, SQLite::TransactionBehavior::IMMEDIATE);
}

Diary::WriteTransaction::~WriteTransaction() {
    transaction_.reset();
    if (new_file_ && diary_.pending_file_) diary_.db_ = new_in_memory();
}

void Diary::WriteTransaction::commit() {
    auto now = diary_.clock_ ? *diary_.clock_ : std::chrono::system_clock::now();
    stamp_changes(*diary_.db_, std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count());
    transaction_->commit();
    transaction_.reset();
    if (!new_file_) return;
    const auto& path = diary_.path_;
    int rc = ::link(new_file_->file->path().c_str(), path.c_str());
    // Some file systems (FAT, some network mounts) have no hard links.
    if (rc != 0 && (errno == EPERM || errno == ENOTSUP || errno == EXDEV) && !fs::exists(path))
        rc = ::rename(new_file_->file->path().c_str(), path.c_str());
    if (rc != 0 && errno != EEXIST)
        throw RuntimeError(fmt::format("{}: cannot create the diary: {}", path, std::strerror(errno)));
    // The connection names the temporary file, and so would its journal:
    // from here on, the diary's own path.
    diary_.pending_file_ = false;
    diary_.db_ = open_file(path);
    diary_.db_->exec("PRAGMA foreign_keys = ON");
    new_file_->directories.clear();
    if (rc != 0) throw DiaryCreatedMeanwhile(path);
}

void Diary::write(const std::function<void()>& work) {
    // A write inside a write (an entry and the doses taken with it) is part
    // of the outer one: all or nothing together.
    if (writing_) return work();
    auto once = [&] {
        WriteTransaction tx(*this);
        writing_ = true;
        struct Reset {
            bool& flag;
            ~Reset() { flag = false; }
        } reset{writing_};
        work();
        tx.commit();
    };
    try {
        once();
    } catch (const DiaryCreatedMeanwhile&) {
        refuse_foreign_or_newer(path_);
        if (read_version(*db_, path_) < latest_schema_version()) migrate(*db_);
        once();
    }
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

// An entry's regions and qualities; the statements are prepared only for
// names to insert, so that an entry without them costs nothing more.
void Diary::insert_body(const Entry& entry) {
    auto insert = [&](const std::vector<std::string>& names, const char* sql) {
        if (names.empty()) return;
        SQLite::Statement st(*db_, sql);
        for (const auto& name : names) {
            st.bind(1, entry.id);
            st.bind(2, name);
            st.exec();
            st.reset();
        }
    };
    insert(entry.regions, "INSERT INTO entry_region (entry_id, region) VALUES (?, ?)");
    insert(entry.qualities, "INSERT INTO entry_quality (entry_id, quality) VALUES (?, ?)");
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
        insert_body(entry);
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
        for (auto table : {"entry_region", "entry_quality"}) {
            SQLite::Statement clear_body(*db_, fmt::format("DELETE FROM {} WHERE entry_id = ?", table));
            clear_body.bind(1, entry.id);
            clear_body.exec();
        }
        insert_tags(entry);
        insert_body(entry);
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
    SQLite::Statement regions(*db_, "SELECT region FROM entry_region WHERE entry_id = ?");
    regions.bind(1, id);
    while (regions.executeStep()) add_region(entry.regions, regions.getColumn(0).getText());
    SQLite::Statement qualities(*db_, "SELECT quality FROM entry_quality WHERE entry_id = ?");
    qualities.bind(1, id);
    while (qualities.executeStep()) add_quality(entry.qualities, qualities.getColumn(0).getText());
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
    BodyCursor regions(*db_, "entry_region", "region", add_region);
    BodyCursor qualities(*db_, "entry_quality", "quality", add_quality);
    while (st.executeStep()) {
        Entry entry = read_entry(st);
        for (; more_tags && tags.getColumn(0).getInt64() == entry.id; more_tags = tags.executeStep())
            add_tag(entry.tags, *tag_kind_named(tags.getColumn(1).getText()), tags.getColumn(2).getText());
        regions.read(entry.id, entry.regions);
        qualities.read(entry.id, entry.qualities);
        visit(std::move(entry));
    }
}

std::optional<std::int64_t> Diary::largest_entry_id(const EntryQuery& query) {
    SQLite::Statement st(*db_, fmt::format("SELECT max(id) FROM ({})", entry_select(query)));
    bind_query(st, query);
    st.executeStep();
    if (st.getColumn(0).isNull()) return std::nullopt;
    return st.getColumn(0).getInt64();
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
