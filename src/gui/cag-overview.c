/* cag-overview.c — the network overview of one campaign: totals, chart and
 * every fund, those behind schedule first. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-chart.h"
#include "cag-fold.h"
#include "cag-gui-util.h"
#include "cag-overview.h"
#include "cag-status-model.h"

struct _CagOverview
{
  GtkBox            parent_instance;

  GPtrArray        *statuses;   /* CagFundStatus, sorted behind first */
  GPtrArray        *keys;       /* folded search text of each status, or NULL */
  CagNetworkTotals  totals;
  char             *needle;     /* folded search text */

  GtkLabel         *saved_value;
  GtkLabel         *saved_caption;
  GtkLabel         *delegations_value;
  GtkLabel         *delegations_caption;
  GtkLabel         *behind_value;
  GtkLabel         *behind_caption;
  GtkLabel         *need_value;
  CagChart         *chart;
  GtkSearchEntry   *search_entry;
  GtkTreeView      *fund_view;
  GtkStack         *list_stack;
  GtkLabel         *empty_label;
};

G_DEFINE_FINAL_TYPE (CagOverview, cag_overview, GTK_TYPE_BOX)

enum
{
  FUND_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The folded "name short-name region" of each status, made on the first
 * search only. */
static void
ensure_keys (CagOverview *self)
{
  guint i;

  if (self->keys != NULL || self->statuses == NULL)
    return;
  self->keys = g_ptr_array_new_full (self->statuses->len, g_free);
  for (i = 0; i < self->statuses->len; i++)
    {
      CagFundStatus *st = g_ptr_array_index (self->statuses, i);
      g_autofree char *joined = g_strjoin (" ", st->organization_name,
                                           st->organization_short_name ? st->organization_short_name : "",
                                           st->region ? st->region : "", NULL);
      g_ptr_array_add (self->keys, cag_fold_key (joined));
    }
}

static void
fill_list (CagOverview *self)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(CagStatusModel) model = NULL;
  gboolean searching = self->needle != NULL && *self->needle != '\0';
  guint i;

  if (self->statuses != NULL && searching)
    {
      ensure_keys (self);
      for (i = 0; i < self->statuses->len; i++)
        if (strstr (g_ptr_array_index (self->keys, i), self->needle) != NULL)
          g_array_append_val (rows, i);
    }
  else if (self->statuses != NULL)
    for (i = 0; i < self->statuses->len; i++)
      g_array_append_val (rows, i);

  /* A new model each time, never a filter over the old one (PITFALLS.md §4). */
  if (self->statuses != NULL)
    model = cag_status_model_new (self->statuses, rows);
  gtk_tree_view_set_model (self->fund_view, GTK_TREE_MODEL (model));

  if (rows->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if (self->statuses == NULL || self->statuses->len == 0)
        gtk_label_set_text (self->empty_label,
                            _("No fund in this campaign yet. Add the member organizations, "
                              "then open their delegation funds in Campaign and Fund Settings."));
      else
        gtk_label_set_text (self->empty_label, _("No fund matches this search."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
show_totals (CagOverview *self)
{
  const CagNetworkTotals *t = &self->totals;
  g_autofree char *saved = cag_gui_money (t->saved_cents + t->matched_cents);
  g_autofree char *target = cag_gui_money (t->target_cents);
  g_autofree char *saved_caption = NULL;
  g_autofree char *delegations = NULL;
  g_autofree char *behind = NULL;
  g_autofree char *behind_caption = NULL;
  g_autofree char *need = cag_gui_money (t->monthly_needed_cents);

  saved_caption = g_strdup_printf (_("saved out of a target of %s"), target);
  /* TRANSLATORS: delegations fully funded "out of" delegations planned. */
  delegations = g_strdup_printf (_("%d of %d"), t->delegations_funded, t->delegations_planned);
  behind = g_strdup_printf ("%d", t->funds_behind);
  behind_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "fund behind schedule, out of %d",
                                                 "funds behind schedule, out of %d",
                                                 t->funds_behind),
                                    t->funds);

  gtk_label_set_text (self->saved_value, saved);
  gtk_label_set_text (self->saved_caption, saved_caption);
  gtk_label_set_text (self->delegations_value, delegations);
  gtk_label_set_text (self->delegations_caption,
                      g_dngettext (GETTEXT_PACKAGE, "delegation fully funded",
                                   "delegations fully funded", t->delegations_funded));
  gtk_label_set_text (self->behind_value, behind);
  gtk_label_set_text (self->behind_caption, behind_caption);
  gtk_label_set_text (self->need_value, need);
}

void
cag_overview_load (CagOverview *self,
                   CagStore    *store,
                   gint64       campaign_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagCampaign) campaign = NULL;
  g_autoptr(GArray) months = NULL;

  g_return_if_fail (CAG_IS_OVERVIEW (self));

  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  memset (&self->totals, 0, sizeof self->totals);

  if (store != NULL && campaign_id > 0)
    {
      campaign = cag_store_campaign_get (store, campaign_id, &error);
      if (campaign != NULL)
        self->statuses = cag_store_status_list (store, campaign_id, 0, NULL, &error);
      if (self->statuses != NULL)
        months = cag_store_month_totals (store, 0, campaign_id, &error);
      if (error != NULL)
        g_warning ("%s", error->message);
    }
  if (self->statuses != NULL)
    {
      CagDate today = cag_date_today ();

      cag_network_totals_compute (self->statuses, &self->totals);
      cag_gui_sort_behind_first (self->statuses);
      cag_chart_set_data (self->chart, cag_month_index (&campaign->start),
                          cag_month_index (&campaign->deadline),
                          self->totals.target_cents, months,
                          cag_month_index (&today));
    }
  else
    cag_chart_clear (self->chart);

  show_totals (self);
  fill_list (self);
}

void
cag_overview_focus_search (CagOverview *self)
{
  g_return_if_fail (CAG_IS_OVERVIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
cag_overview_set_search (CagOverview *self,
                         const char  *text)
{
  g_return_if_fail (CAG_IS_OVERVIEW (self));
  /* Set directly rather than through the entry, whose search-changed signal
   * is delayed. */
  gtk_entry_set_text (GTK_ENTRY (self->search_entry), text != NULL ? text : "");
  g_free (self->needle);
  self->needle = cag_fold_key (text != NULL ? text : "");
  fill_list (self);
}

GtkTreeModel *
cag_overview_get_model (CagOverview *self)
{
  g_return_val_if_fail (CAG_IS_OVERVIEW (self), NULL);
  return gtk_tree_view_get_model (self->fund_view);
}

GtkTreeView *
cag_overview_get_view (CagOverview *self)
{
  g_return_val_if_fail (CAG_IS_OVERVIEW (self), NULL);
  return self->fund_view;
}

const CagNetworkTotals *
cag_overview_get_totals (CagOverview *self)
{
  g_return_val_if_fail (CAG_IS_OVERVIEW (self), NULL);
  return &self->totals;
}

const char *
cag_overview_get_figure (CagOverview *self,
                         guint        index)
{
  GtkLabel *labels[] = { self->saved_value, self->delegations_value,
                         self->behind_value, self->need_value };

  g_return_val_if_fail (CAG_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (index < G_N_ELEMENTS (labels), NULL);
  return gtk_label_get_text (labels[index]);
}

static void
search_changed_cb (CagOverview    *self,
                   GtkSearchEntry *entry)
{
  g_free (self->needle);
  self->needle = cag_fold_key (gtk_entry_get_text (GTK_ENTRY (entry)));
  fill_list (self);
}

static void
row_activated_cb (CagOverview       *self,
                  GtkTreePath       *path,
                  GtkTreeViewColumn *column,
                  GtkTreeView       *view)
{
  GtkTreeIter iter;
  gint64 org_id = 0;

  GtkTreeModel *model = gtk_tree_view_get_model (self->fund_view);

  if (model == NULL || !gtk_tree_model_get_iter (model, &iter, path))
    return;
  gtk_tree_model_get (model, &iter,
                      CAG_OVERVIEW_COL_ORG_ID, &org_id, -1);
  g_signal_emit (self, signals[FUND_ACTIVATED], 0, org_id);
}

static void
cag_overview_finalize (GObject *object)
{
  CagOverview *self = CAG_OVERVIEW (object);

  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);
  G_OBJECT_CLASS (cag_overview_parent_class)->finalize (object);
}

static void
cag_overview_class_init (CagOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cag_overview_finalize;

  signals[FUND_ACTIVATED] = g_signal_new ("fund-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CAG_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, CagOverview, saved_value);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, saved_caption);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, delegations_value);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, delegations_caption);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, behind_value);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, behind_caption);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, need_value);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, chart);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, fund_view);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
cag_overview_init (CagOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cag_gui_name_from_labels (GTK_WIDGET (self));
  cag_gui_set_accessible_name (GTK_WIDGET (self->fund_view), C_("gui", "Funds"));
  show_totals (self);
}
