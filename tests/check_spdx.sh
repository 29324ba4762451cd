#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file names its licence in its first lines, as
# "SPDX-License-Identifier: <the licence of CMakeLists.txt's PAINLOG_LICENSE>",
# in its own comment syntax and after a first line that must stay first
# (#! or zsh's #compdef).
#
#   check_spdx.sh SRC             fails, naming each file without the line
#   check_spdx.sh --apply SRC     adds the line where it is missing (after a
#                                 merge that brought new files, say)
#   check_spdx.sh --self-test SRC applies to a copy with one file of each kind
#                                 stripped, and fails unless the check first
#                                 catches them and then passes
#
# Data is left alone: golden files, fixtures and fuzz corpora must keep their
# bytes, and build trees and debian/'s generated files are not sources.
set -euo pipefail
# Braces: bash reads the whole body before running it, so that --apply can
# add the line to this very file while it runs.
{
mode=check
case ${1-} in --apply | --self-test) mode=${1#--}; shift ;; esac
SRC=${1:?usage: check_spdx.sh [--apply|--self-test] SOURCE_DIR}
license=$(sed -n 's/^set(PAINLOG_LICENSE \([^ )]*\))$/\1/p' "$SRC/CMakeLists.txt")
[ -n "$license" ] || { echo "check_spdx: no set(PAINLOG_LICENSE ...) in $SRC/CMakeLists.txt"; exit 1; }
tag="SPDX-License-Identifier: $license"

# The files that need the line, relative to SRC, one a line.
sources() {
    (cd "$1" && find . -type d \( -name .git -o -name 'build*' -o -name 'obj-*' -o -name node_modules \
        -o -path ./tests/e2e/golden -o -path ./tests/fixtures -o -path ./tests/fuzz/corpus \
        -o -path ./tests/bench/out -o -path ./debian \) -prune -o -type f \( \
        -name '*.cpp' -o -name '*.hpp' -o -name '*.in' -o -name '*.js' -o -name '*.sh' -o -name '*.bash' \
        -o -name '*.zsh' -o -name '*.fish' -o -name '*.py' -o -name '*.cmake' -o -name CMakeLists.txt \
        -o -name '*.crontab' -o -name '*.service' -o -name '*.timer' -o -name '*.mustache' -o -name '*.1' \
        -o -name _painlog -o -path './.ci/*' \) -print | sed 's|^\./||' | sort
    echo debian/rules)
}

# The comment that carries the tag in FILE.
comment_for() {
    case $1 in
        *.cpp | *.hpp | *.hpp.in | *.js) echo "// $tag" ;;
        *.1) echo ".\\\" $tag" ;;
        *.mustache) echo "{{! $tag }}" ;;
        *) echo "# $tag" ;;
    esac
}

has_tag() { head -n 3 "$1" | grep -qF "$tag"; }

apply() {
    local dir=$1 file line
    while read -r file; do
        has_tag "$dir/$file" && continue
        line=$(comment_for "$file")
        # A #! line or zsh's #compdef only works as the first line. The
        # file is rewritten in place, so that it keeps its mode.
        {
            if head -n 1 "$dir/$file" | grep -qE '^#!|^#compdef'; then
                head -n 1 "$dir/$file"
                printf '%s\n' "$line"
                tail -n +2 "$dir/$file"
            else
                printf '%s\n' "$line"
                cat "$dir/$file"
            fi
        } >"$dir/$file.spdx"
        cat "$dir/$file.spdx" >"$dir/$file"
        rm "$dir/$file.spdx"
        echo "check_spdx: added to $file"
    done < <(sources "$dir")
}

check() {
    local dir=$1 file missing=0
    while read -r file; do
        has_tag "$dir/$file" && continue
        echo "check_spdx: $file lacks '$(comment_for "$file")' in its first 3 lines (bash tests/check_spdx.sh --apply .)"
        missing=$((missing + 1))
    done < <(sources "$dir")
    [ "$missing" -eq 0 ]
}

self_test() {
    copy=$(mktemp -d)
    trap 'rm -rf "$copy"' EXIT
    (cd "$SRC" && tar --exclude='./build*' --exclude='./obj-*' --exclude=./.git --exclude=node_modules -cf - .) |
        tar -xf - -C "$copy"
    # One file of each comment syntax and one with a first line to keep.
    local stripped=(cli/main.cpp man/painlog.1 share/report/report.html.mustache share/completions/_painlog
        tests/check_spdx.sh CMakeLists.txt)
    for file in "${stripped[@]}"; do sed -i "/SPDX-License-Identifier/d" "$copy/$file"; done
    local found
    found=$(check "$copy" | wc -l) || true
    [ "$found" -eq "${#stripped[@]}" ] || { echo "self-test: the check found $found of ${#stripped[@]} stripped files"; exit 1; }
    apply "$copy" >/dev/null
    check "$copy" || { echo "self-test: the check still fails after --apply"; exit 1; }
    head -n 1 "$copy/share/completions/_painlog" | grep -q '^#compdef' || { echo "self-test: #compdef moved"; exit 1; }
    head -n 1 "$copy/tests/check_spdx.sh" | grep -q '^#!' || { echo "self-test: #! moved"; exit 1; }
    echo "self-test: ${#stripped[@]} stripped files caught, and restored by --apply"
}

case $mode in
    check) check "$SRC" ;;
    apply) apply "$SRC" ;;
    self-test) self_test ;;
esac
exit
}
