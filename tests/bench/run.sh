#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# painlog's benchmark: whole processes, timed with hyperfine (median and
# spread over several runs) and measured for peak memory with GNU time,
# against the sqlite3 shell doing the same work where there is an
# equivalent (the same INSERT with the same durability settings; the same
# aggregate query). Not part of ctest: it takes a few minutes.
#
#   tests/bench/run.sh PAINLOG_BINARY [WORK_DIRECTORY]
#
# Needs hyperfine, GNU time (/usr/bin/time) and sqlite3. Generates the
# diaries with tests/bench/generate.sh first. A command that this build of
# painlog does not have is reported as "missing", not timed.
#
# Targets (README, Performance): add (with and without regions and
# qualities) and med take <= 1.5x the sqlite3 insert; summary over
# 10 years <= 30 ms and <= 2x the sqlite3 aggregate; trend over 10 years <=
# 40 ms; response over 10 years (75 infusions) <= 50 ms; html report over 10
# years <= 150 ms; import of 100,000 entries <= 2 s; peak memory <= 32 MB;
# a 28-day summary as fast on 100,000 entries as on 1 year (within noise);
# a sealed 10-year backup <= 1.2x the plain one, plus scrypt's work factor
# for a passphrase (issue 20); the first sync of a 10-year diary <= 2 s, and
# a sync with nothing new <= 20 ms (issue 21).
set -euo pipefail
PAINLOG=$(realpath "${1:?usage: run.sh PAINLOG_BINARY [WORK_DIRECTORY]}")
WORK=${2:-$(mktemp -d "${TMPDIR:-/tmp}/painlog-bench.XXXXXX")}
HERE=$(cd "$(dirname "$0")" && pwd)
export PAINLOG_NOW=2026-11-22T21:00:00Z TZ=Europe/London
unset PAINLOG_DB
mkdir -p "$WORK"
cd "$WORK"

for tool in hyperfine /usr/bin/time sqlite3; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done

echo "== machine"
echo "cpu:    $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores)"
echo "memory: $(free -m | awk '/^Mem:/ {print $2}') MiB; kernel $(uname -r); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "disk:   $(df -hT . | awk 'NR == 2 {print $2 " on " $7}')"
echo "painlog $("$PAINLOG" --version | cut -d' ' -f2) ($PAINLOG), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(hyperfine --version)"
echo
echo "== diaries"
"$HERE/generate.sh" "$PAINLOG" "$WORK"
# An empty diary file for the import to start from: a setting written and
# taken back (commands that only read create no file).
"$PAINLOG" --db "$WORK/empty.db" config set report-days 28 >/dev/null
"$PAINLOG" --db "$WORK/empty.db" config unset report-days >/dev/null
echo

has_command() { "$PAINLOG" --help | sed -n '/^Subcommands:/,/^$/p' | grep -q "^  $1 "; }

RESULTS="$WORK/results.txt"
: >"$RESULTS"
# Median (ms) of the last timing, for ratios.
declare -A MEDIAN

# bench NAME RUNS PREPARE COMMAND: times COMMAND (a shell-free command line)
# RUNS times after a warm-up, PREPARE (or "") before each run; then runs it
# once under /usr/bin/time -v for its peak resident memory.
bench() {
    local name=$1 runs=$2 prepare=$3 cmd=$4 csv="$WORK/hf.csv" args=()
    args=(--style none --shell none --runs "$runs" --export-csv "$csv")
    if [ -n "$prepare" ]; then args+=(--prepare "$prepare"); else args+=(--warmup "$((runs > 5 ? 2 : 1))"); fi
    if ! hyperfine "${args[@]}" "$cmd" >/dev/null 2>"$WORK/hf.err"; then
        printf '%-34s failed: %s\n' "$name" "$(tail -1 "$WORK/hf.err")" | tee -a "$RESULTS"
        return
    fi
    # command,mean,stddev,median,user,system,min,max (seconds); the command
    # may hold commas, so count the fields from the end.
    local median min max
    read -r median min max < <(awk -F, 'NR == 2 {printf "%.1f %.1f %.1f\n", $(NF-4) * 1000, $(NF-1) * 1000, $NF * 1000}' "$csv")
    if [ -n "$prepare" ]; then bash -c "$prepare"; fi
    local rss
    rss=$(/usr/bin/time -v bash -c "exec $cmd" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}')
    MEDIAN[$name]=$median
    printf '%-34s median %8.1f ms  (min %8.1f, max %8.1f, %2d runs)  peak %6.1f MB\n' \
        "$name" "$median" "$min" "$max" "$runs" "$rss" | tee -a "$RESULTS"
}

missing() { printf '%-34s missing (painlog %s does not exist in this build)\n' "$1" "$2" | tee -a "$RESULTS"; }

ratio() {
    local a=${MEDIAN[$1]:-} b=${MEDIAN[$2]:-}
    if [ -z "$a" ] || [ -z "$b" ]; then printf '%-34s n/a\n' "$1 / $2" | tee -a "$RESULTS"; return; fi
    printf '%-34s %.2fx\n' "ratio $1 / $2" "$(awk -v a="$a" -v b="$b" 'BEGIN {print a / b}')" | tee -a "$RESULTS"
}

# ratio_plus A B C: A against B plus the cost C adds to D (C - D): what is
# left of A once a fixed cost is taken out, against B.
ratio_plus() {
    local a=${MEDIAN[$1]:-} b=${MEDIAN[$2]:-} c=${MEDIAN[$3]:-} d=${MEDIAN[$4]:-}
    if [ -z "$a" ] || [ -z "$b" ] || [ -z "$c" ] || [ -z "$d" ]; then
        printf '%-34s n/a\n' "$1 / ($2 + $3 - $4)" | tee -a "$RESULTS"
        return
    fi
    printf '%-34s %.2fx (fixed cost %.1f ms)\n' "ratio $1 / ($2 + its scrypt)" \
        "$(awk -v a="$a" -v b="$b" -v c="$c" -v d="$d" 'BEGIN {print (a - (c - d)) / b}')" \
        "$(awk -v c="$c" -v d="$d" 'BEGIN {print c - d}')" | tee -a "$RESULTS"
}

P="$PAINLOG --db"
cp year10.db add-painlog.db
cp year10.db add-sqlite.db
echo "== timings"
# One entry with two ratings, a note and a tag: painlog's whole write path
# (open, version check, settings, BEGIN IMMEDIATE, INSERTs, COMMIT) against
# the sqlite3 shell running the same statements. Both use SQLite's defaults:
# rollback journal (DELETE), synchronous FULL.
bench "add (10 years)" 30 "" "$P add-painlog.db add --pain 5 --mood 6 --note bench --worse stairs"
bench "sqlite3 insert (10 years)" 30 "" "sqlite3 add-sqlite.db \"PRAGMA foreign_keys = ON; BEGIN IMMEDIATE; INSERT INTO entry (at, zone, day, pain, mood, note) VALUES ('2026-11-22T21:00:00Z', 'Europe/London', '2026-11-22', 5, 6, 'bench'); INSERT INTO entry_tag (entry_id, kind, name) VALUES (last_insert_rowid(), 'worse', 'stairs'); COMMIT;\""
ratio "add (10 years)" "sqlite3 insert (10 years)"

# The same entry with two regions and two qualities (issue 17) against the
# same INSERTs into entry_region and entry_quality.
bench "add --where --feels (10 years)" 30 "" "$P add-painlog.db add --pain 5 --mood 6 --note bench --worse stairs --where left-foot,lower-back --feels burning,electric-shocks"
bench "sqlite3 insert body (10 years)" 30 "" "sqlite3 add-sqlite.db \"PRAGMA foreign_keys = ON; BEGIN IMMEDIATE; INSERT INTO entry (at, zone, day, pain, mood, note) VALUES ('2026-11-22T21:00:00Z', 'Europe/London', '2026-11-22', 5, 6, 'bench'); INSERT INTO entry_tag (entry_id, kind, name) VALUES (last_insert_rowid(), 'worse', 'stairs'); INSERT INTO entry_region (entry_id, region) SELECT max(id), 'lower-back' FROM entry; INSERT INTO entry_region (entry_id, region) SELECT max(id), 'left-foot' FROM entry; INSERT INTO entry_quality (entry_id, quality) SELECT max(id), 'burning' FROM entry; INSERT INTO entry_quality (entry_id, quality) SELECT max(id), 'electric-shocks' FROM entry; COMMIT;\""
ratio "add --where --feels (10 years)" "sqlite3 insert body (10 years)"

# One dose: med take's whole write path against the same INSERT.
if has_command med; then
    bench "med take (10 years)" 30 "" "$P add-painlog.db med take oxycodone 5mg --prn"
else
    missing "med take" med
fi
bench "sqlite3 insert dose (10 years)" 30 "" "sqlite3 add-sqlite.db \"BEGIN IMMEDIATE; INSERT INTO dose (medicine, amount, unit, as_needed, at, zone, day) VALUES ('oxycodone', 5, 'mg', 1, '2026-11-22T21:00:00Z', 'Europe/London', '2026-11-22'); COMMIT;\""
ratio "med take (10 years)" "sqlite3 insert dose (10 years)"

bench "list --last 20 (10 years)" 30 "" "$P year10.db list --last 20"

# The floor for a summary: every metric's daily means over the period, and
# their mean, min and max, in one query; then each medicine's days, doses
# and as-needed doses, and the daily opioid MME's mean and range (the
# generated diaries' only opioid is oxycodone, factor 1.5).
aggregate() {
    echo "sqlite3 year10.db \"SELECT count(*), avg(p), min(p), max(p), avg(m), avg(e), avg(s), avg(q), avg(a) FROM (SELECT day, avg(pain) p, avg(mood) m, avg(energy) e, avg(sleep_hours) s, avg(sleep_quality) q, avg(activity) a FROM entry WHERE day >= '$1' GROUP BY day); SELECT medicine, count(DISTINCT day), count(*), sum(as_needed), sum(amount) FROM dose WHERE day >= '$1' GROUP BY medicine; SELECT avg(m), min(m), max(m) FROM (SELECT e.day, coalesce(sum(d.amount) + sum(d.amount) / 2, 0) m FROM (SELECT DISTINCT day FROM entry WHERE day >= '$1') e LEFT JOIN dose d ON d.day = e.day AND d.medicine = 'oxycodone' GROUP BY e.day)\""
}
if has_command summary; then
    bench "summary 28 days (10 years)" 30 "" "$P year10.db summary --since 28d"
    bench "summary 10 years (10 years)" 20 "" "$P year10.db summary --since 2016-11-25"
    bench "summary 28 days (1 year)" 30 "" "$P year1.db summary --since 28d"
    bench "summary 28 days (100,000 entries)" 30 "" "$P entries100k.db summary --since 28d"
else
    missing "summary" summary
fi
bench "sqlite3 aggregate 28 days" 30 "" "$(aggregate 2026-10-26)"
bench "sqlite3 aggregate 10 years" 30 "" "$(aggregate 2016-11-25)"
ratio "summary 28 days (10 years)" "sqlite3 aggregate 28 days"
ratio "summary 10 years (10 years)" "sqlite3 aggregate 10 years"
# Size alone: the 10-year diary has the 1-year one's density (2 entries a
# day), so its 28 days hold the same rows. The 100,000-entry diary has 10 a
# day, five times the rows in any 28 days.
ratio "summary 28 days (10 years)" "summary 28 days (1 year)"
ratio "summary 28 days (100,000 entries)" "summary 28 days (1 year)"

if has_command trend; then
    bench "trend 28 days (10 years)" 30 "" "$P year10.db trend --since 28d"
    bench "trend 10 years (10 years)" 15 "" "$P year10.db trend --since 2016-11-25"
else
    missing "trend" trend
fi

if has_command response; then
    bench "response (10 years, 75 infusions)" 20 "" "$P year10.db response"
    bench "response json (10 years)" 10 "" "$P year10.db response --format json"
else
    missing "response" response
fi
if has_command calendar; then
    bench "calendar (10 years)" 20 "" "$P year10.db calendar"
else
    missing "calendar" calendar
fi

if has_command report; then
    bench "report html 10 weeks (10 years)" 20 "" "$P year10.db report --since 10w --format html"
    bench "report html 10 years (10 years)" 5 "" "$P year10.db report --since 2016-11-25 --format html"
else
    missing "report --format html" report
fi

if has_command export; then
    bench "export csv (100,000 entries)" 3 "" "$P entries100k.db export --format csv"
else
    missing "export --format csv" export
fi
if has_command import; then
    bench "import csv 100,000 (new diary)" 3 "cp $WORK/empty.db $WORK/imported.db" \
        "$P imported.db import import100k.csv --format csv"
    [ "$(sqlite3 imported.db "SELECT count(*) FROM entry")" = 100000 ] ||
        echo "import: the diary does not hold 100,000 entries afterwards" | tee -a "$RESULTS"
else
    missing "import" import
fi

# Sealed backups (age): the plain backup against the same sealed for a
# public key (X25519: no work factor) and with a passphrase (scrypt, work
# factor 18). scrypt's fixed cost is measured alone as the difference
# between a sealed empty export with a passphrase and with a key.
if has_command key; then
    rm -f "$WORK/bench-key.txt"
    PUB=$("$PAINLOG" --db "$WORK/empty.db" key generate -o "$WORK/bench-key.txt")
    printf 'bench passphrase\n' >"$WORK/bench-pass.txt"
    bench "db backup (10 years)" 10 "" "$P year10.db db backup --force $WORK/backup.db"
    bench "db backup, key (10 years)" 10 "" "$P year10.db db backup --force --recipient $PUB $WORK/backup.age"
    bench "db backup, passphrase (10 years)" 10 "" \
        "$P year10.db db backup --force --passphrase-file $WORK/bench-pass.txt $WORK/backup-pass.age"
    bench "empty export, key" 10 "" "$P empty.db export --what events --recipient $PUB -o /dev/null"
    bench "empty export, passphrase" 10 "" \
        "$P empty.db export --what events --passphrase-file $WORK/bench-pass.txt -o /dev/null"
    bench "db restore, key (10 years)" 10 "" \
        "$P restored.db db restore --force --identity $WORK/bench-key.txt $WORK/backup.age"
    ratio "db backup, key (10 years)" "db backup (10 years)"
    ratio_plus "db backup, passphrase (10 years)" "db backup (10 years)" "empty export, passphrase" "empty export, key"
    ls -l "$WORK/backup.db" "$WORK/backup.age" | awk '{print $5, $NF}' | tee -a "$RESULTS"
else
    missing "db backup sealed" key
fi

# Sync (issue 21): the first sync of the 10-year diary (init: every record
# sealed into the folder), the first sync of a second machine (join: every
# record read, opened and merged into an empty diary), and a sync with
# nothing new. The sqlite3 rows are the floor for the same reading: every
# record of the diary as JSON, and the query for what waits to be sent.
if has_command sync; then
    bench "sync init, first (10 years)" 5 \
        "bash -c 'cp $WORK/year10.db $WORK/sync-a.db && rm -rf $WORK/sync-folder $WORK/sync-key.txt'" \
        "$P sync-a.db sync init sync-folder --key-file sync-key.txt"
    bench "sync join, first (10 years)" 5 "cp $WORK/empty.db $WORK/sync-b.db" \
        "$P sync-b.db sync join sync-folder --key-file sync-key.txt"
    bench "sync, nothing new (10 years)" 30 "" "$P sync-a.db sync"
else
    missing "sync" sync
fi
bench "sqlite3 every record as JSON" 5 "" "sqlite3 year10.db \"SELECT json_group_array(json_object('at', at, 'zone', zone, 'day', day, 'pain', pain, 'mood', mood, 'energy', energy, 'sleep_hours', sleep_hours, 'sleep_quality', sleep_quality, 'activity', activity, 'note', note, 'tags', (SELECT json_group_array(json_array(kind, name)) FROM entry_tag t WHERE t.entry_id = e.id))) FROM entry e; SELECT json_group_array(json_object('medicine', medicine, 'amount', amount, 'unit', unit, 'at', at)) FROM dose; SELECT json_group_array(json_object('kind', kind, 'label', label, 'at', at)) FROM event\""
bench "sqlite3 unsent query (10 years)" 30 "" "sqlite3 sync-a.db \"SELECT count(*) FROM sync_record WHERE unsent = 1\""
ratio "sync init, first (10 years)" "sqlite3 every record as JSON"
ratio "sync join, first (10 years)" "sqlite3 every record as JSON"
ratio "sync, nothing new (10 years)" "sqlite3 unsent query (10 years)"

echo
echo "== results ($RESULTS)"
cat "$RESULTS"
echo "work directory: $WORK"
