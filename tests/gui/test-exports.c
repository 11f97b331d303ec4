/* test-exports.c — the window's PDF and CSV exports (issues 5 and 6): what
 * the buttons and menu items call writes valid files in the UI language,
 * the pro-forma for one funder, one statement per fund into a folder, and an
 * unwritable target gives an error and no partial file. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cag-budget.h"
#include "cag-budget-view.h"
#include "cag-error.h"
#include "cag-export-progress.h"
#include "cag-gui-export.h"
#include "cag-i18n.h"
#include "cag-pdf.h"
#include "cag-window.h"
#include "gui-test-util.h"

typedef struct
{
  GuiTestData  data;
  CagWindow   *window;
  gint64       budget_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  gui_test_data_init (&f->data, TRUE);
  g_assert_true (cag_budget_demo_fill (f->data.store, &f->budget_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->budget_id, >, 0);
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
  cag_i18n_set_language (CAG_LANG_EN);
  gui_test_data_clear (&f->data);
}

static CagStore *
store_of (Fixture *f)
{
  return cag_window_get_store (f->window);
}

static void
assert_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  {
    /* The trailer ends the file (the content has NULs: no str* search). */
    g_autofree char *tail = g_strndup (contents + length - 32, 32);

    g_assert_nonnull (strstr (tail, "%EOF"));
  }
}

/* The first row of a CSV file written for spreadsheets: after the BOM. */
static char *
csv_header (const char *path)
{
  g_autofree char *contents = NULL;
  char *end;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  end = strstr (contents, "\r\n");
  g_assert_nonnull (end);
  return g_strndup (contents + 3, (gsize) (end - contents - 3));
}

/* Only ENTRY in DIR: nothing half written was left beside it. */
static guint
count_entries (const char *dir,
               const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (suffix == NULL || g_str_has_suffix (name, suffix))
      n++;
  return n;
}

/* ---- Actions and controls ----------------------------------------------- */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  if (GTK_IS_CONTAINER (root))
    {
      g_autoptr(GList) children = gtk_container_get_children (GTK_CONTAINER (root));
      GList *l;

      for (l = children; l != NULL; l = l->next)
        {
          GtkWidget *found = find_named (l->data, name);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static void
test_actions (Fixture       *f,
              gconstpointer  user_data)
{
  static const char *const actions[] = {
    "export-statements", "export-reminders", "export-proforma", "export-proforma-csv",
    "export-contributions-csv", "export-status-csv", "export-summary",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (f->window), actions[i]);

      g_assert_nonnull (action);
      g_assert_true (g_action_get_enabled (action));
    }

  /* The Budgets page's buttons act through the window's actions, with
   * mnemonics. */
  cag_window_show_page (f->window, "budgets");
  gui_test_flush (50);
  {
    GtkWidget *pdf = find_named (GTK_WIDGET (f->window), "export-proforma");
    GtkWidget *csv = find_named (GTK_WIDGET (f->window), "export-proforma-csv");

    g_assert_nonnull (pdf);
    g_assert_nonnull (csv);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (pdf)), ==,
                     "win.export-proforma");
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (csv)), ==,
                     "win.export-proforma-csv");
    g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (pdf)));
    g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (csv)));
    g_assert_true (gtk_widget_is_sensitive (pdf));
    g_assert_true (gtk_widget_get_mapped (pdf));
    g_assert_true (gtk_widget_get_mapped (csv));
  }
}

/* The budget view has some budget shown after loading. */
static void
test_budget_shown (Fixture       *f,
                   gconstpointer  user_data)
{
  GtkWidget *pdf = find_named (GTK_WIDGET (f->window), "export-proforma");
  GtkWidget *view = pdf;

  while (view != NULL && !CAG_IS_BUDGET_VIEW (view))
    view = gtk_widget_get_parent (view);
  g_assert_nonnull (view);
  cag_budget_view_load (CAG_BUDGET_VIEW (view), store_of (f));
  cag_budget_view_select (CAG_BUDGET_VIEW (view), f->budget_id);
  g_assert_cmpint (cag_budget_view_get_budget_id (CAG_BUDGET_VIEW (view)), ==, f->budget_id);
}

/* ---- PDF ---------------------------------------------------------------- */

static void
test_proforma_pdf (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funders = cag_funder_list (store_of (f), &error);
  g_autofree char *all_name = cag_export_proforma_name (store_of (f), f->budget_id, 0);
  g_autofree char *all = g_build_filename (f->data.dir, all_name, NULL);
  CagFunder *funder;

  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (all_name, ".pdf"));
  g_assert_true (cag_export_proforma_to (store_of (f), f->budget_id, 0, all, &error));
  g_assert_no_error (error);
  assert_pdf (all);

  /* For one funder: its name in the proposed file name. */
  g_assert_cmpuint (funders->len, >, 0);
  funder = g_ptr_array_index (funders, 0);
  {
    g_autofree char *name = cag_export_proforma_name (store_of (f), f->budget_id, funder->id);
    g_autofree char *folded = cag_pdf_safe_name (funder->name);
    g_autofree char *safe = g_ascii_strdown (folded, -1);
    g_autofree char *one = g_build_filename (f->data.dir, name, NULL);

    g_assert_cmpstr (name, !=, all_name);
    /* (the funder's part of the name is shortened) */
    if (strlen (safe) > 16)
      safe[16] = '\0';
    g_assert_nonnull (strstr (name, safe));
    g_assert_true (cag_export_proforma_to (store_of (f), f->budget_id, funder->id, one, &error));
    g_assert_no_error (error);
    assert_pdf (one);
  }

  /* Written, then opened in the viewer: CAGNOTTE_NO_VIEWER (the test
   * environment) only notifies. */
  g_assert_false (cag_export_viewer_enabled ());
  g_assert_true (cag_export_open_path (GTK_WINDOW (f->window), all, &error));
  g_assert_no_error (error);
  cag_window_exported (f->window, "saved", all);
}

static void
test_statements_folder (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funds = cag_store_fund_list (store_of (f), f->data.campaign_id, 0, &error);
  g_autofree char *dir = g_build_filename (f->data.dir, "statements", NULL);
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (funds->len, >, 1);
  g_assert_true (cag_export_statements_to (store_of (f), f->data.campaign_id, NULL, dir, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, funds->len);
  g_assert_cmpuint (count_entries (dir, ".pdf"), ==, funds->len);
  g_assert_cmpuint (count_entries (dir, NULL), ==, funds->len);

  /* The notification offers to open the folder. */
  cag_window_notify_open (f->window, "written", dir);
  g_assert_cmpstr (cag_window_get_open_path (f->window), ==, dir);
  cag_window_notify (f->window, "other", 0);
  g_assert_null (cag_window_get_open_path (f->window));
}

/* The window's "As of" date reaches the documents: a summary exported with
 * a past date names that date, and its status CSV counts nothing saved after
 * it. */
static void
test_as_of (Fixture       *f,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->data.dir, "summary-past.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->data.dir, "status-past.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *when = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(CagCampaign) campaign = cag_store_campaign_get (store_of (f), f->data.campaign_id,
                                                            &error);
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  CagDate as_of;
  int status = 0;

  g_assert_no_error (error);
  /* The day before saving starts: nothing saved yet. */
  as_of = cag_date_from_days (cag_date_to_days (&campaign->start) - 1);
  when = cag_date_format (&as_of, CAG_LANG_EN);

  g_assert_true (cag_export_summary_to (store_of (f), f->data.campaign_id, &as_of, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                               | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status,
                               &error));
  g_assert_no_error (error);
  /* pdftotext turns no-break spaces into plain ones; so does the check. */
  flat = g_strdup (when);
  for (char *p = flat; *p != '\0'; p++)
    if ((guchar) *p == 0xc2 && (guchar) p[1] == 0xa0)
      {
        p[0] = ' ';
        memmove (p + 1, p + 2, strlen (p + 2) + 1);
      }
  g_assert_nonnull (strstr (text, flat));

  g_assert_true (cag_export_status_csv_to (store_of (f), f->data.campaign_id, &as_of, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  {
    g_autofree char *iso = cag_date_to_iso (&as_of);

    /* Every row is as of that date, and before the start no fund is behind. */
    g_assert_nonnull (strstr (contents, iso));
    g_assert_null (strstr (contents, "behind"));
  }
}

/* ---- CSV ---------------------------------------------------------------- */

static void
test_csv (Fixture       *f,
          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = cag_export_contributions_csv_name (store_of (f), f->data.campaign_id);
  g_autofree char *status_name = cag_export_status_csv_name (store_of (f), f->data.campaign_id, NULL);
  g_autofree char *proforma_name = cag_export_proforma_csv_name (store_of (f), f->budget_id);
  g_autofree char *path = g_build_filename (f->data.dir, name, NULL);
  g_autofree char *status = g_build_filename (f->data.dir, status_name, NULL);
  g_autofree char *proforma = g_build_filename (f->data.dir, proforma_name, NULL);
  g_autofree char *header = NULL;

  g_assert_true (g_str_has_suffix (name, ".csv"));
  g_assert_true (g_str_has_suffix (status_name, ".csv"));
  g_assert_true (g_str_has_suffix (proforma_name, ".csv"));
  g_assert_cmpstr (name, !=, status_name);

  g_assert_true (cag_export_contributions_csv_to (store_of (f), f->data.campaign_id, NULL, path, &error));
  g_assert_no_error (error);
  header = csv_header (path);
  g_assert_true (g_str_has_prefix (header, "date,organization,campaign,amount,"));

  g_assert_true (cag_export_status_csv_to (store_of (f), f->data.campaign_id, NULL, status, &error));
  g_assert_no_error (error);
  g_clear_pointer (&header, g_free);
  header = csv_header (status);
  g_assert_true (g_str_has_prefix (header, "as of,organization,"));

  g_assert_true (cag_export_proforma_csv_to (store_of (f), f->budget_id, NULL, proforma, &error));
  g_assert_no_error (error);
  g_clear_pointer (&header, g_free);
  header = csv_header (proforma);
  g_assert_true (g_str_has_prefix (header, "budget,version,code,budget line,amount,"));

  /* In French: the semicolon, and the French column titles. */
  cag_i18n_set_language (CAG_LANG_FR);
  g_assert_true (cag_export_contributions_csv_to (store_of (f), f->data.campaign_id, NULL, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&header, g_free);
  header = csv_header (path);
  g_assert_nonnull (strchr (header, ';'));
  g_assert_null (strchr (header, ','));
  g_assert_false (g_str_has_prefix (header, "date;organization;"));
  /* The new controls speak French too. */
  g_assert_cmpstr (_("E_xport Pro-forma…"), ==, "E_xporter le pro forma…");
  g_assert_cmpstr (_("Export All Sta_tements…"), ==, "Exporter _tous les relevés…");
  cag_i18n_set_language (CAG_LANG_EN);
}

/* ---- Failures ----------------------------------------------------------- */

static void
test_unwritable (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (f->data.dir, "not-a-folder", NULL);
  g_autofree char *pdf = g_build_filename (blocker, "out.pdf", NULL);
  g_autofree char *csv = g_build_filename (blocker, "out.csv", NULL);
  guint before;
  guint n = 99;

  /* A path under a regular file cannot be written, even by root. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  before = count_entries (f->data.dir, NULL);

  g_assert_false (cag_export_proforma_to (store_of (f), f->budget_id, 0, pdf, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_false (cag_export_statement_to (store_of (f), f->data.fund_ids[1], NULL, pdf, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (cag_export_contributions_csv_to (store_of (f), f->data.campaign_id, NULL, csv, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (cag_export_proforma_csv_to (store_of (f), f->budget_id, NULL, csv, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (cag_export_statements_to (store_of (f), f->data.campaign_id, NULL, blocker, &n, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (n, ==, 0);
  g_clear_error (&error);

  /* Nothing half written anywhere. */
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (f->data.dir, NULL), ==, before);

  /* A pro-forma addressed to a funder without an offer is refused. */
  {
    g_autofree char *out = g_build_filename (f->data.dir, "none.pdf", NULL);

    g_assert_false (cag_export_proforma_to (store_of (f), f->budget_id, 999999, out, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
}

/* ---- Batches off the main loop ------------------------------------------ */

typedef struct
{
  gboolean   finished;
  GPtrArray *paths;
  GError    *error;
} BatchResult;

static void
batch_result_cb (GPtrArray    *paths,
                 const GError *error,
                 gpointer      user_data)
{
  BatchResult *r = user_data;

  r->finished = TRUE;
  r->paths = g_ptr_array_ref (paths);
  r->error = error != NULL ? g_error_copy (error) : NULL;
}

/* Runs the main loop until the batch has ended (at most 60 s). */
static void
wait_for_batch (BatchResult *r)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (!r->finished && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (r->finished);
}

static void
batch_result_clear (BatchResult *r)
{
  g_clear_pointer (&r->paths, g_ptr_array_unref);
  g_clear_error (&r->error);
  r->finished = FALSE;
}

static guint
behind_count (Fixture *f)
{
  g_autoptr(GPtrArray) statuses = cag_store_status_list (store_of (f), f->data.campaign_id, 0,
                                                         NULL, NULL);
  guint n = 0;

  for (guint i = 0; i < statuses->len; i++)
    n += ((CagFundStatus *) statuses->pdata[i])->figures.state == CAG_FUND_BEHIND;
  return n;
}

/* All statements and the reminder letters, written by a worker on its own
 * connection while the window's main loop runs; the window keeps its
 * language and the environment its LANGUAGE. */
static void
test_batches (Fixture       *f,
              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) funds = cag_store_fund_list (store_of (f), f->data.campaign_id, 0, NULL);
  g_autofree char *dir = g_build_filename (f->data.dir, "tous", NULL);
  g_autofree char *letters = g_build_filename (f->data.dir, "rappels", NULL);
  g_autofree char *env_before = NULL;
  BatchResult r = { 0 };
  GtkWidget *dialog;
  guint behind = behind_count (f);

  cag_i18n_set_language (CAG_LANG_FR);
  env_before = g_strdup (g_getenv ("LANGUAGE"));
  g_assert_cmpuint (behind, >, 0);
  dialog = cag_export_progress_run (GTK_WINDOW (f->window), store_of (f),
                                    CAG_EXPORT_BATCH_STATEMENTS, f->data.campaign_id, NULL, dir,
                                    batch_result_cb, &r);
  g_assert_true (CAG_IS_EXPORT_PROGRESS (dialog));
  wait_for_batch (&r);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.paths->len, ==, funds->len);
  g_assert_cmpuint (count_entries (dir, ".pdf"), ==, funds->len);
  for (guint i = 0; i < r.paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (r.paths->pdata[i]);

      g_assert_true (g_str_has_prefix (base, "releve-"));
      assert_pdf (r.paths->pdata[i]);
    }
  batch_result_clear (&r);

  cag_export_progress_run (GTK_WINDOW (f->window), store_of (f), CAG_EXPORT_BATCH_REMINDERS,
                           f->data.campaign_id, NULL, letters, batch_result_cb, &r);
  wait_for_batch (&r);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.paths->len, ==, behind);
  g_assert_cmpuint (count_entries (letters, ".pdf"), ==, behind);
  {
    g_autofree char *base = g_path_get_basename (r.paths->pdata[0]);

    g_assert_true (g_str_has_prefix (base, "rappel-"));
  }
  batch_result_clear (&r);

  g_assert_cmpint (cag_i18n_get_language (), ==, CAG_LANG_FR);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, env_before);
  g_assert_cmpstr (_("_Cancel"), ==, "_Annuler");
}

/* Cancel stops the batch between two documents; an error midway reports
 * the files written before it. */
static void
test_batch_cancel_and_partial (Fixture       *f,
                               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) funds = cag_store_fund_list (store_of (f), f->data.campaign_id, 0, NULL);
  g_autofree char *dir = g_build_filename (f->data.dir, "annule", NULL);
  g_autofree char *partial = g_build_filename (f->data.dir, "partiel", NULL);
  g_autofree char *blocker = NULL;
  BatchResult r = { 0 };
  GtkWidget *dialog;

  dialog = cag_export_progress_run (GTK_WINDOW (f->window), store_of (f),
                                    CAG_EXPORT_BATCH_STATEMENTS, f->data.campaign_id, NULL, dir,
                                    batch_result_cb, &r);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_for_batch (&r);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (r.paths->len, <, funds->len);
  batch_result_clear (&r);

  /* The last statement's name is taken by a folder. */
  {
    g_autoptr(GPtrArray) all = NULL;

    g_assert_true (cag_pdf_write_statements (store_of (f), f->data.campaign_id, NULL,
                                             CAG_LANG_EN, dir, &all, NULL));
    {
      g_autofree char *last = g_path_get_basename (all->pdata[all->len - 1]);

      blocker = g_build_filename (partial, last, NULL);
    }
  }
  g_assert_cmpint (g_mkdir_with_parents (blocker, 0755), ==, 0);
  cag_export_progress_run (GTK_WINDOW (f->window), store_of (f), CAG_EXPORT_BATCH_STATEMENTS,
                           f->data.campaign_id, NULL, partial, batch_result_cb, &r);
  wait_for_batch (&r);
  g_assert_nonnull (r.error);
  g_assert_cmpuint (r.paths->len, ==, funds->len - 1);
  batch_result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/exports/actions", Fixture, NULL, fixture_set_up, test_actions, fixture_tear_down);
  g_test_add ("/exports/budget-shown", Fixture, NULL, fixture_set_up, test_budget_shown,
              fixture_tear_down);
  g_test_add ("/exports/proforma-pdf", Fixture, NULL, fixture_set_up, test_proforma_pdf,
              fixture_tear_down);
  g_test_add ("/exports/statements-folder", Fixture, NULL, fixture_set_up,
              test_statements_folder, fixture_tear_down);
  g_test_add ("/exports/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/exports/as-of", Fixture, NULL, fixture_set_up, test_as_of, fixture_tear_down);
  g_test_add ("/exports/unwritable", Fixture, NULL, fixture_set_up, test_unwritable,
              fixture_tear_down);
  g_test_add ("/exports/batches", Fixture, NULL, fixture_set_up, test_batches, fixture_tear_down);
  g_test_add ("/exports/batch-cancel-partial", Fixture, NULL, fixture_set_up,
              test_batch_cancel_and_partial, fixture_tear_down);
  return g_test_run ();
}
