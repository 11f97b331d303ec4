/* gui-test-util.c — shared set-up of the GUI tests. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cag-i18n.h"
#include "gui-test-util.h"

gboolean
gui_test_init (int    *argc,
               char ***argv)
{
  const char *display = g_getenv ("DISPLAY");

  if (display == NULL || *display == '\0')
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init forces the "C" locale, where gettext ignores LANGUAGE:
   * set the locale up again the way the application does. */
  cag_i18n_init ();
  return TRUE;
}

void
gui_test_flush (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_pending (NULL))
        {
          /* Let timers and redraws come due. */
          g_usleep (2000);
          if (!g_main_context_pending (NULL))
            break;
        }
      g_main_context_iteration (NULL, FALSE);
    }
}

static CagDate
month_start (gint index)
{
  return cag_month_first_day (index);
}

void
gui_test_data_init (GuiTestData *data,
                    gboolean     example)
{
  static const struct { const char *name; const char *short_name; const char *region; } orgs[] = {
    { "Coopérative du Quartier", "CDQ", "Montréal" },
    { "Réseau solidaire de l’Outaouais", "RSO", "Outaouais" },
    { "Table d’économie sociale de la Mauricie", "TESM", "Mauricie" },
    { "Carrefour Capitale-Nationale", "CCN", "Capitale-Nationale" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  CagDate today = cag_date_today ();
  gint now = cag_month_index (&today);
  guint i;

  memset (data, 0, sizeof *data);
  data->dir = g_dir_make_tmp ("cagnotte-gui-XXXXXX", &error);
  g_assert_no_error (error);
  data->path = g_build_filename (data->dir, "network.db", NULL);
  data->store = cag_store_open (data->path, &error);
  g_assert_no_error (error);

  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  campaign->start = month_start (now - 12);
  campaign->deadline = month_start (now + 24);
  g_assert_true (cag_store_campaign_add (data->store, campaign, &error));
  g_assert_no_error (error);
  data->campaign_id = campaign->id;

  for (i = 0; i < G_N_ELEMENTS (orgs); i++)
    {
      g_autoptr(CagOrganization) org = cag_organization_new ();
      g_autoptr(CagFund) fund = cag_fund_new ();

      org->name = g_strdup (orgs[i].name);
      org->short_name = g_strdup (orgs[i].short_name);
      org->region = g_strdup (orgs[i].region);
      g_assert_true (cag_store_org_add (data->store, org, &error));
      g_assert_no_error (error);
      data->org_ids[i] = org->id;

      fund->organization_id = org->id;
      fund->campaign_id = campaign->id;
      g_assert_true (cag_store_fund_open (data->store, fund, &error));
      g_assert_no_error (error);
      data->fund_ids[i] = fund->id;
    }

  if (example)
    {
      gint m;

      /* Org 0 pays 125.00 every month: on track.  Org 1 paid a little at
       * first: behind.  Org 2 paid it all: complete.  Org 3 nothing. */
      for (m = 12; m >= 1; m--)
        gui_test_contribute (data, 0, m, 12500);
      for (m = 12; m >= 9; m--)
        gui_test_contribute (data, 1, m, 10000);
      gui_test_contribute (data, 2, 6, 450000);
    }
}

gint64
gui_test_contribute (GuiTestData *data,
                     guint        org,
                     gint         months_ago,
                     gint64       cents)
{
  g_autoptr(CagContribution) c = cag_contribution_new ();
  g_autoptr(GError) error = NULL;
  CagDate today = cag_date_today ();

  c->fund_id = data->fund_ids[org];
  c->date = months_ago == 0 ? today
                            : cag_month_first_day (cag_month_index (&today) - months_ago);
  if (months_ago > 0)
    c->date.day = 15;
  c->amount_cents = cents;
  c->method = CAG_METHOD_CHEQUE;
  c->reference = g_strdup_printf ("%d", 1000 + months_ago);
  g_assert_true (cag_store_contribution_add (data->store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

void
gui_test_data_clear (GuiTestData *data)
{
  g_clear_pointer (&data->store, cag_store_close);
  if (data->dir != NULL)
    remove_tree (data->dir);
  g_clear_pointer (&data->dir, g_free);
  g_clear_pointer (&data->path, g_free);
}
