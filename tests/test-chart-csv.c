/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-csv.c — the numbers behind a chart as CSV: columns per kind,
 * the title and sources in comment lines, quoting, unknown values empty,
 * written atomically with errors naming the file. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "psephos-chart-csv.h"
#include "psephos-chart-private.h"

static PsephosChart *
seat_chart (void)
{
  PsephosChartModel *model = _psephos_chart_model_new (PSEPHOS_CHART_SEAT);
  PsephosChartItem *it;

  model->title = g_strdup ("Dehra (Himachal Pradesh)");
  model->subtitle = g_strdup ("Assembly bypolls July 2024 · votes by candidate · declared");
  model->caption = g_strdup ("Source: \"The Tribune\", 13 July 2024.");
  it = _psephos_chart_model_add (model, "Kamlesh Thakur", "INC", "#19aaed", 32737);
  it->share = 100.0 * 32737 / 56575;
  it->flags |= PSEPHOS_ITEM_WINNER;
  it->group = g_strdup ("INDIA");
  it = _psephos_chart_model_add (model, "Hoshyar Singh, \"Hoshiyar\"", "BJP", "#ff9933", 23338);
  it->share = NAN;
  it = _psephos_chart_model_add (model, "NOTA", "NOTA", NULL, 500);
  it->share = NAN;
  it->flags |= PSEPHOS_ITEM_NOTA;
  return _psephos_chart_new_for_model (model);
}

static void
test_seat (void)
{
  g_autoptr (PsephosChart) chart = seat_chart ();
  g_autofree char *csv = psephos_chart_to_csv (chart);

  g_assert_cmpstr (csv, ==,
                   "# Dehra (Himachal Pradesh)\r\n"
                   "# Assembly bypolls July 2024 · votes by candidate · declared\r\n"
                   "# Source: 'The Tribune', 13 July 2024.\r\n"
                   "candidate,party,alliance,votes,vote_share_pct,result\r\n"
                   "Kamlesh Thakur,INC,INDIA,32737,57.86,won\r\n"
                   "\"Hoshyar Singh, \"\"Hoshiyar\"\"\",BJP,,23338,,lost\r\n"
                   "NOTA,NOTA,,500,,\r\n");
}

static void
test_tally_and_margins (void)
{
  PsephosChartModel *model = _psephos_chart_model_new (PSEPHOS_CHART_TALLY);
  PsephosChartItem *it = _psephos_chart_model_add (model, "Jharkhand Mukti Morcha", "JMM", NULL, 34);
  g_autoptr (PsephosChart) tally = NULL;
  g_autoptr (PsephosChart) margins = NULL;
  g_autofree char *csv = NULL;

  it->value2 = 0;
  it->group = g_strdup ("INDIA");
  tally = _psephos_chart_new_for_model (model);
  csv = psephos_chart_to_csv (tally);
  g_assert_cmpstr (csv, ==, "party,name,alliance,won,leading\r\nJMM,Jharkhand Mukti Morcha,INDIA,34,0\r\n");
  g_clear_pointer (&csv, g_free);

  model = _psephos_chart_model_new (PSEPHOS_CHART_TURNOUT);
  _psephos_chart_model_add (model, "#1 Seat", "BJP", NULL, 67.456);
  margins = _psephos_chart_new_for_model (model);
  csv = psephos_chart_to_csv (margins);
  /* A first cell starting with '#' is quoted, so it is not taken for a comment. */
  g_assert_cmpstr (csv, ==, "seat,winner_party,turnout_pct\r\n\"#1 Seat\",BJP,67.46\r\n");
}

static void
test_write (void)
{
  g_autoptr (PsephosChart) chart = seat_chart ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("psephos-chart-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "dehra.csv", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "dehra.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = psephos_chart_to_csv (chart);

  g_assert_true (psephos_chart_write_csv (chart, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  g_assert_false (psephos_chart_write_csv (chart, nowhere, &error));
  g_assert_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, nowhere));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-csv/seat", test_seat);
  g_test_add_func ("/chart-csv/tally-and-turnout", test_tally_and_margins);
  g_test_add_func ("/chart-csv/write", test_write);
  return g_test_run ();
}
