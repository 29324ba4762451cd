# SPDX-License-Identifier: GPL-3.0-or-later
# painlog response on a diary whose figures were worked out by hand.
#
# Today is 2026-11-22 (lib.sh); London is on GMT (UTC+0) throughout.
# Infusion on 2026-11-01 10:00 = day 0 (D). Pain by diary day:
#   D-14 .. D-1 (10-18 .. 10-31): 6, mood 4           baseline mean 6.0, mood 4.0
#   D (11-01): 9 at 23:30                              infusion day: in nothing
#   D+1 (11-02): 2 at 00:30 and 4 at 09:00 -> 3        day 1
#   D+2 .. D+7: 3, mood 6                              days 1-7: 3.0, -3.0, -50.0 % substantial
#   D+8 .. D+14: 4                                     days 8-14: 4.0, -2.0, -33.3 % moderate
#   D+15 .. D+21 (to 11-22, today): 6                  days 15-28: in progress, 7/7 days, 0.0 % none
#   since infusion: (7x3 + 7x4 + 7x6) / 21 = 91/21 = 4.333: -1.67, -27.8 % minimal
# Rolling 7-day mean of pain: day 14 (days 8-14) = 4.0 (-33.3 %, responding); day 15
# (days 9-15) = (6x4 + 6) / 7 = 4.29 (-28.6 %, not): the response lasted 14 days.
# Side effects: nausea at D 15:00 and dizziness at D+1 09:00 are within 48 h; vivid dreams
# at D+3 09:00 are not.
# Mood: days 1-7 = (day 1 has none) 6 x 6 / 6 = 6.0, change +2.0.
source "$(dirname "$0")/lib.sh"

jf() { printf '%s' "$OUT" | jq -r "$1"; }
day_of() { date -u -d "2026-11-01 $1 days" +%F; }

case_ "no infusions yet"
run painlog response
expect_rc 0
expect_out_is "No infusions recorded; add one with: painlog event add infusion --at WHEN"
run painlog response --format json
expect_rc 0
expect_eq "$(jf '.events | length')" 0 "no events"
expect_eq "$(jf .today)" 2026-11-22 today
expect_eq "$(jf .baseline_days)" 14 "default baseline"

for i in $(seq -14 -1); do painlog add --at "$(day_of "$i")T09:00" --pain 6 --mood 4 >/dev/null; done
painlog event add infusion --at 2026-11-01T10:00 --label ketamine >/dev/null
painlog add --at 2026-11-01T15:00 --side-effect nausea >/dev/null
painlog add --at 2026-11-01T23:30 --pain 9 >/dev/null
painlog add --at 2026-11-02T00:30 --pain 2 >/dev/null
painlog add --at 2026-11-02T09:00 --pain 4 --side-effect dizziness >/dev/null
for i in $(seq 2 7); do painlog add --at "$(day_of "$i")T09:00" --pain 3 --mood 6 >/dev/null; done
painlog add --at 2026-11-04T09:00 --side-effect "vivid dreams" >/dev/null
for i in $(seq 8 14); do painlog add --at "$(day_of "$i")T09:00" --pain 4 >/dev/null; done
for i in $(seq 15 21); do painlog add --at "$(day_of "$i")T09:00" --pain 6 >/dev/null; done
painlog event add appointment --at 2026-11-25T11:00 --label "follow-up" >/dev/null

case_ "JSON: baseline, windows, duration, side effects"
snapshot
run painlog response --format json
expect_rc 0
expect_unchanged
expect_eq "$(jf '.events | length')" 1 "one infusion (the appointment is not analysed)"
expect_eq "$(jf '.events[0] | [.id, .date, .label] | join(" ")')" "1 2026-11-01 ketamine" event
expect_eq "$(jf '.events[0].baseline | [.from, .to, .days_logged, .pain_mean, .mood_mean, .sufficient] | join(" ")')" \
    "2026-10-18 2026-10-31 14 6 4 true" baseline
w() { jf ".events[0].windows[$1] | [.label, .from, .to, .days, .days_logged, .pain_mean, .pain_change, .pain_change_pct, .category, .status] | join(\" \")"; }
expect_eq "$(w 0)" "days 1-7 2026-11-02 2026-11-08 7 7 3 -3 -50 substantial ok" "days 1-7"
expect_eq "$(w 1)" "days 8-14 2026-11-09 2026-11-15 7 7 4 -2 -33.3 moderate ok" "days 8-14"
expect_eq "$(w 2)" "days 15-28 2026-11-16 2026-11-22 7 7 6 0 0 none in progress" "days 15-28"
expect_eq "$(w 3)" "since infusion 2026-11-02 2026-11-22 21 21 4.33 -1.67 -27.8 minimal ok" "since"
expect_eq "$(jf '.events[0].windows[0] | [.mood_mean, .mood_change] | join(" ")')" "6 2" "mood days 1-7"
expect_eq "$(jf '.events[0] | [.response_status, .response_days, .response_ongoing] | join(" ")')" \
    "ended 14 false" duration
expect_eq "$(jf '.events[0].side_effects | map("\(.tag)=\(.count)") | join(",")')" "dizziness=1,nausea=1" \
    "side effects"

case_ "text: the same figures in 80 columns"
run painlog response
expect_rc 0
expect_golden response.txt
expect_eq "$(printf '%s\n' "$OUT" | awk 'length > 80' | wc -l)" 0 "lines over 80 columns"

case_ "issue 19 in JSON: areas, non-overlap, Tau-BC, days 1-28, best week, curve and number"
# Worked by hand from the diary above (baseline 6, flat: no trend, so Tau-BC = Tau):
#   days 1-7: 7 x 3 = 21 score-days, relief 6 x 7 - 21 = 21, 50 %; days 8-14: 28, 14, 33.3 %;
#   days 15-28 (so far 15-21): 42, 0, 0 %; since infusion: 91, 126 - 91 = 35, 27.8 %.
#   NAP days 1-7: every day 3 below every baseline 6: 1, interval (Newcombe, m 14, n 7) 0.788-1.
#   Curve: day -14 is 6 (0 %), day 1 is 3 (-50 %), day 15 covers days 9-15: 30/7 = 4.29 (-28.6 %).
run painlog response --format json
area() { jf ".events[0].windows[$1].pain_area | [.days, .rated_days, .filled_days, .pain_score_days, .relief_score_days, .relief_pct] | join(\" \")"; }
expect_eq "$(area 0)" "7 7 0 21 21 50" "area days 1-7"
expect_eq "$(area 1)" "7 7 0 28 14 33.3" "area days 8-14"
expect_eq "$(area 2)" "7 7 0 42 0 0" "area days 15-28 so far"
expect_eq "$(area 3)" "21 21 0 91 35 27.8" "area since the infusion"
expect_eq "$(jf '.events[0].windows[0].nap.pain | [.nap, .lower, .upper, .tau, .tau_bc, .trend_corrected] | join(" ")')" \
    "1 0.788 1 1 1 false" "NAP and Tau-BC days 1-7"
expect_eq "$(jf '.events[0].baseline_trend.pain | [.n, .slope_per_day, .mann_kendall.s, .trending] | join(" ")')" \
    "14 0 0 false" "a flat baseline does not trend"
expect_eq "$(jf '.events[0].area_days_1_28 | [.from, .to, .complete, .relief_pct] | join(" ")')" \
    "2026-11-02 2026-11-22 false 27.8" "days 1-28 so far"
expect_eq "$(jf '.events[0].best_7_day | [.from, .to, .mean, .change_pct] | join(" ")')" \
    "2026-11-02 2026-11-08 3 -50" "best 7 days"
# The curve is a value a day from day -14 (index 0) to today (day 21, index 35); day 0 is null.
expect_eq "$(jf '.events[0].response_curve | [.first_day, (.change_pct | length), .change_pct[0], (.change_pct[14] | tostring), .change_pct[15], .change_pct[29], .mean[29]] | join(" ")')" \
    "-14 36 0 null -50 -28.6 4.29" "response curve"
expect_eq "$(jf '.events[0] | [.number, .of, (.interval_days | tostring)] | join(" ")')" "1 1 null" "number"
expect_eq "$(jf '.events[0].peg | [(.baseline | tostring), (.scores | length)] | join(" ")')" "null 0" "no PEG"
expect_eq "$(jf '.across_infusions.duration | [.n, (.slope_per_infusion | tostring)] | join(" ")')" "1 null" \
    "one infusion: no trend across infusions"

case_ "--baseline-days and the baseline-days setting"
run painlog response --baseline-days 7 --format json
expect_eq "$(jf '.baseline_days')" 7 "flag"
expect_eq "$(jf '.events[0].baseline | [.from, .days] | join(" ")')" "2026-10-25 7" "7-day baseline"
painlog config set baseline-days 10 >/dev/null
run painlog response --format json
expect_eq "$(jf '.events[0].baseline | [.from, .days] | join(" ")')" "2026-10-22 10" "setting"
run painlog response --format json --baseline-days 14
expect_eq "$(jf '.events[0].baseline.from')" "2026-10-18" "the flag overrides the setting"
painlog config unset baseline-days >/dev/null

case_ "a sparse baseline gives no category, never a guess"
run painlog response --format json --baseline-days 7
expect_eq "$(jf '.events[0].baseline.sufficient')" true "7 of 7 is enough"
sql "DELETE FROM entry WHERE day = '2026-10-30'"
run painlog response --format json --baseline-days 7
expect_eq "$(jf '.events[0].baseline | [.days_logged, .sufficient] | join(" ")')" "6 false" "6 of 7"
expect_eq "$(jf '[.events[0].windows[].category] | map(tostring) | join(",")')" "null,null,null,null" "categories"
expect_eq "$(jf '.events[0] | [.response_status, (.response_days | tostring)] | join(" ")')" \
    "not assessable null" duration
expect_eq "$(jf '.events[0].remarks[0]')" \
    "Baseline has 6 logged days of 7 (at least 7 needed): categories and duration are not assessed." remark

case_ "a second infusion cuts the first one's windows"
painlog event add infusion --at 2026-11-11T10:00 >/dev/null
run painlog response --format json
expect_eq "$(jf '.events | length')" 2 "two infusions"
expect_eq "$(jf '.events[0].next_infusion')" 2026-11-11 "next"
expect_eq "$(jf '.events[0].windows[1] | [.to, .days, .truncated, .status] | join(" ")')" \
    "2026-11-10 2 true insufficient data" "days 8-14 cut at the next infusion"
expect_eq "$(jf '.events[0].windows[2].status')" "cut off" "days 15-28"
expect_eq "$(jf '.events[0] | [.response_status, .response_days] | join(" ")')" "until next infusion 9" duration
run painlog response --event 3 --format json
expect_eq "$(jf '[.events[].id] | join(",")')" 3 "--event picks one"
expect_eq "$(jf '.events[0].previous_infusion')" 2026-11-01 "previous"
expect_eq "$(jf '.events[0] | [.number, .of] | join(" ")')" "2 2" "--event keeps its number in the diary"
# Both durations are final: the first until the next infusion, the second none (days 1-11 at 4 and 6).
expect_eq "$(jf '.across_infusions.duration.n')" "2" "across infusions counts both"
run painlog response
expect_rc 0
expect_out_has "Infusion 2 of 2 (id 3) on 2026-11-11"
expect_out_has "All infusions"
expect_out_has "1/2 2026-11-01"
expect_out_has "Response curves"
expect_out_has "*  2 2026-11-11"
widest=$(printf '%s\n' "$OUT" | LC_ALL=C.UTF-8 wc -L)
[ "$widest" -le 80 ] && pass || fail "a line is $widest columns wide, expected at most 80"
run painlog response --event 3
expect_out_lacks "All infusions"

case_ "PHQ-9 per infusion: against the last one in its baseline, with response and remission"
# A depression diary: PHQ-9 17 on 10-28 (D-4), 7 on 11-08 (day 7), 4 on 11-21 (day 20, after the
# second infusion on 11-11, so it belongs to that one). For infusion 1: day 7 is
# (7 - 17) / 17 = -58.8 %, at most half: response; not below 5: no remission.
DB="$WORK/depression.db"
painlog event add infusion --at 2026-11-01T10:00 >/dev/null
painlog check phq9 --at 2026-10-28T09:00 --answers 2,2,2,2,2,2,2,2,1 >/dev/null
painlog check phq9 --at 2026-11-08T09:00 --answers 1,1,1,1,1,1,1,0,0 >/dev/null
painlog event add infusion --at 2026-11-11T10:00 >/dev/null
painlog check phq9 --at 2026-11-21T09:00 --answers 1,1,1,1,0,0,0,0,0 >/dev/null
run painlog response --format json
expect_rc 0
expect_eq "$(jf '.events[0].phq9.baseline | [.day, .score] | join(" ")')" "2026-10-28 17" "baseline of infusion 1"
expect_eq "$(jf '.events[0].phq9.scores[0] | [.days_after, .score, .percent_change, .response, .remission] | join(" ")')" \
    "7 7 -58.8 true false" "day 7 of infusion 1"
expect_eq "$(jf '.events[0].phq9.scores | length')" "1" "infusion 1 ends at infusion 2"
expect_eq "$(jf '.events[1].phq9.baseline.score')" "7" "infusion 2's baseline is day 7 of the first"
expect_eq "$(jf '.events[1].phq9.scores[0] | [.days_after, .score, .percent_change, .response, .remission] | join(" ")')" \
    "10 4 -42.9 false true" "infusion 2: remission without a 50 % response"
expect_eq "$(jf '.events[1].phq9.missing | join(",")')" "about day 7" "no PHQ-9 in days 5-9 of infusion 2"
expect_eq "$(jf '.events[1].phq9.scores[0].partial_response')" "true" "7 to 4 is a 42.9 % reduction: partial"
expect_eq "$(jf '.pathway | [.pathway, .inferred] | join(" ")')" "depression true" "PHQ-9s and no pain: depression"
run painlog response
expect_out_has "day 7    2026-11-08     7 mild                 -10 -58.8 response"
expect_out_has "day 10   2026-11-21     4 minimal     -3 -42.9 partial response, remission"
[[ "$(printf '%s' "$OUT" | tr '\n' ' ' | tr -s ' ')" == *"No PHQ-9 at: about day 7."* ]] && pass \
    || fail "the text names the missing PHQ-9 of infusion 2"
DB="$WORK/diary.db"

case_ "across the change from summer time: a diary day is a day, 7 days summed in days 1-7"
# London leaves BST on 2026-10-25. Entries at 23:30 local every evening from 10-06 to 10-27
# (22:30 UTC before the change, 23:30 after) land on their local day; the infusion on 10-20
# puts days 1-7 on 10-21 .. 10-27, across the change. Pain 6 before, 2 after.
DB="$WORK/dst.db"
for d in $(seq 6 27); do
    [ "$d" -eq 20 ] && continue
    pain=6; [ "$d" -gt 20 ] && pain=2
    painlog add --at "2026-10-$(printf %02d "$d")T23:30" --pain "$pain" >/dev/null
done
painlog event add infusion --at 2026-10-20T10:00 >/dev/null
painlog add --at 2026-10-28T09:00 --pain 2 >/dev/null
painlog add --at 2026-10-29T09:00 --pain 2 >/dev/null
painlog add --at 2026-10-30T09:00 --pain 2 >/dev/null
painlog add --at 2026-10-31T09:00 --pain 2 >/dev/null
painlog add --at 2026-11-01T09:00 --pain 6 >/dev/null
painlog add --at 2026-11-03T09:00 --pain 6 >/dev/null
run painlog response --format json
expect_eq "$(jf '.events[0].windows[0] | [.from, .to, .days_logged, .pain_area.days, .pain_area.pain_score_days, .pain_area.relief_pct] | join(" ")')" \
    "2026-10-21 2026-10-27 7 7 14 66.7" "days 1-7 across the change"
# Days 8-14 (10-28 .. 11-03): 2 2 2 2 6, 11-02 filled on the line from 6 to 6: 2+2+2+2+6+6+6 = 26.
expect_eq "$(jf '.events[0].windows[1].pain_area | [.days, .filled_days, .pain_score_days] | join(" ")')" \
    "7 1 26" "days 8-14 with a gap"
DB="$WORK/diary.db"

case_ "bad input: exit 2, one line, nothing written"
snapshot
run painlog response --baseline-days 6
expect_rc 2
expect_error "--baseline-days 6: expected a whole number of days from 7 to 90"
expect_unchanged
run painlog response --baseline-days 91
expect_rc 2
expect_error "--baseline-days 91: expected a whole number of days from 7 to 90"
run painlog response --baseline-days two
expect_rc 2
expect_error "--baseline-days two: expected a whole number"
run painlog response --event 99
expect_rc 2
expect_error "event 99: no such event; see painlog event list"
run painlog response --event 2
expect_rc 2
expect_error "--event 2: event 2 is an appointment; expected an infusion"
run painlog response --event x
expect_rc 2
expect_error "--event x: expected a positive whole number"
run painlog response --format html
expect_rc 2
expect_unchanged

finish
