// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "painlog/formats/fhir.hpp"

namespace painlog::test_fhir {

namespace {

Instant at(std::string_view text) { return *parse_iso_instant(text); }

// The whole Bundle, put together from the pieces that export writes one by one.
nlohmann::ordered_json fhir_bundle(const std::vector<Entry>& entries, const std::vector<QuestionnaireResult>& results,
                                   Instant timestamp) {
    auto bundle = fhir_bundle_header(timestamp);
    auto& list = bundle["entry"] = nlohmann::ordered_json::array();
    for (const auto& e : entries)
        for (auto& o : fhir_observations(e)) list.push_back({{"resource", std::move(o)}});
    for (const auto& r : results) list.push_back({{"resource", fhir_observation(r)}});
    return bundle;
}

}  // namespace

TEST_CASE("FHIR: a collection Bundle of Observations, one per value, with the clinical.md codes") {
    Entry e;
    e.id = 12;
    e.at = at("2026-07-01T07:30:00Z");
    e.zone = "Europe/London";
    e.rating(Rating::pain) = 6;
    e.rating(Rating::mood) = 4;
    e.sleep_hours = 7.5;
    e.note = "not exported";
    QuestionnaireResult phq9{3, Instrument::phq9, at("2026-07-01T08:00:00Z"), "UTC", {}, {1, 1, 1, 1, 1, 1, 1, 1, 0}, 8};
    QuestionnaireResult peg{4, Instrument::peg, at("2026-07-01T08:00:00Z"), "UTC", {}, {4, 5, 5}, 14.0 / 3};
    auto b = fhir_bundle({e}, {phq9, peg}, at("2026-11-22T20:00:00Z"));
    CHECK(b["resourceType"] == "Bundle");
    CHECK(b["type"] == "collection");
    CHECK(b["timestamp"] == "2026-11-22T20:00:00Z");
    REQUIRE(b["entry"].size() == 5);
    for (const auto& item : b["entry"]) {
        const auto& o = item["resource"];
        CHECK(o["resourceType"] == "Observation");
        CHECK(o["status"] == "final");
        CHECK(o["category"][0]["coding"][0]["system"] == "http://terminology.hl7.org/CodeSystem/observation-category");
        CHECK(o["category"][0]["coding"][0]["code"] == "survey");
        CHECK(o["code"].contains("text"));
        CHECK_FALSE(o.contains("note"));
    }
    const auto& pain = b["entry"][0]["resource"];
    CHECK(pain["id"] == "entry-12-pain");
    CHECK(pain["code"]["coding"][0]["system"] == "http://loinc.org");
    CHECK(pain["code"]["coding"][0]["code"] == "72514-3");
    CHECK(pain["effectiveDateTime"] == "2026-07-01T08:30:00+01:00");  // British Summer Time
    CHECK(pain["valueInteger"] == 6);
    const auto& mood = b["entry"][1]["resource"];
    CHECK(mood["code"]["coding"][0]["system"] == "urn:painlog:observation");
    CHECK(mood["code"]["coding"][0]["code"] == "mood");
    CHECK(mood["valueInteger"] == 4);
    const auto& sleep = b["entry"][2]["resource"];
    CHECK(sleep["code"]["coding"][0]["code"] == "93832-4");
    CHECK(sleep["valueQuantity"]["value"] == 7.5);
    CHECK(sleep["valueQuantity"]["system"] == "http://unitsofmeasure.org");
    CHECK(sleep["valueQuantity"]["code"] == "h");
    const auto& phq = b["entry"][3]["resource"];
    CHECK(phq["id"] == "questionnaire-3");
    CHECK(phq["code"]["coding"][0]["code"] == "44261-6");
    CHECK(phq["valueInteger"] == 8);
    CHECK(phq["effectiveDateTime"] == "2026-07-01T08:00:00+00:00");
    const auto& pegs = b["entry"][4]["resource"];
    CHECK(pegs["code"]["coding"][0]["code"] == "91147-9");
    CHECK(pegs["valueQuantity"]["value"].get<double>() == doctest::Approx(4.6667).epsilon(1e-4));
    CHECK(pegs["valueQuantity"]["code"] == "{score}");
}

TEST_CASE("FHIR: GAD-7 uses 70274-6; an empty diary is an empty collection") {
    QuestionnaireResult gad7{1, Instrument::gad7, at("2026-07-01T08:00:00Z"), "UTC", {}, {3, 3, 3, 3, 3, 3, 3}, 21};
    auto b = fhir_bundle({}, {gad7}, at("2026-11-22T20:00:00Z"));
    CHECK(b["entry"][0]["resource"]["code"]["coding"][0]["code"] == "70274-6");
    CHECK(b["entry"][0]["resource"]["valueInteger"] == 21);
    CHECK(fhir_bundle({}, {}, at("2026-11-22T20:00:00Z"))["entry"].empty());
}

}  // namespace painlog::test_fhir
