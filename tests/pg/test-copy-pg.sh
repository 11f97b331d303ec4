#!/bin/bash
# test-copy-pg.sh — a whole network copied file → server → file on a
# throwaway PostgreSQL cluster (docs/SERVER.md, "Moving a network between a
# file and a server"), run by pg-cluster.sh:
#   pg-cluster.sh test-copy-pg.sh CAGNOTTE_CLI
#
# The example data, a void and a second budget version go to an empty server
# database and back to a new file: `check` passes on every side, `status
# --json` and `budget show --json` are the same, the server gives new ids
# after the copied ones, and `demo` fills an empty server database.
set -u
CLI=$(readlink -f "$1")
: "${CAGNOTTE_TEST_PG:?run me through pg-cluster.sh}"
HOST=$(sed 's/.*host=\([^&]*\).*/\1/' <<<"$CAGNOTTE_TEST_PG")
SUPER=$(sed 's/.*user=\([^&]*\).*/\1/' <<<"$CAGNOTTE_TEST_PG")
PG_BIN=${PG_BIN:-$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)}
[ -x "$PG_BIN/createdb" ] || PG_BIN=/usr/lib/postgresql/15/bin
export CAGNOTTE_TODAY=2004-09-15 LANGUAGE=en
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check_run () {   # NAME CMD…: CMD succeeds
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name: $out"; fi
}
same () {   # NAME FILE1 FILE2
  if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1"; diff "$2" "$3" | head -20 >&2; fi
}

as_super () { runuser -u "$SUPER" -- "$@" 2>/dev/null || "$@"; }
"$PG_BIN/createdb" -h "$HOST" -U "$SUPER" copied
"$PG_BIN/createdb" -h "$HOST" -U "$SUPER" fresh
server="postgresql:///copied?host=$HOST&user=$SUPER"
fresh="postgresql:///fresh?host=$HOST&user=$SUPER"
a=$work/a.db
b=$work/b.db
budget="GESQ — coordination and concertation 2003-2004"

check_run "example data in a file" "$CLI" --db "$a" demo
check_run "a void" "$CLI" --db "$a" contribution void 3 --reason "cheque returned"
check_run "a second budget version" "$CLI" --db "$a" budget submit 1
check_run "file → server" "$CLI" copy --from "$a" --to "$server"
check_run "check on the server" "$CLI" --db "$server" check
check_run "server → file" "$CLI" copy --from "$server" --to "$b"
check_run "check on the new file" "$CLI" --db "$b" check

for db in a server b; do
  eval "loc=\$$db"
  "$CLI" --db "$loc" status --json >"$work/status-$db.json"
  "$CLI" --db "$loc" budget show 1 --json >"$work/budget-$db.json"
  "$CLI" --db "$loc" contribution list --json >"$work/ledger-$db.json"
done
same "status --json: file and server" "$work/status-a.json" "$work/status-server.json"
same "status --json: file and its round trip" "$work/status-a.json" "$work/status-b.json"
same "budget show --json: file and server" "$work/budget-a.json" "$work/budget-server.json"
same "budget show --json: round trip" "$work/budget-a.json" "$work/budget-b.json"
same "every contribution, voids and reasons: round trip" "$work/ledger-a.json" \
  "$work/ledger-b.json"

# The server numbers new records after the copied ones.
rows=$("$CLI" --db "$server" contribution list --json | grep -c '"id"')
if out=$("$CLI" --db "$server" contribution add "Centre Saint-Pierre" 25 --date 2004-09-01 \
           --json 2>&1) && grep -q "\"id\" : $((rows + 1))," <<<"$out"; then
  ok "a contribution recorded on the server after the copy takes the next id"
else
  not_ok "a contribution recorded on the server after the copy: $out"
fi
check_run "check on the server after a new record" "$CLI" --db "$server" check

# A target that holds data is refused, and left as it was.
if "$CLI" copy --from "$a" --to "$server" >/dev/null 2>&1; then
  not_ok "a server database that holds data is refused"
else
  ok "a server database that holds data is refused"
fi

check_run "demo fills an empty server database" "$CLI" --db "$fresh" demo
"$CLI" --db "$fresh" status --json >"$work/status-fresh.json"
"$CLI" --db "$work/c.db" demo >/dev/null
"$CLI" --db "$work/c.db" status --json >"$work/status-c.json"
same "the example data on a server is the example data" "$work/status-c.json" \
  "$work/status-fresh.json"

echo "1..$n"
[ "$failed" -eq 0 ]
