/* cag-cli-status.c — `cagnotte-cli status`: where each fund stands, as
 * docs/RULES.md's fund rules define it, in words for one organization, as a
 * table for many, or as JSON.
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

/* "27,7 %" in French, "27.7%" in English, from tenths of a percent. */
static char *
format_percent (gint tenths)
{
  if (cag_i18n_get_language () == CAG_LANG_FR)
    return g_strdup_printf ("%d,%d\u00A0%%", tenths / 10, tenths % 10);
  return g_strdup_printf ("%d.%d%%", tenths / 10, tenths % 10);
}

static void
build_status (JsonBuilder         *builder,
              const CagFundStatus *status,
              const CagDate       *as_of)
{
  const CagFundFigures *f = &status->figures;
  g_autofree char *as_of_iso = cag_date_to_iso (as_of);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "organization");
  json_builder_add_string_value (builder, status->organization_name);
  json_builder_set_member_name (builder, "campaign");
  json_builder_add_string_value (builder, status->campaign_name);
  cag_cli_json_int (builder, "target_cents", f->target_cents);
  cag_cli_json_int (builder, "saved_cents", f->saved_cents);
  cag_cli_json_int (builder, "matched_cents", f->matched_cents);
  /* One decimal, as docs/RULES.md states it, printed exactly ("27.7");
   * percent_tenths is the same value as an integer. */
  cag_cli_json_tenths (builder, "percent", f->percent_tenths);
  cag_cli_json_int (builder, "percent_tenths", f->percent_tenths);
  cag_cli_json_int (builder, "planned_monthly_cents", f->planned_monthly_cents);
  cag_cli_json_int (builder, "expected_cents", f->expected_cents);
  cag_cli_json_int (builder, "arrears_cents", f->arrears_cents);
  cag_cli_json_int (builder, "surplus_cents", f->surplus_cents);
  cag_cli_json_int (builder, "remaining_cents", f->remaining_cents);
  cag_cli_json_int (builder, "months_left", f->months_left);
  cag_cli_json_int (builder, "monthly_needed_cents", f->monthly_needed_cents);
  cag_cli_json_int (builder, "paid_this_month_cents", f->paid_this_month_cents);
  json_builder_set_member_name (builder, "month_state");
  json_builder_add_string_value (builder, cag_month_state_to_string (f->month_state));
  json_builder_set_member_name (builder, "projected_completion");
  if (f->has_projection)
    {
      g_autofree char *month = cag_month_to_iso (f->projected_month);
      json_builder_add_string_value (builder, month);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "projection_late");
  json_builder_add_boolean_value (builder, f->has_projection && f->projection_late);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, cag_fund_state_to_string (f->state));
  cag_cli_json_int (builder, "fund_id", status->fund_id);
  cag_cli_json_int (builder, "organization_id", status->organization_id);
  cag_cli_json_int (builder, "campaign_id", status->campaign_id);
  cag_cli_json_int (builder, "delegations", status->delegations);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, as_of_iso);
  json_builder_end_object (builder);
}

/* A label and its value, as one row of the detail table. */
static void
add_detail (CagCliTable *table,
            const char  *label,
            const char  *value)
{
  g_autofree char *with_colon = NULL;

  /* TRANSLATORS: a label before its value; French puts a space before ":". */
  with_colon = g_strdup_printf (_("%s:"), label);
  cag_cli_table_add_row (table, with_colon, value);
}

/* A text progress bar that stops at 100 % (the surplus is said beside). */
static char *
progress_bar (gint percent_tenths)
{
  const gint width = 20;
  gint full = MIN (percent_tenths, 1000) * width / 1000;
  GString *bar = g_string_new ("[");

  for (gint i = 0; i < width; i++)
    g_string_append (bar, i < full ? "█" : "░");
  g_string_append (bar, "]");
  return g_string_free (bar, FALSE);
}

/* The state in one word for tables, in the same words as describe_state. */
static const char *
state_word (CagFundState state)
{
  switch (state)
    {
    case CAG_FUND_COMPLETE:
      return _("complete");
    case CAG_FUND_ON_TRACK:
      return _("on track");
    case CAG_FUND_BEHIND:
      return _("behind");
    case CAG_FUND_NOT_STARTED:
    default:
      return _("not started");
    }
}

static char *
describe_state (const CagFundFigures *f)
{
  g_autofree char *amount = NULL;

  switch (f->state)
    {
    case CAG_FUND_COMPLETE:
      if (f->surplus_cents > 0)
        {
          amount = cag_cli_money (f->surplus_cents);
          return g_strdup_printf (_("complete, %s over the target"), amount);
        }
      return g_strdup (_("complete"));
    case CAG_FUND_ON_TRACK:
      return g_strdup (_("on track"));
    case CAG_FUND_BEHIND:
      amount = cag_cli_money (f->arrears_cents);
      return g_strdup_printf (_("behind by %s"), amount);
    case CAG_FUND_NOT_STARTED:
    default:
      return g_strdup (_("not started"));
    }
}

static char *
describe_month (const CagFundFigures *f)
{
  g_autofree char *paid = cag_cli_money (f->paid_this_month_cents);
  g_autofree char *needed = cag_cli_money (f->monthly_needed_cents);

  switch (f->month_state)
    {
    case CAG_MONTH_PAID:
      return g_strdup_printf (_("%s paid, this month is covered"), paid);
    case CAG_MONTH_PARTIAL:
      return g_strdup_printf (_("%s paid of %s needed"), paid, needed);
    case CAG_MONTH_DUE:
      return g_strdup_printf (_("nothing paid yet, %s due"), needed);
    case CAG_MONTH_NONE:
    default:
      if (f->paid_this_month_cents > 0)
        return g_strdup_printf (_("%s paid, nothing needed"), paid);
      return g_strdup (_("nothing needed"));
    }
}

static void
print_one (const CagFundStatus *status,
           const CagCampaign   *campaign,
           const CagDate       *as_of)
{
  const CagFundFigures *f = &status->figures;
  g_autoptr(CagCliTable) table = cag_cli_table_new (2, "ll");
  g_autofree char *when = cag_cli_date (as_of);
  g_autofree char *target = cag_cli_money (f->target_cents);
  g_autofree char *target_line = NULL;
  g_autofree char *saved = cag_cli_money (f->saved_cents);
  g_autofree char *percent = format_percent (f->percent_tenths);
  g_autofree char *saved_line = NULL;
  g_autofree char *bar = NULL;
  g_autofree char *expected = cag_cli_money (f->expected_cents);
  g_autofree char *planned = cag_cli_money (f->planned_monthly_cents);
  g_autofree char *expected_line = NULL;
  g_autofree char *state = describe_state (f);
  g_autofree char *month = describe_month (f);
  g_autofree char *remaining = cag_cli_money (f->remaining_cents);
  g_autofree char *needed = cag_cli_money (f->monthly_needed_cents);
  g_autofree char *deadline_month = cag_cli_month (cag_month_index (&campaign->deadline));
  g_autofree char *deadline = cag_cli_date (&campaign->deadline);

  g_print ("%s — %s\n", status->organization_name, status->campaign_name);
  g_print (_("As of %s"), when);
  g_print ("\n\n");

  target_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d delegation)",
                                              "%s (%d delegations)", status->delegations),
                                 target, status->delegations);
  bar = progress_bar (f->percent_tenths);
  saved_line = g_strdup_printf ("%s %s %s", saved, bar, percent);
  expected_line = g_strdup_printf (_("%s (planned: %s a month)"), expected, planned);

  add_detail (table, _("Target"), target_line);
  add_detail (table, _("Saved"), f->matched_cents > 0 ? saved : saved_line);
  if (f->matched_cents > 0)
    {
      g_autofree char *matched = cag_cli_money (f->matched_cents);
      g_autofree char *matched_line = g_strdup_printf ("%s %s %s", matched, bar, percent);
      add_detail (table, _("Matched by funders"), matched_line);
    }
  add_detail (table, _("Expected by now"), expected_line);
  add_detail (table, _("State"), state);
  add_detail (table, _("This month"), month);
  cag_cli_table_print_plain (table);
  g_print ("\n");

  if (f->remaining_cents == 0)
    g_print ("%s", _("The target is reached."));
  else if (f->months_left > 0)
    /* TRANSLATORS: "3 250,00 $ still to raise: 135,42 $ a month until June 2006." */
    g_print (_("%s still to raise: %s a month until %s."), remaining, needed, deadline_month);
  else
    g_print (_("%s still to raise, due now (deadline: %s)."), remaining, deadline);
  g_print ("\n");

  if (f->remaining_cents > 0)
    {
      if (f->has_projection)
        {
          g_autofree char *projected = cag_cli_month (f->projected_month);

          if (f->projection_late)
            g_print (_("At the pace of recent months, the target would be reached in %s, after the deadline."),
                     projected);
          else
            g_print (_("At the pace of recent months, the target will be reached in %s."),
                     projected);
          g_print ("\n");
        }
      else if (f->months_elapsed > 0)
        g_print ("%s\n", _("Nothing was paid in recent months: no completion date can be projected."));
    }
}

static void
print_table (GPtrArray     *statuses,
             const CagDate *as_of)
{
  g_autoptr(CagCliTable) table = NULL;
  g_autofree char *when = cag_cli_date (as_of);
  CagNetworkTotals totals = { 0 };
  gboolean one_campaign = TRUE;

  /* With a single campaign, name it once above the table. */
  for (guint i = 1; i < statuses->len; i++)
    {
      CagFundStatus *a = g_ptr_array_index (statuses, 0);
      CagFundStatus *b = g_ptr_array_index (statuses, i);
      if (a->campaign_id != b->campaign_id)
        one_campaign = FALSE;
    }
  if (one_campaign)
    {
      CagFundStatus *first = g_ptr_array_index (statuses, 0);
      g_print ("%s — ", first->campaign_name);
    }
  g_print (_("As of %s"), when);
  g_print ("\n\n");

  table = one_campaign ? cag_cli_table_new (7, "lrrrlrl") : cag_cli_table_new (8, "llrrrlrl");
  if (one_campaign)
    cag_cli_table_add_row (table, C_("column", "Organization"),
                           C_("column", "Saved"), C_("column", "Target"), C_("column", "%"),
                           C_("column", "State"), C_("column", "Needed a month"),
                           C_("column", "This month"));
  else
    cag_cli_table_add_row (table, C_("column", "Organization"), C_("column", "Campaign"),
                           C_("column", "Saved"), C_("column", "Target"), C_("column", "%"),
                           C_("column", "State"), C_("column", "Needed a month"),
                           C_("column", "This month"));
  for (guint i = 0; i < statuses->len; i++)
    {
      CagFundStatus *s = g_ptr_array_index (statuses, i);
      const CagFundFigures *f = &s->figures;
      g_autofree char *saved = cag_cli_money (f->saved_cents + f->matched_cents);
      g_autofree char *target = cag_cli_money (f->target_cents);
      g_autofree char *percent = format_percent (f->percent_tenths);
      g_autofree char *needed = cag_cli_money (f->monthly_needed_cents);
      g_autofree char *name = cag_cli_org_label (s->organization_name,
                                                 s->organization_short_name);
      const char *state = state_word (f->state);
      const char *month = cag_month_state_label (f->month_state);

      if (one_campaign)
        cag_cli_table_add_row (table, name, saved, target, percent, state,
                               f->remaining_cents > 0 ? needed : "", month);
      else
        cag_cli_table_add_row (table, name, s->campaign_name, saved, target, percent, state,
                               f->remaining_cents > 0 ? needed : "", month);
    }
  cag_cli_table_print (table);

  cag_network_totals_compute (statuses, &totals);
  {
    g_autoptr(CagCliTable) sums = cag_cli_table_new (2, "ll");
    g_autofree char *saved = cag_cli_money (totals.saved_cents + totals.matched_cents);
    g_autofree char *target = cag_cli_money (totals.target_cents);
    g_autofree char *saved_line = g_strdup_printf (_("%s of %s"), saved, target);
    g_autofree char *delegations = g_strdup_printf (_("%d of %d"), totals.delegations_funded,
                                                    totals.delegations_planned);
    g_autofree char *behind = g_strdup_printf (_("%d of %d"), totals.funds_behind,
                                               totals.funds);
    g_autofree char *needed = cag_cli_money (totals.monthly_needed_cents);

    g_print ("\n");
    add_detail (sums, _("Saved in all"), saved_line);
    add_detail (sums, _("Delegations fully funded"), delegations);
    add_detail (sums, _("Funds behind"), behind);
    add_detail (sums, _("Needed this month, all funds"), needed);
    cag_cli_table_print_plain (sums);
  }
}

/* ---- status ------------------------------------------------------------- */

int
cag_cli_cmd_status (CagCli *cli, int argc, char **argv)
{
  g_autofree char *campaign_key = NULL;
  g_autofree char *as_of_text = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign_key,
      N_("Only the funds of this campaign"), N_("CAMPAIGN") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Figures as of this date (YYYY-MM-DD; default today)"), N_("DATE") },
    CAG_CLI_JSON_ENTRY (cli),
    { NULL }
  };
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(CagCampaign) campaign = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  CagDate as_of;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("status [ORG]"),
                      _("Where each fund stands: saved, expected, behind or on track, what is still needed each month."),
                      entries))
    return 1;
  if (argc > 2)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[2]);
  if (argc == 2 && !g_utf8_validate (argv[1], -1, NULL))
    return cag_cli_fail (g_error_new (CAG_ERROR, CAG_ERROR_INVALID,
                                      _("The text “%s” is not valid UTF-8."), argv[1]));
  if (!cag_cli_parse_date (as_of_text, &as_of, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store_existing (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (argc == 2 && (org = cag_store_org_find (store, argv[1], &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (campaign_key != NULL
      && (campaign = cag_store_campaign_find (store, campaign_key, &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  statuses = cag_store_status_list (store, campaign != NULL ? campaign->id : 0,
                                    org != NULL ? org->id : 0, &as_of, &error);
  if (statuses == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (org != NULL && statuses->len == 0)
    {
      if (campaign != NULL)
        return cag_cli_fail (g_error_new (CAG_ERROR, CAG_ERROR_NOT_FOUND,
                                          _("“%s” has no fund in “%s”: open one with “cagnotte-cli fund open”."),
                                          org->name, campaign->name));
      return cag_cli_fail (g_error_new (CAG_ERROR, CAG_ERROR_NOT_FOUND,
                                        _("“%s” has no fund yet: open one with “cagnotte-cli fund open”."),
                                        org->name));
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < statuses->len; i++)
        build_status (builder, g_ptr_array_index (statuses, i), &as_of);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cag_cli_print_json (root);
      return 0;
    }

  if (statuses->len == 0)
    {
      g_print ("%s\n", _("No fund yet: open one with “cagnotte-cli fund open ORG CAMPAIGN”."));
      return 0;
    }

  if (org != NULL)
    {
      for (guint i = 0; i < statuses->len; i++)
        {
          CagFundStatus *s = g_ptr_array_index (statuses, i);
          g_autoptr(CagCampaign) c = cag_store_campaign_get (store, s->campaign_id, &error);

          if (c == NULL)
            return cag_cli_fail (g_steal_pointer (&error));
          if (i > 0)
            g_print ("\n");
          print_one (s, c, &as_of);
        }
      return 0;
    }

  print_table (statuses, &as_of);
  return 0;
}
