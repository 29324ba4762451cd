# SPDX-License-Identifier: GPL-3.0-or-later
# painlog remind, run the way cron runs it: no terminal, an almost empty
# environment (env -i, PATH=/usr/bin:/bin), the default diary under $HOME.
source "$(dirname "$0")/lib.sh"

CRONHOME="$WORK/cronhome"
mkdir -p "$CRONHOME"
CRONDB="$CRONHOME/.local/share/painlog/diary.db"
# Detached from any controlling terminal, as under cron, when setsid exists.
DETACH=()
command -v setsid >/dev/null && DETACH=(setsid -w)

# cron_run NOW [TZ] -- ARGS...: painlog ARGS in cron's environment.
cron_run() {
    local now=$1 zone=$2 path=${CRON_PATH:-/usr/bin:/bin}
    shift 2
    run "${DETACH[@]}" env -i HOME="$CRONHOME" PATH="$path" TZ="$zone" PAINLOG_NOW="$now" "$PAINLOG_BIN" "$@"
}
# Adds an entry to the cron user's default diary at an instant.
log_at() { env -i HOME="$CRONHOME" PATH=/usr/bin:/bin TZ="${2:-Europe/London}" PAINLOG_NOW="$1" \
    "$PAINLOG_BIN" add --pain 5 >/dev/null || fail "could not add an entry at $1"; }

case_ "no diary yet: a reminder on stdout and exit 1"
cron_run 2026-11-22T20:00:00Z Europe/London remind
expect_rc 1
expect_out_is "No painlog entry yet for today, Sunday 2026-11-22: record one with \`painlog add\`."
expect_err_empty

case_ "logged the two previous days: the reminder names the streak to keep"
log_at 2026-11-20T19:00:00Z
log_at 2026-11-21T19:00:00Z
cron_run 2026-11-22T20:00:00Z Europe/London remind
expect_rc 1
expect_out_is "No painlog entry yet for today, Sunday 2026-11-22: record one with \`painlog add\` to keep your 2-day streak."
expect_err_empty

case_ "--quiet: nothing printed, exit 1 all the same"
cron_run 2026-11-22T20:00:00Z Europe/London remind --quiet
expect_rc 1
expect_out_is ""
expect_err_empty

case_ "the reminder only reads: the diary is unchanged"
DB=$CRONDB snapshot
cron_run 2026-11-22T20:00:00Z Europe/London remind
DB=$CRONDB expect_unchanged

case_ "today logged: silent exit 0"
log_at 2026-11-22T08:30:00Z
cron_run 2026-11-22T20:00:00Z Europe/London remind
expect_rc 0
expect_out_is ""
expect_err_empty
cron_run 2026-11-22T20:00:00Z Europe/London remind --quiet
expect_rc 0
expect_out_is ""

case_ "the next day starts unlogged"
cron_run 2026-11-23T00:30:00Z Europe/London remind
expect_rc 1
expect_out_has "Monday 2026-11-23"
expect_out_has "3-day streak"

case_ "a day-start hour of 4 keeps 00:30 on the previous diary day"
env -i HOME="$CRONHOME" PATH=/usr/bin:/bin "$PAINLOG_BIN" config set day-start-hour 4 >/dev/null
cron_run 2026-11-23T00:30:00Z Europe/London remind
expect_rc 0
expect_out_is ""
cron_run 2026-11-23T04:30:00Z Europe/London remind
expect_rc 1
expect_out_has "Monday 2026-11-23"
env -i HOME="$CRONHOME" PATH=/usr/bin:/bin "$PAINLOG_BIN" config unset day-start-hour >/dev/null

case_ "the zone decides which day is today"
# 2026-11-23T03:00Z is 22:00 on the 22nd in New York (UTC-5) but the 23rd in
# London (UTC+0 in November). The diary has entries on the 22nd only.
cron_run 2026-11-23T03:00:00Z America/New_York remind
expect_rc 0
cron_run 2026-11-23T03:00:00Z Europe/London remind
expect_rc 1
expect_out_has "2026-11-23"

case_ "--notify without notify-send: the reminder, a note on stderr, still exit 1"
mkdir -p "$WORK/emptybin"
CRON_PATH="$WORK/emptybin" cron_run 2026-11-24T20:00:00Z Europe/London remind --notify
expect_rc 1
expect_out_has "No painlog entry yet for today, Tuesday 2026-11-24"
expect_error "notify-send not found on PATH"

case_ "--notify with notify-send: it gets the reminder"
mkdir -p "$WORK/fakebin"
cat >"$WORK/fakebin/notify-send" <<FAKE
#!/bin/sh
for arg in "\$@"; do printf '%s\n' "\$arg"; done > "$WORK/notified"
FAKE
chmod +x "$WORK/fakebin/notify-send"
CRON_PATH="$WORK/fakebin:/usr/bin:/bin" cron_run 2026-11-24T20:00:00Z Europe/London remind --notify
expect_rc 1
expect_out_has "Tuesday 2026-11-24"
expect_err_empty
expect_eq "$(cat "$WORK/notified" 2>/dev/null)" "--app-name=painlog
painlog
No painlog entry yet for today, Tuesday 2026-11-24: record one with \`painlog add\`." "notify-send arguments"

case_ "--notify --quiet: a notification and nothing on stdout"
rm -f "$WORK/notified"
CRON_PATH="$WORK/fakebin:/usr/bin:/bin" cron_run 2026-11-24T20:00:00Z Europe/London remind --notify --quiet
expect_rc 1
expect_out_is ""
expect_err_empty
[ -f "$WORK/notified" ] && pass || fail "notify-send was not run"

case_ "--notify on a logged day: no notification"
rm -f "$WORK/notified"
CRON_PATH="$WORK/fakebin:/usr/bin:/bin" cron_run 2026-11-22T20:00:00Z Europe/London remind --notify
expect_rc 0
expect_out_is ""
[ ! -e "$WORK/notified" ] && pass || fail "notify-send ran on a logged day"

case_ "a failing notify-send is reported, not fatal"
cat >"$WORK/fakebin/notify-send" <<'FAKE'
#!/bin/sh
echo "cannot open display" >&2
exit 3
FAKE
CRON_PATH="$WORK/fakebin:/usr/bin:/bin" cron_run 2026-11-24T20:00:00Z Europe/London remind --notify
expect_rc 1
expect_out_has "Tuesday 2026-11-24"
expect_err_has "notify-send failed (exit status 3)"

case_ "the line in share/cron/painlog.crontab, run as cron would"
# Its one active line: 30 20 * * * painlog remind (fields 6 on are the command).
active=$(grep -v '^[[:space:]]*#' "$SRC/share/cron/painlog.crontab" | grep -v '^[[:space:]]*$')
expect_eq "$(printf '%s\n' "$active" | wc -l)" "1" "active crontab lines"
expect_eq "$(printf '%s\n' "$active" | awk '{print $1, $2, $3, $4, $5}')" "30 20 * * *" "schedule"
read -ra command <<<"$(printf '%s\n' "$active" | cut -d' ' -f6-)"
expect_eq "${command[0]}" "painlog" "the command"
cron_run 2026-11-24T20:30:00Z Europe/London "${command[@]:1}"
expect_rc 1
expect_out_has "Tuesday 2026-11-24"

case_ "bad input is exit 2, distinct from the reminder's 1"
cron_run 2026-11-24T20:00:00Z Europe/London remind --bogus
expect_rc 2
expect_out_is ""
printf 'not a diary\n' >"$WORK/text.db"
cron_run 2026-11-24T20:00:00Z Europe/London --db "$WORK/text.db" remind
expect_rc 2
expect_error "not a painlog diary"
expect_eq "$(cat "$WORK/text.db")" "not a diary" "the file is untouched"

finish
