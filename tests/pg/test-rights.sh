#!/bin/bash
# test-rights.sh — roles and rights on a throwaway PostgreSQL cluster
# (docs/SERVER.md, "Roles and rights").
# Usage: test-rights.sh CAGNOTTE_CLI FIXTURE_SQL TEST_RIGHTS_API
#
# Each kind of account tries what it may and may not do, through
# cagnotte-cli (server init|grant|revoke|whoami) and as the SQL the store
# sends; a refused write must leave the ledger and its kept totals as they
# were.  The fixture creates the ledger's tables as the PostgreSQL store does.
set -u
CLI=$(readlink -f "$1")
FIXTURE=$(readlink -f "$2")
API=$(readlink -f "$3")
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/initdb" ]; then
  echo "1..0 # SKIP no PostgreSQL 15 server binaries in $PGBIN"
  exit 77
fi

DIR=$(mktemp -d /tmp/cag-rights.XXXXXX)
chmod 755 "$DIR"
AS=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$DIR"
  AS=(runuser -u postgres --)
fi
cleanup () {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$DIR"
}
trap cleanup EXIT
"${AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -A trust -U postgres >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log"; exit 1; }
"${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-k $DIR -c listen_addresses='' -c fsync=off" start >/dev/null || { cat "$DIR/log"; exit 1; }

passed=0
failed=0
ok () { passed=$((passed + 1)); echo "ok - $1"; }
not_ok () { failed=$((failed + 1)); echo "not ok - $1"; }

# psql as ROLE: sql ROLE "SQL" → prints rows (unaligned), exit status of psql.
sql () {
  local role=$1; shift
  "$PGBIN/psql" -h "$DIR" -U "$role" -d led -X -q -A -t -v ON_ERROR_STOP=1 -c "$@" 2>&1
}
cli () {
  local role=$1; shift
  "$CLI" --db "postgresql:///led?host=$DIR&user=$role" "$@" 2>&1
}
# expect_ok NAME CMD… / expect_fail NAME PATTERN CMD…: the output must match.
expect_ok () {
  local name=$1; shift
  local out
  if out=$("$@"); then ok "$name"; else not_ok "$name: $out"; fi
}
expect_fail () {
  local name=$1 pattern=$2; shift 2
  local out
  if out=$("$@"); then
    not_ok "$name: succeeded: $out"
  elif grep -q -- "$pattern" <<<"$out"; then
    ok "$name"
  else
    not_ok "$name: expected “$pattern”, got: $out"
  fi
}
expect_eq () {
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: expected “$3”, got “$2”"; fi
}

for role in coord tom sue aud nobody; do
  "$PGBIN/createuser" -h "$DIR" -U postgres "$role"
done
"$PGBIN/createuser" -h "$DIR" -U postgres --no-login nologin
"$PGBIN/createdb" -h "$DIR" -U postgres -O coord led
sql coord "$(cat "$FIXTURE")" >/dev/null || { echo "fixture failed"; exit 1; }

# The SQL the store sends to record AMOUNT in FUND (id) in month 24313, with
# its kept totals and audit entry, in one transaction.
record () {
  local role=$1 fund=$2 amount=$3
  sql "$role" "BEGIN;
SELECT id FROM fund WHERE id = $fund FOR UPDATE;
INSERT INTO contribution (fund_id, date, month, amount_cents, recorded_at, recorded_by)
  VALUES ($fund, '2026-02-01', 24313, $amount, 'now', current_user);
UPDATE fund SET saved_total_cents = saved_total_cents + $amount,
  contribution_count = contribution_count + 1 WHERE id = $fund;
INSERT INTO fund_month VALUES ($fund, 24313, $amount, 1) ON CONFLICT (month, fund_id)
  DO UPDATE SET total_cents = fund_month.total_cents + $amount, count = fund_month.count + 1;
INSERT INTO campaign_month VALUES (1, 24313, $amount, 1) ON CONFLICT (campaign_id, month)
  DO UPDATE SET total_cents = campaign_month.total_cents + $amount,
  count = campaign_month.count + 1;
INSERT INTO audit_log (at, \"user\", action, entity, entity_id)
  VALUES ('now', 'forged', 'add', 'contribution', $fund);
COMMIT;"
}
void_in () {
  sql "$1" "BEGIN;
UPDATE contribution SET voided = 1, void_reason = 'error' WHERE fund_id = $2 AND voided = 0;
UPDATE fund SET saved_total_cents = 0, contribution_count = 0 WHERE id = $2;
COMMIT;"
}
# Everything a write could touch, and whether the kept totals match the
# ledger (what `check` recounts).
snapshot () {
  sql coord "SELECT (SELECT count(*) FROM contribution),
  (SELECT string_agg(concat_ws(':', id, voided), ',' ORDER BY id) FROM contribution),
  (SELECT string_agg(concat_ws(':', id, saved_total_cents, contribution_count, delegations), ','
    ORDER BY id) FROM fund),
  (SELECT string_agg(concat_ws(':', fund_id, total_cents), ',' ORDER BY fund_id) FROM fund_month),
  (SELECT string_agg(concat_ws(':', campaign_id, total_cents), ',') FROM campaign_month),
  (SELECT string_agg(name, ',' ORDER BY id) FROM organization),
  (SELECT count(*) FROM funder), (SELECT count(*) FROM audit_log)"
}
check_totals () {
  sql coord "SELECT count(*) FROM fund f WHERE f.saved_total_cents <>
  (SELECT coalesce(sum(amount_cents), 0) FROM contribution c WHERE c.fund_id = f.id
   AND c.voided = 0)"
}

# ---- init and grants --------------------------------------------------------
run () { "$@" 2>&1; }
expect_fail "init needs a server URI" "postgresql://" run "$CLI" --db "$DIR/x.db" server init
expect_ok "coordinator runs server init" cli coord server init
expect_ok "server init again is harmless" cli coord server init
expect_fail "only the owner runs server init" "." cli tom server init
expect_ok "grant treasurer by name" cli coord server grant treasurer tom "centre NORD"
expect_ok "grant treasurer by id" cli coord server grant treasurer sue 2
expect_ok "grant auditor" cli coord server grant auditor aud
expect_fail "grant to a missing role" "createuser" cli coord server grant auditor ghost
expect_fail "grant to a role that cannot log in" "cannot log in" \
  cli coord server grant auditor nologin
expect_fail "a hostile role name is only a name" "has no role" \
  cli coord server grant auditor 'x"; DROP TABLE fund; --'
expect_fail "grant for a missing organization" "No organization" \
  cli coord server grant treasurer tom "nowhere'; --"
expect_fail "a treasurer may not grant" "Only a coordinator" cli tom server grant coordinator tom
expect_fail "an auditor may not grant" "Only a coordinator" cli aud server grant auditor nobody
expect_fail "the owner stays a coordinator" "stays a coordinator" cli coord server revoke coord
out=$(cli tom --json server whoami | tr -d ' \n')
expect_eq "whoami names the treasurer's organization" "$out" \
  '{"role":"tom","kind":"treasurer","organization_ids":[1],"organizations":["CentreNord"]}'
out=$(LANGUAGE=fr cli aud server whoami)
expect_eq "whoami in French" "$out" "aud : vérificateur, lit tout et n’écrit rien"
out=$(cli coord server list)
expect_eq "list" "$out" "aud: auditor, reads everything and writes nothing
coord: coordinator, may change everything
sue: treasurer, may write the ledger of Coop Sud
tom: treasurer, may write the ledger of Centre Nord" 
out=$(cli nobody server whoami)
expect_eq "a role without an account has no rights" "$out" "nobody: no rights in this database"

# ---- a treasurer -----------------------------------------------------------
expect_ok "treasurer records for its organization" record tom 1 500
expect_ok "treasurer records again (totals upserted)" record tom 1 700
expect_eq "the audit log names the server role" "$(sql coord \
  "SELECT string_agg(DISTINCT \"user\", ',') FROM audit_log")" "tom"
before=$(snapshot)
expect_fail "treasurer may not record for another organization" "may not write the ledger of Coop Sud" \
  record tom 2 500
expect_eq "the refused record left everything as it was" "$(snapshot)" "$before"
expect_fail "treasurer may not void another organization's contribution" "Coop Sud" \
  sh -c "$(declare -f sql); DIR='$DIR' PGBIN='$PGBIN'; sql sue \"$(printf '%s' "INSERT INTO contribution (fund_id, date, month, amount_cents, recorded_at, recorded_by) VALUES (2, '2026-02-01', 24313, 300, 'now', 'sue')")\" >/dev/null && sql tom \"UPDATE contribution SET voided = 1, void_reason = 'x' WHERE fund_id = 2\""
sql coord "UPDATE fund SET saved_total_cents = 300, contribution_count = 1 WHERE id = 2" >/dev/null
before=$(snapshot)
expect_fail "treasurer may not change another fund's totals" "Coop Sud" \
  sql tom "UPDATE fund SET saved_total_cents = 0 WHERE id = 2"
expect_fail "treasurer may not change its fund's settings" "only a coordinator" \
  sql tom "UPDATE fund SET delegations = 9 WHERE id = 1"
expect_fail "treasurer may not edit an organization" "only a coordinator" \
  sql tom "UPDATE organization SET name = 'Mine' WHERE id = 1"
expect_fail "treasurer may not add a funder (budgets)" "only a coordinator" \
  sql tom "INSERT INTO funder (name, name_key) VALUES ('F', 'f')"
expect_fail "treasurer may not open a fund" "only a coordinator" \
  sql tom "INSERT INTO fund (organization_id, campaign_id, created_at) VALUES (1, 1, 'x')"
expect_fail "treasurer may not rewrite the audit log" "permission denied" \
  sql tom "UPDATE audit_log SET \"user\" = 'x'"
expect_eq "refusals left everything as it was" "$(snapshot)" "$before"
expect_eq "treasurer reads the network's figures" \
  "$(sql tom "SELECT count(*), sum(saved_total_cents) FROM fund")" "2|1500"
expect_ok "treasurer voids in its organization" void_in tom 1

# ---- an auditor and a role without an account ------------------------------
before=$(snapshot)
expect_eq "auditor reads everything" "$(sql aud "SELECT count(*) FROM contribution")" "3"
expect_fail "auditor may not record" "may not write the ledger of Centre Nord" record aud 1 100
expect_fail "auditor may not edit an organization" "only a coordinator" \
  sql aud "UPDATE organization SET notes = 'x'"
expect_fail "auditor may not write the audit log" "row-level security" \
  sql aud "INSERT INTO audit_log (at, \"user\", action, entity, entity_id) VALUES ('a','b','c','d',1)"
expect_eq "a role without an account reads nothing" \
  "$(sql nobody "SELECT count(*) FROM contribution")" "0"
expect_fail "a role without an account writes nothing" "nobody has no account" record nobody 1 100
expect_eq "refused writes left everything as it was" "$(snapshot)" "$before"

# ---- the coordinator -----------------------------------------------------------
expect_ok "coordinator records anywhere" record coord 2 900
expect_ok "coordinator edits an organization" \
  sql coord "UPDATE organization SET notes = 'ok' WHERE id = 2"
expect_ok "coordinator adds a funder" sql coord "INSERT INTO funder (name, name_key) VALUES ('F', 'f')"
before=$(snapshot)
expect_fail "not even the owner deletes from the audit log" "permission denied" \
  sql coord "DELETE FROM audit_log"
expect_fail "nor rewrites it" "permission denied" sql coord "UPDATE audit_log SET \"user\" = 'x'"
expect_fail "nor empties it" "permission denied" sql coord "TRUNCATE audit_log"
expect_eq "the audit log is whole" "$(snapshot)" "$before"
expect_ok "coordinator makes an auditor a coordinator" cli coord server grant coordinator aud
expect_ok "a second coordinator edits" sql aud "UPDATE organization SET notes = 'aud' WHERE id = 1"
expect_ok "revoke" cli aud server revoke tom
expect_fail "a revoked treasurer writes nothing" "tom has no account" \
  record tom 1 100
expect_fail "revoking a role without rights says so" "has no rights" cli coord server revoke tom
expect_eq "every kept total matches the ledger" "$(check_totals)" "0"

# ---- server init on an empty database, and the core API ---------------------
"$PGBIN/createdb" -h "$DIR" -U postgres -O coord fresh
expect_ok "server init creates the ledger in an empty database" \
  "$CLI" --db "postgresql:///fresh?host=$DIR&user=coord" server init
expect_eq "the fresh ledger has row-level security" "$("$PGBIN/psql" -h "$DIR" -U coord -d fresh \
  -X -A -t -c "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class
               WHERE relname = 'contribution'" 2>&1)" "t"
"$PGBIN/createdb" -h "$DIR" -U postgres -O coord api
expect_ok "core API (test-rights-api)" env CAG_RIGHTS_PG="postgresql:///api?host=$DIR" "$API"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
