/* cag-date-picker.c — a month of day buttons under "◀ septembre 2004 ▶".
 * Sunday first, as calendars are printed in Quebec and Canada.  Every day is
 * a button named with its full date; arrows move between days, Page Up and
 * Page Down between months. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-date-picker.h"
#include "cag-gui-util.h"

#define N_CELLS 42      /* six weeks */

struct _CagDatePicker
{
  GtkBox     parent_instance;

  CagDate    selected;
  gint       month_shown;              /* month index */
  GtkWidget *days[N_CELLS];
  GtkWidget *weekdays[7];

  GtkLabel  *month_label;
  GtkGrid   *grid;
};

G_DEFINE_FINAL_TYPE (CagDatePicker, cag_date_picker, GTK_TYPE_BOX)

enum
{
  DAY_SELECTED,
  DAY_SELECTED_DOUBLE_CLICK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* 0 = Sunday, for the first day of the month shown. */
static gint
first_weekday (gint year,
               gint month)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  return g_date_time_get_day_of_week (first) % 7;
}

static void
show_month (CagDatePicker *self)
{
  g_autofree char *heading = cag_gui_month (self->month_shown);
  gint year, month, offset, n_days, i;

  cag_month_from_index (self->month_shown, &year, &month);
  offset = first_weekday (year, month);
  n_days = cag_date_days_in_month (year, month);
  gtk_label_set_text (self->month_label, heading);
  for (i = 0; i < N_CELLS; i++)
    {
      GtkWidget *button = self->days[i];
      GtkStyleContext *style = gtk_widget_get_style_context (button);
      gint day = i - offset + 1;
      CagDate date = { year, month, day };
      g_autofree char *number = NULL;
      g_autofree char *name = NULL;

      gtk_widget_set_visible (button, day >= 1 && day <= n_days);
      if (day < 1 || day > n_days)
        continue;
      number = g_strdup_printf ("%d", day);
      name = cag_gui_date (&date);
      gtk_button_set_label (GTK_BUTTON (button), number);
      cag_gui_set_accessible_name (button, name);
      g_object_set_data (G_OBJECT (button), "day", GINT_TO_POINTER (day));
      if (cag_date_compare (&date, &self->selected) == 0)
        gtk_style_context_add_class (style, "suggested-action");
      else
        gtk_style_context_remove_class (style, "suggested-action");
    }
}

static GtkWidget *
selected_button (CagDatePicker *self)
{
  gint year, month, i;

  cag_month_from_index (self->month_shown, &year, &month);
  if (self->selected.year != year || self->selected.month != month)
    return NULL;
  for (i = 0; i < N_CELLS; i++)
    if (gtk_widget_get_visible (self->days[i])
        && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->days[i]), "day"))
           == self->selected.day)
      return self->days[i];
  return NULL;
}

static void
move_month (CagDatePicker *self,
            gint           delta)
{
  self->month_shown += delta;
  show_month (self);
}

static void
prev_clicked_cb (CagDatePicker *self)
{
  move_month (self, -1);
}

static void
next_clicked_cb (CagDatePicker *self)
{
  move_month (self, 1);
}

static gboolean
key_pressed_cb (CagDatePicker *self,
                GdkEventKey   *event)
{
  if (event->keyval == GDK_KEY_Page_Up || event->keyval == GDK_KEY_KP_Page_Up)
    move_month (self, -1);
  else if (event->keyval == GDK_KEY_Page_Down || event->keyval == GDK_KEY_KP_Page_Down)
    move_month (self, 1);
  else
    return GDK_EVENT_PROPAGATE;
  return GDK_EVENT_STOP;
}

static void
day_clicked_cb (GtkButton     *button,
                CagDatePicker *self)
{
  CagDate date;
  gint year, month;

  cag_month_from_index (self->month_shown, &year, &month);
  date.year = year;
  date.month = month;
  date.day = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "day"));
  cag_date_picker_choose (self, &date);
}

static gboolean
day_pressed_cb (GtkWidget      *button,
                GdkEventButton *event,
                CagDatePicker  *self)
{
  if (event->type == GDK_2BUTTON_PRESS && event->button == GDK_BUTTON_PRIMARY)
    g_signal_emit (self, signals[DAY_SELECTED_DOUBLE_CLICK], 0);
  return GDK_EVENT_PROPAGATE;
}

/* Opened (in a popover), the selected day has the focus. */
static void
cag_date_picker_map (GtkWidget *widget)
{
  CagDatePicker *self = CAG_DATE_PICKER (widget);
  GtkWidget *button;

  GTK_WIDGET_CLASS (cag_date_picker_parent_class)->map (widget);
  button = selected_button (self);
  if (button != NULL)
    gtk_widget_grab_focus (button);
}

static void
build_grid (CagDatePicker *self)
{
  /* TRANSLATORS: the calendar's column headings, Sunday first. */
  const char *names[7] = {
    C_("weekday", "Sun"), C_("weekday", "Mon"), C_("weekday", "Tue"), C_("weekday", "Wed"),
    C_("weekday", "Thu"), C_("weekday", "Fri"), C_("weekday", "Sat"),
  };
  guint i;

  for (i = 0; i < 7; i++)
    {
      self->weekdays[i] = gtk_label_new (names[i]);
      gtk_style_context_add_class (gtk_widget_get_style_context (self->weekdays[i]), "dim-label");
      gtk_widget_show (self->weekdays[i]);
      gtk_grid_attach (self->grid, self->weekdays[i], (gint) i, 0, 1, 1);
    }
  for (i = 0; i < N_CELLS; i++)
    {
      self->days[i] = gtk_button_new_with_label ("");
      gtk_button_set_relief (GTK_BUTTON (self->days[i]), GTK_RELIEF_NONE);
      gtk_style_context_add_class (gtk_widget_get_style_context (self->days[i]), "day");
      g_signal_connect (self->days[i], "clicked", G_CALLBACK (day_clicked_cb), self);
      g_signal_connect (self->days[i], "button-press-event", G_CALLBACK (day_pressed_cb), self);
      gtk_grid_attach (self->grid, self->days[i], (gint) (i % 7), (gint) (i / 7) + 1, 1, 1);
    }
}

static void
cag_date_picker_class_init (CagDatePickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = cag_date_picker_map;
  /* A day was clicked (or chosen with the keyboard). */
  signals[DAY_SELECTED] = g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  signals[DAY_SELECTED_DOUBLE_CLICK] = g_signal_new ("day-selected-double-click",
                                                     G_TYPE_FROM_CLASS (klass),
                                                     G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                     G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-date-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CagDatePicker, month_label);
  gtk_widget_class_bind_template_child (widget_class, CagDatePicker, grid);
  gtk_widget_class_bind_template_callback (widget_class, prev_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
}

static void
cag_date_picker_init (CagDatePicker *self)
{
  CagDate today = cag_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  build_grid (self);
  cag_date_picker_set_date (self, &today);
}

GtkWidget *
cag_date_picker_new (void)
{
  return g_object_new (CAG_TYPE_DATE_PICKER, NULL);
}

void
cag_date_picker_set_date (CagDatePicker *self,
                          const CagDate *date)
{
  g_return_if_fail (CAG_IS_DATE_PICKER (self));
  g_return_if_fail (date != NULL && cag_date_valid (date));

  self->selected = *date;
  self->month_shown = cag_month_index (date);
  show_month (self);
}

CagDate
cag_date_picker_get_date (CagDatePicker *self)
{
  CagDate none = { 0, 0, 0 };

  g_return_val_if_fail (CAG_IS_DATE_PICKER (self), none);
  return self->selected;
}

void
cag_date_picker_choose (CagDatePicker *self,
                        const CagDate *date)
{
  g_return_if_fail (CAG_IS_DATE_PICKER (self));
  g_return_if_fail (date != NULL && cag_date_valid (date));

  cag_date_picker_set_date (self, date);
  g_signal_emit (self, signals[DAY_SELECTED], 0);
}

const char *
cag_date_picker_get_heading (CagDatePicker *self)
{
  g_return_val_if_fail (CAG_IS_DATE_PICKER (self), NULL);
  return gtk_label_get_text (self->month_label);
}

const char *
cag_date_picker_get_weekday (CagDatePicker *self,
                             guint          i)
{
  g_return_val_if_fail (CAG_IS_DATE_PICKER (self), NULL);
  g_return_val_if_fail (i < 7, NULL);
  return gtk_label_get_text (GTK_LABEL (self->weekdays[i]));
}
