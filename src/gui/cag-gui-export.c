/* cag-gui-export.c — PDF and CSV files from the window: the PDF library
 * (src/pdf) and the core's CSV exports, in the UI language. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-budget.h"
#include "cag-error.h"
#include "cag-gui-export.h"
#include "cag-gui-util.h"
#include "cag-i18n.h"
#include "cag-pdf.h"
#include "cag-window.h"
/* The core's CSV exports. */
#include "cag-export.h"
#include "cag-export-proforma.h"
#include "cag-proforma-dialog.h"

/* ---- File names --------------------------------------------------------- */

char *
cag_export_statement_name (CagStore      *store,
                           gint64         fund_id,
                           const CagDate *as_of)
{
  g_autoptr(CagFund) fund = NULL;
  CagDate today = as_of != NULL ? *as_of : cag_date_today ();

  g_return_val_if_fail (store != NULL, NULL);
  fund = cag_store_fund_get (store, fund_id, NULL);
  if (fund == NULL)
    return NULL;
  return cag_pdf_statement_file_name (fund->organization_name, fund->campaign_name, &today,
                                      cag_i18n_get_language ());
}

char *
cag_export_summary_name (CagStore      *store,
                         gint64         campaign_id,
                         const CagDate *as_of)
{
  g_autoptr(CagCampaign) campaign = NULL;
  CagDate today = as_of != NULL ? *as_of : cag_date_today ();

  g_return_val_if_fail (store != NULL, NULL);
  campaign = cag_store_campaign_get (store, campaign_id, NULL);
  if (campaign == NULL)
    return NULL;
  return cag_pdf_summary_file_name (campaign->name, &today, cag_i18n_get_language ());
}

static char *
funder_name (CagStore *store,
             gint64    funder_id)
{
  g_autoptr(GPtrArray) funders = NULL;
  guint i;

  if (funder_id <= 0)
    return NULL;
  funders = cag_funder_list (store, NULL);
  for (i = 0; funders != NULL && i < funders->len; i++)
    {
      CagFunder *funder = g_ptr_array_index (funders, i);

      if (funder->id == funder_id)
        return g_strdup (funder->name);
    }
  return NULL;
}

char *
cag_export_proforma_name (CagStore *store,
                          gint64    budget_id,
                          gint64    funder_id)
{
  g_autoptr(CagBudget) budget = NULL;
  g_autofree char *funder = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  budget = cag_budget_get (store, budget_id, 0, NULL);
  if (budget == NULL)
    return NULL;
  funder = funder_name (store, funder_id);
  return cag_pdf_proforma_file_name (budget->name, budget->version, funder);
}

/* "WHAT-CAMPAIGN-DATE.csv", ASCII-folded like the PDF names. */
static char *
campaign_csv_name (CagStore      *store,
                   gint64         campaign_id,
                   const CagDate *as_of,
                   const char    *what)
{
  g_autoptr(CagCampaign) campaign = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;
  CagDate today = as_of != NULL ? *as_of : cag_date_today ();

  g_return_val_if_fail (store != NULL, NULL);
  campaign = cag_store_campaign_get (store, campaign_id, NULL);
  if (campaign == NULL)
    return NULL;
  date = g_strdup_printf ("%04d-%02d-%02d", today.year, today.month, today.day);
  text = g_strjoin (" ", what, campaign->name, date, NULL);
  safe = cag_pdf_safe_name (text);
  return g_strconcat (safe, ".csv", NULL);
}

char *
cag_export_contributions_csv_name (CagStore *store,
                                   gint64    campaign_id)
{
  /* TRANSLATORS: the start of a CSV file's name, folded to ASCII. */
  return campaign_csv_name (store, campaign_id, NULL, C_("file name", "contributions"));
}

char *
cag_export_status_csv_name (CagStore      *store,
                            gint64         campaign_id,
                            const CagDate *as_of)
{
  /* TRANSLATORS: the start of a CSV file's name, folded to ASCII. */
  return campaign_csv_name (store, campaign_id, as_of, C_("file name", "fund status"));
}

char *
cag_export_proforma_csv_name (CagStore *store,
                              gint64    budget_id)
{
  g_autofree char *pdf = cag_export_proforma_name (store, budget_id, 0);

  if (pdf == NULL)
    return NULL;
  if (g_str_has_suffix (pdf, ".pdf"))
    pdf[strlen (pdf) - strlen (".pdf")] = '\0';
  return g_strconcat (pdf, ".csv", NULL);
}

/* ---- Writing ------------------------------------------------------------ */

gboolean
cag_export_statement_to (CagStore   *store,
                         gint64      fund_id,
                         const CagDate *as_of,
                         const char *path,
                         GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return cag_pdf_write_statement (store, fund_id, as_of, cag_i18n_get_language (), path, error);
}

gboolean
cag_export_summary_to (CagStore   *store,
                       gint64      campaign_id,
                       const CagDate *as_of,
                       const char *path,
                       GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return cag_pdf_write_summary (store, campaign_id, as_of, cag_i18n_get_language (), path, error);
}

gboolean
cag_export_statements_to (CagStore   *store,
                          gint64      campaign_id,
                          const CagDate *as_of,
                          const char *dir,
                          guint      *n_written,
                          GError    **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  ok = cag_pdf_write_statements (store, campaign_id, as_of, cag_i18n_get_language (), dir,
                                 &paths, error);
  if (n_written != NULL)
    *n_written = paths != NULL ? paths->len : 0;
  return ok;
}

gboolean
cag_export_proforma_to (CagStore   *store,
                        gint64      budget_id,
                        gint64      funder_id,
                        const char *path,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return cag_pdf_write_proforma (store, budget_id, funder_id, cag_i18n_get_language (), path,
                                 error);
}

gboolean
cag_export_contributions_csv_to (CagStore   *store,
                                 gint64      campaign_id,
                                 const CagDate *as_of,
                                 const char *path,
                                 GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return cag_export_contributions_to_file (store, campaign_id, 0, cag_i18n_get_language (),
                                           path, error);
}

gboolean
cag_export_status_csv_to (CagStore   *store,
                          gint64      campaign_id,
                          const CagDate *as_of,
                          const char *path,
                          GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return cag_export_status_to_file (store, campaign_id, as_of, cag_i18n_get_language (),
                                    path, error);
}

gboolean
cag_export_proforma_csv_to (CagStore   *store,
                            gint64      budget_id,
                            const CagDate *as_of,
                            const char *path,
                            GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return cag_export_proforma_to_file (store, budget_id, 0, cag_i18n_get_language (),
                                      path, error);
}

/* ---- Asking where ------------------------------------------------------- */

char *
cag_export_ask_path (GtkWindow       *parent,
                     const char      *title,
                     const char      *name,
                     CagExportFormat  format)
{
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_do_overwrite_confirmation (GTK_FILE_CHOOSER (chooser), TRUE);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  if (format == CAG_EXPORT_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_pattern (filter, "*.csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_pattern (filter, "*.pdf");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (gtk_native_dialog_run (GTK_NATIVE_DIALOG (chooser)) != GTK_RESPONSE_ACCEPT)
    return NULL;
  return gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));
}

char *
cag_export_ask_folder (GtkWindow  *parent,
                       const char *title)
{
  g_autoptr(GtkFileChooserNative) chooser = NULL;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_create_folders (GTK_FILE_CHOOSER (chooser), TRUE);
  if (gtk_native_dialog_run (GTK_NATIVE_DIALOG (chooser)) != GTK_RESPONSE_ACCEPT)
    return NULL;
  return gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));
}

char *
cag_export_ask_and_write (GtkWindow          *parent,
                          const char         *title,
                          const char         *name,
                          CagExportFormat     format,
                          CagStore           *store,
                          gint64              id,
                          CagExportWriteFunc  write,
                          GError            **error)
{
  g_autofree char *path = cag_export_ask_path (parent, title, name, format);
  /* Documents follow the window's "As of" date, like the figures on screen. */
  const CagDate *as_of = CAG_IS_WINDOW (parent) ? cag_window_get_as_of (CAG_WINDOW (parent)) : NULL;

  if (path == NULL || !write (store, id, as_of, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

char *
cag_export_statement_ask (GtkWindow  *parent,
                          CagStore   *store,
                          gint64      fund_id,
                          GError    **error)
{
  const CagDate *as_of = CAG_IS_WINDOW (parent) ? cag_window_get_as_of (CAG_WINDOW (parent)) : NULL;
  g_autofree char *name = cag_export_statement_name (store, fund_id, as_of);

  return cag_export_ask_and_write (parent, _("Export Statement"), name, CAG_EXPORT_PDF,
                                   store, fund_id, cag_export_statement_to, error);
}

char *
cag_export_summary_ask (GtkWindow  *parent,
                        CagStore   *store,
                        gint64      campaign_id,
                        GError    **error)
{
  const CagDate *as_of = CAG_IS_WINDOW (parent) ? cag_window_get_as_of (CAG_WINDOW (parent)) : NULL;
  g_autofree char *name = cag_export_summary_name (store, campaign_id, as_of);

  return cag_export_ask_and_write (parent, _("Export Campaign Summary"), name, CAG_EXPORT_PDF,
                                   store, campaign_id, cag_export_summary_to, error);
}

gboolean
cag_export_ask_funder (GtkWindow              *parent,
                       const CagProformaInput *in,
                       gint64                 *funder_id)
{
  GtkWidget *dialog;
  gint response;

  g_return_val_if_fail (funder_id != NULL, FALSE);
  *funder_id = 0;
  dialog = cag_proforma_dialog_new (parent, in);
  response = gtk_dialog_run (GTK_DIALOG (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    *funder_id = cag_proforma_dialog_get_funder_id (CAG_PROFORMA_DIALOG (dialog));
  gtk_widget_destroy (dialog);
  return response == GTK_RESPONSE_ACCEPT;
}

/* ---- Opening ------------------------------------------------------------ */

gboolean
cag_export_viewer_enabled (void)
{
  return g_getenv ("CAGNOTTE_NO_VIEWER") == NULL;
}

gboolean
cag_export_open_path (GtkWindow  *parent,
                      const char *path,
                      GError    **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  if (!cag_export_viewer_enabled ())
    return TRUE;
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  /* g_app_info_launch_default_for_uri underneath, through the portal when
   * sandboxed. */
  return gtk_show_uri_on_window (parent, uri, GDK_CURRENT_TIME, error);
}
