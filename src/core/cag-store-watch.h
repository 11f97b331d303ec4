/* cag-store-watch.h — noticing changes that other programs make to the
 * database the store has open (docs/SERVER.md, "Changes made by others"). */
#pragma once

#include <glib.h>
#include "cag-store.h"

G_BEGIN_DECLS

/* How often a file is looked at (a cheap read of a counter, no scan). */
#define CAG_STORE_WATCH_INTERVAL_MS 2000

typedef void (*CagStoreChangedFunc) (CagStore *store,
                                     gpointer  user_data);

/* TRUE in *CHANGED when another connection has committed a change to
 * STORE's database since the call that set *CURSOR (start with a cursor of
 * -1: that first call only takes the starting point and says FALSE).
 * STORE's own writes do not count: who writes already knows.  FALSE with
 * *error when the database cannot be read. */
gboolean  cag_store_poll_changes (CagStore *store,
                                  gint64   *cursor,
                                  gboolean *changed,
                                  GError  **error);

/* Calls FUNC from the thread-default main context, at most every
 * INTERVAL_MS, after another program has changed STORE's database.  Returns
 * the source id; remove it with g_source_remove() before closing STORE.
 * NOTIFY frees USER_DATA when the source goes. */
guint     cag_store_watch        (CagStore           *store,
                                  guint               interval_ms,
                                  CagStoreChangedFunc func,
                                  gpointer            user_data,
                                  GDestroyNotify      notify);

G_END_DECLS
