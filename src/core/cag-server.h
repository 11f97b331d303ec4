/* cag-server.h — administration of a shared PostgreSQL database: the roles
 * that may use it and what each may write (docs/SERVER.md, "Roles and
 * rights"), and the rights of the account behind a store.
 */
#pragma once

#include <glib.h>
#include "cag-store.h"

G_BEGIN_DECLS

typedef enum
{
  CAG_RIGHTS_NONE,         /* no account: reads and writes nothing */
  CAG_RIGHTS_READ,         /* auditor: reads everything, writes nothing */
  CAG_RIGHTS_ORGS,         /* treasurer: writes the ledger of some organizations */
  CAG_RIGHTS_ALL,          /* coordinator, or a SQLite file: everything */
} CagRightsKind;

typedef struct
{
  CagRightsKind  kind;
  char          *role;     /* the server role, or the OS user on SQLite */
  GArray        *org_ids;  /* gint64: the organizations a treasurer writes for */
  GPtrArray     *org_names; /* their names, in the same order */
} CagRights;

void        cag_rights_free          (CagRights *rights);
/* Whether RIGHTS allow recording, voiding and importing for ORG_ID. */
gboolean    cag_rights_may_write_org (const CagRights *rights,
                                      gint64           org_id);
/* Whether RIGHTS allow everything else (organizations, campaigns, budgets). */
gboolean    cag_rights_may_edit      (const CagRights *rights);
/* "coordinator", "treasurer", "auditor" or "none" (not translated). */
const char *cag_rights_kind_name     (CagRightsKind    kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagRights, cag_rights_free)

/* The rights of the account behind STORE: everything on a SQLite file (the
 * OS user); on a server, what `server grant` gave the connected role. */
CagRights  *cag_store_get_rights     (CagStore   *store,
                                      GError    **error);

/* Whether URI names a PostgreSQL database (postgresql:// or postgres://). */
gboolean    cag_server_is_uri        (const char *uri);
/* Whether the database at URI already has the ledger's tables. */
gboolean    cag_server_has_schema    (const char *uri,
                                      gboolean   *out_has,
                                      GError    **error);
/* Turns on row-level security and the rights tables in the database at URI,
 * whose ledger tables exist; the connected role must own them and becomes a
 * coordinator.  Running it again is harmless (and needed after an upgrade
 * adds tables). */
gboolean    cag_server_init          (const char *uri,
                                      GError    **error);
/* Makes ROLE (an existing login role) a coordinator, an auditor or, with
 * ORG (an organization's id, name or short name), a treasurer of ORG, in
 * addition to the organizations it already keeps. */
gboolean    cag_server_grant         (const char    *uri,
                                      const char    *role,
                                      CagRightsKind  kind,
                                      const char    *org,
                                      GError       **error);
/* Takes every right from ROLE.  The database's owner keeps its own. */
gboolean    cag_server_revoke        (const char *uri,
                                      const char *role,
                                      GError    **error);
/* The rights of the role connected through URI. */
CagRights  *cag_server_get_rights    (const char *uri,
                                      GError    **error);
/* Every account of the database, as CagRights (kind, role, org_ids). */
GPtrArray  *cag_server_list          (const char *uri,
                                      GError    **error);
/* A refusal from the server's rights (SQLSTATE 42501 raised by the rules of
 * `server init`) as a translated CAG_ERROR_DB_READONLY naming what was
 * refused; FALSE when SQLSTATE is not such a refusal. */
gboolean    cag_server_refusal_error (const char *sqlstate,
                                      const char *detail,
                                      const char *hint,
                                      GError    **error);

/* The same from MESSAGE, the server's whole error text (its "DETAIL:" and
 * "HINT:" lines), as the store keeps it; for the store's error mapping. */
gboolean    cag_server_refusal_from_message (const char *sqlstate,
                                             const char *message,
                                             GError    **error);

G_END_DECLS
