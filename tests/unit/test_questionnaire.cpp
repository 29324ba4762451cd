// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <string>

#include "painlog/store/diary.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/util/error.hpp"
#include "painlog/model/questionnaire.hpp"

namespace painlog::test_questionnaire {

namespace {

QuestionnaireResult make_result(Instrument instrument, std::string_view at, std::vector<int> answers) {
    QuestionnaireResult r;
    r.instrument = instrument;
    r.at = *parse_iso_instant(at);
    r.zone = "Europe/London";
    r.day = diary_day(r.at, locate_zone(r.zone), 0);
    r.answers = std::move(answers);
    r.score = score_of(instrument, r.answers);
    return r;
}

// PHQ-9 answers summing to `total` (0–27), filled from item 1 onwards with
// item 9 kept at 0 unless the total needs it.
std::vector<int> phq9_with_total(int total) {
    std::vector<int> answers(9, 0);
    for (auto& a : answers) {
        a = std::min(3, total);
        total -= a;
    }
    return answers;
}

// The text with its line breaks turned into spaces, to find wrapped sentences.
std::string flat(std::string text) {
    for (auto& c : text)
        if (c == '\n') c = ' ';
    return text;
}

std::string message_of(auto&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no InputError)";
}

}  // namespace

TEST_CASE("instrument names round-trip and unknown names are refused") {
    for (auto instrument : all_instruments) CHECK(instrument_named(name_of(instrument)) == instrument);
    CHECK(name_of(Instrument::phq9) == "phq9");
    CHECK(name_of(Instrument::gad7) == "gad7");
    CHECK(name_of(Instrument::peg) == "peg");
    CHECK_FALSE(instrument_named("PHQ9"));
    CHECK_FALSE(instrument_named("phq-9"));
    CHECK(message_of([] { (void)parse_instrument("bdi", "--instrument"); }) ==
          "--instrument bdi: expected one of phq9, gad7, peg, pgic");
}

TEST_CASE("instrument specs hold the published wording, ranges and sources") {
    const auto& phq9 = spec_of(Instrument::phq9);
    REQUIRE(phq9.items.size() == 9);
    CHECK(phq9.stem == "Over the last 2 weeks, how often have you been bothered by any of the following problems?");
    CHECK(phq9.items[0].text == "Little interest or pleasure in doing things");
    CHECK(phq9.items[5].text ==
          "Feeling bad about yourself \u2014 or that you are a failure or have let yourself or your family down");
    CHECK(phq9.items[8].text == "Thoughts that you would be better off dead or of hurting yourself in some way");
    REQUIRE(phq9.answer_labels.size() == 4);
    CHECK(phq9.answer_labels[0] == "Not at all");
    CHECK(phq9.answer_labels[1] == "Several days");
    CHECK(phq9.answer_labels[2] == "More than half the days");
    CHECK(phq9.answer_labels[3] == "Nearly every day");
    CHECK(phq9.min_answer == 0);
    CHECK(phq9.max_answer == 3);
    CHECK(phq9.max_score == 27);
    CHECK(phq9.citation == "Kroenke, Spitzer, Williams, J Gen Intern Med 2001;16:606\u2013613");
    CHECK(phq9.attribution == "Developed by Drs. Robert L. Spitzer, Janet B. W. Williams, Kurt Kroenke and "
                              "colleagues, with an educational grant from Pfizer Inc.");

    const auto& gad7 = spec_of(Instrument::gad7);
    REQUIRE(gad7.items.size() == 7);
    CHECK(gad7.stem == phq9.stem);
    CHECK(gad7.items[0].text == "Feeling nervous, anxious, or on edge");
    CHECK(gad7.items[6].text == "Feeling afraid, as if something awful might happen");
    CHECK(gad7.max_score == 21);
    CHECK(gad7.citation == "Spitzer et al., Arch Intern Med 2006;166:1092\u20131097");
    CHECK(gad7.attribution == phq9.attribution);

    const auto& peg = spec_of(Instrument::peg);
    REQUIRE(peg.items.size() == 3);
    CHECK(peg.items[0].text == "What number best describes your pain on average in the past week?");
    CHECK(peg.items[0].anchors == "0 no pain, 10 pain as bad as you can imagine");
    CHECK(peg.items[2].anchors == "0 does not interfere, 10 completely interferes");
    CHECK(peg.answer_labels.empty());
    CHECK(peg.min_answer == 0);
    CHECK(peg.max_answer == 10);
    CHECK(peg.citation == "Krebs et al., J Gen Intern Med 2009;24(6):733\u2013738");
}

TEST_CASE("PHQ-9 and GAD-7 score as the sum of their items") {
    CHECK(score_of(Instrument::phq9, {0, 0, 0, 0, 0, 0, 0, 0, 0}) == 0);
    CHECK(score_of(Instrument::phq9, {3, 3, 3, 3, 3, 3, 3, 3, 3}) == 27);
    CHECK(score_of(Instrument::phq9, {1, 2, 0, 3, 1, 2, 0, 3, 1}) == 13);  // 1+2+0+3+1+2+0+3+1
    CHECK(score_of(Instrument::gad7, {3, 3, 3, 3, 3, 3, 3}) == 21);
    CHECK(score_of(Instrument::gad7, {0, 1, 2, 3, 0, 1, 2}) == 9);
}

TEST_CASE("PEG scores as the exact mean of its three items") {
    CHECK(score_of(Instrument::peg, {0, 0, 0}) == 0);
    CHECK(score_of(Instrument::peg, {10, 10, 10}) == 10);
    CHECK(score_of(Instrument::peg, {6, 4, 5}) == 5);
    // 7/3 is stored unrounded; shown with one decimal.
    CHECK(score_of(Instrument::peg, {3, 2, 2}) == doctest::Approx(7.0 / 3.0).epsilon(1e-15));
    CHECK(format_score(Instrument::peg, 7.0 / 3.0) == "2.3");
    CHECK(format_score(Instrument::peg, 14.0 / 3.0) == "4.7");
    CHECK(format_score(Instrument::peg, 10) == "10.0");
    CHECK(format_score(Instrument::phq9, 13) == "13");
}

TEST_CASE("PHQ-9 bands at every threshold and the values beside it") {
    // Bands 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe.
    struct Case { int score; std::string_view band; };
    for (auto c : {Case{0, "minimal"}, Case{1, "minimal"}, Case{4, "minimal"}, Case{5, "mild"}, Case{6, "mild"},
                   Case{9, "mild"}, Case{10, "moderate"}, Case{11, "moderate"}, Case{14, "moderate"},
                   Case{15, "moderately severe"}, Case{16, "moderately severe"}, Case{19, "moderately severe"},
                   Case{20, "severe"}, Case{21, "severe"}, Case{26, "severe"}, Case{27, "severe"}}) {
        CAPTURE(c.score);
        CHECK(band_of(Instrument::phq9, c.score) == c.band);
        // The same through the whole path, from answers.
        CHECK(band_of(Instrument::phq9, score_of(Instrument::phq9, phq9_with_total(c.score))) == c.band);
    }
    CHECK(message_of([] { (void)band_of(Instrument::phq9, 28); }) == "PHQ-9 score 28: expected 0 to 27");
    CHECK(message_of([] { (void)band_of(Instrument::phq9, -1); }) == "PHQ-9 score -1: expected 0 to 27");
    auto thresholds = band_thresholds(Instrument::phq9);
    CHECK(std::vector<int>(thresholds.begin(), thresholds.end()) == std::vector<int>{5, 10, 15, 20});
}

TEST_CASE("GAD-7 bands at every threshold and the values beside it") {
    // Bands 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe.
    struct Case { int score; std::string_view band; };
    for (auto c : {Case{0, "minimal"}, Case{4, "minimal"}, Case{5, "mild"}, Case{6, "mild"}, Case{9, "mild"},
                   Case{10, "moderate"}, Case{11, "moderate"}, Case{14, "moderate"}, Case{15, "severe"},
                   Case{16, "severe"}, Case{21, "severe"}}) {
        CAPTURE(c.score);
        CHECK(band_of(Instrument::gad7, c.score) == c.band);
    }
    CHECK(message_of([] { (void)band_of(Instrument::gad7, 22); }) == "GAD-7 score 22: expected 0 to 21");
    auto thresholds = band_thresholds(Instrument::gad7);
    CHECK(std::vector<int>(thresholds.begin(), thresholds.end()) == std::vector<int>{5, 10, 15});
}

TEST_CASE("PEG has no bands: the third-party ones are not validated") {
    // 3.9/4.0 and 6.9/7.0 are the edges of the unvalidated 0–3.9 / 4–6.9 / 7–10
    // bands; painlog must not draw them.
    for (double score : {0.0, 3.9, 4.0, 6.9, 7.0, 10.0}) CHECK(band_of(Instrument::peg, score).empty());
    CHECK(band_thresholds(Instrument::peg).empty());
    CHECK(message_of([] { (void)band_of(Instrument::peg, 10.5); }) == "PEG score 10.5: expected 0 to 10");
}

TEST_CASE("parse_answers takes exactly one answer per item, in range") {
    CHECK(parse_answers(Instrument::phq9, "1,2,0,3,1,2,0,3,1") == std::vector<int>{1, 2, 0, 3, 1, 2, 0, 3, 1});
    CHECK(parse_answers(Instrument::gad7, " 0, 1,2 ,3,0,1,2") == std::vector<int>{0, 1, 2, 3, 0, 1, 2});
    CHECK(parse_answers(Instrument::peg, "10,0,5") == std::vector<int>{10, 0, 5});
}

TEST_CASE("parse_answers refuses wrong item counts, naming the count expected") {
    CHECK(message_of([] { (void)parse_answers(Instrument::phq9, "1,2,3"); }) ==
          "--answers 1,2,3: 3 answers given; PHQ-9 has 9 items, so expected 9 comma-separated answers, each one "
          "of 0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day");
    // One too many, one too few.
    CHECK(message_of([] { (void)parse_answers(Instrument::phq9, "0,0,0,0,0,0,0,0,0,0"); })
              .starts_with("--answers 0,0,0,0,0,0,0,0,0,0: 10 answers given; PHQ-9 has 9 items"));
    CHECK(message_of([] { (void)parse_answers(Instrument::phq9, "0,0,0,0,0,0,0,0"); })
              .starts_with("--answers 0,0,0,0,0,0,0,0: 8 answers given; PHQ-9 has 9 items"));
    CHECK(message_of([] { (void)parse_answers(Instrument::gad7, "0,0,0,0,0,0"); })
              .starts_with("--answers 0,0,0,0,0,0: 6 answers given; GAD-7 has 7 items"));
    CHECK(message_of([] { (void)parse_answers(Instrument::peg, "5,5"); }) ==
          "--answers 5,5: 2 answers given; PEG has 3 items, so expected 3 comma-separated answers, each a whole "
          "number from 0 to 10");
    CHECK(message_of([] { (void)parse_answers(Instrument::peg, ""); }).starts_with("--answers : 0 answers given"));
    CHECK(message_of([] { (void)parse_answers(Instrument::peg, "5,5,5,"); })
              .starts_with("--answers 5,5,5,: 4 answers given"));
}

TEST_CASE("parse_answers refuses out-of-range and non-numeric answers, naming the item") {
    CHECK(message_of([] { (void)parse_answers(Instrument::phq9, "0,0,0,4,0,0,0,0,0"); }) ==
          "--answers 0,0,0,4,0,0,0,0,0: PHQ-9 item 4 (Feeling tired or having little energy) is '4'; expected "
          "one of 0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day");
    CHECK(message_of([] { (void)parse_answers(Instrument::phq9, "-1,0,0,0,0,0,0,0,0"); })
              .starts_with("--answers -1,0,0,0,0,0,0,0,0: PHQ-9 item 1 (Little interest or pleasure in doing th…) is "
                           "'-1'"));
    CHECK(message_of([] { (void)parse_answers(Instrument::gad7, "0,0,0,0,0,0,x"); })
              .starts_with("--answers 0,0,0,0,0,0,x: GAD-7 item 7 (Feeling afraid, as if something awful m…) "
                           "is 'x'"));
    CHECK(message_of([] { (void)parse_answers(Instrument::gad7, "0,0,,0,0,0,0"); }).find("item 3") !=
          std::string::npos);
    CHECK(message_of([] { (void)parse_answers(Instrument::peg, "5,11,5"); }) ==
          "--answers 5,11,5: PEG item 2 (What number best describes how, during …) is '11'; expected a whole "
          "number from 0 to 10");
    CHECK(message_of([] { (void)parse_answers(Instrument::peg, "5,2.5,5"); }).find("item 2") != std::string::npos);
    // The boundaries themselves are fine.
    CHECK_NOTHROW((void)parse_answers(Instrument::phq9, "3,3,3,3,3,3,3,3,3"));
    CHECK_NOTHROW((void)parse_answers(Instrument::peg, "0,10,0"));
}

TEST_CASE("score_of and add_result refuse answers that bypassed parsing") {
    CHECK(message_of([] { (void)score_of(Instrument::phq9, {1, 2}); }) ==
          "PHQ-9: 2 answers given; expected 9, one per item");
    CHECK(message_of([] { (void)score_of(Instrument::gad7, {0, 0, 0, 0, 0, 0, 4}); })
              .starts_with("GAD-7 item 7 (Feeling afraid, as if something awful m…) is 4; expected one of"));
    auto diary = Diary::in_memory();
    QuestionnaireResult r;
    r.instrument = Instrument::peg;
    r.at = *parse_iso_instant("2026-11-22T08:00:00Z");
    r.zone = "Europe/London";
    r.answers = {1, 2, 11};
    CHECK_THROWS_AS(add_result(diary, r), InputError);
    CHECK(r.id == 0);
    CHECK(questionnaire_results(diary).empty());
}

TEST_CASE("interactive answers: one item, explained when wrong") {
    CHECK(parse_item_answer(Instrument::phq9, 0, "2") == 2);
    CHECK(parse_item_answer(Instrument::phq9, 0, " 3 ") == 3);
    CHECK(parse_item_answer(Instrument::peg, 1, "10") == 10);
    CHECK(message_of([] { (void)parse_item_answer(Instrument::phq9, 2, "4"); }) ==
          "'4' is not an answer to item 3 (Trouble falling or staying asleep, or s…); expected one of 0 Not at "
          "all, 1 Several days, 2 More than half the days, 3 Nearly every day");
    CHECK(message_of([] { (void)parse_item_answer(Instrument::peg, 0, ""); })
              .starts_with("'' is not an answer to item 1"));
    CHECK(message_of([] { (void)parse_item_answer(Instrument::peg, 0, "several"); }).ends_with("0 to 10"));
    auto prompt = item_prompt(Instrument::phq9, 8);
    CHECK(prompt.find("9/9. Thoughts that you would be better off dead") != std::string::npos);
    CHECK(prompt.find("3 Nearly every day") != std::string::npos);
    CHECK(prompt.ends_with("Answer (0-3): "));
    CHECK(item_prompt(Instrument::peg, 0).find("(0 no pain, 10 pain as bad as you can imagine)") != std::string::npos);
}

TEST_CASE("a long item is wrapped for the terminal without changing its words") {
    auto prompt = item_prompt(Instrument::phq9, 7);
    // python3: textwrap.wrap("8/9. " + item8, 78, subsequent_indent=" " * 5)
    CHECK(prompt.starts_with(
        "\n8/9. Moving or speaking so slowly that other people could have noticed? Or the\n"
        "     opposite \u2014 being so fidgety or restless that you have been moving around\n"
        "     a lot more than usual\n"
        "     0 Not at all\n"));
    CHECK(instrument_intro(Instrument::peg) ==
          "PEG (Krebs et al., J Gen Intern Med 2009;24(6):733\u2013738)\n"
          "Answer each of the 3 items with a number from 0 to 10.\n"
          "Press Ctrl-D to stop without saving anything.\n");
}

TEST_CASE("PHQ-2 is items 1 and 2, positive at 3 or more") {
    auto r = make_result(Instrument::phq9, "2026-11-22T08:00:00Z", {1, 1, 3, 3, 3, 3, 3, 3, 0});
    CHECK(phq2_score(r) == 2);
    CHECK_FALSE(phq2_positive(r));
    r.answers = {2, 1, 0, 0, 0, 0, 0, 0, 0};
    CHECK(phq2_score(r) == 3);
    CHECK(phq2_positive(r));
    r.answers = {0, 3, 0, 0, 0, 0, 0, 0, 0};
    CHECK(phq2_positive(r));
    r.answers = {3, 3, 0, 0, 0, 0, 0, 0, 0};
    CHECK(phq2_score(r) == 6);
}

TEST_CASE("the safety message is needed for any PHQ-9 item 9 answer above 0, and only then") {
    for (int item9 : {1, 2, 3}) {
        auto r = make_result(Instrument::phq9, "2026-11-22T08:00:00Z", {0, 0, 0, 0, 0, 0, 0, 0, item9});
        CHECK(needs_safety_message(r));
        CHECK(flat(result_text(r, {r}, Color::no)).find(safety_message()) != std::string::npos);
        CHECK(questionnaire_json(r)["safety_message_needed"] == true);
    }
    auto none = make_result(Instrument::phq9, "2026-11-22T08:00:00Z", {3, 3, 3, 3, 3, 3, 3, 3, 0});
    CHECK_FALSE(needs_safety_message(none));
    CHECK(flat(result_text(none, {none}, Color::no)).find("Samaritans") == std::string::npos);
    // GAD-7 item 7 and PEG never trigger it.
    CHECK_FALSE(needs_safety_message(make_result(Instrument::gad7, "2026-11-22T08:00:00Z", {3, 3, 3, 3, 3, 3, 3})));
    CHECK_FALSE(needs_safety_message(make_result(Instrument::peg, "2026-11-22T08:00:00Z", {10, 10, 10})));
    auto text = std::string(safety_message());
    CHECK(text.find("NHS 111") != std::string::npos);
    CHECK(text.find("Samaritans on 116 123") != std::string::npos);
    CHECK(text.find("local emergency number") != std::string::npos);
    CHECK(text.find("care team") != std::string::npos);
}

TEST_CASE("PHQ-9 progress: change against the previous result, response and remission against the first") {
    std::vector<QuestionnaireResult> history{
        make_result(Instrument::phq9, "2026-10-01T09:00:00Z", phq9_with_total(20)),
        make_result(Instrument::gad7, "2026-10-02T09:00:00Z", {3, 3, 3, 3, 3, 3, 3}),  // ignored
        make_result(Instrument::phq9, "2026-10-15T09:00:00Z", phq9_with_total(14)),
        make_result(Instrument::phq9, "2026-11-01T09:00:00Z", phq9_with_total(10)),
        make_result(Instrument::phq9, "2026-11-15T09:00:00Z", phq9_with_total(9)),
        make_result(Instrument::phq9, "2026-11-20T09:00:00Z", phq9_with_total(5)),
        make_result(Instrument::phq9, "2026-11-21T09:00:00Z", phq9_with_total(4)),
    };
    for (std::size_t i = 0; i < history.size(); ++i) history[i].id = static_cast<std::int64_t>(i + 1);

    auto first = phq9_progress(history[0], history);
    CHECK_FALSE(first.previous_score);
    CHECK_FALSE(first.baseline_score);
    CHECK_FALSE(first.response);
    CHECK_FALSE(first.remission);

    // 14 after 20: change −6, −30 %, no response.
    auto second = phq9_progress(history[2], history);
    CHECK(second.previous_score == 20);
    CHECK(second.change == -6);
    CHECK(second.baseline_score == 20);
    CHECK(second.percent_change == doctest::Approx(-30));
    CHECK(second.response == false);
    CHECK(second.remission == false);

    // 10 after 14: exactly 50 % below the baseline 20 is a response (≥ 50 %).
    auto third = phq9_progress(history[3], history);
    CHECK(third.change == -4);
    CHECK(third.percent_change == doctest::Approx(-50));
    CHECK(third.response == true);
    CHECK(third.remission == false);

    // 9: −55 %, response.
    CHECK(phq9_progress(history[4], history).response == true);
    // 5 is not below 5: no remission; 4 is.
    CHECK(phq9_progress(history[5], history).remission == false);
    auto last = phq9_progress(history[6], history);
    CHECK(last.remission == true);
    CHECK(last.change == -1);
    CHECK(last.previous_score == 5);
    CHECK(last.percent_change == doctest::Approx(-80));

    // The order of `history` does not matter.
    std::vector<QuestionnaireResult> reversed(history.rbegin(), history.rend());
    CHECK(phq9_progress(history[3], reversed).previous_score == 14);
    CHECK(phq9_progress(history[3], reversed).baseline_score == 20);

    // Not a PHQ-9: nothing.
    auto gad = phq9_progress(history[1], history);
    CHECK_FALSE(gad.change);
}

TEST_CASE("PHQ-9 response needs at least half: 11 against 21 is 47.6 %, not a response") {
    std::vector<QuestionnaireResult> history{
        make_result(Instrument::phq9, "2026-10-01T09:00:00Z", phq9_with_total(21)),
        make_result(Instrument::phq9, "2026-11-01T09:00:00Z", phq9_with_total(11)),
    };
    history[0].id = 1;
    history[1].id = 2;
    auto p = phq9_progress(history[1], history);
    CHECK(p.percent_change == doctest::Approx(-100.0 * 10 / 21));  // −47.6 %
    CHECK(p.response == false);
    history[1] = make_result(Instrument::phq9, "2026-11-01T09:00:00Z", phq9_with_total(10));
    history[1].id = 2;
    CHECK(phq9_progress(history[1], history).response == true);  // −52.4 %
}

TEST_CASE("PHQ-9 baseline of 0: percent change and response undefined, remission still judged") {
    std::vector<QuestionnaireResult> history{
        make_result(Instrument::phq9, "2026-10-01T09:00:00Z", phq9_with_total(0)),
        make_result(Instrument::phq9, "2026-11-01T09:00:00Z", phq9_with_total(6)),
    };
    history[0].id = 1;
    history[1].id = 2;
    auto p = phq9_progress(history[1], history);
    CHECK(p.change == 6);
    CHECK_FALSE(p.percent_change);
    CHECK_FALSE(p.response);
    CHECK(p.remission == false);
    auto text = result_text(history[1], history, Color::no);
    CHECK(text.find("percent change undefined") != std::string::npos);
}

TEST_CASE("results at the same instant are ordered by id") {
    std::vector<QuestionnaireResult> history{
        make_result(Instrument::phq9, "2026-11-01T09:00:00Z", phq9_with_total(12)),
        make_result(Instrument::phq9, "2026-11-01T09:00:00Z", phq9_with_total(8)),
    };
    history[0].id = 1;
    history[1].id = 2;
    CHECK(phq9_progress(history[1], history).previous_score == 12);
    CHECK_FALSE(phq9_progress(history[0], history).previous_score);
}

TEST_CASE("results round-trip through the diary in time order") {
    auto diary = Diary::in_memory();
    auto later = make_result(Instrument::peg, "2026-11-22T08:00:00Z", {3, 2, 2});
    auto earlier = make_result(Instrument::phq9, "2026-11-20T23:30:00Z", {1, 2, 0, 3, 1, 2, 0, 3, 1});
    auto gad = make_result(Instrument::gad7, "2026-11-21T12:00:00Z", {0, 1, 2, 3, 0, 1, 2});
    later.score = 99;  // add_result recomputes it
    add_result(diary, later);
    add_result(diary, earlier);
    add_result(diary, gad);
    CHECK(later.id == 1);
    CHECK(earlier.id == 2);
    CHECK(later.score == doctest::Approx(7.0 / 3.0).epsilon(1e-15));

    auto all = questionnaire_results(diary);
    REQUIRE(all.size() == 3);
    CHECK(all[0] == earlier);
    CHECK(all[1] == gad);
    CHECK(all[2] == later);
    CHECK(all[2].score == 7.0 / 3.0);  // the exact mean, not rounded

    auto pegs = questionnaire_results(diary, Instrument::peg);
    REQUIRE(pegs.size() == 1);
    CHECK(pegs[0].id == 1);
    auto day = [](std::string_view text) { return *parse_iso_day(text); };
    auto window = questionnaire_results(diary, std::nullopt, day("2026-11-21"), day("2026-11-21"));
    REQUIRE(window.size() == 1);
    CHECK(window[0].instrument == Instrument::gad7);
    CHECK(questionnaire_results(diary, Instrument::phq9, day("2026-11-21")).empty());
    CHECK(questionnaire_results(diary, std::nullopt, std::nullopt, day("2026-11-20")).size() == 1);

    // Stored as a user reads it with sqlite3.
    CHECK(diary.db().execAndGet("SELECT answers FROM questionnaire WHERE id = 2").getString() == "1,2,0,3,1,2,0,3,1");
    CHECK(diary.db().execAndGet("SELECT at FROM questionnaire WHERE id = 2").getString() == "2026-11-20T23:30:00Z");
}

TEST_CASE("questionnaire JSON has stable keys, null where they do not apply") {
    auto phq = make_result(Instrument::phq9, "2026-11-22T08:30:00Z", {2, 1, 0, 3, 1, 2, 0, 3, 1});
    phq.id = 4;
    auto j = questionnaire_json(phq);
    std::vector<std::string> keys;
    for (const auto& item : j.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"id", "instrument", "time", "zone", "day", "answers", "score", "band",
                                           "phq2_score", "phq2_positive", "safety_message_needed"});
    CHECK(j["id"] == 4);
    CHECK(j["instrument"] == "phq9");
    CHECK(j["time"] == "2026-11-22T08:30:00+00:00");
    CHECK(j["day"] == "2026-11-22");
    CHECK(j["answers"] == nlohmann::ordered_json::array({2, 1, 0, 3, 1, 2, 0, 3, 1}));
    CHECK(j["score"] == 13.0);
    CHECK(j["band"] == "moderate");
    CHECK(j["phq2_score"] == 3);
    CHECK(j["phq2_positive"] == true);
    CHECK(j["safety_message_needed"] == true);

    auto peg = make_result(Instrument::peg, "2026-11-22T08:30:00Z", {3, 2, 2});
    auto pj = questionnaire_json(peg, {peg});
    CHECK(pj["band"].is_null());
    CHECK(pj["phq2_score"].is_null());
    CHECK(pj["phq2_positive"].is_null());
    CHECK(pj["safety_message_needed"] == false);
    CHECK(pj["progress"].is_null());
    CHECK(pj["score"].get<double>() == 7.0 / 3.0);

    auto with_progress = questionnaire_json(phq, {phq});
    auto progress_keys = std::vector<std::string>{};
    for (const auto& item : with_progress["progress"].items()) progress_keys.push_back(item.key());
    CHECK(progress_keys == std::vector<std::string>{"previous_score", "change", "baseline_score", "percent_change",
                                                    "response", "remission"});
    CHECK(with_progress["progress"]["response"].is_null());
}

TEST_CASE("result text: score, band, PHQ-2, progress and the citation") {
    std::vector<QuestionnaireResult> history{
        make_result(Instrument::phq9, "2026-10-01T09:00:00Z", phq9_with_total(18)),
        make_result(Instrument::phq9, "2026-11-01T09:00:00Z", {1, 1, 1, 1, 1, 1, 1, 1, 0}),
    };
    history[0].id = 1;
    history[1].id = 2;
    auto phq_text = result_text(history[1], history, Color::no);
    CHECK(phq_text.starts_with(
          "PHQ-9 score 8 of 27: mild.\n"
          "PHQ-2 (items 1-2): 2 of 6, negative (positive at 3 or more).\n"
          "Change since the previous PHQ-9: 18 to 8 (-10).\n"
          "Against the first PHQ-9 (18): -56 %.\n"
          "Response (50 % or more below the first): yes. Remission (below 5): no.\n"
          "\n"
          // Wrapped at 78 columns, as python3 textwrap.wrap(text, 78) breaks it.
          "PHQ-9: Kroenke, Spitzer, Williams, J Gen Intern Med 2001;16:606\u2013613. Developed\n"
          "by Drs. Robert L. Spitzer, Janet B. W. Williams, Kurt Kroenke and colleagues,\n"
          "with an educational grant from Pfizer Inc.\n"));
    CHECK(flat(phq_text).ends_with(
          "PHQ-9: Kroenke, Spitzer, Williams, J Gen Intern Med 2001;16:606\u2013613. Developed by Drs. Robert L. "
          "Spitzer, Janet B. W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. "));
    // Wrapped for a terminal: no line over 78 columns.
    std::size_t start = 0;
    while (start < phq_text.size()) {
        auto end = phq_text.find('\n', start);
        CHECK(display_width(std::string_view(phq_text).substr(start, end - start)) <= 78);
        start = end + 1;
    }
    auto peg = make_result(Instrument::peg, "2026-11-01T09:00:00Z", {5, 4, 5});
    auto text = result_text(peg, {peg}, Color::no);
    CHECK(text.starts_with("PEG score 4.7 of 10 (the mean of its three items).\n"
                           "The PEG has no validated severity bands, so none is shown.\n"));
    CHECK(text.find("Krebs et al., J Gen Intern Med 2009;24(6):733\u2013738") != std::string::npos);
}

TEST_CASE("results table marks baseline, response, remission and item 9") {
    std::vector<QuestionnaireResult> history{
        make_result(Instrument::phq9, "2026-10-01T09:00:00Z", phq9_with_total(12)),
        make_result(Instrument::phq9, "2026-11-01T09:00:00Z", {1, 0, 0, 0, 0, 0, 0, 0, 1}),
    };
    history[0].id = 1;
    history[1].id = 2;
    auto table = results_table(history, history, Color::no);
    CHECK(table.find("baseline") != std::string::npos);
    CHECK(table.find("-10") != std::string::npos);
    CHECK(table.find("item 9 > 0, response, remission") != std::string::npos);
    CHECK(flat(table).find(safety_message()) != std::string::npos);
}

}  // namespace painlog::test_questionnaire
