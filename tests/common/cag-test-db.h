/* cag-test-db.h — a fresh store location for each test case: a file in a
 * temporary folder, or, when CAGNOTTE_TEST_PG names a server database
 * (tests/pg/pg-cluster.sh), a new empty schema on it (docs/SERVER.md,
 * "Tests"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the tests run against the server in CAGNOTTE_TEST_PG. */
gboolean  cag_test_db_is_server (void);
/* A new location: DIR/NAME, or a URI with a schema of its own on the server. */
char     *cag_test_db_location  (const char *dir,
                                 const char *name);

/* What the database at LOCATION holds, to compare before and after a refused
 * command: a file's bytes, or every row of every table on a server. */
GBytes   *cag_test_db_snapshot  (const char *location);

G_END_DECLS
