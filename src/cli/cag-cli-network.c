/* cag-cli-network.c — "network set|show": the network's identity, which
 * heads and signs every document (docs/CLI.md, docs/DOCUMENTS.md). */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-cli-helpers.h"
#include "cag-error.h"
#include "cag-network.h"

typedef struct
{
  char *name, *address, *contact, *email, *phone, *charity_number, *website;
} NetworkOptions;

static void
network_options_clear (NetworkOptions *o)
{
  g_free (o->name);
  g_free (o->address);
  g_free (o->contact);
  g_free (o->email);
  g_free (o->phone);
  g_free (o->charity_number);
  g_free (o->website);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NetworkOptions, network_options_clear)

/* An option given replaces the field ("" clears it); one not given keeps it.
 * In --address, "\n" (backslash, n) starts a new line. */
static gboolean
apply_option (char      **field,
              const char *value,
              gboolean    multiline,
              GError    **error)
{
  if (value == NULL)
    return TRUE;
  if (!cag_cli_check_text (value, error))
    return FALSE;
  g_free (*field);
  if (multiline)
    {
      g_auto(GStrv) parts = g_strsplit (value, "\\n", -1);

      *field = g_strjoinv ("\n", parts);
    }
  else
    *field = g_strdup (value);
  return TRUE;
}

static void
build_network (JsonBuilder      *builder,
               const CagNetwork *n)
{
  json_builder_begin_object (builder);
  cag_cli_json_string (builder, "name", n->name);
  cag_cli_json_string (builder, "address", n->address);
  cag_cli_json_string (builder, "contact", n->contact);
  cag_cli_json_string (builder, "email", n->email);
  cag_cli_json_string (builder, "phone", n->phone);
  cag_cli_json_string (builder, "charity_number", n->charity_number);
  cag_cli_json_string (builder, "website", n->website);
  json_builder_end_object (builder);
}

static void
print_network (const CagNetwork *n)
{
  g_autoptr(CagCliTable) table = cag_cli_table_new (2, "ll");
  g_autofree char *address = NULL;

  if (cag_network_is_empty (n))
    {
      g_print ("%s\n", _("The network profile is empty; fill it with “cagnotte-cli network set "
                         "--name NAME --contact PERSON …”."));
      return;
    }
  if (n->address != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (n->address, "\n", -1);

      address = g_strjoinv (" / ", lines);
    }
  cag_cli_table_add_row (table, _("Name:"), n->name);
  cag_cli_table_add_row (table, _("Address:"), address);
  cag_cli_table_add_row (table, _("Contact:"), n->contact);
  cag_cli_table_add_row (table, _("E-mail:"), n->email);
  cag_cli_table_add_row (table, _("Phone:"), n->phone);
  cag_cli_table_add_row (table, _("Charity number:"), n->charity_number);
  cag_cli_table_add_row (table, _("Website:"), n->website);
  cag_cli_table_print_plain (table);
}

static int
network_show (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { CAG_CLI_JSON_ENTRY (cli), { NULL } };
  g_autoptr(CagNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("network show"),
                      _("Show the network's identity, printed on every document."), entries))
    return 1;
  if (argc != 1)
    return cag_cli_usage (_("“network show” takes no argument"));
  store = cag_cli_store_existing (cli, &error);
  if (store != NULL)
    network = cag_store_network_get (store, &error);
  if (network == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_network (builder, network);
      cag_cli_print_builder (builder);
    }
  else
    print_network (network);
  return 0;
}

static int
network_set (CagCli *cli, int argc, char **argv)
{
  g_auto(NetworkOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("The network's name"), N_("NAME") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &o.address,
      N_("Postal address; \\n starts a new line"), N_("ADDRESS") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &o.contact,
      N_("The person who answers and signs the letters"), N_("PERSON") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &o.email, N_("E-mail address"), N_("EMAIL") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &o.phone, N_("Telephone number"), N_("PHONE") },
    { "charity-number", 0, 0, G_OPTION_ARG_STRING, &o.charity_number,
      N_("Registered charity number"), N_("NUMBER") },
    { "website", 0, 0, G_OPTION_ARG_STRING, &o.website, N_("Website"), N_("URL") },
    CAG_CLI_JSON_ENTRY (cli), { NULL }
  };
  g_autoptr(CagNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("network set [--name NAME] [--contact PERSON] …"),
                      _("Change the network's identity; an option left out keeps its value, "
                        "an empty value clears it."), entries))
    return 1;
  if (argc != 1)
    return cag_cli_usage (_("“network set” takes options only"));

  store = cag_cli_store_existing (cli, &error);
  if (store != NULL)
    network = cag_store_network_get (store, &error);
  if (network == NULL
      || !apply_option (&network->name, o.name, FALSE, &error)
      || !apply_option (&network->address, o.address, TRUE, &error)
      || !apply_option (&network->contact, o.contact, FALSE, &error)
      || !apply_option (&network->email, o.email, FALSE, &error)
      || !apply_option (&network->phone, o.phone, FALSE, &error)
      || !apply_option (&network->charity_number, o.charity_number, FALSE, &error)
      || !apply_option (&network->website, o.website, FALSE, &error)
      || !cag_store_network_set (store, network, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  g_clear_pointer (&network, cag_network_free);
  network = cag_store_network_get (store, &error);
  if (network == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_network (builder, network);
      cag_cli_print_builder (builder);
    }
  else
    g_print ("%s\n", _("Saved the network profile."));
  return 0;
}

int
cag_cli_cmd_network (CagCli *cli, int argc, char **argv)
{
  static const CagCliSub subs[] = {
    { "set", network_set },
    { "show", network_show },
  };

  return cag_cli_dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs), "set|show");
}
