/* cag-export-progress.h — a batch of PDF documents (all statements, reminder
 * letters) written off the main loop, on its own database connection, with
 * a progress bar and Cancel (docs/GUI.md). */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_EXPORT_PROGRESS (cag_export_progress_get_type ())
G_DECLARE_FINAL_TYPE (CagExportProgress, cag_export_progress, CAG, EXPORT_PROGRESS, GtkDialog)

typedef enum
{
  CAG_EXPORT_BATCH_STATEMENTS,
  CAG_EXPORT_BATCH_REMINDERS,
} CagExportBatchKind;

/* Called on the main loop when the batch has ended: PATHS are the files
 * written (also when it failed or was cancelled midway), ERROR NULL on
 * success (G_IO_ERROR_CANCELLED after Cancel).  The dialog is then
 * destroyed. */
typedef void (*CagExportBatchDone) (GPtrArray    *paths,
                                    const GError *error,
                                    gpointer      user_data);

/* Starts writing, in the UI language, the documents of KIND for
 * CAMPAIGN_ID as of AS_OF (NULL: today) into DIR, on a worker thread that
 * opens the database at STORE's path on its own connection; shows and
 * returns the progress dialog (its Cancel stops between two documents). */
GtkWidget *cag_export_progress_run     (GtkWindow          *parent,
                                        CagStore           *store,
                                        CagExportBatchKind  kind,
                                        gint64              campaign_id,
                                        const CagDate      *as_of,
                                        const char         *dir,
                                        CagExportBatchDone  done,
                                        gpointer            user_data);
/* For tests: the fraction shown (0 to 1) and whether the batch still runs. */
double     cag_export_progress_get_fraction (CagExportProgress *self);

G_END_DECLS
