/* test-pdf-reader.c — what a program officer or a board member would send
 * back: the same letterhead on every document, no total or heading alone at
 * a page's edge, French typography, and long names, references and
 * addresses that neither overflow nor get cut inside a word
 * (docs/PDF.md, "What a reader checks").
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cag-pdf.h"
#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-store.h"
#include "cag-budget.h"
#include "cag-network.h"
#include "pdf-test-util.h"

#define CHECK(call) \
  G_STMT_START \
    { \
      gboolean ok_ = (call); \
      g_assert_no_error (error); \
      g_assert_true (ok_); \
    } \
  G_STMT_END

/* 120 characters and more, as a treasurer may type them. */
#define LONG_NETWORK "Regroupement intersectoriel des organismes communautaires et coopératives " \
                     "d’économie sociale de la grande région de Montréal"
#define LONG_ORG "Coopérative de solidarité en alimentation, en habitation et en services de " \
                 "proximité des quartiers Centre-Sud et Hochelaga"
#define LONG_FUNDER "Fondation québécoise pour le développement durable des collectivités " \
                    "rurales et des entreprises d’économie sociale et solidaire"
#define LONG_EMAIL "coordination.generale@regroupement-economie-solidaire.example.org"
/* 200 characters with few spaces: a bank's transfer reference. */
#define LONG_REF "VIREMENT-INTERBANCAIRE/2004-09-0001/CAISSE-POPULAIRE-DESJARDINS-DU-" \
                 "PLATEAU-MONT-ROYAL/COMPTE-815-30-12345/TRANSIT-00123/VENTILATION-" \
                 "ENTRE-LES-FONDS-DE-DELEGATION-DAKAR-2005-ET-FONCTIONNEMENT-2004-2005"

typedef struct
{
  char     *dir;
  CagStore *store;
  gint64    campaign_id;
  gint64    fund_id;
  gint64    budget_id;
  gint64    funder_id;
} Fixture;

static const CagDate sept_15_2004 = { 2004, 9, 15 };

/* ---- Data ---------------------------------------------------------------- */

static void
set_network (CagStore   *store,
             const char *name,
             const char *contact,
             const char *email,
             const char *address)
{
  g_autoptr (CagNetwork) network = cag_network_new ();
  g_autoptr (GError) error = NULL;

  network->name = g_strdup (name);
  network->contact = g_strdup (contact);
  network->phone = g_strdup ("418 555-0100 poste 1234");
  network->email = g_strdup (email);
  network->address = g_strdup (address);
  CHECK (cag_store_network_set (store, network, &error));
}

static void
pay (Fixture    *f,
     const char *date,
     gint64      cents,
     const char *reference)
{
  g_autoptr (CagContribution) c = cag_contribution_new ();
  g_autoptr (GError) error = NULL;

  c->fund_id = f->fund_id;
  g_assert_true (cag_date_parse_iso (date, &c->date, NULL));
  c->amount_cents = cents;
  c->method = CAG_METHOD_TRANSFER;
  c->reference = g_strdup (reference);
  CHECK (cag_store_contribution_add (f->store, c, &error));
}

/* An organization named ORG_NAME, its fund in "Dakar 2005" behind its plan
 * on September 15, 2004. */
static void
add_fund (Fixture    *f,
          const char *org_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CagOrganization) org = cag_organization_new ();
  g_autoptr (CagFund) fund = cag_fund_new ();

  org->name = g_strdup (org_name);
  org->region = g_strdup ("Montréal");
  org->kind = CAG_ORG_REGIONAL;
  org->contact_name = g_strdup ("Jean-François Beauchemin-Laflamme");
  CHECK (cag_store_org_add (f->store, org, &error));
  fund->organization_id = org->id;
  fund->campaign_id = f->campaign_id;
  fund->delegations = 1;
  CHECK (cag_store_fund_open (f->store, fund, &error));
  f->fund_id = fund->id;
}

/* The worked budget of docs/RULES.md, offered on by FUNDER_NAME (1:1). */
static void
add_budget (Fixture    *f,
            const char *funder_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CagBudget) budget = cag_budget_new ();
  g_autoptr (CagFunder) funder = cag_funder_new ();
  g_autoptr (CagBudgetOffer) offer = cag_budget_offer_new ();

  budget->name = g_strdup ("Fonctionnement 2004");
  g_assert_true (cag_date_parse_iso ("2004-04-01", &budget->start, NULL));
  g_assert_true (cag_date_parse_iso ("2005-03-31", &budget->end, NULL));
  CHECK (cag_budget_add (f->store, budget, NULL, &error));
  f->budget_id = budget->id;
  CHECK (cag_budget_line_set (f->store, budget->id, "A", "Coordination permanente à mi-temps",
                               5000000, NULL, &error));
  CHECK (cag_budget_line_set (f->store, budget->id, "B",
                               "Déplacements et activités de concertation", 7500000, NULL,
                               &error));
  funder->name = g_strdup (funder_name);
  funder->kind = CAG_FUNDER_FOUNDATION;
  CHECK (cag_funder_add (f->store, funder, &error));
  f->funder_id = funder->id;
  offer->funder_id = funder->id;
  CHECK (cag_budget_offer_set (f->store, budget->id, offer, NULL, &error));
}

static void
add_pledge (Fixture    *f,
            const char *partner,
            const char *line,
            gint64      cents)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CagPledge) pledge = cag_pledge_new ();

  pledge->partner_name = g_strdup (partner);
  pledge->line_code = g_strdup (line);
  pledge->amount_cents = cents;
  pledge->status = CAG_PLEDGE_CONFIRMED;
  CHECK (cag_budget_pledge_add (f->store, f->budget_id, pledge, NULL, &error));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CagCampaign) campaign = cag_campaign_new ();
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("cagnotte-pdf-reader-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "test.db", NULL);
  f->store = cag_store_open (db, &error);
  g_assert_no_error (error);

  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  g_assert_true (cag_date_parse_iso ("2003-06-01", &campaign->start, NULL));
  g_assert_true (cag_date_parse_iso ("2005-11-22", &campaign->deadline, NULL));
  CHECK (cag_store_campaign_add (f->store, campaign, &error));
  f->campaign_id = campaign->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *argv[] = { "rm", "-rf", f->dir, NULL };

  g_clear_pointer (&f->store, cag_store_close);
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

/* ---- Reading back -------------------------------------------------------- */

/* Every word of PATH as pdftotext -bbox sees it, joined without spaces:
 * a reference broken over lines reads back whole (plain pdftotext would
 * drop the hyphen at a line's end). */
static char *
words_joined (const char *path)
{
  const char *bbox[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *out = run (bbox, NULL);
  GString *joined = g_string_new (NULL);

  for (const char *p = strstr (out, "<word "); p != NULL; p = strstr (p + 1, "<word "))
    {
      const char *start = strchr (p, '>');
      const char *end = start != NULL ? strstr (start, "</word>") : NULL;

      g_assert_nonnull (end);
      g_string_append_len (joined, start + 1, end - start - 1);
    }
  return g_string_free (joined, FALSE);
}

/* Every "…" in TEXT follows a whole word of one of WORDS' strings: a name
 * may be shortened, never cut inside a word. */
static void
assert_cut_after_words (const char         *text,
                        const char *const  *sources)
{
  for (const char *p = strstr (text, "…"); p != NULL; p = strstr (p + 1, "…"))
    {
      const char *start = p;
      g_autofree char *word = NULL;
      gboolean whole = FALSE;

      while (start > text && start[-1] != ' ')
        start--;
      word = g_strndup (start, (gsize) (p - start));
      for (guint i = 0; sources[i] != NULL && !whole; i++)
        {
          g_auto (GStrv) words = g_strsplit (sources[i], " ", -1);

          /* The ellipsis replaces a comma or colon after the word. */
          for (guint w = 0; words[w] != NULL && !whole; w++)
            whole = g_str_equal (g_strchomp (g_strdelimit (words[w], ",:;", ' ')), word);
        }
      if (!whole)
        g_error ("“%s…” is cut inside a word in:\n%s", word, text);
    }
}

/* Whether the expanded content streams of PATH draw UTF8 (the text is
 * written as UTF-16 hexadecimal strings). */
static gboolean
draws (const char *path,
       const char *utf8)
{
  g_autofree char *qdf = g_strconcat (path, ".qdf", NULL);
  const char *expand[] = { "qpdf", "--qdf", "--object-streams=disable", path, qdf, NULL };
  g_autofree char *contents = NULL;
  g_autofree gunichar2 *utf16 = NULL;
  GString *hex = g_string_new (NULL);
  glong n = 0;
  gboolean found;

  g_free (run (expand, NULL));
  g_assert_true (g_file_get_contents (qdf, &contents, NULL, NULL));
  utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  for (glong i = 0; i < n; i++)
    g_string_append_printf (hex, "%04x", utf16[i]);
  found = strstr (contents, hex->str) != NULL;
  g_string_free (hex, TRUE);
  return found;
}

/* ---- Tests --------------------------------------------------------------- */

/* Both copies of the pro-forma carry the letterhead of the statements and
 * letters: the network's name and, under it, its contact line. */
static void
test_proforma_letterhead (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = path_in (f, "copy.pdf");
  g_autofree char *work = path_in (f, "work.pdf");
  g_autofree char *first = NULL;

  set_network (f->store, "Réseau d’essai du Québec", "Anne Exemple", "anne@example.org", NULL);
  add_budget (f, "Fondation de l’essai");
  add_pledge (f, "CDEC de Québec", "A", 1000000);

  CHECK (cag_pdf_write_proforma (f->store, f->budget_id, f->funder_id, CAG_LANG_EN, copy,
                                 &error));
  /* The network's name heads the page, above the title. */
  first = pdf_raw_text (copy, 1);
  g_assert_nonnull (strstr (first, "Réseau d’essai du Québec"));
  g_assert_true (strstr (first, "Réseau d’essai du Québec") < strstr (first, "Pro-forma budget"));
  g_clear_pointer (&first, g_free);
  first = pdf_text (copy);
  assert_has (first, "Contact: Anne Exemple · 418 555-0100 poste 1234 · anne@example.org");
  g_clear_pointer (&first, g_free);

  CHECK (cag_pdf_write_proforma (f->store, f->budget_id, 0, CAG_LANG_FR, work, &error));
  assert_sound_pdf (work);
  first = pdf_text (work);
  assert_has (first, "Personne-ressource : Anne Exemple · 418 555-0100 poste 1234 · "
                     "anne@example.org");
}

/* The page that holds "Total revenues" holds a revenue row above it and
 * the secured/sought sentence below, in both copies, however many pledges
 * push the table down. */
static void
check_revenue_total (const char *path)
{
  guint pages = page_count (path);

  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *text = pdf_raw_text (path, (gint) p);
      const char *total = strstr (text, "Total revenues");
      g_autofree char *before = NULL;

      if (total == NULL)
        continue;
      before = g_strndup (text, (gsize) (total - text));
      if (strstr (before, "— sought") == NULL && strstr (before, "— secured") == NULL)
        g_error ("%s: “Total revenues” stands without a row on page %u:\n%s", path, p, text);
      /* The sentence on what is secured and sought reads the totals. */
      if (strstr (total, "Secured:") == NULL)
        g_error ("%s: the secured/sought sentence left the totals' page %u:\n%s", path, p, text);
      return;
    }
  g_error ("%s: no “Total revenues”", path);
}

static void
test_proforma_no_lone_total (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = path_in (f, "copy.pdf");
  g_autofree char *work = path_in (f, "work.pdf");

  add_budget (f, "Fondation de l’essai");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *partner = g_strdup_printf ("Partenaire numéro %u", i + 1);

      add_pledge (f, partner, i % 2 == 0 ? "A" : "B", 10000);
      CHECK (cag_pdf_write_proforma (f->store, f->budget_id, f->funder_id, CAG_LANG_EN, copy,
                                     &error));
      check_revenue_total (copy);
      CHECK (cag_pdf_write_proforma (f->store, f->budget_id, 0, CAG_LANG_EN, work, &error));
      check_revenue_total (work);
    }
}

/* However many funds, the summary's "Network total" shares its page with
 * a fund's row. */
static void
test_summary_no_lone_total (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "summary.pdf");

  for (guint i = 0; i < 36; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organisme numéro %02u", i + 1);
      guint pages;

      add_fund (f, name);
      pay (f, "2003-07-02", 10000, "CHQ-1");
      if (i < 12)
        continue;
      CHECK (cag_pdf_write_summary (f->store, f->campaign_id, &sept_15_2004, CAG_LANG_EN, path,
                                    &error));
      pages = page_count (path);
      for (guint p = 1; p <= pages; p++)
        {
          g_autofree char *text = pdf_raw_text (path, (gint) p);
          const char *total = strstr (text, "Network total");
          g_autofree char *before = NULL;

          if (total == NULL)
            continue;
          before = g_strndup (text, (gsize) (total - text));
          if (strstr (before, "Organisme numéro") == NULL)
            g_error ("with %u funds, “Network total” stands alone on page %u:\n%s", i + 1, p,
                     text);
        }
    }
}

/* The "Contributions" heading and the table's header stay on the page of
 * the first row, even a row made tall by a 200-character reference, and
 * the reference is printed whole. */
static void
test_statement_tall_first_row (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (f, "releve.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  guint pages;

  set_network (f->store, LONG_NETWORK, "Marie-Hélène Tremblay-Lévesque, coordonnatrice",
               LONG_EMAIL, NULL);
  add_fund (f, LONG_ORG);
  pay (f, "2003-07-02", 10000, LONG_REF);
  pay (f, "2004-09-02", 15000, LONG_REF);
  CHECK (cag_pdf_write_statement (f->store, f->fund_id, &sept_15_2004, CAG_LANG_EN, path,
                                  &error));
  assert_sound_pdf (path);
  pages = page_count (path);
  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *page = pdf_raw_text (path, (gint) p);

      if (strstr (page, "Running total") != NULL && strstr (page, "July 2, 2003") == NULL)
        g_error ("the table's header stands without its first row on page %u:\n%s", p, page);
    }
  text = pdf_raw_text (path, 0);
  flat = words_joined (path);
  g_assert_nonnull (strstr (flat, LONG_REF));
  g_assert_null (strstr (text, "VENTILATION…"));
}

/* A network, an organization and a funder named in 120 characters and
 * more, a 4-line address, a long contact and e-mail: every document keeps
 * inside its margins, names the long names whole where they are the
 * subject, and shortens a running header only after a whole word. */
static void
write_long_documents (Fixture *f,
                      CagLang  lang,
                      GPtrArray *paths)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) letters = NULL;
  const char *suffix = lang == CAG_LANG_FR ? "fr" : "en";
  g_autofree char *statement = g_strdup_printf ("%s/statement-%s.pdf", f->dir, suffix);
  g_autofree char *summary = g_strdup_printf ("%s/summary-%s.pdf", f->dir, suffix);
  g_autofree char *copy = g_strdup_printf ("%s/copy-%s.pdf", f->dir, suffix);
  g_autofree char *work = g_strdup_printf ("%s/work-%s.pdf", f->dir, suffix);
  g_autofree char *letters_dir = g_strdup_printf ("%s/letters-%s", f->dir, suffix);

  CHECK (cag_pdf_write_statement (f->store, f->fund_id, &sept_15_2004, lang, statement,
                                  &error));
  CHECK (cag_pdf_write_summary (f->store, f->campaign_id, &sept_15_2004, lang, summary,
                                &error));
  CHECK (cag_pdf_write_proforma (f->store, f->budget_id, f->funder_id, lang, copy, &error));
  CHECK (cag_pdf_write_proforma (f->store, f->budget_id, 0, lang, work, &error));
  CHECK (cag_pdf_write_reminders (f->store, f->campaign_id, &sept_15_2004, lang, letters_dir,
                                  NULL, NULL, NULL, &letters, &error));
  g_assert_cmpuint (letters->len, ==, 1);
  g_ptr_array_add (paths, g_steal_pointer (&statement));
  g_ptr_array_add (paths, g_steal_pointer (&summary));
  g_ptr_array_add (paths, g_steal_pointer (&copy));
  g_ptr_array_add (paths, g_steal_pointer (&work));
  g_ptr_array_add (paths, g_strdup (letters->pdata[0]));
}

static void
test_long_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *address = "1431, rue Fullum, bureau 000\nAile B, troisième étage, porte 12\n"
                        "Montréal (Québec)  H2K 0A0\nCanada";
  const char *const sources[] = { LONG_NETWORK, LONG_ORG, LONG_FUNDER, NULL };

  set_network (f->store, LONG_NETWORK, "Marie-Hélène Tremblay-Lévesque, coordonnatrice générale",
               LONG_EMAIL, address);
  add_fund (f, LONG_ORG);
  pay (f, "2003-07-02", 10000, LONG_REF);
  add_budget (f, LONG_FUNDER);
  add_pledge (f, LONG_ORG, "B", 250000);
  write_long_documents (f, CAG_LANG_FR, paths);
  write_long_documents (f, CAG_LANG_EN, paths);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;

      assert_sound_pdf (path);
      /* "Page X of Y" on every page of every document. */
      for (guint p = 1, n = page_count (path); p <= n; p++)
        {
          g_autofree char *page = pdf_raw_text (path, (gint) p);
          g_autofree char *en = g_strdup_printf ("Page %u of %u", p, n);
          g_autofree char *fr = g_strdup_printf ("Page %u de %u", p, n);

          if (strstr (page, en) == NULL && strstr (page, fr) == NULL)
            g_error ("%s: no “%s” on page %u", path, en, p);
        }
      text = pdf_text (path);
      /* The issuer and whom to call, whole, on every document. */
      assert_has (text, LONG_NETWORK);
      flat = words_joined (path);
      g_assert_nonnull (strstr (flat, LONG_EMAIL));
      g_assert_nonnull (strstr (flat, "418555-0100poste1234"));
      assert_cut_after_words (text, sources);
      if (strstr (path, "work-") == NULL)
        assert_has (text, LONG_ORG);
      if (strstr (path, "statement-") != NULL)
        g_assert_nonnull (strstr (flat, LONG_REF));
      if (strstr (path, "copy-") != NULL)
        {
          assert_has (text, LONG_FUNDER);
          assert_has (text, "Aile B, troisième étage, porte 12 Montréal (Québec) H2K 0A0 Canada");
          assert_has (text, "Marie-Hélène Tremblay-Lévesque, coordonnatrice générale Person");
        }
    }
}

/* An offer on one line says "line B" ("poste B"), on two "lines A, B"; a
 * funder's column in the working copy is headed by its short name. */
static void
test_offer_lines (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CagBudgetOffer) offer = cag_budget_offer_new ();
  g_autofree char *path = path_in (f, "copy.pdf");
  g_autofree char *text = NULL;

  add_budget (f, "Fondation de l’essai");
  add_pledge (f, "CDEC de Québec", "B", 1000000);
  offer->funder_id = f->funder_id;
  offer->lines = g_strsplit ("B", ",", -1);
  CHECK (cag_budget_offer_set (f->store, f->budget_id, offer, NULL, &error));

  CHECK (cag_pdf_write_proforma (f->store, f->budget_id, f->funder_id, CAG_LANG_EN, path,
                                 &error));
  text = pdf_text (path);
  assert_has (text, "eligible partner pledges · line B · in-kind");
  g_clear_pointer (&text, g_free);
  CHECK (cag_pdf_write_proforma (f->store, f->budget_id, f->funder_id, CAG_LANG_FR, path,
                                 &error));
  text = pdf_text (path);
  assert_has (text, "partenaires · poste B · les contributions");
  g_clear_pointer (&text, g_free);

  /* The working copy's column of the funder takes its short name. */
  CHECK (cag_funder_set_names (f->store, f->funder_id, "FDE", CAG_ARTICLE_LA, &error));
  CHECK (cag_pdf_write_proforma (f->store, f->budget_id, 0, CAG_LANG_EN, path, &error));
  g_clear_pointer (&text, g_free);
  text = pdf_text (path);
  assert_has (text, "FDE (1:1)");
  g_clear_pointer (&text, g_free);

  g_strfreev (offer->lines);
  offer->lines = g_strsplit ("A,B", ",", -1);
  CHECK (cag_budget_offer_set (f->store, f->budget_id, offer, NULL, &error));
  CHECK (cag_pdf_write_proforma (f->store, f->budget_id, f->funder_id, CAG_LANG_FR, path,
                                 &error));
  text = pdf_text (path);
  assert_has (text, "partenaires · postes A, B · les contributions");
}

/* French typography in the documents: a no-break space before the colon
 * (never a colon alone at the start of a line), and a telephone number
 * that never breaks. */
static void
test_french_typography (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) letters = NULL;
  g_autofree char *copy = path_in (f, "copie.pdf");
  g_autofree char *letters_dir = path_in (f, "rappels");

  set_network (f->store, "Réseau d’essai du Québec", "Anne Exemple", "anne@example.org", NULL);
  add_fund (f, "CDEC de Québec");
  pay (f, "2003-07-02", 10000, "CHQ-1");
  add_budget (f, "Fondation de l’essai");
  add_pledge (f, "CDEC de Québec", "A", 1000000);

  CHECK (cag_pdf_write_proforma (f->store, f->budget_id, f->funder_id, CAG_LANG_FR, copy,
                                 &error));
  g_assert_true (draws (copy, "Acquis\u00a0:"));
  g_assert_false (draws (copy, "Acquis :"));

  CHECK (cag_pdf_write_reminders (f->store, f->campaign_id, &sept_15_2004, CAG_LANG_FR,
                                  letters_dir, NULL, NULL, NULL, &letters, &error));
  g_assert_cmpuint (letters->len, ==, 1);
  g_assert_true (draws (letters->pdata[0], "Rappel\u00a0: votre fonds accuse un retard"));
  g_assert_true (draws (letters->pdata[0], "418\u00a0555-0100\u00a0poste\u00a01234"));
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  cag_i18n_init ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf-reader/proforma/letterhead", test_proforma_letterhead);
  ADD ("/pdf-reader/proforma/no-lone-total", test_proforma_no_lone_total);
  ADD ("/pdf-reader/summary/no-lone-total", test_summary_no_lone_total);
  ADD ("/pdf-reader/statement/tall-first-row", test_statement_tall_first_row);
  ADD ("/pdf-reader/long-names", test_long_names);
  ADD ("/pdf-reader/french-typography", test_french_typography);
  ADD ("/pdf-reader/offer-lines", test_offer_lines);
#undef ADD
  return g_test_run ();
}
