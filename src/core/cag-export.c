/* cag-export.c — contributions and fund status as CSV. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-export.h"
#include "cag-error.h"
#include "cag-money.h"
#include "cag-rules.h"

/* ---- Helpers ------------------------------------------------------------ */

static void
add_money (CagCsvWriter *writer,
           gint64        cents,
           char          mark)
{
  g_autofree char *text = cag_money_format_plain (cents, mark);

  /* A number, even when negative: never marked as text. */
  cag_csv_writer_number (writer, text);
}

static void
add_int (CagCsvWriter *writer,
         gint64        value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  cag_csv_writer_number (writer, text);
}

static void
add_date (CagCsvWriter  *writer,
          const CagDate *date)
{
  g_autofree char *text = cag_date_to_iso (date);

  cag_csv_writer_field (writer, text);
}

static void
add_header (CagCsvWriter       *writer,
            const char * const *titles)
{
  for (guint i = 0; titles[i] != NULL; i++)
    cag_csv_writer_field (writer, titles[i]);
  cag_csv_writer_end_row (writer);
}

/* ---- Public API --------------------------------------------------------- */

CagCsvWriter *
cag_export_contributions (CagStore  *store,
                          gint64     campaign_id,
                          gint64     org_id,
                          CagLang    lang,
                          GError   **error)
{
  g_autoptr(CagCsvWriter) writer = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) funds = NULL;
  g_autoptr(CagStoreSnapshot) snapshot = NULL;
  char mark = cag_csv_decimal_mark_for_lang (lang);
  /* The importer recognizes these titles in either language. */
  const char *titles[] = {
    C_("csv column", "date"),
    C_("csv column", "organization"),
    C_("csv column", "campaign"),
    C_("csv column", "amount"),
    C_("csv column", "method"),
    C_("csv column", "reference"),
    C_("csv column", "note"),
    C_("csv column", "voided"),
    C_("csv column", "void reason"),
    C_("csv column", "recorded at"),
    C_("csv column", "recorded by"),
    NULL,
  };

  g_return_val_if_fail (store != NULL, NULL);

  /* One snapshot: the funds and the rows agree (docs/RELIABILITY.md). */
  snapshot = cag_store_snapshot (store, error);
  if (snapshot == NULL)
    return NULL;
  if (campaign_id > 0)
    {
      g_autoptr(GPtrArray) fund_list = cag_store_fund_list (store, campaign_id, org_id, error);

      if (fund_list == NULL)
        return NULL;
      funds = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < fund_list->len; i++)
        g_hash_table_add (funds, g_memdup2 (&((CagFund *) fund_list->pdata[i])->id,
                                            sizeof (gint64)));
    }

  list = cag_store_contribution_list (store, 0, org_id, error);
  if (list == NULL)
    return NULL;

  writer = cag_csv_writer_new (cag_csv_delimiter_for_lang (lang));
  add_header (writer, titles);
  for (guint i = 0; i < list->len; i++)
    {
      CagContribution *c = list->pdata[i];

      if (funds != NULL && !g_hash_table_contains (funds, &c->fund_id))
        continue;
      add_date (writer, &c->date);
      cag_csv_writer_field (writer, c->organization_name);
      cag_csv_writer_field (writer, c->campaign_name);
      add_money (writer, c->amount_cents, mark);
      cag_csv_writer_field (writer, cag_method_label (c->method));
      cag_csv_writer_field (writer, c->reference);
      cag_csv_writer_field (writer, c->note);
      cag_csv_writer_field (writer, c->voided ? C_("csv voided", "yes") : NULL);
      cag_csv_writer_field (writer, c->void_reason);
      cag_csv_writer_field (writer, c->recorded_at);
      cag_csv_writer_field (writer, c->recorded_by);
      cag_csv_writer_end_row (writer);
    }
  return g_steal_pointer (&writer);
}

CagCsvWriter *
cag_export_status (CagStore      *store,
                   gint64         campaign_id,
                   const CagDate *as_of,
                   CagLang        lang,
                   GError       **error)
{
  g_autoptr(CagCsvWriter) writer = NULL;
  g_autoptr(GPtrArray) list = NULL;
  CagDate today = cag_date_today ();
  char mark = cag_csv_decimal_mark_for_lang (lang);
  const char *titles[] = {
    C_("csv column", "as of"),
    C_("csv column", "organization"),
    C_("csv column", "short name"),
    C_("csv column", "region"),
    C_("csv column", "campaign"),
    C_("csv column", "delegations"),
    C_("csv column", "target"),
    C_("csv column", "saved"),
    C_("csv column", "matched"),
    C_("csv column", "remaining"),
    C_("csv column", "surplus"),
    C_("csv column", "percent"),
    C_("csv column", "planned monthly"),
    C_("csv column", "expected"),
    C_("csv column", "arrears"),
    C_("csv column", "months left"),
    C_("csv column", "monthly needed"),
    C_("csv column", "paid this month"),
    C_("csv column", "this month"),
    C_("csv column", "state"),
    C_("csv column", "projected completion"),
    C_("csv column", "late projection"),
    NULL,
  };

  g_return_val_if_fail (store != NULL, NULL);

  if (as_of == NULL)
    as_of = &today;

  list = cag_store_status_list (store, campaign_id, 0, as_of, error);
  if (list == NULL)
    return NULL;

  writer = cag_csv_writer_new (cag_csv_delimiter_for_lang (lang));
  add_header (writer, titles);
  for (guint i = 0; i < list->len; i++)
    {
      CagFundStatus *s = list->pdata[i];
      const CagFundFigures *f = &s->figures;
      g_autofree char *percent = g_strdup_printf ("%d%c%d", f->percent_tenths / 10, mark,
                                                  f->percent_tenths % 10);
      g_autofree char *projected = f->has_projection
                                   ? cag_month_to_iso (f->projected_month) : NULL;

      add_date (writer, as_of);
      cag_csv_writer_field (writer, s->organization_name);
      cag_csv_writer_field (writer, s->organization_short_name);
      cag_csv_writer_field (writer, s->region);
      cag_csv_writer_field (writer, s->campaign_name);
      add_int (writer, s->delegations);
      add_money (writer, f->target_cents, mark);
      add_money (writer, f->saved_cents, mark);
      add_money (writer, f->matched_cents, mark);
      add_money (writer, f->remaining_cents, mark);
      add_money (writer, f->surplus_cents, mark);
      cag_csv_writer_number (writer, percent);
      add_money (writer, f->planned_monthly_cents, mark);
      add_money (writer, f->expected_cents, mark);
      add_money (writer, f->arrears_cents, mark);
      add_int (writer, f->months_left);
      add_money (writer, f->monthly_needed_cents, mark);
      add_money (writer, f->paid_this_month_cents, mark);
      cag_csv_writer_field (writer, cag_month_state_label (f->month_state));
      cag_csv_writer_field (writer, cag_fund_state_label (f->state));
      cag_csv_writer_field (writer, projected);
      cag_csv_writer_field (writer, f->has_projection && f->projection_late
                                    ? C_("csv late", "yes") : NULL);
      cag_csv_writer_end_row (writer);
    }
  return g_steal_pointer (&writer);
}

gboolean
cag_export_contributions_to_file (CagStore    *store,
                                  gint64       campaign_id,
                                  gint64       org_id,
                                  CagLang      lang,
                                  const char  *path,
                                  GError     **error)
{
  g_autoptr(CagCsvWriter) writer = cag_export_contributions (store, campaign_id, org_id,
                                                             lang, error);

  return writer != NULL && cag_csv_writer_save (writer, path, error);
}

gboolean
cag_export_status_to_file (CagStore      *store,
                           gint64         campaign_id,
                           const CagDate *as_of,
                           CagLang        lang,
                           const char    *path,
                           GError       **error)
{
  g_autoptr(CagCsvWriter) writer = cag_export_status (store, campaign_id, as_of, lang, error);

  return writer != NULL && cag_csv_writer_save (writer, path, error);
}
