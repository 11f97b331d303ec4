/* cag-overview.c — the network overview of one campaign: totals, chart and
 * every fund, those behind schedule first. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-chart.h"
#include "cag-date-picker.h"
#include "cag-fold.h"
#include "cag-gui-util.h"
#include "cag-overview.h"
#include "cag-progress-cell.h"
#include "cag-status-model.h"

struct _CagOverview
{
  GtkBox            parent_instance;

  GPtrArray        *statuses;   /* CagFundStatus, sorted behind first */
  GPtrArray        *keys;       /* folded search text of each status, or NULL */
  CagNetworkTotals  totals;
  char             *needle;     /* folded search text */
  CagDate           as_of;      /* the date the figures are computed for */
  gboolean          setting_calendar;
  gboolean          failed;     /* the last load could not read the figures */

  GtkWidget        *as_of_button;
  GtkLabel         *as_of_label;
  GtkLabel         *as_of_hint;
  CagDatePicker    *as_of_calendar;
  GtkWidget        *as_of_popover;

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
  GtkWidget        *empty_buttons;
  GtkWidget        *empty_orgs_button;
  GtkWidget        *empty_funds_button;
};

G_DEFINE_FINAL_TYPE (CagOverview, cag_overview, GTK_TYPE_BOX)

enum
{
  FUND_ACTIVATED,
  AS_OF_CHANGED,
  LOAD_FAILED,
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

  /* A new model each time, never a filter over the old one (docs/GUI.md, "Scale"). */
  if (self->statuses != NULL)
    model = cag_status_model_new (self->statuses, rows);
  gtk_tree_view_set_model (self->fund_view, GTK_TREE_MODEL (model));

  if (rows->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if (self->failed)
        /* Never "no fund yet" when the funds could not be read (docs/GUI.md,
         * "When the database fails"). */
        gtk_label_set_text (self->empty_label, _("The figures could not be read."));
      else if (self->statuses == NULL || self->statuses->len == 0)
        gtk_label_set_text (self->empty_label,
                            _("No fund in this campaign yet. Add the member organizations, "
                              "then open their delegation funds in Campaign and Fund Settings."));
      else
        gtk_label_set_text (self->empty_label, _("No fund matches this search."));
      /* No fund yet: the buttons lead to the next step (docs/GUI.md). */
      gtk_widget_set_visible (self->empty_buttons, !self->failed
                              && self->statuses != NULL && self->statuses->len == 0);
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

  if (self->failed)
    {
      /* A dash, never a zero that reads as "nothing saved". */
      gtk_label_set_text (self->saved_value, "—");
      gtk_label_set_text (self->saved_caption, _("The figures could not be read."));
      gtk_label_set_text (self->delegations_value, "—");
      gtk_label_set_text (self->delegations_caption, "");
      gtk_label_set_text (self->behind_value, "—");
      gtk_label_set_text (self->behind_caption, "");
      gtk_label_set_text (self->need_value, "—");
      return;
    }
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
                      /* "0 of 21 delegations fully funded": the noun goes
                       * with the 21 (French has 0 singular). */
                      g_dngettext (GETTEXT_PACKAGE, "delegation fully funded",
                                   "delegations fully funded", t->delegations_planned));
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
        self->statuses = cag_store_status_list (store, campaign_id, 0, &self->as_of, &error);
      if (self->statuses != NULL)
        months = cag_store_month_totals (store, 0, campaign_id, &error);
    }
  /* A failed read shows a placeholder and tells the window, which shows the
   * store's message with Retry (docs/GUI.md, "When the database fails"). */
  self->failed = error != NULL;
  if (self->failed)
    g_clear_pointer (&self->statuses, g_ptr_array_unref);
  if (self->statuses != NULL)
    {
      cag_network_totals_compute (self->statuses, &self->totals);
      cag_gui_sort_behind_first (self->statuses);
      cag_chart_set_data (self->chart, cag_month_index (&campaign->start),
                          cag_month_index (&campaign->deadline),
                          self->totals.target_cents, months,
                          &self->as_of);
    }
  else
    cag_chart_clear (self->chart);
  /* Its empty state says "no campaign yet": hidden while unreadable. */
  gtk_widget_set_visible (GTK_WIDGET (self->chart), !self->failed);

  show_totals (self);
  fill_list (self);
  if (error != NULL)
    g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

/* The button's text, the hint beside it and the calendar follow AS_OF. */
static void
show_as_of (CagOverview *self)
{
  CagDate today = cag_date_today ();
  gboolean is_today = cag_date_compare (&self->as_of, &today) == 0;
  g_autofree char *shown = cag_gui_date (&self->as_of);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);
  g_autofree char *text = NULL;

  /* TRANSLATORS: the overview's date button: "As of November 27, 2026";
   * the underscore marks the keyboard shortcut (Alt+A). */
  text = g_strdup_printf (_("_As of %s"), escaped);
  if (!is_today)
    {
      g_autofree char *bold = g_strdup_printf ("<b>%s</b>", text);
      gtk_label_set_markup_with_mnemonic (self->as_of_label, bold);
    }
  else
    gtk_label_set_markup_with_mnemonic (self->as_of_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_hint), !is_today);
  {
    /* The button's name for screen readers: its text, and the hint. */
    g_autofree char *name = is_today
      ? g_strdup (gtk_label_get_text (self->as_of_label))
      : g_strdup_printf ("%s (%s)", gtk_label_get_text (self->as_of_label),
                         gtk_label_get_text (self->as_of_hint));
    cag_gui_set_accessible_name (self->as_of_button, name);
  }

  self->setting_calendar = TRUE;
  cag_date_picker_set_date (self->as_of_calendar, &self->as_of);
  self->setting_calendar = FALSE;
}

void
cag_overview_set_as_of (CagOverview   *self,
                        const CagDate *as_of)
{
  g_return_if_fail (CAG_IS_OVERVIEW (self));

  if (as_of != NULL && cag_date_valid (as_of))
    self->as_of = *as_of;
  else
    self->as_of = cag_date_today ();
  show_as_of (self);
}

const CagDate *
cag_overview_get_as_of (CagOverview *self)
{
  g_return_val_if_fail (CAG_IS_OVERVIEW (self), NULL);
  return &self->as_of;
}

const char *
cag_overview_get_as_of_text (CagOverview *self)
{
  g_return_val_if_fail (CAG_IS_OVERVIEW (self), NULL);
  return gtk_label_get_text (self->as_of_label);
}

gboolean
cag_overview_as_of_is_marked (CagOverview *self)
{
  g_return_val_if_fail (CAG_IS_OVERVIEW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->as_of_hint));
}

GtkWidget *
cag_overview_get_as_of_button (CagOverview *self)
{
  g_return_val_if_fail (CAG_IS_OVERVIEW (self), NULL);
  return self->as_of_button;
}

/* A date chosen in the calendar: applied at once (the owner reloads). */
static void
calendar_day_selected_cb (CagDatePicker *calendar,
                          CagOverview   *self)
{
  CagDate date;

  if (self->setting_calendar)
    return;
  date = cag_date_picker_get_date (calendar);
  if (!cag_date_valid (&date) || cag_date_compare (&date, &self->as_of) == 0)
    return;
  cag_overview_set_as_of (self, &date);
  g_signal_emit (self, signals[AS_OF_CHANGED], 0);
}

static void
calendar_double_click_cb (CagDatePicker *calendar,
                          CagOverview   *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->as_of_popover));
}

static void
today_clicked_cb (GtkButton   *button,
                  CagOverview *self)
{
  CagDate today = cag_date_today ();

  gtk_popover_popdown (GTK_POPOVER (self->as_of_popover));
  if (cag_date_compare (&today, &self->as_of) == 0)
    return;
  cag_overview_set_as_of (self, &today);
  g_signal_emit (self, signals[AS_OF_CHANGED], 0);
}

/* The "As of" row above the figures: a button with the date, a calendar
 * with "Today" in its popover, and a hint when the date is not today. */
static void
build_as_of (CagOverview *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *today = gtk_button_new_with_mnemonic (C_("gui", "_Today"));

  self->as_of_button = gtk_menu_button_new ();
  gtk_widget_set_tooltip_text (self->as_of_button,
                               _("The date the figures, the list and the chart are computed for"));
  self->as_of_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_mnemonic_widget (self->as_of_label, self->as_of_button);
  gtk_box_pack_start (GTK_BOX (inner), GTK_WIDGET (self->as_of_label), FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (inner),
                      gtk_image_new_from_icon_name ("pan-down-symbolic", GTK_ICON_SIZE_BUTTON),
                      FALSE, FALSE, 0);
  gtk_container_add (GTK_CONTAINER (self->as_of_button), inner);

  /* Not a GtkCalendar: its month names follow the C locale, not the UI
   * language (docs/GUI.md, "Language"). */
  self->as_of_calendar = CAG_DATE_PICKER (cag_date_picker_new ());
  g_signal_connect (self->as_of_calendar, "day-selected",
                    G_CALLBACK (calendar_day_selected_cb), self);
  g_signal_connect (self->as_of_calendar, "day-selected-double-click",
                    G_CALLBACK (calendar_double_click_cb), self);
  g_signal_connect (today, "clicked", G_CALLBACK (today_clicked_cb), self);
  g_object_set (popbox, "margin", 6, NULL);
  gtk_box_pack_start (GTK_BOX (popbox), GTK_WIDGET (self->as_of_calendar), FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (popbox), today, FALSE, FALSE, 0);
  gtk_widget_show_all (popbox);
  self->as_of_popover = gtk_popover_new (self->as_of_button);
  gtk_container_add (GTK_CONTAINER (self->as_of_popover), popbox);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->as_of_button), self->as_of_popover);

  self->as_of_hint = GTK_LABEL (gtk_label_new (_("Not today’s figures")));
  gtk_label_set_xalign (self->as_of_hint, 0);
  gtk_label_set_line_wrap (self->as_of_hint, TRUE);
  gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (self->as_of_hint)),
                               "as-of-hint");
  gtk_widget_set_no_show_all (GTK_WIDGET (self->as_of_hint), TRUE);

  gtk_box_pack_start (GTK_BOX (row), self->as_of_button, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (row), GTK_WIDGET (self->as_of_hint), TRUE, TRUE, 0);
  gtk_widget_show_all (row);
  gtk_box_pack_start (GTK_BOX (self), row, FALSE, FALSE, 0);
  gtk_box_reorder_child (GTK_BOX (self), row, 0);
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

/* Enter in the search: with exactly one fund found, opens it. */
static void
search_activate_cb (CagOverview    *self,
                    GtkSearchEntry *entry)
{
  GtkTreeModel *model;
  GtkTreeIter iter;
  gint64 org_id = 0;

  search_changed_cb (self, entry);  /* search-changed waits for typing to pause */
  model = gtk_tree_view_get_model (self->fund_view);
  if (model == NULL || gtk_tree_model_iter_n_children (model, NULL) != 1
      || !gtk_tree_model_get_iter_first (model, &iter))
    return;
  gtk_tree_model_get (model, &iter, CAG_OVERVIEW_COL_ORG_ID, &org_id, -1);
  g_signal_emit (self, signals[FUND_ACTIVATED], 0, org_id);
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
  /* The user chose another date with the "As of" button. */
  signals[AS_OF_CHANGED] = g_signal_new ("as-of-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  /* A load could not read the database; the figures show a placeholder. */
  signals[LOAD_FAILED] = g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);

  g_type_ensure (CAG_TYPE_CHART);
  g_type_ensure (CAG_TYPE_PROGRESS_CELL);
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
  gtk_widget_class_bind_template_child (widget_class, CagOverview, empty_buttons);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, empty_orgs_button);
  gtk_widget_class_bind_template_child (widget_class, CagOverview, empty_funds_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
cag_overview_init (CagOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_as_of (self);
  self->as_of = cag_date_today ();
  cag_gui_name_from_labels (GTK_WIDGET (self));
  show_as_of (self);
  cag_gui_set_accessible_name (GTK_WIDGET (self->fund_view), C_("gui", "Funds"));
  cag_gui_tree_view_text_tooltips (self->fund_view, CAG_OVERVIEW_COL_NAME);
  show_totals (self);
}
