/* cag-gui-util.h — small helpers shared by the windows and dialogs. */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

G_BEGIN_DECLS

/* A modal (but not blocking) message dialog over PARENT with a bold PRIMARY line and ERROR's
 * message (already a full sentence saying what to do) as secondary text. */
void   cag_gui_show_error        (GtkWindow    *parent,
                                  const char   *primary,
                                  const GError *error);

/* Money and dates in the UI language. */
char  *cag_gui_money             (gint64 cents);
char  *cag_gui_date              (const CagDate *date);
char  *cag_gui_month             (gint month_index);

/* Parses what a person types in a date field: ISO "2004-06-15" or
 * "15/06/2004". */
gboolean cag_gui_parse_date      (const char *text,
                                  CagDate    *out,
                                  GError    **error);

/* Names an unlabelled widget for assistive technology. */
void   cag_gui_set_accessible_name (GtkWidget  *widget,
                                    const char *name);

/* Gives every widget that a mnemonic label in ROOT points to the label's
 * text as its accessible name (unless it has one), so that assistive
 * technology and tests find fields by the name a person reads. */
void   cag_gui_name_from_labels  (GtkWidget *root);

/* Rows of VIEW show the full text of model column COLUMN (a string) as
 * their tooltip: long names are ellipsized in the list (docs/GUI.md,
 * "Small screens"). */
void   cag_gui_tree_view_text_tooltips (GtkTreeView *view,
                                        gint         column);

/* Shows TEXT in LABEL (as an error line beside a field), hidden when NULL. */
void   cag_gui_set_field_error   (GtkLabel   *label,
                                  const char *text);

/* Sentences for a board member about one fund, e.g. "Il reste 3 250,00 $ à
 * réunir : 135,42 $ par mois d'ici juin 2006".  Newly allocated. */
char  *cag_gui_fund_summary      (const CagFundStatus *status,
                                  const CagCampaign   *campaign);

/* Sorts CagFundStatus pointers: behind first (largest arrears first), then
 * not complete, then complete; ties keep the store's order by name. */
void   cag_gui_sort_behind_first (GPtrArray *statuses);

/* TRUE when NEEDLE (already folded with cag_fold_key, may be NULL or "")
 * occurs in the folded form of A, B or C (each nullable). */
gboolean cag_gui_matches          (const char *needle,
                                   const char *a,
                                   const char *b,
                                   const char *c);

G_END_DECLS
