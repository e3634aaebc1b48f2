/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-results-private.h — what psephos-results.c (formats, the file)
 * and psephos-results-rows.c (rows into the store) share. */
#pragma once

#include <sqlite3.h>

#include "psephos-csv.h"
#include "psephos-results.h"

G_BEGIN_DECLS

typedef enum
{
  FORMAT_NONE,
  FORMAT_ASSEMBLY,
  FORMAT_LOK_SABHA_2024,
  FORMAT_ELECTIONLENS,
} Format;

/* Logical columns; each format names the ones it has. */
enum
{
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

typedef struct
{
  int col;
  const char *name;
  gboolean required;
} ColumnSpec;

typedef struct
{
  Format format;
  char separator;
  const ColumnSpec *columns;
} FormatSpec;

/* ---- one import ----------------------------------------------------------- */

typedef struct
{
  gint64 id;
  char *name; /* the table's name, else as written */
  char *abbr;
} StateEntry;

typedef struct
{
  gint64 id;
  int year;
  PsephosElectionKind kind;
  char *state_abbr; /* assembly elections: for alliance membership */
} ElectionEntry;

typedef struct
{
  gint64 id;
  char *abbreviation; /* NULL: unknown party */
  gint64 member_of;   /* the election last noted in @members */
} PartyEntry;

typedef struct
{
  gint64 id;
  /* Who stood for the seat: this file's candidates, and the store's
   * before it. */
  GHashTable *people; /* name key → person id (psephos-ids.h), or 0 for two namesakes */
} SeatEntry;

/* A fact citing fields of a row, waiting for the candidacy it is about. */
typedef struct
{
  const char *attribute;
  gboolean has_number;
  double number;
  const char *text;
  gint64 start;
  gint64 end;
  char *quote;
  guint row;
} PendingFact;

/* A candidate's row, waiting for the rest of its contest (see
 * flush_pending() in psephos-results-rows.c). */
typedef struct
{
  guint line;
  gint64 person_id; /* 0: facts about the contest (its numbers, NOTA) */
  gint64 party_id;
  char *name;
  gint64 votes;
  gint64 evm_votes;
  gint64 postal_votes;
  gboolean unopposed;
  PendingFact facts[3];
  guint n_facts;
} PendingCandidacy;

typedef struct
{
  gint64 id;
  ElectionEntry *election;
  SeatEntry *seat;
  /* TRUE while the contest's rows are still coming, one after another, and
   * it had no candidacies before: they wait (PsephosResultsImport.pending)
   * to be written together, ranked. */
  gboolean ranked_here;
  /* Candidacies stored before this file (from articles or another official
   * file), by name key; each is claimed by at most one row. */
  GHashTable *earlier;
  GArray *persons; /* of gint64: the person ids this file put in the contest */
  gboolean have_contest_values;
  gint64 electors;
  gint64 votes_polled;
  double turnout_pct;
  gint64 nota_votes;
} ContestEntry;

typedef struct
{
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
  GHashTable *parties;           /* text as written → PartyEntry */
  GHashTable *members;           /* "election|party" → NULL: who stood in which election */
  GPtrArray *member_list;        /* pairs ElectionEntry*, PartyEntry* */
  ContestEntry *pending_contest; /* the contest whose rows wait, or NULL */
  GArray *pending;               /* its rows, of PendingCandidacy */
  GArray *pending_facts;         /* scratch: PsephosFact */
  GString *key;                  /* scratch: a contest's key */
  GStringChunk *name_keys;       /* the keys of the seats' people */
  GString *row_contest;          /* the fields naming the current row's contest */
  GString *last_row_contest;     /* … and the previous row's */
  ContestEntry *last_contest;    /* the previous row's contest */
  GHashTable *contest_ids;       /* ids of the contests met, a set (psephos-ids.h) */
  sqlite3_stmt *people_at_seat_stmt;
  guint n_facts;
} PsephosResultsImport;

/* Sets up the caches of @self (its other fields are set by the caller). */
void _psephos_results_import_init (PsephosResultsImport *self);
void _psephos_results_import_clear (PsephosResultsImport *self);
/* The current row of self->csv into the store. */
gboolean _psephos_results_import_row (PsephosResultsImport *self, GError **error);
/* After the last row: contest values and alliance membership. */
gboolean _psephos_results_import_finish (PsephosResultsImport *self, GError **error);

G_END_DECLS
