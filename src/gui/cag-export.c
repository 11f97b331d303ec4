/* cag-export.c — PDF statements from the window.  The PDF library is
 * optional at build time (CAG_HAVE_PDF, set by meson when src/pdf/cag-pdf.h
 * exists); without it the window keeps its export controls disabled. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-error.h"
#include "cag-export.h"
#include "cag-i18n.h"
#ifdef CAG_HAVE_PDF
#include "cag-pdf.h"
#endif

gboolean
cag_export_available (void)
{
#ifdef CAG_HAVE_PDF
  return TRUE;
#else
  return FALSE;
#endif
}

char *
cag_export_statement_name (CagStore *store,
                           gint64    fund_id)
{
#ifdef CAG_HAVE_PDF
  g_autoptr(CagFund) fund = NULL;
  CagDate today = cag_date_today ();

  g_return_val_if_fail (store != NULL, NULL);
  fund = cag_store_fund_get (store, fund_id, NULL);
  if (fund == NULL)
    return NULL;
  return cag_pdf_statement_file_name (fund->organization_name, fund->campaign_name, &today,
                                      cag_i18n_get_language ());
#else
  return NULL;
#endif
}

gboolean
cag_export_statement_to (CagStore   *store,
                         gint64      fund_id,
                         const char *path,
                         GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
#ifdef CAG_HAVE_PDF
  return cag_pdf_write_statement (store, fund_id, NULL, cag_i18n_get_language (), path, error);
#else
  g_set_error_literal (error, CAG_ERROR, CAG_ERROR_FAILED,
                       _("This build of Cagnotte cannot write PDF statements."));
  return FALSE;
#endif
}

typedef gboolean (*WriteFunc) (CagStore   *store,
                               gint64      id,
                               const char *path,
                               GError    **error);

static char *
ask_and_write (GtkWindow  *parent,
               const char *title,
               const char *name,
               CagStore   *store,
               gint64      id,
               WriteFunc   write,
               GError    **error)
{
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autofree char *path = NULL;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_do_overwrite_confirmation (GTK_FILE_CHOOSER (chooser), TRUE);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (gtk_native_dialog_run (GTK_NATIVE_DIALOG (chooser)) != GTK_RESPONSE_ACCEPT)
    return NULL;
  path = gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));
  if (path == NULL || !write (store, id, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

char *
cag_export_statement_ask (GtkWindow  *parent,
                          CagStore   *store,
                          gint64      fund_id,
                          GError    **error)
{
  g_autofree char *name = cag_export_statement_name (store, fund_id);

  return ask_and_write (parent, _("Export Statement"), name, store, fund_id,
                        cag_export_statement_to, error);
}

char *
cag_export_summary_name (CagStore *store,
                         gint64    campaign_id)
{
#ifdef CAG_HAVE_PDF
  g_autoptr(CagCampaign) campaign = NULL;
  CagDate today = cag_date_today ();

  g_return_val_if_fail (store != NULL, NULL);
  campaign = cag_store_campaign_get (store, campaign_id, NULL);
  if (campaign == NULL)
    return NULL;
  return cag_pdf_summary_file_name (campaign->name, &today, cag_i18n_get_language ());
#else
  return NULL;
#endif
}

gboolean
cag_export_summary_to (CagStore   *store,
                       gint64      campaign_id,
                       const char *path,
                       GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
#ifdef CAG_HAVE_PDF
  return cag_pdf_write_summary (store, campaign_id, NULL, cag_i18n_get_language (), path, error);
#else
  g_set_error_literal (error, CAG_ERROR, CAG_ERROR_FAILED,
                       _("This build of Cagnotte cannot write PDF statements."));
  return FALSE;
#endif
}

char *
cag_export_summary_ask (GtkWindow  *parent,
                        CagStore   *store,
                        gint64      campaign_id,
                        GError    **error)
{
  g_autofree char *name = cag_export_summary_name (store, campaign_id);

  return ask_and_write (parent, _("Export Campaign Summary"), name, store, campaign_id,
                        cag_export_summary_to, error);
}
