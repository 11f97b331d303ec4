/* cag-chart.c — cumulative savings against the planned line, drawn with
 * cairo.  Amounts stay integers until the last step, where they become
 * pixel positions. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-chart.h"
#include "cag-date.h"
#include "cag-gui-util.h"
#include "cag-money.h"
#include "cag-store.h"

#define MARGIN_LEFT_MIN 60
#define MARGIN_RIGHT 16
#define MARGIN_TOP 28
#define MARGIN_BOTTOM 26

struct _CagChart
{
  GtkDrawingArea  parent_instance;

  gboolean        has_data;
  gint            start_month;
  gint            deadline_month;
  gint            current_month;
  double          marker;         /* the as-of date, in months (fractional) */
  gint64          target_cents;
  GArray         *totals;         /* CagMonthTotal */
};

G_DEFINE_FINAL_TYPE (CagChart, cag_chart, GTK_TYPE_DRAWING_AREA)

static gint64
cumulative_until (CagChart *self,
                  gint      month)
{
  gint64 sum = 0;
  guint i;

  for (i = 0; i < self->totals->len; i++)
    {
      const CagMonthTotal *t = &g_array_index (self->totals, CagMonthTotal, i);
      if (t->month <= month)
        sum += t->total_cents;
    }
  return sum;
}

/* The months along the x axis: the campaign's, stretched a little for
 * contributions or an as-of date outside them, never to a stray far date (a
 * cheque dated years after the deadline would squash the useful part;
 * docs/GUI.md, "Small screens"): at most a quarter of the campaign's length
 * (three months at least) on either side. */
static void
get_range (CagChart *self,
           gint     *out_first,
           gint     *out_last)
{
  gint slack = MAX (3, (self->deadline_month - self->start_month) / 4);
  gint first = self->start_month;
  gint last = self->deadline_month;

  if (self->totals->len > 0)
    {
      const CagMonthTotal *t0 = &g_array_index (self->totals, CagMonthTotal, 0);
      const CagMonthTotal *tn = &g_array_index (self->totals, CagMonthTotal,
                                                self->totals->len - 1);
      first = MIN (first, t0->month);
      last = MAX (last, tn->month + 1);
    }
  last = MAX (last, self->current_month + 1);
  *out_first = MAX (first, self->start_month - slack);
  *out_last = MIN (last, self->deadline_month + slack);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       xalign)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * xalign, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* A round step for the amount axis: 1, 2 or 5 × 10^k dollars, in cents. */
static gint64
nice_step (gint64 max_cents)
{
  gint64 step = 100;

  while (step * 4 < max_cents)
    {
      if (step * 2 * 4 >= max_cents)
        return step * 2;
      if (step * 5 * 4 >= max_cents)
        return step * 5;
      step *= 10;
    }
  return step;
}

static gboolean
cag_chart_draw (GtkWidget *widget,
                cairo_t   *cr)
{
  CagChart *self = CAG_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  int width = gtk_widget_get_allocated_width (widget);
  int height = gtk_widget_get_allocated_height (widget);
  GdkRGBA fg;
  gint first, last, months, m;
  gint64 max_cents, step, v;
  double left, plot_w, plot_h, x, y;
  int label_w = 0, label_h = 0;

  gtk_render_background (style, cr, 0, 0, width, height);
  gtk_style_context_get_color (style, gtk_style_context_get_state (style), &fg);

  if (!self->has_data)
    {
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      draw_text (cr, layout, _("No campaign to chart yet."), width / 2.0, height / 2.0, 0.5);
      return FALSE;
    }

  get_range (self, &first, &last);
  months = MAX (1, last - first);

  max_cents = MAX (self->target_cents, cumulative_until (self, last));
  max_cents = MAX (max_cents, 100);
  step = nice_step (max_cents);
  max_cents = ((max_cents + step - 1) / step) * step;

  /* The widest amount label decides the left margin. */
  {
    g_autofree char *widest = cag_gui_money (max_cents);
    pango_layout_set_text (layout, widest, -1);
    pango_layout_get_pixel_size (layout, &label_w, &label_h);
  }
  left = MAX (MARGIN_LEFT_MIN, label_w + 12);
  plot_w = width - left - MARGIN_RIGHT;
  plot_h = height - MARGIN_TOP - MARGIN_BOTTOM;
  if (plot_w < 20 || plot_h < 20)
    return FALSE;

#define X_OF(month) (left + plot_w * (double) ((month) - first) / months)
#define Y_OF(cents) (MARGIN_TOP + plot_h - plot_h * (double) (cents) / (double) max_cents)

  /* Horizontal grid and amounts. */
  cairo_set_line_width (cr, 1.0);
  for (v = 0; v <= max_cents; v += step)
    {
      g_autofree char *label = cag_gui_money (v);

      y = Y_OF (v);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.12);
      cairo_move_to (cr, left, (int) y + 0.5);
      cairo_line_to (cr, left + plot_w, (int) y + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      draw_text (cr, layout, label, left - 6, y, 1.0);
    }

  /* Years along the bottom, at each January; the first month is named in
   * full, and a year too close to the previous label is left out. */
  {
    double next_free = 0;

    for (m = first; m <= last; m++)
      {
        gint year, month;
        int w, h;

        cag_month_from_index (m, &year, &month);
        if (month != 1 && m != first)
          continue;
        x = X_OF (m);
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.12);
        cairo_move_to (cr, (int) x + 0.5, MARGIN_TOP);
        cairo_line_to (cr, (int) x + 0.5, MARGIN_TOP + plot_h);
        cairo_stroke (cr);
        {
          g_autofree char *label = (m == first && month != 1)
                                   ? cag_gui_month (m) : g_strdup_printf ("%d", year);

          pango_layout_set_text (layout, label, -1);
          pango_layout_get_pixel_size (layout, &w, &h);
          if (x + 3 < next_free || x + 3 + w > width)
            continue;
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
          cairo_move_to (cr, x + 3, MARGIN_TOP + plot_h + 4);
          pango_cairo_show_layout (cr, layout);
          next_free = x + 3 + w + 12;
        }
      }
  }

  /* The plan: a dashed line from nothing at the start to the target at the
   * deadline. */
  {
    static const double dash[] = { 6.0, 4.0 };

    cairo_save (cr);
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    cairo_set_line_width (cr, 2.0);
    cairo_set_source_rgba (cr, 0.47, 0.46, 0.48, 1.0);
    cairo_move_to (cr, X_OF (self->start_month), Y_OF (0));
    cairo_line_to (cr, X_OF (self->deadline_month), Y_OF (self->target_cents));
    cairo_stroke (cr);
    cairo_restore (cr);
  }

  /* Savings: a step line, each month's total added at its end, up to the
   * current month. */
  {
    gint end = MIN (self->current_month, last - 1);
    gint64 sum = cumulative_until (self, first - 1);

    cairo_set_line_width (cr, 2.5);
    double end_x = X_OF (MAX (end + 1, first));

    /* The as-of month stops at the as-of day. */
    if (end == self->current_month && end >= first)
      end_x = X_OF (self->marker);
    cairo_move_to (cr, X_OF (first), Y_OF (sum));
    for (m = first; m <= end; m++)
      {
        gint64 month_total = cumulative_until (self, m) - cumulative_until (self, m - 1);

        sum += month_total;
        cairo_line_to (cr, m == end ? end_x : X_OF (m + 1), Y_OF (sum));
      }
    cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1.0);
    cairo_stroke_preserve (cr);
    cairo_line_to (cr, end_x, Y_OF (0));
    cairo_line_to (cr, X_OF (first), Y_OF (0));
    cairo_close_path (cr);
    cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.18);
    cairo_fill (cr);
  }

  /* The as-of date: a thin vertical line, when it falls on the chart. */
  if (self->marker >= first && self->marker <= last)
    {
      x = X_OF (self->marker);
      cairo_set_line_width (cr, 1.0);
      cairo_set_source_rgba (cr, 0.88, 0.11, 0.14, 0.8);
      cairo_move_to (cr, (int) x + 0.5, MARGIN_TOP);
      cairo_line_to (cr, (int) x + 0.5, MARGIN_TOP + plot_h);
      cairo_stroke (cr);
    }

  /* Legend, top left. */
  {
    double lx = left;
    int w, h;

    cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1.0);
    cairo_rectangle (cr, lx, 8, 18, 4);
    cairo_fill (cr);
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
    pango_layout_set_text (layout, C_("gui", "Saved"), -1);
    pango_layout_get_pixel_size (layout, &w, &h);
    cairo_move_to (cr, lx + 24, 10 - h / 2.0);
    pango_cairo_show_layout (cr, layout);
    lx += 24 + w + 24;

    cairo_set_source_rgba (cr, 0.47, 0.46, 0.48, 1.0);
    cairo_rectangle (cr, lx, 8, 7, 4);
    cairo_rectangle (cr, lx + 11, 8, 7, 4);
    cairo_fill (cr);
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
    /* A narrow chart (small screens) ellipsizes the legend, never clips it. */
    pango_layout_set_width (layout, MAX (1, (int) (width - lx - 24 - MARGIN_RIGHT)) * PANGO_SCALE);
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    pango_layout_set_text (layout, _("Plan to the deadline"), -1);
    cairo_move_to (cr, lx + 24, 10 - h / 2.0);
    pango_cairo_show_layout (cr, layout);
  }
#undef X_OF
#undef Y_OF
  return FALSE;
}

void
cag_chart_set_data (CagChart      *self,
                    gint           start_month,
                    gint           deadline_month,
                    gint64         target_cents,
                    GArray        *month_totals,
                    const CagDate *as_of)
{
  CagDate today = cag_date_today ();
  gint current_month;
  g_autofree char *description = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *target = NULL;

  g_return_if_fail (CAG_IS_CHART (self));

  g_array_set_size (self->totals, 0);
  if (month_totals != NULL)
    g_array_append_vals (self->totals, month_totals->data, month_totals->len);
  self->start_month = start_month;
  self->deadline_month = MAX (deadline_month, start_month + 1);
  if (as_of == NULL)
    as_of = &today;
  current_month = cag_month_index (as_of);
  self->current_month = current_month;
  self->marker = current_month
                 + (as_of->day - 1) / (double) cag_date_days_in_month (as_of->year, as_of->month);
  self->target_cents = target_cents;
  self->has_data = TRUE;

  saved = cag_gui_money (cumulative_until (self, current_month));
  target = cag_gui_money (target_cents);
  description = g_strdup_printf (_("Cumulative savings: %s, against a target of %s."),
                                 saved, target);
  atk_object_set_description (gtk_widget_get_accessible (GTK_WIDGET (self)), description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cag_chart_clear (CagChart *self)
{
  g_return_if_fail (CAG_IS_CHART (self));
  self->has_data = FALSE;
  g_array_set_size (self->totals, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cag_chart_finalize (GObject *object)
{
  CagChart *self = CAG_CHART (object);

  g_clear_pointer (&self->totals, g_array_unref);
  G_OBJECT_CLASS (cag_chart_parent_class)->finalize (object);
}

/* 100 pixels high at least, 190 when there is room: on small screens the
 * lists below keep their rows (docs/GUI.md, "Small screens"). */
static void
cag_chart_get_preferred_height (GtkWidget *widget,
                                gint      *minimum,
                                gint      *natural)
{
  *minimum = 100;
  *natural = 190;
}

static void
cag_chart_class_init (CagChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cag_chart_finalize;
  widget_class->get_preferred_height = cag_chart_get_preferred_height;
  widget_class->draw = cag_chart_draw;
  gtk_widget_class_set_accessible_role (widget_class, ATK_ROLE_CHART);
  gtk_widget_class_set_css_name (widget_class, "cagchart");
}

static void
cag_chart_init (CagChart *self)
{
  self->totals = g_array_new (FALSE, FALSE, sizeof (CagMonthTotal));
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, -1);
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self)),
                       _("Savings against the plan"));
}

void
cag_chart_get_range (CagChart *self,
                     gint     *first_month,
                     gint     *last_month)
{
  g_return_if_fail (CAG_IS_CHART (self));
  get_range (self, first_month, last_month);
}

GtkWidget *
cag_chart_new (void)
{
  return g_object_new (CAG_TYPE_CHART, NULL);
}
