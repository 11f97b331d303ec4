/* cag-demo.h — example data: the seed's Dakar 2005 campaign and the
 * organizations of its section 4.A.b, with plausible monthly histories. */
#pragma once

#include "cag-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  campaign_id;
  guint   organizations;
  guint   funds;
  guint   contributions;
  CagDate cutoff;          /* history recorded up to this date */
} CagDemoSummary;

/* Fills an EMPTY database (EXISTS otherwise) in one transaction.  The history
 * is the same on every run; AS_OF (NULL: today, never after the deadline)
 * decides how much of it is recorded. */
gboolean cag_demo_fill (CagStore       *store,
                        const CagDate  *as_of,
                        CagDemoSummary *out,
                        GError        **error);

G_END_DECLS
