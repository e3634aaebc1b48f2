/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-results.c — imports official results CSV files.
 *
 * Three formats, told apart by their header:
 *  - india-votes-data assembly files (results/<YEAR>Assembly-<ST>.csv):
 *    one row per candidate with EVM and postal votes; NOTA is a row;
 *  - the Lok Sabha 2024 file of the same project (';'-separated, quoted):
 *    total votes only, and no year: the election must be named by the user;
 *  - the ElectionLens flat table: many elections (house × state × year) in
 *    one file, with electors, turnout, valid votes and NOTA per contest.
 *
 * Each file becomes one official source whose body is the file's text, and
 * every number read becomes a fact pointing at its row and characters. The
 * whole file is one store transaction. Ranks, results and margins are not
 * read from the file: the store derives them from the votes at commit.
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "psephos-csv.h"
#include "psephos-results.h"
#include "psephos-tables.h"

#define PROGRESS_EVERY 4096

typedef enum {
  FORMAT_NONE,
  FORMAT_ASSEMBLY,
  FORMAT_LOK_SABHA_2024,
  FORMAT_ELECTIONLENS,
} Format;

/* Logical columns; each format names the ones it has. */
enum {
  COL_YEAR,
  COL_TYPE,
  COL_HOUSE,
  COL_STATE,
  COL_STATE_CODE,
  COL_SEAT,
  COL_SEAT_NUMBER,
  COL_RESERVATION,
  COL_CANDIDATE,
  COL_PARTY,
  COL_VOTES,
  COL_EVM,
  COL_POSTAL,
  COL_VALID_VOTES,
  COL_NOTA,
  COL_ELECTORS,
  COL_TURNOUT,
  COL_SEX,
  N_COLS
};

typedef struct {
  int col;
  const char *name;
  gboolean required;
} ColumnSpec;

typedef struct {
  Format format;
  char separator;
  const ColumnSpec *columns;
} FormatSpec;

static const ColumnSpec assembly_columns[] = {
  { COL_YEAR, "election_year", TRUE },
  { COL_TYPE, "election_type", TRUE },
  { COL_STATE, "election_state", TRUE },
  { COL_SEAT, "constituency", TRUE },
  { COL_SEAT_NUMBER, "constituency_no", TRUE },
  { -1, "serial_no", FALSE },
  { COL_CANDIDATE, "candidate", TRUE },
  { COL_PARTY, "party", TRUE },
  { COL_EVM, "evm_votes", TRUE },
  { COL_POSTAL, "postal_votes", TRUE },
  { -1, NULL, FALSE },
};

static const ColumnSpec lok_sabha_columns[] = {
  { COL_STATE, "State", TRUE },
  { COL_SEAT, "Constituency", TRUE },
  { COL_PARTY, "Party", TRUE },
  { COL_CANDIDATE, "Candidate", TRUE },
  { COL_VOTES, "Votes", TRUE },
  { COL_STATE_CODE, "State ID", FALSE },
  /* Not the seat's number: the file cuts it to its first digit (Eluru,
   * seat 10 of Andhra Pradesh, is "1"), so it is not read. */
  { -1, "Constituency ID", FALSE },
  { -1, NULL, FALSE },
};

static const ColumnSpec electionlens_columns[] = {
  { COL_HOUSE, "house", TRUE },
  { COL_STATE, "state_code", TRUE },
  { COL_YEAR, "year", TRUE },
  { -1, "seat_key", FALSE },
  { COL_SEAT_NUMBER, "constituency_no", FALSE },
  { COL_SEAT, "constituency_name", TRUE },
  { COL_RESERVATION, "constituency_type", FALSE },
  { COL_VALID_VOTES, "valid_votes", FALSE },
  { COL_NOTA, "nota_votes", FALSE },
  { COL_ELECTORS, "electors", FALSE },
  { COL_TURNOUT, "turnout", FALSE },
  { -1, "position", FALSE },
  { COL_CANDIDATE, "candidate", TRUE },
  { COL_PARTY, "party", TRUE },
  { COL_VOTES, "votes", TRUE },
  { -1, "vote_share", FALSE },
  { -1, "margin", FALSE },
  { COL_SEX, "sex", FALSE },
  { -1, "deposit_lost", FALSE },
  { -1, NULL, FALSE },
};

static const FormatSpec formats[] = {
  { FORMAT_ASSEMBLY, ',', assembly_columns },
  { FORMAT_LOK_SABHA_2024, ';', lok_sabha_columns },
  { FORMAT_ELECTIONLENS, ',', electionlens_columns },
};

/* ---- recognising the header ---------------------------------------------- */

static gboolean
column_name_equal (const char *a,
                   const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a));

  return g_ascii_strcasecmp (x, b) == 0;
}

/* How many of the format's columns the header has. */
static guint
format_score (const FormatSpec *spec,
              PsephosCsv *header)
{
  guint n = psephos_csv_get_n_fields (header);
  guint score = 0;

  for (const ColumnSpec *c = spec->columns; c->name != NULL; c++)
    for (guint i = 0; i < n; i++)
      if (column_name_equal (psephos_csv_get_field (header, i), c->name))
        {
          score++;
          break;
        }

  return score;
}

static guint
spec_n_columns (const FormatSpec *spec)
{
  guint n = 0;

  for (const ColumnSpec *c = spec->columns; c->name != NULL; c++)
    n++;
  return n;
}

/* A header is recognised when it has more than half of a format's columns,
 * so that a file with a column missing is still recognised, and then
 * refused naming the column. */
static const FormatSpec *
detect_format (const char *data,
               gsize len)
{
  const char *end;
  gsize line_len;
  const FormatSpec *best = NULL;
  guint best_score = 0;

  if (data == NULL || len == 0)
    return NULL;
  end = memchr (data, '\n', len);
  line_len = end ? (gsize) (end - data) + 1 : len;

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(PsephosCsv) header = psephos_csv_new ("header", data, line_len, formats[f].separator);
      guint score;

      if (!psephos_csv_next (header, NULL))
        continue;
      score = format_score (&formats[f], header);
      if (score * 2 > spec_n_columns (&formats[f]) && score > best_score)
        {
          best = &formats[f];
          best_score = score;
        }
    }

  return best;
}

gboolean
psephos_results_sniff (const char *head,
                       gsize len)
{
  g_return_val_if_fail (head != NULL || len == 0, FALSE);

  return detect_format (head, len) != NULL;
}

/* ---- the import ------------------------------------------------------------ */

typedef struct {
  gint64 id;
  char *name;      /* the table's name, else as written */
  char *abbr;
} StateEntry;

typedef struct {
  gint64 id;
  int year;
  PsephosElectionKind kind;
  char *state_abbr; /* assembly elections: for alliance membership */
} ElectionEntry;

typedef struct {
  gint64 id;
  char *abbreviation; /* NULL: unknown party */
} PartyEntry;

typedef struct {
  gint64 id;
  /* Whether the store had a contest for the seat before this file: only
   * then can someone of this name have stood here before, outside the
   * people this file adds. */
  gboolean had_contests;
  GHashTable *people; /* name key → person id, or 0 for two namesakes */
} SeatEntry;

typedef struct {
  gint64 id;
  ElectionEntry *election;
  SeatEntry *seat;
  /* Candidacies stored before this file (from articles or another official
   * file), by name key; each is claimed by at most one row. */
  GHashTable *earlier;
  GHashTable *persons; /* person ids this file put in the contest */
  gboolean have_contest_values;
  gint64 electors;
  gint64 votes_polled;
  double turnout_pct;
  gint64 nota_votes;
} ContestEntry;

typedef struct {
  PsephosImport *imp;
  const char *path;
  const char *data;
  gsize len;
  PsephosCsv *csv;
  const FormatSpec *spec;
  int col[N_COLS];
  const PsephosIngestOptions *options;
  guint line;

  /* byte offset → code point offset, moving along the file */
  gsize cp_byte;
  gint64 cp_count;

  GHashTable *states;    /* text as written → StateEntry */
  GHashTable *elections; /* name → ElectionEntry */
  GHashTable *seats;     /* seat id → SeatEntry */
  GHashTable *contests;  /* "house|state|year|seat" as written → ContestEntry */
  GPtrArray *contest_list;
  GHashTable *parties;   /* text as written → PartyEntry */
  GHashTable *members;   /* "election|party" → NULL: who stood in which election */
  GPtrArray *member_list; /* pairs ElectionEntry*, PartyEntry* */
  GString *quote;
  sqlite3_stmt *person_stmt;
  sqlite3_stmt *seat_stmt;
  guint n_facts;
} Import;

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
contest_entry_free (gpointer p)
{
  ContestEntry *c = p;

  g_clear_pointer (&c->earlier, g_hash_table_unref);
  g_clear_pointer (&c->persons, g_hash_table_unref);
  g_free (c);
}

static void
import_clear (Import *self)
{
  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->elections, g_hash_table_unref);
  g_clear_pointer (&self->seats, g_hash_table_unref);
  g_clear_pointer (&self->contests, g_hash_table_unref);
  g_clear_pointer (&self->contest_list, g_ptr_array_unref);
  g_clear_pointer (&self->parties, g_hash_table_unref);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->member_list, g_ptr_array_unref);
  if (self->quote != NULL)
    g_string_free (self->quote, TRUE);
  self->quote = NULL;
  g_clear_pointer (&self->person_stmt, sqlite3_finalize);
  g_clear_pointer (&self->seat_stmt, sqlite3_finalize);
}

/* The code point offset of byte @offset of the file. Offsets asked for
 * move forward through the file, mostly, so this counts only the bytes in
 * between. */
static gint64
code_point_at (Import *self,
               gsize offset)
{
  const guchar *d = (const guchar *) self->data;

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
field (Import *self,
       int col)
{
  if (self->col[col] < 0)
    return NULL;
  return psephos_csv_get_field (self->csv, self->col[col]);
}

/* The field, without the spaces around it; NULL when the column is
 * missing or the field is blank. */
static char *
field_trimmed (Import *self,
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
column_name (Import *self,
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
parse_count (Import *self,
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
parse_percent (Import *self,
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

/* Adds a fact citing the characters of fields @first_col … @last_col of
 * the current row. */
static gboolean
add_fact (Import *self,
          PsephosFact *fact,
          int first_col,
          int last_col,
          GError **error)
{
  gsize start = MIN (psephos_csv_get_field_start (self->csv, self->col[first_col]),
                     psephos_csv_get_field_start (self->csv, self->col[last_col]));
  gsize end = MAX (psephos_csv_get_field_end (self->csv, self->col[first_col]),
                   psephos_csv_get_field_end (self->csv, self->col[last_col]));

  g_string_truncate (self->quote, 0);
  g_string_append_len (self->quote, self->data + start, end - start);

  fact->qualifier = PSEPHOS_QUALIFIER_EXACT;
  fact->row = self->line;
  fact->start = code_point_at (self, start);
  fact->end = code_point_at (self, end);
  fact->quote = self->quote->str;

  if (psephos_import_add_fact (self->imp, fact, error) <= 0)
    return FALSE;
  self->n_facts++;
  return TRUE;
}

static gboolean
add_number_fact (Import *self,
                 const PsephosFact *about,
                 const char *attribute,
                 double value,
                 int first_col,
                 int last_col,
                 GError **error)
{
  PsephosFact fact = *about;

  fact.attribute = (char *) attribute;
  fact.has_number = TRUE;
  fact.number = value;
  return add_fact (self, &fact, first_col, last_col, error);
}

static StateEntry *
get_state (Import *self,
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
get_election (Import *self,
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
get_party (Import *self,
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
prepare (Import *self,
         sqlite3_stmt **stmt,
         const char *sql,
         GError **error)
{
  sqlite3 *db = _psephos_import_get_db (self->imp);

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
typedef struct {
  const char *election_name; /* NULL: the canonical name */
  PsephosElectionKind kind;
  PsephosHouse house;
  int year;
  char *state;               /* as written, trimmed */
  const char *state_code;
  char *seat;                /* trimmed */
  int seat_number;
  const char *reservation;
} ContestKey;

/* Whether the store has the seat already (before ensure_seat() makes it). */
static gboolean
seat_exists (Import *self,
             gint64 state_id,
             PsephosHouse house,
             const char *name,
             gboolean *exists,
             GError **error)
{
  g_autofree char *name_key = psephos_name_key (name);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, &self->seat_stmt,
                  "SELECT 1 FROM seat WHERE state_id = ?1 AND house = ?2 AND name_key = ?3",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, state_id);
  sqlite3_bind_text (stmt, 2, psephos_house_to_string (house), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name_key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_UNREADABLE, self->path, self->line,
                                 "cannot query the store: %s",
                                 sqlite3_errmsg (_psephos_import_get_db (self->imp)));
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static SeatEntry *
get_seat (Import *self,
          StateEntry *state,
          const ContestKey *k,
          GError **error)
{
  SeatEntry *entry;
  gboolean existed = FALSE;
  gint64 seat_id;

  if (!seat_exists (self, state->id, k->house, k->seat, &existed, error))
    return NULL;
  seat_id = psephos_import_ensure_seat (self->imp, state->id, k->house, k->seat_number,
                                        k->seat, k->reservation, error);
  if (seat_id <= 0)
    return NULL;

  entry = g_hash_table_lookup (self->seats, &seat_id);
  if (entry != NULL)
    return entry;

  entry = g_new0 (SeatEntry, 1);
  entry->id = seat_id;
  entry->had_contests = existed;
  entry->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (self->seats, g_memdup2 (&seat_id, sizeof seat_id), entry);
  return entry;
}


static ContestEntry *
get_contest (Import *self,
             const ContestKey *k,
             GError **error)
{
  g_autofree char *key = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  ContestEntry *entry;
  StateEntry *state;
  ElectionEntry *election;
  SeatEntry *seat;

  key = g_strdup_printf ("%s|%d|%s|%d|%s", k->election_name ? k->election_name : "",
                         k->house, k->state, k->year, k->seat);
  entry = g_hash_table_lookup (self->contests, key);
  if (entry != NULL)
    return entry;

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
  entry->persons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  entry->earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) psephos_candidacy_free);
  g_hash_table_insert (self->contests, g_steal_pointer (&key), entry);
  g_ptr_array_add (self->contest_list, entry);

  entry->id = psephos_import_ensure_contest (self->imp, election->id, seat->id, error);
  if (entry->id <= 0)
    return NULL;

  earlier = psephos_import_list_candidacies (self->imp, entry->id, error);
  if (earlier == NULL)
    return NULL;
  for (guint i = 0; i < earlier->len; i++)
    {
      PsephosCandidacy *c = g_ptr_array_index (earlier, i);

      g_ptr_array_index (earlier, i) = NULL;
      g_hash_table_replace (entry->earlier, psephos_name_key (c->name), c);
    }
  g_ptr_array_set_free_func (earlier, NULL);

  return entry;
}

/* Someone of the same name who stood for the same seat in another
 * election is taken to be the same person; 0 when there is none, or more
 * than one. */
static gint64
find_person_at_seat (Import *self,
                     ContestEntry *contest,
                     const char *name_key,
                     GError **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int n = 0;
  int rc;

  /* A seat new to the store: only this file's people can have stood. */
  if (!contest->seat->had_contests)
    {
      const gint64 *known = g_hash_table_lookup (contest->seat->people, name_key);

      return known != NULL ? *known : 0;
    }

  stmt = prepare (self, &self->person_stmt,
                  "SELECT DISTINCT a.person_id FROM alias a"
                  " JOIN candidacy y ON y.person_id = a.person_id"
                  " JOIN contest c ON c.id = y.contest_id"
                  " WHERE a.key = ?1 AND c.id != ?2 AND c.seat_id = ?3"
                  " LIMIT 2",
                  error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name_key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, contest->id);
  sqlite3_bind_int64 (stmt, 3, contest->seat->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      found = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_UNREADABLE, self->path, self->line,
                                 "cannot query the store: %s",
                                 sqlite3_errmsg (_psephos_import_get_db (self->imp)));
      return -1;
    }

  return n == 1 ? found : 0;
}

/* Remembers who stood for the seat, for find_person_at_seat(). */
static void
remember_person_at_seat (SeatEntry *seat,
                         const char *name_key,
                         gint64 person_id)
{
  gint64 *known;

  if (seat->had_contests)
    return; /* the store answers */
  known = g_hash_table_lookup (seat->people, name_key);
  if (known == NULL)
    g_hash_table_insert (seat->people, g_strdup (name_key), g_memdup2 (&person_id, sizeof person_id));
  else if (*known != person_id)
    *known = 0; /* two people of that name: no telling which */
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

      if (texts[i] == NULL)
        continue;
      key = psephos_tables_key (texts[i]);
      if (g_strv_contains (spellings, key))
        return TRUE;
    }
  return FALSE;
}

/* What a row says about its candidate. */
typedef struct {
  gint64 votes;
  gint64 evm_votes;
  gint64 postal_votes;
  gboolean unopposed;
} Votes;

static gboolean
read_votes (Import *self,
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

  if (!parse_count (self, COL_EVM, FALSE, &v->evm_votes, error) ||
      !parse_count (self, COL_POSTAL, FALSE, &v->postal_votes, error))
    return FALSE;
  v->votes = v->evm_votes + v->postal_votes;
  return TRUE;
}

/* Facts citing the votes fields: the total is the votes column where there
 * is one, else the EVM and postal fields it is the sum of. */
static gboolean
add_vote_facts (Import *self,
                const PsephosFact *about,
                const char *attribute,
                const Votes *v,
                GError **error)
{
  if (v->unopposed)
    {
      PsephosFact fact = *about;

      fact.attribute = (char *) "result";
      fact.text = (char *) "won";
      return add_fact (self, &fact, COL_VOTES, COL_VOTES, error);
    }

  if (self->col[COL_VOTES] >= 0)
    return add_number_fact (self, about, attribute, (double) v->votes, COL_VOTES, COL_VOTES, error);

  if (g_str_equal (attribute, "votes"))
    return add_number_fact (self, about, "evm_votes", (double) v->evm_votes, COL_EVM, COL_EVM, error) &&
           add_number_fact (self, about, "postal_votes", (double) v->postal_votes, COL_POSTAL, COL_POSTAL, error) &&
           add_number_fact (self, about, "votes", (double) v->votes, COL_EVM, COL_POSTAL, error);

  return add_number_fact (self, about, attribute, (double) v->votes, COL_EVM, COL_POSTAL, error);
}

/* Electors, valid votes, turnout and NOTA of the contest, from its first
 * row (the ElectionLens table repeats them on every row). */
static gboolean
read_contest_values (Import *self,
                     ContestEntry *contest,
                     GError **error)
{
  PsephosFact about = { 0 };
  gint64 electors = -1, valid = -1, nota = -1;
  double turnout = NAN;

  if (contest->have_contest_values)
    return TRUE;
  contest->have_contest_values = TRUE;

  if (!parse_count (self, COL_ELECTORS, TRUE, &electors, error) ||
      !parse_count (self, COL_VALID_VOTES, TRUE, &valid, error) ||
      !parse_count (self, COL_NOTA, TRUE, &nota, error) ||
      !parse_percent (self, COL_TURNOUT, &turnout, error))
    return FALSE;

  about.subject_kind = PSEPHOS_SUBJECT_SEAT;
  about.election_id = contest->election->id;
  about.contest_id = contest->id;

  /* Electors 0 (and so turnout 0) means the source did not know them. */
  if (electors > 0)
    {
      contest->electors = electors;
      if (!add_number_fact (self, &about, "electors", (double) electors, COL_ELECTORS, COL_ELECTORS, error))
        return FALSE;
    }
  if (turnout > 0.0)
    {
      contest->turnout_pct = turnout;
      if (!add_number_fact (self, &about, "turnout_pct", turnout, COL_TURNOUT, COL_TURNOUT, error))
        return FALSE;
    }
  if (valid > 0)
    {
      contest->votes_polled = valid;
      if (!add_number_fact (self, &about, "votes_polled", (double) valid, COL_VALID_VOTES, COL_VALID_VOTES, error))
        return FALSE;
    }
  if (nota >= 0)
    {
      contest->nota_votes = nota;
      if (!add_number_fact (self, &about, "nota_votes", (double) nota, COL_NOTA, COL_NOTA, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_contest_key (Import *self,
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
          if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
              g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) &&
              (p == k->election_name || !g_ascii_isdigit (p[-1])))
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

        if (g_str_equal (kind_key, "assembly") || g_str_equal (kind_key, "ac") ||
            g_str_equal (kind_key, "vidhansabha"))
          {
            k->kind = PSEPHOS_ELECTION_ASSEMBLY;
            k->house = PSEPHOS_HOUSE_ASSEMBLY;
          }
        else if (g_str_equal (kind_key, "pc") || g_str_equal (kind_key, "loksabha") ||
                 g_str_equal (kind_key, "parliamentary") || g_str_equal (kind_key, "general"))
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

static gboolean
import_row (Import *self,
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
  gint64 candidacy_id;
  gboolean ok;

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
          if (!add_vote_facts (self, &about, "nota_votes", &votes, error))
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
      member_key = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, contest->election->id, party->id);
      if (party->abbreviation != NULL && !g_hash_table_contains (self->members, member_key))
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
  if (earlier != NULL && !g_hash_table_contains (contest->persons, &earlier->person_id))
    person_id = earlier->person_id;
  if (earlier != NULL)
    g_hash_table_remove (contest->earlier, name_key);

  if (person_id == 0)
    {
      person_id = find_person_at_seat (self, contest, name_key, error);
      if (person_id < 0)
        return FALSE;
      /* Two namesakes in one contest are two people. */
      if (person_id > 0 && g_hash_table_contains (contest->persons, &person_id))
        person_id = 0;
      if (person_id > 0 && !psephos_import_add_alias (self->imp, person_id, candidate, error))
        return FALSE;
    }
  if (person_id == 0)
    {
      person_id = psephos_import_add_person (self->imp, candidate, error);
      if (person_id <= 0)
        return FALSE;
    }
  g_hash_table_add (contest->persons, g_memdup2 (&person_id, sizeof person_id));
  remember_person_at_seat (contest->seat, name_key, person_id);

  candidacy_id = psephos_import_add_candidacy (self->imp, contest->id, person_id,
                                               party ? party->id : 0, candidate,
                                               votes.votes, votes.evm_votes, votes.postal_votes,
                                               votes.unopposed ? PSEPHOS_RESULT_WON : PSEPHOS_RESULT_UNKNOWN,
                                               error);
  if (candidacy_id <= 0)
    return FALSE;

  about.subject_kind = PSEPHOS_SUBJECT_CANDIDATE;
  about.election_id = contest->election->id;
  about.contest_id = contest->id;
  about.candidacy_id = candidacy_id;
  about.person_id = person_id;
  about.party_id = party ? party->id : 0;
  ok = add_vote_facts (self, &about, "votes", &votes, error);

  return ok;
}

static gboolean
finish_contests (Import *self,
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
add_alliance_members (Import *self,
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
      if (alliance_id <= 0 ||
          !psephos_import_add_alliance_member (self->imp, alliance_id, election->id, party->id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
map_columns (Import *self,
             GError **error)
{
  guint n = psephos_csv_get_n_fields (self->csv);

  for (guint i = 0; i < N_COLS; i++)
    self->col[i] = -1;

  for (const ColumnSpec *c = self->spec->columns; c->name != NULL; c++)
    {
      int found = -1;

      for (guint i = 0; i < n && found < 0; i++)
        if (column_name_equal (psephos_csv_get_field (self->csv, i), c->name))
          found = (int) i;

      if (found < 0 && c->required)
        {
          _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path,
                                     psephos_csv_get_line (self->csv),
                                     "the header has no ‘%s’ column", c->name);
          return FALSE;
        }
      if (c->col >= 0)
        self->col[c->col] = found;
    }

  return TRUE;
}

gboolean
psephos_results_import (PsephosStore *store,
                        const char *path,
                        GBytes *contents,
                        const PsephosIngestOptions *options,
                        GCancellable *cancellable,
                        PsephosIngestOutcome *outcome,
                        GError **error)
{
  static const PsephosIngestOptions no_options = { 0 };
  g_autoptr(PsephosImport) imp = NULL;
  g_autoptr(PsephosCsv) csv = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *base = NULL;
  g_autofree char *body = NULL;
  PsephosIngestOutcome unused;
  PsephosSource source = { 0 };
  Import self = { 0 };
  const FormatSpec *spec;
  const char *data;
  gsize len;
  gint64 existing;
  guint n_rows = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (PSEPHOS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &no_options;
  if (outcome == NULL)
    outcome = &unused;
  memset (outcome, 0, sizeof *outcome);

  data = g_bytes_get_data (contents, &len);
  if (len == 0 || data == NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0, "the file is empty");
      return FALSE;
    }

  spec = detect_format (data, len);
  if (spec == NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_FORMAT, path, 1,
                                 "not an official results format Psephos knows (unrecognised header)");
      return FALSE;
    }

  /* Reading the header checks the whole file is UTF-8. */
  csv = psephos_csv_new (path, data, len, spec->separator);
  if (!psephos_csv_next (csv, error))
    {
      if (error != NULL && *error == NULL)
        _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0, "the file is empty");
      return FALSE;
    }

  self.path = path;
  self.data = data;
  self.len = len;
  self.csv = csv;
  self.spec = spec;
  self.options = options;
  if (!map_columns (&self, error))
    return FALSE;

  if (spec->format == FORMAT_LOK_SABHA_2024 && (options->election == NULL || options->election[0] == '\0'))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_NO_ELECTION, path, 0,
                                 "the file does not say which election it is; name it with --election");
      return FALSE;
    }

  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);

  imp = psephos_store_begin_import (store, error);
  if (imp == NULL)
    return FALSE;

  existing = psephos_import_find_source_by_hash (imp, hash);
  if (existing > 0)
    {
      outcome->status = PSEPHOS_INGEST_UNCHANGED;
      outcome->source_id = existing;
      return TRUE; /* the autoptr rolls the empty transaction back */
    }

  base = g_path_get_basename (path);
  body = g_strndup (data, len);
  source.kind = PSEPHOS_SOURCE_OFFICIAL;
  source.file = base;
  source.body = body;
  source.content_hash = hash;
  outcome->source_id = psephos_import_add_source (imp, &source, error);
  if (outcome->source_id <= 0)
    return FALSE;
  g_clear_pointer (&body, g_free);

  self.imp = imp;
  self.states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, state_entry_free);
  self.elections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, election_entry_free);
  self.seats = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, seat_entry_free);
  self.contests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.contest_list = g_ptr_array_new_with_free_func (contest_entry_free);
  self.parties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, party_entry_free);
  self.members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.member_list = g_ptr_array_new ();
  self.quote = g_string_sized_new (64);

  for (;;)
    {
      g_autoptr(GError) row_error = NULL;

      if (!psephos_csv_next (csv, &row_error))
        {
          if (row_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&row_error));
              goto out;
            }
          break;
        }
      self.line = psephos_csv_get_line (csv);
      if (!import_row (&self, error))
        goto out;
      n_rows++;

      if (n_rows % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          if (options->progress != NULL)
            options->progress (0.9 * psephos_csv_get_fraction (csv), options->progress_data);
        }
    }

  if (n_rows == 0)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0,
                                 "a header but no results rows");
      goto out;
    }

  if (!finish_contests (&self, error) || !add_alliance_members (&self, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  /* The statements must not outlive the transaction. */
  g_clear_pointer (&self.person_stmt, sqlite3_finalize);
  g_clear_pointer (&self.seat_stmt, sqlite3_finalize);
  if (options->progress != NULL)
    options->progress (0.9, options->progress_data);
  if (!psephos_import_commit (g_steal_pointer (&imp), error))
    goto out;
  if (options->progress != NULL)
    options->progress (1.0, options->progress_data);

  outcome->status = PSEPHOS_INGEST_IMPORTED;
  outcome->n_facts = self.n_facts;
  outcome->n_rows = n_rows;
  ok = TRUE;

out:
  import_clear (&self);
  if (!ok)
    {
      outcome->source_id = 0;
      /* Store errors do not name the file and line: add them. */
      if (error != NULL && *error != NULL && (*error)->domain != PSEPHOS_INGEST_ERROR &&
          !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self.line > 0)
        g_prefix_error (error, "%s:%u: ", path, self.line);
    }
  return ok;
}
