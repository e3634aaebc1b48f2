/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-ingest.c — recognises a file and hands it to its reader. */
#include "config.h"

#include <nettle/sha2.h>
#include <string.h>

#include "psephos-article-import.h"
#include "psephos-ingest.h"
#include "psephos-nist.h"
#include "psephos-results.h"

G_DEFINE_QUARK (psephos - ingest - error - quark, psephos_ingest_error)

/* Larger files are refused before they are read into memory. */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

void
_psephos_ingest_set_error (GError **error,
                           PsephosIngestError code,
                           const char *path,
                           guint line,
                           const char *format,
                           ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    g_set_error (error, PSEPHOS_INGEST_ERROR, code, "%s:%u: %s", path, line, reason);
  else
    g_set_error (error, PSEPHOS_INGEST_ERROR, code, "%s: %s", path, reason);
}

/* The file's SHA-256, in hex: its identity in the store (source.content_hash).
 * Nettle's, which uses the processor's SHA instructions where there are
 * some: five times GChecksum's speed on an 18 MB file. */
static char *
content_hash (const char *data,
              gsize len)
{
  static const char hex[] = "0123456789abcdef";
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *out = g_malloc (SHA256_DIGEST_SIZE * 2 + 1);

  sha256_init (&ctx);
  sha256_update (&ctx, len, (const guint8 *) data);
  sha256_digest (&ctx, sizeof digest, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[SHA256_DIGEST_SIZE * 2] = '\0';
  return out;
}

PsephosImport *
_psephos_ingest_begin_source (PsephosStore *store,
                              GBytes *contents,
                              char **hash_out,
                              PsephosIngestOutcome *outcome,
                              GError **error)
{
  g_autoptr (PsephosImport) imp = NULL;
  g_autofree char *hash = NULL;
  const char *data;
  gsize len;
  gint64 existing;

  data = g_bytes_get_data (contents, &len);
  hash = content_hash (data, len);
  imp = psephos_store_begin_import (store, error);
  if (imp == NULL)
    return NULL;
  existing = psephos_import_find_source_by_hash (imp, hash);
  if (existing > 0)
    {
      outcome->status = PSEPHOS_INGEST_UNCHANGED;
      outcome->source_id = existing;
      return NULL; /* the autoptr rolls the empty transaction back */
    }
  *hash_out = g_steal_pointer (&hash);
  return g_steal_pointer (&imp);
}

const char *
psephos_ingest_status_to_string (PsephosIngestStatus status)
{
  switch (status)
    {
      case PSEPHOS_INGEST_IMPORTED:
        return "imported";
      case PSEPHOS_INGEST_UNCHANGED:
        return "unchanged";
      case PSEPHOS_INGEST_DUPLICATE:
        return "duplicate";
      default:
        g_return_val_if_reached ("?");
    }
}

static gboolean
has_suffix_ci (const char *path, const char *suffix)
{
  size_t n = strlen (path), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (path + n - m, suffix) == 0;
}

/* Saved pages are recognised by name or by their first tag. */
static gboolean
looks_like_html (const char *path, const char *data, gsize len)
{
  gsize i = 0;

  if (has_suffix_ci (path, ".html") || has_suffix_ci (path, ".htm") || has_suffix_ci (path, ".xhtml"))
    return TRUE;
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i + 5 < len
         && (g_ascii_strncasecmp (data + i, "<!doctype html", MIN (14, len - i)) == 0
             || g_ascii_strncasecmp (data + i, "<html", 5) == 0);
}

gboolean
psephos_ingest_file (PsephosStore *store,
                     const char *path,
                     const PsephosIngestOptions *options,
                     GCancellable *cancellable,
                     PsephosIngestOutcome *outcome,
                     GError **error)
{
  static const PsephosIngestOptions no_options = { 0 };
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  PsephosIngestOutcome unused;
  const char *data;
  gsize len;

  g_return_val_if_fail (PSEPHOS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    options = &no_options;
  if (outcome == NULL)
    outcome = &unused;
  memset (outcome, 0, sizeof *outcome);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_UNREADABLE, path, 0, "cannot read the file: %s", local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_UNREADABLE, path, 0, "not a regular file");
      return FALSE;
    }
  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_TOO_LARGE, path, 0,
                                 "the file is larger than %d MB", MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_UNREADABLE, path, 0, "cannot read the file: %s", local_error->message);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &len);
  {
    gsize i = 0;
    while (i < len && g_ascii_isspace (data[i]))
      i++;
    if (i == len)
      {
        _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0, "the file is empty");
        return FALSE;
      }
  }
  if (memchr (data, '\0', MIN (len, 8192)) != NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_ENCODING, path, 0, "a binary file, not text");
      return FALSE;
    }

  if (psephos_results_sniff (data, len))
    return psephos_results_import (store, path, bytes, options, cancellable, outcome, error);
  if (psephos_nist_sniff (data, len))
    return psephos_nist_import (store, path, bytes, options, cancellable, outcome, error);
  if (has_suffix_ci (path, ".xml"))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_FORMAT, path, 0,
                                 "not an NIST SP 1500-100 election report (no ElectionReport element, or a DOCTYPE)");
      return FALSE;
    }
  if (has_suffix_ci (path, ".csv") || has_suffix_ci (path, ".tsv"))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_FORMAT, path, 1,
                                 "not an official results format Psephos knows (unrecognised header)");
      return FALSE;
    }
  return psephos_article_import (store, path, bytes, looks_like_html (path, data, len),
                                 options, cancellable, outcome, error);
}
