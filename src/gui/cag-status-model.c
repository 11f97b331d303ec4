/* cag-status-model.c — a read-only GtkTreeModel over fund statuses already
 * in memory; cell texts are made on demand (docs/GUI.md, "Scale": the view in
 * fixed-height mode only asks for the rows it shows). */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-gui-util.h"
#include "cag-overview.h"
#include "cag-status-model.h"

#define N_COLUMNS (CAG_OVERVIEW_COL_WEIGHT + 1)

struct _CagStatusModel
{
  CagListModel parent_instance;

  GPtrArray *statuses;
  GArray    *rows;      /* guint indexes into statuses */
};

G_DEFINE_FINAL_TYPE (CagStatusModel, cag_status_model, CAG_TYPE_LIST_MODEL)

static CagFundStatus *
status_at (CagStatusModel *self,
           guint           row)
{
  return g_ptr_array_index (self->statuses, g_array_index (self->rows, guint, row));
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
get_value (CagListModel *model,
           guint         position,
           gint          column,
           GValue       *value)
{
  CagStatusModel *self = CAG_STATUS_MODEL (model);
  CagFundStatus *st = status_at (self, position);
  const CagFundFigures *f = &st->figures;

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
  CagListModelClass *list_class = CAG_LIST_MODEL_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cag_status_model_finalize;
  list_class->get_n_columns = get_n_columns;
  list_class->get_column_type = get_column_type;
  list_class->get_value = get_value;
}

static void
cag_status_model_init (CagStatusModel *self)
{
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
  cag_list_model_set_n_rows (CAG_LIST_MODEL (self), self->rows->len);
  return self;
}
