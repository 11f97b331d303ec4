/* cag-import.c — contributions from a CSV file: find the columns, check every
 * row, then write everything in one transaction or nothing. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "cag-import.h"
#include "cag-error.h"
#include "cag-fold.h"
#include "cag-money.h"
#include "cag-rules.h"
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

/* A set of 64-bit hashes of duplicate keys, each with a line: what
 * duplicate detection keeps of every row, 16 bytes a slot.  0 is "empty". */
typedef struct
{
  guint64 *hashes;
  guint32 *lines;
  gsize    mask;
  gsize    count;
} KeySet;

typedef struct
{
  CagStore               *store;
  const CagImportOptions *options;
  CagImportReport        *report;
  gint                    columns[CAG_IMPORT_N_FIELDS];
  guint                   n_header_fields;
  GHashTable             *orgs;              /* folded name → gint64 id, -1: ambiguous */
  GHashTable             *new_orgs;          /* folded name → name as first written */
  GPtrArray              *campaigns;         /* CagCampaign */
  GHashTable             *campaigns_by_key;  /* folded name or id → CagCampaign* */
  CagCampaign            *default_campaign;
  GHashTable             *funds;             /* "org:campaign" → gint64 fund id */
  GHashTable             *loaded_campaigns;  /* campaign ids whose funds are known */
  GHashTable             *loaded_funds;      /* fund ids whose contributions are known */
  KeySet                  existing;          /* duplicate keys in the database */
  KeySet                  seen;              /* duplicate keys in the file → line */
  GHashTable             *new_funds;         /* "org:campaign" keys of funds to open */
  GHashTable             *org_cache;         /* cell text → gint64: id, -1 ambiguous, 0 new */
  GHashTable             *created;           /* folded name → gint64 id, written */
  GHashTable             *opened;            /* "org:campaign" → gint64 fund id, written */
  GPtrArray              *rows;              /* Row, the chunk not yet written */
  gboolean                writing;           /* a real import, in its transaction */
  char                    delimiter;         /* the file's separator */
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
static const char * const voided_words[] = { "oui", "o", "yes", "y", "1", "vrai", "true", "x",
                                             "annule", "annulee", "voided", "void", NULL };

/* Rows checked, then written, together (sorted in the ledger's order); and
 * how often progress is told and cancellation checked. */
#define CHUNK_ROWS    32768
#define PROGRESS_ROWS 4096

/* ---- Helpers ------------------------------------------------------------ */

/* cag_fold_key, then only letters, digits and single spaces: "N° de chèque"
 * and "no de cheque" meet, "Montant ($)" becomes "montant". */
static char *
match_key (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;
  const char *p;

  if (text == NULL)
    text = "";
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    {
      /* ASCII: folding is lowering the case. */
      char *fast = g_malloc (p - text + 1);
      gsize n = 0;

      for (p = text; *p != '\0'; p++)
        if (g_ascii_isalnum (*p))
          {
            if (space && n > 0)
              fast[n++] = ' ';
            space = FALSE;
            fast[n++] = g_ascii_tolower (*p);
          }
        else
          space = TRUE;
      fast[n] = '\0';
      return fast;
    }

  folded = cag_fold_key (text);
  out = g_string_new (NULL);

  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
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

static void
keyset_clear (KeySet *set)
{
  g_clear_pointer (&set->hashes, g_free);
  g_clear_pointer (&set->lines, g_free);
  set->mask = 0;
  set->count = 0;
}

static gsize
keyset_slot (const KeySet *set,
             guint64       hash)
{
  gsize i = (gsize) (hash ^ (hash >> 29)) & set->mask;

  while (set->hashes[i] != 0 && set->hashes[i] != hash)
    i = (i + 1) & set->mask;
  return i;
}

/* The line stored with HASH, or 0. */
static guint
keyset_lookup (const KeySet *set,
               guint64       hash)
{
  if (set->hashes == NULL)
    return 0;
  return set->lines[keyset_slot (set, hash)];
}

static void
keyset_insert (KeySet  *set,
               guint64  hash,
               guint    line)
{
  gsize i;

  /* Grows at 70 % full: linear probing stays short, and the last doubling
   * (when old and new tables coexist) stays small. */
  if (set->hashes == NULL || (set->count + 1) * 10 > (set->mask + 1) * 7)
    {
      KeySet bigger = { 0 };

      bigger.mask = set->hashes == NULL ? 1023 : set->mask * 2 + 1;
      bigger.hashes = g_new0 (guint64, bigger.mask + 1);
      bigger.lines = g_new0 (guint32, bigger.mask + 1);
      for (gsize k = 0; set->hashes != NULL && k <= set->mask; k++)
        if (set->hashes[k] != 0)
          {
            gsize j = keyset_slot (&bigger, set->hashes[k]);

            bigger.hashes[j] = set->hashes[k];
            bigger.lines[j] = set->lines[k];
          }
      bigger.count = set->count;
      keyset_clear (set);
      *set = bigger;
    }
  i = keyset_slot (set, hash);
  if (set->hashes[i] == 0)
    set->count++;
  set->hashes[i] = hash;
  set->lines[i] = MAX (line, 1);
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

/* Problems past CAG_IMPORT_MAX_PROBLEMS are counted, not kept: a file
 * where every row is wrong must not take memory in proportion. */
static void
add_problem (Import     *imp,
             guint       line,
             gint        field,
             const char *message)
{
  CagImportProblem *problem;

  imp->report->problems_total++;
  if (imp->report->problems->len >= CAG_IMPORT_MAX_PROBLEMS)
    return;
  problem = g_new0 (CagImportProblem, 1);
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

/* Appends the decimal digits of VALUE (≥ 0) to OUT; returns the end. */
static char *
put_id (char   *out,
        gint64  value)
{
  char digits[24];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  while (n > 0)
    *out++ = digits[--n];
  return out;
}

/* "ORG:CAMPAIGN", or "new FOLDED-NAME:CAMPAIGN" for an organization still to
 * create.  By hand: this runs for every row. */
static char *
fund_key_for (gint64      org_id,
              const char *org_key,
              gint64      campaign_id)
{
  char key[64];
  char *end;

  if (org_id <= 0)
    return g_strdup_printf ("new %s:%" G_GINT64_FORMAT, org_key, campaign_id);
  end = put_id (key, org_id);
  *end++ = ':';
  end = put_id (end, campaign_id);
  return g_strndup (key, (gsize) (end - key));
}

static guint64
fnv_add (guint64     h,
         const void *data,
         gsize       n)
{
  for (const guchar *p = data; n > 0; p++, n--)
    {
      h ^= *p;
      h *= G_GUINT64_CONSTANT (1099511628211);
    }
  return h;
}

/* What tells two contributions of one fund apart (fund, date, amount,
 * reference compared without regard to case, accents and punctuation), as
 * a 64-bit hash: two different rows share one with odds of about 1 in
 * 10^7 in a file of a million rows (docs/IMPORT.md, "Already present"). */
static guint64
duplicate_hash (const char    *fund_key,
                const CagDate *date,
                gint64         amount_cents,
                const char    *reference)
{
  g_autofree char *ref = reference != NULL ? match_key (reference) : NULL;
  gint32 ymd[3] = { date->year, date->month, date->day };
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  h = fnv_add (h, fund_key, strlen (fund_key) + 1);
  h = fnv_add (h, ymd, sizeof ymd);
  h = fnv_add (h, &amount_cents, sizeof amount_cents);
  if (ref != NULL)
    h = fnv_add (h, ref, strlen (ref));
  return h != 0 ? h : 1;
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

      keyset_insert (&imp->existing,
                     duplicate_hash (fund_key, &c->date, c->amount_cents, c->reference), 1);
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

/* How the voided cell reads: 0 not voided, 1 voided, -1 neither. */
static gint
voided_state (const char *text)
{
  g_autofree char *key = NULL;

  if (*text == '\0')
    return 0;
  key = match_key (text);
  if (*key == '\0')
    return 0;
  for (guint i = 0; not_voided[i] != NULL; i++)
    if (strcmp (key, not_voided[i]) == 0)
      return 0;
  for (guint i = 0; voided_words[i] != NULL; i++)
    if (strcmp (key, voided_words[i]) == 0)
      return 1;
  return -1;
}

static CagCampaign *
row_campaign (Import             *imp,
              const CagCsvRecord *record)
{
  const char *text = cell (imp, record, CAG_IMPORT_FIELD_CAMPAIGN);
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

/* A text cell: empty is NULL; longer than MAX characters is a problem. */
static char *
text_cell (Import             *imp,
           const CagCsvRecord *record,
           CagImportField      field,
           glong               max)
{
  const char *text = cell (imp, record, field);

  if (*text == '\0')
    return NULL;
  if (g_utf8_strlen (text, -1) > max)
    add_problemf (imp, record->line, (gint) field,
                  g_dngettext (GETTEXT_PACKAGE, "too long: at most %ld character.",
                               "too long: at most %ld characters.", (gulong) max), max);
  return g_strdup (text);
}

/* Date, amount, method, reference and note of ROW. */
static void
check_cells (Import             *imp,
             const CagCsvRecord *record,
             Row                *row,
             gboolean           *date_ok)
{
  const char *date_text = cell (imp, record, CAG_IMPORT_FIELD_DATE);
  const char *amount_text = cell (imp, record, CAG_IMPORT_FIELD_AMOUNT);
  const char *method_text = cell (imp, record, CAG_IMPORT_FIELD_METHOD);
  g_autoptr(GError) parse_error = NULL;

  *date_ok = *date_text != '\0' && parse_date_cell (date_text, &row->date, &parse_error);
  if (*date_text == '\0')
    add_problem (imp, record->line, CAG_IMPORT_FIELD_DATE, _("the date is missing."));
  else if (!*date_ok)
    add_problem (imp, record->line, CAG_IMPORT_FIELD_DATE, parse_error->message);
  g_clear_error (&parse_error);

  /* A comma-separated file writes amounts the English way; any other file is
   * read the French way, which refuses "4,500" (docs/RULES.md). */
  if (!cag_money_parse_lang (amount_text, imp->delimiter == ',' ? CAG_LANG_EN : CAG_LANG_FR,
                             CAG_MONEY_POSITIVE, &row->amount_cents, &parse_error))
    add_problem (imp, record->line, CAG_IMPORT_FIELD_AMOUNT, parse_error->message);

  if (!parse_method (method_text, &row->method))
    add_problemf (imp, record->line, CAG_IMPORT_FIELD_METHOD,
                  _("unknown payment method “%s” (chèque, virement, comptant or autre)."),
                  method_text);

  row->reference = text_cell (imp, record, CAG_IMPORT_FIELD_REFERENCE, CAG_IMPORT_MAX_NAME_CHARS);
  row->note = text_cell (imp, record, CAG_IMPORT_FIELD_NOTE, CAG_IMPORT_MAX_TEXT_CHARS);
}

/* Before the start is a problem; after the deadline, a warning (the money
 * still counts: docs/RULES.md, "Dates inside the campaign"). */
static void
check_campaign_date (Import             *imp,
                     const CagCsvRecord *record,
                     const CagCampaign  *campaign,
                     const CagDate      *date)
{
  g_autoptr(GError) refused = NULL;
  gboolean late = FALSE;

  if (!cag_rules_check_contribution_date (campaign, *date, &late, &refused))
    add_problem (imp, record->line, CAG_IMPORT_FIELD_DATE, refused->message);
  else if (late)
    {
      CagLang lang = cag_i18n_get_language ();
      g_autofree char *shown = cag_date_format (date, lang);
      g_autofree char *deadline = cag_date_format (&campaign->deadline, lang);
      CagImportProblem *warning = g_new0 (CagImportProblem, 1);

      warning->line = record->line;
      warning->field = CAG_IMPORT_FIELD_DATE;
      warning->message = g_strdup_printf (_("%s is after the deadline of the campaign “%s” "
                                            "(%s)."), shown, campaign->name, deadline);
      g_ptr_array_add (imp->report->warnings, warning);
    }
}

/* The organization of ROW: its id, 0 when it is to be created, or -1 after
 * a problem.  Sets row->org_key. */
static gint64
check_organization (Import             *imp,
                    const CagCsvRecord *record,
                    Row                *row)
{
  const char *org_text = cell (imp, record, CAG_IMPORT_FIELD_ORGANIZATION);
  gint64 *cached = g_hash_table_lookup (imp->org_cache, org_text);
  gint64 *known;

  if (cached != NULL)
    return *cached;
  row->org_key = match_key (org_text);
  if (*row->org_key == '\0')
    {
      add_problem (imp, record->line, CAG_IMPORT_FIELD_ORGANIZATION,
                   _("the organization is missing."));
      return -1;
    }
  known = g_hash_table_lookup (imp->orgs, row->org_key);
  if (known != NULL && *known < 0)
    {
      add_problemf (imp, record->line, CAG_IMPORT_FIELD_ORGANIZATION,
                    _("“%s” matches several organizations; use the full name."), org_text);
      return -1;
    }
  if (known != NULL)
    {
      g_hash_table_insert (imp->org_cache, g_strdup (org_text), boxed_id (*known));
      return *known;
    }
  if (!imp->options->create_organizations)
    {
      add_problemf (imp, record->line, CAG_IMPORT_FIELD_ORGANIZATION,
                    C_("csv import", "unknown organization “%s”."), org_text);
      return -1;
    }
  if (g_utf8_strlen (org_text, -1) > CAG_IMPORT_MAX_NAME_CHARS)
    {
      add_problemf (imp, record->line, CAG_IMPORT_FIELD_ORGANIZATION,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "too long for a new organization’s name: at most %d "
                                 "character.",
                                 "too long for a new organization’s name: at most %d "
                                 "characters.", CAG_IMPORT_MAX_NAME_CHARS),
                    CAG_IMPORT_MAX_NAME_CHARS);
      return -1;
    }
  if (!g_hash_table_contains (imp->new_orgs, row->org_key))
    g_hash_table_insert (imp->new_orgs, g_strdup (row->org_key), g_strdup (org_text));
  return 0;
}

/* The fund of ROW (fund_key set), or FALSE on a database error. */
static gboolean
check_fund (Import             *imp,
            const CagCsvRecord *record,
            Row                *row,
            const CagCampaign  *campaign,
            char              **out_fund_key,
            GError            **error)
{
  g_autofree char *fund_key = NULL;
  gint64 *fund_id;

  if (!load_funds_of_campaign (imp, campaign->id, error))
    return FALSE;
  fund_key = fund_key_for (row->org_id, row->org_key, campaign->id);
  fund_id = row->org_id > 0 ? g_hash_table_lookup (imp->funds, fund_key) : NULL;
  if (fund_id != NULL)
    {
      row->fund_id = *fund_id;
      if (!load_contributions_of_fund (imp, *fund_id, row->org_id, campaign->id, error))
        return FALSE;
    }
  else if (imp->options->create_organizations)
    {
      if (!g_hash_table_contains (imp->new_funds, fund_key))
        g_hash_table_add (imp->new_funds, g_strdup (fund_key));
    }
  else
    {
      const char *org_text = cell (imp, record, CAG_IMPORT_FIELD_ORGANIZATION);

      add_problemf (imp, record->line, CAG_IMPORT_FIELD_ORGANIZATION,
                    _("“%s” has no fund in the campaign “%s”."), org_text, campaign->name);
    }
  *out_fund_key = g_steal_pointer (&fund_key);
  return TRUE;
}

static gboolean
has_extra_cells (Import             *imp,
                 const CagCsvRecord *record)
{
  /* Extra cells are an error only when they hold something: Excel pads some
   * rows with empty cells and leaves trailing ones out of others. */
  for (guint i = imp->n_header_fields; i < record->n_fields; i++)
    {
      if (*record->fields[i] != '\0')
        {
          add_problemf (imp, record->line, -1,
                        _("%u cells where the first line names %u columns; a separator "
                          "inside a value must be quoted."),
                        record->n_fields, imp->n_header_fields);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
check_row (Import             *imp,
           const CagCsvRecord *record,
           GError            **error)
{
  g_autofree char *fund_key = NULL;
  CagCampaign *campaign;
  guint before = imp->report->problems_total;
  gboolean date_ok;
  guint64 dup;
  guint earlier;
  Row *row;

  if (has_extra_cells (imp, record))
    return TRUE;

  row = g_new0 (Row, 1);
  row->line = record->line;
  check_cells (imp, record, row, &date_ok);
  campaign = row_campaign (imp, record);
  if (campaign != NULL)
    {
      row->campaign_id = campaign->id;
      if (date_ok)
        check_campaign_date (imp, record, campaign, &row->date);
    }
  row->org_id = check_organization (imp, record, row);
  if (campaign != NULL && row->org_id >= 0
      && !check_fund (imp, record, row, campaign, &fund_key, error))
    {
      row_free (row);
      return FALSE;
    }

  if (imp->report->problems_total > before || fund_key == NULL)
    {
      row_free (row);
      return TRUE;
    }

  dup = duplicate_hash (fund_key, &row->date, row->amount_cents, row->reference);
  if (keyset_lookup (&imp->existing, dup) != 0)
    {
      imp->report->already_present++;
      g_ptr_array_add (imp->report->skipped_lines, GUINT_TO_POINTER (record->line));
      row_free (row);
      return TRUE;
    }
  earlier = keyset_lookup (&imp->seen, dup);
  if (earlier != 0)
    {
      add_problemf (imp, record->line, -1,
                    _("same organization, date, amount and reference as line %u; add a "
                      "reference to tell them apart."), earlier);
      row_free (row);
      return TRUE;
    }
  keyset_insert (&imp->seen, dup, record->line);
  g_ptr_array_add (imp->rows, row);
  return TRUE;
}

/* ---- Writing ------------------------------------------------------------ */

/* The id of the organization of ROW, created the first time it is met. */
static gboolean
resolve_org (Import  *imp,
             Row     *row,
             GError **error)
{
  g_autoptr(CagOrganization) org = NULL;
  gint64 *id;

  if (row->org_id > 0)
    return TRUE;
  id = g_hash_table_lookup (imp->created, row->org_key);
  if (id == NULL)
    {
      org = cag_organization_new ();
      org->name = g_strdup (g_hash_table_lookup (imp->new_orgs, row->org_key));
      if (!cag_store_org_add (imp->store, org, error))
        return FALSE;
      id = boxed_id (org->id);
      g_hash_table_insert (imp->created, g_strdup (row->org_key), id);
    }
  row->org_id = *id;
  return TRUE;
}

/* The id of the fund of ROW, opened the first time it is met. */
static gboolean
resolve_fund (Import  *imp,
              Row     *row,
              GError **error)
{
  g_autofree char *key = NULL;
  gint64 *id;

  if (row->fund_id > 0)
    return TRUE;
  key = fund_key_for (row->org_id, NULL, row->campaign_id);
  id = g_hash_table_lookup (imp->opened, key);
  if (id == NULL)
    {
      g_autoptr(CagFund) fund = cag_fund_new ();

      fund->organization_id = row->org_id;
      fund->campaign_id = row->campaign_id;
      if (!cag_store_fund_open (imp->store, fund, error))
        return FALSE;
      id = boxed_id (fund->id);
      g_hash_table_insert (imp->opened, g_steal_pointer (&key), id);
    }
  row->fund_id = *id;
  return TRUE;
}

static gint
compare_ledger_order (gconstpointer a,
                      gconstpointer b)
{
  const CagContribution *x = *(CagContribution * const *) a;
  const CagContribution *y = *(CagContribution * const *) b;
  gint dx = cag_month_index (&x->date), dy = cag_month_index (&y->date);

  if (dx != dy)
    return dx < dy ? -1 : 1;
  if (x->fund_id != y->fund_id)
    return x->fund_id < y->fund_id ? -1 : 1;
  return cag_date_compare (&x->date, &y->date);
}

/* Counts the rows of the chunk and, in a real import without problems so
 * far, writes them inside the import's transaction (the caller holds the
 * write lock since before the rows were checked, so what "already present"
 * meant then still holds now).  The chunk is then forgotten. */
static gboolean
flush_chunk (Import  *imp,
             GError **error)
{
  g_autoptr(GPtrArray) batch = NULL;

  for (guint i = 0; i < imp->rows->len; i++)
    {
      imp->report->added++;
      imp->report->added_cents += ((Row *) imp->rows->pdata[i])->amount_cents;
    }
  if (!imp->writing || imp->report->problems_total > 0 || imp->rows->len == 0)
    {
      g_ptr_array_set_size (imp->rows, 0);
      return TRUE;
    }

  batch = g_ptr_array_new_full (imp->rows->len, (GDestroyNotify) cag_contribution_free);
  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *row = imp->rows->pdata[i];
      g_autoptr(CagContribution) c = NULL;

      if (!resolve_org (imp, row, error) || !resolve_fund (imp, row, error))
        return FALSE;
      c = cag_contribution_new ();
      c->fund_id = row->fund_id;
      c->date = row->date;
      c->amount_cents = row->amount_cents;
      c->method = row->method;
      c->reference = g_steal_pointer (&row->reference);
      c->note = g_steal_pointer (&row->note);
      g_ptr_array_add (batch, g_steal_pointer (&c));
    }
  g_ptr_array_set_size (imp->rows, 0);
  /* In the order of the ledger's index (month, fund, date): the B-tree is
   * then written page after page instead of all over (docs/PERFORMANCE.md,
   * "Import at scale"). */
  g_ptr_array_sort (batch, compare_ledger_order);
  return cag_store_contribution_add_batch (imp->store, batch, error);
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
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_clear_pointer (&report->skipped_lines, g_ptr_array_unref);
  g_free (report);
}

/* What the database knows, and the campaign of rows that name none. */
static gboolean
import_setup (Import  *imp,
              GError **error)
{
  const char *campaign = imp->options->campaign;

  if (!load_organizations (imp, error) || !load_campaigns (imp, error))
    return FALSE;
  if (campaign != NULL && *campaign != '\0')
    {
      g_autofree char *key = match_key (campaign);

      imp->default_campaign = g_hash_table_lookup (imp->campaigns_by_key, key);
      if (imp->default_campaign == NULL)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       C_("csv import", "Unknown campaign “%s”."), campaign);
          return FALSE;
        }
    }
  else if (imp->campaigns->len == 1)
    imp->default_campaign = imp->campaigns->pdata[0];
  return TRUE;
}

/* The first non-blank record, or an error. */
static CagCsvRecord *
read_first_record (CagCsvReader  *reader,
                   GError       **error)
{
  for (;;)
    {
      CagCsvRecord *record = NULL;

      if (!cag_csv_reader_next (reader, &record, error))
        return NULL;
      if (record == NULL)
        {
          g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                               C_("csv import", "The file is empty."));
          return NULL;
        }
      if (!cag_csv_record_is_blank (record))
        return record;
      cag_csv_record_free (record);
    }
}

static void
tell_progress (Import       *imp,
               CagCsvReader *reader)
{
  guint64 done = 0, size = 0;

  if (imp->options->progress == NULL)
    return;
  cag_csv_reader_get_progress (reader, &done, &size);
  imp->options->progress (done, size, imp->options->progress_data);
}

/* Reads, checks and (in chunks) writes every row.  FALSE on a file or
 * database error, or when cancelled. */
static gboolean
import_rows (Import       *imp,
             CagCsvReader *reader,
             GError      **error)
{
  g_autoptr(CagCsvRecord) header = read_first_record (reader, error);
  guint n = 0;

  if (header == NULL)
    return FALSE;
  imp->delimiter = cag_csv_reader_get_info (reader)->delimiter;
  if (!read_header (imp, header))
    return TRUE;

  for (;;)
    {
      g_autoptr(CagCsvRecord) record = NULL;
      gint voided;

      if (++n % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (imp->options->cancellable, error))
            return FALSE;
          if (n % PROGRESS_ROWS == 0)
            tell_progress (imp, reader);
        }
      if (!cag_csv_reader_next (reader, &record, error))
        return FALSE;
      if (record == NULL)
        break;
      if (cag_csv_record_is_blank (record))
        continue;
      /* Cells are compared without their surrounding spaces; the record is
       * ours to change. */
      for (guint i = 0; i < record->n_fields; i++)
        g_strstrip (record->fields[i]);
      imp->report->rows++;
      voided = voided_state (cell (imp, record, CAG_IMPORT_FIELD_VOIDED));
      if (voided > 0)
        {
          imp->report->voided++;
          continue;
        }
      if (voided < 0)
        {
          const char *text = cell (imp, record, CAG_IMPORT_FIELD_VOIDED);

          add_problemf (imp, record->line, CAG_IMPORT_FIELD_VOIDED,
                        _("“%s” is neither yes nor no (oui or non, yes or no)."), text);
          continue;
        }
      if (!check_row (imp, record, error)
          || (imp->rows->len >= CHUNK_ROWS && !flush_chunk (imp, error)))
        return FALSE;
    }
  if (!flush_chunk (imp, error))
    return FALSE;
  tell_progress (imp, reader);
  return TRUE;
}

static void
import_clear (Import *imp)
{
  if (imp->writing)
    cag_store_rollback (imp->store);
  g_clear_pointer (&imp->orgs, g_hash_table_unref);
  g_clear_pointer (&imp->new_orgs, g_hash_table_unref);
  g_clear_pointer (&imp->campaigns, g_ptr_array_unref);
  g_clear_pointer (&imp->campaigns_by_key, g_hash_table_unref);
  g_clear_pointer (&imp->funds, g_hash_table_unref);
  g_clear_pointer (&imp->loaded_campaigns, g_hash_table_unref);
  g_clear_pointer (&imp->loaded_funds, g_hash_table_unref);
  keyset_clear (&imp->existing);
  keyset_clear (&imp->seen);
  g_clear_pointer (&imp->new_funds, g_hash_table_unref);
  g_clear_pointer (&imp->org_cache, g_hash_table_unref);
  g_clear_pointer (&imp->created, g_hash_table_unref);
  g_clear_pointer (&imp->opened, g_hash_table_unref);
  g_clear_pointer (&imp->rows, g_ptr_array_unref);
}

static void
report_nothing_done (CagImportReport *report)
{
  report->added = 0;
  report->added_cents = 0;
  report->organizations_created = 0;
  report->funds_opened = 0;
}

static CagImportReport *
report_new (gboolean dry_run)
{
  CagImportReport *report = g_new0 (CagImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_import_problem_free);
  report->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_import_problem_free);
  report->skipped_lines = g_ptr_array_new ();
  report->dry_run = dry_run;
  return report;
}

static void
import_init (Import                 *imp,
             CagStore               *store,
             const CagImportOptions *options,
             CagImportReport        *report)
{
  imp->store = store;
  imp->options = options;
  imp->report = report;
  imp->orgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->new_orgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->campaigns_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->funds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->loaded_campaigns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  imp->loaded_funds = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  imp->new_funds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->org_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->opened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->rows = g_ptr_array_new_with_free_func (row_free);
}

static gboolean
import_from_reader (CagStore                *store,
                    CagCsvReader            *reader,
                    const CagImportOptions  *options,
                    CagImportReport        **out_report,
                    GError                 **error)
{
  static const CagImportOptions defaults = { 0 };
  g_autoptr(CagImportReport) report = NULL;
  Import imp = { 0 };
  gboolean ok = FALSE;

  if (options == NULL)
    options = &defaults;

  report = report_new (options->dry_run);
  import_init (&imp, store, options, report);

  /* A real import takes the write lock (BEGIN IMMEDIATE) before it reads
   * anything: two imports of one file, or an import and a batch entry from
   * another program, then run one after the other, and the second sees what
   * the first wrote instead of adding it again.  Rows are written in chunks
   * as they are checked, inside that one transaction; a problem anywhere,
   * an error or a cancel rolls everything back (docs/IMPORT.md, "Writing"). */
  if (!options->dry_run)
    {
      if (!cag_store_begin (store, error))
        goto out;
      imp.writing = TRUE;
    }

  if (!import_setup (&imp, error) || !import_rows (&imp, reader, error))
    goto out;
  report->csv = *cag_csv_reader_get_info (reader);
  report->organizations_created = g_hash_table_size (imp.new_orgs);
  report->funds_opened = g_hash_table_size (imp.new_funds);

  if (report->problems_total > 0)
    {
      report_nothing_done (report);
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has %u problem; nothing was imported.",
                                "The file has %u problems; nothing was imported.",
                                report->problems_total),
                   report->problems_total);
      if (out_report != NULL)
        *out_report = g_steal_pointer (&report);
      goto out;
    }

  if (options->dry_run)
    ok = TRUE;
  else
    {
      ok = cag_store_commit (store, error);
      if (ok)
        imp.writing = FALSE;
      else
        report_nothing_done (report);
      report->imported = ok;
    }
  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);

out:
  import_clear (&imp);
  return ok;
}

gboolean
cag_import_contributions_data (CagStore                *store,
                               const char              *data,
                               gsize                    length,
                               const CagImportOptions  *options,
                               CagImportReport        **out_report,
                               GError                 **error)
{
  g_autoptr(CagCsvReader) reader = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  reader = cag_csv_reader_new_for_data (data, length, options != NULL ? options->delimiter : 0);
  return import_from_reader (store, reader, options, out_report, error);
}

gboolean
cag_import_contributions (CagStore                *store,
                          const char              *path,
                          const CagImportOptions  *options,
                          CagImportReport        **out_report,
                          GError                 **error)
{
  g_autoptr(CagCsvReader) reader = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The file is streamed: memory does not grow with its size. */
  reader = cag_csv_reader_new_for_path (path, options != NULL ? options->delimiter : 0, error);
  if (reader == NULL)
    return FALSE;
  return import_from_reader (store, reader, options, out_report, error);
}
