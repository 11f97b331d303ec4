/* cag-proforma-explain.h — the reasoning behind a pro-forma's figures, in
 * words: why a funder gives what it gives on a line (ratio, base used, cap,
 * eligible lines, where it stops), and how a line's gap and the amount to
 * raise from partners come about.  Pure functions on a computed pro-forma,
 * shared by the window (a popover per cell) and "cagnotte-cli budget show
 * --explain".  docs/BUDGETS.md ("Explaining the figures") states the rules.
 */
#pragma once

#include <glib.h>
#include "cag-proforma.h"

G_BEGIN_DECLS

/* Where an offer stops on a line, in the order the matching rules test. */
typedef enum
{
  CAG_EXPLAIN_NOT_ELIGIBLE,    /* the offer does not cover the line */
  CAG_EXPLAIN_BELOW_MIN_BASE,  /* its eligible base is below its minimum base */
  CAG_EXPLAIN_LIMIT_SPENT,     /* its cap or share ceiling went to earlier lines */
  CAG_EXPLAIN_LINE_COVERED,    /* offers before it left nothing to fund */
  CAG_EXPLAIN_NO_BASE,         /* no partner pledge left that it may match */
  CAG_EXPLAIN_RATIO,           /* it gives what its ratio allows on the base */
  CAG_EXPLAIN_LIMIT,           /* it stops at what is left of its limit */
  CAG_EXPLAIN_NEED,            /* it stops when the line is fully funded */
} CagExplainStop;

/* One offer on one line, as the matching rules saw it when its turn came. */
typedef struct
{
  CagExplainStop stop;
  guint    rank;                 /* 0: applied first */
  gint64   base_cash_cents;      /* cash left on the line for it */
  gint64   base_in_kind_cents;   /* in kind left for it (0 when cash only) */
  gint64   base_cents;           /* the two together */
  gint64   used_before_cents;    /* base used on the line by offers before it */
  gint64   by_ratio_cents;       /* floor(a × base / b) */
  gint64   need_left_cents;      /* what the line still needed */
  gint64   limit_left_cents;     /* what is left of its limit; -1: no limit */
  gint64   given_cents;
  gint64   base_used_cents;
} CagShareExplanation;

/* Fills OUT for offer OFFER (entry order) on line LINE of P, computed from
 * IN.  FALSE when LINE or OFFER is out of range. */
gboolean cag_proforma_explain_share      (const CagProformaInput *in,
                                          const CagProforma      *p,
                                          guint                   line,
                                          guint                   offer,
                                          CagShareExplanation    *out);
/* The same in sentences, in the UI language.  Newly allocated. */
char    *cag_proforma_explain_share_text (const CagProformaInput *in,
                                          const CagProforma      *p,
                                          guint                   line,
                                          guint                   offer);

/* What offer OFFER (entry order) is asked for in all, line by line, and
 * how much of its limit is left (or why it gives nothing), in sentences.
 * Newly allocated. */
char    *cag_proforma_explain_offer_text (const CagProformaInput *in,
                                          const CagProforma      *p,
                                          guint                   offer);

/* IN with every line's partner amount needed pledged in cash, computed:
 * what closes the gaps (the figures the line explanation quotes). */
CagProforma *cag_proforma_explain_closed (const CagProformaInput *in,
                                          const CagProforma      *p);
/* How line LINE's gap and partner amount needed come about, in sentences.
 * CLOSED: cag_proforma_explain_closed() of the same pro-forma, or NULL to
 * compute it here. */
char    *cag_proforma_explain_line_text  (const CagProformaInput *in,
                                          const CagProforma      *p,
                                          const CagProforma      *closed,
                                          guint                   line);

/* What the "Gap" and "Partners needed" columns mean, one sentence each,
 * starting with the column's name.  Newly allocated. */
char    *cag_proforma_explain_gap_definition    (void);
char    *cag_proforma_explain_needed_definition (void);

/* Everything above for the whole pro-forma, as indented text for the CLI:
 * the two definitions, then per line each offer (highest ratio first) and
 * the line's gap, then each offer's total. */
char    *cag_proforma_explain_text       (const CagProformaInput *in,
                                          const CagProforma      *p);

G_END_DECLS
