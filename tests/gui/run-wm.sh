#!/bin/sh
# Runs a GUI test program on its own Xvfb under openbox, a small window
# manager, so that the window is also tested as it is really shown: with a
# title bar, placed and focused by a window manager (bare Xvfb has none).
# Usage: run-wm.sh PROGRAM [ARGS…]
set -eu

exec xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' -e /dev/stderr sh -c '
  ready=$(mktemp -u "${TMPDIR:-/tmp}/cagnotte-wm-XXXXXX")
  openbox --sm-disable --startup "touch $ready" >/dev/null 2>&1 &
  wm=$!
  i=0
  while [ ! -e "$ready" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  if [ ! -e "$ready" ]; then
    echo "Bail out! openbox did not start" >&2
    kill $wm 2>/dev/null || true
    exit 1
  fi
  rm -f "$ready"
  status=0
  "$@" || status=$?
  kill $wm 2>/dev/null || true
  wait $wm 2>/dev/null || true
  exit $status
' run-wm "$@"
