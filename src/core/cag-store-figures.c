/* cag-store-figures.c — fund figures from the kept totals, never from the
 * ledger.
 *
 * As of a date T in month t, for each fund:
 *   saved(T)  = fund.saved_total − Σ fund_month after t − late
 *   paid_m    = fund_month[t] − late
 *   base      = saved(T) − paid_m
 *   pace sum  = Σ fund_month over the pace window
 * where "late" is the non-void contributions of month t dated after T (an
 * index range on contribution (fund_id, month, date)).  One statement with
 * correlated subqueries on primary keys gives every fund's inputs, however
 * long the ledger; cag_fund_compute() does the rest.  A full recount
 * (cag_store_check_totals) checks the kept totals against the ledger.
 */
#include "config.h"

#include <string.h>

#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-store-private.h"

#define STATUS_SELECT \
  "SELECT f.id, f.organization_id, f.campaign_id, o.name, o.short_name, o.region, c.name, " \
  "f.delegations, CASE WHEN f.target_override_cents > 0 THEN f.target_override_cents " \
  "ELSE f.delegations * c.delegation_cost_cents END, f.monthly_override_cents, " \
  "c.start_date, c.deadline, f.saved_total_cents, " \
  "(SELECT ifnull(sum(m.total_cents), 0) FROM fund_month m " \
  " WHERE m.fund_id = f.id AND m.month > ?1), " \
  "(SELECT ifnull(sum(m.total_cents), 0) FROM fund_month m " \
  " WHERE m.fund_id = f.id AND m.month = ?1), " \
  "(SELECT ifnull(sum(m.total_cents), 0) FROM fund_month m " \
  " WHERE m.fund_id = f.id AND m.month >= max(?1 - ?3, c.start_month) AND m.month < ?1), " \
  "(SELECT ifnull(sum(x.amount_cents), 0) FROM contribution x " \
  " WHERE x.fund_id = f.id AND x.month = ?1 AND x.date > ?2 AND x.voided = 0) " \
  "FROM fund f JOIN organization o ON o.id = f.organization_id " \
  "JOIN campaign c ON c.id = f.campaign_id "
#define STATUS_ORDER " ORDER BY o.name_key, c.start_date, c.name_key, f.id"

void
cag_fund_status_free (CagFundStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->organization_name);
  g_free (status->organization_short_name);
  g_free (status->region);
  g_free (status->campaign_name);
  g_free (status);
}

/* The length of a full pace window, as the rules define it. */
static gint
pace_months (const CagDate *as_of)
{
  CagDate long_ago = { 1900, 1, 1 };
  gint first, count;

  cag_fund_pace_window (&long_ago, as_of, &first, &count);
  return count;
}

static CagFundStatus *
status_from_row (sqlite3_stmt  *stmt,
                 const CagDate *as_of)
{
  CagFundStatus *status = g_new0 (CagFundStatus, 1);
  CagFundInputs in = { 0 };
  gint64 saved_total, after, month_total, late;

  status->fund_id = sqlite3_column_int64 (stmt, 0);
  status->organization_id = sqlite3_column_int64 (stmt, 1);
  status->campaign_id = sqlite3_column_int64 (stmt, 2);
  status->organization_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  status->organization_short_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  status->region = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  status->campaign_name = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  status->delegations = sqlite3_column_int (stmt, 7);

  in.target_cents = sqlite3_column_int64 (stmt, 8);
  in.monthly_override_cents = sqlite3_column_int64 (stmt, 9);
  cag_date_parse_iso ((const char *) sqlite3_column_text (stmt, 10), &in.start, NULL);
  cag_date_parse_iso ((const char *) sqlite3_column_text (stmt, 11), &in.deadline, NULL);
  saved_total = sqlite3_column_int64 (stmt, 12);
  after = sqlite3_column_int64 (stmt, 13);
  month_total = sqlite3_column_int64 (stmt, 14);
  in.pace_sum_cents = sqlite3_column_int64 (stmt, 15);
  late = sqlite3_column_int64 (stmt, 16);

  in.saved_cents = saved_total - after - late;
  in.paid_month_cents = month_total - late;
  in.base_cents = in.saved_cents - in.paid_month_cents;

  cag_fund_compute (&in, as_of, &status->figures);
  return status;
}

static GPtrArray *
status_query (CagStore      *store,
              const char    *sql,
              gint64         a,
              gint64         b,
              const CagDate *as_of,
              GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_fund_status_free);
  g_autofree char *as_of_iso = NULL;
  CagDate today;
  sqlite3_stmt *stmt;
  int rc;

  if (as_of == NULL)
    {
      today = cag_date_today ();
      as_of = &today;
    }
  if (!cag_date_valid (as_of))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The date %04d-%02d-%02d does not exist."),
                   as_of->year, as_of->month, as_of->day);
      return NULL;
    }
  as_of_iso = cag_date_to_iso (as_of);

  stmt = cag_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, cag_month_index (as_of));
  sqlite3_bind_text (stmt, 2, as_of_iso, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, pace_months (as_of));
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, a);
  if (sqlite3_bind_parameter_count (stmt) >= 5)
    sqlite3_bind_int64 (stmt, 5, b);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, status_from_row (stmt, as_of));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the funds"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

CagFundStatus *
cag_store_fund_status (CagStore      *store,
                       gint64         fund_id,
                       const CagDate *as_of,
                       GError       **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  list = status_query (store, STATUS_SELECT "WHERE f.id = ?4", fund_id, 0, as_of, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fund_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND, _("There is no fund number %s."), id);
      return NULL;
    }
  return g_steal_pointer (&list->pdata[0]);
}

GPtrArray *
cag_store_status_list (CagStore      *store,
                       gint64         campaign_id,
                       gint64         org_id,
                       const CagDate *as_of,
                       GError       **error)
{
  g_return_val_if_fail (store != NULL, NULL);

  if (campaign_id > 0 && org_id > 0)
    return status_query (store,
                         STATUS_SELECT "WHERE f.campaign_id = ?4 AND f.organization_id = ?5"
                         STATUS_ORDER, campaign_id, org_id, as_of, error);
  if (campaign_id > 0)
    return status_query (store, STATUS_SELECT "WHERE f.campaign_id = ?4" STATUS_ORDER,
                         campaign_id, 0, as_of, error);
  if (org_id > 0)
    return status_query (store, STATUS_SELECT "WHERE f.organization_id = ?4" STATUS_ORDER,
                         org_id, 0, as_of, error);
  return status_query (store, STATUS_SELECT STATUS_ORDER, 0, 0, as_of, error);
}

void
cag_network_totals_compute (GPtrArray        *statuses,
                            CagNetworkTotals *out)
{
  g_return_if_fail (statuses != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < statuses->len; i++)
    {
      const CagFundStatus *status = g_ptr_array_index (statuses, i);
      const CagFundFigures *f = &status->figures;

      out->funds++;
      out->saved_cents += f->saved_cents;
      out->matched_cents += f->matched_cents;
      out->target_cents += f->target_cents;
      out->delegations_planned += status->delegations;
      if (f->state == CAG_FUND_COMPLETE)
        out->delegations_funded += status->delegations;
      if (f->state == CAG_FUND_BEHIND)
        out->funds_behind++;
      out->monthly_needed_cents += f->monthly_needed_cents;
    }
}

GArray *
cag_store_month_totals (CagStore *store,
                        gint64    fund_id,
                        gint64    campaign_id,
                        GError  **error)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (CagMonthTotal));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (fund_id > 0 || campaign_id > 0, NULL);

  if (fund_id > 0)
    stmt = cag_store_prepare (store,
                              "SELECT month, total_cents FROM fund_month "
                              "WHERE fund_id = ?1 AND count > 0 ORDER BY month", error);
  else
    stmt = cag_store_prepare (store,
                              "SELECT month, total_cents FROM campaign_month "
                              "WHERE campaign_id = ?1 AND count > 0 ORDER BY month", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fund_id > 0 ? fund_id : campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CagMonthTotal total;

      total.month = sqlite3_column_int (stmt, 0);
      total.total_cents = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (totals, total);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the monthly totals"), error);
      return NULL;
    }
  return g_steal_pointer (&totals);
}

/* Each query returns the first row where a kept total and the recount
 * differ: what, id, month (or -1), kept, recounted. */
static const char *const check_queries[] = {
  "SELECT 'fund', f.id, -1, f.saved_total_cents, ifnull(r.total, 0) FROM fund f "
  "LEFT JOIN (SELECT fund_id, sum(amount_cents) AS total, count(*) AS n FROM contribution "
  "           WHERE voided = 0 GROUP BY fund_id) r ON r.fund_id = f.id "
  "WHERE f.saved_total_cents != ifnull(r.total, 0) "
  "   OR f.contribution_count != ifnull(r.n, 0) LIMIT 1",

  "SELECT 'fund_month', fund_id, month, kept, counted FROM ("
  "  SELECT fund_id, month, sum(kt) AS kept, sum(kn) AS kn, sum(ct) AS counted, sum(cn) AS cn"
  "  FROM (SELECT fund_id, month, total_cents AS kt, count AS kn, 0 AS ct, 0 AS cn"
  "        FROM fund_month"
  "        UNION ALL SELECT fund_id, month, 0, 0, amount_cents, 1 FROM contribution"
  "        WHERE voided = 0)"
  "  GROUP BY fund_id, month) WHERE kept != counted OR kn != cn LIMIT 1",

  "SELECT 'campaign_month', campaign_id, month, kept, counted FROM ("
  "  SELECT campaign_id, month, sum(kt) AS kept, sum(kn) AS kn, sum(ct) AS counted,"
  "  sum(cn) AS cn"
  "  FROM (SELECT campaign_id, month, total_cents AS kt, count AS kn, 0 AS ct, 0 AS cn"
  "        FROM campaign_month"
  "        UNION ALL SELECT f.campaign_id, x.month, 0, 0, x.amount_cents, 1"
  "        FROM contribution x JOIN fund f ON f.id = x.fund_id WHERE x.voided = 0)"
  "  GROUP BY campaign_id, month) WHERE kept != counted OR kn != cn LIMIT 1",
};

gboolean
cag_store_check_totals (CagStore *store,
                        GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (check_queries); i++)
    {
      sqlite3_stmt *stmt = cag_store_prepare (store, check_queries[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          CagLang lang = cag_i18n_get_language ();
          g_autofree char *kept = cag_money_format (sqlite3_column_int64 (stmt, 3), lang);
          g_autofree char *counted = cag_money_format (sqlite3_column_int64 (stmt, 4), lang);
          g_autofree char *what = NULL;
          int month = sqlite3_column_int (stmt, 2);

          if (month >= 0)
            {
              g_autofree char *month_iso = cag_month_to_iso (month);

              what = g_strdup_printf ("%s %" G_GINT64_FORMAT " (%s)",
                                      (const char *) sqlite3_column_text (stmt, 0),
                                      (gint64) sqlite3_column_int64 (stmt, 1), month_iso);
            }
          else
            what = g_strdup_printf ("%s %" G_GINT64_FORMAT,
                                    (const char *) sqlite3_column_text (stmt, 0),
                                    (gint64) sqlite3_column_int64 (stmt, 1));
          sqlite3_reset (stmt);
          g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                       _("The kept totals do not match the contributions: %s keeps %s but the "
                         "contributions add up to %s (or their count differs). Restore the "
                         "database from a backup."),
                       what, kept, counted);
          return FALSE;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return cag_store_set_error (store, rc, _("checking the totals"), error);
    }
  return TRUE;
}
