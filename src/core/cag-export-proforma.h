/* cag-export-proforma.h — a budget's pro-forma as CSV, for the coordinator's
 * spreadsheet: one row per budget line and a total row, with what each
 * funder gives under its offer (cag_proforma_compute), in the same format as
 * the other exports (cag-export.h). */
#pragma once

#include <glib.h>
#include "cag-csv.h"
#include "cag-store.h"

G_BEGIN_DECLS

/* Version VERSION (0: the latest) of the budget BUDGET_ID.  Columns: budget,
 * version, code, line, amount, partner cash, partner in kind, one column per
 * offer ("Funder (a:b)", in entry order), matched, funded, gap, partner
 * needed. */
CagCsvWriter *cag_export_proforma         (CagStore    *store,
                                           gint64       budget_id,
                                           gint         version,
                                           CagLang      lang,
                                           GError     **error);
gboolean      cag_export_proforma_to_file (CagStore    *store,
                                           gint64       budget_id,
                                           gint         version,
                                           CagLang      lang,
                                           const char  *path,
                                           GError     **error);

G_END_DECLS
