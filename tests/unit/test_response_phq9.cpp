// SPDX-License-Identifier: GPL-3.0-or-later
// The PHQ-9 around each infusion, against figures worked out by hand:
// baseline the last PHQ-9 before the infusion within its baseline days;
// response a score at most half the baseline; remission a score below 5.

#include <doctest/doctest.h>

#include <algorithm>

#include "painlog/analysis/response.hpp"
#include "support.hpp"

namespace painlog::test_response_phq9 {

namespace {

Day day(std::string_view text) { return *parse_iso_day(text); }

const Day D = day("2026-11-01");

Event infusion_on(Day d, std::int64_t id) { return test::infusion_event(d, id); }

// A PHQ-9 on day D+offset at `hour` o'clock UTC, whose answers sum to `score`.
QuestionnaireResult phq9(int offset, int score, std::int64_t id, int hour = 9) {
    QuestionnaireResult q;
    q.id = id;
    q.instrument = Instrument::phq9;
    q.day = D + date::days{offset};
    q.at = Instant{q.day.time_since_epoch()} + std::chrono::hours{hour};
    q.zone = "Europe/London";
    q.answers.assign(9, 0);
    for (int i = 0; score > 0; i = (i + 1) % 9, --score) ++q.answers[static_cast<std::size_t>(i)];
    q.score = score_of(Instrument::phq9, q.answers);
    return q;
}

std::vector<InfusionResponse> responses(const std::vector<Event>& infusions, int today_offset) {
    return analyse_responses({}, {}, infusions, 14, D + date::days{today_offset});
}

}  // namespace

TEST_CASE("PHQ-9 per infusion: the baseline is the last one before it; response, remission and change by hand") {
    auto r = responses({infusion_on(D, 1)}, 60);
    // Day -20 is outside the 14 baseline days; day -3 and the morning of day 0 are in.
    add_questionnaire_courses(r, {phq9(-20, 20, 1), phq9(-3, 19, 2), phq9(0, 17, 3, 8), phq9(7, 7, 4), phq9(28, 4, 5),
                         phq9(56, 12, 6)});
    const auto& c = r.front().phq9;
    REQUIRE(c.baseline);
    CHECK(c.baseline->id == 3);  // 08:00 on the infusion day, before its 10:00
    REQUIRE(c.after.size() == 3);
    // Day 7: 7 against 17: change -10, (7 - 17) / 17 = -58.82 %, 7 <= 8.5: response; 7 >= 5: no remission.
    CHECK(c.after[0].days_after == 7);
    CHECK(*c.after[0].change == doctest::Approx(-10));
    CHECK(*c.after[0].percent_change == doctest::Approx(-58.8));
    CHECK(*c.after[0].response);
    CHECK(c.after[0].remission == false);
    // Day 28: 4: -76.5 %, response and remission.
    CHECK(*c.after[1].percent_change == doctest::Approx(-76.5));
    CHECK(*c.after[1].response);
    CHECK(c.after[1].remission == true);
    // Day 56: 12 > 8.5: the response was lost by week 8.
    CHECK(*c.after[2].percent_change == doctest::Approx(-29.4));
    CHECK_FALSE(*c.after[2].response);
    CHECK(c.missing.empty());
    // Durability: week 4 is day 28 (response), week 8 day 56 (none): lost on day 56.
    REQUIRE(c.durability.size() == 2);
    CHECK(c.durability[0].label == "week 4");
    CHECK(c.durability[0].score->days_after == 28);
    CHECK(c.durability[1].label == "week 8");
    CHECK(*c.durability[1].score->response == false);
    CHECK(*c.response_lost_day == 56);
    CHECK(durability_text(c) == "Response at week 4: yes (day 28: 4); at week 8: no (day 56: 12). Response lost on day 56.");
    // 12 against 17 is a reduction of 29.4 %: more than 25 % and less than 50 %, a partial response.
    CHECK(*c.after[2].partial_response);
    CHECK(verdict_text(c.after[2]) == "partial response");
    CHECK(verdict_text(c.after[1]) == "response, remission");
    auto json = infusion_response_json(r.front())["phq9"];
    CHECK(json["baseline"]["score"] == 17);
    CHECK(json["scores"][2]["response"] == false);
    CHECK(json["scores"][1]["remission"] == true);
    // The text wraps at 80 columns: read it as one line.
    auto text = infusion_response_text(r.front(), Pathway::pain, Color::no);
    std::string flat;
    for (char ch : text)
        if (!(ch == ' ' && !flat.empty() && flat.back() == ' ')) flat += ch == '\n' ? ' ' : ch;
    CHECK(flat.find("PHQ-9: baseline 17 (2026-11-01); day 7: 7 (-58.8 %, response); day 28: 4 (-76.5 %, "
                    "response, remission); day 56: 12 (-29.4 %, no response).") != std::string::npos);
}

TEST_CASE("PHQ-9 per infusion: a missing baseline, a baseline of 0, and the next infusion's own baseline") {
    SUBCASE("no baseline: scores without change or response, and the missing points named") {
        auto r = responses({infusion_on(D, 1)}, 40);
        add_questionnaire_courses(r, {phq9(20, 3, 1)});
        const auto& c = r.front().phq9;
        CHECK_FALSE(c.baseline);
        REQUIRE(c.after.size() == 1);
        CHECK_FALSE(c.after[0].change);
        CHECK_FALSE(c.after[0].response);
        CHECK(c.after[0].remission == true);
        CHECK(c.missing == std::vector<std::string>{"baseline", "about day 7"});
        CHECK(infusion_response_json(r.front())["phq9"]["baseline"].is_null());
    }
    SUBCASE("a baseline of 0: no percent change and no response to judge, remission still") {
        auto r = responses({infusion_on(D, 1)}, 10);
        add_questionnaire_courses(r, {phq9(-1, 0, 1), phq9(7, 2, 2)});
        const auto& p = r.front().phq9.after.at(0);
        CHECK(*p.change == doctest::Approx(2));
        CHECK_FALSE(p.percent_change);
        CHECK_FALSE(p.response);
        CHECK(p.remission == true);
        // Day 10 is today: about day 14 or 28 has not come yet.
        CHECK(r.front().phq9.missing.empty());
    }
    SUBCASE("two infusions: each has its own baseline, and the first's scores stop at the second") {
        auto r = responses({infusion_on(D, 1), infusion_on(D + date::days{30}, 2)}, 60);
        add_questionnaire_courses(r, {phq9(-2, 18, 1), phq9(7, 8, 2), phq9(27, 14, 3), phq9(37, 6, 4)});
        REQUIRE(r.size() == 2);
        CHECK(r[0].phq9.baseline->id == 1);
        CHECK(r[0].phq9.after.size() == 2);  // days 7 and 27, not the PHQ-9 after the second infusion
        CHECK(r[1].phq9.baseline->id == 3);  // day 27 is 3 days before the second infusion
        REQUIRE(r[1].phq9.after.size() == 1);
        CHECK(r[1].phq9.after[0].days_after == 7);
        CHECK(*r[1].phq9.after[0].response);  // 6 <= 7
    }
    SUBCASE("no PHQ-9 at all: nothing in the text, an empty course in the JSON") {
        auto r = responses({infusion_on(D, 1)}, 40);
        add_questionnaire_courses(r, {});
        CHECK(infusion_response_text(r.front(), Pathway::pain, Color::no).find("PHQ-9") == std::string::npos);
        CHECK(infusion_response_json(r.front())["phq9"]["scores"].empty());
    }
}

TEST_CASE("PHQ-9 partial response at its boundaries, checked by hand") {
    // Baseline 20: response <= 10; partial response 11..14 (a reduction of
    // more than 25 %: below 15); 15 is exactly 25 %: no response.
    auto r = responses({infusion_on(D, 1)}, 40);
    add_questionnaire_courses(r, {phq9(-1, 20, 1), phq9(3, 10, 2), phq9(5, 11, 3), phq9(7, 14, 4), phq9(9, 15, 5)});
    const auto& a = r.front().phq9.after;
    REQUIRE(a.size() == 4);
    CHECK(verdict_text(a[0]) == "response");
    CHECK(verdict_text(a[1]) == "partial response");
    CHECK(verdict_text(a[2]) == "partial response");
    CHECK(verdict_text(a[3]) == "no response");
    CHECK(*a[3].percent_change == doctest::Approx(-25.0));
}

TEST_CASE("GAD-7 per infusion: change, percent change and band, no verdicts") {
    auto r = responses({infusion_on(D, 1)}, 40);
    QuestionnaireResult before = phq9(-2, 0, 1), after = phq9(7, 0, 2);
    for (auto* q : {&before, &after}) {
        q->instrument = Instrument::gad7;
        q->answers.assign(7, 0);
    }
    before.score = 12;
    after.score = 6;
    add_questionnaire_courses(r, {before, after});
    const auto& c = r.front().gad7;
    REQUIRE(c.baseline);
    REQUIRE(c.after.size() == 1);
    CHECK(*c.after[0].change == doctest::Approx(-6));
    CHECK(*c.after[0].percent_change == doctest::Approx(-50.0));
    CHECK_FALSE(c.after[0].response);
    CHECK_FALSE(c.after[0].remission);
    CHECK(c.missing.empty());
    CHECK(c.durability.empty());
    auto json = infusion_response_json(r.front())["gad7"];
    CHECK(json["baseline"]["band"] == "moderate");
    CHECK(json["scores"][0]["band"] == "mild");
    CHECK(json["scores"][0]["response"].is_null());
    CHECK(r.front().phq9.not_assessed == "no PHQ-9 in the baseline");
}

TEST_CASE("PEG per infusion: change and percent change against the last PEG of the baseline, no verdicts") {
    auto peg = [](int offset, std::vector<int> answers, std::int64_t id) {
        QuestionnaireResult q;
        q.id = id;
        q.instrument = Instrument::peg;
        q.day = D + date::days{offset};
        q.at = Instant{q.day.time_since_epoch()} + std::chrono::hours{9};
        q.zone = "Europe/London";
        q.answers = std::move(answers);
        q.score = score_of(Instrument::peg, q.answers);
        return q;
    };
    auto r = responses({infusion_on(D, 1), infusion_on(D + date::days{30}, 2)}, 40);
    // Baseline: (7 + 6 + 6) / 3 = 6.333 on day -2 (the one on day -5 is earlier). Day 20: (4 + 4 + 4) / 3 = 4:
    // change -2.333, (4 - 6.333) / 6.333 = -36.8 %. Day 35 belongs to the second infusion, whose baseline
    // (days 16-29) holds the day 20 PEG too.
    add_questionnaire_courses(r, {peg(-5, {8, 8, 8}, 1), peg(-2, {7, 6, 6}, 2), peg(20, {4, 4, 4}, 3),
                                  peg(35, {2, 3, 4}, 4)});
    const auto& c = r[0].peg;
    REQUIRE(c.baseline);
    CHECK(c.baseline->id == 2);
    REQUIRE(c.after.size() == 1);
    CHECK(*c.after[0].change == doctest::Approx(-7.0 / 3));
    CHECK(*c.after[0].percent_change == -36.8);
    CHECK_FALSE(c.after[0].response);
    CHECK_FALSE(c.after[0].remission);
    CHECK(c.missing.empty());
    CHECK(c.durability.empty());
    REQUIRE(r[1].peg.baseline);
    CHECK(r[1].peg.baseline->id == 3);
    // (3 - 4) / 4 = -25 %.
    CHECK(*r[1].peg.after[0].percent_change == -25.0);
    auto j = infusion_response_json(r[0]);
    CHECK(j["peg"]["baseline"]["band"].is_null());
    CHECK(j["peg"]["scores"][0]["change"] == -2.33);
    CHECK(j["peg"]["scores"][0]["percent_change"] == -36.8);
}

}  // namespace painlog::test_response_phq9
