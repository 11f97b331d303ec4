/* test-date.c — dates, refusals, month arithmetic, language-keyed formats. */
#include "config.h"

#include <string.h>

#include "cag-date.h"
#include "cag-error.h"

static void
test_date_parse_iso (void)
{
  CagDate d;

  g_assert_true (cag_date_parse_iso ("2004-06-15", &d, NULL));
  g_assert_cmpint (d.year, ==, 2004);
  g_assert_cmpint (d.month, ==, 6);
  g_assert_cmpint (d.day, ==, 15);
  g_assert_true (cag_date_parse_iso ("2004-02-29", &d, NULL));
  g_assert_true (cag_date_parse_iso (" 2000-02-29 ", &d, NULL));
}

static void
test_date_refused (void)
{
  const char *bad[] = { "", "2005-02-30", "2005-02-29", "1900-02-29", "2004-13-01", "2004-00-10",
                        "2004-06-31", "2004-6-1", "04-06-01", "2004/06/01", "2004-06-01x",
                        "20040-06-01", "1899-12-31", "abcd-ef-gh", "2004-06-00" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      CagDate d = { 1, 2, 3 };

      g_test_message ("refusing “%s”", bad[i]);
      g_assert_false (cag_date_parse_iso (bad[i], &d, &error));
      g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
      g_assert_cmpint (d.year, ==, 1);
    }
}

static void
test_date_nonexistent_message (void)
{
  g_autoptr(GError) error = NULL;
  CagDate d;

  g_assert_false (cag_date_parse_iso ("2005-02-30", &d, &error));
  g_assert_nonnull (strstr (error->message, "2005-02-30"));
  g_assert_nonnull (strstr (error->message, "28"));
}

static void
test_date_parse_dmy (void)
{
  CagDate d;

  g_assert_true (cag_date_parse_dmy ("15/06/2004", &d, NULL));
  g_assert_cmpint (d.month, ==, 6);
  g_assert_true (cag_date_parse_dmy ("1/2/2004", &d, NULL));
  g_assert_cmpint (d.day, ==, 1);
  g_assert_cmpint (d.month, ==, 2);
  g_assert_false (cag_date_parse_dmy ("30/02/2005", &d, NULL));
  g_assert_false (cag_date_parse_dmy ("2004-06-15", &d, NULL));
}

static void
test_date_days (void)
{
  CagDate epoch = { 1970, 1, 1 };
  CagDate first = { 1, 1, 1 };

  g_assert_cmpint (cag_date_to_days (&first), ==, 0);
  g_assert_cmpint (cag_date_to_days (&epoch), ==, 719162);
  /* Every day from 1900 to 2100 round-trips and follows the previous one. */
  for (gint64 day = cag_date_to_days (&(CagDate){ 1900, 1, 1 });
       day <= cag_date_to_days (&(CagDate){ 2100, 12, 31 }); day++)
    {
      CagDate d = cag_date_from_days (day);

      g_assert_true (cag_date_valid (&d));
      g_assert_cmpint (cag_date_to_days (&d), ==, day);
    }
}

static void
test_month_arithmetic (void)
{
  CagDate start = { 2003, 6, 1 };
  CagDate deadline = { 2006, 6, 1 };
  CagDate t = { 2004, 6, 15 };
  gint y, m;

  g_assert_cmpint (cag_month_index (&deadline) - cag_month_index (&start), ==, 36);
  g_assert_cmpint (cag_month_index (&t) - cag_month_index (&start), ==, 12);
  cag_month_from_index (cag_month_index (&start) - 6, &y, &m);
  g_assert_cmpint (y, ==, 2002);
  g_assert_cmpint (m, ==, 12);
  g_assert_cmpint (cag_month_last_day (cag_month_index_ym (2004, 2)).day, ==, 29);
  g_assert_cmpint (cag_month_last_day (cag_month_index_ym (2005, 2)).day, ==, 28);
  g_assert_cmpint (cag_month_first_day (cag_month_index_ym (2005, 12)).month, ==, 12);
}

static void
test_date_format (void)
{
  CagDate d = { 2004, 6, 15 };
  CagDate first = { 2004, 6, 1 };
  g_autofree char *fr = cag_date_format (&d, CAG_LANG_FR);
  g_autofree char *fr1 = cag_date_format (&first, CAG_LANG_FR);
  g_autofree char *en = cag_date_format (&d, CAG_LANG_EN);
  g_autofree char *iso = cag_date_to_iso (&d);
  g_autofree char *mfr = cag_month_format (cag_month_index_ym (2006, 6), CAG_LANG_FR);
  g_autofree char *men = cag_month_format (cag_month_index_ym (2005, 8), CAG_LANG_EN);
  g_autofree char *miso = cag_month_to_iso (cag_month_index_ym (2006, 6));

  g_assert_cmpstr (fr, ==, "15\u00a0juin 2004");
  g_assert_cmpstr (fr1, ==, "1er\u00a0juin 2004");
  g_assert_cmpstr (en, ==, "June 15, 2004");
  g_assert_cmpstr (iso, ==, "2004-06-15");
  g_assert_cmpstr (mfr, ==, "juin 2006");
  g_assert_cmpstr (men, ==, "August 2005");
  g_assert_cmpstr (miso, ==, "2006-06");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cag_i18n_init ();
  cag_i18n_set_language (CAG_LANG_EN);
  g_test_add_func ("/date/parse-iso", test_date_parse_iso);
  g_test_add_func ("/date/refused", test_date_refused);
  g_test_add_func ("/date/nonexistent-message", test_date_nonexistent_message);
  g_test_add_func ("/date/parse-dmy", test_date_parse_dmy);
  g_test_add_func ("/date/days", test_date_days);
  g_test_add_func ("/date/months", test_month_arithmetic);
  g_test_add_func ("/date/format", test_date_format);
  return g_test_run ();
}
