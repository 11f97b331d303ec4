/* test-gui-watch.c — the window and shared databases: it redraws its
 * figures after another program writes to the database it shows, and its
 * Connect to a Server… dialog (docs/GUI.md, "Changes made by others",
 * "Connect to a Server"). */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cag-application.h"
#include "cag-server-dialog.h"
#include "cag-overview.h"
#include "cag-store-watch.h"
#include "cag-window.h"
#include "gui-test-util.h"

static gboolean
expired_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_window_sees_other_writer (void)
{
  g_autoptr(GError) error = NULL;
  GuiTestData data = { 0 };
  CagWindow *window;
  CagOverview *overview;
  CagStore *other;
  gint64 before;
  gboolean expired = FALSE;
  guint timeout;

  gui_test_data_init (&data, TRUE);
  window = cag_window_new (NULL);
  cag_window_set_store (window, g_steal_pointer (&data.store));
  gtk_widget_show (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  overview = CAG_OVERVIEW (cag_window_get_overview (window));
  before = cag_overview_get_totals (overview)->saved_cents;

  /* A colleague records 250.00 through their own connection. */
  other = cag_store_open_existing (data.path, &error);
  g_assert_no_error (error);
  data.store = other;
  gui_test_contribute (&data, 1, 0, 25000);
  data.store = NULL;
  cag_store_close (other);

  /* Within two ticks of the watch, without anyone touching the window. */
  timeout = g_timeout_add (3 * CAG_STORE_WATCH_INTERVAL_MS, expired_cb, &expired);
  while (!expired && cag_overview_get_totals (overview)->saved_cents == before)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (timeout);
  g_assert_cmpint (cag_overview_get_totals (overview)->saved_cents, ==, before + 25000);

  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
  gui_test_data_clear (&data);
}

static const char *
accessible_name (gpointer widget)
{
  return atk_object_get_name (gtk_widget_get_accessible (GTK_WIDGET (widget)));
}

/* WIDGET's accessible name is its label's text (MNEMONIC, translated,
 * without the underscore). */
static void
assert_named (gpointer    widget,
              const char *mnemonic)
{
  g_auto(GStrv) parts = g_strsplit (mnemonic, "_", -1);
  g_autofree char *plain = g_strjoinv ("", parts);

  g_assert_cmpstr (accessible_name (widget), ==, plain);
}

static void
save_shot (GtkWidget *widget)
{
  const char *dir = g_getenv ("CAGNOTTE_SCREENSHOT_DIR");
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *path = NULL;
  GdkWindow *window;

  if (dir == NULL)
    return;
  gtk_widget_queue_draw (widget);
  for (gint64 until = g_get_monotonic_time () + 400 * 1000; g_get_monotonic_time () < until;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  gtk_test_widget_wait_for_draw (widget);
  window = gtk_widget_get_window (widget);
  pixbuf = gdk_pixbuf_get_from_window (window, 0, 0, gdk_window_get_width (window),
                                       gdk_window_get_height (window));
  path = g_build_filename (dir, g_getenv ("LANGUAGE") != NULL
                                 && g_str_has_prefix (g_getenv ("LANGUAGE"), "fr")
                                 ? "fr-server-dialog.png" : "en-server-dialog.png", NULL);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", NULL, NULL));
}

static void
test_server_dialog (void)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *scratch = g_dir_make_tmp ("cagnotte-server-XXXXXX", NULL);
  g_autofree char *location = NULL;
  g_autoptr(GError) error = NULL;
  CagWindow *window = cag_window_new (NULL);
  CagServerDialog *dialog;
  GtkLabel *error_label;

  g_assert_cmpint (g_chdir (scratch), ==, 0);
  gtk_widget_show (GTK_WIDGET (window));
  /* From the main menu's action. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "connect-server", NULL);
  gui_test_flush (50);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    guint found = 0;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (CAG_IS_SERVER_DIALOG (l->data))
        {
          found++;
          gtk_widget_destroy (GTK_WIDGET (l->data));
        }
    g_assert_cmpuint (found, ==, 1);
  }
  dialog = CAG_SERVER_DIALOG (cag_window_connect_server (window));
  error_label = cag_server_dialog_get_error_label (dialog);

  /* Every field is named by its label. */
  assert_named (cag_server_dialog_get_entry (dialog, "host"), _("_Server"));
  assert_named (cag_server_dialog_get_port (dialog), _("_Port"));
  assert_named (cag_server_dialog_get_entry (dialog, "database"), _("_Database"));
  assert_named (cag_server_dialog_get_entry (dialog, "user"), _("_User"));
  assert_named (cag_server_dialog_get_entry (dialog, "password"), _("Pass_word"));
  g_assert_false (gtk_entry_get_visibility (cag_server_dialog_get_entry (dialog, "password")));

  /* A blank database: said, and the dialog stays. */
  gtk_entry_set_text (cag_server_dialog_get_entry (dialog, "host"), "/tmp/pg sock");
  gtk_entry_set_text (cag_server_dialog_get_entry (dialog, "user"), "marie");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gui_test_flush (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, _("Name the database on the server."));

  gtk_entry_set_text (cag_server_dialog_get_entry (dialog, "database"), "cagnotte");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  location = cag_server_dialog_get_location (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (location, ==, "postgresql://marie@/cagnotte?host=%2Ftmp%2Fpg%20sock");
  gtk_entry_set_text (cag_server_dialog_get_entry (dialog, "password"), "s3cret");
  save_shot (GTK_WIDGET (dialog));

  /* No server listens there: said clearly (naming the socket), nothing
   * opened, no file made from the URI, and the password never shown. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gui_test_flush (50);
  g_test_message ("%s", gtk_label_get_text (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "pg sock"));
  g_assert_null (strstr (gtk_label_get_text (error_label), "s3cret"));
  g_assert_null (cag_window_get_store (window));
  g_assert_false (g_file_test ("postgresql:", G_FILE_TEST_EXISTS));

  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_rmdir (scratch);
}

/* cagnotte postgresql://…: the URI reaches the window as typed. */
static void
test_command_line_uri (void)
{
  g_autoptr(GFile) server = g_file_new_for_commandline_arg ("postgresql:///cagnotte?host=/tmp/x");
  g_autoptr(GFile) file = g_file_new_for_commandline_arg ("/tmp/reseau.db");
  g_autofree char *a = cag_application_location_of (server);
  g_autofree char *b = cag_application_location_of (file);

  g_assert_true (g_str_has_prefix (a, "postgresql:///cagnotte?host="));
  g_assert_cmpstr (b, ==, "/tmp/reseau.db");
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/watch/other-writer", test_window_sees_other_writer);
  g_test_add_func ("/gui/server/dialog", test_server_dialog);
  g_test_add_func ("/gui/server/command-line", test_command_line_uri);
  return g_test_run ();
}
