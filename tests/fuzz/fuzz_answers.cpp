// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the --answers list of painlog questionnaire (PHQ-9, GAD-7,
// PEG). Bad text must be an InputError; accepted answers must be exactly
// the instrument's item count, each within its range, and score cleanly.

#include <cstdint>

#include "fuzz_support.hpp"
#include "painlog/util/error.hpp"
#include "painlog/model/questionnaire.hpp"

using namespace painlog;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = fuzz::as_text(data, size);
    for (auto instrument : all_instruments) {
        const auto& spec = spec_of(instrument);
        try {
            auto answers = parse_answers(instrument, text);
            fuzz::require(answers.size() == spec.items.size(), "parse_answers accepted the wrong number of answers");
            for (int answer : answers)
                fuzz::require(answer >= spec.min_answer && answer <= spec.max_answer,
                              "parse_answers accepted an answer out of range");
            double score = score_of(instrument, answers);
            fuzz::require(score >= 0 && score <= spec.max_score, "score out of range");
            (void)band_of(instrument, score);
            (void)format_score(instrument, score);
        } catch (const InputError&) {
        }
        if (!spec.items.empty()) {
            try {
                int answer = parse_item_answer(instrument, 0, text);
                fuzz::require(answer >= spec.min_answer && answer <= spec.max_answer,
                              "parse_item_answer accepted an answer out of range");
            } catch (const InputError&) {
            }
        }
    }
    return 0;
}
