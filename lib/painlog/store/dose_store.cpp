// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/dose_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"

namespace painlog {
namespace {

constexpr std::string_view dose_columns = "id, medicine, amount, unit, as_needed, at, zone, day, note";

// Columns read as text in place: years of doses are read for a summary.
std::string_view text_of(const SQLite::Column& column) {
    return {column.getText(), static_cast<std::size_t>(column.getBytes())};
}

Dose read_dose(SQLite::Statement& row, const std::string& path) {
    Dose dose;
    dose.id = row.getColumn(0).getInt64();
    dose.medicine = row.getColumn(1).getString();
    auto at = parse_iso_instant(text_of(row.getColumn(5)));
    auto day = parse_iso_day(text_of(row.getColumn(7)));
    auto unit = row.getColumn(3).isNull() ? std::nullopt : dose_unit_named(text_of(row.getColumn(3)));
    if (!at || !day || (!row.getColumn(2).isNull() && !unit))
        throw RuntimeError(fmt::format("{}: dose {} is damaged; run painlog db check", path, dose.id));
    if (unit) dose.amount = DoseAmount{row.getColumn(2).getDouble(), *unit};
    if (!row.getColumn(4).isNull()) dose.as_needed = row.getColumn(4).getInt() != 0;
    dose.at = *at;
    dose.zone = row.getColumn(6).getString();
    dose.day = *day;
    dose.note = row.getColumn(8).getString();
    return dose;
}

void bind_dose_values(SQLite::Statement& st, const Dose& dose) {
    st.bind(":medicine", dose.medicine);
    if (dose.amount) {
        st.bind(":amount", dose.amount->value);
        st.bind(":unit", std::string(name_of(dose.amount->unit)));
    } else {
        st.bind(":amount");
        st.bind(":unit");
    }
    if (dose.as_needed) st.bind(":as_needed", *dose.as_needed ? 1 : 0);
    else st.bind(":as_needed");
    st.bind(":at", format_utc(dose.at));
    st.bind(":zone", dose.zone);
    st.bind(":day", format_day(dose.day));
    st.bind(":note", dose.note);
}

InputError no_such_dose(std::int64_t id) {
    return InputError(fmt::format("dose {}: no such dose; see painlog med list", id));
}

}  // namespace

void add_dose(Diary& diary, Dose& dose) {
    diary.write([&] {
        SQLite::Statement st(diary.db(), "INSERT INTO dose (medicine, amount, unit, as_needed, at, zone, day, note) "
                                         "VALUES (:medicine, :amount, :unit, :as_needed, :at, :zone, :day, :note)");
        bind_dose_values(st, dose);
        st.exec();
        dose.id = diary.db().getLastInsertRowid();
    });
}

void update_dose(Diary& diary, const Dose& dose) {
    diary.write([&] {
        SQLite::Statement st(diary.db(), "UPDATE dose SET medicine = :medicine, amount = :amount, unit = :unit, "
                                         "as_needed = :as_needed, at = :at, zone = :zone, day = :day, note = :note "
                                         "WHERE id = :id");
        bind_dose_values(st, dose);
        st.bind(":id", dose.id);
        if (st.exec() != 1) throw no_such_dose(dose.id);
    });
}

void remove_dose(Diary& diary, std::int64_t id) {
    diary.write([&] {
        SQLite::Statement st(diary.db(), "DELETE FROM dose WHERE id = ?");
        st.bind(1, id);
        if (st.exec() != 1) throw no_such_dose(id);
    });
}

Dose get_dose(Diary& diary, std::int64_t id) {
    SQLite::Statement st(diary.db(), fmt::format("SELECT {} FROM dose WHERE id = ?", dose_columns));
    st.bind(1, id);
    if (!st.executeStep()) throw no_such_dose(id);
    return read_dose(st, diary.path());
}

std::vector<Dose> doses_in(Diary& diary, std::optional<Day> from, std::optional<Day> to) {
    // Open ends as bounds that every ISO day sorts between, so that SQLite
    // walks dose_by_day (day, at, then rowid) and needs no sort: the rows
    // come in diary-day order, then time, then id.
    SQLite::Statement st(diary.db(), fmt::format("SELECT {} FROM dose WHERE day BETWEEN ? AND ? ORDER BY day, at, id",
                                                 dose_columns));
    st.bind(1, from ? format_day(*from) : std::string("0000"));
    st.bind(2, to ? format_day(*to) : std::string("9999-99-99"));
    std::vector<Dose> doses;
    while (st.executeStep()) doses.push_back(read_dose(st, diary.path()));
    return doses;
}

std::int64_t largest_dose_id(Diary& diary) {
    return diary.db().execAndGet("SELECT coalesce(max(id), 0) FROM dose").getInt64();
}

}  // namespace painlog
