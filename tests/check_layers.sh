#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_layers.sh: painlog's library layering, checked with bash and grep.
#
#   bash tests/check_layers.sh SOURCE_DIR   check SOURCE_DIR/lib/painlog
#   bash tests/check_layers.sh --self-test SOURCE_DIR   show that it catches each kind of mistake
#
# ctest runs both (check_layers, check_layers_self_test).
#
# lib/painlog/<layer>/... holds every library file. A file may include
# (#include "painlog/<layer>/x.hpp") headers of its own layer and of lower
# ranks only: a higher rank, or another layer of the same rank (store and
# analysis; formats, report, query and sync), is an offence. Also refused in the
# library: CLI11 (<CLI/...>), terminal I/O (std::cout, std::cin, std::cerr,
# std::clog, isatty, <iostream>), SQLite or the Diary type below store (the
# precompiled header gives every file <SQLiteCpp/SQLiteCpp.h>, so an include
# check alone cannot see those), painlog includes that are not
# "painlog/<layer>/..." or name no file, and any file outside a layer folder.
#
# One line per offence, "file:line: what (layer -> layer)"; exit 1 when there
# is any, 0 otherwise.
set -uo pipefail
shopt -s nullglob globstar

# ---- the layers: name and rank (lower ranks are included by higher ones) ----
LAYERS=(util time crypto model store analysis formats report query sync)
declare -A RANK=([util]=0 [time]=1 [crypto]=1 [model]=2 [store]=3 [analysis]=3 [formats]=4 [report]=4 [query]=4 [sync]=4)
# time and crypto (age files, libsodium) share a rank: neither needs the other.
# sync (issue 21: change files in a shared folder) sits beside formats: it
# reads and writes the diary through store and seals with crypto.
# Extra edges between layers of the same rank, "from>to" (none today).
ALLOWED_SIBLINGS=()
# Layers that may use SQLite and the Diary type directly.
declare -A MAY_USE_STORE=([store]=1 [formats]=1 [report]=1 [query]=1 [sync]=1)
# Files that may sit in lib/painlog itself (not library sources).
ROOT_FILES_OK=(CMakeLists.txt)

self_test() {
    local src=${1:?usage: check_layers.sh --self-test SOURCE_DIR}
    local script tmp out rc=0
    script=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_layers.XXXXXX")
    trap 'rm -rf "$tmp"' RETURN
    mkdir -p "$tmp/lib"
    cp -R "$src/lib/painlog" "$tmp/lib/"
    local p=$tmp/lib/painlog
    [ -f "$p/util/text.cpp" ] && [ -f "$p/analysis/stats.cpp" ] && [ -f "$p/store/diary.cpp" ] &&
        [ -f "$p/crypto/age.cpp" ] ||
        { echo "self-test: $src/lib/painlog is not in layer folders yet"; return 2; }
    # One mistake of each kind, each on a line of its own at the end of a file.
    echo '#include "painlog/store/diary.hpp"' >>"$p/util/text.cpp"               # upward
    echo '#include "painlog/store/diary.hpp"' >>"$p/analysis/stats.cpp"          # forbidden sibling
    echo '#include "painlog/time/time.hpp"' >>"$p/crypto/age.cpp"               # forbidden sibling
    echo '#include "painlog/model/entry.hpp"' >>"$p/crypto/bech32.cpp"          # upward from crypto
    echo '#include "painlog/text.hpp"' >>"$p/util/csv.cpp"                       # flat (stale) path
    echo '#include <CLI/CLI.hpp>' >>"$p/model/entry.cpp"                          # CLI11
    echo 'void f() { std::cout << "x"; }' >>"$p/model/entry.cpp"                 # terminal I/O
    echo 'int g(SQLite::Database& db);' >>"$p/analysis/stats.cpp"                # SQLite below store
    echo 'void h(Diary& d);' >>"$p/analysis/stats.cpp"                           # Diary below store
    echo '// stray' >"$p/stray.cpp"                                              # not in a layer folder
    mkdir -p "$p/misc" && echo '// stray' >"$p/misc/x.hpp"                       # unknown layer folder
    out=$(bash "$script" "$tmp")
    local status=$?
    echo "$out"
    [ "$status" -ne 0 ] || { echo "self-test: FAILED, the check passed a broken tree"; rc=1; }
    local want
    for want in 'util/text.cpp:[0-9]+: includes painlog/store/diary.hpp \(util -> store, a higher layer\)' \
                'analysis/stats.cpp:[0-9]+: includes painlog/store/diary.hpp \(analysis -> store, a forbidden sibling\)' \
                'crypto/age.cpp:[0-9]+: includes painlog/time/time.hpp \(crypto -> time, a forbidden sibling\)' \
                'crypto/bech32.cpp:[0-9]+: includes painlog/model/entry.hpp \(crypto -> model, a higher layer\)' \
                'util/csv.cpp:[0-9]+: includes painlog/text.hpp \(util -> no layer' \
                'model/entry.cpp:[0-9]+: includes CLI11' \
                'model/entry.cpp:[0-9]+: terminal I/O' \
                'analysis/stats.cpp:[0-9]+: uses SQLite' \
                'analysis/stats.cpp:[0-9]+: uses the Diary type' \
                'lib/painlog/stray.cpp: not in a layer folder' \
                'lib/painlog/misc/x.hpp: not in a layer folder'; do
        grep -Eq "$want" <<<"$out" || { echo "self-test: FAILED, no line matching: $want"; rc=1; }
    done
    [ "$rc" -eq 0 ] && echo "self-test: ok, every planted mistake was reported"
    return "$rc"
}

if [ "${1:-}" = "--self-test" ]; then
    self_test "${2:-}"
    exit $?
fi

SRC=${1:?usage: check_layers.sh SOURCE_DIR | --self-test SOURCE_DIR}
LIB=$SRC/lib/painlog
[ -d "$LIB" ] || { echo "check_layers: no $LIB"; exit 2; }

failures=0
# report MESSAGE: one offence.
report() {
    echo "$1"
    failures=$((failures + 1))
}

is_layer() { [ -n "${RANK[$1]:-}" ]; }

# why FROM TO: empty when FROM may include TO, else the reason.
why() {
    local from=$1 to=$2 s
    [ "$from" = "$to" ] && return
    if ! is_layer "$to"; then echo "no layer"; return; fi
    if [ "${RANK[$to]}" -gt "${RANK[$from]}" ]; then echo "a higher layer"; return; fi
    if [ "${RANK[$to]}" -eq "${RANK[$from]}" ]; then
        for s in "${ALLOWED_SIBLINGS[@]}"; do [ "$s" = "$from>$to" ] && return; done
        echo "a forbidden sibling"
    fi
}

for f in "$LIB"/**; do
    [ -f "$f" ] || continue
    rel=${f#"$SRC"/}
    sub=${f#"$LIB"/}
    name=${sub##*/}
    if [ "$sub" = "$name" ]; then
        ok=
        for r in "${ROOT_FILES_OK[@]}"; do [ "$name" = "$r" ] && ok=1; done
        [ -n "$ok" ] || report "$rel: not in a layer folder (expected lib/painlog/<${LAYERS[*]}>/)"
        continue
    fi
    layer=${sub%%/*}
    if ! is_layer "$layer"; then
        report "$rel: not in a layer folder ('$layer' is not one of: ${LAYERS[*]})"
        continue
    fi
    case $name in
        *.hpp | *.cpp | *.h | *.hpp.in | *.inl) ;;
        CMakeLists.txt) continue ;;
        *) report "$rel: not a library source (.hpp, .cpp, .hpp.in)"; continue ;;
    esac

    # Includes. grep -n prints "LINE:text"; bash's regex takes it apart.
    while IFS= read -r hit; do
        line=${hit%%:*}
        text=${hit#*:}
        if [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*[\<\"]CLI/ ]]; then
            report "$rel:$line: includes CLI11 ($layer -> CLI; the library never parses command lines)"
        elif [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\<iostream\> ]]; then
            report "$rel:$line: includes <iostream> ($layer -> terminal; write to a std::ostream& the caller gives)"
        elif [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*[\<\"]painlog/([^\"\>]+)[\"\>] ]]; then
            target=${BASH_REMATCH[1]}
            if [[ $target == */* ]]; then to=${target%%/*}; else to=; fi
            reason=$(why "$layer" "${to:-none}")
            if [ -n "$reason" ]; then
                report "$rel:$line: includes painlog/$target ($layer -> ${to:-no layer folder}, $reason)"
            elif [ ! -e "$LIB/$target" ] && [ ! -e "$LIB/$target.in" ]; then
                report "$rel:$line: includes painlog/$target, which is not in lib/painlog ($layer -> $to)"
            fi
        elif [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\" ]]; then
            report "$rel:$line: quote include not of the form \"painlog/<layer>/x.hpp\": ${text#"${text%%[![:space:]]*}"}"
        fi
    done < <(grep -nE '^[[:space:]]*#[[:space:]]*include' "$f")

    # Tokens, outside // comments (a naive cut: "//" in a string only hides
    # the rest of that line from the check).
    while IFS= read -r hit; do
        line=${hit%%:*}
        code=${hit#*:}
        code=${code%%//*}
        [[ $code =~ ^[[:space:]]*\* ]] && continue  # a /* */ comment's continuation line
        if [[ $code =~ std::(cout|cin|cerr|clog)([^A-Za-z0-9_]|$) ]] || [[ $code =~ (^|[^A-Za-z0-9_])isatty[[:space:]]*\( ]]; then
            report "$rel:$line: terminal I/O ($layer -> terminal: ${BASH_REMATCH[0]}; the CLI does that)"
        fi
        if [ -z "${MAY_USE_STORE[$layer]:-}" ]; then
            if [[ $code =~ SQLite:: ]] || [[ $code =~ \<SQLiteCpp/ ]]; then
                report "$rel:$line: uses SQLite ($layer -> store; only store, formats, report, query and sync may)"
            fi
            if [[ $code =~ (^|[^A-Za-z0-9_])(class[[:space:]]+Diary[[:space:]]*\;|Diary[[:space:]]*[\&\*]|Diary::) ]]; then
                report "$rel:$line: uses the Diary type ($layer -> store; take plain values instead)"
            fi
        fi
    done < <(grep -nE 'std::(cout|cin|cerr|clog)|isatty|SQLite|Diary' "$f")
done

if [ "$failures" -gt 0 ]; then
    echo "check_layers: $failures offence(s); layers, lowest first: util < {time, crypto} < model < {store, analysis} < {formats, report, query, sync}"
    exit 1
fi
echo "check_layers: ok"
exit 0
