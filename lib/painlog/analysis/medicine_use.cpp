// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/medicine_use.hpp"

#include <algorithm>
#include <tuple>

#include <cmath>

#include <fmt/format.h>

#include "painlog/util/table.hpp"

namespace painlog {
namespace {

std::optional<double> in_mg(const DoseAmount& amount) {
    switch (amount.unit) {
        case DoseUnit::mg: return amount.value;
        case DoseUnit::g: return amount.value * 1000;
        case DoseUnit::mcg: return amount.value / 1000;
        default: return std::nullopt;
    }
}

bool is_patch_rate(const Dose& dose, const MedicineInfo* info) {
    return info && info->mme_factor && info->mme_unit == DoseUnit::mcg_per_hour && dose.amount &&
           dose.amount->unit == DoseUnit::mcg_per_hour;
}

// Each patch application's MME per day over the days it is worn.
void add_patch_days(const std::vector<const Dose*>& patches, double factor, std::map<Day, DailyDoses>& days) {
    for (std::size_t i = 0; i < patches.size(); ++i) {
        auto start = patches[i]->day;
        auto end = start + date::days{patch_days - 1};
        // The next application (not one at the same instant) takes over.
        auto next = std::find_if(patches.begin() + static_cast<std::ptrdiff_t>(i) + 1, patches.end(),
                                 [&](const Dose* d) { return d->at != patches[i]->at; });
        if (next != patches.end()) end = std::min(end, (*next)->day - date::days{1});
        for (auto d = start; d <= end; d += date::days{1}) {
            auto& day = days[d];
            day.day = d;
            day.mme += patches[i]->amount->value * factor;
        }
    }
}

// The mean daily amount on the days taken, when the doses allow one.
std::optional<DoseAmount> mean_daily_amount(const std::vector<const Dose*>& doses, int days_taken) {
    if (doses.empty() || days_taken == 0) return std::nullopt;
    bool all_mass = true, one_unit = true;
    for (const auto* d : doses) {
        if (!d->amount) return std::nullopt;
        all_mass = all_mass && in_mg(*d->amount);
        one_unit = one_unit && d->amount->unit == doses.front()->amount->unit;
    }
    if (!one_unit && !all_mass) return std::nullopt;
    double total = 0;
    for (const auto* d : doses) total += one_unit ? d->amount->value : *in_mg(*d->amount);
    return DoseAmount{total / days_taken, one_unit ? doses.front()->amount->unit : DoseUnit::mg};
}

double rounded(double value, int places) {
    double factor = std::pow(10.0, places);
    return std::round(value * factor) / factor;
}

std::string amount_text(const std::optional<DoseAmount>& amount) {
    if (!amount) return "-";
    return format_amount({rounded(amount->value, 1), amount->unit});
}

}  // namespace

std::string canonical_medicine(std::string_view name) {
    if (const auto* info = find_medicine(name)) return std::string(info->name);
    return std::string(name);
}

std::vector<DailyDoses> daily_doses(const std::vector<Dose>& doses) {
    std::map<Day, DailyDoses> days;
    std::map<std::string, std::vector<const Dose*>> patches;
    for (const auto& dose : doses) {
        auto& day = days[dose.day];
        day.day = dose.day;
        ++day.doses;
        if (dose.as_needed.value_or(false)) ++day.as_needed_doses;
        const auto* info = find_medicine(dose.medicine);
        if (is_patch_rate(dose, info)) patches[std::string(info->name)].push_back(&dose);
        else if (info)
            if (auto mme = dose_mme(dose, *info)) day.mme += *mme;
    }
    for (auto& [name, list] : patches) {
        std::ranges::stable_sort(list, {}, &Dose::at);
        add_patch_days(list, *find_medicine(name)->mme_factor, days);
    }
    std::vector<DailyDoses> out;
    out.reserve(days.size());
    for (auto& [day, use] : days) out.push_back(use);
    return out;
}

std::vector<UnconvertedDose> unconverted_opioid_doses(const std::vector<Dose>& doses) {
    std::vector<UnconvertedDose> out;
    for (const auto& dose : doses) {
        const auto* info = find_medicine(dose.medicine);
        if (!info || !info->has(MedicineClass::opioid) || dose_mme(dose, *info) || is_patch_rate(dose, info)) continue;
        std::string reason = !info->mme_factor ? "the CDC 2022 guideline gives it no MME factor"
                             : !dose.amount    ? "no amount recorded"
                             : info->mme_unit == DoseUnit::mcg_per_hour
                                 ? "the factor is for patches in mcg/h"
                                 : fmt::format("an amount in {} carries no strength in mg", name_of(dose.amount->unit));
        UnconvertedDose u{dose_brief(dose), reason};
        if (std::ranges::find(out, u) == out.end()) out.push_back(std::move(u));
    }
    return out;
}

MedicineUseSummary summarize_medicine_use(const std::vector<Dose>& doses, const std::set<Day>& logged_days) {
    MedicineUseSummary s;
    s.logged_days = static_cast<int>(logged_days.size());
    std::map<std::string, std::vector<const Dose*>> by_medicine;
    for (const auto& dose : doses) by_medicine[canonical_medicine(dose.medicine)].push_back(&dose);
    for (const auto& [name, list] : by_medicine) {
        MedicineSummary m;
        m.medicine = name;
        m.info = find_medicine(name);
        std::set<Day> days;
        for (const auto* d : list) {
            days.insert(d->day);
            ++m.doses;
            if (d->as_needed.value_or(false)) ++m.as_needed_doses;
        }
        m.days_taken = static_cast<int>(days.size());
        m.mean_daily_amount = mean_daily_amount(list, m.days_taken);
        if (s.logged_days > 0) m.as_needed_per_day = static_cast<double>(m.as_needed_doses) / s.logged_days;
        s.any_opioid = s.any_opioid || (m.info && m.info->has(MedicineClass::opioid));
        s.medicines.push_back(std::move(m));
    }
    std::ranges::sort(s.medicines, [](const auto& a, const auto& b) {
        return std::tie(b.doses, a.medicine) < std::tie(a.doses, b.medicine);
    });
    auto daily = daily_doses(doses);
    bool converted = std::ranges::any_of(daily, [](const DailyDoses& d) { return d.mme > 0; });
    if (converted && s.logged_days > 0) {
        std::map<Day, double> mme;
        for (const auto& d : daily) mme[d.day] = d.mme;
        double total = 0, lo = 0, hi = 0;
        bool first = true;
        for (auto day : logged_days) {
            auto value = mme.contains(day) ? mme[day] : 0.0;
            total += value;
            lo = first ? value : std::min(lo, value);
            hi = first ? value : std::max(hi, value);
            first = false;
        }
        s.mme_mean = total / s.logged_days;
        s.mme_min = lo;
        s.mme_max = hi;
    }
    s.unconverted = unconverted_opioid_doses(doses);
    return s;
}

MedicineUse medicine_use_between(const std::vector<DailyDoses>& daily, const std::set<Day>& logged_days, Day from,
                                 Day to, bool with_mme) {
    MedicineUse use;
    if (to < from) return use;
    for (auto it = logged_days.lower_bound(from); it != logged_days.end() && *it <= to; ++it) ++use.days_logged;
    if (use.days_logged == 0) return use;
    double mme = 0;
    int as_needed = 0;
    auto first = std::ranges::lower_bound(daily, from, {}, &DailyDoses::day);
    for (auto it = first; it != daily.end() && it->day <= to; ++it) {
        // A patch worn on a day without an entry or a dose: not a logged day.
        if (!logged_days.contains(it->day)) continue;
        mme += it->mme;
        as_needed += it->as_needed_doses;
    }
    if (with_mme) use.mme_per_day = mme / use.days_logged;
    use.prn_doses_per_day = static_cast<double>(as_needed) / use.days_logged;
    return use;
}

MedicineUseChange compare_medicine_use(const MedicineUse& baseline, const MedicineUse& window) {
    auto change = [](const std::optional<double>& before, const std::optional<double>& after,
                     std::optional<double>& diff, std::optional<double>& pct) {
        if (!before || !after) return;
        diff = *after - *before;
        if (*before != 0) pct = rounded(*diff / *before * 100, 1);
    };
    MedicineUseChange c{window, {}, {}, {}, {}};
    change(baseline.mme_per_day, window.mme_per_day, c.mme_change, c.mme_change_pct);
    change(baseline.prn_doses_per_day, window.prn_doses_per_day, c.prn_change, c.prn_change_pct);
    return c;
}

std::vector<RegimenItem> regimen(const std::vector<Dose>& doses, Day today) {
    auto from = today - date::days{regimen_days - 1};
    std::map<std::string, std::vector<const Dose*>> regular;
    for (const auto& d : doses)
        if (d.as_needed == false && d.day >= from && d.day <= today) regular[canonical_medicine(d.medicine)].push_back(&d);
    std::vector<RegimenItem> items;
    for (const auto& [name, list] : regular) {
        RegimenItem item;
        item.medicine = name;
        item.info = find_medicine(name);
        std::set<Day> days;
        std::vector<std::pair<DoseAmount, int>> counts;
        for (const auto* d : list) {
            days.insert(d->day);
            item.last_taken = std::max(item.last_taken, d->day);
            if (!d->amount) continue;
            auto it = std::ranges::find(counts, *d->amount, &std::pair<DoseAmount, int>::first);
            if (it == counts.end()) counts.emplace_back(*d->amount, 1);
            else ++it->second;
        }
        // The latest of the most frequent: counts is in time order of first use.
        int best = 0;
        for (auto it = counts.rbegin(); it != counts.rend(); ++it)
            if (it->second > best) best = it->second, item.usual_dose = it->first;
        item.days_taken = static_cast<int>(days.size());
        item.doses_per_day = static_cast<double>(list.size()) / item.days_taken;
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<DoseSpec> usual_doses(const std::vector<Dose>& doses, Day today, std::size_t limit) {
    struct Seen {
        DoseSpec spec;
        int count = 0;
        Instant last;
    };
    std::vector<Seen> seen;
    auto from = today - date::days{89};
    for (const auto& d : doses) {
        if (d.day < from || d.day > today) continue;
        DoseSpec spec{canonical_medicine(d.medicine), d.amount, d.as_needed.value_or(false)};
        auto it = std::ranges::find_if(seen, [&](const Seen& s) {
            return s.spec.medicine == spec.medicine && s.spec.amount == spec.amount && s.spec.as_needed == spec.as_needed;
        });
        if (it == seen.end()) seen.push_back({spec, 1, d.at});
        else ++it->count, it->last = std::max(it->last, d.at);
    }
    std::ranges::sort(seen, [](const Seen& a, const Seen& b) {
        return std::tie(b.count, b.last) < std::tie(a.count, a.last);
    });
    std::vector<DoseSpec> out;
    for (std::size_t i = 0; i < seen.size() && i < limit; ++i) out.push_back(seen[i].spec);
    return out;
}

std::vector<FlaggedMedicine> flagged_medicines(const std::vector<std::string>& names) {
    std::set<std::string> seen;
    std::vector<FlaggedMedicine> flagged;
    for (const auto& name : names) {
        auto canonical = canonical_medicine(name);
        const auto* info = find_medicine(canonical);
        if ((info && info->classes.empty()) || !seen.insert(canonical).second) continue;
        flagged.push_back({canonical, classes_text(info)});
    }
    std::ranges::sort(flagged, {}, &FlaggedMedicine::medicine);
    return flagged;
}

std::vector<FlaggedMedicine> flagged_medicines(const std::vector<Dose>& doses) {
    std::vector<std::string> names;
    for (const auto& d : doses) names.push_back(d.medicine);
    return flagged_medicines(names);
}

std::string classes_text(const MedicineInfo* info) {
    if (!info) return "not recognised";
    std::string out;
    for (auto c : info->classes) out += (out.empty() ? "" : ", ") + std::string(description_of(c));
    return out;
}

nlohmann::ordered_json medicine_identity_json(std::string_view medicine, const MedicineInfo* info) {
    nlohmann::ordered_json j;
    j["medicine"] = medicine;
    j["recognised"] = info != nullptr;
    j["atc"] = info ? nlohmann::ordered_json(info->atc) : nlohmann::ordered_json();
    j["classes"] = nlohmann::ordered_json::array();
    if (info)
        for (auto c : info->classes) j["classes"].push_back(name_of(c));
    return j;
}

std::string medicine_use_text(const MedicineUseSummary& use, Color color) {
    if (use.medicines.empty()) return "";
    TextTable table({{"medicine"}, {"days", Align::right}, {"doses", Align::right}, {"as needed/day", Align::right},
                     {"daily amount"}, {"check before an infusion"}});
    for (const auto& m : use.medicines)
        table.add_row({{one_line(m.medicine)},
                       {std::to_string(m.days_taken)},
                       {std::to_string(m.doses)},
                       {m.as_needed_per_day ? fmt::format("{:.2f}", *m.as_needed_per_day) : "-"},
                       {amount_text(m.mean_daily_amount)},
                       {classes_text(m.info)}});
    std::string out = "\n" + wrap_words(fmt::format("Medicines over {} logged days (days with an entry or a dose); "
                                                  "daily amount: the mean on the days taken",
                                                  use.logged_days),
                                      78, "", "  ");
    out += table.render(color);
    if (use.mme_mean)
        out += wrap_words(fmt::format("Opioid use: {:.1f} MME a day on average over the logged days (range {:.1f} to "
                                      "{:.1f}). {}",
                                      *use.mme_mean, *use.mme_min, *use.mme_max, mme_caveat),
                          78, "", "  ");
    for (const auto& u : use.unconverted)
        out += wrap_words(fmt::format("Not counted in MME: {} ({}).", one_line(u.dose), u.reason), 78, "", "  ");
    return out;
}

nlohmann::ordered_json medicine_use_json(const MedicineUseSummary& use) {
    auto optional = [](const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(); };
    nlohmann::ordered_json j;
    j["logged_days"] = use.logged_days;
    j["medicines"] = nlohmann::ordered_json::array();
    for (const auto& m : use.medicines) {
        auto item = medicine_identity_json(m.medicine, m.info);
        item["days_taken"] = m.days_taken;
        item["doses"] = m.doses;
        item["as_needed_doses"] = m.as_needed_doses;
        item["as_needed_per_day"] = optional(m.as_needed_per_day);
        item["mean_daily_amount"] = m.mean_daily_amount ? nlohmann::ordered_json(m.mean_daily_amount->value)
                                                        : nlohmann::ordered_json();
        item["mean_daily_unit"] = m.mean_daily_amount ? nlohmann::ordered_json(name_of(m.mean_daily_amount->unit))
                                                      : nlohmann::ordered_json();
        j["medicines"].push_back(std::move(item));
    }
    j["any_opioid"] = use.any_opioid;
    j["mme_per_day"] = use.mme_mean ? nlohmann::ordered_json{{"mean", *use.mme_mean}, {"min", *use.mme_min},
                                                             {"max", *use.mme_max}}
                                    : nlohmann::ordered_json();
    j["unconverted"] = nlohmann::ordered_json::array();
    for (const auto& u : use.unconverted) j["unconverted"].push_back({{"dose", u.dose}, {"reason", u.reason}});
    return j;
}

std::string regimen_text(const std::vector<RegimenItem>& items, Color color) {
    TextTable table({{"Medicine"}, {"Usual dose"}, {"Per day", Align::right}, {"Days", Align::right},
                     {"Last taken"}, {"Check before an infusion"}});
    for (const auto& item : items)
        table.add_row({{one_line(item.medicine)},
                       {item.usual_dose ? format_amount(*item.usual_dose) : "-"},
                       {fmt::format("{:.1f}", item.doses_per_day)},
                       {std::to_string(item.days_taken)},
                       {format_day(item.last_taken)},
                       {classes_text(item.info)}});
    return table.render(color);
}

nlohmann::ordered_json regimen_json(const std::vector<RegimenItem>& items) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& item : items) {
        auto j = medicine_identity_json(item.medicine, item.info);
        j["usual_amount"] = item.usual_dose ? nlohmann::ordered_json(item.usual_dose->value) : nlohmann::ordered_json();
        j["usual_unit"] = item.usual_dose ? nlohmann::ordered_json(name_of(item.usual_dose->unit)) : nlohmann::ordered_json();
        j["doses_per_day"] = rounded(item.doses_per_day, 2);
        j["days_taken"] = item.days_taken;
        j["last_taken"] = format_day(item.last_taken);
        list.push_back(std::move(j));
    }
    return list;
}

}  // namespace painlog
