/* cag-window-private.h — what cag-window.c and cag-window-actions.c share. */
#pragma once

#include "cag-budget-view.h"
#include "cag-org-detail.h"
#include "cag-org-list.h"
#include "cag-overview.h"
#include "cag-server.h"
#include "cag-welcome.h"
#include "cag-window.h"

G_BEGIN_DECLS

struct _CagWindow
{
  GtkApplicationWindow  parent_instance;

  CagStore             *store;
  CagRights            *rights;           /* of the account behind store */
  gint64                campaign_id;
  GSettings            *settings;
  GArray               *undo_ids;         /* gint64 contribution ids */
  gboolean              undo_restores;    /* Undo records undo_ids[0] again (a void) */
  guint                 notification_timeout;
  gboolean              loading_campaigns;
  gboolean              org_list_dirty;   /* reloaded when next shown */
  gint                  width;
  gint                  height;
  gboolean              maximized;
  CagDate               as_of;            /* of the overview and the detail */
  guint                 store_watch;      /* changes by others (docs/GUI.md) */

  /* Template children */
  GtkHeaderBar         *header_bar;
  GtkWidget            *back_button;
  GtkWidget            *record_button;
  GtkWidget            *menu_button;
  GtkWidget            *view_bar;
  GtkWidget            *view_bar_separator;
  GtkComboBoxText      *campaign_combo;
  GtkWidget            *campaign_label;
  GtkStack             *stack;
  CagWelcome           *welcome;
  CagOverview          *overview;
  CagOrgList           *org_list;
  CagBudgetView        *budget_view;
  CagOrgDetail         *detail;
  GtkRevealer          *notification_revealer;
  GtkLabel             *notification_label;
  GtkWidget            *undo_button;
  GtkWidget            *open_button;      /* opens open_path */
  GtkInfoBar           *error_bar;        /* a read failed (docs/GUI.md) */
  GtkLabel             *error_label;
  GtkWidget            *error_retry_button;
  GtkWidget            *error_close_button;
  gboolean              read_failed;      /* during cag_window_reload */
  char                 *open_path;
  GMenu                *primary_menu;
  GMenu                *recent_submenu;
};

/* The win.* actions (cag-window-actions.c). */
void cag_window_add_actions (CagWindow  *self);
/* An in-window notification whose Undo voids IDS (gint64; may be NULL). */
void cag_window_notify_ids  (CagWindow  *self,
                             const char *message,
                             GArray     *ids);

G_END_DECLS
