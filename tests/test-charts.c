/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-charts.c — charts: number formats, layouts checked on their display
 * lists (synthetic stores and the real data in $PSEPHOS_SHARED_DATA), the
 * files the exporters write, and the errors a person can run into.
 */
#include <math.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "psephos-chart.h"
#include "psephos-chart-private.h"
#include "psephos-ingest.h"

static void check_svg (const char *path, const char *const *texts);

/* ---- fixtures --------------------------------------------------------- */

typedef struct
{
  char *dir;
  PsephosStore *store;
} Fixture;

typedef struct
{
  const char *name;
  const char *party;
  gint64 votes;
} Cand;

static gint64
party_id (PsephosImport *imp, const char *abbr)
{
  static const struct
  {
    const char *abbr, *name, *colour;
  } parties[] = {
    { "INC", "Indian National Congress", "#19aaed" },
    { "BJP", "Bharatiya Janata Party", "#ff9933" },
    { "AAP", "Aam Aadmi Party", "#0066a4" },
    { "AITC", "All India Trinamool Congress", "#20c646" },
    { "DMK", "Dravida Munnetra Kazhagam", "#dd1100" },
    { "JD(U)", "Janata Dal (United)", "#003366" },
    { "IND", "Independent", NULL },
    { "XYZ", "A Party Without A Colour Of Its Own", NULL },
  };
  GError *error = NULL;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (parties); i++)
    if (g_str_equal (parties[i].abbr, abbr))
      {
        id = psephos_import_ensure_party (imp, parties[i].name, parties[i].abbr,
                                          parties[i].colour, &error);
        g_assert_no_error (error);
        return id;
      }
  g_assert_not_reached ();
  return 0;
}

static void
add_contest (PsephosImport *imp, gint64 source, gint64 election, gint64 state, int number, const char *seat_name, const Cand *cands, guint n, double turnout, gint64 nota)
{
  GError *error = NULL;
  gint64 seat = psephos_import_ensure_seat (imp, state, PSEPHOS_HOUSE_ASSEMBLY, number,
                                            seat_name, "GEN", &error);
  gint64 contest;

  g_assert_no_error (error);
  contest = psephos_import_ensure_contest (imp, election, seat, &error);
  g_assert_no_error (error);
  g_assert_true (psephos_import_update_contest (imp, contest, 100000, -1, turnout, nota,
                                                PSEPHOS_CONTEST_DECLARED, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      gint64 person = psephos_import_add_person (imp, cands[i].name, &error);
      gint64 cand;
      g_autoptr (PsephosFact) fact = psephos_fact_new ();

      g_assert_no_error (error);
      cand = psephos_import_add_candidacy (imp, contest, person, party_id (imp, cands[i].party),
                                           cands[i].name, cands[i].votes, -1, -1,
                                           PSEPHOS_RESULT_UNKNOWN, &error);
      g_assert_no_error (error);
      fact->source_id = source;
      fact->subject_kind = PSEPHOS_SUBJECT_CANDIDATE;
      fact->election_id = election;
      fact->contest_id = contest;
      fact->candidacy_id = cand;
      fact->person_id = person;
      fact->attribute = g_strdup ("votes");
      fact->has_number = TRUE;
      fact->number = (double) cands[i].votes;
      fact->qualifier = PSEPHOS_QUALIFIER_EXACT;
      fact->start = fact->end = -1;
      fact->row = 1 + i;
      psephos_import_add_fact (imp, fact, &error);
      g_assert_no_error (error);
    }
}

/* Thirteen bypoll seats in 2024, Dehra with the real figures. */
static void
fill_bypoll_store (PsephosStore *store)
{
  static const Cand dehra[] = {
    { "Kamlesh Thakur", "INC", 32737 },
    { "Hoshiyar Singh", "BJP", 23338 },
    { "Sulekha Devi", "IND", 610 },
    { "Ravi Kumar", "XYZ", 312 },
  };
  static const char *seats[] = {
    "Nalagarh",
    "Hamirpur",
    "Raiganj",
    "Ranaghat Dakshin",
    "Bagda",
    "Maniktala",
    "Vikravandi",
    "Rupauli",
    "Jalandhar West",
    "Amarwara",
    "Badrinath",
    "Manglaur",
  };
  static const char *winners[] = { "INC", "BJP", "AITC", "AITC", "AITC", "AITC",
                                   "DMK", "IND", "AAP", "BJP", "INC", "INC" };
  GError *error = NULL;
  g_autoptr (PsephosImport) imp = psephos_store_begin_import (store, &error);
  PsephosSource src = { 0 };
  gint64 source, election, state;

  g_assert_no_error (error);
  src.kind = PSEPHOS_SOURCE_OFFICIAL;
  src.file = (char *) "bypolls-2024.csv";
  src.publisher = (char *) "Election Commission of India";
  src.title = (char *) "Bypoll results";
  src.body = (char *) "";
  src.content_hash = (char *) "0123456789abcdef";
  source = psephos_import_add_source (imp, &src, &error);
  g_assert_no_error (error);
  election = psephos_import_ensure_election (imp, "Assembly bypolls July 2024",
                                             PSEPHOS_ELECTION_BYPOLL, 2024, &error);
  g_assert_no_error (error);
  state = psephos_import_ensure_state (imp, "Himachal Pradesh", "HP", "S08", &error);
  g_assert_no_error (error);
  add_contest (imp, source, election, state, 10, "Dehra", dehra, G_N_ELEMENTS (dehra), 65.42, 421);
  for (guint i = 0; i < G_N_ELEMENTS (seats); i++)
    {
      Cand c[3] = {
        { "Winner Candidate", winners[i], 40000 + 2500 * (gint64) i },
        { "Runner Up", g_str_equal (winners[i], "BJP") ? "INC" : "BJP", 30000 + 500 * (gint64) i },
        { "Third Place", "XYZ", 1000 },
      };
      g_autofree char *w = g_strdup_printf ("Winner %s", seats[i]);
      g_autofree char *r = g_strdup_printf ("Runner-up %s", seats[i]);

      c[0].name = w;
      c[1].name = r;
      add_contest (imp, source, election, state, 20 + (int) i, seats[i], c, 3,
                   55 + 2.0 * i, -1);
    }
  g_assert_true (psephos_import_commit (g_steal_pointer (&imp), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GError *error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-charts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "store.psephos", NULL);
  f->store = psephos_store_open (path, PSEPHOS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (data != NULL)
    fill_bypoll_store (f->store);
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
}

static PsephosChart *
chart_for (PsephosStore *store, PsephosChartKind kind, const char *election, const char *state, const char *seat)
{
  PsephosChartQuery q = { .election = election, .state = state, .seat = seat };
  GError *error = NULL;
  PsephosChart *chart = psephos_chart_new_for_store (store, kind, &q, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  psephos_chart_set_locale (chart, "en_IN.UTF-8");
  return chart;
}

static const PsephosMark *
find_text (const PsephosDisplayList *list, PsephosRole role, const char *subject)
{
  for (guint i = 0; i < psephos_display_list_get_n_marks (list); i++)
    {
      const PsephosMark *m = psephos_display_list_get_mark (list, i);

      if (m->shape == PSEPHOS_SHAPE_TEXT && m->role == role && (subject == NULL || g_strcmp0 (m->subject, subject) == 0))
        return m;
    }
  return NULL;
}

/* No two text runs overlap, and every one is inside the canvas. */
static void
assert_labels_clean (const PsephosDisplayList *list, const char *what)
{
  const double slack = 0.5;
  guint n = psephos_display_list_get_n_marks (list);

  for (guint i = 0; i < n; i++)
    {
      const PsephosMark *a = psephos_display_list_get_mark (list, i);
      double ax0, ay0, ax1, ay1;

      if (a->shape != PSEPHOS_SHAPE_TEXT)
        continue;
      psephos_mark_get_bounds (a, &ax0, &ay0, &ax1, &ay1);
      if (ax0 < -slack || ay0 < -slack || ax1 > list->width + slack || ay1 > list->height + slack)
        g_error ("%s: label ‘%s’ (%.1f,%.1f)–(%.1f,%.1f) leaves the %.0f×%.0f canvas",
                 what, a->text, ax0, ay0, ax1, ay1, list->width, list->height);
      for (guint j = i + 1; j < n; j++)
        {
          const PsephosMark *b = psephos_display_list_get_mark (list, j);
          double bx0, by0, bx1, by1;

          if (b->shape != PSEPHOS_SHAPE_TEXT)
            continue;
          psephos_mark_get_bounds (b, &bx0, &by0, &bx1, &by1);
          if (ax0 < bx1 - slack && bx0 < ax1 - slack && ay0 < by1 - slack && by0 < ay1 - slack)
            g_error ("%s: labels ‘%s’ and ‘%s’ overlap", what, a->text, b->text);
        }
    }
}

/* ---- numbers ---------------------------------------------------------- */

static void
test_format_count (void)
{
  static const struct
  {
    gint64 n;
    const char *locale;
    const char *want;
  } cases[] = {
    { 124053, "en_IN", "1,24,053" },
    { 124053, "en_IN.UTF-8", "1,24,053" },
    { 124053, "hi_IN.UTF-8", "1,24,053" },
    { 124053, "hi", "1,24,053" },
    { 12345678, "en_IN", "1,23,45,678" },
    { 100000, "hi_IN", "1,00,000" },
    { 1000, "en_IN", "1,000" },
    { 999, "en_IN", "999" },
    { 0, "en_IN", "0" },
    { -32737, "en_IN", "−32,737" },
    { 124053, "en_US.UTF-8", "124,053" },
    { 12345678, "en_GB", "12,345,678" },
    { 124053, "C", "124,053" },
    { 124053, NULL, "124,053" },
    { 124053, "de_DE.UTF-8", "124.053" },
    { 124053, "fr_FR", "124\u202f053" },
    { G_MININT64, "en_US", "−9,223,372,036,854,775,808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = psephos_chart_format_count (cases[i].n, cases[i].locale);

      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

static void
test_format_decimal (void)
{
  static const struct
  {
    double v;
    int digits;
    const char *locale;
    const char *want;
  } cases[] = {
    { 65.42, 2, "en_IN", "65.42" },
    { 65.42, 1, "en_IN", "65.4" },
    { 123456.5, 1, "en_IN", "1,23,456.5" },
    { 65.42, 2, "de_DE", "65,42" },
    { 0.04, 1, "en_US", "0.0" },
    { -0.04, 1, "en_US", "0.0" },
    { -2.5, 1, "en_US", "−2.5" },
    { NAN, 1, "en_US", "–" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = psephos_chart_format_decimal (cases[i].v, cases[i].digits, cases[i].locale);

      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

/* ---- layouts on hand-made models ------------------------------------- */

static PsephosChartModel *
house_model (guint seats, PsephosChartKind kind)
{
  PsephosChartModel *model = _psephos_chart_model_new (kind);
  const char *parties[] = { "BJP", "INC", "SP", "AITC", "DMK", "TDP", "JD(U)", "IND" };
  const char *colours[] = { "#ff9933", "#19aaed", "#ff2222", "#20c646", "#dd1100", NULL, "#003366", NULL };
  const char *groups[] = { "NDA", "INDIA", "INDIA", "INDIA", "INDIA", "NDA", "NDA", NULL };
  guint left = seats;

  model->title = g_strdup ("A house");
  model->subtitle = g_strdup ("Hand-made numbers");
  model->caption = g_strdup ("Source: test-charts.c");
  model->seats_total = (int) seats;
  for (guint i = 0; i < G_N_ELEMENTS (parties) && left > 0; i++)
    {
      guint n = i + 1 == G_N_ELEMENTS (parties) ? left : MAX (1, MIN (left, seats * (8 - i) / 40));
      PsephosChartItem *it = _psephos_chart_model_add (model, parties[i], parties[i], colours[i], n);

      it->group = g_strdup (groups[i]);
      left -= n;
    }
  return model;
}

static void
test_hemicycle_scales (void)
{
  static const guint sizes[] = { 1, 2, 5, 13, 81, 90, 243, 288, 403, 543 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr (PsephosChart) chart = _psephos_chart_new_for_model (house_model (sizes[i], PSEPHOS_CHART_HEMICYCLE));
      PsephosDisplayList *list = psephos_chart_layout (chart, 900, 600, PSEPHOS_CHART_THEME_LIGHT);
      g_autofree char *what = g_strdup_printf ("hemicycle of %u", sizes[i]);
      double min_gap = G_MAXDOUBLE;
      g_autoptr (GPtrArray) seats = g_ptr_array_new ();

      g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_SEAT, NULL), ==, sizes[i]);
      assert_labels_clean (list, what);
      /* Seats never overlap one another. */
      for (guint j = 0; j < list->marks->len; j++)
        if (psephos_display_list_get_mark (list, j)->role == PSEPHOS_ROLE_SEAT)
          g_ptr_array_add (seats, (gpointer) psephos_display_list_get_mark (list, j));
      for (guint a = 0; a < seats->len; a++)
        for (guint b = a + 1; b < seats->len; b++)
          {
            const PsephosMark *ma = seats->pdata[a], *mb = seats->pdata[b];
            double d = hypot (ma->x - mb->x, ma->y - mb->y) - ma->r - mb->r;

            min_gap = MIN (min_gap, d);
          }
      if (seats->len > 1)
        g_assert_cmpfloat (min_gap, >, 0);
    }
}

static void
test_hemicycle_order (void)
{
  g_autoptr (PsephosChart) chart = _psephos_chart_new_for_model (house_model (543, PSEPHOS_CHART_HEMICYCLE));
  PsephosDisplayList *list = psephos_chart_layout (chart, 1200, 800, PSEPHOS_CHART_THEME_DARK);
  const char *seen[16] = { 0 };
  guint n_seen = 0;
  const PsephosMark *majority = find_text (list, PSEPHOS_ROLE_MAJORITY, NULL);

  /* Seats come in runs: NDA parties first (the larger alliance here), each
   * party once; independents last. */
  for (guint i = 0; i < list->marks->len; i++)
    {
      const PsephosMark *m = psephos_display_list_get_mark (list, i);

      if (m->role != PSEPHOS_ROLE_SEAT)
        continue;
      if (n_seen == 0 || g_strcmp0 (seen[n_seen - 1], m->party) != 0)
        {
          for (guint j = 0; j < n_seen; j++)
            g_assert_cmpstr (seen[j], !=, m->party);
          seen[n_seen++] = m->party;
        }
    }
  g_assert_cmpuint (n_seen, ==, 8);
  g_assert_cmpstr (seen[n_seen - 1], ==, "IND");
  g_assert_nonnull (majority);
  g_assert_cmpfloat (majority->value, ==, 272);
  g_assert_cmpstr (majority->text, ==, "majority 272 of 543");
}

/* A tally of parties in alliances: one row per alliance, stacked by party
 * (won solid, leading pale), with the majority line. */
static void
test_tally_groups (void)
{
  PsephosChartModel *model = house_model (543, PSEPHOS_CHART_TALLY);
  g_autoptr (PsephosChart) chart = NULL;
  PsephosDisplayList *list;
  const PsephosMark *majority;
  guint rows = 0;

  /* Some of INC's seats are still leading. */
  for (guint i = 0; i < model->items->len; i++)
    {
      PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);

      if (g_str_equal (it->party, "INC"))
        {
          it->value -= 10;
          it->value2 = 10;
        }
    }
  chart = _psephos_chart_new_for_model (model);
  list = psephos_chart_layout (chart, 1000, 640, PSEPHOS_CHART_THEME_LIGHT);
  for (guint i = 0; i < list->marks->len; i++)
    if (psephos_display_list_get_mark (list, i)->role == PSEPHOS_ROLE_NAME_LABEL)
      rows++;
  g_assert_cmpuint (rows, ==, 3); /* INDIA, NDA, independents */
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_BAR, "INC"), ==, 2);
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_BAR, "BJP"), ==, 1);
  g_assert_nonnull (strstr (find_text (list, PSEPHOS_ROLE_VALUE_LABEL, "INDIA")->text, "leading"));
  majority = find_text (list, PSEPHOS_ROLE_MAJORITY, NULL);
  g_assert_nonnull (majority);
  g_assert_cmpfloat (majority->value, ==, 272);
  assert_labels_clean (list, "tally of alliances");
}

/* Names in Devanagari and very long ones: measured as shaped, shortened
 * with "…" where they would crowd the bars, never overlapping. */
static void
test_seat_names (void)
{
  PsephosChartModel *model = _psephos_chart_model_new (PSEPHOS_CHART_SEAT);
  g_autoptr (PsephosChart) chart = NULL;
  PsephosDisplayList *list;
  const PsephosMark *longname;
  PsephosChartItem *it;

  model->title = g_strdup ("देहरा (हिमाचल प्रदेश)");
  model->subtitle = g_strdup ("विधानसभा उपचुनाव जुलाई 2024");
  model->caption = g_strdup ("Source: test-charts.c");
  model->margin = 9399;
  it = _psephos_chart_model_add (model, "कमलेश ठाकुर", "INC", "#19aaed", 32737);
  it->flags |= PSEPHOS_ITEM_WINNER;
  _psephos_chart_model_add (model, "होशियार सिंह", "BJP", "#ff9933", 23338);
  _psephos_chart_model_add (model, "Sri Sri Sri Venkata Satyanarayana Murthy Garu Of The Very Long Name Party", "XYZ", NULL, 1200);
  /* A store is untrusted input: a name that is not UTF-8 is drawn, not fatal. */
  _psephos_chart_model_add (model, "Broken \xff\xfe Name", "X\xc3", NULL, 900);
  chart = _psephos_chart_new_for_model (model);
  psephos_chart_set_locale (chart, "hi_IN.UTF-8");
  list = psephos_chart_layout (chart, 800, 500, PSEPHOS_CHART_THEME_DARK);
  assert_labels_clean (list, "Devanagari seat");
  g_assert_nonnull (find_text (list, PSEPHOS_ROLE_NAME_LABEL, "कमलेश ठाकुर"));
  g_assert_cmpstr (find_text (list, PSEPHOS_ROLE_VALUE_LABEL, "कमलेश ठाकुर")->text, ==, "32,737");
  longname = find_text (list, PSEPHOS_ROLE_NAME_LABEL, "Sri Sri Sri Venkata Satyanarayana Murthy Garu Of The Very Long Name Party");
  g_assert_nonnull (longname);
  g_assert_true (g_str_has_suffix (longname->text, "…"));
  g_assert_cmpfloat (longname->text_width, <=, 800 * 0.36 + 0.5);
  {
    g_autofree char *dir = g_dir_make_tmp ("test-charts-XXXXXX", NULL);
    g_autofree char *svg = g_build_filename (dir, "names.svg", NULL);
    g_autofree char *png = g_build_filename (dir, "names.png", NULL);
    const char *const texts[] = { "कमलेश ठाकुर · INC", "32,737", NULL };
    GError *error = NULL;

    g_assert_true (psephos_chart_export (chart, svg, PSEPHOS_CHART_FORMAT_SVG, 800, 500,
                                         PSEPHOS_CHART_THEME_LIGHT, NULL, &error));
    g_assert_no_error (error);
    check_svg (svg, texts);
    g_assert_true (psephos_chart_export (chart, png, PSEPHOS_CHART_FORMAT_PNG, 800, 500,
                                         PSEPHOS_CHART_THEME_LIGHT, NULL, &error));
    g_assert_no_error (error);
    remove_tree (dir);
  }
}

/* Every kind, both themes, several sizes: labels apart and on the canvas. */
static void
test_labels_everywhere (Fixture *f, gconstpointer data)
{
  static const double sizes[][2] = { { 1200, 800 }, { 800, 500 }, { 640, 480 }, { 480, 640 }, { 1920, 1080 } };

  for (PsephosChartKind kind = PSEPHOS_CHART_SEAT; kind <= PSEPHOS_CHART_TURNOUT; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (PsephosChartTheme theme = PSEPHOS_CHART_THEME_LIGHT; theme <= PSEPHOS_CHART_THEME_DARK; theme++)
        {
          g_autoptr (PsephosChart) chart = chart_for (f->store, kind, NULL, NULL,
                                                      kind == PSEPHOS_CHART_SEAT ? "Dehra" : NULL);
          PsephosDisplayList *list = psephos_chart_layout (chart, sizes[s][0], sizes[s][1], theme);
          g_autofree char *what = g_strdup_printf ("%s %.0f×%.0f", psephos_chart_kind_to_string (kind),
                                                   sizes[s][0], sizes[s][1]);

          assert_labels_clean (list, what);
          g_assert_nonnull (find_text (list, PSEPHOS_ROLE_TITLE, NULL));
          g_assert_nonnull (find_text (list, PSEPHOS_ROLE_SUBTITLE, NULL));
          g_assert_nonnull (find_text (list, PSEPHOS_ROLE_CAPTION, NULL));
        }
  /* The hand-made 543-seat models too. */
  for (PsephosChartKind kind = PSEPHOS_CHART_TALLY; kind <= PSEPHOS_CHART_HEMICYCLE; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr (PsephosChart) chart = _psephos_chart_new_for_model (house_model (543, kind));
        PsephosDisplayList *list = psephos_chart_layout (chart, sizes[s][0], sizes[s][1],
                                                         PSEPHOS_CHART_THEME_LIGHT);

        assert_labels_clean (list, psephos_chart_kind_to_string (kind));
      }
}

/* ---- synthetic store -------------------------------------------------- */

static void
test_seat_chart (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosChart) chart = chart_for (f->store, PSEPHOS_CHART_SEAT, NULL, NULL, "dehra");
  PsephosDisplayList *list = psephos_chart_layout (chart, 1000, 600, PSEPHOS_CHART_THEME_LIGHT);
  const PsephosMark *longest = NULL, *label, *margin = NULL, *nota = NULL;
  PsephosRgba inc;

  for (guint i = 0; i < list->marks->len; i++)
    {
      const PsephosMark *m = psephos_display_list_get_mark (list, i);

      if (m->role == PSEPHOS_ROLE_BAR && (longest == NULL || m->w > longest->w))
        longest = m;
      if (m->role == PSEPHOS_ROLE_MARGIN && m->shape == PSEPHOS_SHAPE_TEXT)
        margin = m;
      if (m->role == PSEPHOS_ROLE_BAR && g_strcmp0 (m->party, "NOTA") == 0)
        nota = m;
    }
  g_assert_nonnull (longest);
  g_assert_cmpstr (longest->subject, ==, "Kamlesh Thakur");
  g_assert_cmpstr (longest->party, ==, "INC");
  g_assert_cmpfloat (longest->value, ==, 32737);
  g_assert_true (_psephos_rgba_parse ("#19aaed", &inc));
  g_assert_cmpfloat (fabs (longest->fill.r - inc.r), <, 1e-6);
  label = find_text (list, PSEPHOS_ROLE_VALUE_LABEL, "Kamlesh Thakur");
  g_assert_nonnull (label);
  g_assert_cmpstr (label->text, ==, "32,737");
  /* The value label sits just right of the bar it belongs to. */
  g_assert_cmpfloat (fabs (label->x - (longest->x + longest->w)), <, 12);
  g_assert_nonnull (find_text (list, PSEPHOS_ROLE_WINNER, "Kamlesh Thakur"));
  g_assert_null (find_text (list, PSEPHOS_ROLE_WINNER, "Hoshiyar Singh"));
  g_assert_nonnull (margin);
  g_assert_cmpstr (margin->text, ==, "margin 9,399");
  g_assert_nonnull (nota);
  g_assert_cmpfloat (nota->value, ==, 421);
  g_assert_nonnull (strstr (psephos_chart_get_caption (chart), "Election Commission of India"));
  g_assert_nonnull (strstr (psephos_chart_get_caption (chart), "bypolls-2024.csv"));
  g_assert_nonnull (strstr (psephos_chart_get_subtitle (chart), "Assembly bypolls July 2024"));
  /* In words, for screen readers. */
  {
    g_autofree char *summary = psephos_chart_dup_summary (chart);

    g_assert_true (g_str_has_prefix (summary, "Kamlesh Thakur (INC) 32,737 votes, won; Hoshiyar Singh (BJP) 23,338 votes;"));
    g_assert_nonnull (strstr (summary, "Margin 9,399."));
    g_assert_nonnull (strstr (summary, "NOTA 421."));
    g_assert_nonnull (strstr (list->desc, summary));
  }
}

static void
test_bypoll_hemicycle (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosChart) chart = chart_for (f->store, PSEPHOS_CHART_HEMICYCLE,
                                              "assembly bypolls july 2024", NULL, NULL);
  PsephosDisplayList *list = psephos_chart_layout (chart, 800, 500, PSEPHOS_CHART_THEME_LIGHT);
  const PsephosMark *majority = find_text (list, PSEPHOS_ROLE_MAJORITY, NULL);

  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_SEAT, NULL), ==, 13);
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_SEAT, "INC"), ==, 4);
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_SEAT, "AITC"), ==, 4);
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_SEAT, "IND"), ==, 1);
  /* Pointing at a seat finds it, for tooltips; the background does not. */
  for (guint i = 0; i < list->marks->len; i++)
    {
      const PsephosMark *m = psephos_display_list_get_mark (list, i);

      if (m->role == PSEPHOS_ROLE_SEAT)
        g_assert_true (psephos_display_list_hit (list, m->x, m->y) == m);
    }
  g_assert_null (psephos_display_list_hit (list, 1, 1));
  g_assert_nonnull (majority);
  g_assert_cmpfloat (majority->value, ==, 7);
  g_assert_nonnull (find_text (list, PSEPHOS_ROLE_LEGEND_LABEL, NULL));
  {
    g_autofree char *summary = psephos_chart_dup_summary (chart);

    g_assert_cmpstr (summary, ==, "AITC 4, INC 4, BJP 2, AAP 1, DMK 1, IND 1 of 13 seats; majority 7.");
  }
}

static void
test_margins_turnout_tally (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosChart) margins = chart_for (f->store, PSEPHOS_CHART_MARGINS, NULL, "Himachal Pradesh", NULL);
  g_autoptr (PsephosChart) turnout = chart_for (f->store, PSEPHOS_CHART_TURNOUT, NULL, "HP", NULL);
  g_autoptr (PsephosChart) tally = chart_for (f->store, PSEPHOS_CHART_TALLY, NULL, NULL, NULL);
  PsephosDisplayList *list;
  double last = G_MAXDOUBLE;
  guint bars = 0;

  list = psephos_chart_layout (margins, 900, 700, PSEPHOS_CHART_THEME_LIGHT);
  for (guint i = 0; i < list->marks->len; i++)
    {
      const PsephosMark *m = psephos_display_list_get_mark (list, i);

      if (m->role != PSEPHOS_ROLE_BAR)
        continue;
      g_assert_cmpfloat (m->value, <=, last);
      last = m->value;
      bars++;
    }
  g_assert_cmpuint (bars, ==, 13);
  g_assert_nonnull (find_text (list, PSEPHOS_ROLE_AXIS_LABEL, NULL));

  list = psephos_chart_layout (turnout, 900, 700, PSEPHOS_CHART_THEME_DARK);
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_BAR, NULL), ==, 13);
  g_assert_cmpstr (find_text (list, PSEPHOS_ROLE_VALUE_LABEL, "Dehra")->text, ==, "65.4%");

  list = psephos_chart_layout (tally, 900, 700, PSEPHOS_CHART_THEME_LIGHT);
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_BAR, "AITC"), ==, 1);
  g_assert_cmpfloat (find_text (list, PSEPHOS_ROLE_MAJORITY, NULL)->value, ==, 7);
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  PsephosChartQuery q = { 0 };
  GError *error = NULL;
  PsephosChartKind kind;
  PsephosChart *chart;

  g_assert_false (psephos_chart_kind_from_string ("pie", &kind, &error));
  g_assert_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_KIND);
  g_assert_nonnull (strstr (error->message, "pie"));
  g_clear_error (&error);

  q.election = "Lok Sabha 1952";
  chart = psephos_chart_new_for_store (f->store, PSEPHOS_CHART_TALLY, &q, &error);
  g_assert_null (chart);
  g_assert_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_ELECTION);
  g_assert_nonnull (strstr (error->message, "Lok Sabha 1952"));
  g_clear_error (&error);

  q.election = NULL;
  q.seat = "Atlantis";
  chart = psephos_chart_new_for_store (f->store, PSEPHOS_CHART_SEAT, &q, &error);
  g_assert_null (chart);
  g_assert_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_SEAT);
  g_assert_nonnull (strstr (error->message, "Atlantis"));
  g_clear_error (&error);

  q.seat = NULL;
  q.state = "Goa";
  chart = psephos_chart_new_for_store (f->store, PSEPHOS_CHART_MARGINS, &q, &error);
  g_assert_null (chart);
  g_assert_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_STATE);
  g_clear_error (&error);
}

static void
test_no_data (Fixture *f, gconstpointer data)
{
  PsephosChartQuery q = { 0 };
  GError *error = NULL;
  PsephosChart *chart;

  /* An empty store. */
  chart = psephos_chart_new_for_store (f->store, PSEPHOS_CHART_HEMICYCLE, &q, &error);
  g_assert_null (chart);
  g_assert_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_NO_DATA);
  g_clear_error (&error);

  /* An election whose only seat has no votes known. */
  {
    g_autoptr (PsephosImport) imp = psephos_store_begin_import (f->store, &error);
    gint64 election, state, seat, contest;

    g_assert_no_error (error);
    election = psephos_import_ensure_election (imp, "Empty 2030", PSEPHOS_ELECTION_BYPOLL, 2030, &error);
    state = psephos_import_ensure_state (imp, "Goa", "GA", "S05", &error);
    seat = psephos_import_ensure_seat (imp, state, PSEPHOS_HOUSE_ASSEMBLY, 1, "Panaji", NULL, &error);
    contest = psephos_import_ensure_contest (imp, election, seat, &error);
    g_assert_no_error (error);
    g_assert_cmpint (contest, >, 0);
    g_assert_true (psephos_import_commit (g_steal_pointer (&imp), &error));
  }
  for (PsephosChartKind kind = PSEPHOS_CHART_SEAT; kind <= PSEPHOS_CHART_TURNOUT; kind++)
    {
      q.seat = kind == PSEPHOS_CHART_SEAT ? "Panaji" : NULL;
      chart = psephos_chart_new_for_store (f->store, kind, &q, &error);
      g_assert_null (chart);
      g_assert_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_NO_DATA);
      g_clear_error (&error);
    }
}

/* ---- files ------------------------------------------------------------ */

static gboolean
svg_has_text (xmlXPathContextPtr ctx, const char *text)
{
  g_autofree char *expr = g_strdup_printf ("//svg:text[normalize-space(.)='%s']", text);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  gboolean found = obj != NULL && obj->nodesetval != NULL && obj->nodesetval->nodeNr > 0;

  xmlXPathFreeObject (obj);
  return found;
}

static void
check_svg (const char *path, const char *const *texts)
{
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  xmlXPathContextPtr ctx;

  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
  for (guint i = 0; texts[i] != NULL; i++)
    if (!svg_has_text (ctx, texts[i]))
      g_error ("%s has no <text> ‘%s’", path, texts[i]);
  {
    xmlXPathObjectPtr obj = xmlXPathEvalExpression (BAD_CAST "/svg:svg/svg:title", ctx);

    g_assert_true (obj->nodesetval != NULL && obj->nodesetval->nodeNr == 1);
    xmlXPathFreeObject (obj);
    obj = xmlXPathEvalExpression (BAD_CAST "/svg:svg/svg:desc", ctx);
    g_assert_true (obj->nodesetval != NULL && obj->nodesetval->nodeNr == 1);
    xmlXPathFreeObject (obj);
  }
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
}

static void
check_png (const char *path, int width, int height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  cairo_surface_destroy (png);
}

static void
check_pdf (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  GError *error = NULL;
  int status;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  if (pdfinfo == NULL)
    {
      g_test_message ("pdfinfo (poppler-utils) is not installed: only the PDF header was checked");
      return;
    }
  argv[0] = pdfinfo;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  {
    g_autoptr (GRegex) pages = g_regex_new ("^Pages:\\s+1$", G_REGEX_MULTILINE, 0, NULL);

    if (!g_regex_match (pages, out, 0, NULL))
      g_error ("%s is not a one-page PDF:\n%s", path, out);
  }
}

static void
test_export_files (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosChart) chart = chart_for (f->store, PSEPHOS_CHART_SEAT, NULL, NULL, "Dehra");
  const char *const texts[] = { "Kamlesh Thakur · INC", "32,737", "Hoshiyar Singh · BJP", "23,338",
                                "margin 9,399", NULL };
  GError *error = NULL;

  for (PsephosChartFormat format = PSEPHOS_CHART_FORMAT_PNG; format <= PSEPHOS_CHART_FORMAT_PDF; format++)
    for (PsephosChartTheme theme = PSEPHOS_CHART_THEME_LIGHT; theme <= PSEPHOS_CHART_THEME_DARK; theme++)
      {
        g_autofree char *name = g_strdup_printf ("dehra-%d.%s", theme, psephos_chart_format_to_string (format));
        g_autofree char *path = g_build_filename (f->dir, name, NULL);

        g_assert_true (psephos_chart_export (chart, path, format, 1000, 620, theme, NULL, &error));
        g_assert_no_error (error);
        switch (format)
          {
            case PSEPHOS_CHART_FORMAT_PNG:
              check_png (path, 1000, 620);
              break;
            case PSEPHOS_CHART_FORMAT_SVG:
              check_svg (path, texts);
              break;
            case PSEPHOS_CHART_FORMAT_PDF:
              check_pdf (path);
              break;
            default:
              g_assert_not_reached ();
          }
      }

  /* Every kind exports to every format. */
  for (PsephosChartKind kind = PSEPHOS_CHART_TALLY; kind <= PSEPHOS_CHART_TURNOUT; kind++)
    for (PsephosChartFormat format = PSEPHOS_CHART_FORMAT_PNG; format <= PSEPHOS_CHART_FORMAT_PDF; format++)
      {
        g_autoptr (PsephosChart) c = chart_for (f->store, kind, NULL, NULL, NULL);
        g_autofree char *name = g_strdup_printf ("%s.%s", psephos_chart_kind_to_string (kind),
                                                 psephos_chart_format_to_string (format));
        g_autofree char *path = g_build_filename (f->dir, name, NULL);

        g_assert_true (psephos_chart_export (c, path, format, 777, 555, PSEPHOS_CHART_THEME_DARK,
                                             NULL, &error));
        g_assert_no_error (error);
        if (format == PSEPHOS_CHART_FORMAT_PNG)
          check_png (path, 777, 555);
        else if (format == PSEPHOS_CHART_FORMAT_PDF)
          check_pdf (path);
      }
}

static void
test_export_failures (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosChart) chart = chart_for (f->store, PSEPHOS_CHART_HEMICYCLE, NULL, NULL, NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "chart.svg", NULL);
  g_autofree char *target = g_build_filename (f->dir, "keep.png", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GDir) dir = NULL;
  GError *error = NULL;
  const char *name;

  for (PsephosChartFormat format = PSEPHOS_CHART_FORMAT_PNG; format <= PSEPHOS_CHART_FORMAT_PDF; format++)
    {
      g_assert_false (psephos_chart_export (chart, missing, format, 400, 300,
                                            PSEPHOS_CHART_THEME_LIGHT, NULL, &error));
      g_assert_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, missing));
      g_clear_error (&error);
    }

  g_assert_false (psephos_chart_export (chart, target, PSEPHOS_CHART_FORMAT_PNG, 10, 10,
                                        PSEPHOS_CHART_THEME_LIGHT, NULL, &error));
  g_assert_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_INVALID);
  g_clear_error (&error);

  /* A cancelled export leaves an existing file alone, and no temporary. */
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (psephos_chart_export (chart, target, PSEPHOS_CHART_FORMAT_PNG, 400, 300,
                                        PSEPHOS_CHART_THEME_LIGHT, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "old");
  }
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "."));
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError *error = NULL;
  gboolean *done = user_data;

  g_assert_true (psephos_chart_export_finish (PSEPHOS_CHART (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_export_async (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosChart) chart = chart_for (f->store, PSEPHOS_CHART_MARGINS, NULL, NULL, NULL);
  g_autofree char *path = g_build_filename (f->dir, "margins.pdf", NULL);
  gboolean done = FALSE;

  psephos_chart_export_async (chart, path, PSEPHOS_CHART_FORMAT_PDF, 800, 500,
                              PSEPHOS_CHART_THEME_LIGHT, NULL, export_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  check_pdf (path);
}

/* The screen path: psephos_chart_draw() on an image surface draws what the
 * exporters write (same pixels as the PNG export). */
static void
test_draw_matches_export (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosChart) chart = chart_for (f->store, PSEPHOS_CHART_SEAT, NULL, NULL, "Dehra");
  g_autofree char *path = g_build_filename (f->dir, "dehra.png", NULL);
  cairo_surface_t *screen = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cairo_surface_t *file;
  cairo_t *cr = cairo_create (screen);
  GError *error = NULL;
  int stride;

  psephos_chart_draw (chart, cr, 640, 400, PSEPHOS_CHART_THEME_DARK);
  cairo_destroy (cr);
  cairo_surface_flush (screen);
  g_assert_true (psephos_chart_export (chart, path, PSEPHOS_CHART_FORMAT_PNG, 640, 400,
                                       PSEPHOS_CHART_THEME_DARK, NULL, &error));
  g_assert_no_error (error);
  file = cairo_image_surface_create_from_png (path);
  stride = cairo_image_surface_get_stride (screen);
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (file));
  /* Colour channels only: the screen keeps alpha, the PNG is opaque. */
  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 640; x++)
      {
        guint32 a = ((guint32 *) (cairo_image_surface_get_data (screen) + y * stride))[x];
        guint32 b = ((guint32 *) (cairo_image_surface_get_data (file) + y * stride))[x];

        if ((a & 0xffffff) != (b & 0xffffff))
          g_error ("pixel (%d, %d) differs: %06x on screen, %06x in the PNG", x, y,
                   a & 0xffffff, b & 0xffffff);
      }
  cairo_surface_destroy (file);
  cairo_surface_destroy (screen);
}

/* ---- real data -------------------------------------------------------- */

static gboolean
import_shared (Fixture *f, const char *relative, const char *election)
{
  const char *shared = g_getenv ("PSEPHOS_SHARED_DATA");
  g_autofree char *path = NULL;
  PsephosIngestOptions options = { .election = election };
  PsephosIngestOutcome outcome = { 0 };
  GError *error = NULL;

  if (shared == NULL)
    {
      g_test_skip ("PSEPHOS_SHARED_DATA is not set");
      return FALSE;
    }
  path = g_build_filename (shared, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf ("%s is absent (../shared/data not beside the checkout)", path);

      g_test_skip (msg);
      return FALSE;
    }
  if (!psephos_ingest_file (f->store, path, &options, NULL, &outcome, &error))
    g_error ("importing %s: %s", path, error->message);
  return TRUE;
}

static void
test_real_jharkhand (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosChart) chart = NULL;
  g_autoptr (GPtrArray) elections = NULL;
  PsephosDisplayList *list;
  const PsephosMark *majority;

  if (!import_shared (f, "india-votes-data/results/2024Assembly-JH.csv", NULL))
    return;
  elections = psephos_store_list_elections (f->store, NULL);
  g_assert_cmpuint (elections->len, ==, 1);
  chart = chart_for (f->store, PSEPHOS_CHART_HEMICYCLE, NULL, NULL, NULL);
  list = psephos_chart_layout (chart, 1200, 800, PSEPHOS_CHART_THEME_LIGHT);
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_SEAT, NULL), ==, 81);
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_SEAT, "JMM"), ==, 34);
  majority = find_text (list, PSEPHOS_ROLE_MAJORITY, NULL);
  g_assert_nonnull (majority);
  /* Official results alone do not state a majority mark: the chart
   * computes one, more than half of 81. */
  g_assert_cmpfloat (majority->value, ==, 41);
  g_assert_cmpstr (majority->text, ==, "majority 41 of 81");
  assert_labels_clean (list, "Jharkhand hemicycle");
  g_clear_object (&chart);

  /* The sample article on Jharkhand says "the 42-seat majority mark in the
   * 81-member Assembly": a stated mark is drawn as stated (and cited in the
   * caption), never silently corrected. */
  {
    g_autofree char *article = g_test_build_filename (G_TEST_DIST, "..", "data", "articles", "003_b0bb79d11ba06b18.txt", NULL);
    g_autoptr (GError) error = NULL;
    PsephosIngestOutcome outcome;

    if (!psephos_ingest_file (f->store, article, NULL, NULL, &outcome, &error))
      g_error ("importing %s: %s", article, error->message);
    chart = chart_for (f->store, PSEPHOS_CHART_HEMICYCLE, "Jharkhand Assembly 2024", NULL, NULL);
    list = psephos_chart_layout (chart, 1200, 800, PSEPHOS_CHART_THEME_LIGHT);
    g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_SEAT, NULL), ==, 81);
    g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_SEAT, "JMM"), ==, 34);
    majority = find_text (list, PSEPHOS_ROLE_MAJORITY, NULL);
    g_assert_nonnull (majority);
    g_assert_cmpfloat (majority->value, ==, 42);
    g_assert_cmpstr (majority->text, ==, "majority 42 of 81");
    g_assert_nonnull (strstr (psephos_chart_get_caption (chart), "003_b0bb79d11ba06b18.txt"));
    g_assert_nonnull (strstr (psephos_chart_get_caption (chart), "2024Assembly-JH.csv"));
  }

  for (PsephosChartKind kind = PSEPHOS_CHART_TALLY; kind <= PSEPHOS_CHART_TURNOUT; kind++)
    {
      PsephosChartQuery q = { 0 };
      g_autoptr (GError) error = NULL;
      g_autoptr (PsephosChart) c = psephos_chart_new_for_store (f->store, kind, &q, &error);

      if (kind == PSEPHOS_CHART_TURNOUT && c == NULL)
        {
          /* The file has no electors, so no turnout: that is "no data". */
          g_assert_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_NO_DATA);
          continue;
        }
      g_assert_no_error (error);
      assert_labels_clean (psephos_chart_layout (c, 1200, 800, PSEPHOS_CHART_THEME_DARK),
                           psephos_chart_kind_to_string (kind));
    }
}

static void
test_real_lok_sabha (Fixture *f, gconstpointer data)
{
  g_autoptr (PsephosChart) chart = NULL;
  g_autoptr (PsephosChart) margins = NULL;
  PsephosDisplayList *list;

  if (!import_shared (f, "india-votes-data/ls2024.csv", "Lok Sabha 2024"))
    return;
  chart = chart_for (f->store, PSEPHOS_CHART_HEMICYCLE, "Lok Sabha 2024", NULL, NULL);
  list = psephos_chart_layout (chart, 1600, 1000, PSEPHOS_CHART_THEME_LIGHT);
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_SEAT, NULL), ==, 543);
  g_assert_cmpfloat (find_text (list, PSEPHOS_ROLE_MAJORITY, NULL)->value, ==, 272);
  assert_labels_clean (list, "Lok Sabha hemicycle");

  margins = chart_for (f->store, PSEPHOS_CHART_MARGINS, "Lok Sabha 2024", NULL, NULL);
  list = psephos_chart_layout (margins, 1600, 1000, PSEPHOS_CHART_THEME_LIGHT);
  g_assert_cmpuint (psephos_display_list_count (list, PSEPHOS_ROLE_BAR, NULL), >=, 540);
  assert_labels_clean (list, "Lok Sabha margins");
}

static void
test_real_dehra (void)
{
  const char *path = g_getenv ("PSEPHOS_SAMPLE_STORE");
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  PsephosChartQuery q = { .seat = "Dehra" };
  PsephosDisplayList *list;
  const PsephosMark *longest = NULL, *label;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the sample store ($PSEPHOS_SAMPLE_STORE) is not built");
      return;
    }
  store = psephos_store_open (path, PSEPHOS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  chart = psephos_chart_new_for_store (store, PSEPHOS_CHART_SEAT, &q, &error);
  if (chart == NULL && g_error_matches (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_SEAT))
    {
      g_autofree char *msg = g_strdup_printf ("the sample store has no Dehra yet (%s)", error->message);

      g_test_skip (msg);
      return;
    }
  g_assert_no_error (error);
  psephos_chart_set_locale (chart, "en_IN");
  list = psephos_chart_layout (chart, 1000, 600, PSEPHOS_CHART_THEME_LIGHT);
  for (guint i = 0; i < list->marks->len; i++)
    {
      const PsephosMark *m = psephos_display_list_get_mark (list, i);

      if (m->role == PSEPHOS_ROLE_BAR && (longest == NULL || m->w > longest->w))
        longest = m;
    }
  g_assert_nonnull (longest);
  g_assert_cmpstr (longest->subject, ==, "Kamlesh Thakur");
  label = find_text (list, PSEPHOS_ROLE_VALUE_LABEL, "Kamlesh Thakur");
  g_assert_nonnull (label);
  g_assert_cmpstr (label->text, ==, "32,737");
  assert_labels_clean (list, "Dehra (sample store)");

  /* The exported SVG keeps names and numbers as text. */
  {
    g_autofree char *dir = g_dir_make_tmp ("test-charts-XXXXXX", NULL);
    g_autofree char *svg = g_build_filename (dir, "dehra.svg", NULL);
    const char *const texts[] = { "Kamlesh Thakur · INC", "32,737", "Hoshiyar Singh · BJP", "23,338", NULL };

    g_assert_true (psephos_chart_export (chart, svg, PSEPHOS_CHART_FORMAT_SVG, 900, 560,
                                         PSEPHOS_CHART_THEME_LIGHT, NULL, &error));
    g_assert_no_error (error);
    check_svg (svg, texts);
    remove_tree (dir);
  }
}

/* Labels measured from the chart font's file with HarfBuzz are as wide and
 * as tall as pango makes them, or layout would place what pango draws
 * wrongly. Names as results files and reports write them: capitals,
 * initials, brackets, digits with Indian grouping, dashes and ellipses. */
static void
test_measure_direct_matches_pango (void)
{
  static const char *const labels[] = {
    "BJP 240",
    "JD(U) 12",
    "CPI(ML)L 2",
    "Mumbai North West (SHS) 48",
    "Largest: Indore (BJP) 1,175,092 · smallest: Mumbai North West (SHS) 48",
    "KAMLESH THAKUR",
    "Hemant Soren",
    "1,24,053",
    "Lok Sabha 2024: winning margins",
    "Source: official results file ls2024.csv.",
    "AVATAR–WAVE “quoted” — 12.5%…",
    "Tuticorin / Thoothukkudi",
  };
  g_autoptr (PsephosTextMeasure) tm = _psephos_text_measure_new ();
  double direct[3], pango[3];
  guint measured = 0;

  for (guint bold = 0; bold < 2; bold++)
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        if (!_psephos_text_measure_both (tm, labels[i], bold, direct, pango))
          continue;
        measured++;
        g_test_message ("%s%s: %.3f vs pango %.3f", labels[i], bold ? " (bold)" : "", direct[0], pango[0]);
        /* At the 64 px reference size: within a hundredth of a pixel
         * per glyph. */
        g_assert_cmpfloat_with_epsilon (direct[0], pango[0], 0.01 * g_utf8_strlen (labels[i], -1));
        g_assert_cmpfloat_with_epsilon (direct[1], pango[1], 0.05);
        g_assert_cmpfloat_with_epsilon (direct[2], pango[2], 0.05);
      }
  if (measured == 0)
    {
      g_test_skip ("the chart font (Noto Sans) was not installed when this was built");
      return;
    }
  g_assert_cmpuint (measured, ==, 2 * G_N_ELEMENTS (labels));
  /* Devanagari is not in the chart font: pango measures it. */
  g_assert_false (_psephos_text_measure_both (tm, "लोक सभा 2024", FALSE, direct, pango));
}

typedef struct
{
  double ink;         /* sum of alpha, in pixels */
  int x0, y0, x1, y1; /* inked box */
} Ink;

static Ink
ink_of (cairo_surface_t *surface)
{
  Ink ink = { 0, G_MAXINT, G_MAXINT, -1, -1 };
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 a = data[y * stride + x];

        if (a == 0)
          continue;
        ink.ink += a / 255.0;
        ink.x0 = MIN (ink.x0, x), ink.y0 = MIN (ink.y0, y);
        ink.x1 = MAX (ink.x1, x), ink.y1 = MAX (ink.y1, y);
      }
  return ink;
}

/* Labels drawn straight from the chart font's file look as pango draws
 * them: the same ink in the same place. */
static void
test_draw_direct_matches_pango (void)
{
  static const char *const labels[] = {
    "Mumbai North West (SHS) 48",
    "Lok Sabha 2024: winning margins",
    "1,24,053",
  };

  for (guint bold = 0; bold < 2; bold++)
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        cairo_surface_t *direct = cairo_image_surface_create (CAIRO_FORMAT_A8, 600, 60);
        cairo_surface_t *pango = cairo_image_surface_create (CAIRO_FORMAT_A8, 600, 60);
        cairo_t *cr = cairo_create (direct);
        PangoLayout *layout;
        PangoFontDescription *desc;
        double scale = 17.0 / PSEPHOS_CHART_FONT_REFERENCE_SIZE;
        Ink a, b;

        if (!_psephos_chart_draw_text_direct (cr, labels[i], bold, 10, 40, 17))
          {
            cairo_destroy (cr);
            cairo_surface_destroy (direct);
            cairo_surface_destroy (pango);
            g_test_skip ("the chart font (Noto Sans) was not installed when this was built");
            return;
          }
        cairo_destroy (cr);

        cr = cairo_create (pango);
        layout = pango_cairo_create_layout (cr);
        _psephos_chart_pango_context_setup (pango_layout_get_context (layout), cr);
        pango_layout_context_changed (layout);
        desc = _psephos_chart_font (PSEPHOS_CHART_FONT_REFERENCE_SIZE, bold);
        pango_layout_set_font_description (layout, desc);
        pango_font_description_free (desc);
        pango_layout_set_text (layout, labels[i], -1);
        cairo_translate (cr, 10, 40);
        cairo_scale (cr, scale, scale);
        cairo_move_to (cr, 0, -(double) pango_layout_get_baseline (layout) / PANGO_SCALE);
        pango_cairo_show_layout (cr, layout);
        g_object_unref (layout);
        cairo_destroy (cr);

        a = ink_of (direct);
        b = ink_of (pango);
        g_test_message ("%s%s: ink %.1f vs %.1f, box %d,%d–%d,%d vs %d,%d–%d,%d", labels[i], bold ? " (bold)" : "",
                        a.ink, b.ink, a.x0, a.y0, a.x1, a.y1, b.x0, b.y0, b.x1, b.y1);
        g_assert_cmpfloat (a.ink, >, 100);
        g_assert_cmpfloat (fabs (a.ink - b.ink), <, 0.02 * b.ink);
        g_assert_cmpint (ABS (a.x0 - b.x0), <=, 1);
        g_assert_cmpint (ABS (a.x1 - b.x1), <=, 1);
        g_assert_cmpint (ABS (a.y0 - b.y0), <=, 1);
        g_assert_cmpint (ABS (a.y1 - b.y1), <=, 1);
        cairo_surface_destroy (direct);
        cairo_surface_destroy (pango);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/format/count", test_format_count);
  g_test_add_func ("/charts/measure/direct-matches-pango", test_measure_direct_matches_pango);
  g_test_add_func ("/charts/draw/direct-matches-pango", test_draw_direct_matches_pango);
  g_test_add_func ("/charts/format/decimal", test_format_decimal);
  g_test_add_func ("/charts/layout/hemicycle-scales", test_hemicycle_scales);
  g_test_add_func ("/charts/layout/hemicycle-order", test_hemicycle_order);
  g_test_add_func ("/charts/layout/tally-groups", test_tally_groups);
  g_test_add_func ("/charts/layout/seat-names", test_seat_names);
  g_test_add ("/charts/layout/labels", Fixture, "bypolls", fixture_set_up, test_labels_everywhere, fixture_tear_down);
  g_test_add ("/charts/store/seat", Fixture, "bypolls", fixture_set_up, test_seat_chart, fixture_tear_down);
  g_test_add ("/charts/store/bypoll-hemicycle", Fixture, "bypolls", fixture_set_up, test_bypoll_hemicycle, fixture_tear_down);
  g_test_add ("/charts/store/margins-turnout-tally", Fixture, "bypolls", fixture_set_up, test_margins_turnout_tally, fixture_tear_down);
  g_test_add ("/charts/store/errors", Fixture, "bypolls", fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/charts/store/no-data", Fixture, NULL, fixture_set_up, test_no_data, fixture_tear_down);
  g_test_add ("/charts/export/files", Fixture, "bypolls", fixture_set_up, test_export_files, fixture_tear_down);
  g_test_add ("/charts/export/failures", Fixture, "bypolls", fixture_set_up, test_export_failures, fixture_tear_down);
  g_test_add ("/charts/export/async", Fixture, "bypolls", fixture_set_up, test_export_async, fixture_tear_down);
  g_test_add ("/charts/export/draw-matches-export", Fixture, "bypolls", fixture_set_up, test_draw_matches_export, fixture_tear_down);
  g_test_add ("/charts/real/jharkhand-2024", Fixture, NULL, fixture_set_up, test_real_jharkhand, fixture_tear_down);
  g_test_add ("/charts/real/lok-sabha-2024", Fixture, NULL, fixture_set_up, test_real_lok_sabha, fixture_tear_down);
  g_test_add_func ("/charts/real/dehra-sample", test_real_dehra);

  return g_test_run ();
}
