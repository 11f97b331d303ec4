/* cag-pdf-doc.h — a thin layer over libharu shared by every document.
 *
 * It owns the libharu document, its error handler, the two embedded DejaVu
 * fonts, the page geometry, the running header and footer, and the safe
 * write to disk.  Every string drawn through it is cleaned first (see
 * cag_pdf_clean_text), so libharu never sees text it would garble.
 * Private to src/pdf/.
 */
#pragma once

#include <glib.h>
#include <hpdf.h>

#include "cag-i18n.h"

G_BEGIN_DECLS

/* US Letter, the paper used in Quebec offices. */
#define CAG_PDF_PAGE_WIDTH   612.0
#define CAG_PDF_PAGE_HEIGHT  792.0
#define CAG_PDF_MARGIN_X     54.0
#define CAG_PDF_MARGIN_TOP   50.0
#define CAG_PDF_MARGIN_BOTTOM 58.0
#define CAG_PDF_LEFT         CAG_PDF_MARGIN_X
#define CAG_PDF_RIGHT        (CAG_PDF_PAGE_WIDTH - CAG_PDF_MARGIN_X)
#define CAG_PDF_CONTENT_WIDTH (CAG_PDF_RIGHT - CAG_PDF_LEFT)

typedef struct
{
  double r, g, b;
} CagRgb;

/* The house palette. */
extern const CagRgb cag_pdf_ink;        /* body text */
extern const CagRgb cag_pdf_muted;      /* labels, secondary text */
extern const CagRgb cag_pdf_faint;      /* rules, grid */
extern const CagRgb cag_pdf_shade;      /* table header and zebra fill */
extern const CagRgb cag_pdf_primary;    /* titles, accents */
extern const CagRgb cag_pdf_good;       /* progress, complete */
extern const CagRgb cag_pdf_warn;       /* behind, late */
extern const CagRgb cag_pdf_void;       /* voided rows */

typedef enum
{
  CAG_PDF_REGULAR,
  CAG_PDF_BOLD,
} CagPdfWeight;

typedef enum
{
  CAG_PDF_ALIGN_LEFT,
  CAG_PDF_ALIGN_RIGHT,
  CAG_PDF_ALIGN_CENTER,
} CagPdfAlign;

typedef struct _CagPdfDoc CagPdfDoc;

/* Called on each new page after the first, to draw the running header; it
 * returns the y where content may start. */
typedef double (*CagPdfHeaderFunc) (CagPdfDoc *doc,
                                    gpointer   user_data);

/* Creates a document in LANG (this thread translates into LANG until the
 * document is freed: cag_i18n_push_language, never the environment), with
 * the fonts from FONTDIR (or $CAGNOTTE_FONTDIR) embedded.
 * Fails with CAG_ERROR_IO naming the missing font file. */
CagPdfDoc  *cag_pdf_doc_new           (CagLang      lang,
                                       GError     **error);
/* The document's Title and Subject (shown by viewers in the title bar). */
void        cag_pdf_doc_set_title     (CagPdfDoc  *doc,
                                       const char *title,
                                       const char *subject);
/* The document's Author: the issuing network (nullable: none). */
void        cag_pdf_doc_set_author    (CagPdfDoc  *doc,
                                       const char *author);
/* Author and Subject unless already set (the letterhead calls it, so every
 * document names its issuer). */
void        cag_pdf_doc_set_default_info (CagPdfDoc  *doc,
                                          const char *author,
                                          const char *subject);
void        cag_pdf_doc_free          (CagPdfDoc *doc);

CagLang     cag_pdf_doc_get_lang      (CagPdfDoc *doc);
HPDF_Page   cag_pdf_doc_page          (CagPdfDoc *doc);
guint       cag_pdf_doc_page_count    (CagPdfDoc *doc);

/* Sets the running footer's left text (the page number goes right). */
void        cag_pdf_doc_set_footer    (CagPdfDoc  *doc,
                                       const char *text);
void        cag_pdf_doc_set_header_func (CagPdfDoc        *doc,
                                         CagPdfHeaderFunc  func,
                                         gpointer          user_data);

/* Starts a page; returns the top y of its content area (below the running
 * header on pages after the first). */
double      cag_pdf_doc_add_page      (CagPdfDoc *doc);
/* The lowest y content may reach (above the footer). */
double      cag_pdf_doc_bottom        (CagPdfDoc *doc);

/* Text. X is the left edge, the right edge or the centre depending on ALIGN;
 * Y is the baseline.  Returns the width drawn. */
double      cag_pdf_text              (CagPdfDoc    *doc,
                                       double        x,
                                       double        y,
                                       CagPdfAlign   align,
                                       CagPdfWeight  weight,
                                       double        size,
                                       const CagRgb *color,
                                       const char   *text);
double      cag_pdf_text_width        (CagPdfDoc    *doc,
                                       CagPdfWeight  weight,
                                       double        size,
                                       const char   *text);
/* Like cag_pdf_text, shortened with "…" to fit in MAX_WIDTH. */
double      cag_pdf_text_fit          (CagPdfDoc    *doc,
                                       double        x,
                                       double        y,
                                       CagPdfAlign   align,
                                       CagPdfWeight  weight,
                                       double        size,
                                       const CagRgb *color,
                                       double        max_width,
                                       const char   *text);
/* Breaks TEXT into lines no wider than WIDTH: at spaces when possible, inside
 * a word too long for a line otherwise.  No-break spaces never break. */
GPtrArray  *cag_pdf_wrap              (CagPdfDoc    *doc,
                                       CagPdfWeight  weight,
                                       double        size,
                                       double        width,
                                       const char   *text);
/* Like cag_pdf_wrap, at most MAX_LINES lines, the last one ending in "…"
 * when text was left out: a table cell never outgrows a page. */
GPtrArray  *cag_pdf_wrap_max          (CagPdfDoc    *doc,
                                       CagPdfWeight  weight,
                                       double        size,
                                       double        width,
                                       const char   *text,
                                       guint         max_lines);
/* Draws wrapped text from baseline Y down; returns the baseline after the
 * last line. */
double      cag_pdf_paragraph         (CagPdfDoc    *doc,
                                       double        x,
                                       double        y,
                                       double        width,
                                       CagPdfWeight  weight,
                                       double        size,
                                       double        leading,
                                       const CagRgb *color,
                                       const char   *text);

/* Shapes. */
void        cag_pdf_fill_rect         (CagPdfDoc    *doc,
                                       double        x,
                                       double        y,
                                       double        w,
                                       double        h,
                                       const CagRgb *color);
void        cag_pdf_stroke_rect       (CagPdfDoc    *doc,
                                       double        x,
                                       double        y,
                                       double        w,
                                       double        h,
                                       double        line_width,
                                       const CagRgb *color);
void        cag_pdf_line              (CagPdfDoc    *doc,
                                       double        x1,
                                       double        y1,
                                       double        x2,
                                       double        y2,
                                       double        line_width,
                                       const CagRgb *color,
                                       gboolean      dashed);

/* Writes the finished document to PATH through a temporary file in the same
 * folder, renamed into place; on failure no file is left behind and ERROR
 * says why (CAG_ERROR_IO). */
gboolean    cag_pdf_doc_save          (CagPdfDoc   *doc,
                                       const char  *path,
                                       GError     **error);

/* Makes TEXT safe for libharu: valid UTF-8, control characters turned into
 * spaces, characters outside the Basic Multilingual Plane (emoji…) and
 * characters the font lacks replaced by U+FFFD.  Newly allocated. */
char       *cag_pdf_clean_text        (CagPdfDoc  *doc,
                                       const char *text);

/* Formatting helpers keyed on the document's language. */
char       *cag_pdf_money             (CagPdfDoc *doc,
                                       gint64     cents);
/* Whole dollars for chart axes: "4 500 $", "$4,500". */
char       *cag_pdf_money_short       (CagPdfDoc *doc,
                                       gint64     cents);
char       *cag_pdf_percent           (CagPdfDoc *doc,
                                       gint       tenths);

/* Safe writing alone, for callers that already hold the bytes. */
gboolean    cag_pdf_write_file_safely (const char    *path,
                                       const guint8  *data,
                                       gsize          len,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagPdfDoc, cag_pdf_doc_free)

G_END_DECLS
