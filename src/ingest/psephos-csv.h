/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-csv.h — a small, fast CSV reader for official results files.
 *
 * RFC 4180 quoting ("a ""quoted"" field", separators and line breaks inside
 * quotes), a configurable separator (',' or ';'), LF or CRLF line ends, an
 * optional UTF-8 byte order mark. It reads from memory without copying the
 * file: unquoted fields point into a per-record scratch buffer, and each
 * field remembers where it is in the file so that callers can cite it.
 *
 * Errors (PSEPHOS_INGEST_ERROR) say "PATH:LINE: reason": a row with a
 * different number of fields than the header (PARSE), an unterminated quote
 * (PARSE), a byte that is not UTF-8 (ENCODING).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PsephosCsv PsephosCsv;

/* Reads @data (@len bytes, which must outlive the reader); @path is only
 * used in messages. */
PsephosCsv *psephos_csv_new (const char *path,
                             const char *data,
                             gsize len,
                             char separator);
void psephos_csv_free (PsephosCsv *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosCsv, psephos_csv_free)

/* Reads the next record. Returns FALSE at the end of the data (with @error
 * unset) or on a malformed record (with @error set). Blank lines are
 * skipped. Every record must have as many fields as the first one. */
gboolean psephos_csv_next (PsephosCsv *self, GError **error);

guint psephos_csv_get_n_fields (PsephosCsv *self);
/* The field's value, unquoted and NUL-terminated; valid until the next
 * psephos_csv_next(). */
const char *psephos_csv_get_field (PsephosCsv *self, guint i);
gsize psephos_csv_get_field_len (PsephosCsv *self, guint i);
/* Where the field's characters are in the data, in bytes: inside the quotes
 * of a quoted field. [start, end) holds exactly the value when the field has
 * no doubled quotes. */
gsize psephos_csv_get_field_start (PsephosCsv *self, guint i);
gsize psephos_csv_get_field_end (PsephosCsv *self, guint i);
/* The 1-based line the current record starts on. */
guint psephos_csv_get_line (PsephosCsv *self);
/* The 1-based line on which byte @offset of the data lies (slow: counts). */
guint psephos_csv_line_at (PsephosCsv *self, gsize offset);

/* Fraction of the data read so far, 0..1. */
double psephos_csv_get_fraction (PsephosCsv *self);

G_END_DECLS
