/* cag-overview.h — the network overview of one campaign: totals, chart and
 * every fund, those behind schedule first. */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_OVERVIEW (cag_overview_get_type ())
G_DECLARE_FINAL_TYPE (CagOverview, cag_overview, CAG, OVERVIEW, GtkBox)

enum
{
  CAG_OVERVIEW_COL_FUND_ID,
  CAG_OVERVIEW_COL_ORG_ID,
  CAG_OVERVIEW_COL_NAME,
  CAG_OVERVIEW_COL_REGION,
  CAG_OVERVIEW_COL_PERCENT,
  CAG_OVERVIEW_COL_PERCENT_TEXT,
  CAG_OVERVIEW_COL_STATE,
  CAG_OVERVIEW_COL_ARREARS,
  CAG_OVERVIEW_COL_MONTH,
  CAG_OVERVIEW_COL_NEEDED,
  CAG_OVERVIEW_COL_WEIGHT,
};

/* STORE may be NULL or CAMPAIGN_ID 0: shows nothing.  A read that fails
 * shows a placeholder and emits "load-failed" (GError) (docs/GUI.md, "When
 * the database fails"). */
void                    cag_overview_load         (CagOverview *self,
                                                   CagStore    *store,
                                                   gint64       campaign_id);
/* The date the figures are computed for (NULL: today); shown on the "As of"
 * button, marked when it is not today.  Takes effect at the next load; the
 * "as-of-changed" signal says the user chose another one. */
void                    cag_overview_set_as_of    (CagOverview   *self,
                                                   const CagDate *as_of);
const CagDate          *cag_overview_get_as_of    (CagOverview *self);
/* For tests: the button's text, whether "not today" shows, the button. */
const char             *cag_overview_get_as_of_text  (CagOverview *self);
gboolean                cag_overview_as_of_is_marked (CagOverview *self);
GtkWidget              *cag_overview_get_as_of_button (CagOverview *self);
void                    cag_overview_focus_search (CagOverview *self);
void                    cag_overview_set_search   (CagOverview *self,
                                                   const char  *text);
GtkTreeModel           *cag_overview_get_model    (CagOverview *self);
GtkTreeView            *cag_overview_get_view     (CagOverview *self);
const CagNetworkTotals *cag_overview_get_totals   (CagOverview *self);
/* The text of the figure labels (for tests): saved, delegations, behind, need. */
const char             *cag_overview_get_figure   (CagOverview *self,
                                                   guint        index);

G_END_DECLS
