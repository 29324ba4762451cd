// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which treatment pathway a diary serves: ketamine for chronic pain, for
// persistent depression, or both. It decides which outcome `response` and
// `report` lead with and which sections they show, never which data is kept.

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace painlog {

enum class Pathway { pain, depression, both };
inline constexpr std::array all_pathways{Pathway::pain, Pathway::depression, Pathway::both};
[[nodiscard]] std::string_view name_of(Pathway pathway);  // pain, depression, both
[[nodiscard]] std::optional<Pathway> pathway_named(std::string_view name);

// What a diary holds that tells the pathways apart.
struct DiaryContents {
    bool pain_ratings = false;
    bool mood_ratings = false;
    bool phq9 = false;
};

struct PathwayChoice {
    Pathway pathway = Pathway::pain;
    bool inferred = true;  // the setting is unset
    std::string reason;    // "set", or what the inference saw, in words

    [[nodiscard]] bool serves_pain() const { return pathway != Pathway::depression; }
    [[nodiscard]] bool serves_depression() const { return pathway != Pathway::pain; }
    // "Pathway: both (inferred: the diary holds pain ratings and PHQ-9 results; ...)."
    [[nodiscard]] std::string sentence() const;
};

// The `pathway` setting when set (already validated), else inferred:
// pain ratings and a PHQ-9 -> both; a PHQ-9 or mood ratings without pain
// ratings -> depression; otherwise pain, the pathway painlog began with.
[[nodiscard]] PathwayChoice choose_pathway(const std::optional<std::string>& setting, const DiaryContents& contents);

}  // namespace painlog
