/* cag-pdf-doc.c — libharu set up the way docs/GUI.md §1 says it works:
 * UTF-8 through embedded TrueType fonts, the first error recorded by the
 * handler, text cleaned before libharu sees it, our own line breaking, and the
 * finished document handed to cag_pdf_write_file_safely() (cag-pdf-save.c).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "cag-pdf-doc.h"
#include "cag-error.h"
#include "cag-money.h"
#include "cag-date.h"

const CagRgb cag_pdf_ink = { 0.13, 0.15, 0.18 };
const CagRgb cag_pdf_muted = { 0.42, 0.45, 0.50 };
const CagRgb cag_pdf_faint = { 0.80, 0.82, 0.85 };
const CagRgb cag_pdf_shade = { 0.94, 0.95, 0.96 };
const CagRgb cag_pdf_primary = { 0.07, 0.33, 0.43 };
const CagRgb cag_pdf_good = { 0.16, 0.55, 0.36 };
const CagRgb cag_pdf_warn = { 0.80, 0.36, 0.09 };
const CagRgb cag_pdf_void = { 0.62, 0.64, 0.67 };

#define REPLACEMENT_CHAR 0xFFFD

struct _CagPdfDoc
{
  HPDF_Doc          pdf;
  HPDF_STATUS       error_no;     /* the first libharu error, 0 when none */
  HPDF_STATUS       detail_no;
  CagLang           lang;
  guint             saved_lang;   /* from cag_i18n_push_language */
  HPDF_Font         fonts[2];
  HPDF_FontDef      fontdefs[2];
  gunichar          replacement;  /* U+FFFD, or '?' when the font lacks it */
  guint8           *glyph_known;  /* bitmaps over the BMP: checked, present */
  guint8           *glyph_present;
  HPDF_Page         page;
  GPtrArray        *pages;        /* HPDF_Page, not owned */
  char             *footer;
  CagPdfHeaderFunc  header_func;
  gpointer          header_data;
  gboolean          has_author;
  gboolean          has_subject;
};

static void
hpdf_error_cb (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  CagPdfDoc *doc = user_data;

  /* libharu errors are sticky: every later call fails with 0x1025 and calls
   * us again.  Only the first one says what went wrong. */
  if (doc->error_no == 0)
    {
      doc->error_no = error_no;
      doc->detail_no = detail_no;
    }
}

static const char *
font_dir (void)
{
  const char *dir = g_getenv ("CAGNOTTE_FONTDIR");

  return dir != NULL && *dir != '\0' ? dir : FONTDIR;
}

static gboolean
load_font (CagPdfDoc    *doc,
           CagPdfWeight  weight,
           const char   *file,
           GError      **error)
{
  g_autofree char *path = g_build_filename (font_dir (), file, NULL);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   C_("pdf",
                      "The font file “%s” is missing; install the fonts-dejavu-core package."),
                   path);
      return FALSE;
    }

  name = HPDF_LoadTTFontFromFile (doc->pdf, path, HPDF_TRUE);
  if (name != NULL)
    {
      doc->fonts[weight] = HPDF_GetFont (doc->pdf, name, "UTF-8");
      doc->fontdefs[weight] = HPDF_GetFontDef (doc->pdf, name);
    }
  if (name == NULL || doc->fonts[weight] == NULL || doc->fontdefs[weight] == NULL)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   C_("pdf", "The font file “%s” could not be read (PDF library error 0x%04X)."),
                   path, (guint) doc->error_no);
      return FALSE;
    }
  return TRUE;
}

/* libharu 2.3.0 writes, as the font's ToUnicode map, a copy of its UTF-8
 * encoding CMap ("begincidrange <0000> <FFFF> 0"): not a valid ToUnicode
 * map, so poppler warns and other readers copy wrong characters.  With
 * that encoding a character's code in the content stream is its UTF-16 code
 * unit (we only pass the Basic Multilingual Plane, cag_pdf_clean_text), so
 * the right map is the identity over 0000–FFFF: 256 ranges (a range may
 * only vary in its last byte), at most 100 per block.  We rewrite the
 * font's own stream, so the file holds no stale copy.  See docs/PDF.md. */
static gboolean
write_identity_to_unicode (CagPdfDoc    *doc,
                           CagPdfWeight  weight)
{
  HPDF_Dict map = HPDF_Dict_GetItem (doc->fonts[weight], "ToUnicode", HPDF_OCLASS_DICT);
  g_autoptr (GString) text = NULL;

  if (map == NULL || map->stream == NULL)
    return FALSE;
  text = g_string_new ("/CIDInit /ProcSet findresource begin\n"
                       "12 dict begin\n"
                       "begincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def\n"
                       "/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  for (guint block = 0; block < 256; block += 100)
    {
      guint n = MIN (100, 256 - block);

      g_string_append_printf (text, "%u beginbfrange\n", n);
      for (guint hi = block; hi < block + n; hi++)
        g_string_append_printf (text, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
      g_string_append (text, "endbfrange\n");
    }
  g_string_append (text, "endcmap\n"
                         "CMapName currentdict /CMap defineresource pop\n"
                         "end\n"
                         "end\n");
  HPDF_MemStream_FreeData (map->stream);
  if (HPDF_Stream_Write (map->stream, (const HPDF_BYTE *) text->str, (HPDF_UINT) text->len)
      != HPDF_OK)
    return FALSE;
  map->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return TRUE;
}

static gboolean
font_has_glyph (CagPdfDoc *doc,
                gunichar   c)
{
  guint byte = c >> 3;
  guint8 bit = 1u << (c & 7);

  if (c > 0xFFFF)
    return FALSE;
  if ((doc->glyph_known[byte] & bit) == 0)
    {
      gboolean present = c == ' '
        || (HPDF_TTFontDef_GetGlyphid (doc->fontdefs[CAG_PDF_REGULAR], (HPDF_UINT16) c) != 0
            && HPDF_TTFontDef_GetGlyphid (doc->fontdefs[CAG_PDF_BOLD], (HPDF_UINT16) c) != 0);

      doc->glyph_known[byte] |= bit;
      if (present)
        doc->glyph_present[byte] |= bit;
    }
  return (doc->glyph_present[byte] & bit) != 0;
}

/* The document's language in the catalog (/Lang, PDF 1.4 §10.8.1), for
 * screen readers and for viewers choosing hyphenation.  libharu has no call
 * for it: the catalog is a plain dictionary of the document. */
static void
set_catalog_lang (CagPdfDoc *doc)
{
  const char *tag = doc->lang == CAG_LANG_FR ? "fr-CA" : "en-CA";
  HPDF_String value = HPDF_String_New (doc->pdf->mmgr, tag, NULL);

  if (value != NULL && doc->pdf->catalog != NULL)
    HPDF_Dict_Add (doc->pdf->catalog, "Lang", value);
}

CagPdfDoc *
cag_pdf_doc_new (CagLang      lang,
                 GError     **error)
{
  g_autoptr (CagPdfDoc) doc = g_new0 (CagPdfDoc, 1);

  doc->lang = lang;
  /* This thread speaks the document's language until the document is
   * freed; the environment and the window's language stay as they are. */
  doc->saved_lang = cag_i18n_push_language (lang);
  doc->pages = g_ptr_array_new ();
  doc->glyph_known = g_malloc0 (0x10000 / 8);
  doc->glyph_present = g_malloc0 (0x10000 / 8);

  doc->pdf = HPDF_New (hpdf_error_cb, doc);
  if (doc->pdf == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_FAILED,
                           C_("pdf", "The PDF library could not start (out of memory)."));
      return NULL;
    }
  HPDF_SetCompressionMode (doc->pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (doc->pdf);
  HPDF_SetCurrentEncoder (doc->pdf, "UTF-8");

  if (!load_font (doc, CAG_PDF_REGULAR, "DejaVuSans.ttf", error)
      || !load_font (doc, CAG_PDF_BOLD, "DejaVuSans-Bold.ttf", error))
    return NULL;
  if (!write_identity_to_unicode (doc, CAG_PDF_REGULAR)
      || !write_identity_to_unicode (doc, CAG_PDF_BOLD))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_FAILED,
                           C_("pdf", "The PDF library could not prepare the fonts' text map "
                                     "(out of memory?)."));
      return NULL;
    }

  doc->replacement = font_has_glyph (doc, REPLACEMENT_CHAR) ? REPLACEMENT_CHAR : '?';

  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    gint offset = (gint) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_MINUTE);
    HPDF_Date date = { 0 };

    date.year = g_date_time_get_year (now);
    date.month = g_date_time_get_month (now);
    date.day = g_date_time_get_day_of_month (now);
    date.hour = g_date_time_get_hour (now);
    date.minutes = g_date_time_get_minute (now);
    date.seconds = g_date_time_get_second (now);
    date.ind = offset > 0 ? '+' : offset < 0 ? '-' : 'Z';
    date.off_hour = ABS (offset) / 60;
    date.off_minutes = ABS (offset) % 60;
    HPDF_SetInfoDateAttr (doc->pdf, HPDF_INFO_CREATION_DATE, date);
  }
  HPDF_SetInfoAttr (doc->pdf, HPDF_INFO_CREATOR, "Cagnotte " PACKAGE_VERSION);
  set_catalog_lang (doc);
  HPDF_SetInfoAttr (doc->pdf, HPDF_INFO_PRODUCER, "Cagnotte " PACKAGE_VERSION " (libharu)");

  return g_steal_pointer (&doc);
}

void
cag_pdf_doc_set_title (CagPdfDoc  *doc,
                       const char *title,
                       const char *subject)
{
  if (title != NULL)
    {
      g_autofree char *clean = cag_pdf_clean_text (doc, title);
      HPDF_SetInfoAttr (doc->pdf, HPDF_INFO_TITLE, clean);
    }
  if (subject != NULL)
    {
      g_autofree char *clean = cag_pdf_clean_text (doc, subject);
      HPDF_SetInfoAttr (doc->pdf, HPDF_INFO_SUBJECT, clean);
      doc->has_subject = TRUE;
    }
}

void
cag_pdf_doc_set_author (CagPdfDoc  *doc,
                        const char *author)
{
  if (author != NULL && *author != '\0')
    {
      g_autofree char *clean = cag_pdf_clean_text (doc, author);
      HPDF_SetInfoAttr (doc->pdf, HPDF_INFO_AUTHOR, clean);
      doc->has_author = TRUE;
    }
}

void
cag_pdf_doc_set_default_info (CagPdfDoc  *doc,
                              const char *author,
                              const char *subject)
{
  if (!doc->has_author)
    cag_pdf_doc_set_author (doc, author);
  if (!doc->has_subject && subject != NULL && *subject != '\0')
    cag_pdf_doc_set_title (doc, NULL, subject);
}

void
cag_pdf_doc_free (CagPdfDoc *doc)
{
  if (doc == NULL)
    return;
  if (doc->pdf != NULL)
    HPDF_Free (doc->pdf);
  cag_i18n_pop_language (doc->saved_lang);
  g_ptr_array_unref (doc->pages);
  g_free (doc->glyph_known);
  g_free (doc->glyph_present);
  g_free (doc->footer);
  g_free (doc);
}

CagLang
cag_pdf_doc_get_lang (CagPdfDoc *doc)
{
  return doc->lang;
}

HPDF_Page
cag_pdf_doc_page (CagPdfDoc *doc)
{
  return doc->page;
}

guint
cag_pdf_doc_page_count (CagPdfDoc *doc)
{
  return doc->pages->len;
}

void
cag_pdf_doc_set_footer (CagPdfDoc  *doc,
                        const char *text)
{
  g_free (doc->footer);
  doc->footer = g_strdup (text);
}

void
cag_pdf_doc_set_header_func (CagPdfDoc        *doc,
                             CagPdfHeaderFunc  func,
                             gpointer          user_data)
{
  doc->header_func = func;
  doc->header_data = user_data;
}

double
cag_pdf_doc_add_page (CagPdfDoc *doc)
{
  doc->page = HPDF_AddPage (doc->pdf);
  if (doc->page == NULL)
    return CAG_PDF_PAGE_HEIGHT - CAG_PDF_MARGIN_TOP;
  HPDF_Page_SetSize (doc->page, HPDF_PAGE_SIZE_LETTER, HPDF_PAGE_PORTRAIT);
  g_ptr_array_add (doc->pages, doc->page);

  if (doc->pages->len > 1 && doc->header_func != NULL)
    return doc->header_func (doc, doc->header_data);
  return CAG_PDF_PAGE_HEIGHT - CAG_PDF_MARGIN_TOP;
}

double
cag_pdf_doc_bottom (CagPdfDoc *doc)
{
  return CAG_PDF_MARGIN_BOTTOM;
}

/* ---- Text --------------------------------------------------------------- */

char *
cag_pdf_clean_text (CagPdfDoc  *doc,
                    const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean replaced = FALSE;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
        c = ' ';
      if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        continue;
      /* Invisible characters: zero-width joiners and spaces, variation
       * selectors that follow emoji, the byte order mark, soft hyphens. */
      if (g_unichar_type (c) == G_UNICODE_FORMAT || (c >= 0xFE00 && c <= 0xFE0F))
        continue;
      if (c > 0xFFFF || !font_has_glyph (doc, c))
        {
          /* One mark for a run of undrawable characters (an emoji with a skin
           * tone is two code points). */
          if (!replaced)
            g_string_append_unichar (out, doc->replacement);
          replaced = TRUE;
          continue;
        }
      replaced = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static double
width_of (CagPdfDoc    *doc,
          CagPdfWeight  weight,
          double        size,
          const char   *clean,
          gsize         len)
{
  HPDF_TextWidth tw;

  if (len == 0)
    return 0.0;
  tw = HPDF_Font_TextWidth (doc->fonts[weight], (const HPDF_BYTE *) clean, (HPDF_UINT) len);
  return tw.width * size / 1000.0;
}

double
cag_pdf_text_width (CagPdfDoc    *doc,
                    CagPdfWeight  weight,
                    double        size,
                    const char   *text)
{
  g_autofree char *clean = cag_pdf_clean_text (doc, text);

  return width_of (doc, weight, size, clean, strlen (clean));
}

static double
draw_clean (CagPdfDoc    *doc,
            double        x,
            double        y,
            CagPdfAlign   align,
            CagPdfWeight  weight,
            double        size,
            const CagRgb *color,
            const char   *clean)
{
  double w = width_of (doc, weight, size, clean, strlen (clean));

  if (*clean == '\0' || doc->page == NULL)
    return w;
  if (align == CAG_PDF_ALIGN_RIGHT)
    x -= w;
  else if (align == CAG_PDF_ALIGN_CENTER)
    x -= w / 2.0;

  HPDF_Page_BeginText (doc->page);
  HPDF_Page_SetFontAndSize (doc->page, doc->fonts[weight], (HPDF_REAL) size);
  HPDF_Page_SetRGBFill (doc->page, (HPDF_REAL) color->r, (HPDF_REAL) color->g,
                        (HPDF_REAL) color->b);
  HPDF_Page_TextOut (doc->page, (HPDF_REAL) x, (HPDF_REAL) y, clean);
  HPDF_Page_EndText (doc->page);
  return w;
}

double
cag_pdf_text (CagPdfDoc    *doc,
              double        x,
              double        y,
              CagPdfAlign   align,
              CagPdfWeight  weight,
              double        size,
              const CagRgb *color,
              const char   *text)
{
  g_autofree char *clean = cag_pdf_clean_text (doc, text);

  return draw_clean (doc, x, y, align, weight, size, color, clean);
}

/* The first LEN bytes of CLEAN followed by "…", shortened to fit WIDTH:
 * whole words dropped from the end while at least one word stays, so no
 * word is cut; characters only when even the first word is too long. */
static GString *
ellipsize (CagPdfDoc    *doc,
           CagPdfWeight  weight,
           double        size,
           double        width,
           const char   *clean,
           gsize         len)
{
  GString *s = g_string_new_len (clean, (gssize) len);

  for (;;)
    {
      const char *space;

      /* No dangling space or dash before the ellipsis. */
      while (s->len > 0 && strchr (" ,;:", s->str[s->len - 1]) != NULL)
        g_string_truncate (s, s->len - 1);
      if (g_str_has_suffix (s->str, " —"))
        g_string_truncate (s, s->len - strlen (" —"));
      g_string_append (s, "…");
      if (width_of (doc, weight, size, s->str, s->len) <= width)
        return s;
      g_string_truncate (s, s->len - strlen ("…"));
      space = strrchr (s->str, ' ');
      if (space == NULL || space == s->str)
        break;
      g_string_truncate (s, (gsize) (space - s->str));
    }

  /* One word longer than the width: drop characters from its end. */
  while (s->len > 0)
    {
      const char *end = g_utf8_find_prev_char (s->str, s->str + s->len);

      g_string_truncate (s, end != NULL ? (gsize) (end - s->str) : 0);
      g_string_append (s, "…");
      if (s->len == strlen ("…") || width_of (doc, weight, size, s->str, s->len) <= width)
        return s;
      g_string_truncate (s, s->len - strlen ("…"));
    }
  g_string_append (s, "…");
  return s;
}

double
cag_pdf_text_fit (CagPdfDoc    *doc,
                  double        x,
                  double        y,
                  CagPdfAlign   align,
                  CagPdfWeight  weight,
                  double        size,
                  const CagRgb *color,
                  double        max_width,
                  const char   *text)
{
  g_autofree char *clean = cag_pdf_clean_text (doc, text);
  gsize len = strlen (clean);
  GString *shortened;
  double w;

  if (width_of (doc, weight, size, clean, len) <= max_width)
    return draw_clean (doc, x, y, align, weight, size, color, clean);

  shortened = ellipsize (doc, weight, size, max_width, clean, len);
  w = draw_clean (doc, x, y, align, weight, size, color, shortened->str);
  g_string_free (shortened, TRUE);
  return w;
}

/* The byte offset just after the last hyphen, slash, underscore, period,
 * colon or comma inside PIECE (a natural place to break a reference such as
 * "DEP-2004-06/4412"), or 0 when there is none. */
static gsize
last_break_in (const GString *piece)
{
  for (gsize i = piece->len; i > 1; i--)
    if (strchr ("-/_.:,", piece->str[i - 1]) != NULL)
      return i;
  return 0;
}

/* Appends WORD (not fitting on a line by itself) to LINES in pieces that
 * each fit in WIDTH, broken after punctuation inside the word when it has
 * some, between letters otherwise; returns the last, partial piece. */
static GString *
break_word (CagPdfDoc    *doc,
            CagPdfWeight  weight,
            double        size,
            double        width,
            const char   *word,
            GPtrArray    *lines)
{
  GString *piece = g_string_new (NULL);

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      gsize before = piece->len;

      g_string_append_len (piece, p, next - p);
      if (before > 0 && width_of (doc, weight, size, piece->str, piece->len) > width)
        {
          gsize cut = last_break_in (piece);
          GString *rest;

          if (cut == 0 || cut >= piece->len)
            cut = before;
          rest = g_string_new (piece->str + cut);
          g_string_truncate (piece, cut);
          g_ptr_array_add (lines, g_string_free (piece, FALSE));
          piece = rest;
        }
    }
  return piece;
}

GPtrArray *
cag_pdf_wrap (CagPdfDoc    *doc,
              CagPdfWeight  weight,
              double        size,
              double        width,
              const char   *text)
{
  g_autofree char *clean = cag_pdf_clean_text (doc, text);
  g_auto (GStrv) words = g_strsplit (clean, " ", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (*word == '\0')
        continue;
      if (line->len > 0)
        {
          gsize before = line->len;

          g_string_append_c (line, ' ');
          g_string_append (line, word);
          if (width_of (doc, weight, size, line->str, line->len) <= width)
            continue;
          g_string_truncate (line, before);
          g_ptr_array_add (lines, g_string_free (line, FALSE));
          line = g_string_new (NULL);
        }
      if (width_of (doc, weight, size, word, strlen (word)) <= width)
        g_string_append (line, word);
      else
        {
          g_string_free (line, TRUE);
          line = break_word (doc, weight, size, width, word, lines);
        }
    }
  if (line->len > 0 || lines->len == 0)
    g_ptr_array_add (lines, g_string_free (line, FALSE));
  else
    g_string_free (line, TRUE);
  return lines;
}

GPtrArray *
cag_pdf_wrap_max (CagPdfDoc    *doc,
                  CagPdfWeight  weight,
                  double        size,
                  double        width,
                  const char   *text,
                  guint         max_lines)
{
  GPtrArray *lines = cag_pdf_wrap (doc, weight, size, width, text);
  GString *last;

  if (max_lines == 0 || lines->len <= max_lines)
    return lines;
  g_ptr_array_set_size (lines, max_lines);
  /* The last line ends at a word, so the ellipsis follows a whole word. */
  last = ellipsize (doc, weight, size, width, lines->pdata[max_lines - 1],
                    strlen (lines->pdata[max_lines - 1]));
  g_free (lines->pdata[max_lines - 1]);
  lines->pdata[max_lines - 1] = g_string_free (last, FALSE);
  return lines;
}

double
cag_pdf_paragraph (CagPdfDoc    *doc,
                   double        x,
                   double        y,
                   double        width,
                   CagPdfWeight  weight,
                   double        size,
                   double        leading,
                   const CagRgb *color,
                   const char   *text)
{
  g_autoptr (GPtrArray) lines = cag_pdf_wrap (doc, weight, size, width, text);

  for (guint i = 0; i < lines->len; i++)
    {
      /* Already clean: draw it as it is. */
      draw_clean (doc, x, y, CAG_PDF_ALIGN_LEFT, weight, size, color, lines->pdata[i]);
      y -= leading;
    }
  return y;
}

/* ---- Shapes ------------------------------------------------------------- */

void
cag_pdf_fill_rect (CagPdfDoc    *doc,
                   double        x,
                   double        y,
                   double        w,
                   double        h,
                   const CagRgb *color)
{
  if (doc->page == NULL || w <= 0 || h <= 0)
    return;
  HPDF_Page_SetRGBFill (doc->page, (HPDF_REAL) color->r, (HPDF_REAL) color->g,
                        (HPDF_REAL) color->b);
  HPDF_Page_Rectangle (doc->page, (HPDF_REAL) x, (HPDF_REAL) y, (HPDF_REAL) w, (HPDF_REAL) h);
  HPDF_Page_Fill (doc->page);
}

void
cag_pdf_stroke_rect (CagPdfDoc    *doc,
                     double        x,
                     double        y,
                     double        w,
                     double        h,
                     double        line_width,
                     const CagRgb *color)
{
  if (doc->page == NULL)
    return;
  HPDF_Page_SetLineWidth (doc->page, (HPDF_REAL) line_width);
  HPDF_Page_SetRGBStroke (doc->page, (HPDF_REAL) color->r, (HPDF_REAL) color->g,
                          (HPDF_REAL) color->b);
  HPDF_Page_Rectangle (doc->page, (HPDF_REAL) x, (HPDF_REAL) y, (HPDF_REAL) w, (HPDF_REAL) h);
  HPDF_Page_Stroke (doc->page);
}

void
cag_pdf_line (CagPdfDoc    *doc,
              double        x1,
              double        y1,
              double        x2,
              double        y2,
              double        line_width,
              const CagRgb *color,
              gboolean      dashed)
{
  static const HPDF_UINT16 dash[] = { 3, 2 };

  if (doc->page == NULL)
    return;
  HPDF_Page_SetLineWidth (doc->page, (HPDF_REAL) line_width);
  HPDF_Page_SetRGBStroke (doc->page, (HPDF_REAL) color->r, (HPDF_REAL) color->g,
                          (HPDF_REAL) color->b);
  if (dashed)
    HPDF_Page_SetDash (doc->page, dash, 2, 0);
  HPDF_Page_MoveTo (doc->page, (HPDF_REAL) x1, (HPDF_REAL) y1);
  HPDF_Page_LineTo (doc->page, (HPDF_REAL) x2, (HPDF_REAL) y2);
  HPDF_Page_Stroke (doc->page);
  if (dashed)
    HPDF_Page_SetDash (doc->page, NULL, 0, 0);
}

/* ---- Formatting --------------------------------------------------------- */

char *
cag_pdf_money (CagPdfDoc *doc,
               gint64     cents)
{
  return cag_money_format (cents, doc->lang);
}

char *
cag_pdf_money_short (CagPdfDoc *doc,
                     gint64     cents)
{
  char *text = cag_money_format (cag_div_floor (cents, 100) * 100, doc->lang);
  char mark = doc->lang == CAG_LANG_FR ? ',' : '.';
  char *decimals = strrchr (text, mark);

  /* "4 500,00 $" → "4 500 $", "$4,500.00" → "$4,500". */
  if (decimals != NULL && decimals[1] == '0' && decimals[2] == '0')
    memmove (decimals, decimals + 3, strlen (decimals + 3) + 1);
  return text;
}

char *
cag_pdf_percent (CagPdfDoc *doc,
                 gint       tenths)
{
  if (doc->lang == CAG_LANG_FR)
    return g_strdup_printf ("%d,%d\u202F%%", tenths / 10, tenths % 10);
  return g_strdup_printf ("%d.%d%%", tenths / 10, tenths % 10);
}

/* ---- Saving ------------------------------------------------------------- */

static void
draw_footers (CagPdfDoc *doc)
{
  g_autofree char *today = NULL;
  CagDate now = cag_date_today ();
  HPDF_Page current = doc->page;

  today = cag_date_format (&now, doc->lang);
  for (guint i = 0; i < doc->pages->len; i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *left = NULL;
      double y = CAG_PDF_MARGIN_BOTTOM - 26;

      doc->page = doc->pages->pdata[i];
      /* TRANSLATORS: page numbering at the bottom right of a PDF page. */
      number = g_strdup_printf (C_("pdf", "Page %u of %u"), i + 1, doc->pages->len);
      /* TRANSLATORS: bottom left of every PDF page; %s is today's date. */
      left = g_strdup_printf (C_("pdf", "Generated by Cagnotte on %s"), today);
      cag_pdf_line (doc, CAG_PDF_LEFT, y + 12, CAG_PDF_RIGHT, y + 12, 0.5, &cag_pdf_faint, FALSE);
      if (doc->footer != NULL)
        {
          double w = cag_pdf_text (doc, CAG_PDF_RIGHT, y, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 7.5,
                                   &cag_pdf_muted, number);
          cag_pdf_text_fit (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 7.5,
                            &cag_pdf_muted, CAG_PDF_CONTENT_WIDTH - w - 20, doc->footer);
          cag_pdf_text (doc, CAG_PDF_LEFT, y - 10, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 7.5,
                        &cag_pdf_muted, left);
        }
      else
        {
          cag_pdf_text (doc, CAG_PDF_RIGHT, y, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 7.5,
                        &cag_pdf_muted, number);
          cag_pdf_text (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 7.5,
                        &cag_pdf_muted, left);
        }
    }
  doc->page = current;
}

static gboolean
set_library_error (CagPdfDoc  *doc,
                   GError    **error)
{
  if (doc->error_no == HPDF_FAILD_TO_ALLOC_MEM)
    g_set_error_literal (error, CAG_ERROR, CAG_ERROR_FAILED,
                         C_("pdf", "The PDF could not be made: out of memory."));
  else
    g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED,
                 C_("pdf", "The PDF could not be made (PDF library error 0x%04X, detail %u)."),
                 (guint) doc->error_no, (guint) doc->detail_no);
  return FALSE;
}

gboolean
cag_pdf_doc_save (CagPdfDoc   *doc,
                  const char  *path,
                  GError     **error)
{
  g_autofree guint8 *bytes = NULL;
  HPDF_UINT32 size;
  HPDF_UINT32 got = 0;

  if (doc->pages->len == 0)
    cag_pdf_doc_add_page (doc);
  draw_footers (doc);

  if (doc->error_no != 0)
    return set_library_error (doc, error);
  if (HPDF_SaveToStream (doc->pdf) != HPDF_OK || doc->error_no != 0)
    return set_library_error (doc, error);

  size = HPDF_GetStreamSize (doc->pdf);
  bytes = g_malloc (size > 0 ? size : 1);
  while (got < size)
    {
      HPDF_UINT32 chunk = size - got;
      HPDF_STATUS status = HPDF_ReadFromStream (doc->pdf, bytes + got, &chunk);

      got += chunk;
      if (status == HPDF_STREAM_EOF || chunk == 0)
        break;
      if (status != HPDF_OK)
        return set_library_error (doc, error);
    }
  if (got != size || size == 0)
    return set_library_error (doc, error);

  return cag_pdf_write_file_safely (path, bytes, size, error);
}
