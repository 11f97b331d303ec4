/* cag-backup.c — online backups with sqlite3_backup_*, the automatic copy
 * before migrations, and restoring a copy. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cag-backup.h"
#include "cag-error.h"
#include "cag-store-private.h"

/* ---- Helpers ------------------------------------------------------------ */

static gboolean
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  const char  *path,
                  GError     **error)
{
  CagError code = CAG_ERROR_FAILED;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = CAG_ERROR_DB_LOCKED;
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      code = CAG_ERROR_DB_READONLY;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = CAG_ERROR_DB_CORRUPT;
      break;
    case SQLITE_FULL:
    case SQLITE_IOERR:
      code = CAG_ERROR_IO;
      break;
    default:
      break;
    }

  if (code == CAG_ERROR_DB_LOCKED)
    g_set_error (error, CAG_ERROR, code,
                 C_("backup", "“%s” is in use by another program; close it and try again."),
                 path);
  else if (code == CAG_ERROR_DB_CORRUPT)
    g_set_error (error, CAG_ERROR, code,
                 C_("backup", "“%s” is not a Cagnotte database or is damaged (%s)."),
                 path, detail);
  else
    g_set_error (error, CAG_ERROR, code, _("Cannot copy the database “%s”: %s"), path, detail);
  return FALSE;
}

static char *
timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y%m%dT%H%M%SZ");
}

/* TRUE when A and B name the same existing file. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Makes a rename in DIR survive a power cut (docs/RELIABILITY.md, "Files"). */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/* Temporary copies are named ".<base>.cagtmp-<pid>-XXXXXX" next to their
 * target, so that the next start can tell those of a killed process. */
#define TEMP_MARK ".cagtmp-"

static gboolean
is_stale_temporary (const char *name)
{
  const char *mark = strstr (name, TEMP_MARK);
  guint64 pid = 0;
  char *end = NULL;

  if (name[0] != '.' || mark == NULL)
    return FALSE;
  pid = g_ascii_strtoull (mark + strlen (TEMP_MARK), &end, 10);
  if (end == NULL || *end != '-' || pid == 0 || pid > G_MAXINT)
    return FALSE;
  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

/* How a copy reports progress and hears a cancel; NULL: in one step. */
typedef struct
{
  GCancellable      *cancellable;
  CagBackupProgress  progress;
  gpointer           user_data;
} StepControl;

#define STEP_PAGES 16

/* Copies the pages of BACKUP; returns the last SQLite code (SQLITE_DONE
 * when complete), or sets *CANCELLED and stops between two steps. */
static int
run_steps (sqlite3_backup    *backup,
           const StepControl *ctl,
           gboolean          *cancelled)
{
  gboolean stepwise = ctl != NULL && (ctl->cancellable != NULL || ctl->progress != NULL);
  int rc;

  *cancelled = FALSE;
  do
    {
      if (stepwise && g_cancellable_is_cancelled (ctl->cancellable))
        {
          *cancelled = TRUE;
          return SQLITE_OK;
        }
      rc = sqlite3_backup_step (backup, stepwise ? STEP_PAGES : -1);
      if (stepwise && ctl->progress != NULL && (rc == SQLITE_OK || rc == SQLITE_DONE))
        {
          int total = sqlite3_backup_pagecount (backup);

          ctl->progress ((guint) (total - sqlite3_backup_remaining (backup)), (guint) total,
                         ctl->user_data);
        }
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  return rc;
}

static gboolean
set_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       C_("backup", "Cancelled: nothing was changed."));
  return FALSE;
}

/* Copies SRC (an open connection) into a temporary file next to DEST_PATH,
 * switches the copy to a rollback journal so it is one self-contained file,
 * then renames it over DEST_PATH. */
static gboolean
backup_connection (sqlite3           *src,
                   const char        *src_label,
                   const char        *dest_path,
                   const StepControl *ctl,
                   GError           **error)
{
  gboolean cancelled = FALSE;
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *base = g_path_get_basename (dest_path);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s" TEMP_MARK "%d-XXXXXX", dir, base,
                                           (int) getpid ());
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  fd = g_mkstemp_full (tmpl, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CAG_ERROR, CAG_ERROR_IO, C_("backup", "Cannot write in “%s”: %s"),
                   dir,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmpl, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto fail_dest;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto fail_dest;
    }
  /* Everything is copied under one read transaction on the source (one
   * step, or the caller's snapshot around several), which is what makes the
   * copy consistent. */
  rc = run_steps (backup, ctl, &cancelled);
  sqlite3_backup_finish (backup);
  if (cancelled)
    {
      set_cancelled (error);
      goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
        {
          set_sqlite_error (NULL, rc, src_label, error);
          goto fail;
        }
      goto fail_dest;
    }

  rc = sqlite3_exec (dest, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto fail_dest;
  sqlite3_close (dest);
  dest = NULL;

  if (g_rename (tmpl, dest_path) != 0)
    {
      int saved = errno;

      g_set_error (error, CAG_ERROR, CAG_ERROR_IO, C_("backup", "Cannot write “%s”: %s"),
                   dest_path,
                   g_strerror (saved));
      goto fail;
    }
  sync_folder (dir);
  return TRUE;

fail_dest:
  set_sqlite_error (dest, rc, dest_path, error);
fail:
  if (dest != NULL)
    sqlite3_close (dest);
  g_unlink (tmpl);
  return FALSE;
}

static gboolean
open_read_only (const char  *path,
                sqlite3    **out_db,
                GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND, C_("backup", "“%s” does not exist."),
                   path);
      return FALSE;
    }
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, path, error);
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);
  *out_db = db;
  return TRUE;
}

/* Refuses what is not a Cagnotte database, or one newer than this build. */
static gboolean
check_identity (sqlite3     *db,
                const char  *path,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = -1, version = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id), "
                           "(SELECT user_version FROM pragma_user_version)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      app_id = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int64 (stmt, 1);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, path, error);
  if (app_id != CAG_STORE_APPLICATION_ID || version < 1)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   C_("backup", "“%s” is not a Cagnotte database."), path);
      return FALSE;
    }
  if (version > cag_store_schema_version ())
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_TOO_NEW,
                   _("“%s” was written by a newer version of Cagnotte; update Cagnotte "
                     "before copying or restoring it."), path);
      return FALSE;
    }
  return TRUE;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Deletes the oldest "<DB_PATH>.before-restore-*" beyond CAG_BACKUP_KEEP
 * (their names sort by time). */
static void
prune_before_restore (const char *db_path)
{
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strdup_printf ("%s.before-restore-", base);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + CAG_BACKUP_KEEP < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);

      g_unlink (path);
    }
}

/* ---- Public API --------------------------------------------------------- */

guint
cag_backup_clean_temporaries (const char *db_path)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (db_path != NULL, 0);

  dir_path = g_path_get_dirname (db_path);
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_stale_temporary (name))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);

        if (g_unlink (path) == 0)
          removed++;
      }
  return removed;
}

/* Backups and restores copy SQLite files; a server database is saved with
 * the server's own tools (docs/SERVER.md, "Backups"). */
static gboolean
refuse_server (const char  *location,
               GError     **error)
{
  if (!cag_store_location_is_server (location))
    return FALSE;
  g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
               _("“%s” is a database on a server: Cagnotte’s backup and restore work on files "
                 "only. Use the server’s own tools (pg_dump and pg_restore, see "
                 "docs/SERVER.md)."), location);
  return TRUE;
}

gboolean
cag_backup_store (CagStore    *store,
                  const char  *dest_path,
                  GError     **error)
{
  const char *own;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  own = cag_store_get_path (store);
  if (refuse_server (own, error))
    return FALSE;
  if (own != NULL && same_file (own, dest_path))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is the database itself; choose another file for the copy."),
                   dest_path);
      return FALSE;
    }
  return backup_connection (cag_store_get_db (store), own != NULL ? own : "", dest_path, NULL,
                            error);
}

gboolean
cag_backup_file (const char  *db_path,
                 const char  *dest_path,
                 GError     **error)
{
  return cag_backup_file_full (db_path, dest_path, NULL, NULL, NULL, error);
}

gboolean
cag_backup_file_full (const char         *db_path,
                      const char         *dest_path,
                      GCancellable       *cancellable,
                      CagBackupProgress   progress,
                      gpointer            user_data,
                      GError            **error)
{
  StepControl ctl = { cancellable, progress, user_data };
  sqlite3 *src = NULL;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (refuse_server (db_path, error))
    return FALSE;
  if (same_file (db_path, dest_path))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is the database itself; choose another file for the copy."),
                   dest_path);
      return FALSE;
    }
  if (!open_read_only (db_path, &src, error))
    return FALSE;
  /* Several steps read one snapshot of the source. */
  ok = check_identity (src, db_path, error)
       && (sqlite3_exec (src, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL)
           == SQLITE_OK || set_sqlite_error (src, sqlite3_errcode (src), db_path, error))
       && backup_connection (src, db_path, dest_path, &ctl, error);
  sqlite3_close (src);
  return ok;
}

gboolean
cag_backup_verify (const char  *path,
                   gint        *out_user_version,
                   GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!open_read_only (path, &db, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, path, error);
      goto out;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (db, rc, path, error);
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("“%s” is damaged: %s"), path,
                   (const char *) sqlite3_column_text (stmt, 0));
      goto out;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sqlite_error (db, sqlite3_errcode (db), path, error);
      goto out;
    }
  if (out_user_version != NULL)
    *out_user_version = sqlite3_column_int (stmt, 0);
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* Splits "<base>.backup-v<N>-<stamp>" into N and stamp; FALSE otherwise. */
static gboolean
parse_automatic_name (const char  *name,
                      const char  *prefix,
                      gint64      *out_version,
                      const char **out_stamp)
{
  const char *p;
  char *end = NULL;

  if (!g_str_has_prefix (name, prefix))
    return FALSE;
  p = name + strlen (prefix);
  if (!g_ascii_isdigit (*p))
    return FALSE;
  *out_version = g_ascii_strtoll (p, &end, 10);
  if (end == NULL || *end != '-' || end[1] == '\0')
    return FALSE;
  *out_stamp = end + 1;
  return TRUE;
}

typedef struct
{
  char   *path;
  char   *stamp;
  gint64  version;
} AutoCopy;

static void
auto_copy_free (gpointer data)
{
  AutoCopy *copy = data;

  g_free (copy->path);
  g_free (copy->stamp);
  g_free (copy);
}

static gint
auto_copy_compare (gconstpointer a,
                   gconstpointer b)
{
  const AutoCopy *x = *(AutoCopy * const *) a;
  const AutoCopy *y = *(AutoCopy * const *) b;
  int c = strcmp (x->stamp, y->stamp);

  if (c != 0)
    return c;
  return x->version < y->version ? -1 : x->version > y->version;
}

GPtrArray *
cag_backup_list_automatic (const char  *db_path,
                           GError     **error)
{
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strdup_printf ("%s.backup-v", base);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (auto_copy_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  GPtrArray *paths;
  const char *name;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   C_("backup", "Cannot read the folder “%s”: %s"),
                   dir_path, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      const char *stamp = NULL;
      gint64 version = 0;
      AutoCopy *copy;

      if (!parse_automatic_name (name, prefix, &version, &stamp))
        continue;
      copy = g_new0 (AutoCopy, 1);
      copy->path = g_build_filename (dir_path, name, NULL);
      copy->stamp = g_strdup (stamp);
      copy->version = version;
      g_ptr_array_add (copies, copy);
    }
  g_ptr_array_sort (copies, auto_copy_compare);

  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < copies->len; i++)
    g_ptr_array_add (paths, g_strdup (((AutoCopy *) copies->pdata[i])->path));
  return paths;
}

gboolean
cag_backup_before_migration (const char  *db_path,
                             int          from_version,
                             GError     **error)
{
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *dest = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);

  dest = g_strdup_printf ("%s.backup-v%d-%s", db_path, from_version, stamp);
  /* Two migrations within the same second (tests do that) get a suffix. */
  for (int n = 1; g_file_test (dest, G_FILE_TEST_EXISTS); n++)
    {
      g_free (dest);
      dest = g_strdup_printf ("%s.backup-v%d-%s-%d", db_path, from_version, stamp, n);
    }

  if (!cag_backup_file (db_path, dest, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The database was not upgraded because the safety copy failed: %s"),
                   local_error->message);
      return FALSE;
    }

  /* Pruning is housekeeping: a failure here must not block the upgrade. */
  copies = cag_backup_list_automatic (db_path, NULL);
  if (copies != NULL)
    for (guint i = 0; i + CAG_BACKUP_KEEP < copies->len; i++)
      g_unlink (copies->pdata[i]);
  return TRUE;
}

/* Opens DB_PATH for the restore with an exclusive lock, so that nobody reads
 * a half-restored file; another program holding it open makes this fail
 * with DB_LOCKED (docs/RELIABILITY.md, "Files"). */
static gboolean
open_exclusive (const char  *db_path,
                sqlite3    **out_db,
                GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 1000);
      rc = sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT",
                         NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, db_path, error);
      sqlite3_close (db);
      return FALSE;
    }
  *out_db = db;
  return TRUE;
}

gboolean
cag_backup_restore (const char  *db_path,
                    const char  *backup_path,
                    char       **out_safety_path,
                    GError     **error)
{
  return cag_backup_restore_full (db_path, backup_path, out_safety_path, NULL, NULL, NULL,
                                  error);
}

gboolean
cag_backup_restore_full (const char         *db_path,
                         const char         *backup_path,
                         char              **out_safety_path,
                         GCancellable       *cancellable,
                         CagBackupProgress   progress,
                         gpointer            user_data,
                         GError            **error)
{
  StepControl ctl = { cancellable, progress, user_data };
  gboolean cancelled = FALSE;
  g_autofree char *safety = NULL;
  sqlite3 *src = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (refuse_server (db_path, error))
    return FALSE;
  if (same_file (db_path, backup_path))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is the database itself, not a backup."), backup_path);
      return FALSE;
    }
  if (!cag_backup_verify (backup_path, NULL, error))
    return FALSE;
  if (!open_read_only (backup_path, &src, error))
    return FALSE;
  if (!check_identity (src, backup_path, error))
    {
      sqlite3_close (src);
      return FALSE;
    }
  /* From here until the end nobody else has the database open. */
  if (!open_exclusive (db_path, &dest, error))
    {
      sqlite3_close (src);
      return FALSE;
    }

  if (g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *stamp = timestamp_now ();
      GStatBuf st;

      safety = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
      for (int n = 1; g_file_test (safety, G_FILE_TEST_EXISTS); n++)
        {
          g_free (safety);
          safety = g_strdup_printf ("%s.before-restore-%s-%d", db_path, stamp, n);
        }
      if (g_stat (db_path, &st) == 0 && st.st_size > 0
          && !backup_connection (dest, db_path, safety, NULL, error))
        {
          sqlite3_close (src);
          sqlite3_close (dest);
          return FALSE;
        }
    }

  /* Copying pages into the live file (rather than renaming a file over it)
   * goes through SQLite's journal: a restore killed half way is rolled back
   * at the next opening. */
  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto fail;
    }
  /* Until the last step the pages go into one write transaction: a cancel
   * rolls it back, and the safety copy, now useless, is deleted. */
  rc = run_steps (backup, &ctl, &cancelled);
  sqlite3_backup_finish (backup);
  if (cancelled)
    {
      sqlite3_close (src);
      sqlite3_close (dest);
      if (safety != NULL)
        g_unlink (safety);
      return set_cancelled (error);
    }
  if (rc != SQLITE_DONE)
    goto fail;

  sqlite3_close (src);
  sqlite3_close (dest);
  prune_before_restore (db_path);
  if (out_safety_path != NULL)
    *out_safety_path = g_steal_pointer (&safety);
  return TRUE;

fail:
  set_sqlite_error (dest, rc, db_path, error);
  sqlite3_close (src);
  sqlite3_close (dest);
  return FALSE;
}
