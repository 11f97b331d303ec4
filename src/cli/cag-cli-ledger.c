/* cag-cli-ledger.c — cagnotte-cli's ledger commands: init, org, campaign,
 * fund and check.  (contribution is in cag-cli-contribution.c, status in
 * cag-cli-status.c.)
 *
 * Every command checks all of its input before it opens the database, so a
 * refused command leaves the file exactly as it was.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-cli-private.h"
#include "cag-cli-helpers.h"
#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-rules.h"

/* ---- Helpers ------------------------------------------------------------ */

static gboolean
parse_amount (const char   *text,
              CagMoneyFlags flags,
              gint64       *out,
              GError      **error)
{
  return text == NULL || cag_money_parse (text, flags, out, error);
}

static gboolean
parse_date_option (const char *text,
                   CagDate    *out,
                   GError    **error)
{
  return text == NULL || cag_date_parse_iso (text, out, error);
}

static gboolean
check_delegations (gint     delegations,
                   GError **error)
{
  if (delegations < 1 || delegations > 1000)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The number of delegations must be between 1 and 1000."));
      return FALSE;
    }
  return TRUE;
}

/* Empty option text clears an optional field. */
static void
replace_text (char       **field,
              const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = value[0] != '\0' ? g_strdup (value) : NULL;
}

/* ---- init and check ----------------------------------------------------- */

int
cag_cli_cmd_init (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean existed;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, "init", _("Create the database, or upgrade an older one."),
                      entries))
    return 1;
  if (argc > 1)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[1]);

  path = cli->db_path != NULL ? g_strdup (cli->db_path) : cag_store_default_path ();
  existed = cag_store_location_is_server (path) || g_file_test (path, G_FILE_TEST_EXISTS);
  store = cag_cli_store (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (existed)
    g_print (_("The database %s is ready."), cag_store_get_path (store));
  else
    g_print (_("Created the database %s."), cag_store_get_path (store));
  g_print ("\n");
  return 0;
}

int
cag_cli_cmd_check (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, "check",
                      _("Check the file for damage, then recount every kept total from the ledger and "
                        "compare."), entries))
    return 1;
  if (argc > 1)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[1]);

  store = cag_cli_store_existing (cli, &error);
  if (store == NULL || !cag_store_check_integrity (store, &error)
      || !cag_store_check_totals (store, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", _("The file is sound and every kept total matches the ledger."));
  return 0;
}

/* ---- org ---------------------------------------------------------------- */

static void
build_org (JsonBuilder           *builder,
           const CagOrganization *org)
{
  json_builder_begin_object (builder);
  cag_cli_json_int (builder, "id", org->id);
  cag_cli_json_string (builder, "name", org->name);
  cag_cli_json_string (builder, "short_name", org->short_name);
  cag_cli_json_string (builder, "region", org->region);
  cag_cli_json_string (builder, "kind", cag_org_kind_to_string (org->kind));
  cag_cli_json_string (builder, "contact_name", org->contact_name);
  cag_cli_json_string (builder, "email", org->email);
  cag_cli_json_string (builder, "phone", org->phone);
  cag_cli_json_string (builder, "notes", org->notes);
  cag_cli_json_bool (builder, "active", org->active);
  cag_cli_json_string (builder, "charity", cag_charity_to_string (org->charity));
  json_builder_end_object (builder);
}

typedef struct
{
  char *name;
  char *short_name;
  char *region;
  char *kind;
  char *contact;
  char *email;
  char *phone;
  char *notes;
  char *charity;
} OrgOptions;

static void
org_options_clear (OrgOptions *o)
{
  g_free (o->name);
  g_free (o->short_name);
  g_free (o->region);
  g_free (o->kind);
  g_free (o->contact);
  g_free (o->email);
  g_free (o->phone);
  g_free (o->notes);
  g_free (o->charity);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OrgOptions, org_options_clear)

/* Applies the options to ORG; FALSE on an unknown kind or status. */
static gboolean
org_options_apply (const OrgOptions *o,
                   CagOrganization  *org,
                   GError          **error)
{
  if (o->kind != NULL && !cag_org_kind_from_string (o->kind, &org->kind))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("Unknown kind “%s”: use regional, sectoral or network."), o->kind);
      return FALSE;
    }
  if (o->charity != NULL && !cag_charity_from_string (o->charity, &org->charity))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("Unknown charitable status “%s”: use none, pending or registered."),
                   o->charity);
      return FALSE;
    }
  if (o->name != NULL)
    {
      g_free (org->name);
      org->name = g_strdup (o->name);
    }
  replace_text (&org->short_name, o->short_name);
  replace_text (&org->region, o->region);
  replace_text (&org->contact_name, o->contact);
  replace_text (&org->email, o->email);
  replace_text (&org->phone, o->phone);
  replace_text (&org->notes, o->notes);
  return TRUE;
}

#define ORG_ENTRIES(o) \
  { "short", 0, 0, G_OPTION_ARG_STRING, &(o).short_name, N_("Short name"), N_("TEXT") }, \
  { "region", 0, 0, G_OPTION_ARG_STRING, &(o).region, N_("Administrative region"), N_("REGION") }, \
  { "kind", 0, 0, G_OPTION_ARG_STRING, &(o).kind, N_("regional, sectoral or network"), N_("KIND") }, \
  { "contact", 0, 0, G_OPTION_ARG_STRING, &(o).contact, N_("Contact person"), N_("NAME") }, \
  { "email", 0, 0, G_OPTION_ARG_STRING, &(o).email, N_("E-mail address"), N_("ADDRESS") }, \
  { "phone", 0, 0, G_OPTION_ARG_STRING, &(o).phone, N_("Telephone number"), N_("NUMBER") }, \
  { "notes", 0, 0, G_OPTION_ARG_STRING, &(o).notes, N_("Notes"), N_("TEXT") }, \
  { "charity", 0, 0, G_OPTION_ARG_STRING, &(o).charity, \
    N_("Charitable status: none, pending or registered"), N_("STATUS") }

static int
org_add (CagCli *cli, int argc, char **argv)
{
  g_auto(OrgOptions) o = { 0 };
  GOptionEntry entries[] = { ORG_ENTRIES (o), CAG_CLI_JSON_ENTRY (cli), { NULL } };
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("org add NAME"), _("Add a member organization."), entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage (_("“org add” takes exactly one NAME"));
  if (!cag_cli_check_text (argv[1], &error))
    return cag_cli_fail (g_steal_pointer (&error));

  o.name = g_strdup (argv[1]);
  if (!org_options_apply (&o, org, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store (cli, &error);
  if (store == NULL || !cag_store_org_add (store, org, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      build_org (builder, org);
      cag_cli_print_builder (builder);
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, org->id);

      g_print (_("Added the organization “%s” (number %s)."), org->name, id);
      g_print ("\n");
    }
  return 0;
}

static int
org_list (CagCli *cli, int argc, char **argv)
{
  gboolean all = FALSE;
  g_autofree char *search = NULL;
  GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Include inactive organizations"), NULL },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Only names, short names or regions containing TEXT"), N_("TEXT") },
    CAG_CLI_JSON_ENTRY (cli),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, "org list", _("List the member organizations."), entries))
    return 1;
  if (argc > 1)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[1]);

  store = cag_cli_store_existing (cli, &error);
  if (store != NULL)
    orgs = cag_store_org_list (store, search, all, &error);
  if (orgs == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_array (builder);
      for (guint i = 0; i < orgs->len; i++)
        build_org (builder, g_ptr_array_index (orgs, i));
      json_builder_end_array (builder);
      cag_cli_print_builder (builder);
      return 0;
    }

  if (orgs->len == 0)
    {
      g_print ("%s\n", _("No organization yet: add one with “cagnotte-cli org add NAME”."));
      return 0;
    }

  {
    g_autoptr(CagCliTable) table = cag_cli_table_new (all ? 6 : 5, "rlllll");

    cag_cli_table_add_row (table, C_("column", "No."), C_("column", "Name"),
                           C_("column", "Short name"), C_("column", "Region"),
                           C_("column", "Kind"), C_("column", "Status"));
    for (guint i = 0; i < orgs->len; i++)
      {
        CagOrganization *org = g_ptr_array_index (orgs, i);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, org->id);

        cag_cli_table_add_row (table, id, org->name, org->short_name, org->region,
                               cag_org_kind_label (org->kind),
                               org->active ? _("active") : _("inactive"));
      }
    cag_cli_table_print (table);
  }
  return 0;
}

static int
org_edit (CagCli *cli, int argc, char **argv)
{
  g_auto(OrgOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("New name"), N_("NAME") },
    ORG_ENTRIES (o), CAG_CLI_JSON_ENTRY (cli), { NULL }
  };
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("org edit ORG"),
                      _("Change an organization; an empty value clears a field."), entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage (_("“org edit” takes exactly one ORG"));
  if (o.name != NULL && o.name[0] == '\0')
    return cag_cli_fail (g_error_new (CAG_ERROR, CAG_ERROR_INVALID,
                                      _("An organization needs a name.")));
  /* Check the kind and status before opening the database. */
  {
    g_autoptr(CagOrganization) scratch = cag_organization_new ();
    if (!cag_cli_check_text (argv[1], &error) || !org_options_apply (&o, scratch, &error))
      return cag_cli_fail (g_steal_pointer (&error));
  }

  store = cag_cli_store_existing (cli, &error);
  if (store != NULL)
    org = cag_store_org_find (store, argv[1], &error);
  if (org == NULL
      || !org_options_apply (&o, org, &error)
      || !cag_store_org_update (store, org, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      build_org (builder, org);
      cag_cli_print_builder (builder);
    }
  else
    {
      g_print (_("Saved the organization “%s”."), org->name);
      g_print ("\n");
    }
  return 0;
}

static int
org_set_active (CagCli   *cli,
                int       argc,
                char    **argv,
                gboolean  active)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, active ? _("org activate ORG") : _("org deactivate ORG"),
                      active ? _("Make an organization active again.")
                             : _("Hide an organization from lists; its funds are kept."),
                      entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage (_("“org %s” takes exactly one ORG"), argv[0]);
  if (!cag_cli_check_text (argv[1], &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store_existing (cli, &error);
  if (store != NULL)
    org = cag_store_org_find (store, argv[1], &error);
  if (org == NULL || !cag_store_org_set_active (store, org->id, active, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  g_print (active ? _("The organization “%s” is active.")
                  : _("The organization “%s” is inactive."), org->name);
  g_print ("\n");
  return 0;
}

static int
org_deactivate (CagCli *cli, int argc, char **argv)
{
  return org_set_active (cli, argc, argv, FALSE);
}

static int
org_activate (CagCli *cli, int argc, char **argv)
{
  return org_set_active (cli, argc, argv, TRUE);
}

int
cag_cli_cmd_org (CagCli *cli, int argc, char **argv)
{
  static const CagCliSub subs[] = {
    { "add", org_add },
    { "list", org_list },
    { "edit", org_edit },
    { "deactivate", org_deactivate },
    { "activate", org_activate },
  };

  return cag_cli_dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs),
                   "add|list|edit|deactivate|activate");
}

/* ---- campaign ----------------------------------------------------------- */

static void
build_campaign (JsonBuilder       *builder,
                const CagCampaign *campaign)
{
  json_builder_begin_object (builder);
  cag_cli_json_int (builder, "id", campaign->id);
  cag_cli_json_string (builder, "name", campaign->name);
  cag_cli_json_int (builder, "delegation_cost_cents", campaign->delegation_cost_cents);
  cag_cli_json_date (builder, "start", &campaign->start);
  cag_cli_json_date (builder, "deadline", &campaign->deadline);
  cag_cli_json_int (builder, "months",
                  cag_fund_months_total (&campaign->start, &campaign->deadline));
  json_builder_end_object (builder);
}

typedef struct
{
  char *name;
  char *cost;
  char *start;
  char *deadline;
} CampaignOptions;

static void
campaign_options_clear (CampaignOptions *o)
{
  g_free (o->name);
  g_free (o->cost);
  g_free (o->start);
  g_free (o->deadline);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CampaignOptions, campaign_options_clear)

#define CAMPAIGN_ENTRIES(o) \
  { "delegation-cost", 0, 0, G_OPTION_ARG_STRING, &(o).cost, \
    N_("Cost of one delegation"), N_("AMOUNT") }, \
  { "start", 0, 0, G_OPTION_ARG_STRING, &(o).start, \
    N_("First day of saving (YYYY-MM-DD)"), N_("DATE") }, \
  { "deadline", 0, 0, G_OPTION_ARG_STRING, &(o).deadline, \
    N_("Date of the event (YYYY-MM-DD)"), N_("DATE") }

static gboolean
campaign_options_apply (const CampaignOptions *o,
                        CagCampaign           *campaign,
                        GError               **error)
{
  if (!parse_amount (o->cost, CAG_MONEY_POSITIVE, &campaign->delegation_cost_cents, error)
      || !parse_date_option (o->start, &campaign->start, error)
      || !parse_date_option (o->deadline, &campaign->deadline, error))
    return FALSE;
  if (o->name != NULL)
    {
      g_free (campaign->name);
      campaign->name = g_strdup (o->name);
    }
  return TRUE;
}

static void
print_campaign_saved (gboolean           added,
                      const CagCampaign *campaign)
{
  g_autofree char *cost = cag_cli_money (campaign->delegation_cost_cents);
  g_autofree char *start = cag_cli_date (&campaign->start);
  g_autofree char *deadline = cag_cli_date (&campaign->deadline);

  if (added)
    g_print (_("Added the campaign “%s”: %s a delegation, saving from %s to %s."),
             campaign->name, cost, start, deadline);
  else
    g_print (_("Saved the campaign “%s”: %s a delegation, saving from %s to %s."),
             campaign->name, cost, start, deadline);
  g_print ("\n");
}

static int
campaign_add (CagCli *cli, int argc, char **argv)
{
  g_auto(CampaignOptions) o = { 0 };
  GOptionEntry entries[] = { CAMPAIGN_ENTRIES (o), CAG_CLI_JSON_ENTRY (cli), { NULL } };
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("campaign add NAME --delegation-cost AMOUNT --start DATE --deadline DATE"),
                      _("Add a campaign: an event to send delegations to."), entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage (_("“campaign add” takes exactly one NAME"));
  if (o.cost == NULL)
    return cag_cli_usage (_("“campaign add” needs --delegation-cost"));
  if (o.start == NULL)
    return cag_cli_usage (_("“campaign add” needs --start"));
  if (o.deadline == NULL)
    return cag_cli_usage (_("“campaign add” needs --deadline"));
  if (!cag_cli_check_text (argv[1], &error))
    return cag_cli_fail (g_steal_pointer (&error));

  o.name = g_strdup (argv[1]);
  if (!campaign_options_apply (&o, campaign, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store (cli, &error);
  if (store == NULL || !cag_store_campaign_add (store, campaign, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      build_campaign (builder, campaign);
      cag_cli_print_builder (builder);
    }
  else
    print_campaign_saved (TRUE, campaign);
  return 0;
}

static int
campaign_list (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { CAG_CLI_JSON_ENTRY (cli), { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, "campaign list", _("List the campaigns."), entries))
    return 1;
  if (argc > 1)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[1]);

  store = cag_cli_store_existing (cli, &error);
  if (store != NULL)
    campaigns = cag_store_campaign_list (store, &error);
  if (campaigns == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_array (builder);
      for (guint i = 0; i < campaigns->len; i++)
        build_campaign (builder, g_ptr_array_index (campaigns, i));
      json_builder_end_array (builder);
      cag_cli_print_builder (builder);
      return 0;
    }

  if (campaigns->len == 0)
    {
      g_print ("%s\n", _("No campaign yet: add one with “cagnotte-cli campaign add”."));
      return 0;
    }

  {
    g_autoptr(CagCliTable) table = cag_cli_table_new (6, "rlrllr");

    cag_cli_table_add_row (table, C_("column", "No."), C_("column", "Name"),
                           C_("column", "Delegation"), C_("column", "Saving from"),
                           C_("column", "Deadline"), C_("column", "Months"));
    for (guint i = 0; i < campaigns->len; i++)
      {
        CagCampaign *c = g_ptr_array_index (campaigns, i);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
        g_autofree char *cost = cag_cli_money (c->delegation_cost_cents);
        g_autofree char *start = cag_cli_date (&c->start);
        g_autofree char *deadline = cag_cli_date (&c->deadline);
        g_autofree char *months = g_strdup_printf ("%d",
                                                   cag_fund_months_total (&c->start,
                                                                          &c->deadline));

        cag_cli_table_add_row (table, id, c->name, cost, start, deadline, months);
      }
    cag_cli_table_print (table);
  }
  return 0;
}

static int
campaign_edit (CagCli *cli, int argc, char **argv)
{
  g_auto(CampaignOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("New name"), N_("NAME") },
    CAMPAIGN_ENTRIES (o), CAG_CLI_JSON_ENTRY (cli), { NULL }
  };
  g_autoptr(CagCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("campaign edit CAMPAIGN"), _("Change a campaign."), entries))
    return 1;
  if (argc != 2)
    return cag_cli_usage (_("“campaign edit” takes exactly one CAMPAIGN"));
  if (o.name != NULL && o.name[0] == '\0')
    return cag_cli_fail (g_error_new (CAG_ERROR, CAG_ERROR_INVALID,
                                      _("A campaign needs a name.")));
  {
    g_autoptr(CagCampaign) scratch = cag_campaign_new ();
    if (!cag_cli_check_text (argv[1], &error) || !campaign_options_apply (&o, scratch, &error))
      return cag_cli_fail (g_steal_pointer (&error));
  }

  store = cag_cli_store_existing (cli, &error);
  if (store != NULL)
    campaign = cag_store_campaign_find (store, argv[1], &error);
  if (campaign == NULL
      || !campaign_options_apply (&o, campaign, &error)
      || !cag_store_campaign_update (store, campaign, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      build_campaign (builder, campaign);
      cag_cli_print_builder (builder);
    }
  else
    print_campaign_saved (FALSE, campaign);
  return 0;
}

static int
campaign_offer (CagCli *cli, int argc, char **argv)
{
  return cag_cli_campaign_offer (cli, argc, argv);
}

int
cag_cli_cmd_campaign (CagCli *cli, int argc, char **argv)
{
  static const CagCliSub subs[] = {
    { "add", campaign_add },
    { "list", campaign_list },
    { "edit", campaign_edit },
    { "offer", campaign_offer },
  };

  return cag_cli_dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs), "add|list|edit|offer");
}

/* ---- fund --------------------------------------------------------------- */

static void
build_fund (JsonBuilder   *builder,
            const CagFund *fund)
{
  json_builder_begin_object (builder);
  cag_cli_json_int (builder, "id", fund->id);
  cag_cli_json_string (builder, "organization", fund->organization_name);
  cag_cli_json_string (builder, "campaign", fund->campaign_name);
  cag_cli_json_int (builder, "delegations", fund->delegations);
  cag_cli_json_int (builder, "target_cents", fund->target_cents);
  json_builder_set_member_name (builder, "target_override_cents");
  if (fund->target_override_cents > 0)
    json_builder_add_int_value (builder, fund->target_override_cents);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "monthly_override_cents");
  if (fund->monthly_override_cents > 0)
    json_builder_add_int_value (builder, fund->monthly_override_cents);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
print_fund_saved (gboolean       opened,
                  const CagFund *fund)
{
  g_autofree char *target = cag_cli_money (fund->target_cents);

  if (opened)
    g_print (_("Opened the fund of “%s” in “%s”: target %s."),
             fund->organization_name, fund->campaign_name, target);
  else
    g_print (_("Saved the fund of “%s” in “%s”: target %s."),
             fund->organization_name, fund->campaign_name, target);
  g_print ("\n");
}

static int
fund_open (CagCli *cli, int argc, char **argv)
{
  gint delegations = 1;
  g_autofree char *target = NULL;
  g_autofree char *monthly = NULL;
  GOptionEntry entries[] = {
    { "delegations", 0, 0, G_OPTION_ARG_INT, &delegations,
      N_("Number of delegations to fund (default 1)"), N_("N") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target,
      N_("Target, instead of delegations × delegation cost"), N_("AMOUNT") },
    { "monthly", 0, 0, G_OPTION_ARG_STRING, &monthly,
      N_("Planned contribution per month, instead of the target spread evenly"), N_("AMOUNT") },
    CAG_CLI_JSON_ENTRY (cli),
    { NULL }
  };
  g_autoptr(CagFund) fund = cag_fund_new ();
  g_autoptr(CagFund) saved = NULL;
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(CagCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("fund open ORG [CAMPAIGN]"),
                      _("Open the delegation fund of an organization in a campaign."), entries))
    return 1;
  if (argc < 2 || argc > 3)
    return cag_cli_usage (_("“fund open” takes an ORG and a CAMPAIGN"));
  if (!cag_cli_check_text (argv[1], &error)
      || (argc == 3 && !cag_cli_check_text (argv[2], &error))
      || !check_delegations (delegations, &error)
      || !parse_amount (target, CAG_MONEY_POSITIVE, &fund->target_override_cents, &error)
      || !parse_amount (monthly, CAG_MONEY_POSITIVE, &fund->monthly_override_cents, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  fund->delegations = delegations;

  store = cag_cli_store_existing (cli, &error);
  if (store != NULL)
    org = cag_store_org_find (store, argv[1], &error);
  if (org != NULL)
    campaign = cag_cli_find_campaign (store, argc == 3 ? argv[2] : NULL, &error);
  if (campaign == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  fund->organization_id = org->id;
  fund->campaign_id = campaign->id;
  if (!cag_store_fund_open (store, fund, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  /* Read it back for the effective target and the names. */
  saved = cag_store_fund_get (store, fund->id, &error);
  if (saved == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      build_fund (builder, saved);
      cag_cli_print_builder (builder);
    }
  else
    print_fund_saved (TRUE, saved);
  return 0;
}

/* --delegations of `fund edit`: TEXT is NULL when not given; "0" is refused
 * like in `fund open`. */
static gboolean
parse_delegations (const char *text,
                   gint       *out,
                   GError    **error)
{
  g_autofree char *stripped = NULL;
  gint64 n = 0;

  if (text == NULL)
    return TRUE;
  stripped = g_strstrip (g_strdup (text));
  if (!g_ascii_string_to_signed (stripped, 10, G_MININT, G_MAXINT, &n, NULL))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a number of delegations: give a whole number from 1 to 1000."),
                   text);
      return FALSE;
    }
  *out = (gint) n;
  return check_delegations (*out, error);
}

static int
fund_edit (CagCli *cli, int argc, char **argv)
{
  g_autofree char *delegations_text = NULL;
  gint delegations = 0;
  g_autofree char *campaign_key = NULL;
  g_autofree char *target = NULL;
  g_autofree char *monthly = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign_key,
      N_("The campaign, when the organization has several funds"), N_("CAMPAIGN") },
    { "delegations", 0, 0, G_OPTION_ARG_STRING, &delegations_text,
      N_("Number of delegations to fund"), N_("N") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target,
      N_("Target (0: delegations × delegation cost)"), N_("AMOUNT") },
    { "monthly", 0, 0, G_OPTION_ARG_STRING, &monthly,
      N_("Planned contribution per month (0: the target spread evenly)"), N_("AMOUNT") },
    CAG_CLI_JSON_ENTRY (cli),
    { NULL }
  };
  gint64 target_cents = 0;
  gint64 monthly_cents = 0;
  g_autoptr(CagFund) fund = NULL;
  g_autoptr(CagFund) saved = NULL;
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("fund edit ORG [CAMPAIGN]"), _("Change a delegation fund."),
                      entries))
    return 1;
  if (argc < 2 || argc > 3)
    return cag_cli_usage (_("“fund edit” takes an ORG and, if needed, a CAMPAIGN"));
  if (argc == 3 && campaign_key != NULL)
    return cag_cli_usage (_("name the campaign once"));
  if (argc == 3)
    campaign_key = g_strdup (argv[2]);
  if (!cag_cli_check_text (argv[1], &error)
      || !cag_cli_check_text (campaign_key, &error)
      || !parse_delegations (delegations_text, &delegations, &error)
      || !parse_amount (target, CAG_MONEY_ALLOW_ZERO, &target_cents, &error)
      || !parse_amount (monthly, CAG_MONEY_ALLOW_ZERO, &monthly_cents, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store_existing (cli, &error);
  if (store != NULL)
    fund = cag_cli_find_fund (store, argv[1], campaign_key, &error);
  if (fund == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (delegations_text != NULL)
    fund->delegations = delegations;
  if (target != NULL)
    fund->target_override_cents = target_cents;
  if (monthly != NULL)
    fund->monthly_override_cents = monthly_cents;
  if (!cag_store_fund_update (store, fund, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  saved = cag_store_fund_get (store, fund->id, &error);
  if (saved == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      build_fund (builder, saved);
      cag_cli_print_builder (builder);
    }
  else
    print_fund_saved (FALSE, saved);
  return 0;
}

static int
fund_list (CagCli *cli, int argc, char **argv)
{
  g_autofree char *campaign_key = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign_key,
      N_("Only the funds of this campaign"), N_("CAMPAIGN") },
    CAG_CLI_JSON_ENTRY (cli),
    { NULL }
  };
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(CagCampaign) campaign = NULL;
  g_autoptr(GPtrArray) funds = NULL;
  g_autoptr(GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("fund list [ORG]"), _("List the delegation funds."), entries))
    return 1;
  if (argc > 2)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[2]);
  if ((argc == 2 && !cag_cli_check_text (argv[1], &error)) || !cag_cli_check_text (campaign_key, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store_existing (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (argc == 2 && (org = cag_store_org_find (store, argv[1], &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (campaign_key != NULL
      && (campaign = cag_store_campaign_find (store, campaign_key, &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  funds = cag_store_fund_list (store, campaign != NULL ? campaign->id : 0,
                               org != NULL ? org->id : 0, &error);
  if (funds == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_array (builder);
      for (guint i = 0; i < funds->len; i++)
        build_fund (builder, g_ptr_array_index (funds, i));
      json_builder_end_array (builder);
      cag_cli_print_builder (builder);
      return 0;
    }

  if (funds->len == 0)
    {
      g_print ("%s\n", _("No fund yet: open one with “cagnotte-cli fund open ORG CAMPAIGN”."));
      return 0;
    }

  {
    g_autoptr(CagCliTable) table = cag_cli_table_new (6, "rllrrr");

    cag_cli_table_add_row (table, C_("column", "No."), C_("column", "Organization"),
                           C_("column", "Campaign"), C_("column", "Delegations"),
                           C_("column", "Target"), C_("column", "Planned a month"));
    for (guint i = 0; i < funds->len; i++)
      {
        CagFund *f = g_ptr_array_index (funds, i);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->id);
        g_autofree char *n = g_strdup_printf ("%d", f->delegations);
        g_autofree char *target = cag_cli_money (f->target_cents);
        g_autofree char *name = cag_cli_org_label (f->organization_name, NULL);
        g_autofree char *monthly = NULL;
        g_autoptr(CagCampaign) c = cag_store_campaign_get (store, f->campaign_id, NULL);

        /* docs/RULES.md: the target spread evenly over the campaign's months,
         * unless the fund sets its own. */
        if (f->monthly_override_cents > 0)
          monthly = cag_cli_money (f->monthly_override_cents);
        else if (c != NULL)
          monthly = cag_cli_money (cag_div_ceil (f->target_cents,
                                                 cag_fund_months_total (&c->start,
                                                                        &c->deadline)));
        cag_cli_table_add_row (table, id, name, f->campaign_name, n, target, monthly);
      }
    cag_cli_table_print (table);
  }
  return 0;
}

int
cag_cli_cmd_fund (CagCli *cli, int argc, char **argv)
{
  static const CagCliSub subs[] = {
    { "open", fund_open },
    { "edit", fund_edit },
    { "list", fund_list },
  };

  return cag_cli_dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs), "open|edit|list");
}
