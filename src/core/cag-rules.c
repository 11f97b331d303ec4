/* cag-rules.c — docs/RULES.md's fund rules, on integers only.
 *
 * The store hands over a few exact aggregates (CagFundInputs); everything
 * here is pure arithmetic on cents and month indexes, so every rule can be
 * tested without a database.  docs/RULES.md states the choices made where
 * docs/RULES.md is silent.
 */
#include "config.h"

#include <string.h>

#include "cag-rules.h"
#include "cag-money.h"
#include "cag-i18n.h"
#include "cag-error.h"

/* The pace is the average of the last PACE_MONTHS whole months. */
#define PACE_MONTHS 6

const char *
cag_month_state_to_string (CagMonthState s)
{
  switch (s)
    {
    case CAG_MONTH_DUE:
      return "due";
    case CAG_MONTH_PARTIAL:
      return "partial";
    case CAG_MONTH_PAID:
      return "paid";
    case CAG_MONTH_NONE:
    default:
      return "none";
    }
}

const char *
cag_month_state_label (CagMonthState s)
{
  switch (s)
    {
    case CAG_MONTH_DUE:
      return C_("month-state", "due");
    case CAG_MONTH_PARTIAL:
      return C_("month-state", "partial");
    case CAG_MONTH_PAID:
      return C_("month-state", "paid");
    case CAG_MONTH_NONE:
    default:
      return C_("month-state", "nothing due");
    }
}

const char *
cag_fund_state_to_string (CagFundState s)
{
  switch (s)
    {
    case CAG_FUND_NOT_STARTED:
      return "not_started";
    case CAG_FUND_BEHIND:
      return "behind";
    case CAG_FUND_COMPLETE:
      return "complete";
    case CAG_FUND_ON_TRACK:
    default:
      return "on_track";
    }
}

const char *
cag_fund_state_label (CagFundState s)
{
  switch (s)
    {
    case CAG_FUND_NOT_STARTED:
      return C_("fund-state", "not started");
    case CAG_FUND_BEHIND:
      return C_("fund-state", "behind");
    case CAG_FUND_COMPLETE:
      return C_("fund-state", "complete");
    case CAG_FUND_ON_TRACK:
    default:
      return C_("fund-state", "on track");
    }
}

gint
cag_fund_months_total (const CagDate *start,
                       const CagDate *deadline)
{
  gint n;

  g_return_val_if_fail (start != NULL && deadline != NULL, 1);

  n = cag_month_index (deadline) - cag_month_index (start);
  return MAX (n, 1);
}

void
cag_fund_pace_window (const CagDate *start,
                      const CagDate *as_of,
                      gint          *out_first_month,
                      gint          *out_count)
{
  gint s, cur, first;

  g_return_if_fail (start != NULL && as_of != NULL);

  s = cag_month_index (start);
  cur = cag_month_index (as_of);
  first = MAX (cur - PACE_MONTHS, s);

  if (out_first_month != NULL)
    *out_first_month = first;
  if (out_count != NULL)
    *out_count = cur > s ? cur - first : 0;
}

/* What the matching offer gives for OWN cents of savings. */
static gint64
compute_match (const CagFundInputs *in,
               gint64               own)
{
  gint64 matched;

  if (in->match_den <= 0 || in->match_num <= 0 || own <= 0)
    return 0;

  /* Saturates instead of wrapping; the store keeps the ledger small enough
   * that it never has to (docs/RULES.md, "Overflow"). */
  cag_money_mul_ratio (own, in->match_num, in->match_den, &matched);
  if (in->match_cap_cents > 0)
    matched = MIN (matched, in->match_cap_cents);
  return matched;
}

/* The least own savings X with X + match(X) >= TARGET.  X + match(X) grows
 * with X and reaches TARGET at X = TARGET, so a bisection finds it. */
static gint64
compute_own_target (const CagFundInputs *in,
                    gint64               target)
{
  gint64 lo = 0, hi = target;

  if (target <= 0)
    return 0;
  if (in->match_den <= 0 || in->match_num <= 0)
    return target;

  while (lo < hi)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (cag_money_add_sat (mid, compute_match (in, mid)) >= target)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

void
cag_fund_compute (const CagFundInputs *in,
                  const CagDate       *as_of,
                  CagFundFigures      *out)
{
  gint n, s, d, cur, e, m, pace_first, pace_count;
  gint64 target, own_target, saved, base, reached, needed_base;

  g_return_if_fail (in != NULL && as_of != NULL && out != NULL);

  memset (out, 0, sizeof *out);

  n = cag_fund_months_total (&in->start, &in->deadline);
  s = cag_month_index (&in->start);
  d = cag_month_index (&in->deadline);
  cur = cag_month_index (as_of);
  e = CLAMP (cur - s, 0, n);
  m = n - e;

  target = MAX (in->target_cents, 0);
  saved = in->saved_cents;
  base = in->base_cents;

  /* With a matching offer, the fund's target is reached by savings plus
   * match; the schedule (planned, expected, needed) asks only for the own
   * savings X that get there. */
  own_target = compute_own_target (in, target);

  out->target_cents = target;
  out->saved_cents = saved;
  out->matched_cents = compute_match (in, saved);
  reached = cag_money_add_sat (saved, out->matched_cents);
  out->remaining_cents = MAX (0, target - reached);
  out->surplus_cents = MAX (0, reached - target);
  if (target > 0)
    out->percent_tenths = (gint) MIN (cag_mul_div_floor (MAX (reached, 0), 1000, target),
                                      G_MAXINT);
  else
    out->percent_tenths = 1000;

  out->months_total = n;
  out->months_elapsed = e;
  out->months_left = m;

  if (in->monthly_override_cents > 0)
    out->planned_monthly_cents = in->monthly_override_cents;
  else
    out->planned_monthly_cents = cag_div_ceil (own_target, n);

  out->expected_cents = cag_mul_div_floor (own_target, e, n);

  /* The need is measured from the start of the month (base), so that paying
   * during the month does not change this month's need.  From the deadline's
   * month on (m = 0), all that was missing at the start of the month is due. */
  needed_base = MAX (0, own_target - base);
  if (m > 0)
    out->monthly_needed_cents = cag_div_ceil (needed_base, m);
  else
    out->monthly_needed_cents = needed_base;

  out->paid_this_month_cents = in->paid_month_cents;
  if (out->monthly_needed_cents <= 0 || cur < s)
    out->month_state = CAG_MONTH_NONE;
  else if (in->paid_month_cents >= out->monthly_needed_cents)
    out->month_state = CAG_MONTH_PAID;
  else if (in->paid_month_cents > 0)
    out->month_state = CAG_MONTH_PARTIAL;
  else
    out->month_state = CAG_MONTH_DUE;

  if (reached >= target)
    out->state = CAG_FUND_COMPLETE;
  else if (cag_date_compare (as_of, &in->start) < 0 && saved <= 0)
    out->state = CAG_FUND_NOT_STARTED;
  else if (saved >= out->expected_cents)
    out->state = CAG_FUND_ON_TRACK;
  else
    {
      out->state = CAG_FUND_BEHIND;
      out->arrears_cents = out->expected_cents - saved;
    }

  /* Projection: the pace (average of the whole months of the window, rounded
   * down) saved every month from the current month on. */
  cag_fund_pace_window (&in->start, as_of, &pace_first, &pace_count);
  if (out->state != CAG_FUND_COMPLETE && pace_count > 0 && in->pace_sum_cents > 0)
    {
      gint64 pace = in->pace_sum_cents / pace_count;
      gint64 own_left = MAX (0, own_target - saved);

      if (pace > 0 && own_left > 0)
        {
          gint64 months = cag_div_ceil (own_left, pace);

          out->has_projection = TRUE;
          out->projected_month = (gint) MIN ((gint64) cur + months - 1, (gint64) G_MAXINT / 2);
          out->projection_late = out->projected_month > d;
        }
    }
}

gboolean
cag_rules_check_contribution_date (const CagCampaign *campaign,
                                   CagDate            date,
                                   gboolean          *out_after_deadline,
                                   GError           **error)
{
  g_return_val_if_fail (campaign != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_after_deadline != NULL)
    *out_after_deadline = FALSE;

  if (!cag_date_valid (&date))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The contribution's date does not exist; enter a date such as "
                             "2004-06-15."));
      return FALSE;
    }

  if (cag_date_compare (&date, &campaign->start) < 0)
    {
      CagLang lang = cag_i18n_get_language ();
      g_autofree char *when = cag_date_format (&date, lang);
      g_autofree char *start = cag_date_format (&campaign->start, lang);

      /* TRANSLATORS: the date of a contribution, the campaign's name, its start date */
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The contribution is dated %s, before the campaign “%s” starts (%s). "
                     "Date it on or after the start."),
                   when, campaign->name != NULL ? campaign->name : "", start);
      return FALSE;
    }

  if (out_after_deadline != NULL)
    *out_after_deadline = cag_date_compare (&date, &campaign->deadline) > 0;
  return TRUE;
}
