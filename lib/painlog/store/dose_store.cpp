// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/dose_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"

namespace painlog {
namespace {

constexpr std::string_view dose_columns = "id, medicine, amount, unit, as_needed, at, zone, day, note";

Dose read_dose(SQLite::Statement& row, const std::string& path) {
    Dose dose;
    dose.id = row.getColumn(0).getInt64();
    dose.medicine = row.getColumn(1).getString();
    auto at = parse_iso_instant(row.getColumn(5).getString());
    auto day = parse_iso_day(row.getColumn(7).getString());
    auto unit = row.getColumn(3).isNull() ? std::nullopt : dose_unit_named(row.getColumn(3).getString());
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
    SQLite::Statement st(diary.db(), fmt::format("SELECT {} FROM dose WHERE (:from IS NULL OR day >= :from) AND "
                                                 "(:to IS NULL OR day <= :to) ORDER BY at, id",
                                                 dose_columns));
    if (from) st.bind(":from", format_day(*from));
    else st.bind(":from");
    if (to) st.bind(":to", format_day(*to));
    else st.bind(":to");
    std::vector<Dose> doses;
    while (st.executeStep()) doses.push_back(read_dose(st, diary.path()));
    return doses;
}

std::int64_t largest_dose_id(Diary& diary) {
    return diary.db().execAndGet("SELECT coalesce(max(id), 0) FROM dose").getInt64();
}

}  // namespace painlog
