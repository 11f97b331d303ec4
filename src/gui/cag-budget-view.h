/* cag-budget-view.h — the Budgets view: a budget's lines, offers and partner
 * pledges edited in place, the pro-forma table with a stacked bar per line
 * that follows every keystroke (what-if), and the funders. */
#pragma once

#include <gtk/gtk.h>
#include "cag-budget.h"
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_BUDGET_VIEW (cag_budget_view_get_type ())
G_DECLARE_FINAL_TYPE (CagBudgetView, cag_budget_view, CAG, BUDGET_VIEW, GtkBox)

GtkWidget         *cag_budget_view_new          (void);

/* STORE may be NULL: shows nothing.  The view does not own STORE.  A read
 * that fails shows a placeholder and emits "load-failed" (GError)
 * (docs/GUI.md, "When the database fails"). */
void               cag_budget_view_load         (CagBudgetView *self,
                                                 CagStore      *store);
/* The budget shown (0: none). */
gint64             cag_budget_view_get_budget_id (CagBudgetView *self);
/* Shows budget BUDGET_ID (its latest version). */
void               cag_budget_view_select       (CagBudgetView *self,
                                                 gint64         budget_id);

/* What the pro-forma table shows now (a what-if while a cell is being
 * edited), or NULL. */
const CagProforma *cag_budget_view_get_proforma (CagBudgetView *self);
/* The records of the version shown, as saved. */
const CagProformaInput *cag_budget_view_get_input (CagBudgetView *self);
/* Shows the pro-forma of IN (a changed copy of the input) without saving;
 * NULL goes back to the saved records. */
void               cag_budget_view_preview      (CagBudgetView          *self,
                                                 const CagProformaInput *in);
/* The text of a cell of the pro-forma table (ROW 0 is the header), for
 * tests; NULL outside the table. */
const char        *cag_budget_view_get_cell     (CagBudgetView *self,
                                                 guint          row,
                                                 guint          column);
/* The same for the funders table (ROW 0 is the header, then one row per
 * offer in entry order, then the total; columns: funder, ratio, terms, one
 * per line, requested). */
const char        *cag_budget_view_get_funder_cell (CagBudgetView *self,
                                                    guint          row,
                                                    guint          column);

G_END_DECLS
