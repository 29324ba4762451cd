// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include <fmt/format.h>

#include "painlog/formats/import_plan.hpp"
#include "painlog/formats/painlog_csv.hpp"
#include "painlog/formats/painlog_json.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/questionnaire_store.hpp"

namespace painlog::test_import {

namespace {

ImportRules rules() { return {*parse_iso_instant("2026-11-22T20:00:00Z"), 0}; }

const std::string header =
    "id,time,zone,day,pain,mood,energy,sleep_hours,sleep_quality,activity,tags_activity,tags_better,tags_worse,"
    "tags_side_effect,tags_medication,note\r\n";

}  // namespace

TEST_CASE("painlog CSV: every column is read back") {
    auto parsed = parse_painlog_csv(header +
                                        "7,2026-11-20T08:30:00+00:00,Europe/London,2026-11-20,6,4,5,7.5,3,2,"
                                        "'-swim;walk,heat,cold,nausea,'@ibuprofen 400,\"'=sum, \"\"x\"\"\n😀\"\r\n",
                                    rules());
    REQUIRE(parsed.problems.empty());
    REQUIRE(parsed.data.entries.size() == 1);
    const auto& e = parsed.data.entries[0];
    CHECK(e.id == 7);
    CHECK(format_utc(e.at) == "2026-11-20T08:30:00Z");
    CHECK(e.rating(Rating::pain) == 6);
    CHECK(e.rating(Rating::mood) == 4);
    CHECK(e.rating(Rating::energy) == 5);
    CHECK(e.sleep_hours == 7.5);
    CHECK(e.rating(Rating::sleep_quality) == 3);
    CHECK(e.rating(Rating::activity) == 2);
    CHECK(e.tags == std::vector<Tag>{{TagKind::activity, "-swim"},
                                     {TagKind::activity, "walk"},
                                     {TagKind::better, "heat"},
                                     {TagKind::worse, "cold"},
                                     {TagKind::side_effect, "nausea"}});
    CHECK(e.note == "=sum, \"x\"\n😀");
    // The tags_medication column of painlog before 0.2: a dose at the entry's
    // time, without an amount, as schema v7 migrates a diary's tags.
    REQUIRE(parsed.data.doses.size() == 1);
    CHECK(parsed.data.doses[0].medicine == "@ibuprofen 400");
    CHECK(parsed.data.doses[0].at == e.at);
    CHECK(parsed.data.doses[0].zone == "Europe/London");
    CHECK(format_day(parsed.data.doses[0].day) == "2026-11-20");
    CHECK_FALSE(parsed.data.doses[0].amount);
    CHECK_FALSE(parsed.data.doses[0].as_needed);
    // The same row renders back to the same bytes, less the medicines.
    CHECK(entries_csv(parsed.data.entries) ==
          "id,time,zone,day,pain,mood,energy,sleep_hours,sleep_quality,activity,tags_activity,tags_better,tags_worse,"
          "tags_side_effect,note,regions,qualities\r\n"
          "7,2026-11-20T08:30:00+00:00,Europe/London,2026-11-20,6,4,5,7.5,3,2,"
          "'-swim;walk,heat,cold,nausea,\"'=sum, \"\"x\"\"\n😀\",,\r\n");
}

TEST_CASE("painlog CSV: a minimal header; the day comes from the day-start hour") {
    auto r = rules();
    r.day_start_hour = 4;
    auto parsed = parse_painlog_csv("zone,time,pain\nEurope/London,2026-11-20T01:30:00Z,3\n", r);
    REQUIRE(parsed.problems.empty());
    CHECK(format_day(parsed.data.entries[0].day) == "2026-11-19");
    CHECK(parsed.data.entries[0].id == 0);
}

TEST_CASE("painlog CSV: each bad value is reported as LINE, column, what is wrong") {
    auto parsed = parse_painlog_csv(header +
                                        "1,2026-11-20T08:30:00+00:00,Europe/London,2026-11-20,11,,,,,,,,,,,\r\n"
                                        "2,2026-11-20T08:30,Europe/London,,1,,,,,,,,,,,\r\n"
                                        "3,2026-11-20T08:30:00Z,Mars/Olympus,,1,,,,,,,,,,,\r\n"
                                        "4,2026-11-20T08:30:00Z,Europe/London,2026-11-25,1,,,,,,,,,,,\r\n"
                                        "5,2026-11-20T08:30:00Z,Europe/London,,,,,7.55,,,,,,,,\r\n"
                                        "7,2026-11-23T08:30:00Z,Europe/London,,1,,,,,,,,,,,\r\n"
                                        "x,2026-11-20T08:30:00Z,Europe/London,,1,,,,,,,,,,,\r\n"
                                        "9,2026-11-20T08:30:00Z,Europe/London,,1\r\n",
                                    rules());
    CHECK(parsed.data.entries.empty());
    REQUIRE(parsed.problems.size() == 8);
    CHECK(parsed.problems[0] == ImportProblem{2, "pain", "11: expected a whole number from 0 to 10"});
    CHECK(parsed.problems[1] ==
          ImportProblem{3, "time", "2026-11-20T08:30: expected a time with its offset, like 2026-11-22T08:30:00+00:00, in the years 1900 to 9999"});
    CHECK(parsed.problems[2] ==
          ImportProblem{4, "zone", "'Mars/Olympus': expected an IANA time zone name like Europe/London"});
    CHECK(parsed.problems[3] == ImportProblem{5, "day",
                                              "2026-11-25: is not the diary day of 2026-11-20T08:30:00+00:00 in "
                                              "Europe/London (expected 2026-11-20 or 2026-11-19)"});
    CHECK(parsed.problems[4].column == "sleep_hours");
    CHECK(parsed.problems[5] == ImportProblem{7, "time",
                                              "2026-11-23T08:30:00Z: is in the future (now is 2026-11-22T20:00:00Z)"});
    CHECK(parsed.problems[6] == ImportProblem{8, "id", "x: expected a positive whole number"});
    CHECK(parsed.problems[7] == ImportProblem{9, "", "5 fields: expected 16 as in the header"});
    CHECK(describe(parsed.problems[0], "a.csv") == "a.csv:2: column pain: 11: expected a whole number from 0 to 10");
    CHECK(describe(parsed.problems[7], "a.csv") == "a.csv:9: 5 fields: expected 16 as in the header");
}

TEST_CASE("painlog CSV: wrong headers, empty and binary files") {
    auto unknown = parse_painlog_csv("time,zone,pian\n", rules());
    REQUIRE(unknown.problems.size() == 1);
    CHECK(unknown.problems[0].line == 1);
    CHECK(unknown.problems[0].column == "pian");
    auto missing = parse_painlog_csv("time,pain\n", rules());
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0] == ImportProblem{1, "zone", "missing from the header"});
    auto repeated = parse_painlog_csv("time,zone,pain,pain\n", rules());
    REQUIRE(repeated.problems.size() == 1);
    CHECK(repeated.problems[0].message == "repeated column");
    auto empty = parse_painlog_csv("", rules());
    REQUIRE(empty.problems.size() == 1);
    CHECK(empty.problems[0].message.starts_with("empty file"));
    auto binary = parse_painlog_csv(std::string("\x7f" "ELF\x02\x01\x01\0\0", 9), rules());
    REQUIRE(binary.problems.size() == 1);
    CHECK(binary.problems[0].line == 1);
    auto truncated = parse_painlog_csv(header + "1,2026-11-20T08:30:00Z,Europe/London,,1,,,,,,,,,,,\"cut sh", rules());
    REQUIRE(truncated.problems.size() == 1);
    CHECK(truncated.problems[0].line == 2);
    CHECK(truncated.problems[0].message.find("truncated") != std::string::npos);
}

TEST_CASE("painlog CSV: problems stop at max_import_problems") {
    std::string csv = "time,zone,pain\n";
    for (int i = 0; i < 500; ++i) csv += "2026-11-20T08:30:00Z,Europe/London,99\n";
    auto parsed = parse_painlog_csv(csv, rules());
    CHECK(parsed.problems.size() == max_import_problems);
}

TEST_CASE("painlog CSV: an events file is recognised by its kind column") {
    auto parsed = parse_painlog_csv("id,kind,label,time,zone,day,note\r\n"
                                    "4,infusion,ketamine 0.5 mg/kg,2026-11-02T10:00:00+00:00,Europe/London,2026-11-02,\"first, of three\"\r\n"
                                    "5,appointment,follow-up,2026-12-01T10:00:00+00:00,Europe/London,2026-12-01,\r\n",
                                    rules());
    REQUIRE(parsed.problems.empty());
    REQUIRE(parsed.data.events.size() == 2);
    CHECK(parsed.data.events[0].kind == EventKind::infusion);
    CHECK(parsed.data.events[0].label == "ketamine 0.5 mg/kg");
    CHECK(parsed.data.events[0].note == "first, of three");
    CHECK(parsed.data.events[1].kind == EventKind::appointment);  // appointments may lie ahead
    auto future = parse_painlog_csv("kind,time,zone,not_given\ninfusion,2026-12-01T10:00:00Z,Europe/London,\n"
                                    "other,2026-12-01T10:00:00Z,Europe/London,\n"
                                    "bath,2026-11-01T10:00:00Z,UTC,\ninfusion,2026-11-01T10:00:00Z,UTC,skipped\n",
                                    rules());
    REQUIRE(future.problems.size() == 3);
    CHECK(future.problems[0].column == "time");  // a booked infusion is fine, another kind is not
    CHECK(future.problems[0].line == 3);
    CHECK(future.problems[0].message.find("only appointments and infusions") != std::string::npos);
    CHECK(future.problems[1].column == "kind");
    CHECK(future.problems[2].column == "not_given");
    CHECK(future.problems[2].message == "skipped: expected postponed or cancelled");
    auto cancelled = parse_painlog_csv("kind,time,zone,not_given\ninfusion,2026-11-01T10:00:00Z,UTC,cancelled\n", rules());
    REQUIRE(cancelled.problems.empty());
    CHECK(cancelled.data.events[0].not_given == NotGiven::cancelled);
}

TEST_CASE("painlog JSON: problems name the line where the element starts") {
    std::string json = R"({
  "format": "painlog",
  "format_version": 1,
  "entries": [
    {"time": "2026-11-20T08:30:00+00:00", "zone": "Europe/London", "pain": 3},
    {
      "time": "2026-11-20T09:30:00+00:00",
      "zone": "Europe/London",
      "pain": "6"
    }
  ],
  "questionnaires": [
    {"instrument": "gad7", "time": "2026-11-20T08:30:00+00:00", "zone": "UTC", "answers": [1,1,1,1,1,1,1], "score": 8}
  ]
}
)";
    auto parsed = parse_painlog_json(json, rules());
    REQUIRE(parsed.problems.size() == 2);
    CHECK(parsed.problems[0] == ImportProblem{6, "pain", "\"6\": expected a whole number or null"});
    CHECK(parsed.problems[1] == ImportProblem{13, "score", "8.0: does not match the answers (expected 7.0)"});
}

TEST_CASE("painlog JSON: syntax errors, wrong versions and other documents") {
    auto syntax = parse_painlog_json("{\n  \"format\": \"painlog\",\n  \"entries\": [\n", rules());
    REQUIRE(syntax.problems.size() == 1);
    CHECK(syntax.problems[0].line == 4);
    CHECK(syntax.problems[0].message.starts_with("not valid JSON"));
    auto version = parse_painlog_json(R"({"format": "painlog", "format_version": 2, "entries": []})", rules());
    REQUIRE(version.problems.size() == 1);
    CHECK(version.problems[0].column == "format_version");
    auto other = parse_painlog_json("[1, 2]", rules());
    REQUIRE(other.problems.size() == 1);
    CHECK(parse_painlog_json("  \n", rules()).problems.at(0).message.starts_with("empty file"));
}

TEST_CASE("import_data: one transaction, idempotent, ids kept only when all are free") {
    auto diary = Diary::in_memory();
    auto parsed = parse_painlog_csv("id,time,zone,pain,note\n"
                                    "5,2026-11-20T08:30:00Z,Europe/London,3,a\n"
                                    "9,2026-11-21T08:30:00Z,Europe/London,4,b\n"
                                    "9,2026-11-21T08:30:00Z,Europe/London,4,b\n",  // a repeat in the same file
                                    rules());
    REQUIRE(parsed.problems.empty());
    auto dry = import_data(diary, parsed.data, DryRun::yes);
    CHECK(dry.entries_added == 2);
    CHECK(dry.entries_skipped == 1);
    CHECK(diary.entries().empty());

    auto first = import_data(diary, parsed.data, DryRun::no);
    CHECK(first.entries_added == 2);
    auto stored = diary.entries();
    REQUIRE(stored.size() == 2);
    CHECK(stored[0].id == 5);
    CHECK(stored[1].id == 9);

    auto again = import_data(diary, parsed.data, DryRun::no);
    CHECK(again.entries_added == 0);
    CHECK(again.entries_skipped == 3);
    CHECK(diary.entries().size() == 2);

    // The same instant with a different note is a different entry; id 5 is
    // taken, so it gets a new one.
    auto edited = parse_painlog_csv("id,time,zone,pain,note\n5,2026-11-20T08:30:00Z,Europe/London,3,a!\n", rules());
    auto third = import_data(diary, edited.data, DryRun::no);
    CHECK(third.entries_added == 1);
    stored = diary.entries();
    REQUIRE(stored.size() == 3);
    CHECK(stored[1].note == "a!");
    CHECK(stored[1].id == 10);
}

TEST_CASE("import_data: events and questionnaire results are idempotent too") {
    auto diary = Diary::in_memory();
    auto parsed = parse_painlog_json(R"({"format": "painlog", "format_version": 1,
      "events": [{"id": 3, "kind": "infusion", "label": "ketamine", "time": "2026-11-02T10:00:00Z", "zone": "UTC", "day": null, "note": ""}],
      "questionnaires": [{"id": 2, "instrument": "peg", "time": "2026-11-02T10:00:00Z", "zone": "UTC", "answers": [4, 5, 5]}]})",
                                     rules());
    REQUIRE(parsed.problems.empty());
    auto first = import_data(diary, parsed.data, DryRun::no);
    CHECK(first.events_added == 1);
    CHECK(first.results_added == 1);
    auto stored = events(diary);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].id == 3);
    auto results = questionnaire_results(diary);
    REQUIRE(results.size() == 1);
    CHECK(results[0].id == 2);
    CHECK(results[0].answers == std::vector<int>{4, 5, 5});
    CHECK(results[0].score == doctest::Approx(14.0 / 3));
    auto again = import_data(diary, parsed.data, DryRun::no);
    CHECK(again.events_skipped == 1);
    CHECK(again.results_skipped == 1);
    CHECK(events(diary).size() == 1);
}

TEST_CASE("import_data stores times and days exactly as Diary::add does") {
    auto imported = Diary::in_memory();
    auto added = Diary::in_memory();
    auto parsed = parse_painlog_csv("time,zone,day,pain\n"
                                    "1901-01-02T03:04:05Z,UTC,,1\n"
                                    "2026-03-29T00:59:59Z,Europe/London,2026-03-28,2\n",
                                    rules());
    REQUIRE(parsed.problems.empty());
    (void)import_data(imported, parsed.data, DryRun::no);
    for (auto e : parsed.data.entries) added.add(e);
    auto text = [](Diary& d) {
        std::string out;
        SQLite::Statement st(d.db(), "SELECT at || ' ' || day FROM entry ORDER BY id");
        while (st.executeStep()) out += st.getColumn(0).getString() + "\n";
        return out;
    };
    CHECK(text(imported) == "1901-01-02T03:04:05Z 1901-01-02\n2026-03-29T00:59:59Z 2026-03-28\n");
    CHECK(text(imported) == text(added));
}

TEST_CASE("import refuses times outside the years 1900 to 9999") {
    auto parsed = parse_painlog_csv("time,zone,day,pain\n0999-01-02T03:04:05Z,UTC,,1\n", rules());
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].message ==
          "0999-01-02T03:04:05Z: expected a time with its offset, like 2026-11-22T08:30:00+00:00, in the years 1900 to 9999");
}

TEST_CASE("a bad record after the problem list is full is still refused") {
    // Found by fuzz_import_csv: once max_import_problems were listed, an
    // event with an unknown zone looked clean and reached the zone lookup.
    std::string csv = "time,zone,kind\n";
    for (std::size_t i = 0; i < max_import_problems + 5; ++i) csv += "bad,Europe/London,infusion\n";
    csv += "2026-11-01T10:00:00Z,Europe/Londn,infusion\n";
    auto parsed = parse_painlog_csv(csv, rules());
    CHECK(parsed.problems.size() == max_import_problems);
    CHECK(parsed.data.events.empty());
}

namespace {

ImportOutcome import_csv(Diary& diary, const std::string& text, DryRun dry_run) {
    std::istringstream in(text);
    return import_records(
        diary, [&](ImportSink& sink) { return read_painlog_csv(in, rules(), sink); }, dry_run, EntryOrder::as_read);
}

std::vector<std::int64_t> ids(Diary& diary) {
    std::vector<std::int64_t> out;
    for (const auto& e : diary.entries()) out.push_back(e.id);
    return out;
}

}  // namespace

TEST_CASE("import_records writes as it reads, and a bad record later in the file leaves the diary unchanged") {
    auto diary = Diary::in_memory();
    std::string good = "time,zone,pain,tags_worse\n";
    for (int i = 0; i < 3000; ++i) good += fmt::format("2026-11-{:02}T{:02}:{:02}:00Z,UTC,{},cold\n", 1 + i / 200, i / 60 % 24, i % 60, i % 11);
    auto bad = import_csv(diary, good + "2026-11-21T08:30:00Z,UTC,11,\n", DryRun::no);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].line == 3002);
    CHECK(bad.problems[0].column == "pain");
    CHECK(diary.entries().empty());
    CHECK(diary.db().execAndGet("SELECT count(*) FROM entry_tag").getInt() == 0);
    auto ok = import_csv(diary, good, DryRun::no);
    CHECK(ok.problems.empty());
    CHECK(ok.counts.entries_added == 3000);
    CHECK(diary.entries().size() == 3000);
}

TEST_CASE("import_records: a dry run writes nothing and still counts repeats within the file") {
    auto diary = Diary::in_memory();
    std::string csv = "time,zone,pain\n2026-11-20T08:30:00Z,UTC,3\n2026-11-20T08:30:00Z,UTC,3\n2026-11-20T08:30:00Z,UTC,4\n";
    auto dry = import_csv(diary, csv, DryRun::yes);
    CHECK(dry.counts.entries_added == 2);
    CHECK(dry.counts.entries_skipped == 1);
    CHECK(diary.entries().empty());
    auto real = import_csv(diary, csv, DryRun::no);
    CHECK(real.counts.entries_added == 2);
    CHECK(real.counts.entries_skipped == 1);
    auto again = import_csv(diary, csv, DryRun::yes);
    CHECK(again.counts.entries_added == 0);
    CHECK(again.counts.entries_skipped == 3);
}

TEST_CASE("import_records: ids kept while free; a later entry without one renumbers those already written") {
    auto diary = Diary::in_memory();
    Entry first;
    first.at = *parse_iso_instant("2026-11-01T08:00:00Z");
    first.zone = "UTC";
    first.day = Day{date::year{2026} / 11 / 1};
    first.rating(Rating::pain) = 1;
    diary.add(first);
    std::string csv = "id,time,zone,pain,tags_worse\n"
                      "7,2026-11-20T08:30:00Z,UTC,3,cold\n"
                      "5,2026-11-19T08:30:00Z,UTC,4,stairs\n"
                      ",2026-11-18T08:30:00Z,UTC,5,\n";
    auto streamed = import_csv(diary, csv, DryRun::no);
    REQUIRE(streamed.problems.empty());
    // As import_data numbers them: the file's order, after the diary's last id.
    auto parsed = parse_painlog_csv(csv, rules());
    auto whole = Diary::in_memory();
    whole.add(first);
    (void)import_data(whole, parsed.data, DryRun::no);
    CHECK(ids(diary) == std::vector<std::int64_t>{1, 4, 3, 2});
    CHECK(diary.entries() == whole.entries());
    CHECK(diary.get(2).tags == std::vector<Tag>{{TagKind::worse, "cold"}});
    CHECK(diary.get(3).tags == std::vector<Tag>{{TagKind::worse, "stairs"}});
    CHECK(diary.db().execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
    auto kept = Diary::in_memory();
    REQUIRE(import_csv(kept, "id,time,zone,pain\n7,2026-11-20T08:30:00Z,UTC,3\n5,2026-11-19T08:30:00Z,UTC,4\n",
                       DryRun::no).problems.empty());
    CHECK(ids(kept) == std::vector<std::int64_t>{5, 7});
}

TEST_CASE("painlog JSON read as a stream: a NUL after the document, a key given twice, an overflowing number") {
    using namespace std::string_literals;
    auto nul = parse_painlog_json("{\"format\": \"painlog\", \"format_version\": 1}\n\0\n"s, rules());
    REQUIRE(nul.problems.size() == 1);
    CHECK(nul.problems[0] == ImportProblem{2, "", "NUL byte: this is not a text file"});
    auto overflow = parse_painlog_json("{\"a\": 1e999}", rules());
    REQUIRE(overflow.problems.size() == 1);
    CHECK(overflow.problems[0].message == "not valid JSON: [json.exception.out_of_range.406] number overflow parsing '1e999'");

    // The last "entries" counts, as when the document was parsed whole.
    std::string twice = R"({"format": "painlog", "format_version": 1,
      "entries": [{"time": "2026-11-20T08:30:00Z", "zone": "UTC", "pain": 3}],
      "events": [{"kind": "infusion", "time": "2026-11-02T10:00:00Z", "zone": "UTC"}],
      "entries": [{"time": "2026-11-21T08:30:00Z", "zone": "UTC", "pain": 4}],
      "events": []})";
    auto parsed = parse_painlog_json(twice, rules());
    REQUIRE(parsed.problems.empty());
    REQUIRE(parsed.data.entries.size() == 1);
    CHECK(parsed.data.entries[0].rating(Rating::pain) == 4);
    CHECK(parsed.data.events.empty());
    for (auto dry_run : {DryRun::yes, DryRun::no}) {
        auto diary = Diary::in_memory();
        std::istringstream in(twice);
        auto outcome = import_records(
            diary, [&](ImportSink& sink) { return read_painlog_json(in, rules(), sink); }, dry_run, EntryOrder::as_read);
        CHECK(outcome.counts.entries_added == 1);
        CHECK(outcome.counts.events_added == 0);
        CHECK(diary.entries().size() == (dry_run == DryRun::no ? 1 : 0));
    }
}

}  // namespace painlog::test_import
