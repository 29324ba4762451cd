// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/day_index.hpp"

#include <algorithm>
#include <array>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"

namespace painlog {
namespace {

// An entry read for the daily values, and where its day is in them.
struct EntryDay {
    std::int64_t id = 0;
    std::size_t day = 0;  // index into the DailyValues
};

// Entries further apart than this in id are read in separate runs.
constexpr std::int64_t max_tag_run_gap = 16;

// Adds the entries' tags to their days. Entries are mostly added in time
// order, so a period's ids fall into a few runs of nearly consecutive
// numbers; one range scan of entry_tag's primary key per run reads them a
// third as dearly as a join that seeks each entry's tags. Ids scattered at
// random make runs of one, which costs what the join did.
//
// The daily values came from the day index alone; each run's rows of the
// entry table itself are walked too (a count reads its pages, not its
// notes), so that a damaged page of the period fails the summary as it
// fails list, report and export, which read those rows.
void read_day_tags(Diary& diary, std::vector<EntryDay> entries, std::vector<DailyValues>& days) {
    std::ranges::sort(entries, {}, &EntryDay::id);
    SQLite::Statement tags(diary.db(), "SELECT entry_id, kind, name FROM entry_tag WHERE entry_id BETWEEN ?1 AND ?2 "
                                       "ORDER BY entry_id");
    SQLite::Statement rows(diary.db(), "SELECT count(*) FROM entry WHERE id BETWEEN ?1 AND ?2");
    for (auto first = entries.begin(); first != entries.end();) {
        auto last = first;
        while (last + 1 != entries.end() && (last + 1)->id - last->id <= max_tag_run_gap) ++last;
        rows.bind(1, first->id);
        rows.bind(2, last->id);
        rows.executeStep();
        rows.reset();
        tags.bind(1, first->id);
        tags.bind(2, last->id);
        auto entry = first;
        while (tags.executeStep()) {
            auto id = tags.getColumn(0).getInt64();
            while (entry != last && entry->id < id) ++entry;
            auto kind = tag_kind_named(tags.getColumn(1).getText());
            if (entry->id != id || !kind) continue;  // an entry outside the period, in the run's gaps
            add_tag(days[entry->day].tags, *kind, tags.getColumn(2).getText());  // sorted, each tag once
        }
        tags.reset();
        first = last + 1;
    }
}

// Adds the entries' body regions and qualities to their days, by the same
// runs of ids as read_day_tags. A diary that names none is not read.
void read_day_body(Diary& diary, std::vector<EntryDay> entries, std::vector<DailyValues>& days) {
    std::ranges::sort(entries, {}, &EntryDay::id);
    auto read = [&](std::string_view table, std::string_view column, auto set_bit) {
        if (!diary.db().execAndGet(fmt::format("SELECT EXISTS (SELECT 1 FROM {})", table)).getInt()) return;
        SQLite::Statement names(diary.db(), fmt::format("SELECT entry_id, {} FROM {} WHERE entry_id BETWEEN ?1 AND ?2 "
                                                        "ORDER BY entry_id",
                                                        column, table));
        for (auto first = entries.begin(); first != entries.end();) {
            auto last = first;
            while (last + 1 != entries.end() && (last + 1)->id - last->id <= max_tag_run_gap) ++last;
            names.bind(1, first->id);
            names.bind(2, last->id);
            auto entry = first;
            while (names.executeStep()) {
                auto id = names.getColumn(0).getInt64();
                while (entry != last && entry->id < id) ++entry;
                if (entry->id == id) set_bit(days[entry->day], names.getColumn(1).getText());
            }
            names.reset();
            first = last + 1;
        }
    };
    read("entry_region", "region", [](DailyValues& day, const char* name) {
        if (auto i = region_index(name)) day.regions.set(*i);
    });
    read("entry_quality", "quality", [](DailyValues& day, const char* name) {
        if (auto i = quality_index(name)) day.qualities.set(*i);
    });
}

}  // namespace

int current_logging_streak(Diary& diary, Day today) {
    // The run of consecutive logged days that starts last on or before today
    // (logged_run, kept by the schema's triggers): one lookup, however long
    // the streak or the diary. The streak is its part up to today, when the
    // run reaches today or yesterday (see current_streak).
    SQLite::Statement run(diary.db(), "SELECT first_day, last_day FROM logged_run WHERE first_day <= ? "
                                      "ORDER BY first_day DESC LIMIT 1");
    run.bind(1, format_day(today));
    if (!run.executeStep()) return 0;
    auto first = parse_iso_day(run.getColumn(0).getText());
    auto last = parse_iso_day(run.getColumn(1).getText());
    if (!first || !last || *last < today - date::days{1}) return 0;
    return static_cast<int>((std::min(*last, today) - *first).count()) + 1;
}

std::vector<DailyValues> read_daily_values(Diary& diary, Day from, Day to) {
    // Rows in day order straight from the day index, summed here: cheaper
    // than SQLite's avg() aggregates. A day's value is the mean of the
    // entries that carry it (NULLs are skipped), as in daily_values.
    SQLite::Statement rows(diary.db(),
                           "SELECT day, id, pain, mood, energy, sleep_hours, sleep_quality, activity FROM entry "
                           "WHERE day >= ?1 AND day <= ?2 ORDER BY day");
    rows.bind(1, format_day(from));
    rows.bind(2, format_day(to));
    std::vector<DailyValues> result;
    std::array<double, all_metrics.size()> sums{};
    std::array<int, all_metrics.size()> counts{};
    auto finish_day = [&] {
        if (result.empty()) return;
        for (std::size_t i = 0; i < sums.size(); ++i)
            if (counts[i] > 0) result.back().values[i] = sums[i] / counts[i];
        sums.fill(0);
        counts.fill(0);
    };
    std::string current;
    std::vector<EntryDay> entries;
    while (rows.executeStep()) {
        const char* text = rows.getColumn(0).getText();
        if (result.empty() || current != text) {
            auto day = parse_iso_day(text);
            if (!day) continue;
            finish_day();
            current = text;
            DailyValues d;
            d.day = *day;
            result.push_back(std::move(d));
        }
        ++result.back().entries;
        entries.push_back({rows.getColumn(1).getInt64(), result.size() - 1});
        for (std::size_t i = 0; i < all_metrics.size(); ++i) {
            const auto column = rows.getColumn(static_cast<int>(2 + i));
            if (column.isNull()) continue;
            sums[i] += column.getDouble();
            ++counts[i];
        }
    }
    finish_day();
    read_day_body(diary, entries, result);
    read_day_tags(diary, std::move(entries), result);
    return result;
}

int entries_on(Diary& diary, Day day) {
    SQLite::Statement st(diary.db(), "SELECT count(*) FROM entry WHERE day = ?");
    st.bind(1, format_day(day));
    st.executeStep();
    return st.getColumn(0).getInt();
}

}  // namespace painlog
