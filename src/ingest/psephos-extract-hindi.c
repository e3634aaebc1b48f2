/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-extract-hindi.c — Hindi-language reports: party names as Hindi
 * news writes them (भाजपा, कांग्रेस, झामुमो …), names before the ergative
 * ने, and the phrases results are stated in:
 *
 *   "९,३९९ वोटों से जीत" / "9,399 मतों के अंतर से हराया" → margin, won
 *   "३,००० वोटों से आगे" / "पीछे"                         → leading / trailing
 *   "३२,७३७ वोट मिले" / "मत प्राप्त"                       → votes
 *   "६५.४२ प्रतिशत मतदान"                                 → turnout
 *   "२० सीटें जीतीं", "१४ सीटों पर आगे / बढ़त"               → tallies
 *
 * Devanagari digits are read by psephos-numbers.c.
 */
#include "config.h"

#include <string.h>

#include "psephos-extract-private.h"

#define W(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const struct
{
  const char *word;
  const char *abbr;
} hindi_parties[] = {
  { "भाजपा", "BJP" },
  { "बीजेपी", "BJP" },
  { "कांग्रेस", "INC" },
  { "कॉन्ग्रेस", "INC" },
  { "झामुमो", "JMM" },
  { "जेएमएम", "JMM" },
  { "सपा", "SP" },
  { "बसपा", "BSP" },
  { "राजद", "RJD" },
  { "जदयू", "JD(U)" },
  { "तृणमूल", "AITC" },
  { "टीएमसी", "AITC" },
  { "द्रमुक", "DMK" },
  { "डीएमके", "DMK" },
  { "शिवसेना", "SHS" },
  { "एनसीपी", "NCP" },
  { "माकपा", "CPI(M)" },
  { "भाकपा", "CPI" },
  { "निर्दलीय", "IND" },
  { "आजसू", "AJSU" },
  { "इनेलो", "INLD" },
  { "जजपा", "JJP" },
  { "टीडीपी", "TDP" },
  { "बीजद", "BJD" },
  { "अकाली", "SAD" },
  { "रालोद", "RLD" },
};

const char *
_psephos_extract_hindi_party (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (hindi_parties); i++)
    if (word[3] == hindi_parties[i].word[3] && word[5] == hindi_parties[i].word[5]
        && strcmp (word, hindi_parties[i].word) == 0)
      return hindi_parties[i].abbr;
  return NULL;
}

/* Words that end a name read backwards from ने / को. */
static const char *const not_name[] = {
  "के", "की", "का", "में", "से", "और", "ने", "को", "पर", "प्रत्याशी", "उम्मीदवार", "नेता", "विधायक",
  "सांसद", "मुख्यमंत्री", "मंत्री", "पूर्व", "ही", "भी", "तो", "है", "था", "थी", "हैं", "वहीं", "जबकि",
  "सीट", "सीटों", "विधानसभा", "चुनाव", "उपचुनाव", "प्रदेश", "पार्टी", "दल", "यहां", "इस", "उस", NULL
};

/* "हेमंत सोरेन ने" / "गमलियल हेम्ब्रम को": the name before token @v. */
static Mention *
name_before (Ctx *ctx, int v)
{
  int s = v;
  Mention m = { 0 };
  char text[256];
  gsize a, b;

  if (v > 0 && _psephos_tok (ctx, v - 1)->mention >= 0)
    return _psephos_mention (ctx, _psephos_tok (ctx, v - 1)->mention);
  while (s > 0 && s > v - 3)
    {
      Token *t = _psephos_tok (ctx, s - 1);

      if (t->kind != TOK_WORD || !(t->flags & TOKF_DEVANAGARI) || t->mention >= 0 || _psephos_tok_in (t, not_name))
        break;
      s--;
    }
  if (s == v || v - s < 2)
    return NULL;
  a = _psephos_tok (ctx, s)->start;
  b = _psephos_tok (ctx, v - 1)->end;
  g_strlcpy (text, ctx->body + a, MIN (sizeof text, b - a + 1));
  m.kind = M_PERSON;
  m.t0 = s;
  m.t1 = v;
  m.start = a;
  m.end = b;
  /* people are found by their spelling; a Hindi name is its own key */
  m.person = -1;
  for (guint i = 0; i < ctx->x->people->len; i++)
    if (strcmp (((PsephosExtractedPerson *) g_ptr_array_index (ctx->x->people, i))->name, text) == 0)
      m.person = (int) i;
  if (m.person < 0)
    {
      PsephosExtractedPerson *p = g_new0 (PsephosExtractedPerson, 1);

      p->name = g_strdup (text);
      p->spellings = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (p->spellings, g_strdup (text));
      m.person = (int) ctx->x->people->len;
      g_ptr_array_add (ctx->x->people, p);
      g_array_set_size (ctx->person_seen, ctx->x->people->len);
    }
  g_array_append_val (ctx->mentions, m);
  for (int i = s; i < v; i++)
    _psephos_tok (ctx, i)->mention = (int) ctx->mentions->len - 1;
  /* "भाजपा के गमलियल हेम्ब्रम", "भाजपा प्रत्याशी …" */
  if (s >= 2 && _psephos_tok_in (_psephos_tok (ctx, s - 1), W ("के", "की", "प्रत्याशी", "उम्मीदवार", "नेता"))
      && _psephos_tok (ctx, s - 2)->mention >= 0)
    {
      Mention *party = _psephos_mention (ctx, _psephos_tok (ctx, s - 2)->mention);

      if (party->kind == M_PARTY || party->kind == M_ALLIANCE)
        _psephos_extract_party_fact (ctx, _psephos_mention (ctx, ctx->mentions->len - 1), party);
    }
  return _psephos_mention (ctx, ctx->mentions->len - 1);
}

/* The clause's subject: the name before ने (for "… को N वोट मिले", before
 * को), else the first person or party. */
static Mention *
hindi_subject (Ctx *ctx, int before, const char *marker)
{
  for (int i = 0; i < before; i++)
    if (_psephos_tok_is (_psephos_tok (ctx, i), marker))
      {
        Mention *m = name_before (ctx, i);

        if (m != NULL)
          return m;
      }
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = _psephos_mention (ctx, i);

      if (m->t1 <= before && (m->kind == M_PERSON || m->kind == M_PARTY || m->kind == M_ALLIANCE))
        return m;
    }
  return NULL;
}

static Mention *
hindi_object (Ctx *ctx)
{
  for (int i = 1; i < _psephos_n_tokens (ctx); i++)
    if (_psephos_tok_is (_psephos_tok (ctx, i), "को"))
      return name_before (ctx, i);
  return NULL;
}

static PsephosExtractedFact *
hindi_fact (Ctx *ctx, Mention *subject, const char *attribute, int first, int last)
{
  return _psephos_extract_add_fact (ctx, subject, attribute, _psephos_tok (ctx, first)->start,
                                    _psephos_tok (ctx, last)->end);
}

static PsephosExtractQualifier
hindi_qualifier (Ctx *ctx, int v, int unit, int *first, int *last)
{
  Token *before = _psephos_tok (ctx, v - 1);
  Token *after = _psephos_tok (ctx, unit + 1);

  *first = v;
  *last = unit;
  if (_psephos_tok_in (before, W ("लगभग", "करीब", "क़रीब", "तकरीबन", "लगभग")))
    return (*first = v - 1), PSEPHOS_EXTRACT_ABOUT;
  if (_psephos_tok_in (after, W ("से")) && _psephos_tok_in (_psephos_tok (ctx, unit + 2), W ("अधिक", "ज्यादा", "ज़्यादा")))
    return (*last = unit + 2), PSEPHOS_EXTRACT_AT_LEAST;
  if (_psephos_tok_in (after, W ("से")) && _psephos_tok_in (_psephos_tok (ctx, unit + 2), W ("कम")))
    return (*last = unit + 2), PSEPHOS_EXTRACT_AT_MOST;
  return PSEPHOS_EXTRACT_EXACT;
}

/* The first of @words within @span tokens after @from, or -1. */
static int
word_after (Ctx *ctx, int from, int span, const char *const *words)
{
  for (int k = from; k < _psephos_n_tokens (ctx) && k <= from + span; k++)
    if (_psephos_tok_in (_psephos_tok (ctx, k), words))
      return k;
  return -1;
}

/* "बरहेट सीट", "बरहेट विधानसभा सीट", "बरहेट विधानसभा क्षेत्र" */
static void
hindi_seats (Ctx *ctx)
{
  for (int i = 1; i < _psephos_n_tokens (ctx); i++)
    {
      int e = i, s;
      Mention m = { 0 };
      char text[128];
      gsize a, b;

      if (!_psephos_tok_in (_psephos_tok (ctx, i), W ("सीट", "क्षेत्र", "निर्वाचन")))
        continue;
      if (_psephos_tok_is (_psephos_tok (ctx, e - 1), "विधानसभा"))
        e--;
      s = e;
      while (s > 0 && s > e - 2)
        {
          Token *t = _psephos_tok (ctx, s - 1);

          if (t->kind != TOK_WORD || !(t->flags & TOKF_DEVANAGARI) || t->mention >= 0 || _psephos_tok_in (t, not_name))
            break;
          s--;
        }
      if (s == e)
        continue;
      a = _psephos_tok (ctx, s)->start;
      b = _psephos_tok (ctx, e - 1)->end;
      g_strlcpy (text, ctx->body + a, MIN (sizeof text, b - a + 1));
      m.kind = M_SEAT;
      m.t0 = s;
      m.t1 = e;
      m.start = a;
      m.end = b;
      m.person = -1;
      m.abbr = _psephos_extract_intern (ctx, text, -1);
      _psephos_extract_note_seat (ctx, m.abbr, ctx->last_state);
      g_array_append_val (ctx->mentions, m);
      for (int k = s; k < e; k++)
        _psephos_tok (ctx, k)->mention = (int) ctx->mentions->len - 1;
      ctx->last_seat = m.abbr;
    }
}

/* Results without numbers: "X ने Y को हराया", "X विजयी रहे", "X आगे चल रहे
 * हैं", "Y पीछे चल रहे हैं". */
static void
hindi_results (Ctx *ctx)
{
  for (int v = 1; v < _psephos_n_tokens (ctx); v++)
    {
      Token *t = _psephos_tok (ctx, v);
      const char *result = NULL;
      Mention *subject;
      PsephosExtractedFact *f;

      if (!(t->flags & TOKF_DEVANAGARI))
        continue;
      if (_psephos_tok_in (t, W ("हराया", "हराकर", "विजयी", "जीते", "जीतीं", "जीता", "जीती")))
        result = "won";
      else if (_psephos_tok_is (t, "जीत") && _psephos_tok_in (_psephos_tok (ctx, v + 1), W ("दर्ज", "हासिल", "गए", "गईं", "गई")))
        result = "won";
      else if (_psephos_tok_in (t, W ("आगे", "बढ़त")) && _psephos_tok_in (_psephos_tok (ctx, v + 1), W ("चल", "बनाए", "बनाई", "बना", "हैं", "है")))
        result = "leading";
      else if (_psephos_tok_is (t, "पीछे") && _psephos_tok_in (_psephos_tok (ctx, v + 1), W ("चल", "हैं", "है", "रह")))
        result = "trailing";
      else if (_psephos_tok_in (t, W ("हारे", "हारीं", "हार")) && !_psephos_tok_is (_psephos_tok (ctx, v - 1), "की"))
        result = "lost";
      if (result == NULL)
        continue;
      /* a number just before belongs to the margin rule */
      if (_psephos_tok (ctx, v - 1)->kind == TOK_NUMBER || _psephos_tok_is (_psephos_tok (ctx, v - 1), "से"))
        continue;
      subject = hindi_subject (ctx, v, "ने");
      if (subject == NULL)
        subject = name_before (ctx, v);
      if (subject == NULL || subject->kind != M_PERSON)
        continue;
      f = hindi_fact (ctx, subject, "result", v, v);
      f->text = g_strdup (result);
      if (g_str_equal (result, "leading") || g_str_equal (result, "trailing"))
        f->as_of = g_strdup (ctx->as_of);
      _psephos_extract_set_seat (ctx, f, subject, _psephos_extract_seat_for (ctx, v));
      if (g_str_equal (result, "won"))
        {
          Mention *loser = hindi_object (ctx);

          if (loser != NULL && loser != subject && loser->kind == M_PERSON)
            {
              f = hindi_fact (ctx, loser, "result", loser->t0, loser->t1 - 1);
              f->text = g_strdup ("lost");
              _psephos_extract_set_seat (ctx, f, loser, _psephos_extract_seat_for (ctx, v));
            }
        }
    }
}

void
_psephos_extract_rules_hindi (Ctx *ctx)
{
  int n = _psephos_n_tokens (ctx);

  if (ctx->s_quoted)
    return;
  hindi_seats (ctx);
  hindi_results (ctx);
  for (int v = 0; v < n; v++)
    {
      Token *num = _psephos_tok (ctx, v);
      Token *unit = _psephos_tok (ctx, v + 1);
      PsephosExtractQualifier q;
      PsephosExtractedFact *f;
      Mention *subject, *seat;
      int first, last, k;

      if (num->kind != TOK_NUMBER)
        continue;
      seat = _psephos_extract_seat_for (ctx, v);
      if ((num->num.flags & PSEPHOS_NUMBER_PERCENT) && word_after (ctx, MAX (0, v - 4), 8, W ("मतदान", "वोटिंग")) >= 0)
        {
          f = hindi_fact (ctx, seat, "turnout_pct", v, v);
          f->has_number = TRUE;
          f->number = num->num.value;
          continue;
        }
      if (_psephos_tok_in (unit, W ("वोटों", "मतों", "वोट", "मत")))
        {
          q = hindi_qualifier (ctx, v, v + 1, &first, &last);
          /* "… वोटों के अंतर से", "… वोटों से" */
          k = last + 1;
          if (_psephos_tok_is (_psephos_tok (ctx, k), "के") && _psephos_tok_is (_psephos_tok (ctx, k + 1), "अंतर"))
            k += 2, last = k - 1;
          if (_psephos_tok_is (_psephos_tok (ctx, k), "से"))
            {
              int win = word_after (ctx, k + 1, 4, W ("जीत", "जीते", "जीतीं", "जीता", "जीती", "हराया", "हराकर", "हरा", "विजयी", "जीतकर"));
              int ahead = word_after (ctx, k + 1, 3, W ("आगे", "बढ़त"));
              int behind = word_after (ctx, k + 1, 3, W ("पीछे"));

              subject = hindi_subject (ctx, v, "ने");
              if (subject == NULL)
                subject = name_before (ctx, first); /* "हेमंत सोरेन ३९,७९१ वोटों से जीते" */
              if (subject == NULL || (win < 0 && ahead < 0 && behind < 0))
                continue;
              if (behind >= 0)
                {
                  f = hindi_fact (ctx, subject, "result", first, behind);
                  f->text = g_strdup ("trailing");
                  f->as_of = g_strdup (ctx->as_of);
                  _psephos_extract_set_seat (ctx, f, subject, seat);
                  continue;
                }
              f = hindi_fact (ctx, subject, "margin", first, last);
              f->has_number = TRUE;
              f->number = num->num.value;
              f->qualifier = q;
              if (ahead >= 0)
                f->as_of = g_strdup (ctx->as_of);
              _psephos_extract_set_seat (ctx, f, subject, seat);
              f = hindi_fact (ctx, subject, "result", win >= 0 ? win : ahead, win >= 0 ? win : ahead);
              f->text = g_strdup (win >= 0 ? "won" : "leading");
              if (win < 0)
                f->as_of = g_strdup (ctx->as_of);
              _psephos_extract_set_seat (ctx, f, subject, seat);
              if (win >= 0)
                {
                  Mention *loser = hindi_object (ctx);

                  if (loser != NULL && loser != subject && loser->kind == M_PERSON)
                    {
                      f = hindi_fact (ctx, loser, "result", loser->t0, loser->t1 - 1);
                      f->text = g_strdup ("lost");
                      _psephos_extract_set_seat (ctx, f, loser, seat);
                    }
                }
              continue;
            }
          /* "३२,७३७ वोट मिले", "… मत प्राप्त हुए" */
          if (word_after (ctx, k, 2, W ("मिले", "मिला", "प्राप्त", "हासिल", "पाए", "मिलीं")) >= 0)
            {
              subject = hindi_subject (ctx, v, "को");
              if (subject == NULL)
                continue;
              f = hindi_fact (ctx, subject, "votes", first, last);
              f->has_number = TRUE;
              f->number = num->num.value;
              f->qualifier = q;
              _psephos_extract_set_seat (ctx, f, subject, seat);
            }
          continue;
        }
      if (_psephos_tok_in (unit, W ("सीटें", "सीटों", "सीट")))
        {
          int won = word_after (ctx, v + 2, 3, W ("जीतीं", "जीती", "जीत", "जीते", "जीता"));
          int ahead = word_after (ctx, v + 2, 3, W ("आगे", "बढ़त"));

          subject = hindi_subject (ctx, v, "ने");
          if (subject == NULL || subject->kind == M_PERSON || (won < 0 && ahead < 0))
            continue;
          f = hindi_fact (ctx, subject, won >= 0 ? "seats_won" : "seats_leading", v, v + 1);
          f->has_number = TRUE;
          f->number = num->num.value;
          f->as_of = g_strdup (ctx->as_of);
        }
    }
}
