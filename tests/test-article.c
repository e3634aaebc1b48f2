/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-article.c — reading articles (numbers, plain text, saved HTML pages
 * and hostile ones), importing them into a store (repeats, near-duplicates,
 * all-or-nothing on bad input), and articles meeting official data: the
 * seeds then 2024Assembly-JH.csv give one Hemant Soren whose 95,612 votes
 * are confirmed by the official row.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "psephos-article-import.h"
#include "psephos-article.h"
#include "psephos-extract.h"
#include "psephos-ingest.h"
#include "psephos-numbers.h"
#include "psephos-store.h"

/* ---- numbers --------------------------------------------------------------- */

static void
test_numbers (void)
{
  static const struct
  {
    const char *text;
    double value;
    PsephosNumberFlags flags;
  } cases[] = {
    { "9,399", 9399, PSEPHOS_NUMBER_GROUPED },
    { "1,24,053", 124053, PSEPHOS_NUMBER_GROUPED },
    { "32737", 32737, 0 },
    { "1.2 lakh", 120000, PSEPHOS_NUMBER_SCALED },
    { "4.6 lakh", 460000, PSEPHOS_NUMBER_SCALED },
    { "3 crore", 30000000, PSEPHOS_NUMBER_SCALED },
    { "65.42%", 65.42, PSEPHOS_NUMBER_PERCENT },
    { "67.74 per cent", 67.74, PSEPHOS_NUMBER_PERCENT },
    { "९५,६१२", 95612, PSEPHOS_NUMBER_GROUPED },
    { "४२", 42, 0 },
    { "three", 3, PSEPHOS_NUMBER_WORD },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PsephosNumber n;

      g_test_message ("%s", cases[i].text);
      g_assert_true (psephos_number_parse (cases[i].text, &n));
      g_assert_cmpfloat_with_epsilon (n.value, cases[i].value, 1e-6);
      g_assert_true ((n.flags & cases[i].flags) == cases[i].flags);
      g_assert_cmpuint (n.start, ==, 0);
      g_assert_cmpuint (n.end, ==, strlen (cases[i].text));
    }
  {
    const char *text = "won by 9,399 votes, a 65.42% turnout";
    PsephosNumber n;

    g_assert_true (psephos_number_find (text, strlen (text), 0, &n));
    g_assert_cmpfloat (n.value, ==, 9399);
    g_assert_cmpuint (n.start, ==, 7);
    g_assert_cmpuint (n.end, ==, 12);
    g_assert_true (psephos_number_find (text, strlen (text), n.end, &n));
    g_assert_cmpfloat_with_epsilon (n.value, 65.42, 1e-9);
  }
}

static void
test_names (void)
{
  g_assert_true (_psephos_names_match ("Hoshiyar Singh", "Hoshyar Singh"));
  g_assert_true (_psephos_names_match ("Hoshiyar Singh", "Hoshyaar Singh"));
  g_assert_true (_psephos_names_match ("HEMANT SOREN", "Hemant Soren"));
  g_assert_true (_psephos_names_match ("KALPANA MURMU SOREN", "Kalpana Soren"));
  g_assert_false (_psephos_names_match ("Hemant Soren", "Kalpana Soren"));
  g_assert_false (_psephos_names_match ("Kamlesh Thakur", "Kamlesh Shah"));
  g_assert_false (_psephos_names_match ("Sita Soren", "Champai Soren"));
  g_assert_false (_psephos_names_match ("Sita Soren", "Sita Devi"));
}

/* ---- reading ------------------------------------------------------------------ */

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "articles", name, NULL);
}

static PsephosArticle *
read_fixture (const char *name, GError **error)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return psephos_article_read (path, data, len, g_str_has_suffix (name, ".html"), error);
}

static void
test_html_meta (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosArticle) a = read_fixture ("page-meta.html", &error);
  g_autoptr (PsephosExtraction) x = NULL;
  PsephosExtractOptions opts = { 0 };

  g_assert_no_error (error);
  g_assert_cmpstr (a->title, ==, "Hemant Soren wins Barhait by 39,791 votes");
  g_assert_cmpstr (a->published_on, ==, "2024-11-23");
  g_assert_cmpstr (a->publisher, ==, "Example News");
  g_assert_cmpstr (a->address, ==, "https://news.example.in/jharkhand/hemant-soren-barhait");
  g_assert_nonnull (strstr (a->body, "receiving 95,612 votes"));
  /* navigation, scripts, styles and site furniture are not the article */
  g_assert_null (strstr (a->body, "tracking"));
  g_assert_null (strstr (a->body, "99,999"));
  g_assert_null (strstr (a->body, "Trending"));
  g_assert_null (strstr (a->body, "Subscribe"));
  g_assert_null (strstr (a->body, "All rights reserved"));

  opts.published_on = a->published_on;
  x = psephos_extract (a->body, a->body_len, &opts);
  g_assert_cmpint (x->year, ==, 2024);
  for (guint i = 0; i < x->facts->len; i++)
    {
      PsephosExtractedFact *f = g_ptr_array_index (x->facts, i);

      if (g_strcmp0 (f->subject, "Hemant Soren") == 0 && g_str_equal (f->attribute, "votes"))
        {
          g_assert_cmpfloat (f->number, ==, 95612);
          g_assert_cmpstr (f->seat, ==, "Barhait");
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_html_time (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosArticle) a = read_fixture ("page-time.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (a->published_on, ==, "2024-07-13");
  g_assert_nonnull (strstr (a->body, "Kamlesh Thakur won the Dehra assembly bypoll"));
}

static void
test_html_xxe (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosArticle) a = read_fixture ("xxe.html", &error);

  /* either refused or read without expanding the entities */
  if (a == NULL)
    {
      g_assert_error (error, PSEPHOS_INGEST_ERROR, PSEPHOS_INGEST_ERROR_FORMAT);
      return;
    }
  g_assert_null (strstr (a->body, "root:"));
  g_assert_nonnull (strstr (a->body, "9,399 votes"));
}

static void
test_html_broken (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosArticle) a = read_fixture ("broken.html", &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (a->body, "37,000 votes"));
  g_assert_true (g_utf8_validate (a->body, a->body_len, NULL));
}

static void
test_html_nested (void)
{
  GString *s = g_string_new ("<html><body>");
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosArticle) a = NULL;
  g_autofree char *data = NULL;
  gsize len;

  for (int i = 0; i < 100000; i++)
    g_string_append (s, "<div><span>");
  g_string_append (s, "<p>Kamlesh Thakur won by 9,399 votes.</p>");
  len = s->len;
  data = g_string_free (s, FALSE);
  a = psephos_article_read ("nested.html", data, len, TRUE, &error);
  /* a clean error or a clean read; never a crash */
  g_assert_true ((a == NULL) == (error != NULL));
  if (a != NULL)
    g_assert_true (g_utf8_validate (a->body, a->body_len, NULL));
}

static void
test_html_hindi (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosArticle) a = read_fixture ("hindi.html", &error);
  g_autoptr (PsephosExtraction) x = NULL;
  PsephosExtractOptions opts = { 0 };
  gboolean margin = FALSE, votes = FALSE;

  g_assert_no_error (error);
  g_assert_cmpstr (a->published_on, ==, "2024-11-23");
  opts.published_on = a->published_on;
  x = psephos_extract (a->body, a->body_len, &opts);
  for (guint i = 0; i < x->facts->len; i++)
    {
      PsephosExtractedFact *f = g_ptr_array_index (x->facts, i);

      margin |= g_str_equal (f->attribute, "margin") && f->number == 39791;
      votes |= g_str_equal (f->attribute, "votes") && f->number == 95612;
    }
  g_assert_true (margin);
  g_assert_true (votes);
}

/* ---- importing ------------------------------------------------------------------ */

typedef struct
{
  char *dir;
  char *path;
  PsephosStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("psephos-article-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.psephos", NULL);
  f->store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
seed_path (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "articles", name, NULL);
}

static gboolean
import (Fixture *f, const char *path, PsephosIngestOutcome *outcome, GError **error)
{
  return psephos_ingest_file (f->store, path, NULL, NULL, outcome, error);
}

static GPtrArray *
facts_of_source (Fixture *f, gint64 source_id)
{
  PsephosFactQuery q = { .source_id = source_id };
  g_autoptr (GError) error = NULL;
  GPtrArray *facts = psephos_store_list_facts (f->store, &q, &error);

  g_assert_no_error (error);
  return facts;
}

static void
test_import_seeds (Fixture *f, gconstpointer data)
{
  static const char *seeds[] = { "000_58089e2b2115eede.txt", "001_c362b1af07b0071a.txt",
                                 "002_0b52e9baef22bc37.txt", "003_b0bb79d11ba06b18.txt" };
  PsephosIngestOutcome outcome[4], again;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autofree char *first = seed_path (seeds[0]);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = seed_path (seeds[i]);

      g_assert_true (import (f, path, &outcome[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (outcome[0].status, ==, PSEPHOS_INGEST_IMPORTED);
  g_assert_cmpint (outcome[1].status, ==, PSEPHOS_INGEST_DUPLICATE);
  g_assert_cmpint (outcome[1].duplicate_of, ==, outcome[0].source_id);
  g_assert_cmpint (outcome[2].status, ==, PSEPHOS_INGEST_IMPORTED);
  g_assert_cmpint (outcome[3].status, ==, PSEPHOS_INGEST_IMPORTED);
  g_assert_cmpuint (outcome[0].n_facts, >, 5);
  /* the duplicate's facts are stored (to highlight them), as one source */
  g_assert_cmpuint (outcome[1].n_facts, >, 5);

  /* the same bytes again: nothing written */
  before = facts_of_source (f, 0);
  g_assert_true (import (f, first, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again.status, ==, PSEPHOS_INGEST_UNCHANGED);
  g_assert_cmpint (again.source_id, ==, outcome[0].source_id);
  after = facts_of_source (f, 0);
  g_assert_cmpuint (before->len, ==, after->len);

  /* the Dehra seat: Kamlesh Thakur's 32,737 votes, cited */
  {
    g_autoptr (PsephosElection) e = psephos_store_find_election (f->store, "Assembly bypolls July 2024", &error);
    g_autoptr (PsephosSeatRow) seat = NULL;
    g_autoptr (GPtrArray) cands = NULL;
    gboolean cited = FALSE;

    g_assert_no_error (error);
    seat = psephos_store_find_seat (f->store, e->id, "Himachal Pradesh", "Dehra", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (seat->winner_name, ==, "Kamlesh Thakur");
    cands = psephos_store_list_candidacies (f->store, seat->contest_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cands->len, ==, 2); /* Hoshiyar and Hoshyar Singh are one */
    g_assert_cmpint (((PsephosCandidacy *) g_ptr_array_index (cands, 0))->votes, ==, 32737);
    for (guint i = 0; i < after->len; i++)
      {
        PsephosFact *fact = g_ptr_array_index (after, i);

        cited |= fact->source_id == outcome[0].source_id && g_strcmp0 (fact->quote, "32,737 votes") == 0;
      }
    g_assert_true (cited);
  }
}

/* The store file's bytes (and its WAL's), to show an error wrote nothing. */
static char *
store_checksum (Fixture *f)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *data = NULL;
      gsize len;

      if (g_file_get_contents (p, &data, &len, NULL))
        g_checksum_update (sum, (const guchar *) data, len);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
expect_refused (Fixture *f, const char *name, const char *data, gsize len, int code)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *before = store_checksum (f);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  PsephosIngestOutcome outcome;

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  g_assert_false (import (f, path, &outcome, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  if (code >= 0)
    g_assert_error (error, PSEPHOS_INGEST_ERROR, code);
  after = store_checksum (f);
  g_assert_cmpstr (before, ==, after);
  g_unlink (path);
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autofree char *seed = seed_path ("003_b0bb79d11ba06b18.txt");
  g_autoptr (GError) error = NULL;
  static const char binary[] = "PK\x03\x04\0\0\0\x08\0binary\xff\xfe";
  GString *big;
  gint64 t0;

  g_assert_true (import (f, seed, NULL, &error));
  g_assert_no_error (error);

  expect_refused (f, "bad.txt", "Kamlesh Thakur won by \xff\xfe 9,399 votes.\n", 38, PSEPHOS_INGEST_ERROR_ENCODING);
  expect_refused (f, "binary.txt", binary, sizeof binary, PSEPHOS_INGEST_ERROR_ENCODING);
  expect_refused (f, "empty.txt", "", 0, PSEPHOS_INGEST_ERROR_EMPTY);
  expect_refused (f, "blank.txt", " \n\n \t\n", 6, PSEPHOS_INGEST_ERROR_EMPTY);
  expect_refused (f, "dateonly.txt", " date 2024-07-13\n", 17, PSEPHOS_INGEST_ERROR_EMPTY);

  /* 50 MB of text: refused quickly, not read for minutes */
  big = g_string_sized_new (50 * 1024 * 1024 + 100);
  while (big->len < 50 * 1024 * 1024)
    g_string_append (big, "Kamlesh Thakur won the Dehra assembly bypoll by a margin of 9,399 votes. ");
  t0 = g_get_monotonic_time ();
  expect_refused (f, "huge.txt", big->str, big->len, PSEPHOS_INGEST_ERROR_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 30 * G_USEC_PER_SEC);
  g_string_free (big, TRUE);
}

static void
test_nested_import (Fixture *f, gconstpointer data)
{
  GString *s = g_string_new ("<!DOCTYPE html><html><body>");
  g_autofree char *path = g_build_filename (f->dir, "nested.html", NULL);
  g_autofree char *before = store_checksum (f);
  g_autoptr (GError) error = NULL;
  PsephosIngestOutcome outcome;

  for (int i = 0; i < 200000; i++)
    g_string_append (s, "<div>");
  g_string_append (s, "<p>Kamlesh Thakur won the Dehra assembly bypoll by a margin of 9,399 votes.</p>");
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  g_string_free (s, TRUE);
  if (!import (f, path, &outcome, &error))
    {
      g_autofree char *after = store_checksum (f);

      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_cmpstr (before, ==, after);
    }
}

/* Seeds, then the official Jharkhand file: one Hemant Soren, whose 95,612
 * votes in the article are confirmed by the official row. */
static void
test_official (Fixture *f, gconstpointer data)
{
  const char *shared = g_getenv ("PSEPHOS_SHARED_DATA");
  g_autofree char *csv = g_build_filename (shared ? shared : "", "india-votes-data", "results", "2024Assembly-JH.csv",
                                           NULL);
  g_autofree char *seed = seed_path ("003_b0bb79d11ba06b18.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) facts = NULL;
  g_autoptr (PsephosElection) e = NULL;
  g_autoptr (PsephosSeatRow) seat = NULL;
  g_autoptr (GPtrArray) cands = NULL;
  PsephosIngestOutcome article, official;
  PsephosFact *votes = NULL;
  guint n_hemant = 0;

  if (shared == NULL || !g_file_test (csv, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data/india-votes-data/results/2024Assembly-JH.csv is absent (PSEPHOS_SHARED_DATA)");
      return;
    }
  g_assert_true (import (f, seed, &article, &error));
  g_assert_no_error (error);
  g_assert_true (import (f, csv, &official, &error));
  g_assert_no_error (error);

  facts = facts_of_source (f, 0);
  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *fact = g_ptr_array_index (facts, i);

      if (fact->source_id == article.source_id && g_strcmp0 (fact->attribute, "votes") == 0
          && g_strcmp0 (fact->subject, "Hemant Soren") == 0)
        votes = fact;
    }
  g_assert_nonnull (votes);
  g_assert_cmpfloat (votes->number, ==, 95612);
  g_assert_cmpstr (votes->quote, ==, "95,612 votes");
  g_assert_cmpint (votes->status, ==, PSEPHOS_FACT_CONFIRMED);
  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *fact = g_ptr_array_index (facts, i);

      if (fact->source_id == official.source_id && g_strcmp0 (fact->attribute, "votes") == 0
          && fact->candidacy_id == votes->candidacy_id)
        g_assert_cmpfloat (fact->number, ==, 95612);
    }

  e = psephos_store_find_election (f->store, "Jharkhand Assembly 2024", &error);
  g_assert_no_error (error);
  seat = psephos_store_find_seat (f->store, e->id, "Jharkhand", "Barhait", &error);
  g_assert_no_error (error);
  cands = psephos_store_list_candidacies (f->store, seat->contest_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cands->len; i++)
    {
      PsephosCandidacy *c = g_ptr_array_index (cands, i);
      g_autofree char *key = psephos_name_key (c->name);

      if (g_str_equal (key, "hemant soren"))
        {
          n_hemant++;
          g_assert_cmpint (c->id, ==, votes->candidacy_id);
          g_assert_cmpint (c->votes, ==, 95612);
        }
    }
  g_assert_cmpuint (n_hemant, ==, 1);
}

/* The sample store the build makes from data/articles. */
static void
test_sample_store (void)
{
  const char *path = g_getenv ("PSEPHOS_SAMPLE_STORE");
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosElection) bypolls = NULL;
  g_autoptr (PsephosElection) jh = NULL;
  g_autoptr (PsephosSeatRow) dehra = NULL;
  g_autoptr (PsephosSeatRow) barhait = NULL;
  g_autoptr (GPtrArray) cands = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no sample store was built (PSEPHOS_SAMPLE_STORE)");
      return;
    }
  store = psephos_store_open (path, PSEPHOS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  bypolls = psephos_store_find_election (store, "Assembly bypolls July 2024", &error);
  g_assert_no_error (error);
  dehra = psephos_store_find_seat (store, bypolls->id, "Himachal Pradesh", "Dehra", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dehra->winner_name, ==, "Kamlesh Thakur");
  cands = psephos_store_list_candidacies (store, dehra->contest_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((PsephosCandidacy *) g_ptr_array_index (cands, 0))->votes, ==, 32737);
  jh = psephos_store_find_election (store, "Jharkhand Assembly 2024", &error);
  g_assert_no_error (error);
  barhait = psephos_store_find_seat (store, jh->id, "Jharkhand", "Barhait", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (barhait->winner_name, ==, "Hemant Soren");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article/numbers", test_numbers);
  g_test_add_func ("/article/names", test_names);
  g_test_add_func ("/article/html/meta", test_html_meta);
  g_test_add_func ("/article/html/time", test_html_time);
  g_test_add_func ("/article/html/xxe", test_html_xxe);
  g_test_add_func ("/article/html/broken", test_html_broken);
  g_test_add_func ("/article/html/nested", test_html_nested);
  g_test_add_func ("/article/html/hindi", test_html_hindi);
  g_test_add ("/article/import/seeds", Fixture, NULL, fixture_set_up, test_import_seeds, fixture_tear_down);
  g_test_add ("/article/import/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/article/import/nested-html", Fixture, NULL, fixture_set_up, test_nested_import, fixture_tear_down);
  g_test_add ("/article/import/official", Fixture, NULL, fixture_set_up, test_official, fixture_tear_down);
  g_test_add_func ("/article/sample-store", test_sample_store);

  return g_test_run ();
}
