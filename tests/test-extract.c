/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extract.c — the fact extractor against a hand-written gold file
 * (tests/gold/seeds.jsonl: every fact a careful reader takes from the four
 * seed articles), quotes that are exactly the body's characters, the
 * duplicate seeds, and rules on texts written in the styles Indian news
 * uses (live round-by-round reports, Hindi).
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "psephos-article.h"
#include "psephos-extract.h"

static const char *seeds[] = {
  "000_58089e2b2115eede.txt",
  "001_c362b1af07b0071a.txt",
  "002_0b52e9baef22bc37.txt",
  "003_b0bb79d11ba06b18.txt",
};

typedef struct
{
  PsephosArticle *article;
  PsephosExtraction *x;
  char *fingerprint;
} Seed;

static Seed loaded[G_N_ELEMENTS (seeds)];

static PsephosArticle *
read_article (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", dir, name, NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;
  PsephosArticle *article;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  article = psephos_article_read (path, data, len, g_str_has_suffix (name, ".html"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

/* Reads the seeds as the importer does: a copy without a date line is
 * dated by the report it duplicates. */
static void
load_seeds (void)
{
  if (loaded[0].x != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      PsephosExtractOptions opts = { 0 };
      Seed *s = &loaded[i];

      s->article = read_article ("data/articles", seeds[i]);
      s->fingerprint = psephos_article_fingerprint (s->article->body, s->article->body_len);
      opts.published_on = s->article->published_on;
      for (guint j = 0; j < i && opts.published_on == NULL; j++)
        if (psephos_article_fingerprint_similarity (s->fingerprint, loaded[j].fingerprint)
            >= PSEPHOS_ARTICLE_DUPLICATE_SIMILARITY)
          opts.published_on = loaded[j].article->published_on;
      s->x = psephos_extract (s->article->body, s->article->body_len, &opts);
    }
}

static const char *
election_string (PsephosExtractElection e)
{
  switch (e)
    {
      case PSEPHOS_EXTRACT_ELECTION_GENERAL:
        return "general";
      case PSEPHOS_EXTRACT_ELECTION_ASSEMBLY:
        return "assembly";
      case PSEPHOS_EXTRACT_ELECTION_BYPOLL:
        return "bypoll";
      case PSEPHOS_EXTRACT_ELECTION_UNKNOWN:
      default:
        return "unknown";
    }
}

/* [start, end) in code points of the @nth occurrence of @quote in @body. */
static gboolean
find_quote (const char *body, const char *quote, int nth, glong *start, glong *end)
{
  const char *p = body;

  for (int k = 0; k < nth; k++)
    {
      const char *hit = strstr (p, quote);

      if (hit == NULL)
        return FALSE;
      if (k == nth - 1)
        {
          *start = g_utf8_pointer_to_offset (body, hit);
          *end = *start + g_utf8_strlen (quote, -1);
          return TRUE;
        }
      p = hit + 1;
    }
  return FALSE;
}

static gboolean
gold_matches (JsonObject *g, const PsephosExtractedFact *f, glong gs, glong ge)
{
  const char *subject = json_object_get_null_member (g, "subject") ? NULL : json_object_get_string_member (g, "subject");
  const char *seat = json_object_get_null_member (g, "seat") ? NULL : json_object_get_string_member (g, "seat");
  const char *as_of = json_object_get_null_member (g, "as_of") ? NULL : json_object_get_string_member (g, "as_of");
  JsonNode *value = json_object_get_member (g, "value");

  if (g_strcmp0 (json_object_get_string_member (g, "kind"), psephos_extract_subject_to_string (f->kind)) != 0
      || g_strcmp0 (json_object_get_string_member (g, "attribute"), f->attribute) != 0
      || g_strcmp0 (json_object_get_string_member (g, "qualifier"), psephos_extract_qualifier_to_string (f->qualifier)) != 0
      || g_strcmp0 (json_object_get_string_member (g, "election"), election_string (f->election)) != 0
      || g_strcmp0 (as_of, f->as_of) != 0 || g_strcmp0 (seat, f->seat) != 0)
    return FALSE;
  if (f->kind != PSEPHOS_EXTRACT_ELECTION && (subject == NULL || f->subject == NULL || g_ascii_strcasecmp (subject, f->subject) != 0))
    return FALSE;
  if (json_node_get_value_type (value) == G_TYPE_STRING)
    {
      if (g_strcmp0 (json_node_get_string (value), f->text) != 0)
        return FALSE;
    }
  else if (!f->has_number || ABS (json_node_get_double (value) - f->number) > 1e-6)
    return FALSE;
  /* the spans overlap: the same statement */
  return (glong) f->start < ge && gs < (glong) f->end;
}

static void
test_gold (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "gold", "seeds.jsonl", NULL);
  g_autofree char *data = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_gold = 0, n_found = 0, n_matched = 0;
  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);
  double precision, recall;

  load_seeds ();
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    n_found += loaded[i].x->facts->len;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      JsonObject *g;
      const char *article;
      gboolean matched = FALSE;
      glong gs, ge;
      guint a;

      if (*g_strstrip (lines[l]) == '\0')
        continue;
      json_parser_load_from_data (parser, lines[l], -1, &error);
      g_assert_no_error (error);
      g = json_node_get_object (json_parser_get_root (parser));
      article = json_object_get_string_member (g, "article");
      for (a = 0; a < G_N_ELEMENTS (seeds) && strcmp (seeds[a], article) != 0; a++)
        ;
      g_assert_cmpuint (a, <, G_N_ELEMENTS (seeds));
      n_gold++;
      if (!find_quote (loaded[a].article->body, json_object_get_string_member (g, "quote"),
                       (int) json_object_get_int_member_with_default (g, "nth", 1), &gs, &ge))
        g_error ("gold line %u: quote ‘%s’ is not in %s", l + 1, json_object_get_string_member (g, "quote"), article);

      for (guint i = 0; i < loaded[a].x->facts->len && !matched; i++)
        {
          PsephosExtractedFact *f = g_ptr_array_index (loaded[a].x->facts, i);

          if (!g_hash_table_contains (used, f) && gold_matches (g, f, gs, ge))
            {
              g_hash_table_add (used, f);
              matched = TRUE;
            }
        }
      if (matched)
        n_matched++;
      else
        g_test_message ("missed: %s", lines[l]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    for (guint j = 0; j < loaded[i].x->facts->len; j++)
      {
        PsephosExtractedFact *f = g_ptr_array_index (loaded[i].x->facts, j);

        if (!g_hash_table_contains (used, f))
          g_test_message ("not in gold: %s %s %s %s=%g%s%s [%s] ‘%s’", seeds[i], psephos_extract_subject_to_string (f->kind),
                          f->subject ? f->subject : "-", f->attribute, f->number, f->text ? " " : "", f->text ? f->text : "",
                          f->seat ? f->seat : "-", f->quote);
      }

  precision = n_found ? (double) n_matched / n_found : 0;
  recall = n_gold ? (double) n_matched / n_gold : 0;
  g_test_message ("gold %u, extracted %u, matched %u: precision %.3f, recall %.3f", n_gold, n_found, n_matched,
                  precision, recall);
  g_assert_cmpfloat (precision, >=, 0.95);
  g_assert_cmpfloat (recall, >=, 0.95);
}

static void
check_quotes (const char *body, PsephosExtraction *x)
{
  for (guint i = 0; i < x->facts->len; i++)
    {
      PsephosExtractedFact *f = g_ptr_array_index (x->facts, i);
      const char *s = g_utf8_offset_to_pointer (body, f->start);
      const char *e = g_utf8_offset_to_pointer (body, f->end);
      g_autofree char *chars = g_strndup (s, e - s);

      g_assert_cmpuint (f->start, <, f->end);
      g_assert_cmpstr (chars, ==, f->quote);
    }
}

static void
test_quotes (void)
{
  load_seeds ();
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_assert_cmpuint (loaded[i].x->facts->len, >, 0);
      check_quotes (loaded[i].article->body, loaded[i].x);
    }
}

static void
test_duplicates (void)
{
  load_seeds ();
  g_assert_cmpfloat (psephos_article_fingerprint_similarity (loaded[0].fingerprint, loaded[1].fingerprint), >=,
                     PSEPHOS_ARTICLE_DUPLICATE_SIMILARITY);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (seeds); j++)
      if (!(i == 0 && j == 1))
        g_assert_cmpfloat (psephos_article_fingerprint_similarity (loaded[i].fingerprint, loaded[j].fingerprint), <,
                           PSEPHOS_ARTICLE_DUPLICATE_SIMILARITY);
}

/* ---- rules on texts in the styles news uses -------------------------------- */

static PsephosExtraction *
extract (const char *text, const char *published_on)
{
  PsephosExtractOptions opts = { .published_on = published_on };
  PsephosExtraction *x = psephos_extract (text, strlen (text), &opts);

  check_quotes (text, x);
  return x;
}

/* The @nth fact (from 0) about @subject (NULL: any) with @attribute. */
static PsephosExtractedFact *
find (PsephosExtraction *x, const char *subject, const char *attribute, guint nth)
{
  for (guint i = 0; i < x->facts->len; i++)
    {
      PsephosExtractedFact *f = g_ptr_array_index (x->facts, i);

      if ((subject == NULL || g_strcmp0 (f->subject, subject) == 0) && strcmp (f->attribute, attribute) == 0 && nth-- == 0)
        return f;
    }
  return NULL;
}

static void
test_live_rounds (void)
{
  g_autoptr (PsephosArticle) article = read_article ("tests/data/articles", "live-rounds.txt");
  g_autoptr (PsephosExtraction) x = extract (article->body, article->published_on);
  PsephosExtractedFact *f;

  g_assert_cmpint (x->election, ==, PSEPHOS_EXTRACT_ELECTION_GENERAL);
  g_assert_cmpint (x->year, ==, 2024);
  /* a partial count is a lead as of that round, never a result */
  for (guint i = 0; i < x->facts->len; i++)
    {
      f = g_ptr_array_index (x->facts, i);
      g_assert_false (g_strcmp0 (f->text, "won") == 0 || g_strcmp0 (f->text, "lost") == 0);
    }
  f = find (x, "Narendra Modi", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "trailing");
  g_assert_cmpstr (f->as_of, ==, "first round");
  g_assert_cmpstr (f->seat, ==, "Varanasi");
  f = find (x, "Narendra Modi", "result", 1);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "leading");
  g_assert_cmpstr (f->as_of, ==, "round 5 of 30");
  f = find (x, "Narendra Modi", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 15413);
  g_assert_cmpstr (f->as_of, ==, "round 5 of 30");
  f = find (x, "Narendra Modi", "votes", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 124053);
  g_assert_cmpstr (f->as_of, ==, "round 12 of 30");
  g_assert_cmpstr (f->party, ==, "BJP");
  f = find (x, "Ajay Rai", "votes", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 92000);
  g_assert_cmpint (f->qualifier, ==, PSEPHOS_EXTRACT_ABOUT);
  g_assert_cmpstr (f->party, ==, "INC");
  f = find (x, "BJP", "seats_leading", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 240);
  g_assert_cmpstr (f->as_of, ==, "1:30 pm");
  f = find (x, "INC", "seats_leading", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 99);
  f = find (x, "Kishori Lal Sharma", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 50000);
  g_assert_cmpint (f->qualifier, ==, PSEPHOS_EXTRACT_AT_LEAST);
  g_assert_cmpstr (f->as_of, ==, "14th round");
  g_assert_cmpstr (f->seat, ==, "Amethi");
}

static void
test_coreference (void)
{
  const char *text = "Kangana Ranaut of the BJP won the Mandi seat by a margin of 74,755 votes, defeating Congress "
                     "candidate Vikramaditya Singh. She polled 5,37,022 votes, while Mr Singh managed around 4.6 lakh "
                     "votes.\n\nThe Trinamool Congress won 29 seats and the party is leading in one more.";
  g_autoptr (PsephosExtraction) x = extract (text, "2024-06-04");
  PsephosExtractedFact *f;

  f = find (x, "Kangana Ranaut", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "won");
  g_assert_cmpstr (f->seat, ==, "Mandi");
  g_assert_cmpstr (f->party, ==, "BJP");
  f = find (x, "Kangana Ranaut", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 74755);
  f = find (x, "Kangana Ranaut", "votes", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 537022);
  f = find (x, "Vikramaditya Singh", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "lost");
  g_assert_cmpstr (f->seat, ==, "Mandi");
  f = find (x, "Vikramaditya Singh", "votes", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 460000);
  g_assert_cmpint (f->qualifier, ==, PSEPHOS_EXTRACT_ABOUT);
  g_assert_cmpstr (f->party, ==, "INC");
  f = find (x, "AITC", "seats_won", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 29);
  f = find (x, "AITC", "seats_leading", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 1);
}

static void
test_headlines_and_losers (void)
{
  const char *text = "Kamlesh Thakur Wins Dehra Bypoll By 9,399 Votes\n\n"
                     "In Nalagarh, Hardeep Singh Bawa was declared elected. BJP's K. L. Thakur finished second.\n\n"
                     "Ashish Sharma lost to Pushpinder Verma by 1,571 votes in Hamirpur. "
                     "Ravi Thakur was defeated by Anuradha Rana by 2,000 votes in Lahaul and Spiti.";
  g_autoptr (PsephosExtraction) x = extract (text, "2024-07-13");
  PsephosExtractedFact *f;

  g_assert_cmpint (x->election, ==, PSEPHOS_EXTRACT_ELECTION_BYPOLL);
  for (guint i = 0; i < x->people->len; i++)
    g_assert_null (strstr (((PsephosExtractedPerson *) g_ptr_array_index (x->people, i))->name, "Wins"));
  f = find (x, "Kamlesh Thakur", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "won");
  g_assert_cmpstr (f->seat, ==, "Dehra");
  f = find (x, "Kamlesh Thakur", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 9399);
  f = find (x, "Hardeep Singh Bawa", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "won");
  g_assert_cmpstr (f->seat, ==, "Nalagarh");
  f = find (x, "K. L. Thakur", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "lost");
  g_assert_cmpstr (f->party, ==, "BJP");
  f = find (x, "Pushpinder Verma", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 1571);
  g_assert_null (find (x, "Ashish Sharma", "margin", 0));
  f = find (x, "Ashish Sharma", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "lost");
  f = find (x, "Anuradha Rana", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 2000);
  f = find (x, "Ravi Thakur", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "lost");
  f = find (x, "Anuradha Rana", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "won");
  f = find (x, "K. L. Thakur", "result", 0);
  g_assert_cmpstr (f->seat, ==, "Nalagarh");
}

/* A wire-agency style results report: tallies, seat results, NOTA,
 * electors and turnout of one constituency. */
static void
test_wire_report (void)
{
  g_autoptr (PsephosArticle) article = read_article ("tests/data/articles", "wire-report.txt");
  g_autoptr (PsephosExtraction) x = extract (article->body, article->published_on);
  PsephosExtractedFact *f;

  g_assert_cmpint (x->election, ==, PSEPHOS_EXTRACT_ELECTION_ASSEMBLY);
  g_assert_cmpstr (x->state, ==, "Haryana");
  f = find (x, "BJP", "seats_won", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 48);
  f = find (x, "INC", "seats_won", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 37);
  f = find (x, NULL, "seats_total", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 90);
  f = find (x, NULL, "majority_mark", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 46);
  f = find (x, "Vinesh Phogat", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 6015);
  g_assert_cmpstr (f->seat, ==, "Julana");
  g_assert_cmpstr (f->party, ==, "INC");
  f = find (x, "Yogesh Kumar", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "lost");
  g_assert_cmpstr (f->party, ==, "BJP");
  f = find (x, "Yogesh Kumar", "votes", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 59065);
  f = find (x, "Nayab Singh Saini", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "won");
  g_assert_cmpstr (f->seat, ==, "Ladwa");
  f = find (x, "Ladwa", "nota_votes", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 1234);
  f = find (x, "Ladwa", "electors", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 204567);
  f = find (x, "Ladwa", "turnout_pct", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat_with_epsilon (f->number, 71.2, 1e-9);
  f = find (x, "Savitri Jindal", "party", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "IND");
  f = find (x, "Bhupinder Singh Hooda", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpint (f->qualifier, ==, PSEPHOS_EXTRACT_AT_LEAST);
  g_assert_cmpstr (f->seat, ==, "Garhi Sampla-Kiloi");
}

static void
test_lists_and_shares (void)
{
  const char *text = "Round 7 of 24: Hemant Soren (JMM) - 34,567, Gamliyel Hembrom (BJP) - 30,123.\n\n"
                     "Kalpana Soren of the JMM received 80,000 votes, while Muniya Devi of the BJP got 70,000. "
                     "The BJP's vote share rose to 33.2 per cent, while Kalpana Soren won with 52.3 per cent of "
                     "the votes. The winning margin was 10,000 votes.";
  g_autoptr (PsephosExtraction) x = extract (text, "2024-11-23");
  PsephosExtractedFact *f;

  f = find (x, "Hemant Soren", "votes", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 34567);
  g_assert_cmpstr (f->as_of, ==, "Round 7 of 24");
  g_assert_cmpstr (f->party, ==, "JMM");
  f = find (x, "Gamliyel Hembrom", "votes", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 30123);
  f = find (x, "Muniya Devi", "votes", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 70000);
  f = find (x, "BJP", "vote_share_pct", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat_with_epsilon (f->number, 33.2, 1e-9);
  f = find (x, "Kalpana Soren", "vote_share_pct", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat_with_epsilon (f->number, 52.3, 1e-9);
  f = find (x, "Kalpana Soren", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "won");
  f = find (x, "Kalpana Soren", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 10000);
  g_assert_null (find (x, "Muniya Devi", "margin", 0));
}

static void
test_tally_lists (void)
{
  const char *text = "Final tally of seats won: BJP: 240, Congress: 99, SP: 37, TMC: 29.\n\n"
                     "3 pm: Trends show NDA - 292, INDIA bloc - 233 as counting continues.";
  g_autoptr (PsephosExtraction) x = extract (text, "2024-06-05");
  PsephosExtractedFact *f;

  f = find (x, "BJP", "seats_won", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 240);
  g_assert_null (f->as_of);
  f = find (x, "AITC", "seats_won", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 29);
  f = find (x, "NDA", "seats_leading", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 292);
  g_assert_cmpstr (f->as_of, ==, "3 pm");
  f = find (x, "INDIA", "seats_leading", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 233);
}

static void
test_appositive_party (void)
{
  const char *text = "Shashi Tharoor, the Congress candidate, won the Thiruvananthapuram Lok Sabha seat by 16,077 "
                     "votes, defeating Rajeev Chandrasekhar of the BJP.";
  g_autoptr (PsephosExtraction) x = extract (text, "2024-06-04");
  PsephosExtractedFact *f;

  f = find (x, "Shashi Tharoor", "party", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "INC");
  f = find (x, "Shashi Tharoor", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->seat, ==, "Thiruvananthapuram");
  f = find (x, "Rajeev Chandrasekhar", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "lost");
  g_assert_cmpstr (f->party, ==, "BJP");
}

static void
test_tickets_and_shares (void)
{
  const char *text = "Jai Prakash won the Hisar seat on a Congress ticket with 54.2% votes.";
  g_autoptr (PsephosExtraction) x = extract (text, "2024-06-04");
  PsephosExtractedFact *f;

  f = find (x, "Jai Prakash", "party", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "INC");
  f = find (x, "Jai Prakash", "vote_share_pct", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat_with_epsilon (f->number, 54.2, 1e-9);
  g_assert_cmpstr (f->seat, ==, "Hisar");
}

/* The past and projections are not this count. */
static void
test_not_this_count (void)
{
  const char *text = "Hemant Soren won the Barhait seat by 39,791 votes. In 2019, he had won the seat by 25,740 "
                     "votes. Exit polls had predicted the BJP would win 45 seats. The JMM is likely to win "
                     "30 seats, analysts said. In the last election the turnout was 60.1 per cent.";
  g_autoptr (PsephosExtraction) x = extract (text, "2024-11-23");
  PsephosExtractedFact *f;

  f = find (x, "Hemant Soren", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 39791);
  g_assert_null (find (x, "Hemant Soren", "margin", 1));
  g_assert_null (find (x, "BJP", "seats_won", 0));
  g_assert_null (find (x, "JMM", "seats_won", 0));
  g_assert_null (find (x, NULL, "turnout_pct", 0));
}

/* One report, two states' assembly elections. */
static void
test_two_states (void)
{
  const char *text = "Maharashtra and Jharkhand Assembly election results 2024\n\n"
                     "In Maharashtra, the BJP won 132 seats in the 288-member Assembly.\n\n"
                     "In Jharkhand, the JMM won 34 seats and the BJP won 21.";
  g_autoptr (PsephosExtraction) x = extract (text, "2024-11-23");
  PsephosExtractedFact *f;

  f = find (x, "BJP", "seats_won", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 132);
  g_assert_cmpstr (f->state, ==, "Maharashtra");
  f = find (x, NULL, "seats_total", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->state, ==, "Maharashtra");
  f = find (x, "JMM", "seats_won", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->state, ==, "Jharkhand");
  f = find (x, "BJP", "seats_won", 1);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 21);
  g_assert_cmpstr (f->state, ==, "Jharkhand");
}

static void
test_hindi (void)
{
  const char *text = "झारखंड विधानसभा चुनाव २०२४: बरहेट सीट से हेमंत सोरेन ने भाजपा के गमलियल हेम्ब्रम को ३९,७९१ वोटों के "
                     "अंतर से हराया। हेमंत सोरेन को ९५,६१२ वोट मिले। राज्य में ६७.७४ प्रतिशत मतदान हुआ। गांडेय में "
                     "कल्पना सोरेन ने ३,००० वोटों से बढ़त बनाई है।";
  g_autoptr (PsephosExtraction) x = extract (text, NULL);
  PsephosExtractedFact *f;

  g_assert_cmpint (x->election, ==, PSEPHOS_EXTRACT_ELECTION_ASSEMBLY);
  g_assert_cmpint (x->year, ==, 2024);
  f = find (x, "हेमंत सोरेन", "margin", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 39791);
  g_assert_cmpstr (f->seat, ==, "बरहेट");
  f = find (x, "हेमंत सोरेन", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "won");
  f = find (x, "गमलियल हेम्ब्रम", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "lost");
  g_assert_cmpstr (f->party, ==, "BJP");
  f = find (x, "हेमंत सोरेन", "votes", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->number, ==, 95612);
  f = find (x, NULL, "turnout_pct", 0);
  g_assert_nonnull (f);
  g_assert_cmpfloat_with_epsilon (f->number, 67.74, 1e-9);
  f = find (x, "कल्पना सोरेन", "result", 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "leading");
}

static void
test_sentences (void)
{
  const char *text = "Mr. K. Annamalai lost. Turnout was 65.42 per cent! Was it? Yes.\nNew line ends one\n\n"
                     "हेमंत सोरेन जीते। अगला वाक्य";
  g_autoptr (GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint n = psephos_extract_split_sentences (text, strlen (text), bounds);
  const char *expected[] = { "Mr. K. Annamalai lost.", "Turnout was 65.42 per cent!", "Was it?", "Yes.",
                             "New line ends one", "हेमंत सोरेन जीते।", "अगला वाक्य" };

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    {
      gsize s = g_array_index (bounds, gsize, 2 * i), e = g_array_index (bounds, gsize, 2 * i + 1);
      g_autofree char *got = g_strndup (text + s, e - s);

      g_assert_cmpstr (got, ==, expected[i]);
    }
}

static void
test_empty (void)
{
  g_autoptr (PsephosExtraction) x = extract ("", NULL);
  g_autoptr (PsephosExtraction) y = extract ("No numbers here at all, just words.", NULL);

  g_assert_cmpuint (x->facts->len, ==, 0);
  g_assert_cmpuint (y->facts->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/sentences", test_sentences);
  g_test_add_func ("/extract/empty", test_empty);
  g_test_add_func ("/extract/seeds/gold", test_gold);
  g_test_add_func ("/extract/seeds/quotes", test_quotes);
  g_test_add_func ("/extract/seeds/duplicates", test_duplicates);
  g_test_add_func ("/extract/live-rounds", test_live_rounds);
  g_test_add_func ("/extract/coreference", test_coreference);
  g_test_add_func ("/extract/hindi", test_hindi);
  g_test_add_func ("/extract/wire-report", test_wire_report);
  g_test_add_func ("/extract/lists-and-shares", test_lists_and_shares);
  g_test_add_func ("/extract/tally-lists", test_tally_lists);
  g_test_add_func ("/extract/appositive-party", test_appositive_party);
  g_test_add_func ("/extract/not-this-count", test_not_this_count);
  g_test_add_func ("/extract/tickets-and-shares", test_tickets_and_shares);
  g_test_add_func ("/extract/two-states", test_two_states);
  g_test_add_func ("/extract/headlines-and-losers", test_headlines_and_losers);

  return g_test_run ();
}
