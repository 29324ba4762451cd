// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Did you mean": the names of a fixed vocabulary closest to a mistyped
// word, so that an error can offer the fix instead of only refusing.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace painlog {

// The optimal string alignment distance (Levenshtein with adjacent
// transpositions, each edit costing 1) between two byte strings: "left-fot"
// is 1 from "left-foot", "lfet-foot" 1 too.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates within a typing slip of `word` (distance at most 2, or a
// third of the word's length when longer), closest first, ties in the
// candidates' order, each once, at most `limit`.
[[nodiscard]] std::vector<std::string_view> closest_names(std::string_view word,
                                                          std::span<const std::string_view> candidates,
                                                          std::size_t limit = 3);

// "a", "a or b", "a, b or c".
[[nodiscard]] std::string either_of(std::span<const std::string_view> names);

}  // namespace painlog
