/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-coref.c — mentions in a sentence: people, parties, alliances,
 * states and seats, and what they refer to across the article ("Ms Thakur",
 * "Mr Singh", "she", "the party", a surname alone → the person or party
 * already named). Also the party (and alliance) each named candidate stands
 * for: "BJP's Hoshiyar Singh", "AAP candidate Mohinder Bhagat", "the DMK's
 * candidate Anniyur Siva", "Hemant Soren (JMM)".
 */
#include "config.h"

#include <string.h>

#include "psephos-extract-private.h"

/* Capitalised words that are never part of a person's name. */
static const char *const not_name_words[] = {
  "the", "a", "an", "in", "on", "of", "at", "by", "for", "from", "to", "with", "and", "or",
  "but", "as", "if", "so", "chief", "minister", "ministers", "deputy", "prime", "cm", "pm",
  "mla", "mlas", "mp", "mps", "president", "speaker", "governor", "assembly", "vidhan",
  "sabha", "lok", "rajya", "parliament", "parliamentary", "election", "elections",
  "commission", "bypoll", "bypolls", "poll", "polls", "result", "results", "constituency",
  "constituencies", "seat", "seats", "district", "party", "parties", "congress", "bloc",
  "alliance", "front", "government", "state", "states", "city", "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december", "monday", "tuesday",
  "wednesday", "thursday", "friday", "saturday", "sunday", "however", "meanwhile",
  "earlier", "former", "later", "now", "here", "there", "this", "that", "these", "those",
  "after", "before", "while", "his", "her", "he", "she", "it", "its", "they", "their",
  "our", "we", "i", "you", "news", "live", "updates", "update", "track", "video", "day",
  "today", "india", "indian", "counting", "round", "rounds", "phase", "voting", "votes",
  "vote", "turnout", "highlights", "key", "ec", "eci", "independent", "independents",
  "candidate", "candidates", "leader", "leaders", "mr", "mrs", "ms", "dr", "shri", "smt",
  "sri", "kumari", "also", "what", "who", "when", "where", "why", "how", "union", "national",
  "general", "secretary", "high", "supreme", "court", "bjp", "nda", "upa", "aap", "read",
  "also", "watch", "breaking", "latest", "bypoll", "photo", "photos", "file", "image",
  "representative", "opposition", "ruling", "lead", "leads", "leading", "trailing", "win",
  "wins", "won", "victory", "defeat", "margin", "majority", "mark", "house", "member",
  "members", "hindu", "muslim", "dalit", "sikh", "christian", "tribal", "ward", "municipal",
  "corporation", "council", "panchayat", "committee", "office", "department", "board",
  "university", "college", "school", "police", "army", "bank", "group", "company", "ltd",
  "limited", "inc", "corp", "pvt", "ministry", "cabinet", "vs", "v", "amid", "despite",
  "after", "over", "under", "into", "across", "since", "until", "till", "are", "is", "was",
  "were", "will", "has", "have", "had", "not", "no", "yes", "all", "both", "each", "every",
  "other", "others", "some", "many", "more", "most", "several", "first", "second", "third",
  "final", "exit", "opinion", "survey", "pollster", "pollsters", "data", "report", "reports",
  "by", "votes", "seats", "bypolls", "lakh", "crore", "margin", "vs", "versus", "against", NULL
};

/* Titles before a name. */
static const char *const titles[] = {
  "mr", "mrs", "ms", "dr", "shri", "smt", "sri", "kumari", "sushri", "shrimati", "adv", NULL
};

/* Words after a name that make it a seat. */
static const char *const seat_nouns[] = {
  "seat", "constituency", "segment", "bypoll", "by-election", "byelection", "bye-election",
  "by-poll", "byepoll", NULL
};

/* Words in a run of capitalised words that may join a party's name. */
static const char *const party_connectors[] = {
  "of", "and", "&", "(", ")", "-", NULL
};

/* Words before "in X" / "from X" that make X a seat. */
static const char *const seat_result_cues[] = {
  "won", "win", "wins", "winning", "victory", "lead", "leading", "leads", "trailing",
  "trails", "ahead", "behind", "triumphed", "elected", "retained", "retains", "defeated",
  "lost", "losing", "victorious", "clinched", "clinches", "bagged", "contesting",
  "contested", "contest", "candidate", "nominee", "bypoll", "seat", "votes", "margin", "runner", "up", NULL
};

static gboolean
is_cap_word (const Token *t)
{
  return t != NULL && t->kind == TOK_WORD && (t->flags & (TOKF_CAP | TOKF_INITIAL));
}

static void
add_mention (Ctx *ctx, Mention *m)
{
  int idx = (int) ctx->mentions->len;

  m->start = _psephos_tok (ctx, m->t0)->start;
  m->end = _psephos_tok (ctx, m->t1 - 1)->end;
  m->possessive = (_psephos_tok (ctx, m->t1 - 1)->flags & TOKF_POSSESSIVE) != 0;
  g_array_append_val (ctx->mentions, *m);
  for (int i = m->t0; i < m->t1; i++)
    _psephos_tok (ctx, i)->mention = idx;
}

/* The text of tokens [t0, t1), as written. */
static const char *
span_text (Ctx *ctx, int t0, int t1, char *buf, gsize size)
{
  gsize s = _psephos_tok (ctx, t0)->start;
  gsize e = _psephos_tok (ctx, t1 - 1)->end;
  gsize n = MIN (e - s, size - 1);

  memcpy (buf, ctx->body + s, n);
  buf[n] = '\0';
  return buf;
}

/* ---- people ---------------------------------------------------------------- */

static char *
name_key (const char *written)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = written; *p; p++)
    {
      if (*p == '.' || *p == ',')
        space = TRUE;
      else if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, g_ascii_tolower (*p));
        }
    }
  return g_string_free (s, FALSE);
}

static void
person_seen (Ctx *ctx, int person)
{
  g_array_index (ctx->person_seen, int, person) = ctx->sentence_no;
}

static int
find_or_add_person (Ctx *ctx, const char *written)
{
  g_autofree char *key = name_key (written);
  gpointer found = g_hash_table_lookup (ctx->person_keys, key);
  PsephosExtractedPerson *p;
  int idx;

  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;
  p = g_new0 (PsephosExtractedPerson, 1);
  p->name = g_strdup (written);
  p->spellings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (p->spellings, g_strdup (written));
  idx = (int) ctx->x->people->len;
  g_ptr_array_add (ctx->x->people, p);
  g_array_set_size (ctx->person_seen, ctx->x->people->len);
  g_hash_table_insert (ctx->person_keys, g_steal_pointer (&key), GINT_TO_POINTER (idx + 1));
  return idx;
}

/* The person a single name ("Thakur", "Kalpana") refers to: the most
 * recently named person with that surname or first name. */
static int
find_by_part (Ctx *ctx, const char *word_lower)
{
  int best = -1, best_seen = -1;

  /* each person's name key, computed once */
  while (ctx->person_name_keys->len < ctx->x->people->len)
    {
      PsephosExtractedPerson *p = g_ptr_array_index (ctx->x->people, ctx->person_name_keys->len);

      g_ptr_array_add (ctx->person_name_keys, name_key (p->name));
    }
  for (guint i = 0; i < ctx->x->people->len; i++)
    {
      const char *key = g_ptr_array_index (ctx->person_name_keys, i);
      const char *last = strrchr (key, ' ');
      gsize first_len = strcspn (key, " ");
      int seen = g_array_index (ctx->person_seen, int, i);

      if (last == NULL)
        last = key;
      else
        last++;
      if ((strcmp (last, word_lower) == 0
           || (strlen (word_lower) == first_len && strncmp (key, word_lower, first_len) == 0))
          && seen >= best_seen)
        {
          best = (int) i;
          best_seen = seen;
        }
    }
  return best;
}

static gboolean
is_title (Ctx *ctx, int i)
{
  Token *t = _psephos_tok (ctx, i);

  if (t != NULL && _psephos_tok_is (t, "."))
    t = _psephos_tok (ctx, i - 1);
  return _psephos_tok_in (t, titles);
}

static gboolean
looks_like_verb (const Token *t)
{
  gsize n = strlen (t->lower);

  return (n > 4 && g_str_has_suffix (t->lower, "ing")) || (n > 4 && g_str_has_suffix (t->lower, "ed"))
         || (n > 4 && g_str_has_suffix (t->lower, "ly"));
}

/* ---- seats ------------------------------------------------------------------ */

void
_psephos_extract_note_seat (Ctx *ctx, const char *seat, const char *state)
{
  g_autofree char *key = name_key (seat);
  const char *interned = _psephos_extract_intern (ctx, seat, -1);

  if (!g_hash_table_contains (ctx->seats, key))
    g_hash_table_insert (ctx->seats, (char *) _psephos_extract_intern (ctx, key, -1), (char *) interned);
  if (state != NULL && !g_hash_table_contains (ctx->seat_state, interned))
    g_hash_table_insert (ctx->seat_state, (char *) interned,
                         (char *) _psephos_extract_intern (ctx, state, -1));
}

const char *
_psephos_extract_state_of_seat (Ctx *ctx, const char *seat)
{
  return seat ? g_hash_table_lookup (ctx->seat_state, seat) : NULL;
}

/* Is the run [a, b) of capitalised words a seat's name? */
static gboolean
run_is_seat (Ctx *ctx, int a, int b, const char *text)
{
  Token *prev = _psephos_tok (ctx, a - 1);
  Mention *pm = prev && prev->mention >= 0 ? _psephos_mention (ctx, prev->mention) : NULL;
  g_autofree char *key = NULL;
  int j = b;

  /* "Punjab's Jalandhar West" */
  if (pm != NULL && pm->kind == M_STATE && pm->possessive)
    return TRUE;
  /* "the Dehra assembly seat", "Barhait constituency", "the Raiganj bypoll" */
  if (prev == NULL || prev->kind != TOK_NUMBER)
    {
      while (j < _psephos_n_tokens (ctx) && j < b + 5)
        {
          Token *t = _psephos_tok (ctx, j);
          static const char *const skip[] = { "assembly", "vidhan", "lok", "sabha", "parliamentary", "(", ")", "sc", "st", "-", NULL };

          if (_psephos_tok_in (t, seat_nouns))
            {
              /* "by-election": by - election */
              return TRUE;
            }
          if (_psephos_tok_is (t, "by") || _psephos_tok_is (t, "bye"))
            {
              Token *u = _psephos_tok (ctx, j + 2);

              if (_psephos_tok_is (_psephos_tok (ctx, j + 1), "-")
                  && (_psephos_tok_is (u, "election") || _psephos_tok_is (u, "poll")))
                return TRUE;
              break;
            }
          if (!_psephos_tok_in (t, skip))
            break;
          j++;
        }
    }
  key = name_key (text);
  if (g_hash_table_contains (ctx->seats, key))
    return TRUE;
  /* "Hemant Soren wins Barhait", "BJP retains Hamirpur" */
  if (_psephos_tok_in (prev, (const char *const[]){ "wins", "won", "retains", "retained", "bags", "bagged",
                                                    "clinches", "clinched", "wrests", "wrested", "sweeps", NULL }))
    return TRUE;
  /* "In Amethi, Kishori Lal Sharma is ahead …" */
  if (a >= 1 && _psephos_tok_is (_psephos_tok (ctx, a - 1), "in") && _psephos_tok_is (_psephos_tok (ctx, b), ",")
      && (a == 1 || _psephos_tok_in (_psephos_tok (ctx, a - 2), (const char *const[]){ ":", ",", "-", NULL })))
    return TRUE;
  /* "won from Barhait", "leading in Nalagarh", "a lead in Hamirpur" */
  {
    int k = a - 1;

    if (_psephos_tok_is (_psephos_tok (ctx, k), "the"))
      k--;
    if (_psephos_tok_is (_psephos_tok (ctx, k), "in") || _psephos_tok_is (_psephos_tok (ctx, k), "from"))
      {
        for (int c = k - 1; c >= 0 && c >= k - 3; c--)
          if (_psephos_tok_in (_psephos_tok (ctx, c), seat_result_cues))
            return TRUE;
      }
  }
  return FALSE;
}

static void
add_seat_mention (Ctx *ctx, int a, int b, const char *text)
{
  Token *prev = _psephos_tok (ctx, a - 1);
  Mention *pm = prev && prev->mention >= 0 ? _psephos_mention (ctx, prev->mention) : NULL;
  const char *state = NULL;
  Mention m = { 0 };

  if (pm != NULL && pm->kind == M_STATE)
    state = pm->abbr;
  else
    {
      state = _psephos_extract_state_of_seat (ctx, g_hash_table_lookup (ctx->seats, text));
      /* a state named in the same sentence, or the state of a seat named in
       * it, else the last state named */
      for (guint i = 0; state == NULL && i < ctx->mentions->len; i++)
        if (_psephos_mention (ctx, i)->kind == M_STATE)
          state = _psephos_mention (ctx, i)->abbr;
      for (guint i = 0; state == NULL && i < ctx->mentions->len; i++)
        if (_psephos_mention (ctx, i)->kind == M_SEAT)
          state = _psephos_extract_state_of_seat (ctx, _psephos_mention (ctx, i)->abbr);
      if (state == NULL)
        state = ctx->last_state;
    }
  m.kind = M_SEAT;
  m.t0 = a;
  m.t1 = b;
  m.person = -1;
  {
    g_autofree char *key = name_key (text);
    const char *known = g_hash_table_lookup (ctx->seats, key);

    m.abbr = known ? known : _psephos_extract_intern (ctx, text, -1);
  }
  _psephos_extract_note_seat (ctx, m.abbr, state);
  add_mention (ctx, &m);
  ctx->last_seat = m.abbr;
  ctx->paragraph_seat = m.abbr;
}

/* Classifies the run [a, b) of capitalised non-party, non-state words. */
static void
classify_run (Ctx *ctx, int a, int b)
{
  char text[256];
  Mention m = { 0 };

  if (a == 0 && b - a > 1 && looks_like_verb (_psephos_tok (ctx, a)))
    a++;
  if (b - a > 4)
    return;
  span_text (ctx, a, b, text, sizeof text);
  if (run_is_seat (ctx, a, b, text))
    {
      add_seat_mention (ctx, a, b, text);
      return;
    }
  m.kind = M_PERSON;
  m.t0 = a;
  m.t1 = b;
  if (b - a >= 2)
    m.person = find_or_add_person (ctx, text);
  else
    {
      m.person = find_by_part (ctx, _psephos_tok (ctx, a)->lower);
      if (m.person < 0 && is_title (ctx, a - 1))
        m.person = find_or_add_person (ctx, text);
      if (m.person < 0)
        return;
    }
  person_seen (ctx, m.person);
  add_mention (ctx, &m);
}

/* ---- the sentence's mentions ------------------------------------------------ */

static gboolean
is_name_word (const Token *t)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    {
      GHashTable *s = g_hash_table_new (g_str_hash, g_str_equal);

      for (const char *const *w = not_name_words; *w != NULL; w++)
        if (!g_hash_table_contains (s, *w))
          g_hash_table_add (s, (char *) *w);
      /* Title Case headlines: "Kamlesh Thakur Wins Dehra Bypoll By 9,399 Votes" */
      for (const char *const *w = _psephos_extract_cue_words; *w != NULL; w++)
        if (!g_hash_table_contains (s, *w))
          g_hash_table_add (s, (char *) *w);
      g_once_init_leave (&set, s);
    }
  return is_cap_word (t) && !(t->flags & TOKF_ALLCAPS) && !g_hash_table_contains (set, t->lower);
}

/* Tries a party, then a state, at token @k of a capitalised run ending at
 * @r. Returns the tokens used, 0 for none. */
static int
party_or_state_at (Ctx *ctx, int k, int r)
{
  char text[256];
  Mention m = { 0 };

  m.person = -1;
  if (ctx->options->resolve_party == NULL && !_psephos_extract_may_start_name (_psephos_tok (ctx, k)))
    return 0;
  for (int n = MIN (6, r - k); n >= 1; n--)
    {
      Token *last = _psephos_tok (ctx, k + n - 1);
      const char *abbr;

      if (!is_cap_word (last) && !_psephos_tok_is (last, ")"))
        continue;
      /* "(JMM)": a closing bracket only with its opening one */
      if (_psephos_tok_is (last, ")"))
        {
          gboolean open = FALSE;

          for (int j = k; j < k + n - 1; j++)
            open |= _psephos_tok_is (_psephos_tok (ctx, j), "(");
          if (!open)
            continue;
        }
      /* a possessive ends a name */
      {
        gboolean inner_possessive = FALSE;

        for (int j = k; j < k + n - 1; j++)
          if (_psephos_tok (ctx, j)->flags & TOKF_POSSESSIVE)
            inner_possessive = TRUE;
        if (inner_possessive)
          continue;
      }
      span_text (ctx, k, k + n, text, sizeof text);
      if ((abbr = _psephos_extract_resolve_party (ctx, text)) != NULL)
        {
          m.kind = M_PARTY;
          m.abbr = _psephos_extract_intern (ctx, abbr, -1);
          m.t0 = k;
          m.t1 = k + n;
          /* "Bharatiya Janata Party’s (BJP)": the abbreviation joins */
          if (_psephos_tok_is (_psephos_tok (ctx, k + n), "(")
              && _psephos_tok_is (_psephos_tok (ctx, k + n + 2), ")"))
            {
              Token *inner = _psephos_tok (ctx, k + n + 1);
              char ab[64];

              span_text (ctx, k + n + 1, k + n + 2, ab, sizeof ab);
              if (inner->kind == TOK_WORD && g_strcmp0 (_psephos_extract_resolve_party (ctx, ab), abbr) == 0)
                m.t1 = k + n + 3;
            }
          add_mention (ctx, &m);
          if (_psephos_tok (ctx, k + n - 1)->flags & TOKF_POSSESSIVE)
            _psephos_mention (ctx, ctx->mentions->len - 1)->possessive = TRUE;
          return m.t1 - k;
        }
      if (n <= 4 && (abbr = _psephos_extract_resolve_state (ctx, text)) != NULL)
        {
          m.kind = M_STATE;
          m.abbr = abbr;
          m.t0 = k;
          m.t1 = k + n;
          add_mention (ctx, &m);
          ctx->last_state = abbr;
          ctx->paragraph_state = abbr;
          if (ctx->x->state == NULL && ctx->x->election == PSEPHOS_EXTRACT_ELECTION_ASSEMBLY)
            ctx->x->state = g_strdup (abbr);
          return n;
        }
    }
  return 0;
}

static void
find_in_run (Ctx *ctx, int i, int r)
{
  int k = i;
  int name_start = -1;

  while (k < r)
    {
      Token *t = _psephos_tok (ctx, k);
      int used = 0;

      if (is_cap_word (t))
        used = party_or_state_at (ctx, k, r);
      if (used > 0)
        {
          if (name_start >= 0)
            {
              classify_run (ctx, name_start, k);
              name_start = -1;
            }
          k += used;
          continue;
        }
      /* "Garhi Sampla-Kiloi", "Lahaul-Spiti" */
      if (name_start >= 0 && _psephos_tok_is (t, "-") && k + 1 < r && is_name_word (_psephos_tok (ctx, k + 1))
          && _psephos_tok (ctx, k - 1)->poss_end == t->start && t->end == _psephos_tok (ctx, k + 1)->start
          && !(_psephos_tok (ctx, k - 1)->flags & TOKF_POSSESSIVE))
        {
          k++;
          continue;
        }
      if (is_name_word (t))
        {
          if (name_start < 0)
            name_start = k;
          k++;
          if (t->flags & TOKF_POSSESSIVE)
            {
              classify_run (ctx, name_start, k);
              name_start = -1;
            }
          continue;
        }
      if (name_start >= 0)
        {
          classify_run (ctx, name_start, k);
          name_start = -1;
        }
      k++;
    }
  if (name_start >= 0)
    classify_run (ctx, name_start, r);
}

/* "the party" → the party last named in this sentence, else before it. */
static const char *
the_party (Ctx *ctx)
{
  for (guint i = ctx->mentions->len; i-- > 0;)
    {
      Mention *m = _psephos_mention (ctx, i);

      if (m->kind == M_PARTY)
        return m->abbr;
    }
  return ctx->last_party;
}

static const char *const pronouns[] = { "she", "he", "her", "his", NULL };

static const char *const prepositions[] = {
  "of", "to", "from", "for", "against", "over", "than", "into", "on", "by", "about",
  "under", "behind", NULL
};

static const char *const candidate_nouns[] = {
  "candidate", "nominee", "leader", "mla", "mp", "contestant", "heavyweight", "veteran",
  "legislator", "minister", "chief", NULL
};

void
_psephos_extract_party_fact (Ctx *ctx, Mention *person, const Mention *party)
{
  PsephosExtractedPerson *p = g_ptr_array_index (ctx->x->people, person->person);
  PsephosExtractedFact *f;
  gboolean alliance = party->kind == M_ALLIANCE;

  if (!alliance && p->party == NULL)
    p->party = g_strdup (party->abbr);
  f = _psephos_extract_add_fact (ctx, person, alliance ? "alliance" : "party", party->start, party->end);
  f->text = g_strdup (party->abbr);
  if (!alliance)
    f->party = g_strdup (party->abbr);
}

/* "BJP's Hoshiyar Singh", "AAP candidate Mohinder Bhagat", "the DMK's
 * candidate Anniyur Siva", "Hemant Soren (JMM)", "Hemant Soren of the JMM". */
static void
party_of_people (Ctx *ctx)
{
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = _psephos_mention (ctx, i);
      Mention *party = NULL;
      int t;

      if (m->kind != M_PERSON || m->t0 == m->t1)
        continue;
      /* before: PARTY['s] [candidate|nominee|MLA …] PERSON */
      t = m->t0 - 1;
      while (t >= 0 && _psephos_tok_in (_psephos_tok (ctx, t), candidate_nouns) && t > m->t0 - 3)
        t--;
      if (t >= 0 && _psephos_tok (ctx, t)->mention >= 0)
        {
          Mention *p = _psephos_mention (ctx, _psephos_tok (ctx, t)->mention);

          if ((p->kind == M_PARTY || p->kind == M_ALLIANCE) && p->t1 == t + 1)
            party = p;
        }
      /* after: PERSON (PARTY) | PERSON of the PARTY */
      t = m->t1;
      if (party == NULL && _psephos_tok_is (_psephos_tok (ctx, t), "(")
          && _psephos_tok (ctx, t + 1) && _psephos_tok (ctx, t + 1)->mention >= 0
          && _psephos_tok_is (_psephos_tok (ctx, t + 2), ")"))
        party = _psephos_mention (ctx, _psephos_tok (ctx, t + 1)->mention);
      if (party == NULL && _psephos_tok_is (_psephos_tok (ctx, t), "of"))
        {
          int u = _psephos_tok_is (_psephos_tok (ctx, t + 1), "the") ? t + 2 : t + 1;

          if (_psephos_tok (ctx, u) && _psephos_tok (ctx, u)->mention >= 0)
            party = _psephos_mention (ctx, _psephos_tok (ctx, u)->mention);
        }
      /* "X, the BJP candidate, …", "X, the Congress nominee" */
      if (party == NULL && _psephos_tok_is (_psephos_tok (ctx, t), ","))
        {
          int u = _psephos_tok_is (_psephos_tok (ctx, t + 1), "the") ? t + 2 : t + 1;
          Token *pt = _psephos_tok (ctx, u);

          if (pt != NULL && pt->mention >= 0)
            {
              Mention *p = _psephos_mention (ctx, pt->mention);

              if ((p->kind == M_PARTY || p->kind == M_ALLIANCE) && _psephos_tok_in (_psephos_tok (ctx, p->t1), candidate_nouns))
                party = p;
            }
        }
      if (party != NULL && (party->kind == M_PARTY || party->kind == M_ALLIANCE))
        {
          _psephos_extract_party_fact (ctx, m, party);
          if (party->t0 < m->t0)
            party->modifier = TRUE; /* "BJP candidate X": X is the head */
        }
    }
}

/* "X, who contested on a BJP ticket", "X won on a Congress ticket" */
static void
party_tickets (Ctx *ctx)
{
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *party = _psephos_mention (ctx, i);

      if ((party->kind != M_PARTY && party->kind != M_ALLIANCE)
          || !_psephos_tok_is (_psephos_tok (ctx, party->t1), "ticket"))
        continue;
      for (guint j = 0; j < i; j++)
        {
          Mention *m = _psephos_mention (ctx, j);

          if (m->kind == M_PERSON && !m->possessive && !m->modifier)
            {
              _psephos_extract_party_fact (ctx, m, party);
              party->modifier = TRUE;
              break;
            }
        }
    }
}

void
_psephos_extract_find_mentions (Ctx *ctx)
{
  int n = _psephos_n_tokens (ctx);

  ctx->sentence_no++;
  g_array_set_size (ctx->mentions, 0);
  for (int i = 0; i < n;)
    {
      Token *t = _psephos_tok (ctx, i);
      const char *abbr;
      int t1;

      if (t->kind != TOK_WORD)
        {
          i++;
          continue;
        }
      /* alliance names start with one of these (NDA, UPA, INDIA, Mahayuti, LDF, एनडीए …) */
      if (strchr ("numil\xe0", t->lower[0]) != NULL && (abbr = _psephos_extract_alliance_at (ctx, i, &t1)) != NULL)
        {
          Mention m = { .kind = M_ALLIANCE, .t0 = i, .t1 = t1, .person = -1, .abbr = abbr };

          add_mention (ctx, &m);
          i = t1;
          continue;
        }
      if (t->flags & TOKF_DEVANAGARI)
        {
          Mention m = { .t0 = i, .t1 = i + 1, .person = -1 };

          if ((abbr = _psephos_extract_hindi_party (t->lower)) != NULL)
            {
              m.kind = M_PARTY;
              m.abbr = abbr;
              add_mention (ctx, &m);
            }
          else if ((abbr = _psephos_extract_hindi_state (t->lower)) != NULL)
            {
              m.kind = M_STATE;
              m.abbr = abbr;
              add_mention (ctx, &m);
              ctx->last_state = abbr;
              ctx->paragraph_state = abbr;
            }
          i++;
          continue;
        }
      /* pronouns and "the party" */
      if (_psephos_tok_in (t, pronouns))
        {
          if (ctx->last_person >= 0)
            {
              Mention m = { .kind = M_PERSON, .t0 = i, .t1 = i + 1, .person = ctx->last_person };

              add_mention (ctx, &m);
              _psephos_mention (ctx, ctx->mentions->len - 1)->possessive
                = _psephos_tok_is (t, "her") || _psephos_tok_is (t, "his");
            }
          i++;
          continue;
        }
      if (_psephos_tok_is (t, "party") && i > 0 && _psephos_tok_is (_psephos_tok (ctx, i - 1), "the")
          && (abbr = the_party (ctx)) != NULL)
        {
          Mention m = { .kind = M_PARTY, .t0 = i - 1, .t1 = i + 1, .person = -1, .abbr = abbr };

          add_mention (ctx, &m);
          i++;
          continue;
        }
      if (!is_cap_word (t))
        {
          i++;
          continue;
        }
      /* a run of capitalised words (and the connectors inside names) */
      {
        int r = i + 1;

        while (r < n && r < i + 12)
          {
            Token *u = _psephos_tok (ctx, r);

            if (_psephos_tok (ctx, r - 1)->flags & TOKF_POSSESSIVE && !_psephos_tok_is (u, "("))
              break;
            if (is_cap_word (u) || (_psephos_tok_in (u, party_connectors) && r + 1 < n && (is_cap_word (_psephos_tok (ctx, r + 1)) || _psephos_tok_is (_psephos_tok (ctx, r + 1), ")")))
                || (_psephos_tok_is (u, ")") && _psephos_tok_is (_psephos_tok (ctx, r - 2), "(")))
              r++;
            else
              break;
          }
        find_in_run (ctx, i, r);
        i = r;
      }
    }

  /* what cannot be a clause's subject */
  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      Mention *m = _psephos_mention (ctx, k);
      Token *before = _psephos_tok (ctx, m->t0 - 1);
      Token *after = _psephos_tok (ctx, m->t1);

      if (before && _psephos_tok_is (before, "the"))
        before = _psephos_tok (ctx, m->t0 - 2);
      if (_psephos_tok_in (before, prepositions))
        m->modifier = TRUE;
      if (after && (_psephos_tok_is (after, "-") || _psephos_tok_is (after, "led"))
          && (_psephos_tok_is (after, "led") || _psephos_tok_is (_psephos_tok (ctx, m->t1 + 1), "led")))
        m->modifier = TRUE;
    }

  party_of_people (ctx);
  party_tickets (ctx);

  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      Mention *m = _psephos_mention (ctx, k);

      if (m->kind == M_PARTY && !m->modifier)
        ctx->last_party = m->abbr;
    }
}
