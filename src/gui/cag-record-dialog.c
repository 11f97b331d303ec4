/* cag-record-dialog.c — records one contribution, checking each field as
 * it is typed: Save stays disabled, and the reason shows, while a field is
 * wrong. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-error.h"
#include "cag-fold.h"
#include "cag-gui-util.h"
#include "cag-money.h"
#include "cag-record-dialog.h"

enum
{
  ORG_COL_NAME,
  ORG_COL_ID,
  ORG_COL_KEY,
};

struct _CagRecordDialog
{
  GtkDialog          parent_instance;

  CagStore          *store;
  gint64             campaign_id;
  GHashTable        *fund_by_org;    /* org id → fund id, for campaign_id */
  gint64             org_id;
  gint64             fund_id;
  CagDate            date;
  gint64             amount_cents;
  gboolean           valid;
  char              *reason;
  gint64             saved_id;
  char              *saved_text;
  gboolean           setting_org;

  GtkListStore      *org_store;
  GtkEntryCompletion *org_completion;
  GtkPopover        *calendar_popover;
  GtkCalendar       *calendar;
  GtkEntry          *org_entry;
  GtkLabel          *org_hint;
  GtkWidget         *campaign_label;
  GtkComboBoxText   *campaign_combo;
  GtkEntry          *date_entry;
  GtkWidget         *date_button;
  GtkLabel          *date_hint;
  GtkEntry          *amount_entry;
  GtkLabel          *amount_hint;
  GtkComboBoxText   *method_combo;
  GtkEntry          *reference_entry;
  GtkEntry          *note_entry;
  GtkLabel          *reason_label;
  const CagRights    *rights;         /* NULL: every organization */
};

G_DEFINE_FINAL_TYPE (CagRecordDialog, cag_record_dialog, GTK_TYPE_DIALOG)

/* ---- helpers ------------------------------------------------------------ */

static void
set_hint (GtkLabel   *label,
          const char *text,
          gboolean    is_error)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (label));

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  if (is_error)
    {
      gtk_style_context_remove_class (style, "dim-label");
      gtk_style_context_add_class (style, "field-error");
    }
  else
    {
      gtk_style_context_remove_class (style, "field-error");
      gtk_style_context_add_class (style, "dim-label");
    }
}

static gboolean
org_match_func (GtkEntryCompletion *completion,
                const char         *key,
                GtkTreeIter        *iter,
                gpointer            user_data)
{
  CagRecordDialog *self = user_data;
  g_autofree char *folded = cag_fold_key (gtk_entry_get_text (self->org_entry));
  g_autofree char *haystack = NULL;
  gboolean match;

  gtk_tree_model_get (GTK_TREE_MODEL (self->org_store), iter, ORG_COL_KEY, &haystack, -1);
  match = folded != NULL && *folded != '\0' && haystack != NULL
          && strstr (haystack, folded) != NULL;
  return match;
}

static void
load_organizations (CagRecordDialog *self)
{
  g_autoptr(GPtrArray) funds = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  g_hash_table_remove_all (self->fund_by_org);
  gtk_list_store_clear (self->org_store);
  if (self->campaign_id <= 0)
    return;

  funds = cag_store_fund_list (self->store, self->campaign_id, 0, &error);
  if (funds != NULL)
    orgs = cag_store_org_list (self->store, NULL, FALSE, &error);
  if (orgs == NULL)
    {
      set_hint (self->reason_label, error != NULL ? error->message : NULL, TRUE);
      return;
    }
  for (i = 0; i < funds->len; i++)
    {
      CagFund *fund = g_ptr_array_index (funds, i);
      gint64 *key, *value;

      if (self->rights != NULL && !cag_rights_may_write_org (self->rights, fund->organization_id))
        continue;
      key = g_new (gint64, 1);
      value = g_new (gint64, 1);

      *key = fund->organization_id;
      *value = fund->id;
      g_hash_table_insert (self->fund_by_org, key, value);
    }
  for (i = 0; i < orgs->len; i++)
    {
      CagOrganization *org = g_ptr_array_index (orgs, i);
      g_autofree char *joined = NULL;
      g_autofree char *key = NULL;

      if (!g_hash_table_contains (self->fund_by_org, &org->id))
        continue;
      joined = g_strjoin (" ", org->name, org->short_name ? org->short_name : "",
                          org->region ? org->region : "", NULL);
      key = cag_fold_key (joined);
      gtk_list_store_insert_with_values (self->org_store, NULL, -1,
                                         ORG_COL_NAME, org->name,
                                         ORG_COL_ID, org->id,
                                         ORG_COL_KEY, key,
                                         -1);
    }
}

/* The organization whose name or short name is exactly what was typed
 * (without regard to case and accents), or the only one that matches. */
static gint64
resolve_organization (CagRecordDialog *self,
                      guint           *out_matches)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->org_store);
  g_autofree char *typed = cag_fold_key (gtk_entry_get_text (self->org_entry));
  GtkTreeIter iter;
  gint64 only = 0;
  guint matches = 0;
  gboolean more;

  *out_matches = 0;
  if (typed == NULL || *typed == '\0')
    return 0;
  for (more = gtk_tree_model_get_iter_first (model, &iter); more;
       more = gtk_tree_model_iter_next (model, &iter))
    {
      g_autofree char *name = NULL;
      g_autofree char *key = NULL;
      g_autofree char *folded_name = NULL;
      gint64 id;

      gtk_tree_model_get (model, &iter, ORG_COL_NAME, &name, ORG_COL_ID, &id,
                          ORG_COL_KEY, &key, -1);
      folded_name = cag_fold_key (name);
      if (g_strcmp0 (folded_name, typed) == 0)
        {
          *out_matches = 1;
          return id;
        }
      if (key != NULL && strstr (key, typed) != NULL)
        {
          matches++;
          only = id;
        }
    }
  *out_matches = matches;
  return matches == 1 ? only : 0;
}

static void
validate (CagRecordDialog *self)
{
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) amount_error = NULL;
  const char *amount_text = gtk_entry_get_text (self->amount_entry);
  const char *org_text = gtk_entry_get_text (self->org_entry);
  g_autofree char *reason = NULL;
  gboolean beside = FALSE;     /* the reason is already shown beside its field */
  guint matches = 0;
  CagDate today = cag_date_today ();

  /* Organization */
  self->org_id = resolve_organization (self, &matches);
  self->fund_id = 0;
  if (self->org_id > 0)
    {
      gint64 *fund = g_hash_table_lookup (self->fund_by_org, &self->org_id);
      self->fund_id = fund != NULL ? *fund : 0;
    }
  if (*org_text == '\0')
    {
      set_hint (self->org_hint, NULL, FALSE);
      reason = g_strdup (_("Choose the organization that paid."));
    }
  else if (self->fund_id == 0)
    {
      g_autofree char *msg = NULL;

      if (matches > 1)
        msg = g_strdup_printf (_("Several organizations match “%s”: choose one in the list."),
                               org_text);
      else
        msg = g_strdup_printf (_("No organization with a fund in this campaign matches “%s”."),
                               org_text);
      set_hint (self->org_hint, msg, TRUE);
      reason = g_steal_pointer (&msg);
      beside = TRUE;
    }
  else
    set_hint (self->org_hint, NULL, FALSE);

  /* Date */
  if (cag_gui_parse_date (gtk_entry_get_text (self->date_entry), &self->date, &date_error))
    {
      g_autofree char *shown = cag_gui_date (&self->date);

      if (cag_date_compare (&self->date, &today) > 0)
        {
          g_autofree char *msg = g_strdup_printf (_("%s — in the future: check the date."), shown);
          set_hint (self->date_hint, msg, TRUE);
        }
      else
        set_hint (self->date_hint, shown, FALSE);
    }
  else
    {
      set_hint (self->date_hint, date_error->message, TRUE);
      if (reason == NULL)
        {
          reason = g_strdup (date_error->message);
          beside = TRUE;
        }
    }

  /* Amount */
  if (*amount_text == '\0')
    {
      set_hint (self->amount_hint, NULL, FALSE);
      if (reason == NULL)
        reason = g_strdup (_("Enter the amount received."));
    }
  else if (cag_money_parse (amount_text, CAG_MONEY_POSITIVE, &self->amount_cents, &amount_error))
    {
      g_autofree char *shown = cag_gui_money (self->amount_cents);
      set_hint (self->amount_hint, shown, FALSE);
    }
  else
    {
      set_hint (self->amount_hint, amount_error->message, TRUE);
      if (reason == NULL)
        {
          reason = g_strdup (amount_error->message);
          beside = TRUE;
        }
    }

  self->valid = reason == NULL && date_error == NULL && amount_error == NULL;
  g_free (self->reason);
  self->reason = reason != NULL ? g_steal_pointer (&reason) : g_strdup ("");
  if (self->valid)
    set_hint (self->reason_label, _("Press Enter to save."), FALSE);
  else
    set_hint (self->reason_label, beside ? NULL : self->reason, FALSE);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT, self->valid);
}

static void
load_campaigns (CagRecordDialog *self)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  campaigns = cag_store_campaign_list (self->store, &error);
  if (campaigns == NULL)
    return;
  for (i = 0; i < campaigns->len; i++)
    {
      CagCampaign *c = g_ptr_array_index (campaigns, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
      gtk_combo_box_text_append (self->campaign_combo, id, c->name);
    }
  /* The campaign is asked only when there is a choice. */
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_combo), campaigns->len > 1);
  gtk_widget_set_visible (self->campaign_label, campaigns->len > 1);
}

static void
set_date (CagRecordDialog *self,
          const CagDate   *date)
{
  g_autofree char *iso = cag_date_to_iso (date);
  gtk_entry_set_text (self->date_entry, iso);
}

/* ---- callbacks ---------------------------------------------------------- */

static void
field_changed_cb (CagRecordDialog *self)
{
  if (!self->setting_org)
    validate (self);
}

static gboolean
org_match_selected_cb (GtkEntryCompletion *completion,
                       GtkTreeModel       *model,
                       GtkTreeIter        *iter,
                       CagRecordDialog    *self)
{
  g_autofree char *name = NULL;

  gtk_tree_model_get (model, iter, ORG_COL_NAME, &name, -1);
  gtk_entry_set_text (self->org_entry, name);
  gtk_editable_set_position (GTK_EDITABLE (self->org_entry), -1);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
  return TRUE;
}

static void
campaign_changed_cb (CagRecordDialog *self)
{
  const char *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->campaign_combo));

  if (id == NULL)
    return;
  self->campaign_id = g_ascii_strtoll (id, NULL, 10);
  load_organizations (self);
  validate (self);
}

static void
date_button_toggled_cb (CagRecordDialog *self)
{
  CagDate date;

  if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->date_button)))
    return;
  if (!cag_gui_parse_date (gtk_entry_get_text (self->date_entry), &date, NULL))
    date = cag_date_today ();
  gtk_calendar_select_month (self->calendar, date.month - 1, date.year);
  gtk_calendar_select_day (self->calendar, date.day);
}

static void
calendar_day_selected_cb (CagRecordDialog *self)
{
  guint year, month, day;
  CagDate date;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->calendar_popover)))
    return;
  gtk_calendar_get_date (self->calendar, &year, &month, &day);
  date.year = year;
  date.month = month + 1;
  date.day = day;
  set_date (self, &date);
}

static void
calendar_day_chosen_cb (CagRecordDialog *self)
{
  gtk_popover_popdown (self->calendar_popover);
}

static void
response_cb (CagRecordDialog *self,
             gint             response)
{
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  if (!cag_record_dialog_save (self, &error))
    {
      /* Keep the dialog open with what went wrong. */
      g_signal_stop_emission_by_name (self, "response");
      if (error != NULL)
        set_hint (self->reason_label, error->message, TRUE);
    }
}

/* ---- public API --------------------------------------------------------- */

void
cag_record_dialog_set_method (CagRecordDialog *self,
                              const char      *method)
{
  CagMethod m;

  g_return_if_fail (CAG_IS_RECORD_DIALOG (self));
  if (method != NULL && cag_method_from_string (method, &m))
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->method_combo), method);
}

gboolean
cag_record_dialog_asks_campaign (CagRecordDialog *self)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->campaign_combo));
}

const char *
cag_record_dialog_get_method (CagRecordDialog *self)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), NULL);
  return gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->method_combo));
}

gboolean
cag_record_dialog_is_valid (CagRecordDialog *self)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), FALSE);
  return self->valid;
}

const char *
cag_record_dialog_get_reason (CagRecordDialog *self)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), NULL);
  return self->reason;
}

gboolean
cag_record_dialog_save (CagRecordDialog *self,
                        GError         **error)
{
  g_autoptr(CagContribution) c = NULL;
  const char *method;
  const char *reference;
  const char *note;
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  g_autofree char *org = NULL;

  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), FALSE);

  validate (self);
  if (!self->valid)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID, self->reason);
      return FALSE;
    }
  if (self->saved_id > 0)
    return TRUE;

  c = cag_contribution_new ();
  c->fund_id = self->fund_id;
  c->date = self->date;
  c->amount_cents = self->amount_cents;
  method = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->method_combo));
  if (method == NULL || !cag_method_from_string (method, &c->method))
    c->method = CAG_METHOD_CHEQUE;
  reference = gtk_entry_get_text (self->reference_entry);
  note = gtk_entry_get_text (self->note_entry);
  c->reference = *reference != '\0' ? g_strdup (reference) : NULL;
  c->note = *note != '\0' ? g_strdup (note) : NULL;

  if (!cag_store_contribution_add (self->store, c, error))
    return FALSE;

  self->saved_id = c->id;
  amount = cag_gui_money (c->amount_cents);
  date = cag_gui_date (&c->date);
  org = g_strdup (gtk_entry_get_text (self->org_entry));
  /* TRANSLATORS: "135,42 $ recorded for Coop du Quartier, dated 20 juin 2004." */
  self->saved_text = g_strdup_printf (_("%s recorded for %s, dated %s."), amount, org, date);
  return TRUE;
}

gint64
cag_record_dialog_get_saved_id (CagRecordDialog *self)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), 0);
  return self->saved_id;
}

char *
cag_record_dialog_describe_saved (CagRecordDialog *self)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), NULL);
  return g_strdup (self->saved_text != NULL ? self->saved_text : "");
}

GtkCalendar *
cag_record_dialog_open_calendar (CagRecordDialog *self)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->date_button), TRUE);
  return self->calendar;
}

GtkEntry *
cag_record_dialog_get_entry (CagRecordDialog *self,
                             const char      *name)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), NULL);

  if (g_strcmp0 (name, "organization") == 0)
    return self->org_entry;
  if (g_strcmp0 (name, "date") == 0)
    return self->date_entry;
  if (g_strcmp0 (name, "amount") == 0)
    return self->amount_entry;
  if (g_strcmp0 (name, "reference") == 0)
    return self->reference_entry;
  if (g_strcmp0 (name, "note") == 0)
    return self->note_entry;
  g_return_val_if_reached (NULL);
}

/* ---- type --------------------------------------------------------------- */

static void
cag_record_dialog_finalize (GObject *object)
{
  CagRecordDialog *self = CAG_RECORD_DIALOG (object);

  g_clear_pointer (&self->fund_by_org, g_hash_table_unref);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->saved_text, g_free);
  G_OBJECT_CLASS (cag_record_dialog_parent_class)->finalize (object);
}

static void
cag_record_dialog_class_init (CagRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cag_record_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, org_store);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, org_completion);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, org_entry);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, org_hint);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, campaign_label);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, campaign_combo);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, date_hint);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, amount_hint);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, method_combo);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, reference_entry);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, CagRecordDialog, reason_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, org_match_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, campaign_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_chosen_cb);
}

static void
cag_record_dialog_init (CagRecordDialog *self)
{
  CagMethod m;

  self->fund_by_org = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->reason = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));

  cag_gui_name_from_labels (GTK_WIDGET (self));
  gtk_entry_completion_set_match_func (self->org_completion, org_match_func, self, NULL);
  for (m = CAG_METHOD_CHEQUE; m <= CAG_METHOD_OTHER; m++)
    gtk_combo_box_text_append (self->method_combo, cag_method_to_string (m),
                               cag_method_label (m));
  gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->method_combo),
                               cag_method_to_string (CAG_METHOD_CHEQUE));
  /* Connected first, so that a failed save stops the response before the
   * window sees it. */
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

GtkWidget *
cag_record_dialog_new (GtkWindow *parent,
                       CagStore  *store,
                       gint64     campaign_id,
                       gint64     org_id)
{
  CagRecordDialog *self;
  CagDate today = cag_date_today ();
  GtkWidget *save;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CAG_TYPE_RECORD_DIALOG,
                       "use-header-bar", TRUE,
                       "transient-for", parent,
                       NULL);
  self->store = store;
  self->campaign_id = campaign_id;

  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  save = gtk_dialog_add_button (GTK_DIALOG (self), _("_Save"), GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (save), "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);

  load_campaigns (self);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, campaign_id);
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->campaign_combo), id);
  }
  load_organizations (self);
  set_date (self, &today);

  if (org_id > 0)
    {
      g_autoptr(CagOrganization) org = cag_store_org_get (store, org_id, NULL);
      if (org != NULL)
        gtk_entry_set_text (self->org_entry, org->name);
    }
  validate (self);
  gtk_widget_grab_focus (org_id > 0 ? GTK_WIDGET (self->amount_entry)
                                    : GTK_WIDGET (self->org_entry));
  return GTK_WIDGET (self);
}

void
cag_record_dialog_set_rights (CagRecordDialog *self,
                              const CagRights *rights)
{
  g_return_if_fail (CAG_IS_RECORD_DIALOG (self));

  self->rights = rights;
  load_organizations (self);
  validate (self);
}
