// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/schema.hpp"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "painlog/store/sync_records.hpp"

namespace painlog {
namespace {

constexpr std::string_view v1_entries = R"sql(
CREATE TABLE entry (
  id            INTEGER PRIMARY KEY,
  at            TEXT    NOT NULL,
  zone          TEXT    NOT NULL,
  day           TEXT    NOT NULL,
  pain          INTEGER CHECK (pain BETWEEN 0 AND 10),
  mood          INTEGER CHECK (mood BETWEEN 0 AND 10),
  energy        INTEGER CHECK (energy BETWEEN 0 AND 10),
  sleep_hours   REAL    CHECK (sleep_hours BETWEEN 0 AND 24),
  sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
  activity      INTEGER CHECK (activity BETWEEN 0 AND 10),
  note          TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX entry_by_day ON entry (day, at);
CREATE INDEX entry_by_at ON entry (at);
CREATE TABLE entry_tag (
  entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  kind     TEXT    NOT NULL CHECK (kind IN ('activity', 'better', 'worse', 'side-effect', 'medication')),
  name     TEXT    NOT NULL,
  PRIMARY KEY (entry_id, kind, name)
) WITHOUT ROWID;
CREATE INDEX entry_tag_by_name ON entry_tag (kind, name);
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Treatments and appointments: the anchors of before/after analysis.
constexpr std::string_view v2_events = R"sql(
CREATE TABLE event (
  id    INTEGER PRIMARY KEY,
  kind  TEXT    NOT NULL CHECK (kind IN ('infusion', 'appointment', 'medication-change', 'other')),
  label TEXT    NOT NULL DEFAULT '',
  at    TEXT    NOT NULL,
  zone  TEXT    NOT NULL,
  day   TEXT    NOT NULL,
  note  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX event_by_day ON event (day, at);
)sql";

// Questionnaire results: item answers in item order and the score.
constexpr std::string_view v3_questionnaires = R"sql(
CREATE TABLE questionnaire (
  id         INTEGER PRIMARY KEY,
  instrument TEXT    NOT NULL CHECK (instrument IN ('phq9', 'gad7', 'peg')),
  at         TEXT    NOT NULL,
  zone       TEXT    NOT NULL,
  day        TEXT    NOT NULL,
  answers    TEXT    NOT NULL,
  score      REAL    NOT NULL
);
CREATE INDEX questionnaire_by_day ON questionnaire (instrument, day, at);
)sql";

// Streaks without reading every day of them (issue 9). Kept, as measured
// against a backward scan of the day index that stops at the first gap
// (hyperfine medians, 2026-12-02): status and summary 1.0 ms faster on the
// 10-year benchmark diary (a 3,650-day streak) and 6.9 and 7.5 ms faster on
// the 100,000-entry one (10,000 days), past the 5 ms a person notices;
// remind, which needs the streak only on a day not yet logged, the same.
constexpr std::string_view v4_logged_runs = R"sql(
-- Runs of consecutive diary days with entries, kept by triggers: the
-- current streak is then one lookup, however long it is. Runs never touch
-- (a day between two runs joins them). Existing diaries get theirs here.
CREATE TABLE logged_run (
  first_day TEXT PRIMARY KEY,
  last_day  TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO logged_run (first_day, last_day)
  SELECT min(day), max(day)
  FROM (SELECT day, julianday(day) - row_number() OVER (ORDER BY day) AS run FROM (SELECT DISTINCT day FROM entry))
  GROUP BY run;
-- A day's first entry: a run of its own, joined with the runs ending the
-- day before and starting the day after.
CREATE TRIGGER logged_run_after_insert AFTER INSERT ON entry
WHEN coalesce((SELECT last_day FROM logged_run WHERE first_day <= NEW.day ORDER BY first_day DESC LIMIT 1) < NEW.day, 1)
BEGIN
  INSERT OR REPLACE INTO logged_run (first_day, last_day) VALUES (
    coalesce((SELECT first_day FROM logged_run WHERE last_day = date(NEW.day, '-1 day')
              AND first_day = (SELECT max(first_day) FROM logged_run WHERE first_day < NEW.day)), NEW.day),
    coalesce((SELECT last_day FROM logged_run WHERE first_day = date(NEW.day, '+1 day')), NEW.day));
  DELETE FROM logged_run WHERE first_day = date(NEW.day, '+1 day');
END;
-- A day's last entry gone: its run splits around it.
CREATE TRIGGER logged_run_after_delete AFTER DELETE ON entry
WHEN NOT EXISTS (SELECT 1 FROM entry WHERE day = OLD.day)
BEGIN
  INSERT INTO logged_run (first_day, last_day)
    SELECT date(OLD.day, '+1 day'), last_day FROM logged_run
    WHERE first_day = (SELECT max(first_day) FROM logged_run WHERE first_day <= OLD.day) AND last_day > OLD.day;
  UPDATE logged_run SET last_day = date(OLD.day, '-1 day')
    WHERE first_day = (SELECT max(first_day) FROM logged_run WHERE first_day < OLD.day) AND last_day >= OLD.day;
  DELETE FROM logged_run WHERE first_day = OLD.day;
END;
-- An entry moved to another day: the two above, for the old day and the new.
CREATE TRIGGER logged_run_after_update AFTER UPDATE OF day ON entry
WHEN OLD.day <> NEW.day
BEGIN
  INSERT INTO logged_run (first_day, last_day)
    SELECT date(OLD.day, '+1 day'), last_day FROM logged_run
    WHERE first_day = (SELECT max(first_day) FROM logged_run WHERE first_day <= OLD.day) AND last_day > OLD.day
      AND NOT EXISTS (SELECT 1 FROM entry WHERE day = OLD.day);
  UPDATE logged_run SET last_day = date(OLD.day, '-1 day')
    WHERE first_day = (SELECT max(first_day) FROM logged_run WHERE first_day < OLD.day) AND last_day >= OLD.day
      AND NOT EXISTS (SELECT 1 FROM entry WHERE day = OLD.day);
  DELETE FROM logged_run WHERE first_day = OLD.day AND NOT EXISTS (SELECT 1 FROM entry WHERE day = OLD.day);
  INSERT OR REPLACE INTO logged_run (first_day, last_day)
    SELECT coalesce((SELECT first_day FROM logged_run WHERE last_day = date(NEW.day, '-1 day')
                     AND first_day = (SELECT max(first_day) FROM logged_run WHERE first_day < NEW.day)), NEW.day),
           coalesce((SELECT last_day FROM logged_run WHERE first_day = date(NEW.day, '+1 day')), NEW.day)
    WHERE coalesce((SELECT last_day FROM logged_run WHERE first_day <= NEW.day ORDER BY first_day DESC LIMIT 1) < NEW.day, 1);
  DELETE FROM logged_run WHERE first_day = date(NEW.day, '+1 day');
END;
)sql";

// The same tags under a CHECK that SQLite evaluates with five comparisons.
// With IN, each INSERT built a temporary b-tree of the five kinds: once per
// tag when an import writes row by row, about 40 % of its work.
constexpr std::string_view v5_tag_kind_check = R"sql(
CREATE TABLE entry_tag_v5 (
  entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  kind     TEXT    NOT NULL CHECK (kind = 'activity' OR kind = 'better' OR kind = 'worse' OR kind = 'side-effect'
                                   OR kind = 'medication'),
  name     TEXT    NOT NULL,
  PRIMARY KEY (entry_id, kind, name)
) WITHOUT ROWID;
INSERT INTO entry_tag_v5 (entry_id, kind, name) SELECT entry_id, kind, name FROM entry_tag;
DROP TABLE entry_tag;
ALTER TABLE entry_tag_v5 RENAME TO entry_tag;
CREATE INDEX entry_tag_by_name ON entry_tag (kind, name);
)sql";

// The day index carries the ratings too, so that daily values (summaries,
// trends) are read from the index alone, without a seek into the table and
// its notes for every entry: a fifth of a ten-year summary's time.
constexpr std::string_view v6_covering_day_index = R"sql(
DROP INDEX entry_by_day;
CREATE INDEX entry_by_day ON entry (day, at, pain, mood, energy, sleep_hours, sleep_quality, activity);
)sql";

// Medicines as doses (issue 16): what was taken, how much and whether as
// needed. The --med tags of earlier versions become doses at their entry's
// time, without an amount, and leave entry_tag (whose CHECK still admits the
// kind, for the diaries whose table it is). Units and the as-needed flag are
// checked with OR, as in v5, so that an insert builds no temporary b-tree.
constexpr std::string_view v7_doses = R"sql(
CREATE TABLE dose (
  id        INTEGER PRIMARY KEY,
  medicine  TEXT    NOT NULL,
  amount    REAL    CHECK (amount > 0),
  unit      TEXT    CHECK (unit = 'mg' OR unit = 'mcg' OR unit = 'g' OR unit = 'ml' OR unit = 'tablet'
                           OR unit = 'capsule' OR unit = 'drop' OR unit = 'puff' OR unit = 'patch'
                           OR unit = 'mcg/h'),
  as_needed INTEGER CHECK (as_needed = 0 OR as_needed = 1),
  at        TEXT    NOT NULL,
  zone      TEXT    NOT NULL,
  day       TEXT    NOT NULL,
  note      TEXT    NOT NULL DEFAULT '',
  CHECK ((amount IS NULL) = (unit IS NULL))
);
CREATE INDEX dose_by_day ON dose (day, at);
INSERT INTO dose (medicine, at, zone, day)
  SELECT t.name, e.at, e.zone, e.day FROM entry_tag t JOIN entry e ON e.id = t.entry_id
  WHERE t.kind = 'medication' ORDER BY e.at, e.id, t.name;
DELETE FROM entry_tag WHERE kind = 'medication';
)sql";

// The treatment pathway (issue 18): an infusion may be booked ahead and
// marked as not given (postponed, cancelled), so that it never anchors a
// response; the pre-infusion check is kept with its infusion; the PGIC joins
// the questionnaires, whose instrument check is rebuilt (SQLite cannot alter
// a CHECK) with the same rows, ids and index.
constexpr std::string_view v8_treatment_pathway = R"sql(
ALTER TABLE event ADD COLUMN not_given TEXT CHECK (not_given IS NULL OR not_given = 'postponed'
                                                   OR not_given = 'cancelled');
CREATE TABLE infusion_check (
  event_id         INTEGER PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
  at               TEXT    NOT NULL,
  zone             TEXT    NOT NULL,
  pregnant         INTEGER CHECK (pregnant = 0 OR pregnant = 1),
  breastfeeding    INTEGER CHECK (breastfeeding = 0 OR breastfeeding = 1),
  new_symptoms     TEXT,
  heart_problem    INTEGER CHECK (heart_problem = 0 OR heart_problem = 1),
  new_medicines    TEXT,
  medicines        TEXT    NOT NULL DEFAULT '',
  medicines_confirmed INTEGER CHECK (medicines_confirmed = 0 OR medicines_confirmed = 1),
  sedation         INTEGER CHECK (sedation = 0 OR sedation = 1),
  escort           INTEGER CHECK (escort = 0 OR escort = 1)
);
CREATE TABLE questionnaire_v8 (
  id         INTEGER PRIMARY KEY,
  instrument TEXT    NOT NULL CHECK (instrument = 'phq9' OR instrument = 'gad7' OR instrument = 'peg'
                                     OR instrument = 'pgic'),
  at         TEXT    NOT NULL,
  zone       TEXT    NOT NULL,
  day        TEXT    NOT NULL,
  answers    TEXT    NOT NULL,
  score      REAL    NOT NULL
);
INSERT INTO questionnaire_v8 SELECT id, instrument, at, zone, day, answers, score FROM questionnaire;
DROP TABLE questionnaire;
ALTER TABLE questionnaire_v8 RENAME TO questionnaire;
CREATE INDEX questionnaire_by_day ON questionnaire (instrument, day, at);
)sql";

// Where it hurts and how it feels (issue 17): an entry's body regions and
// pain qualities, by their stable names (model/body.hpp). The names are not
// checked here: a CHECK of 44 comparisons would cost every insert, and the
// vocabulary may grow without a migration; painlog validates them on the
// way in. Each table's key reads an entry's names in one range; the index
// by name serves "which entries name left-foot" (completion, picks).
constexpr std::string_view v9_regions_and_qualities = R"sql(
CREATE TABLE entry_region (
  entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  region   TEXT    NOT NULL,
  PRIMARY KEY (entry_id, region)
) WITHOUT ROWID;
CREATE INDEX entry_region_by_region ON entry_region (region);
CREATE TABLE entry_quality (
  entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  quality  TEXT    NOT NULL,
  PRIMARY KEY (entry_id, quality)
) WITHOUT ROWID;
CREATE INDEX entry_quality_by_quality ON entry_quality (quality);
)sql";

// Sync (issue 21): every record gets a stable id (a random UUID, version 4;
// a setting's is its key) and a version, stamped by this diary's hybrid logical clock as a
// replica of its own; deletions leave a tombstone (local NULL). Triggers
// note each changed row in sync_dirty, whoever writes it (painlog or the
// sqlite3 shell); painlog stamps those rows as its write commits
// (store/sync_records.hpp). A diary that never syncs only carries the ids
// and versions. Existing records get theirs here, stamped 1, 2, ... (their
// first versions, which any later change stamps past).
//
// The record kinds and the tables they span: entry (entry, entry_tag,
// entry_region, entry_quality),
// event (event, infusion_check), questionnaire, dose, setting, and
// conflict (sync_conflict: versions that lost, kept and shown). A table
// that joins a kind needs the three triggers that mark its parent dirty, as
// entry_tag has below.
constexpr std::string_view v10_sync = R"sql(
CREATE TABLE sync_replica (
  n       INTEGER PRIMARY KEY,
  id      TEXT    NOT NULL UNIQUE,
  name    TEXT    NOT NULL DEFAULT '',
  applied INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_replica (n, id) VALUES (1, lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE TABLE sync_state (
  one    INTEGER PRIMARY KEY CHECK (one = 1),
  me     INTEGER NOT NULL REFERENCES sync_replica (n),
  clock  INTEGER NOT NULL,
  sent   INTEGER NOT NULL DEFAULT 0,
  folder TEXT,
  key    BLOB,
  home   TEXT
);
INSERT INTO sync_state (one, me, clock) VALUES (1, 1, 0);
CREATE TABLE sync_record (
  kind   TEXT    NOT NULL,
  uid    TEXT    NOT NULL,
  local,
  stamp  INTEGER NOT NULL,
  origin INTEGER NOT NULL REFERENCES sync_replica (n),
  vv     TEXT,
  unsent INTEGER NOT NULL DEFAULT 1 CHECK (unsent = 0 OR unsent = 1),
  PRIMARY KEY (kind, uid)
) WITHOUT ROWID;
CREATE UNIQUE INDEX sync_record_by_local ON sync_record (kind, local);
CREATE INDEX sync_record_unsent ON sync_record (kind, uid) WHERE unsent = 1;
-- No key, so that no conflict clause of the statement that fires a trigger
-- (an upsert of a setting) can turn a repeated mark into an error: a row
-- marked twice is stamped once.
CREATE TABLE sync_dirty (
  kind  TEXT NOT NULL,
  local      NOT NULL
);
CREATE TABLE sync_conflict (
  id      INTEGER PRIMARY KEY,
  uid     TEXT    NOT NULL UNIQUE,
  kind    TEXT    NOT NULL,
  record  TEXT    NOT NULL,
  stamp   INTEGER NOT NULL,
  origin  TEXT    NOT NULL,
  deleted INTEGER NOT NULL CHECK (deleted = 0 OR deleted = 1),
  data    TEXT    NOT NULL
);
CREATE TABLE sync_own_file (
  seq   INTEGER PRIMARY KEY,
  size  INTEGER NOT NULL,
  mtime INTEGER NOT NULL
);
INSERT INTO sync_record (kind, uid, local, stamp, origin, unsent)
  SELECT kind, CASE kind WHEN 'setting' THEN 'setting:' || local ELSE lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) END, local,
         row_number() OVER (ORDER BY kind, local), 1, 1
  FROM (SELECT 'entry' AS kind, id AS local FROM entry UNION ALL SELECT 'event', id FROM event
        UNION ALL SELECT 'questionnaire', id FROM questionnaire UNION ALL SELECT 'dose', id FROM dose
        UNION ALL SELECT 'setting', key FROM setting);
UPDATE sync_state SET clock = (SELECT count(*) FROM sync_record);
CREATE TRIGGER sync_entry_after_insert AFTER INSERT ON entry
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', NEW.id); END;
CREATE TRIGGER sync_entry_after_update AFTER UPDATE ON entry
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', OLD.id), ('entry', NEW.id); END;
CREATE TRIGGER sync_entry_after_delete AFTER DELETE ON entry
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', OLD.id); END;
CREATE TRIGGER sync_entry_tag_after_insert AFTER INSERT ON entry_tag
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', NEW.entry_id); END;
CREATE TRIGGER sync_entry_tag_after_update AFTER UPDATE ON entry_tag
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', OLD.entry_id), ('entry', NEW.entry_id); END;
CREATE TRIGGER sync_entry_tag_after_delete AFTER DELETE ON entry_tag
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', OLD.entry_id); END;
CREATE TRIGGER sync_entry_region_after_insert AFTER INSERT ON entry_region
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', NEW.entry_id); END;
CREATE TRIGGER sync_entry_region_after_update AFTER UPDATE ON entry_region
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', OLD.entry_id), ('entry', NEW.entry_id); END;
CREATE TRIGGER sync_entry_region_after_delete AFTER DELETE ON entry_region
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', OLD.entry_id); END;
CREATE TRIGGER sync_entry_quality_after_insert AFTER INSERT ON entry_quality
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', NEW.entry_id); END;
CREATE TRIGGER sync_entry_quality_after_update AFTER UPDATE ON entry_quality
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', OLD.entry_id), ('entry', NEW.entry_id); END;
CREATE TRIGGER sync_entry_quality_after_delete AFTER DELETE ON entry_quality
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('entry', OLD.entry_id); END;
CREATE TRIGGER sync_event_after_insert AFTER INSERT ON event
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('event', NEW.id); END;
CREATE TRIGGER sync_event_after_update AFTER UPDATE ON event
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('event', OLD.id), ('event', NEW.id); END;
CREATE TRIGGER sync_event_after_delete AFTER DELETE ON event
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('event', OLD.id); END;
CREATE TRIGGER sync_infusion_check_after_insert AFTER INSERT ON infusion_check
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('event', NEW.event_id); END;
CREATE TRIGGER sync_infusion_check_after_update AFTER UPDATE ON infusion_check
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('event', OLD.event_id), ('event', NEW.event_id); END;
CREATE TRIGGER sync_infusion_check_after_delete AFTER DELETE ON infusion_check
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('event', OLD.event_id); END;
CREATE TRIGGER sync_questionnaire_after_insert AFTER INSERT ON questionnaire
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('questionnaire', NEW.id); END;
CREATE TRIGGER sync_questionnaire_after_update AFTER UPDATE ON questionnaire
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('questionnaire', OLD.id), ('questionnaire', NEW.id); END;
CREATE TRIGGER sync_questionnaire_after_delete AFTER DELETE ON questionnaire
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('questionnaire', OLD.id); END;
CREATE TRIGGER sync_dose_after_insert AFTER INSERT ON dose
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('dose', NEW.id); END;
CREATE TRIGGER sync_dose_after_update AFTER UPDATE ON dose
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('dose', OLD.id), ('dose', NEW.id); END;
CREATE TRIGGER sync_dose_after_delete AFTER DELETE ON dose
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('dose', OLD.id); END;
CREATE TRIGGER sync_setting_after_insert AFTER INSERT ON setting
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('setting', NEW.key); END;
CREATE TRIGGER sync_setting_after_update AFTER UPDATE ON setting
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('setting', OLD.key), ('setting', NEW.key); END;
CREATE TRIGGER sync_setting_after_delete AFTER DELETE ON setting
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('setting', OLD.key); END;
CREATE TRIGGER sync_sync_conflict_after_insert AFTER INSERT ON sync_conflict
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('conflict', NEW.id); END;
CREATE TRIGGER sync_sync_conflict_after_update AFTER UPDATE ON sync_conflict
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('conflict', OLD.id), ('conflict', NEW.id); END;
CREATE TRIGGER sync_sync_conflict_after_delete AFTER DELETE ON sync_conflict
BEGIN INSERT INTO sync_dirty (kind, local) VALUES ('conflict', OLD.id); END;
)sql";

constexpr std::array all_migrations{
    Migration{1, v1_entries},
    Migration{2, v2_events},
    Migration{3, v3_questionnaires},
    Migration{4, v4_logged_runs},
    Migration{5, v5_tag_kind_check},
    Migration{6, v6_covering_day_index},
    Migration{7, v7_doses},
    Migration{8, v8_treatment_pathway},
    Migration{9, v9_regions_and_qualities},
    Migration{10, v10_sync},
};

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

// The filling statement of v4, for rebuilding logged_run after a bulk write.
constexpr std::string_view refill_logged_runs = R"sql(
DELETE FROM logged_run;
INSERT INTO logged_run (first_day, last_day)
  SELECT min(day), max(day)
  FROM (SELECT day, julianday(day) - row_number() OVER (ORDER BY day) AS run FROM (SELECT DISTINCT day FROM entry))
  GROUP BY run;
)sql";

}  // namespace

std::span<const Migration> migrations() { return all_migrations; }

int latest_schema_version() { return all_migrations.back().version; }

void migrate(SQLite::Database& db) {
    for (const auto& migration : all_migrations) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        if (migration.version <= user_version(db)) continue;
        db.exec(std::string(migration.sql));
        db.exec("PRAGMA user_version = " + std::to_string(migration.version));
        tx.commit();
    }
}

void with_bulk_triggers_set_aside(SQLite::Database& db, const std::function<void()>& bulk_write) {
    // The triggers' own text from the schema, so they come back exactly as
    // the diary's migrations made them.
    std::vector<std::pair<std::string, std::string>> triggers;
    SQLite::Statement st(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND "
                             "((tbl_name = 'entry' AND name LIKE 'logged_run_%') OR name LIKE 'sync_%_after_insert')");
    while (st.executeStep()) triggers.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    for (const auto& [name, sql] : triggers) db.exec("DROP TRIGGER \"" + name + "\"");
    bulk_write();
    for (const auto& [name, sql] : triggers) db.exec(sql);
    db.exec(std::string(refill_logged_runs));
    mark_unrecorded_rows_dirty(db);
}

}  // namespace painlog
