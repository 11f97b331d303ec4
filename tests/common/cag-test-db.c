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
