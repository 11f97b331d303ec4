/* cag-test-db.c — see cag-test-db.h. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <libpq-fe.h>

#include "cag-test-db.h"

gboolean
cag_test_db_is_server (void)
{
  const char *uri = g_getenv ("CAGNOTTE_TEST_PG");

  return uri != NULL && *uri != '\0';
}

char *
cag_test_db_location (const char *dir,
                      const char *name)
{
  static guint serial;
  const char *uri = g_getenv ("CAGNOTTE_TEST_PG");
  g_autofree char *schema = NULL;
  g_autofree char *sql = NULL;
  PGconn *conn;
  PGresult *result;

  if (!cag_test_db_is_server ())
    return g_build_filename (dir, name, NULL);

  schema = g_strdup_printf ("t_%d_%u", (int) getpid (), ++serial);
  sql = g_strdup_printf ("CREATE SCHEMA %s", schema);
  conn = PQconnectdb (uri);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to %s: %s", uri, PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("cannot create a schema on %s: %s", uri, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
  return g_strdup_printf ("%s%coptions=-csearch_path%%3D%s", uri,
                          strchr (uri, '?') != NULL ? '&' : '?', schema);
}

static void
append_result (GString  *out,
               PGresult *result)
{
  for (int r = 0; r < PQntuples (result); r++)
    {
      for (int c = 0; c < PQnfields (result); c++)
        {
          g_string_append (out, PQgetisnull (result, r, c) ? "\\N" : PQgetvalue (result, r, c));
          g_string_append_c (out, '\t');
        }
      g_string_append_c (out, '\n');
    }
}

GBytes *
cag_test_db_snapshot (const char *location)
{
  g_autoptr(GError) error = NULL;
  GString *out;
  PGconn *conn;
  PGresult *tables;
  char *contents = NULL;
  gsize length = 0;

  if (!g_str_has_prefix (location, "postgresql://") && !g_str_has_prefix (location, "postgres://"))
    {
      g_file_get_contents (location, &contents, &length, &error);
      g_assert_no_error (error);
      return g_bytes_new_take (contents, length);
    }
  out = g_string_new (NULL);
  conn = PQconnectdb (location);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  tables = PQexec (conn, "SELECT tablename FROM pg_catalog.pg_tables "
                         "WHERE schemaname = current_schema () ORDER BY 1");
  g_assert_cmpint (PQresultStatus (tables), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1",
                                              PQgetvalue (tables, i, 0));
      PGresult *rows = PQexec (conn, sql);

      g_assert_cmpint (PQresultStatus (rows), ==, PGRES_TUPLES_OK);
      g_string_append_printf (out, "== %s\n", PQgetvalue (tables, i, 0));
      append_result (out, rows);
      PQclear (rows);
    }
  PQclear (tables);
  PQfinish (conn);
  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}
