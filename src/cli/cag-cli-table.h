/* cag-cli-table.h — aligned text tables and small output helpers for
 * cagnotte-cli's human output (implemented in cag-cli-common.c).
 */
#pragma once

#include <glib.h>
#include "cag-date.h"

G_BEGIN_DECLS

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
