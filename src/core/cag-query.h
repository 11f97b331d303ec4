/* cag-query.h — id lists for the window's lazy lists (docs/GUI.md, "Scale"): the
 * view holds only ids, sorted and filtered in SQL, and fetches each row by
 * id when it is shown. */
#pragma once

#include <glib.h>
#include "cag-store.h"

G_BEGIN_DECLS

typedef enum
{
  CAG_ORG_SORT_NAME,
  CAG_ORG_SORT_SHORT_NAME,
  CAG_ORG_SORT_REGION,
  CAG_ORG_SORT_KIND,
} CagOrgSort;

/* Ids of organizations sorted by SORT (folded, ties by folded name),
 * descending when DESCENDING; SEARCH (nullable) matches the name, short name
 * or region without regard to case and accents, as cag_store_org_list does.
 * Element type gint64. */
GArray *cag_query_org_ids (CagStore   *store,
                           const char *search,
                           gboolean    include_inactive,
                           CagOrgSort  sort,
                           gboolean    descending,
                           GError    **error);

G_END_DECLS
