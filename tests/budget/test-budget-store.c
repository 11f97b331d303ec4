/* test-budget-store.c — budgets in the store: the worked example end to end,
 * frozen versions, refusals, warnings, the audit log, and campaign matching
 * through the store's fund status. */
#include "cag-test-db.h"
#include "config.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "cag-budget.h"
#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-store.h"

#define D(x) ((gint64) (x) * 100)

typedef struct
{
  char     *dir;
  CagStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GError *error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cagnotte-budget-XXXXXX", &error);
  g_assert_no_error (error);
  path = cag_test_db_location (f->dir, "test.db");
  f->store = cag_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_strdup (cag_store_get_path (f->store));
  g_autoptr (GDir) dir = NULL;
  const char *name;

  cag_store_close (f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
add_funder (CagStore *store, const char *name, CagFunderKind kind, gboolean charity)
{
  g_autoptr (CagFunder) funder = cag_funder_new ();
  GError *error = NULL;

  funder->name = g_strdup (name);
  funder->kind = kind;
  funder->requires_charity = charity;
  g_assert_true (cag_funder_add (store, funder, &error));
  g_assert_no_error (error);
  g_assert_cmpint (funder->id, >, 0);
  return funder->id;
}

static gint64
add_budget (CagStore *store, const char *name, const char *preset)
{
  g_autoptr (CagBudget) budget = cag_budget_new ();
  GError *error = NULL;

  budget->name = g_strdup (name);
  cag_date_parse_iso ("2003-04-01", &budget->start, NULL);
  cag_date_parse_iso ("2004-03-31", &budget->end, NULL);
  g_assert_true (cag_budget_add (store, budget, preset, &error));
  g_assert_no_error (error);
  g_assert_cmpint (budget->version, ==, 1);
  return budget->id;
}

static void
set_offer (CagStore *store, gint64 budget_id, gint64 funder_id, gint num, gint den,
           const char *lines, gint *out_version)
{
  g_autoptr (CagBudgetOffer) offer = cag_budget_offer_new ();
  GError *error = NULL;

  offer->funder_id = funder_id;
  offer->num = num;
  offer->den = den;
  offer->lines = lines != NULL ? g_strsplit (lines, ",", -1) : NULL;
  g_assert_true (cag_budget_offer_set (store, budget_id, offer, out_version, &error));
  g_assert_no_error (error);
}

static gint64
add_pledge (CagStore *store, gint64 budget_id, gint64 org_id, const char *partner,
            const char *line, CagPledgeKind kind, gint64 cents, gint *out_version)
{
  g_autoptr (CagPledge) pledge = cag_pledge_new ();
  GError *error = NULL;

  pledge->organization_id = org_id;
  pledge->partner_name = g_strdup (partner);
  pledge->line_code = g_strdup (line);
  pledge->kind = kind;
  pledge->amount_cents = cents;
  if (kind == CAG_PLEDGE_IN_KIND)
    pledge->basis = g_strdup ("400 h × 50 $");
  g_assert_true (cag_budget_pledge_add (store, budget_id, pledge, out_version, &error));
  g_assert_no_error (error);
  return pledge->id;
}

static CagProforma *
compute (CagStore *store, gint64 budget_id, gint version)
{
  g_autoptr (CagProformaInput) in = NULL;
  GError *error = NULL;

  in = cag_budget_load (store, budget_id, version, &error);
  g_assert_no_error (error);
  g_assert_nonnull (in);
  return cag_proforma_compute (in);
}

static gint64
add_org (CagStore *store, const char *name, CagOrgKind kind, CagCharity charity)
{
  g_autoptr (CagOrganization) org = cag_organization_new ();
  GError *error = NULL;

  org->name = g_strdup (name);
  org->kind = kind;
  org->charity = charity;
  g_assert_true (cag_store_org_add (store, org, &error));
  g_assert_no_error (error);
  return org->id;
}

/* docs/RULES.md's worked example, on the preset's lines, through the store. */
static void
test_worked_example (Fixture *f, gconstpointer data)
{
  g_autoptr (CagProforma) p = NULL;
  g_autoptr (CagBudget) found = NULL;
  gint64 budget, f1, f2, org, pledge_a;
  GError *error = NULL;

  f1 = add_funder (f->store, "MRI", CAG_FUNDER_PROVINCIAL, FALSE);
  f2 = add_funder (f->store, "ACDI", CAG_FUNDER_FEDERAL, FALSE);
  budget = add_budget (f->store, "GESQ 2003-2004", "gesq-2003");
  org = add_org (f->store, "Chantier de l’économie sociale", CAG_ORG_SECTORAL,
                 CAG_CHARITY_NONE);

  set_offer (f->store, budget, f1, 2, 1, "b", NULL);   /* matched without regard to case */
  set_offer (f->store, budget, f2, 1, 1, NULL, NULL);
  pledge_a = add_pledge (f->store, budget, org, NULL, "A", CAG_PLEDGE_CASH, D (10000), NULL);
  add_pledge (f->store, budget, 0, "Caisse d’économie solidaire", "B", CAG_PLEDGE_IN_KIND,
              D (20000), NULL);

  found = cag_budget_find (f->store, "gesq 2003-2004", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, budget);
  g_assert_cmpint (found->version, ==, 1);

  p = compute (f->store, budget, 0);
  g_assert_cmpuint (p->n_lines, ==, 2);
  g_assert_cmpstr (p->lines[0].code, ==, "A");
  g_assert_cmpint (p->lines[0].amount_cents, ==, D (50000));
  g_assert_cmpint (p->lines[1].amount_cents, ==, D (75000));
  g_assert_cmpint (p->offers[0].requested_cents, ==, D (40000));
  g_assert_cmpint (p->offers[1].requested_cents, ==, D (10000));
  g_assert_cmpint (p->lines[1].shares[0].base_used_cents, ==, D (20000));
  g_assert_cmpint (p->lines[1].partner_needed_cents, ==, D (5000));
  g_assert_cmpint (p->lines[0].partner_needed_cents, ==, D (15000));
  g_assert_cmpint (p->gap_cents, ==, D (45000));
  g_assert_cmpint (p->partner_needed_cents, ==, D (20000));
  g_assert_cmpuint (p->warnings->len, ==, 0);

  /* Changing a pledge in place: 12,000 on A draws 12,000 from F2. */
  {
    g_autoptr (CagProformaInput) in = cag_budget_load (f->store, budget, 0, &error);
    g_autoptr (CagProforma) q = NULL;
    CagPledge *pledge = in->pledges->pdata[0];
    gint version = 0;

    g_assert_cmpint (pledge->id, ==, pledge_a);
    g_assert_cmpint (pledge->organization_id, ==, org);
    pledge->amount_cents = D (12000);
    pledge->status = CAG_PLEDGE_RECEIVED;
    g_assert_true (cag_budget_pledge_update (f->store, budget, pledge, &version, &error));
    g_assert_no_error (error);
    g_assert_cmpint (version, ==, 1);
    q = compute (f->store, budget, 0);
    g_assert_cmpint (q->offers[1].requested_cents, ==, D (12000));
    g_assert_cmpint (q->partner_cents, ==, D (32000));
  }
}

static void
test_frozen_versions (Fixture *f, gconstpointer data)
{
  g_autoptr (CagProforma) v1 = NULL;
  g_autoptr (CagProforma) v2 = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  gint64 budget, funder, pledge;
  gint version = 0;
  GError *error = NULL;
  gboolean new_version_audited = FALSE;

  funder = add_funder (f->store, "SACA", CAG_FUNDER_PROVINCIAL, FALSE);
  budget = add_budget (f->store, "Plan", "gesq-2003");
  set_offer (f->store, budget, funder, 1, 1, NULL, &version);
  g_assert_cmpint (version, ==, 1);
  pledge = add_pledge (f->store, budget, 0, "Partenaire", "A", CAG_PLEDGE_CASH, D (1000),
                       &version);
  g_assert_cmpint (version, ==, 1);

  g_assert_true (cag_budget_submit (f->store, budget, &error));
  g_assert_no_error (error);
  /* Submitting twice is refused. */
  g_assert_false (cag_budget_submit (f->store, budget, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);

  /* Editing the submitted budget makes version 2; version 1 stays. */
  g_assert_true (cag_budget_line_set (f->store, budget, "A", "Permanence", D (60000), &version,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);
  /* A second edit stays in the draft version 2. */
  add_pledge (f->store, budget, 0, "Autre", "B", CAG_PLEDGE_CASH, D (500), &version);
  g_assert_cmpint (version, ==, 2);

  v1 = compute (f->store, budget, 1);
  v2 = compute (f->store, budget, 0);
  g_assert_cmpint (v1->lines[0].amount_cents, ==, D (50000));
  g_assert_cmpint (v1->partner_cents, ==, D (1000));
  g_assert_cmpint (v2->lines[0].amount_cents, ==, D (60000));
  g_assert_cmpstr (v2->lines[0].label, ==, "Permanence");
  g_assert_cmpint (v2->partner_cents, ==, D (1500));
  g_assert_cmpuint (v2->n_offers, ==, 1);

  versions = cag_budget_versions (f->store, budget, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((CagBudget *) versions->pdata[0])->status, ==, CAG_BUDGET_SUBMITTED);
  g_assert_nonnull (((CagBudget *) versions->pdata[0])->submitted_at);
  g_assert_cmpint (((CagBudget *) versions->pdata[1])->status, ==, CAG_BUDGET_DRAFT);
  g_assert_cmpint (((CagBudget *) versions->pdata[1])->latest_version, ==, 2);

  /* Approving needs a submitted version. */
  g_assert_false (cag_budget_approve (f->store, budget, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cag_budget_submit (f->store, budget, &error));
  g_assert_true (cag_budget_approve (f->store, budget, &error));
  g_assert_no_error (error);

  /* Removing a pledge of version 1 from the approved version 2 makes
   * version 3 without it; versions 1 and 2 keep it. */
  g_assert_true (cag_budget_pledge_remove (f->store, budget, pledge, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 3);
  {
    g_autoptr (CagProforma) v3 = compute (f->store, budget, 3);
    g_autoptr (CagProforma) again = compute (f->store, budget, 2);

    g_assert_cmpint (v3->partner_cents, ==, D (500));
    g_assert_cmpint (again->partner_cents, ==, D (1500));
  }

  audit = cag_store_audit_list (f->store, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      CagAuditEntry *entry = audit->pdata[i];

      if (g_strcmp0 (entry->action, "budget.new_version") == 0)
        new_version_audited = TRUE;
    }
  g_assert_true (new_version_audited);
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr (CagBudget) budget = cag_budget_new ();
  g_autoptr (CagFunder) dup = cag_funder_new ();
  g_autoptr (CagPledge) pledge = cag_pledge_new ();
  g_autoptr (CagBudgetOffer) offer = cag_budget_offer_new ();
  g_autoptr (GPtrArray) audit_before = NULL;
  g_autoptr (GPtrArray) audit_after = NULL;
  GError *error = NULL;
  gint64 id, funder;

  funder = add_funder (f->store, "Fondation Béati", CAG_FUNDER_FOUNDATION, TRUE);
  dup->name = g_strdup ("fondation beati");
  g_assert_false (cag_funder_add (f->store, dup, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);

  budget->name = g_strdup ("Backwards");
  cag_date_parse_iso ("2004-01-01", &budget->start, NULL);
  cag_date_parse_iso ("2003-01-01", &budget->end, NULL);
  g_assert_false (cag_budget_add (f->store, budget, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cag_budget_add (f->store, budget, "nope", &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);

  id = add_budget (f->store, "Empty", NULL);
  /* No lines: nothing to submit. */
  g_assert_false (cag_budget_submit (f->store, id, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (cag_budget_line_set (f->store, id, "A,B", "x", D (1), NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cag_budget_line_set (f->store, id, "A", "", D (1), NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cag_budget_line_set (f->store, id, "A", "x", 0, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cag_budget_line_set (f->store, id, "A", "Ligne", D (100), NULL, &error));
  g_assert_no_error (error);

  audit_before = cag_store_audit_list (f->store, 1000, NULL);

  /* A pledge on a line that does not exist, an in-kind pledge without basis. */
  pledge->partner_name = g_strdup ("Partenaire");
  pledge->line_code = g_strdup ("Z");
  pledge->amount_cents = D (10);
  g_assert_false (cag_budget_pledge_add (f->store, id, pledge, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_free (pledge->line_code);
  pledge->line_code = g_strdup ("a");
  pledge->kind = CAG_PLEDGE_IN_KIND;
  g_assert_false (cag_budget_pledge_add (f->store, id, pledge, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  offer->funder_id = funder;
  offer->num = 0;
  g_assert_false (cag_budget_offer_set (f->store, id, offer, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);

  /* Refused writes leave no trace. */
  audit_after = cag_store_audit_list (f->store, 1000, NULL);
  g_assert_cmpuint (audit_before->len, ==, audit_after->len);

  /* The pledge lands on line "A" as the budget spells it. */
  pledge->basis = g_strdup ("juste valeur marchande");
  g_assert_true (cag_budget_pledge_add (f->store, id, pledge, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pledge->line_code, ==, "A");
}

static guint
count_kind (const CagProforma *p, CagProformaWarningKind kind)
{
  guint n = 0;

  for (guint i = 0; i < p->warnings->len; i++)
    n += ((CagProformaWarning *) p->warnings->pdata[i])->kind == kind;
  return n;
}

static void
test_warnings (Fixture *f, gconstpointer data)
{
  g_autoptr (CagProforma) p = NULL;
  g_autoptr (CagProforma) q = NULL;
  gint64 budget, foundation, network;
  GError *error = NULL;

  foundation = add_funder (f->store, "Fondation", CAG_FUNDER_FOUNDATION, TRUE);
  budget = add_budget (f->store, "Plan", "gesq-2003");
  set_offer (f->store, budget, foundation, 1, 1, "A,ZZ", NULL);
  add_pledge (f->store, budget, 0, "Gros partenaire", "A", CAG_PLEDGE_CASH, D (60000), NULL);
  /* A network organization without registered status does not count. */
  network = add_org (f->store, "GESQ", CAG_ORG_NETWORK, CAG_CHARITY_PENDING);

  p = compute (f->store, budget, 0);
  g_assert_cmpuint (count_kind (p, CAG_WARNING_CHARITY_REQUIRED), ==, 1);
  g_assert_cmpuint (count_kind (p, CAG_WARNING_UNKNOWN_LINE), ==, 1);
  g_assert_cmpuint (count_kind (p, CAG_WARNING_PLEDGES_ABOVE_LINE), ==, 1);

  {
    g_autoptr (CagOrganization) org = cag_store_org_get (f->store, network, &error);

    g_assert_no_error (error);
    org->charity = CAG_CHARITY_REGISTERED;
    g_assert_true (cag_store_org_update (f->store, org, &error));
    g_assert_no_error (error);
  }
  q = compute (f->store, budget, 0);
  g_assert_cmpuint (count_kind (q, CAG_WARNING_CHARITY_REQUIRED), ==, 0);
}

/* docs/RULES.md: with 1:1 matching, the monthly need of 125.00 becomes 62.50. */
static void
test_campaign_match (Fixture *f, gconstpointer data)
{
  g_autoptr (CagCampaign) campaign = cag_campaign_new ();
  g_autoptr (CagFund) fund = cag_fund_new ();
  g_autoptr (CagFundStatus) before = NULL;
  g_autoptr (CagFundStatus) after = NULL;
  g_autoptr (CagFundStatus) capped = NULL;
  g_autoptr (GPtrArray) offers = NULL;
  CagCampaignOffer offer = { 0 };
  CagDate as_of;
  GError *error = NULL;
  gint num, den;
  gint64 cap, funder, funder2;

  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = D (4500);
  cag_date_parse_iso ("2003-06-01", &campaign->start, NULL);
  cag_date_parse_iso ("2006-06-01", &campaign->deadline, NULL);
  g_assert_true (cag_store_campaign_add (f->store, campaign, &error));
  g_assert_no_error (error);
  fund->organization_id = add_org (f->store, "Équiterre", CAG_ORG_REGIONAL, CAG_CHARITY_NONE);
  fund->campaign_id = campaign->id;
  g_assert_true (cag_store_fund_open (f->store, fund, &error));
  g_assert_no_error (error);
  cag_date_parse_iso ("2003-06-15", &as_of, NULL);

  g_assert_true (cag_budget_campaign_match (f->store, campaign->id, &num, &den, &cap, &error));
  g_assert_cmpint (den, ==, 0);
  before = cag_store_fund_status (f->store, fund->id, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpint (before->figures.monthly_needed_cents, ==, 12500);

  funder = add_funder (f->store, "Fonds de solidarité", CAG_FUNDER_PARTNER, FALSE);
  offer.campaign_id = campaign->id;
  offer.funder_id = funder;
  offer.num = 1;
  offer.den = 1;
  g_assert_true (cag_campaign_offer_set (f->store, &offer, &error));
  g_assert_no_error (error);
  g_free (offer.funder_name);
  offer.funder_name = NULL;

  after = cag_store_fund_status (f->store, fund->id, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->figures.monthly_needed_cents, ==, 6250);

  /* A second, lower offer does not add up: each dollar is matched once. */
  funder2 = add_funder (f->store, "Autre", CAG_FUNDER_OTHER, FALSE);
  offer.funder_id = funder2;
  offer.num = 1;
  offer.den = 2;
  g_assert_true (cag_campaign_offer_set (f->store, &offer, &error));
  g_free (offer.funder_name);
  offer.funder_name = NULL;
  g_assert_true (cag_budget_campaign_match (f->store, campaign->id, &num, &den, &cap, &error));
  g_assert_cmpint (num, ==, 1);
  g_assert_cmpint (den, ==, 1);

  /* Setting the first funder's offer again replaces its terms: with a cap
   * of 1,000.00 per fund it is still the highest ratio. */
  offer.funder_id = funder;
  offer.num = 1;
  offer.den = 1;
  offer.cap_per_fund_cents = D (1000);
  g_assert_true (cag_campaign_offer_set (f->store, &offer, &error));
  g_free (offer.funder_name);
  offers = cag_campaign_offer_list (f->store, campaign->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offers->len, ==, 2);
  g_assert_true (cag_budget_campaign_match (f->store, campaign->id, &num, &den, &cap, &error));
  g_assert_cmpint (cap, ==, D (1000));
  capped = cag_store_fund_status (f->store, fund->id, &as_of, &error);
  g_assert_no_error (error);
  /* Own savings x with x + min(x, 1,000) ≥ 4,500: 3,500 over 36 months. */
  g_assert_cmpint (capped->figures.monthly_needed_cents, ==, 9723);

  /* Without the first offer, the second (1:2) applies; without any, none. */
  g_assert_true (cag_campaign_offer_remove (f->store, campaign->id, funder, &error));
  g_assert_no_error (error);
  {
    g_autoptr (CagFundStatus) half = cag_store_fund_status (f->store, fund->id, &as_of, &error);

    /* x + x / 2 ≥ 4,500: 3,000 over 36 months. */
    g_assert_cmpint (half->figures.monthly_needed_cents, ==, 8334);
  }
  g_assert_false (cag_campaign_offer_remove (f->store, campaign->id, funder, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cag_campaign_offer_remove (f->store, campaign->id, funder2, &error));
  {
    g_autoptr (CagFundStatus) none = cag_store_fund_status (f->store, fund->id, &as_of, &error);

    g_assert_cmpint (none->figures.monthly_needed_cents, ==, 12500);
    g_assert_cmpint (none->figures.matched_cents, ==, 0);
  }
}

/* The example budget: three funders, four partners, a warning. */
static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (CagProforma) p = NULL;
  GError *error = NULL;
  gint64 budget = 0;

  g_assert_true (cag_budget_demo_fill (f->store, &budget, &error));
  g_assert_no_error (error);
  p = compute (f->store, budget, 0);
  g_assert_cmpuint (p->n_lines, ==, 2);
  g_assert_cmpuint (p->n_offers, ==, 3);
  g_assert_cmpint (p->partner_cents, ==, D (28000));
  /* 2:1 first: on A the foundation (cash only, cap 15,000) uses 7,500 of the
   * 15,000 cash; on B ACDI uses the 13,000 of base (in kind first) for
   * 26,000.  Then MRI 1:1 matches A's 7,500 of cash left; B has none left. */
  g_assert_cmpint (p->offers[2].requested_cents, ==, D (15000));
  g_assert_cmpint (p->lines[0].shares[2].base_used_cents, ==, D (7500));
  g_assert_cmpint (p->offers[1].requested_cents, ==, D (26000));
  g_assert_cmpint (p->lines[1].shares[1].base_in_kind_cents, ==, D (8000));
  g_assert_cmpint (p->offers[0].requested_cents, ==, D (7500));
  g_assert_cmpint (p->gap_cents, ==, D (12500) + D (36000));
  g_assert_cmpuint (count_kind (p, CAG_WARNING_CHARITY_REQUIRED), ==, 1);
  /* Not twice. */
  g_assert_false (cag_budget_demo_fill (f->store, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  cag_i18n_init ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/budget-store/worked-example", test_worked_example);
  ADD ("/budget-store/frozen-versions", test_frozen_versions);
  ADD ("/budget-store/refusals", test_refusals);
  ADD ("/budget-store/warnings", test_warnings);
  ADD ("/budget-store/campaign-match", test_campaign_match);
  ADD ("/budget-store/demo", test_demo);
  return g_test_run ();
}
