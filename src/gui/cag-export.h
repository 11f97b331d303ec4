/* cag-export.h — PDF statements from the window, through the PDF library
 * (src/pdf, issue 5) when this build has it. */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

G_BEGIN_DECLS

/* TRUE when this build can write PDF statements. */
gboolean  cag_export_available          (void);

/* The file name proposed for FUND_ID's statement as of today
 * ("releve-…-2004-06-15.pdf"), newly allocated; NULL when unavailable. */
char     *cag_export_statement_name     (CagStore *store,
                                         gint64    fund_id);

/* Writes FUND_ID's statement as of today, in the UI language, to PATH. */
gboolean  cag_export_statement_to       (CagStore   *store,
                                         gint64      fund_id,
                                         const char *path,
                                         GError    **error);

/* Asks where to save (GtkFileChooserNative), then writes; returns the path
 * written (newly allocated), or NULL when the person cancelled or on error
 * (ERROR set only then). */
char     *cag_export_statement_ask      (GtkWindow  *parent,
                                         CagStore   *store,
                                         gint64      fund_id,
                                         GError    **error);

/* The same for the summary of a whole campaign. */
char     *cag_export_summary_name       (CagStore *store,
                                         gint64    campaign_id);
gboolean  cag_export_summary_to         (CagStore   *store,
                                         gint64      campaign_id,
                                         const char *path,
                                         GError    **error);
char     *cag_export_summary_ask        (GtkWindow  *parent,
                                         CagStore   *store,
                                         gint64      campaign_id,
                                         GError    **error);

G_END_DECLS
