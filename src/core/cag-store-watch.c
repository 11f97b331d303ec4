/* cag-store-watch.c — noticing changes that other programs make to the
 * database (docs/SERVER.md, "Changes made by others").
 *
 * A file: PRAGMA data_version, a counter SQLite bumps on this connection
 * whenever another connection commits; reading it costs no I/O beyond a
 * lock check, so polling it every two seconds is free even with a million
 * contributions.
 */
#include "config.h"

#include "cag-store-util.h"
#include "cag-store-watch.h"

typedef struct
{
  CagStore           *store;
  gint64              cursor;
  CagStoreChangedFunc func;
  gpointer            user_data;
  GDestroyNotify      notify;
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  if (watch->notify != NULL)
    watch->notify (watch->user_data);
  g_free (watch);
}

static gboolean
watch_tick (gpointer data)
{
  Watch *watch = data;
  gboolean changed = FALSE;
  g_autoptr(GError) error = NULL;

  /* A database busy or unreadable for a moment is looked at again on the
   * next tick; the window says so when it next reads. */
  if (!cag_store_poll_changes (watch->store, &watch->cursor, &changed, &error))
    g_debug ("watching the database: %s", error->message);
  else if (changed)
    watch->func (watch->store, watch->user_data);
  return G_SOURCE_CONTINUE;
}

/* cag_store_poll_changes () is in cag-store.c: each backend has its way. */

guint
cag_store_watch (CagStore           *store,
                 guint               interval_ms,
                 CagStoreChangedFunc func,
                 gpointer            user_data,
                 GDestroyNotify      notify)
{
  Watch *watch;
  g_autoptr(GSource) source = NULL;

  g_return_val_if_fail (store != NULL && func != NULL, 0);

  watch = g_new0 (Watch, 1);
  watch->store = store;
  watch->cursor = -1;
  watch->func = func;
  watch->user_data = user_data;
  watch->notify = notify;
  /* The starting point: what is there now is what the caller has shown. */
  watch_tick (watch);
  source = g_timeout_source_new (interval_ms);
  g_source_set_name (source, "[cagnotte] store watch");
  g_source_set_callback (source, watch_tick, watch, watch_free);
  return g_source_attach (source, g_main_context_get_thread_default ());
}
