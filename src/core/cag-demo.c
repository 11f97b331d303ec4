/* cag-demo.c — example data from the seed.
 *
 * The 2003 plan of the GESQ asks the organizations named in its section
 * 4.A.b to put small amounts aside every month toward a CAD 4,500 delegation
 * to the Dakar meeting of 2005.  This fills an empty database with that
 * campaign, those organizations and a plausible history for each fund, so a
 * newcomer sees a living ledger at once.  The history is the same on every
 * run (fixed pseudo-random seed); only the cut-off date (today, or --as-of,
 * and never after the deadline) decides how much of it is recorded.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"

#include "cag-budget.h"
#include "cag-demo.h"
#include "cag-network.h"
#include "cag-store-private.h"
#include "cag-error.h"
#include "cag-money.h"

typedef enum
{
  PACE_STEADY,      /* the planned amount, a few days apart each month */
  PACE_AHEAD,       /* more than planned: complete before the deadline */
  PACE_BEHIND,      /* less than planned, some months missed */
  PACE_LATE,        /* started a year late, catching up */
  PACE_QUARTERLY,   /* every three months */
  PACE_EVENTS,      /* fundraising events: a few large amounts */
  PACE_STALLED,     /* regular, then stopped */
} Pace;

typedef struct
{
  const char *name;
  const char *short_name;
  const char *region;
  CagOrgKind  kind;
  gint        delegations;   /* 0: no fund */
  Pace        pace;
} DemoOrg;

/* Section 4.A.b of the seed: regional organizations first, then sectoral. */
static const DemoOrg demo_orgs[] = {
  { "Centre Saint-Pierre", "CSP", "Montréal", CAG_ORG_REGIONAL, 1, PACE_STEADY },
  { "Carrefour Tiers-Monde", "CTM", "Capitale-Nationale", CAG_ORG_REGIONAL, 1, PACE_AHEAD },
  { "La Spirale", NULL, "Capitale-Nationale", CAG_ORG_REGIONAL, 1, PACE_BEHIND },
  { "Coopérative régionale de développement de l'Outaouais/Laurentides", "CDROL",
    "Outaouais", CAG_ORG_REGIONAL, 1, PACE_QUARTERLY },
  { "CDÉC de Gatineau", NULL, "Outaouais", CAG_ORG_REGIONAL, 1, PACE_STEADY },
  { "Table régionale d'économie sociale du CRDO", "TRES-CRDO", "Outaouais",
    CAG_ORG_REGIONAL, 1, PACE_STALLED },
  { "CRDC", NULL, "Outaouais", CAG_ORG_REGIONAL, 0, PACE_STEADY },
  { "CÉRIS", NULL, "Outaouais", CAG_ORG_REGIONAL, 0, PACE_STEADY },
  { "COMSEP", NULL, "Mauricie", CAG_ORG_REGIONAL, 1, PACE_EVENTS },
  { "ÉCOF", NULL, "Mauricie", CAG_ORG_REGIONAL, 1, PACE_LATE },
  { "Recyclo Vesto", NULL, "Centre-du-Québec", CAG_ORG_REGIONAL, 1, PACE_BEHIND },
  { "Table d'entrepreneuriat collectif", "TEC", "Montérégie", CAG_ORG_REGIONAL, 1,
    PACE_STEADY },
  { "Atelier du chômeur", NULL, "Montérégie", CAG_ORG_REGIONAL, 1, PACE_STALLED },
  { "CECI", NULL, "Montréal", CAG_ORG_SECTORAL, 2, PACE_STEADY },
  { "SOCODEVI", NULL, "Capitale-Nationale", CAG_ORG_SECTORAL, 2, PACE_EVENTS },
  { "UPA-DI", NULL, "Montérégie", CAG_ORG_SECTORAL, 1, PACE_QUARTERLY },
  { "SUCO", NULL, "Montréal", CAG_ORG_SECTORAL, 1, PACE_BEHIND },
  { "Solidarité Sud", NULL, "Montréal", CAG_ORG_SECTORAL, 1, PACE_LATE },
  { "Filaction", NULL, "Montréal", CAG_ORG_SECTORAL, 0, PACE_STEADY },
  { "Caisse d'économie des travailleurs et travailleuses de Québec", "Caisse d'économie",
    "Capitale-Nationale", CAG_ORG_SECTORAL, 1, PACE_AHEAD },
  { "RISQ", NULL, "Montréal", CAG_ORG_SECTORAL, 0, PACE_STEADY },
  { "CQDL", NULL, NULL, CAG_ORG_NETWORK, 0, PACE_STEADY },
  { "RQIIAC", NULL, NULL, CAG_ORG_NETWORK, 1, PACE_BEHIND },
  { "Collectif des entreprises d'insertion", "CEIQ", "Montréal", CAG_ORG_NETWORK, 0,
    PACE_STEADY },
  { "Faites de la musique", NULL, "Montréal", CAG_ORG_SECTORAL, 1, PACE_EVENTS },
};

/* Voided contributions: the treasurer records the mistake's reason, then the
 * right amount. */
static const char *void_reasons[] = {
  N_("Cheque returned by the bank (insufficient funds)"),
  N_("Entered twice"),
  N_("Wrong amount: see the corrected contribution"),
  N_("Cheque lost in the mail, replaced by the treasurer"),
};

/* splitmix64: tiny, and identical on every platform and GLib version. */
typedef struct
{
  guint64 state;
} DemoRandom;

static guint64
demo_random_next (DemoRandom *r)
{
  guint64 z = (r->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [low, high]. */
static gint64
demo_random_range (DemoRandom *r,
                   gint64      low,
                   gint64      high)
{
  return low + (gint64) (demo_random_next (r) % (guint64) (high - low + 1));
}

static gboolean
demo_random_chance (DemoRandom *r,
                    gint        percent)
{
  return demo_random_range (r, 1, 100) <= percent;
}

typedef struct
{
  gint64  fund_id;
  gint64  target_cents;
  gint64  saved_cents;
  gint    cheque_number;
  const DemoOrg *org;
} DemoFund;

static CagContribution *
make_contribution (DemoRandom *r,
                   DemoFund   *fund,
                   gint        month_index,
                   gint64      amount_cents)
{
  CagContribution *c = cag_contribution_new ();
  gint64 pick = demo_random_range (r, 1, 100);

  c->fund_id = fund->fund_id;
  c->date = cag_month_first_day (month_index);
  c->date.day = (gint) demo_random_range (r, 1, 28);
  c->amount_cents = amount_cents;

  if (fund->org->pace == PACE_EVENTS && pick <= 40)
    {
      c->method = CAG_METHOD_CASH;
      c->note = g_strdup (pick <= 20 ? _("Benefit supper") : _("Raffle"));
    }
  else if (pick <= 55)
    {
      c->method = CAG_METHOD_CHEQUE;
      c->reference = g_strdup_printf ("%d", fund->cheque_number++);
    }
  else if (pick <= 90)
    {
      c->method = CAG_METHOD_TRANSFER;
      c->reference = g_strdup_printf ("VIR-%04d%02d-%03d", c->date.year, c->date.month,
                                      (int) demo_random_range (r, 1, 999));
    }
  else if (pick <= 97)
    c->method = CAG_METHOD_CASH;
  else
    {
      c->method = CAG_METHOD_OTHER;
      c->note = g_strdup (_("Donation from members"));
    }
  return c;
}

/* The amount FUND pays in month number I (0 = the campaign's first month) of
 * N, before rounding to the dollar; 0 for a missed month. */
static gint64
demo_amount (DemoRandom *r,
             DemoFund   *fund,
             gint        i,
             gint        n)
{
  gint64 planned = cag_div_ceil (fund->target_cents, n);

  switch (fund->org->pace)
    {
    case PACE_STEADY:
      return demo_random_chance (r, 5) ? 0 : planned + demo_random_range (r, 0, 2000);
    case PACE_AHEAD:
      return planned * 3 / 2 + demo_random_range (r, 0, 2500);
    case PACE_BEHIND:
      return demo_random_chance (r, 25) ? 0 : planned * 2 / 3 + demo_random_range (r, -1000, 1000);
    case PACE_LATE:
      return i < 10 ? 0 : planned * 7 / 4 + demo_random_range (r, 0, 2000);
    case PACE_QUARTERLY:
      return i % 3 == 2 ? planned * 3 + demo_random_range (r, 0, 3000) : 0;
    case PACE_EVENTS:
      return i % 5 == 4 ? planned * 5 + demo_random_range (r, -5000, 5000) : 0;
    case PACE_STALLED:
    default:
      return i < 14 ? planned + demo_random_range (r, 0, 1000) : 0;
    }
}

/* Appends FUND's history up to CUTOFF to ROWS; the indexes of the rows to
 * void afterwards (with the reason index) go to VOIDS. */
static void
demo_history (DemoRandom        *r,
              DemoFund          *fund,
              const CagCampaign *campaign,
              const CagDate     *cutoff,
              GPtrArray         *rows,
              GArray            *voids)
{
  gint first = cag_month_index (&campaign->start);
  gint n = cag_month_index (&campaign->deadline) - first;

  for (gint i = 0; i < n; i++)
    {
      gint64 amount = demo_amount (r, fund, i, n);
      CagContribution *c;

      if (amount <= 0 || fund->saved_cents >= fund->target_cents)
        continue;
      /* Whole dollars, as people write cheques; the last one tops up. */
      amount = MAX (100, amount / 100 * 100);
      amount = MIN (amount, fund->target_cents - fund->saved_cents);

      c = make_contribution (r, fund, first + i, amount);
      if (cag_date_compare (&c->date, cutoff) > 0)
        {
          cag_contribution_free (c);
          break;
        }

      /* Now and then a mistake, voided and recorded again. */
      if (demo_random_chance (r, 4))
        {
          CagContribution *wrong = cag_contribution_copy (c);
          /* Reasons 0 and 3 are about cheques; 1 and 2 fit any method. */
          gint reason = c->method == CAG_METHOD_CHEQUE
                        ? (gint) demo_random_range (r, 0, G_N_ELEMENTS (void_reasons) - 1)
                        : (gint) demo_random_range (r, 1, 2);
          gint pair[2] = { (gint) rows->len, reason };

          if (reason == 2)
            wrong->amount_cents = amount * 10;
          /* A returned or lost cheque is replaced by a new one. */
          if (c->method == CAG_METHOD_CHEQUE && (reason == 0 || reason == 3))
            {
              g_free (c->reference);
              c->reference = g_strdup_printf ("%d", fund->cheque_number++);
            }
          g_ptr_array_add (rows, wrong);
          g_array_append_vals (voids, pair, 2);
        }

      g_ptr_array_add (rows, c);
      fund->saved_cents += amount;
    }
}

/* ---- Filling ------------------------------------------------------------ */

/* The issuer of the example's documents.  The name is the GESQ's; the
 * address, person, telephone and addresses are invented example data
 * (555 number, example.org domain). */
static gboolean
demo_network (CagStore *store,
              GError  **error)
{
  g_autoptr(CagNetwork) network = cag_network_new ();

  network->name = g_strdup ("Groupe d'économie solidaire du Québec (GESQ)");
  network->address = g_strdup ("1431, rue Fullum, bureau 000 (adresse d'exemple)\n"
                               "Montréal (Québec)  H2K 0A0");
  network->contact = g_strdup ("Hélène Exemple");
  network->email = g_strdup ("tresorerie@gesq.example.org");
  network->phone = g_strdup ("514 555-0142");
  network->website = g_strdup ("gesq.example.org");
  return cag_store_network_set (store, network, error);
}

static gboolean
fill (CagStore       *store,
      const CagDate  *as_of,
      CagDemoSummary *out,
      GError        **error)
{
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);
  g_autoptr(GArray) voids = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autofree DemoFund *funds = g_new0 (DemoFund, G_N_ELEMENTS (demo_orgs));
  DemoRandom random = { G_GUINT64_CONSTANT (20030601) };
  CagDate cutoff = as_of != NULL ? *as_of : cag_date_today ();
  guint n_funds = 0;

  /* The seed: saving from mid-2003, "over the next three years", for the
   * Dakar meeting of November 2005; CAD 4,500 a delegation. */
  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  campaign->start = (CagDate) { 2003, 6, 1 };
  campaign->deadline = (CagDate) { 2005, 11, 22 };
  if (!cag_store_campaign_add (store, campaign, error))
    return FALSE;
  if (cag_date_compare (&cutoff, &campaign->deadline) > 0)
    cutoff = campaign->deadline;

  for (gsize i = 0; i < G_N_ELEMENTS (demo_orgs); i++)
    {
      const DemoOrg *d = &demo_orgs[i];
      g_autoptr(CagOrganization) org = cag_organization_new ();
      g_autoptr(CagFund) fund = NULL;

      org->name = g_strdup (d->name);
      org->short_name = g_strdup (d->short_name);
      org->region = g_strdup (d->region);
      org->kind = d->kind;
      if (!cag_store_org_add (store, org, error))
        return FALSE;
      if (d->delegations == 0)
        continue;

      fund = cag_fund_new ();
      fund->organization_id = org->id;
      fund->campaign_id = campaign->id;
      fund->delegations = d->delegations;
      if (!cag_store_fund_open (store, fund, error))
        return FALSE;

      funds[n_funds].fund_id = fund->id;
      funds[n_funds].target_cents = d->delegations * campaign->delegation_cost_cents;
      funds[n_funds].cheque_number = (gint) demo_random_range (&random, 100, 900);
      funds[n_funds].org = d;
      n_funds++;
    }

  for (guint i = 0; i < n_funds; i++)
    demo_history (&random, &funds[i], campaign, &cutoff, rows, voids);

  if (rows->len > 0 && !cag_store_contribution_add_batch (store, rows, error))
    return FALSE;
  for (guint i = 0; i < voids->len; i += 2)
    {
      CagContribution *c = g_ptr_array_index (rows, g_array_index (voids, gint, i));
      const char *reason = _(void_reasons[g_array_index (voids, gint, i + 1)]);

      if (!cag_store_contribution_void (store, c->id, reason, error))
        return FALSE;
    }

  /* The example budget, section 4.D (cag-budget-demo.c). */
  if (!cag_budget_demo_fill (store, NULL, error))
    return FALSE;

  if (!demo_network (store, error))
    return FALSE;

  if (out != NULL)
    {
      out->campaign_id = campaign->id;
      out->organizations = G_N_ELEMENTS (demo_orgs);
      out->funds = n_funds;
      out->contributions = rows->len;
      out->cutoff = cutoff;
    }
  return TRUE;
}

gboolean
cag_demo_fill (CagStore       *store,
               const CagDate  *as_of,
               CagDemoSummary *out,
               GError        **error)
{
  g_return_val_if_fail (store != NULL, FALSE);

  if (!cag_store_is_empty (store))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                   _("The database %s already holds data: the example goes only into an empty database (use --db NEW-FILE)."),
                   cag_store_get_path (store));
      return FALSE;
    }

  /* One transaction for the whole example: a failure leaves the file empty. */
  if (!cag_store_begin (store, error))
    return FALSE;
  if (!fill (store, as_of, out, error))
    {
      cag_store_rollback (store);
      return FALSE;
    }
  if (!cag_store_commit (store, error))
    {
      cag_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
