/* cag-budget-view-dialog.c — "New budget…" of the Budgets view
 * (ui/cag-budget-view-dialog.ui).  The view creates the budget with what
 * the dialog returns. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-budget-view-dialog.h"
#include "cag-gui-util.h"

struct _CagBudgetViewDialog
{
  GtkDialog        parent_instance;

  GtkEntry        *name_entry;
  GtkEntry        *start_entry;
  GtkEntry        *end_entry;
  GtkToggleButton *preset_check;
};

G_DEFINE_FINAL_TYPE (CagBudgetViewDialog, cag_budget_view_dialog, GTK_TYPE_DIALOG)

static void
cag_budget_view_dialog_class_init (CagBudgetViewDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/gesq/Cagnotte/cag-budget-view-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CagBudgetViewDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CagBudgetViewDialog, start_entry);
  gtk_widget_class_bind_template_child (widget_class, CagBudgetViewDialog, end_entry);
  gtk_widget_class_bind_template_child (widget_class, CagBudgetViewDialog, preset_check);
}

static void
cag_budget_view_dialog_init (CagBudgetViewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cag_gui_name_from_labels (GTK_WIDGET (self));
}

GtkWidget *
cag_budget_view_dialog_new (GtkWindow *parent)
{
  GtkWidget *self = g_object_new (CAG_TYPE_BUDGET_VIEW_DIALOG, "transient-for", parent, NULL);

  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_OK);
  return self;
}

gboolean
cag_budget_view_dialog_get (CagBudgetViewDialog *self,
                            CagBudget           *budget,
                            const char         **out_preset,
                            GError             **error)
{
  g_return_val_if_fail (CAG_IS_BUDGET_VIEW_DIALOG (self), FALSE);

  if (!cag_gui_parse_date (gtk_entry_get_text (self->start_entry), &budget->start, error)
      || !cag_gui_parse_date (gtk_entry_get_text (self->end_entry), &budget->end, error))
    return FALSE;
  g_free (budget->name);
  budget->name = g_strdup (gtk_entry_get_text (self->name_entry));
  *out_preset = gtk_toggle_button_get_active (self->preset_check) ? "gesq-2003" : NULL;
  return TRUE;
}
