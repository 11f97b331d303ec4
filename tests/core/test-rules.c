/* test-rules.c — docs/RULES.md's fund rules, figure by figure, without a database. */
#include "config.h"

#include <string.h>

#include "cag-money.h"
#include "cag-rules.h"
#include "cag-error.h"

static CagDate
ymd (gint y, gint m, gint d)
{
  CagDate date = { y, m, d };

  return date;
}

/* docs/RULES.md's fund example: June 2003 to June 2006, 4,500.00. */
static CagFundInputs
example_inputs (void)
{
  CagFundInputs in = { 0 };

  in.start = ymd (2003, 6, 1);
  in.deadline = ymd (2006, 6, 1);
  in.target_cents = 450000;
  return in;
}

static void
test_rules_months_total (void)
{
  CagDate s = ymd (2003, 6, 1), d = ymd (2006, 6, 1);
  CagDate same = ymd (2003, 6, 30), before = ymd (2003, 1, 1), mid = ymd (2003, 6, 15);

  g_assert_cmpint (cag_fund_months_total (&s, &d), ==, 36);
  g_assert_cmpint (cag_fund_months_total (&mid, &d), ==, 36);
  g_assert_cmpint (cag_fund_months_total (&s, &same), ==, 1);
  g_assert_cmpint (cag_fund_months_total (&s, &before), ==, 1);
}

static void
test_rules_pace_window (void)
{
  CagDate s = ymd (2003, 6, 1);
  CagDate t;
  gint first = -1, count = -1;

  t = ymd (2004, 6, 15);
  cag_fund_pace_window (&s, &t, &first, &count);
  g_assert_cmpint (first, ==, cag_month_index_ym (2003, 12));
  g_assert_cmpint (count, ==, 6);

  t = ymd (2003, 8, 10);
  cag_fund_pace_window (&s, &t, &first, &count);
  g_assert_cmpint (first, ==, cag_month_index_ym (2003, 6));
  g_assert_cmpint (count, ==, 2);

  t = ymd (2003, 6, 30);
  cag_fund_pace_window (&s, &t, &first, &count);
  g_assert_cmpint (count, ==, 0);

  t = ymd (2002, 1, 1);
  cag_fund_pace_window (&s, &t, &first, &count);
  g_assert_cmpint (count, ==, 0);
}

static void
test_rules_worked_example (void)
{
  CagFundInputs in = example_inputs ();
  CagFundFigures f;
  CagDate t = ymd (2004, 6, 15);

  in.saved_cents = 125000;
  in.base_cents = 125000;
  in.paid_month_cents = 0;
  cag_fund_compute (&in, &t, &f);

  g_assert_cmpint (f.target_cents, ==, 450000);
  g_assert_cmpint (f.saved_cents, ==, 125000);
  g_assert_cmpint (f.matched_cents, ==, 0);
  g_assert_cmpint (f.months_total, ==, 36);
  g_assert_cmpint (f.months_elapsed, ==, 12);
  g_assert_cmpint (f.planned_monthly_cents, ==, 12500);
  g_assert_cmpint (f.expected_cents, ==, 150000);
  g_assert_cmpint (f.state, ==, CAG_FUND_BEHIND);
  g_assert_cmpint (f.arrears_cents, ==, 25000);
  g_assert_cmpint (f.months_left, ==, 24);
  g_assert_cmpint (f.monthly_needed_cents, ==, 13542);
  g_assert_cmpint (f.paid_this_month_cents, ==, 0);
  g_assert_cmpint (f.month_state, ==, CAG_MONTH_DUE);
  g_assert_cmpint (f.remaining_cents, ==, 325000);
  g_assert_cmpint (f.surplus_cents, ==, 0);
  g_assert_cmpint (f.percent_tenths, ==, 277);
  g_assert_false (f.has_projection);

  /* A payment of 135.42 on 2004-06-20. */
  t = ymd (2004, 6, 20);
  in.saved_cents = 125000 + 13542;
  in.paid_month_cents = 13542;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.month_state, ==, CAG_MONTH_PAID);
  g_assert_cmpint (f.monthly_needed_cents, ==, 13542);
  g_assert_cmpint (f.paid_this_month_cents, ==, 13542);
  g_assert_cmpint (f.saved_cents, ==, 138542);
  g_assert_cmpint (f.state, ==, CAG_FUND_BEHIND);
  g_assert_cmpint (f.arrears_cents, ==, 150000 - 138542);

  /* Part of it: partial. */
  in.saved_cents = 125000 + 5000;
  in.paid_month_cents = 5000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.month_state, ==, CAG_MONTH_PARTIAL);
  g_assert_cmpint (f.monthly_needed_cents, ==, 13542);
}

static void
test_rules_on_track (void)
{
  CagFundInputs in = example_inputs ();
  CagFundFigures f;
  CagDate t = ymd (2004, 6, 15);

  in.saved_cents = in.base_cents = 150000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.state, ==, CAG_FUND_ON_TRACK);
  g_assert_cmpint (f.arrears_cents, ==, 0);
  g_assert_cmpint (f.monthly_needed_cents, ==, 12500);

  /* Saving more than expected lowers the need. */
  in.saved_cents = in.base_cents = 210000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.state, ==, CAG_FUND_ON_TRACK);
  g_assert_cmpint (f.monthly_needed_cents, ==, 10000);
}

static void
test_rules_not_started (void)
{
  CagFundInputs in = example_inputs ();
  CagFundFigures f;
  CagDate t = ymd (2003, 5, 20);

  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.state, ==, CAG_FUND_NOT_STARTED);
  g_assert_cmpint (f.months_elapsed, ==, 0);
  g_assert_cmpint (f.months_left, ==, 36);
  g_assert_cmpint (f.expected_cents, ==, 0);
  g_assert_cmpint (f.arrears_cents, ==, 0);
  g_assert_cmpint (f.monthly_needed_cents, ==, 12500);
  g_assert_cmpint (f.month_state, ==, CAG_MONTH_NONE);
  g_assert_false (f.has_projection);

  /* Money put aside before the start: not "not started" any more. */
  in.saved_cents = in.base_cents = 1000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.state, ==, CAG_FUND_ON_TRACK);

  /* The start's own day has begun: on track with nothing expected. */
  in.saved_cents = in.base_cents = 0;
  t = ymd (2003, 6, 1);
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.state, ==, CAG_FUND_ON_TRACK);
  g_assert_cmpint (f.month_state, ==, CAG_MONTH_DUE);
}

static void
test_rules_complete_and_surplus (void)
{
  CagFundInputs in = example_inputs ();
  CagFundFigures f;
  CagDate t = ymd (2005, 2, 10);

  in.saved_cents = in.base_cents = 450000;
  in.pace_sum_cents = 6 * 20000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.state, ==, CAG_FUND_COMPLETE);
  g_assert_cmpint (f.remaining_cents, ==, 0);
  g_assert_cmpint (f.surplus_cents, ==, 0);
  g_assert_cmpint (f.percent_tenths, ==, 1000);
  g_assert_cmpint (f.monthly_needed_cents, ==, 0);
  g_assert_cmpint (f.month_state, ==, CAG_MONTH_NONE);
  g_assert_false (f.has_projection);

  in.saved_cents = 460000;
  in.base_cents = 440000;
  in.paid_month_cents = 20000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.state, ==, CAG_FUND_COMPLETE);
  g_assert_cmpint (f.surplus_cents, ==, 10000);
  g_assert_cmpint (f.remaining_cents, ==, 0);
  g_assert_cmpint (f.percent_tenths, ==, 1022);
  /* Completed this month: the month's need (from the start of the month)
   * was met. */
  g_assert_cmpint (f.monthly_needed_cents, ==, 625);
  g_assert_cmpint (f.month_state, ==, CAG_MONTH_PAID);
}

static void
test_rules_no_months_left (void)
{
  CagFundInputs in = example_inputs ();
  CagFundFigures f;
  CagDate t = ymd (2006, 6, 15);

  in.saved_cents = in.base_cents = 400000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.months_elapsed, ==, 36);
  g_assert_cmpint (f.months_left, ==, 0);
  g_assert_cmpint (f.expected_cents, ==, 450000);
  g_assert_cmpint (f.state, ==, CAG_FUND_BEHIND);
  g_assert_cmpint (f.arrears_cents, ==, 50000);
  g_assert_cmpint (f.monthly_needed_cents, ==, 50000);
  g_assert_cmpint (f.month_state, ==, CAG_MONTH_DUE);

  /* Long after the deadline: still all of it, e clamped to N. */
  t = ymd (2008, 1, 3);
  in.saved_cents = 410000;
  in.paid_month_cents = 10000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.months_elapsed, ==, 36);
  g_assert_cmpint (f.months_left, ==, 0);
  g_assert_cmpint (f.monthly_needed_cents, ==, 50000);
  g_assert_cmpint (f.month_state, ==, CAG_MONTH_PARTIAL);
}

static void
test_rules_projection (void)
{
  CagFundInputs in = example_inputs ();
  CagFundFigures f;
  CagDate t = ymd (2004, 6, 15);

  in.saved_cents = in.base_cents = 125000;

  /* No pace: no projection. */
  cag_fund_compute (&in, &t, &f);
  g_assert_false (f.has_projection);

  /* 100.00 a month: 3,250.00 needs 33 months from June 2004 (the first):
   * February 2007, after the deadline's month. */
  in.pace_sum_cents = 6 * 10000;
  cag_fund_compute (&in, &t, &f);
  g_assert_true (f.has_projection);
  g_assert_cmpint (f.projected_month, ==, cag_month_index_ym (2007, 2));
  g_assert_true (f.projection_late);

  /* 600.00 a month: 6 months, November 2004. */
  in.pace_sum_cents = 6 * 60000;
  cag_fund_compute (&in, &t, &f);
  g_assert_true (f.has_projection);
  g_assert_cmpint (f.projected_month, ==, cag_month_index_ym (2004, 11));
  g_assert_false (f.projection_late);

  /* Exactly 3,250.00 over 24 months ends in May 2006, on time; one cent
   * less a month ends in June 2006, the deadline's month, still on time. */
  in.saved_cents = in.base_cents = 450000 - 24 * 13000;
  in.pace_sum_cents = 6 * 13000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.projected_month, ==, cag_month_index_ym (2006, 5));
  g_assert_false (f.projection_late);
  in.pace_sum_cents = 6 * 12999;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.projected_month, ==, cag_month_index_ym (2006, 6));
  g_assert_false (f.projection_late);

  /* Two months after the start the window has two months. */
  t = ymd (2003, 8, 5);
  in.saved_cents = in.base_cents = 20000;
  in.pace_sum_cents = 20000;    /* 100.00 a month */
  cag_fund_compute (&in, &t, &f);
  g_assert_true (f.has_projection);
  g_assert_cmpint (f.projected_month, ==, cag_month_index_ym (2003, 8) + 43 - 1);
  g_assert_true (f.projection_late);

  /* In the start's month there is no pace. */
  t = ymd (2003, 6, 25);
  cag_fund_compute (&in, &t, &f);
  g_assert_false (f.has_projection);
}

static void
test_rules_monthly_override (void)
{
  CagFundInputs in = example_inputs ();
  CagFundFigures f;
  CagDate t = ymd (2004, 6, 15);

  in.monthly_override_cents = 20000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.planned_monthly_cents, ==, 20000);
  /* Expected and needed still follow the target. */
  g_assert_cmpint (f.expected_cents, ==, 150000);

  /* Rounding: planned is ceil, expected is floor. */
  in = example_inputs ();
  in.target_cents = 100000;
  in.deadline = ymd (2003, 9, 1);   /* N = 3 */
  t = ymd (2003, 7, 1);
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.planned_monthly_cents, ==, 33334);
  g_assert_cmpint (f.expected_cents, ==, 33333);
  g_assert_cmpint (f.monthly_needed_cents, ==, 50000);
}

static void
test_rules_matching (void)
{
  CagFundInputs in = example_inputs ();
  CagFundFigures f;
  CagDate t = ymd (2004, 6, 15);

  /* 1:1: 125.00 becomes 62.50. */
  in.match_num = 1;
  in.match_den = 1;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.planned_monthly_cents, ==, 6250);
  g_assert_cmpint (f.expected_cents, ==, 75000);
  g_assert_cmpint (f.monthly_needed_cents, ==, cag_div_ceil (225000, 24));

  in.saved_cents = in.base_cents = 75000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.matched_cents, ==, 75000);
  g_assert_cmpint (f.remaining_cents, ==, 300000);
  g_assert_cmpint (f.percent_tenths, ==, 333);
  g_assert_cmpint (f.state, ==, CAG_FUND_ON_TRACK);
  g_assert_cmpint (f.monthly_needed_cents, ==, 6250);

  /* Own savings of 2,250.00 complete the fund. */
  in.saved_cents = in.base_cents = 225000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.state, ==, CAG_FUND_COMPLETE);
  g_assert_cmpint (f.matched_cents, ==, 225000);

  /* A cap of 1,000.00: own target 3,500.00. */
  in.match_cap_cents = 100000;
  in.saved_cents = in.base_cents = 125000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.matched_cents, ==, 100000);
  g_assert_cmpint (f.planned_monthly_cents, ==, cag_div_ceil (350000, 36));
  g_assert_cmpint (f.expected_cents, ==, 350000 * 12 / 36);
  g_assert_cmpint (f.remaining_cents, ==, 450000 - 225000);

  /* 2:1 on an odd target: the least X with X + floor(2X) >= 1,000.01. */
  in = example_inputs ();
  in.match_num = 2;
  in.match_den = 1;
  in.target_cents = 100001;
  in.deadline = ymd (2003, 7, 1);   /* N = 1 */
  t = ymd (2003, 6, 2);
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.planned_monthly_cents, ==, 33334);

  /* 1:2: X + floor(X / 2) >= 4,500.00 gives 3,000.00. */
  in = example_inputs ();
  in.match_num = 1;
  in.match_den = 2;
  t = ymd (2004, 6, 15);
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.planned_monthly_cents, ==, cag_div_ceil (300000, 36));
  in.saved_cents = in.base_cents = 299999;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.matched_cents, ==, 149999);
  g_assert_cmpint (f.state, !=, CAG_FUND_COMPLETE);
  in.saved_cents = 300000;
  cag_fund_compute (&in, &t, &f);
  g_assert_cmpint (f.state, ==, CAG_FUND_COMPLETE);
}

static void
test_rules_names (void)
{
  g_assert_cmpstr (cag_month_state_to_string (CAG_MONTH_PAID), ==, "paid");
  g_assert_cmpstr (cag_month_state_to_string (CAG_MONTH_PARTIAL), ==, "partial");
  g_assert_cmpstr (cag_month_state_to_string (CAG_MONTH_DUE), ==, "due");
  g_assert_cmpstr (cag_month_state_to_string (CAG_MONTH_NONE), ==, "none");
  g_assert_cmpstr (cag_fund_state_to_string (CAG_FUND_COMPLETE), ==, "complete");
  g_assert_cmpstr (cag_fund_state_to_string (CAG_FUND_ON_TRACK), ==, "on_track");
  g_assert_cmpstr (cag_fund_state_to_string (CAG_FUND_BEHIND), ==, "behind");
  g_assert_cmpstr (cag_fund_state_to_string (CAG_FUND_NOT_STARTED), ==, "not_started");

  cag_i18n_set_language (CAG_LANG_EN);
  g_assert_cmpstr (cag_fund_state_label (CAG_FUND_BEHIND), ==, "behind");
  cag_i18n_set_language (CAG_LANG_FR);
  if (cag_i18n_get_language () == CAG_LANG_FR)
    {
      g_assert_cmpstr (cag_fund_state_label (CAG_FUND_BEHIND), ==, "en retard");
      g_assert_cmpstr (cag_month_state_label (CAG_MONTH_PAID), ==, "payé");
    }
  cag_i18n_set_language (CAG_LANG_EN);
}

static void
test_rules_contribution_date (void)
{
  g_autoptr (CagCampaign) campaign = cag_campaign_new ();
  g_autoptr (GError) error = NULL;
  gboolean after = TRUE;

  campaign->name = g_strdup ("Dakar 2005");
  campaign->start = ymd (2003, 6, 1);
  campaign->deadline = ymd (2005, 12, 1);

  /* On the start day and on the deadline: accepted, not late. */
  g_assert_true (cag_rules_check_contribution_date (campaign, ymd (2003, 6, 1), &after, &error));
  g_assert_no_error (error);
  g_assert_false (after);
  after = TRUE;
  g_assert_true (cag_rules_check_contribution_date (campaign, ymd (2005, 12, 1), &after, &error));
  g_assert_false (after);

  /* After the deadline: accepted, flagged. */
  g_assert_true (cag_rules_check_contribution_date (campaign, ymd (2005, 12, 2), &after, &error));
  g_assert_no_error (error);
  g_assert_true (after);
  g_assert_true (cag_rules_check_contribution_date (campaign, ymd (2006, 1, 1), NULL, &error));

  /* The day before the start: refused, naming the start. */
  after = TRUE;
  g_assert_false (cag_rules_check_contribution_date (campaign, ymd (2003, 5, 31), &after, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_false (after);
  g_assert_nonnull (strstr (error->message, "June 1, 2003"));
  g_assert_nonnull (strstr (error->message, "May 31, 2003"));
  g_assert_nonnull (strstr (error->message, "Dakar 2005"));
  g_clear_error (&error);

  /* An impossible date. */
  g_assert_false (cag_rules_check_contribution_date (campaign, ymd (2004, 2, 30), NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);

  cag_i18n_set_language (CAG_LANG_FR);
  if (cag_i18n_get_language () == CAG_LANG_FR)
    {
      g_assert_false (cag_rules_check_contribution_date (campaign, ymd (2003, 5, 31), NULL,
                                                         &error));
      g_assert_nonnull (strstr (error->message, "1er\u00a0juin 2003"));
      g_assert_nonnull (strstr (error->message, "avant le début de la campagne"));
      g_clear_error (&error);
    }
  cag_i18n_set_language (CAG_LANG_EN);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cag_i18n_init ();
  cag_i18n_set_language (CAG_LANG_EN);
  g_test_add_func ("/rules/months-total", test_rules_months_total);
  g_test_add_func ("/rules/pace-window", test_rules_pace_window);
  g_test_add_func ("/rules/worked-example", test_rules_worked_example);
  g_test_add_func ("/rules/on-track", test_rules_on_track);
  g_test_add_func ("/rules/not-started", test_rules_not_started);
  g_test_add_func ("/rules/complete-surplus", test_rules_complete_and_surplus);
  g_test_add_func ("/rules/no-months-left", test_rules_no_months_left);
  g_test_add_func ("/rules/projection", test_rules_projection);
  g_test_add_func ("/rules/monthly-override", test_rules_monthly_override);
  g_test_add_func ("/rules/matching", test_rules_matching);
  g_test_add_func ("/rules/names", test_rules_names);
  g_test_add_func ("/rules/contribution-date", test_rules_contribution_date);
  return g_test_run ();
}
