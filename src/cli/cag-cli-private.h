/* cag-cli-private.h — what the command groups of cagnotte-cli share.
 *
 * Each group lives in its own file and has the signature of CagCliCommand:
 * argv[0] is the group's name ("org", "budget", …).  A command returns 0 on
 * success and 1 on a user error, after printing one clear line on stderr
 * through cag_cli_fail() or cag_cli_usage().
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include "cag-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *db_path;     /* --db, or NULL for the default */
  gboolean  json;        /* --json given before the command */
  CagStore *store;       /* opened on first use */
} CagCli;

typedef int (*CagCliCommand) (CagCli *cli, int argc, char **argv);

/* Opens the database on first use (creating it when missing). */
CagStore        *cag_cli_store          (CagCli  *cli,
                                         GError **error);
/* Prints "cagnotte-cli: <message>" on stderr, frees ERROR, returns 1. */
int              cag_cli_fail           (GError *error);
/* Prints "cagnotte-cli: <message>" (printf-style, already translated) and a
 * hint to run --help; returns 1. */
int              cag_cli_usage          (const char *format,
                                         ...) G_GNUC_PRINTF (1, 2);
/* Parses OPTIONS for a sub-command with GOptionContext; on failure prints
 * the error and returns FALSE.  SYNOPSIS is the translated usage line. */
gboolean         cag_cli_parse          (int           *argc,
                                         char        ***argv,
                                         const char    *synopsis,
                                         const char    *description,
                                         GOptionEntry  *entries);
/* Writes NODE as pretty JSON on stdout, with a final newline. */
void             cag_cli_print_json     (JsonNode *node);
/* Parses an ISO date option, or today when TEXT is NULL. */
gboolean         cag_cli_parse_date     (const char *text,
                                         CagDate    *out,
                                         GError    **error);
/* A campaign by id or name; when KEY is NULL and the database has exactly
 * one campaign, that one. */
CagCampaign     *cag_cli_find_campaign  (CagStore   *store,
                                         const char *key,
                                         GError    **error);
/* The fund of ORG (a key) in CAMPAIGN (a key, or NULL when ORG has one). */
CagFund         *cag_cli_find_fund      (CagStore   *store,
                                         const char *org_key,
                                         const char *campaign_key,
                                         GError    **error);

/* Command groups (src/cli/cag-cli-ledger.c, cag-cli-demo.c) */
int cag_cli_cmd_init          (CagCli *cli, int argc, char **argv);
int cag_cli_cmd_demo          (CagCli *cli, int argc, char **argv);
int cag_cli_cmd_org           (CagCli *cli, int argc, char **argv);
int cag_cli_cmd_campaign      (CagCli *cli, int argc, char **argv);
int cag_cli_cmd_fund          (CagCli *cli, int argc, char **argv);
int cag_cli_cmd_contribution  (CagCli *cli, int argc, char **argv);
int cag_cli_cmd_status        (CagCli *cli, int argc, char **argv);
int cag_cli_cmd_check         (CagCli *cli, int argc, char **argv);

/* Budgets and funders (src/cli/cag-cli-budget.c).
 * cag_cli_campaign_offer is reached through "campaign offer". */
int cag_cli_cmd_funder        (CagCli *cli, int argc, char **argv);
int cag_cli_cmd_budget        (CagCli *cli, int argc, char **argv);
int cag_cli_campaign_offer    (CagCli *cli, int argc, char **argv);

/* PDF exports (src/cli/cag-cli-export.c): "export statement|
 * summary|statements|proforma". */
int cag_cli_export_pdf        (CagCli *cli, int argc, char **argv);

/* CSV and backups (src/cli/cag-cli-data.c): "import …",
 * "export csv …", "backup", "restore". */
int cag_cli_cmd_import        (CagCli *cli, int argc, char **argv);
int cag_cli_export_csv        (CagCli *cli, int argc, char **argv);
int cag_cli_cmd_backup        (CagCli *cli, int argc, char **argv);
int cag_cli_cmd_restore       (CagCli *cli, int argc, char **argv);

/* Roles and rights on a server (src/cli/cag-cli-server.c): "server init|grant|
 * revoke|whoami|list". */
int cag_cli_cmd_server        (CagCli *cli, int argc, char **argv);

/* The network's identity (src/cli/cag-cli-network.c): "network set|show". */
int cag_cli_cmd_network       (CagCli *cli, int argc, char **argv);

/* Moving a network between stores (src/cli/cag-cli-copy.c). */
int cag_cli_cmd_copy          (CagCli *cli, int argc, char **argv);

G_END_DECLS
