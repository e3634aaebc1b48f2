/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-ingest.h — importing files into a store: the one entry point the
 * app and the CLI use. It recognises what a file is (article text, saved HTML
 * page, one of the official results formats) and hands it to the reader for
 * that kind. Each file is imported all-or-nothing in its own transaction.
 */
#pragma once

#include <gio/gio.h>

#include "psephos-store.h"

G_BEGIN_DECLS

#define PSEPHOS_INGEST_ERROR (psephos_ingest_error_quark ())
GQuark psephos_ingest_error_quark (void);

/**
 * PsephosIngestError:
 * @PSEPHOS_INGEST_ERROR_UNREADABLE: the file cannot be read
 * @PSEPHOS_INGEST_ERROR_EMPTY: the file is empty (or only white space)
 * @PSEPHOS_INGEST_ERROR_ENCODING: not UTF-8, or binary
 * @PSEPHOS_INGEST_ERROR_FORMAT: not a kind of file Psephos reads
 * @PSEPHOS_INGEST_ERROR_PARSE: a row or element is malformed (the message names the line)
 * @PSEPHOS_INGEST_ERROR_NO_ELECTION: the file does not say its election and none was given
 * @PSEPHOS_INGEST_ERROR_TOO_LARGE: over the size Psephos accepts
 *
 * Every message starts with the file's path, then the line (and column)
 * where there is one: "results.csv:12: votes column is not a number: ‘12a’".
 * A cancelled import fails with G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  PSEPHOS_INGEST_ERROR_UNREADABLE,
  PSEPHOS_INGEST_ERROR_EMPTY,
  PSEPHOS_INGEST_ERROR_ENCODING,
  PSEPHOS_INGEST_ERROR_FORMAT,
  PSEPHOS_INGEST_ERROR_PARSE,
  PSEPHOS_INGEST_ERROR_NO_ELECTION,
  PSEPHOS_INGEST_ERROR_TOO_LARGE,
} PsephosIngestError;

typedef enum
{
  PSEPHOS_INGEST_IMPORTED,  /* new source, facts added */
  PSEPHOS_INGEST_UNCHANGED, /* the same bytes were imported before: nothing done */
  PSEPHOS_INGEST_DUPLICATE, /* a near-duplicate of an earlier source: stored, marked duplicate_of, facts not counted twice */
} PsephosIngestStatus;

typedef struct
{
  PsephosIngestStatus status;
  gint64 source_id;    /* the new source, or the one it duplicates/repeats */
  gint64 duplicate_of; /* for DUPLICATE */
  guint n_facts;       /* facts added */
  guint n_rows;        /* official: data rows read */
} PsephosIngestOutcome;

typedef struct
{
  const char *election; /* --election NAME: used where the file does not name its election */
  /* Progress, 0..1, called from the importing thread. */
  void (*progress) (double fraction, gpointer user_data);
  gpointer progress_data;
} PsephosIngestOptions;

/* Imports one file: articles (.txt, .html/.htm) and official results (.csv,
 * recognised by header). */
gboolean psephos_ingest_file (PsephosStore *store,
                              const char *path,
                              const PsephosIngestOptions *options,
                              GCancellable *cancellable,
                              PsephosIngestOutcome *outcome,
                              GError **error);

const char *psephos_ingest_status_to_string (PsephosIngestStatus status);

/* For readers: starts the one transaction in which a file's bytes become a
 * source, and gives their SHA-256 in @hash_out. Returns NULL with @error set
 * on failure, or NULL without an error and @outcome UNCHANGED when the same
 * bytes are stored already (nothing is written then). */
PsephosImport *_psephos_ingest_begin_source (PsephosStore *store,
                                             GBytes *contents,
                                             char **hash_out,
                                             PsephosIngestOutcome *outcome,
                                             GError **error);

/* Helper for readers: sets @error to "PATH:LINE: message" (LINE omitted when 0). */
void _psephos_ingest_set_error (GError **error,
                                PsephosIngestError code,
                                const char *path,
                                guint line,
                                const char *format,
                                ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
