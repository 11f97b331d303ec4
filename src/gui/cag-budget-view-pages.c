/* cag-budget-view-pages.c — the editing tabs of the Budgets view: lines,
 * offers, partner pledges and funders, each a list edited in place and a
 * form to add one (laid out in ui/cag-budget-view.ui; the forms are flow
 * boxes, so that they wrap rather than widen the window).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-budget-view-private.h"
#include "cag-gui-util.h"
#include "cag-i18n.h"
#include "cag-money.h"

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
  if (!cag_budget_view_parse_amount (gtk_entry_get_text (self->line_amount), FALSE, &amount,
                                     &error)
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
  if (!cag_budget_view_parse_amount (gtk_entry_get_text (self->pledge_amount), FALSE,
                                     &pledge->amount_cents, &error)
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


/* ---- Set-up ------------------------------------------------------------- */

void
cag_budget_view_pages_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, add_line_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_offer_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_pledge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_pledge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pledges_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_funder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cag_budget_view_cash_only_toggled_cb);
}

void
cag_budget_view_pages_init (CagBudgetView *self)
{
  gtk_combo_box_set_active (GTK_COMBO_BOX (self->pledge_kind), 0);
  for (gint k = CAG_FUNDER_PROVINCIAL; k <= CAG_FUNDER_OTHER; k++)
    gtk_combo_box_text_append_text (self->funder_kind, cag_funder_kind_label (k));
  gtk_combo_box_set_active (GTK_COMBO_BOX (self->funder_kind), CAG_FUNDER_PROVINCIAL);
}
