/* cag-i18n.h — gettext set-up and the UI language.
 *
 * Amounts and dates follow the language gettext actually translates into, not
 * LC_MONETARY/LC_TIME: CI machines and many desktops lack generated locales.
 */
#pragma once

#include <glib.h>
#include <glib/gi18n.h>

G_BEGIN_DECLS

typedef enum
{
  CAG_LANG_EN,
  CAG_LANG_FR,
} CagLang;

/* Binds the text domain (CAGNOTTE_LOCALEDIR in the environment overrides
 * LOCALEDIR, for tests run from the build tree), calls setlocale(LC_ALL, ""),
 * and when the system lacks the requested locale falls back to C.UTF-8 while
 * keeping the language asked for in LANG/LC_ALL/LC_MESSAGES (so
 * LANG=fr_CA.UTF-8 still gives French).  LC_NUMERIC is kept at "C". */
void        cag_i18n_init         (void);

/* The language the UI is actually in (what gettext translates to). */
CagLang     cag_i18n_get_language (void);

/* Switch the translation language at run time (for --lang). */
void        cag_i18n_set_language (CagLang lang);

/* "fr" / "en" and back; FALSE on anything else. */
const char *cag_lang_to_code      (CagLang lang);
gboolean    cag_lang_from_code    (const char *code,
                                   CagLang    *out_lang);

G_END_DECLS
