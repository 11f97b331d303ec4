/* cag-budget-view-table.c — the pro-forma of the Budgets view, in two
 * tables that fit a window about 1,100 pixels wide in either language:
 *
 * - per line (and a total): the line's name, a stacked bar (partner cash,
 *   partner in kind, each funder, gap), then fixed columns — amount,
 *   partner cash, partner in kind, all funders together, gap, partner
 *   amount needed;
 * - per funder (and a total): its colour and name, ratio, terms, what it
 *   gives on each line and what it is asked for in all.
 *
 * Long names are cut with an ellipsis (the whole text is the tooltip); the
 * headers wrap onto two lines rather than widen their column.  Both tables
 * are CagBudgetGrids, read as tables by screen readers (row 0 the column
 * headers, column 0 the row headers).  Each funder's amount on a line, and
 * each line's gap and amount to raise, is a button that unfolds its
 * explanation (cag-proforma-explain.c) in a popover; the same text is the
 * button's accessible description.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-budget-view-grid.h"
#include "cag-budget-view-private.h"
#include "cag-gui-util.h"
#include "cag-proforma-explain.h"
#include "cag-i18n.h"
#include "cag-money.h"

/* Segment colours of the stacked bars: partner cash, partner in kind, the
 * funders in turn, and the gap. */
static const double partner_colors[2][3] = {
  { 0.20, 0.52, 0.89 },   /* cash */
  { 0.55, 0.74, 0.95 },   /* in kind */
};
static const double funder_colors[][3] = {
  { 0.18, 0.76, 0.49 },
  { 0.96, 0.76, 0.07 },
  { 0.57, 0.25, 0.67 },
  { 0.90, 0.38, 0.00 },
  { 0.40, 0.60, 0.20 },
};
static const double gap_color[3] = { 0.88, 0.11, 0.14 };

/* Headers wrap beyond this many characters. */
#define HEADER_WRAP_CHARS 11

/* ---- The stacked bars --------------------------------------------------- */

static gboolean
bar_drawn_cb (GtkWidget *area,
              cairo_t   *cr,
              gpointer   user_data)
{
  const gint64 *segments = g_object_get_data (G_OBJECT (area), "segments");
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "n-segments"));
  double width = gtk_widget_get_allocated_width (area);
  double height = gtk_widget_get_allocated_height (area);
  gint64 total = 0;
  double x = 0;

  for (guint i = 0; i < n; i++)
    total += segments[i];
  if (total <= 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const double *rgb;
      /* Widths only: a double never holds an amount here. */
      double w = width * (double) segments[i] / (double) total;

      if (i < 2)
        rgb = partner_colors[i];
      else if (i == n - 1)
        rgb = gap_color;
      else
        rgb = funder_colors[(i - 2) % G_N_ELEMENTS (funder_colors)];
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, x, 2, w, height - 4);
      cairo_fill (cr);
      x += w;
    }
  return FALSE;
}

static void
tip_add (GString    *tip,
         const char *what,
         gint64      cents)
{
  g_autofree char *amount = cag_budget_view_money (cents);

  if (tip->len > 0)
    g_string_append_c (tip, '\n');
  /* TRANSLATORS: one line of a bar's tooltip, "what: amount". */
  g_string_append_printf (tip, _("%s: %s"), what, amount);
}

/* Each funder's part of line L, one per line of text. */
static char *
funder_parts_text (const CagProforma *p,
                   guint              l)
{
  GString *tip = g_string_new (NULL);

  for (guint o = 0; o < p->n_offers; o++)
    tip_add (tip, p->offers[o].funder_name, p->lines[l].shares[o].given_cents);
  return g_string_free (tip, FALSE);
}

static GtkWidget *
bar_new (const CagProforma *p,
         guint              l)
{
  const CagProformaLine *pl = &p->lines[l];
  GtkWidget *area = gtk_drawing_area_new ();
  guint n = p->n_offers + 3;
  gint64 *segments = g_new0 (gint64, n);
  g_autoptr (GString) tip = g_string_new (NULL);
  g_autofree char *parts = funder_parts_text (p, l);
  gint64 room = pl->amount_cents;

  /* Partners' part as counted (never beyond the line), then funders, gap. */
  segments[0] = MIN (pl->partner_cash_cents, room);
  room -= segments[0];
  segments[1] = MIN (pl->partner_in_kind_cents, room);
  for (guint o = 0; o < p->n_offers; o++)
    segments[2 + o] = pl->shares[o].given_cents;
  segments[n - 1] = pl->gap_cents;

  g_string_append_printf (tip, "%s — %s\n", pl->code, pl->label);
  tip_add (tip, C_("column", "Partner cash"), pl->partner_cash_cents);
  tip_add (tip, C_("column", "Partner in kind"), pl->partner_in_kind_cents);
  if (*parts != '\0')
    g_string_append_printf (tip, "\n%s", parts);
  tip_add (tip, C_("column", "Funded"), pl->funded_cents);
  tip_add (tip, C_("column", "Gap"), pl->gap_cents);

  g_object_set_data_full (G_OBJECT (area), "segments", segments, g_free);
  g_object_set_data (G_OBJECT (area), "n-segments", GUINT_TO_POINTER (n));
  gtk_widget_set_size_request (area, 110, 18);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (area, tip->str);
  cag_gui_set_accessible_name (area, tip->str);
  atk_object_set_role (gtk_widget_get_accessible (area), ATK_ROLE_IMAGE);
  g_signal_connect (area, "draw", G_CALLBACK (bar_drawn_cb), NULL);
  return area;
}

static char *
swatch_markup (const double *rgb,
               const char   *text,
               gboolean      bold)
{
  return g_markup_printf_escaped (bold ? "<span foreground=\"#%02x%02x%02x\">■</span> <b>%s</b>"
                                       : "<span foreground=\"#%02x%02x%02x\">■</span> %s",
                                  (guint) (rgb[0] * 255), (guint) (rgb[1] * 255),
                                  (guint) (rgb[2] * 255), text);
}

/* ---- Cells -------------------------------------------------------------- */

typedef enum
{
  CELL_TEXT,      /* left, may be cut with an ellipsis */
  CELL_NUMBER,    /* right */
  CELL_HEADER,    /* bold, wraps */
  CELL_HEADER_NUMBER,
} CellKind;

/* Attaches a label with TEXT at COLUMN, ROW of GRID and records TEXT in
 * ROW_CELLS (for tests); BOLD for the total row. */
static GtkLabel *
attach_text (GtkGrid    *grid,
             GPtrArray  *row_cells,
             const char *text,
             guint       column,
             guint       row,
             CellKind    kind,
             gboolean    bold)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));
  gboolean header = kind == CELL_HEADER || kind == CELL_HEADER_NUMBER;
  gboolean number = kind == CELL_NUMBER || kind == CELL_HEADER_NUMBER;

  if (bold || header)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

      gtk_label_set_markup (label, markup);
    }
  else
    gtk_label_set_text (label, text);
  gtk_label_set_xalign (label, number ? 1.0 : 0.0);
  if (header)
    {
      gtk_label_set_yalign (label, 1.0);
      gtk_label_set_line_wrap (label, TRUE);
      gtk_label_set_max_width_chars (label, HEADER_WRAP_CHARS);
      gtk_label_set_justify (label, number ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
    }
  else if (kind == CELL_TEXT)
    {
      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (label, 8);
      gtk_label_set_max_width_chars (label, 48);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
    }
  gtk_grid_attach (grid, GTK_WIDGET (label), (gint) column, (gint) row, 1, 1);
  atk_object_set_role (gtk_widget_get_accessible (GTK_WIDGET (label)),
                       header ? ATK_ROLE_COLUMN_HEADER
                              : column == 0 ? ATK_ROLE_ROW_HEADER : ATK_ROLE_TABLE_CELL);
  if (row_cells != NULL)
    g_ptr_array_add (row_cells, g_strdup (text));
  return label;
}

/* A long name (a line's, a funder's) wraps onto a second line, then is cut
 * with an ellipsis; its tooltip and accessible name hold all of it. */
static void
wrap_name (GtkLabel *label)
{
  gtk_label_set_line_wrap (label, TRUE);
  gtk_label_set_line_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (label, 2);
  gtk_widget_set_valign (GTK_WIDGET (label), GTK_ALIGN_CENTER);
}

/* An empty cell, so that the table has a widget in every cell. */
static void
attach_empty (GtkGrid    *grid,
              guint       column,
              guint       row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_grid_attach (grid, label, (gint) column, (gint) row, 1, 1);
  atk_object_set_role (gtk_widget_get_accessible (label), ATK_ROLE_TABLE_CELL);
}

/* An amount that unfolds EXPLANATION: a flat button showing the amount
 * (right-aligned), opening a popover with the text; reachable with Tab and
 * opened with Enter or Space, closed with Escape. */
static void
attach_explained (GtkGrid    *grid,
                  GPtrArray  *row_cells,
                  gint64      cents,
                  guint       column,
                  guint       row,
                  const char *explanation)
{
  g_autofree char *text = cag_budget_view_money (cents);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *popover = gtk_popover_new (button);
  GtkWidget *body = gtk_label_new (NULL);
  const char *rest = strchr (explanation, '\n');
  g_autofree char *head = g_markup_escape_text (explanation,
                                                rest != NULL ? rest - explanation : -1);
  g_autofree char *tail = g_markup_escape_text (rest != NULL ? rest : "", -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>%s", head, tail);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_container_add (GTK_CONTAINER (button), label);
  gtk_button_set_relief (GTK_BUTTON (button), GTK_RELIEF_NONE);
  gtk_style_context_add_class (gtk_widget_get_style_context (button), "explained-amount");
  gtk_widget_set_tooltip_text (button, _("How this amount is reached (Enter)"));
  /* The first sentence says the result; the rest how it comes about. */
  gtk_label_set_markup (GTK_LABEL (body), markup);
  gtk_label_set_line_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 60);
  gtk_label_set_xalign (GTK_LABEL (body), 0.0);
  g_object_set (body, "margin", 12, NULL);
  gtk_widget_show (body);
  gtk_container_add (GTK_CONTAINER (popover), body);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  atk_object_set_description (gtk_widget_get_accessible (button), explanation);
  gtk_grid_attach (grid, button, (gint) column, (gint) row, 1, 1);
  if (row_cells != NULL)
    g_ptr_array_add (row_cells, g_strdup (text));
}

static void
attach_money (GtkGrid   *grid,
              GPtrArray *row_cells,
              gint64     cents,
              guint      column,
              guint      row,
              gboolean   bold)
{
  g_autofree char *text = cag_budget_view_money (cents);

  attach_text (grid, row_cells, text, column, row, CELL_NUMBER, bold);
}

static void
end_row (GPtrArray *cells,
         GPtrArray *row_cells)
{
  g_ptr_array_add (row_cells, NULL);
  g_ptr_array_add (cells, g_ptr_array_free (row_cells, FALSE));
}

static void
clear_grid (GtkGrid   *grid,
            GPtrArray *cells)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (grid));

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
  g_ptr_array_set_size (cells, 0);
}

/* The terms of OFFER besides its ratio: "lines A, B · cash only · cap …". */
static char *
offer_terms (const CagBudgetOffer   *offer,
             const CagProformaOffer *po)
{
  g_autoptr (GString) s = g_string_new (NULL);

  if (offer == NULL)
    return g_strdup ("");
  if (offer->lines != NULL)
    {
      g_autofree char *codes = g_strjoinv (", ", offer->lines);

      g_string_append_printf (s, _("lines %s"), codes);
    }
  if (offer->cash_only)
    {
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, _("cash only"));
    }
  if (offer->cap_cents > 0)
    {
      g_autofree char *a = cag_budget_view_money (offer->cap_cents);

      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append_printf (s, _("cap %s"), a);
    }
  if (offer->min_base_cents > 0)
    {
      g_autofree char *a = cag_budget_view_money (offer->min_base_cents);

      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append_printf (s, _("minimum base %s"), a);
      if (!po->active)
        {
          g_string_append_c (s, ' ');
          g_string_append (s, _("(not reached)"));
        }
    }
  if (offer->max_share_bp > 0)
    {
      g_autofree char *pct = NULL;

      if (offer->max_share_bp % 100 == 0)
        pct = g_strdup_printf ("%d", offer->max_share_bp / 100);
      else
        pct = g_strdup_printf ("%d%c%02d", offer->max_share_bp / 100,
                               cag_i18n_get_language () == CAG_LANG_FR ? ',' : '.',
                               offer->max_share_bp % 100);
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append_printf (s, _("at most %s%% of its lines"), pct);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- The lines table ---------------------------------------------------- */

/* Every offer's explanation on line L, highest ratio first. */
static char *
line_shares_text (const CagProformaInput *in,
                  const CagProforma      *p,
                  guint                   l)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint r = 0; r < p->n_offers; r++)
    for (guint o = 0; o < p->n_offers; o++)
      if (p->offers[o].rank == r)
        {
          g_autofree char *text = cag_proforma_explain_share_text (in, p, l, o);

          if (s->len > 0)
            g_string_append (s, "\n\n");
          g_string_append (s, text);
        }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
attach_lines_header (CagBudgetView *self)
{
  GtkGrid *grid = self->table;
  GPtrArray *row = g_ptr_array_new ();
  g_autofree char *gap_def = cag_proforma_explain_gap_definition ();
  g_autofree char *needed_def = cag_proforma_explain_needed_definition ();
  GtkLabel *label;
  guint c = 0;

  attach_text (grid, row, C_("column", "Line"), c++, 0, CELL_HEADER, FALSE);
  /* The bars: no visible header, a name for screen readers. */
  label = attach_text (grid, NULL, "", c++, 0, CELL_HEADER, FALSE);
  cag_gui_set_accessible_name (GTK_WIDGET (label), C_("column", "Chart"));
  attach_text (grid, row, C_("column", "Amount"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  attach_text (grid, row, C_("column", "Partner cash"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  attach_text (grid, row, C_("column", "Partner in kind"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  attach_text (grid, row, _("Funders"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  label = attach_text (grid, row, C_("column", "Gap"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), gap_def);
  label = attach_text (grid, row, C_("column", "Partners needed"), c++, 0, CELL_HEADER_NUMBER,
                       FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), needed_def);
  end_row (self->cells, row);
}

/* Line L's row R: the figures, the funders' part and the gap unfolding
 * their explanation. */
static void
attach_line_row (CagBudgetView          *self,
                 const CagProformaInput *in,
                 const CagProforma      *p,
                 const CagProforma      *closed,
                 guint                   l)
{
  GtkGrid *grid = self->table;
  const CagProformaLine *pl = &p->lines[l];
  g_autofree char *name = g_strdup_printf ("%s — %s", pl->code, pl->label);
  g_autofree char *gap_def = cag_proforma_explain_gap_definition ();
  g_autofree char *needed_def = cag_proforma_explain_needed_definition ();
  g_autofree char *line_text = cag_proforma_explain_line_text (in, p, closed, l);
  g_autofree char *gap_text = g_strdup_printf ("%s\n\n%s", line_text, gap_def);
  g_autofree char *needed_text = g_strdup_printf ("%s\n\n%s", line_text, needed_def);
  GPtrArray *row = g_ptr_array_new ();
  guint r = l + 1;

  wrap_name (attach_text (grid, row, name, 0, r, CELL_TEXT, FALSE));
  gtk_grid_attach (grid, bar_new (p, l), 1, (gint) r, 1, 1);
  attach_money (grid, row, pl->amount_cents, 2, r, FALSE);
  attach_money (grid, row, pl->partner_cash_cents, 3, r, FALSE);
  attach_money (grid, row, pl->partner_in_kind_cents, 4, r, FALSE);
  if (p->n_offers > 0)
    {
      g_autofree char *shares = line_shares_text (in, p, l);

      attach_explained (grid, row, pl->matched_cents, 5, r, shares);
    }
  else
    attach_money (grid, row, pl->matched_cents, 5, r, FALSE);
  attach_explained (grid, row, pl->gap_cents, 6, r, gap_text);
  attach_explained (grid, row, pl->partner_needed_cents, 7, r, needed_text);
  end_row (self->cells, row);
}

static void
attach_lines_total (CagBudgetView     *self,
                    const CagProforma *p)
{
  GtkGrid *grid = self->table;
  GPtrArray *row = g_ptr_array_new ();
  guint r = p->n_lines + 1;

  attach_text (grid, row, C_("row", "Total"), 0, r, CELL_TEXT, TRUE);
  attach_empty (grid, 1, r);
  attach_money (grid, row, p->amount_cents, 2, r, TRUE);
  attach_money (grid, row, p->partner_cash_cents, 3, r, TRUE);
  attach_money (grid, row, p->partner_in_kind_cents, 4, r, TRUE);
  attach_money (grid, row, p->matched_cents, 5, r, TRUE);
  attach_money (grid, row, p->gap_cents, 6, r, TRUE);
  attach_money (grid, row, p->partner_needed_cents, 7, r, TRUE);
  end_row (self->cells, row);
}

static void
fill_lines_table (CagBudgetView          *self,
                  const CagProformaInput *in,
                  const CagProforma      *p)
{
  g_autoptr (CagProforma) closed = cag_proforma_explain_closed (in, p);

  cag_budget_grid_set_size (CAG_BUDGET_GRID (self->table), p->n_lines + 2, 8);
  attach_lines_header (self);
  for (guint l = 0; l < p->n_lines; l++)
    attach_line_row (self, in, p, closed, l);
  attach_lines_total (self, p);
}

/* ---- The funders table -------------------------------------------------- */

static void
attach_funders_header (CagBudgetView     *self,
                       const CagProforma *p)
{
  GtkGrid *grid = self->funders_table;
  GPtrArray *row = g_ptr_array_new ();
  guint c = 0;

  attach_text (grid, row, C_("column", "Funder"), c++, 0, CELL_HEADER, FALSE);
  attach_text (grid, row, C_("column", "Ratio"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  attach_text (grid, row, C_("column", "Terms"), c++, 0, CELL_HEADER, FALSE);
  for (guint l = 0; l < p->n_lines; l++)
    {
      g_autofree char *tip = g_strdup_printf ("%s — %s", p->lines[l].code, p->lines[l].label);
      GtkLabel *label = attach_text (grid, row, p->lines[l].code, c++, 0, CELL_HEADER_NUMBER,
                                     FALSE);

      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), tip);
      /* The header read with each cell: the line's code and label. */
      cag_gui_set_accessible_name (GTK_WIDGET (label), tip);
    }
  attach_text (grid, row, C_("column", "Requested"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  end_row (self->funder_cells, row);
}

/* Offer O's row: swatch and name, ratio, terms, what it gives on each line
 * and the total requested (each unfolding its explanation). */
static void
attach_funder_row (CagBudgetView          *self,
                   const CagProformaInput *in,
                   const CagProforma      *p,
                   guint                   o)
{
  GtkGrid *grid = self->funders_table;
  const CagProformaOffer *po = &p->offers[o];
  const CagBudgetOffer *offer = in != NULL && o < in->offers->len ? in->offers->pdata[o] : NULL;
  g_autofree char *markup =
    swatch_markup (funder_colors[o % G_N_ELEMENTS (funder_colors)], po->funder_name, FALSE);
  g_autofree char *ratio = g_strdup_printf ("%d:%d", po->num, po->den);
  g_autofree char *terms = offer_terms (offer, po);
  GPtrArray *row = g_ptr_array_new ();
  guint r = o + 1, c = 3;
  GtkLabel *label;

  label = attach_text (grid, row, po->funder_name, 0, r, CELL_TEXT, FALSE);
  gtk_label_set_markup (label, markup);
  /* The colour swatch is for the eye: readers get the name. */
  cag_gui_set_accessible_name (GTK_WIDGET (label), po->funder_name);
  wrap_name (label);
  gtk_label_set_width_chars (label, 14);
  gtk_label_set_max_width_chars (label, 40);
  attach_text (grid, row, ratio, 1, r, CELL_NUMBER, FALSE);
  label = attach_text (grid, row, terms, 2, r, CELL_TEXT, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (label), TRUE);
  gtk_label_set_width_chars (label, 6);
  if (*terms == '\0')
    gtk_widget_set_has_tooltip (GTK_WIDGET (label), FALSE);
  for (guint l = 0; l < p->n_lines; l++, c++)
    {
      g_autofree char *text = in != NULL ? cag_proforma_explain_share_text (in, p, l, o)
                                         : g_strdup ("");

      attach_explained (grid, row, p->lines[l].shares[o].given_cents, c, r, text);
    }
  {
    g_autofree char *total = in != NULL ? cag_proforma_explain_offer_text (in, p, o)
                                        : g_strdup ("");

    attach_explained (grid, row, po->requested_cents, c, r, total);
  }
  end_row (self->funder_cells, row);
}

static void
attach_funders_total (CagBudgetView     *self,
                      const CagProforma *p)
{
  GtkGrid *grid = self->funders_table;
  GPtrArray *row = g_ptr_array_new ();
  guint r = p->n_offers + 1, c = 3;

  attach_text (grid, row, C_("row", "Total"), 0, r, CELL_TEXT, TRUE);
  attach_text (grid, row, "", 1, r, CELL_TEXT, TRUE);
  attach_text (grid, row, "", 2, r, CELL_TEXT, TRUE);
  for (guint l = 0; l < p->n_lines; l++)
    attach_money (grid, row, p->lines[l].matched_cents, c++, r, TRUE);
  attach_money (grid, row, p->matched_cents, c, r, TRUE);
  end_row (self->funder_cells, row);
}

static void
fill_funders_table (CagBudgetView          *self,
                    const CagProformaInput *in,
                    const CagProforma      *p)
{
  cag_budget_grid_set_size (CAG_BUDGET_GRID (self->funders_table), p->n_offers + 2,
                            p->n_lines + 4);
  attach_funders_header (self, p);
  for (guint o = 0; o < p->n_offers; o++)
    attach_funder_row (self, in, p, o);
  attach_funders_total (self, p);
}

/* ---- Both --------------------------------------------------------------- */

static void
fill_warnings (CagBudgetView     *self,
               const CagProforma *p)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < p->warnings->len; i++)
    {
      const CagProformaWarning *w = p->warnings->pdata[i];

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Warning: %s"), w->message);
    }
  gtk_label_set_text (self->warnings_label, text->str);
}

/* What the columns mean, and how to unfold an amount's explanation. */
static void
fill_definitions (CagBudgetView *self)
{
  g_autofree char *gap_def = cag_proforma_explain_gap_definition ();
  g_autofree char *needed_def = cag_proforma_explain_needed_definition ();
  g_autofree char *text =
    g_strdup_printf ("%s\n%s\n%s", gap_def, needed_def,
                     _("Each funder’s amount on a line, each gap and each amount to raise "
                       "explains how it is reached: click it, or reach it with Tab and press "
                       "Enter."));

  gtk_label_set_text (self->definitions_label, text);
}

void
cag_budget_view_fill_table (CagBudgetView          *self,
                            const CagProformaInput *in,
                            const CagProforma      *p)
{
  clear_grid (self->table, self->cells);
  clear_grid (self->funders_table, self->funder_cells);
  cag_budget_grid_set_size (CAG_BUDGET_GRID (self->table), 0, 0);
  cag_budget_grid_set_size (CAG_BUDGET_GRID (self->funders_table), 0, 0);
  gtk_label_set_text (self->warnings_label, "");
  fill_definitions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->funders_table), p != NULL && p->n_offers > 0);
  if (p == NULL || in == NULL)
    return;

  fill_lines_table (self, in, p);
  if (p->n_offers > 0)
    fill_funders_table (self, in, p);
  fill_warnings (self, p);
  gtk_widget_show_all (GTK_WIDGET (self->table));
  if (p->n_offers > 0)
    gtk_widget_show_all (GTK_WIDGET (self->funders_table));
}

char *
cag_budget_view_legend_markup (void)
{
  GString *markup = g_string_new (NULL);
  struct { const double *rgb; const char *text; } items[] = {
    { partner_colors[0], C_("column", "Partner cash") },
    { partner_colors[1], C_("column", "Partner in kind") },
    { funder_colors[0], _("Funders, in table order") },
    { gap_color, C_("column", "Gap") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *item = swatch_markup (items[i].rgb, items[i].text, FALSE);

      if (i > 0)
        g_string_append (markup, "    ");
      g_string_append (markup, item);
    }
  return g_string_free (markup, FALSE);
}
