/* cag-cli-demo.c — `cagnotte-cli demo`: example data from the seed (see
 * src/core/cag-demo.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-cli-private.h"
#include "cag-demo.h"

int
cag_cli_cmd_demo (CagCli *cli, int argc, char **argv)
{
  g_autofree char *as_of_text = NULL;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Record the history up to this date (YYYY-MM-DD; default today)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  CagDemoSummary summary;
  CagDate cutoff;
  CagStore *store;

  if (!cag_cli_parse (&argc, &argv, "demo",
                      _("Fill an empty database with the Dakar 2005 campaign and the organizations of the GESQ's 2003 plan."),
                      entries))
    return 1;
  if (argc > 1)
    return cag_cli_usage (_("unexpected argument “%s”"), argv[1]);
  if (!cag_cli_parse_date (as_of_text, &cutoff, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  store = cag_cli_store (cli, &error);
  if (store == NULL)
    return cag_cli_fail (g_steal_pointer (&error));
  if (!cag_demo_fill (store, &cutoff, &summary, &error))
    return cag_cli_fail (g_steal_pointer (&error));

  {
    g_autofree char *when = cag_date_format (&summary.cutoff, cag_i18n_get_language ());

    g_print (_("Example data written to %s: the campaign “%s”, %u organizations, %u funds, %u contributions up to %s."),
             cag_store_get_path (store), "Dakar 2005", summary.organizations,
             summary.funds, summary.contributions, when);
    g_print ("\n");
    g_print ("%s\n", _("See where each fund stands with “cagnotte-cli status”."));
  }
  return 0;
}
