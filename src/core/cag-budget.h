/* cag-budget.h — funders, operating budgets with versions, offers, partner
 * pledges and campaign offers, kept in the store.
 *
 * The matching rules themselves are in cag-proforma.h (pure functions);
 * this module loads one budget version into a CagProformaInput and writes
 * edits.  Every write is one transaction with an audit entry.
 *
 * Versions: a budget starts at version 1, a draft.  Submitting freezes the
 * latest version; any later edit (line, offer, pledge) first copies the
 * frozen version into a new draft version and edits that one.  Old versions
 * stay readable (cag_budget_load with their number).
 */
#pragma once

#include <glib.h>
#include "cag-store.h"
#include "cag-proforma.h"

G_BEGIN_DECLS

/* ---- Funders ------------------------------------------------------------ */

typedef struct
{
  gint64         id;
  char          *name;              /* unique without regard to case/accents */
  CagFunderKind  kind;
  gboolean       requires_charity;  /* the applicant must hold charitable status */
  char          *short_name;        /* "ACDI", unique like names; NULL: none */
  CagArticle     article;           /* the French article its name takes */
} CagFunder;

CagFunder *cag_funder_new  (void);
CagFunder *cag_funder_copy (const CagFunder *funder);
void       cag_funder_free (CagFunder *funder);

gboolean   cag_funder_add  (CagStore  *store,
                            CagFunder *funder,
                            GError   **error);
/* Sets a funder's short name (NULL or blank: none) and article.  Refuses a
 * short name that another funder uses as its name or short name. */
gboolean   cag_funder_set_names (CagStore   *store,
                                 gint64      funder_id,
                                 const char *short_name,
                                 CagArticle  article,
                                 GError    **error);
/* KEY: an id, a name or a short name (case and accents ignored). */
CagFunder *cag_funder_find (CagStore   *store,
                            const char *key,
                            GError    **error);
/* Sorted by folded name.  Element type CagFunder. */
GPtrArray *cag_funder_list (CagStore *store,
                            GError  **error);

/* ---- Budgets ------------------------------------------------------------ */

typedef enum
{
  CAG_BUDGET_DRAFT,
  CAG_BUDGET_SUBMITTED,
  CAG_BUDGET_APPROVED,
} CagBudgetStatus;

const char *cag_budget_status_to_string (CagBudgetStatus s);  /* "draft", … */
const char *cag_budget_status_label     (CagBudgetStatus s);

typedef struct
{
  gint64          id;           /* the budget */
  gint64          version_id;   /* the version read */
  char           *name;
  gint            version;      /* 1, 2, … */
  gint            latest_version;
  CagBudgetStatus status;
  CagDate         start;
  CagDate         end;
  char           *submitted_at; /* ISO 8601 UTC, or NULL */
} CagBudget;

CagBudget *cag_budget_new  (void);
CagBudget *cag_budget_copy (const CagBudget *budget);
void       cag_budget_free (CagBudget *budget);

/* Presets a new budget can start from: "gesq-2003" (the seed's two lines). */
gboolean   cag_budget_preset_exists (const char *preset);

/* Creates the budget and its version 1 (a draft), with the lines of PRESET
 * (nullable).  Name required and unique, start ≤ end.  Sets budget->id,
 * version_id, version. */
gboolean   cag_budget_add     (CagStore   *store,
                               CagBudget  *budget,
                               const char *preset,
                               GError    **error);
/* KEY: an id or a name.  VERSION 0: the latest. */
CagBudget *cag_budget_find    (CagStore   *store,
                               const char *key,
                               gint        version,
                               GError    **error);
CagBudget *cag_budget_get     (CagStore *store,
                               gint64    budget_id,
                               gint      version,
                               GError  **error);
/* Latest versions, by folded name.  Element type CagBudget. */
GPtrArray *cag_budget_list    (CagStore *store,
                               GError  **error);
/* Every version of a budget, oldest first.  Element type CagBudget. */
GPtrArray *cag_budget_versions (CagStore *store,
                                gint64    budget_id,
                                GError  **error);

/* Edits.  Each works on the latest version when it is a draft, otherwise on a
 * new draft version copied from it; *OUT_VERSION (nullable) receives the
 * version edited. */

/* Adds a line (code unique in the version, without commas; label and amount
 * required), or changes the label and amount of the line with that code. */
gboolean   cag_budget_line_set    (CagStore   *store,
                                   gint64      budget_id,
                                   const char *code,
                                   const char *label,
                                   gint64      amount_cents,
                                   gint       *out_version,
                                   GError    **error);
gboolean   cag_budget_line_remove (CagStore   *store,
                                   gint64      budget_id,
                                   const char *code,
                                   gint       *out_version,
                                   GError    **error);
/* Sets the offer of OFFER->funder_id on the budget (one offer per funder; a
 * second call replaces its terms, keeping its place in the entry order).
 * Codes in OFFER->lines are matched to the lines without regard to case and
 * stored as the line spells them; a code naming no line is kept (and warned
 * about). */
gboolean   cag_budget_offer_set    (CagStore             *store,
                                    gint64                budget_id,
                                    const CagBudgetOffer *offer,
                                    gint                 *out_version,
                                    GError              **error);
gboolean   cag_budget_offer_remove (CagStore *store,
                                    gint64    budget_id,
                                    gint64    funder_id,
                                    gint     *out_version,
                                    GError  **error);
/* The partner is PLEDGE->organization_id (> 0) or, when 0, the free text
 * PLEDGE->partner_name.  The line must exist; an in-kind pledge needs its
 * valuation basis.  Sets pledge->id (in the version edited). */
gboolean   cag_budget_pledge_add    (CagStore  *store,
                                     gint64     budget_id,
                                     CagPledge *pledge,
                                     gint      *out_version,
                                     GError   **error);
/* Changes the partner, line, kind, amount, basis and status of the pledge
 * PLEDGE->id (read from any version of the budget; a pledge keeps its place
 * when a new version copies it), with the checks of cag_budget_pledge_add. */
gboolean   cag_budget_pledge_update (CagStore        *store,
                                     gint64           budget_id,
                                     const CagPledge *pledge,
                                     gint            *out_version,
                                     GError         **error);
gboolean   cag_budget_pledge_remove (CagStore *store,
                                     gint64    budget_id,
                                     gint64    pledge_id,
                                     gint     *out_version,
                                     GError  **error);

/* Freezes the latest version (a draft) as submitted; INVALID when it is
 * already submitted or approved. */
gboolean   cag_budget_submit  (CagStore *store,
                               gint64    budget_id,
                               GError  **error);
/* Marks the latest version (submitted) as approved. */
gboolean   cag_budget_approve (CagStore *store,
                               gint64    budget_id,
                               GError  **error);

/* One version's records (VERSION 0: the latest), ready for
 * cag_proforma_compute; network_has_charity is filled from the
 * organizations. */
CagProformaInput *cag_budget_load (CagStore *store,
                                   gint64    budget_id,
                                   gint      version,
                                   GError  **error);

/* TRUE when an active organization of kind network has registered
 * charitable status. */
gboolean   cag_budget_network_has_charity (CagStore *store,
                                           GError  **error);

/* Example data (cag-budget-demo.c): the seed's budget (preset gesq-2003)
 * asked of three funders (MRI 1:1, ACDI 2:1 on travel, a private foundation
 * 2:1 on the coordinator's cash, which needs charitable status), with pledges from
 * four partners (linked to the example's organizations when they exist), in
 * one transaction.  For cag_demo_fill and tests. */
gboolean   cag_budget_demo_fill (CagStore *store,
                                 gint64   *out_budget_id,
                                 GError  **error);

/* ---- Campaign offers ---------------------------------------------------- */

typedef struct
{
  gint64  id;
  gint64  campaign_id;
  gint64  funder_id;
  char   *funder_name;           /* filled when read */
  gint    num;
  gint    den;
  gint64  cap_per_fund_cents;    /* 0: no cap */
} CagCampaignOffer;

void cag_campaign_offer_free (CagCampaignOffer *offer);

/* One offer per (campaign, funder); a second call replaces the terms. */
gboolean   cag_campaign_offer_set  (CagStore         *store,
                                    CagCampaignOffer *offer,
                                    GError          **error);
/* Removes FUNDER_ID's offer on CAMPAIGN_ID (NOT_FOUND when it has none). */
gboolean   cag_campaign_offer_remove (CagStore *store,
                                      gint64    campaign_id,
                                      gint64    funder_id,
                                      GError  **error);
/* Entry order.  Element type CagCampaignOffer. */
GPtrArray *cag_campaign_offer_list (CagStore *store,
                                    gint64    campaign_id,
                                    GError  **error);

/* The matching terms that apply to every fund of a campaign, for
 * CagFundInputs: *NUM, *DEN (0 when the campaign has no offer) and *CAP
 * (0: none).  With several offers, each savings dollar is matched once: the
 * offer with the highest ratio applies (ties: the first entered).  Every
 * change of a campaign's offers copies these terms into the store's
 * campaign_match row, which the fund figures read. */
gboolean   cag_budget_campaign_match (CagStore *store,
                                      gint64    campaign_id,
                                      gint     *num,
                                      gint     *den,
                                      gint64   *cap,
                                      GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagFunder, cag_funder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagBudget, cag_budget_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagCampaignOffer, cag_campaign_offer_free)

G_END_DECLS
