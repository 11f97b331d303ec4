/* cag-pdf.c — the public entry points: gather a document's figures from the
 * store, draw it, write it safely; statements in batch with safe file names.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cag-pdf.h"
#include "cag-pdf-private.h"
#include "cag-error.h"
#include "cag-date.h"

void
cag_statement_data_free (CagStatementData *data)
{
  if (data == NULL)
    return;
  g_free (data->network_name);
  g_clear_pointer (&data->organization, cag_organization_free);
  g_clear_pointer (&data->campaign, cag_campaign_free);
  g_clear_pointer (&data->status, cag_fund_status_free);
  g_clear_pointer (&data->contributions, g_ptr_array_unref);
  g_clear_pointer (&data->months, g_array_unref);
  g_free (data);
}

void
cag_summary_data_free (CagSummaryData *data)
{
  if (data == NULL)
    return;
  g_free (data->network_name);
  g_clear_pointer (&data->campaign, cag_campaign_free);
  g_clear_pointer (&data->statuses, g_ptr_array_unref);
  g_free (data);
}

/* The network is the organization of kind "network" when there is exactly
 * one: its name heads every document.  Member organizations can be networks
 * too (a sectoral network saving for its own delegation): those with a fund
 * in CAMPAIGN_ID are not the network.  When it stays ambiguous, the documents
 * name no network rather than the wrong one. */
char *
cag_pdf_find_network_name (CagStore *store,
                           gint64    campaign_id)
{
  g_autoptr (GPtrArray) orgs = cag_store_org_list (store, NULL, FALSE, NULL);
  g_autoptr (GPtrArray) funds = NULL;
  const char *found = NULL;

  if (orgs == NULL)
    return NULL;
  if (campaign_id > 0)
    funds = cag_store_fund_list (store, campaign_id, 0, NULL);
  for (guint i = 0; i < orgs->len; i++)
    {
      const CagOrganization *org = orgs->pdata[i];
      gboolean saving = FALSE;

      if (org->kind != CAG_ORG_NETWORK)
        continue;
      for (guint f = 0; funds != NULL && f < funds->len; f++)
        if (((const CagFund *) funds->pdata[f])->organization_id == org->id)
          saving = TRUE;
      if (saving)
        continue;
      if (found != NULL)
        return NULL;
      found = org->name;
    }
  return g_strdup (found);
}

static CagStatementData *
gather_statement (CagStore      *store,
                  gint64         fund_id,
                  const CagDate *as_of,
                  GError       **error)
{
  g_autoptr (CagStatementData) data = g_new0 (CagStatementData, 1);
  g_autoptr (GPtrArray) all = NULL;
  /* One snapshot: the figures agree with the rows listed (docs/RELIABILITY.md). */
  g_autoptr (CagStoreSnapshot) snapshot = cag_store_snapshot (store, error);

  if (snapshot == NULL)
    return NULL;
  data->as_of = as_of != NULL ? *as_of : cag_date_today ();
  data->status = cag_store_fund_status (store, fund_id, &data->as_of, error);
  if (data->status == NULL)
    return NULL;
  data->organization = cag_store_org_get (store, data->status->organization_id, error);
  if (data->organization == NULL)
    return NULL;
  data->campaign = cag_store_campaign_get (store, data->status->campaign_id, error);
  if (data->campaign == NULL)
    return NULL;
  all = cag_store_contribution_list (store, fund_id, 0, error);
  if (all == NULL)
    return NULL;
  data->months = cag_store_month_totals (store, fund_id, 0, error);
  if (data->months == NULL)
    return NULL;
  data->network_name = cag_pdf_find_network_name (store, data->status->campaign_id);

  /* A statement as of a date shows what was known to be paid by then. */
  data->contributions = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);
  for (guint i = 0; i < all->len; i++)
    {
      CagContribution *c = all->pdata[i];

      if (cag_date_compare (&c->date, &data->as_of) <= 0)
        g_ptr_array_add (data->contributions, cag_contribution_copy (c));
    }
  return g_steal_pointer (&data);
}

static gboolean
write_statement_data (const CagStatementData *data,
                      CagLang                 lang,
                      const char             *path,
                      GError                **error)
{
  g_autoptr (CagPdfDoc) doc = NULL;
  g_autofree char *title = NULL;

  doc = cag_pdf_doc_new (lang, error);
  if (doc == NULL)
    return FALSE;
  /* Made once the document has switched gettext to its language. */
  title = g_strdup_printf (C_("pdf", "Delegation fund statement — %s — %s"),
                           data->organization->name,
                           data->campaign->name);
  cag_pdf_doc_set_title (doc, title, data->campaign->name);
  cag_pdf_draw_statement (doc, data);
  return cag_pdf_doc_save (doc, path, error);
}

gboolean
cag_pdf_write_statement (CagStore      *store,
                         gint64         fund_id,
                         const CagDate *as_of,
                         CagLang        lang,
                         const char    *path,
                         GError       **error)
{
  g_autoptr (CagStatementData) data = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = gather_statement (store, fund_id, as_of, error);
  if (data == NULL)
    return FALSE;
  return write_statement_data (data, lang, path, error);
}

gboolean
cag_pdf_write_summary (CagStore      *store,
                       gint64         campaign_id,
                       const CagDate *as_of,
                       CagLang        lang,
                       const char    *path,
                       GError       **error)
{
  g_autoptr (CagSummaryData) data = g_new0 (CagSummaryData, 1);
  g_autoptr (CagStoreSnapshot) snapshot = NULL;
  g_autoptr (CagPdfDoc) doc = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data->as_of = as_of != NULL ? *as_of : cag_date_today ();
  snapshot = cag_store_snapshot (store, error);
  if (snapshot == NULL)
    return FALSE;
  data->campaign = cag_store_campaign_get (store, campaign_id, error);
  if (data->campaign == NULL)
    return FALSE;
  data->statuses = cag_store_status_list (store, campaign_id, 0, &data->as_of, error);
  if (data->statuses == NULL)
    return FALSE;
  cag_network_totals_compute (data->statuses, &data->totals);
  data->network_name = cag_pdf_find_network_name (store, campaign_id);

  doc = cag_pdf_doc_new (lang, error);
  if (doc == NULL)
    return FALSE;
  title = g_strdup_printf (C_("pdf", "Campaign summary — %s"), data->campaign->name);
  cag_pdf_doc_set_title (doc, title, data->campaign->name);
  cag_pdf_draw_summary (doc, data);
  return cag_pdf_doc_save (doc, path, error);
}

char *
cag_pdf_safe_name (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *ascii = g_str_to_ascii (valid, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
append_part (GString    *name,
             const char *text,
             gsize       max)
{
  g_autofree char *part = cag_pdf_safe_name (text);
  gsize len = strlen (part);

  if (len == 0)
    return;
  if (len > max)
    {
      len = max;
      while (len > 0 && part[len - 1] == '-')
        len--;
    }
  g_string_append_c (name, '-');
  g_string_append_len (name, part, (gssize) len);
}

char *
cag_pdf_statement_file_name (const char    *organization,
                             const char    *campaign,
                             const CagDate *as_of,
                             CagLang        lang)
{
  GString *name = g_string_new (lang == CAG_LANG_FR ? "releve" : "statement");

  append_part (name, organization, 48);
  append_part (name, campaign, 24);
  if (as_of != NULL)
    {
      g_autofree char *iso = cag_date_to_iso (as_of);
      g_string_append_printf (name, "-%s", iso);
    }
  g_string_append (name, ".pdf");
  return g_string_free (name, FALSE);
}

char *
cag_pdf_summary_file_name (const char    *campaign,
                           const CagDate *as_of,
                           CagLang        lang)
{
  GString *name = g_string_new (lang == CAG_LANG_FR ? "sommaire" : "summary");

  append_part (name, campaign, 48);
  if (as_of != NULL)
    {
      g_autofree char *iso = cag_date_to_iso (as_of);
      g_string_append_printf (name, "-%s", iso);
    }
  g_string_append (name, ".pdf");
  return g_string_free (name, FALSE);
}

char *
cag_pdf_proforma_file_name (const char *budget,
                            gint        version,
                            const char *funder)
{
  GString *name = g_string_new ("pro-forma");

  append_part (name, budget, 48);
  g_string_append_printf (name, "-v%d", version);
  if (funder != NULL)
    append_part (name, funder, 32);
  g_string_append (name, ".pdf");
  return g_string_free (name, FALSE);
}

static gboolean
ensure_folder (const char  *dir,
               GError     **error)
{
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;
  if (g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO,
                   C_("pdf", "Cannot use “%s” as a folder: a file has that name."), dir);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, CAG_ERROR, CAG_ERROR_IO, C_("pdf", "Cannot create the folder “%s”: %s."),
                   dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
cag_pdf_write_statements (CagStore      *store,
                          gint64         campaign_id,
                          const CagDate *as_of,
                          CagLang        lang,
                          const char    *dir,
                          GPtrArray    **out_paths,
                          GError       **error)
{
  g_autoptr (GPtrArray) funds = NULL;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (CagCampaign) campaign = NULL;
  CagDate date = as_of != NULL ? *as_of : cag_date_today ();

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  campaign = cag_store_campaign_get (store, campaign_id, error);
  if (campaign == NULL)
    return FALSE;
  funds = cag_store_fund_list (store, campaign_id, 0, error);
  if (funds == NULL)
    return FALSE;
  if (!ensure_folder (dir, error))
    return FALSE;

  for (guint i = 0; i < funds->len; i++)
    {
      const CagFund *fund = funds->pdata[i];
      g_autoptr (CagStatementData) data = NULL;
      g_autofree char *base = NULL;
      g_autofree char *path = NULL;

      data = gather_statement (store, fund->id, &date, error);
      if (data == NULL)
        return FALSE;
      base = cag_pdf_statement_file_name (data->organization->name, campaign->name, &date, lang);
      /* Two names can fold to the same file name ("A/B" and "A-B"). */
      for (guint n = 2; g_hash_table_contains (used, base); n++)
        {
          g_autofree char *stem = cag_pdf_statement_file_name (data->organization->name,
                                                               campaign->name, &date, lang);
          stem[strlen (stem) - strlen (".pdf")] = '\0';
          g_free (base);
          base = g_strdup_printf ("%s-%u.pdf", stem, n);
        }
      g_hash_table_add (used, g_strdup (base));
      path = g_build_filename (dir, base, NULL);
      if (!write_statement_data (data, lang, path, error))
        return FALSE;
      g_ptr_array_add (written, g_steal_pointer (&path));
    }

  if (out_paths != NULL)
    *out_paths = g_steal_pointer (&written);
  return TRUE;
}
