/* cag-bench-gen.c — fills a database with N organizations × M months of
 * realistic contributions, for the benchmarks.
 *
 *   cag-bench-gen --db FILE --orgs N --months M [--seed S] [--chunk ROWS]
 *                 [--order month|org] [--sort-chunks]
 *   cag-bench-gen --raw --db FILE --orgs N --months M …
 *
 * Without --raw it goes through the core's own API, in bulk: one campaign
 * spanning M months, cag_store_org_add and cag_store_fund_open per
 * organization, cag_store_contribution_add_batch in chunks, then
 * cag_store_contribution_void for the mistakes.  With --raw it writes the very
 * same rows into a plain SQLite database (CAG_BENCH_RAW_SCHEMA) with the
 * sqlite3 C API, the same way: chunks of rows in one transaction each, then
 * one transaction per void.
 *
 * It prints key=value lines (the runner cag-bench reads them): counts, the
 * time spent in each phase and the process's peak memory.
 */
#include "config.h"

#include <sqlite3.h>

#include "cag-bench-data.h"
#include "cag-error.h"
#include "cag-store.h"

typedef struct
{
  gint64 campaign_id;
  gint64 first_fund_id;
  guint  contributions;
  guint  voided;
  gint64 org_us;
  gint64 fund_us;
  gint64 load_us;     /* inside the bulk calls only */
  gint64 load_cpu_us; /* the same, CPU time */
  gint64 void_us;
  gint64 total_us;
} GenStats;

static gboolean
prefix_error (GError    **error,
              const char *what,
              guint       index)
{
  g_prefix_error (error, "%s %u: ", what, index);
  return FALSE;
}

/* Month, then fund: the order of the store's keys, as an import that sorts
 * its rows by date would give them. */
static gint
compare_month_fund (gconstpointer a,
                    gconstpointer b)
{
  const CagContribution *x = *(CagContribution *const *) a;
  const CagContribution *y = *(CagContribution *const *) b;
  gint mx = cag_month_index (&x->date);
  gint my = cag_month_index (&y->date);

  if (mx != my)
    return mx < my ? -1 : 1;
  return x->fund_id < y->fund_id ? -1 : x->fund_id > y->fund_id;
}

/* The ids of the rows to void, once the batch holding them is saved. */
static void
collect_void_ids (GPtrArray *void_rows,
                  GArray    *void_ids)
{
  for (guint i = 0; i < void_rows->len; i++)
    g_array_append_val (void_ids, ((CagContribution *) g_ptr_array_index (void_rows, i))->id);
  g_ptr_array_set_size (void_rows, 0);
}

/* ---- Through the core ---------------------------------------------------- */

static gboolean
flush_store_batch (CagStore  *store,
                   GPtrArray *batch,
                   GPtrArray *void_rows,
                   GArray    *void_ids,
                   gboolean   sort,
                   GenStats  *stats,
                   GError   **error)
{
  gint64 t0, c0;

  if (batch->len == 0)
    return TRUE;

  if (sort)
    g_ptr_array_sort (batch, compare_month_fund);
  t0 = g_get_monotonic_time ();
  c0 = cag_bench_cpu_us ();
  if (!cag_store_contribution_add_batch (store, batch, error))
    return prefix_error (error, "batch after contribution", stats->contributions);
  stats->load_us += g_get_monotonic_time () - t0;
  stats->load_cpu_us += cag_bench_cpu_us () - c0;

  collect_void_ids (void_rows, void_ids);
  stats->contributions += batch->len;
  g_ptr_array_set_size (batch, 0);
  return TRUE;
}

static gboolean
load_store (CagBenchGen *gen,
            const char  *path,
            guint        chunk,
            gboolean     sort,
            GenStats    *stats,
            GError     **error)
{
  g_autoptr(CagStore) store = NULL;
  g_autoptr(CagCampaign) campaign = cag_bench_gen_campaign (gen);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) void_rows = g_ptr_array_new ();
  g_autoptr(GArray) void_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gint64 *org_ids = NULL;
  g_autofree gint64 *fund_ids = NULL;
  guint n_orgs = cag_bench_gen_n_orgs (gen);
  CagBenchRow row;
  gint64 t0;

  store = cag_store_open (path, error);
  if (store == NULL)
    return FALSE;
  if (!cag_store_campaign_add (store, campaign, error))
    return FALSE;
  stats->campaign_id = campaign->id;

  org_ids = g_new0 (gint64, n_orgs);
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n_orgs; i++)
    {
      g_autoptr(CagOrganization) org = cag_bench_gen_org (gen, i);

      if (!cag_store_org_add (store, org, error))
        return prefix_error (error, "organization", i + 1);
      org_ids[i] = org->id;
    }
  stats->org_us = g_get_monotonic_time () - t0;

  fund_ids = g_new0 (gint64, n_orgs);
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n_orgs; i++)
    {
      g_autoptr(CagFund) fund = cag_fund_new ();

      fund->organization_id = org_ids[i];
      fund->campaign_id = campaign->id;
      fund->delegations = cag_bench_gen_delegations (gen, i);
      if (!cag_store_fund_open (store, fund, error))
        return prefix_error (error, "fund", i + 1);
      fund_ids[i] = fund->id;
    }
  stats->fund_us = g_get_monotonic_time () - t0;
  stats->first_fund_id = fund_ids[0];

  batch = g_ptr_array_new_full (chunk, (GDestroyNotify) cag_contribution_free);
  while (cag_bench_gen_next (gen, &row))
    {
      CagContribution *c = cag_contribution_new ();

      c->fund_id = fund_ids[row.org];
      c->date = row.date;
      c->amount_cents = row.amount_cents;
      c->method = row.method;
      c->reference = g_strdup (row.reference);
      c->note = g_strdup (row.note);
      if (row.to_void)
        g_ptr_array_add (void_rows, c);
      g_ptr_array_add (batch, c);
      if (batch->len >= chunk
          && !flush_store_batch (store, batch, void_rows, void_ids, sort, stats, error))
        return FALSE;
    }
  if (!flush_store_batch (store, batch, void_rows, void_ids, sort, stats, error))
    return FALSE;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < void_ids->len; i++)
    {
      if (!cag_store_contribution_void (store, g_array_index (void_ids, gint64, i),
                                        CAG_BENCH_VOID_REASON, error))
        return prefix_error (error, "void", i + 1);
    }
  stats->void_us = g_get_monotonic_time () - t0;
  stats->voided = void_ids->len;
  return TRUE;
}

/* ---- Raw SQLite ---------------------------------------------------------- */

static gboolean
raw_fail (sqlite3    *db,
          const char *what,
          GError    **error)
{
  g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED, "%s: %s", what,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static gboolean
raw_exec (sqlite3    *db,
          const char *sql,
          GError    **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return raw_fail (db, sql, error);
  return TRUE;
}

static gboolean
flush_raw_batch (sqlite3      *db,
                 sqlite3_stmt *insert,
                 GPtrArray    *batch,
                 GPtrArray    *void_rows,
                 GArray       *void_ids,
                 gboolean      sort,
                 GenStats     *stats,
                 GError      **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GDateTime) dt = NULL;
  gint64 t0, c0;

  if (batch->len == 0)
    return TRUE;

  if (sort)
    g_ptr_array_sort (batch, compare_month_fund);
  t0 = g_get_monotonic_time ();
  c0 = cag_bench_cpu_us ();
  dt = g_date_time_new_now_utc ();
  now = g_date_time_format_iso8601 (dt);
  if (!raw_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < batch->len; i++)
    {
      CagContribution *c = g_ptr_array_index (batch, i);
      char date[16];

      g_snprintf (date, sizeof date, "%04d-%02d-%02d",
                  c->date.year, c->date.month, c->date.day);
      sqlite3_bind_int64 (insert, 1, c->fund_id);
      sqlite3_bind_text (insert, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 3, c->amount_cents);
      sqlite3_bind_text (insert, 4, cag_method_to_string (c->method), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, c->reference, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, c->note, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 7, now, -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          sqlite3_reset (insert);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return raw_fail (db, "inserting a contribution", error);
        }
      sqlite3_reset (insert);
      c->id = sqlite3_last_insert_rowid (db);
    }
  sqlite3_clear_bindings (insert);
  if (!raw_exec (db, "COMMIT", error))
    return FALSE;
  stats->load_us += g_get_monotonic_time () - t0;
  stats->load_cpu_us += cag_bench_cpu_us () - c0;

  collect_void_ids (void_rows, void_ids);
  stats->contributions += batch->len;
  g_ptr_array_set_size (batch, 0);
  return TRUE;
}

static gboolean
load_raw (CagBenchGen *gen,
          const char  *path,
          guint        chunk,
          gboolean     sort,
          GenStats    *stats,
          GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) void_rows = g_ptr_array_new ();
  g_autoptr(GArray) void_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_orgs = cag_bench_gen_n_orgs (gen);
  gboolean ok = FALSE;
  CagBenchRow row;
  gint64 t0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      raw_fail (db, path, error);
      goto out;
    }
  sqlite3_busy_timeout (db, 5000);
  if (!raw_exec (db, CAG_BENCH_RAW_PRAGMAS, error)
      || !raw_exec (db, CAG_BENCH_RAW_SCHEMA, error))
    goto out;

  /* Funds 1 … N, one per organization, as the raw queries expect. */
  t0 = g_get_monotonic_time ();
  if (!raw_exec (db, "BEGIN IMMEDIATE", error))
    goto out;
  if (sqlite3_prepare_v2 (db, "INSERT INTO fund (id, organization) VALUES (?1, ?2)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      raw_fail (db, "preparing", error);
      goto out;
    }
  for (guint i = 0; i < n_orgs; i++)
    {
      g_autoptr(CagOrganization) org = cag_bench_gen_org (gen, i);

      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, org->name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          raw_fail (db, "inserting a fund", error);
          goto out;
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (!raw_exec (db, "COMMIT", error))
    goto out;
  stats->fund_us = g_get_monotonic_time () - t0;
  stats->first_fund_id = 1;

  if (sqlite3_prepare_v2 (db, CAG_BENCH_RAW_INSERT_SQL, -1, &stmt, NULL) != SQLITE_OK)
    {
      raw_fail (db, "preparing", error);
      goto out;
    }
  batch = g_ptr_array_new_full (chunk, (GDestroyNotify) cag_contribution_free);
  while (cag_bench_gen_next (gen, &row))
    {
      CagContribution *c = cag_contribution_new ();

      c->fund_id = row.org + 1;
      c->date = row.date;
      c->amount_cents = row.amount_cents;
      c->method = row.method;
      c->reference = g_strdup (row.reference);
      c->note = g_strdup (row.note);
      if (row.to_void)
        g_ptr_array_add (void_rows, c);
      g_ptr_array_add (batch, c);
      if (batch->len >= chunk
          && !flush_raw_batch (db, stmt, batch, void_rows, void_ids, sort, stats, error))
        goto out;
    }
  if (!flush_raw_batch (db, stmt, batch, void_rows, void_ids, sort, stats, error))
    goto out;
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (sqlite3_prepare_v2 (db, CAG_BENCH_RAW_VOID_SQL, -1, &stmt, NULL) != SQLITE_OK)
    {
      raw_fail (db, "preparing", error);
      goto out;
    }
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < void_ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (void_ids, gint64, i));
      sqlite3_bind_text (stmt, 2, CAG_BENCH_VOID_REASON, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          raw_fail (db, "voiding a contribution", error);
          goto out;
        }
      sqlite3_reset (stmt);
    }
  stats->void_us = g_get_monotonic_time () - t0;
  stats->voided = void_ids->len;
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* ---- Main ---------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CagBenchGen) gen = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *as_of = NULL;
  gint n_orgs = 25;
  gint n_months = 36;
  gint chunk = CAG_BENCH_CHUNK_ROWS;
  gint64 seed = (gint64) CAG_BENCH_DEFAULT_SEED;
  gboolean raw = FALSE;
  gboolean sort = FALSE;
  g_autofree char *order = NULL;
  GenStats stats = { 0 };
  CagDate as_of_date;
  gboolean ok;
  gint64 t0;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database to create", "FILE" },
    { "orgs", 0, 0, G_OPTION_ARG_INT, &n_orgs, "Organizations (default 25)", "N" },
    { "months", 0, 0, G_OPTION_ARG_INT, &n_months, "Months of saving (default 36)", "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Pseudo-random seed", "S" },
    { "chunk", 0, 0, G_OPTION_ARG_INT, &chunk, "Rows per bulk call (default 10000)", "ROWS" },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order,
      "month: each month, every organization (default); org: each organization, its whole "
      "history", "month|org" },
    { "sort-chunks", 0, 0, G_OPTION_ARG_NONE, &sort,
      "Sort each bulk call's rows by month, then fund (as an import sorted by date)", NULL },
    { "raw", 0, 0, G_OPTION_ARG_NONE, &raw, "Plain SQLite database instead of Cagnotte's", NULL },
    { NULL }
  };

  context = g_option_context_new ("- fill a benchmark database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("cag-bench-gen: %s\n", error->message);
      return 1;
    }
  if (db_path == NULL || n_orgs < 1 || n_months < 1 || chunk < 1)
    {
      g_printerr ("cag-bench-gen: --db FILE, --orgs N >= 1, --months M >= 1 and "
                  "--chunk >= 1 are needed\n");
      return 1;
    }
  if (order != NULL && !g_str_equal (order, "month") && !g_str_equal (order, "org"))
    {
      g_printerr ("cag-bench-gen: --order is month or org\n");
      return 1;
    }
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("cag-bench-gen: %s already exists\n", db_path);
      return 1;
    }

  gen = cag_bench_gen_new ((guint) n_orgs, (guint) n_months, (guint64) seed);
  if (order != NULL && g_str_equal (order, "org"))
    cag_bench_gen_set_order (gen, CAG_BENCH_ORDER_ORG);
  t0 = g_get_monotonic_time ();
  if (raw)
    ok = load_raw (gen, db_path, (guint) chunk, sort, &stats, &error);
  else
    ok = load_store (gen, db_path, (guint) chunk, sort, &stats, &error);
  stats.total_us = g_get_monotonic_time () - t0;
  if (!ok)
    {
      g_printerr ("cag-bench-gen: %s\n", error->message);
      return 1;
    }

  as_of_date = cag_bench_gen_as_of (gen);
  as_of = cag_date_to_iso (&as_of_date);
  g_print ("kind=%s\n", raw ? "raw" : "store");
  g_print ("orgs=%d\nmonths=%d\n", n_orgs, n_months);
  g_print ("order=%s\nchunk=%d\nsorted=%s\n", order != NULL ? order : "month", chunk,
           sort ? "yes" : "no");
  g_print ("campaign_id=%" G_GINT64_FORMAT "\n", stats.campaign_id);
  g_print ("first_fund_id=%" G_GINT64_FORMAT "\n", stats.first_fund_id);
  g_print ("as_of=%s\n", as_of);
  g_print ("contributions=%u\nvoided=%u\n", stats.contributions, stats.voided);
  g_print ("org_us=%" G_GINT64_FORMAT "\n", stats.org_us);
  g_print ("fund_us=%" G_GINT64_FORMAT "\n", stats.fund_us);
  g_print ("load_us=%" G_GINT64_FORMAT "\n", stats.load_us);
  g_print ("load_cpu_us=%" G_GINT64_FORMAT "\n", stats.load_cpu_us);
  g_print ("void_us=%" G_GINT64_FORMAT "\n", stats.void_us);
  g_print ("total_us=%" G_GINT64_FORMAT "\n", stats.total_us);
  g_print ("maxrss_kib=%ld\n", cag_bench_maxrss_kib ());
  return 0;
}
