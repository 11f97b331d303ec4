/* cag-store-pg.c — the PostgreSQL backend of the store (docs/SERVER.md).
 *
 * The same SQL as the SQLite backend: `?N` placeholders become `$N` at
 * prepare time and each statement is prepared once on the server
 * (PQprepare), cached by its text like SQLite's.  Values travel as text.
 * The schema is derived from the same migration steps (pg_schema_sql); the
 * schema version and application id live in the table cagnotte_meta.
 *
 * Writers exclude each other with a transaction-wide advisory lock taken by
 * the write's BEGIN, exactly as SQLite's BEGIN IMMEDIATE does: every
 * check-then-write (a fund's totals, an import's "already present") sees
 * the last committed state and nothing can slip in between.  Readers take a
 * REPEATABLE READ snapshot and never wait. */
#include "config.h"

#include <stdlib.h>
#include <libpq-fe.h>

#include "cag-store-util.h"
#include "cag-server.h"

typedef struct
{
  CagStmt    base;
  char      *name;       /* NULL: run with PQexecParams (no server-side plan) */
  char      *sql;        /* with $N placeholders */
  int        n_params;
  char     **values;
  PGresult  *result;
  int        row;
  int        n_rows;
} PgStmt;

#define PG(s) ((PgStmt *) (s))
#define TEXT_OID 25   /* pg_type.oid of text */
#define CONN(store) ((PGconn *) (store)->conn)

/* The advisory lock of a write: "CAG1", as the SQLite application id. */
static const CagStoreDialect pg_dialect = {
  /* NOTIFY is delivered at commit, never after a rollback: every change
   * tells the other connections that listen (docs/SERVER.md). */
  .begin_write = "BEGIN ISOLATION LEVEL READ COMMITTED; "
                 "SELECT pg_advisory_xact_lock (1128351537); "
                 "NOTIFY cagnotte_changed",
  .begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
  .first_read = "SELECT 1",
  .is_empty = "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM organization) "
              "AND NOT EXISTS (SELECT 1 FROM campaign) THEN 1 ELSE 0 END",
  .change_counter = NULL,   /* LISTEN / NOTIFY: pg_poll_changes */
  /* Identity columns given explicit ids do not move their sequences. */
  .after_copy =
    "DO $$ DECLARE t text; BEGIN "
    "FOR t IN SELECT c.table_name FROM information_schema.columns c "
    "WHERE c.table_schema = current_schema () AND c.column_name = 'id' "
    "AND c.is_identity = 'YES' LOOP "
    "EXECUTE format ('SELECT setval (pg_get_serial_sequence (%L, ''id''), "
    "coalesce ((SELECT max (id) FROM %I), 0) + 1, false)', t, t); "
    "END LOOP; END $$",
};

static guint statement_serial;

static void
record_result (CagStore       *store,
               const PGresult *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                       : NULL;
  const char *hint = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_HINT) : NULL;
  const char *detail = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL)
                                      : NULL;
  g_autofree char *clean = NULL;

  if (message == NULL || *message == '\0')
    message = PQerrorMessage (CONN (store));
  clean = g_strstrip (g_strdup (message != NULL ? message : ""));
  /* A refusal by the rights of `server init` keeps what it names (cag-server.c). */
  if (hint != NULL && g_str_has_prefix (hint, "cagnotte-"))
    {
      g_autofree char *full = g_strdup_printf ("%s\nDETAIL:  %s\nHINT:  %s", clean,
                                               detail != NULL ? detail : "", hint);
      g_free (clean);
      clean = g_steal_pointer (&full);
    }
  cag_store_record_error (store, PQstatus (CONN (store)) == CONNECTION_OK ? 1 : 2, state, clean);
}

static gboolean
result_ok (CagStore *store,
           PGresult *result)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  record_result (store, result);
  return FALSE;
}

/* `?N` → `$N` and `?` → the next number, outside quotes; *OUT_COUNT gets
 * the highest number. */
static char *
translate_placeholders (const char *sql,
                        int        *out_count,
                        guint64    *out_used)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  char quote = 0;
  int next = 0, highest = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
          g_string_append_c (out, *p);
          continue;
        }
      if (*p == '\'' || *p == '"')
        quote = *p;
      if (*p != '?')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (g_ascii_isdigit (p[1]))
        {
          int n = (int) strtol (p + 1, NULL, 10);

          highest = MAX (highest, n);
          next = n;
          if (n <= 64)
            *out_used |= G_GUINT64_CONSTANT (1) << (n - 1);
          g_string_append_printf (out, "$%d", n);
          while (g_ascii_isdigit (p[1]))
            p++;
        }
      else
        {
          next++;
          highest = MAX (highest, next);
          if (next <= 64)
            *out_used |= G_GUINT64_CONSTANT (1) << (next - 1);
          g_string_append_printf (out, "$%d", next);
        }
    }
  *out_count = highest;
  /* SQLite's CROSS JOIN … ON is its join-order hint; a server plans itself. */
  g_string_replace (out, " CROSS JOIN ", " JOIN ", 0);
  return g_string_free (out, FALSE);
}

static gboolean
is_plannable (const char *sql)
{
  static const char *const kinds[] = { "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "VALUES" };

  while (g_ascii_isspace (*sql) || *sql == '(')
    sql++;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strncasecmp (sql, kinds[i], strlen (kinds[i])) == 0)
      return TRUE;
  return FALSE;
}

/* ---- Statements ---------------------------------------------------------- */

static CagStmt *
pg_prepare (CagStore   *store,
            const char *sql)
{
  PgStmt *stmt = g_new0 (PgStmt, 1);
  guint64 used = 0;

  stmt->base.store = store;
  stmt->sql = translate_placeholders (sql, &stmt->n_params, &used);
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  if (is_plannable (sql))
    {
      g_autofree Oid *types = g_new0 (Oid, MAX (stmt->n_params, 1));
      PGresult *result;

      /* A parameter the text skips (bound but unused) is typed as text. */
      for (int i = 0; i < MIN (stmt->n_params, 64); i++)
        if ((used & (G_GUINT64_CONSTANT (1) << i)) == 0)
          types[i] = TEXT_OID;
      stmt->name = g_strdup_printf ("cag_%u", ++statement_serial);
      result = PQprepare (CONN (store), stmt->name, stmt->sql, stmt->n_params, types);
      if (!result_ok (store, result))
        {
          g_debug ("PostgreSQL: %s in: %s", store->last_message, stmt->sql);
          PQclear (result);
          g_free (stmt->name);
          stmt->name = NULL;
          store->backend->stmt_free (&stmt->base);
          return NULL;
        }
      PQclear (result);
    }
  return &stmt->base;
}

static void
clear_values (PgStmt *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    g_clear_pointer (&stmt->values[i], g_free);
}

static void
pg_reset (CagStmt *base,
          gboolean clear_bindings)
{
  PgStmt *stmt = PG (base);

  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = 0;
  stmt->n_rows = 0;
  if (clear_bindings)
    clear_values (stmt);
}

static void
pg_stmt_free (CagStmt *base)
{
  PgStmt *stmt = PG (base);

  pg_reset (base, TRUE);
  if (stmt->name != NULL && base->store->conn != NULL
      && PQstatus (CONN (base->store)) == CONNECTION_OK)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", stmt->name);

      PQclear (PQexec (CONN (base->store), sql));
    }
  g_free (stmt->name);
  g_free (stmt->sql);
  g_free (stmt->values);
  g_free (stmt);
}

static CagStep
pg_step (CagStmt *base)
{
  PgStmt *stmt = PG (base);
  CagStore *store = base->store;

  if (stmt->result == NULL)
    {
      const char *const *values = (const char *const *) stmt->values;

      stmt->result = stmt->name != NULL
                     ? PQexecPrepared (CONN (store), stmt->name, stmt->n_params, values,
                                       NULL, NULL, 0)
                     : PQexecParams (CONN (store), stmt->sql, stmt->n_params, NULL, values,
                                     NULL, NULL, 0);
      if (!result_ok (store, stmt->result))
        {
          g_debug ("PostgreSQL: %s in: %s", store->last_message, stmt->sql);
          return CAG_STEP_ERROR;
        }
      stmt->row = -1;
      stmt->n_rows = PQresultStatus (stmt->result) == PGRES_TUPLES_OK
                     ? PQntuples (stmt->result) : 0;
      if (PQresultStatus (stmt->result) == PGRES_COMMAND_OK)
        store->changes = g_ascii_strtoll (PQcmdTuples (stmt->result), NULL, 10);
    }
  if (++stmt->row < stmt->n_rows)
    return CAG_STEP_ROW;
  return CAG_STEP_DONE;
}

static void
set_value (CagStmt *base,
           int      index,
           char    *value)
{
  PgStmt *stmt = PG (base);

  if (index < 1 || index > stmt->n_params)
    {
      g_free (value);
      return;
    }
  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = value;
}

static void
pg_bind_int (CagStmt *stmt,
             int      index,
             gint64   value)
{
  set_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_bind_text (CagStmt    *stmt,
              int         index,
              const char *text,
              int         len,
              gboolean    is_static)
{
  set_value (stmt, index, len < 0 ? g_strdup (text) : g_strndup (text, (gsize) len));
}

static void
pg_bind_null (CagStmt *stmt,
              int      index)
{
  set_value (stmt, index, NULL);
}

static int
pg_param_count (CagStmt *stmt)
{
  return PG (stmt)->n_params;
}

static const char *
pg_column_text (CagStmt *base,
                int      column)
{
  PgStmt *stmt = PG (base);

  if (stmt->result == NULL || stmt->row < 0 || stmt->row >= stmt->n_rows
      || column >= PQnfields (stmt->result) || PQgetisnull (stmt->result, stmt->row, column))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, column);
}

static gint64
pg_column_int (CagStmt *stmt,
               int      column)
{
  const char *text = pg_column_text (stmt, column);

  if (text == NULL)
    return 0;
  /* Booleans come back as t / f. */
  if (text[0] == 't' && text[1] == '\0')
    return 1;
  return g_ascii_strtoll (text, NULL, 10);
}

static gboolean
pg_column_is_null (CagStmt *stmt,
                   int      column)
{
  PgStmt *pg = PG (stmt);

  return pg->result == NULL || pg->row < 0 || pg->row >= pg->n_rows
         || PQgetisnull (pg->result, pg->row, column);
}

static gint64
pg_last_insert_id (CagStore *store)
{
  PGresult *result = PQexec (CONN (store), "SELECT lastval ()");
  gint64 id = 0;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return id;
}

static gint64
pg_changes (CagStore *store)
{
  return store->changes;
}

/* ---- Connection ------------------------------------------------------------ */

static gboolean
pg_exec (CagStore   *store,
         const char *script)
{
  PGresult *result = PQexec (CONN (store), script);
  gboolean ok = result_ok (store, result);

  PQclear (result);
  return ok;
}

static gboolean
pg_in_transaction (CagStore *store)
{
  return PQtransactionStatus (CONN (store)) != PQTRANS_IDLE;
}

static void
pg_set_error (CagStore   *store,
              const char *context,
              GError    **error)
{
  const char *what = context != NULL ? context : _("the operation");
  const char *state = store->last_state != NULL ? store->last_state : "";
  const char *detail = store->last_message != NULL ? store->last_message : "";
  const char *server = store->conn != NULL && PQdb (CONN (store)) != NULL
                       ? PQdb (CONN (store)) : store->path;

  /* Refusals by the rights of `server init` name the organization (cag-server.c). */
  if (cag_server_refusal_from_message (state, detail, error))
    return;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01")
      || g_str_equal (state, "55P03"))
    g_set_error (error, CAG_ERROR, CAG_ERROR_DB_LOCKED,
                 _("Could not finish %s: the database “%s” is busy with another user’s change. "
                   "Try again."), what, server);
  else if (g_str_equal (state, "25006") || g_str_equal (state, "42501"))
    g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                 _("Could not finish %s: you may not change the database “%s” (%s). "
                   "Ask its administrator for the right to write."), what, server, detail);
  else if (g_str_has_prefix (state, "53"))
    g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                 _("Could not finish %s: the server of “%s” is out of resources (%s). "
                   "Tell its administrator."), what, server, detail);
  else if (store->last_code == 2 || g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57"))
    g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                 _("Could not finish %s: the connection to the server of “%s” was lost (%s). "
                   "Check the network and the server, then try again."), what, server, detail);
  else if (g_str_equal (state, "XX001") || g_str_equal (state, "XX002"))
    g_set_error (error, CAG_ERROR, CAG_ERROR_DB_CORRUPT,
                 _("Could not finish %s: the server reports the database “%s” is damaged (%s). "
                   "Tell its administrator."), what, server, detail);
  else
    g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED, _("Could not finish %s: %s."), what, detail);
}

static void
ignore_notice (void       *data,
               const char *message)
{
}

/* Reads the schema version and application id, 0 when the database holds
 * no Cagnotte ledger; FOREIGN when it holds other tables instead. */
static gboolean
read_meta (CagStore *store,
           gint64   *version,
           gint64   *app_id,
           gboolean *foreign)
{
  PGresult *result;
  gboolean ok;

  result = PQexec (CONN (store),
                   "SELECT (SELECT count(*) FROM pg_catalog.pg_tables "
                   "        WHERE schemaname = current_schema ()), "
                   "       to_regclass ('cagnotte_meta') IS NOT NULL");
  ok = result_ok (store, result) && PQntuples (result) == 1;
  if (ok)
    {
      gint64 tables = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      gboolean has_meta = PQgetvalue (result, 0, 1)[0] == 't';

      *foreign = tables > 0 && !has_meta;
      PQclear (result);
      if (!has_meta)
        return TRUE;
      result = PQexec (CONN (store), "SELECT schema_version, application_id FROM cagnotte_meta");
      ok = result_ok (store, result) && PQntuples (result) == 1;
      if (ok)
        {
          *version = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
          *app_id = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
          *foreign = *app_id != CAG_STORE_APPLICATION_ID;
        }
    }
  PQclear (result);
  return ok;
}

static gboolean
pg_open (CagStore *store,
         gboolean  create,
         gint64   *version,
         gint64   *app_id,
         gboolean *foreign,
         GError  **error)
{
  PGconn *conn = PQconnectdb (store->path);

  store->conn = conn;
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *detail = g_strstrip (g_strdup (conn != NULL ? PQerrorMessage (conn) : ""));

      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   _("Could not connect to the database server “%s”: %s. Check that the server "
                     "is running and that the address, the database name and your user name "
                     "are right (docs/SERVER.md)."), store->path, detail);
      return FALSE;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  if (!pg_exec (store, "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'")
      || !read_meta (store, version, app_id, foreign))
    {
      pg_set_error (store, _("opening the database"), error);
      return FALSE;
    }
  if (*version == 0 && !*foreign && !create)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("The database “%s” holds no Cagnotte ledger yet. Create it with "
                     "cagnotte-cli --db URI init (docs/SERVER.md)."), store->path);
      return FALSE;
    }
  return TRUE;
}

static void
pg_close (CagStore *store)
{
  PQfinish (CONN (store));
  store->conn = NULL;
}

static void
replace_all (GString    *text,
             const char *from,
             const char *to)
{
  g_string_replace (text, from, to, 0);
}

/* The PostgreSQL text of a migration step: the one place where the schema's
 * dialect differs (docs/SERVER.md, "Schema"). */
static char *
pg_schema_sql (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i] + strspn (lines[i], " "), "PRAGMA"))
      {
        g_string_append (out, lines[i]);
        g_string_append_c (out, '\n');
      }
  replace_all (out, "INTEGER PRIMARY KEY",
               "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  replace_all (out, "INTEGER", "BIGINT");
  replace_all (out, ") WITHOUT ROWID;", ");");
  replace_all (out, "instr (", "strpos (");
  replace_all (out, "\n  user ", "\n  \"user\" ");
  return g_string_free (out, FALSE);
}

static gboolean
pg_set_version (CagStore *store,
                guint     version)
{
  g_autofree char *sql =
    g_strdup_printf ("CREATE TABLE IF NOT EXISTS cagnotte_meta ("
                     "  application_id BIGINT NOT NULL, schema_version BIGINT NOT NULL); "
                     "DELETE FROM cagnotte_meta; "
                     "INSERT INTO cagnotte_meta VALUES (%d, %u)",
                     CAG_STORE_APPLICATION_ID, version);

  return pg_exec (store, sql);
}

/* A server keeps its own backups (pg_dump, docs/SERVER.md). */
static gboolean
pg_before_upgrade (CagStore *store,
                   gint64    version,
                   GError  **error)
{
  return TRUE;
}

static gboolean
pg_check_integrity (CagStore *store,
                    GError  **error)
{
  /* The server checks its own pages (data checksums, amcheck); the recount of
   * the kept totals (cag_store_check_totals) runs on every backend. */
  return TRUE;
}

/* LISTEN on the first call; then the notifications that arrived, those of
 * other connections only (the server also tells a listener its own). */
static gboolean
pg_poll_changes (CagStore *store,
                 gint64   *cursor,
                 gboolean *changed)
{
  PGnotify *notice;

  *changed = FALSE;
  if (*cursor < 0)
    {
      if (!pg_exec (store, "LISTEN cagnotte_changed"))
        return FALSE;
      *cursor = 0;
      return TRUE;
    }
  if (!PQconsumeInput (CONN (store)))
    {
      cag_store_record_error (store, 0, "08000", PQerrorMessage (CONN (store)));
      return FALSE;
    }
  while ((notice = PQnotifies (CONN (store))) != NULL)
    {
      if (notice->be_pid != PQbackendPID (CONN (store)))
        *changed = TRUE;
      PQfreemem (notice);
    }
  return TRUE;
}

const CagStoreBackend cag_store_pg_backend = {
  .name = "postgresql",
  .dialect = &pg_dialect,
  .open = pg_open,
  .close = pg_close,
  .exec = pg_exec,
  .schema_sql = pg_schema_sql,
  .set_version = pg_set_version,
  .before_upgrade = pg_before_upgrade,
  .in_transaction = pg_in_transaction,
  .set_error = pg_set_error,
  .check_integrity = pg_check_integrity,
  .prepare = pg_prepare,
  .stmt_free = pg_stmt_free,
  .reset = pg_reset,
  .step = pg_step,
  .bind_int = pg_bind_int,
  .bind_string = pg_bind_text,
  .bind_null = pg_bind_null,
  .param_count = pg_param_count,
  .column_int = pg_column_int,
  .column_text = pg_column_text,
  .column_is_null = pg_column_is_null,
  .last_insert_id = pg_last_insert_id,
  .changes = pg_changes,
  .poll_changes = pg_poll_changes,
};
