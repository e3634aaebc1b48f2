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

/* Are two spellings one person's name? Equal psephos_name_key(), or the same
 * first letter and surname within two edits (Hoshiyar / Hoshyar Singh), or
 * the same first and last names (Kalpana Soren / KALPANA MURMU SOREN).
 * For any reader matching names onto a contest's earlier candidacies. */
gboolean _psephos_names_match (const char *a, const char *b);

G_END_DECLS
