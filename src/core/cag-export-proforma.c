/* cag-export-proforma.c — a budget's pro-forma as CSV. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-budget.h"
#include "cag-export-proforma.h"
#include "cag-money.h"

static void
add_money (CagCsvWriter *writer,
           gint64        cents,
           char          mark)
{
  g_autofree char *text = cag_money_format_plain (cents, mark);

  /* A number, even when negative (a gap): never marked as text. */
  cag_csv_writer_number (writer, text);
}

CagCsvWriter *
cag_export_proforma (CagStore  *store,
                     gint64     budget_id,
                     gint       version,
                     CagLang    lang,
                     GError   **error)
{
  g_autoptr(CagBudget) budget = NULL;
  g_autoptr(CagStoreSnapshot) snapshot = NULL;
  g_autoptr(CagProformaInput) input = NULL;
  g_autoptr(CagProforma) proforma = NULL;
  g_autoptr(CagCsvWriter) writer = NULL;
  g_autofree char *version_text = NULL;
  char mark = cag_csv_decimal_mark_for_lang (lang);

  g_return_val_if_fail (store != NULL, NULL);

  snapshot = cag_store_snapshot (store, error);
  if (snapshot == NULL)
    return NULL;
  budget = cag_budget_get (store, budget_id, version, error);
  if (budget == NULL)
    return NULL;
  input = cag_budget_load (store, budget_id, budget->version, error);
  if (input == NULL)
    return NULL;
  proforma = cag_proforma_compute (input);
  version_text = g_strdup_printf ("%d", budget->version);

  writer = cag_csv_writer_new (cag_csv_delimiter_for_lang (lang));
  cag_csv_writer_field (writer, C_("csv column", "budget"));
  cag_csv_writer_field (writer, C_("csv column", "version"));
  cag_csv_writer_field (writer, C_("csv column", "code"));
  cag_csv_writer_field (writer, C_("csv column", "budget line"));
  cag_csv_writer_field (writer, C_("csv column", "amount"));
  cag_csv_writer_field (writer, C_("csv column", "partner cash"));
  cag_csv_writer_field (writer, C_("csv column", "partner in kind"));
  for (guint k = 0; k < proforma->n_offers; k++)
    {
      const CagProformaOffer *offer = &proforma->offers[k];
      g_autofree char *title = g_strdup_printf ("%s (%d:%d)", offer->funder_name, offer->num,
                                                offer->den);

      cag_csv_writer_field (writer, title);
    }
  cag_csv_writer_field (writer, C_("csv column", "matched"));
  cag_csv_writer_field (writer, C_("csv column", "funded"));
  cag_csv_writer_field (writer, C_("csv column", "gap"));
  cag_csv_writer_field (writer, C_("csv column", "partner needed"));
  cag_csv_writer_end_row (writer);

  for (guint i = 0; i < proforma->n_lines; i++)
    {
      const CagProformaLine *line = &proforma->lines[i];

      cag_csv_writer_field (writer, budget->name);
      cag_csv_writer_field (writer, version_text);
      cag_csv_writer_field (writer, line->code);
      cag_csv_writer_field (writer, line->label);
      add_money (writer, line->amount_cents, mark);
      add_money (writer, line->partner_cash_cents, mark);
      add_money (writer, line->partner_in_kind_cents, mark);
      for (guint k = 0; k < proforma->n_offers; k++)
        add_money (writer, line->shares[k].given_cents, mark);
      add_money (writer, line->matched_cents, mark);
      add_money (writer, line->funded_cents, mark);
      add_money (writer, line->gap_cents, mark);
      add_money (writer, line->partner_needed_cents, mark);
      cag_csv_writer_end_row (writer);
    }

  cag_csv_writer_field (writer, budget->name);
  cag_csv_writer_field (writer, version_text);
  cag_csv_writer_field (writer, NULL);
  cag_csv_writer_field (writer, C_("csv proforma", "Total"));
  add_money (writer, proforma->amount_cents, mark);
  add_money (writer, proforma->partner_cash_cents, mark);
  add_money (writer, proforma->partner_in_kind_cents, mark);
  for (guint k = 0; k < proforma->n_offers; k++)
    add_money (writer, proforma->offers[k].requested_cents, mark);
  add_money (writer, proforma->matched_cents, mark);
  add_money (writer, proforma->funded_cents, mark);
  add_money (writer, proforma->gap_cents, mark);
  add_money (writer, proforma->partner_needed_cents, mark);
  cag_csv_writer_end_row (writer);

  return g_steal_pointer (&writer);
}

gboolean
cag_export_proforma_to_file (CagStore    *store,
                             gint64       budget_id,
                             gint         version,
                             CagLang      lang,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(CagCsvWriter) writer = cag_export_proforma (store, budget_id, version, lang, error);

  return writer != NULL && cag_csv_writer_save (writer, path, error);
}
