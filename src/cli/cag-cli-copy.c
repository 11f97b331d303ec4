/* cag-cli-copy.c — "copy --from SOURCE --to TARGET": a whole network moved
 * into an empty file or database, ids kept (docs/CLI.md, docs/SERVER.md). */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-cli-private.h"
#include "cag-copy.h"
#include "cag-store.h"

int
cag_cli_cmd_copy (CagCli *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rows = 0;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from,
      N_("The network to copy (a file or a PostgreSQL URI; default: --db)"), N_("SOURCE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to,
      N_("Where to copy it: a new file or an empty database"), N_("TARGET") },
    { NULL }
  };

  if (!cag_cli_parse (&argc, &argv, _("--to TARGET"),
                      _("Copies every record of a network, ids kept, into an empty file or "
                        "database."), entries))
    return 1;
  if (argc > 1)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[1]);
  if (to == NULL)
    return cag_cli_usage ("%s", _("name the target with --to TARGET"));
  if (from == NULL)
    from = cli->db_path != NULL ? g_strdup (cli->db_path) : cag_store_default_path ();
  if (!cag_copy_network (from, to, &rows, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, from);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, to);
      json_builder_set_member_name (builder, "rows");
      json_builder_add_int_value (builder, rows);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cag_cli_print_json (root);
      return 0;
    }
  count = g_strdup_printf ("%" G_GINT64_FORMAT, rows);
  g_print (ngettext ("Copied %s record from %s to %s.\n", "Copied %s records from %s to %s.\n",
                     (gulong) rows),
           count, from, to);
  return 0;
}
