/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-extract-private.h — what the extractor's files share: tokens,
 * mentions (people, parties, alliances, states, seats) and the per-article
 * context the rules write facts into.
 *
 * The extractor is hand-written scanning, no regular expressions: one pass
 * to split sentences, one to tokenise each sentence, one to find mentions,
 * then the rules look at cue words around numbers and verbs.
 */
#pragma once

#include <string.h>

#include "psephos-extract.h"
#include "psephos-numbers.h"

G_BEGIN_DECLS

typedef enum
{
  TOK_WORD,
  TOK_NUMBER,
  TOK_PUNCT,
} TokKind;

enum
{
  TOKF_CAP = 1 << 0,        /* starts with an upper-case letter */
  TOKF_ALLCAPS = 1 << 1,    /* two or more letters, all upper case */
  TOKF_POSSESSIVE = 1 << 2, /* followed by 's or ’s (or a bare ’ after s) */
  TOKF_DEVANAGARI = 1 << 3,
  TOKF_INITIAL = 1 << 4, /* one capital letter followed by '.' ("K.") */
  TOKF_CUE = 1 << 7,     /* a word the result rules start from (_psephos_extract_cue_words) */
  TOKF_UNREAL = 1 << 6,  /* had, predicted, likely, exit …: the past or a projection */
  TOKF_BREAK = 1 << 5,   /* ends a clause: ";", while, whereas, but, meanwhile */
};

#define TOK_LOWER_MAX 48

typedef struct
{
  TokKind kind;
  guint flags;
  gsize start;               /* bytes into the body */
  gsize end;                 /* the word itself, without any possessive ending */
  gsize poss_end;            /* end including the possessive ending */
  char lower[TOK_LOWER_MAX]; /* ASCII lower-cased (Devanagari as is); punct: the char */
  PsephosNumber num;         /* TOK_NUMBER */
  int mention;               /* index into Ctx.mentions, -1 */
} Token;

typedef enum
{
  M_PERSON,
  M_PARTY,
  M_ALLIANCE,
  M_STATE,
  M_SEAT,
} MentionKind;

typedef struct
{
  MentionKind kind;
  int t0, t1;       /* tokens [t0, t1) */
  gsize start, end; /* bytes */
  int person;       /* M_PERSON: index into x->people */
  const char *abbr; /* party/alliance abbreviation, state name, seat name (interned) */
  gboolean possessive;
  gboolean modifier; /* "Congress-led", "wife of X": not a clause subject */
} Mention;

typedef struct
{
  PsephosExtraction *x;
  const PsephosExtractOptions *options;
  const char *body;
  gsize len;

  /* the current sentence */
  gsize s_start, s_end;
  GArray *tokens;   /* Token */
  GArray *mentions; /* Mention */
  GStringChunk *strings;

  /* article state */
  GHashTable *party_cache;     /* written key → interned abbreviation or "" */
  GHashTable *seats;           /* seat key → interned seat name */
  GHashTable *seat_state;      /* interned seat name → interned state name */
  const char *last_state;      /* last state named */
  const char *last_seat;       /* last seat named */
  const char *paragraph_seat;  /* last seat named in this paragraph */
  const char *paragraph_state; /* last state named in this paragraph */
  const char *last_party;      /* last party named (for "the party") */
  int last_person;             /* last person who was a subject, -1 */
  int last_winner;             /* last person said to have won, -1 */
  char *as_of;                 /* stated time carried within a paragraph */
  gboolean paragraph_start;
  int lok_sabha_year;          /* year a "2024 Lok Sabha elections" names */
  GHashTable *person_keys;     /* name key → person index + 1 */
  GArray *person_seen;         /* int per person: the sentence it was last named in */
  GPtrArray *person_name_keys; /* char * per person: its name key */
  int sentence_no;

  /* the current sentence's election (Lok Sabha tallies in a bypoll report) */
  gboolean s_lok_sabha;
  gboolean s_rajya_sabha;
  gboolean s_quoted; /* inside reported speech */
} Ctx;

/* psephos-extract.c */
const char *_psephos_extract_intern (Ctx *ctx, const char *s, gssize len);
PsephosExtractedFact *_psephos_extract_add_fact (Ctx *ctx,
                                                 const Mention *subject,
                                                 const char *attribute,
                                                 gsize start,
                                                 gsize end);

/* Token @i of the sentence, NULL out of range. */
static inline Token *
_psephos_tok (Ctx *ctx, int i)
{
  if (i < 0 || (guint) i >= ctx->tokens->len)
    return NULL;
  return &g_array_index (ctx->tokens, Token, i);
}

/* Is @t the word @word (lower case)? */
static inline gboolean
_psephos_tok_is (const Token *t, const char *word)
{
  return t != NULL && t->lower[0] == word[0] && t->kind != TOK_NUMBER && strcmp (t->lower, word) == 0;
}

/* Is @t one of @words (NULL-terminated, lower case)? */
static inline gboolean
_psephos_tok_in (const Token *t, const char *const *words)
{
  char c0, c1;

  if (t == NULL || t->kind == TOK_NUMBER)
    return FALSE;
  c0 = t->lower[0];
  c1 = t->lower[1];
  for (; *words != NULL; words++)
    if (c0 == (*words)[0] && c1 == (*words)[1] && (c1 == '\0' || strcmp (t->lower + 2, *words + 2) == 0))
      return TRUE;
  return FALSE;
}
Mention *_psephos_mention (Ctx *ctx, int i);
int _psephos_n_tokens (Ctx *ctx);

/* psephos-extract-entities.c: parties, states, alliances */
const char *_psephos_extract_resolve_party (Ctx *ctx, const char *written);
const char *_psephos_extract_resolve_state (Ctx *ctx, const char *written);
const char *_psephos_extract_alliance_at (Ctx *ctx, int i, int *t1);
gboolean _psephos_extract_may_start_name (const Token *t);
const char *_psephos_extract_hindi_state (const char *word);

/* psephos-coref.c: mentions of people, parties, alliances, states, seats */
void _psephos_extract_find_mentions (Ctx *ctx);
void _psephos_extract_note_seat (Ctx *ctx, const char *seat, const char *state);
const char *_psephos_extract_state_of_seat (Ctx *ctx, const char *seat);
void _psephos_extract_party_fact (Ctx *ctx, Mention *person, const Mention *party);

/* psephos-extract-rules.c: English rules over one sentence (numbers) */
void _psephos_extract_rules_english (Ctx *ctx);
enum
{
  WANT_PERSON = 1 << 0,
  WANT_PARTY = 1 << 1,
  WANT_ALLIANCE = 1 << 2,
  WANT_ANY = 7,
};
Mention *_psephos_extract_subject (Ctx *ctx, int v, guint want, gboolean nearest_ok);
Mention *_psephos_extract_seat_for (Ctx *ctx, int v);
void _psephos_extract_set_seat (Ctx *ctx, PsephosExtractedFact *f, const Mention *subject, const Mention *seat);
void _psephos_extract_clause (Ctx *ctx, int v, int *clause0, int *clause1);
gboolean _psephos_extract_guarded (Ctx *ctx, int v);
/* psephos-extract-results.c: won / lost / leading / trailing */
void _psephos_extract_results (Ctx *ctx);
/* a word the result rules start from ("wins", "defeats", "leads" …) */
gboolean _psephos_extract_is_cue_word (const char *lower);
extern const char *const _psephos_extract_cue_words[];
/* psephos-extract-hindi.c: Hindi rules over one sentence */
void _psephos_extract_rules_hindi (Ctx *ctx);
const char *_psephos_extract_hindi_party (const char *word);

G_END_DECLS
