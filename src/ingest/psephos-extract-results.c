/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-extract-results.c — who won, lost, leads and trails, as English
 * news says it: "X won / clinched / triumphed in / retained Y", "X secured
 * a decisive victory", "X's win in Y", "X defeated Z", "… over her nearest
 * rival Z", "X was defeated by Z", "X lost to Z", "X is leading / ahead /
 * holds the lead", "Z is trailing".
 *
 * Results said of the past ("had won"), of the future ("set to win") or of
 * the Rajya Sabha are not results of this count; neither is what someone is
 * quoted as saying. A party's result needs its seat.
 */
#include "config.h"

#include <string.h>

#include "psephos-extract-private.h"

#define W(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const char *const victory_nouns[] = { "victory", "win", "triumph", "victorious", "winner", NULL };
static const char *const defeat_verbs[] = {
  "defeated", "defeating", "defeats", "defeat", "beat", "beating", "beats", "trounced",
  "trouncing", "routed", "routing", "vanquished", "outpolled", "edged", "pipped", NULL
};
static const char *const loser_cues[] = {
  "defeated", "defeating", "defeats", "beat", "beating", "beats", "trounced", "trouncing",
  "routed", "routing", "vanquished", "outpolled", "pipped", "over", "against", NULL
};

/* A number of seats soon after @v: a tally, not one seat's result. */
static gboolean
tally_follows (Ctx *ctx, int v)
{
  for (int k = v + 1; k < _psephos_n_tokens (ctx) && k <= v + 4; k++)
    {
      Token *t = _psephos_tok (ctx, k);

      if (t->kind == TOK_NUMBER)
        {
          Token *u = _psephos_tok (ctx, k + 1);

          /* "wins Barhait by 39,791 votes": a margin, not a count; "won with
           * 52.3 per cent of the votes": a share */
          if (_psephos_tok_in (_psephos_tok (ctx, k - 1), W ("by", "over", "than"))
              || (t->num.flags & PSEPHOS_NUMBER_PERCENT))
            return FALSE;

          return u == NULL || u->kind == TOK_PUNCT
                 || _psephos_tok_in (u, W ("seats", "seat", "constituencies", "others", "other", "of", "out", "and",
                                           "votes", "vote", "per", "%", "percent", "lakh"));
        }
      if (t->mention >= 0)
        return FALSE;
    }
  return FALSE;
}

static PsephosExtractedFact *
result_fact (Ctx *ctx, Mention *subject, const char *result, int first, int last, Mention *seat)
{
  PsephosExtractedFact *f;

  if (subject == NULL)
    return NULL;
  if (subject->kind == M_ALLIANCE)
    return NULL;
  if (subject->kind == M_PARTY && seat == NULL)
    return NULL;
  f = _psephos_extract_add_fact (ctx, subject, "result", _psephos_tok (ctx, first)->start,
                                 _psephos_tok (ctx, last)->end);
  f->text = g_strdup (result);
  if (g_str_equal (result, "leading") || g_str_equal (result, "trailing"))
    f->as_of = g_strdup (ctx->as_of);
  _psephos_extract_set_seat (ctx, f, subject, seat);
  return f;
}

/* Is token @v a statement that someone won? Sets *@last to the phrase's
 * last token and *@noun_subject for "X's win". */
static gboolean
won_at (Ctx *ctx, int v, int *last, Mention **noun_subject)
{
  Token *t = _psephos_tok (ctx, v);
  Token *next = _psephos_tok (ctx, v + 1);

  *last = v;
  *noun_subject = NULL;
  if (_psephos_tok_in (t, W ("secured", "securing", "registered", "recorded", "scored", "notched", "emerged",
                             "clinched", "clinching", "sealed", "achieved", "pulled")))
    {
      for (int k = v + 1; k <= v + 4 && k < _psephos_n_tokens (ctx); k++)
        {
          if (_psephos_tok_in (_psephos_tok (ctx, k), victory_nouns))
            {
              *last = k;
              return TRUE;
            }
          if (_psephos_tok (ctx, k)->mention >= 0 || _psephos_tok (ctx, k)->kind == TOK_NUMBER)
            break;
        }
      /* "clinched the Raiganj bypoll" */
      return _psephos_tok_is (t, "clinched") && _psephos_extract_seat_for (ctx, v) != NULL;
    }
  if (_psephos_tok_in (t, W ("won", "wins", "triumphed", "triumphs", "retained", "retains", "wrested",
                             "wrests", "snatched", "romped", "clinches", "bagged", "bags")))
    {
      if (_psephos_tok_in (next, W ("votes", "vote")) || tally_follows (ctx, v))
        return FALSE;
      if (_psephos_tok_in (t, W ("bagged", "bags", "retained", "retains", "wrested", "snatched"))
          && _psephos_extract_seat_for (ctx, v) == NULL)
        return FALSE;
      return TRUE;
    }
  if (_psephos_tok_is (t, "win") && !_psephos_tok_is (next, "by") && !tally_follows (ctx, v))
    {
      /* the noun: "Kamlesh Thakur's win", "AAP's Mohinder Bhagat's landslide win" */
      for (int k = v - 1; k >= 0 && k >= v - 3; k--)
        {
          Token *p = _psephos_tok (ctx, k);

          if (p->mention >= 0)
            {
              Mention *m = _psephos_mention (ctx, p->mention);

              if (m->possessive && m->kind == M_PERSON)
                {
                  *noun_subject = m;
                  return TRUE;
                }
              break;
            }
        }
      /* the verb: "X win Y" (headlines) */
      return _psephos_tok (ctx, v - 1) && _psephos_tok (ctx, v - 1)->mention >= 0;
    }
  if (_psephos_tok_in (t, W ("victory", "triumph")))
    {
      for (int k = v - 1; k >= 0 && k >= v - 3; k--)
        {
          Token *p = _psephos_tok (ctx, k);

          if (p->mention >= 0)
            {
              Mention *m = _psephos_mention (ctx, p->mention);

              if (m->possessive && m->kind == M_PERSON)
                {
                  *noun_subject = m;
                  return TRUE;
                }
              break;
            }
        }
      /* "the victory of X" */
      if (_psephos_tok_is (next, "of") && _psephos_tok (ctx, v + 2) && _psephos_tok (ctx, v + 2)->mention >= 0)
        {
          Mention *m = _psephos_mention (ctx, _psephos_tok (ctx, v + 2)->mention);

          if (m->kind == M_PERSON || (m->kind == M_PARTY && m->possessive))
            {
              for (int k = m->t1; k < _psephos_n_tokens (ctx) && k < m->t1 + 3; k++)
                if (_psephos_tok (ctx, k)->mention >= 0 && _psephos_mention (ctx, _psephos_tok (ctx, k)->mention)->kind == M_PERSON)
                  m = _psephos_mention (ctx, _psephos_tok (ctx, k)->mention);
              *noun_subject = m;
              return TRUE;
            }
        }
      return FALSE;
    }
  if (_psephos_tok_is (t, "elected"))
    return _psephos_tok_in (_psephos_tok (ctx, v - 1), W ("was", "been", "is", "got", "re", "-", "declared"));
  /* "was declared the winner", "emerged the winner" */
  if (_psephos_tok_is (t, "declared") && _psephos_tok_is (next, "the")
      && _psephos_tok_is (_psephos_tok (ctx, v + 2), "winner"))
    {
      *last = v + 2;
      return TRUE;
    }
  if (_psephos_tok_in (t, defeat_verbs))
    {
      /* "was defeated by" is the loser's */
      if (_psephos_tok_in (_psephos_tok (ctx, v - 1), W ("was", "were", "been", "is", "got")))
        return FALSE;
      return !_psephos_tok_is (t, "defeat");
    }
  return FALSE;
}

static gboolean
lead_at (Ctx *ctx, int v, const char **result)
{
  Token *t = _psephos_tok (ctx, v);
  Token *prev = _psephos_tok (ctx, v - 1);
  Token *next = _psephos_tok (ctx, v + 1);

  if (_psephos_tok_in (t, W ("leading", "leads", "ahead")))
    {
      if (_psephos_tok_in (next, W ("status", "lady", "role", "light", "figure", "figures", "newspaper", "party",
                                    "parties", "candidates", "leaders", "position", "of")))
        return FALSE;
      *result = "leading";
      return TRUE;
    }
  if (_psephos_tok_is (t, "lead") && _psephos_tok_in (prev, W ("the", "a", "an", "early", "comfortable", "slender", "narrow", "big", "huge", "clear", "decisive", "massive", "healthy", "unassailable", "commanding", "strong")))
    {
      *result = "leading";
      return TRUE;
    }
  if (_psephos_tok_in (t, W ("trailing", "trails", "lagging")))
    {
      *result = "trailing";
      return TRUE;
    }
  if (_psephos_tok_is (t, "behind") && _psephos_tok_in (prev, W ("is", "was", "are", "were", "remained", "remains", "fell", "lagged")))
    {
      *result = "trailing";
      return TRUE;
    }
  if (_psephos_tok_in (t, W ("lost", "loses", "conceded")) && !_psephos_tok_in (prev, W ("had", "have", "has", "votes")))
    {
      if (_psephos_tok_in (next, W ("deposit", "deposits", "ground", "momentum", "touch", "faith")))
        return FALSE;
      /* "lost his cool", but "lost his seat" */
      if (_psephos_tok_in (next, W ("his", "her", "their", "its", "my", "our"))
          && !_psephos_tok_in (_psephos_tok (ctx, v + 2), W ("seat", "deposit", "bid", "election", "constituency")))
        return FALSE;
      *result = "lost";
      return TRUE;
    }
  if (_psephos_tok_is (t, "defeated") && _psephos_tok_in (prev, W ("was", "were", "been", "is", "got")))
    {
      *result = "lost";
      return TRUE;
    }
  /* "finished second", "was the runner-up" */
  if ((_psephos_tok_is (t, "finished") && _psephos_tok_in (next, W ("second", "third", "fourth", "runner")))
      || (_psephos_tok_is (t, "runner") && _psephos_tok_is (next, "-") && _psephos_tok_is (_psephos_tok (ctx, v + 2), "up")))
    {
      *result = "lost";
      return TRUE;
    }
  return FALSE;
}

/* Losers: "defeating Z", "over her nearest rival, Z", "against Z". */
static void
losers (Ctx *ctx, Mention *winner, int v, Mention *seat)
{
  int c0, c1;
  int n = _psephos_n_tokens (ctx);
  int subject_before = ctx->last_person; /* "she" after "X defeated Y" is X */

  _psephos_extract_clause (ctx, v, &c0, &c1);
  for (int k = v; k < c1 && k < n; k++)
    {
      Token *t = _psephos_tok (ctx, k);

      if (!_psephos_tok_in (t, loser_cues))
        continue;
      for (int j = k + 1; j < c1 && j <= k + 8; j++)
        {
          Token *u = _psephos_tok (ctx, j);
          Mention *m;

          if (u->kind == TOK_NUMBER)
            break;
          if (u->mention < 0)
            continue;
          m = _psephos_mention (ctx, u->mention);
          if (m->kind == M_PERSON && m->person != winner->person)
            {
              PsephosExtractedFact *f = result_fact (ctx, m, "lost", k, m->t1 - 1, seat);

              if (f != NULL && seat == NULL && winner->kind == M_PERSON)
                {
                  PsephosExtractedPerson *w = g_ptr_array_index (ctx->x->people, winner->person);
                  PsephosExtractedPerson *l = g_ptr_array_index (ctx->x->people, m->person);

                  if (l->seat == NULL && w->seat != NULL)
                    {
                      l->seat = g_strdup (w->seat);
                      l->state = g_strdup (w->state);
                    }
                }
              k = j;
              break;
            }
          if (m->kind == M_SEAT || m->kind == M_STATE)
            break;
        }
    }
  ctx->last_person = subject_before;
}

/* "X and Y delivered victories for the JMM", "X's win marks a victory for
 * the Congress": the winners' party. */
static void
victory_for (Ctx *ctx, int v)
{
  int k = v + 2;
  Mention *party;

  if (_psephos_tok_is (_psephos_tok (ctx, k), "the"))
    k++;
  if (_psephos_tok (ctx, k) == NULL || _psephos_tok (ctx, k)->mention < 0)
    return;
  party = _psephos_mention (ctx, _psephos_tok (ctx, k)->mention);
  if (party->kind != M_PARTY)
    return;
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = _psephos_mention (ctx, i);
      Token *after = _psephos_tok (ctx, m->t1);

      if (m->kind != M_PERSON || m->t1 > v || m->modifier)
        continue;
      if (m->possessive && !_psephos_tok_in (after, victory_nouns))
        continue;
      _psephos_extract_party_fact (ctx, m, party);
    }
}

static GHashTable *cue_set (void);

/* Every word the rules below start from: other words are skipped with one
 * hash lookup. */
const char *const _psephos_extract_cue_words[] = {
  "secured", "securing", "registered", "recorded", "scored", "notched", "emerged", "clinched", "clinching",
  "sealed", "achieved", "pulled", "won", "wins", "triumphed", "triumphs", "retained", "retains", "wrested",
  "wrests", "snatched", "romped", "clinches", "bagged", "bags", "win", "victory", "victories", "triumph",
  "elected", "defeated", "defeating", "defeats", "defeat", "beat", "beating", "beats", "trounced", "trouncing",
  "routed", "routing", "vanquished", "outpolled", "edged", "pipped", "leading", "leads", "ahead", "lead",
  "trailing", "trails", "lagging", "behind", "lost", "loses", "conceded", "declared", "finished", "runner", NULL
};

gboolean
_psephos_extract_is_cue_word (const char *lower)
{
  return g_hash_table_contains (cue_set (), lower);
}

static GHashTable *
cue_set (void)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    {
      GHashTable *s = g_hash_table_new (g_str_hash, g_str_equal);

      for (const char *const *w = _psephos_extract_cue_words; *w != NULL; w++)
        if (!g_hash_table_contains (s, *w))
          g_hash_table_add (s, (char *) *w);
      g_once_init_leave (&set, s);
    }
  return set;
}

void
_psephos_extract_results (Ctx *ctx)
{
  int n = _psephos_n_tokens (ctx);
  int won_people[8];
  int n_won = 0;

  if (ctx->s_quoted || ctx->s_rajya_sabha)
    return;
  for (int v = 0; v < n; v++)
    {
      Mention *subject = NULL;
      Mention *seat;
      const char *result = NULL;
      int last = v;

      if (!(_psephos_tok (ctx, v)->flags & TOKF_CUE))
        continue;
      if (_psephos_tok_in (_psephos_tok (ctx, v), W ("victory", "victories", "win", "wins"))
          && _psephos_tok_is (_psephos_tok (ctx, v + 1), "for"))
        victory_for (ctx, v);
      if (won_at (ctx, v, &last, &subject))
        {
          gboolean repeat = FALSE;

          if (subject == NULL)
            {
              if (_psephos_extract_guarded (ctx, v))
                continue;
              subject = _psephos_extract_subject (ctx, v, WANT_ANY, TRUE);
            }
          if (subject == NULL)
            continue;
          seat = _psephos_extract_seat_for (ctx, v);
          for (int k = 0; k < n_won; k++)
            if (subject->kind == M_PERSON && won_people[k] == subject->person)
              repeat = TRUE;
          if (!repeat && result_fact (ctx, subject, "won", v, last, seat) != NULL && subject->kind == M_PERSON
              && n_won < (int) G_N_ELEMENTS (won_people))
            won_people[n_won++] = subject->person;
          if (subject->kind == M_PERSON)
            ctx->last_winner = subject->person;
          if (subject->kind == M_PERSON)
            losers (ctx, subject, v, seat ? seat : NULL);
          v = last;
          continue;
        }
      if (lead_at (ctx, v, &result))
        {
          Token *next = _psephos_tok (ctx, v + 1);

          if (_psephos_extract_guarded (ctx, v) || tally_follows (ctx, v))
            continue;
          /* "leading by 3,000 votes" is the margin rule's */
          if ((_psephos_tok_is (next, "by") || _psephos_tok_is (next, "of")) && !g_str_equal (result, "lost"))
            continue;
          subject = _psephos_extract_subject (ctx, v, WANT_PERSON | WANT_PARTY, TRUE);
          seat = _psephos_extract_seat_for (ctx, v);
          result_fact (ctx, subject, result, v, v, seat);
          /* "lost to Z", "was defeated by Z": Z won */
          if (g_str_equal (result, "lost") && (_psephos_tok_is (next, "to") || _psephos_tok_is (next, "by"))
              && _psephos_tok (ctx, v + 2)
              && _psephos_tok (ctx, v + 2)->mention >= 0)
            {
              Mention *w = _psephos_mention (ctx, _psephos_tok (ctx, v + 2)->mention);

              if (w->kind == M_PERSON)
                result_fact (ctx, w, "won", v, w->t1 - 1, seat);
            }
        }
    }
}
