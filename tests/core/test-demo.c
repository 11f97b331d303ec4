/* test-demo.c — example data, and nested transactions (all or nothing). */
#include "config.h"

#include <glib/gstdio.h>

#include "cag-demo.h"
#include "cag-error.h"
#include "cag-store-private.h"

static char *
temp_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cag-demo-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "demo.db", NULL);
}

static void
remove_db (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

static void
test_demo_fill (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(GError) error = NULL;
  CagStore *store = cag_store_open (path, &error);
  CagDate as_of = { 2004, 9, 15 };
  CagDemoSummary summary;
  g_autoptr(GPtrArray) statuses = NULL;
  CagNetworkTotals totals;
  guint behind = 0, on_track = 0, complete = 0;

  g_assert_no_error (error);
  g_assert_true (cag_demo_fill (store, &as_of, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.organizations, ==, 25);
  g_assert_cmpuint (summary.funds, >, 10);
  g_assert_cmpuint (summary.contributions, >, 100);
  g_assert_cmpint (cag_store_org_count (store), ==, 25);
  g_assert_true (cag_store_check_totals (store, &error));
  g_assert_no_error (error);

  statuses = cag_store_status_list (store, summary.campaign_id, 0, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, ==, summary.funds);
  for (guint i = 0; i < statuses->len; i++)
    {
      CagFundStatus *s = g_ptr_array_index (statuses, i);

      behind += s->figures.state == CAG_FUND_BEHIND;
      on_track += s->figures.state == CAG_FUND_ON_TRACK;
      complete += s->figures.state == CAG_FUND_COMPLETE;
    }
  /* A living ledger: some funds on track, some behind. */
  g_assert_cmpuint (behind, >, 0);
  g_assert_cmpuint (on_track, >, 0);
  cag_network_totals_compute (statuses, &totals);
  g_assert_cmpint (totals.saved_cents, >, 0);

  /* A second fill is refused and changes nothing. */
  g_assert_false (cag_demo_fill (store, &as_of, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_assert_cmpint (cag_store_org_count (store), ==, 25);

  cag_store_close (store);
  remove_db (path);
}

static void
test_nested_rollback (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(GError) error = NULL;
  CagStore *store = cag_store_open (path, &error);
  g_autoptr(CagOrganization) a = cag_organization_new ();
  g_autoptr(CagOrganization) b = cag_organization_new ();
  g_autoptr(CagOrganization) dup = cag_organization_new ();

  g_assert_no_error (error);
  a->name = g_strdup ("Alpha");
  b->name = g_strdup ("Bêta");
  dup->name = g_strdup ("ALPHA");

  /* An inner failure rolls back only its own step... */
  g_assert_true (cag_store_begin (store, &error));
  g_assert_true (cag_store_org_add (store, a, &error));
  g_assert_false (cag_store_org_add (store, dup, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (cag_store_org_add (store, b, &error));
  /* ...and the outer rollback undoes everything. */
  cag_store_rollback (store);
  g_assert_cmpint (cag_store_org_count (store), ==, 0);

  /* Committed, the outer transaction keeps both. */
  g_clear_pointer (&a->name, g_free);
  a->name = g_strdup ("Alpha");
  g_assert_true (cag_store_begin (store, &error));
  g_assert_true (cag_store_org_add (store, a, &error));
  g_assert_true (cag_store_org_add (store, b, &error));
  g_assert_true (cag_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cag_store_org_count (store), ==, 2);

  cag_store_close (store);
  remove_db (path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cag_i18n_init ();
  g_test_add_func ("/demo/fill", test_demo_fill);
  g_test_add_func ("/store/nested-transactions", test_nested_rollback);
  return g_test_run ();
}
