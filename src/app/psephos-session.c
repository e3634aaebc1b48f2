/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-session.c — the open store and what every view needs from it. */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "psephos-format.h"
#include "psephos-session.h"

struct _PsephosSession
{
  GObject parent_instance;

  PsephosStore *store;
  GPtrArray *elections;
  PsephosElection *election; /* borrowed from elections */
  GPtrArray *sources;
  GHashTable *source_by_id; /* gint64* → PsephosSource* (borrowed) */
  /* A second connection for worker threads, opened on first use; one
   * worker uses it at a time. */
  GMutex worker_lock;
  PsephosStore *worker_store;
  char *path;
};

G_DEFINE_FINAL_TYPE (PsephosSession, psephos_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ELECTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
psephos_session_dispose (GObject *object)
{
  PsephosSession *self = PSEPHOS_SESSION (object);

  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->elections, g_ptr_array_unref);
  self->election = NULL;
  g_clear_object (&self->store);
  G_OBJECT_CLASS (psephos_session_parent_class)->dispose (object);
}

static void
psephos_session_finalize (GObject *object)
{
  PsephosSession *self = PSEPHOS_SESSION (object);

  g_clear_object (&self->worker_store);
  g_mutex_clear (&self->worker_lock);
  g_free (self->path);
  G_OBJECT_CLASS (psephos_session_parent_class)->finalize (object);
}

static void
psephos_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PsephosSession *self = PSEPHOS_SESSION (object);

  switch (prop_id)
    {
      case PROP_ELECTION_ID:
        g_value_set_int64 (value, psephos_session_get_election_id (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
psephos_session_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PsephosSession *self = PSEPHOS_SESSION (object);

  switch (prop_id)
    {
      case PROP_ELECTION_ID:
        psephos_session_set_election_id (self, g_value_get_int64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
psephos_session_class_init (PsephosSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = psephos_session_dispose;
  object_class->finalize = psephos_session_finalize;
  object_class->get_property = psephos_session_get_property;
  object_class->set_property = psephos_session_set_property;

  properties[PROP_ELECTION_ID] = g_param_spec_int64 ("election-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
psephos_session_init (PsephosSession *self)
{
  g_mutex_init (&self->worker_lock);
}

PsephosSession *
psephos_session_new (PsephosStore *store)
{
  PsephosSession *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (PSEPHOS_IS_STORE (store), NULL);

  self = g_object_new (PSEPHOS_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (psephos_store_get_path (store));
  self->elections = psephos_store_list_elections (store, &error);
  if (self->elections == NULL)
    {
      g_warning ("Could not list elections: %s", error->message);
      self->elections = g_ptr_array_new_with_free_func (_psephos_election_free_cb);
    }
  /* Sources are read when first needed (citations, the reader). */
  return self;
}

PsephosStore *
psephos_session_get_store (PsephosSession *self)
{
  g_return_val_if_fail (PSEPHOS_IS_SESSION (self), NULL);
  return self->store;
}

GPtrArray *
psephos_session_get_elections (PsephosSession *self)
{
  g_return_val_if_fail (PSEPHOS_IS_SESSION (self), NULL);
  return self->elections;
}

gint64
psephos_session_get_election_id (PsephosSession *self)
{
  g_return_val_if_fail (PSEPHOS_IS_SESSION (self), 0);
  return self->election != NULL ? self->election->id : 0;
}

void
psephos_session_set_election_id (PsephosSession *self, gint64 election_id)
{
  PsephosElection *found = NULL;

  g_return_if_fail (PSEPHOS_IS_SESSION (self));

  for (guint i = 0; i < self->elections->len; i++)
    {
      PsephosElection *e = g_ptr_array_index (self->elections, i);

      if (e->id == election_id)
        found = e;
    }
  if (found == self->election)
    return;
  self->election = found;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELECTION_ID]);
}

const PsephosElection *
psephos_session_get_election (PsephosSession *self)
{
  g_return_val_if_fail (PSEPHOS_IS_SESSION (self), NULL);
  return self->election;
}

GPtrArray *
psephos_session_get_sources (PsephosSession *self)
{
  g_return_val_if_fail (PSEPHOS_IS_SESSION (self), NULL);
  if (self->sources == NULL)
    psephos_session_reload_sources (self);
  return self->sources;
}

void
psephos_session_reload_sources (PsephosSession *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PSEPHOS_IS_SESSION (self));

  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  self->sources = psephos_store_list_sources (self->store, &error);
  if (self->sources == NULL)
    {
      g_warning ("Could not list sources: %s", error->message);
      self->sources = g_ptr_array_new_with_free_func (_psephos_source_free_cb);
    }
  self->source_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < self->sources->len; i++)
    {
      PsephosSource *s = g_ptr_array_index (self->sources, i);

      g_hash_table_insert (self->source_by_id, &s->id, s);
    }
}

const PsephosSource *
psephos_session_lookup_source (PsephosSession *self, gint64 source_id)
{
  g_return_val_if_fail (PSEPHOS_IS_SESSION (self), NULL);
  if (self->sources == NULL)
    psephos_session_reload_sources (self);
  return g_hash_table_lookup (self->source_by_id, &source_id);
}

char *
psephos_session_describe_source (PsephosSession *self, gint64 source_id)
{
  const PsephosSource *s = psephos_session_lookup_source (self, source_id);
  GString *out;

  if (s == NULL)
    return g_strdup (_ ("Unknown source"));
  if (s->kind == PSEPHOS_SOURCE_OFFICIAL)
    /* TRANSLATORS: %s is a file name */
    return g_strdup_printf (_ ("Official results: %s"), s->file != NULL ? s->file : s->title);

  out = g_string_new (s->title != NULL ? s->title : s->file);
  if (s->publisher != NULL || s->published_on != NULL)
    {
      g_string_append (out, " — ");
      if (s->publisher != NULL)
        g_string_append (out, s->publisher);
      if (s->publisher != NULL && s->published_on != NULL)
        g_string_append (out, ", ");
      if (s->published_on != NULL)
        g_string_append (out, s->published_on);
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
psephos_session_list_facts (PsephosSession *self, const PsephosFactQuery *query)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *facts;

  g_return_val_if_fail (PSEPHOS_IS_SESSION (self), NULL);

  facts = psephos_store_list_facts (self->store, query, &error);
  if (facts == NULL)
    {
      g_debug ("Could not list facts: %s", error->message);
      facts = g_ptr_array_new_with_free_func (_psephos_fact_free_cb);
    }
  return facts;
}

typedef struct
{
  PsephosFactQuery query;
  char *attribute;
} FactsData;

static void
facts_data_free (gpointer data)
{
  FactsData *d = data;

  g_free (d->attribute);
  g_free (d);
}

static void
facts_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PsephosSession *self = source;
  FactsData *d = task_data;
  g_autoptr (GError) error = NULL;
  GPtrArray *facts = NULL;

  PsephosStore *store = _psephos_session_lock_worker_store (self, &error);

  if (store != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    facts = psephos_store_list_facts (store, &d->query, &error);
  _psephos_session_unlock_worker_store (self);
  if (facts == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, facts, _psephos_ptr_array_unref_cb);
}

PsephosStore *
_psephos_session_lock_worker_store (PsephosSession *self, GError **error)
{
  g_mutex_lock (&self->worker_lock);
  if (self->worker_store == NULL)
    self->worker_store = psephos_store_open (self->path, PSEPHOS_STORE_OPEN_READ_ONLY, error);
  return self->worker_store;
}

void
_psephos_session_unlock_worker_store (PsephosSession *self)
{
  g_mutex_unlock (&self->worker_lock);
}

void
psephos_session_list_facts_async (PsephosSession *self,
                                  const PsephosFactQuery *query,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  FactsData *d;

  g_return_if_fail (PSEPHOS_IS_SESSION (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, psephos_session_list_facts_async);
  d = g_new0 (FactsData, 1);
  d->query = *query;
  d->attribute = g_strdup (query->attribute);
  d->query.attribute = d->attribute;
  g_task_set_task_data (task, d, facts_data_free);
  g_task_run_in_thread (task, facts_thread);
}

GPtrArray *
psephos_session_list_facts_finish (PsephosSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  PsephosChartKind kind;
  PsephosChartQuery query;
  char *state;
} ChartData;

static void
chart_data_free (gpointer data)
{
  ChartData *d = data;

  g_free (d->state);
  g_free (d);
}

static void
chart_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PsephosSession *self = source;
  ChartData *d = task_data;
  g_autoptr (GError) error = NULL;
  PsephosChart *chart = NULL;
  PsephosStore *store = _psephos_session_lock_worker_store (self, &error);

  if (store != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    chart = psephos_chart_new_for_store (store, d->kind, &d->query, &error);
  _psephos_session_unlock_worker_store (self);
  if (chart == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, chart, g_object_unref);
}

void
psephos_session_new_chart_async (PsephosSession *self,
                                 PsephosChartKind kind,
                                 const PsephosChartQuery *query,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ChartData *d;

  g_return_if_fail (PSEPHOS_IS_SESSION (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, psephos_session_new_chart_async);
  d = g_new0 (ChartData, 1);
  d->kind = kind;
  d->query.election_id = query->election_id;
  d->query.contest_id = query->contest_id;
  /* Charts name no state by id: a state's margins are asked for by name. */
  d->state = g_strdup (query->state);
  d->query.state = d->state;
  g_task_set_task_data (task, d, chart_data_free);
  g_task_run_in_thread (task, chart_thread);
}

PsephosChart *
psephos_session_new_chart_finish (PsephosSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
psephos_attribute_label (const char *attribute)
{
  static const struct
  {
    const char *key;
    const char *label;
  } labels[] = {
    { "votes", N_ ("Votes") },
    { "evm_votes", N_ ("EVM votes") },
    { "postal_votes", N_ ("Postal votes") },
    { "vote_share_pct", N_ ("Vote share") },
    { "margin", N_ ("Margin") },
    { "result", N_ ("Result") },
    { "party", N_ ("Party") },
    { "turnout_pct", N_ ("Turnout") },
    { "electors", N_ ("Electors") },
    { "votes_polled", N_ ("Votes polled") },
    { "nota_votes", N_ ("NOTA votes") },
    { "seats_won", N_ ("Seats won") },
    { "seats_leading", N_ ("Seats leading") },
    { "seats_total", N_ ("Seats in the house") },
    { "majority_mark", N_ ("Majority mark") },
    { "alliance", N_ ("Alliance") },
  };

  if (attribute == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, attribute))
      return _ (labels[i].label);
  return attribute;
}

const char *
psephos_result_label (PsephosResult result)
{
  switch (result)
    {
      case PSEPHOS_RESULT_WON:
        return _ ("Won");
      case PSEPHOS_RESULT_LOST:
        return _ ("Lost");
      case PSEPHOS_RESULT_LEADING:
        return _ ("Leading");
      case PSEPHOS_RESULT_TRAILING:
        return _ ("Trailing");
      case PSEPHOS_RESULT_UNKNOWN:
      default:
        return "";
    }
}

const char *
psephos_fact_status_label (PsephosFactStatus status)
{
  switch (status)
    {
      case PSEPHOS_FACT_CORROBORATED:
        return _ ("Corroborated");
      case PSEPHOS_FACT_CONFIRMED:
        return _ ("Confirmed by official data");
      case PSEPHOS_FACT_CONFLICT:
        return _ ("Sources disagree");
      case PSEPHOS_FACT_CONTRADICTED:
        return _ ("Official data says otherwise");
      case PSEPHOS_FACT_UNCHECKED:
      default:
        return _ ("Single source");
    }
}

char *
psephos_fact_value_text (const PsephosFact *fact)
{
  const char *prefix = "";

  g_return_val_if_fail (fact != NULL, NULL);

  switch (fact->qualifier)
    {
      case PSEPHOS_QUALIFIER_AT_LEAST:
        prefix = _ ("over ");
        break;
      case PSEPHOS_QUALIFIER_AT_MOST:
        prefix = _ ("under ");
        break;
      case PSEPHOS_QUALIFIER_ABOUT:
        prefix = _ ("about ");
        break;
      case PSEPHOS_QUALIFIER_EXACT:
      default:
        break;
    }

  if (fact->has_number)
    {
      g_autofree char *num = NULL;

      if (fact->attribute != NULL && g_str_has_suffix (fact->attribute, "_pct"))
        num = psephos_format_percent (fact->number);
      else
        num = psephos_format_count ((gint64) llround (fact->number));
      return g_strconcat (prefix, num, NULL);
    }
  if (fact->text != NULL)
    {
      PsephosResult r = psephos_result_from_string (fact->text);

      if (r != PSEPHOS_RESULT_UNKNOWN)
        return g_strconcat (prefix, psephos_result_label (r), NULL);
      return g_strconcat (prefix, fact->text, NULL);
    }
  return g_strdup ("—");
}

void
_psephos_fact_free_cb (gpointer data)
{
  psephos_fact_free (data);
}

void
_psephos_election_free_cb (gpointer data)
{
  psephos_election_free (data);
}

void
_psephos_source_free_cb (gpointer data)
{
  psephos_source_free (data);
}

void
_psephos_candidacy_free_cb (gpointer data)
{
  psephos_candidacy_free (data);
}

void
_psephos_ptr_array_unref_cb (gpointer data)
{
  g_ptr_array_unref (data);
}

void
_psephos_strv_free_cb (gpointer data)
{
  g_strfreev (data);
}
