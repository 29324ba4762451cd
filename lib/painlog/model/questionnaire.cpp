// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/questionnaire.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <ostream>
#include <tuple>

#include <fmt/format.h>

#include "painlog/util/csv.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/table.hpp"
#include "painlog/util/parse.hpp"

namespace painlog {
namespace {

// Wording copied exactly from the sources named in /work/shared/clinical.md.
constexpr std::string_view phq_stem =
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?";

constexpr std::array<std::string_view, 4> phq_answer_labels{"Not at all", "Several days",
                                                            "More than half the days", "Nearly every day"};

constexpr std::string_view pfizer_attribution =
    "Developed by Drs. Robert L. Spitzer, Janet B. W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc.";

constexpr std::array phq9_items{
    Item{"Little interest or pleasure in doing things", ""},
    Item{"Feeling down, depressed, or hopeless", ""},
    Item{"Trouble falling or staying asleep, or sleeping too much", ""},
    Item{"Feeling tired or having little energy", ""},
    Item{"Poor appetite or overeating", ""},
    Item{"Feeling bad about yourself \u2014 or that you are a failure or have let yourself or your family down", ""},
    Item{"Trouble concentrating on things, such as reading the newspaper or watching television", ""},
    Item{"Moving or speaking so slowly that other people could have noticed? Or the opposite \u2014 being so "
         "fidgety or restless that you have been moving around a lot more than usual",
         ""},
    Item{"Thoughts that you would be better off dead or of hurting yourself in some way", ""},
};

constexpr std::array gad7_items{
    Item{"Feeling nervous, anxious, or on edge", ""},
    Item{"Not being able to stop or control worrying", ""},
    Item{"Worrying too much about different things", ""},
    Item{"Trouble relaxing", ""},
    Item{"Being so restless that it is hard to sit still", ""},
    Item{"Becoming easily annoyed or irritable", ""},
    Item{"Feeling afraid, as if something awful might happen", ""},
};

constexpr std::string_view peg_interference_anchors = "0 does not interfere, 10 completely interferes";
constexpr std::array peg_items{
    Item{"What number best describes your pain on average in the past week?",
         "0 no pain, 10 pain as bad as you can imagine"},
    Item{"What number best describes how, during the past week, pain has interfered with your enjoyment of life?",
         peg_interference_anchors},
    Item{"What number best describes how, during the past week, pain has interfered with your general activity?",
         peg_interference_anchors},
};

const InstrumentSpec phq9_spec{
    Instrument::phq9,
    "PHQ-9",
    phq_stem,
    "Kroenke, Spitzer, Williams, J Gen Intern Med 2001;16:606\u2013613",
    pfizer_attribution,
    phq9_items,
    0,
    3,
    phq_answer_labels,
    27,
};

const InstrumentSpec gad7_spec{
    Instrument::gad7,
    "GAD-7",
    phq_stem,
    "Spitzer et al., Arch Intern Med 2006;166:1092\u20131097",
    pfizer_attribution,
    gad7_items,
    0,
    3,
    phq_answer_labels,
    21,
};

const InstrumentSpec peg_spec{
    Instrument::peg,
    "PEG",
    "",
    "Krebs et al., J Gen Intern Med 2009;24(6):733\u2013738",
    "Items adapted from the Brief Pain Inventory; no licence statement was found. The PEG has no validated "
    "severity bands.",
    peg_items,
    0,
    10,
    {},
    10,
};

// PhenX / Farrar 2001 wording, "the study" adapted to "my last infusion".
constexpr std::array pgic_items{Item{"Since my last infusion, my overall status is:", ""}};
constexpr std::array<std::string_view, 7> pgic_labels{"very much improved", "much improved", "minimally improved",
                                                      "no change",          "minimally worse", "much worse",
                                                      "very much worse"};

const InstrumentSpec pgic_spec{
    Instrument::pgic,
    "PGIC",
    "",
    "Patient Global Impression of Change; Farrar et al., Pain 2001;94:149\u2013158",
    "Public domain (NINDS common data elements). The PhenX wording \u201cSince the start of the study\u201d is "
    "adapted to \u201cSince my last infusion\u201d. Farrar 2001: much or very much improved matched a reduction of "
    "about 2 points or 30 % in pain.",
    pgic_items,
    1,
    7,
    pgic_labels,
    7,
};

constexpr std::array phq9_thresholds{5, 10, 15, 20};
constexpr std::array gad7_thresholds{5, 10, 15};

std::string item_name(const InstrumentSpec& spec, std::size_t index) {
    return fmt::format("item {} ({})", index + 1, truncate_to_width(spec.items[index].text, 40));
}

std::string allowed_answers(const InstrumentSpec& spec) {
    if (spec.answer_labels.empty())
        return fmt::format("a whole number from {} to {}", spec.min_answer, spec.max_answer);
    std::string out = "one of ";
    for (std::size_t i = 0; i < spec.answer_labels.size(); ++i)
        out += fmt::format("{}{} {}", i == 0 ? "" : ", ", spec.min_answer + static_cast<int>(i), spec.answer_labels[i]);
    return out;
}

// An answer as a number in range or, for the PGIC, its label in any case.
std::optional<int> answer_of(const InstrumentSpec& spec, std::string_view text) {
    if (auto value = parse_whole_number(text); value && *value >= spec.min_answer && *value <= spec.max_answer)
        return value;
    if (spec.instrument != Instrument::pgic) return std::nullopt;
    auto lower = ascii_lower(text);
    for (std::size_t i = 0; i < spec.answer_labels.size(); ++i)
        if (spec.answer_labels[i] == lower) return spec.min_answer + static_cast<int>(i);
    return std::nullopt;
}

// Order of results in time: by instant, then id; an unsaved result (id 0)
// comes after stored ones at the same instant.
auto order_key(const QuestionnaireResult& r) {
    return std::make_tuple(r.at, r.id == 0 ? std::numeric_limits<std::int64_t>::max() : r.id);
}

template <typename T>
nlohmann::ordered_json or_null(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

std::string signed_score_change(double value) { return value > 0 ? fmt::format("+{:g}", value) : fmt::format("{:g}", value); }

std::string yes_no(bool value) { return value ? "yes" : "no"; }

// Breaks text into lines of at most `width` columns at spaces, for a
// terminal; lines after the first start with `indent`.
std::string wrapped(std::string_view text, std::size_t width = 78, std::string_view indent = "") {
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        auto space = text.find(' ', start);
        auto word = text.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start);
        if (!line.empty() && line != indent && display_width(line) + 1 + display_width(word) > width) {
            out += line + "\n";
            line = indent;
        }
        line += (line.empty() || line == indent ? "" : " ") + std::string(word);
        if (space == std::string_view::npos) break;
        start = space + 1;
    }
    return out + line + "\n";
}

}  // namespace

std::string_view name_of(Instrument instrument) {
    switch (instrument) {
        case Instrument::phq9: return "phq9";
        case Instrument::gad7: return "gad7";
        case Instrument::peg: return "peg";
        case Instrument::pgic: return "pgic";
    }
    return "";
}

std::optional<Instrument> instrument_named(std::string_view name) {
    for (auto instrument : all_instruments)
        if (name_of(instrument) == name) return instrument;
    return std::nullopt;
}

Instrument parse_instrument(std::string_view text, std::string_view option) {
    if (auto instrument = instrument_named(text)) return *instrument;
    throw InputError(fmt::format("{} {}: expected one of phq9, gad7, peg, pgic", option, text));
}

const InstrumentSpec& spec_of(Instrument instrument) {
    switch (instrument) {
        case Instrument::phq9: return phq9_spec;
        case Instrument::gad7: return gad7_spec;
        case Instrument::peg: return peg_spec;
        case Instrument::pgic: return pgic_spec;
    }
    return phq9_spec;
}

void check_answers(Instrument instrument, const std::vector<int>& answers) {
    const auto& spec = spec_of(instrument);
    if (answers.size() != spec.items.size())
        throw InputError(fmt::format("{}: {} answers given; expected {}, one per item", spec.title, answers.size(),
                                     spec.items.size()));
    for (std::size_t i = 0; i < answers.size(); ++i)
        if (answers[i] < spec.min_answer || answers[i] > spec.max_answer)
            throw InputError(fmt::format("{} {} is {}; expected {}", spec.title, item_name(spec, i), answers[i],
                                         allowed_answers(spec)));
}

double score_of(Instrument instrument, const std::vector<int>& answers) {
    check_answers(instrument, answers);
    int sum = 0;
    for (int a : answers) sum += a;
    if (instrument == Instrument::peg) return sum / static_cast<double>(answers.size());
    return sum;  // the PGIC: its one answer
}

std::string_view band_of(Instrument instrument, double score) {
    const auto& spec = spec_of(instrument);
    if (!(score >= 0 && score <= spec.max_score))
        throw InputError(fmt::format("{} score {}: expected 0 to {}", spec.title, score, spec.max_score));
    switch (instrument) {
        case Instrument::phq9:
            return score < 5 ? "minimal" : score < 10 ? "mild" : score < 15 ? "moderate" : score < 20 ? "moderately severe"
                                                                                                       : "severe";
        case Instrument::gad7: return score < 5 ? "minimal" : score < 10 ? "mild" : score < 15 ? "moderate" : "severe";
        case Instrument::peg: return "";
        case Instrument::pgic:
            if (score < spec.min_answer || score != std::floor(score))
                throw InputError(fmt::format("PGIC score {}: expected a whole number from 1 to 7", score));
            return spec.answer_labels[static_cast<std::size_t>(score) - 1];
    }
    return "";
}

std::span<const int> band_thresholds(Instrument instrument) {
    switch (instrument) {
        case Instrument::phq9: return phq9_thresholds;
        case Instrument::gad7: return gad7_thresholds;
        case Instrument::peg:
        case Instrument::pgic: return {};
    }
    return {};
}

std::string format_score(Instrument instrument, double score) {
    if (instrument == Instrument::peg) return fmt::format("{:.1f}", score);
    return fmt::format("{:.0f}", score);
}

std::vector<int> parse_answers(Instrument instrument, std::string_view list) {
    const auto& spec = spec_of(instrument);
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        auto comma = list.find(',', start);
        parts.push_back(trim(list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (parts.size() == 1 && parts.front().empty()) parts.clear();
    if (parts.size() != spec.items.size())
        throw InputError(fmt::format("--answers {}: {} answer{} given; {} has {} items, so expected {} "
                                     "comma-separated answers, each {}",
                                     list, parts.size(), parts.size() == 1 ? "" : "s", spec.title, spec.items.size(),
                                     spec.items.size(), allowed_answers(spec)));
    std::vector<int> answers;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto value = answer_of(spec, parts[i]);
        if (!value)
            throw InputError(fmt::format("--answers {}: {} {} is '{}'; expected {}", list, spec.title,
                                         item_name(spec, i), parts[i], allowed_answers(spec)));
        answers.push_back(*value);
    }
    return answers;
}

int parse_item_answer(Instrument instrument, std::size_t index, std::string_view text) {
    const auto& spec = spec_of(instrument);
    auto value = answer_of(spec, trim(text));
    if (!value)
        throw InputError(fmt::format("'{}' is not an answer to {}; expected {}", trim(text), item_name(spec, index),
                                     allowed_answers(spec)));
    return *value;
}

int phq2_score(const QuestionnaireResult& phq9) {
    if (phq9.instrument != Instrument::phq9 || phq9.answers.size() < 2)
        throw InputError("PHQ-2: needs a PHQ-9 result");
    return phq9.answers[0] + phq9.answers[1];
}

bool phq2_positive(const QuestionnaireResult& phq9) { return phq2_score(phq9) >= phq2_positive_from; }

bool needs_safety_message(const QuestionnaireResult& result) {
    return result.instrument == Instrument::phq9 && result.answers.size() == 9 && result.answers[8] > 0;
}

std::string_view safety_message() {
    return "You answered that you have had thoughts that you would be better off dead or of hurting yourself. "
           "Thank you for being honest about this; you do not have to manage these thoughts alone. "
           "Please tell your care team (your GP or the clinic that looks after you) as soon as you can. "
           "If you feel you might act on these thoughts, or you are not safe right now, get help now: "
           "in the UK call NHS 111 (or 999 in an emergency), or the Samaritans on 116 123, free, day or night; "
           "elsewhere, call your local emergency number.";
}

Phq9Progress phq9_progress(const QuestionnaireResult& result, const std::vector<QuestionnaireResult>& history) {
    Phq9Progress progress;
    if (result.instrument != Instrument::phq9) return progress;
    const QuestionnaireResult* first = nullptr;
    const QuestionnaireResult* previous = nullptr;
    for (const auto& r : history) {
        if (r.instrument != Instrument::phq9 || !(order_key(r) < order_key(result))) continue;
        if (!first || order_key(r) < order_key(*first)) first = &r;
        if (!previous || order_key(*previous) < order_key(r)) previous = &r;
    }
    if (!first) return progress;
    progress.previous_score = previous->score;
    progress.change = result.score - previous->score;
    progress.baseline_score = first->score;
    if (first->score > 0) {
        progress.percent_change = (result.score - first->score) / first->score * 100;
        // Whole-number scores: a reduction of at least half is score ≤ baseline / 2, compared exactly.
        progress.response = result.score <= first->score * (1 - phq9_response_reduction);
    }
    progress.remission = result.score < phq9_remission_below;
    return progress;
}

std::string answers_text(Instrument instrument, const std::vector<int>& answers) {
    if (instrument == Instrument::pgic && answers.size() == 1) return std::string(band_of(instrument, answers[0]));
    std::string out;
    for (int a : answers) out += (out.empty() ? "" : ",") + std::to_string(a);
    return out;
}

void write_questionnaires_csv(const std::vector<QuestionnaireResult>& results, std::ostream& out) {
    out << csv_record({"id", "instrument", "time", "zone", "day", "answers", "score", "band"});
    for (const auto& r : results) {
        auto j = questionnaire_json(r);
        out << csv_record({std::to_string(r.id), j["instrument"].get<std::string>(), j["time"].get<std::string>(), r.zone,
                           j["day"].get<std::string>(), answers_text(r.instrument, r.answers), j["score"].dump(),
                           j["band"].is_null() ? "" : j["band"].get<std::string>()});
    }
}

nlohmann::ordered_json questionnaire_json(const QuestionnaireResult& r) {
    nlohmann::ordered_json j;
    j["id"] = r.id;
    j["instrument"] = name_of(r.instrument);
    j["time"] = format_local(r.at, stored_zone(r.zone));
    j["zone"] = r.zone;
    j["day"] = format_day(r.day);
    j["answers"] = r.answers;
    j["score"] = r.score;
    auto band = band_of(r.instrument, r.score);
    j["band"] = band.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(band);
    bool phq9 = r.instrument == Instrument::phq9;
    j["phq2_score"] = phq9 ? nlohmann::ordered_json(phq2_score(r)) : nlohmann::ordered_json(nullptr);
    j["phq2_positive"] = phq9 ? nlohmann::ordered_json(phq2_positive(r)) : nlohmann::ordered_json(nullptr);
    j["safety_message_needed"] = needs_safety_message(r);
    return j;
}

nlohmann::ordered_json questionnaire_json(const QuestionnaireResult& r,
                                          const std::vector<QuestionnaireResult>& history) {
    auto j = questionnaire_json(r);
    if (r.instrument != Instrument::phq9) {
        j["progress"] = nullptr;
        return j;
    }
    auto p = phq9_progress(r, history);
    nlohmann::ordered_json progress;
    progress["previous_score"] = or_null(p.previous_score);
    progress["change"] = or_null(p.change);
    progress["baseline_score"] = or_null(p.baseline_score);
    progress["percent_change"] = or_null(p.percent_change);
    progress["response"] = or_null(p.response);
    progress["remission"] = or_null(p.remission);
    j["progress"] = progress;
    return j;
}

nlohmann::ordered_json questionnaires_json(const std::vector<QuestionnaireResult>& results,
                                           const std::vector<QuestionnaireResult>& history) {
    auto array = nlohmann::ordered_json::array();
    for (const auto& r : results) array.push_back(questionnaire_json(r, history));
    return array;
}

std::string instrument_intro(Instrument instrument) {
    const auto& spec = spec_of(instrument);
    std::string out = fmt::format("{} ({})\n", spec.title, spec.citation);
    if (!spec.stem.empty()) out += wrapped(spec.stem);
    if (spec.items.size() == 1)
        out += fmt::format("Answer with a number from {} to {}.\n", spec.min_answer, spec.max_answer);
    else
        out += fmt::format("Answer each of the {} items with a number from {} to {}.\n", spec.items.size(),
                           spec.min_answer, spec.max_answer);
    out += "Press Ctrl-D to stop without saving anything.\n";
    return out;
}

std::string item_prompt(Instrument instrument, std::size_t index) {
    const auto& spec = spec_of(instrument);
    const auto& item = spec.items[index];
    std::string out = "\n" + wrapped(fmt::format("{}/{}. {}", index + 1, spec.items.size(), item.text), 78, "     ");
    if (!item.anchors.empty()) out += fmt::format("     ({})\n", item.anchors);
    for (std::size_t i = 0; i < spec.answer_labels.size(); ++i)
        out += fmt::format("     {} {}\n", spec.min_answer + static_cast<int>(i), spec.answer_labels[i]);
    return out + answer_prompt(instrument);
}

std::string answer_prompt(Instrument instrument) {
    const auto& spec = spec_of(instrument);
    return fmt::format("Answer ({}-{}): ", spec.min_answer, spec.max_answer);
}

std::string result_text(const QuestionnaireResult& r, const std::vector<QuestionnaireResult>& history, Color color) {
    const auto& spec = spec_of(r.instrument);
    std::string out;
    auto band = band_of(r.instrument, r.score);
    if (r.instrument == Instrument::pgic)
        out += fmt::format("{}: {} ({} of 1 to 7, 1 very much improved).\n", spec.title,
                           styled(band, Style::bold, color), format_score(r.instrument, r.score));
    else if (band.empty())
        out += fmt::format("{} score {} of {} (the mean of its three items).\n"
                           "The PEG has no validated severity bands, so none is shown.\n",
                           spec.title, format_score(r.instrument, r.score), spec.max_score);
    else
        out += fmt::format("{} score {} of {}: {}.\n", spec.title, format_score(r.instrument, r.score),
                           spec.max_score, styled(band, Style::bold, color));
    if (r.instrument == Instrument::phq9) {
        out += fmt::format("PHQ-2 (items 1-2): {} of 6, {} (positive at 3 or more).\n", phq2_score(r),
                           phq2_positive(r) ? "positive" : "negative");
        auto p = phq9_progress(r, history);
        if (!p.baseline_score) {
            out += "This is the first PHQ-9 in the diary: later results are compared with it.\n";
        } else {
            out += fmt::format("Change since the previous PHQ-9: {} to {} ({}).\n",
                               format_score(r.instrument, *p.previous_score), format_score(r.instrument, r.score),
                               signed_score_change(*p.change));
            if (p.percent_change)
                out += fmt::format("Against the first PHQ-9 ({}): {} %.\n"
                                   "Response (50 % or more below the first): {}. Remission (below 5): {}.\n",
                                   format_score(r.instrument, *p.baseline_score),
                                   signed_score_change(std::round(*p.percent_change)), yes_no(*p.response),
                                   yes_no(*p.remission));
            else
                out += fmt::format("Against the first PHQ-9 (0): percent change undefined.\n"
                                   "Response: cannot be judged from a first score of 0. Remission (below 5): {}.\n",
                                   yes_no(*p.remission));
        }
    }
    if (needs_safety_message(r)) out += "\n" + styled(wrapped(safety_message()), Style::bold, color);
    out += "\n" + wrapped(fmt::format("{}: {}. {}", spec.title, spec.citation, spec.attribution));
    return out;
}

std::string results_table(const std::vector<QuestionnaireResult>& results,
                          const std::vector<QuestionnaireResult>& history, Color color) {
    TextTable table({{"ID", Align::right},
                     {"Day"},
                     {"Test"},
                     {"Score", Align::right},
                     {"Band"},
                     {"Change", Align::right},
                     {"Notes"}});
    bool any_safety = false;
    for (const auto& r : results) {
        std::string change, notes;
        auto add_note = [&](std::string_view note) { notes += (notes.empty() ? "" : ", ") + std::string(note); };
        Style style = Style::plain;
        // First, so that a narrow terminal never cuts it off.
        if (needs_safety_message(r)) {
            add_note("item 9 > 0");
            style = Style::bad;
            any_safety = true;
        }
        if (r.instrument == Instrument::phq9) {
            auto p = phq9_progress(r, history);
            if (p.change) change = signed_score_change(*p.change);
            if (!p.baseline_score) add_note("baseline");
            if (p.response && *p.response) add_note("response");
            if (p.remission && *p.remission) add_note("remission");
            if (phq2_positive(r)) add_note("PHQ-2 positive");
        }
        table.add_row({{std::to_string(r.id)},
                       {format_day(r.day)},
                       {std::string(spec_of(r.instrument).title)},
                       {format_score(r.instrument, r.score)},
                       {std::string(band_of(r.instrument, r.score))},
                       {change},
                       {notes, style}});
    }
    std::string out = table.render(color);
    if (any_safety) out += "\n" + styled(wrapped(safety_message()), Style::bold, color);
    return out;
}

std::string questionnaires_section(const std::vector<QuestionnaireResult>& in_period,
                                  const std::vector<QuestionnaireResult>& history, Color color) {
    if (in_period.empty()) return "";
    std::string out = "\nQuestionnaires\n" + results_table(in_period, history, color);
    if (std::ranges::any_of(in_period, needs_safety_message)) out += "\n" + std::string(safety_message()) + "\n";
    return out;
}

}  // namespace painlog
