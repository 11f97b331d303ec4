/* cag-window-data.h — the main window's Import, Back up and Restore (issue
 * 6): win.import opens the import assistant, win.backup writes a copy of
 * the open database, win.restore replaces it with a copy after the user
 * confirms. */
#pragma once

#include "cag-import-assistant.h"
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

G_END_DECLS
