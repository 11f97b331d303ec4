/* cag-cli-budget-show.c — "cagnotte-cli budget show": the pro-forma as a
 * table in the UI language, or as JSON (the shape is in docs/BUDGETS.md).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-budget.h"
#include "cag-cli-budget.h"
#include "cag-cli-private.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-proforma-explain.h"

/* Funder names longer than this are cut in the table's header. */
#define HEADER_MAX 20

static void
build_balanced_lines (JsonBuilder               *b,
                      const CagProforma         *p,
                      const CagProformaBalanced *bal)
{
  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (guint l = 0; l < bal->n_lines; l++)
    {
      const CagProformaBalancedLine *bl = &bal->lines[l];

      json_builder_begin_object (b);
      cag_cli_budget_add_string (b, "code", p->lines[l].code);
      cag_cli_budget_add_int (b, "amount_cents", bl->amount_cents);
      cag_cli_budget_add_int (b, "partner_cash_cents", bl->partner_cash_cents);
      cag_cli_budget_add_int (b, "partner_in_kind_cents", bl->partner_in_kind_cents);
      cag_cli_budget_add_int (b, "to_secure_cents", bl->to_secure_cents);
      json_builder_set_member_name (b, "funders");
      json_builder_begin_array (b);
      for (guint o = 0; o < bal->n_offers; o++)
        {
          json_builder_begin_object (b);
          cag_cli_budget_add_string (b, "funder", p->offers[o].funder_name);
          cag_cli_budget_add_int (b, "requested_cents", bl->requested_cents[o]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      cag_cli_budget_add_int (b, "funders_cents", bl->funders_cents);
      cag_cli_budget_add_int (b, "other_sources_cents", bl->other_sources_cents);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The balanced view (docs/BUDGETS.md, "The balanced pro-forma"). */
static void
build_balanced (JsonBuilder            *b,
                const CagProformaInput *in,
                const CagProforma      *p)
{
  g_autoptr (CagProformaBalanced) bal = cag_proforma_balance (in, p);

  json_builder_set_member_name (b, "balanced");
  json_builder_begin_object (b);
  cag_cli_budget_add_string (b, "currency", "CAD");
  build_balanced_lines (b, p, bal);

  json_builder_set_member_name (b, "funders");
  json_builder_begin_array (b);
  for (guint o = 0; o < bal->n_offers; o++)
    {
      json_builder_begin_object (b);
      cag_cli_budget_add_string (b, "funder", p->offers[o].funder_name);
      cag_cli_budget_add_int (b, "requested_cents", bal->requested_cents[o]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "pledges");
  json_builder_begin_array (b);
  for (guint i = 0; i < bal->n_pledges; i++)
    {
      const CagPledge *pl = in->pledges->pdata[i];

      json_builder_begin_object (b);
      cag_cli_budget_add_string (b, "partner", pl->partner_name);
      cag_cli_budget_add_string (b, "line", pl->line_code);
      cag_cli_budget_add_string (b, "kind", cag_pledge_kind_to_string (pl->kind));
      cag_cli_budget_add_string (b, "status", cag_pledge_status_to_string (pl->status));
      cag_cli_budget_add_string (b, "basis", pl->basis);
      cag_cli_budget_add_int (b, "amount_cents", pl->amount_cents);
      cag_cli_budget_add_int (b, "counted_cents", bal->pledge_counted_cents[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  cag_cli_budget_add_int (b, "expenses_cents", bal->amount_cents);
  cag_cli_budget_add_int (b, "partner_cash_cents", bal->partner_cash_cents);
  cag_cli_budget_add_int (b, "partner_in_kind_cents", bal->partner_in_kind_cents);
  cag_cli_budget_add_int (b, "to_secure_cents", bal->to_secure_cents);
  cag_cli_budget_add_int (b, "funders_cents", bal->funders_cents);
  cag_cli_budget_add_int (b, "other_sources_cents", bal->other_sources_cents);
  cag_cli_budget_add_int (b, "revenues_cents", bal->revenues_cents);
  cag_cli_budget_add_int (b, "secured_cents", bal->secured_cents);
  cag_cli_budget_add_int (b, "intended_cents", bal->intended_cents);
  cag_cli_budget_add_int (b, "sought_cents", bal->sought_cents);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
build_proforma (JsonBuilder            *b,
                const CagBudget        *budget,
                const CagProformaInput *in,
                const CagProforma      *p)
{
  json_builder_begin_object (b);
  cag_cli_budget_add_string (b, "budget", budget->name);
  cag_cli_budget_add_int (b, "version", budget->version);
  cag_cli_budget_add_string (b, "status", cag_budget_status_to_string (budget->status));

  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (guint l = 0; l < p->n_lines; l++)
    {
      const CagProformaLine *pl = &p->lines[l];

      json_builder_begin_object (b);
      cag_cli_budget_add_string (b, "code", pl->code);
      cag_cli_budget_add_string (b, "label", pl->label);
      cag_cli_budget_add_int (b, "amount_cents", pl->amount_cents);
      cag_cli_budget_add_int (b, "partner_cash_cents", pl->partner_cash_cents);
      cag_cli_budget_add_int (b, "partner_in_kind_cents", pl->partner_in_kind_cents);
      json_builder_set_member_name (b, "funders");
      json_builder_begin_array (b);
      for (guint o = 0; o < p->n_offers; o++)
        {
          json_builder_begin_object (b);
          cag_cli_budget_add_string (b, "funder", p->offers[o].funder_name);
          cag_cli_budget_add_int (b, "given_cents", pl->shares[o].given_cents);
          cag_cli_budget_add_int (b, "base_used_cents", pl->shares[o].base_used_cents);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      cag_cli_budget_add_int (b, "funded_cents", pl->funded_cents);
      cag_cli_budget_add_int (b, "gap_cents", pl->gap_cents);
      cag_cli_budget_add_int (b, "partner_needed_cents", pl->partner_needed_cents);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "funders");
  json_builder_begin_array (b);
  for (guint o = 0; o < p->n_offers; o++)
    {
      g_autofree char *ratio = cag_cli_budget_ratio_text (p->offers[o].num, p->offers[o].den);

      json_builder_begin_object (b);
      cag_cli_budget_add_string (b, "funder", p->offers[o].funder_name);
      cag_cli_budget_add_string (b, "ratio", ratio);
      cag_cli_budget_add_int (b, "requested_cents", p->offers[o].requested_cents);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  cag_cli_budget_add_int (b, "amount_cents", p->amount_cents);
  cag_cli_budget_add_int (b, "partner_cents", p->partner_cents);
  cag_cli_budget_add_int (b, "matched_cents", p->matched_cents);
  cag_cli_budget_add_int (b, "funded_cents", p->funded_cents);
  cag_cli_budget_add_int (b, "gap_cents", p->gap_cents);
  cag_cli_budget_add_int (b, "partner_needed_cents", p->partner_needed_cents);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->warnings->len; i++)
    {
      const CagProformaWarning *w = p->warnings->pdata[i];

      json_builder_begin_object (b);
      cag_cli_budget_add_string (b, "kind", cag_proforma_warning_kind_to_string (w->kind));
      cag_cli_budget_add_string (b, "funder", w->funder);
      cag_cli_budget_add_string (b, "line", w->line);
      cag_cli_budget_add_string (b, "message", w->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  build_balanced (b, in, p);
  json_builder_end_object (b);
}

static char *
offer_terms (const CagBudgetOffer *offer,
             const CagProformaOffer *po)
{
  g_autoptr (GString) s = g_string_new (NULL);

  g_string_append_printf (s, "%d:%d", offer->num, offer->den);
  if (offer->lines != NULL)
    {
      g_autofree char *codes = g_strjoinv (", ", offer->lines);

      g_string_append (s, " · ");
      g_string_append_printf (s, _("lines %s"), codes);
    }
  if (offer->cash_only)
    {
      g_string_append (s, " · ");
      g_string_append (s, _("cash only"));
    }
  if (offer->cap_cents > 0)
    {
      g_autofree char *a = cag_cli_budget_money (offer->cap_cents);

      g_string_append (s, " · ");
      g_string_append_printf (s, _("cap %s"), a);
    }
  if (offer->min_base_cents > 0)
    {
      g_autofree char *a = cag_cli_budget_money (offer->min_base_cents);

      g_string_append (s, " · ");
      g_string_append_printf (s, _("minimum base %s"), a);
      if (!po->active)
        {
          g_string_append (s, " ");
          g_string_append (s, _("(not reached)"));
        }
    }
  if (offer->max_share_bp > 0)
    {
      g_autofree char *pct = NULL;

      if (offer->max_share_bp % 100 == 0)
        pct = g_strdup_printf ("%d", offer->max_share_bp / 100);
      else
        pct = g_strdup_printf ("%d%c%02d", offer->max_share_bp / 100,
                               cag_i18n_get_language () == CAG_LANG_FR ? ',' : '.',
                               offer->max_share_bp % 100);
      g_string_append (s, " · ");
      /* TRANSLATORS: %s is a percentage such as "95"; French puts a space
       * before the % sign. */
      g_string_append_printf (s, _("at most %s%% of its lines"), pct);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
add_row (GPtrArray  *rows,
         const char *source,
         gint64      cents)
{
  char **row = g_new0 (char *, 3);

  row[0] = g_strdup (source);
  row[1] = cag_cli_budget_money (cents);
  g_ptr_array_add (rows, row);
}

/* The balanced view under the coordinator's (docs/BUDGETS.md, "The
 * balanced pro-forma"). */
static void
print_balanced (const CagProformaInput *in,
                const CagProforma      *p)
{
  g_autoptr (CagProformaBalanced) b = cag_proforma_balance (in, p);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *secured = cag_cli_budget_money (b->secured_cents);
  g_autofree char *sought = cag_cli_budget_money (b->sought_cents);
  char **row;

  g_print ("\n%s\n", _("Balanced, as the funders read it (in Canadian dollars):"));
  row = g_new0 (char *, 3);
  row[0] = g_strdup (C_("column", "Revenues"));
  row[1] = g_strdup (C_("column", "Amount"));
  g_ptr_array_add (rows, row);
  add_row (rows, _("Partner pledges"), b->partner_cash_cents + b->partner_in_kind_cents);
  if (b->to_secure_cents > 0)
    add_row (rows, _("Partner contributions still to be secured"), b->to_secure_cents);
  for (guint o = 0; o < b->n_offers; o++)
    if (b->requested_cents[o] > 0)
      add_row (rows, p->offers[o].funder_name, b->requested_cents[o]);
  if (b->other_sources_cents > 0)
    add_row (rows, _("Other sources being sought"), b->other_sources_cents);
  add_row (rows, _("Total revenues"), b->revenues_cents);
  add_row (rows, _("Total expenses"), b->amount_cents);
  cag_cli_budget_print_table (rows, "lr", FALSE);
  /* TRANSLATORS: under the balanced view of "budget show". */
  g_print (_("Secured: %s; still sought: %s."), secured, sought);
  g_print ("\n");
}

static void
print_proforma (const CagBudget        *budget,
                const CagProformaInput *in,
                const CagProforma      *p)
{
  CagLang lang = cag_i18n_get_language ();
  g_autofree char *s = cag_date_format (&budget->start, lang);
  g_autofree char *e = cag_date_format (&budget->end, lang);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *align = NULL;
  guint ncol = 8 + p->n_offers, c;
  char **row;

  g_print (_("Pro-forma budget “%s” — version %d (%s)"), budget->name, budget->version,
           cag_budget_status_label (budget->status));
  g_print ("\n");
  g_print (_("Period: %s to %s"), s, e);
  g_print ("\n");
  if (budget->version < budget->latest_version)
    {
      g_print (_("(Version %d is the latest.)"), budget->latest_version);
      g_print ("\n");
    }
  g_print ("\n");

  if (p->n_lines == 0)
    {
      g_print ("%s\n",
               _("This budget has no lines yet: add one with “cagnotte-cli budget line add”."));
      return;
    }

  align = g_strnfill (ncol, 'r');
  align[0] = 'l';

  row = g_new0 (char *, ncol + 1);
  c = 0;
  row[c++] = g_strdup (C_("column", "Line"));
  row[c++] = g_strdup (C_("column", "Amount"));
  row[c++] = g_strdup (C_("column", "Partner cash"));
  row[c++] = g_strdup (C_("column", "Partner in kind"));
  for (guint o = 0; o < p->n_offers; o++)
    row[c++] = cag_cli_budget_cut_text (p->offers[o].funder_name, HEADER_MAX);
  row[c++] = g_strdup (C_("column", "Funded"));
  row[c++] = g_strdup (C_("column", "Gap"));
  row[c++] = g_strdup (C_("column", "Partners needed"));
  g_ptr_array_add (rows, row);

  for (guint l = 0; l <= p->n_lines; l++)
    {
      gboolean total = l == p->n_lines;
      const CagProformaLine *pl = total ? NULL : &p->lines[l];

      row = g_new0 (char *, ncol + 1);
      c = 0;
      row[c++] = total ? g_strdup (C_("row", "Total")) : g_strdup (pl->code);
      row[c++] = cag_cli_budget_money (total ? p->amount_cents : pl->amount_cents);
      row[c++] = cag_cli_budget_money (total ? p->partner_cash_cents : pl->partner_cash_cents);
      row[c++] = cag_cli_budget_money (total ? p->partner_in_kind_cents
                                             : pl->partner_in_kind_cents);
      for (guint o = 0; o < p->n_offers; o++)
        row[c++] = cag_cli_budget_money (total ? p->offers[o].requested_cents
                                               : pl->shares[o].given_cents);
      row[c++] = cag_cli_budget_money (total ? p->funded_cents : pl->funded_cents);
      row[c++] = cag_cli_budget_money (total ? p->gap_cents : pl->gap_cents);
      row[c++] = cag_cli_budget_money (total ? p->partner_needed_cents : pl->partner_needed_cents);
      g_ptr_array_add (rows, row);
    }
  cag_cli_budget_print_table (rows, align, TRUE);

  g_print ("\n%s\n", _("Lines:"));
  for (guint l = 0; l < p->n_lines; l++)
    g_print ("  %s  %s\n", p->lines[l].code, p->lines[l].label);

  if (p->n_offers > 0)
    {
      g_autoptr (GPtrArray) frows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_print ("\n%s\n", _("Funders (highest ratio first):"));
      row = g_new0 (char *, 5);
      row[0] = g_strdup (C_("column", "Funder"));
      row[1] = g_strdup (C_("column", "Terms"));
      row[2] = g_strdup (C_("column", "Base used"));
      row[3] = g_strdup (C_("column", "Requested"));
      g_ptr_array_add (frows, row);
      for (guint r = 0; r < p->n_offers; r++)
        for (guint o = 0; o < p->n_offers; o++)
          if (p->offers[o].rank == r)
            {
              row = g_new0 (char *, 5);
              row[0] = g_strdup (p->offers[o].funder_name);
              row[1] = offer_terms (in->offers->pdata[o], &p->offers[o]);
              row[2] = cag_cli_budget_money (p->offers[o].base_used_cents);
              row[3] = cag_cli_budget_money (p->offers[o].requested_cents);
              g_ptr_array_add (frows, row);
            }
      cag_cli_budget_print_table (frows, "llrr", FALSE);
    }

  if (in->pledges->len > 0)
    {
      g_autoptr (GPtrArray) prow = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_print ("\n%s\n", _("Partner pledges:"));
      row = g_new0 (char *, 8);
      row[0] = g_strdup (C_("column", "No."));
      row[1] = g_strdup (C_("column", "Partner"));
      row[2] = g_strdup (C_("column", "Line"));
      row[3] = g_strdup (C_("column", "Kind"));
      row[4] = g_strdup (C_("column", "Amount"));
      row[5] = g_strdup (C_("column", "Status"));
      row[6] = g_strdup (C_("column", "Valuation basis"));
      g_ptr_array_add (prow, row);
      for (guint i = 0; i < in->pledges->len; i++)
        {
          const CagPledge *pl = in->pledges->pdata[i];

          row = g_new0 (char *, 8);
          row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, pl->id);
          row[1] = cag_cli_budget_cut_label (pl->partner_name);
          row[2] = g_strdup (pl->line_code);
          row[3] = g_strdup (cag_pledge_kind_label (pl->kind));
          row[4] = cag_cli_budget_money (pl->amount_cents);
          row[5] = g_strdup (cag_pledge_status_label (pl->status));
          row[6] = cag_cli_budget_cut_label (pl->basis);
          g_ptr_array_add (prow, row);
        }
      cag_cli_budget_print_table (prow, "rlllrll", FALSE);
    }

  print_balanced (in, p);

  if (p->warnings->len > 0)
    {
      g_print ("\n");
      for (guint i = 0; i < p->warnings->len; i++)
        {
          const CagProformaWarning *w = p->warnings->pdata[i];

          /* TRANSLATORS: a warning line under the pro-forma table. */
          g_print (_("Warning: %s"), w->message);
          g_print ("\n");
        }
    }
}

int
cag_cli_budget_show (CagCli *cli, int argc, char **argv)
{
  gint version = 0;
  gboolean explain = FALSE;
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &version,
      N_("Show this version (default: the latest)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of text"), NULL },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain,
      N_("Also explain each funder's amount on each line, the gaps and the amounts to raise"),
      NULL },
    { NULL }
  };
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (CagProformaInput) in = NULL;
  g_autoptr (CagProforma) p = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store = NULL;

  if (!cag_cli_parse (&argc, &argv, _("budget show BUDGET [--version N] [--json] [--explain]"),
                      _("Show the pro-forma: per line, partner pledges, what each funder "
                        "gives, the gap and the partner amount needed to close it."), entries)
      || !cag_cli_budget_check_args (argc, argv, 1, _("budget show BUDGET")))
    return 1;
  if (version < 0)
    return cag_cli_usage (_("--version needs a version number (1, 2, …)"));
  if (explain && cli->json)
    return cag_cli_usage (_("--explain prints sentences: use it without --json"));

  budget = cag_cli_budget_find_budget (cli, argv[1], version, &store, &error);
  if (budget == NULL
      || (in = cag_budget_load (store, budget->id, budget->version, &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  p = cag_proforma_compute (in);

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      build_proforma (b, budget, in, p);
      cag_cli_budget_print_builder (b);
    }
  else
    print_proforma (budget, in, p);
  /* The reasoning behind the figures (docs/BUDGETS.md, "Explaining the
   * figures"). */
  if (explain)
    {
      g_autofree char *text = cag_proforma_explain_text (in, p);

      g_print ("\n%s", text);
    }
  return 0;
}

