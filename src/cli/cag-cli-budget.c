/* cag-cli-budget.c — cagnotte-cli's funder, budget and campaign offer
 * commands: the coordinator's pro-forma from the command line.
 *
 * Every command checks its input before it opens the database, so a refused
 * command leaves the file as it was.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-budget.h"
#include "cag-cli-budget.h"
#include "cag-cli-private.h"
#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-money.h"

#define LABEL_MAX 48

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
  return cag_cli_usage (_("unknown sub-command “%s %s” (expected %s)"), argv[0], argv[1],
                        choices);
}

gboolean
cag_cli_budget_check_args (int         argc,
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

char *
cag_cli_budget_money (gint64 cents)
{
  return cag_money_format (cents, cag_i18n_get_language ());
}

char *
cag_cli_budget_ratio_text (gint num, gint den)
{
  return g_strdup_printf ("%d:%d", num, den);
}

char *
cag_cli_budget_cut_text (const char *text,
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

char *
cag_cli_budget_cut_label (const char *text)
{
  return cag_cli_budget_cut_text (text, LABEL_MAX);
}

void
cag_cli_budget_add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
cag_cli_budget_add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

void
cag_cli_budget_add_bool (JsonBuilder *b, const char *name, gboolean value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

void
cag_cli_budget_print_builder (JsonBuilder *b)
{
  g_autoptr (JsonNode) root = json_builder_get_root (b);

  cag_cli_print_json (root);
}

/* A small aligned table: ROWS of GStrv with the same length, the first one
 * the header, ruled under; ALIGN holds 'l' or 'r' per column; with TOTAL, a
 * rule also sets off the last row. */
void
cag_cli_budget_print_table (GPtrArray  *rows,
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

CagBudget *
cag_cli_budget_find_budget (CagCli     *cli,
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
  cag_cli_budget_add_int (b, "id", funder->id);
  cag_cli_budget_add_string (b, "name", funder->name);
  cag_cli_budget_add_string (b, "kind", cag_funder_kind_to_string (funder->kind));
  cag_cli_budget_add_bool (b, "requires_charity", funder->requires_charity);
  cag_cli_budget_add_string (b, "short_name", funder->short_name);
  cag_cli_budget_add_string (b, "article", cag_article_to_string (funder->article));
  json_builder_end_object (b);
}

#define SHORT_NAME_ENTRY(var) \
  { "short-name", 0, 0, G_OPTION_ARG_STRING, &(var), \
    N_("A short name the funder may be named by (“ACDI”)"), N_("TEXT") }
#define ARTICLE_ENTRY(var) \
  { "article", 0, 0, G_OPTION_ARG_STRING, &(var), \
    N_("The French article of its name: le, la, l, les or none (for “Demande présentée "\
       "au / à la / à l’ / aux …”)"), N_("ARTICLE") }

static gboolean
parse_article (const char *text, CagArticle *out)
{
  if (text == NULL)
    return TRUE;
  if (cag_article_from_string (text, out))
    return TRUE;
  cag_cli_usage (_("unknown article “%s” (expected le, la, l, les or none)"), text);
  return FALSE;
}

static int
funder_add (CagCli *cli, int argc, char **argv)
{
  g_autofree char *kind = NULL;
  g_autofree char *short_name = NULL;
  g_autofree char *article = NULL;
  gboolean requires_charity = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("provincial, federal, foundation, partner or other (default: other)"), N_("KIND") },
    { "requires-charity", 0, 0, G_OPTION_ARG_NONE, &requires_charity,
      N_("The funder requires the applicant to hold charitable status"), NULL },
    SHORT_NAME_ENTRY (short_name), ARTICLE_ENTRY (article),
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (CagFunder) funder = cag_funder_new ();
  g_autoptr (GError) error = NULL;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("funder add NAME"), _("Add a funder."), entries)
      || !cag_cli_budget_check_args (argc, argv, 1, _("funder add NAME")))
    return 1;
  if (kind != NULL && !cag_funder_kind_from_string (kind, &funder->kind))
    return cag_cli_usage (_("unknown funder kind “%s” (expected provincial, federal, "
                            "foundation, partner or other)"), kind);
  if (!parse_article (article, &funder->article))
    return 1;
  funder->name = g_strdup (argv[1]);
  funder->requires_charity = requires_charity;
  funder->short_name = g_steal_pointer (&short_name);

  store = cag_cli_store (cli, &error);
  if (store == NULL || !cag_funder_add (store, funder, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      build_funder (b, funder);
      cag_cli_budget_print_builder (b);
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
      || !cag_cli_budget_check_args (argc, argv, 0, _("funder list")))
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
      cag_cli_budget_print_builder (b);
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
    cag_cli_budget_print_table (rows, "rlll", FALSE);
  }
  return 0;
}

/* "funder set FUNDER [--short-name TEXT] [--article ARTICLE]": only the
 * options given change. */
static int
funder_set (CagCli *cli, int argc, char **argv)
{
  g_autofree char *short_name = NULL;
  g_autofree char *article = NULL;
  GOptionEntry entries[] = {
    SHORT_NAME_ENTRY (short_name), ARTICLE_ENTRY (article),
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (CagFunder) funder = NULL;
  g_autoptr (CagFunder) after = NULL;
  g_autoptr (GError) error = NULL;
  CagArticle a;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, _("funder set FUNDER [--short-name TEXT] [--article ARTICLE]"),
                      _("Set a funder’s short name and the French article of its name."),
                      entries)
      || !cag_cli_budget_check_args (argc, argv, 1, _("funder set FUNDER")))
    return 1;
  store = cag_cli_store (cli, &error);
  if (store == NULL || (funder = cag_funder_find (store, argv[1], &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  a = funder->article;
  if (!parse_article (article, &a))
    return 1;
  if (!cag_funder_set_names (store, funder->id,
                             short_name != NULL ? short_name : funder->short_name, a, &error)
      || (after = cag_funder_find (store, argv[1], &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      build_funder (b, after);
      cag_cli_budget_print_builder (b);
    }
  else
    {
      g_print (_("Updated the funder “%s”."), after->name);
      g_print ("\n");
    }
  return 0;
}

int
cag_cli_cmd_funder (CagCli *cli, int argc, char **argv)
{
  static const Sub subs[] = {
    { "add", funder_add },
    { "list", funder_list },
    { "set", funder_set },
  };

  return dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs), "add|list|set");
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
      || !cag_cli_budget_check_args (argc, argv, 1, synopsis))
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
      cag_cli_budget_add_int (b, "id", budget->id);
      cag_cli_budget_add_string (b, "budget", budget->name);
      cag_cli_budget_add_int (b, "version", budget->version);
      cag_cli_budget_add_string (b, "status", cag_budget_status_to_string (budget->status));
      cag_cli_budget_add_string (b, "start", s);
      cag_cli_budget_add_string (b, "end", e);
      json_builder_end_object (b);
      cag_cli_budget_print_builder (b);
    }
  else
    {
      g_print (_("Created the budget “%s” (version 1, draft)."), budget->name);
      g_print ("\n");
      if (preset != NULL)
        {
          g_print ("%s\n",
                   _("Its lines come from the preset gesq-2003 (the 2003 plan, section 4.D)."));
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
      || !cag_cli_budget_check_args (argc, argv, 0, _("budget list")))
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
          cag_cli_budget_add_int (b, "id", bu->id);
          cag_cli_budget_add_string (b, "budget", bu->name);
          cag_cli_budget_add_int (b, "version", bu->version);
          cag_cli_budget_add_string (b, "status", cag_budget_status_to_string (bu->status));
          cag_cli_budget_add_string (b, "start", s);
          cag_cli_budget_add_string (b, "end", e);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      cag_cli_budget_print_builder (b);
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
    cag_cli_budget_print_table (rows, "rlrll", FALSE);
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
      || !cag_cli_budget_check_args (argc, argv, 4, synopsis))
    return 1;
  if (!cag_money_parse (argv[4], CAG_MONEY_POSITIVE, &amount, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  budget = cag_cli_budget_find_budget (cli, argv[1], 0, &store, &error);
  if (budget == NULL
      || !cag_budget_line_set (store, budget->id, argv[2], argv[3], amount, &version, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  print_version_note (budget, version);
  {
    g_autofree char *a = cag_cli_budget_money (amount);

    g_print (_("Line %s of “%s” (version %d): %s."), argv[2], budget->name, version, a);
    g_print ("\n");
  }
  return 0;
}

static int
budget_line_remove (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  const char *synopsis = _("budget line remove BUDGET CODE");
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store = NULL;
  gint version = 0;

  if (!cag_cli_parse (&argc, &argv, synopsis,
                      _("Remove a line from a budget (a line with partner pledges is refused: "
                        "remove or move them first)."), entries)
      || !cag_cli_budget_check_args (argc, argv, 2, synopsis))
    return 1;
  budget = cag_cli_budget_find_budget (cli, argv[1], 0, &store, &error);
  if (budget == NULL
      || !cag_budget_line_remove (store, budget->id, argv[2], &version, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  print_version_note (budget, version);
  g_print (_("Removed line %s from “%s” (version %d)."), argv[2], budget->name, version);
  g_print ("\n");
  return 0;
}

static int
budget_line (CagCli *cli, int argc, char **argv)
{
  static const Sub subs[] = {
    { "add", budget_line_add },
    { "remove", budget_line_remove },
  };

  return dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs), "add|remove");
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
      || !cag_cli_budget_check_args (argc, argv, 1, _("budget submit BUDGET")))
    return 1;
  budget = cag_cli_budget_find_budget (cli, argv[1], 0, &store, &error);
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
      || !cag_cli_budget_check_args (argc, argv, 1, _("budget approve BUDGET")))
    return 1;
  budget = cag_cli_budget_find_budget (cli, argv[1], 0, &store, &error);
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
      || !cag_cli_budget_check_args (argc, argv, 2, synopsis))
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

  budget = cag_cli_budget_find_budget (cli, argv[1], 0, &store, &error);
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
      || !cag_cli_budget_check_args (argc, argv, 3, synopsis))
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

  budget = cag_cli_budget_find_budget (cli, argv[1], 0, &store, &error);
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
    g_autofree char *a = cag_cli_budget_money (pledge->amount_cents);
    g_autofree char *k = g_utf8_strdown (cag_pledge_kind_label (pledge->kind), -1);

    g_print (_("Pledge no. %s of %s on line %s of “%s” (version %d): %s, %s."),
             id_text, pledge->partner_name, pledge->line_code, budget->name, version, a, k);
    g_print ("\n");
  }
  return 0;
}

static int
budget_offer_remove (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  const char *synopsis = _("budget offer-remove BUDGET FUNDER");
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (CagFunder) funder = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store = NULL;
  gint version = 0;

  if (!cag_cli_parse (&argc, &argv, synopsis,
                      _("Take a funder’s offer off a budget (the funder itself stays)."),
                      entries)
      || !cag_cli_budget_check_args (argc, argv, 2, synopsis))
    return 1;
  budget = cag_cli_budget_find_budget (cli, argv[1], 0, &store, &error);
  if (budget == NULL
      || (funder = cag_funder_find (store, argv[2], &error)) == NULL
      || !cag_budget_offer_remove (store, budget->id, funder->id, &version, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  print_version_note (budget, version);
  g_print (_("Removed the offer of %s from “%s” (version %d)."), funder->name, budget->name,
           version);
  g_print ("\n");
  return 0;
}

/* The pledge numbered ID_TEXT (as shown by "budget show") in the latest
 * version of BUDGET, with its index there; NULL and ERROR when there is
 * none. */
static CagPledge *
find_pledge (CagStore         *store,
             const CagBudget  *budget,
             const char       *id_text,
             guint            *out_index,
             GError          **error)
{
  g_autoptr (CagProformaInput) in = NULL;
  gint64 id = 0;

  if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a pledge number (see “cagnotte-cli budget show”)."),
                   id_text);
      return NULL;
    }
  in = cag_budget_load (store, budget->id, 0, error);
  if (in == NULL)
    return NULL;
  for (guint i = 0; i < in->pledges->len; i++)
    {
      const CagPledge *pledge = in->pledges->pdata[i];

      if (pledge->id == id)
        {
          if (out_index != NULL)
            *out_index = i;
          return cag_pledge_copy (pledge);
        }
    }
  g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
               _("“%s” has no pledge no. %s (see “cagnotte-cli budget show”)."), budget->name,
               id_text);
  return NULL;
}

/* The number of the pledge at INDEX in the latest version (a new version
 * numbers its copies anew), as text. */
static char *
pledge_number_now (CagStore        *store,
                   const CagBudget *budget,
                   guint            index,
                   gint64           fallback)
{
  g_autoptr (CagProformaInput) in = cag_budget_load (store, budget->id, 0, NULL);
  gint64 id = fallback;

  if (in != NULL && index < in->pledges->len)
    id = ((CagPledge *) in->pledges->pdata[index])->id;
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static int
budget_pledge_set (CagCli *cli, int argc, char **argv)
{
  g_autofree char *amount = NULL;
  g_autofree char *line = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *status = NULL;
  GOptionEntry entries[] = {
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, N_("The pledge’s new amount"),
      N_("AMOUNT") },
    { "line", 0, 0, G_OPTION_ARG_STRING, &line, N_("The budget line pledged to"), N_("CODE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("cash or in-kind"), N_("KIND") },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis,
      N_("Valuation basis of an in-kind pledge (“40 h × 35 $”)"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("intended, confirmed or received"), N_("STATUS") },
    { NULL }
  };
  const char *synopsis = _("budget pledge-set BUDGET PLEDGE [--amount AMOUNT] [--line CODE] "
                           "[--kind cash|in-kind] [--basis TEXT] "
                           "[--status intended|confirmed|received]");
  g_autoptr (CagPledge) pledge = NULL;
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *number = NULL;
  CagPledgeKind new_kind = CAG_PLEDGE_CASH;
  CagPledgeStatus new_status = CAG_PLEDGE_INTENDED;
  CagStore *store = NULL;
  gint64 new_amount = 0;
  gint version = 0;
  guint index = 0;

  if (!cag_cli_parse (&argc, &argv, synopsis,
                      _("Change a partner pledge: its amount, line, kind, valuation basis or "
                        "status.  PLEDGE is its number as shown by “budget show”."), entries)
      || !cag_cli_budget_check_args (argc, argv, 2, synopsis))
    return 1;
  if (amount == NULL && line == NULL && kind == NULL && basis == NULL && status == NULL)
    return cag_cli_usage (_("nothing to change: give --amount, --line, --kind, --basis or "
                            "--status"));
  if (kind != NULL && !cag_pledge_kind_from_string (kind, &new_kind))
    return cag_cli_usage (_("unknown pledge kind “%s” (expected cash or in-kind)"), kind);
  if (status != NULL && !cag_pledge_status_from_string (status, &new_status))
    return cag_cli_usage (_("unknown pledge status “%s” (expected intended, confirmed or "
                            "received)"), status);
  if (amount != NULL && !cag_money_parse (amount, CAG_MONEY_POSITIVE, &new_amount, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  budget = cag_cli_budget_find_budget (cli, argv[1], 0, &store, &error);
  if (budget == NULL
      || (pledge = find_pledge (store, budget, argv[2], &index, &error)) == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (amount != NULL)
    pledge->amount_cents = new_amount;
  if (line != NULL)
    {
      g_free (pledge->line_code);
      pledge->line_code = g_strdup (line);
    }
  if (kind != NULL)
    pledge->kind = new_kind;
  if (basis != NULL)
    {
      g_free (pledge->basis);
      pledge->basis = g_strdup (g_strstrip (basis));
    }
  if (status != NULL)
    pledge->status = new_status;
  if (pledge->kind == CAG_PLEDGE_IN_KIND && (pledge->basis == NULL || *pledge->basis == '\0'))
    return cag_cli_usage (_("an in-kind pledge needs --basis (its valuation basis)"));
  if (!cag_budget_pledge_update (store, budget->id, pledge, &version, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  print_version_note (budget, version);
  number = pledge_number_now (store, budget, index, pledge->id);
  {
    g_autofree char *a = cag_cli_budget_money (pledge->amount_cents);
    g_autofree char *k = g_utf8_strdown (cag_pledge_kind_label (pledge->kind), -1);
    g_autofree char *st = g_utf8_strdown (cag_pledge_status_label (pledge->status), -1);

    /* TRANSLATORS: "Pledge no. 3 of Caisse on line A of “GESQ” (version 2):
     * $10,000.00, cash, confirmed." */
    g_print (_("Pledge no. %s of %s on line %s of “%s” (version %d): %s, %s, %s."),
             number, pledge->partner_name, pledge->line_code, budget->name, version, a, k, st);
    g_print ("\n");
  }
  return 0;
}

static int
budget_pledge_remove (CagCli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  const char *synopsis = _("budget pledge-remove BUDGET PLEDGE");
  g_autoptr (CagPledge) pledge = NULL;
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (GError) error = NULL;
  CagStore *store = NULL;
  gint version = 0;

  if (!cag_cli_parse (&argc, &argv, synopsis,
                      _("Remove a partner pledge.  PLEDGE is its number as shown by “budget "
                        "show”."), entries)
      || !cag_cli_budget_check_args (argc, argv, 2, synopsis))
    return 1;
  budget = cag_cli_budget_find_budget (cli, argv[1], 0, &store, &error);
  if (budget == NULL
      || (pledge = find_pledge (store, budget, argv[2], NULL, &error)) == NULL
      || !cag_budget_pledge_remove (store, budget->id, pledge->id, &version, &error))
    return cag_cli_fail (g_steal_pointer (&error));
  print_version_note (budget, version);
  g_print (_("Removed pledge no. %s (%s, line %s) from “%s” (version %d)."), argv[2],
           pledge->partner_name, pledge->line_code, budget->name, version);
  g_print ("\n");
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
    { "offer-remove", budget_offer_remove },
    { "pledge", budget_pledge },
    { "pledge-set", budget_pledge_set },
    { "pledge-remove", budget_pledge_remove },
    { "show", cag_cli_budget_show },
    { "submit", budget_submit },
    { "approve", budget_approve },
  };

  return dispatch (cli, argc, argv, subs, G_N_ELEMENTS (subs),
                   "add|list|line|offer|offer-remove|pledge|pledge-set|pledge-remove|show|"
                   "submit|approve");
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
      || !cag_cli_budget_check_args (argc, argv, 2, synopsis))
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
      g_autofree char *r = cag_cli_budget_ratio_text (offer.num, offer.den);

      json_builder_begin_object (b);
      cag_cli_budget_add_string (b, "campaign", campaign->name);
      cag_cli_budget_add_string (b, "funder", funder->name);
      cag_cli_budget_add_string (b, "ratio", r);
      cag_cli_budget_add_int (b, "cap_per_fund_cents", offer.cap_per_fund_cents);
      cag_cli_budget_add_bool (b, "applies", num == offer.num && den == offer.den
                              && match_cap == offer.cap_per_fund_cents);
      json_builder_end_object (b);
      cag_cli_budget_print_builder (b);
      return 0;
    }

  if (offer.cap_per_fund_cents > 0)
    {
      g_autofree char *a = cag_cli_budget_money (offer.cap_per_fund_cents);

      g_print (_("Offer of %s on “%s”: %d:%d, at most %s per fund."), funder->name,
               campaign->name, offer.num, offer.den, a);
    }
  else
    g_print (_("Offer of %s on “%s”: %d:%d, no cap."), funder->name, campaign->name,
             offer.num, offer.den);
  g_print ("\n");
  if (offers->len > 1)
    {
      g_autofree char *r = cag_cli_budget_ratio_text (num, den);

      g_print (_("The campaign has %u offers; each dollar saved is matched once, under the "
                 "highest ratio (%s)."), offers->len, r);
      g_print ("\n");
    }
  return 0;
}
