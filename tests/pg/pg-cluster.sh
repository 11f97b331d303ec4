#!/bin/sh
# pg-cluster.sh COMMAND [ARGS…] — runs COMMAND against a throwaway PostgreSQL
# cluster (docs/SERVER.md, "Tests"): initdb into a temporary folder, a Unix
# socket in that folder and no TCP, run as an unprivileged user (the
# `postgres` system user when run as root).  COMMAND gets CAGNOTTE_TEST_PG, the
# URI of an empty database `cagnotte` on it; the cluster is stopped and the
# folder removed however COMMAND ends.
set -eu

PG_BIN=${PG_BIN:-$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)}
[ -x "$PG_BIN/initdb" ] || PG_BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "pg-cluster.sh: PostgreSQL server programs not found (install postgresql-15)" >&2
  exit 77
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/cag-pg.XXXXXX")
as_owner() { "$@"; }
pg_user=$(id -un)
if [ "$(id -u)" = 0 ]; then
  pg_user=postgres
  chown postgres "$dir"
  as_owner() { runuser -u postgres -- "$@"; }
fi
chmod 0711 "$dir"

cleanup() {
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

as_owner "$PG_BIN/initdb" -D "$dir/data" -U "$pg_user" -A trust -E UTF8 --no-locale \
  --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=60" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
as_owner "$PG_BIN/createdb" -h "$dir" -U "$pg_user" cagnotte

CAGNOTTE_TEST_PG="postgresql:///cagnotte?host=$dir&user=$pg_user"
export CAGNOTTE_TEST_PG
status=0
"$@" || status=$?
exit $status
