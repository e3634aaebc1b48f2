/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-article.c — reading articles: plain text, checks shared with the
 * HTML reader (psephos-article-html.c), dropping site furniture, and the
 * near-duplicate fingerprint.
 */
#include "config.h"

#include <string.h>

#include "psephos-article-private.h"
#include "psephos-article.h"
#include "psephos-ingest.h"

void
psephos_article_free (PsephosArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->title);
  g_free (article->publisher);
  g_free (article->address);
  g_free (article->published_on);
  g_free (article->body);
  g_free (article);
}

/* ---- checks shared by both readers ------------------------------------ */

gboolean
_psephos_article_check_bytes (const char *path,
                              const char *data,
                              gsize len,
                              GError **error)
{
  const char *end = NULL;
  gsize i;
  gboolean blank = TRUE;

  if (len > PSEPHOS_ARTICLE_MAX_BYTES)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_TOO_LARGE, path, 0,
                                 "article is %" G_GSIZE_FORMAT " bytes, over the %d MB an article may have",
                                 len, PSEPHOS_ARTICLE_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_ENCODING, path, 0,
                                 "binary file (contains NUL bytes), not an article");
      return FALSE;
    }
  if (!g_utf8_validate (data, len, &end))
    {
      gsize off = end - data;
      guint line = 1;
      for (i = 0; i < off; i++)
        if (data[i] == '\n')
          line++;
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_ENCODING, path, line,
                                 "not valid UTF-8 (byte offset %" G_GSIZE_FORMAT ")", off);
      return FALSE;
    }
  for (i = 0; i < len; i++)
    {
      guchar c = data[i];
      if (!g_ascii_isspace (c))
        {
          blank = FALSE;
          /* control characters other than white space: a binary file */
          if (c < 0x20 && c != 0x1b)
            {
              _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_ENCODING, path, 0,
                                         "binary file (control character 0x%02x), not an article", c);
              return FALSE;
            }
        }
    }
  if (blank)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0,
                                 "empty article");
      return FALSE;
    }
  return TRUE;
}

/* ---- furniture -------------------------------------------------------- */

/* Lines that start a block of site furniture that runs to the end. */
static const char *tail_markers[] = {
  "featured video of the day",
  "track latest news live",
  "related news",
  "related stories",
  "related articles",
  "top stories",
  "trending news",
  "trending stories",
  "more from ",
  "recommended stories",
  "recommended for you",
  "latest news",
  "(this story has not been edited",
  "(except for the headline",
  "disclaimer:",
  "first published:",
  "you may also like",
  "also watch",
  "watch live tv",
  "download the ",
  "get the latest ",
  "catch all the ",
  "follow us on",
  "subscribe to our",
  "वीडियो देखें",
  "यह भी पढ़ें",
};

/* Single lines of furniture anywhere in the text. */
static const char *line_markers[] = {
  "advertisement",
  "story continues below",
  "also read",
  "read more:",
  "read also",
  "click here",
  "share this",
  "share on",
  "listen to this article",
  "follow us",
  "ये भी पढ़ें",
};

static gboolean
starts_with_ci (const char *s,
                gsize len,
                const char *prefix)
{
  gsize n = strlen (prefix);
  return len >= n && g_ascii_strncasecmp (s, prefix, n) == 0;
}

static gboolean
line_is_single_furniture (const char *s,
                          gsize len)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (line_markers); i++)
    if (starts_with_ci (s, len, line_markers[i]))
      {
        /* "Advertisement" alone, or "Also Read: …" headline links */
        gsize n = strlen (line_markers[i]);
        if (len == n || len < 160)
          return TRUE;
      }
  return FALSE;
}

static gboolean
line_is_tail_marker (const char *s,
                     gsize len)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (tail_markers); i++)
    if (starts_with_ci (s, len, tail_markers[i]))
      return TRUE;
  return FALSE;
}

/* A run of headlines glued together: many words, most capitalised, few
 * sentence ends. Body prose has a capitalised-word ratio near 0.25. */
static gboolean
line_is_headline_run (const char *s,
                      gsize len)
{
  guint words = 0, caps = 0, stops = 0;
  gsize i = 0;

  while (i < len)
    {
      while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
      if (i >= len)
        break;
      words++;
      if (g_ascii_isupper (s[i]) || g_ascii_isdigit (s[i]) || s[i] == '"')
        caps++;
      while (i < len && s[i] != ' ' && s[i] != '\t')
        {
          if (s[i] == '.' && (i + 1 == len || s[i + 1] == ' '))
            stops++;
          i++;
        }
    }
  if (words < 8)
    return FALSE;
  return caps * 10 >= words * 7 && stops * 12 <= words;
}

static void
trim (const char **s,
      gsize *len)
{
  while (*len > 0 && g_ascii_isspace ((*s)[0]))
    {
      (*s)++;
      (*len)--;
    }
  while (*len > 0 && g_ascii_isspace ((*s)[*len - 1]))
    (*len)--;
}

char *
psephos_article_clean_text (const char *text,
                            gsize len)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  g_autoptr (GArray) lens = g_array_new (FALSE, FALSE, sizeof (gsize));
  GString *out;
  const char *p = text, *end = text + len;
  guint i, n, keep;
  guint blank_run = 0;

  /* split into trimmed lines */
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *le = nl ? nl : end;
      const char *s = p;
      gsize l = le - p;
      const char *cut;

      trim (&s, &l);
      /* "… Track Latest News Live on NDTV.com …" glued to the end of a line */
      cut = l > 0 ? g_strstr_len (s, l, "Track Latest News Live") : NULL;
      if (cut != NULL)
        {
          l = cut - s;
          trim (&s, &l);
        }
      g_ptr_array_add (lines, (gpointer) s);
      g_array_append_val (lens, l);
      p = nl ? nl + 1 : end;
    }

  n = lines->len;
  /* a furniture marker in the second half cuts the rest */
  {
    gsize seen = 0;
    for (i = 0; i < n; i++)
      {
        const char *s = g_ptr_array_index (lines, i);
        gsize l = g_array_index (lens, gsize, i);
        if (seen * 5 >= len * 2 && line_is_tail_marker (s, l))
          {
            n = i;
            break;
          }
        seen += l + 1;
      }
  }
  /* trailing runs of headline-like lines */
  while (n > 0)
    {
      const char *s = g_ptr_array_index (lines, n - 1);
      gsize l = g_array_index (lens, gsize, n - 1);
      if (l == 0 || line_is_headline_run (s, l) || line_is_single_furniture (s, l))
        n--;
      else
        break;
    }

  out = g_string_sized_new (len + 1);
  keep = 0;
  for (i = 0; i < n; i++)
    {
      const char *s = g_ptr_array_index (lines, i);
      gsize l = g_array_index (lens, gsize, i);

      if (l == 0)
        {
          blank_run++;
          continue;
        }
      if (line_is_single_furniture (s, l))
        continue;
      if (keep > 0)
        g_string_append (out, blank_run > 0 ? "\n\n" : "\n");
      g_string_append_len (out, s, l);
      blank_run = 0;
      keep++;
    }
  return g_string_free (out, FALSE);
}

/* ---- plain text ------------------------------------------------------- */

gboolean
_psephos_article_is_iso_date (const char *s,
                              gsize len)
{
  static const char pattern[] = "dddd-dd-dd";
  guint i;

  if (len < 10)
    return FALSE;
  for (i = 0; i < 10; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (s[i]) : s[i] != '-')
        return FALSE;
    }
  return TRUE;
}

static char *
title_from_body (const char *body)
{
  const char *nl = strchr (body, '\n');
  gsize l = nl ? (gsize) (nl - body) : strlen (body);

  /* A short first line standing alone is a headline; a long one is the
   * first paragraph. */
  if (l == 0 || l > 160)
    return NULL;
  return g_strndup (body, l);
}

PsephosArticle *
psephos_article_read_text (const char *path,
                           const char *data,
                           gsize len,
                           GError **error)
{
  g_autoptr (PsephosArticle) article = NULL;
  g_autofree char *normal = NULL;
  const char *p, *end;
  gsize i, o;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (!_psephos_article_check_bytes (path, data, len, error))
    return NULL;

  /* CR LF and lone CR → LF */
  normal = g_malloc (len + 1);
  for (i = 0, o = 0; i < len; i++)
    {
      if (data[i] == '\r')
        {
          normal[o++] = '\n';
          if (i + 1 < len && data[i + 1] == '\n')
            i++;
        }
      else
        normal[o++] = data[i];
    }
  normal[o] = '\0';

  article = g_new0 (PsephosArticle, 1);
  p = normal;
  end = normal + o;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (end - p >= 15 && strncmp (p, "date ", 5) == 0 && _psephos_article_is_iso_date (p + 5, end - p - 5))
    {
      article->published_on = g_strndup (p + 5, 10);
      p += 15;
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    }
  article->body = psephos_article_clean_text (p, end - p);
  article->body_len = strlen (article->body);
  if (article->body_len == 0)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0,
                                 "empty article (no text besides the date line)");
      return NULL;
    }
  article->title = title_from_body (article->body);
  return g_steal_pointer (&article);
}

PsephosArticle *
psephos_article_read (const char *path,
                      const char *data,
                      gsize len,
                      gboolean is_html,
                      GError **error)
{
  if (is_html)
    return psephos_article_read_html (path, data, len, error);
  return psephos_article_read_text (path, data, len, error);
}

/* ---- near-duplicate fingerprint ---------------------------------------- */

#define N_HASHES 64
#define SHINGLE 4

static guint64
mix64 (guint64 x)
{
  /* splitmix64 finaliser */
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

char *
psephos_article_fingerprint (const char *body,
                             gsize len)
{
  guint64 mins[N_HASHES];
  guint64 window[SHINGLE] = { 0 };
  guint n_words = 0, i;
  const char *p = body, *end = body + len;
  GString *out;

  for (i = 0; i < N_HASHES; i++)
    mins[i] = G_MAXUINT64;

  while (p < end)
    {
      guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
      gboolean any = FALSE;

      /* one normalised word: letters and digits, ASCII folded to lower case */
      while (p < end)
        {
          gunichar c = g_utf8_get_char (p);
          if (g_unichar_isalnum (c) || g_unichar_ismark (c))
            break;
          p = g_utf8_next_char (p);
        }
      while (p < end)
        {
          gunichar c = g_utf8_get_char (p);
          if (!(g_unichar_isalnum (c) || g_unichar_ismark (c)))
            break;
          c = g_unichar_tolower (c);
          h = (h ^ c) * G_GUINT64_CONSTANT (0x100000001b3);
          any = TRUE;
          p = g_utf8_next_char (p);
        }
      if (!any)
        break;
      memmove (window, window + 1, sizeof window - sizeof window[0]);
      window[SHINGLE - 1] = h;
      n_words++;
      if (n_words >= SHINGLE)
        {
          guint64 sh = 0;
          for (i = 0; i < SHINGLE; i++)
            sh = mix64 (sh ^ window[i]);
          for (i = 0; i < N_HASHES; i++)
            {
              guint64 v = mix64 (sh ^ (G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) * (i + 1)));
              if (v < mins[i])
                mins[i] = v;
            }
        }
    }
  /* fewer words than a shingle: hash what there is */
  if (n_words > 0 && n_words < SHINGLE)
    {
      guint64 sh = 0;
      for (i = 0; i < SHINGLE; i++)
        sh = mix64 (sh ^ window[i]);
      for (i = 0; i < N_HASHES; i++)
        mins[i] = mix64 (sh ^ (G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) * (i + 1)));
    }

  out = g_string_sized_new (5 + N_HASHES * 16);
  g_string_append (out, "mh64:");
  for (i = 0; i < N_HASHES; i++)
    g_string_append_printf (out, "%016" G_GINT64_MODIFIER "x", mins[i]);
  return g_string_free (out, FALSE);
}

double
psephos_article_fingerprint_similarity (const char *a,
                                        const char *b)
{
  guint i, same = 0;

  if (a == NULL || b == NULL)
    return 0;
  if (!g_str_has_prefix (a, "mh64:") || !g_str_has_prefix (b, "mh64:"))
    return 0;
  if (strlen (a) != 5 + N_HASHES * 16 || strlen (b) != 5 + N_HASHES * 16)
    return 0;
  a += 5;
  b += 5;
  for (i = 0; i < N_HASHES; i++)
    {
      if (memcmp (a + i * 16, b + i * 16, 16) == 0
          && memcmp (a + i * 16, "ffffffffffffffff", 16) != 0)
        same++;
    }
  return (double) same / N_HASHES;
}
