// SPDX-License-Identifier: GPL-3.0-or-later
// Medicine use over days: daily MME with fentanyl patches, a period's
// summary, the figures of a response window, change against the baseline,
// the regular regimen and the check-in's usual doses. Every figure is worked
// by hand in the comments.

#include <doctest/doctest.h>

#include "painlog/analysis/medicine_use.hpp"
#include "painlog/analysis/response.hpp"

namespace painlog::test_medicine_use {

namespace {

Day day(int d) { return date::year{2026} / 11 / d; }

Dose dose(int d, int hour, std::string_view spec) {
    auto parsed = parse_dose_spec(spec, "DOSE");
    Dose out;
    out.medicine = parsed.medicine;
    out.amount = parsed.amount;
    out.as_needed = parsed.as_needed;
    out.day = day(d);
    out.at = std::chrono::sys_days{day(d)} + std::chrono::hours{hour};
    out.zone = "UTC";
    return out;
}

// 1 Nov: oxycodone 5 mg twice as needed (2 x 7.5 = 15 MME).
// 2 Nov: a 25 mcg/h fentanyl patch (x 2.4 = 60 MME a day), worn 2-4 Nov
//        but replaced on 4 Nov, so it counts on 2 and 3 Nov.
// 4 Nov: a 50 mcg/h patch (120 MME a day) on 4, 5 and 6 Nov.
// 5 Nov: tramadol 50 mg (x 0.2 = 10 MME) and pregabalin 75 mg.
std::vector<Dose> week() {
    return {dose(1, 8, "oxycodone 5mg prn"), dose(1, 20, "oxycodone 5mg prn"), dose(2, 9, "fentanyl 25mcg/h"),
            dose(4, 9, "fentanyl 50mcg/h"), dose(5, 8, "tramadol 50mg"), dose(5, 8, "pregabalin 75mg")};
}

std::set<Day> days(std::initializer_list<int> ds) {
    std::set<Day> out;
    for (int d : ds) out.insert(day(d));
    return out;
}

}  // namespace

TEST_CASE("daily MME counts a patch for three days until the next one") {
    auto daily = daily_doses(week());
    REQUIRE(daily.size() == 6);
    std::vector<double> mme;
    for (const auto& d : daily) mme.push_back(d.mme);
    CHECK(mme == std::vector<double>{15, 60, 60, 120, 130, 120});
    CHECK(daily[0].doses == 2);
    CHECK(daily[0].as_needed_doses == 2);
    CHECK(daily[2].doses == 0);  // 3 Nov: a patch on, nothing taken
    CHECK(daily[4].doses == 2);
    CHECK(daily[5].day == day(6));
}

TEST_CASE("two patches put on together add up; a patch alone lasts three days") {
    auto daily = daily_doses({dose(10, 9, "fentanyl 25mcg/h"), dose(10, 9, "fentanyl 12mcg/h")});
    REQUIRE(daily.size() == 3);
    for (const auto& d : daily) CHECK(d.mme == doctest::Approx(37 * 2.4));  // 88.8
    CHECK(daily.back().day == day(12));
}

TEST_CASE("the summary of a period: per medicine and daily MME over logged days") {
    // Logged: 1-7 Nov (7 days). MME 15+60+60+120+130+120+0 = 505; 505/7 = 72.142857.
    auto use = summarize_medicine_use(week(), days({1, 2, 3, 4, 5, 6, 7}));
    CHECK(use.logged_days == 7);
    CHECK(use.any_opioid);
    CHECK(*use.mme_mean == doctest::Approx(505.0 / 7));
    CHECK(*use.mme_min == 0);
    CHECK(*use.mme_max == 130);
    REQUIRE(use.medicines.size() == 4);
    // Most doses first, then by name: fentanyl 2, oxycodone 2, pregabalin 1, tramadol 1.
    CHECK(use.medicines[0].medicine == "fentanyl");
    CHECK(use.medicines[1].medicine == "oxycodone");
    CHECK(use.medicines[1].days_taken == 1);
    CHECK(use.medicines[1].as_needed_doses == 2);
    CHECK(*use.medicines[1].as_needed_per_day == doctest::Approx(2.0 / 7));
    CHECK(use.medicines[1].mean_daily_amount == DoseAmount{10, DoseUnit::mg});  // 2 x 5 mg on one day
    CHECK(use.medicines[0].mean_daily_amount == DoseAmount{37.5, DoseUnit::mcg_per_hour});
    CHECK(use.unconverted.empty());
}

TEST_CASE("mixed units and unconverted opioids are named, not guessed") {
    std::vector<Dose> doses{dose(1, 8, "morphine 10mg"), dose(2, 8, "morphine 500mcg"), dose(3, 8, "tramadol 2 tablets"),
                            dose(3, 9, "buprenorphine 10mcg/h"), dose(4, 8, "co-codamol 2 tablets")};
    auto use = summarize_medicine_use(doses, days({1, 2, 3, 4}));
    const auto& morphine = *std::ranges::find(use.medicines, std::string("morphine"), &MedicineSummary::medicine);
    CHECK(morphine.mean_daily_amount == DoseAmount{5.25, DoseUnit::mg});  // (10 + 0.5) mg over 2 days
    REQUIRE(use.unconverted.size() == 3);
    CHECK(use.unconverted[0].dose == "tramadol 2 tablets");
    CHECK(use.unconverted[0].reason == "an amount in tablet carries no strength in mg");
    CHECK(use.unconverted[1].reason == "the CDC 2022 guideline gives it no MME factor");
    CHECK(*use.mme_mean == doctest::Approx(10.5 / 4));
}

TEST_CASE("a period without opioids has no MME; without doses no medicines") {
    auto use = summarize_medicine_use({dose(1, 8, "pregabalin 75mg")}, days({1, 2}));
    CHECK_FALSE(use.mme_mean);
    CHECK_FALSE(use.any_opioid);
    CHECK(*use.medicines[0].as_needed_per_day == 0);
    auto none = summarize_medicine_use({}, days({1}));
    CHECK(none.medicines.empty());
    CHECK(medicine_use_text(none, Color::no).empty());
}

TEST_CASE("a window's use: logged days without a dose count 0, unlogged days not at all") {
    auto daily = daily_doses(week());
    // 1-3 Nov all logged: (15 + 60 + 60) / 3 = 45 MME, 2 / 3 as needed.
    auto baseline = medicine_use_between(daily, days({1, 2, 3, 4, 5, 6}), day(1), day(3), true);
    CHECK(baseline.days_logged == 3);
    CHECK(*baseline.mme_per_day == doctest::Approx(45));
    CHECK(*baseline.prn_doses_per_day == doctest::Approx(2.0 / 3));
    // 4-7 Nov with 6 Nov (a patch, no entry, no dose) and 7 Nov unlogged:
    // (120 + 130) / 2 = 125, no as-needed dose.
    auto window = medicine_use_between(daily, days({1, 2, 3, 4, 5}), day(4), day(7), true);
    CHECK(window.days_logged == 2);
    CHECK(*window.mme_per_day == doctest::Approx(125));
    CHECK(*window.prn_doses_per_day == 0);
    // A span with no logged day has no figures; without opioids no MME.
    auto empty = medicine_use_between(daily, days({1}), day(8), day(9), true);
    CHECK(empty.days_logged == 0);
    CHECK_FALSE(empty.prn_doses_per_day);
    CHECK_FALSE(medicine_use_between(daily, days({1}), day(1), day(1), false).mme_per_day);
    CHECK(medicine_use_between(daily, days({1}), day(3), day(2), true).days_logged == 0);  // backwards
}

TEST_CASE("change against the baseline; no percentage from a baseline of 0") {
    // 125 against 45: +80, +177.8 %; 0 against 2/3: -0.667, -100 %.
    auto c = compare_medicine_use({3, 45.0, 2.0 / 3}, {2, 125.0, 0.0});
    CHECK(*c.mme_change == doctest::Approx(80));
    CHECK(*c.mme_change_pct == 177.8);
    CHECK(*c.prn_change == doctest::Approx(-2.0 / 3));
    CHECK(*c.prn_change_pct == -100.0);
    auto from_zero = compare_medicine_use({3, 0.0, 0.0}, {2, 7.5, 1.0});
    CHECK(*from_zero.mme_change == 7.5);
    CHECK_FALSE(from_zero.mme_change_pct);
    CHECK_FALSE(from_zero.prn_change_pct);
    auto missing = compare_medicine_use({3, std::nullopt, 0.5}, {0, std::nullopt, std::nullopt});
    CHECK_FALSE(missing.mme_change);
    CHECK_FALSE(missing.prn_change);
}

TEST_CASE("the regimen: regular doses of the last 28 days, the usual dose the latest of the most frequent") {
    std::vector<Dose> doses{dose(5, 8, "pregabalin 75mg"),  dose(6, 8, "pregabalin 75mg"),
                            dose(6, 20, "pregabalin 150mg"), dose(6, 8, "gabapentin 300mg"),
                            dose(7, 8, "gabapentin 600mg"),  dose(7, 9, "oxycodone 5mg prn")};
    auto items = regimen(doses, day(7));
    REQUIRE(items.size() == 2);  // oxycodone was as needed
    CHECK(items[0].medicine == "gabapentin");
    CHECK(items[0].usual_dose == DoseAmount{600, DoseUnit::mg});  // one each: the latest
    CHECK(items[1].medicine == "pregabalin");
    CHECK(items[1].usual_dose == DoseAmount{75, DoseUnit::mg});
    CHECK(items[1].doses_per_day == doctest::Approx(1.5));  // 3 doses on 2 days
    CHECK(items[1].last_taken == day(6));
    CHECK(regimen(doses, day(7) + date::days{28}).empty());  // all older than 28 days
}

TEST_CASE("the check-in's picks: most often taken first, ties by the latest") {
    std::vector<Dose> doses{dose(1, 8, "oxycodone 5mg prn"), dose(1, 20, "oxycodone 5mg prn"),
                            dose(5, 8, "pregabalin 75mg"), dose(6, 8, "Lyrica 75mg"), dose(6, 9, "morphine 10mg")};
    auto picks = usual_doses(doses, day(7));
    REQUIRE(picks.size() == 3);
    CHECK(picks[0].medicine == "pregabalin");
    CHECK(picks[1].medicine == "oxycodone");
    CHECK(picks[1].as_needed);
    CHECK(picks[2].medicine == "morphine");
    CHECK(usual_doses(doses, day(7), 1).size() == 1);
}

TEST_CASE("an infusion's medicine use by window, and none for a window cut off") {
    InfusionResponse r;
    r.baseline.from = day(1);
    r.baseline.to = day(3);
    ResponseWindow first, cut;
    first.label = "days 1-7";
    first.span.from = day(4);
    first.span.to = day(7);
    cut.label = "days 8-14";
    cut.status = WindowStatus::cut_off;
    r.windows = {first, cut};
    std::vector<InfusionResponse> responses{r};
    // Entries on 1-5 Nov: the logged days are 1-5 Nov.
    std::vector<DailyValues> entry_days;
    for (int d = 1; d <= 5; ++d) {
        DailyValues values;
        values.day = day(d);
        entry_days.push_back(values);
    }
    add_medicine_responses(responses, week(), entry_days);
    const auto& out = responses[0];
    REQUIRE(out.baseline_medicines);
    CHECK(*out.baseline_medicines->mme_per_day == doctest::Approx(45));
    REQUIRE(out.windows[0].medicines);
    CHECK(out.windows[0].medicines->use.days_logged == 2);
    CHECK(*out.windows[0].medicines->use.mme_per_day == doctest::Approx(125));
    CHECK(*out.windows[0].medicines->mme_change_pct == 177.8);
    CHECK_FALSE(out.windows[1].medicines);

    nlohmann::ordered_json j;
    put_medicine_use(j, out.windows[0].medicines);
    CHECK(j.dump() == R"({"medicine_days_logged":2,"mme_per_day":125.0,"mme_per_day_change":80.0,)"
                      R"("mme_per_day_change_pct":177.8,"prn_doses_per_day":0.0,"prn_doses_per_day_change":-0.667,)"
                      R"("prn_doses_per_day_change_pct":-100.0})");

    std::vector<InfusionResponse> without{r};
    add_medicine_responses(without, {}, entry_days);
    CHECK_FALSE(without[0].baseline_medicines);
    CHECK(medicine_response_text(without[0], Color::no).empty());
}

}  // namespace painlog::test_medicine_use
