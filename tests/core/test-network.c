/* test-network.c — the network profile: empty at first, round trip, one
 * audit entry per write, refusals that leave the profile as it was, the
 * migration from a schema-2 file, and the example data's issuer. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cag-demo.h"
#include "cag-error.h"
#include "cag-network.h"
#include "cag-store-private.h"

typedef struct
{
  char     *dir;
  char     *path;
  CagStore *store;
} Fixture;

static void
fixture_set_up (Fixture      *fx,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("cag-network-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "test.db", NULL);
  fx->store = cag_store_open (fx->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fx,
                   gconstpointer data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_pointer (&fx->store, cag_store_close);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (fx->path, suffixes[i], NULL);

      g_remove (p);
    }
  g_rmdir (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}

static gint64
audit_count (CagStore *store)
{
  g_autoptr(GError) error = NULL;
  CagStmt *stmt = cag_store_prepare (store,
                                          "SELECT count(*) FROM audit_log "
                                          "WHERE action = 'network.set'", &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (cag_stmt_step (store, stmt, NULL, NULL), ==, CAG_STEP_ROW);
  n = cag_stmt_column_int (stmt, 0);
  cag_stmt_finish (stmt);
  return n;
}

static CagNetwork *
sample (void)
{
  CagNetwork *n = cag_network_new ();

  n->name = g_strdup ("  Réseau d'essai  ");
  n->address = g_strdup ("12, rue des Tests  \r\n\n  Québec (Québec)  G1A 0A0 ");
  n->contact = g_strdup ("Anne Exemple");
  n->email = g_strdup ("anne@example.org");
  n->phone = g_strdup ("418 555-0100");
  n->charity_number = g_strdup ("123456789 RR 0001");
  n->website = g_strdup ("   ");
  return n;
}

static void
test_network_empty (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagNetwork) n = cag_store_network_get (fx->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (n);
  g_assert_true (cag_network_is_empty (n));
  g_assert_null (n->name);
}

static void
test_network_round_trip (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagNetwork) in = sample ();
  g_autoptr(CagNetwork) out = NULL;
  g_autoptr(CagNetwork) again = NULL;

  g_assert_true (cag_store_network_set (fx->store, in, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (fx->store), ==, 1);
  out = cag_store_network_get (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out->name, ==, "Réseau d'essai");
  g_assert_cmpstr (out->address, ==, "12, rue des Tests\nQuébec (Québec)  G1A 0A0");
  g_assert_cmpstr (out->contact, ==, "Anne Exemple");
  g_assert_cmpstr (out->email, ==, "anne@example.org");
  g_assert_cmpstr (out->phone, ==, "418 555-0100");
  g_assert_cmpstr (out->charity_number, ==, "123456789 RR 0001");
  g_assert_null (out->website);

  /* Replaced whole: a field left out is cleared. */
  g_clear_pointer (&out->phone, g_free);
  g_assert_true (cag_store_network_set (fx->store, out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (fx->store), ==, 2);
  again = cag_store_network_get (fx->store, &error);
  g_assert_null (again->phone);
  g_assert_cmpstr (again->name, ==, "Réseau d'essai");
}

static void
refuse (Fixture *fx, CagNetwork *bad, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagNetwork) after = NULL;
  gint64 audits = audit_count (fx->store);

  g_assert_false (cag_store_network_set (fx->store, bad, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fragment));
  g_clear_error (&error);
  after = cag_store_network_get (fx->store, &error);
  g_assert_cmpstr (after->name, ==, "Réseau d'essai");
  g_assert_cmpstr (after->email, ==, "anne@example.org");
  g_assert_cmpint (audit_count (fx->store), ==, audits);
}

static void
test_network_refusals (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagNetwork) good = sample ();
  g_autoptr(CagNetwork) bad = NULL;

  g_assert_true (cag_store_network_set (fx->store, good, &error));
  g_assert_no_error (error);

  bad = sample ();
  g_free (bad->email);
  bad->email = g_strdup ("anne at example");
  refuse (fx, bad, "anne at example");

  g_free (bad->email);
  bad->email = g_strdup ("x@example.org");
  g_free (bad->name);
  bad->name = g_strdup ("Réseau\td'essai");
  refuse (fx, bad, "control character");

  g_free (bad->name);
  bad->name = g_strdup ("Réseau\nd'essai");
  refuse (fx, bad, "one line");

  g_free (bad->name);
  bad->name = g_strnfill (201, 'a');
  refuse (fx, bad, "200");

  g_free (bad->name);
  bad->name = g_strdup ("R\xff\xfe");
  refuse (fx, bad, "UTF-8");

  g_free (bad->name);
  bad->name = g_strdup ("ok");
  g_free (bad->website);
  bad->website = g_strdup ("www.example org");
  refuse (fx, bad, "website");
}

/* A file at schema step 2 (before the network table) is upgraded in place. */
static void
test_network_migration (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagNetwork) n = NULL;
  sqlite3 *db = cag_store_get_db (fx->store);

  g_assert_cmpint (CAG_STORE_SCHEMA_VERSION, >=, 3);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE network; PRAGMA user_version = 2",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  cag_store_close (fx->store);
  fx->store = cag_store_open (fx->path, &error);
  g_assert_no_error (error);
  n = cag_store_network_get (fx->store, &error);
  g_assert_no_error (error);
  g_assert_true (cag_network_is_empty (n));
}

static void
test_network_demo (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagNetwork) n = NULL;
  CagDate as_of = { 2004, 9, 15 };

  g_assert_true (cag_demo_fill (fx->store, &as_of, NULL, &error));
  g_assert_no_error (error);
  n = cag_store_network_get (fx->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (n->name, "Groupe d'économie solidaire du Québec"));
  g_assert_nonnull (n->contact);
  g_assert_nonnull (strstr (n->address, "exemple"));
  g_assert_nonnull (strstr (n->email, "example.org"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/network/empty", test_network_empty);
  ADD ("/network/round-trip", test_network_round_trip);
  ADD ("/network/refusals", test_network_refusals);
  ADD ("/network/migration", test_network_migration);
  ADD ("/network/demo", test_network_demo);
#undef ADD
  return g_test_run ();
}
