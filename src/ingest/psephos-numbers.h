/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-numbers.h — numbers as Indian news writes them.
 *
 * 9,399 and 1,24,053 (Indian grouping), 32737, decimals, "1.2 lakh",
 * "3 crore", "65.42%", "67.74 per cent", Devanagari digits (०-९) and the
 * words for small numbers ("three seats"). Each number comes with the exact
 * byte span of the characters that state it, unit and percent sign included.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PSEPHOS_NUMBER_PLAIN = 0,
  PSEPHOS_NUMBER_PERCENT = 1 << 0, /* "65.42%", "67.74 per cent", "४२ प्रतिशत" */
  PSEPHOS_NUMBER_WORD = 1 << 1,    /* "three", "twenty" */
  PSEPHOS_NUMBER_GROUPED = 1 << 2, /* written with digit-group commas */
  PSEPHOS_NUMBER_SCALED = 1 << 3,  /* lakh, crore, thousand, million */
  PSEPHOS_NUMBER_DECIMAL = 1 << 4, /* has a fractional part */
} PsephosNumberFlags;

typedef struct
{
  double value;
  PsephosNumberFlags flags;
  gsize start; /* byte offsets into the text: text[start, end) states it */
  gsize end;
} PsephosNumber;

/* Parses a number that starts exactly at byte @pos of @text (@len bytes).
 * @pos must be at a word boundary for number words. Returns FALSE when no
 * number starts there. */
gboolean psephos_number_parse_at (const char *text,
                                  gsize len,
                                  gsize pos,
                                  PsephosNumber *out);

/* Finds the next number at or after @pos; FALSE when there is none. */
gboolean psephos_number_find (const char *text,
                              gsize len,
                              gsize pos,
                              PsephosNumber *out);

/* Parses a whole string as one number ("1,24,053", "1.2 lakh", "65%");
 * surrounding white space is allowed. */
gboolean psephos_number_parse (const char *s, PsephosNumber *out);

/* The value of a Devanagari or ASCII digit at @p (setting *@n_bytes), or -1. */
int _psephos_number_digit_at (const char *p, const char *end, int *n_bytes);

G_END_DECLS
