/* cag-pdf-proforma-funder.c — the balanced budget a funder reads (revenues
 * equal to expenses, to the cent), and the parts of the funder copy: the
 * applicant block, the terms of the one funder it is addressed to, the
 * signature block, the DRAFT mark and a running header that never cuts a
 * name.  docs/BUDGETS.md, "The balanced pro-forma" and "Funder copy and
 * working copy".
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-pdf-proforma-private.h"
#include "cag-money.h"

#define PAD     CAG_PF_CELL_PAD
#define SIZE    CAG_PF_TABLE_SIZE
#define LEADING CAG_PF_TABLE_LEADING
#define LINE_W  138.0

static const CagRgb tint_focus = { 0.99, 0.95, 0.84 };
static const CagRgb tint_group = { 0.91, 0.94, 0.97 };

/* ---- Page furniture ----------------------------------------------------- */

gboolean
cag_pf_is_draft (const CagPfData *data)
{
  return data->budget->status == CAG_BUDGET_DRAFT;
}

/* A stamp at the top of the page, above the title or running header. */
void
cag_pf_draw_draft_mark (CagPdfDoc *doc)
{
  /* TRANSLATORS: stamped at the top of every page of a pro-forma made from
   * a version that was not submitted. */
  const char *text = C_("pdf", "DRAFT — not submitted");
  double w = cag_pdf_text_width (doc, CAG_PDF_BOLD, 10, text) + 16;
  double x = (CAG_PDF_PAGE_WIDTH - w) / 2;
  double y = CAG_PDF_PAGE_HEIGHT - 30;

  cag_pdf_stroke_rect (doc, x, y - 4, w, 16, 1.2, &cag_pdf_warn);
  cag_pdf_text (doc, CAG_PDF_PAGE_WIDTH / 2, y + 1, CAG_PDF_ALIGN_CENTER, CAG_PDF_BOLD, 10,
                &cag_pdf_warn, text);
}

/* Like cag_pdf_running_header, but the left text wraps instead of being
 * cut: it holds the funder's name. */
double
cag_pf_running_header_cb (CagPdfDoc *doc,
                          gpointer   user_data)
{
  CagPfHeader *h = user_data;
  double y = CAG_PDF_PAGE_HEIGHT - CAG_PDF_MARGIN_TOP;
  double w;
  g_autoptr (GPtrArray) lines = NULL;

  cag_pdf_fill_rect (doc, 0, CAG_PDF_PAGE_HEIGHT - 8, CAG_PDF_PAGE_WIDTH, 8, &cag_pdf_primary);
  if (cag_pf_is_draft (h->data))
    cag_pf_draw_draft_mark (doc);
  w = cag_pdf_text (doc, CAG_PDF_RIGHT, y - 8, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 8.5,
                    &cag_pdf_muted, h->right);
  lines = cag_pdf_wrap (doc, CAG_PDF_BOLD, 8.5, CAG_PDF_CONTENT_WIDTH - w - 20, h->left);
  for (guint i = 0; i < lines->len; i++)
    cag_pdf_text (doc, CAG_PDF_LEFT, y - 8 - i * 10.5, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 8.5,
                  &cag_pdf_primary, lines->pdata[i]);
  y -= 15 + (MAX (lines->len, 1) - 1) * 10.5;
  cag_pdf_line (doc, CAG_PDF_LEFT, y, CAG_PDF_RIGHT, y, 0.5, &cag_pdf_faint, FALSE);
  return y - 15;
}

/* ---- Applicant, terms, signature ---------------------------------------- */

/* Draws LABEL then each of VALUES (NULL ones skipped) from Y down in a
 * column of width W; returns the lowest baseline used. */
static double
draw_block (CagPdfDoc   *doc,
            double       x,
            double       y,
            double       w,
            const char  *label,
            const char **values,
            guint        n)
{
  cag_pdf_text (doc, x, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 7.5, &cag_pdf_muted, label);
  y -= 13;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GPtrArray) lines = NULL;

      if (values[i] == NULL || *values[i] == '\0')
        continue;
      lines = cag_pdf_wrap (doc, i == 0 ? CAG_PDF_BOLD : CAG_PDF_REGULAR, 9, w, values[i]);
      for (guint l = 0; l < lines->len; l++, y -= 11.5)
        cag_pdf_text (doc, x, y, CAG_PDF_ALIGN_LEFT, i == 0 ? CAG_PDF_BOLD : CAG_PDF_REGULAR, 9,
                      &cag_pdf_ink, lines->pdata[l]);
    }
  return y;
}

double
cag_pf_draw_applicant (CagPdfDoc       *doc,
                       const CagPfData *data,
                       double           y)
{
  const CagNetwork *n = data->network;
  double half = CAG_PDF_CONTENT_WIDTH / 2;
  g_autofree char *charity = NULL;
  g_auto (GStrv) address = NULL;
  g_autoptr (GPtrArray) left = g_ptr_array_new ();
  const char *right[4];
  double yl, yr;

  g_ptr_array_add (left, n->name != NULL ? n->name : data->network_name);
  address = g_strsplit (n->address != NULL ? n->address : "", "\n", -1);
  for (guint i = 0; address[i] != NULL; i++)
    g_ptr_array_add (left, address[i]);
  if (n->charity_number != NULL)
    {
      /* TRANSLATORS: in the applicant block of a pro-forma. */
      charity = g_strdup_printf (C_("pdf", "Charity registration number: %s"),
                                 n->charity_number);
      g_ptr_array_add (left, charity);
    }
  right[0] = n->contact;
  right[1] = n->email;
  right[2] = n->phone;
  right[3] = n->website;

  yl = draw_block (doc, CAG_PDF_LEFT, y, half - 16, C_("pdf", "Applicant"),
                   (const char **) left->pdata, left->len);
  yr = draw_block (doc, CAG_PDF_LEFT + half, y, half, C_("pdf", "Contact"), right, 4);
  return MIN (yl, yr) - 8;
}

double
cag_pf_draw_funder_terms (CagPdfDoc       *doc,
                          const CagPfData *data,
                          double           y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagBudgetOffer *offer = data->input->offers->pdata[data->focus];
  g_autoptr (GString) terms = g_string_new (NULL);
  g_autofree char *request = cag_money_format (data->balanced->requested_cents[data->focus],
                                               lang);
  g_autofree char *sentence = NULL;

  cag_pf_append_terms (terms, offer, lang);
  y = cag_pf_ensure_room (doc, y, 60);
  y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR, 8.5, 11,
                         &cag_pdf_ink, terms->str);
  /* TRANSLATORS: under a funder's terms in its copy of the pro-forma. */
  sentence = g_strdup_printf (C_("pdf", "Under these terms, once the partner contributions "
                                        "below are secured, the amount requested is %s."),
                              request);
  y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y - 3, CAG_PDF_CONTENT_WIDTH, CAG_PDF_BOLD, 8.5, 11,
                         &cag_pdf_ink, sentence);
  return y - 6;
}

static void
draw_form_field (CagPdfDoc  *doc,
                 double      x,
                 double      y,
                 const char *label,
                 const char *value)
{
  if (value != NULL)
    cag_pdf_text_fit (doc, x, y + 4, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 9.5, &cag_pdf_ink,
                      LINE_W + 20, value);
  cag_pdf_line (doc, x, y, x + LINE_W + 20, y, 0.6, &cag_pdf_ink, FALSE);
  cag_pdf_text (doc, x, y - 10, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 7.5, &cag_pdf_muted, label);
}

double
cag_pf_draw_signature (CagPdfDoc       *doc,
                       const CagPfData *data,
                       double           y)
{
  double step = CAG_PDF_CONTENT_WIDTH / 3;

  y = cag_pf_ensure_room (doc, y, 110);
  y = cag_pdf_draw_section (doc, y, C_("pdf", "Signature"));
  y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR, 8.5, 11,
                         &cag_pdf_ink,
                         C_("pdf", "I certify that the information in this budget is accurate "
                                   "and complete."));
  y -= 34;
  draw_form_field (doc, CAG_PDF_LEFT, y, C_("pdf", "Person responsible (name and title)"),
                   data->network->contact);
  draw_form_field (doc, CAG_PDF_LEFT + step, y, C_("pdf", "Signature"), NULL);
  draw_form_field (doc, CAG_PDF_LEFT + 2 * step, y, C_("pdf", "Date"), NULL);
  return y - 24;
}

/* ---- The balanced budget: expenses -------------------------------------- */

typedef struct
{
  guint        n;            /* columns, the line's included */
  double       x[8];
  const char  *titles[7];
  gboolean     right[7];
  gboolean     other;        /* "other sources" column */
} Grid;

static void
expense_grid (const CagPfData *data,
              Grid            *g)
{
  double label_w = 132;
  double w;
  guint c = 0;

  memset (g, 0, sizeof *g);
  g->other = data->balanced->other_sources_cents > 0;
  g->titles[c++] = C_("pdf", "Budget line");
  g->titles[c++] = C_("pdf", "Total cost");
  if (data->focus >= 0)
    {
      g->titles[c++] = C_("pdf", "Requested from this funder");
      g->titles[c++] = C_("pdf", "Other funders");
    }
  else
    g->titles[c++] = C_("pdf", "Requested from funders");
  g->titles[c++] = C_("pdf", "Partners’ cash");
  g->titles[c++] = C_("pdf", "Partners’ in kind");
  if (g->other)
    g->titles[c++] = C_("pdf", "Other sources being sought");
  g->n = c;
  w = (CAG_PDF_CONTENT_WIDTH - label_w) / (c - 1);
  g->x[0] = CAG_PDF_LEFT;
  g->x[1] = CAG_PDF_LEFT + label_w;
  for (guint i = 1; i < c; i++)
    {
      g->x[i + 1] = g->x[i] + w;
      g->right[i] = TRUE;
    }
}

/* The amounts of one row of the expenses, in the grid's column order. */
static guint
expense_values (const CagPfData               *data,
                const Grid                    *g,
                const CagProformaBalancedLine *bl,
                const CagProformaBalanced     *total,
                gint64                        *v)
{
  guint c = 0;
  gint64 funders = bl != NULL ? bl->funders_cents : total->funders_cents;

  v[c++] = bl != NULL ? bl->amount_cents : total->amount_cents;
  if (data->focus >= 0)
    {
      gint64 mine = bl != NULL ? bl->requested_cents[data->focus]
                               : total->requested_cents[data->focus];

      v[c++] = mine;
      v[c++] = funders - mine;
    }
  else
    v[c++] = funders;
  /* The partner amount still to be secured is taken as cash. */
  v[c++] = bl != NULL ? bl->partner_cash_cents + bl->to_secure_cents
                      : total->partner_cash_cents + total->to_secure_cents;
  v[c++] = bl != NULL ? bl->partner_in_kind_cents : total->partner_in_kind_cents;
  if (g->other)
    v[c++] = bl != NULL ? bl->other_sources_cents : total->other_sources_cents;
  return c;
}

static double
draw_expenses (CagPdfDoc       *doc,
               const CagPfData *data,
               double           y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagProformaBalanced *b = data->balanced;
  const CagProforma *p = data->proforma;
  Grid g;

  expense_grid (data, &g);
  y = cag_pf_ensure_room (doc, y, 40 + 3 * 16);
  y = cag_pf_header_row (doc, y, g.n, g.x, g.titles, g.right, data->focus >= 0 ? 2 : -1);
  for (guint i = 0; i <= b->n_lines; i++)
    {
      gboolean total = i == b->n_lines;
      g_autofree char *label = total ? g_strdup (C_("pdf", "Total expenses"))
                                     : g_strdup_printf ("%s  %s", p->lines[i].code,
                                                        p->lines[i].label);
      g_autoptr (GPtrArray) lines = cag_pdf_wrap_max (doc, total ? CAG_PDF_BOLD : CAG_PDF_REGULAR,
                                                      SIZE, g.x[1] - g.x[0] - 2 * PAD, label, 8);
      double h = lines->len * LEADING + 6;
      gint64 v[7];
      guint n = expense_values (data, &g, total ? NULL : &b->lines[i], b, v);

      if (y - h < cag_pdf_doc_bottom (doc))
        {
          y = cag_pdf_doc_add_page (doc);
          y = cag_pf_header_row (doc, y, g.n, g.x, g.titles, g.right, data->focus >= 0 ? 2 : -1);
        }
      if (total)
        cag_pdf_line (doc, CAG_PDF_LEFT, y, CAG_PDF_RIGHT, y, 1, &cag_pdf_primary, FALSE);
      else if (i % 2 == 1)
        cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - h, CAG_PDF_CONTENT_WIDTH, h, &cag_pdf_shade);
      for (guint l = 0; l < lines->len; l++)
        cag_pdf_text (doc, g.x[0] + PAD, y - 3 - SIZE - l * LEADING, CAG_PDF_ALIGN_LEFT,
                      total ? CAG_PDF_BOLD : CAG_PDF_REGULAR, SIZE, &cag_pdf_ink, lines->pdata[l]);
      for (guint c = 0; c < n; c++)
        {
          g_autofree char *money = cag_money_format (v[c], lang);

          cag_pdf_text (doc, g.x[c + 2] - PAD, y - 3 - SIZE, CAG_PDF_ALIGN_RIGHT,
                        total || c == 0 ? CAG_PDF_BOLD : CAG_PDF_REGULAR, SIZE,
                        v[c] == 0 && !total ? &cag_pdf_void : &cag_pdf_ink, money);
        }
      y -= h;
    }
  if (b->to_secure_cents > 0)
    {
      g_autofree char *amount = cag_money_format (b->to_secure_cents, lang);
      g_autofree char *note = g_strdup_printf (C_("pdf", "Partners’ cash includes %s of partner "
                                                        "contributions still to be secured."),
                                               amount);

      y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y - 10, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR,
                             7.5, 9.5, &cag_pdf_muted, note);
    }
  return y - 8;
}

/* ---- The balanced budget: revenues -------------------------------------- */

enum { RN = 4 };
static const double rev_widths[RN] = { 228, 48, 128, 100 };

typedef struct
{
  double      x[RN + 1];
  const char *titles[RN];
  gboolean    right[RN];
} RevGrid;

static void
rev_grid (RevGrid *g)
{
  g->titles[0] = C_("pdf", "Source");
  g->titles[1] = C_("pdf", "Line");
  g->titles[2] = C_("pdf", "Status");
  g->titles[3] = C_("pdf", "Amount");
  g->x[0] = CAG_PDF_LEFT;
  for (guint c = 0; c < RN; c++)
    {
      g->x[c + 1] = g->x[c] + rev_widths[c];
      g->right[c] = c == RN - 1;
    }
}

typedef enum
{
  ROW_PLAIN,
  ROW_FOCUS,     /* the funder addressed to */
  ROW_GROUP,     /* a group's heading and subtotal */
  ROW_TOTAL,
} RowStyle;

static double
rev_row (CagPdfDoc     *doc,
         const RevGrid *g,
         double         y,
         RowStyle       style,
         const char    *source,
         const char    *line,
         const char    *status,
         gint64         cents)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  CagPdfWeight weight = style == ROW_PLAIN ? CAG_PDF_REGULAR : CAG_PDF_BOLD;
  double indent = style == ROW_PLAIN || style == ROW_FOCUS ? 10 : 0;
  g_autoptr (GPtrArray) lines = cag_pdf_wrap_max (doc, weight, SIZE,
                                                  rev_widths[0] - 2 * PAD - indent, source, 6);
  g_autofree char *money = cents >= 0 ? cag_money_format (cents, lang) : NULL;
  double h = lines->len * LEADING + 6;
  /* A group's heading keeps at least one row below it on its page. */
  double needed = style == ROW_GROUP ? h + LEADING + 6 : h;
  double ty;

  if (y - needed < cag_pdf_doc_bottom (doc))
    {
      y = cag_pdf_doc_add_page (doc);
      y = cag_pf_header_row (doc, y, RN, g->x, (const char **) g->titles, g->right, -1);
    }
  if (style == ROW_GROUP)
    cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - h, CAG_PDF_CONTENT_WIDTH, h, &tint_group);
  else if (style == ROW_FOCUS)
    cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - h, CAG_PDF_CONTENT_WIDTH, h, &tint_focus);
  else if (style == ROW_TOTAL)
    cag_pdf_line (doc, CAG_PDF_LEFT, y, CAG_PDF_RIGHT, y, 1, &cag_pdf_primary, FALSE);
  ty = y - 3 - SIZE;
  for (guint l = 0; l < lines->len; l++)
    cag_pdf_text (doc, g->x[0] + PAD + indent, ty - l * LEADING, CAG_PDF_ALIGN_LEFT, weight, SIZE,
                  &cag_pdf_ink, lines->pdata[l]);
  if (line != NULL)
    cag_pdf_text_fit (doc, g->x[1] + PAD, ty, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, SIZE,
                      &cag_pdf_ink, rev_widths[1] - 2 * PAD, line);
  if (status != NULL)
    cag_pdf_text_fit (doc, g->x[2] + PAD, ty, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, SIZE,
                      &cag_pdf_ink, rev_widths[2] - 2 * PAD, status);
  if (money != NULL)
    cag_pdf_text (doc, g->x[4] - PAD, ty, CAG_PDF_ALIGN_RIGHT, weight, SIZE, &cag_pdf_ink, money);
  return y - h;
}

static double
rev_pledges (CagPdfDoc       *doc,
             const CagPfData *data,
             const RevGrid   *g,
             double           y)
{
  const CagProformaBalanced *b = data->balanced;

  if (b->partner_cash_cents + b->partner_in_kind_cents == 0)
    return y;
  y = rev_row (doc, g, y, ROW_GROUP, C_("pdf", "Partner contributions pledged"), NULL, NULL,
               b->partner_cash_cents + b->partner_in_kind_cents);
  for (guint i = 0; i < b->n_pledges; i++)
    {
      const CagPledge *pl = data->input->pledges->pdata[i];
      g_autofree char *source = NULL;
      g_autofree char *status = NULL;
      g_autofree char *kind = g_utf8_strdown (cag_pledge_kind_label (pl->kind), -1);

      if (b->pledge_counted_cents[i] == 0)
        continue;
      if (pl->kind == CAG_PLEDGE_IN_KIND && pl->basis != NULL)
        /* TRANSLATORS: a pledge in the revenues: partner, "in kind", basis. */
        source = g_strdup_printf (C_("pdf", "%s, %s (valued at %s)"),
                                  (const char *) data->partner_names->pdata[i], kind, pl->basis);
      else
        /* TRANSLATORS: a pledge in the revenues: partner, "cash". */
        source = g_strdup_printf (C_("pdf", "%s, %s"),
                                  (const char *) data->partner_names->pdata[i], kind);
      /* TRANSLATORS: a pledge's status ("Confirmed") and whether it is secured. */
      status = g_strdup_printf (C_("pdf", "%s — %s"), cag_pledge_status_label (pl->status),
                                pl->status == CAG_PLEDGE_INTENDED ? C_("pdf", "sought")
                                                                  : C_("pdf", "secured"));
      y = rev_row (doc, g, y, ROW_PLAIN, source, pl->line_code, status,
                   b->pledge_counted_cents[i]);
    }
  return y;
}

static double
rev_sought (CagPdfDoc       *doc,
            const CagPfData *data,
            const RevGrid   *g,
            double           y)
{
  const CagProformaBalanced *b = data->balanced;
  const CagProforma *p = data->proforma;

  if (b->to_secure_cents > 0)
    {
      y = rev_row (doc, g, y, ROW_GROUP, C_("pdf", "Partner contributions still to be secured"),
                   NULL, NULL, b->to_secure_cents);
      for (guint l = 0; l < b->n_lines; l++)
        if (b->lines[l].to_secure_cents > 0)
          y = rev_row (doc, g, y, ROW_PLAIN, C_("pdf", "Partner contributions (cash)"),
                       p->lines[l].code, C_("pdf", "To be secured — sought"),
                       b->lines[l].to_secure_cents);
    }
  if (b->funders_cents > 0)
    {
      y = rev_row (doc, g, y, ROW_GROUP, C_("pdf", "Requests to funders"), NULL, NULL,
                   b->funders_cents);
      for (guint o = 0; o < b->n_offers; o++)
        if (b->requested_cents[o] > 0)
          y = rev_row (doc, g, y, (gint) o == data->focus ? ROW_FOCUS : ROW_PLAIN,
                       p->offers[o].funder_name, NULL, C_("pdf", "Requested — sought"),
                       b->requested_cents[o]);
    }
  if (b->other_sources_cents > 0)
    {
      y = rev_row (doc, g, y, ROW_GROUP, C_("pdf", "Other sources being sought"), NULL, NULL,
                   b->other_sources_cents);
      for (guint l = 0; l < b->n_lines; l++)
        if (b->lines[l].other_sources_cents > 0)
          y = rev_row (doc, g, y, ROW_PLAIN, C_("pdf", "Other sources"), p->lines[l].code,
                       C_("pdf", "Sought"), b->lines[l].other_sources_cents);
    }
  return y;
}

static double
draw_revenues (CagPdfDoc       *doc,
               const CagPfData *data,
               double           y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagProformaBalanced *b = data->balanced;
  g_autofree char *secured = cag_money_format (b->secured_cents, lang);
  g_autofree char *sought = cag_money_format (b->sought_cents, lang);
  g_autofree char *summary = NULL;
  RevGrid g;

  rev_grid (&g);
  y = cag_pf_ensure_room (doc, y, 40 + 4 * 16);
  y = cag_pf_header_row (doc, y, RN, g.x, g.titles, g.right, -1);
  y = rev_pledges (doc, data, &g, y);
  y = rev_sought (doc, data, &g, y);
  /* The two totals stay together, so that a reader sees them equal. */
  if (y - 2 * (LEADING + 6) < cag_pdf_doc_bottom (doc))
    {
      y = cag_pdf_doc_add_page (doc);
      y = cag_pf_header_row (doc, y, RN, g.x, g.titles, g.right, -1);
    }
  y = rev_row (doc, &g, y, ROW_TOTAL, C_("pdf", "Total revenues"), NULL, NULL,
               b->revenues_cents);
  y = rev_row (doc, &g, y, ROW_PLAIN, C_("pdf", "Total expenses"), NULL, NULL, b->amount_cents);

  /* TRANSLATORS: under the revenues of a pro-forma: secured and sought. */
  summary = g_strdup_printf (C_("pdf", "Secured: %s (partner pledges confirmed or received). "
                                       "Still sought: %s (pledges only intended, partner "
                                       "contributions still to be secured, requests to "
                                       "funders and other sources)."), secured, sought);
  y = cag_pf_ensure_room (doc, y, 30);
  y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y - 10, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR, 8.5,
                         11, &cag_pdf_ink, summary);
  return y - 8;
}

double
cag_pf_draw_balanced (CagPdfDoc       *doc,
                      const CagPfData *data,
                      double           y)
{
  const char *currency = C_("pdf", "All amounts are in Canadian dollars.");

  y = cag_pf_ensure_room (doc, y, 140);
  y = cag_pdf_draw_section (doc, y, C_("pdf", "Expenses"));
  cag_pdf_text (doc, CAG_PDF_RIGHT, y + 17, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 7.5,
                &cag_pdf_muted, currency);
  y = draw_expenses (doc, data, y);
  y = cag_pf_ensure_room (doc, y, 120);
  y = cag_pdf_draw_section (doc, y, C_("pdf", "Revenues"));
  cag_pdf_text (doc, CAG_PDF_RIGHT, y + 17, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 7.5,
                &cag_pdf_muted, currency);
  return draw_revenues (doc, data, y);
}
