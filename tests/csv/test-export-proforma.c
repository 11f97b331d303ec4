/* test-export-proforma.c — the pro-forma CSV on docs/RULES.md's worked example:
 * line A 50,000.00, line B 75,000.00; F1 2:1 on B only, F2 1:1 on every
 * line; 10,000.00 cash pledged on A, 20,000.00 in kind on B. */
#include "config.h"

#include <string.h>

#include "cag-budget.h"
#include "cag-export-proforma.h"
#include "cag-money.h"
#include "csv-test-util.h"

static gint64
add_funder (CagStore   *store,
            const char *name)
{
  g_autoptr(CagFunder) funder = cag_funder_new ();
  g_autoptr(GError) error = NULL;

  funder->name = g_strdup (name);
  g_assert_true (cag_funder_add (store, funder, &error));
  g_assert_no_error (error);
  return funder->id;
}

static gint64
cents_of (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = -1;

  g_assert_true (cag_money_parse (text, CAG_MONEY_ALLOW_ZERO, &cents, &error));
  g_assert_no_error (error);
  return cents;
}

static void
test_worked_example (void)
{
  g_autoptr(CagBudget) budget = cag_budget_new ();
  g_autoptr(CagBudgetOffer) f1 = cag_budget_offer_new ();
  g_autoptr(CagBudgetOffer) f2 = cag_budget_offer_new ();
  g_autoptr(CagPledge) cash = cag_pledge_new ();
  g_autoptr(CagPledge) in_kind = cag_pledge_new ();
  g_autoptr(GError) error = NULL;
  Fixture fx = { 0 };

  fixture_set_up (&fx, FALSE);
  budget->name = g_strdup ("Fonctionnement 2004");
  budget->start = (CagDate) { 2004, 1, 1 };
  budget->end = (CagDate) { 2004, 12, 31 };
  g_assert_true (cag_budget_add (fx.store, budget, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cag_budget_line_set (fx.store, budget->id, "A", "Coordination", 5000000, NULL,
                                      &error));
  g_assert_true (cag_budget_line_set (fx.store, budget->id, "B", "Déplacements; concertation",
                                      7500000, NULL, &error));
  g_assert_no_error (error);

  f1->funder_id = add_funder (fx.store, "F1");
  f1->num = 2;
  f1->den = 1;
  f1->lines = g_strsplit ("B", ",", -1);
  g_assert_true (cag_budget_offer_set (fx.store, budget->id, f1, NULL, &error));
  g_assert_no_error (error);
  f2->funder_id = add_funder (fx.store, "F2");
  g_assert_true (cag_budget_offer_set (fx.store, budget->id, f2, NULL, &error));
  g_assert_no_error (error);

  cash->partner_name = g_strdup ("Partenaire");
  cash->line_code = g_strdup ("A");
  cash->amount_cents = 1000000;
  g_assert_true (cag_budget_pledge_add (fx.store, budget->id, cash, NULL, &error));
  g_assert_no_error (error);
  in_kind->partner_name = g_strdup ("Partenaire");
  in_kind->line_code = g_strdup ("B");
  in_kind->kind = CAG_PLEDGE_IN_KIND;
  in_kind->amount_cents = 2000000;
  in_kind->basis = g_strdup ("500 h × 40 $");
  g_assert_true (cag_budget_pledge_add (fx.store, budget->id, in_kind, NULL, &error));
  g_assert_no_error (error);

  for (CagLang lang = CAG_LANG_EN; lang <= CAG_LANG_FR; lang++)
    {
      g_autoptr(CagCsvWriter) writer = NULL;
      g_autoptr(GPtrArray) records = NULL;
      CagCsvRecord *header, *a, *b, *total;
      const char *text;

      writer = cag_export_proforma (fx.store, budget->id, 0, lang, &error);
      g_assert_no_error (error);
      text = cag_csv_writer_peek (writer);
      records = cag_csv_parse (text, strlen (text), cag_csv_delimiter_for_lang (lang), NULL,
                               &error);
      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, 4);
      header = records->pdata[0];
      a = records->pdata[1];
      b = records->pdata[2];
      total = records->pdata[3];
      /* budget, version, code, line, amount, cash, in kind, F1, F2, matched,
       * funded, gap, partner needed */
      g_assert_cmpuint (header->n_fields, ==, 13);
      g_assert_cmpstr (header->fields[7], ==, "F1 (2:1)");
      g_assert_cmpstr (header->fields[8], ==, "F2 (1:1)");
      g_assert_cmpstr (b->fields[3], ==, "Déplacements; concertation");
      g_assert_cmpstr (a->fields[0], ==, "Fonctionnement 2004");
      g_assert_cmpint (cents_of (b->fields[7]), ==, 4000000);
      g_assert_cmpint (cents_of (b->fields[8]), ==, 0);
      g_assert_cmpint (cents_of (b->fields[11]), ==, 1500000);
      g_assert_cmpint (cents_of (b->fields[12]), ==, 500000);
      g_assert_cmpint (cents_of (a->fields[8]), ==, 1000000);
      g_assert_cmpint (cents_of (a->fields[11]), ==, 3000000);
      g_assert_cmpint (cents_of (a->fields[12]), ==, 1500000);
      g_assert_cmpint (cents_of (total->fields[4]), ==, 12500000);
      g_assert_cmpint (cents_of (total->fields[7]), ==, 4000000);
      g_assert_cmpint (cents_of (total->fields[8]), ==, 1000000);
      g_assert_cmpint (cents_of (total->fields[11]), ==, 4500000);
      g_assert_cmpint (cents_of (total->fields[12]), ==, 2000000);
      g_assert_nonnull (strchr (total->fields[4], cag_csv_decimal_mark_for_lang (lang)));
    }
  /* The command line writes the same file, in French here. */
  {
    g_autofree char *out = g_build_filename (fx.dir, "proforma.csv", NULL);
    g_autofree char *text = NULL;
    g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LANGUAGE", "fr", TRUE);
    const char *argv[] = { CAGNOTTE_CLI_PATH, "--db", fx.path, "export", "csv", "proforma",
                           "Fonctionnement 2004", "--output", out, NULL };
    g_autofree char *out_text = NULL;
    g_autofree char *err_text = NULL;
    int status = -1;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out_text, &err_text, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (out, &text, NULL, &error));
    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "budget;version;code;"));
    g_assert_nonnull (strstr (text, ";Total;125000,00;"));
  }
  fixture_tear_down (&fx);
}

int
main (int    argc,
      char **argv)
{
  cag_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/proforma-worked-example", test_worked_example);
  return g_test_run ();
}
