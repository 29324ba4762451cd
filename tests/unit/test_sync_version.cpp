// SPDX-License-Identifier: GPL-3.0-or-later
// The hybrid logical clock, version vectors and the merge rule of sync
// (model/sync_version.hpp): plain values, every case by hand.

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "painlog/model/sync_version.hpp"

namespace painlog::test_sync_version {

namespace {

VersionVector vv(std::initializer_list<std::pair<const std::string, HlcStamp>> stamps) { return VersionVector{stamps}; }

RecordVersion version(HlcStamp stamp, std::string origin, VersionVector v, bool deleted = false) {
    return RecordVersion{stamp, std::move(origin), std::move(v), deleted};
}

}  // namespace

TEST_CASE("the clock takes the wall clock's millisecond, or one past its last stamp when that is ahead") {
    CHECK(next_stamp(0, 1000) == hlc_of_millis(1000));
    CHECK(millis_of_hlc(next_stamp(0, 1000)) == 1000);
    // The wall clock went back (or another replica's clock is ahead): the
    // counter goes on from the last stamp, so stamps never repeat.
    auto last = hlc_of_millis(5000) + 7;
    CHECK(next_stamp(last, 1000) == last + 1);
    CHECK(next_stamp(last, 5000) == last + 1);
    CHECK(next_stamp(last, 5001) == hlc_of_millis(5001));
}

TEST_CASE("version vectors: equal, before, after and concurrent") {
    CHECK(compare(vv({{"a", 1}}), vv({{"a", 1}})) == Causality::equal);
    CHECK(compare(vv({{"a", 1}}), vv({{"a", 2}})) == Causality::before);
    CHECK(compare(vv({{"a", 2}}), vv({{"a", 1}})) == Causality::after);
    CHECK(compare(vv({{"a", 1}}), vv({{"a", 1}, {"b", 3}})) == Causality::before);
    CHECK(compare(vv({{"a", 2}}), vv({{"a", 1}, {"b", 3}})) == Causality::concurrent);
    CHECK(compare(vv({}), vv({{"a", 1}})) == Causality::before);
    auto joined = join(vv({{"a", 2}, {"c", 1}}), vv({{"a", 1}, {"b", 3}}));
    CHECK(joined == vv({{"a", 2}, {"b", 3}, {"c", 1}}));
}

TEST_CASE("version vectors as stored text, and text that is not one") {
    auto v = vv({{"1", 42}, {"2", 7}});
    CHECK(format_version_vector(v) == "1:42,2:7");
    CHECK(parse_version_vector("1:42,2:7") == v);
    CHECK(parse_version_vector("")->stamps.empty());
    for (const char* bad : {"1", "1:", ":5", "1:x", "1:5,", "1:5,1:6", "1:-3", "1:0", "1:5x"})
        CHECK_MESSAGE(!parse_version_vector(bad), bad);
}

TEST_CASE("a version made after seeing another replaces it without a conflict") {
    auto older = version(10, "a", vv({{"a", 10}}));
    auto newer = version(20, "b", vv({{"a", 10}, {"b", 20}}));
    auto taken = merge_versions(older, newer, false);
    CHECK(taken.keep == MergeDecision::Keep::incoming);
    CHECK(taken.loser == MergeDecision::Loser::none);
    CHECK(taken.result.stamp == 20);
    auto kept = merge_versions(newer, older, false);
    CHECK(kept.keep == MergeDecision::Keep::local);
    CHECK(kept.loser == MergeDecision::Loser::none);
    auto same = merge_versions(newer, newer, false);
    CHECK(same.keep == MergeDecision::Keep::local);
}

TEST_CASE("two versions made apart: the greater stamp wins, the other is the conflict") {
    auto a = version(30, "a", vv({{"a", 30}}));
    auto b = version(25, "b", vv({{"b", 25}}));
    auto at_a = merge_versions(a, b, false);
    CHECK(at_a.keep == MergeDecision::Keep::local);
    CHECK(at_a.loser == MergeDecision::Loser::incoming);
    auto at_b = merge_versions(b, a, false);
    CHECK(at_b.keep == MergeDecision::Keep::incoming);
    CHECK(at_b.loser == MergeDecision::Loser::local);
    // Both replicas end with the same version, whichever arrived where.
    CHECK(at_a.result.stamp == 30);
    CHECK(at_b.result.stamp == 30);
    CHECK(at_a.result.vv == vv({{"a", 30}, {"b", 25}}));
    CHECK(at_b.result.vv == at_a.result.vv);
}

TEST_CASE("equal stamps made apart: the replica id decides, the same way everywhere") {
    auto a = version(30, "aaa", vv({{"aaa", 30}}));
    auto b = version(30, "bbb", vv({{"bbb", 30}}));
    CHECK(merge_versions(a, b, false).keep == MergeDecision::Keep::incoming);
    CHECK(merge_versions(b, a, false).keep == MergeDecision::Keep::local);
}

TEST_CASE("a deletion and a change made apart are a conflict like any other") {
    auto deleted = version(40, "a", vv({{"a", 40}}), true);
    auto changed = version(35, "b", vv({{"b", 35}}));
    auto d = merge_versions(changed, deleted, false);
    CHECK(d.keep == MergeDecision::Keep::incoming);
    CHECK(d.result.deleted);
    CHECK(d.loser == MergeDecision::Loser::local);
}

TEST_CASE("the same content made apart is no conflict") {
    auto a = version(30, "a", vv({{"a", 30}}));
    auto b = version(31, "b", vv({{"b", 31}}));
    auto d = merge_versions(a, b, true);
    CHECK(d.keep == MergeDecision::Keep::local);
    CHECK(d.loser == MergeDecision::Loser::none);
    CHECK(d.result.stamp == 31);
    CHECK(d.result.vv == vv({{"a", 30}, {"b", 31}}));
}

TEST_CASE("three versions made apart end the same in every order of arrival") {
    std::vector<RecordVersion> versions{version(10, "a", vv({{"a", 10}})), version(30, "b", vv({{"b", 30}})),
                                        version(20, "c", vv({{"c", 20}}))};
    std::vector<int> order{0, 1, 2};
    do {
        auto state = versions[static_cast<std::size_t>(order[0])];
        int conflicts = 0;
        for (std::size_t i = 1; i < order.size(); ++i) {
            auto d = merge_versions(state, versions[static_cast<std::size_t>(order[i])], false);
            if (d.loser != MergeDecision::Loser::none) ++conflicts;
            state = d.result;
        }
        CHECK(state.stamp == 30);
        CHECK(state.origin == "b");
        CHECK(state.vv == vv({{"a", 10}, {"b", 30}, {"c", 20}}));
        CHECK(conflicts == 2);  // each of the two losers, once
    } while (std::next_permutation(order.begin(), order.end()));
}

}  // namespace painlog::test_sync_version
