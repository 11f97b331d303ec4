#!/bin/sh
# run-fuzz.sh — builds the libFuzzer targets with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer) against the core sources and runs each for a
# bounded time.  Not part of `meson test`, which only replays the corpus.
#
# Usage: tests/fuzz/run-fuzz.sh [SECONDS-PER-TARGET] [TARGET…]
#   targets: csv money date (default: all), 60 s each by default.
# New inputs that increase coverage are added to a scratch copy of the
# corpus under $FUZZ_WORK (default: a temporary folder); crashes are written
# there too and the script exits 1.  Copy interesting inputs into
# tests/fuzz/corpus/<target>/ by hand.
# Needs: clang and libclang-rt-14-dev (listed in .ci/install-deps).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-csv money date}
work=${FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/cagnotte-fuzz.XXXXXX")}
CC=${CC:-clang}

mkdir -p "$work/include"
cat > "$work/include/config.h" <<CONFIG
#define APP_ID "io.github.gesq.Cagnotte"
#define PACKAGE_VERSION "fuzz"
#define GETTEXT_PACKAGE "cagnotte"
#define LOCALEDIR "/nonexistent"
#define PKGDATADIR "/nonexistent"
#define FONTDIR "/nonexistent"
CONFIG

core="$root/src/core"
common_sources="$core/cag-error.c $core/cag-i18n.c $core/cag-money.c $core/cag-date.c"
flags="-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined
  -fno-sanitize-recover=undefined -I$work/include -I$core -I$here
  $(pkg-config --cflags glib-2.0)"
libs="$(pkg-config --libs glib-2.0)"

status=0
for t in $targets; do
  case $t in
    csv) extra="$core/cag-csv.c" ;;
    money|date) extra="" ;;
    *) echo "run-fuzz.sh: unknown target $t" >&2; exit 2 ;;
  esac
  echo "== fuzz-$t: building"
  # shellcheck disable=SC2086
  $CC $flags -o "$work/fuzz-$t" "$here/fuzz-$t.c" $common_sources $extra $libs
  mkdir -p "$work/corpus-$t" "$work/crashes-$t"
  cp "$here/corpus/$t/"* "$work/corpus-$t/" 2>/dev/null || true
  echo "== fuzz-$t: running ${seconds}s (work folder $work)"
  if ! ASAN_OPTIONS=detect_leaks=1 \
       "$work/fuzz-$t" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
       -artifact_prefix="$work/crashes-$t/" -print_final_stats=1 \
       "$work/corpus-$t" 2>"$work/fuzz-$t.log"; then
    echo "== fuzz-$t: FAILED, see $work/fuzz-$t.log and $work/crashes-$t/" >&2
    tail -30 "$work/fuzz-$t.log" >&2
    status=1
  else
    grep -E '^(stat::number_of_executed_units|Done)' "$work/fuzz-$t.log" || true
    echo "== fuzz-$t: ok"
  fi
done
exit $status
