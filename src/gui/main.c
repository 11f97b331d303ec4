/* main.c — starts the Cagnotte application. */
#include "config.h"

#include <stdlib.h>
#include <gtk/gtk.h>

#include "cag-application.h"
#include "cag-i18n.h"

/* Run from the build tree (the README's run command, before anything is
 * installed), the catalogues are those compiled into the build's po/ folder:
 * without this the window would show English to a French user until
 * "meson install" (docs/GUI.md, "Language").  CAGNOTTE_LOCALEDIR, when set,
 * still wins. */
static void
use_build_tree_catalogue (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  /* /proc/self/exe has its symbolic links resolved: so must the build
   * folder's name. */
  g_autofree char *build_dir = realpath (CAG_BUILD_GUI_DIR, NULL);
  g_autofree char *mo = g_build_filename (CAG_BUILD_LOCALEDIR, "fr", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (g_getenv ("CAGNOTTE_LOCALEDIR") != NULL || dir == NULL || build_dir == NULL)
    return;
  if (g_strcmp0 (dir, build_dir) == 0 && g_file_test (mo, G_FILE_TEST_EXISTS))
    g_setenv ("CAGNOTTE_LOCALEDIR", CAG_BUILD_LOCALEDIR, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CagApplication) app = NULL;

  use_build_tree_catalogue ();
  /* cag_i18n_init sets the locale itself, keeping LC_NUMERIC at "C". */
  gtk_disable_setlocale ();
  cag_i18n_init ();
  app = cag_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
