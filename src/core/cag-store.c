/* cag-store.c — the ledger in one SQLite file: opening and upgrading it, and
 * every write (organizations, campaigns, funds, contributions, audit log).
 *
 * Each write checks its input first, then runs as one transaction that also
 * updates the kept totals (fund, fund_month, campaign_month) and appends to
 * the audit log; on any failure the transaction is rolled back, so nothing
 * changes.  Statements are prepared once and cached by SQL text.  The
 * figures (status, month totals, recount) live in cag-store-figures.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cag-error.h"
#include "cag-fold.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-store-private.h"

#define APPLICATION_ID   1128351537   /* "CAG1", set by migration step 0 → 1 */
#define BUSY_TIMEOUT_MS  5000
#define MAX_NAME_CHARS   200
#define MAX_TEXT_CHARS   4000
#define MAX_DELEGATIONS  1000

struct _CagStore
{
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
};

/* A cached statement, reset when it goes out of scope. */
typedef sqlite3_stmt CagStmt;

static void
stmt_reset (CagStmt *stmt)
{
  sqlite3_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagStmt, stmt_reset)

/* ---- Helpers ------------------------------------------------------------ */

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
user_name (void)
{
  const char *name = g_get_user_name ();

  return name != NULL && *name != '\0' ? name : "unknown";
}

static char *
id_to_string (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static CagDate
column_date (sqlite3_stmt *stmt,
             int           column)
{
  CagDate date = { 0 };

  cag_date_parse_iso ((const char *) sqlite3_column_text (stmt, column), &date, NULL);
  return date;
}

/* Trimmed copy of TEXT, NULL when TEXT is NULL or blank. */
static char *
clean_optional (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gboolean
check_text (const char  *text,
            glong        max_chars,
            GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The text contains invalid characters (it is not UTF-8)."));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("A text is too long: at most %ld characters are allowed."), max_chars);
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement that returns no row; FALSE with an error otherwise.
 * CONTEXT is marked with N_() and translated only on failure (this runs for
 * every row of a bulk load). */
static gboolean
step_done (CagStore     *store,
           sqlite3_stmt *stmt,
           const char   *context,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return cag_store_set_error (store, rc, _(context), error);
  return TRUE;
}

static char *
builder_to_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
json_add_string (JsonBuilder *builder,
                 const char  *name,
                 const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
json_add_int (JsonBuilder *builder,
              const char  *name,
              gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Ends a write: commits, or rolls back when OK is FALSE or the commit fails. */
static gboolean
finish_write (CagStore *store,
              gboolean  ok,
              GError  **error)
{
  if (ok && cag_store_commit (store, error))
    return TRUE;
  cag_store_rollback (store);
  return FALSE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* ---- Private API ---------------------------------------------------------- */

sqlite3 *
cag_store_get_db (CagStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);
  return store->db;
}

sqlite3_stmt *
cag_store_prepare (CagStore   *store,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL && sql != NULL, NULL);

  stmt = g_hash_table_lookup (store->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      cag_store_set_error (store, rc, _("reading the database"), error);
      return NULL;
    }
  g_hash_table_insert (store->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
cag_store_set_error (CagStore   *store,
                     int         rc,
                     const char *context,
                     GError    **error)
{
  const char *path = store != NULL && store->path != NULL ? store->path : "";
  const char *what = context != NULL ? context : _("the operation");

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_LOCKED,
                   _("Could not finish %s: the database “%s” is in use by another program. "
                     "Close the other program (or the other Cagnotte window) and try again."),
                   what, path);
      break;
    case SQLITE_READONLY:
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                   _("Could not finish %s: the database “%s” cannot be written (the file or its "
                     "folder is read-only). Check its permissions, or copy it to a folder you "
                     "can write to."),
                   what, path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("Could not finish %s: “%s” is damaged or is not a Cagnotte database. "
                     "Restore it from a backup, or choose another file."),
                   what, path);
      break;
    case SQLITE_FULL:
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   _("Could not finish %s: the disk holding “%s” is full. "
                     "Free some space and try again."),
                   what, path);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   _("Could not finish %s: “%s” could not be read or written (%s). "
                     "Check the disk and the file, then try again."),
                   what, path, sqlite3_errstr (rc));
      break;
    default:
      g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED,
                   _("Could not finish %s: %s."),
                   what, store != NULL && store->db != NULL ? sqlite3_errmsg (store->db)
                                                             : sqlite3_errstr (rc));
      break;
    }
  return FALSE;
}

static gboolean
exec_cached (CagStore   *store,
             const char *sql,
             const char *context,
             GError    **error)
{
  sqlite3_stmt *stmt = cag_store_prepare (store, sql, error);

  return stmt != NULL && step_done (store, stmt, context, error);
}

gboolean
cag_store_begin (CagStore *store,
                 GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  return exec_cached (store, "BEGIN IMMEDIATE", N_("starting a change"), error);
}

gboolean
cag_store_commit (CagStore *store,
                  GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  return exec_cached (store, "COMMIT", N_("saving the change"), error);
}

void
cag_store_rollback (CagStore *store)
{
  g_return_if_fail (store != NULL);
  if (!sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
cag_store_audit (CagStore   *store,
                 const char *action,
                 const char *entity,
                 gint64      entity_id,
                 const char *detail_json,
                 GError    **error)
{
  g_autofree char *at = now_iso ();
  g_autoptr(CagStmt) stmt = NULL;

  g_return_val_if_fail (store != NULL && action != NULL && entity != NULL, FALSE);

  stmt = cag_store_prepare (store,
                            "INSERT INTO audit_log (at, user, action, entity, entity_id, detail) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, at);
  bind_text (stmt, 2, user_name ());
  bind_text (stmt, 3, action);
  bind_text (stmt, 4, entity);
  sqlite3_bind_int64 (stmt, 5, entity_id);
  bind_text (stmt, 6, detail_json);
  return step_done (store, stmt, N_("writing the audit log"), error);
}

/* ---- Opening ------------------------------------------------------------ */

gint
cag_store_schema_version (void)
{
  guint count;

  cag_store_migrations (&count);
  return (gint) count;
}

char *
cag_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cagnotte", "cagnotte.db", NULL);
}

static gboolean
read_pragma_int (CagStore   *store,
                 const char *sql,
                 gint64     *out,
                 GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return cag_store_set_error (store, rc, _("opening the database"), error);
  return TRUE;
}

static gboolean
exec_script (CagStore   *store,
             const char *sql,
             const char *context,
             GError    **error)
{
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return cag_store_set_error (store, rc, context, error);
  return TRUE;
}

static gboolean
migrate (CagStore *store,
         gint64    from,
         GError  **error)
{
  guint count;
  const CagMigration *steps = cag_store_migrations (&count);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", count);
  const char *context = _("upgrading the database");

  if (!exec_script (store, "BEGIN IMMEDIATE", context, error))
    return FALSE;
  for (guint i = (guint) from; i < count; i++)
    if (!exec_script (store, steps[i].sql, context, error))
      {
        cag_store_rollback (store);
        return FALSE;
      }
  if (!exec_script (store, set_version, context, error)
      || !exec_script (store, "COMMIT", context, error))
    {
      cag_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* Checks the file and brings its schema to this build's version. */
static gboolean
setup_connection (CagStore *store,
                  GError  **error)
{
  gint64 version = 0, app_id = 0, objects = 0;
  guint count;
  const char *context = _("opening the database");

  cag_store_migrations (&count);
  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_timeout (store->db, BUSY_TIMEOUT_MS);

  if (sqlite3_db_readonly (store->db, "main") == 1)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                   _("The database “%s” is read-only, and Cagnotte needs to write to it. "
                     "Check the file’s permissions, or copy it to a folder you can write to."),
                   store->path);
      return FALSE;
    }

  /* The first read tells a database from any other file. */
  if (!read_pragma_int (store, "PRAGMA user_version", &version, error)
      || !read_pragma_int (store, "PRAGMA application_id", &app_id, error)
      || !read_pragma_int (store, "SELECT count(*) FROM sqlite_schema", &objects, error))
    return FALSE;

  if (version > (gint64) count)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_TOO_NEW,
                   _("“%s” was written by a newer version of Cagnotte; update Cagnotte to open it."),
                   store->path);
      return FALSE;
    }
  if ((app_id != 0 && app_id != APPLICATION_ID) || (version == 0 && objects > 0)
      || (version > 0 && app_id != APPLICATION_ID))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("“%s” is a database of another program, not of Cagnotte. "
                     "Choose another file."),
                   store->path);
      return FALSE;
    }

  if (!exec_script (store, "PRAGMA foreign_keys = ON", context, error)
      || !exec_script (store, "PRAGMA journal_mode = WAL", context, error)
      || !exec_script (store, "PRAGMA synchronous = NORMAL", context, error)
      || !exec_script (store, "PRAGMA cache_size = -32768", context, error))
    return FALSE;

  if (version < (gint64) count && !migrate (store, version, error))
    return FALSE;
  return TRUE;
}

static gboolean
create_file (const char *path,
             GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd, saved_errno;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, CAG_ERROR,
                   saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS
                   ? CAG_ERROR_DB_READONLY : CAG_ERROR_IO,
                   _("Could not create the folder “%s”: %s. "
                     "Choose a database in a folder you can write to."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, CAG_ERROR,
                   saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS
                   ? CAG_ERROR_DB_READONLY : CAG_ERROR_IO,
                   _("Could not create the database “%s”: %s. "
                     "Choose a folder you can write to."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static CagStore *
store_open (const char *path,
            gboolean    create,
            GError    **error)
{
  g_autoptr(CagStore) store = NULL;
  gboolean created = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                   _("“%s” is a folder, not a Cagnotte database. Choose a file."), path);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist. Check the file name, "
                         "or create a new database."), path);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
      created = TRUE;
    }

  store = g_new0 (CagStore, 1);
  store->path = g_strdup (path);
  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             finalize_statement);

  /* One connection per store, used by one thread at a time. */
  rc = sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK || !setup_connection (store, error))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (rc != SQLITE_OK)
        {
          if (g_access (dir, W_OK) != 0 || g_access (path, W_OK) != 0)
            rc = SQLITE_READONLY;
          cag_store_set_error (store, rc, _("opening the database"), error);
        }
      else if (error != NULL && *error != NULL && (*error)->code == CAG_ERROR_IO
               && g_access (dir, W_OK) != 0)
        {
          /* WAL needs to create files beside the database. */
          g_clear_error (error);
          g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                       _("The folder of the database “%s” is read-only, and Cagnotte needs to "
                         "write there. Check the folder’s permissions, or copy the database "
                         "to a folder you can write to."),
                       path);
        }
      g_clear_pointer (&store, cag_store_close);
      if (created)
        g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&store);
}

CagStore *
cag_store_open (const char *path,
                GError    **error)
{
  return store_open (path, TRUE, error);
}

CagStore *
cag_store_open_existing (const char *path,
                         GError    **error)
{
  return store_open (path, FALSE, error);
}

void
cag_store_close (CagStore *store)
{
  if (store == NULL)
    return;
  g_clear_pointer (&store->statements, g_hash_table_unref);
  if (store->db != NULL)
    sqlite3_close (store->db);
  g_free (store->path);
  g_free (store);
}

const char *
cag_store_get_path (CagStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);
  return store->path;
}

gboolean
cag_store_is_empty (CagStore *store)
{
  g_autoptr(CagStmt) stmt = NULL;

  g_return_val_if_fail (store != NULL, FALSE);

  stmt = cag_store_prepare (store,
                            "SELECT NOT EXISTS (SELECT 1 FROM organization) "
                            "AND NOT EXISTS (SELECT 1 FROM campaign)", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  return sqlite3_column_int (stmt, 0) != 0;
}

/* ---- Organizations ------------------------------------------------------ */

#define ORG_COLUMNS \
  "id, name, short_name, region, kind, contact_name, email, phone, notes, active, charity"

static CagOrganization *
org_from_row (sqlite3_stmt *stmt)
{
  CagOrganization *org = cag_organization_new ();

  org->id = sqlite3_column_int64 (stmt, 0);
  org->name = column_dup (stmt, 1);
  org->short_name = column_dup (stmt, 2);
  org->region = column_dup (stmt, 3);
  cag_org_kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &org->kind);
  org->contact_name = column_dup (stmt, 5);
  org->email = column_dup (stmt, 6);
  org->phone = column_dup (stmt, 7);
  org->notes = column_dup (stmt, 8);
  org->active = sqlite3_column_int (stmt, 9) != 0;
  cag_charity_from_string ((const char *) sqlite3_column_text (stmt, 10), &org->charity);
  return org;
}

static gboolean
email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = email; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* A cleaned copy of ORG, checked; keys computed. */
static CagOrganization *
org_validate (const CagOrganization *org,
              char                 **out_name_key,
              char                 **out_short_key,
              char                 **out_region_key,
              GError               **error)
{
  g_autoptr(CagOrganization) clean = cag_organization_new ();
  g_autofree char *name_key = NULL;

  clean->id = org->id;
  clean->name = clean_optional (org->name);
  clean->short_name = clean_optional (org->short_name);
  clean->region = clean_optional (org->region);
  clean->contact_name = clean_optional (org->contact_name);
  clean->email = clean_optional (org->email);
  clean->phone = clean_optional (org->phone);
  clean->notes = clean_optional (org->notes);
  clean->kind = org->kind;
  clean->charity = org->charity;
  clean->active = org->active;

  if (clean->name == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The organization needs a name."));
      return NULL;
    }
  if (!check_text (clean->name, MAX_NAME_CHARS, error)
      || !check_text (clean->short_name, MAX_NAME_CHARS, error)
      || !check_text (clean->region, MAX_NAME_CHARS, error)
      || !check_text (clean->contact_name, MAX_NAME_CHARS, error)
      || !check_text (clean->email, MAX_NAME_CHARS, error)
      || !check_text (clean->phone, MAX_NAME_CHARS, error)
      || !check_text (clean->notes, MAX_TEXT_CHARS, error))
    return NULL;
  name_key = cag_fold_key (clean->name);
  if (name_key == NULL || *name_key == '\0')
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” cannot be used as a name: it has no letter or digit."), clean->name);
      return NULL;
    }
  if (clean->email != NULL && !email_is_valid (clean->email))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not an e-mail address (expected something like "
                     "name@example.org)."), clean->email);
      return NULL;
    }
  if ((guint) clean->kind > CAG_ORG_NETWORK || (guint) clean->charity > CAG_CHARITY_REGISTERED)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Unknown kind of organization or charitable status."));
      return NULL;
    }

  *out_name_key = g_steal_pointer (&name_key);
  *out_short_key = clean->short_name != NULL ? cag_fold_key (clean->short_name) : NULL;
  if (*out_short_key != NULL && **out_short_key == '\0')
    g_clear_pointer (out_short_key, g_free);
  *out_region_key = clean->region != NULL ? cag_fold_key (clean->region) : NULL;
  return g_steal_pointer (&clean);
}

/* EXISTS when another organization already has NAME_KEY or SHORT_KEY as its
 * name or short name. */
static gboolean
org_check_unique (CagStore              *store,
                  const CagOrganization *org,
                  const char            *name_key,
                  const char            *short_key,
                  GError               **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  int rc;

  stmt = cag_store_prepare (store,
                            "SELECT name, name_key, short_key FROM organization "
                            "WHERE (name_key = ?1 OR short_key = ?1 OR name_key = ?2 "
                            "OR short_key = ?2) AND id != ?3 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name_key);
  bind_text (stmt, 2, short_key);
  sqlite3_bind_int64 (stmt, 3, org->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *other = (const char *) sqlite3_column_text (stmt, 0);
      const char *other_name_key = (const char *) sqlite3_column_text (stmt, 1);
      const char *other_short_key = (const char *) sqlite3_column_text (stmt, 2);
      gboolean by_name = g_strcmp0 (other_name_key, name_key) == 0
                         || g_strcmp0 (other_short_key, name_key) == 0;

      g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                   _("“%s” is already the name or short name of the organization “%s”."),
                   by_name ? org->name : org->short_name, other);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return cag_store_set_error (store, rc, _("saving the organization"), error);
  return TRUE;
}

static char *
org_detail (const CagOrganization *org)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_add_string (builder, "name", org->name);
  json_add_string (builder, "short_name", org->short_name);
  json_add_string (builder, "region", org->region);
  json_add_string (builder, "kind", cag_org_kind_to_string (org->kind));
  json_add_string (builder, "email", org->email);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, org->active);
  json_builder_end_object (builder);
  return builder_to_json (builder);
}

static gboolean
org_write (CagStore              *store,
           const CagOrganization *clean,
           const char            *name_key,
           const char            *short_key,
           const char            *region_key,
           gint64                *out_id,
           GError               **error)
{
  const char *context = N_("saving the organization");
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  g_autoptr(CagStmt) stmt = NULL;

  if (!org_check_unique (store, clean, name_key, short_key, error))
    return FALSE;

  if (clean->id == 0)
    stmt = cag_store_prepare (store,
                              "INSERT INTO organization (name, name_key, short_name, short_key, "
                              "region, region_key, kind, contact_name, email, phone, notes, "
                              "active, charity, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                              error);
  else
    stmt = cag_store_prepare (store,
                              "UPDATE organization SET name = ?1, name_key = ?2, short_name = ?3, "
                              "short_key = ?4, region = ?5, region_key = ?6, kind = ?7, "
                              "contact_name = ?8, email = ?9, phone = ?10, notes = ?11, "
                              "active = ?12, charity = ?13 WHERE id = ?15",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, clean->name);
  bind_text (stmt, 2, name_key);
  bind_text (stmt, 3, clean->short_name);
  bind_text (stmt, 4, short_key);
  bind_text (stmt, 5, clean->region);
  bind_text (stmt, 6, region_key);
  bind_text (stmt, 7, cag_org_kind_to_string (clean->kind));
  bind_text (stmt, 8, clean->contact_name);
  bind_text (stmt, 9, clean->email);
  bind_text (stmt, 10, clean->phone);
  bind_text (stmt, 11, clean->notes);
  sqlite3_bind_int (stmt, 12, clean->active ? 1 : 0);
  bind_text (stmt, 13, cag_charity_to_string (clean->charity));
  if (clean->id == 0)
    bind_text (stmt, 14, at);
  else
    sqlite3_bind_int64 (stmt, 15, clean->id);
  if (!step_done (store, stmt, context, error))
    return FALSE;

  if (clean->id == 0)
    *out_id = sqlite3_last_insert_rowid (store->db);
  else if (sqlite3_changes (store->db) == 0)
    {
      g_autofree char *id = id_to_string (clean->id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("There is no organization number %s."), id);
      return FALSE;
    }
  else
    *out_id = clean->id;

  detail = org_detail (clean);
  return cag_store_audit (store, clean->id == 0 ? "org.add" : "org.update",
                          "organization", *out_id, detail, error);
}

static gboolean
org_save (CagStore              *store,
          const CagOrganization *org,
          gint64                *out_id,
          GError               **error)
{
  g_autoptr(CagOrganization) clean = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *short_key = NULL;
  g_autofree char *region_key = NULL;

  clean = org_validate (org, &name_key, &short_key, &region_key, error);
  if (clean == NULL || !cag_store_begin (store, error))
    return FALSE;
  return finish_write (store,
                       org_write (store, clean, name_key, short_key, region_key, out_id, error),
                       error);
}

gboolean
cag_store_org_add (CagStore        *store,
                   CagOrganization *org,
                   GError         **error)
{
  gint64 id = 0;
  g_autoptr(CagOrganization) fresh = NULL;

  g_return_val_if_fail (store != NULL && org != NULL, FALSE);

  fresh = cag_organization_copy (org);
  fresh->id = 0;
  if (!org_save (store, fresh, &id, error))
    return FALSE;
  org->id = id;
  return TRUE;
}

gboolean
cag_store_org_update (CagStore              *store,
                      const CagOrganization *org,
                      GError               **error)
{
  gint64 id = 0;

  g_return_val_if_fail (store != NULL && org != NULL && org->id > 0, FALSE);
  return org_save (store, org, &id, error);
}

gboolean
cag_store_org_set_active (CagStore *store,
                          gint64    org_id,
                          gboolean  active,
                          GError  **error)
{
  g_autoptr(CagOrganization) org = NULL;

  g_return_val_if_fail (store != NULL, FALSE);

  org = cag_store_org_get (store, org_id, error);
  if (org == NULL)
    return FALSE;
  org->active = active;
  return cag_store_org_update (store, org, error);
}

CagOrganization *
cag_store_org_get (CagStore *store,
                   gint64    org_id,
                   GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store, "SELECT " ORG_COLUMNS " FROM organization WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, org_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return org_from_row (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = id_to_string (org_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("There is no organization number %s."), id);
    }
  else
    cag_store_set_error (store, rc, _("reading the organizations"), error);
  return NULL;
}

/* TRUE and the number when KEY is only digits. */
static gboolean
key_is_id (const char *key,
           gint64     *out_id)
{
  guint64 value;

  if (*key == '\0')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (key, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out_id = (gint64) value;
  return TRUE;
}

CagOrganization *
cag_store_org_find (CagStore   *store,
                    const char *key,
                    GError    **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_organization_free);
  gint64 id;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  trimmed = g_strstrip (g_strdup (key != NULL ? key : ""));
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Name an organization (its name, short name or number)."));
      return NULL;
    }
  if (key_is_id (trimmed, &id))
    {
      CagOrganization *org = cag_store_org_get (store, id, NULL);

      if (org != NULL)
        return org;
    }

  folded = cag_fold_key (trimmed);
  stmt = cag_store_prepare (store,
                            "SELECT " ORG_COLUMNS " FROM organization "
                            "WHERE name_key = ?1 OR short_key = ?1 ORDER BY name_key", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, folded);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, org_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the organizations"), error);
      return NULL;
    }
  if (found->len == 1)
    return g_steal_pointer (&found->pdata[0]);
  if (found->len == 0)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("No organization is named “%s”."), trimmed);
  else
    g_set_error (error, CAG_ERROR, CAG_ERROR_AMBIGUOUS,
                 _("“%s” matches several organizations; use the full name or the number."),
                 trimmed);
  return NULL;
}

/* A LIKE pattern matching keys that contain the folded SEARCH. */
static char *
like_pattern (const char *search)
{
  g_autofree char *folded = cag_fold_key (search);
  GString *pattern = g_string_new ("%");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

GPtrArray *
cag_store_org_list (CagStore   *store,
                    const char *search,
                    gboolean    include_inactive,
                    GError    **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_organization_free);
  g_autofree char *pattern = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  if (search != NULL && *search != '\0' && g_utf8_validate (search, -1, NULL))
    pattern = like_pattern (search);

  stmt = cag_store_prepare (store,
                            "SELECT " ORG_COLUMNS " FROM organization "
                            "WHERE (?1 IS NULL OR name_key LIKE ?1 ESCAPE '\\' "
                            "OR short_key LIKE ?1 ESCAPE '\\' OR region_key LIKE ?1 ESCAPE '\\') "
                            "AND (?2 OR active = 1) ORDER BY name_key", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, pattern);
  sqlite3_bind_int (stmt, 2, include_inactive ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, org_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the organizations"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
cag_store_org_count (CagStore *store)
{
  g_autoptr(CagStmt) stmt = NULL;

  g_return_val_if_fail (store != NULL, 0);

  stmt = cag_store_prepare (store, "SELECT count(*) FROM organization", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* ---- Campaigns ---------------------------------------------------------- */

#define CAMPAIGN_COLUMNS "id, name, delegation_cost_cents, start_date, deadline"

static CagCampaign *
campaign_from_row (sqlite3_stmt *stmt)
{
  CagCampaign *campaign = cag_campaign_new ();

  campaign->id = sqlite3_column_int64 (stmt, 0);
  campaign->name = column_dup (stmt, 1);
  campaign->delegation_cost_cents = sqlite3_column_int64 (stmt, 2);
  campaign->start = column_date (stmt, 3);
  campaign->deadline = column_date (stmt, 4);
  return campaign;
}

static gboolean
check_amount (gint64   cents,
              gboolean allow_zero,
              GError **error)
{
  if (cents < 0 || (cents == 0 && !allow_zero))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           allow_zero ? _("The amount cannot be negative.")
                                      : _("The amount must be more than zero."));
      return FALSE;
    }
  if (cents > CAG_MONEY_MAX_CENTS)
    {
      g_autofree char *max = cag_money_format (CAG_MONEY_MAX_CENTS, cag_i18n_get_language ());

      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The amount is too large (at most %s)."), max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (const CagDate *date,
            GError       **error)
{
  if (!cag_date_valid (date))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The date %04d-%02d-%02d does not exist."),
                   date->year, date->month, date->day);
      return FALSE;
    }
  return TRUE;
}

static gboolean
campaign_save (CagStore          *store,
               const CagCampaign *campaign,
               gint64            *out_id,
               GError           **error)
{
  const char *context = N_("saving the campaign");
  g_autofree char *name = clean_optional (campaign->name);
  g_autofree char *name_key = NULL;
  g_autofree char *start = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if (name == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID, _("The campaign needs a name."));
      return FALSE;
    }
  if (!check_text (name, MAX_NAME_CHARS, error)
      || !check_amount (campaign->delegation_cost_cents, FALSE, error)
      || !check_date (&campaign->start, error) || !check_date (&campaign->deadline, error))
    return FALSE;
  name_key = cag_fold_key (name);
  if (*name_key == '\0')
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” cannot be used as a name: it has no letter or digit."), name);
      return FALSE;
    }
  start = cag_date_to_iso (&campaign->start);
  deadline = cag_date_to_iso (&campaign->deadline);
  if (cag_date_compare (&campaign->deadline, &campaign->start) <= 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The deadline (%s) must come after the start of saving (%s)."),
                   deadline, start);
      return FALSE;
    }

  if (!cag_store_begin (store, error))
    return FALSE;

  stmt = cag_store_prepare (store, "SELECT name FROM campaign WHERE name_key = ?1 AND id != ?2",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, name_key);
      sqlite3_bind_int64 (stmt, 2, campaign->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                       _("A campaign named “%s” already exists."),
                       (const char *) sqlite3_column_text (stmt, 0));
          ok = FALSE;
        }
      else if (rc != SQLITE_DONE)
        ok = cag_store_set_error (store, rc, _(context), error);
      sqlite3_reset (stmt);
    }

  if (ok)
    {
      if (campaign->id == 0)
        stmt = cag_store_prepare (store,
                                  "INSERT INTO campaign (name, name_key, delegation_cost_cents, "
                                  "start_date, start_month, deadline, deadline_month, created_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      else
        stmt = cag_store_prepare (store,
                                  "UPDATE campaign SET name = ?1, name_key = ?2, "
                                  "delegation_cost_cents = ?3, start_date = ?4, start_month = ?5, "
                                  "deadline = ?6, deadline_month = ?7 WHERE id = ?9", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      bind_text (stmt, 1, name);
      bind_text (stmt, 2, name_key);
      sqlite3_bind_int64 (stmt, 3, campaign->delegation_cost_cents);
      bind_text (stmt, 4, start);
      sqlite3_bind_int (stmt, 5, cag_month_index (&campaign->start));
      bind_text (stmt, 6, deadline);
      sqlite3_bind_int (stmt, 7, cag_month_index (&campaign->deadline));
      if (campaign->id == 0)
        bind_text (stmt, 8, at);
      else
        sqlite3_bind_int64 (stmt, 9, campaign->id);
      ok = step_done (store, stmt, context, error);
    }
  if (ok)
    {
      if (campaign->id == 0)
        *out_id = sqlite3_last_insert_rowid (store->db);
      else if (sqlite3_changes (store->db) == 0)
        {
          g_autofree char *id = id_to_string (campaign->id);

          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("There is no campaign number %s."), id);
          ok = FALSE;
        }
      else
        *out_id = campaign->id;
    }
  if (ok)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_add_string (builder, "name", name);
      json_add_int (builder, "delegation_cost_cents", campaign->delegation_cost_cents);
      json_add_string (builder, "start", start);
      json_add_string (builder, "deadline", deadline);
      json_builder_end_object (builder);
      detail = builder_to_json (builder);
      ok = cag_store_audit (store, campaign->id == 0 ? "campaign.add" : "campaign.update",
                            "campaign", *out_id, detail, error);
    }
  return finish_write (store, ok, error);
}

gboolean
cag_store_campaign_add (CagStore    *store,
                        CagCampaign *campaign,
                        GError     **error)
{
  g_autoptr(CagCampaign) fresh = NULL;
  gint64 id = 0;

  g_return_val_if_fail (store != NULL && campaign != NULL, FALSE);

  fresh = cag_campaign_copy (campaign);
  fresh->id = 0;
  if (!campaign_save (store, fresh, &id, error))
    return FALSE;
  campaign->id = id;
  return TRUE;
}

gboolean
cag_store_campaign_update (CagStore          *store,
                           const CagCampaign *campaign,
                           GError           **error)
{
  gint64 id = 0;

  g_return_val_if_fail (store != NULL && campaign != NULL && campaign->id > 0, FALSE);
  return campaign_save (store, campaign, &id, error);
}

CagCampaign *
cag_store_campaign_get (CagStore *store,
                        gint64    campaign_id,
                        GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store, "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return campaign_from_row (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = id_to_string (campaign_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("There is no campaign number %s."), id);
    }
  else
    cag_store_set_error (store, rc, _("reading the campaigns"), error);
  return NULL;
}

CagCampaign *
cag_store_campaign_find (CagStore   *store,
                         const char *key,
                         GError    **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(CagStmt) stmt = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  trimmed = g_strstrip (g_strdup (key != NULL ? key : ""));
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Name a campaign (its name or number)."));
      return NULL;
    }
  if (key_is_id (trimmed, &id))
    {
      CagCampaign *campaign = cag_store_campaign_get (store, id, NULL);

      if (campaign != NULL)
        return campaign;
    }

  folded = cag_fold_key (trimmed);
  stmt = cag_store_prepare (store,
                            "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE name_key = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, folded);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return campaign_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("No campaign is named “%s”."), trimmed);
  else
    cag_store_set_error (store, rc, _("reading the campaigns"), error);
  return NULL;
}

GPtrArray *
cag_store_campaign_list (CagStore *store,
                         GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_campaign_free);
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store,
                            "SELECT " CAMPAIGN_COLUMNS " FROM campaign "
                            "ORDER BY start_date, name_key", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, campaign_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the campaigns"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Funds -------------------------------------------------------------- */

#define FUND_SELECT \
  "SELECT f.id, f.organization_id, f.campaign_id, f.delegations, f.target_override_cents, " \
  "f.monthly_override_cents, o.name, c.name, " \
  "CASE WHEN f.target_override_cents > 0 THEN f.target_override_cents " \
  "ELSE f.delegations * c.delegation_cost_cents END " \
  "FROM fund f JOIN organization o ON o.id = f.organization_id " \
  "JOIN campaign c ON c.id = f.campaign_id "
#define FUND_ORDER " ORDER BY o.name_key, c.start_date, c.name_key, f.id"

static CagFund *
fund_from_row (sqlite3_stmt *stmt)
{
  CagFund *fund = cag_fund_new ();

  fund->id = sqlite3_column_int64 (stmt, 0);
  fund->organization_id = sqlite3_column_int64 (stmt, 1);
  fund->campaign_id = sqlite3_column_int64 (stmt, 2);
  fund->delegations = sqlite3_column_int (stmt, 3);
  fund->target_override_cents = sqlite3_column_int64 (stmt, 4);
  fund->monthly_override_cents = sqlite3_column_int64 (stmt, 5);
  fund->organization_name = column_dup (stmt, 6);
  fund->campaign_name = column_dup (stmt, 7);
  fund->target_cents = sqlite3_column_int64 (stmt, 8);
  return fund;
}

static gboolean
fund_validate (const CagFund *fund,
               GError       **error)
{
  if (fund->delegations < 1 || fund->delegations > MAX_DELEGATIONS)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The number of delegations must be between 1 and %d."), MAX_DELEGATIONS);
      return FALSE;
    }
  return check_amount (fund->target_override_cents, TRUE, error)
         && check_amount (fund->monthly_override_cents, TRUE, error);
}

static char *
fund_detail (const CagFund *fund)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_add_int (builder, "organization_id", fund->organization_id);
  json_add_int (builder, "campaign_id", fund->campaign_id);
  json_add_int (builder, "delegations", fund->delegations);
  json_add_int (builder, "target_override_cents", fund->target_override_cents);
  json_add_int (builder, "monthly_override_cents", fund->monthly_override_cents);
  json_builder_end_object (builder);
  return builder_to_json (builder);
}

gboolean
cag_store_fund_open (CagStore *store,
                     CagFund  *fund,
                     GError  **error)
{
  const char *context = N_("opening the fund");
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(CagCampaign) campaign = NULL;
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;
  int rc;

  g_return_val_if_fail (store != NULL && fund != NULL, FALSE);

  if (!fund_validate (fund, error))
    return FALSE;
  org = cag_store_org_get (store, fund->organization_id, error);
  if (org == NULL)
    return FALSE;
  campaign = cag_store_campaign_get (store, fund->campaign_id, error);
  if (campaign == NULL)
    return FALSE;

  if (!cag_store_begin (store, error))
    return FALSE;

  stmt = cag_store_prepare (store,
                            "SELECT id FROM fund WHERE organization_id = ?1 AND campaign_id = ?2",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, fund->organization_id);
      sqlite3_bind_int64 (stmt, 2, fund->campaign_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                       _("“%s” already has a fund for “%s”."), org->name, campaign->name);
          ok = FALSE;
        }
      else if (rc != SQLITE_DONE)
        ok = cag_store_set_error (store, rc, _(context), error);
    }
  if (ok)
    {
      stmt = cag_store_prepare (store,
                                "INSERT INTO fund (organization_id, campaign_id, delegations, "
                                "target_override_cents, monthly_override_cents, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, fund->organization_id);
      sqlite3_bind_int64 (stmt, 2, fund->campaign_id);
      sqlite3_bind_int (stmt, 3, fund->delegations);
      sqlite3_bind_int64 (stmt, 4, fund->target_override_cents);
      sqlite3_bind_int64 (stmt, 5, fund->monthly_override_cents);
      bind_text (stmt, 6, at);
      ok = step_done (store, stmt, context, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (store->db);
      detail = fund_detail (fund);
      ok = cag_store_audit (store, "fund.open", "fund", id, detail, error);
    }
  if (!finish_write (store, ok, error))
    return FALSE;

  fund->id = id;
  g_free (fund->organization_name);
  fund->organization_name = g_strdup (org->name);
  g_free (fund->campaign_name);
  fund->campaign_name = g_strdup (campaign->name);
  fund->target_cents = fund->target_override_cents > 0
                       ? fund->target_override_cents
                       : fund->delegations * campaign->delegation_cost_cents;
  return TRUE;
}

gboolean
cag_store_fund_update (CagStore      *store,
                       const CagFund *fund,
                       GError       **error)
{
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (store != NULL && fund != NULL, FALSE);

  if (!fund_validate (fund, error))
    return FALSE;
  if (!cag_store_begin (store, error))
    return FALSE;
  stmt = cag_store_prepare (store,
                            "UPDATE fund SET delegations = ?2, target_override_cents = ?3, "
                            "monthly_override_cents = ?4 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, fund->id);
      sqlite3_bind_int (stmt, 2, fund->delegations);
      sqlite3_bind_int64 (stmt, 3, fund->target_override_cents);
      sqlite3_bind_int64 (stmt, 4, fund->monthly_override_cents);
      ok = step_done (store, stmt, N_("saving the fund"), error);
    }
  if (ok && sqlite3_changes (store->db) == 0)
    {
      g_autofree char *id = id_to_string (fund->id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND, _("There is no fund number %s."), id);
      ok = FALSE;
    }
  if (ok)
    {
      detail = fund_detail (fund);
      ok = cag_store_audit (store, "fund.update", "fund", fund->id, detail, error);
    }
  return finish_write (store, ok, error);
}

static GPtrArray *
fund_query (CagStore     *store,
            const char   *sql,
            gint64        a,
            gint64        b,
            GError      **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_fund_free);
  int rc;

  stmt = cag_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, fund_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the funds"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

CagFund *
cag_store_fund_get (CagStore *store,
                    gint64    fund_id,
                    GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  list = fund_query (store, FUND_SELECT "WHERE f.id = ?1", fund_id, 0, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_autofree char *id = id_to_string (fund_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND, _("There is no fund number %s."), id);
      return NULL;
    }
  return g_steal_pointer (&list->pdata[0]);
}

CagFund *
cag_store_fund_find (CagStore *store,
                     gint64    org_id,
                     gint64    campaign_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CagOrganization) org = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  org = cag_store_org_get (store, org_id, error);
  if (org == NULL)
    return NULL;
  if (campaign_id > 0)
    {
      g_autoptr(CagCampaign) campaign = cag_store_campaign_get (store, campaign_id, error);

      if (campaign == NULL)
        return NULL;
      list = fund_query (store, FUND_SELECT "WHERE f.organization_id = ?1 AND f.campaign_id = ?2",
                         org_id, campaign_id, error);
      if (list == NULL)
        return NULL;
      if (list->len == 0)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("“%s” has no fund for “%s”."), org->name, campaign->name);
          return NULL;
        }
      return g_steal_pointer (&list->pdata[0]);
    }

  list = fund_query (store, FUND_SELECT "WHERE f.organization_id = ?1" FUND_ORDER,
                     org_id, 0, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("“%s” has no fund yet."), org->name);
      return NULL;
    }
  if (list->len > 1)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_AMBIGUOUS,
                   _("“%s” has funds in several campaigns; name the campaign."), org->name);
      return NULL;
    }
  return g_steal_pointer (&list->pdata[0]);
}

GPtrArray *
cag_store_fund_list (CagStore *store,
                     gint64    campaign_id,
                     gint64    org_id,
                     GError  **error)
{
  g_return_val_if_fail (store != NULL, NULL);

  if (campaign_id > 0 && org_id > 0)
    return fund_query (store,
                       FUND_SELECT "WHERE f.campaign_id = ?1 AND f.organization_id = ?2"
                       FUND_ORDER, campaign_id, org_id, error);
  if (campaign_id > 0)
    return fund_query (store, FUND_SELECT "WHERE f.campaign_id = ?1" FUND_ORDER,
                       campaign_id, 0, error);
  if (org_id > 0)
    return fund_query (store, FUND_SELECT "WHERE f.organization_id = ?1" FUND_ORDER,
                       org_id, 0, error);
  return fund_query (store, FUND_SELECT FUND_ORDER, 0, 0, error);
}

/* ---- Contributions ------------------------------------------------------ */

#define CONTRIBUTION_SELECT \
  "SELECT x.id, x.fund_id, x.date, x.amount_cents, x.method, x.reference, x.note, " \
  "x.recorded_at, x.recorded_by, x.voided, x.void_reason, x.voided_at, x.voided_by, " \
  "o.name, c.name " \
  "FROM contribution x JOIN fund f ON f.id = x.fund_id " \
  "JOIN organization o ON o.id = f.organization_id JOIN campaign c ON c.id = f.campaign_id "

#define CONTRIBUTION_SELECT_BY_MONTH \
  "SELECT x.id, x.fund_id, x.date, x.amount_cents, x.method, x.reference, x.note, " \
  "x.recorded_at, x.recorded_by, x.voided, x.void_reason, x.voided_at, x.voided_by, " \
  "o.name, c.name " \
  "FROM fund f CROSS JOIN campaign_month cm ON cm.campaign_id = f.campaign_id " \
  "CROSS JOIN contribution x ON x.month = cm.month AND x.fund_id = f.id " \
  "JOIN organization o ON o.id = f.organization_id JOIN campaign c ON c.id = f.campaign_id "

static CagContribution *
contribution_from_row (sqlite3_stmt *stmt)
{
  CagContribution *c = cag_contribution_new ();

  c->id = sqlite3_column_int64 (stmt, 0);
  c->fund_id = sqlite3_column_int64 (stmt, 1);
  c->date = column_date (stmt, 2);
  c->amount_cents = sqlite3_column_int64 (stmt, 3);
  cag_method_from_string ((const char *) sqlite3_column_text (stmt, 4), &c->method);
  c->reference = column_dup (stmt, 5);
  c->note = column_dup (stmt, 6);
  c->recorded_at = column_dup (stmt, 7);
  c->recorded_by = column_dup (stmt, 8);
  c->voided = sqlite3_column_int (stmt, 9) != 0;
  c->void_reason = column_dup (stmt, 10);
  c->voided_at = column_dup (stmt, 11);
  c->voided_by = column_dup (stmt, 12);
  c->organization_name = column_dup (stmt, 13);
  c->campaign_name = column_dup (stmt, 14);
  return c;
}

static gboolean
contribution_validate (const CagContribution *c,
                       GError               **error)
{
  if (c->fund_id <= 0)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The contribution must go to a fund."));
      return FALSE;
    }
  if ((guint) c->method > CAG_METHOD_OTHER)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID, _("Unknown payment method."));
      return FALSE;
    }
  return check_amount (c->amount_cents, FALSE, error)
         && check_date (&c->date, error)
         && check_text (c->reference, MAX_NAME_CHARS, error)
         && check_text (c->note, MAX_TEXT_CHARS, error);
}

/* The campaign of FUND_ID, NOT_FOUND when there is no such fund. */
static gboolean
fund_campaign (CagStore *store,
               gint64    fund_id,
               gint64   *out_campaign_id,
               GError  **error)
{
  g_autoptr(CagStmt) stmt = cag_store_prepare (store, "SELECT campaign_id FROM fund WHERE id = ?1",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fund_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_campaign_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = id_to_string (fund_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND, _("There is no fund number %s."), id);
      return FALSE;
    }
  return cag_store_set_error (store, rc, _("reading the funds"), error);
}

static const char fund_total_sql[] =
  "UPDATE fund SET saved_total_cents = saved_total_cents + ?2, "
  "contribution_count = contribution_count + ?3 WHERE id = ?1";
static const char fund_month_sql[] =
  "INSERT INTO fund_month (fund_id, month, total_cents, count) "
  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (fund_id, month) DO UPDATE "
  "SET total_cents = total_cents + excluded.total_cents, count = count + excluded.count";
static const char campaign_month_sql[] =
  "INSERT INTO campaign_month (campaign_id, month, total_cents, count) "
  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (campaign_id, month) DO UPDATE "
  "SET total_cents = total_cents + excluded.total_cents, count = count + excluded.count";

/* Adds AMOUNT and COUNT (negative to take away) to the kept totals. */
static gboolean
apply_totals (CagStore *store,
              gint64    fund_id,
              gint64    campaign_id,
              gint      month,
              gint64    amount,
              gint64    count,
              GError  **error)
{
  const char *context = N_("updating the totals");
  sqlite3_stmt *stmt;

  stmt = cag_store_prepare (store, fund_total_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fund_id);
  sqlite3_bind_int64 (stmt, 2, amount);
  sqlite3_bind_int64 (stmt, 3, count);
  if (!step_done (store, stmt, context, error))
    return FALSE;

  stmt = cag_store_prepare (store, fund_month_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fund_id);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_int64 (stmt, 4, count);
  if (!step_done (store, stmt, context, error))
    return FALSE;

  stmt = cag_store_prepare (store, campaign_month_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_int64 (stmt, 4, count);
  if (!step_done (store, stmt, context, error))
    return FALSE;

  return TRUE;
}

static const char insert_contribution_sql[] =
  "INSERT INTO contribution (fund_id, date, month, amount_cents, method, reference, note, "
  "recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static gboolean
insert_contribution (CagStore              *store,
                     sqlite3_stmt          *stmt,
                     const CagContribution *c,
                     const char            *at,
                     GError               **error)
{
  char date[11];

  /* By hand: this runs for every row of a bulk load. */
  date[0] = '0' + c->date.year / 1000 % 10;
  date[1] = '0' + c->date.year / 100 % 10;
  date[2] = '0' + c->date.year / 10 % 10;
  date[3] = '0' + c->date.year % 10;
  date[4] = '-';
  date[5] = '0' + c->date.month / 10;
  date[6] = '0' + c->date.month % 10;
  date[7] = '-';
  date[8] = '0' + c->date.day / 10;
  date[9] = '0' + c->date.day % 10;
  date[10] = '\0';
  sqlite3_bind_int64 (stmt, 1, c->fund_id);
  sqlite3_bind_text (stmt, 2, date, 10, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, cag_month_index (&c->date));
  sqlite3_bind_int64 (stmt, 4, c->amount_cents);
  sqlite3_bind_text (stmt, 5, cag_method_to_string (c->method), -1, SQLITE_STATIC);
  if (c->reference != NULL && *c->reference != '\0')
    sqlite3_bind_text (stmt, 6, c->reference, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 6);
  if (c->note != NULL && *c->note != '\0')
    sqlite3_bind_text (stmt, 7, c->note, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_text (stmt, 8, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, user_name (), -1, SQLITE_STATIC);
  return step_done (store, stmt, N_("recording the contribution"), error);
}

static char *
contribution_detail (const CagContribution *c)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *date = cag_date_to_iso (&c->date);

  json_builder_begin_object (builder);
  json_add_int (builder, "fund_id", c->fund_id);
  json_add_string (builder, "date", date);
  json_add_int (builder, "amount_cents", c->amount_cents);
  json_add_string (builder, "method", cag_method_to_string (c->method));
  json_add_string (builder, "reference", c->reference);
  json_builder_end_object (builder);
  return builder_to_json (builder);
}

static void
mark_recorded (CagContribution *c,
               gint64           id,
               const char      *at)
{
  c->id = id;
  g_free (c->recorded_at);
  c->recorded_at = g_strdup (at);
  g_free (c->recorded_by);
  c->recorded_by = g_strdup (user_name ());
  c->voided = FALSE;
}

gboolean
cag_store_contribution_add (CagStore        *store,
                            CagContribution *c,
                            GError         **error)
{
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 campaign_id = 0, id = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL && c != NULL, FALSE);

  if (!contribution_validate (c, error))
    return FALSE;
  if (!cag_store_begin (store, error))
    return FALSE;

  ok = fund_campaign (store, c->fund_id, &campaign_id, error);
  if (ok)
    {
      stmt = cag_store_prepare (store, insert_contribution_sql, error);
      ok = stmt != NULL && insert_contribution (store, stmt, c, at, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (store->db);
      ok = apply_totals (store, c->fund_id, campaign_id, cag_month_index (&c->date),
                         c->amount_cents, 1, error);
    }
  if (ok)
    {
      detail = contribution_detail (c);
      ok = cag_store_audit (store, "contribution.add", "contribution", id, detail, error);
    }
  if (!finish_write (store, ok, error))
    return FALSE;
  mark_recorded (c, id, at);
  return TRUE;
}

/* ---- Bulk writes ---------------------------------------------------------
 *
 * A batch binds many rows per statement ("VALUES (…), (…), …"): per-row
 * statement overhead is most of the cost of a bulk load. */

#define ROWS_PER_STATEMENT 50

typedef void (*BindRow) (sqlite3_stmt *stmt,
                         int           first,
                         guint         row,
                         gpointer      data);

/* PREFIX, then ROWS groups of WIDTH "?", then SUFFIX: fixed SQL, never user
 * text. */
static char *
multi_row_sql (const char *prefix,
               guint       width,
               guint       rows,
               const char *suffix)
{
  GString *sql = g_string_new (prefix);

  for (guint r = 0; r < rows; r++)
    {
      g_string_append (sql, r == 0 ? " (" : ", (");
      for (guint c = 0; c < width; c++)
        g_string_append (sql, c == 0 ? "?" : ", ?");
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, suffix);
  return g_string_free (sql, FALSE);
}

/* Writes N_ROWS rows, ROWS_PER_STATEMENT at a time, BIND filling each. */
static gboolean
write_rows (CagStore   *store,
            const char *prefix,
            const char *suffix,
            guint       width,
            guint       n_rows,
            BindRow     bind,
            gpointer    data,
            const char *context,
            GError    **error)
{
  g_autofree char *many_sql = multi_row_sql (prefix, width, ROWS_PER_STATEMENT, suffix);
  g_autofree char *one_sql = multi_row_sql (prefix, width, 1, suffix);
  sqlite3_stmt *many = NULL, *one = NULL;
  guint i = 0;

  if (n_rows >= ROWS_PER_STATEMENT && (many = cag_store_prepare (store, many_sql, error)) == NULL)
    return FALSE;
  if (n_rows % ROWS_PER_STATEMENT != 0 && (one = cag_store_prepare (store, one_sql, error)) == NULL)
    return FALSE;

  while (i < n_rows)
    {
      gboolean full = n_rows - i >= ROWS_PER_STATEMENT;
      sqlite3_stmt *stmt = full ? many : one;
      guint count = full ? ROWS_PER_STATEMENT : 1;

      for (guint r = 0; r < count; r++)
        bind (stmt, (int) (r * width) + 1, i + r, data);
      if (!step_done (store, stmt, context, error))
        return FALSE;
      i += count;
    }
  return TRUE;
}

typedef struct
{
  gint64 fund_id;
  gint64 campaign_id;
  gint   month;
  gint64 amount;
  gint64 count;
} BatchItem;

static int
batch_item_compare (gconstpointer a,
                    gconstpointer b)
{
  const BatchItem *x = a, *y = b;

  /* fund_month's key order, so that its rows are written in order. */
  if (x->month != y->month)
    return x->month < y->month ? -1 : 1;
  if (x->fund_id != y->fund_id)
    return x->fund_id < y->fund_id ? -1 : 1;
  return 0;
}

typedef struct
{
  GPtrArray  *contributions;
  char      (*dates)[11];
  const char *at;
} ContributionRows;

static void
bind_contribution_row (sqlite3_stmt *stmt,
                       int           first,
                       guint         row,
                       gpointer      data)
{
  ContributionRows *rows = data;
  const CagContribution *c = g_ptr_array_index (rows->contributions, row);

  sqlite3_bind_int64 (stmt, first, c->fund_id);
  sqlite3_bind_text (stmt, first + 1, rows->dates[row], 10, SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 2, cag_month_index (&c->date));
  sqlite3_bind_int64 (stmt, first + 3, c->amount_cents);
  sqlite3_bind_text (stmt, first + 4, cag_method_to_string (c->method), -1, SQLITE_STATIC);
  if (c->reference != NULL && *c->reference != '\0')
    sqlite3_bind_text (stmt, first + 5, c->reference, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, first + 5);
  if (c->note != NULL && *c->note != '\0')
    sqlite3_bind_text (stmt, first + 6, c->note, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, first + 6);
  sqlite3_bind_text (stmt, first + 7, rows->at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 8, user_name (), -1, SQLITE_STATIC);
}

/* Items: (month, fund_id, amount, count) for fund_month, or (fund_id,
 * amount, count) for fund, or (campaign_id, month, amount, count). */
static void
bind_fund_month_row (sqlite3_stmt *stmt,
                     int           first,
                     guint         row,
                     gpointer      data)
{
  const BatchItem *item = &g_array_index ((GArray *) data, BatchItem, row);

  sqlite3_bind_int (stmt, first, item->month);
  sqlite3_bind_int64 (stmt, first + 1, item->fund_id);
  sqlite3_bind_int64 (stmt, first + 2, item->amount);
  sqlite3_bind_int64 (stmt, first + 3, item->count);
}

static void
bind_fund_row (sqlite3_stmt *stmt,
               int           first,
               guint         row,
               gpointer      data)
{
  const BatchItem *item = &g_array_index ((GArray *) data, BatchItem, row);

  sqlite3_bind_int64 (stmt, first, item->fund_id);
  sqlite3_bind_int64 (stmt, first + 1, item->amount);
  sqlite3_bind_int64 (stmt, first + 2, item->count);
}

static void
bind_campaign_month_row (sqlite3_stmt *stmt,
                         int           first,
                         guint         row,
                         gpointer      data)
{
  const BatchItem *item = &g_array_index ((GArray *) data, BatchItem, row);

  sqlite3_bind_int64 (stmt, first, item->campaign_id);
  sqlite3_bind_int (stmt, first + 1, item->month);
  sqlite3_bind_int64 (stmt, first + 2, item->amount);
  sqlite3_bind_int64 (stmt, first + 3, item->count);
}

/* Sorts ITEMS and merges those equal under COMPARE, adding amounts and
 * counts. */
static void
merge_items (GArray       *items,
             GCompareFunc  compare)
{
  guint out = 0;

  g_array_sort (items, compare);
  for (guint i = 0; i < items->len; i++)
    {
      BatchItem *item = &g_array_index (items, BatchItem, i);

      if (out > 0 && compare (&g_array_index (items, BatchItem, out - 1), item) == 0)
        {
          g_array_index (items, BatchItem, out - 1).amount += item->amount;
          g_array_index (items, BatchItem, out - 1).count += item->count;
        }
      else
        g_array_index (items, BatchItem, out++) = *item;
    }
  g_array_set_size (items, out);
}

static int
fund_item_compare (gconstpointer a,
                   gconstpointer b)
{
  const BatchItem *x = a, *y = b;

  return x->fund_id < y->fund_id ? -1 : x->fund_id > y->fund_id;
}

static int
campaign_item_compare (gconstpointer a,
                       gconstpointer b)
{
  const BatchItem *x = a, *y = b;

  if (x->campaign_id != y->campaign_id)
    return x->campaign_id < y->campaign_id ? -1 : 1;
  return x->month < y->month ? -1 : x->month > y->month;
}

/* Adds the batch's ITEMS (one per contribution) to the kept totals: one
 * row per fund and month, per fund, per campaign and month. */
static gboolean
apply_batch_totals (CagStore *store,
                    GArray   *items,
                    GError  **error)
{
  const char *context = N_("updating the totals");
  g_autoptr(GArray) funds = NULL;
  g_autoptr(GArray) campaigns = NULL;

  merge_items (items, batch_item_compare);
  if (!write_rows (store, "INSERT INTO fund_month (month, fund_id, total_cents, count) VALUES",
                   " ON CONFLICT (month, fund_id) DO UPDATE SET "
                   "total_cents = total_cents + excluded.total_cents, "
                   "count = count + excluded.count",
                   4, items->len, bind_fund_month_row, items, context, error))
    return FALSE;

  funds = g_array_sized_new (FALSE, FALSE, sizeof (BatchItem), items->len);
  g_array_append_vals (funds, items->data, items->len);
  merge_items (funds, fund_item_compare);
  if (!write_rows (store,
                   "UPDATE fund SET saved_total_cents = saved_total_cents + v.column2, "
                   "contribution_count = contribution_count + v.column3 FROM (VALUES",
                   ") AS v WHERE fund.id = v.column1",
                   3, funds->len, bind_fund_row, funds, context, error))
    return FALSE;

  campaigns = g_array_sized_new (FALSE, FALSE, sizeof (BatchItem), items->len);
  g_array_append_vals (campaigns, items->data, items->len);
  merge_items (campaigns, campaign_item_compare);
  return write_rows (store,
                     "INSERT INTO campaign_month (campaign_id, month, total_cents, count) VALUES",
                     " ON CONFLICT (campaign_id, month) DO UPDATE SET "
                     "total_cents = total_cents + excluded.total_cents, "
                     "count = count + excluded.count",
                     4, campaigns->len, bind_campaign_month_row, campaigns, context, error);
}

/* Every fund's campaign, for large batches. */
static gboolean
load_fund_campaigns (CagStore   *store,
                     GHashTable *campaigns,
                     GError    **error)
{
  g_autoptr(CagStmt) stmt = cag_store_prepare (store, "SELECT id, campaign_id FROM fund", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 campaign_id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (campaigns, g_memdup2 (&id, sizeof id),
                           g_memdup2 (&campaign_id, sizeof campaign_id));
    }
  if (rc != SQLITE_DONE)
    return cag_store_set_error (store, rc, _("reading the funds"), error);
  return TRUE;
}

static void
format_date (const CagDate *date,
             char           out[11])
{
  /* By hand: this runs for every row of a bulk load. */
  out[0] = '0' + date->year / 1000 % 10;
  out[1] = '0' + date->year / 100 % 10;
  out[2] = '0' + date->year / 10 % 10;
  out[3] = '0' + date->year % 10;
  out[4] = '-';
  out[5] = '0' + date->month / 10;
  out[6] = '0' + date->month % 10;
  out[7] = '-';
  out[8] = '0' + date->day / 10;
  out[9] = '0' + date->day % 10;
  out[10] = '\0';
}

/* Checks every row and finds each fund's campaign; sets ITEMS. */
static gboolean
batch_prepare_rows (CagStore  *store,
                    GPtrArray *contributions,
                    GArray    *items,
                    char     (*dates)[11],
                    GError   **error)
{
  g_autoptr(GHashTable) campaigns = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, g_free);

  if (contributions->len >= 64 && !load_fund_campaigns (store, campaigns, error))
    return FALSE;

  for (guint i = 0; i < contributions->len; i++)
    {
      const CagContribution *c = g_ptr_array_index (contributions, i);
      gint64 *campaign_id = g_hash_table_lookup (campaigns, &c->fund_id);
      BatchItem item;

      if (campaign_id == NULL)
        {
          g_autoptr(GError) local = NULL;
          gint64 found = 0;

          if (!fund_campaign (store, c->fund_id, &found, &local))
            {
              g_set_error (error, CAG_ERROR, local->code, _("Row %u: %s"), i + 1, local->message);
              return FALSE;
            }
          campaign_id = g_memdup2 (&found, sizeof found);
          g_hash_table_insert (campaigns, g_memdup2 (&c->fund_id, sizeof (gint64)), campaign_id);
        }
      item.fund_id = c->fund_id;
      item.campaign_id = *campaign_id;
      item.month = cag_month_index (&c->date);
      item.amount = c->amount_cents;
      item.count = 1;
      g_array_append_val (items, item);
      format_date (&c->date, dates[i]);
    }
  return TRUE;
}

gboolean
cag_store_contribution_add_batch (CagStore  *store,
                                  GPtrArray *contributions,
                                  GError   **error)
{
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  g_autofree char (*dates)[11] = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  ContributionRows rows;
  gint64 total = 0, first_id = 0, last_id = 0;
  gboolean ok;
  guint i;

  g_return_val_if_fail (store != NULL && contributions != NULL, FALSE);

  if (contributions->len == 0)
    return TRUE;

  for (i = 0; i < contributions->len; i++)
    {
      g_autoptr(GError) local = NULL;
      const CagContribution *c = g_ptr_array_index (contributions, i);

      if (!contribution_validate (c, &local))
        {
          g_set_error (error, CAG_ERROR, local->code, _("Row %u: %s"), i + 1, local->message);
          return FALSE;
        }
      total += c->amount_cents;
    }

  if (!cag_store_begin (store, error))
    return FALSE;

  items = g_array_sized_new (FALSE, FALSE, sizeof (BatchItem), contributions->len);
  dates = g_malloc (sizeof *dates * contributions->len);
  ok = batch_prepare_rows (store, contributions, items, dates, error);
  if (ok)
    {
      rows.contributions = contributions;
      rows.dates = dates;
      rows.at = at;
      ok = write_rows (store,
                       "INSERT INTO contribution (fund_id, date, month, amount_cents, method, "
                       "reference, note, recorded_at, recorded_by) VALUES", "",
                       9, contributions->len, bind_contribution_row, &rows,
                       N_("recording the contribution"), error);
    }
  if (ok)
    {
      /* Rows inserted by one connection in one transaction get consecutive
       * ids. */
      last_id = sqlite3_last_insert_rowid (store->db);
      first_id = last_id - contributions->len + 1;
      ok = apply_batch_totals (store, items, error);
    }
  if (ok)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_add_int (builder, "count", contributions->len);
      json_add_int (builder, "first_id", first_id);
      json_add_int (builder, "last_id", last_id);
      json_add_int (builder, "total_cents", total);
      json_builder_end_object (builder);
      detail = builder_to_json (builder);
      ok = cag_store_audit (store, "contribution.add_batch", "contribution", first_id, detail,
                            error);
    }
  if (!finish_write (store, ok, error))
    return FALSE;

  for (i = 0; i < contributions->len; i++)
    mark_recorded (g_ptr_array_index (contributions, i), first_id + i, at);
  return TRUE;
}

gboolean
cag_store_contribution_void (CagStore   *store,
                             gint64      contribution_id,
                             const char *reason,
                             GError    **error)
{
  const char *context = N_("voiding the contribution");
  g_autofree char *clean_reason = clean_optional (reason);
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  g_autofree char *id_text = id_to_string (contribution_id);
  g_autoptr(JsonBuilder) builder = NULL;
  sqlite3_stmt *stmt;
  gint64 fund_id = 0, campaign_id = 0, amount = 0;
  gint month = 0;
  gboolean ok;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);

  if (clean_reason == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Give a reason for voiding the contribution."));
      return FALSE;
    }
  if (!check_text (clean_reason, MAX_TEXT_CHARS, error))
    return FALSE;
  if (!cag_store_begin (store, error))
    return FALSE;

  stmt = cag_store_prepare (store,
                            "SELECT x.fund_id, f.campaign_id, x.month, x.amount_cents, x.voided "
                            "FROM contribution x JOIN fund f ON f.id = x.fund_id WHERE x.id = ?1",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, contribution_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          fund_id = sqlite3_column_int64 (stmt, 0);
          campaign_id = sqlite3_column_int64 (stmt, 1);
          month = sqlite3_column_int (stmt, 2);
          amount = sqlite3_column_int64 (stmt, 3);
          if (sqlite3_column_int (stmt, 4) != 0)
            {
              g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Contribution %s is already void."), id_text);
              ok = FALSE;
            }
        }
      else if (rc == SQLITE_DONE)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("There is no contribution number %s."), id_text);
          ok = FALSE;
        }
      else
        ok = cag_store_set_error (store, rc, _(context), error);
      sqlite3_reset (stmt);
    }
  if (ok)
    {
      stmt = cag_store_prepare (store,
                                "UPDATE contribution SET voided = 1, void_reason = ?2, "
                                "voided_at = ?3, voided_by = ?4 WHERE id = ?1 AND voided = 0",
                                error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, contribution_id);
      bind_text (stmt, 2, clean_reason);
      bind_text (stmt, 3, at);
      bind_text (stmt, 4, user_name ());
      ok = step_done (store, stmt, context, error);
    }
  if (ok)
    ok = apply_totals (store, fund_id, campaign_id, month, -amount, -1, error);
  if (ok)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_add_string (builder, "reason", clean_reason);
      json_add_int (builder, "fund_id", fund_id);
      json_add_int (builder, "amount_cents", amount);
      json_builder_end_object (builder);
      detail = builder_to_json (builder);
      ok = cag_store_audit (store, "contribution.void", "contribution", contribution_id, detail,
                            error);
    }
  return finish_write (store, ok, error);
}

CagContribution *
cag_store_contribution_get (CagStore *store,
                            gint64    contribution_id,
                            GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store, CONTRIBUTION_SELECT "WHERE x.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contribution_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return contribution_from_row (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = id_to_string (contribution_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("There is no contribution number %s."), id);
    }
  else
    cag_store_set_error (store, rc, _("reading the contributions"), error);
  return NULL;
}

GPtrArray *
cag_store_contribution_list (CagStore *store,
                             gint64    fund_id,
                             gint64    org_id,
                             GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  /* A fund's contributions are found month by month, through the months of
   * its campaign (see cag-schema.c). */
  if (fund_id > 0)
    stmt = cag_store_prepare (store, CONTRIBUTION_SELECT_BY_MONTH "WHERE f.id = ?1 "
                              "ORDER BY x.date, x.id", error);
  else if (org_id > 0)
    stmt = cag_store_prepare (store, CONTRIBUTION_SELECT_BY_MONTH "WHERE f.organization_id = ?1 "
                              "ORDER BY x.date, x.id", error);
  else
    stmt = cag_store_prepare (store, CONTRIBUTION_SELECT "ORDER BY x.date, x.id", error);
  if (stmt == NULL)
    return NULL;
  if (fund_id > 0 || org_id > 0)
    sqlite3_bind_int64 (stmt, 1, fund_id > 0 ? fund_id : org_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, contribution_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the contributions"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Audit -------------------------------------------------------------- */

void
cag_audit_entry_free (CagAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->detail);
  g_free (entry);
}

GPtrArray *
cag_store_audit_list (CagStore *store,
                      guint     limit,
                      GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_audit_entry_free);
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store,
                            "SELECT id, at, user, action, entity, entity_id, detail "
                            "FROM audit_log ORDER BY id DESC LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CagAuditEntry *entry = g_new0 (CagAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = column_dup (stmt, 1);
      entry->user = column_dup (stmt, 2);
      entry->action = column_dup (stmt, 3);
      entry->entity = column_dup (stmt, 4);
      entry->entity_id = sqlite3_column_int64 (stmt, 5);
      entry->detail = column_dup (stmt, 6);
      g_ptr_array_add (list, entry);
    }
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the audit log"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
