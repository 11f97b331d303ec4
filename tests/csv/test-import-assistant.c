/* test-import-assistant.c — the window's import assistant under Xvfb: the
 * preview shows each problem beside its row and cannot be confirmed; a clean
 * file previews without writing, then imports when the user confirms. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "cag-backup.h"
#include "cag-import-assistant.h"
#include "cag-window-data.h"
#include "csv-test-util.h"

static void
flush_events (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 10;

  while (g_get_monotonic_time () < deadline)
    while (gtk_events_pending ())
      gtk_main_iteration_do (FALSE);
}

/* Runs the main loop until the assistant's worker has finished (at most 60
 * s). */
static void
wait_idle (CagImportAssistant *assistant)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (cag_import_assistant_is_busy (assistant) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cag_import_assistant_is_busy (assistant));
  flush_events ();
}

/* The status text of the preview row for LINE, or NULL when no such row. */
static char *
status_of_line (GtkTreeModel *model,
                guint         line)
{
  GtkTreeIter iter;

  if (!gtk_tree_model_get_iter_first (model, &iter))
    return NULL;
  do
    {
      g_autofree char *text = NULL;
      char *status = NULL;

      gtk_tree_model_get (model, &iter, CAG_IMPORT_PREVIEW_LINE, &text,
                          CAG_IMPORT_PREVIEW_STATUS, &status, -1);
      if (g_ascii_strtoull (text, NULL, 10) == line)
        return status;
      g_free (status);
    }
  while (gtk_tree_model_iter_next (model, &iter));
  return NULL;
}

/* With CAGNOTTE_SCREENSHOT_DIR set, saves what WIDGET shows as NAME.png. */
static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("CAGNOTTE_SCREENSHOT_DIR");
  g_autoptr(GdkPixbuf) shot = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GdkWindow *window;

  if (dir == NULL)
    return;
  gtk_test_widget_wait_for_draw (widget);
  window = gtk_widget_get_window (widget);
  shot = gdk_pixbuf_get_from_window (window, 0, 0, gdk_window_get_width (window),
                                     gdk_window_get_height (window));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_pixbuf_save (shot, path, "png", NULL, NULL));
}

static void
imported_cb (CagImportAssistant *assistant,
             gboolean           *imported)
{
  *imported = TRUE;
}

static void
test_assistant (void)
{
  g_autofree char *good = data_path ("fr-libreoffice-cp1252.csv");
  g_autofree char *bad = NULL;
  g_autoptr(GError) error = NULL;
  CagImportAssistant *assistant;
  GtkAssistant *as;
  GtkTreeModel *preview;
  gboolean imported = FALSE;
  Fixture fx = { 0 };

  fixture_set_up (&fx, TRUE);
  bad = g_build_filename (fx.dir, "mauvais.csv", NULL);
  g_assert_true (g_file_set_contents (bad,
                                      "Date;Organisation;Montant\r\n"
                                      "15/01/2004;RISQ;125,00\r\n"
                                      "16/01/2004;RISQ;douze\r\n"
                                      "\r\n"
                                      "17/01/2004;Inconnue;125,00\r\n", -1, &error));

  assistant = cag_import_assistant_new (NULL, fx.store);
  as = GTK_ASSISTANT (assistant);
  g_object_ref_sink (assistant);
  g_signal_connect (assistant, "imported", G_CALLBACK (imported_cb), &imported);
  gtk_widget_show_all (GTK_WIDGET (assistant));
  flush_events ();

  /* Nothing chosen: the first page cannot go on. */
  g_assert_false (gtk_assistant_get_page_complete (as, gtk_assistant_get_nth_page (as, 0)));
  cag_import_assistant_set_campaign (assistant, fx.dakar_id);
  cag_import_assistant_set_file (assistant, bad);
  g_assert_true (gtk_assistant_get_page_complete (as, gtk_assistant_get_nth_page (as, 0)));
  flush_events ();
  maybe_screenshot (GTK_WIDGET (assistant), "import-file");

  gtk_assistant_next_page (as);
  wait_idle (assistant);
  g_assert_cmpint (gtk_assistant_get_current_page (as), ==, 1);
  preview = cag_import_assistant_get_preview (assistant);
  g_assert_nonnull (preview);
  g_assert_cmpint (gtk_tree_model_iter_n_children (preview, NULL), ==, 3);
  {
    g_autofree char *ok_row = status_of_line (preview, 2);
    g_autofree char *amount_row = status_of_line (preview, 3);
    g_autofree char *org_row = status_of_line (preview, 5);

    g_assert_cmpstr (ok_row, ==, "");
    g_assert_nonnull (amount_row);
    g_assert_true (g_str_has_prefix (amount_row, "amount: "));
    g_assert_nonnull (org_row);
    g_assert_nonnull (strstr (org_row, "Inconnue"));
  }
  g_assert_false (gtk_assistant_get_page_complete (as, gtk_assistant_get_nth_page (as, 1)));
  g_assert_nonnull (strstr (cag_import_assistant_get_summary (assistant), "2 problems"));
  maybe_screenshot (GTK_WIDGET (assistant), "import-problems");

  /* Back, a clean file, forward again: it can be confirmed, and nothing is
   * written before. */
  gtk_assistant_previous_page (as);
  cag_import_assistant_set_file (assistant, good);
  gtk_assistant_next_page (as);
  wait_idle (assistant);
  g_assert_true (gtk_assistant_get_page_complete (as, gtk_assistant_get_nth_page (as, 1)));
  preview = cag_import_assistant_get_preview (assistant);
  g_assert_cmpint (gtk_tree_model_iter_n_children (preview, NULL), ==, 13);
  g_assert_nonnull (strstr (cag_import_assistant_get_summary (assistant),
                            "13 contributions will be imported"));
  g_assert_cmpint (ledger_total (fx.store, NULL), ==, 0);
  g_assert_false (imported);

  /* The user confirms (the Apply button emits "apply", then moves on). */
  g_signal_emit_by_name (assistant, "apply");
  gtk_assistant_next_page (as);
  wait_idle (assistant);
  g_assert_true (imported);
  g_assert_cmpint (ledger_total (fx.store, NULL), ==, 268750);
  g_assert_nonnull (strstr (cag_import_assistant_get_summary (assistant),
                            "13 contributions imported"));

  gtk_widget_destroy (GTK_WIDGET (assistant));
  g_object_unref (assistant);
  fixture_tear_down (&fx);
}

/* A line from a Windows program and a row after the deadline: the summary
 * says how the file was read, the row shows its warning, and the import may
 * go on. */
static void
test_encoding_and_warning (void)
{
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  CagImportAssistant *assistant;
  GtkAssistant *as;
  Fixture fx = { 0 };

  fixture_set_up (&fx, TRUE);
  file = g_build_filename (fx.dir, "mixte.csv", NULL);
  g_assert_true (g_file_set_contents (file,
                                      "Date;Organisation;Montant;Référence\n"
                                      "15/01/2004;RISQ;125,00;Réf 1\n"
                                      "16/01/2004;RISQ;125,00;R\xE9" "f 2\n"
                                      "01/12/2005;RISQ;125,00;Réf 3\n", -1, &error));
  assistant = cag_import_assistant_new (NULL, fx.store);
  as = GTK_ASSISTANT (assistant);
  g_object_ref_sink (assistant);
  gtk_widget_show_all (GTK_WIDGET (assistant));
  cag_import_assistant_set_campaign (assistant, fx.dakar_id);
  cag_import_assistant_set_file (assistant, file);
  gtk_assistant_next_page (as);
  wait_idle (assistant);

  g_assert_true (gtk_assistant_get_page_complete (as, gtk_assistant_get_nth_page (as, 1)));
  g_assert_nonnull (strstr (cag_import_assistant_get_summary (assistant),
                            "1 line was not UTF-8 and was read as Windows-1252 (line 3)"));
  {
    g_autofree char *late = status_of_line (cag_import_assistant_get_preview (assistant), 4);
    g_autofree char *plain = status_of_line (cag_import_assistant_get_preview (assistant), 3);

    g_assert_nonnull (late);
    g_assert_true (g_str_has_prefix (late, "date: "));
    g_assert_nonnull (strstr (late, "deadline"));
    g_assert_cmpstr (plain, ==, "");
  }
  maybe_screenshot (GTK_WIDGET (assistant), "import-warning");

  gtk_widget_destroy (GTK_WIDGET (assistant));
  g_object_unref (assistant);
  fixture_tear_down (&fx);
}

/* ---- Off the main loop ------------------------------------------------- */

typedef struct
{
  gint64 last;
  gint64 longest;
  guint  ticks;
} Stall;

static gboolean
tick_cb (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last > 0)
    stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;
  stall->ticks++;
  return G_SOURCE_CONTINUE;
}

static char *
write_big_file (const char *dir,
                guint       rows)
{
  g_autoptr(GString) text = g_string_new ("Date;Organisation;Montant;Référence;Note\r\n");
  g_autoptr(GError) error = NULL;
  const char *orgs[] = { "Écof", "Chantier", "CDR Mauricie", "RISQ" };
  char *path = g_build_filename (dir, "grand.csv", NULL);

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "%02u/%02u/2004;%s;%u,%02u;G-%u;%s\r\n", 1 + i % 28,
                            1 + i % 12, orgs[i % 4], 1 + i % 500, i % 100, i,
                            i % 7 == 0 ? "versement mensuel" : "");
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);
  return path;
}

/* 100,000 rows checked and imported while a 10 ms timer runs: the main
 * loop keeps answering (docs/PERFORMANCE.md reports the longest stall). */
static void
test_large_import_responsive (void)
{
  g_autofree char *file = NULL;
  CagImportAssistant *assistant;
  GtkAssistant *as;
  Stall stall = { 0 };
  Fixture fx = { 0 };
  guint timer;
  gint64 start;
  guint count = 0;

  fixture_set_up (&fx, TRUE);
  file = write_big_file (fx.dir, 100000);
  assistant = cag_import_assistant_new (NULL, fx.store);
  as = GTK_ASSISTANT (assistant);
  g_object_ref_sink (assistant);
  gtk_widget_show_all (GTK_WIDGET (assistant));
  flush_events ();
  cag_import_assistant_set_campaign (assistant, fx.dakar_id);
  cag_import_assistant_set_file (assistant, file);

  timer = g_timeout_add (10, tick_cb, &stall);
  start = g_get_monotonic_time ();
  gtk_assistant_next_page (as);
  g_assert_true (cag_import_assistant_is_busy (assistant));
  wait_idle (assistant);
  g_test_message ("dry run of 100,000 rows: %.2f s, longest stall %.0f ms",
                  (g_get_monotonic_time () - start) / 1e6, stall.longest / 1e3);
  g_assert_true (gtk_assistant_get_page_complete (as, gtk_assistant_get_nth_page (as, 1)));
  g_assert_nonnull (strstr (cag_import_assistant_get_summary (assistant),
                            "100000 contributions will be imported"));
  g_assert_nonnull (strstr (cag_import_assistant_get_summary (assistant), "first 2000 rows"));
  maybe_screenshot (GTK_WIDGET (assistant), "import-large-preview");

  start = g_get_monotonic_time ();
  g_signal_emit_by_name (assistant, "apply");
  gtk_assistant_next_page (as);
  g_assert_true (cag_import_assistant_is_busy (assistant));
  {
    GtkProgressBar *bar = g_object_get_data (G_OBJECT (assistant), "import-progress");

    while (cag_import_assistant_is_busy (assistant) && gtk_progress_bar_get_fraction (bar) == 0)
      g_main_context_iteration (NULL, TRUE);
    if (cag_import_assistant_is_busy (assistant))
      maybe_screenshot (GTK_WIDGET (assistant), "import-progress");
  }
  wait_idle (assistant);
  g_source_remove (timer);
  g_test_message ("import of 100,000 rows: %.2f s; longest stall of a 10 ms timer over both: "
                  "%.0f ms (%u ticks)", (g_get_monotonic_time () - start) / 1e6,
                  stall.longest / 1e3, stall.ticks);
  g_printerr ("# longest main-loop stall while importing 100,000 rows: %.0f ms\n",
              stall.longest / 1e3);
  ledger_total (fx.store, &count);
  g_assert_cmpuint (count, ==, 100000);
  /* The synchronous import froze the window for seconds; the goal is under
   * 100 ms, the bound leaves room for a loaded test machine. */
  g_assert_cmpint (stall.longest, <, 500 * 1000);

  gtk_widget_destroy (GTK_WIDGET (assistant));
  g_object_unref (assistant);
  fixture_tear_down (&fx);
}

static void
progress_seen_cb (GtkProgressBar     *bar,
                  GParamSpec         *pspec,
                  CagImportAssistant *assistant)
{
  if (gtk_progress_bar_get_fraction (bar) > 0)
    cag_import_assistant_stop (assistant);
}

/* Stop during the import: nothing is written, the summary says so. */
static void
test_stop_import (void)
{
  g_autofree char *file = NULL;
  CagImportAssistant *assistant;
  GtkProgressBar *bar;
  GtkAssistant *as;
  Fixture fx = { 0 };
  guint count = 1;

  fixture_set_up (&fx, TRUE);
  file = write_big_file (fx.dir, 100000);
  assistant = cag_import_assistant_new (NULL, fx.store);
  as = GTK_ASSISTANT (assistant);
  g_object_ref_sink (assistant);
  gtk_widget_show_all (GTK_WIDGET (assistant));
  cag_import_assistant_set_campaign (assistant, fx.dakar_id);
  cag_import_assistant_set_file (assistant, file);
  gtk_assistant_next_page (as);
  wait_idle (assistant);

  bar = g_object_get_data (G_OBJECT (assistant), "import-progress");
  g_assert_nonnull (bar);
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (progress_seen_cb), assistant);
  g_signal_emit_by_name (assistant, "apply");
  gtk_assistant_next_page (as);
  wait_idle (assistant);
  g_test_message ("summary: %s", cag_import_assistant_get_summary (assistant));
  g_assert_nonnull (strstr (cag_import_assistant_get_summary (assistant), "nothing was imported"));
  ledger_total (fx.store, &count);
  g_assert_cmpuint (count, ==, 0);
  maybe_screenshot (GTK_WIDGET (assistant), "import-stopped");

  gtk_widget_destroy (GTK_WIDGET (assistant));
  g_object_unref (assistant);
  fixture_tear_down (&fx);
}

static void
destroyed_cb (GtkWidget *widget,
              gboolean  *destroyed)
{
  *destroyed = TRUE;
}

/* Closing the assistant (its Cancel or Close, or the window manager's close
 * button) during an import stops the import first, then closes: all or
 * nothing, never half. */
static void
test_close_during_import (void)
{
  g_autofree char *file = NULL;
  CagImportAssistant *assistant;
  GtkAssistant *as;
  gboolean destroyed = FALSE;
  Fixture fx = { 0 };
  guint count = 1;

  fixture_set_up (&fx, TRUE);
  file = write_big_file (fx.dir, 100000);
  assistant = cag_import_assistant_new (NULL, fx.store);
  as = GTK_ASSISTANT (assistant);
  g_object_ref_sink (assistant);
  g_signal_connect (assistant, "destroy", G_CALLBACK (destroyed_cb), &destroyed);
  gtk_widget_show_all (GTK_WIDGET (assistant));
  cag_import_assistant_set_campaign (assistant, fx.dakar_id);
  cag_import_assistant_set_file (assistant, file);
  gtk_assistant_next_page (as);
  wait_idle (assistant);

  g_signal_emit_by_name (assistant, "apply");
  gtk_assistant_next_page (as);
  g_assert_true (cag_import_assistant_is_busy (assistant));
  g_signal_emit_by_name (assistant, "close");
  /* Not yet: the import must stop first. */
  g_assert_false (destroyed);
  wait_idle (assistant);
  g_assert_true (destroyed);
  ledger_total (fx.store, &count);
  g_assert_true (count == 0 || count == 100000);

  g_object_unref (assistant);
  fixture_tear_down (&fx);
}

/* The window's Back up and Restore, and its Import opening the assistant. */
static void
test_window_actions (void)
{
  g_autofree char *fr = data_path ("fr-libreoffice-cp1252.csv");
  g_autofree char *en = data_path ("en-libreoffice.csv");
  g_autofree char *copy = NULL;
  g_autofree char *garbage = NULL;
  g_autoptr(GError) error = NULL;
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) first = NULL;
  g_autoptr(CagImportReport) second = NULL;
  CagImportAssistant *assistant;
  CagWindow *window;
  Fixture fx = { 0 };

  fixture_set_up (&fx, TRUE);
  copy = g_build_filename (fx.dir, "copie.db", NULL);
  garbage = g_build_filename (fx.dir, "pas-une-base.db", NULL);
  g_assert_true (cag_import_contributions (fx.store, fr, &options, &first, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fx.store, cag_store_close);

  window = cag_window_new (NULL);
  g_object_ref_sink (window);
  g_assert_true (cag_window_open_path (window, fx.path, FALSE));
  gtk_widget_show (GTK_WIDGET (window));
  flush_events ();
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "import"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "backup"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "restore"));

  g_assert_true (cag_window_data_backup (window, copy, &error));
  g_assert_no_error (error);
  g_assert_true (cag_backup_verify (copy, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (cag_import_contributions (cag_window_get_store (window), en, &options, &second,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_total (cag_window_get_store (window), NULL), ==, 268750 + 395050);

  g_assert_true (cag_window_data_restore (window, copy, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cag_window_get_store (window));
  g_assert_cmpint (ledger_total (cag_window_get_store (window), NULL), ==, 268750);

  /* A file that is not a backup changes nothing, and the window keeps its
   * database. */
  g_assert_true (g_file_set_contents (garbage, "pas une base", -1, NULL));
  g_assert_false (cag_window_data_restore (window, garbage, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_nonnull (cag_window_get_store (window));
  g_assert_cmpint (ledger_total (cag_window_get_store (window), NULL), ==, 268750);

  assistant = cag_window_data_import (window);
  g_assert_nonnull (assistant);
  flush_events ();
  gtk_widget_destroy (GTK_WIDGET (assistant));

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (window);
  fixture_tear_down (&fx);
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  cag_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-assistant/preview-and-import", test_assistant);
  g_test_add_func ("/import-assistant/window-actions", test_window_actions);
  g_test_add_func ("/import-assistant/encoding-and-warning", test_encoding_and_warning);
  g_test_add_func ("/import-assistant/large-import-responsive", test_large_import_responsive);
  g_test_add_func ("/import-assistant/stop-import", test_stop_import);
  g_test_add_func ("/import-assistant/close-during-import", test_close_during_import);
  return g_test_run ();
}
