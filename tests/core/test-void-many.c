/* test-void-many.c — undo of a batch: cag_store_contribution_void_many voids
 * every contribution in one transaction, or none of them. */
#include "config.h"

#include <glib/gstdio.h>

#include "cag-error.h"
#include "cag-store.h"

static void
test_void_many (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-void-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "t.db", NULL);
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(CagFund) fund = cag_fund_new ();
  g_autoptr(CagFundStatus) status = NULL;
  CagStore *store = cag_store_open (path, &error);
  const CagDate as_of = { 2005, 1, 31 };
  gint64 ids[3];

  g_assert_no_error (error);
  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  campaign->start = (CagDate) { 2004, 1, 1 };
  campaign->deadline = (CagDate) { 2005, 6, 1 };
  g_assert_true (cag_store_campaign_add (store, campaign, &error));
  org->name = g_strdup ("La Spirale");
  g_assert_true (cag_store_org_add (store, org, &error));
  fund->organization_id = org->id;
  fund->campaign_id = campaign->id;
  g_assert_true (cag_store_fund_open (store, fund, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CagContribution) c = cag_contribution_new ();

      c->fund_id = fund->id;
      c->date = (CagDate) { 2004, 3 + i, 15 };
      c->amount_cents = 10000 * (i + 1);
      g_assert_true (cag_store_contribution_add (store, c, &error));
      g_assert_no_error (error);
      ids[i] = c->id;
    }

  /* One of them already void: nothing changes, the error says which. */
  g_assert_true (cag_store_contribution_void (store, ids[2], "cheque returned", &error));
  g_assert_false (cag_store_contribution_void_many (store, ids, 3, "Undone", &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CagContribution) c = cag_store_contribution_get (store, ids[i], &error);
      g_assert_no_error (error);
      g_assert_false (c->voided);
    }
  status = cag_store_fund_status (store, fund->id, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status->figures.saved_cents, ==, 30000);
  g_clear_pointer (&status, cag_fund_status_free);

  /* The first two, together. */
  g_assert_true (cag_store_contribution_void_many (store, ids, 2, "Undone", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CagContribution) c = cag_store_contribution_get (store, ids[i], &error);
      g_assert_true (c->voided);
      g_assert_cmpstr (c->void_reason, ==, "Undone");
    }
  status = cag_store_fund_status (store, fund->id, &as_of, &error);
  g_assert_cmpint (status->figures.saved_cents, ==, 0);

  cag_store_close (store);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/void-many", test_void_many);
  return g_test_run ();
}
