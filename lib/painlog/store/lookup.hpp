// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Names and ids already in a diary, most used or most recent first: what
// shell completion offers after --tag, `show`, `event show` and the like.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "painlog/model/entry.hpp"
#include "painlog/model/pathway.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

class Diary;

struct TagUse {
    std::string name;
    TagKind kind;
    int entries = 0;  // how many entries carry it
};

// Tags of one kind (or of every kind), most used first, then by name; a
// name used with several kinds appears once per kind.
[[nodiscard]] std::vector<TagUse> tag_uses(Diary& diary, std::optional<TagKind> kind = std::nullopt);

struct NameUse {
    std::string name;
    int entries = 0;  // how many entries name it
};

// The body regions (pain qualities) named on entries of the diary days from
// `since` on (every day when nullopt), most used first, then in vocabulary
// order: the check-in's picks and completion's order.
[[nodiscard]] std::vector<NameUse> region_uses(Diary& diary, std::optional<Day> since = std::nullopt);
[[nodiscard]] std::vector<NameUse> quality_uses(Diary& diary, std::optional<Day> since = std::nullopt);

// Whether the diary holds any pain rating, mood rating and PHQ-9: three
// lookups that stop at the first row found.
[[nodiscard]] DiaryContents diary_contents(Diary& diary);

// The pathway setting, or the pathway the diary's contents suggest.
[[nodiscard]] PathwayChoice diary_pathway(Diary& diary);

}  // namespace painlog
