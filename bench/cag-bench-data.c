/* cag-bench-data.c — a deterministic stream of realistic contributions.
 *
 * Each organization has its own pseudo-random state, seeded from the global
 * seed and its index, and a profile: most pay every month on about the same
 * day, some are irregular, some start late or stop early.  Missed months are
 * often caught up later with a second payment; a few months are paid in two
 * instalments; about one payment in a hundred is first typed with a wrong
 * amount, then recorded again correctly, and the wrong one is voided.
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "cag-bench-data.h"

typedef enum
{
  PROFILE_REGULAR,
  PROFILE_IRREGULAR,
  PROFILE_LATE,
  PROFILE_STOPPER,
} Profile;

typedef struct
{
  guint64   rng;
  Profile   profile;
  gint      delegations;
  gint64    monthly_cents;
  gint      pay_day;
  CagMethod method;
  guint     cheque_no;
  guint     transfer_no;
  gint      first_month;   /* first month it pays in (0-based) */
  gint      last_month;    /* months after this one: nothing */
  gint      miss_permille;
  gint64    owed_cents;    /* missed months not caught up yet */
} OrgState;

typedef struct
{
  guint     org;
  CagDate   date;
  gint64    amount_cents;
  CagMethod method;
  gboolean  to_void;
  gboolean  has_reference;
  gboolean  has_note;
  char      reference[48];
  char      note[64];
} PendingRow;

struct _CagBenchGen
{
  guint       n_orgs;
  guint       n_months;
  guint64     seed;
  gint        start_month;       /* month index of the campaign start */
  OrgState   *orgs;

  guint       cur_month;         /* next (month, org) to generate */
  guint       cur_org;
  gboolean    by_org;
  PendingRow  pending[8];
  guint       n_pending;
  guint       next_pending;
};

static const char *const regions[] = {
  "Bas-Saint-Laurent", "Saguenay–Lac-Saint-Jean", "Capitale-Nationale",
  "Mauricie", "Estrie", "Montréal", "Outaouais", "Abitibi-Témiscamingue",
  "Côte-Nord", "Nord-du-Québec", "Gaspésie–Îles-de-la-Madeleine",
  "Chaudière-Appalaches", "Laval", "Lanaudière", "Laurentides", "Montérégie",
  "Centre-du-Québec",
};

static const char *const prefixes[] = {
  "Coopérative de développement régional",
  "Corporation de développement économique communautaire",
  "Pôle d'économie sociale",
  "Réseau d'économie solidaire",
  "Table de concertation en économie sociale",
  "Carrefour de la finance solidaire",
  "Regroupement des entreprises d'insertion",
  "Fonds d'emprunt communautaire",
};

/* ---- Pseudo-random numbers (splitmix64: small, fast, reproducible) ------- */

static guint64
rng_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static guint
rng_below (guint64 *state,
           guint    n)
{
  return (guint) (rng_next (state) % n);
}

/* Uniform in [lo, hi]. */
static gint
rng_range (guint64 *state,
           gint     lo,
           gint     hi)
{
  return lo + (gint) rng_below (state, (guint) (hi - lo + 1));
}

static gboolean
rng_permille (guint64 *state,
              gint     permille)
{
  return (gint) rng_below (state, 1000) < permille;
}

/* ---- Helpers ------------------------------------------------------------- */

static CagMethod
pick_method (guint64 *rng)
{
  guint r = rng_below (rng, 100);

  if (r < 50)
    return CAG_METHOD_CHEQUE;
  if (r < 85)
    return CAG_METHOD_TRANSFER;
  if (r < 95)
    return CAG_METHOD_CASH;
  return CAG_METHOD_OTHER;
}

static void
init_org (CagBenchGen *gen,
          guint        i)
{
  OrgState *st = &gen->orgs[i];
  guint r;
  gint64 target;
  gint m = (gint) gen->n_months;

  st->rng = gen->seed ^ (G_GUINT64_CONSTANT (0x2545F4914F6CDD1D) * (i + 1));
  rng_next (&st->rng);

  r = rng_below (&st->rng, 100);
  st->delegations = r < 75 ? 1 : r < 95 ? 2 : 3;
  target = st->delegations * G_GINT64_CONSTANT (450000);
  st->monthly_cents = (target + m - 1) / m;

  r = rng_below (&st->rng, 100);
  st->profile = r < 70 ? PROFILE_REGULAR
              : r < 90 ? PROFILE_IRREGULAR
              : r < 95 ? PROFILE_LATE
              : PROFILE_STOPPER;
  st->first_month = 0;
  st->last_month = m - 1;
  switch (st->profile)
    {
    case PROFILE_REGULAR:
      st->miss_permille = 30;
      break;
    case PROFILE_IRREGULAR:
      st->miss_permille = 180;
      break;
    case PROFILE_LATE:
      st->miss_permille = 60;
      st->first_month = rng_range (&st->rng, m / 6, m / 2);
      break;
    case PROFILE_STOPPER:
      st->miss_permille = 60;
      st->last_month = rng_range (&st->rng, m / 2, m - 1);
      break;
    default:
      g_assert_not_reached ();
    }

  st->pay_day = rng_range (&st->rng, 1, 28);
  st->method = pick_method (&st->rng);
  st->cheque_no = (guint) rng_range (&st->rng, 100, 900) * 10;
  st->owed_cents = 0;
}

static PendingRow *
push_row (CagBenchGen *gen,
          guint        org,
          gint         month_index,
          gint         day,
          gint64       amount_cents)
{
  OrgState *st = &gen->orgs[org];
  PendingRow *row;
  gint year, month, dim;

  g_assert (gen->n_pending < G_N_ELEMENTS (gen->pending));
  row = &gen->pending[gen->n_pending++];
  memset (row, 0, sizeof *row);

  cag_month_from_index (month_index, &year, &month);
  dim = cag_date_days_in_month (year, month);
  row->org = org;
  row->date.year = year;
  row->date.month = month;
  row->date.day = CLAMP (day, 1, dim);
  row->amount_cents = MAX (amount_cents, 500);

  /* Mostly the organization's usual method, sometimes another. */
  row->method = rng_permille (&st->rng, 850) ? st->method : pick_method (&st->rng);
  switch (row->method)
    {
    case CAG_METHOD_CHEQUE:
      row->has_reference = TRUE;
      g_snprintf (row->reference, sizeof row->reference, "%06u", st->cheque_no++);
      break;
    case CAG_METHOD_TRANSFER:
      row->has_reference = TRUE;
      g_snprintf (row->reference, sizeof row->reference, "VIR %04d-%02d-%05u-%u",
                  year, month, org + 1, ++st->transfer_no);
      break;
    case CAG_METHOD_CASH:
      if (rng_permille (&st->rng, 500))
        {
          row->has_note = TRUE;
          g_snprintf (row->note, sizeof row->note, "Reçu n° %u",
                      rng_below (&st->rng, 9000) + 1000);
        }
      break;
    case CAG_METHOD_OTHER:
    default:
      row->has_note = TRUE;
      g_strlcpy (row->note, "Dépôt au comptoir de la caisse", sizeof row->note);
      break;
    }
  return row;
}

/* A payment, sometimes first typed with a wrong amount (then voided). */
static void
pay (CagBenchGen *gen,
     guint        org,
     gint         month_index,
     gint         day,
     gint64       amount_cents)
{
  OrgState *st = &gen->orgs[org];

  if (rng_permille (&st->rng, 10))
    {
      PendingRow *wrong = push_row (gen, org, month_index, day, amount_cents * 10);

      wrong->to_void = TRUE;
    }
  push_row (gen, org, month_index, day, amount_cents);
}

/* Rounds to the dollar, as people write cheques. */
static gint64
vary (guint64 *rng,
      gint64   cents,
      gint     lo_percent,
      gint     hi_percent)
{
  gint pct = rng_range (rng, lo_percent, hi_percent);

  return cents * pct / 100 / 100 * 100;
}

static void
generate_org_month (CagBenchGen *gen,
                    guint        org,
                    gint         m)
{
  OrgState *st = &gen->orgs[org];
  gint month_index = gen->start_month + m;
  gint day = st->pay_day + rng_range (&st->rng, -3, 3);
  gint64 amount;

  if (m < st->first_month || m > st->last_month)
    return;

  if (rng_permille (&st->rng, st->miss_permille))
    {
      st->owed_cents += st->monthly_cents;
      return;
    }

  switch (st->profile)
    {
    case PROFILE_IRREGULAR:
      amount = vary (&st->rng, st->monthly_cents, 50, 200);
      break;
    case PROFILE_LATE:
      /* Starting late, it puts more aside to catch up. */
      amount = vary (&st->rng, st->monthly_cents, 120, 180);
      break;
    case PROFILE_REGULAR:
    case PROFILE_STOPPER:
    default:
      amount = rng_permille (&st->rng, 750)
               ? st->monthly_cents
               : vary (&st->rng, st->monthly_cents, 90, 110);
      break;
    }

  if (rng_permille (&st->rng, 40))
    {
      /* Two instalments in the month. */
      gint64 first = amount / 2 / 100 * 100;

      pay (gen, org, month_index, day - 5, first);
      pay (gen, org, month_index, day + 8, amount - first);
    }
  else
    pay (gen, org, month_index, day, amount);

  /* Catching up a missed month with a second payment. */
  if (st->owed_cents > 0 && rng_permille (&st->rng, 600))
    {
      pay (gen, org, month_index, day + rng_range (&st->rng, 1, 10), st->owed_cents);
      st->owed_cents = 0;
    }
}

/* ---- Public API ---------------------------------------------------------- */

CagBenchGen *
cag_bench_gen_new (guint   n_orgs,
                   guint   n_months,
                   guint64 seed)
{
  CagBenchGen *gen;

  g_return_val_if_fail (n_orgs > 0 && n_months > 0, NULL);

  gen = g_new0 (CagBenchGen, 1);
  gen->n_orgs = n_orgs;
  gen->n_months = n_months;
  gen->seed = seed;
  /* Saving ends with December 2025, whatever the length. */
  gen->start_month = cag_month_index_ym (2026, 1) - (gint) n_months;
  gen->orgs = g_new0 (OrgState, n_orgs);
  for (guint i = 0; i < n_orgs; i++)
    init_org (gen, i);
  return gen;
}

void
cag_bench_gen_free (CagBenchGen *gen)
{
  if (gen == NULL)
    return;
  g_free (gen->orgs);
  g_free (gen);
}

void
cag_bench_gen_set_order (CagBenchGen   *gen,
                         CagBenchOrder  order)
{
  g_return_if_fail (gen->cur_month == 0 && gen->cur_org == 0 && gen->n_pending == 0);
  gen->by_org = order == CAG_BENCH_ORDER_ORG;
}

guint
cag_bench_gen_n_orgs (CagBenchGen *gen)
{
  return gen->n_orgs;
}

guint
cag_bench_gen_n_months (CagBenchGen *gen)
{
  return gen->n_months;
}

CagCampaign *
cag_bench_gen_campaign (CagBenchGen *gen)
{
  CagCampaign *campaign = cag_campaign_new ();

  campaign->name = g_strdup_printf ("Délégation banc d'essai %u × %u",
                                    gen->n_orgs, gen->n_months);
  campaign->delegation_cost_cents = 450000;
  campaign->start = cag_month_first_day (gen->start_month);
  campaign->deadline = cag_month_first_day (gen->start_month + (gint) gen->n_months);
  campaign->deadline.day = 15;
  return campaign;
}

CagDate
cag_bench_gen_as_of (CagBenchGen *gen)
{
  CagDate as_of = cag_month_first_day (gen->start_month + (gint) gen->n_months - 1);

  as_of.day = 20;
  return as_of;
}

CagOrganization *
cag_bench_gen_org (CagBenchGen *gen,
                   guint        i)
{
  CagOrganization *org = cag_organization_new ();
  const char *region = regions[i % G_N_ELEMENTS (regions)];
  const char *prefix = prefixes[(i / G_N_ELEMENTS (regions)) % G_N_ELEMENTS (prefixes)];

  org->name = g_strdup_printf ("%s %s %05u", prefix, region, i + 1);
  org->short_name = g_strdup_printf ("B%05u", i + 1);
  org->region = g_strdup (region);
  org->kind = i % 10 == 0 ? CAG_ORG_NETWORK : i % 3 == 0 ? CAG_ORG_SECTORAL : CAG_ORG_REGIONAL;
  org->contact_name = g_strdup ("Trésorerie");
  org->email = g_strdup_printf ("tresorerie.%05u@exemple.qc.ca", i + 1);
  org->phone = g_strdup_printf ("514 555-%04u", i % 10000);
  return org;
}

gint
cag_bench_gen_delegations (CagBenchGen *gen,
                           guint        i)
{
  g_return_val_if_fail (i < gen->n_orgs, 1);
  return gen->orgs[i].delegations;
}

gboolean
cag_bench_gen_next (CagBenchGen *gen,
                    CagBenchRow *row)
{
  PendingRow *p;

  while (gen->next_pending >= gen->n_pending)
    {
      if (gen->cur_month >= (gen->by_org ? gen->n_orgs : gen->n_months))
        return FALSE;
      gen->n_pending = 0;
      gen->next_pending = 0;
      if (gen->by_org)
        {
          /* cur_month counts organizations here, cur_org months. */
          generate_org_month (gen, gen->cur_month, (gint) gen->cur_org);
          if (++gen->cur_org == gen->n_months)
            {
              gen->cur_org = 0;
              gen->cur_month++;
            }
        }
      else
        {
          generate_org_month (gen, gen->cur_org, (gint) gen->cur_month);
          if (++gen->cur_org == gen->n_orgs)
            {
              gen->cur_org = 0;
              gen->cur_month++;
            }
        }
    }

  p = &gen->pending[gen->next_pending++];
  row->org = p->org;
  row->date = p->date;
  row->amount_cents = p->amount_cents;
  row->method = p->method;
  row->reference = p->has_reference ? p->reference : NULL;
  row->note = p->has_note ? p->note : NULL;
  row->to_void = p->to_void;
  return TRUE;
}

gint64
cag_bench_cpu_us (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

glong
cag_bench_maxrss_kib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss;
}
