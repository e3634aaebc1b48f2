/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-csv.h — the numbers behind a chart as CSV, for people who
 * redraw it elsewhere.
 *
 * RFC 4180 with CRLF line ends, UTF-8, numbers unlocalised (a point for
 * decimals, no grouping), unknown values empty. Before the header, lines
 * starting with "# " give the chart's title, subtitle and sources (its
 * caption); a reader skips them (Python: filter lines starting with '#').
 * Columns by chart kind:
 *   seat               candidate,party,alliance,votes,vote_share_pct,result
 *   tally, hemicycle   party,name,alliance,won,leading
 *   margins            seat,winner_party,margin
 *   turnout            seat,winner_party,turnout_pct
 */
#pragma once

#include "psephos-chart.h"

G_BEGIN_DECLS

char *psephos_chart_to_csv (PsephosChart *self);

/* Writes psephos_chart_to_csv() to @path (a temporary file renamed over
 * it). Errors are PSEPHOS_CHART_ERROR_WRITE, "PATH: reason". */
gboolean psephos_chart_write_csv (PsephosChart *self,
                                  const char *path,
                                  GError **error);

G_END_DECLS
