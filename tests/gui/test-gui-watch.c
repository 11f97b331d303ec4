/* test-gui-watch.c — the window redraws its figures after another program
 * writes to the database it shows (docs/GUI.md, "Changes made by others"). */
#include "config.h"

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

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/watch/other-writer", test_window_sees_other_writer);
  return g_test_run ();
}
