// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/pathway.hpp"

#include <fmt/format.h>

namespace painlog {
namespace {

constexpr std::array pathway_names{"pain", "depression", "both"};

std::string inference_reason(const DiaryContents& c) {
    if (c.pain_ratings && c.phq9) return "the diary holds pain ratings and PHQ-9 results";
    if (c.phq9) return "the diary holds PHQ-9 results and no pain ratings";
    if (c.mood_ratings && !c.pain_ratings) return "the diary holds mood ratings and no pain ratings";
    if (c.pain_ratings) return "the diary holds pain ratings and no PHQ-9 results";
    return "the diary holds no ratings yet";
}

}  // namespace

std::string_view name_of(Pathway pathway) { return pathway_names[static_cast<std::size_t>(pathway)]; }

std::optional<Pathway> pathway_named(std::string_view name) {
    for (auto p : all_pathways)
        if (name_of(p) == name) return p;
    return std::nullopt;
}

std::string PathwayChoice::sentence() const {
    if (!inferred) return fmt::format("Pathway: {} (setting pathway).", name_of(pathway));
    return fmt::format("Pathway: {} (inferred: {}; set it with painlog config set pathway pain|depression|both).",
                       name_of(pathway), reason);
}

PathwayChoice choose_pathway(const std::optional<std::string>& setting, const DiaryContents& contents) {
    if (setting)
        if (auto pathway = pathway_named(*setting)) return {*pathway, false, "set"};
    Pathway inferred = Pathway::pain;
    if (contents.pain_ratings && contents.phq9) inferred = Pathway::both;
    else if (!contents.pain_ratings && (contents.phq9 || contents.mood_ratings)) inferred = Pathway::depression;
    return {inferred, true, inference_reason(contents)};
}

}  // namespace painlog
