// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Events in the diary's `event` table (schema v2): each write one
// transaction.

#include <cstdint>
#include <optional>
#include <vector>

#include "painlog/model/event.hpp"

namespace painlog {

class Diary;

void add_event(Diary& diary, Event& event);  // sets id; one transaction
void update_event(Diary& diary, const Event& event);
void remove_event(Diary& diary, std::int64_t id);  // InputError when unknown
[[nodiscard]] std::optional<Event> find_event(Diary& diary, std::int64_t id);
// Throws InputError "event 7: no such event; see painlog event list".
[[nodiscard]] Event get_event(Diary& diary, std::int64_t id);
// In time order (ties by id), optionally only one kind.
[[nodiscard]] std::vector<Event> events(Diary& diary, std::optional<EventKind> kind = std::nullopt);

// The events on the days from..to (each inclusive, when given), in time
// order: the "events" of the JSON export and the events CSV of
// `export --what events`.
[[nodiscard]] std::vector<Event> events_in(Diary& diary, std::optional<Day> from, std::optional<Day> to);

}  // namespace painlog
