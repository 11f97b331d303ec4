/* cag-proforma.c — the budget matching rules on in-memory records.
 *
 * Everything is on gint64 cents; products go through cag_mul_div_* so they
 * cannot overflow.  The partner amount needed is found by re-running the very
 * same allocation with an extra cash pledge (a bisection on cents), so it is
 * exact under the rules' rounding by construction.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-proforma.h"
#include "cag-proforma-private.h"

/* ---- Names ------------------------------------------------------------- */

static const char *const article_names[] = { NULL, "le", "la", "l", "les" };

const char *
cag_article_to_string (CagArticle a)
{
  g_return_val_if_fail ((guint) a < G_N_ELEMENTS (article_names), NULL);
  return article_names[a];
}

gboolean
cag_article_from_string (const char *s, CagArticle *out)
{
  if (s == NULL || *s == '\0' || strcmp (s, "none") == 0)
    {
      *out = CAG_ARTICLE_NONE;
      return TRUE;
    }
  if (strcmp (s, "l'") == 0 || strcmp (s, "l’") == 0)
    {
      *out = CAG_ARTICLE_L;
      return TRUE;
    }
  for (guint i = 1; i < G_N_ELEMENTS (article_names); i++)
    if (strcmp (s, article_names[i]) == 0)
      {
        *out = (CagArticle) i;
        return TRUE;
      }
  return FALSE;
}

char *
cag_article_request_to (CagArticle a, const char *name)
{
  /* One message per article, so that each language writes its own
   * contraction (French: au, à la, à l’, aux). */
  switch (a)
    {
    case CAG_ARTICLE_LE:
      /* TRANSLATORS: the funder's name takes the article "le" (French: "au"). */
      return g_strdup_printf (C_("request to, article le", "Request submitted to %s"), name);
    case CAG_ARTICLE_LA:
      /* TRANSLATORS: the funder's name takes the article "la" (French: "à la"). */
      return g_strdup_printf (C_("request to, article la", "Request submitted to %s"), name);
    case CAG_ARTICLE_L:
      /* TRANSLATORS: the funder's name takes the article "l’" (French: "à l’"). */
      return g_strdup_printf (C_("request to, article l", "Request submitted to %s"), name);
    case CAG_ARTICLE_LES:
      /* TRANSLATORS: the funder's name takes the article "les" (French: "aux"). */
      return g_strdup_printf (C_("request to, article les", "Request submitted to %s"), name);
    case CAG_ARTICLE_NONE:
    default:
      /* TRANSLATORS: no article is known for the funder's name: a form
       * that needs none. */
      return g_strdup_printf (C_("request to, no article", "Request — funder: %s"), name);
    }
}

static const char *const funder_kind_names[] = {
  "provincial", "federal", "foundation", "partner", "other",
};

static const char *const pledge_kind_names[] = { "cash", "in-kind" };

static const char *const pledge_status_names[] = {
  "intended", "confirmed", "received",
};

static gboolean
lookup_name (const char *const *names,
             guint              n,
             const char        *s,
             gint              *out)
{
  if (s == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (names[i], s) == 0)
      {
        *out = (gint) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cag_funder_kind_to_string (CagFunderKind k)
{
  g_return_val_if_fail ((guint) k < G_N_ELEMENTS (funder_kind_names), "other");
  return funder_kind_names[k];
}

gboolean
cag_funder_kind_from_string (const char *s, CagFunderKind *out)
{
  gint v;

  if (!lookup_name (funder_kind_names, G_N_ELEMENTS (funder_kind_names), s, &v))
    return FALSE;
  *out = (CagFunderKind) v;
  return TRUE;
}

const char *
cag_funder_kind_label (CagFunderKind k)
{
  switch (k)
    {
    case CAG_FUNDER_PROVINCIAL:
      return C_("funder kind", "Provincial");
    case CAG_FUNDER_FEDERAL:
      return C_("funder kind", "Federal");
    case CAG_FUNDER_FOUNDATION:
      return C_("funder kind", "Foundation");
    case CAG_FUNDER_PARTNER:
      return C_("funder kind", "Partner");
    case CAG_FUNDER_OTHER:
    default:
      return C_("funder kind", "Other");
    }
}

const char *
cag_pledge_kind_to_string (CagPledgeKind k)
{
  return k == CAG_PLEDGE_IN_KIND ? pledge_kind_names[1] : pledge_kind_names[0];
}

gboolean
cag_pledge_kind_from_string (const char *s, CagPledgeKind *out)
{
  gint v;

  if (!lookup_name (pledge_kind_names, G_N_ELEMENTS (pledge_kind_names), s, &v))
    return FALSE;
  *out = (CagPledgeKind) v;
  return TRUE;
}

const char *
cag_pledge_kind_label (CagPledgeKind k)
{
  return k == CAG_PLEDGE_IN_KIND ? C_("pledge kind", "In kind") : C_("pledge kind", "Cash");
}

const char *
cag_pledge_status_to_string (CagPledgeStatus s)
{
  g_return_val_if_fail ((guint) s < G_N_ELEMENTS (pledge_status_names), "intended");
  return pledge_status_names[s];
}

gboolean
cag_pledge_status_from_string (const char *s, CagPledgeStatus *out)
{
  gint v;

  if (!lookup_name (pledge_status_names, G_N_ELEMENTS (pledge_status_names), s, &v))
    return FALSE;
  *out = (CagPledgeStatus) v;
  return TRUE;
}

const char *
cag_pledge_status_label (CagPledgeStatus s)
{
  switch (s)
    {
    case CAG_PLEDGE_CONFIRMED:
      return C_("pledge status", "Confirmed");
    case CAG_PLEDGE_RECEIVED:
      return C_("pledge status", "Received");
    case CAG_PLEDGE_INTENDED:
    default:
      return C_("pledge status", "Intended");
    }
}

const char *
cag_proforma_warning_kind_to_string (CagProformaWarningKind kind)
{
  switch (kind)
    {
    case CAG_WARNING_CHARITY_REQUIRED:
      return "charity_required";
    case CAG_WARNING_PLEDGES_ABOVE_LINE:
      return "pledges_above_line";
    case CAG_WARNING_UNKNOWN_LINE:
    default:
      return "unknown_line";
    }
}

/* ---- Parsing ------------------------------------------------------------ */

static gboolean
parse_small_uint (const char *s,
                  gsize       len,
                  gint        max,
                  gint       *out)
{
  gint v = 0;

  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
      if (v > max)
        return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
cag_ratio_parse (const char *text,
                 gint       *out_num,
                 gint       *out_den,
                 GError    **error)
{
  g_autofree char *t = NULL;
  const char *colon;
  gint num, den;

  g_return_val_if_fail (out_num != NULL && out_den != NULL, FALSE);

  t = g_strstrip (g_strdup (text != NULL ? text : ""));
  colon = strchr (t, ':');
  if (colon == NULL
      || !parse_small_uint (t, (gsize) (colon - t), CAG_RATIO_MAX, &num)
      || !parse_small_uint (colon + 1, strlen (colon + 1), CAG_RATIO_MAX, &den)
      || num == 0 || den == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a ratio: write A:B, for example 2:1 (two dollars for each "
                     "partner dollar), with whole numbers from 1 to %d."),
                   t, CAG_RATIO_MAX);
      return FALSE;
    }
  *out_num = num;
  *out_den = den;
  return TRUE;
}

gboolean
cag_percent_parse (const char *text,
                   gint       *out_basis_points,
                   GError    **error)
{
  g_autofree char *t = NULL;
  gsize len, int_len;
  const char *mark;
  gint whole = 0, frac = 0;
  gboolean ok;

  g_return_val_if_fail (out_basis_points != NULL, FALSE);

  t = g_strstrip (g_strdup (text != NULL ? text : ""));
  len = strlen (t);
  if (len > 0 && t[len - 1] == '%')
    {
      t[--len] = '\0';
      g_strchomp (t);
      len = strlen (t);
    }
  mark = strpbrk (t, ".,");
  int_len = mark != NULL ? (gsize) (mark - t) : len;
  ok = parse_small_uint (t, int_len, 100, &whole);
  if (ok && mark != NULL)
    {
      gsize flen = strlen (mark + 1);

      ok = flen >= 1 && flen <= 2 && parse_small_uint (mark + 1, flen, 99, &frac);
      if (ok && flen == 1)
        frac *= 10;
    }
  if (ok)
    ok = whole * 100 + frac > 0 && whole * 100 + frac <= 10000;
  if (!ok)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a share: give a percentage above 0 and at most 100, "
                     "with at most two decimals (for example 95 or 97.5)."), t);
      return FALSE;
    }
  *out_basis_points = whole * 100 + frac;
  return TRUE;
}

/* ---- Records ------------------------------------------------------------ */

CagBudgetLine *
cag_budget_line_new (const char *code,
                     const char *label,
                     gint64      amount_cents)
{
  CagBudgetLine *line = g_new0 (CagBudgetLine, 1);

  line->code = g_strdup (code);
  line->label = g_strdup (label);
  line->amount_cents = amount_cents;
  return line;
}

CagBudgetLine *
cag_budget_line_copy (const CagBudgetLine *line)
{
  CagBudgetLine *copy = cag_budget_line_new (line->code, line->label, line->amount_cents);

  copy->id = line->id;
  return copy;
}

void
cag_budget_line_free (CagBudgetLine *line)
{
  if (line == NULL)
    return;
  g_free (line->code);
  g_free (line->label);
  g_free (line);
}

CagBudgetOffer *
cag_budget_offer_new (void)
{
  CagBudgetOffer *offer = g_new0 (CagBudgetOffer, 1);

  offer->num = 1;
  offer->den = 1;
  return offer;
}

CagBudgetOffer *
cag_budget_offer_copy (const CagBudgetOffer *offer)
{
  CagBudgetOffer *copy = g_new0 (CagBudgetOffer, 1);

  *copy = *offer;
  copy->funder_name = g_strdup (offer->funder_name);
  copy->lines = g_strdupv (offer->lines);
  return copy;
}

void
cag_budget_offer_free (CagBudgetOffer *offer)
{
  if (offer == NULL)
    return;
  g_free (offer->funder_name);
  g_strfreev (offer->lines);
  g_free (offer);
}

CagPledge *
cag_pledge_new (void)
{
  return g_new0 (CagPledge, 1);
}

CagPledge *
cag_pledge_copy (const CagPledge *pledge)
{
  CagPledge *copy = g_new0 (CagPledge, 1);

  *copy = *pledge;
  copy->partner_name = g_strdup (pledge->partner_name);
  copy->line_code = g_strdup (pledge->line_code);
  copy->basis = g_strdup (pledge->basis);
  return copy;
}

void
cag_pledge_free (CagPledge *pledge)
{
  if (pledge == NULL)
    return;
  g_free (pledge->partner_name);
  g_free (pledge->line_code);
  g_free (pledge->basis);
  g_free (pledge);
}

CagProformaInput *
cag_proforma_input_new (void)
{
  CagProformaInput *in = g_new0 (CagProformaInput, 1);

  in->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_budget_line_free);
  in->offers = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_budget_offer_free);
  in->pledges = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_pledge_free);
  return in;
}

CagProformaInput *
cag_proforma_input_copy (const CagProformaInput *in)
{
  CagProformaInput *copy = cag_proforma_input_new ();

  for (guint i = 0; i < in->lines->len; i++)
    g_ptr_array_add (copy->lines, cag_budget_line_copy (in->lines->pdata[i]));
  for (guint i = 0; i < in->offers->len; i++)
    g_ptr_array_add (copy->offers, cag_budget_offer_copy (in->offers->pdata[i]));
  for (guint i = 0; i < in->pledges->len; i++)
    g_ptr_array_add (copy->pledges, cag_pledge_copy (in->pledges->pdata[i]));
  copy->network_has_charity = in->network_has_charity;
  return copy;
}

void
cag_proforma_input_free (CagProformaInput *in)
{
  if (in == NULL)
    return;
  g_ptr_array_unref (in->lines);
  g_ptr_array_unref (in->offers);
  g_ptr_array_unref (in->pledges);
  g_free (in);
}

static void
warning_free (CagProformaWarning *w)
{
  g_free (w->funder);
  g_free (w->line);
  g_free (w->message);
  g_free (w);
}

void
cag_proforma_free (CagProforma *p)
{
  if (p == NULL)
    return;
  for (guint l = 0; l < p->n_lines; l++)
    {
      g_free (p->lines[l].code);
      g_free (p->lines[l].label);
      g_free (p->lines[l].shares);
    }
  g_free (p->lines);
  for (guint o = 0; o < p->n_offers; o++)
    g_free (p->offers[o].funder_name);
  g_free (p->offers);
  if (p->warnings != NULL)
    g_ptr_array_unref (p->warnings);
  g_free (p);
}

/* ---- The allocation ----------------------------------------------------- */


gint
cag_proforma_line_index (const CagProformaInput *in,
            const char             *code)
{
  for (guint l = 0; l < in->lines->len; l++)
    {
      const CagBudgetLine *line = in->lines->pdata[l];

      if (g_strcmp0 (line->code, code) == 0)
        return (gint) l;
    }
  return -1;
}

/* TRUE when offer A goes before offer B: a higher ratio, or an equal ratio
 * entered earlier. */
static gboolean
offer_before (const CagBudgetOffer *a, guint ia,
              const CagBudgetOffer *b, guint ib)
{
  gint64 lhs = (gint64) a->num * b->den;
  gint64 rhs = (gint64) b->num * a->den;

  if (lhs != rhs)
    return lhs > rhs;
  return ia < ib;
}

void
cag_proforma_plan_init (Plan                   *plan,
           const CagProformaInput *in)
{
  guint nl = in->lines->len, no = in->offers->len;

  memset (plan, 0, sizeof *plan);
  plan->in = in;
  plan->nl = nl;
  plan->no = no;
  plan->cash = g_new0 (gint64, nl + 1);
  plan->in_kind = g_new0 (gint64, nl + 1);
  plan->avail_cash = g_new0 (gint64, nl + 1);
  plan->avail_kind = g_new0 (gint64, nl + 1);
  plan->need = g_new0 (gint64, nl + 1);
  plan->eligible = g_new0 (gboolean, (gsize) no * nl + 1);
  plan->order = g_new0 (guint, no + 1);
  plan->cap_left = g_new0 (gint64, no + 1);

  for (guint p = 0; p < in->pledges->len; p++)
    {
      const CagPledge *pledge = in->pledges->pdata[p];
      gint l = cag_proforma_line_index (in, pledge->line_code);

      if (l < 0 || pledge->amount_cents <= 0)
        continue;
      if (pledge->kind == CAG_PLEDGE_IN_KIND)
        plan->in_kind[l] += pledge->amount_cents;
      else
        plan->cash[l] += pledge->amount_cents;
    }

  for (guint o = 0; o < no; o++)
    {
      const CagBudgetOffer *offer = in->offers->pdata[o];

      for (guint l = 0; l < nl; l++)
        {
          const CagBudgetLine *line = in->lines->pdata[l];

          plan->eligible[o * nl + l] = offer->lines == NULL
            || g_strv_contains ((const char *const *) offer->lines, line->code);
        }
    }

  /* Insertion sort: offers are few, and it is stable. */
  for (guint o = 0; o < no; o++)
    {
      guint j = o;

      while (j > 0
             && offer_before (in->offers->pdata[o], o,
                              in->offers->pdata[plan->order[j - 1]], plan->order[j - 1]))
        {
          plan->order[j] = plan->order[j - 1];
          j--;
        }
      plan->order[j] = o;
    }
}

void
cag_proforma_plan_clear (Plan *plan)
{
  g_free (plan->cash);
  g_free (plan->in_kind);
  g_free (plan->avail_cash);
  g_free (plan->avail_kind);
  g_free (plan->need);
  g_free (plan->eligible);
  g_free (plan->order);
  g_free (plan->cap_left);
}

CagProforma *
cag_proforma_alloc (const Plan *plan)
{
  CagProforma *p = g_new0 (CagProforma, 1);

  p->n_lines = plan->nl;
  p->lines = g_new0 (CagProformaLine, plan->nl + 1);
  for (guint l = 0; l < plan->nl; l++)
    p->lines[l].shares = g_new0 (CagProformaShare, plan->no + 1);
  p->n_offers = plan->no;
  p->offers = g_new0 (CagProformaOffer, plan->no + 1);
  return p;
}

/* One run of the matching rules, with EXTRA_CASH (nullable, one per line)
 * added to the lines' cash pledges.  Fills every figure of OUT except the
 * partner amounts needed, names and warnings. */
void
cag_proforma_allocate (Plan         *plan,
          const gint64 *extra_cash,
          CagProforma  *out)
{
  const CagProformaInput *in = plan->in;
  guint nl = plan->nl;

  for (guint l = 0; l < nl; l++)
    {
      const CagBudgetLine *line = in->lines->pdata[l];
      CagProformaLine *pl = &out->lines[l];
      gint64 cash = plan->cash[l] + (extra_cash != NULL ? extra_cash[l] : 0);

      pl->amount_cents = line->amount_cents;
      pl->partner_cash_cents = cash;
      pl->partner_in_kind_cents = plan->in_kind[l];
      pl->matched_cents = 0;
      memset (pl->shares, 0, sizeof (CagProformaShare) * plan->no);
      plan->avail_cash[l] = cash;
      plan->avail_kind[l] = plan->in_kind[l];
      plan->need[l] = MAX (0, line->amount_cents - cash - plan->in_kind[l]);
    }

  for (guint r = 0; r < plan->no; r++)
    {
      guint o = plan->order[r];
      const CagBudgetOffer *offer = in->offers->pdata[o];
      CagProformaOffer *po = &out->offers[o];
      const gboolean *elig = &plan->eligible[o * nl];
      gint64 eligible_amount = 0, eligible_base = 0, cap_left;

      po->num = offer->num;
      po->den = offer->den;
      po->rank = r;
      po->requested_cents = 0;
      po->base_used_cents = 0;

      for (guint l = 0; l < nl; l++)
        if (elig[l])
          {
            eligible_amount += out->lines[l].amount_cents;
            eligible_base += out->lines[l].partner_cash_cents;
            if (!offer->cash_only)
              eligible_base += out->lines[l].partner_in_kind_cents;
          }

      cap_left = offer->cap_cents > 0 ? offer->cap_cents : G_MAXINT64;
      if (offer->max_share_bp > 0)
        cap_left = MIN (cap_left, cag_mul_div_floor (eligible_amount, offer->max_share_bp, 10000));
      po->limit_cents = cap_left == G_MAXINT64 ? 0 : cap_left;
      po->eligible_base_cents = eligible_base;
      po->active = offer->num > 0 && offer->den > 0
        && (offer->min_base_cents <= 0 || eligible_base >= offer->min_base_cents);
      plan->cap_left[o] = po->active ? cap_left : 0;
      if (!po->active)
        continue;

      for (guint l = 0; l < nl && cap_left > 0; l++)
        {
          CagProformaShare *share;
          gint64 base, given, used, from_kind;

          if (!elig[l] || plan->need[l] <= 0)
            continue;
          base = plan->avail_cash[l] + (offer->cash_only ? 0 : plan->avail_kind[l]);
          if (base <= 0)
            continue;
          given = cag_mul_div_floor (base, offer->num, offer->den);
          given = MIN (given, cap_left);
          given = MIN (given, plan->need[l]);
          if (given <= 0)
            continue;
          used = cag_mul_div_ceil (given, offer->den, offer->num);
          /* In kind first, so that cash stays for cash-only offers. */
          from_kind = offer->cash_only ? 0 : MIN (used, plan->avail_kind[l]);
          plan->avail_kind[l] -= from_kind;
          plan->avail_cash[l] -= used - from_kind;
          plan->need[l] -= given;
          cap_left -= given;
          plan->cap_left[o] = cap_left;

          share = &out->lines[l].shares[o];
          share->given_cents = given;
          share->base_used_cents = used;
          share->base_in_kind_cents = from_kind;
          share->base_cash_cents = used - from_kind;
          out->lines[l].matched_cents += given;
          po->requested_cents += given;
          po->base_used_cents += used;
        }
    }

  for (guint l = 0; l < nl; l++)
    {
      CagProformaLine *pl = &out->lines[l];
      gint64 total = pl->partner_cash_cents + pl->partner_in_kind_cents + pl->matched_cents;

      pl->funded_cents = MIN (pl->amount_cents, total);
      pl->gap_cents = pl->amount_cents - pl->funded_cents;
    }
}

/* What the offers would give on line L for an extra cash pledge X, each
 * with the cap it still has (CAP), on the base the run left on the line plus
 * X, highest ratio first.  An offer below its minimum base joins when X
 * brings its eligible base to the minimum.  Returns what X plus the offers
 * bring; fills GIVEN (per offer) when not NULL. */
static gint64
marginal (const Plan        *plan,
          const CagProforma *run,
          const gint64      *cap,
          const gint64      *extra_base,
          guint              l,
          gint64             x,
          gint64            *given)
{
  const CagProformaInput *in = plan->in;
  gint64 gap = run->lines[l].gap_cents;
  gint64 need = MAX (0, gap - x);
  gint64 cash = plan->avail_cash[l] + x;
  gint64 kind = plan->avail_kind[l];
  gint64 total = x;

  if (given != NULL)
    memset (given, 0, sizeof (gint64) * plan->no);
  for (guint r = 0; r < plan->no && need > 0; r++)
    {
      guint o = plan->order[r];
      const CagBudgetOffer *offer = in->offers->pdata[o];
      gint64 base, g, used, from_kind;

      if (!plan->eligible[o * plan->nl + l] || cap[o] <= 0)
        continue;
      if (!run->offers[o].active
          && run->offers[o].eligible_base_cents + extra_base[o] + x < offer->min_base_cents)
        continue;
      base = cash + (offer->cash_only ? 0 : kind);
      g = MIN (MIN (cag_mul_div_floor (base, offer->num, offer->den), cap[o]), need);
      if (g <= 0)
        continue;
      used = cag_mul_div_ceil (g, offer->den, offer->num);
      from_kind = offer->cash_only ? 0 : MIN (used, kind);
      kind -= from_kind;
      cash -= used - from_kind;
      need -= g;
      total += g;
      if (given != NULL)
        given[o] = g;
    }
  return total;
}

/* The least extra cash pledge on line L that closes L's gap when the whole
 * computation is re-run with EXTRA (the other lines' extra pledges). */
static void
close_line_by_rerun (Plan        *plan,
                     gint64      *extra,
                     guint        l,
                     CagProforma *probe)
{
  gint64 lo = extra[l], hi;

  cag_proforma_allocate (plan, extra, probe);
  if (probe->lines[l].gap_cents == 0)
    return;
  /* Pledges alone can always close a line, so this ends. */
  for (hi = lo + probe->lines[l].gap_cents;; hi += probe->lines[l].gap_cents)
    {
      extra[l] = hi;
      cag_proforma_allocate (plan, extra, probe);
      if (probe->lines[l].gap_cents == 0)
        break;
      lo = hi;
    }
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      extra[l] = mid;
      cag_proforma_allocate (plan, extra, probe);
      if (probe->lines[l].gap_cents == 0)
        hi = mid;
      else
        lo = mid;
    }
  extra[l] = hi;
}

/* Raises EXTRA until the re-run with all of it pledged leaves no gap. */
static void
close_all_by_rerun (Plan        *plan,
                    gint64      *extra,
                    CagProforma *probe)
{
  gboolean closed = FALSE;

  while (!closed)
    {
      closed = TRUE;
      for (guint l = 0; l < plan->nl; l++)
        {
          gint64 before = extra[l];

          close_line_by_rerun (plan, extra, l, probe);
          if (extra[l] != before)
            closed = FALSE;
        }
    }
}

/* docs/RULES.md's definition: per line, in line order, the least extra cash
 * pledge x such that x plus what the offers that still have cap would give
 * for it covers the line's gap; what those offers would give is taken from
 * their cap for the lines after it. */
static void
needed_by_remaining_cap (Plan              *plan,
                         const CagProforma *out,
                         gint64            *extra)
{
  guint nl = plan->nl, no = plan->no;
  g_autofree gint64 *cap = g_new0 (gint64, no + 1);
  g_autofree gint64 *extra_base = g_new0 (gint64, no + 1);
  g_autofree gint64 *given = g_new0 (gint64, no + 1);

  for (guint o = 0; o < no; o++)
    {
      const CagProformaOffer *po = &out->offers[o];

      if (po->active)
        cap[o] = plan->cap_left[o];
      else
        cap[o] = po->limit_cents > 0 ? po->limit_cents : G_MAXINT64;
    }

  for (guint l = 0; l < nl; l++)
    {
      gint64 gap = out->lines[l].gap_cents, lo = 0, hi = gap;

      extra[l] = 0;
      if (gap == 0)
        continue;
      while (hi - lo > 1)
        {
          gint64 mid = lo + (hi - lo) / 2;

          if (marginal (plan, out, cap, extra_base, l, mid, NULL) >= gap)
            hi = mid;
          else
            lo = mid;
        }
      marginal (plan, out, cap, extra_base, l, hi, given);
      for (guint o = 0; o < no; o++)
        {
          if (cap[o] != G_MAXINT64)
            cap[o] -= given[o];
          if (plan->eligible[o * nl + l])
            extra_base[o] += hi;
        }
      extra[l] = hi;
    }
}

static gint64
sum (const gint64 *v, guint n)
{
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    total += v[i];
  return total;
}

/* The partner amounts needed.  The matching rules are greedy (highest ratio
 * first, line by line), so a pledge on one line can move a capped offer's
 * money away from a later line.  Three candidates are therefore each
 * completed until re-running the whole computation with all of them pledged
 * closes every gap, and the one asking partners for the least in total is
 * kept (ties: in this order):
 *   1. docs/RULES.md's definition with the offers' remaining cap;
 *   2. line by line, the least pledge closing the line in a re-run, with
 *      the earlier lines' amounts pledged;
 *   3. each line's gap (pledges alone always close a line).
 * Pledging every reported amount, in cash, thus closes every gap exactly,
 * and never costs more than the gaps themselves. */
static void
compute_partner_needed (Plan        *plan,
                        CagProforma *out)
{
  guint nl = plan->nl;
  g_autofree gint64 *best = g_new0 (gint64, nl + 1);
  g_autofree gint64 *cand = g_new0 (gint64, nl + 1);
  CagProforma *probe;

  if (out->gap_cents == 0)
    {
      gboolean any = FALSE;

      for (guint l = 0; l < nl; l++)
        any = any || out->lines[l].gap_cents > 0;
      if (!any)
        return;
    }

  /* Candidate 1 needs the run's leftovers, still in PLAN. */
  needed_by_remaining_cap (plan, out, best);
  probe = cag_proforma_alloc (plan);
  close_all_by_rerun (plan, best, probe);

  memset (cand, 0, sizeof (gint64) * nl);
  close_all_by_rerun (plan, cand, probe);
  if (sum (cand, nl) < sum (best, nl))
    memcpy (best, cand, sizeof (gint64) * nl);

  for (guint l = 0; l < nl; l++)
    cand[l] = out->lines[l].gap_cents;
  close_all_by_rerun (plan, cand, probe);
  if (sum (cand, nl) < sum (best, nl))
    memcpy (best, cand, sizeof (gint64) * nl);

  cag_proforma_free (probe);
  for (guint l = 0; l < nl; l++)
    out->lines[l].partner_needed_cents = best[l];
}

static void
add_warning (CagProforma            *p,
             CagProformaWarningKind  kind,
             const char             *funder,
             const char             *line,
             char                   *message)
{
  CagProformaWarning *w = g_new0 (CagProformaWarning, 1);

  w->kind = kind;
  w->funder = g_strdup (funder);
  w->line = g_strdup (line);
  w->message = message;
  g_ptr_array_add (p->warnings, w);
}

static void
compute_warnings (const Plan  *plan,
                  CagProforma *p)
{
  const CagProformaInput *in = plan->in;
  CagLang lang = cag_i18n_get_language ();

  for (guint o = 0; o < plan->no; o++)
    {
      const CagBudgetOffer *offer = in->offers->pdata[o];

      if (offer->requires_charity && !in->network_has_charity)
        add_warning (p, CAG_WARNING_CHARITY_REQUIRED, offer->funder_name, NULL,
                     g_strdup_printf (_("%s requires charitable status, but no organization of "
                                        "kind network has registered charitable status: its "
                                        "offer may not be granted."),
                                      offer->funder_name));
      for (guint i = 0; offer->lines != NULL && offer->lines[i] != NULL; i++)
        if (cag_proforma_line_index (in, offer->lines[i]) < 0)
          add_warning (p, CAG_WARNING_UNKNOWN_LINE, offer->funder_name, offer->lines[i],
                       g_strdup_printf (_("The offer of %s names line “%s”, which does not "
                                          "exist in this budget."),
                                        offer->funder_name, offer->lines[i]));
    }

  for (guint i = 0; i < in->pledges->len; i++)
    {
      const CagPledge *pledge = in->pledges->pdata[i];

      if (cag_proforma_line_index (in, pledge->line_code) < 0)
        add_warning (p, CAG_WARNING_UNKNOWN_LINE, NULL, pledge->line_code,
                     g_strdup_printf (_("A pledge of %s names line “%s”, which does not exist "
                                        "in this budget; it is not counted."),
                                      pledge->partner_name, pledge->line_code));
    }

  for (guint l = 0; l < plan->nl; l++)
    {
      const CagProformaLine *pl = &p->lines[l];
      gint64 pledged = pl->partner_cash_cents + pl->partner_in_kind_cents;

      if (pledged > pl->amount_cents)
        {
          g_autofree char *a = cag_money_format (pledged, lang);
          g_autofree char *b = cag_money_format (pl->amount_cents, lang);

          add_warning (p, CAG_WARNING_PLEDGES_ABOVE_LINE, NULL, pl->code,
                       g_strdup_printf (_("Partner pledges on line “%s” (%s) exceed its "
                                          "amount (%s); only the amount is counted as "
                                          "funded."),
                                        pl->code, a, b));
        }
    }
}

CagProforma *
cag_proforma_compute (const CagProformaInput *in)
{
  Plan plan;
  CagProforma *p;

  g_return_val_if_fail (in != NULL, NULL);

  cag_proforma_plan_init (&plan, in);
  p = cag_proforma_alloc (&plan);
  p->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) warning_free);

  cag_proforma_allocate (&plan, NULL, p);
  compute_partner_needed (&plan, p);

  for (guint l = 0; l < plan.nl; l++)
    {
      const CagBudgetLine *line = in->lines->pdata[l];
      CagProformaLine *pl = &p->lines[l];

      pl->code = g_strdup (line->code);
      pl->label = g_strdup (line->label);
      p->amount_cents += pl->amount_cents;
      p->partner_cash_cents += pl->partner_cash_cents;
      p->partner_in_kind_cents += pl->partner_in_kind_cents;
      p->matched_cents += pl->matched_cents;
      p->funded_cents += pl->funded_cents;
      p->gap_cents += pl->gap_cents;
      p->partner_needed_cents += pl->partner_needed_cents;
    }
  p->partner_cents = p->partner_cash_cents + p->partner_in_kind_cents;
  for (guint o = 0; o < plan.no; o++)
    {
      const CagBudgetOffer *offer = in->offers->pdata[o];

      p->offers[o].funder_name = g_strdup (offer->funder_name);
    }

  compute_warnings (&plan, p);
  cag_proforma_plan_clear (&plan);
  return p;
}
