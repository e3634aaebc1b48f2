/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-fuzz-replay.c — main() for builds without libFuzzer: runs a fuzz
 * target once on each file named (directories: on each file inside), the
 * way libFuzzer replays a corpus. A crash or sanitizer report fails the run.
 */
#include "config.h"

#include <stdio.h>

#include "psephos-fuzz.h"

static guint n_inputs;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
replay_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &error))
    g_error ("%s", error->message);
  /* An exact-size copy, so that reading past the end is caught by ASan and
   * valgrind as it would be under libFuzzer. */
  {
    g_autofree guint8 *copy = g_memdup2 (data, len);
    LLVMFuzzerTestOneInput (copy, len);
  }
  n_inputs++;
}

static void
replay_path (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, compare_paths);
      for (guint i = 0; i < names->len; i++)
        replay_path (names->pdata[i]);
    }
  else
    replay_file (path);
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);
  printf ("replayed %u inputs\n", n_inputs);
  return 0;
}
