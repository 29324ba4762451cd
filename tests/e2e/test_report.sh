# SPDX-License-Identifier: GPL-3.0-or-later
# painlog report: golden text and Markdown, escaping, the period rules, bad
# input, atomic -o, the HTML checked by tidy and rendered by headless
# Chromium, and the time a ten-year diary takes.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/report_fixture.sh"

make_ten_week_diary || fail "could not build the ten-week diary"
# The goldens show the pain pathway as it has always read; inferred, this
# diary of pain ratings and PHQ-9s would be "both" (tests/e2e/test_pathway.sh).
painlog config set pathway pain >/dev/null

# The figures below were computed independently from REPORT_PAIN in
# report_fixture.sh (python3, once): a day's pain is its morning value, or
# (p + p+1) / 2 on days d % 4 == 0 (evening entry); days 5, 33, 50, 61 are
# missing. Infusion 2 (day 42): baseline days 28-41 -> 13 days, mean
# 6.1538; days 1-7 (43-49) mean 3.4286 -> (3.4286 - 6.1538) / 6.1538 =
# -44.3 %; days 8-14 (50-56, 6 logged) 3.1667 -> -48.5 %. Infusion 1 (day
# 14): baseline days 0-13 -> 13 days, mean 7.2308; days 1-7 mean 4.0 ->
# -44.7 %.

case_ "default period: baseline-days before the most recent infusion to today"
run painlog report
expect_rc 0
expect_out_has "PAIN DIARY REPORT · Alex Example"
expect_out_has "2026-10-12 to 2026-11-22 (42 days)"
expect_out_has "from 14 days before the most recent infusion (2026-10-26) to today"
expect_out_has "Infusion 2 of 2 · 2026-10-26 · ketamine 0.5 mg/kg over 2 h"  # its place in the diary, not the report
expect_out_has "6.2"
expect_out_has "-44.3 %"
expect_out_has "-48.5 %"
[[ "$(printf '%s' "$OUT" | tr '\n' ' ' | tr -s ' ')" == *"dizziness ×1, nausea ×1"* ]] && pass || fail "side effects"
expect_golden report_default.txt
widest=$(printf '%s\n' "$OUT" | LC_ALL=C.UTF-8 wc -L)
[ "$widest" -le 80 ] && pass || fail "a line is $widest columns wide, expected at most 80"

case_ "the whole ten weeks, as Markdown"
run painlog report --since 2026-09-14 --format markdown
expect_rc 0
expect_out_has "### Infusion 1 of 2 · 2026-09-28 · ketamine 0.5 mg/kg over 2 h"
expect_out_has "| days 1-7 | 29 Sep–05 Oct | 7/7 | 4.0 | -3.2 | -44.7 % | moderate |"
expect_out_has "- **Infusion 2 of 2 · 2026-10-26 · ketamine 0.5 mg/kg over 2 h:** dizziness ×1, nausea ×1"
expect_golden report_ten_weeks.md

case_ "--event chooses one infusion and starts baseline-days before it"
run painlog report --event 1 --until 2026-10-25
expect_rc 0
expect_out_has "2026-09-14 to 2026-10-25 (42 days)"
expect_out_has "-44.7 %"
expect_out_lacks "Infusion 2"

case_ "JSON carries everything as data"
run painlog report --format json
expect_rc 0
expect_out_has '"name": "Alex Example"'
expect_out_has '"from": "2026-10-12"'
expect_out_has '"responses": ['
expect_out_has '"pain_change_pct": -44.3'
expect_out_has '"safety_message": null'
expect_out_has '"total": 4'

case_ "HTML: self-contained, tidy-clean"
run painlog report --since 2026-09-14 --format html
expect_rc 0
printf '%s\n' "$OUT" >"$WORK/report.html"
expect_out_lacks "<script"
for fetch in "src=" "href=" "url(" "@import"; do expect_out_lacks "$fetch"; done  # nothing fetched
tidy_out=$(tidy -q -e "$WORK/report.html" 2>&1)
tidy_rc=$?
expect_eq "$tidy_rc $tidy_out" "0 " "tidy -q -e"
[ "$(grep -o '<svg[^>]*class="chart"' "$WORK/report.html" | wc -l)" -eq 6 ] && pass ||
    fail "expected 6 charts (pain/mood, sleep, energy, PHQ-9, response curves, calendar)"
# Each chart is well-formed XML on its own (tidy reads HTML, which forgives more).
svg_check=$(python3 - "$WORK/report.html" <<'EOF'
import re, sys, xml.etree.ElementTree as ET
for svg in re.findall(r"<svg.*?</svg>", open(sys.argv[1], encoding="utf-8").read(), re.S):
    try:
        ET.fromstring(svg)
    except ET.ParseError as e:
        print(svg[:80], e)
EOF
)
expect_eq "$svg_check" "" "SVG that is not well-formed XML"
grep -q 'aria-label="Response curves' "$WORK/report.html" && pass || fail "no response curves"
grep -q 'aria-label="Pain by day, 2025-11-17 to 2026-11-22"' "$WORK/report.html" && pass || fail "no year at a glance"
[ "$(grep -o '<svg[^>]*class="bodymap"' "$WORK/report.html" | wc -l)" -eq 2 ] && pass || fail "expected 2 body maps (baseline, since)"

case_ "HTML rendered by headless Chromium to PNG and a PDF of at most 3 A4 pages"
if command -v chromium >/dev/null && command -v pdfinfo >/dev/null; then
    run bash "$SRC/share/report/render.sh" "$WORK/report.html" "$WORK/render"
    expect_rc 0
    [ -s "$WORK/render/report.png" ] && pass || fail "no PNG"
    [ -s "$WORK/render/report.pdf" ] && pass || fail "no PDF"
    pages=$(pdfinfo "$WORK/render/report.pdf" | awk '/^Pages:/ { print $2 }')
    [ "${pages:-99}" -le 3 ] && pass || fail "PDF has ${pages:-?} pages, expected at most 3"
    pdfinfo "$WORK/render/report.pdf" | grep -q "pts (A4)" && pass || fail "PDF is not A4"
    text=$(pdftotext -layout "$WORK/render/report.pdf" - | tr -s ' ')
    for figure in "-44.7 %" "-44.3 %" "-48.5 %" "7.2" "6.2" "moderate" "Alex Example" "nausea ×1"; do
        [[ "$text" == *"$figure"* ]] && pass || fail "PDF text lacks $figure"
    done
else
    fail "chromium and poppler-utils are needed (see .ci/packages-test)"
fi

case_ "the HTML report on a 390 px phone: every table within its box, every column shown"
if command -v chromium >/dev/null; then
    # The report holds no script; a copy gets one that measures each table
    # against its box and the page and writes the verdict into the DOM.
    python3 - "$WORK/report.html" "$WORK/phone.html" <<'EOF'
import sys
measure = """<script>var bad = [];
document.querySelectorAll("table").forEach(function (t, i) {
  var box = t.parentElement, page = document.documentElement.clientWidth;
  if (t.getBoundingClientRect().right > page + 1 || box.scrollWidth > box.clientWidth + 1) bad.push(i);
});
document.body.setAttribute("data-overflow", bad.join(",") || "none");</script></body>"""
open(sys.argv[2], "w").write(open(sys.argv[1]).read().replace("</body>", measure))
EOF
    dom=$(timeout 120 chromium --headless --no-sandbox --disable-gpu --window-size=390,3000 \
        --virtual-time-budget=2000 --dump-dom "file://$WORK/phone.html" 2>/dev/null)
    [[ "$dom" == *'data-overflow="none"'* ]] && pass \
        || fail "tables wider than a 390 px screen: $(grep -o 'data-overflow="[^"]*"' <<<"$dom")"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=390,2600 \
        --screenshot="$WORK/phone.png" "file://$WORK/report.html" >/dev/null 2>&1
    [ -s "$WORK/phone.png" ] && pass || fail "no 390 px screenshot"
else
    fail "chromium is needed (see .ci/packages-test)"
fi

case_ "no infusion: the last report-days days"
DB_SAVED=$DB
DB="$WORK/plain.db"
painlog add --at 2026-11-20T09:00 --pain 5 --mood 6 --note "a plain day" >/dev/null
painlog config set report-days 14 >/dev/null
run painlog report
expect_rc 0
expect_out_has "2026-11-09 to 2026-11-22 (14 days)"
expect_out_has "the last 14 days (no infusion recorded)"
expect_out_has "No infusion in this period."
expect_golden report_plain.txt

case_ "user text is escaped in every format"
painlog config set name '<b>Bob</b> | "x"' >/dev/null
painlog event add infusion --at 2026-11-20T10:00 --label '<i>drip</i> | "x"' >/dev/null
painlog add --at 2026-11-21T09:00 --pain 6 --worse 'x|y' --better '<i>' \
    --note '<script>alert(1)</script> </svg> a | b *bold* # not a heading' >/dev/null
run painlog report --format html
expect_rc 0
expect_out_lacks "<script>"
expect_out_lacks "<b>Bob"
expect_out_lacks "<i>"
expect_out_has "&lt;script&gt;alert(1)&lt;/script&gt; &lt;/svg&gt; a | b"
expect_out_has "&lt;b&gt;Bob&lt;/b&gt; | &quot;x&quot;"
expect_out_has "&lt;i&gt;drip&lt;/i&gt; | &quot;x&quot;"  # the infusion's label in the table of every infusion
# Pain and mood, sleep, energy and the calendar; no response curve for an infusion without a baseline.
[ "$(grep -o '</svg>' <<<"$OUT" | wc -l)" -eq 4 ] && pass || fail "a note closed an SVG"
printf '%s\n' "$OUT" >"$WORK/escaped.html"
tidy -q -e "$WORK/escaped.html" >/dev/null 2>&1 && pass || fail "tidy complains about the escaped report"
run painlog report --format markdown
expect_rc 0
expect_out_has '**\<b\>Bob\</b\> \| "x"**'
expect_out_has '\<script\>alert(1)\</script\> \</svg\> a \| b \*bold\* # not a heading'
expect_out_has '| x\|y | worse | 1 |'
expect_out_has '| 1 of 1 | 2026-11-20 | \<i\>drip\</i\> \| "x" |'
row=$(grep -F '| x\|y |' <<<"$OUT" | sed 's/\\|//g' | tr -cd '|' | wc -c)
head_cells=$(grep -F '| Tag |' <<<"$OUT" | tr -cd '|' | wc -c)
expect_eq "$row" "$head_cells" "cells in the tag row"
run painlog report --format json
expect_out_has '"name": "<b>Bob</b> | \"x\""'

case_ "PHQ-9 item 9 above 0: the safety message at the top and with the scores"
painlog check phq9 --answers 0,0,0,0,0,0,0,0,1 --at 2026-11-21T10:00 >/dev/null
run painlog report
expect_rc 0
first_lines=$(printf '%s\n' "$OUT" | head -12)
[[ "$first_lines" == *"IMPORTANT: You answered that you have had thoughts"* ]] && pass ||
    fail "no safety message at the top"
expect_out_has "(item 9 above 0)"
expect_out_has "Samaritans on 116"
run painlog report --format html
expect_out_has '<div class="safety" role="alert"><strong>Important:</strong> You answered'
run painlog report --format markdown
expect_out_has "> **Important:** You answered"
run painlog report --format json
expect_out_has '"safety_message": "You answered'

case_ "bad input: exit 2, one line, nothing written"
snapshot
for args in "--until 2026-11-23" "--since 2026-11-23 --until 2026-11-22" "--event 99" "--event x" \
    "--format pdf" "--since someday"; do
    # shellcheck disable=SC2086
    run painlog report $args -o "$WORK/bad.html"
    expect_rc 2
    [ -e "$WORK/bad.html" ] && fail "$args wrote the output file" || pass
done
run painlog report --until 2026-11-23
expect_error "--until 2026-11-23: expected a day no later than today (2026-11-22)"
run painlog report --event 99
expect_error "event 99"
expect_unchanged
DB=$DB_SAVED
run painlog report --event 3
expect_rc 2
expect_error "--event 3: expected an infusion; event 3 is of kind appointment"

case_ "-o replaces a file atomically; -o - is stdout"
mkdir -p "$WORK/out"
echo old >"$WORK/out/report.md"
run painlog report --format markdown -o "$WORK/out/report.md"
expect_rc 0
expect_out_is ""
grep -q "^# Pain diary report" "$WORK/out/report.md" && pass || fail "file not replaced"
expect_eq "$(ls -A "$WORK/out")" "report.md" "files left in the directory"
expect_eq "$(stat -c %a "$WORK/out/report.md")" "600" "mode of the report"
run painlog report -o -
expect_rc 0
expect_out_has "PAIN DIARY REPORT"
run painlog report -o "$WORK/missing/dir/report.txt"
expect_rc 1
expect_error "-o $WORK/missing/dir/report.txt: cannot write"

# Speed is measured by tests/bench/run.sh, not here: this checks the result.
case_ "a ten-year diary: the HTML report covers the last infusion"
DB="$WORK/ten_years.db"
painlog add --at 2016-11-23T09:00 --pain 5 >/dev/null
# 3650 days, two entries a day, with notes and tags, plus an infusion every
# 90 days, inserted directly (as `painlog add` stores them) for speed.
sql "WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < 7299)
     INSERT INTO entry (at, zone, day, pain, mood, energy, sleep_hours, note)
     SELECT strftime('%Y-%m-%dT%H:%M:%SZ', '2016-11-24', '+' || (i / 2) || ' days', '+' || (8 + 10 * (i % 2)) || ' hours'),
            'Europe/London', date('2016-11-24', '+' || (i / 2) || ' days'),
            i % 11, 10 - i % 9, i % 7, 5 + (i % 5), 'note ' || i FROM d;
     INSERT INTO entry_tag (entry_id, kind, name) SELECT id, 'worse', 'cold' FROM entry WHERE id % 3 = 0;
     WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 40)
     INSERT INTO event (kind, label, at, zone, day, note)
     SELECT 'infusion', '', strftime('%Y-%m-%dT10:00:00Z', '2016-12-01', '+' || (90 * i) || ' days'), 'Europe/London',
            date('2016-12-01', '+' || (90 * i) || ' days'), '' FROM k;"
run "$PAINLOG_BIN" --db "$DB" report --format html
expect_rc 0
expect_out_has "</html>"
expect_out_has "Infusion 40 of 40"
expect_out_has "Across infusions"
run "$PAINLOG_BIN" --db "$DB" report --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '[(.all_infusions | length), (.across_infusions.duration.n >= 3)] | map(tostring) | join(" ")')" \
    "40 true" "all 40 infusions, a trend across them"

finish
