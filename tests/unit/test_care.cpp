// SPDX-License-Identifier: GPL-3.0-or-later
// The treatment pathway's pure parts: fasting times in real hours across a
// change of the clocks, when reminders start and stop, what a check leaves
// open, and the answers the check accepts. Times worked by hand in
// Europe/London (clocks forward at 01:00 UTC on 2026-03-29, back at 01:00
// UTC on 2026-10-25).

#include <doctest/doctest.h>

#include "painlog/analysis/care.hpp"
#include "painlog/util/error.hpp"

namespace painlog::test_care {

namespace {

Instant utc(std::string_view text) { return *parse_iso_instant(text); }

Event booked(std::string_view at, EventKind kind = EventKind::infusion) {
    Event e;
    e.id = 1;
    e.kind = kind;
    e.at = utc(at);
    e.zone = "Europe/London";
    e.day = diary_day(e.at, locate_zone("Europe/London"), 0);
    return e;
}

CareInputs inputs_at(std::string_view now, int day_start_hour = 0) {
    CareInputs in;
    in.time = {utc(now), locate_zone("Europe/London"), day_start_hour};
    return in;
}

InfusionCheck complete_check() {
    InfusionCheck c;
    c.pregnant = c.breastfeeding = c.heart_problem = false;
    c.new_symptoms = c.new_medicines = "";
    c.sedation = true;
    c.escort = true;
    return c;
}

}  // namespace

TEST_CASE("fasting times are real hours: across the change to summer time the food time moves an hour on the clock") {
    // 06:00 BST = 05:00 UTC; 6 h before is 23:00 UTC = 23:00 GMT the day before.
    auto infusion = booked("2026-03-29T05:00:00Z");
    auto f = fasting_times(infusion.at, CareRules{});
    CHECK(format_utc(f.no_food_after) == "2026-03-28T23:00:00Z");
    CHECK(format_utc(f.clear_fluids_until) == "2026-03-29T03:00:00Z");
    CHECK(fasting_text(f, infusion, locate_zone("Europe/London")) ==
          "no food after 2026-03-28 23:00; clear fluids only until 04:00");
    // Across the change back: 06:00 GMT on 2026-10-25; 6 h before is 00:00 UTC = 01:00 BST.
    auto autumn = booked("2026-10-25T06:00:00Z");
    CHECK(fasting_text(fasting_times(autumn.at, CareRules{}), autumn, locate_zone("Europe/London")) ==
          "no food after 01:00; clear fluids only until 04:00");
    CareRules clinic{8, 3, 24, 3};
    auto ten = booked("2026-12-01T10:00:00Z");
    CHECK(fasting_text(fasting_times(ten.at, clinic), ten, locate_zone("Europe/London")) ==
          "no food after 02:00; clear fluids only until 07:00");
}

TEST_CASE("reminders start at 18:00 on the calendar day before, whatever the day-start hour") {
    auto infusion = booked("2026-03-29T05:00:00Z");
    CHECK(format_utc(reminders_from(infusion, inputs_at("2026-03-20T12:00:00Z").time)) == "2026-03-28T18:00:00Z");
    CHECK(format_utc(reminders_from(infusion, inputs_at("2026-03-20T12:00:00Z", 4).time)) == "2026-03-28T18:00:00Z");
    auto summer = booked("2026-07-01T09:00:00Z");  // 10:00 BST: from 18:00 BST = 17:00 UTC on 30 June
    CHECK(format_utc(reminders_from(summer, inputs_at("2026-06-01T12:00:00Z").time)) == "2026-06-30T17:00:00Z");
}

TEST_CASE("before an infusion: nothing until the evening before, then fasting and the journey home") {
    auto in = inputs_at("2026-03-28T17:59:59Z");
    in.next_infusion = booked("2026-03-29T05:00:00Z");
    in.next_check = complete_check();
    CHECK(care_notices(in).empty());
    in.time.now = utc("2026-03-28T18:00:00Z");
    auto notices = care_notices(in);
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].kind == CareNoticeKind::before_infusion);
    CHECK(notices[0].line == "Infusion tomorrow at 06:00: no food after 2026-03-28 23:00; clear fluids only until 04:00.");
    in.time.now = utc("2026-03-29T00:30:00Z");  // 00:30 GMT: the calendar day of the infusion
    CHECK(care_notices(in)[0].line.starts_with("Infusion today at 06:00"));
    in.next_check->sedation = false;
    in.next_check->escort = false;
    CHECK(care_notices(in)[0].line == "Infusion today at 06:00: arrange someone to take you home.");
    in.next_check.reset();  // no check answered: the journey home and the check itself
    auto unanswered = care_notices(in);
    CHECK(unanswered[0].line == "Infusion today at 06:00: arrange someone to take you home.");
    CHECK(unanswered[0].details.back() == "Your pre-infusion check is not complete: painlog prepare");
    in.time.now = in.next_infusion->at;  // it has begun: no longer "before"
    CHECK(care_notices(in).empty());
}

TEST_CASE("after-care lasts aftercare-hours from the infusion, and the check-in asks side effects first for 48 h") {
    auto in = inputs_at("2026-03-29T05:00:00Z");
    in.last_infusion = booked("2026-03-29T05:00:00Z");
    auto notices = care_notices(in);
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].kind == CareNoticeKind::aftercare);
    CHECK(notices[0].line.starts_with("After your infusion, until 2026-03-30 06:00: no driving"));
    in.time.now = utc("2026-03-30T04:59:59Z");
    CHECK(care_notices(in).size() == 1);
    in.time.now = utc("2026-03-30T05:00:00Z");
    CHECK(care_notices(in).empty());
    in.rules.aftercare_hours = 48;
    CHECK(care_notices(in).size() == 1);
    CHECK(side_effects_first(in.last_infusion, utc("2026-03-31T04:59:59Z")));
    CHECK_FALSE(side_effects_first(in.last_infusion, utc("2026-03-31T05:00:00Z")));
    CHECK_FALSE(side_effects_first(in.last_infusion, utc("2026-03-29T04:59:59Z")));
    CHECK_FALSE(side_effects_first(std::nullopt, utc("2026-03-29T06:00:00Z")));
}

TEST_CASE("the follow-up prompt from followup-reminder-days before to the day itself") {
    auto in = inputs_at("2026-04-10T21:00:00Z");  // 22:00 BST on the 10th: 4 days before the 14th
    in.next_appointment = booked("2026-04-14T13:30:00Z", EventKind::appointment);
    CHECK(care_notices(in).empty());
    in.time.now = utc("2026-04-11T08:00:00Z");
    auto notices = care_notices(in);
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].line ==
          "Follow-up in 3 days: make your report with: painlog report --format html -o painlog-report.html");
    in.time.now = utc("2026-04-13T08:00:00Z");
    CHECK(care_notices(in)[0].line.starts_with("Follow-up tomorrow"));
    in.rules.followup_reminder_days = 0;
    CHECK(care_notices(in).empty());
}

TEST_CASE("what a check leaves open, and the changes to tell the consultant") {
    InfusionCheck empty;
    CHECK(open_items(empty).size() == 7);
    auto c = complete_check();
    CHECK(open_items(c).empty());
    c.medicines = {"pregabalin"};
    CHECK(open_items(c) == std::vector<std::string>{"answer: are the medicines listed the ones you take?"});
    c.medicines_confirmed = true;
    c.escort = false;
    CHECK(open_items(c) ==
          std::vector<std::string>{"no one to take you home yet: arrange someone before the day"});
    c.pregnant = true;
    c.new_symptoms = "chest pain";
    CHECK(health_changes(c) ==
          std::vector<std::string>{"you are, or could be, pregnant", "new symptoms: chest pain"});
}

TEST_CASE("the check's answers: yes or no, free text or none") {
    CHECK(parse_yes_no("Yes", "--sedation"));
    CHECK_FALSE(parse_yes_no(" n ", "--sedation"));
    CHECK_THROWS_WITH_AS((void)parse_yes_no("maybe", "--sedation"), "--sedation maybe: expected yes or no", InputError);
    CHECK(parse_check_text("None", "--new-symptoms").empty());
    CHECK(parse_check_text(" a rash ", "--new-symptoms") == "a rash");
    CHECK_THROWS_WITH_AS((void)parse_check_text("  ", "--new-symptoms"), "--new-symptoms: expected what it is, or none",
                         InputError);
    CHECK_THROWS_AS((void)parse_check_text("a\x1b[2Jb", "--new-symptoms"), InputError);
}

}  // namespace painlog::test_care
