/* cag-store-ledger.c — contributions: recording one or a batch, voiding,
 * reading.  Every write updates the kept totals (fund, fund_month,
 * campaign_month) in the same transaction. */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-rules.h"
#include "cag-store-util.h"

/* ---- Contributions ------------------------------------------------------ */

#define CONTRIBUTION_SELECT \
  "SELECT x.id, x.fund_id, x.date, x.amount_cents, x.method, x.reference, x.note, " \
  "x.recorded_at, x.recorded_by, x.voided, x.void_reason, x.voided_at, x.voided_by, " \
  "o.name, c.name " \
  "FROM contribution x JOIN fund f ON f.id = x.fund_id " \
  "JOIN organization o ON o.id = f.organization_id JOIN campaign c ON c.id = f.campaign_id "

#define CONTRIBUTION_SELECT_BY_MONTH \
  "SELECT x.id, x.fund_id, x.date, x.amount_cents, x.method, x.reference, x.note, " \
  "x.recorded_at, x.recorded_by, x.voided, x.void_reason, x.voided_at, x.voided_by, " \
  "o.name, c.name " \
  "FROM fund f CROSS JOIN campaign_month cm ON cm.campaign_id = f.campaign_id " \
  "CROSS JOIN contribution x ON x.month = cm.month AND x.fund_id = f.id " \
  "JOIN organization o ON o.id = f.organization_id JOIN campaign c ON c.id = f.campaign_id "

static CagContribution *
contribution_from_row (CagStmt *stmt)
{
  CagContribution *c = cag_contribution_new ();

  c->id = cag_stmt_column_int (stmt, 0);
  c->fund_id = cag_stmt_column_int (stmt, 1);
  c->date = column_date (stmt, 2);
  c->amount_cents = cag_stmt_column_int (stmt, 3);
  cag_method_from_string (cag_stmt_column_text (stmt, 4), &c->method);
  c->reference = column_dup (stmt, 5);
  c->note = column_dup (stmt, 6);
  c->recorded_at = column_dup (stmt, 7);
  c->recorded_by = column_dup (stmt, 8);
  c->voided = cag_stmt_column_int (stmt, 9) != 0;
  c->void_reason = column_dup (stmt, 10);
  c->voided_at = column_dup (stmt, 11);
  c->voided_by = column_dup (stmt, 12);
  c->organization_name = column_dup (stmt, 13);
  c->campaign_name = column_dup (stmt, 14);
  return c;
}

static gboolean
contribution_validate (const CagContribution *c,
                       GError               **error)
{
  if (c->fund_id <= 0)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The contribution must go to a fund."));
      return FALSE;
    }
  if ((guint) c->method > CAG_METHOD_OTHER)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID, _("Unknown payment method."));
      return FALSE;
    }
  return check_amount (c->amount_cents, FALSE, error)
         && check_date (&c->date, error)
         && check_text (c->reference, MAX_NAME_CHARS, error)
         && check_text (c->note, MAX_TEXT_CHARS, error);
}

/* The campaign of FUND_ID, NOT_FOUND when there is no such fund. */
static gboolean
fund_campaign (CagStore *store,
               gint64    fund_id,
               gint64   *out_campaign_id,
               GError  **error)
{
  g_autoptr(CagStmt) stmt = cag_store_prepare (store, "SELECT campaign_id FROM fund WHERE id = ?1",
                                               error);
  CagStep rc;

  if (stmt == NULL)
    return FALSE;
  cag_stmt_bind_int (stmt, 1, fund_id);
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc == CAG_STEP_ROW)
    {
      *out_campaign_id = cag_stmt_column_int (stmt, 0);
      cag_stmt_finish (stmt);
      return TRUE;
    }
  if (rc == CAG_STEP_DONE)
    {
      g_autofree char *id = id_to_string (fund_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND, _("There is no fund number %s."), id);
      return FALSE;
    }
  return cag_store_set_error (store, _("reading the funds"), error);
}

/* DATE against the start of the campaign CAMPAIGN_ID: a contribution dated
 * before it is refused (docs/RULES.md, "Dates inside the campaign").
 * CAMPAIGNS (id → CagCampaign), when given, keeps the campaigns read. */
static gboolean
check_campaign_date (CagStore      *store,
                     gint64         campaign_id,
                     const CagDate *date,
                     GHashTable    *campaigns,
                     GError       **error)
{
  g_autoptr(CagCampaign) read = NULL;
  CagCampaign *campaign = campaigns != NULL ? g_hash_table_lookup (campaigns, &campaign_id) : NULL;

  if (campaign == NULL)
    {
      read = cag_store_campaign_get (store, campaign_id, error);
      if (read == NULL)
        return FALSE;
      campaign = read;
      if (campaigns != NULL)
        g_hash_table_insert (campaigns, g_memdup2 (&campaign_id, sizeof campaign_id),
                             g_steal_pointer (&read));
    }
  return cag_rules_check_contribution_date (campaign, *date, NULL, error);
}

/* Refuses to add ADDING cents when all the contributions would pass
 * CAG_MONEY_MAX_LEDGER_CENTS (docs/RULES.md, "Overflow"); campaign_month
 * keeps the totals, so this reads a few rows, never the ledger. */
static gboolean
check_ledger_room (CagStore *store,
                   gint64    adding,
                   GError  **error)
{
  g_autoptr(CagStmt) stmt = cag_store_prepare (store, "SELECT coalesce (sum(total_cents), 0) "
                                               "FROM campaign_month", error);
  CagLang lang = cag_i18n_get_language ();
  gint64 total, after;
  CagStep rc;

  if (stmt == NULL)
    return FALSE;
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc != CAG_STEP_ROW)
    return cag_store_set_error (store, _("updating the totals"), error);
  total = cag_stmt_column_int (stmt, 0);
  cag_stmt_finish (stmt);
  if (!cag_money_add_checked (total, adding, &after) || after > CAG_MONEY_MAX_LEDGER_CENTS)
    {
      g_autofree char *max = cag_money_format (CAG_MONEY_MAX_LEDGER_CENTS, lang);
      g_autofree char *now = cag_money_format (total, lang);

      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("Recording this would bring all the contributions to more than %s, the "
                     "most Cagnotte can keep (they come to %s now); check the amounts."),
                   max, now);
      return FALSE;
    }
  return TRUE;
}

static const char fund_total_sql[] =
  "UPDATE fund SET saved_total_cents = saved_total_cents + ?2, "
  "contribution_count = contribution_count + ?3 WHERE id = ?1";
static const char fund_month_sql[] =
  "INSERT INTO fund_month (fund_id, month, total_cents, count) "
  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (fund_id, month) DO UPDATE "
  "SET total_cents = fund_month.total_cents + excluded.total_cents, "
  "count = fund_month.count + excluded.count";
static const char campaign_month_sql[] =
  "INSERT INTO campaign_month (campaign_id, month, total_cents, count) "
  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (campaign_id, month) DO UPDATE "
  "SET total_cents = campaign_month.total_cents + excluded.total_cents, "
  "count = campaign_month.count + excluded.count";

/* Adds AMOUNT and COUNT (negative to take away) to the kept totals. */
static gboolean
apply_totals (CagStore *store,
              gint64    fund_id,
              gint64    campaign_id,
              gint      month,
              gint64    amount,
              gint64    count,
              GError  **error)
{
  const char *context = N_("updating the totals");
  CagStmt *stmt;

  stmt = cag_store_prepare (store, fund_total_sql, error);
  if (stmt == NULL)
    return FALSE;
  cag_stmt_bind_int (stmt, 1, fund_id);
  cag_stmt_bind_int (stmt, 2, amount);
  cag_stmt_bind_int (stmt, 3, count);
  if (!step_done (store, stmt, context, error))
    return FALSE;

  stmt = cag_store_prepare (store, fund_month_sql, error);
  if (stmt == NULL)
    return FALSE;
  cag_stmt_bind_int (stmt, 1, fund_id);
  cag_stmt_bind_int (stmt, 2, month);
  cag_stmt_bind_int (stmt, 3, amount);
  cag_stmt_bind_int (stmt, 4, count);
  if (!step_done (store, stmt, context, error))
    return FALSE;

  stmt = cag_store_prepare (store, campaign_month_sql, error);
  if (stmt == NULL)
    return FALSE;
  cag_stmt_bind_int (stmt, 1, campaign_id);
  cag_stmt_bind_int (stmt, 2, month);
  cag_stmt_bind_int (stmt, 3, amount);
  cag_stmt_bind_int (stmt, 4, count);
  if (!step_done (store, stmt, context, error))
    return FALSE;

  return TRUE;
}

static const char insert_contribution_sql[] =
  "INSERT INTO contribution (fund_id, date, month, amount_cents, method, reference, note, "
  "recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static gboolean
insert_contribution (CagStore              *store,
                     CagStmt          *stmt,
                     const CagContribution *c,
                     const char            *at,
                     GError               **error)
{
  char date[11];

  /* By hand: this runs for every row of a bulk load. */
  date[0] = '0' + c->date.year / 1000 % 10;
  date[1] = '0' + c->date.year / 100 % 10;
  date[2] = '0' + c->date.year / 10 % 10;
  date[3] = '0' + c->date.year % 10;
  date[4] = '-';
  date[5] = '0' + c->date.month / 10;
  date[6] = '0' + c->date.month % 10;
  date[7] = '-';
  date[8] = '0' + c->date.day / 10;
  date[9] = '0' + c->date.day % 10;
  date[10] = '\0';
  cag_stmt_bind_int (stmt, 1, c->fund_id);
  cag_stmt_bind_static (stmt, 2, date, 10);
  cag_stmt_bind_int (stmt, 3, cag_month_index (&c->date));
  cag_stmt_bind_int (stmt, 4, c->amount_cents);
  cag_stmt_bind_text (stmt, 5, cag_method_to_string (c->method));
  if (c->reference != NULL && *c->reference != '\0')
    cag_stmt_bind_text (stmt, 6, c->reference);
  else
    cag_stmt_bind_null (stmt, 6);
  if (c->note != NULL && *c->note != '\0')
    cag_stmt_bind_text (stmt, 7, c->note);
  else
    cag_stmt_bind_null (stmt, 7);
  cag_stmt_bind_text (stmt, 8, at);
  cag_stmt_bind_text (stmt, 9, user_name ());
  return step_done (store, stmt, N_("recording the contribution"), error);
}

static char *
contribution_detail (const CagContribution *c)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *date = cag_date_to_iso (&c->date);

  json_builder_begin_object (builder);
  json_add_int (builder, "fund_id", c->fund_id);
  json_add_string (builder, "date", date);
  json_add_int (builder, "amount_cents", c->amount_cents);
  json_add_string (builder, "method", cag_method_to_string (c->method));
  json_add_string (builder, "reference", c->reference);
  json_builder_end_object (builder);
  return builder_to_json (builder);
}

static void
mark_recorded (CagContribution *c,
               gint64           id,
               const char      *at)
{
  c->id = id;
  g_free (c->recorded_at);
  c->recorded_at = g_strdup (at);
  g_free (c->recorded_by);
  c->recorded_by = g_strdup (user_name ());
  c->voided = FALSE;
}

gboolean
cag_store_contribution_add (CagStore        *store,
                            CagContribution *c,
                            GError         **error)
{
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  CagStmt *stmt;
  gint64 campaign_id = 0, id = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL && c != NULL, FALSE);

  if (!contribution_validate (c, error))
    return FALSE;
  if (!cag_store_begin (store, error))
    return FALSE;

  ok = fund_campaign (store, c->fund_id, &campaign_id, error)
       && check_campaign_date (store, campaign_id, &c->date, NULL, error)
       && check_ledger_room (store, c->amount_cents, error);
  if (ok)
    {
      stmt = cag_store_prepare (store, insert_contribution_sql, error);
      ok = stmt != NULL && insert_contribution (store, stmt, c, at, error);
    }
  if (ok)
    {
      id = cag_store_last_insert_id (store);
      ok = apply_totals (store, c->fund_id, campaign_id, cag_month_index (&c->date),
                         c->amount_cents, 1, error);
    }
  if (ok)
    {
      detail = contribution_detail (c);
      ok = cag_store_audit (store, "contribution.add", "contribution", id, detail, error);
    }
  if (!finish_write (store, ok, error))
    return FALSE;
  mark_recorded (c, id, at);
  return TRUE;
}

/* ---- Bulk writes ---------------------------------------------------------
 *
 * A batch binds many rows per statement ("VALUES (…), (…), …"): per-row
 * statement overhead is most of the cost of a bulk load. */

#define ROWS_PER_STATEMENT 50

typedef void (*BindRow) (CagStmt *stmt,
                         int           first,
                         guint         row,
                         gpointer      data);

/* PREFIX, then ROWS groups of WIDTH "?", then SUFFIX: fixed SQL, never user
 * text. */
static char *
multi_row_sql (const char *prefix,
               guint       width,
               guint       rows,
               const char *suffix)
{
  GString *sql = g_string_new (prefix);

  for (guint r = 0; r < rows; r++)
    {
      g_string_append (sql, r == 0 ? " (" : ", (");
      for (guint c = 0; c < width; c++)
        g_string_append (sql, c == 0 ? "?" : ", ?");
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, suffix);
  return g_string_free (sql, FALSE);
}

/* Writes N_ROWS rows, ROWS_PER_STATEMENT at a time, BIND filling each. */
static gboolean
write_rows (CagStore   *store,
            const char *prefix,
            const char *suffix,
            guint       width,
            guint       n_rows,
            BindRow     bind,
            gpointer    data,
            const char *context,
            GError    **error)
{
  g_autofree char *many_sql = multi_row_sql (prefix, width, ROWS_PER_STATEMENT, suffix);
  g_autofree char *one_sql = multi_row_sql (prefix, width, 1, suffix);
  CagStmt *many = NULL, *one = NULL;
  guint i = 0;

  if (n_rows >= ROWS_PER_STATEMENT && (many = cag_store_prepare (store, many_sql, error)) == NULL)
    return FALSE;
  if (n_rows % ROWS_PER_STATEMENT != 0 && (one = cag_store_prepare (store, one_sql, error)) == NULL)
    return FALSE;

  while (i < n_rows)
    {
      gboolean full = n_rows - i >= ROWS_PER_STATEMENT;
      CagStmt *stmt = full ? many : one;
      guint count = full ? ROWS_PER_STATEMENT : 1;

      for (guint r = 0; r < count; r++)
        bind (stmt, (int) (r * width) + 1, i + r, data);
      if (!step_done (store, stmt, context, error))
        return FALSE;
      i += count;
    }
  return TRUE;
}

typedef struct
{
  gint64 fund_id;
  gint64 campaign_id;
  gint   month;
  gint64 amount;
  gint64 count;
} BatchItem;

static int
batch_item_compare (gconstpointer a,
                    gconstpointer b)
{
  const BatchItem *x = a, *y = b;

  /* fund_month's key order, so that its rows are written in order. */
  if (x->month != y->month)
    return x->month < y->month ? -1 : 1;
  if (x->fund_id != y->fund_id)
    return x->fund_id < y->fund_id ? -1 : 1;
  return 0;
}

typedef struct
{
  GPtrArray  *contributions;
  char      (*dates)[11];
  const char *at;
} ContributionRows;

static void
bind_contribution_row (CagStmt *stmt,
                       int           first,
                       guint         row,
                       gpointer      data)
{
  ContributionRows *rows = data;
  const CagContribution *c = g_ptr_array_index (rows->contributions, row);

  cag_stmt_bind_int (stmt, first, c->fund_id);
  cag_stmt_bind_static (stmt, first + 1, rows->dates[row], 10);
  cag_stmt_bind_int (stmt, first + 2, cag_month_index (&c->date));
  cag_stmt_bind_int (stmt, first + 3, c->amount_cents);
  cag_stmt_bind_static (stmt, first + 4, cag_method_to_string (c->method), -1);
  if (c->reference != NULL && *c->reference != '\0')
    cag_stmt_bind_static (stmt, first + 5, c->reference, -1);
  else
    cag_stmt_bind_null (stmt, first + 5);
  if (c->note != NULL && *c->note != '\0')
    cag_stmt_bind_static (stmt, first + 6, c->note, -1);
  else
    cag_stmt_bind_null (stmt, first + 6);
  cag_stmt_bind_static (stmt, first + 7, rows->at, -1);
  cag_stmt_bind_static (stmt, first + 8, user_name (), -1);
}

/* Items: (month, fund_id, amount, count) for fund_month, or (fund_id,
 * amount, count) for fund, or (campaign_id, month, amount, count). */
static void
bind_fund_month_row (CagStmt *stmt,
                     int           first,
                     guint         row,
                     gpointer      data)
{
  const BatchItem *item = &g_array_index ((GArray *) data, BatchItem, row);

  cag_stmt_bind_int (stmt, first, item->month);
  cag_stmt_bind_int (stmt, first + 1, item->fund_id);
  cag_stmt_bind_int (stmt, first + 2, item->amount);
  cag_stmt_bind_int (stmt, first + 3, item->count);
}

static void
bind_fund_row (CagStmt *stmt,
               int           first,
               guint         row,
               gpointer      data)
{
  const BatchItem *item = &g_array_index ((GArray *) data, BatchItem, row);

  cag_stmt_bind_int (stmt, first, item->fund_id);
  cag_stmt_bind_int (stmt, first + 1, item->amount);
  cag_stmt_bind_int (stmt, first + 2, item->count);
}

static void
bind_campaign_month_row (CagStmt *stmt,
                         int           first,
                         guint         row,
                         gpointer      data)
{
  const BatchItem *item = &g_array_index ((GArray *) data, BatchItem, row);

  cag_stmt_bind_int (stmt, first, item->campaign_id);
  cag_stmt_bind_int (stmt, first + 1, item->month);
  cag_stmt_bind_int (stmt, first + 2, item->amount);
  cag_stmt_bind_int (stmt, first + 3, item->count);
}

/* Sorts ITEMS and merges those equal under COMPARE, adding amounts and
 * counts. */
static void
merge_items (GArray       *items,
             GCompareFunc  compare)
{
  guint out = 0;

  g_array_sort (items, compare);
  for (guint i = 0; i < items->len; i++)
    {
      BatchItem *item = &g_array_index (items, BatchItem, i);

      if (out > 0 && compare (&g_array_index (items, BatchItem, out - 1), item) == 0)
        {
          g_array_index (items, BatchItem, out - 1).amount += item->amount;
          g_array_index (items, BatchItem, out - 1).count += item->count;
        }
      else
        g_array_index (items, BatchItem, out++) = *item;
    }
  g_array_set_size (items, out);
}

static int
fund_item_compare (gconstpointer a,
                   gconstpointer b)
{
  const BatchItem *x = a, *y = b;

  return x->fund_id < y->fund_id ? -1 : x->fund_id > y->fund_id;
}

static int
campaign_item_compare (gconstpointer a,
                       gconstpointer b)
{
  const BatchItem *x = a, *y = b;

  if (x->campaign_id != y->campaign_id)
    return x->campaign_id < y->campaign_id ? -1 : 1;
  return x->month < y->month ? -1 : x->month > y->month;
}

/* Adds the batch's ITEMS (one per contribution) to the kept totals: one
 * row per fund and month, per fund, per campaign and month. */
static gboolean
apply_batch_totals (CagStore *store,
                    GArray   *items,
                    GError  **error)
{
  const char *context = N_("updating the totals");
  g_autoptr(GArray) funds = NULL;
  g_autoptr(GArray) campaigns = NULL;

  merge_items (items, batch_item_compare);
  if (!write_rows (store, "INSERT INTO fund_month (month, fund_id, total_cents, count) VALUES",
                   " ON CONFLICT (month, fund_id) DO UPDATE SET "
                   "total_cents = fund_month.total_cents + excluded.total_cents, "
                   "count = fund_month.count + excluded.count",
                   4, items->len, bind_fund_month_row, items, context, error))
    return FALSE;

  funds = g_array_sized_new (FALSE, FALSE, sizeof (BatchItem), items->len);
  g_array_append_vals (funds, items->data, items->len);
  merge_items (funds, fund_item_compare);
  if (!write_rows (store,
                   /* The casts type the VALUES for a server (docs/SERVER.md). */
                   "UPDATE fund SET saved_total_cents = saved_total_cents "
                   "+ CAST (v.column2 AS BIGINT), contribution_count = contribution_count "
                   "+ CAST (v.column3 AS BIGINT) FROM (VALUES",
                   ") AS v WHERE fund.id = CAST (v.column1 AS BIGINT)",
                   3, funds->len, bind_fund_row, funds, context, error))
    return FALSE;

  campaigns = g_array_sized_new (FALSE, FALSE, sizeof (BatchItem), items->len);
  g_array_append_vals (campaigns, items->data, items->len);
  merge_items (campaigns, campaign_item_compare);
  return write_rows (store,
                     "INSERT INTO campaign_month (campaign_id, month, total_cents, count) VALUES",
                     " ON CONFLICT (campaign_id, month) DO UPDATE SET "
                     "total_cents = campaign_month.total_cents + excluded.total_cents, "
                     "count = campaign_month.count + excluded.count",
                     4, campaigns->len, bind_campaign_month_row, campaigns, context, error);
}

/* Every fund's campaign, for large batches. */
static gboolean
load_fund_campaigns (CagStore   *store,
                     GHashTable *campaigns,
                     GError    **error)
{
  g_autoptr(CagStmt) stmt = cag_store_prepare (store, "SELECT id, campaign_id FROM fund", error);
  CagStep rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
    {
      gint64 id = cag_stmt_column_int (stmt, 0);
      gint64 campaign_id = cag_stmt_column_int (stmt, 1);

      g_hash_table_insert (campaigns, g_memdup2 (&id, sizeof id),
                           g_memdup2 (&campaign_id, sizeof campaign_id));
    }
  if (rc != CAG_STEP_DONE)
    return cag_store_set_error (store, _("reading the funds"), error);
  return TRUE;
}

static void
format_date (const CagDate *date,
             char           out[11])
{
  /* By hand: this runs for every row of a bulk load. */
  out[0] = '0' + date->year / 1000 % 10;
  out[1] = '0' + date->year / 100 % 10;
  out[2] = '0' + date->year / 10 % 10;
  out[3] = '0' + date->year % 10;
  out[4] = '-';
  out[5] = '0' + date->month / 10;
  out[6] = '0' + date->month % 10;
  out[7] = '-';
  out[8] = '0' + date->day / 10;
  out[9] = '0' + date->day % 10;
  out[10] = '\0';
}

/* Checks every row and finds each fund's campaign; sets ITEMS. */
static gboolean
batch_prepare_rows (CagStore  *store,
                    GPtrArray *contributions,
                    GArray    *items,
                    char     (*dates)[11],
                    GError   **error)
{
  g_autoptr(GHashTable) campaigns = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, g_free);
  g_autoptr(GHashTable) campaign_records
    = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                             (GDestroyNotify) cag_campaign_free);

  if (contributions->len >= 64 && !load_fund_campaigns (store, campaigns, error))
    return FALSE;

  for (guint i = 0; i < contributions->len; i++)
    {
      const CagContribution *c = g_ptr_array_index (contributions, i);
      gint64 *campaign_id = g_hash_table_lookup (campaigns, &c->fund_id);
      BatchItem item;

      if (campaign_id == NULL)
        {
          g_autoptr(GError) local = NULL;
          gint64 found = 0;

          if (!fund_campaign (store, c->fund_id, &found, &local))
            {
              g_set_error (error, CAG_ERROR, local->code, _("Row %u: %s"), i + 1, local->message);
              return FALSE;
            }
          campaign_id = g_memdup2 (&found, sizeof found);
          g_hash_table_insert (campaigns, g_memdup2 (&c->fund_id, sizeof (gint64)), campaign_id);
        }
      {
        g_autoptr(GError) local = NULL;

        if (!check_campaign_date (store, *campaign_id, &c->date, campaign_records, &local))
          {
            g_set_error (error, CAG_ERROR, local->code, _("Row %u: %s"), i + 1, local->message);
            return FALSE;
          }
      }
      item.fund_id = c->fund_id;
      item.campaign_id = *campaign_id;
      item.month = cag_month_index (&c->date);
      item.amount = c->amount_cents;
      item.count = 1;
      g_array_append_val (items, item);
      format_date (&c->date, dates[i]);
    }
  return TRUE;
}

gboolean
cag_store_contribution_add_batch (CagStore  *store,
                                  GPtrArray *contributions,
                                  GError   **error)
{
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  g_autofree char (*dates)[11] = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  ContributionRows rows;
  gint64 total = 0, first_id = 0, last_id = 0;
  gboolean ok;
  guint i;

  g_return_val_if_fail (store != NULL && contributions != NULL, FALSE);

  if (contributions->len == 0)
    return TRUE;

  for (i = 0; i < contributions->len; i++)
    {
      g_autoptr(GError) local = NULL;
      const CagContribution *c = g_ptr_array_index (contributions, i);

      if (!contribution_validate (c, &local))
        {
          g_set_error (error, CAG_ERROR, local->code, _("Row %u: %s"), i + 1, local->message);
          return FALSE;
        }
      if (!cag_money_add_checked (total, c->amount_cents, &total))
        total = G_MAXINT64;  /* refused below, by check_ledger_room */
    }

  if (!cag_store_begin (store, error))
    return FALSE;
  if (!check_ledger_room (store, total, error))
    return finish_write (store, FALSE, error);

  items = g_array_sized_new (FALSE, FALSE, sizeof (BatchItem), contributions->len);
  dates = g_malloc (sizeof *dates * contributions->len);
  ok = batch_prepare_rows (store, contributions, items, dates, error);
  if (ok)
    {
      rows.contributions = contributions;
      rows.dates = dates;
      rows.at = at;
      ok = write_rows (store,
                       "INSERT INTO contribution (fund_id, date, month, amount_cents, method, "
                       "reference, note, recorded_at, recorded_by) VALUES", "",
                       9, contributions->len, bind_contribution_row, &rows,
                       N_("recording the contribution"), error);
    }
  if (ok)
    {
      /* Rows inserted by one connection in one transaction get consecutive
       * ids. */
      last_id = cag_store_last_insert_id (store);
      first_id = last_id - contributions->len + 1;
      ok = apply_batch_totals (store, items, error);
    }
  if (ok)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_add_int (builder, "count", contributions->len);
      json_add_int (builder, "first_id", first_id);
      json_add_int (builder, "last_id", last_id);
      json_add_int (builder, "total_cents", total);
      json_builder_end_object (builder);
      detail = builder_to_json (builder);
      ok = cag_store_audit (store, "contribution.add_batch", "contribution", first_id, detail,
                            error);
    }
  if (!finish_write (store, ok, error))
    return FALSE;

  for (i = 0; i < contributions->len; i++)
    mark_recorded (g_ptr_array_index (contributions, i), first_id + i, at);
  return TRUE;
}

gboolean
cag_store_contribution_void (CagStore   *store,
                             gint64      contribution_id,
                             const char *reason,
                             GError    **error)
{
  const char *context = N_("voiding the contribution");
  g_autofree char *clean_reason = clean_optional (reason);
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  g_autofree char *id_text = id_to_string (contribution_id);
  g_autoptr(JsonBuilder) builder = NULL;
  CagStmt *stmt;
  gint64 fund_id = 0, campaign_id = 0, amount = 0;
  gint month = 0;
  gboolean ok;
  CagStep rc;

  g_return_val_if_fail (store != NULL, FALSE);

  if (clean_reason == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Give a reason for voiding the contribution."));
      return FALSE;
    }
  if (!check_text (clean_reason, MAX_TEXT_CHARS, error))
    return FALSE;
  if (!cag_store_begin (store, error))
    return FALSE;

  stmt = cag_store_prepare (store,
                            "SELECT x.fund_id, f.campaign_id, x.month, x.amount_cents, x.voided "
                            "FROM contribution x JOIN fund f ON f.id = x.fund_id WHERE x.id = ?1",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, contribution_id);
      rc = cag_stmt_step (store, stmt, NULL, NULL);
      if (rc == CAG_STEP_ROW)
        {
          fund_id = cag_stmt_column_int (stmt, 0);
          campaign_id = cag_stmt_column_int (stmt, 1);
          month = cag_stmt_column_int (stmt, 2);
          amount = cag_stmt_column_int (stmt, 3);
          if (cag_stmt_column_int (stmt, 4) != 0)
            {
              g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Contribution %s is already void."), id_text);
              ok = FALSE;
            }
        }
      else if (rc == CAG_STEP_DONE)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("There is no contribution number %s."), id_text);
          ok = FALSE;
        }
      else
        ok = cag_store_set_error (store, _(context), error);
      cag_stmt_finish (stmt);
    }
  if (ok)
    {
      stmt = cag_store_prepare (store,
                                "UPDATE contribution SET voided = 1, void_reason = ?2, "
                                "voided_at = ?3, voided_by = ?4 WHERE id = ?1 AND voided = 0",
                                error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, contribution_id);
      bind_text (stmt, 2, clean_reason);
      bind_text (stmt, 3, at);
      bind_text (stmt, 4, user_name ());
      ok = step_done (store, stmt, context, error);
    }
  if (ok)
    ok = apply_totals (store, fund_id, campaign_id, month, -amount, -1, error);
  if (ok)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_add_string (builder, "reason", clean_reason);
      json_add_int (builder, "fund_id", fund_id);
      json_add_int (builder, "amount_cents", amount);
      json_builder_end_object (builder);
      detail = builder_to_json (builder);
      ok = cag_store_audit (store, "contribution.void", "contribution", contribution_id, detail,
                            error);
    }
  return finish_write (store, ok, error);
}

gboolean
cag_store_contribution_void_many (CagStore     *store,
                                  const gint64 *ids,
                                  guint         n,
                                  const char   *reason,
                                  GError      **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (store != NULL && (ids != NULL || n == 0), FALSE);

  if (!cag_store_begin (store, error))
    return FALSE;
  /* Each void is a savepoint inside this one transaction. */
  for (guint i = 0; ok && i < n; i++)
    ok = cag_store_contribution_void (store, ids[i], reason, error);
  return finish_write (store, ok, error);
}

CagContribution *
cag_store_contribution_get (CagStore *store,
                            gint64    contribution_id,
                            GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store, CONTRIBUTION_SELECT "WHERE x.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  cag_stmt_bind_int (stmt, 1, contribution_id);
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc == CAG_STEP_ROW)
    return contribution_from_row (stmt);
  if (rc == CAG_STEP_DONE)
    {
      g_autofree char *id = id_to_string (contribution_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("There is no contribution number %s."), id);
    }
  else
    cag_store_set_error (store, _("reading the contributions"), error);
  return NULL;
}

GPtrArray *
cag_store_contribution_list (CagStore *store,
                             gint64    fund_id,
                             gint64    org_id,
                             GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  /* A fund's contributions are found month by month, through the months of
   * its campaign (see cag-schema.c). */
  if (fund_id > 0)
    stmt = cag_store_prepare (store, CONTRIBUTION_SELECT_BY_MONTH "WHERE f.id = ?1 "
                              "ORDER BY x.date, x.id", error);
  else if (org_id > 0)
    stmt = cag_store_prepare (store, CONTRIBUTION_SELECT_BY_MONTH "WHERE f.organization_id = ?1 "
                              "ORDER BY x.date, x.id", error);
  else
    stmt = cag_store_prepare (store, CONTRIBUTION_SELECT "ORDER BY x.date, x.id", error);
  if (stmt == NULL)
    return NULL;
  if (fund_id > 0 || org_id > 0)
    cag_stmt_bind_int (stmt, 1, fund_id > 0 ? fund_id : org_id);
  while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
    g_ptr_array_add (list, contribution_from_row (stmt));
  if (rc != CAG_STEP_DONE)
    {
      cag_store_set_error (store, _("reading the contributions"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
