// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/sync_store.hpp"

#include <algorithm>
#include <map>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"

namespace painlog {
// Types the merger holds (so not in an anonymous namespace, which a
// member of ChangeMerger::Impl cannot use).
namespace sync_store_detail {

// The diary's numbers for replicas (sync_replica.n) and their ids, adding
// replicas not seen before.
class ReplicaNumbers {
public:
    explicit ReplicaNumbers(SQLite::Database& db) : db_(db) {
        SQLite::Statement st(db_, "SELECT n, id FROM sync_replica");
        while (st.executeStep()) remember(st.getColumn(0).getInt64(), st.getColumn(1).getString());
    }

    const std::string& id_of(std::int64_t n) const {
        auto found = by_n_.find(n);
        if (found == by_n_.end()) throw RuntimeError(fmt::format("sync_record: replica {} is unknown; run painlog db check", n));
        return found->second;
    }

    std::int64_t number_of(const std::string& id) {
        if (auto found = by_id_.find(id); found != by_id_.end()) return found->second;
        SQLite::Statement insert(db_, "INSERT INTO sync_replica (id) VALUES (?)");
        insert.bind(1, id);
        insert.exec();
        remember(db_.getLastInsertRowid(), id);
        return by_id_.at(id);
    }

    // A stored version vector with replica ids, and back.
    VersionVector global(const VersionVector& local) const {
        VersionVector out;
        for (const auto& [n, stamp] : local.stamps) out.stamps[id_of(std::stoll(n))] = stamp;
        return out;
    }
    VersionVector local(const VersionVector& global) {
        VersionVector out;
        for (const auto& [id, stamp] : global.stamps) out.stamps[std::to_string(number_of(id))] = stamp;
        return out;
    }

private:
    void remember(std::int64_t n, const std::string& id) {
        by_n_[n] = id;
        by_id_[id] = n;
    }

    SQLite::Database& db_;
    std::map<std::int64_t, std::string> by_n_;
    std::map<std::string, std::int64_t> by_id_;
};

struct LosingVersion {
    std::string kind, record;
    RecordVersion version;
    std::optional<nlohmann::json> data;
};

}  // namespace sync_store_detail

using sync_store_detail::LosingVersion;
using sync_store_detail::ReplicaNumbers;

namespace {

std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

std::int64_t my_replica_number(SQLite::Database& db) { return db.execAndGet("SELECT me FROM sync_state").getInt64(); }

// A sync_record row (kind, uid, local, stamp, origin, vv) as a version with
// replica ids.
RecordVersion version_of_row(SQLite::Statement& row, const ReplicaNumbers& ids, int first_column) {
    auto local_is_null = row.getColumn(first_column).isNull();
    auto stamp = row.getColumn(first_column + 1).getInt64();
    auto origin = row.getColumn(first_column + 2).getInt64();
    auto vv = stored_version_vector(optional_text(row.getColumn(first_column + 3)), origin, stamp);
    return RecordVersion{stamp, ids.id_of(origin), ids.global(vv), local_is_null};
}

std::optional<LocalKey> local_key_of(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    if (column.isInteger()) return LocalKey(column.getInt64());
    return LocalKey(column.getString());
}

// The changes of the rows `st` selects: kind, uid, local, stamp, origin, vv.
std::vector<SyncChange> changes_of(Diary& diary, SQLite::Statement& st) {
    ReplicaNumbers ids(diary.db());
    std::vector<SyncChange> changes;
    while (st.executeStep()) {
        SyncChange change;
        change.kind = st.getColumn(0).getString();
        change.uid = st.getColumn(1).getString();
        change.version = version_of_row(st, ids, 2);
        const auto* kind = synced_kind_named(change.kind);
        if (!kind) throw RuntimeError(fmt::format("{}: sync_record has an unknown kind {}; run painlog db check",
                                                  diary.path(), change.kind));
        if (auto local = local_key_of(st.getColumn(2))) {
            change.data = read_record_data(diary.db(), *kind, *local);
            if (!change.data)
                throw RuntimeError(fmt::format("{}: the {} {} is missing from its table; run painlog db check",
                                               diary.path(), change.kind, change.uid));
        }
        changes.push_back(std::move(change));
    }
    return changes;
}

}  // namespace

SyncSetup read_sync_setup(Diary& diary) {
    SQLite::Statement st(diary.db(), "SELECT r.id, s.folder, s.key, s.home FROM sync_state s "
                                     "JOIN sync_replica r ON r.n = s.me");
    if (!st.executeStep()) throw RuntimeError(fmt::format("{}: sync_state is empty; run painlog db check", diary.path()));
    SyncSetup setup;
    setup.replica = st.getColumn(0).getString();
    setup.folder = optional_text(st.getColumn(1));
    const auto key = st.getColumn(2);
    const auto* bytes = static_cast<const std::uint8_t*>(key.getBlob());
    setup.key.assign(bytes, bytes + key.getBytes());
    setup.home = st.getColumn(3).isNull() ? "" : st.getColumn(3).getString();
    return setup;
}

void save_sync_setup(Diary& diary, const std::string& folder, const crypto::Bytes& key, const std::string& home) {
    SQLite::Statement st(diary.db(), "UPDATE sync_state SET folder = ?, key = ?, home = ?");
    st.bind(1, folder);
    st.bind(2, key.data(), static_cast<int>(key.size()));
    st.bind(3, home);
    st.exec();
}

std::vector<ReplicaProgress> sync_replicas(Diary& diary) {
    SQLite::Statement st(diary.db(), "SELECT id, name, applied, n = (SELECT me FROM sync_state) FROM sync_replica "
                                     "ORDER BY n");
    std::vector<ReplicaProgress> replicas;
    while (st.executeStep())
        replicas.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getInt64(),
                            st.getColumn(3).getInt() != 0});
    return replicas;
}

void set_replica_progress(Diary& diary, const ReplicaProgress& progress) {
    SQLite::Statement st(diary.db(), "INSERT INTO sync_replica (id, name, applied) VALUES (?, ?, ?) "
                                     "ON CONFLICT (id) DO UPDATE SET name = excluded.name, applied = excluded.applied");
    st.bind(1, progress.id);
    st.bind(2, progress.name);
    st.bind(3, progress.applied);
    st.exec();
}

std::vector<OwnFile> own_files(Diary& diary) {
    SQLite::Statement st(diary.db(), "SELECT seq, size, mtime FROM sync_own_file ORDER BY seq");
    std::vector<OwnFile> files;
    while (st.executeStep())
        files.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getInt64(), st.getColumn(2).getInt64()});
    return files;
}

void record_own_file(Diary& diary, const OwnFile& file) {
    SQLite::Statement st(diary.db(), "INSERT OR REPLACE INTO sync_own_file (seq, size, mtime) VALUES (?, ?, ?)");
    st.bind(1, file.seq);
    st.bind(2, file.size);
    st.bind(3, file.mtime_ns);
    st.exec();
}

bool has_unsent_changes(Diary& diary) {
    return diary.db()
               .execAndGet("SELECT EXISTS (SELECT 1 FROM sync_record WHERE unsent = 1) "
                           "OR EXISTS (SELECT 1 FROM sync_dirty)")
               .getInt() != 0;
}

std::int64_t unsent_count(Diary& diary) {
    return diary.db()
        .execAndGet("SELECT (SELECT count(*) FROM sync_record WHERE unsent = 1) + (SELECT count(*) FROM sync_dirty)")
        .getInt64();
}

void stamp_pending(Diary& diary, std::int64_t now_ms) { stamp_changes(diary.db(), now_ms); }

std::vector<SyncChange> unsent_changes(Diary& diary) {
    SQLite::Statement st(diary.db(), "SELECT kind, uid, local, stamp, origin, vv FROM sync_record WHERE unsent = 1 "
                                     "ORDER BY kind, uid");
    return changes_of(diary, st);
}

void mark_sent(Diary& diary, const std::vector<SyncChange>& changes) {
    SQLite::Statement st(diary.db(), "UPDATE sync_record SET unsent = 0 WHERE kind = ? AND uid = ? AND stamp = ?");
    auto me = read_sync_setup(diary).replica;
    HlcStamp sent = 0;
    for (const auto& change : changes) {
        st.bind(1, change.kind);
        st.bind(2, change.uid);
        st.bind(3, change.version.stamp);
        st.exec();
        st.reset();
        if (change.version.origin == me) sent = std::max(sent, change.version.stamp);
    }
    SQLite::Statement save(diary.db(), "UPDATE sync_state SET sent = max(sent, ?)");
    save.bind(1, sent);
    save.exec();
}

std::vector<SyncChange> all_changes(Diary& diary) {
    SQLite::Statement st(diary.db(), "SELECT kind, uid, local, stamp, origin, vv FROM sync_record ORDER BY kind, uid");
    return changes_of(diary, st);
}

bool diary_knows(Diary& diary, const SyncChange& change) {
    SQLite::Statement st(diary.db(), "SELECT local, stamp, origin, vv FROM sync_record WHERE kind = ? AND uid = ?");
    st.bind(1, change.kind);
    st.bind(2, change.uid);
    if (!st.executeStep()) return false;
    ReplicaNumbers ids(diary.db());
    auto causality = compare(change.version.vv, version_of_row(st, ids, 0).vv);
    return causality == Causality::equal || causality == Causality::before;
}

void take_new_replica_id(Diary& diary, const std::string& new_id, const std::string& home, std::int64_t now_ms) {
    auto& db = diary.db();
    auto old_me = my_replica_number(db);
    auto old_key = std::to_string(old_me);
    // What the old id certainly wrote before this diary's copy or backup
    // was taken: its changes that this diary knows went out. A version
    // re-stamped below may claim to include those, and no more, so that a
    // version the old id wrote later is never taken as its ancestor.
    auto safe = db.execAndGet("SELECT sent FROM sync_state").getInt64();
    ReplicaNumbers ids(db);
    auto new_me = ids.number_of(new_id);
    auto new_key = std::to_string(new_me);
    SQLite::Statement update_state(db, "UPDATE sync_state SET me = ?, home = ?, sent = 0");
    update_state.bind(1, new_me);
    update_state.bind(2, home);
    update_state.exec();
    db.exec("DELETE FROM sync_own_file");

    auto clock = db.execAndGet("SELECT clock FROM sync_state").getInt64();
    SQLite::Statement own(db, "SELECT kind, uid, stamp, vv FROM sync_record WHERE unsent = 1 AND origin = ?");
    own.bind(1, old_me);
    SQLite::Statement restamp(db, "UPDATE sync_record SET stamp = ?, origin = ?, vv = ? WHERE kind = ? AND uid = ?");
    std::vector<std::tuple<std::string, std::string, HlcStamp, std::optional<std::string>>> rows;
    while (own.executeStep())
        rows.emplace_back(own.getColumn(0).getString(), own.getColumn(1).getString(), own.getColumn(2).getInt64(),
                          optional_text(own.getColumn(3)));
    for (const auto& [kind, uid, stamp, text] : rows) {
        auto vv = stored_version_vector(text, old_me, stamp);
        auto claimed = std::min(vv.of(old_key), safe);
        vv.stamps.erase(old_key);
        if (claimed > 0) vv.stamps[old_key] = claimed;
        clock = next_stamp(clock, now_ms);
        vv.include(new_key, clock);
        restamp.bind(1, clock);
        restamp.bind(2, new_me);
        if (auto stored = storable_version_vector(vv, new_me, clock)) restamp.bind(3, *stored);
        else restamp.bind(3);
        restamp.bind(4, kind);
        restamp.bind(5, uid);
        restamp.exec();
        restamp.reset();
    }
    SQLite::Statement save_clock(db, "UPDATE sync_state SET clock = ?");
    save_clock.bind(1, clock);
    save_clock.exec();
}

// ---- merging ----

struct ChangeMerger::Impl {
    SQLite::Database& db;
    RecordWriter writer;
    ReplicaNumbers ids;
    HlcStamp seen = 0;
    std::vector<LosingVersion> losers;
    SQLite::Statement find, insert, update;

    explicit Impl(SQLite::Database& database)
        : db(database),
          writer(database),
          ids(database),
          find(database, "SELECT local, stamp, origin, vv, unsent FROM sync_record WHERE kind = ? AND uid = ?"),
          insert(database, "INSERT INTO sync_record (kind, uid, local, stamp, origin, vv, unsent) "
                           "VALUES (?, ?, ?, ?, ?, ?, 0)"),
          update(database, "UPDATE sync_record SET local = ?, stamp = ?, origin = ?, vv = ?, unsent = ? "
                           "WHERE kind = ? AND uid = ?") {}

    // Writes the record as `change` holds it; its new local key.
    std::optional<LocalKey> write(const SyncedKind& kind, const std::optional<LocalKey>& local,
                                  const SyncChange& change) {
        if (change.data) return writer.write(kind, local, *change.data);
        if (local) writer.remove(kind, *local);
        return std::nullopt;
    }

    void bind_version(SQLite::Statement& st, int first, const std::optional<LocalKey>& local,
                      const RecordVersion& version) {
        if (!local) st.bind(first);
        else if (const auto* id = std::get_if<std::int64_t>(&*local)) st.bind(first, *id);
        else st.bind(first, std::get<std::string>(*local));
        auto origin = ids.number_of(version.origin);
        st.bind(first + 1, version.stamp);
        st.bind(first + 2, origin);
        if (auto vv = storable_version_vector(ids.local(version.vv), origin, version.stamp)) st.bind(first + 3, *vv);
        else st.bind(first + 3);
    }

    Outcome add_new(const SyncedKind& kind, const SyncChange& change) {
        auto local = write(kind, std::nullopt, change);
        insert.reset();
        insert.bind(1, change.kind);
        insert.bind(2, change.uid);
        bind_version(insert, 3, local, change.version);
        insert.exec();
        return Outcome::taken;
    }

    void save(const SyncChange& change, const std::optional<LocalKey>& local, const RecordVersion& version,
              bool unsent) {
        update.reset();
        bind_version(update, 1, local, version);
        update.bind(5, unsent ? 1 : 0);
        update.bind(6, change.kind);
        update.bind(7, change.uid);
        update.exec();
    }
};

ChangeMerger::ChangeMerger(Diary& diary) : impl_(std::make_unique<Impl>(diary.db())) {}
ChangeMerger::~ChangeMerger() = default;

namespace {

// A version that arrives must be whole: its vector includes its own change,
// and it has content unless it is a deletion.
void check_incoming(const SyncChange& change) {
    const auto& v = change.version;
    if (v.stamp <= 0 || v.origin.empty() || v.vv.of(v.origin) < v.stamp)
        throw InputError(fmt::format("the {} {}: a version without its own stamp", change.kind, change.uid));
    if (v.deleted == change.data.has_value())
        throw InputError(fmt::format("the {} {}: content and deletion disagree", change.kind, change.uid));
    for (const auto& [replica, stamp] : v.vv.stamps)
        if (replica.empty() || replica.find_first_of(":,") != std::string::npos || stamp <= 0)
            throw InputError(fmt::format("the {} {}: a damaged version vector", change.kind, change.uid));
}

}  // namespace

ChangeMerger::Outcome ChangeMerger::merge(const SyncChange& change) {
    auto& m = *impl_;
    const auto* kind = synced_kind_named(change.kind);
    if (!kind) throw InputError(fmt::format("{}: not a kind of record this painlog knows", change.kind));
    check_incoming(change);
    for (const auto& [replica, stamp] : change.version.vv.stamps) m.seen = std::max(m.seen, stamp);

    m.find.reset();
    m.find.bind(1, change.kind);
    m.find.bind(2, change.uid);
    if (!m.find.executeStep()) return m.add_new(*kind, change);
    auto local = local_key_of(m.find.getColumn(0));
    auto mine = version_of_row(m.find, m.ids, 0);
    bool unsent = m.find.getColumn(4).getInt() != 0;

    auto causality = compare(change.version.vv, mine.vv);
    if (causality == Causality::equal || causality == Causality::before) return Outcome::known;
    std::optional<nlohmann::json> local_data;
    if (causality == Causality::concurrent && local) local_data = read_record_data(m.db, *kind, *local);
    bool same = causality == Causality::concurrent && local_data == change.data;
    auto decision = merge_versions(mine, change.version, same);

    if (decision.keep == MergeDecision::Keep::incoming) local = m.write(*kind, local, change);
    // Conflicts over conflicts are not kept: a conflict's content is fixed,
    // so two versions of one differ only in whether it was dismissed.
    if (kind->uid != SyncedKind::Uid::uid_column) {
        if (decision.loser == MergeDecision::Loser::local)
            m.losers.push_back({change.kind, change.uid, mine, local_data});
        else if (decision.loser == MergeDecision::Loser::incoming)
            m.losers.push_back({change.kind, change.uid, change.version, change.data});
    }
    m.save(change, local, decision.result, decision.keep == MergeDecision::Keep::local && unsent);
    if (decision.loser != MergeDecision::Loser::none) return Outcome::conflict;
    return decision.keep == MergeDecision::Keep::incoming ? Outcome::taken : Outcome::known;
}

void ChangeMerger::finish(std::int64_t now_ms) {
    auto& m = *impl_;
    // Every change marked so far came from merging: versions made elsewhere,
    // which are not this replica's to stamp or send.
    m.db.exec("DELETE FROM sync_dirty");
    SQLite::Statement keep(m.db, "INSERT OR IGNORE INTO sync_conflict (uid, kind, record, stamp, origin, deleted, data) "
                                 "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS "
                                 "(SELECT 1 FROM sync_record WHERE kind = 'conflict' AND uid = ?1)");
    for (const auto& loser : m.losers) {
        keep.bind(1, conflict_uid(loser.kind, loser.record, loser.version));
        keep.bind(2, loser.kind);
        keep.bind(3, loser.record);
        keep.bind(4, loser.version.stamp);
        keep.bind(5, loser.version.origin);
        keep.bind(6, loser.data ? 0 : 1);
        keep.bind(7, loser.data ? loser.data->dump() : std::string("{}"));
        keep.exec();
        keep.reset();
    }
    SQLite::Statement clock(m.db, "UPDATE sync_state SET clock = max(clock, ?)");
    clock.bind(1, m.seen);
    clock.exec();
    stamp_changes(m.db, now_ms);
}

std::string conflict_uid(const std::string& kind, const std::string& uid, const RecordVersion& loser) {
    auto text = fmt::format("painlog conflict\n{}\n{}\n{}\n{}", kind, uid, loser.stamp, loser.origin);
    auto hash = crypto::blake2b(crypto::as_bytes(text), 16);
    std::string out;
    for (std::size_t i = 0; i < hash.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += fmt::format("{:02x}", hash[i]);
    }
    return out;
}

std::vector<SyncConflict> sync_conflicts(Diary& diary) {
    SQLite::Statement st(diary.db(), "SELECT c.id, c.kind, c.record, r.local, c.stamp, c.origin, c.deleted, c.data "
                                     "FROM sync_conflict c LEFT JOIN sync_record r ON r.kind = c.kind AND r.uid = c.record "
                                     "ORDER BY c.stamp, c.id");
    std::vector<SyncConflict> conflicts;
    while (st.executeStep()) {
        SyncConflict c;
        c.id = st.getColumn(0).getInt64();
        c.kind = st.getColumn(1).getString();
        c.record = st.getColumn(2).getString();
        c.local = local_key_of(st.getColumn(3));
        c.stamp = st.getColumn(4).getInt64();
        c.origin = st.getColumn(5).getString();
        c.deleted = st.getColumn(6).getInt() != 0;
        c.data = nlohmann::json::parse(st.getColumn(7).getString(), nullptr, false);
        if (c.data.is_discarded())
            throw RuntimeError(fmt::format("{}: conflict {} is damaged; run painlog db check", diary.path(), c.id));
        conflicts.push_back(std::move(c));
    }
    return conflicts;
}

void dismiss_conflict(Diary& diary, std::int64_t id) {
    diary.write([&] {
        SQLite::Statement st(diary.db(), "DELETE FROM sync_conflict WHERE id = ?");
        st.bind(1, id);
        if (st.exec() != 1)
            throw InputError(fmt::format("conflict {}: no such conflict; see painlog sync conflicts", id));
    });
}

}  // namespace painlog
