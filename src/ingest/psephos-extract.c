/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-extract.c — the fact extractor's driver: sentence splitting,
 * tokenising, the article's election, and turning byte spans into the code
 * point spans the store keeps. The rules live in psephos-extract-rules.c
 * (English) and psephos-extract-hindi.c; mentions and coreference in
 * psephos-coref.c.
 */
#include "config.h"

#include <string.h>

#include "psephos-extract-private.h"
#include "psephos-tables.h"

/* ---- small helpers ------------------------------------------------------ */

#define LOWER(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c))

const char *
_psephos_extract_intern (Ctx *ctx, const char *s, gssize len)
{
  if (len < 0)
    return g_string_chunk_insert_const (ctx->strings, s);
  else
    {
      char buf[256];

      if ((gsize) len >= sizeof buf)
        len = sizeof buf - 1;
      memcpy (buf, s, len);
      buf[len] = '\0';
      return g_string_chunk_insert_const (ctx->strings, buf);
    }
}

int
_psephos_n_tokens (Ctx *ctx)
{
  return (int) ctx->tokens->len;
}

Mention *
_psephos_mention (Ctx *ctx, int i)
{
  if (i < 0 || (guint) i >= ctx->mentions->len)
    return NULL;
  return &g_array_index (ctx->mentions, Mention, i);
}

const char *
psephos_extract_subject_to_string (PsephosExtractSubject kind)
{
  static const char *names[] = { "candidate", "seat", "party", "alliance", "election" };

  g_return_val_if_fail (kind <= PSEPHOS_EXTRACT_ELECTION, "?");
  return names[kind];
}

const char *
psephos_extract_qualifier_to_string (PsephosExtractQualifier q)
{
  static const char *names[] = { "exact", "at_least", "at_most", "about" };

  g_return_val_if_fail (q <= PSEPHOS_EXTRACT_ABOUT, "?");
  return names[q];
}

/* ---- sentences ---------------------------------------------------------- */

/* Words after which a full stop does not end a sentence. */
static const char *const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "st", "smt", "shri", "sri", "no", "nos", "vs", "jr", "sr",
  "prof", "lt", "gen", "col", "capt", "hon", "govt", "dept", "approx", "rs", "sq", "km",
  "adv", "retd", "maj", "brig", "ex", NULL
};

static gboolean
ends_abbreviation (const char *body, gsize dot)
{
  gsize b = dot;
  char word[8];
  gsize n;

  while (b > 0 && g_ascii_isalpha (body[b - 1]) && dot - b < 7)
    b--;
  n = dot - b;
  if (n == 0 || (b > 0 && g_ascii_isalpha (body[b - 1])))
    return FALSE;
  /* a single letter: an initial ("K. Annamalai") or "p.m." */
  if (n == 1)
    return TRUE;
  for (gsize i = 0; i < n; i++)
    word[i] = g_ascii_tolower (body[b + i]);
  word[n] = '\0';
  for (const char *const *a = abbreviations; *a != NULL; a++)
    if (strcmp (word, *a) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_space_at (const char *p, const char *end)
{
  if (p >= end)
    return TRUE;
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    return TRUE;
  /* no-break space */
  return end - p >= 2 && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0;
}

/* Closing quotes and brackets that may follow a full stop. */
static gsize
closing_len (const char *p, const char *end)
{
  if (p < end && (*p == '"' || *p == '\'' || *p == ')'))
    return 1;
  if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80
      && ((guchar) p[2] == 0x9D || (guchar) p[2] == 0x99))
    return 3;
  return 0;
}

static void
push_bounds (GArray *bounds, const char *body, gsize start, gsize end)
{
  while (start < end && g_ascii_isspace (body[start]))
    start++;
  while (end > start && g_ascii_isspace (body[end - 1]))
    end--;
  if (end > start)
    {
      g_array_append_val (bounds, start);
      g_array_append_val (bounds, end);
    }
}

guint
psephos_extract_split_sentences (const char *body, gsize len, GArray *bounds)
{
  const char *end = body + len;
  gsize start = 0;
  guint before;

  g_return_val_if_fail (body != NULL || len == 0, 0);
  g_return_val_if_fail (bounds != NULL, 0);

  before = bounds->len;
  for (gsize i = 0; i < len;)
    {
      guchar c = body[i];
      gsize stop = 0; /* byte after the sentence's last character */

      if (c == '\n')
        stop = i;
      else if (c == '.' || c == '!' || c == '?')
        {
          gsize after = i + 1 + closing_len (body + i + 1, end);

          if (is_space_at (body + after, end)
              && !(c == '.' && ends_abbreviation (body, i)))
            stop = after;
        }
      else if (c == 0xE0 && i + 2 < len && (guchar) body[i + 1] == 0xA5
               && ((guchar) body[i + 2] == 0xA4 || (guchar) body[i + 2] == 0xA5))
        stop = i + 3; /* । and ॥ */

      if (stop > 0 || c == '\n')
        {
          push_bounds (bounds, body, start, stop);
          start = c == '\n' ? i + 1 : stop;
          i = MAX (i + 1, stop);
          continue;
        }
      i++;
    }
  push_bounds (bounds, body, start, len);
  return (bounds->len - before) / 2;
}

/* ---- tokens ------------------------------------------------------------- */

static const char *const number_words[] = {
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
  "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
  "eighty", "ninety", "hundred", "dozen", NULL
};

static const char *const clause_breaks[] = { "while", "whereas", "but", "meanwhile", NULL };

/* Words that put a clause in the past or make it a projection (see
 * unreal() in psephos-extract-rules.c). */
static const char *const unreal_words[] = {
  "had", "predicted", "predicts", "predict", "projected", "projects", "projection", "projections",
  "forecast", "forecasts", "survey", "surveys", "expected", "likely", "would", "could", "might",
  "previous", "exit", "pollsters", "hopes", "hoping", "target", "aims", NULL
};

enum
{
  WORD_BREAK = 1,
  WORD_NUMBER = 2,
  WORD_UNREAL = 3,
  WORD_CUE = 4,
};

/* Word → WORD_* class, built once: one lookup per word while tokenising. */
static GHashTable *
word_classes (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (const char *const *w = clause_breaks; *w != NULL; w++)
        g_hash_table_replace (t, (char *) *w, GINT_TO_POINTER (WORD_BREAK));
      for (const char *const *w = number_words; *w != NULL; w++)
        g_hash_table_replace (t, (char *) *w, GINT_TO_POINTER (WORD_NUMBER));
      for (const char *const *w = unreal_words; *w != NULL; w++)
        g_hash_table_replace (t, (char *) *w, GINT_TO_POINTER (WORD_UNREAL));
      for (const char *const *w = _psephos_extract_cue_words; *w != NULL; w++)
        g_hash_table_replace (t, (char *) *w, GINT_TO_POINTER (WORD_CUE));
      g_once_init_leave (&table, t);
    }
  return table;
}

static gboolean
is_word_char (gunichar u)
{
  if (u < 0x80)
    return g_ascii_isalnum (u);
  if (u == 0x0964 || u == 0x0965) /* danda */
    return FALSE;
  return g_unichar_isalpha (u) || g_unichar_ismark (u) || g_unichar_isdigit (u);
}

/* An apostrophe (' or ’) at @p: its length in bytes, else 0. */
static gsize
apostrophe_len (const char *p, const char *end)
{
  if (p < end && *p == '\'')
    return 1;
  if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x99)
    return 3;
  return 0;
}

static void
fill_word (Token *t, const char *body)
{
  gsize n = t->end - t->start;
  gboolean all_upper = TRUE;
  int letters = 0;

  if (n >= TOK_LOWER_MAX)
    n = TOK_LOWER_MAX - 1;
  for (gsize i = 0; i < n; i++)
    {
      char c = body[t->start + i];

      if (g_ascii_isalpha (c))
        {
          letters++;
          if (g_ascii_islower (c))
            all_upper = FALSE;
        }
      t->lower[i] = LOWER (c);
    }
  t->lower[n] = '\0';
  if (g_ascii_isupper (body[t->start]))
    t->flags |= TOKF_CAP;
  if (all_upper && letters >= 2)
    t->flags |= TOKF_ALLCAPS;
  if ((guchar) body[t->start] >= 0xE0 && (guchar) body[t->start] == 0xE0
      && ((guchar) body[t->start + 1] == 0xA4 || (guchar) body[t->start + 1] == 0xA5))
    t->flags |= TOKF_DEVANAGARI;
}

/* Splits body[s_start, s_end) into ctx->tokens. */
static void
tokenise (Ctx *ctx)
{
  const char *body = ctx->body;
  const char *end = body + ctx->s_end;
  gsize i = ctx->s_start;
  GHashTable *classes = word_classes ();

  g_array_set_size (ctx->tokens, 0);
  while (body + i < end)
    {
      const char *p = body + i;
      gunichar u = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      gsize ulen = (guchar) *p < 0x80 ? 1 : (gsize) (g_utf8_next_char (p) - p);
      Token t;

      t.flags = 0;
      t.lower[0] = '\0';
      t.num.flags = 0;
      t.mention = -1;
      if (u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == 0xA0)
        {
          i += ulen;
          continue;
        }
      t.start = i;
      if (g_ascii_isdigit (u) || (u >= 0x0966 && u <= 0x096F))
        {
          if (psephos_number_parse_at (body, ctx->s_end, i, &t.num) && t.num.end > i)
            {
              t.kind = TOK_NUMBER;
              t.end = t.poss_end = t.num.end;
              g_strlcpy (t.lower, "#", sizeof t.lower);
              g_array_append_val (ctx->tokens, t);
              i = t.num.end;
              continue;
            }
        }
      if (is_word_char (u))
        {
          gsize j = i;
          gsize apo;

          while (body + j < end)
            {
              const char *q = body + j;
              gunichar v;

              if ((guchar) *q < 0x80)
                {
                  if (!g_ascii_isalnum (*q))
                    break;
                  j++;
                  continue;
                }
              v = g_utf8_get_char (q);
              if (!is_word_char (v))
                break;
              j += g_utf8_next_char (q) - q;
            }
          t.kind = TOK_WORD;
          t.end = t.poss_end = j;
          fill_word (&t, body);
          apo = apostrophe_len (body + j, end);
          if (apo > 0)
            {
              const char *q = body + j + apo;

              if (q < end && (*q == 's' || *q == 'S') && (q + 1 >= end || !g_ascii_isalnum (q[1])))
                {
                  t.flags |= TOKF_POSSESSIVE;
                  t.poss_end = j + apo + 1;
                }
              else if (body[j - 1] == 's' && (q >= end || !g_ascii_isalnum (*q)))
                {
                  t.flags |= TOKF_POSSESSIVE; /* "Congress’ resurgence" */
                  t.poss_end = j + apo;
                }
            }
          if (t.end - t.start == 1 && (t.flags & TOKF_CAP) && body + j < end && body[j] == '.')
            {
              t.flags |= TOKF_INITIAL;
              t.poss_end = j + 1;
            }
          {
            int cls = GPOINTER_TO_INT (g_hash_table_lookup (classes, t.lower));

            if (cls == WORD_NUMBER && !(t.flags & TOKF_CAP)
                && psephos_number_parse_at (body, ctx->s_end, i, &t.num) && t.num.end > i)
              {
                t.kind = TOK_NUMBER;
                t.end = t.poss_end = t.num.end;
              }
            if (cls == WORD_BREAK)
              t.flags |= TOKF_BREAK;
            else if (cls == WORD_UNREAL)
              t.flags |= TOKF_UNREAL;
            else if (cls == WORD_CUE)
              t.flags |= TOKF_CUE;
          }
          g_array_append_val (ctx->tokens, t);
          i = t.poss_end;
          continue;
        }
      /* punctuation: one character */
      t.kind = TOK_PUNCT;
      t.end = t.poss_end = i + ulen;
      if (ulen < TOK_LOWER_MAX)
        {
          memcpy (t.lower, p, ulen);
          t.lower[ulen] = '\0';
        }
      /* curly quotes and dashes read as their ASCII forms */
      if (u == 0x201C || u == 0x201D)
        g_strlcpy (t.lower, "\"", sizeof t.lower);
      else if (u == 0x2018 || u == 0x2019)
        g_strlcpy (t.lower, "'", sizeof t.lower);
      else if (u == 0x2013 || u == 0x2014)
        g_strlcpy (t.lower, "-", sizeof t.lower);
      else if (u == ';')
        t.flags |= TOKF_BREAK;
      g_array_append_val (ctx->tokens, t);
      i += ulen;
    }
}

/* ---- facts -------------------------------------------------------------- */

static void
fact_free (gpointer data)
{
  PsephosExtractedFact *f = data;

  g_free (f->subject);
  g_free (f->name_as_written);
  g_free (f->party);
  g_free (f->seat);
  g_free (f->state);
  g_free (f->text);
  g_free (f->as_of);
  g_free (f->quote);
  g_free (f);
}

static void
person_free (gpointer data)
{
  PsephosExtractedPerson *p = data;

  g_free (p->name);
  g_ptr_array_unref (p->spellings);
  g_free (p->party);
  g_free (p->seat);
  g_free (p->state);
  g_free (p);
}

void
psephos_extraction_free (PsephosExtraction *x)
{
  if (x == NULL)
    return;
  g_ptr_array_unref (x->facts);
  g_ptr_array_unref (x->people);
  g_free (x->state);
  g_free (x);
}

PsephosExtractedFact *
_psephos_extract_add_fact (Ctx *ctx,
                           const Mention *subject,
                           const char *attribute,
                           gsize start,
                           gsize end)
{
  PsephosExtractedFact *f = g_new0 (PsephosExtractedFact, 1);

  f->person = -1;
  f->attribute = attribute;
  f->start = start;
  f->end = end;
  f->election = ctx->x->election;
  f->year = ctx->x->year;
  if (subject == NULL)
    f->kind = PSEPHOS_EXTRACT_ELECTION;
  else
    {
      f->name_as_written = g_strndup (ctx->body + subject->start, subject->end - subject->start);
      switch (subject->kind)
        {
          case M_PERSON:
            f->kind = PSEPHOS_EXTRACT_CANDIDATE;
            f->person = subject->person;
            break;
          case M_PARTY:
            f->kind = PSEPHOS_EXTRACT_PARTY;
            f->subject = g_strdup (subject->abbr);
            break;
          case M_ALLIANCE:
            f->kind = PSEPHOS_EXTRACT_ALLIANCE;
            f->subject = g_strdup (subject->abbr);
            break;
          case M_SEAT:
            f->kind = PSEPHOS_EXTRACT_SEAT;
            f->subject = g_strdup (subject->abbr);
            f->seat = g_strdup (subject->abbr);
            break;
          case M_STATE:
          default:
            f->kind = PSEPHOS_EXTRACT_ELECTION;
            break;
        }
    }
  /* a tally or an election figure of a state's assembly election: the state
   * the paragraph is about ("In Jharkhand, the JMM won 34 seats") */
  if (f->election == PSEPHOS_EXTRACT_ELECTION_ASSEMBLY && ctx->paragraph_state != NULL
      && (f->kind == PSEPHOS_EXTRACT_PARTY || f->kind == PSEPHOS_EXTRACT_ALLIANCE || f->kind == PSEPHOS_EXTRACT_ELECTION))
    f->state = g_strdup (ctx->paragraph_state);
  g_ptr_array_add (ctx->x->facts, f);
  return f;
}

static gboolean
same_fact (const PsephosExtractedFact *a, const PsephosExtractedFact *b)
{
  return a->kind == b->kind && a->start == b->start && a->end == b->end
         && a->person == b->person && g_strcmp0 (a->subject, b->subject) == 0
         && strcmp (a->attribute, b->attribute) == 0 && a->has_number == b->has_number
         && (!a->has_number || a->number == b->number) && g_strcmp0 (a->text, b->text) == 0
         && g_strcmp0 (a->seat, b->seat) == 0;
}

static int
compare_offsets (gconstpointer a, gconstpointer b)
{
  gsize x = **(gsize *const *) a, y = **(gsize *const *) b;

  return x < y ? -1 : x > y;
}

/* Fills in what later sentences taught about each person, drops repeats,
 * and turns byte offsets into code points. */
static void
finish (Ctx *ctx)
{
  PsephosExtraction *x = ctx->x;
  g_autoptr (GPtrArray) offsets = g_ptr_array_new ();
  gsize byte = 0, cp = 0;

  /* a report about one seat: its candidates stand there */
  if (g_hash_table_size (ctx->seats) == 1)
    {
      GHashTableIter iter;
      gpointer seat;

      g_hash_table_iter_init (&iter, ctx->seats);
      g_hash_table_iter_next (&iter, NULL, &seat);
      for (guint i = 0; i < x->people->len; i++)
        {
          PsephosExtractedPerson *p = g_ptr_array_index (x->people, i);

          if (p->is_candidate && p->seat == NULL)
            {
              p->seat = g_strdup (seat);
              p->state = g_strdup (_psephos_extract_state_of_seat (ctx, seat));
            }
        }
    }
  for (guint i = 0; i < x->facts->len; i++)
    {
      PsephosExtractedFact *f = g_ptr_array_index (x->facts, i);

      if (f->person >= 0)
        {
          PsephosExtractedPerson *p = g_ptr_array_index (x->people, f->person);

          g_free (f->subject);
          f->subject = g_strdup (p->name);
          if (f->seat == NULL)
            f->seat = g_strdup (p->seat);
          if (f->state == NULL)
            f->state = g_strdup (p->state);
          if (f->party == NULL)
            f->party = g_strdup (p->party);
        }
      if (f->seat != NULL && f->state == NULL)
        f->state = g_strdup (_psephos_extract_state_of_seat (ctx, f->seat));
      if (f->state == NULL && f->election == PSEPHOS_EXTRACT_ELECTION_ASSEMBLY)
        f->state = g_strdup (x->state);
      if (f->kind == PSEPHOS_EXTRACT_PARTY && f->party == NULL)
        f->party = g_strdup (f->subject);
      f->quote = g_strndup (ctx->body + f->start, f->end - f->start);
    }
  /* a party said of someone who is not a candidate here ("Congress MLA
   * Kamlesh Shah's defection") is not a fact about this election */
  for (guint i = 0; i < x->facts->len;)
    {
      PsephosExtractedFact *f = g_ptr_array_index (x->facts, i);

      if (f->person >= 0 && (strcmp (f->attribute, "party") == 0 || strcmp (f->attribute, "alliance") == 0)
          && !((PsephosExtractedPerson *) g_ptr_array_index (x->people, f->person))->is_candidate)
        g_ptr_array_remove_index (x->facts, i);
      else
        i++;
    }
  for (guint i = 1; i < x->facts->len;)
    {
      gboolean repeat = FALSE;

      for (guint j = i; j-- > 0 && !repeat;)
        {
          PsephosExtractedFact *a = g_ptr_array_index (x->facts, j);
          PsephosExtractedFact *b = g_ptr_array_index (x->facts, i);

          if (a->start + 2000 < b->start)
            break;
          repeat = same_fact (a, b);
        }
      if (repeat)
        g_ptr_array_remove_index (x->facts, i);
      else
        i++;
    }

  for (guint i = 0; i < x->facts->len; i++)
    {
      PsephosExtractedFact *f = g_ptr_array_index (x->facts, i);

      g_ptr_array_add (offsets, &f->start);
      g_ptr_array_add (offsets, &f->end);
    }
  g_ptr_array_sort (offsets, compare_offsets);
  for (guint i = 0; i < offsets->len; i++)
    {
      gsize *o = g_ptr_array_index (offsets, i);
      gsize target = *o;

      /* offsets fall on character boundaries: count the bytes that start one */
      for (; byte < target && byte < ctx->len; byte++)
        cp += ((guchar) ctx->body[byte] & 0xC0) != 0x80;
      *o = cp;
    }
}

/* ---- the article's election --------------------------------------------- */

/* @needle in @hay[0, n) (both lower case). */
static gboolean
contains_ci (const char *hay, gsize n, const char *needle)
{
  return g_strstr_len (hay, n, needle) != NULL;
}

static const char *const bypoll_words[] = {
  "bypoll", "by-poll", "bye-poll", "by-election", "bye-election", "byelection", "by election",
  "bye election", "byepoll", "उपचुनाव", "उप-चुनाव", NULL
};

static int election_year (const char *body, gsize len);

/* Reads the kind of election from the opening of the article: a report that
 * says "bypoll" early is about bypolls; "assembly" / विधानसभा an assembly
 * election; "Lok Sabha" / लोकसभा alone the general election. */
static void
detect_election (PsephosExtraction *x, const char *body, gsize len)
{
  static const char *const assembly_words[] = { "assembly", "vidhan sabha", "विधानसभा", "विधान सभा", NULL };
  static const char *const lok_sabha_words[] = { "lok sabha", "general election", "लोकसभा", "लोक सभा", NULL };
  gsize n = MIN (len, 800);
  gboolean bypoll = FALSE, assembly = FALSE, lok_sabha = FALSE;
  g_autofree char *opening = NULL;

  while (n < len && ((guchar) body[n] & 0xC0) == 0x80)
    n++;
  opening = g_strndup (body, n);
  for (gsize i = 0; i < n; i++)
    opening[i] = LOWER (opening[i]);
  /* one pass over the starts of words */
  for (gsize i = 0; i < n && !bypoll; i++)
    {
      const char *p = opening + i;

      if (i > 0 && (g_ascii_isalnum (p[-1]) || (guchar) p[-1] >= 0x80))
        continue;
      if (*p == 'b' || (guchar) *p == 0xE0)
        for (const char *const *w = bypoll_words; *w != NULL && !bypoll; w++)
          bypoll = (*w)[0] == *p && strncmp (p, *w, strlen (*w)) == 0;
      for (const char *const *w = assembly_words; *w != NULL && !assembly; w++)
        assembly = (*w)[0] == *p && strncmp (p, *w, strlen (*w)) == 0;
      for (const char *const *w = lok_sabha_words; *w != NULL && !lok_sabha; w++)
        lok_sabha = (*w)[0] == *p && strncmp (p, *w, strlen (*w)) == 0;
    }
  if (bypoll)
    x->election = PSEPHOS_EXTRACT_ELECTION_BYPOLL;
  else if (assembly)
    x->election = PSEPHOS_EXTRACT_ELECTION_ASSEMBLY;
  else if (lok_sabha)
    x->election = PSEPHOS_EXTRACT_ELECTION_GENERAL;
  if (x->year == 0)
    x->year = election_year (opening, n);
}

/* A year the text gives its election: "2024 Assembly elections", "Lok
 * Sabha 2024", "bypolls 2024" — a year next to an election word, not any
 * year ("the 2012 delimitation"). 0 when there is none. */
static int
election_year (const char *body, gsize len)
{
  static const char *const near[] = {
    "election", "poll", "assembly", "lok sabha", "bypoll", "by-election", "vidhan sabha", "result",
    "चुनाव", "विधानसभा", "लोकसभा", NULL
  };
  gsize n = MIN (len, 4000);

  for (gsize i = 0; i + 4 <= n; i++)
    {
      const char *p = body + i;
      int y = 0, k, nb = 0;

      if (i > 0 && g_ascii_isalnum (body[i - 1]))
        continue;
      /* four digits, ASCII or Devanagari (२०२४) */
      for (k = 0; k < 4; k++)
        {
          int d = _psephos_number_digit_at (p, body + len, &nb);

          if (d < 0)
            break;
          y = y * 10 + d;
          p += nb;
        }
      if (k < 4 || (p < body + len && (g_ascii_isalnum (*p) || _psephos_number_digit_at (p, body + len, &nb) >= 0)))
        continue;
      if (y < 1951 || y > 2100)
        continue;
      for (const char *const *w = near; *w != NULL; w++)
        {
          gsize a = i > 40 ? i - 40 : 0;
          gsize b = MIN (len, (gsize) (p - body) + 40);

          if (contains_ci (body + a, b - a, *w))
            return y;
        }
    }
  return 0;
}

/* ---- the driver ---------------------------------------------------------- */

static gboolean
sentence_has_devanagari (Ctx *ctx)
{
  for (guint i = 0; i < ctx->tokens->len; i++)
    if (g_array_index (ctx->tokens, Token, i).flags & TOKF_DEVANAGARI)
      return TRUE;
  return FALSE;
}

PsephosExtraction *
psephos_extract (const char *body, gsize len, const PsephosExtractOptions *options)
{
  static const PsephosExtractOptions no_options = { 0 };
  g_autoptr (GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  PsephosExtraction *x;
  Ctx ctx = { 0 };
  gsize prev_end = 0;
  gboolean quoted = FALSE;

  g_return_val_if_fail (body != NULL || len == 0, NULL);

  if (options == NULL)
    options = &no_options;
  x = g_new0 (PsephosExtraction, 1);
  x->facts = g_ptr_array_new_with_free_func (fact_free);
  x->people = g_ptr_array_new_with_free_func (person_free);
  if (options->published_on != NULL && strlen (options->published_on) >= 7)
    {
      x->year = (int) g_ascii_strtoll (options->published_on, NULL, 10);
      x->month = (int) g_ascii_strtoll (options->published_on + 5, NULL, 10);
      if (x->year < 1951 || x->year > 2100 || x->month < 1 || x->month > 12)
        x->year = x->month = 0;
    }
  detect_election (x, body, len);

  ctx.x = x;
  ctx.options = options;
  ctx.body = body;
  ctx.len = len;
  ctx.tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), 64);
  ctx.mentions = g_array_sized_new (FALSE, FALSE, sizeof (Mention), 16);
  ctx.strings = g_string_chunk_new (4096);
  ctx.party_cache = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.seats = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.seat_state = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.person_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.person_seen = g_array_new (FALSE, TRUE, sizeof (int));
  ctx.person_name_keys = g_ptr_array_new_with_free_func (g_free);
  ctx.last_person = -1;
  ctx.last_winner = -1;

  psephos_extract_split_sentences (body, len, bounds);
  for (guint i = 0; i + 1 < bounds->len; i += 2)
    {
      ctx.s_start = g_array_index (bounds, gsize, i);
      ctx.s_end = g_array_index (bounds, gsize, i + 1);
      if (memchr (body + prev_end, '\n', ctx.s_start - prev_end) != NULL || i == 0)
        {
          ctx.paragraph_start = TRUE;
          ctx.paragraph_seat = NULL;
          ctx.paragraph_state = NULL;
          g_clear_pointer (&ctx.as_of, g_free);
          quoted = FALSE;
        }
      else
        ctx.paragraph_start = FALSE;
      prev_end = ctx.s_end;

      tokenise (&ctx);
      /* reported speech: a sentence that opens a quotation, until it closes */
      {
        guint n_quotes = 0;

        for (guint t = 0; t < ctx.tokens->len; t++)
          if (strcmp (g_array_index (ctx.tokens, Token, t).lower, "\"") == 0)
            n_quotes++;
        ctx.s_quoted = quoted || (ctx.tokens->len > 0 && n_quotes > 0 && strcmp (g_array_index (ctx.tokens, Token, 0).lower, "\"") == 0);
        if (n_quotes % 2 == 1)
          quoted = !quoted;
      }
      _psephos_extract_find_mentions (&ctx);
      _psephos_extract_rules_english (&ctx);
      if (sentence_has_devanagari (&ctx))
        _psephos_extract_rules_hindi (&ctx);
    }

  finish (&ctx);

  g_free (ctx.as_of);
  g_array_unref (ctx.tokens);
  g_array_unref (ctx.mentions);
  g_hash_table_unref (ctx.party_cache);
  g_hash_table_unref (ctx.seats);
  g_hash_table_unref (ctx.seat_state);
  g_hash_table_unref (ctx.person_keys);
  g_array_unref (ctx.person_seen);
  g_ptr_array_unref (ctx.person_name_keys);
  g_string_chunk_free (ctx.strings);
  return x;
}
