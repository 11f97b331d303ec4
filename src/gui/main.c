/* main.c — starts the Cagnotte application. */
#include "config.h"

#include <gtk/gtk.h>

#include "cag-application.h"
#include "cag-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CagApplication) app = NULL;

  /* cag_i18n_init sets the locale itself, keeping LC_NUMERIC at "C". */
  gtk_disable_setlocale ();
  cag_i18n_init ();
  app = cag_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
