/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-results.h — official results files (CSV): the india-votes-data
 * assembly format, the ';'-separated Lok Sabha 2024 format and the
 * ElectionLens flat table, recognised by their header. */
#pragma once

#include "psephos-ingest.h"

G_BEGIN_DECLS

/* TRUE when the first line of @head is the header of a format we read. */
gboolean psephos_results_sniff (const char *head, gsize len);

/* Imports @contents (the whole file, read from @path) as one official
 * source, all-or-nothing. */
gboolean psephos_results_import (PsephosStore *store,
                                 const char *path,
                                 GBytes *contents,
                                 const PsephosIngestOptions *options,
                                 GCancellable *cancellable,
                                 PsephosIngestOutcome *outcome,
                                 GError **error);

G_END_DECLS
