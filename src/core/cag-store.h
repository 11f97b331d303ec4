/* cag-store.h — the user's document: one SQLite database.
 *
 * Every write is one transaction that also updates the per-fund and
 * per-month totals and appends to the audit log; on any error nothing is
 * changed.  Reads of figures never scan the ledger: they use the totals kept
 * current by the writes.  All SQL stays behind this interface (a shared
 * server database is planned).
 */
#pragma once

#include <glib.h>
#include "cag-model.h"
#include "cag-rules.h"

G_BEGIN_DECLS

typedef struct _CagStore CagStore;

/* The schema version this build writes. */
#define CAG_STORE_SCHEMA_VERSION cag_store_schema_version ()
gint       cag_store_schema_version (void);

/* $XDG_DATA_HOME/cagnotte/cagnotte.db (newly allocated). */
char      *cag_store_default_path   (void);

/* Opens PATH, creating it (mode 0600, and its folder) when it does not exist,
 * and upgrades an older schema step by step in one transaction.  Refuses, with
 * a CAG_ERROR that says what to do: a newer schema (DB_TOO_NEW), a file that
 * is not a Cagnotte database or is damaged (DB_CORRUPT), a locked database
 * (DB_LOCKED), a read-only file or folder when a write is needed
 * (DB_READONLY).  Foreign keys on, WAL journal, busy timeout 5 s. */
CagStore  *cag_store_open           (const char *path,
                                     GError    **error);
/* TRUE when LOCATION is a PostgreSQL connection URI (postgresql://… or
 * postgres://…): cag_store_open then connects to that server database
 * (docs/SERVER.md) instead of opening a file. */
gboolean   cag_store_location_is_server (const char *location);
/* Like cag_store_open but never creates a file: NOT_FOUND when missing. */
CagStore  *cag_store_open_existing  (const char *path,
                                     GError    **error);
void       cag_store_close          (CagStore *store);
const char *cag_store_get_path      (CagStore *store);
/* A read snapshot: every read between begin and end sees the database as
 * it was at begin, whatever another program writes meanwhile, so a document
 * made of several queries agrees with itself (docs/RELIABILITY.md).  They
 * nest; inside a write (or another snapshot) they only count.  No write may
 * start inside a snapshot.  Every reader made of several queries (a fund's
 * status, the figures, a budget, the statements and exports) takes one. */
gboolean   cag_store_read_begin     (CagStore *store,
                                     GError  **error);
void       cag_store_read_end       (CagStore *store);
/* TRUE when the database holds no organization and no campaign. */
gboolean   cag_store_is_empty       (CagStore *store);

/* ---- Organizations ------------------------------------------------------ */

/* Validates (name required, unique without regard to case and accents; e-mail
 * shape), sets org->id on success. */
gboolean   cag_store_org_add        (CagStore        *store,
                                     CagOrganization *org,
                                     GError         **error);
gboolean   cag_store_org_update     (CagStore              *store,
                                     const CagOrganization *org,
                                     GError               **error);
gboolean   cag_store_org_set_active (CagStore *store,
                                     gint64    org_id,
                                     gboolean  active,
                                     GError  **error);
CagOrganization *cag_store_org_get  (CagStore *store,
                                     gint64    org_id,
                                     GError  **error);
/* KEY is an id ("12"), a name or a short name, compared without regard to
 * case and accents.  NOT_FOUND or AMBIGUOUS otherwise. */
CagOrganization *cag_store_org_find (CagStore   *store,
                                     const char *key,
                                     GError    **error);
/* Organizations sorted by folded name; SEARCH (nullable) matches name, short
 * name or region, ignoring case and accents.  Element type CagOrganization. */
GPtrArray *cag_store_org_list       (CagStore   *store,
                                     const char *search,
                                     gboolean    include_inactive,
                                     GError    **error);
gint64     cag_store_org_count      (CagStore *store);

/* ---- Campaigns ---------------------------------------------------------- */

gboolean   cag_store_campaign_add    (CagStore    *store,
                                      CagCampaign *campaign,
                                      GError     **error);
gboolean   cag_store_campaign_update (CagStore          *store,
                                      const CagCampaign *campaign,
                                      GError           **error);
CagCampaign *cag_store_campaign_get  (CagStore *store,
                                      gint64    campaign_id,
                                      GError  **error);
CagCampaign *cag_store_campaign_find (CagStore   *store,
                                      const char *key,
                                      GError    **error);
/* Sorted by start date, then name.  Element type CagCampaign. */
GPtrArray *cag_store_campaign_list   (CagStore *store,
                                      GError  **error);

/* ---- Funds -------------------------------------------------------------- */

/* One fund per (organization, campaign): EXISTS otherwise. */
gboolean   cag_store_fund_open      (CagStore *store,
                                     CagFund  *fund,
                                     GError  **error);
/* Changes delegations and overrides. */
gboolean   cag_store_fund_update    (CagStore      *store,
                                     const CagFund *fund,
                                     GError       **error);
CagFund   *cag_store_fund_get       (CagStore *store,
                                     gint64    fund_id,
                                     GError  **error);
/* The fund of ORG in CAMPAIGN; with campaign_id 0, the organization's only
 * fund (AMBIGUOUS when it has several, NOT_FOUND when none). */
CagFund   *cag_store_fund_find      (CagStore *store,
                                     gint64    org_id,
                                     gint64    campaign_id,
                                     GError  **error);
/* Funds of a campaign (campaign_id > 0) and/or of an organization (org_id >
 * 0), sorted by organization.  Element type CagFund. */
GPtrArray *cag_store_fund_list      (CagStore *store,
                                     gint64    campaign_id,
                                     gint64    org_id,
                                     GError  **error);

/* ---- Contributions ------------------------------------------------------ */

/* Validates (fund exists, amount > 0 and ≤ the maximum, real date), sets
 * c->id, c->recorded_at and c->recorded_by. */
gboolean   cag_store_contribution_add   (CagStore        *store,
                                         CagContribution *c,
                                         GError         **error);
/* All or nothing, in one transaction.  Element type CagContribution; each
 * gets its id.  On error, names the row (1-based) at fault. */
gboolean   cag_store_contribution_add_batch (CagStore  *store,
                                             GPtrArray *contributions,
                                             GError   **error);
/* REASON required.  Voiding a voided contribution is refused (INVALID). */
gboolean   cag_store_contribution_void  (CagStore   *store,
                                         gint64      contribution_id,
                                         const char *reason,
                                         GError    **error);
/* Voids the N contributions IDS with REASON in one transaction: all of them,
 * or (on any error, e.g. one already void) none.  Undo of a batch. */
gboolean   cag_store_contribution_void_many (CagStore     *store,
                                             const gint64 *ids,
                                             guint         n,
                                             const char   *reason,
                                             GError      **error);
CagContribution *cag_store_contribution_get (CagStore *store,
                                             gint64    contribution_id,
                                             GError  **error);
/* Contributions of a fund (fund_id > 0) or of an organization (org_id > 0,
 * every campaign) or all, voided ones included, sorted by date then id. */
GPtrArray *cag_store_contribution_list  (CagStore *store,
                                         gint64    fund_id,
                                         gint64    org_id,
                                         GError  **error);

/* ---- Figures ------------------------------------------------------------ */

typedef struct
{
  gint64          fund_id;
  gint64          organization_id;
  gint64          campaign_id;
  char           *organization_name;
  char           *organization_short_name;
  char           *region;
  char           *campaign_name;
  gint            delegations;
  CagFundFigures  figures;
} CagFundStatus;

void cag_fund_status_free (CagFundStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagFundStatus, cag_fund_status_free)

/* Figures of one fund as of AS_OF (NULL: today). */
CagFundStatus *cag_store_fund_status     (CagStore      *store,
                                          gint64         fund_id,
                                          const CagDate *as_of,
                                          GError       **error);
/* Figures of every fund of a campaign (campaign_id > 0) or of an organization
 * (org_id > 0) or of all funds, sorted by organization; a fixed number of
 * indexed queries however long the ledger. Element type CagFundStatus. */
GPtrArray     *cag_store_status_list     (CagStore      *store,
                                          gint64         campaign_id,
                                          gint64         org_id,
                                          const CagDate *as_of,
                                          GError       **error);

typedef struct
{
  gint   funds;
  gint64 saved_cents;
  gint64 matched_cents;
  gint64 target_cents;
  gint   delegations_planned;
  gint   delegations_funded;     /* of complete funds */
  gint   funds_behind;
  gint64 monthly_needed_cents;
} CagNetworkTotals;

/* Adds up an array of CagFundStatus. */
void cag_network_totals_compute (GPtrArray        *statuses,
                                 CagNetworkTotals *out);

typedef struct
{
  gint   month;          /* month index */
  gint64 total_cents;    /* non-void contributions dated in that month */
} CagMonthTotal;

/* Per-month totals of a fund (fund_id > 0) or of a whole campaign
 * (campaign_id > 0), ascending, only months with contributions.  From the kept
 * totals, not the ledger.  Element type CagMonthTotal (GArray). */
GArray   *cag_store_month_totals   (CagStore *store,
                                    gint64    fund_id,
                                    gint64    campaign_id,
                                    GError  **error);

/* Recounts every kept total from the ledger and compares; FALSE with a
 * message naming the first difference.  For tests and `cagnotte-cli check`. */
gboolean  cag_store_check_totals   (CagStore *store,
                                    GError  **error);

/* SQLite's full integrity check of the file (every page, every index):
 * DB_CORRUPT with the first problem found and what to do (restore the
 * latest backup) when the file is damaged. */
gboolean  cag_store_check_integrity (CagStore *store,
                                     GError  **error);

/* ---- Audit -------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *at;         /* ISO 8601 UTC */
  char   *user;
  char   *action;     /* "org.add", "contribution.void", … */
  char   *entity;     /* "organization", "contribution", … */
  gint64  entity_id;
  char   *detail;     /* JSON */
} CagAuditEntry;

void       cag_audit_entry_free   (CagAuditEntry *entry);
/* Newest first, at most LIMIT. Element type CagAuditEntry. */
GPtrArray *cag_store_audit_list   (CagStore *store,
                                   guint     limit,
                                   GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagStore, cag_store_close)
/* A snapshot that ends when it goes out of scope:
 *   g_autoptr(CagStoreSnapshot) snapshot = cag_store_snapshot (store, error); */
typedef CagStore CagStoreSnapshot;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagStoreSnapshot, cag_store_read_end)
static inline CagStoreSnapshot *
cag_store_snapshot (CagStore *store,
                    GError  **error)
{
  return cag_store_read_begin (store, error) ? store : NULL;
}

G_END_DECLS
