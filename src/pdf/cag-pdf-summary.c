/* cag-pdf-summary.c — drawing the summary of a campaign: the network's
 * totals, every fund with its figures and state, and the delegations fully
 * funded.
 */
#include "config.h"

#include <glib/gi18n.h>
#include "cag-i18n.h"

#include "cag-pdf-private.h"
#include "cag-money.h"
#include "cag-date.h"
#include "cag-rules.h"

enum
{
  COL_ORG,
  COL_PROGRESS,
  COL_SAVED,
  COL_TARGET,
  COL_GAP,
  COL_NEEDED,
  COL_STATE,
  N_COLS
};

static const double col_width[N_COLS] = { 134, 62, 66, 62, 62, 54, 64 };
#define CELL_PAD      4.0
#define TABLE_SIZE    8.0
#define TABLE_LEADING 10.0
#define HEADER_HEIGHT 22.0

typedef struct
{
  const CagSummaryData *data;
  double                col_x[N_COLS + 1];
} SummaryCtx;

static double
running_header_cb (CagPdfDoc *doc,
                   gpointer   user_data)
{
  SummaryCtx *ctx = user_data;
  g_autofree char *date = cag_date_format (&ctx->data->as_of, cag_pdf_doc_get_lang (doc));
  g_autofree char *right = NULL;
  g_autofree char *left = NULL;

  /* TRANSLATORS: top right of the continuation pages of a campaign summary. */
  right = g_strdup_printf (C_("pdf", "Summary as of %s (continued)"), date);
  /* TRANSLATORS: top left of the continuation pages; %s is the campaign. */
  left = g_strdup_printf (C_("pdf", "Campaign summary — %s"), ctx->data->campaign->name);
  return cag_pdf_running_header (doc, left, right);
}

static double
draw_network (CagPdfDoc            *doc,
              const CagSummaryData *data,
              double                y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagNetworkTotals *t = &data->totals;
  gint64 total = t->saved_cents + t->matched_cents;
  gint percent = t->target_cents > 0
    ? (gint) MIN (cag_mul_div_floor (total, 1000, t->target_cents), 9999) : 0;
  double gap = 12;
  double bw = (CAG_PDF_CONTENT_WIDTH - 2 * gap) / 3.0;
  g_autofree char *saved = cag_money_format (total, lang);
  g_autofree char *target = cag_money_format (t->target_cents, lang);
  g_autofree char *funded = NULL;
  g_autofree char *funds = NULL;
  g_autofree char *saved_note = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *pct = cag_pdf_percent (doc, percent);
  g_autofree char *progress = NULL;
  g_autofree char *behind = NULL;
  g_autofree char *needed = cag_money_format (t->monthly_needed_cents, lang);
  g_autofree char *needed_text = NULL;

  if (t->matched_cents > 0)
    {
      g_autofree char *matched = cag_money_format (t->matched_cents, lang);
      saved_note = g_strdup_printf (C_("pdf", "including %s matched by funders"), matched);
    }
  else
    funds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d fund", "in %d funds",
                                          (gulong) t->funds), t->funds);
  /* TRANSLATORS: delegations fully funded, of delegations planned. */
  funded = g_strdup_printf (C_("pdf", "%d of %d"), t->delegations_funded, t->delegations_planned);
  planned = g_strdup (C_("pdf", "delegations fully funded"));

  cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT, y, bw, 16, C_("pdf", "Saved by the network"), saved,
                   saved_note != NULL ? saved_note : funds, &cag_pdf_primary);
  cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + bw + gap, y, bw, 16, C_("pdf", "Total target"),
                           target, NULL,
                   &cag_pdf_ink);
  cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + 2 * (bw + gap), y, bw, 16, C_("pdf", "Delegations"),
                           funded, planned,
                   &cag_pdf_good);
  y -= 54 + 20;

  progress = g_strdup_printf (C_("pdf", "Progress: %s of the target"), pct);
  cag_pdf_text (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 9.5, &cag_pdf_ink,
                progress);
  behind = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d fund behind schedule",
                                         "%d funds behind schedule", (gulong) t->funds_behind),
                            t->funds_behind);
  /* TRANSLATORS: the whole network's monthly need; %s is an amount. */
  needed_text = g_strdup_printf (C_("pdf", "%s · needed per month: %s"), behind, needed);
  cag_pdf_text (doc, CAG_PDF_RIGHT, y, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 8.5,
                t->funds_behind > 0 ? &cag_pdf_warn : &cag_pdf_muted, needed_text);
  y -= 18;
  cag_pdf_draw_bar (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, 11, percent, -1, &cag_pdf_good);
  return y - 16;
}

static double
draw_table_header (CagPdfDoc  *doc,
                   SummaryCtx *ctx,
                   double      y)
{
  static const char *titles[N_COLS] = {
    NC_("pdf", "Organization"), NC_("pdf", "Progress"), NC_("pdf", "Saved"), NC_("pdf", "Target"),
    NC_("pdf", "Arrears (−) or ahead (+)"), NC_("pdf", "Needed per month"), NC_("pdf", "State"),
  };
  static const CagRgb white = { 1, 1, 1 };

  cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - HEADER_HEIGHT, CAG_PDF_CONTENT_WIDTH, HEADER_HEIGHT,
                     &cag_pdf_primary);
  for (int c = 0; c < N_COLS; c++)
    {
      gboolean right = c != COL_ORG && c != COL_STATE && c != COL_PROGRESS;
      g_autoptr (GPtrArray) lines = cag_pdf_wrap (doc, CAG_PDF_BOLD, 7, col_width[c] - 2 * CELL_PAD,
                                                  g_dpgettext2 (GETTEXT_PACKAGE, "pdf", titles[c]));
      double ty = lines->len > 1 ? y - 9 : y - 13.5;

      for (guint l = 0; l < lines->len && l < 2; l++)
        cag_pdf_text (doc, right ? ctx->col_x[c + 1] - CELL_PAD : ctx->col_x[c] + CELL_PAD,
                      ty - l * 8.5, right ? CAG_PDF_ALIGN_RIGHT : CAG_PDF_ALIGN_LEFT,
                      CAG_PDF_BOLD, 7, &white, lines->pdata[l]);
    }
  return y - HEADER_HEIGHT;
}

static double
draw_funds (CagPdfDoc  *doc,
            SummaryCtx *ctx,
            double      y)
{
  const CagSummaryData *data = ctx->data;
  CagLang lang = cag_pdf_doc_get_lang (doc);
  double bottom = cag_pdf_doc_bottom (doc);

  y = draw_table_header (doc, ctx, y);
  if (data->statuses->len == 0)
    {
      y -= 16;
      cag_pdf_text (doc, CAG_PDF_LEFT + CELL_PAD, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 9,
                    &cag_pdf_muted, C_("pdf", "No fund is open in this campaign."));
      return y - 12;
    }

  for (guint i = 0; i < data->statuses->len; i++)
    {
      const CagFundStatus *st = data->statuses->pdata[i];
      const CagFundFigures *f = &st->figures;
      const CagRgb *state_color = cag_pdf_state_color (f->state);
      g_autofree char *saved = cag_money_format (f->saved_cents + f->matched_cents, lang);
      g_autofree char *target = cag_money_format (f->target_cents, lang);
      g_autofree char *needed = cag_money_format (f->monthly_needed_cents, lang);
      g_autofree char *gap = NULL;
      g_autofree char *pct = cag_pdf_percent (doc, f->percent_tenths);
      g_autofree char *sub = NULL;
      g_autoptr (GPtrArray) name_lines = NULL;
      g_autoptr (GPtrArray) state_lines = NULL;
      const CagRgb *gap_color = &cag_pdf_ink;
      gint64 total = f->saved_cents + f->matched_cents;
      double h, ty;
      guint n_lines;

      if (f->arrears_cents > 0)
        {
          g_autofree char *a = cag_money_format (f->arrears_cents, lang);
          gap = g_strdup_printf ("−%s", a);
          gap_color = &cag_pdf_warn;
        }
      else if (total > f->expected_cents && f->state != CAG_FUND_NOT_STARTED)
        {
          g_autofree char *a = cag_money_format (total - f->expected_cents, lang);
          gap = g_strdup_printf ("+%s", a);
          gap_color = &cag_pdf_good;
        }
      else
        gap = g_strdup ("—");

      name_lines = cag_pdf_wrap_max (doc, CAG_PDF_BOLD, TABLE_SIZE,
                                     col_width[COL_ORG] - 2 * CELL_PAD, st->organization_name, 4);
      if (st->region != NULL && *st->region != '\0')
        sub = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d delegation",
                                            "%s · %d delegations", (gulong) st->delegations),
                               st->region, st->delegations);
      else
        sub = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d delegation aimed for",
                                            "%d delegations aimed for",
                                            (gulong) st->delegations),
                               st->delegations);
      state_lines = cag_pdf_wrap (doc, CAG_PDF_BOLD, 7.5, col_width[COL_STATE] - 2 * CELL_PAD,
                                  cag_fund_state_label (f->state));
      n_lines = MAX (name_lines->len + 1, state_lines->len);
      h = n_lines * TABLE_LEADING + 8;

      if (y - h < bottom)
        {
          y = cag_pdf_doc_add_page (doc);
          y = draw_table_header (doc, ctx, y);
        }
      if (i % 2 == 1)
        cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - h, CAG_PDF_CONTENT_WIDTH, h, &cag_pdf_shade);

      ty = y - 4 - TABLE_SIZE;
      for (guint l = 0; l < name_lines->len; l++)
        cag_pdf_text (doc, ctx->col_x[COL_ORG] + CELL_PAD, ty - l * TABLE_LEADING,
                      CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, TABLE_SIZE, &cag_pdf_ink,
                      name_lines->pdata[l]);
      cag_pdf_text_fit (doc, ctx->col_x[COL_ORG] + CELL_PAD,
                        ty - name_lines->len * TABLE_LEADING, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR,
                        7, &cag_pdf_muted, col_width[COL_ORG] - 2 * CELL_PAD, sub);

      cag_pdf_draw_bar (doc, ctx->col_x[COL_PROGRESS] + CELL_PAD, ty - 1,
                        col_width[COL_PROGRESS] - 2 * CELL_PAD, 6, f->percent_tenths, -1,
                        state_color == &cag_pdf_muted ? &cag_pdf_primary : state_color);
      cag_pdf_text (doc, ctx->col_x[COL_PROGRESS] + CELL_PAD, ty - TABLE_LEADING,
                    CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 7, &cag_pdf_muted, pct);

      cag_pdf_text (doc, ctx->col_x[COL_SAVED + 1] - CELL_PAD, ty, CAG_PDF_ALIGN_RIGHT,
                    CAG_PDF_BOLD, TABLE_SIZE, &cag_pdf_ink, saved);
      cag_pdf_text (doc, ctx->col_x[COL_TARGET + 1] - CELL_PAD, ty, CAG_PDF_ALIGN_RIGHT,
                    CAG_PDF_REGULAR, TABLE_SIZE, &cag_pdf_ink, target);
      cag_pdf_text (doc, ctx->col_x[COL_GAP + 1] - CELL_PAD, ty, CAG_PDF_ALIGN_RIGHT,
                    CAG_PDF_REGULAR, TABLE_SIZE, gap_color, gap);
      cag_pdf_text (doc, ctx->col_x[COL_NEEDED + 1] - CELL_PAD, ty, CAG_PDF_ALIGN_RIGHT,
                    CAG_PDF_REGULAR, TABLE_SIZE, &cag_pdf_ink, needed);
      for (guint l = 0; l < state_lines->len; l++)
        cag_pdf_text (doc, ctx->col_x[COL_STATE] + CELL_PAD, ty - l * TABLE_LEADING,
                      CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 7.5, state_color, state_lines->pdata[l]);
      y -= h;
    }

  /* Network totals. */
  {
    const CagNetworkTotals *t = &data->totals;
    g_autofree char *saved = cag_money_format (t->saved_cents + t->matched_cents, lang);
    g_autofree char *target = cag_money_format (t->target_cents, lang);
    g_autofree char *needed = cag_money_format (t->monthly_needed_cents, lang);
    double ty;

    if (y - 24 < bottom)
      {
        y = cag_pdf_doc_add_page (doc);
        y = draw_table_header (doc, ctx, y);
      }
    cag_pdf_line (doc, CAG_PDF_LEFT, y, CAG_PDF_RIGHT, y, 1, &cag_pdf_primary, FALSE);
    ty = y - 14;
    cag_pdf_text_fit (doc, CAG_PDF_LEFT + CELL_PAD, ty, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 8.5,
                      &cag_pdf_ink, col_width[COL_ORG] + col_width[COL_PROGRESS] - 2 * CELL_PAD,
                      C_("pdf", "Network total"));
    cag_pdf_text (doc, ctx->col_x[COL_SAVED + 1] - CELL_PAD, ty, CAG_PDF_ALIGN_RIGHT,
                  CAG_PDF_BOLD, TABLE_SIZE, &cag_pdf_ink, saved);
    cag_pdf_text (doc, ctx->col_x[COL_TARGET + 1] - CELL_PAD, ty, CAG_PDF_ALIGN_RIGHT,
                  CAG_PDF_BOLD, TABLE_SIZE, &cag_pdf_ink, target);
    cag_pdf_text (doc, ctx->col_x[COL_NEEDED + 1] - CELL_PAD, ty, CAG_PDF_ALIGN_RIGHT,
                  CAG_PDF_BOLD, TABLE_SIZE, &cag_pdf_ink, needed);
    y = ty - 12;
  }
  return y;
}

static double
draw_funded (CagPdfDoc            *doc,
             const CagSummaryData *data,
             double                y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  double bottom = cag_pdf_doc_bottom (doc);
  guint shown = 0;

  if (y - 60 < bottom)
    y = cag_pdf_doc_add_page (doc);
  y = cag_pdf_draw_section (doc, y, C_("pdf", "Delegations fully funded"));

  for (guint i = 0; i < data->statuses->len; i++)
    {
      const CagFundStatus *st = data->statuses->pdata[i];
      g_autofree char *count = NULL;
      g_autofree char *saved = NULL;
      g_autoptr (GPtrArray) lines = NULL;

      if (st->figures.state != CAG_FUND_COMPLETE)
        continue;
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d delegation funded",
                                            "%d delegations funded",
                                            (gulong) st->delegations), st->delegations);
      saved = cag_money_format (st->figures.saved_cents + st->figures.matched_cents, lang);
      lines = cag_pdf_wrap_max (doc, CAG_PDF_BOLD, 9, 300, st->organization_name, 4);
      if (y - lines->len * 12 - 4 < bottom)
        y = cag_pdf_doc_add_page (doc);
      cag_pdf_fill_rect (doc, CAG_PDF_LEFT + 2, y - 1, 6, 6, &cag_pdf_good);
      for (guint l = 0; l < lines->len; l++)
        cag_pdf_text (doc, CAG_PDF_LEFT + 16, y - l * 12, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 9,
                      &cag_pdf_ink, lines->pdata[l]);
      cag_pdf_text (doc, CAG_PDF_LEFT + 330, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 9,
                    &cag_pdf_muted, count);
      cag_pdf_text (doc, CAG_PDF_RIGHT, y, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 9,
                    &cag_pdf_ink, saved);
      y -= lines->len * 12 + 5;
      shown++;
    }
  if (shown == 0)
    {
      cag_pdf_text (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 9, &cag_pdf_muted,
                    C_("pdf", "No delegation is fully funded yet."));
      y -= 14;
    }
  return y;
}

void
cag_pdf_draw_summary (CagPdfDoc            *doc,
                      const CagSummaryData *data)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  SummaryCtx ctx = { data, { 0 } };
  const CagCampaign *campaign = data->campaign;
  g_autofree char *as_of = cag_date_format (&data->as_of, lang);
  g_autofree char *right = NULL;
  g_autofree char *section = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *start = cag_month_format (cag_month_index (&campaign->start), lang);
  g_autofree char *last = cag_month_format (cag_month_index (&campaign->deadline) - 1, lang);
  g_autofree char *deadline = cag_date_format (&campaign->deadline, lang);
  g_autofree char *cost = cag_money_format (campaign->delegation_cost_cents, lang);
  g_autofree char *period = NULL;
  gint n = cag_fund_months_total (&campaign->start, &campaign->deadline);
  double w = CAG_PDF_CONTENT_WIDTH / 3.0;
  double y;

  ctx.col_x[0] = CAG_PDF_LEFT;
  for (int c = 0; c < N_COLS; c++)
    ctx.col_x[c + 1] = ctx.col_x[c] + col_width[c];

  footer = g_strdup_printf (C_("pdf", "Campaign summary — %s"), campaign->name);
  cag_pdf_doc_set_footer (doc, footer);
  cag_pdf_doc_set_header_func (doc, running_header_cb, &ctx);

  cag_pdf_doc_add_page (doc);
  right = g_strdup_printf (C_("pdf", "As of %s"), as_of);
  y = cag_pdf_draw_letterhead (doc, data->network, C_("pdf", "Campaign summary"),
                                campaign->name,
                                right);

  period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s (%d month)",
                                         "%s to %s (%d months)", (gulong) n),
                            start, last, n);
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT, y, w * 1.4, C_("pdf", "Saving period"), period);
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT + w * 1.4, y, w * 0.8, C_("pdf", "Deadline (the event)"),
                     deadline);
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT + w * 2.2, y, w * 0.8, C_("pdf", "Cost of one delegation"),
                     cost);
  y -= 32;

  /* TRANSLATORS: section heading; %s is a date. */
  section = g_strdup_printf (C_("pdf", "The network on %s"), as_of);
  y = cag_pdf_draw_section (doc, y + 4, section);
  y = draw_network (doc, data, y);
  y = cag_pdf_draw_section (doc, y, C_("pdf", "Funds by organization"));
  y = draw_funds (doc, &ctx, y);
  y = draw_funded (doc, data, y - 8);

  cag_pdf_doc_set_header_func (doc, NULL, NULL);
}
