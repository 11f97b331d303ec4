#!/bin/sh
# End-to-end test: starts the real cagnotte program under its own Xvfb and
# D-Bus session, and records a contribution through the accessibility tree
# with dogtail (PITFALLS.md §3).  With "openbox" as the fourth argument,
# a window manager runs too, as on a desktop, and the driver undoes with
# Ctrl+Z from the keyboard.
# Usage: run-e2e.sh CAGNOTTE MAKE_EXAMPLE_DB DRIVE_PY [openbox]
set -eu

app=$1
make_db=$2
drive=$3
wm=${4:-none}

# dogtail lives in Debian's python, not in whatever python3 is on PATH.
if ! /usr/bin/python3 -c 'import dogtail, pyatspi' 2>/dev/null; then
  echo "1..0 # SKIP python3-dogtail or python3-pyatspi missing"
  exit 77
fi
for tool in Xvfb dbus-run-session dbus-update-activation-environment; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool missing"
    exit 77
  fi
done

if [ -z "${CAGNOTTE_E2E_INNER:-}" ]; then
  CAGNOTTE_E2E_INNER=1 exec dbus-run-session -- sh "$0" "$@"
fi

workdir=$(mktemp -d)
xvfb_pid=
wm_pid=
app_pid=
cleanup () {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$workdir/display" 2>"$workdir/xvfb.log" &
xvfb_pid=$!
i=0
while [ ! -s "$workdir/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
DISPLAY=:$(cat "$workdir/display")
export DISPLAY
dbus-update-activation-environment DISPLAY >/dev/null 2>&1 || true
if [ "$wm" = openbox ]; then
  if ! command -v openbox >/dev/null 2>&1; then
    echo "1..0 # SKIP openbox missing"
    exit 77
  fi
  openbox --sm-disable >"$workdir/wm.log" 2>&1 &
  wm_pid=$!
  sleep 1
fi
export CAGNOTTE_E2E_WM="$wm"

db=$("$make_db")
db_dir=$(dirname "$db")

# Accessibility must be on for this run: no NO_AT_BRIDGE.
unset NO_AT_BRIDGE
CAGNOTTE_DB=$db "$app" >"$workdir/app.log" 2>&1 &
app_pid=$!

status=0
/usr/bin/python3 "$drive" || status=$?
if [ $status -ne 0 ]; then
  echo "--- application log"; cat "$workdir/app.log"
fi
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=
rm -rf "$db_dir"
exit $status
