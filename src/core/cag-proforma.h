/* cag-proforma.h — docs/RULES.md's budget and matching rules as a pure function.
 *
 * The records of one budget version (lines, offers, partner pledges) are
 * plain in-memory structs; cag_proforma_compute() turns them into a
 * pro-forma: per line and per funder, what is given, which partner base it
 * used, what is funded, the gap and the partner amount needed to close it.
 * No SQL here, so the rules can be tested on thousands of budgets quickly.
 * docs/BUDGETS.md states the rules and the choices made where docs/RULES.md is
 * silent.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CAG_FUNDER_PROVINCIAL,
  CAG_FUNDER_FEDERAL,
  CAG_FUNDER_FOUNDATION,
  CAG_FUNDER_PARTNER,
  CAG_FUNDER_OTHER,
} CagFunderKind;

typedef enum
{
  CAG_PLEDGE_CASH,
  CAG_PLEDGE_IN_KIND,
} CagPledgeKind;

typedef enum
{
  CAG_PLEDGE_INTENDED,
  CAG_PLEDGE_CONFIRMED,
  CAG_PLEDGE_RECEIVED,
} CagPledgeStatus;

/* Machine names ("provincial", "in-kind", "confirmed", …) as used in SQL,
 * JSON and the CLI, and translated labels.  from_string: FALSE when unknown. */
const char *cag_funder_kind_to_string     (CagFunderKind k);
gboolean    cag_funder_kind_from_string   (const char *s, CagFunderKind *out);
const char *cag_funder_kind_label         (CagFunderKind k);
const char *cag_pledge_kind_to_string     (CagPledgeKind k);
gboolean    cag_pledge_kind_from_string   (const char *s, CagPledgeKind *out);
const char *cag_pledge_kind_label         (CagPledgeKind k);
const char *cag_pledge_status_to_string   (CagPledgeStatus s);
gboolean    cag_pledge_status_from_string (const char *s, CagPledgeStatus *out);
const char *cag_pledge_status_label       (CagPledgeStatus s);

/* The French article a funder's name takes, so that a document can write
 * "Demande présentée au / à la / à l’ / aux …" (docs/BUDGETS.md). */
typedef enum
{
  CAG_ARTICLE_NONE,   /* unknown: documents use a form that needs none */
  CAG_ARTICLE_LE,
  CAG_ARTICLE_LA,
  CAG_ARTICLE_L,
  CAG_ARTICLE_LES,
} CagArticle;

/* "le", "la", "l", "les"; NULL for none. */
const char *cag_article_to_string   (CagArticle a);
/* Also accepts "l'", "l’" and "none" (or ""); FALSE when unknown. */
gboolean    cag_article_from_string (const char *s, CagArticle *out);
/* The heading of a request to NAME in the current gettext language:
 * "Demande présentée à l’Agence …", "Request submitted to …".  Newly
 * allocated. */
char       *cag_article_request_to  (CagArticle a, const char *name);

/* Ratio parts are 1..CAG_RATIO_MAX. */
#define CAG_RATIO_MAX 1000

/* "2:1", "1:1", "2:3" → num, den.  CAG_ERROR_INVALID with a reason. */
gboolean cag_ratio_parse  (const char *text,
                           gint       *out_num,
                           gint       *out_den,
                           GError    **error);
/* "95", "97.5", "97,5" (percent, up to two decimals, > 0 and ≤ 100) → basis
 * points (9500, 9750). */
gboolean cag_percent_parse (const char *text,
                            gint       *out_basis_points,
                            GError    **error);

typedef struct
{
  gint64  id;
  char   *code;            /* unique in its budget version */
  char   *label;
  gint64  amount_cents;    /* > 0 */
} CagBudgetLine;

typedef struct
{
  gint64    id;
  gint64    funder_id;
  char     *funder_name;
  gboolean  requires_charity;  /* the funder's */
  gint      num;               /* gives num dollars ... */
  gint      den;               /* ... for every den dollars of base */
  char    **lines;             /* eligible line codes; NULL: every line */
  gboolean  cash_only;         /* in-kind pledges are not match base */
  gint64    cap_cents;         /* 0: no cap */
  gint64    min_base_cents;    /* 0: none */
  gint      max_share_bp;      /* ceiling, basis points of the eligible lines'
                                * amounts; 0: none */
} CagBudgetOffer;

typedef struct
{
  gint64          id;
  gint64          organization_id;  /* 0: a partner named in free text */
  char           *partner_name;
  char           *line_code;
  CagPledgeKind   kind;
  gint64          amount_cents;     /* > 0 */
  char           *basis;            /* valuation basis of an in-kind pledge */
  CagPledgeStatus status;
} CagPledge;

CagBudgetLine  *cag_budget_line_new   (const char *code,
                                       const char *label,
                                       gint64      amount_cents);
CagBudgetLine  *cag_budget_line_copy  (const CagBudgetLine *line);
void            cag_budget_line_free  (CagBudgetLine *line);
CagBudgetOffer *cag_budget_offer_new  (void);   /* 1:1, every line */
CagBudgetOffer *cag_budget_offer_copy (const CagBudgetOffer *offer);
void            cag_budget_offer_free (CagBudgetOffer *offer);
CagPledge      *cag_pledge_new        (void);   /* cash, intended */
CagPledge      *cag_pledge_copy       (const CagPledge *pledge);
void            cag_pledge_free       (CagPledge *pledge);

/* One budget version in memory.  Offers are in entry order (which breaks
 * ties between equal ratios). */
typedef struct
{
  GPtrArray *lines;     /* CagBudgetLine, in line order */
  GPtrArray *offers;    /* CagBudgetOffer, in entry order */
  GPtrArray *pledges;   /* CagPledge */
  /* Whether an organization of kind network has registered charitable
   * status (for the charity warning). */
  gboolean   network_has_charity;
} CagProformaInput;

CagProformaInput *cag_proforma_input_new  (void);
CagProformaInput *cag_proforma_input_copy (const CagProformaInput *in);
void              cag_proforma_input_free (CagProformaInput *in);

typedef struct
{
  gint64 given_cents;
  gint64 base_used_cents;       /* = base_cash + base_in_kind */
  gint64 base_cash_cents;
  gint64 base_in_kind_cents;
} CagProformaShare;

typedef struct
{
  char             *code;
  char             *label;
  gint64            amount_cents;
  gint64            partner_cash_cents;
  gint64            partner_in_kind_cents;
  gint64            matched_cents;        /* sum of the shares' given */
  gint64            funded_cents;         /* min(amount, partners + matched) */
  gint64            gap_cents;            /* amount − funded */
  gint64            partner_needed_cents;
  CagProformaShare *shares;               /* one per offer, entry order */
} CagProformaLine;

typedef struct
{
  char     *funder_name;
  gint      num;
  gint      den;
  gint64    requested_cents;     /* what it gives, all lines */
  gint64    base_used_cents;
  gboolean  active;              /* FALSE: below its minimum base */
  gint64    eligible_base_cents; /* pledges of its eligible lines it may count */
  gint64    limit_cents;         /* min(cap, share ceiling); 0: none */
  guint     rank;                /* 0: applied first */
} CagProformaOffer;

typedef enum
{
  CAG_WARNING_CHARITY_REQUIRED,  /* funder requires charitable status */
  CAG_WARNING_PLEDGES_ABOVE_LINE,
  CAG_WARNING_UNKNOWN_LINE,      /* offer or pledge names no existing line */
} CagProformaWarningKind;

const char *cag_proforma_warning_kind_to_string (CagProformaWarningKind kind);

typedef struct
{
  CagProformaWarningKind kind;
  char                  *funder;    /* or NULL */
  char                  *line;      /* code, or NULL */
  char                  *message;   /* translated sentence */
} CagProformaWarning;

typedef struct
{
  guint             n_lines;
  CagProformaLine  *lines;
  guint             n_offers;
  CagProformaOffer *offers;        /* entry order */

  gint64            amount_cents;
  gint64            partner_cash_cents;
  gint64            partner_in_kind_cents;
  gint64            partner_cents;
  gint64            matched_cents;
  gint64            funded_cents;
  gint64            gap_cents;
  gint64            partner_needed_cents;

  GPtrArray        *warnings;      /* CagProformaWarning */
} CagProforma;

/* Applies the matching rules and computes the partner amounts needed. */
CagProforma *cag_proforma_compute (const CagProformaInput *in);
void         cag_proforma_free    (CagProforma *proforma);

/* The balanced view, what a funder reads (docs/RULES.md, "The balanced view";
 * docs/BUDGETS.md, "The balanced pro-forma").  Per line: the partner
 * pledges as counted (never beyond the line's amount), the partner amount
 * still to be secured (taken as cash), what each funder gives once it is
 * secured, and what is still uncovered ("other sources being sought").
 * Revenues = partner cash + partner in kind + to be secured + requests +
 * other sources = amount, per line and in total, to the cent. */
typedef struct
{
  gint64  amount_cents;
  gint64  partner_cash_cents;      /* counted */
  gint64  partner_in_kind_cents;   /* counted */
  gint64  to_secure_cents;
  gint64 *requested_cents;         /* one per offer, entry order */
  gint64  funders_cents;           /* sum of requested_cents */
  gint64  other_sources_cents;
} CagProformaBalancedLine;

typedef struct
{
  guint                    n_lines;
  CagProformaBalancedLine *lines;            /* line order */
  guint                    n_offers;
  gint64                  *requested_cents;  /* per offer, all lines */
  guint                    n_pledges;
  gint64                  *pledge_counted_cents; /* per pledge of the input */

  gint64 amount_cents;
  gint64 partner_cash_cents;
  gint64 partner_in_kind_cents;
  gint64 to_secure_cents;
  gint64 funders_cents;
  gint64 other_sources_cents;
  gint64 revenues_cents;      /* sum of the five above; = amount_cents */
  /* Counted pledges whose status is confirmed or received. */
  gint64 secured_cents;
  /* Counted pledges still only intended. */
  gint64 intended_cents;
  /* revenues − secured: intended pledges, to be secured, requests, other. */
  gint64 sought_cents;
} CagProformaBalanced;

/* P is cag_proforma_compute (IN) (its partner amounts needed are used). */
CagProformaBalanced *cag_proforma_balance      (const CagProformaInput *in,
                                                const CagProforma      *p);
void                 cag_proforma_balanced_free (CagProformaBalanced *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagBudgetLine, cag_budget_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagBudgetOffer, cag_budget_offer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagPledge, cag_pledge_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagProformaInput, cag_proforma_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagProforma, cag_proforma_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagProformaBalanced, cag_proforma_balanced_free)

G_END_DECLS
