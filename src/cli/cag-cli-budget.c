/* cag-cli-budget.c — cagnotte-cli's funder, budget and campaign offer
 * commands (issue 4): the coordinator's pro-forma from the command line.
 *
 * Every command checks its input before it opens the database, so a refused
 * command leaves the file as it was.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-budget.h"
#include "cag-cli-private.h"
#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"

#define LABEL_MAX 48
#define HEADER_MAX 20

typedef struct
{
  const char    *name;
  CagCliCommand  run;
} Sub;

/* ---- Helpers ------------------------------------------------------------ */

static int
dispatch (CagCli     *cli,
          int         argc,
          char      **argv,
          const Sub  *subs,
          gsize       n_subs,
          const char *choices)
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

static gboolean
check_args (int         argc,
            char      **argv,
            int         wanted,
            const char *synopsis)
{
  if (argc < wanted + 1)
    {
      cag_cli_usage (_("missing arguments: %s"), synopsis);
      return FALSE;
    }
  if (argc > wanted + 1)
    {
      cag_cli_usage (_("unexpected argument “%s”"), argv[wanted + 1]);
      return FALSE;
    }
  for (int i = 1; i <= wanted; i++)
    if (!g_utf8_validate (argv[i], -1, NULL))
      {
        cag_cli_usage (_("an argument is not valid text (UTF-8)"));
        return FALSE;
      }
  return TRUE;
}

static char *
money (gint64 cents)
{
  return cag_money_format (cents, cag_i18n_get_language ());
}

static char *
ratio_text (gint num, gint den)
{
  return g_strdup_printf ("%d:%d", num, den);
}

static char *
cut_text (const char *text,
          glong       max)
{
  g_autofree char *cut = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  cut = g_utf8_substring (text, 0, max - 1);
  return g_strconcat (cut, "…", NULL);
}

static char *
cut_label (const char *text)
{
  return cut_text (text, LABEL_MAX);
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b, const char *name, gboolean value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
print_builder (JsonBuilder *b)
{
  g_autoptr (JsonNode) root = json_builder_get_root (b);

  cag_cli_print_json (root);
}

/* A small aligned table: ROWS of GStrv with the same length, the first one
 * the header, ruled under; ALIGN holds 'l' or 'r' per column; with TOTAL, a
 * rule also sets off the last row. */
static void
print_table (GPtrArray  *rows,
             const char *align,
             gboolean    with_total)
{
  guint n;
  g_autofree glong *widths = NULL;
  glong width = 0;

  if (rows->len == 0)
    return;
  n = g_strv_length (rows->pdata[0]);
  widths = g_new0 (glong, n + 1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];

      for (guint c = 0; c < n; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (cells[c], -1));
    }
  for (guint c = 0; c < n; c++)
    width += widths[c] + (c > 0 ? 2 : 0);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];
      g_autoptr (GString) line = g_string_new (NULL);

      if (with_total && r == rows->len - 1 && rows->len > 2)
        {
          for (glong i = 0; i < width; i++)
            g_string_append (line, "─");
          g_print ("%s\n", line->str);
          g_string_truncate (line, 0);
        }
      for (guint c = 0; c < n; c++)
        {
          glong pad = widths[c] - g_utf8_strlen (cells[c], -1);
          gboolean right = align[c] == 'r';

          if (c > 0)
            g_string_append (line, "  ");
          for (glong i = 0; right && i < pad; i++)
            g_string_append_c (line, ' ');
          g_string_append (line, cells[c]);
          for (glong i = 0; !right && i < pad; i++)
            g_string_append_c (line, ' ');
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
      if (r == 0)
        {
          g_string_truncate (line, 0);
          for (glong i = 0; i < width; i++)
            g_string_append (line, "─");
          g_print ("%s\n", line->str);
        }
    }
}

static CagBudget *
find_budget (CagCli     *cli,
             const char *key,
             gint        version,
             CagStore  **out_store,
             GError    **error)
{
  CagStore *store = cag_cli_store (cli, error);

  if (store == NULL)
    return NULL;
  *out_store = store;
  return cag_budget_find (store, key, version, error);
}

static void
print_version_note (const CagBudget *budget,
                    gint             version)
{
  if (version > budget->version)
    {
      g_print (_("Version %d of “%s” was submitted and stays as it was; this change makes "
                 "version %d."), budget->version, budget->name, version);
      g_print ("\n");
    }
}

/* ---- funder ------------------------------------------------------------- */

static void
build_funder (JsonBuilder *b, const CagFunder *funder)
{
  json_builder_begin_object (b);
  add_int (b, "id", funder->id);
  add_string (b, "name", funder->name);
  add_string (b, "kind", cag_funder_kind_to_string (funder->kind));
  add_bool (b, "requires_charity", funder->requires_charity);
  json_builder_end_object (b);
}

static int
funder_add (CagCli *cli, int argc, char **argv)
{
  g_autofree char *kind = NULL;
  gboolean requires_charity = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("provincial, federal, foundation, partner or other (default: other)"), N_("KIND") },
    { "requires-charity", 0, 0, G_OPTION_ARG_NONE, &requires_charity,
      N_("The funder requires the applicant to hold charitable status"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (CagFunder) funder = cag_funder_new ();
  g_autoptr (GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("funder add NAME"), _("Add a funder."), entries)
      || !check_args (argc, argv, 1, _("funder add NAME")))
    return 1;
  if (kind != NULL && !cag_funder_kind_from_string (kind, &funder->kind))
    return cag_cli_usage (_("unknown funder kind “%s” (expected provincial, federal, "
                            "foundation, partner or other)"), kind);
  funder->name = g_strdup (argv[1]);
  funder->requires_charity = requires_charity;

  store = cag_cli_store (cli, &error);
  if (store == NULL || !cag_funder_add (store, funder, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      build_funder (b, funder);
      print_builder (b);
    }
  else
    {
      g_print (_("Added the funder “%s” (%s)."), funder->name,
               cag_funder_kind_label (funder->kind));
      g_print ("\n");
    }
  return 0;
}

static int
funder_list (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (GPtrArray) funders = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("funder list"), _("List the funders."), entries)
      || !check_args (argc, argv, 0, _("funder list")))
    return 1;
  store = cag_cli_store (cli, &error);
  if (store == NULL || (funders = cag_funder_list (store, &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < funders->len; i++)
        build_funder (b, funders->pdata[i]);
      json_builder_end_array (b);
      print_builder (b);
      return 0;
    }
  if (funders->len == 0)
    {
      g_print ("%s\n", _("No funder yet: add one with “cagnotte-cli funder add”."));
      return 0;
    }
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    char **row;

    row = g_new0 (char *, 5);
    row[0] = g_strdup (C_("column", "No."));
    row[1] = g_strdup (C_("column", "Funder"));
    row[2] = g_strdup (C_("column", "Kind"));
    row[3] = g_strdup (C_("column", "Charitable status"));
    g_ptr_array_add (rows, row);
    for (guint i = 0; i < funders->len; i++)
      {
        const CagFunder *f = funders->pdata[i];

        row = g_new0 (char *, 5);
        row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, f->id);
        row[1] = g_strdup (f->name);
        row[2] = g_strdup (cag_funder_kind_label (f->kind));
        row[3] = g_strdup (f->requires_charity ? _("required") : "");
        g_ptr_array_add (rows, row);
      }
    print_table (rows, "rlll", FALSE);
  }
  return 0;
}

int
cag_cli_cmd_funder (CagCli *cli, int argc, char **argv)
{
  static const Sub subs[] = {
    { "add", funder_add },
    { "list", funder_list },
  };

  return dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs), "add|list");
}

/* ---- budget add, list, line, submit ------------------------------------- */

static int
budget_add (CagCli *cli, int argc, char **argv)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *preset = NULL;
  GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("First day of the period"), N_("DATE") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("Last day of the period"), N_("DATE") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset,
      N_("Start from the lines of a preset (gesq-2003)"), N_("PRESET") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  const char *synopsis = _("budget add NAME --start DATE --end DATE [--preset gesq-2003]");
  g_autoptr (CagBudget) budget = cag_budget_new ();
  g_autoptr (GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, synopsis, _("Create a budget (version 1, a draft)."), entries)
      || !check_args (argc, argv, 1, synopsis))
    return 1;
  if (start == NULL || end == NULL)
    return cag_cli_usage (_("a budget needs --start and --end"));
  if (!cag_date_parse_iso (start, &budget->start, &error)
      || !cag_date_parse_iso (end, &budget->end, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  if (preset != NULL && !cag_budget_preset_exists (preset))
    return cag_cli_usage (_("unknown preset “%s” (expected gesq-2003)"), preset);
  budget->name = g_strdup (argv[1]);

  store = cag_cli_store (cli, &error);
  if (store == NULL || !cag_budget_add (store, budget, preset, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autofree char *s = cag_date_to_iso (&budget->start);
      g_autofree char *e = cag_date_to_iso (&budget->end);

      json_builder_begin_object (b);
      add_int (b, "id", budget->id);
      add_string (b, "budget", budget->name);
      add_int (b, "version", budget->version);
      add_string (b, "status", cag_budget_status_to_string (budget->status));
      add_string (b, "start", s);
      add_string (b, "end", e);
      json_builder_end_object (b);
      print_builder (b);
    }
  else
    {
      g_print (_("Created the budget “%s” (version 1, draft)."), budget->name);
      g_print ("\n");
      if (preset != NULL)
        {
          g_print ("%s\n", _("Its lines come from the preset gesq-2003 (the 2003 plan, section 4.D)."));
        }
    }
  return 0;
}

static int
budget_list (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (GPtrArray) budgets = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("budget list"), _("List the budgets."), entries)
      || !check_args (argc, argv, 0, _("budget list")))
    return 1;
  store = cag_cli_store (cli, &error);
  if (store == NULL || (budgets = cag_budget_list (store, &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < budgets->len; i++)
        {
          const CagBudget *bu = budgets->pdata[i];
          g_autofree char *s = cag_date_to_iso (&bu->start);
          g_autofree char *e = cag_date_to_iso (&bu->end);

          json_builder_begin_object (b);
          add_int (b, "id", bu->id);
          add_string (b, "budget", bu->name);
          add_int (b, "version", bu->version);
          add_string (b, "status", cag_budget_status_to_string (bu->status));
          add_string (b, "start", s);
          add_string (b, "end", e);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_builder (b);
      return 0;
    }
  if (budgets->len == 0)
    {
      g_print ("%s\n", _("No budget yet: create one with “cagnotte-cli budget add”."));
      return 0;
    }
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    CagLang lang = cag_i18n_get_language ();
    char **row = g_new0 (char *, 6);

    row[0] = g_strdup (C_("column", "No."));
    row[1] = g_strdup (C_("column", "Budget"));
    row[2] = g_strdup (C_("column", "Version"));
    row[3] = g_strdup (C_("column", "Status"));
    row[4] = g_strdup (C_("column", "Period"));
    g_ptr_array_add (rows, row);
    for (guint i = 0; i < budgets->len; i++)
      {
        const CagBudget *bu = budgets->pdata[i];
        g_autofree char *s = cag_date_format (&bu->start, lang);
        g_autofree char *e = cag_date_format (&bu->end, lang);

        row = g_new0 (char *, 6);
        row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, bu->id);
        row[1] = g_strdup (bu->name);
        row[2] = g_strdup_printf ("%d", bu->version);
        row[3] = g_strdup (cag_budget_status_label (bu->status));
        /* TRANSLATORS: a budget's period, "from START to END". */
        row[4] = g_strdup_printf (_("%s – %s"), s, e);
        g_ptr_array_add (rows, row);
      }
    print_table (rows, "rlrll", FALSE);
  }
  return 0;
}

static int
budget_line_add (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  const char *synopsis = _("budget line add BUDGET CODE LABEL AMOUNT");
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store = NULL;
  gint64 amount;
  gint version = 0;

  if (!cag_cli_parse (&argc, &argv, synopsis,
                      _("Add a line to a budget, or change the label and amount of the line "
                        "with that code."), entries)
      || !check_args (argc, argv, 4, synopsis))
    return 1;
  if (!cag_money_parse (argv[4], CAG_MONEY_POSITIVE, &amount, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  budget = find_budget (cli, argv[1], 0, &store, &error);
  if (budget == NULL
      || !cag_budget_line_set (store, budget->id, argv[2], argv[3], amount, &version, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  print_version_note (budget, version);
  {
    g_autofree char *a = money (amount);

    g_print (_("Line %s of “%s” (version %d): %s."), argv[2], budget->name, version, a);
    g_print ("\n");
  }
  return 0;
}

static int
budget_line (CagCli *cli, int argc, char **argv)
{
  static const Sub subs[] = {
    { "add", budget_line_add },
  };

  return dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs), "add");
}

static int
budget_submit (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store = NULL;

  if (!cag_cli_parse (&argc, &argv, _("budget submit BUDGET"),
                      _("Freeze the latest version: later edits make a new version."), entries)
      || !check_args (argc, argv, 1, _("budget submit BUDGET")))
    return 1;
  budget = find_budget (cli, argv[1], 0, &store, &error);
  if (budget == NULL || !cag_budget_submit (store, budget->id, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  g_print (_("Version %d of “%s” is submitted and frozen; later edits will make version %d."),
           budget->version, budget->name, budget->version + 1);
  g_print ("\n");
  return 0;
}

static int
budget_approve (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store = NULL;

  if (!cag_cli_parse (&argc, &argv, _("budget approve BUDGET"),
                      _("Record that the submitted version was approved."), entries)
      || !check_args (argc, argv, 1, _("budget approve BUDGET")))
    return 1;
  budget = find_budget (cli, argv[1], 0, &store, &error);
  if (budget == NULL || !cag_budget_approve (store, budget->id, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  g_print (_("Version %d of “%s” is approved."), budget->version, budget->name);
  g_print ("\n");
  return 0;
}

/* ---- budget offer and pledge -------------------------------------------- */

static int
budget_offer (CagCli *cli, int argc, char **argv)
{
  g_autofree char *ratio = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *cap = NULL;
  g_autofree char *min_base = NULL;
  g_autofree char *max_share = NULL;
  gboolean cash_only = FALSE;
  GOptionEntry entries[] = {
    { "ratio", 0, 0, G_OPTION_ARG_STRING, &ratio,
      N_("The funder gives A dollars for every B partner dollars"), N_("A:B") },
    { "lines", 0, 0, G_OPTION_ARG_STRING, &lines,
      N_("Eligible lines (default: every line)"), N_("CODE[,CODE…]") },
    { "cash-only", 0, 0, G_OPTION_ARG_NONE, &cash_only,
      N_("Only cash pledges count as match base, not in-kind ones"), NULL },
    { "cap", 0, 0, G_OPTION_ARG_STRING, &cap, N_("At most this amount in all"), N_("AMOUNT") },
    { "min-base", 0, 0, G_OPTION_ARG_STRING, &min_base,
      N_("Nothing below this much eligible partner base"), N_("AMOUNT") },
    { "max-share", 0, 0, G_OPTION_ARG_STRING, &max_share,
      N_("At most this share of the eligible lines’ amounts"), N_("PERCENT") },
    { NULL }
  };
  const char *synopsis = _("budget offer BUDGET FUNDER --ratio A:B [--lines CODE[,CODE…]] "
                           "[--cash-only] [--cap AMOUNT] [--min-base AMOUNT] "
                           "[--max-share PERCENT]");
  g_autoptr (CagBudgetOffer) offer = cag_budget_offer_new ();
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (CagFunder) funder = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store = NULL;
  gint version = 0;

  if (!cag_cli_parse (&argc, &argv, synopsis,
                      _("Set a funder’s matching terms on a budget (a second offer from the "
                        "same funder replaces the first)."), entries)
      || !check_args (argc, argv, 2, synopsis))
    return 1;
  if (ratio == NULL)
    return cag_cli_usage (_("an offer needs --ratio A:B"));
  if (!cag_ratio_parse (ratio, &offer->num, &offer->den, &error)
      || (cap != NULL && !cag_money_parse (cap, CAG_MONEY_POSITIVE, &offer->cap_cents, &error))
      || (min_base != NULL
          && !cag_money_parse (min_base, CAG_MONEY_POSITIVE, &offer->min_base_cents, &error))
      || (max_share != NULL && !cag_percent_parse (max_share, &offer->max_share_bp, &error)))
    return cag_cli_fail (g_steal_pointer (&error));
  offer->cash_only = cash_only;
  if (lines != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (lines, ",", -1);
      g_autoptr (GPtrArray) codes = g_ptr_array_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (*parts[i] != '\0')
            g_ptr_array_add (codes, g_strdup (parts[i]));
        }
      if (codes->len == 0)
        return cag_cli_usage (_("--lines needs at least one line code"));
      g_ptr_array_add (codes, NULL);
      offer->lines = (char **) g_ptr_array_steal (codes, NULL);
    }

  budget = find_budget (cli, argv[1], 0, &store, &error);
  if (budget == NULL || (funder = cag_funder_find (store, argv[2], &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  offer->funder_id = funder->id;
  if (!cag_budget_offer_set (store, budget->id, offer, &version, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  print_version_note (budget, version);
  g_print (_("Offer of %s on “%s” (version %d): %d:%d."), funder->name, budget->name, version,
           offer->num, offer->den);
  g_print ("\n");
  return 0;
}

static int
budget_pledge (CagCli *cli, int argc, char **argv)
{
  g_autofree char *line = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *status = NULL;
  GOptionEntry entries[] = {
    { "line", 0, 0, G_OPTION_ARG_STRING, &line, N_("The budget line pledged to"), N_("CODE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("cash (default) or in-kind"), N_("KIND") },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis,
      N_("Valuation basis of an in-kind pledge (“40 h × 35 $”)"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("intended (default), confirmed or received"), N_("STATUS") },
    { NULL }
  };
  const char *synopsis = _("budget pledge BUDGET PARTNER AMOUNT --line CODE "
                           "[--kind cash|in-kind] [--basis TEXT] "
                           "[--status intended|confirmed|received]");
  g_autoptr (CagPledge) pledge = cag_pledge_new ();
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (CagOrganization) org = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) org_error = NULL;
  g_autofree char *id_text = NULL;
  CagStore *store = NULL;
  gint version = 0;

  if (!cag_cli_parse (&argc, &argv, synopsis,
                      _("Record a partner’s pledge to a budget line.  PARTNER is a member "
                        "organization (name, short name or number) or, when none matches, "
                        "any partner’s name."), entries)
      || !check_args (argc, argv, 3, synopsis))
    return 1;
  if (line == NULL)
    return cag_cli_usage (_("a pledge needs --line CODE"));
  if (kind != NULL && !cag_pledge_kind_from_string (kind, &pledge->kind))
    return cag_cli_usage (_("unknown pledge kind “%s” (expected cash or in-kind)"), kind);
  if (status != NULL && !cag_pledge_status_from_string (status, &pledge->status))
    return cag_cli_usage (_("unknown pledge status “%s” (expected intended, confirmed or "
                            "received)"), status);
  if (!cag_money_parse (argv[3], CAG_MONEY_POSITIVE, &pledge->amount_cents, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  if (pledge->kind == CAG_PLEDGE_IN_KIND && (basis == NULL || *g_strstrip (basis) == '\0'))
    return cag_cli_usage (_("an in-kind pledge needs --basis (its valuation basis)"));
  pledge->line_code = g_strdup (line);
  pledge->basis = g_strdup (basis);

  budget = find_budget (cli, argv[1], 0, &store, &error);
  if (budget == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  org = cag_store_org_find (store, argv[2], &org_error);
  if (org != NULL)
    pledge->organization_id = org->id;
  else if (g_error_matches (org_error, CAG_ERROR, CAG_ERROR_NOT_FOUND))
    pledge->partner_name = g_strdup (argv[2]);
  else
    return cag_cli_fail (g_steal_pointer (&org_error));

  if (!cag_budget_pledge_add (store, budget->id, pledge, &version, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  print_version_note (budget, version);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, pledge->id);
  {
    g_autofree char *a = money (pledge->amount_cents);
    g_autofree char *k = g_utf8_strdown (cag_pledge_kind_label (pledge->kind), -1);

    g_print (_("Pledge no. %s of %s on line %s of “%s” (version %d): %s, %s."),
             id_text, pledge->partner_name, pledge->line_code, budget->name, version, a, k);
    g_print ("\n");
  }
  return 0;
}

/* ---- budget show -------------------------------------------------------- */

static void
build_proforma (JsonBuilder       *b,
                const CagBudget   *budget,
                const CagProforma *p)
{
  json_builder_begin_object (b);
  add_string (b, "budget", budget->name);
  add_int (b, "version", budget->version);
  add_string (b, "status", cag_budget_status_to_string (budget->status));

  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (guint l = 0; l < p->n_lines; l++)
    {
      const CagProformaLine *pl = &p->lines[l];

      json_builder_begin_object (b);
      add_string (b, "code", pl->code);
      add_string (b, "label", pl->label);
      add_int (b, "amount_cents", pl->amount_cents);
      add_int (b, "partner_cash_cents", pl->partner_cash_cents);
      add_int (b, "partner_in_kind_cents", pl->partner_in_kind_cents);
      json_builder_set_member_name (b, "funders");
      json_builder_begin_array (b);
      for (guint o = 0; o < p->n_offers; o++)
        {
          json_builder_begin_object (b);
          add_string (b, "funder", p->offers[o].funder_name);
          add_int (b, "given_cents", pl->shares[o].given_cents);
          add_int (b, "base_used_cents", pl->shares[o].base_used_cents);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_int (b, "funded_cents", pl->funded_cents);
      add_int (b, "gap_cents", pl->gap_cents);
      add_int (b, "partner_needed_cents", pl->partner_needed_cents);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "funders");
  json_builder_begin_array (b);
  for (guint o = 0; o < p->n_offers; o++)
    {
      g_autofree char *ratio = ratio_text (p->offers[o].num, p->offers[o].den);

      json_builder_begin_object (b);
      add_string (b, "funder", p->offers[o].funder_name);
      add_string (b, "ratio", ratio);
      add_int (b, "requested_cents", p->offers[o].requested_cents);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  add_int (b, "amount_cents", p->amount_cents);
  add_int (b, "partner_cents", p->partner_cents);
  add_int (b, "matched_cents", p->matched_cents);
  add_int (b, "funded_cents", p->funded_cents);
  add_int (b, "gap_cents", p->gap_cents);
  add_int (b, "partner_needed_cents", p->partner_needed_cents);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->warnings->len; i++)
    {
      const CagProformaWarning *w = p->warnings->pdata[i];

      json_builder_begin_object (b);
      add_string (b, "kind", cag_proforma_warning_kind_to_string (w->kind));
      add_string (b, "funder", w->funder);
      add_string (b, "line", w->line);
      add_string (b, "message", w->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
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
      g_autofree char *a = money (offer->cap_cents);

      g_string_append (s, " · ");
      g_string_append_printf (s, _("cap %s"), a);
    }
  if (offer->min_base_cents > 0)
    {
      g_autofree char *a = money (offer->min_base_cents);

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
      g_print ("%s\n", _("This budget has no lines yet: add one with “cagnotte-cli budget line add”."));
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
    row[c++] = cut_text (p->offers[o].funder_name, HEADER_MAX);
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
      row[c++] = money (total ? p->amount_cents : pl->amount_cents);
      row[c++] = money (total ? p->partner_cash_cents : pl->partner_cash_cents);
      row[c++] = money (total ? p->partner_in_kind_cents : pl->partner_in_kind_cents);
      for (guint o = 0; o < p->n_offers; o++)
        row[c++] = money (total ? p->offers[o].requested_cents : pl->shares[o].given_cents);
      row[c++] = money (total ? p->funded_cents : pl->funded_cents);
      row[c++] = money (total ? p->gap_cents : pl->gap_cents);
      row[c++] = money (total ? p->partner_needed_cents : pl->partner_needed_cents);
      g_ptr_array_add (rows, row);
    }
  print_table (rows, align, TRUE);

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
              row[2] = money (p->offers[o].base_used_cents);
              row[3] = money (p->offers[o].requested_cents);
              g_ptr_array_add (frows, row);
            }
      print_table (frows, "llrr", FALSE);
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
          row[1] = cut_label (pl->partner_name);
          row[2] = g_strdup (pl->line_code);
          row[3] = g_strdup (cag_pledge_kind_label (pl->kind));
          row[4] = money (pl->amount_cents);
          row[5] = g_strdup (cag_pledge_status_label (pl->status));
          row[6] = cut_label (pl->basis);
          g_ptr_array_add (prow, row);
        }
      print_table (prow, "rlllrll", FALSE);
    }

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

static int
budget_show (CagCli *cli, int argc, char **argv)
{
  gint version = 0;
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &version,
      N_("Show this version (default: the latest)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (CagProformaInput) in = NULL;
  g_autoptr (CagProforma) p = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store = NULL;

  if (!cag_cli_parse (&argc, &argv, _("budget show BUDGET [--version N] [--json]"),
                      _("Show the pro-forma: per line, partner pledges, what each funder "
                        "gives, the gap and the partner amount needed to close it."), entries)
      || !check_args (argc, argv, 1, _("budget show BUDGET")))
    return 1;
  if (version < 0)
    return cag_cli_usage (_("--version needs a version number (1, 2, …)"));

  budget = find_budget (cli, argv[1], version, &store, &error);
  if (budget == NULL
      || (in = cag_budget_load (store, budget->id, budget->version, &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  p = cag_proforma_compute (in);

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      build_proforma (b, budget, p);
      print_builder (b);
    }
  else
    print_proforma (budget, in, p);
  return 0;
}

int
cag_cli_cmd_budget (CagCli *cli, int argc, char **argv)
{
  static const Sub subs[] = {
    { "add", budget_add },
    { "list", budget_list },
    { "line", budget_line },
    { "offer", budget_offer },
    { "pledge", budget_pledge },
    { "show", budget_show },
    { "submit", budget_submit },
    { "approve", budget_approve },
  };

  return dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs),
                   "add|list|line|offer|pledge|show|submit|approve");
}

/* ---- campaign offer ----------------------------------------------------- */

int
cag_cli_campaign_offer (CagCli *cli, int argc, char **argv)
{
  g_autofree char *ratio = NULL;
  g_autofree char *cap = NULL;
  GOptionEntry entries[] = {
    { "ratio", 0, 0, G_OPTION_ARG_STRING, &ratio,
      N_("The funder gives A dollars for every B dollars saved"), N_("A:B") },
    { "cap-per-fund", 0, 0, G_OPTION_ARG_STRING, &cap,
      N_("At most this amount for each fund"), N_("AMOUNT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  const char *synopsis = _("campaign offer CAMPAIGN FUNDER --ratio A:B [--cap-per-fund AMOUNT]");
  CagCampaignOffer offer = { 0 };
  g_autoptr (CagCampaign) campaign = NULL;
  g_autoptr (CagFunder) funder = NULL;
  g_autoptr (GPtrArray) offers = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store;
  gint num = 0, den = 0;
  gint64 match_cap = 0;

  if (!cag_cli_parse (&argc, &argv, synopsis,
                      _("Record a funder’s offer to match each fund’s savings in a campaign."),
                      entries)
      || !check_args (argc, argv, 2, synopsis))
    return 1;
  if (ratio == NULL)
    return cag_cli_usage (_("an offer needs --ratio A:B"));
  if (!cag_ratio_parse (ratio, &offer.num, &offer.den, &error)
      || (cap != NULL
          && !cag_money_parse (cap, CAG_MONEY_POSITIVE, &offer.cap_per_fund_cents, &error)))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store (cli, &error);
  if (store == NULL
      || (campaign = cag_store_campaign_find (store, argv[1], &error)) == NULL
      || (funder = cag_funder_find (store, argv[2], &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  offer.campaign_id = campaign->id;
  offer.funder_id = funder->id;
  if (!cag_campaign_offer_set (store, &offer, &error)
      || (offers = cag_campaign_offer_list (store, campaign->id, &error)) == NULL
      || !cag_budget_campaign_match (store, campaign->id, &num, &den, &match_cap, &error))
    {
      g_free (offer.funder_name);
      return cag_cli_fail (g_steal_pointer (&error));
    }
  g_free (offer.funder_name);

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autofree char *r = ratio_text (offer.num, offer.den);

      json_builder_begin_object (b);
      add_string (b, "campaign", campaign->name);
      add_string (b, "funder", funder->name);
      add_string (b, "ratio", r);
      add_int (b, "cap_per_fund_cents", offer.cap_per_fund_cents);
      add_bool (b, "applies", num == offer.num && den == offer.den
                              && match_cap == offer.cap_per_fund_cents);
      json_builder_end_object (b);
      print_builder (b);
      return 0;
    }

  if (offer.cap_per_fund_cents > 0)
    {
      g_autofree char *a = money (offer.cap_per_fund_cents);

      g_print (_("Offer of %s on “%s”: %d:%d, at most %s per fund."), funder->name,
               campaign->name, offer.num, offer.den, a);
    }
  else
    g_print (_("Offer of %s on “%s”: %d:%d, no cap."), funder->name, campaign->name,
             offer.num, offer.den);
  g_print ("\n");
  if (offers->len > 1)
    {
      g_autofree char *r = ratio_text (num, den);

      g_print (_("The campaign has %u offers; each dollar saved is matched once, under the "
                 "highest ratio (%s)."), offers->len, r);
      g_print ("\n");
    }
  return 0;
}
