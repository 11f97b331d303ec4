/* cag-budget-view-dialog.h — the Budgets view's "New budget" dialog: a
 * name, a period and whether to start from the 2003 plan's two lines. */
#pragma once

#include <gtk/gtk.h>
#include "cag-budget.h"

G_BEGIN_DECLS

#define CAG_TYPE_BUDGET_VIEW_DIALOG (cag_budget_view_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CagBudgetViewDialog, cag_budget_view_dialog, CAG, BUDGET_VIEW_DIALOG,
                      GtkDialog)

GtkWidget *cag_budget_view_dialog_new (GtkWindow *parent);

/* Sets BUDGET's name and period from the fields and OUT_PRESET to the
 * preset's name or NULL; FALSE (and ERROR saying which date is wrong) when a
 * date does not parse. */
gboolean   cag_budget_view_dialog_get (CagBudgetViewDialog *self,
                                       CagBudget           *budget,
                                       const char         **out_preset,
                                       GError             **error);

G_END_DECLS
