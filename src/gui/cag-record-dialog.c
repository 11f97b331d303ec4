/* cag-record-dialog.c — records one contribution, checking each field as
 * it is typed: Save stays disabled, and the reason shows, while a field is
 * wrong.  The organization is confirmed with its fund before saving, and a
 * date after the campaign's deadline is saved only once confirmed
 * (docs/GUI.md, "Recording a contribution"). */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-discard-guard.h"
#include "cag-error.h"
#include "cag-gui-util.h"
#include "cag-money.h"
#include "cag-date-picker.h"
#include "cag-org-picker.h"
#include "cag-record-dialog.h"
#include "cag-rules.h"

struct _CagRecordDialog
{
  GtkDialog          parent_instance;

  CagStore          *store;
  gint64             campaign_id;
  CagCampaign       *campaign;
  CagOrgPicker      *picker;
  CagDate            as_of;          /* the window's date, for the fund's figures */
  gint64             org_id;
  char              *org_name;       /* the chosen organization's full name */
  gint64             shown_fund_id;  /* the fund org_hint describes */
  gboolean           after_deadline;
  gboolean           deadline_confirmed;
  gint64             fund_id;
  CagDate            date;
  gint64             amount_cents;
  gboolean           valid;
  char              *reason;
  gint64             saved_id;
  char              *saved_text;
  gboolean           setting_org;

  GtkEntryCompletion *org_completion;
  GtkPopover        *calendar_popover;
  CagDatePicker     *calendar;
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

static void
load_organizations (CagRecordDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->campaign, cag_campaign_free);
  self->shown_fund_id = 0;
  if (self->campaign_id > 0)
    self->campaign = cag_store_campaign_get (self->store, self->campaign_id, &error);
  if ((self->campaign_id > 0 && self->campaign == NULL)
      || !cag_org_picker_load (self->picker, self->store, self->campaign_id, &error))
    set_hint (self->reason_label, error != NULL ? error->message : NULL, TRUE);
}

/* "La Spirale — Dakar 2005: 1 336,00 $ saved, 233,29 $ a month needed", the
 * fund's figures as of the window's date. */
static void
confirm_organization (CagRecordDialog *self)
{
  g_autoptr(CagFundStatus) status = NULL;
  g_autofree char *text = NULL;

  if (self->shown_fund_id == self->fund_id)
    return;
  self->shown_fund_id = self->fund_id;
  status = cag_store_fund_status (self->store, self->fund_id, &self->as_of, NULL);
  if (status != NULL)
    {
      g_autofree char *saved = cag_gui_money (status->figures.saved_cents);
      g_autofree char *needed = cag_gui_money (status->figures.monthly_needed_cents);

      /* TRANSLATORS: organization — campaign: amount saved, amount a month needed */
      text = g_strdup_printf (_("%s — %s: %s saved, %s a month needed"),
                              self->org_name, status->campaign_name, saved, needed);
    }
  else
    text = g_strdup (self->org_name);
  set_hint (self->org_hint, text, FALSE);
}

/* The date against the campaign: before its start is an error (returned),
 * after its deadline only a warning shown beside the date. */
static char *
check_campaign_date (CagRecordDialog *self,
                     const char      *shown)
{
  g_autoptr(GError) error = NULL;

  self->after_deadline = FALSE;
  if (self->campaign == NULL)
    return NULL;
  if (!cag_rules_check_contribution_date (self->campaign, self->date, &self->after_deadline,
                                          &error))
    return g_strdup (error->message);
  if (self->after_deadline)
    {
      g_autofree char *deadline = cag_gui_date (&self->campaign->deadline);
      g_autofree char *msg = NULL;

      /* TRANSLATORS: the date typed, then the campaign's deadline */
      msg = g_strdup_printf (_("%s — after the campaign’s deadline (%s): you will be asked "
                               "to confirm."), shown, deadline);
      set_hint (self->date_hint, msg, FALSE);
    }
  return NULL;
}

/* Keeps the first reason found: MESSAGE becomes *REASON unless there is one;
 * BESIDE_FIELD says it already shows beside its field. */
static void
keep_reason (char       **reason,
             gboolean    *beside,
             const char  *message,
             gboolean     beside_field)
{
  if (*reason != NULL)
    return;
  *reason = g_strdup (message);
  *beside = beside_field;
}

static gboolean
validate_organization (CagRecordDialog *self,
                       char           **reason,
                       gboolean        *beside)
{
  const char *org_text = gtk_entry_get_text (self->org_entry);
  const char *name = NULL;
  guint matches = 0;

  self->org_id = cag_org_picker_resolve (self->picker, org_text, &matches, &self->fund_id,
                                         &name);
  g_free (self->org_name);
  self->org_name = g_strdup (name);
  if (self->fund_id == 0)
    self->shown_fund_id = 0;
  if (*org_text == '\0')
    {
      set_hint (self->org_hint, NULL, FALSE);
      keep_reason (reason, beside, _("Choose the organization that paid."), FALSE);
      return FALSE;
    }
  if (self->fund_id == 0)
    {
      g_autofree char *msg = NULL;

      if (matches > 1)
        msg = g_strdup_printf (_("Several organizations match “%s”: choose one in the list."),
                               org_text);
      else
        msg = g_strdup_printf (_("No organization with a fund in this campaign matches “%s”."),
                               org_text);
      set_hint (self->org_hint, msg, TRUE);
      keep_reason (reason, beside, msg, TRUE);
      return FALSE;
    }
  confirm_organization (self);
  return TRUE;
}

static gboolean
validate_date (CagRecordDialog *self,
               char           **reason,
               gboolean        *beside)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *refused = NULL;
  CagDate today = cag_date_today ();

  self->after_deadline = FALSE;
  if (!cag_gui_parse_date (gtk_entry_get_text (self->date_entry), &self->date, &error))
    {
      set_hint (self->date_hint, error->message, TRUE);
      keep_reason (reason, beside, error->message, TRUE);
      return FALSE;
    }
  shown = cag_gui_date (&self->date);
  if (cag_date_compare (&self->date, &today) > 0)
    {
      g_autofree char *msg = g_strdup_printf (_("%s — in the future: check the date."), shown);
      set_hint (self->date_hint, msg, TRUE);
    }
  else
    set_hint (self->date_hint, shown, FALSE);
  refused = check_campaign_date (self, shown);
  if (refused == NULL)
    return TRUE;
  set_hint (self->date_hint, refused, TRUE);
  keep_reason (reason, beside, refused, TRUE);
  return FALSE;
}

static gboolean
validate_amount (CagRecordDialog *self,
                 char           **reason,
                 gboolean        *beside)
{
  const char *amount_text = gtk_entry_get_text (self->amount_entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  if (*amount_text == '\0')
    {
      set_hint (self->amount_hint, NULL, FALSE);
      keep_reason (reason, beside, _("Enter the amount received."), FALSE);
      return FALSE;
    }
  if (!cag_money_parse (amount_text, CAG_MONEY_POSITIVE, &self->amount_cents, &error))
    {
      set_hint (self->amount_hint, error->message, TRUE);
      keep_reason (reason, beside, error->message, TRUE);
      return FALSE;
    }
  shown = cag_gui_money (self->amount_cents);
  set_hint (self->amount_hint, shown, FALSE);
  return TRUE;
}

static void
validate (CagRecordDialog *self)
{
  g_autofree char *reason = NULL;
  gboolean beside = FALSE;     /* the reason is already shown beside its field */
  gboolean org_ok, date_ok, amount_ok;

  /* Each field shows its own state, whatever the others. */
  org_ok = validate_organization (self, &reason, &beside);
  date_ok = validate_date (self, &reason, &beside);
  amount_ok = validate_amount (self, &reason, &beside);

  self->valid = org_ok && date_ok && amount_ok;
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

  gtk_tree_model_get (model, iter, CAG_ORG_PICKER_COL_NAME, &name, -1);
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
  cag_date_picker_set_date (self->calendar, &date);
}

static void
calendar_day_selected_cb (CagRecordDialog *self)
{
  CagDate date;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->calendar_popover)))
    return;
  date = cag_date_picker_get_date (self->calendar);
  set_date (self, &date);
}

static void
calendar_day_chosen_cb (CagRecordDialog *self)
{
  gtk_popover_popdown (self->calendar_popover);
}

static void
deadline_confirmed_cb (GtkDialog *dialog,
                       gboolean   yes,
                       gpointer   user_data)
{
  CagRecordDialog *self = CAG_RECORD_DIALOG (dialog);

  if (!yes)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      return;
    }
  self->deadline_confirmed = TRUE;
  gtk_dialog_response (dialog, GTK_RESPONSE_ACCEPT);
}

/* Asks once before saving a contribution dated after the deadline. */
static gboolean
ask_about_deadline (CagRecordDialog *self)
{
  g_autofree char *deadline = NULL;
  g_autofree char *detail = NULL;

  validate (self);
  if (!self->valid || !self->after_deadline || self->deadline_confirmed || self->saved_id > 0)
    return FALSE;
  deadline = cag_gui_date (&self->campaign->deadline);
  detail = g_strdup_printf (_("The deadline of “%s” was %s. The contribution still counts in "
                              "the fund."), self->campaign->name, deadline);
  cag_gui_confirm (GTK_DIALOG (self), _("Record a contribution dated after the deadline?"),
                   detail, _("_Change the Date"), _("_Record It"), FALSE,
                   deadline_confirmed_cb, NULL);
  return TRUE;
}

static void
response_cb (CagRecordDialog *self,
             gint             response)
{
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  if (ask_about_deadline (self))
    {
      g_signal_stop_emission_by_name (self, "response");
      return;
    }
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
  if (self->after_deadline && !self->deadline_confirmed)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The date is after the campaign’s deadline: confirm it first."));
      return FALSE;
    }

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
  /* The organization chosen, never the typed text. */
  org = g_strdup (self->org_name);
  /* TRANSLATORS: "135,42 $ recorded for Coop du Quartier, dated 20 juin 2004." */
  self->saved_text = g_strdup_printf (_("%s recorded for %s, dated %s."), amount, org, date);
  return TRUE;
}

void
cag_record_dialog_set_as_of (CagRecordDialog *self,
                             const CagDate   *as_of)
{
  g_return_if_fail (CAG_IS_RECORD_DIALOG (self));
  self->as_of = as_of != NULL && cag_date_valid (as_of) ? *as_of : cag_date_today ();
  self->shown_fund_id = 0;
  validate (self);
}

const char *
cag_record_dialog_get_org_hint (CagRecordDialog *self)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->org_hint))
         ? gtk_label_get_text (self->org_hint) : "";
}

const char *
cag_record_dialog_get_date_hint (CagRecordDialog *self)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), NULL);
  return gtk_label_get_text (self->date_hint);
}

GtkEntryCompletion *
cag_record_dialog_get_completion (CagRecordDialog *self)
{
  g_return_val_if_fail (CAG_IS_RECORD_DIALOG (self), NULL);
  return self->org_completion;
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

CagDatePicker *
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

  g_clear_object (&self->picker);
  g_clear_pointer (&self->campaign, cag_campaign_free);
  g_clear_pointer (&self->org_name, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->saved_text, g_free);
  G_OBJECT_CLASS (cag_record_dialog_parent_class)->finalize (object);
}

static void
cag_record_dialog_class_init (CagRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CAG_TYPE_DATE_PICKER);

  object_class->finalize = cag_record_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-record-dialog.ui");
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
  gtk_widget_class_bind_template_callback (widget_class, campaign_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_chosen_cb);
}

static void
cag_record_dialog_init (CagRecordDialog *self)
{
  CagMethod m;

  self->picker = cag_org_picker_new ();
  self->as_of = cag_date_today ();
  self->reason = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));

  cag_gui_name_from_labels (GTK_WIDGET (self));
  self->org_completion = cag_org_picker_attach (self->picker, self->org_entry);
  gtk_entry_completion_set_inline_selection (self->org_completion, TRUE);
  g_signal_connect (self->org_completion, "match-selected", G_CALLBACK (org_match_selected_cb),
                    self);
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
  cag_discard_guard_attach (GTK_DIALOG (self));
  return GTK_WIDGET (self);
}

void
cag_record_dialog_set_rights (CagRecordDialog *self,
                              const CagRights *rights)
{
  g_return_if_fail (CAG_IS_RECORD_DIALOG (self));

  self->rights = rights;
  cag_org_picker_set_rights (self->picker, rights);
  load_organizations (self);
  validate (self);
}
