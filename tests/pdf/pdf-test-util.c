/* pdf-test-util.c — reading a PDF back the way a reader's machine does:
 * pdftotext, pdffonts, qpdf and word boxes.  Shared by the PDF tests.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "pdf-test-util.h"

#define PAGE_WIDTH 612.0
#define PAGE_HEIGHT 792.0

char *
run (const char *const *argv,
     int               *out_status)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  if (out_status != NULL)
    *out_status = g_spawn_check_wait_status (status, NULL) ? 0 : 1;
  return out;
}

/* The text of a PDF, with U+00A0 and U+202F and runs of white space turned
 * into one plain space. */
char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status;
  g_autofree char *raw = run (argv, &status);
  GString *out = g_string_new (NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_utf8_validate (raw, -1, NULL));
  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00A0 || c == 0x202F || g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in the PDF text:\n%s", needle, text);
}

guint
count_of (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* qpdf --check passes, every font is embedded, and no word lies outside
 * the page's margins. */
void
assert_sound_pdf (const char *path)
{
  const char *qpdf[] = { "qpdf", "--check", path, NULL };
  const char *fonts[] = { "pdffonts", path, NULL };
  const char *bbox[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int status;
  guint n_fonts = 0;
  guint n_words = 0;

  out = run (qpdf, &status);
  if (status != 0)
    g_error ("qpdf --check failed on %s:\n%s", path, out);
  g_free (out);

  out = run (fonts, &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cols = NULL;
      const char *words[64];
      guint n = 0;

      if (*lines[i] == '\0')
        continue;
      /* name type… encoding emb sub uni id gen: emb is the 5th from the end. */
      cols = g_strsplit_set (lines[i], " ", -1);
      for (guint j = 0; cols[j] != NULL && n < G_N_ELEMENTS (words); j++)
        if (*cols[j] != '\0')
          words[n++] = cols[j];
      g_assert_cmpuint (n, >=, 6);
      if (strcmp (words[n - 5], "yes") != 0)
        g_error ("font not embedded in %s: %s", path, lines[i]);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 1);
  g_clear_pointer (&lines, g_strfreev);
  g_free (out);

  out = run (bbox, &status);
  g_assert_cmpint (status, ==, 0);
  for (const char *p = strstr (out, "<word "); p != NULL; p = strstr (p + 1, "<word "))
    {
      double x_min, y_min, x_max, y_max;

      if (sscanf (p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x_min, &y_min,
                  &x_max, &y_max) != 4)
        g_error ("unexpected pdftotext -bbox output: %.80s", p);
      /* The margins are 54 pt left and right; 1 pt of slack for rounding. */
      if (x_min < 53 || x_max > PAGE_WIDTH - 53 || y_min < 10 || y_max > PAGE_HEIGHT - 10)
        g_error ("a word lies outside the margins in %s: %.160s", path, p);
      n_words++;
    }
  g_assert_cmpuint (n_words, >, 20);
}

guint
page_count (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv, NULL);
  const char *p = strstr (out, "Pages:");

  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + strlen ("Pages:"), NULL, 10);
}

/* pdftotext in reading order, lines kept (no normalisation). */
char *
pdf_raw_text (const char *path,
              gint        page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-",
                        NULL };

  return run (page > 0 ? one : all, NULL);
}

