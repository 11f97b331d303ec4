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
  CagListModel parent_instance;

  CagStore   *store;
  gint64      campaign_id;
  CagDate     as_of;
  GArray     *ids;
  GHashTable *cache;        /* position → Row */
};

G_DEFINE_FINAL_TYPE (CagOrgModel, cag_org_model, CAG_TYPE_LIST_MODEL)

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
    status = cag_store_fund_status (self->store, fund->id, &self->as_of, NULL);
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

static gint
get_n_columns (CagListModel *model)
{
  return N_COLUMNS;
}

static GType
get_column_type (CagListModel *model,
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

static void
get_value (CagListModel *model,
           guint         position,
           gint          column,
           GValue       *value)
{
  CagOrgModel *self = CAG_ORG_MODEL (model);
  const CagOrganization *org;
  Row *row;

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
  CagListModelClass *list_class = CAG_LIST_MODEL_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cag_org_model_finalize;
  list_class->get_n_columns = get_n_columns;
  list_class->get_column_type = get_column_type;
  list_class->get_value = get_value;
}

static void
cag_org_model_init (CagOrgModel *self)
{
  self->cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, row_free);
}

CagOrgModel *
cag_org_model_new (CagStore      *store,
                   gint64         campaign_id,
                   const CagDate *as_of,
                   GArray        *ids)
{
  CagOrgModel *self = g_object_new (CAG_TYPE_ORG_MODEL, NULL);

  self->store = store;
  self->campaign_id = campaign_id;
  self->as_of = as_of != NULL ? *as_of : cag_date_today ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (ids != NULL)
    g_array_append_vals (self->ids, ids->data, ids->len);
  cag_list_model_set_n_rows (CAG_LIST_MODEL (self), self->ids->len);
  return self;
}
