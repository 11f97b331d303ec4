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

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cag-backup.h"
#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-store-private.h"
#include "cag-store-util.h"

#define APPLICATION_ID   CAG_STORE_APPLICATION_ID
#define BUSY_TIMEOUT_MS  5000
static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* ---- Private API ---------------------------------------------------------- */

sqlite3 *
cag_store_get_db (CagStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);
  return store->db;
}

sqlite3_stmt *
cag_store_prepare (CagStore   *store,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL && sql != NULL, NULL);

  stmt = g_hash_table_lookup (store->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      cag_store_set_error (store, rc, _("reading the database"), error);
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
  int rc;

  g_return_val_if_fail (store != NULL && stmt != NULL, CAG_STEP_ERROR);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return CAG_STEP_ROW;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return CAG_STEP_DONE;
  cag_store_set_error (store, rc, context, error);
  return CAG_STEP_ERROR;
}

gboolean
cag_stmt_step_done (CagStore   *store,
                    CagStmt    *stmt,
                    const char *context,
                    GError    **error)
{
  CagStep step = cag_stmt_step (store, stmt, context, error);

  sqlite3_reset (stmt);
  return step != CAG_STEP_ERROR;
}

void
cag_stmt_finish (CagStmt *stmt)
{
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

void
cag_stmt_bind_int (CagStmt *stmt,
                   int      index,
                   gint64   value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
cag_stmt_bind_text (CagStmt    *stmt,
                    int         index,
                    const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
cag_stmt_bind_null (CagStmt *stmt,
                    int      index)
{
  sqlite3_bind_null (stmt, index);
}

int
cag_stmt_param_count (CagStmt *stmt)
{
  return sqlite3_bind_parameter_count (stmt);
}

gint64
cag_stmt_column_int (CagStmt *stmt,
                     int      column)
{
  return sqlite3_column_int64 (stmt, column);
}

const char *
cag_stmt_column_text (CagStmt *stmt,
                      int      column)
{
  return (const char *) sqlite3_column_text (stmt, column);
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
  return sqlite3_column_type (stmt, column) == SQLITE_NULL;
}

gint64
cag_store_last_insert_id (CagStore *store)
{
  return sqlite3_last_insert_rowid (store->db);
}

gint64
cag_store_changes (CagStore *store)
{
  return sqlite3_changes64 (store->db);
}

gboolean
cag_store_set_error (CagStore   *store,
                     int         rc,
                     const char *context,
                     GError    **error)
{
  const char *path = store != NULL && store->path != NULL ? store->path : "";
  const char *what = context != NULL ? context : _("the operation");

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_LOCKED,
                   _("Could not finish %s: the database “%s” is in use by another program. "
                     "Close the other program (or the other Cagnotte window) and try again."),
                   what, path);
      break;
    case SQLITE_READONLY:
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                   _("Could not finish %s: the database “%s” cannot be written (the file or its "
                     "folder is read-only). Check its permissions, or copy it to a folder you "
                     "can write to."),
                   what, path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("Could not finish %s: “%s” is damaged or is not a Cagnotte database. "
                     "Restore it from a backup, or choose another file."),
                   what, path);
      break;
    case SQLITE_FULL:
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   _("Could not finish %s: the disk holding “%s” is full. "
                     "Free some space and try again."),
                   what, path);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   _("Could not finish %s: “%s” could not be read or written (%s). "
                     "Check the disk and the file, then try again."),
                   what, path, sqlite3_errstr (rc));
      break;
    default:
      g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED,
                   _("Could not finish %s: %s."),
                   what, store != NULL && store->db != NULL ? sqlite3_errmsg (store->db)
                                                             : sqlite3_errstr (rc));
      break;
    }
  return FALSE;
}

static gboolean
exec_cached (CagStore   *store,
             const char *sql,
             const char *context,
             GError    **error)
{
  sqlite3_stmt *stmt = cag_store_prepare (store, sql, error);

  return stmt != NULL && step_done (store, stmt, context, error);
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT, inner ones
 * are savepoints, so a compound operation (example data, an import that
 * creates organizations) is all or nothing while each step keeps its own. */
gboolean
cag_store_begin (CagStore *store,
                 GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (store->read_depth == 0 || store->tx_depth > 0, FALSE);
  if (!exec_cached (store, store->tx_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT cag_nested",
                    N_("starting a change"), error))
    return FALSE;
  store->tx_depth++;
  return TRUE;
}

gboolean
cag_store_read_begin (CagStore *store,
                      GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  if (store->tx_depth == 0 && store->read_depth == 0)
    {
      /* A deferred transaction's snapshot starts at its first read. */
      if (!exec_cached (store, "BEGIN DEFERRED", N_("reading the database"), error))
        return FALSE;
      if (!exec_cached (store, "SELECT count(*) FROM sqlite_schema",
                        N_("reading the database"), error))
        {
          sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
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
  if (!sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "COMMIT", NULL, NULL, NULL);
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
      sqlite3_exec (store->db, "ROLLBACK TO cag_nested; RELEASE cag_nested", NULL, NULL, NULL);
      store->tx_depth--;
      return;
    }
  store->tx_depth = 0;
  if (!sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
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
                            "INSERT INTO audit_log (at, user, action, entity, entity_id, detail) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, at);
  bind_text (stmt, 2, user_name ());
  bind_text (stmt, 3, action);
  bind_text (stmt, 4, entity);
  sqlite3_bind_int64 (stmt, 5, entity_id);
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

static gboolean
read_pragma_int (CagStore   *store,
                 const char *sql,
                 gint64     *out,
                 GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return cag_store_set_error (store, rc, _("opening the database"), error);
  return TRUE;
}

static gboolean
exec_script (CagStore   *store,
             const char *sql,
             const char *context,
             GError    **error)
{
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return cag_store_set_error (store, rc, context, error);
  return TRUE;
}

static gboolean
migrate (CagStore *store,
         gint64    from,
         GError  **error)
{
  guint count;
  const CagMigration *steps = cag_store_migrations (&count);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", count);
  const char *context = _("upgrading the database");

  if (!exec_script (store, "BEGIN IMMEDIATE", context, error))
    return FALSE;
  for (guint i = (guint) from; i < count; i++)
    if (!exec_script (store, steps[i].sql, context, error))
      {
        cag_store_rollback (store);
        return FALSE;
      }
  if (!exec_script (store, set_version, context, error)
      || !exec_script (store, "COMMIT", context, error))
    {
      cag_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* Checks the file and brings its schema to this build's version. */
static gboolean
setup_connection (CagStore *store,
                  GError  **error)
{
  gint64 version = 0, app_id = 0, objects = 0;
  guint count;
  const char *context = _("opening the database");

  cag_store_migrations (&count);
  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_timeout (store->db, BUSY_TIMEOUT_MS);

  if (sqlite3_db_readonly (store->db, "main") == 1)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                   _("The database “%s” is read-only, and Cagnotte needs to write to it. "
                     "Check the file’s permissions, or copy it to a folder you can write to."),
                   store->path);
      return FALSE;
    }

  /* The first read tells a database from any other file. */
  if (!read_pragma_int (store, "PRAGMA user_version", &version, error)
      || !read_pragma_int (store, "PRAGMA application_id", &app_id, error)
      || !read_pragma_int (store, "SELECT count(*) FROM sqlite_schema", &objects, error))
    return FALSE;

  if (version > (gint64) count)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_TOO_NEW,
                   _("“%s” was written by a newer version of Cagnotte; update Cagnotte to open it."),
                   store->path);
      return FALSE;
    }
  if ((app_id != 0 && app_id != APPLICATION_ID) || (version == 0 && objects > 0)
      || (version > 0 && app_id != APPLICATION_ID))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("“%s” is a database of another program, not of Cagnotte. "
                     "Choose another file."),
                   store->path);
      return FALSE;
    }

  if (!exec_script (store, "PRAGMA foreign_keys = ON", context, error)
      || !exec_script (store, "PRAGMA journal_mode = WAL", context, error)
      || !exec_script (store, "PRAGMA synchronous = FULL", context, error)
      || !exec_script (store, "PRAGMA cache_size = -32768", context, error))
    return FALSE;

  /* Issue 6: a copy of an existing database before any upgrade, kept next to
   * it (cag-backup.h); no upgrade when the copy fails. */
  if (version > 0 && version < (gint64) count
      && !cag_backup_before_migration (store->path, (int) version, error))
    return FALSE;
  if (version < (gint64) count && !migrate (store, version, error))
    return FALSE;
  return TRUE;
}

static gboolean
create_file (const char *path,
             GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd, saved_errno;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, CAG_ERROR,
                   saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS
                   ? CAG_ERROR_DB_READONLY : CAG_ERROR_IO,
                   _("Could not create the folder “%s”: %s. "
                     "Choose a database in a folder you can write to."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, CAG_ERROR,
                   saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS
                   ? CAG_ERROR_DB_READONLY : CAG_ERROR_IO,
                   _("Could not create the database “%s”: %s. "
                     "Choose a folder you can write to."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* A database is a regular file; an empty one is only made a database by a
 * command that creates (docs/RELIABILITY.md, "Files"). */
static gboolean
check_existing_file (const char *path,
                     gboolean    create,
                     GError    **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return TRUE;
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("“%s” is not a regular file, so it cannot be a Cagnotte database. "
                     "Choose a file."), path);
      return FALSE;
    }
  if (st.st_size == 0 && !create)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("“%s” is an empty file, not a Cagnotte database. Choose another file, "
                     "or create a database there (cagnotte-cli init)."), path);
      return FALSE;
    }
  return TRUE;
}

static CagStore *
store_open (const char *path,
            gboolean    create,
            GError    **error)
{
  g_autoptr(CagStore) store = NULL;
  gboolean created = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("“%s” is a folder, not a Cagnotte database. Choose a file."), path);
      return NULL;
    }
  if (!check_existing_file (path, create, error))
    return NULL;
  cag_backup_clean_temporaries (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist. Check the file name, "
                         "or create a new database."), path);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
      created = TRUE;
    }

  store = g_new0 (CagStore, 1);
  store->path = g_strdup (path);
  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             finalize_statement);

  /* One connection per store, used by one thread at a time. */
  rc = sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK || !setup_connection (store, error))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (rc != SQLITE_OK)
        {
          if (g_access (dir, W_OK) != 0 || g_access (path, W_OK) != 0)
            rc = SQLITE_READONLY;
          cag_store_set_error (store, rc, _("opening the database"), error);
        }
      else if (error != NULL && *error != NULL && (*error)->code == CAG_ERROR_IO
               && g_access (dir, W_OK) != 0)
        {
          /* WAL needs to create files beside the database. */
          g_clear_error (error);
          g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                       _("The folder of the database “%s” is read-only, and Cagnotte needs to "
                         "write there. Check the folder’s permissions, or copy the database "
                         "to a folder you can write to."),
                       path);
        }
      g_clear_pointer (&store, cag_store_close);
      if (created)
        g_unlink (path);
      return NULL;
    }

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
  if (store->db != NULL)
    sqlite3_close (store->db);
  g_free (store->path);
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
  g_autoptr(CagStmt) stmt = NULL;

  g_return_val_if_fail (store != NULL, FALSE);

  stmt = cag_store_prepare (store,
                            "SELECT NOT EXISTS (SELECT 1 FROM organization) "
                            "AND NOT EXISTS (SELECT 1 FROM campaign)", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  return sqlite3_column_int (stmt, 0) != 0;
}

/* ---- Integrity ---------------------------------------------------------- */

gboolean
cag_store_check_integrity (CagStore *store,
                           GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autofree char *first = NULL;
  const char *context = _("checking the database");
  CagStep step;
  guint problems = 0;

  g_return_val_if_fail (store != NULL, FALSE);

  /* Uncached: it runs once, and a damaged schema must not stay prepared. */
  stmt = cag_store_prepare (store, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = cag_stmt_step (store, stmt, context, error)) == CAG_STEP_ROW)
    {
      const char *line = cag_stmt_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      problems++;
      if (first == NULL)
        first = g_strdup (line != NULL ? line : "?");
    }
  if (step == CAG_STEP_ERROR)
    return FALSE;
  if (problems > 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   ngettext ("The database “%s” is damaged (%u problem found, the first: %s). "
                             "Restore the latest backup (cagnotte-cli restore), then record "
                             "again what was entered since.",
                             "The database “%s” is damaged (%u problems found, the first: %s). "
                             "Restore the latest backup (cagnotte-cli restore), then record "
                             "again what was entered since.",
                             problems),
                   store->path, problems, first);
      return FALSE;
    }
  return TRUE;
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
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store,
                            "SELECT id, at, user, action, entity, entity_id, detail "
                            "FROM audit_log ORDER BY id DESC LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CagAuditEntry *entry = g_new0 (CagAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = column_dup (stmt, 1);
      entry->user = column_dup (stmt, 2);
      entry->action = column_dup (stmt, 3);
      entry->entity = column_dup (stmt, 4);
      entry->entity_id = sqlite3_column_int64 (stmt, 5);
      entry->detail = column_dup (stmt, 6);
      g_ptr_array_add (list, entry);
    }
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the audit log"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
