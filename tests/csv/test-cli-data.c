/* test-cli-data.c — cagnotte-cli import, export csv, backup and restore, run
 * as a user would, on a database prepared through the core. */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include <sqlite3.h>
#include "cag-backup.h"
#include "cag-store-private.h"
#include "csv-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs cagnotte-cli --db DB ARGS… with LANGUAGE set to LANG ("" for
 * English). */
static void
run_cli (Run                *run,
         const char         *db,
         const char         *lang,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) CAGNOTTE_CLI_PATH);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LANGUAGE", lang, TRUE);
  env = g_environ_unsetenv (env, "LANG");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("$ cagnotte-cli … %s → %d\n%s%s", args[0], run->status, run->out, run->err);
}

static void
prepare (Fixture *fx)
{
  fixture_set_up (fx, TRUE);
  /* The command line opens the database itself. */
  g_clear_pointer (&fx->store, cag_store_close);
}

static void
test_import (void)
{
  g_autofree char *fr = data_path ("fr-libreoffice-cp1252.csv");
  Fixture fx = { 0 };

  prepare (&fx);
  {
    g_auto (Run) dry = { 0 };

    run_cli (&dry, fx.path, "",
             (const char *[]) { "import", "contributions", fr, "--dry-run", "--campaign",
                                "Dakar 2005", NULL });
    g_assert_cmpint (dry.status, ==, 0);
    g_assert_nonnull (strstr (dry.out, "13 contributions"));
    g_assert_nonnull (strstr (dry.out, "nothing was changed"));
  }
  {
    g_auto (Run) real = { 0 };

    run_cli (&real, fx.path, "",
             (const char *[]) { "import", "contributions", fr, "--campaign", "Dakar 2005",
                                NULL });
    g_assert_cmpint (real.status, ==, 0);
    g_assert_nonnull (strstr (real.out, "13 contributions imported"));
  }
  {
    g_auto (Run) again = { 0 };

    run_cli (&again, fx.path, "",
             (const char *[]) { "import", "contributions", fr, "--campaign", "Dakar 2005",
                                NULL });
    g_assert_cmpint (again.status, ==, 0);
    g_assert_nonnull (strstr (again.out, "0 contributions imported"));
    g_assert_nonnull (strstr (again.out, "13 rows already in the database"));
  }
  {
    g_autoptr(CagStore) store = NULL;
    g_autoptr(GError) error = NULL;
    guint count = 0;

    store = cag_store_open_existing (fx.path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (ledger_total (store, &count), ==, 268750);
    g_assert_cmpuint (count, ==, 13);
  }
  fixture_tear_down (&fx);
}

static void
test_import_problems (void)
{
  g_autofree char *bad = NULL;
  g_autoptr(GError) error = NULL;
  Fixture fx = { 0 };

  prepare (&fx);
  bad = g_build_filename (fx.dir, "mauvais.csv", NULL);
  g_assert_true (g_file_set_contents (bad,
                                      "Date;Organisation;Montant\r\n"
                                      "15/01/2004;RISQ;125,00\r\n"
                                      "16/01/2004;RISQ;douze\r\n"
                                      "17/01/2004;Inconnue;125,00\r\n", -1, &error));

  for (guint dry = 0; dry < 2; dry++)
    {
      g_auto (Run) run = { 0 };
      const char *args[] = { "import", "contributions", bad, "--campaign", "Dakar 2005",
                             dry ? "--dry-run" : NULL, NULL };

      run_cli (&run, fx.path, "", args);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.out, "line 3, column amount: "));
      g_assert_nonnull (strstr (run.out, "\nline 4, column organization: "));
      g_assert_nonnull (strstr (run.err, "2 problems"));
      g_assert_nonnull (strstr (run.err, "--create-organizations"));
    }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, fx.path, "fr",
             (const char *[]) { "import", "contributions", bad, "--campaign", "Dakar 2005",
                                NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.out, "ligne 3, colonne montant"));
  }
  {
    g_auto (Run) usage = { 0 };

    run_cli (&usage, fx.path, "", (const char *[]) { "import", "contributions", NULL });
    g_assert_cmpint (usage.status, ==, 1);
  }
  fixture_tear_down (&fx);
}

static void
test_import_json (void)
{
  g_autofree char *fr = data_path ("fr-libreoffice-cp1252.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto (Run) run = { 0 };
  JsonObject *root;
  Fixture fx = { 0 };

  prepare (&fx);
  run_cli (&run, fx.path, "",
           (const char *[]) { "--json", "import", "contributions", fr, "--dry-run",
                              "--campaign", "Dakar 2005", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (root, "dry_run"));
  g_assert_false (json_object_get_boolean_member (root, "imported"));
  g_assert_cmpstr (json_object_get_string_member (root, "encoding"), ==, "WINDOWS-1252");
  g_assert_cmpstr (json_object_get_string_member (root, "delimiter"), ==, ";");
  g_assert_cmpint (json_object_get_int_member (root, "added"), ==, 13);
  g_assert_cmpint (json_object_get_int_member (root, "added_cents"), ==, 268750);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==,
                    0);
  fixture_tear_down (&fx);
}

static void
test_export (void)
{
  g_autofree char *fr = data_path ("fr-libreoffice-cp1252.csv");
  g_autofree char *out_fr = NULL;
  g_autofree char *out_en = NULL;
  g_autofree char *status = NULL;
  Fixture fx = { 0 };

  prepare (&fx);
  out_fr = g_build_filename (fx.dir, "versements.csv", NULL);
  out_en = g_build_filename (fx.dir, "contributions.csv", NULL);
  status = g_build_filename (fx.dir, "etat.csv", NULL);
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, fx.path, "",
             (const char *[]) { "import", "contributions", fr, "--campaign", "Dakar 2005",
                                NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (Run) run = { 0 };
    g_autofree char *text = NULL;

    run_cli (&run, fx.path, "fr",
             (const char *[]) { "export", "csv", "contributions", "Dakar 2005", "--output",
                                out_fr, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (out_fr, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "date;organisation;"));
    g_assert_nonnull (strstr (text, ";1250,00;"));
  }
  {
    g_auto (Run) run = { 0 };
    g_autofree char *text = NULL;

    run_cli (&run, fx.path, "",
             (const char *[]) { "export", "csv", "contributions", "--output", out_en, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (out_en, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "date,organization,"));
    g_assert_nonnull (strstr (text, ",1250.00,"));
  }
  {
    g_auto (Run) run = { 0 };
    g_autofree char *text = NULL;

    run_cli (&run, fx.path, "fr",
             (const char *[]) { "export", "csv", "status", "--campaign", "Dakar 2005",
                                "--as-of", "2004-06-15", "--output", status, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (status, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "2004-06-15;Écof de l’Outaouais;Écof;"));
  }
  {
    g_auto (Run) missing = { 0 };
    g_auto (Run) unknown = { 0 };

    run_cli (&missing, fx.path, "", (const char *[]) { "export", "csv", "status", NULL });
    g_assert_cmpint (missing.status, ==, 1);
    run_cli (&unknown, fx.path, "",
             (const char *[]) { "export", "csv", "budgets", "--output", status, NULL });
    g_assert_cmpint (unknown.status, ==, 1);
  }
  fixture_tear_down (&fx);
}

static void
test_backup_restore (void)
{
  g_autofree char *fr = data_path ("fr-libreoffice-cp1252.csv");
  g_autofree char *en = data_path ("en-libreoffice.csv");
  g_autofree char *copy = NULL;
  Fixture fx = { 0 };

  prepare (&fx);
  copy = g_build_filename (fx.dir, "sauvegarde.db", NULL);
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, fx.path, "",
             (const char *[]) { "import", "contributions", fr, "--campaign", "Dakar 2005",
                                NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (Run) run = { 0 };
    g_autoptr(GError) error = NULL;

    run_cli (&run, fx.path, "", (const char *[]) { "backup", "--output", copy, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (cag_backup_verify (copy, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, fx.path, "",
             (const char *[]) { "import", "contributions", en, "--campaign", "Dakar 2005",
                                NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (Run) unconfirmed = { 0 };
    g_auto (Run) run = { 0 };
    g_autoptr(CagStore) store = NULL;
    g_autoptr(GError) error = NULL;

    run_cli (&unconfirmed, fx.path, "", (const char *[]) { "restore", copy, NULL });
    g_assert_cmpint (unconfirmed.status, ==, 1);
    g_assert_nonnull (strstr (unconfirmed.err, "--yes"));

    run_cli (&run, fx.path, "", (const char *[]) { "restore", copy, "--yes", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "before-restore"));

    store = cag_store_open_existing (fx.path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (ledger_total (store, NULL), ==, 268750);
  }
  {
    g_autofree char *absent = g_build_filename (fx.dir, "absente.db", NULL);
    g_auto (Run) run = { 0 };

    run_cli (&run, absent, "", (const char *[]) { "backup", "--output", copy, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (absent, G_FILE_TEST_EXISTS));
  }
  fixture_tear_down (&fx);
}

/* The dry run says which lines were read as Windows-1252, and lists the
 * rows after the deadline as warnings; in both languages. */
static void
test_import_encoding_and_warnings (void)
{
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  Fixture fx = { 0 };
  const struct { const char *lang, *encoding, *warning; } langs[] = {
    { "", "1 line was not UTF-8 and was read as Windows-1252 (line 3)",
      "Warning: line 4, column date: " },
    { "fr", "1 ligne n’était pas en UTF-8 et a été lue en Windows-1252 (ligne 3)",
      "Attention : ligne 4, colonne date : " },
  };

  prepare (&fx);
  file = g_build_filename (fx.dir, "mixte.csv", NULL);
  g_assert_true (g_file_set_contents (file,
                                      "Date;Organisation;Montant;Référence\n"
                                      "15/01/2004;RISQ;125,00;Réf 1\n"
                                      "16/01/2004;RISQ;125,00;R\xE9" "f 2\n"
                                      "01/12/2005;RISQ;125,00;Réf 3\n", -1, &error));
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_auto (Run) run = { 0 };

      run_cli (&run, fx.path, langs[i].lang,
               (const char *[]) { "import", "contributions", file, "--campaign", "Dakar 2005",
                                  "--dry-run", NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, langs[i].encoding));
      g_assert_nonnull (strstr (run.out, langs[i].warning));
    }
  fixture_tear_down (&fx);
}

/* Past 10,000 problems, the rest are counted in one line. */
static void
test_import_many_problems (void)
{
  g_autoptr(GString) text = g_string_new ("date;organisation;montant\n");
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto (Run) run = { 0 };
  Fixture fx = { 0 };

  prepare (&fx);
  file = g_build_filename (fx.dir, "pire.csv", NULL);
  for (guint i = 0; i < 10005; i++)
    g_string_append (text, "2004-01-15;RISQ;abc\n");
  g_assert_true (g_file_set_contents (file, text->str, (gssize) text->len, &error));
  run_cli (&run, fx.path, "fr",
           (const char *[]) { "import", "contributions", file, "--campaign", "Dakar 2005",
                              "--dry-run", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_suffix (run.out, "\n… et 5 autres problèmes.\n"));
  g_assert_nonnull (strstr (run.err, "10005"));
  fixture_tear_down (&fx);
}

/* A folder or a missing file "cannot be read"; nothing sounds like
 * success. */
static void
test_import_unreadable (void)
{
  Fixture fx = { 0 };
  g_autofree char *missing = NULL;
  const struct { const char *lang, *needle; } langs[] = {
    { "", "cannot be read" }, { "fr", "ne peut pas être lu" },
  };

  prepare (&fx);
  missing = g_build_filename (fx.dir, "absent.csv", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    for (guint k = 0; k < 2; k++)
      {
        g_auto (Run) run = { 0 };

        run_cli (&run, fx.path, langs[i].lang,
                 (const char *[]) { "import", "contributions", k == 0 ? missing : fx.dir,
                                    NULL });
        g_assert_cmpint (run.status, ==, 1);
        g_assert_nonnull (strstr (run.err, langs[i].needle));
        g_assert_cmpstr (run.out, ==, "");
      }
  fixture_tear_down (&fx);
}

/* Text that is not UTF-8 in the database (written by an old version, or by
 * another program) never reaches JSON or CSV output. */
static void
test_invalid_utf8_never_output (void)
{
  g_autofree char *csv = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  Fixture fx = { 0 };

  fixture_set_up (&fx, TRUE);
  g_assert_cmpint (sqlite3_exec (cag_store_get_db (fx.store),
                                 "UPDATE organization SET name = CAST(X'52495351E920' || name "
                                 "AS TEXT) WHERE short_name = 'RISQ'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  {
    g_autoptr(CagContribution) c = cag_contribution_new ();
    g_autoptr(GPtrArray) funds = cag_store_fund_list (fx.store, fx.dakar_id, 0, &error);
    g_autoptr(GPtrArray) orgs = cag_store_org_list (fx.store, NULL, TRUE, &error);
    gint64 risq = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < orgs->len; i++)
      if (g_strcmp0 (((CagOrganization *) orgs->pdata[i])->short_name, "RISQ") == 0)
        risq = ((CagOrganization *) orgs->pdata[i])->id;
    for (guint i = 0; i < funds->len; i++)
      if (((CagFund *) funds->pdata[i])->organization_id == risq)
        c->fund_id = ((CagFund *) funds->pdata[i])->id;
    g_assert_cmpint (c->fund_id, >, 0);
    c->date = (CagDate) { 2004, 1, 15 };
    c->amount_cents = 1000;
    g_assert_true (cag_store_contribution_add (fx.store, c, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&fx.store, cag_store_close);

  {
    g_auto (Run) run = { 0 };

    run_cli (&run, fx.path, "", (const char *[]) { "--json", "org", "list", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "RISQ"));
    g_assert_true (g_utf8_validate (run.out, -1, NULL));
  }
  csv = g_build_filename (fx.dir, "versements.csv", NULL);
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, fx.path, "", (const char *[]) { "export", "csv", "contributions",
                                                   "--output", csv, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "RISQ\xEF\xBF\xBD"));
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  fixture_tear_down (&fx);
}

int
main (int    argc,
      char **argv)
{
  cag_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-data/import", test_import);
  g_test_add_func ("/cli-data/import-problems", test_import_problems);
  g_test_add_func ("/cli-data/import-json", test_import_json);
  g_test_add_func ("/cli-data/import-encoding-and-warnings", test_import_encoding_and_warnings);
  g_test_add_func ("/cli-data/import-unreadable", test_import_unreadable);
  g_test_add_func ("/cli-data/import-many-problems", test_import_many_problems);
  g_test_add_func ("/cli-data/invalid-utf8-never-output", test_invalid_utf8_never_output);
  g_test_add_func ("/cli-data/export", test_export);
  g_test_add_func ("/cli-data/backup-restore", test_backup_restore);

  return g_test_run ();
}
