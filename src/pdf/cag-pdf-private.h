/* cag-pdf-private.h — what the documents are drawn from.
 *
 * Each document is gathered from the store into a plain struct, then drawn
 * from that struct alone, so the drawing never touches the database.
 */
#pragma once

#include <glib.h>
#include "cag-pdf-doc.h"
#include "cag-network.h"
#include "cag-store.h"

G_BEGIN_DECLS

typedef struct
{
  char            *network_name;     /* nullable: no network organization */
  CagNetwork      *network;          /* the issuer (cag_pdf_find_issuer) */
  CagOrganization *organization;
  CagCampaign     *campaign;
  CagFundStatus   *status;
  CagDate          as_of;
  GPtrArray       *contributions;    /* CagContribution dated on or before as_of */
  GArray          *months;           /* CagMonthTotal of the fund */
} CagStatementData;

void cag_statement_data_free (CagStatementData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagStatementData, cag_statement_data_free)

typedef struct
{
  char             *network_name;    /* nullable */
  CagNetwork       *network;         /* the issuer (cag_pdf_find_issuer) */
  CagCampaign      *campaign;
  CagDate           as_of;
  GPtrArray        *statuses;        /* CagFundStatus, sorted by organization */
  CagNetworkTotals  totals;
} CagSummaryData;

void cag_summary_data_free (CagSummaryData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagSummaryData, cag_summary_data_free)

/* A reminder letter (cag-pdf-reminder.c): one fund that is behind. */
typedef struct
{
  CagNetwork      *network;          /* the issuer, who signs */
  CagOrganization *organization;
  CagCampaign     *campaign;
  CagFundStatus   *status;
  CagDate          as_of;
} CagReminderData;

void cag_reminder_data_free (CagReminderData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagReminderData, cag_reminder_data_free)

void cag_pdf_draw_reminder (CagPdfDoc             *doc,
                            const CagReminderData *data);

/* The issuer of the documents: the network profile (cag-network.h); when it
 * names no network, the organization of kind "network" as before (see
 * cag-pdf.c), name only.  Never NULL; fields NULL when unknown. */
CagNetwork *cag_pdf_find_issuer (CagStore *store,
                                 gint64    campaign_id);
/* The network's name for the header, or NULL: the issuer's name. */
char *cag_pdf_find_network_name (CagStore *store,
                                 gint64    campaign_id);

/* Drawing, in the document's language. */
void cag_pdf_draw_statement (CagPdfDoc              *doc,
                             const CagStatementData *data);
void cag_pdf_draw_summary   (CagPdfDoc              *doc,
                             const CagSummaryData   *data);

/* Shared pieces of the first page. Returns the y below what was drawn. */
double cag_pdf_draw_title_block (CagPdfDoc  *doc,
                                 const char *network,
                                 const char *title,
                                 const char *subtitle,
                                 const char *right_text);
/* The same, with the issuer's name and, under it, its contact person,
 * telephone and e-mail (those known). ISSUER may be NULL. */
double cag_pdf_draw_letterhead  (CagPdfDoc        *doc,
                                 const CagNetwork *issuer,
                                 const char       *title,
                                 const char       *subtitle,
                                 const char       *right_text);
/* "Hélène Exemple · 514 555-0142 · tresorerie@…" (the fields known), or
 * NULL when the issuer has none of them. */
char  *cag_pdf_issuer_contact_line (const CagNetwork *issuer);
double cag_pdf_draw_section     (CagPdfDoc  *doc,
                                 double      y,
                                 const char *title);
/* A progress bar; FILL_TENTHS is clamped to 0–1000. MARKER_TENTHS < 0: no
 * marker. */
void   cag_pdf_draw_bar         (CagPdfDoc    *doc,
                                 double        x,
                                 double        y,
                                 double        w,
                                 double        h,
                                 gint          fill_tenths,
                                 gint          marker_tenths,
                                 const CagRgb *color);
/* A shaded box with a label, a large value and a note (nullable); 54 pt
 * high, from Y down. */
void   cag_pdf_draw_key_figure  (CagPdfDoc    *doc,
                                 double        x,
                                 double        y,
                                 double        w,
                                 double        value_size,
                                 const char   *label,
                                 const char   *value,
                                 const char   *note,
                                 const CagRgb *color);
/* A small label above a value, both shortened to fit W. */
void   cag_pdf_draw_cell        (CagPdfDoc  *doc,
                                 double      x,
                                 double      y,
                                 double      w,
                                 const char *label,
                                 const char *value);
/* The header of continuation pages; returns where content starts. */
double cag_pdf_running_header   (CagPdfDoc  *doc,
                                 const char *left,
                                 const char *right);
/* The color that goes with a fund state. */
const CagRgb *cag_pdf_state_color (CagFundState state);

G_END_DECLS
