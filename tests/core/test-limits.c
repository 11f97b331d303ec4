/* test-limits.c — what the store refuses so that no figure is ever wrong:
 * contributions dated before their campaign's start, and ledgers so large
 * that a matching ratio would overflow a gint64 (docs/RULES.md, "Dates
 * inside the campaign" and "Overflow"). */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cag-budget.h"
#include "cag-error.h"
#include "cag-money.h"
#include "cag-rules.h"
#include "cag-store.h"

/* CAD 1,000,000,000.00, the largest single amount. */
#define BILLION CAG_MONEY_MAX_CENTS

typedef struct
{
  char     *dir;
  CagStore *store;
  gint64    campaign_id;
  gint64    fund_id;
} Fixture;

static CagDate
ymd (gint y, gint m, gint d)
{
  CagDate date = { y, m, d };

  return date;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(CagFund) fund = cag_fund_new ();
  g_autofree char *path = NULL;

  fx->dir = g_dir_make_tmp ("cagnotte-limits-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "cagnotte.db", NULL);
  fx->store = cag_store_open (path, &error);
  g_assert_no_error (error);

  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  campaign->start = ymd (2003, 6, 1);
  campaign->deadline = ymd (2005, 11, 22);
  g_assert_true (cag_store_campaign_add (fx->store, campaign, &error));
  g_assert_no_error (error);
  fx->campaign_id = campaign->id;

  org->name = g_strdup ("Centre Saint-Pierre");
  g_assert_true (cag_store_org_add (fx->store, org, &error));
  g_assert_no_error (error);

  fund->organization_id = org->id;
  fund->campaign_id = campaign->id;
  fund->delegations = 1;
  g_assert_true (cag_store_fund_open (fx->store, fund, &error));
  g_assert_no_error (error);
  fx->fund_id = fund->id;
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "cagnotte.db", NULL);

  g_clear_pointer (&fx->store, cag_store_close);
  g_unlink (path);
  g_rmdir (fx->dir);
  g_free (fx->dir);
}

static CagContribution *
contribution (gint64  fund_id,
              CagDate date,
              gint64  cents)
{
  CagContribution *c = cag_contribution_new ();

  c->fund_id = fund_id;
  c->date = date;
  c->amount_cents = cents;
  c->method = CAG_METHOD_TRANSFER;
  return c;
}

/* N contributions of CENTS each, dated from the campaign's start on. */
static GPtrArray *
many (gint64 fund_id,
      guint  n,
      gint64 cents)
{
  GPtrArray *rows = g_ptr_array_new_full (n, (GDestroyNotify) cag_contribution_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, contribution (fund_id, ymd (2003, 6 + i % 6, 1 + i % 28), cents));
  return rows;
}

static guint
ledger_count (CagStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = cag_store_contribution_list (store, 0, 0, &error);

  g_assert_no_error (error);
  return list->len;
}

static CagFundFigures
figures_of (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  CagDate as_of = ymd (2004, 6, 15);
  g_autoptr(GPtrArray) statuses = cag_store_status_list (fx->store, fx->campaign_id, 0, &as_of,
                                                         &error);
  CagNetworkTotals totals;

  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, ==, 1);
  cag_network_totals_compute (statuses, &totals);
  g_assert_cmpint (totals.matched_cents, ==,
                   ((CagFundStatus *) statuses->pdata[0])->figures.matched_cents);
  return ((CagFundStatus *) statuses->pdata[0])->figures;
}

/* ---- Checked arithmetic ------------------------------------------------- */

static void
test_limits_helpers (void)
{
  gint64 out = 0;

  g_assert_true (cag_money_add_checked (BILLION, BILLION, &out));
  g_assert_cmpint (out, ==, 2 * BILLION);
  g_assert_false (cag_money_add_checked (G_MAXINT64, 1, &out));
  g_assert_cmpint (out, ==, G_MAXINT64);
  g_assert_false (cag_money_add_checked (G_MININT64, -1, &out));
  g_assert_cmpint (out, ==, G_MININT64);
  g_assert_cmpint (cag_money_add_sat (G_MAXINT64 - 5, 10), ==, G_MAXINT64);
  g_assert_cmpint (cag_money_add_sat (-5, 10), ==, 5);

  g_assert_true (cag_money_mul_ratio (CAG_MONEY_MAX_LEDGER_CENTS, 1000, 1, &out));
  g_assert_cmpint (out, ==, G_GINT64_CONSTANT (1000000000000000000));
  g_assert_true (cag_money_mul_ratio (100, 2, 3, &out));
  g_assert_cmpint (out, ==, 66);
  /* 93,000 contributions of CAD 1 billion matched 1000:1: 9.3 × 10^18 cents
   * does not fit; it used to come out negative. */
  g_assert_false (cag_money_mul_ratio (93000 * BILLION, 1000, 1, &out));
  g_assert_cmpint (out, ==, G_MAXINT64);
  g_assert_cmpint (cag_mul_div_floor (93000 * BILLION, 1000, 1), ==, G_MAXINT64);
  g_assert_cmpint (cag_mul_div_ceil (-93000 * BILLION, 1000, 1), ==, G_MININT64);
  g_assert_cmpint (cag_mul_div_floor (G_MAXINT64, 2, 2), ==, G_MAXINT64);
}

/* The rules on savings no store would keep: capped, never wrapped. */
static void
test_limits_rules_never_wrap (void)
{
  CagFundInputs in = { 0 };
  CagDate as_of = ymd (2004, 6, 15);
  CagFundFigures f;

  in.start = ymd (2003, 6, 1);
  in.deadline = ymd (2005, 11, 22);
  in.target_cents = 450000;
  in.saved_cents = 93000 * BILLION;
  in.base_cents = in.saved_cents;
  in.match_num = 1000;
  in.match_den = 1;

  cag_fund_compute (&in, &as_of, &f);
  g_assert_cmpint (f.matched_cents, ==, G_MAXINT64);
  g_assert_cmpint (f.saved_cents, ==, 93000 * BILLION);
  g_assert_cmpint (f.surplus_cents, >, 0);
  g_assert_cmpint (f.remaining_cents, ==, 0);
  g_assert_cmpint (f.percent_tenths, ==, G_MAXINT);
  g_assert_cmpint (f.state, ==, CAG_FUND_COMPLETE);
}

/* ---- The ledger's maximum ------------------------------------------------ */

static void
test_limits_ledger_max (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagFunder) funder = cag_funder_new ();
  g_autoptr(CagCampaignOffer) offer = g_new0 (CagCampaignOffer, 1);
  g_autoptr(GPtrArray) huge = NULL;
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(CagContribution) cent = NULL;
  CagFundFigures f;

  funder->name = g_strdup ("Fondation généreuse");
  g_assert_true (cag_funder_add (fx->store, funder, &error));
  g_assert_no_error (error);
  offer->campaign_id = fx->campaign_id;
  offer->funder_id = funder->id;
  offer->num = 1000;
  offer->den = 1;
  g_assert_true (cag_campaign_offer_set (fx->store, offer, &error));
  g_assert_no_error (error);

  /* 93,000 contributions of CAD 1 billion: refused whole, with the reason. */
  huge = many (fx->fund_id, 93000, BILLION);
  g_assert_false (cag_store_contribution_add_batch (fx->store, huge, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$10,000,000,000,000.00"));
  g_assert_nonnull (strstr (error->message, "most Cagnotte can keep"));
  g_clear_error (&error);
  g_assert_cmpuint (ledger_count (fx->store), ==, 0);

  /* Up to the maximum exactly: kept, and matched exactly (10^18 cents). */
  full = many (fx->fund_id, CAG_MONEY_MAX_LEDGER_CENTS / BILLION, BILLION);
  g_assert_true (cag_store_contribution_add_batch (fx->store, full, &error));
  g_assert_no_error (error);
  f = figures_of (fx);
  g_assert_cmpint (f.saved_cents, ==, CAG_MONEY_MAX_LEDGER_CENTS);
  g_assert_cmpint (f.matched_cents, ==, 1000 * CAG_MONEY_MAX_LEDGER_CENTS);
  g_assert_cmpint (f.surplus_cents, ==, 1001 * CAG_MONEY_MAX_LEDGER_CENTS - 450000);
  g_assert_cmpint (f.percent_tenths, ==, G_MAXINT);
  g_assert_true (cag_store_check_totals (fx->store, &error));
  g_assert_no_error (error);

  /* One cent more: refused, one by one or in a batch; nothing changes. */
  cent = contribution (fx->fund_id, ymd (2004, 1, 15), 1);
  g_assert_false (cag_store_contribution_add (fx->store, cent, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  two = many (fx->fund_id, 2, 1);
  g_assert_false (cag_store_contribution_add_batch (fx->store, two, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (ledger_count (fx->store), ==, CAG_MONEY_MAX_LEDGER_CENTS / BILLION);

  /* Voiding makes room again. */
  {
    g_autoptr(GPtrArray) list = cag_store_contribution_list (fx->store, fx->fund_id, 0, &error);

    g_assert_true (cag_store_contribution_void (fx->store,
                                                ((CagContribution *) list->pdata[0])->id,
                                                "saisie en double", &error));
    g_assert_no_error (error);
    g_assert_true (cag_store_contribution_add (fx->store, cent, &error));
    g_assert_no_error (error);
  }
}

/* ---- Dates inside the campaign ------------------------------------------- */

static void
test_limits_dates (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagContribution) early = contribution (fx->fund_id, ymd (2003, 5, 31), 12500);
  g_autoptr(CagContribution) first = contribution (fx->fund_id, ymd (2003, 6, 1), 12500);
  g_autoptr(CagContribution) late = contribution (fx->fund_id, ymd (2006, 1, 10), 12500);
  g_autoptr(GPtrArray) batch = many (fx->fund_id, 3, 10000);

  g_assert_false (cag_store_contribution_add (fx->store, early, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "June 1, 2003"));
  g_clear_error (&error);
  g_assert_cmpint (early->id, ==, 0);

  /* A batch with one early row is refused whole, naming the row. */
  g_ptr_array_add (batch, contribution (fx->fund_id, ymd (2002, 12, 24), 10000));
  g_assert_false (cag_store_contribution_add_batch (fx->store, batch, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Row 4: "));
  g_assert_nonnull (strstr (error->message, "June 1, 2003"));
  g_clear_error (&error);
  g_assert_cmpuint (ledger_count (fx->store), ==, 0);

  /* The start day, and after the deadline: recorded. */
  g_assert_true (cag_store_contribution_add (fx->store, first, &error));
  g_assert_no_error (error);
  g_assert_true (cag_store_contribution_add (fx->store, late, &error));
  g_assert_no_error (error);
  g_ptr_array_remove_index (batch, 3);
  g_assert_true (cag_store_contribution_add_batch (fx->store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ledger_count (fx->store), ==, 5);

  /* The start cannot move past what is recorded; earlier is fine. */
  {
    g_autoptr(CagCampaign) campaign = cag_store_campaign_get (fx->store, fx->campaign_id,
                                                              &error);

    campaign->start = ymd (2003, 6, 2);
    g_assert_false (cag_store_campaign_update (fx->store, campaign, &error));
    g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "June 2, 2003"));
    g_assert_nonnull (strstr (error->message, "June 1, 2003"));
    g_clear_error (&error);
    campaign->start = ymd (2004, 3, 1);
    g_assert_false (cag_store_campaign_update (fx->store, campaign, &error));
    g_clear_error (&error);
    campaign->start = ymd (2003, 5, 1);
    g_assert_true (cag_store_campaign_update (fx->store, campaign, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(CagCampaign) campaign = cag_store_campaign_get (fx->store, fx->campaign_id,
                                                              &error);

    g_assert_cmpint (campaign->start.month, ==, 5);
    /* Once the contributions of June 1 are void, the start may pass them. */
    g_assert_true (cag_store_contribution_void (fx->store, first->id, "mauvaise date", &error));
    g_assert_no_error (error);
    g_assert_true (cag_store_contribution_void (fx->store,
                                                ((CagContribution *) batch->pdata[0])->id,
                                                "mauvaise date", &error));
    g_assert_no_error (error);
    campaign->start = ymd (2003, 6, 2);
    g_assert_true (cag_store_campaign_update (fx->store, campaign, &error));
    g_assert_no_error (error);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cag_i18n_init ();
  cag_i18n_set_language (CAG_LANG_EN);
  g_test_add_func ("/limits/helpers", test_limits_helpers);
  g_test_add_func ("/limits/rules-never-wrap", test_limits_rules_never_wrap);
  g_test_add ("/limits/ledger-max", Fixture, NULL, fixture_set_up, test_limits_ledger_max,
              fixture_tear_down);
  g_test_add ("/limits/dates", Fixture, NULL, fixture_set_up, test_limits_dates,
              fixture_tear_down);
  return g_test_run ();
}
