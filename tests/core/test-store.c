/* test-store.c — the SQLite ledger: records, refusals, kept totals against a
 * full recount, migrations, damaged/locked/read-only files, and that every
 * refused write leaves the file byte-for-byte as it was. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cag-backup.h"
#include "cag-error.h"
#include "cag-money.h"
#include <sqlite3.h>
#include "cag-store-private.h"
#include "cag-test-db.h"

typedef struct
{
  char     *dir;
  char     *path;
  CagStore *store;
} Fixture;

static CagDate
ymd (gint y, gint m, gint d)
{
  CagDate date = { y, m, d };

  return date;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("cagnotte-store-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = cag_test_db_location (fx->dir, "data/sub/cagnotte.db");
  fx->store = cag_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->store);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_pointer (&fx->store, cag_store_close);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static void
reopen (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&fx->store, cag_store_close);
  fx->store = cag_store_open_existing (fx->path, &error);
  g_assert_no_error (error);
}

/* Runs SQL on the store's own connection, whichever the backend. */
static void
exec_sql (CagStore   *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  CagStmt *stmt = cag_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_true (cag_stmt_step_done (store, stmt, "test", &error));
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gint64
add_org (CagStore   *store,
         const char *name,
         const char *short_name)
{
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(GError) error = NULL;

  org->name = g_strdup (name);
  org->short_name = g_strdup (short_name);
  org->region = g_strdup ("Montréal");
  g_assert_true (cag_store_org_add (store, org, &error));
  g_assert_no_error (error);
  g_assert_cmpint (org->id, >, 0);
  return org->id;
}

static gint64
add_campaign (CagStore   *store,
              const char *name,
              CagDate     start,
              CagDate     deadline)
{
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(GError) error = NULL;

  campaign->name = g_strdup (name);
  campaign->delegation_cost_cents = 450000;
  campaign->start = start;
  campaign->deadline = deadline;
  g_assert_true (cag_store_campaign_add (store, campaign, &error));
  g_assert_no_error (error);
  return campaign->id;
}

static gint64
open_fund (CagStore *store,
           gint64    org_id,
           gint64    campaign_id)
{
  g_autoptr(CagFund) fund = cag_fund_new ();
  g_autoptr(GError) error = NULL;

  fund->organization_id = org_id;
  fund->campaign_id = campaign_id;
  fund->delegations = 1;
  g_assert_true (cag_store_fund_open (store, fund, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fund->target_cents, ==, 450000);
  return fund->id;
}

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
  c->method = CAG_METHOD_CHEQUE;
  c->reference = g_strdup ("1234");
  g_assert_true (cag_store_contribution_add (store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, 0);
  g_assert_cmpstr (c->recorded_by, ==, g_get_user_name ());
  g_assert_nonnull (c->recorded_at);
  return c->id;
}

/* The example fund: Dakar 2005, June 2003 to June 2006. */
static gint64
example_fund (CagStore *store)
{
  gint64 org = add_org (store, "Chantier de l’économie sociale", "CÉS");
  gint64 campaign = add_campaign (store, "Dakar 2005", ymd (2003, 6, 1), ymd (2006, 6, 1));

  return open_fund (store, org, campaign);
}

/* ---- Opening ------------------------------------------------------------ */

static void
test_store_create (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fx->path);
  g_autofree char *missing = g_build_filename (fx->dir, "missing.db", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  CagStmt *stmt;
  CagStore *other;

  g_assert_cmpint (g_stat (fx->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (cag_store_is_empty (fx->store));
  g_assert_cmpstr (cag_store_get_path (fx->store), ==, fx->path);
  g_assert_cmpint (CAG_STORE_SCHEMA_VERSION, >=, 1);

  stmt = cag_store_prepare (fx->store, "PRAGMA user_version", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cag_stmt_step (fx->store, stmt, NULL, NULL), ==, CAG_STEP_ROW);
  g_assert_cmpint (cag_stmt_column_int (stmt, 0), ==, CAG_STORE_SCHEMA_VERSION);
  cag_stmt_finish (stmt);
  stmt = cag_store_prepare (fx->store, "PRAGMA journal_mode", &error);
  g_assert_cmpint (cag_stmt_step (fx->store, stmt, NULL, NULL), ==, CAG_STEP_ROW);
  g_assert_cmpstr (cag_stmt_column_text (stmt, 0), ==, "wal");
  cag_stmt_finish (stmt);
  stmt = cag_store_prepare (fx->store, "PRAGMA foreign_keys", &error);
  g_assert_cmpint (cag_stmt_step (fx->store, stmt, NULL, NULL), ==, CAG_STEP_ROW);
  g_assert_cmpint (cag_stmt_column_int (stmt, 0), ==, 1);
  cag_stmt_finish (stmt);

  add_org (fx->store, "Réseau", NULL);
  g_assert_false (cag_store_is_empty (fx->store));
  reopen (fx);
  g_assert_cmpint (cag_store_org_count (fx->store), ==, 1);

  other = cag_store_open_existing (missing, &error);
  g_assert_null (other);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_clear_error (&error);
  other = cag_store_open (fx->dir, &error);
  g_assert_null (other);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
}

static void
test_store_default_path (void)
{
  g_autofree char *path = cag_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "cagnotte",
                                                "cagnotte.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

/* Applies migration steps [0, VERSION) by hand, as an older Cagnotte would
 * have left the file. */
static void
make_old_file (const char *path,
               guint       version)
{
  guint count;
  const CagMigration *steps = cag_store_migrations (&count);
  sqlite3 *db = NULL;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < version; i++)
    g_assert_cmpint (sqlite3_exec (db, steps[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  if (version >= 1)
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO organization (name, name_key, created_at) "
                                   "VALUES ('Écof-CDEC', 'ecof-cdec', '2004-01-01T00:00:00Z')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_store_migrations (Fixture       *fx,
                       gconstpointer  data)
{
  guint count;

  cag_store_migrations (&count);
  g_assert_cmpuint (count, ==, (guint) CAG_STORE_SCHEMA_VERSION);

  for (guint version = 0; version < count; version++)
    {
      g_autofree char *name = g_strdup_printf ("old-%u.db", version);
      g_autofree char *path = g_build_filename (fx->dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CagStore) store = NULL;
      CagStmt *stmt;

      make_old_file (path, version);
      store = cag_store_open_existing (path, &error);
      g_assert_no_error (error);
      stmt = cag_store_prepare (store, "PRAGMA user_version", &error);
      g_assert_cmpint (cag_stmt_step (store, stmt, NULL, NULL), ==, CAG_STEP_ROW);
      g_assert_cmpint (cag_stmt_column_int (stmt, 0), ==, (int) count);
      cag_stmt_finish (stmt);
      if (version >= 1)
        {
          g_autoptr(CagOrganization) org = cag_store_org_find (store, "ECOF-cdec", &error);

          g_assert_no_error (error);
          g_assert_cmpstr (org->name, ==, "Écof-CDEC");
        }
      /* The upgraded file works. */
      add_org (store, "Après la mise à niveau", NULL);
      g_assert_true (cag_store_check_totals (store, &error));
      g_assert_no_error (error);
    }
}

static void
test_store_too_new (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "new.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  CagStore *store;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1128351537; "
                                 "CREATE TABLE future (x); PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (path);

  store = cag_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Cagnotte"));
  g_assert_nonnull (strstr (error->message, "update Cagnotte"));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_store_not_a_database (Fixture       *fx,
                           gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fx->dir, "notes.txt", NULL);
  g_autofree char *foreign = g_build_filename (fx->dir, "other.sqlite", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  GString *junk = g_string_new (NULL);
  sqlite3 *db = NULL;
  CagStore *store;

  for (int i = 0; i < 200; i++)
    g_string_append (junk, "Ceci n’est pas une base de données. ");
  g_assert_true (g_file_set_contents (text, junk->str, junk->len, NULL));
  g_string_free (junk, TRUE);
  before = read_bytes (text);

  store = cag_store_open (text, &error);
  g_assert_null (store);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_assert_nonnull (strstr (error->message, "backup"));
  after = read_bytes (text);
  g_assert_true (g_bytes_equal (before, after));

  /* Another program's SQLite database is not upgraded into ours. */
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_bytes_unref (before);
  before = read_bytes (foreign);
  store = cag_store_open (foreign, &error);
  g_assert_null (store);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_bytes_unref (after);
  after = read_bytes (foreign);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_store_damaged (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  char *contents = NULL;
  gsize length = 0;
  CagStore *store;
  gboolean ok;

  example_fund (fx->store);
  g_clear_pointer (&fx->store, cag_store_close);

  /* Scribble over everything after the first page: the schema and the
   * tables. */
  g_assert_true (g_file_get_contents (fx->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0x5a, length - 100);
  g_assert_true (g_file_set_contents (fx->path, contents, length, NULL));
  g_free (contents);

  store = cag_store_open (fx->path, &error);
  if (store != NULL)
    {
      list = cag_store_org_list (store, NULL, TRUE, &error);
      ok = list != NULL;
      g_assert_false (ok);
      cag_store_close (store);
    }
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
}

static void
test_store_read_only (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CagOrganization) org = cag_organization_new ();
  CagStore *store;

  add_org (fx->store, "Réseau", NULL);

  /* A connection that cannot write (as a read-only file gives, also when
   * the tests run as root, who may write any file). */
  g_assert_cmpint (sqlite3_exec (cag_store_get_db (fx->store), "PRAGMA query_only = ON",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  org->name = g_strdup ("Autre");
  g_assert_false (cag_store_org_add (fx->store, org, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY);
  g_assert_nonnull (strstr (error->message, "permissions"));
  g_assert_cmpint (cag_store_org_count (fx->store), ==, 1);
  g_clear_pointer (&fx->store, cag_store_close);
  g_clear_error (&error);

  if (geteuid () == 0)
    {
      g_test_message ("running as root: file permissions are not enforced");
      return;
    }

  g_assert_cmpint (g_chmod (fx->path, 0400), ==, 0);
  before = read_bytes (fx->path);
  store = cag_store_open (fx->path, &error);
  g_assert_null (store);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY);
  after = read_bytes (fx->path);
  g_assert_true (g_bytes_equal (before, after));
  g_chmod (fx->path, 0600);

  /* A writable file in a read-only folder: WAL needs files beside it. */
  {
    g_autofree char *folder = g_path_get_dirname (fx->path);

    g_clear_error (&error);
    g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
    store = cag_store_open (fx->path, &error);
    if (store != NULL)
      {
        /* SQLite may still read; then the first write must say why it fails. */
        g_autoptr(CagOrganization) other = cag_organization_new ();

        other->name = g_strdup ("Autre");
        g_assert_false (cag_store_org_add (store, other, &error));
        cag_store_close (store);
      }
    g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY);
    g_chmod (folder, 0700);
    g_bytes_unref (after);
    after = read_bytes (fx->path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_store_locked (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagOrganization) org = cag_organization_new ();
  sqlite3 *other = NULL;

  add_org (fx->store, "Réseau", NULL);
  g_assert_cmpint (sqlite3_open (fx->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  sqlite3_busy_timeout (cag_store_get_db (fx->store), 50);
  org->name = g_strdup ("Autre");
  g_assert_false (cag_store_org_add (fx->store, org, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_LOCKED);
  g_assert_nonnull (strstr (error->message, "try again"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_clear_error (&error);
  g_assert_true (cag_store_org_add (fx->store, org, &error));
  g_assert_no_error (error);
}

/* ---- Records ------------------------------------------------------------ */

static void
test_store_organizations (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagOrganization) found = NULL;
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *id_text = NULL;
  gint64 id, other;

  id = add_org (fx->store, "Économie solidaire de l’Outaouais", "ÉSO");
  other = add_org (fx->store, "Coopérative  Régionale", NULL);
  g_assert_cmpint (other, !=, id);

  found = cag_store_org_find (fx->store, "ECONOMIE SOLIDAIRE DE L’OUTAOUAIS", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, id);
  g_assert_cmpstr (found->short_name, ==, "ÉSO");
  g_assert_cmpstr (found->region, ==, "Montréal");
  g_clear_pointer (&found, cag_organization_free);
  found = cag_store_org_find (fx->store, "  eso ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, id);
  g_clear_pointer (&found, cag_organization_free);
  found = cag_store_org_find (fx->store, "cooperative regionale", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, other);
  g_clear_pointer (&found, cag_organization_free);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, other);
  found = cag_store_org_find (fx->store, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, other);
  g_clear_pointer (&found, cag_organization_free);

  found = cag_store_org_find (fx->store, "Personne", &error);
  g_assert_null (found);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = cag_store_org_find (fx->store, "  ", &error);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);

  /* Duplicates, without regard to case, accents and spacing. */
  org->name = g_strdup ("economie SOLIDAIRE  de l’outaouais");
  g_assert_false (cag_store_org_add (fx->store, org, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (org->name);
  org->name = g_strdup ("Eso");
  g_assert_false (cag_store_org_add (fx->store, org, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (org->name);
  org->name = g_strdup ("Nouvelle");
  org->short_name = g_strdup ("COOPÉRATIVE RÉGIONALE");
  g_assert_false (cag_store_org_add (fx->store, org, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_pointer (&org->short_name, g_free);

  /* Other bad input. */
  org->email = g_strdup ("pas une adresse");
  g_assert_false (cag_store_org_add (fx->store, org, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_free (org->email);
  org->email = g_strdup ("tresorier@reseau.qc.ca");
  g_free (org->name);
  org->name = g_strdup ("   ");
  g_assert_false (cag_store_org_add (fx->store, org, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (org->id, ==, 0);
  g_assert_cmpint (cag_store_org_count (fx->store), ==, 2);

  /* Search, update, deactivate. */
  list = cag_store_org_list (fx->store, "OUTAOU", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cag_store_org_list (fx->store, "montreal", FALSE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Sorted by folded name: Coopérative before Économie. */
  g_assert_cmpint (((CagOrganization *) list->pdata[0])->id, ==, other);
  g_clear_pointer (&list, g_ptr_array_unref);

  found = cag_store_org_get (fx->store, id, &error);
  g_free (found->phone);
  found->phone = g_strdup ("819 555-0101");
  g_assert_true (cag_store_org_update (fx->store, found, &error));
  g_assert_no_error (error);
  g_clear_pointer (&found, cag_organization_free);
  found = cag_store_org_get (fx->store, id, &error);
  g_assert_cmpstr (found->phone, ==, "819 555-0101");

  g_assert_true (cag_store_org_set_active (fx->store, id, FALSE, &error));
  list = cag_store_org_list (fx->store, NULL, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cag_store_org_list (fx->store, NULL, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 2);

  g_assert_null (cag_store_org_get (fx->store, 9999, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
}

static void
test_store_campaigns_funds (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(CagCampaign) found = NULL;
  g_autoptr(CagFund) fund = cag_fund_new ();
  g_autoptr(CagFund) fund_found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 org, dakar, other, fund_id;

  org = add_org (fx->store, "Réseau", NULL);
  dakar = add_campaign (fx->store, "Dakar 2005", ymd (2003, 6, 1), ymd (2006, 6, 1));
  found = cag_store_campaign_find (fx->store, "DAKAR 2005", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, dakar);
  g_assert_cmpint (found->delegation_cost_cents, ==, 450000);
  g_assert_cmpint (found->deadline.year, ==, 2006);

  campaign->name = g_strdup ("dakar  2005");
  campaign->delegation_cost_cents = 100;
  campaign->start = ymd (2004, 1, 1);
  campaign->deadline = ymd (2005, 1, 1);
  g_assert_false (cag_store_campaign_add (fx->store, campaign, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (campaign->name);
  campaign->name = g_strdup ("Lima 2007");
  campaign->deadline = ymd (2003, 1, 1);
  g_assert_false (cag_store_campaign_add (fx->store, campaign, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  campaign->deadline = ymd (2005, 2, 30);
  g_assert_false (cag_store_campaign_add (fx->store, campaign, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  campaign->deadline = ymd (2007, 1, 1);
  campaign->delegation_cost_cents = 0;
  g_assert_false (cag_store_campaign_add (fx->store, campaign, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  campaign->delegation_cost_cents = 300000;
  g_assert_true (cag_store_campaign_add (fx->store, campaign, &error));
  other = campaign->id;
  list = cag_store_campaign_list (fx->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CagCampaign *) list->pdata[0])->id, ==, dakar);
  g_clear_pointer (&list, g_ptr_array_unref);

  fund_id = open_fund (fx->store, org, dakar);
  fund_found = cag_store_fund_find (fx->store, org, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fund_found->id, ==, fund_id);
  g_assert_cmpstr (fund_found->organization_name, ==, "Réseau");
  g_assert_cmpstr (fund_found->campaign_name, ==, "Dakar 2005");
  g_clear_pointer (&fund_found, cag_fund_free);

  fund->organization_id = org;
  fund->campaign_id = dakar;
  fund->delegations = 2;
  g_assert_false (cag_store_fund_open (fx->store, fund, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);
  fund->campaign_id = other;
  fund->delegations = 0;
  g_assert_false (cag_store_fund_open (fx->store, fund, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  fund->campaign_id = 999;
  fund->delegations = 2;
  g_assert_false (cag_store_fund_open (fx->store, fund, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  fund->campaign_id = other;
  g_assert_true (cag_store_fund_open (fx->store, fund, &error));
  g_assert_cmpint (fund->target_cents, ==, 600000);

  g_assert_null (cag_store_fund_find (fx->store, org, 0, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_AMBIGUOUS);
  g_clear_error (&error);
  fund_found = cag_store_fund_find (fx->store, org, other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fund_found->delegations, ==, 2);

  /* Override the target. */
  fund_found->target_override_cents = 500000;
  g_assert_true (cag_store_fund_update (fx->store, fund_found, &error));
  g_clear_pointer (&fund_found, cag_fund_free);
  fund_found = cag_store_fund_get (fx->store, fund->id, &error);
  g_assert_cmpint (fund_found->target_cents, ==, 500000);

  list = cag_store_fund_list (fx->store, dakar, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cag_store_fund_list (fx->store, 0, org, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cag_store_fund_list (fx->store, 0, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_store_contributions (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagContribution) c = cag_contribution_new ();
  g_autoptr(CagContribution) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CagFundStatus) status = NULL;
  CagAuditEntry *entry;
  gint64 fund, id, second;
  CagDate t = ymd (2004, 6, 30);

  fund = example_fund (fx->store);
  id = add_contribution (fx->store, fund, ymd (2004, 5, 3), 12500);
  second = add_contribution (fx->store, fund, ymd (2004, 4, 3), 10000);

  got = cag_store_contribution_get (fx->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->amount_cents, ==, 12500);
  g_assert_cmpint (got->date.month, ==, 5);
  g_assert_cmpstr (got->reference, ==, "1234");
  g_assert_null (got->note);
  g_assert_false (got->voided);
  g_assert_cmpstr (got->organization_name, ==, "Chantier de l’économie sociale");
  g_assert_cmpstr (got->campaign_name, ==, "Dakar 2005");
  g_clear_pointer (&got, cag_contribution_free);

  list = cag_store_contribution_list (fx->store, fund, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CagContribution *) list->pdata[0])->id, ==, second);

  /* Refused input. */
  c->fund_id = fund;
  c->date = ymd (2004, 5, 3);
  c->amount_cents = 0;
  g_assert_false (cag_store_contribution_add (fx->store, c, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  c->amount_cents = -5;
  g_assert_false (cag_store_contribution_add (fx->store, c, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  c->amount_cents = CAG_MONEY_MAX_CENTS + 1;
  g_assert_false (cag_store_contribution_add (fx->store, c, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  c->amount_cents = 100;
  c->date = ymd (2005, 2, 30);
  g_assert_false (cag_store_contribution_add (fx->store, c, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  c->date = ymd (2005, 2, 3);
  c->fund_id = 4242;
  g_assert_false (cag_store_contribution_add (fx->store, c, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (c->id, ==, 0);

  /* Voiding. */
  g_assert_false (cag_store_contribution_void (fx->store, id, "  ", &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cag_store_contribution_void (fx->store, id, "Chèque sans provision", &error));
  g_assert_no_error (error);
  g_assert_false (cag_store_contribution_void (fx->store, id, "encore", &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cag_store_contribution_void (fx->store, 98765, "?", &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  got = cag_store_contribution_get (fx->store, id, &error);
  g_assert_true (got->voided);
  g_assert_cmpstr (got->void_reason, ==, "Chèque sans provision");
  g_assert_cmpstr (got->voided_by, ==, g_get_user_name ());
  g_assert_nonnull (got->voided_at);

  /* A voided contribution counts for nothing but stays listed. */
  status = cag_store_fund_status (fx->store, fund, &t, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status->figures.saved_cents, ==, 10000);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cag_store_contribution_list (fx->store, 0, status->organization_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (cag_store_check_totals (fx->store, &error));
  g_assert_no_error (error);

  /* The audit log, newest first. */
  audit = cag_store_audit_list (fx->store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 3);
  entry = audit->pdata[0];
  g_assert_cmpstr (entry->action, ==, "contribution.void");
  g_assert_cmpstr (entry->entity, ==, "contribution");
  g_assert_cmpint (entry->entity_id, ==, id);
  g_assert_cmpstr (entry->user, ==, g_get_user_name ());
  g_assert_true (json_parser_load_from_data (parser, entry->detail, -1, &error));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "reason"), ==, "Chèque sans provision");
  g_assert_cmpstr (((CagAuditEntry *) audit->pdata[1])->action, ==, "contribution.add");
}

/* ---- Figures ------------------------------------------------------------ */

static void
test_store_worked_example (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagFundStatus) status = NULL;
  CagDate t = ymd (2004, 6, 15);
  const CagFundFigures *f;
  gint64 fund;

  fund = example_fund (fx->store);
  /* 1,250.00 before June 2004: ten months of 125.00. */
  for (int i = 0; i < 10; i++)
    add_contribution (fx->store, fund, ymd (2003 + (6 + i - 1) / 12, (6 + i - 1) % 12 + 1, 15),
                      12500);

  status = cag_store_fund_status (fx->store, fund, &t, &error);
  g_assert_no_error (error);
  f = &status->figures;
  g_assert_cmpint (f->saved_cents, ==, 125000);
  g_assert_cmpint (f->months_elapsed, ==, 12);
  g_assert_cmpint (f->planned_monthly_cents, ==, 12500);
  g_assert_cmpint (f->expected_cents, ==, 150000);
  g_assert_cmpint (f->state, ==, CAG_FUND_BEHIND);
  g_assert_cmpint (f->arrears_cents, ==, 25000);
  g_assert_cmpint (f->months_left, ==, 24);
  g_assert_cmpint (f->monthly_needed_cents, ==, 13542);
  g_assert_cmpint (f->month_state, ==, CAG_MONTH_DUE);
  g_clear_pointer (&status, cag_fund_status_free);

  add_contribution (fx->store, fund, ymd (2004, 6, 20), 13542);
  t = ymd (2004, 6, 20);
  status = cag_store_fund_status (fx->store, fund, &t, &error);
  f = &status->figures;
  g_assert_cmpint (f->month_state, ==, CAG_MONTH_PAID);
  g_assert_cmpint (f->monthly_needed_cents, ==, 13542);
  g_assert_cmpint (f->paid_this_month_cents, ==, 13542);
  g_assert_cmpint (f->saved_cents, ==, 138542);
  g_clear_pointer (&status, cag_fund_status_free);

  /* As of the 15th, the payment of the 20th is not there yet. */
  t = ymd (2004, 6, 15);
  status = cag_store_fund_status (fx->store, fund, &t, &error);
  f = &status->figures;
  g_assert_cmpint (f->saved_cents, ==, 125000);
  g_assert_cmpint (f->month_state, ==, CAG_MONTH_DUE);
  g_clear_pointer (&status, cag_fund_status_free);

  /* As of the end of 2003, later months are not counted. */
  t = ymd (2003, 12, 31);
  status = cag_store_fund_status (fx->store, fund, &t, &error);
  g_assert_cmpint (status->figures.saved_cents, ==, 7 * 12500);
  g_assert_cmpint (status->figures.paid_this_month_cents, ==, 12500);
}

static void
test_store_matching (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagFundStatus) status = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  CagDate t = ymd (2004, 6, 15);
  gint64 fund = example_fund (fx->store);
  g_autoptr(CagFund) record = cag_store_fund_get (fx->store, fund, &error);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO campaign_match (campaign_id, match_num, "
                                          "match_den) VALUES (%" G_GINT64_FORMAT ", 1, 1)",
                                          record->campaign_id);

  add_contribution (fx->store, fund, ymd (2004, 1, 10), 75000);
  exec_sql (fx->store, sql);

  /* A 1:1 offer on the campaign: 125.00 a month becomes 62.50. */
  status = cag_store_fund_status (fx->store, fund, &t, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status->figures.planned_monthly_cents, ==, 6250);
  g_assert_cmpint (status->figures.matched_cents, ==, 75000);
  g_assert_cmpint (status->figures.remaining_cents, ==, 300000);
  g_assert_cmpint (status->figures.state, ==, CAG_FUND_ON_TRACK);
  statuses = cag_store_status_list (fx->store, 0, 0, &t, &error);
  g_assert_cmpmem (&((CagFundStatus *) statuses->pdata[0])->figures, sizeof (CagFundFigures),
                   &status->figures, sizeof (CagFundFigures));
}

static void
test_store_audit_and_months (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);
  g_autoptr(GArray) months = NULL;
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) list = NULL;
  const char *expected[] = { "contribution.add_batch", "contribution.void", "contribution.add",
                             "fund.open", "campaign.add", "org.add" };
  gint64 fund = example_fund (fx->store);
  gint64 lone;

  lone = add_contribution (fx->store, fund, ymd (2003, 9, 9), 5000);
  g_assert_true (cag_store_contribution_void (fx->store, lone, "erreur", &error));
  for (int i = 0; i < 3; i++)
    {
      CagContribution *c = cag_contribution_new ();

      c->fund_id = fund;
      c->date = ymd (2003, 10 + i, 1);
      c->amount_cents = 1000 * (i + 1);
      g_ptr_array_add (batch, c);
    }
  g_assert_true (cag_store_contribution_add_batch (fx->store, batch, &error));
  g_assert_cmpint (((CagContribution *) batch->pdata[2])->id, ==,
                   ((CagContribution *) batch->pdata[0])->id + 2);

  audit = cag_store_audit_list (fx->store, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < audit->len; i++)
    {
      CagAuditEntry *entry = audit->pdata[i];

      g_assert_cmpstr (entry->action, ==, expected[i]);
      g_assert_cmpint (entry->entity_id, >, 0);
      g_assert_true (g_str_has_suffix (entry->at, "Z"));
      g_assert_true (json_parser_load_from_data (parser, entry->detail, -1, &error));
      g_assert_no_error (error);
    }
  json_parser_load_from_data (parser, ((CagAuditEntry *) audit->pdata[0])->detail, -1, &error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                               "count"), ==, 3);

  /* September 2003 had only a voided contribution: no month total. */
  months = cag_store_month_totals (fx->store, fund, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 3);
  g_assert_cmpint (g_array_index (months, CagMonthTotal, 0).month, ==,
                   cag_month_index_ym (2003, 10));
  g_assert_cmpint (g_array_index (months, CagMonthTotal, 2).total_cents, ==, 3000);
  g_clear_pointer (&months, g_array_unref);
  {
    g_autoptr(CagFund) record = cag_store_fund_get (fx->store, fund, &error);

    months = cag_store_month_totals (fx->store, 0, record->campaign_id, &error);
    g_assert_cmpuint (months->len, ==, 3);
  }

  /* The voided one is still listed, struck out. */
  list = cag_store_contribution_list (fx->store, fund, 0, &error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_true (((CagContribution *) list->pdata[0])->voided);

  /* Renaming onto another organization's name is refused. */
  add_org (fx->store, "Autre réseau", "AR");
  org = cag_store_org_find (fx->store, "CÉS", &error);
  g_assert_no_error (error);
  g_free (org->name);
  org->name = g_strdup ("autre reseau");
  g_assert_false (cag_store_org_update (fx->store, org, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (cag_store_check_totals (fx->store, &error));
}

/* Inputs computed the slow way, by reading the whole ledger. */
static void
ledger_inputs (GPtrArray     *contributions,
               const CagDate *as_of,
               CagFundInputs *in)
{
  gint cur = cag_month_index (as_of);
  gint first, count;

  cag_fund_pace_window (&in->start, as_of, &first, &count);
  in->saved_cents = in->base_cents = in->paid_month_cents = in->pace_sum_cents = 0;
  for (guint i = 0; i < contributions->len; i++)
    {
      const CagContribution *c = g_ptr_array_index (contributions, i);
      gint month = cag_month_index (&c->date);

      if (c->voided)
        continue;
      if (cag_date_compare (&c->date, as_of) <= 0)
        in->saved_cents += c->amount_cents;
      if (month < cur)
        in->base_cents += c->amount_cents;
      if (month == cur && cag_date_compare (&c->date, as_of) <= 0)
        in->paid_month_cents += c->amount_cents;
      if (count > 0 && month >= first && month < first + count)
        in->pace_sum_cents += c->amount_cents;
    }
}

static void
test_store_random_ledger (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funds = g_ptr_array_new ();
  g_autoptr(GArray) fund_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20031);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);
  gint64 campaign;
  CagDate start = ymd (2003, 6, 1);

  campaign = add_campaign (fx->store, "Dakar 2005", start, ymd (2006, 6, 1));
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organisme %d", i);
      gint64 fund = open_fund (fx->store, add_org (fx->store, name, NULL), campaign);

      g_array_append_val (fund_ids, fund);
    }

  for (int i = 0; i < 300; i++)
    {
      gint64 fund = g_array_index (fund_ids, gint64, g_rand_int_range (rand, 0, 8));
      gint month = cag_month_index (&start) + g_rand_int_range (rand, 0, 40);
      CagDate date = cag_month_first_day (month);
      gint64 id;

      date.day = g_rand_int_range (rand, 1, cag_date_days_in_month (date.year, date.month) + 1);
      if (i % 3 == 0)
        {
          CagContribution *c = cag_contribution_new ();

          c->fund_id = fund;
          c->date = date;
          c->amount_cents = g_rand_int_range (rand, 1, 50000);
          c->method = CAG_METHOD_TRANSFER;
          g_ptr_array_add (batch, c);
          continue;
        }
      id = add_contribution (fx->store, fund, date, g_rand_int_range (rand, 1, 50000));
      g_array_append_val (ids, id);
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          gint64 victim = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
          g_autoptr(CagContribution) c = cag_store_contribution_get (fx->store, victim, &error);

          if (!c->voided)
            {
              g_assert_true (cag_store_contribution_void (fx->store, victim, "erreur", &error));
              g_assert_no_error (error);
            }
        }
    }
  g_assert_true (cag_store_contribution_add_batch (fx->store, batch, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < batch->len; i++)
    {
      CagContribution *c = g_ptr_array_index (batch, i);
      g_autoptr(CagContribution) got = cag_store_contribution_get (fx->store, c->id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (got->amount_cents, ==, c->amount_cents);
      g_assert_cmpint (got->fund_id, ==, c->fund_id);
      g_assert_cmpint (cag_date_compare (&got->date, &c->date), ==, 0);
    }

  g_assert_true (cag_store_check_totals (fx->store, &error));
  g_assert_no_error (error);

  /* Figures from the kept totals equal figures from the whole ledger, for
   * dates before, during and after the campaign. */
  for (int k = 0; k < 60; k++)
    {
      gint month = cag_month_index (&start) + g_rand_int_range (rand, -3, 45);
      CagDate t = cag_month_first_day (month);
      g_autoptr(GPtrArray) statuses = NULL;

      t.day = g_rand_int_range (rand, 1, cag_date_days_in_month (t.year, t.month) + 1);
      statuses = cag_store_status_list (fx->store, campaign, 0, &t, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (statuses->len, ==, 8);
      for (guint i = 0; i < statuses->len; i++)
        {
          const CagFundStatus *status = g_ptr_array_index (statuses, i);
          g_autoptr(GPtrArray) ledger = cag_store_contribution_list (fx->store, status->fund_id,
                                                                     0, &error);
          CagFundInputs in = { 0 };
          CagFundFigures expected;

          in.start = start;
          in.deadline = ymd (2006, 6, 1);
          in.target_cents = 450000;
          ledger_inputs (ledger, &t, &in);
          cag_fund_compute (&in, &t, &expected);
          g_assert_cmpmem (&status->figures, sizeof expected, &expected, sizeof expected);

          /* The other plan (one fund, one organization) agrees. */
          {
            g_autoptr(CagFundStatus) one = cag_store_fund_status (fx->store, status->fund_id,
                                                                  &t, &error);
            g_autoptr(GPtrArray) of_org = cag_store_status_list (fx->store, 0,
                                                                 status->organization_id,
                                                                 &t, &error);

            g_assert_no_error (error);
            g_assert_cmpmem (&one->figures, sizeof expected, &expected, sizeof expected);
            g_assert_cmpuint (of_org->len, ==, 1);
            g_assert_cmpmem (&((CagFundStatus *) of_org->pdata[0])->figures, sizeof expected,
                             &expected, sizeof expected);
          }
        }
    }

  /* The campaign's monthly totals add up the funds'. */
  {
    g_autoptr(GArray) by_campaign = cag_store_month_totals (fx->store, 0, campaign, &error);
    gint64 sum_campaign = 0, sum_funds = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < by_campaign->len; i++)
      {
        sum_campaign += g_array_index (by_campaign, CagMonthTotal, i).total_cents;
        if (i > 0)
          g_assert_cmpint (g_array_index (by_campaign, CagMonthTotal, i - 1).month, <,
                           g_array_index (by_campaign, CagMonthTotal, i).month);
      }
    for (guint j = 0; j < fund_ids->len; j++)
      {
        g_autoptr(GArray) by_fund = cag_store_month_totals (fx->store,
                                                            g_array_index (fund_ids, gint64, j),
                                                            0, &error);

        for (guint i = 0; i < by_fund->len; i++)
          sum_funds += g_array_index (by_fund, CagMonthTotal, i).total_cents;
      }
    g_assert_cmpint (sum_campaign, ==, sum_funds);
    g_assert_cmpint (sum_campaign, >, 0);
  }
}

static void
test_store_check_totals_detects (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 fund = example_fund (fx->store);

  add_contribution (fx->store, fund, ymd (2004, 1, 10), 12500);
  g_assert_true (cag_store_check_totals (fx->store, &error));

  exec_sql (fx->store, "UPDATE fund_month SET total_cents = total_cents + 1");
  g_assert_false (cag_store_check_totals (fx->store, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_assert_nonnull (strstr (error->message, "2004-01"));
  g_clear_error (&error);
  exec_sql (fx->store, "UPDATE fund_month SET total_cents = total_cents - 1");
  g_assert_true (cag_store_check_totals (fx->store, &error));

  exec_sql (fx->store, "UPDATE fund SET saved_total_cents = 0");
  g_assert_false (cag_store_check_totals (fx->store, &error));
  g_clear_error (&error);
  exec_sql (fx->store, "UPDATE fund SET saved_total_cents = 12500");
  exec_sql (fx->store, "DELETE FROM campaign_month");
  g_assert_false (cag_store_check_totals (fx->store, &error));
}

static void
test_store_network_totals (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  CagNetworkTotals totals;
  CagDate t = ymd (2004, 6, 15);
  gint64 campaign, a, b, c;

  campaign = add_campaign (fx->store, "Dakar 2005", ymd (2003, 6, 1), ymd (2006, 6, 1));
  a = open_fund (fx->store, add_org (fx->store, "Bêta", NULL), campaign);
  b = open_fund (fx->store, add_org (fx->store, "alpha", NULL), campaign);
  c = open_fund (fx->store, add_org (fx->store, "Gamma", NULL), campaign);
  add_contribution (fx->store, a, ymd (2004, 1, 1), 450000);
  add_contribution (fx->store, b, ymd (2004, 1, 1), 125000);
  add_contribution (fx->store, c, ymd (2004, 1, 1), 160000);

  statuses = cag_store_status_list (fx->store, 0, 0, &t, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, ==, 3);
  g_assert_cmpstr (((CagFundStatus *) statuses->pdata[0])->organization_name, ==, "alpha");
  g_assert_cmpstr (((CagFundStatus *) statuses->pdata[1])->organization_name, ==, "Bêta");
  cag_network_totals_compute (statuses, &totals);
  g_assert_cmpint (totals.funds, ==, 3);
  g_assert_cmpint (totals.saved_cents, ==, 735000);
  g_assert_cmpint (totals.target_cents, ==, 3 * 450000);
  g_assert_cmpint (totals.delegations_planned, ==, 3);
  g_assert_cmpint (totals.delegations_funded, ==, 1);
  g_assert_cmpint (totals.funds_behind, ==, 1);
  g_assert_cmpint (totals.monthly_needed_cents, ==, 0 + 13542 + cag_div_ceil (290000, 24));
}

/* ---- Refused writes leave the file as it was ---------------------------- */

static void
test_store_refusals_unchanged (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(CagFund) fund = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);
  g_autoptr(CagContribution) c = cag_contribution_new ();
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  gint64 fund_id, voided;

  fund_id = example_fund (fx->store);
  add_contribution (fx->store, fund_id, ymd (2004, 1, 10), 12500);
  voided = add_contribution (fx->store, fund_id, ymd (2004, 2, 10), 12500);
  g_assert_true (cag_store_contribution_void (fx->store, voided, "doublon", &error));
  g_clear_pointer (&fx->store, cag_store_close);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = read_bytes (fx->path);
  reopen (fx);

  org->name = g_strdup ("CHANTIER DE L’ECONOMIE SOCIALE");
  g_assert_false (cag_store_org_add (fx->store, org, &error));
  g_clear_error (&error);
  g_free (org->name);
  org->name = g_strdup ("Nouveau");
  org->email = g_strdup ("@@");
  g_assert_false (cag_store_org_add (fx->store, org, &error));
  g_clear_error (&error);

  campaign->name = g_strdup ("dakar 2005");
  campaign->delegation_cost_cents = 100;
  campaign->start = ymd (2003, 1, 1);
  campaign->deadline = ymd (2004, 1, 1);
  g_assert_false (cag_store_campaign_add (fx->store, campaign, &error));
  g_clear_error (&error);
  g_free (campaign->name);
  campaign->name = g_strdup ("Autre");
  campaign->deadline = ymd (2002, 1, 1);
  g_assert_false (cag_store_campaign_add (fx->store, campaign, &error));
  g_clear_error (&error);

  fund = cag_store_fund_get (fx->store, fund_id, &error);
  fund->id = 0;
  g_assert_false (cag_store_fund_open (fx->store, fund, &error));
  g_clear_error (&error);
  fund->id = fund_id;
  fund->delegations = -1;
  g_assert_false (cag_store_fund_update (fx->store, fund, &error));
  g_clear_error (&error);

  c->fund_id = fund_id;
  c->date = ymd (2004, 2, 31);
  c->amount_cents = 100;
  g_assert_false (cag_store_contribution_add (fx->store, c, &error));
  g_clear_error (&error);
  c->date = ymd (2004, 2, 3);
  c->amount_cents = 0;
  g_assert_false (cag_store_contribution_add (fx->store, c, &error));
  g_clear_error (&error);
  c->amount_cents = 100;
  c->fund_id = 777;
  g_assert_false (cag_store_contribution_add (fx->store, c, &error));
  g_clear_error (&error);

  g_assert_false (cag_store_contribution_void (fx->store, voided, "encore", &error));
  g_clear_error (&error);
  g_assert_false (cag_store_contribution_void (fx->store, voided - 1, "", &error));
  g_clear_error (&error);

  /* A batch with a bad row in the middle: nothing of it is kept. */
  for (int i = 0; i < 20; i++)
    {
      CagContribution *row = cag_contribution_new ();

      row->fund_id = fund_id;
      row->date = ymd (2004, 3, 1 + i);
      row->amount_cents = i == 12 ? 0 : 1000;
      g_ptr_array_add (batch, row);
    }
  g_assert_false (cag_store_contribution_add_batch (fx->store, batch, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "13"));
  g_clear_error (&error);
  /* …and one whose fund does not exist, found only inside the transaction. */
  ((CagContribution *) batch->pdata[12])->amount_cents = 1000;
  ((CagContribution *) batch->pdata[15])->fund_id = 31337;
  g_assert_false (cag_store_contribution_add_batch (fx->store, batch, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "16"));
  g_clear_error (&error);
  g_assert_cmpint (((CagContribution *) batch->pdata[0])->id, ==, 0);

  g_assert_true (cag_store_check_totals (fx->store, &error));
  g_clear_pointer (&fx->store, cag_store_close);
  after = read_bytes (fx->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* A server database written by a newer Cagnotte is refused as a newer file
 * is, and left as it was. */
static void
test_store_server_too_new (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CagStore *store;

  exec_sql (fx->store, "UPDATE cagnotte_meta SET schema_version = 999");
  g_clear_pointer (&fx->store, cag_store_close);
  store = cag_store_open (fx->path, &error);
  g_assert_null (store);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_TOO_NEW);
  g_clear_error (&error);
  store = cag_store_open_existing (fx->path, &error);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_TOO_NEW);
  g_assert_null (store);
}

/* No server at the address: an I/O error naming the server. */
static void
test_store_server_refused (void)
{
  g_autoptr(GError) error = NULL;
  const char *uri = "postgresql:///cagnotte?host=/nonexistent-cagnotte-socket";
  CagStore *store = cag_store_open (uri, &error);

  g_assert_null (store);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
  g_assert_nonnull (strstr (error->message, uri));
  g_assert_nonnull (strstr (error->message, "server"));
  g_clear_error (&error);

  cag_i18n_set_language (CAG_LANG_FR);
  store = cag_store_open (uri, &error);
  cag_i18n_set_language (CAG_LANG_EN);
  g_assert_null (store);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "Impossible de se connecter au serveur"));
}

/* Backups and restores copy files; a server location is refused with a
 * pointer to the server's tools, in both languages. */
static void
test_store_server_backup_refused (void)
{
  g_autoptr(GError) error = NULL;
  const char *uri = "postgresql:///cagnotte?host=/nonexistent-cagnotte-socket";
  g_autofree char *dest = g_build_filename (g_get_tmp_dir (), "cagnotte-never.db", NULL);

  g_assert_false (cag_backup_file (uri, dest, &error));
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "pg_dump"));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  cag_i18n_set_language (CAG_LANG_FR);
  g_assert_false (cag_backup_restore (uri, dest, NULL, &error));
  cag_i18n_set_language (CAG_LANG_EN);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "outils du serveur"));
}

/* A server database that holds another program's tables is refused; an
 * empty one is not a ledger for open_existing. */
static void
test_store_server_foreign (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = cag_test_db_location (fx->dir, "other.db");
  CagStore *store;

  store = cag_store_open_existing (other, &error);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_clear_error (&error);
  exec_sql (fx->store, "DROP TABLE cagnotte_meta");
  g_clear_pointer (&fx->store, cag_store_close);
  store = cag_store_open (fx->path, &error);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT);
  g_assert_null (store);
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

  /* On a server (CAGNOTTE_TEST_PG, tests/pg/pg-cluster.sh) every test that
   * is not about files runs; the file tests are SQLite's own. */
  if (cag_test_db_is_server ())
    {
      ADD ("/store/server/too-new", test_store_server_too_new);
      ADD ("/store/server/foreign", test_store_server_foreign);
    }
  else
    {
      ADD ("/store/create", test_store_create);
      g_test_add_func ("/store/default-path", test_store_default_path);
      g_test_add_func ("/store/server/backup-refused", test_store_server_backup_refused);
      ADD ("/store/migrations", test_store_migrations);
      ADD ("/store/too-new", test_store_too_new);
      ADD ("/store/not-a-database", test_store_not_a_database);
      ADD ("/store/damaged", test_store_damaged);
      ADD ("/store/read-only", test_store_read_only);
      ADD ("/store/locked", test_store_locked);
      ADD ("/store/refusals-unchanged", test_store_refusals_unchanged);
    }
  g_test_add_func ("/store/server/refused", test_store_server_refused);
  ADD ("/store/organizations", test_store_organizations);
  ADD ("/store/campaigns-funds", test_store_campaigns_funds);
  ADD ("/store/contributions", test_store_contributions);
  ADD ("/store/worked-example", test_store_worked_example);
  ADD ("/store/random-ledger", test_store_random_ledger);
  ADD ("/store/check-totals-detects", test_store_check_totals_detects);
  ADD ("/store/network-totals", test_store_network_totals);
  ADD ("/store/matching", test_store_matching);
  ADD ("/store/audit-and-months", test_store_audit_and_months);
  return g_test_run ();
}
