/* make-example-db.c — writes the GUI tests' example database in a new
 * temporary folder and prints its path (for the end-to-end test). */
#include "config.h"

#include "cag-i18n.h"
#include "gui-test-util.h"

int
main (int   argc,
      char *argv[])
{
  GuiTestData data;

  cag_i18n_init ();
  gui_test_data_init (&data, TRUE);
  g_clear_pointer (&data.store, cag_store_close);
  g_print ("%s\n", data.path);
  g_free (data.dir);
  g_free (data.path);
  return 0;
}
