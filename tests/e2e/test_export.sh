#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# painlog export: CSV, JSON and FHIR; round trips through painlog import.
source "$(dirname "$0")/lib.sh"

FIX="$SRC/tests/fixtures/import"

# A diary with every value, every tag kind and notes that need care in CSV:
# quotes, commas, newlines, emoji and formula-like text.
painlog add --pain 6 --mood 4 --energy 5 --sleep 7.5 --sleep-quality 3 --activity 2 \
    --tag walk --tag -swim --better heat --worse cold --side-effect nausea --med "@ibuprofen 400mg prn" \
    --note 'He said "hi", then left
line two 😀' --at 2026-11-20T08:30 >/dev/null
painlog add --pain 0 --note '=SUM(A1:A2)' --at 2026-11-19T23:30 >/dev/null
painlog add --mood 8 --note '+44 7700 900123, @home	tab' --at 2026-11-21 >/dev/null
painlog check phq9 --answers 1,1,2,0,0,1,0,0,0 --at 2026-11-18T12:00 >/dev/null
painlog check peg --answers 4,5,5 --at 2026-11-18T12:05 >/dev/null
run painlog import "$FIX/events.json"

case_ "CSV export is list's CSV, with a header and formula guards"
run painlog export
expect_rc 0
expect_eq "$OUT" "$(painlog list --all --format csv)" "export vs list --all --format csv"
expect_out_has "id,time,zone,day,pain,mood,energy,sleep_hours,sleep_quality,activity,tags_activity,tags_better,tags_worse,tags_side_effect,note"
expect_out_has "'=SUM(A1:A2)"
expect_out_has "\"'+44 7700 900123, @home	tab\""
expect_out_has "'-swim;walk,heat,cold,nausea,\"He said \"\"hi\"\", then left"

case_ "doses CSV: the dose taken with the entry, with a formula guard"
run painlog export --what doses
expect_rc 0
expect_out_is "id,medicine,amount,unit,as_needed,time,zone,day,note"$'\r\n'"1,'@ibuprofen,400,mg,true,2026-11-20T08:30:00+00:00,Europe/London,2026-11-20,"$'\r'
expect_eq "$OUT" "$(painlog med list --since 2026-11-01 --format csv)" "export --what doses vs med list --format csv"

case_ "CSV round trip: export, import into an empty diary, export again"
painlog export -o "$WORK/entries.csv"
painlog export --format csv --what events -o "$WORK/events.csv"
painlog export --format csv --what doses -o "$WORK/doses.csv"
export DB="$WORK/csv-copy.db"
run painlog import "$WORK/entries.csv"
expect_rc 0
expect_out_is "Imported 3 entries from $WORK/entries.csv."
run painlog import "$WORK/events.csv"
expect_out_is "Imported 2 events from $WORK/events.csv."
run painlog import "$WORK/doses.csv"
expect_out_is "Imported 1 dose from $WORK/doses.csv."
run painlog import "$WORK/doses.csv"
expect_out_is "Imported 0 doses from $WORK/doses.csv; skipped 1 dose already in the diary."
cmp -s <(painlog export --what doses) "$WORK/doses.csv" && pass || fail "re-exported doses CSV differs"
cmp -s <(painlog export) "$WORK/entries.csv" && pass || fail "re-exported entries CSV differs byte for byte"
cmp -s <(painlog export --what events) "$WORK/events.csv" && pass || fail "re-exported events CSV differs"
export DB="$WORK/diary.db"

case_ "JSON export: format version, entries, events, questionnaires"
painlog export --format json >"$WORK/all.json"
OUT=$(cat "$WORK/all.json")
expect_out_has $'{\n  "format": "painlog",\n  "format_version": 1,\n  "entries": ['
expect_eq "$(grep -c '"pain": ' "$WORK/all.json")" 3 "entries"
expect_eq "$(grep -c '"kind": ' "$WORK/all.json")" 2 "events"
expect_eq "$(grep -c '"instrument": ' "$WORK/all.json")" 2 "questionnaire results"
expect_eq "$(grep -c '"medicine": ' "$WORK/all.json")" 1 "doses"
expect_out_has '"note": "He said \"hi\", then left\nline two 😀",' 

case_ "JSON round trip is byte-identical"
export DB="$WORK/json-copy.db"
run painlog import "$WORK/all.json"
expect_rc 0
expect_out_is "Imported 3 entries, 2 events, 2 questionnaire results and 1 dose from $WORK/all.json."
cmp -s <(painlog export --format json) "$WORK/all.json" && pass || fail "re-exported JSON differs byte for byte"
diff <(painlog export --format json) "$WORK/all.json" | head -5
export DB="$WORK/diary.db"

case_ "--since/--until keep a period by diary day"
run painlog export --format json --since 2026-11-20 --until 2026-11-20
expect_rc 0
expect_eq "$(grep -c '"pain": ' <<<"$OUT")" 1 "entries on 2026-11-20"
expect_out_has '"events": [],'
expect_out_has '"questionnaires": []'
run painlog export --since 2026-11-20 --until 2026-11-20
expect_eq "$(wc -l <<<"$OUT")" 3 "CSV lines: header and one entry over two lines"

case_ "-o writes a private file and nothing to stdout"
run painlog export --format json -o "$WORK/private.json"
expect_rc 0
expect_out_is ""
expect_eq "$(stat -c %a "$WORK/private.json")" "600" "mode of -o file"

case_ "bad options"
snapshot
run painlog export --format xml
expect_rc 2
expect_error "--format"
run painlog export --format json --what events
expect_rc 2
expect_error "--what events: only applies to --format csv"
run painlog export --since 2026-11-21 --until 2026-11-20
expect_rc 2
expect_error "--since 2026-11-21: after the last day 2026-11-20; expected a first day on or before the last"
run painlog export --since someday
expect_rc 2
expect_error "--since someday"
run painlog export -o "$WORK/no/such/dir/x.csv"
expect_rc 1
expect_error "cannot write"
expect_unchanged

finish
