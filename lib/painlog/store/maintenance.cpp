// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/maintenance.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/files.hpp"
#include "painlog/store/schema.hpp"

namespace painlog {
namespace {

namespace fs = std::filesystem;

void add_problem(CheckResult& result, std::string problem) {
    if (result.problems.size() < max_problems_per_check) result.problems.push_back(std::move(problem));
}

std::string count_summary(const CheckResult& result) {
    auto n = result.problems.size();
    if (n == 0) return "ok";
    return fmt::format("{}{} problem{}", n, n == max_problems_per_check ? "+" : "", n == 1 ? "" : "s");
}

CheckResult integrity_check(SQLite::Database& db) {
    CheckResult result{"integrity_check", "", {}};
    try {
        SQLite::Statement st(db, "PRAGMA integrity_check(" + std::to_string(max_problems_per_check) + ")");
        while (st.executeStep()) {
            auto line = st.getColumn(0).getString();
            if (line != "ok") add_problem(result, line);
        }
    } catch (const SQLite::Exception& e) {
        add_problem(result, fmt::format("SQLite cannot read the file: {}", e.what()));
    }
    result.summary = count_summary(result);
    return result;
}

CheckResult foreign_key_check(SQLite::Database& db) {
    CheckResult result{"foreign_key_check", "", {}};
    try {
        SQLite::Statement st(db, "PRAGMA foreign_key_check");
        while (st.executeStep()) {
            // table, rowid (NULL for WITHOUT ROWID tables), parent table, fk index
            auto row = st.getColumn(1).isNull() ? std::string("a row") : "row " + st.getColumn(1).getString();
            add_problem(result, fmt::format("{} of table {} refers to a missing {}", row, st.getColumn(0).getString(),
                                            st.getColumn(2).getString()));
        }
    } catch (const SQLite::Exception& e) {
        add_problem(result, fmt::format("SQLite cannot read the file: {}", e.what()));
    }
    result.summary = count_summary(result);
    return result;
}

// The schema as SQLite reports it: object name → type, and table → columns.
struct SchemaShape {
    std::map<std::string, std::string> objects;
    std::map<std::string, std::vector<std::string>> columns;
};

SchemaShape schema_shape(SQLite::Database& db) {
    SchemaShape shape;
    SQLite::Statement objects(db, "SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'index') "
                                  "AND name NOT LIKE 'sqlite_%'");
    while (objects.executeStep()) shape.objects[objects.getColumn(0).getString()] = objects.getColumn(1).getString();
    SQLite::Statement columns(db, "SELECT name FROM pragma_table_info(?)");
    for (const auto& [name, type] : shape.objects) {
        if (type != "table") continue;
        columns.bind(1, name);
        auto& list = shape.columns[name];
        while (columns.executeStep()) list.push_back(columns.getColumn(0).getString());
        columns.reset();
    }
    return shape;
}

// The shape a file at `version` should have: the migrations up to it,
// replayed into an empty database in memory.
SchemaShape expected_shape(int version) {
    SQLite::Database reference(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const auto& migration : migrations())
        if (migration.version <= version) reference.exec(std::string(migration.sql));
    return schema_shape(reference);
}

CheckResult schema_check(SQLite::Database& db, int version) {
    CheckResult result{"schema", "", {}};
    if (version < 1 || version > latest_schema_version()) {
        result.summary = "not checked (unknown schema version)";
        return result;
    }
    try {
        auto expected = expected_shape(version);
        auto actual = schema_shape(db);
        std::size_t tables = 0;
        for (const auto& [name, type] : expected.objects) {
            if (type == "table") ++tables;
            auto found = actual.objects.find(name);
            if (found == actual.objects.end()) {
                add_problem(result, fmt::format("{} {} is missing", type, name));
            } else if (found->second != type) {
                add_problem(result, fmt::format("{} is a {}, expected a {}", name, found->second, type));
            } else if (type == "table") {
                const auto& have = actual.columns[name];
                std::set<std::string> present(have.begin(), have.end());
                for (const auto& column : expected.columns[name])
                    if (!present.contains(column))
                        add_problem(result, fmt::format("table {} lacks column {}", name, column));
            }
        }
        result.summary = count_summary(result);
        if (result.problems.empty())
            result.summary = fmt::format("ok: {} tables and {} indexes as expected", tables,
                                         expected.objects.size() - tables);
    } catch (const SQLite::Exception& e) {
        add_problem(result, fmt::format("SQLite cannot read the schema: {}", e.what()));
        result.summary = count_summary(result);
    }
    return result;
}

CheckResult version_check(SQLite::Database& db, int& version) {
    CheckResult result{"schema_version", "", {}};
    int latest = latest_schema_version();
    try {
        version = db.execAndGet("PRAGMA user_version").getInt();
        int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        if (version == 0 && objects == 0) {
            add_problem(result, "the file holds no painlog schema (user_version 0, no tables): not a diary yet");
        } else if (version == 0) {
            add_problem(result, "user_version 0 with tables: a SQLite database that painlog did not create");
        } else if (version > latest) {
            add_problem(result, fmt::format("schema version {} is newer than this painlog understands ({}); "
                                            "upgrade painlog",
                                            version, latest));
        }
    } catch (const SQLite::Exception& e) {
        add_problem(result, fmt::format("SQLite cannot read the version: {}", e.what()));
    }
    if (!result.problems.empty()) result.summary = result.problems.front();
    else if (version < latest)
        result.summary = fmt::format("{} (older than this painlog's {}: upgraded when painlog next opens it)", version,
                                     latest);
    else result.summary = fmt::format("{} (this painlog: {})", version, latest);
    return result;
}

RuntimeError copy_failed(const std::string& destination, const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
        case SQLITE_FULL: return RuntimeError(fmt::format("{}: the disk is full; no backup was written", destination));
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return RuntimeError(fmt::format("{}: the diary stayed locked by another process; no backup was written; "
                                            "try again",
                                            destination));
        default: return RuntimeError(fmt::format("{}: cannot write the backup ({}); no backup was written",
                                                 destination, e.what()));
    }
}

void sync_directory(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// SQLite's online backup of `source` into the empty file `copy`, checked;
// fills in the result's check and entries.
// A copy that is only read again to be sealed is never synced to disk:
// the sealed file is, and this one is removed.
enum class Transient { no, yes };

void copy_and_check(SQLite::Database& source, const std::string& copy, const std::string& name, BackupResult& result,
                    Transient transient) {
    try {
        SQLite::Database target(copy, SQLite::OPEN_READWRITE, static_cast<int>(busy_timeout.count()));
        if (transient == Transient::yes) target.exec("PRAGMA synchronous = OFF");
        SQLite::Backup backup(target, source);
        // One step copies every page under one read lock: a consistent
        // snapshot even while other processes write. Busy and locked come
        // back as codes once the source's busy timeout has run out.
        int rc = backup.executeStep(-1);
        if (rc != SQLITE_DONE)
            throw RuntimeError(fmt::format("{}: the diary stayed locked by another process; no backup was written; "
                                           "try again",
                                           name));
    } catch (const SQLite::Exception& e) {
        throw copy_failed(name, e);
    }
    try {
        SQLite::Database check(copy, SQLite::OPEN_READONLY);
        result.check = check_diary(check, name);
        if (result.check.ok()) result.entries = check.execAndGet("SELECT count(*) FROM entry").getInt64();
    } catch (const SQLite::Exception& e) {
        throw copy_failed(name, e);
    }
    if (!result.check.ok())
        throw RuntimeError(fmt::format("{}: the copy did not check clean ({} problems); no backup was written; "
                                       "run painlog db check on the diary",
                                       name, result.check.problem_count()));
}

// Copies `in` to `out` a chunk at a time. Not `out << in.rdbuf()`, which
// would swallow an age reader's exception for a damaged chunk.
void copy_stream(std::istream& in, std::ostream& out, const std::string& name) {
    std::vector<char> buffer(age::chunk_size);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
        out.write(buffer.data(), in.gcount());
    if (in.bad()) throw RuntimeError(fmt::format("{}: cannot read", name));
}

// The plain copy at `plain`, sealed into `sealed` for `seal` and on disk.
void seal_file(const std::string& plain, const std::string& sealed, const age::SealFor& seal, const std::string& name) {
    std::ifstream in(plain, std::ios::binary);
    std::ofstream out(sealed, std::ios::binary | std::ios::trunc);
    {
        age::Writer writer(out, seal);
        std::ostream sealing(&writer);
        copy_stream(in, sealing, name);
        writer.finish();
    }
    out.close();
    if (!in.eof() || !out)
        throw RuntimeError(fmt::format("{}: cannot write the sealed backup: {}; no backup was written", name,
                                       std::strerror(errno)));
    sync_file(sealed, name);
}

// Renames the checked temporary over `target` (Overwrite::allow), or links
// it there only if nothing has taken the name meanwhile.
void move_into_place(SiblingTemporary& copy, const fs::path& target, Overwrite overwrite) {
    auto name = target.string();
    if (overwrite == Overwrite::allow) {
        if (::rename(copy.path().c_str(), name.c_str()) != 0)
            throw RuntimeError(fmt::format("{}: cannot move the new file into place: {}", name, std::strerror(errno)));
    } else {
        // link() fails if another process created the file meanwhile.
        int rc = ::link(copy.path().c_str(), name.c_str());
        // Some file systems (FAT, some network mounts) have no hard links.
        if (rc != 0 && (errno == EPERM || errno == ENOTSUP || errno == EXDEV) && !fs::exists(target))
            rc = ::rename(copy.path().c_str(), name.c_str());
        if (rc != 0) {
            if (errno == EEXIST)
                throw InputError(
                    fmt::format("{}: already exists; expected a new file name, or --force to replace it", name));
            throw RuntimeError(fmt::format("{}: cannot move the new file into place: {}", name, std::strerror(errno)));
        }
        ::unlink(copy.path().c_str());
    }
    copy.release();
    sync_directory(target.parent_path().empty() ? fs::path(".") : target.parent_path());
}

// A diary may be replaced only with --force, only when it is a file, and
// never from itself or while SQLite's journal of an unfinished write lies
// beside it: SQLite would play that journal back into the restored file.
void refuse_restore_target(const fs::path& source, const fs::path& diary, Overwrite overwrite) {
    auto name = diary.string();
    if (same_file(source, diary))
        throw InputError(fmt::format("{}: is the diary itself; expected a backup to restore it from", source.string()));
    auto existing = classify_output(diary);
    if (existing != OutputTarget::absent && existing != OutputTarget::regular_file)
        throw InputError(fmt::format("{}: is not a regular file; expected a diary file to restore into", name));
    if (existing == OutputTarget::regular_file && overwrite == Overwrite::refuse)
        throw InputError(fmt::format("{}: a diary already exists; expected --force to replace it with {}", name,
                                     source.string()));
    for (std::string_view suffix : {"-journal", "-wal"}) {
        auto companion = fs::path(name + std::string(suffix));
        if (fs::exists(companion))
            throw InputError(fmt::format("{}: an unfinished write left this beside the diary; expected painlog db "
                                         "check first, which rolls it back, then the restore",
                                         companion.string()));
    }
}

bool starts_with_age_magic(std::istream& in) {
    std::string head(age::magic.size(), '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    return age::is_age(head);
}

// The restored copy must be a diary that checks clean, or it is not used.
void check_restored(const std::string& copy, const std::string& name, RestoreResult& result) {
    try {
        SQLite::Database check(copy, SQLite::OPEN_READONLY);
        result.check = check_diary(check, name);
        if (result.check.ok()) result.entries = check.execAndGet("SELECT count(*) FROM entry").getInt64();
    } catch (const SQLite::Exception& e) {
        throw InputError(fmt::format("{}: cannot read the restored copy ({}); the diary was not touched", name, e.what()));
    }
    if (!result.check.ok()) {
        const auto& first = *std::find_if(result.check.checks.begin(), result.check.checks.end(),
                                          [](const CheckResult& c) { return !c.problems.empty(); });
        throw InputError(fmt::format("{}: not a diary that checks clean ({}: {}); the diary was not touched", name,
                                     first.name, first.problems.front()));
    }
}

}  // namespace

bool CheckReport::ok() const { return problem_count() == 0; }

std::size_t CheckReport::problem_count() const {
    std::size_t n = 0;
    for (const auto& check : checks) n += check.problems.size();
    return n;
}

CheckReport check_diary(SQLite::Database& db, const std::string& path) {
    CheckReport report;
    report.path = path;
    report.expected_schema_version = latest_schema_version();
    report.checks.push_back(integrity_check(db));
    report.checks.push_back(foreign_key_check(db));
    report.checks.push_back(version_check(db, report.schema_version));
    report.checks.push_back(schema_check(db, report.schema_version));
    return report;
}

std::string render_check_text(const CheckReport& report) {
    std::string out = fmt::format("Checking {}\n", report.path);
    for (const auto& check : report.checks) {
        out += fmt::format("  {:<18} {}\n", check.name, check.summary);
        if (check.problems.size() > 1 || (check.problems.size() == 1 && check.summary != check.problems.front()))
            for (const auto& problem : check.problems) out += fmt::format("    - {}\n", problem);
    }
    auto n = report.problem_count();
    if (n == 0) out += "Verdict: ok, no problems found.\n";
    else
        out += fmt::format("Verdict: {} problem{} found. Keep the file as it is and restore the latest backup; "
                           "see painlog-db(1).\n",
                           n, n == 1 ? "" : "s");
    return out;
}

nlohmann::ordered_json check_json(const CheckReport& report) {
    nlohmann::ordered_json json;
    json["path"] = report.path;
    json["ok"] = report.ok();
    json["problem_count"] = report.problem_count();
    json["schema_version"] = report.schema_version;
    json["expected_schema_version"] = report.expected_schema_version;
    json["checks"] = nlohmann::ordered_json::array();
    for (const auto& check : report.checks) {
        nlohmann::ordered_json item;
        item["name"] = check.name;
        item["ok"] = check.problems.empty();
        item["summary"] = check.summary;
        item["problems"] = check.problems;
        json["checks"].push_back(std::move(item));
    }
    return json;
}

BackupResult backup_diary(SQLite::Database& source, const fs::path& source_path, const fs::path& destination,
                          Overwrite overwrite, const age::SealFor* seal) {
    auto name = destination.string();
    if (destination.empty() || destination.filename().empty() || fs::is_directory(destination))
        throw InputError(fmt::format("{}: is a directory; expected a file name for the copy", name));
    refuse_diary_as_output(destination, source_path, "db backup");
    auto existing = classify_output(destination);
    if (existing != OutputTarget::absent && existing != OutputTarget::regular_file)
        throw InputError(fmt::format("{}: is not a regular file; expected a file name for the copy", name));
    if (existing == OutputTarget::regular_file && overwrite == Overwrite::refuse)
        throw InputError(fmt::format("{}: already exists; expected a new file name, or --force to replace it", name));
    auto dir = destination.parent_path().empty() ? fs::path(".") : destination.parent_path();
    if (!fs::is_directory(dir))
        throw InputError(fmt::format("{}: no such directory {}; expected an existing directory", name, dir.string()));

    SiblingTemporary copy(destination, fmt::format("{}: cannot create the backup", name));
    BackupResult result;
    result.destination = name;
    if (seal) {
        SiblingTemporary plain(source_path, fmt::format("{}: cannot create the backup beside the diary", name));
        copy_and_check(source, plain.path(), name, result, Transient::yes);
        seal_file(plain.path(), copy.path(), *seal, name);
    } else {
        copy_and_check(source, copy.path(), name, result, Transient::no);
    }
    move_into_place(copy, destination, overwrite);
    result.bytes = fs::file_size(destination);
    return result;
}

namespace {

RestoreResult restore_into(std::istream& in, const fs::path& source, const fs::path& diary, Overwrite overwrite,
                           const KeysFor& keys_for, std::vector<fs::path>& created) {
    auto name = source.string();
    create_private_directories(diary.parent_path(), &created);
    SiblingTemporary copy(diary, fmt::format("{}: cannot create the restored diary", diary.string()));
    RestoreResult result;
    result.sealed = starts_with_age_magic(in);
    {
        std::ofstream out(copy.path(), std::ios::binary | std::ios::trunc);
        if (result.sealed) {
            age::Reader reader(in, name);
            reader.open(keys_for(reader));
            std::istream plain(&reader);
            plain.exceptions(std::ios::badbit);
            copy_stream(plain, out, name);
        } else {
            copy_stream(in, out, name);
        }
        out.close();
        if (!out) throw RuntimeError(fmt::format("{}: cannot write the restored diary: {}", diary.string(), std::strerror(errno)));
    }
    sync_file(copy.path(), diary.string());
    check_restored(copy.path(), name, result);
    move_into_place(copy, diary, overwrite);
    result.bytes = fs::file_size(diary);
    return result;
}

}  // namespace

RestoreResult restore_diary(const fs::path& source, const fs::path& diary, Overwrite overwrite,
                            const KeysFor& keys_for) {
    auto name = source.string();
    refuse_restore_target(source, diary, overwrite);
    std::ifstream in(source, std::ios::binary);
    if (fs::is_directory(source) || !in)
        throw InputError(fmt::format("{}: cannot read: {}; expected a backup file", name,
                                     fs::is_directory(source) ? "is a directory" : std::strerror(errno)));
    // Directories made for a new diary go again if the restore fails.
    std::vector<fs::path> created;
    auto remove_created = [&created] {
        std::error_code ignored;
        for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ignored);
    };
    try {
        return restore_into(in, source, diary, overwrite, keys_for, created);
    } catch (...) {
        remove_created();
        throw;
    }
}

}  // namespace painlog
