# SPDX-License-Identifier: GPL-3.0-or-later
# painlog trend: sparklines, the Mann–Kendall verdict aware of which way is
# better, weekly and monthly means, JSON points with the rolling mean, an
# empty period and every bad-input class.
source "$(dirname "$0")/lib.sh"

jf() { printf '%s' "$OUT" | jq -r "$1"; }
add() { run painlog add "$@"; [ "$RC" -eq 0 ] && pass || fail "add $*"; }

case_ "an empty diary: a helpful message, exit 0"
run painlog trend
expect_rc 0
expect_out_has "Trend 2026-09-28 to 2026-11-22 (56 days)"
expect_out_has "No values in this period."
expect_err_empty
run painlog trend --format json
expect_rc 0
expect_eq "$(jf .metrics.pain.n)" 0 "pain n"
expect_eq "$(jf .metrics.pain.slope_per_week)" null "slope"
expect_eq "$(jf .metrics.pain.mann_kendall)" null "mann_kendall"
expect_eq "$(jf .metrics.pain.direction)" no_clear_trend "direction"
expect_eq "$(jf '.metrics.pain.points | length')" 56 "one point per day"
expect_eq "$(jf '[.metrics.pain.points[].value] | unique | join(",")')" "" "every value null"

# Nov 9–22 (14 days, TZ Europe/London): pain falls 8 8 7 7 6 6 5 5 4 4 3 3 2 2,
# with no entry on Nov 12 and Nov 17 (their pain, 7 and 4, is left out);
# mood 2 + i/2 rises on the same days.
case_ "building the diary"
pain=(8 8 7 7 6 6 5 5 4 4 3 3 2 2)
for i in $(seq 0 13); do
    [ "$i" -eq 3 ] || [ "$i" -eq 8 ] && continue
    add --at "$(printf '2026-11-%02dT10:00' $((9 + i)))" --pain "${pain[$i]}" --mood $((2 + i / 2))
done

# Computed once with the Python reference implementation described in
# tests/unit/test_stats.cpp, for days x = 0 1 2 4 5 6 7 9 10 11 12 13
# (0 = Nov 9) and pain 8 8 7 6 6 5 5 4 3 3 2 2:
#   S = -61, var_s = 207.6667 (five tied pairs: 12*11*29/18 - 5*18/18),
#   z = (-61 + 1) / sqrt(207.6667) = -4.1636, p = 3.13e-05,
#   Theil–Sen slope -0.5 a day = -3.5 a week.
case_ "trend JSON: slope, Mann–Kendall and direction"
run painlog trend --since 2026-11-09 --format json
expect_rc 0
expect_eq "$(jf .period.days)" 14 "days"
expect_eq "$(jf .metrics.pain.n)" 12 "pain n"
expect_eq "$(jf .metrics.pain.mann_kendall.s)" -61 "S"
expect_eq "$(jf '.metrics.pain.mann_kendall.var_s * 1000 | round')" 207667 "var S x1000"
expect_eq "$(jf '.metrics.pain.mann_kendall.z * 1000 | round')" -4164 "z x1000"
expect_eq "$(jf '.metrics.pain.mann_kendall.p < 0.0001')" true "p"
expect_eq "$(jf .metrics.pain.slope_per_week)" -3.5 "slope per week"
expect_eq "$(jf .metrics.pain.direction)" improving "pain down is improving"
expect_eq "$(jf .metrics.mood.direction)" improving "mood up is improving"
expect_eq "$(jf .metrics.energy.direction)" no_clear_trend "no energy"
expect_eq "$(jf '.metrics.pain.points[3] | "\(.date) \(.value)"')" "2026-11-12 null" "a gap is null"
# Rolling mean on Nov 15 (Nov 9–15): 8 8 7 6 6 5 = 40/6; on Nov 11: 8 8 7 -> 23/3 (3 values needed).
expect_eq "$(jf '.metrics.pain.points[6].rolling_mean_7 * 1000 | round')" 6667 "rolling mean Nov 15"
expect_eq "$(jf '.metrics.pain.points[2].rolling_mean_7 * 1000 | round')" 7667 "rolling mean Nov 11"
expect_eq "$(jf '.metrics.pain.points[1].rolling_mean_7')" null "two values are not enough"
# Weeks: Nov 9–15 (Mon–Sun): pain 8 8 7 6 6 5 -> 40/6; Nov 16–22: 5 4 3 3 2 2 -> 19/6.
expect_eq "$(jf '.groups | length')" 2 "two weeks"
expect_eq "$(jf '.groups[1] | "\(.from) \(.to) \(.metrics.pain.n)"')" "2026-11-16 2026-11-22 6" "second week"
expect_eq "$(jf '.groups[1].metrics.pain.mean * 1000 | round')" 3167 "second week mean"

case_ "trend text: sparklines and plain-words verdicts"
run painlog trend --since 2026-11-09 --metric pain --metric mood
expect_rc 0
# Pain levels round(v × 0.7): 8→6 ▇, 7→5 ▆, 6→4 ▅, 5→4 ▅ (3.5 rounds up), 4→3 ▄, 3→2 ▃, 2→1 ▂.
expect_out_has "pain          ▇▇▆ ▅▅▅▅ ▄▃▃▂▂"
expect_out_has "Improving: pain tended to go down (n = 12 days)."
expect_out_has "slope -3.50/week, Mann–Kendall S = -61, z = -4.16, p < 0.001"
expect_out_has "Improving: mood tended to go up (n = 12 days)."
expect_out_lacks "energy"
expect_out_has "week of       pain    mood"
expect_out_has "not medical advice"

case_ "a metric without values says so in one line and has no table column"
run painlog trend --since 2026-11-09 --metric pain --metric energy
expect_out_has "energy        no values in this period"
expect_out_has "week of       pain"
expect_out_lacks "   energy"

case_ "worsening: pain going up"
DB="$WORK/worse.db"
for i in $(seq 0 9); do add --at "$(printf '2026-11-%02dT10:00' $((10 + i)))" --pain $((1 + i / 2)); done
run painlog trend --since 2026-11-10 --metric pain --format json
expect_eq "$(jf .metrics.pain.direction)" worsening "pain up is worsening"
run painlog trend --since 2026-11-10 --metric pain
expect_out_has "Worsening: pain tended to go up (n = 10 days)."

case_ "fewer than 8 days: no clear trend, not enough data"
run painlog trend --since 2026-11-16 --metric pain
expect_rc 0
expect_out_has "No clear trend: not enough data (n = 4 days; needs 8)."
run painlog trend --since 2026-11-16 --metric pain --format json
expect_eq "$(jf .metrics.pain.mann_kendall)" null "no test below 8 days"
expect_eq "$(jf .metrics.pain.direction)" no_clear_trend "direction"

case_ "--by month and --by day"
run painlog trend --since 2026-10-20 --by month --metric pain --format json
expect_eq "$(jf '[.groups[] | .from] | join(" ")')" "2026-10-20 2026-11-01" "months cut to the period"
expect_eq "$(jf .by)" month "by"
run painlog trend --since 2026-11-18 --by day --metric pain
expect_out_has "day           pain"
expect_out_has "2026-11-19 5.0 (1)"

case_ "a long period puts several days in one sparkline character"
run painlog trend --since 1y --metric pain
expect_rc 0
expect_out_has "one character per 7 days (their mean)"

case_ "bad input: exit 2, one line naming the value, diary unchanged"
snapshot
run painlog trend --metric weather
expect_rc 2
expect_error "--metric weather: expected one of pain, mood, energy, sleep_hours, sleep_quality, activity"
expect_unchanged
run painlog trend --by year
expect_rc 2
expect_error "--by year: expected one of day, week, month"
expect_unchanged
run painlog trend --since someday
expect_rc 2
expect_error "someday"
expect_unchanged
run painlog trend --since 2026-11-22 --until 2026-11-01
expect_rc 2
expect_error "after the last day 2026-11-01"
expect_unchanged
run painlog trend --format csv
expect_rc 2
expect_error "csv"
expect_unchanged
[ -z "$OUT" ] && pass || fail "bad input printed to stdout"


case_ "an infusion in the period is marked under the sparklines and named by every trend line that spans it"
# The diary above, Nov 9-22, with an infusion on Nov 15 (day 7 of 14).
painlog event add infusion --at 2026-11-15T10:00 --label ketamine >/dev/null
run painlog trend --since 2026-11-09
expect_rc 0
expect_out_has "$(printf '%-14s%s' '  infusion' '      ^')"
expect_out_has "The line spans the infusion of 2026-11-15: it mixes before and after (see painlog response)."
run painlog trend --since 2026-11-09 --format json
expect_eq "$(jf '.infusion_days | join(",")')" "2026-11-15" "infusion_days"
run painlog trend --since 2026-11-16
expect_out_lacks "infusion"
run painlog trend --since 2026-11-16 --format json
expect_eq "$(jf '.infusion_days | length')" "0" "no infusion in a period after it"

finish
