/* cag-i18n.c — gettext set-up and the UI language.
 *
 * The UI language is read back from gettext itself: the catalogue translates
 * the marker string "en" (context "ui-language") to "fr".  Amounts and dates
 * follow it, so they always agree with the language of the words around them,
 * even on machines without generated locales.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cag-i18n.h"

/* glibc's catalogue cache counter: bumping it makes gettext notice a change of
 * LANGUAGE at run time (documented in the gettext manual). */
extern int _nl_msg_cat_cntr;

static const char *
first_env (const char *const *names)
{
  for (; *names != NULL; names++)
    {
      const char *value = g_getenv (*names);
      if (value != NULL && *value != '\0')
        return value;
    }
  return NULL;
}

void
cag_i18n_init (void)
{
  static const char *const locale_vars[] = { "LC_ALL", "LC_MESSAGES", "LANG", NULL };
  const char *localedir = g_getenv ("CAGNOTTE_LOCALEDIR");
  const char *current;

  if (setlocale (LC_ALL, "") == NULL)
    {
      /* The requested locale is not generated here.  Keep its language for
       * messages through LANGUAGE, and run in C.UTF-8 so text stays UTF-8. */
      const char *requested = first_env (locale_vars);

      if (requested != NULL && g_getenv ("LANGUAGE") == NULL)
        {
          g_autofree char *lang = g_strdup (requested);
          char *cut = strpbrk (lang, ".@");

          if (cut != NULL)
            *cut = '\0';
          if (strcmp (lang, "C") != 0 && strcmp (lang, "POSIX") != 0)
            g_setenv ("LANGUAGE", lang, TRUE);
        }
      if (setlocale (LC_ALL, "C.UTF-8") == NULL)
        setlocale (LC_ALL, "C");
    }

  /* gettext ignores LANGUAGE in the plain "C" locale; C.UTF-8 is always
   * available on Debian, so prefer it. */
  current = setlocale (LC_MESSAGES, NULL);
  if (current != NULL && (strcmp (current, "C") == 0 || strcmp (current, "POSIX") == 0))
    setlocale (LC_ALL, "C.UTF-8");

  /* Machine formats (printf, strtod) must never follow the user's locale. */
  setlocale (LC_NUMERIC, "C");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

CagLang
cag_i18n_get_language (void)
{
  /* Translators: do not translate literally; put your language code here
   * ("fr" for French).  Amounts and dates are formatted for this language. */
  const char *marker = C_("ui-language", "en");

  if (g_str_has_prefix (marker, "fr"))
    return CAG_LANG_FR;
  return CAG_LANG_EN;
}

void
cag_i18n_set_language (CagLang lang)
{
  g_setenv ("LANGUAGE", lang == CAG_LANG_FR ? "fr" : "en", TRUE);
  ++_nl_msg_cat_cntr;
}

const char *
cag_lang_to_code (CagLang lang)
{
  return lang == CAG_LANG_FR ? "fr" : "en";
}

gboolean
cag_lang_from_code (const char *code,
                    CagLang    *out_lang)
{
  if (code == NULL)
    return FALSE;
  if (g_ascii_strncasecmp (code, "fr", 2) == 0 && (code[2] == '\0' || code[2] == '_' || code[2] == '-'))
    {
      *out_lang = CAG_LANG_FR;
      return TRUE;
    }
  if (g_ascii_strncasecmp (code, "en", 2) == 0 && (code[2] == '\0' || code[2] == '_' || code[2] == '-'))
    {
      *out_lang = CAG_LANG_EN;
      return TRUE;
    }
  return FALSE;
}
