/* test-store-perf.c — the store at the size of the benchmark
 * (10,000 organizations × 120 months, 1.2 million contributions): bulk load,
 * status of every fund, of one fund, one contribution.  Prints the figures;
 * fails only far beyond the targets (3×), since the machine is shared.
 * CAGNOTTE_PERF_ORGS and CAGNOTTE_PERF_MONTHS change the size. */
#include "config.h"

#include <glib/gstdio.h>

#include "cag-error.h"
#include "cag-store.h"

static gint
env_int (const char *name,
         gint        fallback)
{
  const char *value = g_getenv (name);

  return value != NULL ? atoi (value) : fallback;
}

static void
test_store_perf (void)
{
  gint orgs = env_int ("CAGNOTTE_PERF_ORGS", 10000);
  gint months = env_int ("CAGNOTTE_PERF_MONTHS", 120);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-perf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "perf.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(CagStore) store = NULL;
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(GArray) fund_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4500);
  CagDate as_of;
  gint64 rows = 0, t0;
  double load_s, all_ms, one_ms, add_ms, open_ms;
  gint start_month;

  store = cag_store_open (path, &error);
  g_assert_no_error (error);

  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  campaign->start = (CagDate) { 2000, 1, 1 };
  campaign->deadline = cag_month_first_day (cag_month_index (&campaign->start) + months);
  g_assert_true (cag_store_campaign_add (store, campaign, &error));
  start_month = cag_month_index (&campaign->start);

  for (gint i = 0; i < orgs; i++)
    {
      g_autoptr(CagOrganization) org = cag_organization_new ();
      g_autoptr(CagFund) fund = cag_fund_new ();

      org->name = g_strdup_printf ("Organisme %05d", i);
      g_assert_true (cag_store_org_add (store, org, &error));
      fund->organization_id = org->id;
      fund->campaign_id = campaign->id;
      fund->delegations = 1;
      g_assert_true (cag_store_fund_open (store, fund, &error));
      g_array_append_val (fund_ids, fund->id);
    }

  /* Month by month, every organization, in batches of one month. */
  t0 = g_get_monotonic_time ();
  for (gint m = 0; m < months; m++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_full (orgs, (GDestroyNotify) cag_contribution_free);
      CagDate first = cag_month_first_day (start_month + m);

      for (gint i = 0; i < orgs; i++)
        {
          CagContribution *c = cag_contribution_new ();

          c->fund_id = g_array_index (fund_ids, gint64, i);
          c->date = first;
          c->date.day = g_rand_int_range (rand, 1, 29);
          c->amount_cents = g_rand_int_range (rand, 5000, 20000);
          c->method = (CagMethod) g_rand_int_range (rand, 0, 4);
          c->reference = g_strdup_printf ("%06d", i);
          g_ptr_array_add (batch, c);
        }
      g_assert_true (cag_store_contribution_add_batch (store, batch, &error));
      g_assert_no_error (error);
      rows += batch->len;
    }
  load_s = (g_get_monotonic_time () - t0) / 1e6;

  g_clear_pointer (&store, cag_store_close);
  t0 = g_get_monotonic_time ();
  store = cag_store_open_existing (path, &error);
  g_assert_no_error (error);
  open_ms = (g_get_monotonic_time () - t0) / 1e3;

  /* As of the middle of the last month. */
  as_of = cag_month_first_day (start_month + months - 1);
  as_of.day = 15;
  t0 = g_get_monotonic_time ();
  statuses = cag_store_status_list (store, 0, 0, &as_of, &error);
  all_ms = (g_get_monotonic_time () - t0) / 1e3;
  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, ==, (guint) orgs);
  g_clear_pointer (&statuses, g_ptr_array_unref);
  t0 = g_get_monotonic_time ();
  statuses = cag_store_status_list (store, 0, 0, &as_of, &error);
  g_printerr ("# status of all funds again: %.1f ms\n", (g_get_monotonic_time () - t0) / 1e3);

  t0 = g_get_monotonic_time ();
  for (int k = 0; k < 10; k++)
    {
      g_autoptr(CagFundStatus) status =
        cag_store_fund_status (store, g_array_index (fund_ids, gint64, g_rand_int_range (rand, 0, orgs)),
                               &as_of, &error);
      g_assert_no_error (error);
    }
  one_ms = (g_get_monotonic_time () - t0) / 1e3 / 10;

  t0 = g_get_monotonic_time ();
  for (int k = 0; k < 10; k++)
    {
      g_autoptr(CagContribution) c = cag_contribution_new ();

      c->fund_id = g_array_index (fund_ids, gint64, g_rand_int_range (rand, 0, orgs));
      c->date = as_of;
      c->amount_cents = 12500;
      g_assert_true (cag_store_contribution_add (store, c, &error));
    }
  add_ms = (g_get_monotonic_time () - t0) / 1e3 / 10;

  g_test_message ("%d × %d: bulk load %.0f rows/s (%" G_GINT64_FORMAT " rows in %.1f s), "
                  "open %.1f ms, status of all funds %.1f ms, of one fund %.2f ms, "
                  "one contribution %.2f ms",
                  orgs, months, rows / load_s, rows, load_s, open_ms, all_ms, one_ms, add_ms);
  g_printerr ("# %d × %d: bulk load %.0f rows/s, status all %.1f ms, one %.2f ms, add %.2f ms\n",
              orgs, months, rows / load_s, all_ms, one_ms, add_ms);

  if (orgs >= 10000)
    {
      g_assert_cmpfloat (rows / load_s, >=, 100000.0 / 3);
      g_assert_cmpfloat (all_ms, <=, 100.0 * 3);
      g_assert_cmpfloat (one_ms, <=, 10.0 * 3);
      g_assert_cmpfloat (add_ms, <=, 5.0 * 3);
    }

  g_clear_pointer (&store, cag_store_close);
  if (g_getenv ("CAGNOTTE_PERF_KEEP") != NULL)
    {
      g_printerr ("# kept %s\n", path);
      return;
    }
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/perf", test_store_perf);
  return g_test_run ();
}
