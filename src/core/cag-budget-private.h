/* cag-budget-private.h — what the budget modules of the core share
 * (cag-budget.c, cag-budget-edit.c, cag-budget-campaign.c).  Never include
 * from pdf/, cli/ or gui/. */
#pragma once

#include <json-glib/json-glib.h>
#include "cag-budget.h"
#include "cag-fold.h"
#include "cag-store-private.h"

G_BEGIN_DECLS

/* The limits of every text field are in cag-fold.h. */
#define CAG_BUDGET_MAX_NAME_CHARS  CAG_MAX_NAME_CHARS
#define CAG_BUDGET_MAX_CODE_CHARS  CAG_MAX_CODE_CHARS
#define CAG_BUDGET_MAX_TEXT_CHARS  CAG_MAX_LABEL_CHARS

char      *cag_budget_now_iso           (void);
/* Runs SQL with one or two integer parameters to completion. */
gboolean   cag_budget_exec_ids          (CagStore   *store,
                                         const char *sql,
                                         gint64      a,
                                         gint64      b,
                                         GError    **error);
/* The first column of the first row of SQL (an optional integer
 * parameter), or DEFAULT_VALUE when there is no row. */
gboolean   cag_budget_query_int         (CagStore   *store,
                                         const char *sql,
                                         gint64      param,
                                         gint64      default_value,
                                         gint64     *out,
                                         GError    **error);
/* A trimmed copy of TEXT, or NULL and ERROR when blank, too long or not
 * UTF-8; WHAT is the translated name of the field. */
char      *cag_budget_clean_required    (const char *text,
                                         glong       max_chars,
                                         const char *what,
                                         GError    **error);
gboolean   cag_budget_check_amount      (gint64      cents,
                                         gboolean    allow_zero,
                                         const char *what,
                                         GError    **error);
/* An audit detail: begin an object, add members, then get the JSON text. */
JsonBuilder *cag_budget_json_detail_begin (void);
char      *cag_budget_json_detail       (JsonBuilder *builder);
/* Commits, or rolls back when OK is FALSE or the commit fails. */
gboolean   cag_budget_finish            (CagStore *store,
                                         gboolean  ok,
                                         GError  **error);
CagFunder *cag_budget_funder_get        (CagStore *store,
                                         gint64    id,
                                         GError  **error);
CagBudgetStatus cag_budget_status_from_string (const char *s);
/* Ratio parts 1..CAG_RATIO_MAX, amounts within range, share 0..10000. */
gboolean   cag_budget_check_offer_terms (gint     num,
                                         gint     den,
                                         gint64   cap,
                                         gint64   min_base,
                                         gint     share,
                                         GError **error);

G_END_DECLS
