/* cag-org-model.h — the organizations list as a lazy GtkTreeModel over
 * SQLite ids (docs/GUI.md, "Scale"): rows are ids sorted and filtered in SQL, and
 * each organization is read by id, with a small cache, only when the view
 * shows it. */
#pragma once

#include <gtk/gtk.h>
#include "cag-list-model.h"
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_ORG_MODEL (cag_org_model_get_type ())
G_DECLARE_FINAL_TYPE (CagOrgModel, cag_org_model, CAG, ORG_MODEL, CagListModel)

/* IDS (gint64, copied) in display order.  STORE must outlive the model.  The
 * fund column describes each organization's fund in CAMPAIGN_ID (0: none)
 * as of AS_OF (NULL: today; the window's "As of" date).
 * The columns are CAG_ORG_LIST_COL_* (cag-org-list.h). */
CagOrgModel *cag_org_model_new (CagStore      *store,
                                gint64         campaign_id,
                                const CagDate *as_of,
                                GArray        *ids);

G_END_DECLS
