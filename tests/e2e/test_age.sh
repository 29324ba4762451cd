#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sealed copies (age format), checked against the real age(1) both ways:
# age opens what painlog seals (X25519 and passphrase), painlog opens what
# age seals, the decrypted backup checks clean and holds the diary. Then
# every way a sealed file can be wrong, each refused with one line, exit 2,
# and nothing written. Passphrases reach age, and painlog's own prompt,
# through a pseudo-terminal (util-linux script), as a person types them.
source "$(dirname "$0")/lib.sh"
for tool in age age-keygen script sqlite3; do
    command -v "$tool" >/dev/null || { echo "$tool not found (Debian packages age, util-linux, sqlite3): skipping"; exit 77; }
done

mode_of() { stat -c %a "$1"; }
# The diary's content as sqlite3 prints it: two copies of one diary agree.
dump() { sqlite3 "$1" .dump; }
# Runs "$@" on a pseudo-terminal with $1 typed; OUT is all it printed.
in_pty() {
    local input=$1
    shift
    OUT=$(printf '%s' "$input" | script -qec "$(printf '%q ' "$@")" /dev/null 2>&1)
    RC=$?
}
# age -d, with passphrase $1 typed on a terminal, opens $2 to the diary's content.
expect_age_opens_with() {
    in_pty "$1"$'\n' age -d -o "$2.opened" "$2"
    expect_rc 0
    expect_eq "$(dump "$2.opened")" "$(dump "$DB")" "the content of $2 opened by age"
}
# No temporary file of painlog's left in $WORK.
expect_no_temporaries() {
    local left
    left=$(find "$WORK" -maxdepth 2 -name '.*.painlog-*')
    [ -z "$left" ] && pass || fail "temporary files left: $left"
}

painlog add --pain 6 --mood 4 --note "first" --worse stairs --at 2026-11-20T08:30 >/dev/null
painlog add --pain 3 --mood 7 --better walking --at 2026-11-21T09:00 >/dev/null
painlog event add infusion --at 2026-11-10T10:00 --label "ketamine" >/dev/null
printf 'correct horse battery\n' >"$WORK/pass.txt"

case_ "key generate: an age-keygen identity file, 0600, and its public key on stdout"
umask 022
run painlog key generate -o "$WORK/key.txt"
expect_rc 0
PUB=$OUT
[[ "$PUB" =~ ^age1[a-z0-9]{58}$ ]] && pass || fail "not a public key: $PUB"
expect_eq "$(mode_of "$WORK/key.txt")" "600" "mode of the identity file"
expect_eq "$(sed -n 1p "$WORK/key.txt" | cut -c1-12)" "# created: 2" "created line"
expect_eq "$(sed -n 2p "$WORK/key.txt")" "# public key: $PUB" "public key line"
[[ "$(sed -n 3p "$WORK/key.txt")" =~ ^AGE-SECRET-KEY-1[A-Z0-9]{58}$ ]] && pass || fail "no secret key line"
expect_eq "$(age-keygen -y "$WORK/key.txt")" "$PUB" "age-keygen -y of painlog's identity"
expect_err_empty

case_ "key generate never replaces a file"
cp "$WORK/key.txt" "$WORK/key.orig"
run painlog key generate -o "$WORK/key.txt"
expect_rc 2
expect_error "-o $WORK/key.txt: already exists; expected a new file name (painlog never replaces a secret key)"
cmp -s "$WORK/key.txt" "$WORK/key.orig" && pass || fail "the identity file changed"
run painlog key generate
expect_rc 2
expect_error "--output is required"

case_ "db backup --recipient: age -d -i opens it; the copy checks clean and holds the diary"
run painlog db backup --recipient "$PUB" "$WORK/backup.age"
expect_rc 0
expect_out_is "Backed up $DB to $WORK/backup.age: 2 entries, $(stat -c %s "$WORK/backup.age") bytes, sealed (age); the copy checks clean."
expect_eq "$(mode_of "$WORK/backup.age")" "600" "mode of the sealed backup"
expect_eq "$(head -c 22 "$WORK/backup.age")" "age-encryption.org/v1" "age header"
age -d -i "$WORK/key.txt" -o "$WORK/from-age.db" "$WORK/backup.age" && pass || fail "age -d failed"
expect_eq "$(dump "$WORK/from-age.db")" "$(dump "$DB")" "the decrypted backup's content"
run "$PAINLOG_BIN" --db "$WORK/from-age.db" db check
expect_rc 0
expect_no_temporaries

case_ "db backup --passphrase-file: age -d opens it with the passphrase typed on a terminal"
run painlog db backup --passphrase-file "$WORK/pass.txt" --format json "$WORK/pass.age"
expect_rc 0
expect_out_has '"sealed": true,'
expect_eq "$(sed -n 2p "$WORK/pass.age" | cut -d' ' -f1,2,4)" "-> scrypt 18" "scrypt stanza with work factor 18"
expect_age_opens_with "correct horse battery" "$WORK/pass.age"

case_ "db backup --passphrase asks twice on the terminal, without echo"
in_pty $'tty pass\ntty pass\n' "$PAINLOG_BIN" --db "$DB" db backup --passphrase "$WORK/tty.age"
expect_rc 0
expect_out_has "Passphrase for the sealed copy: "
expect_out_has "The same passphrase again: "
expect_out_has "sealed (age); the copy checks clean."
expect_age_opens_with "tty pass" "$WORK/tty.age"

case_ "--passphrase: two different answers write nothing"
in_pty $'one\ntwo\n' "$PAINLOG_BIN" --db "$DB" db backup --passphrase "$WORK/differ.age"
expect_rc 2
expect_out_has "painlog: --passphrase: the two passphrases differ; nothing was written"
[ ! -e "$WORK/differ.age" ] && pass || fail "a file was written"

case_ "--passphrase: an empty answer or Ctrl-D writes nothing"
in_pty $'\n' "$PAINLOG_BIN" --db "$DB" db backup --passphrase "$WORK/empty.age"
expect_rc 2
expect_out_has "painlog: passphrase: empty; expected one, or Ctrl-D to cancel"
in_pty $'\x04' "$PAINLOG_BIN" --db "$DB" db backup --passphrase "$WORK/empty.age"
expect_rc 2
expect_out_has "painlog: passphrase: cancelled; nothing was written"
[ ! -e "$WORK/empty.age" ] && pass || fail "a file was written"

case_ "db restore opens what age -e sealed to painlog's key, byte for byte"
age -e -r "$PUB" -o "$WORK/by-age.age" "$DB"
run "$PAINLOG_BIN" --db "$WORK/restored.db" db restore --identity "$WORK/key.txt" "$WORK/by-age.age"
expect_rc 0
expect_out_is "Restored $WORK/restored.db from $WORK/by-age.age (sealed, age): 2 entries, $(stat -c %s "$DB") bytes; the diary checks clean."
cmp -s "$WORK/restored.db" "$DB" && pass || fail "the restored diary differs from the one age sealed"
expect_eq "$(mode_of "$WORK/restored.db")" "600" "mode of the restored diary"

case_ "db restore opens what age -p sealed with a passphrase (file, fd, terminal)"
in_pty $'age pass\nage pass\n' age -p -o "$WORK/by-age-pass.age" "$DB"
expect_rc 0
run "$PAINLOG_BIN" --db "$WORK/restored-pass.db" db restore --passphrase-file <(printf 'age pass\n') "$WORK/by-age-pass.age"
expect_rc 0
cmp -s "$WORK/restored-pass.db" "$DB" && pass || fail "restored from a file passphrase differs"
run "$PAINLOG_BIN" --db "$WORK/restored-fd.db" db restore --passphrase-fd 3 "$WORK/by-age-pass.age" 3< <(printf 'age pass')
expect_rc 0
cmp -s "$WORK/restored-fd.db" "$DB" && pass || fail "restored from an fd passphrase differs"
in_pty $'age pass\n' "$PAINLOG_BIN" --db "$WORK/restored-tty.db" db restore "$WORK/by-age-pass.age"
expect_rc 0
expect_out_has "Passphrase for $WORK/by-age-pass.age: "
cmp -s "$WORK/restored-tty.db" "$DB" && pass || fail "restored from a typed passphrase differs"

case_ "db restore of a plain backup, and --force to replace a diary"
painlog db backup "$WORK/plain.db" >/dev/null
cp "$WORK/restored.db" "$WORK/other.db"
"$PAINLOG_BIN" --db "$WORK/other.db" add --pain 9 >/dev/null
cp "$WORK/other.db" "$WORK/other.orig"
run "$PAINLOG_BIN" --db "$WORK/other.db" db restore "$WORK/plain.db"
expect_rc 2
expect_error "$WORK/other.db: a diary already exists; expected --force to replace it with $WORK/plain.db"
cmp -s "$WORK/other.db" "$WORK/other.orig" && pass || fail "the diary changed without --force"
run "$PAINLOG_BIN" --db "$WORK/other.db" db restore --force --format json "$WORK/plain.db"
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | sed -n 's/^  "\([a-z_]*\)":.*/\1/p' | tr '\n' ' ')" \
    "source diary bytes entries sealed check " "top-level keys"
expect_out_has '"sealed": false,'
expect_eq "$(dump "$WORK/other.db")" "$(dump "$DB")" "the replaced diary's content"

case_ "db restore creates a diary in a directory that does not exist yet, 0700"
run "$PAINLOG_BIN" --db "$WORK/new/dir/diary.db" db restore --identity "$WORK/key.txt" "$WORK/backup.age"
expect_rc 0
expect_eq "$(mode_of "$WORK/new/dir")" "700" "mode of the new directory"
expect_eq "$(dump "$WORK/new/dir/diary.db")" "$(dump "$DB")" "the new diary's content"

case_ "export, every format, sealed: age -d gives the plain export's bytes"
for format in csv json fhir; do
    painlog export --format "$format" -o "$WORK/plain.$format"
    run painlog export --format "$format" --recipient "$PUB" -o "$WORK/sealed.$format.age"
    expect_rc 0
    expect_eq "$(mode_of "$WORK/sealed.$format.age")" "600" "mode of the sealed $format export"
    age -d -i "$WORK/key.txt" "$WORK/sealed.$format.age" >"$WORK/opened.$format"
    cmp -s "$WORK/opened.$format" "$WORK/plain.$format" && pass || fail "age -d of the sealed $format export differs"
done
painlog export --what events --recipients-file <(printf '# clinic\n%s\n' "$PUB") -o "$WORK/events.csv.age"
expect_eq "$(age -d -i "$WORK/key.txt" "$WORK/events.csv.age")" "$(painlog export --what events)" "sealed events CSV"
painlog export --recipient "$PUB" | cat >"$WORK/piped.age"
expect_eq "$(age -d -i "$WORK/key.txt" "$WORK/piped.age")" "$(cat "$WORK/plain.csv")" "a sealed export through a pipe"
OUT=$(script -qec "$(printf '%q ' "$PAINLOG_BIN" --db "$DB" export --recipient "$PUB")" /dev/null 2>&1)
[[ "$OUT" == "painlog: standard output is a terminal; expected -o FILE, or a pipe, for a sealed export"* ]] && pass ||
    fail "a sealed export to a terminal was not refused: $OUT"

case_ "import reads sealed exports: painlog's, and age's with a passphrase"
run "$PAINLOG_BIN" --db "$WORK/imported.db" import --identity "$WORK/key.txt" "$WORK/sealed.json.age"
expect_rc 0
expect_out_is "Imported 2 entries and 1 event from $WORK/sealed.json.age."
expect_eq "$("$PAINLOG_BIN" --db "$WORK/imported.db" export --format json)" "$(cat "$WORK/plain.json")" "import of the sealed JSON"
in_pty $'csv pass\ncsv pass\n' age -p -o "$WORK/age.csv.age" "$WORK/plain.csv"
run "$PAINLOG_BIN" --db "$WORK/imported-csv.db" import --passphrase-file <(printf 'csv pass\n') "$WORK/age.csv.age"
expect_rc 0
expect_out_is "Imported 2 entries from $WORK/age.csv.age."
OUT=$("$PAINLOG_BIN" --db "$WORK/imported-stdin.db" import --identity "$WORK/key.txt" - <"$WORK/sealed.csv.age" 2>"$WORK/.stderr")
RC=$?
ERR=$(cat "$WORK/.stderr")
expect_rc 0
expect_out_is "Imported 2 entries from stdin."

# ---- failures: one line, exit 2, nothing written ----

snapshot_of() { cp "$1" "$WORK/.target-snapshot"; }
expect_target_unchanged() { cmp -s "$1" "$WORK/.target-snapshot" && pass || fail "$1 changed"; }

case_ "a wrong identity or passphrase: exit 2, the diary untouched"
age-keygen -o "$WORK/stranger.txt" 2>/dev/null
snapshot_of "$WORK/other.db"
run "$PAINLOG_BIN" --db "$WORK/other.db" db restore --force --identity "$WORK/stranger.txt" "$WORK/backup.age"
expect_rc 2
expect_error "$WORK/backup.age: none of the secret keys given opens it; expected the identity of one of its recipients"
expect_target_unchanged "$WORK/other.db"
run "$PAINLOG_BIN" --db "$WORK/other.db" db restore --force --passphrase-file <(echo wrong) "$WORK/pass.age"
expect_rc 2
expect_error "$WORK/pass.age: wrong passphrase (or the file's passphrase stanza was changed)"
expect_target_unchanged "$WORK/other.db"
run "$PAINLOG_BIN" --db "$WORK/other.db" db restore --force "$WORK/backup.age"
expect_rc 2
expect_error "$WORK/backup.age: sealed for public keys, not a passphrase; expected --identity FILE with a matching secret key"
run "$PAINLOG_BIN" --db "$WORK/other.db" db restore --force "$WORK/pass.age"
expect_rc 2
expect_error "$WORK/pass.age: sealed with a passphrase; expected one (--passphrase, --passphrase-file or --passphrase-fd)"
run "$PAINLOG_BIN" --db "$WORK/other.db" db restore --force --passphrase "$WORK/pass.age"
expect_rc 2
expect_error "$WORK/pass.age: no terminal to ask for the passphrase on; expected --passphrase-file FILE or --passphrase-fd N"
expect_target_unchanged "$WORK/other.db"
expect_no_temporaries

case_ "bad key and passphrase options: exit 2, nothing written"
run painlog db backup --recipient age1notakey "$WORK/bad.age"
expect_rc 2
expect_error "--recipient age1notakey: not an age public key; expected age1 followed by 58 letters and digits"
run painlog db backup --recipients-file "$WORK/key.txt" "$WORK/bad.age"
expect_rc 2
expect_error "$WORK/key.txt:3: is a secret key (AGE-SECRET-KEY-1...), not a public key"
[[ "$ERR" != *AGE-SECRET-KEY-1[A-Z0-9]* ]] && pass || fail "the secret key was printed"
run painlog db backup --recipients-file "$WORK/none.txt" "$WORK/bad.age"
expect_rc 2
expect_error "--recipients-file $WORK/none.txt: cannot read: No such file or directory"
run painlog db backup --passphrase-file /dev/null "$WORK/bad.age"
expect_rc 2
expect_error "--passphrase-file /dev/null: empty passphrase; expected the passphrase on the first line"
run painlog db backup --passphrase-fd 7 "$WORK/bad.age"
expect_rc 2
expect_error "--passphrase-fd 7: cannot read: Bad file descriptor"
run painlog db backup --passphrase-file "$WORK/pass.txt" --recipient "$PUB" "$WORK/bad.age"
expect_rc 2
expect_error "excludes"
run painlog db backup --passphrase "$WORK/bad.age"
expect_rc 2
expect_error "--passphrase: no terminal to ask for the passphrase on; expected --passphrase-file FILE or --passphrase-fd N"
run "$PAINLOG_BIN" --db "$WORK/x.db" import --identity "$WORK/pass.txt" "$WORK/sealed.csv.age"
expect_rc 2
expect_error "$WORK/pass.txt:1: not an age secret key; expected a line AGE-SECRET-KEY-1..."
[ ! -e "$WORK/bad.age" ] && [ ! -e "$WORK/x.db" ] && pass || fail "a file was written"

case_ "a failed restore into a new directory leaves no directory behind"
run "$PAINLOG_BIN" --db "$WORK/gone/dir/diary.db" db restore --identity "$WORK/stranger.txt" "$WORK/backup.age"
expect_rc 2
[ ! -e "$WORK/gone" ] && pass || fail "the restore left $WORK/gone behind"

case_ "key generate into a missing directory: exit 2"
run painlog key generate -o "$WORK/nowhere/key.txt"
expect_rc 2
expect_error "-o $WORK/nowhere/key.txt: no such directory $WORK/nowhere; expected an existing directory"

case_ "a sealed file that is not a diary is not restored"
age -e -r "$PUB" -o "$WORK/text.age" "$WORK/plain.csv"
run "$PAINLOG_BIN" --db "$WORK/other.db" db restore --force --identity "$WORK/key.txt" "$WORK/text.age"
expect_rc 2
expect_error "$WORK/text.age: not a diary that checks clean (integrity_check: SQLite cannot read the file: file is not a database); the diary was not touched"
expect_target_unchanged "$WORK/other.db"
expect_no_temporaries

case_ "every flipped byte of a small sealed export: refused, nothing imported"
painlog export --what events --recipient "$PUB" -o "$WORK/small.age"
size=$(stat -c %s "$WORK/small.age")
refused=0
for ((at = 0; at < size; at++)); do
    cp "$WORK/small.age" "$WORK/flipped.age"
    byte=$(od -An -tu1 -j "$at" -N1 "$WORK/small.age" | tr -d ' ')
    printf "$(printf '\\%03o' $(( byte ^ 1 )))" | dd of="$WORK/flipped.age" bs=1 seek="$at" conv=notrunc status=none
    "$PAINLOG_BIN" --db "$WORK/flip.db" import --identity "$WORK/key.txt" "$WORK/flipped.age" >/dev/null 2>"$WORK/flip.err"
    rc=$?
    [ "$rc" -eq 2 ] && [ "$(wc -l <"$WORK/flip.err")" -eq 1 ] && [ ! -e "$WORK/flip.db" ] && refused=$((refused + 1))
done
expect_eq "$refused" "$size" "flipped bytes refused with one line and exit 2, of $size"

case_ "an unsupported stanza, an over-long header, a newer version: one line, exit 2"
printf 'age-encryption.org/v1\n-> ssh-ed25519 AAAA %s\n%s\n--- %s\n' "$(head -c 43 /dev/zero | tr '\0' A)" \
    "$(head -c 43 /dev/zero | tr '\0' A)" "$(head -c 43 /dev/zero | tr '\0' A)" >"$WORK/ssh.age"
run "$PAINLOG_BIN" --db "$WORK/x.db" db restore --identity "$WORK/key.txt" "$WORK/ssh.age"
expect_rc 2
expect_error "$WORK/ssh.age: sealed for ssh-ed25519 only, which painlog cannot open; painlog opens passphrases and X25519 keys (age1...)"
{ printf 'age-encryption.org/v1\n'; for i in $(seq 70); do head -n 3 "$WORK/backup.age" | tail -n 2; done; } >"$WORK/long.age"
run "$PAINLOG_BIN" --db "$WORK/x.db" import --identity "$WORK/key.txt" "$WORK/long.age"
expect_rc 2
expect_error "$WORK/long.age: the age header has more than 64 recipient stanzas, more than any real one; refused unread"
{ printf 'age-encryption.org/v1\n-> x '; head -c 70000 /dev/zero | tr '\0' a; } >"$WORK/wide.age"
run "$PAINLOG_BIN" --db "$WORK/x.db" import --identity "$WORK/key.txt" "$WORK/wide.age"
expect_rc 2
expect_error "$WORK/wide.age: the age header is longer than 64 KiB, more than any real one; refused unread"
printf 'age-encryption.org/v2\n' >"$WORK/v2.age"
run "$PAINLOG_BIN" --db "$WORK/x.db" import "$WORK/v2.age"
expect_rc 2
expect_error "$WORK/v2.age: age format version v2 is not supported; expected age-encryption.org/v1"
[ ! -e "$WORK/x.db" ] && pass || fail "a diary was created"

# ---- a diary past 256 chunks (16 MiB): the chunk counter's second byte ----

case_ "a 17 MiB diary: age opens painlog's sealed backup, painlog restores age's"
cp "$DB" "$WORK/big.db"
# Extra tables are not problems for db check: 17 MiB of random pages.
sqlite3 "$WORK/big.db" "CREATE TABLE padding (x); INSERT INTO padding VALUES (randomblob(17 * 1024 * 1024));"
run "$PAINLOG_BIN" --db "$WORK/big.db" db backup --recipient "$PUB" "$WORK/big.age"
expect_rc 0
age -d -i "$WORK/key.txt" -o "$WORK/big-from-age.db" "$WORK/big.age" && pass || fail "age -d of the big backup failed"
expect_eq "$(sqlite3 "$WORK/big-from-age.db" "SELECT hex(sha3(x)) FROM padding" 2>/dev/null || sqlite3 "$WORK/big-from-age.db" "SELECT length(x), hex(substr(x, 1, 64)), hex(substr(x, -64)) FROM padding")" \
    "$(sqlite3 "$WORK/big.db" "SELECT hex(sha3(x)) FROM padding" 2>/dev/null || sqlite3 "$WORK/big.db" "SELECT length(x), hex(substr(x, 1, 64)), hex(substr(x, -64)) FROM padding")" "the padding"
expect_eq "$(sqlite3 "$WORK/big-from-age.db" .dump | grep -v padding)" "$(sqlite3 "$WORK/big.db" .dump | grep -v padding)" "the diary's tables"
age -e -r "$PUB" -o "$WORK/big-by-age.age" "$WORK/big.db"
run "$PAINLOG_BIN" --db "$WORK/big-restored.db" db restore --identity "$WORK/key.txt" "$WORK/big-by-age.age"
expect_rc 0
cmp -s "$WORK/big-restored.db" "$WORK/big.db" && pass || fail "the restored 17 MiB diary differs"

case_ "a sealed backup cut at chunk boundaries, or with a byte changed deep inside: refused, nothing restored"
header=$(( $(grep -abo -- '^--- ' "$WORK/big-by-age.age" | head -1 | cut -d: -f1) + 48 + 16 ))
for chunks in 0 1 255 256 272; do
    head -c $(( header + chunks * 65552 )) "$WORK/big-by-age.age" >"$WORK/cut.age"
    run "$PAINLOG_BIN" --db "$WORK/cut.db" db restore --identity "$WORK/key.txt" "$WORK/cut.age"
    expect_rc 2
    expect_error "$WORK/cut.age: the file is cut short after chunk $chunks: a final chunk is missing"
done
cp "$WORK/big-by-age.age" "$WORK/tampered.age"
printf 'X' | dd of="$WORK/tampered.age" bs=1 seek=$(( header + 200 * 65552 + 7 )) conv=notrunc status=none
run "$PAINLOG_BIN" --db "$WORK/cut.db" db restore --identity "$WORK/key.txt" "$WORK/tampered.age"
expect_rc 2
expect_error "$WORK/tampered.age: chunk 201 was changed or damaged (it does not authenticate)"
[ ! -e "$WORK/cut.db" ] && pass || fail "a diary was restored from a damaged backup"
expect_no_temporaries

finish
