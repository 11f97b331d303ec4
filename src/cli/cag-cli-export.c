/* cag-cli-export.c — "export statement|summary|statements|proforma": the PDF
 * documents, through the same functions the window calls (cag-pdf.h).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-cli-private.h"
#include "cag-cli-helpers.h"
#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-pdf.h"
#include "cag-budget.h"
#include "cag-network.h"

typedef struct
{
  char *output;
  char *dir;
  char *campaign;
  char *as_of;
  char *lang;
  char *funder;
} ExportOptions;

static void
export_options_clear (ExportOptions *o)
{
  g_free (o->output);
  g_free (o->dir);
  g_free (o->campaign);
  g_free (o->as_of);
  g_free (o->lang);
  g_free (o->funder);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

#define OUTPUT_ENTRY(o) \
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &(o).output, N_("Write the PDF to FILE"), \
    N_("FILE") }
#define AS_OF_ENTRY(o) \
  { "as-of", 0, 0, G_OPTION_ARG_STRING, &(o).as_of, \
    N_("Figures as of DATE (YYYY-MM-DD; default: today)"), N_("DATE") }
#define LANG_ENTRY(o) \
  { "lang", 0, 0, G_OPTION_ARG_STRING, &(o).lang, \
    N_("Language of the document: fr or en (default: the interface’s)"), N_("LANG") }
#define JSON_ENTRY(cli) CAG_CLI_JSON_ENTRY (cli)

static gboolean
parse_lang (const char  *code,
            CagLang     *out,
            GError     **error)
{
  if (code == NULL)
    {
      *out = cag_i18n_get_language ();
      return TRUE;
    }
  if (!cag_lang_from_code (code, out))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("Unknown language “%s”: use fr or en."), code);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_common (const ExportOptions  *o,
              CagDate              *as_of,
              CagLang              *lang,
              GError              **error)
{
  if (!cag_cli_parse_date (o->as_of, as_of, error))
    return FALSE;
  return parse_lang (o->lang, lang, error);
}

static void
report_written (CagCli     *cli,
                GPtrArray  *paths,
                const char *message)
{
  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "written");
      json_builder_begin_array (builder);
      for (guint i = 0; i < paths->len; i++)
        json_builder_add_string_value (builder, paths->pdata[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cag_cli_print_json (root);
    }
  else
    g_print ("%s\n", message);
}

static int
export_statement (CagCli *cli, int argc, char **argv)
{
  g_auto (ExportOptions) o = { 0 };
  GOptionEntry entries[] = {
    OUTPUT_ENTRY (o),
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &o.campaign,
      N_("The campaign of the fund, when the organization has several"), N_("CAMPAIGN") },
    AS_OF_ENTRY (o), LANG_ENTRY (o), JSON_ENTRY (cli), { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CagFund) fund = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *message = NULL;
  CagStore *store;
  CagDate as_of;
  CagLang lang;

  if (!cag_cli_parse (&argc, &argv, _("export statement ORG --output FILE"),
                      _("Write the statement of an organization’s delegation fund as a PDF."),
                      entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage (_("“export statement” takes exactly one ORG"));
  if (o.output == NULL)
    return cag_cli_usage (_("“export statement” needs --output FILE"));
  if (!parse_common (&o, &as_of, &lang, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store_existing (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  fund = cag_cli_find_fund (store, argv[1], o.campaign, &error);
  if (fund == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (!cag_pdf_write_statement (store, fund->id, &as_of, lang, o.output, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  g_ptr_array_add (paths, o.output);
  message = g_strdup_printf (_("Wrote the statement of “%s” to %s."), fund->organization_name,
                             o.output);
  report_written (cli, paths, message);
  return 0;
}

static int
export_summary (CagCli *cli, int argc, char **argv)
{
  g_auto (ExportOptions) o = { 0 };
  GOptionEntry entries[] = {
    OUTPUT_ENTRY (o), AS_OF_ENTRY (o), LANG_ENTRY (o), JSON_ENTRY (cli), { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CagCampaign) campaign = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *message = NULL;
  CagStore *store;
  CagDate as_of;
  CagLang lang;

  if (!cag_cli_parse (&argc, &argv, _("export summary CAMPAIGN --output FILE"),
                      _("Write the summary of a campaign (every fund, the network’s totals) as a "
                        "PDF."),
                      entries))
    return 1;
  if (argc > 2)
    return cag_cli_usage (_("“export summary” takes one CAMPAIGN"));
  if (o.output == NULL)
    return cag_cli_usage (_("“export summary” needs --output FILE"));
  if (!parse_common (&o, &as_of, &lang, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store_existing (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  campaign = cag_cli_find_campaign (store, argc == 2 ? argv[1] : NULL, &error);
  if (campaign == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (!cag_pdf_write_summary (store, campaign->id, &as_of, lang, o.output, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  g_ptr_array_add (paths, o.output);
  message = g_strdup_printf (_("Wrote the summary of “%s” to %s."), campaign->name, o.output);
  report_written (cli, paths, message);
  return 0;
}

static int
export_statements (CagCli *cli, int argc, char **argv)
{
  g_auto (ExportOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &o.dir,
      N_("Write the PDF files into DIR (created when missing)"), N_("DIR") },
    AS_OF_ENTRY (o), LANG_ENTRY (o), JSON_ENTRY (cli), { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CagCampaign) campaign = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  g_autofree char *message = NULL;
  CagStore *store;
  CagDate as_of;
  CagLang lang;

  if (!cag_cli_parse (&argc, &argv, _("export statements CAMPAIGN --dir DIR"),
                      _("Write the statement of every fund of a campaign into a folder, one PDF "
                        "file each."),
                      entries))
    return 1;
  if (argc > 2)
    return cag_cli_usage (_("“export statements” takes one CAMPAIGN"));
  if (o.dir == NULL)
    return cag_cli_usage (_("“export statements” needs --dir DIR"));
  if (!parse_common (&o, &as_of, &lang, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store_existing (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  campaign = cag_cli_find_campaign (store, argc == 2 ? argv[1] : NULL, &error);
  if (campaign == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (!cag_pdf_write_statements (store, campaign->id, &as_of, lang, o.dir, &paths, &error))
    {
      /* Stopped midway: say which files were written (each is complete)
       * before the error, so nothing is sent twice or forgotten. */
      if (paths != NULL && paths->len > 0)
        {
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Wrote %u statement into %s before the error:",
                                                  "Wrote %u statements into %s before the error:",
                                                  paths->len),
                                     paths->len, o.dir);
          report_written (cli, paths, message);
          if (!cli->json)
            for (guint i = 0; i < paths->len; i++)
              g_print ("  %s\n", (const char *) paths->pdata[i]);
        }
      return cag_cli_fail (g_steal_pointer (&error));
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u statement into %s.",
                                          "Wrote %u statements into %s.", paths->len),
                             paths->len, o.dir);
  report_written (cli, paths, message);
  return 0;
}

/* "export proforma": the funder copy (--funder) or the working copy (--all,
 * the default); docs/BUDGETS.md, "Funder copy and working copy". */
static int
export_proforma (CagCli *cli, int argc, char **argv)
{
  g_auto (ExportOptions) o = { 0 };
  gboolean all = FALSE;
  gint version = 0;
  GOptionEntry entries[] = {
    OUTPUT_ENTRY (o),
    { "funder", 0, 0, G_OPTION_ARG_STRING, &o.funder,
      N_("The funder copy for this funder (name, short name or number): only what it should "
         "read"), N_("FUNDER") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("The working copy: every funder, warnings included (the default)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_INT, &version,
      N_("This version (default: the latest submitted one for a funder copy, else the latest)"),
      N_("N") },
    LANG_ENTRY (o), JSON_ENTRY (cli), { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (CagFunder) funder = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *message = NULL;
  CagStore *store;
  CagLang lang;

  if (!cag_cli_parse (&argc, &argv,
                      _("export proforma BUDGET --output FILE [--funder FUNDER | --all] "
                        "[--version N]"),
                      _("Write the pro-forma of an operating budget as a PDF."), entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage (_("“export proforma” takes exactly one BUDGET"));
  if (o.output == NULL)
    return cag_cli_usage (_("“export proforma” needs --output FILE"));
  if (all && o.funder != NULL)
    return cag_cli_usage (_("--funder and --all exclude each other: a funder copy or the "
                            "working copy"));
  if (version < 0)
    return cag_cli_usage (_("--version needs a version number (1, 2, …)"));
  if (!parse_lang (o.lang, &lang, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store_existing (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  budget = cag_budget_find (store, argv[1], version, &error);
  if (budget == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (o.funder != NULL)
    {
      funder = cag_funder_find (store, o.funder, &error);
      if (funder == NULL)
        return cag_cli_fail (g_steal_pointer (&error));
    }
  if (!cag_pdf_write_proforma_version (store, budget->id, version,
                                       funder != NULL ? funder->id : 0, lang, o.output, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  g_ptr_array_add (paths, o.output);
  if (funder != NULL)
    message = g_strdup_printf (_("Wrote the pro-forma of “%s” for %s to %s."), budget->name,
                               funder->name, o.output);
  else
    message = g_strdup_printf (_("Wrote the working copy of the pro-forma of “%s” (version %d) "
                                 "to %s."), budget->name, budget->version, o.output);
  report_written (cli, paths, message);
  if (funder != NULL)
    {
      g_autoptr (CagNetwork) network = cag_store_network_get (store, NULL);

      /* A hint, not an error: the document is written. */
      if (network != NULL && (network->name == NULL || network->address == NULL
                              || network->contact == NULL))
        g_printerr ("%s\n", _("Note: the network profile lacks its name, address or contact, so "
                              "the applicant block is incomplete; fill it in with “cagnotte-cli "
                              "network set”."));
    }
  return 0;
}

/* "export reminders": one letter per fund behind its plan (cag-pdf.h). */
static int
export_reminders (CagCli *cli, int argc, char **argv)
{
  g_auto (ExportOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "output-dir", 'd', 0, G_OPTION_ARG_FILENAME, &o.dir,
      N_("Write the letters into DIR (created when missing)"), N_("DIR") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &o.campaign,
      N_("The campaign (default: the only one)"), N_("CAMPAIGN") },
    AS_OF_ENTRY (o), LANG_ENTRY (o), JSON_ENTRY (cli), { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CagCampaign) campaign = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  g_autofree char *message = NULL;
  CagStore *store;
  CagDate as_of;
  CagLang lang;
  gboolean ok;

  if (!cag_cli_parse (&argc, &argv, _("export reminders --output-dir DIR [--campaign CAMPAIGN]"),
                      _("Write a reminder letter (PDF) for every fund that is behind its saving "
                        "plan, addressed to the organization's contact and signed by the "
                        "network's."),
                      entries))
    return 1;
  if (argc != 1)
    return cag_cli_usage (_("“export reminders” takes options only"));
  if (o.dir == NULL)
    return cag_cli_usage (_("“export reminders” needs --output-dir DIR"));
  if (!parse_common (&o, &as_of, &lang, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store_existing (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  campaign = cag_cli_find_campaign (store, o.campaign, &error);
  if (campaign == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  ok = cag_pdf_write_reminders (store, campaign->id, &as_of, lang, o.dir, NULL, NULL, NULL,
                                &paths, &error);
  if (paths == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (!ok && paths->len == 0)
    return cag_cli_fail (g_steal_pointer (&error));
  if (ok && paths->len == 0)
    message = g_strdup (_("No fund is behind its plan: no letter written."));
  else if (ok)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u reminder letter into %s.",
                                            "Wrote %u reminder letters into %s.", paths->len),
                               paths->len, o.dir);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Wrote %u reminder letter into %s before the error:",
                                            "Wrote %u reminder letters into %s before the error:",
                                            paths->len),
                               paths->len, o.dir);
  report_written (cli, paths, message);
  if (!ok)
    {
      if (!cli->json)
        for (guint i = 0; i < paths->len; i++)
          g_print ("  %s\n", (const char *) paths->pdata[i]);
      return cag_cli_fail (g_steal_pointer (&error));
    }
  return 0;
}

int
cag_cli_export_pdf (CagCli *cli, int argc, char **argv)
{
  static const CagCliSub subs[] = {
    { "statement", export_statement },
    { "summary", export_summary },
    { "statements", export_statements },
    { "proforma", export_proforma },
    { "reminders", export_reminders },
  };

  return cag_cli_dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs),
                           "statement|summary|statements|reminders|proforma|csv");
}
