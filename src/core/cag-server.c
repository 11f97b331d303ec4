/* cag-server.c — roles and rights on a shared PostgreSQL database.
 *
 * Rights live in the database itself (docs/SERVER.md, "Roles and rights"):
 * the table cag_account names each login role's kind (coordinator,
 * treasurer of an organization, auditor), and row-level security policies
 * plus a few triggers, all installed by cag_server_init(), make the server
 * refuse what a role may not do.  Accounts are rows rather than group roles
 * because roles are shared by every database of a cluster, and rights belong
 * to one network's database.  Role names only ever travel as bound
 * parameters: no SQL is built from user text here.
 *
 * This module talks to the server with libpq directly: administering roles
 * has no SQLite counterpart, so it is no part of the store's statement API.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "cag-server.h"
#include "cag-error.h"
#include "cag-fold.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Installed by cag_server_init() in one transaction; safe to run again. */
static const char rights_sql[] =
  "CREATE TABLE IF NOT EXISTS cag_account (\n"
  "  role_name        name NOT NULL,\n"
  "  kind             text NOT NULL CHECK (kind IN ('coordinator', 'treasurer', 'auditor')),\n"
  "  organization_id  bigint REFERENCES organization (id) ON DELETE CASCADE,\n"
  "  CHECK ((kind = 'treasurer') = (organization_id IS NOT NULL)),\n"
  "  UNIQUE NULLS NOT DISTINCT (role_name, organization_id)\n"
  ");\n"
  "-- The owner who runs this is a coordinator (the owner bypasses row security\n"
  "-- until it is forced again below).\n"
  "ALTER TABLE cag_account NO FORCE ROW LEVEL SECURITY;\n"
  "DELETE FROM cag_account WHERE role_name = current_user AND kind <> 'coordinator';\n"
  "INSERT INTO cag_account (role_name, kind) VALUES (current_user, 'coordinator')\n"
  "  ON CONFLICT DO NOTHING;\n"
  "CREATE OR REPLACE FUNCTION cag_account_kind () RETURNS text LANGUAGE sql STABLE\n"
  "  AS $$ SELECT min (kind) FROM public.cag_account WHERE role_name = current_user $$;\n"
  "CREATE OR REPLACE FUNCTION cag_is_coordinator () RETURNS boolean LANGUAGE sql STABLE\n"
  "  AS $$ SELECT EXISTS (SELECT 1 FROM public.cag_account\n"
  "                       WHERE role_name = current_user AND kind = 'coordinator') $$;\n"
  "CREATE OR REPLACE FUNCTION cag_may_write_org (org bigint) RETURNS boolean LANGUAGE sql STABLE\n"
  "  AS $$ SELECT EXISTS (SELECT 1 FROM public.cag_account\n"
  "                       WHERE role_name = current_user\n"
  "                         AND (kind = 'coordinator'\n"
  "                              OR (kind = 'treasurer' AND organization_id = org))) $$;\n"
  "CREATE OR REPLACE FUNCTION cag_may_write_fund (f bigint) RETURNS boolean LANGUAGE sql STABLE\n"
  "  AS $$ SELECT public.cag_may_write_org ((SELECT organization_id FROM public.fund\n"
  "                                          WHERE id = f)) $$;\n"
  "CREATE OR REPLACE FUNCTION cag_may_write_campaign (c bigint) RETURNS boolean\n"
  "  LANGUAGE sql STABLE\n"
  "  AS $$ SELECT public.cag_is_coordinator ()\n"
  "            OR EXISTS (SELECT 1 FROM public.cag_account a\n"
  "                       JOIN public.fund f ON f.organization_id = a.organization_id\n"
  "                       WHERE a.role_name = current_user AND a.kind = 'treasurer'\n"
  "                         AND f.campaign_id = c) $$;\n"
  "\n"
  "-- A refused ledger write says which organization it concerned.\n"
  "CREATE OR REPLACE FUNCTION cag_refuse_fund (f bigint) RETURNS void\n"
  "  LANGUAGE plpgsql STABLE AS $$\n"
  "DECLARE\n"
  "  org text;\n"
  "BEGIN\n"
  "  IF public.cag_may_write_fund (f) THEN\n"
  "    RETURN;\n"
  "  END IF;\n"
  "  IF public.cag_account_kind () IS NULL THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',\n"
  "      MESSAGE = format ('role %s has no account in this database', current_user),\n"
  "      HINT = 'cagnotte-no-account';\n"
  "  END IF;\n"
  "  SELECT o.name INTO org FROM public.fund x\n"
  "    JOIN public.organization o ON o.id = x.organization_id\n"
  "    WHERE x.id = f;\n"
  "  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',\n"
  "    MESSAGE = format ('role %s may not write the ledger of %s', current_user, org),\n"
  "    DETAIL = coalesce (org, ''), HINT = 'cagnotte-organization';\n"
  "END $$;\n"
  "CREATE OR REPLACE FUNCTION cag_check_contribution () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  IF TG_OP = 'UPDATE' THEN\n"
  "    PERFORM public.cag_refuse_fund (OLD.fund_id);\n"
  "  END IF;\n"
  "  PERFORM public.cag_refuse_fund (NEW.fund_id);\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  "CREATE OR REPLACE FUNCTION cag_check_fund_totals () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  IF public.cag_is_coordinator () THEN\n"
  "    RETURN NEW;\n"
  "  END IF;\n"
  "  PERFORM public.cag_refuse_fund (NEW.fund_id);\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  "CREATE OR REPLACE FUNCTION cag_check_fund () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  IF public.cag_is_coordinator () THEN\n"
  "    RETURN NEW;\n"
  "  END IF;\n"
  "  PERFORM public.cag_refuse_fund (OLD.id);\n"
  "  IF (to_jsonb (NEW) - 'saved_total_cents' - 'contribution_count')\n"
  "     IS DISTINCT FROM (to_jsonb (OLD) - 'saved_total_cents' - 'contribution_count') THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',\n"
  "      MESSAGE = 'only a coordinator may change a fund';\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  "CREATE OR REPLACE FUNCTION cag_coordinator_only () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  IF NOT public.cag_is_coordinator () THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',\n"
  "      MESSAGE = format ('role %s may not change %s: only a coordinator may', current_user,\n"
  "                        TG_TABLE_NAME),\n"
  "      DETAIL = TG_TABLE_NAME, HINT = 'cagnotte-coordinator';\n"
  "  END IF;\n"
  "  RETURN NULL;\n"
  "END $$;\n"
  "CREATE OR REPLACE FUNCTION cag_append_only () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',\n"
  "    MESSAGE = 'the audit log is append-only', HINT = 'cagnotte-append-only';\n"
  "END $$;\n"
  "CREATE OR REPLACE FUNCTION cag_audit_role () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  NEW.\"user\" := current_user;\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  "SET LOCAL client_min_messages = warning;\n"
  "DROP TRIGGER IF EXISTS cag_rights ON contribution;\n"
  "CREATE TRIGGER cag_rights BEFORE INSERT OR UPDATE ON contribution\n"
  "  FOR EACH ROW EXECUTE FUNCTION cag_check_contribution ();\n"
  "DROP TRIGGER IF EXISTS cag_rights ON fund_month;\n"
  "CREATE TRIGGER cag_rights BEFORE INSERT OR UPDATE ON fund_month\n"
  "  FOR EACH ROW EXECUTE FUNCTION cag_check_fund_totals ();\n"
  "DROP TRIGGER IF EXISTS cag_rights ON fund;\n"
  "CREATE TRIGGER cag_rights BEFORE UPDATE ON fund\n"
  "  FOR EACH ROW EXECUTE FUNCTION cag_check_fund ();\n"
  "DROP TRIGGER IF EXISTS cag_append_only ON audit_log;\n"
  "CREATE TRIGGER cag_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log\n"
  "  FOR EACH STATEMENT EXECUTE FUNCTION cag_append_only ();\n"
  "DROP TRIGGER IF EXISTS cag_rights ON audit_log;\n"
  "CREATE TRIGGER cag_rights BEFORE INSERT ON audit_log\n"
  "  FOR EACH ROW EXECUTE FUNCTION cag_audit_role ();\n"
  "\n"
  "DO $$\n"
  "DECLARE\n"
  "  t text;\n"
  "  p record;\n"
  "BEGIN\n"
  "  FOR p IN SELECT policyname, tablename FROM pg_policies\n"
  "           WHERE schemaname = 'public' AND policyname LIKE 'cag\\_%' LOOP\n"
  "    EXECUTE format ('DROP POLICY %I ON public.%I', p.policyname, p.tablename);\n"
  "  END LOOP;\n"
  "  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP\n"
  "    EXECUTE format ('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);\n"
  "    EXECUTE format ('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);\n"
  "    IF t IN ('cag_account', 'cagnotte_meta') THEN\n"
  "      EXECUTE format ('CREATE POLICY cag_read ON public.%I FOR SELECT USING (true)', t);\n"
  "    ELSE\n"
  "      EXECUTE format ('CREATE POLICY cag_read ON public.%I FOR SELECT'\n"
  "                      ' USING (public.cag_account_kind () IS NOT NULL)', t);\n"
  "    END IF;\n"
  "    IF t NOT IN ('contribution', 'fund_month', 'campaign_month', 'audit_log',\n"
  "                 'cag_account') THEN\n"
  "      EXECUTE format ('DROP TRIGGER IF EXISTS cag_coordinator ON public.%I', t);\n"
  "      EXECUTE format ('CREATE TRIGGER cag_coordinator BEFORE INSERT OR DELETE %s ON public.%I'\n"
  "                      ' FOR EACH STATEMENT EXECUTE FUNCTION public.cag_coordinator_only ()',\n"
  "                      CASE WHEN t = 'fund' THEN '' ELSE 'OR UPDATE' END, t);\n"
  "    END IF;\n"
  "    IF t <> 'audit_log' THEN\n"
  "      EXECUTE format ('CREATE POLICY cag_coordinator ON public.%I FOR ALL'\n"
  "                      ' USING (public.cag_is_coordinator ())'\n"
  "                      ' WITH CHECK (public.cag_is_coordinator ())', t);\n"
  "    END IF;\n"
  "  END LOOP;\n"
  "END $$;\n"
  "\n"
  "CREATE POLICY cag_append ON audit_log FOR INSERT\n"
  "  WITH CHECK (cag_account_kind () IN ('coordinator', 'treasurer'));\n"
  "CREATE POLICY cag_treasurer_insert ON contribution FOR INSERT\n"
  "  WITH CHECK (cag_may_write_fund (fund_id));\n"
  "CREATE POLICY cag_treasurer_update ON contribution FOR UPDATE\n"
  "  USING (cag_account_kind () = 'treasurer') WITH CHECK (cag_may_write_fund (fund_id));\n"
  "CREATE POLICY cag_treasurer_update ON fund FOR UPDATE\n"
  "  USING (cag_account_kind () = 'treasurer') WITH CHECK (cag_may_write_fund (id));\n"
  "CREATE POLICY cag_treasurer_insert ON fund_month FOR INSERT\n"
  "  WITH CHECK (cag_may_write_fund (fund_id));\n"
  "CREATE POLICY cag_treasurer_update ON fund_month FOR UPDATE\n"
  "  USING (cag_account_kind () = 'treasurer') WITH CHECK (cag_may_write_fund (fund_id));\n"
  "CREATE POLICY cag_treasurer_insert ON campaign_month FOR INSERT\n"
  "  WITH CHECK (cag_may_write_campaign (campaign_id));\n"
  "CREATE POLICY cag_treasurer_update ON campaign_month FOR UPDATE\n"
  "  USING (cag_account_kind () = 'treasurer') WITH CHECK (cag_may_write_campaign (campaign_id));\n"
  "\n"
  "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO PUBLIC;\n"
  "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC, CURRENT_USER;\n"
  "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO PUBLIC;\n";

/* ---- Helpers ------------------------------------------------------------ */

static gboolean
set_result_error (PGresult *res, GError **error)
{
  const char *state = PQresultErrorField (res, PG_DIAG_SQLSTATE);
  const char *message = PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY);

  if (cag_server_refusal_error (state, PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL),
                                PQresultErrorField (res, PG_DIAG_MESSAGE_HINT), error))
    return FALSE;
  g_set_error (error, CAG_ERROR, CAG_ERROR_FAILED,
               _("The server refused the request: %s. Nothing was changed."),
               message != NULL ? message : PQresultErrorMessage (res));
  return FALSE;
}

static PGconn *
connect_uri (const char *uri, GError **error)
{
  g_autoptr(PGconn) conn = NULL;

  if (!cag_server_is_uri (uri))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a server database: server commands need --db "
                     "postgresql://… (see docs/SERVER.md)."), uri != NULL ? uri : "");
      return NULL;
    }
  conn = PQconnectdb (uri);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *why = g_strchomp (g_strdup (PQerrorMessage (conn)));

      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   _("Cannot connect to the server database “%s”: %s. Check that the server "
                     "runs and that your role may connect."), uri, why);
      return NULL;
    }
  return g_steal_pointer (&conn);
}

/* Runs SQL with N text parameters; NULL (and ERROR set) unless it succeeds. */
static PGresult *
run (PGconn *conn, const char *sql, int n, const char *const *params, GError **error)
{
  g_autoptr(PGresult) res = PQexecParams (conn, sql, n, NULL, params, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_result_error (res, error);
      return NULL;
    }
  return g_steal_pointer (&res);
}

static gboolean
run_ok (PGconn *conn, const char *sql, int n, const char *const *params, GError **error)
{
  g_autoptr(PGresult) res = run (conn, sql, n, params, error);

  return res != NULL;
}

static gboolean
finish (PGconn *conn, gboolean ok, GError **error)
{
  if (!ok)
    {
      g_autoptr(PGresult) res = PQexec (conn, "ROLLBACK");
      return FALSE;
    }
  return run_ok (conn, "COMMIT", 0, NULL, error);
}

static gboolean
has_accounts (PGconn *conn, gboolean *out_has, GError **error)
{
  g_autoptr(PGresult) res = run (conn, "SELECT to_regclass ('public.cag_account') IS NOT NULL",
                                 0, NULL, error);

  if (res == NULL)
    return FALSE;
  *out_has = strcmp (PQgetvalue (res, 0, 0), "t") == 0;
  return TRUE;
}

static gboolean
require_coordinator (PGconn *conn, GError **error)
{
  gboolean has = FALSE;
  g_autoptr(PGresult) res = NULL;

  if (!has_accounts (conn, &has, error))
    return FALSE;
  if (!has)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("This server database has no rights yet: its owner runs "
                     "“cagnotte-cli --db URI server init” first."));
      return FALSE;
    }
  res = run (conn, "SELECT public.cag_is_coordinator ()", 0, NULL, error);
  if (res == NULL)
    return FALSE;
  if (strcmp (PQgetvalue (res, 0, 0), "t") != 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                   _("Only a coordinator of the network may grant or revoke rights; "
                     "nothing was changed."));
      return FALSE;
    }
  return TRUE;
}

/* Refuses a ROLE that is no login role, or the owner losing its rights. */
static gboolean
check_role (PGconn *conn, const char *role, gboolean keeps_coordinator, GError **error)
{
  const char *params[] = { role };
  g_autoptr(PGresult) res = run (conn,
                                 "SELECT r.rolcanlogin, r.rolname = t.tableowner "
                                 "FROM pg_roles r, pg_tables t WHERE r.rolname = $1 "
                                 "AND t.schemaname = 'public' AND t.tablename = 'cag_account'",
                                 1, params, error);

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("The server has no role “%s”: create it first with createuser "
                     "(see docs/SERVER.md)."), role);
      return FALSE;
    }
  if (strcmp (PQgetvalue (res, 0, 0), "t") != 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The role “%s” cannot log in: give rights to a login role made with "
                     "createuser."), role);
      return FALSE;
    }
  if (!keeps_coordinator && strcmp (PQgetvalue (res, 0, 1), "t") == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” owns the database and stays a coordinator."), role);
      return FALSE;
    }
  return TRUE;
}

/* The id of ORG (an id, a name or a short name), as text. */
static char *
find_org (PGconn *conn, const char *org, GError **error)
{
  g_autofree char *key = cag_fold_key (org);
  const char *params[] = { org, key != NULL ? key : "" };
  g_autoptr(PGresult) res = run (conn,
                                 "SELECT id FROM organization WHERE id::text = $1 "
                                 "OR name_key = $2 OR short_key = $2",
                                 2, params, error);

  if (res == NULL)
    return NULL;
  if (PQntuples (res) != 1)
    {
      g_set_error (error, CAG_ERROR,
                   PQntuples (res) == 0 ? CAG_ERROR_NOT_FOUND : CAG_ERROR_AMBIGUOUS,
                   PQntuples (res) == 0
                   ? _("No organization “%s”: give its id, name or short name.")
                   : _("Several organizations match “%s”: give its id."), org);
      return NULL;
    }
  return g_strdup (PQgetvalue (res, 0, 0));
}

static CagRights *
rights_new (CagRightsKind kind, const char *role)
{
  CagRights *rights = g_new0 (CagRights, 1);

  rights->kind = kind;
  rights->role = g_strdup (role);
  rights->org_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rights->org_names = g_ptr_array_new_with_free_func (g_free);
  return rights;
}

static CagRightsKind
kind_from_name (const char *name)
{
  if (g_strcmp0 (name, "coordinator") == 0)
    return CAG_RIGHTS_ALL;
  if (g_strcmp0 (name, "treasurer") == 0)
    return CAG_RIGHTS_ORGS;
  if (g_strcmp0 (name, "auditor") == 0)
    return CAG_RIGHTS_READ;
  return CAG_RIGHTS_NONE;
}

/* Groups rows of (role, kind, organization id, its name) into CagRights, in order. */
static GPtrArray *
rights_from_rows (PGresult *res)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_rights_free);
  CagRights *last = NULL;

  for (int i = 0; i < PQntuples (res); i++)
    {
      const char *role = PQgetvalue (res, i, 0);

      if (last == NULL || strcmp (last->role, role) != 0)
        {
          last = rights_new (kind_from_name (PQgetvalue (res, i, 1)), role);
          g_ptr_array_add (all, last);
        }
      if (!PQgetisnull (res, i, 2))
        {
          gint64 id = g_ascii_strtoll (PQgetvalue (res, i, 2), NULL, 10);
          g_array_append_val (last->org_ids, id);
          g_ptr_array_add (last->org_names, g_strdup (PQgetvalue (res, i, 3)));
        }
    }
  return all;
}

/* ---- Rights ------------------------------------------------------------- */

void
cag_rights_free (CagRights *rights)
{
  if (rights == NULL)
    return;
  g_free (rights->role);
  g_array_unref (rights->org_ids);
  g_ptr_array_unref (rights->org_names);
  g_free (rights);
}

gboolean
cag_rights_may_write_org (const CagRights *rights, gint64 org_id)
{
  g_return_val_if_fail (rights != NULL, FALSE);

  if (rights->kind == CAG_RIGHTS_ALL)
    return TRUE;
  if (rights->kind != CAG_RIGHTS_ORGS)
    return FALSE;
  for (guint i = 0; i < rights->org_ids->len; i++)
    if (g_array_index (rights->org_ids, gint64, i) == org_id)
      return TRUE;
  return FALSE;
}

gboolean
cag_rights_may_edit (const CagRights *rights)
{
  g_return_val_if_fail (rights != NULL, FALSE);

  return rights->kind == CAG_RIGHTS_ALL;
}

const char *
cag_rights_kind_name (CagRightsKind kind)
{
  switch (kind)
    {
    case CAG_RIGHTS_ALL:
      return "coordinator";
    case CAG_RIGHTS_ORGS:
      return "treasurer";
    case CAG_RIGHTS_READ:
      return "auditor";
    case CAG_RIGHTS_NONE:
    default:
      return "none";
    }
}

CagRights *
cag_store_get_rights (CagStore *store, GError **error)
{
  const char *name = g_get_user_name ();

  g_return_val_if_fail (store != NULL, NULL);

  if (cag_server_is_uri (cag_store_get_path (store)))
    return cag_server_get_rights (cag_store_get_path (store), error);
  return rights_new (CAG_RIGHTS_ALL, name != NULL && *name != '\0' ? name : "unknown");
}

gboolean
cag_server_refusal_error (const char *sqlstate,
                          const char *detail,
                          const char *hint,
                          GError    **error)
{
  if (g_strcmp0 (sqlstate, "42501") != 0)
    return FALSE;
  if (g_strcmp0 (hint, "cagnotte-organization") == 0 && detail != NULL && *detail != '\0')
    g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                 _("Your account may not write the ledger of “%s”; nothing was written. "
                   "Its treasurer or a coordinator of the network can."), detail);
  else if (g_strcmp0 (hint, "cagnotte-no-account") == 0)
    g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                 _("Your role has no rights in this database; nothing was written. Ask a "
                   "coordinator of the network to grant them (“server grant”)."));
  else if (g_strcmp0 (hint, "cagnotte-append-only") == 0)
    g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                 _("The audit log only grows: no one may change or delete its entries."));
  else if (g_strcmp0 (hint, "cagnotte-coordinator") == 0)
    g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                 _("Only a coordinator of the network may change the organizations, "
                   "campaigns, funds and budgets; nothing was written."));
  else
    g_set_error (error, CAG_ERROR, CAG_ERROR_DB_READONLY,
                 _("The server refused this write to your account; nothing was written. "
                   "Ask a coordinator of the network for the rights it needs."));
  return TRUE;
}

/* The text after "\nFIELD:" up to the end of its line, or NULL. */
static char *
message_field (const char *message, const char *field)
{
  g_autofree char *tag = g_strdup_printf ("\n%s:", field);
  const char *start = strstr (message, tag);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (tag);
  end = strchr (start, '\n');
  return g_strstrip (end != NULL ? g_strndup (start, (gsize) (end - start)) : g_strdup (start));
}

gboolean
cag_server_refusal_from_message (const char *sqlstate,
                                 const char *message,
                                 GError    **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *hint = NULL;

  if (g_strcmp0 (sqlstate, "42501") != 0 || message == NULL)
    return FALSE;
  detail = message_field (message, "DETAIL");
  hint = message_field (message, "HINT");
  if (hint == NULL || !g_str_has_prefix (hint, "cagnotte-"))
    return FALSE;
  return cag_server_refusal_error (sqlstate, detail, hint, error);
}

/* ---- Administration ----------------------------------------------------- */

gboolean
cag_server_is_uri (const char *uri)
{
  return uri != NULL
         && (g_str_has_prefix (uri, "postgresql://") || g_str_has_prefix (uri, "postgres://"));
}

gboolean
cag_server_has_schema (const char *uri, gboolean *out_has, GError **error)
{
  g_autoptr(PGconn) conn = connect_uri (uri, error);
  g_autoptr(PGresult) res = NULL;

  g_return_val_if_fail (out_has != NULL, FALSE);

  if (conn == NULL)
    return FALSE;
  res = run (conn, "SELECT to_regclass ('public.contribution') IS NOT NULL", 0, NULL, error);
  if (res == NULL)
    return FALSE;
  *out_has = strcmp (PQgetvalue (res, 0, 0), "t") == 0;
  return TRUE;
}

gboolean
cag_server_init (const char *uri, GError **error)
{
  g_autoptr(PGconn) conn = connect_uri (uri, error);
  gboolean has = FALSE;
  gboolean ok;

  if (conn == NULL || !cag_server_has_schema (uri, &has, error))
    return FALSE;
  if (!has)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("The server database “%s” has no Cagnotte tables yet."), uri);
      return FALSE;
    }
  if (!run_ok (conn, "BEGIN", 0, NULL, error))
    return FALSE;
  {
    g_autoptr(PGresult) res = PQexec (conn, rights_sql);

    ok = PQresultStatus (res) == PGRES_COMMAND_OK || set_result_error (res, error);
  }
  return finish (conn, ok, error);
}

gboolean
cag_server_grant (const char    *uri,
                  const char    *role,
                  CagRightsKind  kind,
                  const char    *org,
                  GError       **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *org_id = NULL;
  const char *kind_name = cag_rights_kind_name (kind);
  gboolean ok;

  g_return_val_if_fail (role != NULL && kind != CAG_RIGHTS_NONE, FALSE);
  g_return_val_if_fail ((kind == CAG_RIGHTS_ORGS) == (org != NULL), FALSE);

  conn = connect_uri (uri, error);
  if (conn == NULL || !run_ok (conn, "BEGIN", 0, NULL, error))
    return FALSE;
  ok = require_coordinator (conn, error)
       && check_role (conn, role, kind == CAG_RIGHTS_ALL, error);
  if (ok && kind == CAG_RIGHTS_ORGS)
    ok = (org_id = find_org (conn, org, error)) != NULL;
  if (ok)
    {
      const char *params[] = { role, kind_name, org_id };

      ok = run_ok (conn, "DELETE FROM cag_account WHERE role_name = $1 AND kind <> $2",
                   2, params, error)
           && run_ok (conn, "INSERT INTO cag_account (role_name, kind, organization_id) "
                      "VALUES ($1, $2, $3::bigint) ON CONFLICT DO NOTHING", 3, params, error);
    }
  return finish (conn, ok, error);
}

gboolean
cag_server_revoke (const char *uri, const char *role, GError **error)
{
  g_autoptr(PGconn) conn = NULL;
  gboolean ok;

  g_return_val_if_fail (role != NULL, FALSE);

  conn = connect_uri (uri, error);
  if (conn == NULL || !run_ok (conn, "BEGIN", 0, NULL, error))
    return FALSE;
  ok = require_coordinator (conn, error) && check_role (conn, role, FALSE, error);
  if (ok)
    {
      const char *params[] = { role };
      g_autoptr(PGresult) res = run (conn, "DELETE FROM cag_account WHERE role_name = $1",
                                     1, params, error);

      ok = res != NULL;
      if (ok && strcmp (PQcmdTuples (res), "0") == 0)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("The role “%s” has no rights in this database."), role);
          ok = FALSE;
        }
    }
  return finish (conn, ok, error);
}

GPtrArray *
cag_server_list (const char *uri, GError **error)
{
  g_autoptr(PGconn) conn = connect_uri (uri, error);
  g_autoptr(PGresult) res = NULL;

  if (conn == NULL)
    return NULL;
  res = run (conn, "SELECT a.role_name, a.kind, a.organization_id, o.name "
             "FROM cag_account a LEFT JOIN organization o ON o.id = a.organization_id "
             "ORDER BY a.role_name, a.organization_id", 0, NULL, error);
  return res != NULL ? rights_from_rows (res) : NULL;
}

CagRights *
cag_server_get_rights (const char *uri, GError **error)
{
  g_autoptr(PGconn) conn = connect_uri (uri, error);
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gboolean has = FALSE;

  if (conn == NULL || !has_accounts (conn, &has, error))
    return NULL;
  /* Without `server init` the server applies only its table privileges. */
  if (!has)
    return rights_new (CAG_RIGHTS_ALL, PQuser (conn));
  res = run (conn, "SELECT current_user, a.kind, a.organization_id, o.name "
             "FROM cag_account a LEFT JOIN organization o ON o.id = a.organization_id "
             "WHERE a.role_name = current_user ORDER BY a.organization_id", 0, NULL, error);
  if (res == NULL)
    return NULL;
  all = rights_from_rows (res);
  if (all->len == 0)
    return rights_new (CAG_RIGHTS_NONE, PQuser (conn));
  return g_ptr_array_steal_index (all, 0);
}
