/* cag-cli-helpers.h — what the ledger command files of cagnotte-cli share
 * beyond cag-cli-private.h: sub-command dispatch, input checks, JSON members,
 * aligned text tables and formatting in the UI language.  Implemented in
 * cag-cli-common.c.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include "cag-cli-private.h"
#include "cag-date.h"

G_BEGIN_DECLS

/* The --json option every listing command accepts after its name too. */
#define CAG_CLI_JSON_ENTRY(cli) \
  { "json", 0, 0, G_OPTION_ARG_NONE, &(cli)->json, N_("Print JSON instead of text"), NULL }

typedef struct
{
  const char    *name;
  CagCliCommand  run;
} CagCliSub;

/* Like cag_cli_store, for commands that only read or change existing
 * records: a missing file is not created but refused, saying how to create
 * one. */
CagStore    *cag_cli_store_existing  (CagCli  *cli,
                                      GError **error);

/* Runs the sub-command argv[1] of the group argv[0] among SUBS; CHOICES is
 * "add|list|…" for messages. */
int          cag_cli_dispatch        (CagCli          *cli,
                                      int              argc,
                                      char           **argv,
                                      const CagCliSub *subs,
                                      gsize            n_subs,
                                      const char      *choices);
/* Refuses text that is not UTF-8 (positional arguments come unconverted). */
gboolean     cag_cli_check_text      (const char *text,
                                      GError    **error);
/* A contribution number: a positive integer. */
gboolean     cag_cli_parse_id        (const char *text,
                                      gint64     *out,
                                      GError    **error);

/* JSON members; NULL text becomes null. */
void         cag_cli_json_string     (JsonBuilder *builder,
                                      const char  *name,
                                      const char  *value);
void         cag_cli_json_int        (JsonBuilder *builder,
                                      const char  *name,
                                      gint64       value);
void         cag_cli_json_date       (JsonBuilder   *builder,
                                      const char    *name,
                                      const CagDate *date);
void         cag_cli_json_bool       (JsonBuilder *builder,
                                      const char  *name,
                                      gboolean     value);
/* A number of tenths as a JSON number with one decimal, exactly as written
 * (277 → 27.7, never 27.699999999999999): json-glib prints doubles with 17
 * significant digits, so the member holds a tagged string that
 * cag_cli_print_json writes as the number.  Only for cag_cli_print_json. */
void         cag_cli_json_tenths     (JsonBuilder *builder,
                                      const char  *name,
                                      gint64       tenths);
/* Prints the builder's root with cag_cli_print_json. */
void         cag_cli_print_builder   (JsonBuilder *builder);

typedef struct _CagCliTable CagCliTable;

/* A table with N_COLUMNS columns; ALIGNMENT is a string of 'l' and 'r', one
 * per column ("llrr").  The first row added is the header. */
CagCliTable *cag_cli_table_new       (guint       n_columns,
                                      const char *alignment);
/* Adds a row of exactly N_COLUMNS cells (const char *; NULL prints as
 * empty); the table copies them. */
void         cag_cli_table_add_row   (CagCliTable *table,
                                      ...);
/* Prints the header, a rule under it, and the rows, columns aligned. */
void         cag_cli_table_print     (CagCliTable *table);
/* Prints the rows aligned, with no header (for "label: value" blocks). */
void         cag_cli_table_print_plain (CagCliTable *table);
void         cag_cli_table_free      (CagCliTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagCliTable, cag_cli_table_free)

/* Amount and date in the UI language (newly allocated). */
char        *cag_cli_money           (gint64 cents);
char        *cag_cli_date            (const CagDate *date);
/* The month (a month index) in the UI language, "juin 2006". */
char        *cag_cli_month           (gint month_index);
/* An organization's name for a table column: the name when it is short
 * enough, else the short name, else the name cut with "…" (newly allocated). */
char        *cag_cli_org_label       (const char *name,
                                      const char *short_name);

G_END_DECLS
