/* cag-import.c — contributions from a CSV file: find the columns, check every
 * row, then write everything in one transaction or nothing. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-import.h"
#include "cag-error.h"
#include "cag-fold.h"
#include "cag-money.h"
#include "cag-store-private.h"

typedef struct
{
  guint      line;
  CagDate    date;
  gint64     amount_cents;
  CagMethod  method;
  char      *reference;
  char      *note;
  gint64     org_id;         /* 0 when the organization is to be created */
  char      *org_key;        /* folded name, for new organizations */
  gint64     campaign_id;
  gint64     fund_id;        /* 0 when the fund is to be opened */
} Row;

typedef struct
{
  CagStore               *store;
  const CagImportOptions *options;
  CagImportReport        *report;
  gint                    columns[CAG_IMPORT_N_FIELDS];
  guint                   n_header_fields;
  GHashTable             *orgs;              /* folded name → gint64 id, -1: ambiguous */
  GHashTable             *new_orgs;          /* folded name → name as first written */
  GPtrArray              *new_org_order;     /* folded names, in order of appearance */
  GPtrArray              *campaigns;         /* CagCampaign */
  GHashTable             *campaigns_by_key;  /* folded name or id → CagCampaign* */
  CagCampaign            *default_campaign;
  GHashTable             *funds;             /* "org:campaign" → gint64 fund id */
  GHashTable             *loaded_campaigns;  /* campaign ids whose funds are known */
  GHashTable             *loaded_funds;      /* fund ids whose contributions are known */
  GHashTable             *existing;          /* duplicate keys in the database */
  GHashTable             *seen;              /* duplicate keys in the file → line */
  GHashTable             *new_funds;         /* "org:campaign" keys of funds to open */
  GPtrArray              *rows;              /* Row */
} Import;

/* Folded French and English header names of each field. */
static const char * const field_names[CAG_IMPORT_N_FIELDS][12] = {
  [CAG_IMPORT_FIELD_DATE] = { "date", "date du versement", "date de versement",
                              "date de paiement", "date recue", "payment date",
                              "date paid", "date received", NULL },
  [CAG_IMPORT_FIELD_ORGANIZATION] = { "organisation", "organization", "organisme", "org",
                                      "membre", "member", "nom de l organisation",
                                      "organization name", NULL },
  [CAG_IMPORT_FIELD_AMOUNT] = { "montant", "amount", "somme", "montant verse",
                                "montant recu", "amount paid", "amount received", NULL },
  [CAG_IMPORT_FIELD_METHOD] = { "mode", "methode", "method", "mode de paiement",
                                "mode de versement", "moyen de paiement",
                                "payment method", NULL },
  [CAG_IMPORT_FIELD_REFERENCE] = { "reference", "ref", "no de cheque",
                                   "numero de cheque", "n de cheque", "cheque number",
                                   "cheque no", NULL },
  [CAG_IMPORT_FIELD_NOTE] = { "note", "notes", "remarque", "remarques", "commentaire",
                              "commentaires", "comment", "comments", "memo", NULL },
  [CAG_IMPORT_FIELD_CAMPAIGN] = { "campagne", "campaign", "evenement", "event", NULL },
  [CAG_IMPORT_FIELD_VOIDED] = { "annule", "annulee", "voided", "void", NULL },
};

static const char * const field_machine_names[CAG_IMPORT_N_FIELDS] = {
  "date", "organization", "amount", "method", "reference", "note", "campaign", "voided",
};

static const struct
{
  const char *name;
  CagMethod   method;
} method_names[] = {
  { "cheque", CAG_METHOD_CHEQUE }, { "check", CAG_METHOD_CHEQUE },
  { "chq", CAG_METHOD_CHEQUE }, { "ch", CAG_METHOD_CHEQUE },
  { "transfer", CAG_METHOD_TRANSFER }, { "virement", CAG_METHOD_TRANSFER },
  { "virement bancaire", CAG_METHOD_TRANSFER }, { "bank transfer", CAG_METHOD_TRANSFER },
  { "virement interac", CAG_METHOD_TRANSFER }, { "interac", CAG_METHOD_TRANSFER },
  { "e transfer", CAG_METHOD_TRANSFER }, { "etransfer", CAG_METHOD_TRANSFER },
  { "depot direct", CAG_METHOD_TRANSFER }, { "direct deposit", CAG_METHOD_TRANSFER },
  { "vir", CAG_METHOD_TRANSFER }, { "tef", CAG_METHOD_TRANSFER }, { "eft", CAG_METHOD_TRANSFER },
  { "cash", CAG_METHOD_CASH }, { "comptant", CAG_METHOD_CASH },
  { "argent comptant", CAG_METHOD_CASH }, { "especes", CAG_METHOD_CASH },
  { "other", CAG_METHOD_OTHER }, { "autre", CAG_METHOD_OTHER },
  { "en nature", CAG_METHOD_OTHER }, { "in kind", CAG_METHOD_OTHER },
};

static const char * const not_voided[] = { "non", "no", "n", "0", "faux", "false", NULL };

/* ---- Helpers ------------------------------------------------------------ */

/* cag_fold_key, then only letters, digits and single spaces: "N° de chèque"
 * and "no de cheque" meet, "Montant ($)" becomes "montant". */
static char *
match_key (const char *text)
{
  g_autofree char *folded = cag_fold_key (text != NULL ? text : "");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->reference);
  g_free (row->note);
  g_free (row->org_key);
  g_free (row);
}

static void
add_problem (Import     *imp,
             guint       line,
             gint        field,
             const char *message)
{
  CagImportProblem *problem = g_new0 (CagImportProblem, 1);

  problem->line = line;
  problem->field = field;
  problem->message = g_strdup (message);
  g_ptr_array_add (imp->report->problems, problem);
}

static void add_problemf (Import     *imp,
                          guint       line,
                          gint        field,
                          const char *format,
                          ...) G_GNUC_PRINTF (4, 5);

static void
add_problemf (Import     *imp,
              guint       line,
              gint        field,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (imp, line, field, message);
}

static gint64 *
boxed_id (gint64 id)
{
  gint64 *box = g_new (gint64, 1);

  *box = id;
  return box;
}

static const char *
cell (Import             *imp,
      const CagCsvRecord *record,
      CagImportField      field)
{
  gint column = imp->columns[field];

  if (column < 0 || (guint) column >= record->n_fields)
    return "";
  return record->fields[column];
}

static char *
fund_key_for (gint64      org_id,
              const char *org_key,
              gint64      campaign_id)
{
  if (org_id > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, org_id, campaign_id);
  return g_strdup_printf ("new %s:%" G_GINT64_FORMAT, org_key, campaign_id);
}

static char *
duplicate_key (const char    *fund_key,
               const CagDate *date,
               gint64         amount_cents,
               const char    *reference)
{
  g_autofree char *ref = match_key (reference);

  return g_strdup_printf ("%s|%04d-%02d-%02d|%" G_GINT64_FORMAT "|%s", fund_key,
                          date->year, date->month, date->day, amount_cents, ref);
}

/* ---- Loading what the database knows ------------------------------------ */

static gboolean
load_organizations (Import  *imp,
                    GError **error)
{
  g_autoptr(GPtrArray) orgs = cag_store_org_list (imp->store, NULL, TRUE, error);

  if (orgs == NULL)
    return FALSE;

  for (guint i = 0; i < orgs->len; i++)
    {
      CagOrganization *org = orgs->pdata[i];
      const char *names[] = { org->name, org->short_name };

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *key = NULL;
          gint64 *known;

          if (names[k] == NULL || *names[k] == '\0')
            continue;
          key = match_key (names[k]);
          known = g_hash_table_lookup (imp->orgs, key);
          if (known != NULL && *known != org->id)
            *known = -1;
          else if (known == NULL)
            g_hash_table_insert (imp->orgs, g_steal_pointer (&key), boxed_id (org->id));
        }
    }
  return TRUE;
}

static gboolean
load_campaigns (Import  *imp,
                GError **error)
{
  imp->campaigns = cag_store_campaign_list (imp->store, error);
  if (imp->campaigns == NULL)
    return FALSE;

  for (guint i = 0; i < imp->campaigns->len; i++)
    {
      CagCampaign *campaign = imp->campaigns->pdata[i];

      g_hash_table_insert (imp->campaigns_by_key, match_key (campaign->name), campaign);
      g_hash_table_insert (imp->campaigns_by_key,
                           g_strdup_printf ("%" G_GINT64_FORMAT, campaign->id), campaign);
    }
  return TRUE;
}

static gboolean
load_funds_of_campaign (Import  *imp,
                        gint64   campaign_id,
                        GError **error)
{
  g_autoptr(GPtrArray) funds = NULL;

  if (g_hash_table_contains (imp->loaded_campaigns, &campaign_id))
    return TRUE;

  funds = cag_store_fund_list (imp->store, campaign_id, 0, error);
  if (funds == NULL)
    return FALSE;
  for (guint i = 0; i < funds->len; i++)
    {
      CagFund *fund = funds->pdata[i];

      g_hash_table_insert (imp->funds,
                           fund_key_for (fund->organization_id, NULL, fund->campaign_id),
                           boxed_id (fund->id));
    }
  g_hash_table_add (imp->loaded_campaigns, boxed_id (campaign_id));
  return TRUE;
}

static gboolean
load_contributions_of_fund (Import  *imp,
                            gint64   fund_id,
                            gint64   org_id,
                            gint64   campaign_id,
                            GError **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *fund_key = NULL;

  if (g_hash_table_contains (imp->loaded_funds, &fund_id))
    return TRUE;

  list = cag_store_contribution_list (imp->store, fund_id, 0, error);
  if (list == NULL)
    return FALSE;
  fund_key = fund_key_for (org_id, NULL, campaign_id);
  /* Voided contributions count too: a treasurer who voided a row on
   * purpose does not want the next import of the same sheet to revive it. */
  for (guint i = 0; i < list->len; i++)
    {
      CagContribution *c = list->pdata[i];

      g_hash_table_add (imp->existing,
                        duplicate_key (fund_key, &c->date, c->amount_cents, c->reference));
    }
  g_hash_table_add (imp->loaded_funds, boxed_id (fund_id));
  return TRUE;
}

/* ---- The header --------------------------------------------------------- */

static gint
find_column (const CagCsvRecord *header,
             const char         *wanted)
{
  g_autofree char *wanted_key = match_key (wanted);
  char *end = NULL;
  guint64 number;

  if (g_ascii_isdigit (wanted[0]))
    {
      number = g_ascii_strtoull (wanted, &end, 10);
      if (end != NULL && *end == '\0' && number >= 1 && number <= header->n_fields)
        return (gint) number - 1;
    }
  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *key = match_key (header->fields[i]);

      if (strcmp (key, wanted_key) == 0)
        return (gint) i;
    }
  return -1;
}

static gboolean
read_header (Import             *imp,
             const CagCsvRecord *header)
{
  gboolean ok = TRUE;

  for (guint f = 0; f < CAG_IMPORT_N_FIELDS; f++)
    imp->columns[f] = -1;
  imp->n_header_fields = header->n_fields;

  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *key = match_key (header->fields[i]);

      for (guint f = 0; f < CAG_IMPORT_N_FIELDS; f++)
        for (guint k = 0; field_names[f][k] != NULL; k++)
          if (strcmp (key, field_names[f][k]) == 0)
            {
              if (imp->columns[f] >= 0 && imp->options->columns[f] == NULL)
                {
                  add_problemf (imp, header->line, (gint) f,
                                _("two columns (%u and %u) hold the %s; name the right one "
                                  "explicitly."),
                                (guint) imp->columns[f] + 1, i + 1,
                                cag_import_field_label (f));
                  ok = FALSE;
                }
              else if (imp->columns[f] < 0)
                imp->columns[f] = (gint) i;
            }
    }

  for (guint f = 0; f < CAG_IMPORT_N_FIELDS; f++)
    {
      const char *wanted = imp->options->columns[f];

      if (wanted == NULL)
        continue;
      imp->columns[f] = find_column (header, wanted);
      if (imp->columns[f] < 0)
        {
          add_problemf (imp, header->line, (gint) f,
                        _("no column “%s” in the first line of the file."), wanted);
          ok = FALSE;
        }
    }

  if (imp->columns[CAG_IMPORT_FIELD_DATE] < 0 && imp->columns[CAG_IMPORT_FIELD_AMOUNT] < 0
      && imp->columns[CAG_IMPORT_FIELD_ORGANIZATION] < 0)
    {
      add_problem (imp, header->line, -1,
                   _("the first line must name the columns (date, organisation, montant…); "
                     "none was recognized."));
      return FALSE;
    }

  for (guint f = CAG_IMPORT_FIELD_DATE; f <= CAG_IMPORT_FIELD_AMOUNT; f++)
    if (imp->columns[f] < 0 && imp->options->columns[f] == NULL)
      {
        add_problemf (imp, header->line, (gint) f,
                      _("the file has no %s column."), cag_import_field_label (f));
        ok = FALSE;
      }
  return ok;
}

/* ---- One row ------------------------------------------------------------ */

static gboolean
parse_method (const char *text,
              CagMethod  *out)
{
  g_autofree char *key = match_key (text);

  if (*key == '\0')
    {
      *out = CAG_METHOD_OTHER;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (method_names); i++)
    if (strcmp (key, method_names[i].name) == 0)
      {
        *out = method_names[i].method;
        return TRUE;
      }
  /* The labels of the language in use, whatever they are. */
  for (CagMethod m = CAG_METHOD_CHEQUE; m <= CAG_METHOD_OTHER; m++)
    {
      g_autofree char *label = match_key (cag_method_label (m));

      if (strcmp (key, label) == 0)
        {
          *out = m;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_date_cell (const char *text,
                 CagDate    *out,
                 GError    **error)
{
  if (strchr (text, '/') != NULL)
    return cag_date_parse_dmy (text, out, error);
  return cag_date_parse_iso (text, out, error);
}

static gboolean
is_voided (const char *text)
{
  g_autofree char *key = match_key (text);

  if (*key == '\0')
    return FALSE;
  for (guint i = 0; not_voided[i] != NULL; i++)
    if (strcmp (key, not_voided[i]) == 0)
      return FALSE;
  return TRUE;
}

static CagCampaign *
row_campaign (Import             *imp,
              const CagCsvRecord *record)
{
  g_autofree char *text = trimmed (cell (imp, record, CAG_IMPORT_FIELD_CAMPAIGN));
  g_autofree char *key = NULL;
  CagCampaign *campaign;

  if (*text == '\0')
    {
      if (imp->default_campaign == NULL)
        add_problem (imp, record->line, CAG_IMPORT_FIELD_CAMPAIGN,
                     imp->campaigns->len == 0
                     ? _("the database has no campaign yet; create one first.")
                     : _("which campaign? The database has several: name it in a campaign "
                         "column or choose one for the whole file."));
      return imp->default_campaign;
    }

  key = match_key (text);
  campaign = g_hash_table_lookup (imp->campaigns_by_key, key);
  if (campaign == NULL)
    add_problemf (imp, record->line, CAG_IMPORT_FIELD_CAMPAIGN,
                  C_("csv import", "unknown campaign “%s”."), text);
  return campaign;
}

static gboolean
check_row (Import             *imp,
           const CagCsvRecord *record,
           GError            **error)
{
  g_autofree char *date_text = trimmed (cell (imp, record, CAG_IMPORT_FIELD_DATE));
  g_autofree char *org_text = trimmed (cell (imp, record, CAG_IMPORT_FIELD_ORGANIZATION));
  g_autofree char *amount_text = trimmed (cell (imp, record, CAG_IMPORT_FIELD_AMOUNT));
  g_autofree char *method_text = trimmed (cell (imp, record, CAG_IMPORT_FIELD_METHOD));
  g_autofree char *org_key = NULL;
  g_autofree char *fund_key = NULL;
  g_autofree char *dup_key = NULL;
  g_autoptr(GError) parse_error = NULL;
  CagCampaign *campaign;
  guint before = imp->report->problems->len;
  gboolean date_ok, amount_ok;
  gint64 *fund_id = NULL;
  gint64 org_id = 0;
  Row *row;

  row = g_new0 (Row, 1);
  row->line = record->line;

  /* Extra cells are an error only when they hold something: Excel pads some
   * rows with empty cells and leaves trailing ones out of others. */
  for (guint i = imp->n_header_fields; i < record->n_fields; i++)
    {
      g_autofree char *extra = trimmed (record->fields[i]);

      if (*extra != '\0')
        {
          add_problemf (imp, record->line, -1,
                        _("%u cells where the first line names %u columns; a separator "
                          "inside a value must be quoted."),
                        record->n_fields, imp->n_header_fields);
          row_free (row);
          return TRUE;
        }
    }

  date_ok = *date_text != '\0' && parse_date_cell (date_text, &row->date, &parse_error);
  if (*date_text == '\0')
    add_problem (imp, record->line, CAG_IMPORT_FIELD_DATE, _("the date is missing."));
  else if (!date_ok)
    add_problem (imp, record->line, CAG_IMPORT_FIELD_DATE, parse_error->message);
  g_clear_error (&parse_error);

  amount_ok = cag_money_parse (amount_text, CAG_MONEY_POSITIVE, &row->amount_cents,
                               &parse_error);
  if (!amount_ok)
    add_problem (imp, record->line, CAG_IMPORT_FIELD_AMOUNT, parse_error->message);
  g_clear_error (&parse_error);

  if (!parse_method (method_text, &row->method))
    add_problemf (imp, record->line, CAG_IMPORT_FIELD_METHOD,
                  _("unknown payment method “%s” (chèque, virement, comptant or autre)."),
                  method_text);

  row->reference = trimmed (cell (imp, record, CAG_IMPORT_FIELD_REFERENCE));
  if (*row->reference == '\0')
    g_clear_pointer (&row->reference, g_free);
  row->note = trimmed (cell (imp, record, CAG_IMPORT_FIELD_NOTE));
  if (*row->note == '\0')
    g_clear_pointer (&row->note, g_free);

  campaign = row_campaign (imp, record);
  if (campaign != NULL)
    {
      row->campaign_id = campaign->id;
      if (date_ok && (cag_date_compare (&row->date, &campaign->start) < 0
                      || cag_date_compare (&row->date, &campaign->deadline) > 0))
        {
          g_autofree char *start = cag_date_to_iso (&campaign->start);
          g_autofree char *deadline = cag_date_to_iso (&campaign->deadline);

          add_problemf (imp, record->line, CAG_IMPORT_FIELD_DATE,
                        _("%s is outside the campaign “%s” (from %s to %s)."),
                        date_text, campaign->name, start, deadline);
        }
    }

  org_key = match_key (org_text);
  if (*org_key == '\0')
    add_problem (imp, record->line, CAG_IMPORT_FIELD_ORGANIZATION,
                 _("the organization is missing."));
  else
    {
      gint64 *known = g_hash_table_lookup (imp->orgs, org_key);

      if (known != NULL && *known < 0)
        add_problemf (imp, record->line, CAG_IMPORT_FIELD_ORGANIZATION,
                      _("“%s” matches several organizations; use the full name."), org_text);
      else if (known != NULL)
        org_id = *known;
      else if (imp->options->create_organizations)
        {
          if (!g_hash_table_contains (imp->new_orgs, org_key))
            {
              g_hash_table_insert (imp->new_orgs, g_strdup (org_key), g_strdup (org_text));
              g_ptr_array_add (imp->new_org_order, g_strdup (org_key));
            }
        }
      else
        add_problemf (imp, record->line, CAG_IMPORT_FIELD_ORGANIZATION,
                      C_("csv import", "unknown organization “%s”."), org_text);
    }
  row->org_id = org_id;
  row->org_key = g_strdup (org_key);

  if (campaign != NULL && (org_id > 0 || g_hash_table_contains (imp->new_orgs, org_key)))
    {
      if (!load_funds_of_campaign (imp, campaign->id, error))
        {
          row_free (row);
          return FALSE;
        }
      fund_key = fund_key_for (org_id, org_key, campaign->id);
      fund_id = org_id > 0 ? g_hash_table_lookup (imp->funds, fund_key) : NULL;
      if (fund_id != NULL)
        {
          row->fund_id = *fund_id;
          if (!load_contributions_of_fund (imp, *fund_id, org_id, campaign->id, error))
            {
              row_free (row);
              return FALSE;
            }
        }
      else if (imp->options->create_organizations)
        g_hash_table_add (imp->new_funds, g_strdup (fund_key));
      else
        add_problemf (imp, record->line, CAG_IMPORT_FIELD_ORGANIZATION,
                      _("“%s” has no fund in the campaign “%s”."), org_text,
                      campaign->name);
    }

  if (imp->report->problems->len > before || fund_key == NULL)
    {
      row_free (row);
      return TRUE;
    }

  dup_key = duplicate_key (fund_key, &row->date, row->amount_cents, row->reference);
  if (g_hash_table_contains (imp->existing, dup_key))
    {
      imp->report->already_present++;
      g_ptr_array_add (imp->report->skipped_lines, GUINT_TO_POINTER (record->line));
      row_free (row);
      return TRUE;
    }
  if (g_hash_table_contains (imp->seen, dup_key))
    {
      add_problemf (imp, record->line, -1,
                    _("same organization, date, amount and reference as line %u; add a "
                      "reference to tell them apart."),
                    GPOINTER_TO_UINT (g_hash_table_lookup (imp->seen, dup_key)));
      row_free (row);
      return TRUE;
    }
  g_hash_table_insert (imp->seen, g_steal_pointer (&dup_key), GUINT_TO_POINTER (record->line));
  g_ptr_array_add (imp->rows, row);
  return TRUE;
}

/* ---- Writing ------------------------------------------------------------ */

static gboolean
write_rows (Import  *imp,
            GError **error)
{
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) opened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) batch = NULL;

  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);

  if (!cag_store_begin (imp->store, error))
    return FALSE;

  for (guint i = 0; i < imp->new_org_order->len; i++)
    {
      const char *key = imp->new_org_order->pdata[i];
      g_autoptr(CagOrganization) org = cag_organization_new ();

      org->name = g_strdup (g_hash_table_lookup (imp->new_orgs, key));
      if (!cag_store_org_add (imp->store, org, error))
        goto fail;
      g_hash_table_insert (created, g_strdup (key), boxed_id (org->id));
    }

  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *row = imp->rows->pdata[i];
      g_autoptr(CagContribution) c = NULL;

      if (row->org_id == 0)
        row->org_id = *(gint64 *) g_hash_table_lookup (created, row->org_key);
      if (row->fund_id == 0)
        {
          g_autofree char *key = fund_key_for (row->org_id, NULL, row->campaign_id);
          gint64 *id = g_hash_table_lookup (opened, key);

          if (id == NULL)
            {
              g_autoptr(CagFund) fund = cag_fund_new ();

              fund->organization_id = row->org_id;
              fund->campaign_id = row->campaign_id;
              if (!cag_store_fund_open (imp->store, fund, error))
                goto fail;
              id = boxed_id (fund->id);
              g_hash_table_insert (opened, g_steal_pointer (&key), id);
            }
          row->fund_id = *id;
        }

      c = cag_contribution_new ();
      c->fund_id = row->fund_id;
      c->date = row->date;
      c->amount_cents = row->amount_cents;
      c->method = row->method;
      c->reference = g_strdup (row->reference);
      c->note = g_strdup (row->note);
      g_ptr_array_add (batch, g_steal_pointer (&c));
    }

  if (batch->len > 0 && !cag_store_contribution_add_batch (imp->store, batch, error))
    goto fail;
  if (!cag_store_commit (imp->store, error))
    goto fail;
  return TRUE;

fail:
  cag_store_rollback (imp->store);
  return FALSE;
}

/* ---- Public API --------------------------------------------------------- */

const char *
cag_import_field_to_string (CagImportField field)
{
  g_return_val_if_fail (field < CAG_IMPORT_N_FIELDS, NULL);
  return field_machine_names[field];
}

const char *
cag_import_field_label (CagImportField field)
{
  switch (field)
    {
    case CAG_IMPORT_FIELD_DATE:
      return C_("import column", "date");
    case CAG_IMPORT_FIELD_ORGANIZATION:
      return C_("import column", "organization");
    case CAG_IMPORT_FIELD_AMOUNT:
      return C_("import column", "amount");
    case CAG_IMPORT_FIELD_METHOD:
      return C_("import column", "method");
    case CAG_IMPORT_FIELD_REFERENCE:
      return C_("import column", "reference");
    case CAG_IMPORT_FIELD_NOTE:
      return C_("import column", "note");
    case CAG_IMPORT_FIELD_CAMPAIGN:
      return C_("import column", "campaign");
    case CAG_IMPORT_FIELD_VOIDED:
      return C_("import column", "voided");
    case CAG_IMPORT_N_FIELDS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

gboolean
cag_import_field_from_string (const char     *name,
                              CagImportField *out_field)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (out_field != NULL, FALSE);
  if (name == NULL)
    return FALSE;

  key = match_key (name);
  for (guint f = 0; f < CAG_IMPORT_N_FIELDS; f++)
    {
      if (strcmp (key, field_machine_names[f]) == 0)
        {
          *out_field = f;
          return TRUE;
        }
      for (guint k = 0; field_names[f][k] != NULL; k++)
        if (strcmp (key, field_names[f][k]) == 0)
          {
            *out_field = f;
            return TRUE;
          }
    }
  return FALSE;
}

void
cag_import_problem_free (CagImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

char *
cag_import_problem_to_string (const CagImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line == 0)
    return g_strdup (problem->message);
  if (problem->field < 0)
    return g_strdup_printf (C_("csv import", "line %u: %s"), problem->line, problem->message);
  return g_strdup_printf (C_("csv import", "line %u, column %s: %s"), problem->line,
                          cag_import_field_label (problem->field), problem->message);
}

void
cag_import_report_free (CagImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->skipped_lines, g_ptr_array_unref);
  g_free (report);
}

gboolean
cag_import_contributions_data (CagStore                *store,
                               const char              *data,
                               gsize                    length,
                               const CagImportOptions  *options,
                               CagImportReport        **out_report,
                               GError                 **error)
{
  static const CagImportOptions defaults = { 0 };
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(GPtrArray) records = NULL;
  Import imp = { 0 };
  gboolean ok = FALSE, in_write = FALSE;
  guint first = 0;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (options == NULL)
    options = &defaults;

  report = g_new0 (CagImportReport, 1);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_import_problem_free);
  report->skipped_lines = g_ptr_array_new ();
  report->dry_run = options->dry_run;

  records = cag_csv_parse (data, length, options->delimiter, &report->csv, error);
  if (records == NULL)
    return FALSE;

  imp.store = store;
  imp.options = options;
  imp.report = report;
  imp.orgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.new_orgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.new_org_order = g_ptr_array_new_with_free_func (g_free);
  imp.campaigns_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.funds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.loaded_campaigns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  imp.loaded_funds = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  imp.existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.new_funds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.rows = g_ptr_array_new_with_free_func (row_free);

  /* A real import reads and writes in one write transaction, so that its
   * "already present" decisions cannot race another writer (docs/SERVER.md,
   * "Concurrency"). */
  if (!options->dry_run)
    {
      if (!cag_store_begin (store, error))
        goto out;
      in_write = TRUE;
    }
  if (!load_organizations (&imp, error) || !load_campaigns (&imp, error))
    goto out;

  if (options->campaign != NULL && *options->campaign != '\0')
    {
      g_autofree char *key = match_key (options->campaign);

      imp.default_campaign = g_hash_table_lookup (imp.campaigns_by_key, key);
      if (imp.default_campaign == NULL)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       C_("csv import", "Unknown campaign “%s”."),
                       options->campaign);
          goto out;
        }
    }
  else if (imp.campaigns->len == 1)
    imp.default_campaign = imp.campaigns->pdata[0];

  while (first < records->len && cag_csv_record_is_blank (records->pdata[first]))
    first++;
  if (first >= records->len)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           C_("csv import", "The file is empty."));
      goto out;
    }

  if (read_header (&imp, records->pdata[first]))
    for (guint i = first + 1; i < records->len; i++)
      {
        CagCsvRecord *record = records->pdata[i];

        if (cag_csv_record_is_blank (record))
          continue;
        report->rows++;
        if (is_voided (cell (&imp, record, CAG_IMPORT_FIELD_VOIDED)))
          {
            report->voided++;
            continue;
          }
        if (!check_row (&imp, record, error))
          goto out;
      }

  report->organizations_created = g_hash_table_size (imp.new_orgs);
  report->funds_opened = g_hash_table_size (imp.new_funds);
  report->added = imp.rows->len;
  for (guint i = 0; i < imp.rows->len; i++)
    report->added_cents += ((Row *) imp.rows->pdata[i])->amount_cents;

  if (report->problems->len > 0)
    {
      report->added = 0;
      report->added_cents = 0;
      report->organizations_created = 0;
      report->funds_opened = 0;
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has %u problem; nothing was imported.",
                                "The file has %u problems; nothing was imported.",
                                report->problems->len),
                   report->problems->len);
      if (out_report != NULL)
        *out_report = g_steal_pointer (&report);
      goto out;
    }

  if (options->dry_run)
    ok = TRUE;
  else
    {
      ok = write_rows (&imp, error);
      if (!ok)
        {
          report->added = 0;
          report->added_cents = 0;
          report->organizations_created = 0;
          report->funds_opened = 0;
        }
      report->imported = ok;
    }
  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);

out:
  if (in_write && ok)
    ok = cag_store_commit (store, error);
  if (in_write && !ok)
    cag_store_rollback (store);
  g_hash_table_unref (imp.orgs);
  g_hash_table_unref (imp.new_orgs);
  g_ptr_array_unref (imp.new_org_order);
  g_clear_pointer (&imp.campaigns, g_ptr_array_unref);
  g_hash_table_unref (imp.campaigns_by_key);
  g_hash_table_unref (imp.funds);
  g_hash_table_unref (imp.loaded_campaigns);
  g_hash_table_unref (imp.loaded_funds);
  g_hash_table_unref (imp.existing);
  g_hash_table_unref (imp.seen);
  g_hash_table_unref (imp.new_funds);
  g_ptr_array_unref (imp.rows);
  return ok;
}

gboolean
cag_import_contributions (CagStore                *store,
                          const char              *path,
                          const CagImportOptions  *options,
                          CagImportReport        **out_report,
                          GError                 **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO, C_("csv", "Cannot read “%s”: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return cag_import_contributions_data (store, data, length, options, out_report, error);
}
