/* fuzz-money.c — libFuzzer target for cag_money_parse.
 *
 * Accepted amounts must be in range and survive cag_money_format and
 * cag_money_format_plain in both languages: formatting then parsing gives
 * back the same number of cents, in either language.  Where both languages
 * accept a text, they read the same cents (docs/RULES.md, "Amounts as
 * typed"). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cag-money.h"
#include "fuzz-common.h"

static void
check_reparse (const char *text,
               gint64      cents)
{
  g_autoptr(GError) error = NULL;
  gint64 again = -1;

  for (CagLang lang = CAG_LANG_EN; lang <= CAG_LANG_FR; lang++)
    {
      if (!cag_money_parse_lang (text, lang, CAG_MONEY_ALLOW_ZERO, &again, &error)
          || again != cents)
        {
          fprintf (stderr, "“%s” does not parse back to %" G_GINT64_FORMAT "\n", text, cents);
          abort ();
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const CagMoneyFlags flags[] = { CAG_MONEY_POSITIVE, CAG_MONEY_ALLOW_ZERO };
  g_autofree char *text = g_strndup ((const char *) data, size);

  fuzz_init ();
  for (guint k = 0; k < G_N_ELEMENTS (flags); k++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      gint64 other = -1;

      if (cag_money_parse_lang (text, CAG_LANG_FR, flags[k], &other, NULL)
          && cag_money_parse_lang (text, CAG_LANG_EN, flags[k], &cents, NULL) && cents != other)
        abort ();
      if (!cag_money_parse (text, flags[k], &cents, &error))
        {
          if (error == NULL || error->message == NULL)
            abort ();
          continue;
        }
      if (cents < 0 || cents > CAG_MONEY_MAX_CENTS
          || (cents == 0 && flags[k] == CAG_MONEY_POSITIVE))
        abort ();

      for (CagLang lang = CAG_LANG_EN; lang <= CAG_LANG_FR; lang++)
        {
          g_autofree char *formatted = cag_money_format (cents, lang);

          check_reparse (formatted, cents);
        }
      {
        g_autofree char *dot = cag_money_format_plain (cents, '.');
        g_autofree char *comma = cag_money_format_plain (cents, ',');

        check_reparse (dot, cents);
        check_reparse (comma, cents);
      }
    }
  return 0;
}
