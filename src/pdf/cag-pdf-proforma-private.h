/* cag-pdf-proforma-private.h — what the two pro-forma documents share: the
 * gathered data and a few table helpers.  cag-pdf-proforma.c draws the
 * working copy (every funder, warnings included); cag-pdf-proforma-funder.c
 * draws the balanced budget (both copies) and the funder copy's own parts
 * (applicant block, terms of one funder, signature, DRAFT mark).
 * docs/BUDGETS.md, "Funder copy and working copy".  Private to src/pdf/.
 */
#pragma once

#include "cag-pdf-private.h"
#include "cag-budget.h"
#include "cag-network.h"
#include "cag-proforma.h"

G_BEGIN_DECLS

#define CAG_PF_CELL_PAD      4.0
#define CAG_PF_TABLE_SIZE    7.5
#define CAG_PF_TABLE_LEADING 9.5

typedef struct
{
  char                *network_name;
  CagNetwork          *network;        /* the applicant */
  CagBudget           *budget;
  CagProformaInput    *input;
  CagProforma         *proforma;
  CagProformaBalanced *balanced;
  GPtrArray           *funder_kinds;   /* CagFunder per offer (nullable entries) */
  GPtrArray           *partner_names;  /* char * per pledge */
  gint                 focus;          /* offer index addressed to, -1: all */
  char                *focus_name;
  gboolean             funder_copy;    /* only what the focused funder should read */
} CagPfData;

typedef struct
{
  const CagPfData *data;
  char            *left;
  char            *right;
} CagPfHeader;

/* A header row in the primary color, with titles of up to four lines;
 * HIGHLIGHT: a column drawn in the warning color, -1 none. */
double cag_pf_header_row  (CagPdfDoc      *doc,
                           double          y,
                           guint           n,
                           const double   *x,
                           const char    **titles,
                           const gboolean *right,
                           gint            highlight);
/* A new page when fewer than NEEDED points are left below Y. */
double cag_pf_ensure_room (CagPdfDoc *doc,
                           double     y,
                           double     needed);
/* The running header of pages after the first (CagPdfHeaderFunc). */
double cag_pf_running_header_cb (CagPdfDoc *doc,
                                 gpointer   user_data);

/* "Ratio 2:1 on eligible partner pledges · lines B · …" */
void   cag_pf_append_terms (GString              *terms,
                            const CagBudgetOffer *offer,
                            CagLang               lang);

/* Whether the version is a draft: then every page carries the DRAFT mark. */
gboolean cag_pf_is_draft       (const CagPfData *data);
void     cag_pf_draw_draft_mark (CagPdfDoc *doc);

/* The balanced budget: the expenses in the usual grant form's columns
 * (total cost, requested from the funder addressed to or from the funders,
 * other funders, partners' cash, partners' in kind, other sources when
 * any), then the revenues by source, each marked secured or sought, their
 * total equal to the expenses'. */
double cag_pf_draw_balanced (CagPdfDoc       *doc,
                             const CagPfData *data,
                             double           y);
/* The funder copy's first page and closing parts. */
double cag_pf_draw_applicant (CagPdfDoc       *doc,
                              const CagPfData *data,
                              double           y);
double cag_pf_draw_funder_terms (CagPdfDoc       *doc,
                                 const CagPfData *data,
                                 double           y);
double cag_pf_draw_signature (CagPdfDoc       *doc,
                              const CagPfData *data,
                              double           y);

G_END_DECLS
