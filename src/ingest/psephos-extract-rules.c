/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-extract-rules.c — how English-language Indian news reports state
 * results, as rules over one sentence's tokens and mentions:
 *
 *  - results: "X won / clinched / triumphed / secured a victory",
 *    "X's win in Y", "defeating Z", "over her nearest rival Z", "X is
 *    leading / ahead / holds the lead", "trailing", "lost";
 *  - numbers by the words around them: "N votes" after garnered, polled,
 *    secured, received, managed, bagged … (votes); after "margin of", "won
 *    by", "defeating … by", "a lead of" (margin); "N%" with turnout; "N
 *    seats" after won / leading in (tallies); "N-member Assembly",
 *    "N-seat majority mark" …;
 *  - qualifiers: over / more than / exceeding → at_least; nearly / about /
 *    around / almost → about; under / less than → at_most;
 *  - stated times and rounds ("as of 6 pm on counting day", "after round 12
 *    of 20") → as_of, for the rest of the paragraph. A figure from a partial
 *    count is a lead as of that round, never a final result.
 */
#include "config.h"

#include <string.h>

#include "psephos-extract-private.h"

#define W(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const char *const not_yet[] = {
  "had", "would", "will", "to", "not", "never", "could", "may", "might", "should", "can",
  "if", "hopes", "expected", "likely", "set", "bid", "aims", "want", "wants", "must", NULL
};
static const char *const vote_verbs[] = {
  "garnered", "garnering", "polled", "polling", "secured", "securing", "received", "receiving",
  "managed", "managing", "bagged", "bagging", "got", "getting", "gets", "obtained",
  "obtaining", "mustered", "scored", "secures", "receives", "garners", "polls", "bags",
  "tally", "total", "with", "collected", "amassed", "netted", "won", "winning", "gained", NULL
};
static const char *const seat_words[] = { "seats", "seat", "constituencies", "others", "segments", NULL };

typedef struct
{
  int clause0, clause1; /* tokens of the clause around the cue */
} Clause;

static void
clause_of (Ctx *ctx, int v, Clause *c)
{
  int n = _psephos_n_tokens (ctx);

  c->clause0 = 0;
  for (int i = v; i > 0; i--)
    if (_psephos_tok (ctx, i)->flags & TOKF_BREAK)
      {
        c->clause0 = i + 1;
        break;
      }
  c->clause1 = n;
  for (int i = v + 1; i < n; i++)
    if (_psephos_tok (ctx, i)->flags & TOKF_BREAK)
      {
        c->clause1 = i;
        break;
      }
}

static gboolean
wanted (const Mention *m, guint want)
{
  return (m->kind == M_PERSON && (want & WANT_PERSON)) || (m->kind == M_PARTY && (want & WANT_PARTY))
         || (m->kind == M_ALLIANCE && (want & WANT_ALLIANCE));
}

/* The subject of a cue at token @v: the mention just before it, or the
 * clause's first one that is not a modifier ("wife of X", "Congress-led",
 * "BJP's"). */
static Mention *
subject_of_full (Ctx *ctx, int v, guint want, gboolean nearest_ok)
{
  Clause c;
  Mention *first = NULL, *nearest = NULL;

  clause_of (ctx, v, &c);
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = _psephos_mention (ctx, i);

      if (m->t1 > v || !wanted (m, want))
        continue;
      if (nearest_ok && !m->possessive && !m->modifier
          && (m->t1 == v || (m->t1 == v - 1 && _psephos_tok (ctx, v - 1)->kind == TOK_WORD)))
        nearest = m;
      if (m->t0 >= c.clause0 && !m->modifier && !m->possessive && first == NULL)
        first = m;
    }
  if (nearest != NULL)
    return nearest;
  if (first != NULL)
    return first;
  /* the clause has none: the sentence's */
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = _psephos_mention (ctx, i);

      if (m->t1 <= v && wanted (m, want) && !m->modifier && !m->possessive)
        return m;
    }
  return NULL;
}

static Mention *
subject_of (Ctx *ctx, int v, guint want)
{
  return subject_of_full (ctx, v, want, TRUE);
}

/* The seat a result at @v is about: the first named after the cue in its
 * clause, else before it in the clause. */
static Mention *
seat_for (Ctx *ctx, int v)
{
  Clause c;
  Mention *before = NULL;

  clause_of (ctx, v, &c);
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = _psephos_mention (ctx, i);

      if (m->kind != M_SEAT || m->t0 < c.clause0 || m->t0 >= c.clause1)
        continue;
      if (m->t0 > v)
        return m;
      before = m;
    }
  return before;
}

static gboolean
guarded (Ctx *ctx, int v)
{
  for (int i = v - 1; i >= 0 && i >= v - 2; i--)
    {
      Token *t = _psephos_tok (ctx, i);

      if (_psephos_tok_in (t, not_yet))
        return TRUE;
      if (t->mention >= 0)
        break;
    }
  return FALSE;
}

/* Is the clause around @v about the past or a projection rather than this
 * count? "X had won by 5,000 votes in 2019", "exit polls predicted 45
 * seats", "is likely to win". */
static gboolean
unreal (Ctx *ctx, int v)
{
  static const char *const words[] = {
    "had", "predicted", "predicts", "predict", "projected", "projects", "projection", "projections",
    "forecast", "forecasts", "survey", "surveys", "expected", "likely", "would", "could", "might",
    "previous", "exit", "pollsters", "hopes", "hoping", "target", "aims", NULL
  };
  Clause c;

  clause_of (ctx, v, &c);
  for (int i = c.clause0; i < c.clause1; i++)
    {
      Token *t = _psephos_tok (ctx, i);

      if (_psephos_tok_in (t, words))
        return TRUE;
      /* "in the last election", but "after the last round" */
      if (_psephos_tok_is (t, "last")
          && _psephos_tok_in (_psephos_tok (ctx, i + 1), W ("election", "elections", "time", "polls", "year", "assembly")))
        return TRUE;
      /* "in 2019" when the article is about a later election */
      if (t->kind == TOK_NUMBER && !(t->num.flags & PSEPHOS_NUMBER_GROUPED) && t->num.value >= 1951
          && t->num.value <= 2100 && ctx->x->year > 0 && (int) t->num.value < ctx->x->year
          && _psephos_tok_in (_psephos_tok (ctx, i - 1), W ("in", "since", "of")))
        return TRUE;
    }
  return FALSE;
}

static void
set_seat (Ctx *ctx, PsephosExtractedFact *f, const Mention *subject, const Mention *seat)
{
  const char *name = seat ? seat->abbr : NULL;

  if (subject != NULL && subject->kind == M_PERSON)
    {
      PsephosExtractedPerson *p = g_ptr_array_index (ctx->x->people, subject->person);

      if (p->seat == NULL && name != NULL)
        {
          p->seat = g_strdup (name);
          p->state = g_strdup (_psephos_extract_state_of_seat (ctx, name));
        }
      /* a paragraph about one seat: "BJP's K. L. Thakur finished second." */
      if (p->seat == NULL && name == NULL && ctx->paragraph_seat != NULL)
        {
          name = ctx->paragraph_seat;
          p->seat = g_strdup (name);
          p->state = g_strdup (_psephos_extract_state_of_seat (ctx, name));
        }
      p->is_candidate = TRUE;
      if (name == NULL)
        name = p->seat;
      ctx->last_person = subject->person;
    }
  if (name != NULL && f->seat == NULL)
    {
      f->seat = g_strdup (name);
      /* The seat's state wins over the paragraph's, which a party's fact
       * may already carry. */
      g_free (f->state);
      f->state = g_strdup (_psephos_extract_state_of_seat (ctx, name));
    }
}

/* ---- qualifiers and stated times ----------------------------------------- */

/* The qualifier words before the number at @v; *@first is the first token
 * of the phrase (the qualifier's, or @v). */
static PsephosExtractQualifier
qualifier_before (Ctx *ctx, int v, int *first)
{
  Token *a = _psephos_tok (ctx, v - 1);
  Token *b = _psephos_tok (ctx, v - 2);

  *first = v;
  if (_psephos_tok_is (a, "than") && _psephos_tok_in (b, W ("more", "over", "greater", "higher")))
    return (*first = v - 2), PSEPHOS_EXTRACT_AT_LEAST;
  if (_psephos_tok_is (a, "than") && _psephos_tok_in (b, W ("less", "fewer", "lower")))
    return (*first = v - 2), PSEPHOS_EXTRACT_AT_MOST;
  if (_psephos_tok_is (a, "to") && _psephos_tok_in (b, W ("close", "up")))
    return (*first = v - 2), _psephos_tok_is (b, "up") ? PSEPHOS_EXTRACT_AT_MOST : PSEPHOS_EXTRACT_ABOUT;
  if (_psephos_tok_in (a, W ("over", "exceeding", "above", "upwards", "beyond")))
    return (*first = v - 1), PSEPHOS_EXTRACT_AT_LEAST;
  if (_psephos_tok_in (a, W ("nearly", "about", "around", "almost", "approximately", "roughly",
                             "approx", "some", "nearby", "circa", "estimated")))
    return (*first = v - 1), PSEPHOS_EXTRACT_ABOUT;
  if (_psephos_tok_in (a, W ("under", "below", "upto", "within")))
    return (*first = v - 1), PSEPHOS_EXTRACT_AT_MOST;
  return PSEPHOS_EXTRACT_EXACT;
}

static const char *const ordinals[] = {
  "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
  "eighteenth", "nineteenth", "twentieth", "final", "last", "penultimate", NULL
};

static void
set_as_of (Ctx *ctx, gsize start, gsize end)
{
  g_free (ctx->as_of);
  ctx->as_of = g_strndup (ctx->body + start, end - start);
}

/* "as of 6 pm on counting day", "till 3 pm", "after round 12 of 20",
 * "after the fifth round", "after 12 rounds of counting". */
static void
find_as_of (Ctx *ctx)
{
  int n = _psephos_n_tokens (ctx);

  for (int i = 0; i < n; i++)
    {
      Token *t = _psephos_tok (ctx, i);

      if (_psephos_tok_in (t, W ("round", "rounds")))
        {
          Token *prev = _psephos_tok (ctx, i - 1);
          Token *next = _psephos_tok (ctx, i + 1);
          int s = -1, e = i;

          if (next && next->kind == TOK_NUMBER)
            {
              s = i;
              e = i + 1;
              if (_psephos_tok_is (_psephos_tok (ctx, i + 2), "of")
                  && _psephos_tok (ctx, i + 3) && _psephos_tok (ctx, i + 3)->kind == TOK_NUMBER)
                e = i + 3;
            }
          else if (_psephos_tok_in (prev, W ("th", "st", "nd", "rd")) && _psephos_tok (ctx, i - 2)
                   && _psephos_tok (ctx, i - 2)->kind == TOK_NUMBER)
            s = i - 2; /* "5th round" */
          else if (prev && (prev->kind == TOK_NUMBER || _psephos_tok_in (prev, ordinals) || (g_ascii_isdigit (prev->lower[0]) && (g_str_has_suffix (prev->lower, "th") || g_str_has_suffix (prev->lower, "st") || g_str_has_suffix (prev->lower, "nd") || g_str_has_suffix (prev->lower, "rd")))))
            s = i - 1;
          if (s >= 0)
            {
              set_as_of (ctx, _psephos_tok (ctx, s)->start, _psephos_tok (ctx, e)->end);
              return;
            }
        }
    }
  for (int i = 0; i < n; i++)
    {
      Token *t = _psephos_tok (ctx, i);

      if (_psephos_tok_in (t, W ("as", "till", "until", "at", "by"))
          && (!_psephos_tok_is (t, "as") || _psephos_tok_in (_psephos_tok (ctx, i + 1), W ("of", "on", "at"))))
        {
          int k = _psephos_tok_is (t, "as") ? i + 2 : i + 1;
          Token *num = _psephos_tok (ctx, k);
          Token *unit = _psephos_tok (ctx, k + 1);
          int e;

          if (num == NULL || num->kind != TOK_NUMBER || num->num.value > 24 || unit == NULL)
            {
              if (_psephos_tok_in (num, W ("noon", "midnight")))
                set_as_of (ctx, num->start, num->end);
              continue;
            }
          if (!_psephos_tok_in (unit, W ("pm", "am", "p", "a", "hrs", "hours", "o")) && !_psephos_tok_is (unit, ":"))
            continue;
          e = k + 1;
          while (e + 1 < n && (_psephos_tok_is (_psephos_tok (ctx, e + 1), ".") || _psephos_tok_in (_psephos_tok (ctx, e + 1), W ("m", "clock", "'")))
                 && _psephos_tok (ctx, e + 1)->start == _psephos_tok (ctx, e)->poss_end)
            e++;
          if (_psephos_tok_is (unit, ":") && _psephos_tok (ctx, k + 2) && _psephos_tok (ctx, k + 2)->kind == TOK_NUMBER)
            {
              e = k + 2;
              if (_psephos_tok_in (_psephos_tok (ctx, e + 1), W ("pm", "am", "hrs", "ist")))
                e++;
            }
          /* "on counting day", "on Saturday" */
          if (_psephos_tok_is (_psephos_tok (ctx, e + 1), "on"))
            {
              int f = e + 2;

              while (f < n && f < e + 5 && _psephos_tok (ctx, f)->kind == TOK_WORD)
                f++;
              if (f > e + 2)
                e = f - 1;
            }
          set_as_of (ctx, num->start, _psephos_tok (ctx, e)->end);
          return;
        }
    }
  /* a live report's entry: "3 pm: Trends show …" */
  if (n > 3 && _psephos_tok (ctx, 0)->kind == TOK_NUMBER && _psephos_tok (ctx, 0)->num.value <= 12
      && _psephos_tok_in (_psephos_tok (ctx, 1), W ("am", "pm")) && _psephos_tok_in (_psephos_tok (ctx, 2), W (":", "-")))
    {
      set_as_of (ctx, _psephos_tok (ctx, 0)->start, _psephos_tok (ctx, 1)->end);
      return;
    }
  /* a live report's entry: "10:15 am: PM Narendra Modi is trailing …" */
  if (n > 4 && _psephos_tok (ctx, 0)->kind == TOK_NUMBER && _psephos_tok (ctx, 0)->num.value <= 24
      && _psephos_tok_is (_psephos_tok (ctx, 1), ":") && _psephos_tok (ctx, 2)->kind == TOK_NUMBER)
    {
      int e = _psephos_tok_in (_psephos_tok (ctx, 3), W ("am", "pm", "ist", "hrs")) ? 3 : 2;

      if (_psephos_tok_is (_psephos_tok (ctx, e + 1), ":") || _psephos_tok_is (_psephos_tok (ctx, e + 1), "-"))
        set_as_of (ctx, _psephos_tok (ctx, 0)->start, _psephos_tok (ctx, e)->end);
    }
}

/* ---- numbers ----------------------------------------------------------------- */

/* A cue among the @back tokens before @v, within its clause and not past
 * another number. Returns its index or -1. */
static int
cue_before (Ctx *ctx, int v, int back, const char *const *words)
{
  Clause c;

  clause_of (ctx, v, &c);
  for (int i = v - 1; i >= c.clause0 && i >= v - back; i--)
    {
      Token *t = _psephos_tok (ctx, i);

      if (t->kind == TOK_NUMBER)
        return -1;
      if (_psephos_tok_in (t, words))
        return i;
    }
  return -1;
}

static gboolean
sentence_has (Ctx *ctx, const char *const *words)
{
  for (int i = 0; i < _psephos_n_tokens (ctx); i++)
    if (_psephos_tok_in (_psephos_tok (ctx, i), words))
      return TRUE;
  return FALSE;
}

static PsephosExtractedFact *
number_fact (Ctx *ctx, const Mention *subject, const char *attribute, int first, int last, double value, PsephosExtractQualifier q)
{
  PsephosExtractedFact *f = _psephos_extract_add_fact (ctx, subject, attribute,
                                                       _psephos_tok (ctx, first)->start,
                                                       _psephos_tok (ctx, last)->end);

  f->has_number = TRUE;
  f->number = value;
  f->qualifier = q;
  return f;
}

static void
tally_election (Ctx *ctx, PsephosExtractedFact *f, int after)
{
  Token *a = _psephos_tok (ctx, after);
  Token *b = _psephos_tok (ctx, after + 1);

  if (_psephos_tok_in (a, W ("assembly", "vidhan")) || _psephos_tok_in (b, W ("assembly", "vidhan")))
    return;
  if (ctx->s_lok_sabha || _psephos_tok_is (a, "lok") || _psephos_tok_is (b, "lok"))
    {
      f->election = PSEPHOS_EXTRACT_ELECTION_GENERAL;
      f->year = ctx->lok_sabha_year ? ctx->lok_sabha_year : ctx->x->year;
      g_clear_pointer (&f->state, g_free);
    }
}

/* "N votes" */
static void
votes_rule (Ctx *ctx, int v, int unit)
{
  Token *num = _psephos_tok (ctx, v);
  int first;
  PsephosExtractQualifier q = qualifier_before (ctx, v, &first);
  int cue_margin = cue_before (ctx, first, 6, W ("margin", "by", "defeating", "defeated", "lead", "edge", "ahead", "behind", "trailing", "trails", "leading", "leads"));
  int cue_votes = cue_before (ctx, first, 5, vote_verbs);
  gboolean leading = cue_before (ctx, first, 8, W ("leading", "leads", "lead", "ahead", "edge")) >= 0;
  gboolean trailing = cue_before (ctx, first, 8, W ("trailing", "trails", "behind")) >= 0;
  Clause c;
  gboolean won;
  const char *attribute = "votes";
  Token *u = _psephos_tok (ctx, unit);
  Token *pre_unit = _psephos_tok (ctx, unit - 1);
  Mention *subject;
  Mention last_winner = { 0 };
  PsephosExtractedFact *f;

  clause_of (ctx, v, &c);
  won = FALSE;
  for (int i = c.clause0; i < c.clause1; i++)
    if (_psephos_tok_in (_psephos_tok (ctx, i), W ("won", "wins", "win", "triumphed", "victory", "clinched", "defeating", "defeated", "retained", "romped")))
      won = TRUE;
  if (_psephos_tok_is (pre_unit, "postal"))
    attribute = "postal_votes";
  else if (_psephos_tok_is (pre_unit, "evm"))
    attribute = "evm_votes";
  if (cue_before (ctx, first, 4, W ("nota")) >= 0)
    {
      Mention *seat = seat_for (ctx, v);

      f = number_fact (ctx, seat, "nota_votes", first, unit, num->num.value, q);
      if (seat == NULL && ctx->last_seat)
        f->seat = g_strdup (ctx->last_seat);
      return;
    }
  /* "1,23,456 votes were polled", "votes polled: N" */
  if (_psephos_tok_is (_psephos_tok (ctx, unit + 1), "polled")
      || (_psephos_tok_in (_psephos_tok (ctx, unit + 1), W ("were", "have", "had"))
          && _psephos_tok_in (_psephos_tok (ctx, unit + 2), W ("polled", "cast"))))
    {
      Mention *seat = seat_for (ctx, v);
      int end = _psephos_tok_is (_psephos_tok (ctx, unit + 1), "polled") ? unit + 1 : unit + 2;

      f = number_fact (ctx, seat, "votes_polled", first, end, num->num.value, q);
      return;
    }
  if (cue_margin >= 0)
    {
      Token *cue = _psephos_tok (ctx, cue_margin);

      if (_psephos_tok_in (cue, W ("trailing", "trails", "behind")) || (trailing && !won))
        {
          int tw = cue_before (ctx, first, 8, W ("trailing", "trails", "behind"));

          subject = subject_of (ctx, tw >= 0 ? tw : cue_margin, WANT_PERSON | WANT_PARTY);
          if (subject == NULL)
            return;
          cue = _psephos_tok (ctx, tw >= 0 ? tw : cue_margin);
          f = _psephos_extract_add_fact (ctx, subject, "result", cue->start, cue->end);
          f->text = g_strdup ("trailing");
          f->as_of = g_strdup (ctx->as_of);
          set_seat (ctx, f, subject, seat_for (ctx, cue_margin));
          return;
        }
      subject = subject_of_full (ctx, cue_margin, WANT_PERSON | WANT_PARTY,
                                 !_psephos_tok_in (cue, W ("by", "margin", "defeating", "defeated")));
      /* "X lost to Y by N votes", "X was defeated by Y by N votes": Y's margin */
      for (int k = c.clause0; k + 2 < first; k++)
        {
          Token *w = _psephos_tok (ctx, k), *to = _psephos_tok (ctx, k + 1), *who = _psephos_tok (ctx, k + 2);

          if (((_psephos_tok_in (w, W ("lost", "losing", "lose", "loses")) && _psephos_tok_is (to, "to"))
               || (_psephos_tok_is (w, "defeated") && _psephos_tok_is (to, "by")))
              && who->mention >= 0 && _psephos_mention (ctx, who->mention)->kind == M_PERSON)
            {
              Mention *winner = _psephos_mention (ctx, who->mention);

              if (_psephos_tok_is (to, "by"))
                {
                  PsephosExtractedFact *l = _psephos_extract_add_fact (ctx, subject, "result", w->start, w->end);

                  l->text = g_strdup ("lost");
                  set_seat (ctx, l, subject, seat_for (ctx, k));
                }
              subject = winner;
              break;
            }
        }
      if (subject == NULL && _psephos_tok_is (cue, "margin") && ctx->last_winner >= 0
          && cue_before (ctx, first, 6, W ("winning", "victory")) >= 0)
        {
          /* "The winning margin was 9,399 votes": the last winner's */
          last_winner.kind = M_PERSON;
          last_winner.person = ctx->last_winner;
          last_winner.start = cue->start;
          last_winner.end = cue->end;
          subject = &last_winner;
        }
      if (subject == NULL || (subject->kind == M_PARTY && seat_for (ctx, v) == NULL))
        return;
      f = number_fact (ctx, subject, "margin", first, unit, num->num.value, q);
      if (leading && !won)
        f->as_of = g_strdup (ctx->as_of);
      set_seat (ctx, f, subject, seat_for (ctx, v));
      if (leading && !won)
        {
          int lw = cue_before (ctx, first, 8, W ("leading", "leads", "lead", "ahead", "edge"));
          Token *word = _psephos_tok (ctx, lw >= 0 ? lw : cue_margin);
          PsephosExtractedFact *r = _psephos_extract_add_fact (ctx, subject, "result", word->start, word->end);

          r->text = g_strdup ("leading");
          r->as_of = g_strdup (ctx->as_of);
          set_seat (ctx, r, subject, seat_for (ctx, v));
        }
      return;
    }
  subject = NULL;
  if (cue_votes >= 0)
    subject = subject_of (ctx, cue_votes, WANT_PERSON | WANT_PARTY);
  else if (_psephos_tok (ctx, first - 1) && _psephos_tok (ctx, first - 1)->mention >= 0)
    subject = _psephos_mention (ctx, _psephos_tok (ctx, first - 1)->mention); /* "Soren 95,612 votes" */
  else if (_psephos_tok_in (_psephos_tok (ctx, first - 1), W (":", "-", ",", "(")) && _psephos_tok (ctx, first - 2)
           && _psephos_tok (ctx, first - 2)->mention >= 0)
    subject = _psephos_mention (ctx, _psephos_tok (ctx, first - 2)->mention);
  if (subject == NULL || (subject->kind != M_PERSON && subject->kind != M_PARTY))
    return;
  if (subject->kind == M_PARTY && seat_for (ctx, v) == NULL && !_psephos_tok_is (u, "votes"))
    return;
  f = number_fact (ctx, subject, attribute, first, unit, num->num.value, q);
  if (leading || trailing || ctx->as_of != NULL)
    f->as_of = g_strdup (ctx->as_of);
  if (won)
    g_clear_pointer (&f->as_of, g_free);
  set_seat (ctx, f, subject, seat_for (ctx, v));
}

/* Votes whose unit is left out: "X got 80,000 votes while Y got 70,000",
 * and a live report's tallies: "Round 7 of 24: Hemant Soren (JMM) - 34,567". */
static void
bare_votes_rule (Ctx *ctx, int v)
{
  Token *num = _psephos_tok (ctx, v);
  int first;
  PsephosExtractQualifier q = qualifier_before (ctx, v, &first);
  int cue = cue_before (ctx, first, 3, W ("got", "polled", "secured", "received", "garnered", "bagged", "managed", "obtained", "mustered"));
  Mention *subject = NULL;
  PsephosExtractedFact *f;
  int k = first - 1;

  if (num->num.flags & (PSEPHOS_NUMBER_PERCENT | PSEPHOS_NUMBER_DECIMAL))
    return;
  if (cue >= 0 && num->num.value >= 100 && sentence_has (ctx, W ("votes")))
    subject = subject_of (ctx, cue, WANT_PERSON);
  else if ((cue = cue_before (ctx, first, 2, W ("won", "bagged", "secured", "got", "grabbed"))) >= 0
           && sentence_has (ctx, W ("seats")))
    {
      /* "the JMM won 34 seats and the BJP won 21" */
      subject = subject_of (ctx, cue, WANT_PARTY | WANT_ALLIANCE);
      if (subject != NULL)
        {
          f = number_fact (ctx, subject, "seats_won", first, v, num->num.value, q);
          f->as_of = g_strdup (ctx->as_of);
          tally_election (ctx, f, v + 1);
        }
      return;
    }
  else if (_psephos_tok_in (_psephos_tok (ctx, k), W (":", "-"))
           && (ctx->as_of != NULL || sentence_has (ctx, W ("votes", "round", "seats", "tally"))))
    {
      k--;
      /* skip "(JMM)" */
      if (_psephos_tok_is (_psephos_tok (ctx, k), ")") && _psephos_tok_is (_psephos_tok (ctx, k - 2), "("))
        k -= 3;
      if (_psephos_tok (ctx, k) && _psephos_tok (ctx, k)->mention >= 0)
        subject = _psephos_mention (ctx, _psephos_tok (ctx, k)->mention);
    }
  /* "BJP: 240, Congress: 99" in a sentence about seats */
  if (subject != NULL && (subject->kind == M_PARTY || subject->kind == M_ALLIANCE)
      && sentence_has (ctx, W ("seats", "tally", "tallies", "won", "leading", "leads", "trends")))
    {
      gboolean lead = ctx->as_of != NULL || sentence_has (ctx, W ("leading", "leads", "ahead", "trends"));

      f = number_fact (ctx, subject, lead ? "seats_leading" : "seats_won", first, v, num->num.value, q);
      f->as_of = g_strdup (ctx->as_of);
      tally_election (ctx, f, v + 1);
      return;
    }
  if (subject == NULL || subject->kind != M_PERSON || num->num.value < 100)
    return;
  f = number_fact (ctx, subject, "votes", first, v, num->num.value, q);
  f->as_of = g_strdup (ctx->as_of);
  set_seat (ctx, f, subject, seat_for (ctx, v));
}

/* "N seats": a party's or alliance's tally, or the election's size */
static void
seats_rule (Ctx *ctx, int v, int unit)
{
  Token *num = _psephos_tok (ctx, v);
  int first;
  PsephosExtractQualifier q = qualifier_before (ctx, v, &first);
  int lead = cue_before (ctx, first, 4, W ("leading", "ahead", "leads", "lead"));
  int won = cue_before (ctx, first, 5, W ("won", "wins", "winning", "bagged", "bags", "secured", "secures", "securing", "clinched", "bagging", "grabbed", "swept", "with", "captured", "got", "tally", "bag", "win", "winner", "winners", "claimed"));
  int total = cue_before (ctx, first, 3, W ("across", "for", "all", "total", "of"));
  Mention *subject;
  PsephosExtractedFact *f;
  const char *attribute;

  if (lead >= 0)
    attribute = "seats_leading";
  else if (won >= 0)
    attribute = "seats_won";
  else if (total >= 0 && (_psephos_tok_in (_psephos_tok (ctx, unit - 1), W ("assembly", "constituencies")) || sentence_has (ctx, W ("voting", "polling", "polls", "bypolls", "elections", "election"))))
    {
      f = number_fact (ctx, NULL, "seats_total", first, unit, num->num.value, q);
      tally_election (ctx, f, v + 1);
      return;
    }
  else
    return;
  subject = subject_of (ctx, lead >= 0 ? lead : won, WANT_PARTY | WANT_ALLIANCE);
  if (subject == NULL)
    return;
  f = number_fact (ctx, subject, attribute, first, unit, num->num.value, q);
  f->as_of = g_strdup (ctx->as_of);
  tally_election (ctx, f, v + 1);
}

/* "81-member Assembly", "42-seat majority mark", "majority mark of 42",
 * "the halfway mark of 272" */
static gboolean
size_rule (Ctx *ctx, int v)
{
  Token *num = _psephos_tok (ctx, v);
  Token *dash = _psephos_tok (ctx, v + 1);
  Token *noun = _psephos_tok (ctx, v + 2);
  int n = _psephos_n_tokens (ctx);
  PsephosExtractedFact *f;

  if (_psephos_tok_is (dash, "-") && _psephos_tok_in (noun, W ("member", "seat", "strong", "members", "seater")))
    {
      for (int k = v + 3; k < n && k <= v + 5; k++)
        {
          Token *t = _psephos_tok (ctx, k);

          if (_psephos_tok_in (t, W ("majority", "halfway", "magic")))
            {
              int e = k;

              while (e + 1 < n && e < k + 2 && _psephos_tok_in (_psephos_tok (ctx, e + 1), W ("mark", "figure", "number")))
                e++;
              f = number_fact (ctx, NULL, "majority_mark", v, e, num->num.value, PSEPHOS_EXTRACT_EXACT);
              tally_election (ctx, f, e + 1);
              return TRUE;
            }
          if (_psephos_tok_in (t, W ("assembly", "house", "legislature", "sabha", "council")))
            {
              f = number_fact (ctx, NULL, "seats_total", v, k, num->num.value, PSEPHOS_EXTRACT_EXACT);
              tally_election (ctx, f, v + 3);
              return TRUE;
            }
        }
      return FALSE;
    }
  /* "majority mark of 42", "halfway mark of 272 seats" */
  if (_psephos_tok_is (_psephos_tok (ctx, v - 1), "of")
      && _psephos_tok_in (_psephos_tok (ctx, v - 2), W ("mark", "figure", "number", "majority"))
      && !_psephos_tok_in (_psephos_tok (ctx, v + 1), W ("votes", "vote")))
    {
      int s = v - 2;

      while (s > 0 && s > v - 4 && _psephos_tok_in (_psephos_tok (ctx, s - 1), W ("majority", "halfway", "magic", "simple")))
        s--;
      if (!_psephos_tok_in (_psephos_tok (ctx, s), W ("majority", "halfway", "magic", "simple")))
        return FALSE;
      f = number_fact (ctx, NULL, "majority_mark", s, _psephos_tok_in (_psephos_tok (ctx, v + 1), seat_words) ? v + 1 : v,
                       num->num.value, PSEPHOS_EXTRACT_EXACT);
      tally_election (ctx, f, v + 1);
      return TRUE;
    }
  return FALSE;
}

/* "65.42%" with turnout, or a vote share */
static void
percent_rule (Ctx *ctx, int v)
{
  Token *num = _psephos_tok (ctx, v);
  int first;
  PsephosExtractQualifier q = qualifier_before (ctx, v, &first);
  Clause c;
  gboolean turnout = FALSE, share = FALSE;
  PsephosExtractedFact *f;
  Mention *seat;
  int phase = -1;

  clause_of (ctx, v, &c);
  for (int i = c.clause0; i < c.clause1; i++)
    {
      Token *t = _psephos_tok (ctx, i);

      if (_psephos_tok_in (t, W ("turnout", "polling", "voting", "electorate", "turn", "franchise", "poll")))
        turnout = TRUE;
      if (_psephos_tok_in (t, W ("share", "shares")))
        share = TRUE;
      if (_psephos_tok_is (t, "phase") && i > 0)
        phase = i;
    }
  if (_psephos_tok_in (_psephos_tok (ctx, v + 1), W ("of")) && _psephos_tok_in (_psephos_tok (ctx, v + 2), W ("votes", "the")))
    share = !turnout || share;
  /* "X got 45.6% votes" */
  if (_psephos_tok_in (_psephos_tok (ctx, v + 1), W ("votes", "vote")))
    share = TRUE;
  if (share)
    {
      Mention *subject = subject_of (ctx, v, WANT_PERSON | WANT_PARTY | WANT_ALLIANCE);

      /* "the BJP's vote share rose to 41.2%" */
      for (int k = c.clause0; k < v && subject == NULL; k++)
        {
          Token *t = _psephos_tok (ctx, k);

          if (t->mention >= 0 && _psephos_mention (ctx, t->mention)->possessive
              && _psephos_tok_in (_psephos_tok (ctx, _psephos_mention (ctx, t->mention)->t1), W ("vote", "votes", "share")))
            subject = _psephos_mention (ctx, t->mention);
        }

      if (subject == NULL)
        return;
      f = number_fact (ctx, subject, "vote_share_pct", first, v, num->num.value, q);
      f->as_of = g_strdup (ctx->as_of);
      if (subject->kind == M_PERSON)
        set_seat (ctx, f, subject, seat_for (ctx, v));
      else
        tally_election (ctx, f, v + 1);
      return;
    }
  if (!turnout)
    return;
  seat = seat_for (ctx, v);
  if (seat == NULL && ctx->paragraph_seat != NULL && sentence_has (ctx, W ("constituency", "seat", "segment")))
    {
      f = number_fact (ctx, NULL, "turnout_pct", first, v, num->num.value, q);
      f->kind = PSEPHOS_EXTRACT_SEAT;
      f->subject = g_strdup (ctx->paragraph_seat);
      f->seat = g_strdup (ctx->paragraph_seat);
      return;
    }
  if (seat == NULL && ctx->x->election == PSEPHOS_EXTRACT_ELECTION_BYPOLL && ctx->last_seat != NULL)
    {
      f = number_fact (ctx, NULL, "turnout_pct", first, v, num->num.value, q);
      f->kind = PSEPHOS_EXTRACT_SEAT;
      f->subject = g_strdup (ctx->last_seat);
      f->seat = g_strdup (ctx->last_seat);
    }
  else
    f = number_fact (ctx, seat, "turnout_pct", first, v, num->num.value, q);
  if (phase >= 0 && _psephos_tok (ctx, phase - 1)->kind != TOK_PUNCT)
    {
      int s = phase - 1;

      if (_psephos_tok_in (_psephos_tok (ctx, s), W ("th", "st", "nd", "rd")) && s > 0)
        s--;
      f->attribute = "phase_turnout_pct";
      f->as_of = g_strndup (ctx->body + _psephos_tok (ctx, s)->start,
                            _psephos_tok (ctx, phase)->end - _psephos_tok (ctx, s)->start);
    }
  else if (ctx->as_of != NULL && seat != NULL)
    f->as_of = g_strdup (ctx->as_of);
}

/* "electors", "registered voters", "electorate of N" */
static void
electors_rule (Ctx *ctx, int v)
{
  Token *num = _psephos_tok (ctx, v);
  Token *next = _psephos_tok (ctx, v + 1);
  Token *next2 = _psephos_tok (ctx, v + 2);
  int first, last = -1;
  PsephosExtractQualifier q = qualifier_before (ctx, v, &first);
  PsephosExtractedFact *f;

  if (_psephos_tok_in (next, W ("electors", "voters")) && _psephos_tok_in (_psephos_tok (ctx, first - 1), W ("registered", "eligible", "total")))
    last = v + 1;
  else if (_psephos_tok_is (next, "electors"))
    last = v + 1;
  else if (_psephos_tok_in (next, W ("registered", "eligible")) && _psephos_tok_in (next2, W ("voters", "electors")))
    last = v + 2;
  else if (_psephos_tok_is (_psephos_tok (ctx, first - 1), "of") && _psephos_tok_in (_psephos_tok (ctx, first - 2), W ("electorate", "electors")))
    first = first - 2, last = v;
  if (last < 0)
    return;
  f = number_fact (ctx, seat_for (ctx, v), "electors", first, last, num->num.value, q);
  if (f->kind == PSEPHOS_EXTRACT_ELECTION)
    {
      /* "The constituency has N electors" in a paragraph about one seat */
      const char *seat = ctx->paragraph_seat != NULL && sentence_has (ctx, W ("constituency", "seat", "segment"))
                           ? ctx->paragraph_seat
                         : ctx->x->election == PSEPHOS_EXTRACT_ELECTION_BYPOLL ? ctx->last_seat
                                                                               : NULL;

      if (seat != NULL)
        {
          f->kind = PSEPHOS_EXTRACT_SEAT;
          f->subject = g_strdup (seat);
          f->seat = g_strdup (seat);
        }
    }
}

/* ---- the sentence ------------------------------------------------------------ */

Mention *
_psephos_extract_subject (Ctx *ctx, int v, guint want, gboolean nearest_ok)
{
  return subject_of_full (ctx, v, want, nearest_ok);
}

Mention *
_psephos_extract_seat_for (Ctx *ctx, int v)
{
  return seat_for (ctx, v);
}

void
_psephos_extract_set_seat (Ctx *ctx, PsephosExtractedFact *f, const Mention *subject, const Mention *seat)
{
  set_seat (ctx, f, subject, seat);
}

void
_psephos_extract_clause (Ctx *ctx, int v, int *clause0, int *clause1)
{
  Clause c;

  clause_of (ctx, v, &c);
  *clause0 = c.clause0;
  *clause1 = c.clause1;
}

gboolean
_psephos_extract_guarded (Ctx *ctx, int v)
{
  return guarded (ctx, v) || unreal (ctx, v);
}

void
_psephos_extract_rules_english (Ctx *ctx)
{
  int n = _psephos_n_tokens (ctx);

  if (ctx->paragraph_start)
    ctx->s_lok_sabha = FALSE;
  ctx->s_rajya_sabha = FALSE;
  for (int i = 0; i + 1 < n; i++)
    {
      Token *t = _psephos_tok (ctx, i);

      if (_psephos_tok_is (_psephos_tok (ctx, i + 1), "sabha"))
        {
          if (_psephos_tok_is (t, "lok"))
            {
              Token *y = _psephos_tok (ctx, i - 1);

              ctx->s_lok_sabha = TRUE;
              if (y != NULL && y->kind == TOK_NUMBER && y->num.value >= 1951 && y->num.value <= 2100)
                ctx->lok_sabha_year = (int) y->num.value;
            }
          else if (_psephos_tok_is (t, "rajya"))
            ctx->s_rajya_sabha = TRUE;
        }
    }
  if (ctx->s_rajya_sabha || ctx->s_quoted)
    return;
  find_as_of (ctx);

  for (int v = 0; v < n; v++)
    {
      Token *t = _psephos_tok (ctx, v);
      int unit = v + 1;

      if (t->kind != TOK_NUMBER)
        continue;
      /* the past and projections are not this count */
      if (unreal (ctx, v))
        continue;
      if (t->num.flags & PSEPHOS_NUMBER_PERCENT)
        {
          percent_rule (ctx, v);
          continue;
        }
      if (size_rule (ctx, v))
        continue;
      /* "postal votes", "EVM votes", "other seats" */
      if (_psephos_tok_in (_psephos_tok (ctx, unit), W ("postal", "evm", "other", "more", "assembly", "lok", "vidhan")))
        unit++;
      if (_psephos_tok_is (_psephos_tok (ctx, unit), "sabha"))
        unit++;
      /* "won 48 of the 90 seats" */
      if (_psephos_tok_is (_psephos_tok (ctx, unit), "of"))
        {
          int k = _psephos_tok_is (_psephos_tok (ctx, unit + 1), "the") ? unit + 2 : unit + 1;

          if (_psephos_tok (ctx, k) && _psephos_tok (ctx, k)->kind == TOK_NUMBER
              && _psephos_tok_in (_psephos_tok (ctx, k + 1), seat_words))
            {
              seats_rule (ctx, v, v);
              continue;
            }
        }
      if (_psephos_tok_in (_psephos_tok (ctx, unit), W ("votes", "vote", "ballots")))
        votes_rule (ctx, v, unit);
      else if (_psephos_tok_in (_psephos_tok (ctx, unit), seat_words))
        seats_rule (ctx, v, unit);
      else if (!_psephos_tok (ctx, unit) || _psephos_tok (ctx, unit)->kind == TOK_PUNCT)
        {
          /* "… and is leading in six.", "… leading in one more" */
          if (cue_before (ctx, v, 3, W ("leading", "ahead", "leads")) >= 0
              && _psephos_tok_is (_psephos_tok (ctx, v - 1), "in"))
            seats_rule (ctx, v, unit - 1);
          else
            bare_votes_rule (ctx, v);
        }
      else if (_psephos_tok_in (_psephos_tok (ctx, v - 1), W (":", "-")))
        bare_votes_rule (ctx, v); /* "INDIA bloc - 233 as counting continues" */
      electors_rule (ctx, v);
    }

  _psephos_extract_results (ctx);
}
