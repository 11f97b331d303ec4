/* test-import-race.c — imports running at the same time, in separate
 * cagnotte-cli processes, never double the money: the "already present" test
 * and the writes are one transaction taken with the write lock
 * (docs/IMPORT.md, "Writing"). */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cag-error.h"
#include "cag-store-private.h"
#include "csv-test-util.h"

#define N_ROWS 5000

static const char * const org_names[] = { "Écof", "Chantier", "CDR Mauricie", "RISQ" };

/* Row I of the generated sheet: a different reference on every row. */
static gint64
row_amount (guint i)
{
  return 1000 + (gint64) (i % 97) * 125;
}

static CagDate
row_date (guint i)
{
  return (CagDate) { 2004, 1 + i % 12, 1 + i % 28 };
}

/* Writes rows FIRST … LAST-1 of the sheet; returns their total. */
static gint64
write_sheet (const char *path,
             guint       first,
             guint       last)
{
  g_autoptr(GString) text = g_string_new ("date;organisation;montant;référence\n");
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  for (guint i = first; i < last; i++)
    {
      CagDate d = row_date (i);
      gint64 cents = row_amount (i);

      g_string_append_printf (text, "%04d-%02d-%02d;%s;%" G_GINT64_FORMAT ",%02d;R%05u\n",
                              d.year, d.month, d.day, org_names[i % 4], cents / 100,
                              (int) (cents % 100), i);
      total += cents;
    }
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);
  return total;
}

static GSubprocess *
spawn_import (const char *db,
              const char *file)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                           &error, CAGNOTTE_CLI_PATH, "--db", db, "--json", "import",
                           "contributions", file, "--campaign", "Dakar 2005", NULL);
  g_assert_no_error (error);
  return proc;
}

/* Waits for PROC; returns its "added" count and adds "already_present" to
 * *PRESENT. */
static gint64
finish_import (GSubprocess *proc,
               gint64      *present)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_test_message ("import → %d\n%s%s", g_subprocess_get_exit_status (proc), out, err);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (root, "imported"));
  *present += json_object_get_int_member (root, "already_present");
  return json_object_get_int_member (root, "added");
}

/* No two contributions of one fund share date, amount and reference. */
static void
assert_no_doubled_row (CagStore *store)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  list = cag_store_contribution_list (store, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      CagContribution *c = list->pdata[i];
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT "|%d-%d-%d|%" G_GINT64_FORMAT "|%s",
                                   c->fund_id, c->date.year, c->date.month, c->date.day,
                                   c->amount_cents, c->reference);

      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
    }
}

/* N imports of FILES[i % n_files] at once. */
static void
run_simultaneous (guint               n,
                  const char * const *files,
                  guint               n_files,
                  gint64              expected_total,
                  guint               expected_rows)
{
  g_autoptr(GPtrArray) procs = g_ptr_array_new_with_free_func (g_object_unref);
  Fixture fx = { 0 };
  gint64 added = 0, present = 0, total;
  guint count = 0;

  fixture_set_up (&fx, TRUE);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (procs, spawn_import (fx.path, files[i % n_files]));
  for (guint i = 0; i < n; i++)
    added += finish_import (procs->pdata[i], &present);

  total = ledger_total (fx.store, &count);
  g_assert_cmpint (added, ==, expected_rows);
  g_assert_cmpuint (count, ==, expected_rows);
  g_assert_cmpint (total, ==, expected_total);
  assert_no_doubled_row (fx.store);
  fixture_tear_down (&fx);
}

static void
test_same_file (gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-race-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "sheet.csv", NULL);
  const char *files[] = { file };
  gint64 total = write_sheet (file, 0, N_ROWS);

  run_simultaneous (GPOINTER_TO_UINT (data), files, 1, total, N_ROWS);
  remove_tree (dir);
}

/* Two halves that share a thousand rows, imported four at a time. */
static void
test_overlapping_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-race-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b.csv", NULL);
  g_autofree char *all = g_build_filename (dir, "all.csv", NULL);
  const char *files[] = { a, b };
  gint64 total = write_sheet (all, 0, N_ROWS);

  write_sheet (a, 0, 3000);
  write_sheet (b, 2000, N_ROWS);
  run_simultaneous (4, files, 2, total, N_ROWS);
  remove_tree (dir);
}

/* An import in another process while this one records a batch (as the
 * window's batch entry does) of rows that are also in the file.  This
 * connection takes the write lock first and commits the batch while the
 * import has started: the import must wait for it, then see those rows as
 * already present.  (An import that looked before taking the lock would add
 * them a second time.) */
static void
test_import_races_batch (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-race-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "sheet.csv", NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                cag_contribution_free);
  g_autoptr(GPtrArray) funds = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(CagStore) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 file_total = write_sheet (file, 0, N_ROWS);
  gint64 batch_total = 0, added, present = 0, total, base_org = 0;
  guint count = 0;
  Fixture fx = { 0 };

  fixture_set_up (&fx, TRUE);
  funds = cag_store_fund_list (fx.store, fx.dakar_id, 0, &error);
  g_assert_no_error (error);
  /* The organizations were added in the order of org_names. */
  for (guint f = 0; f < funds->len; f++)
    if (base_org == 0 || ((CagFund *) funds->pdata[f])->organization_id < base_org)
      base_org = ((CagFund *) funds->pdata[f])->organization_id;
  for (guint i = 0; i < 1000; i++)
    {
      CagContribution *c = cag_contribution_new ();
      CagFund *fund = NULL;

      for (guint f = 0; f < funds->len; f++)
        if (((CagFund *) funds->pdata[f])->organization_id
            == base_org + (gint64) (i % 4))
          fund = funds->pdata[f];
      g_assert_nonnull (fund);
      c->fund_id = fund->id;
      c->date = row_date (i);
      c->amount_cents = row_amount (i);
      c->reference = g_strdup_printf ("R%05u", i);
      batch_total += c->amount_cents;
      g_ptr_array_add (batch, c);
    }

  other = cag_store_open (fx.path, &error);
  g_assert_no_error (error);
  g_assert_true (cag_store_begin (other, &error));
  proc = spawn_import (fx.path, file);
  g_usleep (G_USEC_PER_SEC / 2);
  g_assert_true (cag_store_contribution_add_batch (other, batch, &error));
  g_assert_no_error (error);
  g_assert_true (cag_store_commit (other, &error));
  g_assert_no_error (error);
  added = finish_import (proc, &present);

  total = ledger_total (fx.store, &count);
  g_test_message ("import added %" G_GINT64_FORMAT ", skipped %" G_GINT64_FORMAT, added,
                  present);
  g_assert_cmpint (present, ==, 1000);
  g_assert_cmpint (added, ==, N_ROWS - 1000);
  g_assert_cmpuint (count, ==, N_ROWS);
  g_assert_cmpint (total, ==, file_total);
  g_assert_cmpint (batch_total, <, file_total);
  assert_no_doubled_row (fx.store);
  fixture_tear_down (&fx);
  remove_tree (dir);
}

/* An import that cannot get the write lock (another program holds it for
 * longer than the store waits) fails with a message and prints nothing
 * that looks like success. */
static void
test_failed_import_says_so (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-race-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "sheet.csv", NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(CagStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  Fixture fx = { 0 };
  guint count = 0;

  write_sheet (file, 0, 100);
  fixture_set_up (&fx, TRUE);
  other = cag_store_open (fx.path, &error);
  g_assert_no_error (error);
  g_assert_true (cag_store_begin (other, &error));
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                           &error, CAGNOTTE_CLI_PATH, "--db", fx.path, "import",
                           "contributions", file, "--campaign", "Dakar 2005", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  cag_store_rollback (other);
  g_test_message ("stdout: %s\nstderr: %s", out, err);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_null (strstr (err, "imported ("));
  g_assert_cmpstr (err, !=, "");
  ledger_total (fx.store, &count);
  g_assert_cmpuint (count, ==, 0);
  fixture_tear_down (&fx);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/import-race/same-file-twice", GUINT_TO_POINTER (2), test_same_file);
  g_test_add_data_func ("/import-race/same-file-four-times", GUINT_TO_POINTER (4),
                        test_same_file);
  g_test_add_func ("/import-race/overlapping-files", test_overlapping_files);
  g_test_add_func ("/import-race/import-races-batch", test_import_races_batch);
  g_test_add_func ("/import-race/failed-import-says-so", test_failed_import_says_so);
  return g_test_run ();
}
