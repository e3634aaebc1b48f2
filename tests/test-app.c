/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app.c — widget tests of the desktop app. They need a display: run the
 * suite under `dbus-run-session -- xvfb-run -a meson test -C build`, with
 * GTK_A11Y=test (set in tests/meson.build). Without a display they skip.
 *
 * The store is the sample store ($PSEPHOS_SAMPLE_STORE, made from the four
 * sample articles) when it holds Dehra; otherwise the test writes a small
 * store with the store API from the seed article 000, so the UI is tested
 * either way. */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sqlite3.h>
#include <string.h>

#include "psephos-article-view.h"
#include "psephos-export-dialog.h"
#include "psephos-citation-button.h"
#include "psephos-format.h"
#include "psephos-import-dialog.h"
#include "psephos-seat-page.h"
#include "psephos-tree-item.h"
#include "psephos-window.h"

static char *tmpdir;
static char *store_path; /* a private copy the tests may write to */

/* ---- helpers -------------------------------------------------------------- */

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
spin_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The citation button next to @label in the same cell or stat, if any. */
static PsephosCitationButton *
citation_beside (GtkWidget *label)
{
  for (GtkWidget *c = gtk_widget_get_next_sibling (label); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (PSEPHOS_IS_CITATION_BUTTON (c))
      return PSEPHOS_CITATION_BUTTON (c);
  return NULL;
}

/* With $PSEPHOS_SCREENSHOTS set, saves the screen there (for people to look). */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("PSEPHOS_SCREENSHOTS");
  g_autofree char *path = NULL;
  const char *argv[] = { "import", "-window", "root", NULL, NULL };

  if (dir == NULL)
    return;
  spin (300);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  argv[3] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
}

static char *
read_seed (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "articles", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static gint64
offset_of (const char *text, const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

/* A store with Dehra written through the store API, from seed 000's text;
 * with @conflict, a second report gives Kamlesh Thakur 32,000 votes. */
static void
write_fixture_store_full (const char *path, gboolean conflict)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = psephos_store_open (path, PSEPHOS_STORE_OPEN_CREATE, &error);
  g_autoptr (PsephosImport) imp = NULL;
  g_autofree char *body = read_seed ("000_58089e2b2115eede.txt");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  gint64 election, state, seat, inc, bjp, contest, kamlesh, hoshiyar, c1, c2, source;
  PsephosSource src = { 0 };
  const struct
  {
    const char *quote;
    const char *attribute;
    double number;
    gboolean first;
  } facts[] = {
    { "32,737 votes", "votes", 32737, TRUE },
    { "23,338 votes", "votes", 23338, FALSE },
    { "9,399 votes over", "margin", 9399, TRUE },
  };

  g_assert_no_error (error);
  imp = psephos_store_begin_import (store, &error);
  g_assert_no_error (error);
  election = psephos_import_ensure_election (imp, "Assembly bypolls July 2024", PSEPHOS_ELECTION_BYPOLL, 2024, &error);
  state = psephos_import_ensure_state (imp, "Himachal Pradesh", "HP", "S08", &error);
  seat = psephos_import_ensure_seat (imp, state, PSEPHOS_HOUSE_ASSEMBLY, 10, "Dehra", "GEN", &error);
  inc = psephos_import_ensure_party (imp, "Indian National Congress", "INC", "#19aaed", &error);
  bjp = psephos_import_ensure_party (imp, "Bharatiya Janata Party", "BJP", "#ff9933", &error);
  contest = psephos_import_ensure_contest (imp, election, seat, &error);
  kamlesh = psephos_import_add_person (imp, "Kamlesh Thakur", &error);
  hoshiyar = psephos_import_add_person (imp, "Hoshiyar Singh", &error);
  psephos_import_add_alias (imp, hoshiyar, "Hoshyar Singh", &error);
  c1 = psephos_import_add_candidacy (imp, contest, kamlesh, inc, "Kamlesh Thakur", 32737, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error);
  c2 = psephos_import_add_candidacy (imp, contest, hoshiyar, bjp, "Hoshiyar Singh", 23338, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error);
  g_assert_no_error (error);

  src.kind = PSEPHOS_SOURCE_ARTICLE;
  src.file = (char *) "000_58089e2b2115eede.txt";
  src.title = (char *) "Himachal Bypoll Results: Kamlesh Thakur won by a margin of 9,399 votes.";
  src.publisher = (char *) "Sample";
  src.published_on = (char *) "2024-07-13";
  src.body = body;
  src.content_hash = hash;
  source = psephos_import_add_source (imp, &src, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      g_autoptr (PsephosFact) f = psephos_fact_new ();
      gint64 start = offset_of (body, facts[i].quote);

      f->source_id = source;
      f->subject_kind = PSEPHOS_SUBJECT_CANDIDATE;
      f->election_id = election;
      f->contest_id = contest;
      f->candidacy_id = facts[i].first ? c1 : c2;
      f->person_id = facts[i].first ? kamlesh : hoshiyar;
      f->party_id = facts[i].first ? inc : bjp;
      f->attribute = g_strdup (facts[i].attribute);
      f->has_number = TRUE;
      f->number = facts[i].number;
      f->qualifier = PSEPHOS_QUALIFIER_EXACT;
      f->start = start;
      f->end = start + g_utf8_strlen (facts[i].quote, -1);
      f->quote = g_strdup (facts[i].quote);
      f->row = -1;
      psephos_import_add_fact (imp, f, &error);
      g_assert_no_error (error);
    }
  if (conflict)
    {
      const char *other = "Dehra bypoll: Kamlesh Thakur of the Congress polled 32,000 votes.";
      g_autofree char *other_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, other, -1);
      PsephosSource src2 = { 0 };
      g_autoptr (PsephosFact) f = psephos_fact_new ();
      gint64 source2, start = offset_of (other, "32,000 votes");

      src2.kind = PSEPHOS_SOURCE_ARTICLE;
      src2.file = (char *) "other-report.txt";
      src2.title = (char *) "Dehra bypoll";
      src2.publisher = (char *) "Another paper";
      src2.published_on = (char *) "2024-07-14";
      src2.body = (char *) other;
      src2.content_hash = other_hash;
      source2 = psephos_import_add_source (imp, &src2, &error);
      g_assert_no_error (error);
      f->source_id = source2;
      f->subject_kind = PSEPHOS_SUBJECT_CANDIDATE;
      f->election_id = election;
      f->contest_id = contest;
      f->candidacy_id = c1;
      f->person_id = kamlesh;
      f->party_id = inc;
      f->attribute = g_strdup ("votes");
      f->has_number = TRUE;
      f->number = 32000;
      f->qualifier = PSEPHOS_QUALIFIER_EXACT;
      f->start = start;
      f->end = start + 12;
      f->quote = g_strdup ("32,000 votes");
      f->row = -1;
      psephos_import_add_fact (imp, f, &error);
      g_assert_no_error (error);
    }
  g_assert_true (psephos_import_commit (g_steal_pointer (&imp), &error));
  g_assert_no_error (error);
}

static void
write_fixture_store (const char *path)
{
  write_fixture_store_full (path, FALSE);
}

static gboolean
store_has_dehra (const char *path)
{
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GPtrArray) elections = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  store = psephos_store_open (path, PSEPHOS_STORE_OPEN_READ_ONLY, NULL);
  if (store == NULL)
    return FALSE;
  elections = psephos_store_list_elections (store, NULL);
  for (guint i = 0; elections != NULL && i < elections->len; i++)
    {
      PsephosElection *e = g_ptr_array_index (elections, i);
      g_autoptr (PsephosSeatRow) seat = psephos_store_find_seat (store, e->id, NULL, "Dehra", NULL);

      if (seat != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
prepare_store (void)
{
  const char *sample = g_getenv ("PSEPHOS_SAMPLE_STORE");
  g_autoptr (GError) error = NULL;

  tmpdir = g_dir_make_tmp ("psephos-test-app-XXXXXX", &error);
  g_assert_no_error (error);
  store_path = g_build_filename (tmpdir, "test.psephos", NULL);
  if (store_has_dehra (sample))
    {
      g_autoptr (GFile) from = g_file_new_for_path (sample);
      g_autoptr (GFile) to = g_file_new_for_path (store_path);

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
      g_test_message ("Using the sample store %s", sample);
    }
  else
    {
      g_test_message ("The sample store has no Dehra yet: writing a store from seed 000");
      write_fixture_store (store_path);
    }
}

static gboolean
window_loaded (gpointer data)
{
  return !psephos_window_is_loading (PSEPHOS_WINDOW (data));
}

static PsephosWindow *
open_window (void)
{
  PsephosWindow *win = psephos_window_new (NULL, store_path);

  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (spin_until (window_loaded, win, 20000));
  spin (200);
  g_assert_nonnull (psephos_window_get_session (win));
  return win;
}

static void
close_window (PsephosWindow *win)
{
  GtkWidget *weak = GTK_WIDGET (win);

  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (win));
  spin (50);
  g_assert_null (weak);
}

/* Finds Dehra's contest id through the store. */
static gint64
dehra_contest (PsephosWindow *win)
{
  PsephosSession *session = psephos_window_get_session (win);
  g_autoptr (PsephosSeatRow) seat = psephos_store_find_seat (psephos_session_get_store (session),
                                                             psephos_session_get_election_id (session),
                                                             "Himachal Pradesh", "Dehra", NULL);

  if (seat == NULL)
    {
      /* Dehra may belong to another election of the store. */
      GPtrArray *elections = psephos_session_get_elections (session);

      for (guint i = 0; i < elections->len && seat == NULL; i++)
        {
          PsephosElection *e = g_ptr_array_index (elections, i);

          seat = psephos_store_find_seat (psephos_session_get_store (session), e->id, "Himachal Pradesh", "Dehra", NULL);
          if (seat != NULL)
            psephos_window_set_election (win, e->name);
        }
    }
  g_assert_nonnull (seat);
  return seat->contest_id;
}

/* Selects Himachal Pradesh, expands it, then selects Dehra, as the arrow keys would. */
static void
select_dehra (PsephosWindow *win)
{
  GtkListView *view = psephos_window_get_tree_view (win);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (view));
  GListModel *model = gtk_single_selection_get_model (selection);
  gint64 contest = dehra_contest (win);
  guint n, state_pos = GTK_INVALID_LIST_POSITION, seat_pos = GTK_INVALID_LIST_POSITION;

  spin (50);
  model = gtk_single_selection_get_model (selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && state_pos == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr (PsephosTreeItem) item = gtk_tree_list_row_get_item (row);

      if (psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_STATE && g_strcmp0 (psephos_tree_item_get_title (item), "Himachal Pradesh") == 0)
        {
          state_pos = i;
          gtk_single_selection_set_selected (selection, i);
          g_assert_cmpstr (psephos_window_get_visible_page (win), ==, "state");
          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  g_assert_cmpuint (state_pos, !=, GTK_INVALID_LIST_POSITION);
  n = g_list_model_get_n_items (model);
  for (guint i = state_pos + 1; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr (PsephosTreeItem) item = gtk_tree_list_row_get_item (row);

      if (psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_SEAT && psephos_tree_item_get_id (item) == contest)
        {
          seat_pos = i;
          break;
        }
    }
  g_assert_cmpuint (seat_pos, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, seat_pos);
  spin (200);
  g_assert_cmpstr (psephos_window_get_visible_page (win), ==, "seat");
}

/* The Kamlesh Thakur votes fact from seed 000 behind the seat page's citation. */
static PsephosFact *
kamlesh_votes_citation (PsephosWindow *win)
{
  GtkWidget *page = psephos_window_get_page (win, "seat");
  GtkWidget *name = find_label (page, "Kamlesh Thakur");
  GtkWidget *votes = find_label (page, "32,737");
  PsephosCitationButton *cite;
  GPtrArray *facts;
  PsephosSession *session = psephos_window_get_session (win);

  g_assert_nonnull (name);
  g_assert_nonnull (votes);
  cite = citation_beside (votes);
  g_assert_nonnull (cite);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cite)));
  facts = psephos_citation_button_get_facts (cite);
  g_assert_nonnull (facts);
  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (facts, i);
      const PsephosSource *s = psephos_session_lookup_source (session, f->source_id);

      g_assert_cmpstr (f->attribute, ==, "votes");
      g_assert_cmpfloat (f->number, ==, 32737);
      if (s != NULL && s->file != NULL && g_str_has_prefix (s->file, "000_"))
        return f;
    }
  g_assert_not_reached ();
}

/* ---- tests ------------------------------------------------------------------ */

static void
test_format (void)
{
  g_autofree char *a = psephos_format_count_full (124053, PSEPHOS_GROUPING_INDIAN, ",");
  g_autofree char *b = psephos_format_count_full (124053, PSEPHOS_GROUPING_WESTERN, ",");
  g_autofree char *c = psephos_format_count_full (642315837, PSEPHOS_GROUPING_INDIAN, ",");
  g_autofree char *d = psephos_format_count_full (999, PSEPHOS_GROUPING_INDIAN, ",");
  g_autofree char *e = psephos_format_count_full (-1, PSEPHOS_GROUPING_INDIAN, ",");
  g_autofree char *f = psephos_format_count_full (32737, PSEPHOS_GROUPING_INDIAN, ",");

  g_assert_cmpstr (a, ==, "1,24,053");
  g_assert_cmpstr (b, ==, "124,053");
  g_assert_cmpstr (c, ==, "64,23,15,837");
  g_assert_cmpstr (d, ==, "999");
  g_assert_cmpstr (e, ==, "—");
  g_assert_cmpstr (f, ==, "32,737");
  g_assert_cmpint (psephos_grouping_for_locale ("en_IN.UTF-8"), ==, PSEPHOS_GROUPING_INDIAN);
  g_assert_cmpint (psephos_grouping_for_locale ("hi_IN"), ==, PSEPHOS_GROUPING_INDIAN);
  g_assert_cmpint (psephos_grouping_for_locale ("hi"), ==, PSEPHOS_GROUPING_INDIAN);
  g_assert_cmpint (psephos_grouping_for_locale ("en_US.UTF-8"), ==, PSEPHOS_GROUPING_WESTERN);
  g_assert_cmpint (psephos_grouping_for_locale ("de_DE"), ==, PSEPHOS_GROUPING_WESTERN);
  g_assert_cmpint (psephos_grouping_for_locale (NULL), ==, PSEPHOS_GROUPING_WESTERN);

  /* The app's own formatter follows the person's locale settings. */
  {
    g_autofree char *saved = g_strdup (g_getenv ("LC_ALL"));
    g_autofree char *indian = NULL;
    g_autofree char *western = NULL;

    g_setenv ("LC_ALL", "en_IN.UTF-8", TRUE);
    indian = psephos_format_count (124053);
    g_setenv ("LC_ALL", "en_GB.UTF-8", TRUE);
    western = psephos_format_count (124053);
    if (saved != NULL)
      g_setenv ("LC_ALL", saved, TRUE);
    else
      g_unsetenv ("LC_ALL");
    g_assert_cmpstr (indian, ==, "1,24,053");
    g_assert_cmpstr (western, ==, "124,053");
  }
}

/* Right expands a state, Left collapses it, as in any tree. */
static void
test_tree_arrow_keys (void)
{
  PsephosWindow *win = open_window ();
  GtkListView *view = psephos_window_get_tree_view (win);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (view));
  GListModel *model = gtk_single_selection_get_model (selection);
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  GtkEventController *keys = NULL;
  g_autoptr (GtkTreeListRow) row = NULL;
  gboolean handled = FALSE;
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n && keys == NULL; i++)
    {
      g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c) && gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE)
        keys = c;
    }
  g_object_unref (controllers);
  g_assert_nonnull (keys);

  /* Row 1 is the first state (row 0 the overview). */
  gtk_single_selection_set_selected (selection, 1);
  row = g_list_model_get_item (model, 1);
  g_assert_true (gtk_tree_list_row_is_expandable (row));
  g_assert_false (gtk_tree_list_row_get_expanded (row));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 114, 0, &handled);
  g_assert_true (handled);
  g_assert_true (gtk_tree_list_row_get_expanded (row));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Left, 113, 0, &handled);
  g_assert_false (gtk_tree_list_row_get_expanded (row));
  close_window (win);
}

static void
test_window_accessible (void)
{
  PsephosWindow *win = open_window ();
  GtkListView *view = psephos_window_get_tree_view (win);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_LIST);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_cmpstr (psephos_window_get_visible_page (win), ==, "election");
  close_window (win);
}

static void
test_seat_page_lists_candidates (void)
{
  PsephosWindow *win = open_window ();
  PsephosFact *fact;

  select_dehra (win);
  fact = kamlesh_votes_citation (win);
  g_assert_cmpstr (fact->quote, ==, "32,737 votes");
  close_window (win);
}

static gboolean
selected_is_candidate (gpointer data)
{
  PsephosTreeItem *item = psephos_window_get_selected_item (PSEPHOS_WINDOW (data));

  return item != NULL && psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_CANDIDATE;
}

static void
test_citation_opens_article (void)
{
  PsephosWindow *win = open_window ();
  PsephosArticleView *view = PSEPHOS_ARTICLE_VIEW (psephos_window_get_page (win, "sources"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (psephos_article_view_get_text_view (view));
  PsephosSession *session = psephos_window_get_session (win);
  PsephosFact *fact;
  gint64 source_id, fact_id, start_offset;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  g_autofree char *seed = read_seed ("000_58089e2b2115eede.txt");
  g_autoptr (PsephosSource) source = NULL;
  PsephosTreeItem *item;

  select_dehra (win);
  fact = kamlesh_votes_citation (win);
  source_id = fact->source_id;
  fact_id = fact->id;
  start_offset = fact->start;

  /* Open the citation: the reader shows seed 000 with the span selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-fact", "(xxx)", source_id, fact_id, (gint64) -1));
  spin (100);
  g_assert_cmpstr (psephos_window_get_visible_page (win), ==, "sources");
  g_assert_cmpint (psephos_article_view_get_source_id (view), ==, source_id);
  g_assert_cmpint (psephos_article_view_get_selected_fact (view), ==, fact_id);
  source = psephos_store_get_source (psephos_session_get_store (session), source_id, NULL);
  g_assert_nonnull (source);
  g_assert_true (g_str_has_prefix (source->file, "000_"));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "32,737 votes");
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, start_offset);
  /* The characters are the seed's own (the importer may have cleaned the
   * text, but the span's quote is what the seed says). */
  g_assert_nonnull (strstr (seed, selected));

  /* Activate the highlighted span: the tree selects Kamlesh Thakur. */
  g_assert_true (psephos_article_view_activate_at (view, (int) start_offset + 2));
  g_assert_true (spin_until (selected_is_candidate, win, 2000));
  g_assert_cmpstr (psephos_window_get_visible_page (win), ==, "candidate");
  item = psephos_window_get_selected_item (win);
  g_assert_cmpstr (psephos_tree_item_get_title (item), ==, "Kamlesh Thakur");
  close_window (win);
}

static void
test_span_by_keyboard (void)
{
  PsephosWindow *win = open_window ();
  PsephosArticleView *view = PSEPHOS_ARTICLE_VIEW (psephos_window_get_page (win, "sources"));
  GtkTextView *text = psephos_article_view_get_text_view (view);
  PsephosFact *fact;
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (win));

  select_dehra (win);
  fact = kamlesh_votes_citation (win);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-fact", "(xxx)", fact->source_id, fact->id, (gint64) -1);
  spin (100);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (text)) || !gtk_window_is_active (GTK_WINDOW (win)));
  (void) display;
  /* Enter on the selected span goes to its subject (the key controller). */
  {
    GtkEventController *keys = NULL;
    GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (text));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
      {
        g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (c) && g_strcmp0 (gtk_event_controller_get_name (c), "article-keys") == 0)
          keys = c;
      }
    g_object_unref (controllers);
    g_assert_nonnull (keys);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
    g_assert_true (handled);
  }
  g_assert_true (spin_until (selected_is_candidate, win, 2000));
  g_assert_cmpstr (psephos_tree_item_get_title (psephos_window_get_selected_item (win)), ==, "Kamlesh Thakur");
  close_window (win);
}

static gboolean
search_has_results (gpointer data)
{
  PsephosWindow *win = data;

  return psephos_window_is_search_ready (win) && g_list_model_get_n_items (psephos_window_get_search_results (win)) > 0;
}

static void
test_search_aliases (void)
{
  PsephosWindow *win = open_window ();
  GListModel *results;
  gboolean found = FALSE;

  dehra_contest (win); /* the election that holds Dehra */
  psephos_window_search (win, "hoshyar");
  g_assert_true (spin_until (search_has_results, win, 5000));
  results = psephos_window_get_search_results (win);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (PsephosTreeItem) item = g_list_model_get_item (results, i);

      if (psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_CANDIDATE)
        {
          g_assert_nonnull (strstr (psephos_tree_item_get_location (item), "Dehra"));
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* A seat by name, and a party. */
  psephos_window_search (win, "dehra");
  g_assert_cmpuint (g_list_model_get_n_items (psephos_window_get_search_results (win)), >, 0);
  psephos_window_search (win, "zzzz-no-such-place");
  g_assert_cmpuint (g_list_model_get_n_items (psephos_window_get_search_results (win)), ==, 0);
  close_window (win);
}

static void
test_damaged_store (void)
{
  PsephosWindow *win = open_window ();
  PsephosSession *before = psephos_window_get_session (win);
  g_autofree char *garbage = g_build_filename (tmpdir, "garbage.psephos", NULL);
  g_autofree char *damaged = g_build_filename (tmpdir, "damaged.psephos", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;

  /* Not a store at all. */
  g_assert_true (g_file_set_contents (garbage, "this is not a database\n", -1, NULL));
  g_assert_false (psephos_window_open_store (win, garbage, &error));
  g_assert_nonnull (error);
  g_assert_true (psephos_window_get_session (win) == before);
  g_assert_nonnull (strstr (psephos_window_get_last_message (win), "garbage.psephos"));
  g_clear_error (&error);

  /* Some other program's SQLite database. */
  {
    g_autofree char *foreign = g_build_filename (tmpdir, "foreign.sqlite", NULL);
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                                       "INSERT INTO notes (text) VALUES ('hello');",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
    g_assert_false (psephos_window_open_store (win, foreign, &error));
    g_assert_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_A_STORE);
    g_test_message ("foreign database: %s", error->message);
    g_assert_true (psephos_window_get_session (win) == before);
    g_clear_error (&error);
  }

  /* A real store with its pages scribbled over. */
  g_assert_true (g_file_get_contents (store_path, &contents, &len, NULL));
  for (gsize i = 4096; i < len && i < 4096 * 6; i += 7)
    contents[i] = (char) (contents[i] ^ 0x5a);
  g_assert_true (g_file_set_contents (damaged, contents, len, NULL));
  g_assert_false (psephos_window_open_store (win, damaged, &error));
  g_assert_nonnull (error);
  g_test_message ("damaged store: %s", error->message);
  g_assert_true (psephos_window_get_session (win) == before);
  /* The app keeps working with the store it had. */
  select_dehra (win);
  close_window (win);
}

static gboolean
import_done (gpointer data)
{
  return !psephos_import_dialog_is_running (PSEPHOS_IMPORT_DIALOG (data));
}

static guint
count_sources (void)
{
  g_autoptr (PsephosStore) store = psephos_store_open (store_path, PSEPHOS_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr (GPtrArray) sources = psephos_store_list_sources (store, NULL);

  return sources->len;
}

static void
test_bad_imports (void)
{
  PsephosWindow *win = open_window ();
  g_autofree char *binary = g_build_filename (tmpdir, "binary-article.txt", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "bad-row.csv", NULL);
  static const char bytes[] = "\x7f"
                              "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\xff\xfe\x00\x01";
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr (GFile) f1 = g_file_new_for_path (binary);
  g_autoptr (GFile) f2 = g_file_new_for_path (csv);
  PsephosImportDialog *dialog;
  guint sources_before = count_sources ();

  g_assert_true (g_file_set_contents (binary, bytes, sizeof bytes, NULL));
  /* A results file in a format Psephos reads, with one bad votes cell. */
  g_assert_true (g_file_set_contents (csv,
                                      "house,state_code,year,seat_key,constituency_no,constituency_name,constituency_type,"
                                      "valid_votes,nota_votes,electors,turnout,position,candidate,party,votes,vote_share,"
                                      "margin,sex,deposit_lost\n"
                                      "ac,HP,2022,HP-010,10,DEHRA,GEN,60000,,80000,75.00,1,SOME ONE,INC,30000,50.00,100,M,False\n"
                                      "ac,HP,2022,HP-010,10,DEHRA,GEN,60000,,80000,75.00,2,SOME BODY,BJP,29a00,49.83,,M,False\n",
                                      -1, NULL));
  g_list_store_append (files, f1);
  g_list_store_append (files, f2);

  dialog = psephos_import_dialog_new (GTK_WINDOW (win), store_path, G_LIST_MODEL (files));
  gtk_window_present (GTK_WINDOW (dialog));
  psephos_import_dialog_start (dialog);
  g_assert_true (spin_until (import_done, dialog, 20000));
  for (guint i = 0; i < 2; i++)
    {
      const char *message = psephos_import_dialog_get_message (dialog, i);

      g_test_message ("file %u: %s", i, message);
      g_assert_cmpint (psephos_import_dialog_get_outcome (dialog, i), ==, PSEPHOS_IMPORT_REJECTED);
      g_assert_nonnull (message);
      g_assert_true (g_str_has_prefix (message, "Rejected: "));
    }
  g_assert_nonnull (strstr (psephos_import_dialog_get_message (dialog, 0), "binary-article.txt"));
  g_assert_nonnull (strstr (psephos_import_dialog_get_message (dialog, 1), "bad-row.csv"));
  screenshot ("import-rejected");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Nothing was written and the window still works. */
  g_assert_cmpuint (count_sources (), ==, sources_before);
  select_dehra (win);
  kamlesh_votes_citation (win);
  close_window (win);
}

static void
test_import_article (void)
{
  PsephosWindow *win = open_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "articles", "003_b0bb79d11ba06b18.txt", NULL);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  PsephosImportDialog *dialog;
  PsephosImportOutcome outcome;

  g_list_store_append (files, file);
  dialog = psephos_import_dialog_new (GTK_WINDOW (win), store_path, G_LIST_MODEL (files));
  psephos_import_dialog_start (dialog);
  g_assert_true (spin_until (import_done, dialog, 30000));
  outcome = psephos_import_dialog_get_outcome (dialog, 0);
  g_test_message ("import of seed 003: %s", psephos_import_dialog_get_message (dialog, 0));
  g_assert_true (outcome == PSEPHOS_IMPORT_IMPORTED || outcome == PSEPHOS_IMPORT_UNCHANGED || outcome == PSEPHOS_IMPORT_DUPLICATE);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (100);
  g_assert_nonnull (psephos_window_get_session (win));
  close_window (win);
}

static gboolean
toast_shown (gpointer data)
{
  const char *message = psephos_window_get_last_message (PSEPHOS_WINDOW (data));

  return message != NULL && g_str_has_prefix (message, "Chart exported");
}

static void
test_export_chart (void)
{
  PsephosWindow *win = open_window ();
  g_autofree char *path = g_build_filename (tmpdir, "dehra.png", NULL);
  PsephosExportDialog *dialog;
  g_autofree char *data = NULL;
  gsize len = 0;

  /* With Dehra shown, the dialog offers the seat chart first. */
  select_dehra (win);
  dialog = psephos_export_dialog_new (win, psephos_window_get_session (win), dehra_contest (win));
  gtk_window_present (GTK_WINDOW (dialog));
  psephos_export_dialog_export_to (dialog, path);
  g_assert_true (spin_until (toast_shown, win, 20000));
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpint (memcmp (data, "\x89PNG", 4), ==, 0);
  close_window (win);
}

static gboolean
message_starts (PsephosWindow *win, const char *prefix)
{
  const char *message = psephos_window_get_last_message (win);

  return message != NULL && g_str_has_prefix (message, prefix);
}

static gboolean
nist_toast_shown (gpointer data)
{
  return message_starts (PSEPHOS_WINDOW (data), "Election exported") || message_starts (PSEPHOS_WINDOW (data), "Could not");
}

static const char *csv_expected; /* the toast export_page_csv() waits for */

static gboolean
csv_toast_shown (gpointer data)
{
  return message_starts (PSEPHOS_WINDOW (data), csv_expected) || message_starts (PSEPHOS_WINDOW (data), "Could not");
}

/* The first widget of @type in @root's tree, depth first. */
static GtkWidget *
find_widget_of_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget_of_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The file chooser a GtkFileChooserNative shows without a portal. */
static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */
  GtkWidget *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (w) && gtk_widget_get_visible (w))
        found = w;
    }
  return found;
}

/* Export Election as NIST XML…: the menu item's file chooser, then the
 * export past it. */
static void
test_export_nist (void)
{
  PsephosWindow *win = open_window ();
  g_autofree char *path = g_build_filename (tmpdir, "election.xml", NULL);
  xmlDocPtr doc;
  xmlNodePtr root;
  g_autofree char *data = NULL;
  GtkMenuButton *menu;
  GtkWidget *chooser;
  g_autofree char *name = NULL;

  dehra_contest (win); /* an election with results */
  spin (100);
  menu = GTK_MENU_BUTTON (find_widget_of_type (GTK_WIDGET (win), GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (menu);
  gtk_menu_button_popup (menu);
  screenshot ("primary-menu");
  gtk_menu_button_popdown (menu);

  /* The menu item asks for a file, named after the election. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.export-nist", NULL));
  spin (200);
  chooser = find_file_chooser ();
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_test_message ("suggested: %s", name);
  g_assert_true (g_str_has_suffix (name, ".xml"));
  g_assert_null (strchr (name, ' '));
  screenshot ("export-nist-chooser");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  spin (100);
  g_assert_null (find_file_chooser ());

  psephos_window_export_nist_to (win, path);
  g_assert_true (spin_until (nist_toast_shown, win, 30000));
  g_assert_true (message_starts (win, "Election exported to “election.xml”"));
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "<ElectionReport"));
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "ElectionReport");
  xmlFreeDoc (doc);
  close_window (win);
}

static char *
export_page_csv (PsephosWindow *win, const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *expected = g_strdup_printf ("Data exported to “%s”", name);
  char *data = NULL;

  csv_expected = expected;
  psephos_window_export_data_csv_to (win, path);
  g_assert_true (spin_until (csv_toast_shown, win, 30000));
  g_test_message ("%s", psephos_window_get_last_message (win));
  g_assert_true (message_starts (win, expected));
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* Export Data as CSV… on the seat page, the state page and the election page. */
static void
test_export_csv (void)
{
  PsephosWindow *win = open_window ();
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (psephos_window_get_tree_view (win)));
  GListModel *model;
  g_autofree char *seat_csv = NULL;
  g_autofree char *state_csv = NULL;
  g_autofree char *tally_csv = NULL;
  guint n;

  select_dehra (win);
  screenshot ("seat-page-csv-button");
  seat_csv = export_page_csv (win, "dehra.csv");
  g_assert_true (g_str_has_prefix (seat_csv, "# "));
  g_assert_nonnull (strstr (seat_csv, "candidate,party,alliance,votes,vote_share_pct,result"));
  g_assert_nonnull (strstr (seat_csv, "Kamlesh Thakur"));
  g_assert_nonnull (strstr (seat_csv, "32737"));

  /* The state's seats: Dehra with its winner. */
  model = gtk_single_selection_get_model (selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr (PsephosTreeItem) item = gtk_tree_list_row_get_item (row);

      if (psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_STATE && g_strcmp0 (psephos_tree_item_get_title (item), "Himachal Pradesh") == 0)
        {
          gtk_single_selection_set_selected (selection, i);
          break;
        }
    }
  spin (100);
  g_assert_cmpstr (psephos_window_get_visible_page (win), ==, "state");
  state_csv = export_page_csv (win, "himachal.csv");
  g_assert_nonnull (strstr (state_csv, "seat,winner_party,margin"));
  g_assert_nonnull (strstr (state_csv, "Dehra"));

  /* The election's tally. */
  g_assert_true (psephos_window_select_subject (win, PSEPHOS_TREE_ITEM_ELECTION,
                                                psephos_session_get_election_id (psephos_window_get_session (win))));
  spin (100);
  g_assert_cmpstr (psephos_window_get_visible_page (win), ==, "election");
  screenshot ("election-page-csv-button");
  tally_csv = export_page_csv (win, "tally.csv");
  g_assert_nonnull (strstr (tally_csv, "party,name,alliance,won,leading"));
  close_window (win);
}

static void
test_settings_remembered (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  PsephosWindow *win = open_window ();
  g_autofree char *last_store = NULL;
  g_autofree char *last_election = NULL;
  int width = 0, height = 0;

  dehra_contest (win); /* selects Dehra's election */
  gtk_window_set_default_size (GTK_WINDOW (win), 1000, 700);
  spin (50);
  gtk_window_close (GTK_WINDOW (win));
  spin (50);
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  last_store = g_settings_get_string (settings, "last-store");
  g_assert_cmpstr (last_store, ==, store_path);
  last_election = g_settings_get_string (settings, "last-election");
  g_assert_cmpstr (last_election, !=, "");
}

/* Two reports disagree on Kamlesh Thakur's votes: the citation says so and
 * lists both values with who says each. */
static void
test_conflict_shown (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "conflict.psephos", NULL);
  g_autofree char *saved = g_strdup (store_path);
  PsephosWindow *win;
  GtkWidget *page, *votes;
  PsephosCitationButton *cite;
  GPtrArray *facts;
  gboolean saw_32737 = FALSE, saw_32000 = FALSE;

  write_fixture_store_full (path, TRUE);
  g_free (store_path);
  store_path = g_strdup (path);
  win = open_window ();
  select_dehra (win);
  page = psephos_window_get_page (win, "seat");
  votes = find_label (page, "32,737");
  g_assert_nonnull (votes);
  cite = citation_beside (votes);
  g_assert_nonnull (cite);
  g_assert_true (psephos_citation_button_get_conflict (cite));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cite), "conflict"));
  facts = psephos_citation_button_get_facts (cite);
  g_assert_cmpuint (facts->len, ==, 2);
  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (facts, i);

      saw_32737 |= f->number == 32737;
      saw_32000 |= f->number == 32000;
    }
  g_assert_true (saw_32737 && saw_32000);
  /* The popover names each value and its source. */
  psephos_citation_button_popup (cite);
  spin (100);
  g_assert_nonnull (find_label (GTK_WIDGET (cite), "Sources disagree"));
  g_assert_nonnull (find_label (GTK_WIDGET (cite), "32,000"));
  g_assert_nonnull (find_label (GTK_WIDGET (cite), "32,737"));
  screenshot ("citation-conflict");
  psephos_citation_button_popdown (cite);
  spin (100);
  close_window (win);
  g_free (store_path);
  store_path = g_steal_pointer (&saved);
}

/* A store with one seat of @n candidates; returns its contest id. */
static gint64
write_long_ballot_store (const char *path, int n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = psephos_store_open (path, PSEPHOS_STORE_OPEN_CREATE, &error);
  g_autoptr (PsephosImport) imp = NULL;
  gint64 election, state, seat, ind, contest;

  g_assert_no_error (error);
  imp = psephos_store_begin_import (store, &error);
  g_assert_no_error (error);
  election = psephos_import_ensure_election (imp, "Assembly bypolls July 2024", PSEPHOS_ELECTION_BYPOLL, 2024, &error);
  state = psephos_import_ensure_state (imp, "Himachal Pradesh", "HP", "S08", &error);
  seat = psephos_import_ensure_seat (imp, state, PSEPHOS_HOUSE_ASSEMBLY, 10, "Dehra", "GEN", &error);
  ind = psephos_import_ensure_party (imp, "Independent", "IND", "#888888", &error);
  contest = psephos_import_ensure_contest (imp, election, seat, &error);
  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Candidate %d", i + 1);
      gint64 person = psephos_import_add_person (imp, name, &error);

      psephos_import_add_candidacy (imp, contest, person, ind, name, 10000 - 100 * i, -1, -1, PSEPHOS_RESULT_UNKNOWN, &error);
      g_assert_no_error (error);
    }
  g_assert_true (psephos_import_commit (g_steal_pointer (&imp), &error));
  g_assert_no_error (error);
  return contest;
}

/* The candidates table is as tall as its rows (it showed two of them, at
 * its minimum height, whatever the ballot): twelve candidates, no
 * scrolling inside the table. */
static void
test_seat_page_table_height (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "long-ballot.psephos", NULL);
  g_autofree char *saved = g_strdup (store_path);
  const int n = 12;
  gint64 contest = write_long_ballot_store (path, n);
  PsephosWindow *win;
  GtkColumnView *table;
  GtkWidget *scroller;
  GtkAdjustment *adj;

  g_free (store_path);
  store_path = g_strdup (path);
  win = open_window ();
  gtk_window_set_default_size (GTK_WINDOW (win), 1000, 700);
  g_assert_true (psephos_window_select_subject (win, PSEPHOS_TREE_ITEM_SEAT, contest));
  spin (500);
  g_assert_cmpstr (psephos_window_get_visible_page (win), ==, "seat");
  table = GTK_COLUMN_VIEW (find_widget_of_type (psephos_window_get_page (win, "seat"), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (table);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, n);
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_test_message ("table %d px tall; its rows need %.0f px", gtk_widget_get_height (scroller), gtk_adjustment_get_upper (adj));
  /* Every row shows: the table's scroller holds all it scrolls over... */
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adj), >=, gtk_adjustment_get_upper (adj) - 1);
  /* ...and that is more than a header and a few rows. */
  g_assert_cmpint (gtk_widget_get_height (scroller), >, (n + 1) * 20);
  screenshot ("seat-long-ballot");
  close_window (win);
  g_free (store_path);
  store_path = g_steal_pointer (&saved);
}

static void
test_shortcuts_window (void)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/psephos/Psephos/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int argc, char *argv[])
{
  int ret;

  /* For trying the app by hand before the sample store exists. */
  if (g_getenv ("PSEPHOS_WRITE_FIXTURE") != NULL)
    {
      g_test_init (&argc, &argv, NULL);
      write_fixture_store (g_getenv ("PSEPHOS_WRITE_FIXTURE"));
      return 0;
    }
  g_setenv ("PSEPHOS_NO_DIALOGS", "1", TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run inside dbus-run-session\n");
      return 0;
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  prepare_store ();

  g_test_add_func ("/app/format", test_format);
  g_test_add_func ("/app/window/accessible", test_window_accessible);
  g_test_add_func ("/app/tree/arrow-keys", test_tree_arrow_keys);
  g_test_add_func ("/app/seat-page/candidates", test_seat_page_lists_candidates);
  g_test_add_func ("/app/seat-page/table-height", test_seat_page_table_height);
  g_test_add_func ("/app/citation/article", test_citation_opens_article);
  g_test_add_func ("/app/citation/keyboard", test_span_by_keyboard);
  g_test_add_func ("/app/search/aliases", test_search_aliases);
  g_test_add_func ("/app/bad-input/store", test_damaged_store);
  g_test_add_func ("/app/bad-input/import", test_bad_imports);
  g_test_add_func ("/app/import/article", test_import_article);
  g_test_add_func ("/app/export/chart", test_export_chart);
  g_test_add_func ("/app/export/nist", test_export_nist);
  g_test_add_func ("/app/export/csv", test_export_csv);
  g_test_add_func ("/app/citation/conflict", test_conflict_shown);
  g_test_add_func ("/app/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/app/settings/remembered", test_settings_remembered);
  ret = g_test_run ();

  {
    g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);

        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  g_free (store_path);
  return ret;
}
