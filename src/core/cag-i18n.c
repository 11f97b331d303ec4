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
#include <libintl.h>
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

/* ---- The thread's own language ------------------------------------------ */

/* 0: the process's language; otherwise CagLang + 1. */
static GPrivate thread_lang;

/* A catalogue (.mo file) read once: msgid (with "context\004" when it has
 * one) → translation (plural forms separated by NUL).  Strings point into
 * the mapped file, which stays mapped for the life of the process. */
typedef struct
{
  GMappedFile *file;
  GHashTable  *strings;
} Catalog;

static guint32
mo_word (const guint8 *data,
         gsize         offset,
         gboolean      swap)
{
  guint32 w;

  memcpy (&w, data + offset, sizeof w);
  return swap ? GUINT32_SWAP_LE_BE (w) : w;
}

/* The string at table entry I of the table at TABLE, or NULL when the file
 * is malformed there. */
static const char *
mo_string (const guint8 *data,
           gsize         size,
           guint32       table,
           guint32       i,
           gboolean      swap)
{
  gsize entry = (gsize) table + (gsize) i * 8;
  guint32 len, offset;

  if (entry + 8 > size)
    return NULL;
  len = mo_word (data, entry, swap);
  offset = mo_word (data, entry + 4, swap);
  if ((gsize) offset + len >= size || data[(gsize) offset + len] != '\0')
    return NULL;
  return (const char *) data + offset;
}

static Catalog *
catalog_load (const char *lang_code)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = g_build_filename (dir != NULL ? dir : LOCALEDIR, lang_code,
                                            "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  Catalog *catalog = g_new0 (Catalog, 1);
  const guint8 *data;
  gsize size;
  gboolean swap;
  guint32 n, originals, translations;

  catalog->strings = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->file = g_mapped_file_new (path, FALSE, NULL);
  if (catalog->file == NULL)
    return catalog;   /* no catalogue: the English text stays */
  data = (const guint8 *) g_mapped_file_get_contents (catalog->file);
  size = g_mapped_file_get_length (catalog->file);
  if (size < 20)
    return catalog;
  if (mo_word (data, 0, FALSE) == 0x950412de)
    swap = FALSE;
  else if (mo_word (data, 0, TRUE) == 0x950412de)
    swap = TRUE;
  else
    return catalog;
  n = mo_word (data, 8, swap);
  originals = mo_word (data, 12, swap);
  translations = mo_word (data, 16, swap);
  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid = mo_string (data, size, originals, i, swap);
      const char *msgstr = mo_string (data, size, translations, i, swap);

      if (msgid != NULL && msgstr != NULL && *msgid != '\0' && *msgstr != '\0')
        g_hash_table_insert (catalog->strings, (gpointer) msgid, (gpointer) msgstr);
    }
  return catalog;
}

static Catalog *
french_catalog (void)
{
  static gsize done = 0;
  static Catalog *catalog = NULL;

  if (g_once_init_enter (&done))
    {
      catalog = catalog_load ("fr");
      g_once_init_leave (&done, 1);
    }
  return catalog;
}

/* The thread's language, or -1 when it follows the process. */
static gint
thread_language (void)
{
  guint value = GPOINTER_TO_UINT (g_private_get (&thread_lang));

  return value == 0 ? -1 : (gint) value - 1;
}

/* MSGID (maybe "context\004msgid") in the thread's language; NULL when the
 * thread follows the process. */
static const char *
thread_lookup (const char *key,
               const char *english)
{
  gint lang = thread_language ();
  const char *found;

  if (lang < 0)
    return NULL;
  if (lang == CAG_LANG_EN)
    return english;
  found = g_hash_table_lookup (french_catalog ()->strings, key);
  return found != NULL ? found : english;
}

guint
cag_i18n_push_language (CagLang lang)
{
  guint saved = GPOINTER_TO_UINT (g_private_get (&thread_lang));

  g_private_set (&thread_lang, GUINT_TO_POINTER ((guint) lang + 1));
  return saved;
}

void
cag_i18n_pop_language (guint saved)
{
  g_private_set (&thread_lang, GUINT_TO_POINTER (saved));
}

const char *
cag_gettext (const char *msgid)
{
  const char *own = thread_lookup (msgid, msgid);

  return own != NULL ? own : dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
cag_pgettext (const char *msgctxt_id,
              gsize       msgid_offset)
{
  const char *own = thread_lookup (msgctxt_id, msgctxt_id + msgid_offset);

  if (own != NULL)
    return own;
  /* As g_dpgettext (NULL, …) does: libintl directly (GLib's own checks
   * would leave an English process untranslated for good). */
  own = dgettext (GETTEXT_PACKAGE, msgctxt_id);
  return own == msgctxt_id ? msgctxt_id + msgid_offset : own;
}

const char *
cag_pgettext2 (const char *context,
               const char *msgid)
{
  g_autofree char *key = NULL;
  const char *own;

  key = g_strconcat (context, "\004", msgid, NULL);
  own = thread_lookup (key, msgid);
  if (own == NULL)
    own = dgettext (GETTEXT_PACKAGE, key);
  return own == key ? msgid : own;
}

const char *
cag_ngettext (const char *msgid,
              const char *msgid_plural,
              gulong      n)
{
  gint lang = thread_language ();
  const char *forms;

  if (lang < 0)
    return dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if (lang == CAG_LANG_EN)
    return n == 1 ? msgid : msgid_plural;
  forms = g_hash_table_lookup (french_catalog ()->strings, msgid);
  if (forms == NULL)
    return n == 1 ? msgid : msgid_plural;
  /* French: plural=(n > 1), the second form after the first's NUL. */
  return n > 1 ? forms + strlen (forms) + 1 : forms;
}

CagLang
cag_i18n_get_language (void)
{
  const char *marker;

  if (thread_language () >= 0)
    return (CagLang) thread_language ();
  /* Translators: do not translate literally; put your language code here
   * ("fr" for French).  Amounts and dates are formatted for this language. */
  marker = C_("ui-language", "en");

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
