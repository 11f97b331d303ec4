/* cag-proforma-private.h — the allocation of cag-proforma.c, shared with
 * the balanced view (cag-proforma-balance.c).  Private to src/core/. */
#pragma once

#include "cag-proforma.h"

G_BEGIN_DECLS

/* What does not change between runs of the allocation on one input: pledge
 * sums per line, eligibility, the order of the offers. */
typedef struct
{
  const CagProformaInput *in;
  guint     nl;
  guint     no;
  gint64   *cash;        /* pledged cash per line */
  gint64   *in_kind;     /* pledged in kind per line */
  gboolean *eligible;    /* no × nl */
  guint    *order;       /* offer indices, highest ratio first */
  /* Scratch, per run: */
  gint64   *avail_cash;
  gint64   *avail_kind;
  gint64   *need;
  gint64   *cap_left;    /* per offer, after the run */
} Plan;

/* Index of the line coded CODE in IN, or -1. */
gint         cag_proforma_line_index (const CagProformaInput *in,
                                      const char             *code);
void         cag_proforma_plan_init  (Plan                   *plan,
                                      const CagProformaInput *in);
void         cag_proforma_plan_clear (Plan *plan);
/* A pro-forma with its arrays allocated for PLAN, figures zero. */
CagProforma *cag_proforma_alloc      (const Plan *plan);
/* One run of the matching rules, with EXTRA_CASH (nullable, one per line)
 * added to the lines' cash pledges.  Fills every figure of OUT except the
 * partner amounts needed, names and warnings. */
void         cag_proforma_allocate   (Plan         *plan,
                                      const gint64 *extra_cash,
                                      CagProforma  *out);

G_END_DECLS
