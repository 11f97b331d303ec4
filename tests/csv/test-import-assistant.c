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

  gtk_assistant_next_page (as);
  flush_events ();
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
  flush_events ();
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
  flush_events ();
  g_assert_true (imported);
  g_assert_cmpint (ledger_total (fx.store, NULL), ==, 268750);
  g_assert_nonnull (strstr (cag_import_assistant_get_summary (assistant),
                            "13 contributions imported"));

  gtk_widget_destroy (GTK_WIDGET (assistant));
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
  return g_test_run ();
}
