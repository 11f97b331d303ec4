/* cag-cli-common.c — what every command group of cagnotte-cli shares:
 * opening the database, errors on stderr, option parsing, JSON output,
 * looking records up by id or name, and aligned text tables.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cag-cli-private.h"
#include "cag-cli-helpers.h"
#include "cag-error.h"
#include "cag-fold.h"
#include "cag-i18n.h"
#include "cag-money.h"

struct _CagCliTable
{
  guint      n_columns;
  char      *alignment;
  GPtrArray *rows;        /* of char ** (GStrv of n_columns cells) */
};

/* ---- Helpers ------------------------------------------------------------ */

static void
print_error_line (const char *message)
{
  /* One line, whatever the message holds. */
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("cagnotte-cli: %s\n", line);
}

/* ---- Database and errors ------------------------------------------------ */

CagStore *
cag_cli_store (CagCli  *cli,
               GError **error)
{
  g_autofree char *path = NULL;

  if (cli->store != NULL)
    return cli->store;

  path = cli->db_path != NULL ? g_strdup (cli->db_path) : cag_store_default_path ();
  cli->store = cag_store_open (path, error);
  return cli->store;
}

CagStore *
cag_cli_store_existing (CagCli  *cli,
                        GError **error)
{
  g_autofree char *path = NULL;

  if (cli->store != NULL)
    return cli->store;

  path = cli->db_path != NULL ? g_strdup (cli->db_path) : cag_store_default_path ();
  if (!cag_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("There is no database at %s: create it with “cagnotte-cli init”, "
                     "or “cagnotte-cli demo” for example data."),
                   path);
      return NULL;
    }
  cli->store = cag_store_open_existing (path, error);
  return cli->store;
}

int
cag_cli_fail (GError *error)
{
  if (error == NULL)
    print_error_line (_("unexpected error"));
  else
    print_error_line (error->message);
  g_clear_error (&error);
  return 1;
}

int
cag_cli_usage (const char *format,
               ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: %s is an error message; the hint stays on the same line. */
  line = g_strdup_printf (_("%s (see “cagnotte-cli --help”)"), message);
  print_error_line (line);
  return 1;
}

gboolean
cag_cli_parse (int           *argc,
               char        ***argv,
               const char    *synopsis,
               const char    *description,
               GOptionEntry  *entries)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (synopsis);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (description != NULL)
    g_option_context_set_summary (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cag_cli_usage ("%s", error->message);
      return FALSE;
    }
  /* "--" ends the options, so that "-5" can be an argument (and be refused as
   * a negative amount); GLib leaves it in ARGV. */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (*argv + i, *argv + i + 1, sizeof (char *) * (gsize) (*argc - i));
        (*argc)--;
        break;
      }
  return TRUE;
}

/* The tag that marks a cag_cli_json_tenths string: a control character and a
 * random number drawn once per run, so no stored text can look like one. */
static const char *
decimal_tag (void)
{
  static char tag[32];

  if (tag[0] == '\0')
    g_snprintf (tag, sizeof tag, "%08x%08x%08x:", g_random_int (), g_random_int (),
                g_random_int ());
  return tag;
}

/* TEXT with every tagged string ("\u0001TAG27.7") replaced by its number. */
static char *
untag_decimals (const char *text)
{
  g_autofree char *quoted = g_strconcat ("\"\\u0001", decimal_tag (), NULL);
  GString *out = g_string_new (NULL);
  const char *p = text, *hit;

  while ((hit = strstr (p, quoted)) != NULL)
    {
      const char *number = hit + strlen (quoted);
      const char *end = strchr (number, '"');

      if (end == NULL)
        break;
      g_string_append_len (out, p, hit - p);
      g_string_append_len (out, number, end - number);
      p = end + 1;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

void
cag_cli_json_tenths (JsonBuilder *builder,
                     const char  *name,
                     gint64       tenths)
{
  guint64 magnitude = tenths < 0 ? (guint64) -(tenths + 1) + 1 : (guint64) tenths;
  g_autofree char *value = g_strdup_printf ("\001%s%s%" G_GUINT64_FORMAT ".%u", decimal_tag (),
                                            tenths < 0 ? "-" : "", magnitude / 10,
                                            (guint) (magnitude % 10));

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

void
cag_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *generated = NULL;
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  generated = json_generator_to_data (generator, NULL);
  text = untag_decimals (generated);
  /* JSON is UTF-8: text from an old database or a file name never breaks
   * it (docs/IMPORT.md, "Exporting CSV"). */
  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      text = valid;
    }
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

gboolean
cag_cli_parse_date (const char *text,
                    CagDate    *out,
                    GError    **error)
{
  if (text == NULL)
    {
      *out = cag_date_today ();
      return TRUE;
    }
  return cag_date_parse_iso (text, out, error);
}

/* ---- Looking records up ------------------------------------------------- */

CagCampaign *
cag_cli_find_campaign (CagStore   *store,
                       const char *key,
                       GError    **error)
{
  g_autoptr(GPtrArray) campaigns = NULL;

  if (key != NULL)
    return cag_store_campaign_find (store, key, error);

  campaigns = cag_store_campaign_list (store, error);
  if (campaigns == NULL)
    return NULL;
  if (campaigns->len == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("There is no campaign yet: create one with “cagnotte-cli campaign add”."));
      return NULL;
    }
  if (campaigns->len > 1)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_AMBIGUOUS,
                   _("There are several campaigns: name one with --campaign."));
      return NULL;
    }
  return cag_campaign_copy (g_ptr_array_index (campaigns, 0));
}

CagFund *
cag_cli_find_fund (CagStore   *store,
                   const char *org_key,
                   const char *campaign_key,
                   GError    **error)
{
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(CagCampaign) campaign = NULL;
  g_autoptr(GError) local_error = NULL;
  CagFund *fund;

  org = cag_store_org_find (store, org_key, error);
  if (org == NULL)
    return NULL;

  if (campaign_key != NULL)
    {
      campaign = cag_store_campaign_find (store, campaign_key, error);
      if (campaign == NULL)
        return NULL;
    }

  fund = cag_store_fund_find (store, org->id, campaign != NULL ? campaign->id : 0,
                              &local_error);
  if (fund != NULL)
    return fund;

  /* Say it in the terms of the command line. */
  if (g_error_matches (local_error, CAG_ERROR, CAG_ERROR_AMBIGUOUS))
    g_set_error (error, CAG_ERROR, CAG_ERROR_AMBIGUOUS,
                 _("“%s” has funds in several campaigns: name one with --campaign."),
                 org->name);
  else if (g_error_matches (local_error, CAG_ERROR, CAG_ERROR_NOT_FOUND) && campaign != NULL)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("“%s” has no fund in “%s”: open one with “cagnotte-cli fund open”."),
                 org->name, campaign->name);
  else if (g_error_matches (local_error, CAG_ERROR, CAG_ERROR_NOT_FOUND))
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("“%s” has no fund yet: open one with “cagnotte-cli fund open”."),
                 org->name);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* ---- Shared by the command groups ------------------------------------- */

int
cag_cli_dispatch (CagCli          *cli,
                  int              argc,
                  char           **argv,
                  const CagCliSub *subs,
                  gsize            n_subs,
                  const char      *choices)
{
  if (argc < 2)
    return cag_cli_usage (_("“%s” needs a sub-command: %s"), argv[0], choices);
  for (gsize i = 0; i < n_subs; i++)
    if (strcmp (argv[1], subs[i].name) == 0)
      return subs[i].run (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      g_print (_("Usage: cagnotte-cli %s %s"), argv[0], choices);
      g_print ("\n");
      return 0;
    }
  return cag_cli_usage (_("unknown sub-command “%s %s” (expected %s)"), argv[0], argv[1], choices);
}

/* Positional arguments come from the shell unconverted: refuse anything that
 * is not UTF-8 rather than store it. */
gboolean
cag_cli_check_text (const char  *text,
                    GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The text “%s” is not valid UTF-8."), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
cag_cli_parse_id (const char *text,
                  gint64     *out,
                  GError    **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a contribution number."), text);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

void
cag_cli_json_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
cag_cli_json_int (JsonBuilder *builder,
                  const char  *name,
                  gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
cag_cli_json_date (JsonBuilder   *builder,
                   const char    *name,
                   const CagDate *date)
{
  g_autofree char *iso = cag_date_to_iso (date);

  cag_cli_json_string (builder, name, iso);
}

void
cag_cli_json_bool (JsonBuilder *builder,
                   const char  *name,
                   gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
cag_cli_print_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  cag_cli_print_json (root);
}

/* ---- Tables ------------------------------------------------------------- */

CagCliTable *
cag_cli_table_new (guint       n_columns,
                   const char *alignment)
{
  CagCliTable *table = g_new0 (CagCliTable, 1);

  table->n_columns = n_columns;
  table->alignment = g_strdup (alignment);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

void
cag_cli_table_add_row (CagCliTable *table,
                       ...)
{
  char **cells = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);

      /* One line per row, whatever a note holds. */
      cells[i] = cag_text_escape (cell, FALSE);
    }
  va_end (args);
  g_ptr_array_add (table->rows, cells);
}

static void
append_padding (GString *line,
                glong    count)
{
  for (glong i = 0; i < count; i++)
    g_string_append_c (line, ' ');
}

static void
print_table (CagCliTable *table,
             gboolean     with_header)
{
  g_autofree glong *widths = g_new0 (glong, table->n_columns);
  glong total = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (cells[c], -1));
    }
  for (guint c = 0; c < table->n_columns; c++)
    total += widths[c] + (c > 0 ? 2 : 0);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < table->n_columns; c++)
        {
          glong pad = widths[c] - g_utf8_strlen (cells[c], -1);
          gboolean right = table->alignment != NULL && table->alignment[c] == 'r';

          if (c > 0)
            g_string_append (line, "  ");
          if (right)
            append_padding (line, pad);
          g_string_append (line, cells[c]);
          if (!right)
            append_padding (line, pad);
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);

      if (r == 0 && with_header)
        {
          g_string_truncate (line, 0);
          for (glong i = 0; i < total; i++)
            g_string_append (line, "─");
          g_print ("%s\n", line->str);
        }
    }
}

void
cag_cli_table_print (CagCliTable *table)
{
  print_table (table, TRUE);
}

void
cag_cli_table_print_plain (CagCliTable *table)
{
  print_table (table, FALSE);
}

void
cag_cli_table_free (CagCliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table->alignment);
  g_free (table);
}

/* ---- Formatting --------------------------------------------------------- */

char *
cag_cli_money (gint64 cents)
{
  return cag_money_format (cents, cag_i18n_get_language ());
}

char *
cag_cli_date (const CagDate *date)
{
  return cag_date_format (date, cag_i18n_get_language ());
}

char *
cag_cli_month (gint month_index)
{
  return cag_month_format (month_index, cag_i18n_get_language ());
}

#define ORG_LABEL_MAX 32

char *
cag_cli_org_label (const char *name,
                   const char *short_name)
{
  g_autofree char *cut = NULL;

  if (name == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (name, -1) <= ORG_LABEL_MAX)
    return g_strdup (name);
  if (short_name != NULL && short_name[0] != '\0')
    return g_strdup (short_name);
  cut = g_utf8_substring (name, 0, ORG_LABEL_MAX - 1);
  return g_strconcat (cut, "…", NULL);
}
