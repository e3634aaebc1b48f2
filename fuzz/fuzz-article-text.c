/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-article-text.c — the plain-text article reader, the cleaner and the
 * near-duplicate fingerprint on any bytes. */
#include "config.h"

#include <string.h>

#include "psephos-article.h"
#include "psephos-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosArticle) article = NULL;
  const char *text = (const char *) data;

  article = psephos_article_read_text ("fuzz.txt", text, size, &error);
  if (article == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_str_has_prefix (error->message, "fuzz.txt"));
      return 0;
    }
  g_assert (error == NULL);
  g_assert (article->body != NULL);
  g_assert (strlen (article->body) == article->body_len);
  g_assert (g_utf8_validate (article->body, article->body_len, NULL));
  {
    g_autofree char *fingerprint = psephos_article_fingerprint (article->body, article->body_len);
    double similarity = psephos_article_fingerprint_similarity (fingerprint, fingerprint);
    g_assert (similarity >= 0.0 && similarity <= 1.0);
  }
  /* Cleaning twice must not crash either (the cleaner is also called on
   * HTML text). */
  g_free (psephos_article_clean_text (article->body, article->body_len));
  return 0;
}
