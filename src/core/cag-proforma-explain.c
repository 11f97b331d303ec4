/* cag-proforma-explain.c — the pro-forma's figures explained in words.
 *
 * Everything is derived from a computed CagProforma and the records it came
 * from: an offer's turn on a line is rebuilt from the shares of the offers
 * ranked before it (their base used and what they gave), so the explanation
 * follows the very figures shown.  The rules are in cag-proforma.c and
 * docs/BUDGETS.md.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-proforma-explain.h"

/* ---- Helpers ------------------------------------------------------------ */

static char *
money (gint64 cents)
{
  return cag_money_format (cents, cag_i18n_get_language ());
}

/* Appends TEXT (taken) to S as a sentence of its own line. */
static void
add_sentence (GString *s,
              char    *text)
{
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append (s, text);
  g_free (text);
}

static gboolean
offer_covers (const CagBudgetOffer *offer,
              const char           *code)
{
  return offer->lines == NULL || g_strv_contains ((const char *const *) offer->lines, code);
}

static gboolean
offer_has_limit (const CagBudgetOffer *offer)
{
  return offer->cap_cents > 0 || offer->max_share_bp > 0;
}

/* Where the offer stopped, tested in the order the rules apply. */
static CagExplainStop
find_stop (const CagBudgetOffer   *offer,
           const CagProformaOffer *po,
           const char             *code,
           const CagShareExplanation *e)
{
  if (!offer_covers (offer, code))
    return CAG_EXPLAIN_NOT_ELIGIBLE;
  if (!po->active)
    return CAG_EXPLAIN_BELOW_MIN_BASE;
  if (e->limit_left_cents == 0)
    return CAG_EXPLAIN_LIMIT_SPENT;
  if (e->need_left_cents <= 0)
    return CAG_EXPLAIN_LINE_COVERED;
  if (e->base_cents <= 0)
    return CAG_EXPLAIN_NO_BASE;
  if (e->given_cents == e->need_left_cents)
    return CAG_EXPLAIN_NEED;
  if (e->limit_left_cents >= 0 && e->given_cents == e->limit_left_cents)
    return CAG_EXPLAIN_LIMIT;
  return CAG_EXPLAIN_RATIO;
}

/* ---- One offer on one line ---------------------------------------------- */

gboolean
cag_proforma_explain_share (const CagProformaInput *in,
                            const CagProforma      *p,
                            guint                   line,
                            guint                   offer,
                            CagShareExplanation    *out)
{
  const CagProformaLine *pl;
  const CagProformaOffer *po;
  const CagBudgetOffer *bo;
  gint64 cash, kind, need;

  g_return_val_if_fail (in != NULL && p != NULL && out != NULL, FALSE);
  if (line >= p->n_lines || offer >= p->n_offers || offer >= in->offers->len)
    return FALSE;

  memset (out, 0, sizeof *out);
  pl = &p->lines[line];
  po = &p->offers[offer];
  bo = in->offers->pdata[offer];
  cash = pl->partner_cash_cents;
  kind = pl->partner_in_kind_cents;
  need = MAX (0, pl->amount_cents - cash - kind);
  for (guint o = 0; o < p->n_offers; o++)
    if (p->offers[o].rank < po->rank)
      {
        const CagProformaShare *s = &pl->shares[o];

        cash -= s->base_cash_cents;
        kind -= s->base_in_kind_cents;
        need -= s->given_cents;
        out->used_before_cents += s->base_used_cents;
      }

  out->rank = po->rank;
  out->base_cash_cents = cash;
  out->base_in_kind_cents = bo->cash_only ? 0 : kind;
  out->base_cents = out->base_cash_cents + out->base_in_kind_cents;
  out->need_left_cents = need;
  out->limit_left_cents = -1;
  if (offer_has_limit (bo))
    {
      out->limit_left_cents = po->limit_cents;
      for (guint l = 0; l < line; l++)
        out->limit_left_cents -= p->lines[l].shares[offer].given_cents;
    }
  if (out->base_cents > 0)
    out->by_ratio_cents = cag_mul_div_floor (out->base_cents, bo->num, bo->den);
  out->given_cents = pl->shares[offer].given_cents;
  out->base_used_cents = pl->shares[offer].base_used_cents;
  out->stop = find_stop (bo, po, pl->code, out);
  return TRUE;
}

/* The sentences for an offer that gives nothing on the line. */
static void
explain_nothing (GString                   *s,
                 const CagBudgetOffer      *bo,
                 const CagProformaOffer    *po,
                 const CagProformaLine     *pl,
                 const CagShareExplanation *e)
{
  switch (e->stop)
    {
    case CAG_EXPLAIN_NOT_ELIGIBLE:
      {
        g_autofree char *codes = g_strjoinv (", ", bo->lines);

        add_sentence (s, g_strdup_printf (_("Its offer covers only these lines: %s; not this "
                                            "one, so it gives nothing here."), codes));
        return;
      }
    case CAG_EXPLAIN_BELOW_MIN_BASE:
      {
        g_autofree char *base = money (po->eligible_base_cents);
        g_autofree char *min = money (bo->min_base_cents);

        add_sentence (s, g_strdup_printf (_("The partner pledges it may count on its lines come "
                                            "to %s, below its minimum base of %s, so it gives "
                                            "nothing on any line."), base, min));
        return;
      }
    case CAG_EXPLAIN_LIMIT_SPENT:
      {
        g_autofree char *limit = money (po->limit_cents);

        add_sentence (s, g_strdup_printf (_("Its limit of %s (cap or share ceiling) was used up "
                                            "on the lines before this one, so nothing is left "
                                            "for this one."), limit));
        return;
      }
    case CAG_EXPLAIN_LINE_COVERED:
      add_sentence (s, g_strdup (_("The partner pledges and the offers applied before it "
                                   "already fund the whole line, so there is nothing left for "
                                   "it to give here.")));
      return;
    case CAG_EXPLAIN_NO_BASE:
    case CAG_EXPLAIN_RATIO:
    case CAG_EXPLAIN_LIMIT:
    case CAG_EXPLAIN_NEED:
    default:
      break;
    }

  if (e->used_before_cents > 0)
    {
      g_autofree char *used = money (e->used_before_cents);

      add_sentence (s, g_strdup_printf (_("No partner pledge is left for it to match on this "
                                          "line: offers applied before it used %s as their "
                                          "base, and each partner dollar is matched only "
                                          "once."), used));
    }
  else if (bo->cash_only && pl->partner_in_kind_cents > 0)
    add_sentence (s, g_strdup (_("Its offer counts cash only, and no cash is pledged on this "
                                 "line, so it gives nothing here.")));
  else
    add_sentence (s, g_strdup (_("No partner has pledged anything on this line for it to "
                                 "match, so it gives nothing here.")));
}

/* The sentences for an offer that had a base to match on the line. */
static void
explain_matched (GString                   *s,
                 const CagBudgetOffer      *bo,
                 const CagProformaShare    *share,
                 const CagShareExplanation *e)
{
  g_autofree char *base = money (e->base_cents);
  g_autofree char *cash = money (e->base_cash_cents);
  g_autofree char *kind = money (e->base_in_kind_cents);
  g_autofree char *by_ratio = money (e->by_ratio_cents);
  g_autofree char *need = money (e->need_left_cents);
  g_autofree char *given = money (e->given_cents);
  g_autofree char *used = money (e->base_used_cents);

  if (bo->cash_only)
    add_sentence (s, g_strdup_printf (_("Partner base left for it on this line: %s in cash (its "
                                        "offer counts cash only)."), base));
  else
    add_sentence (s, g_strdup_printf (_("Partner base left for it on this line: %s (%s in cash, "
                                        "%s in kind)."), base, cash, kind));
  if (e->used_before_cents > 0)
    {
      g_autofree char *before = money (e->used_before_cents);

      add_sentence (s, g_strdup_printf (_("Offers applied before it already used %s of the "
                                          "pledges as their base."), before));
    }
  add_sentence (s, g_strdup_printf (_("By its ratio: %d × %s ÷ %d = %s (rounded down to the "
                                      "cent)."), bo->num, base, bo->den, by_ratio));
  add_sentence (s, g_strdup_printf (_("The line still needed %s when its turn came."), need));
  if (e->limit_left_cents >= 0)
    {
      g_autofree char *limit = money (e->limit_left_cents);

      add_sentence (s, g_strdup_printf (_("Its limit (cap or share ceiling) had %s left."),
                                        limit));
    }
  else
    add_sentence (s, g_strdup (_("It has no cap.")));

  if (e->stop == CAG_EXPLAIN_NEED)
    add_sentence (s, g_strdup_printf (_("It stops where the line is fully funded: %s, using %s "
                                        "of partner base; the rest stays for the offers after "
                                        "it."), given, used));
  else if (e->stop == CAG_EXPLAIN_LIMIT)
    add_sentence (s, g_strdup_printf (_("It stops at its limit: %s, using %s of partner base; "
                                        "nothing is left of it for later lines."), given, used));
  else
    add_sentence (s, g_strdup_printf (_("So it gives what its ratio allows: %s, using %s of "
                                        "partner base."), given, used));
  if (share->base_in_kind_cents > 0 && share->base_cash_cents > 0)
    {
      g_autofree char *k = money (share->base_in_kind_cents);
      g_autofree char *c = money (share->base_cash_cents);

      add_sentence (s, g_strdup_printf (_("In-kind pledges are used first (%s in kind, then %s "
                                          "in cash), so that cash stays for cash-only offers."),
                                        k, c));
    }
}

char *
cag_proforma_explain_share_text (const CagProformaInput *in,
                                 const CagProforma      *p,
                                 guint                   line,
                                 guint                   offer)
{
  const CagProformaLine *pl;
  const CagProformaOffer *po;
  const CagBudgetOffer *bo;
  CagShareExplanation e;
  g_autoptr (GString) s = g_string_new (NULL);
  g_autofree char *given = NULL;

  if (!cag_proforma_explain_share (in, p, line, offer, &e))
    return g_strdup ("");
  pl = &p->lines[line];
  po = &p->offers[offer];
  bo = in->offers->pdata[offer];
  given = money (e.given_cents);

  add_sentence (s, g_strdup_printf (_("%s gives %s on line %s."), po->funder_name, given,
                                    pl->code));
  /* TRANSLATORS: "Ratio 2:1: it gives $2 for every $1 of partner pledges it
   * matches; applied 1 of 3 (…)". */
  add_sentence (s, g_strdup_printf (_("Ratio %d:%d: it gives $%d for every $%d of partner "
                                      "pledges it matches; applied %u of %u (highest ratio "
                                      "first, then in the order entered)."),
                                    bo->num, bo->den, bo->num, bo->den, e.rank + 1,
                                    p->n_offers));
  if (e.stop <= CAG_EXPLAIN_NO_BASE)
    explain_nothing (s, bo, po, pl, &e);
  else
    explain_matched (s, bo, &pl->shares[offer], &e);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- One offer in all --------------------------------------------------- */

char *
cag_proforma_explain_offer_text (const CagProformaInput *in,
                                 const CagProforma      *p,
                                 guint                   offer)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GString) parts = g_string_new (NULL);
  const CagProformaOffer *po;
  const CagBudgetOffer *bo;
  g_autofree char *requested = NULL, *used = NULL;

  g_return_val_if_fail (in != NULL && p != NULL, NULL);
  if (offer >= p->n_offers || offer >= in->offers->len)
    return g_strdup ("");

  po = &p->offers[offer];
  bo = in->offers->pdata[offer];
  for (guint l = 0; l < p->n_lines; l++)
    {
      g_autofree char *given = money (p->lines[l].shares[offer].given_cents);

      if (parts->len > 0)
        g_string_append (parts, ", ");
      /* TRANSLATORS: one line's part in "… in all: $0.00 on A, $40,000.00 on B." */
      g_string_append_printf (parts, _("%s on %s"), given, p->lines[l].code);
    }
  requested = money (po->requested_cents);
  used = money (po->base_used_cents);
  add_sentence (s, g_strdup_printf (_("%s is asked for %s in all: %s."), po->funder_name,
                                    requested, parts->str));
  if (!po->active)
    {
      g_autofree char *base = money (po->eligible_base_cents);
      g_autofree char *min = money (bo->min_base_cents);

      add_sentence (s, g_strdup_printf (_("The partner pledges it may count on its lines come "
                                          "to %s, below its minimum base of %s, so it gives "
                                          "nothing on any line."), base, min));
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  add_sentence (s, g_strdup_printf (_("Partner base it matched: %s."), used));
  if (offer_has_limit (bo))
    {
      g_autofree char *limit = money (po->limit_cents);
      g_autofree char *left = money (po->limit_cents - po->requested_cents);

      add_sentence (s, g_strdup_printf (_("Its limit (cap or share ceiling) is %s; %s of it is "
                                          "left."), limit, left));
    }
  else
    add_sentence (s, g_strdup (_("It has no cap: on each line it covers, it gives what its "
                                 "ratio allows, up to what the line still needs.")));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- One line's gap ----------------------------------------------------- */

CagProforma *
cag_proforma_explain_closed (const CagProformaInput *in,
                             const CagProforma      *p)
{
  g_autoptr (CagProformaInput) copy = NULL;

  g_return_val_if_fail (in != NULL && p != NULL, NULL);

  copy = cag_proforma_input_copy (in);
  for (guint l = 0; l < p->n_lines; l++)
    if (p->lines[l].partner_needed_cents > 0)
      {
        CagPledge *pledge = cag_pledge_new ();

        pledge->line_code = g_strdup (p->lines[l].code);
        pledge->amount_cents = p->lines[l].partner_needed_cents;
        g_ptr_array_add (copy->pledges, pledge);
      }
  return cag_proforma_compute (copy);
}

static void
explain_needed (GString               *s,
                const CagProformaLine *pl,
                const CagProformaLine *cl)
{
  g_autofree char *needed = money (pl->partner_needed_cents);
  g_autofree char *gap = money (pl->gap_cents);
  gint64 extra = cl != NULL ? cl->matched_cents - pl->matched_cents : 0;

  if (extra > 0)
    {
      g_autofree char *more = money (extra);
      g_autofree char *all = money (cl->matched_cents);

      add_sentence (s, g_strdup_printf (_("To raise from partners: %s more pledged in cash on "
                                          "this line. With it, the offers give %s more here (%s "
                                          "in all), so %s from partners and %s from the offers "
                                          "close the gap of %s."),
                                        needed, more, all, needed, more, gap));
    }
  else if (extra < 0)
    {
      g_autofree char *less = money (-extra);

      add_sentence (s, g_strdup_printf (_("To raise from partners: %s more pledged in cash on "
                                          "this line. A funder’s limit then goes further on "
                                          "another line, so the offers give %s less here; "
                                          "pledging every line’s amount still closes every "
                                          "gap."), needed, less));
    }
  else
    add_sentence (s, g_strdup_printf (_("To raise from partners: %s more pledged in cash on "
                                        "this line; no offer matches more of it here, so "
                                        "partners bring the whole gap of %s."), needed, gap));
}

char *
cag_proforma_explain_line_text (const CagProformaInput *in,
                                const CagProforma      *p,
                                const CagProforma      *closed,
                                guint                   line)
{
  g_autoptr (CagProforma) own = NULL;
  g_autoptr (GString) s = g_string_new (NULL);
  const CagProformaLine *pl;
  g_autofree char *amount = NULL, *funded = NULL, *partners = NULL, *funders = NULL;
  g_autofree char *gap = NULL;

  g_return_val_if_fail (in != NULL && p != NULL, NULL);
  if (line >= p->n_lines)
    return g_strdup ("");

  pl = &p->lines[line];
  amount = money (pl->amount_cents);
  funded = money (pl->funded_cents);
  partners = money (pl->partner_cash_cents + pl->partner_in_kind_cents);
  funders = money (pl->matched_cents);
  gap = money (pl->gap_cents);
  add_sentence (s, g_strdup_printf (_("Line %s: amount %s, funded %s (partner pledges %s + "
                                      "funders %s), so the gap is %s."),
                                    pl->code, amount, funded, partners, funders, gap));
  if (pl->gap_cents == 0 && pl->partner_needed_cents == 0)
    {
      add_sentence (s, g_strdup (_("Nothing to raise: the line is fully funded.")));
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  if (closed == NULL)
    closed = own = cag_proforma_explain_closed (in, p);
  explain_needed (s, pl, line < closed->n_lines ? &closed->lines[line] : NULL);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
cag_proforma_explain_gap_definition (void)
{
  return g_strdup_printf (_("%s: what a line still lacks once the partner pledges and what "
                            "the funders give under their terms are counted (amount − "
                            "funded)."),
                          C_("column", "Gap"));
}

char *
cag_proforma_explain_needed_definition (void)
{
  return g_strdup_printf (_("%s: the least partner pledge, in cash, still to find on a line "
                            "so that, with what the offers give for it, the gap closes (with "
                            "one uncapped 2:1 offer, a third of the gap)."),
                          C_("column", "Partners needed"));
}

/* ---- Everything, for the CLI -------------------------------------------- */

/* Appends TEXT with FIRST before its first line and REST before the others. */
static void
append_indented (GString    *s,
                 const char *text,
                 const char *first,
                 const char *rest)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (s, "%s%s\n", i == 0 ? first : rest, lines[i]);
}

char *
cag_proforma_explain_text (const CagProformaInput *in,
                           const CagProforma      *p)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (CagProforma) closed = NULL;
  g_autofree char *gap_def = NULL, *needed_def = NULL;

  g_return_val_if_fail (in != NULL && p != NULL, NULL);

  gap_def = cag_proforma_explain_gap_definition ();
  needed_def = cag_proforma_explain_needed_definition ();
  g_string_append_printf (s, "%s\n", _("How the figures are reached:"));
  append_indented (s, gap_def, "  ", "  ");
  append_indented (s, needed_def, "  ", "  ");
  closed = cag_proforma_explain_closed (in, p);
  for (guint l = 0; l < p->n_lines; l++)
    {
      g_autofree char *gap = cag_proforma_explain_line_text (in, p, closed, l);

      g_string_append_printf (s, "\n%s — %s\n", p->lines[l].code, p->lines[l].label);
      for (guint r = 0; r < p->n_offers; r++)
        for (guint o = 0; o < p->n_offers; o++)
          if (p->offers[o].rank == r)
            {
              g_autofree char *text = cag_proforma_explain_share_text (in, p, l, o);

              append_indented (s, text, "  • ", "    ");
            }
      append_indented (s, gap, "  = ", "    ");
    }
  if (p->n_offers > 0)
    g_string_append_printf (s, "\n%s\n", _("Funders (highest ratio first):"));
  for (guint r = 0; r < p->n_offers; r++)
    for (guint o = 0; o < p->n_offers; o++)
      if (p->offers[o].rank == r)
        {
          g_autofree char *text = cag_proforma_explain_offer_text (in, p, o);

          append_indented (s, text, "  • ", "    ");
        }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
