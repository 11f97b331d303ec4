/* cag-batch-dialog.h — the monthly pile of cheques, entered as a grid and
 * saved in one transaction when the count and the control total match. */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_BATCH_DIALOG (cag_batch_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CagBatchDialog, cag_batch_dialog, CAG, BATCH_DIALOG, GtkDialog)

GtkWidget  *cag_batch_dialog_new            (GtkWindow *parent,
                                             CagStore  *store,
                                             gint64     campaign_id);
/* Declared count and control total (as typed). */
void        cag_batch_dialog_set_declared   (CagBatchDialog *self,
                                             gint            count,
                                             const char     *total);
/* Fills row ROW (0-based; rows are added as needed).  METHOD is a machine
 * name or NULL. */
void        cag_batch_dialog_set_row        (CagBatchDialog *self,
                                             guint           row,
                                             const char     *organization,
                                             const char     *date,
                                             const char     *amount,
                                             const char     *method,
                                             const char     *reference);
/* The date every row takes unless its own was changed (as typed). */
void        cag_batch_dialog_set_deposit_date (CagBatchDialog *self,
                                               const char     *date);
/* For tests: row ROW's date as shown, the number of rows, and one cell
 * ("organization", "date", "amount", "method", "reference"). */
const char *cag_batch_dialog_get_row_date   (CagBatchDialog *self,
                                             guint           row);
guint       cag_batch_dialog_get_n_rows     (CagBatchDialog *self);
GtkWidget  *cag_batch_dialog_get_cell       (CagBatchDialog *self,
                                             guint           row,
                                             const char     *column);
/* Whether the status line shows an error (rather than a hint). */
gboolean    cag_batch_dialog_status_is_error (CagBatchDialog *self);
gboolean    cag_batch_dialog_is_valid       (CagBatchDialog *self);
/* What is wrong, or what will be saved. */
const char *cag_batch_dialog_get_status     (CagBatchDialog *self);
gboolean    cag_batch_dialog_save           (CagBatchDialog *self,
                                             GError        **error);
/* Ids of the saved contributions (owned by the dialog). */
GArray     *cag_batch_dialog_get_saved_ids  (CagBatchDialog *self);

G_END_DECLS
