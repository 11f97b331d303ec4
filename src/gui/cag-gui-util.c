/* cag-gui-util.c — small helpers shared by the windows and dialogs. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cag-gui-util.h"
#include "cag-date.h"
#include "cag-error.h"
#include "cag-fold.h"
#include "cag-i18n.h"
#include "cag-money.h"

void
cag_gui_show_error (GtkWindow    *parent,
                    const char   *primary,
                    const GError *error)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", primary);
  if (error != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                              error->message);
  /* Not gtk_dialog_run: no nested main loop, the caller carries on. */
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_widget_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
cag_gui_money (gint64 cents)
{
  return cag_money_format (cents, cag_i18n_get_language ());
}

char *
cag_gui_date (const CagDate *date)
{
  return cag_date_format (date, cag_i18n_get_language ());
}

char *
cag_gui_month (gint month_index)
{
  return cag_month_format (month_index, cag_i18n_get_language ());
}

gboolean
cag_gui_parse_date (const char *text,
                    CagDate    *out,
                    GError    **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Enter a date, for example 2004-06-15 or 15/06/2004."));
      return FALSE;
    }
  if (strchr (stripped, '/') != NULL)
    return cag_date_parse_dmy (stripped, out, error);
  return cag_date_parse_iso (stripped, out, error);
}

void
cag_gui_set_accessible_name (GtkWidget  *widget,
                             const char *name)
{
  AtkObject *accessible = gtk_widget_get_accessible (widget);

  if (accessible != NULL)
    atk_object_set_name (accessible, name);
}

static void
name_from_label_cb (GtkWidget *widget,
                    gpointer   user_data)
{
  if (GTK_IS_LABEL (widget))
    {
      GtkWidget *target = gtk_label_get_mnemonic_widget (GTK_LABEL (widget));

      if (target != NULL)
        {
          AtkObject *accessible = gtk_widget_get_accessible (target);
          const char *current = accessible != NULL ? atk_object_get_name (accessible) : NULL;
          g_autofree char *text = g_strdup (gtk_label_get_text (GTK_LABEL (widget)));
          gsize len = strlen (text);

          /* "Campaign:" names the combo "Campaign".  A drop-down's own
           * name would be its value: the label names it instead. */
          if (len > 0 && text[len - 1] == ':')
            text[len - 1] = '\0';
          g_strstrip (text);
          if (accessible != NULL
              && (current == NULL || *current == '\0' || GTK_IS_COMBO_BOX (target)))
            atk_object_set_name (accessible, text);
          /* A drop-down with an entry: the entry is what takes the typing. */
          if (GTK_IS_COMBO_BOX (target) && gtk_combo_box_get_has_entry (GTK_COMBO_BOX (target)))
            cag_gui_set_accessible_name (gtk_bin_get_child (GTK_BIN (target)), text);
        }
    }
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), name_from_label_cb, NULL);
}

void
cag_gui_name_from_labels (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  name_from_label_cb (root, NULL);
}

void
cag_gui_set_field_error (GtkLabel   *label,
                         const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static char *
format_percent (gint tenths)
{
  if (cag_i18n_get_language () == CAG_LANG_FR)
    return g_strdup_printf ("%d,%d\u00a0%%", tenths / 10, tenths % 10);
  return g_strdup_printf ("%d.%d%%", tenths / 10, tenths % 10);
}

char *
cag_gui_fund_summary (const CagFundStatus *status,
                      const CagCampaign   *campaign)
{
  const CagFundFigures *f = &status->figures;
  GString *s = g_string_new (NULL);
  g_autofree char *saved = cag_gui_money (f->saved_cents);
  g_autofree char *target = cag_gui_money (f->target_cents);
  g_autofree char *percent = format_percent (f->percent_tenths);
  gint deadline_month = cag_month_index (&campaign->deadline);
  g_autofree char *deadline = cag_gui_month (deadline_month);

  /* TRANSLATORS: "1 250,00 $ saved out of a target of 4 500,00 $ (27,7 %)." */
  g_string_append_printf (s, _("%s saved out of a target of %s (%s)."), saved, target, percent);

  if (f->matched_cents > 0)
    {
      g_autofree char *matched = cag_gui_money (f->matched_cents);
      g_string_append_c (s, ' ');
      g_string_append_printf (s, _("A funder adds %s to match these savings."), matched);
    }

  if (f->state == CAG_FUND_COMPLETE)
    {
      g_string_append (s, "\n");
      g_string_append (s, _("The fund is complete: the delegation is paid for."));
      if (f->surplus_cents > 0)
        {
          g_autofree char *surplus = cag_gui_money (f->surplus_cents);
          g_string_append_c (s, ' ');
          g_string_append_printf (s, _("It holds %s more than needed."), surplus);
        }
      return g_string_free (s, FALSE);
    }

  g_string_append (s, "\n");
  if (f->months_left > 0)
    {
      g_autofree char *remaining = cag_gui_money (f->remaining_cents);
      g_autofree char *needed = cag_gui_money (f->monthly_needed_cents);
      /* TRANSLATORS: "3 250,00 $ still to raise: 135,42 $ a month until June 2006." */
      g_string_append_printf (s, _("%s still to raise: %s a month until %s."),
                              remaining, needed, deadline);
    }
  else
    {
      g_autofree char *remaining = cag_gui_money (f->remaining_cents);
      g_string_append_printf (s, _("%s still to raise, all of it due now: the deadline (%s) has come."),
                              remaining, deadline);
    }

  g_string_append (s, "\n");
  switch (f->state)
    {
    case CAG_FUND_NOT_STARTED:
      {
        g_autofree char *start = cag_gui_month (cag_month_index (&campaign->start));
        g_string_append_printf (s, _("Saving starts in %s."), start);
      }
      break;
    case CAG_FUND_BEHIND:
      {
        g_autofree char *arrears = cag_gui_money (f->arrears_cents);
        g_autofree char *expected = cag_gui_money (f->expected_cents);
        g_string_append_printf (s, _("The fund is %s behind schedule: by now it should hold %s."),
                                arrears, expected);
      }
      break;
    case CAG_FUND_ON_TRACK:
    case CAG_FUND_COMPLETE:
    default:
      {
        g_autofree char *planned = cag_gui_money (f->planned_monthly_cents);
        g_string_append_printf (s, _("The fund is on schedule (the plan is %s a month)."), planned);
      }
      break;
    }

  if (f->state != CAG_FUND_NOT_STARTED)
    {
      g_string_append (s, "\n");
      switch (f->month_state)
        {
        case CAG_MONTH_DUE:
          g_string_append (s, _("Nothing has been paid this month yet."));
          break;
        case CAG_MONTH_PARTIAL:
          {
            g_autofree char *paid = cag_gui_money (f->paid_this_month_cents);
            g_autofree char *short_by = cag_gui_money (f->monthly_needed_cents
                                                       - f->paid_this_month_cents);
            g_string_append_printf (s, _("%s paid this month, %s short of this month’s need."),
                                    paid, short_by);
          }
          break;
        case CAG_MONTH_PAID:
          {
            g_autofree char *paid = cag_gui_money (f->paid_this_month_cents);
            g_string_append_printf (s, _("This month is paid (%s)."), paid);
          }
          break;
        case CAG_MONTH_NONE:
        default:
          g_string_append (s, _("Nothing is needed this month."));
          break;
        }

      g_string_append (s, "\n");
      if (f->has_projection)
        {
          g_autofree char *when = cag_gui_month (f->projected_month);
          if (f->projection_late)
            g_string_append_printf (s, _("At the pace of recent months, the fund would be complete at the end of %s: after the deadline."),
                                    when);
          else
            g_string_append_printf (s, _("At the pace of recent months, the fund will be complete at the end of %s."),
                                    when);
        }
      else
        g_string_append (s, _("No contribution in recent months gives a pace to project from."));
    }

  return g_string_free (s, FALSE);
}

static gint
state_rank (CagFundState state)
{
  switch (state)
    {
    case CAG_FUND_BEHIND: return 0;
    case CAG_FUND_ON_TRACK: return 1;
    case CAG_FUND_NOT_STARTED: return 2;
    case CAG_FUND_COMPLETE: return 3;
    default: return 4;
    }
}

typedef struct
{
  CagFundStatus *status;
  guint          index;
} SortItem;

static gint
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SortItem *x = a;
  const SortItem *y = b;
  gint rx = state_rank (x->status->figures.state);
  gint ry = state_rank (y->status->figures.state);

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (x->status->figures.arrears_cents != y->status->figures.arrears_cents)
    return x->status->figures.arrears_cents > y->status->figures.arrears_cents ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

void
cag_gui_sort_behind_first (GPtrArray *statuses)
{
  g_autofree SortItem *items = NULL;
  guint i;

  if (statuses == NULL || statuses->len < 2)
    return;
  items = g_new (SortItem, statuses->len);
  for (i = 0; i < statuses->len; i++)
    {
      items[i].status = g_ptr_array_index (statuses, i);
      items[i].index = i;
    }
  qsort (items, statuses->len, sizeof (SortItem), compare_items);
  for (i = 0; i < statuses->len; i++)
    statuses->pdata[i] = items[i].status;
}

gboolean
cag_gui_matches (const char *needle,
                 const char *a,
                 const char *b,
                 const char *c)
{
  const char *texts[] = { a, b, c };
  guint i;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = NULL;

      if (texts[i] == NULL)
        continue;
      folded = cag_fold_key (texts[i]);
      if (folded != NULL && strstr (folded, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
tree_view_query_tooltip_cb (GtkWidget  *widget,
                            gint        x,
                            gint        y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip,
                            gpointer    user_data)
{
  GtkTreeView *view = GTK_TREE_VIEW (widget);
  gint column = GPOINTER_TO_INT (user_data);
  g_autoptr(GtkTreePath) path = NULL;
  g_autofree char *text = NULL;
  GtkTreeModel *model;
  GtkTreeIter iter;

  if (!gtk_tree_view_get_tooltip_context (view, &x, &y, keyboard, &model, &path, &iter))
    return FALSE;
  gtk_tree_model_get (model, &iter, column, &text, -1);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  gtk_tree_view_set_tooltip_row (view, tooltip, path);
  return TRUE;
}

void
cag_gui_tree_view_text_tooltips (GtkTreeView *view,
                                 gint         column)
{
  g_return_if_fail (GTK_IS_TREE_VIEW (view));
  gtk_widget_set_has_tooltip (GTK_WIDGET (view), TRUE);
  g_signal_connect (view, "query-tooltip", G_CALLBACK (tree_view_query_tooltip_cb),
                    GINT_TO_POINTER (column));
}
