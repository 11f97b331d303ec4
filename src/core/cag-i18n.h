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

/* Switches the whole process's translation language by setting LANGUAGE.
 * For tests only: documents use cag_i18n_push_language() instead. */
void        cag_i18n_set_language (CagLang lang);

/* Makes LANG the language of this thread only, until the matching
 * cag_i18n_pop_language (SAVED): _(), C_(), cag_ngettext() and
 * cag_i18n_get_language() then answer in LANG, from the catalogue read
 * directly (the environment and other threads are left alone).  Returns
 * what to give back to cag_i18n_pop_language().  Calls nest.  See
 * docs/DOCUMENTS.md. */
guint       cag_i18n_push_language (CagLang lang);
void        cag_i18n_pop_language  (guint saved);

/* Translation that honours the thread's language (the macros below). */
const char *cag_gettext           (const char *msgid) G_GNUC_FORMAT (1);
/* MSGCTXT_ID is "context\004msgid"; MSGID_OFFSET the length of
 * "context\004" (as for g_dpgettext). */
const char *cag_pgettext          (const char *msgctxt_id,
                                   gsize       msgid_offset) G_GNUC_FORMAT (1);
const char *cag_pgettext2         (const char *context,
                                   const char *msgid) G_GNUC_FORMAT (2);
const char *cag_ngettext          (const char *msgid,
                                   const char *msgid_plural,
                                   gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);

/* "fr" / "en" and back; FALSE on anything else. */
const char *cag_lang_to_code      (CagLang lang);
gboolean    cag_lang_from_code    (const char *code,
                                   CagLang    *out_lang);

/* Every file that includes this header translates through the functions
 * above, so that text drawn into a document follows the document's
 * language (cag_i18n_push_language), not the process's. */
#undef _
#define _(String) cag_gettext (String)
#undef C_
#define C_(Context, String) cag_pgettext (Context "\004" String, sizeof (Context))
#define g_dngettext(Domain, Msgid, Plural, N) cag_ngettext (Msgid, Plural, N)
#define g_dpgettext2(Domain, Context, Msgid) cag_pgettext2 (Context, Msgid)

G_END_DECLS
