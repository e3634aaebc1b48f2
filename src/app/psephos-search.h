/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-search.h — finding states, seats, candidates, parties and every
 * spelling of a name in one election, as fast as a person types. */
#pragma once

#include <gio/gio.h>

#include "psephos-session.h"

G_BEGIN_DECLS

typedef struct _PsephosSearchIndex PsephosSearchIndex;

/* Builds the index in a worker thread on the session's worker connection. */
void psephos_search_index_build_async (PsephosSession *session,
                                       gint64 election_id,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
PsephosSearchIndex *psephos_search_index_build_finish (GAsyncResult *result, GError **error);
/* The same, synchronously (tests and benchmarks). */
PsephosSearchIndex *psephos_search_index_build (PsephosStore *store,
                                                gint64 election_id,
                                                GCancellable *cancellable,
                                                GError **error);
void psephos_search_index_free (PsephosSearchIndex *index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosSearchIndex, psephos_search_index_free)

gint64 psephos_search_index_get_election_id (PsephosSearchIndex *index);
guint psephos_search_index_get_size (PsephosSearchIndex *index);

/* PsephosTreeItem for up to @limit matches of @text, states first, then
 * seats, then candidates, made from the index's own records. */
GListModel *psephos_search_index_query (PsephosSearchIndex *index,
                                        const char *text,
                                        guint limit);

G_END_DECLS
