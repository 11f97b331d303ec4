/* cag-pdf.c — the public entry points: gather a document's figures from the
 * store, draw it, write it safely; statements in batch with safe file names.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"
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
  g_clear_pointer (&data->network, cag_network_free);
  g_clear_pointer (&data->organization, cag_organization_free);
  g_clear_pointer (&data->campaign, cag_campaign_free);
  g_clear_pointer (&data->status, cag_fund_status_free);
  g_clear_pointer (&data->contributions, g_ptr_array_unref);
  g_clear_pointer (&data->months, g_array_unref);
  g_free (data);
}

void
cag_reminder_data_free (CagReminderData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->network, cag_network_free);
  g_clear_pointer (&data->organization, cag_organization_free);
  g_clear_pointer (&data->campaign, cag_campaign_free);
  g_clear_pointer (&data->status, cag_fund_status_free);
  g_free (data);
}

void
cag_summary_data_free (CagSummaryData *data)
{
  if (data == NULL)
    return;
  g_free (data->network_name);
  g_clear_pointer (&data->network, cag_network_free);
  g_clear_pointer (&data->campaign, cag_campaign_free);
  g_clear_pointer (&data->statuses, g_ptr_array_unref);
  g_free (data);
}

/* Before the network profile existed, the network was the organization of
 * kind "network" when there is exactly one.  Member organizations can be
 * networks too (a sectoral network saving for its own delegation): those
 * with a fund in CAMPAIGN_ID are not the network.  When it stays ambiguous,
 * the documents name no network rather than the wrong one.  Used only while
 * the profile has no name (it reads every organization). */
static char *
guess_network_name (CagStore *store,
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

CagNetwork *
cag_pdf_find_issuer (CagStore *store,
                     gint64    campaign_id)
{
  g_autoptr (CagNetwork) network = cag_store_network_get (store, NULL);

  if (network == NULL)
    network = cag_network_new ();
  if (network->name == NULL)
    network->name = guess_network_name (store, campaign_id);
  return g_steal_pointer (&network);
}

char *
cag_pdf_find_network_name (CagStore *store,
                           gint64    campaign_id)
{
  g_autoptr (CagNetwork) network = cag_pdf_find_issuer (store, campaign_id);

  return g_steal_pointer (&network->name);
}

/* ISSUER: the network (cag_pdf_find_issuer), looked up once for a batch;
 * NULL to look it up here. */
static CagStatementData *
gather_statement (CagStore         *store,
                  gint64            fund_id,
                  const CagDate    *as_of,
                  const CagNetwork *issuer,
                  GError          **error)
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
  data->network = issuer != NULL ? cag_network_copy (issuer)
                                 : cag_pdf_find_issuer (store, data->status->campaign_id);
  data->network_name = g_strdup (data->network->name);

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
  g_autofree char *subject = NULL;
  g_autofree char *as_of = cag_date_format (&data->as_of, lang);

  doc = cag_pdf_doc_new (lang, error);
  if (doc == NULL)
    return FALSE;
  /* Made once the document has switched gettext to its language. */
  title = g_strdup_printf (C_("pdf", "Delegation fund statement — %s — %s"),
                           data->organization->name,
                           data->campaign->name);
  subject = g_strdup_printf (C_("pdf", "Savings of %s toward %s, as of %s"),
                             data->organization->name, data->campaign->name, as_of);
  cag_pdf_doc_set_title (doc, title, subject);
  cag_pdf_doc_set_author (doc, data->network_name);
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

  data = gather_statement (store, fund_id, as_of, NULL, error);
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
  g_autofree char *subject = NULL;

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
  data->network = cag_pdf_find_issuer (store, campaign_id);
  data->network_name = g_strdup (data->network->name);

  doc = cag_pdf_doc_new (lang, error);
  if (doc == NULL)
    return FALSE;
  title = g_strdup_printf (C_("pdf", "Campaign summary — %s"), data->campaign->name);
  {
    g_autofree char *as_of_text = cag_date_format (&data->as_of, lang);

    subject = g_strdup_printf (C_("pdf", "Where the funds of %s stand, as of %s"),
                               data->campaign->name, as_of_text);
  }
  cag_pdf_doc_set_title (doc, title, subject);
  cag_pdf_doc_set_author (doc, data->network_name);
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
cag_pdf_reminder_file_name (const char    *organization,
                            const char    *campaign,
                            const CagDate *as_of,
                            CagLang        lang)
{
  GString *name = g_string_new (lang == CAG_LANG_FR ? "rappel" : "reminder");

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

typedef enum
{
  BATCH_STATEMENTS,
  BATCH_REMINDERS,
} BatchKind;

static CagReminderData *
gather_reminder (CagStore            *store,
                 const CagFundStatus *status,
                 const CagDate       *as_of,
                 const CagNetwork    *issuer,
                 GError             **error)
{
  g_autoptr (CagReminderData) data = g_new0 (CagReminderData, 1);

  data->as_of = *as_of;
  data->network = cag_network_copy (issuer);
  data->status = cag_store_fund_status (store, status->fund_id, as_of, error);
  if (data->status == NULL)
    return NULL;
  data->organization = cag_store_org_get (store, status->organization_id, error);
  if (data->organization == NULL)
    return NULL;
  data->campaign = cag_store_campaign_get (store, status->campaign_id, error);
  if (data->campaign == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

static gboolean
write_reminder (CagStore            *store,
                const CagFundStatus *status,
                const CagDate       *as_of,
                const CagNetwork    *issuer,
                CagLang              lang,
                const char          *path,
                GError             **error)
{
  g_autoptr (CagReminderData) data = gather_reminder (store, status, as_of, issuer, error);
  g_autoptr (CagPdfDoc) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;

  if (data == NULL)
    return FALSE;
  doc = cag_pdf_doc_new (lang, error);
  if (doc == NULL)
    return FALSE;
  title = g_strdup_printf (C_("pdf", "Reminder — %s — %s"), data->organization->name,
                           data->campaign->name);
  subject = g_strdup_printf (C_("pdf", "The delegation fund of %s is behind its saving plan"),
                             data->organization->name);
  cag_pdf_doc_set_title (doc, title, subject);
  cag_pdf_doc_set_author (doc, issuer->name);
  cag_pdf_draw_reminder (doc, data);
  return cag_pdf_doc_save (doc, path, error);
}

static char *
batch_file_name (BatchKind      kind,
                 const char    *organization,
                 const char    *campaign,
                 const CagDate *as_of,
                 CagLang        lang,
                 guint          n)
{
  g_autofree char *base = kind == BATCH_STATEMENTS
    ? cag_pdf_statement_file_name (organization, campaign, as_of, lang)
    : cag_pdf_reminder_file_name (organization, campaign, as_of, lang);

  if (n < 2)
    return g_steal_pointer (&base);
  base[strlen (base) - strlen (".pdf")] = '\0';
  return g_strdup_printf ("%s-%u.pdf", base, n);
}

static gboolean
write_one (CagStore            *store,
           BatchKind            kind,
           const CagFundStatus *status,
           const CagDate       *as_of,
           const CagNetwork    *issuer,
           CagLang              lang,
           const char          *path,
           GError             **error)
{
  g_autoptr (CagStatementData) data = NULL;

  if (kind == BATCH_REMINDERS)
    return write_reminder (store, status, as_of, issuer, lang, path, error);
  data = gather_statement (store, status->fund_id, as_of, issuer, error);
  return data != NULL && write_statement_data (data, lang, path, error);
}

/* The funds a batch writes for, sorted by organization. */
static GPtrArray *
batch_funds (CagStore      *store,
             gint64         campaign_id,
             const CagDate *as_of,
             BatchKind      kind,
             GError       **error)
{
  g_autoptr (GPtrArray) statuses = cag_store_status_list (store, campaign_id, 0, as_of, error);

  if (statuses == NULL || kind == BATCH_STATEMENTS)
    return g_steal_pointer (&statuses);
  for (guint i = statuses->len; i > 0; i--)
    if (((CagFundStatus *) statuses->pdata[i - 1])->figures.state != CAG_FUND_BEHIND)
      g_ptr_array_remove_index (statuses, i - 1);
  return g_steal_pointer (&statuses);
}

static gboolean
write_batch (CagStore          *store,
             gint64             campaign_id,
             const CagDate     *as_of,
             CagLang            lang,
             const char        *dir,
             BatchKind          kind,
             CagPdfProgressFunc progress,
             gpointer           user_data,
             GCancellable      *cancellable,
             GPtrArray        **out_paths,
             GError           **error)
{
  g_autoptr (GPtrArray) funds = NULL;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (CagCampaign) campaign = NULL;
  g_autoptr (CagNetwork) issuer = NULL;
  CagDate date = as_of != NULL ? *as_of : cag_date_today ();
  gboolean ok = TRUE;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (out_paths != NULL)
    *out_paths = NULL;
  campaign = cag_store_campaign_get (store, campaign_id, error);
  if (campaign == NULL)
    return FALSE;
  funds = batch_funds (store, campaign_id, &date, kind, error);
  if (funds == NULL)
    return FALSE;
  if (!ensure_folder (dir, error))
    return FALSE;
  issuer = cag_pdf_find_issuer (store, campaign_id);

  for (guint i = 0; ok && i < funds->len; i++)
    {
      const CagFundStatus *status = funds->pdata[i];
      g_autofree char *base = NULL;
      g_autofree char *path = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (progress != NULL)
        progress (i, funds->len, user_data);
      /* Two names can fold to the same file name ("A/B" and "A-B"). */
      for (guint n = 1; base == NULL || g_hash_table_contains (used, base); n++)
        {
          g_free (base);
          base = batch_file_name (kind, status->organization_name, campaign->name, &date, lang,
                                  n);
        }
      g_hash_table_add (used, g_strdup (base));
      path = g_build_filename (dir, base, NULL);
      if (!write_one (store, kind, status, &date, issuer, lang, path, error))
        ok = FALSE;
      else
        g_ptr_array_add (written, g_steal_pointer (&path));
    }
  if (ok && progress != NULL)
    progress (funds->len, funds->len, user_data);

  /* Also on failure: the caller says which files were written. */
  if (out_paths != NULL)
    *out_paths = g_steal_pointer (&written);
  return ok;
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
  return write_batch (store, campaign_id, as_of, lang, dir, BATCH_STATEMENTS, NULL, NULL, NULL,
                      out_paths, error);
}

gboolean
cag_pdf_write_statements_full (CagStore          *store,
                               gint64             campaign_id,
                               const CagDate     *as_of,
                               CagLang            lang,
                               const char        *dir,
                               CagPdfProgressFunc progress,
                               gpointer           user_data,
                               GCancellable      *cancellable,
                               GPtrArray        **out_paths,
                               GError           **error)
{
  return write_batch (store, campaign_id, as_of, lang, dir, BATCH_STATEMENTS, progress,
                      user_data, cancellable, out_paths, error);
}

gboolean
cag_pdf_write_reminders (CagStore          *store,
                         gint64             campaign_id,
                         const CagDate     *as_of,
                         CagLang            lang,
                         const char        *dir,
                         CagPdfProgressFunc progress,
                         gpointer           user_data,
                         GCancellable      *cancellable,
                         GPtrArray        **out_paths,
                         GError           **error)
{
  return write_batch (store, campaign_id, as_of, lang, dir, BATCH_REMINDERS, progress,
                      user_data, cancellable, out_paths, error);
}
