/* cag-backup.h — consistent copies of the database, and restoring them.
 *
 * Copies are made with SQLite's online backup API, so they are consistent
 * even while the application has the database open (WAL journal included).
 * Before any schema migration the store takes an automatic copy, kept next to
 * the database as "cagnotte.db.backup-v<N>-<timestamp>"; only the last
 * CAG_BACKUP_KEEP of them are kept.
 */
#pragma once

#include <gio/gio.h>
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_BACKUP_KEEP 5

/* Writes a consistent copy of the open STORE to DEST_PATH (replaced if it
 * exists; written to a temporary file first, so DEST_PATH is never left half
 * written).  Refuses to write over the store's own file. */
gboolean   cag_backup_store          (CagStore   *store,
                                      const char *dest_path,
                                      GError    **error);

/* The same for a database file that may be open elsewhere. */
gboolean   cag_backup_file           (const char *db_path,
                                      const char *dest_path,
                                      GError    **error);

/* Progress of a copy: DONE of TOTAL pages.  Called in the thread that runs
 * the copy. */
typedef void (*CagBackupProgress) (guint    done,
                                   guint    total,
                                   gpointer user_data);

/* cag_backup_file, page by page on its own connection (for a worker
 * thread): PROGRESS after each step; a cancel through CANCELLABLE stops it
 * between two steps with G_IO_ERROR_CANCELLED, and no file is left. */
gboolean   cag_backup_file_full      (const char         *db_path,
                                      const char         *dest_path,
                                      GCancellable       *cancellable,
                                      CagBackupProgress   progress,
                                      gpointer            user_data,
                                      GError            **error);

/* Checks that PATH is a readable SQLite database that passes
 * "PRAGMA quick_check" and returns its schema version (user_version). */
gboolean   cag_backup_verify         (const char *path,
                                      gint       *out_user_version,
                                      GError    **error);

/* The automatic copy taken before migrating DB_PATH from FROM_VERSION: writes
 * "<DB_PATH>.backup-v<FROM_VERSION>-<YYYYMMDDTHHMMSSZ>" next to it, then
 * deletes the oldest automatic copies beyond CAG_BACKUP_KEEP.  On failure the
 * migration must not run. */
gboolean   cag_backup_before_migration (const char *db_path,
                                        int         from_version,
                                        GError    **error);

/* Paths of the automatic copies of DB_PATH, oldest first.  Element type
 * char *. */
GPtrArray *cag_backup_list_automatic (const char *db_path,
                                      GError    **error);

/* Deletes the temporary copies that a killed backup or restore left next to
 * DB_PATH (their process is gone); the store calls it on every opening.
 * Returns how many were deleted. */
guint      cag_backup_clean_temporaries (const char *db_path);

/* Replaces the database at DB_PATH with the copy at BACKUP_PATH.  The copy
 * is verified first and must not be newer than this build understands; the
 * current database (when it exists) is saved first as
 * "<DB_PATH>.before-restore-<timestamp>" (returned in *OUT_SAFETY_PATH,
 * nullable; only the last CAG_BACKUP_KEEP are kept).  The copy must be a
 * Cagnotte database (application_id).  The database must not be open in
 * this process; another program holding it open (even only reading) makes
 * this fail with DB_LOCKED and change nothing.
 * Callers ask the user to confirm before calling this. */
gboolean   cag_backup_restore        (const char *db_path,
                                      const char *backup_path,
                                      char      **out_safety_path,
                                      GError    **error);
/* The same, page by page; a cancel rolls the database back to what it was
 * (and deletes the safety copy): G_IO_ERROR_CANCELLED. */
gboolean   cag_backup_restore_full   (const char         *db_path,
                                      const char         *backup_path,
                                      char              **out_safety_path,
                                      GCancellable       *cancellable,
                                      CagBackupProgress   progress,
                                      gpointer            user_data,
                                      GError            **error);

G_END_DECLS
