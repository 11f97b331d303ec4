/* cag-location.h — where a store lives: a file, or a PostgreSQL server
 * named by a connection URI (docs/SERVER.md, "Connecting from the window"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when LOCATION is a PostgreSQL connection URI (postgresql://… or
 * postgres://…) rather than a file. */
gboolean  cag_location_is_server         (const char *location);

/* FALSE, with a message saying so, when LOCATION is a server and this build
 * of Cagnotte cannot reach servers; TRUE for files. */
gboolean  cag_location_check_supported   (const char *location,
                                          GError    **error);

/* The URI of the server form: HOST is a host name or address, or a folder
 * holding the server's Unix socket (it starts with "/"); empty or NULL: the
 * server's default socket.  PORT 0: the default (5432).  DATABASE is
 * required; USER (nullable) defaults to the system user.  Every part is
 * percent-encoded.  INVALID with a message when DATABASE is blank or a part
 * holds a control character.  Never holds a password. */
char     *cag_location_server_uri        (const char *host,
                                          guint       port,
                                          const char *database,
                                          const char *user,
                                          GError    **error);

/* URI with PASSWORD added (for opening only: never show, log or keep it). */
char     *cag_location_with_password     (const char *uri,
                                          const char *password);

/* What a window's title shows for LOCATION: a file's name and folder, or a
 * server's database and "user@server" (the socket folder for a local one);
 * never a password.  Both newly allocated. */
void      cag_location_describe          (const char *location,
                                          char      **title,
                                          char      **subtitle);

G_END_DECLS
