// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/sync_records.hpp"

#include <array>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/crypto/sodium.hpp"
#include "painlog/model/sync_version.hpp"
#include "painlog/util/error.hpp"

namespace painlog {
namespace {

// Every kind of record that syncs and the tables it spans. The columns are
// those of the schema, the local key left out where it is a rowid. A child
// table added to a kind needs, in its migration, the three triggers that
// mark the parent dirty (schema.cpp, v10_sync); a replica of an older
// schema waits for the upgrade (change files name the schema they were
// written with).
const std::vector<SyncedKind>& kinds_table() {
    static const std::vector<SyncedKind> kinds{
        {"entry", "entry", "id", SyncedKind::Uid::random,
         {"at", "zone", "day", "pain", "mood", "energy", "sleep_hours", "sleep_quality", "activity", "note"},
         {{"entry_tag", "entry_id", {"kind", "name"}},
          {"entry_region", "entry_id", {"region"}},
          {"entry_quality", "entry_id", {"quality"}}}},
        {"event", "event", "id", SyncedKind::Uid::random,
         {"kind", "label", "at", "zone", "day", "note", "not_given"},
         // The pre-infusion check travels with its infusion, so that it can
         // never arrive without it.
         {{"infusion_check", "event_id",
           {"at", "zone", "pregnant", "breastfeeding", "new_symptoms", "heart_problem", "new_medicines", "medicines",
            "medicines_confirmed", "sedation", "escort"}}}},
        {"questionnaire", "questionnaire", "id", SyncedKind::Uid::random,
         {"instrument", "at", "zone", "day", "answers", "score"}, {}},
        {"dose", "dose", "id", SyncedKind::Uid::random,
         {"medicine", "amount", "unit", "as_needed", "at", "zone", "day", "note"}, {}},
        {"setting", "setting", "key", SyncedKind::Uid::from_key, {"key", "value"}, {}},
        {"conflict", "sync_conflict", "id", SyncedKind::Uid::uid_column,
         {"uid", "kind", "record", "stamp", "origin", "deleted", "data"}, {}},
    };
    return kinds;
}

void bind_local(SQLite::Statement& st, int index, const LocalKey& local) {
    if (const auto* id = std::get_if<std::int64_t>(&local)) st.bind(index, *id);
    else st.bind(index, std::get<std::string>(local));
}

LocalKey local_of(const SQLite::Column& column) {
    if (column.isInteger()) return column.getInt64();
    return column.getString();
}

nlohmann::json json_of(const SQLite::Column& column, std::string_view table) {
    if (column.isNull()) return nullptr;
    if (column.isInteger()) return column.getInt64();
    if (column.isFloat()) return column.getDouble();
    if (column.isText()) return column.getString();
    throw RuntimeError(fmt::format("table {}: a blob where painlog keeps none; run painlog db check", table));
}

void bind_json(SQLite::Statement& st, int index, const nlohmann::json& value, std::string_view what) {
    if (value.is_null()) st.bind(index);
    else if (value.is_number_integer()) st.bind(index, value.get<std::int64_t>());
    else if (value.is_number_float()) st.bind(index, value.get<double>());
    else if (value.is_string()) st.bind(index, value.get_ref<const std::string&>());
    else throw InputError(fmt::format("{}: expected null, a number or a string", what));
}

// ---- stamping ----

VersionVector stored_vv(const SQLite::Column& vv, std::int64_t origin, HlcStamp stamp) {
    return stored_version_vector(vv.isNull() ? std::nullopt : std::optional(vv.getString()), origin, stamp);
}

class Stamper {
public:
    Stamper(SQLite::Database& db, std::int64_t now_ms) : db_(db) {
        SQLite::Statement st(db_, "SELECT me, clock FROM sync_state");
        if (!st.executeStep()) throw RuntimeError("sync_state is empty; run painlog db check");
        me_ = st.getColumn(0).getInt64();
        next_ = next_stamp(st.getColumn(1).getInt64(), now_ms);
    }

    // New rows of a kind whose ids are random, in one statement each: an
    // import of 100,000 entries stamps them in a fraction of a second.
    void insert_new(const SyncedKind& kind) {
        auto first = next_;
        SQLite::Statement insert(
            db_, fmt::format("INSERT INTO sync_record (kind, uid, local, stamp, origin, unsent) "
                             "SELECT d.kind, {}, d.local, ?1 + row_number() OVER (ORDER BY d.local) - 1, ?2, 1 "
                             "FROM (SELECT DISTINCT kind, local FROM sync_dirty WHERE kind = ?3) d JOIN {} t ON t.{} = d.local "
                             "WHERE NOT EXISTS "
                             "(SELECT 1 FROM sync_record r WHERE r.kind = ?3 AND r.local = d.local)",
                             uuid_sql, kind.table, kind.key));
        insert.bind(1, first);
        insert.bind(2, me_);
        insert.bind(3, std::string(kind.name));
        next_ += insert.exec();
        SQLite::Statement done(db_, "DELETE FROM sync_dirty WHERE kind = ?1 AND EXISTS (SELECT 1 FROM sync_record r "
                                    "WHERE r.kind = ?1 AND r.local = sync_dirty.local AND r.stamp >= ?2)");
        done.bind(1, std::string(kind.name));
        done.bind(2, first);
        done.exec();
    }

    // A changed or deleted row, or a new one whose id derives from it.
    void stamp_one(const SyncedKind& kind, const LocalKey& local) {
        bool present = row_exists(kind, local);
        SQLite::Statement rec(db_, "SELECT uid, stamp, origin, vv FROM sync_record WHERE kind = ? AND local = ?");
        rec.bind(1, std::string(kind.name));
        bind_local(rec, 2, local);
        if (rec.executeStep()) {
            auto vv = stored_vv(rec.getColumn(3), rec.getColumn(2).getInt64(), rec.getColumn(1).getInt64());
            return restamp(kind, rec.getColumn(0).getString(), std::move(vv), present ? &local : nullptr);
        }
        if (!present) return;  // made and removed before any stamping
        auto uid = derived_uid(kind, local);
        SQLite::Statement old(db_, "SELECT stamp, origin, vv FROM sync_record WHERE kind = ? AND uid = ?");
        old.bind(1, std::string(kind.name));
        old.bind(2, uid);
        if (old.executeStep()) {
            // A setting set again after it was unset: the same record, revived.
            auto vv = stored_vv(old.getColumn(2), old.getColumn(1).getInt64(), old.getColumn(0).getInt64());
            return restamp(kind, uid, std::move(vv), &local);
        }
        SQLite::Statement insert(db_, "INSERT INTO sync_record (kind, uid, local, stamp, origin, unsent) "
                                      "VALUES (?, ?, ?, ?, ?, 1)");
        insert.bind(1, std::string(kind.name));
        insert.bind(2, uid);
        bind_local(insert, 3, local);
        insert.bind(4, next_++);
        insert.bind(5, me_);
        insert.exec();
    }

    void finish() {
        db_.exec("DELETE FROM sync_dirty");
        SQLite::Statement clock(db_, "UPDATE sync_state SET clock = ?");
        clock.bind(1, next_ - 1);
        clock.exec();
    }

    // A v4 UUID from SQLite's randomness, evaluated per row (as the v10
    // migration gives existing records theirs).
    static constexpr std::string_view uuid_sql =
        "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
        "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || "
        "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

private:
    bool row_exists(const SyncedKind& kind, const LocalKey& local) {
        SQLite::Statement st(db_, fmt::format("SELECT 1 FROM {} WHERE {} = ?", kind.table, kind.key));
        bind_local(st, 1, local);
        return st.executeStep();
    }

    std::string derived_uid(const SyncedKind& kind, const LocalKey& local) {
        switch (kind.uid) {
            case SyncedKind::Uid::random: return new_uuid();
            case SyncedKind::Uid::from_key: return fmt::format("{}:{}", kind.name, std::get<std::string>(local));
            case SyncedKind::Uid::uid_column: break;
        }
        SQLite::Statement st(db_, fmt::format("SELECT uid FROM {} WHERE {} = ?", kind.table, kind.key));
        bind_local(st, 1, local);
        st.executeStep();
        return st.getColumn(0).getString();
    }

    // A new version of this replica over `vv`: the row's content now, or a
    // tombstone when `local` is null.
    void restamp(const SyncedKind& kind, const std::string& uid, VersionVector vv, const LocalKey* local) {
        auto stamp = next_++;
        auto me = std::to_string(me_);
        vv.include(me, stamp);
        SQLite::Statement st(db_, "UPDATE sync_record SET local = ?, stamp = ?, origin = ?, vv = ?, unsent = 1 "
                                  "WHERE kind = ? AND uid = ?");
        if (local) bind_local(st, 1, *local);
        else st.bind(1);
        st.bind(2, stamp);
        st.bind(3, me_);
        if (auto text = storable_version_vector(vv, me_, stamp)) st.bind(4, *text);
        else st.bind(4);
        st.bind(5, std::string(kind.name));
        st.bind(6, uid);
        st.exec();
    }

    SQLite::Database& db_;
    std::int64_t me_ = 0;
    HlcStamp next_ = 0;
};

}  // namespace

std::span<const SyncedKind> synced_kinds() { return kinds_table(); }

const SyncedKind* synced_kind_named(std::string_view name) {
    for (const auto& kind : kinds_table())
        if (kind.name == name) return &kind;
    return nullptr;
}

VersionVector stored_version_vector(const std::optional<std::string>& text, std::int64_t origin, HlcStamp stamp) {
    if (!text) return VersionVector{{{std::to_string(origin), stamp}}};
    auto parsed = parse_version_vector(*text);
    if (!parsed) throw RuntimeError("sync_record: a damaged version vector; run painlog db check");
    return *parsed;
}

std::optional<std::string> storable_version_vector(const VersionVector& vv, std::int64_t origin, HlcStamp stamp) {
    if (vv == VersionVector{{{std::to_string(origin), stamp}}}) return std::nullopt;
    return format_version_vector(vv);
}

std::string new_uuid() {
    std::array<std::uint8_t, 16> bytes{};
    crypto::random_fill(bytes);
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x40);  // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
    std::string text;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
        text += fmt::format("{:02x}", bytes[i]);
    }
    return text;
}

void mark_unrecorded_rows_dirty(SQLite::Database& db) {
    for (const auto& kind : synced_kinds()) {
        if (kind.uid != SyncedKind::Uid::random) continue;
        // NOT IN, not a correlated "r.local = t.id": local has no affinity,
        // so comparing it with an integer column converts it, and the index
        // on (kind, local) would serve kind alone (a scan per row).
        SQLite::Statement mark(db, fmt::format("INSERT INTO sync_dirty (kind, local) SELECT ?1, {1} FROM {0} "
                                               "WHERE {1} NOT IN (SELECT local FROM sync_record "
                                               "WHERE kind = ?1 AND local IS NOT NULL)",
                                               kind.table, kind.key));
        mark.bind(1, std::string(kind.name));
        mark.exec();
    }
}

void stamp_changes(SQLite::Database& db, std::int64_t now_ms) {
    std::vector<std::string> dirty_kinds;
    {
        SQLite::Statement st(db, "SELECT DISTINCT kind FROM sync_dirty");
        while (st.executeStep()) dirty_kinds.push_back(st.getColumn(0).getString());
    }
    if (dirty_kinds.empty()) return;
    Stamper stamper(db, now_ms);
    for (const auto& name : dirty_kinds)
        if (const auto* kind = synced_kind_named(name); kind && kind->uid == SyncedKind::Uid::random)
            stamper.insert_new(*kind);
    std::vector<std::pair<const SyncedKind*, LocalKey>> rest;
    {
        SQLite::Statement st(db, "SELECT DISTINCT kind, local FROM sync_dirty");
        while (st.executeStep())
            if (const auto* kind = synced_kind_named(st.getColumn(0).getText()))
                rest.emplace_back(kind, local_of(st.getColumn(1)));
    }
    for (const auto& [kind, local] : rest) stamper.stamp_one(*kind, local);
    stamper.finish();
}

std::optional<nlohmann::json> read_record_data(SQLite::Database& db, const SyncedKind& kind, const LocalKey& local) {
    SQLite::Statement row(db, fmt::format("SELECT {} FROM {} WHERE {} = ?", fmt::join(kind.columns, ", "), kind.table,
                                          kind.key));
    bind_local(row, 1, local);
    if (!row.executeStep()) return std::nullopt;
    nlohmann::json data = nlohmann::json::object();
    for (std::size_t i = 0; i < kind.columns.size(); ++i)
        data[std::string(kind.columns[i])] = json_of(row.getColumn(static_cast<int>(i)), kind.table);
    for (const auto& child : kind.children) {
        SQLite::Statement rows(db, fmt::format("SELECT {0} FROM {1} WHERE {2} = ? ORDER BY {0}",
                                               fmt::join(child.columns, ", "), child.table, child.parent));
        bind_local(rows, 1, local);
        auto& list = data[std::string(child.table)] = nlohmann::json::array();
        while (rows.executeStep()) {
            auto values = nlohmann::json::array();
            for (std::size_t i = 0; i < child.columns.size(); ++i)
                values.push_back(json_of(rows.getColumn(static_cast<int>(i)), child.table));
            list.push_back(std::move(values));
        }
    }
    return data;
}

// ---- writing ----

struct RecordWriter::Statements {
    const SyncedKind* kind;
    SQLite::Statement insert, update, remove;
    struct Child {
        SQLite::Statement clear, insert;
    };
    std::vector<Child> children;

    Statements(SQLite::Database& db, const SyncedKind& k)
        : kind(&k),
          insert(db, fmt::format("INSERT INTO {} ({}) VALUES ({})", k.table, fmt::join(k.columns, ", "),
                                 placeholders(k.columns.size()))),
          update(db, fmt::format("UPDATE {} SET {} = ? WHERE {} = ?", k.table, fmt::join(k.columns, " = ?, "), k.key)),
          remove(db, fmt::format("DELETE FROM {} WHERE {} = ?", k.table, k.key)) {
        for (const auto& child : k.children)
            children.push_back(
                {SQLite::Statement(db, fmt::format("DELETE FROM {} WHERE {} = ?", child.table, child.parent)),
                 SQLite::Statement(db, fmt::format("INSERT INTO {} ({}, {}) VALUES (?, {})", child.table, child.parent,
                                                   fmt::join(child.columns, ", "),
                                                   placeholders(child.columns.size())))});
    }

    static std::string placeholders(std::size_t n) {
        std::string out;
        for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
        return out;
    }
};

RecordWriter::RecordWriter(SQLite::Database& db) : db_(db) {}
RecordWriter::~RecordWriter() = default;

RecordWriter::Statements& RecordWriter::statements_for(const SyncedKind& kind) {
    for (auto& s : cache_)
        if (s->kind == &kind) return *s;
    return *cache_.emplace_back(std::make_unique<Statements>(db_, kind));
}

namespace {

// The members of `data` are exactly the kind's columns and child tables.
void check_members(const SyncedKind& kind, const nlohmann::json& data) {
    if (!data.is_object()) throw InputError(fmt::format("a {}: expected an object of values", kind.name));
    std::size_t expected = kind.columns.size() + kind.children.size();
    for (auto column : kind.columns)
        if (!data.contains(std::string(column)))
            throw InputError(fmt::format("a {}: no value for {}", kind.name, column));
    for (const auto& child : kind.children)
        if (!data.contains(std::string(child.table)) || !data[std::string(child.table)].is_array())
            throw InputError(fmt::format("a {}: expected a list {}", kind.name, child.table));
    if (data.size() != expected)
        throw InputError(fmt::format("a {}: {} values where {} were expected", kind.name, data.size(), expected));
}

}  // namespace

LocalKey RecordWriter::write(const SyncedKind& kind, const std::optional<LocalKey>& local, const nlohmann::json& data) {
    check_members(kind, data);
    auto& s = statements_for(kind);
    auto& row = local ? s.update : s.insert;
    row.reset();
    row.clearBindings();
    for (std::size_t i = 0; i < kind.columns.size(); ++i)
        bind_json(row, static_cast<int>(i + 1), data[std::string(kind.columns[i])],
                  fmt::format("a {}'s {}", kind.name, kind.columns[i]));
    if (local) bind_local(row, static_cast<int>(kind.columns.size() + 1), *local);
    row.exec();
    LocalKey key = local ? *local
                   : kind.uid == SyncedKind::Uid::from_key
                       ? LocalKey(data[std::string(kind.key)].get<std::string>())
                       : LocalKey(db_.getLastInsertRowid());
    for (std::size_t c = 0; c < kind.children.size(); ++c) {
        const auto& child = kind.children[c];
        auto& st = s.children[c];
        st.clear.reset();
        bind_local(st.clear, 1, key);
        st.clear.exec();
        for (const auto& values : data[std::string(child.table)]) {
            if (!values.is_array() || values.size() != child.columns.size())
                throw InputError(fmt::format("a {}'s {}: expected rows of {} values", kind.name, child.table,
                                             child.columns.size()));
            st.insert.reset();
            bind_local(st.insert, 1, key);
            for (std::size_t i = 0; i < values.size(); ++i)
                bind_json(st.insert, static_cast<int>(i + 2), values[i],
                          fmt::format("a {}'s {}", kind.name, child.columns[i]));
            st.insert.exec();
        }
    }
    return key;
}

void RecordWriter::remove(const SyncedKind& kind, const LocalKey& local) {
    auto& s = statements_for(kind);
    s.remove.reset();
    bind_local(s.remove, 1, local);
    s.remove.exec();
}

}  // namespace painlog
