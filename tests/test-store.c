/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c — the store: creating, refusing what is not ours, writing in
 * one transaction, deriving results from votes, agreement and conflict. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "psephos-store-private.h"
#include "psephos-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = psephos_test_make_dir ("psephos-store");
  f->path = g_build_filename (f->dir, "test.psephos", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  psephos_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
write_file (const char *path, const char *data, gssize len)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* A SQLite file made by some other program, with the given SQL. */
static void
make_sqlite (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static PsephosStore *
new_store (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  PsephosStore *store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
test_create_and_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GPtrArray) elections = NULL;

  /* Without CREATE, a missing file is an error naming it. */
  store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = new_store (f);
  g_assert_true (psephos_store_check (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  elections = psephos_store_list_elections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elections->len, ==, 0);
}

typedef struct
{
  const char *what;
  PsephosStoreError code;
  const char *message_part;
} Refusal;

static void
assert_refused (Fixture *f, PsephosStoreError code, const char *message_part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autofree char *before = psephos_test_file_checksum (f->path);
  g_autofree char *after = NULL;
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);

  store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, PSEPHOS_STORE_ERROR, (gint) code);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, message_part));
  after = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_not_sqlite (Fixture *f, gconstpointer data)
{
  write_file (f->path, "election,seat\nnot,a database\n", -1);
  assert_refused (f, PSEPHOS_STORE_ERROR_NOT_A_STORE, "not an SQLite database");
}

static void
test_refuse_empty (Fixture *f, gconstpointer data)
{
  write_file (f->path, "", 0);
  assert_refused (f, PSEPHOS_STORE_ERROR_NOT_A_STORE, "empty");
}

static void
test_refuse_foreign_sqlite (Fixture *f, gconstpointer data)
{
  make_sqlite (f->path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');");
  assert_refused (f, PSEPHOS_STORE_ERROR_NOT_A_STORE, "another program");
}

static void
test_refuse_newer (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosStore) store = new_store (f);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;", PSEPHOS_STORE_SCHEMA_VERSION + 1);

  g_clear_object (&store);
  make_sqlite (f->path, sql);
  assert_refused (f, PSEPHOS_STORE_ERROR_TOO_NEW, "newer Psephos");
}

static void
test_refuse_triggers (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosStore) store = new_store (f);

  g_clear_object (&store);
  make_sqlite (f->path, "CREATE TRIGGER evil AFTER INSERT ON source BEGIN DELETE FROM election; END;");
  assert_refused (f, PSEPHOS_STORE_ERROR_NOT_A_STORE, "triggers or views");
}

static void
test_refuse_truncated (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosStore) store = new_store (f);
  g_autofree char *bytes = NULL;
  gsize len = 0;

  g_clear_object (&store);
  g_assert_true (g_file_get_contents (f->path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  /* Keep the header page, lose the rest. */
  write_file (f->path, bytes, 4096 + 100);
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *before = psephos_test_file_checksum (f->path);
    g_autofree char *after = NULL;
    store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_DEFAULT, &error);
    g_assert_null (store);
    g_assert_true (error->domain == PSEPHOS_STORE_ERROR);
    g_assert_true (error->code == PSEPHOS_STORE_ERROR_CORRUPT || error->code == PSEPHOS_STORE_ERROR_NOT_A_STORE);
    g_assert_nonnull (strstr (error->message, f->path));
    after = psephos_test_file_checksum (f->path);
    g_assert_cmpstr (before, ==, after);
  }
}

static gint64
find_person (PsephosImport *imp, gint64 contest, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) existing = psephos_import_list_candidacies (imp, contest, &error);
  g_autofree char *key = psephos_name_key (name);
  gint64 id;

  g_assert_no_error (error);
  for (guint i = 0; i < existing->len; i++)
    {
      PsephosCandidacy *c = g_ptr_array_index (existing, i);
      g_autofree char *ckey = psephos_name_key (c->name);
      if (g_str_equal (key, ckey))
        return c->person_id;
    }
  id = psephos_import_add_person (imp, name, &error);
  g_assert_no_error (error);
  return id;
}

/* A small bypoll: two candidates, the loser's row first. */
static gint64
add_dehra (PsephosImport *imp, PsephosSourceKind kind, const char *hash, gint64 winner_votes, gint64 *out_candidacy)
{
  g_autoptr (GError) error = NULL;
  PsephosSource source = { .kind = kind, .file = (char *) "dehra.txt", .body = (char *) "Ms Thakur garnered 32,737 votes", .content_hash = (char *) hash };
  gint64 source_id, election, state, seat, contest, inc, bjp, thakur, singh, c1;
  g_autoptr (PsephosFact) fact = psephos_fact_new ();

  source_id = psephos_import_add_source (imp, &source, &error);
  g_assert_no_error (error);
  election = psephos_import_ensure_election (imp, "Assembly bypolls July 2024", PSEPHOS_ELECTION_BYPOLL, 2024, &error);
  state = psephos_import_ensure_state (imp, "Himachal Pradesh", "HP", "S08", &error);
  seat = psephos_import_ensure_seat (imp, state, PSEPHOS_HOUSE_ASSEMBLY, 0, "Dehra", NULL, &error);
  contest = psephos_import_ensure_contest (imp, election, seat, &error);
  inc = psephos_import_ensure_party (imp, "Indian National Congress", "INC", "#19AAED", &error);
  bjp = psephos_import_ensure_party (imp, "Bharatiya Janata Party", "BJP", "#FF9933", &error);
  g_assert_no_error (error);

  /* As an importer does: the same name in the same contest is the same person. */
  singh = find_person (imp, contest, "HOSHIYAR SINGH");
  psephos_import_add_candidacy (imp, contest, singh, bjp, "HOSHIYAR SINGH", 23338, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error);
  thakur = find_person (imp, contest, "Kamlesh Thakur");
  c1 = psephos_import_add_candidacy (imp, contest, thakur, inc, "KAMLESH THAKUR", winner_votes, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error);
  g_assert_no_error (error);

  fact->source_id = source_id;
  fact->subject_kind = PSEPHOS_SUBJECT_CANDIDATE;
  fact->election_id = election;
  fact->contest_id = contest;
  fact->candidacy_id = c1;
  fact->person_id = thakur;
  fact->attribute = g_strdup ("votes");
  fact->has_number = TRUE;
  fact->number = (double) winner_votes;
  fact->start = 19;
  fact->end = 31;
  fact->quote = g_strdup ("32,737 votes");
  psephos_import_add_fact (imp, fact, &error);
  g_assert_no_error (error);
  if (out_candidacy)
    *out_candidacy = c1;
  return contest;
}

/* One number from a store file, read with SQLite directly. */
static gint64
sqlite_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A version-1 store (version 2 without contest_by_seat, official spellings
 * also as alias rows) is read as it is when opened read-only, and brought
 * to version 2 when opened to write, its rows untouched. */
static void
test_migrate_v1 (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosStore) store = new_store (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto (GStrv) spellings = NULL;
  PsephosImport *imp;
  PsephosCandidacy *first;
  gint64 contest;

  imp = psephos_store_begin_import (store, &error);
  g_assert_no_error (error);
  contest = add_dehra (imp, PSEPHOS_SOURCE_OFFICIAL, "h1", 32737, NULL);
  g_assert_true (psephos_import_commit (imp, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  make_sqlite (f->path,
               "DROP INDEX contest_by_seat;"
               "INSERT INTO alias (person_id, name, key) SELECT person_id, name, lower (name) FROM candidacy;"
               "PRAGMA user_version = 1;");

  before = psephos_test_file_checksum (f->path);
  store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  candidates = psephos_store_list_candidacies (store, contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);
  first = g_ptr_array_index (candidates, 0);
  g_assert_cmpstr (first->name, ==, "KAMLESH THAKUR");
  spellings = psephos_store_person_aliases (store, first->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (spellings), ==, 2);
  g_assert_cmpstr (spellings[1], ==, "KAMLESH THAKUR");
  g_clear_object (&store);
  after = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_pointer (&candidates, g_ptr_array_unref);
  candidates = psephos_store_list_candidacies (store, contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);
  g_clear_object (&store);
  g_assert_cmpint (sqlite_int (f->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (sqlite_int (f->path, "SELECT count (*) FROM sqlite_schema WHERE type = 'index' AND name = 'contest_by_seat'"
                                        " AND sql = 'CREATE INDEX contest_by_seat ON contest (seat_id)'"),
                   ==, 1);
  g_assert_cmpint (sqlite_int (f->path, "SELECT count (*) FROM alias"), ==, 2);
}

static void
test_winner_by_votes (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosStore) store = new_store (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (PsephosSeatRow) seat = NULL;
  g_autoptr (GPtrArray) tally = NULL;
  PsephosImport *imp;
  PsephosCandidacy *first;
  gint64 contest;

  imp = psephos_store_begin_import (store, &error);
  g_assert_no_error (error);
  contest = add_dehra (imp, PSEPHOS_SOURCE_OFFICIAL, "h1", 32737, NULL);
  g_assert_true (psephos_import_commit (imp, &error));
  g_assert_no_error (error);

  candidates = psephos_store_list_candidacies (store, contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);
  first = g_ptr_array_index (candidates, 0);
  g_assert_cmpstr (first->display_name, ==, "Kamlesh Thakur");
  g_assert_cmpstr (first->name, ==, "KAMLESH THAKUR");
  g_assert_cmpint (first->result, ==, PSEPHOS_RESULT_WON);
  g_assert_cmpint (first->margin, ==, 32737 - 23338);
  g_assert_cmpint (((PsephosCandidacy *) g_ptr_array_index (candidates, 1))->result, ==, PSEPHOS_RESULT_LOST);

  seat = psephos_store_get_seat (store, contest, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seat->winner_party, ==, "INC");
  g_assert_cmpint (seat->margin, ==, 9399);
  g_assert_cmpint (seat->status, ==, PSEPHOS_CONTEST_DECLARED);

  tally = psephos_store_party_tally (store, seat->election_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally->len, ==, 1);
  g_assert_cmpstr (((PsephosTallyRow *) g_ptr_array_index (tally, 0))->abbreviation, ==, "INC");
  g_assert_cmpint (((PsephosTallyRow *) g_ptr_array_index (tally, 0))->won, ==, 1);
}

static void
test_alliances_and_sources (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosStore) store = new_store (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GPtrArray) alliances = NULL;
  g_autoptr (PsephosSeatRow) seat = NULL;
  PsephosAllianceMember *m;
  PsephosImport *imp;
  gint64 contest, india, inc;

  imp = psephos_store_begin_import (store, &error);
  contest = add_dehra (imp, PSEPHOS_SOURCE_ARTICLE, "a1", 32737, NULL);
  seat = psephos_store_get_seat (store, contest, &error);
  india = psephos_import_ensure_alliance (imp, "Indian National Developmental Inclusive Alliance", "INDIA", NULL, &error);
  inc = psephos_import_ensure_party (imp, "Indian National Congress", "INC", NULL, &error);
  psephos_import_add_alliance_member (imp, india, seat->election_id, inc, &error);
  g_assert_true (psephos_import_commit (imp, &error));
  g_assert_no_error (error);

  members = psephos_store_list_alliance_members (store, seat->election_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  m = g_ptr_array_index (members, 0);
  g_assert_cmpstr (m->alliance_abbreviation, ==, "INDIA");
  g_assert_cmpstr (m->party_abbreviation, ==, "INC");

  alliances = psephos_store_alliance_tally (store, seat->election_id, &error);
  g_assert_cmpuint (alliances->len, ==, 1);
  /* An article with votes and no stated result is a count in progress. */
  g_assert_cmpint (((PsephosTallyRow *) g_ptr_array_index (alliances, 0))->leading, ==, 1);

  /* The source that spoke of the election is the one a chart cites. */
  sources = psephos_store_list_election_sources (store, seat->election_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpstr (((PsephosSource *) g_ptr_array_index (sources, 0))->file, ==, "dehra.txt");
}

static void
test_facts_by_subject (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosStore) store = new_store (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) by_party = NULL;
  g_autoptr (GPtrArray) by_election = NULL;
  g_autoptr (PsephosSeatRow) seat = NULL;
  g_autoptr (PsephosFact) tally = psephos_fact_new ();
  g_autoptr (PsephosFact) size = psephos_fact_new ();
  PsephosFactQuery query = { 0 };
  PsephosImport *imp;
  gint64 contest, inc, inc11;

  imp = psephos_store_begin_import (store, &error);
  contest = add_dehra (imp, PSEPHOS_SOURCE_ARTICLE, "a1", 32737, NULL);
  seat = psephos_store_get_seat (store, contest, &error);
  inc = psephos_import_ensure_party (imp, NULL, "INC", NULL, &error);
  /* Party 11 must not answer for party 1. */
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%d", i);
      inc11 = psephos_import_ensure_party (imp, NULL, name, NULL, &error);
    }
  g_assert_cmpint (inc11, >, 10);
  tally->subject_kind = PSEPHOS_SUBJECT_PARTY;
  tally->party_id = inc;
  tally->election_id = seat->election_id;
  tally->attribute = g_strdup ("seats_won");
  tally->has_number = TRUE;
  tally->number = 3;
  psephos_import_add_fact (imp, tally, &error);
  tally->party_id = inc11;
  psephos_import_add_fact (imp, tally, &error);
  /* The same party's facts about election 11 and later must not answer
   * for election 1. */
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Election %d", i);
      gint64 other = psephos_import_ensure_election (imp, name, PSEPHOS_ELECTION_ASSEMBLY, 2000 + i, &error);

      if (other % 10 == seat->election_id % 10 && other != seat->election_id)
        {
          tally->party_id = inc;
          tally->election_id = other;
          psephos_import_add_fact (imp, tally, &error);
        }
    }
  size->subject_kind = PSEPHOS_SUBJECT_ELECTION;
  size->election_id = seat->election_id;
  size->attribute = g_strdup ("seats_total");
  size->has_number = TRUE;
  size->number = 13;
  psephos_import_add_fact (imp, size, &error);
  g_assert_true (psephos_import_commit (imp, &error));
  g_assert_no_error (error);

  query.party_id = inc;
  by_party = psephos_store_list_facts (store, &query, &error);
  g_assert_no_error (error);
  /* INC's facts about both elections, and not party 11's. */
  g_assert_cmpuint (by_party->len, ==, 2);
  g_assert_cmpstr (((PsephosFact *) g_ptr_array_index (by_party, 0))->attribute, ==, "seats_won");
  g_assert_cmpstr (((PsephosFact *) g_ptr_array_index (by_party, 0))->subject, ==, "INC");

  /* The parties' facts about the election: INC's and party 11's, not
   * INC's about the other elections. */
  query = (PsephosFactQuery){ .election_id = seat->election_id, .has_subject_kind = TRUE, .subject_kind = PSEPHOS_SUBJECT_PARTY };
  {
    g_autoptr (GPtrArray) parties = psephos_store_list_facts (store, &query, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (parties->len, ==, 2);
    for (guint i = 0; i < parties->len; i++)
      {
        PsephosFact *fact = g_ptr_array_index (parties, i);

        g_assert_cmpint (fact->election_id, ==, seat->election_id);
        g_assert_true (fact->party_id == inc || fact->party_id == inc11);
      }
  }

  query = (PsephosFactQuery){ .election_id = seat->election_id, .has_subject_kind = TRUE, .subject_kind = PSEPHOS_SUBJECT_ELECTION };
  by_election = psephos_store_list_facts (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_election->len, ==, 1);
  g_assert_cmpfloat (((PsephosFact *) g_ptr_array_index (by_election, 0))->number, ==, 13);
}

static void
test_rollback_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosStore) store = new_store (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) elections = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PsephosImport *imp;

  g_clear_object (&store);
  before = psephos_test_file_checksum (f->path);
  store = new_store (f);
  imp = psephos_store_begin_import (store, &error);
  add_dehra (imp, PSEPHOS_SOURCE_ARTICLE, "h1", 32737, NULL);
  psephos_import_rollback (imp);

  elections = psephos_store_list_elections (store, &error);
  sources = psephos_store_list_sources (store, &error);
  g_assert_cmpuint (elections->len, ==, 0);
  g_assert_cmpuint (sources->len, ==, 0);
  g_clear_object (&store);
  after = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static PsephosFact *
find_fact (GPtrArray *facts, gint64 source_id)
{
  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *fact = g_ptr_array_index (facts, i);
      if (fact->source_id == source_id)
        return fact;
    }
  g_assert_not_reached ();
}

static void
test_agreement_and_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosStore) store = new_store (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) facts = NULL;
  PsephosFactQuery query = { 0 };
  PsephosImport *imp;
  gint64 candidacy = 0;

  /* Two articles that agree corroborate each other… */
  imp = psephos_store_begin_import (store, &error);
  add_dehra (imp, PSEPHOS_SOURCE_ARTICLE, "a1", 32737, &candidacy);
  g_assert_true (psephos_import_commit (imp, &error));
  imp = psephos_store_begin_import (store, &error);
  add_dehra (imp, PSEPHOS_SOURCE_ARTICLE, "a2", 32737, NULL);
  g_assert_true (psephos_import_commit (imp, &error));
  g_assert_no_error (error);

  query.attribute = "votes";
  query.person_id = 0;
  query.candidacy_id = candidacy;
  facts = psephos_store_list_facts (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, ==, 2);
  g_assert_cmpint (find_fact (facts, 1)->status, ==, PSEPHOS_FACT_CORROBORATED);
  g_clear_pointer (&facts, g_ptr_array_unref);

  /* …a third that differs is a conflict, naming the facts it disagrees with… */
  imp = psephos_store_begin_import (store, &error);
  add_dehra (imp, PSEPHOS_SOURCE_ARTICLE, "a3", 32773, NULL);
  g_assert_true (psephos_import_commit (imp, &error));
  facts = psephos_store_list_facts (store, &query, &error);
  g_assert_cmpuint (facts->len, ==, 3);
  g_assert_cmpint (find_fact (facts, 3)->status, ==, PSEPHOS_FACT_CONFLICT);
  g_assert_cmpuint (find_fact (facts, 3)->conflicts_with->len, ==, 2);
  g_clear_pointer (&facts, g_ptr_array_unref);

  /* …and official data confirms the two and contradicts the third. */
  imp = psephos_store_begin_import (store, &error);
  add_dehra (imp, PSEPHOS_SOURCE_OFFICIAL, "o1", 32737, NULL);
  g_assert_true (psephos_import_commit (imp, &error));
  facts = psephos_store_list_facts (store, &query, &error);
  g_assert_cmpuint (facts->len, ==, 4);
  g_assert_cmpint (find_fact (facts, 1)->status, ==, PSEPHOS_FACT_CONFIRMED);
  g_assert_cmpint (find_fact (facts, 2)->status, ==, PSEPHOS_FACT_CONFIRMED);
  g_assert_cmpint (find_fact (facts, 3)->status, ==, PSEPHOS_FACT_CONTRADICTED);
}

/* Foreign keys are checked at commit, for new rows and for older rows an
 * import changed: a reference to no row refuses the whole import. */
static void
test_dangling_reference (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosStore) store = new_store (f);
  g_autoptr (GError) error = NULL;
  sqlite3 *db = _psephos_store_get_db (store);
  PsephosImport *imp;
  gint64 contest, candidacy = 0;
  sqlite3_stmt *stmt = NULL;

  imp = psephos_store_begin_import (store, &error);
  contest = add_dehra (imp, PSEPHOS_SOURCE_OFFICIAL, "o1", 32737, &candidacy);
  g_assert_true (psephos_import_commit (imp, &error));
  g_assert_no_error (error);

  /* A gap among the older ids: party 50 does not exist, 100 does. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO party (id, name, key) VALUES (100, 'Filler', 'filler')", NULL, NULL, NULL), ==, SQLITE_OK);

  for (int attempt = 0; attempt < 5; attempt++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr (PsephosFact) fact = psephos_fact_new ();

      before = psephos_test_file_checksum (f->path);
      imp = psephos_store_begin_import (store, &error);
      g_assert_no_error (error);
      switch (attempt)
        {
          case 0: /* a new candidacy of no one */
            g_assert_cmpint (psephos_import_add_candidacy (imp, contest, 9999, 0, "NO ONE", 10, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error), >, 0);
            break;
          case 1: /* an older candidacy given a party that does not exist */
            {
              PsephosSource source = { .kind = PSEPHOS_SOURCE_OFFICIAL, .body = (char *) "x", .content_hash = (char *) "o2" };
              g_autoptr (GPtrArray) candidacies = psephos_store_list_candidacies (store, contest, &error);
              PsephosCandidacy *c = g_ptr_array_index (candidacies, 0);

              psephos_import_add_source (imp, &source, &error);
              g_assert_cmpint (psephos_import_add_candidacy (imp, contest, c->person_id, 9999, c->name, 10, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error), >, 0);
            }
            break;
          case 2: /* an alias of no one */
            g_assert_true (psephos_import_add_alias (imp, 9999, "NO ONE", &error));
            break;
          case 3: /* a fact about a candidacy that does not exist */
            fact->source_id = 1;
            fact->subject_kind = PSEPHOS_SUBJECT_CANDIDATE;
            fact->candidacy_id = 9999;
            fact->attribute = g_strdup ("votes");
            g_assert_cmpint (psephos_import_add_fact (imp, fact, &error), >, 0);
            break;
          case 4: /* a new candidacy of a party in the gap */
            {
              gint64 person = psephos_import_add_person (imp, "SOMEONE", &error);

              g_assert_cmpint (psephos_import_add_candidacy (imp, contest, person, 50, "SOMEONE", 10, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error), >, 0);
            }
            break;
          default:
            g_assert_not_reached ();
        }
      g_assert_no_error (error);
      g_assert_false (psephos_import_commit (imp, &error));
      g_assert_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_INVALID);
      g_clear_error (&error);
      after = psephos_test_file_checksum (f->path);
      g_assert_cmpstr (before, ==, after);
    }

  /* Outside an import, SQLite checks them itself. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_true (psephos_store_check (store, &error));
  g_assert_no_error (error);
}

static void
test_values_compatible (void)
{
  /* "over 9,000" agrees with 9,399; "8,211" and "8,246" disagree. */
  g_assert_true (_psephos_values_compatible (9000, PSEPHOS_QUALIFIER_AT_LEAST, 9399, PSEPHOS_QUALIFIER_EXACT));
  g_assert_false (_psephos_values_compatible (8211, PSEPHOS_QUALIFIER_EXACT, 8246, PSEPHOS_QUALIFIER_EXACT));
  g_assert_false (_psephos_values_compatible (10000, PSEPHOS_QUALIFIER_AT_LEAST, 9399, PSEPHOS_QUALIFIER_EXACT));
  /* A round figure stands for what rounds to it. */
  g_assert_true (_psephos_values_compatible (17000, PSEPHOS_QUALIFIER_EXACT, 17142, PSEPHOS_QUALIFIER_EXACT));
  g_assert_false (_psephos_values_compatible (17000, PSEPHOS_QUALIFIER_EXACT, 17642, PSEPHOS_QUALIFIER_EXACT));
  g_assert_true (_psephos_values_compatible (65.42, PSEPHOS_QUALIFIER_EXACT, 65.42, PSEPHOS_QUALIFIER_EXACT));
  g_assert_false (_psephos_values_compatible (65.42, PSEPHOS_QUALIFIER_EXACT, 65.5, PSEPHOS_QUALIFIER_EXACT));
  g_assert_true (_psephos_values_compatible (30000, PSEPHOS_QUALIFIER_ABOUT, 31200, PSEPHOS_QUALIFIER_EXACT));
}

static void
test_names (void)
{
  g_autofree char *a = psephos_name_key ("HEMANT  SOREN ");
  g_autofree char *b = psephos_name_key ("Hemant Soren");
  g_autofree char *c = psephos_name_key ("Jammu & Kashmir");
  g_autofree char *d = psephos_name_key ("Jammu and Kashmir");
  g_autofree char *e = psephos_name_display ("HEMANT SOREN");
  g_autofree char *g = psephos_name_display ("Kamlesh Thakur");
  g_autofree char *h = psephos_name_display ("MD. TAJUDDIN");
  g_autofree char *l = NULL;

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, d);
  g_assert_cmpstr (e, ==, "Hemant Soren");
  g_assert_cmpstr (g, ==, "Kamlesh Thakur");
  g_assert_cmpstr (h, ==, "Md. Tajuddin");
  l = psephos_election_canonical_name (PSEPHOS_ELECTION_ASSEMBLY, 2024, 11, "Jharkhand");
  g_assert_cmpstr (l, ==, "Jharkhand Assembly 2024");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/create-and-reopen", test_create_and_reopen);
  ADD ("/store/refuse/not-sqlite", test_refuse_not_sqlite);
  ADD ("/store/refuse/empty", test_refuse_empty);
  ADD ("/store/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("/store/refuse/newer-version", test_refuse_newer);
  ADD ("/store/refuse/triggers", test_refuse_triggers);
  ADD ("/store/refuse/truncated", test_refuse_truncated);
  ADD ("/store/migrate/from-version-1", test_migrate_v1);
  ADD ("/store/import/winner-by-votes", test_winner_by_votes);
  ADD ("/store/import/rollback", test_rollback_leaves_nothing);
  ADD ("/store/import/dangling-reference", test_dangling_reference);
  ADD ("/store/import/alliances-and-sources", test_alliances_and_sources);
  ADD ("/store/facts/by-subject", test_facts_by_subject);
  ADD ("/store/facts/agreement-and-conflict", test_agreement_and_conflict);
#undef ADD
  g_test_add_func ("/store/values-compatible", test_values_compatible);
  g_test_add_func ("/store/names", test_names);
  return g_test_run ();
}
