/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-charts-export.c — the export step alone, as the app runs it: the
 * chart is built from the store once, then psephos_chart_export() lays it
 * out, draws it and writes the file. Prints "KIND FORMAT MILLISECONDS" per
 * line, the best of RUNS.
 *
 *   bench-charts-export STORE ELECTION OUTDIR [RUNS]
 */
#include <stdlib.h>

#include "psephos-chart.h"

int
main (int argc, char **argv)
{
  static const PsephosChartKind kinds[] = { PSEPHOS_CHART_HEMICYCLE, PSEPHOS_CHART_MARGINS };
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int runs;

  if (argc < 4)
    {
      g_printerr ("usage: bench-charts-export STORE ELECTION OUTDIR [RUNS]\n");
      return 2;
    }
  runs = argc > 4 ? atoi (argv[4]) : 5;
  store = psephos_store_open (argv[1], PSEPHOS_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      PsephosChartQuery query = { .election = argv[2] };
      g_autoptr (PsephosChart) chart = psephos_chart_new_for_store (store, kinds[k], &query, &error);

      if (chart == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      for (PsephosChartFormat f = PSEPHOS_CHART_FORMAT_PNG; f <= PSEPHOS_CHART_FORMAT_PDF; f++)
        {
          g_autofree char *name = g_strdup_printf ("export-%s.%s", psephos_chart_kind_to_string (kinds[k]),
                                                   psephos_chart_format_to_string (f));
          g_autofree char *path = g_build_filename (argv[3], name, NULL);
          gint64 best = G_MAXINT64;

          for (int i = 0; i < runs; i++)
            {
              gint64 start = g_get_monotonic_time ();

              if (!psephos_chart_export (chart, path, f, 1200, 800, PSEPHOS_CHART_THEME_LIGHT, NULL, &error))
                {
                  g_printerr ("%s\n", error->message);
                  return 1;
                }
              best = MIN (best, g_get_monotonic_time () - start);
            }
          g_print ("%s %s %.1f\n", psephos_chart_kind_to_string (kinds[k]),
                   psephos_chart_format_to_string (f), best / 1000.0);
        }
    }
  return 0;
}
