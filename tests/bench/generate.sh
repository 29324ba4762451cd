#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the benchmark's synthetic diaries, deterministically, with SQL
# through the sqlite3 shell (fast: a 100,000-entry diary takes about a
# second). The schema comes from painlog itself, so the files are exactly
# what painlog would have written.
#
#   tests/bench/generate.sh PAINLOG_BINARY OUTPUT_DIRECTORY
#
# In OUTPUT_DIRECTORY:
#   year1.db        365 days ending 2026-11-22, 2 entries a day (08:30 and
#                   20:30 UTC) with tags and notes, body regions and pain
#                   qualities on most mornings; an infusion every 6-8
#                   weeks and a follow-up appointment 2 weeks after each
#   year10.db       the same over 3,650 days (7,300 entries)
#   entries100k.db  100,000 entries: 10 a day over 10,000 days
#   import100k.csv  entries100k.db as painlog export --format csv writes it
#
# Values are a fixed function of the day and slot (no randomness), so two
# runs write identical files. The benchmark's clock is 2026-11-22T21:00Z.
set -euo pipefail
PAINLOG=${1:?usage: generate.sh PAINLOG_BINARY OUTPUT_DIRECTORY}
OUT=${2:?usage: generate.sh PAINLOG_BINARY OUTPUT_DIRECTORY}
END_DAY=2026-11-22
export PAINLOG_NOW=2026-11-22T21:00:00Z TZ=Europe/London
mkdir -p "$OUT"

# diary FILE DAYS PER_DAY: a diary of DAYS days ending END_DAY, PER_DAY
# entries a day at 08:30, 20:30 (2 a day) or every 90 minutes from 07:00
# UTC (more). Every slot is between 01:00 and 22:59 UTC, so its London diary
# day is its UTC date, winter and summer.
diary() {
    local file=$1 days=$2 per_day=$3 first_minute step
    if [ "$per_day" -eq 2 ]; then first_minute=510 step=720; else first_minute=420 step=90; fi
    rm -f "$file" "$file-journal"
    # A setting written and taken back creates the file and its schema.
    "$PAINLOG" --db "$file" config set report-days 28 >/dev/null
    "$PAINLOG" --db "$file" config unset report-days >/dev/null
    sqlite3 -batch "$file" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
-- n: days before $END_DAY (0 = that day); j: the slot within the day.
CREATE TEMP TABLE slot AS
  WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < $days - 1),
                 k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < $per_day - 1)
  SELECT ($days - 1 - n) * $per_day + j + 1 AS id, n, j,
         date('$END_DAY', '-' || n || ' days') AS day,
         ((($days - n) * 2654435761 + j * 40503) % 1000003) AS h
  FROM d, k;
INSERT INTO entry (id, at, zone, day, pain, mood, energy, sleep_hours, sleep_quality, activity, note)
  SELECT id,
         day || 'T' || printf('%02d:%02d', ($first_minute + j * $step) / 60, ($first_minute + j * $step) % 60)
             || ':00Z',
         'Europe/London', day,
         2 + h % 7,                                   -- pain 2-8
         3 + (h / 7) % 6,                             -- mood 3-8
         2 + (h / 42) % 7,                            -- energy 2-8
         CASE WHEN j = 0 THEN 5.0 + ((h / 294) % 40) / 10.0 END,   -- sleep 5.0-8.9 h, mornings
         CASE WHEN j = 0 THEN 3 + (h / 11760) % 6 END,             -- sleep quality, mornings
         1 + (h / 70560) % 8,                          -- activity 1-8
         CASE h % 9
           WHEN 0 THEN 'Bad night, the burning in my feet woke me twice.'
           WHEN 1 THEN 'Walked to the shops and back; paid for it later.'
           WHEN 2 THEN 'Rested most of the afternoon. Heat pad helped.'
           WHEN 3 THEN 'Stairs were hard today, knees and lower back.'
           WHEN 4 THEN 'Good day: gardening for an hour, "almost normal".'
           WHEN 5 THEN 'Cold weather, stiff all morning'
           ELSE '' END
  FROM slot;
INSERT INTO entry_tag (entry_id, kind, name)
  SELECT id, 'worse', CASE h % 4 WHEN 0 THEN 'stairs' WHEN 1 THEN 'cold' WHEN 2 THEN 'sitting' ELSE 'stress' END
  FROM slot WHERE h % 3 <> 0;
INSERT INTO entry_tag (entry_id, kind, name)
  SELECT id, 'better', CASE (h / 4) % 3 WHEN 0 THEN 'walking' WHEN 1 THEN 'heat' ELSE 'rest' END
  FROM slot WHERE h % 2 = 0;
INSERT INTO entry_tag (entry_id, kind, name)
  SELECT id, 'activity', CASE (h / 12) % 3 WHEN 0 THEN 'gardening' WHEN 1 THEN 'shopping' ELSE 'housework' END
  FROM slot WHERE h % 5 < 2;
-- Doses: pregabalin 75 mg every morning (regular), oxycodone 5 mg as
-- needed an hour later on about a quarter of the days.
INSERT INTO dose (medicine, amount, unit, as_needed, at, zone, day)
  SELECT 'pregabalin', 75, 'mg', 0, day || 'T08:00:00Z', 'Europe/London', day FROM slot WHERE j = 0;
INSERT INTO dose (medicine, amount, unit, as_needed, at, zone, day)
  SELECT 'oxycodone', 5, 'mg', 1, day || 'T09:00:00Z', 'Europe/London', day FROM slot WHERE j = 0 AND h % 4 = 1;
-- Infusions every 6, 7 or 8 weeks (cycling) from 20 days after the first
-- day; a follow-up appointment 14 days after each; side effects that day.
CREATE TEMP TABLE infusion AS
  WITH RECURSIVE e(i, d) AS (SELECT 0, 20 UNION ALL
                             SELECT i + 1, d + 42 + 7 * (i % 3) FROM e WHERE d + 42 + 7 * (i % 3) < $days)
  SELECT i, date('$END_DAY', '-' || ($days - 1 - d) || ' days') AS day FROM e;
INSERT INTO event (kind, label, at, zone, day, note)
  SELECT 'infusion', 'ketamine infusion ' || (i + 1), day || 'T10:00:00Z', 'Europe/London', day,
         'Low-dose IV ketamine over 2 hours; tired afterwards.' FROM infusion;
INSERT INTO event (kind, label, at, zone, day, note)
  SELECT 'appointment', 'follow-up ' || (i + 1), date(day, '+14 days') || 'T11:00:00Z', 'Europe/London',
         date(day, '+14 days'), '' FROM infusion WHERE date(day, '+14 days') <= '$END_DAY';
INSERT OR IGNORE INTO entry_tag (entry_id, kind, name)
  SELECT s.id, 'side-effect', 'vivid dreams' FROM slot s JOIN infusion USING (day);
COMMIT;
SQL
    # Where it hurts and how it feels (schema with entry_region, issue 17)
    # on the morning entries: the feet on most days, the lower back and a
    # knee on some; burning most days, electric shocks and aching on some.
    if [ "$(sqlite3 "$file" "SELECT count(*) FROM sqlite_schema WHERE name = 'entry_region'")" = 1 ]; then
        sqlite3 -batch "$file" <<SQL
BEGIN;
CREATE TEMP TABLE slot AS
  WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < $days - 1)
  SELECT ($days - 1 - n) * $per_day + 1 AS id, ((($days - n) * 2654435761) % 1000003) AS h FROM d;
INSERT INTO entry_region (entry_id, region) SELECT id, 'left-foot' FROM slot WHERE h % 5 < 3;
INSERT INTO entry_region (entry_id, region) SELECT id, 'right-foot' FROM slot WHERE h % 5 < 3;
INSERT INTO entry_region (entry_id, region) SELECT id, 'lower-back' FROM slot WHERE h % 4 = 0;
INSERT INTO entry_region (entry_id, region) SELECT id, 'left-knee' FROM slot WHERE h % 7 = 0;
INSERT INTO entry_quality (entry_id, quality) SELECT id, 'burning' FROM slot WHERE h % 3 < 2;
INSERT INTO entry_quality (entry_id, quality) SELECT id, 'electric-shocks' FROM slot WHERE h % 5 = 0;
INSERT INTO entry_quality (entry_id, quality) SELECT id, 'aching' FROM slot WHERE h % 4 = 1;
COMMIT;
SQL
    fi
}

diary "$OUT/year1.db" 365 2
diary "$OUT/year10.db" 3650 2
diary "$OUT/entries100k.db" 10000 10
"$PAINLOG" --db "$OUT/entries100k.db" export --format csv -o "$OUT/import100k.csv"
for f in year1 year10 entries100k; do
    printf '%-16s %7d entries %5d events %6d KiB\n' "$f.db" \
        "$(sqlite3 "$OUT/$f.db" "SELECT count(*) FROM entry")" "$(sqlite3 "$OUT/$f.db" "SELECT count(*) FROM event")" \
        $(($(stat -c %s "$OUT/$f.db") / 1024))
done
printf '%-16s %7d lines\n' import100k.csv "$(wc -l <"$OUT/import100k.csv")"
