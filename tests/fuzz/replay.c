/* replay.c — runs a fuzz target over its seed corpus without libFuzzer.
 *
 * Usage: replay-TARGET FILE-OR-FOLDER…  Every file is passed once to
 * LLVMFuzzerTestOneInput; a crash or abort fails the test.  Prints TAP. */
#include "config.h"

#include <stdlib.h>

#include "fuzz-common.h"

static guint count;

static void
replay_file (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      printf ("Bail out! %s\n", error->message);
      exit (1);
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
  printf ("ok %u - %s\n", ++count, path);
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
replay_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      printf ("Bail out! cannot read %s\n", path);
      exit (1);
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    replay_path (names->pdata[i]);
}

int
main (int    argc,
      char **argv)
{
  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);
  if (count == 0)
    {
      printf ("Bail out! empty corpus\n");
      return 1;
    }
  printf ("1..%u\n", count);
  return 0;
}
