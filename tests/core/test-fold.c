/* test-fold.c — case/accent-insensitive keys and the UI language switch. */
#include "config.h"

#include "cag-fold.h"
#include "cag-i18n.h"
#include "cag-money.h"

static void
test_fold_keys (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "Écof", "ecof" },
    { "ÉCOF", "ecof" },
    { "Coopérative  Régionale ", "cooperative regionale" },
    { "CDÉC\u00a0de\u202fGatineau", "cdec de gatineau" },
    { "Œuvre", "œuvre" },
    { "", "" },
    { "Zoé", "zoe" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = cag_fold_key (cases[i].in);

      g_assert_cmpstr (key, ==, cases[i].out);
    }
}

static void
test_fold_sorts_accents_with_letters (void)
{
  g_autofree char *a = cag_fold_key ("Élève");
  g_autofree char *b = cag_fold_key ("Zoé");

  g_assert_cmpint (g_strcmp0 (a, b), <, 0);
}

static void
test_language_switch (void)
{
  /* Requires the French catalogue from the build tree (CAGNOTTE_LOCALEDIR). */
  cag_i18n_set_language (CAG_LANG_FR);
  g_assert_cmpint (cag_i18n_get_language (), ==, CAG_LANG_FR);
  cag_i18n_set_language (CAG_LANG_EN);
  g_assert_cmpint (cag_i18n_get_language (), ==, CAG_LANG_EN);
}

static void
test_lang_codes (void)
{
  CagLang lang;

  g_assert_true (cag_lang_from_code ("fr_CA", &lang));
  g_assert_cmpint (lang, ==, CAG_LANG_FR);
  g_assert_true (cag_lang_from_code ("en", &lang));
  g_assert_cmpint (lang, ==, CAG_LANG_EN);
  g_assert_false (cag_lang_from_code ("de", &lang));
  g_assert_false (cag_lang_from_code ("french", &lang));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cag_i18n_init ();
  g_test_add_func ("/fold/keys", test_fold_keys);
  g_test_add_func ("/fold/sort", test_fold_sorts_accents_with_letters);
  g_test_add_func ("/i18n/switch", test_language_switch);
  g_test_add_func ("/i18n/codes", test_lang_codes);
  return g_test_run ();
}
