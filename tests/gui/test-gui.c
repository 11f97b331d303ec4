/* test-gui.c — the window and its dialogs driven in process under Xvfb:
 * validation of the Record dialog, recording updates the overview and the
 * detail, void, undo, batch entry's control total, organizations, campaigns,
 * and the dialog for a database that cannot be opened. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <gdk/gdkx.h>

#include "cag-batch-dialog.h"
#include "cag-campaign-dialog.h"
#include "cag-chart.h"
#include "cag-date-picker.h"
#include "cag-i18n.h"
#include "cag-error.h"
#include "cag-gui-export.h"
#include "cag-money.h"
#include "cag-network.h"
#include "cag-network-dialog.h"
#include "cag-org-detail.h"
#include "cag-org-dialog.h"
#include "cag-org-list.h"
#include "cag-overview.h"
#include "cag-record-dialog.h"
#include "cag-welcome.h"
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
  gui_test_data_init (&f->data, GPOINTER_TO_INT (user_data));
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

static CagStore *
store_of (Fixture *f)
{
  return cag_window_get_store (f->window);
}

static guint
count_rows (GtkTreeModel *model)
{
  return (guint) gtk_tree_model_iter_n_children (model, NULL);
}

/* WIDGET's tooltip contains TEXT (the tooltip is a new string). */
static gboolean
tooltip_has (GtkWidget  *widget,
             const char *text)
{
  g_autofree char *tip = gtk_widget_get_tooltip_text (widget);

  return tip != NULL && strstr (tip, text) != NULL;
}

static gboolean
tooltip_is (GtkWidget  *widget,
            const char *text)
{
  g_autofree char *tip = gtk_widget_get_tooltip_text (widget);

  return g_strcmp0 (tip, text) == 0;
}

static GtkWidget *
template_child (GtkWidget  *widget,
                GType       type,
                const char *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (widget, type, id));
}

static void
set_entry (CagRecordDialog *dialog,
           const char      *name,
           const char      *text)
{
  gtk_entry_set_text (cag_record_dialog_get_entry (dialog, name), text);
}

/* ---- Record dialog ------------------------------------------------------ */

static void
test_record_validation (Fixture       *f,
                        gconstpointer  user_data)
{
  static const struct { const char *org; const char *date; const char *amount; gboolean valid; } cases[] = {
    { "", "", "", FALSE },                                 /* nothing typed */
    { "Coopérative du Quartier", NULL, "", FALSE },        /* no amount */
    { "Coopérative du Quartier", NULL, "abc", FALSE },     /* not a number */
    { "Coopérative du Quartier", NULL, "-5", FALSE },      /* negative */
    { "Coopérative du Quartier", NULL, "0", FALSE },       /* zero */
    { "Coopérative du Quartier", NULL, "12 50", FALSE },   /* bad grouping */
    { "Coopérative du Quartier", NULL, "1.005", FALSE },   /* three decimals */
    { "Coopérative du Quartier", NULL, "2000000000", FALSE }, /* over the maximum */
    { "Coopérative du Quartier", "2005-02-30", "10", FALSE }, /* no such date */
    { "Coopérative du Quartier", "demain", "10", FALSE },  /* not a date */
    { "Nobody at all", NULL, "10", FALSE },                /* unknown organization */
    { "Coopérative du Quartier", NULL, "135,42", TRUE },
    { "cooperative du quartier", NULL, "135.42", TRUE },   /* case and accents ignored */
    { "CDQ", "15/06/2004", "4 500,00 $", FALSE },          /* before the campaign's start */
    { "Outaouais", NULL, "$4,500.00", TRUE },              /* the only match of a region */
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CagRecordDialog *dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, 0));
      GtkWidget *save = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                            GTK_RESPONSE_ACCEPT);

      g_test_message ("case %u: “%s” “%s”", i, cases[i].org, cases[i].amount);
      set_entry (dialog, "organization", cases[i].org);
      if (cases[i].date != NULL)
        set_entry (dialog, "date", cases[i].date);
      set_entry (dialog, "amount", cases[i].amount);
      g_assert_cmpint (cag_record_dialog_is_valid (dialog), ==, cases[i].valid);
      g_assert_cmpint (gtk_widget_get_sensitive (save), ==, cases[i].valid);
      if (!cases[i].valid)
        g_assert_cmpstr (cag_record_dialog_get_reason (dialog), !=, "");
      else
        g_assert_cmpstr (cag_record_dialog_get_reason (dialog), ==, "");
      gtk_widget_destroy (GTK_WIDGET (dialog));
    }

  /* The calendar opens on the typed date and sets the field. */
  {
    CagRecordDialog *dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, f->data.org_ids[0]));
    CagDatePicker *calendar;
    CagDate shown;
    CagDate chosen = { 2004, 6, 20 };

    set_entry (dialog, "date", "15/06/2004");
    calendar = cag_record_dialog_open_calendar (dialog);
    gui_test_flush (100);
    shown = cag_date_picker_get_date (calendar);
    g_assert_cmpint (shown.year, ==, 2004);
    g_assert_cmpint (shown.month, ==, 6);
    g_assert_cmpint (shown.day, ==, 15);
    cag_date_picker_choose (calendar, &chosen);
    g_assert_cmpstr (gtk_entry_get_text (cag_record_dialog_get_entry (dialog, "date")), ==,
                     "2004-06-20");
    gtk_widget_destroy (GTK_WIDGET (dialog));
  }

  /* The reason names what is wrong with the amount. */
  {
    CagRecordDialog *dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, f->data.org_ids[0]));
    g_autoptr(GError) error = NULL;
    gint64 cents;

    set_entry (dialog, "amount", "12 50");
    g_assert_false (cag_money_parse ("12 50", CAG_MONEY_POSITIVE, &cents, &error));
    g_assert_cmpstr (cag_record_dialog_get_reason (dialog), ==, error->message);
    g_clear_error (&error);
    g_assert_false (cag_record_dialog_save (dialog, &error));
    g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
    gtk_widget_destroy (GTK_WIDGET (dialog));
  }
}

/* ---- Recording updates the overview and the detail ---------------------- */

static gint64
find_overview_row (CagOverview *overview,
                   gint64       org_id,
                   char       **out_state)
{
  GtkTreeModel *model = cag_overview_get_model (overview);
  GtkTreeIter iter;
  gboolean more;
  gint position = 0;

  for (more = gtk_tree_model_get_iter_first (model, &iter); more;
       more = gtk_tree_model_iter_next (model, &iter), position++)
    {
      gint64 id;

      gtk_tree_model_get (model, &iter, CAG_OVERVIEW_COL_ORG_ID, &id, -1);
      if (id == org_id)
        {
          if (out_state != NULL)
            gtk_tree_model_get (model, &iter, CAG_OVERVIEW_COL_STATE, out_state, -1);
          return position;
        }
    }
  return -1;
}

static gint64
record_through_dialog (Fixture    *f,
                       const char *org,
                       const char *amount)
{
  CagRecordDialog *dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, 0));
  gint64 id;

  set_entry (dialog, "organization", org);
  set_entry (dialog, "amount", amount);
  set_entry (dialog, "reference", "4217");
  g_assert_true (cag_record_dialog_is_valid (dialog));
  /* What the Save button does: the window reloads and destroys the dialog. */
  g_object_ref (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  id = cag_record_dialog_get_saved_id (dialog);
  g_object_unref (dialog);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_record_updates_views (Fixture       *f,
                           gconstpointer  user_data)
{
  CagOverview *overview = CAG_OVERVIEW (cag_window_get_overview (f->window));
  CagOrgDetail *detail = CAG_ORG_DETAIL (cag_window_get_detail (f->window));
  const CagNetworkTotals *totals = cag_overview_get_totals (overview);
  g_autofree char *expected = NULL;
  g_autofree char *state = NULL;
  gint64 before = totals->saved_cents;
  gint64 id;

  g_assert_cmpstr (cag_window_get_page (f->window), ==, "overview");
  g_assert_cmpuint (count_rows (cag_overview_get_model (overview)), ==, 4);
  /* Those behind first: the complete fund is last. */
  g_assert_cmpint (find_overview_row (overview, f->data.org_ids[2], &state), ==, 3);

  id = record_through_dialog (f, "Réseau solidaire de l’Outaouais", "135,42");
  g_assert_cmpint (totals->saved_cents, ==, before + 13542);
  expected = cag_money_format (before + 13542, cag_i18n_get_language ());
  g_assert_cmpstr (cag_overview_get_figure (overview, 0), ==, expected);

  /* The detail shows the new row at the top of its ledger. */
  cag_window_show_organization (f->window, f->data.org_ids[1]);
  g_assert_cmpstr (cag_window_get_page (f->window), ==, "detail");
  {
    GtkTreeModel *ledger = cag_org_detail_get_ledger (detail);
    GtkTreeIter iter;
    gint64 first_id;
    g_autofree char *amount = NULL;
    g_autofree char *money = cag_money_format (13542, cag_i18n_get_language ());
    g_autofree char *saved = cag_money_format (40000 + 13542, cag_i18n_get_language ());

    g_assert_cmpuint (count_rows (ledger), ==, 5);
    g_assert_true (gtk_tree_model_get_iter_first (ledger, &iter));
    gtk_tree_model_get (ledger, &iter, CAG_LEDGER_COL_ID, &first_id,
                        CAG_LEDGER_COL_AMOUNT, &amount, -1);
    g_assert_cmpint (first_id, ==, id);
    g_assert_cmpstr (amount, ==, money);
    g_assert_nonnull (strstr (cag_org_detail_get_summary (detail), saved));
  }

  /* Recording from the detail page reloads it too. */
  {
    CagRecordDialog *dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, f->data.org_ids[1]));

    g_assert_cmpstr (gtk_entry_get_text (cag_record_dialog_get_entry (dialog, "organization")), ==,
                     "Réseau solidaire de l’Outaouais");
    set_entry (dialog, "amount", "10");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    g_assert_cmpuint (count_rows (cag_org_detail_get_ledger (detail)), ==, 6);
  }
}

/* ---- As of ------------------------------------------------------------- */

/* The calendar in the "As of" button's popover. */
static CagDatePicker *
as_of_calendar (CagOverview *overview)
{
  GtkWidget *button = cag_overview_get_as_of_button (overview);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  GtkWidget *box = gtk_bin_get_child (GTK_BIN (popover));
  g_autoptr(GList) children = gtk_container_get_children (GTK_CONTAINER (box));

  g_assert_true (CAG_IS_DATE_PICKER (children->data));
  return CAG_DATE_PICKER (children->data);
}

static gboolean
label_has (GtkWidget  *widget,
           const char *text)
{
  AtkObject *accessible = gtk_widget_get_accessible (widget);
  const char *name = atk_object_get_name (accessible);

  return name != NULL && strstr (name, text) != NULL;
}

static void
test_as_of (Fixture       *f,
            gconstpointer  user_data)
{
  CagOverview *overview = CAG_OVERVIEW (cag_window_get_overview (f->window));
  CagOrgDetail *detail = CAG_ORG_DETAIL (cag_window_get_detail (f->window));
  const CagNetworkTotals *totals = cag_overview_get_totals (overview);
  GtkWidget *button = cag_overview_get_as_of_button (overview);
  CagDate today = cag_date_today ();
  /* The 20th, seven months ago: org 0 had paid six months (12 to 7 months
   * ago), org 1 its four, org 2 not yet its 4 500,00 $ (6 months ago). */
  CagDate past = cag_month_first_day (cag_month_index (&today) - 7);
  g_autofree char *past_text = NULL;
  g_autofree char *today_text = cag_date_format (&today, cag_i18n_get_language ());
  g_autofree char *now_saved = cag_money_format (12 * 12500, cag_i18n_get_language ());
  g_autofree char *past_saved = cag_money_format (6 * 12500, cag_i18n_get_language ());
  g_autofree char *past_total = cag_money_format (6 * 12500 + 4 * 10000, cag_i18n_get_language ());
  g_autofree char *state = NULL;

  past.day = 20;
  past_text = cag_date_format (&past, cag_i18n_get_language ());

  /* Today by default, not marked, reachable with Alt+A. */
  g_assert_cmpint (cag_date_compare (cag_window_get_as_of (f->window), &today), ==, 0);
  g_assert_false (cag_overview_as_of_is_marked (overview));
  g_assert_nonnull (strstr (cag_overview_get_as_of_text (overview), today_text));
  g_assert_true (gtk_widget_get_can_focus (button));
  g_assert_true (label_has (button, today_text));
  {
    GtkWidget *label = gtk_bin_get_child (GTK_BIN (button));
    g_autoptr(GList) children = gtk_container_get_children (GTK_CONTAINER (label));

    g_assert_cmpuint (gtk_label_get_mnemonic_keyval (GTK_LABEL (children->data)), ==, GDK_KEY_a);
    g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (children->data)) == button);
  }
  g_assert_cmpint (totals->saved_cents, ==, 12 * 12500 + 4 * 10000 + 450000);
  g_assert_cmpint (find_overview_row (overview, f->data.org_ids[2], &state), >=, 0);
  g_assert_cmpstr (state, ==, cag_fund_state_label (CAG_FUND_COMPLETE));
  g_clear_pointer (&state, g_free);

  /* A date picked in the calendar applies at once. */
  {
    cag_date_picker_choose (as_of_calendar (overview), &past);
  }
  g_assert_cmpint (cag_date_compare (cag_window_get_as_of (f->window), &past), ==, 0);
  g_assert_true (cag_overview_as_of_is_marked (overview));
  g_assert_nonnull (strstr (cag_overview_get_as_of_text (overview), past_text));
  g_assert_true (label_has (button, past_text));
  g_assert_cmpint (totals->saved_cents, ==, 6 * 12500 + 4 * 10000);
  g_assert_cmpstr (cag_overview_get_figure (overview, 0), ==, past_total);
  g_assert_cmpint (find_overview_row (overview, f->data.org_ids[2], &state), >=, 0);
  g_assert_cmpstr (state, !=, cag_fund_state_label (CAG_FUND_COMPLETE));

  /* The detail agrees, and says it is not today. */
  cag_window_show_organization (f->window, f->data.org_ids[0]);
  g_assert_nonnull (strstr (cag_org_detail_get_summary (detail), past_saved));
  g_assert_null (strstr (cag_org_detail_get_summary (detail), now_saved));
  {
    /* Its ledger still lists the later rows, dimmed and not counted. */
    GtkTreeModel *ledger = cag_org_detail_get_ledger (detail);
    GtkTreeIter iter;
    gboolean more;
    guint counted = 0, later = 0;

    for (more = gtk_tree_model_get_iter_first (ledger, &iter); more;
         more = gtk_tree_model_iter_next (ledger, &iter))
      {
        gboolean counts;
        g_autofree char *note = NULL;

        gtk_tree_model_get (ledger, &iter, CAG_LEDGER_COL_COUNTS, &counts,
                            CAG_LEDGER_COL_NOTE, &note, -1);
        if (counts)
          counted++;
        else
          {
            later++;
            g_assert_nonnull (strstr (note, past_text));
          }
      }
    g_assert_cmpuint (counted, ==, 6);
    g_assert_cmpuint (later, ==, 6);
  }

  /* Back to today, from the detail page: it follows. */
  cag_window_set_as_of (f->window, NULL);
  g_assert_false (cag_overview_as_of_is_marked (overview));
  g_assert_nonnull (strstr (cag_org_detail_get_summary (detail), now_saved));
  g_assert_cmpint (totals->saved_cents, ==, 12 * 12500 + 4 * 10000 + 450000);

  /* Recording keeps today as its date, whatever the as-of date. */
  cag_window_set_as_of (f->window, &past);
  {
    CagRecordDialog *dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, f->data.org_ids[0]));
    g_autofree char *iso = cag_date_to_iso (&today);
    const char *shown = gtk_entry_get_text (cag_record_dialog_get_entry (dialog, "date"));

    g_assert_true (strstr (shown, iso) != NULL || strstr (shown, today_text) != NULL);
    gtk_widget_destroy (GTK_WIDGET (dialog));
  }
}

/* The organizations' fund column, the detail's Export tooltip and the
 * exports' proposed file names follow the window's "As of" date too. */
static char *
org_list_fund_text (CagOrgList *list,
                    gint64      org_id)
{
  GtkTreeModel *model = cag_org_list_get_model (list);
  GtkTreeIter iter;
  gboolean more;

  for (more = gtk_tree_model_get_iter_first (model, &iter); more;
       more = gtk_tree_model_iter_next (model, &iter))
    {
      gint64 id;
      char *fund = NULL;

      gtk_tree_model_get (model, &iter, CAG_ORG_LIST_COL_ID, &id, CAG_ORG_LIST_COL_FUND, &fund, -1);
      if (id == org_id)
        return fund;
      g_free (fund);
    }
  return NULL;
}

static void
test_as_of_everywhere (Fixture       *f,
                       gconstpointer  user_data)
{
  CagOrgList *list = CAG_ORG_LIST (cag_window_get_org_list (f->window));
  GtkWidget *detail = cag_window_get_detail (f->window);
  GtkWidget *export_button = GTK_WIDGET (gtk_widget_get_template_child (detail, CAG_TYPE_ORG_DETAIL,
                                                                       "export_button"));
  CagDate today = cag_date_today ();
  CagDate past = cag_month_first_day (cag_month_index (&today) - 7);
  g_autofree char *past_text = NULL;
  g_autofree char *past_iso = NULL;
  g_autofree char *today_iso = cag_date_to_iso (&today);
  g_autofree char *now_saved = cag_money_format (12 * 12500, cag_i18n_get_language ());
  g_autofree char *past_saved = cag_money_format (6 * 12500, cag_i18n_get_language ());
  g_autofree char *fund = NULL;

  past.day = 20;
  past_text = cag_date_format (&past, cag_i18n_get_language ());
  past_iso = cag_date_to_iso (&past);

  /* Shown first, then the date changes while it is shown. */
  cag_window_show_page (f->window, "organizations");
  fund = org_list_fund_text (list, f->data.org_ids[0]);
  g_assert_nonnull (strstr (fund, now_saved));
  g_clear_pointer (&fund, g_free);
  cag_window_set_as_of (f->window, &past);
  fund = org_list_fund_text (list, f->data.org_ids[0]);
  g_assert_nonnull (strstr (fund, past_saved));
  g_clear_pointer (&fund, g_free);

  /* Changed while another page is shown: right when it comes back. */
  cag_window_set_as_of (f->window, NULL);
  cag_window_show_page (f->window, "overview");
  cag_window_set_as_of (f->window, &past);
  cag_window_show_page (f->window, "organizations");
  fund = org_list_fund_text (list, f->data.org_ids[0]);
  g_assert_nonnull (strstr (fund, past_saved));
  g_clear_pointer (&fund, g_free);

  /* The detail's Export Statement button says which date it exports. */
  cag_window_show_organization (f->window, f->data.org_ids[0]);
  g_assert_true (tooltip_has (export_button, past_text));

  /* The proposed file names carry the as-of date, not today's. */
  {
    const CagDate *as_of = cag_window_get_as_of (f->window);
    g_autofree char *statement = cag_export_statement_name (store_of (f), f->data.fund_ids[0],
                                                            as_of);
    g_autofree char *summary = cag_export_summary_name (store_of (f), f->data.campaign_id, as_of);
    g_autofree char *status = cag_export_status_csv_name (store_of (f), f->data.campaign_id,
                                                          as_of);

    g_assert_nonnull (strstr (statement, past_iso));
    g_assert_nonnull (strstr (summary, past_iso));
    g_assert_nonnull (strstr (status, past_iso));
    g_assert_null (strstr (statement, today_iso));
  }
}

/* ---- Overview search ---------------------------------------------------- */

static void
test_overview_search (Fixture       *f,
                      gconstpointer  user_data)
{
  CagOverview *overview = CAG_OVERVIEW (cag_window_get_overview (f->window));

  cag_overview_set_search (overview, "mauricie");
  g_assert_cmpuint (count_rows (cag_overview_get_model (overview)), ==, 1);
  cag_overview_set_search (overview, "CDQ");
  g_assert_cmpuint (count_rows (cag_overview_get_model (overview)), ==, 1);
  cag_overview_set_search (overview, "zzz");
  g_assert_cmpuint (count_rows (cag_overview_get_model (overview)), ==, 0);
  cag_overview_set_search (overview, NULL);
  g_assert_cmpuint (count_rows (cag_overview_get_model (overview)), ==, 4);
  /* The totals stay those of the whole network. */
  g_assert_cmpint (cag_overview_get_totals (overview)->funds, ==, 4);
}

/* ---- Void and undo ------------------------------------------------------ */

static void
test_void_in_detail (Fixture       *f,
                     gconstpointer  user_data)
{
  CagOverview *overview = CAG_OVERVIEW (cag_window_get_overview (f->window));
  CagOrgDetail *detail = CAG_ORG_DETAIL (cag_window_get_detail (f->window));
  const CagNetworkTotals *totals = cag_overview_get_totals (overview);
  g_autoptr(GError) error = NULL;
  g_autoptr(CagContribution) c = NULL;
  GtkTreeModel *ledger;
  GtkTreeIter iter;
  gint64 before = totals->saved_cents;
  gint64 id;
  gboolean voided = FALSE;
  g_autofree char *note = NULL;

  id = record_through_dialog (f, "CDQ", "50");
  g_assert_cmpint (totals->saved_cents, ==, before + 5000);
  cag_window_show_organization (f->window, f->data.org_ids[0]);

  /* A reason is required. */
  g_assert_false (cag_org_detail_void (detail, id, "", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (cag_org_detail_void (detail, id, "Chèque sans provision", &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals->saved_cents, ==, before);

  ledger = cag_org_detail_get_ledger (detail);
  g_assert_true (gtk_tree_model_get_iter_first (ledger, &iter));
  gtk_tree_model_get (ledger, &iter, CAG_LEDGER_COL_VOIDED, &voided,
                      CAG_LEDGER_COL_NOTE, &note, -1);
  g_assert_true (voided);
  g_assert_nonnull (strstr (note, "Chèque sans provision"));

  /* Voiding twice is refused. */
  g_assert_false (cag_org_detail_void (detail, id, "again", &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);

  c = cag_store_contribution_get (store_of (f), id, &error);
  g_assert_no_error (error);
  g_assert_true (c->voided);
}

/* Through the dialog that asks for the reason. */
static void
test_void_dialog (Fixture       *f,
                  gconstpointer  user_data)
{
  CagOrgDetail *detail = CAG_ORG_DETAIL (cag_window_get_detail (f->window));
  g_autoptr(GError) error = NULL;
  g_autoptr(CagContribution) c = NULL;
  GtkWidget *dialog;
  GtkEntry *reason;
  gint64 id;

  id = record_through_dialog (f, "CCN", "80");
  cag_window_show_organization (f->window, f->data.org_ids[3]);
  g_assert_null (cag_org_detail_ask_void (detail));          /* nothing selected */
  g_assert_true (cag_org_detail_select (detail, id));
  dialog = cag_org_detail_ask_void (detail);
  g_assert_nonnull (dialog);

  /* No reason, no voiding. */
  reason = g_object_get_data (G_OBJECT (dialog), "reason-entry");
  g_assert_false (gtk_widget_get_sensitive (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                               GTK_RESPONSE_ACCEPT)));
  gtk_entry_set_text (reason, "  Mauvaise organisation ");
  g_assert_true (gtk_widget_get_sensitive (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                              GTK_RESPONSE_ACCEPT)));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  c = cag_store_contribution_get (store_of (f), id, &error);
  g_assert_no_error (error);
  g_assert_true (c->voided);
  g_assert_cmpstr (c->void_reason, ==, "Mauvaise organisation");

  /* A voided row cannot be voided again from the window. */
  g_assert_true (cag_org_detail_select (detail, id));
  g_assert_null (cag_org_detail_ask_void (detail));
}

static void
test_undo (Fixture       *f,
           gconstpointer  user_data)
{
  CagOverview *overview = CAG_OVERVIEW (cag_window_get_overview (f->window));
  const CagNetworkTotals *totals = cag_overview_get_totals (overview);
  g_autoptr(GError) error = NULL;
  g_autoptr(CagContribution) c = NULL;
  gint64 before = totals->saved_cents;
  gint64 id;

  /* Nothing to undo yet. */
  g_assert_false (cag_window_undo (f->window, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);

  id = record_through_dialog (f, "TESM", "75");
  g_assert_cmpint (totals->saved_cents, ==, before + 7500);
  g_assert_true (cag_window_undo (f->window, &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals->saved_cents, ==, before);

  c = cag_store_contribution_get (store_of (f), id, &error);
  g_assert_no_error (error);
  g_assert_true (c->voided);
  g_assert_cmpstr (c->void_reason, ==, "undone");

  /* Undo works once. */
  g_assert_false (cag_window_undo (f->window, &error));
  g_clear_error (&error);
}

/* ---- Batch entry -------------------------------------------------------- */

static void
test_batch_control_total (Fixture       *f,
                          gconstpointer  user_data)
{
  CagOverview *overview = CAG_OVERVIEW (cag_window_get_overview (f->window));
  const CagNetworkTotals *totals = cag_overview_get_totals (overview);
  CagBatchDialog *dialog = CAG_BATCH_DIALOG (cag_window_batch (f->window));
  GtkWidget *save = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gint64 before = totals->saved_cents;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all_before = cag_store_contribution_list (store_of (f), 0, 0, NULL);
  g_autoptr(GPtrArray) all_after = NULL;
  GArray *ids;

  g_assert_false (cag_batch_dialog_is_valid (dialog));
  cag_batch_dialog_set_row (dialog, 0, "CDQ", NULL, "125", "cheque", "1001");
  cag_batch_dialog_set_row (dialog, 1, "RSO", NULL, "135,42", "cheque", "1002");
  cag_batch_dialog_set_row (dialog, 2, "Carrefour Capitale-Nationale", NULL, "200", "transfer", NULL);

  /* The count does not match. */
  cag_batch_dialog_set_declared (dialog, 2, "460,42");
  g_assert_false (cag_batch_dialog_is_valid (dialog));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (cag_batch_dialog_get_status (dialog), "2"));

  /* The total does not match. */
  cag_batch_dialog_set_declared (dialog, 3, "460,00");
  g_assert_false (cag_batch_dialog_is_valid (dialog));
  g_assert_false (cag_batch_dialog_save (dialog, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);

  /* A row with an unknown organization. */
  cag_batch_dialog_set_declared (dialog, 3, "460,42");
  g_assert_true (cag_batch_dialog_is_valid (dialog));
  cag_batch_dialog_set_row (dialog, 2, "Nowhere", NULL, "200", "transfer", NULL);
  g_assert_false (cag_batch_dialog_is_valid (dialog));
  g_assert_nonnull (strstr (cag_batch_dialog_get_status (dialog), "3"));
  cag_batch_dialog_set_row (dialog, 2, "CCN", NULL, "200", "transfer", NULL);

  g_assert_true (cag_batch_dialog_is_valid (dialog));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_object_ref (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  ids = cag_batch_dialog_get_saved_ids (dialog);
  g_assert_cmpuint (ids->len, ==, 3);
  g_object_unref (dialog);

  g_assert_cmpint (totals->saved_cents, ==, before + 46042);
  all_after = cag_store_contribution_list (store_of (f), 0, 0, NULL);
  g_assert_cmpuint (all_after->len, ==, all_before->len + 3);

  /* Undo voids the whole batch. */
  g_assert_true (cag_window_undo (f->window, &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals->saved_cents, ==, before);
}

/* ---- Organizations ------------------------------------------------------ */

static void
test_org_dialog (Fixture       *f,
                 gconstpointer  user_data)
{
  CagOrgList *list = CAG_ORG_LIST (cag_window_get_org_list (f->window));
  CagOrgDialog *dialog;
  g_autoptr(GError) error = NULL;
  guint before;

  cag_window_show_page (f->window, "organizations");
  before = count_rows (cag_org_list_get_model (list));
  g_assert_cmpuint (before, ==, 4);
  dialog = CAG_ORG_DIALOG (cag_org_list_edit (list, 0));

  /* Name required, shown beside the name. */
  gtk_entry_set_text (cag_org_dialog_get_entry (dialog, "email"), "x");
  g_assert_cmpstr (cag_org_dialog_get_error (dialog, "name"), !=, "");
  g_assert_cmpstr (cag_org_dialog_get_error (dialog, "email"), !=, "");
  g_assert_false (cag_org_dialog_save (dialog, &error));
  g_clear_error (&error);

  /* A duplicate name (case and accents aside), shown beside the name. */
  gtk_entry_set_text (cag_org_dialog_get_entry (dialog, "name"), "COOPERATIVE du quartier");
  gtk_entry_set_text (cag_org_dialog_get_entry (dialog, "email"), "tresorerie@example.org");
  g_assert_cmpstr (cag_org_dialog_get_error (dialog, "email"), ==, "");
  g_assert_false (cag_org_dialog_save (dialog, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpstr (cag_org_dialog_get_error (dialog, "name"), !=, "");

  gtk_entry_set_text (cag_org_dialog_get_entry (dialog, "name"), "Corporation de l’Estrie");
  gtk_entry_set_text (cag_org_dialog_get_entry (dialog, "region"), "Estrie");
  g_object_ref (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_cmpint (cag_org_dialog_get_org_id (dialog), >, 0);
  g_object_unref (dialog);

  g_assert_cmpuint (count_rows (cag_org_list_get_model (list)), ==, before + 1);

  /* Search ignores case and accents, in names, short names and regions. */
  cag_org_list_set_search (list, "ESTRIE");
  g_assert_cmpuint (count_rows (cag_org_list_get_model (list)), ==, 1);
  cag_org_list_set_search (list, "reseau");
  g_assert_cmpuint (count_rows (cag_org_list_get_model (list)), ==, 1);
  {
    GtkTreeIter iter;
    g_autofree char *name = NULL;

    g_assert_true (gtk_tree_model_get_iter_first (cag_org_list_get_model (list), &iter));
    gtk_tree_model_get (cag_org_list_get_model (list), &iter, CAG_ORG_LIST_COL_NAME, &name, -1);
    g_assert_cmpstr (name, ==, "Réseau solidaire de l’Outaouais");
  }
  cag_org_list_set_search (list, "");

  /* Sorted in SQL by region, then back by name, descending. */
  cag_org_list_set_sort (list, CAG_ORG_SORT_REGION, FALSE);
  {
    GtkTreeIter iter;
    g_autofree char *region = NULL;

    g_assert_true (gtk_tree_model_get_iter_first (cag_org_list_get_model (list), &iter));
    gtk_tree_model_get (cag_org_list_get_model (list), &iter, CAG_ORG_LIST_COL_REGION, &region, -1);
    g_assert_cmpstr (region, ==, "Capitale-Nationale");
  }
  cag_org_list_set_sort (list, CAG_ORG_SORT_NAME, TRUE);
  {
    GtkTreeIter iter;
    g_autofree char *name = NULL;

    g_assert_true (gtk_tree_model_get_iter_first (cag_org_list_get_model (list), &iter));
    gtk_tree_model_get (cag_org_list_get_model (list), &iter, CAG_ORG_LIST_COL_NAME, &name, -1);
    g_assert_cmpstr (name, ==, "Table d’économie sociale de la Mauricie");
  }
  cag_org_list_set_sort (list, CAG_ORG_SORT_NAME, FALSE);

  cag_org_list_set_search (list, "nothing like this");
  g_assert_cmpuint (count_rows (cag_org_list_get_model (list)), ==, 0);
  cag_org_list_set_search (list, "");
  /* Its fund was opened in the campaign: the overview lists it. */
  g_assert_cmpuint (count_rows (cag_overview_get_model (CAG_OVERVIEW (cag_window_get_overview (f->window)))),
                    ==, 5);
}

/* ---- Campaigns ---------------------------------------------------------- */

static void
test_first_run_and_campaign (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  CagWindow *window = cag_window_new (NULL);
  CagCampaignDialog *dialog;
  g_autoptr(GError) error = NULL;

  g_assert_true (cag_window_open_path (window, path, TRUE));
  gtk_widget_show (GTK_WIDGET (window));
  g_assert_cmpstr (cag_window_get_page (window), ==, "welcome");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "empty.db"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "new-campaign", NULL);
  gui_test_flush (100);
  dialog = NULL;
  {
    GList *toplevels = gtk_window_list_toplevels ();
    GList *l;

    for (l = toplevels; l != NULL; l = l->next)
      if (CAG_IS_CAMPAIGN_DIALOG (l->data))
        dialog = l->data;
    g_list_free (toplevels);
  }
  g_assert_nonnull (dialog);

  gtk_entry_set_text (cag_campaign_dialog_get_entry (dialog, "name"), "Dakar 2005");
  gtk_entry_set_text (cag_campaign_dialog_get_entry (dialog, "cost"), "4500");
  gtk_entry_set_text (cag_campaign_dialog_get_entry (dialog, "start"), "2006-06-01");
  gtk_entry_set_text (cag_campaign_dialog_get_entry (dialog, "deadline"), "2003-06-01");
  g_assert_false (cag_campaign_dialog_save (dialog, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  gtk_entry_set_text (cag_campaign_dialog_get_entry (dialog, "start"), "2003-06-01");
  gtk_entry_set_text (cag_campaign_dialog_get_entry (dialog, "deadline"), "2006-06-01");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  g_assert_cmpint (cag_window_get_campaign_id (window), >, 0);
  g_assert_cmpstr (cag_window_get_page (window), ==, "overview");

  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

/* Under run-wm.sh, CAGNOTTE_EXPECT_WM names the window manager that must be
 * managing the screen: the run is not silently a bare-Xvfb one. */
static void
test_window_manager (void)
{
  const char *expected = g_getenv ("CAGNOTTE_EXPECT_WM");
  GdkScreen *screen = gdk_screen_get_default ();
  const char *name;

  if (expected == NULL)
    {
      g_test_skip ("bare Xvfb: no window manager expected");
      return;
    }
  g_assert_true (GDK_IS_X11_SCREEN (screen));
  name = gdk_x11_screen_get_window_manager_name (screen);
  g_assert_cmpstr (name, ==, expected);
}

/* The cell renderer of VIEW's column titled TITLE. */
static GtkCellRenderer *
column_renderer (GtkTreeView *view,
                 const char  *title)
{
  guint i;

  for (i = 0; i < gtk_tree_view_get_n_columns (view); i++)
    {
      GtkTreeViewColumn *column = gtk_tree_view_get_column (view, (gint) i);

      if (g_strcmp0 (gtk_tree_view_column_get_title (column), title) == 0)
        {
          g_autoptr(GList) cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (column));

          return cells != NULL ? cells->data : NULL;
        }
    }
  g_assert_not_reached ();
  return NULL;
}

static gfloat
renderer_xalign (GtkCellRenderer *cell)
{
  gfloat xalign;

  gtk_cell_renderer_get_alignment (cell, &xalign, NULL);
  return xalign;
}

static PangoEllipsizeMode
renderer_ellipsize (GtkCellRenderer *cell)
{
  PangoEllipsizeMode mode;

  g_object_get (cell, "ellipsize", &mode, NULL);
  return mode;
}

/* Amounts right-aligned; long names ellipsized, whole in a tooltip. */
static void
test_columns (Fixture       *f,
              gconstpointer  user_data)
{
  GtkTreeView *funds = cag_overview_get_view (CAG_OVERVIEW (cag_window_get_overview (f->window)));
  GtkWidget *org_list = cag_window_get_org_list (f->window);
  GtkWidget *detail = cag_window_get_detail (f->window);
  GtkTreeView *orgs = GTK_TREE_VIEW (template_child (org_list, CAG_TYPE_ORG_LIST, "org_view"));
  GtkTreeView *ledger = GTK_TREE_VIEW (template_child (detail, CAG_TYPE_ORG_DETAIL, "ledger_view"));
  GtkWidget *title = template_child (detail, CAG_TYPE_ORG_DETAIL, "title_label");

  g_assert_cmpfloat (renderer_xalign (column_renderer (funds, "Arrears")), ==, 1.0);
  g_assert_cmpfloat (renderer_xalign (column_renderer (funds, "Needed monthly")), ==, 1.0);
  g_assert_cmpfloat (renderer_xalign (column_renderer (orgs, "Fund")), ==, 1.0);
  g_assert_cmpfloat (renderer_xalign (column_renderer (ledger, "Amount")), ==, 1.0);

  g_assert_cmpint (renderer_ellipsize (column_renderer (funds, "Organization")), !=,
                   PANGO_ELLIPSIZE_NONE);
  g_assert_cmpint (renderer_ellipsize (column_renderer (orgs, "Name")), !=, PANGO_ELLIPSIZE_NONE);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (funds)));
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (orgs)));

  {
    GtkWidget *combo = template_child (GTK_WIDGET (f->window), CAG_TYPE_WINDOW, "campaign_combo");
    g_autoptr(GList) cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (combo));

    g_assert_nonnull (cells);
    g_assert_cmpint (renderer_ellipsize (cells->data), !=, PANGO_ELLIPSIZE_NONE);
    g_assert_true (tooltip_is (combo, "Dakar 2005"));
  }

  cag_window_show_organization (f->window, f->data.org_ids[1]);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (title)), !=, PANGO_ELLIPSIZE_NONE);
  g_assert_true (tooltip_is (title, "Réseau solidaire de l’Outaouais"));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* The date picker from the keyboard: Page Up / Page Down change the month,
 * arrows move between days, Enter or Space picks one. */
static void
test_date_picker_keyboard (void)
{
  GtkWidget *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget *picker = cag_date_picker_new ();
  CagDate date = { 2004, 9, 15 };
  CagDate picked;
  GtkWidget *focus;
  guint selected = 0;

  gtk_container_add (GTK_CONTAINER (window), picker);
  cag_date_picker_set_date (CAG_DATE_PICKER (picker), &date);
  g_signal_connect (picker, "day-selected", G_CALLBACK (count_cb), &selected);
  gtk_widget_show_all (window);
  gtk_test_widget_wait_for_draw (window);

  /* Shown, the selected day has the focus, named with its full date. */
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (focus)), ==,
                   "September 15, 2004");

  g_assert_true (gtk_test_widget_send_key (focus, GDK_KEY_Page_Up, 0));
  gui_test_flush (50);
  g_assert_cmpstr (cag_date_picker_get_heading (CAG_DATE_PICKER (picker)), ==, "August 2004");
  g_assert_true (gtk_test_widget_send_key (focus, GDK_KEY_Page_Down, 0));
  gui_test_flush (50);
  g_assert_cmpstr (cag_date_picker_get_heading (CAG_DATE_PICKER (picker)), ==, "September 2004");

  g_assert_true (gtk_test_widget_send_key (focus, GDK_KEY_Right, 0));
  gui_test_flush (50);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (focus)), ==,
                   "September 16, 2004");
  gtk_button_clicked (GTK_BUTTON (focus));
  picked = cag_date_picker_get_date (CAG_DATE_PICKER (picker));
  g_assert_cmpint (cag_date_compare (&picked, &(CagDate) { 2004, 9, 16 }), ==, 0);
  g_assert_cmpuint (selected, >=, 1);
  gtk_widget_destroy (window);
}

/* A contribution dated long after the deadline does not squash the chart. */
static void
test_chart_range (void)
{
  GtkWidget *chart = g_object_ref_sink (cag_chart_new ());
  g_autoptr(GArray) months = g_array_new (FALSE, FALSE, sizeof (CagMonthTotal));
  CagDate start = { 2003, 6, 1 };
  CagDate deadline = { 2005, 11, 1 };
  CagDate as_of = { 2004, 9, 15 };
  CagMonthTotal t = { 0 };
  gint first, last;

  t.month = cag_month_index_ym (2003, 7);
  t.total_cents = 12500;
  g_array_append_val (months, t);
  t.month = cag_month_index_ym (2025, 1);        /* a typo for 2005 */
  g_array_append_val (months, t);
  cag_chart_set_data (CAG_CHART (chart), cag_month_index (&start), cag_month_index (&deadline),
                      450000, months, &as_of);
  cag_chart_get_range (CAG_CHART (chart), &first, &last);
  g_assert_cmpint (first, ==, cag_month_index (&start));
  g_assert_cmpint (last, >=, cag_month_index (&deadline));
  g_assert_cmpint (last, <=, cag_month_index (&deadline) + 7);   /* 29 months / 4 */

  /* Seen from far later (the example opened today): the same. */
  as_of = (CagDate) { 2026, 12, 4 };
  cag_chart_set_data (CAG_CHART (chart), cag_month_index (&start), cag_month_index (&deadline),
                      450000, months, &as_of);
  cag_chart_get_range (CAG_CHART (chart), &first, &last);
  g_assert_cmpint (last, <=, cag_month_index (&deadline) + 7);
  g_object_unref (chart);
}

/* French from the words to the calendar and the plurals (docs/GUI.md,
 * "Language"): the date picker names months and days in the UI language,
 * whatever the C library's locale; "1 sur 4 délégations". */
static void
test_french (Fixture       *f,
             gconstpointer  user_data)
{
  CagOverview *overview = CAG_OVERVIEW (cag_window_get_overview (f->window));
  GtkWidget *caption = template_child (GTK_WIDGET (overview), CAG_TYPE_OVERVIEW,
                                       "delegations_caption");
  CagDate date = { 2004, 9, 15 };
  GtkWidget *picker;

  cag_i18n_set_language (CAG_LANG_FR);
  picker = g_object_ref_sink (cag_date_picker_new ());
  cag_date_picker_set_date (CAG_DATE_PICKER (picker), &date);
  g_assert_cmpstr (cag_date_picker_get_heading (CAG_DATE_PICKER (picker)), ==, "septembre 2004");
  g_assert_cmpstr (cag_date_picker_get_weekday (CAG_DATE_PICKER (picker), 0), ==, "dim.");
  g_assert_cmpstr (cag_date_picker_get_weekday (CAG_DATE_PICKER (picker), 1), ==, "lun.");

  /* One delegation of four fully funded (org 2): the plural follows 4. */
  cag_window_reload (f->window);
  g_assert_cmpstr (cag_overview_get_figure (overview, 1), ==, "1 sur 4");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (caption)), ==, "délégations entièrement financées");

  cag_i18n_set_language (CAG_LANG_EN);
  cag_date_picker_set_date (CAG_DATE_PICKER (picker), &date);
  g_assert_cmpstr (cag_date_picker_get_heading (CAG_DATE_PICKER (picker)), ==, "September 2004");
  cag_window_reload (f->window);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (caption)), ==, "delegations fully funded");
  g_object_unref (picker);
}

/* ---- Empty views (docs/GUI.md, "Empty views") ---------------------------- */

static void
test_empty_states (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  CagWindow *window = cag_window_new (NULL);
  GtkWidget *overview = cag_window_get_overview (window);
  GtkWidget *org_list = cag_window_get_org_list (window);
  GtkWidget *detail = cag_window_get_detail (window);
  GtkWidget *welcome = cag_window_get_welcome (window);
  GtkWidget *record = template_child (GTK_WIDGET (window), CAG_TYPE_WINDOW, "record_button");
  GAction *record_action = g_action_map_lookup_action (G_ACTION_MAP (window), "record");
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(GError) error = NULL;
  CagStore *store;

  /* No file: the welcome page offers New Database… (app.new: disabled
   * here, without an application). */
  gtk_widget_show (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (template_child (welcome, CAG_TYPE_WELCOME,
                                                         "new_db_button")));

  /* An empty file: Create a Campaign… has the focus; Record Contribution is
   * shown, disabled, and its tooltip says why. */
  g_assert_true (cag_window_open_path (window, path, TRUE));
  gui_test_flush (50);
  g_assert_cmpstr (cag_window_get_page (window), ==, "welcome");
  g_assert_false (gtk_widget_get_visible (template_child (welcome, CAG_TYPE_WELCOME,
                                                          "new_db_button")));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window))
                 == template_child (welcome, CAG_TYPE_WELCOME, "campaign_button"));
  g_assert_true (gtk_widget_get_visible (record));
  g_assert_false (g_action_get_enabled (record_action));
  g_assert_true (tooltip_has (record, _("Create a Campaign…")));

  /* The organizations page, empty: a button adds the first one. */
  cag_window_show_page (window, "organizations");
  g_assert_true (gtk_widget_is_drawable (template_child (org_list, CAG_TYPE_ORG_LIST,
                                                         "empty_add_button")));

  /* A campaign without funds: the overview leads to the organizations and
   * to the funds; Record stays disabled until a fund exists. */
  store = cag_window_get_store (window);
  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  campaign->start = (CagDate) { 2003, 6, 1 };
  campaign->deadline = (CagDate) { 2005, 11, 1 };
  g_assert_true (cag_store_campaign_add (store, campaign, &error));
  g_assert_no_error (error);
  org->name = g_strdup ("Coopérative du Quartier");
  g_assert_true (cag_store_org_add (store, org, &error));
  g_assert_no_error (error);
  cag_window_reload (window);
  cag_window_show_page (window, "overview");
  gui_test_flush (50);
  g_assert_true (gtk_widget_is_drawable (template_child (overview, CAG_TYPE_OVERVIEW,
                                                         "empty_funds_button")));
  g_assert_true (gtk_widget_is_drawable (template_child (overview, CAG_TYPE_OVERVIEW,
                                                         "empty_orgs_button")));
  g_assert_false (g_action_get_enabled (record_action));
  g_assert_true (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window),
                                                                   "campaign-settings")));
  g_assert_true (tooltip_has (record, _("Open the Funds…")));

  /* The detail of an organization without a fund: Open a Fund…, enabled. */
  cag_window_show_organization (window, org->id);
  {
    GtkWidget *button = template_child (detail, CAG_TYPE_ORG_DETAIL, "no_fund_button");

    g_assert_true (gtk_widget_is_drawable (button));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                     "win.campaign-settings");
  }

  /* A fund opened: Record Contribution is enabled. */
  {
    g_autoptr(CagFund) fund = cag_fund_new ();

    fund->organization_id = org->id;
    fund->campaign_id = campaign->id;
    fund->delegations = 1;
    g_assert_true (cag_store_fund_open (store, fund, &error));
    g_assert_no_error (error);
  }
  cag_window_reload (window);
  g_assert_true (g_action_get_enabled (record_action));

  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* Enter in a search that finds exactly one opens it. */
static void
test_search_enter (Fixture       *f,
                   gconstpointer  user_data)
{
  CagOverview *overview = CAG_OVERVIEW (cag_window_get_overview (f->window));
  CagOrgList *list = CAG_ORG_LIST (cag_window_get_org_list (f->window));
  CagOrgDetail *detail = CAG_ORG_DETAIL (cag_window_get_detail (f->window));
  GtkWidget *entry = template_child (GTK_WIDGET (overview), CAG_TYPE_OVERVIEW, "search_entry");

  /* Two matches: nothing opens. */
  gtk_entry_set_text (GTK_ENTRY (entry), "o");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (cag_window_get_page (f->window), ==, "overview");
  gtk_entry_set_text (GTK_ENTRY (entry), "mauricie");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (cag_window_get_page (f->window), ==, "detail");
  g_assert_cmpint (cag_org_detail_get_org_id (detail), ==, f->data.org_ids[2]);

  cag_window_show_page (f->window, "organizations");
  entry = template_child (GTK_WIDGET (list), CAG_TYPE_ORG_LIST, "search_entry");
  gtk_entry_set_text (GTK_ENTRY (entry), "outaouais");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (cag_window_get_page (f->window), ==, "detail");
  g_assert_cmpint (cag_org_detail_get_org_id (detail), ==, f->data.org_ids[1]);
}

static void
test_fund_settings (Fixture       *f,
                    gconstpointer  user_data)
{
  CagCampaignDialog *dialog;
  g_autoptr(CagFund) fund = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;

  dialog = CAG_CAMPAIGN_DIALOG (cag_campaign_dialog_new (GTK_WINDOW (f->window), store_of (f),
                                                         f->data.campaign_id));
  /* Rows follow the organizations' folded names: 0 is Carrefour (org 3). */
  g_assert_cmpstr (cag_campaign_dialog_edit_fund (dialog, 0, "delegations", "2"), ==, "");
  fund = cag_store_fund_get (store_of (f), f->data.fund_ids[3], &error);
  g_assert_no_error (error);
  g_assert_cmpint (fund->delegations, ==, 2);
  g_assert_cmpint (fund->target_cents, ==, 900000);
  g_clear_pointer (&fund, cag_fund_free);

  message = cag_campaign_dialog_edit_fund (dialog, 0, "delegations", "0");
  g_assert_cmpstr (message, !=, "");
  message = cag_campaign_dialog_edit_fund (dialog, 0, "target", "4 500 00");
  g_assert_cmpstr (message, !=, "");                       /* bad grouping */
  g_assert_cmpstr (cag_campaign_dialog_edit_fund (dialog, 0, "target", "6000"), ==, "");
  g_assert_cmpstr (cag_campaign_dialog_edit_fund (dialog, 0, "monthly", "200,00"), ==, "");
  fund = cag_store_fund_get (store_of (f), f->data.fund_ids[3], &error);
  g_assert_cmpint (fund->target_override_cents, ==, 600000);
  g_assert_cmpint (fund->monthly_override_cents, ==, 20000);
  g_clear_pointer (&fund, cag_fund_free);

  /* Empty goes back to the computed figure. */
  g_assert_cmpstr (cag_campaign_dialog_edit_fund (dialog, 0, "target", ""), ==, "");
  fund = cag_store_fund_get (store_of (f), f->data.fund_ids[3], &error);
  g_assert_cmpint (fund->target_override_cents, ==, 0);

  /* An open fund is never closed from here. */
  g_assert_cmpstr (cag_campaign_dialog_edit_fund (dialog, 0, "fund", NULL), !=, "");
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

/* ---- Several campaigns -------------------------------------------------- */

static void
test_campaigns (Fixture       *f,
                gconstpointer  user_data)
{
  CagOverview *overview = CAG_OVERVIEW (cag_window_get_overview (f->window));
  g_autoptr(CagCampaign) second = cag_campaign_new ();
  g_autoptr(GError) error = NULL;
  CagRecordDialog *dialog;

  dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, 0));
  g_assert_false (cag_record_dialog_asks_campaign (dialog));
  gtk_widget_destroy (GTK_WIDGET (dialog));

  second->name = g_strdup ("Porto Alegre 2009");
  second->delegation_cost_cents = 500000;
  second->start = (CagDate) { 2006, 7, 1 };
  second->deadline = (CagDate) { 2009, 1, 1 };
  g_assert_true (cag_store_campaign_add (store_of (f), second, &error));
  g_assert_no_error (error);

  /* The window keeps the campaign it shows; the other is one choice away. */
  cag_window_reload (f->window);
  g_assert_cmpint (cag_window_get_campaign_id (f->window), ==, f->data.campaign_id);
  cag_window_set_campaign_id (f->window, second->id);
  g_assert_cmpuint (count_rows (cag_overview_get_model (overview)), ==, 0);
  g_assert_cmpint (cag_overview_get_totals (overview)->funds, ==, 0);

  /* With two campaigns the dialog asks which one; no fund there yet. */
  dialog = CAG_RECORD_DIALOG (cag_window_record (f->window, 0));
  g_assert_true (cag_record_dialog_asks_campaign (dialog));
  set_entry (dialog, "organization", "CDQ");
  set_entry (dialog, "amount", "10");
  g_assert_false (cag_record_dialog_is_valid (dialog));
  gtk_widget_destroy (GTK_WIDGET (dialog));

  cag_window_set_campaign_id (f->window, f->data.campaign_id);
  g_assert_cmpuint (count_rows (cag_overview_get_model (overview)), ==, 4);
}

/* ---- Statements --------------------------------------------------------- */

static void
test_export (Fixture       *f,
             gconstpointer  user_data)
{
  CagOrgDetail *detail = CAG_ORG_DETAIL (cag_window_get_detail (f->window));
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (f->window), "export-statement");
  g_autofree char *path = g_build_filename (f->data.dir, "statement.pdf", NULL);
  g_autoptr(GError) error = NULL;

  cag_window_show_organization (f->window, f->data.org_ids[1]);
  g_assert_true (cag_org_detail_can_export (detail));
  g_assert_true (g_action_get_enabled (action));

  {
    g_autofree char *name = cag_export_statement_name (store_of (f), f->data.fund_ids[1], NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_str_has_suffix (name, ".pdf"));
    g_assert_true (cag_export_statement_to (store_of (f), f->data.fund_ids[1], NULL, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_unlink (path);
  }

  /* The campaign's summary. */
  {
    GAction *summary = g_action_map_lookup_action (G_ACTION_MAP (f->window), "export-summary");

    g_assert_true (g_action_get_enabled (summary));
    g_assert_true (cag_export_summary_to (store_of (f), f->data.campaign_id, NULL, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_unlink (path);
  }

  /* Not on the overview. */
  cag_window_show_page (f->window, "overview");
  g_assert_false (g_action_get_enabled (action));
}

/* ---- A database that cannot be opened ----------------------------------- */

static GtkMessageDialog *
find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GList *l;
  GtkMessageDialog *found = NULL;

  for (l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void
test_open_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-gui-XXXXXX", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  CagWindow *window = cag_window_new (NULL);
  GtkMessageDialog *dialog;
  g_autofree char *secondary = NULL;
  g_autoptr(GError) expected = NULL;

  /* Not a database: refused with the store's message, and no crash. */
  g_assert_true (g_file_set_contents (garbage, "This is not a SQLite database, just text.\n"
                                      "This is not a SQLite database, just text.\n", -1, NULL));
  gtk_widget_show (GTK_WIDGET (window));
  g_assert_false (cag_window_open_path (window, garbage, FALSE));
  gui_test_flush (50);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  {
    CagStore *store = cag_store_open_existing (garbage, &expected);
    g_assert_null (store);
  }
  g_assert_error (expected, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_assert_cmpstr (secondary, ==, expected->message);
  g_assert_null (cag_window_get_store (window));
  g_assert_cmpstr (cag_window_get_page (window), ==, "welcome");
  gtk_widget_destroy (GTK_WIDGET (dialog));

  /* Written by a newer Cagnotte: refused, with what to do. */
  {
    g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
    g_autofree char *wal = g_strconcat (newer, "-wal", NULL);
    g_autofree char *shm = g_strconcat (newer, "-shm", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GError) too_new = NULL;
    CagStore *store = cag_store_open (newer, NULL);
    sqlite3 *db = NULL;

    g_assert_nonnull (store);
    cag_store_close (store);
    g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);

    g_assert_false (cag_window_open_path (window, newer, FALSE));
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    g_object_get (dialog, "secondary-text", &text, NULL);
    g_assert_null (cag_store_open_existing (newer, &too_new));
    g_assert_error (too_new, CAG_ERROR, CAG_ERROR_DB_TOO_NEW);
    g_assert_cmpstr (text, ==, too_new->message);
    gtk_widget_destroy (GTK_WIDGET (dialog));
    g_unlink (newer);
    g_unlink (wal);
    g_unlink (shm);
  }

  /* Open (not New) never creates a file. */
  g_assert_false (cag_window_open_path (window, missing, FALSE));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_widget_destroy (GTK_WIDGET (dialog));

  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
  g_unlink (garbage);
  g_rmdir (dir);
}

/* ---- Preferences and window state -------------------------------------- */

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = cag_settings_new_if_installed ();
  GuiTestData data;
  CagWindow *window;
  GtkWidget *dialog;
  gint width = 0, height = 0;

  /* The tests run with the build's schema and the memory backend. */
  g_assert_nonnull (settings);
  g_settings_set_string (settings, "default-method", "cash");
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 650);

  gui_test_data_init (&data, FALSE);
  window = cag_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  cag_window_set_store (window, g_steal_pointer (&data.store));
  gtk_widget_show (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The default method is proposed. */
  dialog = cag_window_record (window, 0);
  g_assert_cmpstr (cag_record_dialog_get_method (CAG_RECORD_DIALOG (dialog)), ==, "cash");
  gtk_widget_destroy (dialog);

  /* The size is kept when the window closes. */
  gtk_window_resize (GTK_WINDOW (window), 1000, 700);
  gui_test_flush (200);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "default-method");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  gui_test_data_clear (&data);
}

/* ---- Example data ------------------------------------------------------ */

static void
test_example (void)
{
  CagWindow *window = cag_window_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "cagnotte", "example.db", NULL);
  GtkTreeModel *funds;

  gtk_widget_show (GTK_WIDGET (window));
  g_assert_true (cag_window_open_example (window, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (cag_window_get_page (window), ==, "overview");
  funds = cag_overview_get_model (CAG_OVERVIEW (cag_window_get_overview (window)));
  g_assert_cmpint (gtk_tree_model_iter_n_children (funds, NULL), >, 3);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "example.db"));

  /* Mid-campaign: some funds on track, some behind, and it says so. */
  {
    const CagDate mid = { 2004, 9, 15 };
    CagOverview *overview = CAG_OVERVIEW (cag_window_get_overview (window));
    GtkTreeIter iter;
    gboolean more;
    guint on_track = 0, behind = 0;

    g_assert_cmpint (cag_date_compare (cag_window_get_as_of (window), &mid), ==, 0);
    g_assert_true (cag_overview_as_of_is_marked (overview));
    for (more = gtk_tree_model_get_iter_first (funds, &iter); more;
         more = gtk_tree_model_iter_next (funds, &iter))
      {
        g_autofree char *state = NULL;

        gtk_tree_model_get (funds, &iter, CAG_OVERVIEW_COL_STATE, &state, -1);
        on_track += g_strcmp0 (state, cag_fund_state_label (CAG_FUND_ON_TRACK)) == 0;
        behind += g_strcmp0 (state, cag_fund_state_label (CAG_FUND_BEHIND)) == 0;
      }
    g_test_message ("example at 2004-09-15: %u on track, %u behind", on_track, behind);
    g_assert_cmpuint (on_track, >, 0);
    g_assert_cmpuint (behind, >, 0);
  }

  /* The second time, the same file is opened again. */
  g_assert_true (cag_window_open_example (window, &error));
  g_assert_no_error (error);
  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
}

/* ---- Network profile ---------------------------------------------------- */

static CagNetworkDialog *
open_network_dialog (Fixture *f)
{
  CagNetworkDialog *dialog = NULL;
  GList *toplevels;

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "network-profile", NULL);
  gui_test_flush (50);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CAG_IS_NETWORK_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  return dialog;
}

/* Fields typed in the window reach the store and come back when the dialog
 * opens again; a refused e-mail keeps the dialog open with the reason. */
static void
test_network_profile (Fixture       *f,
                      gconstpointer  user_data)
{
  CagNetworkDialog *dialog = open_network_dialog (f);
  g_autoptr(CagNetwork) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *address = NULL;

  gtk_entry_set_text (cag_network_dialog_get_entry (dialog, "name"), "Réseau d’essai");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (cag_network_dialog_get_address (dialog)),
                            "12, rue Test\nQuébec (Québec)", -1);
  gtk_entry_set_text (cag_network_dialog_get_entry (dialog, "contact"), "Anne Exemple");
  gtk_entry_set_text (cag_network_dialog_get_entry (dialog, "email"), "anne at example");
  gtk_entry_set_text (cag_network_dialog_get_entry (dialog, "phone"), "418 555-0100");
  gtk_entry_set_text (cag_network_dialog_get_entry (dialog, "charity_number"), "123456789 RR 0001");
  gtk_entry_set_text (cag_network_dialog_get_entry (dialog, "website"), "example.org");

  /* Refused: the dialog stays, the profile is unchanged. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gui_test_flush (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  stored = cag_store_network_get (store_of (f), &error);
  g_assert_no_error (error);
  g_assert_null (stored->name);
  g_clear_pointer (&stored, cag_network_free);

  gtk_entry_set_text (cag_network_dialog_get_entry (dialog, "email"), "anne@example.org");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gui_test_flush (20);
  stored = cag_store_network_get (store_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "Réseau d’essai");
  g_assert_cmpstr (stored->address, ==, "12, rue Test\nQuébec (Québec)");
  g_assert_cmpstr (stored->contact, ==, "Anne Exemple");
  g_assert_cmpstr (stored->email, ==, "anne@example.org");
  g_assert_cmpstr (stored->phone, ==, "418 555-0100");
  g_assert_cmpstr (stored->charity_number, ==, "123456789 RR 0001");
  g_assert_cmpstr (stored->website, ==, "example.org");

  /* Opened again, it shows what was stored. */
  dialog = open_network_dialog (f);
  g_assert_cmpstr (gtk_entry_get_text (cag_network_dialog_get_entry (dialog, "contact")), ==,
                   "Anne Exemple");
  buffer = gtk_text_view_get_buffer (cag_network_dialog_get_address (dialog));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  address = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (address, ==, "12, rue Test\nQuébec (Québec)");
  /* Every field has a name for assistive technology. */
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (
                     GTK_WIDGET (cag_network_dialog_get_entry (dialog, "website")))), ==,
                   "Website");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gui_test_flush (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("cagnotte-data-XXXXXX", NULL);
  int status;

  /* Before GTK reads it: the example database goes into a scratch folder. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!gui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/gui/window-manager", test_window_manager);
  g_test_add ("/gui/record/validation", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_record_validation, fixture_tear_down);
  g_test_add ("/gui/record/updates-views", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_record_updates_views, fixture_tear_down);
  g_test_add ("/gui/overview/as-of", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_as_of, fixture_tear_down);
  g_test_add ("/gui/as-of/everywhere", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_as_of_everywhere, fixture_tear_down);
  g_test_add ("/gui/overview/search", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_overview_search, fixture_tear_down);
  g_test_add ("/gui/void", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_void_in_detail, fixture_tear_down);
  g_test_add ("/gui/void-dialog", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_void_dialog, fixture_tear_down);
  g_test_add ("/gui/undo", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/gui/batch/control-total", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_batch_control_total, fixture_tear_down);
  g_test_add ("/gui/organizations/dialog", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_org_dialog, fixture_tear_down);
  g_test_add_func ("/gui/first-run/campaign", test_first_run_and_campaign);
  g_test_add_func ("/gui/empty-states", test_empty_states);
  g_test_add_func ("/gui/chart/range", test_chart_range);
  g_test_add_func ("/gui/date-picker/keyboard", test_date_picker_keyboard);
  g_test_add ("/gui/columns", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_columns, fixture_tear_down);
  g_test_add ("/gui/french", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_french, fixture_tear_down);
  g_test_add ("/gui/search/enter-opens", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_search_enter, fixture_tear_down);
  g_test_add ("/gui/campaigns", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_campaigns, fixture_tear_down);
  g_test_add ("/gui/export", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/gui/campaign/fund-settings", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_fund_settings, fixture_tear_down);
  g_test_add_func ("/gui/open/errors", test_open_errors);
  g_test_add_func ("/gui/example", test_example);
  g_test_add_func ("/gui/preferences", test_preferences);
  g_test_add ("/gui/network-profile", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_network_profile, fixture_tear_down);
  status = g_test_run ();

  {
    g_autofree char *folder = g_build_filename (data_home, "cagnotte", NULL);
    g_autofree char *db = g_build_filename (folder, "example.db", NULL);
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (folder);
    g_rmdir (data_home);
  }
  return status;
}
