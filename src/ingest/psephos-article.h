/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-article.h — reading news articles: plain text and saved HTML
 * pages, cleaned of site furniture, with a near-duplicate fingerprint.
 *
 * The body is the cleaned text that is stored; every fact offset indexes it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Articles larger than this are refused (PSEPHOS_INGEST_ERROR_TOO_LARGE). */
#define PSEPHOS_ARTICLE_MAX_BYTES (16 * 1024 * 1024)

typedef struct
{
  char *title; /* NULL when the page does not say */
  char *publisher;
  char *address;      /* canonical address */
  char *published_on; /* YYYY-MM-DD */
  char *body;         /* cleaned UTF-8 text */
  gsize body_len;     /* bytes */
} PsephosArticle;

void psephos_article_free (PsephosArticle *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosArticle, psephos_article_free)

/* Plain text: UTF-8, an optional leading " date YYYY-MM-DD" marker (which
 * may share its line with the headline). Errors are in PSEPHOS_INGEST_ERROR
 * and start with @path. */
PsephosArticle *psephos_article_read_text (const char *path,
                                           const char *data,
                                           gsize len,
                                           GError **error);
/* A saved HTML page (libxml2's HTML parser, no network, no entities). */
PsephosArticle *psephos_article_read_html (const char *path,
                                           const char *data,
                                           gsize len,
                                           GError **error);
/* Either, by @is_html. */
PsephosArticle *psephos_article_read (const char *path,
                                      const char *data,
                                      gsize len,
                                      gboolean is_html,
                                      GError **error);

/* Drops trailing site furniture ("Featured Video Of The Day", "Track Latest
 * News Live on …", runs of headline-like lines) and furniture lines. Returns
 * a new string. */
char *psephos_article_clean_text (const char *text, gsize len);

/* Near-duplicate fingerprint: MinHash over shingles of normalised words. */
char *psephos_article_fingerprint (const char *body, gsize len);
/* Estimated Jaccard similarity of two fingerprints, 0..1 (0 when either is
 * not a fingerprint). */
double psephos_article_fingerprint_similarity (const char *a, const char *b);
/* Similarity at or above which two articles are the same report. */
#define PSEPHOS_ARTICLE_DUPLICATE_SIMILARITY 0.7

G_END_DECLS
