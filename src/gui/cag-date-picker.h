/* cag-date-picker.h — a month calendar whose month and day names follow
 * the UI language (GtkCalendar takes them from the C library's locale,
 * English wherever fr_CA is not generated; docs/GUI.md, "Language"). */
#pragma once

#include <gtk/gtk.h>
#include "cag-date.h"

G_BEGIN_DECLS

#define CAG_TYPE_DATE_PICKER (cag_date_picker_get_type ())
G_DECLARE_FINAL_TYPE (CagDatePicker, cag_date_picker, CAG, DATE_PICKER, GtkBox)

GtkWidget  *cag_date_picker_new         (void);
/* Shows DATE's month with DATE selected; emits nothing. */
void        cag_date_picker_set_date    (CagDatePicker *self,
                                         const CagDate *date);
CagDate     cag_date_picker_get_date    (CagDatePicker *self);
/* As a click on DATE's day: selects it and emits "day-selected". */
void        cag_date_picker_choose      (CagDatePicker *self,
                                         const CagDate *date);
/* The month shown ("septembre 2004") and the heading of column I (0 is
 * Sunday), for tests. */
const char *cag_date_picker_get_heading (CagDatePicker *self);
const char *cag_date_picker_get_weekday (CagDatePicker *self,
                                         guint          i);

G_END_DECLS
