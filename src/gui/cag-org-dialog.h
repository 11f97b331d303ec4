/* cag-org-dialog.h — adds or edits one organization, with each problem shown
 * beside the field at fault. */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_ORG_DIALOG (cag_org_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CagOrgDialog, cag_org_dialog, CAG, ORG_DIALOG, GtkDialog)

/* ORG_ID 0 adds a new organization; then, when CAMPAIGN_ID > 0, the dialog
 * offers to open its delegation fund in that campaign.  Saves on
 * GTK_RESPONSE_ACCEPT and lets that response through only on success. */
GtkWidget *cag_org_dialog_new     (GtkWindow *parent,
                                   CagStore  *store,
                                   gint64     org_id,
                                   gint64     campaign_id);
gboolean   cag_org_dialog_save    (CagOrgDialog *self,
                                   GError      **error);
gint64     cag_org_dialog_get_org_id (CagOrgDialog *self);
/* For tests: "name", "short-name", "email", "phone", "contact", "notes". */
GtkEntry  *cag_org_dialog_get_entry (CagOrgDialog *self,
                                     const char   *name);
/* The message shown beside FIELD ("name", "email"), or "" when none. */
const char *cag_org_dialog_get_error (CagOrgDialog *self,
                                      const char   *field);

G_END_DECLS
