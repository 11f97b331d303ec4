/* cag-store-sqlite.c — the SQLite backend of the store: one file, opened in
 * WAL mode with foreign keys on and a busy timeout.  The only store file
 * that names SQLite (see cag-store-backend.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cag-backup.h"
#include "cag-store-util.h"

#define BUSY_TIMEOUT_MS  5000

typedef struct
{
  CagStmt       base;
  sqlite3_stmt *stmt;
} LiteStmt;

#define LITE(s) (((LiteStmt *) (s))->stmt)
#define DB(store) ((sqlite3 *) (store)->conn)

static const CagStoreDialect sqlite_dialect = {
  .begin_write = "BEGIN IMMEDIATE",
  /* A deferred transaction's snapshot starts at its first read. */
  .begin_read = "BEGIN DEFERRED",
  .first_read = "SELECT count(*) FROM sqlite_schema",
  .is_empty = "SELECT NOT EXISTS (SELECT 1 FROM organization) "
              "AND NOT EXISTS (SELECT 1 FROM campaign)",
  /* Bumped on this connection when another one commits. */
  .change_counter = "PRAGMA data_version",
  .after_copy = NULL,   /* INTEGER PRIMARY KEY takes max(id) + 1 */
};

static void
record (CagStore *store,
        int       rc)
{
  cag_store_record_error (store, rc, NULL,
                          store->conn != NULL && (rc & 0xff) != SQLITE_CANTOPEN
                          ? sqlite3_errmsg (DB (store)) : sqlite3_errstr (rc));
}

/* ---- Statements ---------------------------------------------------------- */

static CagStmt *
lite_prepare (CagStore   *store,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  LiteStmt *lite;
  int rc;

  rc = sqlite3_prepare_v3 (DB (store), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      record (store, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }
  lite = g_new0 (LiteStmt, 1);
  lite->base.store = store;
  lite->stmt = stmt;
  return &lite->base;
}

static void
lite_stmt_free (CagStmt *stmt)
{
  sqlite3_finalize (LITE (stmt));
  g_free (stmt);
}

static void
lite_reset (CagStmt *stmt,
            gboolean clear_bindings)
{
  sqlite3_reset (LITE (stmt));
  if (clear_bindings)
    sqlite3_clear_bindings (LITE (stmt));
}

static CagStep
lite_step (CagStmt *stmt)
{
  int rc = sqlite3_step (LITE (stmt));

  if (rc == SQLITE_ROW)
    return CAG_STEP_ROW;
  if (rc == SQLITE_DONE)
    return CAG_STEP_DONE;
  record (stmt->store, rc);
  return CAG_STEP_ERROR;
}

static void
lite_bind_int (CagStmt *stmt,
               int      index,
               gint64   value)
{
  sqlite3_bind_int64 (LITE (stmt), index, value);
}

static void
lite_bind_text (CagStmt    *stmt,
                int         index,
                const char *text,
                int         len,
                gboolean    is_static)
{
  sqlite3_bind_text (LITE (stmt), index, text, len, is_static ? SQLITE_STATIC : SQLITE_TRANSIENT);
}

static void
lite_bind_null (CagStmt *stmt,
                int      index)
{
  sqlite3_bind_null (LITE (stmt), index);
}

static int
lite_param_count (CagStmt *stmt)
{
  return sqlite3_bind_parameter_count (LITE (stmt));
}

static gint64
lite_column_int (CagStmt *stmt,
                 int      column)
{
  return sqlite3_column_int64 (LITE (stmt), column);
}

static const char *
lite_column_text (CagStmt *stmt,
                  int      column)
{
  return (const char *) sqlite3_column_text (LITE (stmt), column);
}

static gboolean
lite_column_is_null (CagStmt *stmt,
                     int      column)
{
  return sqlite3_column_type (LITE (stmt), column) == SQLITE_NULL;
}

static gint64
lite_last_insert_id (CagStore *store)
{
  return sqlite3_last_insert_rowid (DB (store));
}

static gint64
lite_changes (CagStore *store)
{
  return sqlite3_changes64 (DB (store));
}

/* ---- Connection ------------------------------------------------------------ */

static gboolean
lite_exec (CagStore   *store,
           const char *script)
{
  int rc = sqlite3_exec (DB (store), script, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      record (store, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
lite_in_transaction (CagStore *store)
{
  return !sqlite3_get_autocommit (DB (store));
}

static void
lite_set_error (CagStore   *store,
                const char *context,
                GError    **error)
{
  const char *path = store->path != NULL ? store->path : "";
  const char *what = context != NULL ? context : _("the operation");
  int rc = store->last_code;

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
                   what, store->last_message != NULL ? store->last_message : sqlite3_errstr (rc));
      break;
    }
}

static gboolean
read_pragma_int (CagStore   *store,
                 const char *sql,
                 gint64     *out,
                 GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (DB (store), sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    record (store, rc);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      lite_set_error (store, _("opening the database"), error);
      return FALSE;
    }
  return TRUE;
}

static char *
lite_schema_sql (const char *text)
{
  return g_strdup (text);
}

static gboolean
lite_set_version (CagStore *store,
                  guint     version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u",
                                          CAG_STORE_APPLICATION_ID, version);

  return lite_exec (store, sql);
}

/* Issue 6: a copy of an existing database before any upgrade, kept next to
 * it (cag-backup.h); no upgrade when the copy fails. */
static gboolean
lite_before_upgrade (CagStore *store,
                     gint64    version,
                     GError  **error)
{
  return cag_backup_before_migration (store->path, (int) version, error);
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

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("“%s” is a folder, not a Cagnotte database. Choose a file."), path);
      return FALSE;
    }
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

static gboolean
setup_connection (CagStore *store,
                  gint64   *version,
                  gint64   *app_id,
                  gboolean *foreign,
                  GError  **error)
{
  gint64 objects = 0;

  sqlite3_extended_result_codes (DB (store), 1);
  sqlite3_busy_timeout (DB (store), BUSY_TIMEOUT_MS);
  if (sqlite3_db_readonly (DB (store), "main") == 1)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                   _("The database “%s” is read-only, and Cagnotte needs to write to it. "
                     "Check the file’s permissions, or copy it to a folder you can write to."),
                   store->path);
      return FALSE;
    }
  /* The first read tells a database from any other file. */
  if (!read_pragma_int (store, "PRAGMA user_version", version, error)
      || !read_pragma_int (store, "PRAGMA application_id", app_id, error)
      || !read_pragma_int (store, "SELECT count(*) FROM sqlite_schema", &objects, error))
    return FALSE;
  *foreign = (*app_id != 0 && *app_id != CAG_STORE_APPLICATION_ID)
             || (*version == 0 && objects > 0)
             || (*version > 0 && *app_id != CAG_STORE_APPLICATION_ID);
  /* A newer or foreign file is refused untouched (cag-store.c). */
  if (*version > cag_store_schema_version () || *foreign)
    return TRUE;
  if (!lite_exec (store, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                  "PRAGMA synchronous = FULL; PRAGMA cache_size = -32768"))
    {
      lite_set_error (store, _("opening the database"), error);
      return FALSE;
    }
  return TRUE;
}

static void
explain_open_failure (CagStore *store,
                      int       rc,
                      GError  **error)
{
  g_autofree char *dir = g_path_get_dirname (store->path);

  if (rc != SQLITE_OK)
    {
      if (g_access (dir, W_OK) != 0 || g_access (store->path, W_OK) != 0)
        rc = SQLITE_READONLY;
      record (store, rc);
      lite_set_error (store, _("opening the database"), error);
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
                   store->path);
    }
}

static gboolean
lite_open (CagStore *store,
           gboolean  create,
           gint64   *version,
           gint64   *app_id,
           gboolean *foreign,
           GError  **error)
{
  const char *path = store->path;
  sqlite3 *db = NULL;
  gboolean created = FALSE;
  int rc;

  if (!check_existing_file (path, create, error))
    return FALSE;
  cag_backup_clean_temporaries (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist. Check the file name, "
                         "or create a new database."), path);
          return FALSE;
        }
      if (!create_file (path, error))
        return FALSE;
      created = TRUE;
    }

  /* One connection per store, used by one thread at a time. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  store->conn = db;
  if (rc != SQLITE_OK || !setup_connection (store, version, app_id, foreign, error))
    {
      explain_open_failure (store, rc, error);
      sqlite3_close (db);
      store->conn = NULL;
      if (created)
        g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

static void
lite_close (CagStore *store)
{
  if (store->conn != NULL)
    sqlite3_close (DB (store));
  store->conn = NULL;
}

static gboolean
lite_check_integrity (CagStore *store,
                      GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autofree char *first = NULL;
  const char *context = _("checking the database");
  CagStep step;
  guint problems = 0;

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

const CagStoreBackend cag_store_sqlite_backend = {
  .name = "sqlite",
  .dialect = &sqlite_dialect,
  .open = lite_open,
  .close = lite_close,
  .exec = lite_exec,
  .schema_sql = lite_schema_sql,
  .set_version = lite_set_version,
  .before_upgrade = lite_before_upgrade,
  .in_transaction = lite_in_transaction,
  .set_error = lite_set_error,
  .check_integrity = lite_check_integrity,
  .prepare = lite_prepare,
  .stmt_free = lite_stmt_free,
  .reset = lite_reset,
  .step = lite_step,
  .bind_int = lite_bind_int,
  .bind_string = lite_bind_text,
  .bind_null = lite_bind_null,
  .param_count = lite_param_count,
  .column_int = lite_column_int,
  .column_text = lite_column_text,
  .column_is_null = lite_column_is_null,
  .last_insert_id = lite_last_insert_id,
  .changes = lite_changes,
};
