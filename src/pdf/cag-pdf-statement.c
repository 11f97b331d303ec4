/* cag-pdf-statement.c — drawing the statement (relevé) of one fund: who and
 * what, the fund's figures with a progress bar, a cumulative chart against
 * the plan, and the contributions with a running total over as many pages as
 * it takes.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"

#include "cag-pdf-private.h"
#include "cag-money.h"
#include "cag-date.h"
#include "cag-rules.h"

/* The contributions table. */
enum
{
  COL_DATE,
  COL_METHOD,
  COL_REFERENCE,
  COL_NOTE,
  COL_AMOUNT,
  COL_TOTAL,
  N_COLS
};

/* The date and note columns share DATE_AND_NOTE points: the date column is
 * as wide as the longest date of the document needs (dates are longer in
 * English), the note column takes the rest. */
static const double base_width[N_COLS] = { 90, 56, 74, 140, 72, 72 };
#define DATE_AND_NOTE (90.0 + 140.0)
#define MIN_DATE_WIDTH 48.0
#define CELL_PAD      4.0
#define TABLE_SIZE    8.0
#define TABLE_LEADING 10.0
#define HEADER_HEIGHT 18.0
#define CHART_HEIGHT  150.0
#define MIN_CHART_HEIGHT 80.0

static const CagRgb tint_good = { 0.86, 0.93, 0.89 };

typedef struct
{
  const CagStatementData *data;
  double                  col_w[N_COLS];
  double                  col_x[N_COLS + 1];
} StatementCtx;

static void
set_up_columns (CagPdfDoc    *doc,
                StatementCtx *ctx)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagStatementData *data = ctx->data;
  double widest = cag_pdf_text_width (doc, CAG_PDF_BOLD, 7.5, C_("pdf", "Date"));

  for (guint i = 0; i < data->contributions->len; i++)
    {
      const CagContribution *c = data->contributions->pdata[i];
      g_autofree char *date = cag_date_format (&c->date, lang);

      widest = MAX (widest, cag_pdf_text_width (doc, CAG_PDF_REGULAR, TABLE_SIZE, date));
    }
  memcpy (ctx->col_w, base_width, sizeof ctx->col_w);
  ctx->col_w[COL_DATE] = CLAMP (ceil (widest) + 2 * CELL_PAD + 2, MIN_DATE_WIDTH,
                                DATE_AND_NOTE / 2);
  ctx->col_w[COL_NOTE] = DATE_AND_NOTE - ctx->col_w[COL_DATE];
  ctx->col_x[0] = CAG_PDF_LEFT;
  for (int c = 0; c < N_COLS; c++)
    ctx->col_x[c + 1] = ctx->col_x[c] + ctx->col_w[c];
}

static double
running_header_cb (CagPdfDoc *doc,
                   gpointer   user_data)
{
  StatementCtx *ctx = user_data;
  const CagStatementData *data = ctx->data;
  g_autofree char *date = cag_date_format (&data->as_of, cag_pdf_doc_get_lang (doc));
  g_autofree char *right = NULL;
  g_autofree char *left = NULL;

  /* TRANSLATORS: top right of the continuation pages of a statement. */
  right = g_strdup_printf (C_("pdf", "Statement as of %s (continued)"), date);
  left = g_strdup_printf ("%s — %s", data->organization->name, data->campaign->name);
  return cag_pdf_running_header (doc, left, right);
}

/* ---- Who and what ------------------------------------------------------- */

static double
draw_identity (CagPdfDoc              *doc,
               const CagStatementData *data,
               double                  y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagFundFigures *f = &data->status->figures;
  double w = CAG_PDF_CONTENT_WIDTH / 3.0;
  g_autofree char *start = cag_month_format (cag_month_index (&data->campaign->start), lang);
  g_autofree char *last = cag_month_format (cag_month_index (&data->campaign->deadline) - 1,
                                            lang);
  g_autofree char *deadline = cag_date_format (&data->campaign->deadline, lang);
  g_autofree char *cost = cag_money_format (data->campaign->delegation_cost_cents, lang);
  g_autofree char *period = NULL;
  g_autofree char *delegations = NULL;
  g_autofree char *region = NULL;
  g_autofree char *org_name = NULL;

  /* TRANSLATORS: the saving period of a campaign: first month, last month,
   * number of months. */
  period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s (%d month)",
                                         "%s to %s (%d months)", (gulong) f->months_total),
                            start, last, f->months_total);
  /* TRANSLATORS: number of delegations × cost of one delegation. */
  delegations = g_strdup_printf (C_("pdf", "%d × %s"), data->status->delegations, cost);
  if (data->organization->region != NULL && *data->organization->region != '\0')
    region = g_strdup (data->organization->region);
  else
    region = g_strdup ("—");
  /* The organization's own name (shortened to the cell), then its short
   * name when it has one. */
  if (data->organization->short_name != NULL && *data->organization->short_name != '\0')
    org_name = g_strdup_printf ("%s (%s)", data->organization->name,
                                data->organization->short_name);
  else
    org_name = g_strdup (data->organization->name);

  /* The saving period is the longest value: give it the widest column. */
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT, y, w * 0.8, C_("pdf", "Campaign"), data->campaign->name);
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT + w * 0.8, y, w * 1.4, C_("pdf", "Saving period"), period);
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT + w * 2.2, y, w * 0.8, C_("pdf", "Deadline (the event)"),
                     deadline);
  y -= 32;
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT, y, w * 0.8, C_("pdf", "Organization"), org_name);
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT + w * 0.8, y, w * 1.4, C_("pdf", "Region"), region);
  cag_pdf_draw_cell (doc, CAG_PDF_LEFT + w * 2.2, y, w * 0.8, C_("pdf", "Delegations aimed for"),
                     delegations);
  y -= 32;
  return y;
}

/* ---- Figures ------------------------------------------------------------ */

static double
draw_row (CagPdfDoc    *doc,
          double        x,
          double        y,
          double        w,
          const char   *label,
          const char   *value,
          const CagRgb *color)
{
  double vw = cag_pdf_text_width (doc, CAG_PDF_BOLD, 9, value);

  cag_pdf_text_fit (doc, x, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 9, &cag_pdf_muted,
                    w - vw - 10, label);
  cag_pdf_text_fit (doc, x + w, y, CAG_PDF_ALIGN_RIGHT, CAG_PDF_BOLD, 9, color, w * 0.6, value);
  cag_pdf_line (doc, x, y - 5.5, x + w, y - 5.5, 0.4, &cag_pdf_faint, FALSE);
  return y - 17;
}

static double
draw_figures (CagPdfDoc              *doc,
              const CagStatementData *data,
              double                  y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagFundFigures *f = &data->status->figures;
  const CagRgb *state_color = cag_pdf_state_color (f->state);
  double gap = 12;
  double bw = (CAG_PDF_CONTENT_WIDTH - 2 * gap) / 3.0;
  double cw = (CAG_PDF_CONTENT_WIDTH - 24) / 2.0;
  double yl, yr;
  gint64 total = f->saved_cents + f->matched_cents;
  gint expected_tenths = -1;
  g_autofree char *saved = cag_money_format (total, lang);
  g_autofree char *target = cag_money_format (f->target_cents, lang);
  g_autofree char *saved_note = NULL;
  g_autofree char *target_note = NULL;
  g_autofree char *percent = cag_pdf_percent (doc, f->percent_tenths);
  g_autofree char *expected = cag_money_format (f->expected_cents, lang);
  g_autofree char *planned = cag_money_format (f->planned_monthly_cents, lang);
  g_autofree char *needed = cag_money_format (f->monthly_needed_cents, lang);
  g_autofree char *paid = cag_money_format (f->paid_this_month_cents, lang);
  g_autofree char *paid_text = NULL;
  g_autofree char *month_start = NULL;
  g_autofree char *expected_label = NULL;
  g_autofree char *months = NULL;
  g_autofree char *plan_text = NULL;
  g_autofree char *projection = NULL;
  g_autofree char *progress = NULL;
  CagDate first = cag_month_first_day (cag_month_index (&data->as_of));

  if (f->matched_cents > 0)
    {
      g_autofree char *own = cag_money_format (f->saved_cents, lang);
      g_autofree char *matched = cag_money_format (f->matched_cents, lang);

      /* TRANSLATORS: under the amount saved, when a funder matches savings. */
      saved_note = g_strdup_printf (C_("pdf", "%s saved + %s matched"), own, matched);
    }
  else
    saved_note = g_strdup (C_("pdf", "contributions not voided"));
  target_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "for %d delegation",
                                              "for %d delegations",
                                              (gulong) data->status->delegations),
                                 data->status->delegations);

  cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT, y, bw, 16, C_("pdf", "Saved"), saved, saved_note,
                           &cag_pdf_primary);
  cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + bw + gap, y, bw, 16, C_("pdf", "Target"), target,
                           target_note,
                   &cag_pdf_ink);
  if (f->surplus_cents > 0)
    {
      g_autofree char *surplus = cag_money_format (f->surplus_cents, lang);
      cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + 2 * (bw + gap), y, bw, 16, C_("pdf", "Surplus"),
                               surplus,
                       C_("pdf", "the target is reached"), &cag_pdf_good);
    }
  else
    {
      g_autofree char *remaining = cag_money_format (f->remaining_cents, lang);
      const char *note = f->state == CAG_FUND_COMPLETE ? C_("pdf", "the target is reached")
                                                        : C_("pdf", "still to be saved");
      cag_pdf_draw_key_figure (doc, CAG_PDF_LEFT + 2 * (bw + gap), y, bw, 16,
                               C_("pdf", "Remaining"), remaining,
                       note, f->remaining_cents > 0 ? &cag_pdf_ink : &cag_pdf_good);
    }
  y -= 54 + 20;

  /* Progress bar, with a mark where the plan says the fund should be. */
  month_start = cag_date_format (&first, lang);
  if (f->target_cents > 0)
    expected_tenths = (gint) cag_mul_div_floor (f->expected_cents, 1000, f->target_cents);
  /* TRANSLATORS: above the progress bar; %s is a percentage. */
  progress = g_strdup_printf (C_("pdf", "Progress: %s of the target"), percent);
  cag_pdf_text (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 9.5, &cag_pdf_ink,
                progress);
  /* TRANSLATORS: beside the progress bar: "| expected on June 1, 2004: $1,500.00". */
  expected_label = g_strdup_printf (C_("pdf", "▎ expected on %s: %s"), month_start, expected);
  cag_pdf_text (doc, CAG_PDF_RIGHT, y, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 8.5, &cag_pdf_muted,
                expected_label);
  y -= 18;
  cag_pdf_draw_bar (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, 11, f->percent_tenths,
                    expected_tenths, state_color == &cag_pdf_muted ? &cag_pdf_primary
                                                                   : state_color);
  y -= 24;

  /* Two columns of figures. */
  yl = yr = y;
  yl = draw_row (doc, CAG_PDF_LEFT, yl, cw, C_("pdf", "State"), cag_fund_state_label (f->state),
                 state_color);
  if (f->arrears_cents > 0)
    {
      g_autofree char *arrears = cag_money_format (f->arrears_cents, lang);
      yl = draw_row (doc, CAG_PDF_LEFT, yl, cw, C_("pdf", "Arrears against the plan"), arrears,
                     &cag_pdf_warn);
    }
  else if (total > f->expected_cents && f->state != CAG_FUND_NOT_STARTED)
    {
      g_autofree char *ahead = cag_money_format (total - f->expected_cents, lang);
      yl = draw_row (doc, CAG_PDF_LEFT, yl, cw, C_("pdf", "Ahead of the plan"), ahead,
                     &cag_pdf_good);
    }
  else
    yl = draw_row (doc, CAG_PDF_LEFT, yl, cw, C_("pdf", "Arrears against the plan"),
                   C_("pdf", "none"),
                   &cag_pdf_ink);
  yl = draw_row (doc, CAG_PDF_LEFT, yl, cw, C_("pdf", "Expected at the start of the month"),
                 expected,
                 &cag_pdf_ink);
  /* TRANSLATORS: months of the saving period: elapsed of total. */
  months = g_strdup_printf (C_("pdf", "%d of %d"), f->months_elapsed, f->months_total);
  yl = draw_row (doc, CAG_PDF_LEFT, yl, cw, C_("pdf", "Months elapsed"), months, &cag_pdf_ink);

  plan_text = g_strdup (planned);
  yr = draw_row (doc, CAG_PDF_LEFT + cw + 24, yr, cw, C_("pdf", "Planned contribution per month"),
                 plan_text, &cag_pdf_ink);
  yr = draw_row (doc, CAG_PDF_LEFT + cw + 24, yr, cw, C_("pdf", "Needed per month from now on"),
                 needed,
                 f->monthly_needed_cents > f->planned_monthly_cents ? &cag_pdf_warn
                                                                   : &cag_pdf_ink);
  if (f->month_state != CAG_MONTH_NONE)
    /* TRANSLATORS: paid this month, then its state ("paid", "partial", "due"). */
    paid_text = g_strdup_printf (C_("pdf", "%s (%s)"), paid,
                                 cag_month_state_label (f->month_state));
  else
    paid_text = g_strdup (paid);
  yr = draw_row (doc, CAG_PDF_LEFT + cw + 24, yr, cw, C_("pdf", "Paid this month"), paid_text,
                 f->month_state == CAG_MONTH_DUE ? &cag_pdf_warn : &cag_pdf_ink);
  if (f->state == CAG_FUND_COMPLETE)
    projection = g_strdup (C_("pdf", "reached"));
  else if (f->has_projection)
    {
      g_autofree char *month = cag_month_format (f->projected_month, lang);

      projection = g_steal_pointer (&month);
    }
  else
    projection = g_strdup (C_("pdf", "no recent contributions"));
  yr = draw_row (doc, CAG_PDF_LEFT + cw + 24, yr, cw, C_("pdf", "Projected completion"), projection,
                 f->has_projection && f->projection_late ? &cag_pdf_warn : &cag_pdf_ink);

  y = MIN (yl, yr) - 2;
  if (f->state != CAG_FUND_COMPLETE && f->has_projection && f->projection_late)
    {
      g_autofree char *deadline = cag_date_format (&data->campaign->deadline, lang);
      g_autofree char *warning = NULL;

      /* TRANSLATORS: under the figures when the projection is late; %s is the
       * campaign's deadline. */
      warning = g_strdup_printf (C_("pdf",
                                    "At the pace of the last months, the target would be reached "
                                   "after the deadline (%s): the monthly contribution needs to "
                                   "rise to the amount needed per month above."), deadline);
      y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y - 2, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR, 8.5,
                             11, &cag_pdf_warn, warning) - 2;
    }
  return y;
}

/* ---- Chart -------------------------------------------------------------- */

/* A step of 1, 2, 2.5 or 5 × 10^k dollars (in cents) giving at most 5
 * intervals up to MAX. */
static gint64
nice_step (gint64 max_cents)
{
  static const gint64 mult[] = { 10, 20, 25, 50 };
  gint64 scale = 10;  /* 0.10 $ × mult / 10 */

  while (TRUE)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mult); i++)
        {
          gint64 step = mult[i] * scale;

          if (step * 5 >= max_cents)
            return step;
        }
      scale *= 10;
    }
}

static double
draw_chart (CagPdfDoc              *doc,
            const CagStatementData *data,
            double                  y,
            double                  height)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagFundFigures *f = &data->status->figures;
  gint s = cag_month_index (&data->campaign->start);
  gint n = MAX (1, f->months_total);
  gint current = cag_month_index (&data->as_of);
  double x0 = CAG_PDF_LEFT + 52;
  double x1 = CAG_PDF_RIGHT - 6;
  double top = y - 18;
  double bottom = y - height;
  gint64 ymax = MAX (f->target_cents, f->saved_cents);
  gint64 step;
  double now_pos;
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  gint64 cum = 0;
  guint mi = 0;
  HPDF_Page page = cag_pdf_doc_page (doc);
  const CagMonthTotal *totals =
    data->months != NULL ? (const CagMonthTotal *) (void *) data->months->data : NULL;
  guint n_totals = data->months != NULL ? data->months->len : 0;
  double last_label_right = -1e9;

#define XPOS(m) (x0 + (x1 - x0) * (double) (m) / (double) n)
#define YPOS(c) (bottom + (top - bottom) * (double) (c) / (double) ymax)

#define PLAN_AND_TARGET() \
  do \
    { \
      /* The plan: a straight line from nothing at the start to the target at \
       * the deadline (the expected amount grows by target / N each month). */ \
      cag_pdf_line (doc, XPOS (0), YPOS (0), XPOS (n), YPOS (f->target_cents), 1.2, \
                    &cag_pdf_muted, TRUE); \
      cag_pdf_line (doc, x0, YPOS (f->target_cents), x1, YPOS (f->target_cents), 0.6, \
                    &cag_pdf_primary, TRUE); \
      cag_pdf_text (doc, x0 + 4, YPOS (f->target_cents) + 3, CAG_PDF_ALIGN_LEFT, \
                    CAG_PDF_REGULAR, 7, &cag_pdf_primary, C_("pdf", "Target")); \
    } \
  while (0)

  if (ymax <= 0)
    ymax = 100;
  step = nice_step (ymax);
  ymax = ((ymax + step - 1) / step) * step;

  /* Legend. */
  cag_pdf_line (doc, x0, y - 4, x0 + 18, y - 4, 2, &cag_pdf_good, FALSE);
  {
    double lw = cag_pdf_text (doc, x0 + 23, y - 7, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 8,
                              &cag_pdf_ink, C_("pdf", "Cumulative savings"));
    double lx = x0 + 23 + lw + 18;

    cag_pdf_line (doc, lx, y - 4, lx + 18, y - 4, 1.2, &cag_pdf_muted, TRUE);
    cag_pdf_text (doc, lx + 23, y - 7, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 8, &cag_pdf_ink,
                  C_("pdf", "Plan (even saving up to the deadline)"));
  }

  /* Grid and amounts. */
  for (gint64 v = 0; v <= ymax; v += step)
    {
      g_autofree char *label = cag_pdf_money_short (doc, v);
      double gy = YPOS (v);

      cag_pdf_line (doc, x0, gy, x1, gy, v == 0 ? 0.8 : 0.4,
                    v == 0 ? &cag_pdf_muted : &cag_pdf_faint, FALSE);
      cag_pdf_text (doc, x0 - 5, gy - 2.5, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 7,
                    &cag_pdf_muted, label);
    }

  /* Months along the bottom: the first, every January, the deadline. */
  {
    g_autofree char *first = cag_month_format (s, lang);
    g_autofree char *end = cag_month_format (s + n, lang);
    double end_left = x1 - cag_pdf_text_width (doc, CAG_PDF_REGULAR, 7, end);
    double first_right = x0 + cag_pdf_text_width (doc, CAG_PDF_REGULAR, 7, first);

    cag_pdf_line (doc, x0, bottom, x0, bottom - 3, 0.6, &cag_pdf_muted, FALSE);
    cag_pdf_text (doc, x0, bottom - 12, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 7, &cag_pdf_muted,
                  first);
    cag_pdf_line (doc, x1, bottom, x1, bottom - 3, 0.6, &cag_pdf_muted, FALSE);
    cag_pdf_text (doc, x1, bottom - 12, CAG_PDF_ALIGN_RIGHT, CAG_PDF_REGULAR, 7, &cag_pdf_muted,
                  end);
    for (gint m = 1; m < n; m++)
      {
        gint year, month;
        g_autofree char *label = NULL;
        double lx = XPOS (m);
        double w;

        cag_month_from_index (s + m, &year, &month);
        if (month != 1)
          continue;
        label = g_strdup_printf ("%d", year);
        w = cag_pdf_text_width (doc, CAG_PDF_REGULAR, 7, label);
        cag_pdf_line (doc, lx, bottom, lx, bottom - 3, 0.6, &cag_pdf_muted, FALSE);
        if (lx - w / 2 < MAX (first_right, last_label_right) + 8 || lx + w / 2 > end_left - 8)
          continue;
        cag_pdf_text (doc, lx, bottom - 12, CAG_PDF_ALIGN_CENTER, CAG_PDF_REGULAR, 7,
                      &cag_pdf_muted, label);
        last_label_right = lx + w / 2;
      }
  }

  /* Cumulative savings at each month boundary up to the as-of date. */
  if (current >= s && page != NULL)
    {
      gint last = MIN (current - s, n);
      double pt[2];

      /* Contributions dated before the campaign's first month count from the
       * start. */
      while (mi < n_totals && totals[mi].month < s)
        cum += totals[mi++].total_cents;
      pt[0] = 0;
      pt[1] = (double) cum;
      g_array_append_vals (points, pt, 1);
      for (gint m = 1; m <= last; m++)
        {
          while (mi < n_totals && totals[mi].month < s + m)
            cum += totals[mi++].total_cents;
          pt[0] = m;
          pt[1] = (double) cum;
          g_array_append_vals (points, pt, 1);
        }
      /* Then the as-of date inside its month, with the amount saved then. */
      now_pos = current - s < n
        ? (current - s) + (data->as_of.day - 1)
                          / (double) cag_date_days_in_month (data->as_of.year, data->as_of.month)
        : n;
      pt[0] = now_pos;
      pt[1] = (double) f->saved_cents;
      g_array_append_vals (points, pt, 1);

      /* A light area under the line, then the line. */
      HPDF_Page_SetRGBFill (page, (HPDF_REAL) tint_good.r, (HPDF_REAL) tint_good.g,
                            (HPDF_REAL) tint_good.b);
      HPDF_Page_MoveTo (page, (HPDF_REAL) XPOS (0), (HPDF_REAL) YPOS (0));
      for (guint i = 0; i < points->len; i++)
        {
          double *p = &g_array_index (points, double, 2 * i);
          HPDF_Page_LineTo (page, (HPDF_REAL) XPOS (p[0]), (HPDF_REAL) YPOS (p[1]));
        }
      HPDF_Page_LineTo (page, (HPDF_REAL) XPOS (now_pos), (HPDF_REAL) YPOS (0));
      HPDF_Page_ClosePath (page);
      HPDF_Page_Fill (page);
      /* Over the area, under the savings line. */
      PLAN_AND_TARGET ();

      HPDF_Page_SetLineWidth (page, 1.8);
      HPDF_Page_SetLineJoin (page, HPDF_ROUND_JOIN);
      HPDF_Page_SetRGBStroke (page, (HPDF_REAL) cag_pdf_good.r, (HPDF_REAL) cag_pdf_good.g,
                              (HPDF_REAL) cag_pdf_good.b);
      for (guint i = 0; i < points->len; i++)
        {
          double *p = &g_array_index (points, double, 2 * i);
          if (i == 0)
            HPDF_Page_MoveTo (page, (HPDF_REAL) XPOS (p[0]), (HPDF_REAL) YPOS (p[1]));
          else
            HPDF_Page_LineTo (page, (HPDF_REAL) XPOS (p[0]), (HPDF_REAL) YPOS (p[1]));
        }
      HPDF_Page_Stroke (page);

      /* The as-of date: a dot and the amount. */
      {
        g_autofree char *amount = cag_money_format (f->saved_cents, lang);
        double px = XPOS (now_pos);
        double py = YPOS (f->saved_cents);
        double aw = cag_pdf_text_width (doc, CAG_PDF_BOLD, 7.5, amount);
        double ax = px + 5 + aw > x1 ? px - 5 - aw : px + 5;
        double target_y = YPOS (f->target_cents);
        /* Above the dot, unless that runs into the target line. */
        double ay = (py + 5 <= target_y && py + 14 >= target_y) || py + 14 > top ? py - 11
                                                                                : py + 5;

        cag_pdf_line (doc, px, bottom, px, top, 0.5, &cag_pdf_primary, TRUE);
        HPDF_Page_SetRGBFill (page, (HPDF_REAL) cag_pdf_good.r, (HPDF_REAL) cag_pdf_good.g,
                              (HPDF_REAL) cag_pdf_good.b);
        HPDF_Page_Circle (page, (HPDF_REAL) px, (HPDF_REAL) py, 2.6f);
        HPDF_Page_Fill (page);
        cag_pdf_text (doc, ax, ay, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 7.5, &cag_pdf_good, amount);
      }
    }
  else
    PLAN_AND_TARGET ();

#undef PLAN_AND_TARGET
#undef XPOS
#undef YPOS
  return bottom - 24;
}

/* ---- Contributions ------------------------------------------------------ */

static double
draw_table_header (CagPdfDoc    *doc,
                   StatementCtx *ctx,
                   double        y)
{
  static const char *titles[N_COLS] = {
    NC_("pdf", "Date"), NC_("pdf", "Method"), NC_("pdf", "Reference"), NC_("pdf", "Note"),
    NC_("pdf", "Amount"), NC_("pdf", "Running total"),
  };

  cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - HEADER_HEIGHT, CAG_PDF_CONTENT_WIDTH, HEADER_HEIGHT,
                     &cag_pdf_primary);
  for (int c = 0; c < N_COLS; c++)
    {
      gboolean right = c == COL_AMOUNT || c == COL_TOTAL;
      double x = right ? ctx->col_x[c + 1] - CELL_PAD : ctx->col_x[c] + CELL_PAD;
      static const CagRgb white = { 1, 1, 1 };

      cag_pdf_text_fit (doc, x, y - 12, right ? CAG_PDF_ALIGN_RIGHT : CAG_PDF_ALIGN_LEFT,
                        CAG_PDF_BOLD, 7.5, &white, ctx->col_w[c] - 2 * CELL_PAD,
                        g_dpgettext2 (GETTEXT_PACKAGE, "pdf", titles[c]));
    }
  return y - HEADER_HEIGHT;
}

static double
start_table_page (CagPdfDoc    *doc,
                  StatementCtx *ctx)
{
  double y = cag_pdf_doc_add_page (doc);

  return draw_table_header (doc, ctx, y);
}

/* The wrapped lines of a contribution's cells; returns the row's height. */
static double
row_lines (CagPdfDoc              *doc,
           const StatementCtx     *ctx,
           const CagContribution  *c,
           const char             *date,
           const char             *void_text,
           GPtrArray             **date_lines,
           GPtrArray             **ref_lines,
           GPtrArray             **note_lines,
           GPtrArray             **void_lines)
{
  guint n_lines;

  *date_lines = cag_pdf_wrap (doc, CAG_PDF_REGULAR, TABLE_SIZE,
                              ctx->col_w[COL_DATE] - 2 * CELL_PAD, date);
  *ref_lines = cag_pdf_wrap_max (doc, CAG_PDF_REGULAR, TABLE_SIZE,
                                 ctx->col_w[COL_REFERENCE] - 2 * CELL_PAD,
                                 c->reference != NULL ? c->reference : "", 8);
  *note_lines = cag_pdf_wrap_max (doc, CAG_PDF_REGULAR, TABLE_SIZE,
                                  ctx->col_w[COL_NOTE] - 2 * CELL_PAD,
                                  c->note != NULL ? c->note : "", 16);
  *void_lines = NULL;
  if (void_text != NULL)
    {
      *void_lines = cag_pdf_wrap_max (doc, CAG_PDF_BOLD, TABLE_SIZE,
                                      ctx->col_w[COL_NOTE] - 2 * CELL_PAD, void_text, 8);
      /* An empty note gives one empty line; drop it before the reason. */
      if ((*note_lines)->len == 1 && *(char *) (*note_lines)->pdata[0] == '\0')
        g_ptr_array_set_size (*note_lines, 0);
    }
  n_lines = MAX (MAX ((*date_lines)->len, (*ref_lines)->len),
                 (*note_lines)->len + (*void_lines != NULL ? (*void_lines)->len : 0));
  return MAX (n_lines, 1) * TABLE_LEADING + 6;
}

static char *
void_text_of (const CagContribution *c)
{
  if (!c->voided)
    return NULL;
  /* TRANSLATORS: in the note column of a voided contribution. */
  return g_strdup_printf (C_("pdf", "Voided: %s"), c->void_reason != NULL ? c->void_reason : "");
}

/* The height of the whole table, total row included. */
static double
table_height (CagPdfDoc          *doc,
              const StatementCtx *ctx)
{
  const CagStatementData *data = ctx->data;
  CagLang lang = cag_pdf_doc_get_lang (doc);
  double h = HEADER_HEIGHT + 24;

  if (data->contributions->len == 0)
    return h + 16;
  for (guint i = 0; i < data->contributions->len; i++)
    {
      const CagContribution *c = data->contributions->pdata[i];
      g_autofree char *date = cag_date_format (&c->date, lang);
      g_autofree char *void_text = void_text_of (c);
      g_autoptr (GPtrArray) date_lines = NULL;
      g_autoptr (GPtrArray) ref_lines = NULL;
      g_autoptr (GPtrArray) note_lines = NULL;
      g_autoptr (GPtrArray) void_lines = NULL;

      h += row_lines (doc, ctx, c, date, void_text, &date_lines, &ref_lines, &note_lines, &void_lines);
    }
  return h;
}

static double
draw_contributions (CagPdfDoc              *doc,
                    StatementCtx           *ctx,
                    double                  y)
{
  const CagStatementData *data = ctx->data;
  CagLang lang = cag_pdf_doc_get_lang (doc);
  gint64 running = 0;
  guint voided = 0;
  double bottom = cag_pdf_doc_bottom (doc);

  /* Start the table on a new page rather than leave a header alone. */
  if (y - HEADER_HEIGHT - 3 * 16 < bottom)
    y = start_table_page (doc, ctx);
  else
    y = draw_table_header (doc, ctx, y);

  if (data->contributions->len == 0)
    {
      y -= 16;
      cag_pdf_text (doc, CAG_PDF_LEFT + CELL_PAD, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 9,
                    &cag_pdf_muted, C_("pdf", "No contributions recorded up to this date."));
      return y - 12;
    }

  for (guint i = 0; i < data->contributions->len; i++)
    {
      const CagContribution *c = data->contributions->pdata[i];
      const CagRgb *color = c->voided ? &cag_pdf_void : &cag_pdf_ink;
      g_autofree char *date = cag_date_format (&c->date, lang);
      g_autofree char *amount = cag_money_format (c->amount_cents, lang);
      g_autofree char *total = NULL;
      g_autofree char *void_text = NULL;
      g_autoptr (GPtrArray) date_lines = NULL;
      g_autoptr (GPtrArray) ref_lines = NULL;
      g_autoptr (GPtrArray) note_lines = NULL;
      g_autoptr (GPtrArray) void_lines = NULL;
      double h, ty;

      if (c->voided)
        {
          voided++;
          total = g_strdup ("—");
          void_text = void_text_of (c);
        }
      else
        {
          running += c->amount_cents;
          total = cag_money_format (running, lang);
        }

      h = row_lines (doc, ctx, c, date, void_text, &date_lines, &ref_lines, &note_lines, &void_lines);

      /* The last row takes the total with it: never a total alone on a
       * page. */
      if (y - h - (i + 1 == data->contributions->len ? 24 : 0) < bottom)
        y = start_table_page (doc, ctx);

      if (i % 2 == 1)
        cag_pdf_fill_rect (doc, CAG_PDF_LEFT, y - h, CAG_PDF_CONTENT_WIDTH, h, &cag_pdf_shade);

      ty = y - 3 - TABLE_SIZE;
      for (guint l = 0; l < date_lines->len; l++)
        cag_pdf_text (doc, ctx->col_x[COL_DATE] + CELL_PAD, ty - l * TABLE_LEADING,
                      CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, TABLE_SIZE, color,
                      date_lines->pdata[l]);
      cag_pdf_text_fit (doc, ctx->col_x[COL_METHOD] + CELL_PAD, ty, CAG_PDF_ALIGN_LEFT,
                        CAG_PDF_REGULAR, TABLE_SIZE, color, ctx->col_w[COL_METHOD] - 2 * CELL_PAD,
                        cag_method_label (c->method));
      for (guint l = 0; l < ref_lines->len; l++)
        cag_pdf_text (doc, ctx->col_x[COL_REFERENCE] + CELL_PAD, ty - l * TABLE_LEADING,
                      CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, TABLE_SIZE, color,
                      ref_lines->pdata[l]);
      for (guint l = 0; l < note_lines->len; l++)
        cag_pdf_text (doc, ctx->col_x[COL_NOTE] + CELL_PAD, ty - l * TABLE_LEADING,
                      CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, TABLE_SIZE, color,
                      note_lines->pdata[l]);
      if (void_lines != NULL)
        for (guint l = 0; l < void_lines->len; l++)
          cag_pdf_text (doc, ctx->col_x[COL_NOTE] + CELL_PAD,
                        ty - (note_lines->len + l) * TABLE_LEADING, CAG_PDF_ALIGN_LEFT,
                        CAG_PDF_BOLD, TABLE_SIZE, &cag_pdf_warn, void_lines->pdata[l]);
      {
        double aw = cag_pdf_text (doc, ctx->col_x[COL_AMOUNT + 1] - CELL_PAD, ty,
                                  CAG_PDF_ALIGN_RIGHT, c->voided ? CAG_PDF_REGULAR : CAG_PDF_BOLD,
                                  TABLE_SIZE, color, amount);
        if (c->voided)
          {
            /* Struck out: it counts for nothing. */
            double ax = ctx->col_x[COL_AMOUNT + 1] - CELL_PAD;
            cag_pdf_line (doc, ax - aw - 1, ty + 2.6, ax + 1, ty + 2.6, 0.8, &cag_pdf_warn,
                          FALSE);
          }
      }
      cag_pdf_text (doc, ctx->col_x[COL_TOTAL + 1] - CELL_PAD, ty, CAG_PDF_ALIGN_RIGHT,
                    CAG_PDF_REGULAR, TABLE_SIZE, color, total);
      y -= h;
    }

  /* The total. */
  {
    g_autofree char *sum = cag_money_format (running, lang);
    g_autofree char *label = NULL;
    guint counted = data->contributions->len - voided;

    if (y - 24 < bottom)
      y = start_table_page (doc, ctx);
    cag_pdf_line (doc, CAG_PDF_LEFT, y, CAG_PDF_RIGHT, y, 1, &cag_pdf_primary, FALSE);
    /* TRANSLATORS: last row of the contributions table. */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total of %u contribution",
                                          "Total of %u contributions", counted),
                             counted);
    if (voided > 0)
      {
        g_autofree char *total_text = g_steal_pointer (&label);
        g_autofree char *voided_text = NULL;

        /* TRANSLATORS: after "Total of 12 contributions" when some are voided. */
        voided_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "(%u voided contribution, not counted)",
                                                    "(%u voided contributions, not counted)",
                                                    voided),
                                       voided);
        label = g_strdup_printf ("%s %s", total_text, voided_text);
      }
    y -= 14;
    cag_pdf_text_fit (doc, CAG_PDF_LEFT + CELL_PAD, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, 8.5,
                      &cag_pdf_ink, ctx->col_x[COL_AMOUNT] - CAG_PDF_LEFT, label);
    cag_pdf_text (doc, ctx->col_x[COL_TOTAL + 1] - CELL_PAD, y, CAG_PDF_ALIGN_RIGHT, CAG_PDF_BOLD,
                  8.5, &cag_pdf_ink, sum);
    y -= 10;
  }
  return y;
}

void
cag_pdf_draw_statement (CagPdfDoc              *doc,
                        const CagStatementData *data)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  StatementCtx ctx = { data, { 0 } };
  g_autofree char *as_of = cag_date_format (&data->as_of, lang);
  g_autofree char *right = NULL;
  g_autofree char *section = NULL;
  g_autofree char *footer = NULL;
  double chart_height;
  double y;

  set_up_columns (doc, &ctx);

  /* TRANSLATORS: bottom left of every page of a statement: organization,
   * campaign. */
  footer = g_strdup_printf (C_("pdf", "Delegation fund statement — %s — %s"),
                            data->organization->name,
                            data->campaign->name);
  cag_pdf_doc_set_footer (doc, footer);
  cag_pdf_doc_set_header_func (doc, running_header_cb, &ctx);

  cag_pdf_doc_add_page (doc);
  /* TRANSLATORS: top right of a statement; %s is a date. */
  right = g_strdup_printf (C_("pdf", "As of %s"), as_of);
  y = cag_pdf_draw_letterhead (doc, data->network, C_("pdf", "Delegation fund statement"),
                               data->organization->name, right);
  y = draw_identity (doc, data, y);

  /* TRANSLATORS: section heading; %s is a date. */
  section = g_strdup_printf (C_("pdf", "Where the fund stands on %s"), as_of);
  y = cag_pdf_draw_section (doc, y + 4, section);
  y = draw_figures (doc, data, y);
  y = cag_pdf_draw_section (doc, y, C_("pdf", "Savings against the plan"));
  /* A short table that would spill a few rows onto a second page fits on
   * the first with a lower chart (not below MIN_CHART_HEIGHT). */
  chart_height = CHART_HEIGHT;
  if (data->contributions->len <= 40)
    {
      double room = y - 47 - table_height (doc, &ctx) - cag_pdf_doc_bottom (doc);

      if (room < CHART_HEIGHT && room >= MIN_CHART_HEIGHT)
        chart_height = room;
    }
  y = draw_chart (doc, data, y, chart_height);
  /* Keep the heading with the start of the table. */
  if (y + 6 - 30 - HEADER_HEIGHT - 3 * 16 < cag_pdf_doc_bottom (doc))
    y = cag_pdf_doc_add_page (doc) - 6;
  y = cag_pdf_draw_section (doc, y + 6, C_("pdf", "Contributions"));
  draw_contributions (doc, &ctx, y);

  cag_pdf_doc_set_header_func (doc, NULL, NULL);
}
