/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-results-rows.c — official results rows into the store: states,
 * elections, seats, contests, parties, people and candidacies, found or
 * made once per file, and a fact for every number, citing its field.
 *
 * The rows say nothing about ranks, results and margins: the store
 * derives them from the votes at commit.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "psephos-article-import.h"
#include "psephos-ids.h"
#include "psephos-results-private.h"
#include "psephos-tables.h"

static void
state_entry_free (gpointer p)
{
  StateEntry *s = p;

  g_free (s->name);
  g_free (s->abbr);
  g_free (s);
}

static void
election_entry_free (gpointer p)
{
  ElectionEntry *e = p;

  g_free (e->state_abbr);
  g_free (e);
}

static void
party_entry_free (gpointer p)
{
  PartyEntry *e = p;

  g_free (e->abbreviation);
  g_free (e);
}

static void
seat_entry_free (gpointer p)
{
  SeatEntry *s = p;

  g_clear_pointer (&s->people, g_hash_table_unref);
  g_free (s);
}

static void
pending_candidacy_clear (gpointer p)
{
  PendingCandidacy *pc = p;

  g_free (pc->name);
  for (guint i = 0; i < pc->n_facts; i++)
    g_free (pc->facts[i].quote);
}

static void
contest_entry_free (gpointer p)
{
  ContestEntry *c = p;

  g_clear_pointer (&c->earlier, g_hash_table_unref);
  g_clear_pointer (&c->persons, g_array_unref);
  g_free (c);
}

void
_psephos_results_import_clear (PsephosResultsImport *self)
{
  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->elections, g_hash_table_unref);
  g_clear_pointer (&self->seats, g_hash_table_unref);
  g_clear_pointer (&self->contests, g_hash_table_unref);
  g_clear_pointer (&self->contest_list, g_ptr_array_unref);
  g_clear_pointer (&self->parties, g_hash_table_unref);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->member_list, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->pending_facts, g_array_unref);
  if (self->key != NULL)
    g_string_free (self->key, TRUE);
  self->key = NULL;
  g_clear_pointer (&self->name_keys, g_string_chunk_free);
  if (self->row_contest != NULL)
    g_string_free (self->row_contest, TRUE);
  if (self->last_row_contest != NULL)
    g_string_free (self->last_row_contest, TRUE);
  self->row_contest = self->last_row_contest = NULL;
  self->last_contest = NULL;
  g_clear_pointer (&self->contest_ids, g_hash_table_unref);
  g_clear_pointer (&self->people_at_seat_stmt, sqlite3_finalize);
}

void
_psephos_results_import_init (PsephosResultsImport *self)
{
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, state_entry_free);
  self->elections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, election_entry_free);
  self->seats = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, seat_entry_free);
  self->contests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->contest_list = g_ptr_array_new_with_free_func (contest_entry_free);
  self->parties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, party_entry_free);
  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->member_list = g_ptr_array_new ();
  self->key = g_string_sized_new (64);
  self->name_keys = g_string_chunk_new (64 * 1024);
  self->row_contest = g_string_sized_new (64);
  self->last_row_contest = g_string_sized_new (64);
  self->contest_ids = psephos_id_set_new ();
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingCandidacy));
  self->pending_facts = g_array_new (FALSE, FALSE, sizeof (PsephosFact));
  g_array_set_clear_func (self->pending, pending_candidacy_clear);
}

/* The code point offset of byte @offset of the file. Offsets asked for
 * move forward through the file, mostly, so this counts only the bytes in
 * between. */
static gint64
code_point_at (PsephosResultsImport *self,
               gsize offset)
{
  const guchar *d = (const guchar *) self->data;

  /* Eight bytes at a time: each that is not a continuation byte (10xxxxxx)
   * starts a code point. */
  while (self->cp_byte + 8 <= offset)
    {
      guint64 w;
      guint64 continuation;

      memcpy (&w, d + self->cp_byte, sizeof w);
      continuation = (w >> 7) & ~(w >> 6) & G_GUINT64_CONSTANT (0x0101010101010101);
      self->cp_count += 8 - __builtin_popcountll (continuation);
      self->cp_byte += 8;
    }
  while (self->cp_byte < offset)
    {
      if ((d[self->cp_byte] & 0xC0) != 0x80)
        self->cp_count++;
      self->cp_byte++;
    }
  while (self->cp_byte > offset)
    {
      self->cp_byte--;
      if ((d[self->cp_byte] & 0xC0) != 0x80)
        self->cp_count--;
    }

  return self->cp_count;
}

static const char *
field (PsephosResultsImport *self,
       int col)
{
  if (self->col[col] < 0)
    return NULL;
  return psephos_csv_get_field (self->csv, self->col[col]);
}

/* The field, without the spaces around it; NULL when the column is
 * missing or the field is blank. */
static char *
field_trimmed (PsephosResultsImport *self,
               int col)
{
  const char *s = field (self, col);
  char *t;

  if (s == NULL)
    return NULL;
  t = g_strstrip (g_strdup (s));
  if (t[0] == '\0')
    g_clear_pointer (&t, g_free);
  return t;
}

static const char *
column_name (PsephosResultsImport *self,
             int col)
{
  for (const ColumnSpec *c = self->spec->columns; c->name != NULL; c++)
    if (c->col == col)
      return c->name;
  return "?";
}

/* A count: digits only (spaces around are allowed). Blank → -1 when
 * @blank_ok, else an error. */
static gboolean
parse_count (PsephosResultsImport *self,
             int col,
             gboolean blank_ok,
             gint64 *out,
             GError **error)
{
  const char *s = field (self, col);
  const char *p;
  guint64 value = 0;
  guint digits = 0;

  *out = -1;
  if (s == NULL)
    return TRUE;

  p = s;
  while (*p == ' ')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (digits++ > 15)
        break;
      value = value * 10 + (guint64) (*p - '0');
    }
  while (*p == ' ')
    p++;

  if (digits == 0 && *p == '\0')
    {
      if (blank_ok)
        return TRUE;
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path, self->line,
                                 "the ‘%s’ column is empty", column_name (self, col));
      return FALSE;
    }
  if (*p != '\0' || digits > 15)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path, self->line,
                                 "the ‘%s’ column is not a number: ‘%s’", column_name (self, col), s);
      return FALSE;
    }

  *out = (gint64) value;
  return TRUE;
}

/* A percentage such as "72.55"; blank → NAN. */
static gboolean
parse_percent (PsephosResultsImport *self,
               int col,
               double *out,
               GError **error)
{
  g_autofree char *s = field_trimmed (self, col);
  char *end = NULL;
  double value;

  *out = NAN;
  if (s == NULL)
    return TRUE;
  value = g_ascii_strtod (s, &end);
  if (end == s || *end != '\0' || !(value >= 0.0 && value <= 100.0))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path, self->line,
                                 "the ‘%s’ column is not a percentage: ‘%s’", column_name (self, col), s);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* Where fields @first_col … @last_col of the current row are in the file:
 * their line, code points and text. */
static void
cite (PsephosResultsImport *self,
      PendingFact *pf,
      int first_col,
      int last_col)
{
  gsize start = MIN (psephos_csv_get_field_start (self->csv, self->col[first_col]),
                     psephos_csv_get_field_start (self->csv, self->col[last_col]));
  gsize end = MAX (psephos_csv_get_field_end (self->csv, self->col[first_col]),
                   psephos_csv_get_field_end (self->csv, self->col[last_col]));

  pf->row = self->line;
  pf->start = code_point_at (self, start);
  pf->end = code_point_at (self, end);
  pf->quote = g_strndup (self->data + start, end - start);
}

/* The fact @about that states what @pf says, citing where. */
static PsephosFact
cited_fact (const PsephosFact *about,
            const PendingFact *pf)
{
  PsephosFact fact = *about;

  fact.attribute = (char *) pf->attribute;
  fact.has_number = pf->has_number;
  fact.number = pf->number;
  fact.text = (char *) pf->text;
  fact.qualifier = PSEPHOS_QUALIFIER_EXACT;
  fact.row = pf->row;
  fact.start = pf->start;
  fact.end = pf->end;
  fact.quote = pf->quote;
  return fact;
}

/* Adds a fact as @about, stating what @pf says and citing where. */
static gboolean
add_cited_fact (PsephosResultsImport *self,
                const PsephosFact *about,
                const PendingFact *pf,
                GError **error)
{
  PsephosFact fact = cited_fact (about, pf);

  if (psephos_import_add_fact (self->imp, &fact, error) <= 0)
    return FALSE;
  self->n_facts++;
  return TRUE;
}

/* Adds a number fact as @about citing fields @first_col … @last_col of the
 * current row. */
static gboolean
add_number_fact (PsephosResultsImport *self,
                 const PsephosFact *about,
                 const char *attribute,
                 double value,
                 int first_col,
                 int last_col,
                 GError **error)
{
  PendingFact pf = { .attribute = attribute, .has_number = TRUE, .number = value };
  gboolean ok;

  cite (self, &pf, first_col, last_col);
  ok = add_cited_fact (self, about, &pf, error);
  g_free (pf.quote);
  return ok;
}

static StateEntry *
get_state (PsephosResultsImport *self,
           const char *written,
           const char *code,
           GError **error)
{
  const PsephosStateInfo *info;
  StateEntry *entry;

  entry = g_hash_table_lookup (self->states, written);
  if (entry != NULL)
    return entry;

  info = psephos_tables_lookup_state (written);
  if (info == NULL && code != NULL)
    info = psephos_tables_lookup_state (code);

  entry = g_new0 (StateEntry, 1);
  entry->name = g_strdup (info ? info->name : written);
  entry->abbr = g_strdup (info ? info->abbr : NULL);
  entry->id = psephos_import_ensure_state (self->imp, entry->name,
                                           info ? info->abbr : NULL,
                                           info ? info->eci_code : code,
                                           error);
  if (entry->id <= 0)
    {
      state_entry_free (entry);
      return NULL;
    }
  g_hash_table_insert (self->states, g_strdup (written), entry);
  return entry;
}

static ElectionEntry *
get_election (PsephosResultsImport *self,
              const char *name,
              PsephosElectionKind kind,
              int year,
              const StateEntry *state,
              GError **error)
{
  ElectionEntry *entry = g_hash_table_lookup (self->elections, name);

  if (entry != NULL)
    return entry;

  entry = g_new0 (ElectionEntry, 1);
  entry->year = year;
  entry->kind = kind;
  if (kind != PSEPHOS_ELECTION_GENERAL && state != NULL)
    entry->state_abbr = g_strdup (state->abbr ? state->abbr : state->name);
  entry->id = psephos_import_ensure_election (self->imp, name, kind, year, error);
  if (entry->id <= 0)
    {
      election_entry_free (entry);
      return NULL;
    }
  g_hash_table_insert (self->elections, g_strdup (name), entry);
  return entry;
}

static PartyEntry *
get_party (PsephosResultsImport *self,
           const char *written,
           GError **error)
{
  const PsephosPartyInfo *info;
  PartyEntry *entry = g_hash_table_lookup (self->parties, written);

  if (entry != NULL)
    return entry;

  info = psephos_tables_lookup_party (written);
  entry = g_new0 (PartyEntry, 1);
  if (info != NULL)
    {
      entry->abbreviation = g_strdup (info->abbreviation);
      entry->id = psephos_import_ensure_party (self->imp, info->name, info->abbreviation, info->colour, error);
    }
  else
    {
      /* Unknown: kept under its full name, as written. */
      g_autofree char *name = g_strstrip (g_strdup (written));
      entry->id = psephos_import_ensure_party (self->imp, name, NULL, NULL, error);
    }
  if (entry->id <= 0)
    {
      party_entry_free (entry);
      return NULL;
    }
  g_hash_table_insert (self->parties, g_strdup (written), entry);
  return entry;
}

static sqlite3_stmt *
prepare (PsephosResultsImport *self,
         sqlite3_stmt **stmt,
         const char *sql,
         GError **error)
{
  sqlite3 *db = _psephos_import_get_db (self->imp);

  /* Rows the import queued are in the tables before the query reads them. */
  if (!_psephos_import_flush (self->imp, error))
    return NULL;
  if (*stmt != NULL)
    return *stmt;
  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_UNREADABLE, self->path, self->line,
                                 "cannot query the store: %s", sqlite3_errmsg (db));
      return NULL;
    }
  return *stmt;
}

/* What a row says about the contest it belongs to. */
typedef struct
{
  const char *election_name; /* NULL: the canonical name */
  PsephosElectionKind kind;
  PsephosHouse house;
  int year;
  char *state; /* as written, trimmed */
  const char *state_code;
  char *seat; /* trimmed */
  int seat_number;
  const char *reservation;
} ContestKey;

/* Remembers who stood for the seat, for find_person_at_seat(). */
static void
remember_person_at_seat (PsephosResultsImport *self,
                         SeatEntry *seat,
                         const char *name_key,
                         gint64 person_id)
{
  gpointer key = NULL;
  gpointer known = NULL;

  if (!g_hash_table_lookup_extended (seat->people, name_key, &key, &known))
    g_hash_table_insert (seat->people, g_string_chunk_insert (self->name_keys, name_key), psephos_id_value (person_id));
  else if (psephos_id_from_pointer (known) != person_id)
    g_hash_table_insert (seat->people, key, psephos_id_value (0)); /* two people of that name: no telling which */
}

/* Who stood for a seat before this file: under the key of each name they
 * stood under, and of each alias of theirs. */
static gboolean
load_people_at_seat (PsephosResultsImport *self,
                     SeatEntry *seat,
                     GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, &self->people_at_seat_stmt,
                  "SELECT y.person_id, y.name, NULL FROM contest c JOIN candidacy y ON y.contest_id = c.id"
                  " WHERE c.seat_id = ?1"
                  " UNION ALL SELECT y.person_id, NULL, a.key FROM contest c JOIN candidacy y ON y.contest_id = c.id"
                  " JOIN alias a ON a.person_id = y.person_id WHERE c.seat_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seat->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *key = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *name_key = key == NULL && name != NULL ? psephos_name_key (name) : NULL;

      if (key != NULL || name_key != NULL)
        remember_person_at_seat (self, seat, key != NULL ? key : name_key, sqlite3_column_int64 (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_UNREADABLE, self->path, self->line,
                                 "cannot query the store: %s",
                                 sqlite3_errmsg (_psephos_import_get_db (self->imp)));
      return FALSE;
    }
  return TRUE;
}

static SeatEntry *
get_seat (PsephosResultsImport *self,
          StateEntry *state,
          const ContestKey *k,
          GError **error)
{
  SeatEntry *entry;
  gint64 seat_id;

  seat_id = psephos_import_ensure_seat (self->imp, state->id, k->house, k->seat_number,
                                        k->seat, k->reservation, error);
  if (seat_id <= 0)
    return NULL;

  entry = g_hash_table_lookup (self->seats, &seat_id);
  if (entry != NULL)
    return entry;

  entry = g_new0 (SeatEntry, 1);
  entry->id = seat_id;
  entry->people = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, PSEPHOS_ID_VALUE_FREE);
  g_hash_table_insert (self->seats, g_memdup2 (&seat_id, sizeof seat_id), entry);
  if (!psephos_import_made_seat (self->imp, seat_id) && !load_people_at_seat (self, entry, error))
    return NULL;
  return entry;
}

static void
append_int (GString *s,
            gint64 value)
{
  char digits[24];
  guint n = 0;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  if (value < 0)
    g_string_append_c (s, '-');
  do
    digits[n++] = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  while (n > 0)
    g_string_append_c (s, digits[--n]);
}

static ContestEntry *
get_contest (PsephosResultsImport *self,
             const ContestKey *k,
             GError **error)
{
  g_autofree char *key = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr (GPtrArray) earlier = NULL;
  ContestEntry *entry;
  StateEntry *state;
  ElectionEntry *election;
  SeatEntry *seat;

  /* "election|house|state|year|seat", without printf: once per row. */
  g_string_assign (self->key, k->election_name ? k->election_name : "");
  g_string_append_c (self->key, '|');
  append_int (self->key, k->house);
  g_string_append_c (self->key, '|');
  g_string_append (self->key, k->state);
  g_string_append_c (self->key, '|');
  append_int (self->key, k->year);
  g_string_append_c (self->key, '|');
  g_string_append (self->key, k->seat);
  entry = g_hash_table_lookup (self->contests, self->key->str);
  if (entry != NULL)
    return entry;
  key = g_strdup (self->key->str);

  if ((state = get_state (self, k->state, k->state_code, error)) == NULL)
    return NULL;
  if (k->election_name == NULL)
    canonical = psephos_election_canonical_name (k->kind, k->year, 0, state->name);
  election = get_election (self, k->election_name ? k->election_name : canonical,
                           k->kind, k->year, state, error);
  if (election == NULL)
    return NULL;
  if ((seat = get_seat (self, state, k, error)) == NULL)
    return NULL;

  entry = g_new0 (ContestEntry, 1);
  entry->election = election;
  entry->seat = seat;
  entry->electors = -1;
  entry->votes_polled = -1;
  entry->turnout_pct = NAN;
  entry->nota_votes = -1;
  entry->persons = g_array_new (FALSE, FALSE, sizeof (gint64));
  entry->earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) psephos_candidacy_free);
  g_hash_table_insert (self->contests, g_steal_pointer (&key), entry);
  g_ptr_array_add (self->contest_list, entry);

  entry->id = psephos_import_ensure_contest (self->imp, election->id, seat->id, error);
  if (entry->id <= 0)
    return NULL;

  /* A contest this import made, met for the first time, has no candidates
   * yet. (Another spelling of the seat can lead to the same contest.) */
  if (psephos_import_made_contest (self->imp, entry->id) && !psephos_id_set_contains (self->contest_ids, entry->id))
    earlier = g_ptr_array_new ();
  else
    earlier = psephos_import_list_candidacies (self->imp, entry->id, error);
  if (earlier == NULL)
    return NULL;
  psephos_id_set_add (self->contest_ids, entry->id);
  for (guint i = 0; i < earlier->len; i++)
    {
      PsephosCandidacy *c = g_ptr_array_index (earlier, i);

      g_ptr_array_index (earlier, i) = NULL;
      g_hash_table_replace (entry->earlier, psephos_name_key (c->name), c);
    }
  g_ptr_array_set_free_func (earlier, NULL);
  entry->ranked_here = g_hash_table_size (entry->earlier) == 0;

  return entry;
}

/* Whether this file put @person_id in @contest already. A contest has tens
 * of candidates at most: a list is quicker than a hash table. */
static gboolean
contest_has_person (ContestEntry *contest,
                    gint64 person_id)
{
  for (guint i = 0; i < contest->persons->len; i++)
    if (g_array_index (contest->persons, gint64, i) == person_id)
      return TRUE;
  return FALSE;
}

/* Someone of the same name who stood for the same seat in another
 * election is taken to be the same person; 0 when there is none, or more
 * than one. */
static gint64
find_person_at_seat (ContestEntry *contest,
                     const char *name_key)
{
  gpointer known = NULL;

  if (g_hash_table_lookup_extended (contest->seat->people, name_key, NULL, &known))
    return psephos_id_from_pointer (known);
  return 0;
}

static gboolean
is_nota (const char *candidate,
         const char *party,
         const char *sex)
{
  static const char *const spellings[] = { "nota", "noneoftheabove", NULL };
  const char *texts[] = { candidate, party, sex };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *key = NULL;
      const char *p = texts[i];

      if (p == NULL)
        continue;
      /* Both spellings' keys start with 'n': most texts are told apart by
       * their first ASCII letter or digit, without making their key. */
      while (*p != '\0' && (guchar) *p < 0x80 && !g_ascii_isalnum (*p) && *p != '&')
        p++;
      if (*p == '\0' || ((guchar) *p < 0x80 && g_ascii_tolower (*p) != 'n'))
        continue;
      key = psephos_tables_key (texts[i]);
      if (g_strv_contains (spellings, key))
        return TRUE;
    }
  return FALSE;
}

/* What a row says about its candidate. */
typedef struct
{
  gint64 votes;
  gint64 evm_votes;
  gint64 postal_votes;
  gboolean unopposed;
} Votes;

static gboolean
read_votes (PsephosResultsImport *self,
            Votes *v,
            GError **error)
{
  v->votes = v->evm_votes = v->postal_votes = -1;
  v->unopposed = FALSE;

  if (self->col[COL_VOTES] >= 0)
    {
      const char *s = field (self, COL_VOTES);

      /* The Lok Sabha file writes "Unconteste" for Surat, won unopposed. */
      if (g_ascii_strncasecmp (s, "Unconteste", 10) == 0)
        {
          v->unopposed = TRUE;
          return TRUE;
        }
      return parse_count (self, COL_VOTES, FALSE, &v->votes, error);
    }

  if (!parse_count (self, COL_EVM, FALSE, &v->evm_votes, error) || !parse_count (self, COL_POSTAL, FALSE, &v->postal_votes, error))
    return FALSE;
  v->votes = v->evm_votes + v->postal_votes;
  return TRUE;
}

/* The facts citing the votes fields of the current row, into @out (at
 * most three): the total is the votes column where there is one, else the
 * EVM and postal fields it is the sum of. */
static guint
cite_votes (PsephosResultsImport *self,
            const char *attribute,
            const Votes *v,
            PendingFact *out)
{
  if (v->unopposed)
    {
      out[0] = (PendingFact){ .attribute = "result", .text = "won" };
      cite (self, &out[0], COL_VOTES, COL_VOTES);
      return 1;
    }

  if (self->col[COL_VOTES] >= 0)
    {
      out[0] = (PendingFact){ .attribute = attribute, .has_number = TRUE, .number = (double) v->votes };
      cite (self, &out[0], COL_VOTES, COL_VOTES);
      return 1;
    }

  if (g_str_equal (attribute, "votes"))
    {
      out[0] = (PendingFact){ .attribute = "evm_votes", .has_number = TRUE, .number = (double) v->evm_votes };
      cite (self, &out[0], COL_EVM, COL_EVM);
      out[1] = (PendingFact){ .attribute = "postal_votes", .has_number = TRUE, .number = (double) v->postal_votes };
      cite (self, &out[1], COL_POSTAL, COL_POSTAL);
      out[2] = (PendingFact){ .attribute = "votes", .has_number = TRUE, .number = (double) v->votes };
      cite (self, &out[2], COL_EVM, COL_POSTAL);
      return 3;
    }

  out[0] = (PendingFact){ .attribute = attribute, .has_number = TRUE, .number = (double) v->votes };
  cite (self, &out[0], COL_EVM, COL_POSTAL);
  return 1;
}

static gboolean
add_cited_facts (PsephosResultsImport *self,
                 const PsephosFact *about,
                 const PendingFact *facts,
                 guint n_facts,
                 GError **error)
{
  for (guint i = 0; i < n_facts; i++)
    if (!add_cited_fact (self, about, &facts[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
add_vote_facts (PsephosResultsImport *self,
                const PsephosFact *about,
                const char *attribute,
                const Votes *v,
                GError **error)
{
  PendingFact facts[3];
  guint n = cite_votes (self, attribute, v, facts);
  gboolean ok = add_cited_facts (self, about, facts, n, error);

  for (guint i = 0; i < n; i++)
    g_free (facts[i].quote);
  return ok;
}

/* Electors, valid votes, turnout and NOTA of the contest, from its first
 * row (the ElectionLens table repeats them on every row). */
/* A number about @contest citing a field of the current row; while its
 * candidates wait, it waits with them, so the facts keep the rows' order. */
static gboolean
add_contest_fact (PsephosResultsImport *self,
                  ContestEntry *contest,
                  const PsephosFact *about,
                  const char *attribute,
                  double value,
                  int col,
                  GError **error)
{
  PendingCandidacy pc = { .line = self->line, .n_facts = 1 };

  if (!contest->ranked_here)
    return add_number_fact (self, about, attribute, value, col, col, error);
  pc.facts[0] = (PendingFact){ .attribute = attribute, .has_number = TRUE, .number = value };
  cite (self, &pc.facts[0], col, col);
  g_array_append_val (self->pending, pc);
  self->pending_contest = contest;
  return TRUE;
}

static gboolean
read_contest_values (PsephosResultsImport *self,
                     ContestEntry *contest,
                     GError **error)
{
  PsephosFact about = { 0 };
  gint64 electors = -1, valid = -1, nota = -1;
  double turnout = NAN;

  if (contest->have_contest_values)
    return TRUE;
  contest->have_contest_values = TRUE;

  if (!parse_count (self, COL_ELECTORS, TRUE, &electors, error) || !parse_count (self, COL_VALID_VOTES, TRUE, &valid, error) || !parse_count (self, COL_NOTA, TRUE, &nota, error) || !parse_percent (self, COL_TURNOUT, &turnout, error))
    return FALSE;

  about.subject_kind = PSEPHOS_SUBJECT_SEAT;
  about.election_id = contest->election->id;
  about.contest_id = contest->id;

  /* Electors 0 (and so turnout 0) means the source did not know them. */
  if (electors > 0)
    {
      contest->electors = electors;
      if (!add_contest_fact (self, contest, &about, "electors", (double) electors, COL_ELECTORS, error))
        return FALSE;
    }
  if (turnout > 0.0)
    {
      contest->turnout_pct = turnout;
      if (!add_contest_fact (self, contest, &about, "turnout_pct", turnout, COL_TURNOUT, error))
        return FALSE;
    }
  if (valid > 0)
    {
      contest->votes_polled = valid;
      if (!add_contest_fact (self, contest, &about, "votes_polled", (double) valid, COL_VALID_VOTES, error))
        return FALSE;
    }
  if (nota >= 0)
    {
      contest->nota_votes = nota;
      if (!add_contest_fact (self, contest, &about, "nota_votes", (double) nota, COL_NOTA, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_contest_key (PsephosResultsImport *self,
                  ContestKey *k,
                  GError **error)
{
  memset (k, 0, sizeof *k);

  k->state = field_trimmed (self, COL_STATE);
  k->state_code = self->col[COL_STATE_CODE] >= 0 ? field (self, COL_STATE_CODE) : NULL;
  k->seat = field_trimmed (self, COL_SEAT);
  if (k->seat == NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path, self->line,
                                 "the ‘%s’ column is empty", column_name (self, COL_SEAT));
      return FALSE;
    }
  if (k->state == NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path, self->line,
                                 "the ‘%s’ column is empty", column_name (self, COL_STATE));
      return FALSE;
    }

  if (self->col[COL_SEAT_NUMBER] >= 0)
    {
      gint64 number;

      if (!parse_count (self, COL_SEAT_NUMBER, TRUE, &number, error))
        return FALSE;
      k->seat_number = number > 0 && number < G_MAXINT ? (int) number : 0;
    }
  if (self->col[COL_RESERVATION] >= 0)
    {
      const char *r = g_strstrip ((char *) field (self, COL_RESERVATION));

      if (g_str_equal (r, "GEN") || g_str_equal (r, "SC") || g_str_equal (r, "ST"))
        k->reservation = r;
    }

  switch (self->spec->format)
    {
      case FORMAT_LOK_SABHA_2024:
        k->election_name = self->options->election;
        k->kind = PSEPHOS_ELECTION_GENERAL;
        k->house = PSEPHOS_HOUSE_LOK_SABHA;
        k->year = 0;
        {
          /* The year, where the name the user gave says it. */
          const char *p = k->election_name;

          for (; *p != '\0'; p++)
            if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) && (p == k->election_name || !g_ascii_isdigit (p[-1])))
              {
                k->year = (int) g_ascii_strtoll (p, NULL, 10);
                break;
              }
        }
        return TRUE;

      case FORMAT_ASSEMBLY:
      case FORMAT_ELECTIONLENS:
        {
          gint64 year;
          const char *kind = field (self, self->spec->format == FORMAT_ASSEMBLY ? COL_TYPE : COL_HOUSE);
          g_autofree char *kind_key = psephos_tables_key (kind);

          if (!parse_count (self, COL_YEAR, FALSE, &year, error))
            return FALSE;
          if (year < 1947 || year > 2100)
            {
              _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path, self->line,
                                         "not an election year: ‘%s’", field (self, COL_YEAR));
              return FALSE;
            }
          k->year = (int) year;

          if (g_str_equal (kind_key, "assembly") || g_str_equal (kind_key, "ac") || g_str_equal (kind_key, "vidhansabha"))
            {
              k->kind = PSEPHOS_ELECTION_ASSEMBLY;
              k->house = PSEPHOS_HOUSE_ASSEMBLY;
            }
          else if (g_str_equal (kind_key, "pc") || g_str_equal (kind_key, "loksabha") || g_str_equal (kind_key, "parliamentary") || g_str_equal (kind_key, "general"))
            {
              k->kind = PSEPHOS_ELECTION_GENERAL;
              k->house = PSEPHOS_HOUSE_LOK_SABHA;
            }
          else
            {
              _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path, self->line,
                                         "not a kind of election Psephos knows: ‘%s’", kind);
              return FALSE;
            }
        }
        return TRUE;

      case FORMAT_NONE:
      default:
        g_assert_not_reached ();
    }
}

/* The previous row's contest when the fields that name a contest are the
 * same, byte for byte, as on that row (rows of a contest follow each other):
 * then reading them again would find the same contest. */
static ContestEntry *
same_contest_as_before (PsephosResultsImport *self)
{
  static const int columns[] = { COL_YEAR, COL_TYPE, COL_HOUSE, COL_STATE, COL_STATE_CODE,
                                 COL_SEAT, COL_SEAT_NUMBER, COL_RESERVATION };

  g_string_truncate (self->row_contest, 0);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *value = field (self, columns[i]);

      if (value != NULL)
        g_string_append (self->row_contest, value);
      g_string_append_c (self->row_contest, '\x1f');
    }
  if (self->last_contest != NULL && g_string_equal (self->row_contest, self->last_row_contest))
    return self->last_contest;
  return NULL;
}

/* Writes a candidacy of @contest (@ranked: what the commit will derive for
 * it, or NULL); @about is set to be about it. */
static gboolean
write_candidacy (PsephosResultsImport *self,
                 ContestEntry *contest,
                 gint64 person_id,
                 gint64 party_id,
                 const char *name,
                 const Votes *v,
                 const PsephosRanking *ranked,
                 PsephosFact *about,
                 GError **error)
{
  gint64 candidacy_id;

  candidacy_id = psephos_import_add_ranked_candidacy (self->imp, contest->id, person_id, party_id, name,
                                                      v->votes, v->evm_votes, v->postal_votes,
                                                      v->unopposed ? PSEPHOS_RESULT_WON : PSEPHOS_RESULT_UNKNOWN,
                                                      ranked, error);
  if (candidacy_id <= 0)
    return FALSE;

  *about = (PsephosFact){
    .subject_kind = PSEPHOS_SUBJECT_CANDIDATE,
    .election_id = contest->election->id,
    .contest_id = contest->id,
    .candidacy_id = candidacy_id,
    .person_id = person_id,
    .party_id = party_id,
  };
  return TRUE;
}

/* Writes the candidacies of the contest whose rows were waiting, ranked as
 * the commit will rank them, so that it finds nothing to change: a rank
 * written per candidacy afterwards cost a tenth of an import. The commit
 * still derives every contest and corrects what differs. */
static gboolean
flush_pending (PsephosResultsImport *self,
               GError **error)
{
  ContestEntry *contest = self->pending_contest;
  g_autofree PsephosRanking *ranks = NULL;
  GArray *pending;
  guint line = self->line;
  guint n = 0;
  gboolean ok = TRUE;

  if (contest == NULL)
    return TRUE;
  self->pending_contest = NULL;
  /* Rows of the contest further on, if any, are written as they come. */
  contest->ranked_here = FALSE;
  pending = self->pending;

  ranks = g_new0 (PsephosRanking, MAX (pending->len, 1));
  for (guint i = 0; i < pending->len; i++)
    {
      const PendingCandidacy *pc = &g_array_index (pending, PendingCandidacy, i);

      if (pc->person_id <= 0)
        continue;         /* facts about the contest */
      ranks[n].order = n; /* the order of the ids they get */
      ranks[n].votes = pc->votes;
      ranks[n].hint = pc->unopposed ? PSEPHOS_RESULT_WON : PSEPHOS_RESULT_UNKNOWN;
      n++;
    }
  /* Official results are declared (finish_contests()). */
  psephos_rank_candidates (ranks, n, PSEPHOS_CONTEST_DECLARED, contest->nota_votes);

  /* The candidacies, then their facts together, in the order of the rows. */
  n = 0;
  for (guint i = 0; ok && i < pending->len; i++)
    {
      const PendingCandidacy *pc = &g_array_index (pending, PendingCandidacy, i);
      Votes v = { pc->votes, pc->evm_votes, pc->postal_votes, pc->unopposed };
      PsephosFact about = {
        .subject_kind = PSEPHOS_SUBJECT_SEAT,
        .election_id = contest->election->id,
        .contest_id = contest->id,
      };

      self->line = pc->line; /* for the messages */
      if (pc->person_id > 0) /* else facts about the contest */
        ok = write_candidacy (self, contest, pc->person_id, pc->party_id, pc->name, &v, &ranks[n++], &about, error);
      for (guint j = 0; ok && j < pc->n_facts; j++)
        {
          PsephosFact fact = cited_fact (&about, &pc->facts[j]);

          g_array_append_val (self->pending_facts, fact);
        }
    }
  if (ok && pending->len > 0)
    {
      self->line = g_array_index (pending, PendingCandidacy, 0).line;
      ok = psephos_import_add_facts (self->imp, (PsephosFact *) (gpointer) self->pending_facts->data,
                                     self->pending_facts->len, error);
      self->n_facts += self->pending_facts->len;
    }
  self->line = line;
  g_array_set_size (self->pending_facts, 0);
  g_array_set_size (pending, 0);
  return ok;
}

gboolean
_psephos_results_import_row (PsephosResultsImport *self,
                             GError **error)
{
  ContestKey key;
  ContestEntry *contest;
  PartyEntry *party;
  PsephosCandidacy *earlier;
  PsephosFact about = { 0 };
  Votes votes;
  g_autofree char *candidate = NULL;
  g_autofree char *name_key = NULL;
  const char *party_text;
  gint64 person_id = 0;
  PendingFact facts[3];
  guint n_facts;
  gboolean ok;

  if ((contest = same_contest_as_before (self)) == NULL)
    {
      GString *swap;

      if (!read_contest_key (self, &key, error))
        {
          g_free (key.seat);
          g_free (key.state);
          return FALSE;
        }
      contest = get_contest (self, &key, error);
      g_free (key.seat);
      g_free (key.state);
      if (contest == NULL)
        return FALSE;
      swap = self->last_row_contest;
      self->last_row_contest = self->row_contest;
      self->row_contest = swap;
      self->last_contest = contest;
    }
  if (self->pending_contest != contest && !flush_pending (self, error))
    return FALSE;

  if (!read_contest_values (self, contest, error))
    return FALSE;

  candidate = field_trimmed (self, COL_CANDIDATE);
  party_text = field (self, COL_PARTY);
  if (!read_votes (self, &votes, error))
    return FALSE;

  if (is_nota (candidate, party_text, self->col[COL_SEX] >= 0 ? field (self, COL_SEX) : NULL))
    {
      /* NOTA is a count of the contest, never a candidate; a NOTA column
       * (ElectionLens) says the same where both are given. */
      about.subject_kind = PSEPHOS_SUBJECT_SEAT;
      about.election_id = contest->election->id;
      about.contest_id = contest->id;
      if (votes.votes >= 0)
        {
          if (contest->nota_votes < 0 || self->col[COL_NOTA] < 0)
            contest->nota_votes = votes.votes;
          if (contest->ranked_here)
            {
              /* Waits with the candidates, so facts keep the order of the rows. */
              PendingCandidacy pc = { .line = self->line };

              pc.n_facts = cite_votes (self, "nota_votes", &votes, pc.facts);
              g_array_append_val (self->pending, pc);
              self->pending_contest = contest;
            }
          else if (!add_vote_facts (self, &about, "nota_votes", &votes, error))
            return FALSE;
        }
      return TRUE;
    }

  if (candidate == NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path, self->line,
                                 "the ‘%s’ column is empty", column_name (self, COL_CANDIDATE));
      return FALSE;
    }

  party = NULL;
  if (party_text != NULL && g_strstrip ((char *) party_text)[0] != '\0')
    {
      g_autofree char *member_key = NULL;

      if ((party = get_party (self, party_text, error)) == NULL)
        return FALSE;
      /* Rows of one election mostly follow each other: ask the set only
       * when the party's election changes. */
      if (party->abbreviation != NULL && party->member_of != contest->election->id)
        member_key = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, contest->election->id, party->id);
      if (member_key != NULL)
        party->member_of = contest->election->id;
      if (member_key != NULL && !g_hash_table_contains (self->members, member_key))
        {
          g_hash_table_add (self->members, g_steal_pointer (&member_key));
          g_ptr_array_add (self->member_list, contest->election);
          g_ptr_array_add (self->member_list, party);
        }
    }

  /* The same candidate stored before (an article, another official file):
   * that candidacy, not a second one. */
  name_key = psephos_name_key (candidate);
  earlier = g_hash_table_lookup (contest->earlier, name_key);
  if (earlier == NULL)
    {
      /* An article may spell the name otherwise ("Kalpana Soren" for
       * KALPANA MURMU SOREN): match it, but never merge two candidates an
       * official file lists. */
      GHashTableIter iter;
      gpointer k, v;

      g_hash_table_iter_init (&iter, contest->earlier);
      while (earlier == NULL && g_hash_table_iter_next (&iter, &k, &v))
        {
          PsephosCandidacy *c = v;

          if (!c->official && _psephos_names_match (c->name, candidate))
            {
              earlier = c;
              g_free (name_key);
              name_key = g_strdup (k);
            }
        }
    }
  if (earlier != NULL && !contest_has_person (contest, earlier->person_id))
    person_id = earlier->person_id;
  if (earlier != NULL)
    g_hash_table_remove (contest->earlier, name_key);

  if (person_id == 0)
    {
      person_id = find_person_at_seat (contest, name_key);
      /* Two namesakes in one contest are two people. */
      if (person_id > 0 && contest_has_person (contest, person_id))
        person_id = 0;
    }
  if (person_id == 0)
    {
      person_id = psephos_import_add_person (self->imp, candidate, error);
      if (person_id <= 0)
        return FALSE;
    }
  g_array_append_val (contest->persons, person_id);
  remember_person_at_seat (self, contest->seat, name_key, person_id);

  if (contest->ranked_here)
    {
      PendingCandidacy pc = {
        .line = self->line,
        .person_id = person_id,
        .party_id = party ? party->id : 0,
        .name = g_steal_pointer (&candidate),
        .votes = votes.votes,
        .evm_votes = votes.evm_votes,
        .postal_votes = votes.postal_votes,
        .unopposed = votes.unopposed,
      };

      pc.n_facts = cite_votes (self, "votes", &votes, pc.facts);
      g_array_append_val (self->pending, pc);
      self->pending_contest = contest;
      return TRUE;
    }

  n_facts = cite_votes (self, "votes", &votes, facts);
  ok = write_candidacy (self, contest, person_id, party ? party->id : 0, candidate, &votes, NULL, &about, error)
       && add_cited_facts (self, &about, facts, n_facts, error);
  for (guint i = 0; i < n_facts; i++)
    g_free (facts[i].quote);
  return ok;
}

static gboolean
finish_contests (PsephosResultsImport *self,
                 GError **error)
{
  for (guint i = 0; i < self->contest_list->len; i++)
    {
      ContestEntry *c = g_ptr_array_index (self->contest_list, i);

      if (c->id <= 0)
        continue;
      if (!psephos_import_update_contest (self->imp, c->id, c->electors, c->votes_polled,
                                          c->turnout_pct, c->nota_votes,
                                          PSEPHOS_CONTEST_DECLARED, error))
        return FALSE;
    }
  return TRUE;
}

/* Alliance membership of the parties that stood, where the table knows it. */
static gboolean
add_alliance_members (PsephosResultsImport *self,
                      GError **error)
{
  for (guint i = 0; i + 1 < self->member_list->len; i += 2)
    {
      ElectionEntry *election = g_ptr_array_index (self->member_list, i);
      PartyEntry *party = g_ptr_array_index (self->member_list, i + 1);
      const PsephosAllianceInfo *info;
      const char *alliance;
      gint64 alliance_id;

      alliance = psephos_tables_alliance_of (party->abbreviation, election->year,
                                             election->kind == PSEPHOS_ELECTION_GENERAL ? NULL : election->state_abbr);
      if (alliance == NULL)
        continue;
      info = psephos_tables_lookup_alliance (alliance);
      alliance_id = psephos_import_ensure_alliance (self->imp,
                                                    info ? info->name : alliance,
                                                    alliance,
                                                    info ? info->colour : NULL,
                                                    error);
      if (alliance_id <= 0 || !psephos_import_add_alliance_member (self->imp, alliance_id, election->id, party->id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_psephos_results_import_finish (PsephosResultsImport *self,
                                GError **error)
{
  gboolean ok = flush_pending (self, error) && finish_contests (self, error) && add_alliance_members (self, error);

  /* The statements must not outlive the transaction. */
  g_clear_pointer (&self->people_at_seat_stmt, sqlite3_finalize);
  return ok;
}
