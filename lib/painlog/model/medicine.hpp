// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Medicine doses and the vocabulary that recognises the medicines. A dose is
// a record of its own (schema v7, store/dose_store.hpp): what was taken, how
// much, when, and whether as needed. The vocabulary (medicine_vocabulary.cpp,
// listed in painlog-med(1)) maps UK and US brand names and spellings to the
// generic name, gives its WHO ATC code, the classes a clinic asks about
// before a ketamine infusion, and for opioids the CDC 2022 factor to
// morphine milligram equivalents.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/time/time.hpp"

namespace painlog {

enum class DoseUnit { mg, mcg, g, ml, tablet, capsule, drop, puff, patch, mcg_per_hour };
inline constexpr std::array all_dose_units{DoseUnit::mg,     DoseUnit::mcg,     DoseUnit::g,    DoseUnit::ml,
                                           DoseUnit::tablet, DoseUnit::capsule, DoseUnit::drop, DoseUnit::puff,
                                           DoseUnit::patch,  DoseUnit::mcg_per_hour};
// mg, mcg, g, ml, tablet, capsule, drop, puff, patch, mcg/h
[[nodiscard]] std::string_view name_of(DoseUnit unit);
// The UCUM code FHIR's doseQuantity carries: mg, ug, g, mL, {tablet}, …, ug/h.
[[nodiscard]] std::string_view ucum_of(DoseUnit unit);
// A unit as people write it: the names above, plurals (tablets, patches),
// mL, µg, ug, microgram(s), mcg/hr. Case-insensitive.
[[nodiscard]] std::optional<DoseUnit> dose_unit_named(std::string_view text);

struct DoseAmount {
    double value = 0;  // > 0
    DoseUnit unit = DoseUnit::mg;
    friend bool operator==(const DoseAmount&, const DoseAmount&) = default;
};
// "5mg", "5 mg", "2 tablets", "25mcg/h": a decimal above 0 (at most 100000)
// and a unit. Throws InputError naming `option` and the text.
[[nodiscard]] DoseAmount parse_dose_amount(std::string_view text, std::string_view option);
// "5 mg", "2 tablets", "1 patch", "25 mcg/h".
[[nodiscard]] std::string format_amount(const DoseAmount& amount);
// The shortest decimal that reads back as `value`: 5, 2.5, 0.125.
[[nodiscard]] std::string format_decimal(double value);

struct Dose {
    std::int64_t id = 0;   // 0 until stored
    std::string medicine;  // the generic name when recognised, else as typed (trimmed, lower case)
    std::optional<DoseAmount> amount;  // none: doses migrated from --med tags, or "took my pregabalin"
    // True: as needed (PRN); false: a regular dose; none: not said (doses
    // migrated from --med tags of painlog before 0.2).
    std::optional<bool> as_needed;
    Instant at;
    std::string zone;  // IANA name the dose was recorded in
    Day day;           // diary day of `at`
    std::string note;
    friend bool operator==(const Dose&, const Dose&) = default;
};

// What a dose spec on the command line says: "oxycodone 5mg prn",
// "pregabalin 75 mg", "Lyrica", "fentanyl 25mcg/h". The last word may be
// "prn" (as needed); the amount is the last one or two words when they start
// with a digit; the rest is the medicine's name.
struct DoseSpec {
    std::string medicine;
    std::optional<DoseAmount> amount;
    bool as_needed = false;
};
// Throws InputError naming `option` and the bad part: an unknown unit, an
// amount of 0 or below, a unit the medicine does not come in (mcg/h for
// pregabalin), an empty or over-long name.
[[nodiscard]] DoseSpec parse_dose_spec(std::string_view text, std::string_view option);

// The classes a clinic asks patients about before a ketamine infusion.
enum class MedicineClass { drowsy, antidepressant, anti_seizure, opioid, theophylline };
inline constexpr std::array all_medicine_classes{MedicineClass::drowsy, MedicineClass::antidepressant,
                                                 MedicineClass::anti_seizure, MedicineClass::opioid,
                                                 MedicineClass::theophylline};
// drowsy, antidepressant, anti-seizure, opioid, theophylline
[[nodiscard]] std::string_view name_of(MedicineClass c);
// "can make you drowsy", "antidepressant", "anti-seizure", "opioid", "theophylline"
[[nodiscard]] std::string_view description_of(MedicineClass c);

// The forms a medicine comes in, which decide the units it can be taken in.
enum Form : unsigned { oral = 1, patch = 2, rate_patch = 4, inhaled = 8, topical = 16 };

struct MedicineInfo {
    std::string_view name;  // generic, lower case: "pregabalin"
    std::string_view atc;   // WHO ATC code: "N02BF02"
    std::span<const std::string_view> also_known_as;  // brands and spellings, lower case
    std::span<const MedicineClass> classes;
    unsigned forms = Form::oral;
    // CDC 2022 MME factor per mme_unit (mg by mouth; mcg/h for transdermal
    // fentanyl); none for non-opioids and for the opioids the guideline does
    // not convert (buprenorphine, dihydrocodeine, combinations).
    std::optional<double> mme_factor;
    DoseUnit mme_unit = DoseUnit::mg;
    [[nodiscard]] bool has(MedicineClass c) const;
    [[nodiscard]] bool allows(DoseUnit unit) const;
};

// The vocabulary, by generic name.
[[nodiscard]] std::span<const MedicineInfo> medicine_vocabulary();
// A generic name, brand or spelling, case-insensitive; nullptr when unknown.
[[nodiscard]] const MedicineInfo* find_medicine(std::string_view name);

// Morphine milligram equivalents of one dose taken by mouth (or injection):
// mg (g, mcg converted) times the factor. None for a medicine without a
// factor, a dose without an amount or in units that carry no strength
// (tablets). Transdermal fentanyl (mcg/h) is a rate, counted per day by
// daily_medicine_use (medicine_use.hpp), not here.
[[nodiscard]] std::optional<double> dose_mme(const Dose& dose, const MedicineInfo& info);

// "oxycodone 5 mg, as needed"; "pregabalin" for a dose without an amount.
[[nodiscard]] std::string dose_brief(const Dose& dose);

// {"id","medicine","amount","unit","as_needed","time","zone","day","note"};
// absent values are null; time in the dose's zone with its offset.
[[nodiscard]] nlohmann::ordered_json dose_json(const Dose& dose);

}  // namespace painlog
