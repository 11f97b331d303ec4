/* cag-store-private.h — for core modules built on the store (budgets, CSV
 * import, backups).  Never include from pdf/, cli/ or gui/. */
#pragma once

#include <sqlite3.h>
#include "cag-store.h"

G_BEGIN_DECLS

sqlite3  *cag_store_get_db          (CagStore *store);

/* A cached prepared statement (reset and with bindings cleared); NULL and
 * error on failure.  Never build SQL from user text. */
sqlite3_stmt *cag_store_prepare     (CagStore   *store,
                                     const char *sql,
                                     GError    **error);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK, mapping SQLite errors to CAG_ERROR.
 * They nest: inner levels are savepoints, so a compound operation can wrap
 * calls to the public writers and stay all or nothing. */
gboolean  cag_store_begin           (CagStore *store,
                                     GError  **error);
gboolean  cag_store_commit          (CagStore *store,
                                     GError  **error);
void      cag_store_rollback        (CagStore *store);

/* Sets *error from the connection's last error, with CONTEXT ("saving the
 * organization") in the message; maps BUSY/LOCKED, READONLY, CORRUPT/NOTADB,
 * FULL/IOERR to the matching CagError. Returns FALSE for convenience. */
gboolean  cag_store_set_error       (CagStore   *store,
                                     int         rc,
                                     const char *context,
                                     GError    **error);

/* TRUE when KEY, as typed by a user, is a record number ("12"): digits only,
 * 1 to G_MAXINT64.  Every find-by-id-or-name uses it. */
gboolean  cag_store_key_is_id       (const char *key,
                                     gint64     *out_id);

/* Appends to the audit log inside the caller's transaction. */
gboolean  cag_store_audit           (CagStore   *store,
                                     const char *action,
                                     const char *entity,
                                     gint64      entity_id,
                                     const char *detail_json,
                                     GError    **error);

/* Migration steps: SQL scripts applied in order; step i takes user_version
 * from i to i + 1.  Modules append their tables here (budgets: step 1 → 2). */
typedef struct
{
  const char *sql;
} CagMigration;

const CagMigration *cag_store_migrations (guint *out_count);

G_END_DECLS
