/* cag-date.h — calendar dates and calendar-month arithmetic.
 *
 * A CagDate is a plain value (year, month 1–12, day 1–31).  A "month index"
 * is year × 12 + (month − 1): consecutive months are consecutive integers,
 * which is all the fund rules need.
 */
#pragma once

#include <glib.h>
#include "cag-i18n.h"

G_BEGIN_DECLS

typedef struct
{
  gint year;
  gint month;
  gint day;
} CagDate;

gboolean cag_date_valid          (const CagDate *date);
/* Strict ISO 8601 "YYYY-MM-DD"; refuses 2005-02-30 with CAG_ERROR_INVALID and a
 * message that names the date and says it does not exist.  Years 1900–9999. */
gboolean cag_date_parse_iso      (const char *text,
                                  CagDate    *out_date,
                                  GError    **error);
/* "DD/MM/YYYY" (also "D/M/YYYY"), as French spreadsheets write dates. */
gboolean cag_date_parse_dmy      (const char *text,
                                  CagDate    *out_date,
                                  GError    **error);
char    *cag_date_to_iso         (const CagDate *date);        /* "2004-06-15" */
/* fr: "15 juin 2004", "1er juin 2004"; en: "June 15, 2004". */
char    *cag_date_format         (const CagDate *date,
                                  CagLang        lang);
CagDate  cag_date_today          (void);
int      cag_date_compare        (const CagDate *a,
                                  const CagDate *b);
/* Days since 0001-01-01 (for differences and sorting). */
gint64   cag_date_to_days        (const CagDate *date);
CagDate  cag_date_from_days      (gint64 days);
gint     cag_date_days_in_month  (gint year,
                                  gint month);

gint     cag_month_index         (const CagDate *date);
gint     cag_month_index_ym      (gint year,
                                  gint month);
void     cag_month_from_index    (gint  index,
                                  gint *out_year,
                                  gint *out_month);
/* First and last day of the month with that index. */
CagDate  cag_month_first_day     (gint index);
CagDate  cag_month_last_day      (gint index);
/* "2006-06" */
char    *cag_month_to_iso        (gint index);
/* fr: "juin 2006"; en: "June 2006". */
char    *cag_month_format        (gint    index,
                                  CagLang lang);
/* Full month name alone, lower case in French: "juin", "June". */
const char *cag_month_name       (gint    month,
                                  CagLang lang);

G_END_DECLS
