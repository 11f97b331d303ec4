/* cag-org-list.h — the member organizations: search, add, edit,
 * deactivate. */
#pragma once

#include <gtk/gtk.h>
#include "cag-query.h"
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_ORG_LIST (cag_org_list_get_type ())
G_DECLARE_FINAL_TYPE (CagOrgList, cag_org_list, CAG, ORG_LIST, GtkBox)

enum
{
  CAG_ORG_LIST_COL_ID,
  CAG_ORG_LIST_COL_NAME,
  CAG_ORG_LIST_COL_SHORT_NAME,
  CAG_ORG_LIST_COL_REGION,
  CAG_ORG_LIST_COL_KIND,
  CAG_ORG_LIST_COL_CONTACT,
  CAG_ORG_LIST_COL_FUND,
  CAG_ORG_LIST_COL_ACTIVE,
  CAG_ORG_LIST_COL_STATUS,
};

/* A read that fails, of the list or of a row, shows a placeholder and
 * emits "load-failed" (GError) (docs/GUI.md, "When the database fails"). */
void          cag_org_list_load         (CagOrgList *self,
                                         CagStore   *store,
                                         gint64      campaign_id);
/* The date of the fund column's figures (NULL: today); applied at the next
 * load. */
void          cag_org_list_set_as_of    (CagOrgList    *self,
                                         const CagDate *as_of);
void          cag_org_list_focus_search (CagOrgList *self);
GtkTreeModel *cag_org_list_get_model    (CagOrgList *self);
/* Searches at once (the entry waits for typing to pause). */
void          cag_org_list_set_search   (CagOrgList *self,
                                         const char *text);
/* Sorts the list (in SQL), as clicking a column heading does. */
void          cag_org_list_set_sort     (CagOrgList *self,
                                         CagOrgSort  sort,
                                         gboolean    descending);
/* Opens the dialog that adds (ORG_ID 0) or edits an organization. */
/* Whether the account may add and edit organizations (docs/SERVER.md). */
void          cag_org_list_set_editable (CagOrgList *self,
                                         gboolean    editable);
GtkWidget    *cag_org_list_edit         (CagOrgList *self,
                                         gint64      org_id);

G_END_DECLS
