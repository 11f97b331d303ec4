/* cag-bench.c — the benchmark runner.
 *
 *   cag-bench --dir DIR [--sizes 25x36,1000x120,10000x120] [--repeat R]
 *
 * For each size it has cag-bench-gen fill two databases with the same rows —
 * Cagnotte's, through the core's API, and a plain SQLite one — then measures,
 * each time in a fresh child process (so that neither the load nor an earlier
 * measurement counts in the peak memory):
 *
 *   - bulk load rate (rows/s, inside cag_store_contribution_add_batch, in
 *     chunks of CAG_BENCH_CHUNK_ROWS), in two orders: month after month with
 *     every organization each month (as a network records them over the
 *     years; the database measured below is this one), and organization after
 *     organization with its whole history (as a treasurer enters past years
 *     after the fact; loaded into a second database, deleted at once);
 *   - open + status of every fund of the campaign (cag_store_open +
 *     cag_store_status_list), median of R runs (9; the raw aggregate: 3 at
 *     the large sizes);
 *   - status of one organization (cag_store_fund_status), median of a few
 *     hundred calls on random funds;
 *   - recording one contribution (cag_store_contribution_add), median of a few
 *     hundred;
 *   - peak memory (getrusage ru_maxrss), the largest of those children;
 *
 * each beside the same work done on the plain database with the sqlite3 C API
 * (a plain indexed SUM … GROUP BY fund_id), as a ratio Cagnotte / raw.  It
 * also checks that Cagnotte's saved totals equal the raw aggregate.  At
 * 10,000 × 120 it prints PASS or FAIL for each target and exits 1 on a FAIL.
 *
 *   cag-bench --child KIND --db FILE …   (internal: one measurement)
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cag-bench-data.h"
#include "cag-error.h"
#include "cag-store.h"

#define TARGET_ORGS        10000
#define TARGET_MONTHS      120
#define TARGET_ALL_MS      100.0
#define TARGET_ONE_MS      10.0
#define TARGET_ADD_MS      5.0
#define TARGET_LOAD_RPS    100000.0
#define TARGET_MEM_MB      120.0

#define DEFAULT_SIZES      "25x36,1000x120,10000x120"
#define SAMPLES_ONE        201
#define SAMPLES_ADD        301

typedef struct
{
  guint   orgs;
  guint   months;
  /* Results, Cagnotte then raw. */
  guint   contributions;
  guint   voided;
  double  load_rps[2];
  double  load_s[2];
  double  load_cpu_rps[2];  /* rows per CPU second */
  double  load_org_rps[2];
  double  load_org_s[2];
  double  all_cpu_ms[2];
  double  setup_s[2];      /* organizations, funds and voids */
  double  all_ms[2];
  double  one_ms[2];
  double  add_ms[2];
  double  add_p90_ms[2];
  double  mem_mb[2];
  double  load_mem_mb[2];
  gboolean totals_match;
  char   *totals_note;
} SizeResult;

/* ---- Small helpers ------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Sorts VALUES and returns the value at FRACTION (0.5: the median). */
static double
quantile (double *values,
          guint   n,
          double  fraction)
{
  guint i;

  if (n == 0)
    return 0.0;
  qsort (values, n, sizeof (double), compare_doubles);
  i = (guint) (fraction * (n - 1) + 0.5);
  return values[MIN (i, n - 1)];
}

static gboolean
parse_size (const char *text,
            guint      *orgs,
            guint      *months)
{
  guint64 a, b;
  char *end;

  a = g_ascii_strtoull (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  b = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != '\0' || a == 0 || b == 0 || a > 1000000 || b > 1200)
    return FALSE;
  *orgs = (guint) a;
  *months = (guint) b;
  return TRUE;
}

static GHashTable *
parse_kv (const char *text)
{
  GHashTable *kv = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *eq = strchr (lines[i], '=');

      if (eq != NULL)
        g_hash_table_insert (kv, g_strndup (lines[i], eq - lines[i]), g_strdup (eq + 1));
    }
  return kv;
}

static gboolean
kv_double (GHashTable *kv,
           const char *key,
           double     *out,
           GError    **error)
{
  const char *value = g_hash_table_lookup (kv, key);
  char *end;

  if (value == NULL)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED, "child printed no %s", key);
      return FALSE;
    }
  *out = g_ascii_strtod (value, &end);
  if (end == value)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED, "bad %s: %s", key, value);
      return FALSE;
    }
  return TRUE;
}

/* Runs ARGV, returns what it printed as key=value pairs. */
static GHashTable *
run_child (const char *const *argv,
           GError           **error)
{
  g_autofree char *out = NULL;
  gint status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, error))
    return NULL;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s %s: ", argv[0], argv[1]);
      return NULL;
    }
  return parse_kv (out);
}

static char *
self_path (void)
{
  char *path = g_file_read_link ("/proc/self/exe", NULL);

  return path != NULL ? path : g_strdup ("cag-bench");
}

static char *
cpu_model (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/cpuinfo", &text, NULL, NULL))
    return g_strdup ("unknown CPU");
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "model name"))
        {
          const char *colon = strchr (lines[i], ':');

          if (colon != NULL)
            return g_strstrip (g_strdup (colon + 1));
        }
    }
  return g_strdup ("unknown CPU");
}

/* The 1-minute load average, as text ("?" when unknown). */
static char *
load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  fields = g_strsplit (text, " ", 2);
  return g_strdup (fields[0] != NULL ? fields[0] : "?");
}

/* ---- Children: one measurement each -------------------------------------- */

static void
print_rss (void)
{
  g_print ("maxrss_kib=%ld\n", cag_bench_maxrss_kib ());
}

static void
print_samples (double *us,
               guint   n,
               double  first_us)
{
  g_print ("first_us=%.1f\n", first_us);
  g_print ("median_us=%.1f\n", quantile (us, n, 0.5));
  g_print ("p90_us=%.1f\n", quantile (us, n, 0.9));
}

static GArray *
store_fund_ids (CagStore *store,
                gint64    campaign_id,
                GError  **error)
{
  g_autoptr(GPtrArray) funds = cag_store_fund_list (store, campaign_id, 0, error);
  GArray *ids;

  if (funds == NULL)
    return NULL;
  if (funds->len == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND, "the campaign has no fund");
      return NULL;
    }
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), funds->len);
  for (guint i = 0; i < funds->len; i++)
    g_array_append_val (ids, ((CagFund *) g_ptr_array_index (funds, i))->id);
  return ids;
}

static gboolean
child_status_all (const char    *db,
                  gint64         campaign_id,
                  const CagDate *as_of,
                  GError       **error)
{
  g_autoptr(CagStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 c0 = cag_bench_cpu_us ();
  gint64 t0 = g_get_monotonic_time ();
  gint64 saved = 0;

  store = cag_store_open (db, error);
  if (store == NULL)
    return FALSE;
  list = cag_store_status_list (store, campaign_id, 0, as_of, error);
  if (list == NULL)
    return FALSE;
  g_print ("us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time () - t0);
  g_print ("cpu_us=%" G_GINT64_FORMAT "\n", cag_bench_cpu_us () - c0);

  for (guint i = 0; i < list->len; i++)
    saved += ((CagFundStatus *) g_ptr_array_index (list, i))->figures.saved_cents;
  g_print ("funds=%u\nsaved_cents=%" G_GINT64_FORMAT "\n", list->len, saved);
  print_rss ();
  return TRUE;
}

static gboolean
child_status_one (const char    *db,
                  gint64         campaign_id,
                  const CagDate *as_of,
                  guint          samples,
                  GError       **error)
{
  g_autoptr(CagStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree double *us = g_new0 (double, samples);
  double first_us = 0.0;

  store = cag_store_open (db, error);
  if (store == NULL)
    return FALSE;
  ids = store_fund_ids (store, campaign_id, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < samples; i++)
    {
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, (gint32) ids->len));
      g_autoptr(CagFundStatus) status = NULL;
      gint64 t0 = g_get_monotonic_time ();

      status = cag_store_fund_status (store, id, as_of, error);
      us[i] = (double) (g_get_monotonic_time () - t0);
      if (status == NULL)
        return FALSE;
      if (i == 0)
        first_us = us[0];
    }
  print_samples (us, samples, first_us);
  print_rss ();
  return TRUE;
}

static gboolean
child_add_one (const char    *db,
               gint64         campaign_id,
               const CagDate *as_of,
               guint          samples,
               GError       **error)
{
  g_autoptr(CagStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (43);
  g_autofree double *us = g_new0 (double, samples);
  double first_us = 0.0;

  store = cag_store_open (db, error);
  if (store == NULL)
    return FALSE;
  ids = store_fund_ids (store, campaign_id, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < samples; i++)
    {
      g_autoptr(CagContribution) c = cag_contribution_new ();
      gint64 t0;

      c->fund_id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, (gint32) ids->len));
      c->date = *as_of;
      c->amount_cents = g_rand_int_range (rand, 10, 500) * 100;
      c->method = CAG_METHOD_CHEQUE;
      c->reference = g_strdup_printf ("%06u", 500000 + i);
      t0 = g_get_monotonic_time ();
      if (!cag_store_contribution_add (store, c, error))
        return FALSE;
      us[i] = (double) (g_get_monotonic_time () - t0);
      if (i == 0)
        first_us = us[0];
    }
  print_samples (us, samples, first_us);
  print_rss ();
  return TRUE;
}

static gboolean
raw_fail (sqlite3    *db,
          const char *what,
          GError    **error)
{
  g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED, "%s: %s", what,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static sqlite3 *
raw_open (const char *path,
          GError    **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      raw_fail (db, path, error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, CAG_BENCH_RAW_PRAGMAS, NULL, NULL, NULL) != SQLITE_OK)
    {
      raw_fail (db, "setting up the connection", error);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gboolean
child_raw_all (const char *path,
               const char *as_of,
               GError    **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 c0 = cag_bench_cpu_us ();
  gint64 t0 = g_get_monotonic_time ();
  gint64 saved = 0;
  guint funds = 0;
  gboolean ok = FALSE;
  int rc;

  db = raw_open (path, error);
  if (db == NULL)
    return FALSE;
  if (sqlite3_prepare_v2 (db, CAG_BENCH_RAW_ALL_SQL, -1, &stmt, NULL) != SQLITE_OK)
    {
      raw_fail (db, "preparing", error);
      goto out;
    }
  sqlite3_bind_text (stmt, 1, as_of, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      saved += sqlite3_column_int64 (stmt, 1);
      funds++;
    }
  if (rc != SQLITE_DONE)
    {
      raw_fail (db, "aggregating", error);
      goto out;
    }
  g_print ("us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time () - t0);
  g_print ("cpu_us=%" G_GINT64_FORMAT "\n", cag_bench_cpu_us () - c0);
  g_print ("funds=%u\nsaved_cents=%" G_GINT64_FORMAT "\n", funds, saved);
  print_rss ();
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static gboolean
child_raw_one (const char *path,
               const char *as_of,
               guint       orgs,
               guint       samples,
               GError    **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree double *us = g_new0 (double, samples);
  double first_us = 0.0;
  gboolean ok = FALSE;

  db = raw_open (path, error);
  if (db == NULL)
    return FALSE;
  for (guint i = 0; i < samples; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      /* The first call prepares, as a store does on its first query. */
      if (stmt == NULL
          && sqlite3_prepare_v2 (db, CAG_BENCH_RAW_ONE_SQL, -1, &stmt, NULL) != SQLITE_OK)
        {
          raw_fail (db, "preparing", error);
          goto out;
        }
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, (gint32) orgs + 1));
      sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          raw_fail (db, "aggregating", error);
          goto out;
        }
      (void) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      us[i] = (double) (g_get_monotonic_time () - t0);
      if (i == 0)
        first_us = us[0];
    }
  print_samples (us, samples, first_us);
  print_rss ();
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static gboolean
child_raw_add (const char *path,
               const char *as_of,
               guint       orgs,
               guint       samples,
               GError    **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (43);
  g_autofree double *us = g_new0 (double, samples);
  double first_us = 0.0;
  gboolean ok = FALSE;

  db = raw_open (path, error);
  if (db == NULL)
    return FALSE;
  for (guint i = 0; i < samples; i++)
    {
      g_autofree char *reference = g_strdup_printf ("%06u", 500000 + i);
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *now = NULL;
      gint64 t0 = g_get_monotonic_time ();

      if (stmt == NULL
          && sqlite3_prepare_v2 (db, CAG_BENCH_RAW_INSERT_SQL, -1, &stmt, NULL) != SQLITE_OK)
        {
          raw_fail (db, "preparing", error);
          goto out;
        }
      dt = g_date_time_new_now_utc ();
      now = g_date_time_format_iso8601 (dt);
      /* Autocommit: one transaction per contribution, as the store does. */
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, (gint32) orgs + 1));
      sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_rand_int_range (rand, 10, 500) * 100);
      sqlite3_bind_text (stmt, 4, "cheque", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, reference, -1, SQLITE_STATIC);
      sqlite3_bind_null (stmt, 6);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          raw_fail (db, "inserting", error);
          goto out;
        }
      sqlite3_reset (stmt);
      us[i] = (double) (g_get_monotonic_time () - t0);
      if (i == 0)
        first_us = us[0];
    }
  print_samples (us, samples, first_us);
  print_rss ();
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static int
run_as_child (const char *kind,
              const char *db,
              gint64      campaign_id,
              const char *as_of_text,
              guint       orgs)
{
  g_autoptr(GError) error = NULL;
  CagDate as_of;
  gboolean ok;

  if (db == NULL || as_of_text == NULL
      || !cag_date_parse_iso (as_of_text, &as_of, &error))
    {
      g_printerr ("cag-bench --child %s: %s\n", kind,
                  error != NULL ? error->message : "--db and --as-of are needed");
      return 1;
    }

  if (g_str_equal (kind, "status-all"))
    ok = child_status_all (db, campaign_id, &as_of, &error);
  else if (g_str_equal (kind, "status-one"))
    ok = child_status_one (db, campaign_id, &as_of, SAMPLES_ONE, &error);
  else if (g_str_equal (kind, "add-one"))
    ok = child_add_one (db, campaign_id, &as_of, SAMPLES_ADD, &error);
  else if (g_str_equal (kind, "raw-all"))
    ok = child_raw_all (db, as_of_text, &error);
  else if (g_str_equal (kind, "raw-one"))
    ok = child_raw_one (db, as_of_text, orgs, SAMPLES_ONE, &error);
  else if (g_str_equal (kind, "raw-add"))
    ok = child_raw_add (db, as_of_text, orgs, SAMPLES_ADD, &error);
  else
    {
      g_printerr ("cag-bench: unknown child kind %s\n", kind);
      return 1;
    }
  if (!ok)
    {
      g_printerr ("cag-bench --child %s: %s\n", kind, error->message);
      return 1;
    }
  return 0;
}

/* ---- Parent: one size ---------------------------------------------------- */

typedef struct
{
  char   *self;
  char   *gen;
  char   *dir;
  guint   repeat;
} Runner;

static GHashTable *
run_measure (Runner     *runner,
             const char *kind,
             const char *db,
             const char *campaign_id,
             const char *as_of,
             guint       orgs,
             GError    **error)
{
  g_autofree char *orgs_text = g_strdup_printf ("%u", orgs);
  const char *argv[] = {
    runner->self, "--child", kind, "--db", db, "--campaign", campaign_id,
    "--as-of", as_of, "--orgs", orgs_text, NULL
  };

  return run_child (argv, error);
}

/* Median time and CPU time (ms) of REPEAT fresh children running KIND, and
 * their peak memory; fills FUNDS and SAVED from the last one. */
static gboolean
measure_all (Runner     *runner,
             const char *kind,
             const char *db,
             const char *campaign_id,
             const char *as_of,
             guint       orgs,
             guint       repeat,
             double     *out_ms,
             double     *out_cpu_ms,
             double     *out_rss_kib,
             double     *out_funds,
             double     *out_saved,
             GError    **error)
{
  g_autofree double *ms = g_new0 (double, repeat);
  g_autofree double *cpu_ms = g_new0 (double, repeat);

  for (guint i = 0; i < repeat; i++)
    {
      g_autoptr(GHashTable) kv = run_measure (runner, kind, db, campaign_id, as_of,
                                              orgs, error);
      double us, cpu_us, rss;

      if (kv == NULL
          || !kv_double (kv, "us", &us, error)
          || !kv_double (kv, "cpu_us", &cpu_us, error)
          || !kv_double (kv, "maxrss_kib", &rss, error)
          || !kv_double (kv, "funds", out_funds, error)
          || !kv_double (kv, "saved_cents", out_saved, error))
        return FALSE;
      ms[i] = us / 1000.0;
      cpu_ms[i] = cpu_us / 1000.0;
      *out_rss_kib = MAX (*out_rss_kib, rss);
    }
  *out_ms = quantile (ms, repeat, 0.5);
  *out_cpu_ms = quantile (cpu_ms, repeat, 0.5);
  return TRUE;
}

static gboolean
measure_samples (Runner     *runner,
                 const char *kind,
                 const char *db,
                 const char *campaign_id,
                 const char *as_of,
                 guint       orgs,
                 double     *out_median_ms,
                 double     *out_p90_ms,
                 double     *out_rss_kib,
                 GError    **error)
{
  g_autoptr(GHashTable) kv = run_measure (runner, kind, db, campaign_id, as_of, orgs, error);
  double median, p90, rss;

  if (kv == NULL
      || !kv_double (kv, "median_us", &median, error)
      || !kv_double (kv, "p90_us", &p90, error)
      || !kv_double (kv, "maxrss_kib", &rss, error))
    return FALSE;
  *out_median_ms = median / 1000.0;
  if (out_p90_ms != NULL)
    *out_p90_ms = p90 / 1000.0;
  *out_rss_kib = MAX (*out_rss_kib, rss);
  return TRUE;
}

static GHashTable *
generate (Runner     *runner,
          gboolean    raw,
          const char *order,
          const char *db,
          guint       orgs,
          guint       months,
          GError    **error)
{
  g_autofree char *orgs_text = g_strdup_printf ("%u", orgs);
  g_autofree char *months_text = g_strdup_printf ("%u", months);
  const char *argv[] = {
    runner->gen, "--db", db, "--orgs", orgs_text, "--months", months_text,
    "--order", order, raw ? "--raw" : NULL, NULL
  };

  return run_child (argv, error);
}

/* Deletes DB and its WAL files; missing files are fine. */
static gboolean
remove_db (const char *db,
           GError    **error)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, CAG_ERROR, CAG_ERROR_IO, "deleting %s: %s", path,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
run_size (Runner     *runner,
          SizeResult *res,
          GError    **error)
{
  g_autofree char *store_db = NULL;
  g_autofree char *raw_db = NULL;
  g_autoptr(GHashTable) store_kv = NULL;
  g_autoptr(GHashTable) raw_kv = NULL;
  const char *campaign_id, *as_of;
  const char *raw_campaign = "0";
  double n[2], v[2], load_us[2], load_cpu_us[2], org_us[2], fund_us[2], void_us[2], rss;
  double funds[2] = { 0, 0 }, saved[2] = { 0, 0 }, rss_kib[2] = { 0, 0 };
  guint raw_repeat;

  store_db = g_strdup_printf ("%s/cagnotte-%ux%u.db", runner->dir, res->orgs, res->months);
  raw_db = g_strdup_printf ("%s/raw-%ux%u.db", runner->dir, res->orgs, res->months);

  /* Organization by organization first, into databases deleted at once:
   * only the load rate counts. */
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *db = g_strdup_printf ("%s/%s-by-org-%ux%u.db", runner->dir,
                                             k == 0 ? "cagnotte" : "raw", res->orgs, res->months);
      g_autoptr(GHashTable) kv = NULL;
      double rows, us;

      g_printerr ("%u x %u: loading the %s database organization by organization...\n",
                  res->orgs, res->months, k == 0 ? "Cagnotte" : "raw SQLite");
      kv = generate (runner, k == 1, "org", db, res->orgs, res->months, error);
      if (!remove_db (db, error)
          || kv == NULL
          || !kv_double (kv, "contributions", &rows, error)
          || !kv_double (kv, "load_us", &us, error))
        return FALSE;
      res->load_org_s[k] = us / 1e6;
      res->load_org_rps[k] = us > 0 ? rows / res->load_org_s[k] : 0.0;
    }

  g_printerr ("%u x %u: loading the Cagnotte database month by month...\n",
              res->orgs, res->months);
  store_kv = generate (runner, FALSE, "month", store_db, res->orgs, res->months, error);
  if (store_kv == NULL)
    return FALSE;
  g_printerr ("%u x %u: loading the raw SQLite database month by month...\n",
              res->orgs, res->months);
  raw_kv = generate (runner, TRUE, "month", raw_db, res->orgs, res->months, error);
  if (raw_kv == NULL)
    return FALSE;

  for (guint k = 0; k < 2; k++)
    {
      GHashTable *kv = k == 0 ? store_kv : raw_kv;

      if (!kv_double (kv, "contributions", &n[k], error)
          || !kv_double (kv, "voided", &v[k], error)
          || !kv_double (kv, "load_us", &load_us[k], error)
          || !kv_double (kv, "load_cpu_us", &load_cpu_us[k], error)
          || !kv_double (kv, "org_us", &org_us[k], error)
          || !kv_double (kv, "fund_us", &fund_us[k], error)
          || !kv_double (kv, "void_us", &void_us[k], error)
          || !kv_double (kv, "maxrss_kib", &rss, error))
        return FALSE;
      res->load_s[k] = load_us[k] / 1e6;
      res->load_rps[k] = load_us[k] > 0 ? n[k] / res->load_s[k] : 0.0;
      res->load_cpu_rps[k] = load_cpu_us[k] > 0 ? n[k] / (load_cpu_us[k] / 1e6) : 0.0;
      res->setup_s[k] = (org_us[k] + fund_us[k] + void_us[k]) / 1e6;
      res->load_mem_mb[k] = rss / 1024.0;
    }
  if (n[0] != n[1] || v[0] != v[1])
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED,
                   "the two databases differ: %.0f/%.0f contributions, %.0f/%.0f voided",
                   n[0], n[1], v[0], v[1]);
      return FALSE;
    }
  res->contributions = (guint) n[0];
  res->voided = (guint) v[0];

  campaign_id = g_hash_table_lookup (store_kv, "campaign_id");
  as_of = g_hash_table_lookup (store_kv, "as_of");
  if (campaign_id == NULL || as_of == NULL)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED, "cag-bench-gen printed no campaign");
      return FALSE;
    }

  /* The raw aggregate takes seconds on the large sizes: fewer runs. */
  raw_repeat = res->contributions > 200000 ? MIN (runner->repeat, 3) : runner->repeat;

  g_printerr ("%u x %u: measuring...\n", res->orgs, res->months);
  if (!measure_all (runner, "status-all", store_db, campaign_id, as_of, res->orgs,
                    runner->repeat, &res->all_ms[0], &res->all_cpu_ms[0], &rss_kib[0],
                    &funds[0], &saved[0],
                    error)
      || !measure_all (runner, "raw-all", raw_db, raw_campaign, as_of, res->orgs,
                       raw_repeat, &res->all_ms[1], &res->all_cpu_ms[1], &rss_kib[1],
                       &funds[1], &saved[1],
                       error)
      || !measure_samples (runner, "status-one", store_db, campaign_id, as_of, res->orgs,
                           &res->one_ms[0], NULL, &rss_kib[0], error)
      || !measure_samples (runner, "raw-one", raw_db, raw_campaign, as_of, res->orgs,
                           &res->one_ms[1], NULL, &rss_kib[1], error)
      /* Last: these add rows. */
      || !measure_samples (runner, "add-one", store_db, campaign_id, as_of, res->orgs,
                           &res->add_ms[0], &res->add_p90_ms[0], &rss_kib[0], error)
      || !measure_samples (runner, "raw-add", raw_db, raw_campaign, as_of, res->orgs,
                           &res->add_ms[1], &res->add_p90_ms[1], &rss_kib[1], error))
    return FALSE;
  res->mem_mb[0] = rss_kib[0] / 1024.0;
  res->mem_mb[1] = rss_kib[1] / 1024.0;

  /* The raw aggregate has no row for a fund with nothing saved. */
  res->totals_match = saved[0] == saved[1] && funds[0] == res->orgs && funds[1] <= funds[0];
  res->totals_note = g_strdup_printf ("Cagnotte %.0f funds, %.0f cents saved; "
                                      "raw %.0f funds, %.0f cents",
                                      funds[0], saved[0], funds[1], saved[1]);
  return TRUE;
}

/* ---- Report -------------------------------------------------------------- */

static void
print_row (const char *size,
           const char *what,
           int         decimals,
           double      cagnotte,
           double      raw)
{
  g_autofree char *a = g_strdup_printf ("%.*f", decimals, cagnotte);
  g_autofree char *b = g_strdup_printf ("%.*f", decimals, raw);
  g_autofree char *r = raw > 0 ? g_strdup_printf ("%.3g", cagnotte / raw) : g_strdup ("-");

  g_print ("%-11s %-37s %14s %14s %9s\n", size, what, a, b, r);
}

static void
print_result (const SizeResult *res)
{
  g_autofree char *size = g_strdup_printf ("%ux%u", res->orgs, res->months);

  print_row (size, "bulk load, month by month (rows/s)", 0, res->load_rps[0], res->load_rps[1]);
  print_row ("", "  (rows per CPU second)", 0, res->load_cpu_rps[0], res->load_cpu_rps[1]);
  print_row ("", "bulk load, org by org (rows/s)", 0, res->load_org_rps[0],
             res->load_org_rps[1]);
  print_row ("", "open + status, every fund (ms)", 2, res->all_ms[0], res->all_ms[1]);
  print_row ("", "  (CPU time, ms)", 2, res->all_cpu_ms[0], res->all_cpu_ms[1]);
  print_row ("", "status, one organization (ms)", 3, res->one_ms[0], res->one_ms[1]);
  print_row ("", "record one contribution (ms)", 3, res->add_ms[0], res->add_ms[1]);
  print_row ("", "  (90th percentile, ms)", 3, res->add_p90_ms[0], res->add_p90_ms[1]);
  print_row ("", "peak memory, queries (MiB)", 1, res->mem_mb[0], res->mem_mb[1]);
  print_row ("", "peak memory, load (MiB)", 1, res->load_mem_mb[0], res->load_mem_mb[1]);
  print_row ("", "load month by month: bulk calls (s)", 2, res->load_s[0], res->load_s[1]);
  print_row ("", "load org by org: bulk calls (s)", 2, res->load_org_s[0], res->load_org_s[1]);
  print_row ("", "load: orgs, funds, voids (s)", 2, res->setup_s[0], res->setup_s[1]);
  g_print ("%-11s %u contributions, %u voided; totals %s (%s)\n", "",
           res->contributions, res->voided,
           res->totals_match ? "match" : "DIFFER", res->totals_note);
}

static gboolean
check_target (const char *what,
              double      value,
              double      limit,
              gboolean    at_least,
              const char *unit)
{
  gboolean pass = at_least ? value >= limit : value <= limit;

  g_print ("%-4s %-36s %12.3f %s (target %s %g)\n", pass ? "PASS" : "FAIL", what, value,
           unit, at_least ? ">=" : "<=", limit);
  return pass;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *sizes = NULL;
  g_autofree char *child = NULL;
  g_autofree char *db = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *self = NULL;
  g_autofree char *self_dir = NULL;
  g_autofree char *gen = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *load_start = NULL;
  g_autofree char *load_end = NULL;
  g_auto(GStrv) size_list = NULL;
  g_autoptr(GArray) results = NULL;
  gint64 campaign_id = 0;
  gint orgs = 0;
  gint repeat = 9;
  gboolean targets_run = FALSE;
  gboolean all_pass = TRUE;
  Runner runner;
  const GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Folder for the generated databases", "DIR" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Sizes (default " DEFAULT_SIZES ")", "NxM,..." },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs of the all-funds status (default 9)", "R" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child, NULL, NULL },
    { "db", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &db, NULL, NULL },
    { "campaign", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &campaign_id, NULL, NULL },
    { "as-of", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &as_of, NULL, NULL },
    { "orgs", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &orgs, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new ("- Cagnotte benchmarks");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("cag-bench: %s\n", error->message);
      return 2;
    }

  if (child != NULL)
    return run_as_child (child, db, campaign_id, as_of, (guint) MAX (orgs, 1));

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR) || repeat < 1)
    {
      g_printerr ("cag-bench: --dir must name an existing folder (bench/run makes one)\n");
      return 2;
    }

  self = self_path ();
  self_dir = g_path_get_dirname (self);
  gen = g_getenv ("CAG_BENCH_GEN") != NULL
        ? g_strdup (g_getenv ("CAG_BENCH_GEN"))
        : g_build_filename (self_dir, "cag-bench-gen", NULL);
  runner.self = self;
  runner.gen = gen;
  runner.dir = dir;
  runner.repeat = (guint) repeat;

  load_start = load_average ();
  size_list = g_strsplit (sizes != NULL ? sizes : DEFAULT_SIZES, ",", -1);
  results = g_array_new (FALSE, TRUE, sizeof (SizeResult));
  for (guint i = 0; size_list[i] != NULL; i++)
    {
      SizeResult res = { 0 };

      if (!parse_size (size_list[i], &res.orgs, &res.months))
        {
          g_printerr ("cag-bench: bad size %s (want NxM)\n", size_list[i]);
          return 2;
        }
      if (!run_size (&runner, &res, &error))
        {
          g_printerr ("cag-bench: %u x %u: %s\n", res.orgs, res.months, error->message);
          return 1;
        }
      g_array_append_val (results, res);
    }

  load_end = load_average ();
  cpu = cpu_model ();
  g_print ("\nCagnotte benchmarks - %u CPUs (%s), SQLite %s; load average %s at the start, "
           "%s at the end\n", g_get_num_processors (), cpu, sqlite3_libversion (),
           load_start, load_end);
  g_print ("bulk load: cag_store_contribution_add_batch with %d rows a call; the queries run on "
           "the database loaded month by month\n", CAG_BENCH_CHUNK_ROWS);
  g_print ("ratio = Cagnotte / raw sqlite3 (times: below 1 is faster; rate: above 1 is faster)\n\n");
  g_print ("%-11s %-37s %14s %14s %9s\n", "size", "measure", "cagnotte", "raw sqlite3", "ratio");
  for (guint i = 0; i < results->len; i++)
    {
      SizeResult *res = &g_array_index (results, SizeResult, i);

      print_result (res);
      if (!res->totals_match)
        all_pass = FALSE;
    }

  g_print ("\n");
  for (guint i = 0; i < results->len; i++)
    {
      SizeResult *res = &g_array_index (results, SizeResult, i);

      if (res->orgs != TARGET_ORGS || res->months != TARGET_MONTHS)
        continue;
      targets_run = TRUE;
      g_print ("Targets at %u x %u:\n", res->orgs, res->months);
      all_pass &= check_target ("bulk load, month by month", res->load_rps[0], TARGET_LOAD_RPS,
                                TRUE, "rows/s");
      /* Not a target: a ledger grows month by month, and an import can sort
       * its rows by date first.  Shown so that the cost of the other order
       * stays visible. */
      g_print ("%-4s %-36s %12.3f %s (for information)\n", "INFO", "bulk load, org by org",
               res->load_org_rps[0], "rows/s");
      all_pass &= check_target ("open + status, every fund", res->all_ms[0], TARGET_ALL_MS,
                                FALSE, "ms");
      all_pass &= check_target ("status, one organization", res->one_ms[0], TARGET_ONE_MS,
                                FALSE, "ms");
      all_pass &= check_target ("record one contribution", res->add_ms[0], TARGET_ADD_MS,
                                FALSE, "ms");
      all_pass &= check_target ("peak memory", res->mem_mb[0], TARGET_MEM_MB, FALSE, "MiB");
    }
  if (!targets_run)
    g_print ("Targets apply at %d x %d, which was not run.\n", TARGET_ORGS, TARGET_MONTHS);
  for (guint i = 0; i < results->len; i++)
    {
      SizeResult *res = &g_array_index (results, SizeResult, i);

      if (!res->totals_match)
        g_print ("FAIL %u x %u: Cagnotte's saved totals differ from the raw aggregate\n",
                 res->orgs, res->months);
      g_free (res->totals_note);
    }
  return all_pass ? 0 : 1;
}
