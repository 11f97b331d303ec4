/* cag-store-figures.c — fund figures from the kept totals, never from the
 * ledger.
 *
 * As of a date T in month t, for each fund:
 *   saved(T)  = fund.saved_total − Σ fund_month after t − late
 *   paid_m    = fund_month[t] − late
 *   base      = saved(T) − paid_m
 *   pace sum  = Σ fund_month over the pace window
 * where "late" is the non-void contributions of month t dated after T (an
 * index range on contribution (month, fund_id, date)).
 *
 * Two plans, each a fixed number of statements however long the ledger:
 * for a few funds (one fund, one organization) correlated subqueries seek
 * each of the fund's months (found through campaign_month); for many funds
 * (all, a campaign) one range scan of fund_month over the months needed,
 * added up per fund here, plus one for "late".  When T is far in the past,
 * the scan runs from the first month instead: base = Σ fund_month before t.
 * cag_fund_compute() does the rest.  cag_store_check_totals() recounts the
 * ledger and compares.
 */
#include "config.h"

#include <string.h>

#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-store-private.h"

#define STATUS_COLUMNS \
  "SELECT f.id, f.organization_id, f.campaign_id, o.name, o.short_name, o.region, c.name, " \
  "f.delegations, CASE WHEN f.target_override_cents > 0 THEN f.target_override_cents " \
  "ELSE f.delegations * c.delegation_cost_cents END, f.monthly_override_cents, " \
  "c.start_date, c.deadline, f.saved_total_cents, c.start_month, " \
  "coalesce (cm_match.match_num, 0), coalesce (cm_match.match_den, 0), " \
  "coalesce (cm_match.cap_cents, 0) "
#define STATUS_SUBQUERIES \
  ", (SELECT coalesce (sum(fm.total_cents), 0) FROM campaign_month cm " \
  "   CROSS JOIN fund_month fm ON fm.month = cm.month AND fm.fund_id = f.id " \
  "   WHERE cm.campaign_id = f.campaign_id AND cm.month > ?1)" \
  ", (SELECT coalesce (sum(fm.total_cents), 0) FROM fund_month fm " \
  "   WHERE fm.month = ?1 AND fm.fund_id = f.id)" \
  ", (SELECT coalesce (sum(fm.total_cents), 0) FROM campaign_month cm " \
  "   CROSS JOIN fund_month fm ON fm.month = cm.month AND fm.fund_id = f.id " \
  "   WHERE cm.campaign_id = f.campaign_id AND cm.month >= ?1 - ?3 " \
  "   AND cm.month >= c.start_month " \
  "   AND cm.month < ?1)" \
  ", (SELECT coalesce (sum(x.amount_cents), 0) FROM contribution x " \
  "   WHERE x.month = ?1 AND x.fund_id = f.id AND x.date > ?2 AND x.voided = 0) "
#define STATUS_FROM \
  "FROM fund f JOIN organization o ON o.id = f.organization_id " \
  "JOIN campaign c ON c.id = f.campaign_id " \
  "LEFT JOIN campaign_match cm_match ON cm_match.campaign_id = f.campaign_id "
#define STATUS_ORDER " ORDER BY o.name_key, c.start_date, c.name_key, f.id"

/* What is gathered for one fund before the rules run. */
typedef struct
{
  CagFundInputs in;
  gint          start_month;
  gint64        saved_total;
  gint64        after;        /* Σ months after t */
  gint64        before;       /* Σ months before t */
  gint64        month_total;  /* month t, including after T */
  gint64        late;         /* month t, after T */
} Gathered;

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
status_from_row (CagStmt *stmt,
                 Gathered     *g)
{
  CagFundStatus *status = g_new0 (CagFundStatus, 1);

  status->fund_id = cag_stmt_column_int (stmt, 0);
  status->organization_id = cag_stmt_column_int (stmt, 1);
  status->campaign_id = cag_stmt_column_int (stmt, 2);
  status->organization_name = g_strdup (cag_stmt_column_text (stmt, 3));
  status->organization_short_name = g_strdup (cag_stmt_column_text (stmt, 4));
  status->region = g_strdup (cag_stmt_column_text (stmt, 5));
  status->campaign_name = g_strdup (cag_stmt_column_text (stmt, 6));
  status->delegations = cag_stmt_column_int (stmt, 7);

  memset (g, 0, sizeof *g);
  g->in.target_cents = cag_stmt_column_int (stmt, 8);
  g->in.monthly_override_cents = cag_stmt_column_int (stmt, 9);
  cag_date_parse_iso (cag_stmt_column_text (stmt, 10), &g->in.start, NULL);
  cag_date_parse_iso (cag_stmt_column_text (stmt, 11), &g->in.deadline, NULL);
  g->saved_total = cag_stmt_column_int (stmt, 12);
  g->start_month = cag_stmt_column_int (stmt, 13);
  g->in.match_num = cag_stmt_column_int (stmt, 14);
  g->in.match_den = cag_stmt_column_int (stmt, 15);
  g->in.match_cap_cents = cag_stmt_column_int (stmt, 16);
  return status;
}

static gboolean
check_as_of (const CagDate **as_of,
             CagDate        *today,
             GError        **error)
{
  if (*as_of == NULL)
    {
      *today = cag_date_today ();
      *as_of = today;
    }
  if (!cag_date_valid (*as_of))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The date %04d-%02d-%02d does not exist."),
                   (*as_of)->year, (*as_of)->month, (*as_of)->day);
      return FALSE;
    }
  return TRUE;
}

static void
bind_as_of (CagStmt  *stmt,
            const CagDate *as_of,
            const char    *as_of_iso)
{
  cag_stmt_bind_int (stmt, 1, cag_month_index (as_of));
  cag_stmt_bind_text (stmt, 2, as_of_iso);
  cag_stmt_bind_int (stmt, 3, pace_months (as_of));
}

/* Few funds: every figure from subqueries on the fund's own months. */
static GPtrArray *
status_by_fund (CagStore      *store,
                const char    *sql,
                gint64         a,
                gint64         b,
                const CagDate *as_of,
                GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_fund_status_free);
  g_autofree char *as_of_iso = NULL;
  CagDate today;
  CagStmt *stmt;
  CagStep rc;

  if (!check_as_of (&as_of, &today, error))
    return NULL;
  as_of_iso = cag_date_to_iso (as_of);

  stmt = cag_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_as_of (stmt, as_of, as_of_iso);
  cag_stmt_bind_int (stmt, 4, a);
  if (cag_stmt_param_count (stmt) >= 5)
    cag_stmt_bind_int (stmt, 5, b);

  while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
    {
      Gathered g;
      CagFundStatus *status = status_from_row (stmt, &g);
      gint64 after = cag_stmt_column_int (stmt, 17);
      gint64 month_total = cag_stmt_column_int (stmt, 18);
      gint64 late = cag_stmt_column_int (stmt, 20);

      g.in.pace_sum_cents = cag_stmt_column_int (stmt, 19);
      g.in.saved_cents = g.saved_total - after - late;
      g.in.paid_month_cents = month_total - late;
      g.in.base_cents = g.in.saved_cents - g.in.paid_month_cents;
      cag_fund_compute (&g.in, as_of, &status->figures);
      g_ptr_array_add (list, status);
    }
  cag_stmt_finish (stmt);
  if (rc != CAG_STEP_DONE)
    {
      cag_store_set_error (store, _("reading the funds"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Finds a fund's Gathered by id: a dense array over [min_id, max_id] when the
 * ids are packed (they are autoincrement keys, so nearly always), a hash
 * table otherwise.  The dense form keeps the all-funds status well under its
 * 100 ms budget at 10,000 funds (see docs/PERFORMANCE.md). */
typedef struct
{
  gint64      min_id;
  gint64      span;
  gint32     *slots;     /* index into GATHERED, or -1 */
  GHashTable *sparse;
  GArray     *gathered;
} FundIndex;

static void
fund_index_init (FundIndex *fi,
                 GPtrArray *list,
                 GArray    *gathered)
{
  gint64 min_id = G_MAXINT64, max_id = 0;

  memset (fi, 0, sizeof *fi);
  fi->gathered = gathered;
  for (guint i = 0; i < list->len; i++)
    {
      gint64 id = ((CagFundStatus *) list->pdata[i])->fund_id;

      min_id = MIN (min_id, id);
      max_id = MAX (max_id, id);
    }
  if (list->len == 0)
    return;
  if (max_id - min_id < (gint64) list->len * 4 + 1024)
    {
      fi->min_id = min_id;
      fi->span = max_id - min_id + 1;
      fi->slots = g_new (gint32, fi->span);
      memset (fi->slots, 0xff, sizeof (gint32) * fi->span);
      for (guint i = 0; i < list->len; i++)
        fi->slots[((CagFundStatus *) list->pdata[i])->fund_id - min_id] = (gint32) i;
    }
  else
    {
      fi->sparse = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < list->len; i++)
        g_hash_table_insert (fi->sparse, &((CagFundStatus *) list->pdata[i])->fund_id,
                             GUINT_TO_POINTER (i + 1));
    }
}

static Gathered *
fund_index_lookup (FundIndex *fi,
                   gint64     fund_id)
{
  if (fi->slots != NULL)
    {
      gint64 k = fund_id - fi->min_id;

      if (k < 0 || k >= fi->span || fi->slots[k] < 0)
        return NULL;
      return &g_array_index (fi->gathered, Gathered, fi->slots[k]);
    }
  if (fi->sparse != NULL)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (fi->sparse, &fund_id));

      return i == 0 ? NULL : &g_array_index (fi->gathered, Gathered, i - 1);
    }
  return NULL;
}

static void
fund_index_clear (FundIndex *fi)
{
  g_clear_pointer (&fi->slots, g_free);
  g_clear_pointer (&fi->sparse, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FundIndex, fund_index_clear)

/* Many funds: the fund rows, then one scan of fund_month over the months
 * needed and one of the current month's contributions after T. */
static GPtrArray *
status_by_scan (CagStore      *store,
                gint64         campaign_id,
                const CagDate *as_of,
                GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_fund_status_free);
  g_autoptr(GArray) gathered = g_array_new (FALSE, TRUE, sizeof (Gathered));
  g_auto(FundIndex) index = { 0 };
  g_autofree char *as_of_iso = NULL;
  const char *context = _("reading the funds");
  CagDate today;
  CagStmt *stmt;
  gint cur, pace, min_month = 0, max_month = 0;
  gboolean from_end = TRUE, any = FALSE;
  CagStep rc;

  if (!check_as_of (&as_of, &today, error))
    return NULL;
  as_of_iso = cag_date_to_iso (as_of);
  cur = cag_month_index (as_of);
  pace = pace_months (as_of);

  if (campaign_id > 0)
    stmt = cag_store_prepare (store, STATUS_COLUMNS STATUS_FROM "WHERE f.campaign_id = ?1"
                              STATUS_ORDER, error);
  else
    stmt = cag_store_prepare (store, STATUS_COLUMNS STATUS_FROM STATUS_ORDER, error);
  if (stmt == NULL)
    return NULL;
  if (campaign_id > 0)
    cag_stmt_bind_int (stmt, 1, campaign_id);
  while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
    {
      Gathered g;

      g_ptr_array_add (list, status_from_row (stmt, &g));
      g_array_append_val (gathered, g);
    }
  cag_stmt_finish (stmt);
  if (rc != CAG_STEP_DONE)
    {
      cag_store_set_error (store, context, error);
      return NULL;
    }
  /* The array no longer grows: pointers into it stay valid. */
  fund_index_init (&index, list, gathered);

  stmt = cag_store_prepare (store, "SELECT (SELECT min(month) FROM fund_month), "
                              "(SELECT max(month) FROM fund_month)", error);
  if (stmt == NULL)
    return NULL;
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc == CAG_STEP_ROW && !cag_stmt_column_is_null (stmt, 0))
    {
      any = TRUE;
      min_month = cag_stmt_column_int (stmt, 0);
      max_month = cag_stmt_column_int (stmt, 1);
    }
  cag_stmt_finish (stmt);
  if (rc != CAG_STEP_ROW)
    {
      cag_store_set_error (store, context, error);
      return NULL;
    }

  if (any)
    {
      /* Scan whichever side of T has fewer months. */
      from_end = (gint64) max_month - cur <= (gint64) cur - pace - min_month;
      if (from_end)
        stmt = cag_store_prepare (store,
                                  "SELECT month, fund_id, total_cents FROM fund_month "
                                  "WHERE month >= ?1", error);
      else
        stmt = cag_store_prepare (store,
                                  "SELECT month, fund_id, total_cents FROM fund_month "
                                  "WHERE month <= ?1", error);
      if (stmt == NULL)
        return NULL;
      cag_stmt_bind_int (stmt, 1, from_end ? cur - pace : cur);
      while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
        {
          gint month = cag_stmt_column_int (stmt, 0);
          gint64 fund_id = cag_stmt_column_int (stmt, 1);
          gint64 total = cag_stmt_column_int (stmt, 2);
          Gathered *g = fund_index_lookup (&index, fund_id);

          if (g == NULL)
            continue;
          if (month > cur)
            g->after += total;
          else if (month == cur)
            g->month_total += total;
          else
            {
              g->before += total;
              if (month >= cur - pace && month >= g->start_month)
                g->in.pace_sum_cents += total;
            }
        }
      cag_stmt_finish (stmt);
      if (rc != CAG_STEP_DONE)
        {
          cag_store_set_error (store, context, error);
          return NULL;
        }

      stmt = cag_store_prepare (store,
                                "SELECT fund_id, sum(amount_cents) FROM contribution "
                                "WHERE month = ?1 AND date > ?2 AND voided = 0 GROUP BY fund_id",
                                error);
      if (stmt == NULL)
        return NULL;
      cag_stmt_bind_int (stmt, 1, cur);
      cag_stmt_bind_text (stmt, 2, as_of_iso);
      while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
        {
          gint64 fund_id = cag_stmt_column_int (stmt, 0);
          Gathered *g = fund_index_lookup (&index, fund_id);

          if (g != NULL)
            g->late = cag_stmt_column_int (stmt, 1);
        }
      cag_stmt_finish (stmt);
      if (rc != CAG_STEP_DONE)
        {
          cag_store_set_error (store, context, error);
          return NULL;
        }
    }

  for (guint i = 0; i < list->len; i++)
    {
      CagFundStatus *status = list->pdata[i];
      Gathered *g = &g_array_index (gathered, Gathered, i);

      if (from_end)
        g->in.saved_cents = g->saved_total - g->after - g->late;
      else
        g->in.saved_cents = g->before + g->month_total - g->late;
      g->in.paid_month_cents = g->month_total - g->late;
      g->in.base_cents = g->in.saved_cents - g->in.paid_month_cents;
      cag_fund_compute (&g->in, as_of, &status->figures);
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

  list = status_by_fund (store, STATUS_COLUMNS STATUS_SUBQUERIES STATUS_FROM "WHERE f.id = ?4",
                         fund_id, 0, as_of, error);
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

static GPtrArray *
store_status_list_snapshot (CagStore      *store,
                            gint64         campaign_id,
                            gint64         org_id,
                            const CagDate *as_of,
                            GError       **error)
{
  g_return_val_if_fail (store != NULL, NULL);

  if (campaign_id > 0 && org_id > 0)
    return status_by_fund (store,
                           STATUS_COLUMNS STATUS_SUBQUERIES STATUS_FROM
                           "WHERE f.organization_id = ?4 AND f.campaign_id = ?5" STATUS_ORDER,
                           org_id, campaign_id, as_of, error);
  if (org_id > 0)
    return status_by_fund (store,
                           STATUS_COLUMNS STATUS_SUBQUERIES STATUS_FROM
                           "WHERE f.organization_id = ?4" STATUS_ORDER,
                           org_id, 0, as_of, error);
  return status_by_scan (store, campaign_id, as_of, error);
}

GPtrArray *
cag_store_status_list (CagStore      *store,
                       gint64         campaign_id,
                       gint64         org_id,
                       const CagDate *as_of,
                       GError       **error)
{
  GPtrArray *result;

  g_return_val_if_fail (store != NULL, NULL);
  if (!cag_store_read_begin (store, error))
    return NULL;
  result = store_status_list_snapshot (store, campaign_id, org_id, as_of, error);
  cag_store_read_end (store);
  return result;
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
      out->saved_cents = cag_money_add_sat (out->saved_cents, f->saved_cents);
      out->matched_cents = cag_money_add_sat (out->matched_cents, f->matched_cents);
      out->target_cents = cag_money_add_sat (out->target_cents, f->target_cents);
      out->delegations_planned += status->delegations;
      if (f->state == CAG_FUND_COMPLETE)
        out->delegations_funded += status->delegations;
      if (f->state == CAG_FUND_BEHIND)
        out->funds_behind++;
      out->monthly_needed_cents = cag_money_add_sat (out->monthly_needed_cents,
                                                     f->monthly_needed_cents);
    }
}

GArray *
cag_store_month_totals (CagStore *store,
                        gint64    fund_id,
                        gint64    campaign_id,
                        GError  **error)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (CagMonthTotal));
  CagStmt *stmt;
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (fund_id > 0 || campaign_id > 0, NULL);

  if (fund_id > 0)
    stmt = cag_store_prepare (store,
                              "SELECT fm.month, fm.total_cents FROM fund f "
                              "CROSS JOIN campaign_month cm ON cm.campaign_id = f.campaign_id "
                              "CROSS JOIN fund_month fm ON fm.month = cm.month "
                              "AND fm.fund_id = f.id "
                              "WHERE f.id = ?1 AND fm.count > 0 ORDER BY cm.month", error);
  else
    stmt = cag_store_prepare (store,
                              "SELECT month, total_cents FROM campaign_month "
                              "WHERE campaign_id = ?1 AND count > 0 ORDER BY month", error);
  if (stmt == NULL)
    return NULL;
  cag_stmt_bind_int (stmt, 1, fund_id > 0 ? fund_id : campaign_id);
  while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
    {
      CagMonthTotal total;

      total.month = cag_stmt_column_int (stmt, 0);
      total.total_cents = cag_stmt_column_int (stmt, 1);
      g_array_append_val (totals, total);
    }
  cag_stmt_finish (stmt);
  if (rc != CAG_STEP_DONE)
    {
      cag_store_set_error (store, _("reading the monthly totals"), error);
      return NULL;
    }
  return g_steal_pointer (&totals);
}

/* Each query returns the first row where a kept total and the recount
 * differ: what, id, month (or -1), kept, recounted. */
static const char *const check_queries[] = {
  "SELECT 'fund', f.id, -1, f.saved_total_cents, coalesce (r.total, 0) FROM fund f "
  "LEFT JOIN (SELECT fund_id, sum(amount_cents) AS total, count(*) AS n FROM contribution "
  "           WHERE voided = 0 GROUP BY fund_id) r ON r.fund_id = f.id "
  "WHERE f.saved_total_cents != coalesce (r.total, 0) "
  "   OR f.contribution_count != coalesce (r.n, 0) LIMIT 1",

  "SELECT 'fund_month', fund_id, month, kept, counted FROM ("
  "  SELECT fund_id, month, sum(kt) AS kept, sum(kn) AS kn, sum(ct) AS counted, sum(cn) AS cn"
  "  FROM (SELECT fund_id, month, total_cents AS kt, count AS kn, 0 AS ct, 0 AS cn"
  "        FROM fund_month"
  "        UNION ALL SELECT fund_id, month, 0, 0, amount_cents, 1 FROM contribution"
  "        WHERE voided = 0) AS u"
  "  GROUP BY fund_id, month) AS t WHERE kept != counted OR kn != cn LIMIT 1",

  "SELECT 'campaign_month', campaign_id, month, kept, counted FROM ("
  "  SELECT campaign_id, month, sum(kt) AS kept, sum(kn) AS kn, sum(ct) AS counted,"
  "  sum(cn) AS cn"
  "  FROM (SELECT campaign_id, month, total_cents AS kt, count AS kn, 0 AS ct, 0 AS cn"
  "        FROM campaign_month"
  "        UNION ALL SELECT f.campaign_id, x.month, 0, 0, x.amount_cents, 1"
  "        FROM contribution x JOIN fund f ON f.id = x.fund_id WHERE x.voided = 0) AS u"
  "  GROUP BY campaign_id, month) AS t WHERE kept != counted OR kn != cn LIMIT 1",
};

static gboolean
store_check_totals_snapshot (CagStore *store,
                             GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (check_queries); i++)
    {
      CagStmt *stmt = cag_store_prepare (store, check_queries[i], error);
      CagStep rc;

      if (stmt == NULL)
        return FALSE;
      rc = cag_stmt_step (store, stmt, NULL, NULL);
      if (rc == CAG_STEP_ROW)
        {
          CagLang lang = cag_i18n_get_language ();
          g_autofree char *kept = cag_money_format (cag_stmt_column_int (stmt, 3), lang);
          g_autofree char *counted = cag_money_format (cag_stmt_column_int (stmt, 4), lang);
          g_autofree char *what = NULL;
          int month = cag_stmt_column_int (stmt, 2);

          if (month >= 0)
            {
              g_autofree char *month_iso = cag_month_to_iso (month);

              what = g_strdup_printf ("%s %" G_GINT64_FORMAT " (%s)",
                                      cag_stmt_column_text (stmt, 0),
                                      (gint64) cag_stmt_column_int (stmt, 1), month_iso);
            }
          else
            what = g_strdup_printf ("%s %" G_GINT64_FORMAT,
                                    cag_stmt_column_text (stmt, 0),
                                    (gint64) cag_stmt_column_int (stmt, 1));
          cag_stmt_finish (stmt);
          g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                       _("The kept totals do not match the contributions: %s keeps %s but the "
                         "contributions add up to %s (or their count differs). Restore the "
                         "database from a backup."),
                       what, kept, counted);
          return FALSE;
        }
      cag_stmt_finish (stmt);
      if (rc != CAG_STEP_DONE)
        return cag_store_set_error (store, _("checking the totals"), error);
    }
  return TRUE;
}

gboolean
cag_store_check_totals (CagStore *store,
                        GError  **error)
{
  gboolean result;

  g_return_val_if_fail (store != NULL, FALSE);
  if (!cag_store_read_begin (store, error))
    return FALSE;
  result = store_check_totals_snapshot (store, error);
  cag_store_read_end (store);
  return result;
}
