/* cag-cli.c — cagnotte-cli: global options and dispatch to command groups. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cag-cli-private.h"
#include "cag-fold.h"
#include "cag-i18n.h"

typedef struct
{
  const char    *name;
  CagCliCommand  run;
} CagCliGroup;

static int run_export (CagCli *cli, int argc, char **argv);

static const CagCliGroup groups[] = {
  { "init", cag_cli_cmd_init },
  { "demo", cag_cli_cmd_demo },
  { "org", cag_cli_cmd_org },
  { "campaign", cag_cli_cmd_campaign },
  { "fund", cag_cli_cmd_fund },
  { "contribution", cag_cli_cmd_contribution },
  { "status", cag_cli_cmd_status },
  { "check", cag_cli_cmd_check },
  { "funder", cag_cli_cmd_funder },
  { "budget", cag_cli_cmd_budget },
  { "import", cag_cli_cmd_import },
  { "export", run_export },
  { "backup", cag_cli_cmd_backup },
  { "restore", cag_cli_cmd_restore },
  { "network", cag_cli_cmd_network },
  { "copy", cag_cli_cmd_copy },
  { "server", cag_cli_cmd_server },
};

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: cagnotte-cli [--db FILE] COMMAND [ARGUMENTS…]"));
  g_print ("%s\n\n", _("Keeps the delegation funds, budgets and documents of a network of organizations."));
  g_print ("%s\n", _("Commands:"));
  g_print ("  init                    %s\n", _("Create an empty database"));
  g_print ("  demo                    %s\n", _("Fill an empty database with example data"));
  g_print ("  org add|list|edit|deactivate|activate  %s\n", _("Member organizations"));
  g_print ("  campaign add|list|edit|offer            %s\n", _("Campaigns (events to send delegations to)"));
  g_print ("  fund open|edit|list     %s\n", _("Delegation funds"));
  g_print ("  contribution add|void|list              %s\n", _("Contributions"));
  g_print ("  status                  %s\n", _("Where each fund stands"));
  g_print ("  check                   %s\n", _("Check the file for damage and recount every total"));
  g_print ("  funder add|list|set     %s\n", _("Funders"));
  g_print ("  budget …                %s\n", _("Operating budgets and pro-formas"));
  g_print ("  import contributions    %s\n", _("Import contributions from a CSV file"));
  g_print ("  export …                %s\n", _("PDF documents and CSV files"));
  g_print ("  backup --output FILE    %s\n", _("Write a consistent copy of the database"));
  g_print ("  restore FILE --yes      %s\n", _("Replace the database with a backup"));
  g_print ("  network set|show        %s\n", _("The network's identity, on every document"));
  g_print ("  copy --to TARGET        %s\n", _("Copy the whole network into an empty file"));
  g_print ("  server init|grant|revoke|whoami|list  %s\n\n",
           _("Roles and rights on a PostgreSQL server"));
  g_print ("%s\n", _("Run “cagnotte-cli COMMAND --help” for the options of a command."));
  g_print ("%s\n", _("The database is ~/.local/share/cagnotte/cagnotte.db unless --db names another file."));
}

static int
run_export (CagCli *cli, int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "csv") == 0)
    return cag_cli_export_csv (cli, argc - 1, argv + 1);
  return cag_cli_export_pdf (cli, argc, argv);
}

/* Everything the CLI prints as text goes through these: a name or note
 * holding an escape sequence or a carriage return cannot drive the terminal
 * (docs/RELIABILITY.md, "Hostile text").  JSON is escaped by its writer. */
static void
print_escaped_cb (const char *text)
{
  g_autofree char *safe = cag_text_escape (text, TRUE);

  fputs (safe, stdout);
}

static void
printerr_escaped_cb (const char *text)
{
  g_autofree char *safe = cag_text_escape (text, TRUE);

  fputs (safe, stderr);
}

int
main (int argc, char **argv)
{
  CagCli cli = { 0 };
  int i = 1;
  int status;

  cag_i18n_init ();
  g_set_prgname ("cagnotte-cli");
  g_set_print_handler (print_escaped_cb);
  g_set_printerr_handler (printerr_escaped_cb);

  /* Global options come before the command; they are few, so they are read
   * by hand to leave each command's own options to its GOptionContext. */
  while (i < argc && argv[i][0] == '-')
    {
      if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (argv[i + 1]);
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (argv[i] + strlen ("--db="));
          i++;
        }
      else if (strcmp (argv[i], "--json") == 0)
        {
          cli.json = TRUE;
          i++;
        }
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help ();
          g_free (cli.db_path);
          return 0;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("cagnotte-cli %s\n", PACKAGE_VERSION);
          g_free (cli.db_path);
          return 0;
        }
      else
        {
          g_free (cli.db_path);
          return cag_cli_usage (_("unknown option “%s”"), argv[i]);
        }
    }

  if (i >= argc)
    {
      print_help ();
      g_free (cli.db_path);
      return 1;
    }

  status = -1;
  for (gsize g = 0; g < G_N_ELEMENTS (groups); g++)
    if (strcmp (argv[i], groups[g].name) == 0)
      {
        status = groups[g].run (&cli, argc - i, argv + i);
        break;
      }
  if (status == -1)
    status = cag_cli_usage (_("unknown command “%s”"), argv[i]);

  g_clear_pointer (&cli.store, cag_store_close);
  g_free (cli.db_path);
  return status;
}
