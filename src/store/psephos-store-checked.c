/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-store-checked.c — remembering which store files passed the
 * page check, so that an unchanged file is not read page by page again.
 *
 * Opening a store runs PRAGMA quick_check, which reads every page: on a
 * store of a few megabytes that is most of what a short command such as
 * `psephos-cli export-chart` does, and on a large store it is most of the
 * time to the first window. A file that passed and has not changed since
 * cannot have been damaged by anyone but the disk, so, as git does with its
 * index, we note the file's identity and stat (device, inode, size, and the
 * modification and change times to the nanosecond) after a check that
 * passed, in the user's cache folder, and skip the page check when all of
 * them still match. The cheap checks (header, application id, version,
 * tables, no triggers or views) run on every open.
 *
 * Nothing here can make a bad file pass: any write to the file changes its
 * change time, which no user can set back. Timestamps are coarse (a kernel
 * tick), so a file changed within a tick of being checked could keep its
 * stat; like git's "racily clean" rule, a file is only noted when its last
 * change is safely older than the check. A file with a journal or WAL
 * beside it is never taken as known, since its contents are not the file
 * alone.
 */
#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "psephos-store-private.h"

#define GROUP "checked"
/* Notes kept: the stores a person works with, not every file ever opened. */
#define MAX_NOTES 64
/* How much older than now a file's last change must be to be noted. */
#define SETTLED_SECONDS 2

static char *
notes_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "psephos", "checked-stores", NULL);
}

static char *
note_key (const struct stat *st)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64) st->st_dev, (guint64) st->st_ino);
}

static char *
note_value (const struct stat *st)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT ".%09ld;%" G_GINT64_FORMAT ".%09ld",
                          (gint64) st->st_size,
                          (gint64) st->st_mtim.tv_sec, (long) st->st_mtim.tv_nsec,
                          (gint64) st->st_ctim.tv_sec, (long) st->st_ctim.tv_nsec);
}

static gboolean
has_side_file (const char *path)
{
  static const char *const suffixes[] = { "-journal", "-wal", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

gboolean
_psephos_store_stat (const char *path, struct stat *st)
{
  return stat (path, st) == 0 && S_ISREG (st->st_mode);
}

gboolean
_psephos_store_checked_before (const char *path, const struct stat *st)
{
  g_autoptr (GKeyFile) notes = g_key_file_new ();
  g_autofree char *file = notes_path ();
  g_autofree char *key = note_key (st);
  g_autofree char *noted = NULL;
  g_autofree char *now = NULL;

  if (has_side_file (path))
    return FALSE;
  if (!g_key_file_load_from_file (notes, file, G_KEY_FILE_NONE, NULL))
    return FALSE;
  noted = g_key_file_get_value (notes, GROUP, key, NULL);
  now = note_value (st);
  return noted != NULL && g_str_equal (noted, now);
}

void
_psephos_store_note_checked (const char *path, const struct stat *before)
{
  g_autoptr (GKeyFile) notes = g_key_file_new ();
  g_autofree char *file = notes_path ();
  g_autofree char *dir = NULL;
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autofree char *data = NULL;
  g_auto (GStrv) keys = NULL;
  struct stat after;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gsize n = 0, len = 0;

  /* Only a file that did not change while it was checked, has no journal,
   * and whose last change is settled. */
  if (!_psephos_store_stat (path, &after) || has_side_file (path))
    return;
  value = note_value (before);
  {
    g_autofree char *again = note_value (&after);

    if (!g_str_equal (value, again) || before->st_dev != after.st_dev || before->st_ino != after.st_ino)
      return;
  }
  if (now - (gint64) after.st_ctim.tv_sec < SETTLED_SECONDS || now - (gint64) after.st_mtim.tv_sec < SETTLED_SECONDS)
    return;

  /* A note file that is missing or unreadable is started again: it only
   * ever saves time. */
  g_key_file_load_from_file (notes, file, G_KEY_FILE_NONE, NULL);
  key = note_key (&after);
  g_key_file_remove_key (notes, GROUP, key, NULL);
  keys = g_key_file_get_keys (notes, GROUP, &n, NULL);
  for (gsize i = 0; keys != NULL && n - i >= MAX_NOTES; i++)
    g_key_file_remove_key (notes, GROUP, keys[i], NULL);
  g_key_file_set_value (notes, GROUP, key, value);

  dir = g_path_get_dirname (file);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return;
  data = g_key_file_to_data (notes, &len, NULL);
  if (!g_file_set_contents_full (file, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
    g_debug ("%s: could not note the check of %s", file, path);
}
