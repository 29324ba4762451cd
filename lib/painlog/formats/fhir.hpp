// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FHIR R4 export: a Bundle of type collection holding one Observation per
// value (see clinical.md and painlog-export(1)).
//
// Every Observation has status final, category survey
// (http://terminology.hl7.org/CodeSystem/observation-category), code with
// code.text, and effectiveDateTime in ISO 8601 with the offset of the zone
// the value was recorded in. Scores are valueInteger; sleep hours a
// valueQuantity in UCUM h.
//   pain           LOINC 72514-3
//   sleep_hours    LOINC 93832-4 (valueQuantity, h)
//   mood, energy, sleep_quality, activity: painlog_code_system with the
//                  codes mood, energy, sleep-quality, activity
//   PHQ-9 total    LOINC 44261-6 (valueInteger)
//   GAD-7 total    LOINC 70274-6 (valueInteger)
//   PEG score      LOINC 91147-9 (valueQuantity, UCUM {score}: the exact mean)
// Each dose is a MedicationStatement (status completed): the medicine as
// medicationCodeableConcept (ATC coding, http://www.whocc.no/atc, when
// recognised; its name as text always), subject and informationSource the
// Patient (a Patient resource "patient", without identifiers, first in the
// Bundle when there are doses), effectiveDateTime, and a dosage with
// asNeededBoolean (when said) and the amount as a UCUM doseQuantity (a patch's
// mcg/h as rateQuantity).
// Where it hurts and how it feels (issue 17) ride on the pain Observation:
// one component per body region (code urn:painlog:observation#pain-site)
// and per pain quality (#pain-quality), each a valueCodeableConcept coded
// in painlog's own systems (body_region_system, pain_quality_system) and,
// for the regions listed in fhir.cpp with their sources, SNOMED CT. Its
// bodySite is the region when there is one, with the same codings, or the
// regions named in text when there are several (R4 allows one bodySite,
// and codings of one concept must mean the same thing). An entry with
// regions or qualities but no pain rating gets an Observation of its own,
// "entry-ID-pain-site" (code pain-site, no value), that carries them.
// Tags, notes and events are not exported to FHIR.

#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/model/entry.hpp"
#include "painlog/model/medicine.hpp"
#include "painlog/model/questionnaire.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

class Diary;
struct EntryQuery;

inline constexpr std::string_view painlog_code_system = "urn:painlog:observation";
inline constexpr std::string_view pgic_code_system = "urn:painlog:pgic";  // the seven labels, spaces as hyphens
inline constexpr std::string_view loinc_system = "http://loinc.org";
inline constexpr std::string_view body_region_system = "urn:painlog:body-region";
inline constexpr std::string_view pain_quality_system = "urn:painlog:pain-quality";
inline constexpr std::string_view snomed_system = "http://snomed.info/sct";
// The SNOMED CT body structure of a region, when one was verified (fhir.cpp
// names the sources): {code, display}; empty for the others.
struct SnomedCode {
    std::string_view code, display;
};
[[nodiscard]] std::optional<SnomedCode> snomed_body_site(std::string_view region);

// The pieces of the Bundle, which write_fhir writes one at a time. Its
// members resourceType, type and timestamp (the time of the export), then
// "entry": [{"resource": Observation}…] with the Observations of each entry
// in time order, then those of the questionnaire results. Observation ids
// are "entry-ID-VALUE" (entry-12-pain) and "questionnaire-ID"
// (questionnaire-3).
[[nodiscard]] nlohmann::ordered_json fhir_bundle_header(Instant timestamp);
[[nodiscard]] std::vector<nlohmann::ordered_json> fhir_observations(const Entry& entry);
[[nodiscard]] nlohmann::ordered_json fhir_observation(const QuestionnaireResult& result);
inline constexpr std::string_view atc_system = "http://www.whocc.no/atc";
// "dose-ID".
[[nodiscard]] nlohmann::ordered_json fhir_medication_statement(const Dose& dose);
[[nodiscard]] nlohmann::ordered_json fhir_patient();

// The Bundle of the entries that `query` selects and the questionnaire
// results on its days, ending with a line feed, written as the diary is read
// (`painlog export --format fhir`); `now` is its timestamp.
void write_fhir(Diary& diary, const EntryQuery& query, Instant now, std::ostream& out);

}  // namespace painlog
