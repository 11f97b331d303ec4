/* test-budget-view.c — the Budgets view under Xvfb: the worked example's
 * pro-forma table, a what-if preview and its cancellation, and a new version
 * after an edit of a submitted budget.  Skipped without a display. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "cag-budget.h"
#include "cag-budget-view.h"
#include "cag-i18n.h"
#include "cag-store.h"

#define D(x) ((gint64) (x) * 100)

static char *tmp_dir;

static void
flush (void)
{
  gint64 deadline = g_get_monotonic_time () + 500 * 1000;

  while (g_main_context_pending (NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
collect_tree_views (GtkWidget *widget,
                    gpointer   data)
{
  GPtrArray *views = data;

  if (GTK_IS_TREE_VIEW (widget))
    g_ptr_array_add (views, widget);
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_tree_views, views);
}

/* The text renderer of column COLUMN of the tree view with a column titled
 * FIRST_TITLE first ("Line" for lines, "Funder" for offers, "Partner" for
 * pledges). */
static GtkCellRenderer *
find_renderer (GtkWidget  *view,
               const char *first_title,
               gint        column)
{
  g_autoptr (GPtrArray) views = g_ptr_array_new ();

  collect_tree_views (view, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkTreeViewColumn *first = gtk_tree_view_get_column (views->pdata[i], 0);
      g_autoptr (GList) cells = NULL;

      if (g_strcmp0 (gtk_tree_view_column_get_title (first), first_title) != 0)
        continue;
      cells = gtk_cell_layout_get_cells (
        GTK_CELL_LAYOUT (gtk_tree_view_get_column (views->pdata[i], column)));
      return cells->data;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
find_pro_forma (GtkWidget *widget,
                gpointer   data)
{
  GtkWidget **found = data;

  if (*found != NULL)
    return;
  if (GTK_IS_VIEWPORT (widget))
    {
      GtkWidget *child = gtk_bin_get_child (GTK_BIN (widget));
      g_autoptr (GList) children = NULL;

      if (GTK_IS_BOX (child))
        children = gtk_container_get_children (GTK_CONTAINER (child));
      if (children != NULL && GTK_IS_GRID (children->data))
        *found = widget;
    }
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_pro_forma, data);
}

static void
find_notebook (GtkWidget *widget,
               gpointer   data)
{
  GtkWidget **found = data;

  if (*found != NULL)
    return;
  if (GTK_IS_NOTEBOOK (widget))
    *found = widget;
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_notebook, data);
}

/* With CAGNOTTE_SCREENSHOT_DIR set, saves WINDOW once per tab of the view,
 * as budget-view-LANG-N.png, for people to look at. */
static void
save_tabs (GtkWidget *window,
           GtkWidget *view)
{
  const char *dir = g_getenv ("CAGNOTTE_SCREENSHOT_DIR");
  GtkWidget *notebook = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  find_notebook (view, &notebook);
  g_assert_nonnull (notebook);
  for (gint i = 0; i < gtk_notebook_get_n_pages (GTK_NOTEBOOK (notebook)); i++)
    {
      GdkWindow *gdk = gtk_widget_get_window (window);
      g_autoptr (GdkPixbuf) shot = NULL;
      g_autofree char *name = g_strdup_printf ("budget-view-%s-%d.png",
                                               cag_lang_to_code (cag_i18n_get_language ()), i);
      g_autofree char *file = g_build_filename (dir, name, NULL);

      gtk_notebook_set_current_page (GTK_NOTEBOOK (notebook), i);
      flush ();
      gtk_widget_queue_draw (window);
      gtk_test_widget_wait_for_draw (window);
      shot = gdk_pixbuf_get_from_window (gdk, 0, 0, gdk_window_get_width (gdk),
                                         gdk_window_get_height (gdk));
      if (shot != NULL)
        gdk_pixbuf_save (shot, file, "png", NULL, NULL);
    }
}

/* The widget whose accessible name is NAME. */
static void
find_named (GtkWidget *widget,
            gpointer   data)
{
  gpointer *state = data;   /* { name, found } */

  if (state[1] != NULL)
    return;
  if (g_strcmp0 (atk_object_get_name (gtk_widget_get_accessible (widget)), state[0]) == 0)
    state[1] = widget;
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_named, data);
}

static GtkTreeView *
tree_view_titled (GtkWidget  *view,
                  const char *first_title)
{
  g_autoptr (GPtrArray) views = g_ptr_array_new ();

  collect_tree_views (view, views);
  for (guint i = 0; i < views->len; i++)
    if (g_strcmp0 (gtk_tree_view_column_get_title (gtk_tree_view_get_column (views->pdata[i], 0)),
                   first_title) == 0)
      return views->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

static CagStore *
make_store (gint64 *out_budget)
{
  g_autofree char *path = g_build_filename (tmp_dir, "view.db", NULL);
  g_autoptr (CagFunder) f1 = cag_funder_new ();
  g_autoptr (CagFunder) f2 = cag_funder_new ();
  g_autoptr (CagBudget) budget = cag_budget_new ();
  g_autoptr (CagBudgetOffer) o1 = cag_budget_offer_new ();
  g_autoptr (CagBudgetOffer) o2 = cag_budget_offer_new ();
  g_autoptr (CagPledge) p1 = cag_pledge_new ();
  g_autoptr (CagPledge) p2 = cag_pledge_new ();
  GError *error = NULL;
  CagStore *store = cag_store_open (path, &error);

  g_assert_no_error (error);
  f1->name = g_strdup ("MRI");
  f2->name = g_strdup ("ACDI");
  g_assert_true (cag_funder_add (store, f1, &error));
  g_assert_true (cag_funder_add (store, f2, &error));
  budget->name = g_strdup ("GESQ 2003");
  cag_date_parse_iso ("2003-04-01", &budget->start, NULL);
  cag_date_parse_iso ("2004-03-31", &budget->end, NULL);
  g_assert_true (cag_budget_add (store, budget, "gesq-2003", &error));
  o1->funder_id = f1->id;
  o1->num = 2;
  o1->lines = g_strsplit ("B", ",", -1);
  o2->funder_id = f2->id;
  g_assert_true (cag_budget_offer_set (store, budget->id, o1, NULL, &error));
  g_assert_true (cag_budget_offer_set (store, budget->id, o2, NULL, &error));
  p1->partner_name = g_strdup ("Caisse");
  p1->line_code = g_strdup ("A");
  p1->amount_cents = D (10000);
  p2->partner_name = g_strdup ("Chantier");
  p2->line_code = g_strdup ("B");
  p2->kind = CAG_PLEDGE_IN_KIND;
  p2->basis = g_strdup ("400 h × 50 $");
  p2->amount_cents = D (20000);
  g_assert_true (cag_budget_pledge_add (store, budget->id, p1, NULL, &error));
  g_assert_true (cag_budget_pledge_add (store, budget->id, p2, NULL, &error));
  g_assert_no_error (error);
  *out_budget = budget->id;
  return store;
}

static void
test_view (void)
{
  GtkWidget *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget *view = cag_budget_view_new ();
  CagBudgetView *bv = CAG_BUDGET_VIEW (view);
  g_autoptr (CagProformaInput) what_if = NULL;
  CagBudgetOffer *offer;
  GError *error = NULL;
  gint64 budget_id;
  CagStore *store = make_store (&budget_id);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_container_add (GTK_CONTAINER (window), view);
  cag_budget_view_load (bv, store);
  gtk_widget_show_all (window);
  flush ();

  /* Lines table: header, lines A and B, total; columns: line, amount, cash,
   * in kind, funders, gap, needed. */
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 0, 4), ==, "Funders");
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 1, 2), ==, "$10,000.00");
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 2, 3), ==, "$20,000.00");
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 1, 4), ==, "$10,000.00");
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 2, 4), ==, "$40,000.00");
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 3, 4), ==, "$50,000.00");
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 3, 5), ==, "$45,000.00");
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 3, 6), ==, "$20,000.00");
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 2, 6), ==, "$5,000.00");
  g_assert_null (cag_budget_view_get_cell (bv, 4, 0));
  g_assert_null (cag_budget_view_get_cell (bv, 1, 7));

  /* Funders table: header, MRI, ACDI, total; columns: funder, ratio, terms,
   * A, B, requested. */
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 0, 3), ==, "A");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 0, 4), ==, "B");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 1, 0), ==, "MRI");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 1, 1), ==, "2:1");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 1, 2), ==, "lines B");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 1, 3), ==, "$0.00");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 1, 4), ==, "$40,000.00");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 1, 5), ==, "$40,000.00");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 2, 0), ==, "ACDI");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 2, 2), ==, "");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 2, 3), ==, "$10,000.00");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 2, 5), ==, "$10,000.00");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 3, 5), ==, "$50,000.00");
  g_assert_null (cag_budget_view_get_funder_cell (bv, 4, 0));

  /* What-if: MRI at 1:1 gives 20,000 on B; the gap grows to 65,000.  Nothing
   * is saved, and going back shows the saved figures. */
  what_if = cag_proforma_input_copy (cag_budget_view_get_input (bv));
  offer = what_if->offers->pdata[0];
  offer->num = 1;
  cag_budget_view_preview (bv, what_if);
  flush ();
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 2, 4), ==, "$20,000.00");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 1, 1), ==, "1:1");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 1, 4), ==, "$20,000.00");
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 3, 5), ==, "$65,000.00");
  g_assert_cmpint (((CagBudgetOffer *) cag_budget_view_get_input (bv)->offers->pdata[0])->num,
                   ==, 2);
  cag_budget_view_preview (bv, NULL);
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 3, 5), ==, "$45,000.00");
  g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 1, 1), ==, "2:1");

  /* Typing in the offers' ratio cell previews each keystroke; Escape goes
   * back. */
  {
    GtkCellRenderer *ratio = find_renderer (view, "Funder", 1);
    GtkWidget *entry = gtk_entry_new ();

    g_object_ref_sink (entry);
    g_signal_emit_by_name (ratio, "editing-started", entry, "0");
    gtk_entry_set_text (GTK_ENTRY (entry), "1:");     /* not a ratio yet */
    g_assert_cmpstr (cag_budget_view_get_cell (bv, 3, 5), ==, "$45,000.00");
    gtk_entry_set_text (GTK_ENTRY (entry), "1:1");
    g_assert_cmpstr (cag_budget_view_get_cell (bv, 3, 5), ==, "$65,000.00");
    g_signal_emit_by_name (ratio, "editing-canceled");
    g_assert_cmpstr (cag_budget_view_get_cell (bv, 3, 5), ==, "$45,000.00");
    g_object_unref (entry);
  }

  /* Enter in the pledges' amount cell saves: 12,000 on A. */
  {
    GtkCellRenderer *amount = find_renderer (view, "Partner", 3);

    g_signal_emit_by_name (amount, "edited", "0", "12 000,00");
    flush ();
    g_assert_cmpstr (cag_budget_view_get_cell (bv, 1, 2), ==, "$12,000.00");
    g_assert_cmpstr (cag_budget_view_get_funder_cell (bv, 2, 5), ==, "$12,000.00");
    /* A bad amount is refused and changes nothing. */
    g_signal_emit_by_name (amount, "edited", "0", "douze");
    g_assert_cmpstr (cag_budget_view_get_cell (bv, 1, 2), ==, "$12,000.00");
  }

  /* The button named "Remove the selected pledge" removes the selected one
   * (Caisse's 12,000 on A). */
  {
    gpointer state[2] = { (gpointer) "Remove the selected pledge", NULL };
    GtkTreeView *pledges = tree_view_titled (view, "Partner");
    g_autoptr (GtkTreePath) first = gtk_tree_path_new_first ();

    find_named (view, state);
    g_assert_true (GTK_IS_BUTTON (state[1]));
    gtk_button_clicked (state[1]);          /* nothing selected: nothing happens */
    g_assert_cmpstr (cag_budget_view_get_cell (bv, 1, 2), ==, "$12,000.00");
    gtk_tree_selection_select_path (gtk_tree_view_get_selection (pledges), first);
    gtk_button_clicked (state[1]);
    flush ();
    g_assert_cmpstr (cag_budget_view_get_cell (bv, 1, 2), ==, "$0.00");
    g_assert_cmpuint (cag_budget_view_get_input (bv)->pledges->len, ==, 1);
  }

  /* Submitted, then edited: the view shows version 2. */
  g_assert_true (cag_budget_submit (store, budget_id, &error));
  g_assert_true (cag_budget_line_set (store, budget_id, "A", "Permanence", D (60000), NULL,
                                      &error));
  g_assert_no_error (error);
  cag_budget_view_load (bv, store);
  flush ();
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 1, 0), ==, "A — Permanence");
  g_assert_cmpstr (cag_budget_view_get_cell (bv, 1, 1), ==, "$60,000.00");
  g_assert_cmpint (cag_budget_view_get_proforma (bv)->amount_cents, ==, D (135000));

  if (g_getenv ("CAGNOTTE_SCREENSHOT_DIR") != NULL)
    {
      GdkWindow *gdk = gtk_widget_get_window (window);
      g_autoptr (GdkPixbuf) shot = NULL;
      g_autofree char *file = g_build_filename (g_getenv ("CAGNOTTE_SCREENSHOT_DIR"),
                                                "budget-view.png", NULL);

      gtk_test_widget_wait_for_draw (window);
      shot = gdk_pixbuf_get_from_window (gdk, 0, 0, gdk_window_get_width (gdk),
                                         gdk_window_get_height (gdk));
      if (shot != NULL)
        gdk_pixbuf_save (shot, file, "png", NULL, NULL);
    }

  gtk_widget_destroy (window);
  cag_store_close (store);
}

/* The view never makes the main window (1000 pixels wide by default) wider,
 * in either language, with the example budget's long names. */
static void
test_min_width (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "width.db", NULL);
  GError *error = NULL;
  CagStore *store = cag_store_open (path, &error);
  const CagLang langs[] = { CAG_LANG_EN, CAG_LANG_FR };

  g_assert_no_error (error);
  g_assert_true (cag_budget_demo_fill (store, NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      GtkWidget *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
      GtkWidget *view;
      gint min_width = 0;

      cag_i18n_set_language (langs[i]);
      g_assert_cmpint (cag_i18n_get_language (), ==, langs[i]);
      view = cag_budget_view_new ();
      gtk_container_add (GTK_CONTAINER (window), view);
      cag_budget_view_load (CAG_BUDGET_VIEW (view), store);
      gtk_widget_show_all (window);
      flush ();
      gtk_widget_get_preferred_width (view, &min_width, NULL);
      g_test_message ("minimum width (%s): %d", cag_lang_to_code (langs[i]), min_width);
      g_assert_cmpint (min_width, <=, 900);
      gtk_widget_destroy (window);

      /* At the width the view has in a main window about 1,100 pixels wide,
       * the pro-forma tables (three funders, long names) fit without
       * scrolling sideways: nothing is cut off on the right. */
      {
        GtkWidget *viewport = NULL;
        GtkWidget *tables;
        gint tables_min = 0;

        window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
        gtk_window_set_default_size (GTK_WINDOW (window), 1060, 760);
        view = cag_budget_view_new ();
        gtk_container_add (GTK_CONTAINER (window), view);
        cag_budget_view_load (CAG_BUDGET_VIEW (view), store);
        gtk_widget_show_all (window);
        flush ();
        gtk_test_widget_wait_for_draw (window);
        find_pro_forma (view, &viewport);
        g_assert_nonnull (viewport);
        tables = gtk_bin_get_child (GTK_BIN (viewport));
        gtk_widget_get_preferred_width (tables, &tables_min, NULL);
        g_test_message ("pro-forma (%s): needs %d, has %d", cag_lang_to_code (langs[i]),
                        tables_min, gtk_widget_get_allocated_width (viewport));
        g_assert_cmpint (gtk_widget_get_allocated_width (viewport), >, 900);
        g_assert_cmpint (tables_min, <=, gtk_widget_get_allocated_width (viewport));
        g_assert_cmpuint (cag_budget_view_get_proforma (CAG_BUDGET_VIEW (view))->n_offers, ==, 3);
        save_tabs (window, view);
        gtk_widget_destroy (window);
      }
    }
  cag_i18n_set_language (CAG_LANG_EN);
  cag_store_close (store);
}

int
main (int argc, char **argv)
{
  GError *error = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* After gtk_test_init, which sets its own locale: the French runs below
   * need the environment's (C.UTF-8 honours LANGUAGE). */
  cag_i18n_init ();
  tmp_dir = g_dir_make_tmp ("cagnotte-budget-view-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/budget-view/pro-forma", test_view);
  g_test_add_func ("/budget-view/min-width", test_min_width);
  status = g_test_run ();

  {
    g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (tmp_dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);
  return status;
}
