/* csv-test-util.h — a scratch database with the organizations, campaigns and
 * funds the sample files in tests/csv/data/ refer to. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "cag-store.h"

typedef struct
{
  char     *dir;
  char     *path;
  CagStore *store;
  gint64    dakar_id;
  gint64    forum_id;
} Fixture;

static inline gint64
fixture_add_org (CagStore   *store,
                 const char *name,
                 const char *short_name)
{
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(GError) error = NULL;

  org->name = g_strdup (name);
  org->short_name = g_strdup (short_name);
  g_assert_true (cag_store_org_add (store, org, &error));
  g_assert_no_error (error);
  return org->id;
}

static inline gint64
fixture_add_campaign (CagStore   *store,
                      const char *name,
                      CagDate     start,
                      CagDate     deadline)
{
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(GError) error = NULL;

  campaign->name = g_strdup (name);
  campaign->delegation_cost_cents = 450000;
  campaign->start = start;
  campaign->deadline = deadline;
  g_assert_true (cag_store_campaign_add (store, campaign, &error));
  g_assert_no_error (error);
  return campaign->id;
}

static inline gint64
fixture_open_fund (CagStore *store,
                   gint64    org_id,
                   gint64    campaign_id)
{
  g_autoptr(CagFund) fund = cag_fund_new ();
  g_autoptr(GError) error = NULL;

  fund->organization_id = org_id;
  fund->campaign_id = campaign_id;
  g_assert_true (cag_store_fund_open (store, fund, &error));
  g_assert_no_error (error);
  return fund->id;
}

/* Four organizations, "Dakar 2005" (2003-06-01 → 2005-11-30) with a fund
 * for each, and "Forum 2006" so that files must name their campaign.
 * WITH_ORGS FALSE gives the campaigns only. */
static inline void
fixture_set_up (Fixture  *fx,
                gboolean  with_orgs)
{
  g_autoptr(GError) error = NULL;
  const char *orgs[][2] = {
    { "Écof de l’Outaouais", "Écof" },
    { "Chantier de l'économie sociale", "Chantier" },
    { "Coopérative de développement régional Mauricie", "CDR Mauricie" },
    { "Réseau d’investissement social du Québec", "RISQ" },
  };

  fx->dir = g_dir_make_tmp ("cagnotte-csv-test-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "cagnotte.db", NULL);
  fx->store = cag_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->store);

  fx->dakar_id = fixture_add_campaign (fx->store, "Dakar 2005",
                                       (CagDate) { 2003, 6, 1 }, (CagDate) { 2005, 11, 30 });
  fx->forum_id = fixture_add_campaign (fx->store, "Forum 2006",
                                       (CagDate) { 2005, 1, 1 }, (CagDate) { 2006, 10, 1 });
  if (!with_orgs)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (orgs); i++)
    {
      gint64 id = fixture_add_org (fx->store, orgs[i][0], orgs[i][1]);

      fixture_open_fund (fx->store, id, fx->dakar_id);
    }
}

static inline void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static inline void
fixture_tear_down (Fixture *fx)
{
  g_clear_pointer (&fx->store, cag_store_close);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

/* Sum of the non-void contributions and count of all of them. */
static inline gint64
ledger_total (CagStore *store,
              guint    *out_count)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  list = cag_store_contribution_list (store, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      CagContribution *c = list->pdata[i];

      if (!c->voided)
        total += c->amount_cents;
    }
  if (out_count != NULL)
    *out_count = list->len;
  return total;
}

static inline char *
data_path (const char *name)
{
  return g_build_filename (CSV_TEST_DATA, name, NULL);
}
