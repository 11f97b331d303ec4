/* cag-store-private.h — for core modules built on the store (budgets, CSV
 * import, backups).  Never include from pdf/, cli/ or gui/. */
#pragma once

#include "cag-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Cagnotte database ("CAG1"), set by
 * migration step 0 → 1. */
#define CAG_STORE_APPLICATION_ID 1128351537

/* The SQLite connection of a file store, NULL on a server: only for the
 * SQLite-only code (backups, tests).  Include <sqlite3.h> to use it. */
struct sqlite3 *cag_store_get_db    (CagStore *store);
/* TRUE when STORE is a PostgreSQL database (docs/SERVER.md). */
gboolean  cag_store_is_server       (CagStore *store);

/* ---- Statements ----------------------------------------------------------
 * The one way to run SQL (docs/RELIABILITY.md, "Statements"): prepare by SQL
 * text, bind by index (1-based), step, read columns (0-based), finish.  Every
 * failure of a step sets a GError: a busy or damaged database is never read
 * as "no row".  Nothing here names SQLite outside the store's own files, so
 * another backend can implement the same calls. */
typedef struct _CagStmt CagStmt;

typedef enum
{
  CAG_STEP_ERROR = -1,
  CAG_STEP_DONE  = 0,
  CAG_STEP_ROW   = 1,
} CagStep;

/* A cached prepared statement (reset and with bindings cleared); NULL and
 * error on failure.  Never build SQL from user text. */
CagStmt  *cag_store_prepare         (CagStore   *store,
                                     const char *sql,
                                     GError    **error);
/* ROW, DONE, or ERROR with *error set (CONTEXT, translated, names what was
 * being done: "reading the budgets").  The statement is reset after DONE
 * and ERROR. */
CagStep   cag_stmt_step             (CagStore   *store,
                                     CagStmt    *stmt,
                                     const char *context,
                                     GError    **error);
/* Steps to the end; FALSE with *error on failure.  Resets STMT. */
gboolean  cag_stmt_step_done        (CagStore   *store,
                                     CagStmt    *stmt,
                                     const char *context,
                                     GError    **error);
/* Resets STMT so that it can be prepared again (also the autoptr cleanup). */
void      cag_stmt_finish           (CagStmt    *stmt);

void      cag_stmt_bind_int         (CagStmt    *stmt,
                                     int         index,
                                     gint64      value);
/* NULL binds SQL NULL; the text is copied. */
void      cag_stmt_bind_text        (CagStmt    *stmt,
                                     int         index,
                                     const char *text);
/* TEXT (LEN bytes, -1: up to the NUL) is not copied: it must stay valid
 * until the statement is stepped (bulk loads). */
void      cag_stmt_bind_static      (CagStmt    *stmt,
                                     int         index,
                                     const char *text,
                                     int         len);
void      cag_stmt_bind_null        (CagStmt    *stmt,
                                     int         index);
int       cag_stmt_param_count      (CagStmt    *stmt);
gint64    cag_stmt_column_int       (CagStmt    *stmt,
                                     int         column);
/* Borrowed, valid until the next step; NULL for SQL NULL. */
const char *cag_stmt_column_text    (CagStmt    *stmt,
                                     int         column);
char     *cag_stmt_column_dup       (CagStmt    *stmt,
                                     int         column);
CagDate   cag_stmt_column_date      (CagStmt    *stmt,
                                     int         column);
gboolean  cag_stmt_column_is_null   (CagStmt    *stmt,
                                     int         column);
/* The id given to the last inserted row, and the rows the last write
 * changed, on STORE's connection. */
gint64    cag_store_last_insert_id  (CagStore   *store);
gint64    cag_store_changes         (CagStore   *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagStmt, cag_stmt_finish)

/* Begin a write / COMMIT / ROLLBACK, mapping the backend's errors to
 * CAG_ERROR.  A write excludes every other writer of the same database
 * (SQLite: BEGIN IMMEDIATE; a server: a transaction-wide advisory lock), so a
 * check-then-write never races (docs/SERVER.md, "Concurrency").
 * They nest: inner levels are savepoints, so a compound operation can wrap
 * calls to the public writers and stay all or nothing. */
gboolean  cag_store_begin           (CagStore *store,
                                     GError  **error);
gboolean  cag_store_commit          (CagStore *store,
                                     GError  **error);
void      cag_store_rollback        (CagStore *store);

/* Sets *error from the connection's last failure (the last step that
 * returned ERROR), with CONTEXT ("saving the organization") in the message;
 * maps busy/locked, read-only, damaged, full and I/O failures (and their
 * server equivalents) to the matching CagError. Returns FALSE. */
gboolean  cag_store_set_error       (CagStore   *store,
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

/* After rows were written with their own ids (cag-copy.c): makes the next
 * ids given follow them.  Inside the caller's transaction. */
gboolean  cag_store_after_copy      (CagStore *store,
                                     GError  **error);

G_END_DECLS
