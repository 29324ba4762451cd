// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "painlog/formats/export.hpp"
#include "painlog/formats/fhir.hpp"
#include "painlog/formats/import_plan.hpp"
#include "painlog/formats/painlog_csv.hpp"
#include "painlog/formats/painlog_json.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/questionnaire_store.hpp"

namespace painlog::test_export {

namespace {

Instant at(std::string_view text) { return *parse_iso_instant(text); }

// A diary with every kind of value, awkward notes, an event and each instrument.
Diary sample_diary() {
    auto diary = Diary::in_memory();
    auto london = locate_zone("Europe/London");
    Entry a;
    a.at = at("2026-11-20T08:30:00Z");
    a.zone = "Europe/London";
    a.day = diary_day(a.at, london, 0);
    for (auto r : all_ratings) a.rating(r) = 3;
    a.sleep_hours = 7.5;
    a.note = "He said \"hi\", then left\nline two 😀\n=SUM(A1:A2)";
    for (auto kind : all_tag_kinds) add_tag(a.tags, kind, std::string("-") + std::string(name_of(kind)));
    add_tag(a.tags, TagKind::activity, "walk");
    Entry b;  // recorded in New York, entered second but earlier in time
    b.at = at("2026-11-19T23:00:00Z");
    b.zone = "America/New_York";
    b.day = diary_day(b.at, locate_zone(b.zone), 0);
    b.rating(Rating::pain) = 0;
    b.note = "@mention +plus\ttab";
    diary.add(a);
    diary.add(b);
    Event infusion{0, EventKind::infusion, "ketamine, 0.5 mg/kg", at("2026-11-18T10:00:00Z"), "Europe/London",
                   Day{date::year{2026} / 11 / 18}, "=first", std::nullopt};
    add_event(diary, infusion);
    for (auto [instrument, answers] : {std::pair{Instrument::phq9, std::vector<int>{1, 1, 2, 0, 0, 1, 0, 0, 1}},
                                       {Instrument::gad7, std::vector<int>{0, 1, 2, 3, 0, 1, 2}},
                                       {Instrument::peg, std::vector<int>{4, 5, 5}}}) {
        QuestionnaireResult r;
        r.instrument = instrument;
        r.at = at("2026-11-18T12:00:00Z");
        r.zone = "Europe/London";
        r.day = Day{date::year{2026} / 11 / 18};
        r.answers = answers;
        add_result(diary, r);
    }
    // A dose as needed, a patch, and one from a --med tag (no amount, no flag).
    for (auto [spec, time, as_needed] : {std::tuple{"oxycodone 5mg", "2026-11-20T09:00:00Z", std::optional(true)},
                                         {"fentanyl 12.5 mcg/h", "2026-11-19T08:00:00Z", std::optional(false)},
                                         {"=lyrica", "2026-11-20T08:30:00Z", std::optional<bool>()}}) {
        auto parsed = parse_dose_spec(spec, "");
        Dose d;
        d.medicine = parsed.medicine;
        d.amount = parsed.amount;
        d.as_needed = as_needed;
        d.at = at(time);
        d.zone = "Europe/London";
        d.day = diary_day(d.at, london, 0);
        d.note = as_needed ? "" : "\"quoted\", comma";
        add_dose(diary, d);
    }
    return diary;
}

ImportRules rules() { return {at("2026-11-22T20:00:00Z"), 0}; }

std::string exported(Diary& diary, ExportFormat format, std::optional<Day> from = {}, std::optional<Day> to = {}) {
    std::ostringstream out;
    write_export(diary, format, from, to, at("2026-11-22T20:00:00Z"), out);
    return out.str();
}

nlohmann::ordered_json export_json(Diary& diary, std::optional<Day> from = {}, std::optional<Day> to = {}) {
    return nlohmann::ordered_json::parse(exported(diary, ExportFormat::json, from, to));
}

// The documents as export built them whole before it streamed: the streamed
// bytes must stay exactly these.
std::string whole_json(Diary& diary) {
    nlohmann::ordered_json j;
    j["format"] = "painlog";
    j["format_version"] = export_format_version;
    j["entries"] = entries_json(diary.entries());
    auto& events = j["events"] = nlohmann::ordered_json::array();
    for (const auto& e : painlog::events(diary)) events.push_back(event_json(e));
    auto& results = j["questionnaires"] = nlohmann::ordered_json::array();
    for (const auto& r : questionnaire_results(diary, std::nullopt, {}, {})) results.push_back(questionnaire_json(r));
    auto& doses = j["doses"] = nlohmann::ordered_json::array();
    for (const auto& d : doses_in(diary, {}, {})) doses.push_back(dose_json(d));
    return j.dump(2) + "\n";
}

std::string whole_fhir(Diary& diary) {
    auto bundle = fhir_bundle_header(at("2026-11-22T20:00:00Z"));
    auto& list = bundle["entry"] = nlohmann::ordered_json::array();
    for (const auto& e : diary.entries())
        for (auto& o : fhir_observations(e)) list.push_back({{"resource", std::move(o)}});
    for (const auto& r : questionnaire_results(diary, std::nullopt, {}, {}))
        list.push_back({{"resource", fhir_observation(r)}});
    auto doses = doses_in(diary, {}, {});
    if (!doses.empty()) list.insert(list.begin(), nlohmann::ordered_json::object({{"resource", fhir_patient()}}));
    for (const auto& d : doses) list.push_back({{"resource", fhir_medication_statement(d)}});
    return bundle.dump(2) + "\n";
}

}  // namespace

TEST_CASE("export JSON: a format version and the three lists, in time order") {
    auto diary = sample_diary();
    auto j = export_json(diary);
    CHECK(j["format"] == "painlog");
    CHECK(j["format_version"] == 1);
    REQUIRE(j["entries"].size() == 2);
    CHECK(j["entries"][0]["id"] == 2);  // the New York entry is earlier
    CHECK(j["entries"][0]["time"] == "2026-11-19T18:00:00-05:00");
    CHECK(j["events"].size() == 1);
    CHECK(j["questionnaires"].size() == 3);
    CHECK(j["questionnaires"][0]["answers"] == nlohmann::ordered_json({1, 1, 2, 0, 0, 1, 0, 0, 1}));
}

TEST_CASE("export CSV of entries is exactly list's CSV") {
    auto diary = sample_diary();
    CHECK(exported(diary, ExportFormat::entries_csv) == entries_csv(diary.entries()));
}

TEST_CASE("streamed JSON and FHIR are byte for byte the documents built whole") {
    auto diary = sample_diary();
    CHECK(exported(diary, ExportFormat::json) == whole_json(diary));
    CHECK(exported(diary, ExportFormat::fhir) == whole_fhir(diary));
    auto empty = Diary::in_memory();
    CHECK(exported(empty, ExportFormat::json) == whole_json(empty));
    CHECK(exported(empty, ExportFormat::fhir) == whole_fhir(empty));
}

TEST_CASE("Diary::for_each_entry gives each entry its own tags, in time order, for every kind of query") {
    auto diary = sample_diary();
    Entry later;  // same instant as the New York entry: the id breaks the tie
    later.at = at("2026-11-19T23:00:00Z");
    later.zone = "UTC";
    later.day = Day{date::year{2026} / 11 / 19};
    add_tag(later.tags, TagKind::worse, "cold");
    diary.add(later);
    for (EntryQuery query : {EntryQuery{}, EntryQuery{Day{date::year{2026} / 11 / 20}, {}, {}},
                             EntryQuery{{}, Day{date::year{2026} / 11 / 19}, {}}, EntryQuery{{}, {}, 2}}) {
        std::vector<Entry> streamed;
        diary.for_each_entry(query, [&](Entry e) { streamed.push_back(std::move(e)); });
        std::vector<Entry> one_by_one;
        for (const auto& e : diary.entries(query)) one_by_one.push_back(diary.get(e.id));
        CHECK(streamed == one_by_one);
    }
    CHECK(diary.entries().size() == 3);
    CHECK(diary.entries({{}, {}, 2}).at(0).tags == std::vector<Tag>{{TagKind::worse, "cold"}});
}

TEST_CASE("export keeps a period by diary day") {
    auto diary = sample_diary();
    Day day{date::year{2026} / 11 / 19};
    auto j = export_json(diary, day, day);
    CHECK(j["entries"].size() == 1);
    CHECK(j["events"].empty());
    CHECK(j["questionnaires"].empty());
    CHECK(exported(diary, ExportFormat::events_csv, day, day) == "id,kind,label,time,zone,day,note,not_given\r\n");
}

TEST_CASE("round trip: export, import into an empty diary, export again gives the same bytes") {
    auto diary = sample_diary();
    SUBCASE("JSON") {
        auto first = exported(diary, ExportFormat::json);
        auto parsed = parse_painlog_json(first, rules());
        REQUIRE(parsed.problems.empty());
        auto fresh = Diary::in_memory();
        auto counts = import_data(fresh, parsed.data, DryRun::no);
        CHECK(counts.entries_added == 2);
        CHECK(counts.events_added == 1);
        CHECK(counts.results_added == 3);
        CHECK(exported(fresh, ExportFormat::json) == first);
    }
    SUBCASE("CSV: entries and events") {
        auto entries = exported(diary, ExportFormat::entries_csv);
        auto events = exported(diary, ExportFormat::events_csv);
        CHECK(events == "id,kind,label,time,zone,day,note,not_given\r\n"
                        "1,infusion,\"ketamine, 0.5 mg/kg\",2026-11-18T10:00:00+00:00,Europe/London,2026-11-18,'=first,\r\n");
        auto fresh = Diary::in_memory();
        for (const auto& text : {entries, events}) {
            auto parsed = parse_painlog_csv(text, rules());
            REQUIRE(parsed.problems.empty());
            (void)import_data(fresh, parsed.data, DryRun::no);
        }
        CHECK(exported(fresh, ExportFormat::entries_csv) == entries);
        CHECK(exported(fresh, ExportFormat::events_csv) == events);
        CHECK(fresh.entries() == diary.entries());
    }
}

}  // namespace painlog::test_export
