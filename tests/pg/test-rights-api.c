/* test-rights-api.c — the core API of rights (cag-server.h) against a real
 * server: each kind of account writes through the store what it may, and a
 * refused write fails with DB_READONLY naming the organization and leaves
 * the ledger and its totals as they were.
 *
 * Run by test-rights.sh with CAG_RIGHTS_PG set to an empty database's URI
 * (without user=) on a cluster whose login roles coord (the database's
 * owner), tom, aud and nobody exist.  On SQLite (no server) every test that
 * needs none still runs.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-server.h"
#include "cag-store.h"

typedef struct
{
  gint64 org_north, org_south, fund_north, fund_south;
} Fixture;

static Fixture fx;

static char *
uri_for (const char *role)
{
  return g_strdup_printf ("%s&user=%s", g_getenv ("CAG_RIGHTS_PG"), role);
}

static CagStore *
open_as (const char *role)
{
  g_autofree char *uri = uri_for (role);
  g_autoptr(GError) error = NULL;
  CagStore *store = cag_store_open (uri, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
add_contribution (CagStore *store, gint64 fund_id, gint64 cents, GError **error)
{
  g_autoptr(CagContribution) c = cag_contribution_new ();

  c->fund_id = fund_id;
  c->amount_cents = cents;
  g_assert_true (cag_date_parse_iso ("2026-02-01", &c->date, NULL));
  return cag_store_contribution_add (store, c, error) ? c->id : 0;
}

static void
test_sqlite_is_everything (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cag-rights-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "t.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = cag_store_open (path, &error);
  g_autoptr(CagRights) rights = NULL;

  g_assert_no_error (error);
  rights = cag_store_get_rights (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rights->kind, ==, CAG_RIGHTS_ALL);
  g_assert_cmpstr (rights->role, ==, g_get_user_name ());
  g_assert_true (cag_rights_may_write_org (rights, 42));
  g_assert_true (cag_rights_may_edit (rights));
  g_clear_pointer (&store, cag_store_close);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_refusal_mapping (void)
{
  g_autoptr(GError) error = NULL;
  const char *message = "ERROR:  role tom may not write the ledger of Coop Sud\n"
                        "DETAIL:  Coop Sud\nHINT:  cagnotte-organization\nCONTEXT:  x";

  g_assert_false (cag_server_refusal_from_message ("23505", message, &error));
  g_assert_no_error (error);
  g_assert_false (cag_server_refusal_from_message ("42501", "ERROR:  permission denied", &error));
  g_assert_no_error (error);
  g_assert_true (cag_server_refusal_from_message ("42501", message, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY);
  g_assert_nonnull (strstr (error->message, "“Coop Sud”"));
}

static void
test_setup (void)
{
  g_autofree char *coord = uri_for ("coord");
  g_autoptr(CagStore) store = open_as ("coord");
  g_autoptr(GError) error = NULL;
  g_autoptr(CagOrganization) north = cag_organization_new ();
  g_autoptr(CagOrganization) south = cag_organization_new ();
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(CagFund) f1 = cag_fund_new ();
  g_autoptr(CagFund) f2 = cag_fund_new ();

  g_assert_true (cag_server_init (coord, &error));
  g_assert_no_error (error);
  north->name = g_strdup ("Centre Nord");
  south->name = g_strdup ("Coop Sud");
  g_assert_true (cag_store_org_add (store, north, &error) && cag_store_org_add (store, south, &error));
  campaign->name = g_strdup ("Congrès");
  campaign->delegation_cost_cents = 100000;
  cag_date_parse_iso ("2026-01-01", &campaign->start, NULL);
  cag_date_parse_iso ("2026-12-01", &campaign->deadline, NULL);
  g_assert_true (cag_store_campaign_add (store, campaign, &error));
  g_assert_no_error (error);
  f1->organization_id = north->id;
  f2->organization_id = south->id;
  f1->campaign_id = f2->campaign_id = campaign->id;
  g_assert_true (cag_store_fund_open (store, f1, &error) && cag_store_fund_open (store, f2, &error));
  g_assert_no_error (error);
  fx = (Fixture) { north->id, south->id, f1->id, f2->id };
  g_assert_true (cag_server_grant (coord, "tom", CAG_RIGHTS_ORGS, "Centre Nord", &error));
  g_assert_true (cag_server_grant (coord, "aud", CAG_RIGHTS_READ, NULL, &error));
  g_assert_no_error (error);
}

static void
test_treasurer (void)
{
  g_autoptr(CagStore) store = open_as ("tom");
  g_autoptr(GError) error = NULL;
  g_autoptr(CagRights) rights = cag_store_get_rights (store, &error);
  g_autoptr(GPtrArray) audit = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rights->kind, ==, CAG_RIGHTS_ORGS);
  g_assert_cmpstr (rights->role, ==, "tom");
  g_assert_true (cag_rights_may_write_org (rights, fx.org_north));
  g_assert_false (cag_rights_may_write_org (rights, fx.org_south));
  g_assert_false (cag_rights_may_edit (rights));

  g_assert_cmpint (add_contribution (store, fx.fund_south, 700, &error), ==, 0);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY);
  g_assert_nonnull (strstr (error->message, "“Coop Sud”"));
  g_clear_error (&error);

  /* The coordinator's changes, recorded under its server role. */
  audit = cag_store_audit_list (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((CagAuditEntry *) g_ptr_array_index (audit, 0))->user, ==, "coord");
}

static void
test_auditor_and_nobody (void)
{
  const char *roles[] = { "aud", "nobody" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(CagStore) store = open_as (roles[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CagRights) rights = cag_store_get_rights (store, &error);

      g_assert_no_error (error);
      g_assert_cmpint (rights->kind, ==, i == 0 ? CAG_RIGHTS_READ : CAG_RIGHTS_NONE);
      g_assert_false (cag_rights_may_write_org (rights, fx.org_north));
      g_assert_cmpint (add_contribution (store, fx.fund_north, 100, &error), ==, 0);
      /* A role without an account does not even see the fund. */
      if (i == 0)
        g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY);
      else
        g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
}

int
main (int argc, char **argv)
{
  cag_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rights/sqlite-is-everything", test_sqlite_is_everything);
  g_test_add_func ("/rights/refusal-mapping", test_refusal_mapping);
  if (g_getenv ("CAG_RIGHTS_PG") != NULL)
    {
      g_test_add_func ("/rights/pg/setup", test_setup);
      g_test_add_func ("/rights/pg/treasurer", test_treasurer);
      g_test_add_func ("/rights/pg/auditor-and-nobody", test_auditor_and_nobody);
    }
  return g_test_run ();
}
