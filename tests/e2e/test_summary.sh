# SPDX-License-Identifier: GPL-3.0-or-later
# painlog summary: figures over diary days worked out by hand from a small
# diary, a period crossing the October DST change, an empty period, JSON
# nulls, every bad-input class, and speed on a ten-year diary.
source "$(dirname "$0")/lib.sh"

# JSON field from $OUT.
jf() { printf '%s' "$OUT" | jq -r "$1"; }

case_ "an empty diary: a helpful message, exit 0"
run painlog summary
expect_rc 0
expect_out_has "Summary 2026-10-26 to 2026-11-22 (28 days)"
expect_out_has "No entries in this period."
expect_out_has "painlog add"
expect_err_empty

case_ "an empty diary as JSON: counts are 0, figures are null"
run painlog summary --format json
expect_rc 0
expect_eq "$(jf .period.days)" 28 "period.days"
expect_eq "$(jf .days_logged)" 0 "days_logged"
expect_eq "$(jf .entries)" 0 "entries"
expect_eq "$(jf .streak_days)" 0 "streak_days"
expect_eq "$(jf .metrics.pain.n)" 0 "pain n"
expect_eq "$(jf .metrics.pain.mean)" null "pain mean"
expect_eq "$(jf .metrics.pain.sd)" null "pain sd"
expect_eq "$(jf .metrics.mood.change)" null "mood change"
expect_eq "$(jf .best_worst.pain.best)" null "best pain day"
expect_eq "$(jf '.tags | length')" 0 "tags"
expect_eq "$(jf '.patterns[0].rho')" null "pattern rho"
expect_eq "$(jf '.patterns[0].finding')" not_enough_data "pattern finding"

# The diary (TZ Europe/London, now 2026-11-22 20:00Z). The clocks went back
# at 02:00 on Sunday 25 October 2026, so 00:30 on the 25th is still BST.
#   Oct 25 00:30  pain 8                 -> previous period (Sep 28 – Oct 25)
#   Oct 26 00:30  pain 2                 -> first day of the default period
#   Nov 20 08:00  pain 6 mood 4 -cold    \ one day: pain (6+4)/2 = 5, mood 5
#   Nov 20 20:00  pain 4 mood 6          /
#   Nov 21 09:00  pain 3 mood 7 +heat
#   Nov 22 09:00  pain 7 mood 3 -cold sleep 5
add() { run painlog add "$@"; [ "$RC" -eq 0 ] && pass || fail "add $*"; }
case_ "building the diary"
add --at 2026-10-25T00:30 --pain 8
add --at 2026-10-26T00:30 --pain 2
add --at 2026-11-20T08:00 --pain 6 --mood 4 --worse cold
add --at 2026-11-20T20:00 --pain 4 --mood 6
add --at 2026-11-21T09:00 --pain 3 --mood 7 --better heat
add --at 2026-11-22T09:00 --pain 7 --mood 3 --worse cold --sleep 5
expect_eq "$(sql "SELECT group_concat(day, ' ') FROM (SELECT DISTINCT day FROM entry ORDER BY day)")" \
    "2026-10-25 2026-10-26 2026-11-20 2026-11-21 2026-11-22" "diary days across the DST change"

# Pain over the period (Oct 26, Nov 20, 21, 22): 2 5 3 7.
#   n 4, mean 17/4 = 4.25, median (3+5)/2 = 4, sd sqrt(14.75/3) = 2.217,
#   min 2, max 7; previous mean 8 (n 1); change 4.25 - 8 = -3.75.
# Mood (Nov 20, 21, 22): 5 7 3: mean 5, median 5, sd 2.
case_ "summary JSON: figures over diary days"
run painlog summary --format json
expect_rc 0
expect_eq "$(jf .period.from)" 2026-10-26 "period.from"
expect_eq "$(jf .period.to)" 2026-11-22 "period.to"
expect_eq "$(jf .previous_period.from)" 2026-09-28 "previous_period.from"
expect_eq "$(jf .previous_period.to)" 2026-10-25 "previous_period.to"
expect_eq "$(jf .days_logged)" 4 "days_logged"
expect_eq "$(jf .entries)" 5 "entries"
expect_eq "$(jf .streak_days)" 3 "streak_days"
expect_eq "$(jf .metrics.pain.n)" 4 "pain n"
expect_eq "$(jf .metrics.pain.mean)" 4.25 "pain mean"
expect_eq "$(jf .metrics.pain.median)" 4 "pain median"
expect_eq "$(jf '.metrics.pain.sd * 1000 | round')" 2217 "pain sd x1000"
expect_eq "$(jf .metrics.pain.min)" 2 "pain min"
expect_eq "$(jf .metrics.pain.max)" 7 "pain max"
expect_eq "$(jf .metrics.pain.previous_n)" 1 "pain previous_n"
expect_eq "$(jf .metrics.pain.previous_mean)" 8 "pain previous_mean"
expect_eq "$(jf .metrics.pain.change)" -3.75 "pain change"
expect_eq "$(jf .metrics.mood.mean)" 5 "mood mean"
expect_eq "$(jf .metrics.mood.sd)" 2 "mood sd"
expect_eq "$(jf .metrics.mood.previous_mean)" null "mood previous_mean"
expect_eq "$(jf .metrics.sleep_hours.n)" 1 "sleep n"
expect_eq "$(jf .metrics.sleep_hours.sd)" null "sd of one value"
expect_eq "$(jf .metrics.energy.mean)" null "energy mean"
expect_eq "$(jf .best_worst.pain.best.date)" 2026-10-26 "best pain day"
expect_eq "$(jf .best_worst.pain.worst.date)" 2026-11-22 "worst pain day"
expect_eq "$(jf .best_worst.mood.best.date)" 2026-11-21 "best mood day"

# cold: Nov 20 and 22, pain 5 and 7 -> 6; without: Oct 26 and Nov 21, 2 and 3 -> 2.5.
# heat: Nov 21, 3; without: 2 5 7 -> 14/3.
case_ "summary JSON: tags against pain"
expect_eq "$(jf '.tags | length')" 2 "tags"
expect_eq "$(jf '.tags[0] | "\(.tag) \(.kind) \(.days) \(.n_with) \(.mean_pain_with) \(.n_without) \(.mean_pain_without)"')" \
    "cold worse 2 2 6 2 2.5" "cold"
expect_eq "$(jf '.tags[1] | "\(.tag) \(.kind) \(.days) \(.mean_pain_with)"')" "heat better 1 3" "heat"
expect_eq "$(jf '.tags[1].mean_pain_without * 1000 | round')" 4667 "heat without x1000"
expect_eq "$(jf '[.patterns[].n] | join(" ")')" "1 0 0 3" "pattern n"
expect_eq "$(jf '[.patterns[].finding] | unique | join(" ")')" "not_enough_data" "patterns below n 10"

case_ "summary text"
run painlog summary
expect_rc 0
expect_out_has "Summary 2026-10-26 to 2026-11-22 (28 days)"
expect_out_has "Logged on 4 of 28 days (14 %), 5 entries; current streak 3 days."
expect_out_has "pain          4  4.3    4.0 2.2 2.0 7.0      8.0 (1)   -3.8"
expect_out_has "mood          3  5.0    5.0 2.0 3.0 7.0            –      –"
expect_out_has "Best pain day: 2026-10-26 (2.0); worst: 2026-11-22 (7.0); n = 4."
expect_out_has "cold worse     2       6.0 (2)     2.5 (2)"
expect_out_has "Not enough data for mood and pain the same day (n = 3; needs 10)."
expect_out_lacks "nan"

case_ "a period across the DST change counts calendar days"
run painlog summary --since 2026-10-20 --until 2026-10-31 --format json
expect_rc 0
expect_eq "$(jf .period.days)" 12 "days Oct 20–31"
expect_eq "$(jf .previous_period.from)" 2026-10-08 "previous from"
expect_eq "$(jf .days_logged)" 2 "Oct 25 and Oct 26"
expect_eq "$(jf .metrics.pain.mean)" 5 "(8 + 2) / 2"

case_ "spans and --until"
run painlog summary --since 3d --format json
expect_eq "$(jf .period.from)" 2026-11-20 "3d starts the day before yesterday"
expect_eq "$(jf .metrics.pain.n)" 3 "pain n over 3 days"
expect_eq "$(jf .metrics.pain.previous_mean)" null "no pain Nov 17–19"
run painlog summary --until 2026-10-26 --format json
expect_eq "$(jf .period.from)" 2026-09-29 "28 days ending --until"
expect_eq "$(jf .metrics.pain.n)" 2 "Oct 25 and 26"

case_ "an empty period in a non-empty diary: message, exit 0, JSON nulls"
run painlog summary --since 2026-11-01 --until 2026-11-10
expect_rc 0
expect_out_has "No entries in this period."
run painlog summary --since 2026-11-01 --until 2026-11-10 --format json
expect_rc 0
expect_eq "$(jf .metrics.pain.mean)" null "pain mean"
expect_eq "$(jf .metrics.pain.previous_mean)" 5 "previous period Oct 22–31 has pain 8 and 2"
expect_eq "$(jf .metrics.pain.change)" null "no change without a mean"

case_ "bad input: exit 2, one line naming the value, diary unchanged"
snapshot
run painlog summary --since 2026-13-01
expect_rc 2
expect_error "2026-13-01"
expect_unchanged
run painlog summary --until soon
expect_rc 2
expect_error "--until soon"
expect_unchanged
run painlog summary --since 2026-11-23 --until 2026-11-22
expect_rc 2
expect_error "--since 2026-11-23: after the last day 2026-11-22"
expect_unchanged
run painlog summary --format xml
expect_rc 2
expect_error "xml"
expect_unchanged
[ -z "$OUT" ] && pass || fail "bad input printed to stdout"

case_ "patterns with ten or more days"
# A fresh diary: Nov 1–12, sleep rising from 4 to 9.5 hours while pain falls,
# activity alternating. Sleep hours 4, 4.5, … 9.5 against pain 9 9 8 8 7 7 6 6 5 5 4 4:
# the orders agree in reverse, but pain's ties (average ranks 11.5 11.5 9.5 …)
# keep rho off -1: the Python reference (tests/unit/test_stats.cpp) gives
# rho = -0.9894548898363074, t = -21.60, p = 1.0e-09.
DB="$WORK/patterns.db"
pain=(9 9 8 8 7 7 6 6 5 5 4 4)
for i in $(seq 0 11); do
    day=$(printf '2026-11-%02d' $((i + 1)))
    sleep_hours=$(awk "BEGIN { print 4 + $i * 0.5 }")
    add --at "${day}T09:00" --pain "${pain[$i]}" --sleep "$sleep_hours" --activity $((i % 2 * 5 + 2)) --mood 5
done
run painlog summary --since 2026-11-01 --until 2026-11-12 --format json
expect_eq "$(jf '.patterns[0] | "\(.x) \(.y) \(.lag_days) \(.n) \(.finding)"')" "sleep_hours pain 0 12 lower" "sleep pattern"
expect_eq "$(jf '.patterns[0].rho * 1000000 | round')" -989455 "rho x1e6"
expect_eq "$(jf '.patterns[0].p < 0.000000002 and .patterns[0].p > 0.000000001')" true "p"
expect_eq "$(jf '.patterns[2] | "\(.x) \(.lag_days) \(.n)"')" "activity 1 11" "activity pairs with the next day"
expect_eq "$(jf '.patterns[3].finding')" not_enough_data "mood is constant: no rho"
expect_eq "$(jf '.patterns[3].rho')" null "constant mood rho"
run painlog summary --since 2026-11-01 --until 2026-11-12
expect_out_has "  After nights with more sleep, pain tended to be lower (rho -0.99, p < 0.001,
    n = 12)."
expect_out_has "a link is not a cause"
expect_out_has "Not enough variation in mood and pain the same day to compare (n = 12)."

# Speed is measured by tests/bench/run.sh, not here: this checks the result.
case_ "a ten-year diary: all of it, and the default period"
DB="$WORK/big.db"
new_diary
# 7,300 entries, two a day, 2016-11-25 .. 2026-11-22 (3,650 days), written with SQL.
sql "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 3649)
     INSERT INTO entry (at, zone, day, pain, mood, sleep_hours)
     SELECT strftime('%Y-%m-%dT%H:%M:%SZ', '2016-11-25 09:00', '+' || (i / 2) || ' days', '+' || (i % 2 * 10) || ' hours'),
            'Europe/London', date('2016-11-25', '+' || (i / 2) || ' days'), (i * 7) % 11, (i * 3) % 11, 6 + (i % 5) * 0.5
     FROM n" || fail "sql insert"
sql "WITH RECURSIVE n(i) AS (SELECT 3650 UNION ALL SELECT i + 1 FROM n WHERE i < 7299)
     INSERT INTO entry (at, zone, day, pain, mood, sleep_hours)
     SELECT strftime('%Y-%m-%dT%H:%M:%SZ', '2016-11-25 09:00', '+' || (i / 2) || ' days', '+' || (i % 2 * 10) || ' hours'),
            'Europe/London', date('2016-11-25', '+' || (i / 2) || ' days'), (i * 7) % 11, (i * 3) % 11, 6 + (i % 5) * 0.5
     FROM n" || fail "sql insert"
sql "INSERT INTO entry_tag SELECT id, 'worse', 'cold' FROM entry WHERE id % 3 = 0" || fail "sql tags"
expect_eq "$(sql 'SELECT count(*) FROM entry')" 7300 "entries"
run painlog summary --since 10y --format json
expect_rc 0
expect_eq "$(jf .entries)" 7300 "every entry in 10y"
expect_eq "$(jf .streak_days)" 3650 "streak over ten years"
run painlog summary --format json
expect_rc 0
expect_eq "$(jf .days_logged)" 28 "default period on a big diary"

finish
