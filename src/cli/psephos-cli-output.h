/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-cli-output.h — JSONL records and readable numbers for psephos-cli. */
#pragma once

#include "psephos-cli.h"

G_BEGIN_DECLS

/* One JSON object written as one line. Numbers are written as a reader
 * expects them (65.42, not 65.420000000000002); unknown values (< 0, NAN,
 * NULL) become null, never 0 or "". */
typedef struct _PsephosJson PsephosJson;

PsephosJson *_psephos_json_new (void);
void _psephos_json_free (PsephosJson *json);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosJson, _psephos_json_free)

void _psephos_json_int (PsephosJson *b, const char *member, gint64 value);
void _psephos_json_number (PsephosJson *b, const char *member, double value);
void _psephos_json_string (PsephosJson *b, const char *member, const char *value);
void _psephos_json_id (PsephosJson *b, const char *member, gint64 id);             /* <= 0 → null */
void _psephos_json_int_array (PsephosJson *b, const char *member, GArray *values); /* gint64; NULL → [] */

/* Closes the object and writes it as one line. */
void _psephos_cli_emit (PsephosCliContext *ctx, PsephosJson *b);

/* "1,24,053" style grouping for readable output (Indian system). */
char *_psephos_cli_format_count (gint64 value);

/* Parses --format VALUE; FALSE (and a message) when unknown. */
gboolean _psephos_cli_parse_format (PsephosCliContext *ctx, const char *text, gboolean allow_csv, PsephosCliFormat *out);

/* A CSV field, quoted where needed (RFC 4180). */
void _psephos_csv_field (GString *line, const char *value, gboolean first);

G_END_DECLS
