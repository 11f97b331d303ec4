/* cag-progress-dialog.h — a modal dialog for a long copy running in a
 * worker thread: a message, a progress bar and Cancel. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CAG_TYPE_PROGRESS_DIALOG (cag_progress_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CagProgressDialog, cag_progress_dialog, CAG, PROGRESS_DIALOG, GtkDialog)

CagProgressDialog *cag_progress_dialog_new             (GtkWindow  *parent,
                                                        const char *title,
                                                        const char *message);
/* DONE of TOTAL steps (pages); TOTAL 0 pulses. */
void               cag_progress_dialog_set_progress    (CagProgressDialog *self,
                                                        guint              done,
                                                        guint              total);
/* Cancelled by the Cancel button, Escape or closing the dialog. */
GCancellable      *cag_progress_dialog_get_cancellable (CagProgressDialog *self);

G_END_DECLS
