/* cag-status-model.c — a read-only GtkTreeModel over fund statuses already
 * in memory; cell texts are made on demand (PITFALLS.md §4: the view in
 * fixed-height mode only asks for the rows it shows). */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-gui-util.h"
#include "cag-overview.h"
#include "cag-status-model.h"

#define N_COLUMNS (CAG_OVERVIEW_COL_WEIGHT + 1)

struct _CagStatusModel
{
  GObject    parent_instance;

  GPtrArray *statuses;
  GArray    *rows;      /* guint indexes into statuses */
  gint       stamp;
};

static void cag_status_model_tree_model_init (GtkTreeModelIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CagStatusModel, cag_status_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_TREE_MODEL,
                                                      cag_status_model_tree_model_init))

static CagFundStatus *
status_at (CagStatusModel *self,
           GtkTreeIter    *iter)
{
  guint row = GPOINTER_TO_UINT (iter->user_data);

  return g_ptr_array_index (self->statuses, g_array_index (self->rows, guint, row));
}

static GtkTreeModelFlags
get_flags (GtkTreeModel *model)
{
  return GTK_TREE_MODEL_LIST_ONLY | GTK_TREE_MODEL_ITERS_PERSIST;
}

static gint
get_n_columns (GtkTreeModel *model)
{
  return N_COLUMNS;
}

static GType
get_column_type (GtkTreeModel *model,
                 gint          column)
{
  switch (column)
    {
    case CAG_OVERVIEW_COL_FUND_ID:
    case CAG_OVERVIEW_COL_ORG_ID:
      return G_TYPE_INT64;
    case CAG_OVERVIEW_COL_PERCENT:
    case CAG_OVERVIEW_COL_WEIGHT:
      return G_TYPE_INT;
    default:
      return G_TYPE_STRING;
    }
}

static gboolean
get_iter (GtkTreeModel *model,
          GtkTreeIter  *iter,
          GtkTreePath  *path)
{
  CagStatusModel *self = CAG_STATUS_MODEL (model);
  gint index;

  if (gtk_tree_path_get_depth (path) != 1)
    return FALSE;
  index = gtk_tree_path_get_indices (path)[0];
  if (index < 0 || (guint) index >= self->rows->len)
    return FALSE;
  iter->stamp = self->stamp;
  iter->user_data = GUINT_TO_POINTER ((guint) index);
  return TRUE;
}

static GtkTreePath *
get_path (GtkTreeModel *model,
          GtkTreeIter  *iter)
{
  return gtk_tree_path_new_from_indices ((gint) GPOINTER_TO_UINT (iter->user_data), -1);
}

static char *
percent_text (const CagFundFigures *f)
{
  g_autofree char *percent = NULL;

  if (cag_i18n_get_language () == CAG_LANG_FR)
    percent = g_strdup_printf ("%d,%d\u00a0%%", f->percent_tenths / 10, f->percent_tenths % 10);
  else
    percent = g_strdup_printf ("%d.%d%%", f->percent_tenths / 10, f->percent_tenths % 10);
  if (f->surplus_cents > 0)
    {
      g_autofree char *surplus = cag_gui_money (f->surplus_cents);
      return g_strdup_printf ("%s (+%s)", percent, surplus);
    }
  return g_steal_pointer (&percent);
}

static void
get_value (GtkTreeModel *model,
           GtkTreeIter  *iter,
           gint          column,
           GValue       *value)
{
  CagStatusModel *self = CAG_STATUS_MODEL (model);
  CagFundStatus *st = status_at (self, iter);
  const CagFundFigures *f = &st->figures;

  g_value_init (value, get_column_type (model, column));
  switch (column)
    {
    case CAG_OVERVIEW_COL_FUND_ID:
      g_value_set_int64 (value, st->fund_id);
      break;
    case CAG_OVERVIEW_COL_ORG_ID:
      g_value_set_int64 (value, st->organization_id);
      break;
    case CAG_OVERVIEW_COL_NAME:
      g_value_set_string (value, st->organization_name);
      break;
    case CAG_OVERVIEW_COL_REGION:
      g_value_set_string (value, st->region != NULL ? st->region : "");
      break;
    case CAG_OVERVIEW_COL_PERCENT:
      g_value_set_int (value, MIN (100, f->percent_tenths / 10));
      break;
    case CAG_OVERVIEW_COL_PERCENT_TEXT:
      g_value_take_string (value, percent_text (f));
      break;
    case CAG_OVERVIEW_COL_STATE:
      g_value_set_string (value, cag_fund_state_label (f->state));
      break;
    case CAG_OVERVIEW_COL_ARREARS:
      g_value_take_string (value, f->arrears_cents > 0 ? cag_gui_money (f->arrears_cents)
                                                       : g_strdup ("—"));
      break;
    case CAG_OVERVIEW_COL_MONTH:
      if (f->month_state == CAG_MONTH_PARTIAL)
        {
          g_autofree char *paid = cag_gui_money (f->paid_this_month_cents);
          g_value_take_string (value, g_strdup_printf ("%s (%s)",
                                                       cag_month_state_label (f->month_state),
                                                       paid));
        }
      else
        g_value_set_string (value, cag_month_state_label (f->month_state));
      break;
    case CAG_OVERVIEW_COL_NEEDED:
      g_value_take_string (value, f->state == CAG_FUND_COMPLETE
                                  ? g_strdup ("—") : cag_gui_money (f->monthly_needed_cents));
      break;
    case CAG_OVERVIEW_COL_WEIGHT:
      g_value_set_int (value, f->state == CAG_FUND_BEHIND ? PANGO_WEIGHT_BOLD
                                                          : PANGO_WEIGHT_NORMAL);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
iter_next (GtkTreeModel *model,
           GtkTreeIter  *iter)
{
  CagStatusModel *self = CAG_STATUS_MODEL (model);
  guint next = GPOINTER_TO_UINT (iter->user_data) + 1;

  if (next >= self->rows->len)
    {
      iter->stamp = 0;
      return FALSE;
    }
  iter->user_data = GUINT_TO_POINTER (next);
  return TRUE;
}

static gboolean
iter_previous (GtkTreeModel *model,
               GtkTreeIter  *iter)
{
  guint index = GPOINTER_TO_UINT (iter->user_data);

  if (index == 0)
    {
      iter->stamp = 0;
      return FALSE;
    }
  iter->user_data = GUINT_TO_POINTER (index - 1);
  return TRUE;
}

static gboolean
iter_children (GtkTreeModel *model,
               GtkTreeIter  *iter,
               GtkTreeIter  *parent)
{
  CagStatusModel *self = CAG_STATUS_MODEL (model);

  if (parent != NULL || self->rows->len == 0)
    return FALSE;
  iter->stamp = self->stamp;
  iter->user_data = GUINT_TO_POINTER (0);
  return TRUE;
}

static gboolean
iter_has_child (GtkTreeModel *model,
                GtkTreeIter  *iter)
{
  return FALSE;
}

static gint
iter_n_children (GtkTreeModel *model,
                 GtkTreeIter  *iter)
{
  CagStatusModel *self = CAG_STATUS_MODEL (model);

  return iter == NULL ? (gint) self->rows->len : 0;
}

static gboolean
iter_nth_child (GtkTreeModel *model,
                GtkTreeIter  *iter,
                GtkTreeIter  *parent,
                gint          n)
{
  CagStatusModel *self = CAG_STATUS_MODEL (model);

  if (parent != NULL || n < 0 || (guint) n >= self->rows->len)
    return FALSE;
  iter->stamp = self->stamp;
  iter->user_data = GUINT_TO_POINTER ((guint) n);
  return TRUE;
}

static gboolean
iter_parent (GtkTreeModel *model,
             GtkTreeIter  *iter,
             GtkTreeIter  *child)
{
  return FALSE;
}

static void
cag_status_model_tree_model_init (GtkTreeModelIface *iface)
{
  iface->get_flags = get_flags;
  iface->get_n_columns = get_n_columns;
  iface->get_column_type = get_column_type;
  iface->get_iter = get_iter;
  iface->get_path = get_path;
  iface->get_value = get_value;
  iface->iter_next = iter_next;
  iface->iter_previous = iter_previous;
  iface->iter_children = iter_children;
  iface->iter_has_child = iter_has_child;
  iface->iter_n_children = iter_n_children;
  iface->iter_nth_child = iter_nth_child;
  iface->iter_parent = iter_parent;
}

static void
cag_status_model_finalize (GObject *object)
{
  CagStatusModel *self = CAG_STATUS_MODEL (object);

  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (cag_status_model_parent_class)->finalize (object);
}

static void
cag_status_model_class_init (CagStatusModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cag_status_model_finalize;
}

static void
cag_status_model_init (CagStatusModel *self)
{
  self->stamp = g_random_int_range (1, G_MAXINT32);
}

CagStatusModel *
cag_status_model_new (GPtrArray *statuses,
                      GArray    *rows)
{
  CagStatusModel *self = g_object_new (CAG_TYPE_STATUS_MODEL, NULL);
  guint i;

  g_return_val_if_fail (statuses != NULL, self);

  self->statuses = g_ptr_array_ref (statuses);
  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  if (rows != NULL)
    g_array_append_vals (self->rows, rows->data, rows->len);
  else
    for (i = 0; i < statuses->len; i++)
      g_array_append_val (self->rows, i);
  return self;
}
