# SPDX-License-Identifier: GPL-3.0-or-later
# The pathway (issue 23): a depression diary, a pain diary and one with
# both, through response, report (every format), status and remind, with
# figures worked out by hand.
#
# Today is 2026-11-22 (lib.sh), in London: British Summer Time ends on
# 2026-10-25, inside the first infusion's windows (whole diary days, so the
# figures do not move).
#
# The depression diary: mood, energy and sleep every day, no pain.
#   Infusion 1: 2026-09-07 10:00 (day 0). Infusion 2: 2026-11-09 10:00.
#   Mood: baseline 1 (08-24..09-06) 3; days 1-7 6; days 8-14 5; days 15-28 4;
#   then 3 up to infusion 2 (so baseline 2 is 3); after it 7 for days 1-7
#   and 6 to today. Energy = mood - 1; sleep 6 h.
#   Mood against baseline 1: days 1-7 +3.0, 8-14 +2.0, 15-28 +1.0. NAP:
#   every window day above every baseline day, 1.0 (14 x 7 pairs: 95 % CI
#   0.788-1, tests/reference/newcombe_reference.py); since infusion 1: 28
#   days above, 34 tied: (28 + 17) / 62 = 0.726 (0.559-0.842).
#   Mood improvement (7-day mean >= baseline + 1): day 28's mean is 4.0
#   (+1.0); day 29's (6 x 4 + 3) / 7 = 3.86 (+0.9): 28 days, then ended.
#   Infusion 2: 13 days so far, ongoing (day 13's mean (7 + 6 x 6) / 7).
#   PHQ-9: 08-01 25 (outside the baseline), 09-04 20 (baseline 1), 09-14
#   9 (day 7: -11, -55.0 %, response), 10-05 8 (day 28: -60.0 %, response),
#   11-02 14 (day 56: -30.0 %, partial response: the response was lost by
#   week 8; item 9 above 0: the safety message), 11-16 3 (infusion 2's day 7
#   against its baseline 14: -78.6 %, response and remission).
#   GAD-7: 09-04 12 (moderate), 09-14 6 (day 7: -6, -50.0 %, mild).
#   Today is day 13 after infusion 2: a PHQ-9 is due (about day 14).
source "$(dirname "$0")/lib.sh"

jf() { printf '%s' "$OUT" | jq -r "$1"; }
flat() { printf '%s' "$OUT" | tr '\n' ' ' | tr -s ' '; }

mood_on() {
    local d=$1
    if [[ "$d" < 2026-09-07 ]]; then echo 3
    elif [[ "$d" < 2026-09-15 ]]; then echo 6
    elif [[ "$d" < 2026-09-22 ]]; then echo 5
    elif [[ "$d" < 2026-10-06 ]]; then echo 4
    elif [[ "$d" < 2026-11-10 ]]; then echo 3
    elif [[ "$d" < 2026-11-17 ]]; then echo 7
    else echo 6
    fi
}

make_depression_diary() {
    local d=2026-08-24 mood
    while [[ ! "$d" > 2026-11-22 ]]; do
        if [ "$d" != 2026-09-07 ] && [ "$d" != 2026-11-09 ]; then
            mood=$(mood_on "$d")
            painlog add --mood "$mood" --energy $((mood - 1)) --sleep 6 --at "${d}T09:00" >/dev/null || return 1
        fi
        d=$(date -u -d "$d + 1 day" +%F)
    done
    painlog event add infusion --at 2026-09-07T10:00 --label ketamine >/dev/null
    painlog event add infusion --at 2026-11-09T10:00 --label ketamine >/dev/null
    painlog check phq9 --at 2026-08-01T09:30 --answers 3,3,3,3,3,3,3,3,1 >/dev/null
    painlog check phq9 --at 2026-09-04T09:30 --answers 3,3,3,3,2,2,2,2,0 >/dev/null
    painlog check gad7 --at 2026-09-04T09:35 --answers 2,2,2,2,2,1,1 >/dev/null
    painlog check phq9 --at 2026-09-14T09:30 --answers 1,1,1,1,1,1,1,2,0 >/dev/null
    painlog check gad7 --at 2026-09-14T09:35 --answers 1,1,1,1,1,1,0 >/dev/null
    painlog check phq9 --at 2026-10-05T09:30 --answers 1,1,1,1,1,1,1,1,0 >/dev/null
    painlog check phq9 --at 2026-11-02T09:30 --answers 2,2,2,2,2,1,1,1,1 >/dev/null
    painlog check phq9 --at 2026-11-16T09:30 --answers 1,1,1,0,0,0,0,0,0 >/dev/null
}

DB="$WORK/depression.db"
make_depression_diary || fail "could not build the depression diary"

case_ "depression: the pathway is inferred from PHQ-9s without pain ratings, and said so"
run painlog response --format json
expect_rc 0
expect_eq "$(jf '.pathway | [.pathway, .inferred, .reason] | join("|")')" \
    "depression|true|the diary holds PHQ-9 results and no pain ratings" "pathway"
run painlog response
expect_out_has "Pathway: depression (inferred: the diary holds PHQ-9 results and no pain"

case_ "depression: PHQ-9 per infusion against the last PHQ-9 of its baseline, by hand"
run painlog response --format json
e1='.events[0].phq9'
expect_eq "$(jf "$e1.baseline | [.day, .score, .band] | join(\" \")")" "2026-09-04 20 severe" "baseline 1 (not 08-01's 25)"
expect_eq "$(jf "[$e1.scores[] | [.days_after, .score, .change, .percent_change, .response, .partial_response, .remission] | join(\" \")] | join(\";\")")" \
    "7 9 -11 -55 true false false;28 8 -12 -60 true false false;56 14 -6 -30 false true false" "infusion 1's scores"
expect_eq "$(jf "[$e1.durability[] | [.check, .days_after, .score, .response] | join(\" \")] | join(\";\")")" \
    "week 4 28 8 true;week 8 56 14 false;before the next infusion 56 14 false" "durability"
expect_eq "$(jf "$e1.response_lost_day")" 56 "the response was lost by week 8"
expect_eq "$(jf "$e1.missing | length")" 0 "no PHQ-9 point missing"
expect_eq "$(jf "$e1.not_assessed")" null "assessed"
e2='.events[1].phq9'
expect_eq "$(jf "$e2.baseline | [.day, .score] | join(\" \")")" "2026-11-02 14" "infusion 2's baseline is day 56 of the first"
expect_eq "$(jf "$e2.scores[0] | [.days_after, .score, .percent_change, .response, .remission] | join(\" \")")" \
    "7 3 -78.6 true true" "infusion 2, day 7"
expect_eq "$(jf "$e2.durability | length")" 0 "no week 4 yet"

case_ "depression: GAD-7 the same way, change and band"
expect_eq "$(jf '.events[0].gad7.baseline | [.score, .band] | join(" ")')" "12 moderate" "GAD-7 baseline"
expect_eq "$(jf '.events[0].gad7.scores[0] | [.days_after, .score, .band, .change, .percent_change, .response] | join(" ")')" \
    "7 6 mild -6 -50 " "GAD-7 day 7, no verdict"

case_ "depression: mood by window with NAP, and the mood improvement's duration"
w='.events[0].windows'
expect_eq "$(jf "[$w[] | .mood_change] | join(\" \")")" "3 2 1 0.79" "mood changes (since: 235 / 62 - 3)"
expect_eq "$(jf "$w[0].nap.mood | [.nap, .lower, .upper, .baseline_n, .window_n] | join(\" \")")" "1 0.788 1 14 7" "NAP days 1-7"
expect_eq "$(jf "$w[3].nap.mood | [.nap, .lower, .upper, .tau, .window_n] | join(\" \")")" "0.726 0.559 0.842 0.452 62" "NAP since"
expect_eq "$(jf "$w[0].nap.pain")" null "no pain: no NAP"
expect_eq "$(jf '.events[0].mood_response | [.status, .days, .threshold_points] | join(" ")')" "ended 28 1" "infusion 1"
expect_eq "$(jf '.events[1].mood_response | [.status, .days, .ongoing] | join(" ")')" "ongoing 13 true" "infusion 2"

case_ "depression: the text leads with the PHQ-9 course and mood; no pain table"
run painlog response
expect_rc 0
expect_out_has "day 56   2026-11-02    14 moderate     -6 -30.0 partial response"
expect_out_has "days 1-7       2026-09-08 2026-09-14   7/7  6.0   +3.0 1.00 (0.79-1.00)"
expect_out_has "since infusion 2026-09-08 2026-11-08 62/62  3.8   +0.8 0.73 (0.56-0.84)"
[[ "$(flat)" == *"Response at week 4: yes (day 28: 8); at week 8: no (day 56: 14); before the next infusion: no (day 56: 14). Response lost on day 56."* ]] \
    && pass || fail "durability sentence"
[[ "$(flat)" == *"Mood improvement (7-day mean mood at least 1 point above baseline): 28 days, then ended"* ]] \
    && pass || fail "mood duration sentence"
expect_out_lacks "Category"
expect_out_lacks "7-day mean pain"
expect_out_lacks "Baseline has no pain ratings"

case_ "depression report: titled for mood, PHQ-9 course first, no pain sections"
run painlog report --since 2026-08-24
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "MOOD DIARY REPORT" "title"
first_section=$(printf '%s\n' "$OUT" | grep -B1 -- '^---' | grep -v -- '^---' | grep -v '^--$' | head -1)
expect_eq "$first_section" "Depression response to infusions" "first section"
expect_out_lacks "What makes pain better or worse"
expect_out_lacks "Pain response"
expect_out_has "IMPORTANT: "
expect_out_has "partial response"
run painlog report --since 2026-08-24 --format json
expect_eq "$(jf '.sections | join(",")')" \
    "depression_response,key_figures,charts,questionnaires,side_effects,sleep_activity,notes" "JSON sections"
expect_eq "$(jf '.title')" "Mood diary report" "JSON title"
expect_eq "$(jf '.responses[0].phq9.response_lost_day')" 56 "JSON carries the depression outcomes"
expect_eq "$(jf '.safety_message != null')" true "safety message as before"
run painlog report --since 2026-08-24 --format markdown
expect_out_has "# Mood diary report"
expect_out_has "## Depression response to infusions"
expect_out_lacks "## What makes pain better or worse"

case_ "depression report in HTML: the course first, tidy-clean, at most 3 A4 pages in Chromium"
run painlog report --since 2026-08-24 --format html
expect_rc 0
printf '%s\n' "$OUT" >"$WORK/depression.html"
expect_out_has "<h1>Mood diary report</h1>"
expect_out_lacks "What makes pain better or worse"
depression_at=$(grep -n 'id="depression"' "$WORK/depression.html" | cut -d: -f1)
overview_at=$(grep -n 'id="overview"' "$WORK/depression.html" | cut -d: -f1)
[ "${depression_at:-0}" -gt 0 ] && [ "$depression_at" -lt "${overview_at:-0}" ] && pass || fail "depression before key figures"
tidy_out=$(tidy -q -e "$WORK/depression.html" 2>&1)
expect_eq "$? $tidy_out" "0 " "tidy -q -e"
if command -v chromium >/dev/null && command -v pdfinfo >/dev/null; then
    run bash "$SRC/share/report/render.sh" "$WORK/depression.html" "$WORK/render"
    expect_rc 0
    pages=$(pdfinfo "$WORK/render/report.pdf" | awk '/^Pages:/ { print $2 }')
    [ "${pages:-99}" -le 3 ] && pass || fail "PDF has ${pages:-?} pages, expected at most 3"
    text=$(pdftotext -layout "$WORK/render/report.pdf" - | tr -s ' ')
    for figure in "partial response" "-78.6 %" "1.00 (0.79–1.00)" "28 days, then ended"; do
        [[ "$text" == *"$figure"* ]] && pass || fail "PDF text lacks $figure"
    done
else
    fail "chromium and poppler-utils are needed (see .ci/packages-test)"
fi

case_ "depression: status and remind suggest the PHQ-9 about day 14"
run painlog status --format json
expect_eq "$(jf '.phq9_due | [.point, .days_after] | join(" ")')" "about day 14 13" "due"
expect_eq "$(jf '.last_phq9 | [.day, .score] | join(" ")')" "2026-11-16 3" "last PHQ-9"
run painlog status
expect_out_has "due today (about day 14 after the infusion): painlog check phq9"
run painlog remind
expect_rc 1
expect_out_is "A PHQ-9 is due today, day 13 after your infusion (about day 14): answer it with \`painlog check phq9\`."
painlog check phq9 --at 2026-11-22T09:30 --answers 1,1,0,0,0,0,0,0,0 >/dev/null
run painlog remind
expect_rc 0
expect_out_is ""
run painlog status --format json
expect_eq "$(jf '.phq9_due')" null "answered today: not due"

case_ "the setting overrides the inference; a bad value is exit 2 and writes nothing"
painlog config set pathway both >/dev/null
run painlog response --format json
expect_eq "$(jf '.pathway | [.pathway, .inferred] | join(" ")')" "both false" "set"
run painlog report --since 2026-08-24 --format json
expect_eq "$(jf '.title')" "Pain and mood diary report" "title for both"
snapshot
run painlog config set pathway mood
expect_rc 2
expect_error "setting pathway mood: expected pain, depression or both"
expect_unchanged
painlog config unset pathway >/dev/null

# ---- both: pain, mood and PHQ-9s; a PHQ-9 baseline of 0 ----
# Infusion 2026-11-01 10:00. Pain 6 and mood 4 on 10-18..10-31; pain 3 and
# mood 6 from 11-02 to today. PHQ-9 0 on 10-30, 2 on 11-08 (day 7): change
# +2, no percent change and no response to judge, remission.
DB="$WORK/both.db"
d=2026-10-18
while [[ ! "$d" > 2026-11-22 ]]; do
    if [[ "$d" < 2026-11-01 ]]; then painlog add --pain 6 --mood 4 --at "${d}T09:00" >/dev/null
    elif [ "$d" != 2026-11-01 ]; then painlog add --pain 3 --mood 6 --at "${d}T09:00" >/dev/null
    fi
    d=$(date -u -d "$d + 1 day" +%F)
done
painlog event add infusion --at 2026-11-01T10:00 >/dev/null
painlog check phq9 --at 2026-10-30T09:00 --answers 0,0,0,0,0,0,0,0,0 >/dev/null
painlog check phq9 --at 2026-11-08T09:00 --answers 1,1,0,0,0,0,0,0,0 >/dev/null

case_ "both: pain leads, then the depression outcomes"
run painlog response --format json
expect_eq "$(jf '.pathway.pathway')" both "inferred from pain ratings and a PHQ-9"
expect_eq "$(jf '.events[0].windows[0] | [.pain_change_pct, .category] | join(" ")')" "-50 substantial" "pain as before"
expect_eq "$(jf '.events[0].windows[0].nap.pain | [.nap, .lower] | join(" ")')" "1 0.788" "pain NAP: lower is better"
expect_eq "$(jf '.events[0].phq9.scores[0] | [.change, .percent_change, .response, .remission] | join(" ")')" \
    "2   true" "baseline 0: change only, remission"
expect_eq "$(jf '.events[0].phq9.not_assessed')" "baseline score 0: percent change undefined" "why"
run painlog response
pain_at=$(printf '%s\n' "$OUT" | grep -n "^Window  " | head -1 | cut -d: -f1)
phq9_at=$(printf '%s\n' "$OUT" | grep -n "^PHQ-9 " | head -1 | cut -d: -f1)
[ "${pain_at:-99}" -lt "${phq9_at:-0}" ] && pass || fail "pain table before the PHQ-9 course"
run painlog report --format json
expect_eq "$(jf '.sections | join(",")')" \
    "key_figures,pain_response,depression_response,infusions,charts,calendar,side_effects,pain_tags,sleep_activity,questionnaires,notes" \
    "both: pain first"
run painlog report
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "PAIN AND MOOD DIARY REPORT" "title"

# ---- a PHQ-9 after the infusion without one in its baseline ----
DB="$WORK/nobaseline.db"
painlog event add infusion --at 2026-11-01T10:00 >/dev/null
painlog check phq9 --at 2026-11-08T09:00 --answers 2,2,1,1,1,1,1,1,0 >/dev/null
case_ "no PHQ-9 in the baseline: scores without verdicts, and the reason"
run painlog response --format json
expect_eq "$(jf '.events[0].phq9 | [.baseline, .not_assessed, (.missing | join(","))] | map(tostring) | join("|")')" \
    "null|no PHQ-9 in the baseline|baseline,about day 14 or 28" "missing baseline"
expect_eq "$(jf '.events[0].phq9.scores[0] | [.score, .change, .response] | map(tostring) | join(" ")')" "10 null null" "no verdict"
run painlog response
expect_out_has "baseline -              -                   none in the baseline"

# ---- pain only: as before pathways existed ----
DB="$WORK/pain.db"
d=2026-10-18
while [[ ! "$d" > 2026-11-22 ]]; do
    [ "$d" != 2026-11-01 ] && painlog add --pain 5 --mood 5 --at "${d}T09:00" >/dev/null
    d=$(date -u -d "$d + 1 day" +%F)
done
painlog event add infusion --at 2026-11-01T10:00 >/dev/null
case_ "pain only: the pain report, no depression section, no PHQ-9 suggestion"
run painlog report --format json
expect_eq "$(jf '.pathway.pathway') $(jf '.title')" "pain Pain diary report" "pain"
expect_eq "$(jf '.sections | join(",")')" \
    "key_figures,pain_response,infusions,charts,calendar,side_effects,pain_tags,sleep_activity,notes" \
    "the sections as before, with every infusion and the calendar"
run painlog response
expect_out_lacks "PHQ-9:"
expect_out_lacks "PHQ-9    Date"
expect_out_lacks "Mood improvement"
run painlog status --format json
expect_eq "$(jf '.phq9_due')" null "no PHQ-9 on the pain pathway"
run painlog remind
expect_rc 0

finish
