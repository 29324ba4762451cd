#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Medicine doses (painlog-med(1)): med take/list/edit/rm/names, add --med,
# bad input (exit 2, nothing written), the check-in's picks on a real
# pseudo-terminal, summary, response windows with and without doses, the
# report, status, and round trips through CSV and JSON. Figures by hand:
#
#   Infusion on 2026-11-08 10:00; baseline 2026-10-25..2026-11-07 (14 days),
#   every day logged with pain 6 and pregabalin 75 mg (regular); oxycodone
#   5 mg as needed on the 7 days 2026-11-01..07: 7 x 7.5 = 52.5 MME over 14
#   logged days = 3.75 MME a day, 7/14 = 0.5 as-needed doses a day.
#   Days 1-7 (2026-11-09..15): pain 3, pregabalin, one oxycodone 5 mg on
#   2026-11-10 only: 7.5/7 = 1.07 MME a day (-71.4 %), 1/7 = 0.143 as needed
#   (-71.4 %).
source "$(dirname "$0")/lib.sh" "$@"

day() { date -u -d "$1 + $2 days" +%F; }

case_ "a dose from the command line, brands mapped, amounts and as needed"
run painlog med take Lyrica 75mg --at 2026-11-22T08:00
expect_rc 0
expect_out_is "Recorded dose 1: pregabalin 75 mg on 2026-11-22 08:00."
run painlog med take oxycodone 5 mg prn --at 2026-11-22T14:00 --note "bad afternoon"
expect_out_is "Recorded dose 2: oxycodone 5 mg, as needed on 2026-11-22 14:00."
run painlog med take paracetamol 2 tablets --prn --at 2026-11-22T15:00
expect_out_has "paracetamol 2 tablets, as needed"
run painlog med take "My Cream" --at 2026-11-22T16:00 --format json
expect_out_has '"medicine": "my cream"'
expect_out_has '"amount": null'
expect_out_has '"as_needed": false'
expect_eq "$(sql "SELECT medicine, amount, unit, as_needed, note FROM dose WHERE id = 2")" "oxycodone|5.0|mg|1|bad afternoon"
expect_eq "$(sql "SELECT medicine, amount, unit, as_needed FROM dose WHERE id = 1")" "pregabalin|75.0|mg|0"

case_ "bad doses: exit 2, one line naming the value, nothing written"
snapshot
for bad in "pregabalin 5 spoons" "pregabalin 0mg" "pregabalin -1mg" "pregabalin 25mcg/h" "oxycodone 2 puffs" \
    "5mg" "pregabalin 200000mg" "prn"; do
    run painlog med take $bad
    expect_rc 2
    expect_error ""
    expect_unchanged
done
run painlog med take pregabalin 5 spoons
expect_error "unknown unit spoons; expected mg, mcg, g, ml, tablet, capsule, drop, puff, patch or mcg/h"
run painlog med take pregabalin 25mcg/h
expect_error "pregabalin does not come in mcg/h"
run painlog med take "$(printf 'bad\033[2Jname')" 5mg
expect_rc 2
expect_unchanged
run painlog add --pain 5 --med "pregabalin 0mg"
expect_rc 2
expect_error "--med pregabalin 0mg: expected an amount above 0"
expect_unchanged
run painlog med edit 2 --prn --regular
expect_rc 2
expect_error "contradict"
run painlog med edit 2 --amount 5kg
expect_rc 2
expect_error "unknown unit kg"
run painlog med edit 1 --amount 25mcg/h
expect_rc 2
expect_error "pregabalin does not come in mcg/h"
run painlog med edit 2
expect_rc 2
expect_error "nothing to change"
run painlog med edit 99 --prn
expect_rc 2
expect_error "dose 99: no such dose"
run painlog med rm 2
expect_rc 2
expect_error "not on a terminal"
expect_unchanged

case_ "edit and remove"
run painlog med edit 2 --amount 10mg --regular --note ""
expect_rc 0
expect_out_is "Updated dose 2: oxycodone 10 mg on 2026-11-22 14:00."
expect_eq "$(sql "SELECT amount, as_needed, note FROM dose WHERE id = 2")" "10.0|0|"
run painlog med edit 2 --amount "" --medicine OxyNorm
expect_out_is "Updated dose 2: oxycodone on 2026-11-22 14:00."
run painlog med rm 4 --yes
expect_out_is "Deleted dose 4."
expect_eq "$(sql "SELECT count(*) FROM dose")" "3"

case_ "add --med records doses with the entry in one transaction"
run painlog add --pain 4 --med "pregabalin 75mg" --med "oxycodone 5mg prn" --at 2026-11-22T19:00
expect_rc 0
expect_eq "$(sql "SELECT count(*) FROM dose WHERE at = '2026-11-22T19:00:00Z'")" "2"

case_ "med list: the doses and the regular medicines"
run painlog med list
expect_rc 0
expect_out_has "pregabalin"
expect_out_has "as needed"
expect_out_has "Regular medicines (doses not as needed, 28 days to 2026-11-22):"
expect_out_has "anti-seizure"
run painlog med list --medicine lyrica --format json
expect_eq "$(jq -r '[.doses[].medicine] | unique | join(",")' <<<"$OUT")" "pregabalin"
expect_eq "$(jq -c '[.regimen[] | {medicine, usual_amount, usual_unit, days_taken}]' <<<"$OUT")" \
    '[{"medicine":"oxycodone","usual_amount":null,"usual_unit":null,"days_taken":1},{"medicine":"pregabalin","usual_amount":75,"usual_unit":"mg","days_taken":1}]'
run painlog med list --format csv
expect_out_has "id,medicine,amount,unit,as_needed,time,zone,day,note"

case_ "status shows today's doses"
run painlog status
expect_out_has "Doses today:      pregabalin 75 mg; oxycodone; paracetamol 2 tablets, as needed; pregabalin 75 mg; oxycodone 5 mg, as needed"
run painlog status --format json
expect_eq "$(jq '.doses_today | length' <<<"$OUT")" "5"

case_ "med names lists the vocabulary with its sources' data"
run painlog med names --format json
expect_eq "$(jq -r '.[] | select(.medicine == "oxycodone") | "\(.atc) \(.mme_factor) \(.classes[0])"' <<<"$OUT")" "N02AA05 1.5 opioid"
expect_eq "$(jq -r '.[] | select(.medicine == "buprenorphine") | .mme_factor' <<<"$OUT")" "null"
expect_eq "$(jq -r '.[] | select(.also_known_as | index("acetaminophen")) | .medicine' <<<"$OUT")" "paracetamol"

# A fresh diary for the figures.
DB="$WORK/response.db"
case_ "response: MME and as-needed doses a logged day, before and after"
for i in $(seq 0 13); do
    d=$(day 2026-10-25 "$i")
    painlog add --pain 6 --at "${d}T09:00" --med "pregabalin 75mg" >/dev/null
    [ "$i" -ge 7 ] && painlog med take oxycodone 5mg --prn --at "${d}T15:00" >/dev/null
done
painlog event add infusion --at 2026-11-08T10:00 --label ketamine >/dev/null
for i in $(seq 1 7); do
    d=$(day 2026-11-08 "$i")
    painlog add --pain 3 --at "${d}T09:00" --med "pregabalin 75mg" >/dev/null
done
painlog med take oxycodone 5mg --prn --at 2026-11-10T15:00 >/dev/null
run painlog response --format json
expect_rc 0
expect_eq "$(jq -c '.events[0].baseline | [.medicine_days_logged, .mme_per_day, .prn_doses_per_day]' <<<"$OUT")" "[14,3.75,0.5]"
expect_eq "$(jq -c '.events[0].windows[0] | [.medicine_days_logged, .mme_per_day, .mme_per_day_change, .mme_per_day_change_pct, .prn_doses_per_day, .prn_doses_per_day_change, .prn_doses_per_day_change_pct]' <<<"$OUT")" \
    "[7,1.07,-2.68,-71.4,0.143,-0.357,-71.4]"
run painlog response
expect_out_has "Medicines      Days MME/day Change     % As needed/day Change     %"
expect_out_has "days 1-7          7     1.1   -2.7 -71.4          0.14  -0.36 -71.4"
expect_out_has "not a dose conversion between opioids"

case_ "summary: each medicine and daily MME"
run painlog summary --since 2026-10-25 --until 2026-11-15 --format json
# 21 logged days (2026-10-25..11-15); 8 oxycodone doses x 7.5 = 60 MME.
expect_eq "$(jq -c '.medicines | [.logged_days, .mme_per_day.mean * 21, .mme_per_day.max]' <<<"$OUT")" "[21,60,7.5]"
expect_eq "$(jq -c '.medicines.medicines[] | select(.medicine == "oxycodone") | [.days_taken, .as_needed_doses, .as_needed_per_day * 21]' <<<"$OUT")" "[8,8,8]"
run painlog summary --since 2026-10-25 --until 2026-11-15
expect_out_has "Opioid use: 2.9 MME a day on average over the logged days (range 0.0 to"

case_ "the report has a medicines section in every format"
for format in text markdown html json; do
    run painlog report --format "$format"
    expect_rc 0
done
run painlog report --format json
expect_eq "$(jq -r '.sections | index("medicines") != null' <<<"$OUT")" "true"
expect_eq "$(jq -c '[.regimen[0].medicine, .daily_mme[0]]' <<<"$OUT")" '["pregabalin",{"day":"2026-11-01","mme":7.5}]'
run painlog report --format html
expect_out_has '<section id="medicines">'
expect_out_has "Opioid use in morphine milligram equivalents (MME) a day"

case_ "without doses, response JSON has null medicine figures and no medicines section"
DB="$WORK/plain.db"
painlog add --pain 5 --at 2026-11-01T09:00 >/dev/null
painlog event add infusion --at 2026-11-02T10:00 >/dev/null
run painlog response --format json
expect_eq "$(jq -c '.events[0].windows[0] | [.mme_per_day, .prn_doses_per_day]' <<<"$OUT")" "[null,null]"
run painlog response
expect_out_lacks "MME"
run painlog report --format json
expect_eq "$(jq -r '.sections | index("medicines")' <<<"$OUT")" "null"

case_ "round trips: JSON and CSV exports of doses import to the same bytes"
DB="$WORK/response.db"
painlog export --format json -o "$WORK/a.json" >/dev/null
painlog export --format csv --what doses -o "$WORK/a.csv" >/dev/null
DB="$WORK/copy.db"
new_diary
run painlog import "$WORK/a.json"
expect_rc 0
painlog export --format json -o "$WORK/b.json" >/dev/null
expect_eq "$(cmp -s "$WORK/a.json" "$WORK/b.json" && echo same)" "same" "JSON round trip"
run painlog import "$WORK/a.json"
expect_eq "$(sql "SELECT count(*) FROM dose")" "$(sqlite3 "$WORK/response.db" "SELECT count(*) FROM dose")" "importing twice adds nothing"
DB="$WORK/csv.db"
new_diary
run painlog import "$WORK/a.csv"
expect_rc 0
painlog export --format csv --what doses -o "$WORK/b.csv" >/dev/null
expect_eq "$(cmp -s "$WORK/a.csv" "$WORK/b.csv" && echo same)" "same" "CSV round trip"

case_ "the check-in offers the usual doses as numbered picks"
DB="$WORK/response.db"
if command -v script >/dev/null; then
    OUT=$(printf '4\n\n\n\n\n\n\n\n\n\n\n\n1, 2, tramadol 50mg prn\n\n' |
        script -qec "'$PAINLOG_BIN' --db '$DB' add" /dev/null 2>&1)
    RC=$?
    expect_rc 0
    expect_out_has "Your usual medicines:"
    expect_out_has "  1 pregabalin 75 mg"
    expect_out_has "  2 oxycodone 5 mg, as needed"
    expect_eq "$(sql "SELECT medicine || ' ' || amount || unit || ' ' || as_needed FROM dose WHERE at = '2026-11-22T20:00:00Z' ORDER BY id")" \
        "pregabalin 75.0mg 0
oxycodone 5.0mg 1
tramadol 50.0mg 1"
    snapshot
    OUT=$(printf '4\n\n\n\n\n\n\n\n\n\n\n\n9\n\004' | script -qec "'$PAINLOG_BIN' --db '$DB' add" /dev/null 2>&1)
    expect_out_has "9: expected a number from 1 to"
    expect_unchanged
fi

finish
