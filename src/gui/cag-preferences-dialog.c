/* cag-preferences-dialog.c — default campaign and payment method, kept in
 * GSettings apart from the window's state.  Changes apply at once. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-gui-util.h"
#include "cag-preferences-dialog.h"

struct _CagPreferencesDialog
{
  GtkDialog        parent_instance;

  GSettings       *settings;
  gboolean         loading;

  GtkComboBoxText *campaign_combo;
  GtkComboBoxText *method_combo;
  GtkLabel        *note_label;
};

G_DEFINE_FINAL_TYPE (CagPreferencesDialog, cag_preferences_dialog, GTK_TYPE_DIALOG)

static void
campaign_changed_cb (CagPreferencesDialog *self)
{
  const char *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->campaign_combo));

  if (self->loading || self->settings == NULL || id == NULL)
    return;
  g_settings_set_int64 (self->settings, "default-campaign", g_ascii_strtoll (id, NULL, 10));
}

static void
method_changed_cb (CagPreferencesDialog *self)
{
  const char *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->method_combo));

  if (self->loading || self->settings == NULL || id == NULL)
    return;
  g_settings_set_string (self->settings, "default-method", id);
}

static void
cag_preferences_dialog_dispose (GObject *object)
{
  CagPreferencesDialog *self = CAG_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cag_preferences_dialog_parent_class)->dispose (object);
}

static void
cag_preferences_dialog_class_init (CagPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cag_preferences_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CagPreferencesDialog, campaign_combo);
  gtk_widget_class_bind_template_child (widget_class, CagPreferencesDialog, method_combo);
  gtk_widget_class_bind_template_child (widget_class, CagPreferencesDialog, note_label);
  gtk_widget_class_bind_template_callback (widget_class, campaign_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, method_changed_cb);
}

static void
cag_preferences_dialog_init (CagPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cag_gui_name_from_labels (GTK_WIDGET (self));
}

GtkWidget *
cag_preferences_dialog_new (GtkWindow *parent,
                            GSettings *settings,
                            CagStore  *store)
{
  CagPreferencesDialog *self;
  g_autoptr(GPtrArray) campaigns = NULL;
  CagMethod m;
  guint i;

  self = g_object_new (CAG_TYPE_PREFERENCES_DIALOG, "use-header-bar", TRUE,
                       "transient-for", parent, NULL);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->loading = TRUE;

  gtk_combo_box_text_append (self->campaign_combo, "0", _("The most recent campaign"));
  if (store != NULL)
    campaigns = cag_store_campaign_list (store, NULL);
  for (i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      CagCampaign *c = g_ptr_array_index (campaigns, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
      gtk_combo_box_text_append (self->campaign_combo, id, c->name);
    }
  for (m = CAG_METHOD_CHEQUE; m <= CAG_METHOD_OTHER; m++)
    gtk_combo_box_text_append (self->method_combo, cag_method_to_string (m), cag_method_label (m));

  if (settings != NULL)
    {
      g_autofree char *campaign = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   g_settings_get_int64 (settings, "default-campaign"));
      g_autofree char *method = g_settings_get_string (settings, "default-method");

      if (!gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->campaign_combo), campaign))
        gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->campaign_combo), "0");
      gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->method_combo), method);
      gtk_label_set_text (self->note_label,
                          _("The default campaign is the one the window shows when it opens; "
                            "the default method is proposed when recording a contribution."));
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->campaign_combo), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->method_combo), FALSE);
      gtk_label_set_text (self->note_label,
                          _("Preferences cannot be kept: Cagnotte’s settings schema is not installed."));
    }
  self->loading = FALSE;
  return GTK_WIDGET (self);
}
