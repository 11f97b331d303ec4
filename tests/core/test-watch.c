/* test-watch.c — a store notices what another connection writes to the same
 * database, and not its own writes (docs/SERVER.md, "Changes made by
 * others"). */
#include "config.h"

#include <glib/gstdio.h>

#include "cag-store-watch.h"
#include "cag-test-db.h"

typedef struct
{
  char     *dir;
  char     *path;
  CagStore *mine;
  CagStore *other;
} Fixture;

static void
fixture_set_up (Fixture      *fx,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("cagnotte-watch-XXXXXX", NULL);
  /* A file, or a schema on the server of CAGNOTTE_TEST_PG (suite pg). */
  fx->path = cag_test_db_location (fx->dir, "shared.db");
  fx->mine = cag_store_open (fx->path, &error);
  g_assert_no_error (error);
  fx->other = cag_store_open_existing (fx->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fx,
                   gconstpointer data)
{
  cag_store_close (fx->mine);
  cag_store_close (fx->other);
  if (!cag_test_db_is_server ())
    g_remove (fx->path);
  g_free (fx->path);
  g_rmdir (fx->dir);
  g_free (fx->dir);
}

static void
add_org (CagStore   *store,
         const char *name)
{
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(GError) error = NULL;

  org->name = g_strdup (name);
  g_assert_true (cag_store_org_add (store, org, &error));
  g_assert_no_error (error);
}

static gboolean
poll (CagStore *store,
      gint64   *cursor)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = TRUE;

  g_assert_true (cag_store_poll_changes (store, cursor, &changed, &error));
  g_assert_no_error (error);
  return changed;
}

/* A server's notification travels on its own: it may come a moment after
 * the other connection's commit returned.  A file's counter is there at once. */
static gboolean
poll_within (CagStore *store,
             gint64   *cursor,
             guint     ms)
{
  for (guint waited = 0; waited < ms; waited += 20)
    {
      if (poll (store, cursor))
        return TRUE;
      g_usleep (20000);
    }
  return poll (store, cursor);
}

static void
test_poll (Fixture      *fx,
           gconstpointer data)
{
  gint64 cursor = -1;

  g_assert_false (poll (fx->mine, &cursor));   /* the starting point */
  g_assert_false (poll (fx->mine, &cursor));
  add_org (fx->mine, "Centre Saint-Pierre");   /* its own write */
  g_assert_false (poll (fx->mine, &cursor));
  add_org (fx->other, "Carrefour Tiers-Monde");
  g_assert_true (poll_within (fx->mine, &cursor, 5000));
  g_assert_false (poll (fx->mine, &cursor));   /* said once */
}

static void
changed_cb (CagStore *store,
            gpointer  user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until FUNC has been called or 5 s have passed. */
static void
run_until_called (guint *calls)
{
  gboolean expired = FALSE;
  guint timeout = g_timeout_add (5000, timeout_cb, &expired);

  while (*calls == 0 && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (timeout);
}

static void
test_watch (Fixture      *fx,
            gconstpointer data)
{
  guint calls = 0;
  guint id = cag_store_watch (fx->mine, 20, changed_cb, &calls, NULL);

  /* Its own write: nothing to tell, even after several ticks. */
  add_org (fx->mine, "Centre Saint-Pierre");
  for (int i = 0; i < 5; i++)
    {
      g_usleep (25000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_cmpuint (calls, ==, 0);

  add_org (fx->other, "Carrefour Tiers-Monde");
  run_until_called (&calls);
  g_assert_cmpuint (calls, ==, 1);
  g_source_remove (id);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/watch/poll", Fixture, NULL, fixture_set_up, test_poll, fixture_tear_down);
  g_test_add ("/watch/source", Fixture, NULL, fixture_set_up, test_watch, fixture_tear_down);
  return g_test_run ();
}
