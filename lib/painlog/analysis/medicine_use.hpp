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

#include "painlog/model/medicine.hpp"
#include "painlog/time/time.hpp"

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

// The doses the check-in offers as numbered picks: the medicine, amount and
// as-needed flag of the doses of the last 90 days, most often taken first,
// at most `limit`.
[[nodiscard]] std::vector<DoseSpec> usual_doses(const std::vector<Dose>& doses, Day today, std::size_t limit = 9);

// "can make you drowsy, anti-seizure" or "not recognised".
[[nodiscard]] std::string classes_text(const MedicineInfo* info);

}  // namespace painlog
