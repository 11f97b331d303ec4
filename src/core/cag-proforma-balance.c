/* cag-proforma-balance.c — the balanced view of a pro-forma, what a funder
 * reads: revenues equal to expenses, to the cent (docs/RULES.md, "The balanced
 * view"; docs/BUDGETS.md, "The balanced pro-forma").
 */
#include "config.h"

#include "cag-proforma.h"
#include "cag-proforma-private.h"

void
cag_proforma_balanced_free (CagProformaBalanced *b)
{
  if (b == NULL)
    return;
  for (guint l = 0; l < b->n_lines; l++)
    g_free (b->lines[l].requested_cents);
  g_free (b->lines);
  g_free (b->requested_cents);
  g_free (b->pledge_counted_cents);
  g_free (b);
}

/* Pledges are counted in entry order, each up to what is left of its line's
 * amount: nothing funds a line beyond its amount. */
static void
count_pledges (const CagProformaInput *in,
               CagProformaBalanced    *b)
{
  g_autofree gint64 *room = g_new0 (gint64, b->n_lines + 1);

  for (guint l = 0; l < b->n_lines; l++)
    room[l] = b->lines[l].amount_cents;
  for (guint i = 0; i < b->n_pledges; i++)
    {
      const CagPledge *pledge = in->pledges->pdata[i];
      gint l = cag_proforma_line_index (in, pledge->line_code);
      gint64 counted;

      if (l < 0 || pledge->amount_cents <= 0)
        continue;
      counted = MIN (pledge->amount_cents, room[l]);
      room[l] -= counted;
      b->pledge_counted_cents[i] = counted;
      if (pledge->kind == CAG_PLEDGE_IN_KIND)
        b->lines[l].partner_in_kind_cents += counted;
      else
        b->lines[l].partner_cash_cents += counted;
      if (pledge->status == CAG_PLEDGE_INTENDED)
        b->intended_cents += counted;
      else
        b->secured_cents += counted;
    }
}

CagProformaBalanced *
cag_proforma_balance (const CagProformaInput *in,
                      const CagProforma      *p)
{
  CagProformaBalanced *b;
  g_autofree gint64 *extra = NULL;
  CagProforma *run;
  Plan plan;

  g_return_val_if_fail (in != NULL && p != NULL, NULL);
  g_return_val_if_fail (p->n_lines == in->lines->len && p->n_offers == in->offers->len, NULL);

  cag_proforma_plan_init (&plan, in);
  b = g_new0 (CagProformaBalanced, 1);
  b->n_lines = plan.nl;
  b->lines = g_new0 (CagProformaBalancedLine, plan.nl + 1);
  b->n_offers = plan.no;
  b->requested_cents = g_new0 (gint64, plan.no + 1);
  b->n_pledges = in->pledges->len;
  b->pledge_counted_cents = g_new0 (gint64, in->pledges->len + 1);

  /* The matching rules again, with each line's partner amount needed
   * pledged in cash on it. */
  extra = g_new0 (gint64, plan.nl + 1);
  for (guint l = 0; l < plan.nl; l++)
    extra[l] = p->lines[l].partner_needed_cents;
  run = cag_proforma_alloc (&plan);
  cag_proforma_allocate (&plan, extra, run);

  for (guint l = 0; l < plan.nl; l++)
    {
      CagProformaBalancedLine *bl = &b->lines[l];

      bl->amount_cents = run->lines[l].amount_cents;
      bl->to_secure_cents = extra[l];
      bl->requested_cents = g_new0 (gint64, plan.no + 1);
      for (guint o = 0; o < plan.no; o++)
        {
          bl->requested_cents[o] = run->lines[l].shares[o].given_cents;
          bl->funders_cents += bl->requested_cents[o];
          b->requested_cents[o] += bl->requested_cents[o];
        }
    }
  count_pledges (in, b);

  for (guint l = 0; l < plan.nl; l++)
    {
      CagProformaBalancedLine *bl = &b->lines[l];

      /* What the re-run leaves uncovered.  Counted pledges + to be secured
       * + what the funders give is the re-run's funded amount (pledges at
       * or above the amount leave no need, so no partner amount and no
       * funder either), so the five parts add up to the amount; the tests
       * check it rather than assume it. */
      bl->other_sources_cents = run->lines[l].gap_cents;
      b->amount_cents += bl->amount_cents;
      b->partner_cash_cents += bl->partner_cash_cents;
      b->partner_in_kind_cents += bl->partner_in_kind_cents;
      b->to_secure_cents += bl->to_secure_cents;
      b->funders_cents += bl->funders_cents;
      b->other_sources_cents += bl->other_sources_cents;
    }
  b->revenues_cents = b->partner_cash_cents + b->partner_in_kind_cents + b->to_secure_cents
                      + b->funders_cents + b->other_sources_cents;
  b->sought_cents = b->revenues_cents - b->secured_cents;

  cag_proforma_free (run);
  cag_proforma_plan_clear (&plan);
  return b;
}
