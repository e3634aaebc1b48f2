/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-cli-output.h — JSONL records and readable numbers for psephos-cli. */
#pragma once

#include <json-glib/json-glib.h>

#include "psephos-cli.h"

G_BEGIN_DECLS

/* Member helpers: unknown values (< 0, NAN, NULL) become null, never 0 or "". */
void _psephos_json_int (JsonBuilder *b, const char *member, gint64 value);
void _psephos_json_number (JsonBuilder *b, const char *member, double value);
void _psephos_json_string (JsonBuilder *b, const char *member, const char *value);
void _psephos_json_id (JsonBuilder *b, const char *member, gint64 id); /* <= 0 → null */

/* Writes the builder's object as one line. */
void _psephos_cli_emit (PsephosCliContext *ctx, JsonBuilder *b);

/* "1,24,053" style grouping for readable output (Indian system). */
char *_psephos_cli_format_count (gint64 value);

/* Parses --format VALUE; FALSE (and a message) when unknown. */
gboolean _psephos_cli_parse_format (PsephosCliContext *ctx, const char *text, gboolean allow_csv, PsephosCliFormat *out);

/* A CSV field, quoted where needed (RFC 4180). */
void _psephos_csv_field (GString *line, const char *value, gboolean first);

G_END_DECLS
