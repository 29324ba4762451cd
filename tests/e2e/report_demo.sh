#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the ten-week example diary (report_fixture.sh) in a temporary
# directory and renders its HTML report to PNG and PDF, for a person to look
# at:  tests/e2e/report_demo.sh build/painlog OUTDIR
set -u
out=${2:?usage: report_demo.sh PATH/TO/painlog OUTDIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib.sh" "$1"
source "$here/report_fixture.sh"
mkdir -p "$out"
make_ten_week_diary || exit 1
painlog report --since 2026-09-14 --format html -o "$out/report.html" || exit 1
painlog report --since 2026-09-14 >"$out/report.txt"
bash "$SRC/share/report/render.sh" "$out/report.html" "$out"
