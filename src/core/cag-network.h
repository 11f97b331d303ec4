/* cag-network.h — the network's identity: who issues every document
 * (statements, summaries, reminder letters, pro-formas).  One per database.
 * See docs/DOCUMENTS.md. */
#pragma once

#include <glib.h>
#include "cag-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;             /* "Groupe d'économie solidaire du Québec" */
  char *address;          /* may hold line breaks */
  char *contact;          /* the person who answers and signs */
  char *email;
  char *phone;
  char *charity_number;   /* registered charity number, if any */
  char *website;
} CagNetwork;

CagNetwork *cag_network_new       (void);
void        cag_network_free      (CagNetwork *network);
CagNetwork *cag_network_copy      (const CagNetwork *network);
/* TRUE when no field is set. */
gboolean    cag_network_is_empty  (const CagNetwork *network);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagNetwork, cag_network_free)

/* The stored profile; never NULL on success (unset fields are NULL). */
CagNetwork *cag_store_network_get (CagStore *store,
                                   GError  **error);
/* Replaces the profile (fields trimmed; blank → NULL).  Refuses, leaving the
 * profile as it was: text over its length, control characters (line breaks
 * are allowed in the address only), an e-mail address without the shape
 * name@domain.tld, a website with spaces.  One transaction, one audit entry
 * ("network.set"). */
gboolean    cag_store_network_set (CagStore         *store,
                                   const CagNetwork *network,
                                   GError          **error);

G_END_DECLS
