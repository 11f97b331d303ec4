/* cag-store-backend.h — what a storage backend provides to the store
 * (docs/SERVER.md, "Backends").  Two implement it: SQLite files
 * (cag-store-sqlite.c) and PostgreSQL servers (cag-store-pg.c).  Only the
 * store's own files include this header.
 *
 * SQL is written once, in SQLite's dialect with `?` / `?N` placeholders; the
 * PostgreSQL backend translates placeholders at prepare time and the schema
 * once (cag_store_pg_schema_sql).  What must differ is in CagStoreDialect,
 * one place per family of statements. */
#pragma once

#include "cag-store-private.h"

G_BEGIN_DECLS

typedef struct _CagStoreBackend CagStoreBackend;

/* The statements that differ between backends, one row each. */
typedef struct
{
  const char *begin_write;   /* outermost write transaction */
  const char *begin_read;    /* outermost read snapshot */
  const char *first_read;    /* a read that starts the snapshot (or NULL) */
  const char *is_empty;      /* one row, one integer column */
  /* One row, one integer that changes whenever another connection commits a
   * change (docs/SERVER.md, "Changes made by others"); NULL when the backend
   * has poll_changes. */
  const char *change_counter;
  /* A script run after rows were copied in with their ids (cag-copy.c), so
   * that the next id given is past them; NULL when nothing is needed. */
  const char *after_copy;
} CagStoreDialect;

/* Every statement starts with this header; backends extend it. */
struct _CagStmt
{
  CagStore *store;
};

struct _CagStoreBackend
{
  const char            *name;
  const CagStoreDialect *dialect;

  /* Connects to store->path (and creates the file when CREATE allows it);
   * reads the schema's version and application id into the out values
   * (0 when absent) and whether the database holds anything else. */
  gboolean   (*open)            (CagStore *store,
                                 gboolean  create,
                                 gint64   *version,
                                 gint64   *app_id,
                                 gboolean *foreign,
                                 GError  **error);
  void       (*close)           (CagStore *store);
  /* Runs a script of several statements (schema steps, transactions). */
  gboolean   (*exec)            (CagStore   *store,
                                 const char *script);
  /* The SQL of migration step TEXT in this backend's dialect (new string). */
  char      *(*schema_sql)      (const char *text);
  /* Records VERSION (and the application id) inside the migration. */
  gboolean   (*set_version)     (CagStore *store,
                                 guint     version);
  /* Called before an upgrade from VERSION (a copy of a file, for SQLite). */
  gboolean   (*before_upgrade)  (CagStore *store,
                                 gint64    version,
                                 GError  **error);
  gboolean   (*in_transaction)  (CagStore *store);
  /* Turns the last recorded failure into a CAG_ERROR naming CONTEXT. */
  void       (*set_error)       (CagStore   *store,
                                 const char *context,
                                 GError    **error);
  gboolean   (*check_integrity) (CagStore *store,
                                 GError  **error);

  CagStmt   *(*prepare)         (CagStore   *store,
                                 const char *sql);
  void       (*stmt_free)       (CagStmt *stmt);
  /* Ready to run again; CLEAR_BINDINGS also unbinds every parameter. */
  void       (*reset)           (CagStmt *stmt,
                                 gboolean clear_bindings);
  CagStep    (*step)            (CagStmt *stmt);
  void       (*bind_int)        (CagStmt *stmt,
                                 int      index,
                                 gint64   value);
  /* LEN -1: up to the NUL; STATIC: TEXT outlives the next step. */
  void       (*bind_string)     (CagStmt    *stmt,
                                 int         index,
                                 const char *text,
                                 int         len,
                                 gboolean    is_static);
  void       (*bind_null)       (CagStmt *stmt,
                                 int      index);
  int        (*param_count)     (CagStmt *stmt);
  gint64     (*column_int)      (CagStmt *stmt,
                                 int      column);
  const char *(*column_text)    (CagStmt *stmt,
                                 int      column);
  gboolean   (*column_is_null)  (CagStmt *stmt,
                                 int      column);
  gint64     (*last_insert_id)  (CagStore *store);
  gint64     (*changes)         (CagStore *store);
  /* Whether another connection committed a change since the last call
   * (the first call only starts listening); NULL: the dialect's
   * change_counter is compared instead (docs/SERVER.md, "Changes made by
   * others"). */
  gboolean   (*poll_changes)    (CagStore *store,
                                 gint64   *cursor,
                                 gboolean *changed);
};

extern const CagStoreBackend cag_store_sqlite_backend;
extern const CagStoreBackend cag_store_pg_backend;

/* Records the backend's last failure for set_error (the store keeps one). */
void     cag_store_record_error (CagStore   *store,
                                 int         code,
                                 const char *sqlstate,
                                 const char *message);

G_END_DECLS
