# SPDX-License-Identifier: GPL-3.0-or-later
# painlog status: today, streak, last entry, days since the last infusion,
# next appointment. Now is Sunday 2026-11-22 20:00 in London (UTC+0).
# Events go straight into the documented `event` table with sqlite3, so this
# suite depends only on the schema.
source "$(dirname "$0")/lib.sh"

event() {  # kind label utc-instant day
    sql "INSERT INTO event (kind, label, at, zone, day, note) VALUES ('$1', '$2', '$3', 'Europe/London', '$4', '')"
}

case_ "an empty diary"
new_diary
run painlog status --format json
expect_rc 0
expect_out_is '{
  "today": "2026-11-22",
  "today_logged": false,
  "entries_today": 0,
  "streak_days": 0,
  "last_entry": null,
  "days_since_last_entry": null,
  "last_infusion": null,
  "days_since_infusion": null,
  "next_appointment": null,
  "days_until_appointment": null,
  "pathway": {
    "pathway": "pain",
    "inferred": true,
    "reason": "the diary holds no ratings yet"
  },
  "phq9_due": null,
  "last_phq9": null,
  "doses_today": [],
  "next_infusion": null,
  "days_until_infusion": null,
  "next_check_complete": null,
  "care": []
}'
run painlog status
expect_rc 0
expect_out_is "Today:            2026-11-22 (Sunday): not logged yet
Streak:           none
Last entry:       none yet; record one with painlog add
Last infusion:    none recorded
Next appointment: none recorded"

# Entries on the 15th and the 17th to the 21st (two on the 21st); the 16th
# is a gap. Not yet today.
for at in 2026-11-15T09:00 2026-11-17T09:00 2026-11-18T09:00 2026-11-19T09:00 2026-11-20T09:00 \
    2026-11-21T08:00; do
    painlog add --pain 6 --mood 4 --at "$at" >/dev/null || fail "add at $at"
done
painlog add --pain 4 --mood 6 --worse cold --at 2026-11-21T18:45 >/dev/null || fail "add on the 21st"
# Infusions on the 10th and the 17th; appointments on the 12th (past), today
# at 09:00 (past), 3 December 14:00 and 10 December (future).
event infusion "first infusion" 2026-11-10T10:00:00Z 2026-11-10
event infusion "ketamine 0.5 mg/kg" 2026-11-17T10:00:00Z 2026-11-17
event appointment "pre-assessment" 2026-11-12T11:00:00Z 2026-11-12
event appointment "nurse call" 2026-11-22T09:00:00Z 2026-11-22
event appointment "pain clinic follow-up" 2026-12-03T14:00:00Z 2026-12-03
event appointment "" 2026-12-10T09:00:00Z 2026-12-10

case_ "today not logged yet: the streak counts back from yesterday"
# Logged days 21, 20, 19, 18, 17 in a row, then the gap on the 16th: 5 days.
# Infusion on the 17th: 22 - 17 = 5 days. Next appointment 3 December:
# 8 days left in November + 3 = 11 days.
run painlog status
expect_rc 0
expect_out_is "Today:            2026-11-22 (Sunday): not logged yet
Streak:           5 days
Last entry:       2026-11-21 18:45 (yesterday, entry 7): pain 4, mood 6, -cold
Last infusion:    2026-11-17 10:00 (5 days ago, event 2): ketamine 0.5 mg/kg
Next appointment: 2026-12-03 14:00 (in 11 days, event 5): pain clinic follow-up"
run painlog status --format json
expect_rc 0
expect_out_has '"today_logged": false'
expect_out_has '"streak_days": 5'
expect_out_has '"days_since_last_entry": 1'
expect_out_has '"days_since_infusion": 5'
expect_out_has '"days_until_appointment": 11'
expect_out_has '"label": "ketamine 0.5 mg/kg"'
expect_out_has '"label": "pain clinic follow-up"'
expect_out_has '"time": "2026-11-21T18:45:00+00:00"'

case_ "status only reads"
snapshot
run painlog status
expect_unchanged

case_ "today logged: the streak includes today"
painlog add --mood 5 --at 2026-11-22T10:00 >/dev/null
painlog add --pain 3 --at 2026-11-22T19:00 >/dev/null
run painlog status
expect_rc 0
expect_out_has "Today:            2026-11-22 (Sunday): logged, 2 entries"
expect_out_has "Streak:           6 days"
expect_out_has "Last entry:       2026-11-22 19:00 (today, entry 9): pain 3"
run painlog status --format json
expect_out_has '"entries_today": 2'
expect_out_has '"streak_days": 6'
expect_out_has '"days_since_last_entry": 0'

case_ "an appointment later today is the next one; one earlier today is not"
event appointment "phone review" 2026-11-22T21:00:00Z 2026-11-22
run painlog status
expect_out_has "Next appointment: 2026-11-22 21:00 (today, event 7): phone review"
run painlog status --format json
expect_out_has '"days_until_appointment": 0'

case_ "days since an infusion count diary days across the October clock change"
# New diary. Infusion at 23:30 BST on 20 October (22:30Z). From 20 October
# to 22 November: 11 days to the 31st + 22 = 33 diary days, although only
# 32 days and 21.5 hours have passed.
DB="$WORK/dst.db"
new_diary
event infusion "" 2026-10-20T22:30:00Z 2026-10-20
run painlog status --format json
expect_out_has '"days_since_infusion": 33'
run painlog status
expect_out_has "Last infusion:    2026-10-20 23:30 (33 days ago, event 1)"

case_ "the day-start hour decides what today is"
# 01:30 on the 23rd with day-start-hour 4 is still diary day the 22nd.
painlog config set day-start-hour 4 >/dev/null
run env PAINLOG_NOW=2026-11-23T01:30:00Z "$PAINLOG_BIN" --db "$DB" status --format json
expect_out_has '"today": "2026-11-22"'
expect_out_has '"days_since_infusion": 33'

case_ "bad --format: exit 2, nothing written"
DB="$WORK/diary.db"
snapshot
run painlog status --format xml
expect_rc 2
expect_error "--format"
expect_unchanged

finish
