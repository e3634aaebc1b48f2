/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-store-import.c — writing to the store: one import is one
 * transaction. At commit the contests it touched get their ranks, results
 * and margins from the votes (never from row order), the elections it
 * touched get their tallies, and the facts it added are compared with what
 * other sources say (corroborated, confirmed, conflict, contradicted).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "psephos-ids.h"
#include "psephos-store-private.h"

/* The tables rows refer to (REFERENCES in the schema): foreign keys are
 * checked at commit (check_references()), not by every statement. */
typedef enum
{
  PARENT_SOURCE,
  PARENT_ELECTION,
  PARENT_STATE,
  PARENT_SEAT,
  PARENT_PARTY,
  PARENT_ALLIANCE,
  PARENT_PERSON,
  PARENT_CONTEST,
  PARENT_CANDIDACY,
  N_PARENTS
} Parent;

static const char *const parent_tables[N_PARENTS] = {
  "source",
  "election",
  "state",
  "seat",
  "party",
  "alliance",
  "person",
  "contest",
  "candidacy",
};

/* Facts written by one statement at most (psephos_import_add_facts()). */
#define FACT_BATCH 16

/* Rows of person, alias or candidacy written by one statement at most. */
#define WRITE_BATCH 32

typedef struct
{
  gint64 id;
  char *name;
} QueuedPerson;

typedef struct
{
  gint64 person_id;
  char *name;
  char *key;
} QueuedAlias;

typedef struct
{
  gint64 id;
  gint64 contest_id;
  gint64 person_id;
  gint64 party_id;
  char *name;
  gint64 votes;
  gint64 evm_votes;
  gint64 postal_votes;
  gboolean official;
  PsephosResult hint;
  gboolean ranked;
  PsephosRanking ranking;
} QueuedCandidacy;

static void
queued_person_clear (gpointer p)
{
  g_free (((QueuedPerson *) p)->name);
}

static void
queued_alias_clear (gpointer p)
{
  QueuedAlias *a = p;

  g_free (a->name);
  g_free (a->key);
}

static void
queued_candidacy_clear (gpointer p)
{
  g_free (((QueuedCandidacy *) p)->name);
}

/* The longest subject key (subject_key_for()), with its NUL. */
#define SUBJECT_KEY_SIZE 96

struct _PsephosImport
{
  PsephosStore *store;
  sqlite3 *db;

  gint64 source_id; /* the last source added: facts default to it */
  PsephosSourceKind source_kind;

  /* natural key → id, for the ensure_* functions */
  GHashTable *elections;
  GHashTable *states;
  GHashTable *seats;
  GHashTable *parties;
  GHashTable *alliances;
  GHashTable *contests;

  GHashTable *touched_contests;  /* id set */
  GHashTable *touched_elections; /* id set */
  GHashTable *touched_sources;   /* id set: sources whose facts were added */

  /* Noted as facts are added, so that the commit need not search the
   * facts again (see note_fact()). */
  GHashTable *source_elections; /* set of gint64[2]: source, election */
  gint64 last_source_election[2];
  GHashTable *elections_by_sql; /* id set: sources with a fact to look up */
  GHashTable *group_hashes;     /* set of group_hash() of new groups (psephos-ids.h) */
  GHashTable *repeated_groups;  /* set of "subject_key\x1fattribute": new groups met twice */
  GStringChunk *group_keys;     /* the keys of repeated_groups */
  GString *group;               /* scratch for a key of repeated_groups */
  GHashTable *groups_by_sql;    /* id set: sources with facts about older subjects */
  /* Contests this import made whose candidacies all came ranked
   * (psephos_import_add_ranked_candidacy()), and those written otherwise:
   * the commit derives the ranks of the second and of contests it did not
   * make (derive_contest()). */
  GHashTable *ranked_contests; /* id set */
  gint64 last_ranked_contest;
  gint64 last_touched_contest;
  gint64 last_touched_source;
  GHashTable *unranked_contests; /* id set */

  /* The references this import wrote, by the table they refer to: to rows
   * it made (ids above the largest before it began), the largest; to older
   * rows, each (see note_ref()). */
  gint64 max_before[N_PARENTS];
  gint64 max_new_ref[N_PARENTS];
  gint64 last_old_ref[N_PARENTS];
  GHashTable *old_refs[N_PARENTS]; /* id sets */

  sqlite3_stmt *fact_batch[FACT_BATCH + 1]; /* by number of facts */

  guint deferred_indexes; /* dropped at begin, built at commit */

  /* Rows of person, alias and candidacy wait here and are written
   * WRITE_BATCH to a statement (write_queued()), before any other query
   * (_psephos_store_prepare()) and at commit. Their ids are given here,
   * after the largest in the store when the import began. */
  gint64 next_person_id;
  gint64 next_candidacy_id;
  GArray *queued_persons;     /* of QueuedPerson */
  GArray *queued_aliases;     /* of QueuedAlias */
  GArray *queued_candidacies; /* of QueuedCandidacy */
  sqlite3_stmt *person_batch[WRITE_BATCH + 1];
  sqlite3_stmt *alias_batch[WRITE_BATCH + 1];
  sqlite3_stmt *candidacy_batch[WRITE_BATCH + 1];
};

static GHashTable *
new_key_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set, gint64 id)
{
  if (id > 0)
    psephos_id_set_add (set, id);
}

/* The same, for an id that is often the one added last (@last). */
static void
id_set_add_again (GHashTable *set, gint64 *last, gint64 id)
{
  if (id != *last)
    {
      *last = id;
      id_set_add (set, id);
    }
}

static guint
pair_hash (gconstpointer p)
{
  const gint64 *pair = p;

  return (guint) (pair[0] * 1000003 + pair[1]);
}

static gboolean
pair_equal (gconstpointer a, gconstpointer b)
{
  const gint64 *x = a, *y = b;

  return x[0] == y[0] && x[1] == y[1];
}

/* Notes that a row written refers to row @id (<= 0: none) of @parent. */
static void
note_ref (PsephosImport *imp, Parent parent, gint64 id)
{
  if (id <= 0)
    return;
  if (id > imp->max_before[parent])
    imp->max_new_ref[parent] = MAX (imp->max_new_ref[parent], id);
  else if (id != imp->last_old_ref[parent])
    {
      imp->last_old_ref[parent] = id;
      id_set_add (imp->old_refs[parent], id);
    }
}

static void
import_free (PsephosImport *imp)
{
  /* After COMMIT or ROLLBACK: outside a transaction, where the pragma acts. */
  sqlite3_exec (imp->db, "PRAGMA cache_size = -16384; PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  for (guint i = 0; i < N_PARENTS; i++)
    g_clear_pointer (&imp->old_refs[i], g_hash_table_unref);
  for (guint i = 0; i <= FACT_BATCH; i++)
    g_clear_pointer (&imp->fact_batch[i], sqlite3_finalize);
  g_clear_pointer (&imp->elections, g_hash_table_unref);
  g_clear_pointer (&imp->states, g_hash_table_unref);
  g_clear_pointer (&imp->seats, g_hash_table_unref);
  g_clear_pointer (&imp->parties, g_hash_table_unref);
  g_clear_pointer (&imp->alliances, g_hash_table_unref);
  g_clear_pointer (&imp->contests, g_hash_table_unref);
  g_clear_pointer (&imp->touched_contests, g_hash_table_unref);
  g_clear_pointer (&imp->touched_elections, g_hash_table_unref);
  g_clear_pointer (&imp->touched_sources, g_hash_table_unref);
  g_clear_pointer (&imp->source_elections, g_hash_table_unref);
  g_clear_pointer (&imp->elections_by_sql, g_hash_table_unref);
  g_clear_pointer (&imp->group_hashes, g_hash_table_unref);
  g_clear_pointer (&imp->repeated_groups, g_hash_table_unref);
  g_clear_pointer (&imp->group_keys, g_string_chunk_free);
  if (imp->group != NULL)
    g_string_free (imp->group, TRUE);
  g_clear_pointer (&imp->groups_by_sql, g_hash_table_unref);
  g_clear_pointer (&imp->ranked_contests, g_hash_table_unref);
  g_clear_pointer (&imp->unranked_contests, g_hash_table_unref);
  for (guint i = 0; i <= WRITE_BATCH; i++)
    {
      g_clear_pointer (&imp->person_batch[i], sqlite3_finalize);
      g_clear_pointer (&imp->alias_batch[i], sqlite3_finalize);
      g_clear_pointer (&imp->candidacy_batch[i], sqlite3_finalize);
    }
  g_clear_pointer (&imp->queued_persons, g_array_unref);
  g_clear_pointer (&imp->queued_aliases, g_array_unref);
  g_clear_pointer (&imp->queued_candidacies, g_array_unref);
  if (imp->store != NULL)
    _psephos_store_set_import (imp->store, NULL);
  g_clear_object (&imp->store);
  g_free (imp);
}

PsephosImport *
psephos_store_begin_import (PsephosStore *self, GError **error)
{
  PsephosImport *imp;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);

  if (_psephos_store_is_read_only (self))
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_READ_ONLY,
                   "%s: the store is read-only", psephos_store_get_path (self));
      return NULL;
    }
  /* A bigger page cache while writing; reading needs far less. Foreign
   * keys are checked at commit for the rows written (check_references()),
   * not by every statement: that cost an eighth of an import. */
  if (!_psephos_store_exec (self, "PRAGMA cache_size = -65536; PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE", error))
    {
      sqlite3_exec (_psephos_store_get_db (self), "PRAGMA cache_size = -16384; PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      return NULL;
    }

  imp = g_new0 (PsephosImport, 1);
  imp->store = g_object_ref (self);
  imp->db = _psephos_store_get_db (self);
  imp->elections = new_key_cache ();
  imp->states = new_key_cache ();
  imp->seats = new_key_cache ();
  imp->parties = new_key_cache ();
  imp->alliances = new_key_cache ();
  imp->contests = new_key_cache ();
  imp->touched_contests = psephos_id_set_new ();
  imp->touched_elections = psephos_id_set_new ();
  imp->touched_sources = psephos_id_set_new ();
  imp->source_elections = g_hash_table_new_full (pair_hash, pair_equal, g_free, NULL);
  imp->elections_by_sql = psephos_id_set_new ();
  imp->group_hashes = psephos_id_set_new ();
  imp->repeated_groups = g_hash_table_new (g_str_hash, g_str_equal);
  imp->group_keys = g_string_chunk_new (64 * 1024);
  imp->group = g_string_sized_new (SUBJECT_KEY_SIZE + 32);
  imp->groups_by_sql = psephos_id_set_new ();
  imp->ranked_contests = psephos_id_set_new ();
  imp->unranked_contests = psephos_id_set_new ();
  imp->queued_persons = g_array_sized_new (FALSE, FALSE, sizeof (QueuedPerson), WRITE_BATCH);
  g_array_set_clear_func (imp->queued_persons, queued_person_clear);
  imp->queued_aliases = g_array_sized_new (FALSE, FALSE, sizeof (QueuedAlias), WRITE_BATCH);
  g_array_set_clear_func (imp->queued_aliases, queued_alias_clear);
  imp->queued_candidacies = g_array_sized_new (FALSE, FALSE, sizeof (QueuedCandidacy), WRITE_BATCH);
  g_array_set_clear_func (imp->queued_candidacies, queued_candidacy_clear);
  for (guint i = 0; i < N_PARENTS; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM %s", parent_tables[i]);
      sqlite3_stmt *stmt = NULL;

      imp->old_refs[i] = psephos_id_set_new ();
      if (sqlite3_prepare_v2 (imp->db, sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_finalize (stmt);
          _psephos_store_set_error (self, error, "cannot read the store");
          psephos_import_rollback (imp);
          return NULL;
        }
      imp->max_before[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  imp->next_person_id = imp->max_before[PARENT_PERSON] + 1;
  imp->next_candidacy_id = imp->max_before[PARENT_CANDIDACY] + 1;

  /* Into a store with nobody in it yet (the first import, usually the
   * biggest), every row's keys would go into the secondary indexes one by
   * one, in random order. Building each index once at commit, from sorted
   * keys, takes a fraction of that. Nothing read while rows are written
   * needs them then: with no one stored, no one is looked up. */
  if (imp->max_before[PARENT_PERSON] == 0 && imp->max_before[PARENT_CANDIDACY] == 0
      && !_psephos_store_drop_indexes (self, &imp->deferred_indexes, error))
    {
      psephos_import_rollback (imp);
      return NULL;
    }
  _psephos_store_set_import (self, imp);
  return imp;
}

void
psephos_import_rollback (PsephosImport *imp)
{
  if (imp == NULL)
    return;
  sqlite3_exec (imp->db, "ROLLBACK", NULL, NULL, NULL);
  import_free (imp);
}

PsephosStore *
psephos_import_get_store (PsephosImport *imp)
{
  return imp->store;
}

struct sqlite3 *
_psephos_import_get_db (PsephosImport *imp)
{
  return imp->db;
}

/* ---- rows written a batch at a time --------------------------------------- */

/* The statement @head VALUES @row, @row … (@n of them), made once per import
 * into @cache[@n]. */
static sqlite3_stmt *
batch_statement (PsephosImport *imp, sqlite3_stmt **cache, guint n, const char *head, const char *row, GError **error)
{
  g_autoptr (GString) sql = NULL;

  if (cache[n] != NULL)
    {
      sqlite3_reset (cache[n]);
      sqlite3_clear_bindings (cache[n]);
      return cache[n];
    }
  sql = g_string_new (head);
  g_string_append (sql, " VALUES ");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (sql, ',');
      g_string_append (sql, row);
    }
  if (sqlite3_prepare_v3 (imp->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &cache[n], NULL) != SQLITE_OK)
    {
      _psephos_store_set_error (imp->store, error, "cannot prepare a query");
      return NULL;
    }
  return cache[n];
}

static void
bind_person (sqlite3_stmt *stmt, int base, gconstpointer p)
{
  const QueuedPerson *person = p;

  sqlite3_bind_int64 (stmt, base + 1, person->id);
  _psephos_bind_str (stmt, base + 2, person->name);
}

static void
bind_alias (sqlite3_stmt *stmt, int base, gconstpointer p)
{
  const QueuedAlias *alias = p;

  sqlite3_bind_int64 (stmt, base + 1, alias->person_id);
  _psephos_bind_str (stmt, base + 2, alias->name);
  _psephos_bind_str (stmt, base + 3, alias->key);
}

static void
bind_candidacy (sqlite3_stmt *stmt, int base, gconstpointer p)
{
  const QueuedCandidacy *c = p;

  sqlite3_bind_int64 (stmt, base + 1, c->id);
  sqlite3_bind_int64 (stmt, base + 2, c->contest_id);
  sqlite3_bind_int64 (stmt, base + 3, c->person_id);
  _psephos_bind_id (stmt, base + 4, c->party_id);
  _psephos_bind_str (stmt, base + 5, c->name);
  _psephos_bind_int (stmt, base + 6, c->votes);
  _psephos_bind_int (stmt, base + 7, c->evm_votes);
  _psephos_bind_int (stmt, base + 8, c->postal_votes);
  sqlite3_bind_int (stmt, base + 9, c->official);
  _psephos_bind_str (stmt, base + 10, psephos_result_to_string (c->hint));
  if (c->ranked)
    {
      _psephos_bind_id (stmt, base + 11, c->ranking.rank);
      _psephos_bind_str (stmt, base + 12, psephos_result_to_string (c->ranking.result));
      _psephos_bind_int (stmt, base + 13, c->ranking.margin);
      _psephos_bind_double (stmt, base + 14, c->ranking.vote_share_pct);
    }
}

/* Writes the rows of @queue, WRITE_BATCH to a statement, and empties it. */
static gboolean
write_queue (PsephosImport *imp,
             GArray *queue,
             sqlite3_stmt **cache,
             const char *head,
             const char *row,
             int n_params,
             void (*bind) (sqlite3_stmt *, int, gconstpointer),
             GError **error)
{
  gboolean ok = TRUE;

  for (guint done = 0; ok && done < queue->len;)
    {
      guint n = MIN (queue->len - done, WRITE_BATCH);
      sqlite3_stmt *stmt = batch_statement (imp, cache, n, head, row, error);
      int rc;

      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      for (guint i = 0; i < n; i++)
        bind (stmt, (int) i * n_params, queue->data + (done + i) * g_array_get_element_size (queue));
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          _psephos_store_set_error (imp->store, error, "cannot write to the store");
          ok = FALSE;
        }
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt); /* the queue's strings are freed next */
      done += n;
    }
  g_array_set_size (queue, 0);
  return ok;
}

gboolean
_psephos_import_flush (PsephosImport *imp, GError **error)
{
  return write_queue (imp, imp->queued_persons, imp->person_batch, "INSERT INTO person (id, name)", "(?,?)", 2,
                      bind_person, error)
         && write_queue (imp, imp->queued_aliases, imp->alias_batch, "INSERT OR IGNORE INTO alias (person_id, name, key)",
                         "(?,?,?)", 3, bind_alias, error)
         && write_queue (imp, imp->queued_candidacies, imp->candidacy_batch,
                         "INSERT INTO candidacy (id, contest_id, person_id, party_id, name, votes, evm_votes, postal_votes,"
                         " official, result_hint, rank, result, margin, vote_share_pct)",
                         "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)", 14, bind_candidacy, error);
}

/* Queues a row; writes the queue when it holds a batch. */
static gboolean
queue_row (PsephosImport *imp, GArray *queue, gconstpointer row, GError **error)
{
  g_array_append_vals (queue, row, 1);
  if (queue->len >= WRITE_BATCH)
    return _psephos_import_flush (imp, error);
  return TRUE;
}

/* ---- small helpers ----------------------------------------------------- */

#define PREPARE(imp, sql, error) _psephos_store_prepare ((imp)->store, (sql), (error))
/* For statements that touch none of the queued tables. */
#define PREPARE_UNFLUSHED(imp, sql, error) _psephos_store_prepare_unflushed ((imp)->store, (sql), (error))

static gboolean
step_done (PsephosImport *imp, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _psephos_store_set_error (imp->store, error, "cannot write to the store");
      return FALSE;
    }
  return TRUE;
}

/* Runs a one-column id query; 0 when no row. */
static gint64
step_id (PsephosImport *imp, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  gint64 id = 0;

  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _psephos_store_set_error (imp->store, error, "cannot read the store");
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

static gint64
step_insert (PsephosImport *imp, sqlite3_stmt *stmt, GError **error)
{
  if (!step_done (imp, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (imp->db);
}

static gint64
cache_get (GHashTable *cache, const char *key)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (cache, key));
}

static void
cache_put (GHashTable *cache, const char *key, gint64 id)
{
  g_hash_table_insert (cache, g_strdup (key), GSIZE_TO_POINTER ((gsize) id));
}

static char *
now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* ---- sources ------------------------------------------------------------ */

gint64
psephos_import_add_source (PsephosImport *imp, const PsephosSource *source, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = now_iso8601 ();
  gint64 id;

  g_return_val_if_fail (imp != NULL && source != NULL, 0);
  g_return_val_if_fail (source->content_hash != NULL && source->body != NULL, 0);

  stmt = PREPARE (imp,
                  "INSERT INTO source (kind, file, title, publisher, address, published_on, body,"
                  " content_hash, fingerprint, duplicate_of, imported_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                  error);
  if (stmt == NULL)
    return 0;
  _psephos_bind_str (stmt, 1, psephos_source_kind_to_string (source->kind));
  _psephos_bind_str (stmt, 2, source->file);
  _psephos_bind_str (stmt, 3, source->title);
  _psephos_bind_str (stmt, 4, source->publisher);
  _psephos_bind_str (stmt, 5, source->address);
  _psephos_bind_str (stmt, 6, source->published_on);
  _psephos_bind_str (stmt, 7, source->body);
  _psephos_bind_str (stmt, 8, source->content_hash);
  _psephos_bind_str (stmt, 9, source->fingerprint);
  _psephos_bind_id (stmt, 10, source->duplicate_of);
  _psephos_bind_str (stmt, 11, now);
  note_ref (imp, PARENT_SOURCE, source->duplicate_of);
  id = step_insert (imp, stmt, error);
  if (id > 0)
    {
      imp->source_id = id;
      imp->source_kind = source->kind;
    }
  return id;
}

gint64
psephos_import_find_source_by_hash (PsephosImport *imp, const char *content_hash)
{
  sqlite3_stmt *stmt = PREPARE (imp, "SELECT id FROM source WHERE content_hash = ?1", NULL);

  if (stmt == NULL)
    return 0;
  _psephos_bind_str (stmt, 1, content_hash);
  return MAX (0, step_id (imp, stmt, NULL));
}

gboolean
psephos_import_set_duplicate_of (PsephosImport *imp, gint64 source_id, gint64 duplicate_of, GError **error)
{
  sqlite3_stmt *stmt = PREPARE (imp, "UPDATE source SET duplicate_of = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  note_ref (imp, PARENT_SOURCE, duplicate_of);
  sqlite3_bind_int64 (stmt, 1, source_id);
  _psephos_bind_id (stmt, 2, duplicate_of);
  return step_done (imp, stmt, error);
}

/* ---- entities ------------------------------------------------------------ */

gint64
psephos_import_ensure_election (PsephosImport *imp,
                                const char *name,
                                PsephosElectionKind kind,
                                int year,
                                GError **error)
{
  g_autofree char *key = psephos_name_key (name);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (imp != NULL && name != NULL, 0);

  if ((id = cache_get (imp->elections, key)) > 0)
    return id;
  stmt = PREPARE (imp, "SELECT id FROM election WHERE name_key = ?1", error);
  if (stmt == NULL)
    return 0;
  _psephos_bind_str (stmt, 1, key);
  id = step_id (imp, stmt, error);
  if (id < 0)
    return 0;
  if (id == 0)
    {
      stmt = PREPARE (imp, "INSERT INTO election (name, name_key, kind, year) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return 0;
      _psephos_bind_str (stmt, 1, name);
      _psephos_bind_str (stmt, 2, key);
      _psephos_bind_str (stmt, 3, psephos_election_kind_to_string (kind));
      _psephos_bind_int (stmt, 4, year > 0 ? year : -1);
      id = step_insert (imp, stmt, error);
      if (id == 0)
        return 0;
    }
  cache_put (imp->elections, key, id);
  return id;
}

gboolean
psephos_import_update_election (PsephosImport *imp,
                                gint64 election_id,
                                int seats_total,
                                int majority_mark,
                                const char *held_on,
                                const char *counted_on,
                                GError **error)
{
  sqlite3_stmt *stmt = PREPARE (imp,
                                "UPDATE election SET"
                                " seats_total = coalesce (?2, seats_total),"
                                " majority_mark = coalesce (?3, majority_mark),"
                                " held_on = coalesce (?4, held_on),"
                                " counted_on = coalesce (?5, counted_on)"
                                " WHERE id = ?1",
                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, election_id);
  _psephos_bind_int (stmt, 2, seats_total);
  _psephos_bind_int (stmt, 3, majority_mark);
  _psephos_bind_str (stmt, 4, held_on);
  _psephos_bind_str (stmt, 5, counted_on);
  return step_done (imp, stmt, error);
}

gint64
psephos_import_ensure_state (PsephosImport *imp,
                             const char *name,
                             const char *abbr,
                             const char *eci_code,
                             GError **error)
{
  g_autofree char *key = psephos_name_key (name);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (imp != NULL && name != NULL, 0);

  if ((id = cache_get (imp->states, key)) > 0)
    return id;
  stmt = PREPARE (imp, "SELECT id FROM state WHERE name_key = ?1", error);
  if (stmt == NULL)
    return 0;
  _psephos_bind_str (stmt, 1, key);
  id = step_id (imp, stmt, error);
  if (id < 0)
    return 0;
  if (id == 0)
    {
      stmt = PREPARE (imp, "INSERT INTO state (name, name_key, abbr, eci_code) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return 0;
      _psephos_bind_str (stmt, 1, name);
      _psephos_bind_str (stmt, 2, key);
      _psephos_bind_str (stmt, 3, abbr);
      _psephos_bind_str (stmt, 4, eci_code);
      id = step_insert (imp, stmt, error);
      if (id == 0)
        return 0;
    }
  else if (abbr != NULL || eci_code != NULL)
    {
      stmt = PREPARE (imp, "UPDATE state SET abbr = coalesce (abbr, ?2), eci_code = coalesce (eci_code, ?3) WHERE id = ?1", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      _psephos_bind_str (stmt, 2, abbr);
      _psephos_bind_str (stmt, 3, eci_code);
      if (!step_done (imp, stmt, error))
        return 0;
    }
  cache_put (imp->states, key, id);
  return id;
}

gint64
psephos_import_ensure_seat (PsephosImport *imp,
                            gint64 state_id,
                            PsephosHouse house,
                            int number,
                            const char *name,
                            const char *reservation,
                            GError **error)
{
  g_autofree char *name_key = psephos_name_key (name);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "|%d|%s", state_id, house, name_key);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (imp != NULL && name != NULL && state_id > 0, 0);

  if ((id = cache_get (imp->seats, key)) > 0)
    return id;
  /* A state this import made has no seats it has not cached. */
  if (state_id <= imp->max_before[PARENT_STATE])
    {
      stmt = PREPARE_UNFLUSHED (imp, "SELECT id FROM seat WHERE state_id = ?1 AND house = ?2 AND name_key = ?3", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, state_id);
      _psephos_bind_str (stmt, 2, psephos_house_to_string (house));
      _psephos_bind_str (stmt, 3, name_key);
      id = step_id (imp, stmt, error);
      if (id < 0)
        return 0;
    }
  if (id == 0)
    {
      stmt = PREPARE_UNFLUSHED (imp, "INSERT INTO seat (state_id, house, number, name, name_key, reservation) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, state_id);
      note_ref (imp, PARENT_STATE, state_id);
      _psephos_bind_str (stmt, 2, psephos_house_to_string (house));
      _psephos_bind_int (stmt, 3, number > 0 ? number : -1);
      _psephos_bind_str (stmt, 4, name);
      _psephos_bind_str (stmt, 5, name_key);
      _psephos_bind_str (stmt, 6, reservation);
      id = step_insert (imp, stmt, error);
      if (id == 0)
        return 0;
    }
  else if (number > 0 || reservation != NULL)
    {
      /* An article may have made the seat without its number: fill it in. */
      stmt = PREPARE (imp, "UPDATE seat SET number = coalesce (number, ?2), reservation = coalesce (reservation, ?3) WHERE id = ?1", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      _psephos_bind_int (stmt, 2, number > 0 ? number : -1);
      _psephos_bind_str (stmt, 3, reservation);
      if (!step_done (imp, stmt, error))
        return 0;
    }
  cache_put (imp->seats, key, id);
  return id;
}

/* Parties and alliances share their shape: keyed by abbreviation, else name. */
static gint64
ensure_named (PsephosImport *imp,
              GHashTable *cache,
              const char *select_sql,
              const char *insert_sql,
              const char *update_sql,
              const char *name,
              const char *abbreviation,
              const char *colour,
              GError **error)
{
  g_autofree char *key = psephos_name_key (abbreviation != NULL ? abbreviation : name);
  sqlite3_stmt *stmt;
  gint64 id;

  if ((id = cache_get (cache, key)) > 0)
    return id;
  stmt = PREPARE (imp, select_sql, error);
  if (stmt == NULL)
    return 0;
  _psephos_bind_str (stmt, 1, key);
  id = step_id (imp, stmt, error);
  if (id < 0)
    return 0;
  if (id == 0)
    {
      stmt = PREPARE (imp, insert_sql, error);
      if (stmt == NULL)
        return 0;
      _psephos_bind_str (stmt, 1, name);
      _psephos_bind_str (stmt, 2, abbreviation);
      _psephos_bind_str (stmt, 3, key);
      _psephos_bind_str (stmt, 4, colour);
      id = step_insert (imp, stmt, error);
      if (id == 0)
        return 0;
    }
  else if (colour != NULL)
    {
      stmt = PREPARE (imp, update_sql, error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      _psephos_bind_str (stmt, 2, colour);
      if (!step_done (imp, stmt, error))
        return 0;
    }
  cache_put (cache, key, id);
  return id;
}

gint64
psephos_import_ensure_party (PsephosImport *imp,
                             const char *name,
                             const char *abbreviation,
                             const char *colour,
                             GError **error)
{
  g_return_val_if_fail (imp != NULL && (name != NULL || abbreviation != NULL), 0);
  return ensure_named (imp, imp->parties,
                       "SELECT id FROM party WHERE key = ?1",
                       "INSERT INTO party (name, abbreviation, key, colour) VALUES (coalesce (?1, ?2), ?2, ?3, ?4)",
                       "UPDATE party SET colour = coalesce (colour, ?2) WHERE id = ?1",
                       name, abbreviation, colour, error);
}

gint64
psephos_import_ensure_alliance (PsephosImport *imp,
                                const char *name,
                                const char *abbreviation,
                                const char *colour,
                                GError **error)
{
  g_return_val_if_fail (imp != NULL && (name != NULL || abbreviation != NULL), 0);
  return ensure_named (imp, imp->alliances,
                       "SELECT id FROM alliance WHERE key = ?1",
                       "INSERT INTO alliance (name, abbreviation, key, colour) VALUES (coalesce (?1, ?2), ?2, ?3, ?4)",
                       "UPDATE alliance SET colour = coalesce (colour, ?2) WHERE id = ?1",
                       name, abbreviation, colour, error);
}

gboolean
psephos_import_add_alliance_member (PsephosImport *imp,
                                    gint64 alliance_id,
                                    gint64 election_id,
                                    gint64 party_id,
                                    GError **error)
{
  sqlite3_stmt *stmt = PREPARE (imp, "INSERT OR IGNORE INTO alliance_member (election_id, party_id, alliance_id) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, election_id);
  sqlite3_bind_int64 (stmt, 2, party_id);
  sqlite3_bind_int64 (stmt, 3, alliance_id);
  return step_done (imp, stmt, error);
}

gint64
psephos_import_add_person (PsephosImport *imp, const char *name, GError **error)
{
  QueuedPerson person;

  g_return_val_if_fail (imp != NULL && name != NULL, 0);

  person.id = imp->next_person_id++;
  person.name = psephos_name_display (name);
  if (!queue_row (imp, imp->queued_persons, &person, error))
    return 0;
  return person.id;
}

gboolean
psephos_import_add_alias (PsephosImport *imp, gint64 person_id, const char *name, GError **error)
{
  QueuedAlias alias;

  g_return_val_if_fail (imp != NULL && person_id > 0 && name != NULL, FALSE);

  alias.person_id = person_id;
  alias.name = g_strstrip (g_strdup (name));
  alias.key = psephos_name_key (alias.name);
  note_ref (imp, PARENT_PERSON, person_id);
  return queue_row (imp, imp->queued_aliases, &alias, error);
}

gint64
psephos_import_ensure_contest (PsephosImport *imp, gint64 election_id, gint64 seat_id, GError **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, election_id, seat_id);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (imp != NULL && election_id > 0 && seat_id > 0, 0);

  if ((id = cache_get (imp->contests, key)) > 0)
    return id;
  /* An election or seat this import made has no contests it has not cached. */
  if (election_id <= imp->max_before[PARENT_ELECTION] && seat_id <= imp->max_before[PARENT_SEAT])
    {
      stmt = PREPARE_UNFLUSHED (imp, "SELECT id FROM contest WHERE election_id = ?1 AND seat_id = ?2", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, election_id);
      sqlite3_bind_int64 (stmt, 2, seat_id);
      id = step_id (imp, stmt, error);
      if (id < 0)
        return 0;
    }
  if (id == 0)
    {
      stmt = PREPARE_UNFLUSHED (imp, "INSERT INTO contest (election_id, seat_id) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return 0;
      note_ref (imp, PARENT_ELECTION, election_id);
      note_ref (imp, PARENT_SEAT, seat_id);
      sqlite3_bind_int64 (stmt, 1, election_id);
      sqlite3_bind_int64 (stmt, 2, seat_id);
      id = step_insert (imp, stmt, error);
      if (id == 0)
        return 0;
    }
  cache_put (imp->contests, key, id);
  id_set_add (imp->touched_contests, id);
  id_set_add (imp->touched_elections, election_id);
  return id;
}

gboolean
psephos_import_update_contest (PsephosImport *imp,
                               gint64 contest_id,
                               gint64 electors,
                               gint64 votes_polled,
                               double turnout_pct,
                               gint64 nota_votes,
                               PsephosContestStatus status,
                               GError **error)
{
  /* Official values replace article ones; an article never overwrites. */
  sqlite3_stmt *stmt = PREPARE_UNFLUSHED (imp,
                                          "UPDATE contest SET"
                                          " electors = CASE WHEN ?6 THEN coalesce (?2, electors) ELSE coalesce (electors, ?2) END,"
                                          " votes_polled = CASE WHEN ?6 THEN coalesce (?3, votes_polled) ELSE coalesce (votes_polled, ?3) END,"
                                          " turnout_pct = CASE WHEN ?6 THEN coalesce (?4, turnout_pct) ELSE coalesce (turnout_pct, ?4) END,"
                                          " nota_votes = CASE WHEN ?6 THEN coalesce (?5, nota_votes) ELSE coalesce (nota_votes, ?5) END,"
                                          " status = CASE WHEN ?6 OR status IS NULL OR status = 'counting' THEN coalesce (?7, status) ELSE status END"
                                          " WHERE id = ?1",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  _psephos_bind_int (stmt, 2, electors);
  _psephos_bind_int (stmt, 3, votes_polled);
  _psephos_bind_double (stmt, 4, turnout_pct);
  _psephos_bind_int (stmt, 5, nota_votes);
  sqlite3_bind_int (stmt, 6, imp->source_kind == PSEPHOS_SOURCE_OFFICIAL);
  _psephos_bind_str (stmt, 7, psephos_contest_status_to_string (status));
  id_set_add (imp->touched_contests, contest_id);
  return step_done (imp, stmt, error);
}

gint64
psephos_import_add_candidacy (PsephosImport *imp,
                              gint64 contest_id,
                              gint64 person_id,
                              gint64 party_id,
                              const char *name_as_written,
                              gint64 votes,
                              gint64 evm_votes,
                              gint64 postal_votes,
                              PsephosResult result_hint,
                              GError **error)
{
  return psephos_import_add_ranked_candidacy (imp, contest_id, person_id, party_id, name_as_written,
                                              votes, evm_votes, postal_votes, result_hint, NULL, error);
}

gint64
psephos_import_add_ranked_candidacy (PsephosImport *imp,
                                     gint64 contest_id,
                                     gint64 person_id,
                                     gint64 party_id,
                                     const char *name_as_written,
                                     gint64 votes,
                                     gint64 evm_votes,
                                     gint64 postal_votes,
                                     PsephosResult result_hint,
                                     const PsephosRanking *ranked,
                                     GError **error)
{
  gboolean official = imp->source_kind == PSEPHOS_SOURCE_OFFICIAL;
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (imp != NULL && contest_id > 0 && person_id > 0, 0);

  id_set_add_again (imp->touched_contests, &imp->last_touched_contest, contest_id);
  trimmed = g_strstrip (g_strdup (name_as_written));

  /* A person made in this import has no candidacy yet: skip the look-up. */
  if (person_id > imp->max_before[PARENT_PERSON])
    id = 0;
  else
    {
      stmt = PREPARE (imp, "SELECT id FROM candidacy WHERE contest_id = ?1 AND person_id = ?2", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, contest_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      id = step_id (imp, stmt, error);
      if (id < 0)
        return 0;
    }

  if (id == 0)
    {
      QueuedCandidacy c = {
        .id = imp->next_candidacy_id++,
        .contest_id = contest_id,
        .person_id = person_id,
        .party_id = party_id,
        .name = g_steal_pointer (&trimmed),
        .votes = votes,
        .evm_votes = evm_votes,
        .postal_votes = postal_votes,
        .official = official,
        .hint = result_hint,
        .ranked = ranked != NULL,
      };

      if (ranked != NULL)
        c.ranking = *ranked;
      if (ranked != NULL && psephos_import_made_contest (imp, contest_id))
        id_set_add_again (imp->ranked_contests, &imp->last_ranked_contest, contest_id);
      else
        id_set_add (imp->unranked_contests, contest_id);
      note_ref (imp, PARENT_CONTEST, contest_id);
      note_ref (imp, PARENT_PERSON, person_id);
      note_ref (imp, PARENT_PARTY, party_id);
      if (!queue_row (imp, imp->queued_candidacies, &c, error))
        return 0;
      return c.id;
    }

  /* The candidacy exists: official values replace article ones; an article
   * only fills in what is unknown. */
  id_set_add (imp->unranked_contests, contest_id);
  stmt = PREPARE (imp,
                  "UPDATE candidacy SET"
                  " party_id = CASE WHEN ?8 THEN coalesce (?2, party_id) ELSE coalesce (party_id, ?2) END,"
                  " votes = CASE WHEN ?8 THEN coalesce (?3, votes) ELSE coalesce (votes, ?3) END,"
                  " evm_votes = CASE WHEN ?8 THEN coalesce (?4, evm_votes) ELSE coalesce (evm_votes, ?4) END,"
                  " postal_votes = CASE WHEN ?8 THEN coalesce (?5, postal_votes) ELSE coalesce (postal_votes, ?5) END,"
                  " result_hint = CASE WHEN ?8 OR NOT official THEN coalesce (?6, result_hint) ELSE result_hint END,"
                  " name = CASE WHEN ?8 AND NOT official THEN coalesce (?7, name) ELSE name END,"
                  " official = official OR ?8"
                  " WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return 0;
  note_ref (imp, PARENT_PARTY, party_id);
  sqlite3_bind_int64 (stmt, 1, id);
  _psephos_bind_id (stmt, 2, party_id);
  _psephos_bind_int (stmt, 3, votes);
  _psephos_bind_int (stmt, 4, evm_votes);
  _psephos_bind_int (stmt, 5, postal_votes);
  _psephos_bind_str (stmt, 6, psephos_result_to_string (result_hint));
  _psephos_bind_str (stmt, 7, trimmed);
  sqlite3_bind_int (stmt, 8, official);
  if (!step_done (imp, stmt, error))
    return 0;
  return id;
}

gboolean
psephos_import_made_seat (PsephosImport *imp, gint64 id)
{
  return id > imp->max_before[PARENT_SEAT];
}

gboolean
psephos_import_made_contest (PsephosImport *imp, gint64 id)
{
  return id > imp->max_before[PARENT_CONTEST];
}

GPtrArray *
psephos_import_list_candidacies (PsephosImport *imp, gint64 contest_id, GError **error)
{
  return psephos_store_list_candidacies (imp->store, contest_id, error);
}

/* ---- facts ---------------------------------------------------------------- */

/* Writes @value's digits at @p; returns the end. */
static char *
put_id (char *p, gint64 value)
{
  char digits[24];
  guint n = 0;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  if (value < 0)
    *p++ = '-';
  do
    digits[n++] = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  while (n > 0)
    *p++ = digits[--n];
  return p;
}

static char *
put_str (char *p, const char *s)
{
  gsize len = strlen (s);

  memcpy (p, s, len);
  return p + len;
}

/* The identity of what a fact is about: facts with the same key, attribute
 * and as_of state the same thing. Written into @buf (at least
 * SUBJECT_KEY_SIZE), without printf: once per fact. */
static const char *
subject_key_for (const PsephosFact *f, char *buf)
{
  char *p = buf;

  switch (f->subject_kind)
    {
      case PSEPHOS_SUBJECT_CANDIDATE:
        if (f->candidacy_id > 0)
          p = put_id (put_str (p, "candidacy:"), f->candidacy_id);
        else
          p = put_id (put_str (put_id (put_str (p, "person:"), f->person_id), "@"), f->contest_id);
        break;
      case PSEPHOS_SUBJECT_SEAT:
        p = put_id (put_str (p, "contest:"), f->contest_id);
        break;
      case PSEPHOS_SUBJECT_PARTY:
        p = put_id (put_str (put_id (put_str (put_id (put_str (p, "party:"), f->party_id), "@"), f->election_id), "/"), f->contest_id);
        break;
      case PSEPHOS_SUBJECT_ALLIANCE:
        p = put_id (put_str (put_id (put_str (p, "alliance:"), f->alliance_id), "@"), f->election_id);
        break;
      case PSEPHOS_SUBJECT_ELECTION:
        p = put_id (put_str (p, "election:"), f->election_id);
        break;
      default:
        g_return_val_if_reached ("?");
    }
  *p = '\0';
  return buf;
}

/* Whether no fact stored before this import can be about @f's subject: a
 * candidacy or contest it made. (Facts about a person re-attached to a new
 * candidacy at commit are the exception: see psephos_import_commit().) */
static gboolean
subject_is_new (PsephosImport *imp, const PsephosFact *f)
{
  switch (f->subject_kind)
    {
      case PSEPHOS_SUBJECT_CANDIDATE:
        if (f->candidacy_id > 0)
          return f->candidacy_id > imp->max_before[PARENT_CANDIDACY];
        return f->contest_id > imp->max_before[PARENT_CONTEST];
      case PSEPHOS_SUBJECT_SEAT:
      case PSEPHOS_SUBJECT_PARTY:
        return f->contest_id > imp->max_before[PARENT_CONTEST];
      case PSEPHOS_SUBJECT_ALLIANCE:
      case PSEPHOS_SUBJECT_ELECTION:
      default:
        return FALSE;
    }
}

/* FNV-1a, 64 bits, of a fact's group: subject key and attribute. */
static guint64
group_hash (const char *key, const char *attribute)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *) key; *p != '\0'; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  h = (h ^ 0x1f) * G_GUINT64_CONSTANT (0x100000001b3);
  for (const guchar *p = (const guchar *) attribute; *p != '\0'; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  return h;
}

/* Notes what the commit needs of a fact just added: the election its
 * source speaks of (note_source_elections()), and its group (subject and
 * attribute) when only this import's facts can be in it, to know without a
 * search whether another fact states the same (reconcile_source()). */
static void
note_fact (PsephosImport *imp, gint64 source_id, const PsephosFact *f, const char *key)
{
  if (f->election_id > 0)
    {
      if (source_id != imp->last_source_election[0] || f->election_id != imp->last_source_election[1])
        {
          gint64 *pair = g_new (gint64, 2);

          pair[0] = imp->last_source_election[0] = source_id;
          pair[1] = imp->last_source_election[1] = f->election_id;
          g_hash_table_add (imp->source_elections, pair);
        }
    }
  else if (f->contest_id > 0)
    id_set_add (imp->elections_by_sql, source_id);

  if (subject_is_new (imp, f))
    {
      guint64 hash = group_hash (key, f->attribute);

      /* Most groups have one fact: only the hash of their key is kept. A
       * group met again is noted by its key; two groups whose hashes
       * collide are both reconciled, which does no harm. */
      if (!psephos_id_set_add (imp->group_hashes, (gint64) hash))
        {
          g_string_assign (imp->group, key);
          g_string_append_c (imp->group, '\x1f');
          g_string_append (imp->group, f->attribute);
          if (!g_hash_table_contains (imp->repeated_groups, imp->group->str))
            g_hash_table_add (imp->repeated_groups,
                              g_string_chunk_insert_len (imp->group_keys, imp->group->str, (gssize) imp->group->len));
        }
    }
  else
    id_set_add (imp->groups_by_sql, source_id);
}

#define FACT_COLUMNS                                                                               \
  "INSERT INTO fact (source_id, subject_kind, subject_key, election_id, contest_id, candidacy_id," \
  " person_id, party_id, alliance_id, attribute, number, text, qualifier, as_of, start, \"end\", quote, row)"
#define N_FACT_PARAMS 18
#define FACT_ROW "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"

/* Binds @fact to parameters @base + 1 … @base + N_FACT_PARAMS of @stmt,
 * its subject key written into @key; FALSE when it has no source. */
static gboolean
bind_fact (PsephosImport *imp, sqlite3_stmt *stmt, int base, const PsephosFact *fact, char *key, GError **error)
{
  gint64 source_id = fact->source_id > 0 ? fact->source_id : imp->source_id;

  if (source_id <= 0)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_INVALID,
                   "%s: a fact needs a source", psephos_store_get_path (imp->store));
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, base + 1, source_id);
  _psephos_bind_str (stmt, base + 2, psephos_subject_kind_to_string (fact->subject_kind));
  _psephos_bind_str (stmt, base + 3, subject_key_for (fact, key));
  _psephos_bind_id (stmt, base + 4, fact->election_id);
  _psephos_bind_id (stmt, base + 5, fact->contest_id);
  _psephos_bind_id (stmt, base + 6, fact->candidacy_id);
  _psephos_bind_id (stmt, base + 7, fact->person_id);
  _psephos_bind_id (stmt, base + 8, fact->party_id);
  _psephos_bind_id (stmt, base + 9, fact->alliance_id);
  _psephos_bind_str (stmt, base + 10, fact->attribute);
  if (fact->has_number)
    sqlite3_bind_double (stmt, base + 11, fact->number);
  _psephos_bind_str (stmt, base + 12, fact->text);
  _psephos_bind_str (stmt, base + 13, psephos_qualifier_to_string (fact->qualifier));
  _psephos_bind_str (stmt, base + 14, fact->as_of);
  _psephos_bind_int (stmt, base + 15, fact->start);
  _psephos_bind_int (stmt, base + 16, fact->end);
  _psephos_bind_str (stmt, base + 17, fact->quote);
  _psephos_bind_int (stmt, base + 18, fact->row);
  return TRUE;
}

/* What a fact written means for the commit. */
static void
fact_written (PsephosImport *imp, const PsephosFact *fact, const char *key)
{
  gint64 source_id = fact->source_id > 0 ? fact->source_id : imp->source_id;

  note_ref (imp, PARENT_SOURCE, source_id);
  note_ref (imp, PARENT_ELECTION, fact->election_id);
  note_ref (imp, PARENT_CONTEST, fact->contest_id);
  note_ref (imp, PARENT_CANDIDACY, fact->candidacy_id);
  note_ref (imp, PARENT_PERSON, fact->person_id);
  note_ref (imp, PARENT_PARTY, fact->party_id);
  note_ref (imp, PARENT_ALLIANCE, fact->alliance_id);
  id_set_add_again (imp->touched_sources, &imp->last_touched_source, source_id);
  note_fact (imp, source_id, fact, key);
}

gint64
psephos_import_add_fact (PsephosImport *imp, const PsephosFact *fact, GError **error)
{
  char key[SUBJECT_KEY_SIZE];
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (imp != NULL && fact != NULL && fact->attribute != NULL, 0);

  stmt = batch_statement (imp, imp->fact_batch, 1, FACT_COLUMNS, FACT_ROW, error);
  if (stmt == NULL || !bind_fact (imp, stmt, 0, fact, key, error))
    return 0;
  id = step_insert (imp, stmt, error);
  if (id > 0)
    fact_written (imp, fact, key);
  return id;
}

gboolean
psephos_import_add_facts (PsephosImport *imp, const PsephosFact *facts, guint n_facts, GError **error)
{
  g_return_val_if_fail (imp != NULL && (facts != NULL || n_facts == 0), FALSE);

  for (guint done = 0; done < n_facts;)
    {
      char keys[FACT_BATCH][SUBJECT_KEY_SIZE];
      guint n = MIN (n_facts - done, FACT_BATCH);
      sqlite3_stmt *stmt = batch_statement (imp, imp->fact_batch, n, FACT_COLUMNS, FACT_ROW, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_return_val_if_fail (facts[done + i].attribute != NULL, FALSE);
          if (!bind_fact (imp, stmt, (int) i * N_FACT_PARAMS, &facts[done + i], keys[i], error))
            return FALSE;
        }
      if (!step_done (imp, stmt, error))
        return FALSE;
      for (guint i = 0; i < n; i++)
        fact_written (imp, &facts[done + i], keys[i]);
      done += n;
    }
  return TRUE;
}

gboolean
psephos_import_set_fact_status (PsephosImport *imp, gint64 fact_id, PsephosFactStatus status, GError **error)
{
  sqlite3_stmt *stmt = PREPARE (imp, "UPDATE fact SET status = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fact_id);
  _psephos_bind_str (stmt, 2, psephos_fact_status_to_string (status));
  return step_done (imp, stmt, error);
}

/* ---- commit: derived values ------------------------------------------------ */

static int
compare_ranked (gconstpointer a, gconstpointer b)
{
  const PsephosRanking *x = *(const PsephosRanking *const *) a, *y = *(const PsephosRanking *const *) b;

  /* Most votes first; unknown votes last; then the stated result. */
  if ((x->votes < 0) != (y->votes < 0))
    return x->votes < 0 ? 1 : -1;
  if (x->votes != y->votes)
    return x->votes > y->votes ? -1 : 1;
  if (x->hint != y->hint)
    return x->hint == PSEPHOS_RESULT_WON || x->hint == PSEPHOS_RESULT_LEADING ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

/* The winner is whoever has the most votes, whatever the order of the rows. */
void
psephos_rank_candidates (PsephosRanking *rows, guint n, PsephosContestStatus status, gint64 nota)
{
  g_autofree PsephosRanking **sorted = g_new (PsephosRanking *, MAX (n, 1));
  gboolean all_votes = TRUE;
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      sorted[i] = &rows[i];
      if (rows[i].votes < 0)
        all_votes = FALSE;
      else
        total += rows[i].votes;
    }
  qsort (sorted, n, sizeof *sorted, compare_ranked);
  if (nota > 0)
    total += nota;

  for (guint i = 0; i < n; i++)
    {
      PsephosRanking *r = sorted[i];

      if (r->votes < 0 && !(i == 0 && n == 1))
        /* Unknown votes: only a stated result says anything. */
        r->result = r->hint;
      else if (i == 0)
        r->result = status == PSEPHOS_CONTEST_DECLARED ? PSEPHOS_RESULT_WON : PSEPHOS_RESULT_LEADING;
      else
        r->result = status == PSEPHOS_CONTEST_DECLARED ? PSEPHOS_RESULT_LOST : PSEPHOS_RESULT_TRAILING;

      r->margin = -1;
      if (i == 0 && n > 1 && r->votes >= 0 && sorted[1]->votes >= 0)
        r->margin = r->votes - sorted[1]->votes;
      r->vote_share_pct = NAN;
      if (all_votes && total > 0 && r->votes >= 0)
        r->vote_share_pct = 100.0 * (double) r->votes / (double) total;
      r->rank = (r->votes >= 0 || n == 1 || i == 0) ? (int) i + 1 : 0;
    }
}

static gboolean
same_double (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* Ranks a contest's candidates by votes and derives result, margin and
 * vote share; writes only what changed (an importer may have written the
 * candidacies with it already). */
static gboolean
derive_contest (PsephosImport *imp, gint64 contest_id, GError **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (PsephosRanking));
  g_autoptr (GArray) stored = g_array_new (FALSE, FALSE, sizeof (PsephosRanking));
  sqlite3_stmt *stmt;
  PsephosContestStatus status;
  gboolean any_official = FALSE, hint_final = FALSE;
  gint64 nota = -1;
  int rc;

  stmt = PREPARE (imp, "SELECT status, nota_votes FROM contest WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  status = psephos_contest_status_from_string ((const char *) sqlite3_column_text (stmt, 0));
  nota = _psephos_col_int (stmt, 1);
  sqlite3_reset (stmt);

  stmt = PREPARE (imp,
                  "SELECT id, votes, result_hint, official, rank, result, margin, vote_share_pct"
                  " FROM candidacy WHERE contest_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PsephosRanking r = {
        .order = sqlite3_column_int64 (stmt, 0),
        .votes = _psephos_col_int (stmt, 1),
        .hint = psephos_result_from_string ((const char *) sqlite3_column_text (stmt, 2)),
      };
      PsephosRanking was = {
        .rank = (int) MAX (0, _psephos_col_int (stmt, 4)),
        .result = psephos_result_from_string ((const char *) sqlite3_column_text (stmt, 5)),
        .margin = _psephos_col_int (stmt, 6),
        .vote_share_pct = _psephos_col_double (stmt, 7),
      };

      any_official |= sqlite3_column_int (stmt, 3) != 0;
      hint_final |= r.hint == PSEPHOS_RESULT_WON || r.hint == PSEPHOS_RESULT_LOST;
      g_array_append_val (rows, r);
      g_array_append_val (stored, was);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _psephos_store_set_error (imp->store, error, "cannot read the store");
      return FALSE;
    }
  if (rows->len == 0)
    return TRUE;

  if (status == PSEPHOS_CONTEST_UNKNOWN)
    status = (any_official || hint_final) ? PSEPHOS_CONTEST_DECLARED : PSEPHOS_CONTEST_COUNTING;
  psephos_rank_candidates ((PsephosRanking *) rows->data, rows->len, status, nota);

  for (guint i = 0; i < rows->len; i++)
    {
      const PsephosRanking *r = &g_array_index (rows, PsephosRanking, i);
      const PsephosRanking *was = &g_array_index (stored, PsephosRanking, i);

      if (r->rank == was->rank && r->result == was->result && r->margin == was->margin
          && same_double (r->vote_share_pct, was->vote_share_pct))
        continue;
      stmt = PREPARE (imp, "UPDATE candidacy SET rank = ?2, result = ?3, margin = ?4, vote_share_pct = ?5 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, r->order);
      _psephos_bind_id (stmt, 2, r->rank);
      _psephos_bind_str (stmt, 3, psephos_result_to_string (r->result));
      _psephos_bind_int (stmt, 4, r->margin);
      _psephos_bind_double (stmt, 5, r->vote_share_pct);
      if (!step_done (imp, stmt, error))
        return FALSE;
    }

  stmt = PREPARE (imp, "UPDATE contest SET status = ?2 WHERE id = ?1 AND status IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  _psephos_bind_str (stmt, 2, psephos_contest_status_to_string (status));
  return step_done (imp, stmt, error);
}

static gboolean
derive_tally (PsephosImport *imp, gint64 election_id, GError **error)
{
  sqlite3_stmt *stmt = PREPARE (imp, "DELETE FROM tally WHERE election_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, election_id);
  if (!step_done (imp, stmt, error))
    return FALSE;
  stmt = PREPARE (imp,
                  "INSERT INTO tally (election_id, party_id, seats_won, seats_leading)"
                  " SELECT c.election_id, y.party_id, sum (y.result = 'won'), sum (y.result = 'leading')"
                  " FROM candidacy y JOIN contest c ON c.id = y.contest_id"
                  " WHERE c.election_id = ?1 AND y.rank = 1 AND y.party_id IS NOT NULL"
                  " GROUP BY y.party_id",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, election_id);
  return step_done (imp, stmt, error);
}

/* ---- commit: agreement and conflict ---------------------------------------- */

typedef struct
{
  gint64 id;
  gboolean has_number;
  double number;
  char *text;
  PsephosQualifier qualifier;
  gboolean official;
  gint64 root; /* the source, or the source it duplicates */
} GroupFact;

static void
group_fact_clear (gpointer data)
{
  GroupFact *g = data;

  g_free (g->text);
}

static gboolean
facts_compatible (const GroupFact *a, const GroupFact *b)
{
  if (a->has_number && b->has_number)
    return _psephos_values_compatible (a->number, a->qualifier, b->number, b->qualifier);
  if (a->text != NULL && b->text != NULL)
    return g_ascii_strcasecmp (a->text, b->text) == 0;
  return TRUE;
}

static gboolean
reconcile_group (PsephosImport *imp, const char *subject_key, const char *attribute, GError **error)
{
  g_autoptr (GArray) facts = g_array_new (FALSE, TRUE, sizeof (GroupFact));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (facts, group_fact_clear);
  stmt = PREPARE (imp,
                  "SELECT f.id, f.number, f.text, f.qualifier, s.kind = 'official', coalesce (s.duplicate_of, s.id), f.as_of"
                  " FROM fact f JOIN source s ON s.id = f.source_id"
                  " WHERE f.subject_key = ?1 AND f.attribute = ?2 ORDER BY f.as_of, f.id",
                  error);
  if (stmt == NULL)
    return FALSE;
  _psephos_bind_str (stmt, 1, subject_key);
  _psephos_bind_str (stmt, 2, attribute);

  /* Facts "as of" different moments are different statements: compare only
   * within the same as_of (NULL: final). Rows come ordered by as_of. */
  {
    g_autofree char *current_as_of = NULL;
    gboolean first = TRUE;
    GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
    GArray *segment = NULL;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *as_of = (const char *) sqlite3_column_text (stmt, 6);
        GroupFact g = {
          .id = sqlite3_column_int64 (stmt, 0),
          .has_number = sqlite3_column_type (stmt, 1) != SQLITE_NULL,
          .number = sqlite3_column_double (stmt, 1),
          .text = _psephos_col_str (stmt, 2),
          .qualifier = psephos_qualifier_from_string ((const char *) sqlite3_column_text (stmt, 3)),
          .official = sqlite3_column_int (stmt, 4) != 0,
          .root = sqlite3_column_int64 (stmt, 5),
        };

        if (first || g_strcmp0 (as_of, current_as_of) != 0)
          {
            segment = g_array_new (FALSE, TRUE, sizeof (GroupFact));
            g_array_set_clear_func (segment, group_fact_clear);
            g_ptr_array_add (segments, segment);
            g_free (current_as_of);
            current_as_of = g_strdup (as_of);
            first = FALSE;
          }
        g_array_append_val (segment, g);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      {
        g_ptr_array_unref (segments);
        _psephos_store_set_error (imp->store, error, "cannot read the store");
        return FALSE;
      }

    for (guint s = 0; s < segments->len; s++)
      {
        GArray *seg = g_ptr_array_index (segments, s);

        for (guint i = 0; i < seg->len; i++)
          {
            const GroupFact *f = &g_array_index (seg, GroupFact, i);
            gboolean official_agrees = FALSE, official_disagrees = FALSE;
            gboolean other_agrees = FALSE, other_disagrees = FALSE;
            PsephosFactStatus status;

            for (guint j = 0; j < seg->len; j++)
              {
                const GroupFact *o = &g_array_index (seg, GroupFact, j);
                gboolean ok;

                /* A source never corroborates itself, nor does its duplicate. */
                if (j == i || o->root == f->root)
                  continue;
                ok = facts_compatible (f, o);
                if (o->official && !f->official)
                  {
                    official_agrees |= ok;
                    official_disagrees |= !ok;
                  }
                else
                  {
                    other_agrees |= ok;
                    other_disagrees |= !ok;
                  }
              }
            if (official_disagrees)
              status = PSEPHOS_FACT_CONTRADICTED;
            else if (official_agrees)
              status = PSEPHOS_FACT_CONFIRMED;
            else if (other_disagrees)
              status = PSEPHOS_FACT_CONFLICT;
            else if (other_agrees)
              status = PSEPHOS_FACT_CORROBORATED;
            else
              status = PSEPHOS_FACT_UNCHECKED;
            if (!psephos_import_set_fact_status (imp, f->id, status, error))
              {
                g_ptr_array_unref (segments);
                return FALSE;
              }
          }
      }
    g_ptr_array_unref (segments);
  }
  return TRUE;
}

/* Compares every fact of the source that another fact states too: only
 * those groups can change status (a lone fact stays unchecked). */
static gboolean
reconcile_source (PsephosImport *imp, gint64 source_id, GError **error)
{
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = PREPARE (imp,
                  "SELECT DISTINCT f.subject_key, f.attribute FROM fact f"
                  " WHERE f.source_id = ?1 AND EXISTS (SELECT 1 FROM fact o"
                  "   WHERE o.subject_key = f.subject_key AND o.attribute = f.attribute AND o.id != f.id)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (groups, _psephos_col_str (stmt, 0));
      g_ptr_array_add (groups, _psephos_col_str (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _psephos_store_set_error (imp->store, error, "cannot read the store");
      return FALSE;
    }
  for (guint i = 0; i + 1 < groups->len; i += 2)
    if (!reconcile_group (imp, g_ptr_array_index (groups, i), g_ptr_array_index (groups, i + 1), error))
      return FALSE;
  return TRUE;
}

/* Article facts about official candidacies are also checked against the
 * values official data implies but does not state in a field (result,
 * margin, party): they become official facts of the same rows only through the
 * candidacy itself, so compare with it here. */
static gboolean
check_against_derived (PsephosImport *imp, GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr (GArray) updates = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  int rc;

  stmt = PREPARE (imp,
                  "SELECT f.id, f.attribute, f.number, f.text, f.qualifier, y.result, y.margin,"
                  " (SELECT coalesce (abbreviation, name) FROM party WHERE id = y.party_id)"
                  /* From the article sources to their facts (CROSS JOIN keeps
                   * the order): not a scan of every fact at every commit. */
                  " FROM source s CROSS JOIN fact f ON f.source_id = s.id"
                  " JOIN candidacy y ON y.id = f.candidacy_id"
                  " WHERE y.official AND s.kind = 'article' AND f.as_of IS NULL"
                  " AND f.attribute IN ('result', 'margin', 'party') AND f.status IN ('unchecked', 'corroborated', 'conflict')"
                  " AND NOT EXISTS (SELECT 1 FROM fact o JOIN source os ON os.id = o.source_id"
                  "                 WHERE o.subject_key = f.subject_key AND o.attribute = f.attribute AND os.kind = 'official')",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), 0 };
      const char *attribute = (const char *) sqlite3_column_text (stmt, 1);
      gboolean agrees;

      if (g_strcmp0 (attribute, "result") == 0)
        {
          const char *stated = (const char *) sqlite3_column_text (stmt, 3);
          const char *official = (const char *) sqlite3_column_text (stmt, 5);
          if (official == NULL || stated == NULL)
            continue;
          /* "leading" in a live report is consistent with a later "won". */
          agrees = g_ascii_strcasecmp (stated, official) == 0
                   || (g_str_equal (official, "won") && g_str_equal (stated, "leading"))
                   || (g_str_equal (official, "lost") && g_str_equal (stated, "trailing"));
        }
      else if (g_strcmp0 (attribute, "party") == 0)
        {
          const char *stated = (const char *) sqlite3_column_text (stmt, 3);
          const char *official = (const char *) sqlite3_column_text (stmt, 7);
          if (official == NULL || stated == NULL)
            continue;
          agrees = g_ascii_strcasecmp (stated, official) == 0;
        }
      else
        {
          if (sqlite3_column_type (stmt, 2) == SQLITE_NULL || sqlite3_column_type (stmt, 6) == SQLITE_NULL)
            continue;
          agrees = _psephos_values_compatible (sqlite3_column_double (stmt, 2),
                                               psephos_qualifier_from_string ((const char *) sqlite3_column_text (stmt, 4)),
                                               (double) sqlite3_column_int64 (stmt, 6),
                                               PSEPHOS_QUALIFIER_EXACT);
        }
      pair[1] = agrees ? PSEPHOS_FACT_CONFIRMED : PSEPHOS_FACT_CONTRADICTED;
      g_array_append_vals (updates, pair, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _psephos_store_set_error (imp->store, error, "cannot read the store");
      return FALSE;
    }
  for (guint i = 0; i < updates->len; i++)
    {
      gint64 *pair = &g_array_index (updates, gint64, i * 2);
      if (!psephos_import_set_fact_status (imp, pair[0], (PsephosFactStatus) pair[1], error))
        return FALSE;
    }
  return TRUE;
}

/* Facts of one import that were about a person before official data knew
 * the candidacy now point at it, so they meet the official rows. */
static gboolean
attach_person_facts (PsephosImport *imp, gboolean *attached, GError **error)
{
  sqlite3_stmt *stmt = PREPARE (imp,
                                "UPDATE fact SET candidacy_id = y.id, subject_key = 'candidacy:' || y.id"
                                " FROM candidacy y"
                                " WHERE fact.candidacy_id IS NULL AND fact.subject_kind = 'candidate'"
                                " AND fact.person_id = y.person_id AND fact.contest_id = y.contest_id",
                                error);

  if (stmt == NULL)
    return FALSE;
  if (!step_done (imp, stmt, error))
    return FALSE;
  *attached = sqlite3_changes (imp->db) > 0;
  return TRUE;
}

/* Records which elections a source's facts speak of, by searching them. */
static gboolean
note_source_elections_by_sql (PsephosImport *imp, gint64 source_id, GError **error)
{
  sqlite3_stmt *stmt = PREPARE (imp,
                                "INSERT OR IGNORE INTO source_election (source_id, election_id)"
                                " SELECT DISTINCT ?1, coalesce (f.election_id, c.election_id)"
                                " FROM fact f LEFT JOIN contest c ON c.id = f.contest_id"
                                " WHERE f.source_id = ?1 AND coalesce (f.election_id, c.election_id) IS NOT NULL",
                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  return step_done (imp, stmt, error);
}

/* ---- commit: foreign keys ------------------------------------------------- */

/* SQL that finds a reference to no row: LEFT JOIN the parent (by its
 * INTEGER PRIMARY KEY, one seek) as J, then MISSING() where the column is
 * set and J found nothing. A correlated NOT EXISTS costs as much as the
 * checks made by every statement. */
#define J(n, parent, col) " LEFT JOIN " parent " p" #n " ON p" #n ".id = x." col
#define MISSING(n, col) " OR (x." col " IS NOT NULL AND p" #n ".id IS NULL)"

/* The small tables keyed otherwise are checked whole. */
static const char *const check_whole_sql[] = {
  "SELECT 1 FROM alliance_member x" J (1, "election", "election_id") J (2, "party", "party_id") J (3, "alliance", "alliance_id") " WHERE 0" MISSING (1, "election_id") MISSING (2, "party_id") MISSING (3, "alliance_id") " LIMIT 1",
  "SELECT 1 FROM tally x" J (1, "election", "election_id") J (2, "party", "party_id") " WHERE 0" MISSING (1, "election_id") MISSING (2, "party_id") " LIMIT 1",
  "SELECT 1 FROM source_election x" J (1, "election", "election_id") J (2, "source", "source_id") " WHERE 0" MISSING (1, "election_id") MISSING (2, "source_id") " LIMIT 1",
};
static const char *const check_whole_tables[] = { "alliance_member", "tally", "source_election" };

static gboolean
dangling (PsephosImport *imp, const char *table, GError **error)
{
  g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_INVALID,
               "%s: a row refers to a row of ‘%s’ that does not exist",
               psephos_store_get_path (imp->store), table);
  return FALSE;
}

/* Whether @stmt finds a row; FALSE with @error set when it does. */
static gboolean
references_found (PsephosImport *imp, sqlite3_stmt *stmt, const char *table, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_INVALID,
                 "%s: a row of ‘%s’ refers to a row that does not exist",
                 psephos_store_get_path (imp->store), table);
  else
    _psephos_store_set_error (imp->store, error, "cannot read the store");
  return FALSE;
}

/* The foreign keys of what this import wrote. A reference to a row the
 * import made (an id above the largest before it) is to a row that exists
 * if it is not above the largest now: ids are given in turn and an import
 * deletes no row others refer to. A reference to an older row is looked
 * up. The small tables written by joins are checked whole. */
static gboolean
check_references (PsephosImport *imp, GError **error)
{
  for (guint i = 0; i < N_PARENTS; i++)
    {
      g_autofree char *max_sql = NULL;
      g_autofree char *find_sql = NULL;
      sqlite3_stmt *stmt = NULL;
      GHashTableIter iter;
      gpointer key;
      gint64 max_now = 0;

      if (imp->max_new_ref[i] > 0)
        {
          max_sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM %s", parent_tables[i]);
          if (sqlite3_prepare_v2 (imp->db, max_sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
            {
              sqlite3_finalize (stmt);
              _psephos_store_set_error (imp->store, error, "cannot read the store");
              return FALSE;
            }
          max_now = sqlite3_column_int64 (stmt, 0);
          g_clear_pointer (&stmt, sqlite3_finalize);
          if (imp->max_new_ref[i] > max_now)
            return dangling (imp, parent_tables[i], error);
        }
      if (g_hash_table_size (imp->old_refs[i]) == 0)
        continue;
      find_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", parent_tables[i]);
      if (sqlite3_prepare_v2 (imp->db, find_sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          _psephos_store_set_error (imp->store, error, "cannot read the store");
          return FALSE;
        }
      g_hash_table_iter_init (&iter, imp->old_refs[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          int rc;

          sqlite3_bind_int64 (stmt, 1, psephos_id_from_pointer (key));
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW)
            {
              sqlite3_finalize (stmt);
              if (rc == SQLITE_DONE)
                return dangling (imp, parent_tables[i], error);
              _psephos_store_set_error (imp->store, error, "cannot read the store");
              return FALSE;
            }
        }
      sqlite3_finalize (stmt);
    }
  for (guint i = 0; i < G_N_ELEMENTS (check_whole_sql); i++)
    {
      sqlite3_stmt *stmt = PREPARE (imp, check_whole_sql[i], error);

      if (stmt == NULL || !references_found (imp, stmt, check_whole_tables[i], error))
        return FALSE;
    }
  return TRUE;
}

/* Records which elections the sources' facts speak of: those noted as the
 * facts were added, and by a search for sources with facts that name only
 * their contest. */
static gboolean
note_source_elections (PsephosImport *imp, GError **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, imp->source_elections);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const gint64 *pair = key;
      sqlite3_stmt *stmt = PREPARE (imp, "INSERT OR IGNORE INTO source_election (source_id, election_id) VALUES (?1, ?2)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pair[0]);
      sqlite3_bind_int64 (stmt, 2, pair[1]);
      if (!step_done (imp, stmt, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, imp->elections_by_sql);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!note_source_elections_by_sql (imp, psephos_id_from_pointer (key), error))
      return FALSE;
  return TRUE;
}

/* Compares the facts of the groups this import added to: for a group of a
 * subject it made, all its facts were noted (note_fact()), and only one
 * with another can change status; other sources' groups are searched. */
static gboolean
reconcile (PsephosImport *imp, gboolean attached, GError **error)
{
  GHashTable *by_sql = attached ? imp->touched_sources : imp->groups_by_sql;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, by_sql);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!reconcile_source (imp, psephos_id_from_pointer (key), error))
      return FALSE;
  if (attached)
    return TRUE; /* older facts joined new candidacies: all were searched */

  g_hash_table_iter_init (&iter, imp->repeated_groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *subject_key = NULL;
      const char *attribute;

      attribute = strchr (key, '\x1f');
      subject_key = g_strndup (key, attribute - (const char *) key);
      if (!reconcile_group (imp, subject_key, attribute + 1, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
psephos_import_commit (PsephosImport *imp, GError **error)
{
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (imp != NULL, FALSE);

  /* Before anything below searches them. */
  if (!_psephos_import_flush (imp, error) || !_psephos_store_build_indexes (imp->store, imp->deferred_indexes, error))
    goto fail;
  imp->deferred_indexes = 0;

  /* A contest ranked as it was written, and written no other way, needs
   * nothing more. */
  g_hash_table_iter_init (&iter, imp->touched_contests);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 contest_id = psephos_id_from_pointer (key);

      if (psephos_id_set_contains (imp->ranked_contests, contest_id)
          && !psephos_id_set_contains (imp->unranked_contests, contest_id))
        continue;
      if (!derive_contest (imp, contest_id, error))
        goto fail;
    }
  g_hash_table_iter_init (&iter, imp->touched_elections);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!derive_tally (imp, psephos_id_from_pointer (key), error))
      goto fail;

  if (g_hash_table_size (imp->touched_sources) > 0)
    {
      gboolean attached = FALSE;

      if (!note_source_elections (imp, error) || !attach_person_facts (imp, &attached, error)
          || !reconcile (imp, attached, error) || !check_against_derived (imp, error))
        goto fail;
    }

  if (!check_references (imp, error))
    goto fail;
  if (!_psephos_store_exec (imp->store, "COMMIT", error))
    goto fail;
  import_free (imp);
  return TRUE;

fail:
  psephos_import_rollback (imp);
  return FALSE;
}
