/* cag-progress-cell.h — a progress bar in a list cell that screen readers
 * read: a text cell ("24,4 %") drawn over its bar.  GtkCellRendererProgress
 * exposes nothing to assistive technology (docs/GUI.md, "Accessibility"). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CAG_TYPE_PROGRESS_CELL (cag_progress_cell_get_type ())
G_DECLARE_FINAL_TYPE (CagProgressCell, cag_progress_cell, CAG, PROGRESS_CELL,
                      GtkCellRendererText)

GtkCellRenderer *cag_progress_cell_new (void);

G_END_DECLS
