/* cag-location.c — files and server URIs (docs/SERVER.md, "Connecting from
 * the window").  GLib only: parsing and building URIs, no connection. */
#include "config.h"

#include <string.h>

#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-location.h"

/* The PostgreSQL store is part of the build (docs/SERVER.md): a server
 * location is opened as such, never taken for a file name. */
static const gboolean store_reaches_servers = TRUE;

static gboolean
has_control (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

static char *
escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

gboolean
cag_location_is_server (const char *location)
{
  return location != NULL
         && (g_str_has_prefix (location, "postgresql://")
             || g_str_has_prefix (location, "postgres://"));
}

gboolean
cag_location_check_supported (const char *location,
                              GError    **error)
{
  if (!cag_location_is_server (location) || store_reaches_servers)
    return TRUE;
  g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
               _("“%s” is a PostgreSQL server; this build of Cagnotte opens and copies "
                 "files only. See docs/SERVER.md."), location);
  return FALSE;
}

char *
cag_location_server_uri (const char *host,
                         guint       port,
                         const char *database,
                         const char *user,
                         GError    **error)
{
  g_autofree char *db = g_strstrip (g_strdup (database != NULL ? database : ""));
  g_autofree char *h = g_strstrip (g_strdup (host != NULL ? host : ""));
  g_autofree char *u = g_strstrip (g_strdup (user != NULL ? user : ""));
  g_autoptr(GString) uri = g_string_new ("postgresql://");
  g_autofree char *db_escaped = NULL;

  if (*db == '\0')
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("Name the database on the server."));
      return NULL;
    }
  if (has_control (db) || has_control (h) || has_control (u))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The server, database and user names cannot hold control characters."));
      return NULL;
    }
  if (*u != '\0')
    {
      g_autofree char *e = escape (u);

      g_string_append_printf (uri, "%s@", e);
    }
  if (*h != '\0' && h[0] != '/')
    {
      g_autofree char *e = g_uri_escape_string (h, ":", FALSE);

      g_string_append (uri, strchr (h, ':') != NULL ? "[" : "");
      g_string_append (uri, e);
      g_string_append (uri, strchr (h, ':') != NULL ? "]" : "");
    }
  if (port > 0 && h[0] != '/')
    g_string_append_printf (uri, ":%u", port);
  db_escaped = escape (db);
  g_string_append_printf (uri, "/%s", db_escaped);
  if (h[0] == '/')
    {
      g_autofree char *e = escape (h);

      g_string_append_printf (uri, "?host=%s", e);
      if (port > 0)
        g_string_append_printf (uri, "&port=%u", port);
    }
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

char *
cag_location_with_password (const char *uri,
                            const char *password)
{
  g_autofree char *e = NULL;

  g_return_val_if_fail (uri != NULL, NULL);
  if (password == NULL || *password == '\0')
    return g_strdup (uri);
  e = escape (password);
  return g_strdup_printf ("%s%spassword=%s", uri, strchr (uri, '?') != NULL ? "&" : "?", e);
}

static void
describe_server (const char *location,
                 char      **title,
                 char      **subtitle)
{
  g_autoptr(GUri) uri = g_uri_parse (location, G_URI_FLAGS_NON_DNS | G_URI_FLAGS_HAS_PASSWORD,
                                     NULL);
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *server = NULL;
  const char *user = NULL;
  const char *host = NULL;
  const char *path;

  if (uri == NULL)
    {
      *title = g_strdup (_("Server"));
      *subtitle = g_strdup ("");
      return;
    }
  if (g_uri_get_query (uri) != NULL)
    params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  user = g_uri_get_user (uri);
  if (user == NULL && params != NULL)
    user = g_hash_table_lookup (params, "user");
  host = g_uri_get_host (uri);
  if ((host == NULL || *host == '\0') && params != NULL)
    host = g_hash_table_lookup (params, "host");
  if (host == NULL || *host == '\0')
    host = _("local server");
  server = g_uri_get_port (uri) > 0 ? g_strdup_printf ("%s:%d", host, g_uri_get_port (uri))
                                    : g_strdup (host);
  path = g_uri_get_path (uri);
  *title = g_strdup (path != NULL && path[0] == '/' && path[1] != '\0' ? path + 1 : _("Server"));
  *subtitle = user != NULL ? g_strdup_printf ("%s@%s", user, server) : g_strdup (server);
}

void
cag_location_describe (const char *location,
                       char      **title,
                       char      **subtitle)
{
  g_return_if_fail (location != NULL && title != NULL && subtitle != NULL);

  if (cag_location_is_server (location))
    {
      describe_server (location, title, subtitle);
      return;
    }
  *title = g_path_get_basename (location);
  *subtitle = g_path_get_dirname (location);
}
