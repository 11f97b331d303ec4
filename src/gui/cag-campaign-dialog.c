/* cag-campaign-dialog.c — a campaign's settings (name, cost of a delegation,
 * start, deadline) and the settings of its delegation funds (delegations,
 * target and monthly overrides). */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-campaign-dialog.h"
#include "cag-error.h"
#include "cag-gui-util.h"
#include "cag-money.h"

enum
{
  FUND_COL_ORG_ID,
  FUND_COL_ORG_NAME,
  FUND_COL_HAS_FUND,
  FUND_COL_FUND_ID,
  FUND_COL_DELEGATIONS,
  FUND_COL_TARGET,
  FUND_COL_MONTHLY,
};

struct _CagCampaignDialog
{
  GtkDialog     parent_instance;

  CagStore     *store;
  CagCampaign  *original;
  gint64        campaign_id;
  gboolean      loading;

  GtkListStore *fund_store;
  GtkEntry     *name_entry;
  GtkLabel     *name_hint;
  GtkEntry     *cost_entry;
  GtkLabel     *cost_hint;
  GtkEntry     *start_entry;
  GtkLabel     *start_hint;
  GtkEntry     *deadline_entry;
  GtkLabel     *deadline_hint;
  GtkLabel     *general_error;
  GtkWidget    *funds_box;
  GtkTreeView  *fund_view;
  GtkLabel     *funds_error;
};

G_DEFINE_FINAL_TYPE (CagCampaignDialog, cag_campaign_dialog, GTK_TYPE_DIALOG)

static void
set_hint (GtkLabel   *label,
          const char *text,
          gboolean    is_error)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (label));

  cag_gui_set_field_error (label, text);
  gtk_style_context_remove_class (style, is_error ? "dim-label" : "field-error");
  gtk_style_context_add_class (style, is_error ? "field-error" : "dim-label");
}

/* Checks every field; fills OUT when all are right. */
static gboolean
check_fields (CagCampaignDialog *self,
              CagCampaign       *out)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_entry_get_text (self->name_entry)));
  g_autoptr(GError) error = NULL;
  CagCampaign c = { 0 };
  gboolean ok = TRUE;

  if (*name == '\0')
    {
      set_hint (self->name_hint, _("The name is required."), TRUE);
      ok = FALSE;
    }
  else
    set_hint (self->name_hint, NULL, FALSE);

  if (cag_money_parse (gtk_entry_get_text (self->cost_entry), CAG_MONEY_POSITIVE,
                       &c.delegation_cost_cents, &error))
    {
      g_autofree char *shown = cag_gui_money (c.delegation_cost_cents);
      set_hint (self->cost_hint, shown, FALSE);
    }
  else
    {
      set_hint (self->cost_hint, error->message, TRUE);
      g_clear_error (&error);
      ok = FALSE;
    }

  if (cag_gui_parse_date (gtk_entry_get_text (self->start_entry), &c.start, &error))
    {
      g_autofree char *shown = cag_gui_date (&c.start);
      set_hint (self->start_hint, shown, FALSE);
    }
  else
    {
      set_hint (self->start_hint, error->message, TRUE);
      g_clear_error (&error);
      ok = FALSE;
    }

  if (cag_gui_parse_date (gtk_entry_get_text (self->deadline_entry), &c.deadline, &error))
    {
      g_autofree char *shown = cag_gui_date (&c.deadline);

      if (ok && cag_date_compare (&c.deadline, &c.start) <= 0)
        {
          set_hint (self->deadline_hint, _("The deadline must come after the start of saving."), TRUE);
          ok = FALSE;
        }
      else
        {
          gint n = cag_fund_months_total (&c.start, &c.deadline);
          g_autofree char *text = NULL;

          if (ok)
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %d month of saving",
                                                 "%s — %d months of saving", n),
                                    shown, n);
          set_hint (self->deadline_hint, text != NULL ? text : shown, FALSE);
        }
    }
  else
    {
      set_hint (self->deadline_hint, error->message, TRUE);
      g_clear_error (&error);
      ok = FALSE;
    }

  if (ok && out != NULL)
    {
      out->name = g_steal_pointer (&name);
      out->delegation_cost_cents = c.delegation_cost_cents;
      out->start = c.start;
      out->deadline = c.deadline;
    }
  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT, ok);
  return ok;
}

static void
field_changed_cb (CagCampaignDialog *self)
{
  if (self->loading)
    return;
  cag_gui_set_field_error (self->general_error, NULL);
  check_fields (self, NULL);
}

gboolean
cag_campaign_dialog_save (CagCampaignDialog *self,
                          GError           **error)
{
  g_autoptr(CagCampaign) campaign = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (CAG_IS_CAMPAIGN_DIALOG (self), FALSE);

  campaign = self->original != NULL ? cag_campaign_copy (self->original) : cag_campaign_new ();
  g_clear_pointer (&campaign->name, g_free);
  if (!check_fields (self, campaign))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Some fields need correcting: see the messages beside them."));
      return FALSE;
    }
  if (self->original != NULL)
    ok = cag_store_campaign_update (self->store, campaign, &local_error);
  else
    ok = cag_store_campaign_add (self->store, campaign, &local_error);
  if (!ok)
    {
      if (g_error_matches (local_error, CAG_ERROR, CAG_ERROR_EXISTS))
        set_hint (self->name_hint, local_error->message, TRUE);
      else
        cag_gui_set_field_error (self->general_error, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->campaign_id = campaign->id;
  return TRUE;
}

gint64
cag_campaign_dialog_get_campaign_id (CagCampaignDialog *self)
{
  g_return_val_if_fail (CAG_IS_CAMPAIGN_DIALOG (self), 0);
  return self->campaign_id;
}

GtkEntry *
cag_campaign_dialog_get_entry (CagCampaignDialog *self,
                               const char        *name)
{
  g_return_val_if_fail (CAG_IS_CAMPAIGN_DIALOG (self), NULL);
  if (g_strcmp0 (name, "name") == 0)
    return self->name_entry;
  if (g_strcmp0 (name, "cost") == 0)
    return self->cost_entry;
  if (g_strcmp0 (name, "start") == 0)
    return self->start_entry;
  if (g_strcmp0 (name, "deadline") == 0)
    return self->deadline_entry;
  g_return_val_if_reached (NULL);
}

/* ---- funds -------------------------------------------------------------- */

static void
set_fund_row (CagCampaignDialog *self,
              GtkTreeIter       *iter,
              const CagFund     *fund)
{
  g_autofree char *delegations = NULL;
  g_autofree char *target = NULL;
  g_autofree char *monthly = NULL;

  if (fund == NULL)
    {
      gtk_list_store_set (self->fund_store, iter, FUND_COL_HAS_FUND, FALSE,
                          FUND_COL_FUND_ID, (gint64) 0, FUND_COL_DELEGATIONS, "",
                          FUND_COL_TARGET, "", FUND_COL_MONTHLY, "", -1);
      return;
    }
  delegations = g_strdup_printf ("%d", fund->delegations);
  target = cag_gui_money (fund->target_cents);
  if (fund->target_override_cents == 0)
    {
      g_autofree char *automatic = g_steal_pointer (&target);
      /* TRANSLATORS: a target computed from the delegations, not typed in. */
      target = g_strdup_printf (_("%s (auto)"), automatic);
    }
  if (fund->monthly_override_cents > 0)
    monthly = cag_gui_money (fund->monthly_override_cents);
  else
    monthly = g_strdup (C_("gui", "auto"));
  gtk_list_store_set (self->fund_store, iter, FUND_COL_HAS_FUND, TRUE,
                      FUND_COL_FUND_ID, fund->id, FUND_COL_DELEGATIONS, delegations,
                      FUND_COL_TARGET, target, FUND_COL_MONTHLY, monthly, -1);
}

static void
load_funds (CagCampaignDialog *self)
{
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GPtrArray) funds = NULL;
  g_autoptr(GHashTable) by_org = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  gtk_list_store_clear (self->fund_store);
  if (self->campaign_id <= 0)
    return;
  funds = cag_store_fund_list (self->store, self->campaign_id, 0, &error);
  if (funds != NULL)
    orgs = cag_store_org_list (self->store, NULL, FALSE, &error);
  if (orgs == NULL)
    {
      cag_gui_set_field_error (self->funds_error, error->message);
      return;
    }
  by_org = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (i = 0; i < funds->len; i++)
    {
      CagFund *fund = g_ptr_array_index (funds, i);
      g_hash_table_insert (by_org, &fund->organization_id, fund);
    }
  for (i = 0; i < orgs->len; i++)
    {
      CagOrganization *org = g_ptr_array_index (orgs, i);
      GtkTreeIter iter;

      gtk_list_store_insert_with_values (self->fund_store, &iter, -1,
                                         FUND_COL_ORG_ID, org->id,
                                         FUND_COL_ORG_NAME, org->name, -1);
      set_fund_row (self, &iter, g_hash_table_lookup (by_org, &org->id));
    }
}

static gboolean
get_fund_at (CagCampaignDialog *self,
             const char        *path,
             GtkTreeIter       *iter,
             CagFund          **out_fund)
{
  gint64 fund_id = 0;
  g_autoptr(GError) error = NULL;

  *out_fund = NULL;
  if (!gtk_tree_model_get_iter_from_string (GTK_TREE_MODEL (self->fund_store), iter, path))
    return FALSE;
  gtk_tree_model_get (GTK_TREE_MODEL (self->fund_store), iter, FUND_COL_FUND_ID, &fund_id, -1);
  if (fund_id <= 0)
    return FALSE;
  *out_fund = cag_store_fund_get (self->store, fund_id, &error);
  if (*out_fund == NULL)
    cag_gui_set_field_error (self->funds_error, error->message);
  return *out_fund != NULL;
}

static void
update_fund (CagCampaignDialog *self,
             GtkTreeIter       *iter,
             CagFund           *fund)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagFund) fresh = NULL;

  if (!cag_store_fund_update (self->store, fund, &error))
    {
      cag_gui_set_field_error (self->funds_error, error->message);
      return;
    }
  cag_gui_set_field_error (self->funds_error, NULL);
  fresh = cag_store_fund_get (self->store, fund->id, NULL);
  set_fund_row (self, iter, fresh != NULL ? fresh : fund);
}

static void
has_fund_toggled_cb (CagCampaignDialog *self,
                     const char        *path)
{
  GtkTreeIter iter;
  gboolean has_fund;
  gint64 org_id;
  g_autoptr(CagFund) fund = NULL;
  g_autoptr(GError) error = NULL;

  if (!gtk_tree_model_get_iter_from_string (GTK_TREE_MODEL (self->fund_store), &iter, path))
    return;
  gtk_tree_model_get (GTK_TREE_MODEL (self->fund_store), &iter, FUND_COL_HAS_FUND, &has_fund,
                      FUND_COL_ORG_ID, &org_id, -1);
  if (has_fund)
    {
      /* A fund holds money: it is never closed from here. */
      cag_gui_set_field_error (self->funds_error,
                               _("A fund that is open stays open; to stop an organization’s saving, deactivate the organization."));
      return;
    }
  fund = cag_fund_new ();
  fund->organization_id = org_id;
  fund->campaign_id = self->campaign_id;
  if (!cag_store_fund_open (self->store, fund, &error))
    {
      cag_gui_set_field_error (self->funds_error, error->message);
      return;
    }
  cag_gui_set_field_error (self->funds_error, NULL);
  {
    g_autoptr(CagFund) fresh = cag_store_fund_get (self->store, fund->id, NULL);
    set_fund_row (self, &iter, fresh != NULL ? fresh : fund);
  }
}

static void
delegations_edited_cb (CagCampaignDialog *self,
                       const char        *path,
                       const char        *text)
{
  GtkTreeIter iter;
  g_autoptr(CagFund) fund = NULL;
  guint64 n = 0;

  if (!get_fund_at (self, path, &iter, &fund))
    return;
  if (!g_ascii_string_to_unsigned (text, 10, 1, 99, &n, NULL))
    {
      cag_gui_set_field_error (self->funds_error,
                               _("The number of delegations is a whole number from 1 to 99."));
      return;
    }
  fund->delegations = (gint) n;
  update_fund (self, &iter, fund);
}

static gboolean
parse_override (CagCampaignDialog *self,
                const char        *text,
                gint64            *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  if (*stripped == '\0' || g_strcmp0 (stripped, C_("gui", "auto")) == 0)
    {
      *out = 0;
      return TRUE;
    }
  if (!cag_money_parse (stripped, CAG_MONEY_POSITIVE, out, &error))
    {
      cag_gui_set_field_error (self->funds_error, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
target_edited_cb (CagCampaignDialog *self,
                  const char        *path,
                  const char        *text)
{
  GtkTreeIter iter;
  g_autoptr(CagFund) fund = NULL;
  gint64 cents;

  if (!get_fund_at (self, path, &iter, &fund) || !parse_override (self, text, &cents))
    return;
  fund->target_override_cents = cents;
  update_fund (self, &iter, fund);
}

static void
monthly_edited_cb (CagCampaignDialog *self,
                   const char        *path,
                   const char        *text)
{
  GtkTreeIter iter;
  g_autoptr(CagFund) fund = NULL;
  gint64 cents;

  if (!get_fund_at (self, path, &iter, &fund) || !parse_override (self, text, &cents))
    return;
  fund->monthly_override_cents = cents;
  update_fund (self, &iter, fund);
}

const char *
cag_campaign_dialog_edit_fund (CagCampaignDialog *self,
                               guint              row,
                               const char        *column,
                               const char        *text)
{
  g_autofree char *path = g_strdup_printf ("%u", row);

  g_return_val_if_fail (CAG_IS_CAMPAIGN_DIALOG (self), NULL);
  cag_gui_set_field_error (self->funds_error, NULL);
  if (g_strcmp0 (column, "fund") == 0)
    has_fund_toggled_cb (self, path);
  else if (g_strcmp0 (column, "delegations") == 0)
    delegations_edited_cb (self, path, text);
  else if (g_strcmp0 (column, "target") == 0)
    target_edited_cb (self, path, text);
  else if (g_strcmp0 (column, "monthly") == 0)
    monthly_edited_cb (self, path, text);
  else
    g_return_val_if_reached (NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->funds_error))
         ? gtk_label_get_text (self->funds_error) : "";
}

/* ---- type --------------------------------------------------------------- */

static void
response_cb (CagCampaignDialog *self,
             gint               response)
{
  if (response == GTK_RESPONSE_ACCEPT && !cag_campaign_dialog_save (self, NULL))
    g_signal_stop_emission_by_name (self, "response");
}

static void
cag_campaign_dialog_finalize (GObject *object)
{
  CagCampaignDialog *self = CAG_CAMPAIGN_DIALOG (object);

  g_clear_pointer (&self->original, cag_campaign_free);
  G_OBJECT_CLASS (cag_campaign_dialog_parent_class)->finalize (object);
}

static void
cag_campaign_dialog_class_init (CagCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cag_campaign_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, fund_store);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, name_hint);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, cost_entry);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, cost_hint);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, start_entry);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, start_hint);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, deadline_entry);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, deadline_hint);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, funds_box);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, fund_view);
  gtk_widget_class_bind_template_child (widget_class, CagCampaignDialog, funds_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, has_fund_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, delegations_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, monthly_edited_cb);
}

static void
cag_campaign_dialog_init (CagCampaignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cag_gui_name_from_labels (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

GtkWidget *
cag_campaign_dialog_new (GtkWindow *parent,
                         CagStore  *store,
                         gint64     campaign_id)
{
  CagCampaignDialog *self;
  GtkWidget *save;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CAG_TYPE_CAMPAIGN_DIALOG, "use-header-bar", TRUE,
                       "transient-for", parent,
                       "title", campaign_id > 0 ? _("Campaign and Fund Settings")
                                                : C_("gui", "New Campaign"),
                       NULL);
  self->store = store;
  self->campaign_id = campaign_id;

  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  save = gtk_dialog_add_button (GTK_DIALOG (self), campaign_id > 0 ? _("_Save") : _("C_reate"),
                                GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (save), "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);

  self->loading = TRUE;
  if (campaign_id > 0)
    self->original = cag_store_campaign_get (store, campaign_id, &error);
  if (self->original != NULL)
    {
      g_autofree char *cost = cag_money_format_plain (self->original->delegation_cost_cents,
                                                      cag_i18n_get_language () == CAG_LANG_FR
                                                      ? ',' : '.');
      g_autofree char *start = cag_date_to_iso (&self->original->start);
      g_autofree char *deadline = cag_date_to_iso (&self->original->deadline);

      gtk_entry_set_text (self->name_entry, self->original->name);
      gtk_entry_set_text (self->cost_entry, cost);
      gtk_entry_set_text (self->start_entry, start);
      gtk_entry_set_text (self->deadline_entry, deadline);
      load_funds (self);
      check_fields (self, NULL);
    }
  else
    {
      /* The seed's figures, as a starting point. */
      gtk_entry_set_text (self->cost_entry, cag_i18n_get_language () == CAG_LANG_FR
                                            ? "4500,00" : "4500.00");
      gtk_widget_hide (self->funds_box);
      if (error != NULL)
        cag_gui_set_field_error (self->general_error, error->message);
      gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT, FALSE);
    }
  self->loading = FALSE;
  return GTK_WIDGET (self);
}
