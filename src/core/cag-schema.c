/* cag-schema.c — the ledger's schema, as a list of migration steps.
 *
 * Step i takes PRAGMA user_version from i to i + 1; cag_store_open() runs the
 * missing steps in order, in one transaction.  A step is never changed once
 * released: a change to the schema is a new step appended at the end.
 *
 * Conventions: money in INTEGER cents; dates as ISO 8601 TEXT plus, where
 * figures are grouped by month, an INTEGER month index (year × 12 + month −
 * 1); names carry a fold key (cag_fold_key()) for lookups and uniqueness that
 * ignore case and accents.  The *_month tables and the fund's saved_total and
 * contribution_count are kept totals of non-void contributions, updated in
 * the same transaction as every write.
 *
 * Month comes first in the contribution index and in fund_month's key: the
 * ledger grows month after month, so bulk loads and monthly entry append to
 * the end of these B-trees instead of touching every page.  A fund's months
 * are found through campaign_month (every month in which its campaign ever
 * had a contribution; rows stay, at zero, when all are voided).
 */
#include "config.h"

#include "cag-store-private.h"
#include "cag-budget-schema.h"

static const char schema_v1[] =
  /* 0x43414731 = "CAG1": tells a Cagnotte database from other SQLite files. */
  "PRAGMA application_id = 1128351537;\n"

  "CREATE TABLE organization (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  name          TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  name_key      TEXT NOT NULL UNIQUE,\n"
  "  short_name    TEXT,\n"
  "  short_key     TEXT,\n"
  "  region        TEXT,\n"
  "  region_key    TEXT,\n"
  "  kind          TEXT NOT NULL DEFAULT 'regional'\n"
  "                CHECK (kind IN ('regional', 'sectoral', 'network')),\n"
  "  contact_name  TEXT,\n"
  "  email         TEXT,\n"
  "  phone         TEXT,\n"
  "  notes         TEXT,\n"
  "  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
  "  charity       TEXT NOT NULL DEFAULT 'none'\n"
  "                CHECK (charity IN ('none', 'pending', 'registered')),\n"
  "  created_at    TEXT NOT NULL\n"
  ");\n"
  "CREATE UNIQUE INDEX organization_short_key ON organization (short_key)\n"
  "  WHERE short_key IS NOT NULL;\n"

  "CREATE TABLE campaign (\n"
  "  id                     INTEGER PRIMARY KEY,\n"
  "  name                   TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  name_key               TEXT NOT NULL UNIQUE,\n"
  "  delegation_cost_cents  INTEGER NOT NULL CHECK (delegation_cost_cents > 0),\n"
  "  start_date             TEXT NOT NULL,\n"
  "  start_month            INTEGER NOT NULL,\n"
  "  deadline               TEXT NOT NULL CHECK (deadline > start_date),\n"
  "  deadline_month         INTEGER NOT NULL,\n"
  "  created_at             TEXT NOT NULL\n"
  ");\n"

  "CREATE TABLE fund (\n"
  "  id                      INTEGER PRIMARY KEY,\n"
  "  organization_id         INTEGER NOT NULL REFERENCES organization (id),\n"
  "  campaign_id             INTEGER NOT NULL REFERENCES campaign (id),\n"
  "  delegations             INTEGER NOT NULL DEFAULT 1 CHECK (delegations >= 1),\n"
  "  target_override_cents   INTEGER NOT NULL DEFAULT 0 CHECK (target_override_cents >= 0),\n"
  "  monthly_override_cents  INTEGER NOT NULL DEFAULT 0 CHECK (monthly_override_cents >= 0),\n"
  "  saved_total_cents       INTEGER NOT NULL DEFAULT 0,\n"
  "  contribution_count      INTEGER NOT NULL DEFAULT 0,\n"
  "  created_at              TEXT NOT NULL,\n"
  "  UNIQUE (organization_id, campaign_id)\n"
  ");\n"
  "CREATE INDEX fund_campaign ON fund (campaign_id);\n"

  "CREATE TABLE contribution (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  fund_id       INTEGER NOT NULL REFERENCES fund (id),\n"
  "  date          TEXT NOT NULL,\n"
  "  month         INTEGER NOT NULL,\n"
  "  amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),\n"
  "  method        TEXT NOT NULL DEFAULT 'cheque'\n"
  "                CHECK (method IN ('cheque', 'transfer', 'cash', 'other')),\n"
  "  reference     TEXT,\n"
  "  note          TEXT,\n"
  "  recorded_at   TEXT NOT NULL,\n"
  "  recorded_by   TEXT NOT NULL,\n"
  "  voided        INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),\n"
  "  void_reason   TEXT,\n"
  "  voided_at     TEXT,\n"
  "  voided_by     TEXT,\n"
  "  CHECK (voided = 0 OR length(void_reason) > 0)\n"
  ");\n"
  "CREATE INDEX contribution_month_fund ON contribution (month, fund_id, date);\n"

  "CREATE TABLE fund_month (\n"
  "  fund_id      INTEGER NOT NULL REFERENCES fund (id),\n"
  "  month        INTEGER NOT NULL,\n"
  "  total_cents  INTEGER NOT NULL,\n"
  "  count        INTEGER NOT NULL,\n"
  "  PRIMARY KEY (month, fund_id)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE campaign_month (\n"
  "  campaign_id  INTEGER NOT NULL REFERENCES campaign (id),\n"
  "  month        INTEGER NOT NULL,\n"
  "  total_cents  INTEGER NOT NULL,\n"
  "  count        INTEGER NOT NULL,\n"
  "  PRIMARY KEY (campaign_id, month)\n"
  ") WITHOUT ROWID;\n"

  /* A campaign's matching offer as the fund rules see it: a funder gives
   * match_num dollars for every match_den saved, at most cap_cents per fund
   * (0: no cap).  Kept current by the budgets module. */
  "CREATE TABLE campaign_match (\n"
  "  campaign_id  INTEGER PRIMARY KEY REFERENCES campaign (id),\n"
  "  match_num    INTEGER NOT NULL CHECK (match_num > 0),\n"
  "  match_den    INTEGER NOT NULL CHECK (match_den > 0),\n"
  "  cap_cents    INTEGER NOT NULL DEFAULT 0 CHECK (cap_cents >= 0)\n"
  ");\n"

  "CREATE TABLE audit_log (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  at         TEXT NOT NULL,\n"
  "  user       TEXT NOT NULL,\n"
  "  action     TEXT NOT NULL,\n"
  "  entity     TEXT NOT NULL,\n"
  "  entity_id  INTEGER NOT NULL,\n"
  "  detail     TEXT\n"
  ");\n";

/* The network's identity (cag-network.c): one row, id 1. */
static const char schema_network[] =
  "CREATE TABLE network (\n"
  "  id              INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  name            TEXT,\n"
  "  address         TEXT,\n"
  "  contact         TEXT,\n"
  "  email           TEXT,\n"
  "  phone           TEXT,\n"
  "  charity_number  TEXT,\n"
  "  website         TEXT\n"
  ");\n";

static const CagMigration migrations[] = {
  { schema_v1 },   /* 0 → 1: the ledger */
  { cag_budget_schema_sql },   /* 1 → 2: budgets and matching (cag-budget-schema.c) */
  { schema_network },   /* 2 → 3: network profile */
  { cag_budget_funder_names_sql },   /* 3 → 4: funders' short names and articles */
};

const CagMigration *
cag_store_migrations (guint *out_count)
{
  if (out_count != NULL)
    *out_count = G_N_ELEMENTS (migrations);
  return migrations;
}
