/* gui-test-util.h — shared set-up of the GUI tests: a database in a
 * temporary folder with a campaign running since a year ago, and waiting
 * for GTK without sleeping. */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

typedef struct
{
  char     *dir;
  char     *path;
  CagStore *store;           /* owned by the caller until given to a window */
  gint64    campaign_id;
  gint64    org_ids[4];
  gint64    fund_ids[4];
} GuiTestData;

/* 0 from gtk_test_init's point of view: FALSE (and a TAP skip printed) when
 * there is no display. */
gboolean gui_test_init         (int    *argc,
                                char ***argv);
/* Builds the database; with EXAMPLE, adds contributions so that the funds
 * are in every state. */
void     gui_test_data_init    (GuiTestData *data,
                                gboolean     example);
void     gui_test_data_clear   (GuiTestData *data);
/* Runs the main loop until nothing is pending, at most MS milliseconds. */
void     gui_test_flush        (guint ms);
/* Records a contribution straight through the store. */
gint64   gui_test_contribute   (GuiTestData *data,
                                guint        org,
                                gint         months_ago,
                                gint64       cents);
