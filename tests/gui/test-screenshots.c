/* test-screenshots.c — saves a PNG of every main view and dialog, in the UI
 * language of the run (LANGUAGE=fr or English), into the folder named by
 * CAGNOTTE_SCREENSHOT_DIR.  People look at them: cramped, clipped or
 * untranslated screens are bugs. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cag-batch-dialog.h"
#include "cag-campaign-dialog.h"
#include "cag-i18n.h"
#include "cag-network-dialog.h"
#include "cag-org-detail.h"
#include "cag-org-list.h"
#include "cag-overview.h"
#include "cag-preferences-dialog.h"
#include "cag-record-dialog.h"
#include "cag-budget.h"
#include "cag-window.h"
#include "gui-test-util.h"

#define WIDTH 1100
#define HEIGHT 780

static const char *
out_dir (void)
{
  const char *dir = g_getenv ("CAGNOTTE_SCREENSHOT_DIR");

  return dir != NULL && *dir != '\0' ? dir : ".";
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png",
                                           cag_lang_to_code (cag_i18n_get_language ()), name);
  g_autofree char *path = g_build_filename (out_dir (), file, NULL);
  GdkWindow *window;

  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  /* Let revealers and the chart settle (they animate for up to 250 ms). */
  {
    gint64 until = g_get_monotonic_time () + 400 * 1000;
    while (g_get_monotonic_time () < until)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (5000);
      }
  }
  gtk_test_widget_wait_for_draw (widget);
  window = gtk_widget_get_window (widget);
  pixbuf = gdk_pixbuf_get_from_window (window, 0, 0, gdk_window_get_width (window),
                                       gdk_window_get_height (window));
  g_assert_nonnull (pixbuf);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  g_test_message ("saved %s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static CagWindow *
new_window (void)
{
  CagWindow *window = cag_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_resize (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_widget_show (GTK_WIDGET (window));
  return window;
}

static void
test_views (void)
{
  GuiTestData data;
  CagWindow *window;
  GtkWidget *dialog;

  gui_test_data_init (&data, TRUE);
  {
    /* A voided row, to show how it looks. */
    gint64 id = gui_test_contribute (&data, 1, 2, 5000);
    g_autoptr(GError) error = NULL;

    g_assert_true (cag_store_contribution_void (data.store, id, "Chèque sans provision", &error));
    /* The seed's budget for three funders, for the Budgets page. */
    g_assert_true (cag_budget_demo_fill (data.store, NULL, &error));
    g_assert_no_error (error);
  }
  window = new_window ();
  cag_window_set_store (window, g_steal_pointer (&data.store));

  save_shot (GTK_WIDGET (window), "overview");

  /* The same, as of a past date: the button in bold, the hint beside it. */
  {
    CagDate today = cag_date_today ();
    CagDate past = cag_month_first_day (cag_month_index (&today) - 7);

    past.day = 20;
    cag_window_set_as_of (window, &past);
    save_shot (GTK_WIDGET (window), "overview-past");
    /* Its calendar, in the UI language whatever the C library's locale. */
    {
      GtkWidget *button = cag_overview_get_as_of_button (CAG_OVERVIEW (cag_window_get_overview (window)));
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

      gtk_popover_popup (popover);
      save_shot (GTK_WIDGET (window), "as-of-calendar");
      gtk_popover_popdown (popover);
    }
    cag_window_set_as_of (window, NULL);
  }

  cag_window_show_page (window, "organizations");
  save_shot (GTK_WIDGET (window), "organizations");

  cag_window_show_page (window, "budgets");
  save_shot (GTK_WIDGET (window), "budgets");

  cag_window_show_organization (window, data.org_ids[1]);
  save_shot (GTK_WIDGET (window), "detail");

  /* The detail as of a past date says so in its subtitle. */
  {
    CagDate today = cag_date_today ();
    CagDate past = cag_month_first_day (cag_month_index (&today) - 7);

    past.day = 20;
    cag_window_show_organization (window, data.org_ids[0]);
    cag_window_set_as_of (window, &past);
    save_shot (GTK_WIDGET (window), "detail-past");
    cag_window_set_as_of (window, NULL);
    cag_window_show_organization (window, data.org_ids[1]);
  }

  cag_window_notify (window, "135,42 $ — Réseau solidaire de l’Outaouais", 0);
  dialog = cag_window_record (window, data.org_ids[1]);
  gtk_entry_set_text (cag_record_dialog_get_entry (CAG_RECORD_DIALOG (dialog), "amount"), "12 50");
  save_shot (dialog, "record-invalid");
  gtk_entry_set_text (cag_record_dialog_get_entry (CAG_RECORD_DIALOG (dialog), "amount"), "135,42");
  gtk_entry_set_text (cag_record_dialog_get_entry (CAG_RECORD_DIALOG (dialog), "reference"), "4217");
  save_shot (dialog, "record");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  save_shot (GTK_WIDGET (window), "detail-after-record");

  dialog = cag_window_batch (window);
  cag_batch_dialog_set_declared (CAG_BATCH_DIALOG (dialog), 3, "460,42");
  cag_batch_dialog_set_row (CAG_BATCH_DIALOG (dialog), 0, "CDQ", NULL, "125", "cheque", "1001");
  cag_batch_dialog_set_row (CAG_BATCH_DIALOG (dialog), 1, "RSO", NULL, "135,42", "cheque", "1002");
  cag_batch_dialog_set_row (CAG_BATCH_DIALOG (dialog), 2, "CCN", NULL, "190", "transfer", NULL);
  save_shot (dialog, "batch");
  gtk_widget_destroy (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (window), "campaign-settings", NULL);
  gui_test_flush (100);
  {
    GList *toplevels = gtk_window_list_toplevels ();
    GList *l;

    for (l = toplevels; l != NULL; l = l->next)
      if (CAG_IS_CAMPAIGN_DIALOG (l->data))
        {
          save_shot (l->data, "campaign");
          gtk_widget_destroy (l->data);
          break;
        }
    g_list_free (toplevels);
  }

  dialog = cag_org_list_edit (CAG_ORG_LIST (cag_window_get_org_list (window)), 0);
  save_shot (dialog, "organization-new");
  gtk_widget_destroy (dialog);

  {
    g_autoptr(GSettings) settings = cag_settings_new_if_installed ();

    dialog = cag_preferences_dialog_new (GTK_WINDOW (window), settings,
                                         cag_window_get_store (window));
    gtk_widget_show (dialog);
    save_shot (dialog, "preferences");
    gtk_widget_destroy (dialog);
  }

  dialog = cag_network_dialog_new (GTK_WINDOW (window), cag_window_get_store (window));
  gtk_widget_show (dialog);
  save_shot (dialog, "network-profile");
  gtk_widget_destroy (dialog);

  cag_window_show_organization (window, data.org_ids[0]);
  {
    CagOrgDetail *detail = CAG_ORG_DETAIL (cag_window_get_detail (window));
    GtkTreeIter iter;
    gint64 id;

    g_assert_true (gtk_tree_model_get_iter_first (cag_org_detail_get_ledger (detail), &iter));
    gtk_tree_model_get (cag_org_detail_get_ledger (detail), &iter, CAG_LEDGER_COL_ID, &id, -1);
    g_assert_true (cag_org_detail_select (detail, id));
    dialog = cag_org_detail_ask_void (detail);
    g_assert_nonnull (dialog);
    save_shot (dialog, "void");
    gtk_widget_destroy (dialog);
  }

  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
  gui_test_data_clear (&data);
}

static void
test_welcome (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-shot-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cagnotte.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  CagWindow *window = new_window ();

  g_assert_true (cag_window_open_path (window, path, TRUE));
  save_shot (GTK_WIDGET (window), "welcome");
  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

/* The example data from the welcome page: mid-campaign, as of 2004-09-15,
 * with the notification that says so. */
static void
test_example (void)
{
  CagWindow *window = new_window ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cag_window_open_example (window, &error));
  g_assert_no_error (error);
  save_shot (GTK_WIDGET (window), "example");
  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
}

/* Small screens (docs/GUI.md, "Small screens"): the window's minimum size
 * fits 800 × 600 on every page, the overview shows at least eight funds at
 * 1024 × 600, the default size fits a 1366 × 768 screen with a panel; and
 * the shots at 800 × 600 and 1366 × 768 to look at. */
static void
resize_to (CagWindow *window,
           gint       width,
           gint       height)
{
  gint w = 0, h = 0;
  gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  gtk_window_resize (GTK_WINDOW (window), width, height);
  while (g_get_monotonic_time () < until && (w != width || h != height))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
      gtk_window_get_size (GTK_WINDOW (window), &w, &h);
    }
  g_assert_cmpint (w, ==, width);
  g_assert_cmpint (h, ==, height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static void
check_minimum (CagWindow  *window,
               const char *page)
{
  GtkRequisition min;

  gtk_widget_get_preferred_size (GTK_WIDGET (window), &min, NULL);
  g_test_message ("%s: minimum %d × %d", page, min.width, min.height);
  g_assert_cmpint (min.width, <=, 800);
  g_assert_cmpint (min.height, <=, 600);
}

static void
test_sizes (void)
{
  static const struct { gint width, height; const char *name; } sizes[] = {
    { 800, 600, "800x600" }, { 1024, 600, "1024x600" }, { 1366, 768, "1366x768" },
  };
  g_autoptr(GSettings) settings = cag_settings_new_if_installed ();
  CagWindow *window;
  g_autoptr(GError) error = NULL;
  gint width, height;
  guint i;

  /* As on a first start: the other shots' windows saved their size. */
  if (settings != NULL)
    {
      g_settings_reset (settings, "window-width");
      g_settings_reset (settings, "window-height");
      g_settings_reset (settings, "window-maximized");
    }
  window = cag_window_new (NULL);
  /* The default size leaves room for a panel and a title bar. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, <=, 1366);
  g_assert_cmpint (height, <=, 768 - 48);
  gtk_widget_show (GTK_WIDGET (window));
  g_assert_true (cag_window_open_example (window, &error));
  g_assert_no_error (error);
  for (i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *overview = g_strdup_printf ("overview-%s", sizes[i].name);
      g_autofree char *orgs = g_strdup_printf ("organizations-%s", sizes[i].name);
      g_autofree char *detail = g_strdup_printf ("detail-%s", sizes[i].name);
      g_autofree char *budgets = g_strdup_printf ("budgets-%s", sizes[i].name);

      cag_window_show_page (window, "overview");
      check_minimum (window, "overview");
      resize_to (window, sizes[i].width, sizes[i].height);
      save_shot (GTK_WIDGET (window), overview);
      if (sizes[i].height == 600 && sizes[i].width == 1024)
        {
          GtkTreeView *view = cag_overview_get_view (CAG_OVERVIEW (cag_window_get_overview (window)));
          GdkRectangle visible;

          /* Eight full rows at least (fixed-height rows, all alike). */
          gtk_tree_view_get_visible_rect (view, &visible);
          {
            GdkRectangle row;
            g_autoptr(GtkTreePath) path = gtk_tree_path_new_first ();

            gtk_tree_view_get_background_area (view, path, NULL, &row);
            g_test_message ("list: %d px, rows of %d px", visible.height, row.height);
            g_assert_cmpint (row.height, >, 0);
            g_assert_cmpint (visible.height / row.height, >=, 8);
          }
        }
      cag_window_show_page (window, "organizations");
      check_minimum (window, "organizations");
      save_shot (GTK_WIDGET (window), orgs);
      cag_window_show_page (window, "budgets");
      check_minimum (window, "budgets");
      save_shot (GTK_WIDGET (window), budgets);
      cag_window_show_page (window, "overview");
      {
        GtkTreeModel *model = cag_overview_get_model (CAG_OVERVIEW (cag_window_get_overview (window)));
        GtkTreeIter iter;
        gint64 org_id;

        g_assert_true (gtk_tree_model_get_iter_first (model, &iter));
        gtk_tree_model_get (model, &iter, CAG_OVERVIEW_COL_ORG_ID, &org_id, -1);
        cag_window_show_organization (window, org_id);
      }
      check_minimum (window, "detail");
      save_shot (GTK_WIDGET (window), detail);
    }
  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("cagnotte-shot-data-XXXXXX", NULL);
  int status;

  /* Before GTK reads it: the example database goes into a scratch folder. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!gui_test_init (&argc, &argv))
    {
      remove_tree (data_home);
      return 77;
    }
  g_test_add_func ("/screenshots/welcome", test_welcome);
  g_test_add_func ("/screenshots/views", test_views);
  g_test_add_func ("/screenshots/example", test_example);
  g_test_add_func ("/screenshots/sizes", test_sizes);
  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
