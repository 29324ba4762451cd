# SPDX-License-Identifier: GPL-3.0-or-later
# painlog --version and painlog version: the project's version, the commit
# the binary was built from (when the source is a git checkout) and the
# schema version a new diary gets, which must be the library's, not a copy.
source "$(dirname "$0")/lib.sh"

version=$(sed -n 's/^project(painlog VERSION \([0-9.]*\) .*/\1/p' "$SRC/CMakeLists.txt")
[ -n "$version" ] && pass || fail "no project(painlog VERSION ...) in CMakeLists.txt"
# The schema painlog writes, as SQLite reads it from a diary painlog made.
painlog add --pain 3 >/dev/null
schema=$(sqlite3 "$DB" "PRAGMA user_version")
# The commit as cli/CMakeLists.txt takes it: none outside a git checkout.
commit=""
if [ -e "$SRC/.git" ] && command -v git >/dev/null; then
    commit=$(git -C "$SRC" rev-parse --short=7 HEAD 2>/dev/null)
fi
if [ -n "$commit" ]; then
    line="painlog $version ($commit), diary schema $schema"
else
    line="painlog $version, diary schema $schema"
fi

case_ "--version: one line with version, commit and schema"
run painlog --version
expect_rc 0
expect_out_is "$line"
expect_err_empty

case_ "painlog version prints the same line"
run painlog version
expect_rc 0
expect_out_is "$line"
run painlog version --format text
expect_out_is "$line"

case_ "painlog version --format json: version, commit and schema, in that order"
run painlog version --format json
expect_rc 0
expect_eq "$(jq -c 'keys_unsorted' <<<"$OUT")" '["version","commit","schema"]' "keys"
expect_eq "$(jq -r '.version' <<<"$OUT")" "$version" "version"
expect_eq "$(jq -r '.schema | type' <<<"$OUT")" "number" "schema's type"
expect_eq "$(jq -r '.schema' <<<"$OUT")" "$schema" "schema"
if [ -n "$commit" ]; then
    expect_eq "$(jq -r '.commit' <<<"$OUT")" "$commit" "commit"
else
    expect_eq "$(jq -c '.commit' <<<"$OUT")" "null" "commit outside a git checkout"
fi

case_ "painlog version refuses an unknown format and opens no diary"
rm -f "$DB"
run painlog version --format xml
expect_rc 2
run painlog version
expect_rc 0
[ ! -e "$DB" ] && pass || fail "painlog version created a diary"

finish
