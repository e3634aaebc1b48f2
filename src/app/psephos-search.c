/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-search.c — the search index: one matching key per state, seat and
 * candidacy holding every name it answers to (names, party names and
 * abbreviations, aliases), folded with psephos_name_key(). */
#include "config.h"

#include <string.h>

#include "psephos-search.h"
#include "psephos-tree-item.h"

typedef struct
{
  PsephosTreeItemKind kind;
  gint64 id;
  char *key; /* "\n"-joined name keys */
  char *seat_name;
  char *state_name;
  gpointer record; /* borrowed from the index's arrays */
} Entry;

/* The index keeps the records it was built from, so a keystroke makes rows
 * from memory without asking the store. */
struct _PsephosSearchIndex
{
  gint64 election_id;
  GArray *entries; /* Entry */
  GPtrArray *states;
  GPtrArray *seats;
  GPtrArray *candidacies;
};

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_free (e->key);
  g_free (e->seat_name);
  g_free (e->state_name);
}

static void
key_add (GString *key, const char *name)
{
  g_autofree char *k = NULL;

  if (name == NULL || *name == '\0')
    return;
  k = psephos_name_key (name);
  if (k == NULL || *k == '\0')
    return;
  if (key->len > 0)
    g_string_append_c (key, '\n');
  g_string_append (key, k);
}

static void
add_entry (PsephosSearchIndex *index, PsephosTreeItemKind kind, gint64 id, GString *key, const char *seat_name, const char *state_name, gpointer record)
{
  Entry e = { kind, id, g_string_free (key, FALSE), g_strdup (seat_name), g_strdup (state_name), record };

  g_array_append_val (index->entries, e);
}

void
psephos_search_index_free (PsephosSearchIndex *index)
{
  if (index == NULL)
    return;
  g_array_unref (index->entries);
  g_clear_pointer (&index->states, g_ptr_array_unref);
  g_clear_pointer (&index->seats, g_ptr_array_unref);
  g_clear_pointer (&index->candidacies, g_ptr_array_unref);
  g_free (index);
}

PsephosSearchIndex *
psephos_search_index_build (PsephosStore *store, gint64 election_id, GCancellable *cancellable, GError **error)
{
  g_autoptr (PsephosSearchIndex) index = g_new0 (PsephosSearchIndex, 1);
  GPtrArray *states;
  GPtrArray *seats;
  g_autoptr (GPtrArray) parties = NULL;
  g_autoptr (GHashTable) party_names = NULL; /* party id → full name */
  g_autoptr (GHashTable) aliases = NULL;     /* person id → GStrv */

  g_return_val_if_fail (PSEPHOS_IS_STORE (store), NULL);

  index->election_id = election_id;
  index->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (index->entries, entry_clear);

  index->candidacies = g_ptr_array_new_with_free_func (_psephos_candidacy_free_cb);
  states = index->states = psephos_store_list_states (store, election_id, error);
  if (states == NULL)
    return NULL;
  for (guint i = 0; i < states->len; i++)
    {
      PsephosStateRow *s = g_ptr_array_index (states, i);
      GString *key = g_string_new (NULL);

      key_add (key, s->name);
      key_add (key, s->abbr);
      add_entry (index, PSEPHOS_TREE_ITEM_STATE, s->id, key, NULL, s->name, s);
    }

  parties = psephos_store_list_parties (store, error);
  if (parties == NULL)
    return NULL;
  party_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < parties->len; i++)
    {
      PsephosParty *p = g_ptr_array_index (parties, i);

      g_hash_table_insert (party_names, g_memdup2 (&p->id, sizeof p->id), g_strdup (p->name));
    }

  seats = index->seats = psephos_store_list_seats (store, election_id, 0, error);
  if (seats == NULL)
    return NULL;
  aliases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, _psephos_strv_free_cb);
  for (guint i = 0; i < seats->len; i++)
    {
      PsephosSeatRow *seat = g_ptr_array_index (seats, i);
      g_autoptr (GPtrArray) cands = NULL;
      GString *key = g_string_new (NULL);
      const char *seat_name = seat->display_name != NULL ? seat->display_name : seat->name;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      key_add (key, seat->name);
      key_add (key, seat->display_name);
      key_add (key, seat->winner_party);
      add_entry (index, PSEPHOS_TREE_ITEM_SEAT, seat->contest_id, key, seat_name, seat->state_name, seat);

      cands = psephos_store_list_candidacies (store, seat->contest_id, error);
      if (cands == NULL)
        return NULL;
      for (guint j = 0; j < cands->len; j++)
        {
          PsephosCandidacy *c = g_ptr_array_index (cands, j);
          GStrv names = g_hash_table_lookup (aliases, &c->person_id);

          key = g_string_new (NULL);
          key_add (key, c->display_name);
          key_add (key, c->name);
          key_add (key, c->party);
          key_add (key, c->party_name);
          if (names == NULL)
            {
              names = psephos_store_person_aliases (store, c->person_id, NULL);
              if (names != NULL)
                g_hash_table_insert (aliases, g_memdup2 (&c->person_id, sizeof c->person_id), names);
            }
          for (guint k = 0; names != NULL && names[k] != NULL; k++)
            key_add (key, names[k]);
          add_entry (index, PSEPHOS_TREE_ITEM_CANDIDATE, c->id, key, seat_name, seat->state_name, c);
        }
      /* The index owns the candidacies now. */
      g_ptr_array_set_free_func (cands, NULL);
      for (guint j = 0; j < cands->len; j++)
        g_ptr_array_add (index->candidacies, g_ptr_array_index (cands, j));
    }
  return g_steal_pointer (&index);
}

static void
search_index_free_cb (gpointer data)
{
  psephos_search_index_free (data);
}

typedef struct
{
  PsephosSession *session;
  gint64 election_id;
} BuildData;

static void
build_data_free (gpointer data)
{
  BuildData *d = data;

  g_object_unref (d->session);
  g_free (d);
}

static void
build_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  BuildData *d = task_data;
  g_autoptr (GError) error = NULL;
  PsephosStore *store;
  PsephosSearchIndex *index = NULL;

  store = _psephos_session_lock_worker_store (d->session, &error);
  if (store != NULL)
    index = psephos_search_index_build (store, d->election_id, cancellable, &error);
  _psephos_session_unlock_worker_store (d->session);
  if (index == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, index, search_index_free_cb);
}

void
psephos_search_index_build_async (PsephosSession *session,
                                  gint64 election_id,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  BuildData *d;

  g_return_if_fail (PSEPHOS_IS_SESSION (session));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, psephos_search_index_build_async);
  d = g_new0 (BuildData, 1);
  d->session = g_object_ref (session);
  d->election_id = election_id;
  g_task_set_task_data (task, d, build_data_free);
  g_task_run_in_thread (task, build_thread);
}

PsephosSearchIndex *
psephos_search_index_build_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gint64
psephos_search_index_get_election_id (PsephosSearchIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);
  return index->election_id;
}

guint
psephos_search_index_get_size (PsephosSearchIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);
  return index->entries->len;
}

static PsephosTreeItem *
make_item (gint64 election_id, const Entry *e)
{
  switch (e->kind)
    {
      case PSEPHOS_TREE_ITEM_STATE:
        return psephos_tree_item_new_state (election_id, _psephos_state_row_copy (e->record));
      case PSEPHOS_TREE_ITEM_SEAT:
        return psephos_tree_item_new_seat (_psephos_seat_row_copy (e->record));
      case PSEPHOS_TREE_ITEM_CANDIDATE:
        return psephos_tree_item_new_candidate (_psephos_candidacy_copy (e->record), e->seat_name, e->state_name);
      case PSEPHOS_TREE_ITEM_ELECTION:
      default:
        return NULL;
    }
}

GListModel *
psephos_search_index_query (PsephosSearchIndex *index, const char *text, guint limit)
{
  GListStore *results;
  g_autofree char *needle = NULL;
  guint found = 0;

  g_return_val_if_fail (index != NULL, NULL);
  results = g_list_store_new (PSEPHOS_TYPE_TREE_ITEM);
  needle = psephos_name_key (text != NULL ? text : "");
  if (needle == NULL || *needle == '\0')
    return G_LIST_MODEL (results);

  /* States first, then seats, then candidates. */
  for (int pass = PSEPHOS_TREE_ITEM_STATE; pass <= PSEPHOS_TREE_ITEM_CANDIDATE; pass++)
    for (guint i = 0; i < index->entries->len && found < limit; i++)
      {
        const Entry *e = &g_array_index (index->entries, Entry, i);
        g_autoptr (PsephosTreeItem) item = NULL;

        if ((int) e->kind != pass || strstr (e->key, needle) == NULL)
          continue;
        item = make_item (index->election_id, e);
        if (item == NULL)
          continue;
        g_list_store_append (results, item);
        found++;
      }
  return G_LIST_MODEL (results);
}
