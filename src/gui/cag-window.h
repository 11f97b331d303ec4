/* cag-window.h — the main window: one open database, its views and the
 * actions that act on it. */
#pragma once

#include <gtk/gtk.h>
#include "cag-application.h"
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_WINDOW (cag_window_get_type ())
G_DECLARE_FINAL_TYPE (CagWindow, cag_window, CAG, WINDOW, GtkApplicationWindow)

/* APP may be NULL (tests build windows without a running application). */
CagWindow  *cag_window_new               (CagApplication *app);

/* Opens PATH (creating it when CREATE and it does not exist).  On failure
 * shows a dialog that says what is wrong and what to do, keeps the current
 * database, and returns FALSE. */
gboolean    cag_window_open_path         (CagWindow  *self,
                                          const char *path,
                                          gboolean    create);
/* Opens the example network (example.db in the user's data folder, filled
 * by cag_demo_fill the first time). */
gboolean    cag_window_open_example      (CagWindow *self,
                                          GError   **error);
/* Takes ownership of STORE (nullable). */
void        cag_window_set_store         (CagWindow *self,
                                          CagStore  *store);
CagStore   *cag_window_get_store         (CagWindow *self);
gint64      cag_window_get_campaign_id   (CagWindow *self);
void        cag_window_set_campaign_id   (CagWindow *self,
                                          gint64     campaign_id);

/* Re-reads every figure shown, after a change. */
void        cag_window_reload            (CagWindow *self);
void        cag_window_show_page         (CagWindow  *self,
                                          const char *name);
const char *cag_window_get_page          (CagWindow *self);
void        cag_window_show_organization (CagWindow *self,
                                          gint64     org_id);

/* Opens the Record contribution dialog (ORG_ID 0: none chosen) and returns
 * it; the window reloads and offers Undo when it saves. */
GtkWidget  *cag_window_record            (CagWindow *self,
                                          gint64     org_id);
GtkWidget  *cag_window_batch             (CagWindow *self);

/* An in-window notification; with UNDO_CONTRIBUTION_ID > 0 it offers Undo,
 * which voids that contribution with the reason "undone". */
void        cag_window_notify            (CagWindow  *self,
                                          const char *message,
                                          gint64      undo_contribution_id);
/* An in-window notification with an Open Folder button that opens PATH
 * (a folder) in the user's file manager. */
void        cag_window_notify_open       (CagWindow  *self,
                                          const char *message,
                                          const char *path);
/* What that button opens now, or NULL (for tests). */
const char *cag_window_get_open_path     (CagWindow *self);
/* After a document was written to PATH: opens it in the user's viewer
 * (unless CAGNOTTE_NO_VIEWER is set) and shows MESSAGE; when it cannot be
 * opened, the notification says why (never an error dialog). */
void        cag_window_exported          (CagWindow  *self,
                                          const char *message,
                                          const char *path);
/* After contribution ID was voided: a notification whose Undo (and Ctrl+Z)
 * records it again as a new contribution, the voided row staying. */
void        cag_window_notify_voided     (CagWindow  *self,
                                          const char *message,
                                          gint64      contribution_id);
/* What Undo and Ctrl+Z do: voids the last recorded contribution or batch
 * (in one transaction), or records the last voided one again.  See
 * docs/GUI.md, "Undo". */
gboolean    cag_window_undo              (CagWindow *self,
                                          GError   **error);

/* The one date the overview and the organization detail compute their
 * figures for (NULL: today), and reloads both; today when a file is opened. */
void           cag_window_set_as_of      (CagWindow     *self,
                                          const CagDate *as_of);
const CagDate *cag_window_get_as_of      (CagWindow     *self);

GtkWidget  *cag_window_get_overview      (CagWindow *self);
GtkWidget  *cag_window_get_detail        (CagWindow *self);
GtkWidget  *cag_window_get_org_list      (CagWindow *self);
GtkWidget  *cag_window_get_welcome       (CagWindow *self);

G_END_DECLS
