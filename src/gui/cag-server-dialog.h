/* cag-server-dialog.h — "Connect to a Server…": a network's ledger on a
 * PostgreSQL server (docs/GUI.md, docs/SERVER.md "Connecting from the
 * window"). */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_SERVER_DIALOG (cag_server_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CagServerDialog, cag_server_dialog, CAG, SERVER_DIALOG, GtkDialog)

GtkWidget *cag_server_dialog_new          (GtkWindow *parent);
/* The URI the fields name (never with the password); NULL with ERROR when
 * the fields are incomplete. */
char      *cag_server_dialog_get_location (CagServerDialog *self,
                                           GError         **error);
/* Connects with the fields and the password (typed, or else the one kept in
 * the keyring); on success keeps the password in the keyring when asked,
 * and returns the store and its location in *OUT_LOCATION (no password).
 * On failure NULL, the reason shown in the dialog and in ERROR. */
CagStore  *cag_server_dialog_connect      (CagServerDialog *self,
                                           char           **out_location,
                                           GError         **error);
/* For tests: the entry of FIELD ("host", "database", "user", "password"). */
GtkEntry  *cag_server_dialog_get_entry    (CagServerDialog *self,
                                           const char      *field);
GtkSpinButton *cag_server_dialog_get_port (CagServerDialog *self);
GtkLabel  *cag_server_dialog_get_error_label (CagServerDialog *self);

G_END_DECLS
