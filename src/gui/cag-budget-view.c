/* cag-budget-view.c — the Budgets view, a composite template
 * (ui/cag-budget-view.ui).
 *
 * Top: the budget shown, its version and status, "New budget…" and
 * "Submit".  Middle: tabs to edit the lines, the offers, the partner pledges
 * and the funders in place.  Bottom: the pro-forma table with a stacked bar
 * per line (partner cash, partner in kind, each funder, gap) and the
 * warnings.  While a cell is being typed in, the table shows the what-if
 * (the records with that cell changed, computed by cag_proforma_compute);
 * pressing Enter saves through the store, which makes a new version when the
 * shown one is submitted.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-budget-view-dialog.h"
#include "cag-budget-view-grid.h"
#include "cag-budget-view-private.h"
#include "cag-error.h"
#include "cag-gui-util.h"
#include "cag-i18n.h"
#include "cag-money.h"

G_DEFINE_FINAL_TYPE (CagBudgetView, cag_budget_view, GTK_TYPE_BOX)

/* ---- Helpers ------------------------------------------------------------ */

char *
cag_budget_view_money (gint64 cents)
{
  return cag_money_format (cents, cag_i18n_get_language ());
}

/* An amount as typed in a cell: empty means none (0) when ALLOW_EMPTY. */
gboolean
cag_budget_view_parse_amount (const char *text,
                              gboolean    allow_empty,
                              gint64     *out,
                              GError    **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (allow_empty && *t == '\0')
    {
      *out = 0;
      return TRUE;
    }
  return cag_money_parse (t, CAG_MONEY_POSITIVE, out, error);
}

static char *
share_text (gint bp)
{
  if (bp == 0)
    return g_strdup ("");
  if (bp % 100 == 0)
    return g_strdup_printf ("%d", bp / 100);
  return g_strdup_printf ("%d%c%02d", bp / 100,
                          cag_i18n_get_language () == CAG_LANG_FR ? ',' : '.', bp % 100);
}

enum
{
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A read failed: a placeholder, never "No budget yet"; the window shows the
 * store's message with Retry (docs/GUI.md, "When the database fails"). */
static void
show_unreadable (CagBudgetView *self,
                 const GError  *error)
{
  gtk_label_set_text (self->version_label, _("The figures could not be read."));
  gtk_widget_set_sensitive (self->submit_button, FALSE);
  g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

void
cag_budget_view_show_message (CagBudgetView *self,
                              const char    *text)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL && *text != '\0');
}

void
cag_budget_view_show_error (CagBudgetView *self,
                            GError        *error)
{
  cag_budget_view_show_message (self, error != NULL ? error->message : NULL);
  g_clear_error (&error);
}

static gboolean
apply_offer_lines (CagBudgetOffer *offer,
                   const char     *text)
{
  g_auto (GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (codes, g_strdup (parts[i]));
    }
  g_strfreev (offer->lines);
  offer->lines = NULL;
  if (codes->len > 0)
    {
      g_ptr_array_add (codes, NULL);
      offer->lines = (char **) g_ptr_array_steal (codes, NULL);
    }
  return TRUE;
}

/* Applies TEXT to the offer cell KIND of OFFER. */
static gboolean
apply_offer_edit (CagBudgetOffer *offer,
                  EditKind        kind,
                  const char     *text,
                  GError        **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text != NULL ? text : ""));

  switch (kind)
    {
    case EDIT_OFFER_RATIO:
      return cag_ratio_parse (text, &offer->num, &offer->den, error);
    case EDIT_OFFER_LINES:
      return apply_offer_lines (offer, text);
    case EDIT_OFFER_CAP:
      return cag_budget_view_parse_amount (text, TRUE, &offer->cap_cents, error);
    case EDIT_OFFER_MIN_BASE:
      return cag_budget_view_parse_amount (text, TRUE, &offer->min_base_cents, error);
    case EDIT_OFFER_SHARE:
    default:
      if (*t == '\0')
        {
          offer->max_share_bp = 0;
          return TRUE;
        }
      return cag_percent_parse (t, &offer->max_share_bp, error);
    }
}

/* Applies TEXT to the cell KIND of row ROW in a copy of IN; FALSE (and
 * ERROR) when TEXT does not parse. */
static gboolean
apply_edit (CagProformaInput *in,
            EditKind          kind,
            guint             row,
            const char       *text,
            GError          **error)
{
  CagBudgetLine *line;
  CagPledge *pledge;

  switch (kind)
    {
    case EDIT_LINE_LABEL:
    case EDIT_LINE_AMOUNT:
      g_return_val_if_fail (row < in->lines->len, FALSE);
      line = in->lines->pdata[row];
      if (kind == EDIT_LINE_AMOUNT)
        return cag_budget_view_parse_amount (text, FALSE, &line->amount_cents, error);
      g_free (line->label);
      line->label = g_strdup (text);
      return TRUE;
    case EDIT_PLEDGE_AMOUNT:
    case EDIT_PLEDGE_BASIS:
      g_return_val_if_fail (row < in->pledges->len, FALSE);
      pledge = in->pledges->pdata[row];
      if (kind == EDIT_PLEDGE_AMOUNT)
        return cag_budget_view_parse_amount (text, FALSE, &pledge->amount_cents, error);
      g_free (pledge->basis);
      pledge->basis = g_strdup (text);
      return TRUE;
    case EDIT_OFFER_RATIO:
    case EDIT_OFFER_LINES:
    case EDIT_OFFER_CAP:
    case EDIT_OFFER_MIN_BASE:
    case EDIT_OFFER_SHARE:
    default:
      g_return_val_if_fail (row < in->offers->len, FALSE);
      return apply_offer_edit (in->offers->pdata[row], kind, text, error);
    }
}

/* Saves the row ROW of IN (already edited) through the store. */
static gboolean
save_row (CagBudgetView    *self,
          CagProformaInput *in,
          EditKind          kind,
          guint             row,
          gint             *version,
          GError          **error)
{
  gint64 id = self->budget->id;

  switch (kind)
    {
    case EDIT_LINE_LABEL:
    case EDIT_LINE_AMOUNT:
      {
        CagBudgetLine *line = in->lines->pdata[row];

        return cag_budget_line_set (self->store, id, line->code, line->label,
                                    line->amount_cents, version, error);
      }
    case EDIT_PLEDGE_AMOUNT:
    case EDIT_PLEDGE_BASIS:
      return cag_budget_pledge_update (self->store, id, in->pledges->pdata[row], version, error);
    case EDIT_OFFER_RATIO:
    case EDIT_OFFER_LINES:
    case EDIT_OFFER_CAP:
    case EDIT_OFFER_MIN_BASE:
    case EDIT_OFFER_SHARE:
    default:
      return cag_budget_offer_set (self->store, id, in->offers->pdata[row], version, error);
    }
}

/* After a save: reload the budget and say when a new version was made. */
void
cag_budget_view_saved (CagBudgetView *self,
                       gint           version)
{
  gint shown = self->budget != NULL ? self->budget->version : 0;
  gint64 id = self->budget != NULL ? self->budget->id : 0;

  cag_budget_view_load (self, self->store);
  cag_budget_view_select (self, id);
  if (version > shown)
    {
      g_autofree char *text =
        g_strdup_printf (_("Version %d was submitted and stays as it was; your change made "
                           "version %d."), shown, version);

      cag_budget_view_show_message (self, text);
    }
}

/* ---- Editors ------------------------------------------------------------ */

static void
fill_editors (CagBudgetView *self)
{
  CagProformaInput *in = self->input;
  GtkTreeIter iter;

  self->filling = TRUE;
  gtk_list_store_clear (self->lines_store);
  gtk_list_store_clear (self->offers_store);
  gtk_list_store_clear (self->pledges_store);
  gtk_combo_box_text_remove_all (self->pledge_line);
  for (guint i = 0; in != NULL && i < in->lines->len; i++)
    {
      const CagBudgetLine *line = in->lines->pdata[i];
      g_autofree char *amount = cag_budget_view_money (line->amount_cents);

      gtk_list_store_insert_with_values (self->lines_store, &iter, -1,
                                         LINE_COL_CODE, line->code,
                                         LINE_COL_LABEL, line->label,
                                         LINE_COL_AMOUNT, amount, -1);
      gtk_combo_box_text_append (self->pledge_line, line->code, line->code);
    }
  if (in != NULL && in->lines->len > 0)
    gtk_combo_box_set_active (GTK_COMBO_BOX (self->pledge_line), 0);
  for (guint i = 0; in != NULL && i < in->offers->len; i++)
    {
      const CagBudgetOffer *offer = in->offers->pdata[i];
      g_autofree char *ratio = g_strdup_printf ("%d:%d", offer->num, offer->den);
      g_autofree char *lines = offer->lines != NULL ? g_strjoinv (",", offer->lines)
                                                    : g_strdup ("");
      g_autofree char *cap = offer->cap_cents > 0 ? cag_budget_view_money (offer->cap_cents)
                                                  : g_strdup ("");
      g_autofree char *min = offer->min_base_cents > 0
                             ? cag_budget_view_money (offer->min_base_cents) : g_strdup ("");
      g_autofree char *share = share_text (offer->max_share_bp);

      gtk_list_store_insert_with_values (self->offers_store, &iter, -1,
                                         OFFER_COL_FUNDER, offer->funder_name,
                                         OFFER_COL_RATIO, ratio,
                                         OFFER_COL_LINES, lines,
                                         OFFER_COL_CASH_ONLY, offer->cash_only,
                                         OFFER_COL_CAP, cap,
                                         OFFER_COL_MIN_BASE, min,
                                         OFFER_COL_SHARE, share, -1);
    }
  for (guint i = 0; in != NULL && i < in->pledges->len; i++)
    {
      const CagPledge *pledge = in->pledges->pdata[i];
      g_autofree char *amount = cag_budget_view_money (pledge->amount_cents);

      gtk_list_store_insert_with_values (self->pledges_store, &iter, -1,
                                         PLEDGE_COL_ID, pledge->id,
                                         PLEDGE_COL_PARTNER, pledge->partner_name,
                                         PLEDGE_COL_LINE, pledge->line_code,
                                         PLEDGE_COL_KIND, cag_pledge_kind_label (pledge->kind),
                                         PLEDGE_COL_AMOUNT, amount,
                                         PLEDGE_COL_STATUS,
                                         cag_pledge_status_label (pledge->status),
                                         PLEDGE_COL_BASIS, pledge->basis != NULL ? pledge->basis
                                                                                 : "", -1);
    }
  self->filling = FALSE;
}

void
cag_budget_view_fill_funders (CagBudgetView *self)
{
  g_autoptr (GPtrArray) funders = NULL;
  g_autoptr (GError) error = NULL;
  GtkTreeIter iter;

  gtk_list_store_clear (self->funders_store);
  gtk_combo_box_text_remove_all (self->offer_funder);
  if (self->store == NULL)
    return;
  funders = cag_funder_list (self->store, &error);
  if (funders == NULL && error != NULL)
    {
      show_unreadable (self, error);
      return;
    }
  for (guint i = 0; funders != NULL && i < funders->len; i++)
    {
      const CagFunder *f = funders->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->id);

      gtk_list_store_insert_with_values (self->funders_store, &iter, -1,
                                         FUNDER_COL_NAME, f->name,
                                         FUNDER_COL_KIND, cag_funder_kind_label (f->kind),
                                         FUNDER_COL_CHARITY,
                                         f->requires_charity ? _("required") : "", -1);
      gtk_combo_box_text_append (self->offer_funder, id, f->name);
    }
  if (funders != NULL && funders->len > 0)
    gtk_combo_box_set_active (GTK_COMBO_BOX (self->offer_funder), 0);
}

static void
refresh (CagBudgetView *self)
{
  g_clear_pointer (&self->shown, cag_proforma_free);
  if (self->input != NULL)
    self->shown = cag_proforma_compute (self->input);
  cag_budget_view_fill_table (self, self->input, self->shown);
}

static EditKind
cell_kind (GtkCellRenderer *renderer)
{
  return (EditKind) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (renderer), "edit-kind"));
}

static void
entry_changed_cb (GtkEditable *editable,
                  gpointer     user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  EditKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "edit-kind"));
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "edit-row"));
  g_autoptr (CagProformaInput) copy = NULL;

  if (self->input == NULL)
    return;
  copy = cag_proforma_input_copy (self->input);
  /* Text that does not parse yet (typing "2:") leaves the last preview. */
  if (apply_edit (copy, kind, row, gtk_entry_get_text (GTK_ENTRY (editable)), NULL))
    cag_budget_view_preview (self, copy);
}

static void
editing_started_cb (GtkCellRenderer *renderer,
                    GtkCellEditable *editable,
                    const char      *path,
                    gpointer         user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  g_autoptr (GtkTreePath) tree_path = gtk_tree_path_new_from_string (path);

  if (!GTK_IS_ENTRY (editable))
    return;
  g_object_set_data (G_OBJECT (editable), "edit-kind", GINT_TO_POINTER (cell_kind (renderer)));
  g_object_set_data (G_OBJECT (editable), "edit-row",
                     GUINT_TO_POINTER ((guint) gtk_tree_path_get_indices (tree_path)[0]));
  g_signal_connect_object (editable, "changed", G_CALLBACK (entry_changed_cb), self, 0);
}

static void
editing_canceled_cb (GtkCellRenderer *renderer,
                     gpointer         user_data)
{
  cag_budget_view_preview (CAG_BUDGET_VIEW (user_data), NULL);
}

static void
cell_edited_cb (GtkCellRendererText *renderer,
                const char          *path,
                const char          *text,
                gpointer             user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  g_autoptr (GtkTreePath) tree_path = gtk_tree_path_new_from_string (path);
  g_autoptr (CagProformaInput) copy = NULL;
  GError *error = NULL;
  guint row = (guint) gtk_tree_path_get_indices (tree_path)[0];
  gint version = 0;

  if (self->input == NULL || self->budget == NULL)
    return;
  copy = cag_proforma_input_copy (self->input);
  if (!apply_edit (copy, cell_kind (GTK_CELL_RENDERER (renderer)), row, text, &error)
      || !save_row (self, copy, cell_kind (GTK_CELL_RENDERER (renderer)), row, &version, &error))
    {
      cag_budget_view_preview (self, NULL);
      cag_budget_view_show_error (self, error);
      return;
    }
  cag_budget_view_show_message (self, NULL);
  cag_budget_view_saved (self, version);
}

void
cag_budget_view_cash_only_toggled_cb (GtkCellRendererToggle *renderer,
                                      const char            *path,
                                      gpointer               user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  g_autoptr (GtkTreePath) tree_path = gtk_tree_path_new_from_string (path);
  g_autoptr (CagBudgetOffer) offer = NULL;
  GError *error = NULL;
  guint row = (guint) gtk_tree_path_get_indices (tree_path)[0];
  gint version = 0;

  if (self->input == NULL || row >= self->input->offers->len)
    return;
  offer = cag_budget_offer_copy (self->input->offers->pdata[row]);
  offer->cash_only = !offer->cash_only;
  if (!cag_budget_offer_set (self->store, self->budget->id, offer, &version, &error))
    {
      cag_budget_view_show_error (self, error);
      return;
    }
  cag_budget_view_saved (self, version);
}

/* The whole text of a cell that may be cut, as its tooltip. */
static gboolean
tree_query_tooltip_cb (GtkWidget  *widget,
                       gint        x,
                       gint        y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  GtkTreeView *view = GTK_TREE_VIEW (widget);
  GtkTreeModel *model = NULL;
  g_autoptr (GtkTreePath) path = NULL;
  GtkTreeViewColumn *column = NULL;
  g_autofree char *text = NULL;
  GtkTreeIter iter;
  gint bx, by, model_column;

  if (keyboard_mode)
    {
      if (!gtk_tree_view_get_tooltip_context (view, &x, &y, keyboard_mode, &model, &path, &iter))
        return FALSE;
      gtk_tree_view_get_cursor (view, NULL, &column);
    }
  else
    {
      gtk_tree_view_convert_widget_to_bin_window_coords (view, x, y, &bx, &by);
      if (!gtk_tree_view_get_path_at_pos (view, bx, by, &path, &column, NULL, NULL))
        return FALSE;
      model = gtk_tree_view_get_model (view);
      if (!gtk_tree_model_get_iter (model, &iter, path))
        return FALSE;
    }
  if (column == NULL)
    return FALSE;
  model_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "text-column")) - 1;
  if (model_column < 0)
    return FALSE;
  gtk_tree_model_get (model, &iter, model_column, &text, -1);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  gtk_tree_view_set_tooltip_cell (view, tooltip, path, column, NULL);
  return TRUE;
}

void
cag_budget_view_setup_column (CagBudgetView     *self,
                              GtkTreeViewColumn *column,
                              gint               model_column,
                              gint               edit_kind,
                              gboolean           tooltip)
{
  g_autoptr (GList) cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (column));
  GtkWidget *view = gtk_tree_view_column_get_tree_view (column);
  GtkCellRenderer *renderer;

  g_return_if_fail (cells != NULL && view != NULL);
  renderer = cells->data;
  if (tooltip)
    {
      /* Long text is cut with an ellipsis; the tooltip shows all of it. */
      g_object_set_data (G_OBJECT (column), "text-column", GINT_TO_POINTER (model_column + 1));
      if (!gtk_widget_get_has_tooltip (view))
        {
          gtk_widget_set_has_tooltip (view, TRUE);
          g_signal_connect (view, "query-tooltip", G_CALLBACK (tree_query_tooltip_cb), NULL);
        }
    }
  if (edit_kind >= 0)
    {
      g_object_set_data (G_OBJECT (renderer), "edit-kind", GINT_TO_POINTER (edit_kind));
      g_signal_connect (renderer, "editing-started", G_CALLBACK (editing_started_cb), self);
      g_signal_connect (renderer, "editing-canceled", G_CALLBACK (editing_canceled_cb), self);
      g_signal_connect (renderer, "edited", G_CALLBACK (cell_edited_cb), self);
    }
}

static void
submit_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  GError *error = NULL;

  if (self->budget == NULL)
    return;
  if (!cag_budget_submit (self->store, self->budget->id, &error))
    {
      cag_budget_view_show_error (self, error);
      return;
    }
  cag_budget_view_show_message (self, NULL);
  cag_budget_view_saved (self, self->budget->version);
}

static void
new_budget_response_cb (GtkDialog *dialog,
                        gint       response,
                        gpointer   user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  g_autoptr (CagBudget) budget = cag_budget_new ();
  const char *preset = NULL;
  GError *error = NULL;

  if (response != GTK_RESPONSE_OK)
    {
      gtk_widget_destroy (GTK_WIDGET (dialog));
      return;
    }
  if (!cag_budget_view_dialog_get (CAG_BUDGET_VIEW_DIALOG (dialog), budget, &preset, &error)
      || !cag_budget_add (self->store, budget, preset, &error))
    {
      cag_gui_show_error (GTK_WINDOW (dialog), _("The budget was not created"), error);
      g_clear_error (&error);
      return;
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
  cag_budget_view_load (self, self->store);
  cag_budget_view_select (self, budget->id);
}

static void
new_budget_clicked_cb (GtkButton *button,
                       gpointer   user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = cag_budget_view_dialog_new (GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (new_budget_response_cb), self);
  gtk_widget_show (dialog);
}

static void
budget_changed_cb (GtkComboBox *combo,
                   gpointer     user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  const char *id = gtk_combo_box_get_active_id (combo);

  if (self->filling || id == NULL)
    return;
  cag_budget_view_select (self, g_ascii_strtoll (id, NULL, 10));
}

static void
cag_budget_view_finalize (GObject *object)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (object);

  /* The list stores belong to the template. */
  g_clear_pointer (&self->budgets, g_ptr_array_unref);
  g_clear_pointer (&self->budget, cag_budget_free);
  g_clear_pointer (&self->input, cag_proforma_input_free);
  g_clear_pointer (&self->shown, cag_proforma_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->funder_cells, g_ptr_array_unref);
  G_OBJECT_CLASS (cag_budget_view_parent_class)->finalize (object);
}

/* The columns of the template's lists: the model column they show, the
 * cell they edit (or -1), and whether their text may be cut (then the
 * tooltip shows all of it). */
static const struct
{
  const char *id;
  gint        model_column;
  gint        edit_kind;
  gboolean    tooltip;
} columns[] = {
  { "line_code_column", LINE_COL_CODE, -1, FALSE },
  { "line_label_column", LINE_COL_LABEL, EDIT_LINE_LABEL, TRUE },
  { "line_amount_column", LINE_COL_AMOUNT, EDIT_LINE_AMOUNT, FALSE },
  { "offer_funder_column", OFFER_COL_FUNDER, -1, TRUE },
  { "offer_ratio_column", OFFER_COL_RATIO, EDIT_OFFER_RATIO, FALSE },
  { "offer_lines_column", OFFER_COL_LINES, EDIT_OFFER_LINES, TRUE },
  { "offer_cap_column", OFFER_COL_CAP, EDIT_OFFER_CAP, FALSE },
  { "offer_min_column", OFFER_COL_MIN_BASE, EDIT_OFFER_MIN_BASE, FALSE },
  { "offer_share_column", OFFER_COL_SHARE, EDIT_OFFER_SHARE, FALSE },
  { "pledge_partner_column", PLEDGE_COL_PARTNER, -1, TRUE },
  { "pledge_amount_column", PLEDGE_COL_AMOUNT, EDIT_PLEDGE_AMOUNT, FALSE },
  { "pledge_basis_column", PLEDGE_COL_BASIS, EDIT_PLEDGE_BASIS, TRUE },
  { "funder_name_column", FUNDER_COL_NAME, -1, TRUE },
};

static void
cag_budget_view_class_init (CagBudgetViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cag_budget_view_finalize;
  /* A load could not read the database; the view shows a placeholder. */
  signals[LOAD_FAILED] = g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);
  g_type_ensure (CAG_TYPE_BUDGET_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-budget-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CagBudgetView, name)
  BIND (budget_combo);
  BIND (version_label);
  BIND (submit_button);
  BIND (message_label);
  BIND (notebook);
  BIND (content);
  BIND (lines_store);
  BIND (line_code);
  BIND (line_label);
  BIND (line_amount);
  BIND (offers_store);
  BIND (offer_funder);
  BIND (offer_ratio);
  BIND (pledges_store);
  BIND (pledge_partner);
  BIND (pledge_line);
  BIND (pledge_kind);
  BIND (pledge_amount);
  BIND (pledge_basis);
  BIND (pledges_view);
  BIND (funders_store);
  BIND (funder_name);
  BIND (funder_kind);
  BIND (funder_charity);
  BIND (table);
  BIND (funders_table);
  BIND (legend_label);
  BIND (definitions_label);
  BIND (warnings_label);
#undef BIND
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    gtk_widget_class_bind_template_child_full (widget_class, columns[i].id, FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "page_scroll", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "tables_scroll", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "tables_box", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, budget_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_budget_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked_cb);
  cag_budget_view_pages_class_init (widget_class);
}

/* Moving the focus with Tab scrolls the page and the pro-forma to it. */
static void
follow_focus (CagBudgetView *self)
{
  GObject *page_scroll = gtk_widget_get_template_child (GTK_WIDGET (self), CAG_TYPE_BUDGET_VIEW,
                                                        "page_scroll");
  GObject *tables_scroll = gtk_widget_get_template_child (GTK_WIDGET (self),
                                                          CAG_TYPE_BUDGET_VIEW, "tables_scroll");
  GObject *tables_box = gtk_widget_get_template_child (GTK_WIDGET (self), CAG_TYPE_BUDGET_VIEW,
                                                       "tables_box");
  GtkScrolledWindow *page = GTK_SCROLLED_WINDOW (page_scroll);
  GtkScrolledWindow *tables = GTK_SCROLLED_WINDOW (tables_scroll);

  gtk_container_set_focus_vadjustment (GTK_CONTAINER (self->content),
                                       gtk_scrolled_window_get_vadjustment (page));
  gtk_container_set_focus_hadjustment (GTK_CONTAINER (self->content),
                                       gtk_scrolled_window_get_hadjustment (page));
  gtk_container_set_focus_vadjustment (GTK_CONTAINER (tables_box),
                                       gtk_scrolled_window_get_vadjustment (tables));
  gtk_container_set_focus_hadjustment (GTK_CONTAINER (tables_box),
                                       gtk_scrolled_window_get_hadjustment (tables));
}

static void
cag_budget_view_init (CagBudgetView *self)
{
  g_autoptr (GList) cells = NULL;
  g_autofree char *legend = NULL;

  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->funder_cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Long budget names are cut rather than widen the window. */
  cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (self->budget_combo));
  if (cells != NULL)
    g_object_set (cells->data, "ellipsize", PANGO_ELLIPSIZE_END, "width-chars", 30, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GObject *column = gtk_widget_get_template_child (GTK_WIDGET (self), CAG_TYPE_BUDGET_VIEW,
                                                       columns[i].id);

      cag_budget_view_setup_column (self, GTK_TREE_VIEW_COLUMN (column),
                                    columns[i].model_column, columns[i].edit_kind,
                                    columns[i].tooltip);
    }
  /* Drop-downs are named by their label, not by the item they show: named
   * while they show none yet (a name is only given where there is none). */
  cag_gui_name_from_labels (GTK_WIDGET (self));
  cag_budget_view_pages_init (self);
  follow_focus (self);
  legend = cag_budget_view_legend_markup ();
  gtk_label_set_markup (self->legend_label, legend);
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
cag_budget_view_new (void)
{
  return g_object_new (CAG_TYPE_BUDGET_VIEW, NULL);
}

void
cag_budget_view_load (CagBudgetView *self,
                      CagStore      *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CAG_IS_BUDGET_VIEW (self));

  self->store = store;
  g_clear_pointer (&self->budgets, g_ptr_array_unref);
  self->filling = TRUE;
  gtk_combo_box_text_remove_all (self->budget_combo);
  if (store != NULL)
    self->budgets = cag_budget_list (store, &error);
  for (guint i = 0; self->budgets != NULL && i < self->budgets->len; i++)
    {
      const CagBudget *b = self->budgets->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, b->id);

      gtk_combo_box_text_append (self->budget_combo, id, b->name);
    }
  self->filling = FALSE;
  cag_budget_view_fill_funders (self);
  if (self->budgets != NULL && self->budgets->len > 0)
    cag_budget_view_select (self, ((CagBudget *) self->budgets->pdata[0])->id);
  else
    cag_budget_view_select (self, 0);
  if (error != NULL)
    show_unreadable (self, error);
}

void
cag_budget_view_select (CagBudgetView *self,
                        gint64         budget_id)
{
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CAG_IS_BUDGET_VIEW (self));

  g_clear_pointer (&self->budget, cag_budget_free);
  g_clear_pointer (&self->input, cag_proforma_input_free);
  if (self->store != NULL && budget_id > 0)
    {
      self->budget = cag_budget_get (self->store, budget_id, 0, &error);
      if (self->budget != NULL)
        self->input = cag_budget_load (self->store, budget_id, 0, &error);
      if (error != NULL)
        g_clear_pointer (&self->budget, cag_budget_free);
    }

  id = self->budget != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, self->budget->id) : NULL;
  self->filling = TRUE;
  if (id != NULL)
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->budget_combo), id);
  self->filling = FALSE;
  /* The chooser cuts long names: the tooltip has the whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->budget_combo),
                               self->budget != NULL ? self->budget->name : NULL);

  if (self->budget != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("Version %d — %s"), self->budget->version,
                         cag_budget_status_label (self->budget->status));

      gtk_label_set_text (self->version_label, text);
      gtk_widget_set_sensitive (self->submit_button, self->budget->status == CAG_BUDGET_DRAFT);
    }
  else
    {
      gtk_label_set_text (self->version_label,
                          _("No budget yet: create one with “New budget…”."));
      gtk_widget_set_sensitive (self->submit_button, FALSE);
    }
  fill_editors (self);
  refresh (self);
  if (error != NULL)
    show_unreadable (self, error);
}

gint64
cag_budget_view_get_budget_id (CagBudgetView *self)
{
  g_return_val_if_fail (CAG_IS_BUDGET_VIEW (self), 0);
  return self->budget != NULL ? self->budget->id : 0;
}

const CagProforma *
cag_budget_view_get_proforma (CagBudgetView *self)
{
  g_return_val_if_fail (CAG_IS_BUDGET_VIEW (self), NULL);
  return self->shown;
}

const CagProformaInput *
cag_budget_view_get_input (CagBudgetView *self)
{
  g_return_val_if_fail (CAG_IS_BUDGET_VIEW (self), NULL);
  return self->input;
}

void
cag_budget_view_preview (CagBudgetView          *self,
                         const CagProformaInput *in)
{
  g_return_if_fail (CAG_IS_BUDGET_VIEW (self));

  if (in == NULL)
    {
      refresh (self);
      return;
    }
  g_clear_pointer (&self->shown, cag_proforma_free);
  self->shown = cag_proforma_compute (in);
  cag_budget_view_fill_table (self, in, self->shown);
}

static const char *
cell_of (GPtrArray *rows,
         guint      row,
         guint      column)
{
  char **cells;

  if (row >= rows->len)
    return NULL;
  cells = rows->pdata[row];
  if (column >= g_strv_length (cells))
    return NULL;
  return cells[column];
}

const char *
cag_budget_view_get_cell (CagBudgetView *self,
                          guint          row,
                          guint          column)
{
  g_return_val_if_fail (CAG_IS_BUDGET_VIEW (self), NULL);
  return cell_of (self->cells, row, column);
}

const char *
cag_budget_view_get_funder_cell (CagBudgetView *self,
                                 guint          row,
                                 guint          column)
{
  g_return_val_if_fail (CAG_IS_BUDGET_VIEW (self), NULL);
  return cell_of (self->funder_cells, row, column);
}
