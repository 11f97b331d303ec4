/* cag-model.h — the records the store reads and writes.
 *
 * Plain structs, owned by the caller, freed with their _free function (and
 * g_autoptr).  Optional text is NULL when absent.  Ids are > 0; 0 means "not
 * saved yet" or "none".
 */
#pragma once

#include <glib.h>
#include "cag-date.h"

G_BEGIN_DECLS

typedef enum
{
  CAG_ORG_REGIONAL,
  CAG_ORG_SECTORAL,
  CAG_ORG_NETWORK,
} CagOrgKind;

typedef enum
{
  CAG_CHARITY_NONE,
  CAG_CHARITY_PENDING,
  CAG_CHARITY_REGISTERED,
} CagCharity;

typedef enum
{
  CAG_METHOD_CHEQUE,
  CAG_METHOD_TRANSFER,
  CAG_METHOD_CASH,
  CAG_METHOD_OTHER,
} CagMethod;

/* Machine names ("regional", "cheque", …) as used in SQL, JSON and the CLI,
 * and their translated labels for people. from_string returns FALSE on an
 * unknown name. */
const char *cag_org_kind_to_string  (CagOrgKind kind);
gboolean    cag_org_kind_from_string (const char *s, CagOrgKind *out);
const char *cag_org_kind_label      (CagOrgKind kind);
const char *cag_charity_to_string   (CagCharity c);
gboolean    cag_charity_from_string (const char *s, CagCharity *out);
const char *cag_charity_label       (CagCharity c);
const char *cag_method_to_string    (CagMethod m);
gboolean    cag_method_from_string  (const char *s, CagMethod *out);
const char *cag_method_label        (CagMethod m);

typedef struct
{
  gint64      id;
  char       *name;          /* required, unique without regard to case/accents */
  char       *short_name;
  char       *region;
  CagOrgKind  kind;
  char       *contact_name;
  char       *email;
  char       *phone;
  char       *notes;
  gboolean    active;
  CagCharity  charity;
} CagOrganization;

CagOrganization *cag_organization_new  (void);   /* active, regional, no charity */
CagOrganization *cag_organization_copy (const CagOrganization *org);
void             cag_organization_free (CagOrganization *org);

typedef struct
{
  gint64   id;
  char    *name;             /* required, unique */
  gint64   delegation_cost_cents;
  CagDate  start;            /* saving starts */
  CagDate  deadline;         /* the event; after start */
} CagCampaign;

CagCampaign *cag_campaign_new  (void);
CagCampaign *cag_campaign_copy (const CagCampaign *campaign);
void         cag_campaign_free (CagCampaign *campaign);

typedef struct
{
  gint64  id;
  gint64  organization_id;
  gint64  campaign_id;
  gint    delegations;                /* >= 1 */
  gint64  target_override_cents;      /* 0: delegations × delegation cost */
  gint64  monthly_override_cents;     /* 0: ceil(target / N) */
  /* Read-only, filled by the store: */
  char   *organization_name;
  char   *campaign_name;
  gint64  target_cents;               /* effective target */
} CagFund;

CagFund *cag_fund_new  (void);
CagFund *cag_fund_copy (const CagFund *fund);
void     cag_fund_free (CagFund *fund);

typedef struct
{
  gint64    id;
  gint64    fund_id;
  CagDate   date;
  gint64    amount_cents;    /* > 0 */
  CagMethod method;
  char     *reference;
  char     *note;
  /* Filled by the store: */
  char     *recorded_at;     /* ISO 8601 UTC timestamp */
  char     *recorded_by;     /* user account */
  gboolean  voided;
  char     *void_reason;
  char     *voided_at;
  char     *voided_by;
  char     *organization_name;
  char     *campaign_name;
} CagContribution;

CagContribution *cag_contribution_new  (void);
CagContribution *cag_contribution_copy (const CagContribution *c);
void             cag_contribution_free (CagContribution *c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagOrganization, cag_organization_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagCampaign, cag_campaign_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagFund, cag_fund_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagContribution, cag_contribution_free)

G_END_DECLS
