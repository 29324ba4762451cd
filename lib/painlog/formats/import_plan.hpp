// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every importer shares: the records a reader hands over, the sink it
// hands them to, and the writer that puts them into a diary. It stands apart
// from the formats so that each reader (painlog_csv, painlog_json, daylio)
// depends on this contract alone, and the writer is written once.
//
// Parsing never throws on bad input and never touches a diary, so the
// parsers can be fuzzed (parse_painlog_csv, parse_painlog_json, and read_csv
// underneath). The readers (read_painlog_csv, read_painlog_json) parse a stream and hand each
// valid record to an ImportSink as soon as it is read, until the first
// problem; the parse_* functions collect them from a text. Writing
// (import_records) inserts records as they come inside one transaction that
// it commits only when the reader found no problem, so that a file of any
// size is imported holding one record at a time, and all or nothing.
//
// Identity, for idempotent imports: two entries are the same entry when
// their instant (UTC, to the second), zone, ratings, sleep hours, note,
// tags, body regions and pain qualities are all equal; the id and the diary day are not part of it. An entry
// already in the diary, or met earlier in the same file, is skipped, so
// importing a file twice adds nothing the second time, and an entry edited
// since the export is added beside the old one rather than lost. Likewise an
// event is its kind, instant, zone, label and note; a questionnaire result
// its instrument, instant, zone and answers; a dose its medicine, amount,
// unit, as-needed flag, instant, zone and note.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "painlog/model/entry.hpp"
#include "painlog/model/event.hpp"
#include "painlog/model/medicine.hpp"
#include "painlog/model/questionnaire.hpp"
#include "painlog/time/time.hpp"

namespace painlog {

class Diary;

// One thing wrong with an input file. column is empty for a problem with a
// whole record (a wrong number of fields) or the file (bad quoting).
struct ImportProblem {
    std::size_t line = 0;
    std::string column;
    std::string message;
    friend bool operator==(const ImportProblem&, const ImportProblem&) = default;
};
// "FILE:LINE: column NAME: what is wrong" (or "FILE:LINE: what is wrong").
[[nodiscard]] std::string describe(const ImportProblem& problem, std::string_view file);

// Parsers stop collecting after this many problems.
inline constexpr std::size_t max_import_problems = 100;

// id > 0: the id the file gave (kept when free, see import_data).
struct ImportData {
    std::vector<Entry> entries;
    std::vector<Event> events;
    std::vector<QuestionnaireResult> results;
    std::vector<Dose> doses;
    friend bool operator==(const ImportData&, const ImportData&) = default;
};

struct ParsedImport {
    ImportData data;
    std::vector<ImportProblem> problems;  // empty: data is valid and complete
};

// What validation needs to know, passed in so that parsing stays pure.
struct ImportRules {
    Instant now;             // times after this are refused
    int day_start_hour = 0;  // for a record without a diary day
};

// Receives the records of a file one at a time, as a reader validates them.
class ImportSink {
public:
    virtual ~ImportSink() = default;
    virtual void entry(Entry entry) = 0;
    virtual void event(Event event) = 0;
    virtual void result(QuestionnaireResult result) = 0;
    virtual void dose(Dose dose) = 0;
    // Drops what was handed over of one kind: a JSON document that gives a
    // key twice means its last value, as nlohmann's DOM reads it.
    enum class Kind { entries, events, results, doses };
    virtual void forget(Kind kind) = 0;
};

enum class DryRun { no, yes };

struct ImportCounts {
    std::size_t entries_added = 0;
    std::size_t entries_skipped = 0;  // already in the diary or repeated in the file
    std::size_t events_added = 0;
    std::size_t events_skipped = 0;
    std::size_t results_added = 0;
    std::size_t results_skipped = 0;
    std::size_t doses_added = 0;
    std::size_t doses_skipped = 0;
};

// Called now and then while writing, with the number of records written.
using ImportProgress = std::function<void(std::size_t)>;

// Reads a file's records into the sink it is given; returns the problems.
using ImportReader = std::function<std::vector<ImportProblem>(ImportSink&)>;

// How new ids follow the entries: in the order read, or in time order (for
// Daylio, which lists the newest first and gives no ids to keep).
enum class EntryOrder { as_read, by_time };

struct ImportOutcome {
    ImportCounts counts;
    std::vector<ImportProblem> problems;  // not empty: nothing was written
};

// Adds the records that `read` hands over and that are not already in the
// diary (see Identity above) in one transaction, committed only when `read`
// reports no problem; with DryRun::yes it writes nothing and only counts.
// For each of entries, events, results and doses, the file's ids are kept when
// every one being added has one, they are distinct and none is taken in the
// diary (restoring into a new diary keeps them); otherwise all of that kind
// get new ids.
ImportOutcome import_records(Diary& diary, const ImportReader& read, DryRun dry_run, EntryOrder order,
                             const ImportProgress& progress = {});
// The same for records already parsed.
ImportCounts import_data(Diary& diary, const ImportData& data, DryRun dry_run, const ImportProgress& progress = {});

}  // namespace painlog
