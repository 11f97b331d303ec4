#!/bin/bash
# test-rights.sh — roles and rights on a throwaway PostgreSQL cluster
# (docs/SERVER.md, "Roles and rights"), run by pg-cluster.sh:
#   pg-cluster.sh test-rights.sh CAGNOTTE_CLI TEST_RIGHTS_API
#
# Each kind of account tries what it may and may not do through
# cagnotte-cli (and, for what the program never sends, as raw SQL); a
# refused write must leave the ledger and its kept totals as they were.
set -u
CLI=$(readlink -f "$1")
API=$(readlink -f "$2")
: "${CAGNOTTE_TEST_PG:?run me through pg-cluster.sh}"
HOST=$(sed 's/.*host=\([^&]*\).*/\1/' <<<"$CAGNOTTE_TEST_PG")
SUPER=$(sed 's/.*user=\([^&]*\).*/\1/' <<<"$CAGNOTTE_TEST_PG")
PG_BIN=${PG_BIN:-$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)}
[ -x "$PG_BIN/psql" ] || PG_BIN=/usr/lib/postgresql/15/bin
export CAGNOTTE_TODAY=2026-03-15

passed=0
failed=0
ok () { passed=$((passed + 1)); echo "ok - $1"; }
not_ok () { failed=$((failed + 1)); echo "not ok - $1"; }

# sql ROLE "SQL": rows unaligned on stdout, errors too.
sql () {
  local role=$1; shift
  "$PG_BIN/psql" -h "$HOST" -U "$role" -d led -X -q -A -t -v ON_ERROR_STOP=1 -c "$@" 2>&1
}
# cli ROLE ARGS…: cagnotte-cli connected as ROLE.
cli () {
  local role=$1; shift
  "$CLI" --db "postgresql:///led?host=$HOST&user=$role" "$@" 2>&1
}
run () { "$@" 2>&1; }
expect_ok () {
  local name=$1; shift
  local out
  if out=$("$@"); then ok "$name"; else not_ok "$name: $out"; fi
}
# expect_fail NAME PATTERN CMD…: CMD fails and its output holds PATTERN.
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
# Everything a write could touch, read as the cluster's superuser (no
# row-level security), to compare before and after a refused write.
snapshot () {
  sql "$SUPER" "SELECT (SELECT count(*) FROM contribution),
  (SELECT string_agg(concat_ws(':', id, voided), ',' ORDER BY id) FROM contribution),
  (SELECT string_agg(concat_ws(':', id, saved_total_cents, contribution_count, delegations), ','
    ORDER BY id) FROM fund),
  (SELECT string_agg(concat_ws(':', fund_id, month, total_cents), ',' ORDER BY fund_id, month)
    FROM fund_month),
  (SELECT string_agg(concat_ws(':', campaign_id, month, total_cents), ',' ORDER BY month)
    FROM campaign_month),
  (SELECT string_agg(concat_ws(':', name, notes), ',' ORDER BY id) FROM organization),
  (SELECT count(*) FROM funder), (SELECT count(*) FROM campaign), (SELECT count(*) FROM audit_log)"
}

for role in coord tom sue aud nobody; do
  "$PG_BIN/createuser" -h "$HOST" -U "$SUPER" "$role"
done
"$PG_BIN/createuser" -h "$HOST" -U "$SUPER" --no-login nologin
"$PG_BIN/createdb" -h "$HOST" -U "$SUPER" -O coord led
printf 'organization,date,amount\nCentre Nord,2026-02-03,10\nCoop Sud,2026-02-03,20\n' \
  >"$HOST/mixed.csv"
printf 'organization,date,amount\nCentre Nord,2026-02-04,15\n' >"$HOST/own.csv"
printf 'organization,date,amount\nCentre Nord,2026-02-05,25\n' >"$HOST/aud.csv"

# ---- init and grants --------------------------------------------------------
expect_fail "server commands need a server URI" "postgresql://" \
  run "$CLI" --db "$HOST/x.db" server init
expect_ok "the owner runs server init on an empty database" cli coord server init
expect_eq "the ledger has forced row-level security" \
  "$(sql coord "SELECT bool_and (relrowsecurity AND relforcerowsecurity) FROM pg_class
                WHERE relname IN ('contribution', 'fund', 'fund_month', 'campaign_month',
                                  'audit_log', 'organization', 'budget')")" "t"
expect_ok "coordinator adds organizations" cli coord org add "Centre Nord"
expect_ok "…" cli coord org add "Coop Sud"
expect_ok "coordinator adds a campaign" cli coord campaign add "Congrès" \
  --delegation-cost 1000 --start 2026-01-01 --deadline 2026-12-01
expect_ok "coordinator opens funds" cli coord fund open "Centre Nord"
expect_ok "…" cli coord fund open "Coop Sud"
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
expect_eq "whoami in French" "$(LANGUAGE=fr cli aud server whoami)" \
  "aud : vérificateur, lit tout et n’écrit rien"
expect_eq "list" "$(cli coord server list)" "aud: auditor, reads everything and writes nothing
coord: coordinator, may change everything
sue: treasurer, may write the ledger of Coop Sud
tom: treasurer, may write the ledger of Centre Nord"
expect_eq "a role without an account has no rights" "$(cli nobody server whoami)" \
  "nobody: no rights in this database"

# ---- a treasurer -----------------------------------------------------------
expect_ok "treasurer records for its organization" \
  cli tom contribution add "Centre Nord" 50 --date 2026-02-01
expect_ok "coordinator records for the other" \
  cli coord contribution add "Coop Sud" 70 --date 2026-02-01
before=$(snapshot)
expect_fail "treasurer may not record for another organization" \
  "may not write the ledger of “Coop Sud”" cli tom contribution add "Coop Sud" 5 --date 2026-02-01
expect_fail "… said in French" "ne peut pas écrire dans le registre de « Coop Sud »" \
  run env LANGUAGE=fr "$CLI" --db "postgresql:///led?host=$HOST&user=tom" \
  contribution add "Coop Sud" 5 --date 2026-02-01
other=$(sql "$SUPER" "SELECT max(id) FROM contribution")
expect_fail "treasurer may not void another organization's contribution" "Coop Sud" \
  cli tom contribution void "$other" --reason "not mine"
expect_fail "treasurer may not import for another organization" "Coop Sud" \
  cli tom import contributions "$HOST/mixed.csv"
expect_fail "treasurer may not edit an organization" "Only a coordinator" \
  cli tom org edit "Coop Sud" --notes "mine"
expect_fail "treasurer may not add a campaign" "Only a coordinator" \
  cli tom campaign add "Autre" --delegation-cost 10 --start 2026-01-01 --deadline 2026-06-01
expect_fail "treasurer may not add a funder (budgets)" "Only a coordinator" cli tom funder add "F"
expect_fail "treasurer may not change another fund's totals (SQL)" "Coop Sud" \
  sql tom "UPDATE fund SET saved_total_cents = 0 WHERE id = 2"
expect_fail "treasurer may not change its fund's settings (SQL)" "only a coordinator" \
  sql tom "UPDATE fund SET delegations = 9 WHERE id = 1"
expect_fail "treasurer may not rewrite the audit log (SQL)" "permission denied" \
  sql tom "UPDATE audit_log SET \"user\" = 'x'"
expect_eq "the refusals left everything as it was" "$(snapshot)" "$before"
expect_ok "treasurer imports for its organization" cli tom import contributions "$HOST/own.csv"
mine=$(sql "$SUPER" "SELECT min(id) FROM contribution")
expect_ok "treasurer voids in its organization" cli tom contribution void "$mine" --reason error
expect_ok "treasurer reads the network's figures" cli tom status
expect_eq "…all of them" "$(cli tom --json status | grep -c '"organization"')" "2"
expect_ok "check passes for the treasurer" cli tom check
sql tom "INSERT INTO audit_log (at, \"user\", action, entity, entity_id)
         VALUES ('now', 'forged', 'note', 'fund', 1)" >/dev/null
expect_eq "the audit log names the server role behind every change" \
  "$(sql "$SUPER" "SELECT string_agg (DISTINCT \"user\", ',' ORDER BY \"user\") FROM audit_log")" \
  "coord,tom"

# ---- an auditor and a role without an account ------------------------------
before=$(snapshot)
expect_ok "auditor reads the figures" cli aud status
expect_ok "check passes for the auditor" cli aud check
expect_fail "auditor may not record" "may not write the ledger of “Centre Nord”" \
  cli aud contribution add "Centre Nord" 1 --date 2026-02-01
expect_fail "auditor may not void" "Coop Sud" cli aud contribution void "$other" --reason x
expect_fail "auditor may not import" "Centre Nord" cli aud import contributions "$HOST/aud.csv"
expect_fail "auditor may not edit an organization" "Only a coordinator" \
  cli aud org edit "Coop Sud" --notes "x"
expect_fail "auditor may not write the audit log (SQL)" "row-level security" \
  sql aud "INSERT INTO audit_log (at, \"user\", action, entity, entity_id) VALUES ('a','b','c','d',1)"
expect_eq "a role without an account reads nothing" \
  "$(sql nobody "SELECT count(*) FROM contribution")" "0"
expect_fail "a role without an account writes nothing" "nobody has no account" \
  sql nobody "INSERT INTO contribution (fund_id, date, month, amount_cents, recorded_at,
              recorded_by) VALUES (1, '2026-02-01', 24313, 100, 'now', 'x')"
expect_eq "refused writes left everything as it was" "$(snapshot)" "$before"

# ---- the coordinator -----------------------------------------------------------
expect_ok "coordinator edits an organization" cli coord org edit "Coop Sud" --notes "ok"
expect_ok "coordinator adds a funder" cli coord funder add "F"
before=$(snapshot)
expect_fail "not even the owner empties the audit log" "permission denied" \
  sql coord "DELETE FROM audit_log"
expect_fail "nor rewrites it" "permission denied" sql coord "UPDATE audit_log SET \"user\" = 'x'"
expect_eq "the audit log is whole" "$(snapshot)" "$before"
expect_ok "an auditor becomes a coordinator" cli coord server grant coordinator aud
expect_ok "…and edits" cli aud org edit "Centre Nord" --notes "aud"
expect_ok "revoke" cli aud server revoke tom
expect_fail "a revoked treasurer writes nothing" "No organization\|no rights" \
  cli tom contribution add "Centre Nord" 1 --date 2026-02-01
expect_fail "revoking a role without rights says so" "has no rights" cli coord server revoke tom
expect_ok "every kept total matches the ledger (check)" cli coord check

# ---- backing up with pg_dump ---------------------------------------------------
expect_ok "pg_dump as the coordinator, rows and rules" "$PG_BIN/pg_dump" -h "$HOST" -U coord \
  --enable-row-security -Fc -f "$HOST/led.dump" led
"$PG_BIN/createdb" -h "$HOST" -U "$SUPER" -O coord restored
expect_ok "pg_restore as the coordinator" "$PG_BIN/pg_restore" -h "$HOST" -U coord \
  -d restored "$HOST/led.dump"
expect_ok "the restored ledger passes check" \
  "$CLI" --db "postgresql:///restored?host=$HOST&user=coord" check
expect_fail "the restored database keeps the rights" "Centre Nord" \
  run "$CLI" --db "postgresql:///restored?host=$HOST&user=sue" contribution add "Centre Nord" 1 \
  --date 2026-02-01

# ---- the core API -------------------------------------------------------------
"$PG_BIN/createdb" -h "$HOST" -U "$SUPER" -O coord api
expect_ok "core API (test-rights-api)" env CAG_RIGHTS_PG="postgresql:///api?host=$HOST" "$API"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
