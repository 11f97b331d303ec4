/* test-reliability.c — the store under failure: SQLite errors are reported
 * and never read as "no row", reads of several queries are one snapshot, and
 * hostile text is refused or ignored where it must be (docs/RELIABILITY.md). */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cag-budget.h"
#include "cag-error.h"
#include "cag-fold.h"
#include "cag-store-private.h"

typedef struct
{
  char     *dir;
  char     *path;
  CagStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("cagnotte-rel-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "cagnotte.db", NULL);
  fx->store = cag_store_open (fx->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fx->path, "-shm", NULL);

  g_clear_pointer (&fx->store, cag_store_close);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (fx->path);
  g_rmdir (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

/* ---- Errors are never "no row" ----------------------------------------- */

static const char *denied_table;

static int
deny_table_cb (void       *data,
               int         action,
               const char *a,
               const char *b,
               const char *db,
               const char *trigger)
{
  if (action == SQLITE_READ && denied_table != NULL && g_strcmp0 (a, denied_table) == 0)
    return SQLITE_DENY;
  return SQLITE_OK;
}

static gint64
add_budget_with_pledge (CagStore *store)
{
  g_autoptr(CagBudget) budget = cag_budget_new ();
  g_autoptr(CagPledge) pledge = cag_pledge_new ();
  g_autoptr(GError) error = NULL;

  budget->name = g_strdup ("Projet");
  cag_date_parse_iso ("2003-04-01", &budget->start, NULL);
  cag_date_parse_iso ("2004-03-31", &budget->end, NULL);
  g_assert_true (cag_budget_add (store, budget, NULL, &error));
  g_assert_true (cag_budget_line_set (store, budget->id, "A", "Coordination", 500000, NULL,
                                      &error));
  g_assert_true (cag_budget_line_set (store, budget->id, "B", "Travel", 100000, NULL, &error));
  g_assert_true (cag_budget_line_set (store, budget->id, "C", "Rent", 100000, NULL, &error));
  pledge->partner_name = g_strdup ("Caisse");
  pledge->line_code = g_strdup ("A");
  pledge->kind = CAG_PLEDGE_CASH;
  pledge->amount_cents = 100000;
  g_assert_true (cag_budget_pledge_add (store, budget->id, pledge, NULL, &error));
  g_assert_no_error (error);
  return budget->id;
}

static guint
count_lines (CagStore *store,
             gint64    budget_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagProformaInput) in = cag_budget_load (store, budget_id, 0, &error);

  g_assert_no_error (error);
  return in->lines->len;
}

/* A line with pledges cannot be removed.  When the pledge count cannot be
 * read (here: an authorizer denies the table, as a damaged page or an I/O
 * error would), the guard must report the error, not read "no pledges". */
static void
test_budget_guard_reports_error (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_budget_with_pledge (fx->store);
  sqlite3 *db = cag_store_get_db (fx->store);

  /* Remove B first: the count statement is now prepared and cached. */
  g_assert_true (cag_budget_line_remove (fx->store, id, "B", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_lines (fx->store, id), ==, 2);

  denied_table = "budget_pledge";
  sqlite3_set_authorizer (db, deny_table_cb, NULL);
  g_assert_false (cag_budget_line_remove (fx->store, id, "A", NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, CAG_ERROR, CAG_ERROR_FAILED));
  g_clear_error (&error);
  /* A lookup that fails is an error too, not "no such line". */
  g_assert_false (cag_budget_line_remove (fx->store, id, "C", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  sqlite3_set_authorizer (db, NULL, NULL);
  denied_table = NULL;

  g_assert_cmpuint (count_lines (fx->store, id), ==, 2);
  g_assert_false (cag_budget_line_remove (fx->store, id, "A", NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cag_i18n_init ();
  cag_i18n_set_language (CAG_LANG_EN);
  g_setenv ("CAGNOTTE_TODAY", "2004-06-15", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reliability/budget-guard-reports-error", test_budget_guard_reports_error);
  return g_test_run ();
}
