/* cag-export.h — CSV files for spreadsheets and accountants.
 *
 * RFC 4180, UTF-8 with a byte-order mark.  LANG picks the separator and the
 * decimal mark a spreadsheet in that language expects (';' and ',' in French,
 * ',' and '.' in English), so LibreOffice and Excel open the file in the right
 * columns with amounts as numbers: amounts are plain decimals without
 * grouping or currency sign, dates are ISO 8601.  Column titles and labels
 * are in the user interface's language.  docs/IMPORT.md lists the columns.
 */
#pragma once

#include <glib.h>
#include "cag-csv.h"
#include "cag-store.h"

G_BEGIN_DECLS

/* Every contribution, voided ones included (marked in the "voided" column,
 * which the importer understands, so an export imports back unchanged), of a
 * campaign (campaign_id > 0) and/or an organization (org_id > 0), or all;
 * sorted by date. */
CagCsvWriter *cag_export_contributions (CagStore  *store,
                                        gint64     campaign_id,
                                        gint64     org_id,
                                        CagLang    lang,
                                        GError   **error);

/* Where each fund stands as of AS_OF (NULL: today), from
 * cag_store_status_list: one row per fund. */
CagCsvWriter *cag_export_status        (CagStore      *store,
                                        gint64         campaign_id,
                                        const CagDate *as_of,
                                        CagLang        lang,
                                        GError       **error);

/* Convenience: build and save to PATH. */
gboolean cag_export_contributions_to_file (CagStore    *store,
                                           gint64       campaign_id,
                                           gint64       org_id,
                                           CagLang      lang,
                                           const char  *path,
                                           GError     **error);
gboolean cag_export_status_to_file        (CagStore      *store,
                                           gint64         campaign_id,
                                           const CagDate *as_of,
                                           CagLang        lang,
                                           const char    *path,
                                           GError       **error);

G_END_DECLS
