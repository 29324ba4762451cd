# SPDX-License-Identifier: GPL-3.0-or-later
# Fault: painlog is killed (SIGKILL: no cleanup runs) at moments spread over
# a 100,000-entry import, 20 times. Each time the diary must pass
# PRAGMA integrity_check and `painlog db check`, and hold either all of the
# import or none of it: the import is one transaction, and SQLite's rollback
# journal undoes a half-written one when the diary is next opened.
source "$(dirname "$0")/lib.sh"

if ! "$PAINLOG_BIN" --help | sed -n '/^Subcommands:/,/^$/p' | grep -q '^  import '; then
    echo "skipped: this build has no painlog import"
    exit 77
fi

N=100000
KILLS=20
BASE=5

# 100,000 entries in painlog's CSV, every 10 minutes from 2024-12-01.
sqlite3 -batch -csv -header :memory: "
    WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < $N - 1)
    SELECT strftime('%Y-%m-%dT%H:%M:%SZ', '2024-12-01', '+' || (n * 10) || ' minutes') AS time,
           'Europe/London' AS zone, n % 11 AS pain, (n / 11) % 11 AS mood, 'imported ' || n AS note
    FROM i" >"$WORK/import.csv"
expect_eq "$(wc -l <"$WORK/import.csv")" "$((N + 1))" "lines in the import file"

for i in $(seq "$BASE"); do run painlog add --pain "$i" --note "before $i"; done
cp "$DB" "$WORK/base.db"

case_ "an import that is not interrupted adds all $N entries"
started=$(date +%s.%N)
run painlog import "$WORK/import.csv" --format csv
full=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')
expect_rc 0
expect_eq "$(sql "SELECT count(*) FROM entry")" "$((BASE + N))" "entries after a full import"
echo "a full import took ${full} s"

case_ "kill -9 at $KILLS moments during the import: intact, all or nothing"
none=0 all=0
for k in $(seq 0 $((KILLS - 1))); do
    cp "$WORK/base.db" "$DB"
    rm -f "$DB-journal"
    # Moments spread evenly from the start to just past the full import's
    # time: a later kill finds what the uninterrupted import above left.
    delay=$(awk -v t="$full" -v k="$k" -v n="$KILLS" 'BEGIN {printf "%.3f", 1.05 * t * k / (n - 1)}')
    "$PAINLOG_BIN" --db "$DB" import "$WORK/import.csv" --format csv >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # sqlite3 opens the diary read-write, so it rolls back a hot journal
    # first, as painlog would.
    integrity=$(sqlite3 "$DB" "PRAGMA integrity_check")
    count=$(sqlite3 "$DB" "SELECT count(*) FROM entry")
    [ "$integrity" = ok ] && pass || fail "kill after ${delay} s: integrity_check: $integrity"
    case $count in
        "$BASE") none=$((none + 1)); pass ;;
        "$((BASE + N))") all=$((all + 1)); pass ;;
        *) fail "kill after ${delay} s: $count entries, expected $BASE (none) or $((BASE + N)) (all)" ;;
    esac
    expect_eq "$(sqlite3 "$DB" "SELECT group_concat(note, ',') FROM (SELECT note FROM entry WHERE note LIKE 'before %' ORDER BY id)")" \
        "before 1,before 2,before 3,before 4,before 5" "the entries from before (kill after ${delay} s)"
    run painlog db check
    expect_rc 0
done
echo "kills: $none left none of the import, $all left all of it"
# The first kill (at 0 s) must find nothing imported. Whether the last ones
# find all of it depends on the machine's load; the uninterrupted import
# above is the case that must.
[ "$none" -ge 1 ] && pass || fail "no kill came before the import committed"

finish
