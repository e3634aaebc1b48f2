/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-session.h — what the views share: the open store, the election
 * being shown and a cache of source descriptions for citations. */
#pragma once

#include <gio/gio.h>

#include "psephos-chart.h"
#include "psephos-store.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_SESSION (psephos_session_get_type ())
G_DECLARE_FINAL_TYPE (PsephosSession, psephos_session, PSEPHOS, SESSION, GObject)

PsephosSession *psephos_session_new (PsephosStore *store);
PsephosStore *psephos_session_get_store (PsephosSession *self);
/* PsephosElection records, by year then name. */
GPtrArray *psephos_session_get_elections (PsephosSession *self);
gint64 psephos_session_get_election_id (PsephosSession *self);
void psephos_session_set_election_id (PsephosSession *self, gint64 election_id);
/* The election record (NULL when none is chosen). */
const PsephosElection *psephos_session_get_election (PsephosSession *self);
/* Every source without body text, cached; re-read after an import. */
GPtrArray *psephos_session_get_sources (PsephosSession *self);
const PsephosSource *psephos_session_lookup_source (PsephosSession *self, gint64 source_id);
void psephos_session_reload_sources (PsephosSession *self);
/* "Title — Publisher, 13 July 2024" or "Official results: file.csv". */
char *psephos_session_describe_source (PsephosSession *self, gint64 source_id);
/* Facts matching @query, or an empty array when the store cannot say. */
GPtrArray *psephos_session_list_facts (PsephosSession *self, const PsephosFactQuery *query);

/* The same in a worker thread on the session's own second connection, so
 * slow queries never hold up a frame. The query is copied. */
void psephos_session_list_facts_async (PsephosSession *self,
                                       const PsephosFactQuery *query,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
GPtrArray *psephos_session_list_facts_finish (PsephosSession *self,
                                              GAsyncResult *result,
                                              GError **error);

/* Makes a chart (by ids: @query's names are ignored, but for the state's) in a worker thread:
 * reading what a chart needs can take a while on a big store. */
void psephos_session_new_chart_async (PsephosSession *self,
                                      PsephosChartKind kind,
                                      const PsephosChartQuery *query,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
PsephosChart *psephos_session_new_chart_finish (PsephosSession *self,
                                                GAsyncResult *result,
                                                GError **error);

/* For worker threads: the session's second connection, opened on first use
 * (its integrity check paid once), held until unlocked. NULL on error (still
 * locked: unlock anyway). */
PsephosStore *_psephos_session_lock_worker_store (PsephosSession *self, GError **error);
void _psephos_session_unlock_worker_store (PsephosSession *self);

/* Destroy notifiers with GDestroyNotify's own signature (no casts). */
void _psephos_fact_free_cb (gpointer data);
void _psephos_election_free_cb (gpointer data);
void _psephos_source_free_cb (gpointer data);
void _psephos_candidacy_free_cb (gpointer data);
void _psephos_ptr_array_unref_cb (gpointer data);
void _psephos_strv_free_cb (gpointer data);

/* Human words for fact attributes and values. */
const char *psephos_attribute_label (const char *attribute);
char *psephos_fact_value_text (const PsephosFact *fact);
const char *psephos_result_label (PsephosResult result);
const char *psephos_fact_status_label (PsephosFactStatus status);

G_END_DECLS
