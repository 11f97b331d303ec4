/* cag-budget-demo.c — example budget: the seed's section 4.D (the network's
 * half-time coordinator and its travel and concertation budget), asked of
 * three funders, with pledges from partner organizations. */
#include "config.h"

#include <glib/gi18n.h>
#include "cag-i18n.h"

#include "cag-budget.h"
#include "cag-budget-private.h"
#include "cag-error.h"

typedef struct
{
  const char    *name;
  CagFunderKind  kind;
  gboolean       requires_charity;
  gint           num;
  gint           den;
  const char    *lines;       /* NULL: every line */
  gboolean       cash_only;
  gint64         cap_cents;
  const char    *short_name;
  CagArticle     article;
} DemoOffer;

typedef struct
{
  const char      *partner;   /* an organization of the example, else free text */
  const char      *line;
  CagPledgeKind    kind;
  gint64           amount_cents;
  const char      *basis;
  CagPledgeStatus  status;
} DemoPledge;

/* 4.D.4: "MRI et l'ACDI : pour les volets déplacements et contributions
 * internationales", funders "disposés à contribuer à raison de un ou deux
 * pour un", and private foundations, which need charitable status. */
static const DemoOffer demo_offers[] = {
  { "Ministère des Relations internationales (MRI)", CAG_FUNDER_PROVINCIAL, FALSE,
    1, 1, NULL, FALSE, 2500000, "MRI", CAG_ARTICLE_LE },
  { "Agence canadienne de développement international (ACDI)", CAG_FUNDER_FEDERAL, FALSE,
    2, 1, "B", FALSE, 3000000, "ACDI", CAG_ARTICLE_L },
  { "Fondation privée", CAG_FUNDER_FOUNDATION, TRUE, 2, 1, "A", TRUE, 1500000, NULL,
    CAG_ARTICLE_LA },
};

static const DemoPledge demo_pledges[] = {
  { "Filaction", "A", CAG_PLEDGE_CASH, 1000000, NULL, CAG_PLEDGE_CONFIRMED },
  { "Caisse d'économie des travailleurs et travailleuses de Québec", "A", CAG_PLEDGE_CASH,
    500000, NULL, CAG_PLEDGE_INTENDED },
  { "CECI", "B", CAG_PLEDGE_IN_KIND, 800000, "160 h × 50 $", CAG_PLEDGE_CONFIRMED },
  { "SOCODEVI", "B", CAG_PLEDGE_CASH, 500000, NULL, CAG_PLEDGE_RECEIVED },
};

static gboolean
fill (CagStore *store,
      gint64   *out_budget_id,
      GError  **error)
{
  g_autoptr (CagBudget) budget = cag_budget_new ();

  budget->name = g_strdup (_("GESQ — coordination and concertation 2003–2004"));
  budget->start = (CagDate) { 2003, 4, 1 };
  budget->end = (CagDate) { 2004, 3, 31 };
  if (!cag_budget_add (store, budget, "gesq-2003", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_offers); i++)
    {
      const DemoOffer *d = &demo_offers[i];
      g_autoptr (CagFunder) funder = cag_funder_new ();
      g_autoptr (CagBudgetOffer) offer = cag_budget_offer_new ();

      funder->name = g_strdup (d->name);
      funder->kind = d->kind;
      funder->requires_charity = d->requires_charity;
      funder->short_name = g_strdup (d->short_name);
      funder->article = d->article;
      if (!cag_funder_add (store, funder, error))
        return FALSE;
      offer->funder_id = funder->id;
      offer->num = d->num;
      offer->den = d->den;
      offer->lines = d->lines != NULL ? g_strsplit (d->lines, ",", -1) : NULL;
      offer->cash_only = d->cash_only;
      offer->cap_cents = d->cap_cents;
      if (!cag_budget_offer_set (store, budget->id, offer, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_pledges); i++)
    {
      const DemoPledge *d = &demo_pledges[i];
      g_autoptr (CagPledge) pledge = cag_pledge_new ();
      g_autoptr (CagOrganization) org = cag_store_org_find (store, d->partner, NULL);

      if (org != NULL)
        pledge->organization_id = org->id;
      else
        pledge->partner_name = g_strdup (d->partner);
      pledge->line_code = g_strdup (d->line);
      pledge->kind = d->kind;
      pledge->amount_cents = d->amount_cents;
      pledge->basis = g_strdup (d->basis);
      pledge->status = d->status;
      if (!cag_budget_pledge_add (store, budget->id, pledge, NULL, error))
        return FALSE;
    }

  if (out_budget_id != NULL)
    *out_budget_id = budget->id;
  return TRUE;
}

gboolean
cag_budget_demo_fill (CagStore *store,
                      gint64   *out_budget_id,
                      GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);

  /* One transaction (a savepoint inside the example's own). */
  if (!cag_store_begin (store, error))
    return FALSE;
  if (!fill (store, out_budget_id, error))
    {
      cag_store_rollback (store);
      return FALSE;
    }
  return cag_budget_finish (store, TRUE, error);
}
