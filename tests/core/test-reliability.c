/* test-reliability.c — the store under failure: SQLite errors are reported
 * and never read as "no row", reads of several queries are one snapshot, and
 * hostile text is refused or ignored where it must be (docs/RELIABILITY.md). */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cag-budget.h"
#include "cag-error.h"
#include "cag-fold.h"
#include "cag-import.h"
#include <sqlite3.h>
#include "cag-store-private.h"

typedef struct
{
  char     *dir;
  char     *path;
  CagStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("cagnotte-rel-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "cagnotte.db", NULL);
  fx->store = cag_store_open (fx->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fx->path, "-shm", NULL);

  g_clear_pointer (&fx->store, cag_store_close);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (fx->path);
  g_rmdir (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

/* ---- Errors are never "no row" ----------------------------------------- */

static const char *denied_table;

static int
deny_table_cb (void       *data,
               int         action,
               const char *a,
               const char *b,
               const char *db,
               const char *trigger)
{
  if (action == SQLITE_READ && denied_table != NULL && g_strcmp0 (a, denied_table) == 0)
    return SQLITE_DENY;
  return SQLITE_OK;
}

static gint64
add_budget_with_pledge (CagStore *store)
{
  g_autoptr(CagBudget) budget = cag_budget_new ();
  g_autoptr(CagPledge) pledge = cag_pledge_new ();
  g_autoptr(GError) error = NULL;

  budget->name = g_strdup ("Projet");
  cag_date_parse_iso ("2003-04-01", &budget->start, NULL);
  cag_date_parse_iso ("2004-03-31", &budget->end, NULL);
  g_assert_true (cag_budget_add (store, budget, NULL, &error));
  g_assert_true (cag_budget_line_set (store, budget->id, "A", "Coordination", 500000, NULL,
                                      &error));
  g_assert_true (cag_budget_line_set (store, budget->id, "B", "Travel", 100000, NULL, &error));
  g_assert_true (cag_budget_line_set (store, budget->id, "C", "Rent", 100000, NULL, &error));
  pledge->partner_name = g_strdup ("Caisse");
  pledge->line_code = g_strdup ("A");
  pledge->kind = CAG_PLEDGE_CASH;
  pledge->amount_cents = 100000;
  g_assert_true (cag_budget_pledge_add (store, budget->id, pledge, NULL, &error));
  g_assert_no_error (error);
  return budget->id;
}

static guint
count_lines (CagStore *store,
             gint64    budget_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagProformaInput) in = cag_budget_load (store, budget_id, 0, &error);

  g_assert_no_error (error);
  return in->lines->len;
}

/* A line with pledges cannot be removed.  When the pledge count cannot be
 * read (here: an authorizer denies the table, as a damaged page or an I/O
 * error would), the guard must report the error, not read "no pledges". */
static void
test_budget_guard_reports_error (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_budget_with_pledge (fx->store);
  sqlite3 *db = cag_store_get_db (fx->store);

  /* Remove B first: the count statement is now prepared and cached. */
  g_assert_true (cag_budget_line_remove (fx->store, id, "B", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_lines (fx->store, id), ==, 2);

  denied_table = "budget_pledge";
  sqlite3_set_authorizer (db, deny_table_cb, NULL);
  g_assert_false (cag_budget_line_remove (fx->store, id, "A", NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, CAG_ERROR, CAG_ERROR_FAILED));
  g_clear_error (&error);
  /* A lookup that fails is an error too, not "no such line". */
  g_assert_false (cag_budget_line_remove (fx->store, id, "C", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  sqlite3_set_authorizer (db, NULL, NULL);
  denied_table = NULL;

  g_assert_cmpuint (count_lines (fx->store, id), ==, 2);
  g_assert_false (cag_budget_line_remove (fx->store, id, "A", NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
}


/* ---- Snapshots ---------------------------------------------------------- */

static gint64
add_fund (CagStore *store)
{
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(CagFund) fund = cag_fund_new ();
  g_autoptr(GError) error = NULL;

  org->name = g_strdup ("Chantier de l’économie sociale");
  g_assert_true (cag_store_org_add (store, org, &error));
  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  cag_date_parse_iso ("2003-06-01", &campaign->start, NULL);
  cag_date_parse_iso ("2006-06-01", &campaign->deadline, NULL);
  g_assert_true (cag_store_campaign_add (store, campaign, &error));
  fund->organization_id = org->id;
  fund->campaign_id = campaign->id;
  fund->delegations = 1;
  g_assert_true (cag_store_fund_open (store, fund, &error));
  g_assert_no_error (error);
  return fund->id;
}

static void
add_contribution (CagStore   *store,
                  gint64      fund_id,
                  const char *date,
                  gint64      cents)
{
  g_autoptr(CagContribution) c = cag_contribution_new ();
  g_autoptr(GError) error = NULL;

  c->fund_id = fund_id;
  cag_date_parse_iso (date, &c->date, NULL);
  c->amount_cents = cents;
  c->method = CAG_METHOD_CASH;
  g_assert_true (cag_store_contribution_add (store, c, &error));
  g_assert_no_error (error);
}

/* A write by another connection, made once when the reader's connection
 * starts the statement whose SQL begins with PREFIX. */
typedef struct
{
  const char *prefix;
  void      (*write) (gpointer data);
  gpointer    data;
  gboolean    done;
} Injection;

static int
inject_cb (unsigned int  type,
           void         *context,
           void         *p,
           void         *x)
{
  Injection *inj = context;
  const char *sql = sqlite3_sql (p);

  if (!inj->done && sql != NULL && g_str_has_prefix (sql, inj->prefix))
    {
      inj->done = TRUE;
      inj->write (inj->data);
    }
  return 0;
}

typedef struct
{
  const char *path;
  gint64      id;
} Target;

static void
write_line_and_pledge (gpointer data)
{
  Target *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) other = cag_store_open_existing (t->path, &error);
  g_autoptr(CagPledge) pledge = cag_pledge_new ();

  g_assert_no_error (error);
  g_assert_true (cag_budget_line_set (other, t->id, "D", "Translation", 90000, NULL, &error));
  pledge->partner_name = g_strdup ("Fondation");
  pledge->line_code = g_strdup ("D");
  pledge->kind = CAG_PLEDGE_CASH;
  pledge->amount_cents = 90000;
  g_assert_true (cag_budget_pledge_add (other, t->id, pledge, NULL, &error));
  g_assert_no_error (error);
}

/* A budget is read in several queries (lines, offers, pledges); a line and
 * its pledge added by another program between two of them must not appear
 * half: the pro-forma's pledges must name lines it has. */
static void
test_snapshot_budget (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagProformaInput) in = NULL;
  g_autoptr(CagProformaInput) after = NULL;
  Target target = { fx->path, add_budget_with_pledge (fx->store) };
  Injection inj = { "SELECT id, organization_id, partner_name", write_line_and_pledge, &target,
                    FALSE };

  sqlite3_trace_v2 (cag_store_get_db (fx->store), SQLITE_TRACE_STMT, inject_cb, &inj);
  in = cag_budget_load (fx->store, target.id, 0, &error);
  sqlite3_trace_v2 (cag_store_get_db (fx->store), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (inj.done);
  g_assert_cmpuint (in->lines->len, ==, 3);
  g_assert_cmpuint (in->pledges->len, ==, 1);

  /* The write did happen, and is seen by the next read. */
  after = cag_budget_load (fx->store, target.id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->lines->len, ==, 4);
  g_assert_cmpuint (after->pledges->len, ==, 2);
}

static void
write_contribution (gpointer data)
{
  Target *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) other = cag_store_open_existing (t->path, &error);

  g_assert_no_error (error);
  add_contribution (other, t->id, "2004-05-03", 7500);
}

/* The figures of a campaign take several queries (funds, months, late
 * entries); a contribution written between them must be wholly in or out. */
static void
test_snapshot_figures (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) during = NULL;
  g_autoptr(GPtrArray) after = NULL;
  CagDate as_of;
  Target target = { fx->path, add_fund (fx->store) };
  Injection inj = { "SELECT month, fund_id", write_contribution, &target, FALSE };
  CagFundStatus *b, *d;

  add_contribution (fx->store, target.id, "2004-04-10", 10000);
  cag_date_parse_iso ("2004-06-15", &as_of, NULL);
  before = cag_store_status_list (fx->store, 0, 0, &as_of, &error);
  g_assert_no_error (error);

  sqlite3_trace_v2 (cag_store_get_db (fx->store), SQLITE_TRACE_STMT, inject_cb, &inj);
  during = cag_store_status_list (fx->store, 0, 0, &as_of, &error);
  sqlite3_trace_v2 (cag_store_get_db (fx->store), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (inj.done);
  b = before->pdata[0];
  d = during->pdata[0];
  g_assert_cmpint (d->figures.saved_cents, ==, b->figures.saved_cents);
  g_assert_cmpint (d->figures.paid_this_month_cents, ==, b->figures.paid_this_month_cents);
  g_assert_cmpint (d->figures.arrears_cents, ==, b->figures.arrears_cents);
  g_assert_cmpint (d->figures.monthly_needed_cents, ==, b->figures.monthly_needed_cents);

  after = cag_store_status_list (fx->store, 0, 0, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((CagFundStatus *) after->pdata[0])->figures.saved_cents, ==, 17500);
}

/* A writer thread with its own connection records contributions as fast as
 * it can while this thread reads a statement's parts (status, rows, monthly
 * totals) in one snapshot: the three always agree. */
typedef struct
{
  const char *path;
  gint64      fund_id;
  gint        stop;
  guint       written;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = cag_store_open_existing (w->path, &error);
  static const char *const dates[] = { "2004-06-01", "2004-05-20", "2004-03-02", "2003-12-24" };

  g_assert_no_error (error);
  while (!g_atomic_int_get (&w->stop))
    {
      add_contribution (store, w->fund_id, dates[w->written % G_N_ELEMENTS (dates)],
                        100 + w->written % 7);
      w->written++;
    }
  return NULL;
}

static void
test_snapshot_writer_thread (Fixture       *fx,
                             gconstpointer  data)
{
  Writer w = { fx->path, add_fund (fx->store), 0, 0 };
  g_autoptr(GThread) thread = NULL;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC * 3 / 2;
  CagDate as_of;
  guint reads = 0;

  cag_date_parse_iso ("2004-06-15", &as_of, NULL);
  thread = g_thread_new ("writer", writer_thread, &w);
  while (g_get_monotonic_time () < until || reads < 20)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CagStoreSnapshot) snapshot = cag_store_snapshot (fx->store, &error);
      g_autoptr(CagFundStatus) status = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GArray) months = NULL;
      gint64 rows_sum = 0, months_sum = 0;

      g_assert_no_error (error);
      status = cag_store_fund_status (fx->store, w.fund_id, &as_of, &error);
      g_assert_no_error (error);
      rows = cag_store_contribution_list (fx->store, w.fund_id, 0, &error);
      g_assert_no_error (error);
      months = cag_store_month_totals (fx->store, w.fund_id, 0, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        rows_sum += ((CagContribution *) rows->pdata[i])->amount_cents;
      for (guint i = 0; i < months->len; i++)
        months_sum += g_array_index (months, CagMonthTotal, i).total_cents;
      g_assert_cmpint (status->figures.saved_cents, ==, rows_sum);
      g_assert_cmpint (months_sum, ==, rows_sum);
      reads++;
    }
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (g_steal_pointer (&thread));
  g_test_message ("%u snapshot reads beside %u writes", reads, w.written);
  g_assert_cmpuint (w.written, >, 10);
}

/* ---- Hostile text ------------------------------------------------------- */

static void
test_fold_ignores_invisible (void)
{
  static const char *const variants[] = {
    "CSP\u200B", "C\u200BSP", "\uFEFFCSP", "CS\u00ADP", "C\u2060SP", "C\u200CS\u200DP",
  };
  g_autofree char *plain = cag_fold_key ("CSP");

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *key = cag_fold_key (variants[i]);

      g_assert_cmpstr (key, ==, plain);
    }
}

static gboolean
org_add (CagStore   *store,
         const char *name,
         const char *short_name,
         const char *notes,
         GError    **error)
{
  g_autoptr(CagOrganization) org = cag_organization_new ();

  org->name = g_strdup (name);
  org->short_name = g_strdup (short_name);
  org->notes = g_strdup (notes);
  return cag_store_org_add (store, org, error);
}

static void
test_invisible_name_is_not_new (Fixture       *fx,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagOrganization) found = NULL;

  g_assert_true (org_add (fx->store, "CSP", NULL, NULL, &error));
  g_assert_false (org_add (fx->store, "CSP\u200B", NULL, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (org_add (fx->store, "\u200B", NULL, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  found = cag_store_org_find (fx->store, "C\u00ADS\uFEFFP", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->name, ==, "CSP");
  g_assert_cmpint (cag_store_org_count (fx->store), ==, 1);
}

static void
test_control_characters_refused (Fixture       *fx,
                                 gconstpointer  data)
{
  static const char *const hostile[] = {
    "Caisse\nPopulaire", "Caisse\rPopulaire", "Caisse\x1b[2J", "Caisse\tPop", "Caisse\x7f",
    "Caisse\xc2\x9b" "31m", "Caisse\u2028Pop",
  };
  gint64 fund = add_fund (fx->store);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;
      g_autoptr(GError) e5 = NULL;
      g_autoptr(CagContribution) c = cag_contribution_new ();
      g_autoptr(CagFunder) funder = cag_funder_new ();
      g_autoptr(CagCampaign) campaign = cag_campaign_new ();

      g_assert_false (org_add (fx->store, hostile[i], NULL, NULL, &e1));
      g_assert_error (e1, CAG_ERROR, CAG_ERROR_INVALID);
      g_assert_nonnull (strstr (e1->message, "control character"));
      g_assert_false (org_add (fx->store, "Nom", hostile[i], NULL, &e2));
      g_assert_error (e2, CAG_ERROR, CAG_ERROR_INVALID);
      c->fund_id = fund;
      cag_date_parse_iso ("2004-01-05", &c->date, NULL);
      c->amount_cents = 100;
      c->reference = g_strdup (hostile[i]);
      g_assert_false (cag_store_contribution_add (fx->store, c, &e3));
      g_assert_error (e3, CAG_ERROR, CAG_ERROR_INVALID);
      funder->name = g_strdup (hostile[i]);
      g_assert_false (cag_funder_add (fx->store, funder, &e4));
      g_assert_error (e4, CAG_ERROR, CAG_ERROR_INVALID);
      campaign->name = g_strdup (hostile[i]);
      campaign->delegation_cost_cents = 100;
      cag_date_parse_iso ("2004-01-01", &campaign->start, NULL);
      cag_date_parse_iso ("2005-01-01", &campaign->deadline, NULL);
      g_assert_false (cag_store_campaign_add (fx->store, campaign, &e5));
      g_assert_error (e5, CAG_ERROR, CAG_ERROR_INVALID);
    }
  g_assert_cmpint (cag_store_org_count (fx->store), ==, 1);

  /* A note may have several lines, but no escape sequence. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (org_add (fx->store, "Notes", NULL, "ligne 1\nligne 2\tfin", &error));
    g_assert_no_error (error);
    g_assert_false (org_add (fx->store, "Notes 2", NULL, "\x1b]0;titre\x07", &error));
    g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  }
}

static void
test_escape_for_terminal (void)
{
  g_autofree char *a = cag_text_escape ("A\x1b[2JB\rC\nD\tE\u202eF", FALSE);
  g_autofree char *b = cag_text_escape ("A\nB\x07", TRUE);
  g_autofree char *c = cag_text_escape ("Café «ok»", FALSE);

  g_assert_cmpstr (a, ==, "A\\x1b[2JB\\rC\\nD\\tE\\u202eF");
  g_assert_cmpstr (b, ==, "A\nB\\x07");
  g_assert_cmpstr (c, ==, "Café «ok»");
}

/* One limit per field for the window and the CLI (both write through the
 * store) and imports: 200 characters for a name or reference. */
static void
test_same_limits_everywhere (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autofree char *too_long = NULL;
  g_autofree char *csv_ok = NULL;
  g_autofree char *csv_bad = NULL;
  CagImportOptions options = { 0 };

  add_fund (fx->store);
  for (guint i = 0; i < CAG_MAX_NAME_CHARS; i++)
    g_string_append (longest, i % 2 ? "é" : "a");
  too_long = g_strconcat (longest->str, "z", NULL);
  g_assert_true (org_add (fx->store, longest->str, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (org_add (fx->store, too_long, NULL, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);

  csv_bad = g_strdup_printf ("date,organization,amount,reference\n"
                             "2004-01-05,Chantier de l’économie sociale,10.00,%s\n", too_long);
  g_assert_false (cag_import_contributions_data (fx->store, csv_bad, strlen (csv_bad), &options,
                                                 &report, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&report, cag_import_report_free);
  csv_ok = g_strdup_printf ("date,organization,amount,reference\n"
                            "2004-01-05,Chantier de l’économie sociale,10.00,%s\n", longest->str);
  g_assert_true (cag_import_contributions_data (fx->store, csv_ok, strlen (csv_ok), &options,
                                                &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cag_i18n_init ();
  cag_i18n_set_language (CAG_LANG_EN);
  g_setenv ("CAGNOTTE_TODAY", "2004-06-15", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reliability/budget-guard-reports-error", test_budget_guard_reports_error);
  ADD ("/reliability/snapshot-budget", test_snapshot_budget);
  ADD ("/reliability/snapshot-figures", test_snapshot_figures);
  ADD ("/reliability/snapshot-writer-thread", test_snapshot_writer_thread);
  g_test_add_func ("/reliability/fold-ignores-invisible", test_fold_ignores_invisible);
  g_test_add_func ("/reliability/escape-for-terminal", test_escape_for_terminal);
  ADD ("/reliability/invisible-name-is-not-new", test_invisible_name_is_not_new);
  ADD ("/reliability/control-characters-refused", test_control_characters_refused);
  ADD ("/reliability/same-limits-everywhere", test_same_limits_everywhere);
  return g_test_run ();
}
