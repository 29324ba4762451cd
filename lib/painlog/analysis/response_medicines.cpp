// SPDX-License-Identifier: GPL-3.0-or-later
// Medicine use around each infusion: opioid MME and as-needed doses a logged
// day in the baseline and each window, and how they changed (issue 16).
// Apart from response.cpp so that the pain and mood analysis reads alone.

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "painlog/analysis/response.hpp"
#include "painlog/util/table.hpp"

namespace painlog {
namespace {

using json = nlohmann::ordered_json;

json rounded_json(const std::optional<double>& value, int places) {
    if (!value) return nullptr;
    double scale = std::pow(10.0, places);
    return std::round(*value * scale) / scale;
}

bool window_begun(const ResponseWindow& w) {
    return w.status != WindowStatus::cut_off && w.status != WindowStatus::not_started;
}

std::string figure(const std::optional<double>& value, std::string_view spec = "{:.1f}") {
    return value ? fmt::format(fmt::runtime(spec), *value) : "-";
}

// "+0.5", "-1.2"; a change that rounds to nothing is "0.0" (or "0.00").
std::string signed_figure(const std::optional<double>& value, int places = 1) {
    if (!value) return "-";
    auto text = fmt::format("{:+.{}f}", *value, places);
    return text.find_first_not_of("+-0.") == std::string::npos ? text.substr(1) : text;
}

}  // namespace

void add_medicine_responses(std::vector<InfusionResponse>& responses, const std::vector<Dose>& doses,
                            const std::vector<DailyValues>& days) {
    if (doses.empty()) return;
    std::set<Day> logged;
    for (const auto& d : days) logged.insert(d.day);
    for (const auto& d : doses) logged.insert(d.day);
    auto daily = daily_doses(doses);
    bool with_mme = std::ranges::any_of(daily, [](const DailyDoses& d) { return d.mme > 0; });
    for (auto& r : responses) {
        auto baseline = medicine_use_between(daily, logged, r.baseline.from, r.baseline.to, with_mme);
        r.baseline_medicines = baseline;
        for (auto& w : r.windows)
            if (window_begun(w))
                w.medicines = compare_medicine_use(baseline, medicine_use_between(daily, logged, w.span.from,
                                                                                  w.span.to, with_mme));
    }
}

std::string medicine_response_text(const InfusionResponse& r, Color color) {
    if (!r.baseline_medicines) return "";
    bool mme = r.baseline_medicines->mme_per_day.has_value();
    std::vector<Column> columns{{"Medicines"}, {"Days", Align::right}};
    if (mme) columns.insert(columns.end(), {{"MME/day", Align::right}, {"Change", Align::right}, {"%", Align::right}});
    columns.insert(columns.end(), {{"As needed/day", Align::right}, {"Change", Align::right}, {"%", Align::right}});
    TextTable table(columns);
    const auto& b = *r.baseline_medicines;
    std::vector<Cell> row{{"baseline"}, {std::to_string(b.days_logged)}};
    if (mme) row.insert(row.end(), {{figure(b.mme_per_day)}, {""}, {""}});
    row.insert(row.end(), {{figure(b.prn_doses_per_day, "{:.2f}")}, {""}, {""}});
    table.add_row(row);
    for (const auto& w : r.windows) {
        if (!w.medicines) continue;
        const auto& m = *w.medicines;
        row = {{w.label}, {std::to_string(m.use.days_logged)}};
        if (mme)
            row.insert(row.end(), {{figure(m.use.mme_per_day)}, {signed_figure(m.mme_change)},
                                   {signed_figure(m.mme_change_pct)}});
        row.insert(row.end(), {{figure(m.use.prn_doses_per_day, "{:.2f}")}, {signed_figure(m.prn_change, 2)},
                               {signed_figure(m.prn_change_pct)}});
        table.add_row(row);
    }
    std::string out = "\n" + table.render(color);
    out += wrap_words("Days: logged days (an entry or a dose); a logged day without a dose counts as 0.", 78, "", "  ");
    if (mme) out += wrap_words(std::string(mme_caveat), 78, "", "  ");
    return out;
}

void put_medicine_use(json& baseline, const std::optional<MedicineUse>& use) {
    baseline["medicine_days_logged"] = use ? json(use->days_logged) : json(nullptr);
    baseline["mme_per_day"] = use ? rounded_json(use->mme_per_day, 2) : json(nullptr);
    baseline["prn_doses_per_day"] = use ? rounded_json(use->prn_doses_per_day, 3) : json(nullptr);
}

void put_medicine_use(json& window, const std::optional<MedicineUseChange>& change) {
    window["medicine_days_logged"] = change ? json(change->use.days_logged) : json(nullptr);
    window["mme_per_day"] = change ? rounded_json(change->use.mme_per_day, 2) : json(nullptr);
    window["mme_per_day_change"] = change ? rounded_json(change->mme_change, 2) : json(nullptr);
    window["mme_per_day_change_pct"] = change ? rounded_json(change->mme_change_pct, 1) : json(nullptr);
    window["prn_doses_per_day"] = change ? rounded_json(change->use.prn_doses_per_day, 3) : json(nullptr);
    window["prn_doses_per_day_change"] = change ? rounded_json(change->prn_change, 3) : json(nullptr);
    window["prn_doses_per_day_change_pct"] = change ? rounded_json(change->prn_change_pct, 1) : json(nullptr);
}

}  // namespace painlog
