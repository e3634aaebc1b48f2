/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-cli-chart.c — `psephos-cli export-chart`: renders one chart of the
 * store to a PNG, SVG or PDF file.
 */
#include "config.h"

#include "psephos-chart-csv.h"
#include "psephos-chart.h"
#include "psephos-cli.h"

#define DEFAULT_WIDTH 1200
#define DEFAULT_HEIGHT 800

int
_psephos_cli_cmd_export_chart (PsephosCliContext *ctx, int argc, char **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *election = NULL;
  g_autofree char *state = NULL;
  g_autofree char *seat = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *data_csv = NULL;
  gboolean csv_only = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *theme_name = NULL;
  g_autofree char *locale = NULL;
  int width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT;
  const GOptionEntry entries[] = {
    { "chart", 0, 0, G_OPTION_ARG_STRING, &kind_name, "Chart kind: seat, tally, hemicycle, margins, turnout", "KIND" },
    { "election", 0, 0, G_OPTION_ARG_STRING, &election, "Election (default: the store's only one)", "NAME" },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, "Only this state (name, abbreviation or ECI code)", "NAME" },
    { "seat", 0, 0, G_OPTION_ARG_STRING, &seat, "Seat, for --chart seat", "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, "png, svg, pdf, or csv for the numbers behind the chart (default: from the file name)", "FORMAT" },
    { "data-csv", 0, 0, G_OPTION_ARG_FILENAME, &data_csv, "Also write the numbers behind the chart, with their sources, as CSV", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "File to write", "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Width in pixels (default 1200)", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Height in pixels (default 800)", "PX" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_name, "light or dark (default light)", "THEME" },
    { "locale", 0, 0, G_OPTION_ARG_STRING, &locale, "Write numbers for this locale (default: the environment's)", "LOCALE" },
    { NULL },
  };
  g_autoptr (GOptionContext) options = g_option_context_new ("- render a chart to a file");
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosChart) chart = NULL;
  PsephosChartQuery query = { 0 };
  PsephosChartKind kind;
  PsephosChartFormat format;
  PsephosChartTheme theme = PSEPHOS_CHART_THEME_LIGHT;

  g_option_context_add_main_entries (options, entries, NULL);
  g_option_context_set_help_enabled (options, TRUE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      _psephos_cli_error (ctx, "export-chart: %s", error->message);
      return PSEPHOS_CLI_USAGE;
    }
  if (argc > 1)
    {
      _psephos_cli_error (ctx, "export-chart: unexpected argument ‘%s’", argv[1]);
      return PSEPHOS_CLI_USAGE;
    }
  if (kind_name == NULL || output == NULL)
    {
      _psephos_cli_error (ctx, "export-chart: --chart KIND and --output FILE are required");
      return PSEPHOS_CLI_USAGE;
    }
  if ((format_name != NULL && g_ascii_strcasecmp (format_name, "csv") == 0)
      || (format_name == NULL && g_str_has_suffix (output, ".csv")))
    {
      csv_only = TRUE;
      format = PSEPHOS_CHART_FORMAT_PNG; /* not used */
    }
  else if (format_name != NULL)
    {
      if (!psephos_chart_format_from_string (format_name, &format, &error))
        {
          _psephos_cli_error (ctx, "export-chart: %s", error->message);
          return PSEPHOS_CLI_USAGE;
        }
    }
  else if (!psephos_chart_format_from_path (output, &format))
    {
      _psephos_cli_error (ctx, "export-chart: --format png|svg|pdf is required (‘%s’ does not say)", output);
      return PSEPHOS_CLI_USAGE;
    }
  if (theme_name != NULL)
    {
      if (g_ascii_strcasecmp (theme_name, "light") == 0)
        theme = PSEPHOS_CHART_THEME_LIGHT;
      else if (g_ascii_strcasecmp (theme_name, "dark") == 0)
        theme = PSEPHOS_CHART_THEME_DARK;
      else
        {
          _psephos_cli_error (ctx, "export-chart: unknown theme ‘%s’ (light or dark)", theme_name);
          return PSEPHOS_CLI_USAGE;
        }
    }
  if (width < 64 || height < 64 || width > 16384 || height > 16384)
    {
      _psephos_cli_error (ctx, "export-chart: size %d × %d is out of range (64 to 16384 pixels a side)",
                          width, height);
      return PSEPHOS_CLI_USAGE;
    }
  if (!psephos_chart_kind_from_string (kind_name, &kind, &error))
    {
      _psephos_cli_error (ctx, "export-chart: %s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }
  if (kind == PSEPHOS_CHART_SEAT && seat == NULL)
    {
      _psephos_cli_error (ctx, "export-chart: --chart seat needs --seat NAME");
      return PSEPHOS_CLI_USAGE;
    }

  store = _psephos_cli_open_store (ctx, FALSE, TRUE);
  if (store == NULL)
    return PSEPHOS_CLI_REJECTED;

  query.election = election;
  query.state = state;
  query.seat = seat;
  chart = psephos_chart_new_for_store (store, kind, &query, &error);
  if (chart == NULL)
    {
      _psephos_cli_error (ctx, "export-chart: %s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }
  if (locale != NULL)
    psephos_chart_set_locale (chart, locale);
  if (csv_only)
    {
      if (!psephos_chart_write_csv (chart, output, &error))
        {
          _psephos_cli_error (ctx, "export-chart: %s", error->message);
          return PSEPHOS_CLI_REJECTED;
        }
      return PSEPHOS_CLI_OK;
    }
  if (!psephos_chart_export (chart, output, format, width, height, theme, NULL, &error))
    {
      _psephos_cli_error (ctx, "export-chart: %s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }
  if (data_csv != NULL && !psephos_chart_write_csv (chart, data_csv, &error))
    {
      _psephos_cli_error (ctx, "export-chart: %s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }
  return PSEPHOS_CLI_OK;
}
