/* cag-gui-export.h — PDF and CSV files from the window (issues 5 and 6), through
 * the PDF library (src/pdf) and the core's CSV exports (src/core/cag-export.h,
 * cag-export-proforma.h).  Everything is written in the UI language
 * (cag_i18n_get_language), with that language's CSV delimiter. */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"
#include "cag-proforma.h"

G_BEGIN_DECLS

/* ---- What the buttons and menu items write, once the place is chosen --- */

/* The file name proposed for FUND_ID's statement as of AS_OF (NULL: today;
 * the window passes its "As of" date) ("releve-…-2004-06-15.pdf"), newly
 * allocated; NULL when there is no such fund. */
char     *cag_export_statement_name     (CagStore      *store,
                                         gint64         fund_id,
                                         const CagDate *as_of);
/* Writes FUND_ID's statement as of AS_OF (NULL: today) to PATH. */
gboolean  cag_export_statement_to       (CagStore   *store,
                                         gint64      fund_id,
                                         const CagDate *as_of,
                                         const char *path,
                                         GError    **error);
/* The same for the summary of a whole campaign. */
char     *cag_export_summary_name       (CagStore      *store,
                                         gint64         campaign_id,
                                         const CagDate *as_of);
gboolean  cag_export_summary_to         (CagStore   *store,
                                         gint64      campaign_id,
                                         const CagDate *as_of,
                                         const char *path,
                                         GError    **error);
/* One statement per fund of CAMPAIGN_ID as of AS_OF (NULL: today) into DIR; *N_WRITTEN
 * (nullable) receives how many files were written, even on failure. */
gboolean  cag_export_statements_to      (CagStore   *store,
                                         gint64      campaign_id,
                                         const CagDate *as_of,
                                         const char *dir,
                                         guint      *n_written,
                                         GError    **error);
/* The pro-forma of the latest version of BUDGET_ID, for every funder
 * (FUNDER_ID 0) or addressed to one. */
char     *cag_export_proforma_name      (CagStore *store,
                                         gint64    budget_id,
                                         gint64    funder_id);
gboolean  cag_export_proforma_to        (CagStore   *store,
                                         gint64      budget_id,
                                         gint64      funder_id,
                                         const char *path,
                                         GError    **error);
/* CSV: the contributions and the fund status of CAMPAIGN_ID, the pro-forma
 * of the latest version of BUDGET_ID; with their proposed file names. */
char     *cag_export_contributions_csv_name (CagStore *store,
                                             gint64    campaign_id);
gboolean  cag_export_contributions_csv_to   (CagStore   *store,
                                             gint64      campaign_id,
                                             const CagDate *as_of,
                                             const char *path,
                                             GError    **error);
/* Dated AS_OF (NULL: today), like its figures; the contributions' name is
 * dated today: that file lists every row. */
char     *cag_export_status_csv_name        (CagStore      *store,
                                             gint64         campaign_id,
                                             const CagDate *as_of);
gboolean  cag_export_status_csv_to          (CagStore   *store,
                                             gint64      campaign_id,
                                             const CagDate *as_of,
                                             const char *path,
                                             GError    **error);
char     *cag_export_proforma_csv_name      (CagStore *store,
                                             gint64    budget_id);
gboolean  cag_export_proforma_csv_to        (CagStore   *store,
                                             gint64      budget_id,
                                             const CagDate *as_of,
                                             const char *path,
                                             GError    **error);

/* ---- Asking where, then writing ---------------------------------------- */

typedef gboolean (*CagExportWriteFunc) (CagStore      *store,
                                        gint64         id,
                                        const CagDate *as_of,
                                        const char *path,
                                        GError    **error);

typedef enum
{
  CAG_EXPORT_PDF,
  CAG_EXPORT_CSV,
} CagExportFormat;

/* Asks where to save (GtkFileChooserNative SAVE, proposing NAME); NULL when
 * the person cancelled. */
char     *cag_export_ask_path           (GtkWindow       *parent,
                                         const char      *title,
                                         const char      *name,
                                         CagExportFormat  format);
/* Asks for a folder (GtkFileChooserNative SELECT_FOLDER). */
char     *cag_export_ask_folder         (GtkWindow  *parent,
                                         const char *title);
/* Asks where to save (GtkFileChooserNative, proposing NAME), then calls
 * WRITE; returns the path written (newly allocated), or NULL when the person
 * cancelled or on error (ERROR set only then). */
char     *cag_export_ask_and_write      (GtkWindow          *parent,
                                         const char         *title,
                                         const char         *name,
                                         CagExportFormat     format,
                                         CagStore           *store,
                                         gint64              id,
                                         CagExportWriteFunc  write,
                                         GError            **error);
char     *cag_export_statement_ask      (GtkWindow  *parent,
                                         CagStore   *store,
                                         gint64      fund_id,
                                         GError    **error);
char     *cag_export_summary_ask        (GtkWindow  *parent,
                                         CagStore   *store,
                                         gint64      campaign_id,
                                         GError    **error);

/* Asks for which funder (CagProformaDialog): the funder copy of one of the
 * funders with an offer in IN (the first is the default), or the working
 * copy (*FUNDER_ID 0).  FALSE when the person cancelled. */
gboolean  cag_export_ask_funder         (GtkWindow              *parent,
                                         const CagProformaInput *in,
                                         gint64                 *funder_id);

/* ---- Opening what was written ------------------------------------------ */

/* TRUE when documents written are to be opened in the user's viewer: always,
 * unless the environment variable CAGNOTTE_NO_VIEWER is set (tests). */
gboolean  cag_export_viewer_enabled     (void);
/* Opens PATH (a file or a folder) with the user's default application
 * (gtk_show_uri_on_window).  Returns TRUE when it was launched or when the
 * viewer is disabled; FALSE with ERROR otherwise. */
gboolean  cag_export_open_path          (GtkWindow  *parent,
                                         const char *path,
                                         GError    **error);

G_END_DECLS
