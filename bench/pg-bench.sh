#!/bin/sh
# pg-bench.sh [BUILD] [ORGS] [MONTHS] — the benchmark's figures on PostgreSQL
# over the Unix socket (docs/PERFORMANCE.md, "On a PostgreSQL server"): bulk
# load through the core (cag-bench-gen --db URI), then, through cagnotte-cli
# as a user runs it (process start and connection included), the status of
# every fund, one organization's status, recording one contribution, and the
# peak memory of each.  The cluster is throwaway (tests/pg/pg-cluster.sh).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../_build}" && pwd)
orgs=${2:-10000}
months=${3:-120}
runs=${RUNS:-5}
export SKIP_SQLITE=${SKIP_SQLITE:-}   # set: PostgreSQL only

exec "$here/../tests/pg/pg-cluster.sh" sh -c '
set -eu
build=$1 orgs=$2 months=$3 runs=$4
cli=$build/src/cli/cagnotte-cli
db=$CAGNOTTE_TEST_PG
echo "== PostgreSQL, $orgs organizations × $months months (Unix socket)"
/usr/bin/time -f "load: wall %e s, peak %M KiB" "$build/bench/cag-bench-gen" --db "$db" \
  --orgs "$orgs" --months "$months" | grep -E "^(contributions|load_us|total_us)="
psql -q "$db" -c "VACUUM ANALYZE" >/dev/null
best() { sort -n | head -1; }
ms() { # COMMAND… → best wall time in ms over $runs runs, and its peak memory
  i=0; : >"$TMPDIR_B/t"
  while [ $i -lt "$runs" ]; do
    /usr/bin/time -f "%e %M" -o "$TMPDIR_B/one" "$@" >/dev/null
    cat "$TMPDIR_B/one" >>"$TMPDIR_B/t"; i=$((i + 1))
  done
  sort -n "$TMPDIR_B/t" | head -1 | awk "{ printf \"%.0f ms, peak %d KiB\", \$1 * 1000, \$2 }"
}
TMPDIR_B=$(mktemp -d); trap "rm -rf $TMPDIR_B" EXIT
# In process, as bench/run measures SQLite (cag-bench --child): the time
# of the query itself, connection included for the status of every fund.
inproc() {
  for kind in status-all status-one add-one; do
    printf "%-22s" "$kind (in process):"
    "$build/bench/cag-bench" --child "$kind" --db "$1" --campaign 1 --as-of 2025-12-20 \
      --orgs "$orgs" | tr "\n" " "
    echo
  done
}
figures() {
  inproc "$1"
  echo "status of every fund: $(ms "$cli" --db "$1" status --as-of 2025-12-20 --json)"
  echo "one organization:     $(ms "$cli" --db "$1" status 42 --as-of 2025-12-20 --json)"
  echo "record one:           $(ms "$cli" --db "$1" contribution add 42 12.34 --date 2025-12-01)"
  echo "startup (no query):   $(ms "$cli" --db "$1" --help)"
}
figures "$db"
[ -z "${SKIP_SQLITE:-}" ] || exit 0
echo "== SQLite, the same rows in a file"
/usr/bin/time -f "load: wall %e s, peak %M KiB" "$build/bench/cag-bench-gen" \
  --db "$TMPDIR_B/ledger.db" --orgs "$orgs" --months "$months" | grep -E "^(load_us|total_us)="
figures "$TMPDIR_B/ledger.db"
' pg-bench "$build" "$orgs" "$months" "$runs"
