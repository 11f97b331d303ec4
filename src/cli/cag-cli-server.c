/* cag-cli-server.c — `cagnotte-cli server`: rights on a shared PostgreSQL
 * database (init, grant, revoke, whoami, list); docs/SERVER.md, "Roles and
 * rights".
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-cli-private.h"
#include "cag-cli-helpers.h"
#include "cag-error.h"
#include "cag-server.h"

/* The --db URI, or NULL after printing why there is none. */
static const char *
server_uri (CagCli *cli)
{
  if (cag_server_is_uri (cli->db_path))
    return cli->db_path;
  cag_cli_usage ("%s", _("server commands need --db postgresql://… naming the network's "
                         "database (see docs/SERVER.md)"));
  return NULL;
}

static int
server_init (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  const char *uri;
  gboolean has = FALSE;

  if (!cag_cli_parse (&argc, &argv, "server init",
                      _("Create the ledger's tables and the rules of roles and rights in an "
                        "empty database you own; you become a coordinator."), entries))
    return 1;
  if (argc > 1)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[1]);
  if ((uri = server_uri (cli)) == NULL)
    return 1;
  if (!cag_server_has_schema (uri, &has, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  /* Opening the store creates the ledger's tables. */
  if (!has && cag_cli_store (cli, &error) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  g_clear_pointer (&cli->store, cag_store_close);
  if (!cag_server_init (uri, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", _("The database is ready: row-level security is on and you are a "
                     "coordinator. Give rights with “server grant”."));
  return 0;
}

static int
server_grant (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  const char *uri;
  CagRightsKind kind;
  int wanted;

  if (!cag_cli_parse (&argc, &argv, _("server grant coordinator|auditor ROLE | "
                                      "server grant treasurer ROLE ORG"),
                      _("Give a login role made with createuser its rights in this database. "
                        "A treasurer may be granted several organizations."), entries))
    return 1;
  if (argc < 2)
    return cag_cli_usage ("%s", _("say which kind of account: coordinator, treasurer or auditor"));
  if (strcmp (argv[1], "coordinator") == 0)
    kind = CAG_RIGHTS_ALL;
  else if (strcmp (argv[1], "treasurer") == 0)
    kind = CAG_RIGHTS_ORGS;
  else if (strcmp (argv[1], "auditor") == 0)
    kind = CAG_RIGHTS_READ;
  else
    return cag_cli_usage (_("unknown kind of account “%s”: coordinator, treasurer or auditor"),
                          argv[1]);
  wanted = kind == CAG_RIGHTS_ORGS ? 4 : 3;
  if (argc < wanted)
    return cag_cli_usage ("%s", kind == CAG_RIGHTS_ORGS
                          ? _("give the ROLE and the organization ORG")
                          : _("give the ROLE"));
  if (argc > wanted)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[wanted]);
  if ((uri = server_uri (cli)) == NULL)
    return 1;
  if (!cag_server_grant (uri, argv[2], kind, kind == CAG_RIGHTS_ORGS ? argv[3] : NULL, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  if (kind == CAG_RIGHTS_ORGS)
    g_print (_("%s may now record, void and import contributions for %s."), argv[2], argv[3]);
  else if (kind == CAG_RIGHTS_ALL)
    g_print (_("%s is now a coordinator: it may change everything."), argv[2]);
  else
    g_print (_("%s is now an auditor: it reads everything and writes nothing."), argv[2]);
  g_print ("\n");
  return 0;
}

static int
server_revoke (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  const char *uri;

  if (!cag_cli_parse (&argc, &argv, _("server revoke ROLE"),
                      _("Take every right in this database from ROLE."), entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage ("%s", _("give exactly one ROLE"));
  if ((uri = server_uri (cli)) == NULL)
    return 1;
  if (!cag_server_revoke (uri, argv[1], &error))
    return cag_cli_fail (g_steal_pointer (&error));
  g_print (_("%s has no rights in this database any more."), argv[1]);
  g_print ("\n");
  return 0;
}

static void
build_rights (JsonBuilder *builder, const CagRights *rights)
{
  json_builder_begin_object (builder);
  cag_cli_json_string (builder, "role", rights->role);
  cag_cli_json_string (builder, "kind", cag_rights_kind_name (rights->kind));
  json_builder_set_member_name (builder, "organization_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rights->org_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (rights->org_ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "organizations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rights->org_names->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (rights->org_names, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_rights (const CagRights *rights)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < rights->org_names->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (rights->org_names, i));
  switch (rights->kind)
    {
    case CAG_RIGHTS_ALL:
      g_print (_("%s: coordinator, may change everything"), rights->role);
      break;
    case CAG_RIGHTS_ORGS:
      g_print (_("%s: treasurer, may write the ledger of %s"), rights->role,
               ids->str);
      break;
    case CAG_RIGHTS_READ:
      g_print (_("%s: auditor, reads everything and writes nothing"), rights->role);
      break;
    case CAG_RIGHTS_NONE:
    default:
      g_print (_("%s: no rights in this database"), rights->role);
      break;
    }
  g_print ("\n");
}

static int
server_show (CagCli *cli, int argc, char **argv, gboolean all)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *uri;

  if (!cag_cli_parse (&argc, &argv, all ? "server list" : "server whoami",
                      all ? _("Every account of this database and its rights.")
                      : _("Your role in this database and what it may do."), entries))
    return 1;
  if (argc > 1)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[1]);
  if ((uri = server_uri (cli)) == NULL)
    return 1;
  if (all)
    list = cag_server_list (uri, &error);
  else
    {
      CagRights *mine = cag_server_get_rights (uri, &error);

      if (mine != NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_rights_free);
          g_ptr_array_add (list, mine);
        }
    }
  if (list == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      if (all)
        json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        build_rights (builder, g_ptr_array_index (list, i));
      if (all)
        json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cag_cli_print_json (root);
      return 0;
    }
  for (guint i = 0; i < list->len; i++)
    print_rights (g_ptr_array_index (list, i));
  return 0;
}

int
cag_cli_cmd_server (CagCli *cli, int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "init") == 0)
    return server_init (cli, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "grant") == 0)
    return server_grant (cli, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "revoke") == 0)
    return server_revoke (cli, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "whoami") == 0)
    return server_show (cli, argc - 1, argv + 1, FALSE);
  if (argc >= 2 && strcmp (argv[1], "list") == 0)
    return server_show (cli, argc - 1, argv + 1, TRUE);
  return cag_cli_usage ("%s", _("server needs init, grant, revoke, whoami or list"));
}
