// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/util/suggest.hpp"

#include <algorithm>
#include <string>

namespace painlog {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows of the dynamic programme: a transposition looks two back.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::vector<std::string_view> closest_names(std::string_view word, std::span<const std::string_view> candidates,
                                            std::size_t limit) {
    std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
    std::vector<std::pair<std::size_t, std::size_t>> found;  // distance, position in candidates
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (auto d = edit_distance(word, candidates[i]); d <= allowed) found.emplace_back(d, i);
    std::ranges::stable_sort(found, {}, &std::pair<std::size_t, std::size_t>::first);
    std::vector<std::string_view> names;
    for (const auto& [distance, i] : found) {
        if (names.size() == limit) break;
        if (std::ranges::find(names, candidates[i]) == names.end()) names.push_back(candidates[i]);
    }
    return names;
}

std::string either_of(std::span<const std::string_view> names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

}  // namespace painlog
