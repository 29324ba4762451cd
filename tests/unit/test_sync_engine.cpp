// SPDX-License-Identifier: GPL-3.0-or-later
// painlog sync through a real folder (sync/sync_engine.hpp): pairing,
// each replica writing only its own directory, a sync killed after its
// file was written, a damaged own file, and a diary restored from a backup.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "painlog/store/diary.hpp"
#include "painlog/store/sync_store.hpp"
#include "painlog/sync/change_file.hpp"
#include "painlog/sync/sync_engine.hpp"
#include "painlog/sync/sync_folder.hpp"
#include "painlog/util/error.hpp"

#include "support.hpp"

namespace painlog::test_sync_engine {

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t t0 = 1'790'000'000'000;

struct Machine {
    Diary diary;
    SyncContext ctx;
};

Machine machine(const test::TempDir& dir, const std::string& name) {
    auto path = dir.path / (name + ".db");
    auto diary = Diary::open(path, Access::write);
    diary.set_clock(Instant{std::chrono::seconds{t0 / 1000}});
    return {std::move(diary), SyncContext{dir.path / "folder", t0, "2026-09-21T00:00:00Z", name, "test:" + path.string()}};
}

void add_entry(Diary& diary, int pain, const std::string& note) {
    auto e = test::entry_on(*parse_iso_day("2026-09-20"), pain, 9);
    e.note = note;
    diary.add(e);
}

std::vector<std::string> notes(Diary& diary) {
    std::vector<std::string> out;
    for (const auto& e : diary.entries()) out.push_back(e.note);
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t files_in(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("init, join and sync: each replica writes its own directory and reads the other's") {
    test::TempDir dir;
    auto a = machine(dir, "a");
    auto b = machine(dir, "b");
    add_entry(a.diary, 5, "on a");
    add_entry(b.diary, 3, "on b");
    auto key = SyncKey::generate();
    init_sync(a.diary, a.ctx, key);
    CHECK(sync_diary(a.diary, a.ctx).sent == 1);
    join_sync(b.diary, b.ctx, key);
    auto rb = sync_diary(b.diary, b.ctx);
    CHECK(rb.received == 1);
    CHECK(rb.sent == 1);
    auto ra = sync_diary(a.diary, a.ctx);
    CHECK(ra.received == 1);
    CHECK(notes(a.diary) == notes(b.diary));
    CHECK(notes(a.diary) == std::vector<std::string>{"on a", "on b"});
    CHECK(sync_diary(a.diary, a.ctx).up_to_date);
    CHECK(sync_diary(b.diary, b.ctx).up_to_date);
    // One directory per replica, one file each so far, named after it.
    auto listing = SyncFolder(a.ctx.folder).list();
    CHECK(listing.size() == 2);
    CHECK(listing.at(read_sync_setup(a.diary).replica) == std::vector<std::int64_t>{1});
    CHECK(listing.at(read_sync_setup(b.diary).replica) == std::vector<std::int64_t>{1});
}

TEST_CASE("pairing refuses a second init, a wrong key, a folder that is not one, and an unpaired sync") {
    test::TempDir dir;
    auto a = machine(dir, "a");
    auto b = machine(dir, "b");
    CHECK_THROWS_WITH_AS(sync_diary(a.diary, a.ctx), doctest::Contains("this diary does not sync yet"), InputError);
    CHECK_THROWS_WITH_AS(join_sync(b.diary, b.ctx, SyncKey::generate()), doctest::Contains("no such directory"),
                         InputError);
    fs::create_directories(b.ctx.folder);
    CHECK_THROWS_WITH_AS(join_sync(b.diary, b.ctx, SyncKey::generate()),
                         doctest::Contains("not a painlog sync folder"), InputError);
    auto key = SyncKey::generate();
    init_sync(a.diary, a.ctx, key);
    CHECK_THROWS_WITH_AS(init_sync(a.diary, a.ctx, key), doctest::Contains("already syncs with"), InputError);
    CHECK_THROWS_WITH_AS(init_sync(b.diary, b.ctx, key), doctest::Contains("already a painlog sync folder"),
                         InputError);
    CHECK_THROWS_WITH_AS(join_sync(b.diary, b.ctx, SyncKey::generate()), doctest::Contains("another sync key"),
                         InputError);
    CHECK(read_sync_setup(b.diary).key.empty());
    join_sync(b.diary, b.ctx, key);
    CHECK_FALSE(read_sync_setup(b.diary).key.empty());
}

TEST_CASE("a change file written by a sync killed before it committed is taken as written") {
    test::TempDir dir;
    auto a = machine(dir, "a");
    auto key = SyncKey::generate();
    init_sync(a.diary, a.ctx, key);
    add_entry(a.diary, 5, "one");
    sync_diary(a.diary, a.ctx);
    add_entry(a.diary, 6, "two");
    // What the killed sync wrote: the next file, holding the unsent versions.
    auto me = read_sync_setup(a.diary).replica;
    SyncFolder folder(a.ctx.folder);
    folder.write(folder.change_file(me, 2), seal_change_file(key, {me, 2, 9, "a", false, unsent_changes(a.diary)}),
                 false);
    auto report = sync_diary(a.diary, a.ctx);
    CHECK_FALSE(report.new_replica_id);
    CHECK(report.sent == 0);
    CHECK(read_sync_setup(a.diary).replica == me);
    CHECK(files_in(a.ctx.folder / me) == 2);
    CHECK(sync_diary(a.diary, a.ctx).up_to_date);
}

TEST_CASE("a damaged change file of this replica is replaced, and a replica that waited on it catches up") {
    test::TempDir dir;
    auto a = machine(dir, "a");
    auto b = machine(dir, "b");
    auto key = SyncKey::generate();
    init_sync(a.diary, a.ctx, key);
    join_sync(b.diary, b.ctx, key);
    add_entry(a.diary, 5, "in the damaged file");
    sync_diary(a.diary, a.ctx);
    add_entry(a.diary, 6, "after it");
    sync_diary(a.diary, a.ctx);
    auto me = read_sync_setup(a.diary).replica;
    auto damaged = SyncFolder(a.ctx.folder).change_file(me, 1);
    fs::resize_file(damaged, fs::file_size(damaged) - 10);

    auto waiting = sync_diary(b.diary, b.ctx);
    REQUIRE(waiting.problems.size() == 1);
    CHECK(waiting.problems[0].find("does not authenticate") != std::string::npos);
    CHECK(b.diary.entries().empty());

    auto repair = sync_diary(a.diary, a.ctx);
    CHECK(repair.repaired == 1);
    auto caught_up = sync_diary(b.diary, b.ctx);
    CHECK(caught_up.problems.empty());
    CHECK(notes(b.diary) == notes(a.diary));
    CHECK(notes(b.diary).size() == 2);
}

TEST_CASE("a diary restored from an old backup takes a new replica id and loses nothing its old id wrote") {
    test::TempDir dir;
    auto a = machine(dir, "a");
    auto b = machine(dir, "b");
    auto key = SyncKey::generate();
    init_sync(a.diary, a.ctx, key);
    join_sync(b.diary, b.ctx, key);
    add_entry(a.diary, 4, "before the backup");
    sync_diary(a.diary, a.ctx);
    auto backup = dir.path / "backup.db";
    fs::copy_file(dir.path / "a.db", backup);
    add_entry(a.diary, 5, "after the backup");
    sync_diary(a.diary, a.ctx);
    auto old_id = read_sync_setup(a.diary).replica;

    // The restore: a's file replaced by the backup; then an edit and a sync.
    a.diary = Diary::open(dir.path / "b.db", Access::read);
    fs::copy_file(backup, dir.path / "a.db", fs::copy_options::overwrite_existing);
    a.diary = Diary::open(dir.path / "a.db", Access::write);
    a.diary.set_clock(Instant{std::chrono::seconds{t0 / 1000}});
    add_entry(a.diary, 6, "after the restore");
    auto report = sync_diary(a.diary, a.ctx);
    CHECK(report.new_replica_id);
    CHECK(read_sync_setup(a.diary).replica != old_id);
    sync_diary(b.diary, b.ctx);
    sync_diary(a.diary, a.ctx);
    auto expected = std::vector<std::string>{"after the backup", "after the restore", "before the backup"};
    CHECK(notes(a.diary) == expected);
    CHECK(notes(b.diary) == expected);
    CHECK(sync_conflicts(a.diary).empty());
}

TEST_CASE("a diary copied to another path takes a new replica id before it writes") {
    test::TempDir dir;
    auto a = machine(dir, "a");
    auto key = SyncKey::generate();
    init_sync(a.diary, a.ctx, key);
    add_entry(a.diary, 4, "shared history");
    sync_diary(a.diary, a.ctx);
    fs::copy_file(dir.path / "a.db", dir.path / "c.db");
    auto c = machine(dir, "c");
    add_entry(c.diary, 5, "on the copy");
    add_entry(a.diary, 6, "on the original");
    CHECK(sync_diary(c.diary, c.ctx).new_replica_id);
    CHECK_FALSE(sync_diary(a.diary, a.ctx).new_replica_id);
    sync_diary(c.diary, c.ctx);
    CHECK(notes(a.diary) == notes(c.diary));
    CHECK(notes(a.diary).size() == 3);
}

}  // namespace painlog::test_sync_engine
