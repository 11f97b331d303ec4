/* test-check.c — `cagnotte-cli check` finds real damage: bytes flipped at
 * many offsets of a copy of the example data; every copy that SQLite itself
 * calls damaged (open, read or PRAGMA integrity_check fails) must make
 * `check` exit 1, and no copy may crash it (docs/RELIABILITY.md).
 *
 * Also: text output of hostile data is escaped.
 *
 * Arguments: the path of cagnotte-cli, then the number of flips. */

#include <string.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib.h>
#include <glib/gstdio.h>

static const char *cli_path;
static guint n_flips = 150;

static int
run_cli (const char *db,
         const char *command,
         char      **out_err)
{
  const char *argv[] = { cli_path, "--db", db, command, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, out_err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/* What SQLite says of PATH: TRUE when it cannot be opened or read, or when
 * its integrity check reports a problem. */
static gboolean
sqlite_calls_damaged (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean damaged = TRUE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      damaged = FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
          damaged = TRUE;
      if (rc != SQLITE_DONE)
        damaged = TRUE;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return damaged;
}

static void
remove_with_journal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

static void
test_check_byte_flips (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-check-XXXXXX", &error);
  g_autofree char *example = g_build_filename (dir, "example.db", NULL);
  g_autofree char *judge = g_build_filename (dir, "judge.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20031105);
  const char *demo_argv[] = { cli_path, "--db", example, "demo", NULL };
  gsize length = 0;
  guint damaged = 0, refused = 0;
  int wait_status = 0;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) demo_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_cmpint (run_cli (example, "check", NULL), ==, 0);
  g_file_get_contents (example, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100000);

  for (guint i = 0; i < n_flips; i++)
    {
      /* Half the flips in the first pages (schema, header, root pages). */
      gsize offset = i % 2 == 0 ? (gsize) g_rand_int_range (rand, 0, 16384)
                                : (gsize) g_rand_int_range (rand, 0, (gint32) length);
      guint8 mask = (guint8) g_rand_int_range (rand, 1, 256);
      g_autofree char *err = NULL;
      int status;

      contents[offset] ^= (char) mask;
      g_file_set_contents (judge, contents, length, &error);
      g_assert_no_error (error);
      g_file_set_contents (copy, contents, length, &error);
      g_assert_no_error (error);
      contents[offset] ^= (char) mask;

      status = run_cli (copy, "check", &err);
      g_assert_cmpint (status, <=, 1);
      if (status == 1)
        refused++;
      if (sqlite_calls_damaged (judge))
        {
          damaged++;
          if (status != 1)
            g_error ("offset %" G_GSIZE_FORMAT " mask %u: SQLite calls the file damaged, "
                     "but check exits %d", offset, mask, status);
          g_assert_nonnull (strstr (err, "cagnotte-cli:"));
        }
      remove_with_journal (judge);
      remove_with_journal (copy);
    }
  g_test_message ("%u flips: SQLite called %u damaged, check refused %u", n_flips, damaged,
                  refused);
  /* The flips must have hit something, or the test proves nothing. */
  g_assert_cmpuint (damaged, >=, n_flips / 10);
  remove_with_journal (example);
  g_rmdir (dir);
}

static char *
run_cli_out (const char        *db,
             const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_path);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "LANGUAGE", "fr", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  /* Errors are escaped too. */
  g_assert_null (strchr (err, '\x1b'));
  return out;
}

/* Text that holds escape sequences and carriage returns (written by an
 * older version or another tool) is printed escaped: the terminal never
 * receives an escape byte or a carriage return from the data. */
static void
test_text_output_escaped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-escape-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "example.db", NULL);
  const char *demo_argv[] = { cli_path, "--db", db_path, "demo", NULL };
  const char *const commands[][4] = {
    { "org", "list", NULL }, { "status", NULL }, { "contribution", "list", NULL },
    { "fund", "list", NULL }, { "org", "edit", "\x1b", NULL }, { "status", "1", NULL },
  };
  sqlite3 *db = NULL;
  int wait_status = 0;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) demo_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE organization SET name = 'Evil' || char(27) || ']0;pwn' "
                                 "|| char(7) || char(13) || 'X', notes = 'a' || char(27) || "
                                 "'[2J' WHERE id = 1;"
                                 "UPDATE contribution SET reference = 'R' || char(27) || '[31m' "
                                 "|| char(13) || char(10) || 'Z' WHERE id <= 5;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = run_cli_out (db_path, commands[i]);

      g_assert_null (strchr (out, '\x1b'));
      g_assert_null (strchr (out, '\r'));
      g_assert_null (strchr (out, '\x07'));
    }
  {
    const char *const org_list[] = { "org", "list", NULL };
    g_autofree char *out = run_cli_out (db_path, org_list);

    g_assert_nonnull (strstr (out, "Evil\\x1b]0;pwn\\x07\\rX"));
  }
  remove_with_journal (db_path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, >=, 2);
  cli_path = argv[1];
  if (argc >= 3)
    n_flips = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  g_test_add_func ("/check/byte-flips", test_check_byte_flips);
  g_test_add_func ("/check/text-output-escaped", test_text_output_escaped);
  return g_test_run ();
}
