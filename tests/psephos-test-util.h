/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-test-util.h — what the GLib tests share: a scratch folder per
 * test, and a file's checksum (to show a refused input left a store as it
 * was). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new folder under the temporary directory, named from @prefix. */
char *psephos_test_make_dir (const char *prefix);

/* Removes @dir and the files in it, read-only ones included. */
void psephos_test_remove_dir (const char *dir);

/* SHA-256 of a file's bytes, as hex. */
char *psephos_test_file_checksum (const char *path);

G_END_DECLS
