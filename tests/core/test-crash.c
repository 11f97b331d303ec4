/* test-crash.c — a writer process (crash-writer) killed with SIGKILL at
 * random moments: every contribution it reported as recorded is still there
 * with its amount, the file passes PRAGMA integrity_check and every kept
 * total matches the ledger (docs/RELIABILITY.md).
 *
 * Arguments: the path of crash-writer, then the number of kills. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cag-store.h"

static const char *writer_path;
static guint n_kills = 8;

static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = cag_store_open (path, &error);
  g_autoptr(CagOrganization) org = cag_organization_new ();
  g_autoptr(CagCampaign) campaign = cag_campaign_new ();
  g_autoptr(CagFund) fund = cag_fund_new ();

  g_assert_no_error (error);
  org->name = g_strdup ("Chantier de l’économie sociale");
  g_assert_true (cag_store_org_add (store, org, &error));
  campaign->name = g_strdup ("Dakar 2005");
  campaign->delegation_cost_cents = 450000;
  campaign->start = (CagDate) { 2003, 6, 1 };
  campaign->deadline = (CagDate) { 2006, 6, 1 };
  g_assert_true (cag_store_campaign_add (store, campaign, &error));
  fund->organization_id = org->id;
  fund->campaign_id = campaign->id;
  fund->delegations = 1;
  g_assert_true (cag_store_fund_open (store, fund, &error));
  g_assert_no_error (error);
}

/* Runs the writer for DELAY_MS, kills it, returns what it reported:
 * id → amount. */
static void
run_and_kill (const char *db,
              guint       delay_ms,
              GHashTable *reported)
{
  const char *argv[] = { writer_path, db, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GPid pid;
  int out_fd, status = 0;
  gsize length = 0;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  g_usleep (delay_ms * 1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_set_encoding (channel, NULL, NULL);
  g_io_channel_read_to_end (channel, &out, &length, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 id, amount;
      char *end = NULL;

      /* The last line may be cut by the kill. */
      if (lines[i + 1] == NULL)
        break;
      id = g_ascii_strtoll (lines[i], &end, 10);
      g_assert_true (end != NULL && *end == ' ');
      amount = g_ascii_strtoll (end + 1, NULL, 10);
      g_hash_table_insert (reported, g_memdup2 (&id, sizeof id), g_memdup2 (&amount, sizeof id));
    }
}

static void
test_crash_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cagnotte-crash-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "cagnotte.db", NULL);
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2005);

  g_assert_no_error (error);
  make_database (db);
  for (guint k = 0; k < n_kills; k++)
    {
      g_autoptr(CagStore) store = NULL;
      GHashTableIter iter;
      gpointer key, value;

      run_and_kill (db, (guint) g_rand_int_range (rand, 5, 120), reported);

      /* The next opening finds every reported row, and a sound file. */
      store = cag_store_open_existing (db, &error);
      g_assert_no_error (error);
      g_hash_table_iter_init (&iter, reported);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(CagContribution) c = cag_store_contribution_get (store, *(gint64 *) key,
                                                                      &error);

          g_assert_no_error (error);
          g_assert_cmpint (c->amount_cents, ==, *(gint64 *) value);
        }
      g_assert_true (cag_store_check_integrity (store, &error));
      g_assert_no_error (error);
      g_assert_true (cag_store_check_totals (store, &error));
      g_assert_no_error (error);
    }
  g_test_message ("%u kills, %u contributions reported and found", n_kills,
                  g_hash_table_size (reported));
  g_assert_cmpuint (g_hash_table_size (reported), >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cag_i18n_init ();
  g_assert_cmpint (argc, >=, 2);
  writer_path = argv[1];
  if (argc >= 3)
    n_kills = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  g_test_add_func ("/crash/writer-killed", test_crash_writer);
  return g_test_run ();
}
