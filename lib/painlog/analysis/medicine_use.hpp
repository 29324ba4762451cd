// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the doses say over days: opioid use in morphine milligram equivalents
// (MME, CDC 2022), as-needed doses, each medicine's use and the regular
// regimen. Pure functions over doses; the formulas are in painlog-med(1).
//
// MME is a measure of opioid use over time. As the CDC guideline says, it is
// not a dose conversion between opioids: the factors are estimates, and they
// must not be used to work out a dose when changing from one opioid to
// another.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "painlog/model/infusion_check.hpp"
#include "painlog/model/medicine.hpp"
#include "painlog/time/time.hpp"
#include "painlog/util/text.hpp"

namespace painlog {

// The vocabulary's generic name for a name, else the name itself: doses
// migrated from --med tags keep the name as it was typed ("lyrica").
[[nodiscard]] std::string canonical_medicine(std::string_view name);

// A transdermal fentanyl patch (a dose in mcg/h) counts on the day it is
// put on and the two after (72 hours), until the next patch of the same
// medicine is put on; patches put on at the same time count together.
inline constexpr int patch_days = 3;

struct DailyDoses {
    Day day;
    double mme = 0;           // morphine milligram equivalents that day
    int doses = 0;            // doses recorded that day
    int as_needed_doses = 0;  // of them, as needed
};
// One element per day with a dose or a patch on, in day order.
[[nodiscard]] std::vector<DailyDoses> daily_doses(const std::vector<Dose>& doses);

// An opioid dose that gives no MME, and why, for the reader: "tramadol
// 2 tablets" (no strength in mg), "buprenorphine 10 mcg/h" (not converted
// by the CDC guideline).
struct UnconvertedDose {
    std::string dose;
    std::string reason;
    friend bool operator==(const UnconvertedDose&, const UnconvertedDose&) = default;
};
[[nodiscard]] std::vector<UnconvertedDose> unconverted_opioid_doses(const std::vector<Dose>& doses);

struct MedicineSummary {
    std::string medicine;           // canonical
    const MedicineInfo* info = nullptr;  // nullptr: not recognised
    int days_taken = 0;
    int doses = 0;
    int as_needed_doses = 0;
    // The mean of each day's total on the days taken, when every dose has an
    // amount in one unit (mass units in mg); else none.
    std::optional<DoseAmount> mean_daily_amount;
    std::optional<double> as_needed_per_day;  // as-needed doses per logged day
};

// Doses over a period of logged days (days with an entry or a dose).
struct MedicineUseSummary {
    int logged_days = 0;
    std::vector<MedicineSummary> medicines;  // most doses first, then by name
    bool any_opioid = false;                 // an opioid dose in the period
    // Daily MME over the logged days (0 on a logged day without any), when
    // any opioid dose in the period was converted.
    std::optional<double> mme_mean, mme_min, mme_max;
    std::vector<UnconvertedDose> unconverted;
};
// `doses` of the period; `logged_days` the period's days with an entry or dose.
[[nodiscard]] MedicineUseSummary summarize_medicine_use(const std::vector<Dose>& doses,
                                                        const std::set<Day>& logged_days);

// A span's medicine use per logged day: the response windows' figures.
struct MedicineUse {
    int days_logged = 0;                      // days with an entry or a dose
    std::optional<double> mme_per_day;        // mean daily MME; none when the diary has no converted opioid dose
    std::optional<double> prn_doses_per_day;  // as-needed doses per logged day
};
// Over the days from..to of `daily` (from daily_doses) and `logged_days`.
// `with_mme`: whether the diary has any converted opioid dose at all.
[[nodiscard]] MedicineUse medicine_use_between(const std::vector<DailyDoses>& daily, const std::set<Day>& logged_days,
                                               Day from, Day to, bool with_mme);

// A window's use against the baseline's: change = window - baseline;
// percent change against the baseline, rounded to one decimal, none when
// the baseline is 0 or either side is missing.
struct MedicineUseChange {
    MedicineUse use;
    std::optional<double> mme_change, mme_change_pct;
    std::optional<double> prn_change, prn_change_pct;
};
[[nodiscard]] MedicineUseChange compare_medicine_use(const MedicineUse& baseline, const MedicineUse& window);

// A medicine taken regularly: regular doses (not as needed) in the 28 days
// up to today.
inline constexpr int regimen_days = 28;
struct RegimenItem {
    std::string medicine;
    const MedicineInfo* info = nullptr;
    std::optional<DoseAmount> usual_dose;  // the most frequent amount (ties: the latest)
    double doses_per_day = 0;              // on the days taken
    int days_taken = 0;
    Day last_taken;
};
[[nodiscard]] std::vector<RegimenItem> regimen(const std::vector<Dose>& doses, Day today);
// A table of the regimen with the classes to check before an infusion.
[[nodiscard]] std::string regimen_text(const std::vector<RegimenItem>& items, Color color);
// [{"medicine","recognised","atc","classes","usual_amount","usual_unit",
//   "doses_per_day","days_taken","last_taken"}]
[[nodiscard]] nlohmann::ordered_json regimen_json(const std::vector<RegimenItem>& items);

// The doses the check-in offers as numbered picks: the medicine, amount and
// as-needed flag of the doses of the last 90 days, most often taken first,
// at most `limit`.
[[nodiscard]] std::vector<DoseSpec> usual_doses(const std::vector<Dose>& doses, Day today, std::size_t limit = 9);

// The medicines of `doses` a clinic asks about before an infusion: those in
// one of the classes, and those not recognised (which might be); by name.
[[nodiscard]] std::vector<FlaggedMedicine> flagged_medicines(const std::vector<Dose>& doses);
// The same for medicine names, as a check stores them.
[[nodiscard]] std::vector<FlaggedMedicine> flagged_medicines(const std::vector<std::string>& names);

// "can make you drowsy, anti-seizure" or "not recognised".
[[nodiscard]] std::string classes_text(const MedicineInfo* info);

// What the CDC 2022 guideline says MME is not, shown wherever MME is.
inline constexpr std::string_view mme_caveat =
    "MME (morphine milligram equivalents, CDC 2022) measure opioid use over time; they are estimates and "
    "not a dose conversion between opioids.";

// The summary's medicines block: a table of each medicine's use and the
// daily MME; "" when the period has no dose.
[[nodiscard]] std::string medicine_use_text(const MedicineUseSummary& use, Color color);
// {"logged_days","medicines":[{"medicine","recognised","atc","classes",
//  "days_taken","doses","as_needed_doses","as_needed_per_day",
//  "mean_daily_amount","mean_daily_unit"}],"any_opioid",
//  "mme_per_day":{"mean","min","max"}|null,"unconverted":[{"dose","reason"}]}
[[nodiscard]] nlohmann::ordered_json medicine_use_json(const MedicineUseSummary& use);
// {"medicine","recognised","atc","classes":[…]}: how a medicine is named in JSON.
[[nodiscard]] nlohmann::ordered_json medicine_identity_json(std::string_view medicine, const MedicineInfo* info);

}  // namespace painlog
