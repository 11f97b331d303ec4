/* cag-network-dialog.c — the network's identity, edited as a whole and
 * saved in one write (cag_store_network_set). */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-gui-util.h"
#include "cag-network.h"
#include "cag-network-dialog.h"

struct _CagNetworkDialog
{
  GtkDialog    parent_instance;

  CagStore    *store;

  GtkEntry    *name_entry;
  GtkTextView *address_view;
  GtkEntry    *contact_entry;
  GtkEntry    *email_entry;
  GtkEntry    *phone_entry;
  GtkEntry    *charity_number_entry;
  GtkEntry    *website_entry;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (CagNetworkDialog, cag_network_dialog, GTK_TYPE_DIALOG)

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_entry_set_text (entry, text != NULL ? text : "");
}

static char *
address_text (CagNetworkDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->address_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
load (CagNetworkDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagNetwork) network = cag_store_network_get (self->store, &error);

  if (network == NULL)
    {
      cag_gui_set_field_error (self->error_label, error->message);
      gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT, FALSE);
      return;
    }
  set_entry (self->name_entry, network->name);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->address_view),
                            network->address != NULL ? network->address : "", -1);
  set_entry (self->contact_entry, network->contact);
  set_entry (self->email_entry, network->email);
  set_entry (self->phone_entry, network->phone);
  set_entry (self->charity_number_entry, network->charity_number);
  set_entry (self->website_entry, network->website);
}

static void
field_changed_cb (CagNetworkDialog *self)
{
  cag_gui_set_field_error (self->error_label, NULL);
}

static void
response_cb (CagNetworkDialog *self,
             gint              response)
{
  if (response == GTK_RESPONSE_ACCEPT && !cag_network_dialog_save (self, NULL))
    g_signal_stop_emission_by_name (self, "response");
}

static void
cag_network_dialog_class_init (CagNetworkDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-network-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CagNetworkDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CagNetworkDialog, address_view);
  gtk_widget_class_bind_template_child (widget_class, CagNetworkDialog, contact_entry);
  gtk_widget_class_bind_template_child (widget_class, CagNetworkDialog, email_entry);
  gtk_widget_class_bind_template_child (widget_class, CagNetworkDialog, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, CagNetworkDialog, charity_number_entry);
  gtk_widget_class_bind_template_child (widget_class, CagNetworkDialog, website_entry);
  gtk_widget_class_bind_template_child (widget_class, CagNetworkDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
cag_network_dialog_init (CagNetworkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cag_gui_name_from_labels (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->address_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

GtkWidget *
cag_network_dialog_new (GtkWindow *parent,
                        CagStore  *store)
{
  CagNetworkDialog *self;
  GtkWidget *save;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CAG_TYPE_NETWORK_DIALOG, "use-header-bar", TRUE,
                       "transient-for", parent, "title", _("Network Profile"), NULL);
  self->store = store;
  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  save = gtk_dialog_add_button (GTK_DIALOG (self), _("_Save"), GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (save), "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);
  load (self);
  return GTK_WIDGET (self);
}

gboolean
cag_network_dialog_save (CagNetworkDialog *self,
                         GError          **error)
{
  g_autoptr(CagNetwork) network = cag_network_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CAG_IS_NETWORK_DIALOG (self), FALSE);

  network->name = g_strdup (gtk_entry_get_text (self->name_entry));
  network->address = address_text (self);
  network->contact = g_strdup (gtk_entry_get_text (self->contact_entry));
  network->email = g_strdup (gtk_entry_get_text (self->email_entry));
  network->phone = g_strdup (gtk_entry_get_text (self->phone_entry));
  network->charity_number = g_strdup (gtk_entry_get_text (self->charity_number_entry));
  network->website = g_strdup (gtk_entry_get_text (self->website_entry));
  if (cag_store_network_set (self->store, network, &local_error))
    return TRUE;
  cag_gui_set_field_error (self->error_label, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GtkEntry *
cag_network_dialog_get_entry (CagNetworkDialog *self,
                              const char       *field)
{
  struct { const char *name; GtkEntry *entry; } fields[] = {
    { "name", self->name_entry }, { "contact", self->contact_entry },
    { "email", self->email_entry }, { "phone", self->phone_entry },
    { "charity_number", self->charity_number_entry }, { "website", self->website_entry },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (fields[i].name, field) == 0)
      return fields[i].entry;
  g_return_val_if_reached (NULL);
}

GtkTextView *
cag_network_dialog_get_address (CagNetworkDialog *self)
{
  return self->address_view;
}
