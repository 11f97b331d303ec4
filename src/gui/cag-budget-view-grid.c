/* cag-budget-view-grid.c — the pro-forma tables as tables for screen
 * readers.  GTK 3 gives a GtkGrid a plain container accessible, whose
 * children come in reverse order of insertion and carry no header; this
 * accessible reports the table role, implements AtkTable (rows below the
 * header row, column headers from row 0, row headers from column 0) and
 * lists its children row by row. */
#include "config.h"

#include <gtk/gtk-a11y.h>

#include "cag-budget-view-grid.h"

struct _CagBudgetGrid
{
  GtkGrid parent_instance;

  guint   n_rows;      /* header row included */
  guint   n_columns;
};

G_DEFINE_FINAL_TYPE (CagBudgetGrid, cag_budget_grid, GTK_TYPE_GRID)

/* ---- The accessible ----------------------------------------------------- */

#define CAG_TYPE_BUDGET_GRID_ACCESSIBLE (cag_budget_grid_accessible_get_type ())
G_DECLARE_FINAL_TYPE (CagBudgetGridAccessible, cag_budget_grid_accessible,
                      CAG, BUDGET_GRID_ACCESSIBLE, GtkContainerAccessible)

struct _CagBudgetGridAccessible
{
  GtkContainerAccessible parent_instance;
};

static void table_iface_init (AtkTableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CagBudgetGridAccessible, cag_budget_grid_accessible,
                               GTK_TYPE_CONTAINER_ACCESSIBLE,
                               G_IMPLEMENT_INTERFACE (ATK_TYPE_TABLE, table_iface_init))

static CagBudgetGrid *
grid_of (gpointer accessible)
{
  GtkWidget *widget = gtk_accessible_get_widget (GTK_ACCESSIBLE (accessible));

  return CAG_IS_BUDGET_GRID (widget) ? CAG_BUDGET_GRID (widget) : NULL;
}

/* A new reference to the accessible of the cell at grid ROW, COLUMN. */
static AtkObject *
ref_cell (CagBudgetGrid *grid,
          guint          row,
          guint          column)
{
  GtkWidget *child;

  if (grid == NULL || row >= grid->n_rows || column >= grid->n_columns)
    return NULL;
  child = gtk_grid_get_child_at (GTK_GRID (grid), (gint) column, (gint) row);
  return child != NULL ? g_object_ref (gtk_widget_get_accessible (child)) : NULL;
}

static gint
table_get_n_rows (AtkTable *table)
{
  CagBudgetGrid *grid = grid_of (table);

  return grid != NULL && grid->n_rows > 0 ? (gint) grid->n_rows - 1 : 0;
}

static gint
table_get_n_columns (AtkTable *table)
{
  CagBudgetGrid *grid = grid_of (table);

  return grid != NULL ? (gint) grid->n_columns : 0;
}

static AtkObject *
table_ref_at (AtkTable *table,
              gint      row,
              gint      column)
{
  if (row < 0 || column < 0)
    return NULL;
  return ref_cell (grid_of (table), (guint) row + 1, (guint) column);
}

static gint
table_get_index_at (AtkTable *table,
                    gint      row,
                    gint      column)
{
  /* Indices count the header row, as ref_child does. */
  return (row + 1) * table_get_n_columns (table) + column;
}

static gint
table_get_column_at_index (AtkTable *table,
                           gint      index)
{
  gint n = table_get_n_columns (table);

  return n > 0 ? index % n : -1;
}

static gint
table_get_row_at_index (AtkTable *table,
                        gint      index)
{
  gint n = table_get_n_columns (table);

  return n > 0 ? index / n - 1 : -1;
}

static AtkObject *
table_get_column_header (AtkTable *table,
                         gint      column)
{
  AtkObject *header;

  if (column < 0)
    return NULL;
  /* AtkTable returns a borrowed object: the widget keeps its accessible. */
  header = ref_cell (grid_of (table), 0, (guint) column);
  if (header != NULL)
    g_object_unref (header);
  return header;
}

static const gchar *
table_get_column_description (AtkTable *table,
                              gint      column)
{
  AtkObject *header = table_get_column_header (table, column);

  return header != NULL ? atk_object_get_name (header) : NULL;
}

static AtkObject *
table_get_row_header (AtkTable *table,
                      gint      row)
{
  AtkObject *header;

  if (row < 0)
    return NULL;
  header = ref_cell (grid_of (table), (guint) row + 1, 0);
  if (header != NULL)
    g_object_unref (header);
  return header;
}

static void
table_iface_init (AtkTableIface *iface)
{
  iface->ref_at = table_ref_at;
  iface->get_index_at = table_get_index_at;
  iface->get_column_at_index = table_get_column_at_index;
  iface->get_row_at_index = table_get_row_at_index;
  iface->get_n_columns = table_get_n_columns;
  iface->get_n_rows = table_get_n_rows;
  iface->get_column_header = table_get_column_header;
  iface->get_column_description = table_get_column_description;
  iface->get_row_header = table_get_row_header;
}

static gint
accessible_get_n_children (AtkObject *accessible)
{
  CagBudgetGrid *grid = grid_of (accessible);

  return grid != NULL ? (gint) (grid->n_rows * grid->n_columns) : 0;
}

static AtkObject *
accessible_ref_child (AtkObject *accessible,
                      gint       index)
{
  CagBudgetGrid *grid = grid_of (accessible);

  if (grid == NULL || index < 0 || grid->n_columns == 0)
    return NULL;
  return ref_cell (grid, (guint) index / grid->n_columns, (guint) index % grid->n_columns);
}

static void
accessible_initialize (AtkObject *accessible,
                       gpointer   data)
{
  ATK_OBJECT_CLASS (cag_budget_grid_accessible_parent_class)->initialize (accessible, data);
  atk_object_set_role (accessible, ATK_ROLE_TABLE);
}

static void
cag_budget_grid_accessible_class_init (CagBudgetGridAccessibleClass *klass)
{
  AtkObjectClass *atk_class = ATK_OBJECT_CLASS (klass);

  atk_class->initialize = accessible_initialize;
  atk_class->get_n_children = accessible_get_n_children;
  atk_class->ref_child = accessible_ref_child;
}

static void
cag_budget_grid_accessible_init (CagBudgetGridAccessible *self)
{
}

/* ---- The grid ----------------------------------------------------------- */

static void
cag_budget_grid_class_init (CagBudgetGridClass *klass)
{
  gtk_widget_class_set_accessible_type (GTK_WIDGET_CLASS (klass),
                                        CAG_TYPE_BUDGET_GRID_ACCESSIBLE);
}

static void
cag_budget_grid_init (CagBudgetGrid *self)
{
}

GtkWidget *
cag_budget_grid_new (void)
{
  return g_object_new (CAG_TYPE_BUDGET_GRID, NULL);
}

void
cag_budget_grid_set_size (CagBudgetGrid *self,
                          guint          n_rows,
                          guint          n_columns)
{
  g_return_if_fail (CAG_IS_BUDGET_GRID (self));

  self->n_rows = n_rows;
  self->n_columns = n_columns;
}

guint
cag_budget_grid_get_n_rows (CagBudgetGrid *self)
{
  g_return_val_if_fail (CAG_IS_BUDGET_GRID (self), 0);
  return self->n_rows;
}

guint
cag_budget_grid_get_n_columns (CagBudgetGrid *self)
{
  g_return_val_if_fail (CAG_IS_BUDGET_GRID (self), 0);
  return self->n_columns;
}
