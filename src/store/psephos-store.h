/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-store.h — the results store: one SQLite file, opened defensively.
 *
 * Reading: list/find functions return newly allocated records (see
 * psephos-records.h). Writing: everything goes through a PsephosImport, which
 * is one transaction: commit it, or drop it and nothing was written.
 */
#pragma once

#include <gio/gio.h>

#include "psephos-records.h"

G_BEGIN_DECLS

#define PSEPHOS_STORE_ERROR (psephos_store_error_quark ())
GQuark psephos_store_error_quark (void);

/**
 * PsephosStoreError:
 * @PSEPHOS_STORE_ERROR_OPEN: the file cannot be opened (missing, permissions, locked)
 * @PSEPHOS_STORE_ERROR_NOT_A_STORE: not SQLite, or SQLite but not a Psephos store
 * @PSEPHOS_STORE_ERROR_TOO_NEW: written by a newer Psephos (schema version too high)
 * @PSEPHOS_STORE_ERROR_CORRUPT: damaged: the integrity check failed
 * @PSEPHOS_STORE_ERROR_READ_ONLY: a write was asked of a read-only store
 * @PSEPHOS_STORE_ERROR_BUSY: another process holds the store
 * @PSEPHOS_STORE_ERROR_NOT_FOUND: no such election, state, seat, source…
 * @PSEPHOS_STORE_ERROR_INVALID: a value does not fit the schema
 * @PSEPHOS_STORE_ERROR_FAILED: any other SQLite failure
 */
typedef enum
{
  PSEPHOS_STORE_ERROR_OPEN,
  PSEPHOS_STORE_ERROR_NOT_A_STORE,
  PSEPHOS_STORE_ERROR_TOO_NEW,
  PSEPHOS_STORE_ERROR_CORRUPT,
  PSEPHOS_STORE_ERROR_READ_ONLY,
  PSEPHOS_STORE_ERROR_BUSY,
  PSEPHOS_STORE_ERROR_NOT_FOUND,
  PSEPHOS_STORE_ERROR_INVALID,
  PSEPHOS_STORE_ERROR_FAILED,
} PsephosStoreError;

typedef enum
{
  PSEPHOS_STORE_OPEN_DEFAULT = 0,
  PSEPHOS_STORE_OPEN_CREATE = 1 << 0,    /* create an empty store when the file is missing */
  PSEPHOS_STORE_OPEN_READ_ONLY = 1 << 1, /* never write, not even a migration */
  /* With READ_ONLY: one read transaction from the checks on open until
   * the store is freed. Every query sees the same snapshot, and SQLite
   * does not lock and check the file again for each statement. For short
   * commands: while it is held, another connection cannot commit. */
  PSEPHOS_STORE_OPEN_SNAPSHOT = 1 << 2,
} PsephosStoreOpenFlags;

/* The schema version this build writes (PRAGMA user_version). */
#define PSEPHOS_STORE_SCHEMA_VERSION 2

/* A PsephosStore is one SQLite connection, opened without SQLite's own
 * locking: use each store from one thread at a time (open a second store
 * on the same file for work in another thread). */
#define PSEPHOS_TYPE_STORE (psephos_store_get_type ())
G_DECLARE_FINAL_TYPE (PsephosStore, psephos_store, PSEPHOS, STORE, GObject)

PsephosStore *psephos_store_open (const char *path,
                                  PsephosStoreOpenFlags flags,
                                  GError **error);
const char *psephos_store_get_path (PsephosStore *self);

/* Runs PRAGMA integrity_check and foreign_key_check. */
gboolean psephos_store_check (PsephosStore *self, GError **error);

/* ---- reading ---------------------------------------------------------- */

/* PsephosElection, ordered by year then name. */
GPtrArray *psephos_store_list_elections (PsephosStore *self, GError **error);
/* By name, case-insensitive; NOT_FOUND when there is none. */
PsephosElection *psephos_store_find_election (PsephosStore *self,
                                              const char *name,
                                              GError **error);

/* PsephosStateRow of states with a contest in the election, by name. */
GPtrArray *psephos_store_list_states (PsephosStore *self,
                                      gint64 election_id,
                                      GError **error);
/* PsephosSeatRow of one state's contests in the election (state_id 0: all
 * states), by seat number then name. */
GPtrArray *psephos_store_list_seats (PsephosStore *self,
                                     gint64 election_id,
                                     gint64 state_id,
                                     GError **error);
/* The same seats with their results only: winner_name is NULL and
 * n_candidates -1 (counting candidates is a third of the query). For
 * charts of a whole election. */
GPtrArray *psephos_store_list_seat_results (PsephosStore *self,
                                            gint64 election_id,
                                            gint64 state_id,
                                            GError **error);
PsephosSeatRow *psephos_store_get_seat (PsephosStore *self,
                                        gint64 contest_id,
                                        GError **error);
/* Finds a contest of the election by seat name (case-insensitive; state_name
 * may be NULL). NOT_FOUND when none, INVALID when the name is ambiguous. */
PsephosSeatRow *psephos_store_find_seat (PsephosStore *self,
                                         gint64 election_id,
                                         const char *state_name,
                                         const char *seat_name,
                                         GError **error);
/* PsephosCandidacy of a contest, most votes first; NOTA is not among them
 * (see PsephosSeatRow.nota_votes). */
GPtrArray *psephos_store_list_candidacies (PsephosStore *self,
                                           gint64 contest_id,
                                           GError **error);
PsephosCandidacy *psephos_store_get_candidacy (PsephosStore *self,
                                               gint64 candidacy_id,
                                               GError **error);

/* PsephosTallyRow per party: seats won and leading, from the contests of the
 * election; parties with no seat are left out. Most seats first. */
GPtrArray *psephos_store_party_tally (PsephosStore *self,
                                      gint64 election_id,
                                      GError **error);
/* PsephosTallyRow per alliance of the election (kind ALLIANCE). */
GPtrArray *psephos_store_alliance_tally (PsephosStore *self,
                                         gint64 election_id,
                                         GError **error);

/* PsephosAllianceMember of the election, by alliance then party. */
GPtrArray *psephos_store_list_alliance_members (PsephosStore *self,
                                                gint64 election_id,
                                                GError **error);

/* PsephosSource (without body) that state something about the election:
 * what a chart or a table of it cites. By id. As in
 * psephos_store_list_sources(), an official file's imported_at is NULL. */
GPtrArray *psephos_store_list_election_sources (PsephosStore *self,
                                                gint64 election_id,
                                                GError **error);

/* PsephosSource, without body text; by id. An official file's imported_at
 * is left NULL here (psephos_store_get_source() has it): reading it would
 * read the whole file's text. */
GPtrArray *psephos_store_list_sources (PsephosStore *self, GError **error);
/* One source, with its body. */
PsephosSource *psephos_store_get_source (PsephosStore *self,
                                         gint64 source_id,
                                         GError **error);

/* PsephosFact matching the query (any field left 0/NULL matches all). */
GPtrArray *psephos_store_list_facts (PsephosStore *self,
                                     const PsephosFactQuery *query,
                                     GError **error);

/* PsephosParty rows, by abbreviation. */
GPtrArray *psephos_store_list_parties (PsephosStore *self, GError **error);

/* Names a person is known by (every spelling), first the display name. */
GStrv psephos_store_person_aliases (PsephosStore *self,
                                    gint64 person_id,
                                    GError **error);

/* ---- writing: one import, one transaction ------------------------------ */

typedef struct _PsephosImport PsephosImport;

/* Starts a write transaction (BEGIN IMMEDIATE). */
PsephosImport *psephos_store_begin_import (PsephosStore *self, GError **error);
/* Recomputes ranks, results and margins of the contests touched, then
 * commits. On failure the import is rolled back. Frees @imp either way. */
gboolean psephos_import_commit (PsephosImport *imp, GError **error);
/* Rolls back and frees. */
void psephos_import_rollback (PsephosImport *imp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosImport, psephos_import_rollback)

PsephosStore *psephos_import_get_store (PsephosImport *imp);

/* Source: returns its id. A source whose content_hash is already stored is
 * not added again: psephos_import_find_source_by_hash() first. */
gint64 psephos_import_add_source (PsephosImport *imp,
                                  const PsephosSource *source,
                                  GError **error);
gint64 psephos_import_find_source_by_hash (PsephosImport *imp, const char *content_hash);
gboolean psephos_import_set_duplicate_of (PsephosImport *imp,
                                          gint64 source_id,
                                          gint64 duplicate_of,
                                          GError **error);

/* The ensure_* functions find the row by its natural key or create it. */
gint64 psephos_import_ensure_election (PsephosImport *imp,
                                       const char *name,
                                       PsephosElectionKind kind,
                                       int year,
                                       GError **error);
gboolean psephos_import_update_election (PsephosImport *imp,
                                         gint64 election_id,
                                         int seats_total,        /* -1: leave */
                                         int majority_mark,      /* -1: leave */
                                         const char *held_on,    /* NULL: leave */
                                         const char *counted_on, /* NULL: leave */
                                         GError **error);
/* name as the source writes it; abbr (JH) and ECI code (S27) may be NULL. */
gint64 psephos_import_ensure_state (PsephosImport *imp,
                                    const char *name,
                                    const char *abbr,
                                    const char *eci_code,
                                    GError **error);
/* A seat is keyed by state, house and name (case- and space-insensitive). */
gint64 psephos_import_ensure_seat (PsephosImport *imp,
                                   gint64 state_id,
                                   PsephosHouse house,
                                   int number, /* 0: unknown */
                                   const char *name,
                                   const char *reservation, /* GEN/SC/ST or NULL */
                                   GError **error);
/* A party is keyed by abbreviation when it has one, else by name. */
gint64 psephos_import_ensure_party (PsephosImport *imp,
                                    const char *name,
                                    const char *abbreviation,
                                    const char *colour, /* "#rrggbb" or NULL */
                                    GError **error);
gint64 psephos_import_ensure_alliance (PsephosImport *imp,
                                       const char *name,
                                       const char *abbreviation,
                                       const char *colour,
                                       GError **error);
gboolean psephos_import_add_alliance_member (PsephosImport *imp,
                                             gint64 alliance_id,
                                             gint64 election_id,
                                             gint64 party_id,
                                             GError **error);
/* A new person, with @name's display form as their name. The spellings a
 * person was written with are the names of their candidacies and their
 * aliases (psephos_import_add_alias()). */
gint64 psephos_import_add_person (PsephosImport *imp, const char *name, GError **error);
/* Adds a spelling (no-op when the person has it already). */
gboolean psephos_import_add_alias (PsephosImport *imp,
                                   gint64 person_id,
                                   const char *name,
                                   GError **error);
gint64 psephos_import_ensure_contest (PsephosImport *imp,
                                      gint64 election_id,
                                      gint64 seat_id,
                                      GError **error);
/* Sets what is known (values < 0 are left as they are). */
gboolean psephos_import_update_contest (PsephosImport *imp,
                                        gint64 contest_id,
                                        gint64 electors,
                                        gint64 votes_polled,
                                        double turnout_pct,
                                        gint64 nota_votes,
                                        PsephosContestStatus status, /* UNKNOWN: leave */
                                        GError **error);
/* A candidacy; votes < 0 means unknown (a seat won unopposed has no votes).
 * @result_hint is used only where votes cannot decide (unopposed). */
gint64 psephos_import_add_candidacy (PsephosImport *imp,
                                     gint64 contest_id,
                                     gint64 person_id,
                                     gint64 party_id,
                                     const char *name_as_written,
                                     gint64 votes,
                                     gint64 evm_votes,
                                     gint64 postal_votes,
                                     PsephosResult result_hint,
                                     GError **error);
/* What the commit derives for one candidate of a contest from the votes. */
typedef struct
{
  gint64 order;          /* in: ties go to the smaller (the candidacy id) */
  gint64 votes;          /* in: < 0 unknown */
  PsephosResult hint;    /* in: the stated result, where votes cannot decide */
  int rank;              /* out: 0 for none */
  PsephosResult result;  /* out */
  gint64 margin;         /* out: the winner's lead over the runner-up; -1 for none */
  double vote_share_pct; /* out: NAN for none */
} PsephosRanking;

/* Ranks @n candidates of a contest by votes and derives result, margin and
 * vote share (of all votes, @nota < 0 unknown), as the commit does. */
void psephos_rank_candidates (PsephosRanking *rows, guint n, PsephosContestStatus status, gint64 nota);

/* psephos_import_add_candidacy() for a contest whose candidates an importer
 * already has together: @ranked (may be NULL) is what
 * psephos_rank_candidates() gave for it. A new candidacy is written with
 * it, so the commit finds nothing to change; an earlier one ignores it. */
gint64 psephos_import_add_ranked_candidacy (PsephosImport *imp,
                                            gint64 contest_id,
                                            gint64 person_id,
                                            gint64 party_id,
                                            const char *name_as_written,
                                            gint64 votes,
                                            gint64 evm_votes,
                                            gint64 postal_votes,
                                            PsephosResult result_hint,
                                            const PsephosRanking *ranked,
                                            GError **error);
/* Whether this import made the seat or contest @id (it was not in the store
 * when the import began): then only this import can have written anything
 * about it. */
gboolean psephos_import_made_seat (PsephosImport *imp, gint64 id);
gboolean psephos_import_made_contest (PsephosImport *imp, gint64 id);
/* Candidacies of a contest (for matching article names to official ones). */
GPtrArray *psephos_import_list_candidacies (PsephosImport *imp,
                                            gint64 contest_id,
                                            GError **error);
gint64 psephos_import_add_fact (PsephosImport *imp,
                                const PsephosFact *fact,
                                GError **error);
/* psephos_import_add_fact() for several facts, written by few statements
 * (an importer that has a contest's facts together); no ids are returned. */
gboolean psephos_import_add_facts (PsephosImport *imp,
                                   const PsephosFact *facts,
                                   guint n_facts,
                                   GError **error);
gboolean psephos_import_set_fact_status (PsephosImport *imp,
                                         gint64 fact_id,
                                         PsephosFactStatus status,
                                         GError **error);

/* Raw access for ingest code that needs a query the API lacks; prefer adding
 * a function here. Prepared statements only. The import queues rows of
 * person, alias and candidacy: call _psephos_import_flush() before a query
 * that reads those tables. */
struct sqlite3 *_psephos_import_get_db (PsephosImport *imp);
gboolean _psephos_import_flush (PsephosImport *imp, GError **error);

G_END_DECLS
