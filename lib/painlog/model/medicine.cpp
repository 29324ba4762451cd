// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/medicine.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "painlog/model/entry.hpp"
#include "painlog/time/zone.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/parse.hpp"

namespace painlog {
namespace {

constexpr std::array unit_names{"mg", "mcg", "g", "ml", "tablet", "capsule", "drop", "puff", "patch", "mcg/h"};
constexpr std::array unit_ucum{"mg", "ug", "g", "mL", "{tablet}", "{capsule}", "{drop}", "{puff}", "{patch}", "ug/h"};
constexpr std::array class_names{"drowsy", "antidepressant", "anti-seizure", "opioid", "theophylline"};
constexpr std::array class_descriptions{"can make you drowsy", "antidepressant", "anti-seizure", "opioid",
                                        "theophylline"};
constexpr double max_amount = 100000;
constexpr std::string_view expected_units = "mg, mcg, g, ml, tablet, capsule, drop, puff, patch or mcg/h";

struct UnitSpelling {
    std::string_view text;
    DoseUnit unit;
};
constexpr std::array unit_spellings{
    UnitSpelling{"milligram", DoseUnit::mg},    UnitSpelling{"milligrams", DoseUnit::mg},
    UnitSpelling{"µg", DoseUnit::mcg},          UnitSpelling{"ug", DoseUnit::mcg},
    UnitSpelling{"microgram", DoseUnit::mcg},   UnitSpelling{"micrograms", DoseUnit::mcg},
    UnitSpelling{"gram", DoseUnit::g},          UnitSpelling{"grams", DoseUnit::g},
    UnitSpelling{"tablets", DoseUnit::tablet},  UnitSpelling{"tab", DoseUnit::tablet},
    UnitSpelling{"tabs", DoseUnit::tablet},     UnitSpelling{"capsules", DoseUnit::capsule},
    UnitSpelling{"caps", DoseUnit::capsule},    UnitSpelling{"drops", DoseUnit::drop},
    UnitSpelling{"puffs", DoseUnit::puff},      UnitSpelling{"patches", DoseUnit::patch},
    UnitSpelling{"mcg/hr", DoseUnit::mcg_per_hour}, UnitSpelling{"µg/h", DoseUnit::mcg_per_hour},
    UnitSpelling{"ug/h", DoseUnit::mcg_per_hour},
};

bool plural_unit(DoseUnit unit) {
    return unit == DoseUnit::tablet || unit == DoseUnit::capsule || unit == DoseUnit::drop ||
           unit == DoseUnit::puff || unit == DoseUnit::patch;
}

std::optional<double> parse_decimal(std::string_view text) {
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        auto start = text.find_first_not_of(" \t", i);
        if (start == std::string_view::npos) break;
        auto end = text.find_first_of(" \t", start);
        if (end == std::string_view::npos) end = text.size();
        words.push_back(text.substr(start, end - start));
        i = end;
    }
    return words;
}

bool starts_with_digit(std::string_view word) {
    return !word.empty() && ((word[0] >= '0' && word[0] <= '9') || word[0] == '.' || word[0] == '-');
}

std::string joined(std::span<const std::string_view> words) {
    std::string out;
    for (auto w : words) out += (out.empty() ? "" : " ") + std::string(w);
    return out;
}

// Reads "5mg" or "2 tablets" into `amount`; returns what is wrong, or "".
std::string read_amount(std::string_view text, DoseAmount& amount) {
    auto digits_end = text.find_first_not_of("0123456789.-");
    auto number = text.substr(0, digits_end);
    auto unit_text = digits_end == std::string_view::npos ? std::string_view{} : trim(text.substr(digits_end));
    auto value = parse_decimal(number);
    if (!value) return "expected an amount and a unit, like 5mg or 2 tablets";
    if (!(*value > 0) || *value > max_amount) return "expected an amount above 0 and at most 100000";
    if (unit_text.empty()) return fmt::format("expected a unit after the amount ({}); one of {}", number, expected_units);
    auto unit = dose_unit_named(unit_text);
    if (!unit) return fmt::format("unknown unit {}; expected {}", unit_text, expected_units);
    amount = {*value, *unit};
    return "";
}

}  // namespace

std::string_view name_of(DoseUnit unit) { return unit_names[static_cast<std::size_t>(unit)]; }
std::string_view ucum_of(DoseUnit unit) { return unit_ucum[static_cast<std::size_t>(unit)]; }
std::string_view name_of(MedicineClass c) { return class_names[static_cast<std::size_t>(c)]; }
std::string_view description_of(MedicineClass c) { return class_descriptions[static_cast<std::size_t>(c)]; }

std::optional<DoseUnit> dose_unit_named(std::string_view text) {
    for (auto unit : all_dose_units)  // as the diary stores them: no copy
        if (name_of(unit) == text) return unit;
    auto lower = ascii_lower(text);
    for (auto unit : all_dose_units)
        if (name_of(unit) == lower) return unit;
    for (const auto& s : unit_spellings)
        if (s.text == lower) return s.unit;
    return std::nullopt;
}

DoseAmount parse_dose_amount(std::string_view text, std::string_view option) {
    DoseAmount amount;
    if (auto problem = read_amount(text, amount); !problem.empty())
        throw InputError(option.empty() ? fmt::format("{}: {}", text, problem)
                                        : fmt::format("{} {}: {}", option, text, problem));
    return amount;
}

std::string format_decimal(double value) { return fmt::format("{}", value); }

std::string format_amount(const DoseAmount& amount) {
    auto unit = std::string(name_of(amount.unit));
    if (plural_unit(amount.unit) && amount.value != 1) unit += amount.unit == DoseUnit::patch ? "es" : "s";
    return fmt::format("{} {}", format_decimal(amount.value), unit);
}

bool MedicineInfo::has(MedicineClass c) const { return std::ranges::find(classes, c) != classes.end(); }

bool MedicineInfo::allows(DoseUnit unit) const {
    switch (unit) {
        case DoseUnit::mg:
        case DoseUnit::mcg:
        case DoseUnit::g: return true;
        case DoseUnit::ml:
        case DoseUnit::tablet:
        case DoseUnit::capsule:
        case DoseUnit::drop: return (forms & Form::oral) != 0;
        case DoseUnit::puff: return (forms & Form::inhaled) != 0;
        case DoseUnit::patch: return (forms & (Form::patch | Form::rate_patch)) != 0;
        case DoseUnit::mcg_per_hour: return (forms & Form::rate_patch) != 0;
    }
    return false;
}

DoseSpec parse_dose_spec(std::string_view text, std::string_view option) {
    auto words = words_of(text);
    DoseSpec spec;
    if (!words.empty() && ascii_lower(words.back()) == "prn") {
        spec.as_needed = true;
        words.pop_back();
    }
    // The amount: "5mg" or "5 mg", after at least one word of name.
    auto take_amount = [&](std::string_view amount_text, std::size_t words_used) {
        DoseAmount amount;
        if (auto problem = read_amount(amount_text, amount); !problem.empty())
            throw InputError(fmt::format("{} {}: {}", option, text, problem));
        spec.amount = amount;
        words.resize(words.size() - words_used);
    };
    if (words.size() >= 2 && starts_with_digit(words.back()))
        take_amount(words.back(), 1);
    else if (words.size() >= 3 && starts_with_digit(words[words.size() - 2]))
        take_amount(fmt::format("{} {}", words[words.size() - 2], words.back()), 2);
    auto name = joined(words);
    if (words.size() == 1 && starts_with_digit(words[0]) &&
        dose_unit_named(trim(words[0].substr(std::min(words[0].find_first_not_of("0123456789."), words[0].size())))))
        throw InputError(fmt::format("{} {}: expected a medicine's name before the amount, like \"pregabalin {}\"",
                                     option, text, words[0]));
    if (name.empty())
        throw InputError(fmt::format("{} {}: expected a medicine's name, like pregabalin or \"oxycodone 5mg\"",
                                     option, text));
    name = normalize_tag(name, option);
    const auto* info = find_medicine(name);
    spec.medicine = info ? std::string(info->name) : name;
    if (info && spec.amount && !info->allows(spec.amount->unit))
        throw InputError(fmt::format("{} {}: {} does not come in {}; expected a unit such as mg", option, text,
                                     info->name, name_of(spec.amount->unit)));
    return spec;
}

const MedicineInfo* find_medicine(std::string_view name) {
    // Every name and alias, built once: summaries look up every dose of years.
    static const auto index = [] {
        std::unordered_map<std::string_view, const MedicineInfo*> map;
        for (const auto& info : medicine_vocabulary()) {
            map.emplace(info.name, &info);
            for (auto alias : info.also_known_as) map.emplace(alias, &info);
        }
        return map;
    }();
    name = trim(name);
    bool lower = std::ranges::none_of(name, [](char c) { return c >= 'A' && c <= 'Z'; });
    auto lowered = lower ? std::string() : ascii_lower(name);
    auto it = index.find(lower ? name : std::string_view(lowered));
    return it == index.end() ? nullptr : it->second;
}

std::optional<double> dose_mme(const Dose& dose, const MedicineInfo& info) {
    if (!info.mme_factor || info.mme_unit != DoseUnit::mg || !dose.amount) return std::nullopt;
    double mg = 0;
    switch (dose.amount->unit) {
        case DoseUnit::mg: mg = dose.amount->value; break;
        case DoseUnit::g: mg = dose.amount->value * 1000; break;
        case DoseUnit::mcg: mg = dose.amount->value / 1000; break;
        default: return std::nullopt;
    }
    return mg * *info.mme_factor;
}

std::string dose_brief(const Dose& dose) {
    auto text = dose.medicine;
    if (dose.amount) text += " " + format_amount(*dose.amount);
    if (dose.as_needed.value_or(false)) text += ", as needed";
    return text;
}

nlohmann::ordered_json dose_json(const Dose& dose) {
    nlohmann::ordered_json j;
    j["id"] = dose.id;
    j["medicine"] = dose.medicine;
    j["amount"] = dose.amount ? nlohmann::ordered_json(dose.amount->value) : nlohmann::ordered_json();
    j["unit"] = dose.amount ? nlohmann::ordered_json(name_of(dose.amount->unit)) : nlohmann::ordered_json();
    j["as_needed"] = dose.as_needed ? nlohmann::ordered_json(*dose.as_needed) : nlohmann::ordered_json();
    j["time"] = format_local(dose.at, stored_zone(dose.zone));
    j["zone"] = dose.zone;
    j["day"] = format_day(dose.day);
    j["note"] = dose.note;
    return j;
}

}  // namespace painlog
