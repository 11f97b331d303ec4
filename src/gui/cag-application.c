/* cag-application.c — the Cagnotte GtkApplication: one window per database
 * file, the application menu's actions, settings and the recent files. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cag-application.h"
#include "cag-gui-util.h"
#include "cag-preferences-dialog.h"
#include "cag-store.h"
#include "cag-window.h"

#define MAX_RECENT 6

struct _CagApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  GMenu          *recent_menu;
};

G_DEFINE_FINAL_TYPE (CagApplication, cag_application, GTK_TYPE_APPLICATION)

/* ---- helpers ------------------------------------------------------------ */

GSettings *
cag_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new (APP_ID);
}

static CagWindow *
get_or_create_window (CagApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && CAG_IS_WINDOW (window))
    return CAG_WINDOW (window);
  return cag_window_new (self);
}

static void
rebuild_recent_menu (CagApplication *self)
{
  g_auto(GStrv) files = NULL;
  guint i;

  g_menu_remove_all (self->recent_menu);
  if (self->settings == NULL)
    return;
  files = g_settings_get_strv (self->settings, "recent-files");
  for (i = 0; files[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (files[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (base, NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", files[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

void
cag_application_add_recent (CagApplication *self,
                            const char     *path)
{
  g_auto(GStrv) files = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) result = NULL;
  g_autofree char *uri = NULL;
  guint i, kept = 1;

  g_return_if_fail (CAG_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);

  if (self->settings == NULL)
    return;
  files = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (i = 0; files[i] != NULL && kept < MAX_RECENT; i++)
    if (g_strcmp0 (files[i], path) != 0)
      {
        g_strv_builder_add (builder, files[i]);
        kept++;
      }
  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) result);
  rebuild_recent_menu (self);
}

GSettings *
cag_application_get_settings (CagApplication *self)
{
  g_return_val_if_fail (CAG_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* ---- file choosers ------------------------------------------------------ */

static void
add_database_filters (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, C_("gui", "Cagnotte databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.cagnotte");
  gtk_file_chooser_add_filter (chooser, filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, C_("gui", "All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  CagApplication *self = user_data;
  CagWindow *window = get_or_create_window (self);
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  chooser = gtk_file_chooser_native_new (C_("gui", "New Database"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_do_overwrite_confirmation (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), C_("gui", "network.db"));
  add_database_filters (GTK_FILE_CHOOSER (chooser));
  if (gtk_native_dialog_run (GTK_NATIVE_DIALOG (chooser)) != GTK_RESPONSE_ACCEPT)
    return;

  path = gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));
  if (path == NULL)
    return;
  /* The chooser already asked whether to replace an existing file. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_unlink (path) != 0)
    {
      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("The file could not be replaced: %s. Choose another name or folder."),
                   g_strerror (errno));
      cag_gui_show_error (GTK_WINDOW (window), _("Could not create the database"), error);
      return;
    }
  cag_window_open_path (window, path, TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CagApplication *self = user_data;
  CagWindow *window = get_or_create_window (self);
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autofree char *path = NULL;

  chooser = gtk_file_chooser_native_new (C_("gui", "Open Database"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  add_database_filters (GTK_FILE_CHOOSER (chooser));
  if (gtk_native_dialog_run (GTK_NATIVE_DIALOG (chooser)) != GTK_RESPONSE_ACCEPT)
    return;
  path = gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));
  if (path != NULL)
    cag_window_open_path (window, path, FALSE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CagApplication *self = user_data;
  CagWindow *window = get_or_create_window (self);

  cag_window_open_path (window, g_variant_get_string (parameter, NULL), FALSE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CagApplication *self = user_data;
  CagWindow *window = get_or_create_window (self);
  GtkWidget *dialog;

  dialog = cag_preferences_dialog_new (GTK_WINDOW (window), self->settings,
                                       cag_window_get_store (window));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CagApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *authors[] = { "Groupe d’économie solidaire du Québec", NULL };

  gtk_show_about_dialog (window,
                         "program-name", "Cagnotte",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Delegation funds, budgets and statements for a network of organizations."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CagApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window saves its size before the application ends. */
  while (windows != NULL)
    {
      GtkWidget *window = windows->data;

      windows = windows->next;
      gtk_widget_destroy (window);
    }
}

static const GActionEntry app_entries[] = {
  { "new", new_activated, NULL, NULL, NULL },
  { "open", open_activated, NULL, NULL, NULL },
  { "open-recent", open_recent_activated, "s", NULL, NULL },
  { "preferences", preferences_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
  { "quit", quit_activated, NULL, NULL, NULL },
};

/* ---- GApplication overrides -------------------------------------------- */

static void
cag_application_startup (GApplication *application)
{
  CagApplication *self = CAG_APPLICATION (application);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new", { "<Primary>n", NULL } },
    { "app.open", { "<Primary>o", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "app.quit", { "<Primary>q", NULL } },
    { "win.record", { "<Primary>r", NULL } },
    { "win.batch", { "<Primary>b", NULL } },
    { "win.undo", { "<Primary>z", NULL } },
    { "win.search", { "<Primary>f", NULL } },
    { "win.show-overview", { "<Alt>1", NULL } },
    { "win.show-organizations", { "<Alt>2", NULL } },
    { "win.show-budgets", { "<Alt>3", NULL } },
    { "win.back", { "<Alt>Left", NULL } },
    { "win.close", { "<Primary>w", NULL } },
    { "win.show-menu", { "F10", NULL } },
    { "win.show-help-overlay", { "<Primary>question", "<Primary>F1", NULL } },
  };
  guint i;

  G_APPLICATION_CLASS (cag_application_parent_class)->startup (application);

  g_set_application_name ("Cagnotte");
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = cag_settings_new_if_installed ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  for (i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  self->recent_menu = g_menu_new ();
  rebuild_recent_menu (self);
}

static void
cag_application_activate (GApplication *application)
{
  CagApplication *self = CAG_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  CagWindow *window;
  g_autofree char *path = NULL;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = cag_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  path = g_strdup (g_getenv ("CAGNOTTE_DB"));
  if (path == NULL || *path == '\0')
    {
      g_free (path);
      path = cag_store_default_path ();
    }
  cag_window_open_path (window, path, TRUE);
}

static void
cag_application_open (GApplication  *application,
                      GFile        **files,
                      gint           n_files,
                      const char    *hint)
{
  CagApplication *self = CAG_APPLICATION (application);
  gint i;

  for (i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      CagWindow *window = cag_window_new (self);

      gtk_window_present (GTK_WINDOW (window));
      /* As cagnotte-cli does, a mistyped name is refused with the store's
       * message rather than created empty; File > New creates files. */
      if (path != NULL)
        cag_window_open_path (window, path, FALSE);
    }
}

static void
cag_application_dispose (GObject *object)
{
  CagApplication *self = CAG_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  G_OBJECT_CLASS (cag_application_parent_class)->dispose (object);
}

static void
cag_application_class_init (CagApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cag_application_dispose;
  app_class->startup = cag_application_startup;
  app_class->activate = cag_application_activate;
  app_class->open = cag_application_open;
}

static void
cag_application_init (CagApplication *self)
{
}

GMenuModel *
cag_application_get_recent_menu (CagApplication *self)
{
  return G_MENU_MODEL (self->recent_menu);
}

CagApplication *
cag_application_new (void)
{
  return g_object_new (CAG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/gesq/Cagnotte",
                       NULL);
}
