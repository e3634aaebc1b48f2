/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-fuzz-common.c — helpers the fuzz targets share. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "psephos-fuzz.h"

static char *tmp_dir;

static void
remove_tmp_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

const char *
psephos_fuzz_tmp_dir (void)
{
  if (tmp_dir == NULL)
    {
      /* /dev/shm keeps SQLite's syncs cheap: executions per second matter. */
      g_autofree char *tmpl = NULL;

      if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
        tmpl = g_strdup ("/dev/shm/psephos-fuzz-XXXXXX");
      else
        tmpl = g_build_filename (g_get_tmp_dir (), "psephos-fuzz-XXXXXX", NULL);
      tmp_dir = g_mkdtemp (g_steal_pointer (&tmpl));
      if (tmp_dir == NULL)
        g_error ("cannot make a temporary directory");
      atexit (remove_tmp_dir);
    }
  return tmp_dir;
}
