// SPDX-License-Identifier: GPL-3.0-or-later
// Regions and qualities through painlog's CSV and JSON (round trips, old
// files, bad names reported per line and column) and the FHIR pain
// Observation's bodySite and components (issue 17).

#include <doctest/doctest.h>

#include <sstream>

#include "painlog/formats/export.hpp"
#include "painlog/formats/fhir.hpp"
#include "painlog/formats/import_plan.hpp"
#include "painlog/formats/painlog_csv.hpp"
#include "painlog/formats/painlog_json.hpp"
#include "painlog/store/diary.hpp"
#include "support.hpp"

namespace painlog::test_body_formats {

namespace {

ImportRules rules() { return {*parse_iso_instant("2026-11-22T20:00:00Z"), 0}; }
Day day(std::string_view text) { return *parse_iso_day(text); }

Entry with_body(std::string_view date, int hour, std::vector<std::string> regions, std::vector<std::string> qualities) {
    auto e = test::entry_on(day(date), 5, hour, "Europe/London");
    e.regions = std::move(regions);
    e.qualities = std::move(qualities);
    return e;
}

Diary body_diary() {
    auto diary = Diary::in_memory();
    for (auto e : {with_body("2026-11-20", 8, {"lower-back", "left-foot", "right-foot"}, {"burning", "electric-shocks"}),
                   with_body("2026-11-20", 20, {}, {"pins-and-needles"}), with_body("2026-11-21", 8, {}, {}),
                   with_body("2026-11-21", 9, {"left-knee"}, {})})
        diary.add(e);
    return diary;
}

std::string exported(Diary& diary, ExportFormat format) {
    std::ostringstream out;
    write_export(diary, format, std::nullopt, std::nullopt, *parse_iso_instant("2026-11-22T20:00:00Z"), out);
    return out.str();
}

}  // namespace

TEST_CASE("CSV and JSON carry regions and qualities and round-trip byte for byte") {
    auto diary = body_diary();
    auto csv = exported(diary, ExportFormat::entries_csv);
    CHECK(csv.find(",lower-back;left-foot;right-foot,burning;electric-shocks\r\n") != std::string::npos);
    CHECK(csv.find(",,pins-and-needles\r\n") != std::string::npos);
    auto json = exported(diary, ExportFormat::json);
    SUBCASE("CSV") {
        auto parsed = parse_painlog_csv(csv, rules());
        REQUIRE(parsed.problems.empty());
        auto fresh = Diary::in_memory();
        (void)import_data(fresh, parsed.data, DryRun::no);
        CHECK(exported(fresh, ExportFormat::entries_csv) == csv);
        CHECK(fresh.entries() == diary.entries());
    }
    SUBCASE("JSON") {
        auto parsed = parse_painlog_json(json, rules());
        REQUIRE(parsed.problems.empty());
        auto fresh = Diary::in_memory();
        (void)import_data(fresh, parsed.data, DryRun::no);
        CHECK(exported(fresh, ExportFormat::json) == json);
    }
    SUBCASE("importing again adds nothing; an entry differing only in a region is another entry") {
        auto parsed = parse_painlog_json(json, rules());
        auto counts = import_data(diary, parsed.data, DryRun::no);
        CHECK(counts.entries_added == 0);
        CHECK(counts.entries_skipped == 4);
        parsed.data.entries[3].regions = {"right-knee"};
        counts = import_data(diary, parsed.data, DryRun::no);
        CHECK(counts.entries_added == 1);
    }
}

TEST_CASE("import takes any spelling, in CSV ';' or ',' lists, and files without the columns") {
    auto parsed = parse_painlog_csv("time,zone,pain,regions,qualities\n"
                                    "2026-11-20T08:00:00Z,UTC,5,Feet;L-knee,\"Electric, numb\"\n"
                                    "2026-11-20T09:00:00Z,UTC,5,,\n",
                                    rules());
    REQUIRE(parsed.problems.empty());
    CHECK(parsed.data.entries[0].regions == std::vector<std::string>{"left-knee", "left-foot", "right-foot"});
    CHECK(parsed.data.entries[0].qualities == std::vector<std::string>{"electric-shocks", "numbness"});
    CHECK(parsed.data.entries[1].regions.empty());
    auto old = parse_painlog_json(R"({"format":"painlog","format_version":1,"entries":[)"
                                  R"({"time":"2026-11-20T08:00:00Z","zone":"UTC","pain":5}]})",
                                  rules());
    REQUIRE(old.problems.empty());
    CHECK(old.data.entries[0].regions.empty());
}

TEST_CASE("a bad name in an import is a problem naming the line, the column and the closest names") {
    auto csv = parse_painlog_csv("time,zone,pain,regions,qualities\n"
                                 "2026-11-20T08:00:00Z,UTC,5,left-fot,\n"
                                 "2026-11-20T09:00:00Z,UTC,5,,burnign;aching\n",
                                 rules());
    REQUIRE(csv.problems.size() == 2);
    CHECK(describe(csv.problems[0], "f.csv") == "f.csv:2: column regions: left-fot: unknown body region; did you mean "
                                               "left-foot? (painlog body regions lists all 44)");
    CHECK(describe(csv.problems[1], "f.csv") == "f.csv:3: column qualities: burnign,aching (burnign): unknown pain "
                                               "quality; did you mean burning? (painlog body qualities lists all 21)");
    auto json = parse_painlog_json(R"({"format":"painlog","format_version":1,"entries":[)"
                                   R"({"time":"2026-11-20T08:00:00Z","zone":"UTC","regions":["feet",7,"a;b",""],)"
                                   R"("qualities":"burning"}]})",
                                   rules());
    std::vector<std::string> messages;
    for (const auto& p : json.problems) messages.push_back(describe(p, "f.json"));
    CHECK(messages == std::vector<std::string>{"f.json:1: column qualities: \"burning\": expected an array of names",
                                               "f.json:1: column regions: 7: expected a name",
                                               "f.json:1: column regions: \"a;b\": expected one name",
                                               "f.json:1: column regions: \"\": expected one name"});
}

TEST_CASE("FHIR: the pain Observation's bodySite and a component per region and quality") {
    auto one = with_body("2026-11-20", 8, {"left-foot"}, {"burning"});
    one.id = 7;
    auto obs = fhir_observations(one);
    REQUIRE(obs.size() == 1);
    const auto& pain = obs[0];
    CHECK(pain["code"]["coding"][0]["code"] == "72514-3");
    CHECK(pain["bodySite"].dump() ==
          R"({"coding":[{"system":"urn:painlog:body-region","code":"left-foot","display":"left foot"},)"
          R"({"system":"http://snomed.info/sct","code":"22335008","display":"Structure of left foot"}],)"
          R"("text":"left foot"})");
    REQUIRE(pain["component"].size() == 2);
    CHECK(pain["component"][0]["code"]["coding"][0]["code"] == "pain-site");
    CHECK(pain["component"][0]["valueCodeableConcept"] == pain["bodySite"]);
    CHECK(pain["component"][1]["code"]["coding"][0]["code"] == "pain-quality");
    CHECK(pain["component"][1]["valueCodeableConcept"].dump() ==
          R"({"coding":[{"system":"urn:painlog:pain-quality","code":"burning","display":"burning"}],"text":"burning"})");
    // Several regions: the bodySite names them; each component codes one;
    // a region without a verified SNOMED CT code has painlog's alone.
    auto several = with_body("2026-11-20", 8, {"left-face", "lower-back"}, {});
    auto o = fhir_observations(several)[0];
    CHECK(o["bodySite"].dump() == R"({"text":"left face, lower back"})");
    CHECK(o["component"][0]["valueCodeableConcept"]["coding"].size() == 1);
    CHECK(o["component"][1]["valueCodeableConcept"]["coding"][1]["code"] == "37822005");
    // Without a pain rating: an Observation of its own, without a value.
    auto unrated = with_body("2026-11-20", 8, {"neck"}, {"stiff"});
    unrated.id = 9;
    unrated.rating(Rating::pain).reset();
    unrated.rating(Rating::mood) = 4;
    auto list = fhir_observations(unrated);
    REQUIRE(list.size() == 2);
    CHECK(list[1]["id"] == "entry-9-pain-site");
    CHECK(list[1]["code"]["coding"][0]["code"] == "pain-site");
    CHECK_FALSE(list[1].contains("valueInteger"));
    CHECK(list[1]["component"].size() == 2);
    CHECK_FALSE(list[0].contains("bodySite"));  // the mood Observation
    // No regions, no qualities: the pain Observation as before.
    CHECK_FALSE(fhir_observations(with_body("2026-11-20", 8, {}, {}))[0].contains("component"));
}

TEST_CASE("FHIR: every SNOMED CT code is a region's, each region at most once") {
    std::size_t coded = 0;
    for (const auto& r : body_regions()) {
        if (auto code = snomed_body_site(r.name)) {
            ++coded;
            CHECK(code->code.find_first_not_of("0123456789") == std::string_view::npos);
        }
    }
    CHECK(coded == 23);
    CHECK_FALSE(snomed_body_site("left-thigh"));
    CHECK_FALSE(snomed_body_site("spleen"));
}

}  // namespace painlog::test_body_formats
