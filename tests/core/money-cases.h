/* money-cases.h — reads tests/core/money-cases.txt, the one table of amounts
 * as typed and what they must give, shared by test-money.c and test-cli.c. */
#pragma once

#include <string.h>
#include <glib.h>

typedef struct
{
  char     *lang;        /* "fr", "en" or "*" */
  char     *text;        /* escapes replaced */
  gboolean  refused;
  gint64    cents;       /* when accepted */
  char     *reason_en;   /* words of the English message, or NULL */
  char     *reason_fr;   /* words of the French message, or NULL */
  guint     line;
} MoneyCase;

static inline void
money_case_free (MoneyCase *c)
{
  g_free (c->lang);
  g_free (c->text);
  g_free (c->reason_en);
  g_free (c->reason_fr);
  g_free (c);
}

static inline char *
money_case_unescape (const char *text)
{
  static const char *const escapes[][2] = {
    { "{sp}", " " }, { "{nbsp}", "\u00a0" }, { "{nnbsp}", "\u202f" }, { "{tab}", "\t" },
  };
  GString *out = g_string_new (text);

  for (gsize i = 0; i < G_N_ELEMENTS (escapes); i++)
    g_string_replace (out, escapes[i][0], escapes[i][1], 0);
  return g_string_free (out, FALSE);
}

/* Every case of the file at PATH, in order; aborts the test on a bad line. */
static inline GPtrArray *
money_cases_load (const char *path)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) money_case_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      MoneyCase *c;
      guint n;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (cols);
      if (n < 3 || n > 5)
        g_error ("%s:%u: expected 3 to 5 columns, found %u", path, i + 1, n);
      c = g_new0 (MoneyCase, 1);
      c->line = i + 1;
      c->lang = g_strdup (cols[0]);
      c->text = money_case_unescape (cols[1]);
      c->refused = g_str_equal (cols[2], "refused");
      if (!c->refused
          && !g_ascii_string_to_signed (cols[2], 10, 0, G_MAXINT64, &c->cents, NULL))
        g_error ("%s:%u: “%s” is neither cents nor “refused”", path, i + 1, cols[2]);
      if (!g_str_equal (c->lang, "*") && !g_str_equal (c->lang, "fr")
          && !g_str_equal (c->lang, "en"))
        g_error ("%s:%u: unknown language “%s”", path, i + 1, c->lang);
      if (n > 3)
        c->reason_en = g_strdup (cols[3]);
      if (n > 4)
        c->reason_fr = g_strdup (cols[4]);
      g_ptr_array_add (cases, c);
    }
  return g_steal_pointer (&cases);
}

/* Whether case C is to be read in LANG ("fr" or "en"). */
static inline gboolean
money_case_applies (const MoneyCase *c,
                    const char      *lang)
{
  return g_str_equal (c->lang, "*") || g_str_equal (c->lang, lang);
}
