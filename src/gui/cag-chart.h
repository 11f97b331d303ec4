/* cag-chart.h — cumulative savings against the planned line, drawn with
 * cairo. */
#pragma once

#include <gtk/gtk.h>
#include "cag-date.h"

G_BEGIN_DECLS

#define CAG_TYPE_CHART (cag_chart_get_type ())
G_DECLARE_FINAL_TYPE (CagChart, cag_chart, CAG, CHART, GtkDrawingArea)

GtkWidget *cag_chart_new      (void);

/* START_MONTH and DEADLINE_MONTH are month indexes (cag_month_index); the
 * plan goes from nothing at the start of START_MONTH to TARGET_CENTS at the
 * start of DEADLINE_MONTH.  MONTH_TOTALS is a GArray of CagMonthTotal
 * (copied); savings are drawn up to the end of AS_OF's month (NULL:
 * today), and a thin vertical line marks AS_OF itself. */
void       cag_chart_set_data (CagChart      *self,
                               gint           start_month,
                               gint           deadline_month,
                               gint64         target_cents,
                               GArray        *month_totals,
                               const CagDate *as_of);
void       cag_chart_clear    (CagChart *self);
/* The months along the x axis: the campaign's, never stretched to a stray
 * far date (at most a quarter of the campaign's length on either side). */
void       cag_chart_get_range (CagChart *self,
                                gint     *first_month,
                                gint     *last_month);

G_END_DECLS
