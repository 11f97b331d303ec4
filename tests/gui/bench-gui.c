/* bench-gui.c — the scale target for the window: with 10,000
 * organizations and 1.2 million contributions, the network overview shows
 * within 0.5 s of launch, scrolls without a stall, in under 120 MB.
 *
 *   bench-gui [DB]   measures, writing DB first (in a child process, so its
 *                    memory does not count) when it does not exist.
 *
 * Prints the figures; as a test it fails only far beyond the targets (3×),
 * since the machine is shared.  CAGNOTTE_PERF_ORGS and CAGNOTTE_PERF_MONTHS
 * change the size. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cag-i18n.h"
#include "cag-org-list.h"
#include "cag-overview.h"
#include "cag-window.h"
#include "gui-test-util.h"

static gint
env_int (const char *name,
         gint        fallback)
{
  const char *value = g_getenv (name);

  return value != NULL ? atoi (value) : fallback;
}

static int
generate (const char *path)
{
  gint orgs = env_int ("CAGNOTTE_PERF_ORGS", 10000);
  gint months = env_int ("CAGNOTTE_PERF_MONTHS", 120);
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = cag_store_open (path, &error);
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(GArray) fund_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (4500);
  CagDate today = cag_date_today ();
  gint start_month = cag_month_index (&today) - months;

  if (store == NULL)
    g_error ("%s", error->message);
  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 2000000;
  campaign->start = cag_month_first_day (start_month);
  campaign->deadline = cag_month_first_day (start_month + months + 12);
  if (!cag_store_campaign_add (store, campaign, &error))
    g_error ("%s", error->message);

  for (gint i = 0; i < orgs; i++)
    {
      g_autoptr(CagOrganization) org = cag_organization_new ();
      g_autoptr(CagFund) fund = cag_fund_new ();

      org->name = g_strdup_printf ("Organisme %05d", i);
      org->region = g_strdup (i % 3 == 0 ? "Montréal" : (i % 3 == 1 ? "Outaouais" : "Mauricie"));
      if (!cag_store_org_add (store, org, &error))
        g_error ("%s", error->message);
      fund->organization_id = org->id;
      fund->campaign_id = campaign->id;
      if (!cag_store_fund_open (store, fund, &error))
        g_error ("%s", error->message);
      g_array_append_val (fund_ids, fund->id);
    }
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
          c->method = CAG_METHOD_CHEQUE;
          g_ptr_array_add (batch, c);
        }
      if (!cag_store_contribution_add_batch (store, batch, &error))
        g_error ("%s", error->message);
    }
  return 0;
}

static glong
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? atol (line + 6) : -1;
}

static void
wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (gtk_events_pending ())
    gtk_main_iteration_do (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autoptr(GError) error = NULL;
  CagWindow *window;
  CagStore *store;
  GtkTreeView *view;
  GtkTreeModel *model;
  GtkTreePath *last;
  gint64 t0;
  double launch_ms, scroll_ms, orgs_ms, search_ms;
  glong rss_before, rss_after;
  gint rows;
  gboolean keep = FALSE;

  if (argc == 3 && strcmp (argv[1], "--generate") == 0)
    return generate (argv[2]);

  if (argc >= 2)
    {
      path = g_strdup (argv[1]);
      keep = TRUE;
    }
  else
    {
      tmp_dir = g_dir_make_tmp ("cagnotte-bench-XXXXXX", NULL);
      path = g_build_filename (tmp_dir, "bench.db", NULL);
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      const char *child[] = { argv[0], "--generate", path, NULL };
      gint wait_status;

      t0 = g_get_monotonic_time ();
      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                         &wait_status, &error)
          || !g_spawn_check_wait_status (wait_status, &error))
        g_error ("generating %s: %s", path, error->message);
      g_printerr ("# generated %s in %.1f s\n", path, (g_get_monotonic_time () - t0) / 1e6);
    }

  if (!gui_test_init (&argc, &argv))
    return 77;

  /* Launch: open the file, build the window, first frame of the overview. */
  rss_before = rss_kib ();
  t0 = g_get_monotonic_time ();
  store = cag_store_open_existing (path, &error);
  g_assert_no_error (error);
  window = cag_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 780);
  cag_window_set_store (window, store);
  gtk_widget_show (GTK_WIDGET (window));
  wait_for_draw (GTK_WIDGET (window));
  launch_ms = (g_get_monotonic_time () - t0) / 1e3;
  rss_after = rss_kib ();

  g_assert_cmpstr (cag_window_get_page (window), ==, "overview");
  model = cag_overview_get_model (CAG_OVERVIEW (cag_window_get_overview (window)));
  rows = gtk_tree_model_iter_n_children (model, NULL);

  /* Scroll to the end and back, drawing each time. */
  view = cag_overview_get_view (CAG_OVERVIEW (cag_window_get_overview (window)));
  t0 = g_get_monotonic_time ();
  last = gtk_tree_path_new_from_indices (rows - 1, -1);
  if (view != NULL)
    {
      gtk_tree_view_scroll_to_cell (view, last, NULL, FALSE, 0, 0);
      wait_for_draw (GTK_WIDGET (view));
      for (gint k = 0; k < 20; k++)
        {
          GtkTreePath *p = gtk_tree_path_new_from_indices ((rows / 20) * k, -1);
          gtk_tree_view_scroll_to_cell (view, p, NULL, TRUE, 0, 0);
          wait_for_draw (GTK_WIDGET (view));
          gtk_tree_path_free (p);
        }
    }
  gtk_tree_path_free (last);
  scroll_ms = (g_get_monotonic_time () - t0) / 1e3 / 21;

  t0 = g_get_monotonic_time ();
  cag_overview_set_search (CAG_OVERVIEW (cag_window_get_overview (window)), "outaouais");
  wait_for_draw (GTK_WIDGET (window));
  search_ms = (g_get_monotonic_time () - t0) / 1e3;

  t0 = g_get_monotonic_time ();
  cag_window_show_page (window, "organizations");
  wait_for_draw (GTK_WIDGET (window));
  orgs_ms = (g_get_monotonic_time () - t0) / 1e3;

  g_printerr ("# %d funds: overview shown %.0f ms after launch, +%ld KiB (RSS %ld KiB), "
              "one scroll step %.1f ms, search %.0f ms, organizations page %.0f ms\n",
              rows, launch_ms, rss_after - rss_before, rss_after, scroll_ms, search_ms, orgs_ms);
  g_print ("# launch_ms=%.0f rss_kib=%ld scroll_step_ms=%.1f search_ms=%.0f\n",
           launch_ms, rss_after, scroll_ms, search_ms);

  gtk_widget_destroy (GTK_WIDGET (window));
  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmp_dir);
    }

  /* Far beyond the targets only: the machine is shared. */
  if (rows >= 10000 && (launch_ms > 1500 || rss_after > 360 * 1024 || scroll_ms > 150))
    {
      g_printerr ("bench-gui: far beyond the targets (0.5 s, 120 MB, no stall)\n");
      return 1;
    }
  g_print ("1..1\nok 1 - overview at scale\n");
  return 0;
}
