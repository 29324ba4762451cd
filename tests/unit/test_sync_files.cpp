// SPDX-License-Identifier: GPL-3.0-or-later
// What sync writes into a shared folder: the sealed stream, the key as
// text, change files and the folder's marker. Nothing opens that was
// changed, cut, moved or sealed with another key.

#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "painlog/crypto/secretstream.hpp"
#include "painlog/sync/change_file.hpp"
#include "painlog/sync/sync_folder.hpp"
#include "painlog/sync/sync_key.hpp"
#include "painlog/util/error.hpp"
#include "support.hpp"

namespace painlog::test_sync_files {

namespace {

crypto::Key32 key_of(std::uint8_t fill) {
    crypto::Key32 key{};
    key.fill(fill);
    return key;
}

crypto::Bytes bytes_of(std::string_view text) { return {text.begin(), text.end()}; }

ChangeFile sample_file(const std::string& replica, std::int64_t seq) {
    SyncChange entry{"entry", "0b8e7c1a-0000-4000-8000-000000000001",
                     RecordVersion{hlc_of_millis(1'700'000'000'000) + 3, replica, VersionVector{{{replica, hlc_of_millis(1'700'000'000'000) + 3}}}, false},
                     nlohmann::json{{"at", "2026-11-22T08:30:00Z"}, {"pain", 6}, {"sleep_hours", 7.5}, {"note", "é \"x\"\n"}}};
    SyncChange gone{"dose", "0b8e7c1a-0000-4000-8000-000000000002",
                    RecordVersion{hlc_of_millis(1'700'000'000'001), replica, VersionVector{{{replica, hlc_of_millis(1'700'000'000'001)}, {"other", 5}}}, true},
                    std::nullopt};
    return ChangeFile{replica, seq, 9, "laptop", false, {entry, gone}};
}

}  // namespace

TEST_CASE("a sealed stream opens with its key and associated data, across many messages") {
    auto key = key_of(7);
    std::string text(crypto::stream_message_size * 2 + 5, 'x');
    for (std::size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>('a' + i % 26);
    auto sealed = crypto::seal_stream(key, bytes_of("place"), crypto::as_bytes(text));
    auto opened = crypto::open_stream(key, bytes_of("place"), sealed);
    REQUIRE(opened);
    CHECK(std::string(opened->begin(), opened->end()) == text);
    CHECK_FALSE(crypto::open_stream(key_of(8), bytes_of("place"), sealed));
    CHECK_FALSE(crypto::open_stream(key, bytes_of("other place"), sealed));
    // Cut at a message boundary: the final message is missing.
    auto boundary = crypto::stream_message_size + 24 + 4 + 17;
    CHECK_FALSE(crypto::open_stream(key, bytes_of("place"), std::span(sealed).first(boundary)));
    auto longer = sealed;
    longer.push_back(0);
    CHECK_FALSE(crypto::open_stream(key, bytes_of("place"), longer));
}

TEST_CASE("an empty plaintext is one final message, and every flipped byte of a small stream is refused") {
    auto key = key_of(1);
    auto sealed = crypto::seal_stream(key, {}, crypto::as_bytes("hi"));
    CHECK(crypto::open_stream(key, {}, crypto::seal_stream(key, {}, {}))->empty());
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        auto changed = sealed;
        changed[i] ^= 0x01;
        CHECK_MESSAGE(!crypto::open_stream(key, {}, changed), "byte ", i);
    }
    for (std::size_t n = 0; n < sealed.size(); ++n) CHECK(!crypto::open_stream(key, {}, std::span(sealed).first(n)));
}

TEST_CASE("the sync key as text: round trip, any case, and a mistyped character is caught") {
    auto key = SyncKey::generate();
    auto text = encode_sync_key(key);
    CHECK(text.starts_with("PAINLOG-SYNC-KEY-1"));
    CHECK(text.size() == 76);
    CHECK(parse_sync_key(text, "k").secret() == key.secret());
    std::string lower = text;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(parse_sync_key(lower, "k").secret() == key.secret());
    auto typo = text;
    typo[30] = typo[30] == 'Q' ? 'P' : 'Q';
    CHECK_THROWS_WITH_AS((void)parse_sync_key(typo, "the key typed"),
                         doctest::Contains("the key typed: not a sync key (a character is wrong or missing)"),
                         InputError);
    CHECK_THROWS_AS((void)parse_sync_key("AGE-SECRET-KEY-1QQQQ", "k"), InputError);
    CHECK_THROWS_AS((void)parse_sync_key(text.substr(0, 70), "k"), InputError);
}

TEST_CASE("a key file: comments, then the key; a file without one is refused") {
    auto key = SyncKey::generate();
    std::istringstream file(sync_key_file_text(key, "/home/p/Sync/painlog", "2026-11-22T20:00:00Z"));
    CHECK(read_sync_key(file, "key.txt").secret() == key.secret());
    std::istringstream bare("  " + encode_sync_key(key) + "  \n");
    CHECK(read_sync_key(bare, "key.txt").secret() == key.secret());
    std::istringstream empty("# nothing\n\n");
    CHECK_THROWS_WITH_AS((void)read_sync_key(empty, "key.txt"), doctest::Contains("key.txt: holds no key"), InputError);
}

TEST_CASE("a change file opens as written, only in its own place and with its own key") {
    auto key = SyncKey::generate();
    auto file = sample_file("r1", 3);
    auto sealed = seal_change_file(key, file);
    auto opened = open_change_file(key, sealed, "r1", 3, "f");
    CHECK(opened.replica == "r1");
    CHECK(opened.seq == 3);
    CHECK(opened.host == "laptop");
    REQUIRE(opened.changes.size() == 2);
    CHECK(opened.changes[0].kind == "entry");
    CHECK(*opened.changes[0].data == *file.changes[0].data);
    CHECK((*opened.changes[0].data)["sleep_hours"].is_number_float());
    CHECK(opened.changes[0].version.vv == file.changes[0].version.vv);
    CHECK(opened.changes[1].version.deleted);
    CHECK_FALSE(opened.changes[1].data);
    CHECK(opened.changes[1].version.vv.of("other") == 5);

    auto why = [&](const crypto::Bytes& bytes, const std::string& replica, std::int64_t seq, const SyncKey& k) {
        try {
            (void)open_change_file(k, bytes, replica, seq, "f");
        } catch (const SyncFileError& e) {
            return e.why();
        }
        FAIL("opened");
        return SyncFileError::Why::damaged;
    };
    CHECK(why(sealed, "r1", 4, key) == SyncFileError::Why::damaged);  // renamed to another number
    CHECK(why(sealed, "r2", 3, key) == SyncFileError::Why::damaged);  // moved to another replica
    CHECK(why(sealed, "r1", 3, SyncKey::generate()) == SyncFileError::Why::other_key);
    CHECK(why(bytes_of("PK\x03\x04 not ours"), "r1", 3, key) == SyncFileError::Why::not_sync_file);
    auto cut = sealed;
    cut.resize(cut.size() - 1);
    CHECK(why(cut, "r1", 3, key) == SyncFileError::Why::damaged);
    auto changed = sealed;
    changed[changed.size() / 2] ^= 0x40;
    CHECK(why(changed, "r1", 3, key) == SyncFileError::Why::damaged);
}

TEST_CASE("a change file from a newer painlog is refused as such") {
    auto key = SyncKey::generate();
    auto file = sample_file("r1", 1);
    file.schema = 1000;
    try {
        (void)open_change_file(key, seal_change_file(key, file), "r1", 1, "f");
        FAIL("opened");
    } catch (const SyncFileError& e) {
        CHECK(e.why() == SyncFileError::Why::newer);
        CHECK(std::string(e.what()).find("upgrade painlog") != std::string::npos);
    }
}

TEST_CASE("the folder's marker opens only with its key") {
    auto key = SyncKey::generate();
    auto sealed = seal_folder_marker(key, {"f-1", "2026-11-22T20:00:00Z"});
    CHECK(open_folder_marker(key, sealed, "m").folder == "f-1");
    CHECK_THROWS_AS((void)open_folder_marker(SyncKey::generate(), sealed, "m"), SyncFileError);
    // A change file is no marker, even with the same key.
    CHECK_THROWS_AS((void)open_folder_marker(key, seal_change_file(key, sample_file("r1", 1)), "m"), SyncFileError);
}

// A sync killed by kill -9 after putting its change file in place and
// before removing the temporary it wrote it to (a moment that
// test_sync_kill.sh can reach) left that temporary in the folder for ever:
// the next sync writes the next number, and only a write of the same name
// looked for its leftovers. The sync tool then copied it to every machine.
TEST_CASE("a change file's temporary that a killed sync left goes with the next file written, a live one stays") {
    test::TempDir dir;
    SyncFolder folder(dir.path);
    const std::string replica = "0b8e7c1a-0000-4000-8000-00000000000a";
    folder.write(folder.change_file(replica, 1), bytes_of("first"), false);
    auto own = dir.path / replica;
    // Process 999999999 is past any pid_max: gone. This process is not.
    auto stale = own / ".00000001.plsync.painlog-999999999-AbCdEf";
    auto stale_journal = own / ".00000001.plsync.painlog-999999999-AbCdEf-journal";
    auto live = own / fmt::format(".00000001.plsync.painlog-{}-GhIjKl", ::getpid());
    auto not_ours = own / ".00000001.plsync.someone-else";
    for (const auto& path : {stale, stale_journal, live, not_ours}) std::ofstream(path) << "x";

    folder.write(folder.change_file(replica, 2), bytes_of("second"), false);
    CHECK_FALSE(std::filesystem::exists(stale));
    CHECK_FALSE(std::filesystem::exists(stale_journal));
    CHECK(std::filesystem::exists(live));
    CHECK(std::filesystem::exists(not_ours));
    CHECK(folder.list()[replica] == std::vector<std::int64_t>{1, 2});
    CHECK(folder.read(folder.change_file(replica, 1)) == bytes_of("first"));
}

}  // namespace painlog::test_sync_files
