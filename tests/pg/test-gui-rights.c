/* test-gui-rights.c — the window greys out what the account behind a server
 * database may not do (docs/SERVER.md): a coordinator, a treasurer of one
 * organization and an auditor open the same ledger.
 *
 * Run by pg-cluster.sh under Xvfb: CAGNOTTE_TEST_PG names a superuser's
 * connection, used only to create the roles and the database.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "cag-org-detail.h"
#include "cag-org-list.h"
#include "cag-record-dialog.h"
#include "cag-server.h"
#include "cag-window.h"
#include "gui-test-util.h"

static char *base_uri;     /* the test database, without user= */
static gint64 org_north, org_south, campaign_id;

static char *
uri_for (const char *role)
{
  return g_strdup_printf ("%s&user=%s", base_uri, role);
}

static void
admin (const char *sql)
{
  PGconn *conn = PQconnectdb (g_getenv ("CAGNOTTE_TEST_PG"));
  PGresult *res = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  PQclear (res);
  PQfinish (conn);
}

static void
build_ledger (void)
{
  g_autofree char *coord = uri_for ("gr_coord");
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = cag_store_open (coord, &error);
  const char *names[] = { "Centre Nord", "Coop Sud" };
  gint64 ids[2];
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();

  g_assert_no_error (error);
  g_assert_true (cag_server_init (coord, &error));
  campaign->name = g_strdup ("Congrès");
  campaign->delegation_cost_cents = 100000;
  /* The test runs with CAGNOTTE_TODAY=2026-03-15. */
  g_assert_true (cag_date_parse_iso ("2026-01-01", &campaign->start, NULL));
  g_assert_true (cag_date_parse_iso ("2026-12-01", &campaign->deadline, NULL));
  g_assert_true (cag_store_campaign_add (store, campaign, &error));
  campaign_id = campaign->id;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CagOrganization) org = cag_organization_new ();
      g_autoptr(CagFund) fund = cag_fund_new ();

      org->name = g_strdup (names[i]);
      g_assert_true (cag_store_org_add (store, org, &error));
      fund->organization_id = ids[i] = org->id;
      fund->campaign_id = campaign->id;
      g_assert_true (cag_store_fund_open (store, fund, &error));
      g_assert_no_error (error);
    }
  org_north = ids[0];
  org_south = ids[1];
  g_assert_true (cag_server_grant (coord, "gr_tom", CAG_RIGHTS_ORGS, "Centre Nord", &error));
  g_assert_true (cag_server_grant (coord, "gr_aud", CAG_RIGHTS_READ, NULL, &error));
  g_assert_no_error (error);
}

static CagWindow *
window_as (const char *role)
{
  g_autofree char *uri = uri_for (role);
  g_autoptr(GError) error = NULL;
  CagStore *store = cag_store_open (uri, &error);
  CagWindow *window;

  g_assert_no_error (error);
  window = cag_window_new (NULL);
  cag_window_set_store (window, store);
  cag_window_set_campaign_id (window, campaign_id);
  gtk_widget_show (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static gboolean
enabled (CagWindow *window, const char *action)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), action);
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  GList *children;
  GtkWidget *found = NULL;

  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  if (!GTK_IS_CONTAINER (root))
    return NULL;
  children = gtk_container_get_children (GTK_CONTAINER (root));
  for (GList *l = children; l != NULL && found == NULL; l = l->next)
    found = find_button (l->data, label);
  g_list_free (children);
  return found;
}

static void
test_actions (void)
{
  struct { const char *role; gboolean record, edit; } cases[] = {
    { "gr_coord", TRUE, TRUE },
    { "gr_tom", TRUE, FALSE },
    { "gr_aud", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CagWindow *window = window_as (cases[i].role);
      GtkWidget *list = cag_window_get_org_list (window);

      g_test_message ("role %s", cases[i].role);
      g_assert_cmpint (enabled (window, "record"), ==, cases[i].record);
      g_assert_cmpint (enabled (window, "batch"), ==, cases[i].record);
      g_assert_cmpint (enabled (window, "import"), ==, cases[i].record);
      g_assert_cmpint (enabled (window, "new-campaign"), ==, cases[i].edit);
      g_assert_cmpint (enabled (window, "campaign-settings"), ==, cases[i].edit);
      /* Reading is for everyone. */
      g_assert_true (enabled (window, "show-organizations"));
      g_assert_true (enabled (window, "export-summary"));
      cag_window_show_page (window, "organizations");
      gui_test_flush (50);
      g_assert_cmpint (gtk_widget_get_sensitive (find_button (list, _("_Add Organization…"))), ==,
                       cases[i].edit);
      gtk_widget_destroy (GTK_WIDGET (window));
      gui_test_flush (50);
    }
}

static void
test_treasurer_detail_and_dialog (void)
{
  CagWindow *window = window_as ("gr_tom");
  CagRecordDialog *dialog;
  GtkWidget *detail = cag_window_get_detail (window);

  cag_window_show_organization (window, org_south);
  gui_test_flush (50);
  g_assert_false (gtk_widget_get_sensitive (find_button (detail, _("Record a _Contribution…"))));
  cag_window_show_organization (window, org_north);
  gui_test_flush (50);
  g_assert_true (gtk_widget_get_sensitive (find_button (detail, _("Record a _Contribution…"))));

  dialog = CAG_RECORD_DIALOG (cag_window_record (window, 0));
  gtk_entry_set_text (cag_record_dialog_get_entry (dialog, "amount"), "10");
  gtk_entry_set_text (cag_record_dialog_get_entry (dialog, "organization"), "Coop Sud");
  g_assert_false (cag_record_dialog_is_valid (dialog));
  gtk_entry_set_text (cag_record_dialog_get_entry (dialog, "organization"), "Centre Nord");
  g_assert_true (cag_record_dialog_is_valid (dialog));
  gtk_widget_destroy (GTK_WIDGET (dialog));
  gtk_widget_destroy (GTK_WIDGET (window));
  gui_test_flush (50);
}

int
main (int argc, char **argv)
{
  const char *server = g_getenv ("CAGNOTTE_TEST_PG");
  g_autofree char *host = NULL;

  if (!gui_test_init (&argc, &argv))
    return 0;
  if (server == NULL)
    {
      g_print ("1..0 # SKIP CAGNOTTE_TEST_PG is not set (run through pg-cluster.sh)\n");
      return 0;
    }
  host = g_strdup (strstr (server, "host=") + strlen ("host="));
  if (strchr (host, '&') != NULL)
    *strchr (host, '&') = '\0';
  admin ("CREATE ROLE gr_coord LOGIN");
  admin ("CREATE ROLE gr_tom LOGIN");
  admin ("CREATE ROLE gr_aud LOGIN");
  admin ("CREATE DATABASE gui_rights OWNER gr_coord");
  base_uri = g_strdup_printf ("postgresql:///gui_rights?host=%s", host);
  build_ledger ();
  g_test_add_func ("/gui-rights/actions", test_actions);
  g_test_add_func ("/gui-rights/treasurer-detail-and-dialog", test_treasurer_detail_and_dialog);
  return g_test_run ();
}
