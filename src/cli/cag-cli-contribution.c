/* cag-cli-contribution.c — `cagnotte-cli contribution add|void|list`: the
 * money paid into the funds.  A mistake is never edited away: it is voided
 * with a reason and stays listed.
 *
 * Every command checks all of its input before it opens the database, so a
 * refused command leaves the file exactly as it was.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-cli-private.h"
#include "cag-cli-helpers.h"
#include "cag-error.h"
#include "cag-money.h"
#include "cag-rules.h"

/* ---- contribution ------------------------------------------------------- */

static void
build_contribution (JsonBuilder           *builder,
                    const CagContribution *c)
{
  json_builder_begin_object (builder);
  cag_cli_json_int (builder, "id", c->id);
  cag_cli_json_string (builder, "organization", c->organization_name);
  cag_cli_json_string (builder, "campaign", c->campaign_name);
  cag_cli_json_date (builder, "date", &c->date);
  cag_cli_json_int (builder, "amount_cents", c->amount_cents);
  cag_cli_json_string (builder, "method", cag_method_to_string (c->method));
  cag_cli_json_string (builder, "reference", c->reference);
  cag_cli_json_string (builder, "note", c->note);
  cag_cli_json_string (builder, "recorded_at", c->recorded_at);
  cag_cli_json_string (builder, "recorded_by", c->recorded_by);
  cag_cli_json_bool (builder, "voided", c->voided);
  cag_cli_json_string (builder, "void_reason", c->void_reason);
  cag_cli_json_string (builder, "voided_at", c->voided_at);
  cag_cli_json_string (builder, "voided_by", c->voided_by);
  json_builder_end_object (builder);
}

/* A contribution dated after its campaign's deadline is recorded, with a
 * warning on stderr (docs/RULES.md, "Dates inside the campaign"); one dated
 * before the start is refused (by the store too). */
static gboolean
check_date_in_campaign (CagStore              *store,
                        const CagFund         *fund,
                        const CagContribution *c,
                        char                 **out_warning,
                        GError               **error)
{
  g_autoptr(CagCampaign) campaign = cag_store_campaign_get (store, fund->campaign_id, error);
  gboolean late = FALSE;

  if (campaign == NULL || !cag_rules_check_contribution_date (campaign, c->date, &late, error))
    return FALSE;
  if (late)
    {
      CagLang lang = cag_i18n_get_language ();
      g_autofree char *when = cag_date_format (&c->date, lang);
      g_autofree char *deadline = cag_date_format (&campaign->deadline, lang);

      /* TRANSLATORS: the contribution's date, the campaign, its deadline */
      *out_warning = g_strdup_printf (_("Warning: the contribution is dated %s, after the "
                                        "deadline of the campaign “%s” (%s); it is recorded "
                                        "and counts like the others."),
                                      when, campaign->name, deadline);
    }
  return TRUE;
}

static int
contribution_add (CagCli *cli, int argc, char **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *campaign_key = NULL;
  g_autofree char *method = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("Date received (YYYY-MM-DD)"), N_("DATE") },
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign_key,
      N_("The campaign, when the organization has several funds"), N_("CAMPAIGN") },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &method,
      N_("cheque, transfer, cash or other (default cheque)"), N_("METHOD") },
    { "reference", 'r', 0, G_OPTION_ARG_STRING, &reference,
      N_("Cheque number or transfer reference"), N_("TEXT") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("Note"), N_("TEXT") },
    CAG_CLI_JSON_ENTRY (cli),
    { NULL }
  };
  g_autoptr(CagContribution) c = cag_contribution_new ();
  g_autoptr(CagFund) fund = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("contribution add ORG AMOUNT --date DATE"),
                      _("Record a contribution paid into a fund; prints its number."), entries))
    return 1;
  if (argc != 3)
    return cag_cli_usage (_("“contribution add” takes an ORG and an AMOUNT"));
  if (date == NULL)
    return cag_cli_usage (_("“contribution add” needs --date"));
  if (!cag_cli_check_text (argv[1], &error)
      || !cag_cli_check_text (campaign_key, &error)
      || !cag_money_parse (argv[2], CAG_MONEY_POSITIVE, &c->amount_cents, &error)
      || !cag_date_parse_iso (date, &c->date, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  if (method != NULL && !cag_method_from_string (method, &c->method))
    return cag_cli_fail (g_error_new (CAG_ERROR, CAG_ERROR_INVALID,
                                      _("Unknown method “%s”: use cheque, transfer, cash or other."),
                                      method));
  if (reference != NULL && reference[0] != '\0')
    c->reference = g_strdup (reference);
  if (note != NULL && note[0] != '\0')
    c->note = g_strdup (note);

  store = cag_cli_store_existing (cli, &error);
  if (store != NULL)
    fund = cag_cli_find_fund (store, argv[1], campaign_key, &error);
  if (fund == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  c->fund_id = fund->id;
  if (!check_date_in_campaign (store, fund, c, &warning, &error)
      || !cag_store_contribution_add (store, c, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  if (warning != NULL)
    g_printerr ("cagnotte-cli: %s\n", warning);

  if (cli->json)
    {
      g_autoptr(CagContribution) saved = cag_store_contribution_get (store, c->id, NULL);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      build_contribution (builder, saved != NULL ? saved : c);
      cag_cli_print_builder (builder);
    }
  else
    g_print ("%" G_GINT64_FORMAT "\n", c->id);
  return 0;
}

static int
contribution_void (CagCli *cli, int argc, char **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is voided (required)"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(CagContribution) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  gint64 id = 0;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("contribution void NUMBER --reason TEXT"),
                      _("Void a contribution: it stays in the ledger, struck out, and counts for nothing."),
                      entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage (_("“contribution void” takes exactly one contribution NUMBER"));
  if (!cag_cli_parse_id (argv[1], &id, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  if (reason == NULL)
    return cag_cli_usage (_("“contribution void” needs --reason"));
  g_strstrip (reason);
  if (reason[0] == '\0')
    return cag_cli_fail (g_error_new (CAG_ERROR, CAG_ERROR_INVALID,
                                      _("Say why the contribution is voided: the reason cannot be empty.")));

  store = cag_cli_store_existing (cli, &error);
  if (store == NULL || !cag_store_contribution_void (store, id, reason, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  c = cag_store_contribution_get (store, id, NULL);
  if (c != NULL)
    {
      g_autofree char *amount = cag_cli_money (c->amount_cents);
      g_autofree char *when = cag_cli_date (&c->date);

      /* TRANSLATORS: "Voided contribution 12 (135,42 $ of June 20, 2004, CECI)." */
      g_print (_("Voided contribution %s (%s of %s, %s)."), id_text, amount, when,
               c->organization_name);
    }
  else
    g_print (_("Voided contribution %s."), id_text);
  g_print ("\n");
  return 0;
}

static int
contribution_list (CagCli *cli, int argc, char **argv)
{
  g_autofree char *campaign_key = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign_key,
      N_("Only the contributions to this campaign"), N_("CAMPAIGN") },
    CAG_CLI_JSON_ENTRY (cli),
    { NULL }
  };
  g_autoptr(CagCampaign) campaign = NULL;
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(CagFund) fund = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 total = 0;
  guint voided = 0;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("contribution list [ORG]"),
                      _("List contributions, voided ones included."), entries))
    return 1;
  if (argc > 2)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[2]);
  if ((argc == 2 && !cag_cli_check_text (argv[1], &error)) || !cag_cli_check_text (campaign_key, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store_existing (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (argc == 2 && campaign_key != NULL)
    {
      fund = cag_cli_find_fund (store, argv[1], campaign_key, &error);
      if (fund == NULL)
        return cag_cli_fail (g_steal_pointer (&error));
    }
  else if (argc == 2)
    {
      org = cag_store_org_find (store, argv[1], &error);
      if (org == NULL)
        return cag_cli_fail (g_steal_pointer (&error));
    }
  else if (campaign_key != NULL)
    {
      campaign = cag_store_campaign_find (store, campaign_key, &error);
      if (campaign == NULL)
        return cag_cli_fail (g_steal_pointer (&error));
    }

  all = cag_store_contribution_list (store, fund != NULL ? fund->id : 0,
                                     org != NULL ? org->id : 0, &error);
  if (all == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < all->len; i++)
    {
      CagContribution *c = g_ptr_array_index (all, i);

      if (campaign != NULL && g_strcmp0 (c->campaign_name, campaign->name) != 0)
        continue;
      g_ptr_array_add (rows, c);
      if (c->voided)
        voided++;
      else
        total += c->amount_cents;
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        build_contribution (builder, g_ptr_array_index (rows, i));
      json_builder_end_array (builder);
      cag_cli_print_builder (builder);
      return 0;
    }

  if (rows->len == 0)
    {
      g_print ("%s\n", _("No contribution."));
      return 0;
    }

  {
    g_autoptr(CagCliTable) table = cag_cli_table_new (8, "rlllrlll");
    g_autofree char *total_text = cag_cli_money (total);

    cag_cli_table_add_row (table, C_("column", "No."), C_("column", "Date"),
                           C_("column", "Organization"), C_("column", "Campaign"),
                           C_("column", "Amount"), C_("column", "Method"),
                           C_("column", "Reference"), C_("column", "Note"));
    for (guint i = 0; i < rows->len; i++)
      {
        CagContribution *c = g_ptr_array_index (rows, i);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
        g_autofree char *when = cag_cli_date (&c->date);
        g_autofree char *amount = cag_cli_money (c->amount_cents);
        g_autofree char *note = NULL;

        if (c->voided)
          note = g_strdup_printf (_("VOIDED: %s"), c->void_reason != NULL ? c->void_reason : "");
        else
          note = g_strdup (c->note);
        g_autofree char *name = cag_cli_org_label (c->organization_name, NULL);

        cag_cli_table_add_row (table, id, when, name, c->campaign_name, amount,
                               cag_method_label (c->method), c->reference, note);
      }
    cag_cli_table_print (table);
    g_print ("\n");
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u contribution counted, total %s",
                          "%u contributions counted, total %s", rows->len - voided),
             rows->len - voided, total_text);
    if (voided > 0)
      {
        g_print (" ");
        g_print (g_dngettext (GETTEXT_PACKAGE, "(%u voided, not counted)",
                              "(%u voided, not counted)", voided), voided);
      }
    g_print ("\n");
  }
  return 0;
}

int
cag_cli_cmd_contribution (CagCli *cli, int argc, char **argv)
{
  static const CagCliSub subs[] = {
    { "add", contribution_add },
    { "void", contribution_void },
    { "list", contribution_list },
  };

  return cag_cli_dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs), "add|void|list");
}
