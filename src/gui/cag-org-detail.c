/* cag-org-detail.c — one organization's fund, in words a board member
 * understands, its chart and its ledger (voided rows struck through with
 * their reason). */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-chart.h"
#include "cag-error.h"
#include "cag-gui-export.h"
#include "cag-gui-util.h"
#include "cag-org-detail.h"
#include "cag-window.h"

struct _CagOrgDetail
{
  GtkBox         parent_instance;

  CagStore      *store;
  gint64         org_id;
  gint64         campaign_id;
  gint64         fund_id;       /* 0 when the organization has none here */
  CagDate        as_of;         /* the date the figures are computed for */

  GtkListStore  *ledger_store;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkWidget     *record_button;
  GtkWidget     *export_button;
  GtkStack      *fund_stack;
  GtkProgressBar *progress;
  GtkLabel      *summary_label;
  CagChart      *chart;
  GtkLabel      *no_fund_label;
  GtkWidget     *no_fund_button;
  GtkWidget     *void_button;
  GtkTreeView   *ledger_view;
  const CagRights *rights;     /* NULL: may write everything */
};

G_DEFINE_FINAL_TYPE (CagOrgDetail, cag_org_detail, GTK_TYPE_BOX)

enum
{
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
may_write (CagOrgDetail *self)
{
  return self->rights == NULL || cag_rights_may_write_org (self->rights, self->org_id);
}

static char *
recorded_text (const CagContribution *c)
{
  /* recorded_at is ISO 8601 UTC; its date part is enough here. */
  CagDate date;

  if (c->recorded_at != NULL && strlen (c->recorded_at) >= 10)
    {
      g_autofree char *day = g_strndup (c->recorded_at, 10);

      if (cag_date_parse_iso (day, &date, NULL))
        {
          g_autofree char *shown = cag_gui_date (&date);
          if (c->recorded_by != NULL)
            /* TRANSLATORS: "15 juin 2004, by marie" */
            return g_strdup_printf (_("%s, by %s"), shown, c->recorded_by);
          return g_steal_pointer (&shown);
        }
    }
  return g_strdup (c->recorded_by != NULL ? c->recorded_by : "");
}

/* Fills the ledger of FUND_ID (0: empties it); FALSE with ERROR when it
 * could not be read. */
static gboolean
fill_ledger (CagOrgDetail *self,
             gint64        fund_id,
             GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkTreeModel *model = GTK_TREE_MODEL (self->ledger_store);
  guint i;

  g_object_ref (model);
  gtk_tree_view_set_model (self->ledger_view, NULL);
  gtk_list_store_clear (self->ledger_store);
  if (fund_id > 0)
    list = cag_store_contribution_list (self->store, fund_id, 0, &local_error);

  /* Newest first: the treasurer checks what was just entered. */
  for (i = list != NULL ? list->len : 0; i > 0; i--)
    {
      CagContribution *c = g_ptr_array_index (list, i - 1);
      g_autofree char *date = cag_gui_date (&c->date);
      g_autofree char *amount = cag_gui_money (c->amount_cents);
      g_autofree char *note = NULL;
      g_autofree char *recorded = recorded_text (c);

      gboolean later = cag_date_compare (&c->date, &self->as_of) > 0;

      if (c->voided)
        note = g_strdup_printf (_("Voided: %s"), c->void_reason != NULL ? c->void_reason : "");
      else if (later)
        {
          /* After the window's "As of" date: listed, dimmed, not counted. */
          g_autofree char *shown = cag_gui_date (&self->as_of);
          g_autofree char *why = g_strdup_printf (_("Not counted as of %s"), shown);

          note = c->note != NULL && *c->note != '\0'
                 ? g_strdup_printf ("%s · %s", why, c->note) : g_steal_pointer (&why);
        }
      else
        note = g_strdup (c->note != NULL ? c->note : "");

      gtk_list_store_insert_with_values (self->ledger_store, NULL, -1,
                                         CAG_LEDGER_COL_ID, c->id,
                                         CAG_LEDGER_COL_DATE, date,
                                         CAG_LEDGER_COL_AMOUNT, amount,
                                         CAG_LEDGER_COL_METHOD, cag_method_label (c->method),
                                         CAG_LEDGER_COL_REFERENCE, c->reference != NULL ? c->reference : "",
                                         CAG_LEDGER_COL_NOTE, note,
                                         CAG_LEDGER_COL_VOIDED, c->voided,
                                         CAG_LEDGER_COL_RECORDED, recorded,
                                         CAG_LEDGER_COL_COUNTS, !c->voided && !later,
                                         -1);
    }
  gtk_tree_view_set_model (self->ledger_view, model);
  g_object_unref (model);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* A read failed: a placeholder, never "no fund" or an empty ledger that
 * reads as "nothing recorded"; the window shows the store's message with
 * Retry (docs/GUI.md, "When the database fails"). */
static void
show_unreadable (CagOrgDetail *self,
                 const GError *error)
{
  self->fund_id = 0;
  gtk_widget_set_sensitive (self->record_button, FALSE);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_label_set_text (self->no_fund_label, _("The figures could not be read."));
  gtk_widget_hide (self->no_fund_button);
  gtk_stack_set_visible_child_name (self->fund_stack, "no-fund");
  fill_ledger (self, 0, NULL);
  g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

/* The campaign, the organization's fund in it and its figures; FALSE with
 * ERROR when they could not be read (no campaign or no fund is no error). */
static gboolean
read_fund (CagOrgDetail   *self,
           CagCampaign   **campaign,
           CagFund       **fund,
           CagFundStatus **status,
           GError        **error)
{
  g_autoptr(GError) find_error = NULL;

  if (self->campaign_id <= 0)
    return TRUE;
  *campaign = cag_store_campaign_get (self->store, self->campaign_id, &find_error);
  if (*campaign != NULL)
    *fund = cag_store_fund_find (self->store, self->org_id, self->campaign_id, &find_error);
  if (find_error != NULL && !g_error_matches (find_error, CAG_ERROR, CAG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&find_error));
      return FALSE;
    }
  if (*fund != NULL)
    *status = cag_store_fund_status (self->store, (*fund)->id, &self->as_of, error);
  return *fund == NULL || *status != NULL;
}

void
cag_org_detail_load (CagOrgDetail *self,
                     CagStore     *store,
                     gint64        org_id,
                     gint64        campaign_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(CagFund) fund = NULL;
  g_autoptr(CagCampaign) campaign = NULL;
  g_autoptr(CagFundStatus) status = NULL;
  g_autoptr(GArray) months = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (CAG_IS_ORG_DETAIL (self));

  self->store = store;
  self->org_id = org_id;
  self->campaign_id = campaign_id;
  self->fund_id = 0;
  gtk_widget_set_sensitive (self->export_button, FALSE);

  if (store != NULL && org_id > 0)
    org = cag_store_org_get (store, org_id, &error);
  if (org == NULL)
    {
      gboolean unreadable = error != NULL
                            && !g_error_matches (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);

      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label,
                          error != NULL && !unreadable ? error->message : "");
      gtk_stack_set_visible_child_name (self->fund_stack, "no-fund");
      gtk_label_set_text (self->no_fund_label, "");
      gtk_widget_hide (self->no_fund_button);
      if (unreadable)
        show_unreadable (self, error);
      else
        fill_ledger (self, 0, NULL);
      return;
    }

  gtk_label_set_text (self->title_label, org->name);
  /* Long names are ellipsized: the tooltip shows them whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), org->name);
  if (!read_fund (self, &campaign, &fund, &status, &error))
    {
      gtk_label_set_text (self->subtitle_label, "");
      show_unreadable (self, error);
      return;
    }

  {
    CagDate today = cag_date_today ();
    g_autofree char *as_of_text = NULL;
    g_autoptr(GPtrArray) parts = g_ptr_array_new ();

    g_ptr_array_add (parts, (gpointer) (org->region != NULL && *org->region
                                        ? org->region : cag_org_kind_label (org->kind)));
    g_ptr_array_add (parts, (gpointer) (campaign != NULL ? campaign->name : C_("gui", "no campaign")));
    if (!org->active)
      g_ptr_array_add (parts, (gpointer) C_("gui", "inactive"));
    if (cag_date_compare (&self->as_of, &today) != 0)
      {
        g_autofree char *shown = cag_gui_date (&self->as_of);

        /* TRANSLATORS: in the organization's subtitle, when the window's
         * "As of" date is not today: "figures as of September 15, 2004". */
        as_of_text = g_strdup_printf (_("figures as of %s"), shown);
        g_ptr_array_add (parts, as_of_text);
      }
    g_ptr_array_add (parts, NULL);
    subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  }
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_sensitive (self->record_button, status != NULL && may_write (self));
  if (status != NULL)
    self->fund_id = fund->id;
  gtk_widget_set_sensitive (self->export_button, status != NULL);
  {
    g_autofree char *shown = cag_gui_date (&self->as_of);
    /* TRANSLATORS: the Export Statement button's tooltip; the date is the
     * window's "As of" date, which the statement follows. */
    g_autofree char *tip = g_strdup_printf (_("Save this fund’s statement as of %s as a PDF file"),
                                            shown);

    gtk_widget_set_tooltip_text (self->export_button, tip);
  }

  if (status == NULL)
    {
      g_autofree char *text = NULL;

      if (campaign != NULL)
        text = g_strdup_printf (_("%s has no delegation fund in %s. Open one in Campaign and Fund Settings."),
                                org->name, campaign->name);
      else
        text = g_strdup (_("There is no campaign yet."));
      gtk_label_set_text (self->no_fund_label, text);
      /* The next step, as a button (docs/GUI.md, "Empty views"). */
      gtk_widget_set_visible (self->no_fund_button, TRUE);
      gtk_button_set_label (GTK_BUTTON (self->no_fund_button),
                            campaign != NULL ? _("Open a _Fund…") : _("_Create a Campaign…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->no_fund_button),
                                      campaign != NULL ? "win.campaign-settings"
                                                       : "win.new-campaign");
      gtk_stack_set_visible_child_name (self->fund_stack, "no-fund");
      fill_ledger (self, 0, NULL);
      return;
    }

  {
    const CagFundFigures *f = &status->figures;
    g_autofree char *summary = cag_gui_fund_summary (status, campaign);
    g_autofree char *bar = NULL;
    g_autofree char *saved = cag_gui_money (f->saved_cents + f->matched_cents);
    g_autofree char *target = cag_gui_money (f->target_cents);
    /* TRANSLATORS: progress bar: "1 250,00 $ of 4 500,00 $ · Behind schedule" */
    bar = g_strdup_printf (_("%s of %s · %s"), saved, target, cag_fund_state_label (f->state));
    gtk_progress_bar_set_fraction (self->progress, MIN (1.0, f->percent_tenths / 1000.0));
    gtk_progress_bar_set_text (self->progress, bar);
    atk_object_set_description (gtk_widget_get_accessible (GTK_WIDGET (self->progress)), bar);
    gtk_label_set_text (self->summary_label, summary);

    months = cag_store_month_totals (store, fund->id, 0, &error);
    if (months == NULL)
      {
        show_unreadable (self, error);
        return;
      }
    cag_chart_set_data (self->chart, cag_month_index (&campaign->start),
                        cag_month_index (&campaign->deadline), f->target_cents,
                        months, &self->as_of);
    gtk_stack_set_visible_child_name (self->fund_stack, "fund");
  }
  if (!fill_ledger (self, fund->id, &error))
    show_unreadable (self, error);
}

void
cag_org_detail_set_as_of (CagOrgDetail  *self,
                          const CagDate *as_of)
{
  g_return_if_fail (CAG_IS_ORG_DETAIL (self));
  if (as_of != NULL && cag_date_valid (as_of))
    self->as_of = *as_of;
  else
    self->as_of = cag_date_today ();
}

gint64
cag_org_detail_get_org_id (CagOrgDetail *self)
{
  g_return_val_if_fail (CAG_IS_ORG_DETAIL (self), 0);
  return self->org_id;
}

const char *
cag_org_detail_get_summary (CagOrgDetail *self)
{
  g_return_val_if_fail (CAG_IS_ORG_DETAIL (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

GtkTreeModel *
cag_org_detail_get_ledger (CagOrgDetail *self)
{
  g_return_val_if_fail (CAG_IS_ORG_DETAIL (self), NULL);
  return GTK_TREE_MODEL (self->ledger_store);
}

static void
reload_everything (CagOrgDetail *self)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  if (CAG_IS_WINDOW (toplevel))
    cag_window_reload (CAG_WINDOW (toplevel));
  else
    cag_org_detail_load (self, self->store, self->org_id, self->campaign_id);
}

gboolean
cag_org_detail_void (CagOrgDetail *self,
                     gint64        contribution_id,
                     const char   *reason,
                     GError      **error)
{
  g_return_val_if_fail (CAG_IS_ORG_DETAIL (self), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID, _("No database is open."));
      return FALSE;
    }
  if (!cag_store_contribution_void (self->store, contribution_id, reason, error))
    return FALSE;
  reload_everything (self);
  return TRUE;
}

gboolean
cag_org_detail_select (CagOrgDetail *self,
                       gint64        contribution_id)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->ledger_store);
  GtkTreeIter iter;
  gboolean more;

  g_return_val_if_fail (CAG_IS_ORG_DETAIL (self), FALSE);
  for (more = gtk_tree_model_get_iter_first (model, &iter); more;
       more = gtk_tree_model_iter_next (model, &iter))
    {
      gint64 id;

      gtk_tree_model_get (model, &iter, CAG_LEDGER_COL_ID, &id, -1);
      if (id == contribution_id)
        {
          gtk_tree_selection_select_iter (gtk_tree_view_get_selection (self->ledger_view), &iter);
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- void dialog -------------------------------------------------------- */

static void
reason_changed_cb (GtkEntry  *entry,
                   GtkDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_entry_get_text (entry)));

  gtk_dialog_set_response_sensitive (dialog, GTK_RESPONSE_ACCEPT, *text != '\0');
}

static void
void_response_cb (GtkDialog    *dialog,
                  gint          response,
                  CagOrgDetail *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      GtkEntry *entry = g_object_get_data (G_OBJECT (dialog), "reason-entry");
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "contribution-id"));
      g_autofree char *reason = g_strstrip (g_strdup (gtk_entry_get_text (entry)));
      g_autoptr(GError) error = NULL;

      GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

      if (!cag_org_detail_void (self, id, reason, &error))
        cag_gui_show_error (GTK_WINDOW (toplevel), _("Could not void the contribution"), error);
      else if (CAG_IS_WINDOW (toplevel))
        /* Undo (and Ctrl+Z) records it again (docs/GUI.md, "Undo"). */
        cag_window_notify_voided (CAG_WINDOW (toplevel), _("Contribution voided."), id);
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

GtkWidget *
cag_org_detail_ask_void (CagOrgDetail *self)
{
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->ledger_view);
  GtkTreeModel *model;
  GtkTreeIter iter;
  GtkWidget *dialog, *grid, *label, *entry, *intro, *button;
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  gint64 id;
  gboolean voided;

  g_return_val_if_fail (CAG_IS_ORG_DETAIL (self), NULL);
  if (!gtk_tree_selection_get_selected (selection, &model, &iter))
    return NULL;
  gtk_tree_model_get (model, &iter, CAG_LEDGER_COL_ID, &id, CAG_LEDGER_COL_DATE, &date,
                      CAG_LEDGER_COL_AMOUNT, &amount, CAG_LEDGER_COL_VOIDED, &voided, -1);
  if (voided)
    return NULL;

  dialog = g_object_new (GTK_TYPE_DIALOG, "use-header-bar", TRUE,
                         "title", C_("gui", "Void Contribution"),
                         "transient-for", GTK_IS_WINDOW (toplevel) ? toplevel : NULL,
                         "modal", TRUE, "resizable", FALSE, NULL);
  /* Not "Cancel": in French both would read "Annuler". */
  gtk_dialog_add_button (GTK_DIALOG (dialog), C_("void dialog", "_Keep It"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Void"), GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (button), "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT, FALSE);

  grid = gtk_grid_new ();
  g_object_set (grid, "margin", 18, "row-spacing", 8, "column-spacing", 12, NULL);
  text = g_strdup_printf (_("The contribution of %s dated %s will stay in the ledger, struck through, "
                            "and will no longer count. Record the right one afterwards if needed."),
                          amount, date);
  intro = gtk_label_new (text);
  g_object_set (intro, "wrap", TRUE, "max-width-chars", 50, "xalign", 0.0, NULL);
  gtk_grid_attach (GTK_GRID (grid), intro, 0, 0, 2, 1);
  label = gtk_label_new_with_mnemonic (_("_Reason"));
  gtk_widget_set_halign (label, GTK_ALIGN_END);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Cheque returned, wrong organization…"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry, 1, 1, 1, 1);
  gtk_container_add (GTK_CONTAINER (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), grid);
  gtk_widget_show_all (grid);
  cag_gui_name_from_labels (grid);

  g_object_set_data (G_OBJECT (dialog), "reason-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "contribution-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (void_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ---- callbacks ---------------------------------------------------------- */

static void
record_clicked_cb (CagOrgDetail *self)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  if (CAG_IS_WINDOW (toplevel))
    cag_window_record (CAG_WINDOW (toplevel), self->org_id);
}

gboolean
cag_org_detail_can_export (CagOrgDetail *self)
{
  g_return_val_if_fail (CAG_IS_ORG_DETAIL (self), FALSE);
  return self->store != NULL && self->fund_id > 0;
}

void
cag_org_detail_export (CagOrgDetail *self)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (CAG_IS_ORG_DETAIL (self));
  if (!cag_org_detail_can_export (self))
    return;
  path = cag_export_statement_ask (GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL,
                                   self->store, self->fund_id, &error);
  if (error != NULL)
    cag_gui_show_error (GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL,
                        _("Could not export the statement"), error);
  else if (path != NULL && CAG_IS_WINDOW (toplevel))
    {
      g_autofree char *message = g_strdup_printf (_("Statement saved as %s."), path);
      cag_window_exported (CAG_WINDOW (toplevel), message, path);
    }
}

static void
export_clicked_cb (CagOrgDetail *self)
{
  cag_org_detail_export (self);
}

static void
void_clicked_cb (CagOrgDetail *self)
{
  cag_org_detail_ask_void (self);
}

/* Delete on a ledger row opens Void (docs/GUI.md, "Keyboard"). */
static gboolean
ledger_key_pressed_cb (GtkWidget    *view,
                       GdkEventKey  *event,
                       CagOrgDetail *self)
{
  if ((event->keyval == GDK_KEY_Delete || event->keyval == GDK_KEY_KP_Delete)
      && (event->state & gtk_accelerator_get_default_mod_mask ()) == 0)
    {
      cag_org_detail_ask_void (self);
      return TRUE;
    }
  return FALSE;
}

static void
selection_changed_cb (CagOrgDetail     *self,
                      GtkTreeSelection *selection)
{
  GtkTreeModel *model;
  GtkTreeIter iter;
  gboolean voided = TRUE;

  if (gtk_tree_selection_get_selected (selection, &model, &iter))
    gtk_tree_model_get (model, &iter, CAG_LEDGER_COL_VOIDED, &voided, -1);
  gtk_widget_set_sensitive (self->void_button, !voided && may_write (self));
}

static void
cag_org_detail_class_init (CagOrgDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A load could not read the database; the figures show a placeholder. */
  signals[LOAD_FAILED] = g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);
  g_type_ensure (CAG_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-org-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, ledger_store);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, record_button);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, export_button);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, no_fund_button);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, fund_stack);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, progress);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, chart);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, no_fund_label);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, void_button);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDetail, ledger_view);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, void_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
}

static void
cag_org_detail_init (CagOrgDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->as_of = cag_date_today ();
  cag_gui_name_from_labels (GTK_WIDGET (self));
  cag_gui_set_accessible_name (GTK_WIDGET (self->progress), _("Progress of the fund"));
  g_signal_connect (self->ledger_view, "key-press-event", G_CALLBACK (ledger_key_pressed_cb), self);
}

void
cag_org_detail_set_rights (CagOrgDetail    *self,
                           const CagRights *rights)
{
  g_return_if_fail (CAG_IS_ORG_DETAIL (self));

  self->rights = rights;
}
