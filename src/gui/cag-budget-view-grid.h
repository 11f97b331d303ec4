/* cag-budget-view-grid.h — a GtkGrid that assistive technology reads as a
 * table: row 0 holds the column headers, column 0 the row headers, and its
 * accessible implements AtkTable over the other rows (the pro-forma tables
 * of the Budgets view). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CAG_TYPE_BUDGET_GRID (cag_budget_grid_get_type ())
G_DECLARE_FINAL_TYPE (CagBudgetGrid, cag_budget_grid, CAG, BUDGET_GRID, GtkGrid)

GtkWidget *cag_budget_grid_new  (void);
/* The size of the table, header row included; every cell must then hold a
 * widget (an empty label where there is nothing to show). */
void       cag_budget_grid_set_size (CagBudgetGrid *self,
                                     guint          n_rows,
                                     guint          n_columns);
guint      cag_budget_grid_get_n_rows    (CagBudgetGrid *self);
guint      cag_budget_grid_get_n_columns (CagBudgetGrid *self);

G_END_DECLS
