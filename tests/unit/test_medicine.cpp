// SPDX-License-Identifier: GPL-3.0-or-later
// The dose model: the vocabulary (brands, spellings, case), units, dose specs
// and their bad inputs, and MME of single doses against the CDC 2022 table.

#include <doctest/doctest.h>

#include <set>

#include "painlog/model/medicine.hpp"
#include "painlog/util/error.hpp"

namespace painlog::test_medicine {

namespace {

Dose dose_of(std::string_view spec) {
    auto parsed = parse_dose_spec(spec, "DOSE");
    Dose d;
    d.medicine = parsed.medicine;
    d.amount = parsed.amount;
    d.as_needed = parsed.as_needed;
    return d;
}

std::optional<double> mme_of(std::string_view spec) {
    auto d = dose_of(spec);
    return dose_mme(d, *find_medicine(d.medicine));
}

}  // namespace

TEST_CASE("brands, spellings and case find the generic name") {
    CHECK(find_medicine("Lyrica")->name == "pregabalin");
    CHECK(find_medicine("OXYCONTIN")->name == "oxycodone");
    CHECK(find_medicine("acetaminophen")->name == "paracetamol");
    CHECK(find_medicine("Tylenol")->name == "paracetamol");
    CHECK(find_medicine("  neurontin ")->name == "gabapentin");
    CHECK(find_medicine("Durogesic")->name == "fentanyl");
    CHECK(find_medicine("meperidine")->name == "pethidine");
    CHECK(find_medicine("chlorpheniramine")->name == "chlorphenamine");
    CHECK(find_medicine("my cream") == nullptr);
    CHECK(find_medicine("") == nullptr);
}

TEST_CASE("the vocabulary is consistent: unique names and aliases, ATC codes, factors only for opioids") {
    std::set<std::string_view> seen;
    for (const auto& info : medicine_vocabulary()) {
        CAPTURE(info.name);
        CHECK(seen.insert(info.name).second);
        for (auto alias : info.also_known_as) {
            CAPTURE(alias);
            CHECK(seen.insert(alias).second);
            CHECK(find_medicine(alias) == &info);
        }
        // WHO ATC level 5: letter, two digits, two letters, two digits.
        REQUIRE(info.atc.size() == 7);
        CHECK(std::isupper(static_cast<unsigned char>(info.atc[0])));
        CHECK(std::isdigit(static_cast<unsigned char>(info.atc[5])));
        if (info.mme_factor) CHECK(info.has(MedicineClass::opioid));
    }
    CHECK(medicine_vocabulary().size() == 72);
}

TEST_CASE("the clinic's classes: gabapentinoids are anti-seizure, sleeping tablets drowsy, theophylline its own") {
    CHECK(find_medicine("pregabalin")->has(MedicineClass::anti_seizure));
    CHECK(find_medicine("gabapentin")->has(MedicineClass::anti_seizure));
    CHECK(find_medicine("zopiclone")->has(MedicineClass::drowsy));
    CHECK(find_medicine("promethazine")->has(MedicineClass::drowsy));
    CHECK(find_medicine("amitriptyline")->has(MedicineClass::antidepressant));
    CHECK(find_medicine("codeine")->has(MedicineClass::opioid));
    CHECK(find_medicine("pholcodine")->has(MedicineClass::opioid));  // an opioid for cough
    CHECK(find_medicine("uniphyllin")->has(MedicineClass::theophylline));
    CHECK(find_medicine("paracetamol")->classes.empty());
}

TEST_CASE("every unit and its spellings") {
    CHECK(parse_dose_amount("5mg", "x") == DoseAmount{5, DoseUnit::mg});
    CHECK(parse_dose_amount("5 mg", "x") == DoseAmount{5, DoseUnit::mg});
    CHECK(parse_dose_amount("62.5mcg", "x") == DoseAmount{62.5, DoseUnit::mcg});
    CHECK(parse_dose_amount("1 g", "x") == DoseAmount{1, DoseUnit::g});
    CHECK(parse_dose_amount("10ml", "x") == DoseAmount{10, DoseUnit::ml});
    CHECK(parse_dose_amount("10 mL", "x") == DoseAmount{10, DoseUnit::ml});
    CHECK(parse_dose_amount("2 tablets", "x") == DoseAmount{2, DoseUnit::tablet});
    CHECK(parse_dose_amount("1 tab", "x") == DoseAmount{1, DoseUnit::tablet});
    CHECK(parse_dose_amount("2 caps", "x") == DoseAmount{2, DoseUnit::capsule});
    CHECK(parse_dose_amount("3 drops", "x") == DoseAmount{3, DoseUnit::drop});
    CHECK(parse_dose_amount("2 puffs", "x") == DoseAmount{2, DoseUnit::puff});
    CHECK(parse_dose_amount("1 patch", "x") == DoseAmount{1, DoseUnit::patch});
    CHECK(parse_dose_amount("25mcg/h", "x") == DoseAmount{25, DoseUnit::mcg_per_hour});
    CHECK(parse_dose_amount("25 MCG/HR", "x") == DoseAmount{25, DoseUnit::mcg_per_hour});
    CHECK(parse_dose_amount("100 µg", "x") == DoseAmount{100, DoseUnit::mcg});
    CHECK(parse_dose_amount("100 micrograms", "x") == DoseAmount{100, DoseUnit::mcg});
    for (auto unit : all_dose_units) CHECK(dose_unit_named(name_of(unit)) == unit);
    CHECK(format_amount({2, DoseUnit::tablet}) == "2 tablets");
    CHECK(format_amount({1, DoseUnit::patch}) == "1 patch");
    CHECK(format_amount({2, DoseUnit::patch}) == "2 patches");
    CHECK(format_amount({12.5, DoseUnit::mcg_per_hour}) == "12.5 mcg/h");
    CHECK(ucum_of(DoseUnit::mcg) == "ug");
    CHECK(ucum_of(DoseUnit::mcg_per_hour) == "ug/h");
    CHECK(ucum_of(DoseUnit::tablet) == "{tablet}");
}

TEST_CASE("bad amounts and units name the value and what was expected") {
    CHECK_THROWS_WITH_AS((void)parse_dose_amount("5 spoons", "--amount"),
                         "--amount 5 spoons: unknown unit spoons; expected mg, mcg, g, ml, tablet, capsule, drop, puff, "
                         "patch or mcg/h",
                         InputError);
    CHECK_THROWS_WITH_AS((void)parse_dose_amount("0mg", "--amount"),
                         "--amount 0mg: expected an amount above 0 and at most 100000", InputError);
    CHECK_THROWS_WITH_AS((void)parse_dose_amount("-5mg", "--amount"),
                         "--amount -5mg: expected an amount above 0 and at most 100000", InputError);
    CHECK_THROWS_WITH_AS((void)parse_dose_amount("100001mg", "--amount"),
                         "--amount 100001mg: expected an amount above 0 and at most 100000", InputError);
    CHECK_THROWS_AS((void)parse_dose_amount("5", "--amount"), InputError);
    CHECK_THROWS_AS((void)parse_dose_amount("mg", "--amount"), InputError);
    CHECK_THROWS_AS((void)parse_dose_amount("1e3mg", "--amount"), InputError);
    CHECK_THROWS_AS((void)parse_dose_amount("nanmg", "--amount"), InputError);
}

TEST_CASE("a dose spec: name, amount, prn") {
    auto spec = parse_dose_spec("oxycodone 5mg prn", "DOSE");
    CHECK(spec.medicine == "oxycodone");
    CHECK(spec.amount == DoseAmount{5, DoseUnit::mg});
    CHECK(spec.as_needed);
    spec = parse_dose_spec("OxyContin 10 mg", "DOSE");
    CHECK(spec.medicine == "oxycodone");
    CHECK(spec.amount == DoseAmount{10, DoseUnit::mg});
    CHECK_FALSE(spec.as_needed);
    spec = parse_dose_spec("Sodium Valproate 200 mg PRN", "DOSE");
    CHECK(spec.medicine == "sodium valproate");
    CHECK(spec.as_needed);
    spec = parse_dose_spec("My Cream", "DOSE");
    CHECK(spec.medicine == "my cream");
    CHECK_FALSE(spec.amount);
    spec = parse_dose_spec("paracetamol 2 tablets", "DOSE");
    CHECK(spec.amount == DoseAmount{2, DoseUnit::tablet});
}

TEST_CASE("impossible combinations and empty names are refused") {
    CHECK_THROWS_WITH_AS((void)parse_dose_spec("pregabalin 25mcg/h", "DOSE"),
                         "DOSE pregabalin 25mcg/h: pregabalin does not come in mcg/h; expected a unit such as mg",
                         InputError);
    CHECK_THROWS_AS((void)parse_dose_spec("oxycodone 2 puffs", "DOSE"), InputError);
    CHECK_THROWS_AS((void)parse_dose_spec("lidocaine 2 tablets", "DOSE"), InputError);
    CHECK_NOTHROW((void)parse_dose_spec("lidocaine 1 patch", "DOSE"));
    CHECK_NOTHROW((void)parse_dose_spec("buprenorphine 10mcg/h", "DOSE"));
    CHECK_THROWS_AS((void)parse_dose_spec("prn", "DOSE"), InputError);
    CHECK_THROWS_AS((void)parse_dose_spec("   ", "DOSE"), InputError);
    CHECK_THROWS_WITH_AS((void)parse_dose_spec("5mg", "DOSE"),
                         "DOSE 5mg: expected a medicine's name before the amount, like \"pregabalin 5mg\"", InputError);
    CHECK(parse_dose_spec("5-htp", "DOSE").medicine == "5-htp");
    CHECK_THROWS_AS((void)parse_dose_spec("pregabalin 0 mg", "DOSE"), InputError);
    CHECK_THROWS_AS((void)parse_dose_spec("bad\x1b[2Jname", "DOSE"), InputError);
    CHECK_THROWS_AS((void)parse_dose_spec(std::string(65, 'a'), "DOSE"), InputError);
}

// CDC 2022 (Dowell et al., MMWR Recomm Rep 2022;71(3)), Table 1, by hand:
// the mg of one dose times the factor.
TEST_CASE("MME of one dose for each opioid the guideline converts") {
    CHECK(*mme_of("codeine 30mg") == doctest::Approx(4.5));       // 30 x 0.15
    CHECK(*mme_of("hydrocodone 10mg") == doctest::Approx(10));    // 10 x 1
    CHECK(*mme_of("hydromorphone 2mg") == doctest::Approx(10));   // 2 x 5
    CHECK(*mme_of("methadone 10mg") == doctest::Approx(47));      // 10 x 4.7
    CHECK(*mme_of("morphine 30mg") == doctest::Approx(30));       // 30 x 1
    CHECK(*mme_of("oxycodone 5mg") == doctest::Approx(7.5));      // 5 x 1.5
    CHECK(*mme_of("oxymorphone 10mg") == doctest::Approx(30));    // 10 x 3
    CHECK(*mme_of("tapentadol 50mg") == doctest::Approx(20));     // 50 x 0.4
    CHECK(*mme_of("tramadol 50mg") == doctest::Approx(10));       // 50 x 0.2
    CHECK(*mme_of("morphine 0.01g") == doctest::Approx(10));      // grams in mg
    CHECK(*mme_of("morphine 500mcg") == doctest::Approx(0.5));    // micrograms in mg
    CHECK(*find_medicine("fentanyl")->mme_factor == 2.4);         // per mcg/h, counted per day
    CHECK(find_medicine("fentanyl")->mme_unit == DoseUnit::mcg_per_hour);
}

TEST_CASE("no MME without a factor, an amount or a strength") {
    CHECK_FALSE(mme_of("buprenorphine 200mcg"));  // deliberately not in the 2022 table
    CHECK_FALSE(mme_of("dihydrocodeine 30mg"));   // not in the 2022 table
    CHECK_FALSE(mme_of("pethidine 50mg"));
    CHECK_FALSE(mme_of("tramadol 2 tablets"));    // no strength in mg
    CHECK_FALSE(mme_of("oxycodone"));             // no amount
    CHECK_FALSE(mme_of("fentanyl 25mcg/h"));      // a rate: counted per day by daily_doses
    CHECK_FALSE(mme_of("pregabalin 75mg"));       // not an opioid
}

TEST_CASE("a dose in brief and as JSON") {
    auto d = dose_of("oxycodone 5mg prn");
    d.id = 3;
    d.day = Day{date::year{2026} / 11 / 22};
    d.at = d.day + std::chrono::hours{8};
    d.zone = "UTC";
    CHECK(dose_brief(d) == "oxycodone 5 mg, as needed");
    CHECK(dose_json(d).dump() == R"({"id":3,"medicine":"oxycodone","amount":5.0,"unit":"mg","as_needed":true,)"
                                 R"("time":"2026-11-22T08:00:00+00:00","zone":"UTC","day":"2026-11-22","note":""})");
    Dose legacy;
    legacy.medicine = "lyrica";
    CHECK(dose_brief(legacy) == "lyrica");
    auto j = dose_json(legacy);
    CHECK(j["amount"].is_null());
    CHECK(j["as_needed"].is_null());
}

}  // namespace painlog::test_medicine
