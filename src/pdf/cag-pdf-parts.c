/* cag-pdf-parts.c — pieces shared by the documents: the title block, section
 * headings, progress bars and state colors.
 */
#include "config.h"

#include <glib/gi18n.h>
#include "cag-i18n.h"

#include "cag-pdf-private.h"

char *
cag_pdf_issuer_contact_line (const CagNetwork *issuer)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  if (issuer == NULL)
    return NULL;
  if (issuer->contact != NULL)
    g_ptr_array_add (parts, issuer->contact);
  if (issuer->phone != NULL)
    g_ptr_array_add (parts, issuer->phone);
  if (issuer->email != NULL)
    g_ptr_array_add (parts, issuer->email);
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

double
cag_pdf_draw_title_block (CagPdfDoc  *doc,
                          const char *network,
                          const char *title,
                          const char *subtitle,
                          const char *right_text)
{
  CagNetwork issuer = { 0 };

  issuer.name = (char *) network;
  return cag_pdf_draw_letterhead (doc, &issuer, title, subtitle, right_text);
}

double
cag_pdf_draw_letterhead (CagPdfDoc        *doc,
                         const CagNetwork *issuer,
                         const char       *title,
                         const char       *subtitle,
                         const char       *right_text)
{
  const char *network = issuer != NULL ? issuer->name : NULL;
  g_autofree char *contact = cag_pdf_issuer_contact_line (issuer);
  double y = CAG_PDF_PAGE_HEIGHT - CAG_PDF_MARGIN_TOP;
  double right_w = 0;

  cag_pdf_doc_set_default_info (doc, network, subtitle);

  /* A band of color across the top edge, like a letterhead. */
  cag_pdf_fill_rect (doc, 0, CAG_PDF_PAGE_HEIGHT - 8, CAG_PDF_PAGE_WIDTH, 8, &cag_pdf_primary);

  if (right_text != NULL)
    right_w = cag_pdf_text (doc, CAG_PDF_RIGHT, y - 8, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 9,
                            &cag_pdf_muted, right_text);
  if (network != NULL)
    cag_pdf_text_fit (doc, CAG_PDF_LEFT, y - 8, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 9,
                      &cag_pdf_primary, CAG_PDF_CONTENT_WIDTH - right_w - 24, network);
  if (contact != NULL)
    {
      /* TRANSLATORS: under the network's name at the top of a document:
       * whom to call ("Contact: Hélène Exemple · 514 555-0142 · …"). */
      g_autofree char *line = g_strdup_printf (C_("pdf", "Contact: %s"), contact);

      cag_pdf_text_fit (doc, CAG_PDF_LEFT, y - 19, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 8,
                        &cag_pdf_muted, CAG_PDF_CONTENT_WIDTH, line);
      y -= 10;
    }

  y -= 36;
  {
    g_autoptr (GPtrArray) lines = cag_pdf_wrap_max (doc, CAG_PDF_BOLD, 20, CAG_PDF_CONTENT_WIDTH,
                                                    title, 2);

    for (guint i = 0; i < lines->len; i++, y -= 24)
      cag_pdf_text (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 20, &cag_pdf_ink,
                    lines->pdata[i]);
  }
  if (subtitle != NULL)
    {
      /* Names run up to 200 characters: at most four lines. */
      g_autoptr (GPtrArray) lines = cag_pdf_wrap_max (doc, CAG_PDF_BOLD, 13,
                                                      CAG_PDF_CONTENT_WIDTH, subtitle, 4);

      y -= 2;
      for (guint i = 0; i < lines->len; i++, y -= 17)
        cag_pdf_text (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 13,
                      &cag_pdf_primary, lines->pdata[i]);
    }
  y += 6;
  cag_pdf_line (doc, CAG_PDF_LEFT, y, CAG_PDF_RIGHT, y, 1.2, &cag_pdf_primary, FALSE);
  return y - 14;
}

double
cag_pdf_draw_section (CagPdfDoc  *doc,
                      double      y,
                      const char *title)
{
  y -= 12;
  cag_pdf_text (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 11, &cag_pdf_primary,
                title);
  y -= 5;
  cag_pdf_line (doc, CAG_PDF_LEFT, y, CAG_PDF_RIGHT, y, 0.5, &cag_pdf_faint, FALSE);
  return y - 12;
}

void
cag_pdf_draw_bar (CagPdfDoc    *doc,
                  double        x,
                  double        y,
                  double        w,
                  double        h,
                  gint          fill_tenths,
                  gint          marker_tenths,
                  const CagRgb *color)
{
  gint fill = CLAMP (fill_tenths, 0, 1000);

  cag_pdf_fill_rect (doc, x, y, w, h, &cag_pdf_shade);
  cag_pdf_fill_rect (doc, x, y, w * fill / 1000.0, h, color);
  cag_pdf_stroke_rect (doc, x, y, w, h, 0.5, &cag_pdf_faint);
  if (marker_tenths >= 0)
    {
      double mx = x + w * CLAMP (marker_tenths, 0, 1000) / 1000.0;

      cag_pdf_line (doc, mx, y - 2.5, mx, y + h + 2.5, 1.2, &cag_pdf_ink, FALSE);
    }
}

void
cag_pdf_draw_key_figure (CagPdfDoc    *doc,
                         double        x,
                         double        y,
                         double        w,
                         double        value_size,
                         const char   *label,
                         const char   *value,
                         const char   *note,
                         const CagRgb *color)
{
  double h = 54;

  cag_pdf_fill_rect (doc, x, y - h, w, h, &cag_pdf_shade);
  cag_pdf_fill_rect (doc, x, y - h, 3, h, color);
  cag_pdf_text_fit (doc, x + 12, y - 15, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 8, &cag_pdf_muted,
                    w - 20, label);
  cag_pdf_text_fit (doc, x + 12, y - 35, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, value_size, color,
                    w - 20, value);
  if (note != NULL)
    cag_pdf_text_fit (doc, x + 12, y - 47, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 7.5,
                      &cag_pdf_muted, w - 20, note);
}

void
cag_pdf_draw_cell (CagPdfDoc  *doc,
                   double      x,
                   double      y,
                   double      w,
                   const char *label,
                   const char *value)
{
  cag_pdf_text_fit (doc, x, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 7.5, &cag_pdf_muted, w - 8,
                    label);
  cag_pdf_text_fit (doc, x, y - 13, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 10, &cag_pdf_ink, w - 8,
                    value);
}

double
cag_pdf_running_header (CagPdfDoc  *doc,
                        const char *left,
                        const char *right)
{
  double y = CAG_PDF_PAGE_HEIGHT - CAG_PDF_MARGIN_TOP;
  double w;

  cag_pdf_fill_rect (doc, 0, CAG_PDF_PAGE_HEIGHT - 8, CAG_PDF_PAGE_WIDTH, 8, &cag_pdf_primary);
  w = cag_pdf_text (doc, CAG_PDF_RIGHT, y - 8, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 8.5,
                    &cag_pdf_muted, right);
  cag_pdf_text_fit (doc, CAG_PDF_LEFT, y - 8, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 8.5,
                    &cag_pdf_primary, CAG_PDF_CONTENT_WIDTH - w - 20, left);
  cag_pdf_line (doc, CAG_PDF_LEFT, y - 15, CAG_PDF_RIGHT, y - 15, 0.5, &cag_pdf_faint, FALSE);
  return y - 30;
}

const CagRgb *
cag_pdf_state_color (CagFundState state)
{
  switch (state)
    {
    case CAG_FUND_COMPLETE:
    case CAG_FUND_ON_TRACK:
      return &cag_pdf_good;
    case CAG_FUND_BEHIND:
      return &cag_pdf_warn;
    case CAG_FUND_NOT_STARTED:
    default:
      return &cag_pdf_muted;
    }
}
