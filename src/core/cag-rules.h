/* cag-rules.h — docs/RULES.md's fund rules as a pure function.
 *
 * The store gathers a handful of exact aggregates per fund (see
 * CagFundInputs) with indexed queries and per-month totals; everything else
 * is computed here, on integers, so it can be tested without a database.
 */
#pragma once

#include <glib.h>
#include "cag-date.h"
#include "cag-model.h"

G_BEGIN_DECLS

typedef enum
{
  CAG_MONTH_NONE,      /* nothing needed this month */
  CAG_MONTH_DUE,       /* needed > 0, nothing paid */
  CAG_MONTH_PARTIAL,   /* 0 < paid < needed */
  CAG_MONTH_PAID,      /* paid >= needed */
} CagMonthState;

typedef enum
{
  CAG_FUND_NOT_STARTED,
  CAG_FUND_BEHIND,
  CAG_FUND_ON_TRACK,
  CAG_FUND_COMPLETE,
} CagFundState;

const char *cag_month_state_to_string (CagMonthState s);  /* "paid", "partial", "due", "none" */
const char *cag_month_state_label     (CagMonthState s);  /* translated */
const char *cag_fund_state_to_string  (CagFundState s);   /* "complete", "on_track", … */
const char *cag_fund_state_label      (CagFundState s);   /* translated */

typedef struct
{
  CagDate start;                   /* campaign start S */
  CagDate deadline;                /* campaign deadline D */
  gint64  target_cents;            /* fund target */
  gint64  monthly_override_cents;  /* 0: planned = ceil(target / N) */

  /* Exact aggregates of non-void contributions, as of T: */
  gint64  saved_cents;             /* dated on or before T */
  gint64  base_cents;              /* dated before the first day of T's month */
  gint64  paid_month_cents;        /* dated in T's month, on or before T */
  gint64  pace_sum_cents;          /* dated in the pace window, see
                                    * cag_fund_pace_window() */

  /* Campaign matching: a funder gives match_num dollars for every
   * match_den dollars saved, at most match_cap_cents per fund (0: no cap).
   * match_den == 0: no matching. */
  gint    match_num;
  gint    match_den;
  gint64  match_cap_cents;
} CagFundInputs;

typedef struct
{
  gint64        target_cents;
  gint64        saved_cents;          /* own savings */
  gint64        matched_cents;        /* from a campaign offer; 0 without one */
  gint64        remaining_cents;      /* max(0, target − saved − matched) */
  gint64        surplus_cents;        /* max(0, saved + matched − target) */
  gint          percent_tenths;       /* (saved + matched) / target in tenths of a
                                       * percent, rounded down (999 = 99.9 %) */
  gint          months_total;         /* N */
  gint          months_elapsed;       /* e */
  gint          months_left;          /* m = N − e */
  gint64        planned_monthly_cents;
  gint64        expected_cents;
  gint64        arrears_cents;        /* expected − saved when behind, else 0 */
  gint64        monthly_needed_cents;
  gint64        paid_this_month_cents;
  CagMonthState month_state;
  CagFundState  state;
  gboolean      has_projection;
  gint          projected_month;      /* month index, valid when has_projection */
  gboolean      projection_late;      /* projected after D's month */
} CagFundFigures;

/* N: months from S's month up to, not including, D's month; at least 1. */
gint cag_fund_months_total (const CagDate *start,
                            const CagDate *deadline);

/* The months whose contributions make the pace as of T: from *out_first for
 * *out_count months (the last 6 whole months before T's month, not before S's
 * month).  *out_count is 0 when there is no pace window. */
void cag_fund_pace_window  (const CagDate *start,
                            const CagDate *as_of,
                            gint          *out_first_month,
                            gint          *out_count);

void cag_fund_compute      (const CagFundInputs *in,
                            const CagDate       *as_of,
                            CagFundFigures      *out);

/* A contribution's date against its campaign (docs/RULES.md, "Dates inside
 * the campaign"): a date before the campaign's start is refused with
 * CAG_ERROR_INVALID and a message naming the start in the UI language; a date
 * after the deadline is accepted and sets *out_after_deadline (may be NULL),
 * so that callers can warn.  An impossible date is refused too. */
gboolean cag_rules_check_contribution_date (const CagCampaign *campaign,
                                            CagDate            date,
                                            gboolean          *out_after_deadline,
                                            GError           **error);

G_END_DECLS
