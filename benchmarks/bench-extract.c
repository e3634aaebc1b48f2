/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-extract.c — fact extraction speed in MB/s of article text, against
 * merely reading the same articles and splitting them into sentences, in
 * the same run. Target: at least 10 MB/s (archives of thousands of
 * articles).
 *
 * The corpus is the seed articles (data/articles/) and generated reports in
 * the styles Indian news uses (results, live rounds, tallies, Hindi), each
 * a separate article of a few kilobytes, with varied names and numbers.
 *
 *   bench-extract [SOURCE_DIR] [MEGABYTES]
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "psephos-article.h"
#include "psephos-extract.h"

static const char *first_names[] = { "Kamlesh", "Hemant", "Kalpana", "Mohinder", "Anniyur", "Dheeran", "Sita",
                                     "Ravi", "Gamliyel", "Muniya", "Ajay", "Smriti", "Kishori", "Arvind", "Priya",
                                     "Suresh", "Lakshmi", "Imran", "Gurpreet", "Anand" };
static const char *last_names[] = { "Thakur", "Soren", "Bhagat", "Siva", "Invati", "Singh", "Hembrom", "Devi",
                                    "Rai", "Sharma", "Yadav", "Patel", "Reddy", "Nair", "Khan", "Kumar", "Das" };
static const char *parties[] = { "BJP", "Congress", "AAP", "TMC", "JMM", "DMK", "SP", "BSP", "RJD", "JD(U)" };
static const char *states[] = { "Jharkhand", "Punjab", "Tamil Nadu", "Bihar", "Uttar Pradesh", "West Bengal",
                                "Himachal Pradesh", "Maharashtra" };
static const char *seats[] = { "Barhait", "Gandey", "Dehra", "Jalandhar West", "Vikravandi", "Amarwara",
                               "Raiganj", "Nalagarh", "Hamirpur", "Manglaur", "Varanasi", "Amethi" };

#define PICK(a) (a[g_random_int_range (0, G_N_ELEMENTS (a))])

static void
generated_article (GString *s)
{
  const char *state = PICK (states);
  int seat_votes = g_random_int_range (20000, 140000);
  int margin = g_random_int_range (500, 40000);

  g_string_append_printf (s, " date 2024-11-23 %s Assembly Election Results 2024: %s %s wins %s\n\n", state,
                          PICK (first_names), PICK (last_names), PICK (seats));
  for (int p = 0; p < 8; p++)
    {
      const char *winner_first = PICK (first_names), *winner_last = PICK (last_names);

      switch (p % 4)
        {
          case 0:
            g_string_append_printf (s,
                                    "%s's %s %s secured a decisive victory in the %s constituency, receiving %d votes "
                                    "and defeating the %s's %s %s by a margin of %d votes. Mr %s thanked the voters "
                                    "of %s for the support they had shown over the past five years.\n\n",
                                    PICK (parties), winner_first, winner_last, PICK (seats), seat_votes, PICK (parties),
                                    PICK (first_names), PICK (last_names), margin, winner_last, state);
            break;
          case 1:
            g_string_append_printf (s,
                                    "%d:%02d pm: After round %d of %d, %s candidate %s %s is leading by %d votes in %s, "
                                    "while %s %s is trailing. The turnout in the seat was %d.%02d per cent.\n\n",
                                    g_random_int_range (1, 12), g_random_int_range (0, 60), g_random_int_range (1, 20), 24,
                                    PICK (parties), winner_first, winner_last, margin, PICK (seats), PICK (first_names),
                                    PICK (last_names), g_random_int_range (50, 80), g_random_int_range (0, 100));
            break;
          case 2:
            g_string_append_printf (s,
                                    "As of 6 pm on counting day, the Election Commission reported that the %s has won "
                                    "%d seats and is leading in %d others. Its ally, the %s, has secured %d seats and "
                                    "is leading in six. The coalition is on track to surpass the 42-seat majority mark "
                                    "in the 81-member Assembly, with more than %d,%03d votes counted across the state.\n\n",
                                    PICK (parties), g_random_int_range (5, 40), g_random_int_range (1, 20), PICK (parties),
                                    g_random_int_range (1, 20), g_random_int_range (10, 99), g_random_int_range (0, 999));
            break;
          default:
            g_string_append_printf (s,
                                    "हेमंत सोरेन ने भाजपा के गमलियल हेम्ब्रम को %d वोटों के अंतर से हराया। राज्य में ६७.७४ "
                                    "प्रतिशत मतदान हुआ। Analysts said the campaign, which focused on welfare schemes, "
                                    "roads and jobs, played a key role in the outcome in %s.\n\n",
                                    margin, state);
            break;
        }
    }
}

/* CPU seconds this process has used: the machine may be shared. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
free_string (gpointer s)
{
  g_string_free (s, TRUE);
}

int
main (int argc, char *argv[])
{
  const char *srcdir = argc > 1 ? argv[1] : ".";
  double target_mb = argc > 2 ? g_ascii_strtod (argv[2], NULL) : 20;
  g_autoptr (GPtrArray) corpus = g_ptr_array_new_with_free_func (free_string);
  g_autofree char *dir = g_build_filename (srcdir, "data", "articles", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GPtrArray) seeds = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gsize total = 0;
  guint64 n_sentences = 0, n_facts = 0;
  gint64 t0, t1, t2;
  double c0, c1, c2;
  double split_s, extract_s, split_cpu, extract_cpu, mb;

  g_random_set_seed (20241123);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *data;

      if (g_file_get_contents (path, &data, NULL, NULL))
        g_ptr_array_add (seeds, data);
    }
  while (total < target_mb * 1024 * 1024)
    {
      GString *s = g_string_new (NULL);

      if (seeds->len > 0 && g_random_int_range (0, 4) == 0)
        g_string_append (s, g_ptr_array_index (seeds, g_random_int_range (0, seeds->len)));
      else
        generated_article (s);
      total += s->len;
      g_ptr_array_add (corpus, s);
    }
  mb = total / (1024.0 * 1024.0);

  /* best of three runs of each: the machine may be busy */
  split_s = extract_s = split_cpu = extract_cpu = G_MAXDOUBLE;
  for (int run = 0; run < 3; run++)
    {
      n_sentences = n_facts = 0;
      /* read (clean) and split into sentences */
      t0 = g_get_monotonic_time ();
      c0 = cpu_seconds ();
      for (guint i = 0; i < corpus->len; i++)
        {
          GString *s = g_ptr_array_index (corpus, i);
          g_autoptr (PsephosArticle) a = psephos_article_read_text ("bench.txt", s->str, s->len, NULL);

          g_array_set_size (bounds, 0);
          if (a != NULL)
            n_sentences += psephos_extract_split_sentences (a->body, a->body_len, bounds);
        }
      t1 = g_get_monotonic_time ();
      c1 = cpu_seconds ();
      /* read (clean) and extract */
      for (guint i = 0; i < corpus->len; i++)
        {
          GString *s = g_ptr_array_index (corpus, i);
          g_autoptr (PsephosArticle) a = psephos_article_read_text ("bench.txt", s->str, s->len, NULL);
          PsephosExtractOptions opts = { 0 };
          g_autoptr (PsephosExtraction) x = NULL;

          if (a == NULL)
            continue;
          opts.published_on = a->published_on;
          x = psephos_extract (a->body, a->body_len, &opts);
          n_facts += x->facts->len;
        }
      t2 = g_get_monotonic_time ();
      c2 = cpu_seconds ();
      split_s = MIN (split_s, (t1 - t0) / 1e6);
      extract_s = MIN (extract_s, (t2 - t1) / 1e6);
      split_cpu = MIN (split_cpu, c1 - c0);
      extract_cpu = MIN (extract_cpu, c2 - c1);
    }

  printf ("corpus: %u articles, %.1f MB, %" G_GUINT64_FORMAT " sentences, %" G_GUINT64_FORMAT " facts\n", corpus->len,
          mb, n_sentences, n_facts);
  printf ("read + split into sentences: %.1f MB/s of CPU time (%.3f s; wall clock %.1f MB/s)\n", mb / split_cpu,
          split_cpu, mb / split_s);
  printf ("read + extract facts:        %.1f MB/s of CPU time (%.3f s; wall clock %.1f MB/s)\n", mb / extract_cpu,
          extract_cpu, mb / extract_s);
  printf ("extraction costs %.1f× reading and splitting; target ≥ 10 MB/s: %s\n", extract_cpu / split_cpu,
          mb / extract_cpu >= 10 ? "met" : "NOT MET");
  return mb / extract_cpu >= 10 ? 0 : 1;
}
