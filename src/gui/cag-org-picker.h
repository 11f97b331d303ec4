/* cag-org-picker.h — the organizations that have a fund in one campaign, for
 * typing one into an entry (Record Contribution and Batch Entry): the
 * suggestions show name, short name and region, and matching ignores case
 * and accents.  See docs/GUI.md, "Choosing the organization". */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"
#include "cag-server.h"

G_BEGIN_DECLS

enum
{
  CAG_ORG_PICKER_COL_NAME,     /* gchararray: the full name */
  CAG_ORG_PICKER_COL_ID,       /* gint64: organization id */
  CAG_ORG_PICKER_COL_KEY,      /* gchararray: folded name, short name and region */
  CAG_ORG_PICKER_COL_DETAIL,   /* gchararray: "CDQ · Montréal" */
  CAG_ORG_PICKER_COL_FUND_ID,  /* gint64: its fund in the campaign */
  CAG_ORG_PICKER_N_COLUMNS
};

#define CAG_TYPE_ORG_PICKER (cag_org_picker_get_type ())
G_DECLARE_FINAL_TYPE (CagOrgPicker, cag_org_picker, CAG, ORG_PICKER, GObject)

CagOrgPicker *cag_org_picker_new      (void);
/* Loads the organizations with a fund in CAMPAIGN_ID (none when <= 0). */
gboolean      cag_org_picker_load     (CagOrgPicker *self,
                                       CagStore     *store,
                                       gint64        campaign_id,
                                       GError      **error);
GtkTreeModel *cag_org_picker_get_model (CagOrgPicker *self);
/* The organization TYPED designates: the one whose name or short name it
 * is (without regard to case and accents), or else the only one whose name,
 * short name or region contains it.  0 when none or several (OUT_MATCHES
 * says how many); OUT_FUND_ID and OUT_NAME (owned by the picker, nullable)
 * describe it. */
gint64        cag_org_picker_resolve  (CagOrgPicker *self,
                                       const char   *typed,
                                       guint        *out_matches,
                                       gint64       *out_fund_id,
                                       const char  **out_name);
/* A completion for ENTRY over the picker's model: two cells (name, then
 * short name and region dimmed) and the same matching as resolve. */
GtkEntryCompletion *cag_org_picker_attach (CagOrgPicker *self,
                                           GtkEntry     *entry);
/* The texts the cells of COMPLETION show for the row at ITER, joined with
 * " | " (tests and accessibility checks).  Newly allocated. */
char         *cag_org_picker_describe_row (GtkEntryCompletion *completion,
                                           GtkTreeIter        *iter);

/* Offers only the organizations RIGHTS may write for at the next load
 * (docs/SERVER.md); NULL: every one.  RIGHTS must outlive the picker. */
void          cag_org_picker_set_rights (CagOrgPicker    *self,
                                         const CagRights *rights);

G_END_DECLS
