// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/formats/fhir.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/util/json_writer.hpp"

namespace painlog {
namespace {

using ojson = nlohmann::ordered_json;

ojson coding(std::string_view system, std::string_view code, std::string_view display) {
    ojson c;
    c["system"] = system;
    c["code"] = code;
    if (!display.empty()) c["display"] = display;
    return c;
}

ojson observation(std::string id, const ojson& code, const std::string& effective) {
    ojson o;
    o["resourceType"] = "Observation";
    o["id"] = std::move(id);
    o["status"] = "final";
    o["category"] = ojson::array(
        {{{"coding", ojson::array({coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey",
                                          "Survey")})}}});
    o["code"] = code;
    o["effectiveDateTime"] = effective;
    return o;
}

ojson code_of(std::string_view system, std::string_view code, std::string_view display, std::string_view text) {
    return {{"coding", ojson::array({coding(system, code, display)})}, {"text", text}};
}

std::string_view rating_code(Rating r) {
    switch (r) {
        case Rating::mood: return "mood";
        case Rating::energy: return "energy";
        case Rating::sleep_quality: return "sleep-quality";
        case Rating::activity: return "activity";
        case Rating::pain: break;
    }
    return "pain";
}

}  // namespace

ojson fhir_bundle_header(Instant timestamp) {
    ojson header;
    header["resourceType"] = "Bundle";
    header["type"] = "collection";
    header["timestamp"] = format_utc(timestamp);
    return header;
}

std::vector<ojson> fhir_observations(const Entry& e) {
    std::vector<ojson> list;
    auto effective = format_local(e.at, stored_zone(e.zone));
    for (auto r : all_ratings) {
        if (!e.rating(r)) continue;
        auto code = r == Rating::pain
                        ? code_of(loinc_system, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                                  question_of(r))
                        : code_of(painlog_code_system, rating_code(r), "", question_of(r));
        auto o = observation(fmt::format("entry-{}-{}", e.id, rating_code(r)), code, effective);
        o["valueInteger"] = *e.rating(r);
        list.push_back(std::move(o));
    }
    if (e.sleep_hours) {
        auto o = observation(fmt::format("entry-{}-sleep-hours", e.id),
                             code_of(loinc_system, "93832-4", "Sleep duration", "Sleep duration last night (hours)"),
                             effective);
        o["valueQuantity"] = {{"value", *e.sleep_hours},
                              {"unit", "h"},
                              {"system", "http://unitsofmeasure.org"},
                              {"code", "h"}};
        list.push_back(std::move(o));
    }
    return list;
}

// The PGIC: no LOINC code for this seven-label item was verified, so it is
// coded in painlog's own system and carries its label as a coded value.
ojson fhir_pgic(const QuestionnaireResult& r) {
    auto label = std::string(band_of(r.instrument, r.score));
    auto o = observation(fmt::format("questionnaire-{}", r.id),
                         code_of(painlog_code_system, "pgic", "", "Patient Global Impression of Change"),
                         format_local(r.at, stored_zone(r.zone)));
    auto code = label;
    std::replace(code.begin(), code.end(), ' ', '-');
    o["valueCodeableConcept"] = {{"coding", ojson::array({coding(pgic_code_system, code, label)})}, {"text", label}};
    return o;
}

ojson fhir_observation(const QuestionnaireResult& r) {
    if (r.instrument == Instrument::pgic) return fhir_pgic(r);
    const auto& spec = spec_of(r.instrument);
    std::string_view loinc = r.instrument == Instrument::phq9   ? "44261-6"
                             : r.instrument == Instrument::gad7 ? "70274-6"
                                                                : "91147-9";
    auto o = observation(fmt::format("questionnaire-{}", r.id),
                         code_of(loinc_system, loinc, "", fmt::format("{} score", spec.title)),
                         format_local(r.at, stored_zone(r.zone)));
    if (r.instrument == Instrument::peg)
        o["valueQuantity"] = {{"value", r.score},
                              {"unit", "{score}"},
                              {"system", "http://unitsofmeasure.org"},
                              {"code", "{score}"}};
    else
        o["valueInteger"] = static_cast<int>(std::lround(r.score));
    return o;
}

ojson fhir_patient() {
    ojson p;
    p["resourceType"] = "Patient";
    p["id"] = "patient";
    return p;
}

ojson fhir_medication_statement(const Dose& dose) {
    ojson s;
    s["resourceType"] = "MedicationStatement";
    s["id"] = fmt::format("dose-{}", dose.id);
    s["status"] = "completed";
    ojson medicine{{"text", dose.medicine}};
    if (const auto* info = find_medicine(dose.medicine))
        medicine = {{"coding", ojson::array({coding(atc_system, info->atc, info->name)})}, {"text", dose.medicine}};
    s["medicationCodeableConcept"] = std::move(medicine);
    s["subject"] = {{"reference", "Patient/patient"}};
    s["effectiveDateTime"] = format_local(dose.at, stored_zone(dose.zone));
    s["informationSource"] = {{"reference", "Patient/patient"}};
    if (!dose.note.empty()) s["note"] = ojson::array({{{"text", dose.note}}});
    ojson dosage;
    dosage["text"] = dose_brief(dose);
    if (dose.as_needed) dosage["asNeededBoolean"] = *dose.as_needed;
    if (dose.amount) {
        ojson quantity{{"value", dose.amount->value},
                       {"unit", name_of(dose.amount->unit)},
                       {"system", "http://unitsofmeasure.org"},
                       {"code", ucum_of(dose.amount->unit)}};
        auto key = dose.amount->unit == DoseUnit::mcg_per_hour ? "rateQuantity" : "doseQuantity";
        dosage["doseAndRate"] = ojson::array({{{key, std::move(quantity)}}});
    }
    s["dosage"] = ojson::array({std::move(dosage)});
    return s;
}

void write_fhir(Diary& diary, const EntryQuery& query, Instant now, std::ostream& out) {
    JsonObjectWriter bundle(out);
    const auto header = fhir_bundle_header(now);
    for (auto it = header.begin(); it != header.end(); ++it) bundle.member(it.key(), it.value());
    bundle.begin_array("entry");
    auto add = [&](nlohmann::ordered_json resource) { bundle.element({{"resource", std::move(resource)}}); };
    auto doses = doses_in(diary, query.from, query.to);
    if (!doses.empty()) add(fhir_patient());
    diary.for_each_entry(query, [&](Entry e) {
        for (auto& o : fhir_observations(e)) add(std::move(o));
    });
    for (const auto& r : questionnaire_results(diary, std::nullopt, query.from, query.to)) add(fhir_observation(r));
    for (const auto& d : doses) add(fhir_medication_statement(d));
    bundle.end_array();
    bundle.end();
}

}  // namespace painlog
