/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-article-import.h — news articles (plain text, saved HTML) into the
 * store: read, clean, recognise duplicates, extract facts, resolve names. */
#pragma once

#include "psephos-ingest.h"

G_BEGIN_DECLS

/* Imports @contents (the whole file, read from @path) as one article
 * source, all-or-nothing. */
gboolean psephos_article_import (PsephosStore *store,
                                 const char *path,
                                 GBytes *contents,
                                 gboolean is_html,
                                 const PsephosIngestOptions *options,
                                 GCancellable *cancellable,
                                 PsephosIngestOutcome *outcome,
                                 GError **error);

G_END_DECLS
