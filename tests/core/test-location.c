/* test-location.c — server URIs from the connect form, and what a window's
 * title shows for a location (docs/SERVER.md, "Connecting from the window"). */
#include "config.h"

#include <string.h>

#include "cag-error.h"
#include "cag-location.h"

static void
assert_uri (const char *host,
            guint       port,
            const char *database,
            const char *user,
            const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = cag_location_server_uri (host, port, database, user, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (uri, ==, expected);
  g_assert_true (cag_location_is_server (uri));
}

static void
test_server_uri (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;

  assert_uri ("db.gesq.example.org", 5433, "cagnotte", "marie",
              "postgresql://marie@db.gesq.example.org:5433/cagnotte");
  assert_uri ("  db.example.org ", 0, " réseau ", NULL,
              "postgresql://db.example.org/r%C3%A9seau");
  /* A socket folder goes into the query, as libpq wants it. */
  assert_uri ("/tmp/pg sock", 0, "cagnotte", "marie@gesq",
              "postgresql://marie%40gesq@/cagnotte?host=%2Ftmp%2Fpg%20sock");
  assert_uri ("/run/postgresql", 5433, "c/d", "",
              "postgresql:///c%2Fd?host=%2Frun%2Fpostgresql&port=5433");
  assert_uri ("", 0, "cagnotte", NULL, "postgresql:///cagnotte");
  assert_uri ("::1", 5432, "cagnotte", NULL, "postgresql://[::1]:5432/cagnotte");

  none = cag_location_server_uri ("localhost", 0, "  ", "marie", &error);
  g_assert_null (none);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  none = cag_location_server_uri ("local\nhost", 0, "cagnotte", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
}

static void
test_password (void)
{
  g_autofree char *a = cag_location_with_password ("postgresql://m@h/db", "s3cr&t é");
  g_autofree char *b = cag_location_with_password ("postgresql:///db?host=%2Ftmp", "x");
  g_autofree char *c = cag_location_with_password ("postgresql:///db", "");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_assert_cmpstr (a, ==, "postgresql://m@h/db?password=s3cr%26t%20%C3%A9");
  g_assert_cmpstr (b, ==, "postgresql:///db?host=%2Ftmp&password=x");
  g_assert_cmpstr (c, ==, "postgresql:///db");
  /* The title never shows it. */
  cag_location_describe (a, &title, &subtitle);
  g_assert_null (strstr (title, "s3cr"));
  g_assert_null (strstr (subtitle, "s3cr"));
}

static void
assert_describe (const char *location,
                 const char *title,
                 const char *subtitle)
{
  g_autofree char *t = NULL;
  g_autofree char *s = NULL;

  cag_location_describe (location, &t, &s);
  g_assert_cmpstr (t, ==, title);
  g_assert_cmpstr (s, ==, subtitle);
}

static void
test_describe (void)
{
  assert_describe ("/home/marie/reseau.db", "reseau.db", "/home/marie");
  assert_describe ("postgresql://marie@db.example.org:5433/cagnotte", "cagnotte",
                   "marie@db.example.org:5433");
  assert_describe ("postgresql:///cagnotte?host=%2Ftmp%2Fsock&user=paul", "cagnotte",
                   "paul@/tmp/sock");
  assert_describe ("postgres://h/r%C3%A9seau?password=x", "réseau", "h");
  assert_describe ("postgresql:///cagnotte", "cagnotte", "local server");
}

static void
test_supported (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cag_location_is_server ("/tmp/postgresql://x"));
  g_assert_false (cag_location_is_server ("cagnotte.db"));
  g_assert_true (cag_location_check_supported ("cagnotte.db", &error));
  g_assert_no_error (error);
  /* The PostgreSQL store is in the build: a server location is opened as a
   * server (never taken for a file name). */
  g_assert_true (cag_location_check_supported ("postgresql:///x", &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/location/server-uri", test_server_uri);
  g_test_add_func ("/location/password", test_password);
  g_test_add_func ("/location/describe", test_describe);
  g_test_add_func ("/location/supported", test_supported);
  return g_test_run ();
}
