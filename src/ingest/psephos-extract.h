/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-extract.h — the fact extractor: from an article's cleaned text to
 * the election facts it states, each with the exact characters that state it.
 *
 * Plain structs, independent of the store, so that the extractor can be
 * tested on its own; psephos-article-import.c maps them to PsephosFact.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PSEPHOS_EXTRACT_CANDIDATE,
  PSEPHOS_EXTRACT_SEAT,
  PSEPHOS_EXTRACT_PARTY,
  PSEPHOS_EXTRACT_ALLIANCE,
  PSEPHOS_EXTRACT_ELECTION,
} PsephosExtractSubject;

typedef enum
{
  PSEPHOS_EXTRACT_EXACT,
  PSEPHOS_EXTRACT_AT_LEAST,
  PSEPHOS_EXTRACT_AT_MOST,
  PSEPHOS_EXTRACT_ABOUT,
} PsephosExtractQualifier;

typedef enum
{
  PSEPHOS_EXTRACT_ELECTION_UNKNOWN,
  PSEPHOS_EXTRACT_ELECTION_GENERAL,  /* Lok Sabha */
  PSEPHOS_EXTRACT_ELECTION_ASSEMBLY, /* one state's assembly election */
  PSEPHOS_EXTRACT_ELECTION_BYPOLL,
} PsephosExtractElection;

typedef struct
{
  PsephosExtractSubject kind;
  char *subject;                   /* person's name (the article's fullest spelling),
                         * party or alliance abbreviation, seat name; NULL
                         * for the election */
  char *name_as_written;           /* the words naming the subject in this statement */
  int person;                      /* index into PsephosExtraction.people, or -1 */
  char *party;                     /* candidate's party (abbreviation) when known */
  char *seat;                      /* seat of the contest when known */
  char *state;                     /* state when known */
  PsephosExtractElection election; /* which election the fact is about */
  int year;                        /* that election's year, 0: unknown */
  const char *attribute;           /* votes, margin, result, party, alliance,
                          * turnout_pct, phase_turnout_pct, electors,
                          * votes_polled, nota_votes, vote_share_pct,
                          * seats_won, seats_leading, seats_total,
                          * majority_mark */
  gboolean has_number;
  double number;
  char *text; /* won/lost/leading/trailing, a party abbreviation … */
  PsephosExtractQualifier qualifier;
  char *as_of; /* stated time or round, NULL when final / not stated */
  gsize start; /* code points into the body */
  gsize end;
  char *quote; /* body[start, end) */
} PsephosExtractedFact;

typedef struct
{
  char *name;           /* fullest spelling in the article */
  GPtrArray *spellings; /* every full spelling (char *) */
  char *party;          /* abbreviation, when the article says */
  char *seat;
  char *state;
  gboolean is_candidate; /* the article states a result, votes or margin */
} PsephosExtractedPerson;

typedef struct
{
  GPtrArray *facts;                /* PsephosExtractedFact */
  GPtrArray *people;               /* PsephosExtractedPerson */
  PsephosExtractElection election; /* the article's election */
  char *state;                     /* for an assembly election: its state */
  int year;                        /* 0: unknown */
  int month;                       /* 0: unknown */
} PsephosExtraction;

/* Returns the canonical abbreviation for a party name, abbreviation or alias
 * (NULL when unknown). The import passes one over psephos-tables. */
typedef const char *(*PsephosPartyResolver) (const char *name, gpointer user_data);

typedef struct
{
  const char *published_on; /* YYYY-MM-DD, gives the year and month */
  PsephosPartyResolver resolve_party;
  gpointer resolve_data;
} PsephosExtractOptions;

PsephosExtraction *psephos_extract (const char *body,
                                    gsize len,
                                    const PsephosExtractOptions *options);
void psephos_extraction_free (PsephosExtraction *x);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosExtraction, psephos_extraction_free)

/* Sentence boundaries as byte offsets (pairs start, end) — the extractor's
 * first step, exposed for the benchmark and tests. Returns the count. */
guint psephos_extract_split_sentences (const char *body,
                                       gsize len,
                                       GArray *bounds /* of gsize */);

const char *psephos_extract_subject_to_string (PsephosExtractSubject kind);
const char *psephos_extract_qualifier_to_string (PsephosExtractQualifier q);

G_END_DECLS
