/* import-bench.c — how long importing a large spreadsheet takes.
 *
 * Builds a scratch database (100 organizations with a fund each in one
 * campaign), writes a French LibreOffice-style CSV file of ROWS rows
 * (default 100,000: semicolons, decimal commas, DD/MM/YYYY, quoted notes),
 * then times a dry run, the real import, and a second import that must skip
 * every row.  Prints one line per step; exits 1 if a step fails or the
 * totals disagree.  Not part of `meson test`: run it from bench/run or as
 *   _build/bench/import-bench [ROWS]
 *
 * At scale (docs/PERFORMANCE.md):
 *   _build/bench/import-bench --at-scale [ROWS]      (default 1,200,000)
 * writes the file to disk row by row (the bench never holds it), imports it
 * from the file as the command line does (dry run, then import), and prints
 * rows per second and the process's peak memory (VmHWM); exits 1 when the
 * targets (150,000 rows/s, 150 MB) are missed.
 */
#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cag-import.h"
#include "cag-money.h"
#include "cag-store.h"

#define N_ORGS 100
#define TARGET_ROWS_PER_SECOND 150000.0
#define TARGET_PEAK_MB         150.0

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static gboolean
prepare (CagStore  *store,
         GError   **error)
{
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();

  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  campaign->start = (CagDate) { 1990, 1, 1 };
  campaign->deadline = (CagDate) { 2040, 12, 31 };
  if (!cag_store_campaign_add (store, campaign, error))
    return FALSE;

  for (guint i = 0; i < N_ORGS; i++)
    {
      g_autoptr(CagOrganization) org = cag_organization_new ();
      g_autoptr(CagFund) fund = cag_fund_new ();

      org->name = g_strdup_printf ("Organisation régionale n° %03u", i);
      if (!cag_store_org_add (store, org, error))
        return FALSE;
      fund->organization_id = org->id;
      fund->campaign_id = campaign->id;
      if (!cag_store_fund_open (store, fund, error))
        return FALSE;
    }
  return TRUE;
}

/* Row i: organization i % N_ORGS, a distinct reference, dates spread over
 * 30 years, amounts from 1,00 to 999,99. */
static gint64
append_row (GString *csv,
            guint    i)
{
  gint64 cents = 100 + (gint64) (i * 7919u % 99900u);
  g_autofree char *amount = cag_money_format_plain (cents, ',');
  CagDate date = cag_date_from_days (cag_date_to_days (&(CagDate) { 2000, 1, 1 })
                                     + (gint64) (i % 10950u));

  g_string_append_printf (csv, "%02d/%02d/%04d;Organisation régionale n° %03u;%s $;%s;"
                          "B-%u;%s\r\n",
                          date.day, date.month, date.year, i % N_ORGS, amount,
                          i % 3 == 0 ? "chèque" : i % 3 == 1 ? "virement" : "comptant",
                          i, i % 10 == 0 ? "\"Note; avec séparateur\"" : "");
  return cents;
}

#define CSV_HEADER "\xEF\xBB\xBF" "Date;Organisation;Montant;Mode;Référence;Note\r\n"

static GString *
make_csv (guint   rows,
          gint64 *out_total)
{
  GString *csv = g_string_new (CSV_HEADER);
  gint64 total = 0;

  for (guint i = 0; i < rows; i++)
    total += append_row (csv, i);
  *out_total = total;
  return csv;
}

/* The same rows written to PATH a few thousand at a time. */
static gboolean
write_csv_file (const char *path,
                guint       rows,
                gint64     *out_total,
                GError    **error)
{
  g_autoptr(GString) chunk = g_string_new (CSV_HEADER);
  FILE *fp = g_fopen (path, "wb");
  gint64 total = 0;

  if (fp == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path,
                   g_strerror (errno));
      return FALSE;
    }
  for (guint i = 0; i < rows; i++)
    {
      total += append_row (chunk, i);
      if (chunk->len > 1 << 20 || i + 1 == rows)
        {
          fwrite (chunk->str, 1, chunk->len, fp);
          g_string_truncate (chunk, 0);
        }
    }
  fclose (fp);
  *out_total = total;
  return TRUE;
}

/* CPU time (user and system) used by the process so far, in seconds: what
 * the machine's other work does not change. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* The process's peak resident memory, in MB. */
static double
peak_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}

static int
run_at_scale (CagStore   *store,
              const char *dir,
              guint       rows)
{
  g_autofree char *csv_path = g_build_filename (dir, "rows.csv", NULL);
  g_autoptr(GError) error = NULL;
  CagImportOptions options = { 0 };
  gint64 expected = 0, start;
  double base_mb, seconds = 0;
  int status = 0;

  start = g_get_monotonic_time ();
  if (!write_csv_file (csv_path, rows, &expected, &error))
    goto fail;
  {
    GStatBuf st = { 0 };

    g_stat (csv_path, &st);
    g_print ("import-bench: at scale, %u rows (%.0f MB) written to disk in %.2f s\n", rows,
             st.st_size / 1e6, seconds_since (start));
  }
  base_mb = peak_mb ();
  for (guint step = 0; step < 2; step++)
    {
      g_autoptr(CagImportReport) report = NULL;

      double cpu = cpu_seconds ();

      options.dry_run = step == 0;
      start = g_get_monotonic_time ();
      if (!cag_import_contributions (store, csv_path, &options, &report, &error))
        goto fail;
      seconds = seconds_since (start);
      cpu = cpu_seconds () - cpu;
      g_print ("import-bench: at scale, %-7s %7.2f s  %8.0f rows/s  (CPU %.2f s: %.0f rows/s)"
               "  peak %.0f MB\n", step == 0 ? "dry run" : "import", seconds, rows / seconds,
               cpu, rows / cpu, peak_mb ());
      if (report->added != rows || report->added_cents != expected)
        {
          g_printerr ("import-bench: unexpected counts\n");
          status = 1;
        }
    }
  g_print ("import-bench: at scale, peak memory %.0f MB (%.0f MB before importing); "
           "%s rows/s target, %s memory target\n", peak_mb (), base_mb,
           rows / seconds >= TARGET_ROWS_PER_SECOND ? "PASS" : "FAIL",
           peak_mb () <= TARGET_PEAK_MB ? "PASS" : "FAIL");
  if (rows / seconds < TARGET_ROWS_PER_SECOND || peak_mb () > TARGET_PEAK_MB)
    status = 1;
  g_unlink (csv_path);
  return status;

fail:
  g_printerr ("import-bench: %s\n", error->message);
  g_unlink (csv_path);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  gboolean at_scale = argc > 1 && strcmp (argv[1], "--at-scale") == 0;
  const char *rows_arg = at_scale ? (argc > 2 ? argv[2] : "1200000") : argc > 1 ? argv[1] : NULL;
  guint rows = rows_arg != NULL ? (guint) strtoul (rows_arg, NULL, 10) : 100000;
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  CagImportOptions options = { 0 };
  gint64 expected = 0;
  gint64 start;
  int status = 0;

  cag_i18n_init ();
  dir = g_dir_make_tmp ("cagnotte-import-bench-XXXXXX", &error);
  if (dir == NULL)
    goto fail;
  path = g_build_filename (dir, "cagnotte.db", NULL);
  store = cag_store_open (path, &error);
  if (store == NULL || !prepare (store, &error))
    goto fail;

  if (at_scale)
    {
      status = run_at_scale (store, dir, rows);
      goto out;
    }

  start = g_get_monotonic_time ();
  csv = make_csv (rows, &expected);
  g_print ("import-bench: %u rows, %.1f MB of CSV generated in %.2f s\n", rows,
           csv->len / 1e6, seconds_since (start));

  for (guint step = 0; step < 3; step++)
    {
      const char *names[] = { "dry run", "import", "second import" };
      g_autoptr(CagImportReport) report = NULL;

      options.dry_run = step == 0;
      start = g_get_monotonic_time ();
      if (!cag_import_contributions_data (store, csv->str, csv->len, &options, &report, &error))
        goto fail;
      g_print ("import-bench: %-13s %8.2f s  (%u added, %u already present)\n", names[step],
               seconds_since (start), report->added, report->already_present);
      if ((step < 2 && (report->added != rows || report->added_cents != expected))
          || (step == 2 && (report->added != 0 || report->already_present != rows)))
        {
          g_printerr ("import-bench: unexpected counts at step “%s”\n", names[step]);
          status = 1;
        }
    }
  if (!cag_store_check_totals (store, &error))
    goto fail;
  goto out;

fail:
  g_printerr ("import-bench: %s\n", error != NULL ? error->message : "failed");
  status = 1;
out:
  g_clear_pointer (&store, cag_store_close);
  if (path != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  if (dir != NULL)
    g_rmdir (dir);
  return status;
}
