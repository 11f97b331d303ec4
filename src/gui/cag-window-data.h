/* cag-window-data.h — the main window's Import, Back up and Restore (issue
 * 6): win.import opens the import assistant, win.backup writes a copy of
 * the open database, win.restore replaces it with a copy after the user
 * confirms. */
#pragma once

#include "cag-import-assistant.h"
#include "cag-progress-dialog.h"
#include "cag-window.h"

G_BEGIN_DECLS

/* Adds win.import, win.backup and win.restore to WINDOW. */
void                cag_window_data_add_actions (CagWindow *window);

/* What the actions do once the file is chosen (and, for restore,
 * confirmed); also for tests.  They report through the window's
 * notification and return FALSE with ERROR when nothing was done. */
CagImportAssistant *cag_window_data_import      (CagWindow   *window);
gboolean            cag_window_data_backup      (CagWindow   *window,
                                                 const char  *path,
                                                 GError     **error);
/* Closes the database, restores BACKUP over it (the current file is saved
 * first beside it) and opens it again; on failure the database as it was
 * is opened again. */
gboolean            cag_window_data_restore     (CagWindow   *window,
                                                 const char  *backup,
                                                 GError     **error);

/* What win.backup and win.restore do: the same in a worker thread (its own
 * connection) behind a progress dialog with Cancel, returned (it is
 * destroyed when the copy ends; NULL when no database is open).  A cancel
 * leaves no copy, or the database as it was.  The outcome is notified in
 * the window, or shown as an error. */
CagProgressDialog  *cag_window_data_backup_start  (CagWindow  *window,
                                                   const char *path);
CagProgressDialog  *cag_window_data_restore_start (CagWindow  *window,
                                                   const char *backup);

G_END_DECLS
