// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/sync_version.hpp"

#include <algorithm>
#include <charconv>

namespace painlog {

HlcStamp next_stamp(HlcStamp last, std::int64_t now_ms) { return std::max(last + 1, hlc_of_millis(now_ms)); }

HlcStamp VersionVector::of(const std::string& replica) const {
    auto found = stamps.find(replica);
    return found == stamps.end() ? 0 : found->second;
}

void VersionVector::include(const std::string& replica, HlcStamp stamp) {
    auto& known = stamps[replica];
    known = std::max(known, stamp);
}

Causality compare(const VersionVector& a, const VersionVector& b) {
    bool a_has_more = false, b_has_more = false;
    for (const auto& [replica, stamp] : a.stamps)
        if (stamp > b.of(replica)) a_has_more = true;
    for (const auto& [replica, stamp] : b.stamps)
        if (stamp > a.of(replica)) b_has_more = true;
    if (a_has_more && b_has_more) return Causality::concurrent;
    if (a_has_more) return Causality::after;
    if (b_has_more) return Causality::before;
    return Causality::equal;
}

VersionVector join(const VersionVector& a, const VersionVector& b) {
    VersionVector out = a;
    for (const auto& [replica, stamp] : b.stamps) out.include(replica, stamp);
    return out;
}

std::string format_version_vector(const VersionVector& vv) {
    std::string out;
    for (const auto& [replica, stamp] : vv.stamps) {
        if (!out.empty()) out += ',';
        out += replica;
        out += ':';
        out += std::to_string(stamp);
    }
    return out;
}

std::optional<VersionVector> parse_version_vector(std::string_view text) {
    VersionVector vv;
    while (!text.empty()) {
        auto end = text.find(',');
        auto item = text.substr(0, end);
        auto colon = item.find(':');
        if (colon == std::string_view::npos || colon == 0) return std::nullopt;
        HlcStamp stamp = 0;
        auto digits = item.substr(colon + 1);
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), stamp);
        if (ec != std::errc{} || ptr != digits.data() + digits.size() || stamp <= 0) return std::nullopt;
        if (!vv.stamps.emplace(std::string(item.substr(0, colon)), stamp).second) return std::nullopt;
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
        if (text.empty()) return std::nullopt;  // a trailing comma
    }
    return vv;
}

std::strong_ordering order_of(const RecordVersion& a, const RecordVersion& b) {
    if (auto by_stamp = a.stamp <=> b.stamp; by_stamp != 0) return by_stamp;
    return a.origin <=> b.origin;
}

MergeDecision merge_versions(const RecordVersion& local, const RecordVersion& incoming, bool same_content) {
    switch (compare(incoming.vv, local.vv)) {
        case Causality::equal:
        case Causality::before: return {MergeDecision::Keep::local, MergeDecision::Loser::none, local};
        case Causality::after: return {MergeDecision::Keep::incoming, MergeDecision::Loser::none, incoming};
        case Causality::concurrent: break;
    }
    bool incoming_wins = order_of(incoming, local) > 0;
    MergeDecision decision;
    decision.result = incoming_wins ? incoming : local;
    decision.result.vv = join(local.vv, incoming.vv);
    if (same_content) {
        // The same values made apart: nothing to choose between, so the
        // content stays and only the version moves on.
        decision.result.deleted = local.deleted;
        return decision;
    }
    decision.keep = incoming_wins ? MergeDecision::Keep::incoming : MergeDecision::Keep::local;
    decision.loser = incoming_wins ? MergeDecision::Loser::local : MergeDecision::Loser::incoming;
    return decision;
}

}  // namespace painlog
