/* cag-budget-view-pages.c — the editing tabs of the Budgets view: lines,
 * offers, partner pledges and funders, each a list edited in place and a
 * form to add one.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-budget-view-private.h"
#include "cag-gui-util.h"
#include "cag-i18n.h"
#include "cag-money.h"

/* A row of fields that wraps when the window is narrow, so that the view
 * never makes the window wider than it is. */
static GtkWidget *
form_new (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), FALSE);
  return flow;
}

/* A column of short texts (codes, kinds, statuses): as wide as its text,
 * never cut. */
static void
short_column (GtkTreeViewColumn *column)
{
  g_autoptr (GList) cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (column));

  gtk_tree_view_column_set_expand (column, FALSE);
  if (cells != NULL)
    g_object_set (cells->data, "ellipsize", PANGO_ELLIPSIZE_NONE, "width-chars", -1, NULL);
}

/* ---- Add forms ---------------------------------------------------------- */

static void
add_line_clicked_cb (GtkButton *button,
                     gpointer   user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  GError *error = NULL;
  gint64 amount;
  gint version = 0;

  if (self->budget == NULL)
    return;
  if (!cag_budget_view_parse_amount (gtk_entry_get_text (self->line_amount), FALSE, &amount, &error)
      || !cag_budget_line_set (self->store, self->budget->id,
                               gtk_entry_get_text (self->line_code),
                               gtk_entry_get_text (self->line_label), amount, &version, &error))
    {
      cag_budget_view_show_error (self, error);
      return;
    }
  gtk_entry_set_text (self->line_code, "");
  gtk_entry_set_text (self->line_label, "");
  gtk_entry_set_text (self->line_amount, "");
  cag_budget_view_show_message (self, NULL);
  cag_budget_view_saved (self, version);
}

static void
add_offer_clicked_cb (GtkButton *button,
                      gpointer   user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  g_autoptr (CagBudgetOffer) offer = cag_budget_offer_new ();
  const char *funder_id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->offer_funder));
  GError *error = NULL;
  gint version = 0;

  if (self->budget == NULL || funder_id == NULL)
    return;
  offer->funder_id = g_ascii_strtoll (funder_id, NULL, 10);
  if (!cag_ratio_parse (gtk_entry_get_text (self->offer_ratio), &offer->num, &offer->den, &error)
      || !cag_budget_offer_set (self->store, self->budget->id, offer, &version, &error))
    {
      cag_budget_view_show_error (self, error);
      return;
    }
  cag_budget_view_show_message (self, NULL);
  cag_budget_view_saved (self, version);
}

static void
add_pledge_clicked_cb (GtkButton *button,
                       gpointer   user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  g_autoptr (CagPledge) pledge = cag_pledge_new ();
  g_autoptr (CagOrganization) org = NULL;
  const char *partner = gtk_entry_get_text (self->pledge_partner);
  const char *line = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->pledge_line));
  GError *error = NULL;
  gint version = 0;

  if (self->budget == NULL)
    return;
  /* A member organization when one matches, else an outside partner. */
  org = cag_store_org_find (self->store, partner, NULL);
  if (org != NULL)
    pledge->organization_id = org->id;
  else
    pledge->partner_name = g_strdup (partner);
  pledge->line_code = g_strdup (line != NULL ? line : "");
  pledge->kind = gtk_combo_box_get_active (GTK_COMBO_BOX (self->pledge_kind)) == 1
    ? CAG_PLEDGE_IN_KIND : CAG_PLEDGE_CASH;
  pledge->basis = g_strdup (gtk_entry_get_text (self->pledge_basis));
  if (!cag_budget_view_parse_amount (gtk_entry_get_text (self->pledge_amount), FALSE, &pledge->amount_cents,
                     &error)
      || !cag_budget_pledge_add (self->store, self->budget->id, pledge, &version, &error))
    {
      cag_budget_view_show_error (self, error);
      return;
    }
  gtk_entry_set_text (self->pledge_partner, "");
  gtk_entry_set_text (self->pledge_amount, "");
  gtk_entry_set_text (self->pledge_basis, "");
  cag_budget_view_show_message (self, NULL);
  cag_budget_view_saved (self, version);
}

static void
remove_pledge_clicked_cb (GtkButton *button,
                          gpointer   user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->pledges_view);
  GtkTreeModel *model;
  GtkTreeIter iter;
  GError *error = NULL;
  gint64 id;
  gint version = 0;

  if (self->budget == NULL || !gtk_tree_selection_get_selected (selection, &model, &iter))
    return;
  gtk_tree_model_get (model, &iter, PLEDGE_COL_ID, &id, -1);
  if (!cag_budget_pledge_remove (self->store, self->budget->id, id, &version, &error))
    {
      cag_budget_view_show_error (self, error);
      return;
    }
  cag_budget_view_show_message (self, NULL);
  cag_budget_view_saved (self, version);
}

static gboolean
pledges_key_pressed_cb (GtkWidget   *widget,
                        GdkEventKey *event,
                        gpointer     user_data)
{
  if (event->keyval != GDK_KEY_Delete && event->keyval != GDK_KEY_KP_Delete)
    return GDK_EVENT_PROPAGATE;
  remove_pledge_clicked_cb (NULL, user_data);
  return GDK_EVENT_STOP;
}

static void
add_funder_clicked_cb (GtkButton *button,
                       gpointer   user_data)
{
  CagBudgetView *self = CAG_BUDGET_VIEW (user_data);
  g_autoptr (CagFunder) funder = cag_funder_new ();
  GError *error = NULL;

  if (self->store == NULL)
    return;
  funder->name = g_strdup (gtk_entry_get_text (self->funder_name));
  funder->kind =
    (CagFunderKind) MAX (0, gtk_combo_box_get_active (GTK_COMBO_BOX (self->funder_kind)));
  funder->requires_charity = gtk_toggle_button_get_active (self->funder_charity);
  if (!cag_funder_add (self->store, funder, &error))
    {
      cag_budget_view_show_error (self, error);
      return;
    }
  gtk_entry_set_text (self->funder_name, "");
  gtk_toggle_button_set_active (self->funder_charity, FALSE);
  cag_budget_view_show_message (self, NULL);
  cag_budget_view_fill_funders (self);
}


/* ---- Construction ------------------------------------------------------- */

GtkWidget *
cag_budget_view_build_lines_page (CagBudgetView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *form = form_new ();
  GtkWidget *view, *button;

  self->lines_store = gtk_list_store_new (LINE_N_COLS, G_TYPE_STRING, G_TYPE_STRING,
                                          G_TYPE_STRING);
  view = gtk_tree_view_new_with_model (GTK_TREE_MODEL (self->lines_store));
  short_column (cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Line"), LINE_COL_CODE, -1, FALSE));
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Label"), LINE_COL_LABEL,
              EDIT_LINE_LABEL, FALSE);
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Amount"), LINE_COL_AMOUNT,
              EDIT_LINE_AMOUNT, TRUE);
  gtk_box_pack_start (GTK_BOX (box), cag_budget_view_scrolled (view, 64), TRUE, TRUE, 0);

  self->line_code = cag_budget_view_small_entry (6, _("Code of the new line"));
  self->line_label = cag_budget_view_small_entry (30, _("Label of the new line"));
  self->line_amount = cag_budget_view_small_entry (12, _("Amount of the new line"));
  button = gtk_button_new_with_mnemonic (_("_Add line"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_line_clicked_cb), self);
  gtk_container_add (GTK_CONTAINER (form), cag_budget_view_labelled (_("Co_de:"), GTK_WIDGET (self->line_code)));
  gtk_container_add (GTK_CONTAINER (form),
                     cag_budget_view_labelled (_("_Label:"), GTK_WIDGET (self->line_label)));
  gtk_container_add (GTK_CONTAINER (form),
                     cag_budget_view_labelled (_("A_mount:"), GTK_WIDGET (self->line_amount)));
  gtk_container_add (GTK_CONTAINER (form), button);
  gtk_container_add (GTK_CONTAINER (box), form);
  return box;
}

GtkWidget *
cag_budget_view_build_offers_page (CagBudgetView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *form = form_new ();
  GtkWidget *view, *button;
  GtkCellRenderer *toggle;
  GtkTreeViewColumn *column;

  self->offers_store = gtk_list_store_new (OFFER_N_COLS, G_TYPE_STRING, G_TYPE_STRING,
                                           G_TYPE_STRING, G_TYPE_BOOLEAN, G_TYPE_STRING,
                                           G_TYPE_STRING, G_TYPE_STRING);
  view = gtk_tree_view_new_with_model (GTK_TREE_MODEL (self->offers_store));
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Funder"), OFFER_COL_FUNDER, -1, FALSE);
  short_column (cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Ratio"), OFFER_COL_RATIO,
              EDIT_OFFER_RATIO, FALSE));
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Lines (empty: all)"), OFFER_COL_LINES,
              EDIT_OFFER_LINES, FALSE);
  toggle = gtk_cell_renderer_toggle_new ();
  column = gtk_tree_view_column_new_with_attributes (C_("column", "Cash only"), toggle,
                                                     "active", OFFER_COL_CASH_ONLY, NULL);
  g_signal_connect (toggle, "toggled", G_CALLBACK (cag_budget_view_cash_only_toggled_cb), self);
  gtk_tree_view_append_column (GTK_TREE_VIEW (view), column);
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Cap"), OFFER_COL_CAP,
              EDIT_OFFER_CAP, TRUE);
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Minimum base"), OFFER_COL_MIN_BASE,
              EDIT_OFFER_MIN_BASE, TRUE);
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "At most (%)"), OFFER_COL_SHARE,
              EDIT_OFFER_SHARE, TRUE);
  gtk_box_pack_start (GTK_BOX (box), cag_budget_view_scrolled (view, 64), TRUE, TRUE, 0);

  self->offer_funder = GTK_COMBO_BOX_TEXT (gtk_combo_box_text_new ());
  self->offer_ratio = cag_budget_view_small_entry (6, _("Ratio of the new offer"));
  gtk_entry_set_text (self->offer_ratio, "1:1");
  button = gtk_button_new_with_mnemonic (_("_Add offer"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_offer_clicked_cb), self);
  gtk_container_add (GTK_CONTAINER (form),
                     cag_budget_view_labelled (_("_Funder:"), GTK_WIDGET (self->offer_funder)));
  gtk_container_add (GTK_CONTAINER (form),
                     cag_budget_view_labelled (_("_Ratio:"), GTK_WIDGET (self->offer_ratio)));
  gtk_container_add (GTK_CONTAINER (form), button);
  gtk_container_add (GTK_CONTAINER (box), form);
  return box;
}

GtkWidget *
cag_budget_view_build_pledges_page (CagBudgetView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *form = form_new ();
  GtkWidget *view, *button, *remove;

  self->pledges_store = gtk_list_store_new (PLEDGE_N_COLS, G_TYPE_INT64, G_TYPE_STRING,
                                            G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
                                            G_TYPE_STRING, G_TYPE_STRING);
  view = gtk_tree_view_new_with_model (GTK_TREE_MODEL (self->pledges_store));
  self->pledges_view = GTK_TREE_VIEW (view);
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Partner"), PLEDGE_COL_PARTNER, -1,
              FALSE);
  short_column (cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Line"), PLEDGE_COL_LINE, -1, FALSE));
  short_column (cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Kind"), PLEDGE_COL_KIND, -1, FALSE));
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Amount"), PLEDGE_COL_AMOUNT,
              EDIT_PLEDGE_AMOUNT, TRUE);
  short_column (cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Status"), PLEDGE_COL_STATUS, -1, FALSE));
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Valuation basis"), PLEDGE_COL_BASIS,
              EDIT_PLEDGE_BASIS, FALSE);
  /* Remove sits beside the list it acts on (and Delete does the same), so
   * that the form below keeps to one row. */
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic", GTK_ICON_SIZE_BUTTON);
  gtk_widget_set_tooltip_text (remove, _("Remove the selected pledge (Delete)"));
  cag_gui_set_accessible_name (remove, _("Remove the selected pledge"));
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_pledge_clicked_cb), self);
  g_signal_connect (view, "key-press-event", G_CALLBACK (pledges_key_pressed_cb), self);
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_box_pack_start (GTK_BOX (row), cag_budget_view_scrolled (view, 64), TRUE, TRUE, 0);
    gtk_container_add (GTK_CONTAINER (row), remove);
    gtk_box_pack_start (GTK_BOX (box), row, TRUE, TRUE, 0);
  }

  self->pledge_partner = cag_budget_view_small_entry (14, _("Partner of the new pledge"));
  self->pledge_line = GTK_COMBO_BOX_TEXT (gtk_combo_box_text_new ());
  self->pledge_kind = GTK_COMBO_BOX_TEXT (gtk_combo_box_text_new ());
  gtk_combo_box_text_append_text (self->pledge_kind, C_("pledge kind", "Cash"));
  gtk_combo_box_text_append_text (self->pledge_kind, C_("pledge kind", "In kind"));
  gtk_combo_box_set_active (GTK_COMBO_BOX (self->pledge_kind), 0);
  self->pledge_amount = cag_budget_view_small_entry (12, _("Amount of the new pledge"));
  self->pledge_basis = cag_budget_view_small_entry (12, _("Valuation basis of the new pledge"));
  button = gtk_button_new_with_mnemonic (_("A_dd pledge"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_pledge_clicked_cb), self);
  gtk_container_add (GTK_CONTAINER (form),
                     cag_budget_view_labelled (_("_Partner:"), GTK_WIDGET (self->pledge_partner)));
  gtk_container_add (GTK_CONTAINER (form), cag_budget_view_labelled (_("_Line:"), GTK_WIDGET (self->pledge_line)));
  gtk_container_add (GTK_CONTAINER (form), GTK_WIDGET (self->pledge_kind));
  gtk_container_add (GTK_CONTAINER (form),
                     cag_budget_view_labelled (_("A_mount:"), GTK_WIDGET (self->pledge_amount)));
  gtk_container_add (GTK_CONTAINER (form),
                     cag_budget_view_labelled (_("_Basis:"), GTK_WIDGET (self->pledge_basis)));
  gtk_container_add (GTK_CONTAINER (form), button);
  gtk_container_add (GTK_CONTAINER (box), form);
  return box;
}

GtkWidget *
cag_budget_view_build_funders_page (CagBudgetView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *form = form_new ();
  GtkWidget *view, *button;

  self->funders_store = gtk_list_store_new (FUNDER_N_COLS, G_TYPE_STRING, G_TYPE_STRING,
                                            G_TYPE_STRING);
  view = gtk_tree_view_new_with_model (GTK_TREE_MODEL (self->funders_store));
  cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Funder"), FUNDER_COL_NAME, -1, FALSE);
  short_column (cag_budget_view_add_column (GTK_TREE_VIEW (view), self, C_("column", "Kind"), FUNDER_COL_KIND, -1, FALSE));
  short_column (cag_budget_view_add_column (GTK_TREE_VIEW (view), self,
                                            C_("column", "Charitable status"),
                                            FUNDER_COL_CHARITY, -1, FALSE));
  gtk_box_pack_start (GTK_BOX (box), cag_budget_view_scrolled (view, 64), TRUE, TRUE, 0);

  self->funder_name = cag_budget_view_small_entry (24, _("Name of the new funder"));
  self->funder_kind = GTK_COMBO_BOX_TEXT (gtk_combo_box_text_new ());
  for (gint k = CAG_FUNDER_PROVINCIAL; k <= CAG_FUNDER_OTHER; k++)
    gtk_combo_box_text_append_text (self->funder_kind, cag_funder_kind_label (k));
  gtk_combo_box_set_active (GTK_COMBO_BOX (self->funder_kind), CAG_FUNDER_PROVINCIAL);
  self->funder_charity = GTK_TOGGLE_BUTTON (
    gtk_check_button_new_with_mnemonic (_("Requires _charitable status")));
  button = gtk_button_new_with_mnemonic (_("Add _funder"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_funder_clicked_cb), self);
  gtk_container_add (GTK_CONTAINER (form),
                     cag_budget_view_labelled (_("_Name:"), GTK_WIDGET (self->funder_name)));
  gtk_container_add (GTK_CONTAINER (form), GTK_WIDGET (self->funder_kind));
  gtk_container_add (GTK_CONTAINER (form), GTK_WIDGET (self->funder_charity));
  gtk_container_add (GTK_CONTAINER (form), button);
  gtk_container_add (GTK_CONTAINER (box), form);
  return box;
}

