// The PHQ-9 around each infusion, against figures worked out by hand:
// baseline the last PHQ-9 before the infusion within its baseline days;
// response a score at most half the baseline; remission a score below 5.

#include <doctest/doctest.h>

#include <algorithm>

#include "painlog/analysis/response.hpp"

namespace painlog::test_response_phq9 {

namespace {

Day day(std::string_view text) { return *parse_iso_day(text); }

const Day D = day("2026-11-01");

Event infusion_on(Day d, std::int64_t id) {
    Event e;
    e.id = id;
    e.kind = EventKind::infusion;
    e.at = Instant{d.time_since_epoch()} + std::chrono::hours{10};
    e.zone = "Europe/London";
    e.day = d;
    return e;
}

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
    add_phq9_courses(r, {phq9(-20, 20, 1), phq9(-3, 19, 2), phq9(0, 17, 3, 8), phq9(7, 7, 4), phq9(28, 4, 5),
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
    CHECK_FALSE(c.after[0].remission);
    // Day 28: 4: -76.5 %, response and remission.
    CHECK(*c.after[1].percent_change == doctest::Approx(-76.5));
    CHECK(*c.after[1].response);
    CHECK(c.after[1].remission);
    // Day 56: 12 > 8.5: the response was lost by week 8.
    CHECK(*c.after[2].percent_change == doctest::Approx(-29.4));
    CHECK_FALSE(*c.after[2].response);
    CHECK(c.missing.empty());
    auto json = infusion_response_json(r.front())["phq9"];
    CHECK(json["baseline"]["score"] == 17);
    CHECK(json["scores"][2]["response"] == false);
    CHECK(json["scores"][1]["remission"] == true);
    // The text wraps at 80 columns: read it as one line.
    auto text = infusion_response_text(r.front(), Color::no);
    std::string flat;
    for (char ch : text)
        if (!(ch == ' ' && !flat.empty() && flat.back() == ' ')) flat += ch == '\n' ? ' ' : ch;
    CHECK(flat.find("PHQ-9: baseline 17 (2026-11-01); day 7: 7 (-58.8 %, response); day 28: 4 (-76.5 %, "
                    "response, remission); day 56: 12 (-29.4 %, no response).") != std::string::npos);
}

TEST_CASE("PHQ-9 per infusion: a missing baseline, a baseline of 0, and the next infusion's own baseline") {
    SUBCASE("no baseline: scores without change or response, and the missing points named") {
        auto r = responses({infusion_on(D, 1)}, 40);
        add_phq9_courses(r, {phq9(20, 3, 1)});
        const auto& c = r.front().phq9;
        CHECK_FALSE(c.baseline);
        REQUIRE(c.after.size() == 1);
        CHECK_FALSE(c.after[0].change);
        CHECK_FALSE(c.after[0].response);
        CHECK(c.after[0].remission);
        CHECK(c.missing == std::vector<std::string>{"baseline", "about day 7"});
        CHECK(infusion_response_json(r.front())["phq9"]["baseline"].is_null());
    }
    SUBCASE("a baseline of 0: no percent change and no response to judge, remission still") {
        auto r = responses({infusion_on(D, 1)}, 10);
        add_phq9_courses(r, {phq9(-1, 0, 1), phq9(7, 2, 2)});
        const auto& p = r.front().phq9.after.at(0);
        CHECK(*p.change == doctest::Approx(2));
        CHECK_FALSE(p.percent_change);
        CHECK_FALSE(p.response);
        CHECK(p.remission);
        // Day 10 is today: about day 14 or 28 has not come yet.
        CHECK(r.front().phq9.missing.empty());
    }
    SUBCASE("two infusions: each has its own baseline, and the first's scores stop at the second") {
        auto r = responses({infusion_on(D, 1), infusion_on(D + date::days{30}, 2)}, 60);
        add_phq9_courses(r, {phq9(-2, 18, 1), phq9(7, 8, 2), phq9(27, 14, 3), phq9(37, 6, 4)});
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
        add_phq9_courses(r, {});
        CHECK(infusion_response_text(r.front(), Color::no).find("PHQ-9") == std::string::npos);
        CHECK(infusion_response_json(r.front())["phq9"]["scores"].empty());
    }
}

}  // namespace painlog::test_response_phq9
