/* test-pdf.c — the PDF documents, checked from the outside with the tools a
 * reader's machine has: pdftotext for the words and amounts (both
 * languages), qpdf for the structure, pdffonts for embedding, and word
 * boxes (pdftotext -bbox) to prove nothing is drawn outside the margins.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cag-pdf.h"
#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-store.h"
#include "cag-budget.h"
#include "cag-network.h"
#include "pdf-test-util.h"

/* Runs CALL (which takes &error) and fails with its message. */
#define CHECK(call) \
  G_STMT_START \
    { \
      gboolean ok_ = (call); \
      g_assert_no_error (error); \
      g_assert_true (ok_); \
    } \
  G_STMT_END

typedef struct
{
  char     *dir;
  CagStore *store;
  gint64    campaign_id;
  gint64    fund_id;        /* the worked example of docs/RULES.md */
  gint64    odd_fund_id;    /* quotes, emoji, very long words */
  gint64    complete_fund_id;
} Fixture;

/* ---- Helpers ------------------------------------------------------------ */

static gint64
add_org (CagStore   *store,
         const char *name,
         const char *region,
         CagOrgKind  kind)
{
  g_autoptr (CagOrganization) org = cag_organization_new ();
  g_autoptr (GError) error = NULL;

  org->name = g_strdup (name);
  org->region = g_strdup (region);
  org->kind = kind;
  CHECK (cag_store_org_add (store, org, &error));
  return org->id;
}

static gint64
open_fund (Fixture *f,
           gint64   org_id,
           gint     delegations)
{
  g_autoptr (CagFund) fund = cag_fund_new ();
  g_autoptr (GError) error = NULL;

  fund->organization_id = org_id;
  fund->campaign_id = f->campaign_id;
  fund->delegations = delegations;
  CHECK (cag_store_fund_open (f->store, fund, &error));
  return fund->id;
}

static gint64
pay (CagStore   *store,
     gint64      fund_id,
     const char *date,
     gint64      cents,
     const char *reference,
     const char *note)
{
  g_autoptr (CagContribution) c = cag_contribution_new ();
  g_autoptr (GError) error = NULL;

  c->fund_id = fund_id;
  g_assert_true (cag_date_parse_iso (date, &c->date, NULL));
  c->amount_cents = cents;
  c->method = CAG_METHOD_CHEQUE;
  c->reference = g_strdup (reference);
  c->note = g_strdup (note);
  CHECK (cag_store_contribution_add (store, c, &error));
  return c->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CagCampaign) campaign = cag_campaign_new ();
  g_autofree char *db = NULL;
  gint64 org, odd, full;
  gint64 voided;

  f->dir = g_dir_make_tmp ("cagnotte-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "test.db", NULL);
  f->store = cag_store_open (db, &error);
  g_assert_no_error (error);

  add_org (f->store, "Groupe d’économie solidaire du Québec", "Montréal", CAG_ORG_NETWORK);
  org = add_org (f->store, "CDEC de Québec", "Capitale-Nationale", CAG_ORG_REGIONAL);
  odd = add_org (f->store,
                 "Coop « L’Éveil » \"Les Amis\" 🎉 "
                 "Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement",
                 "Centre-du-Québec", CAG_ORG_SECTORAL);
  full = add_org (f->store, "Équiterre", "Montréal", CAG_ORG_SECTORAL);

  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  g_assert_true (cag_date_parse_iso ("2003-06-01", &campaign->start, NULL));
  g_assert_true (cag_date_parse_iso ("2006-06-01", &campaign->deadline, NULL));
  CHECK (cag_store_campaign_add (f->store, campaign, &error));
  f->campaign_id = campaign->id;

  /* docs/RULES.md's fund example: 1,250.00 saved before June 2004. */
  f->fund_id = open_fund (f, org, 1);
  pay (f->store, f->fund_id, "2003-06-20", 50000, "CHQ-101", "Premier versement");
  pay (f->store, f->fund_id, "2003-12-15", 50000, "CHQ-102", NULL);
  voided = pay (f->store, f->fund_id, "2004-02-10", 99900, "CHQ-103", "Erreur de saisie");
  CHECK (cag_store_contribution_void (f->store, voided, "Montant erroné, voir CHQ-104",
                                       &error));
  pay (f->store, f->fund_id, "2004-02-11", 25000, "CHQ-104", NULL);
  /* After the statements' date: must not show. */
  pay (f->store, f->fund_id, "2004-07-02", 77700, "CHQ-LATER", NULL);

  f->odd_fund_id = open_fund (f, odd, 1);
  pay (f->store, f->odd_fund_id, "2003-09-01", 12345, "Réf. « 42 » 🙂",
       "Note avec \"guillemets\", emoji 👍🏽 et un mot "
       "Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis");

  {
    /* The longest note the store takes, with no space to break at. */
    g_autofree char *huge = g_strnfill (4000, 'x');
    pay (f->store, f->odd_fund_id, "2003-10-01", 100, "LONG", huge);
  }

  f->complete_fund_id = open_fund (f, full, 2);
  pay (f->store, f->complete_fund_id, "2004-01-05", 900000, "VIR-1", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *argv[] = { "rm", "-rf", f->dir, NULL };

  g_clear_pointer (&f->store, cag_store_close);
  /* CAGNOTTE_TEST_KEEP=1 keeps the documents, to render and look at them. */
  if (g_getenv ("CAGNOTTE_TEST_KEEP") != NULL)
    g_printerr ("kept %s\n", f->dir);
  else
    g_free (run (argv, NULL));
  g_free (f->dir);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static const CagDate june_15_2004 = { 2004, 6, 15 };

/* ---- Statement ---------------------------------------------------------- */

static void
test_statement_fr (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "releve.pdf");
  g_autofree char *text = NULL;

  CHECK (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_FR, path,
                                   &error));
  assert_sound_pdf (path);
  text = pdf_text (path);

  assert_has (text, "Relevé du fonds de délégation");
  assert_has (text, "Groupe d’économie solidaire du Québec");
  assert_has (text, "CDEC de Québec");
  assert_has (text, "Dakar 2005");
  assert_has (text, "15 juin 2004");
  /* saved, target, expected, arrears, monthly needed (docs/RULES.md) */
  assert_has (text, "1 250,00 $");
  assert_has (text, "4 500,00 $");
  assert_has (text, "1 500,00 $");
  assert_has (text, "250,00 $");
  assert_has (text, "135,42 $");
  assert_has (text, "27,7 %");
  /* the voided contribution, shown with its reason */
  assert_has (text, "999,00 $");
  assert_has (text, "Montant erroné, voir CHQ-104");
  assert_has (text, "Annulé");
  assert_has (text, "CHQ-104");
  g_assert_null (strstr (text, "CHQ-LATER"));
  assert_has (text, "Page 1 de ");
  g_assert_null (strstr (text, "Delegation fund statement"));

  /* The UI language is back to what it was. */
  g_assert_cmpint (cag_i18n_get_language (), ==, CAG_LANG_EN);
}

static void
test_statement_en (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "statement.pdf");
  g_autofree char *text = NULL;

  CHECK (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_EN, path,
                                   &error));
  assert_sound_pdf (path);
  text = pdf_text (path);

  assert_has (text, "Delegation fund statement");
  assert_has (text, "CDEC de Québec");
  assert_has (text, "June 15, 2004");
  assert_has (text, "$1,250.00");
  assert_has (text, "$4,500.00");
  assert_has (text, "$1,500.00");
  assert_has (text, "$250.00");
  assert_has (text, "$135.42");
  assert_has (text, "27.7%");
  assert_has (text, "Voided");
  assert_has (text, "Page 1 of ");
  g_assert_null (strstr (text, "Relevé"));
}

static void
test_statement_long (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);
  g_autofree char *path = path_in (f, "long.pdf");
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;
  g_autofree char *last_page = NULL;
  g_autoptr (CagOrganization) org = NULL;
  gint64 org_id = add_org (f->store, "Table régionale de Lanaudière", "Lanaudière",
                           CAG_ORG_REGIONAL);
  gint64 fund_id = open_fund (f, org_id, 1);
  gint64 sum = 0;
  CagDate as_of = { 2006, 5, 31 };
  guint pages;

  for (guint i = 0; i < 500; i++)
    {
      CagContribution *c = cag_contribution_new ();

      c->fund_id = fund_id;
      c->date = cag_date_from_days (cag_date_to_days (&(CagDate) { 2003, 6, 1 }) + i * 2);
      c->amount_cents = 1000 + i;
      c->method = (CagMethod) (i % 4);
      c->reference = g_strdup_printf ("R%04u", i + 1);
      if (i % 7 == 0)
        c->note = g_strdup ("Une note assez longue pour passer à la ligne dans sa colonne étroite");
      sum += c->amount_cents;
      g_ptr_array_add (batch, c);
    }
  CHECK (cag_store_contribution_add_batch (f->store, batch, &error));

  CHECK (cag_pdf_write_statement (f->store, fund_id, &as_of, CAG_LANG_FR, path, &error));
  assert_sound_pdf (path);
  text = pdf_text (path);

  /* Every row is there, once. */
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *ref = g_strdup_printf ("R%04u ", i + 1);
      if (count_of (text, ref) != 1)
        g_error ("row %s appears %u times", ref, count_of (text, ref));
    }
  pages = page_count (path);
  g_assert_cmpuint (pages, >=, 10);
  last_page = g_strdup_printf ("Page %u de %u", pages, pages);
  assert_has (text, last_page);
  /* The header is repeated on every page of the table. */
  g_assert_cmpuint (count_of (text, "Cumul"), >=, pages - 1);
  /* The total row adds up to what the store says. */
  total = cag_money_format (sum, CAG_LANG_FR);
  {
    g_autofree char *plain = g_strdup (total);
    GString *norm = g_string_new (NULL);

    for (const char *p = plain; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        if (c == 0x00A0 || c == 0x202F)
          g_string_append_c (norm, ' ');
        else
          g_string_append_unichar (norm, c);
      }
    assert_has (text, norm->str);
    g_string_free (norm, TRUE);
  }
  assert_has (text, "Total de 500 versements");
}

static void
test_statement_odd_text (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "odd.pdf");
  g_autofree char *text = NULL;

  CHECK (cag_pdf_write_statement (f->store, f->odd_fund_id, &june_15_2004, CAG_LANG_FR,
                                   path, &error));
  /* Includes the check that the very long words stay inside the margins. */
  assert_sound_pdf (path);
  text = pdf_text (path);
  assert_has (text, "Coop « L’Éveil » \"Les Amis\"");
  assert_has (text, "guillemets");
  assert_has (text, "124,45 $");
  /* Emoji are replaced, never passed to libharu. */
  g_assert_null (strstr (text, "🎉"));
  g_assert_null (strstr (text, "👍"));
  assert_has (text, "\xef\xbf\xbd");
}

/* ---- Summary and batch -------------------------------------------------- */

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fr = path_in (f, "sommaire.pdf");
  g_autofree char *en = path_in (f, "summary.pdf");
  g_autofree char *text = NULL;

  CHECK (cag_pdf_write_summary (f->store, f->campaign_id, &june_15_2004, CAG_LANG_FR, fr,
                                 &error));
  assert_sound_pdf (fr);
  text = pdf_text (fr);
  assert_has (text, "Sommaire de la campagne");
  assert_has (text, "Dakar 2005");
  assert_has (text, "CDEC de Québec");
  assert_has (text, "Équiterre");
  /* 1,250.00 + 124.45 + 9,000.00 saved; 4 delegations planned, 2 funded */
  assert_has (text, "10 374,45 $");
  assert_has (text, "18 000,00 $");
  assert_has (text, "2 sur 4");
  assert_has (text, "Délégations entièrement financées");
  g_clear_pointer (&text, g_free);

  CHECK (cag_pdf_write_summary (f->store, f->campaign_id, &june_15_2004, CAG_LANG_EN, en,
                                 &error));
  assert_sound_pdf (en);
  text = pdf_text (en);
  assert_has (text, "Campaign summary");
  assert_has (text, "$10,374.45");
  assert_has (text, "$18,000.00");
  assert_has (text, "2 of 4");
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  g_autofree char *dir = path_in (f, "relevés/juin");
  g_autoptr (GDir) listing = NULL;
  const char *name;
  guint n = 0;

  /* Two names that fold to the same file name. */
  open_fund (f, add_org (f->store, "Coop A/B", "Estrie", CAG_ORG_REGIONAL), 1);
  open_fund (f, add_org (f->store, "Coop A-B", "Estrie", CAG_ORG_REGIONAL), 1);

  CHECK (cag_pdf_write_statements (f->store, f->campaign_id, &june_15_2004, CAG_LANG_FR, dir,
                                   &paths, &error));
  g_assert_cmpuint (paths->len, ==, 5);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      for (const char *p = name; *p != '\0'; p++)
        g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '.');
      g_assert_true (g_str_has_prefix (name, "releve-"));
      g_assert_nonnull (strstr (name, "-dakar-2005-2004-06-15"));
      g_assert_true (g_str_has_suffix (name, ".pdf"));
      g_assert_cmpuint (strlen (name), <=, 120);
      assert_sound_pdf (path);
      n++;
    }
  g_assert_cmpuint (n, ==, 5);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  {
    g_autofree char *expected =
      g_build_filename (dir, "releve-cdec-de-quebec-dakar-2005-2004-06-15.pdf", NULL);
    g_autofree char *first =
      g_build_filename (dir, "releve-coop-a-b-dakar-2005-2004-06-15.pdf", NULL);
    g_autofree char *second =
      g_build_filename (dir, "releve-coop-a-b-dakar-2005-2004-06-15-2.pdf", NULL);

    g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_safe_names (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Coopérative « L’Éveil » / Œuvre", "cooperative-l-eveil-oeuvre" },
    { "../../etc/passwd", "etc-passwd" },
    { "🎉🎉", "" },
    { "  Équiterre  ", "equiterre" },
    { "CDEC\\Québec:2005?", "cdec-quebec-2005" },
  };
  CagDate d = { 2004, 6, 15 };
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = cag_pdf_safe_name (cases[i].in);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
  name = cag_pdf_statement_file_name ("A/B", "Dakar 2005", &d, CAG_LANG_EN);
  g_assert_cmpstr (name, ==, "statement-a-b-dakar-2005-2004-06-15.pdf");
  g_clear_pointer (&name, g_free);
  name = cag_pdf_summary_file_name ("Dakar 2005", &d, CAG_LANG_FR);
  g_assert_cmpstr (name, ==, "sommaire-dakar-2005-2004-06-15.pdf");
  g_clear_pointer (&name, g_free);
  name = cag_pdf_proforma_file_name ("Fonctionnement 2004", 2, "ACDI / CIDA");
  g_assert_cmpstr (name, ==, "pro-forma-fonctionnement-2004-v2-acdi-cida.pdf");
  g_clear_pointer (&name, g_free);
  name = cag_pdf_statement_file_name (
    "Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement "
    "Anticonstitutionnellementanticonstitutionnellement", "Dakar", &d, CAG_LANG_FR);
  g_assert_null (strchr (name, '/'));
  g_assert_cmpuint (strlen (name), <=, 100);
}

/* ---- Failures ----------------------------------------------------------- */

static void
assert_no_leftovers (const char *dir,
                     guint       expected)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, expected);
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = path_in (f, "not-a-folder");
  g_autofree char *under_file = g_build_filename (file, "releve.pdf", NULL);
  g_autofree char *gone = path_in (f, "gone");
  g_autofree char *under_gone = g_build_filename (gone, "releve.pdf", NULL);
  g_autofree char *ro = path_in (f, "read-only");
  g_autofree char *under_ro = g_build_filename (ro, "releve.pdf", NULL);

  /* A path under a regular file. */
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_false (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_EN,
                                           under_file, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  /* A folder removed before writing. */
  g_assert_cmpint (g_mkdir (gone, 0755), ==, 0);
  g_assert_cmpint (g_rmdir (gone), ==, 0);
  g_assert_false (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_FR,
                                           under_gone, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "n’existe pas"));
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder given as the output file. */
  g_assert_false (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_EN,
                                           f->dir, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
  g_clear_error (&error);

  /* A read-only folder: root writes anyway, so only checked as a user. */
  g_assert_cmpint (g_mkdir (ro, 0555), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_EN,
                                               under_ro, &error));
      g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "not writable"));
      g_clear_error (&error);
      assert_no_leftovers (ro, 0);
    }
  g_chmod (ro, 0755);

  /* The batch into a "folder" that is a file. */
  g_assert_false (cag_pdf_write_statements (f->store, f->campaign_id, &june_15_2004, CAG_LANG_EN,
                                            file, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
  g_clear_error (&error);
}

/* A write that fails half-way (the file size limit stands in for a full
 * disk): no partial file under the name, no temporary file left. */
static void
test_write_fails_midway (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = path_in (f, "out");
  g_autofree char *path = g_build_filename (dir, "releve.pdf", NULL);
  struct rlimit saved, small;
  void (*previous) (int);
  gboolean ok;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 4096;
  previous = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_EN, path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, previous);

  g_assert_false (ok);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "releve.pdf"));
  g_test_message ("%s", error->message);
  assert_no_leftovers (dir, 0);
}

static void
test_missing_font (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "releve.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;

  /* A good file first: a failed export must leave it as it was. */
  CHECK (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_EN, path,
                                   &error));
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));

  g_setenv ("CAGNOTTE_FONTDIR", f->dir, TRUE);
  g_assert_false (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_EN, path,
                                           &error));
  g_unsetenv ("CAGNOTTE_FONTDIR");
  g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "DejaVuSans.ttf"));
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpuint (len_before, ==, len_after);
  g_assert_true (memcmp (before, after, len_before) == 0);
  /* test.db, its WAL files and the statement: no temporary file. */
  {
    g_autoptr (GDir) listing = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".releve.pdf"));
  }
}

static gint64
add_funder (CagStore   *store,
            const char *name,
            CagFunderKind kind)
{
  g_autoptr (CagFunder) funder = cag_funder_new ();
  g_autoptr (GError) error = NULL;

  funder->name = g_strdup (name);
  funder->kind = kind;
  CHECK (cag_funder_add (store, funder, &error));
  return funder->id;
}

/* docs/RULES.md's worked example: line A 50,000.00, line B 75,000.00; F1 2:1 on
 * B only, F2 1:1 on all lines; 10,000.00 cash on A, 20,000.00 in kind on B. */
static void
test_proforma (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CagBudget) budget = cag_budget_new ();
  g_autoptr (CagBudgetOffer) o1 = cag_budget_offer_new ();
  g_autoptr (CagBudgetOffer) o2 = cag_budget_offer_new ();
  g_autoptr (CagPledge) cash = cag_pledge_new ();
  g_autoptr (CagPledge) in_kind = cag_pledge_new ();
  g_autofree char *all = path_in (f, "proforma.pdf");
  g_autofree char *one = path_in (f, "proforma-f1.pdf");
  g_autofree char *text = NULL;
  gint64 f1, f2;

  budget->name = g_strdup ("Fonctionnement 2004");
  g_assert_true (cag_date_parse_iso ("2004-04-01", &budget->start, NULL));
  g_assert_true (cag_date_parse_iso ("2005-03-31", &budget->end, NULL));
  CHECK (cag_budget_add (f->store, budget, NULL, &error));
  CHECK (cag_budget_line_set (f->store, budget->id, "A",
                               "Coordination permanente à mi-temps", 5000000, NULL,
                               &error));
  CHECK (cag_budget_line_set (f->store, budget->id, "B",
                               "Déplacements et activités de concertation", 7500000,
                               NULL, &error));

  f1 = add_funder (f->store, "Ministère des Relations internationales", CAG_FUNDER_PROVINCIAL);
  f2 = add_funder (f->store, "ACDI", CAG_FUNDER_FEDERAL);
  o1->funder_id = f1;
  o1->num = 2;
  o1->den = 1;
  o1->lines = g_strsplit ("B", ",", -1);
  CHECK (cag_budget_offer_set (f->store, budget->id, o1, NULL, &error));
  o2->funder_id = f2;
  CHECK (cag_budget_offer_set (f->store, budget->id, o2, NULL, &error));

  cash->partner_name = g_strdup ("Chantier de l’économie sociale");
  cash->line_code = g_strdup ("A");
  cash->amount_cents = 1000000;
  CHECK (cag_budget_pledge_add (f->store, budget->id, cash, NULL, &error));
  in_kind->partner_name = g_strdup ("CDEC de Québec");
  in_kind->line_code = g_strdup ("B");
  in_kind->kind = CAG_PLEDGE_IN_KIND;
  in_kind->amount_cents = 2000000;
  in_kind->basis = g_strdup ("500 h × 40 $ de temps bénévole");
  CHECK (cag_budget_pledge_add (f->store, budget->id, in_kind, NULL, &error));

  CHECK (cag_pdf_write_proforma (f->store, budget->id, 0, CAG_LANG_FR, all, &error));
  assert_sound_pdf (all);
  text = pdf_text (all);
  assert_has (text, "Fonctionnement 2004");
  assert_has (text, "Version 1");
  assert_has (text, "125 000,00 $");
  assert_has (text, "40 000,00 $");
  assert_has (text, "10 000,00 $");
  assert_has (text, "45 000,00 $");
  assert_has (text, "20 000,00 $");
  assert_has (text, "500 h × 40 $ de temps bénévole");
  assert_has (text, "ACDI");
  g_clear_pointer (&text, g_free);

  CHECK (cag_pdf_write_proforma (f->store, budget->id, f1, CAG_LANG_EN, one, &error));
  assert_sound_pdf (one);
  text = pdf_text (one);
  assert_has (text, "Ministère des Relations internationales");
  /* The funder copy asks for what the funder gives once the partner
   * contributions still to be secured are (docs/BUDGETS.md). */
  assert_has (text, "$50,000.00");
  assert_has (text, "2:1");
  assert_has (text, "Version 1");

  /* A funder without an offer on the budget. */
  g_assert_false (cag_pdf_write_proforma (f->store, budget->id, f2 + 100, CAG_LANG_EN, one,
                                          &error));
  g_assert_nonnull (error);
}

/* ---- Issuer, layout, metadata ----------------------------------------- */

static void
set_profile (CagStore *store)
{
  g_autoptr (CagNetwork) network = cag_network_new ();
  g_autoptr (GError) error = NULL;

  network->name = g_strdup ("Réseau d’essai du Québec");
  network->contact = g_strdup ("Anne Exemple");
  network->phone = g_strdup ("418 555-0100");
  network->email = g_strdup ("anne@example.org");
  CHECK (cag_store_network_set (store, network, &error));
}

/* The network profile names the issuer, with its contact, and the
 * "Organization" field shows the organization's name, not its kind. */
static void
test_statement_issuer (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "releve-reseau.pdf");
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;

  set_profile (f->store);
  CHECK (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_FR, path,
                                   &error));
  assert_sound_pdf (path);
  text = pdf_text (path);
  assert_has (text, "Réseau d’essai du Québec");
  assert_has (text, "Anne Exemple · 418 555-0100 · anne@example.org");
  /* The profile wins over the organization of kind "network". */
  g_assert_null (strstr (text, "Groupe d’économie solidaire du Québec"));
  first = pdf_raw_text (path, 1);
  g_assert_null (strstr (first, "Régionale"));
  /* Subtitle, the Organization field and the footer. */
  g_assert_cmpuint (count_of (first, "CDEC de Québec"), >=, 3);
}

/* English dates fit their column (one line each); long references break
 * after their punctuation, not inside words. */
static void
test_statement_columns (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "columns.pdf");
  const char *bbox[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *raw = NULL;
  CagDate as_of = { 2004, 10, 1 };

  pay (f->store, f->fund_id, "2003-09-30", 1000, "DEPOT-DIRECT/CAISSE-DESJARDINS-2004", NULL);
  pay (f->store, f->fund_id, "2004-09-28", 1000, "Dépôt direct Caisse Desjardins", NULL);
  CHECK (cag_pdf_write_statement (f->store, f->fund_id, &as_of, CAG_LANG_EN, path, &error));
  assert_sound_pdf (path);
  raw = pdf_raw_text (path, 0);
  assert_has (raw, "September 30, 2003\n");
  assert_has (raw, "September 28, 2004\n");
  assert_has (raw, "February 11, 2004\n");
  assert_has (raw, "Desjardins");
  g_clear_pointer (&raw, g_free);
  /* Word by word (pdftotext would join "CAISSE-" and the next line). */
  raw = run (bbox, NULL);
  /* The reference column widens to half of what it shares with the note
   * (docs/PDF.md), so this one takes two lines. */
  assert_has (raw, ">DEPOT-DIRECT/CAISSE-</word>");
  assert_has (raw, ">DESJARDINS-2004</word>");
}

/* However many rows, the total never stands alone on the last page. */
static void
test_statement_no_lone_total (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "total.pdf");
  gint64 fund_id = open_fund (f, add_org (f->store, "Coop du total", "Estrie",
                                          CAG_ORG_REGIONAL), 1);
  CagDate as_of = { 2006, 5, 31 };

  for (guint i = 0; i < 75; i++)
    {
      CagDate date = cag_date_from_days (cag_date_to_days (&(CagDate) { 2003, 6, 1 }) + i * 5);
      g_autofree char *iso = cag_date_to_iso (&date);
      g_autofree char *ref = g_strdup_printf ("Q%03u", i + 1);
      g_autofree char *last = NULL;
      guint pages;

      pay (f->store, fund_id, iso, 1000, ref, NULL);
      if (i < 20)
        continue;
      CHECK (cag_pdf_write_statement (f->store, fund_id, &as_of, CAG_LANG_EN, path, &error));
      pages = page_count (path);
      last = pdf_raw_text (path, (gint) pages);
      if (strstr (last, "Total of") == NULL || strstr (last, "Q0") == NULL)
        g_error ("with %u rows, the last page holds no row beside the total:\n%s", i + 1, last);
    }
}

/* Title, Subject, Author (the network), Creator (Cagnotte and its version)
 * and the language in the catalog. */
static void
test_metadata (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fr = path_in (f, "meta-fr.pdf");
  g_autofree char *en = path_in (f, "meta-en.pdf");
  g_autofree char *qdf = path_in (f, "meta.qdf");
  const char *info_fr[] = { "pdfinfo", fr, NULL };
  const char *info_en[] = { "pdfinfo", en, NULL };
  const char *expand[] = { "qpdf", "--qdf", "--object-streams=disable", fr, qdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *catalog = NULL;

  set_profile (f->store);
  CHECK (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_FR, fr, &error));
  CHECK (cag_pdf_write_summary (f->store, f->campaign_id, &june_15_2004, CAG_LANG_EN, en,
                                 &error));
  out = run (info_fr, NULL);
  assert_has (out, "Title:           Relevé du fonds de délégation — CDEC de Québec — Dakar 2005");
  /* (the date keeps its no-break space) */
  assert_has (out, "Subject:         Épargne de CDEC de Québec pour Dakar 2005, au 15");
  assert_has (out, "juin 2004\n");
  assert_has (out, "Author:          Réseau d’essai du Québec");
  assert_has (out, "Creator:         Cagnotte " PACKAGE_VERSION);
  g_free (out);
  out = run (info_en, NULL);
  assert_has (out, "Title:           Campaign summary — Dakar 2005");
  assert_has (out, "Subject:         Where the funds of Dakar 2005 stand, as of June 15, 2004");
  assert_has (out, "Author:          Réseau d’essai du Québec");

  g_free (run (expand, NULL));
  g_assert_true (g_file_get_contents (qdf, &catalog, NULL, NULL));
  assert_has (catalog, "/Lang (fr-CA)");

  /* A pro-forma too names the network as its Author, and has a Subject. */
  {
    g_autoptr (CagBudget) budget = cag_budget_new ();
    g_autofree char *pro = path_in (f, "meta-proforma.pdf");
    const char *info_pro[] = { "pdfinfo", pro, NULL };

    budget->name = g_strdup ("Fonctionnement 2004");
    g_assert_true (cag_date_parse_iso ("2004-04-01", &budget->start, NULL));
    g_assert_true (cag_date_parse_iso ("2005-03-31", &budget->end, NULL));
    CHECK (cag_budget_add (f->store, budget, NULL, &error));
    CHECK (cag_budget_line_set (f->store, budget->id, "A", "Coordination", 5000000, NULL,
                                 &error));
    CHECK (cag_pdf_write_proforma (f->store, budget->id, 0, CAG_LANG_EN, pro, &error));
    g_free (out);
    out = run (info_pro, NULL);
    assert_has (out, "Author:          Réseau d’essai du Québec");
    assert_has (out, "Subject:         ");
    assert_has (out, "Creator:         Cagnotte " PACKAGE_VERSION);
  }
}

/* A batch that fails midway reports the statements it did write. */
static void
test_batch_partial (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  g_autofree char *dir = path_in (f, "partial");
  g_autofree char *blocker = g_build_filename (dir, "releve-equiterre-dakar-2005-2004-06-15.pdf",
                                               NULL);

  /* The last statement's name is taken by a folder. */
  g_assert_cmpint (g_mkdir_with_parents (blocker, 0755), ==, 0);
  g_assert_false (cag_pdf_write_statements (f->store, f->campaign_id, &june_15_2004,
                                            CAG_LANG_FR, dir, &paths, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
  g_assert_nonnull (paths);
  g_assert_cmpuint (paths->len, ==, 2);
  for (guint i = 0; i < paths->len; i++)
    {
      g_assert_true (g_file_test (paths->pdata[i], G_FILE_TEST_IS_REGULAR));
      assert_sound_pdf (paths->pdata[i]);
    }
}

/* Exporting in another language never rewrites the environment: the
 * process keeps its LANGUAGE (even one the old code would have rewritten,
 * "fr_CA:fr") and still translates into French afterwards; a document
 * written on another thread at the same time keeps its own language. */
static gpointer
write_french_cb (gpointer data)
{
  Fixture *f = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "thread-fr.pdf");
  /* A store is used by one thread at a time (cag-store.h): its own. */
  g_autoptr (CagStore) store = cag_store_open_existing (cag_store_get_path (f->store), &error);
  gboolean ok;

  g_assert_no_error (error);
  ok = cag_pdf_write_statement (store, f->fund_id, &june_15_2004, CAG_LANG_FR, path, &error);
  g_assert_no_error (error);
  return GINT_TO_POINTER (ok);
}

static void
test_language_untouched (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *en = path_in (f, "from-french.pdf");
  g_autofree char *fr_path = path_in (f, "thread-fr.pdf");
  g_autofree char *text = NULL;
  g_autofree char *fr_text = NULL;
  g_autoptr (GThread) thread = NULL;

  g_setenv ("LANGUAGE", "fr_CA:fr", TRUE);
  cag_i18n_set_language (CAG_LANG_FR);
  g_setenv ("LANGUAGE", "fr_CA:fr", TRUE);
  g_assert_cmpint (cag_i18n_get_language (), ==, CAG_LANG_FR);

  thread = g_thread_new ("french-pdf", write_french_cb, f);
  CHECK (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_EN, en, &error));
  g_assert_true (GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&thread))));

  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "fr_CA:fr");
  g_assert_cmpint (cag_i18n_get_language (), ==, CAG_LANG_FR);
  g_assert_cmpstr (C_("pdf", "Delegation fund statement"), ==, "Relevé du fonds de délégation");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "for %d delegation", "for %d delegations", 2),
                   ==, "pour %d délégations");

  text = pdf_text (en);
  assert_has (text, "Delegation fund statement");
  assert_has (text, "$1,250.00");
  assert_has (text, "for 1 delegation");
  g_assert_null (strstr (text, "Relevé"));
  fr_text = pdf_text (fr_path);
  assert_has (fr_text, "Relevé du fonds de délégation");
  assert_has (fr_text, "1 250,00 $");
  assert_has (fr_text, "pour 1 délégation");
  g_assert_null (strstr (fr_text, "Delegation fund statement"));

  g_setenv ("LANGUAGE", "en", TRUE);
  cag_i18n_set_language (CAG_LANG_EN);
}

/* ---- Reminder letters ---------------------------------------------------- */

static void
count_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

/* One letter per fund behind (the docs/RULES.md example and the odd one), none
 * for the complete fund; the figures are the core's; addressed to the
 * organization's contact and signed by the network's. */
static void
test_reminders (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  g_autoptr (GPtrArray) en_paths = NULL;
  g_autoptr (CagFund) fund = cag_store_fund_get (f->store, f->fund_id, NULL);
  g_autoptr (CagOrganization) org = cag_store_org_get (f->store, fund->organization_id, NULL);
  g_autofree char *dir = path_in (f, "rappels");
  g_autofree char *en_dir = path_in (f, "reminders");
  g_autofree char *cdec = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  guint calls = 0;

  set_profile (f->store);
  org->contact_name = g_strdup ("Marie Tremblay");
  CHECK (cag_store_org_update (f->store, org, &error));

  CHECK (cag_pdf_write_reminders (f->store, f->campaign_id, &june_15_2004, CAG_LANG_FR, dir,
                                  count_progress_cb, &calls, NULL, &paths, &error));
  g_assert_cmpuint (paths->len, ==, 2);
  g_assert_cmpuint (calls, ==, 3);
  cdec = g_build_filename (dir, "rappel-cdec-de-quebec-dakar-2005-2004-06-15.pdf", NULL);
  g_assert_cmpstr (paths->pdata[0], ==, cdec);
  {
    g_autofree char *second = g_path_get_basename (paths->pdata[1]);

    g_assert_true (g_str_has_prefix (second, "rappel-coop-"));
  }
  for (guint i = 0; i < paths->len; i++)
    assert_sound_pdf (paths->pdata[i]);
  text = pdf_text (cdec);
  assert_has (text, "Rappel : votre fonds accuse un retard");
  assert_has (text, "Bonjour Marie Tremblay,");
  /* saved, target, expected, arrears, planned, needed (docs/RULES.md) */
  assert_has (text, "CDEC de Québec a épargné 1 250,00 $ sur son objectif de 4 500,00 $");
  assert_has (text, "1 500,00 $ auraient dû être mis de côté");
  assert_has (text, "retard de 250,00 $");
  assert_has (text, "125,00 $");
  assert_has (text, "135,42 $ par mois pendant chacun des 24 mois qui restent");
  assert_has (text, "veuillez appeler Anne Exemple au 418 555-0100 ou écrire à anne@example.org");
  assert_has (text, "Réseau d’essai du Québec");
  g_assert_null (strstr (text, "Reminder"));
  {
    const char *argv[] = { "pdfinfo", cdec, NULL };

    info = run (argv, NULL);
    assert_has (info, "Author:          Réseau d’essai du Québec");
    assert_has (info, "Title:           Rappel — CDEC de Québec — Dakar 2005");
  }
  g_clear_pointer (&text, g_free);

  CHECK (cag_pdf_write_reminders (f->store, f->campaign_id, &june_15_2004, CAG_LANG_EN, en_dir,
                                  NULL, NULL, NULL, &en_paths, &error));
  g_assert_cmpuint (en_paths->len, ==, 2);
  text = pdf_text (en_paths->pdata[0]);
  assert_has (text, "Reminder: your fund is behind");
  assert_has (text, "Dear Marie Tremblay,");
  assert_has (text, "CDEC de Québec has saved $1,250.00 toward its target of $4,500.00");
  assert_has (text, "the fund is $250.00 behind");
  assert_has (text, "$135.42 per month for each of the 24 months left, instead of the $125.00");
  g_assert_null (strstr (text, "Équiterre"));
  g_assert_null (strstr (text, "already been paid"));
  g_clear_pointer (&text, g_free);

  /* Paid this month: the need is unchanged (docs/RULES.md) and the letter
   * says what was already paid towards this month, so the figures add up. */
  {
    g_autoptr (CagContribution) c = cag_contribution_new ();
    g_autoptr (GPtrArray) june_paths = NULL;
    g_autofree char *june_dir = path_in (f, "reminders-june");

    c->fund_id = f->fund_id;
    c->date = (CagDate) { 2004, 6, 10 };
    c->amount_cents = 5000;
    CHECK (cag_store_contribution_add (f->store, c, &error));
    CHECK (cag_pdf_write_reminders (f->store, f->campaign_id, &june_15_2004, CAG_LANG_EN,
                                    june_dir, NULL, NULL, NULL, &june_paths, &error));
    text = pdf_text (june_paths->pdata[0]);
    assert_has (text, "$135.42 per month for each of the 24 months left");
    assert_has (text, "This month counts as the first of them: $50.00 has already been paid");
  }
}

/* Cancelled before the first letter: G_IO_ERROR_CANCELLED, nothing written. */
static void
test_reminders_cancelled (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = path_in (f, "cancelled");

  g_cancellable_cancel (cancellable);
  g_assert_false (cag_pdf_write_reminders (f->store, f->campaign_id, &june_15_2004, CAG_LANG_EN,
                                           dir, NULL, NULL, cancellable, &paths, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (paths->len, ==, 0);
  assert_no_leftovers (dir, 0);
}

/* Copy and paste: the fonts' ToUnicode maps are valid (pdftotext reads them
 * without a warning) and map every code to the same character, so a French
 * amount copies with its U+202F and U+00A0.  (poppler's text output itself
 * turns every Unicode space into a word break, see docs/PDF.md: the map is
 * checked in the file.) */
static void
test_to_unicode (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "copie.pdf");
  g_autofree char *qdf = path_in (f, "copie.qdf");
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *expand[] = { "qpdf", "--qdf", "--object-streams=disable", path, qdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  int status = 0;

  CHECK (cag_pdf_write_statement (f->store, f->fund_id, &june_15_2004, CAG_LANG_FR, path,
                                   &error));
  g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  assert_has (out, "Relevé du fonds de délégation");

  g_free (run (expand, NULL));
  g_assert_true (g_file_get_contents (qdf, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "begincidrange"));
  /* Two fonts, 256 ranges each in blocks of 100. */
  g_assert_cmpuint (count_of (contents, "beginbfrange"), ==, 6);
  assert_has (contents, "<0000> <00FF> <0000>");   /* U+00A0 */
  assert_has (contents, "<2000> <20FF> <2000>");   /* U+202F */
  /* The amount is drawn with its narrow and normal no-break spaces. */
  assert_has (contents, "<0031202f003200350030002c0030003000a00024>");
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  cag_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/safe-names", test_safe_names);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf/statement/fr", test_statement_fr);
  ADD ("/pdf/statement/en", test_statement_en);
  ADD ("/pdf/statement/500-rows", test_statement_long);
  ADD ("/pdf/statement/odd-text", test_statement_odd_text);
  ADD ("/pdf/summary", test_summary);
  ADD ("/pdf/batch", test_batch);
  ADD ("/pdf/unwritable", test_unwritable);
  ADD ("/pdf/missing-font", test_missing_font);
  ADD ("/pdf/write-fails-midway", test_write_fails_midway);
  ADD ("/pdf/proforma", test_proforma);
  ADD ("/pdf/statement/issuer", test_statement_issuer);
  ADD ("/pdf/statement/columns", test_statement_columns);
  ADD ("/pdf/statement/no-lone-total", test_statement_no_lone_total);
  ADD ("/pdf/metadata", test_metadata);
  ADD ("/pdf/batch-partial", test_batch_partial);
  ADD ("/pdf/language-untouched", test_language_untouched);
  ADD ("/pdf/reminders", test_reminders);
  ADD ("/pdf/reminders/cancelled", test_reminders_cancelled);
  ADD ("/pdf/to-unicode", test_to_unicode);
#undef ADD
  return g_test_run ();
}
