/* cag-status-model.h — a read-only GtkTreeModel over fund statuses already
 * in memory: rows are indexes into the array, and each cell's text is made
 * only when the view asks for it (the view, in fixed-height mode, asks only
 * for the rows it shows). */
#pragma once

#include <gtk/gtk.h>
#include "cag-list-model.h"
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_STATUS_MODEL (cag_status_model_get_type ())
G_DECLARE_FINAL_TYPE (CagStatusModel, cag_status_model, CAG, STATUS_MODEL, CagListModel)

/* STATUSES (CagFundStatus, referenced) in the order of ROWS (indexes into
 * STATUSES, copied; NULL for all of them in order).  The columns are
 * CAG_OVERVIEW_COL_* (cag-overview.h). */
CagStatusModel *cag_status_model_new (GPtrArray *statuses,
                                      GArray    *rows);

G_END_DECLS
