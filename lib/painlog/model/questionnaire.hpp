// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Validated questionnaires: PHQ-9 (depression), GAD-7 (anxiety) and PEG
// (pain intensity and interference). Their wording, answers, scoring and
// bands are reproduced exactly from the sources in /work/shared/clinical.md;
// do not paraphrase them. Results live in the diary's `questionnaire` table
// (schema v3; store/questionnaire_store.hpp): item answers in item order and
// the score.

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/util/text.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

// PGIC: the Patient Global Impression of Change, one item with seven
// labelled answers, numbered 1 (very much improved) to 7 (very much worse)
// as the NINDS common data elements number them; the label is what is
// stored and exported, since versions differ in numbering.
enum class Instrument { phq9, gad7, peg, pgic };
inline constexpr std::array all_instruments{Instrument::phq9, Instrument::gad7, Instrument::peg, Instrument::pgic};

[[nodiscard]] std::string_view name_of(Instrument instrument);  // "phq9", "gad7", "peg", "pgic"
[[nodiscard]] std::optional<Instrument> instrument_named(std::string_view name);
// Throws InputError "OPTION foo: expected one of phq9, gad7, peg, pgic".
[[nodiscard]] Instrument parse_instrument(std::string_view text, std::string_view option);

struct Item {
    std::string_view text;     // the item's exact wording
    std::string_view anchors;  // PEG only: what 0 and 10 mean; empty for PHQ-9 and GAD-7
};

struct InstrumentSpec {
    Instrument instrument;
    std::string_view title;        // "PHQ-9", "GAD-7", "PEG"
    std::string_view stem;         // the question before the items; empty for PEG (its items are questions)
    std::string_view citation;     // the paper that validated it
    std::string_view attribution;  // the licence or source statement to show beside it
    std::span<const Item> items;
    int min_answer, max_answer;    // each item's range: 0–3 (PHQ-9, GAD-7), 0–10 (PEG)
    std::span<const std::string_view> answer_labels;  // label of answer 0, 1, …; empty for PEG
    int max_score;                 // 27, 21, 10
};

[[nodiscard]] const InstrumentSpec& spec_of(Instrument instrument);

struct QuestionnaireResult {
    std::int64_t id = 0;  // 0 until stored
    Instrument instrument = Instrument::phq9;
    Instant at;
    std::string zone;  // IANA name it was recorded in
    Day day;           // diary day of `at`
    std::vector<int> answers;  // one per item, in item order
    double score = 0;
    friend bool operator==(const QuestionnaireResult&, const QuestionnaireResult&) = default;
};

// Throws InputError naming the item when the count or a value is wrong.
void check_answers(Instrument instrument, const std::vector<int>& answers);
// PHQ-9 and GAD-7: the sum of the items. PEG: the exact mean of its three
// items (not rounded; show it with one decimal). Checks the answers first.
[[nodiscard]] double score_of(Instrument instrument, const std::vector<int>& answers);
// PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe,
// 20–27 severe. GAD-7: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe.
// PEG: "" — the paper gives no validated bands (the 0–3.9 / 4–6.9 / 7–10
// bands quoted elsewhere are not from it), so painlog shows none.
// Throws InputError for a score outside the instrument's range.
[[nodiscard]] std::string_view band_of(Instrument instrument, double score);
// The lower bound of each band after the first, for drawing threshold lines:
// PHQ-9 {5, 10, 15, 20}, GAD-7 {5, 10, 15}, PEG {}.
[[nodiscard]] std::span<const int> band_thresholds(Instrument instrument);
// The score as people read it: "12" (PHQ-9, GAD-7), "4.7" (PEG, one decimal).
[[nodiscard]] std::string format_score(Instrument instrument, double score);

// "--answers 1,2,0,…": exactly the instrument's number of whole numbers in
// range, comma-separated (spaces around them allowed). Throws InputError
// naming the item and what was expected.
[[nodiscard]] std::vector<int> parse_answers(Instrument instrument, std::string_view list);
// One interactive answer to item `index` (0-based); throws InputError
// explaining the allowed answers.
[[nodiscard]] int parse_item_answer(Instrument instrument, std::size_t index, std::string_view text);

// PHQ-2: PHQ-9 items 1–2, 0–6, positive at ≥ 3.
inline constexpr int phq2_positive_from = 3;
[[nodiscard]] int phq2_score(const QuestionnaireResult& phq9);
[[nodiscard]] bool phq2_positive(const QuestionnaireResult& phq9);

// PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered
// above 0. Show safety_message() every time this is true.
[[nodiscard]] bool needs_safety_message(const QuestionnaireResult& result);
[[nodiscard]] std::string_view safety_message();

// A PHQ-9 result against the earlier PHQ-9 results. The baseline is the
// first PHQ-9 in the diary. Response: a reduction of at least 50 % from the
// baseline score; remission: a score below 5. Both compare with the baseline,
// so they are nullopt for the baseline itself; response is also nullopt when
// the baseline score is 0 (percent change undefined).
struct Phq9Progress {
    std::optional<double> previous_score;  // the PHQ-9 just before this one
    std::optional<double> change;          // score − previous_score
    std::optional<double> baseline_score;  // the first PHQ-9 (nullopt when this is it)
    std::optional<double> percent_change;  // (score − baseline) / baseline × 100
    std::optional<bool> response;
    std::optional<bool> remission;
};
inline constexpr double phq9_response_reduction = 0.5;  // ≥ 50 % reduction from baseline
inline constexpr int phq9_remission_below = 5;          // total < 5
// `history` is every result in the diary (any instruments, any order); only
// PHQ-9 results before `result` (by time, then id) count.
[[nodiscard]] Phq9Progress phq9_progress(const QuestionnaireResult& result,
                                         const std::vector<QuestionnaireResult>& history);

// Item answers as stored and as CSV shows them: "2,1,0,3"; for the PGIC
// its label ("much improved").
[[nodiscard]] std::string answers_text(Instrument instrument, const std::vector<int>& answers);
// id,instrument,time,zone,day,answers,score,band: the scalar keys of
// questionnaire_json, answers as answers_text, band empty for PEG.
void write_questionnaires_csv(const std::vector<QuestionnaireResult>& results, std::ostream& out);

// {"id","instrument","time","zone","day","answers","score","band",
//  "phq2_score","phq2_positive","safety_message_needed"}; time is local
// ISO 8601 with offset in the result's zone; band null for PEG; the PHQ-2
// keys null for other instruments; safety_message_needed true only for a
// PHQ-9 with item 9 above 0.
[[nodiscard]] nlohmann::ordered_json questionnaire_json(const QuestionnaireResult& result);
// The same plus "progress": {"previous_score","change","baseline_score",
// "percent_change","response","remission"} for PHQ-9, null for others.
[[nodiscard]] nlohmann::ordered_json questionnaire_json(const QuestionnaireResult& result,
                                                        const std::vector<QuestionnaireResult>& history);
// An array of questionnaire_json(result, history) for each of `results`.
[[nodiscard]] nlohmann::ordered_json questionnaires_json(const std::vector<QuestionnaireResult>& results,
                                                         const std::vector<QuestionnaireResult>& history);

// Text for people. The item prompt shows the item number, its wording and
// the allowed answers. The result text gives the score, band, PHQ-2 and
// progress for PHQ-9, the safety message when needed, and the citation.
[[nodiscard]] std::string instrument_intro(Instrument instrument);
[[nodiscard]] std::string item_prompt(Instrument instrument, std::size_t index);  // ends with answer_prompt()
[[nodiscard]] std::string answer_prompt(Instrument instrument);                    // "Answer (0-3): "
[[nodiscard]] std::string result_text(const QuestionnaireResult& result,
                                      const std::vector<QuestionnaireResult>& history, Color color);
// One row per result: id, day, instrument, score, band, change (PHQ-9);
// rows with the safety flag are marked.
[[nodiscard]] std::string results_table(const std::vector<QuestionnaireResult>& results,
                                        const std::vector<QuestionnaireResult>& history, Color color);

// The questionnaire part of summary and trend: a heading, results_table of
// `in_period` (history gives PHQ-9 change against the first result), and the
// safety message when any shown result needs it. Empty when `in_period` is.
[[nodiscard]] std::string questionnaires_section(const std::vector<QuestionnaireResult>& in_period,
                                                 const std::vector<QuestionnaireResult>& history, Color color);

}  // namespace painlog
