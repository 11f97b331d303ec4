/* cag-budget-view-table.c — the pro-forma table of the Budgets view: one row
 * per line and a total, a stacked bar per line (partner cash, partner in
 * kind, each funder, gap), the legend and the warnings.
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

/* Longer line names are cut in the table (the whole name is the tooltip). */
#define CAG_BUDGET_VIEW_NAME_MAX 28
#define CAG_BUDGET_VIEW_FUNDER_MAX 18

/* ---- The pro-forma table ------------------------------------------------ */

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

static GtkWidget *
bar_new (const CagProforma *p,
         guint              l)
{
  const CagProformaLine *pl = &p->lines[l];
  GtkWidget *area = gtk_drawing_area_new ();
  guint n = p->n_offers + 3;
  gint64 *segments = g_new0 (gint64, n);
  g_autoptr (GString) tip = g_string_new (NULL);
  g_autofree char *cash = cag_budget_view_money (pl->partner_cash_cents);
  g_autofree char *kind = cag_budget_view_money (pl->partner_in_kind_cents);
  g_autofree char *gap = cag_budget_view_money (pl->gap_cents);
  gint64 room = pl->amount_cents;

  /* Partners' part as counted (never beyond the line), then funders, gap. */
  segments[0] = MIN (pl->partner_cash_cents, room);
  room -= segments[0];
  segments[1] = MIN (pl->partner_in_kind_cents, room);
  /* TRANSLATORS: one line of a bar's tooltip, "what: amount". */
  g_string_append_printf (tip, _("%s: %s"), C_("column", "Partner cash"), cash);
  g_string_append_c (tip, '\n');
  g_string_append_printf (tip, _("%s: %s"), C_("column", "Partner in kind"), kind);
  for (guint o = 0; o < p->n_offers; o++)
    {
      g_autofree char *given = cag_budget_view_money (pl->shares[o].given_cents);

      segments[2 + o] = pl->shares[o].given_cents;
      g_string_append_c (tip, '\n');
      g_string_append_printf (tip, _("%s: %s"), p->offers[o].funder_name, given);
    }
  segments[n - 1] = pl->gap_cents;
  g_string_append_c (tip, '\n');
  g_string_append_printf (tip, _("%s: %s"), C_("column", "Gap"), gap);

  g_object_set_data_full (G_OBJECT (area), "segments", segments, g_free);
  g_object_set_data (G_OBJECT (area), "n-segments", GUINT_TO_POINTER (n));
  gtk_widget_set_size_request (area, 140, 18);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (area, tip->str);
  g_signal_connect (area, "draw", G_CALLBACK (bar_drawn_cb), NULL);
  return area;
}

static void
attach_text (CagBudgetView *self,
             GPtrArray     *row_cells,
             const char    *text,
             guint          column,
             guint          row,
             gboolean       number,
             gboolean       bold)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (bold)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  gtk_grid_attach (self->table, label, (gint) column, (gint) row, 1, 1);
  g_ptr_array_add (row_cells, g_strdup (text));
}

static void
end_row (CagBudgetView *self,
         GPtrArray     *row_cells)
{
  g_ptr_array_add (row_cells, NULL);
  g_ptr_array_add (self->cells, g_ptr_array_free (row_cells, FALSE));
}

void
cag_budget_view_fill_table (CagBudgetView     *self,
                            const CagProforma *p)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->table));
  GPtrArray *row;
  guint c;

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
  g_ptr_array_set_size (self->cells, 0);
  gtk_label_set_text (self->warnings_label, "");
  if (p == NULL)
    return;

  row = g_ptr_array_new ();
  c = 0;
  attach_text (self, row, C_("column", "Line"), c++, 0, FALSE, TRUE);
  c++;   /* the bars */
  attach_text (self, row, C_("column", "Amount"), c++, 0, TRUE, TRUE);
  attach_text (self, row, C_("column", "Partner cash"), c++, 0, TRUE, TRUE);
  attach_text (self, row, C_("column", "Partner in kind"), c++, 0, TRUE, TRUE);
  for (guint o = 0; o < p->n_offers; o++)
    {
      const double *rgb = funder_colors[o % G_N_ELEMENTS (funder_colors)];
      const char *name = p->offers[o].funder_name;
      g_autofree char *head = g_strdup_printf ("%s (%d:%d)", name, p->offers[o].num,
                                               p->offers[o].den);
      g_autofree char *cut = NULL;
      g_autofree char *markup = NULL;
      GtkWidget *label;

      /* Long names are cut in the header; the tooltip has the whole. */
      if (g_utf8_strlen (name, -1) > CAG_BUDGET_VIEW_FUNDER_MAX)
        {
          g_autofree char *part = g_utf8_substring (name, 0, CAG_BUDGET_VIEW_FUNDER_MAX - 1);

          cut = g_strdup_printf ("%s… (%d:%d)", part, p->offers[o].num, p->offers[o].den);
        }
      markup = g_markup_printf_escaped ("<span foreground=\"#%02x%02x%02x\">■</span> <b>%s</b>",
                                        (guint) (rgb[0] * 255), (guint) (rgb[1] * 255),
                                        (guint) (rgb[2] * 255), cut != NULL ? cut : head);
      attach_text (self, row, head, c, 0, TRUE, TRUE);
      label = gtk_grid_get_child_at (self->table, (gint) c, 0);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_widget_set_tooltip_text (label, head);
      c++;
    }
  attach_text (self, row, C_("column", "Funded"), c++, 0, TRUE, TRUE);
  attach_text (self, row, C_("column", "Gap"), c++, 0, TRUE, TRUE);
  attach_text (self, row, C_("column", "Partners needed"), c++, 0, TRUE, TRUE);
  end_row (self, row);

  for (guint l = 0; l <= p->n_lines; l++)
    {
      gboolean total = l == p->n_lines;
      const CagProformaLine *pl = total ? NULL : &p->lines[l];
      g_autofree char *name = total ? g_strdup (C_("row", "Total"))
                                    : g_strdup_printf ("%s — %s", pl->code, pl->label);
      g_autofree char *shown_name = NULL;
      gint64 values[3];

      row = g_ptr_array_new ();
      c = 0;
      attach_text (self, row, name, c++, l + 1, FALSE, total);
      if (g_utf8_strlen (name, -1) > CAG_BUDGET_VIEW_NAME_MAX)
        {
          GtkWidget *label = gtk_grid_get_child_at (self->table, 0, (gint) l + 1);
          g_autofree char *cut = g_utf8_substring (name, 0, CAG_BUDGET_VIEW_NAME_MAX - 1);

          shown_name = g_strconcat (cut, "…", NULL);
          gtk_label_set_text (GTK_LABEL (label), shown_name);
          gtk_widget_set_tooltip_text (label, name);
        }
      if (!total)
        gtk_grid_attach (self->table, bar_new (p, l), (gint) c, (gint) l + 1, 1, 1);
      c++;
      values[0] = total ? p->amount_cents : pl->amount_cents;
      values[1] = total ? p->partner_cash_cents : pl->partner_cash_cents;
      values[2] = total ? p->partner_in_kind_cents : pl->partner_in_kind_cents;
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *v = cag_budget_view_money (values[i]);

          attach_text (self, row, v, c++, l + 1, TRUE, total);
        }
      for (guint o = 0; o < p->n_offers; o++)
        {
          g_autofree char *v = cag_budget_view_money (total ? p->offers[o].requested_cents
                                            : pl->shares[o].given_cents);

          attach_text (self, row, v, c++, l + 1, TRUE, total);
        }
      {
        g_autofree char *funded = cag_budget_view_money (total ? p->funded_cents : pl->funded_cents);
        g_autofree char *gap = cag_budget_view_money (total ? p->gap_cents : pl->gap_cents);
        g_autofree char *needed = cag_budget_view_money (total ? p->partner_needed_cents
                                               : pl->partner_needed_cents);

        attach_text (self, row, funded, c++, l + 1, TRUE, total);
        attach_text (self, row, gap, c++, l + 1, TRUE, total);
        attach_text (self, row, needed, c++, l + 1, TRUE, total);
      }
      end_row (self, row);
    }

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
      g_autofree char *markup =
        g_markup_printf_escaped ("<span foreground=\"#%02x%02x%02x\">■</span> %s",
                                 (guint) (items[i].rgb[0] * 255), (guint) (items[i].rgb[1] * 255),
                                 (guint) (items[i].rgb[2] * 255), items[i].text);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_container_add (GTK_CONTAINER (box), label);
    }
  return box;
}

