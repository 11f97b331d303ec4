#!/bin/sh
# Batch entry at typing speed, from the keyboard only: starts the real
# cagnotte under its own Xvfb (with openbox, or with no window manager),
# types a 20-cheque batch with xdotool (Ctrl+B, the count, the control
# total, Alt+O to the first row, then organization Tab Tab amount Tab Tab
# reference Enter for each cheque, Ctrl+Enter to save) and checks the 20
# rows in the database.  See docs/GUI.md, "Batch entry".
# Usage: run-batch-keys.sh CAGNOTTE MAKE_EXAMPLE_DB openbox|none
set -eu

app=$1
make_db=$2
wm=$3

for tool in Xvfb xdotool sqlite3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool missing"
    exit 77
  fi
done
if [ "$wm" = openbox ] && ! command -v openbox >/dev/null 2>&1; then
  echo "1..0 # SKIP openbox missing"
  exit 77
fi

echo "1..1"
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

fail () {
  echo "not ok 1 - $1"
  echo "--- application log"; cat "$workdir/app.log" || true
  if [ -n "${CAGNOTTE_SHOT:-}" ]; then import -window root "$CAGNOTTE_SHOT" 2>/dev/null || true; fi
  exit 1
}

Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$workdir/display" 2>"$workdir/xvfb.log" &
xvfb_pid=$!
i=0
while [ ! -s "$workdir/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
DISPLAY=:$(cat "$workdir/display")
export DISPLAY

if [ "$wm" = openbox ]; then
  openbox --sm-disable >"$workdir/wm.log" 2>&1 &
  wm_pid=$!
  i=0
  while ! xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q window && [ $i -lt 50 ]; do
    sleep 0.1; i=$((i + 1))
  done
fi

db=$("$make_db")
db_dir=$(dirname "$db")
before=$(sqlite3 "$db" "SELECT count(*) FROM contribution")

NO_AT_BRIDGE=1 CAGNOTTE_DB=$db "$app" >"$workdir/app.log" 2>&1 &
app_pid=$!

# Gives WINDOW the keyboard and waits until X says it has it (a loaded
# machine can be slow to map a dialog).
focus () {
  tries=0
  while [ $tries -lt 30 ]; do
    if [ "$wm" = openbox ]; then
      xdotool windowactivate --sync "$1" 2>/dev/null || xdotool windowfocus --sync "$1" 2>/dev/null || true
    else
      xdotool windowfocus --sync "$1" 2>/dev/null || true
    fi
    sleep 0.2
    [ "$(xdotool getactivewindow 2>/dev/null)" = "$1" ] && return 0
    [ "$(xdotool getwindowfocus -f 2>/dev/null)" = "$1" ] && return 0
    [ "$(xdotool getwindowfocus 2>/dev/null)" = "$1" ] && return 0
    tries=$((tries + 1))
  done
  # Not fatal: the typing below shows whether the keys arrived.
  echo "# window $1 did not report the keyboard focus" \
       "(active $(xdotool getactivewindow 2>/dev/null || echo none)," \
       "focus $(xdotool getwindowfocus -f 2>/dev/null || echo none))"
}

main=$(xdotool search --sync --limit 1 --onlyvisible --name "Cagnotte") || fail "no window"
focus "$main"
sleep 1
i=0
dialog=
while [ -z "$dialog" ] && [ $i -lt 50 ]; do
  # Again every 2 s, in case a loaded machine was not listening yet.
  [ $((i % 10)) -eq 0 ] && xdotool key --clearmodifiers ctrl+b
  sleep 0.2; i=$((i + 1))
  dialog=$(xdotool search --onlyvisible --name "^(Batch Entry|Saisie en lot)$" 2>/dev/null | head -1) || true
done
[ -n "$dialog" ] || fail "Ctrl+B opened no Batch Entry dialog"
focus "$dialog"
sleep 0.5

orgs="cdq rso tesm ccn reseau coop carrefour mauricie"
total=0
# The count first (the focus starts there), then the control total.
xdotool key --clearmodifiers ctrl+a
xdotool type --delay 15 "20"
xdotool key Tab
n=1
while [ $n -le 20 ]; do
  total=$((total + 1000 + n * 25))
  n=$((n + 1))
done
xdotool type --delay 15 "$((total / 100)).$(printf %02d $((total % 100)))"
# Alt+O: the Organization column, first row.
xdotool key --clearmodifiers alt+o
n=1
while [ $n -le 20 ]; do
  org=$(echo $orgs | cut -d' ' -f$(( (n - 1) % 8 + 1 )))
  cents=$((1000 + n * 25))
  amount="$((cents / 100)).$(printf %02d $((cents % 100)))"
  xdotool type --delay 15 "$org"
  xdotool key Tab Tab
  xdotool type --delay 15 "$amount"
  xdotool key Tab Tab
  xdotool type --delay 15 "K$n"
  if [ $n -lt 20 ]; then xdotool key Return; fi
  n=$((n + 1))
done
sleep 0.3
xdotool key --clearmodifiers ctrl+Return

i=0
count=0
while [ $i -lt 50 ]; do
  count=$(sqlite3 "$db" "SELECT count(*) FROM contribution WHERE reference LIKE 'K%'" 2>/dev/null) || count=0
  [ "$count" -ge 20 ] && break
  sleep 0.2; i=$((i + 1))
done
[ "$count" -eq 20 ] || fail "expected 20 contributions in the database, found $count"
sum=$(sqlite3 "$db" "SELECT sum(amount_cents) FROM contribution WHERE reference LIKE 'K%'")
[ "$sum" -eq "$total" ] || fail "the 20 rows add up to $sum cents, not $total"
funds=$(sqlite3 "$db" "SELECT count(DISTINCT fund_id) FROM contribution WHERE reference LIKE 'K%'")
[ "$funds" -eq 4 ] || fail "the 20 rows went to $funds funds, not 4"
after=$(sqlite3 "$db" "SELECT count(*) FROM contribution")
[ "$after" -eq $((before + 20)) ] || fail "the database holds $after contributions, not $((before + 20))"
echo "ok 1 - 20 cheques typed from the keyboard ($wm, ${LANGUAGE:-en}): $count rows, $sum cents"

kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=
rm -rf "$db_dir"
exit 0
