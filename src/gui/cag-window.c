/* cag-window.c — the main window: one open database, its views and the
 * actions that act on it. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-batch-dialog.h"
#include "cag-campaign-dialog.h"
#include "cag-demo.h"
#include "cag-error.h"
#include "cag-gui-export.h"
#include "cag-gui-util.h"
#include "cag-location.h"
#include "cag-org-detail.h"
#include "cag-org-list.h"
#include "cag-overview.h"
#include "cag-record-dialog.h"
#include "cag-store-watch.h"
#include "cag-welcome.h"
#include "cag-window.h"
#include "cag-window-private.h"

#define NOTIFICATION_SECONDS 10


G_DEFINE_FINAL_TYPE (CagWindow, cag_window, GTK_TYPE_APPLICATION_WINDOW)

/* ---- helpers ------------------------------------------------------------ */

static void
set_action_enabled (CagWindow  *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_title (CagWindow *self)
{
  const char *path = self->store != NULL ? cag_store_get_path (self->store) : NULL;

  if (path == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), "Cagnotte");
      gtk_header_bar_set_title (self->header_bar, "Cagnotte");
      gtk_header_bar_set_subtitle (self->header_bar, C_("gui", "No database open"));
    }
  else
    {
      /* A file's name and folder, or a server's database and user@server
       * (never a password: docs/SERVER.md). */
      g_autofree char *base = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *title = NULL;

      cag_location_describe (path, &base, &dir);
      title = g_strdup_printf ("%s — Cagnotte", base);
      gtk_window_set_title (GTK_WINDOW (self), title);
      gtk_header_bar_set_title (self->header_bar, title);
      gtk_header_bar_set_subtitle (self->header_bar, dir);
    }
}

static gint64
default_campaign_id (CagWindow *self,
                     GPtrArray *campaigns)
{
  guint i;

  if (self->settings != NULL)
    {
      gint64 wanted = g_settings_get_int64 (self->settings, "default-campaign");

      for (i = 0; i < campaigns->len; i++)
        {
          CagCampaign *c = g_ptr_array_index (campaigns, i);
          if (c->id == wanted)
            return wanted;
        }
    }
  /* The most recent campaign: the list is sorted by start date. */
  if (campaigns->len > 0)
    return ((CagCampaign *) g_ptr_array_index (campaigns, campaigns->len - 1))->id;
  return 0;
}

/* A long campaign name is ellipsized in its drop-down: the tooltip shows
 * it whole (docs/GUI.md, "Small screens"). */
static void
show_campaign_tooltip (CagWindow *self)
{
  g_autofree char *name = gtk_combo_box_text_get_active_text (self->campaign_combo);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->campaign_combo), name);
}

/* Fills the campaign selector; returns the number of campaigns, or -1 when
 * they could not be read: the selector then stays as it was and the error
 * bar says why (docs/GUI.md, "When the database fails"). */
static gint
load_campaigns (CagWindow *self)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  gboolean current_found = FALSE;
  guint i;

  if (self->store != NULL)
    campaigns = cag_store_campaign_list (self->store, &error);
  if (error != NULL)
    {
      cag_window_show_read_error (self, error);
      return -1;
    }
  self->loading_campaigns = TRUE;
  gtk_combo_box_text_remove_all (self->campaign_combo);
  if (campaigns == NULL)
    {
      self->campaign_id = 0;
      self->loading_campaigns = FALSE;
      return 0;
    }
  for (i = 0; i < campaigns->len; i++)
    {
      CagCampaign *c = g_ptr_array_index (campaigns, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);

      gtk_combo_box_text_append (self->campaign_combo, id, c->name);
      if (c->id == self->campaign_id)
        current_found = TRUE;
    }
  if (!current_found)
    self->campaign_id = default_campaign_id (self, campaigns);
  if (self->campaign_id > 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->campaign_id);
      gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->campaign_combo), id);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_combo), campaigns->len > 0);
  gtk_widget_set_visible (self->campaign_label, campaigns->len > 0);
  self->loading_campaigns = FALSE;
  show_campaign_tooltip (self);
  return (gint) campaigns->len;
}

/* Asks the store what the account may write (a server's roles; everything
 * on a file) and greys out the rest; docs/SERVER.md. */
static void
update_rights (CagWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->rights, cag_rights_free);
  if (self->store != NULL)
    {
      self->rights = cag_store_get_rights (self->store, &error);
      if (self->rights == NULL)
        g_warning ("rights: %s", error->message);
    }
  cag_org_detail_set_rights (self->detail, self->rights);
  cag_org_list_set_editable (self->org_list,
                             self->rights == NULL || cag_rights_may_edit (self->rights));
}

/* Record Contribution stays in the header bar while a file is open, but is
 * disabled, saying why, until a fund exists (docs/GUI.md, "Empty views"). */
static void
update_record_button (CagWindow *self,
                      gboolean   has_campaign,
                      gboolean   has_fund)
{
  const char *tip;

  if (has_fund)
    tip = _("Record a contribution received from an organization (Ctrl+R)");
  else if (has_campaign)
    tip = _("No fund is open in this campaign yet: open the organizations’ funds first "
            "(Open the Funds… on the overview)");
  else
    tip = _("There is no campaign yet: create one first (Create a Campaign… on the welcome "
            "page)");
  gtk_widget_set_tooltip_text (self->record_button, tip);
  gtk_widget_set_visible (self->record_button, self->store != NULL);
}

static void
update_actions (CagWindow *self)
{
  gboolean has_store = self->store != NULL;
  gboolean has_campaign = has_store && self->campaign_id > 0;
  gboolean has_fund = has_campaign && cag_overview_get_totals (self->overview)->funds > 0;
  /* What the account may write (docs/SERVER.md); everything on a file. */
  gboolean may_record = self->rights == NULL || self->rights->kind >= CAG_RIGHTS_ORGS;
  gboolean may_edit = self->rights == NULL || cag_rights_may_edit (self->rights);

  /* Unreadable figures say nothing of the funds: Record stays as it was
   * rather than claim "no fund is open" (docs/GUI.md). */
  if (has_campaign && self->read_failed)
    has_fund = g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (self), "record"));

  set_action_enabled (self, "record", has_fund && may_record);
  set_action_enabled (self, "record-for", has_fund && may_record);
  set_action_enabled (self, "batch", has_fund && may_record);
  set_action_enabled (self, "import", has_store && may_record);
  set_action_enabled (self, "new-campaign", has_store && may_edit);
  set_action_enabled (self, "campaign-settings", has_campaign && may_edit);
  set_action_enabled (self, "export-summary", has_campaign);
  set_action_enabled (self, "export-statements", has_campaign);
  set_action_enabled (self, "export-contributions-csv", has_campaign);
  set_action_enabled (self, "export-status-csv", has_campaign);
  set_action_enabled (self, "export-proforma", has_store);
  set_action_enabled (self, "export-proforma-csv", has_store);
  set_action_enabled (self, "show-overview", has_campaign);
  set_action_enabled (self, "show-organizations", has_store);
  set_action_enabled (self, "show-budgets", has_store);
  set_action_enabled (self, "search", has_store);
  update_record_button (self, has_campaign, has_fund);
}

static void
update_chrome (CagWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean welcome = g_strcmp0 (page, "welcome") == 0;
  gboolean detail = g_strcmp0 (page, "detail") == 0;

  gtk_widget_set_visible (self->view_bar, !welcome);
  gtk_widget_set_visible (self->view_bar_separator, !welcome);
  gtk_widget_set_visible (self->back_button, detail);
  /* After the actions are updated: a disabled button cannot take the focus. */
  if (welcome)
    cag_welcome_focus_first (self->welcome);
  set_action_enabled (self, "back", detail);
  set_action_enabled (self, "export-statement", detail && cag_org_detail_can_export (self->detail));
}

/* Another program (or a colleague on the server) changed the database: the
 * figures on screen are redrawn from it (docs/GUI.md, "Changes made by
 * others"). */
static void
store_changed_cb (CagStore *store,
                  gpointer  user_data)
{
  CagWindow *self = CAG_WINDOW (user_data);

  if (self->store == store)
    cag_window_reload (self);
}

/* ---- public API --------------------------------------------------------- */

void
cag_window_reload (CagWindow *self)
{
  gint n_campaigns;
  const char *page;

  g_return_if_fail (CAG_IS_WINDOW (self));

  /* Every view says when its read fails (view_load_failed_cb); the bar goes
   * once a reload reads everything shown. */
  self->read_failed = FALSE;
  n_campaigns = load_campaigns (self);
  update_title (self);

  cag_welcome_set_has_store (self->welcome, self->store != NULL);
  cag_overview_load (self->overview, self->store, self->campaign_id);
  /* After the overview: whether any fund exists is read from its totals. */
  update_actions (self);
  /* Budgets: a handful of rows, loaded at once. */
  cag_budget_view_load (self->budget_view, self->store);

  /* The organizations page is filled when it is shown: launch stays quick
   * with thousands of organizations. */
  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "organizations") == 0)
    {
      cag_org_list_load (self->org_list, self->store, self->campaign_id);
      self->org_list_dirty = FALSE;
    }
  else
    self->org_list_dirty = TRUE;

  if (n_campaigns < 0)
    {
      /* Unknown: the page stays, the error bar says why; never the welcome
       * page's "create a campaign" for a file that has some. */
      if (g_strcmp0 (page, "welcome") == 0)
        gtk_stack_set_visible_child_name (self->stack, "overview");
    }
  else if (self->store == NULL || n_campaigns == 0)
    {
      if (g_strcmp0 (page, "organizations") != 0 || self->store == NULL)
        gtk_stack_set_visible_child_name (self->stack, "welcome");
    }
  else if (g_strcmp0 (page, "welcome") == 0)
    gtk_stack_set_visible_child_name (self->stack, "overview");
  else if (n_campaigns > 0 && g_strcmp0 (page, "detail") == 0)
    cag_org_detail_load (self->detail, self->store,
                         cag_org_detail_get_org_id (self->detail), self->campaign_id);
  update_chrome (self);
  if (!self->read_failed)
    gtk_widget_hide (GTK_WIDGET (self->error_bar));
}

void
cag_window_set_store (CagWindow *self,
                      CagStore  *store)
{
  g_return_if_fail (CAG_IS_WINDOW (self));

  if (self->store == store)
    return;
  g_clear_handle_id (&self->store_watch, g_source_remove);
  /* Nothing may keep reading the old file: the organizations list reads rows
   * lazily, even while hidden (assistive technology can ask). */
  cag_org_list_load (self->org_list, NULL, 0);
  cag_org_detail_load (self->detail, NULL, 0, 0);
  cag_budget_view_load (self->budget_view, NULL);
  g_clear_pointer (&self->store, cag_store_close);
  self->store = store;
  update_rights (self);
  self->campaign_id = 0;
  /* Another file: its figures as of today, until asked otherwise. */
  self->as_of = cag_date_today ();
  cag_overview_set_as_of (self->overview, &self->as_of);
  cag_org_detail_set_as_of (self->detail, &self->as_of);
  cag_org_list_set_as_of (self->org_list, &self->as_of);
  g_array_set_size (self->undo_ids, 0);
  gtk_revealer_set_reveal_child (self->notification_revealer, FALSE);
  if (store != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "welcome");
      self->store_watch = cag_store_watch (store, CAG_STORE_WATCH_INTERVAL_MS,
                                           store_changed_cb, self, NULL);
    }
  cag_window_reload (self);
}

gboolean
cag_window_open_path (CagWindow  *self,
                      const char *path,
                      gboolean    create)
{
  g_autoptr(GError) error = NULL;
  CagStore *store;

  g_return_val_if_fail (CAG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!cag_location_check_supported (path, &error))
    store = NULL;
  else if (create || cag_location_is_server (path))
    store = cag_store_open (path, &error);
  else
    store = cag_store_open_existing (path, &error);
  if (store == NULL)
    {
      g_autofree char *base = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *primary = NULL;

      cag_location_describe (path, &base, &dir);
      primary = g_strdup_printf (_("Cannot open “%s”"), base);

      update_title (self);
      cag_window_reload (self);
      cag_gui_show_error (GTK_WINDOW (self), primary, error);
      return FALSE;
    }
  cag_window_set_store (self, store);
  {
    GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
    /* Recent files are files: a server URI may carry a password. */
    if (app != NULL && CAG_IS_APPLICATION (app) && !cag_location_is_server (path))
      cag_application_add_recent (CAG_APPLICATION (app), cag_store_get_path (store));
  }
  return TRUE;
}

CagStore *
cag_window_get_store (CagWindow *self)
{
  g_return_val_if_fail (CAG_IS_WINDOW (self), NULL);
  return self->store;
}

gint64
cag_window_get_campaign_id (CagWindow *self)
{
  g_return_val_if_fail (CAG_IS_WINDOW (self), 0);
  return self->campaign_id;
}

void
cag_window_set_campaign_id (CagWindow *self,
                            gint64     campaign_id)
{
  g_return_if_fail (CAG_IS_WINDOW (self));
  self->campaign_id = campaign_id;
  cag_window_reload (self);
}

void
cag_window_show_page (CagWindow  *self,
                      const char *name)
{
  g_return_if_fail (CAG_IS_WINDOW (self));
  gtk_stack_set_visible_child_name (self->stack, name);
  update_chrome (self);
}

const char *
cag_window_get_page (CagWindow *self)
{
  g_return_val_if_fail (CAG_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
cag_window_show_organization (CagWindow *self,
                              gint64     org_id)
{
  g_return_if_fail (CAG_IS_WINDOW (self));
  if (self->store == NULL)
    return;
  cag_org_detail_load (self->detail, self->store, org_id, self->campaign_id);
  cag_window_show_page (self, "detail");
}

static gboolean
notification_timeout_cb (gpointer user_data)
{
  CagWindow *self = user_data;

  self->notification_timeout = 0;
  gtk_revealer_set_reveal_child (self->notification_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

void
cag_window_notify_ids (CagWindow  *self,
                       const char *message,
                       GArray     *ids)
{
  g_array_set_size (self->undo_ids, 0);
  self->undo_restores = FALSE;
  if (ids != NULL)
    g_array_append_vals (self->undo_ids, ids->data, ids->len);
  gtk_label_set_text (self->notification_label, message);
  gtk_widget_set_visible (self->undo_button, self->undo_ids->len > 0);
  g_clear_pointer (&self->open_path, g_free);
  gtk_widget_set_visible (self->open_button, FALSE);
  gtk_revealer_set_reveal_child (self->notification_revealer, TRUE);
  g_clear_handle_id (&self->notification_timeout, g_source_remove);
  self->notification_timeout = g_timeout_add_seconds (NOTIFICATION_SECONDS,
                                                      notification_timeout_cb, self);
}

void
cag_window_notify (CagWindow  *self,
                   const char *message,
                   gint64      undo_contribution_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (CAG_IS_WINDOW (self));
  if (undo_contribution_id > 0)
    g_array_append_val (ids, undo_contribution_id);
  cag_window_notify_ids (self, message, ids);
}

void
cag_window_notify_open (CagWindow  *self,
                        const char *message,
                        const char *path)
{
  g_return_if_fail (CAG_IS_WINDOW (self));
  cag_window_notify_ids (self, message, NULL);
  if (path != NULL)
    {
      self->open_path = g_strdup (path);
      gtk_widget_set_visible (self->open_button, TRUE);
    }
}

const char *
cag_window_get_open_path (CagWindow *self)
{
  g_return_val_if_fail (CAG_IS_WINDOW (self), NULL);
  return self->open_path;
}

void
cag_window_exported (CagWindow  *self,
                     const char *message,
                     const char *path)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CAG_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  if (!cag_export_open_path (GTK_WINDOW (self), path, &error))
    {
      /* Not an error: the file is written; say so, and why it is not shown. */
      g_autofree char *text = g_strdup_printf (_("%s It could not be opened: %s"),
                                               message, error->message);
      cag_window_notify (self, text, 0);
    }
  else
    cag_window_notify (self, message, 0);
}

void
cag_window_notify_voided (CagWindow  *self,
                          const char *message,
                          gint64      contribution_id)
{
  g_return_if_fail (CAG_IS_WINDOW (self));
  cag_window_notify (self, message, contribution_id);
  self->undo_restores = contribution_id > 0;
}

/* Undo of a void: money is never edited away, so the voided row stays and
 * the same contribution is recorded again as a new one. */
static gboolean
record_again (CagWindow *self,
              gint64     voided_id,
              GError   **error)
{
  g_autoptr(CagContribution) old = cag_store_contribution_get (self->store, voided_id, error);
  g_autoptr(CagContribution) c = NULL;

  if (old == NULL)
    return FALSE;
  c = cag_contribution_new ();
  c->fund_id = old->fund_id;
  c->date = old->date;
  c->amount_cents = old->amount_cents;
  c->method = old->method;
  c->reference = g_strdup (old->reference);
  c->note = g_strdup (old->note);
  return cag_store_contribution_add (self->store, c, error);
}

gboolean
cag_window_undo (CagWindow *self,
                 GError   **error)
{
  guint n;
  gboolean restores;

  g_return_val_if_fail (CAG_IS_WINDOW (self), FALSE);
  if (self->store == NULL || self->undo_ids->len == 0)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID, _("There is nothing to undo."));
      return FALSE;
    }
  n = self->undo_ids->len;
  restores = self->undo_restores;
  /* A batch is voided in one transaction: all of it, or none.  The reason
   * stays in the ledger, beside the struck-out rows. */
  if (restores ? !record_again (self, g_array_index (self->undo_ids, gint64, 0), error)
               : !cag_store_contribution_void_many (self->store,
                                                    (const gint64 *) self->undo_ids->data, n,
                                                    C_("gui", "undone"), error))
    {
      cag_window_reload (self);
      return FALSE;
    }
  g_array_set_size (self->undo_ids, 0);
  cag_window_reload (self);
  if (restores)
    cag_window_notify_ids (self, _("The voided contribution was recorded again."), NULL);
  else
    cag_window_notify_ids (self,
                           g_dngettext (GETTEXT_PACKAGE, "The contribution was voided.",
                                        "The contributions were voided.", n),
                           NULL);
  return TRUE;
}

void
cag_window_set_as_of (CagWindow     *self,
                      const CagDate *as_of)
{
  g_return_if_fail (CAG_IS_WINDOW (self));

  if (as_of != NULL && cag_date_valid (as_of))
    self->as_of = *as_of;
  else
    self->as_of = cag_date_today ();
  cag_overview_set_as_of (self->overview, &self->as_of);
  cag_org_detail_set_as_of (self->detail, &self->as_of);
  cag_org_list_set_as_of (self->org_list, &self->as_of);
  cag_overview_load (self->overview, self->store, self->campaign_id);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "detail") == 0)
    cag_org_detail_load (self->detail, self->store,
                         cag_org_detail_get_org_id (self->detail), self->campaign_id);
  /* The organizations' fund column follows too: now if shown, else when next
   * shown (launch and date changes stay quick with thousands of them). */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "organizations") == 0)
    cag_org_list_load (self->org_list, self->store, self->campaign_id);
  else
    self->org_list_dirty = TRUE;
}

/* ---- the error bar (docs/GUI.md, "When the database fails") ------------- */

void
cag_window_show_read_error (CagWindow    *self,
                            const GError *error)
{
  AtkObject *accessible;

  g_return_if_fail (CAG_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  self->read_failed = TRUE;
  /* The store's message already says what is wrong and what to do. */
  gtk_label_set_text (self->error_label, error->message);
  accessible = gtk_widget_get_accessible (GTK_WIDGET (self->error_bar));
  atk_object_set_name (accessible, C_("gui", "The database could not be read"));
  atk_object_set_description (accessible, error->message);
  gtk_widget_show (GTK_WIDGET (self->error_bar));
}

gboolean
cag_window_has_read_error (CagWindow *self)
{
  g_return_val_if_fail (CAG_IS_WINDOW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_bar));
}

const char *
cag_window_get_read_error (CagWindow *self)
{
  g_return_val_if_fail (CAG_IS_WINDOW (self), NULL);
  if (!cag_window_has_read_error (self))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
cag_window_retry (CagWindow *self)
{
  g_return_if_fail (CAG_IS_WINDOW (self));
  cag_window_reload (self);
}

static void
view_load_failed_cb (CagWindow *self,
                     GError    *error,
                     GtkWidget *view)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  gboolean shown = page != NULL && (view == page || gtk_widget_is_ancestor (view, page));

  /* The organizations list is read again when next shown. */
  if (view == GTK_WIDGET (self->org_list) && !shown)
    self->org_list_dirty = TRUE;
  /* The message of the page in sight wins; else the first one stays. */
  if (shown || !self->read_failed || !cag_window_has_read_error (self))
    cag_window_show_read_error (self, error);
}

static void
error_bar_response_cb (CagWindow  *self,
                       gint        response,
                       GtkInfoBar *bar)
{
  if (response == 1)
    cag_window_retry (self);
  else
    gtk_widget_hide (GTK_WIDGET (bar));
}

const CagDate *
cag_window_get_as_of (CagWindow *self)
{
  g_return_val_if_fail (CAG_IS_WINDOW (self), NULL);
  return &self->as_of;
}

static void
as_of_changed_cb (CagWindow   *self,
                  CagOverview *overview)
{
  cag_window_set_as_of (self, cag_overview_get_as_of (overview));
}

GtkWidget *
cag_window_get_overview (CagWindow *self)
{
  return GTK_WIDGET (self->overview);
}

GtkWidget *
cag_window_get_detail (CagWindow *self)
{
  return GTK_WIDGET (self->detail);
}

GtkWidget *
cag_window_get_org_list (CagWindow *self)
{
  return GTK_WIDGET (self->org_list);
}

GtkWidget *
cag_window_get_welcome (CagWindow *self)
{
  return GTK_WIDGET (self->welcome);
}

/* ---- template callbacks ------------------------------------------------- */

static void
campaign_changed_cb (GtkComboBox *combo,
                     CagWindow   *self)
{
  const char *id = gtk_combo_box_get_active_id (combo);

  if (self->loading_campaigns || id == NULL)
    return;
  show_campaign_tooltip (self);
  self->campaign_id = g_ascii_strtoll (id, NULL, 10);
  cag_window_reload (self);
}

static void
visible_page_changed_cb (CagWindow *self)
{
  if (self->org_list_dirty
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "organizations") == 0)
    {
      self->org_list_dirty = FALSE;
      cag_org_list_load (self->org_list, self->store, self->campaign_id);
    }
  update_chrome (self);
}

static void
fund_activated_cb (CagWindow *self,
                   gint64     org_id)
{
  cag_window_show_organization (self, org_id);
}

static void
org_activated_cb (CagWindow *self,
                  gint64     org_id)
{
  cag_window_show_organization (self, org_id);
}

static void
undo_clicked_cb (CagWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cag_window_undo (self, &error))
    cag_gui_show_error (GTK_WINDOW (self), C_("gui", "Could not undo"), error);
}

static void
open_clicked_cb (CagWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->open_path != NULL && !cag_export_open_path (GTK_WINDOW (self), self->open_path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open %s: %s"),
                                                  self->open_path, error->message);
      cag_window_notify (self, message, 0);
    }
}

static void
notification_close_cb (CagWindow *self)
{
  g_clear_handle_id (&self->notification_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->notification_revealer, FALSE);
}

/* ---- window state ------------------------------------------------------- */

static void
cag_window_size_allocate (GtkWidget     *widget,
                          GtkAllocation *allocation)
{
  CagWindow *self = CAG_WINDOW (widget);

  GTK_WIDGET_CLASS (cag_window_parent_class)->size_allocate (widget, allocation);
  if (!self->maximized)
    gtk_window_get_size (GTK_WINDOW (widget), &self->width, &self->height);
}

static gboolean
cag_window_window_state_event (GtkWidget           *widget,
                               GdkEventWindowState *event)
{
  CagWindow *self = CAG_WINDOW (widget);

  self->maximized = (event->new_window_state & GDK_WINDOW_STATE_MAXIMIZED) != 0;
  return GTK_WIDGET_CLASS (cag_window_parent_class)->window_state_event (widget, event);
}

static void
save_window_state (CagWindow *self)
{
  if (self->settings == NULL || self->width <= 0)
    return;
  g_settings_set_int (self->settings, "window-width", self->width);
  g_settings_set_int (self->settings, "window-height", self->height);
  g_settings_set_boolean (self->settings, "window-maximized", self->maximized);
}

static void
cag_window_destroy (GtkWidget *widget)
{
  CagWindow *self = CAG_WINDOW (widget);

  save_window_state (self);
  g_clear_handle_id (&self->notification_timeout, g_source_remove);
  g_clear_handle_id (&self->store_watch, g_source_remove);
  GTK_WIDGET_CLASS (cag_window_parent_class)->destroy (widget);
}

static void
cag_window_finalize (GObject *object)
{
  CagWindow *self = CAG_WINDOW (object);

  g_clear_handle_id (&self->store_watch, g_source_remove);
  g_clear_pointer (&self->store, cag_store_close);
  g_clear_pointer (&self->rights, cag_rights_free);
  g_clear_pointer (&self->undo_ids, g_array_unref);
  g_clear_pointer (&self->open_path, g_free);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cag_window_parent_class)->finalize (object);
}

static void
cag_window_constructed (GObject *object)
{
  CagWindow *self = CAG_WINDOW (object);
  GtkApplication *app;

  G_OBJECT_CLASS (cag_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL && CAG_IS_APPLICATION (app))
    {
      GSettings *settings = cag_application_get_settings (CAG_APPLICATION (app));

      self->settings = settings != NULL ? g_object_ref (settings) : NULL;
      g_menu_append_section (self->recent_submenu, NULL,
                             cag_application_get_recent_menu (CAG_APPLICATION (app)));
    }
  else
    self->settings = cag_settings_new_if_installed ();

  if (self->settings != NULL)
    {
      gint width = g_settings_get_int (self->settings, "window-width");
      gint height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  cag_window_reload (self);
}

static void
cag_window_class_init (CagWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cag_window_constructed;
  object_class->finalize = cag_window_finalize;
  widget_class->destroy = cag_window_destroy;
  widget_class->size_allocate = cag_window_size_allocate;
  widget_class->window_state_event = cag_window_window_state_event;

  /* The style additions, once for the screen. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/gesq/Cagnotte/style.css");
    gtk_style_context_add_provider_for_screen (gdk_screen_get_default (),
                                               GTK_STYLE_PROVIDER (css),
                                               GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  /* GtkApplication does this for its own resources; tests have none. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_default (),
                                    "/io/github/gesq/Cagnotte/icons");

  g_type_ensure (CAG_TYPE_WELCOME);
  g_type_ensure (CAG_TYPE_OVERVIEW);
  g_type_ensure (CAG_TYPE_ORG_LIST);
  g_type_ensure (CAG_TYPE_BUDGET_VIEW);
  g_type_ensure (CAG_TYPE_ORG_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CagWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, record_button);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, view_bar);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, view_bar_separator);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, campaign_combo);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, campaign_label);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, welcome);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, org_list);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, budget_view);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, detail);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, notification_revealer);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, notification_label);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, error_retry_button);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, error_close_button);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CagWindow, recent_submenu);
  gtk_widget_class_bind_template_callback (widget_class, campaign_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fund_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_of_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, org_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, undo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, notification_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_load_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, error_bar_response_cb);
}

static void
cag_window_init (CagWindow *self)
{
  self->undo_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->as_of = cag_date_today ();
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    g_autoptr(GList) cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (self->campaign_combo));

    /* Long campaign names never widen the window past a small screen. */
    if (cells != NULL)
      g_object_set (cells->data, "ellipsize", PANGO_ELLIPSIZE_END, "width-chars", 12,
                    "max-width-chars", 30, NULL);
  }
  cag_gui_name_from_labels (GTK_WIDGET (self));
  cag_window_add_actions (self);
}

CagWindow *
cag_window_new (CagApplication *app)
{
  return g_object_new (CAG_TYPE_WINDOW, "application", app, NULL);
}
