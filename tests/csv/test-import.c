/* test-import.c — contributions import and CSV export against a real
 * database: sample spreadsheets in French and English, every malformed case,
 * all-or-nothing, idempotence and the export → import round trip. */
#include "config.h"

#include <string.h>

#include "cag-error.h"
#include "cag-export.h"
#include "cag-import.h"
#include "cag-money.h"
#include "cag-store-private.h"
#include "csv-test-util.h"

static CagImportReport *
import_ok (CagStore               *store,
           const char             *path,
           const CagImportOptions *options)
{
  CagImportReport *report = NULL;
  g_autoptr(GError) error = NULL;

  if (!cag_import_contributions (store, path, options, &report, &error))
    {
      for (guint i = 0; report != NULL && i < report->problems->len; i++)
        {
          g_autofree char *line = cag_import_problem_to_string (report->problems->pdata[i]);

          g_test_message ("%s", line);
        }
      g_assert_no_error (error);
    }
  g_assert_nonnull (report);
  g_assert_cmpuint (report->problems->len, ==, 0);
  return report;
}

static CagImportReport *
import_text_fails (CagStore               *store,
                   const char             *text,
                   const CagImportOptions *options)
{
  CagImportReport *report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cag_import_contributions_data (store, text, strlen (text), options, &report,
                                                 &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->problems->len, >, 0);
  g_assert_false (report->imported);
  return report;
}

/* ---- Sample files ------------------------------------------------------- */

static void
test_french_libreoffice (Fixture *fx, gconstpointer data)
{
  g_autofree char *path = data_path ("fr-libreoffice-cp1252.csv");
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  report = import_ok (fx->store, path, &options);
  g_assert_true (report->imported);
  g_assert_cmpstr (report->csv.encoding, ==, "WINDOWS-1252");
  g_assert_cmpint (report->csv.delimiter, ==, ';');
  g_assert_cmpuint (report->rows, ==, 13);
  g_assert_cmpuint (report->added, ==, 13);
  /* 11 × 125.00 + 1,250.00 + 62.50 */
  g_assert_cmpint (report->added_cents, ==, 11 * 12500 + 125000 + 6250);
  g_assert_cmpint (ledger_total (fx->store, &count), ==, report->added_cents);
  g_assert_cmpuint (count, ==, 13);
  g_assert_true (cag_store_check_totals (fx->store, &error));
  g_assert_no_error (error);

  /* Accents, methods, references and multi-line notes came through. */
  {
    g_autoptr(GPtrArray) list = cag_store_contribution_list (fx->store, 0, 0, &error);
    gboolean found_note = FALSE;

    for (guint i = 0; i < list->len; i++)
      {
        CagContribution *c = list->pdata[i];

        if (c->amount_cents == 6250)
          {
            g_assert_cmpint (c->method, ==, CAG_METHOD_CASH);
            g_assert_cmpstr (c->note, ==, "Souper-bénéfice\r\n(surplus)");
            g_assert_cmpstr (c->organization_name, ==, "Chantier de l'économie sociale");
            found_note = TRUE;
          }
        if (c->amount_cents == 125000)
          {
            g_assert_cmpint (c->method, ==, CAG_METHOD_TRANSFER);
            g_assert_cmpstr (c->reference, ==, "VIR-2003-09");
            g_assert_cmpint (c->date.year, ==, 2003);
            g_assert_cmpint (c->date.month, ==, 9);
            g_assert_cmpint (c->date.day, ==, 3);
          }
      }
    g_assert_true (found_note);
  }
}

static void
test_french_excel (Fixture *fx, gconstpointer data)
{
  g_autofree char *path = data_path ("fr-excel-utf8-bom.csv");
  /* One row leaves its campaign empty: it takes the file's campaign. */
  CagImportOptions options = { .campaign = "dakar 2005" };
  g_autoptr(CagImportReport) report = NULL;

  report = import_ok (fx->store, path, &options);
  g_assert_true (report->csv.had_bom);
  g_assert_cmpuint (report->added, ==, 5);
  g_assert_cmpint (report->added_cents, ==, 3 * 20000 + 100000 + 50050);
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, report->added_cents);
}

static void
test_english (Fixture *fx, gconstpointer data)
{
  g_autofree char *path = data_path ("en-libreoffice.csv");
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) report = NULL;

  report = import_ok (fx->store, path, &options);
  g_assert_cmpint (report->csv.delimiter, ==, ',');
  g_assert_cmpuint (report->added, ==, 7);
  g_assert_cmpint (report->added_cents, ==, 12500 + 12500 + 125000 + 200000 + 7500 + 7550
                                            + 30000);
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, report->added_cents);
}

static void
test_campaign_required (Fixture *fx, gconstpointer data)
{
  g_autofree char *path = data_path ("fr-libreoffice-cp1252.csv");
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* Two campaigns and no campaign column: every row asks which. */
  g_assert_false (cag_import_contributions (fx->store, path, NULL, &report, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_cmpuint (report->problems->len, ==, 13);
  g_assert_cmpint (((CagImportProblem *) report->problems->pdata[0])->field, ==,
                   CAG_IMPORT_FIELD_CAMPAIGN);
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, 0);

  /* An unknown campaign for the whole file is refused outright. */
  {
    CagImportOptions options = { .campaign = "Porto Alegre" };
    g_autoptr(GError) not_found = NULL;

    g_assert_false (cag_import_contributions (fx->store, path, &options, NULL, &not_found));
    g_assert_error (not_found, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  }
}

/* ---- Dry run, idempotence ----------------------------------------------- */

static void
test_dry_run (Fixture *fx, gconstpointer data)
{
  g_autofree char *path = data_path ("fr-libreoffice-cp1252.csv");
  CagImportOptions options = { .campaign = "Dakar 2005", .dry_run = TRUE };
  g_autoptr(CagImportReport) report = NULL;
  guint count = 99;

  report = import_ok (fx->store, path, &options);
  g_assert_true (report->dry_run);
  g_assert_false (report->imported);
  g_assert_cmpuint (report->added, ==, 13);
  g_assert_cmpint (ledger_total (fx->store, &count), ==, 0);
  g_assert_cmpuint (count, ==, 0);
}

static void
test_idempotent (Fixture *fx, gconstpointer data)
{
  const char *files[] = { "fr-libreoffice-cp1252.csv", "fr-excel-utf8-bom.csv",
                          "en-libreoffice.csv" };
  CagImportOptions options = { .campaign = "Dakar 2005" };
  gint64 total;
  guint count = 0, count_again = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = data_path (files[i]);
      g_autoptr(CagImportReport) report = import_ok (fx->store, path, &options);

      g_assert_cmpuint (report->added, >, 0);
    }
  total = ledger_total (fx->store, &count);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = data_path (files[i]);
      g_autoptr(CagImportReport) report = import_ok (fx->store, path, &options);

      g_assert_cmpuint (report->added, ==, 0);
      g_assert_cmpint (report->added_cents, ==, 0);
      g_assert_cmpuint (report->already_present, ==, report->rows);
      g_assert_cmpuint (report->skipped_lines->len, ==, report->rows);
    }
  g_assert_cmpint (ledger_total (fx->store, &count_again), ==, total);
  g_assert_cmpuint (count_again, ==, count);
}

/* ---- Malformed rows ----------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *text;
  guint       line;
  gint        field;
  const char *needle;   /* in the message, or NULL */
} BadCase;

static const BadCase bad_cases[] = {
  { "bad amount", "date;organisation;montant\n2004-01-15;RISQ;douze\n", 2,
    CAG_IMPORT_FIELD_AMOUNT, NULL },
  { "ambiguous amount", "date;organisation;montant\n2004-01-15;RISQ;\"4,500\"\n", 2,
    CAG_IMPORT_FIELD_AMOUNT, NULL },
  { "negative amount", "date;organisation;montant\n2004-01-15;RISQ;-12,00\n", 2,
    CAG_IMPORT_FIELD_AMOUNT, NULL },
  { "zero amount", "date;organisation;montant\n2004-01-15;RISQ;0\n", 2,
    CAG_IMPORT_FIELD_AMOUNT, NULL },
  { "empty amount", "date;organisation;montant\n2004-01-15;RISQ;\n", 2,
    CAG_IMPORT_FIELD_AMOUNT, NULL },
  { "bad date", "date;organisation;montant\n31/02/2004;RISQ;12\n", 2,
    CAG_IMPORT_FIELD_DATE, NULL },
  { "american date", "date;organisation;montant\n06/15/2004;RISQ;12\n", 2,
    CAG_IMPORT_FIELD_DATE, NULL },
  { "not a date", "date;organisation;montant\nhier;RISQ;12\n", 2,
    CAG_IMPORT_FIELD_DATE, NULL },
  { "missing date", "date;organisation;montant\n;RISQ;12\n", 2,
    CAG_IMPORT_FIELD_DATE, NULL },
  { "date before the campaign", "date;organisation;montant\n2003-05-31;RISQ;12\n", 2,
    CAG_IMPORT_FIELD_DATE, "Dakar 2005" },
  { "voided neither yes nor no",
    "date;organisation;montant;annulé\n2004-01-15;RISQ;12;peut-être\n", 2,
    CAG_IMPORT_FIELD_VOIDED, "peut-être" },
  { "unknown organization", "date;organisation;montant\n2004-01-15;Inconnue inc.;12\n", 2,
    CAG_IMPORT_FIELD_ORGANIZATION, "Inconnue inc." },
  { "missing organization", "date;organisation;montant\n2004-01-15;;12\n", 2,
    CAG_IMPORT_FIELD_ORGANIZATION, NULL },
  { "unknown method", "date;organisation;montant;mode\n2004-01-15;RISQ;12;bitcoin\n", 2,
    CAG_IMPORT_FIELD_METHOD, "bitcoin" },
  { "unknown campaign", "date;organisation;montant;campagne\n2004-01-15;RISQ;12;Lima 1997\n",
    2, CAG_IMPORT_FIELD_CAMPAIGN, "Lima 1997" },
  { "no fund in the campaign",
    "date;organisation;montant;campagne\n2005-03-15;RISQ;12;Forum 2006\n", 2,
    CAG_IMPORT_FIELD_ORGANIZATION, "Forum 2006" },
  { "too many columns", "date;organisation;montant\n2004-01-15;RISQ;12;extra\n", 2, -1,
    NULL },
  { "unquoted separator", "date,organization,amount\n2004-01-15,RISQ,1,250.00\n", 2, -1,
    NULL },
  { "duplicate within the file",
    "date;organisation;montant;référence\n2004-01-15;RISQ;12;A1\n2004-01-16;RISQ;12;A1\n"
    "2004-01-15;risq;12,00 $;a1\n", 4, -1, "2" },
  { "no amount column", "date;organisation;total\n2004-01-15;RISQ;12\n", 1,
    CAG_IMPORT_FIELD_AMOUNT, NULL },
  { "no header", "2004-01-15;RISQ;12\n", 1, -1, NULL },
  { "two amount columns", "date;organisation;montant;amount\n2004-01-15;RISQ;12;12\n", 1,
    CAG_IMPORT_FIELD_AMOUNT, NULL },
};

static void
test_malformed (Fixture *fx, gconstpointer data)
{
  CagImportOptions options = { .campaign = "Dakar 2005" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bad = &bad_cases[i];
      g_autoptr(CagImportReport) report = NULL;
      CagImportProblem *problem;
      gboolean found = FALSE;

      g_test_message ("case: %s", bad->name);
      report = import_text_fails (fx->store, bad->text, &options);
      for (guint k = 0; k < report->problems->len; k++)
        {
          g_autofree char *line = NULL;

          problem = report->problems->pdata[k];
          line = cag_import_problem_to_string (problem);
          g_test_message ("  %s", line);
          if (problem->line == bad->line && problem->field == bad->field
              && (bad->needle == NULL || strstr (problem->message, bad->needle) != NULL))
            found = TRUE;
        }
      g_assert_true (found);
      g_assert_cmpuint (report->added, ==, 0);
      g_assert_cmpint (ledger_total (fx->store, NULL), ==, 0);
    }
}

static void
test_unterminated_quote (Fixture *fx, gconstpointer data)
{
  const char *text = "date;organisation;montant;note\n2004-01-15;RISQ;12;\"jamais fermé\n"
                     "2004-01-16;RISQ;12;\n";
  CagImportReport *report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cag_import_contributions_data (fx->store, text, strlen (text), NULL, &report,
                                                 &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2"));
  g_assert_null (report);
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, 0);
}

/* Every bad row of a file is reported, with its line; good rows are not
 * written either. */
static void
test_every_problem_listed (Fixture *fx, gconstpointer data)
{
  const char *text =
    "Date;Organisation;Montant;Mode\r\n"
    "15/01/2004;RISQ;125,00 $;chèque\r\n"
    "16/01/2004;RISQ;abc;chèque\r\n"
    "\r\n"
    "17/01/2004;Nulle part;125,00;chèque\r\n"
    "32/01/2004;Écof;125,00;\"cheque\r\nsur deux lignes\"\r\n"
    "18/01/2004;Écof;125,00;chèque\r\n"
    "19/01/2004;Écof;;troc\r\n";
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) report = NULL;
  const struct
  {
    guint line;
    gint  field;
  } expected[] = {
    { 3, CAG_IMPORT_FIELD_AMOUNT },
    { 5, CAG_IMPORT_FIELD_ORGANIZATION },
    { 6, CAG_IMPORT_FIELD_DATE },
    { 6, CAG_IMPORT_FIELD_METHOD },
    { 9, CAG_IMPORT_FIELD_AMOUNT },
    { 9, CAG_IMPORT_FIELD_METHOD },
  };

  report = import_text_fails (fx->store, text, &options);
  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CagImportProblem *problem = report->problems->pdata[i];
      gboolean found = FALSE;

      for (guint k = 0; k < report->problems->len; k++)
        {
          const CagImportProblem *p = report->problems->pdata[k];

          if (p->line == expected[i].line && p->field == expected[i].field)
            found = TRUE;
        }
      g_assert_true (found);
      g_assert_cmpuint (problem->line, >, 0);
    }
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, 0);

  {
    g_autofree char *line = cag_import_problem_to_string (report->problems->pdata[0]);

    g_assert_true (g_str_has_prefix (line, "line 3, column amount: "));
  }
}

/* ---- Organizations created on request ----------------------------------- */

static void
test_create_organizations (Fixture *fx, gconstpointer data)
{
  const char *text =
    "date,organization,amount\n"
    "2004-01-15,Coop du Bas-Saint-Laurent,125\n"
    "2004-02-15,COOP DU BAS-SAINT-LAURENT,125\n"
    "2004-02-15,RISQ,50\n";
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) refused = NULL;
  g_autoptr(CagImportReport) dry = NULL;
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CagOrganization) org = NULL;
  gint64 before = cag_store_org_count (fx->store);

  /* Never silently. */
  refused = import_text_fails (fx->store, text, &options);
  g_assert_cmpuint (refused->problems->len, ==, 2);
  g_assert_cmpint (cag_store_org_count (fx->store), ==, before);

  options.create_organizations = TRUE;
  options.dry_run = TRUE;
  g_assert_true (cag_import_contributions_data (fx->store, text, strlen (text), &options, &dry,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dry->organizations_created, ==, 1);
  g_assert_cmpuint (dry->funds_opened, ==, 1);
  g_assert_cmpuint (dry->added, ==, 3);
  g_assert_cmpint (cag_store_org_count (fx->store), ==, before);

  options.dry_run = FALSE;
  g_assert_true (cag_import_contributions_data (fx->store, text, strlen (text), &options,
                                                &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->organizations_created, ==, 1);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpint (cag_store_org_count (fx->store), ==, before + 1);
  org = cag_store_org_find (fx->store, "Coop du Bas-Saint-Laurent", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (org->name, ==, "Coop du Bas-Saint-Laurent");
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, 30000);
  g_assert_true (cag_store_check_totals (fx->store, &error));
  g_assert_no_error (error);
}

/* The store's writes nest inside the import's transaction: rolling the
 * outer one back undoes an organization added inside it, and an inner
 * failure leaves the outer transaction usable. */
static void
test_nested_transaction (Fixture *fx, gconstpointer data)
{
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(CagOrganization) twin = cag_organization_new ();
  g_autoptr(CagOrganization) kept = cag_organization_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) duplicate = NULL;
  gint64 before = cag_store_org_count (fx->store);

  g_assert_true (cag_store_begin (fx->store, &error));
  org->name = g_strdup ("Temporaire");
  g_assert_true (cag_store_org_add (fx->store, org, &error));
  g_assert_no_error (error);
  twin->name = g_strdup ("TEMPORAIRE");
  g_assert_false (cag_store_org_add (fx->store, twin, &duplicate));
  g_assert_nonnull (duplicate);
  g_assert_cmpint (cag_store_org_count (fx->store), ==, before + 1);
  cag_store_rollback (fx->store);
  g_assert_cmpint (cag_store_org_count (fx->store), ==, before);

  /* And the next write starts a real transaction again. */
  kept->name = g_strdup ("Gardée");
  g_assert_true (cag_store_org_add (fx->store, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cag_store_org_count (fx->store), ==, before + 1);
}

/* ---- Explicit mapping --------------------------------------------------- */

static void
test_mapping (Fixture *fx, gconstpointer data)
{
  const char *text =
    "Quand;Qui;Combien;Pièce\n"
    "15/01/2004;RISQ;125,00;C-1\n"
    "15/02/2004;Écof;62,50;C-2\n";
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(CagImportReport) bad = NULL;
  g_autoptr(GError) error = NULL;

  options.columns[CAG_IMPORT_FIELD_DATE] = "quand";
  options.columns[CAG_IMPORT_FIELD_ORGANIZATION] = "2";
  options.columns[CAG_IMPORT_FIELD_AMOUNT] = "COMBIEN";
  options.columns[CAG_IMPORT_FIELD_REFERENCE] = "piece";
  g_assert_true (cag_import_contributions_data (fx->store, text, strlen (text), &options,
                                                &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, 18750);

  options.columns[CAG_IMPORT_FIELD_NOTE] = "Remarque";
  bad = import_text_fails (fx->store, text, &options);
  g_assert_cmpint (((CagImportProblem *) bad->problems->pdata[0])->field, ==,
                   CAG_IMPORT_FIELD_NOTE);

  {
    CagImportField field;

    g_assert_true (cag_import_field_from_string ("Montant", &field));
    g_assert_cmpint (field, ==, CAG_IMPORT_FIELD_AMOUNT);
    g_assert_true (cag_import_field_from_string ("organization", &field));
    g_assert_cmpint (field, ==, CAG_IMPORT_FIELD_ORGANIZATION);
    g_assert_true (cag_import_field_from_string ("Référence", &field));
    g_assert_cmpint (field, ==, CAG_IMPORT_FIELD_REFERENCE);
    g_assert_false (cag_import_field_from_string ("couleur", &field));
  }
}

/* ---- Export ------------------------------------------------------------- */

static void
round_trip (Fixture *fx,
            CagLang  lang)
{
  const char *files[] = { "fr-libreoffice-cp1252.csv", "fr-excel-utf8-bom.csv",
                          "en-libreoffice.csv" };
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autofree char *export_path = g_build_filename (fx->dir, "export.csv", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) status_before = NULL;
  g_autoptr(GPtrArray) status_after = NULL;
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CagDate as_of = { 2004, 10, 15 };
  Fixture other = { 0 };
  gint64 total;
  guint count = 0, count_after = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = data_path (files[i]);
      g_autoptr(CagImportReport) r = import_ok (fx->store, path, &options);
    }
  /* A voided contribution is exported, marked, and not brought back. */
  list = cag_store_contribution_list (fx->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_true (cag_store_contribution_void (fx->store, ((CagContribution *) list->pdata[0])->id,
                                              "saisie en double", &error));
  g_assert_no_error (error);
  total = ledger_total (fx->store, &count);

  g_assert_true (cag_export_contributions_to_file (fx->store, 0, 0, lang, export_path, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GPtrArray) records = NULL;
    CagCsvInfo info = { 0 };

    records = cag_csv_parse_file (export_path, 0, &info, &error);
    g_assert_no_error (error);
    g_assert_true (info.had_bom);
    g_assert_cmpint (info.delimiter, ==, cag_csv_delimiter_for_lang (lang));
    g_assert_cmpuint (records->len, ==, count + 1);
  }

  fixture_set_up (&other, TRUE);
  report = import_ok (other.store, export_path, NULL);
  g_assert_cmpuint (report->voided, ==, 1);
  g_assert_cmpuint (report->added, ==, count - 1);
  g_assert_cmpint (ledger_total (other.store, &count_after), ==, total);
  g_assert_cmpuint (count_after, ==, count - 1);

  /* Identical figures, fund by fund. */
  status_before = cag_store_status_list (fx->store, fx->dakar_id, 0, &as_of, &error);
  g_assert_no_error (error);
  status_after = cag_store_status_list (other.store, other.dakar_id, 0, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status_before->len, ==, status_after->len);
  for (guint i = 0; i < status_before->len; i++)
    {
      CagFundStatus *a = status_before->pdata[i];
      CagFundStatus *b = status_after->pdata[i];

      g_assert_cmpstr (a->organization_name, ==, b->organization_name);
      g_assert_cmpint (a->figures.saved_cents, ==, b->figures.saved_cents);
      g_assert_cmpint (a->figures.monthly_needed_cents, ==, b->figures.monthly_needed_cents);
    }
  fixture_tear_down (&other);
}

static void
test_round_trip_fr (Fixture *fx, gconstpointer data)
{
  round_trip (fx, CAG_LANG_FR);
}

static void
test_round_trip_en (Fixture *fx, gconstpointer data)
{
  round_trip (fx, CAG_LANG_EN);
}

static void
test_export_status (Fixture *fx, gconstpointer data)
{
  g_autofree char *path = data_path ("fr-libreoffice-cp1252.csv");
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) report = import_ok (fx->store, path, &options);
  g_autoptr(CagCsvWriter) writer = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) status = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  CagDate as_of = { 2004, 6, 15 };
  gint saved_column = -1;

  for (CagLang lang = CAG_LANG_EN; lang <= CAG_LANG_FR; lang++)
    {
      char mark = cag_csv_decimal_mark_for_lang (lang);

      g_clear_pointer (&writer, cag_csv_writer_free);
      g_clear_pointer (&records, g_ptr_array_unref);
      g_clear_pointer (&status, g_ptr_array_unref);
      writer = cag_export_status (fx->store, fx->dakar_id, &as_of, lang, &error);
      g_assert_no_error (error);
      text = cag_csv_writer_peek (writer);
      records = cag_csv_parse (text, strlen (text), cag_csv_delimiter_for_lang (lang), NULL,
                               &error);
      g_assert_no_error (error);
      status = cag_store_status_list (fx->store, fx->dakar_id, 0, &as_of, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, status->len + 1);

      /* The saved column is the eighth; every figure is a plain decimal with
       * the language's mark, which the money parser reads back exactly. */
      saved_column = 7;
      for (guint i = 0; i < status->len; i++)
        {
          CagCsvRecord *record = records->pdata[i + 1];
          CagFundStatus *s = status->pdata[i];
          gint64 cents = -1;

          g_assert_cmpstr (record->fields[0], ==, "2004-06-15");
          g_assert_cmpstr (record->fields[1], ==, s->organization_name);
          g_assert_nonnull (strchr (record->fields[saved_column], mark));
          g_assert_null (strchr (record->fields[saved_column], ' '));
          g_assert_true (cag_money_parse (record->fields[saved_column], CAG_MONEY_ALLOW_ZERO,
                                          &cents, &error));
          g_assert_no_error (error);
          g_assert_cmpint (cents, ==, s->figures.saved_cents);
          g_assert_true (cag_money_parse (record->fields[6], CAG_MONEY_ALLOW_ZERO, &cents,
                                          &error));
          g_assert_cmpint (cents, ==, s->figures.target_cents);
        }
    }
}

static void
set_up_cb (Fixture       *fx,
           gconstpointer  data)
{
  fixture_set_up (fx, TRUE);
}

/* After the deadline is a warning: the dry run lists it, the import keeps
 * the row. */
static void
test_deadline_warning (Fixture *fx, gconstpointer data)
{
  const char *text = "date;organisation;montant\n15/11/2005;RISQ;10\n01/12/2005;RISQ;12\n";
  CagImportOptions options = { .campaign = "Dakar 2005", .dry_run = TRUE };
  g_autoptr(GError) error = NULL;

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(CagImportReport) report = NULL;
      CagImportProblem *warning;

      options.dry_run = pass == 0;
      g_assert_true (cag_import_contributions_data (fx->store, text, strlen (text), &options,
                                                    &report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report->problems->len, ==, 0);
      g_assert_cmpuint (report->warnings->len, ==, 1);
      warning = report->warnings->pdata[0];
      g_assert_cmpuint (warning->line, ==, 3);
      g_assert_cmpint (warning->field, ==, CAG_IMPORT_FIELD_DATE);
      g_assert_nonnull (strstr (warning->message, "Dakar 2005"));
      g_assert_cmpuint (report->added, ==, 2);
    }
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, 2200);
}

/* Before the start is a problem naming the start. */
static void
test_before_start (Fixture *fx, gconstpointer data)
{
  const char *text = "date;organisation;montant\n2003-05-31;RISQ;12\n";
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) report = import_text_fails (fx->store, text, &options);
  g_autofree char *start = cag_date_format (&(CagDate) { 2003, 6, 1 },
                                            cag_i18n_get_language ());
  CagImportProblem *problem = report->problems->pdata[0];

  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpint (problem->field, ==, CAG_IMPORT_FIELD_DATE);
  g_assert_nonnull (strstr (problem->message, start));
}

/* Lengths the store would refuse are problems of the dry run already, with
 * the file's line and the column. */
static void
test_length_limits (Fixture *fx, gconstpointer data)
{
  g_autofree char *long_name = g_strnfill (CAG_IMPORT_MAX_NAME_CHARS + 1, 'x');
  g_autofree char *name = g_strnfill (CAG_IMPORT_MAX_NAME_CHARS, 'y');
  g_autofree char *long_note = g_strnfill (CAG_IMPORT_MAX_TEXT_CHARS + 1, 'n');
  g_autofree char *note = g_strnfill (CAG_IMPORT_MAX_TEXT_CHARS, 'n');
  g_autofree char *bad = g_strdup_printf ("date;organisation;montant;référence;note\n"
                                          "2004-01-15;RISQ;12;%s;\n"
                                          "\n"
                                          "2004-01-16;RISQ;12;;%s\n"
                                          "2004-01-17;%s;12;;\n", long_name, long_note,
                                          long_name);
  g_autofree char *good = g_strdup_printf ("date;organisation;montant;référence;note\n"
                                           "2004-01-15;RISQ;12;%s;%s\n"
                                           "2004-01-17;%s;12;;\n", name, note, name);
  CagImportOptions options = { .campaign = "Dakar 2005", .create_organizations = TRUE,
                               .dry_run = TRUE };
  const struct { guint line; gint field; } expected[] = {
    { 2, CAG_IMPORT_FIELD_REFERENCE }, { 4, CAG_IMPORT_FIELD_NOTE },
    { 5, CAG_IMPORT_FIELD_ORGANIZATION },
  };
  g_autoptr(CagImportReport) report = import_text_fails (fx->store, bad, &options);
  g_autoptr(CagImportReport) ok_report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CagImportProblem *problem = report->problems->pdata[i];

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpint (problem->field, ==, expected[i].field);
    }

  /* At the limits, the dry run and the import both succeed. */
  options.dry_run = FALSE;
  g_assert_true (cag_import_contributions_data (fx->store, good, strlen (good), &options,
                                                &ok_report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ok_report->added, ==, 2);
}

/* The voided column takes yes/no words of both languages only. */
static void
test_voided_words (Fixture *fx, gconstpointer data)
{
  const char *text = "date;organisation;montant;référence;annulé\n"
                     "2004-01-15;RISQ;12;A;oui\n2004-01-15;RISQ;12;B;Yes\n"
                     "2004-01-15;RISQ;12;C;x\n2004-01-15;RISQ;12;D;non\n"
                     "2004-01-15;RISQ;12;E;\n2004-01-15;RISQ;12;F;false\n";
  const char *odd = "date;organisation;montant;annulé\n2004-01-15;RISQ;12;peut-être\n";
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(CagImportReport) bad = NULL;
  g_autoptr(GError) error = NULL;
  CagImportProblem *problem;

  g_assert_true (cag_import_contributions_data (fx->store, text, strlen (text), &options,
                                                &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->voided, ==, 3);
  g_assert_cmpuint (report->added, ==, 3);

  bad = import_text_fails (fx->store, odd, &options);
  problem = bad->problems->pdata[0];
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpint (problem->field, ==, CAG_IMPORT_FIELD_VOIDED);
  g_assert_nonnull (strstr (problem->message, "peut-être"));
}

/* A UTF-8 sheet with one line from a Windows program: the "Référence"
 * column is found and every reference kept. */
static void
test_mixed_encoding (Fixture *fx, gconstpointer data)
{
  const char *text = "date;organisation;montant;Référence\n"
                     "2004-01-15;Écof;12;Réf 1\n"
                     "2004-01-16;RISQ;13;R\xE9" "f 2\n"
                     "2004-01-17;Chantier;14;Réf 3\n";
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cag_import_contributions_data (fx->store, text, strlen (text), &options,
                                                &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->csv.encoding, ==, "MIXED");
  g_assert_cmpuint (report->csv.legacy_lines, ==, 1);
  g_assert_cmpuint (report->csv.first_legacy_line, ==, 3);
  list = cag_store_contribution_list (fx->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      CagContribution *c = list->pdata[i];
      g_autofree char *expected = g_strdup_printf ("Réf %d", c->date.day - 14);

      g_assert_cmpstr (c->reference, ==, expected);
    }
}

typedef struct
{
  guint         calls;
  guint64       last_done;
  guint64       size;
  GCancellable *cancel_at_tenth;
} Progress;

static void
progress_cb (guint64  done,
             guint64  size,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >=, progress->last_done);
  g_assert_cmpuint (done, <=, size);
  progress->last_done = done;
  progress->size = size;
  /* The tenth call comes after 40,960 rows: one chunk is written. */
  if (++progress->calls == 10 && progress->cancel_at_tenth != NULL)
    g_cancellable_cancel (progress->cancel_at_tenth);
}

/* N rows in a file; row BAD (0: none) has a bad amount. */
static char *
write_rows_file (Fixture *fx,
                 guint    n,
                 guint    bad)
{
  g_autoptr(GString) text = g_string_new ("date;organisation;montant;référence\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, "rows.csv", NULL);

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text, "2004-01-15;RISQ;%s;N%u\n", i == bad ? "abc" : "1,00", i);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);
  return path;
}

/* A file longer than one chunk is written chunk by chunk, yet a problem on
 * its last row leaves the database untouched; progress reaches the end. */
static void
test_chunks_all_or_nothing (Fixture *fx, gconstpointer data)
{
  g_autofree char *bad_path = write_rows_file (fx, 70000, 70000);
  g_autofree char *good_path = NULL;
  Progress progress = { 0 };
  CagImportOptions options = { .campaign = "Dakar 2005", .progress = progress_cb,
                               .progress_data = &progress };
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(CagImportReport) good = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_false (cag_import_contributions (fx->store, bad_path, &options, &report, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpuint (((CagImportProblem *) report->problems->pdata[0])->line, ==, 70001);
  g_assert_cmpint (ledger_total (fx->store, &count), ==, 0);
  g_assert_cmpuint (count, ==, 0);

  good_path = write_rows_file (fx, 70000, 0);
  progress = (Progress) { 0 };
  good = import_ok (fx->store, good_path, &options);
  g_assert_cmpuint (good->added, ==, 70000);
  g_assert_cmpint (ledger_total (fx->store, &count), ==, 70000 * 100);
  g_assert_cmpuint (count, ==, 70000);
  g_assert_cmpuint (progress.calls, >, 2);
  g_assert_cmpuint (progress.last_done, ==, progress.size);
  g_assert_true (cag_store_check_totals (fx->store, &error));
  g_assert_no_error (error);
}

/* Cancelled halfway (after chunks were written): nothing stays, and the
 * store is ready for the next import. */
static void
test_cancel (Fixture *fx, gconstpointer data)
{
  g_autofree char *path = write_rows_file (fx, 80000, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { .cancel_at_tenth = cancellable };
  CagImportOptions options = { .campaign = "Dakar 2005", .progress = progress_cb,
                               .progress_data = &progress, .cancellable = cancellable };
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(CagImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_false (cag_import_contributions (fx->store, path, &options, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_assert_cmpuint (progress.calls, ==, 10);
  g_assert_cmpint (ledger_total (fx->store, &count), ==, 0);
  g_assert_cmpuint (count, ==, 0);

  options.cancellable = NULL;
  progress = (Progress) { 0 };
  again = import_ok (fx->store, path, &options);
  g_assert_cmpuint (again->added, ==, 80000);
}

/* A file where every row is wrong: the first CAG_IMPORT_MAX_PROBLEMS
 * problems are kept, the others counted; nothing is written. */
static void
test_problems_capped (Fixture *fx, gconstpointer data)
{
  g_autoptr(GString) text = g_string_new ("date;organisation;montant\n");
  CagImportOptions options = { .campaign = "Dakar 2005" };
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < CAG_IMPORT_MAX_PROBLEMS + 2000; i++)
    g_string_append (text, i == 5000 ? "2004-01-15;RISQ;12\n" : "2004-01-15;RISQ;abc\n");
  g_assert_false (cag_import_contributions_data (fx->store, text->str, text->len, &options,
                                                 &report, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "11999"));
  g_assert_cmpuint (report->problems->len, ==, CAG_IMPORT_MAX_PROBLEMS);
  g_assert_cmpuint (report->problems_total, ==, CAG_IMPORT_MAX_PROBLEMS + 1999);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, 0);
}

static void
tear_down_cb (Fixture       *fx,
              gconstpointer  data)
{
  fixture_tear_down (fx);
}

int
main (int    argc,
      char **argv)
{
  cag_i18n_init ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/import/" path, Fixture, NULL, set_up_cb, func, tear_down_cb)
  ADD ("french-libreoffice", test_french_libreoffice);
  ADD ("french-excel", test_french_excel);
  ADD ("english", test_english);
  ADD ("campaign-required", test_campaign_required);
  ADD ("dry-run", test_dry_run);
  ADD ("idempotent", test_idempotent);
  ADD ("malformed", test_malformed);
  ADD ("unterminated-quote", test_unterminated_quote);
  ADD ("every-problem-listed", test_every_problem_listed);
  ADD ("create-organizations", test_create_organizations);
  ADD ("mapping", test_mapping);
  ADD ("nested-transaction", test_nested_transaction);
  ADD ("round-trip-fr", test_round_trip_fr);
  ADD ("round-trip-en", test_round_trip_en);
  ADD ("export-status", test_export_status);
  ADD ("deadline-warning", test_deadline_warning);
  ADD ("before-start", test_before_start);
  ADD ("length-limits", test_length_limits);
  ADD ("voided-words", test_voided_words);
  ADD ("mixed-encoding", test_mixed_encoding);
  ADD ("chunks-all-or-nothing", test_chunks_all_or_nothing);
  ADD ("cancel", test_cancel);
  ADD ("problems-capped", test_problems_capped);
#undef ADD

  return g_test_run ();
}
