/* cag-proforma-dialog.h — "Export Pro-forma": for which funder?  The funder
 * copy of the first funder is the default; the working copy (every funder,
 * warnings included) is the last choice.  docs/BUDGETS.md, "Funder copy and
 * working copy". */
#pragma once

#include <gtk/gtk.h>
#include "cag-proforma.h"

G_BEGIN_DECLS

#define CAG_TYPE_PROFORMA_DIALOG (cag_proforma_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CagProformaDialog, cag_proforma_dialog, CAG, PROFORMA_DIALOG, GtkDialog)

/* One choice per offer of IN (nullable), in entry order, then the working
 * copy. */
GtkWidget *cag_proforma_dialog_new           (GtkWindow              *parent,
                                              const CagProformaInput *in);
/* The funder chosen, 0 for the working copy. */
gint64     cag_proforma_dialog_get_funder_id (CagProformaDialog *self);
void       cag_proforma_dialog_set_funder_id (CagProformaDialog *self,
                                              gint64             funder_id);

G_END_DECLS
