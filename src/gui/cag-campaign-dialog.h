/* cag-campaign-dialog.h — a campaign's settings and the settings of its
 * delegation funds. */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_CAMPAIGN_DIALOG (cag_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CagCampaignDialog, cag_campaign_dialog, CAG, CAMPAIGN_DIALOG, GtkDialog)

/* CAMPAIGN_ID 0 creates a campaign.  Fund settings apply at once; the
 * campaign's own fields are saved on GTK_RESPONSE_ACCEPT, which gets through
 * only on success. */
GtkWidget *cag_campaign_dialog_new             (GtkWindow *parent,
                                                CagStore  *store,
                                                gint64     campaign_id);
gboolean   cag_campaign_dialog_save            (CagCampaignDialog *self,
                                                GError           **error);
gint64     cag_campaign_dialog_get_campaign_id (CagCampaignDialog *self);
/* For tests: "name", "cost", "start", "deadline". */
GtkEntry  *cag_campaign_dialog_get_entry       (CagCampaignDialog *self,
                                                const char        *name);

/* What editing a cell of the funds table does (for tests): COLUMN is
 * "delegations", "target" or "monthly"; "fund" ticks the box (TEXT unused).
 * Returns the message shown under the table, or "" when none. */
const char *cag_campaign_dialog_edit_fund      (CagCampaignDialog *self,
                                                guint              row,
                                                const char        *column,
                                                const char        *text);

G_END_DECLS
