// SPDX-License-Identifier: GPL-3.0-or-later
// The writer every importer shares: one transaction, the Identity checks
// and the choice of ids, written once so that a Daylio import and a restore
// from painlog's own export add and skip records by the same rules.

#include "painlog/formats/import_plan.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <unordered_set>

#include <fmt/format.h>

#include "painlog/model/body.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/store/schema.hpp"

namespace painlog {

std::string describe(const ImportProblem& problem, std::string_view file) {
    if (problem.column.empty()) return fmt::format("{}:{}: {}", file, problem.line, problem.message);
    return fmt::format("{}:{}: column {}: {}", file, problem.line, problem.column, problem.message);
}

namespace {

std::string identity_of(const Entry& e) {
    std::string key = std::to_string(e.at.time_since_epoch().count());
    key += '\x1f';
    key += e.zone;
    for (const auto& r : e.ratings) {
        key += '\x1f';
        if (r) key += std::to_string(*r);
    }
    key += '\x1f';
    if (e.sleep_hours) key += fmt::format("{:.1f}", *e.sleep_hours);
    key += '\x1f';
    key += e.note;
    for (const auto& tag : e.tags) {
        key += '\x1f';
        key += name_of(tag.kind);
        key += ':';
        key += tag.name;
    }
    for (const auto& region : e.regions) key += "\x1fregion:" + region;
    for (const auto& quality : e.qualities) key += "\x1fquality:" + quality;
    return key;
}

std::string identity_of(const Event& e) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", name_of(e.kind), e.at.time_since_epoch().count(), e.zone,
                       e.label, e.note);
}

std::string identity_of(const QuestionnaireResult& r) {
    std::string answers;
    for (int a : r.answers) answers += std::to_string(a) + ",";
    return fmt::format("{}\x1f{}\x1f{}\x1f{}", name_of(r.instrument), r.at.time_since_epoch().count(), r.zone,
                       answers);
}

std::string identity_of(const Dose& d) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", d.medicine, d.amount ? format_amount(*d.amount) : "",
                       d.as_needed ? (*d.as_needed ? "1" : "0") : "", d.at.time_since_epoch().count(), d.zone,
                       d.note);
}

// Which of `items` are new (not in `existing`, not repeated), and whether
// their ids can be kept (all given, distinct, free in `table`).
template <typename T>
struct Plan {
    std::vector<const T*> add;
    std::size_t skipped = 0;
    bool keep_ids = false;
};

template <typename T>
Plan<T> plan(Diary& diary, const std::vector<T>& items, const std::vector<T>& existing, std::string_view table) {
    Plan<T> p;
    std::unordered_set<std::string> seen;
    seen.reserve(existing.size() + items.size());
    for (const auto& e : existing) seen.insert(identity_of(e));
    for (const auto& e : items) {
        if (seen.insert(identity_of(e)).second) p.add.push_back(&e);
        else ++p.skipped;
    }
    std::unordered_set<std::int64_t> ids;
    p.keep_ids = !p.add.empty();
    for (const auto* e : p.add)
        if (e->id <= 0 || !ids.insert(e->id).second) p.keep_ids = false;
    if (p.keep_ids) {
        SQLite::Statement taken(diary.db(), fmt::format("SELECT id FROM {}", table));
        while (p.keep_ids && taken.executeStep())
            if (ids.contains(taken.getColumn(0).getInt64())) p.keep_ids = false;
    }
    return p;
}

template <typename T>
std::pair<Day, Day> day_span(const std::vector<T>& items) {
    auto [lo, hi] = std::ranges::minmax(items, {}, &T::day);
    // Two days' margin: a record's day depends on the day-start hour.
    return {lo.day - date::days{2}, hi.day + date::days{2}};
}

constexpr std::string_view entry_insert =
    "INSERT INTO entry (id, at, zone, day, pain, mood, energy, sleep_quality, activity, sleep_hours, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// The entries at one instant, with the ratings in all_ratings order.
std::string same_instant_select() {
    std::string ratings;
    for (auto r : all_ratings) ratings += fmt::format("{}, ", name_of(r));
    return fmt::format("SELECT id, zone, {}sleep_hours, note FROM entry WHERE at = ?", ratings);
}

// Writes entries into the diary as a reader hands them over, so that no more
// than one is held: the diary itself, inside the import's transaction,
// remembers those already written for the Identity check. Events and
// questionnaire results are few; they are held and written at the end.
class DiaryWriter final : public ImportSink {
public:
    DiaryWriter(Diary& diary, DryRun dry_run, EntryOrder order, const ImportProgress& progress)
        : diary_(diary),
          dry_run_(dry_run),
          order_(order),
          progress_(progress),
          same_instant_(diary.db(), same_instant_select()),
          tags_of_(diary.db(), "SELECT kind, name FROM entry_tag WHERE entry_id = ?"),
          id_taken_(diary.db(), "SELECT 1 FROM entry WHERE id = ?"),
          insert_(diary.db(), std::string(entry_insert)),
          insert_tag_(diary.db(), "INSERT INTO entry_tag (entry_id, kind, name) VALUES (?, ?, ?)"),
          regions_of_(diary.db(), "SELECT region FROM entry_region WHERE entry_id = ?"),
          qualities_of_(diary.db(), "SELECT quality FROM entry_quality WHERE entry_id = ?"),
          insert_region_(diary.db(), "INSERT INTO entry_region (entry_id, region) VALUES (?, ?)"),
          insert_quality_(diary.db(), "INSERT INTO entry_quality (entry_id, quality) VALUES (?, ?)") {
        largest_id_ = base_id_ = diary.db().execAndGet("SELECT coalesce(max(id), 0) FROM entry").getInt64();
        latest_at_before_ = latest_at_ = diary.db().execAndGet("SELECT coalesce(max(at), '') FROM entry").getString();
        // Entries are the only rows written before finish: back to here forgets them.
        if (dry_run == DryRun::no) diary.db().exec("SAVEPOINT import_entries");
    }

    void entry(Entry e) override {
        auto at = format_utc(e.at);
        if (in_diary(e, at) || (dry_run_ == DryRun::yes && !seen_.insert(identity_of(e)).second)) {
            ++counts_.entries_skipped;
            return;
        }
        ++counts_.entries_added;
        if (dry_run_ == DryRun::no) insert(e, at);
    }
    void event(Event e) override { events_.push_back(std::move(e)); }
    void result(QuestionnaireResult r) override { results_.push_back(std::move(r)); }
    void dose(Dose d) override { doses_.push_back(std::move(d)); }
    void forget(Kind kind) override;

    ImportCounts finish();

private:
    bool in_diary(const Entry& e, const std::string& at);
    std::optional<std::int64_t> id_for(std::int64_t file_id);
    void insert(const Entry& e, const std::string& at);
    void insert_doses(const Plan<Dose>& doses);
    void renumber_new_entries(const std::function<void()>& fill_order, bool overlapping);
    void tick() {
        if (progress_ && ++done_ % 1000 == 0) progress_(done_);
    }

    Diary& diary_;
    DryRun dry_run_;
    EntryOrder order_;
    const ImportProgress& progress_;
    SQLite::Statement same_instant_, tags_of_, id_taken_, insert_, insert_tag_;
    SQLite::Statement regions_of_, qualities_of_, insert_region_, insert_quality_;
    ImportCounts counts_;
    std::vector<Event> events_;
    std::vector<QuestionnaireResult> results_;
    std::vector<Dose> doses_;
    std::unordered_set<std::string> seen_;  // a dry run's would-be entries, which are not written
    std::int64_t base_id_ = 0;              // the largest entry id before the import
    // The latest stored instant (UTC text, which sorts as time does) before
    // the import and now: an entry after it has no equal in the diary, and
    // most files are in time order, so most entries need no lookup.
    std::string latest_at_before_, latest_at_;
    bool keeping_ids_ = true;
    std::vector<std::int64_t> kept_ids_;
    std::int64_t largest_id_ = 0;  // the largest entry id in the diary now, while ids are kept
    std::int64_t provisional_ids_ = 0;  // EntryOrder::by_time: how many were written
    std::size_t done_ = 0;
};

// EntryOrder::by_time writes entries at ids this far above the diary's, out
// of the way of their final ids, which only the whole file decides.
constexpr std::int64_t provisional_offset = std::int64_t{1} << 40;

void DiaryWriter::forget(Kind kind) {
    if (kind == Kind::events) return events_.clear();
    if (kind == Kind::results) return results_.clear();
    if (kind == Kind::doses) return doses_.clear();
    if (dry_run_ == DryRun::no) diary_.db().exec("ROLLBACK TO import_entries");
    seen_.clear();
    counts_.entries_added = counts_.entries_skipped = 0;
    keeping_ids_ = true;
    kept_ids_.clear();
    largest_id_ = base_id_;
    provisional_ids_ = 0;
    latest_at_ = latest_at_before_;
}

// An entry's regions or qualities, read with `st` (which takes its id).
void read_names(SQLite::Statement& st, std::int64_t id, std::vector<std::string>& names,
                void (*add)(std::vector<std::string>&, std::string_view)) {
    st.reset();
    st.bind(1, id);
    while (st.executeStep()) add(names, st.getColumn(0).getText());
}

// Inserts an entry's regions or qualities with `st` (id, name).
void insert_names(SQLite::Statement& st, std::int64_t id, const std::vector<std::string>& names) {
    for (const auto& name : names) {
        st.bind(1, id);
        st.bindNoCopy(2, name);
        st.exec();
        st.reset();
    }
}

// Identity (import_plan.hpp) against the diary: an equal entry has the same
// instant, so only those need comparing, found by entry_by_at.
bool DiaryWriter::in_diary(const Entry& e, const std::string& at) {
    if (at > latest_at_) return false;
    same_instant_.reset();
    same_instant_.bind(1, at);
    std::string identity;
    while (same_instant_.executeStep()) {
        Entry old;
        old.at = e.at;
        old.zone = same_instant_.getColumn(1).getString();
        for (std::size_t i = 0; i < all_ratings.size(); ++i) {
            auto column = same_instant_.getColumn(static_cast<int>(2 + i));
            if (!column.isNull()) old.ratings[i] = column.getInt();
        }
        auto sleep = same_instant_.getColumn(static_cast<int>(2 + all_ratings.size()));
        if (!sleep.isNull()) old.sleep_hours = sleep.getDouble();
        old.note = same_instant_.getColumn(static_cast<int>(3 + all_ratings.size())).getString();
        tags_of_.reset();
        tags_of_.bind(1, same_instant_.getColumn(0).getInt64());
        while (tags_of_.executeStep())
            add_tag(old.tags, *tag_kind_named(tags_of_.getColumn(0).getText()), tags_of_.getColumn(1).getText());
        read_names(regions_of_, same_instant_.getColumn(0).getInt64(), old.regions, add_region);
        read_names(qualities_of_, same_instant_.getColumn(0).getInt64(), old.qualities, add_quality);
        if (identity.empty()) identity = identity_of(e);
        if (identity_of(old) == identity) {
            same_instant_.reset();
            return true;
        }
    }
    return false;
}

// The file's ids are kept while every entry added so far had a free one. The
// first that has none, or a taken one, decides that none are kept: those
// written so far are given the ids they would have had as new entries.
std::optional<std::int64_t> DiaryWriter::id_for(std::int64_t file_id) {
    if (order_ == EntryOrder::by_time) return base_id_ + provisional_offset + ++provisional_ids_;
    if (!keeping_ids_) return std::nullopt;
    if (file_id > 0) {
        bool free = file_id > largest_id_;
        if (!free) {
            id_taken_.reset();
            id_taken_.bind(1, file_id);
            free = !id_taken_.executeStep();
            // A statement left on its row would lock the tables that
            // renumbering drops and rewrites.
            id_taken_.reset();
        }
        if (free) {
            kept_ids_.push_back(file_id);
            largest_id_ = std::max(largest_id_, file_id);
            return file_id;
        }
    }
    keeping_ids_ = false;
    if (!kept_ids_.empty()) {
        renumber_new_entries([&] {
            SQLite::Statement add(diary_.db(), "INSERT INTO temp.import_order (old, new) VALUES (?, ?)");
            for (std::size_t i = 0; i < kept_ids_.size(); ++i) {
                add.bind(1, kept_ids_[i]);
                add.bind(2, base_id_ + static_cast<std::int64_t>(i) + 1);
                add.exec();
                add.reset();
            }
        }, true);
    }
    kept_ids_ = {};
    return std::nullopt;
}

// Moves entries (and their tags) from the ids in temp.import_order's old to
// those in its new; the foreign keys are checked at commit. When the two
// sets may overlap, through negative ids so that no two rows share one.
void DiaryWriter::renumber_new_entries(const std::function<void()>& fill_order, bool overlapping) {
    auto& db = diary_.db();
    db.exec("CREATE TEMP TABLE import_order (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)");
    fill_order();
    db.exec("PRAGMA defer_foreign_keys = ON");
    std::string_view old = "o.old";
    constexpr std::array children{"entry_tag", "entry_region", "entry_quality"};
    if (overlapping) {
        db.exec("UPDATE entry SET id = -id WHERE id IN (SELECT old FROM temp.import_order)");
        for (auto child : children)
            db.exec(fmt::format("UPDATE {} SET entry_id = -entry_id WHERE entry_id IN (SELECT old FROM "
                                "temp.import_order)",
                                child));
        old = "-o.old";
    }
    db.exec(fmt::format("UPDATE entry SET id = o.new FROM temp.import_order o WHERE entry.id = {}", old));
    for (auto child : children)
        db.exec(fmt::format("UPDATE {0} SET entry_id = o.new FROM temp.import_order o WHERE {0}.entry_id = {1}",
                            child, old));
    db.exec("DROP TABLE temp.import_order");
}

void DiaryWriter::insert(const Entry& e, const std::string& at) {
    if (auto id = id_for(e.id)) insert_.bind(1, *id);
    else insert_.bind(1);
    // The texts outlive exec(), so SQLite need not copy them.
    auto day = format_day(e.day);
    insert_.bindNoCopy(2, at);
    insert_.bindNoCopy(3, e.zone);
    insert_.bindNoCopy(4, day);
    int index = 5;
    for (auto r : {Rating::pain, Rating::mood, Rating::energy, Rating::sleep_quality, Rating::activity}) {
        if (e.rating(r)) insert_.bind(index, *e.rating(r));
        else insert_.bind(index);
        ++index;
    }
    if (e.sleep_hours) insert_.bind(10, *e.sleep_hours);
    else insert_.bind(10);
    insert_.bindNoCopy(11, e.note);
    insert_.exec();
    insert_.reset();
    latest_at_ = std::max(latest_at_, at);
    auto id = diary_.db().getLastInsertRowid();
    for (const auto& tag : e.tags) {
        insert_tag_.bind(1, id);
        insert_tag_.bind(2, std::string(name_of(tag.kind)));
        insert_tag_.bindNoCopy(3, tag.name);
        insert_tag_.exec();
        insert_tag_.reset();
    }
    insert_names(insert_region_, id, e.regions);
    insert_names(insert_quality_, id, e.qualities);
    tick();
}

ImportCounts DiaryWriter::finish() {
    if (provisional_ids_ > 0)
        renumber_new_entries(
            [&] {
                diary_.db().exec(fmt::format("INSERT INTO temp.import_order (old, new) SELECT id, {} + row_number() "
                                             "OVER (ORDER BY at, id) FROM entry WHERE id > {}",
                                             base_id_, base_id_ + provisional_offset));
            },
            false);
    std::vector<Event> old_events;
    std::vector<QuestionnaireResult> old_results;
    if (!events_.empty()) old_events = events(diary_);
    if (!results_.empty()) {
        auto [from, to] = day_span(results_);
        old_results = questionnaire_results(diary_, std::nullopt, from, to);
    }
    std::vector<Dose> old_doses;
    if (!doses_.empty()) {
        auto [from, to] = day_span(doses_);
        old_doses = doses_in(diary_, from, to);
    }
    auto new_events = plan(diary_, events_, old_events, "event");
    auto doses = plan(diary_, doses_, old_doses, "dose");
    counts_.doses_added = doses.add.size();
    counts_.doses_skipped = doses.skipped;
    auto results = plan(diary_, results_, old_results, "questionnaire");
    counts_.events_added = new_events.add.size();
    counts_.events_skipped = new_events.skipped;
    counts_.results_added = results.add.size();
    counts_.results_skipped = results.skipped;
    if (dry_run_ == DryRun::yes) return counts_;

    auto bind_id = [](SQLite::Statement& st, bool keep, std::int64_t id) {
        if (keep) st.bind(1, id);
        else st.bind(1);
    };
    SQLite::Statement insert_event(diary_.db(), "INSERT INTO event (id, kind, label, at, zone, day, note, not_given) "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto* e : new_events.add) {
        bind_id(insert_event, new_events.keep_ids, e->id);
        insert_event.bind(2, std::string(name_of(e->kind)));
        insert_event.bind(3, e->label);
        insert_event.bind(4, format_utc(e->at));
        insert_event.bind(5, e->zone);
        insert_event.bind(6, format_day(e->day));
        insert_event.bind(7, e->note);
        if (e->not_given) insert_event.bind(8, std::string(name_of(*e->not_given)));
        else insert_event.bind(8);
        insert_event.exec();
        insert_event.reset();
        tick();
    }
    SQLite::Statement insert_result(diary_.db(), "INSERT INTO questionnaire (id, instrument, at, zone, day, answers, "
                                                 "score) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto* r : results.add) {
        auto answers = answers_text(r->instrument, r->answers);
        bind_id(insert_result, results.keep_ids, r->id);
        insert_result.bind(2, std::string(name_of(r->instrument)));
        insert_result.bind(3, format_utc(r->at));
        insert_result.bind(4, r->zone);
        insert_result.bind(5, format_day(r->day));
        insert_result.bind(6, answers);
        insert_result.bind(7, r->score);
        insert_result.exec();
        insert_result.reset();
        tick();
    }
    insert_doses(doses);
    return counts_;
}

void DiaryWriter::insert_doses(const Plan<Dose>& doses) {
    SQLite::Statement insert(diary_.db(), "INSERT INTO dose (id, medicine, amount, unit, as_needed, at, zone, day, "
                                          "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto* d : doses.add) {
        if (doses.keep_ids) insert.bind(1, d->id);
        else insert.bind(1);
        insert.bind(2, d->medicine);
        if (d->amount) {
            insert.bind(3, d->amount->value);
            insert.bind(4, std::string(name_of(d->amount->unit)));
        } else {
            insert.bind(3);
            insert.bind(4);
        }
        if (d->as_needed) insert.bind(5, *d->as_needed ? 1 : 0);
        else insert.bind(5);
        insert.bind(6, format_utc(d->at));
        insert.bind(7, d->zone);
        insert.bind(8, format_day(d->day));
        insert.bind(9, d->note);
        insert.exec();
        insert.reset();
        tick();
    }
}

}  // namespace

ImportOutcome import_records(Diary& diary, const ImportReader& read, DryRun dry_run, EntryOrder order,
                             const ImportProgress& progress) {
    std::optional<Diary::WriteTransaction> transaction;
    if (dry_run == DryRun::no) transaction.emplace(diary);
    ImportOutcome outcome;
    // The writer's savepoint must come after the triggers are set aside, or
    // rolling back to it would bring them back.
    auto read_and_write = [&] {
        DiaryWriter writer(diary, dry_run, order, progress);
        outcome.problems = read(writer);
        if (outcome.problems.empty()) outcome.counts = writer.finish();
    };
    if (transaction) with_bulk_triggers_set_aside(diary.db(), read_and_write);
    else read_and_write();
    if (!outcome.problems.empty()) return outcome;  // the transaction rolls back what was written
    if (transaction) transaction->commit();
    return outcome;
}

ImportCounts import_data(Diary& diary, const ImportData& data, DryRun dry_run, const ImportProgress& progress) {
    auto read = [&](ImportSink& sink) {
        for (const auto& e : data.entries) sink.entry(e);
        for (const auto& e : data.events) sink.event(e);
        for (const auto& r : data.results) sink.result(r);
        for (const auto& d : data.doses) sink.dose(d);
        return std::vector<ImportProblem>{};
    };
    return import_records(diary, read, dry_run, EntryOrder::as_read, progress).counts;
}

}  // namespace painlog
