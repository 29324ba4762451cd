# SPDX-License-Identifier: GPL-3.0-or-later
# painlog check: questionnaires answered with --answers or one item at a
# time on a terminal, scored, stored, followed over time, and listed.
source "$(dirname "$0")/lib.sh"

SAFETY="Samaritans on 116 123"

# Runs painlog on a pseudo-terminal (util-linux script), feeding $1 to it as
# typed input; when the input ends the terminal sends Ctrl-D. stdout and
# stderr both arrive in OUT, after the echo of the typed input.
run_on_terminal() {
    local input=$1
    shift
    local cmd
    cmd=$(printf '%q ' "$PAINLOG_BIN" --db "$DB" "$@")
    OUT=$(printf '%s' "$input" | NO_COLOR=1 script -qec "$cmd" /dev/null 2>"$WORK/.stderr")
    RC=$?
    ERR=$(cat "$WORK/.stderr")
}

# Like expect_out_has, with line breaks and runs of spaces in OUT read as
# one space: for text wrapped to the terminal.
expect_flat_has() {
    local flat
    flat=$(printf '%s' "$OUT" | tr '\r\n' '  ' | tr -s ' ')
    [[ "$flat" == *"$1"* ]] && pass || fail "stdout (unwrapped) lacks: $1"
}

case_ "without a terminal and without --answers: exit 2, never wait on stdin"
run painlog check phq9
expect_rc 2
expect_error "check phq9: no answers given; expected --answers with 9 comma-separated answers"
[ ! -e "$DB" ] && pass || fail "a diary was created"
run_with_input $'1\n1\n1\n1\n1\n1\n1\n1\n1\n' painlog check gad7
expect_rc 2
expect_error "check gad7: no answers given"

case_ "wrong item counts"
painlog add --pain 5 >/dev/null
snapshot
for args in "phq9 1,1,1,1,1,1,1,1" "phq9 1,1,1,1,1,1,1,1,1,1" "gad7 1,1,1,1,1,1" "gad7 1,1,1,1,1,1,1,1" "peg 5,5" \
    "peg 5,5,5,5" "peg ''"; do
    set -- $args
    eval "run painlog check $1 --answers $2"
    expect_rc 2
    expect_error "answers given;"
    expect_unchanged
done
run painlog check phq9 --answers 1,2,3
expect_error "--answers 1,2,3: 3 answers given; PHQ-9 has 9 items, so expected 9 comma-separated answers"

case_ "out-of-range and non-numeric answers name the item"
run painlog check phq9 --answers 0,0,0,4,0,0,0,0,0
expect_rc 2
expect_error "PHQ-9 item 4 (Feeling tired or having little energy) is '4'; expected one of 0 Not at all"
expect_unchanged
run painlog check phq9 --answers 0,0,0,0,0,0,0,0,-1
expect_rc 2
expect_error "PHQ-9 item 9 (Thoughts that you would be better off d…) is '-1'"
expect_unchanged
run painlog check gad7 --answers 0,0,x,0,0,0,0
expect_rc 2
expect_error "GAD-7 item 3 (Worrying too much about different things) is 'x'"
expect_unchanged
run painlog check peg --answers 5,11,5
expect_rc 2
expect_error "PEG item 2 (What number best describes how, during …) is '11'; expected a whole number from 0 to 10"
expect_unchanged
run painlog check peg --answers 5,-0.5,5
expect_rc 2
expect_error "PEG item 2"
expect_unchanged

case_ "bad --at, unknown instrument"
run painlog check peg --answers 1,2,3 --at 2026-12-01
expect_rc 2
expect_error "--at"
expect_unchanged
run painlog check bdi --answers 1
expect_rc 2
expect_unchanged
run painlog check list --instrument bdi
expect_rc 2
expect_error "--instrument bdi: expected one of phq9, gad7, peg"
expect_unchanged

case_ "first PHQ-9: score, band, PHQ-2, baseline, citation"
# 3+3+3+3+3+3+2+0+0 = 20: severe (20–27); PHQ-2 = 3+3 = 6, positive.
run painlog check phq9 --answers 3,3,3,3,3,3,2,0,0 --at 2026-10-01T09:00
expect_rc 0
expect_out_has "PHQ-9 score 20 of 27: severe."
expect_out_has "PHQ-2 (items 1-2): 6 of 6, positive (positive at 3 or more)."
expect_out_has "This is the first PHQ-9 in the diary"
expect_out_has "Kroenke, Spitzer, Williams, J Gen Intern Med 2001;16:606–613"
expect_out_has "educational grant from Pfizer Inc."
expect_out_has "Saved as questionnaire result 1 for 2026-10-01."
expect_out_lacks "$SAFETY"
expect_eq "$(sql "SELECT instrument, at, day, answers, score FROM questionnaire WHERE id = 1")" \
    "phq9|2026-10-01T08:00:00Z|2026-10-01|3,3,3,3,3,3,2,0,0|20.0" "stored row"

case_ "second PHQ-9: exactly 50 % below the first is a response"
# 2+1+1+1+1+1+1+1+1 = 10: moderate (10–14); change 10 − 20 = −10; (10 − 20)/20 = −50 %.
run painlog check phq9 --answers 2,1,1,1,1,1,1,1,1 --at 2026-10-20
expect_rc 0
expect_out_has "PHQ-9 score 10 of 27: moderate."
expect_out_has "Change since the previous PHQ-9: 20 to 10 (-10)."
expect_out_has "Against the first PHQ-9 (20): -50 %."
expect_out_has "Response (50 % or more below the first): yes. Remission (below 5): no."
# Item 9 answered 1: the safety message, on stdout with the result.
expect_out_has "$SAFETY"
expect_out_has "NHS 111"
expect_out_has "local emergency number"

case_ "third PHQ-9: 5 is not below 5, so no remission; the safety message again"
# 1+1+0+0+0+0+0+0+3 = 5: mild (5–9); against 20: −75 %; item 9 = 3.
run painlog check phq9 --answers 1,1,0,0,0,0,0,0,3 --at 2026-11-01 --format json
expect_rc 0
expect_eq "$(python3 -c 'import json,sys; j=json.load(sys.stdin); p=j["progress"]; print(j["score"], j["band"], j["phq2_score"], j["phq2_positive"], j["safety_message_needed"], p["previous_score"], p["change"], p["baseline_score"], p["percent_change"], p["response"], p["remission"])' <<<"$OUT")" \
    "5.0 mild 2 False True 10.0 -5.0 20.0 -75.0 True False" "json fields"
expect_err_has "$SAFETY"

case_ "fourth PHQ-9: 4 is remission"
run painlog check phq9 --answers 1,1,1,1,0,0,0,0,0 --at 2026-11-15
expect_out_has "PHQ-9 score 4 of 27: minimal."
expect_out_has "Remission (below 5): yes."
expect_out_lacks "$SAFETY"

case_ "GAD-7 at its thresholds"
# Bands 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe.
for pair in "1,1,1,1,0,0,0:4 of 21: minimal" "1,1,1,1,1,0,0:5 of 21: mild" "3,3,3,0,0,0,0:9 of 21: mild" \
    "3,3,3,1,0,0,0:10 of 21: moderate" "3,3,3,3,2,0,0:14 of 21: moderate" "3,3,3,3,3,0,0:15 of 21: severe" \
    "3,3,3,3,3,3,3:21 of 21: severe"; do
    run painlog check gad7 --answers "${pair%%:*}" --at 2026-11-10
    expect_rc 0
    expect_out_has "GAD-7 score ${pair#*:}."
    expect_out_has "Spitzer et al., Arch Intern Med 2006;166:1092–1097"
    expect_out_lacks "Change since"
done

case_ "PEG: exact mean stored, one decimal shown, no bands"
# (5 + 4 + 5) / 3 = 4.666…
run painlog check peg --answers 5,4,5 --at yesterday
expect_rc 0
expect_out_has "PEG score 4.7 of 10 (the mean of its three items)."
expect_out_has "The PEG has no validated severity bands, so none is shown."
expect_out_has "Krebs et al., J Gen Intern Med 2009;24(6):733–738"
expect_out_has "for 2026-11-21."
expect_out_lacks "moderate"
PEG_ID=$(sql "SELECT max(id) FROM questionnaire")
expect_eq "$(sql "SELECT answers, round(score * 3, 9) FROM questionnaire WHERE id = $PEG_ID")" "5,4,5|14.0" "exact mean"

case_ "interactive: one item at a time, a bad answer is explained and asked again"
snapshot
# Items 1–2 of the PEG get a bad answer first; the last answer is 7.
run_on_terminal $'12\n6\nseveral\n4\n7\n' check peg --at 2026-11-22T10:00
expect_rc 0
expect_out_has "What number best describes your pain on average in the past week?"
expect_out_has "(0 no pain, 10 pain as bad as you can imagine)"
expect_out_has "'12' is not an answer to item 1"
expect_out_has "'several' is not an answer to item 2"
expect_out_has "expected a whole number from 0 to 10"
# (6 + 4 + 7) / 3 = 5.666… → 5.7
expect_out_has "PEG score 5.7 of 10"
expect_eq "$(sql "SELECT answers FROM questionnaire ORDER BY id DESC LIMIT 1")" "6,4,7" "answers from the terminal"

case_ "interactive PHQ-9 shows the wording and answers, and the safety message"
run_on_terminal $'0\n1\n4\n0\n0\n0\n0\n0\n0\n2\n' check phq9 --at 2026-11-22T11:00
expect_rc 0
expect_flat_has "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
expect_out_has "1/9. Little interest or pleasure in doing things"
expect_flat_has "9/9. Thoughts that you would be better off dead or of hurting yourself in some way"
expect_out_has "0 Not at all"
expect_out_has "3 Nearly every day"
expect_out_has "'4' is not an answer to item 3"
expect_out_has "PHQ-9 score 3 of 27: minimal."
expect_out_has "$SAFETY"
expect_eq "$(sql "SELECT answers FROM questionnaire ORDER BY id DESC LIMIT 1")" "0,1,0,0,0,0,0,0,2" "answers"

case_ "interactive Ctrl-D aborts without writing"
snapshot
run_on_terminal $'1\n2\n' check phq9
expect_rc 1
expect_out_has "3/9."
expect_out_has "PHQ-9 cancelled; nothing was written"
expect_unchanged
rm -f "$WORK/fresh.db"
OUT=$(printf '' | script -qec "$(printf '%q ' "$PAINLOG_BIN" --db "$WORK/fresh.db" check gad7)" /dev/null)
RC=$?
expect_rc 1
[ ! -e "$WORK/fresh.db" ] && pass || fail "Ctrl-D on a new diary created the file"

case_ "check list: history in time order with change and flags"
# Ids: PHQ-9 1–4, GAD-7 5–11, PEG 12, the two interactive results 13 (PEG) and 14 (PHQ-9).
run painlog check list --instrument phq9
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | awk '$3 == "PHQ-9" {print $1, $2, $4}' | tr '\n' ';')" \
    "1 2026-10-01 20;2 2026-10-20 10;3 2026-11-01 5;4 2026-11-15 4;14 2026-11-22 3;" "rows"
expect_out_has "baseline"
expect_out_has "response, remission"
expect_out_has "item 9 > 0, response, PHQ-2 positive"
expect_out_has "$SAFETY"
expect_out_lacks "GAD-7"
run painlog check list --instrument peg --format json
expect_rc 0
expect_eq "$(python3 -c 'import json,sys; print([(r["id"], r["answers"], r["band"]) for r in json.load(sys.stdin)])' <<<"$OUT")" \
    "[($PEG_ID, [5, 4, 5], None), ($((PEG_ID + 1)), [6, 4, 7], None)]" "peg json"
expect_err_empty
run painlog check list --since 2026-11-22 --format json
expect_eq "$(python3 -c 'import json,sys; print([r["instrument"] for r in json.load(sys.stdin)])' <<<"$OUT")" \
    "['peg', 'phq9']" "since today"
expect_err_has "$SAFETY"
# Progress still counts from the first PHQ-9, outside the period.
expect_eq "$(python3 -c 'import json,sys; print(json.load(sys.stdin)[1]["progress"]["baseline_score"])' <<<"$OUT")" \
    "20.0" "baseline outside the period"
run painlog check list --since 2026-12-01 --until 2026-12-31
expect_rc 0
expect_out_is "No questionnaire results since 2026-12-01."

case_ "check list --format csv: one row per result, answers in one quoted field"
run painlog check list --instrument peg --format csv
expect_rc 0
csv=$(tr -d '\r' <<<"$OUT")
expect_eq "$(head -1 <<<"$csv")" "id,instrument,time,zone,day,answers,score,band" "CSV header"
expect_eq "$(python3 -c 'import csv,sys; print([(r["id"], r["answers"], r["band"]) for r in csv.DictReader(sys.stdin)])' <<<"$csv")" \
    "[('$PEG_ID', '5,4,5', ''), ('$((PEG_ID + 1))', '6,4,7', '')]" "peg csv, read back by Python's csv module"
run painlog check list --format csv
expect_eq "$(python3 -c 'import csv,json,sys; print(len(list(csv.DictReader(sys.stdin))))' <<<"$OUT")" \
    "$(painlog check list --format json 2>/dev/null | jq length)" "as many CSV rows as JSON results"
expect_out_has ",phq9,"
expect_err_has "$SAFETY"

case_ "the diary day follows day-start-hour, as for entries"
DB="$WORK/night.db"
painlog config set day-start-hour 4 >/dev/null
# 01:30 local on the 22nd (GMT) belongs to the 21st when the day starts at 04:00.
run painlog check gad7 --answers 0,0,0,0,0,0,0 --at 2026-11-22T01:30
expect_rc 0
expect_out_has "for 2026-11-21."
expect_eq "$(sql "SELECT at, day FROM questionnaire")" "2026-11-22T01:30:00Z|2026-11-21" "stored time and day"

case_ "an empty diary lists nothing"
run "$PAINLOG_BIN" --db "$WORK/empty.db" check list --instrument gad7
expect_rc 0
expect_out_is "No questionnaire results for GAD-7."

case_ "results appear in summary and trend, with the safety message"
DB="$WORK/combined.db"
painlog add --pain 5 --at 2026-11-20 >/dev/null
painlog check phq9 --answers 2,2,2,2,2,2,2,2,1 --at 2026-11-10 >/dev/null 2>&1
painlog check phq9 --answers 1,1,1,1,0,0,0,0,0 --at 2026-11-21 >/dev/null 2>&1
run painlog summary --since 7d
expect_rc 0
expect_out_has "Questionnaires"
expect_out_has "PHQ-9"
expect_out_lacks "$SAFETY"   # the item-9 result (Nov 10) is outside these 7 days
run painlog summary --since 3w --format json
expect_eq "$(python3 -c 'import json,sys; print([(r["score"], r["progress"]["change"]) for r in json.load(sys.stdin)["questionnaires"]])' <<<"$OUT")" \
    "[(17.0, None), (4.0, -13.0)]" "summary json questionnaires"
run painlog trend --since 3w
expect_out_has "Questionnaires"
expect_out_has "$SAFETY"
run painlog trend --since 7d --format json
expect_eq "$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["questionnaires"]))' <<<"$OUT")" "1" "trend json questionnaires"

finish
