/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile.c — store files made to hurt: a corrupted page in the middle
 * of a real store, triggers and views that would write or call functions
 * (also disguised as tables), a read-only file, a file locked by another
 * process, absurd sizes claimed in headers. Each must give a clear error
 * naming the file (psephos-cli too: exit 1, one line), run no stored SQL and
 * leave the file's bytes as they were. test-store.c covers the plainer cases
 * (not SQLite, empty, foreign, newer, truncated). */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "psephos-store.h"
#include "psephos-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = psephos_test_make_dir ("psephos-hostile");
  f->path = g_build_filename (f->dir, "hostile.psephos", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  psephos_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- helpers --------------------------------------------------------------- */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static void
write_bytes (const char *path, const guint8 *data, gsize len)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, (const char *) data, len, &error);
  g_assert_no_error (error);
}

static guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
put_be32 (guint8 *p, guint32 v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* Runs SQL on a file with plain SQLite, as another program would. */
static void
run_sqlite (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
sqlite_count (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  /* Read-only and with the schema ignored as far as possible: this is the
   * test looking, not an application using the file. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A real store with enough rows that its tables span many pages: one
 * election, 40 seats of 12 candidates each, with names long enough to fill
 * pages. */
static void
make_real_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = psephos_store_open (path, PSEPHOS_STORE_OPEN_CREATE, &error);
  g_autoptr (PsephosImport) imp = NULL;
  PsephosSource source = {
    .kind = PSEPHOS_SOURCE_OFFICIAL,
    .file = (char *) "results.csv",
    .body = (char *) "",
    .content_hash = (char *) "0000000000000000000000000000000000000000000000000000000000000001",
  };
  gint64 election, state, party;

  g_assert_no_error (error);
  imp = psephos_store_begin_import (store, &error);
  g_assert_no_error (error);
  psephos_import_add_source (imp, &source, &error);
  g_assert_no_error (error);
  election = psephos_import_ensure_election (imp, "Jharkhand Assembly 2024", PSEPHOS_ELECTION_ASSEMBLY, 2024, &error);
  g_assert_no_error (error);
  state = psephos_import_ensure_state (imp, "Jharkhand", "JH", "S27", &error);
  g_assert_no_error (error);
  party = psephos_import_ensure_party (imp, "Jharkhand Mukti Morcha", "JMM", "#1B5E20", &error);
  g_assert_no_error (error);
  for (int s = 1; s <= 40; s++)
    {
      g_autofree char *seat_name = g_strdup_printf ("Constituency number %d of the hills", s);
      gint64 seat = psephos_import_ensure_seat (imp, state, PSEPHOS_HOUSE_ASSEMBLY, s, seat_name, "GEN", &error);
      gint64 contest;

      g_assert_no_error (error);
      contest = psephos_import_ensure_contest (imp, election, seat, &error);
      g_assert_no_error (error);
      for (int c = 1; c <= 12; c++)
        {
          g_autofree char *name = g_strdup_printf ("Candidate %d of seat %d Kumar Prasad Mahato", c, s);
          gint64 person = psephos_import_add_person (imp, name, &error);

          g_assert_no_error (error);
          psephos_import_add_candidacy (imp, contest, person, party, name, 1000 * c + s, -1, -1,
                                        PSEPHOS_RESULT_UNKNOWN, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_true (psephos_import_commit (g_steal_pointer (&imp), &error));
  g_assert_no_error (error);
}

/* Opens the store as the app and the CLI do; it must be refused with @code
 * and a message naming the file and saying @part. */
static void
assert_open_refused (const char *path, PsephosStoreOpenFlags flags, PsephosStoreError code, const char *part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = psephos_store_open (path, flags, &error);

  g_assert_null (store);
  g_assert_error (error, PSEPHOS_STORE_ERROR, (gint) code);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  if (part != NULL)
    g_assert_nonnull (strstr (error->message, part));
}

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("PSEPHOS_CLI");

  return cli != NULL && *cli != '\0' && g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE) ? cli : NULL;
}

/* A small official results file any store can take. */
static char *
make_results_csv (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "small-results.csv", NULL);

  g_assert_true (g_file_set_contents (path,
                                      "election_year,election_type,election_state,constituency,constituency_no,serial_no,candidate,party,evm_votes,postal_votes\n"
                                      "2024,Assembly,JH,RAJMAHAL,1,1,ANANT KUMAR OJHA,Bharatiya Janata Party,95680,1064\n"
                                      "2024,Assembly,JH,RAJMAHAL,1,2,MD. TAJUDDIN,Jharkhand Mukti Morcha,139023,1153\n",
                                      -1, NULL));
  return g_steal_pointer (&path);
}

/* Runs psephos-cli with @args (NULL-terminated) on the store; it must exit 1
 * with exactly one line on standard error, naming the store file. Returns
 * that line. */
static char *
assert_cli_refuses (const char *store, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  g_ptr_array_add (argv, (gpointer) "--store");
  g_ptr_array_add (argv, (gpointer) store);
  va_start (args, store);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("psephos-cli %s: %s", (const char *) argv->pdata[3], err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_strchomp (err);
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], store));
  return g_strdup (lines[0]);
}

/* The common end of every hostile case: the library refuses the file, the
 * CLI's read, check and import commands exit 1 with one line naming it, and
 * the file's bytes never change. */
static void
assert_hostile_store_refused (Fixture *f, PsephosStoreError code, const char *part)
{
  g_autofree char *before = psephos_test_file_checksum (f->path);
  g_autofree char *after = NULL;
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);

  assert_open_refused (f->path, PSEPHOS_STORE_OPEN_READ_ONLY, code, part);
  assert_open_refused (f->path, PSEPHOS_STORE_OPEN_DEFAULT, code, part);
  assert_open_refused (f->path, PSEPHOS_STORE_OPEN_CREATE, code, part);
  if (cli_path () != NULL)
    {
      g_autofree char *csv = make_results_csv (f->dir);

      g_free (assert_cli_refuses (f->path, "tree", NULL));
      g_free (assert_cli_refuses (f->path, "facts", "--format", "jsonl", NULL));
      g_free (assert_cli_refuses (f->path, "check", NULL));
      g_free (assert_cli_refuses (f->path, "import", csv, NULL));
    }
  after = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* ---- a corrupted page in the middle ------------------------------------- */

typedef struct
{
  guint32 page_size;
  guint32 n_pages;
  GArray *leaf_tables; /* guint32 page numbers of table b-tree leaves with cells */
} PageMap;

static void
page_map_clear (PageMap *map)
{
  g_clear_pointer (&map->leaf_tables, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageMap, page_map_clear)

static void
map_pages (const guint8 *data, gsize len, PageMap *map)
{
  map->page_size = (data[16] << 8) | data[17];
  if (map->page_size == 1)
    map->page_size = 65536;
  map->n_pages = len / map->page_size;
  map->leaf_tables = g_array_new (FALSE, FALSE, sizeof (guint32));
  /* Page 1 holds the 100-byte file header; the pages after it start with
   * their b-tree header: 0x0D is a table leaf, cell count at bytes 3-4. */
  for (guint32 pgno = 2; pgno <= map->n_pages; pgno++)
    {
      const guint8 *page = data + (gsize) (pgno - 1) * map->page_size;

      if (page[0] == 0x0D && ((page[3] << 8) | page[4]) > 2)
        g_array_append_val (map->leaf_tables, pgno);
    }
}

typedef enum
{
  DAMAGE_FLIP_HEADER,   /* every bit of the page's b-tree header flipped */
  DAMAGE_CELL_POINTERS, /* cell pointers aimed past the end of the page */
  DAMAGE_CELL_COUNT,    /* the page claims 65,535 cells */
  DAMAGE_KIND = 0xFF,
  /* The store first passed its check and was noted as checked (see
   * psephos-store-checked.c), then was damaged in place: same file, same
   * size. */
  DAMAGE_AFTER_NOTED = 0x100,
} Damage;

/* Opens @path as a person would, long enough after its last change for the
 * page check to be noted, and checks that it was. */
static void
open_and_note (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GKeyFile) notes = g_key_file_new ();
  g_autofree char *file = g_build_filename (g_get_user_cache_dir (), "psephos", "checked-stores", NULL);
  g_autofree char *key = NULL;
  GStatBuf st;

  /* A change within the last two seconds is never noted. */
  g_usleep (2200 * 1000);
  for (guint i = 0; i < 2; i++)
    {
      store = psephos_store_open (path, PSEPHOS_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_clear_object (&store);
    }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64) st.st_dev, (guint64) st.st_ino);
  g_key_file_load_from_file (notes, file, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_key_file_has_key (notes, "checked", key, NULL));
}

/* Writes @data over the file's bytes, keeping the file itself (its inode)
 * and its size. */
static void
overwrite_in_place (const char *path, const guint8 *data, gsize len)
{
  FILE *f = g_fopen (path, "r+b");

  g_assert_nonnull (f);
  g_assert_cmpuint (fwrite (data, 1, len, f), ==, len);
  g_assert_cmpint (fclose (f), ==, 0);
}

static void
test_corrupt_page (Fixture *f, gconstpointer data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree guint8 *copy = NULL;
  g_auto (PageMap) map = { 0 };
  guint8 *page;
  gsize len;
  guint32 pgno;

  make_real_store (f->path);
  if (damage & DAMAGE_AFTER_NOTED)
    open_and_note (f->path);
  bytes = read_bytes (f->path);
  copy = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);
  map_pages (copy, len, &map);
  g_assert_cmpuint (map.n_pages, >=, 20);
  g_assert_cmpuint (map.leaf_tables->len, >=, 3);
  /* A leaf of a real table from the middle of the file, not the schema. */
  pgno = g_array_index (map.leaf_tables, guint32, map.leaf_tables->len / 2);
  g_test_message ("damaging page %u of %u", pgno, map.n_pages);
  page = copy + (gsize) (pgno - 1) * map.page_size;
  switch (damage & DAMAGE_KIND)
    {
      case DAMAGE_FLIP_HEADER:
        for (guint i = 0; i < 8; i++)
          page[i] ^= 0xFF;
        break;
      case DAMAGE_CELL_POINTERS:
        for (guint i = 0; i < (guint) ((page[3] << 8) | page[4]); i++)
          {
            page[8 + 2 * i] = 0xFF;
            page[8 + 2 * i + 1] = 0xF0 - i;
          }
        break;
      case DAMAGE_CELL_COUNT:
        page[3] = 0xFF;
        page[4] = 0xFF;
        break;
      default:
        g_assert_not_reached ();
    }
  if (damage & DAMAGE_AFTER_NOTED)
    overwrite_in_place (f->path, copy, len);
  else
    write_bytes (f->path, copy, len);

  assert_hostile_store_refused (f, PSEPHOS_STORE_ERROR_CORRUPT, "damaged");
}

/* ---- absurd sizes in the header ------------------------------------------- */

/* The file header claims a billion pages (and keeps its "valid-for" number
 * equal to the change counter so that SQLite believes it). */
static void
test_billion_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree guint8 *copy = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();
  gsize len;

  make_real_store (f->path);
  bytes = read_bytes (f->path);
  copy = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);
  g_assert_cmpuint (get_be32 (copy + 24), ==, get_be32 (copy + 92));
  put_be32 (copy + 28, 1000000000);
  write_bytes (f->path, copy, len);

  assert_hostile_store_refused (f, PSEPHOS_STORE_ERROR_CORRUPT, NULL);
  /* Refused from the header, not after walking a billion pages. */
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 60.0);
}

/* The planner's statistics claim a billion rows per table. That is only a
 * hint: the store opens and reads stay right (and quick). */
static void
test_billion_row_statistics (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GPtrArray) elections = NULL;
  g_autoptr (GPtrArray) seats = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PsephosElection *e;

  make_real_store (f->path);
  run_sqlite (f->path,
              "ANALYZE;"
              "UPDATE sqlite_stat1 SET stat = '1000000000 1 1 1';"
              "INSERT INTO sqlite_stat1 VALUES ('election', NULL, '1000000000');");
  before = psephos_test_file_checksum (f->path);

  store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  elections = psephos_store_list_elections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elections->len, ==, 1);
  e = elections->pdata[0];
  seats = psephos_store_list_seats (store, e->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seats->len, ==, 40);
  g_clear_object (&store);

  after = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* ---- stored SQL that would run ------------------------------------------- */

/* Adds a canary table, then @sql (triggers, views…) that would write to it. */
static void
plant (Fixture *f, const char *sql)
{
  g_autofree char *all = g_strconcat ("CREATE TABLE canary (what TEXT);", sql, NULL);

  make_real_store (f->path);
  run_sqlite (f->path, all);
}

static void
assert_canary_quiet (Fixture *f)
{
  g_assert_cmpint (sqlite_count (f->path, "SELECT count(*) FROM canary"), ==, 0);
}

static void
test_triggers_and_views (Fixture *f, gconstpointer data)
{
  plant (f,
         "CREATE TRIGGER on_source AFTER INSERT ON source BEGIN INSERT INTO canary VALUES ('insert source'); END;"
         "CREATE TRIGGER on_update BEFORE UPDATE ON contest BEGIN INSERT INTO canary VALUES ('update contest'); END;"
         "CREATE TRIGGER on_delete BEFORE DELETE ON candidacy BEGIN INSERT INTO canary VALUES ('delete'); END;"
         "CREATE VIEW calls AS SELECT randomblob (100000000) AS b, load_extension ('/tmp/evil.so') AS e;"
         "CREATE VIEW everything AS SELECT * FROM election, seat, candidacy, candidacy AS c2, candidacy AS c3;");
  assert_hostile_store_refused (f, PSEPHOS_STORE_ERROR_NOT_A_STORE, "triggers or views");
  assert_canary_quiet (f);
}

/* sqlite_schema's "type" column is only a label: SQLite runs the "sql"
 * column. A trigger and a view filed as tables must not get past the check
 * that there are none, and must never run. */
static void
test_disguised_trigger (Fixture *f, gconstpointer data)
{
  plant (f,
         "PRAGMA writable_schema = ON;"
         "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES"
         " ('table', 'quiet', 'source', 0,"
         "  'CREATE TRIGGER quiet AFTER INSERT ON source BEGIN INSERT INTO canary VALUES (''disguised''); END'),"
         " ('table', 'looks_like_table', 'looks_like_table', 0,"
         "  'CREATE VIEW looks_like_table AS SELECT randomblob (100000000)');"
         "PRAGMA writable_schema = OFF;");
  /* SQLite itself calls such a schema malformed, so the check finds no
   * clean answer and refuses; the unchanged bytes show that nothing ran. */
  assert_hostile_store_refused (f, PSEPHOS_STORE_ERROR_NOT_A_STORE, "triggers or views");
}

/* Schema expressions (a CHECK constraint, a generated column, an index on an
 * expression) run when rows are read or written, triggers or not. Psephos
 * never reads or writes a table it does not know, so one planted beside
 * its own stays inert. */
static void
test_schema_expressions (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GPtrArray) elections = NULL;

  plant (f,
         "CREATE TABLE extra (a INTEGER, b BLOB GENERATED ALWAYS AS (zeroblob (200000000)) VIRTUAL,"
         " CHECK (length (zeroblob (a * 1000000)) >= 0));"
         "CREATE INDEX extra_expr ON extra (length (zeroblob (a * 1000000)));"
         "INSERT INTO extra (a) VALUES (1);");
  before = psephos_test_file_checksum (f->path);
  store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  elections = psephos_store_list_elections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elections->len, ==, 1);
  g_assert_true (psephos_store_check (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  after = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  assert_canary_quiet (f);
}

/* A CHECK constraint slipped into one of Psephos's own tables that would load
 * a shared library on every insert: with trusted_schema off (and extension
 * loading disabled) the import fails with an error and writes nothing. */
static void
test_check_calls_function (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosImport) imp = NULL;
  PsephosSource source = {
    .kind = PSEPHOS_SOURCE_ARTICLE,
    .file = (char *) "a.txt",
    .body = (char *) "text",
    .content_hash = (char *) "00000000000000000000000000000000000000000000000000000000000000ff",
  };
  gint64 id;

  plant (f,
         "PRAGMA writable_schema = ON;"
         "UPDATE sqlite_schema SET sql = replace (sql, 'imported_at TEXT NOT NULL',"
         " 'imported_at TEXT NOT NULL, CHECK (load_extension (''/nonexistent/evil.so'') IS NULL)')"
         " WHERE name = 'source';"
         "PRAGMA writable_schema = OFF;");
  g_assert_cmpint (sqlite_count (f->path, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%load_extension%'"), ==, 1);
  before = psephos_test_file_checksum (f->path);

  store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_test_message ("refused: %s", error->message);
  else
    {
      imp = psephos_store_begin_import (store, &error);
      g_assert_no_error (error);
      id = psephos_import_add_source (imp, &source, &error);
      g_assert_cmpint (id, <=, 0);
      g_assert_nonnull (error);
      g_test_message ("import refused: %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, f->path));
      psephos_import_rollback (g_steal_pointer (&imp));
      g_clear_object (&store);
      if (cli_path () != NULL)
        {
          g_autofree char *csv = make_results_csv (f->dir);

          g_free (assert_cli_refuses (f->path, "import", csv, NULL));
        }
    }
  after = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  assert_canary_quiet (f);
}

/* ---- a read-only file ------------------------------------------------------ */

static void
test_read_only_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosImport) imp = NULL;
  g_autoptr (GPtrArray) elections = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);

  make_real_store (f->path);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  before = psephos_test_file_checksum (f->path);

  /* Readable… */
  store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  elections = psephos_store_list_elections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elections->len, ==, 1);

  /* …but no import, even for root, who could write it anyway. */
  imp = psephos_store_begin_import (store, &error);
  g_assert_null (imp);
  g_assert_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_READ_ONLY);
  g_assert_true (g_str_has_prefix (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_object (&store);

  if (cli_path () != NULL)
    {
      g_autofree char *csv = make_results_csv (f->dir);
      g_autofree char *line = assert_cli_refuses (f->path, "import", csv, NULL);

      g_assert_nonnull (strstr (line, "read-only"));
    }
  after = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* ---- a file locked by another process ---------------------------------------- */

/* Forks a process that holds an exclusive lock on @path until told to stop
 * (by closing *@stop_fd); returns its pid once the lock is held. */
static pid_t
lock_in_child (const char *path, int *stop_fd)
{
  int ready[2], stop[2];
  pid_t pid;
  char c = 0;

  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (stop), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;
      int ok;

      close (ready[0]);
      close (stop[1]);
      ok = sqlite3_open (path, &db) == SQLITE_OK
           && sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK;
      c = ok ? 'L' : 'E';
      if (write (ready[1], &c, 1) != 1)
        _exit (2);
      /* Hold the lock until the parent closes its end. */
      while (read (stop[0], &c, 1) > 0)
        ;
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (db);
      _exit (ok ? 0 : 1);
    }
  close (ready[1]);
  close (stop[0]);
  g_assert_cmpint (read (ready[0], &c, 1), ==, 1);
  close (ready[0]);
  g_assert_cmpint (c, ==, 'L');
  *stop_fd = stop[1];
  return pid;
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int stop_fd = -1, status = 0;
  pid_t pid;

  make_real_store (f->path);
  before = psephos_test_file_checksum (f->path);
  pid = lock_in_child (f->path, &stop_fd);

  assert_open_refused (f->path, PSEPHOS_STORE_OPEN_READ_ONLY, PSEPHOS_STORE_ERROR_BUSY, NULL);
  assert_open_refused (f->path, PSEPHOS_STORE_OPEN_DEFAULT, PSEPHOS_STORE_ERROR_BUSY, NULL);
  if (cli_path () != NULL)
    {
      g_autofree char *csv = make_results_csv (f->dir);

      g_free (assert_cli_refuses (f->path, "tree", NULL));
      g_free (assert_cli_refuses (f->path, "import", csv, NULL));
    }

  close (stop_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  after = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Once the other process lets go, the store is fine. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PsephosStore) store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (psephos_store_check (store, &error));
    g_assert_no_error (error);
  }
}

int
main (int argc, char **argv)
{
  g_autofree char *cache = psephos_test_make_dir ("psephos-hostile-cache");
  int status;

  /* A cache folder of the tests' own, where opened stores are noted (not
   * G_TEST_OPTION_ISOLATE_DIRS: GLib keeps every folder name it replaces). */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  /* A child holding a lock must not take the test down with SIGPIPE. */
  signal (SIGPIPE, SIG_IGN);

#define ADD(path, func, data) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/hostile/corrupt-page/flipped-header", test_corrupt_page, GINT_TO_POINTER (DAMAGE_FLIP_HEADER));
  ADD ("/hostile/corrupt-page/cell-pointers", test_corrupt_page, GINT_TO_POINTER (DAMAGE_CELL_POINTERS));
  ADD ("/hostile/corrupt-page/cell-count", test_corrupt_page, GINT_TO_POINTER (DAMAGE_CELL_COUNT));
  ADD ("/hostile/corrupt-page/after-noted-checked", test_corrupt_page, GINT_TO_POINTER (DAMAGE_CELL_POINTERS | DAMAGE_AFTER_NOTED));
  ADD ("/hostile/billion-pages", test_billion_pages, NULL);
  ADD ("/hostile/billion-row-statistics", test_billion_row_statistics, NULL);
  ADD ("/hostile/triggers-and-views", test_triggers_and_views, NULL);
  ADD ("/hostile/disguised-trigger", test_disguised_trigger, NULL);
  ADD ("/hostile/schema-expressions", test_schema_expressions, NULL);
  ADD ("/hostile/check-calls-function", test_check_calls_function, NULL);
  ADD ("/hostile/read-only-file", test_read_only_file, NULL);
  ADD ("/hostile/locked", test_locked, NULL);
#undef ADD

  status = g_test_run ();
  psephos_test_remove_dir (cache);
  return status;
}
