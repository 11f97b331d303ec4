/* cag-application.h — the Cagnotte GtkApplication. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CAG_TYPE_APPLICATION (cag_application_get_type ())
G_DECLARE_FINAL_TYPE (CagApplication, cag_application, CAG, APPLICATION, GtkApplication)

CagApplication *cag_application_new          (void);

/* The application's settings, or NULL when the schema is not installed
 * (running from the build tree without GSETTINGS_SCHEMA_DIR). */
GSettings      *cag_application_get_settings (CagApplication *self);

/* Remembers PATH in the Open Recent menu. */
/* What "cagnotte ARG" opens: a file's path, or a server URI as typed. */
char           *cag_application_location_of  (GFile          *file);
void            cag_application_add_recent   (CagApplication *self,
                                              const char     *path);

/* The Open Recent submenu's items. */
GMenuModel     *cag_application_get_recent_menu (CagApplication *self);

/* Settings for windows built outside a running application (tests). */
GSettings      *cag_settings_new_if_installed (void);

G_END_DECLS
