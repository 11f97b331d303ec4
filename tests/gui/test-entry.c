/* test-entry.c — the treasurer's entry (docs/GUI.md, "Recording",
 * "Batch entry", "Keyboard", "Undo"), in process under Xvfb: the record
 * dialog confirms the organization with its fund, the campaign's dates are
 * enforced, batch entry's deposit date and keys, Escape on a half-filled
 * dialog, Ctrl+Z and Delete. */
#include "config.h"

#include <string.h>

#include "cag-batch-dialog.h"
#include "cag-discard-guard.h"
#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-org-detail.h"
#include "cag-org-list.h"
#include "cag-org-picker.h"
#include "cag-record-dialog.h"
#include "cag-window.h"
#include "gui-test-util.h"

typedef struct
{
  GuiTestData  data;
  CagWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  gui_test_data_init (&f->data, TRUE);
  f->window = cag_window_new (NULL);
  cag_window_set_store (f->window, g_steal_pointer (&f->data.store));
  gtk_widget_show (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  gtk_widget_destroy (GTK_WIDGET (f->window));
  gui_test_flush (50);
  gui_test_data_clear (&f->data);
}

/* The text a person reads, in the language of the run (LANGUAGE=fr or en). */
static const char *
tr (const char *en,
    const char *fr)
{
  return cag_i18n_get_language () == CAG_LANG_FR ? fr : en;
}

static CagStore *
store_of (Fixture *f)
{
  return cag_window_get_store (f->window);
}

static void
set_entry (CagRecordDialog *dialog,
           const char      *name,
           const char      *text)
{
  gtk_entry_set_text (cag_record_dialog_get_entry (dialog, name), text);
}

static const char *
notification_text (Fixture *f)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (f->window), CAG_TYPE_WINDOW,
                                                  "notification_label");
  return gtk_label_get_text (GTK_LABEL (label));
}

static guint
count_contributions (Fixture *f)
{
  g_autoptr(GPtrArray) all = cag_store_contribution_list (store_of (f), 0, 0, NULL);
  return all->len;
}

/* ---- item 1: the organization is confirmed ------------------------------ */

static void
test_record_confirms_organization (Fixture       *f,
                                   gconstpointer  user_data)
{
  CagRecordDialog *dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, 0));
  GtkEntryCompletion *completion = cag_record_dialog_get_completion (dialog);
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  const CagDate as_of = *cag_window_get_as_of (f->window);
  g_autoptr(CagFundStatus) status = NULL;
  g_autofree char *row = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *needed = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  const char *named;
  GtkTreeIter iter;

  /* The suggestions show name, short name and region. */
  g_assert_true (gtk_tree_model_get_iter_first (model, &iter));
  row = cag_org_picker_describe_row (completion, &iter);
  g_test_message ("first suggestion: %s", row);
  g_assert_cmpstr (row, ==, "Carrefour Capitale-Nationale | CCN · Capitale-Nationale");

  /* Nothing typed, nothing confirmed. */
  g_assert_cmpstr (cag_record_dialog_get_org_hint (dialog), ==, "");

  /* "cdq" designates one organization: its full name and fund show. */
  set_entry (dialog, "organization", "cdq");
  status = cag_store_fund_status (store_of (f), f->data.fund_ids[0], &as_of, NULL);
  saved = cag_money_format (status->figures.saved_cents, cag_i18n_get_language ());
  needed = cag_money_format (status->figures.monthly_needed_cents, cag_i18n_get_language ());
  if (cag_i18n_get_language () == CAG_LANG_FR)
    expected = g_strdup_printf ("Coopérative du Quartier — Dakar 2005 : %s épargnés, %s par mois "
                                "nécessaires", saved, needed);
  else
    expected = g_strdup_printf ("Coopérative du Quartier — Dakar 2005: %s saved, %s a month needed",
                                saved, needed);
  g_assert_cmpstr (cag_record_dialog_get_org_hint (dialog), ==, expected);
  g_assert_cmpint (status->figures.saved_cents, ==, 12 * 12500);

  /* Accents and case are ignored; a region that only one has designates it. */
  set_entry (dialog, "organization", "RESEAU SOLIDAIRE");
  g_assert_nonnull (strstr (cag_record_dialog_get_org_hint (dialog),
                            "Réseau solidaire de l’Outaouais — Dakar 2005"));
  set_entry (dialog, "organization", "mauricie");
  g_assert_nonnull (strstr (cag_record_dialog_get_org_hint (dialog),
                            "Table d’économie sociale de la Mauricie —"));

  /* The notification names the organization, not what was typed. */
  set_entry (dialog, "organization", "cdq");
  set_entry (dialog, "amount", "10");
  g_object_ref (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  message = cag_record_dialog_describe_saved (dialog);
  g_object_unref (dialog);
  named = tr ("recorded for Coopérative du Quartier,", "enregistrés pour Coopérative du Quartier,");
  g_assert_nonnull (strstr (message, named));
  g_assert_nonnull (strstr (notification_text (f), named));
  g_assert_null (strstr (notification_text (f), "cdq"));
}

/* The figures follow the window's "As of" date. */
static void
test_record_confirms_as_of (Fixture       *f,
                            gconstpointer  user_data)
{
  CagRecordDialog *dialog;
  CagDate early = cag_date_today ();
  g_autoptr(CagFundStatus) status = NULL;
  g_autofree char *saved = NULL;

  early = cag_month_first_day (cag_month_index (&early) - 11);
  early.day = 20;     /* after the first contribution (the 15th), before the second */
  cag_window_set_as_of (f->window, &early);
  dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, 0));
  set_entry (dialog, "organization", "Coopérative du Quartier");
  status = cag_store_fund_status (store_of (f), f->data.fund_ids[0], &early, NULL);
  g_assert_cmpint (status->figures.saved_cents, ==, 2 * 12500);
  saved = cag_money_format (status->figures.saved_cents, cag_i18n_get_language ());
  g_assert_nonnull (strstr (cag_record_dialog_get_org_hint (dialog), saved));
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

/* `ecof` finds ÉCOF, in the record dialog and in batch entry. */
static void
test_ecof (Fixture       *f,
           gconstpointer  user_data)
{
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(CagFund) fund = cag_fund_new ();
  g_autoptr(GError) error = NULL;
  CagRecordDialog *record;
  CagBatchDialog *batch;

  org->name = g_strdup ("Économie communautaire de Francheville");
  org->short_name = g_strdup ("ÉCOF");
  org->region = g_strdup ("Mauricie");
  g_assert_true (cag_store_org_add (store_of (f), org, &error));
  fund->organization_id = org->id;
  fund->campaign_id = f->data.campaign_id;
  g_assert_true (cag_store_fund_open (store_of (f), fund, &error));
  g_assert_no_error (error);

  record = CAG_RECORD_DIALOG (cag_window_record (f->window, 0));
  set_entry (record, "organization", "ecof");
  g_assert_true (g_str_has_prefix (cag_record_dialog_get_org_hint (record),
                                   "Économie communautaire de Francheville — Dakar 2005"));
  gtk_widget_destroy (GTK_WIDGET (record));

  batch = CAG_BATCH_DIALOG (cag_window_batch (f->window));
  cag_batch_dialog_set_row (batch, 0, "ecof", NULL, "42", NULL, NULL);
  cag_batch_dialog_set_declared (batch, 1, "42");
  g_test_message ("status: %s", cag_batch_dialog_get_status (batch));
  g_assert_true (cag_batch_dialog_is_valid (batch));
  g_object_ref (batch);
  gtk_dialog_response (GTK_DIALOG (batch), GTK_RESPONSE_ACCEPT);
  g_assert_cmpuint (cag_batch_dialog_get_saved_ids (batch)->len, ==, 1);
  g_object_unref (batch);
  {
    g_autoptr(GPtrArray) rows = cag_store_contribution_list (store_of (f), fund->id, 0, NULL);
    g_assert_cmpuint (rows->len, ==, 1);
  }
}

/* ---- item 2: dates inside the campaign ---------------------------------- */

static void
test_record_campaign_dates (Fixture       *f,
                            gconstpointer  user_data)
{
  g_autoptr(CagCampaign) campaign = cag_store_campaign_get (store_of (f), f->data.campaign_id,
                                                            NULL);
  CagRecordDialog *dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, 0));
  g_autofree char *before = NULL;
  g_autofree char *start = cag_date_format (&campaign->start, cag_i18n_get_language ());
  g_autofree char *after = NULL;
  CagDate day = campaign->start;
  GtkDialog *question;
  guint n = count_contributions (f);

  /* The day before the start is refused, naming the start. */
  day = cag_date_from_days (cag_date_to_days (&day) - 1);
  before = cag_date_to_iso (&day);
  set_entry (dialog, "organization", "CDQ");
  set_entry (dialog, "amount", "25");
  set_entry (dialog, "date", before);
  g_assert_false (cag_record_dialog_is_valid (dialog));
  g_test_message ("reason: %s", cag_record_dialog_get_reason (dialog));
  g_assert_nonnull (strstr (cag_record_dialog_get_reason (dialog), start));
  g_assert_nonnull (strstr (cag_record_dialog_get_date_hint (dialog), start));

  /* After the deadline: allowed, but the window asks once. */
  day = campaign->deadline;
  day = cag_date_from_days (cag_date_to_days (&day) + 3);
  after = cag_date_to_iso (&day);
  set_entry (dialog, "date", after);
  g_assert_true (cag_record_dialog_is_valid (dialog));
  g_assert_nonnull (strstr (cag_record_dialog_get_date_hint (dialog),
                            tr ("deadline", "échéance")));
  g_object_ref (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  question = cag_discard_guard_get_question (GTK_DIALOG (dialog));
  g_assert_nonnull (question);
  g_assert_cmpuint (count_contributions (f), ==, n);      /* nothing saved yet */
  /* "Change the date": still nothing saved, the dialog stays. */
  gtk_dialog_response (question, GTK_RESPONSE_CANCEL);
  g_assert_null (cag_discard_guard_get_question (GTK_DIALOG (dialog)));
  g_assert_cmpint (cag_record_dialog_get_saved_id (dialog), ==, 0);
  /* Asked again on the next save; "Record it" saves. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  question = cag_discard_guard_get_question (GTK_DIALOG (dialog));
  g_assert_nonnull (question);
  gtk_dialog_response (question, GTK_RESPONSE_ACCEPT);
  g_assert_cmpint (cag_record_dialog_get_saved_id (dialog), >, 0);
  g_assert_cmpuint (count_contributions (f), ==, n + 1);
  g_object_unref (dialog);
}

/* ---- item 3: batch entry ------------------------------------------------ */

static void
test_batch_deposit_date (Fixture       *f,
                         gconstpointer  user_data)
{
  CagBatchDialog *dialog = CAG_BATCH_DIALOG (cag_window_batch (f->window));
  g_autoptr(CagCampaign) campaign = cag_store_campaign_get (store_of (f), f->data.campaign_id,
                                                            NULL);
  CagDate day = campaign->start;
  g_autofree char *early = NULL;
  GArray *ids;
  guint n = count_contributions (f);

  /* Nothing typed: a hint, no error. */
  g_assert_false (cag_batch_dialog_is_valid (dialog));
  g_assert_false (cag_batch_dialog_status_is_error (dialog));

  /* Every row takes the deposit date, unless its own was changed. */
  cag_batch_dialog_set_deposit_date (dialog, "2005-01-14");
  g_assert_cmpstr (cag_batch_dialog_get_row_date (dialog, 0), ==, "2005-01-14");
  g_assert_cmpstr (cag_batch_dialog_get_row_date (dialog, 5), ==, "2005-01-14");
  gtk_entry_set_text (GTK_ENTRY (cag_batch_dialog_get_cell (dialog, 1, "date")), "2005-01-10");
  cag_batch_dialog_set_deposit_date (dialog, "2005-01-15");
  g_assert_cmpstr (cag_batch_dialog_get_row_date (dialog, 0), ==, "2005-01-15");
  g_assert_cmpstr (cag_batch_dialog_get_row_date (dialog, 1), ==, "2005-01-10");
  g_assert_cmpstr (cag_batch_dialog_get_row_date (dialog, 2), ==, "2005-01-15");

  /* Case and accents are ignored: a part of the name is enough when only
   * one organization has it. */
  cag_batch_dialog_set_deposit_date (dialog, "");
  {
    CagDate today = cag_date_today ();
    g_autofree char *iso = cag_date_to_iso (&today);
    cag_batch_dialog_set_deposit_date (dialog, iso);
    gtk_entry_set_text (GTK_ENTRY (cag_batch_dialog_get_cell (dialog, 1, "date")), iso);
  }
  cag_batch_dialog_set_row (dialog, 0, "reseau SOLIDAIRE", NULL, "10", NULL, "1");
  cag_batch_dialog_set_row (dialog, 1, "tésm", NULL, "20", NULL, "2");
  cag_batch_dialog_set_declared (dialog, 2, "30");
  g_test_message ("status: %s", cag_batch_dialog_get_status (dialog));
  g_assert_true (cag_batch_dialog_is_valid (dialog));

  /* A row dated before the campaign's start is refused. */
  day = cag_date_from_days (cag_date_to_days (&day) - 1);
  early = cag_date_to_iso (&day);
  cag_batch_dialog_set_row (dialog, 1, "tésm", early, "20", NULL, "2");
  g_assert_false (cag_batch_dialog_is_valid (dialog));
  g_assert_true (cag_batch_dialog_status_is_error (dialog));
  g_assert_nonnull (strstr (cag_batch_dialog_get_status (dialog), tr ("Row 2", "Ligne 2")));
  cag_batch_dialog_set_row (dialog, 1, "tésm", NULL, "20", NULL, "2");
  gtk_entry_set_text (GTK_ENTRY (cag_batch_dialog_get_cell (dialog, 1, "date")),
                      cag_batch_dialog_get_row_date (dialog, 0));
  g_assert_true (cag_batch_dialog_is_valid (dialog));

  g_object_ref (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  ids = cag_batch_dialog_get_saved_ids (dialog);
  g_assert_cmpuint (ids->len, ==, 2);
  g_object_unref (dialog);
  g_assert_cmpuint (count_contributions (f), ==, n + 2);
}

/* Rows after the deadline: asked once for all of them before saving. */
static void
test_batch_after_deadline (Fixture       *f,
                           gconstpointer  user_data)
{
  g_autoptr(CagCampaign) campaign = cag_store_campaign_get (store_of (f), f->data.campaign_id,
                                                            NULL);
  CagDate late = cag_date_from_days (cag_date_to_days (&campaign->deadline) + 10);
  g_autofree char *iso = cag_date_to_iso (&late);
  CagBatchDialog *dialog = CAG_BATCH_DIALOG (cag_window_batch (f->window));
  GtkDialog *question;
  guint n = count_contributions (f);

  cag_batch_dialog_set_deposit_date (dialog, iso);
  cag_batch_dialog_set_row (dialog, 0, "CDQ", NULL, "10", NULL, NULL);
  cag_batch_dialog_set_row (dialog, 1, "RSO", NULL, "20", NULL, NULL);
  cag_batch_dialog_set_declared (dialog, 2, "30");
  g_assert_true (cag_batch_dialog_is_valid (dialog));
  g_object_ref (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  question = cag_discard_guard_get_question (GTK_DIALOG (dialog));
  g_assert_nonnull (question);
  g_assert_cmpuint (count_contributions (f), ==, n);
  gtk_dialog_response (question, GTK_RESPONSE_ACCEPT);
  g_assert_null (cag_discard_guard_get_question (GTK_DIALOG (dialog)));
  g_assert_cmpuint (cag_batch_dialog_get_saved_ids (dialog)->len, ==, 2);
  g_object_unref (dialog);
  g_assert_cmpuint (count_contributions (f), ==, n + 2);
}

static gboolean
send_key (GtkWidget *widget,
          guint      keyval,
          GdkModifierType state)
{
  GdkEvent *event = gdk_event_new (GDK_KEY_PRESS);
  gboolean handled;

  event->key.window = g_object_ref (gtk_widget_get_window (widget));
  event->key.keyval = keyval;
  event->key.state = state;
  event->key.time = GDK_CURRENT_TIME;
  gdk_event_set_device (event, gdk_seat_get_keyboard (gdk_display_get_default_seat (
                                 gtk_widget_get_display (widget))));
  handled = gtk_widget_event (widget, event);
  gdk_event_free (event);
  return handled;
}

static void
test_batch_keys (Fixture       *f,
                 gconstpointer  user_data)
{
  CagBatchDialog *dialog = CAG_BATCH_DIALOG (cag_window_batch (f->window));
  guint rows;
  guint n = count_contributions (f);
  GtkWidget *last;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  rows = cag_batch_dialog_get_n_rows (dialog);

  /* Enter on the last row adds a row and goes there. */
  last = cag_batch_dialog_get_cell (dialog, rows - 1, "amount");
  gtk_widget_grab_focus (last);
  gtk_widget_activate (last);
  g_assert_cmpuint (cag_batch_dialog_get_n_rows (dialog), ==, rows + 1);
  g_assert_true (gtk_widget_has_focus (cag_batch_dialog_get_cell (dialog, rows, "organization")));
  /* Tab goes to the next cell of the row just added, before it is even
   * drawn; Shift+Tab back; Tab from a reference to the next row. */
  g_assert_true (send_key (cag_batch_dialog_get_cell (dialog, rows, "organization"),
                           GDK_KEY_Tab, 0));
  g_assert_true (gtk_widget_has_focus (cag_batch_dialog_get_cell (dialog, rows, "date")));
  g_assert_true (send_key (cag_batch_dialog_get_cell (dialog, rows, "date"), GDK_KEY_ISO_Left_Tab,
                           GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_has_focus (cag_batch_dialog_get_cell (dialog, rows, "organization")));
  gtk_widget_grab_focus (cag_batch_dialog_get_cell (dialog, 0, "reference"));
  g_assert_true (send_key (cag_batch_dialog_get_cell (dialog, 0, "reference"), GDK_KEY_Tab, 0));
  g_assert_true (gtk_widget_has_focus (cag_batch_dialog_get_cell (dialog, 1, "organization")));

  /* Enter on another row goes to the next one. */
  gtk_widget_activate (cag_batch_dialog_get_cell (dialog, 0, "reference"));
  g_assert_true (gtk_widget_has_focus (cag_batch_dialog_get_cell (dialog, 1, "organization")));
  g_assert_cmpuint (cag_batch_dialog_get_n_rows (dialog), ==, rows + 1);

  /* Leaving an organization cell writes the full name of the one it
   * designates; a text that designates none stays as typed. */
  gtk_widget_grab_focus (cag_batch_dialog_get_cell (dialog, 2, "organization"));
  gtk_entry_set_text (GTK_ENTRY (cag_batch_dialog_get_cell (dialog, 2, "organization")), "reseau");
  gtk_widget_grab_focus (cag_batch_dialog_get_cell (dialog, 2, "date"));
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (cag_batch_dialog_get_cell (dialog, 2,
                                                                            "organization"))),
                   ==, "Réseau solidaire de l’Outaouais");
  gtk_widget_grab_focus (cag_batch_dialog_get_cell (dialog, 3, "organization"));
  gtk_entry_set_text (GTK_ENTRY (cag_batch_dialog_get_cell (dialog, 3, "organization")), "co");
  gtk_widget_grab_focus (cag_batch_dialog_get_cell (dialog, 3, "amount"));
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (cag_batch_dialog_get_cell (dialog, 3,
                                                                            "organization"))),
                   ==, "co");
  gtk_entry_set_text (GTK_ENTRY (cag_batch_dialog_get_cell (dialog, 2, "organization")), "");
  gtk_entry_set_text (GTK_ENTRY (cag_batch_dialog_get_cell (dialog, 3, "organization")), "");

  /* Ctrl+Enter saves only once everything matches. */
  cag_batch_dialog_set_row (dialog, 0, "CDQ", NULL, "12,50", NULL, "77");
  g_object_ref (dialog);
  g_assert_true (send_key (GTK_WIDGET (dialog), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpuint (cag_batch_dialog_get_saved_ids (dialog)->len, ==, 0);
  cag_batch_dialog_set_declared (dialog, 1, "12.50");
  g_assert_true (send_key (GTK_WIDGET (dialog), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpuint (cag_batch_dialog_get_saved_ids (dialog)->len, ==, 1);
  g_object_unref (dialog);
  g_assert_cmpuint (count_contributions (f), ==, n + 1);
}

/* ---- item 4: Escape, Ctrl+Z, Delete ------------------------------------- */

/* A dialog with nothing typed closes on Escape; once something is typed,
 * Escape asks, "Keep Editing" keeps it, "Discard" closes it. */
static void
check_escape (GtkDialog *dialog,
              GtkEntry  *field)
{
  GtkWidget *weak = GTK_WIDGET (dialog);
  GtkDialog *question;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_entry_set_text (field, "Half typed");
  g_signal_emit_by_name (dialog, "close");     /* what Escape does */
  gui_test_flush (50);
  g_assert_nonnull (weak);
  question = cag_discard_guard_get_question (dialog);
  g_assert_nonnull (question);
  gtk_dialog_response (question, GTK_RESPONSE_CANCEL);
  gui_test_flush (50);
  g_assert_nonnull (weak);
  g_assert_null (cag_discard_guard_get_question (dialog));

  g_signal_emit_by_name (dialog, "close");
  gui_test_flush (50);
  question = cag_discard_guard_get_question (dialog);
  g_assert_nonnull (question);
  gtk_dialog_response (question, GTK_RESPONSE_ACCEPT);
  gui_test_flush (50);
  g_assert_null (weak);
}

static void
check_escape_untouched (GtkDialog *dialog)
{
  GtkWidget *weak = GTK_WIDGET (dialog);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  g_signal_emit_by_name (dialog, "close");
  gui_test_flush (50);
  g_assert_null (weak);
}

static GtkEntry *
first_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget) && gtk_widget_get_visible (widget))
    return GTK_ENTRY (widget);
  if (GTK_IS_CONTAINER (widget))
    {
      g_autoptr(GList) children = gtk_container_get_children (GTK_CONTAINER (widget));
      for (GList *l = children; l != NULL; l = l->next)
        {
          GtkEntry *found = first_entry (l->data);
          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static void
test_escape_asks (Fixture       *f,
                  gconstpointer  user_data)
{
  CagOrgList *org_list = CAG_ORG_LIST (cag_window_get_org_list (f->window));
  GtkWidget *dialog;

  check_escape_untouched (GTK_DIALOG (cag_window_record (f->window, 0)));
  /* Nor is a preferred payment method something typed. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source != NULL
      ? g_settings_schema_source_lookup (source, "io.github.gesq.Cagnotte", TRUE) : NULL;

    g_assert_nonnull (schema);     /* the test environment compiles it */
    {
      g_autoptr(GSettings) settings = g_settings_new ("io.github.gesq.Cagnotte");
      g_settings_set_string (settings, "default-method", "transfer");
      check_escape_untouched (GTK_DIALOG (cag_window_record (f->window, 0)));
      g_settings_set_string (settings, "default-method", "cheque");
    }
  }
  dialog = cag_window_record (f->window, 0);
  check_escape (GTK_DIALOG (dialog),
                cag_record_dialog_get_entry (CAG_RECORD_DIALOG (dialog), "reference"));

  check_escape_untouched (GTK_DIALOG (cag_window_batch (f->window)));
  dialog = cag_window_batch (f->window);
  check_escape (GTK_DIALOG (dialog),
                GTK_ENTRY (cag_batch_dialog_get_cell (CAG_BATCH_DIALOG (dialog), 0,
                                                      "organization")));

  /* The organizations' list loads when first shown. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-organizations", NULL);
  gui_test_flush (50);
  check_escape_untouched (GTK_DIALOG (cag_org_list_edit (org_list, 0)));
  dialog = cag_org_list_edit (org_list, 0);
  check_escape (GTK_DIALOG (dialog),
                first_entry (gtk_dialog_get_content_area (GTK_DIALOG (dialog))));

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-campaign", NULL);
  gui_test_flush (100);
  {
    GList *tops = gtk_window_list_toplevels ();
    dialog = NULL;
    for (GList *l = tops; l != NULL; l = l->next)
      if (GTK_IS_DIALOG (l->data) && gtk_widget_get_visible (l->data)
          && g_str_has_prefix (G_OBJECT_TYPE_NAME (l->data), "CagCampaignDialog"))
        dialog = l->data;
    g_list_free (tops);
  }
  g_assert_nonnull (dialog);
  check_escape (GTK_DIALOG (dialog),
                first_entry (gtk_dialog_get_content_area (GTK_DIALOG (dialog))));
}

static GtkWidget *
find_void_dialog (void)
{
  GList *tops = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = tops; l != NULL; l = l->next)
    if (GTK_IS_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && g_object_get_data (l->data, "reason-entry") != NULL)
      found = l->data;
  g_list_free (tops);
  return found;
}

/* Ctrl+Z undoes a batch: every row voided, "undone", in one go. */
static void
test_undo_batch (Fixture       *f,
                 gconstpointer  user_data)
{
  CagBatchDialog *batch = CAG_BATCH_DIALOG (cag_window_batch (f->window));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (f->window), "undo"));
  cag_batch_dialog_set_row (batch, 0, "CDQ", NULL, "10", NULL, NULL);
  cag_batch_dialog_set_row (batch, 1, "CCN", NULL, "20", NULL, NULL);
  cag_batch_dialog_set_declared (batch, 2, "30");
  g_object_ref (batch);
  gtk_dialog_response (GTK_DIALOG (batch), GTK_RESPONSE_ACCEPT);
  g_array_append_vals (ids, cag_batch_dialog_get_saved_ids (batch)->data, 2);
  g_object_unref (batch);
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CagContribution) c = cag_store_contribution_get (store_of (f),
                                                                 g_array_index (ids, gint64, i),
                                                                 NULL);
      g_assert_true (c->voided);
      g_assert_cmpstr (c->void_reason, ==, tr ("undone", "défait"));
    }
  g_assert_nonnull (strstr (notification_text (f), tr ("voided", "annulés")));
  /* Nothing more to undo: said, not an error dialog. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  g_assert_cmpstr (notification_text (f), ==, tr ("There is nothing to undo.",
                                                   "Il n’y a rien à défaire."));
}

/* Delete on a ledger row opens Void; Ctrl+Z records it again, the voided
 * row staying. */
static void
test_undo_void (Fixture       *f,
                gconstpointer  user_data)
{
  CagOrgDetail *detail = CAG_ORG_DETAIL (cag_window_get_detail (f->window));
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CagContribution) voided = NULL;
  CagContribution *target = NULL;
  CagContribution *again = NULL;
  GtkWidget *ledger_view;
  GtkWidget *void_dialog;

  cag_window_show_organization (f->window, f->data.org_ids[0]);
  before = cag_store_contribution_list (store_of (f), f->data.fund_ids[0], 0, NULL);
  target = g_ptr_array_index (before, 0);
  g_assert_false (target->voided);
  g_assert_true (cag_org_detail_select (detail, target->id));
  ledger_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (detail),
                                                           CAG_TYPE_ORG_DETAIL, "ledger_view"));
  gtk_widget_grab_focus (ledger_view);
  g_assert_true (send_key (ledger_view, GDK_KEY_Delete, 0));
  gui_test_flush (50);
  void_dialog = find_void_dialog ();
  g_assert_nonnull (void_dialog);
  gtk_entry_set_text (g_object_get_data (G_OBJECT (void_dialog), "reason-entry"), "Erreur");
  gtk_dialog_response (GTK_DIALOG (void_dialog), GTK_RESPONSE_ACCEPT);
  voided = cag_store_contribution_get (store_of (f), target->id, NULL);
  g_assert_true (voided->voided);

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  after = cag_store_contribution_list (store_of (f), f->data.fund_ids[0], 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    {
      CagContribution *c = g_ptr_array_index (after, i);
      if (c->id > target->id && c->amount_cents == target->amount_cents
          && cag_date_compare (&c->date, &target->date) == 0
          && g_strcmp0 (c->reference, target->reference) == 0)
        again = c;
      if (c->id == target->id)
        g_assert_true (c->voided);     /* the voided row stays */
    }
  g_assert_nonnull (again);
  g_assert_false (again->voided);
}

/* ---- Enter activates the primary button -------------------------------- */

static void
test_enter_saves (Fixture       *f,
                  gconstpointer  user_data)
{
  CagRecordDialog *record = CAG_RECORD_DIALOG (cag_window_record (f->window, 0));
  CagBatchDialog *batch;
  GtkEntry *total;
  guint n = count_contributions (f);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (record));
  set_entry (record, "organization", "CDQ");
  set_entry (record, "amount", "15");
  g_test_message ("reason: %s", cag_record_dialog_get_reason (record));
  g_assert_true (cag_record_dialog_is_valid (record));
  g_object_ref (record);
  gtk_widget_activate (GTK_WIDGET (cag_record_dialog_get_entry (record, "amount")));
  /* A button activated by Enter clicks ~250 ms later. */
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       cag_record_dialog_get_saved_id (record) == 0 && g_get_monotonic_time () < end;)
    gui_test_flush (20);
  g_assert_cmpint (cag_record_dialog_get_saved_id (record), >, 0);
  g_object_unref (record);

  batch = CAG_BATCH_DIALOG (cag_window_batch (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (batch));
  cag_batch_dialog_set_row (batch, 0, "RSO", NULL, "5", NULL, NULL);
  total = GTK_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (batch), CAG_TYPE_BATCH_DIALOG,
                                                    "total_entry"));
  cag_batch_dialog_set_declared (batch, 1, "5");
  g_object_ref (batch);
  gtk_widget_activate (GTK_WIDGET (total));
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       cag_batch_dialog_get_saved_ids (batch)->len == 0 && g_get_monotonic_time () < end;)
    gui_test_flush (20);
  g_assert_cmpuint (cag_batch_dialog_get_saved_ids (batch)->len, ==, 1);
  g_object_unref (batch);
  g_assert_cmpuint (count_contributions (f), ==, n + 2);
}

/* ---- screenshots -------------------------------------------------------- */

/* The dialog fits the screen; with CAGNOTTE_SCREENSHOT_DIR, the whole
 * screen is saved there as entry-LANG-WxH-NAME.png for people to look at. */
static void
shoot (GtkWidget  *dialog,
       const char *name)
{
  GdkWindow *root = gdk_get_default_root_window ();
  gint width = gdk_window_get_width (root), height = gdk_window_get_height (root);
  const char *dir = g_getenv ("CAGNOTTE_SCREENSHOT_DIR");
  GtkAllocation alloc;

  gtk_test_widget_wait_for_draw (dialog);
  gui_test_flush (300);
  gtk_widget_get_allocation (dialog, &alloc);
  g_test_message ("%s: %d×%d on a %d×%d screen", name, alloc.width, alloc.height, width, height);
  g_assert_cmpint (alloc.width, <=, width);
  g_assert_cmpint (alloc.height, <=, height);
  if (dir != NULL && *dir != '\0')
    {
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_get_from_window (root, 0, 0, width, height);
      g_autofree char *file = g_strdup_printf ("entry-%s-%dx%d-%s.png",
                                               cag_lang_to_code (cag_i18n_get_language ()),
                                               width, height, name);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
      g_test_message ("saved %s", path);
    }
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  user_data)
{
  CagRecordDialog *record = CAG_RECORD_DIALOG (cag_window_record (f->window, 0));
  CagBatchDialog *batch;
  GtkEntry *org = cag_record_dialog_get_entry (record, "organization");

  gtk_test_widget_wait_for_draw (GTK_WIDGET (record));
  gtk_widget_grab_focus (GTK_WIDGET (org));
  gtk_entry_set_text (org, "co");
  gtk_entry_completion_complete (cag_record_dialog_get_completion (record));
  shoot (GTK_WIDGET (record), "record-suggestions");
  gtk_entry_set_text (org, "cdq");
  set_entry (record, "amount", "135,42");
  set_entry (record, "reference", "4217");
  gtk_widget_grab_focus (GTK_WIDGET (cag_record_dialog_get_entry (record, "reference")));
  g_assert_true (cag_record_dialog_is_valid (record));
  shoot (GTK_WIDGET (record), "record-confirmed");
  /* The two questions: a date after the deadline, then Escape. */
  {
    g_autoptr(CagCampaign) campaign = cag_store_campaign_get (store_of (f), f->data.campaign_id,
                                                              NULL);
    CagDate late = cag_date_from_days (cag_date_to_days (&campaign->deadline) + 3);
    g_autofree char *iso = cag_date_to_iso (&late);
    GtkDialog *question;

    set_entry (record, "date", iso);
    gtk_dialog_response (GTK_DIALOG (record), GTK_RESPONSE_ACCEPT);
    question = cag_discard_guard_get_question (GTK_DIALOG (record));
    g_assert_nonnull (question);
    shoot (GTK_WIDGET (question), "record-after-deadline");
    gtk_dialog_response (question, GTK_RESPONSE_CANCEL);
    g_signal_emit_by_name (record, "close");
    gui_test_flush (50);
    question = cag_discard_guard_get_question (GTK_DIALOG (record));
    g_assert_nonnull (question);
    shoot (GTK_WIDGET (question), "record-discard");
    gtk_dialog_response (question, GTK_RESPONSE_CANCEL);
  }
  gtk_widget_destroy (GTK_WIDGET (record));

  batch = CAG_BATCH_DIALOG (cag_window_batch (f->window));
  shoot (GTK_WIDGET (batch), "batch-empty");
  cag_batch_dialog_set_row (batch, 0, "cdq", NULL, "125", NULL, "1001");
  cag_batch_dialog_set_row (batch, 1, "réseau", NULL, "135,42", NULL, "1002");
  cag_batch_dialog_set_row (batch, 2, "nowhere", NULL, "200", "transfer", NULL);
  cag_batch_dialog_set_declared (batch, 3, "460,42");
  shoot (GTK_WIDGET (batch), "batch-rows");
  gtk_widget_destroy (GTK_WIDGET (batch));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/entry/record/confirms-organization", Fixture, NULL,
              fixture_set_up, test_record_confirms_organization, fixture_tear_down);
  g_test_add ("/entry/record/confirms-as-of", Fixture, NULL,
              fixture_set_up, test_record_confirms_as_of, fixture_tear_down);
  g_test_add ("/entry/ecof", Fixture, NULL,
              fixture_set_up, test_ecof, fixture_tear_down);
  g_test_add ("/entry/record/campaign-dates", Fixture, NULL,
              fixture_set_up, test_record_campaign_dates, fixture_tear_down);
  g_test_add ("/entry/batch/deposit-date", Fixture, NULL,
              fixture_set_up, test_batch_deposit_date, fixture_tear_down);
  g_test_add ("/entry/batch/after-deadline", Fixture, NULL,
              fixture_set_up, test_batch_after_deadline, fixture_tear_down);
  g_test_add ("/entry/batch/keys", Fixture, NULL,
              fixture_set_up, test_batch_keys, fixture_tear_down);
  g_test_add ("/entry/escape-asks", Fixture, NULL,
              fixture_set_up, test_escape_asks, fixture_tear_down);
  g_test_add ("/entry/undo/batch", Fixture, NULL,
              fixture_set_up, test_undo_batch, fixture_tear_down);
  g_test_add ("/entry/undo/void", Fixture, NULL,
              fixture_set_up, test_undo_void, fixture_tear_down);
  g_test_add ("/entry/enter-saves", Fixture, NULL,
              fixture_set_up, test_enter_saves, fixture_tear_down);
  g_test_add ("/entry/screenshots", Fixture, NULL,
              fixture_set_up, test_screenshots, fixture_tear_down);
  return g_test_run ();
}
