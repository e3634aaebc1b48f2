/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-extract.c — the fact extractor on any text: every fact's span must
 * lie in the body and its quote must be exactly those characters. */
#include "config.h"

#include <string.h>

#include "psephos-extract.h"
#include "psephos-fuzz.h"

/* A few parties, as the import's resolver over psephos-tables would answer. */
static const char *
resolve_party_cb (const char *name,
                  gpointer user_data)
{
  static const char *const known[][2] = {
    { "BJP", "BJP" },
    { "Bharatiya Janata Party", "BJP" },
    { "Congress", "INC" },
    { "INC", "INC" },
    { "JMM", "JMM" },
    { "AAP", "AAP" },
    { "Trinamool Congress", "AITC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (name, known[i][0]) == 0)
      return known[i][1];
  return NULL;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (PsephosExtraction) x = NULL;
  g_autoptr (GArray) bounds = NULL;
  g_autofree char *body = NULL;
  PsephosExtractOptions options = {
    .published_on = "2024-06-04",
    .resolve_party = resolve_party_cb,
  };
  glong n_chars;

  /* The extractor's input is a cleaned article body: valid UTF-8 without
   * NULs (the readers guarantee it). g_utf8_make_valid() replaces invalid
   * bytes and NULs alike with U+FFFD. */
  body = g_utf8_make_valid ((const char *) data, size);
  n_chars = g_utf8_strlen (body, -1);

  bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  psephos_extract_split_sentences (body, strlen (body), bounds);
  for (guint i = 0; i + 1 < bounds->len; i += 2)
    {
      g_assert (g_array_index (bounds, gsize, i) <= g_array_index (bounds, gsize, i + 1));
      g_assert (g_array_index (bounds, gsize, i + 1) <= strlen (body));
    }

  x = psephos_extract (body, strlen (body), &options);
  g_assert (x != NULL);
  for (guint i = 0; i < x->facts->len; i++)
    {
      PsephosExtractedFact *fact = x->facts->pdata[i];
      g_autofree char *span = NULL;
      const char *a;
      const char *b;

      g_assert (fact->attribute != NULL);
      g_assert (fact->start <= fact->end);
      g_assert ((glong) fact->end <= n_chars);
      g_assert (fact->person < (int) x->people->len);
      a = g_utf8_offset_to_pointer (body, fact->start);
      b = g_utf8_offset_to_pointer (body, fact->end);
      span = g_strndup (a, b - a);
      g_assert (fact->quote != NULL);
      g_assert_cmpstr (span, ==, fact->quote);
    }
  return 0;
}
