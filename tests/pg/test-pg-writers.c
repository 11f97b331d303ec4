/* test-pg-writers.c — several processes write to the same funds of one
 * server database at once (docs/SERVER.md, "Concurrency"): every
 * contribution is there, every kept total is exact, no writer fails.
 *
 *   test-pg-writers                 the test (needs CAGNOTTE_TEST_PG)
 *   test-pg-writers --writer URI N  one writer: N contributions over the funds
 *   test-pg-writers --import URI    one import of the same sheet
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "cag-error.h"
#include "cag-import.h"
#include "cag-store.h"
#include "cag-test-db.h"

#define N_WRITERS  4
#define N_EACH     500
#define N_FUNDS    3
#define AMOUNT(i)  (100 + (i) % 7)   /* cents, varied so totals mean something */

static char *self_path;

static int
run_writer (const char *uri,
            guint       count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = cag_store_open_existing (uri, &error);
  g_autoptr(GPtrArray) funds = NULL;

  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }
  funds = cag_store_fund_list (store, 0, 0, &error);
  if (funds == NULL || funds->len != N_FUNDS)
    {
      g_printerr ("writer: funds: %s\n", error != NULL ? error->message : "wrong count");
      return 1;
    }
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(CagContribution) c = cag_contribution_new ();
      const CagFund *fund = funds->pdata[i % N_FUNDS];

      c->fund_id = fund->id;
      c->date = (CagDate) { 2004, 1 + (int) (i % 12), 1 + (int) (i % 28) };
      c->amount_cents = AMOUNT (i);
      c->method = CAG_METHOD_TRANSFER;
      if (!cag_store_contribution_add (store, c, &error))
        {
          g_printerr ("writer: contribution %u: %s\n", i, error->message);
          return 1;
        }
    }
  return 0;
}

#define N_SHEET_ROWS 60

/* The same sheet for every importer: N_SHEET_ROWS rows over the funds. */
static char *
sheet (void)
{
  GString *csv = g_string_new ("date,organisation,montant,référence\n");

  for (int i = 0; i < N_SHEET_ROWS; i++)
    g_string_append_printf (csv, "2004-%02d-%02d,Organisation %d,%d.%02d,CH-%d\n",
                            1 + i % 12, 1 + i % 28, 1 + i % N_FUNDS, 10 + i, i % 100, i);
  return g_string_free (csv, FALSE);
}

static int
run_import (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = cag_store_open_existing (uri, &error);
  g_autofree char *csv = sheet ();
  CagImportReport *report = NULL;
  gboolean ok;

  if (store == NULL)
    {
      g_printerr ("import: %s\n", error->message);
      return 1;
    }
  ok = cag_import_contributions_data (store, csv, strlen (csv), NULL, &report, &error);
  g_clear_pointer (&report, cag_import_report_free);
  if (!ok)
    {
      g_printerr ("import: %s\n", error->message);
      return 1;
    }
  return 0;
}

static void
set_up (CagStore *store)
{
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(GError) error = NULL;

  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  campaign->start = (CagDate) { 2003, 6, 1 };
  campaign->deadline = (CagDate) { 2006, 6, 1 };
  g_assert_true (cag_store_campaign_add (store, campaign, &error));
  g_assert_no_error (error);
  for (int i = 0; i < N_FUNDS; i++)
    {
      g_autoptr(CagOrganization) org = cag_organization_new ();
      g_autoptr(CagFund) fund = cag_fund_new ();

      org->name = g_strdup_printf ("Organisation %d", i + 1);
      g_assert_true (cag_store_org_add (store, org, &error));
      g_assert_no_error (error);
      fund->organization_id = org->id;
      fund->campaign_id = campaign->id;
      fund->delegations = 1;
      g_assert_true (cag_store_fund_open (store, fund, &error));
      g_assert_no_error (error);
    }
}

static void
spawn_and_wait (const char *const *argv,
                int                n)
{
  g_autoptr(GError) error = NULL;
  GPid pids[N_WRITERS];

  g_assert_cmpint (n, <=, N_WRITERS);
  for (int w = 0; w < n; w++)
    {
      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                    NULL, NULL, &pids[w], &error));
      g_assert_no_error (error);
    }
  for (int w = 0; w < n; w++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[w], &status, 0), ==, pids[w]);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
    }
}

/* Four imports of the same sheet at once: its rows are there once, the
 * other imports find them already present. */
static void
test_imports (void)
{
  g_autofree char *uri = cag_test_db_location (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = cag_store_open (uri, &error);
  g_autoptr(GPtrArray) list = NULL;
  const char *argv[] = { self_path, "--import", uri, NULL };

  g_assert_no_error (error);
  set_up (store);
  spawn_and_wait (argv, N_WRITERS);
  list = cag_store_contribution_list (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, N_SHEET_ROWS);
  g_assert_true (cag_store_check_totals (store, &error));
  g_assert_no_error (error);
}

static void
test_writers (void)
{
  g_autofree char *uri = cag_test_db_location (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = cag_store_open (uri, &error);
  g_autoptr(GPtrArray) funds = NULL;
  g_autofree char *count = g_strdup_printf ("%d", N_EACH);
  const char *argv[] = { self_path, "--writer", uri, count, NULL };
  gint64 expected = 0, saved = 0, counted = 0;

  g_assert_no_error (error);
  set_up (store);
  spawn_and_wait (argv, N_WRITERS);

  for (int i = 0; i < N_EACH; i++)
    expected += AMOUNT (i) * N_WRITERS;
  funds = cag_store_fund_list (store, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < funds->len; i++)
    {
      const CagFund *fund = funds->pdata[i];
      g_autoptr(GPtrArray) list = cag_store_contribution_list (store, fund->id, 0, &error);

      g_assert_no_error (error);
      for (guint j = 0; j < list->len; j++)
        saved += ((CagContribution *) list->pdata[j])->amount_cents;
      counted += list->len;
    }
  g_assert_cmpint (counted, ==, N_WRITERS * N_EACH);
  g_assert_cmpint (saved, ==, expected);
  /* The kept totals (fund, months) agree with a recount of the ledger. */
  g_assert_true (cag_store_check_totals (store, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 3 && g_str_equal (argv[1], "--import"))
    return run_import (argv[2]);

  g_test_init (&argc, &argv, NULL);
  self_path = argv[0];
  if (!cag_test_db_is_server ())
    {
      g_test_skip ("needs CAGNOTTE_TEST_PG (tests/pg/pg-cluster.sh)");
      return 0;
    }
  g_test_add_func ("/pg/writers", test_writers);
  g_test_add_func ("/pg/imports", test_imports);
  return g_test_run ();
}
