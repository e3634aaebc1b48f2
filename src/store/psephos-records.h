/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-records.h — plain record types read from and written to the store.
 *
 * Unknown numbers are -1 (counts) or NAN (percentages); unknown strings NULL.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PSEPHOS_ELECTION_GENERAL,
  PSEPHOS_ELECTION_ASSEMBLY,
  PSEPHOS_ELECTION_BYPOLL,
} PsephosElectionKind;

typedef enum
{
  PSEPHOS_HOUSE_ASSEMBLY,  /* Vidhan Sabha: assembly constituencies */
  PSEPHOS_HOUSE_LOK_SABHA, /* parliamentary constituencies */
} PsephosHouse;

typedef enum
{
  PSEPHOS_CONTEST_UNKNOWN,
  PSEPHOS_CONTEST_COUNTING,
  PSEPHOS_CONTEST_DECLARED,
} PsephosContestStatus;

typedef enum
{
  PSEPHOS_RESULT_UNKNOWN,
  PSEPHOS_RESULT_WON,
  PSEPHOS_RESULT_LOST,
  PSEPHOS_RESULT_LEADING,
  PSEPHOS_RESULT_TRAILING,
} PsephosResult;

typedef enum
{
  PSEPHOS_SOURCE_ARTICLE,
  PSEPHOS_SOURCE_OFFICIAL,
} PsephosSourceKind;

typedef enum
{
  PSEPHOS_SUBJECT_CANDIDATE,
  PSEPHOS_SUBJECT_SEAT,
  PSEPHOS_SUBJECT_PARTY,
  PSEPHOS_SUBJECT_ALLIANCE,
  PSEPHOS_SUBJECT_ELECTION,
} PsephosSubjectKind;

typedef enum
{
  PSEPHOS_QUALIFIER_EXACT,
  PSEPHOS_QUALIFIER_AT_LEAST,
  PSEPHOS_QUALIFIER_AT_MOST,
  PSEPHOS_QUALIFIER_ABOUT,
} PsephosQualifier;

typedef enum
{
  PSEPHOS_FACT_UNCHECKED,    /* nothing else states it */
  PSEPHOS_FACT_CORROBORATED, /* another source states the same value */
  PSEPHOS_FACT_CONFIRMED,    /* official data states the same value */
  PSEPHOS_FACT_CONFLICT,     /* another source states a different value */
  PSEPHOS_FACT_CONTRADICTED, /* official data states a different value */
} PsephosFactStatus;

/* String forms used in the store, the CLI and JSONL. */
const char *psephos_election_kind_to_string (PsephosElectionKind kind);
gboolean psephos_election_kind_from_string (const char *s, PsephosElectionKind *out);
const char *psephos_house_to_string (PsephosHouse house);
const char *psephos_contest_status_to_string (PsephosContestStatus status); /* NULL for UNKNOWN */
PsephosContestStatus psephos_contest_status_from_string (const char *s);
const char *psephos_result_to_string (PsephosResult result); /* NULL for UNKNOWN */
PsephosResult psephos_result_from_string (const char *s);
const char *psephos_source_kind_to_string (PsephosSourceKind kind);
const char *psephos_subject_kind_to_string (PsephosSubjectKind kind);
gboolean psephos_subject_kind_from_string (const char *s, PsephosSubjectKind *out);
const char *psephos_qualifier_to_string (PsephosQualifier q);
PsephosQualifier psephos_qualifier_from_string (const char *s);
const char *psephos_fact_status_to_string (PsephosFactStatus status);
PsephosFactStatus psephos_fact_status_from_string (const char *s);

typedef struct
{
  gint64 id;
  char *name;
  PsephosElectionKind kind;
  int year;
  char *held_on; /* YYYY-MM-DD or NULL */
  char *counted_on;
  int seats_total;   /* -1: unknown; when unknown, count of contests */
  int majority_mark; /* -1: unknown */
  int n_contests;
  int n_declared;
} PsephosElection;

typedef struct
{
  gint64 id;
  char *name;
  char *abbr;     /* JH */
  char *eci_code; /* S27 */
  int n_seats;    /* contests of the election in this state */
} PsephosStateRow;

typedef struct
{
  gint64 contest_id;
  gint64 seat_id;
  gint64 state_id;
  gint64 election_id;
  char *state_name;
  char *name;         /* as the source wrote it */
  char *display_name; /* Title Case for display */
  int number;         /* 0: unknown */
  char *reservation;  /* GEN/SC/ST or NULL */
  PsephosHouse house;
  gint64 electors;     /* -1: unknown */
  gint64 votes_polled; /* -1: unknown */
  double turnout_pct;  /* NAN: unknown */
  gint64 nota_votes;   /* -1: unknown */
  PsephosContestStatus status;
  gint64 winner_candidacy_id; /* 0: none */
  char *winner_name;          /* display form */
  char *winner_party;         /* abbreviation, or name when none */
  char *winner_party_colour;
  PsephosResult winner_result; /* WON or LEADING */
  gint64 margin;               /* -1: unknown */
  int n_candidates;
} PsephosSeatRow;

typedef struct
{
  gint64 id;
  gint64 contest_id;
  gint64 person_id;
  gint64 party_id;
  char *name;         /* as written by the first source */
  char *display_name; /* the person's display name */
  char *party;        /* abbreviation, or full name when none */
  char *party_name;   /* full name */
  char *party_colour; /* #rrggbb or NULL */
  gint64 votes;       /* -1: unknown */
  gint64 evm_votes;
  gint64 postal_votes;
  double vote_share_pct; /* NAN: unknown */
  PsephosResult result;
  gint64 margin;     /* the winner's lead over the runner-up; -1 otherwise */
  int rank;          /* 1 = most votes; 0: unknown */
  gboolean official; /* an official file lists this candidacy */
} PsephosCandidacy;

typedef enum
{
  PSEPHOS_TALLY_PARTY,
  PSEPHOS_TALLY_ALLIANCE,
} PsephosTallyKind;

typedef struct
{
  PsephosTallyKind kind;
  gint64 id;
  char *name;
  char *abbreviation;
  char *colour;
  int won;
  int leading;
  char *as_of; /* NULL: final or unknown */
} PsephosTallyRow;

typedef struct
{
  gint64 id;
  char *name;
  char *abbreviation;
  char *colour;
} PsephosParty;

/* A party's membership of an alliance in one election. */
typedef struct
{
  gint64 alliance_id;
  char *alliance_name;
  char *alliance_abbreviation;
  char *alliance_colour;
  gint64 party_id;
  char *party_name;
  char *party_abbreviation;
} PsephosAllianceMember;

typedef struct
{
  gint64 id;
  PsephosSourceKind kind;
  char *file; /* imported file's base name */
  char *title;
  char *publisher;
  char *address;
  char *published_on;  /* YYYY-MM-DD or NULL */
  char *body;          /* only from psephos_store_get_source() */
  char *content_hash;  /* SHA-256 of the file's bytes */
  char *fingerprint;   /* near-duplicate signature (ingest's business) */
  gint64 duplicate_of; /* 0: none */
  char *imported_at;
} PsephosSource;

typedef struct
{
  gint64 id;
  gint64 source_id;
  PsephosSubjectKind subject_kind;
  /* What the fact is about; 0 where not known. */
  gint64 election_id;
  gint64 contest_id;
  gint64 candidacy_id;
  gint64 person_id;
  gint64 party_id;
  gint64 alliance_id;
  /* Names for display and JSONL (filled when reading). */
  char *subject; /* candidate, seat, party, alliance or election name */
  char *party;   /* abbreviation */
  char *seat;
  char *state;
  char *election;
  char *attribute; /* votes, margin, turnout_pct, result, party … */
  gboolean has_number;
  double number; /* when has_number */
  char *text;    /* result (won/lost/…), party abbreviation … */
  PsephosQualifier qualifier;
  char *as_of;  /* NULL: not stated */
  gint64 start; /* code points into the source body; -1: none */
  gint64 end;
  char *quote;
  gint64 row; /* official sources: the file's line number; -1 otherwise */
  PsephosFactStatus status;
  GArray *conflicts_with; /* gint64 fact ids, may be NULL */
} PsephosFact;

typedef struct
{
  gint64 source_id;
  gint64 election_id;
  PsephosSubjectKind subject_kind; /* with has_subject_kind */
  gboolean has_subject_kind;
  gint64 person_id;
  gint64 candidacy_id;
  gint64 contest_id;
  gint64 party_id;
  const char *attribute;
} PsephosFactQuery;

void psephos_election_free (PsephosElection *e);
void psephos_state_row_free (PsephosStateRow *s);
void psephos_seat_row_free (PsephosSeatRow *s);
void psephos_candidacy_free (PsephosCandidacy *c);
void psephos_tally_row_free (PsephosTallyRow *t);
void psephos_party_free (PsephosParty *p);
void psephos_alliance_member_free (PsephosAllianceMember *m);
void psephos_source_free (PsephosSource *s);
PsephosFact *psephos_fact_new (void);
void psephos_fact_free (PsephosFact *f);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosElection, psephos_election_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosStateRow, psephos_state_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosSeatRow, psephos_seat_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosCandidacy, psephos_candidacy_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosTallyRow, psephos_tally_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosParty, psephos_party_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosAllianceMember, psephos_alliance_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosSource, psephos_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosFact, psephos_fact_free)

/* The one way elections are named, so that articles and official files
 * about the same election meet: "Lok Sabha 2024", "Jharkhand Assembly 2024",
 * "Assembly bypolls July 2024" (@month 1..12, or 0 when unknown; @state_name
 * only for ASSEMBLY). */
char *psephos_election_canonical_name (PsephosElectionKind kind,
                                       int year,
                                       int month,
                                       const char *state_name);

/* Name helpers shared by every layer. */
/* A matching key: case-folded, punctuation dropped, spaces folded. */
char *psephos_name_key (const char *name);
/* Display form: "HEMANT SOREN" → "Hemant Soren"; mixed-case names kept. */
char *psephos_name_display (const char *name);

G_END_DECLS
