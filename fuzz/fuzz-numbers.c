/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-numbers.c — the number parser on any bytes: every number found must
 * lie inside the text, and parsing must never read past it. */
#include "config.h"

#include <string.h>

#include "psephos-fuzz.h"
#include "psephos-numbers.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  g_autofree char *s = g_strndup (text, size);
  PsephosNumber number;
  gsize pos = 0;
  guint n = 0;

  /* The scanner, as the extractor drives it. */
  while (pos < size && psephos_number_find (text, size, pos, &number))
    {
      g_assert (number.start >= pos);
      g_assert (number.end > number.start);
      g_assert (number.end <= size);
      pos = number.end;
      if (++n > size)
        g_error ("psephos_number_find does not advance");
    }

  /* Parsing at every byte, also inside UTF-8 sequences. */
  for (gsize i = 0; i < size && i < 256; i++)
    {
      if (psephos_number_parse_at (text, size, i, &number))
        {
          g_assert (number.start == i);
          g_assert (number.end > number.start);
          g_assert (number.end <= size);
        }
      {
        int n_bytes = 0;
        int digit = _psephos_number_digit_at (text + i, text + size, &n_bytes);
        g_assert (digit < 10);
        g_assert (digit < 0 || (n_bytes > 0 && i + n_bytes <= size));
      }
    }

  /* The whole string as one number (it stops at an embedded NUL). */
  if (psephos_number_parse (s, &number))
    g_assert (number.end <= strlen (s));
  return 0;
}
