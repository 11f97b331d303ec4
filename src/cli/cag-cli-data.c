/* cag-cli-data.c — "import contributions", "export csv …", "backup" and
 * "restore": moving data in and out of the database. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-cli-private.h"
#include "cag-backup.h"
#include "cag-error.h"
#include "cag-budget.h"
#include "cag-export.h"
#include "cag-export-proforma.h"
#include "cag-import.h"
#include "cag-money.h"

/* ---- Helpers ------------------------------------------------------------ */

static char *
database_path (CagCli *cli)
{
  return cli->db_path != NULL ? g_strdup (cli->db_path) : cag_store_default_path ();
}

/* "amount=Montant reçu" → options->columns[AMOUNT]; the strings stay owned
 * by SPECS. */
static gboolean
apply_column_specs (char             **specs,
                    CagImportOptions  *options,
                    GError           **error)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      char *equal = strchr (specs[i], '=');
      g_autofree char *name = NULL;
      CagImportField field;

      if (equal == NULL || equal[1] == '\0')
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                       _("“%s”: write --column FIELD=COLUMN, for example "
                         "--column amount=\"Montant reçu\" or --column amount=3."),
                       specs[i]);
          return FALSE;
        }
      name = g_strndup (specs[i], (gsize) (equal - specs[i]));
      if (!cag_import_field_from_string (name, &field))
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                       _("unknown field “%s” (date, organization, amount, method, reference, "
                         "note, campaign or voided)."), name);
          return FALSE;
        }
      options->columns[field] = equal + 1;
    }
  return TRUE;
}

static gboolean
parse_delimiter (const char  *text,
                 char        *out,
                 GError     **error)
{
  if (text == NULL)
    *out = 0;
  else if (strcmp (text, ",") == 0 || strcmp (text, ";") == 0)
    *out = text[0];
  else if (strcmp (text, "tab") == 0 || strcmp (text, "\\t") == 0 || strcmp (text, "\t") == 0)
    *out = '\t';
  else
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("unknown separator “%s” (“,”, “;” or “tab”)."), text);
      return FALSE;
    }
  return TRUE;
}

/* JSON must be UTF-8, whatever a message quotes (a file name…). */
static void
add_json_string (JsonBuilder *builder,
                 const char  *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  json_builder_add_string_value (builder, valid);
}

static void
add_json_problems (JsonBuilder *builder,
                   const char  *name,
                   GPtrArray   *problems)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      const CagImportProblem *p = problems->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, p->line);
      json_builder_set_member_name (builder, "column");
      if (p->field >= 0)
        json_builder_add_string_value (builder, cag_import_field_to_string (p->field));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      add_json_string (builder, p->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_report_json (const CagImportReport *report,
                   const char            *error_message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, report->dry_run);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_boolean_value (builder, report->imported);
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, report->csv.encoding);
  json_builder_set_member_name (builder, "delimiter");
  {
    char delimiter[2] = { report->csv.delimiter, '\0' };

    json_builder_add_string_value (builder, delimiter);
  }
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, report->rows);
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, report->added);
  json_builder_set_member_name (builder, "added_cents");
  json_builder_add_int_value (builder, report->added_cents);
  json_builder_set_member_name (builder, "already_present");
  json_builder_add_int_value (builder, report->already_present);
  json_builder_set_member_name (builder, "voided");
  json_builder_add_int_value (builder, report->voided);
  json_builder_set_member_name (builder, "organizations_created");
  json_builder_add_int_value (builder, report->organizations_created);
  json_builder_set_member_name (builder, "funds_opened");
  json_builder_add_int_value (builder, report->funds_opened);
  json_builder_set_member_name (builder, "problems_total");
  json_builder_add_int_value (builder, report->problems_total);
  json_builder_set_member_name (builder, "legacy_lines");
  json_builder_add_int_value (builder, report->csv.legacy_lines);
  json_builder_set_member_name (builder, "first_legacy_line");
  json_builder_add_int_value (builder, report->csv.first_legacy_line);
  add_json_problems (builder, "problems", report->problems);
  add_json_problems (builder, "warnings", report->warnings);
  if (error_message != NULL)
    {
      json_builder_set_member_name (builder, "error");
      add_json_string (builder, error_message);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  cag_cli_print_json (root);
}

static void
print_report_text (const CagImportReport *report)
{
  g_autofree char *total = cag_money_format (report->added_cents, cag_i18n_get_language ());

  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *line = cag_import_problem_to_string (report->problems->pdata[i]);

      g_print ("%s\n", line);
    }
  if (report->problems_total > report->problems->len)
    g_print (g_dngettext (GETTEXT_PACKAGE, "… and %u more problem.\n",
                          "… and %u more problems.\n",
                          report->problems_total - report->problems->len),
             report->problems_total - report->problems->len);
  /* A failed import says nothing that sounds like success. */
  if (report->problems_total > 0 || (!report->dry_run && !report->imported))
    return;

  if (report->csv.legacy_lines > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u line was not UTF-8 and was read as Windows-1252 (line %u); "
                          "the others as UTF-8.\n",
                          "%u lines were not UTF-8 and were read as Windows-1252 (first: "
                          "line %u); the others as UTF-8.\n",
                          report->csv.legacy_lines),
             report->csv.legacy_lines, report->csv.first_legacy_line);
  for (guint i = 0; i < report->warnings->len; i++)
    {
      g_autofree char *line = cag_import_problem_to_string (report->warnings->pdata[i]);
      g_autofree char *shown = g_strdup_printf (_("Warning: %s"), line);

      g_print ("%s\n", shown);
    }

  if (report->dry_run)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Dry run: %u contribution would be imported (%s); "
                          "nothing was changed.\n",
                          "Dry run: %u contributions would be imported (%s); "
                          "nothing was changed.\n",
                          report->added),
             report->added, total);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u contribution imported (%s).\n",
                          "%u contributions imported (%s).\n",
                          report->added),
             report->added, total);
  if (report->already_present > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u row already in the database, skipped.\n",
                          "%u rows already in the database, skipped.\n",
                          report->already_present),
             report->already_present);
  if (report->voided > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u row marked voided, skipped.\n",
                          "%u rows marked voided, skipped.\n",
                          report->voided),
             report->voided);
  if (report->organizations_created > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u organization created.\n",
                          "%u organizations created.\n",
                          report->organizations_created),
             report->organizations_created);
  if (report->funds_opened > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u fund opened.\n",
                          "%u funds opened.\n",
                          report->funds_opened),
             report->funds_opened);
}

/* ---- import ------------------------------------------------------------- */

static int
import_contributions (CagCli  *cli,
                      int      argc,
                      char   **argv)
{
  g_autofree char *campaign = NULL;
  g_autofree char *delimiter = NULL;
  g_auto(GStrv) columns = NULL;
  gboolean dry_run = FALSE;
  gboolean create = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      C_("csv option", "Check every row and change nothing"), NULL },
    { "create-organizations", 0, 0, G_OPTION_ARG_NONE, &create,
      C_("csv option", "Create unknown organizations and open their funds"), NULL },
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign,
      C_("csv option", "Campaign of rows that name none (default: the only campaign)"),
      C_("csv option", "CAMPAIGN") },
    { "column", 0, 0, G_OPTION_ARG_STRING_ARRAY, &columns,
      C_("csv option",
         "Take FIELD from COLUMN (a title or a number), e.g. amount=\"Montant reçu\""),
      C_("csv option", "FIELD=COLUMN") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter,
      C_("csv option", "Separator: “,”, “;” or “tab” (default: detected)"),
      C_("csv option", "SEP") },
    { NULL },
  };
  CagImportOptions options = { 0 };
  g_autoptr(CagImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CagStore *store;
  gboolean ok;

  if (!cag_cli_parse (&argc, &argv, _("import contributions FILE [OPTION…]"),
                      _("Imports contributions from a CSV file written by a spreadsheet "
                        "(LibreOffice, Excel): all rows or none.  Columns are found by their "
                        "title in French or English (date, organisation, montant, mode, "
                        "référence, note, campagne).  A dry run, or an import that finds "
                        "problems, lists every problem and exits with status 1."),
                      entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage (_("import contributions needs one FILE"));

  options.campaign = campaign;
  options.create_organizations = create;
  options.dry_run = dry_run;
  if (!apply_column_specs (columns, &options, &error)
      || !parse_delimiter (delimiter, &options.delimiter, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  ok = cag_import_contributions (store, argv[1], &options, &report, &error);
  if (report != NULL)
    {
      if (cli->json)
        print_report_json (report, error != NULL ? error->message : NULL);
      else
        print_report_text (report);
    }
  if (!ok)
    {
      gboolean unknown_org = FALSE;

      for (guint i = 0; report != NULL && i < report->problems->len; i++)
        if (((CagImportProblem *) report->problems->pdata[i])->field
            == CAG_IMPORT_FIELD_ORGANIZATION)
          unknown_org = TRUE;
      if (unknown_org && !create)
        g_printerr ("%s\n", _("Hint: add the organizations first, or import with "
                              "--create-organizations."));
      return cag_cli_fail (g_steal_pointer (&error));
    }
  return 0;
}

int
cag_cli_cmd_import (CagCli *cli, int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "contributions") == 0)
    return import_contributions (cli, argc - 1, argv + 1);
  return cag_cli_usage (_("what to import? Only “import contributions FILE” exists."));
}

/* ---- export csv --------------------------------------------------------- */

static int
export_proforma (CagCli     *cli,
                 const char *name,
                 gint        version,
                 const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagBudget) budget = NULL;
  CagStore *store;

  if (name == NULL)
    return cag_cli_usage (_("export csv proforma needs the budget’s NAME"));
  store = cag_cli_store (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  budget = cag_budget_find (store, name, version, &error);
  if (budget == NULL
      || !cag_export_proforma_to_file (store, budget->id, budget->version,
                                       cag_i18n_get_language (), output, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  if (!cli->json)
    g_print (C_("csv export", "Written to %s.\n"), output);
  return 0;
}

int
cag_cli_export_csv (CagCli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *campaign_key = NULL;
  g_autofree char *org_key = NULL;
  g_autofree char *as_of_text = NULL;
  gint version = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      C_("csv option", "File to write (required)"), C_("csv option", "FILE") },
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign_key,
      C_("csv option", "Only this campaign"), C_("csv option", "CAMPAIGN") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org_key,
      C_("csv option", "Only this organization (contributions)"), C_("csv option", "ORG") },
    { "version", 0, 0, G_OPTION_ARG_INT, &version,
      C_("csv option", "Version of the budget (proforma; default: the latest)"),
      C_("csv option", "N") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      C_("csv option", "Figures as of this date (status; default: today)"),
      C_("csv option", "DATE") },
    { NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CagCampaign) campaign = NULL;
  g_autoptr(CagOrganization) org = NULL;
  CagLang lang = cag_i18n_get_language ();
  const char *what;
  const char *name = NULL;
  CagStore *store;
  gboolean ok;

  if (!cag_cli_parse (&argc, &argv, _("export csv contributions|status|proforma [NAME] "
                                      "--output FILE"),
                      _("Writes a CSV file for spreadsheets (UTF-8; “;” and decimal comma in "
                        "French, “,” and decimal point in English).  NAME is a campaign for "
                        "contributions and status, a budget for proforma."),
                      entries))
    return 1;
  if (argc < 2 || argc > 3)
    return cag_cli_usage (_("export csv needs contributions, status or proforma"));
  what = argv[1];
  if (argc == 3)
    name = argv[2];
  if (output == NULL)
    return cag_cli_usage (_("export csv needs --output FILE"));

  if (strcmp (what, "proforma") == 0)
    return export_proforma (cli, name, version, output);
  if (strcmp (what, "contributions") != 0 && strcmp (what, "status") != 0)
    return cag_cli_usage (_("unknown export “%s” (contributions, status or proforma)"), what);

  if (name != NULL && campaign_key != NULL)
    return cag_cli_usage (_("name the campaign once, either as NAME or with --campaign"));
  if (name != NULL)
    campaign_key = g_strdup (name);

  store = cag_cli_store (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (campaign_key != NULL)
    {
      campaign = cag_cli_find_campaign (store, campaign_key, &error);
      if (campaign == NULL)
        return cag_cli_fail (g_steal_pointer (&error));
    }

  if (strcmp (what, "contributions") == 0)
    {
      if (as_of_text != NULL)
        return cag_cli_usage (_("--as-of applies to the status export only"));
      if (org_key != NULL)
        {
          org = cag_store_org_find (store, org_key, &error);
          if (org == NULL)
            return cag_cli_fail (g_steal_pointer (&error));
        }
      ok = cag_export_contributions_to_file (store, campaign != NULL ? campaign->id : 0,
                                             org != NULL ? org->id : 0, lang, output, &error);
    }
  else
    {
      CagDate as_of;

      if (org_key != NULL)
        return cag_cli_usage (_("--org applies to the contributions export only"));
      if (!cag_cli_parse_date (as_of_text, &as_of, &error))
        return cag_cli_fail (g_steal_pointer (&error));
      ok = cag_export_status_to_file (store, campaign != NULL ? campaign->id : 0, &as_of,
                                      lang, output, &error);
    }
  if (!ok)
    return cag_cli_fail (g_steal_pointer (&error));

  if (!cli->json)
    g_print (C_("csv export", "Written to %s.\n"), output);
  return 0;
}

/* ---- backup and restore ------------------------------------------------- */

int
cag_cli_cmd_backup (CagCli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  gboolean list = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      C_("csv option", "File to write the copy to"), C_("csv option", "FILE") },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list,
      C_("csv option", "List the automatic copies taken before upgrades"), NULL },
    { NULL },
  };
  g_autofree char *db_path = database_path (cli);
  g_autoptr(GError) error = NULL;
  gint version = 0;

  if (!cag_cli_parse (&argc, &argv, _("backup --output FILE"),
                      _("Writes a consistent copy of the database, even while Cagnotte is "
                        "open.  Restore it with “cagnotte-cli restore FILE --yes”."),
                      entries))
    return 1;
  if (argc != 1)
    return cag_cli_usage (_("backup takes no argument besides its options"));

  if (list)
    {
      g_autoptr(GPtrArray) copies = cag_backup_list_automatic (db_path, &error);

      if (copies == NULL)
        return cag_cli_fail (g_steal_pointer (&error));
      for (guint i = 0; i < copies->len; i++)
        g_print ("%s\n", (const char *) copies->pdata[i]);
      return 0;
    }
  if (output == NULL)
    return cag_cli_usage (_("backup needs --output FILE"));

  /* The copy is taken from the file, not through cag_cli_store(): backing
   * up must neither create a missing database nor upgrade an old one. */
  if (!cag_backup_file (db_path, output, &error)
      || !cag_backup_verify (output, &version, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  if (!cli->json)
    g_print (_("Copy of %s written to %s.\n"), db_path, output);
  return 0;
}

int
cag_cli_cmd_restore (CagCli *cli, int argc, char **argv)
{
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes,
      C_("csv option", "Confirm that the database is to be replaced"), NULL },
    { NULL },
  };
  g_autofree char *db_path = database_path (cli);
  g_autofree char *safety = NULL;
  g_autoptr(GError) error = NULL;

  if (!cag_cli_parse (&argc, &argv, _("restore FILE --yes"),
                      _("Replaces the database with a copy made by “backup”.  The current "
                        "database is saved first next to it (…before-restore-DATE)."),
                      entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage (_("restore needs one FILE"));
  if (!yes)
    return cag_cli_usage (_("restoring replaces everything in %s with %s; add --yes to "
                            "confirm"), db_path, argv[1]);

  /* The database must not be held open by this process while it is
   * replaced. */
  g_clear_pointer (&cli->store, cag_store_close);
  if (!cag_backup_restore (db_path, argv[1], &safety, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  if (!cli->json)
    {
      g_print (_("Database %s restored from %s.\n"), db_path, argv[1]);
      if (safety != NULL)
        g_print (_("The previous database was saved as %s.\n"), safety);
    }
  return 0;
}
