# SPDX-License-Identifier: GPL-3.0-or-later
# Installation: `cmake --install` into a staging prefix puts every file in
# its GNUInstallDirs place and the installed binary runs. The Debian package,
# built from these rules by dh_auto_install, is checked by .ci/debian.
source "$(dirname "$0")/lib.sh"

BUILD=$(cd "$(dirname "$PAINLOG_BIN")" && pwd)
if [ ! -f "$BUILD/cmake_install.cmake" ]; then
    echo "test_install: $BUILD is not a CMake build directory; skipped"
    exit 77
fi
STAGE="$WORK/stage"

case_ "cmake --install into a staging prefix"
run cmake --install "$BUILD" --prefix "$STAGE"
expect_rc 0
for file in bin/painlog \
    share/bash-completion/completions/painlog \
    share/zsh/vendor-completions/_painlog \
    share/fish/vendor_completions.d/painlog.fish \
    share/painlog/cron/painlog.crontab \
    share/painlog/systemd/painlog-remind.service \
    share/painlog/systemd/painlog-remind.timer; do
    [ -f "$STAGE/$file" ] && pass || fail "not installed: $file"
done
for page in "$SRC"/man/*.1; do
    [ -f "$STAGE/share/man/man1/$(basename "$page")" ] && pass || fail "man page not installed: $(basename "$page")"
done
[ ! -e "$STAGE/share/painlog/completions" ] && pass || fail "completions installed twice, also under share/painlog"
cmp -s "$STAGE/share/bash-completion/completions/painlog" "$SRC/share/completions/painlog.bash" && pass ||
    fail "the installed bash completion differs from share/completions/painlog.bash"

case_ "the installed binary runs"
run "$STAGE/bin/painlog" --version
expect_rc 0
expect_out_has "painlog "
run "$STAGE/bin/painlog" --db "$WORK/staged.db" add --pain 3
expect_rc 0
run "$STAGE/bin/painlog" --db "$WORK/staged.db" remind
expect_rc 0
run "$STAGE/bin/painlog" --db "$WORK/staged.db" status --format json
expect_rc 0
expect_out_has '"today_logged": true'

case_ "the systemd units run painlog remind --notify and pass systemd-analyze verify"
unit="$STAGE/share/painlog/systemd/painlog-remind.service"
expect_eq "$(grep '^ExecStart=' "$unit")" "ExecStart=painlog remind --notify" "ExecStart"
expect_eq "$(grep '^OnCalendar=' "$STAGE/share/painlog/systemd/painlog-remind.timer")" "OnCalendar=*-*-* 20:30:00" "OnCalendar"
if command -v systemd-analyze >/dev/null; then
    # systemd looks for a bare command name in /usr/bin and the like, where
    # the staged binary is not: point the copy at it.
    mkdir -p "$WORK/units"
    sed "s|^ExecStart=painlog |ExecStart=$STAGE/bin/painlog |" "$unit" >"$WORK/units/painlog-remind.service"
    cp "$STAGE/share/painlog/systemd/painlog-remind.timer" "$WORK/units/"
    run systemd-analyze verify --man=no "$WORK/units/painlog-remind.timer" "$WORK/units/painlog-remind.service"
    expect_rc 0
    expect_err_empty
else
    echo "systemd-analyze not installed: unit files not verified"
fi

case_ "the installed man page renders"
run mandoc -T utf8 "$STAGE/share/man/man1/painlog.1"
expect_rc 0
expect_out_has "pain and mood diary"

finish
