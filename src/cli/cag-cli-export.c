/* cag-cli-export.c — placeholder until its issue lands: each command says it is not available. */
#include "config.h"

#include <glib/gi18n.h>
#include "cag-cli-private.h"

int
cag_cli_export_pdf (CagCli *cli, int argc, char **argv)
{
  return cag_cli_usage (_("“%s” is not available in this version"), argv[0]);
}

