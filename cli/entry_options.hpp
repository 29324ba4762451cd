// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The value flags shared by add and edit, and how they change an entry.

#include <array>
#include <string>
#include <vector>

#include "painlog/model/entry.hpp"

namespace CLI { class App; class Option; }

namespace painlog::cli {

struct EntryOptions {
    std::array<std::string, all_ratings.size()> ratings;  // indexed by Rating
    std::string sleep, note, at;
    std::vector<std::string> tags, better, worse, side_effects;
    std::vector<std::string> where, feels;  // body regions and pain qualities
    // Set for the flags that were given, so "--note ''" can clear a note.
    std::array<CLI::Option*, all_ratings.size()> rating_options{};
    CLI::Option* sleep_option = nullptr;
    CLI::Option* note_option = nullptr;
    CLI::Option* at_option = nullptr;

    [[nodiscard]] bool any_value() const;
};

void add_entry_options(CLI::App& cmd, EntryOptions& opts);

// Validates every given flag and writes it into `entry` (ratings and sleep
// replace; tags, regions and qualities are added). Throws InputError on the
// first bad value.
void apply_entry_options(const EntryOptions& opts, Entry& entry);

}  // namespace painlog::cli
