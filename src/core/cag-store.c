/* cag-store.c — the ledger in one SQLite file: opening and upgrading it, and
 * every write (organizations, campaigns, funds, contributions, audit log).
 *
 * Each write checks its input first, then runs as one transaction that also
 * updates the kept totals (fund, fund_month, campaign_month) and appends to
 * the audit log; on any failure the transaction is rolled back, so nothing
 * changes.  Statements are prepared once and cached by SQL text.
 *
 * This file opens and upgrades the file and holds the private API;
 * cag-store-records.c has organizations, campaigns and funds,
 * cag-store-ledger.c contributions, cag-store-figures.c the figures.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-store-private.h"
#include "cag-store-util.h"
#include "cag-store-watch.h"

static void
finalize_statement (gpointer stmt)
{
  CagStmt *s = stmt;

  s->store->backend->stmt_free (s);
}

/* ---- Private API ---------------------------------------------------------- */

gboolean
cag_store_location_is_server (const char *location)
{
  return location != NULL
         && (g_str_has_prefix (location, "postgresql://")
             || g_str_has_prefix (location, "postgres://"));
}

struct sqlite3 *
cag_store_get_db (CagStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);
  return store->backend == &cag_store_sqlite_backend ? store->conn : NULL;
}

gboolean
cag_store_is_server (CagStore *store)
{
  g_return_val_if_fail (store != NULL, FALSE);
  return store->backend != &cag_store_sqlite_backend;
}

void
cag_store_record_error (CagStore   *store,
                        int         code,
                        const char *sqlstate,
                        const char *message)
{
  store->last_code = code;
  g_free (store->last_state);
  store->last_state = g_strdup (sqlstate);
  g_free (store->last_message);
  store->last_message = g_strdup (message);
}

CagStmt *
cag_store_prepare (CagStore   *store,
                   const char *sql,
                   GError    **error)
{
  CagStmt *stmt;

  g_return_val_if_fail (store != NULL && sql != NULL, NULL);

  stmt = g_hash_table_lookup (store->statements, sql);
  if (stmt != NULL)
    {
      store->backend->reset (stmt, TRUE);
      return stmt;
    }
  stmt = store->backend->prepare (store, sql);
  if (stmt == NULL)
    {
      cag_store_set_error (store, _("reading the database"), error);
      return NULL;
    }
  g_hash_table_insert (store->statements, g_strdup (sql), stmt);
  return stmt;
}

CagStep
cag_stmt_step (CagStore   *store,
               CagStmt    *stmt,
               const char *context,
               GError    **error)
{
  CagStep step;

  g_return_val_if_fail (store != NULL && stmt != NULL, CAG_STEP_ERROR);

  step = store->backend->step (stmt);
  if (step == CAG_STEP_ROW)
    return CAG_STEP_ROW;
  store->backend->reset (stmt, FALSE);
  if (step == CAG_STEP_ERROR && error != NULL)
    cag_store_set_error (store, context, error);
  return step;
}

gboolean
cag_stmt_step_done (CagStore   *store,
                    CagStmt    *stmt,
                    const char *context,
                    GError    **error)
{
  CagStep step = cag_stmt_step (store, stmt, context, error);

  store->backend->reset (stmt, FALSE);
  return step != CAG_STEP_ERROR;
}

void
cag_stmt_finish (CagStmt *stmt)
{
  if (stmt != NULL)
    stmt->store->backend->reset (stmt, FALSE);
}

void
cag_stmt_bind_int (CagStmt *stmt,
                   int      index,
                   gint64   value)
{
  stmt->store->backend->bind_int (stmt, index, value);
}

void
cag_stmt_bind_text (CagStmt    *stmt,
                    int         index,
                    const char *text)
{
  if (text == NULL)
    stmt->store->backend->bind_null (stmt, index);
  else
    stmt->store->backend->bind_string (stmt, index, text, -1, FALSE);
}

void
cag_stmt_bind_static (CagStmt    *stmt,
                      int         index,
                      const char *text,
                      int         len)
{
  stmt->store->backend->bind_string (stmt, index, text, len, TRUE);
}

void
cag_stmt_bind_null (CagStmt *stmt,
                    int      index)
{
  stmt->store->backend->bind_null (stmt, index);
}

int
cag_stmt_param_count (CagStmt *stmt)
{
  return stmt->store->backend->param_count (stmt);
}

gint64
cag_stmt_column_int (CagStmt *stmt,
                     int      column)
{
  return stmt->store->backend->column_int (stmt, column);
}

const char *
cag_stmt_column_text (CagStmt *stmt,
                      int      column)
{
  return stmt->store->backend->column_text (stmt, column);
}

char *
cag_stmt_column_dup (CagStmt *stmt,
                     int      column)
{
  return g_strdup (cag_stmt_column_text (stmt, column));
}

CagDate
cag_stmt_column_date (CagStmt *stmt,
                      int      column)
{
  CagDate date = { 0 };

  cag_date_parse_iso (cag_stmt_column_text (stmt, column), &date, NULL);
  return date;
}

gboolean
cag_stmt_column_is_null (CagStmt *stmt,
                         int      column)
{
  return stmt->store->backend->column_is_null (stmt, column);
}

gint64
cag_store_last_insert_id (CagStore *store)
{
  return store->backend->last_insert_id (store);
}

gint64
cag_store_changes (CagStore *store)
{
  return store->backend->changes (store);
}

gboolean
cag_store_set_error (CagStore   *store,
                     const char *context,
                     GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  store->backend->set_error (store, context, error);
  return FALSE;
}

static gboolean
exec_cached (CagStore   *store,
             const char *sql,
             const char *context,
             GError    **error)
{
  CagStmt *stmt = cag_store_prepare (store, sql, error);

  return stmt != NULL && step_done (store, stmt, context, error);
}

/* Transactions nest: the outermost begins a write (cag-store-backend.h), inner
 * ones are savepoints, so a compound operation (example data, an import that
 * creates organizations) is all or nothing while each step keeps its own. */
gboolean
cag_store_begin (CagStore *store,
                 GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (store->read_depth == 0 || store->tx_depth > 0, FALSE);
  if (store->tx_depth == 0)
    {
      if (!store->backend->exec (store, store->backend->dialect->begin_write))
        return cag_store_set_error (store, _("starting a change"), error);
    }
  else if (!exec_cached (store, "SAVEPOINT cag_nested", N_("starting a change"), error))
    return FALSE;
  store->tx_depth++;
  return TRUE;
}

gboolean
cag_store_read_begin (CagStore *store,
                      GError  **error)
{
  const CagStoreDialect *dialect;

  g_return_val_if_fail (store != NULL, FALSE);
  dialect = store->backend->dialect;
  if (store->tx_depth == 0 && store->read_depth == 0)
    {
      if (!exec_cached (store, dialect->begin_read, N_("reading the database"), error))
        return FALSE;
      if (dialect->first_read != NULL
          && !exec_cached (store, dialect->first_read, N_("reading the database"), error))
        {
          store->backend->exec (store, "ROLLBACK");
          return FALSE;
        }
      store->read_owns_tx = TRUE;
    }
  store->read_depth++;
  return TRUE;
}

void
cag_store_read_end (CagStore *store)
{
  g_return_if_fail (store != NULL);
  g_return_if_fail (store->read_depth > 0);
  if (--store->read_depth > 0 || !store->read_owns_tx)
    return;
  store->read_owns_tx = FALSE;
  /* Nothing was written: ending a read cannot lose anything. */
  if (store->backend->in_transaction (store))
    store->backend->exec (store, "COMMIT");
}

gboolean
cag_store_commit (CagStore *store,
                  GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (store->tx_depth > 0, FALSE);
  if (!exec_cached (store, store->tx_depth == 1 ? "COMMIT" : "RELEASE cag_nested",
                    N_("saving the change"), error))
    return FALSE;
  store->tx_depth--;
  return TRUE;
}

void
cag_store_rollback (CagStore *store)
{
  g_return_if_fail (store != NULL);
  if (store->tx_depth > 1)
    {
      store->backend->exec (store, "ROLLBACK TO cag_nested; RELEASE cag_nested");
      store->tx_depth--;
      return;
    }
  store->tx_depth = 0;
  if (store->backend->in_transaction (store))
    store->backend->exec (store, "ROLLBACK");
}

gboolean
cag_store_key_is_id (const char *key,
                     gint64     *out_id)
{
  guint64 value;

  if (key == NULL || *key == '\0')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (key, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out_id = (gint64) value;
  return TRUE;
}

gboolean
cag_store_audit (CagStore   *store,
                 const char *action,
                 const char *entity,
                 gint64      entity_id,
                 const char *detail_json,
                 GError    **error)
{
  g_autofree char *at = now_iso ();
  g_autoptr(CagStmt) stmt = NULL;

  g_return_val_if_fail (store != NULL && action != NULL && entity != NULL, FALSE);

  stmt = cag_store_prepare (store,
                            "INSERT INTO audit_log (at, \"user\", action, entity, entity_id, "
                            "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, at);
  bind_text (stmt, 2, user_name ());
  bind_text (stmt, 3, action);
  bind_text (stmt, 4, entity);
  cag_stmt_bind_int (stmt, 5, entity_id);
  bind_text (stmt, 6, detail_json);
  return step_done (store, stmt, N_("writing the audit log"), error);
}

/* ---- Opening ------------------------------------------------------------ */

gint
cag_store_schema_version (void)
{
  guint count;

  cag_store_migrations (&count);
  return (gint) count;
}

char *
cag_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cagnotte", "cagnotte.db", NULL);
}

/* One numbered list of steps for every backend, applied in one transaction;
 * each backend derives its dialect from the same text (schema_sql). */
static gboolean
migrate (CagStore *store,
         gint64    from,
         GError  **error)
{
  guint count;
  const CagMigration *steps = cag_store_migrations (&count);
  const char *context = _("upgrading the database");
  const CagStoreBackend *backend = store->backend;
  gboolean ok;

  if (!backend->exec (store, backend->dialect->begin_write))
    return cag_store_set_error (store, context, error);
  ok = TRUE;
  for (guint i = (guint) from; ok && i < count; i++)
    {
      g_autofree char *sql = backend->schema_sql (steps[i].sql);

      ok = backend->exec (store, sql);
    }
  ok = ok && backend->set_version (store, count) && backend->exec (store, "COMMIT");
  if (!ok)
    {
      cag_store_set_error (store, context, error);
      if (backend->in_transaction (store))
        backend->exec (store, "ROLLBACK");
      return FALSE;
    }
  return TRUE;
}

/* Checks the database and brings its schema to this build's version. */
static gboolean
check_and_upgrade (CagStore *store,
                   gboolean  create,
                   GError  **error)
{
  gint64 version = 0, app_id = 0;
  gboolean foreign = FALSE;
  guint count;

  cag_store_migrations (&count);
  if (!store->backend->open (store, create, &version, &app_id, &foreign, error))
    return FALSE;
  if (version > (gint64) count)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_TOO_NEW,
                   _("“%s” was written by a newer version of Cagnotte; update Cagnotte to open it."),
                   store->path);
      return FALSE;
    }
  if (foreign)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("“%s” is a database of another program, not of Cagnotte. "
                     "Choose another file."),
                   store->path);
      return FALSE;
    }
  if (version > 0 && version < (gint64) count
      && !store->backend->before_upgrade (store, version, error))
    return FALSE;
  if (version < (gint64) count && !migrate (store, version, error))
    return FALSE;
  return TRUE;
}

static CagStore *
store_open (const char *path,
            gboolean    create,
            GError    **error)
{
  g_autoptr(CagStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = g_new0 (CagStore, 1);
  store->backend = cag_store_location_is_server (path) ? &cag_store_pg_backend
                                                       : &cag_store_sqlite_backend;
  store->path = g_strdup (path);
  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             finalize_statement);
  if (!check_and_upgrade (store, create, error))
    return NULL;
  return g_steal_pointer (&store);
}

CagStore *
cag_store_open (const char *path,
                GError    **error)
{
  return store_open (path, TRUE, error);
}

CagStore *
cag_store_open_existing (const char *path,
                         GError    **error)
{
  return store_open (path, FALSE, error);
}

void
cag_store_close (CagStore *store)
{
  if (store == NULL)
    return;
  g_clear_pointer (&store->statements, g_hash_table_unref);
  if (store->conn != NULL)
    store->backend->close (store);
  g_free (store->path);
  g_free (store->last_state);
  g_free (store->last_message);
  g_free (store);
}

const char *
cag_store_get_path (CagStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);
  return store->path;
}

gboolean
cag_store_is_empty (CagStore *store)
{
  CagStmt *stmt;
  gboolean empty;

  g_return_val_if_fail (store != NULL, FALSE);

  stmt = cag_store_prepare (store, store->backend->dialect->is_empty, NULL);
  if (stmt == NULL || cag_stmt_step (store, stmt, NULL, NULL) != CAG_STEP_ROW)
    return FALSE;
  empty = cag_stmt_column_int (stmt, 0) != 0;
  cag_stmt_finish (stmt);
  return empty;
}

/* ---- Integrity ---------------------------------------------------------- */

/* SQLite's own check of the file; a server checks itself (docs/SERVER.md). */
gboolean
cag_store_check_integrity (CagStore *store,
                           GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  return store->backend->check_integrity (store, error);
}

/* ---- Audit -------------------------------------------------------------- */

void
cag_audit_entry_free (CagAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->detail);
  g_free (entry);
}

GPtrArray *
cag_store_audit_list (CagStore *store,
                      guint     limit,
                      GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_audit_entry_free);
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store,
                            "SELECT id, at, \"user\", action, entity, entity_id, detail "
                            "FROM audit_log ORDER BY id DESC LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  cag_stmt_bind_int (stmt, 1, limit);
  while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
    {
      CagAuditEntry *entry = g_new0 (CagAuditEntry, 1);

      entry->id = cag_stmt_column_int (stmt, 0);
      entry->at = column_dup (stmt, 1);
      entry->user = column_dup (stmt, 2);
      entry->action = column_dup (stmt, 3);
      entry->entity = column_dup (stmt, 4);
      entry->entity_id = cag_stmt_column_int (stmt, 5);
      entry->detail = column_dup (stmt, 6);
      g_ptr_array_add (list, entry);
    }
  if (rc != CAG_STEP_DONE)
    {
      cag_store_set_error (store, _("reading the audit log"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
cag_store_poll_changes (CagStore *store,
                        gint64   *cursor,
                        gboolean *changed,
                        GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  gint64 version;

  g_return_val_if_fail (store != NULL && cursor != NULL && changed != NULL, FALSE);

  *changed = FALSE;
  if (store->backend->poll_changes != NULL)
    {
      if (!store->backend->poll_changes (store, cursor, changed))
        return cag_store_set_error (store, _("looking for changes"), error);
      return TRUE;
    }
  stmt = cag_store_prepare (store, store->backend->dialect->change_counter, error);
  if (stmt == NULL)
    return FALSE;
  if (cag_stmt_step (store, stmt, NULL, NULL) != CAG_STEP_ROW)
    return cag_store_set_error (store, _("looking for changes"), error);
  version = cag_stmt_column_int (stmt, 0);
  *changed = *cursor >= 0 && version != *cursor;
  *cursor = version;
  return TRUE;
}

gboolean
cag_store_after_copy (CagStore *store,
                      GError  **error)
{
  const char *script;

  g_return_val_if_fail (store != NULL, FALSE);
  script = store->backend->dialect->after_copy;
  if (script != NULL && !store->backend->exec (store, script))
    return cag_store_set_error (store, _("numbering the copied records"), error);
  return TRUE;
}
