/* cag-date.c — calendar dates and month arithmetic (see cag-date.h). */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"

#include "cag-date.h"
#include "cag-error.h"

static const char *const month_names_en[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};
static const char *const month_names_fr[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
  "août", "septembre", "octobre", "novembre", "décembre",
};

static gboolean
is_leap (gint year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

gint
cag_date_days_in_month (gint year,
                        gint month)
{
  static const gint days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month < 1 || month > 12)
    return 0;
  if (month == 2 && is_leap (year))
    return 29;
  return days[month - 1];
}

gboolean
cag_date_valid (const CagDate *date)
{
  return date != NULL
         && date->year >= 1900 && date->year <= 9999
         && date->month >= 1 && date->month <= 12
         && date->day >= 1 && date->day <= cag_date_days_in_month (date->year, date->month);
}

static gboolean
read_number (const char **p,
             int          min_digits,
             int          max_digits,
             gint        *out)
{
  int n = 0;
  gint value = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_digits || g_ascii_isdigit (**p))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
check_exists (const char *text,
              CagDate    *date,
              CagDate    *out_date,
              GError    **error)
{
  if (date->year < 1900 || date->year > 9999)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a valid date: the year must be between 1900 and 9999."), text);
      return FALSE;
    }
  if (date->month < 1 || date->month > 12)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a valid date: there is no month %d."), text, date->month);
      return FALSE;
    }
  if (date->day < 1 || date->day > cag_date_days_in_month (date->year, date->month))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” does not exist: %s %d has %d days."), text,
                   cag_month_name (date->month, cag_i18n_get_language ()), date->year,
                   cag_date_days_in_month (date->year, date->month));
      return FALSE;
    }
  *out_date = *date;
  return TRUE;
}

gboolean
cag_date_parse_iso (const char *text,
                    CagDate    *out_date,
                    GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = trimmed;
  CagDate date = { 0 };

  if (*p == '\0')
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The date is empty: write it as YYYY-MM-DD, for example 2004-06-15."));
      return FALSE;
    }
  if (!read_number (&p, 4, 4, &date.year) || *p++ != '-'
      || !read_number (&p, 2, 2, &date.month) || *p++ != '-'
      || !read_number (&p, 2, 2, &date.day) || *p != '\0')
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, for example 2004-06-15."),
                   trimmed);
      return FALSE;
    }
  return check_exists (trimmed, &date, out_date, error);
}

gboolean
cag_date_parse_dmy (const char *text,
                    CagDate    *out_date,
                    GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = trimmed;
  CagDate date = { 0 };

  if (!read_number (&p, 1, 2, &date.day) || *p++ != '/'
      || !read_number (&p, 1, 2, &date.month) || *p++ != '/'
      || !read_number (&p, 4, 4, &date.year) || *p != '\0')
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a date: write it as DD/MM/YYYY, for example 15/06/2004."),
                   trimmed);
      return FALSE;
    }
  return check_exists (trimmed, &date, out_date, error);
}

char *
cag_date_to_iso (const CagDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
}

char *
cag_date_format (const CagDate *date,
                 CagLang        lang)
{
  if (lang == CAG_LANG_FR)
    return g_strdup_printf (date->day == 1 ? "%der\u00a0%s %d" : "%d\u00a0%s %d", date->day,
                            month_names_fr[date->month - 1], date->year);
  return g_strdup_printf ("%s %d, %d", month_names_en[date->month - 1], date->day, date->year);
}

CagDate
cag_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  CagDate today = {
    g_date_time_get_year (now),
    g_date_time_get_month (now),
    g_date_time_get_day_of_month (now),
  };
  const char *fixed = g_getenv ("CAGNOTTE_TODAY");

  /* Tests and demonstrations can pin "today". */
  if (fixed != NULL)
    {
      CagDate pinned;

      if (cag_date_parse_iso (fixed, &pinned, NULL))
        return pinned;
    }
  return today;
}

int
cag_date_compare (const CagDate *a,
                  const CagDate *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

/* Days from civil, after Howard Hinnant's public-domain algorithm, shifted so
 * that 0001-01-01 is day 0. */
gint64
cag_date_to_days (const CagDate *date)
{
  gint64 y = date->year - (date->month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 mp = (date->month + 9) % 12;
  gint64 doy = (153 * mp + 2) / 5 + date->day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 306;   /* 0000-03-01 is day 0 before the shift */
}

CagDate
cag_date_from_days (gint64 days)
{
  gint64 z = days + 306;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 y = yoe + era * 400;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;
  CagDate out = { (gint) (y + (m <= 2)), (gint) m, (gint) d };

  return out;
}

gint
cag_month_index (const CagDate *date)
{
  return date->year * 12 + (date->month - 1);
}

gint
cag_month_index_ym (gint year,
                    gint month)
{
  return year * 12 + (month - 1);
}

void
cag_month_from_index (gint  index,
                      gint *out_year,
                      gint *out_month)
{
  *out_year = index / 12;
  *out_month = index % 12 + 1;
}

CagDate
cag_month_first_day (gint index)
{
  CagDate d = { index / 12, index % 12 + 1, 1 };

  return d;
}

CagDate
cag_month_last_day (gint index)
{
  CagDate d = { index / 12, index % 12 + 1, 1 };

  d.day = cag_date_days_in_month (d.year, d.month);
  return d;
}

char *
cag_month_to_iso (gint index)
{
  return g_strdup_printf ("%04d-%02d", index / 12, index % 12 + 1);
}

char *
cag_month_format (gint    index,
                  CagLang lang)
{
  return g_strdup_printf ("%s %d", cag_month_name (index % 12 + 1, lang), index / 12);
}

const char *
cag_month_name (gint    month,
                CagLang lang)
{
  if (month < 1 || month > 12)
    return "";
  return lang == CAG_LANG_FR ? month_names_fr[month - 1] : month_names_en[month - 1];
}
