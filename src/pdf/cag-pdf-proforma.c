/* cag-pdf-proforma.c — the pro-forma of an operating budget (docs/RULES.md,
 * "Budget and matching rules"): per line and in total the amount, partner
 * cash, partner in-kind, each funder's part, the gap and the partner amount
 * needed to close it; each funder's terms and the base it used; the partner
 * pledges with the valuation basis of in-kind ones.  For all funders, or
 * addressed to one funder with its request, its terms and its eligible lines
 * highlighted.  Always names the budget's version.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-pdf.h"
#include "cag-pdf-proforma-private.h"
#include "cag-budget.h"
#include "cag-proforma.h"
#include "cag-error.h"
#include "cag-money.h"
#include "cag-date.h"

#define CELL_PAD      CAG_PF_CELL_PAD
#define TABLE_SIZE    CAG_PF_TABLE_SIZE
#define TABLE_LEADING CAG_PF_TABLE_LEADING
#define LABEL_WIDTH   144.0
#define MAX_FUNDER_COLUMNS 5

static const CagRgb tint_highlight = { 0.99, 0.95, 0.84 };
static const CagRgb white = { 1, 1, 1 };

typedef CagPfData ProformaData;

static void
proforma_data_free (ProformaData *data)
{
  if (data == NULL)
    return;
  g_free (data->network_name);
  g_clear_pointer (&data->budget, cag_budget_free);
  g_clear_pointer (&data->input, cag_proforma_input_free);
  g_clear_pointer (&data->proforma, cag_proforma_free);
  g_clear_pointer (&data->balanced, cag_proforma_balanced_free);
  g_clear_pointer (&data->network, cag_network_free);
  g_clear_pointer (&data->funder_kinds, g_ptr_array_unref);
  g_clear_pointer (&data->partner_names, g_ptr_array_unref);
  g_free (data->focus_name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProformaData, proforma_data_free)

/* ---- Helpers ------------------------------------------------------------ */

static gboolean
line_eligible (const CagBudgetOffer *offer,
               const char           *code)
{
  if (offer->lines == NULL)
    return TRUE;
  for (guint i = 0; offer->lines[i] != NULL; i++)
    if (g_ascii_strcasecmp (offer->lines[i], code) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
highlighted_line (const ProformaData *data,
                  const char         *code)
{
  if (data->focus < 0)
    return FALSE;
  return line_eligible (data->input->offers->pdata[data->focus], code);
}

static char *
version_text (const ProformaData *data,
              CagLang             lang)
{
  const CagBudget *b = data->budget;
  g_autofree char *when = NULL;
  /* Inside a sentence: "Version 2, draft". */
  g_autofree char *status = g_utf8_strdown (cag_budget_status_label (b->status), -1);

  if (b->submitted_at != NULL && strlen (b->submitted_at) >= 10)
    {
      CagDate d;
      g_autofree char *day = g_strndup (b->submitted_at, 10);

      if (cag_date_parse_iso (day, &d, NULL))
        when = cag_date_format (&d, lang);
    }
  if (when != NULL && b->status == CAG_BUDGET_SUBMITTED)
    /* TRANSLATORS: a budget's version number and the date it was submitted. */
    return g_strdup_printf (C_("pdf", "Version %d, submitted on %s"), b->version, when);
  if (when != NULL)
    /* TRANSLATORS: version number, status ("approved"), date submitted. */
    return g_strdup_printf (C_("pdf", "Version %d, %s (submitted on %s)"), b->version, status,
                            when);
  /* TRANSLATORS: version number and status of a budget ("draft"). */
  return g_strdup_printf (C_("pdf", "Version %d, %s"), b->version, status);
}

static char *
ratio_text (gint num,
            gint den)
{
  return g_strdup_printf ("%d:%d", num, den);
}

/* Basis points as a percentage: "95 %", "97,5 %", "97.25%". */
static char *
percent_bp_text (gint    bp,
                 CagLang lang)
{
  g_autofree char *number = NULL;

  if (bp % 100 == 0)
    number = g_strdup_printf ("%d", bp / 100);
  else if (bp % 10 == 0)
    number = g_strdup_printf ("%d%c%d", bp / 100, lang == CAG_LANG_FR ? ',' : '.', bp % 100 / 10);
  else
    number = g_strdup_printf ("%d%c%02d", bp / 100, lang == CAG_LANG_FR ? ',' : '.', bp % 100);
  return g_strdup_printf (lang == CAG_LANG_FR ? "%s\u202F%%" : "%s%%", number);
}

double
cag_pf_header_row (CagPdfDoc      *doc,
                   double          y,
                   guint           n,
                   const double   *x,
                   const char    **titles,
                   const gboolean *right,
                   gint            highlight)
{
  double h = 14;

  for (guint c = 0; c < n; c++)
    {
      g_autoptr (GPtrArray) lines = cag_pdf_wrap_max (doc, CAG_PDF_BOLD, 7,
                                                      x[c + 1] - x[c] - 2 * CELL_PAD,
                                                      titles[c], 4);
      h = MAX (h, lines->len * 8.5 + 7);
    }
  cag_pdf_fill_rect (doc, x[0], y - h, x[n] - x[0], h, &cag_pdf_primary);
  for (guint c = 0; c < n; c++)
    {
      g_autoptr (GPtrArray) lines = cag_pdf_wrap_max (doc, CAG_PDF_BOLD, 7,
                                                      x[c + 1] - x[c] - 2 * CELL_PAD,
                                                      titles[c], 4);

      if ((gint) c == highlight)
        cag_pdf_fill_rect (doc, x[c], y - h, x[c + 1] - x[c], h, &cag_pdf_warn);
      for (guint l = 0; l < lines->len; l++)
        cag_pdf_text (doc, right[c] ? x[c + 1] - CELL_PAD : x[c] + CELL_PAD, y - 10 - l * 8.5,
                      right[c] ? CAG_PDF_ALIGN_RIGHT : CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 7, &white,
                      lines->pdata[l]);
    }
  return y - h;
}


double
cag_pf_ensure_room (CagPdfDoc *doc,
                    double     y,
                    double     needed)
{
  if (y - needed < cag_pdf_doc_bottom (doc))
    return cag_pdf_doc_add_page (doc);
  return y;
}

/* ---- Key figures -------------------------------------------------------- */

static double
draw_key_figures (CagPdfDoc          *doc,
                  const ProformaData *data,
                  double              y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagProforma *p = data->proforma;
  double gap = 10;
  double bw = (CAG_PDF_CONTENT_WIDTH - 3 * gap) / 4.0;
  g_autofree char *amount = cag_money_format (p->amount_cents, lang);
  g_autofree char *partners = cag_money_format (p->partner_cents, lang);
  g_autofree char *matched = cag_money_format (p->matched_cents, lang);
  g_autofree char *gap_amount = cag_money_format (p->gap_cents, lang);
  g_autofree char *needed = cag_money_format (p->partner_needed_cents, lang);
  g_autofree char *needed_note = NULL;
  g_autofree char *in_kind_note = NULL;

  if (p->partner_in_kind_cents > 0)
    {
      g_autofree char *in_kind = cag_money_format (p->partner_in_kind_cents, lang);
      /* TRANSLATORS: under the partners' total: the in-kind part. */
      in_kind_note = g_strdup_printf (C_("pdf", "%s in kind"), in_kind);
    }

  if (data->focus >= 0)
    {
      const CagProformaOffer *o = &p->offers[data->focus];
      g_autofree char *request = cag_money_format (o->requested_cents, lang);
      g_autofree char *base = cag_money_format (o->base_used_cents, lang);
      g_autofree char *ratio = ratio_text (o->num, o->den);
      g_autofree char *ratio_note = NULL;
      g_autofree char *eligible = NULL;
      gint64 eligible_cents = 0;

      for (guint i = 0; i < p->n_lines; i++)
        if (highlighted_line (data, p->lines[i].code))
          eligible_cents += p->lines[i].amount_cents;
      eligible = cag_money_format (eligible_cents, lang);
      /* TRANSLATORS: under the request: the funder's matching ratio ("2:1"). */
      ratio_note = g_strdup_printf (C_("pdf", "ratio %s"), ratio);

      cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT, y, bw, 13, C_("pdf", "Amount requested"),
                               request, ratio_note, &cag_pdf_warn);
      cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + (bw + gap), y, bw, 13,
                               C_("pdf", "Partner base matched"), base, NULL, &cag_pdf_primary);
      cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + 2 * (bw + gap), y, bw, 13,
                               C_("pdf", "Eligible lines"), eligible, NULL, &cag_pdf_ink);
      cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + 3 * (bw + gap), y, bw, 13,
                               C_("pdf", "Budget total"), amount, NULL, &cag_pdf_ink);
    }
  else
    {
      cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT, y, bw, 13, C_("pdf", "Budget total"), amount,
                               NULL, &cag_pdf_ink);
      cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + (bw + gap), y, bw, 13, C_("pdf", "Partners"),
                               partners, in_kind_note, &cag_pdf_primary);
      cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + 2 * (bw + gap), y, bw, 13,
                               C_("pdf", "Funders"), matched, NULL, &cag_pdf_good);
      cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + 3 * (bw + gap), y, bw, 13, C_("pdf", "Gap"),
                               gap_amount, NULL,
                               p->gap_cents > 0 ? &cag_pdf_warn : &cag_pdf_good);
    }
  y -= 54 + 16;
  if (p->gap_cents > 0)
    {
      g_autofree char *gap_text = cag_money_format (p->gap_cents, lang);

      /* TRANSLATORS: under the key figures of a pro-forma: gap, partner amount. */
      needed_note = g_strdup_printf (C_("pdf", "To close the gap of %s, partners would need to "
                                               "pledge %s more, counting what the funders would "
                                               "match on it."), gap_text, needed);
      y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR, 8.5,
                             11, &cag_pdf_ink, needed_note) - 4;
    }
  else
    {
      y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR, 8.5,
                             11, &cag_pdf_good,
                             C_("pdf", "Every line is fully funded by these pledges and "
                                       "offers.")) - 4;
    }
  return y;
}

/* ---- Lines -------------------------------------------------------------- */

static double
draw_line_label (CagPdfDoc  *doc,
                 double      x,
                 double      y,
                 double      w,
                 const char *code,
                 const char *label,
                 gboolean    measure_only)
{
  g_autofree char *text = g_strdup_printf ("%s  %s", code, label);
  g_autoptr (GPtrArray) lines = cag_pdf_wrap_max (doc, CAG_PDF_REGULAR, TABLE_SIZE,
                                                  w - 2 * CELL_PAD, text, 8);

  if (!measure_only)
    for (guint l = 0; l < lines->len; l++)
      cag_pdf_text (doc, x + CELL_PAD, y - 3 - TABLE_SIZE - l * TABLE_LEADING, CAG_PDF_ALIGN_LEFT,
                    CAG_PDF_REGULAR, TABLE_SIZE, &cag_pdf_ink, lines->pdata[l]);
  return lines->len * TABLE_LEADING + 6;
}

static double
draw_lines_table (CagPdfDoc          *doc,
                  const ProformaData *data,
                  double              y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagProforma *p = data->proforma;
  enum { N = 7 };
  double w = (CAG_PDF_CONTENT_WIDTH - LABEL_WIDTH) / (N - 1);
  double x[N + 1];
  const char *titles[N] = {
    C_("pdf", "Budget line"), C_("pdf", "Amount"), C_("pdf", "Partners, cash"),
    C_("pdf", "Partners, in kind"), C_("pdf", "Funders"), C_("pdf", "Gap"),
    C_("pdf", "Partners needed"),
  };
  const gboolean right[N] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };

  x[0] = CAG_PDF_LEFT;
  x[1] = CAG_PDF_LEFT + LABEL_WIDTH;
  for (int c = 2; c <= N; c++)
    x[c] = x[c - 1] + w;

  y = cag_pf_ensure_room (doc, y, 40 + 3 * 16);
  y = cag_pf_header_row (doc, y, N, x, titles, right, -1);

  for (guint i = 0; i <= p->n_lines; i++)
    {
      gboolean total = i == p->n_lines;
      const CagProformaLine *line = total ? NULL : &p->lines[i];
      gint64 values[N - 1];
      double h;

      if (total)
        {
          values[0] = p->amount_cents;
          values[1] = p->partner_cash_cents;
          values[2] = p->partner_in_kind_cents;
          values[3] = p->matched_cents;
          values[4] = p->gap_cents;
          values[5] = p->partner_needed_cents;
          h = 18;
        }
      else
        {
          values[0] = line->amount_cents;
          values[1] = line->partner_cash_cents;
          values[2] = line->partner_in_kind_cents;
          values[3] = line->matched_cents;
          values[4] = line->gap_cents;
          values[5] = line->partner_needed_cents;
          h = draw_line_label (doc, x[0], y, LABEL_WIDTH, line->code, line->label, TRUE);
        }

      if (y - h < cag_pdf_doc_bottom (doc))
        {
          y = cag_pdf_doc_add_page (doc);
          y = cag_pf_header_row (doc, y, N, x, titles, right, -1);
        }

      if (total)
        cag_pdf_line (doc, CAG_PDF_LEFT, y, CAG_PDF_RIGHT, y, 1, &cag_pdf_primary, FALSE);
      else if (highlighted_line (data, line->code))
        cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - h, CAG_PDF_CONTENT_WIDTH, h, &tint_highlight);
      else if (i % 2 == 1)
        cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - h, CAG_PDF_CONTENT_WIDTH, h, &cag_pdf_shade);

      if (total)
        cag_pdf_text (doc, x[0] + CELL_PAD, y - 12, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 8,
                      &cag_pdf_ink, C_("pdf", "Total"));
      else
        draw_line_label (doc, x[0], y, LABEL_WIDTH, line->code, line->label, FALSE);

      for (int c = 0; c < N - 1; c++)
        {
          g_autofree char *money = cag_money_format (values[c], lang);
          const CagRgb *color = &cag_pdf_ink;

          if (c == 4 && values[c] > 0)
            color = &cag_pdf_warn;
          cag_pdf_text (doc, x[c + 2] - CELL_PAD, total ? y - 12 : y - 3 - TABLE_SIZE,
                        CAG_PDF_ALIGN_RIGHT, total || c == 0 ? CAG_PDF_BOLD : CAG_PDF_REGULAR,
                        TABLE_SIZE, values[c] == 0 && !total ? &cag_pdf_void : color, money);
        }
      y -= h;
    }

  if (data->focus >= 0)
    {
      g_autofree char *legend = NULL;

      y -= 4;
      cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - 8, 10, 8, &tint_highlight);
      cag_pdf_stroke_rect (doc, CAG_PDF_LEFT, y - 8, 10, 8, 0.4, &cag_pdf_faint);
      /* TRANSLATORS: legend of the highlighted rows; %s is a funder. */
      legend = g_strdup_printf (C_("pdf", "Lines eligible for %s"), data->focus_name);
      cag_pdf_text (doc, CAG_PDF_LEFT + 15, y - 7, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 7.5,
                    &cag_pdf_muted, legend);
      y -= 12;
    }
  return y - 8;
}

/* Each funder's part per line: one column per offer, at most
 * MAX_FUNDER_COLUMNS per table. */
static double
draw_shares_table (CagPdfDoc          *doc,
                   const ProformaData *data,
                   double              y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagProforma *p = data->proforma;

  for (guint first = 0; first < p->n_offers; first += MAX_FUNDER_COLUMNS)
    {
      guint n_funders = MIN (MAX_FUNDER_COLUMNS, p->n_offers - first);
      guint n = n_funders + 2;
      double w = (CAG_PDF_CONTENT_WIDTH - LABEL_WIDTH) / (n_funders + 1);
      g_autofree double *x = g_new0 (double, n + 1);
      g_autofree const char **titles = g_new0 (const char *, n);
      g_autofree gboolean *right = g_new0 (gboolean, n);
      g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      gint highlight = -1;

      x[0] = CAG_PDF_LEFT;
      x[1] = CAG_PDF_LEFT + LABEL_WIDTH;
      titles[0] = C_("pdf", "Budget line");
      for (guint c = 0; c < n_funders; c++)
        {
          const CagProformaOffer *o = &p->offers[first + c];
          const CagFunder *funder = data->funder_kinds->pdata[first + c];
          g_autofree char *ratio = ratio_text (o->num, o->den);
          /* A column is narrow: the short name when there is one (the
           * terms below name each funder in full). */
          const char *name = funder != NULL && funder->short_name != NULL ? funder->short_name
                                                                           : o->funder_name;
          char *title = g_strdup_printf ("%s (%s)", name, ratio);

          g_ptr_array_add (owned, title);
          titles[c + 1] = title;
          right[c + 1] = TRUE;
          x[c + 2] = x[c + 1] + w;
          if ((gint) (first + c) == data->focus)
            highlight = (gint) c + 1;
        }
      titles[n - 1] = C_("pdf", "All funders");
      right[n - 1] = TRUE;
      x[n] = x[n - 1] + w;

      y = cag_pf_ensure_room (doc, y, 40 + 3 * 16);
      y = cag_pf_header_row (doc, y, n, x, titles, right, highlight);
      for (guint i = 0; i <= p->n_lines; i++)
        {
          gboolean total = i == p->n_lines;
          const CagProformaLine *line = total ? NULL : &p->lines[i];
          double h = total ? 18
                           : draw_line_label (doc, x[0], y, LABEL_WIDTH, line->code, line->label,
                                              TRUE);

          if (y - h < cag_pdf_doc_bottom (doc))
            {
              y = cag_pdf_doc_add_page (doc);
              y = cag_pf_header_row (doc, y, n, x, titles, right, highlight);
            }
          if (total)
            cag_pdf_line (doc, x[0], y, x[n], y, 1, &cag_pdf_primary, FALSE);
          else if (i % 2 == 1)
            cag_pdf_fill_rect (doc, x[0], y - h, x[n] - x[0], h, &cag_pdf_shade);
          if (highlight > 0)
            cag_pdf_fill_rect (doc, x[highlight], y - h, w, h, &tint_highlight);

          if (total)
            cag_pdf_text (doc, x[0] + CELL_PAD, y - 12, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 8,
                          &cag_pdf_ink, C_("pdf", "Requested"));
          else
            draw_line_label (doc, x[0], y, LABEL_WIDTH, line->code, line->label, FALSE);

          for (guint c = 0; c < n_funders; c++)
            {
              const CagBudgetOffer *offer = data->input->offers->pdata[first + c];
              gint64 v = total ? p->offers[first + c].requested_cents
                               : line->shares[first + c].given_cents;
              g_autofree char *money = NULL;

              if (!total && !line_eligible (offer, line->code))
                money = g_strdup (C_("pdf", "not eligible"));
              else
                money = cag_money_format (v, lang);
              cag_pdf_text_fit (doc, x[c + 2] - CELL_PAD, total ? y - 12 : y - 3 - TABLE_SIZE,
                                CAG_PDF_ALIGN_RIGHT, total ? CAG_PDF_BOLD : CAG_PDF_REGULAR,
                                TABLE_SIZE, v == 0 && !total ? &cag_pdf_void : &cag_pdf_ink,
                                w - 2 * CELL_PAD, money);
            }
          {
            g_autofree char *all = cag_money_format (total ? p->matched_cents
                                                           : line->matched_cents, lang);
            cag_pdf_text (doc, x[n] - CELL_PAD, total ? y - 12 : y - 3 - TABLE_SIZE,
                          CAG_PDF_ALIGN_RIGHT, CAG_PDF_BOLD, TABLE_SIZE, &cag_pdf_ink, all);
          }
          y -= h;
        }
      y -= 14;
    }
  return y;
}

/* ---- Terms -------------------------------------------------------------- */

void
cag_pf_append_terms (GString              *terms,
                     const CagBudgetOffer *offer,
                     CagLang               lang)
{
  g_autofree char *ratio = ratio_text (offer->num, offer->den);

  /* TRANSLATORS: the terms of an offer; %s is a ratio such as "2:1". */
  g_string_append_printf (terms, C_("pdf", "Ratio %s on eligible partner pledges"), ratio);
  g_string_append (terms, " · ");
  if (offer->lines == NULL)
    g_string_append (terms, C_("pdf", "every line"));
  else
    {
      g_autofree char *codes = g_strjoinv (", ", offer->lines);
      guint n = g_strv_length (offer->lines);

      /* TRANSLATORS: the budget line(s) an offer applies to: "line B",
       * "lines A, B". */
      g_string_append_printf (terms, g_dngettext (GETTEXT_PACKAGE, "line %s", "lines %s", n),
                              codes);
    }
  g_string_append (terms, " · ");
  g_string_append (terms, offer->cash_only ? C_("pdf", "cash pledges only")
                                           : C_("pdf", "in-kind pledges count"));
  if (offer->cap_cents > 0)
    {
      g_autofree char *cap = cag_money_format (offer->cap_cents, lang);
      g_string_append (terms, " · ");
      g_string_append_printf (terms, C_("pdf", "at most %s"), cap);
    }
  if (offer->min_base_cents > 0)
    {
      g_autofree char *min = cag_money_format (offer->min_base_cents, lang);
      g_string_append (terms, " · ");
      g_string_append_printf (terms, C_("pdf", "minimum eligible base %s"), min);
    }
  if (offer->max_share_bp > 0)
    {
      g_string_append (terms, " · ");
      g_autofree char *share = percent_bp_text (offer->max_share_bp, lang);
      /* TRANSLATORS: a funder's ceiling; %s is a percentage. */
      g_string_append_printf (terms, C_("pdf", "at most %s of the eligible lines"), share);
    }
}


static double
draw_terms (CagPdfDoc          *doc,
            const ProformaData *data,
            double              y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagProforma *p = data->proforma;

  for (guint i = 0; i < p->n_offers; i++)
    {
      const CagProformaOffer *o = &p->offers[i];
      const CagBudgetOffer *offer = data->input->offers->pdata[i];
      const CagFunder *funder = data->funder_kinds->pdata[i];
      g_autoptr (GString) terms = g_string_new (NULL);
      g_autoptr (GString) used = g_string_new (NULL);
      g_autofree char *ratio = ratio_text (o->num, o->den);
      g_autofree char *request = cag_money_format (o->requested_cents, lang);
      g_autofree char *title = NULL;
      gint64 cash = 0, in_kind = 0;
      gboolean focus = (gint) i == data->focus;
      g_autoptr (GPtrArray) terms_lines = NULL;
      g_autoptr (GPtrArray) used_lines = NULL;
      double h;

      if (data->focus >= 0 && !focus)
        continue;

      cag_pf_append_terms (terms, offer, lang);

      for (guint l = 0; l < p->n_lines; l++)
        {
          cash += p->lines[l].shares[i].base_cash_cents;
          in_kind += p->lines[l].shares[i].base_in_kind_cents;
        }
      if (!o->active)
        g_string_append (used, C_("pdf", "Below its minimum eligible base: it gives nothing."));
      else
        {
          g_autofree char *c = cag_money_format (cash, lang);
          g_autofree char *k = cag_money_format (in_kind, lang);
          /* TRANSLATORS: the partner base an offer matched, cash and in kind. */
          g_string_append_printf (used, C_("pdf", "Base matched: %s in cash and %s in kind."),
                                  c, k);
        }

      terms_lines = cag_pdf_wrap (doc, CAG_PDF_REGULAR, 8, CAG_PDF_CONTENT_WIDTH - 110, terms->str);
      used_lines = cag_pdf_wrap (doc, CAG_PDF_REGULAR, 8, CAG_PDF_CONTENT_WIDTH - 110, used->str);
      h = 14 + (terms_lines->len + used_lines->len) * 10.5 + 8;
      y = cag_pf_ensure_room (doc, y, h);

      if (funder != NULL)
        title = g_strdup_printf ("%s — %s", o->funder_name, cag_funder_kind_label (funder->kind));
      else
        title = g_strdup (o->funder_name);
      cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - h + 6, 3, h - 4,
                         focus ? &cag_pdf_warn : &cag_pdf_primary);
      cag_pdf_text_fit (doc, CAG_PDF_LEFT + 10, y - 4, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 9.5,
                        &cag_pdf_ink, CAG_PDF_CONTENT_WIDTH - 120, title);
      cag_pdf_text (doc, CAG_PDF_RIGHT, y - 4, CAG_PDF_ALIGN_RIGHT, CAG_PDF_BOLD, 10,
                    focus ? &cag_pdf_warn : &cag_pdf_ink, request);
      cag_pdf_text (doc, CAG_PDF_RIGHT, y - 15, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 7,
                    &cag_pdf_muted, C_("pdf", "requested"));
      y -= 4 + 13;
      for (guint l = 0; l < terms_lines->len; l++, y -= 10.5)
        cag_pdf_text (doc, CAG_PDF_LEFT + 10, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 8,
                      &cag_pdf_muted, terms_lines->pdata[l]);
      for (guint l = 0; l < used_lines->len; l++, y -= 10.5)
        cag_pdf_text (doc, CAG_PDF_LEFT + 10, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 8,
                      &cag_pdf_ink, used_lines->pdata[l]);
      y -= 10;
    }
  return y;
}

/* ---- Pledges ------------------------------------------------------------ */

static double
draw_pledges (CagPdfDoc          *doc,
              const ProformaData *data,
              double              y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  enum { N = 6 };
  static const double widths[N] = { 150, 54, 60, 64, 72, 104 };
  const char *titles[N] = {
    C_("pdf", "Partner"), C_("pdf", "Line"), C_("pdf", "Kind"), C_("pdf", "Status"),
    C_("pdf", "Amount"), C_("pdf", "Valuation basis (in kind)"),
  };
  const gboolean right[N] = { FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  double x[N + 1];
  GPtrArray *pledges = data->input->pledges;

  x[0] = CAG_PDF_LEFT;
  for (int c = 0; c < N; c++)
    x[c + 1] = x[c] + widths[c];

  if (pledges->len == 0)
    {
      cag_pdf_text (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 9, &cag_pdf_muted,
                    C_("pdf", "No partner pledge yet."));
      return y - 16;
    }

  y = cag_pf_ensure_room (doc, y, 30 + 3 * 16);
  y = cag_pf_header_row (doc, y, N, x, titles, right, -1);
  for (guint i = 0; i < pledges->len; i++)
    {
      const CagPledge *pl = pledges->pdata[i];
      g_autofree char *amount = cag_money_format (pl->amount_cents, lang);
      g_autoptr (GPtrArray) name_lines = cag_pdf_wrap_max (doc, CAG_PDF_REGULAR, TABLE_SIZE,
                                                           widths[0] - 2 * CELL_PAD,
                                                           data->partner_names->pdata[i], 6);
      g_autoptr (GPtrArray) basis_lines = cag_pdf_wrap_max (doc, CAG_PDF_REGULAR, TABLE_SIZE,
                                                            widths[5] - 2 * CELL_PAD,
                                                            pl->kind == CAG_PLEDGE_IN_KIND
                                                              && pl->basis != NULL ? pl->basis
                                                                                   : "", 10);
      double h = MAX (name_lines->len, basis_lines->len) * TABLE_LEADING + 6;
      double ty;

      if (y - h < cag_pdf_doc_bottom (doc))
        {
          y = cag_pdf_doc_add_page (doc);
          y = cag_pf_header_row (doc, y, N, x, titles, right, -1);
        }
      if (highlighted_line (data, pl->line_code))
        cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - h, CAG_PDF_CONTENT_WIDTH, h, &tint_highlight);
      else if (i % 2 == 1)
        cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - h, CAG_PDF_CONTENT_WIDTH, h, &cag_pdf_shade);
      ty = y - 3 - TABLE_SIZE;
      for (guint l = 0; l < name_lines->len; l++)
        cag_pdf_text (doc, x[0] + CELL_PAD, ty - l * TABLE_LEADING, CAG_PDF_ALIGN_LEFT,
                      CAG_PDF_REGULAR, TABLE_SIZE, &cag_pdf_ink, name_lines->pdata[l]);
      cag_pdf_text_fit (doc, x[1] + CELL_PAD, ty, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, TABLE_SIZE,
                        &cag_pdf_ink, widths[1] - 2 * CELL_PAD, pl->line_code);
      cag_pdf_text_fit (doc, x[2] + CELL_PAD, ty, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, TABLE_SIZE,
                        &cag_pdf_ink, widths[2] - 2 * CELL_PAD, cag_pledge_kind_label (pl->kind));
      cag_pdf_text_fit (doc, x[3] + CELL_PAD, ty, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, TABLE_SIZE,
                        &cag_pdf_ink, widths[3] - 2 * CELL_PAD,
                        cag_pledge_status_label (pl->status));
      cag_pdf_text (doc, x[5] - CELL_PAD, ty, CAG_PDF_ALIGN_RIGHT, CAG_PDF_BOLD, TABLE_SIZE,
                    &cag_pdf_ink, amount);
      for (guint l = 0; l < basis_lines->len; l++)
        cag_pdf_text (doc, x[5] + CELL_PAD, ty - l * TABLE_LEADING, CAG_PDF_ALIGN_LEFT,
                      CAG_PDF_REGULAR, TABLE_SIZE, &cag_pdf_muted, basis_lines->pdata[l]);
      y -= h;
    }
  return y - 10;
}

static double
draw_warnings (CagPdfDoc          *doc,
               const ProformaData *data,
               double              y)
{
  GPtrArray *warnings = data->proforma->warnings;

  if (warnings == NULL || warnings->len == 0)
    return y;
  y = cag_pf_ensure_room (doc, y, 60);
  y = cag_pdf_draw_section (doc, y, C_("pdf", "To be noted"));
  for (guint i = 0; i < warnings->len; i++)
    {
      const CagProformaWarning *w = warnings->pdata[i];
      g_autofree char *text = g_strdup_printf ("• %s", w->message);

      y = cag_pf_ensure_room (doc, y, 24);
      y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR, 8.5,
                             11, &cag_pdf_warn, text) - 3;
    }
  return y;
}

/* ---- The two documents ------------------------------------------------- */

/* The funder copy's key figures: its request once the partner
 * contributions are secured, the budget, what is secured, what is sought. */
static double
draw_funder_figures (CagPdfDoc          *doc,
                     const ProformaData *data,
                     double              y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagProformaBalanced *b = data->balanced;
  const CagProformaOffer *o = &data->proforma->offers[data->focus];
  double gap = 10;
  double bw = (CAG_PDF_CONTENT_WIDTH - 3 * gap) / 4.0;
  g_autofree char *request = cag_money_format (b->requested_cents[data->focus], lang);
  g_autofree char *amount = cag_money_format (b->amount_cents, lang);
  g_autofree char *secured = cag_money_format (b->secured_cents, lang);
  g_autofree char *sought = cag_money_format (b->sought_cents, lang);
  g_autofree char *ratio = ratio_text (o->num, o->den);
  g_autofree char *ratio_note = g_strdup_printf (C_("pdf", "ratio %s"), ratio);

  cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT, y, bw, 13, C_("pdf", "Amount requested"),
                           request, ratio_note, &cag_pdf_warn);
  cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + (bw + gap), y, bw, 13, C_("pdf", "Budget total"),
                           amount, C_("pdf", "revenues = expenses"), &cag_pdf_ink);
  cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + 2 * (bw + gap), y, bw, 13, C_("pdf", "Secured"),
                           secured, NULL, &cag_pdf_good);
  cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + 3 * (bw + gap), y, bw, 13,
                           C_("pdf", "Still sought"), sought, NULL, &cag_pdf_primary);
  return y - 54 - 12;
}

/* The title block, the DRAFT mark, the running header and footer.  Returns
 * the y below the title block. */
static double
draw_first_page (CagPdfDoc          *doc,
                 const ProformaData *data,
                 CagPfHeader        *ctx,
                 const char         *subtitle,
                 const char         *version)
{
  const CagBudget *b = data->budget;
  g_autofree char *footer = NULL;
  /* The same letterhead as the statements and letters: the network's name
   * (or the organization of kind "network" while the profile has none) and
   * its contact line. */
  CagNetwork issuer = *data->network;

  issuer.name = data->network_name;
  /* TRANSLATORS: bottom left of every page of a pro-forma: budget, version. */
  footer = g_strdup_printf (C_("pdf", "Pro-forma budget — %s — version %d"), b->name, b->version);
  cag_pdf_doc_set_footer (doc, footer);
  cag_pdf_doc_set_header_func (doc, cag_pf_running_header_cb, ctx);
  cag_pdf_doc_add_page (doc);
  if (cag_pf_is_draft (data))
    cag_pf_draw_draft_mark (doc);
  return cag_pdf_draw_letterhead (doc, &issuer, C_("pdf", "Pro-forma budget"), subtitle,
                                  version);
}

static void
draw_period (CagPdfDoc          *doc,
             const ProformaData *data,
             const char         *version,
             double              y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagBudget *b = data->budget;
  g_autofree char *start = cag_date_format (&b->start, lang);
  g_autofree char *end = cag_date_format (&b->end, lang);
  g_autofree char *period = NULL;
  double w = CAG_PDF_CONTENT_WIDTH / 2.0;

  /* TRANSLATORS: a budget's period: start date, end date. */
  period = g_strdup_printf (C_("pdf", "%s to %s"), start, end);
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT, y, w, C_("pdf", "Period"), period);
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT + w, y, w, C_("pdf", "Version"), version);
}

/* What the funder addressed to should read, and nothing else: no warnings,
 * no notes, no other funder's terms. */
static void
draw_funder_copy (CagPdfDoc          *doc,
                  const ProformaData *data)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagBudget *b = data->budget;
  const CagFunder *funder = data->funder_kinds->pdata[data->focus];
  g_autofree char *version = version_text (data, lang);
  g_autofree char *subtitle = NULL;
  CagArticle article = funder != NULL ? funder->article : CAG_ARTICLE_NONE;
  const char *name = funder != NULL && funder->short_name != NULL ? funder->short_name
                                                                   : data->focus_name;
  CagPfHeader ctx = { data, NULL, NULL };
  double y;

  subtitle = cag_article_request_to (article, data->focus_name);
  ctx.left = g_strdup_printf ("%s — %s", b->name, name);
  ctx.right = g_strdup (version);
  y = draw_first_page (doc, data, &ctx, subtitle, version);

  y = cag_pf_draw_applicant (doc, data, y);
  draw_period (doc, data, version, y);
  y -= 30;
  y = cag_pdf_draw_section (doc, y, C_("pdf", "Project budget"));
  {
    g_autofree char *budget = g_strdup_printf ("%s", b->name);
    y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, CAG_PDF_BOLD, 10, 12.5,
                           &cag_pdf_ink, budget) - 6;
  }
  y = draw_funder_figures (doc, data, y);
  y = cag_pdf_draw_section (doc, y, C_("pdf", "Terms of the offer"));
  y = cag_pf_draw_funder_terms (doc, data, y);
  y = cag_pf_draw_balanced (doc, data, y);
  cag_pf_draw_signature (doc, data, y);

  cag_pdf_doc_set_header_func (doc, NULL, NULL);
  g_free (ctx.left);
  g_free (ctx.right);
}

/* The coordinator's working copy: every funder, the current view, the
 * balanced view and the warnings. */
static void
draw_working_copy (CagPdfDoc          *doc,
                   const ProformaData *data)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagBudget *b = data->budget;
  g_autofree char *version = version_text (data, lang);
  /* TRANSLATORS: subtitle of the pro-forma with every funder, warnings
   * included. */
  g_autofree char *subtitle = g_strdup_printf (C_("pdf", "%s — working copy"), b->name);
  CagPfHeader ctx = { data, NULL, NULL };
  double y;

  ctx.left = g_strdup (subtitle);
  ctx.right = g_strdup (version);
  y = draw_first_page (doc, data, &ctx, subtitle, version);
  draw_period (doc, data, version, y);
  y -= 34;

  y = draw_key_figures (doc, data, y);
  y = cag_pdf_draw_section (doc, y, C_("pdf", "Budget lines and how they are funded"));
  y = draw_lines_table (doc, data, y);
  if (data->proforma->n_offers > 0)
    {
      y = cag_pf_ensure_room (doc, y, 120);
      y = cag_pdf_draw_section (doc, y, C_("pdf", "Each funder’s part, line by line"));
      y = draw_shares_table (doc, data, y);
      y = cag_pf_ensure_room (doc, y, 80);
      y = cag_pdf_draw_section (doc, y, C_("pdf", "Funders and their terms"));
      y = draw_terms (doc, data, y);
    }
  y = cag_pf_ensure_room (doc, y, 100);
  y = cag_pdf_draw_section (doc, y, C_("pdf", "Partner pledges"));
  y = draw_pledges (doc, data, y);
  /* A part of its own, titled like the document's subtitle, with room
   * above it: its sections follow. */
  y = cag_pf_ensure_room (doc, y, 220);
  y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y - 22, CAG_PDF_CONTENT_WIDTH, CAG_PDF_BOLD, 13, 17,
                         &cag_pdf_primary,
                         C_("pdf", "The balanced budget, as the funders read it")) - 2;
  y = cag_pf_draw_balanced (doc, data, y);
  draw_warnings (doc, data, y);

  cag_pdf_doc_set_header_func (doc, NULL, NULL);
  g_free (ctx.left);
  g_free (ctx.right);
}

/* ---- Gathering and writing ---------------------------------------------- */

/* The version a document is made from: VERSION when given; for a funder
 * copy, the latest submitted (or approved) version, else the latest draft;
 * for the working copy, the latest. */
static CagBudget *
pick_version (CagStore *store,
              gint64    budget_id,
              gint      version,
              gboolean  funder_copy,
              GError  **error)
{
  g_autoptr (CagBudget) latest = cag_budget_get (store, budget_id, version, error);

  if (latest == NULL || version > 0 || !funder_copy)
    return g_steal_pointer (&latest);
  for (gint v = latest->version; v >= 1; v--)
    {
      g_autoptr (CagBudget) b = v == latest->version ? cag_budget_copy (latest)
                                                     : cag_budget_get (store, budget_id, v, NULL);

      if (b != NULL && b->status != CAG_BUDGET_DRAFT)
        return g_steal_pointer (&b);
    }
  return g_steal_pointer (&latest);
}

static gboolean
gather_funders (CagStore     *store,
                ProformaData *data,
                gint64        funder_id,
                GError      **error)
{
  g_autoptr (GPtrArray) funders = cag_funder_list (store, error);

  if (funders == NULL)
    return FALSE;
  data->funder_kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_funder_free);
  for (guint i = 0; i < data->input->offers->len; i++)
    {
      const CagBudgetOffer *offer = data->input->offers->pdata[i];
      CagFunder *kind = NULL;

      for (guint f = 0; f < funders->len; f++)
        if (((CagFunder *) funders->pdata[f])->id == offer->funder_id)
          kind = cag_funder_copy (funders->pdata[f]);
      g_ptr_array_add (data->funder_kinds, kind);
      if (funder_id > 0 && offer->funder_id == funder_id)
        {
          data->focus = (gint) i;
          data->focus_name = g_strdup (offer->funder_name);
        }
    }
  if (funder_id > 0 && data->focus < 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   C_("pdf", "This funder has made no offer on version %d of the budget “%s”."),
                   data->budget->version, data->budget->name);
      return FALSE;
    }
  return TRUE;
}

static void
gather_partners (CagStore     *store,
                 ProformaData *data)
{
  data->partner_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < data->input->pledges->len; i++)
    {
      const CagPledge *pl = data->input->pledges->pdata[i];
      char *name = NULL;

      if (pl->partner_name != NULL && *pl->partner_name != '\0')
        name = g_strdup (pl->partner_name);
      else if (pl->organization_id > 0)
        {
          g_autoptr (CagOrganization) org = cag_store_org_get (store, pl->organization_id, NULL);
          if (org != NULL)
            name = g_strdup (org->name);
        }
      g_ptr_array_add (data->partner_names, name != NULL ? name : g_strdup ("—"));
    }
}

gboolean
cag_pdf_write_proforma_version (CagStore      *store,
                                gint64         budget_id,
                                gint           version,
                                gint64         funder_id,
                                CagLang        lang,
                                const char    *path,
                                GError       **error)
{
  g_autoptr (ProformaData) data = g_new0 (ProformaData, 1);
  g_autoptr (CagPdfDoc) doc = NULL;
  g_autofree char *title = NULL;
  g_autoptr (CagStoreSnapshot) snapshot = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data->focus = -1;
  /* One read snapshot for every query below (docs/RELIABILITY.md). */
  snapshot = cag_store_snapshot (store, error);
  if (snapshot == NULL)
    return FALSE;
  data->funder_copy = funder_id > 0;
  data->budget = pick_version (store, budget_id, version, data->funder_copy, error);
  if (data->budget == NULL)
    return FALSE;
  data->input = cag_budget_load (store, budget_id, data->budget->version, error);
  if (data->input == NULL || !gather_funders (store, data, funder_id, error))
    return FALSE;
  data->network = cag_store_network_get (store, error);
  if (data->network == NULL)
    return FALSE;
  data->network_name = data->network->name != NULL ? g_strdup (data->network->name)
                                                   : cag_pdf_find_network_name (store, 0);
  gather_partners (store, data);

  doc = cag_pdf_doc_new (lang, error);
  if (doc == NULL)
    return FALSE;
  /* Computed with gettext in the document's language: the warnings are
   * sentences. */
  data->proforma = cag_proforma_compute (data->input);
  data->balanced = cag_proforma_balance (data->input, data->proforma);
  title = g_strdup_printf (C_("pdf", "Pro-forma budget — %s — version %d"), data->budget->name,
                           data->budget->version);
  cag_pdf_doc_set_title (doc, title, data->focus_name);
  if (data->funder_copy)
    draw_funder_copy (doc, data);
  else
    draw_working_copy (doc, data);
  return cag_pdf_doc_save (doc, path, error);
}

gboolean
cag_pdf_write_proforma (CagStore      *store,
                        gint64         budget_id,
                        gint64         funder_id,
                        CagLang        lang,
                        const char    *path,
                        GError       **error)
{
  return cag_pdf_write_proforma_version (store, budget_id, 0, funder_id, lang, path, error);
}
