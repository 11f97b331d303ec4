/* test-money.c — amounts: parsing, refusals, formatting per UI language. */
#include "config.h"

#include <string.h>

#include "cag-error.h"
#include "cag-money.h"
#include "money-cases.h"

static const char *cases_path;

/* Every case of tests/core/money-cases.txt, in the language it is for: the
 * cents read, or the refusal with its reason in the UI language; a refusal
 * leaves the output as it was. */
static void
check_cases_in (CagLang lang)
{
  g_autoptr(GPtrArray) cases = money_cases_load (cases_path);
  const char *code = cag_lang_to_code (lang);
  guint checked = 0;

  cag_i18n_set_language (lang);
  g_assert_cmpint (cag_i18n_get_language (), ==, lang);  /* the catalogue is found */
  for (guint i = 0; i < cases->len; i++)
    {
      const MoneyCase *c = g_ptr_array_index (cases, i);
      const char *reason = lang == CAG_LANG_FR ? c->reason_fr : c->reason_en;
      g_autoptr(GError) error = NULL;
      gint64 cents = 777;
      gboolean ok;

      if (!money_case_applies (c, code))
        continue;
      g_test_message ("money-cases.txt:%u (%s): “%s”", c->line, code, c->text);
      ok = cag_money_parse (c->text, CAG_MONEY_POSITIVE, &cents, &error);
      if (!c->refused)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (cents, ==, c->cents);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
          g_assert_cmpint (cents, ==, 777);
          g_test_message ("  %s", error->message);
          if (reason != NULL)
            g_assert_nonnull (strstr (error->message, reason));
        }
      /* The explicit form reads the same in the same language. */
      cents = 777;
      g_assert_cmpint (cag_money_parse_lang (c->text, lang, CAG_MONEY_POSITIVE, &cents, NULL),
                       ==, ok);
      checked++;
    }
  g_assert_cmpuint (checked, >, 40);
  cag_i18n_set_language (CAG_LANG_EN);
}

static void
test_money_cases_fr (void)
{
  check_cases_in (CAG_LANG_FR);
}

static void
test_money_cases_en (void)
{
  check_cases_in (CAG_LANG_EN);
}

/* Where both languages accept an amount, they read the same cents: no text
 * means two different amounts. */
static void
test_money_cases_agree (void)
{
  g_autoptr(GPtrArray) cases = money_cases_load (cases_path);

  for (guint i = 0; i < cases->len; i++)
    {
      const MoneyCase *c = g_ptr_array_index (cases, i);
      gint64 fr = -1, en = -2;

      if (cag_money_parse_lang (c->text, CAG_LANG_FR, CAG_MONEY_POSITIVE, &fr, NULL)
          && cag_money_parse_lang (c->text, CAG_LANG_EN, CAG_MONEY_POSITIVE, &en, NULL))
        g_assert_cmpint (fr, ==, en);
    }
}

/* No parse step may grow past about 60 lines: checked on the source. */
static void
test_money_parse_is_small (void)
{
  g_autofree char *dir = g_path_get_dirname (cases_path);
  g_autofree char *path = g_build_filename (dir, "..", "..", "src", "core", "cag-money.c", NULL);
  g_autofree char *source = NULL;
  g_auto(GStrv) lines = NULL;
  guint body_start = 0;
  gboolean in_body = FALSE;

  g_assert_true (g_file_get_contents (path, &source, NULL, NULL));
  lines = g_strsplit (source, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "{"))
        {
          in_body = TRUE;
          body_start = i;
        }
      else if (in_body && g_str_equal (lines[i], "}"))
        {
          g_test_message ("function ending at line %u: %u lines", i + 1, i - body_start);
          g_assert_cmpuint (i - body_start, <=, 62);
          in_body = FALSE;
        }
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

/* What Cagnotte prints (both languages, display and file forms) reads back
 * the same in both languages. */
static void
test_money_round_trip (void)
{
  gint64 samples[] = { 1, 99, 100, 12345, 450000, 99999999, CAG_MONEY_MAX_CENTS };

  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    for (CagLang lang = CAG_LANG_EN; lang <= CAG_LANG_FR; lang++)
      {
        g_autofree char *text = cag_money_format (samples[i], lang);
        g_autofree char *plain = cag_money_format_plain (samples[i],
                                                         lang == CAG_LANG_FR ? ',' : '.');

        for (CagLang reader = CAG_LANG_EN; reader <= CAG_LANG_FR; reader++)
          {
            gint64 back = 0;

            g_assert_true (cag_money_parse_lang (text, reader, CAG_MONEY_POSITIVE, &back, NULL));
            g_assert_cmpint (back, ==, samples[i]);
            back = 0;
            g_assert_true (cag_money_parse_lang (plain, reader, CAG_MONEY_POSITIVE, &back, NULL));
            g_assert_cmpint (back, ==, samples[i]);
          }
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
  g_assert_cmpint (cag_mul_div_floor (CAG_MONEY_MAX_CENTS, CAG_MONEY_MAX_CENTS,
                                      CAG_MONEY_MAX_CENTS), ==, CAG_MONEY_MAX_CENTS);
  g_assert_cmpint (cag_mul_div_ceil (100, 2, 3), ==, 67);
  g_assert_cmpint (cag_mul_div_floor (100, 2, 3), ==, 66);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cag_i18n_init ();
  cag_i18n_set_language (CAG_LANG_EN);
  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-money-cases.txt\n", argv[0]);
      return 1;
    }
  cases_path = argv[1];
  g_test_add_func ("/money/parse/cases-fr", test_money_cases_fr);
  g_test_add_func ("/money/parse/cases-en", test_money_cases_en);
  g_test_add_func ("/money/parse/cases-agree", test_money_cases_agree);
  g_test_add_func ("/money/parse/small-functions", test_money_parse_is_small);
  g_test_add_func ("/money/parse/zero-allowed", test_money_parse_zero_allowed);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/plain", test_money_plain);
  g_test_add_func ("/money/round-trip", test_money_round_trip);
  g_test_add_func ("/money/division", test_money_division);
  return g_test_run ();
}
