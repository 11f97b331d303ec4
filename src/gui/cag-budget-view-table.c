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
 * headers wrap onto two lines rather than widen their column.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-budget-view-private.h"
#include "cag-gui-util.h"
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
  if (row_cells != NULL)
    g_ptr_array_add (row_cells, g_strdup (text));
  return label;
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

static void
fill_lines_table (CagBudgetView     *self,
                  const CagProforma *p)
{
  GtkGrid *grid = self->table;
  GPtrArray *row = g_ptr_array_new ();
  guint c = 0;

  attach_text (grid, row, C_("column", "Line"), c++, 0, CELL_HEADER, FALSE);
  c++;   /* the bars */
  attach_text (grid, row, C_("column", "Amount"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  attach_text (grid, row, C_("column", "Partner cash"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  attach_text (grid, row, C_("column", "Partner in kind"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  attach_text (grid, row, _("Funders"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  attach_text (grid, row, C_("column", "Gap"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  attach_text (grid, row, C_("column", "Partners needed"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  end_row (self->cells, row);

  for (guint l = 0; l <= p->n_lines; l++)
    {
      gboolean total = l == p->n_lines;
      const CagProformaLine *pl = total ? NULL : &p->lines[l];
      g_autofree char *name = total ? g_strdup (C_("row", "Total"))
                                    : g_strdup_printf ("%s — %s", pl->code, pl->label);
      guint r = l + 1;

      row = g_ptr_array_new ();
      c = 0;
      attach_text (grid, row, name, c++, r, CELL_TEXT, total);
      if (!total)
        gtk_grid_attach (grid, bar_new (p, l), (gint) c, (gint) r, 1, 1);
      c++;
      attach_money (grid, row, total ? p->amount_cents : pl->amount_cents, c++, r, total);
      attach_money (grid, row, total ? p->partner_cash_cents : pl->partner_cash_cents, c++, r,
                    total);
      attach_money (grid, row, total ? p->partner_in_kind_cents : pl->partner_in_kind_cents,
                    c++, r, total);
      attach_money (grid, row, total ? p->matched_cents : pl->matched_cents, c, r, total);
      if (!total && p->n_offers > 0)
        {
          g_autofree char *parts = funder_parts_text (p, l);

          gtk_widget_set_tooltip_text (gtk_grid_get_child_at (grid, (gint) c, (gint) r), parts);
        }
      c++;
      attach_money (grid, row, total ? p->gap_cents : pl->gap_cents, c++, r, total);
      attach_money (grid, row, total ? p->partner_needed_cents : pl->partner_needed_cents, c++,
                    r, total);
      end_row (self->cells, row);
    }
}

/* ---- The funders table -------------------------------------------------- */

static void
fill_funders_table (CagBudgetView          *self,
                    const CagProformaInput *in,
                    const CagProforma      *p)
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
    }
  attach_text (grid, row, C_("column", "Requested"), c++, 0, CELL_HEADER_NUMBER, FALSE);
  end_row (self->funder_cells, row);

  for (guint o = 0; o <= p->n_offers; o++)
    {
      gboolean total = o == p->n_offers;
      const CagProformaOffer *po = total ? NULL : &p->offers[o];
      const CagBudgetOffer *offer = NULL;
      guint r = o + 1;
      GtkLabel *label;

      if (!total && in != NULL && o < in->offers->len)
        offer = in->offers->pdata[o];
      row = g_ptr_array_new ();
      c = 0;
      label = attach_text (grid, row, total ? C_("row", "Total") : po->funder_name, c++, r,
                           CELL_TEXT, total);
      if (!total)
        {
          g_autofree char *markup =
            swatch_markup (funder_colors[o % G_N_ELEMENTS (funder_colors)], po->funder_name,
                           FALSE);

          gtk_label_set_markup (label, markup);
          gtk_label_set_width_chars (label, 14);
          gtk_label_set_max_width_chars (label, 40);
        }
      if (total)
        {
          attach_text (grid, row, "", c++, r, CELL_TEXT, TRUE);
          attach_text (grid, row, "", c++, r, CELL_TEXT, TRUE);
        }
      else
        {
          g_autofree char *ratio = g_strdup_printf ("%d:%d", po->num, po->den);
          g_autofree char *terms = offer_terms (offer, po);

          attach_text (grid, row, ratio, c++, r, CELL_NUMBER, FALSE);
          label = attach_text (grid, row, terms, c++, r, CELL_TEXT, FALSE);
          gtk_widget_set_hexpand (GTK_WIDGET (label), TRUE);
          gtk_label_set_width_chars (label, 6);
          if (*terms == '\0')
            gtk_widget_set_has_tooltip (GTK_WIDGET (label), FALSE);
        }
      for (guint l = 0; l < p->n_lines; l++)
        {
          attach_money (grid, row, total ? p->lines[l].matched_cents
                                         : p->lines[l].shares[o].given_cents, c, r, total);
          if (!total)
            {
              g_autofree char *base = cag_budget_view_money (p->lines[l].shares[o].base_used_cents);
              g_autofree char *tip = g_strdup_printf (_("%s: %s"), C_("column", "Base used"),
                                                      base);

              gtk_widget_set_tooltip_text (gtk_grid_get_child_at (grid, (gint) c, (gint) r), tip);
            }
          c++;
        }
      attach_money (grid, row, total ? p->matched_cents : po->requested_cents, c++, r, total);
      end_row (self->funder_cells, row);
    }
}

void
cag_budget_view_fill_table (CagBudgetView          *self,
                            const CagProformaInput *in,
                            const CagProforma      *p)
{
  clear_grid (self->table, self->cells);
  clear_grid (self->funders_table, self->funder_cells);
  gtk_label_set_text (self->warnings_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->funders_table), p != NULL && p->n_offers > 0);
  if (p == NULL)
    return;

  fill_lines_table (self, p);
  if (p->n_offers > 0)
    fill_funders_table (self, in, p);

  if (p->warnings->len > 0)
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
  gtk_widget_show_all (GTK_WIDGET (self->table));
  if (p->n_offers > 0)
    gtk_widget_show_all (GTK_WIDGET (self->funders_table));
}

GtkWidget *
cag_budget_view_legend_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  struct { const double *rgb; const char *text; } items[] = {
    { partner_colors[0], C_("column", "Partner cash") },
    { partner_colors[1], C_("column", "Partner in kind") },
    { funder_colors[0], _("Funders, in table order") },
    { gap_color, C_("column", "Gap") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *markup = swatch_markup (items[i].rgb, items[i].text, FALSE);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_container_add (GTK_CONTAINER (box), label);
    }
  return box;
}
