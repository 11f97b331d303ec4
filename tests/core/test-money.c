/* test-money.c — amounts: parsing, refusals, formatting per UI language. */
#include "config.h"

#include <string.h>

#include "cag-error.h"
#include "cag-money.h"

typedef struct
{
  const char *text;
  gint64      cents;
} Accepted;

static const Accepted accepted[] = {
  { "4500", 450000 },
  { "4500.00", 450000 },
  { "4500,00", 450000 },
  { "4 500,00", 450000 },
  { "4\u00a0500,00", 450000 },
  { "4\u202f500,00", 450000 },
  { "4 500,00 $", 450000 },
  { "4\u202f500,00\u00a0$", 450000 },
  { "$4,500.00", 450000 },
  { "$ 4,500.00", 450000 },
  { "4,500.00", 450000 },
  { "4.500,00", 450000 },
  { "  125  ", 12500 },
  { "135.42", 13542 },
  { "135,4", 13540 },
  { "0,01", 1 },
  { ".50", 50 },
  { "1,000,000", 100000000 },
  { "1 000 000,00 $", 100000000 },
  { "1000000000", G_GINT64_CONSTANT (100000000000) },
  { "1,000,000,000.00", G_GINT64_CONSTANT (100000000000) },
};

static const char *const refused[] = {
  "", "   ", "-5", "−5", "-4 500,00 $", "0", "0,00", "$0.00", "12.345", "4500.001",
  "4,500", "4.500", "1000000000.01", "1000000001", "99999999999999999999999",
  "abc", "12a", "4 500,00 €", "$", ",", "1,2,3.4.5", "4,50,0.00", "12$34", "$$12",
  "4500.00.00", "1.234,567",
};

static void
test_money_parse_accepted (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_test_message ("parsing “%s”", accepted[i].text);
      g_assert_true (cag_money_parse (accepted[i].text, CAG_MONEY_POSITIVE, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, accepted[i].cents);
    }
}

static void
test_money_parse_refused (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 777;

      g_test_message ("refusing “%s”", refused[i]);
      g_assert_false (cag_money_parse (refused[i], CAG_MONEY_POSITIVE, &cents, &error));
      g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
      g_assert_nonnull (error->message);
      g_assert_cmpint (cents, ==, 777);
    }
}

static void
test_money_parse_reasons (void)
{
  struct { const char *text; const char *fragment; } cases[] = {
    { "", "empty" },
    { "-5", "negative" },
    { "0", "greater than zero" },
    { "4500.001", "two decimals" },
    { "4,500", "ambiguous" },
    { "1000000000.01", "maximum" },
    { "abc", "not a number" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents;

      g_assert_false (cag_money_parse (cases[i].text, CAG_MONEY_POSITIVE, &cents, &error));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

static void
test_money_parse_zero_allowed (void)
{
  gint64 cents = -1;

  g_assert_true (cag_money_parse ("0,00", CAG_MONEY_ALLOW_ZERO, &cents, NULL));
  g_assert_cmpint (cents, ==, 0);
}

static void
test_money_format (void)
{
  struct { gint64 cents; const char *fr; const char *en; } cases[] = {
    { 450000, "4\u202f500,00\u00a0$", "$4,500.00" },
    { 13542, "135,42\u00a0$", "$135.42" },
    { 0, "0,00\u00a0$", "$0.00" },
    { 5, "0,05\u00a0$", "$0.05" },
    { -25000, "-250,00\u00a0$", "-$250.00" },
    { 100000000, "1\u202f000\u202f000,00\u00a0$", "$1,000,000.00" },
    { G_MAXINT64, "92\u202f233\u202f720\u202f368\u202f547\u202f758,07\u00a0$",
      "$92,233,720,368,547,758.07" },
    { G_MININT64, "-92\u202f233\u202f720\u202f368\u202f547\u202f758,08\u00a0$",
      "-$92,233,720,368,547,758.08" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fr = cag_money_format (cases[i].cents, CAG_LANG_FR);
      g_autofree char *en = cag_money_format (cases[i].cents, CAG_LANG_EN);

      g_assert_cmpstr (fr, ==, cases[i].fr);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_money_round_trip (void)
{
  gint64 samples[] = { 1, 99, 100, 12345, 450000, 99999999, CAG_MONEY_MAX_CENTS };

  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    for (CagLang lang = CAG_LANG_EN; lang <= CAG_LANG_FR; lang++)
      {
        g_autofree char *text = cag_money_format (samples[i], lang);
        g_autofree char *plain = cag_money_format_plain (samples[i], lang == CAG_LANG_FR ? ',' : '.');
        gint64 back = 0;

        g_assert_true (cag_money_parse (text, CAG_MONEY_POSITIVE, &back, NULL));
        g_assert_cmpint (back, ==, samples[i]);
        if (samples[i] >= 100000)
          continue;  /* plain form of 1000.00+ has no grouping, still fine: */
        g_assert_true (cag_money_parse (plain, CAG_MONEY_POSITIVE, &back, NULL));
        g_assert_cmpint (back, ==, samples[i]);
      }
}

static void
test_money_plain (void)
{
  g_autofree char *a = cag_money_format_plain (450000, '.');
  g_autofree char *b = cag_money_format_plain (-13542, ',');

  g_assert_cmpstr (a, ==, "4500.00");
  g_assert_cmpstr (b, ==, "-135,42");
}

static void
test_money_division (void)
{
  g_assert_cmpint (cag_div_ceil (325000, 24), ==, 13542);
  g_assert_cmpint (cag_div_floor (325000, 24), ==, 13541);
  g_assert_cmpint (cag_div_ceil (450000, 36), ==, 12500);
  g_assert_cmpint (cag_div_floor (-7, 2), ==, -4);
  g_assert_cmpint (cag_div_ceil (-7, 2), ==, -3);
  g_assert_cmpint (cag_mul_div_floor (450000, 12, 36), ==, 150000);
  g_assert_cmpint (cag_mul_div_floor (CAG_MONEY_MAX_CENTS, CAG_MONEY_MAX_CENTS, CAG_MONEY_MAX_CENTS),
                   ==, CAG_MONEY_MAX_CENTS);
  g_assert_cmpint (cag_mul_div_ceil (100, 2, 3), ==, 67);
  g_assert_cmpint (cag_mul_div_floor (100, 2, 3), ==, 66);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cag_i18n_init ();
  cag_i18n_set_language (CAG_LANG_EN);
  g_test_add_func ("/money/parse/accepted", test_money_parse_accepted);
  g_test_add_func ("/money/parse/refused", test_money_parse_refused);
  g_test_add_func ("/money/parse/reasons", test_money_parse_reasons);
  g_test_add_func ("/money/parse/zero-allowed", test_money_parse_zero_allowed);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/plain", test_money_plain);
  g_test_add_func ("/money/round-trip", test_money_round_trip);
  g_test_add_func ("/money/division", test_money_division);
  return g_test_run ();
}
