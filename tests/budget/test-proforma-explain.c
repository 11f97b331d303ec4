/* test-proforma-explain.c — the pro-forma's figures explained: docs/RULES.md's
 * worked budget in English and French, and each place an offer can stop
 * (not eligible, below its minimum base, limit spent, line covered, no base
 * left, ratio, limit, line fully funded). */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "cag-i18n.h"
#include "cag-proforma-explain.h"

#define D(x) ((gint64) (x) * 100)   /* whole dollars in cents */

static void
add_line (CagProformaInput *in, const char *code, gint64 cents)
{
  g_ptr_array_add (in->lines, cag_budget_line_new (code, code, cents));
}

static CagBudgetOffer *
add_offer (CagProformaInput *in, const char *funder, gint num, gint den, const char *lines)
{
  CagBudgetOffer *o = cag_budget_offer_new ();

  o->funder_name = g_strdup (funder);
  o->num = num;
  o->den = den;
  o->lines = lines != NULL ? g_strsplit (lines, ",", -1) : NULL;
  g_ptr_array_add (in->offers, o);
  return o;
}

static void
add_pledge (CagProformaInput *in, const char *line, CagPledgeKind kind, gint64 cents)
{
  CagPledge *p = cag_pledge_new ();

  p->partner_name = g_strdup ("Partenaire");
  p->line_code = g_strdup (line);
  p->kind = kind;
  p->amount_cents = cents;
  g_ptr_array_add (in->pledges, p);
}

/* docs/RULES.md: line A 50,000, line B 75,000; F1 2:1 on B; F2 1:1 on all;
 * 10,000 cash on A, 20,000 in kind on B. */
static CagProformaInput *
worked_example (void)
{
  CagProformaInput *in = cag_proforma_input_new ();

  add_line (in, "A", D (50000));
  add_line (in, "B", D (75000));
  add_offer (in, "F1", 2, 1, "B");
  add_offer (in, "F2", 1, 1, NULL);
  add_pledge (in, "A", CAG_PLEDGE_CASH, D (10000));
  add_pledge (in, "B", CAG_PLEDGE_IN_KIND, D (20000));
  in->network_has_charity = TRUE;
  return in;
}

#define assert_contains(text, part)                                               \
  G_STMT_START {                                                                  \
    if (strstr ((text), (part)) == NULL)                                          \
      g_error ("«%s» not found in:\n%s", (part), (text));                         \
  } G_STMT_END

static void
test_worked_figures (void)
{
  g_autoptr (CagProformaInput) in = worked_example ();
  g_autoptr (CagProforma) p = cag_proforma_compute (in);
  g_autoptr (CagProforma) closed = cag_proforma_explain_closed (in, p);
  CagShareExplanation e;

  /* F1 on B: first, 20,000 in kind, 2 × 20,000 = 40,000 ≤ 55,000 needed. */
  g_assert_true (cag_proforma_explain_share (in, p, 1, 0, &e));
  g_assert_cmpuint (e.rank, ==, 0);
  g_assert_cmpint (e.base_cents, ==, D (20000));
  g_assert_cmpint (e.base_in_kind_cents, ==, D (20000));
  g_assert_cmpint (e.base_cash_cents, ==, 0);
  g_assert_cmpint (e.by_ratio_cents, ==, D (40000));
  g_assert_cmpint (e.need_left_cents, ==, D (55000));
  g_assert_cmpint (e.limit_left_cents, ==, -1);
  g_assert_cmpint (e.given_cents, ==, D (40000));
  g_assert_cmpint (e.base_used_cents, ==, D (20000));
  g_assert_cmpint (e.stop, ==, CAG_EXPLAIN_RATIO);

  /* F2 on B: second, F1 used the 20,000: nothing left. */
  g_assert_true (cag_proforma_explain_share (in, p, 1, 1, &e));
  g_assert_cmpuint (e.rank, ==, 1);
  g_assert_cmpint (e.used_before_cents, ==, D (20000));
  g_assert_cmpint (e.base_cents, ==, 0);
  g_assert_cmpint (e.need_left_cents, ==, D (15000));
  g_assert_cmpint (e.stop, ==, CAG_EXPLAIN_NO_BASE);

  /* F1 on A: not eligible.  F2 on A: 10,000 cash, 1 × 10,000. */
  g_assert_true (cag_proforma_explain_share (in, p, 0, 0, &e));
  g_assert_cmpint (e.stop, ==, CAG_EXPLAIN_NOT_ELIGIBLE);
  g_assert_true (cag_proforma_explain_share (in, p, 0, 1, &e));
  g_assert_cmpint (e.base_cash_cents, ==, D (10000));
  g_assert_cmpint (e.need_left_cents, ==, D (40000));
  g_assert_cmpint (e.given_cents, ==, D (10000));
  g_assert_cmpint (e.stop, ==, CAG_EXPLAIN_RATIO);

  /* Out of range. */
  g_assert_false (cag_proforma_explain_share (in, p, 2, 0, &e));
  g_assert_false (cag_proforma_explain_share (in, p, 0, 2, &e));

  /* The balanced figures: 15,000 on A and 5,000 on B close the gaps; F2
   * then gives 25,000 on A and F1 50,000 on B. */
  g_assert_cmpint (closed->gap_cents, ==, 0);
  g_assert_cmpint (closed->lines[0].matched_cents, ==, D (25000));
  g_assert_cmpint (closed->lines[1].matched_cents, ==, D (50000));
}

static void
test_worked_text_en (void)
{
  g_autoptr (CagProformaInput) in = worked_example ();
  g_autoptr (CagProforma) p = NULL;
  g_autofree char *f1b = NULL, *f2b = NULL, *f1a = NULL, *f2a = NULL;
  g_autofree char *gap_a = NULL, *gap_b = NULL, *all = NULL, *def = NULL;

  cag_i18n_set_language (CAG_LANG_EN);
  p = cag_proforma_compute (in);
  f1b = cag_proforma_explain_share_text (in, p, 1, 0);
  f2b = cag_proforma_explain_share_text (in, p, 1, 1);
  f1a = cag_proforma_explain_share_text (in, p, 0, 0);
  f2a = cag_proforma_explain_share_text (in, p, 0, 1);
  gap_a = cag_proforma_explain_line_text (in, p, NULL, 0);
  gap_b = cag_proforma_explain_line_text (in, p, NULL, 1);

  assert_contains (f1b, "F1 gives $40,000.00 on line B.");
  assert_contains (f1b, "Ratio 2:1: it gives $2 for every $1");
  assert_contains (f1b, "applied 1 of 2");
  assert_contains (f1b, "$20,000.00 ($0.00 in cash, $20,000.00 in kind)");
  assert_contains (f1b, "2 × $20,000.00 ÷ 1 = $40,000.00");
  assert_contains (f1b, "The line still needed $55,000.00");
  assert_contains (f1b, "It has no cap.");
  assert_contains (f1b, "what its ratio allows: $40,000.00, using $20,000.00 of partner base");
  assert_contains (f2b, "F2 gives $0.00 on line B.");
  assert_contains (f2b, "applied 2 of 2");
  assert_contains (f2b, "offers applied before it used $20,000.00 as their base");
  assert_contains (f1a, "covers only these lines: B; not this one");
  assert_contains (f2a, "F2 gives $10,000.00 on line A.");
  assert_contains (f2a, "1 × $10,000.00 ÷ 1 = $10,000.00");
  assert_contains (f2a, "The line still needed $40,000.00");

  assert_contains (gap_b, "Line B: amount $75,000.00, funded $60,000.00 (partner pledges "
                          "$20,000.00 + funders $40,000.00), so the gap is $15,000.00.");
  assert_contains (gap_b, "To raise from partners: $5,000.00 more pledged in cash");
  assert_contains (gap_b, "the offers give $10,000.00 more here ($50,000.00 in all)");
  assert_contains (gap_a, "so the gap is $30,000.00");
  assert_contains (gap_a, "$15,000.00 from partners and $15,000.00 from the offers close the "
                          "gap of $30,000.00");

  {
    g_autofree char *f1 = cag_proforma_explain_offer_text (in, p, 0);
    g_autofree char *f2 = cag_proforma_explain_offer_text (in, p, 1);

    assert_contains (f1, "F1 is asked for $40,000.00 in all: $0.00 on A, $40,000.00 on B.");
    assert_contains (f1, "Partner base it matched: $20,000.00.");
    assert_contains (f1, "It has no cap");
    assert_contains (f2, "F2 is asked for $10,000.00 in all: $10,000.00 on A, $0.00 on B.");
  }
  def = cag_proforma_explain_gap_definition ();
  assert_contains (def, "Gap: what a line still lacks");
  all = cag_proforma_explain_text (in, p);
  assert_contains (all, "How the figures are reached:");
  assert_contains (all, "Partners needed: the least partner pledge");
  assert_contains (all, "\nB — B\n  • F1 gives $40,000.00 on line B.\n    Ratio 2:1");
  /* F1 goes first on every line (highest ratio), so its text comes first. */
  g_assert_true (strstr (all, "F1 gives $0.00 on line A") < strstr (all, "F2 gives $10,000.00"));
  assert_contains (all, "  = Line A: amount $50,000.00");
  assert_contains (all, "Funders (highest ratio first):\n  • F1 is asked for $40,000.00");
}

static void
test_worked_text_fr (void)
{
  g_autoptr (CagProformaInput) in = worked_example ();
  g_autoptr (CagProforma) p = NULL;
  g_autofree char *f1b = NULL, *f2b = NULL, *gap_b = NULL, *def = NULL;

  cag_i18n_set_language (CAG_LANG_FR);
  /* meson test sets CAGNOTTE_LOCALEDIR: there the catalogue must be found. */
  if (cag_i18n_get_language () != CAG_LANG_FR && g_getenv ("CAGNOTTE_LOCALEDIR") == NULL)
    {
      g_test_skip ("run through meson test for the French catalogue");
      return;
    }
  g_assert_cmpint (cag_i18n_get_language (), ==, CAG_LANG_FR);
  p = cag_proforma_compute (in);
  f1b = cag_proforma_explain_share_text (in, p, 1, 0);
  f2b = cag_proforma_explain_share_text (in, p, 1, 1);
  gap_b = cag_proforma_explain_line_text (in, p, NULL, 1);
  def = cag_proforma_explain_needed_definition ();

  assert_contains (f1b, "F1 donne 40\u202f000,00\u00a0$ sur le poste B.");
  assert_contains (f1b, "Ratio 2:1\u00a0: il donne 2\u00a0$ pour chaque 1\u00a0$");
  assert_contains (f1b, "2 × 20\u202f000,00\u00a0$ ÷ 1 = 40\u202f000,00\u00a0$");
  assert_contains (f1b, "Il n’a pas de plafond.");
  assert_contains (f2b, "ont utilisé 20\u202f000,00\u00a0$ comme base");
  assert_contains (gap_b, "l’écart est de 15\u202f000,00\u00a0$");
  assert_contains (gap_b, "À trouver auprès des partenaires\u00a0: 5\u202f000,00\u00a0$");
  assert_contains (def, "À trouver (partenaires)\u00a0: ");
  {
    g_autofree char *f1 = cag_proforma_explain_offer_text (in, p, 0);

    assert_contains (f1, "On demande à F1 40\u202f000,00\u00a0$ en tout\u00a0: 0,00\u00a0$ "
                         "sur A, 40\u202f000,00\u00a0$ sur B.");
  }
  cag_i18n_set_language (CAG_LANG_EN);
}

/* One line of 1,000 (unless said), the offers and pledges given; returns
 * where offer OFFER stops on line LINE. */
static CagExplainStop
stop_of (CagProformaInput *in,
         guint             line,
         guint             offer,
         CagShareExplanation *e)
{
  g_autoptr (CagProforma) p = cag_proforma_compute (in);
  g_autofree char *text = NULL;

  g_assert_true (cag_proforma_explain_share (in, p, line, offer, e));
  text = cag_proforma_explain_share_text (in, p, line, offer);
  g_assert_cmpuint (strlen (text), >, 40);
  return e->stop;
}

static void
test_stops (void)
{
  CagShareExplanation e;

  cag_i18n_set_language (CAG_LANG_EN);
  /* Capped at 300: stops at its limit on A, nothing left for B. */
  {
    g_autoptr (CagProformaInput) in = cag_proforma_input_new ();
    CagBudgetOffer *o;

    add_line (in, "A", D (1000));
    add_line (in, "B", D (1000));
    o = add_offer (in, "F", 1, 1, NULL);
    o->cap_cents = D (300);
    add_pledge (in, "A", CAG_PLEDGE_CASH, D (400));
    add_pledge (in, "B", CAG_PLEDGE_CASH, D (400));
    g_assert_cmpint (stop_of (in, 0, 0, &e), ==, CAG_EXPLAIN_LIMIT);
    g_assert_cmpint (e.limit_left_cents, ==, D (300));
    g_assert_cmpint (e.given_cents, ==, D (300));
    g_assert_cmpint (stop_of (in, 1, 0, &e), ==, CAG_EXPLAIN_LIMIT_SPENT);
    g_assert_cmpint (e.limit_left_cents, ==, 0);
    {
      g_autoptr (CagProforma) p = cag_proforma_compute (in);
      g_autofree char *text = cag_proforma_explain_offer_text (in, p, 0);

      assert_contains (text, "Its limit (cap or share ceiling) is $300.00; $0.00 of it is left.");
    }
  }
  /* Minimum base 5,000 not reached. */
  {
    g_autoptr (CagProformaInput) in = cag_proforma_input_new ();
    CagBudgetOffer *o;

    add_line (in, "A", D (1000));
    o = add_offer (in, "F", 1, 1, NULL);
    o->min_base_cents = D (5000);
    add_pledge (in, "A", CAG_PLEDGE_CASH, D (400));
    g_assert_cmpint (stop_of (in, 0, 0, &e), ==, CAG_EXPLAIN_BELOW_MIN_BASE);
    {
      g_autoptr (CagProforma) p = cag_proforma_compute (in);
      g_autofree char *text = cag_proforma_explain_offer_text (in, p, 0);

      assert_contains (text, "below its minimum base of $5,000.00");
    }
  }
  /* 2:1 on 400 with 600 needed: stops where the line is funded; the 1:1
   * after it finds the line covered. */
  {
    g_autoptr (CagProformaInput) in = cag_proforma_input_new ();

    add_line (in, "A", D (1000));
    add_offer (in, "F2", 1, 1, NULL);
    add_offer (in, "F1", 2, 1, NULL);
    add_pledge (in, "A", CAG_PLEDGE_CASH, D (400));
    g_assert_cmpint (stop_of (in, 0, 1, &e), ==, CAG_EXPLAIN_NEED);
    g_assert_cmpint (e.by_ratio_cents, ==, D (800));
    g_assert_cmpint (e.given_cents, ==, D (600));
    g_assert_cmpint (e.base_used_cents, ==, D (300));
    g_assert_cmpint (stop_of (in, 0, 0, &e), ==, CAG_EXPLAIN_LINE_COVERED);
    g_assert_cmpuint (e.rank, ==, 1);
  }
  /* Cash only, in kind pledged: no base. */
  {
    g_autoptr (CagProformaInput) in = cag_proforma_input_new ();
    CagBudgetOffer *o;

    add_line (in, "A", D (1000));
    o = add_offer (in, "F", 1, 1, NULL);
    o->cash_only = TRUE;
    add_pledge (in, "A", CAG_PLEDGE_IN_KIND, D (400));
    g_assert_cmpint (stop_of (in, 0, 0, &e), ==, CAG_EXPLAIN_NO_BASE);
    g_assert_cmpint (e.base_in_kind_cents, ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  cag_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/proforma-explain/worked-figures", test_worked_figures);
  g_test_add_func ("/proforma-explain/worked-text-en", test_worked_text_en);
  g_test_add_func ("/proforma-explain/worked-text-fr", test_worked_text_fr);
  g_test_add_func ("/proforma-explain/stops", test_stops);
  return g_test_run ();
}
