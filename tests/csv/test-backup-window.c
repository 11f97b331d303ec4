/* test-backup-window.c — Back up and Restore in the window run in a worker
 * thread behind a progress dialog; Cancel leaves no copy, or the database
 * as it was (docs/GUI.md).  Under Xvfb; CAGNOTTE_TEST_COPY_DELAY_MS slows
 * each step so that Cancel lands half way. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "cag-backup.h"
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

static void
destroyed_cb (GtkWidget *widget,
              gpointer   user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Runs the main loop until DIALOG is destroyed (the copy ended). */
static void
wait_for_end (CagProgressDialog *dialog)
{
  gboolean destroyed = FALSE;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_signal_connect (dialog, "destroy", G_CALLBACK (destroyed_cb), &destroyed);
  while (!destroyed && g_get_monotonic_time () < deadline)
    gtk_main_iteration_do (FALSE);
  g_assert_true (destroyed);
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("CAGNOTTE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GdkWindow *window = gtk_widget_get_window (widget);

  if (dir == NULL || window == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  pixbuf = gdk_pixbuf_get_from_window (window, 0, 0, gdk_window_get_width (window),
                                       gdk_window_get_height (window));
  if (pixbuf != NULL)
    gdk_pixbuf_save (pixbuf, path, "png", NULL, NULL);
}

static guint
count_leftovers (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".cagtmp-") != NULL || strstr (name, "before-restore") != NULL)
      n++;
  return n;
}

static void
add_many (CagStore *store,
          gint64    campaign_id,
          guint     count)
{
  g_autoptr(GPtrArray) funds = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cag_contribution_free);
  g_autoptr(GError) error = NULL;

  funds = cag_store_fund_list (store, campaign_id, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < count; i++)
    {
      CagContribution *c = cag_contribution_new ();

      c->fund_id = ((CagFund *) funds->pdata[i % funds->len])->id;
      c->date = (CagDate) { 2004, 1 + (gint) (i % 12), 1 + (gint) (i % 28) };
      c->amount_cents = 100;
      c->reference = g_strdup_printf ("chèque numéro %u de la pile du mois", i);
      g_ptr_array_add (batch, c);
    }
  g_assert_true (cag_store_contribution_add_batch (store, batch, &error));
  g_assert_no_error (error);
}

static void
test_backup_and_restore_in_thread (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *cancelled_copy = NULL;
  CagProgressDialog *dialog;
  CagWindow *window;
  gint64 total;

  fixture_set_up (&fx, TRUE);
  add_many (fx.store, fx.dakar_id, 6000);
  total = ledger_total (fx.store, NULL);
  g_clear_pointer (&fx.store, cag_store_close);
  copy = g_build_filename (fx.dir, "copie.db", NULL);
  cancelled_copy = g_build_filename (fx.dir, "annulee.db", NULL);

  window = cag_window_new (NULL);
  g_object_ref_sink (window);
  g_assert_true (cag_window_open_path (window, fx.path, FALSE));
  gtk_widget_show (GTK_WIDGET (window));
  flush_events ();

  /* A backup that runs to the end. */
  g_unsetenv ("CAGNOTTE_TEST_COPY_DELAY_MS");
  dialog = cag_window_data_backup_start (window, copy);
  g_assert_nonnull (dialog);
  wait_for_end (dialog);
  g_assert_true (cag_backup_verify (copy, NULL, &error));
  g_assert_no_error (error);

  /* A backup cancelled half way: the window stays usable meanwhile, and no
   * file is left. */
  g_setenv ("CAGNOTTE_TEST_COPY_DELAY_MS", "150", TRUE);
  dialog = cag_window_data_backup_start (window, cancelled_copy);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  flush_events ();
  g_usleep (G_USEC_PER_SEC / 5);
  flush_events ();
  save_shot (GTK_WIDGET (dialog), "backup-progress.png");
  g_assert_nonnull (cag_window_get_store (window));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_for_end (dialog);
  g_assert_false (g_file_test (cancelled_copy, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_leftovers (fx.dir), ==, 0);

  /* More rows, then a restore cancelled half way: the database is as it
   * was, open again in the window, and no safety copy is left. */
  add_many (cag_window_get_store (window), fx.dakar_id, 10);
  dialog = cag_window_data_restore_start (window, copy);
  g_assert_null (cag_window_get_store (window));
  flush_events ();
  g_usleep (G_USEC_PER_SEC / 5);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_for_end (dialog);
  g_assert_nonnull (cag_window_get_store (window));
  g_assert_cmpint (ledger_total (cag_window_get_store (window), NULL), ==, total + 1000);
  g_assert_cmpuint (count_leftovers (fx.dir), ==, 0);

  /* The same restore to the end. */
  g_unsetenv ("CAGNOTTE_TEST_COPY_DELAY_MS");
  dialog = cag_window_data_restore_start (window, copy);
  wait_for_end (dialog);
  g_assert_nonnull (cag_window_get_store (window));
  g_assert_cmpint (ledger_total (cag_window_get_store (window), NULL), ==, total);
  g_assert_true (cag_store_check_totals (cag_window_get_store (window), &error));
  g_assert_no_error (error);

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
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init forces the "C" locale, where gettext ignores LANGUAGE. */
  cag_i18n_init ();
  g_test_add_func ("/backup-window/backup-and-restore-in-thread",
                   test_backup_and_restore_in_thread);
  return g_test_run ();
}
