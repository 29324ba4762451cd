// SPDX-License-Identifier: GPL-3.0-or-later
// Sync's records in the diary (store/sync_records.hpp, sync_store.hpp):
// every write stamps what it changed, and versions carried between diaries
// in memory merge to the same diary on each side, whatever the order, with
// the versions that lost kept as conflicts.

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "painlog/model/infusion_check.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/infusion_check_store.hpp"
#include "painlog/store/sync_store.hpp"

#include "support.hpp"

namespace painlog::test_sync_store {

namespace {

constexpr std::int64_t t0 = 1'790'000'000'000;  // 2026-09-21, in milliseconds

Diary replica_at(std::int64_t ms) {
    auto diary = Diary::in_memory();
    diary.set_clock(Instant{std::chrono::seconds{ms / 1000}});
    return diary;
}

std::string sql_text(Diary& diary, const std::string& query) {
    auto value = diary.db().execAndGet(query);
    return value.isNull() ? "NULL" : value.getString();
}

// Carries every version `from` has not sent into `to`; the number merged
// that changed `to`.
std::size_t carry(Diary& from, Diary& to) {
    std::size_t changed = 0;
    from.write([&] {
        auto changes = unsent_changes(from);
        to.write([&] {
            ChangeMerger merger(to);
            for (const auto& c : changes)
                if (merger.merge(c) != ChangeMerger::Outcome::known) ++changed;
            merger.finish(t0);
        });
        mark_sent(from, changes);
    });
    return changed;
}

// What two diaries must agree on once synced: every record's content.
std::string contents(Diary& diary) {
    std::string out;
    for (const auto& c : all_changes(diary))
        out += c.kind + " " + c.uid + " " + (c.data ? c.data->dump() : "deleted") + "\n";
    return out;
}

Entry entry(int pain, std::string note = "") {
    auto e = test::entry_on(*parse_iso_day("2026-11-20"), pain, 8);
    e.note = std::move(note);
    return e;
}

}  // namespace

TEST_CASE("each write stamps what it changed: a new id, a version, a tombstone when deleted") {
    auto diary = replica_at(t0);
    auto e = entry(5);
    diary.add(e);
    auto uid = sql_text(diary, "SELECT uid FROM sync_record WHERE kind = 'entry' AND local = 1");
    CHECK(uid.size() == 36);
    CHECK(uid[14] == '4');
    auto first = diary.db().execAndGet("SELECT stamp FROM sync_record WHERE uid = '" + uid + "'").getInt64();
    CHECK(millis_of_hlc(first) == t0);
    CHECK(sql_text(diary, "SELECT count(*) FROM sync_dirty") == "0");

    e.rating(Rating::pain) = 6;
    diary.update(e);
    auto second = diary.db().execAndGet("SELECT stamp FROM sync_record WHERE uid = '" + uid + "'").getInt64();
    CHECK(second == first + 1);  // the same millisecond (the command's fixed now): the counter moves on
    CHECK(sql_text(diary, "SELECT vv FROM sync_record WHERE uid = '" + uid + "'") == "NULL");

    diary.remove(e.id);
    CHECK(sql_text(diary, "SELECT local FROM sync_record WHERE uid = '" + uid + "'") == "NULL");
    CHECK(sql_text(diary, "SELECT unsent FROM sync_record WHERE uid = '" + uid + "'") == "1");
}

TEST_CASE("a setting's id is its key, so the same setting on two replicas is one record, revived after unset") {
    auto diary = replica_at(t0);
    diary.set_setting("name", "Ann");
    CHECK(sql_text(diary, "SELECT local FROM sync_record WHERE uid = 'setting:name'") == "name");
    diary.unset_setting("name");
    CHECK(sql_text(diary, "SELECT local FROM sync_record WHERE uid = 'setting:name'") == "NULL");
    diary.set_setting("name", "Bo");
    CHECK(sql_text(diary, "SELECT count(*) FROM sync_record WHERE kind = 'setting'") == "1");
    CHECK(sql_text(diary, "SELECT local FROM sync_record WHERE uid = 'setting:name'") == "name");
}

TEST_CASE("rows written with plain SQL are stamped by the next write") {
    auto diary = replica_at(t0);
    diary.db().exec("INSERT INTO entry (at, zone, day, pain) VALUES ('2026-11-20T08:00:00Z', 'UTC', '2026-11-20', 3)");
    CHECK(sql_text(diary, "SELECT count(*) FROM sync_dirty") == "1");
    CHECK(has_unsent_changes(diary));
    diary.set_setting("name", "x");
    CHECK(sql_text(diary, "SELECT count(*) FROM sync_record WHERE kind = 'entry'") == "1");
}

TEST_CASE("versions carried between two diaries give both the same records, tags and checks included") {
    auto a = replica_at(t0);
    auto b = replica_at(t0 + 10);
    auto e = entry(4, "with tags");
    e.tags = {{TagKind::worse, "cold"}, {TagKind::better, "heat"}};
    a.add(e);
    Event infusion;
    infusion.kind = EventKind::infusion;
    infusion.at = e.at;
    infusion.day = e.day;
    infusion.zone = "UTC";
    add_event(a, infusion);
    InfusionCheck check;
    check.event_id = infusion.id;
    check.at = e.at;
    check.zone = "UTC";
    check.sedation = true;
    save_infusion_check(a, check);
    a.set_setting("baseline-days", "21");
    auto on_b = entry(7, "on b");
    b.add(on_b);

    CHECK(carry(a, b) == 3);
    CHECK(carry(b, a) == 1);
    CHECK(contents(a) == contents(b));
    auto tags = b.entries()[1].tags;
    REQUIRE(tags.size() == 2);
    auto b_event = events(b).at(0);
    REQUIRE(find_infusion_check(b, b_event.id));
    CHECK(find_infusion_check(b, b_event.id)->sedation == true);
    CHECK(b.setting("baseline-days") == "21");
    // Carried again: nothing changes.
    a.set_setting("report-days", "30");
    CHECK(carry(a, b) == 1);
    CHECK(carry(a, b) == 0);
}

TEST_CASE("the same entry changed on two replicas apart: one result on both, the other version kept") {
    auto a = replica_at(t0);
    auto b = replica_at(t0);
    auto e = entry(5, "first");
    a.add(e);
    carry(a, b);
    auto on_b = b.entries().at(0);

    a.set_clock(Instant{std::chrono::seconds{(t0 + 60'000) / 1000}});
    e.note = "changed on a";
    a.update(e);
    b.set_clock(Instant{std::chrono::seconds{(t0 + 120'000) / 1000}});
    on_b.note = "changed on b, later";
    b.update(on_b);

    carry(a, b);
    carry(b, a);
    CHECK(contents(a) == contents(b));
    CHECK(a.entries().at(0).note == "changed on b, later");
    auto at_a = sync_conflicts(a);
    auto at_b = sync_conflicts(b);
    REQUIRE(at_a.size() == 1);
    REQUIRE(at_b.size() == 1);
    CHECK(at_a[0].data["note"] == "changed on a");
    CHECK(at_a[0].record == at_b[0].record);
    // Each kept it on its own; the conflicts, carried, are one on each side.
    carry(a, b);
    carry(b, a);
    CHECK(sync_conflicts(a).size() == 1);
    CHECK(sync_conflicts(b).size() == 1);
    CHECK(contents(a) == contents(b));

    // Dismissed on one, gone on both.
    dismiss_conflict(b, sync_conflicts(b)[0].id);
    carry(b, a);
    CHECK(sync_conflicts(a).empty());
    CHECK_THROWS_AS(dismiss_conflict(a, 99), InputError);
}

TEST_CASE("a deletion made apart from a change: the later wins and the change is kept when it lost") {
    auto a = replica_at(t0);
    auto b = replica_at(t0);
    auto e = entry(5);
    a.add(e);
    carry(a, b);
    auto on_b = b.entries().at(0);
    a.set_clock(Instant{std::chrono::seconds{(t0 + 60'000) / 1000}});
    on_b.note = "edited on b";
    b.update(on_b);
    a.set_clock(Instant{std::chrono::seconds{(t0 + 120'000) / 1000}});
    a.remove(e.id);
    carry(b, a);
    carry(a, b);
    CHECK(a.entries().empty());
    CHECK(b.entries().empty());
    REQUIRE(sync_conflicts(b).size() == 1);
    CHECK(sync_conflicts(b)[0].data["note"] == "edited on b");
    CHECK_FALSE(sync_conflicts(b)[0].local);
}

TEST_CASE("the same change made apart is no conflict") {
    auto a = replica_at(t0);
    auto b = replica_at(t0);
    a.set_setting("name", "Ann");
    b.set_setting("name", "Ann");
    carry(a, b);
    carry(b, a);
    CHECK(sync_conflicts(a).empty());
    CHECK(sync_conflicts(b).empty());
    CHECK(contents(a) == contents(b));
}

TEST_CASE("a version of the wrong shape is refused, not half written") {
    auto a = replica_at(t0);
    SyncChange bad{"entry", "u1", RecordVersion{hlc_of_millis(t0), "r", VersionVector{{{"r", hlc_of_millis(t0)}}}, false},
                   nlohmann::json{{"at", "2026-11-20T08:00:00Z"}}};
    a.write([&] {
        ChangeMerger merger(a);
        CHECK_THROWS_AS(merger.merge(bad), InputError);
        bad.kind = "planet";
        CHECK_THROWS_AS(merger.merge(bad), InputError);
        bad.kind = "entry";
        bad.version.vv = VersionVector{};
        CHECK_THROWS_AS(merger.merge(bad), InputError);
    });
    CHECK(a.entries().empty());
}

TEST_CASE("a new replica id re-stamps what was not sent, claiming no more of the old id than went out") {
    auto a = replica_at(t0);
    auto e = entry(5);
    a.add(e);
    a.write([&] { mark_sent(a, unsent_changes(a)); });
    auto sent_stamp = a.db().execAndGet("SELECT stamp FROM sync_record WHERE kind = 'entry'").getInt64();
    e.note = "after the backup";
    a.update(e);
    a.write([&] { take_new_replica_id(a, "00000000-0000-4000-8000-00000000000b", "here", t0); });
    auto changes = unsent_changes(a);
    REQUIRE(changes.size() == 1);
    const auto& v = changes[0].version;
    CHECK(v.origin == "00000000-0000-4000-8000-00000000000b");
    CHECK(v.stamp > sent_stamp + 1);
    CHECK(v.vv.stamps.size() == 2);
    CHECK(v.vv.of(read_sync_setup(a).replica) == v.stamp);
    // The old id's entry is the version that went out, not the unsent edit.
    for (const auto& [replica, stamp] : v.vv.stamps)
        if (replica != v.origin) CHECK(stamp == sent_stamp);
}

}  // namespace painlog::test_sync_store
