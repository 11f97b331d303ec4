/* cag-overview.c — the network overview of one campaign: totals, chart and
 * every fund, those behind schedule first. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-chart.h"
#include "cag-fold.h"
#include "cag-gui-util.h"
#include "cag-overview.h"

struct _CagOverview
{
  GtkBox            parent_instance;

  GPtrArray        *statuses;   /* CagFundStatus, sorted behind first */
  CagNetworkTotals  totals;
  char             *needle;     /* folded search text */

  GtkListStore     *store;
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

static char *
percent_text (gint tenths)
{
  if (cag_i18n_get_language () == CAG_LANG_FR)
    return g_strdup_printf ("%d,%d\u00a0%%", tenths / 10, tenths % 10);
  return g_strdup_printf ("%d.%d%%", tenths / 10, tenths % 10);
}

static void
fill_list (CagOverview *self)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->store);
  guint shown = 0;
  guint i;

  /* Detached while filling, so the view does not follow each row. */
  g_object_ref (model);
  gtk_tree_view_set_model (self->fund_view, NULL);
  gtk_list_store_clear (self->store);

  for (i = 0; self->statuses != NULL && i < self->statuses->len; i++)
    {
      CagFundStatus *st = g_ptr_array_index (self->statuses, i);
      const CagFundFigures *f = &st->figures;
      g_autofree char *percent = NULL;
      g_autofree char *arrears = NULL;
      g_autofree char *needed = NULL;
      g_autofree char *month = NULL;
      GtkTreeIter iter;

      if (!cag_gui_matches (self->needle, st->organization_name,
                            st->organization_short_name, st->region))
        continue;

      percent = percent_text (f->percent_tenths);
      if (f->surplus_cents > 0)
        {
          g_autofree char *surplus = cag_gui_money (f->surplus_cents);
          g_autofree char *with = g_strdup_printf ("%s (+%s)", percent, surplus);
          g_free (percent);
          percent = g_steal_pointer (&with);
        }
      arrears = f->arrears_cents > 0 ? cag_gui_money (f->arrears_cents) : g_strdup ("—");
      needed = f->state == CAG_FUND_COMPLETE ? g_strdup ("—")
                                             : cag_gui_money (f->monthly_needed_cents);
      if (f->month_state == CAG_MONTH_PARTIAL)
        {
          g_autofree char *paid = cag_gui_money (f->paid_this_month_cents);
          month = g_strdup_printf ("%s (%s)", cag_month_state_label (f->month_state), paid);
        }
      else
        month = g_strdup (cag_month_state_label (f->month_state));

      gtk_list_store_insert_with_values (self->store, &iter, -1,
                                         CAG_OVERVIEW_COL_FUND_ID, st->fund_id,
                                         CAG_OVERVIEW_COL_ORG_ID, st->organization_id,
                                         CAG_OVERVIEW_COL_NAME, st->organization_name,
                                         CAG_OVERVIEW_COL_REGION, st->region != NULL ? st->region : "",
                                         CAG_OVERVIEW_COL_PERCENT, MIN (100, f->percent_tenths / 10),
                                         CAG_OVERVIEW_COL_PERCENT_TEXT, percent,
                                         CAG_OVERVIEW_COL_STATE, cag_fund_state_label (f->state),
                                         CAG_OVERVIEW_COL_ARREARS, arrears,
                                         CAG_OVERVIEW_COL_MONTH, month,
                                         CAG_OVERVIEW_COL_NEEDED, needed,
                                         CAG_OVERVIEW_COL_WEIGHT,
                                         f->state == CAG_FUND_BEHIND ? PANGO_WEIGHT_BOLD
                                                                     : PANGO_WEIGHT_NORMAL,
                                         -1);
      shown++;
    }
  gtk_tree_view_set_model (self->fund_view, model);
  g_object_unref (model);

  if (shown > 0)
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
  return GTK_TREE_MODEL (self->store);
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

  if (!gtk_tree_model_get_iter (GTK_TREE_MODEL (self->store), &iter, path))
    return;
  gtk_tree_model_get (GTK_TREE_MODEL (self->store), &iter,
                      CAG_OVERVIEW_COL_ORG_ID, &org_id, -1);
  g_signal_emit (self, signals[FUND_ACTIVATED], 0, org_id);
}

static void
cag_overview_finalize (GObject *object)
{
  CagOverview *self = CAG_OVERVIEW (object);

  g_clear_pointer (&self->statuses, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, CagOverview, store);
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
