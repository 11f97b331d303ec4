/* cag-list-model.c — the list navigation of a flat GtkTreeModel, written
 * once for the overview's and the organizations' lazy models. */
#include "config.h"

#include "cag-list-model.h"

typedef struct
{
  guint    n_rows;
  gint     stamp;
  gboolean read_failed;
} CagListModelPrivate;

enum
{
  READ_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void cag_list_model_tree_model_init (GtkTreeModelIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (CagListModel, cag_list_model, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (CagListModel)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_TREE_MODEL,
                                                         cag_list_model_tree_model_init))

#define PRIV(model) \
  ((CagListModelPrivate *) cag_list_model_get_instance_private (CAG_LIST_MODEL (model)))

static gboolean
set_row (GtkTreeModel *model,
         GtkTreeIter  *iter,
         gint          row)
{
  CagListModelPrivate *priv = PRIV (model);

  if (row < 0 || (guint) row >= priv->n_rows)
    {
      iter->stamp = 0;
      return FALSE;
    }
  iter->stamp = priv->stamp;
  iter->user_data = GUINT_TO_POINTER ((guint) row);
  return TRUE;
}

static GtkTreeModelFlags
get_flags (GtkTreeModel *model)
{
  return GTK_TREE_MODEL_LIST_ONLY | GTK_TREE_MODEL_ITERS_PERSIST;
}

static gint
get_n_columns (GtkTreeModel *model)
{
  return CAG_LIST_MODEL_GET_CLASS (model)->get_n_columns (CAG_LIST_MODEL (model));
}

static GType
get_column_type (GtkTreeModel *model,
                 gint          column)
{
  return CAG_LIST_MODEL_GET_CLASS (model)->get_column_type (CAG_LIST_MODEL (model), column);
}

static gboolean
get_iter (GtkTreeModel *model,
          GtkTreeIter  *iter,
          GtkTreePath  *path)
{
  if (gtk_tree_path_get_depth (path) != 1)
    return FALSE;
  return set_row (model, iter, gtk_tree_path_get_indices (path)[0]);
}

static GtkTreePath *
get_path (GtkTreeModel *model,
          GtkTreeIter  *iter)
{
  return gtk_tree_path_new_from_indices ((gint) GPOINTER_TO_UINT (iter->user_data), -1);
}

static void
get_value (GtkTreeModel *model,
           GtkTreeIter  *iter,
           gint          column,
           GValue       *value)
{
  CagListModelClass *klass = CAG_LIST_MODEL_GET_CLASS (model);

  g_value_init (value, klass->get_column_type (CAG_LIST_MODEL (model), column));
  klass->get_value (CAG_LIST_MODEL (model), GPOINTER_TO_UINT (iter->user_data), column, value);
}

static gboolean
iter_next (GtkTreeModel *model,
           GtkTreeIter  *iter)
{
  return set_row (model, iter, (gint) GPOINTER_TO_UINT (iter->user_data) + 1);
}

static gboolean
iter_previous (GtkTreeModel *model,
               GtkTreeIter  *iter)
{
  return set_row (model, iter, (gint) GPOINTER_TO_UINT (iter->user_data) - 1);
}

static gboolean
iter_children (GtkTreeModel *model,
               GtkTreeIter  *iter,
               GtkTreeIter  *parent)
{
  return parent == NULL && set_row (model, iter, 0);
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
  return iter == NULL ? (gint) PRIV (model)->n_rows : 0;
}

static gboolean
iter_nth_child (GtkTreeModel *model,
                GtkTreeIter  *iter,
                GtkTreeIter  *parent,
                gint          n)
{
  return parent == NULL && set_row (model, iter, n);
}

static gboolean
iter_parent (GtkTreeModel *model,
             GtkTreeIter  *iter,
             GtkTreeIter  *child)
{
  return FALSE;
}

static void
cag_list_model_tree_model_init (GtkTreeModelIface *iface)
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
cag_list_model_class_init (CagListModelClass *klass)
{
  /* A row could not be read: it shows a placeholder; the view says why. */
  signals[READ_FAILED] = g_signal_new ("read-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
cag_list_model_init (CagListModel *self)
{
  PRIV (self)->stamp = g_random_int_range (1, G_MAXINT32);
}

void
cag_list_model_set_n_rows (CagListModel *self,
                           guint         n_rows)
{
  g_return_if_fail (CAG_IS_LIST_MODEL (self));
  g_return_if_fail (n_rows <= G_MAXINT);
  PRIV (self)->n_rows = n_rows;
}

guint
cag_list_model_get_n_rows (CagListModel *self)
{
  g_return_val_if_fail (CAG_IS_LIST_MODEL (self), 0);
  return PRIV (self)->n_rows;
}

void
cag_list_model_read_failed (CagListModel *self,
                            const GError *error)
{
  g_return_if_fail (CAG_IS_LIST_MODEL (self));
  g_return_if_fail (error != NULL);
  if (PRIV (self)->read_failed)
    return;
  PRIV (self)->read_failed = TRUE;
  g_signal_emit (self, signals[READ_FAILED], 0, error);
}
