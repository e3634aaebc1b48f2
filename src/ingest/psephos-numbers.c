/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-numbers.c — parsing numbers as Indian news writes them.
 *
 * Hand-written scanning (no regex): the extractor calls this for every
 * number in every article, so it must be cheap.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "psephos-numbers.h"

int
_psephos_number_digit_at (const char *p,
                          const char *end,
                          int *n_bytes)
{
  const guchar *u = (const guchar *) p;

  if (p >= end)
    return -1;
  if (u[0] >= '0' && u[0] <= '9')
    {
      *n_bytes = 1;
      return u[0] - '0';
    }
  /* Devanagari digits U+0966..U+096F: E0 A5 A6..AF */
  if (end - p >= 3 && u[0] == 0xE0 && u[1] == 0xA5 && u[2] >= 0xA6 && u[2] <= 0xAF)
    {
      *n_bytes = 3;
      return u[2] - 0xA6;
    }
  return -1;
}

static gboolean
is_ascii_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* TRUE when the character before @pos is a letter or a digit (so a number
 * or word cannot start at @pos). */
static gboolean
word_char_before (const char *text,
                  gsize pos)
{
  const char *prev;
  gunichar c;

  if (pos == 0)
    return FALSE;
  if ((guchar) text[pos - 1] < 0x80)
    return g_ascii_isalnum (text[pos - 1]);
  prev = g_utf8_find_prev_char (text, text + pos);
  if (prev == NULL)
    return FALSE;
  c = g_utf8_get_char (prev);
  /* Devanagari vowel signs and virama are part of a word too. */
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
word_char_at (const char *p,
              const char *end)
{
  gunichar c;

  if (p >= end)
    return FALSE;
  if ((guchar) *p < 0x80)
    return g_ascii_isalnum (*p);
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return FALSE;
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Matches @word (ASCII, lower case, or UTF-8 as is) at @p, case-insensitive
 * for ASCII, ending at a word boundary. Returns its length or 0. */
static gsize
match_word (const char *p,
            const char *end,
            const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (end - p) < n)
    return 0;
  if (g_ascii_strncasecmp (p, word, n) != 0)
    return 0;
  if (word_char_at (p + n, end))
    return 0;
  return n;
}

typedef struct
{
  const char *word;
  double value;
} NumberWord;

static const NumberWord number_words[] = {
  { "zero", 0 },
  { "one", 1 },
  { "two", 2 },
  { "three", 3 },
  { "four", 4 },
  { "five", 5 },
  { "six", 6 },
  { "seven", 7 },
  { "eight", 8 },
  { "nine", 9 },
  { "ten", 10 },
  { "eleven", 11 },
  { "twelve", 12 },
  { "thirteen", 13 },
  { "fourteen", 14 },
  { "fifteen", 15 },
  { "sixteen", 16 },
  { "seventeen", 17 },
  { "eighteen", 18 },
  { "nineteen", 19 },
  { "twenty", 20 },
  { "thirty", 30 },
  { "forty", 40 },
  { "fifty", 50 },
  { "sixty", 60 },
  { "seventy", 70 },
  { "eighty", 80 },
  { "ninety", 90 },
  { "a dozen", 12 },
  { "a hundred", 100 },
  /* Hindi */
  { "एक", 1 },
  { "दो", 2 },
  { "तीन", 3 },
  { "चार", 4 },
  { "पांच", 5 },
  { "पाँच", 5 },
  { "छह", 6 },
  { "सात", 7 },
  { "आठ", 8 },
  { "नौ", 9 },
  { "दस", 10 },
};

typedef struct
{
  const char *word;
  double factor;
} Scale;

static const Scale scales[] = {
  { "lakhs", 1e5 },
  { "lakh", 1e5 },
  { "lacs", 1e5 },
  { "lac", 1e5 },
  { "crores", 1e7 },
  { "crore", 1e7 },
  { "million", 1e6 },
  { "thousand", 1e3 },
  { "लाख", 1e5 },
  { "करोड़", 1e7 },
  { "करोड़", 1e7 },
  { "हजार", 1e3 },
  { "हज़ार", 1e3 },
};

static const char *percent_words[] = {
  "per cent",
  "percent",
  "pc",
  "प्रतिशत",
  "फीसदी",
  "फ़ीसदी",
  "फीसद",
};

/* Optional suffixes after the digits: a scale word, then a percent sign or
 * word. Updates *pos and the value. */
static void
parse_suffixes (const char *text,
                gsize len,
                gsize *pos,
                PsephosNumber *num)
{
  const char *end = text + len;
  const char *p = text + *pos;
  const char *q;
  guint i;

  /* scale: "1.2 lakh", "3 crore" */
  q = p;
  while (q < end && *q == ' ')
    q++;
  if (q > p || (q < end && (guchar) *q >= 0x80))
    {
      for (i = 0; i < G_N_ELEMENTS (scales); i++)
        {
          gsize n = match_word (q, end, scales[i].word);
          if (n > 0)
            {
              num->value = round (num->value * scales[i].factor); /* 4.6 lakh = 460000, not 459999.99… */
              num->flags |= PSEPHOS_NUMBER_SCALED;
              p = q + n;
              break;
            }
        }
    }

  /* percent */
  if (p < end && *p == '%')
    {
      num->flags |= PSEPHOS_NUMBER_PERCENT;
      p++;
    }
  else
    {
      q = p;
      while (q < end && *q == ' ')
        q++;
      if (q < end && *q == '%' && q - p <= 1)
        {
          num->flags |= PSEPHOS_NUMBER_PERCENT;
          p = q + 1;
        }
      else if (q > p)
        {
          for (i = 0; i < G_N_ELEMENTS (percent_words); i++)
            {
              gsize n = match_word (q, end, percent_words[i]);
              if (n > 0)
                {
                  num->flags |= PSEPHOS_NUMBER_PERCENT;
                  p = q + n;
                  break;
                }
            }
        }
    }
  *pos = p - text;
}

static gboolean
parse_digits (const char *text,
              gsize len,
              gsize pos,
              PsephosNumber *out)
{
  const char *end = text + len;
  const char *p = text + pos;
  double value = 0;
  int ndig = 0, n, d;
  int group_len;
  gboolean grouped = FALSE;

  while ((d = _psephos_number_digit_at (p, end, &n)) >= 0)
    {
      value = value * 10 + d;
      ndig++;
      p += n;
    }
  if (ndig == 0)
    return FALSE;

  /* Digit groups: "9,399", "1,24,053", "1,000,000". A group after a comma
   * has 2 digits (Indian) when another comma follows, 3 when it is the last. */
  if (ndig <= 3)
    {
      for (;;)
        {
          const char *q = p;
          double gv = 0;

          if (q >= end || *q != ',')
            break;
          q++;
          group_len = 0;
          while ((d = _psephos_number_digit_at (q, end, &n)) >= 0 && group_len < 4)
            {
              gv = gv * 10 + d;
              group_len++;
              q += n;
            }
          if (group_len == 3 || (group_len == 2 && q < end && *q == ',' && _psephos_number_digit_at (q + 1, end, &n) >= 0))
            {
              double scale = group_len == 3 ? 1000 : 100;
              value = value * scale + gv;
              grouped = TRUE;
              p = q;
              if (group_len == 3)
                {
                  /* A 3-digit group ends the number unless another
                   * 3-digit group follows ("1,000,000"). */
                  continue;
                }
            }
          else
            break;
        }
    }

  /* decimals: "65.42", "1.2 lakh" */
  if (p + 1 < end && *p == '.' && _psephos_number_digit_at (p + 1, end, &n) >= 0)
    {
      double frac = 0.1;
      p++;
      while ((d = _psephos_number_digit_at (p, end, &n)) >= 0)
        {
          value += d * frac;
          frac /= 10;
          p += n;
        }
      out->flags |= PSEPHOS_NUMBER_DECIMAL;
    }

  /* "9e", "1st", "S07": a digit run glued to letters is not a count. */
  if (p < end && is_ascii_alpha (*p))
    return FALSE;

  out->value = value;
  if (grouped)
    out->flags |= PSEPHOS_NUMBER_GROUPED;
  out->start = pos;
  out->end = p - text;
  return TRUE;
}

static gboolean
parse_word (const char *text,
            gsize len,
            gsize pos,
            PsephosNumber *out)
{
  const char *end = text + len;
  const char *p = text + pos;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (number_words); i++)
    {
      gsize n = match_word (p, end, number_words[i].word);
      if (n > 0)
        {
          double v = number_words[i].value;
          const char *q = p + n;

          /* "twenty-five" */
          if (v >= 20 && v < 100 && q < end && *q == '-')
            {
              guint j;
              for (j = 1; j < 10; j++)
                {
                  gsize m = match_word (q + 1, end, number_words[j].word);
                  if (m > 0)
                    {
                      v += number_words[j].value;
                      q += 1 + m;
                      break;
                    }
                }
            }
          out->value = v;
          out->flags = PSEPHOS_NUMBER_WORD;
          out->start = pos;
          out->end = q - text;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
psephos_number_parse_at (const char *text,
                         gsize len,
                         gsize pos,
                         PsephosNumber *out)
{
  gsize end;
  int n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (pos >= len)
    return FALSE;
  memset (out, 0, sizeof *out);
  if (word_char_before (text, pos))
    return FALSE;

  if (_psephos_number_digit_at (text + pos, text + len, &n) >= 0)
    {
      if (!parse_digits (text, len, pos, out))
        return FALSE;
    }
  else if (!parse_word (text, len, pos, out))
    return FALSE;

  end = out->end;
  parse_suffixes (text, len, &end, out);
  out->end = end;
  return TRUE;
}

gboolean
psephos_number_find (const char *text,
                     gsize len,
                     gsize pos,
                     PsephosNumber *out)
{
  int n;

  g_return_val_if_fail (text != NULL, FALSE);

  while (pos < len)
    {
      if (_psephos_number_digit_at (text + pos, text + len, &n) >= 0)
        {
          if (psephos_number_parse_at (text, len, pos, out))
            return TRUE;
          /* skip the rest of this digit run */
          while (pos < len && _psephos_number_digit_at (text + pos, text + len, &n) >= 0)
            pos += n;
          continue;
        }
      pos++;
    }
  return FALSE;
}

gboolean
psephos_number_parse (const char *s,
                      PsephosNumber *out)
{
  gsize len, pos = 0;

  g_return_val_if_fail (s != NULL, FALSE);

  len = strlen (s);
  while (pos < len && g_ascii_isspace (s[pos]))
    pos++;
  if (!psephos_number_parse_at (s, len, pos, out))
    return FALSE;
  pos = out->end;
  while (pos < len && g_ascii_isspace (s[pos]))
    pos++;
  return pos == len;
}
