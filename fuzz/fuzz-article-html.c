/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-article-html.c — the saved-page reader (libxml2's HTML parser, our
 * walk over its tree, cleaning) on any bytes. */
#include "config.h"

#include <string.h>

#include "psephos-article.h"
#include "psephos-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosArticle) article = NULL;

  article = psephos_article_read_html ("fuzz.html", (const char *) data, size, &error);
  if (article == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_str_has_prefix (error->message, "fuzz.html"));
      return 0;
    }
  g_assert (error == NULL);
  g_assert (article->body != NULL);
  g_assert (strlen (article->body) == article->body_len);
  g_assert (g_utf8_validate (article->body, article->body_len, NULL));
  g_assert (article->title == NULL || g_utf8_validate (article->title, -1, NULL));
  g_free (psephos_article_fingerprint (article->body, article->body_len));
  return 0;
}
