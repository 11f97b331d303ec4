/* cag-model.c — record types and the names of their enumerations. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"

#include "cag-model.h"

typedef struct
{
  const char *name;
  const char *label;    /* N_() */
} CagEnumName;

static const CagEnumName org_kinds[] = {
  [CAG_ORG_REGIONAL] = { "regional", N_("Regional") },
  [CAG_ORG_SECTORAL] = { "sectoral", N_("Sectoral") },
  [CAG_ORG_NETWORK] = { "network", N_("Network") },
};

static const CagEnumName charities[] = {
  [CAG_CHARITY_NONE] = { "none", N_("No charitable status") },
  [CAG_CHARITY_PENDING] = { "pending", N_("Charitable status pending") },
  [CAG_CHARITY_REGISTERED] = { "registered", N_("Registered charity") },
};

static const CagEnumName methods[] = {
  [CAG_METHOD_CHEQUE] = { "cheque", N_("Cheque") },
  [CAG_METHOD_TRANSFER] = { "transfer", N_("Transfer") },
  [CAG_METHOD_CASH] = { "cash", N_("Cash") },
  [CAG_METHOD_OTHER] = { "other", N_("Other") },
};

static gboolean
lookup (const CagEnumName *names,
        gsize              n,
        const char        *s,
        int               *out)
{
  if (s == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (names[i].name, s) == 0)
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_ENUM_NAMES(Type, prefix, table)                                \
  const char *prefix##_to_string (Type v)                                     \
  {                                                                           \
    return (guint) v < G_N_ELEMENTS (table) ? table[v].name : table[0].name;  \
  }                                                                           \
  const char *prefix##_label (Type v)                                         \
  {                                                                           \
    return _((guint) v < G_N_ELEMENTS (table) ? table[v].label : table[0].label); \
  }                                                                           \
  gboolean prefix##_from_string (const char *s, Type *out)                    \
  {                                                                           \
    int i;                                                                    \
    if (!lookup (table, G_N_ELEMENTS (table), s, &i))                         \
      return FALSE;                                                           \
    *out = (Type) i;                                                          \
    return TRUE;                                                              \
  }

DEFINE_ENUM_NAMES (CagOrgKind, cag_org_kind, org_kinds)
DEFINE_ENUM_NAMES (CagCharity, cag_charity, charities)
DEFINE_ENUM_NAMES (CagMethod, cag_method, methods)

CagOrganization *
cag_organization_new (void)
{
  CagOrganization *org = g_new0 (CagOrganization, 1);

  org->kind = CAG_ORG_REGIONAL;
  org->active = TRUE;
  org->charity = CAG_CHARITY_NONE;
  return org;
}

CagOrganization *
cag_organization_copy (const CagOrganization *org)
{
  CagOrganization *copy = g_new0 (CagOrganization, 1);

  *copy = *org;
  copy->name = g_strdup (org->name);
  copy->short_name = g_strdup (org->short_name);
  copy->region = g_strdup (org->region);
  copy->contact_name = g_strdup (org->contact_name);
  copy->email = g_strdup (org->email);
  copy->phone = g_strdup (org->phone);
  copy->notes = g_strdup (org->notes);
  return copy;
}

void
cag_organization_free (CagOrganization *org)
{
  if (org == NULL)
    return;
  g_free (org->name);
  g_free (org->short_name);
  g_free (org->region);
  g_free (org->contact_name);
  g_free (org->email);
  g_free (org->phone);
  g_free (org->notes);
  g_free (org);
}

CagCampaign *
cag_campaign_new (void)
{
  return g_new0 (CagCampaign, 1);
}

CagCampaign *
cag_campaign_copy (const CagCampaign *campaign)
{
  CagCampaign *copy = g_new0 (CagCampaign, 1);

  *copy = *campaign;
  copy->name = g_strdup (campaign->name);
  return copy;
}

void
cag_campaign_free (CagCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->name);
  g_free (campaign);
}

CagFund *
cag_fund_new (void)
{
  CagFund *fund = g_new0 (CagFund, 1);

  fund->delegations = 1;
  return fund;
}

CagFund *
cag_fund_copy (const CagFund *fund)
{
  CagFund *copy = g_new0 (CagFund, 1);

  *copy = *fund;
  copy->organization_name = g_strdup (fund->organization_name);
  copy->campaign_name = g_strdup (fund->campaign_name);
  return copy;
}

void
cag_fund_free (CagFund *fund)
{
  if (fund == NULL)
    return;
  g_free (fund->organization_name);
  g_free (fund->campaign_name);
  g_free (fund);
}

CagContribution *
cag_contribution_new (void)
{
  CagContribution *c = g_new0 (CagContribution, 1);

  c->method = CAG_METHOD_CHEQUE;
  return c;
}

CagContribution *
cag_contribution_copy (const CagContribution *c)
{
  CagContribution *copy = g_new0 (CagContribution, 1);

  *copy = *c;
  copy->reference = g_strdup (c->reference);
  copy->note = g_strdup (c->note);
  copy->recorded_at = g_strdup (c->recorded_at);
  copy->recorded_by = g_strdup (c->recorded_by);
  copy->void_reason = g_strdup (c->void_reason);
  copy->voided_at = g_strdup (c->voided_at);
  copy->voided_by = g_strdup (c->voided_by);
  copy->organization_name = g_strdup (c->organization_name);
  copy->campaign_name = g_strdup (c->campaign_name);
  return copy;
}

void
cag_contribution_free (CagContribution *c)
{
  if (c == NULL)
    return;
  g_free (c->reference);
  g_free (c->note);
  g_free (c->recorded_at);
  g_free (c->recorded_by);
  g_free (c->void_reason);
  g_free (c->voided_at);
  g_free (c->voided_by);
  g_free (c->organization_name);
  g_free (c->campaign_name);
  g_free (c);
}
