/* cag-window-actions.c — the main window's dialogs and its win.* actions,
 * grouped by what they act on. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-batch-dialog.h"
#include "cag-campaign-dialog.h"
#include "cag-demo.h"
#include "cag-discard-guard.h"
#include "cag-error.h"
#include "cag-export-progress.h"
#include "cag-gui-export.h"
#include "cag-gui-util.h"
#include "cag-network-dialog.h"
#include "cag-record-dialog.h"
#include "cag-server-dialog.h"
#include "cag-window-data.h"
#include "cag-window-private.h"

/* ---- dialogs ------------------------------------------------------------ */

static void
record_response_cb (GtkDialog *dialog,
                    gint       response,
                    gpointer   user_data)
{
  CagWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      CagRecordDialog *record = CAG_RECORD_DIALOG (dialog);
      gint64 id = cag_record_dialog_get_saved_id (record);
      g_autofree char *message = cag_record_dialog_describe_saved (record);

      cag_window_reload (self);
      cag_window_notify (self, message, id);
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

GtkWidget *
cag_window_record (CagWindow *self,
                   gint64     org_id)
{
  GtkWidget *dialog;

  g_return_val_if_fail (CAG_IS_WINDOW (self), NULL);
  if (self->store == NULL || self->campaign_id == 0)
    return NULL;

  dialog = cag_record_dialog_new (GTK_WINDOW (self), self->store, self->campaign_id, org_id);
  /* The fund's figures as of the window's date. */
  cag_record_dialog_set_as_of (CAG_RECORD_DIALOG (dialog), &self->as_of);
  /* Only the organizations the account may write for (docs/SERVER.md). */
  if (self->rights != NULL)
    cag_record_dialog_set_rights (CAG_RECORD_DIALOG (dialog), self->rights);
  if (self->settings != NULL)
    {
      g_autofree char *method = g_settings_get_string (self->settings, "default-method");
      cag_record_dialog_set_method (CAG_RECORD_DIALOG (dialog), method);
    }
  /* The preferred method is not something typed: Escape closes at once. */
  cag_discard_guard_attach (GTK_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (record_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
batch_response_cb (GtkDialog *dialog,
                   gint       response,
                   gpointer   user_data)
{
  CagWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GArray *ids = cag_batch_dialog_get_saved_ids (CAG_BATCH_DIALOG (dialog));
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contribution recorded.",
                                              "%u contributions recorded.", ids->len),
                                 ids->len);
      cag_window_reload (self);
      cag_window_notify_ids (self, message, ids);
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

GtkWidget *
cag_window_batch (CagWindow *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (CAG_IS_WINDOW (self), NULL);
  if (self->store == NULL || self->campaign_id == 0)
    return NULL;
  dialog = cag_batch_dialog_new (GTK_WINDOW (self), self->store, self->campaign_id);
  g_signal_connect (dialog, "response", G_CALLBACK (batch_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
campaign_response_cb (GtkDialog *dialog,
                      gint       response,
                      gpointer   user_data)
{
  CagWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      gint64 id = cag_campaign_dialog_get_campaign_id (CAG_CAMPAIGN_DIALOG (dialog));

      if (id > 0)
        self->campaign_id = id;
      cag_window_reload (self);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "welcome") == 0
          && self->campaign_id > 0)
        cag_window_show_page (self, "overview");
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

static void
open_campaign_dialog (CagWindow *self,
                      gint64     campaign_id)
{
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = cag_campaign_dialog_new (GTK_WINDOW (self), self->store, campaign_id);
  cag_discard_guard_attach (GTK_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (campaign_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- actions ------------------------------------------------------------ */

static void
record_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CagWindow *self = user_data;
  gint64 org_id = 0;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "detail") == 0)
    org_id = cag_org_detail_get_org_id (self->detail);
  cag_window_record (self, org_id);
}

static void
record_for_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  cag_window_record (CAG_WINDOW (user_data), g_variant_get_int64 (parameter));
}

static void
batch_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  cag_window_batch (CAG_WINDOW (user_data));
}

static void
network_response_cb (GtkDialog *dialog,
                     gint       response,
                     gpointer   user_data)
{
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

/* The network's identity (cag-network-dialog.c). */
static void
network_profile_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  CagWindow *self = user_data;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = cag_network_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect (dialog, "response", G_CALLBACK (network_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Connect to a Server… (cag-server-dialog.c): on success the window shows
 * the server's network; on failure the dialog stays open with the reason. */
static void
server_response_cb (GtkDialog *dialog,
                    gint       response,
                    gpointer   user_data)
{
  CagWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      CagStore *store = cag_server_dialog_connect (CAG_SERVER_DIALOG (dialog), NULL, NULL);

      if (store == NULL)
        return;
      cag_window_set_store (self, store);
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

GtkWidget *
cag_window_connect_server (CagWindow *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (CAG_IS_WINDOW (self), NULL);
  dialog = cag_server_dialog_new (GTK_WINDOW (self));
  g_signal_connect (dialog, "response", G_CALLBACK (server_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
connect_server_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  cag_window_connect_server (CAG_WINDOW (user_data));
}

static void
new_campaign_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  open_campaign_dialog (CAG_WINDOW (user_data), 0);
}

static void
campaign_settings_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CagWindow *self = user_data;

  open_campaign_dialog (self, self->campaign_id);
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CagWindow *self = user_data;
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "organizations") == 0)
    cag_org_list_focus_search (self->org_list);
  else if (self->campaign_id > 0)
    {
      cag_window_show_page (self, "overview");
      cag_overview_focus_search (self->overview);
    }
}

static void
show_overview_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  cag_window_show_page (CAG_WINDOW (user_data), "overview");
}

static void
show_organizations_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  cag_window_show_page (CAG_WINDOW (user_data), "organizations");
}

static void
show_budgets_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  cag_window_show_page (CAG_WINDOW (user_data), "budgets");
}

static void
back_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CagWindow *self = user_data;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "detail") == 0)
    cag_window_show_page (self, self->campaign_id > 0 ? "overview" : "organizations");
}

gboolean
cag_window_open_example (CagWindow *self,
                         GError   **error)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "cagnotte", "example.db", NULL);
  CagStore *store;

  g_return_val_if_fail (CAG_IS_WINDOW (self), FALSE);

  /* Written once, by the same code as "cagnotte-cli demo", then simply
   * opened again. */
  store = cag_store_open (path, error);
  if (store == NULL)
    return FALSE;
  if (cag_store_is_empty (store) && !cag_demo_fill (store, NULL, NULL, error))
    {
      cag_store_close (store);
      return FALSE;
    }
  cag_window_set_store (self, store);
  {
    GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
    if (app != NULL && CAG_IS_APPLICATION (app))
      cag_application_add_recent (CAG_APPLICATION (app), path);
  }
  /* The example is the seed's 2003–2005 campaign: seen from today every fund
   * would be finished or behind.  Mid-campaign, it is a living mix. */
  {
    const CagDate mid = { 2004, 9, 15 };
    g_autofree char *shown = cag_gui_date (&mid);
    g_autofree char *message = NULL;

    cag_window_set_as_of (self, &mid);
    /* TRANSLATORS: shown after the example data is opened. */
    message = g_strdup_printf (_("Example data: a 2003–2005 campaign, shown as of %s. "
                                 "Use “As of” to change the date."), shown);
    cag_window_notify (self, message, 0);
  }
  return TRUE;
}

static void
open_example_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  CagWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cag_window_open_example (self, &error) && error != NULL)
    cag_gui_show_error (GTK_WINDOW (self), _("Cannot open the example data"), error);
}

static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static void
show_menu_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CagWindow *self = user_data;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->menu_button), TRUE);
}

/* Enabled on the detail page of a fund; disabled otherwise, as the detail
 * page's button is. */
static void
export_statement_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  CagWindow *self = user_data;

  cag_org_detail_export (self->detail);
}

static void
export_summary_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CagWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->store == NULL || self->campaign_id <= 0)
    return;
  path = cag_export_summary_ask (GTK_WINDOW (self), self->store, self->campaign_id, &error);
  if (error != NULL)
    cag_gui_show_error (GTK_WINDOW (self), _("Could not export the summary"), error);
  else if (path != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Summary saved as %s."), path);
      cag_window_exported (self, message, path);
    }
}

/* The budget shown on the Budgets page, or 0 (then says why). */
static gint64
shown_budget (CagWindow *self)
{
  gint64 budget_id = cag_budget_view_get_budget_id (self->budget_view);

  if (budget_id <= 0)
    {
      g_autoptr(GError) error = g_error_new_literal (CAG_ERROR, CAG_ERROR_NOT_FOUND,
                                                     _("Create a budget on the Budgets page first."));

      cag_gui_show_error (GTK_WINDOW (self), _("There is no budget to export"), error);
    }
  return budget_id;
}

static void
export_proforma_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  CagWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gint64 budget_id;
  gint64 funder_id = 0;

  if (self->store == NULL || (budget_id = shown_budget (self)) <= 0)
    return;
  if (!cag_export_ask_funder (GTK_WINDOW (self),
                              cag_budget_view_get_input (self->budget_view), &funder_id))
    return;
  name = cag_export_proforma_name (self->store, budget_id, funder_id);
  path = cag_export_ask_path (GTK_WINDOW (self), _("Export Pro-forma"), name, CAG_EXPORT_PDF);
  if (path == NULL)
    return;
  if (!cag_export_proforma_to (self->store, budget_id, funder_id, path, &error))
    cag_gui_show_error (GTK_WINDOW (self), _("Could not export the pro-forma"), error);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Pro-forma saved as %s."), path);
      cag_window_exported (self, message, path);
    }
}

/* The end of a batch (cag-export-progress.c): what was written, and the
 * error that stopped it with the files written before it. */
static void
batch_done (CagWindow    *self,
            GPtrArray    *paths,
            const GError *error,
            const char   *dir,
            gboolean      reminders)
{
  g_autofree char *message = NULL;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autoptr(GString) text = g_string_new (error->message);
      g_autoptr(GError) shown = NULL;

      if (paths->len > 0)
        {
          g_string_append (text, "\n\n");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "%u file was written before the error, "
                                                     "in %s:",
                                                     "%u files were written before the error, "
                                                     "in %s:", paths->len),
                                  paths->len, dir);
          for (guint i = 0; i < paths->len; i++)
            {
              g_autofree char *base = g_path_get_basename (paths->pdata[i]);

              g_string_append_printf (text, "\n• %s", base);
            }
        }
      shown = g_error_new_literal (error->domain, error->code, text->str);
      cag_gui_show_error (GTK_WINDOW (self), reminders ? _("Could not export the reminder letters")
                                                       : _("Could not export the statements"),
                          shown);
      if (paths->len == 0)
        return;
    }
  if (reminders && paths->len == 0 && error == NULL)
    message = g_strdup (_("No fund is behind its plan: no letter written."));
  else if (reminders)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reminder letter written to %s.",
                                            "%u reminder letters written to %s.", paths->len),
                               paths->len, dir);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement written to %s.",
                                            "%u statements written to %s.", paths->len),
                               paths->len, dir);
  cag_window_notify_open (self, message, dir);
}

typedef struct
{
  CagWindow *window;
  char      *dir;
  gboolean   reminders;
} BatchRequest;

static void
batch_done_cb (GPtrArray    *paths,
               const GError *error,
               gpointer      user_data)
{
  BatchRequest *request = user_data;

  /* The window may have been closed while the worker ran. */
  if (gtk_widget_get_realized (GTK_WIDGET (request->window)))
    batch_done (request->window, paths, error, request->dir, request->reminders);
  g_object_unref (request->window);
  g_free (request->dir);
  g_free (request);
}

static void
export_batch (CagWindow *self,
              gboolean   reminders)
{
  BatchRequest *request;
  g_autofree char *dir = NULL;

  if (self->store == NULL || self->campaign_id <= 0)
    return;
  dir = cag_export_ask_folder (GTK_WINDOW (self), reminders
                               ? _("Export Reminder Letters to a Folder")
                               : _("Export All Statements to a Folder"));
  if (dir == NULL)
    return;
  request = g_new0 (BatchRequest, 1);
  request->window = g_object_ref (self);
  request->dir = g_steal_pointer (&dir);
  request->reminders = reminders;
  cag_export_progress_run (GTK_WINDOW (self), self->store,
                           reminders ? CAG_EXPORT_BATCH_REMINDERS : CAG_EXPORT_BATCH_STATEMENTS,
                           self->campaign_id, cag_window_get_as_of (self), request->dir,
                           batch_done_cb, request);
}

static void
export_statements_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  export_batch (CAG_WINDOW (user_data), FALSE);
}

static void
export_reminders_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  export_batch (CAG_WINDOW (user_data), TRUE);
}

/* A CSV export: asks where, writes, notifies. */
static void
export_csv (CagWindow          *self,
            const char         *title,
            char               *name,      /* freed */
            gint64              id,
            CagExportWriteFunc  write)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owned_name = name;
  g_autofree char *path = NULL;

  path = cag_export_ask_and_write (GTK_WINDOW (self), title, owned_name, CAG_EXPORT_CSV,
                                   self->store, id, write, &error);
  if (error != NULL)
    cag_gui_show_error (GTK_WINDOW (self), _("Could not export the CSV file"), error);
  else if (path != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("CSV file saved as %s."), path);
      cag_window_notify (self, message, 0);
    }
}

static void
export_contributions_csv_activated (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  CagWindow *self = user_data;

  if (self->store == NULL || self->campaign_id <= 0)
    return;
  export_csv (self, _("Export Contributions as CSV"),
              cag_export_contributions_csv_name (self->store, self->campaign_id),
              self->campaign_id, cag_export_contributions_csv_to);
}

static void
export_status_csv_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CagWindow *self = user_data;

  if (self->store == NULL || self->campaign_id <= 0)
    return;
  export_csv (self, _("Export Fund Status as CSV"),
              cag_export_status_csv_name (self->store, self->campaign_id, &self->as_of),
              self->campaign_id, cag_export_status_csv_to);
}

static void
export_proforma_csv_activated (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  CagWindow *self = user_data;
  gint64 budget_id;

  if (self->store == NULL || (budget_id = shown_budget (self)) <= 0)
    return;
  export_csv (self, _("Export Pro-forma as CSV"),
              cag_export_proforma_csv_name (self->store, budget_id),
              budget_id, cag_export_proforma_csv_to);
}

/* Ctrl+Z: what the notification's Undo does (docs/GUI.md, "Undo"). */
static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CagWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cag_window_undo (self, &error))
    cag_window_notify (self, error->message, 0);
}

static const GActionEntry win_entries[] = {
  { "undo", undo_activated, NULL, NULL, NULL },
  { "export-proforma", export_proforma_activated, NULL, NULL, NULL },
  { "export-proforma-csv", export_proforma_csv_activated, NULL, NULL, NULL },
  { "export-statements", export_statements_activated, NULL, NULL, NULL },
  { "export-reminders", export_reminders_activated, NULL, NULL, NULL },
  { "export-contributions-csv", export_contributions_csv_activated, NULL, NULL, NULL },
  { "export-status-csv", export_status_csv_activated, NULL, NULL, NULL },
  { "export-summary", export_summary_activated, NULL, NULL, NULL },
  { "export-statement", export_statement_activated, NULL, NULL, NULL },
  { "show-menu", show_menu_activated, NULL, NULL, NULL },
  { "record", record_activated, NULL, NULL, NULL },
  { "record-for", record_for_activated, "x", NULL, NULL },
  { "batch", batch_activated, NULL, NULL, NULL },
  { "new-campaign", new_campaign_activated, NULL, NULL, NULL },
  { "campaign-settings", campaign_settings_activated, NULL, NULL, NULL },
  { "search", search_activated, NULL, NULL, NULL },
  { "show-overview", show_overview_activated, NULL, NULL, NULL },
  { "show-organizations", show_organizations_activated, NULL, NULL, NULL },
  { "show-budgets", show_budgets_activated, NULL, NULL, NULL },
  { "back", back_activated, NULL, NULL, NULL },
  { "close", close_activated, NULL, NULL, NULL },
  { "open-example", open_example_activated, NULL, NULL, NULL },
  { "network-profile", network_profile_activated, NULL, NULL, NULL },
  { "connect-server", connect_server_activated, NULL, NULL, NULL },
};

void
cag_window_add_actions (CagWindow *self)
{
  GAction *export;

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  cag_window_data_add_actions (self);   /* import, backup, restore */
  export = g_action_map_lookup_action (G_ACTION_MAP (self), "export-statement");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (export), FALSE);
}

