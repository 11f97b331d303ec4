/* test-backup.c — online backups while the database is open and busy, the
 * automatic copies before migrations, and restoring. */
#include "config.h"

#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cag-backup.h"
#include "cag-error.h"
#include "cag-store-private.h"
#include "csv-test-util.h"

static gint64
add_contribution (CagStore *store,
                  gint64    fund_id,
                  CagDate   date,
                  gint64    cents)
{
  g_autoptr(CagContribution) c = cag_contribution_new ();
  g_autoptr(GError) error = NULL;

  c->fund_id = fund_id;
  c->date = date;
  c->amount_cents = cents;
  g_assert_true (cag_store_contribution_add (store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static gint64
first_fund (Fixture *fx)
{
  g_autoptr(GPtrArray) funds = NULL;
  g_autoptr(GError) error = NULL;

  funds = cag_store_fund_list (fx->store, fx->dakar_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funds->len, >, 0);
  return ((CagFund *) funds->pdata[0])->id;
}

/* The copy opens as a Cagnotte database with the same ledger. */
static void
assert_copy_holds (const char *path,
                   guint       expected_count,
                   gint64      expected_total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) copy = NULL;
  gint version = -1;
  guint count = 0;

  g_assert_true (cag_backup_verify (path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, cag_store_schema_version ());

  copy = cag_store_open_existing (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_total (copy, &count), ==, expected_total);
  g_assert_cmpuint (count, ==, expected_count);
  g_assert_true (cag_store_check_totals (copy, &error));
  g_assert_no_error (error);
}

static void
test_backup_while_open (Fixture *fx, gconstpointer data)
{
  g_autofree char *dest = g_build_filename (fx->dir, "copie.db", NULL);
  g_autofree char *dest2 = g_build_filename (fx->dir, "copie2.db", NULL);
  g_autoptr(GError) error = NULL;
  gint64 fund = first_fund (fx);
  sqlite3 *other = NULL;

  add_contribution (fx->store, fund, (CagDate) { 2004, 1, 15 }, 12500);
  add_contribution (fx->store, fund, (CagDate) { 2004, 2, 15 }, 12500);

  /* Another program holds a write transaction with uncommitted changes:
   * the copy still succeeds and shows only committed data. */
  g_assert_cmpint (sqlite3_open (fx->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; PRAGMA user_version = 999;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (cag_backup_store (fx->store, dest, &error));
  g_assert_no_error (error);
  g_assert_true (cag_backup_file (fx->path, dest2, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  /* The store keeps working after the copy. */
  add_contribution (fx->store, fund, (CagDate) { 2004, 3, 15 }, 12500);

  /* A copy is one self-contained file (rollback journal, no WAL beside
   * it): bytes 18 and 19 of the header are 1 for a rollback journal. */
  {
    g_autofree char *wal = g_strconcat (dest, "-wal", NULL);
    g_autofree char *header = NULL;
    gsize length = 0;

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_get_contents (dest, &header, &length, NULL));
    g_assert_cmpuint (length, >, 100);
    g_assert_cmpint (header[18], ==, 1);
    g_assert_cmpint (header[19], ==, 1);
  }
  assert_copy_holds (dest, 2, 25000);
  assert_copy_holds (dest2, 2, 25000);
}

static void
test_backup_refusals (Fixture *fx, gconstpointer data)
{
  g_autofree char *missing_dir = g_build_filename (fx->dir, "nope", "copie.db", NULL);
  g_autofree char *missing_db = g_build_filename (fx->dir, "absent.db", NULL);
  g_autofree char *text = g_build_filename (fx->dir, "texte.db", NULL);
  g_autoptr(GError) self = NULL;
  g_autoptr(GError) nodir = NULL;
  g_autoptr(GError) nodb = NULL;
  g_autoptr(GError) notdb = NULL;

  g_assert_false (cag_backup_store (fx->store, fx->path, &self));
  g_assert_error (self, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_false (cag_backup_store (fx->store, missing_dir, &nodir));
  g_assert_error (nodir, CAG_ERROR, CAG_ERROR_IO);
  g_assert_false (cag_backup_file (missing_db, missing_dir, &nodb));
  g_assert_error (nodb, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (text, "date;montant\n2004-01-01;12\n", -1, NULL));
  g_assert_false (cag_backup_verify (text, NULL, &notdb));
  g_assert_error (notdb, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
}

static void
test_before_migration (Fixture *fx, gconstpointer data)
{
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (fx->path, ".backup-v1-", NULL);

  add_contribution (fx->store, first_fund (fx), (CagDate) { 2004, 1, 15 }, 12500);

  g_autofree char *oldest = NULL;

  for (guint i = 0; i < CAG_BACKUP_KEEP + 3; i++)
    {
      g_assert_true (cag_backup_before_migration (fx->path, 1, &error));
      g_assert_no_error (error);
      if (i == 0)
        {
          g_autoptr(GPtrArray) first = cag_backup_list_automatic (fx->path, &error);

          g_assert_cmpuint (first->len, ==, 1);
          oldest = g_strdup (first->pdata[0]);
        }
    }
  copies = cag_backup_list_automatic (fx->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copies->len, ==, CAG_BACKUP_KEEP);
  for (guint i = 0; i < copies->len; i++)
    {
      const char *path = copies->pdata[i];

      g_assert_true (g_str_has_prefix (path, prefix));
      assert_copy_holds (path, 1, 12500);
      if (i > 0)
        g_assert_cmpint (strcmp (copies->pdata[i - 1], path), <, 0);
    }
  /* The oldest ones went. */
  g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));

  /* A failed copy says so and names why. */
  {
    g_autofree char *missing = g_build_filename (fx->dir, "absent.db", NULL);
    g_autoptr(GError) failed = NULL;

    g_assert_false (cag_backup_before_migration (missing, 1, &failed));
    g_assert_nonnull (failed);
  }
}

/* Opening a database one schema version behind takes the automatic copy
 * before upgrading it. */
static void
test_migration_takes_copy (Fixture *fx, gconstpointer data)
{
  g_autofree char *old_path = g_build_filename (fx->dir, "ancienne.db", NULL);
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) upgraded = NULL;
  const CagMigration *steps;
  guint n_steps = 0;
  sqlite3 *db = NULL;
  gint version = -1;

  steps = cag_store_migrations (&n_steps);
  if (n_steps < 2)
    {
      g_test_skip ("only one schema version so far");
      return;
    }
  g_assert_cmpint (sqlite3_open (old_path, &db), ==, SQLITE_OK);
  for (guint i = 0; i + 1 < n_steps; i++)
    g_assert_cmpint (sqlite3_exec (db, steps[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u", n_steps - 1);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  upgraded = cag_store_open_existing (old_path, &error);
  g_assert_no_error (error);
  copies = cag_backup_list_automatic (old_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copies->len, ==, 1);
  g_assert_true (cag_backup_verify (copies->pdata[0], &version, &error));
  g_assert_cmpint (version, ==, (gint) n_steps - 1);

  /* A new file is not "migrated": no copy. */
  {
    g_autoptr(GPtrArray) none = cag_backup_list_automatic (fx->path, &error);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_restore (Fixture *fx, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (fx->dir, "copie.db", NULL);
  g_autofree char *safety = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fund = first_fund (fx);

  add_contribution (fx->store, fund, (CagDate) { 2004, 1, 15 }, 12500);
  add_contribution (fx->store, fund, (CagDate) { 2004, 2, 15 }, 12500);
  g_assert_true (cag_backup_store (fx->store, copy, &error));
  g_assert_no_error (error);
  add_contribution (fx->store, fund, (CagDate) { 2004, 3, 15 }, 99900);
  g_clear_pointer (&fx->store, cag_store_close);

  g_assert_true (cag_backup_restore (fx->path, copy, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  g_assert_true (g_str_has_prefix (safety, fx->path));
  assert_copy_holds (fx->path, 2, 25000);
  assert_copy_holds (safety, 3, 25000 + 99900);

  fx->store = cag_store_open_existing (fx->path, &error);
  g_assert_no_error (error);
  add_contribution (fx->store, fund, (CagDate) { 2004, 4, 15 }, 100);
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, 25100);
}

static void
test_restore_refusals (Fixture *fx, gconstpointer data)
{
  g_autofree char *text = g_build_filename (fx->dir, "texte.db", NULL);
  g_autofree char *empty = g_build_filename (fx->dir, "vide.db", NULL);
  g_autoptr(GError) not_db = NULL;
  g_autoptr(GError) foreign = NULL;
  g_autoptr(GError) itself = NULL;
  sqlite3 *db = NULL;

  add_contribution (fx->store, first_fund (fx), (CagDate) { 2004, 1, 15 }, 12500);
  g_clear_pointer (&fx->store, cag_store_close);

  g_assert_true (g_file_set_contents (text, "pas une base", -1, NULL));
  g_assert_false (cag_backup_restore (fx->path, text, NULL, &not_db));
  g_assert_error (not_db, CAG_ERROR, CAG_ERROR_DB_CORRUPT);

  /* A SQLite file that is not ours (user_version 0). */
  g_assert_cmpint (sqlite3_open (empty, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (cag_backup_restore (fx->path, empty, NULL, &foreign));
  g_assert_error (foreign, CAG_ERROR, CAG_ERROR_DB_CORRUPT);

  g_assert_false (cag_backup_restore (fx->path, fx->path, NULL, &itself));
  g_assert_error (itself, CAG_ERROR, CAG_ERROR_INVALID);

  /* Nothing changed. */
  {
    g_autoptr(GError) error = NULL;

    fx->store = cag_store_open_existing (fx->path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (ledger_total (fx->store, NULL), ==, 12500);
  }
}


/* A file that is not a Cagnotte database, or one of a newer version, is not
 * copied. */
static void
test_backup_source_refusals (Fixture *fx, gconstpointer data)
{
  g_autofree char *foreign = g_build_filename (fx->dir, "autre.db", NULL);
  g_autofree char *dest = g_build_filename (fx->dir, "copie.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1; CREATE TABLE t (x)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (cag_backup_file (foreign, dest, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_clear_error (&error);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));

  g_clear_pointer (&fx->store, cag_store_close);
  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (cag_backup_file (fx->path, dest, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_TOO_NEW);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

/* A restore refuses a copy whose application_id is not Cagnotte's, and a
 * database that another connection holds open (here: reading). */
static void
test_restore_identity_and_readers (Fixture *fx, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (fx->dir, "copie.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) reader = NULL;
  sqlite3 *db = NULL;
  gint64 fund = first_fund (fx);

  add_contribution (fx->store, fund, (CagDate) { 2004, 1, 15 }, 12500);
  g_assert_true (cag_backup_store (fx->store, copy, &error));
  add_contribution (fx->store, fund, (CagDate) { 2004, 2, 15 }, 700);
  g_clear_pointer (&fx->store, cag_store_close);

  /* Another program with the database open and reading: refused. */
  reader = cag_store_open_existing (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (cag_store_read_begin (reader, &error));
  g_assert_false (cag_backup_restore (fx->path, copy, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_LOCKED);
  g_clear_error (&error);
  cag_store_read_end (reader);
  g_assert_cmpint (ledger_total (reader, NULL), ==, 13200);
  g_clear_pointer (&reader, cag_store_close);

  /* The same copy with another program's application_id: refused. */
  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 42", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (cag_backup_restore (fx->path, copy, NULL, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_clear_error (&error);

  fx->store = cag_store_open_existing (fx->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, 13200);
}

/* Only the last CAG_BACKUP_KEEP copies taken before a restore are kept. */
static void
test_restore_prunes (Fixture *fx, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (fx->dir, "copie.db", NULL);
  g_autofree char *base = g_path_get_basename (fx->path);
  g_autofree char *prefix = g_strdup_printf ("%s.before-restore-", base);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *oldest = NULL;
  const char *name;
  guint kept = 0;

  g_assert_true (cag_backup_store (fx->store, copy, &error));
  g_clear_pointer (&fx->store, cag_store_close);
  /* An old one, by its name. */
  oldest = g_strdup_printf ("%s.before-restore-20010101T000000Z", fx->path);
  g_assert_true (g_file_set_contents (oldest, "old", -1, NULL));
  for (guint i = 0; i < CAG_BACKUP_KEEP + 2; i++)
    {
      g_assert_true (cag_backup_restore (fx->path, copy, NULL, &error));
      g_assert_no_error (error);
    }
  dir = g_dir_open (fx->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      kept++;
  g_assert_cmpuint (kept, ==, CAG_BACKUP_KEEP);
  g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
}

/* A backup killed half way leaves a temporary file next to its target; the
 * next opening of a database in that folder deletes it (its process is
 * gone), and leaves alone those of a live process. */
static void
test_killed_backup_cleaned (Fixture *fx, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (fx->path);
  g_autofree char *base = g_path_get_basename (fx->path);
  g_autofree char *stale = NULL;
  g_autofree char *live = NULL;
  g_autoptr(GError) error = NULL;
  pid_t child;
  int status = 0;

  /* A process that is gone: a child that exits at once. */
  child = fork ();
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  stale = g_strdup_printf ("%s/.%s.before-restore-x.cagtmp-%d-AbCdEf", dir, base, (int) child);
  live = g_strdup_printf ("%s/.%s.cagtmp-%d-GhIjKl", dir, base, (int) getpid ());
  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (live, "in progress", -1, NULL));

  g_clear_pointer (&fx->store, cag_store_close);
  fx->store = cag_store_open_existing (fx->path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_unlink (live);
}

/* Opening never turns an empty file, or something that is not a regular
 * file, into a database unless the caller creates. */
static void
test_open_empty_and_special (Fixture *fx, gconstpointer data)
{
  g_autofree char *empty = g_build_filename (fx->dir, "vide.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  store = cag_store_open_existing (empty, &error);
  g_assert_null (store);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (g_stat (empty, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);

  store = cag_store_open ("/dev/null", &error);
  g_assert_null (store);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_clear_error (&error);
  store = cag_store_open_existing ("/dev/null", &error);
  g_assert_null (store);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_clear_error (&error);

  /* A creating call may use the empty file. */
  store = cag_store_open (empty, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

/* A read-only command of the CLI on an empty file or /dev/null refuses and
 * leaves the file as it was; init may create. */
static void
test_cli_read_only_never_creates (Fixture *fx, gconstpointer data)
{
  g_autofree char *empty = g_build_filename (fx->dir, "vide.db", NULL);
  const char *commands[] = { "status", "check", "org" };
  GStatBuf st;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    for (guint target = 0; target < 2; target++)
      {
        const char *db = target == 0 ? empty : "/dev/null";
        const char *argv[] = { CAGNOTTE_CLI_PATH, "--db", db, commands[i], NULL };
        g_autofree char *err = NULL;
        int wait_status = 0;

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                     NULL, NULL, NULL, &err, &wait_status, NULL));
        g_assert_true (WIFEXITED (wait_status));
        g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
        g_assert_cmpint (g_stat (empty, &st), ==, 0);
        g_assert_cmpint (st.st_size, ==, 0);
      }
  {
    const char *argv[] = { CAGNOTTE_CLI_PATH, "--db", empty, "init", NULL };
    int wait_status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                 &wait_status, NULL));
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
    g_assert_cmpint (g_stat (empty, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 0);
  }
}

/* Enough rows for the copy to take several steps. */
static void
add_many (Fixture *fx,
          guint    count)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cag_contribution_free);
  g_autoptr(GError) error = NULL;
  gint64 fund = first_fund (fx);

  for (guint i = 0; i < count; i++)
    {
      CagContribution *c = cag_contribution_new ();

      c->fund_id = fund;
      c->date = (CagDate) { 2004, 1 + (gint) (i % 12), 1 + (gint) (i % 28) };
      c->amount_cents = 100;
      c->reference = g_strdup_printf ("référence de chèque numéro %u", i);
      g_ptr_array_add (batch, c);
    }
  g_assert_true (cag_store_contribution_add_batch (fx->store, batch, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint         last_done;
  guint         total;
  guint         cancel_at;   /* 0: never */
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  Progress *p = data;

  g_assert_cmpuint (done, >=, p->last_done);
  g_assert_cmpuint (done, <=, total);
  p->calls++;
  p->last_done = done;
  p->total = total;
  if (p->cancel_at > 0 && p->calls == p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static guint
count_temporaries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".cagtmp-") != NULL || strstr (name, "before-restore") != NULL)
      n++;
  return n;
}

/* A backup cancelled half way leaves no file at all; one that runs to the
 * end reports every page. */
static void
test_backup_cancel (Fixture *fx, gconstpointer data)
{
  g_autofree char *dest = g_build_filename (fx->dir, "copie.db", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress p = { cancellable, 0, 0, 0, 1 };

  add_many (fx, 4000);
  g_assert_false (cag_backup_file_full (fx->path, dest, cancellable, progress_cb, &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (p.calls, ==, 1);
  g_assert_cmpuint (p.last_done, <, p.total);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temporaries (fx->dir), ==, 0);

  g_cancellable_reset (cancellable);
  p = (Progress) { cancellable, 0, 0, 0, 0 };
  g_assert_true (cag_backup_file_full (fx->path, dest, cancellable, progress_cb, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.calls, >, 1);
  g_assert_cmpuint (p.last_done, ==, p.total);
  assert_copy_holds (dest, 4000, 400000);
}

/* A restore cancelled half way leaves the database as it was, and no
 * safety copy. */
static void
test_restore_cancel (Fixture *fx, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (fx->dir, "copie.db", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  Progress p = { cancellable, 0, 0, 0, 1 };
  gint64 fund = first_fund (fx);

  add_many (fx, 4000);
  g_assert_true (cag_backup_store (fx->store, copy, &error));
  add_contribution (fx->store, fund, (CagDate) { 2004, 3, 15 }, 99900);
  g_clear_pointer (&fx->store, cag_store_close);
  {
    char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (fx->path, &contents, &length, NULL));
    before = g_bytes_new_take (contents, length);
  }

  g_assert_false (cag_backup_restore_full (fx->path, copy, NULL, cancellable, progress_cb, &p,
                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (p.calls, ==, 1);
  g_assert_cmpuint (count_temporaries (fx->dir), ==, 0);
  {
    char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (fx->path, &contents, &length, NULL));
    after = g_bytes_new_take (contents, length);
  }
  g_assert_true (g_bytes_equal (before, after));

  fx->store = cag_store_open_existing (fx->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_total (fx->store, NULL), ==, 400000 + 99900);
  g_assert_true (cag_store_check_totals (fx->store, &error));
}

/* The backup's rename is followed by an fsync of the folder, so that a power
 * cut cannot undo it (cagnotte-cli backup, with an LD_PRELOAD spy). */
static void
test_backup_syncs_folder (Fixture *fx, gconstpointer data)
{
  g_autofree char *dest = g_build_filename (fx->dir, "copie.db", NULL);
  g_autofree char *log = g_build_filename (fx->dir, "spy.log", NULL);
  g_autofree char *contents = NULL;
  const char *argv[] = { CAGNOTTE_CLI_PATH, "--db", fx->path, "backup", "--output", dest, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  const char *last_rename;
  int wait_status = 0;

  g_clear_pointer (&fx->store, cag_store_close);
  envp = g_environ_setenv (envp, "LD_PRELOAD", CAG_FSYNC_SPY, TRUE);
  envp = g_environ_setenv (envp, "CAG_FSYNC_SPY_LOG", log, TRUE);
  envp = g_environ_setenv (envp, "ASAN_OPTIONS", "verify_asan_link_order=0", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, NULL, &wait_status, NULL));
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (log, &contents, NULL, NULL));
  last_rename = g_strrstr (contents, "rename\n");
  g_assert_nonnull (last_rename);
  g_assert_nonnull (strstr (last_rename, "fsync-dir\n"));
}

static void
set_up_cb (Fixture       *fx,
           gconstpointer  data)
{
  fixture_set_up (fx, TRUE);
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

#define ADD(path, func) g_test_add ("/backup/" path, Fixture, NULL, set_up_cb, func, tear_down_cb)
  ADD ("while-open", test_backup_while_open);
  ADD ("refusals", test_backup_refusals);
  ADD ("before-migration", test_before_migration);
  ADD ("migration-takes-copy", test_migration_takes_copy);
  ADD ("restore", test_restore);
  ADD ("restore-refusals", test_restore_refusals);
  ADD ("source-refusals", test_backup_source_refusals);
  ADD ("restore-identity-and-readers", test_restore_identity_and_readers);
  ADD ("restore-prunes", test_restore_prunes);
  ADD ("killed-backup-cleaned", test_killed_backup_cleaned);
  ADD ("open-empty-and-special", test_open_empty_and_special);
  ADD ("cli-read-only-never-creates", test_cli_read_only_never_creates);
  ADD ("backup-cancel", test_backup_cancel);
  ADD ("restore-cancel", test_restore_cancel);
  ADD ("backup-syncs-folder", test_backup_syncs_folder);
#undef ADD

  return g_test_run ();
}
