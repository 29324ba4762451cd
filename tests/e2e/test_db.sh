# SPDX-License-Identifier: GPL-3.0-or-later
# painlog db check and painlog db backup: a clear verdict on healthy and
# damaged files, and a backup that is private, refuses to clobber, and opens
# and checks clean.
source "$(dirname "$0")/lib.sh"

user_version() { sqlite3 -batch -noheader "$1" "PRAGMA user_version"; }
mode_of() { stat -c %a "$1"; }

run painlog add --pain 6 --mood 4 --note "first" --worse stairs
run painlog add --pain 3 --mood 7 --better walking --at 2026-11-21T09:00

case_ "check on a healthy diary: every check ok, exit 0, file untouched"
snapshot
run painlog db check
expect_rc 0
expect_out_has "Checking $DB"
expect_out_has "integrity_check    ok"
expect_out_has "foreign_key_check  ok"
expect_out_has "schema_version     $(user_version "$DB") (this painlog: $(user_version "$DB"))"
expect_out_has "schema             ok: "
expect_out_has "Verdict: ok, no problems found."
expect_err_empty
expect_unchanged

case_ "check --format json: stable keys, ok true"
run painlog db check --format json
expect_rc 0
# Top-level keys in order (two-space indented JSON), then each check.
expect_eq "$(printf '%s\n' "$OUT" | sed -n 's/^  "\([a-z_]*\)":.*/\1/p' | tr '\n' ' ')" \
    "path ok problem_count schema_version expected_schema_version checks " "top-level keys"
expect_out_has '"ok": true,'
expect_out_has '"problem_count": 0,'
expect_out_has "\"schema_version\": $(user_version "$DB"),"
expect_out_has "\"expected_schema_version\": $(user_version "$DB"),"
expect_eq "$(printf '%s\n' "$OUT" | sed -n 's/^      "name": "\(.*\)",/\1/p' | tr '\n' ' ')" \
    "integrity_check foreign_key_check schema_version schema " "checks in order"
expect_eq "$(printf '%s\n' "$OUT" | grep -c '^      "ok": true,')" "4" "checks that passed"
expect_eq "$(printf '%s\n' "$OUT" | grep -c '^      "problems": \[\]')" "4" "empty problem lists"

case_ "check of a missing diary: exit 2, nothing created"
run "$PAINLOG_BIN" --db "$WORK/none.db" db check
expect_rc 2
expect_error "$WORK/none.db: no such diary; expected an existing diary file"
[ ! -e "$WORK/none.db" ] && pass || fail "db check created a file"

case_ "check of a file that is not a database: exit 1, problems named"
printf 'this is not a diary\n%.0s' {1..200} >"$WORK/text.db"
cp "$WORK/text.db" "$WORK/text.orig"
run "$PAINLOG_BIN" --db "$WORK/text.db" db check
expect_rc 1
expect_out_has "SQLite cannot read the file: file is not a database"
expect_out_has "Verdict: "
expect_error "$WORK/text.db: db check found"
cmp -s "$WORK/text.db" "$WORK/text.orig" && pass || fail "db check changed the file"

case_ "check of a foreign SQLite database: not a painlog diary"
sqlite3 "$WORK/foreign.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
run "$PAINLOG_BIN" --db "$WORK/foreign.db" db check
expect_rc 1
expect_out_has "schema_version     user_version 0 with tables: a SQLite database that painlog did not create"
expect_out_has "integrity_check    ok"
expect_out_has "Verdict: 1 problem found."
expect_error "$WORK/foreign.db: db check found 1 problem"

case_ "check finds a dangling tag (foreign key) and a missing index (schema)"
cp "$DB" "$WORK/broken.db"
sqlite3 "$WORK/broken.db" "PRAGMA foreign_keys = OFF; INSERT INTO entry_tag VALUES (999, 'worse', 'ghost');
    DROP INDEX entry_by_at;"
run "$PAINLOG_BIN" --db "$WORK/broken.db" db check
expect_rc 1
expect_out_has "foreign_key_check  1 problem
    - a row of table entry_tag refers to a missing entry"
expect_out_has "schema             1 problem
    - index entry_by_at is missing"
expect_out_has "integrity_check    ok"
expect_out_has "Verdict: 2 problems found."
expect_error "$WORK/broken.db: db check found 2 problems"

case_ "check finds a damaged index page (integrity_check)"
cp "$DB" "$WORK/damaged.db"
page_size=$(sqlite3 "$WORK/damaged.db" "PRAGMA page_size")
root=$(sqlite3 "$WORK/damaged.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'entry_by_day'")
# The index is one leaf page whose cells sit at the end of the page: overwrite
# its last 64 bytes, where the index keys are.
offset=$(( root * page_size - 64 ))
printf 'X%.0s' {1..64} | dd of="$WORK/damaged.db" bs=1 seek="$offset" conv=notrunc status=none
run "$PAINLOG_BIN" --db "$WORK/damaged.db" db check --format json
expect_rc 1
expect_out_has '"ok": false,'
# The first check is integrity_check: it failed and lists what it found.
expect_eq "$(printf '%s\n' "$OUT" | grep -A2 '"name": "integrity_check"' | sed -n 2p)" '      "ok": false,' \
    "integrity_check verdict"
expect_out_lacks '"problem_count": 0,'

case_ "check of a diary from a newer painlog: a problem, file untouched"
cp "$DB" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 999"
cp "$WORK/newer.db" "$WORK/newer.orig"
run "$PAINLOG_BIN" --db "$WORK/newer.db" db check
expect_rc 1
expect_out_has "schema version 999 is newer than this painlog understands"
expect_out_has "schema             not checked (unknown schema version)"
cmp -s "$WORK/newer.db" "$WORK/newer.orig" && pass || fail "db check changed a newer diary"

case_ "backup writes a private copy that opens and checks clean"
umask 022
run painlog db backup "$WORK/copy.db"
expect_rc 0
expect_out_is "Backed up $DB to $WORK/copy.db: 2 entries, $(stat -c %s "$WORK/copy.db") bytes; the copy checks clean."
expect_eq "$(mode_of "$WORK/copy.db")" "600" "mode of the copy"
expect_eq "$(sqlite3 "$WORK/copy.db" "PRAGMA integrity_check")" "ok" "integrity_check of the copy"
expect_eq "$(sqlite3 "$WORK/copy.db" .dump)" "$(sqlite3 "$DB" .dump)" "the copy's content"
run "$PAINLOG_BIN" --db "$WORK/copy.db" db check
expect_rc 0
run "$PAINLOG_BIN" --db "$WORK/copy.db" list --all --format csv
expect_out_has "stairs"
ls -A "$WORK" | grep -q '^\.copy\.db\.' && fail "a temporary file was left behind" || pass

case_ "backup refuses to overwrite an existing file without --force"
printf 'precious\n' >"$WORK/precious"
run painlog db backup "$WORK/precious"
expect_rc 2
expect_error "$WORK/precious: already exists; expected a new file name, or --force to replace it"
expect_eq "$(cat "$WORK/precious")" "precious" "the existing file"

case_ "backup --force replaces the file with a private copy"
chmod 644 "$WORK/precious"
run painlog add --pain 2
run painlog db backup --force "$WORK/precious" --format json
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | sed -n 's/^  "\([a-z_]*\)":.*/\1/p' | tr '\n' ' ')" \
    "source destination bytes entries sealed check " "top-level keys"
expect_out_has '"entries": 3,'
expect_out_has "\"destination\": \"$WORK/precious\","
expect_out_has '"problem_count": 0,'
expect_eq "$(mode_of "$WORK/precious")" "600" "mode of the replaced copy"
expect_eq "$(sqlite3 "$WORK/precious" "SELECT count(*) FROM entry")" "3" "entries in the copy"

case_ "backup to a directory or into a missing directory: exit 2, nothing written"
run painlog db backup "$WORK"
expect_rc 2
expect_error "is a directory; expected a file name for the copy"
run painlog db backup "$WORK/no/such/dir/copy.db"
expect_rc 2
expect_error "no such directory $WORK/no/such/dir; expected an existing directory"
run painlog db backup
expect_rc 2
expect_error "FILE is required"

case_ "backup while another process holds a write transaction: a consistent copy"
# sqlite3 takes the write lock, inserts, and waits 2 s before committing. The
# online backup reads past the pending write: its copy lacks the new row.
sqlite3 "$DB" "BEGIN IMMEDIATE; INSERT INTO entry (at, zone, day, pain) VALUES
    ('2026-11-22T19:00:00Z', 'Europe/London', '2026-11-22', 9); SELECT 1 FROM (SELECT 1) WHERE 0;" \
    ".system sleep 2" "COMMIT;" &
writer=$!
sleep 0.5
run painlog db backup "$WORK/during.db"
expect_rc 0
wait "$writer"
expect_eq "$(sqlite3 "$WORK/during.db" "SELECT count(*) FROM entry")" "3" "entries in the copy taken mid-write"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM entry")" "4" "entries once the writer committed"
expect_eq "$(sqlite3 "$WORK/during.db" "PRAGMA integrity_check")" "ok" "integrity_check of the copy"

finish
