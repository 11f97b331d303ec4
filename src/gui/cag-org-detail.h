/* cag-org-detail.h — one organization's fund, in words a board member
 * understands, its chart and its ledger. */
#pragma once

#include <gtk/gtk.h>
#include "cag-server.h"
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_ORG_DETAIL (cag_org_detail_get_type ())
G_DECLARE_FINAL_TYPE (CagOrgDetail, cag_org_detail, CAG, ORG_DETAIL, GtkBox)

enum
{
  CAG_LEDGER_COL_ID,
  CAG_LEDGER_COL_DATE,
  CAG_LEDGER_COL_AMOUNT,
  CAG_LEDGER_COL_METHOD,
  CAG_LEDGER_COL_REFERENCE,
  CAG_LEDGER_COL_NOTE,
  CAG_LEDGER_COL_VOIDED,
  CAG_LEDGER_COL_RECORDED,
  CAG_LEDGER_COL_COUNTS,
};

/* A read that fails shows a placeholder and emits "load-failed" (GError)
 * (docs/GUI.md, "When the database fails"). */
void          cag_org_detail_load        (CagOrgDetail *self,
                                          CagStore     *store,
                                          gint64        org_id,
                                          gint64        campaign_id);
/* The date the figures and the chart are computed for (NULL: today); takes
 * effect at the next load. */
void          cag_org_detail_set_as_of   (CagOrgDetail  *self,
                                          const CagDate *as_of);
gint64        cag_org_detail_get_org_id  (CagOrgDetail *self);
const char   *cag_org_detail_get_summary (CagOrgDetail *self);
GtkTreeModel *cag_org_detail_get_ledger  (CagOrgDetail *self);
/* Voids a contribution of the ledger with REASON, then reloads the window. */
gboolean      cag_org_detail_void        (CagOrgDetail *self,
                                          gint64        contribution_id,
                                          const char   *reason,
                                          GError      **error);
/* Whether this build can export statements and a fund is shown. */
gboolean      cag_org_detail_can_export  (CagOrgDetail *self);
/* What the account may write (docs/SERVER.md); NULL: everything.  Owned by
 * the caller, which keeps it alive while set.  Greys out Record and Void
 * for an organization the account may not write for. */
void          cag_org_detail_set_rights  (CagOrgDetail    *self,
                                          const CagRights *rights);
/* Asks where, then saves the shown fund's statement as a PDF file. */
void          cag_org_detail_export      (CagOrgDetail *self);
/* Selects the ledger row of CONTRIBUTION_ID; FALSE when it is not there. */
gboolean      cag_org_detail_select      (CagOrgDetail *self,
                                          gint64        contribution_id);
/* Opens the dialog that asks why the selected row is voided; returns it
 * (NULL when no row, or a voided one, is selected). */
GtkWidget    *cag_org_detail_ask_void    (CagOrgDetail *self);

G_END_DECLS
