/* test-copy.c — cagnotte-cli copy: a whole network moved into an empty file,
 * ids kept, and every refusal leaving the target as it was
 * (docs/SERVER.md, "Moving a network between a file and a server"). */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cag-copy.h"
#include "cag-error.h"

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

/* cagnotte-cli --db DB ARGS… in LANG ("" for English), with a fixed today. */
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
  env = g_environ_setenv (env, "CAGNOTTE_TODAY", "2004-10-15", TRUE);
  env = g_environ_unsetenv (env, "LANG");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("$ cagnotte-cli %s → %d\n%s%s", args[0], run->status, run->out, run->err);
}

#define CLI(run, db, lang, ...) \
  run_cli (run, db, lang, (const char * const[]) { __VA_ARGS__, NULL })

/* The example network, with a void, a network profile and a second budget
 * version, so that each kind of record is there to copy. */
static char *
make_network (const char *dir)
{
  char *db = g_build_filename (dir, "source.db", NULL);
  g_auto(Run) a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 }, e = { 0 };

  CLI (&a, db, "", "demo", "--as-of", "2004-10-15");
  g_assert_cmpint (a.status, ==, 0);
  CLI (&b, db, "", "contribution", "void", "3", "--reason", "Chèque sans provision");
  g_assert_cmpint (b.status, ==, 0);
  CLI (&c, db, "", "network", "set", "--name", "GESQ", "--contact", "Marie Tremblay");
  g_assert_cmpint (c.status, ==, 0);
  CLI (&d, db, "", "budget", "submit", "1");
  g_assert_cmpint (d.status, ==, 0);
  /* An edit after submitting makes version 2; version 1 stays as it was. */
  CLI (&e, db, "", "budget", "pledge-set", "1", "1", "--status", "received");
  g_assert_cmpint (e.status, ==, 0);
  return db;
}

/* Every row of every table, in id order, as text: two databases with the
 * same dump hold the same records. */
static char *
dump (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2",
                                              sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (out, "[%s]\n", sqlite3_column_text (tables, 0));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            g_string_append_printf (out, "%s%s:%s", i > 0 ? "|" : "",
                                    sqlite3_column_decltype (rows, i),
                                    sqlite3_column_type (rows, i) == SQLITE_NULL
                                    ? "∅" : (const char *) sqlite3_column_text (rows, i));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static char *
cli_out (const char         *db,
         const char * const *args)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, db, "", args);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static void
assert_same_network (const char *a,
                     const char *b)
{
  static const char * const status[] = { "--json", "status", NULL };
  static const char * const budget[] = { "budget", "show", "1", "--json", NULL };
  static const char * const budget_v1[] = { "budget", "show", "1", "--version", "1", "--json",
                                            NULL };
  static const char * const check[] = { "check", NULL };
  g_autofree char *dump_a = dump (a);
  g_autofree char *dump_b = dump (b);
  g_autofree char *status_a = cli_out (a, status);
  g_autofree char *status_b = cli_out (b, status);
  g_autofree char *budget_a = cli_out (a, budget);
  g_autofree char *budget_b = cli_out (b, budget);
  g_autofree char *v1_a = cli_out (a, budget_v1);
  g_autofree char *v1_b = cli_out (b, budget_v1);
  g_autofree char *check_b = cli_out (b, check);

  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (status_a, ==, status_b);
  g_assert_cmpstr (budget_a, ==, budget_b);
  g_assert_cmpstr (v1_a, ==, v1_b);
}

static void
test_copy_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-copy-XXXXXX", NULL);
  g_autofree char *source = make_network (dir);
  g_autofree char *middle = g_build_filename (dir, "middle.db", NULL);
  g_autofree char *back = g_build_filename (dir, "sub", "back.db", NULL);
  g_autofree char *source_dump = dump (source);
  g_autofree char *audit = NULL;
  g_auto(Run) a = { 0 }, b = { 0 }, c = { 0 };

  /* The example holds what the copy must carry. */
  g_assert_nonnull (strstr (source_dump, "Chèque sans provision"));
  g_assert_nonnull (strstr (source_dump, "Marie Tremblay"));
  g_assert_nonnull (strstr (source_dump, "submitted"));
  g_assert_nonnull (strstr (source_dump, "INTEGER:2|INTEGER:1|INTEGER:2|TEXT:draft"));
  g_assert_nonnull (strstr (source_dump, "[audit_log]\nINTEGER:1|"));

  CLI (&a, source, "", "copy", "--to", middle);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_nonnull (strstr (a.out, "records from"));
  assert_same_network (source, middle);

  /* And back, through --from, into a folder that does not exist yet. */
  CLI (&b, "/nonexistent/unused.db", "", "--json", "copy", "--from", middle, "--to", back);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_nonnull (strstr (b.out, "\"rows\" : "));
  assert_same_network (source, back);

  /* The source was only read. */
  audit = dump (source);
  g_assert_cmpstr (audit, ==, source_dump);

  CLI (&c, source, "", "check");
  g_assert_cmpint (c.status, ==, 0);
}

/* Every table of the schema is in the copy's list, and nothing else. */
static void
test_copy_covers_schema (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-copy-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "schema.db", NULL);
  g_auto(Run) run = { 0 };
  const char * const *tables = cag_copy_tables ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count = 0;

  CLI (&run, path, "", "init");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      g_test_message ("table %s", name);
      g_assert_true (g_strv_contains (tables, name));
      count++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (count, ==, g_strv_length ((char **) tables));
}

static void
test_copy_refusals (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-copy-XXXXXX", NULL);
  g_autofree char *source = make_network (dir);
  g_autofree char *full = g_build_filename (dir, "full.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *never = g_build_filename (dir, "never.db", NULL);
  g_autofree char *full_dump = NULL;
  g_autofree char *after = NULL;
  g_autofree char *notes = NULL;
  g_auto(Run) a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 }, e = { 0 }, f = { 0 }, g = { 0 },
              h = { 0 };

  /* A target that holds data: refused, in French too, and left as it was. */
  CLI (&a, full, "", "org", "add", "Solidarité Laurentides");
  g_assert_cmpint (a.status, ==, 0);
  full_dump = dump (full);
  CLI (&b, source, "", "copy", "--to", full);
  g_assert_cmpint (b.status, ==, 1);
  g_assert_nonnull (strstr (b.err, "already holds data"));
  CLI (&c, source, "fr", "copy", "--to", full);
  g_assert_cmpint (c.status, ==, 1);
  g_assert_nonnull (strstr (c.err, "contient déjà des données"));
  after = dump (full);
  g_assert_cmpstr (after, ==, full_dump);

  /* Not a Cagnotte file: refused, untouched. */
  g_assert_true (g_file_set_contents (text, "des notes\n", -1, NULL));
  CLI (&d, source, "", "copy", "--to", text);
  g_assert_cmpint (d.status, ==, 1);
  g_assert_true (g_file_get_contents (text, &notes, NULL, NULL));
  g_assert_cmpstr (notes, ==, "des notes\n");

  /* The same database, a missing source, a server that is not there:
   * refused, and no target file left behind. */
  CLI (&e, source, "", "copy", "--to", source);
  g_assert_cmpint (e.status, ==, 1);
  g_assert_nonnull (strstr (e.err, "same database"));
  CLI (&f, source, "", "copy", "--from", missing, "--to", never);
  g_assert_cmpint (f.status, ==, 1);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  CLI (&g, source, "", "copy", "--to", "postgresql:///cagnotte?host=/nonexistent-cagnotte");
  g_assert_cmpint (g.status, ==, 1);
  g_assert_nonnull (strstr (g.err, "/nonexistent-cagnotte"));
  CLI (&h, source, "", "copy");
  g_assert_cmpint (h.status, ==, 1);
  g_assert_nonnull (strstr (h.err, "--to"));
}

/* A source whose kept totals disagree with its ledger is not copied, and the
 * new target file it would have made is removed. */
static void
test_copy_damaged_source (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-copy-XXXXXX", NULL);
  g_autofree char *source = make_network (dir);
  g_autofree char *target = g_build_filename (dir, "target.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 rows = -1;

  g_assert_cmpint (sqlite3_open (source, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE fund SET saved_total_cents = saved_total_cents + 1 "
                                 "WHERE id = 2", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (cag_copy_network (source, target, &rows, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_assert_cmpint (rows, ==, -1);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/copy/round-trip", test_copy_round_trip);
  g_test_add_func ("/copy/covers-schema", test_copy_covers_schema);
  g_test_add_func ("/copy/refusals", test_copy_refusals);
  g_test_add_func ("/copy/damaged-source", test_copy_damaged_source);
  return g_test_run ();
}
