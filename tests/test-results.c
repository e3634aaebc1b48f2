/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-results.c — official results import: the CSV reader, the lookup
 * tables, and importing the real files of ../shared/data (skipped, saying
 * why, where they are absent) and small bad files from tests/data/results.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "psephos-csv.h"
#include "psephos-ingest.h"
#include "psephos-tables.h"

/* ---- helpers ------------------------------------------------------------- */

typedef struct
{
  char *dir;
  char *path;
  PsephosStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("psephos-test-results-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "store.psephos", NULL);
  f->store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture *f,
                   gconstpointer data)
{
  g_clear_object (&f->store);
  {
    g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (f->dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A file (or folder) of ../shared/data, or NULL (and the test skipped)
 * when absent. */
static char *
shared_path (const char *relative,
             GFileTest test)
{
  const char *root = g_getenv ("PSEPHOS_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autofree char *why = NULL;

  if (root == NULL)
    {
      g_test_skip ("PSEPHOS_SHARED_DATA is not set: the real results files are not available");
      return NULL;
    }
  path = g_build_filename (root, relative, NULL);
  if (!g_file_test (path, test))
    {
      why = g_strdup_printf ("%s is absent (../shared/data is not beside the checkout)", path);
      g_test_skip (why);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static char *
shared_file (const char *relative)
{
  return shared_path (relative, G_FILE_TEST_IS_REGULAR);
}

static char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "results", name, NULL);
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
import_ok (Fixture *f,
           const char *path,
           const char *election,
           PsephosIngestOutcome *outcome)
{
  PsephosIngestOptions options = { .election = election };
  g_autoptr (GError) error = NULL;

  gboolean ok = psephos_ingest_file (f->store, path, &options, NULL, outcome, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static gint64
election_id (Fixture *f,
             const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosElection) e = psephos_store_find_election (f->store, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (e);
  return e->id;
}

static int
seats_won (GPtrArray *tally,
           const char *abbreviation)
{
  for (guint i = 0; i < tally->len; i++)
    {
      PsephosTallyRow *t = g_ptr_array_index (tally, i);

      if (g_strcmp0 (t->abbreviation, abbreviation) == 0)
        return t->won;
    }
  return 0;
}

static void
assert_party_seats (Fixture *f,
                    gint64 election,
                    const char *abbreviation,
                    int expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tally = psephos_store_party_tally (f->store, election, &error);

  g_assert_no_error (error);
  g_assert_cmpint (seats_won (tally, abbreviation), ==, expected);
}

static gboolean
is_nota_name (const char *name)
{
  g_autofree char *key = name ? psephos_tables_key (name) : NULL;

  return key != NULL && (g_str_equal (key, "nota") || g_str_equal (key, "noneoftheabove"));
}

/* No contest of the election has NOTA among its candidates, let alone as
 * its winner; returns the number of contests looked at. */
static guint
assert_nota_never_ranked (Fixture *f,
                          gint64 election)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) seats = psephos_store_list_seats (f->store, election, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < seats->len; i++)
    {
      PsephosSeatRow *seat = g_ptr_array_index (seats, i);
      g_autoptr (GPtrArray) candidacies = NULL;

      g_assert_false (is_nota_name (seat->winner_name));
      candidacies = psephos_store_list_candidacies (f->store, seat->contest_id, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < candidacies->len; j++)
        {
          PsephosCandidacy *c = g_ptr_array_index (candidacies, j);

          g_assert_false (is_nota_name (c->name));
          g_assert_false (is_nota_name (c->party_name));
        }
    }
  return seats->len;
}

/* Every fact of the source quotes exactly the characters [start, end) of
 * the source's body, and those characters are on line @row. */
static guint
assert_facts_cite_body (Fixture *f,
                        gint64 source_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosSource) source = psephos_store_get_source (f->store, source_id, &error);
  g_autoptr (GPtrArray) facts = NULL;
  g_autoptr (GArray) line_starts = g_array_new (FALSE, FALSE, sizeof (glong));
  g_autoptr (GArray) char_bytes = g_array_new (FALSE, FALSE, sizeof (gsize));
  PsephosFactQuery query = { .source_id = source_id };
  glong n_chars;
  glong offset = 0;

  g_assert_no_error (error);
  g_assert_nonnull (source->body);

  /* Code point offsets at which each line starts, and the byte offset of
   * each code point. */
  g_array_append_val (line_starts, offset);
  for (const char *p = source->body; *p; p = g_utf8_next_char (p))
    {
      gsize byte = p - source->body;

      g_array_append_val (char_bytes, byte);
      offset++;
      if (*p == '\n')
        g_array_append_val (line_starts, offset);
    }
  n_chars = offset;
  {
    gsize byte = strlen (source->body);
    g_array_append_val (char_bytes, byte);
  }

  facts = psephos_store_list_facts (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, >, 0);

  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *fact = g_ptr_array_index (facts, i);
      const char *start;
      const char *end;
      g_autofree char *quoted = NULL;

      g_assert_cmpint (fact->start, >=, 0);
      g_assert_cmpint (fact->start, <, fact->end);
      g_assert_cmpint (fact->end, <=, n_chars);
      start = source->body + g_array_index (char_bytes, gsize, fact->start);
      end = source->body + g_array_index (char_bytes, gsize, fact->end);
      quoted = g_strndup (start, end - start);
      g_assert_cmpstr (quoted, ==, fact->quote);

      g_assert_cmpint (fact->row, >=, 1);
      g_assert_cmpint (fact->row, <=, (gint64) line_starts->len);
      g_assert_cmpint (fact->start, >=, g_array_index (line_starts, glong, fact->row - 1));
      if ((guint) fact->row < line_starts->len)
        g_assert_cmpint (fact->end, <, g_array_index (line_starts, glong, fact->row));
    }
  return facts->len;
}

static PsephosSeatRow *
find_seat (Fixture *f,
           gint64 election,
           const char *name)
{
  g_autoptr (GError) error = NULL;
  PsephosSeatRow *seat = psephos_store_find_seat (f->store, election, NULL, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (seat);
  return seat;
}

/* ---- the CSV reader ------------------------------------------------------- */

static void
test_csv_quoting (void)
{
  static const char data[] = "\xEF\xBB\xBF"
                             "a;b;c\r\n"
                             "\"x \"\"q\"\" y\";\"two\nlines\";\r\n"
                             "\r\n"
                             "1;\"\";3";
  g_autoptr (PsephosCsv) csv = psephos_csv_new ("t.csv", data, strlen (data), ';');
  g_autoptr (GError) error = NULL;

  g_assert_true (psephos_csv_next (csv, &error));
  g_assert_cmpuint (psephos_csv_get_line (csv), ==, 1);
  g_assert_cmpuint (psephos_csv_get_n_fields (csv), ==, 3);
  g_assert_cmpstr (psephos_csv_get_field (csv, 0), ==, "a");

  g_assert_true (psephos_csv_next (csv, &error));
  g_assert_cmpuint (psephos_csv_get_line (csv), ==, 2);
  g_assert_cmpstr (psephos_csv_get_field (csv, 0), ==, "x \"q\" y");
  g_assert_cmpstr (psephos_csv_get_field (csv, 1), ==, "two\nlines");
  g_assert_cmpstr (psephos_csv_get_field (csv, 2), ==, "");
  /* The field's place in the data is inside the quotes. */
  g_assert_cmpint (strncmp (data + psephos_csv_get_field_start (csv, 1), "two\nlines",
                            psephos_csv_get_field_end (csv, 1) - psephos_csv_get_field_start (csv, 1)),
                   ==, 0);

  /* The blank line is skipped; the quoted line break counted. */
  g_assert_true (psephos_csv_next (csv, &error));
  g_assert_cmpuint (psephos_csv_get_line (csv), ==, 5);
  g_assert_cmpstr (psephos_csv_get_field (csv, 1), ==, "");
  g_assert_cmpstr (psephos_csv_get_field (csv, 2), ==, "3");

  g_assert_false (psephos_csv_next (csv, &error));
  g_assert_no_error (error);
}

static void
test_csv_errors (void)
{
  static const struct
  {
    const char *data;
    int code;
    const char *prefix;
  } cases[] = {
    { "a,b\n1,2\n1,2,3\n", PSEPHOS_INGEST_ERROR_PARSE, "bad.csv:3: " },
    { "a,b\n1,2\n\"1,2\n3,4\n", PSEPHOS_INGEST_ERROR_PARSE, "bad.csv:3: " },
    { "a,b\n1,2\n1,\xFF\n", PSEPHOS_INGEST_ERROR_ENCODING, "bad.csv:3: " },
    { "a,b\n\"1\"x,2\n", PSEPHOS_INGEST_ERROR_PARSE, "bad.csv:2: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PsephosCsv) csv = psephos_csv_new ("bad.csv", cases[i].data, strlen (cases[i].data), ',');
      g_autoptr (GError) error = NULL;

      while (psephos_csv_next (csv, &error))
        ;
      g_assert_error (error, PSEPHOS_INGEST_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].prefix));
    }
}

/* ---- the tables ------------------------------------------------------------ */

static void
test_tables_parties (void)
{
  static const struct
  {
    const char *written;
    const char *abbreviation;
  } cases[] = {
    /* as the official files write them */
    { "Communist Party of India  (Marxist)", "CPI(M)" },
    { "Jammu & Kashmir National Conference", "JKNC" },
    { "Janata Dal  (United)", "JD(U)" },
    { "Lok Janshakti Party(Ram Vilas)", "LJP(RV)" },
    { "Nationalist Congress Party – Sharadchandra Pawar", "NCP(SP)" },
    { "Shiv Sena (Uddhav Balasaheb Thackrey)", "SS(UBT)" },
    { "Communist Party of India (Marxist-Leninist) (Liberation)", "CPI(ML)L" },
    { "AJSU Party", "AJSU" },
    { "Independent", "IND" },
    { "None of the Above", "NOTA" },
    /* ElectionLens codes */
    { "CPM", "CPI(M)" },
    { "AAAP", "AAP" },
    { "ADMK", "AIADMK" },
    { "CPI(ML)(L)", "CPI(ML)L" },
    /* as news reports write them */
    { "Congress", "INC" },
    { "Trinamool", "AITC" },
    { "TMC", "AITC" },
    { "Samajwadi Party", "SP" },
    { "JDU", "JD(U)" },
    { "Shiv Sena (UBT)", "SS(UBT)" },
    { "jd(u)", "JD(U)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PsephosPartyInfo *p = psephos_tables_lookup_party (cases[i].written);

      g_assert_nonnull (p);
      g_assert_cmpstr (p->abbreviation, ==, cases[i].abbreviation);
      g_assert_nonnull (p->name);
      g_assert_true (p->colour != NULL && p->colour[0] == '#' && strlen (p->colour) == 7);
    }

  g_assert_null (psephos_tables_lookup_party ("Lokhit Adhikar Party Of Nowhere"));
  g_assert_cmpstr (psephos_tables_lookup_party ("BJP")->colour, ==, "#FF9933");
  /* Parties a chart shows side by side can be told apart. */
  g_assert_cmpstr (psephos_tables_lookup_party ("BJP")->colour, !=, psephos_tables_lookup_party ("SHS")->colour);
  g_assert_cmpstr (psephos_tables_lookup_party ("CPI")->colour, !=, psephos_tables_lookup_party ("CPI(M)")->colour);
}

static void
test_tables_states (void)
{
  const char *jharkhand[] = { "Jharkhand", "JH", "S27", "jharkhand " };

  for (guint i = 0; i < G_N_ELEMENTS (jharkhand); i++)
    {
      const PsephosStateInfo *s = psephos_tables_lookup_state (jharkhand[i]);

      g_assert_nonnull (s);
      g_assert_cmpstr (s->name, ==, "Jharkhand");
      g_assert_cmpstr (s->abbr, ==, "JH");
      g_assert_cmpstr (s->eci_code, ==, "S27");
    }
  g_assert_cmpstr (psephos_tables_lookup_state ("NCT OF Delhi")->eci_code, ==, "U05");
  g_assert_cmpstr (psephos_tables_lookup_state ("Jammu & Kashmir")->abbr, ==, "JK");
  g_assert_cmpstr (psephos_tables_lookup_state ("Jammu and Kashmir")->abbr, ==, "JK");
  g_assert_null (psephos_tables_lookup_state ("Atlantis"));
}

static void
test_tables_states_match_ls2024 (void)
{
  g_autofree char *path = shared_file ("india-votes-data/ls2024.csv");
  g_autofree char *contents = NULL;
  g_autoptr (PsephosCsv) csv = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;

  if (path == NULL)
    return;
  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  /* Every state of the file is known, with the file's ECI code. */
  csv = psephos_csv_new (path, contents, len, ';');
  g_assert_true (psephos_csv_next (csv, &error));
  while (psephos_csv_next (csv, &error))
    {
      const PsephosStateInfo *s = psephos_tables_lookup_state (psephos_csv_get_field (csv, 0));

      g_assert_nonnull (s);
      g_assert_cmpstr (s->eci_code, ==, psephos_csv_get_field (csv, 5));
    }
  g_assert_no_error (error);
}

static void
test_tables_alliances (void)
{
  static const char *const india[] = { "JMM", "INC", "RJD", "CPI(ML)L" };
  static const char *const nda[] = { "BJP", "AJSU", "JD(U)", "LJP(RV)" };

  for (guint i = 0; i < G_N_ELEMENTS (india); i++)
    g_assert_cmpstr (psephos_tables_alliance_of (india[i], 2024, "JH"), ==, "INDIA");
  for (guint i = 0; i < G_N_ELEMENTS (nda); i++)
    g_assert_cmpstr (psephos_tables_alliance_of (nda[i], 2024, "Jharkhand"), ==, "NDA");
  g_assert_cmpstr (psephos_tables_alliance_of ("TDP", 2024, NULL), ==, "NDA");
  g_assert_cmpstr (psephos_tables_alliance_of ("Samajwadi Party", 2024, NULL), ==, "INDIA");
  /* Not in Jharkhand's alliances that year. */
  g_assert_null (psephos_tables_alliance_of ("TDP", 2024, "JH"));
  g_assert_null (psephos_tables_alliance_of ("IND", 2024, NULL));
  g_assert_null (psephos_tables_alliance_of ("BJP", 1999, NULL));
  g_assert_nonnull (psephos_tables_lookup_alliance ("NDA"));
}

/* ---- importing the real files --------------------------------------------- */

static void
test_jharkhand_2024 (Fixture *f,
                     gconstpointer data)
{
  g_autofree char *path = shared_file ("india-votes-data/results/2024Assembly-JH.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosSeatRow) barhait = NULL;
  g_autoptr (GPtrArray) candidacies = NULL;
  g_autoptr (GPtrArray) alliances = NULL;
  PsephosIngestOutcome outcome;
  PsephosCandidacy *first, *second;
  gint64 jh;

  if (path == NULL)
    return;
  import_ok (f, path, NULL, &outcome);
  g_assert_cmpint (outcome.status, ==, PSEPHOS_INGEST_IMPORTED);
  g_assert_cmpuint (outcome.n_rows, ==, 1292);

  jh = election_id (f, "Jharkhand Assembly 2024");
  assert_party_seats (f, jh, "JMM", 34);
  assert_party_seats (f, jh, "BJP", 21);
  assert_party_seats (f, jh, "INC", 16);
  assert_party_seats (f, jh, "RJD", 4);
  assert_party_seats (f, jh, "CPI(ML)L", 2);
  g_assert_cmpuint (assert_nota_never_ranked (f, jh), ==, 81);

  barhait = find_seat (f, jh, "Barhait");
  g_assert_cmpint (barhait->margin, ==, 39791);
  g_assert_cmpint (barhait->nota_votes, >, 0);
  candidacies = psephos_store_list_candidacies (f->store, barhait->contest_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidacies->len, >=, 2);
  first = g_ptr_array_index (candidacies, 0);
  second = g_ptr_array_index (candidacies, 1);
  g_assert_cmpstr (first->display_name, ==, "Hemant Soren");
  g_assert_cmpstr (first->name, ==, "HEMANT SOREN");
  g_assert_cmpstr (first->party, ==, "JMM");
  g_assert_cmpint (first->votes, ==, 95612);
  g_assert_cmpint (first->evm_votes, ==, 94840);
  g_assert_cmpint (first->postal_votes, ==, 772);
  g_assert_cmpint (first->result, ==, PSEPHOS_RESULT_WON);
  g_assert_cmpint (first->margin, ==, 39791);
  g_assert_cmpstr (second->display_name, ==, "Gamliyel Hembrom");
  g_assert_cmpint (second->votes, ==, 55821);
  g_assert_cmpint (second->result, ==, PSEPHOS_RESULT_LOST);

  /* The alliances of that election: INDIA 56, NDA 24 of 81. */
  alliances = psephos_store_alliance_tally (f->store, jh, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seats_won (alliances, "INDIA"), ==, 56);
  g_assert_cmpint (seats_won (alliances, "NDA"), ==, 24);

  g_assert_cmpuint (assert_facts_cite_body (f, outcome.source_id), ==, outcome.n_facts);
}

static void
test_facts_of_a_row (Fixture *f,
                     gconstpointer data)
{
  g_autofree char *path = shared_file ("india-votes-data/results/2024Assembly-JH.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosSeatRow) barhait = NULL;
  g_autoptr (GPtrArray) candidacies = NULL;
  g_autoptr (GPtrArray) facts = NULL;
  g_autoptr (PsephosSource) source = NULL;
  g_auto (GStrv) lines = NULL;
  PsephosCandidacy *winner;
  PsephosFactQuery query = { 0 };
  PsephosIngestOutcome outcome;
  guint seen = 0;

  if (path == NULL)
    return;
  import_ok (f, path, NULL, &outcome);
  barhait = find_seat (f, election_id (f, "Jharkhand Assembly 2024"), "Barhait");
  candidacies = psephos_store_list_candidacies (f->store, barhait->contest_id, &error);
  g_assert_no_error (error);
  winner = g_ptr_array_index (candidacies, 0);

  source = psephos_store_get_source (f->store, outcome.source_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source->kind, ==, PSEPHOS_SOURCE_OFFICIAL);
  g_assert_cmpstr (source->file, ==, "2024Assembly-JH.csv");
  lines = g_strsplit (source->body, "\n", -1);

  query.candidacy_id = winner->id;
  facts = psephos_store_list_facts (f->store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *fact = g_ptr_array_index (facts, i);

      /* The row the facts cite is Hemant Soren's line of the file. */
      g_assert_cmpint (fact->source_id, ==, outcome.source_id);
      g_assert_cmpint (fact->row, >, 1);
      g_assert_nonnull (strstr (lines[fact->row - 1], "HEMANT SOREN"));
      if (g_str_equal (fact->attribute, "evm_votes"))
        {
          g_assert_cmpstr (fact->quote, ==, "94840");
          g_assert_cmpfloat (fact->number, ==, 94840);
          seen |= 1;
        }
      else if (g_str_equal (fact->attribute, "postal_votes"))
        {
          g_assert_cmpstr (fact->quote, ==, "772");
          seen |= 2;
        }
      else if (g_str_equal (fact->attribute, "votes"))
        {
          g_assert_cmpfloat (fact->number, ==, 95612);
          seen |= 4;
        }
    }
  g_assert_cmpuint (seen, ==, 7);
}

static void
test_lok_sabha_2024 (Fixture *f,
                     gconstpointer data)
{
  g_autofree char *path = shared_file ("india-votes-data/ls2024.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosSeatRow) surat = NULL;
  g_autoptr (PsephosElection) election = NULL;
  g_autoptr (GPtrArray) candidacies = NULL;
  g_autoptr (GPtrArray) alliances = NULL;
  PsephosCandidacy *winner;
  PsephosIngestOutcome outcome;
  gint64 ls;

  if (path == NULL)
    return;
  import_ok (f, path, "Lok Sabha 2024", &outcome);
  g_assert_cmpint (outcome.status, ==, PSEPHOS_INGEST_IMPORTED);

  ls = election_id (f, "Lok Sabha 2024");
  election = psephos_store_find_election (f->store, "Lok Sabha 2024", &error);
  g_assert_no_error (error);
  g_assert_cmpint (election->kind, ==, PSEPHOS_ELECTION_GENERAL);
  g_assert_cmpint (election->year, ==, 2024);
  g_assert_cmpint (election->n_contests, ==, 543);
  assert_party_seats (f, ls, "BJP", 240);
  assert_party_seats (f, ls, "INC", 99);
  assert_party_seats (f, ls, "SP", 37);
  assert_party_seats (f, ls, "AITC", 29);
  assert_party_seats (f, ls, "DMK", 22);
  assert_party_seats (f, ls, "TDP", 16);
  assert_party_seats (f, ls, "JD(U)", 12);
  g_assert_cmpuint (assert_nota_never_ranked (f, ls), ==, 543);

  alliances = psephos_store_alliance_tally (f->store, ls, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seats_won (alliances, "NDA"), ==, 293);
  g_assert_cmpint (seats_won (alliances, "INDIA"), ==, 234);

  /* Surat was won unopposed: a winner, and no votes. */
  surat = find_seat (f, ls, "Surat");
  g_assert_cmpstr (surat->name, ==, "Surat");
  g_assert_nonnull (surat->winner_name);
  g_assert_cmpstr (surat->winner_party, ==, "BJP");
  g_assert_cmpint (surat->margin, ==, -1);
  candidacies = psephos_store_list_candidacies (f->store, surat->contest_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidacies->len, ==, 1);
  winner = g_ptr_array_index (candidacies, 0);
  g_assert_cmpint (winner->result, ==, PSEPHOS_RESULT_WON);
  g_assert_cmpint (winner->votes, ==, -1);

  /* Constituency names are trimmed ("Araku " in the file). */
  {
    g_autoptr (PsephosSeatRow) araku = find_seat (f, ls, "Araku");
    g_assert_cmpstr (araku->name, ==, "Araku");
  }

  /* The file has non-ASCII text: offsets are in code points. */
  g_assert_cmpuint (assert_facts_cite_body (f, outcome.source_id), ==, outcome.n_facts);
}

static void
test_lok_sabha_needs_election (Fixture *f,
                               gconstpointer data)
{
  g_autofree char *path = shared_file ("india-votes-data/ls2024.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  PsephosIngestOutcome outcome;

  if (path == NULL)
    return;
  before = checksum_file (f->path);
  g_assert_false (psephos_ingest_file (f->store, path, NULL, NULL, &outcome, &error));
  g_assert_error (error, PSEPHOS_INGEST_ERROR, PSEPHOS_INGEST_ERROR_NO_ELECTION);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "--election"));
  after = checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* How many candidacies of the store file at @path break the rules of
 * ranking, restated here in SQL: in a contest where every candidate's votes
 * are known, the ranks follow the votes (ties: the first written first);
 * rank 1 won and the others lost; the winner's margin is their votes less
 * the runner-up's; a vote share is of all votes cast, NOTA's included. */
static gint64
count_misranked (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "WITH c AS ("
                                       "  SELECT y.votes, y.rank, y.result, y.margin, y.vote_share_pct,"
                                       "    row_number () OVER w AS expected_rank,"
                                       "    lead (y.votes) OVER w AS next_votes,"
                                       "    sum (y.votes) OVER (PARTITION BY y.contest_id) + max (coalesce (t.nota_votes, 0), 0) AS total"
                                       "  FROM candidacy y JOIN contest t ON t.id = y.contest_id"
                                       "  WHERE NOT EXISTS (SELECT 1 FROM candidacy z WHERE z.contest_id = y.contest_id AND z.votes IS NULL)"
                                       "  WINDOW w AS (PARTITION BY y.contest_id ORDER BY y.votes DESC, y.id))"
                                       " SELECT count (*) FROM c WHERE rank IS NOT expected_rank"
                                       "  OR result IS NOT (CASE WHEN expected_rank = 1 THEN 'won' ELSE 'lost' END)"
                                       "  OR (expected_rank = 1 AND next_votes IS NOT NULL AND margin IS NOT votes - next_votes)"
                                       "  OR (total > 0 AND abs (vote_share_pct - 100.0 * votes / total) > 1e-9)",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_every_assembly_file (Fixture *f,
                          gconstpointer data)
{
  g_autofree char *dir_path = shared_path ("india-votes-data/results", G_FILE_TEST_IS_DIR);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) elections = NULL;
  const char *name;
  guint n_files = 0;

  if (dir_path == NULL)
    return;
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      PsephosIngestOutcome outcome;

      if (!g_str_has_suffix (name, ".csv"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      import_ok (f, path, NULL, &outcome);
      g_assert_cmpint (outcome.status, ==, PSEPHOS_INGEST_IMPORTED);
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 0);
  g_assert_cmpint (count_misranked (f->path), ==, 0);

  elections = psephos_store_list_elections (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elections->len, ==, n_files);
  for (guint i = 0; i < elections->len; i++)
    {
      PsephosElection *e = g_ptr_array_index (elections, i);

      g_assert_cmpint (e->kind, ==, PSEPHOS_ELECTION_ASSEMBLY);
      g_assert_true (g_str_has_suffix (e->name, " Assembly 2024") || g_str_has_suffix (e->name, " Assembly 2025") || g_str_has_suffix (e->name, " Assembly 2026"));
      g_assert_cmpuint (assert_nota_never_ranked (f, e->id), ==, (guint) e->n_contests);
      g_assert_cmpint (e->n_declared, ==, e->n_contests);
    }
}

static void
test_reimport_unchanged (Fixture *f,
                         gconstpointer data)
{
  g_autofree char *path = shared_file ("india-votes-data/results/2024Assembly-JH.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PsephosIngestOutcome first, again;

  if (path == NULL)
    return;
  import_ok (f, path, NULL, &first);
  g_assert_cmpint (first.status, ==, PSEPHOS_INGEST_IMPORTED);

  before = checksum_file (f->path);
  import_ok (f, path, NULL, &again);
  g_assert_cmpint (again.status, ==, PSEPHOS_INGEST_UNCHANGED);
  g_assert_cmpint (again.source_id, ==, first.source_id);
  g_assert_cmpuint (again.n_facts, ==, 0);
  after = checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* The indexes of a store file, as "name|sql" lines in name order, and its
 * integrity check's verdict. */
static char *
describe_indexes (const char *path,
                  char **integrity)
{
  g_autoptr (GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s|%s|%s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_type (stmt, 2) == SQLITE_NULL ? "(auto)" : (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *integrity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The first import into an empty store builds its indexes at commit
 * rather than row by row: afterwards the store has every index a new store
 * has, with the same definitions, and they agree with the tables. A
 * second import (indexes kept up row by row) leaves them so too. */
static void
test_indexes_after_first_import (Fixture *f,
                                 gconstpointer data)
{
  g_autofree char *jh = shared_file ("india-votes-data/results/2024Assembly-JH.csv");
  g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.psephos", NULL);
  g_autoptr (PsephosStore) fresh = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_integrity = NULL;
  g_autofree char *first = NULL;
  g_autofree char *first_integrity = NULL;
  g_autofree char *second = NULL;
  g_autofree char *second_integrity = NULL;
  g_autofree char *split = fixture_file ("split-contest.csv");
  PsephosIngestOutcome outcome;

  if (jh == NULL)
    return;
  fresh = psephos_store_open (fresh_path, PSEPHOS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&fresh);
  expected = describe_indexes (fresh_path, &expected_integrity);
  g_assert_cmpstr (expected_integrity, ==, "ok");
  g_assert_nonnull (strstr (expected, "alias_by_key|alias|CREATE INDEX alias_by_key ON alias (key)\n"));

  import_ok (f, jh, NULL, &outcome);
  g_assert_cmpint (outcome.status, ==, PSEPHOS_INGEST_IMPORTED);
  first = describe_indexes (f->path, &first_integrity);
  g_assert_cmpstr (first, ==, expected);
  g_assert_cmpstr (first_integrity, ==, "ok");

  import_ok (f, split, NULL, &outcome);
  g_assert_cmpint (outcome.status, ==, PSEPHOS_INGEST_IMPORTED);
  second = describe_indexes (f->path, &second_integrity);
  g_assert_cmpstr (second, ==, expected);
  g_assert_cmpstr (second_integrity, ==, "ok");
}

/* A file that comes after another: someone of the same name who stood for
 * the same seat in an election the store already had is the same person
 * (Hemant Soren of Barhait, 2024 from the assembly file, 2019 from twelve
 * rows of the ElectionLens table), and the spellings of a person are those
 * of their candidacies. */
static void
test_same_person_across_files (Fixture *f,
                               gconstpointer data)
{
  g_autofree char *jh = shared_file ("india-votes-data/results/2024Assembly-JH.csv");
  g_autofree char *el = fixture_file ("electionlens-barhait-2019.csv");
  g_autoptr (PsephosSeatRow) barhait_2024 = NULL;
  g_autoptr (PsephosSeatRow) barhait_2019 = NULL;
  g_autoptr (GPtrArray) now = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) spellings = NULL;
  PsephosIngestOutcome outcome;
  gint64 hemant_2024 = 0, hemant_2019 = 0, simon_2019 = 0;

  if (jh == NULL)
    return;
  import_ok (f, jh, NULL, &outcome);
  import_ok (f, el, NULL, &outcome);
  g_assert_cmpint (outcome.status, ==, PSEPHOS_INGEST_IMPORTED);

  barhait_2024 = find_seat (f, election_id (f, "Jharkhand Assembly 2024"), "Barhait");
  barhait_2019 = find_seat (f, election_id (f, "Jharkhand Assembly 2019"), "Barhait");
  now = psephos_store_list_candidacies (f->store, barhait_2024->contest_id, &error);
  g_assert_no_error (error);
  before = psephos_store_list_candidacies (f->store, barhait_2019->contest_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 12);
  for (guint i = 0; i < now->len; i++)
    {
      PsephosCandidacy *c = g_ptr_array_index (now, i);

      if (g_str_equal (c->name, "HEMANT SOREN"))
        hemant_2024 = c->person_id;
    }
  for (guint i = 0; i < before->len; i++)
    {
      PsephosCandidacy *c = g_ptr_array_index (before, i);

      if (g_str_equal (c->name, "HEMANT SOREN"))
        hemant_2019 = c->person_id;
      else if (g_str_equal (c->name, "SIMON MALTO"))
        simon_2019 = c->person_id;
    }
  g_assert_cmpint (hemant_2024, >, 0);
  g_assert_cmpint (hemant_2019, ==, hemant_2024);
  /* Nobody of that name stood in 2024: a new person. */
  g_assert_cmpint (simon_2019, >, 0);
  for (guint i = 0; i < now->len; i++)
    g_assert_cmpint (((PsephosCandidacy *) g_ptr_array_index (now, i))->person_id, !=, simon_2019);

  /* The display name first, then the spelling the rows wrote. */
  spellings = psephos_store_person_aliases (f->store, hemant_2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (spellings), ==, 2);
  g_assert_cmpstr (spellings[0], ==, "Hemant Soren");
  g_assert_cmpstr (spellings[1], ==, "HEMANT SOREN");
}

static void
test_electionlens (Fixture *f,
                   gconstpointer data)
{
  g_autofree char *path = shared_file ("electionlens/elections_flat.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) elections = NULL;
  g_autoptr (PsephosSeatRow) barhait = NULL;
  g_autoptr (GPtrArray) seats = NULL;
  PsephosIngestOutcome outcome;
  gint64 jh;
  guint n_general = 0;
  guint n_contests = 0;

  if (path == NULL)
    return;
  import_ok (f, path, NULL, &outcome);
  g_assert_cmpuint (outcome.n_rows, ==, 192038);

  elections = psephos_store_list_elections (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < elections->len; i++)
    {
      PsephosElection *e = g_ptr_array_index (elections, i);

      if (e->kind == PSEPHOS_ELECTION_GENERAL)
        {
          /* One Lok Sabha election a year, across the states. */
          g_assert_true (g_str_has_prefix (e->name, "Lok Sabha "));
          g_assert_cmpint (e->n_contests, >, 500);
          n_general++;
        }
      n_contests += e->n_contests;
      assert_nota_never_ranked (f, e->id);
    }
  g_assert_cmpuint (n_general, ==, 4);
  g_assert_cmpuint (n_contests, ==, 16260);
  g_assert_cmpint (count_misranked (f->path), ==, 0);

  jh = election_id (f, "Jharkhand Assembly 2024");
  barhait = find_seat (f, jh, "Barhait");
  g_assert_cmpint (barhait->margin, ==, 39791);
  g_assert_cmpstr (barhait->winner_party, ==, "JMM");
  /* The source has electors 0 for Jharkhand 2024: unknown, not zero. */
  seats = psephos_store_list_seats (f->store, jh, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < seats->len; i++)
    {
      PsephosSeatRow *seat = g_ptr_array_index (seats, i);

      g_assert_cmpint (seat->electors, ==, -1);
      g_assert_true (isnan (seat->turnout_pct));
    }

  /* Where the table knows them, electors and turnout are stored, each a
   * fact citing its field on the seat's first row. */
  {
    g_autoptr (PsephosSeatRow) barhait_2019 = find_seat (f, election_id (f, "Jharkhand Assembly 2019"), "Barhait");
    g_autoptr (GPtrArray) facts = NULL;
    g_autoptr (GPtrArray) candidacies = NULL;
    g_autoptr (GPtrArray) earlier = NULL;
    PsephosFactQuery query = { .contest_id = barhait_2019->contest_id };
    guint seen = 0;

    g_assert_cmpint (barhait_2019->electors, ==, 195453);
    g_assert_cmpfloat_with_epsilon (barhait_2019->turnout_pct, 70.51, 1e-9);
    g_assert_cmpint (barhait_2019->votes_polled, ==, 137822);
    facts = psephos_store_list_facts (f->store, &query, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < facts->len; i++)
      {
        PsephosFact *fact = g_ptr_array_index (facts, i);

        g_assert_cmpint (fact->source_id, ==, outcome.source_id);
        g_assert_cmpint (fact->row, >, 1);
        if (g_str_equal (fact->attribute, "electors"))
          {
            g_assert_cmpstr (fact->quote, ==, "195453");
            seen |= 1;
          }
        else if (g_str_equal (fact->attribute, "turnout_pct"))
          {
            g_assert_cmpstr (fact->quote, ==, "70.51");
            seen |= 2;
          }
      }
    g_assert_cmpuint (seen, ==, 3);

    /* The same name at the same seat in another election: one person. */
    candidacies = psephos_store_list_candidacies (f->store, barhait->contest_id, &error);
    g_assert_no_error (error);
    earlier = psephos_store_list_candidacies (f->store, barhait_2019->contest_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((PsephosCandidacy *) g_ptr_array_index (earlier, 0))->name, ==, "HEMANT SOREN");
    g_assert_cmpint (((PsephosCandidacy *) g_ptr_array_index (candidacies, 0))->person_id, ==,
                     ((PsephosCandidacy *) g_ptr_array_index (earlier, 0))->person_id);
  }
}

static void
test_two_sources_one_contest (Fixture *f,
                              gconstpointer data)
{
  g_autofree char *jh = shared_file ("india-votes-data/results/2024Assembly-JH.csv");
  g_autofree char *lens = shared_file ("electionlens/elections_flat.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosElection) election = NULL;
  g_autoptr (PsephosSeatRow) barhait = NULL;
  g_autoptr (GPtrArray) candidacies = NULL;
  PsephosIngestOutcome outcome;
  gint64 id;

  if (jh == NULL || lens == NULL)
    return;
  import_ok (f, jh, NULL, &outcome);
  import_ok (f, lens, NULL, &outcome);

  /* Both files state Jharkhand 2024: the candidates are not doubled. */
  id = election_id (f, "Jharkhand Assembly 2024");
  election = psephos_store_find_election (f->store, "Jharkhand Assembly 2024", &error);
  g_assert_no_error (error);
  g_assert_cmpint (election->n_contests, ==, 81);
  assert_party_seats (f, id, "JMM", 34);
  barhait = find_seat (f, id, "Barhait");
  candidacies = psephos_store_list_candidacies (f->store, barhait->contest_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (barhait->n_candidates, ==, (int) candidacies->len);
  {
    /* As many candidates as the first file has rows for the seat. */
    g_autofree char *contents = NULL;
    g_autoptr (PsephosCsv) csv = NULL;
    gsize len;
    guint rows = 0;

    g_file_get_contents (jh, &contents, &len, &error);
    g_assert_no_error (error);
    csv = psephos_csv_new (jh, contents, len, ',');
    while (psephos_csv_next (csv, &error))
      if (g_ascii_strcasecmp (psephos_csv_get_field (csv, 3), "Barhait") == 0 && !is_nota_name (psephos_csv_get_field (csv, 7)))
        rows++;
    g_assert_no_error (error);
    g_assert_cmpuint (rows, >, 2);
    g_assert_cmpuint (candidacies->len, ==, rows);
  }
  /* The EVM/postal split of the first file survives the second, which
   * states only totals. */
  g_assert_cmpint (((PsephosCandidacy *) g_ptr_array_index (candidacies, 0))->postal_votes, ==, 772);
}

/* ---- bad input -------------------------------------------------------------- */

static void
test_bad_input (Fixture *f,
                gconstpointer data)
{
  static const struct
  {
    const char *file;
    int code;
    guint line; /* 0: none */
  } cases[] = {
    { "missing-column.csv", PSEPHOS_INGEST_ERROR_PARSE, 1 },
    { "ragged.csv", PSEPHOS_INGEST_ERROR_PARSE, 3 },
    { "not-a-number.csv", PSEPHOS_INGEST_ERROR_PARSE, 3 },
    { "not-utf8.csv", PSEPHOS_INGEST_ERROR_ENCODING, 3 },
    { "empty.csv", PSEPHOS_INGEST_ERROR_EMPTY, 0 },
  };
  g_autofree char *good = fixture_file ("nota-most-votes.csv");
  PsephosIngestOutcome outcome;

  /* A store with something in it, so that "unchanged" means something. */
  import_ok (f, good, NULL, &outcome);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_file (cases[i].file);
      g_autofree char *before = checksum_file (f->path);
      g_autofree char *after = NULL;
      g_autofree char *prefix = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_false (psephos_ingest_file (f->store, path, NULL, NULL, &outcome, &error));
      g_assert_error (error, PSEPHOS_INGEST_ERROR, cases[i].code);
      if (cases[i].line > 0)
        prefix = g_strdup_printf ("%s:%u: ", path, cases[i].line);
      else
        prefix = g_strdup_printf ("%s: ", path);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("‘%s’ does not start with ‘%s’", error->message, prefix);
      g_assert_cmpuint (strlen (error->message), >, strlen (prefix));
      g_assert_null (strchr (error->message, '\n'));

      after = checksum_file (f->path);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_nota_most_votes (Fixture *f,
                      gconstpointer data)
{
  g_autofree char *path = fixture_file ("nota-most-votes.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosSeatRow) seat = NULL;
  g_autoptr (GPtrArray) candidacies = NULL;
  PsephosIngestOutcome outcome;
  PsephosCandidacy *winner;

  import_ok (f, path, NULL, &outcome);
  seat = find_seat (f, election_id (f, "Jharkhand Assembly 2024"), "Rajmahal");
  g_assert_cmpint (seat->nota_votes, ==, 200010);
  candidacies = psephos_store_list_candidacies (f->store, seat->contest_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidacies->len, ==, 2);
  /* The winner is the most votes, not the first row, and never NOTA. */
  winner = g_ptr_array_index (candidacies, 0);
  g_assert_cmpstr (winner->name, ==, "MD. TAJUDDIN");
  g_assert_cmpint (winner->result, ==, PSEPHOS_RESULT_WON);
  g_assert_cmpint (winner->margin, ==, 140176 - 96744);
  g_assert_cmpstr (seat->winner_party, ==, "JMM");
}

/* A contest whose rows are not all together: its candidates are ranked
 * over all its rows, however they were written. */
static void
test_split_contest (Fixture *f,
                    gconstpointer data)
{
  g_autofree char *path = fixture_file ("split-contest.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosSeatRow) rajmahal = NULL;
  g_autoptr (PsephosSeatRow) borio = NULL;
  g_autoptr (GPtrArray) candidacies = NULL;
  PsephosIngestOutcome outcome;
  static const struct
  {
    const char *name;
    int rank;
    PsephosResult result;
    gint64 margin;
    double share;
  } expected[] = {
    { "ARUN MANDAL", 1, PSEPHOS_RESULT_WON, 30, 100.0 * 130 / 300 },
    { "ANANT KUMAR OJHA", 2, PSEPHOS_RESULT_LOST, -1, 100.0 * 100 / 300 },
    { "MD. TAJUDDIN", 3, PSEPHOS_RESULT_LOST, -1, 100.0 * 60 / 300 },
  };

  import_ok (f, path, NULL, &outcome);
  rajmahal = find_seat (f, election_id (f, "Jharkhand Assembly 2019"), "Rajmahal");
  candidacies = psephos_store_list_candidacies (f->store, rajmahal->contest_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidacies->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PsephosCandidacy *c = g_ptr_array_index (candidacies, i);

      g_assert_cmpstr (c->name, ==, expected[i].name);
      g_assert_cmpint (c->rank, ==, expected[i].rank);
      g_assert_cmpint (c->result, ==, expected[i].result);
      g_assert_cmpint (c->margin, ==, expected[i].margin);
      g_assert_cmpfloat_with_epsilon (c->vote_share_pct, expected[i].share, 1e-9);
    }
  g_assert_cmpstr (rajmahal->winner_party, ==, "AJSU");
  g_assert_cmpint (rajmahal->margin, ==, 30);

  borio = find_seat (f, election_id (f, "Jharkhand Assembly 2019"), "Borio");
  g_assert_cmpstr (borio->winner_party, ==, "JMM");
  g_assert_cmpint (borio->margin, ==, 40);
}

static void
cancel_cb (double fraction,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture *f,
             gconstpointer data)
{
  g_autofree char *path = shared_file ("india-votes-data/ls2024.csv");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PsephosIngestOptions options = { .election = "Lok Sabha 2024", .progress = cancel_cb, .progress_data = cancellable };
  PsephosIngestOutcome outcome;

  if (path == NULL)
    return;
  before = checksum_file (f->path);
  g_assert_false (psephos_ingest_file (f->store, path, &options, cancellable, &outcome, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/results/csv/quoting", test_csv_quoting);
  g_test_add_func ("/results/csv/errors", test_csv_errors);
  g_test_add_func ("/results/tables/parties", test_tables_parties);
  g_test_add_func ("/results/tables/states", test_tables_states);
  g_test_add_func ("/results/tables/states-match-ls2024", test_tables_states_match_ls2024);
  g_test_add_func ("/results/tables/alliances", test_tables_alliances);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/results/import/jharkhand-2024", test_jharkhand_2024);
  ADD ("/results/import/facts-of-a-row", test_facts_of_a_row);
  ADD ("/results/import/lok-sabha-2024", test_lok_sabha_2024);
  ADD ("/results/import/lok-sabha-needs-election", test_lok_sabha_needs_election);
  ADD ("/results/import/every-assembly-file", test_every_assembly_file);
  ADD ("/results/import/reimport-unchanged", test_reimport_unchanged);
  ADD ("/results/import/nota-most-votes", test_nota_most_votes);
  ADD ("/results/import/split-contest", test_split_contest);
  ADD ("/results/import/bad-input", test_bad_input);
  ADD ("/results/import/cancel", test_cancel);
  ADD ("/results/import/electionlens", test_electionlens);
  ADD ("/results/import/indexes-after-first-import", test_indexes_after_first_import);
  ADD ("/results/import/same-person-across-files", test_same_person_across_files);
  ADD ("/results/import/two-sources-one-contest", test_two_sources_one_contest);
#undef ADD

  return g_test_run ();
}
