// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The versions of a synced record and the rule that merges them (issue 21),
// as plain values and pure functions: no SQLite, no files.
//
// Every change to a record gets a stamp from its replica's hybrid logical
// clock (HLC): milliseconds since the epoch in the high bits, a counter in
// the low 16, never less than anything that replica has stamped or seen, so
// that a change made after seeing another always sorts after it, even when
// the wall clocks disagree. A version is identified by (stamp, origin), its
// replica's id: no two versions share both.
//
// The rule, the same on every replica: the version with the greater
// (stamp, origin) is the record's content, stamps compared first and
// replica ids (text) breaking ties. Because a replica's stamps grow and
// every change stamps past what its replica has seen, this order extends
// "made after seeing", so the result does not depend on the order in which
// versions arrive. Each version also carries a version vector (replica ->
// the greatest stamp of that replica's changes it includes), which tells a
// version that replaced another after seeing it (no conflict) from two made
// apart (a conflict: the one that lost is kept and shown).

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace painlog {

// A stamp of the hybrid logical clock.
using HlcStamp = std::int64_t;

inline constexpr int hlc_counter_bits = 16;

// The first stamp of the millisecond `unix_ms`.
[[nodiscard]] constexpr HlcStamp hlc_of_millis(std::int64_t unix_ms) { return unix_ms << hlc_counter_bits; }
// The millisecond a stamp was made in (by its replica's clock).
[[nodiscard]] constexpr std::int64_t millis_of_hlc(HlcStamp stamp) { return stamp >> hlc_counter_bits; }

// The next stamp of a clock whose greatest stamp made or seen is `last`,
// at wall-clock time `now_ms`: now's first stamp, or one past `last` when
// the wall clock is behind it.
[[nodiscard]] HlcStamp next_stamp(HlcStamp last, std::int64_t now_ms);

// Replica id -> the greatest stamp of that replica's changes a version includes.
struct VersionVector {
    std::map<std::string, HlcStamp> stamps;

    [[nodiscard]] HlcStamp of(const std::string& replica) const;
    // Records that `replica` made a change stamped `stamp` (kept if greater).
    void include(const std::string& replica, HlcStamp stamp);
    bool operator==(const VersionVector&) const = default;
};

enum class Causality { equal, before, after, concurrent };
// How `a` relates to `b`: before when every stamp of a is at most b's and
// one is less (b was made after seeing a), after the other way round,
// concurrent when each has a change the other lacks.
[[nodiscard]] Causality compare(const VersionVector& a, const VersionVector& b);
// Every replica's greater stamp.
[[nodiscard]] VersionVector join(const VersionVector& a, const VersionVector& b);

// "r1:5,r2:9": replicas in order, for storage. parse returns nullopt for
// anything else (a replica id may not hold ':' or ',').
[[nodiscard]] std::string format_version_vector(const VersionVector& vv);
[[nodiscard]] std::optional<VersionVector> parse_version_vector(std::string_view text);

// One version of a record, without its content.
struct RecordVersion {
    HlcStamp stamp = 0;
    std::string origin;  // the replica whose change it is
    VersionVector vv;
    bool deleted = false;
};

// The total order of versions: stamp, then origin.
[[nodiscard]] std::strong_ordering order_of(const RecordVersion& a, const RecordVersion& b);

// What a replica does with a version that arrives for a record it holds.
struct MergeDecision {
    enum class Keep { local, incoming } keep = Keep::local;
    // The version that lost while both were made apart, to be kept as a
    // conflict; none when one was made after seeing the other, or when
    // both say the same.
    enum class Loser { none, local, incoming } loser = Loser::none;
    RecordVersion result;  // the record's version afterwards
};

// `same_content`: both versions hold the same values (or both are
// deletions); two such versions are no conflict, whatever their clocks.
[[nodiscard]] MergeDecision merge_versions(const RecordVersion& local, const RecordVersion& incoming,
                                           bool same_content);

}  // namespace painlog
