/* cag-preferences-dialog.h — default campaign and payment method. */
#pragma once

#include <gtk/gtk.h>
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_PREFERENCES_DIALOG (cag_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CagPreferencesDialog, cag_preferences_dialog, CAG, PREFERENCES_DIALOG, GtkDialog)

/* SETTINGS and STORE may be NULL; changes apply at once. */
GtkWidget *cag_preferences_dialog_new (GtkWindow *parent,
                                       GSettings *settings,
                                       CagStore  *store);

G_END_DECLS
