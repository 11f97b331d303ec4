/* test-budget-view.c — the Budgets view under Xvfb: the worked example's
 * pro-forma table, a what-if preview and its cancellation, a new version
 * after an edit of a submitted budget; each amount's explanation (both
 * languages); the tables and controls as screen readers get them; the page
 * at 800×600, 1024×600 and 1366×768.  Skipped without a display. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "cag-budget.h"
#include "cag-budget-view.h"
#include "cag-budget-view-dialog.h"
#include "cag-i18n.h"
#include "cag-proforma-explain.h"
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
      else
        gtk_container_forall (GTK_CONTAINER (widget), find_pro_forma, data);
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
  static guint n;
  g_autofree char *name = g_strdup_printf ("view-%u.db", n++);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
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

static GtkWidget *view_window (CagStore *store, gint width, gint height, GtkWidget **out_view);
static void save_shot (GtkWidget *window, const char *name);

/* ---- Explanations and accessibility ------------------------------------ */

/* The accessible table named NAME in VIEW. */
static AtkTable *
table_named (GtkWidget  *view,
             const char *name)
{
  gpointer state[2] = { (gpointer) name, NULL };
  AtkObject *accessible;

  find_named (view, state);
  g_assert_nonnull (state[1]);
  accessible = gtk_widget_get_accessible (state[1]);
  g_assert_true (ATK_IS_TABLE (accessible));
  g_assert_cmpint (atk_object_get_role (accessible), ==, ATK_ROLE_TABLE);
  return ATK_TABLE (accessible);
}

/* The text of a cell's accessible: its name. */
static const char *
cell_name (AtkTable *table,
           gint      row,
           gint      column)
{
  AtkObject *cell = atk_table_ref_at (table, row, column);
  const char *name;

  g_assert_nonnull (cell);
  name = atk_object_get_name (cell);
  g_object_unref (cell);   /* the widget keeps it */
  return name;
}

/* Opens the explanation of the amount at ROW, COLUMN of TABLE as a person
 * would (the button is focusable; clicking it opens the popover) and
 * returns the popover's text, checking that it is also the cell's
 * accessible description. */
static const char *
open_explanation (AtkTable *table,
                  gint      row,
                  gint      column)
{
  AtkObject *cell = atk_table_ref_at (table, row, column);
  GtkWidget *button = gtk_accessible_get_widget (GTK_ACCESSIBLE (cell));
  GtkPopover *popover;
  GtkWidget *body;
  const char *text;

  g_object_unref (cell);
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_can_focus (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_button_clicked (GTK_BUTTON (button));
  flush ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  body = gtk_bin_get_child (GTK_BIN (popover));
  text = gtk_label_get_text (GTK_LABEL (body));
  g_assert_cmpstr (atk_object_get_description (cell), ==, text);
  /* Hidden at once (popdown animates), so that the next one is alone. */
  gtk_widget_hide (GTK_WIDGET (popover));
  flush ();
  return text;
}

#define assert_contains(text, part)                                               \
  G_STMT_START {                                                                  \
    if (strstr ((text), (part)) == NULL)                                          \
      g_error ("«%s» not found in:\n%s", (part), (text));                         \
  } G_STMT_END

/* docs/RULES.md's worked budget: each funder's amount on each line, the gap and
 * the amount to raise unfold the reasoning, in English and in French. */
static void
test_explain (void)
{
  const CagLang langs[] = { CAG_LANG_EN, CAG_LANG_FR };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      gint64 budget_id;
      CagStore *store;
      GtkWidget *window, *view;
      AtkTable *lines, *funders;
      gboolean fr = langs[i] == CAG_LANG_FR;
      g_autofree char *expected = NULL;
      const char *text;

      cag_i18n_set_language (langs[i]);
      g_assert_cmpint (cag_i18n_get_language (), ==, langs[i]);
      store = make_store (&budget_id);
      window = view_window (store, 1200, 800, &view);
      lines = table_named (view, fr ? "Pro forma par poste" : "Pro-forma by line");
      funders = table_named (view, fr ? "Pro forma par bailleur de fonds" : "Pro-forma by funder");

      /* MRI (row 0) on line B (column 4): the core's text, in the popover. */
      text = open_explanation (funders, 0, 4);
      expected = cag_proforma_explain_share_text (
        cag_budget_view_get_input (CAG_BUDGET_VIEW (view)),
        cag_budget_view_get_proforma (CAG_BUDGET_VIEW (view)), 1, 0);
      g_assert_cmpstr (text, ==, expected);
      assert_contains (text, fr ? "MRI donne 40\u202f000,00\u00a0$ sur le poste B."
                                : "MRI gives $40,000.00 on line B.");
      assert_contains (text, fr ? "2 × 20\u202f000,00\u00a0$ ÷ 1 = 40\u202f000,00\u00a0$"
                                : "2 × $20,000.00 ÷ 1 = $40,000.00");
      /* ACDI on B: MRI used the base. */
      text = open_explanation (funders, 1, 4);
      assert_contains (text, fr ? "ont utilisé 20\u202f000,00\u00a0$ comme base"
                                : "used $20,000.00 as their base");
      /* ACDI on A: 1 × 10,000. */
      text = open_explanation (funders, 1, 3);
      assert_contains (text, fr ? "1 × 10\u202f000,00\u00a0$ ÷ 1 = 10\u202f000,00\u00a0$"
                                : "1 × $10,000.00 ÷ 1 = $10,000.00");
      /* MRI's total (column 5). */
      text = open_explanation (funders, 0, 5);
      assert_contains (text, fr ? "On demande à MRI 40\u202f000,00\u00a0$ en tout"
                                : "MRI is asked for $40,000.00 in all");
      /* Line B's funders (column 5): both offers, MRI first. */
      text = open_explanation (lines, 1, 5);
      g_assert_true (strstr (text, "MRI") < strstr (text, "ACDI"));
      /* Line B's gap (column 6) and amount to raise (column 7). */
      text = open_explanation (lines, 1, 6);
      assert_contains (text, fr ? "l’écart est de 15\u202f000,00\u00a0$"
                                : "so the gap is $15,000.00");
      text = open_explanation (lines, 1, 7);
      assert_contains (text, fr ? "5\u202f000,00\u00a0$ de plus promis en argent"
                                : "$5,000.00 more pledged in cash");
      assert_contains (text, fr ? "À trouver (partenaires)\u00a0: "
                                : "Partners needed: the least partner pledge");
      /* A picture with MRI's amount on B unfolded. */
      {
        AtkObject *cell = atk_table_ref_at (funders, 0, 4);
        GtkWidget *button = gtk_accessible_get_widget (GTK_ACCESSIBLE (cell));

        g_object_unref (cell);
        gtk_button_clicked (GTK_BUTTON (button));
        /* Past the popover's opening animation. */
        for (gint64 end = g_get_monotonic_time () + 400 * 1000; g_get_monotonic_time () < end;)
          g_main_context_iteration (NULL, FALSE);
        save_shot (window, fr ? "budget-explain-fr.png" : "budget-explain-en.png");
        gtk_widget_hide (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))));
      }
      gtk_widget_destroy (window);
      cag_store_close (store);
    }
  cag_i18n_set_language (CAG_LANG_EN);
}

static void
collect_controls (GtkWidget *widget,
                  gpointer   data)
{
  GPtrArray *controls = data;

  /* A drop-down's own button and entry are parts of it. */
  if (GTK_IS_COMBO_BOX (widget))
    {
      g_ptr_array_add (controls, widget);
      return;
    }
  /* A flow box is exposed as a table unless told otherwise: the add forms
   * are flow boxes, so they count as controls and need a name. */
  if (GTK_IS_ENTRY (widget) || GTK_IS_BUTTON (widget) || GTK_IS_TREE_VIEW (widget)
      || GTK_IS_FLOW_BOX (widget))
    g_ptr_array_add (controls, widget);
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_controls, data);
}

/* Screen readers get the tables with their names and headers, and every
 * control a name (drop-downs their label's, not the item shown); amount
 * columns are right-aligned. */
static void
test_accessible (void)
{
  gint64 budget_id;
  CagStore *store = make_store (&budget_id);
  GtkWidget *view;
  GtkWidget *window = view_window (store, 1024, 600, &view);
  AtkTable *lines = table_named (view, "Pro-forma by line");
  AtkTable *funders = table_named (view, "Pro-forma by funder");
  g_autoptr (GPtrArray) controls = g_ptr_array_new ();
  const char *const amount_titles[] = { "Amount", "Cap", "Minimum base", "At most (%)", NULL };
  guint n_combos = 0;
  guint n_forms = 0;

  /* By line: A, B, total; eight columns with headers. */
  g_assert_cmpint (atk_table_get_n_rows (lines), ==, 3);
  g_assert_cmpint (atk_table_get_n_columns (lines), ==, 8);
  g_assert_cmpstr (atk_object_get_name (atk_table_get_column_header (lines, 0)), ==, "Line");
  g_assert_cmpstr (atk_object_get_name (atk_table_get_column_header (lines, 1)), ==, "Chart");
  g_assert_cmpstr (atk_object_get_name (atk_table_get_column_header (lines, 5)), ==, "Funders");
  g_assert_cmpstr (atk_object_get_name (atk_table_get_column_header (lines, 6)), ==, "Gap");
  g_assert_cmpstr (atk_table_get_column_description (lines, 7), ==, "Partners needed");
  g_assert_cmpint (atk_object_get_role (atk_table_get_column_header (lines, 2)), ==,
                   ATK_ROLE_COLUMN_HEADER);
  g_assert_cmpstr (atk_object_get_name (atk_table_get_row_header (lines, 1)), ==,
                   cag_budget_view_get_cell (CAG_BUDGET_VIEW (view), 2, 0));
  g_assert_cmpint (atk_object_get_role (atk_table_get_row_header (lines, 1)), ==,
                   ATK_ROLE_ROW_HEADER);
  g_assert_cmpstr (cell_name (lines, 1, 2), ==, "$75,000.00");
  g_assert_cmpstr (cell_name (lines, 2, 6), ==, "$45,000.00");
  g_assert_nonnull (cell_name (lines, 0, 1));     /* the bar names its figures */
  g_assert_null (atk_table_ref_at (lines, 3, 0));
  /* Children come row by row, headers first. */
  g_assert_cmpint (atk_object_get_n_accessible_children (ATK_OBJECT (lines)), ==, 4 * 8);
  {
    AtkObject *first = atk_object_ref_accessible_child (ATK_OBJECT (lines), 0);
    AtkObject *ninth = atk_object_ref_accessible_child (ATK_OBJECT (lines), 8);

    g_assert_cmpstr (atk_object_get_name (first), ==, "Line");
    g_assert_cmpstr (atk_object_get_name (ninth), ==,
                     cag_budget_view_get_cell (CAG_BUDGET_VIEW (view), 1, 0));
    g_object_unref (first);
    g_object_unref (ninth);
  }

  /* By funder: MRI, ACDI, total; funder, ratio, terms, A, B, requested.  A
   * line's header names the line in full. */
  g_assert_cmpint (atk_table_get_n_rows (funders), ==, 3);
  g_assert_cmpint (atk_table_get_n_columns (funders), ==, 6);
  g_assert_true (g_str_has_prefix (atk_object_get_name (atk_table_get_column_header (funders, 4)),
                                   "B — "));
  g_assert_cmpstr (atk_object_get_name (atk_table_get_column_header (funders, 5)), ==,
                   "Requested");
  g_assert_cmpstr (cell_name (funders, 0, 0), ==, "MRI");
  g_assert_cmpstr (cell_name (funders, 0, 4), ==, "$40,000.00");

  /* Amounts on the right, in the tables and the lists. */
  for (gint c = 2; c < 8; c++)
    {
      AtkObject *cell = atk_table_ref_at (lines, 0, c);
      GtkWidget *widget = gtk_accessible_get_widget (GTK_ACCESSIBLE (cell));

      if (GTK_IS_BIN (widget))
        widget = gtk_bin_get_child (GTK_BIN (widget));
      g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (widget)), ==, 1.0);
      g_object_unref (cell);
    }

  collect_controls (view, controls);
  g_assert_cmpuint (controls->len, >, 20);
  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *w = controls->pdata[i];
      const char *name = atk_object_get_name (gtk_widget_get_accessible (w));

      if (name == NULL || *name == '\0')
        g_error ("a %s has no accessible name", G_OBJECT_TYPE_NAME (w));
      /* The add forms read as forms ("New line"), not as unnamed tables. */
      if (GTK_IS_FLOW_BOX (w))
        {
          g_assert_cmpint (atk_object_get_role (gtk_widget_get_accessible (w)), ==, ATK_ROLE_FORM);
          n_forms++;
        }
      if (GTK_IS_COMBO_BOX_TEXT (w))
        {
          g_autofree char *shown = gtk_combo_box_text_get_active_text (GTK_COMBO_BOX_TEXT (w));

          g_assert_cmpstr (name, !=, shown);
          n_combos++;
        }
      if (GTK_IS_TREE_VIEW (w))
        {
          AtkObject *acc = gtk_widget_get_accessible (w);

          g_assert_true (gtk_tree_view_get_headers_visible (GTK_TREE_VIEW (w)));
          g_assert_nonnull (atk_table_get_column_header (ATK_TABLE (acc), 0));
          for (guint t = 0; t < gtk_tree_view_get_n_columns (GTK_TREE_VIEW (w)); t++)
            {
              GtkTreeViewColumn *col = gtk_tree_view_get_column (GTK_TREE_VIEW (w), t);
              g_autoptr (GList) cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (col));
              gfloat xalign = 0;

              if (!g_strv_contains (amount_titles, gtk_tree_view_column_get_title (col)))
                continue;
              g_object_get (cells->data, "xalign", &xalign, NULL);
              g_assert_cmpfloat (xalign, ==, 1.0);
              g_assert_cmpfloat (gtk_tree_view_column_get_alignment (col), ==, 1.0);
            }
        }
    }
  /* From the keyboard: Tab reaches the amounts; Enter opens one. */
  {
    GtkWidget *focus = NULL;
    GtkPopover *popover;
    gint64 end;

    for (guint step = 0; step < 300 && !GTK_IS_MENU_BUTTON (focus); step++)
      {
        if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
          gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
        focus = gtk_window_get_focus (GTK_WINDOW (window));
      }
    g_assert_true (GTK_IS_MENU_BUTTON (focus));
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (focus));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
    gtk_widget_activate (focus);   /* what Enter does */
    end = g_get_monotonic_time () + G_USEC_PER_SEC;
    while (!gtk_widget_get_visible (GTK_WIDGET (popover)) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    gtk_widget_hide (GTK_WIDGET (popover));
  }

  /* Budget, offer's funder, pledge's line and kind, funder's kind. */
  g_assert_cmpuint (n_combos, ==, 5);
  /* Lines, offers, pledges, funders: one add form each. */
  g_assert_cmpuint (n_forms, ==, 4);
  {
    gpointer state[2] = { (gpointer) "Budget", NULL };

    find_named (view, state);
    g_assert_true (GTK_IS_COMBO_BOX (state[1]));
  }
  gtk_widget_destroy (window);
  cag_store_close (store);
}

/* The toplevel of type TYPE that is shown, or NULL. */
static GtkWidget *
shown_toplevel (GType type)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GtkEntry *
entry_named (GtkWidget  *root,
             const char *name)
{
  gpointer state[2] = { (gpointer) name, NULL };

  find_named (root, state);
  g_assert_true (GTK_IS_ENTRY (state[1]));
  return state[1];
}

/* "New budget…" opens the template dialog; a date that does not parse is
 * refused with a message and creates nothing; a good one creates the
 * budget with the 2003 plan's two lines and shows it. */
static void
test_new_budget (void)
{
  gint64 budget_id;
  CagStore *store = make_store (&budget_id);
  GtkWidget *view;
  GtkWidget *window = view_window (store, 1024, 600, &view);
  gpointer state[2] = { (gpointer) "New budget…", NULL };
  GtkWidget *dialog, *message;
  g_autoptr (GPtrArray) budgets = NULL;

  find_named (view, state);
  g_assert_true (GTK_IS_BUTTON (state[1]));
  gtk_button_clicked (state[1]);
  flush ();
  dialog = shown_toplevel (CAG_TYPE_BUDGET_VIEW_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  save_shot (dialog, "budget-new-dialog.png");

  gtk_entry_set_text (entry_named (dialog, "Name"), "Plan 2005");
  gtk_entry_set_text (entry_named (dialog, "Start"), "2005-04-01");
  gtk_entry_set_text (entry_named (dialog, "End"), "le 31 mars");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  flush ();
  message = shown_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  gtk_widget_destroy (message);
  budgets = cag_budget_list (store, NULL);
  g_assert_cmpuint (budgets->len, ==, 1);
  g_assert_true (shown_toplevel (CAG_TYPE_BUDGET_VIEW_DIALOG) == dialog);

  gtk_entry_set_text (entry_named (dialog, "End"), "2006-03-31");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  flush ();
  g_assert_null (shown_toplevel (CAG_TYPE_BUDGET_VIEW_DIALOG));
  g_clear_pointer (&budgets, g_ptr_array_unref);
  budgets = cag_budget_list (store, NULL);
  g_assert_cmpuint (budgets->len, ==, 2);
  g_assert_cmpint (cag_budget_view_get_budget_id (CAG_BUDGET_VIEW (view)), !=, budget_id);
  g_assert_cmpuint (cag_budget_view_get_input (CAG_BUDGET_VIEW (view))->lines->len, ==, 2);
  g_assert_cmpstr (cag_budget_view_get_cell (CAG_BUDGET_VIEW (view), 3, 1), ==, "$125,000.00");
  gtk_widget_destroy (window);
  cag_store_close (store);
}

/* The page inside the view's scroller. */
static GtkWidget *
page_content (GtkWidget *view)
{
  g_autoptr (GList) children = gtk_container_get_children (GTK_CONTAINER (view));
  GtkWidget *scroller = children->data;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  return gtk_bin_get_child (GTK_BIN (gtk_bin_get_child (GTK_BIN (scroller))));
}

static void
save_shot (GtkWidget  *window,
           const char *name)
{
  const char *dir = g_getenv ("CAGNOTTE_SCREENSHOT_DIR");
  GdkWindow *gdk = gtk_widget_get_window (window);
  g_autoptr (GdkPixbuf) shot = NULL;
  g_autofree char *file = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  file = g_build_filename (dir, name, NULL);
  gtk_widget_queue_draw (window);
  gtk_test_widget_wait_for_draw (window);
  shot = gdk_pixbuf_get_from_window (gdk, 0, 0, gdk_window_get_width (gdk),
                                     gdk_window_get_height (gdk));
  if (shot != NULL)
    gdk_pixbuf_save (shot, file, "png", NULL, NULL);
}

/* A window of WIDTH × HEIGHT with the view on STORE. */
static GtkWidget *
view_window (CagStore   *store,
             gint        width,
             gint        height,
             GtkWidget **out_view)
{
  GtkWidget *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget *view = cag_budget_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_container_add (GTK_CONTAINER (window), view);
  cag_budget_view_load (CAG_BUDGET_VIEW (view), store);
  gtk_widget_show_all (window);
  flush ();
  gtk_test_widget_wait_for_draw (window);
  *out_view = view;
  return window;
}

/* The page fits a window of 1024 × 600 and more without scrolling sideways,
 * in either language, with the example budget's long names; at 800 × 600
 * it scrolls rather than cut anything.  At 1,060 pixels, the pro-forma
 * tables (three funders) fit without scrolling sideways. */
static void
test_sizes (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "width.db", NULL);
  GError *error = NULL;
  CagStore *store = cag_store_open (path, &error);
  const CagLang langs[] = { CAG_LANG_EN, CAG_LANG_FR };
  const gint sizes[][2] = { { 800, 600 }, { 1024, 600 }, { 1366, 768 } };

  g_assert_no_error (error);
  g_assert_true (cag_budget_demo_fill (store, NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      GtkWidget *window, *view, *viewport = NULL, *tables;
      gint tables_min = 0;

      cag_i18n_set_language (langs[i]);
      g_assert_cmpint (cag_i18n_get_language (), ==, langs[i]);
      for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
        {
          GtkWidget *content;
          gint min_w = 0, min_h = 0;
          g_autofree char *name = g_strdup_printf ("budget-page-%s-%dx%d.png",
                                                   cag_lang_to_code (langs[i]), sizes[k][0],
                                                   sizes[k][1]);

          window = view_window (store, sizes[k][0], sizes[k][1], &view);
          content = page_content (view);
          gtk_widget_get_preferred_width (content, &min_w, NULL);
          gtk_widget_get_preferred_height_for_width (content,
                                                     gtk_widget_get_allocated_width (content),
                                                     &min_h, NULL);
          g_test_message ("%s %dx%d: page needs %d×%d, has %d×%d", cag_lang_to_code (langs[i]),
                          sizes[k][0], sizes[k][1], min_w, min_h,
                          gtk_widget_get_allocated_width (content),
                          gtk_widget_get_allocated_height (content));
          /* Nothing is cut: the page gets at least what it needs. */
          g_assert_cmpint (gtk_widget_get_allocated_width (content), >=, min_w);
          g_assert_cmpint (gtk_widget_get_allocated_height (content), >=, min_h);
          /* From 1024 pixels wide, no scrolling sideways. */
          if (sizes[k][0] >= 1024)
            g_assert_cmpint (min_w, <=, sizes[k][0]);
          /* The window keeps the size asked for: the view does not widen it. */
          g_assert_cmpint (gtk_widget_get_allocated_width (window), ==, sizes[k][0]);
          save_shot (window, name);
          gtk_widget_destroy (window);
        }

      window = view_window (store, 1060, 760, &view);
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
  {
    g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/gesq/Cagnotte/style.css");
    gtk_style_context_add_provider_for_screen (gdk_screen_get_default (),
                                               GTK_STYLE_PROVIDER (css),
                                               GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  tmp_dir = g_dir_make_tmp ("cagnotte-budget-view-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/budget-view/pro-forma", test_view);
  g_test_add_func ("/budget-view/explain", test_explain);
  g_test_add_func ("/budget-view/accessible", test_accessible);
  g_test_add_func ("/budget-view/new-budget", test_new_budget);
  g_test_add_func ("/budget-view/sizes", test_sizes);
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
