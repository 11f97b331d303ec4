/* cag-org-model.c — the organizations list as a lazy GtkTreeModel over
 * SQLite ids; rows are read by id when shown, through a small cache. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-gui-util.h"
#include "cag-org-list.h"
#include "cag-org-model.h"

#define N_COLUMNS (CAG_ORG_LIST_COL_STATUS + 1)
#define CACHE_ROWS 512

typedef struct
{
  CagOrganization *org;     /* NULL when it could not be read */
  char            *fund;
} Row;

struct _CagOrgModel
{
  GObject     parent_instance;

  CagStore   *store;
  gint64      campaign_id;
  GArray     *ids;
  GHashTable *cache;        /* position → Row */
  gint        stamp;
};

static void cag_org_model_tree_model_init (GtkTreeModelIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CagOrgModel, cag_org_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_TREE_MODEL,
                                                      cag_org_model_tree_model_init))

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->org, cag_organization_free);
  g_free (row->fund);
  g_free (row);
}

static char *
fund_text (CagOrgModel *self,
           gint64       org_id)
{
  g_autoptr(CagFund) fund = NULL;
  g_autoptr(CagFundStatus) status = NULL;
  g_autofree char *saved = NULL;

  if (self->campaign_id <= 0)
    return g_strdup (C_("gui", "no fund"));
  fund = cag_store_fund_find (self->store, org_id, self->campaign_id, NULL);
  if (fund != NULL)
    status = cag_store_fund_status (self->store, fund->id, NULL, NULL);
  if (status == NULL)
    return g_strdup (C_("gui", "no fund"));
  saved = cag_gui_money (status->figures.saved_cents + status->figures.matched_cents);
  /* TRANSLATORS: fund column: "$1,250.00 (27%)"; French puts a no-break
   * space before the percent sign. */
  return g_strdup_printf (_("%s (%d%%)"), saved, status->figures.percent_tenths / 10);
}

static Row *
row_at (CagOrgModel *self,
        guint        position)
{
  Row *row = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  gint64 id;

  if (row != NULL)
    return row;
  /* A plain bound on memory: the view only ever shows a screenful. */
  if (g_hash_table_size (self->cache) >= CACHE_ROWS)
    g_hash_table_remove_all (self->cache);
  id = g_array_index (self->ids, gint64, position);
  row = g_new0 (Row, 1);
  row->org = cag_store_org_get (self->store, id, NULL);
  row->fund = fund_text (self, id);
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), row);
  return row;
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
    case CAG_ORG_LIST_COL_ID:
      return G_TYPE_INT64;
    case CAG_ORG_LIST_COL_ACTIVE:
      return G_TYPE_BOOLEAN;
    default:
      return G_TYPE_STRING;
    }
}

static gboolean
get_iter (GtkTreeModel *model,
          GtkTreeIter  *iter,
          GtkTreePath  *path)
{
  CagOrgModel *self = CAG_ORG_MODEL (model);
  gint index;

  if (gtk_tree_path_get_depth (path) != 1)
    return FALSE;
  index = gtk_tree_path_get_indices (path)[0];
  if (index < 0 || (guint) index >= self->ids->len)
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

static void
get_value (GtkTreeModel *model,
           GtkTreeIter  *iter,
           gint          column,
           GValue       *value)
{
  CagOrgModel *self = CAG_ORG_MODEL (model);
  guint position = GPOINTER_TO_UINT (iter->user_data);
  const CagOrganization *org;
  Row *row;

  g_value_init (value, get_column_type (model, column));
  if (column == CAG_ORG_LIST_COL_ID)
    {
      /* The id needs no reading. */
      g_value_set_int64 (value, g_array_index (self->ids, gint64, position));
      return;
    }
  row = row_at (self, position);
  org = row->org;
  if (org == NULL)
    {
      if (column == CAG_ORG_LIST_COL_ACTIVE)
        g_value_set_boolean (value, FALSE);
      else if (column == CAG_ORG_LIST_COL_NAME)
        g_value_set_string (value, "?");
      return;
    }
  switch (column)
    {
    case CAG_ORG_LIST_COL_NAME:
      g_value_set_string (value, org->name);
      break;
    case CAG_ORG_LIST_COL_SHORT_NAME:
      g_value_set_string (value, org->short_name != NULL ? org->short_name : "");
      break;
    case CAG_ORG_LIST_COL_REGION:
      g_value_set_string (value, org->region != NULL ? org->region : "");
      break;
    case CAG_ORG_LIST_COL_KIND:
      g_value_set_string (value, cag_org_kind_label (org->kind));
      break;
    case CAG_ORG_LIST_COL_CONTACT:
      g_value_set_string (value, org->contact_name != NULL ? org->contact_name : "");
      break;
    case CAG_ORG_LIST_COL_FUND:
      g_value_set_string (value, row->fund);
      break;
    case CAG_ORG_LIST_COL_ACTIVE:
      g_value_set_boolean (value, org->active);
      break;
    case CAG_ORG_LIST_COL_STATUS:
      g_value_set_string (value, org->active ? C_("gui", "active") : C_("gui", "inactive"));
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
iter_next (GtkTreeModel *model,
           GtkTreeIter  *iter)
{
  CagOrgModel *self = CAG_ORG_MODEL (model);
  guint next = GPOINTER_TO_UINT (iter->user_data) + 1;

  if (next >= self->ids->len)
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
  CagOrgModel *self = CAG_ORG_MODEL (model);

  if (parent != NULL || self->ids->len == 0)
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
  CagOrgModel *self = CAG_ORG_MODEL (model);

  return iter == NULL ? (gint) self->ids->len : 0;
}

static gboolean
iter_nth_child (GtkTreeModel *model,
                GtkTreeIter  *iter,
                GtkTreeIter  *parent,
                gint          n)
{
  CagOrgModel *self = CAG_ORG_MODEL (model);

  if (parent != NULL || n < 0 || (guint) n >= self->ids->len)
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
cag_org_model_tree_model_init (GtkTreeModelIface *iface)
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
cag_org_model_finalize (GObject *object)
{
  CagOrgModel *self = CAG_ORG_MODEL (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  G_OBJECT_CLASS (cag_org_model_parent_class)->finalize (object);
}

static void
cag_org_model_class_init (CagOrgModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cag_org_model_finalize;
}

static void
cag_org_model_init (CagOrgModel *self)
{
  self->stamp = g_random_int_range (1, G_MAXINT32);
  self->cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, row_free);
}

CagOrgModel *
cag_org_model_new (CagStore *store,
                   gint64    campaign_id,
                   GArray   *ids)
{
  CagOrgModel *self = g_object_new (CAG_TYPE_ORG_MODEL, NULL);

  self->store = store;
  self->campaign_id = campaign_id;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (ids != NULL)
    g_array_append_vals (self->ids, ids->data, ids->len);
  return self;
}
