/* cag-network-dialog.h — the network's identity (name, address, contact…),
 * which heads and signs every document (docs/GUI.md, docs/DOCUMENTS.md). */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_NETWORK_DIALOG (cag_network_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CagNetworkDialog, cag_network_dialog, CAG, NETWORK_DIALOG, GtkDialog)

/* Shows the stored profile; Save writes it (the dialog stays open with the
 * reason when the store refuses it). */
GtkWidget *cag_network_dialog_new       (GtkWindow *parent,
                                         CagStore  *store);
/* Writes the fields to the store; FALSE with ERROR (also shown in the
 * dialog) when refused, the stored profile then unchanged. */
gboolean   cag_network_dialog_save      (CagNetworkDialog *self,
                                         GError          **error);
/* For tests: the entry of FIELD ("name", "contact", "email", "phone",
 * "charity_number", "website"), or the address's text view. */
GtkEntry    *cag_network_dialog_get_entry   (CagNetworkDialog *self,
                                             const char       *field);
GtkTextView *cag_network_dialog_get_address (CagNetworkDialog *self);

G_END_DECLS
