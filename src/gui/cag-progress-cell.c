/* cag-progress-cell.c — a text cell (the percentage, its accessible name)
 * over a bar of "value" percent. */
#include "config.h"

#include "cag-progress-cell.h"

struct _CagProgressCell
{
  GtkCellRendererText parent_instance;

  gint                value;        /* 0–100 */
};

G_DEFINE_FINAL_TYPE (CagProgressCell, cag_progress_cell, GTK_TYPE_CELL_RENDERER_TEXT)

enum
{
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cag_progress_cell_render (GtkCellRenderer      *cell,
                          cairo_t              *cr,
                          GtkWidget            *widget,
                          const GdkRectangle   *background_area,
                          const GdkRectangle   *cell_area,
                          GtkCellRendererState  flags)
{
  CagProgressCell *self = CAG_PROGRESS_CELL (cell);
  gint xpad, ypad;
  double x, y, w, h;

  gtk_cell_renderer_get_padding (cell, &xpad, &ypad);
  x = cell_area->x + xpad;
  y = cell_area->y + ypad;
  w = MAX (0, cell_area->width - 2 * xpad);
  h = MAX (0, cell_area->height - 2 * ypad);

  /* The same colours as the fund's progress bar and the chart. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.18);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.55);
  cairo_rectangle (cr, x, y, w * CLAMP (self->value, 0, 100) / 100.0, h);
  cairo_fill (cr);
  cairo_restore (cr);

  GTK_CELL_RENDERER_CLASS (cag_progress_cell_parent_class)->render (cell, cr, widget,
                                                                    background_area, cell_area,
                                                                    flags);
}

static void
cag_progress_cell_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CagProgressCell *self = CAG_PROGRESS_CELL (object);

  if (prop_id == PROP_VALUE)
    g_value_set_int (value, self->value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cag_progress_cell_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CagProgressCell *self = CAG_PROGRESS_CELL (object);

  if (prop_id == PROP_VALUE)
    self->value = g_value_get_int (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cag_progress_cell_class_init (CagProgressCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkCellRendererClass *cell_class = GTK_CELL_RENDERER_CLASS (klass);

  object_class->get_property = cag_progress_cell_get_property;
  object_class->set_property = cag_progress_cell_set_property;
  cell_class->render = cag_progress_cell_render;

  properties[PROP_VALUE] = g_param_spec_int ("value", NULL, NULL, 0, 100, 0,
                                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cag_progress_cell_init (CagProgressCell *self)
{
  g_object_set (self, "xalign", 0.5, NULL);
}

GtkCellRenderer *
cag_progress_cell_new (void)
{
  return g_object_new (CAG_TYPE_PROGRESS_CELL, NULL);
}
