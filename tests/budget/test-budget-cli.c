/* test-budget-cli.c — cagnotte-cli's funder, budget and campaign offer
 * commands: the worked example through the command line and its JSON,
 * refusals that leave the database unchanged, frozen versions, and the
 * French pro-forma.  argv[1] is the cagnotte-cli executable. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#define D(x) ((gint64) (x) * 100)

static const char *cli_path;
static char *tmp_dir;
static char *db_path;

/* Runs cagnotte-cli --db DB with ARGS (NULL-terminated); returns the exit
 * status, stdout and stderr. */
static int
run_cli (const char *language, char **out, char **err, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_auto (GStrv) env = g_get_environ ();
  GError *error = NULL;
  const char *arg;
  int status = -1;
  va_list ap;

  g_ptr_array_add (args, (char *) cli_path);
  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, db_path);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

#define RUN_OK(...) \
  G_STMT_START { \
    g_autofree char *o_ = NULL; \
    g_autofree char *e_ = NULL; \
    int rc_ = run_cli ("en", &o_, &e_, __VA_ARGS__, NULL); \
    if (rc_ != 0) \
      g_error ("command failed (%d): %s", rc_, e_); \
  } G_STMT_END

static JsonObject *
show_json (const char *budget, JsonParser *parser)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GError *error = NULL;

  g_assert_cmpint (run_cli ("en", &out, &err, "budget", "show", budget, "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static gint64
member_int (JsonObject *o, const char *name)
{
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_int_member (o, name);
}

static void
set_up_worked_example (void)
{
  RUN_OK ("init");
  RUN_OK ("funder", "add", "MRI", "--kind", "provincial");
  RUN_OK ("funder", "add", "ACDI", "--kind", "federal");
  RUN_OK ("budget", "add", "GESQ 2003", "--start", "2003-04-01", "--end", "2004-03-31",
          "--preset", "gesq-2003");
  RUN_OK ("budget", "offer", "GESQ 2003", "MRI", "--ratio", "2:1", "--lines", "B");
  RUN_OK ("budget", "offer", "GESQ 2003", "ACDI", "--ratio", "1:1");
  RUN_OK ("budget", "pledge", "GESQ 2003", "Caisse solidaire", "10 000,00", "--line", "A",
          "--status", "confirmed");
  RUN_OK ("budget", "pledge", "GESQ 2003", "Chantier", "20000", "--line", "B", "--kind",
          "in-kind", "--basis", "400 h × 50 $");
}

/* docs/RULES.md's balanced view of the worked example, beside the current one. */
static void
check_balanced_json (JsonObject *root)
{
  JsonObject *bal = json_object_get_object_member (root, "balanced");
  JsonObject *totals = json_object_get_object_member (bal, "totals");
  JsonArray *lines = json_object_get_array_member (bal, "lines");
  JsonArray *funders = json_object_get_array_member (bal, "funders");
  JsonArray *pledges = json_object_get_array_member (bal, "pledges");
  JsonObject *a = json_array_get_object_element (lines, 0);
  JsonObject *b = json_array_get_object_element (lines, 1);
  JsonObject *f;

  g_assert_cmpstr (json_object_get_string_member (bal, "currency"), ==, "CAD");
  g_assert_cmpint (member_int (a, "to_secure_cents"), ==, D (15000));
  g_assert_cmpint (member_int (a, "funders_cents"), ==, D (25000));
  g_assert_cmpint (member_int (b, "to_secure_cents"), ==, D (5000));
  g_assert_cmpint (member_int (b, "funders_cents"), ==, D (50000));
  f = json_array_get_object_element (json_object_get_array_member (b, "funders"), 0);
  g_assert_cmpstr (json_object_get_string_member (f, "funder"), ==, "MRI");
  g_assert_cmpint (member_int (f, "requested_cents"), ==, D (50000));
  f = json_array_get_object_element (funders, 0);
  g_assert_cmpint (member_int (f, "requested_cents"), ==, D (50000));
  f = json_array_get_object_element (funders, 1);
  g_assert_cmpstr (json_object_get_string_member (f, "funder"), ==, "ACDI");
  g_assert_cmpint (member_int (f, "requested_cents"), ==, D (25000));
  g_assert_cmpuint (json_array_get_length (pledges), ==, 2);
  f = json_array_get_object_element (pledges, 1);
  g_assert_cmpstr (json_object_get_string_member (f, "status"), ==, "intended");
  g_assert_cmpstr (json_object_get_string_member (f, "basis"), ==, "400 h × 50 $");
  g_assert_cmpint (member_int (f, "counted_cents"), ==, D (20000));
  g_assert_cmpint (member_int (totals, "expenses_cents"), ==, D (125000));
  g_assert_cmpint (member_int (totals, "revenues_cents"), ==, D (125000));
  g_assert_cmpint (member_int (totals, "partner_cash_cents")
                   + member_int (totals, "partner_in_kind_cents")
                   + member_int (totals, "to_secure_cents") + member_int (totals, "funders_cents")
                   + member_int (totals, "other_sources_cents"), ==, D (125000));
  g_assert_cmpint (member_int (totals, "other_sources_cents"), ==, 0);
  g_assert_cmpint (member_int (totals, "secured_cents"), ==, D (10000));
  g_assert_cmpint (member_int (totals, "sought_cents"), ==, D (115000));
}

static void
test_worked_example (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *totals, *a, *b, *f;
  JsonArray *lines, *funders, *shares;

  set_up_worked_example ();
  root = show_json ("GESQ 2003", parser);

  g_assert_cmpstr (json_object_get_string_member (root, "budget"), ==, "GESQ 2003");
  g_assert_cmpint (member_int (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "draft");

  lines = json_object_get_array_member (root, "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 2);
  a = json_array_get_object_element (lines, 0);
  b = json_array_get_object_element (lines, 1);
  g_assert_cmpstr (json_object_get_string_member (a, "code"), ==, "A");
  g_assert_true (json_object_has_member (a, "label"));
  g_assert_cmpint (member_int (a, "amount_cents"), ==, D (50000));
  g_assert_cmpint (member_int (a, "partner_cash_cents"), ==, D (10000));
  g_assert_cmpint (member_int (a, "partner_in_kind_cents"), ==, 0);
  g_assert_cmpint (member_int (a, "funded_cents"), ==, D (20000));
  g_assert_cmpint (member_int (a, "gap_cents"), ==, D (30000));
  g_assert_cmpint (member_int (a, "partner_needed_cents"), ==, D (15000));
  g_assert_cmpint (member_int (b, "partner_in_kind_cents"), ==, D (20000));
  g_assert_cmpint (member_int (b, "funded_cents"), ==, D (60000));
  g_assert_cmpint (member_int (b, "gap_cents"), ==, D (15000));
  g_assert_cmpint (member_int (b, "partner_needed_cents"), ==, D (5000));

  shares = json_object_get_array_member (b, "funders");
  g_assert_cmpuint (json_array_get_length (shares), ==, 2);
  f = json_array_get_object_element (shares, 0);
  g_assert_cmpstr (json_object_get_string_member (f, "funder"), ==, "MRI");
  g_assert_cmpint (member_int (f, "given_cents"), ==, D (40000));
  g_assert_cmpint (member_int (f, "base_used_cents"), ==, D (20000));

  funders = json_object_get_array_member (root, "funders");
  g_assert_cmpuint (json_array_get_length (funders), ==, 2);
  f = json_array_get_object_element (funders, 0);
  g_assert_cmpstr (json_object_get_string_member (f, "ratio"), ==, "2:1");
  g_assert_cmpint (member_int (f, "requested_cents"), ==, D (40000));
  f = json_array_get_object_element (funders, 1);
  g_assert_cmpstr (json_object_get_string_member (f, "funder"), ==, "ACDI");
  g_assert_cmpint (member_int (f, "requested_cents"), ==, D (10000));

  totals = json_object_get_object_member (root, "totals");
  g_assert_cmpint (member_int (totals, "amount_cents"), ==, D (125000));
  g_assert_cmpint (member_int (totals, "partner_cents"), ==, D (30000));
  g_assert_cmpint (member_int (totals, "matched_cents"), ==, D (50000));
  g_assert_cmpint (member_int (totals, "funded_cents"), ==, D (80000));
  g_assert_cmpint (member_int (totals, "gap_cents"), ==, D (45000));
  g_assert_cmpint (member_int (totals, "partner_needed_cents"), ==, D (20000));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "warnings")), ==, 0);
  check_balanced_json (root);
}

static void
test_french_table (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("fr", &out, &err, "budget", "show", "GESQ 2003", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "GESQ 2003"));
  g_assert_nonnull (strstr (out, "Écart"));
  /* 45 000,00 $ with a narrow no-break space and a no-break space. */
  g_assert_nonnull (strstr (out, "45\u202F000,00\u00A0$"));
  g_assert_nonnull (strstr (out, "20\u202F000,00\u00A0$"));
  g_assert_nonnull (strstr (out, "400 h × 50 $"));
  g_assert_null (strstr (out, "Warning"));
  /* The balanced view under the table: MRI's request once partners
   * secure 20 000 $, and revenues = expenses. */
  g_assert_nonnull (strstr (out, "Budget équilibré"));
  g_assert_nonnull (strstr (out, "50\u202F000,00\u00A0$"));
  g_assert_nonnull (strstr (out, "Acquis : 10\u202F000,00\u00A0$ ; encore recherché : "
                                 "115\u202F000,00\u00A0$."));
}

/* budget show --explain: the reasoning behind each figure, the same text
 * as the window's (cag-proforma-explain.c), in both languages. */
static void
test_explain (void)
{
  g_autofree char *out = NULL, *err = NULL, *fr = NULL, *fr_err = NULL;
  g_autofree char *j = NULL, *j_err = NULL;

  g_assert_cmpint (run_cli ("en", &out, &err, "budget", "show", "GESQ 2003", "--explain", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "  • MRI gives $40,000.00 on line B.\n"));
  g_assert_nonnull (strstr (out, "2 × $20,000.00 ÷ 1 = $40,000.00"));
  g_assert_nonnull (strstr (out, "ACDI gives $0.00 on line B."));
  g_assert_nonnull (strstr (out, "To raise from partners: $5,000.00 more pledged in cash"));
  g_assert_cmpint (run_cli ("fr", &fr, &fr_err, "budget", "show", "GESQ 2003", "--explain",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (fr, "MRI donne 40\u202F000,00\u00A0$ sur le poste B."));
  g_assert_nonnull (strstr (fr, "l’écart est de 15\u202F000,00\u00A0$"));
  /* Sentences do not go into JSON: refused, with a reason. */
  g_assert_cmpint (run_cli ("en", &j, &j_err, "budget", "show", "GESQ 2003", "--explain",
                            "--json", NULL), !=, 0);
  g_assert_nonnull (strstr (j_err, "--explain"));
}

static void
test_refusals (void)
{
  struct
  {
    const char *args[12];
  } bad[] = {
    { { "funder", "add", "MRI", NULL } },                                     /* exists */
    { { "funder", "add", "X", "--kind", "ministry", NULL } },
    { { "budget", "offer", "GESQ 2003", "MRI", "--ratio", "2", NULL } },
    { { "budget", "offer", "GESQ 2003", "MRI", NULL } },
    { { "budget", "offer", "GESQ 2003", "Nobody", "--ratio", "1:1", NULL } },
    { { "budget", "offer", "GESQ 2003", "MRI", "--ratio", "1:1", "--max-share", "120", NULL } },
    { { "budget", "pledge", "GESQ 2003", "P", "100", NULL } },                 /* no --line */
    { { "budget", "pledge", "GESQ 2003", "P", "100", "--line", "Z", NULL } },
    { { "budget", "pledge", "GESQ 2003", "P", "-5", "--line", "A", NULL } },
    { { "budget", "pledge", "GESQ 2003", "P", "5", "--line", "A", "--kind", "in-kind", NULL } },
    { { "budget", "line", "add", "GESQ 2003", "C", "Label", "4.500", NULL } }, /* 3 decimals */
    { { "budget", "show", "Nothing", NULL } },
  };
  g_autoptr (JsonParser) before_parser = json_parser_new ();
  g_autoptr (JsonParser) after_parser = json_parser_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  show_json ("GESQ 2003", before_parser);
  json_generator_set_root (gen, json_parser_get_root (before_parser));
  before = json_generator_to_data (gen, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "LANGUAGE", "en", TRUE);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = 0;

      g_ptr_array_add (args, (char *) cli_path);
      g_ptr_array_add (args, (char *) "--db");
      g_ptr_array_add (args, db_path);
      for (guint j = 0; bad[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (char *) bad[i].args[j]);
      g_ptr_array_add (args, NULL);
      g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, NULL));
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 1)
        g_error ("case %u should fail with status 1", i);
      g_assert_true (g_str_has_prefix (err, "cagnotte-cli: "));
      /* One line of explanation. */
      g_assert_cmpint (strchr (err, '\n') - err, ==, (gint) strlen (err) - 1);
    }

  show_json ("GESQ 2003", after_parser);
  json_generator_set_root (gen, json_parser_get_root (after_parser));
  after = json_generator_to_data (gen, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_versions_and_warnings (void)
{
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root;
  JsonArray *warnings;

  RUN_OK ("budget", "submit", "GESQ 2003");
  RUN_OK ("funder", "add", "Fondation Béati", "--kind", "foundation", "--requires-charity");
  RUN_OK ("budget", "offer", "GESQ 2003", "fondation beati", "--ratio", "1:2", "--cash-only",
          "--cap", "1000", "--lines", "A,Q");

  root = show_json ("GESQ 2003", p2);
  g_assert_cmpint (member_int (root, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "draft");
  warnings = json_object_get_array_member (root, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 2);   /* charity, line Q */

  /* Version 1 stays as submitted. */
  g_assert_cmpint (run_cli ("en", &out, &err, "budget", "show", "GESQ 2003", "--version", "1",
                            "--json", NULL), ==, 0);
  json_parser_load_from_data (p1, out, -1, NULL);
  root = json_node_get_object (json_parser_get_root (p1));
  g_assert_cmpint (member_int (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "submitted");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "funders")), ==, 2);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ("en", &out, &err, "budget", "show", "GESQ 2003", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Warning: "));
  g_assert_nonnull (strstr (out, "charitable status"));
}

static void
test_campaign_offer (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root;

  RUN_OK ("campaign", "add", "Dakar 2005", "--delegation-cost", "4500", "--start", "2003-06-01",
          "--deadline", "2006-06-01");
  g_assert_cmpint (run_cli ("en", &out, &err, "campaign", "offer", "Dakar 2005", "MRI",
                            "--ratio", "1:1", "--cap-per-fund", "2250", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, NULL);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "ratio"), ==, "1:1");
  g_assert_cmpint (member_int (root, "cap_per_fund_cents"), ==, D (2250));
  g_assert_true (json_object_get_boolean_member (root, "applies"));
}

/* Runs a command that must fail with status 1 and one line on stderr. */
static void
run_fails (const char *what, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "LANGUAGE", "en", TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status = 0;
  va_list ap;

  g_ptr_array_add (args, (char *) cli_path);
  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, db_path);
  va_start (ap, what);
  for (arg = what; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, NULL));
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 1)
    g_error ("“%s …” should fail with status 1", what);
  g_assert_true (g_str_has_prefix (err, "cagnotte-cli: "));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (gint) strlen (err) - 1);
}

/* Adds a pledge and returns its number, read from "Pledge no. N of …". */
static char *
add_pledge (const char *budget, const char *partner, const char *amount, const char *line)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *p;
  gint64 id;

  g_assert_cmpint (run_cli ("en", &out, &err, "budget", "pledge", budget, partner, amount,
                            "--line", line, NULL), ==, 0);
  p = strstr (out, "Pledge no. ");
  g_assert_nonnull (p);
  id = g_ascii_strtoll (p + strlen ("Pledge no. "), NULL, 10);
  g_assert_cmpint (id, >, 0);
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static JsonObject *
line_of (JsonObject *root, guint i)
{
  return json_array_get_object_element (json_object_get_array_member (root, "lines"), i);
}

/* line remove, offer-remove, pledge-set and pledge-remove. */
static void
test_edits (void)
{
  g_autoptr (JsonParser) p0 = json_parser_new ();
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();
  g_autoptr (JsonParser) p3 = json_parser_new ();
  g_autoptr (JsonParser) p4 = json_parser_new ();
  g_autoptr (JsonParser) p5 = json_parser_new ();
  g_autoptr (JsonParser) p6 = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  JsonObject *root;

  RUN_OK ("budget", "add", "Edits", "--start", "2003-04-01", "--end", "2004-03-31", "--preset",
          "gesq-2003");
  RUN_OK ("budget", "offer", "Edits", "MRI", "--ratio", "1:1");
  RUN_OK ("budget", "offer", "Edits", "ACDI", "--ratio", "2:1", "--lines", "B");
  id = add_pledge ("Edits", "Caisse", "10000", "A");

  /* pledge-set: amount and status. */
  g_assert_cmpint (run_cli ("en", &out, &err, "budget", "pledge-set", "Edits", id, "--amount",
                            "12 000", "--status", "confirmed", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "$12,000.00, cash, confirmed"));
  root = show_json ("Edits", p0);
  g_assert_cmpint (member_int (line_of (root, 0), "partner_cash_cents"), ==, D (12000));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ("en", &out, &err, "budget", "show", "Edits", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Confirmed"));

  /* Refused: nothing to change, in kind without a basis, a bad number, an
   * unknown pledge, a bad status; nothing changes. */
  run_fails ("budget", "pledge-set", "Edits", id, NULL);
  run_fails ("budget", "pledge-set", "Edits", id, "--kind", "in-kind", NULL);
  run_fails ("budget", "pledge-set", "Edits", "x1", "--amount", "5", NULL);
  run_fails ("budget", "pledge-set", "Edits", "999", "--amount", "5", NULL);
  run_fails ("budget", "pledge-set", "Edits", id, "--status", "maybe", NULL);
  run_fails ("budget", "pledge-set", "Edits", id, "--line", "Z", NULL);
  root = show_json ("Edits", p1);
  g_assert_cmpint (member_int (line_of (root, 0), "partner_cash_cents"), ==, D (12000));
  g_assert_cmpint (member_int (line_of (root, 0), "partner_in_kind_cents"), ==, 0);

  /* pledge-set: line and kind, with a basis. */
  RUN_OK ("budget", "pledge-set", "Edits", id, "--line", "B", "--kind", "in-kind", "--basis",
          "240 h × 50 $");
  root = show_json ("Edits", p2);
  g_assert_cmpint (member_int (line_of (root, 0), "partner_cash_cents"), ==, 0);
  g_assert_cmpint (member_int (line_of (root, 1), "partner_in_kind_cents"), ==, D (12000));
  g_assert_cmpint (member_int (root, "version"), ==, 1);

  /* offer-remove: ACDI goes, then is not found. */
  RUN_OK ("budget", "offer-remove", "Edits", "acdi");
  root = show_json ("Edits", p3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "funders")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "funders"),
                                                    0), "funder"), ==, "MRI");
  run_fails ("budget", "offer-remove", "Edits", "ACDI", NULL);
  run_fails ("budget", "offer-remove", "Edits", "Nobody", NULL);

  /* line remove: a new line goes; a line with pledges or unknown is
   * refused. */
  RUN_OK ("budget", "line", "add", "Edits", "C", "Extra", "500");
  root = show_json ("Edits", p4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "lines")), ==, 3);
  RUN_OK ("budget", "line", "remove", "Edits", "c");
  run_fails ("budget", "line", "remove", "Edits", "B", NULL);
  run_fails ("budget", "line", "remove", "Edits", "Q", NULL);
  run_fails ("budget", "line", "remove", "Edits", NULL);
  root = show_json ("Edits", p5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "lines")), ==, 2);
  g_assert_cmpint (member_int (json_object_get_object_member (root, "totals"), "amount_cents"),
                   ==, D (125000));

  /* On a submitted budget, pledge-set makes version 2 and names the copy;
   * version 1 keeps the old amount. */
  RUN_OK ("budget", "submit", "Edits");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ("en", &out, &err, "budget", "pledge-set", "Edits", id, "--amount",
                            "5000", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "makes version 2"));
  root = show_json ("Edits", p6);
  g_assert_cmpint (member_int (root, "version"), ==, 2);
  g_assert_cmpint (member_int (line_of (root, 1), "partner_in_kind_cents"), ==, D (5000));
  {
    g_autoptr (JsonParser) pv1 = json_parser_new ();
    g_autofree char *o1 = NULL;
    g_autofree char *e1 = NULL;

    g_assert_cmpint (run_cli ("en", &o1, &e1, "budget", "show", "Edits", "--version", "1",
                              "--json", NULL), ==, 0);
    json_parser_load_from_data (pv1, o1, -1, NULL);
    root = json_node_get_object (json_parser_get_root (pv1));
    g_assert_cmpint (member_int (line_of (root, 1), "partner_in_kind_cents"), ==, D (12000));
  }

  /* pledge-remove, with the number the new version gave the pledge (in
   * French), then it is gone. */
  {
    const char *p = strstr (out, "Pledge no. ");

    g_assert_nonnull (p);
    id2 = g_strdup_printf ("%" G_GINT64_FORMAT,
                           g_ascii_strtoll (p + strlen ("Pledge no. "), NULL, 10));
  }
  g_assert_cmpstr (id2, !=, id);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ("fr", &out, &err, "budget", "pledge-remove", "Edits", id2, NULL), ==,
                   0);
  g_assert_nonnull (strstr (out, "Contribution nº "));
  g_assert_nonnull (strstr (out, "retirée"));
  run_fails ("budget", "pledge-remove", "Edits", id2, NULL);
  {
    g_autoptr (JsonParser) p7 = json_parser_new ();

    root = show_json ("Edits", p7);
    g_assert_cmpint (member_int (line_of (root, 1), "partner_in_kind_cents"), ==, 0);
    g_assert_cmpint (member_int (root, "version"), ==, 2);
  }
}

/* ---- The pro-forma documents (docs/BUDGETS.md, "Funder copy and working
 * copy"), read back with pdftotext ---------------------------------------- */

/* The text of PDF (page PAGE only when > 0), every run of white space
 * (no-break spaces included) turned into one plain space, so that wrapped
 * lines and amounts compare simply. */
static char *
pdf_text_mode (const char *pdf, guint page, const char *mode)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv_all[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char *argv_page[] = { "pdftotext", "-enc", "UTF-8", mode, "-f", first, "-l", first, pdf,
                              "-", NULL };
  g_autofree char *out = NULL;
  GError *error = NULL;
  GString *flat = g_string_new (NULL);
  gboolean space = FALSE;
  int status;

  g_spawn_sync (NULL, (char **) (page > 0 ? argv_page : argv_all), NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char *c = out; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_isspace (u) || u == 0x00A0 || u == 0x202F)
        space = TRUE;
      else
        {
          if (space && flat->len > 0)
            g_string_append_c (flat, ' ');
          space = FALSE;
          g_string_append_unichar (flat, u);
        }
    }
  return g_string_free (flat, FALSE);
}

static char *
pdf_text (const char *pdf, guint page)
{
  return pdf_text_mode (pdf, page, "-layout");
}

static guint
pdf_pages (const char *pdf)
{
  guint n = 0;

  /* pdftotext separates pages with a form feed. */
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    g_autofree char *out = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL,
                  G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                  NULL, NULL);
    g_assert_nonnull (out);
    for (const char *c = out; *c != '\0'; c++)
      if (*c == '\f')
        n++;
  }
  return n;
}

#define ASSERT_HAS(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("“%s” not found in: %s", (needle), (text)); \
  } G_STMT_END
#define ASSERT_HAS_NOT(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) != NULL) \
      g_error ("“%s” should not be in: %s", (needle), (text)); \
  } G_STMT_END

static int
run_export (const char *language, const char *pdf, ...)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, pdf);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  while (args->len < 4)
    g_ptr_array_add (args, NULL);
  return run_cli (language, &out, &err, "export", "proforma", "Réseau 2004", "--output", pdf,
                  "--lang", language, args->pdata[0], args->pdata[1], args->pdata[2],
                  args->pdata[3], NULL);
}

/* The worked example under the funders' full names, with the applicant's
 * profile, and a foundation requiring charitable status (a warning). */
static void
set_up_documents (void)
{
  RUN_OK ("init");
  RUN_OK ("network", "set", "--name", "Réseau d’économie solidaire", "--address",
          "12, rue Exemple\\nMontréal (Québec) H2K 0A0", "--contact", "Hélène Exemple",
          "--charity-number", "88888 8888 RR0001", "--email", "info@exemple.org");
  RUN_OK ("funder", "add", "Ministère des Relations internationales", "--short-name", "MRI",
          "--article", "le");
  RUN_OK ("funder", "add", "Agence canadienne de développement international", "--short-name",
          "ACDI", "--article", "l'");
  RUN_OK ("funder", "add", "Fonds Exemple", "--kind", "foundation", "--requires-charity");
  RUN_OK ("budget", "add", "Réseau 2004", "--start", "2004-04-01", "--end", "2005-03-31",
          "--preset", "gesq-2003");
  RUN_OK ("budget", "offer", "Réseau 2004", "MRI", "--ratio", "2:1", "--lines", "B");
  RUN_OK ("budget", "offer", "Réseau 2004", "ACDI", "--ratio", "1:1");
  RUN_OK ("budget", "offer", "Réseau 2004", "Fonds Exemple", "--ratio", "1:2", "--cap", "100");
  RUN_OK ("budget", "pledge", "Réseau 2004", "Caisse solidaire", "10000", "--line", "A",
          "--status", "confirmed");
  RUN_OK ("budget", "pledge", "Réseau 2004", "Chantier", "20000", "--line", "B", "--kind",
          "in-kind", "--basis", "400 h × 50 $");
}

static void
test_funder_copy (void)
{
  g_autofree char *saved = db_path;
  g_autofree char *fr = NULL;
  g_autofree char *en = NULL;
  g_autofree char *all = NULL;
  g_autofree char *pdf = g_build_filename (tmp_dir, "acdi.pdf", NULL);
  g_autofree char *pdf_all = g_build_filename (tmp_dir, "all.pdf", NULL);
  guint pages;

  db_path = g_build_filename (tmp_dir, "documents.db", NULL);
  set_up_documents ();

  /* Named by its short name. */
  g_assert_cmpint (run_export ("fr", pdf, "--funder", "ACDI", NULL), ==, 0);
  fr = pdf_text (pdf, 0);
  /* The applicant block. */
  ASSERT_HAS (fr, "Réseau d’économie solidaire");
  ASSERT_HAS (fr, "12, rue Exemple Montréal (Québec) H2K 0A0");
  ASSERT_HAS (fr, "88888 8888 RR0001");
  ASSERT_HAS (fr, "Hélène Exemple");
  /* French grammar from the stored article. */
  ASSERT_HAS (fr, "Demande présentée à l’Agence canadienne de développement international");
  ASSERT_HAS (fr, "Tous les montants sont en dollars canadiens.");
  /* The balanced view: ACDI's request once 20 000 $ are secured;
   * revenues = expenses. */
  ASSERT_HAS (fr, "25 000,00 $");
  ASSERT_HAS (fr, "Total des revenus 125 000,00 $ Total des dépenses 125 000,00 $");
  ASSERT_HAS (fr, "Contributions des partenaires encore à obtenir 20 000,00 $");
  ASSERT_HAS (fr, "Acquis : 10 000,00 $");
  /* Its own terms, not the others'; no warning. */
  ASSERT_HAS (fr, "Ratio 1:1");
  ASSERT_HAS_NOT (fr, "Ratio 2:1");
  ASSERT_HAS_NOT (fr, "Ratio 1:2");
  ASSERT_HAS_NOT (fr, "bienfaisance, mais");
  ASSERT_HAS_NOT (fr, "À noter");
  /* The signature block and the page count. */
  ASSERT_HAS (fr, "Personne responsable");
  pages = pdf_pages (pdf);
  g_assert_cmpuint (pages, >=, 1);
  {
    g_autofree char *page = g_strdup_printf ("Page 1 de %u", pages);
    ASSERT_HAS (fr, page);
  }
  /* A draft: the mark on every page. */
  for (guint i = 1; i <= pages; i++)
    {
      g_autofree char *text = pdf_text (pdf, i);
      ASSERT_HAS (text, "BROUILLON");
    }

  /* English, and a funder whose article is "le". */
  g_assert_cmpint (run_export ("en", pdf, "--funder", "Ministère des Relations internationales",
                               NULL), ==, 0);
  en = pdf_text (pdf, 0);
  ASSERT_HAS (en, "Request submitted to Ministère des Relations internationales");
  ASSERT_HAS (en, "All amounts are in Canadian dollars.");
  ASSERT_HAS (en, "Total revenues $125,000.00 Total expenses $125,000.00");
  ASSERT_HAS (en, "Page 1 of");
  ASSERT_HAS (en, "DRAFT");
  ASSERT_HAS_NOT (en, "To be noted");
  g_free (fr);
  g_assert_cmpint (run_export ("fr", pdf, "--funder", "MRI", NULL), ==, 0);
  fr = pdf_text (pdf, 0);
  ASSERT_HAS (fr, "Demande présentée au Ministère des Relations internationales");
  g_free (fr);
  /* No article stored: a form that needs none. */
  g_assert_cmpint (run_export ("fr", pdf, "--funder", "Fonds Exemple", NULL), ==, 0);
  fr = pdf_text (pdf, 0);
  ASSERT_HAS (fr, "Demande — bailleur de fonds : Fonds Exemple");

  /* A short name already used by another funder, or an unknown article, is
   * refused and changes nothing. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli ("en", &out, &err, "funder", "set", "Fonds Exemple", "--short-name",
                              "acdi", NULL), ==, 1);
    ASSERT_HAS (err, "Another funder is already named");
    g_clear_pointer (&err, g_free);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_cli ("en", &out, &err, "funder", "set", "Fonds Exemple", "--article",
                              "der", NULL), ==, 1);
    ASSERT_HAS (err, "unknown article");
    g_clear_pointer (&err, g_free);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_cli ("en", &out, &err, "funder", "list", "--json", NULL), ==, 0);
    ASSERT_HAS (out, "\"short_name\" : \"ACDI\"");
    g_assert_null (strstr (out, "\"article\" : \"der\""));
    /* Setting the article later changes the heading. */
    RUN_OK ("funder", "set", "Fonds Exemple", "--article", "les", "--short-name", "FE");
    g_assert_cmpint (run_export ("fr", pdf, "--funder", "fe", NULL), ==, 0);
    g_free (fr);
    fr = pdf_text (pdf, 0);
    ASSERT_HAS (fr, "Demande présentée aux Fonds Exemple");
  }

  /* A long name without a short name: the running header of the next
   * pages wraps it rather than cutting it (-raw: in drawing order, the
   * header first). */
  {
    const char *name = "Fonds québécois de développement de la coopération internationale et "
                       "de la solidarité entre les régions et les peuples du monde";
    g_autofree char *page2 = NULL;
    g_autofree char *header = g_strdup_printf ("Version 1, brouillon Réseau 2004 — %s", name);

    RUN_OK ("funder", "add", name, "--article", "le");
    RUN_OK ("budget", "offer", "Réseau 2004", name, "--ratio", "1:3");
    g_assert_cmpint (run_export ("fr", pdf, "--funder", name, NULL), ==, 0);
    g_assert_cmpuint (pdf_pages (pdf), >=, 2);
    page2 = pdf_text_mode (pdf, 2, "-raw");
    ASSERT_HAS (page2, header);
    RUN_OK ("budget", "offer-remove", "Réseau 2004", name);
  }

  /* The working copy keeps everything, the warning included. */
  g_assert_cmpint (run_export ("fr", pdf_all, "--all", NULL), ==, 0);
  all = pdf_text (pdf_all, 0);
  ASSERT_HAS (all, "À noter");
  ASSERT_HAS (all, "Ratio 2:1");
  ASSERT_HAS (all, "Total des revenus");
  /* Both at once is refused. */
  g_assert_cmpint (run_export ("en", pdf_all, "--all", "--funder", "ACDI", NULL), !=, 0);

  /* Without a contact the funder copy is still written, with a hint. */
  RUN_OK ("network", "set", "--contact", "");
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli ("en", &out, &err, "export", "proforma", "Réseau 2004", "--output",
                              pdf, "--funder", "ACDI", NULL), ==, 0);
    ASSERT_HAS (err, "the network profile lacks");
  }

  g_unlink (db_path);
  g_free (db_path);
  db_path = g_steal_pointer (&saved);
}

/* The funder copy is made from the submitted version; a later draft does
 * not change it, and carries no DRAFT mark. */
static void
test_funder_copy_submitted (void)
{
  g_autofree char *saved = db_path;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  g_autofree char *pdf = g_build_filename (tmp_dir, "submitted.pdf", NULL);

  db_path = g_build_filename (tmp_dir, "submitted.db", NULL);
  set_up_documents ();
  RUN_OK ("budget", "submit", "Réseau 2004");
  /* A later edit makes a draft version 2 with another amount. */
  RUN_OK ("budget", "line", "add", "Réseau 2004", "C", "Évaluation", "1000");

  g_assert_cmpint (run_export ("en", pdf, "--funder", "ACDI", NULL), ==, 0);
  text = pdf_text (pdf, 0);
  ASSERT_HAS (text, "Version 1, submitted on");
  ASSERT_HAS (text, "Total expenses $125,000.00");
  ASSERT_HAS_NOT (text, "DRAFT");
  g_assert_cmpint (run_export ("en", pdf, "--all", NULL), ==, 0);
  all = pdf_text (pdf, 0);
  ASSERT_HAS (all, "Version 2, draft");
  ASSERT_HAS (all, "$126,000.00");
  ASSERT_HAS (all, "DRAFT");

  g_unlink (db_path);
  g_free (db_path);
  db_path = g_steal_pointer (&saved);
}

int
main (int argc, char **argv)
{
  GError *error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s CAGNOTTE-CLI\n", argv[0]);
      return 2;
    }
  cli_path = argv[1];
  tmp_dir = g_dir_make_tmp ("cagnotte-budget-cli-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "cli.db", NULL);

  /* The tests run in order on one database. */
  g_test_add_func ("/budget-cli/worked-example", test_worked_example);
  g_test_add_func ("/budget-cli/french-table", test_french_table);
  g_test_add_func ("/budget-cli/explain", test_explain);
  g_test_add_func ("/budget-cli/refusals", test_refusals);
  g_test_add_func ("/budget-cli/versions-and-warnings", test_versions_and_warnings);
  g_test_add_func ("/budget-cli/campaign-offer", test_campaign_offer);
  g_test_add_func ("/budget-cli/edits", test_edits);
  g_test_add_func ("/budget-cli/funder-copy", test_funder_copy);
  g_test_add_func ("/budget-cli/funder-copy-submitted", test_funder_copy_submitted);
  status = g_test_run ();

  {
    g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (tmp_dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (tmp_dir);
  }
  g_free (db_path);
  g_free (tmp_dir);
  return status;
}
