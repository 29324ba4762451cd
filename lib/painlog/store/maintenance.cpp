// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/maintenance.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
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
                          Overwrite overwrite) {
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
    try {
        SQLite::Database target(copy.path(), SQLite::OPEN_READWRITE, static_cast<int>(busy_timeout.count()));
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
        SQLite::Database check(copy.path(), SQLite::OPEN_READONLY);
        result.check = check_diary(check, name);
        if (result.check.ok()) result.entries = check.execAndGet("SELECT count(*) FROM entry").getInt64();
    } catch (const SQLite::Exception& e) {
        throw copy_failed(name, e);
    }
    if (!result.check.ok())
        throw RuntimeError(fmt::format("{}: the copy did not check clean ({} problems); no backup was written; "
                                       "run painlog db check on the diary",
                                       name, result.check.problem_count()));

    if (overwrite == Overwrite::allow) {
        if (::rename(copy.path().c_str(), name.c_str()) != 0)
            throw RuntimeError(fmt::format("{}: cannot move the backup into place: {}", name, std::strerror(errno)));
    } else {
        // link() fails if another process created the file meanwhile.
        int rc = ::link(copy.path().c_str(), name.c_str());
        // Some file systems (FAT, some network mounts) have no hard links.
        if (rc != 0 && (errno == EPERM || errno == ENOTSUP || errno == EXDEV) && !fs::exists(destination))
            rc = ::rename(copy.path().c_str(), name.c_str());
        if (rc != 0) {
            if (errno == EEXIST)
                throw InputError(
                    fmt::format("{}: already exists; expected a new file name, or --force to replace it", name));
            throw RuntimeError(fmt::format("{}: cannot move the backup into place: {}", name, std::strerror(errno)));
        }
        ::unlink(copy.path().c_str());
    }
    copy.release();
    sync_directory(dir);
    result.bytes = fs::file_size(destination);
    return result;
}

}  // namespace painlog
