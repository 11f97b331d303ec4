/* crash-writer.c — helper of test-crash: records contributions into the
 * first fund of DB as fast as it can, one at a time and in batches, and
 * prints the id of each one once its transaction has committed.  The test
 * kills it at random moments (docs/RELIABILITY.md). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cag-store.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CagStore) store = NULL;
  g_autoptr(GPtrArray) funds = NULL;
  gint64 fund_id;

  if (argc != 2)
    return 2;
  store = cag_store_open_existing (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  funds = cag_store_fund_list (store, 0, 0, &error);
  if (funds == NULL || funds->len == 0)
    return 1;
  fund_id = ((CagFund *) funds->pdata[0])->id;
  setvbuf (stdout, NULL, _IOLBF, 0);

  for (guint i = 0;; i++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (
        (GDestroyNotify) cag_contribution_free);
      guint n = i % 5 == 4 ? 25 : 1;

      for (guint k = 0; k < n; k++)
        {
          CagContribution *c = cag_contribution_new ();

          c->fund_id = fund_id;
          c->date = (CagDate) { 2004, 1 + (gint) ((i + k) % 12), 1 + (gint) (k % 28) };
          c->amount_cents = 100 + (gint64) ((i * 7 + k) % 900);
          c->method = CAG_METHOD_CASH;
          g_ptr_array_add (batch, c);
        }
      if (n == 1 ? !cag_store_contribution_add (store, batch->pdata[0], &error)
                 : !cag_store_contribution_add_batch (store, batch, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      for (guint k = 0; k < n; k++)
        printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                ((CagContribution *) batch->pdata[k])->id,
                ((CagContribution *) batch->pdata[k])->amount_cents);
    }
  return 0;
}
