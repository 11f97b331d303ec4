/* cag-budget-view-private.h — what the parts of the Budgets view share
 * (cag-budget-view.c, cag-budget-view-pages.c, cag-budget-view-table.c).
 * The widgets come from the template ui/cag-budget-view.ui. */
#pragma once

#include <gtk/gtk.h>
#include "cag-budget-view.h"

G_BEGIN_DECLS

struct _CagBudgetView
{
  GtkBox             parent_instance;

  CagStore          *store;
  GPtrArray         *budgets;     /* CagBudget, latest versions */
  CagBudget         *budget;      /* shown */
  CagProformaInput  *input;       /* as saved */
  CagProforma       *shown;       /* what the table shows */
  GPtrArray         *cells;       /* rows of GStrv: the lines table's text */
  GPtrArray         *funder_cells; /* rows of GStrv: the funders table's text */
  gboolean           filling;

  GtkComboBoxText   *budget_combo;
  GtkLabel          *version_label;
  GtkWidget         *submit_button;
  GtkLabel          *message_label;
  GtkNotebook       *notebook;
  GtkWidget         *content;     /* everything inside the page's scroller */

  GtkListStore      *lines_store;
  GtkEntry          *line_code;
  GtkEntry          *line_label;
  GtkEntry          *line_amount;

  GtkListStore      *offers_store;
  GtkComboBoxText   *offer_funder;
  GtkEntry          *offer_ratio;

  GtkListStore      *pledges_store;
  GtkEntry          *pledge_partner;
  GtkComboBoxText   *pledge_line;
  GtkComboBoxText   *pledge_kind;
  GtkEntry          *pledge_amount;
  GtkEntry          *pledge_basis;
  GtkTreeView       *pledges_view;

  GtkListStore      *funders_store;
  GtkEntry          *funder_name;
  GtkComboBoxText   *funder_kind;
  GtkToggleButton   *funder_charity;

  GtkGrid           *table;       /* per line (a CagBudgetGrid) */
  GtkGrid           *funders_table; /* per funder (a CagBudgetGrid) */
  GtkLabel          *legend_label;
  GtkLabel          *definitions_label;
  GtkLabel          *warnings_label;
};


/* The editable cells, so that one handler can preview and save them. */
typedef enum
{
  EDIT_LINE_LABEL,
  EDIT_LINE_AMOUNT,
  EDIT_OFFER_RATIO,
  EDIT_OFFER_LINES,
  EDIT_OFFER_CAP,
  EDIT_OFFER_MIN_BASE,
  EDIT_OFFER_SHARE,
  EDIT_PLEDGE_AMOUNT,
  EDIT_PLEDGE_BASIS,
} EditKind;

enum { LINE_COL_CODE, LINE_COL_LABEL, LINE_COL_AMOUNT, LINE_N_COLS };
enum
{
  OFFER_COL_FUNDER,
  OFFER_COL_RATIO,
  OFFER_COL_LINES,
  OFFER_COL_CASH_ONLY,
  OFFER_COL_CAP,
  OFFER_COL_MIN_BASE,
  OFFER_COL_SHARE,
  OFFER_N_COLS
};
enum
{
  PLEDGE_COL_ID,
  PLEDGE_COL_PARTNER,
  PLEDGE_COL_LINE,
  PLEDGE_COL_KIND,
  PLEDGE_COL_AMOUNT,
  PLEDGE_COL_STATUS,
  PLEDGE_COL_BASIS,
  PLEDGE_N_COLS
};
enum { FUNDER_COL_NAME, FUNDER_COL_KIND, FUNDER_COL_CHARITY, FUNDER_N_COLS };

char      *cag_budget_view_money        (gint64 cents);
/* An amount as typed in a cell: empty means none (0) when ALLOW_EMPTY. */
gboolean   cag_budget_view_parse_amount (const char *text,
                                         gboolean    allow_empty,
                                         gint64     *out,
                                         GError    **error);
/* A line of feedback above the tabs, hidden when TEXT is NULL or empty. */
void       cag_budget_view_show_message (CagBudgetView *self,
                                         const char    *text);
/* Shows ERROR's message and frees ERROR. */
void       cag_budget_view_show_error   (CagBudgetView *self,
                                         GError        *error);
/* Sets up a column of the template: its cells preview while typed and save
 * on Enter when EDIT_KIND >= 0; with TOOLTIP the whole text of MODEL_COLUMN
 * is its cells' tooltip (for text cut with an ellipsis). */
void       cag_budget_view_setup_column (CagBudgetView     *self,
                                         GtkTreeViewColumn *column,
                                         gint               model_column,
                                         gint               edit_kind,
                                         gboolean           tooltip);
void       cag_budget_view_cash_only_toggled_cb (GtkCellRendererToggle *renderer,
                                                 const char            *path,
                                                 gpointer               user_data);
/* After a save: reloads, and says when a new version was made. */
void       cag_budget_view_saved        (CagBudgetView *self,
                                         gint           version);
void       cag_budget_view_fill_funders (CagBudgetView *self);
/* IN: the records P was computed from (for the offers' terms). */
void       cag_budget_view_fill_table   (CagBudgetView          *self,
                                         const CagProformaInput *in,
                                         const CagProforma      *p);
/* The legend of the bars' colours, as markup for a label. */
char      *cag_budget_view_legend_markup (void);
/* Binds the template callbacks of the editing tabs (cag-budget-view-pages.c). */
void       cag_budget_view_pages_class_init (GtkWidgetClass *widget_class);
/* Fills the kinds of the pledge and funder forms. */
void       cag_budget_view_pages_init       (CagBudgetView  *self);

G_END_DECLS
