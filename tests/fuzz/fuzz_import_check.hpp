// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every importer's result must satisfy, whatever the input: parsers
// never throw, and data they accept without problems is valid to store.

#include "fuzz_support.hpp"
#include "painlog/formats/import_plan.hpp"

namespace painlog::fuzz {

inline void require_valid(const ParsedImport& parsed, const ImportRules& rules) {
    require(parsed.problems.size() <= max_import_problems, "more problems than max_import_problems");
    for (const auto& problem : parsed.problems) require(!problem.message.empty(), "a problem without a message");
    if (!parsed.problems.empty()) return;
    for (const auto& entry : parsed.data.entries) {
        require(entry.at <= rules.now, "an accepted entry lies after now");
        for (auto rating : entry.ratings)
            require(!rating || (*rating >= 0 && *rating <= 10), "an accepted rating outside 0-10");
        require(!entry.sleep_hours || (*entry.sleep_hours >= 0 && *entry.sleep_hours <= 24),
                "accepted sleep hours outside 0-24");
        require(!entry.zone.empty(), "an accepted entry without a zone");
    }
}

}  // namespace painlog::fuzz
