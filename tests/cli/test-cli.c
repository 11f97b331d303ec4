/* test-cli.c — cagnotte-cli end to end, on temporary databases.
 *
 * Runs the built program (its path is the first argument) the way a treasurer
 * would, in French (LANGUAGE=fr) and English, and checks what it prints, its
 * JSON and its exit status; every refused command must leave the database
 * file byte for byte as it was.
 */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "../core/money-cases.h"
#include "cag-test-db.h"

static const char *cli_path;
static const char *money_cases_path;

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cagnotte-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = cag_test_db_location (f->dir, "test.db");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Runs cagnotte-cli --db DB ARGS… (NULL-terminated) with LANGUAGE=LANG. */
static Result
run_v (const char *lang,
       const char *db,
       va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Result r = { 0 };
  int wait_status = 0;
  const char *arg;

  g_ptr_array_add (argv, (char *) cli_path);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, (char *) db);
    }
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LANGUAGE", lang, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANG");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static Result
run (const char *lang,
     const char *db,
     ...)
{
  va_list args;
  Result r;

  va_start (args, db);
  r = run_v (lang, db, args);
  va_end (args);
  return r;
}

/* Runs a command that must succeed; returns its stdout. */
static char *
run_ok (const char *lang,
        const char *db,
        ...)
{
  g_auto(Result) r = { 0 };
  va_list args;

  va_start (args, db);
  r = run_v (lang, db, args);
  va_end (args);
  if (r.status != 0)
    g_test_message ("stderr: %s", r.err);
  g_assert_cmpint (r.status, ==, 0);
  return g_steal_pointer (&r.out);
}

static GBytes *
snapshot (const char *path)
{
  return cag_test_db_snapshot (path);
}

/* A refused command: exit 1, one line on stderr naming the program and
 * containing EXPECTED (when not NULL), nothing on stdout, and the database
 * unchanged. */
static void
assert_refused (const char *db,
                const char *expected,
                ...)
{
  g_autoptr(GBytes) before = snapshot (db);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_auto(Result) r = { 0 };
  va_list args;

  va_start (args, expected);
  r = run_v ("en", db, args);
  va_end (args);

  g_test_message ("refused with: %s", r.err);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "cagnotte-cli: "));
  g_assert_true (g_str_has_suffix (r.err, "\n"));
  g_assert_true (strchr (r.err, '\n') == r.err + strlen (r.err) - 1);  /* one line */
  g_assert_cmpstr (r.out, ==, "");
  if (expected != NULL)
    g_assert_nonnull (strstr (r.err, expected));

  after = snapshot (db);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The single fund status of a `status --json` array. */
static JsonObject *
only_status (JsonNode *root)
{
  JsonArray *array;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  return json_array_get_object_element (array, 0);
}

static gint64
member_int (JsonObject *o,
            const char *name)
{
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_int_member (o, name);
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_string_member (o, name);
}

static void
assert_all_digits_line (const char *text)
{
  gsize n = strlen (text);

  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpint (text[n - 1], ==, '\n');
  for (gsize i = 0; i + 1 < n; i++)
    g_assert_true (g_ascii_isdigit (text[i]));
}

/* ---- docs/RULES.md's fund example ------------------------------------------- */

/* Campaign 2003-06-01 → 2006-06-01 (N = 36), target 4,500.00, 1,250.00 saved
 * before June 2004 (600.00 of it in the six months before June, so the pace
 * is exactly 100.00 a month). */
static void
set_up_domain_example (const char *lang,
                       const char *db)
{
  const gboolean fr = g_str_equal (lang, "fr");
  g_autofree char *out = NULL;

  g_free (run_ok (lang, db, "init", NULL));
  g_free (run_ok (lang, db, "campaign", "add", "Dakar 2005",
                  "--delegation-cost", fr ? "4 500,00 $" : "$4,500.00",
                  "--start", "2003-06-01", "--deadline", "2006-06-01", NULL));
  g_free (run_ok (lang, db, "org", "add", "Centre Saint-Pierre", "--short", "CSP",
                  "--region", "Montréal", "--kind", "regional", NULL));
  g_free (run_ok (lang, db, "fund", "open", "centre saint-pierre", "DAKAR 2005", NULL));

  out = run_ok (lang, db, "contribution", "add", "CSP", fr ? "350,00" : "350.00",
                "--date", "2003-06-10", "--method", "cheque", "--reference", "101", NULL);
  assert_all_digits_line (out);
  g_free (run_ok (lang, db, "contribution", "add", "csp", "300", "--date", "2003-09-10",
                  "--method", "transfer", NULL));
  g_free (run_ok (lang, db, "contribution", "add", "Centre Saint-Pierre",
                  fr ? "400 $" : "$400", "--date", "2004-01-15", "--method", "cash", NULL));
  g_free (run_ok (lang, db, "contribution", "add", "CENTRE SAINT-PIERRE", "200",
                  "--campaign", "dakar 2005", "--date", "2004-05-31", NULL));
}

static void
check_example_json (JsonObject *s,
                    gint64      saved,
                    gint64      paid,
                    const char *month_state,
                    const char *projection)
{
  g_assert_cmpstr (member_string (s, "organization"), ==, "Centre Saint-Pierre");
  g_assert_cmpstr (member_string (s, "campaign"), ==, "Dakar 2005");
  g_assert_cmpint (member_int (s, "target_cents"), ==, 450000);
  g_assert_cmpint (member_int (s, "saved_cents"), ==, saved);
  g_assert_cmpint (member_int (s, "matched_cents"), ==, 0);
  g_assert_cmpint (member_int (s, "planned_monthly_cents"), ==, 12500);
  g_assert_cmpint (member_int (s, "expected_cents"), ==, 150000);
  g_assert_cmpint (member_int (s, "arrears_cents"), ==, 150000 - saved);
  g_assert_cmpint (member_int (s, "surplus_cents"), ==, 0);
  g_assert_cmpint (member_int (s, "months_left"), ==, 24);
  g_assert_cmpint (member_int (s, "monthly_needed_cents"), ==, 13542);
  g_assert_cmpint (member_int (s, "paid_this_month_cents"), ==, paid);
  g_assert_cmpstr (member_string (s, "month_state"), ==, month_state);
  g_assert_cmpstr (member_string (s, "state"), ==, "behind");
  g_assert_cmpint (member_int (s, "percent_tenths"), ==, saved * 1000 / 450000);
  g_assert_true (json_object_has_member (s, "percent"));
  g_assert_cmpint ((gint64) (json_object_get_double_member (s, "percent") * 10 + 0.5), ==,
                   saved * 1000 / 450000);
  /* Pace 100.00 a month from June 2004: 3,250.00 needs 33 months (to
   * February 2007), 3,114.58 needs 32. */
  g_assert_cmpstr (member_string (s, "projected_completion"), ==, projection);
  g_assert_true (json_object_get_boolean_member (s, "projection_late"));
}

static void
test_domain_example (Fixture       *f,
                     gconstpointer  data)
{
  const char *lang = data;
  const gboolean fr = g_str_equal (lang, "fr");
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *id = NULL;
  g_autofree char *listed = NULL;

  set_up_domain_example (lang, f->db);

  json = run_ok (lang, f->db, "status", "--as-of", "2004-06-15", "--json", NULL);
  before = parse_json (json);
  check_example_json (only_status (before), 125000, 0, "due", "2007-02");

  text = run_ok (lang, f->db, "status", "CSP", "--as-of", "2004-06-15", NULL);
  g_test_message ("%s", text);
  if (fr)
    {
      g_assert_nonnull (strstr (text, "Il reste 3\u202F250,00\u00A0$ à réunir : "
                                      "135,42\u00A0$ par mois d’ici juin 2006"));
      g_assert_nonnull (strstr (text, "en retard de 250,00\u00A0$"));
      g_assert_nonnull (strstr (text, "1\u202F500,00\u00A0$"));
      g_assert_nonnull (strstr (text, "125,00\u00A0$"));
      g_assert_nonnull (strstr (text, "15\u00A0juin 2004"));
      g_assert_nonnull (strstr (text, "27,7\u00A0%"));
    }
  else
    {
      g_assert_nonnull (strstr (text, "$3,250.00 still to raise: $135.42 a month until June 2006"));
      g_assert_nonnull (strstr (text, "behind by $250.00"));
      g_assert_nonnull (strstr (text, "$1,500.00"));
      g_assert_nonnull (strstr (text, "$125.00"));
      g_assert_nonnull (strstr (text, "June 15, 2004"));
      g_assert_nonnull (strstr (text, "27.7%"));
    }

  /* A payment of 135.42 on 2004-06-20 makes June paid, need unchanged. */
  id = run_ok (lang, f->db, "contribution", "add", "CSP", fr ? "135,42" : "135.42",
               "--date", "2004-06-20", "--reference", "102", NULL);
  assert_all_digits_line (id);
  g_clear_pointer (&json, g_free);
  json = run_ok (lang, f->db, "status", "--as-of", "2004-06-20", "--json", NULL);
  after = parse_json (json);
  check_example_json (only_status (after), 138542, 13542, "paid", "2007-01");

  g_clear_pointer (&text, g_free);
  text = run_ok (lang, f->db, "status", "CSP", "--as-of", "2004-06-20", NULL);
  g_assert_nonnull (strstr (text, fr ? "135,42\u00A0$ par mois d’ici juin 2006"
                                     : "$135.42 a month until June 2006"));

  /* The same payment voided: June is due again; the row stays listed. */
  g_strchomp (id);
  g_free (run_ok (lang, f->db, "contribution", "void", id, "--reason", "Chèque sans provision",
                  NULL));
  g_clear_pointer (&json, g_free);
  json = run_ok (lang, f->db, "status", "--as-of", "2004-06-20", "--json", NULL);
  g_clear_pointer (&after, json_node_unref);
  after = parse_json (json);
  check_example_json (only_status (after), 125000, 0, "due", "2007-02");

  listed = run_ok (lang, f->db, "contribution", "list", "CSP", "--json", NULL);
  list = parse_json (listed);
  {
    JsonArray *rows = json_node_get_array (list);
    JsonObject *last;

    g_assert_cmpuint (json_array_get_length (rows), ==, 5);
    last = json_array_get_object_element (rows, 4);
    g_assert_cmpstr (member_string (last, "date"), ==, "2004-06-20");
    g_assert_cmpint (member_int (last, "amount_cents"), ==, 13542);
    g_assert_true (json_object_get_boolean_member (last, "voided"));
    g_assert_cmpstr (member_string (last, "void_reason"), ==, "Chèque sans provision");
    g_assert_cmpstr (member_string (last, "reference"), ==, "102");
    g_assert_cmpstr (member_string (json_array_get_object_element (rows, 1), "method"), ==,
                     "transfer");
  }

  g_clear_pointer (&text, g_free);
  text = run_ok (lang, f->db, "contribution", "list", NULL);
  g_assert_nonnull (strstr (text, fr ? "ANNULÉ : Chèque sans provision"
                                     : "VOIDED: Chèque sans provision"));
  g_clear_pointer (&text, g_free);
  text = run_ok (lang, f->db, "check", NULL);
  g_clear_pointer (&text, g_free);
  text = run_ok (lang, f->db, "status", "--as-of", "2004-06-15", NULL);
  g_assert_nonnull (strstr (text, fr ? "en retard" : "behind"));
}

/* ---- Lists and JSON ----------------------------------------------------- */

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *orgs = NULL;
  g_autofree char *campaigns = NULL;
  g_autofree char *funds = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;

  set_up_domain_example ("en", f->db);
  g_free (run_ok ("en", f->db, "org", "add", "Écof", "--region", "Mauricie",
                  "--kind", "sectoral", "--email", "info@example.org", NULL));
  g_free (run_ok ("en", f->db, "org", "deactivate", "ECOF", NULL));

  orgs = run_ok ("en", f->db, "org", "list", "--json", NULL);
  root = parse_json (orgs);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&orgs, g_free);
  orgs = run_ok ("en", f->db, "org", "list", "--all", "--json", NULL);
  root = parse_json (orgs);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  o = json_array_get_object_element (json_node_get_array (root), 1);
  g_assert_cmpstr (member_string (o, "name"), ==, "Écof");
  g_assert_cmpstr (member_string (o, "kind"), ==, "sectoral");
  g_assert_false (json_object_get_boolean_member (o, "active"));
  g_free (run_ok ("en", f->db, "org", "activate", "écof", NULL));
  g_free (run_ok ("en", f->db, "org", "edit", "ecof", "--name", "ÉCOF", "--short", "ECOF",
                  NULL));

  g_clear_pointer (&text, g_free);
  text = run_ok ("fr", f->db, "org", "list", NULL);
  g_assert_nonnull (strstr (text, "ÉCOF"));
  g_assert_nonnull (strstr (text, "Montréal"));

  campaigns = run_ok ("en", f->db, "--json", "campaign", "list", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (campaigns);
  o = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (member_int (o, "delegation_cost_cents"), ==, 450000);
  g_assert_cmpstr (member_string (o, "start"), ==, "2003-06-01");
  g_assert_cmpint (member_int (o, "months"), ==, 36);

  g_free (run_ok ("en", f->db, "fund", "edit", "CSP", "--delegations", "2", NULL));
  funds = run_ok ("en", f->db, "fund", "list", "--json", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (funds);
  o = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (member_int (o, "target_cents"), ==, 900000);
  g_assert_cmpint (member_int (o, "delegations"), ==, 2);

  g_clear_pointer (&text, g_free);
  text = run_ok ("fr", f->db, "status", "--as-of", "2004-06-15", NULL);
  g_assert_nonnull (strstr (text, "9\u202F000,00\u00A0$"));
  g_assert_nonnull (strstr (text, "Dakar 2005 — En date du 15\u00A0juin 2004"));

  /* Overrides: a planned monthly amount, a target; 0 goes back to the rule. */
  g_free (run_ok ("fr", f->db, "fund", "edit", "CSP", "--monthly", "150,00 $", NULL));
  g_clear_pointer (&text, g_free);
  text = run_ok ("en", f->db, "status", "CSP", "--campaign", "Dakar 2005", "--as-of",
                 "2004-06-15", "--json", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (text);
  g_assert_cmpint (member_int (only_status (root), "planned_monthly_cents"), ==, 15000);
  g_free (run_ok ("en", f->db, "fund", "edit", "CSP", "Dakar 2005", "--monthly", "0",
                  "--target", "3000", NULL));
  g_clear_pointer (&text, g_free);
  text = run_ok ("en", f->db, "status", "CSP", "--as-of", "2004-06-15", "--json", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (text);
  g_assert_cmpint (member_int (only_status (root), "target_cents"), ==, 300000);
  g_assert_cmpint (member_int (only_status (root), "planned_monthly_cents"), ==, 8334);
  g_assert_cmpint (member_int (only_status (root), "expected_cents"), ==, 100000);
  g_assert_cmpstr (member_string (only_status (root), "state"), ==, "on_track");
}

/* ---- Refused input ------------------------------------------------------ */

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_auto(Result) second = { 0 };

  set_up_domain_example ("en", f->db);

  assert_refused (f->db, "", "contribution", "add", "CSP", "12,34,56", "--date", "2004-01-01",
                  NULL);
  assert_refused (f->db, NULL, "contribution", "add", "CSP", "4.500", "--date", "2004-01-01",
                  NULL);
  assert_refused (f->db, NULL, "contribution", "add", "CSP", "abc", "--date", "2004-01-01",
                  NULL);
  assert_refused (f->db, NULL, "contribution", "add", "CSP", "0", "--date", "2004-01-01",
                  NULL);
  assert_refused (f->db, NULL, "contribution", "add", "CSP", "1.234", "--date", "2004-01-01",
                  NULL);
  assert_refused (f->db, NULL, "contribution", "add", "CSP", "2000000000", "--date",
                  "2004-01-01", NULL);
  assert_refused (f->db, NULL, "contribution", "add", "CSP", "-5", "--date", "2004-01-01",
                  NULL);
  assert_refused (f->db, "2005-02-30", "contribution", "add", "CSP", "100", "--date",
                  "2005-02-30", NULL);
  assert_refused (f->db, NULL, "contribution", "add", "CSP", "100", NULL);
  assert_refused (f->db, NULL, "contribution", "add", "Nobody", "100", "--date", "2004-01-01",
                  NULL);
  assert_refused (f->db, NULL, "contribution", "add", "CSP", "100", "--date", "2004-01-01",
                  "--method", "barter", NULL);
  assert_refused (f->db, NULL, "contribution", "add", "CSP", "100", "--date", "2004-01-01",
                  "--campaign", "Lima 1997", NULL);
  assert_refused (f->db, NULL, "status", "Nobody", NULL);
  assert_refused (f->db, NULL, "status", "--as-of", "2005-13-01", NULL);
  assert_refused (f->db, NULL, "org", "add", "centre saint-PIERRE", NULL);
  assert_refused (f->db, NULL, "org", "add", "X", "--kind", "federal", NULL);
  assert_refused (f->db, NULL, "org", "frobnicate", NULL);
  assert_refused (f->db, NULL, "fund", "open", "CSP", "Dakar 2005", NULL);
  assert_refused (f->db, NULL, "campaign", "add", "Backwards", "--delegation-cost", "4500",
                  "--start", "2006-06-01", "--deadline", "2003-06-01", NULL);
  assert_refused (f->db, NULL, "campaign", "add", "No cost", "--start", "2003-06-01",
                  "--deadline", "2006-06-01", NULL);
  assert_refused (f->db, NULL, "nonsense", NULL);
  assert_refused (f->db, NULL, "demo", NULL);

  /* Voiding: a reason is required, the number must exist, and twice is once
   * too many. */
  assert_refused (f->db, NULL, "contribution", "void", "1", NULL);
  assert_refused (f->db, NULL, "contribution", "void", "1", "--reason", "  ", NULL);
  assert_refused (f->db, NULL, "contribution", "void", "9999", "--reason", "Typo", NULL);
  assert_refused (f->db, NULL, "contribution", "void", "first", "--reason", "Typo", NULL);
  g_free (run_ok ("en", f->db, "contribution", "void", "1", "--reason", "Typo", NULL));
  assert_refused (f->db, NULL, "contribution", "void", "1", "--reason", "Typo", NULL);

  /* Ambiguous: the organization has funds in two campaigns. */
  g_free (run_ok ("en", f->db, "campaign", "add", "Lima 2009", "--delegation-cost", "5000",
                  "--start", "2006-01-01", "--deadline", "2009-01-01", NULL));
  assert_refused (f->db, NULL, "fund", "open", "CSP", NULL);
  g_free (run_ok ("en", f->db, "fund", "open", "CSP", "Lima 2009", NULL));
  assert_refused (f->db, "--campaign", "contribution", "add", "CSP", "100", "--date",
                  "2006-03-01", NULL);
  id = run_ok ("en", f->db, "contribution", "add", "CSP", "100", "--date", "2006-03-01",
               "--campaign", "lima 2009", NULL);
  assert_all_digits_line (id);

  /* Ambiguous names, when the store lets a short name equal another name. */
  g_free (run_ok ("en", f->db, "org", "add", "La Spirale", "--short", "Spirale", NULL));
  second = run ("en", f->db, "org", "add", "Spirale", NULL);
  if (second.status == 0)
    assert_refused (f->db, NULL, "status", "spirale", NULL);
}

static void
set_user_version (const char *path,
                  int         version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text_file = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "dir", "x.db", NULL);
  g_autoptr(GError) error = NULL;

  /* A missing database is not created by commands that only read. */
  {
    g_auto(Result) r = run ("en", missing, "status", NULL);
    g_auto(Result) r2 = run ("en", f->db, "org", "list", NULL);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "cagnotte-cli init"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_assert_cmpint (r2.status, ==, 1);
    g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  }

  /* A newer database. */
  set_up_domain_example ("en", f->db);
  set_user_version (f->db, 9999);
  assert_refused (f->db, NULL, "status", NULL);
  assert_refused (f->db, NULL, "init", NULL);
  assert_refused (f->db, NULL, "contribution", "add", "CSP", "100", "--date", "2004-01-01",
                  NULL);

  /* A file that is not a database. */
  g_file_set_contents (text_file, "Budget 2004\nLoyer;500\nTéléphone;60\n"
                       "Budget 2004\nLoyer;500\nTéléphone;60\n"
                       "Budget 2004\nLoyer;500\nTéléphone;60\n"
                       "Budget 2004\nLoyer;500\nTéléphone;60\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (text_file, NULL, "org", "list", NULL);
  assert_refused (text_file, NULL, "init", NULL);
  assert_refused (text_file, NULL, "demo", NULL);
  assert_refused (text_file, NULL, "contribution", "add", "CSP", "100", "--date", "2004-01-01",
                  NULL);
}

/* ---- demo --------------------------------------------------------------- */

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *other = cag_test_db_location (f->dir, "other.db");
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) current = NULL;
  JsonArray *funds;
  guint behind = 0, on_track = 0, complete = 0, due = 0;

  g_free (run_ok ("fr", f->db, "demo", "--as-of", "2004-09-15", NULL));
  json = run_ok ("en", f->db, "status", "--as-of", "2004-09-15", "--json", NULL);
  root = parse_json (json);
  funds = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (funds), >=, 15);
  for (guint i = 0; i < json_array_get_length (funds); i++)
    {
      JsonObject *s = json_array_get_object_element (funds, i);
      const char *state = member_string (s, "state");

      g_assert_cmpstr (member_string (s, "campaign"), ==, "Dakar 2005");
      behind += g_str_equal (state, "behind");
      on_track += g_str_equal (state, "on_track");
      complete += g_str_equal (state, "complete");
      due += g_str_equal (member_string (s, "month_state"), "due");
    }
  g_test_message ("demo: %u behind, %u on track, %u complete", behind, on_track, complete);
  g_assert_cmpuint (behind, >=, 3);
  g_assert_cmpuint (on_track, >=, 3);
  g_assert_cmpuint (due, >=, 1);
  g_free (run_ok ("en", f->db, "check", NULL));

  /* Seen in the organizations' own terms. */
  text = run_ok ("fr", f->db, "org", "list", NULL);
  g_assert_nonnull (strstr (text, "Carrefour Tiers-Monde"));
  g_assert_nonnull (strstr (text, "Capitale-Nationale"));
  g_assert_nonnull (strstr (text, "SOCODEVI"));
  g_clear_pointer (&text, g_free);
  text = run_ok ("fr", f->db, "contribution", "list", "--json", NULL);
  g_assert_nonnull (strstr (text, "\"voided\" : true"));

  /* Refused on a database that holds data. */
  assert_refused (f->db, NULL, "demo", NULL);

  /* The same history every time. */
  g_free (run_ok ("fr", other, "demo", "--as-of", "2004-09-15", NULL));
  json2 = run_ok ("en", other, "status", "--as-of", "2004-09-15", "--json", NULL);
  g_assert_cmpstr (json, ==, json2);

  /* Up to today (after the deadline): some funds complete, some behind. */
  remove_tree (f->dir);
  g_mkdir_with_parents (f->dir, 0700);
  g_free (f->db);
  f->db = cag_test_db_location (f->dir, "test.db");
  g_free (run_ok ("en", f->db, "demo", NULL));
  now = run_ok ("en", f->db, "status", "--json", NULL);
  current = parse_json (now);
  funds = json_node_get_array (current);
  complete = behind = 0;
  for (guint i = 0; i < json_array_get_length (funds); i++)
    {
      const char *state = member_string (json_array_get_object_element (funds, i), "state");
      complete += g_str_equal (state, "complete");
      behind += g_str_equal (state, "behind");
    }
  g_assert_cmpuint (complete, >=, 1);
  g_assert_cmpuint (behind, >=, 1);
}

/* ---- Amounts as typed and dates inside the campaign -------------------- */

static void
set_up_small (const char *db)
{
  g_free (run_ok ("en", db, "init", NULL));
  g_free (run_ok ("en", db, "campaign", "add", "Dakar 2005", "--delegation-cost", "4500",
                  "--start", "2003-06-01", "--deadline", "2005-11-22", NULL));
  g_free (run_ok ("en", db, "org", "add", "Centre Saint-Pierre", "--short", "CSP", NULL));
  g_free (run_ok ("en", db, "fund", "open", "CSP", NULL));
}

/* tests/core/money-cases.txt through `contribution add`, in French and in
 * English: the amount recorded, or the refusal with its reason, the database
 * untouched. */
static void
test_money_cases (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = money_cases_load (money_cases_path);
  const char *langs[] = { "fr", "en" };

  set_up_small (f->db);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint i = 0; i < cases->len; i++)
      {
        const MoneyCase *c = g_ptr_array_index (cases, i);
        const char *reason = l == 0 ? c->reason_fr : c->reason_en;
        g_autoptr(GBytes) before = NULL;
        g_autoptr(GBytes) after = NULL;
        g_auto(Result) r = { 0 };

        if (!money_case_applies (c, langs[l]))
          continue;
        g_test_message ("money-cases.txt:%u (%s): “%s”", c->line, langs[l], c->text);
        before = snapshot (f->db);
        /* "--": "-5" is an amount, not an option. */
        r = run (langs[l], f->db, "contribution", "add", "--date", "2004-01-15", "--json", "--",
                 "CSP", c->text, NULL);
        if (!c->refused)
          {
            g_autoptr(JsonNode) root = NULL;

            g_assert_cmpint (r.status, ==, 0);
            root = parse_json (r.out);
            g_assert_cmpint (member_int (json_node_get_object (root), "amount_cents"), ==,
                             c->cents);
            continue;
          }
        g_test_message ("  %s", r.err);
        g_assert_cmpint (r.status, ==, 1);
        g_assert_cmpstr (r.out, ==, "");
        if (reason != NULL)
          g_assert_nonnull (strstr (r.err, reason));
        after = snapshot (f->db);
        g_assert_true (g_bytes_equal (before, after));
      }
}

static void
test_campaign_dates (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Result) late = { 0 };
  g_auto(Result) on_deadline = { 0 };
  g_auto(Result) early_fr = { 0 };
  g_auto(Result) late_fr = { 0 };

  set_up_small (f->db);

  /* Before the start: refused everywhere, naming the start. */
  assert_refused (f->db, "June 1, 2003", "contribution", "add", "CSP", "100", "--date",
                  "2003-05-31", NULL);
  early_fr = run ("fr", f->db, "contribution", "add", "CSP", "100", "--date", "2003-05-31", NULL);
  g_assert_cmpint (early_fr.status, ==, 1);
  g_assert_nonnull (strstr (early_fr.err, "1er\u00a0juin 2003"));
  g_assert_nonnull (strstr (early_fr.err, "avant le début de la campagne"));

  /* On the start day and on the deadline: recorded, no warning. */
  g_free (run_ok ("en", f->db, "contribution", "add", "CSP", "100", "--date", "2003-06-01",
                  NULL));
  on_deadline = run ("en", f->db, "contribution", "add", "CSP", "100", "--date", "2005-11-22",
                     NULL);
  g_assert_cmpint (on_deadline.status, ==, 0);
  g_assert_cmpstr (on_deadline.err, ==, "");

  /* After the deadline: recorded (exit 0, the number on stdout), a warning on
   * stderr naming the deadline. */
  late = run ("en", f->db, "contribution", "add", "CSP", "100", "--date", "2005-11-23", NULL);
  g_assert_cmpint (late.status, ==, 0);
  assert_all_digits_line (late.out);
  g_assert_true (g_str_has_prefix (late.err, "cagnotte-cli: Warning: "));
  g_assert_nonnull (strstr (late.err, "November 22, 2005"));
  late_fr = run ("fr", f->db, "contribution", "add", "CSP", "100", "--date", "2006-01-10", NULL);
  g_assert_cmpint (late_fr.status, ==, 0);
  g_assert_nonnull (strstr (late_fr.err, "Attention"));
  g_assert_nonnull (strstr (late_fr.err, "22\u00a0novembre 2005"));

  {
    g_autofree char *out = run_ok ("en", f->db, "status", "CSP", "--json", NULL);
    g_autoptr(JsonNode) root = parse_json (out);

    /* 100.00 on the start day, on the deadline and twice after it. */
    g_assert_cmpint (member_int (only_status (root), "saved_cents"), ==, 40000);
  }

  /* The start cannot move past the first contribution. */
  assert_refused (f->db, "June 1, 2003", "campaign", "edit", "Dakar 2005", "--start",
                  "2003-06-15", NULL);
  g_free (run_ok ("en", f->db, "campaign", "edit", "Dakar 2005", "--start", "2003-05-15",
                  NULL));
}

/* JSON's percent is printed as written: 1,250.00 of 4,500.00 is 27.7. */
static void
test_percent_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *list = NULL;

  set_up_domain_example ("en", f->db);
  out = run_ok ("en", f->db, "status", "CSP", "--as-of", "2004-06-15", "--json", NULL);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\"percent\" : 27.7,\n"));
  g_assert_nonnull (strstr (out, "\"percent_tenths\" : 277,\n"));
  g_assert_null (strstr (out, "27.69"));
  g_assert_null (strstr (out, "\\u0001"));
  g_free (run_ok ("en", f->db, "contribution", "add", "CSP", "3250", "--date", "2004-06-20",
                  NULL));
  list = run_ok ("fr", f->db, "status", "--as-of", "2004-06-30", "--json", NULL);
  g_assert_nonnull (strstr (list, "\"percent\" : 100.0,\n"));
}

/* `fund edit --delegations 0` is refused like `fund open --delegations 0`. */
static void
test_fund_edit_delegations (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;

  set_up_small (f->db);
  assert_refused (f->db, "between 1 and 1000", "fund", "edit", "CSP", "--delegations", "0",
                  NULL);
  assert_refused (f->db, "between 1 and 1000", "fund", "edit", "CSP", "--delegations", "-2",
                  NULL);
  assert_refused (f->db, "not a number of delegations", "fund", "edit", "CSP",
                  "--delegations", "deux", NULL);
  assert_refused (f->db, "between 1 and 1000", "fund", "open", "CSP", "--delegations", "0",
                  NULL);
  g_free (run_ok ("en", f->db, "fund", "edit", "CSP", "--delegations", " 2", NULL));
  out = run_ok ("en", f->db, "status", "CSP", "--json", NULL);
  root = parse_json (out);
  g_assert_cmpint (member_int (only_status (root), "target_cents"), ==, 900000);
}

/* network set|show: JSON round trip, an option left out keeps its value, ""
 * clears, "\\n" in --address starts a line, refusals change nothing, text in
 * French. */
static void
test_network (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *init = run_ok ("en", f->db, "init", NULL);
  g_autofree char *empty = run_ok ("fr", f->db, "network", "show", NULL);
  g_autofree char *set = run_ok ("en", f->db, "network", "set", "--name", "Réseau d'essai",
                                 "--address", "12, rue Test\\nQuébec", "--contact", "Anne Exemple",
                                 "--email", "anne@example.org", "--phone", "418 555-0100",
                                 "--charity-number", "123456789 RR 0001", "--website",
                                 "example.org", NULL);
  g_autofree char *again = run_ok ("en", f->db, "network", "set", "--phone", "", "--json", NULL);
  g_autofree char *shown = run_ok ("en", f->db, "network", "show", "--json", NULL);
  g_autofree char *text_fr = run_ok ("fr", f->db, "network", "show", NULL);
  g_autoptr(JsonNode) root = parse_json (shown);
  JsonObject *o = json_node_get_object (root);

  g_assert_nonnull (strstr (empty, "cagnotte-cli network set"));
  g_assert_nonnull (strstr (set, "Saved the network profile"));
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Réseau d'essai");
  g_assert_cmpstr (json_object_get_string_member (o, "address"), ==, "12, rue Test\nQuébec");
  g_assert_cmpstr (json_object_get_string_member (o, "contact"), ==, "Anne Exemple");
  g_assert_cmpstr (json_object_get_string_member (o, "email"), ==, "anne@example.org");
  g_assert_true (json_object_get_null_member (o, "phone"));
  g_assert_cmpstr (json_object_get_string_member (o, "charity_number"), ==, "123456789 RR 0001");
  g_assert_cmpstr (json_object_get_string_member (o, "website"), ==, "example.org");
  g_assert_nonnull (strstr (again, "\"phone\" : null"));
  g_assert_nonnull (strstr (text_fr, "Courriel"));
  g_assert_nonnull (strstr (text_fr, "Anne Exemple"));

  assert_refused (f->db, "not an e-mail address", "network", "set", "--email", "anne", NULL);
  assert_refused (f->db, "one line", "network", "set", "--name", "a\tb", NULL);
  assert_refused (f->db, NULL, "network", "show", "extra", NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-cagnotte-cli\n", argv[0]);
      return 1;
    }
  cli_path = argv[1];
  money_cases_path = argc > 2 ? argv[2] : NULL;

  g_test_add ("/cli/domain-example/fr", Fixture, "fr", fixture_set_up, test_domain_example,
              fixture_tear_down);
  g_test_add ("/cli/domain-example/en", Fixture, "en", fixture_set_up, test_domain_example,
              fixture_tear_down);
  g_test_add ("/cli/lists", Fixture, NULL, fixture_set_up, test_lists, fixture_tear_down);
  g_test_add ("/cli/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  /* Files are SQLite's own (on a server, CAGNOTTE_TEST_PG: docs/SERVER.md). */
  if (!cag_test_db_is_server ())
    g_test_add ("/cli/bad-files", Fixture, NULL, fixture_set_up, test_bad_files,
                fixture_tear_down);
  g_test_add ("/cli/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);
  g_test_add ("/cli/campaign-dates", Fixture, NULL, fixture_set_up, test_campaign_dates,
              fixture_tear_down);
  g_test_add ("/cli/percent-json", Fixture, NULL, fixture_set_up, test_percent_json,
              fixture_tear_down);
  g_test_add ("/cli/fund-edit-delegations", Fixture, NULL, fixture_set_up,
              test_fund_edit_delegations, fixture_tear_down);
  if (money_cases_path != NULL)
    g_test_add ("/cli/money-cases", Fixture, NULL, fixture_set_up, test_money_cases,
                fixture_tear_down);
  g_test_add ("/cli/network", Fixture, NULL, fixture_set_up, test_network, fixture_tear_down);

  return g_test_run ();
}
