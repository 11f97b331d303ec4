/* cag-pdf.h — the PDF documents Cagnotte hands out.
 *
 * Every function writes a complete document or nothing: the PDF goes to a
 * temporary file in the target folder that is renamed into place, so a
 * failure (folder not writable, disk full, missing font) leaves no partial
 * file and sets a CAG_ERROR whose message says why.  Text is in LANG,
 * whatever the UI language (the calling thread alone translates into LANG
 * for the duration of the call; the environment is never changed).  The fonts are DejaVu Sans and DejaVu Sans Bold from
 * FONTDIR (the environment variable CAGNOTTE_FONTDIR overrides it), embedded.
 */
#pragma once

#include <glib.h>
#include <gio/gio.h>
#include "cag-store.h"
#include "cag-i18n.h"

G_BEGIN_DECLS

/* The statement (relevé) of one fund as of AS_OF (NULL: today): figures,
 * progress bar, cumulative chart against the plan, and every contribution
 * dated on or before AS_OF with a running total (voided ones struck out with
 * their reason). */
gboolean  cag_pdf_write_statement   (CagStore      *store,
                                     gint64         fund_id,
                                     const CagDate *as_of,
                                     CagLang        lang,
                                     const char    *path,
                                     GError       **error);

/* The summary of a campaign as of AS_OF (NULL: today): every fund with its
 * figures and state, the network's totals and the delegations fully funded. */
gboolean  cag_pdf_write_summary     (CagStore      *store,
                                     gint64         campaign_id,
                                     const CagDate *as_of,
                                     CagLang        lang,
                                     const char    *path,
                                     GError       **error);

/* One statement per fund of CAMPAIGN_ID into DIR (created when missing),
 * named by cag_pdf_statement_file_name() and made unique.  Stops at the
 * first failure; the files already written stay (each is complete).  When
 * OUT_PATHS is not NULL it receives the paths written (element type char*),
 * on failure too (NULL only when the batch could not start). */
gboolean  cag_pdf_write_statements  (CagStore      *store,
                                     gint64         campaign_id,
                                     const CagDate *as_of,
                                     CagLang        lang,
                                     const char    *dir,
                                     GPtrArray    **out_paths,
                                     GError       **error);

/* Called by the batches below before each document: DONE documents of
 * TOTAL are written. */
typedef void (*CagPdfProgressFunc) (guint    done,
                                    guint    total,
                                    gpointer user_data);

/* cag_pdf_write_statements with a progress callback (nullable) and a
 * CANCELLABLE (nullable) checked between documents: when cancelled, it stops
 * with G_IO_ERROR_CANCELLED, the files written so far staying. */
gboolean  cag_pdf_write_statements_full (CagStore          *store,
                                         gint64             campaign_id,
                                         const CagDate     *as_of,
                                         CagLang            lang,
                                         const char        *dir,
                                         CagPdfProgressFunc progress,
                                         gpointer           user_data,
                                         GCancellable      *cancellable,
                                         GPtrArray        **out_paths,
                                         GError           **error);

/* One reminder letter per fund of CAMPAIGN_ID that is behind its plan as of
 * AS_OF (NULL: today), into DIR (created when missing): addressed to the
 * organization's contact, with what was saved, the arrears and the monthly
 * amount now needed (the core's figures), signed by the network's contact.
 * Funds on track, complete or not started get none.  Named by
 * cag_pdf_reminder_file_name() and made unique.  OUT_PATHS as for
 * cag_pdf_write_statements (empty when no fund is behind); PROGRESS and
 * CANCELLABLE as for cag_pdf_write_statements_full. */
gboolean  cag_pdf_write_reminders       (CagStore          *store,
                                         gint64             campaign_id,
                                         const CagDate     *as_of,
                                         CagLang            lang,
                                         const char        *dir,
                                         CagPdfProgressFunc progress,
                                         gpointer           user_data,
                                         GCancellable      *cancellable,
                                         GPtrArray        **out_paths,
                                         GError           **error);

/* "rappel-la-spirale-dakar-2005-2004-09-15.pdf" ("reminder-…" in English). */
char     *cag_pdf_reminder_file_name  (const char    *organization,
                                       const char    *campaign,
                                       const CagDate *as_of,
                                       CagLang        lang);

/* A safe file name for a statement: ASCII only, lower case, words joined by
 * "-", no slash, at most about 100 bytes, ending in ".pdf":
 * "releve-cdec-de-quebec-dakar-2005-2004-06-15.pdf". */
char     *cag_pdf_statement_file_name (const char    *organization,
                                       const char    *campaign,
                                       const CagDate *as_of,
                                       CagLang        lang);

/* The same for a campaign summary ("sommaire-dakar-2005-2004-06-15.pdf")
 * and a pro-forma ("pro-forma-fonctionnement-2004-v2-acdi.pdf"; FUNDER
 * nullable), for the window's file chooser to propose. */
char     *cag_pdf_summary_file_name   (const char    *campaign,
                                       const CagDate *as_of,
                                       CagLang        lang);
char     *cag_pdf_proforma_file_name  (const char    *budget,
                                       gint           version,
                                       const char    *funder);

/* ASCII-folds TEXT for a file name: accents dropped, "œ" → "oe", anything
 * but letters and digits turned into single dashes, trimmed. */
char     *cag_pdf_safe_name         (const char *text);

/* The pro-forma of a budget (docs/BUDGETS.md, "Funder copy and working
 * copy").  funder_id 0: the working copy of the latest version, every
 * funder and the warnings included.  Otherwise the funder copy addressed to
 * that funder: the applicant, its terms and request, the balanced budget,
 * a signature block; made from the latest submitted or approved version
 * (or the latest draft, then marked DRAFT on every page).  NOT_FOUND when
 * that funder has no offer on the version. */
gboolean  cag_pdf_write_proforma    (CagStore      *store,
                                     gint64         budget_id,
                                     gint64         funder_id,
                                     CagLang        lang,
                                     const char    *path,
                                     GError       **error);
/* The same from VERSION (0: as above). */
gboolean  cag_pdf_write_proforma_version (CagStore   *store,
                                          gint64      budget_id,
                                          gint        version,
                                          gint64      funder_id,
                                          CagLang     lang,
                                          const char *path,
                                          GError    **error);

G_END_DECLS
