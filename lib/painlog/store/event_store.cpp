// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/event_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"

namespace painlog {
namespace {

constexpr std::string_view event_columns = "id, kind, label, at, zone, day, note, not_given";

Event read_event(SQLite::Statement& row) {
    Event event;
    event.id = row.getColumn(0).getInt64();
    event.kind = event_kind_named(row.getColumn(1).getString()).value_or(EventKind::other);
    event.label = row.getColumn(2).getString();
    event.at = *parse_iso_instant(row.getColumn(3).getString());
    event.zone = row.getColumn(4).getString();
    event.day = *parse_iso_day(row.getColumn(5).getString());
    event.note = row.getColumn(6).getString();
    if (!row.getColumn(7).isNull()) event.not_given = parse_not_given(row.getColumn(7).getString(), "not_given");
    return event;
}

void bind_event_values(SQLite::Statement& st, const Event& event) {
    st.bind(":kind", std::string(name_of(event.kind)));
    st.bind(":label", event.label);
    st.bind(":at", format_utc(event.at));
    st.bind(":zone", event.zone);
    st.bind(":day", format_day(event.day));
    st.bind(":note", event.note);
    if (event.not_given) st.bind(":not_given", std::string(name_of(*event.not_given)));
    else st.bind(":not_given");
}

InputError no_such_event(std::int64_t id) {
    return InputError(fmt::format("event {}: no such event; see painlog event list", id));
}

}  // namespace

void add_event(Diary& diary, Event& event) {
    diary.write([&] {
        SQLite::Statement st(diary.db(), "INSERT INTO event (kind, label, at, zone, day, note, not_given) "
                                         "VALUES (:kind, :label, :at, :zone, :day, :note, :not_given)");
        bind_event_values(st, event);
        st.exec();
        event.id = diary.db().getLastInsertRowid();
    });
}

void update_event(Diary& diary, const Event& event) {
    diary.write([&] {
        SQLite::Statement st(diary.db(), "UPDATE event SET kind = :kind, label = :label, at = :at, zone = :zone, "
                                         "day = :day, note = :note, not_given = :not_given WHERE id = :id");
        bind_event_values(st, event);
        st.bind(":id", event.id);
        if (st.exec() != 1) throw no_such_event(event.id);
    });
}

void remove_event(Diary& diary, std::int64_t id) {
    diary.write([&] {
        SQLite::Statement st(diary.db(), "DELETE FROM event WHERE id = ?");
        st.bind(1, id);
        if (st.exec() != 1) throw no_such_event(id);
    });
}

std::optional<Event> find_event(Diary& diary, std::int64_t id) {
    SQLite::Statement st(diary.db(), fmt::format("SELECT {} FROM event WHERE id = ?", event_columns));
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    return read_event(st);
}

Event get_event(Diary& diary, std::int64_t id) {
    if (auto event = find_event(diary, id)) return *event;
    throw no_such_event(id);
}

std::vector<Event> events(Diary& diary, std::optional<EventKind> kind) {
    SQLite::Statement st(diary.db(), fmt::format("SELECT {} FROM event WHERE (:kind IS NULL OR kind = :kind) "
                                                 "ORDER BY at, id",
                                                 event_columns));
    if (kind) st.bind(":kind", std::string(name_of(*kind)));
    else st.bind(":kind");
    std::vector<Event> result;
    while (st.executeStep()) result.push_back(read_event(st));
    return result;
}

std::vector<Event> events_in(Diary& diary, std::optional<Day> from, std::optional<Day> to) {
    std::vector<Event> kept;
    for (auto& e : events(diary))
        if ((!from || e.day >= *from) && (!to || e.day <= *to)) kept.push_back(std::move(e));
    return kept;
}

}  // namespace painlog
