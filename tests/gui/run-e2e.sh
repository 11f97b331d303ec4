#!/bin/sh
# End-to-end test: starts the real cagnotte program under its own Xvfb and
# D-Bus session, and records a contribution through the accessibility tree
# with dogtail (docs/GUI.md, "Tests").
# Usage: run-e2e.sh CAGNOTTE MAKE_EXAMPLE_DB DRIVE_PY
# Options, from the environment:
#   CAGNOTTE_E2E_FRESH=1   no database made: an empty data folder, as on a
#                          fresh machine (MAKE_EXAMPLE_DB is not run)
#   CAGNOTTE_E2E_LANG=L    the program runs with LANG=L and no LANGUAGE,
#                          LC_*, CAGNOTTE_LOCALEDIR or GSETTINGS_*: as a
#                          user would, before anything is installed
#   CAGNOTTE_E2E_WM=openbox  under that window manager
#   CAGNOTTE_E2E_SIZE=WxH  the screen size (default 1280x900)
set -eu

app=$1
make_db=$2
drive=$3

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
app_pid=
cleanup () {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

Xvfb -displayfd 3 -screen 0 "${CAGNOTTE_E2E_SIZE:-1280x900}x24" -nolisten tcp 3>"$workdir/display" 2>"$workdir/xvfb.log" &
xvfb_pid=$!
i=0
while [ ! -s "$workdir/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
DISPLAY=:$(cat "$workdir/display")
export DISPLAY
dbus-update-activation-environment DISPLAY >/dev/null 2>&1 || true

wm_pid=
if [ -n "${CAGNOTTE_E2E_WM:-}" ]; then
  "$CAGNOTTE_E2E_WM" --sm-disable --startup "touch $workdir/wm-ready" >"$workdir/wm.log" 2>&1 &
  wm_pid=$!
  i=0
  while [ ! -e "$workdir/wm-ready" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  [ -e "$workdir/wm-ready" ] || { echo "Bail out! $CAGNOTTE_E2E_WM did not start"; exit 1; }
fi

if [ -n "${CAGNOTTE_E2E_FRESH:-}" ]; then
  db_dir=$workdir/data
  mkdir -p "$db_dir"
  export XDG_DATA_HOME=$db_dir XDG_CONFIG_HOME=$db_dir
  unset CAGNOTTE_DB
else
  db=$("$make_db")
  db_dir=$(dirname "$db")
  export CAGNOTTE_DB=$db
fi

# Accessibility must be on for this run: no NO_AT_BRIDGE.
unset NO_AT_BRIDGE
if [ -n "${CAGNOTTE_E2E_LANG:-}" ]; then
  # Only the program sees the user's language; the driver stays in C.UTF-8.
  env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LC_TIME -u CAGNOTTE_LOCALEDIR \
    -u GSETTINGS_SCHEMA_DIR -u GSETTINGS_BACKEND \
    LANG="$CAGNOTTE_E2E_LANG" "$app" >"$workdir/app.log" 2>&1 &
else
  "$app" >"$workdir/app.log" 2>&1 &
fi
app_pid=$!

status=0
/usr/bin/python3 "$drive" || status=$?
if [ $status -ne 0 ]; then
  echo "--- application log"; cat "$workdir/app.log"
fi
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=
[ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null || true
rm -rf "$db_dir"
exit $status
