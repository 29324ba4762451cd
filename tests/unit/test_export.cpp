#include <doctest/doctest.h>

#include <string>

#include "painlog/diary.hpp"
#include "painlog/entry_format.hpp"
#include "painlog/export.hpp"
#include "painlog/import.hpp"

using namespace painlog;

namespace {

Instant at(std::string_view text) { return *parse_iso_instant(text); }

// A diary with every kind of value, awkward notes, an event and each instrument.
Diary sample_diary() {
    auto diary = Diary::in_memory();
    auto london = date::locate_zone("Europe/London");
    Entry a;
    a.at = at("2026-11-20T08:30:00Z");
    a.zone = "Europe/London";
    a.day = diary_day(a.at, london, 0);
    for (auto r : all_ratings) a.rating(r) = 3;
    a.sleep_hours = 7.5;
    a.note = "He said \"hi\", then left\nline two 😀\n=SUM(A1:A2)";
    for (auto kind : all_tag_kinds) add_tag(a.tags, {kind, std::string("-") + std::string(name_of(kind))});
    add_tag(a.tags, {TagKind::activity, "walk"});
    Entry b;  // recorded in New York, entered second but earlier in time
    b.at = at("2026-11-19T23:00:00Z");
    b.zone = "America/New_York";
    b.day = diary_day(b.at, date::locate_zone(b.zone), 0);
    b.rating(Rating::pain) = 0;
    b.note = "@mention +plus\ttab";
    diary.add(a);
    diary.add(b);
    Event infusion{0, EventKind::infusion, "ketamine, 0.5 mg/kg", at("2026-11-18T10:00:00Z"), "Europe/London",
                   Day{date::year{2026} / 11 / 18}, "=first"};
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
    return diary;
}

ImportRules rules() { return {at("2026-11-22T20:00:00Z"), 0}; }

}  // namespace

TEST_CASE("export JSON: a format version and the three lists, in time order") {
    auto diary = sample_diary();
    auto j = export_json(export_data(diary, {}, {}));
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
    CHECK(export_csv(export_data(diary, {}, {})) == entries_csv(diary.entries()));
}

TEST_CASE("export keeps a period by diary day") {
    auto diary = sample_diary();
    auto data = export_data(diary, Day{date::year{2026} / 11 / 19}, Day{date::year{2026} / 11 / 19});
    CHECK(data.entries.size() == 1);
    CHECK(data.events.empty());
    CHECK(data.results.empty());
}

TEST_CASE("round trip: export, import into an empty diary, export again gives the same bytes") {
    auto diary = sample_diary();
    auto data = export_data(diary, {}, {});

    SUBCASE("JSON") {
        auto first = export_json(data).dump(2);
        auto parsed = parse_painlog_json(first, rules());
        REQUIRE(parsed.problems.empty());
        auto fresh = Diary::in_memory();
        auto counts = import_data(fresh, parsed.data, DryRun::no);
        CHECK(counts.entries_added == 2);
        CHECK(counts.events_added == 1);
        CHECK(counts.results_added == 3);
        CHECK(export_json(export_data(fresh, {}, {})).dump(2) == first);
    }
    SUBCASE("CSV: entries and events") {
        auto entries = export_csv(data);
        auto events = events_csv(data.events);
        CHECK(events == "id,kind,label,time,zone,day,note\r\n"
                        "1,infusion,\"ketamine, 0.5 mg/kg\",2026-11-18T10:00:00+00:00,Europe/London,2026-11-18,'=first\r\n");
        auto fresh = Diary::in_memory();
        for (const auto& text : {entries, events}) {
            auto parsed = parse_painlog_csv(text, rules());
            REQUIRE(parsed.problems.empty());
            (void)import_data(fresh, parsed.data, DryRun::no);
        }
        auto again = export_data(fresh, {}, {});
        CHECK(export_csv(again) == entries);
        CHECK(events_csv(again.events) == events);
        CHECK(again.entries == data.entries);
    }
}
