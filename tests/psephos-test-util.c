/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-test-util.c — what the GLib tests share. */
#include "config.h"

#include <glib/gstdio.h>

#include "psephos-test-util.h"

char *
psephos_test_make_dir (const char *prefix)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
psephos_test_remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* Tests make read-only files on purpose. */
      g_chmod (path, 0600);
      g_unlink (path);
    }
  g_rmdir (dir);
}

char *
psephos_test_file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}
