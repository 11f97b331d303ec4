/* cag-welcome.h — the first-run page of an empty database. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CAG_TYPE_WELCOME (cag_welcome_get_type ())
G_DECLARE_FINAL_TYPE (CagWelcome, cag_welcome, CAG, WELCOME, GtkBox)

/* Gives the focus to the first step: "Create a Campaign…" (or "New
 * Database…" when none is open). */
void cag_welcome_focus_first (CagWelcome *self);
void cag_welcome_set_has_store (CagWelcome *self,
                                gboolean    has_store);

G_END_DECLS
