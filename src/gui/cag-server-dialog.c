/* cag-server-dialog.c — "Connect to a Server…" (docs/GUI.md, docs/SERVER.md
 * "Connecting from the window").  The password goes to the server and, when
 * asked, to the desktop keyring (libsecret); never into a file or a title. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#if HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "cag-gui-util.h"
#include "cag-location.h"
#include "cag-server-dialog.h"

struct _CagServerDialog
{
  GtkDialog      parent_instance;

  GtkEntry      *host_entry;
  GtkSpinButton *port_spin;
  GtkEntry      *database_entry;
  GtkEntry      *user_entry;
  GtkEntry      *password_entry;
  GtkWidget     *remember_check;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (CagServerDialog, cag_server_dialog, GTK_TYPE_DIALOG)

#define DEFAULT_PORT 5432

#if HAVE_LIBSECRET
static const SecretSchema *
keyring_schema (void)
{
  static const SecretSchema schema = {
    .name = "io.github.gesq.Cagnotte.Server",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = { { "location", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  };

  return &schema;
}
#endif

/* The password kept for LOCATION, or NULL (none, or no keyring). */
static char *
keyring_lookup (const char *location)
{
#if HAVE_LIBSECRET
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_sync (keyring_schema (), NULL, &error,
                                                "location", location, NULL);

  if (error != NULL)
    g_debug ("keyring: %s", error->message);
  if (password != NULL)
    {
      char *copy = g_strdup (password);

      secret_password_free (password);
      return copy;
    }
#endif
  return NULL;
}

static void
keyring_store (const char *location,
               const char *password)
{
#if HAVE_LIBSECRET
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup_printf (_("Cagnotte: %s"), location);

  if (!secret_password_store_sync (keyring_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                   NULL, &error, "location", location, NULL))
    g_debug ("keyring: %s", error->message);
#endif
}

static void
field_changed_cb (CagServerDialog *self)
{
  cag_gui_set_field_error (self->error_label, NULL);
}

static void
cag_server_dialog_class_init (CagServerDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-server-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CagServerDialog, host_entry);
  gtk_widget_class_bind_template_child (widget_class, CagServerDialog, port_spin);
  gtk_widget_class_bind_template_child (widget_class, CagServerDialog, database_entry);
  gtk_widget_class_bind_template_child (widget_class, CagServerDialog, user_entry);
  gtk_widget_class_bind_template_child (widget_class, CagServerDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, CagServerDialog, remember_check);
  gtk_widget_class_bind_template_child (widget_class, CagServerDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
cag_server_dialog_init (CagServerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cag_gui_name_from_labels (GTK_WIDGET (self));
  gtk_entry_set_text (self->user_entry, g_get_user_name ());
  gtk_widget_set_visible (self->remember_check, HAVE_LIBSECRET);
}

GtkWidget *
cag_server_dialog_new (GtkWindow *parent)
{
  CagServerDialog *self;
  GtkWidget *connect;

  self = g_object_new (CAG_TYPE_SERVER_DIALOG, "use-header-bar", TRUE,
                       "transient-for", parent, "title", _("Connect to a Server"), NULL);
  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  connect = gtk_dialog_add_button (GTK_DIALOG (self), _("C_onnect"), GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (connect), "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);
  return GTK_WIDGET (self);
}

char *
cag_server_dialog_get_location (CagServerDialog *self,
                                GError         **error)
{
  guint port;

  g_return_val_if_fail (CAG_IS_SERVER_DIALOG (self), NULL);

  port = (guint) gtk_spin_button_get_value_as_int (self->port_spin);
  return cag_location_server_uri (gtk_entry_get_text (self->host_entry),
                                  port == DEFAULT_PORT ? 0 : port,
                                  gtk_entry_get_text (self->database_entry),
                                  gtk_entry_get_text (self->user_entry), error);
}

CagStore *
cag_server_dialog_connect (CagServerDialog *self,
                           char           **out_location,
                           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *location = NULL;
  g_autofree char *password = NULL;
  g_autofree char *with_password = NULL;
  CagStore *store = NULL;

  g_return_val_if_fail (CAG_IS_SERVER_DIALOG (self), NULL);

  location = cag_server_dialog_get_location (self, &local_error);
  if (location != NULL && cag_location_check_supported (location, &local_error))
    {
      password = g_strdup (gtk_entry_get_text (self->password_entry));
      if (*password == '\0')
        {
          g_free (password);
          password = keyring_lookup (location);
        }
      with_password = cag_location_with_password (location, password);
      store = cag_store_open (with_password, &local_error);
    }
  if (store == NULL && with_password != NULL && password != NULL && *password != '\0'
      && strstr (local_error->message, with_password) != NULL)
    {
      /* A message naming the location must not show the password. */
      g_auto(GStrv) parts = g_strsplit (local_error->message, with_password, -1);

      g_free (local_error->message);
      local_error->message = g_strjoinv (location, parts);
    }
  if (store == NULL)
    {
      cag_gui_set_field_error (self->error_label, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (password != NULL && *password != '\0'
      && gtk_widget_get_visible (self->remember_check)
      && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->remember_check)))
    keyring_store (location, password);
  if (out_location != NULL)
    *out_location = g_steal_pointer (&location);
  return store;
}

GtkEntry *
cag_server_dialog_get_entry (CagServerDialog *self,
                             const char      *field)
{
  struct { const char *name; GtkEntry *entry; } fields[] = {
    { "host", self->host_entry }, { "database", self->database_entry },
    { "user", self->user_entry }, { "password", self->password_entry },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (fields[i].name, field) == 0)
      return fields[i].entry;
  g_return_val_if_reached (NULL);
}

GtkSpinButton *
cag_server_dialog_get_port (CagServerDialog *self)
{
  return self->port_spin;
}

GtkLabel *
cag_server_dialog_get_error_label (CagServerDialog *self)
{
  return self->error_label;
}
