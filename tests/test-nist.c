/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-nist.c — NIST SP 1500-100 v2 reports: the exports of Jharkhand 2024
 * and Lok Sabha 2024 validate against the v2 XSD; export → import into an
 * empty store gives the same tree and tally (as psephos-cli prints them);
 * every imported count cites its characters; hostile or broken XML is
 * refused with a clear error and leaves the store as it was. */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <sys/wait.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "psephos-ingest.h"
#include "psephos-nist.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("psephos-nist-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_chmod (p, 0600);
      g_unlink (p);
    }
  g_chmod (f->dir, 0700);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
in_dir (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* A file of ../shared/data, or NULL (and the test skipped, saying why). */
static char *
shared_file (const char *relative)
{
  const char *root = g_getenv ("PSEPHOS_SHARED_DATA");
  g_autofree char *path = NULL;

  if (root == NULL || *root == '\0')
    {
      g_test_skip ("PSEPHOS_SHARED_DATA is not set: the real results files and the NIST schema are not available");
      return NULL;
    }
  path = g_build_filename (root, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *why = g_strdup_printf ("%s is absent (../shared is not checked out here)", path);
      g_test_skip (why);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static PsephosStore *
open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  PsephosStore *store = psephos_store_open (path, PSEPHOS_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
election_id (PsephosStore *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosElection) e = psephos_store_find_election (store, name, &error);

  g_assert_no_error (error);
  return e->id;
}

/* ---- psephos-cli ------------------------------------------------------------ */

/* Runs psephos-cli --store STORE ARGS…; returns its exit status. */
static int
run_cli (const char *store, char **out, char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("PSEPHOS_CLI");
  const char *arg;
  int status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--store");
  g_ptr_array_add (argv, (char *) store);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
compare_lines (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static char *
sorted_lines (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  g_qsort_with_data (lines, (gint) g_strv_length (lines), sizeof (char *), compare_lines, NULL);
  return g_strjoinv ("\n", lines);
}

/* ---- schema ------------------------------------------------------------- */

static void
collect_schema_error_cb (void *data, xmlErrorPtr e)
{
  GString *errors = data;

  if (errors->len < 4000)
    g_string_append_printf (errors, "line %d: %s", e->line, e->message);
}

/* Validates @bytes against the v2 XSD; FALSE (and a message) without it. */
static gboolean
validate (GBytes *bytes)
{
  static xmlSchemaPtr schema = NULL;
  const char *root = g_getenv ("PSEPHOS_SHARED_DATA");
  g_autofree char *xsd = root ? g_build_filename (root, "nist-1500-100", "NIST_V2_election_results_reporting.xsd", NULL) : NULL;
  g_autoptr (GString) errors = g_string_new (NULL);
  xmlSchemaValidCtxtPtr vctx;
  xmlDocPtr doc;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  int rc;

  /* Only this check needs the schema: the rest of a test goes on without. */
  if (xsd == NULL || !g_file_test (xsd, G_FILE_TEST_IS_REGULAR))
    {
      g_test_message ("not validated against the NIST v2 XSD: %s is absent", xsd ? xsd : "PSEPHOS_SHARED_DATA");
      return FALSE;
    }
  if (schema == NULL)
    {
      xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt (xsd);

      schema = xmlSchemaParse (pctx);
      xmlSchemaFreeParserCtxt (pctx);
      g_assert_nonnull (schema);
    }
  doc = xmlReadMemory (data, (int) len, "export.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  vctx = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctx, collect_schema_error_cb, errors);
  rc = xmlSchemaValidateDoc (vctx, doc);
  xmlSchemaFreeValidCtxt (vctx);
  xmlFreeDoc (doc);
  if (rc != 0)
    g_test_message ("schema errors:\n%s", errors->str);
  g_assert_cmpint (rc, ==, 0);
  return TRUE;
}

/* ---- a small store built with the store's write API ----------------------- */

/* Two states, three seats of a bypoll: one declared with NOTA, electors
 * and an EVM/postal split, one still counting, one won unopposed; a name
 * in Devanagari; an alliance. */
static void
build_synthetic (const char *path)
{
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GError) error = NULL;
  PsephosImport *imp;
  PsephosSource source = { 0 };
  gint64 e, hp, pb, dehra, hamirpur, jalandhar, c1, c2, c3, bjp, inc, aap, ind, nda, india;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  store = open_store (path);
  imp = psephos_store_begin_import (store, &error);
  g_assert_no_error (error);
  source.kind = PSEPHOS_SOURCE_OFFICIAL;
  source.file = (char *) "synthetic";
  source.body = (char *) "synthetic results";
  source.content_hash = (char *) "synthetic-results-1";
  g_assert_cmpint (psephos_import_add_source (imp, &source, &error), >, 0);

  e = psephos_import_ensure_election (imp, "Assembly bypolls July 2024", PSEPHOS_ELECTION_BYPOLL, 2024, &error);
  g_assert_true (psephos_import_update_election (imp, e, -1, -1, "2024-07-10", "2024-07-13", &error));
  hp = psephos_import_ensure_state (imp, "Himachal Pradesh", "HP", "S08", &error);
  pb = psephos_import_ensure_state (imp, "Punjab", "PB", "S19", &error);
  dehra = psephos_import_ensure_seat (imp, hp, PSEPHOS_HOUSE_ASSEMBLY, 10, "Dehra", NULL, &error);
  hamirpur = psephos_import_ensure_seat (imp, hp, PSEPHOS_HOUSE_ASSEMBLY, 38, "Hamirpur", NULL, &error);
  jalandhar = psephos_import_ensure_seat (imp, pb, PSEPHOS_HOUSE_ASSEMBLY, 34, "Jalandhar West", "SC", &error);
  bjp = psephos_import_ensure_party (imp, "Bharatiya Janata Party", "BJP", "#FF9933", &error);
  inc = psephos_import_ensure_party (imp, "Indian National Congress", "INC", "#19AAED", &error);
  aap = psephos_import_ensure_party (imp, "Aam Aadmi Party", "AAP", "#0066a4", &error);
  ind = psephos_import_ensure_party (imp, "Independent", "IND", NULL, &error);
  nda = psephos_import_ensure_alliance (imp, "National Democratic Alliance", "NDA", "#ff7722", &error);
  india = psephos_import_ensure_alliance (imp, "Indian National Developmental Inclusive Alliance", "INDIA", "#1e90ff", &error);
  g_assert_no_error (error);
  g_assert_true (psephos_import_add_alliance_member (imp, nda, e, bjp, &error));
  g_assert_true (psephos_import_add_alliance_member (imp, india, e, inc, &error));
  g_assert_true (psephos_import_add_alliance_member (imp, india, e, aap, &error));

  c1 = psephos_import_ensure_contest (imp, e, dehra, &error);
  g_assert_cmpint (psephos_import_add_candidacy (imp, c1, psephos_import_add_person (imp, "Kamlesh Thakur", &error), inc,
                                                 "KAMLESH THAKUR", 32737, 32500, 237, PSEPHOS_RESULT_UNKNOWN, &error),
                   >, 0);
  g_assert_cmpint (psephos_import_add_candidacy (imp, c1, psephos_import_add_person (imp, "होशियार सिंह", &error), bjp,
                                                 "Hoshyar Singh", 23338, 23200, 138, PSEPHOS_RESULT_UNKNOWN, &error),
                   >, 0);
  g_assert_true (psephos_import_update_contest (imp, c1, 100000, 56575, 100.0 * 56575 / 100000, 500,
                                                PSEPHOS_CONTEST_DECLARED, &error));

  c2 = psephos_import_ensure_contest (imp, e, hamirpur, &error);
  g_assert_cmpint (psephos_import_add_candidacy (imp, c2, psephos_import_add_person (imp, "Ashish Sharma", &error), bjp,
                                                 "Ashish Sharma", 20000, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error),
                   >, 0);
  g_assert_cmpint (psephos_import_add_candidacy (imp, c2, psephos_import_add_person (imp, "Pushpinder Verma", &error), inc,
                                                 "Pushpinder Verma", 19000, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error),
                   >, 0);
  g_assert_cmpint (psephos_import_add_candidacy (imp, c2, psephos_import_add_person (imp, "A. N. Other", &error), ind,
                                                 "A. N. Other", 300, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error),
                   >, 0);
  g_assert_true (psephos_import_update_contest (imp, c2, -1, -1, NAN, -1, PSEPHOS_CONTEST_COUNTING, &error));

  c3 = psephos_import_ensure_contest (imp, e, jalandhar, &error);
  g_assert_cmpint (psephos_import_add_candidacy (imp, c3, psephos_import_add_person (imp, "Mohinder Bhagat", &error), aap,
                                                 "Mohinder Bhagat", -1, -1, -1, PSEPHOS_RESULT_WON, &error),
                   >, 0);
  g_assert_true (psephos_import_update_contest (imp, c3, -1, -1, NAN, -1, PSEPHOS_CONTEST_DECLARED, &error));
  g_assert_no_error (error);
  g_assert_true (psephos_import_commit (imp, &error));
  g_assert_no_error (error);
}

/* ---- the round trip ----------------------------------------------------------- */

static void
assert_same_cli_output (const char *a, const char *b, const char *election, const char *command, const char *format)
{
  g_autofree char *out_a = NULL, *out_b = NULL, *err = NULL;
  g_autofree char *sorted_a = NULL, *sorted_b = NULL;

  g_assert_cmpint (run_cli (a, &out_a, &err, command, "--election", election, "--format", format, NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (b, &out_b, &err, command, "--election", election, "--format", format, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  sorted_a = sorted_lines (out_a);
  sorted_b = sorted_lines (out_b);
  g_assert_cmpstr (sorted_a, ==, sorted_b);
}

/* Exports @election of @store_path, validates the file (where the XSD is
 * available), imports it into an empty store and compares tree and tally. */
static void
round_trip (Fixture *f, const char *store_path, const char *election, gboolean expect_complete)
{
  g_autoptr (PsephosStore) store = open_store (store_path);
  g_autofree char *xml = in_dir (f, "export.xml");
  g_autofree char *copy = in_dir (f, "copy.psephos");
  g_autoptr (PsephosStore) copy_store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *tree = NULL, *err = NULL;
  g_autoptr (PsephosElection) e = psephos_store_find_election (store, election, NULL);
  gsize len = 0;
  PsephosIngestOutcome outcome;

  g_assert_nonnull (e);
  g_assert_true (psephos_nist_export_file (store, e->id, xml, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xml, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  g_assert_true (psephos_nist_sniff (g_bytes_get_data (bytes, NULL), len));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), (gssize) len,
                                  expect_complete ? "<Status>unofficial-complete</Status>" : "<Status>unofficial-partial</Status>"));
  validate (bytes);

  copy_store = open_store (copy);
  g_assert_true (psephos_nist_import (copy_store, xml, bytes, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome.status, ==, PSEPHOS_INGEST_IMPORTED);
  if (e->n_contests > 0)
    {
      g_assert_cmpuint (outcome.n_facts, >, 0);
      g_assert_cmpint (run_cli (copy, &tree, &err, "tree", "--election", election, NULL), ==, 0);
      g_assert_nonnull (strstr (tree, "\n  "));
    }

  /* Importing the same bytes again changes nothing. */
  g_assert_true (psephos_nist_import (copy_store, xml, bytes, NULL, NULL, &outcome, &error));
  g_assert_cmpint (outcome.status, ==, PSEPHOS_INGEST_UNCHANGED);

  assert_same_cli_output (store_path, copy, election, "tree", "jsonl");
  assert_same_cli_output (store_path, copy, election, "tally", "jsonl");
  assert_same_cli_output (store_path, copy, election, "tally", "text");

  /* Read back into the store it came from, the report adds a source that
   * agrees with the first, and not one candidate more. */
  g_assert_true (psephos_nist_import (store, xml, bytes, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome.status, ==, PSEPHOS_INGEST_IMPORTED);
  assert_same_cli_output (store_path, copy, election, "tree", "jsonl");
  assert_same_cli_output (store_path, copy, election, "tally", "jsonl");
}

static void
import_shared (const char *store_path, const char *relative, const char *election)
{
  g_autofree char *csv = shared_file (relative);
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GError) error = NULL;
  PsephosIngestOptions options = { .election = election };

  if (csv == NULL)
    return;
  store = open_store (store_path);
  g_assert_true (psephos_ingest_file (store, csv, &options, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_jharkhand (Fixture *f, gconstpointer data)
{
  g_autofree char *store = in_dir (f, "jh.psephos");

  import_shared (store, "india-votes-data/results/2024Assembly-JH.csv", NULL);
  if (g_test_failed () || !g_file_test (store, G_FILE_TEST_EXISTS))
    return;
  round_trip (f, store, "Jharkhand Assembly 2024", TRUE);
}

static void
test_lok_sabha (Fixture *f, gconstpointer data)
{
  g_autofree char *store = in_dir (f, "ls.psephos");

  import_shared (store, "india-votes-data/ls2024.csv", "Lok Sabha 2024");
  if (!g_file_test (store, G_FILE_TEST_EXISTS))
    return;
  round_trip (f, store, "Lok Sabha 2024", TRUE);
}

/* The sample store, made from the sample articles: turnout without
 * electors, a majority mark, results still being counted. */
static void
test_sample_store (Fixture *f, gconstpointer data)
{
  const char *sample = g_getenv ("PSEPHOS_SAMPLE_STORE");
  g_autofree char *copy = in_dir (f, "sample.psephos");
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GPtrArray) elections = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (sample == NULL || !g_file_test (sample, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the sample store is not built (PSEPHOS_SAMPLE_STORE)");
      return;
    }
  /* A copy: the round trip imports the report back into its store. */
  g_assert_true (g_file_get_contents (sample, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) len, NULL));
  store = open_store (copy);
  elections = psephos_store_list_elections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elections->len, >, 0);
  g_clear_object (&store);
  for (guint i = 0; i < elections->len; i++)
    {
      PsephosElection *e = g_ptr_array_index (elections, i);
      g_autofree char *target = in_dir (f, "copy.psephos");

      g_test_message ("%s", e->name);
      round_trip (f, copy, e->name, e->n_contests > 0 && e->n_declared == e->n_contests);
      g_unlink (target);
    }
}

/* ElectionLens rows of two assembly elections (electors, turnout, NOTA,
 * reservation, a seat whose figures are odd): written to a smaller file,
 * imported, and round-tripped. */
static void
test_electionlens (Fixture *f, gconstpointer data)
{
  g_autofree char *flat = shared_file ("electionlens/elections_flat.csv");
  g_autofree char *subset = in_dir (f, "electionlens-subset.csv");
  g_autofree char *store_path = in_dir (f, "electionlens.psephos");
  g_autofree char *contents = NULL;
  g_autoptr (GString) rows = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;

  if (flat == NULL)
    return;
  g_assert_true (g_file_get_contents (flat, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_clear_pointer (&contents, g_free);
  g_string_append_printf (rows, "%s\n", lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "ac,AR,2014,") || g_str_has_prefix (lines[i], "ac,HP,2022,"))
      g_string_append_printf (rows, "%s\n", lines[i]);
  g_assert_true (g_file_set_contents (subset, rows->str, (gssize) rows->len, NULL));

  {
    g_autoptr (PsephosStore) store = open_store (store_path);

    g_assert_true (psephos_ingest_file (store, subset, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  round_trip (f, store_path, "Arunachal Pradesh Assembly 2014", TRUE);
  {
    g_autofree char *copy = in_dir (f, "copy.psephos");
    g_unlink (copy);
  }
  round_trip (f, store_path, "Himachal Pradesh Assembly 2022", TRUE);
}

static void
test_synthetic (Fixture *f, gconstpointer data)
{
  g_autofree char *store_path = in_dir (f, "synthetic.psephos");
  g_autofree char *tree = NULL, *err = NULL;

  build_synthetic (store_path);
  round_trip (f, store_path, "Assembly bypolls July 2024", FALSE);

  /* What the tree must show after the round trip, spelled out. */
  {
    g_autofree char *copy = in_dir (f, "copy.psephos");

    g_assert_cmpint (run_cli (copy, &tree, &err, "tree", "--format", "jsonl", NULL), ==, 0);
    g_assert_nonnull (strstr (tree, "\"nota_votes\":500"));
    g_assert_nonnull (strstr (tree, "\"electors\":100000"));
    g_assert_nonnull (strstr (tree, "\"status\":\"counting\""));
    g_assert_nonnull (strstr (tree, "\"name\":\"होशियार सिंह\""));
    g_assert_nonnull (strstr (tree, "\"postal_votes\":237"));
    g_assert_nonnull (strstr (tree, "\"reservation\":\"SC\""));
  }
}

/* Every count imported cites exactly its characters in the stored body. */
static void
test_fact_spans (Fixture *f, gconstpointer data)
{
  g_autofree char *store_path = in_dir (f, "synthetic.psephos");
  g_autofree char *copy = in_dir (f, "copy.psephos");
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosStore) copy_store = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) facts = NULL;
  g_autoptr (PsephosSource) source = NULL;
  PsephosFactQuery query = { 0 };
  PsephosIngestOutcome outcome;
  g_auto (GStrv) lines = NULL;
  guint n_votes = 0;

  build_synthetic (store_path);
  store = open_store (store_path);
  bytes = psephos_nist_export_bytes (store, election_id (store, "bypolls 2024"), NULL, &error);
  g_assert_no_error (error);
  copy_store = open_store (copy);
  g_assert_true (psephos_nist_import (copy_store, "report.xml", bytes, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);

  source = psephos_store_get_source (copy_store, outcome.source_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source->kind, ==, PSEPHOS_SOURCE_OFFICIAL);
  g_assert_cmpmem (source->body, strlen (source->body), g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (source->body, "\n", -1);

  query.source_id = outcome.source_id;
  facts = psephos_store_list_facts (copy_store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, ==, outcome.n_facts);
  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *fact = g_ptr_array_index (facts, i);
      const char *from, *to;
      g_autofree char *span = NULL;
      g_autofree char *number = NULL;

      g_assert_true (fact->has_number);
      g_assert_cmpint (fact->start, >=, 0);
      g_assert_cmpint (fact->end, >, fact->start);
      from = g_utf8_offset_to_pointer (source->body, fact->start);
      to = g_utf8_offset_to_pointer (source->body, fact->end);
      span = g_strndup (from, (gsize) (to - from));
      g_assert_cmpstr (span, ==, fact->quote);
      number = g_strdup_printf ("%.0f", fact->number);
      g_assert_cmpstr (fact->quote, ==, number);
      /* The row is the line the count stands on. */
      g_assert_cmpint (fact->row, >, 0);
      g_assert_nonnull (strstr (lines[fact->row - 1], fact->quote));
      if (g_str_equal (fact->attribute, "votes"))
        n_votes++;
    }
  /* 2 + 3 candidates with votes (the unopposed one has none), NOTA,
   * 2 EVM and 2 postal counts. */
  g_assert_cmpuint (n_votes, ==, 5);
  g_assert_cmpuint (facts->len, ==, 10);
}

/* A control character in a stored name must not make the report
 * ill-formed. */
static void
test_control_characters (Fixture *f, gconstpointer data)
{
  g_autofree char *store_path = in_dir (f, "synthetic.psephos");
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  PsephosImport *imp;
  PsephosSource source = { 0 };
  gint64 e, party, contest;
  xmlDocPtr doc;

  build_synthetic (store_path);
  store = open_store (store_path);
  imp = psephos_store_begin_import (store, &error);
  source.kind = PSEPHOS_SOURCE_OFFICIAL;
  source.body = (char *) "more";
  source.content_hash = (char *) "synthetic-results-2";
  g_assert_cmpint (psephos_import_add_source (imp, &source, &error), >, 0);
  e = psephos_import_ensure_election (imp, "Assembly bypolls July 2024", PSEPHOS_ELECTION_BYPOLL, 2024, &error);
  party = psephos_import_ensure_party (imp, "Bell\aParty <&>", "B\x1b", "not a colour", &error);
  contest = psephos_import_ensure_contest (imp, e,
                                           psephos_import_ensure_seat (imp, psephos_import_ensure_state (imp, "Punjab", NULL, NULL, &error),
                                                                       PSEPHOS_HOUSE_ASSEMBLY, 34, "Jalandhar West", NULL, &error),
                                           &error);
  g_assert_cmpint (psephos_import_add_candidacy (imp, contest, psephos_import_add_person (imp, "Ring\x01er", &error), party,
                                                 "Ring\x01er", -1, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_true (psephos_import_commit (imp, &error));

  bytes = psephos_nist_export_bytes (store, e, NULL, &error);
  g_assert_no_error (error);
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), "x.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), -1, "BellParty &lt;&amp;&gt;"));
  validate (bytes);
}

/* ---- refusing ---------------------------------------------------------------------------- */

static void
assert_refused (Fixture *f, const char *name, const char *xml, const char *expected)
{
  g_autofree char *path = in_dir (f, name);
  g_autofree char *store_path = in_dir (f, "target.psephos");
  g_autofree char *before = NULL, *after = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  gboolean ok;

  build_synthetic (store_path);
  g_assert_cmpint (run_cli (store_path, &before, &err, "tree", "--format", "jsonl", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));

  {
    g_autoptr (PsephosStore) store = open_store (store_path);
    g_autoptr (GPtrArray) sources_before = psephos_store_list_sources (store, NULL);
    g_autoptr (GPtrArray) sources_after = NULL;

    ok = psephos_nist_import (store, path, bytes, NULL, NULL, NULL, &error);
    g_assert_false (ok);
    g_assert_nonnull (error);
    g_test_message ("%s: %s", name, error->message);
    g_assert_true (g_str_has_prefix (error->message, path));
    g_assert_nonnull (strstr (error->message, expected));
    sources_after = psephos_store_list_sources (store, NULL);
    g_assert_cmpuint (sources_after->len, ==, sources_before->len);
  }
  g_assert_cmpint (run_cli (store_path, &after, &err, "tree", "--format", "jsonl", NULL), ==, 0);
  g_assert_cmpstr (before, ==, after);
}

static void
test_xxe (Fixture *f, gconstpointer data)
{
  assert_refused (f, "xxe.xml",
                  "<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE ElectionReport [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                  "<ElectionReport xmlns=\"http://itl.nist.gov/ns/voting/1500-100/v2\">\n"
                  "  <Election><Name><Text Language=\"en\">&secret;</Text></Name></Election>\n"
                  "</ElectionReport>\n",
                  "DOCTYPE");
}

static void
test_billion_laughs (Fixture *f, gconstpointer data)
{
  assert_refused (f, "laughs.xml",
                  "<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE ElectionReport [\n"
                  " <!ENTITY a \"lol\">\n"
                  " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                  " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
                  " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
                  " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
                  " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
                  " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
                  " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
                  " <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
                  "]>\n"
                  "<ElectionReport xmlns=\"http://itl.nist.gov/ns/voting/1500-100/v2\">\n"
                  "  <Election><Name><Text Language=\"en\">&i;</Text></Name></Election>\n"
                  "</ElectionReport>\n",
                  "DOCTYPE");
}

static void
test_broken (Fixture *f, gconstpointer data)
{
  assert_refused (f, "broken.xml",
                  "<?xml version=\"1.0\"?>\n"
                  "<ElectionReport xmlns=\"http://itl.nist.gov/ns/voting/1500-100/v2\">\n"
                  "  <Election><Name><Text Language=\"en\">Broken</Text></Name>\n"
                  "</ElectionReport>\n",
                  "not well-formed XML");
  assert_refused (f, "other-namespace.xml",
                  "<ElectionReport xmlns=\"http://example.com/not-nist\"><Election/></ElectionReport>\n",
                  "namespace");
  /* Well-formed and in the namespace, but a contest names a GpUnit that is
   * not there: nothing of the report may be left behind. */
  assert_refused (f, "dangling.xml",
                  "<?xml version=\"1.0\"?>\n"
                  "<ElectionReport xmlns=\"http://itl.nist.gov/ns/voting/1500-100/v2\"\n"
                  "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                  "  <Election>\n"
                  "    <Contest xsi:type=\"CandidateContest\" ObjectId=\"c1\">\n"
                  "      <ElectionDistrictId>nowhere</ElectionDistrictId>\n"
                  "      <Name>Nowhere</Name><VotesAllowed>1</VotesAllowed>\n"
                  "    </Contest>\n"
                  "    <ElectionScopeId>in</ElectionScopeId>\n"
                  "    <Name><Text Language=\"en\">Lok Sabha 2029</Text></Name>\n"
                  "    <StartDate>2029-04-01</StartDate><EndDate>2029-06-01</EndDate><Type>general</Type>\n"
                  "  </Election>\n"
                  "  <Format>summary-contest</Format><GeneratedDate>2029-06-01T00:00:00Z</GeneratedDate>\n"
                  "  <Issuer>x</Issuer><IssuerAbbreviation>x</IssuerAbbreviation>\n"
                  "  <SequenceStart>1</SequenceStart><SequenceEnd>1</SequenceEnd>\n"
                  "  <Status>unofficial-partial</Status><VendorApplicationId>x</VendorApplicationId>\n"
                  "</ElectionReport>\n",
                  ":6: ElectionDistrictId ‘nowhere’");
}

/* A small valid report around one contest's selections and the report's
 * parties: for the references that must resolve. */
static char *
one_contest_report (const char *candidates, const char *selections, const char *parties)
{
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<ElectionReport xmlns=\"http://itl.nist.gov/ns/voting/1500-100/v2\"\n"
                          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                          "  <Election>\n"
                          "%s"
                          "    <Contest xsi:type=\"CandidateContest\" ObjectId=\"c1\">\n"
                          "%s"
                          "      <ElectionDistrictId>seat</ElectionDistrictId>\n"
                          "      <Name>Dehra</Name><VotesAllowed>1</VotesAllowed>\n"
                          "    </Contest>\n"
                          "    <ElectionScopeId>in</ElectionScopeId>\n"
                          "    <Name><Text Language=\"en\">Assembly bypolls July 2029</Text></Name>\n"
                          "    <StartDate>2029-07-10</StartDate><EndDate>2029-07-13</EndDate><Type>special</Type>\n"
                          "  </Election>\n"
                          "  <Format>summary-contest</Format><GeneratedDate>2029-07-13T00:00:00Z</GeneratedDate>\n"
                          "  <GpUnit xsi:type=\"ReportingUnit\" ObjectId=\"in\"><ComposingGpUnitIds>hp</ComposingGpUnitIds><Type>country</Type></GpUnit>\n"
                          "  <GpUnit xsi:type=\"ReportingUnit\" ObjectId=\"hp\"><ComposingGpUnitIds>seat</ComposingGpUnitIds>"
                          "<Name><Text Language=\"en\">Himachal Pradesh</Text></Name><Type>state</Type></GpUnit>\n"
                          "  <GpUnit xsi:type=\"ReportingUnit\" ObjectId=\"seat\"><Name><Text Language=\"en\">Dehra</Text></Name>"
                          "<Type>other</Type><OtherType>assembly-constituency</OtherType></GpUnit>\n"
                          "  <Issuer>x</Issuer><IssuerAbbreviation>x</IssuerAbbreviation>\n"
                          "%s"
                          "  <SequenceStart>1</SequenceStart><SequenceEnd>1</SequenceEnd>\n"
                          "  <Status>unofficial-complete</Status><VendorApplicationId>x</VendorApplicationId>\n"
                          "</ElectionReport>\n",
                          candidates, selections, parties);
}

static void
test_dangling (Fixture *f, gconstpointer data)
{
  static const char candidate[] = "    <Candidate ObjectId=\"k1\"><BallotName><Text Language=\"en\">Kamlesh Thakur</Text></BallotName>"
                                  "<PartyId>inc</PartyId></Candidate>\n";
  static const char selection[] = "      <ContestSelection xsi:type=\"CandidateSelection\" ObjectId=\"s1\">"
                                  "<VoteCounts><GpUnitId>seat</GpUnitId><Type>total</Type><Count>32737</Count></VoteCounts>"
                                  "<CandidateIds>k1</CandidateIds></ContestSelection>\n";
  static const char party[] = "  <Party ObjectId=\"inc\"><Name><Text Language=\"en\">Indian National Congress</Text></Name></Party>\n";
  g_autofree char *good = one_contest_report (candidate, selection, party);
  g_autofree char *no_party = one_contest_report (candidate, selection, "");
  g_autofree char *no_candidate = one_contest_report ("", selection, party);
  g_autofree char *bad_count = NULL;
  g_autofree char *store_path = in_dir (f, "ok.psephos");
  g_autoptr (PsephosStore) store = open_store (store_path);
  g_autoptr (GBytes) bytes = g_bytes_new_static (good, strlen (good));
  g_autoptr (GError) error = NULL;
  g_autofree char *bad_selection = g_strdup (selection);

  /* The skeleton itself is fine, and valid. */
  g_assert_true (psephos_nist_import (store, "good.xml", bytes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  validate (bytes);

  assert_refused (f, "no-party.xml", no_party, ":5: PartyId ‘inc’ is not a party of the report");
  assert_refused (f, "no-candidate.xml", no_candidate, ":6: CandidateIds ‘k1’ is not a Candidate");
  memcpy (strstr (bad_selection, "32737"), "3a737", 5);
  bad_count = one_contest_report (candidate, bad_selection, party);
  assert_refused (f, "bad-count.xml", bad_count, ":7: Count is not a count of votes: ‘3a737’");
}

/* Damaged copies of a real report (cut short, bytes changed, lines
 * dropped or repeated): each is imported or refused with a message naming
 * the file, a refused one leaves no source behind, and the store stays
 * sound. */
static void
test_mutations (Fixture *f, gconstpointer data)
{
  g_autofree char *store_path = in_dir (f, "synthetic.psephos");
  g_autofree char *target_path = in_dir (f, "target.psephos");
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosStore) target = NULL;
  g_autoptr (GBytes) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (1500100);
  const char *text;
  gsize len;
  guint n_imported = 0, n_refused = 0;

  build_synthetic (store_path);
  store = open_store (store_path);
  report = psephos_nist_export_bytes (store, election_id (store, "bypolls"), NULL, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (report, &len);
  target = open_store (target_path);

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr (GString) mutated = g_string_new_len (text, (gssize) len);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autoptr (GPtrArray) before = psephos_store_list_sources (target, NULL);
      g_autoptr (GPtrArray) after = NULL;
      guint at = (guint) g_rand_int_range (rand, 0, (gint32) mutated->len);

      switch (i % 4)
        {
          case 0:
            g_string_truncate (mutated, at);
            break;
          case 1:
            for (int k = 0; k < 4; k++)
              mutated->str[g_rand_int_range (rand, 0, (gint32) mutated->len)] = "<>&\"x9 /:\n"[g_rand_int_range (rand, 0, 11)];
            break;
          case 2:
            {
              const char *nl = strchr (mutated->str + at, '\n');

              if (nl != NULL)
                {
                  const char *next = strchr (nl + 1, '\n');
                  g_string_erase (mutated, nl - mutated->str, next ? next - nl : 1);
                }
            }
            break;
          default:
            {
              const char *nl = strchr (mutated->str + at, '\n');
              const char *next = nl ? strchr (nl + 1, '\n') : NULL;

              if (next != NULL)
                {
                  g_autofree char *line = g_strndup (nl, (gsize) (next - nl));
                  g_string_insert (mutated, next - mutated->str, line);
                }
            }
            break;
        }
      bytes = g_bytes_new (mutated->str, mutated->len);
      if (psephos_nist_import (target, "mutated.xml", bytes, NULL, NULL, NULL, &local_error))
        n_imported++;
      else
        {
          n_refused++;
          g_assert_true (g_str_has_prefix (local_error->message, "mutated.xml"));
          after = psephos_store_list_sources (target, NULL);
          g_assert_cmpuint (after->len, ==, before->len);
        }
    }
  g_test_message ("%u imported, %u refused", n_imported, n_refused);
  g_assert_cmpuint (n_refused, >, 0);
  g_assert_true (psephos_store_check (target, &error));
  g_assert_no_error (error);
}

static void
test_sniff (void)
{
  static const char *const yes[] = {
    "<ElectionReport xmlns=\"http://itl.nist.gov/ns/voting/1500-100/v2\">",
    "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<ElectionReport>",
    "<?xml version=\"1.0\"?><err:ElectionReport xmlns:err=\"x\">",
  };
  static const char *const no[] = {
    "",
    "election_year,election_type\n",
    "<html><body>ElectionReport</body></html>",
    "<ElectionReports>",
    "<?xml version=\"1.0\"?>",
    "Lok Sabha results: <ElectionReport>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    g_assert_true (psephos_nist_sniff (yes[i], strlen (yes[i])));
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    g_assert_false (psephos_nist_sniff (no[i], strlen (no[i])));
}

typedef struct
{
  gboolean done;
  GError *error;
} AsyncResult;

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncResult *r = user_data;

  psephos_nist_export_file_finish (PSEPHOS_STORE (source), result, &r->error);
  r->done = TRUE;
}

/* The app's way: in a worker thread, on a connection of its own. */
static void
test_export_async (Fixture *f, gconstpointer data)
{
  g_autofree char *store_path = in_dir (f, "synthetic.psephos");
  g_autofree char *xml = in_dir (f, "async.xml");
  g_autofree char *nowhere = g_build_filename (f->dir, "missing", "async.xml", NULL);
  g_autoptr (PsephosStore) store = NULL;
  g_autofree char *contents = NULL;
  AsyncResult r = { 0 };

  build_synthetic (store_path);
  store = open_store (store_path);
  psephos_nist_export_file_async (store, election_id (store, "bypolls"), xml, NULL, export_done_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
  g_assert_true (psephos_nist_sniff (contents, strlen (contents)));

  r.done = FALSE;
  psephos_nist_export_file_async (store, election_id (store, "bypolls"), nowhere, NULL, export_done_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (r.error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (r.error->message, nowhere));
  g_clear_error (&r.error);
}

/* psephos-cli export-nist: exit 0, 1 (rejected) and 2 (usage). */
static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *store = in_dir (f, "synthetic.psephos");
  g_autofree char *xml = in_dir (f, "cli.xml");
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-dir", "out.xml", NULL);
  g_autofree char *out = NULL, *err = NULL;

  build_synthetic (store);
  g_assert_cmpint (run_cli (store, &out, &err, "export-nist", "--election", "Assembly bypolls July 2024", "--output", xml, NULL), ==, 0);
  g_assert_true (g_file_test (xml, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (store, &out, &err, "export-nist", "--election", "Lok Sabha 1951", "--output", xml, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no election named"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (store, &out, &err, "export-nist", "--election", "bypolls", "--output", nowhere, NULL), ==, 1);
  g_assert_nonnull (strstr (err, nowhere));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (store, &out, &err, "export-nist", "--election", "bypolls", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (store, &out, &err, "export-nist", "--bogus", NULL), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/nist/sniff", test_sniff);
  ADD ("/nist/round-trip/synthetic", test_synthetic);
  ADD ("/nist/round-trip/sample-store", test_sample_store);
  ADD ("/nist/import/fact-spans", test_fact_spans);
  ADD ("/nist/export/control-characters", test_control_characters);
  ADD ("/nist/import/refuses-xxe", test_xxe);
  ADD ("/nist/import/refuses-billion-laughs", test_billion_laughs);
  ADD ("/nist/import/refuses-broken", test_broken);
  ADD ("/nist/import/refuses-dangling", test_dangling);
  ADD ("/nist/import/mutations", test_mutations);
  ADD ("/nist/cli", test_cli);
  ADD ("/nist/export/async", test_export_async);
  ADD ("/nist/round-trip/jharkhand-2024", test_jharkhand);
  ADD ("/nist/round-trip/lok-sabha-2024", test_lok_sabha);
  ADD ("/nist/round-trip/electionlens", test_electionlens);
#undef ADD

  return g_test_run ();
}
