/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash.c — crash safety: an import killed (SIGKILL) halfway leaves the
 * store exactly as it was before the import, and an export killed halfway
 * never leaves a half-written file under the target name.
 *
 * The import is killed twice over: in a child process that writes through
 * the store API with a tiny page cache (so that SQLite must spill changed
 * pages into the file mid-transaction, the hard case for recovery), and as
 * `psephos-cli import` of a generated 400,000-row official results file. */
#include "config.h"

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
  f->dir = psephos_test_make_dir ("psephos-crash");
  f->path = g_build_filename (f->dir, "crash.psephos", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  psephos_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("PSEPHOS_CLI");

  return cli != NULL && *cli != '\0' && g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE) ? cli : NULL;
}

/* Runs psephos-cli with @argv (NULL-terminated, without the program);
 * returns its exit status, standard output in *@out when asked. */
static int
run_cli (const char *const *args, char **out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autofree char *ignored = NULL;
  int status = 0;

  if (out == NULL)
    out = &ignored; /* keep it out of the TAP stream */
  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, &err, &status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("psephos-cli %s: %s", args[2], err);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* A store with one small election in it, as a person would have it. */
static void
make_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = psephos_store_open (path, PSEPHOS_STORE_OPEN_CREATE, &error);
  g_autoptr (PsephosImport) imp = NULL;
  PsephosSource source = {
    .kind = PSEPHOS_SOURCE_OFFICIAL,
    .file = (char *) "before.csv",
    .body = (char *) "",
    .content_hash = (char *) "1111111111111111111111111111111111111111111111111111111111111111",
  };
  gint64 election, state, seat, contest, party;

  g_assert_no_error (error);
  imp = psephos_store_begin_import (store, &error);
  g_assert_no_error (error);
  psephos_import_add_source (imp, &source, &error);
  election = psephos_import_ensure_election (imp, "Jharkhand Assembly 2024", PSEPHOS_ELECTION_ASSEMBLY, 2024, &error);
  state = psephos_import_ensure_state (imp, "Jharkhand", "JH", "S27", &error);
  seat = psephos_import_ensure_seat (imp, state, PSEPHOS_HOUSE_ASSEMBLY, 1, "Rajmahal", "GEN", &error);
  contest = psephos_import_ensure_contest (imp, election, seat, &error);
  party = psephos_import_ensure_party (imp, "Jharkhand Mukti Morcha", "JMM", NULL, &error);
  g_assert_no_error (error);
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Candidate %d", i);
      gint64 person = psephos_import_add_person (imp, name, &error);

      psephos_import_add_candidacy (imp, contest, person, party, name, 1000 * i, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error);
      g_assert_no_error (error);
    }
  g_assert_true (psephos_import_commit (g_steal_pointer (&imp), &error));
  g_assert_no_error (error);
}

/* What a person sees of the store: elections, seats, candidates. */
static char *
describe_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = psephos_store_open (path, PSEPHOS_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (GPtrArray) elections = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GString) s = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_true (psephos_store_check (store, &error));
  g_assert_no_error (error);
  elections = psephos_store_list_elections (store, &error);
  g_assert_no_error (error);
  sources = psephos_store_list_sources (store, &error);
  g_assert_no_error (error);
  g_string_append_printf (s, "%u sources\n", sources->len);
  for (guint i = 0; i < elections->len; i++)
    {
      PsephosElection *e = elections->pdata[i];
      g_autoptr (GPtrArray) seats = psephos_store_list_seats (store, e->id, 0, &error);

      g_assert_no_error (error);
      g_string_append_printf (s, "%s: %u seats\n", e->name, seats->len);
      for (guint j = 0; j < seats->len; j++)
        {
          PsephosSeatRow *seat = seats->pdata[j];
          g_autoptr (GPtrArray) cands = psephos_store_list_candidacies (store, seat->contest_id, &error);

          g_assert_no_error (error);
          for (guint k = 0; k < cands->len; k++)
            {
              PsephosCandidacy *c = cands->pdata[k];
              g_string_append_printf (s, "  %s %s %" G_GINT64_FORMAT "\n", seat->name, c->name, c->votes);
            }
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
journal_is_hot (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *data = NULL;
  gsize len = 0;

  return g_file_get_contents (journal, &data, &len, NULL) && len > 0 && data[0] != 0;
}

/* TRUE when @journal exists and is not what @before saw. */
static gboolean
journal_changed (const char *journal, const GStatBuf *before)
{
  GStatBuf st;

  if (g_stat (journal, &st) != 0)
    return FALSE;
  return st.st_ino != before->st_ino || st.st_size != before->st_size
         || st.st_mtim.tv_sec != before->st_mtim.tv_sec || st.st_mtim.tv_nsec != before->st_mtim.tv_nsec;
}

/* ---- the import, killed: through the API, pages spilled ------------------ */

static void
test_import_killed_spilled (Fixture *f, gconstpointer data)
{
  g_autofree char *before_sum = NULL;
  g_autofree char *before_view = NULL;
  g_autofree char *after_sum = NULL;
  g_autofree char *after_view = NULL;
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  int ready[2];
  int status = 0;
  char c = 0;
  pid_t pid;

  make_store (f->path);
  before_view = describe_store (f->path);
  before_sum = psephos_test_file_checksum (f->path);

  g_assert_cmpint (pipe (ready), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PsephosStore) store = psephos_store_open (f->path, PSEPHOS_STORE_OPEN_DEFAULT, &error);
      PsephosImport *imp;
      gint64 election, state;

      close (ready[0]);
      if (store == NULL || (imp = psephos_store_begin_import (store, &error)) == NULL)
        _exit (3);
      /* A page cache of ten pages: changed pages must go to the file long
       * before the commit. */
      sqlite3_exec (_psephos_import_get_db (imp), "PRAGMA cache_size = 10", NULL, NULL, NULL);
      election = psephos_import_ensure_election (imp, "Jharkhand Assembly 2019", PSEPHOS_ELECTION_ASSEMBLY, 2019, &error);
      state = psephos_import_ensure_state (imp, "Jharkhand", "JH", "S27", &error);
      for (int i = 1;; i++)
        {
          g_autofree char *name = g_strdup_printf ("Seat number %d with a long name", i);
          gint64 seat = psephos_import_ensure_seat (imp, state, PSEPHOS_HOUSE_ASSEMBLY, i, name, "GEN", &error);
          gint64 person = psephos_import_add_person (imp, name, &error);
          gint64 contest = psephos_import_ensure_contest (imp, election, seat, &error);

          psephos_import_add_candidacy (imp, contest, person, 0, name, i, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error);
          if (error != NULL)
            _exit (4);
          /* Halfway: tell the parent, and keep writing until killed. */
          if (i == 20000 && write (ready[1], "x", 1) != 1)
            _exit (5);
        }
    }
  close (ready[1]);
  g_assert_cmpint (read (ready[0], &c, 1), ==, 1);
  close (ready[0]);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  /* The killed transaction did change the file: only the journal can undo it. */
  g_assert_true (journal_is_hot (f->path));
  after_sum = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before_sum, !=, after_sum);
  g_clear_pointer (&after_sum, g_free);

  /* Opening it (even for reading) rolls the interrupted import back. */
  after_view = describe_store (f->path);
  g_assert_cmpstr (before_view, ==, after_view);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  after_sum = psephos_test_file_checksum (f->path);
  g_assert_cmpstr (before_sum, ==, after_sum);
}

/* ---- the import, killed: psephos-cli on a large official file ---------------- */

#define BIG_ROWS 400000

/* BIG_ROWS rows in the india-votes-data assembly format: 40,000 seats of ten
 * candidates, an election the store does not have yet. */
static char *
make_big_csv (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "2019Assembly-JH-big.csv", NULL);
  g_autoptr (GString) s = g_string_sized_new (BIG_ROWS * 80);
  g_autoptr (GError) error = NULL;

  g_string_append (s, "election_year,election_type,election_state,constituency,constituency_no,serial_no,candidate,party,evm_votes,postal_votes\n");
  for (int row = 0; row < BIG_ROWS; row++)
    {
      int seat = row / 10 + 1, serial = row % 10 + 1;

      g_string_append_printf (s, "2019,Assembly,JH,SEAT %d,%d,%d,CANDIDATE %d OF SEAT %d,%s,%d,%d\n",
                              seat, seat, serial, serial, seat,
                              serial % 2 ? "Jharkhand Mukti Morcha" : "Bharatiya Janata Party",
                              1000 + (int) (((gint64) row * 7919) % 90000), row % 500);
    }
  g_file_set_contents (path, s->str, s->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_import_killed_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *big = NULL;
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *before_sum = NULL;
  g_autofree char *before_tree = NULL;
  /* Kill points after the transaction began (the journal appeared): at
   * once, and later on (by 6 s the import has outgrown SQLite's page cache
   * and changed pages are in the file itself). */
  const guint delays_ms[] = { 0, 300, 1500, 6000 };
  guint n_killed = 0;

  if (cli_path () == NULL)
    {
      g_test_skip ("PSEPHOS_CLI is not set");
      return;
    }
  make_store (f->path);
  big = make_big_csv (f->dir);
  {
    const char *args[] = { "--store", f->path, "tree", "--format", "jsonl", NULL };

    g_assert_cmpint (run_cli (args, &before_tree), ==, 0);
  }
  before_sum = psephos_test_file_checksum (f->path);

  for (guint k = 0; k < G_N_ELEMENTS (delays_ms); k++)
    {
      g_autoptr (GError) error = NULL;
      const char *argv[] = { cli_path (), "--store", f->path, "import", big, NULL };
      g_autoptr (GTimer) timer = g_timer_new ();
      g_autofree char *after_sum = NULL;
      g_autofree char *after_tree = NULL;
      GPid pid;
      int status = 0;
      gboolean exited = FALSE;
      GStatBuf before_journal = { 0 };

      if (g_stat (journal, &before_journal) != 0)
        memset (&before_journal, 0, sizeof before_journal);

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      /* Wait for the transaction to start: the journal appears, or (when
       * an earlier kill left a cold one) is written anew. */
      while (!journal_changed (journal, &before_journal) && g_timer_elapsed (timer, NULL) < 120)
        {
          if (waitpid (pid, &status, WNOHANG) == pid)
            {
              exited = TRUE;
              break;
            }
          g_usleep (2000);
        }
      g_assert_false (exited);
      g_usleep (delays_ms[k] * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      if (!WIFSIGNALED (status))
        {
          /* It finished before the kill: too fast a machine for this delay. */
          g_test_message ("import finished within %u ms of starting; no kill", delays_ms[k]);
          g_test_incomplete ("the import finished before it could be killed");
          return;
        }
      n_killed++;
      g_test_message ("killed %.2f s after start (%u ms into the transaction), journal %s",
                      g_timer_elapsed (timer, NULL), delays_ms[k],
                      journal_is_hot (f->path) ? "hot" : "present but not hot");

      /* psephos-cli check rolls back what is left and finds the store whole… */
      {
        const char *args[] = { "--store", f->path, "check", NULL };

        g_assert_cmpint (run_cli (args, NULL), ==, 0);
      }
      /* (Killed after its COMMIT, while it was tidying up to exit: the big
       * file is a source, which the import's one transaction adds first,
       * so all of it is in. Not a kill mid-import: too fast a machine.) */
      {
        const char *args[] = { "--store", f->path, "sources", "--format", "jsonl", NULL };
        g_autofree char *sources = NULL;

        g_assert_cmpint (run_cli (args, &sources), ==, 0);
        if (strstr (sources, "2019Assembly-JH-big.csv") != NULL)
          {
            g_test_message ("killed %u ms into the import, after it committed", delays_ms[k]);
            g_test_incomplete ("the import committed before it could be killed");
            return;
          }
      }
      /* (A journal that was never synced is not hot: SQLite ignores it and
       * the next import replaces it.) */
      g_assert_false (journal_is_hot (f->path));
      /* …exactly as before, byte for byte and as the tree shows it. */
      after_sum = psephos_test_file_checksum (f->path);
      g_assert_cmpstr (before_sum, ==, after_sum);
      {
        const char *args[] = { "--store", f->path, "tree", "--format", "jsonl", NULL };

        g_assert_cmpint (run_cli (args, &after_tree), ==, 0);
      }
      g_assert_cmpstr (before_tree, ==, after_tree);
    }
  g_assert_cmpuint (n_killed, ==, G_N_ELEMENTS (delays_ms));
}

/* ---- the export, killed ------------------------------------------------------- */

static gboolean
is_complete_png (const char *data, gsize len)
{
  static const char signature[8] = "\x89PNG\r\n\x1a\n";
  static const char iend[8] = "IEND\xae\x42\x60\x82";

  return len > 16 && memcmp (data, signature, 8) == 0 && memcmp (data + len - 8, iend, 8) == 0;
}

static void
test_export_killed (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *reference = NULL;
  g_autofree char *old = g_strdup ("an older chart the person keeps\n");
  g_autoptr (GTimer) timer = NULL;
  gsize reference_len = 0;
  double full;
  guint n_killed = 0, n_old = 0, n_new = 0;
  const char *argv[] = { cli_path (), "--store", f->path, "export-chart", "--chart", "tally",
                         "--width", "4000", "--height", "3000", "--output", target, NULL };

  if (cli_path () == NULL)
    {
      g_test_skip ("PSEPHOS_CLI is not set");
      return;
    }
  make_store (f->path);
  /* A reference export, timed. */
  timer = g_timer_new ();
  {
    g_autoptr (GError) error = NULL;
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
      {
        g_test_skip ("psephos-cli export-chart --chart tally does not work here");
        return;
      }
    full = g_timer_elapsed (timer, NULL);
    g_assert_true (g_file_get_contents (target, &reference, &reference_len, NULL));
    g_assert_true (is_complete_png (reference, reference_len));
  }
  g_test_message ("a full export takes %.3f s", full);

  /* Kill it at points spread over its run; the target holds either the old
   * file or the whole new one, never part of one. */
  for (guint k = 0; k < 12; k++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *now = NULL;
      gsize now_len = 0;
      GPid pid;
      int status = 0;

      g_assert_true (g_file_set_contents (target, old, -1, NULL));
      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep ((gulong) (full * 1e6 * (k + 1) / 13));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      if (WIFSIGNALED (status))
        n_killed++;
      g_assert_true (g_file_get_contents (target, &now, &now_len, NULL));
      if (g_str_equal (now, old))
        n_old++;
      else
        {
          g_assert_true (is_complete_png (now, now_len));
          g_assert_cmpmem (now, now_len, reference, reference_len);
          n_new++;
        }
    }
  g_test_message ("%u of 12 exports killed; target old %u times, new and whole %u times", n_killed, n_old, n_new);
  g_assert_cmpuint (n_killed, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/crash/import-killed/spilled-pages", test_import_killed_spilled);
  ADD ("/crash/import-killed/cli-400k-rows", test_import_killed_cli);
  ADD ("/crash/export-killed", test_export_killed);
#undef ADD

  return g_test_run ();
}
