// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/formats/fhir.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "painlog/model/body.hpp"
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

// SNOMED CT body structures for painlog's regions, each code and display
// (the fully specified name without its tag) found the same in at least
// two independent public FHIR value sets and mappings: the HAR body
// locations of an IMU sensor IG, the NEMSIS paramedicine IG's finding
// locations, Health Intersections' IPS generator, a SNOMED International
// editorial guide (lower back), and IGs using Head, Neck, Thoracic and
// Abdomen structure as bodySite. Regions without a code that painlog could
// verify as the same concept (face, jaw, elbow, flank, upper back,
// tailbone, groin, buttock, the front or back of a thigh, shin, sole) carry
// painlog's code alone.
struct SnomedSite {
    std::string_view region;
    SnomedCode code;
};
constexpr std::array snomed_sites{
    SnomedSite{"head", {"69536005", "Head structure"}},
    SnomedSite{"neck", {"45048000", "Neck structure"}},
    SnomedSite{"left-shoulder", {"91775009", "Structure of left shoulder region"}},
    SnomedSite{"right-shoulder", {"91774008", "Structure of right shoulder region"}},
    SnomedSite{"left-upper-arm", {"368208006", "Left upper arm structure"}},
    SnomedSite{"right-upper-arm", {"368209003", "Right upper arm structure"}},
    SnomedSite{"left-lower-arm", {"66480008", "Structure of left forearm"}},
    SnomedSite{"right-lower-arm", {"64262003", "Structure of right forearm"}},
    SnomedSite{"left-hand", {"85151006", "Structure of left hand"}},
    SnomedSite{"right-hand", {"78791008", "Structure of right hand"}},
    SnomedSite{"chest", {"51185008", "Thoracic structure"}},
    SnomedSite{"abdomen", {"818983003", "Abdomen structure"}},
    SnomedSite{"lower-back", {"37822005", "Lower back structure"}},
    SnomedSite{"left-hip", {"287679003", "Left hip region structure"}},
    SnomedSite{"right-hip", {"287579007", "Right hip region structure"}},
    SnomedSite{"left-knee", {"82169009", "Structure of left knee region"}},
    SnomedSite{"right-knee", {"6757004", "Structure of right knee region"}},
    SnomedSite{"left-calf", {"722115008", "Structure of calf of left lower leg"}},
    SnomedSite{"right-calf", {"722116009", "Structure of calf of right lower leg"}},
    SnomedSite{"left-ankle", {"51636004", "Structure of left ankle"}},
    SnomedSite{"right-ankle", {"6685009", "Structure of right ankle"}},
    SnomedSite{"left-foot", {"22335008", "Structure of left foot"}},
    SnomedSite{"right-foot", {"7769000", "Structure of right foot"}},
};

ojson region_concept(std::string_view region) {
    auto label = std::string(region_label(region));
    auto codings = ojson::array({coding(body_region_system, region, label)});
    if (auto snomed = snomed_body_site(region)) codings.push_back(coding(snomed_system, snomed->code, snomed->display));
    return {{"coding", std::move(codings)}, {"text", label}};
}

ojson quality_concept(std::string_view quality) {
    auto label = std::string(quality_label(quality));
    return {{"coding", ojson::array({coding(pain_quality_system, quality, label)})}, {"text", label}};
}

// The components and bodySite of where it hurts and how it feels.
void put_body(ojson& o, const Entry& e) {
    if (e.regions.size() == 1) {
        o["bodySite"] = region_concept(e.regions.front());
    } else if (!e.regions.empty()) {
        std::string text;
        for (const auto& r : e.regions) text += (text.empty() ? "" : ", ") + std::string(region_label(r));
        o["bodySite"] = {{"text", text}};
    }
    auto components = ojson::array();
    for (const auto& r : e.regions)
        components.push_back({{"code", code_of(painlog_code_system, "pain-site", "", "Where it hurts")},
                              {"valueCodeableConcept", region_concept(r)}});
    for (const auto& q : e.qualities)
        components.push_back({{"code", code_of(painlog_code_system, "pain-quality", "", "How the pain feels")},
                              {"valueCodeableConcept", quality_concept(q)}});
    o["component"] = std::move(components);
}

}  // namespace

std::optional<SnomedCode> snomed_body_site(std::string_view region) {
    auto it = std::ranges::find(snomed_sites, region, &SnomedSite::region);
    return it == snomed_sites.end() ? std::nullopt : std::optional(it->code);
}

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
        if (r == Rating::pain && (!e.regions.empty() || !e.qualities.empty())) put_body(o, e);
        list.push_back(std::move(o));
    }
    if (!e.rating(Rating::pain) && (!e.regions.empty() || !e.qualities.empty())) {
        auto o = observation(fmt::format("entry-{}-pain-site", e.id),
                             code_of(painlog_code_system, "pain-site", "", "Where the pain is and how it feels"),
                             effective);
        put_body(o, e);
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
