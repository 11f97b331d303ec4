/* cag-proforma-dialog.c — "Export Pro-forma": for which funder?  The funder
 * copy is the default; the working copy is the last choice.  The line under
 * the drop-down says what the chosen copy holds. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-proforma-dialog.h"
#include "cag-gui-util.h"

struct _CagProformaDialog
{
  GtkDialog        parent_instance;

  GtkLabel        *funder_label;
  GtkComboBoxText *funder_combo;
  GtkLabel        *explain_label;
};

G_DEFINE_FINAL_TYPE (CagProformaDialog, cag_proforma_dialog, GTK_TYPE_DIALOG)

static void
funder_changed_cb (CagProformaDialog *self)
{
  if (cag_proforma_dialog_get_funder_id (self) > 0)
    gtk_label_set_text (self->explain_label,
                        _("The funder copy holds only what this funder should read: the "
                          "applicant, its terms and request, the balanced budget and a "
                          "signature block. It is made from the submitted version; a draft "
                          "is marked DRAFT on every page."));
  else
    gtk_label_set_text (self->explain_label,
                        _("The working copy keeps everything: every funder’s terms, today’s "
                          "gap and the warnings. It is for the coordinator, not for a "
                          "funder."));
}

static void
cag_proforma_dialog_class_init (CagProformaDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-proforma-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CagProformaDialog, funder_label);
  gtk_widget_class_bind_template_child (widget_class, CagProformaDialog, funder_combo);
  gtk_widget_class_bind_template_child (widget_class, CagProformaDialog, explain_label);
  gtk_widget_class_bind_template_callback (widget_class, funder_changed_cb);
}

static void
cag_proforma_dialog_init (CagProformaDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cag_gui_set_accessible_name (GTK_WIDGET (self->funder_combo), _("For which funder?"));
}

GtkWidget *
cag_proforma_dialog_new (GtkWindow              *parent,
                         const CagProformaInput *in)
{
  CagProformaDialog *self = g_object_new (CAG_TYPE_PROFORMA_DIALOG,
                                          "transient-for", parent,
                                          "use-header-bar", FALSE, NULL);

  for (guint i = 0; in != NULL && i < in->offers->len; i++)
    {
      const CagBudgetOffer *offer = g_ptr_array_index (in->offers, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, offer->funder_id);

      gtk_combo_box_text_append (self->funder_combo, id, offer->funder_name);
    }
  gtk_combo_box_text_append (self->funder_combo, "0",
                             _("Working copy (every funder, warnings included)"));
  gtk_combo_box_set_active (GTK_COMBO_BOX (self->funder_combo), 0);
  funder_changed_cb (self);
  return GTK_WIDGET (self);
}

gint64
cag_proforma_dialog_get_funder_id (CagProformaDialog *self)
{
  const char *id;

  g_return_val_if_fail (CAG_IS_PROFORMA_DIALOG (self), 0);
  id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->funder_combo));
  return id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
}

void
cag_proforma_dialog_set_funder_id (CagProformaDialog *self,
                                   gint64             funder_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, funder_id);

  g_return_if_fail (CAG_IS_PROFORMA_DIALOG (self));
  gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->funder_combo), id);
}
