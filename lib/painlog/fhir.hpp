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
// Tags and notes are not exported to FHIR.

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/entry.hpp"

namespace painlog {

inline constexpr std::string_view painlog_code_system = "urn:painlog:observation";
inline constexpr std::string_view loinc_system = "http://loinc.org";

// Observation ids are "entry-ID-VALUE", e.g. entry-12-pain. `timestamp`
// becomes Bundle.timestamp (the time of the export).
[[nodiscard]] nlohmann::ordered_json fhir_bundle(const std::vector<Entry>& entries, Instant timestamp);

}  // namespace painlog
