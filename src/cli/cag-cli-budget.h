/* cag-cli-budget.h — what the budget commands of cagnotte-cli share
 * (cag-cli-budget.c, cag-cli-budget-show.c). */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include "cag-budget.h"
#include "cag-cli-private.h"

G_BEGIN_DECLS

/* TRUE when ARGV holds exactly WANTED positional arguments after argv[0],
 * all UTF-8; otherwise prints a usage error naming SYNOPSIS. */
gboolean   cag_cli_budget_check_args   (int         argc,
                                        char      **argv,
                                        int         wanted,
                                        const char *synopsis);
/* Amount in the UI language; "2:1"; TEXT cut to MAX characters with "…"
 * (a label to LABEL_MAX).  All newly allocated. */
char      *cag_cli_budget_money        (gint64 cents);
char      *cag_cli_budget_ratio_text   (gint num,
                                        gint den);
char      *cag_cli_budget_cut_text     (const char *text,
                                        glong       max);
char      *cag_cli_budget_cut_label    (const char *text);
void       cag_cli_budget_add_string   (JsonBuilder *b,
                                        const char  *name,
                                        const char  *value);
void       cag_cli_budget_add_int      (JsonBuilder *b,
                                        const char  *name,
                                        gint64       value);
void       cag_cli_budget_add_bool     (JsonBuilder *b,
                                        const char  *name,
                                        gboolean     value);
void       cag_cli_budget_print_builder (JsonBuilder *b);
/* An aligned table: ROWS of GStrv (the first the header); ALIGN has 'l' or
 * 'r' per column; WITH_TOTAL rules off the last row. */
void       cag_cli_budget_print_table  (GPtrArray  *rows,
                                        const char *align,
                                        gboolean    with_total);
/* Opens the database and finds the budget KEY at VERSION (0: latest). */
CagBudget *cag_cli_budget_find_budget  (CagCli     *cli,
                                        const char *key,
                                        gint        version,
                                        CagStore  **out_store,
                                        GError    **error);

int        cag_cli_budget_show         (CagCli *cli,
                                        int     argc,
                                        char  **argv);

G_END_DECLS
