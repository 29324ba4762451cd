// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Questions on a terminal, for the guided check-in and the pre-infusion
// check: one line per answer, a bad answer explained and asked again.

#include <istream>
#include <ostream>
#include <string>

#include "painlog/util/error.hpp"

namespace painlog::cli {

// Thrown when input ends (Ctrl-D): the caller writes nothing.
struct Cancelled {};

// Asks until `accept` takes the answer without throwing; an empty answer skips.
template <typename Accept>
void ask(std::istream& in, std::ostream& prompt, const std::string& question, Accept accept) {
    for (;;) {
        prompt << question << ": " << std::flush;
        std::string answer;
        if (!std::getline(in, answer)) throw Cancelled{};
        if (answer.empty()) return;
        try {
            accept(answer);
            return;
        } catch (const InputError& e) {
            prompt << "  " << e.what() << '\n';
        }
    }
}

}  // namespace painlog::cli
